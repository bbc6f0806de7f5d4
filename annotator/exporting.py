"""Exporting a layer, shared by ``annotator export`` and the window's Export… dialog.

One set of rules whatever the front end: the default file is ``exports/<layer>.jsonl`` in the
*current directory* (whatever the install), a named file must go into a folder that exists
(a typo must not create a chain of folders), and a layer that does not exist is an error. The
formats offered come from :func:`export_formats`, the one place a format registry plugs in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError, ValidationError
from annotator.core.model import GOLD_LAYER
from annotator.core.rows import check_layer_name
from annotator.core.workspace import Workspace
from annotator.formats import jsonl
from annotator.formats.manifest import write_manifest
from annotator.review.agreement import manifest_figures

Writer = Callable[..., list[dict[str, Any]]]
DEFAULT_EXPORTS = "exports"


def export_formats() -> dict[str, Writer]:
    """Format name -> writer(ws, path, layer, status, progress); the first is the default."""
    return {"jsonl": jsonl.write}


def default_export_path(layer: str, fmt: str = "jsonl") -> Path:
    """``./exports/<layer>.<format>`` of the current directory: one rule for every install."""
    check_layer_name(layer)  # it becomes a file name: never a path
    return Path.cwd() / DEFAULT_EXPORTS / f"{layer}.{fmt}"


def export_target(output: str | Path | None, layer: str, fmt: str = "jsonl") -> Path:
    """The file an export writes: ``output`` (a file, or an existing folder) or the default."""
    if not output:
        target = default_export_path(layer, fmt)
        target.parent.mkdir(exist_ok=True)
        return target
    target = Path(output)
    if target.is_dir():
        check_layer_name(layer)
        return target / f"{layer}.{fmt}"
    if target.parent.exists() and not target.parent.is_dir():
        raise InputError(str(target), f"cannot be written: {target.parent} is not a folder.")
    if not target.parent.is_dir():
        raise InputError(
            str(target), f"cannot be written: the folder {target.parent} does not exist."
        )
    return target


def check_export_layer(ws: Workspace, layer: str) -> None:
    """A layer that does not exist is refused (``gold`` may still be empty)."""
    check_layer_name(layer)
    if layer != GOLD_LAYER and layer not in ws.layers():
        known = ", ".join(ws.layers()) or "none yet"
        raise ValidationError(f"{ws.path}: no layer '{layer}' (layers: {known}).")


def export_layer(
    ws: Workspace,
    output: Path,
    layer: str,
    status: str | None = None,
    fmt: str = "jsonl",
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Write the export file and its manifest beside it; returns the manifest."""
    check_export_layer(ws, layer)
    writers = export_formats()
    if fmt not in writers:
        raise ValidationError(f"unknown format '{fmt}' (formats: {', '.join(writers)}).")
    written = writers[fmt](ws, output, layer, status, progress)
    return write_manifest(
        output,
        written,
        layer=layer,
        status=status,
        workspace_layers=ws.layers(),
        fmt=fmt,
        extra={"agreement": manifest_figures(ws)} if layer == GOLD_LAYER else None,
    )
