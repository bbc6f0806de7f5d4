"""Exporting a layer, shared by ``annotator export`` and the window's Export… dialog.

One set of rules whatever the front end: the default file is ``exports/<layer>.<extension>``
in the *current directory* (whatever the install), a named file must go into a folder that
exists (a typo must not create a chain of folders), and a layer that does not exist is an
error. The formats offered are the registry's that write, and the writing itself is
:func:`annotator.formats.registry.export_layer`, the one door every export goes through.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError, ValidationError
from annotator.core.model import GOLD_LAYER
from annotator.core.rows import check_layer_name
from annotator.core.workspace import Workspace
from annotator.formats import registry
from annotator.formats.manifest import manifest_path
from annotator.review.agreement import manifest_figures

DEFAULT_EXPORTS = "exports"


def export_formats() -> list[str]:
    """Names of the registry's formats that write; the first (``jsonl``) is the default."""
    return registry.names("export")


def default_export_path(layer: str, fmt: str = "jsonl") -> Path:
    """``./exports/<layer>.<extension>`` of the current directory: one rule for every install."""
    check_layer_name(layer)  # it becomes a file name: never a path
    return registry.export_target(registry.get(fmt), Path.cwd() / DEFAULT_EXPORTS, layer)


def export_target(output: str | Path | None, layer: str, fmt: str = "jsonl") -> Path:
    """The file (or folder) an export writes: ``output`` (a file, or an existing folder) or the
    default."""
    chosen = registry.get(fmt)
    if not output:
        target = default_export_path(layer, fmt)
        target.parent.mkdir(exist_ok=True)
        return target
    target = Path(output)
    if target.is_dir():
        if chosen.folder and _replaceable(target):
            return target
        check_layer_name(layer)
        return registry.export_target(chosen, target, layer)
    if target.parent.exists() and not target.parent.is_dir():
        raise InputError(str(target), f"cannot be written: {target.parent} is not a folder.")
    if not target.parent.is_dir():
        raise InputError(
            str(target), f"cannot be written: the folder {target.parent} does not exist."
        )
    return target


def _replaceable(folder: Path) -> bool:
    """A folder export replaces an existing folder only if that is an earlier export (its
    manifest lies beside it) or empty; any other folder gets the export inside it."""
    return manifest_path(folder).is_file() or not any(folder.iterdir())


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
    """Write the export and its manifest through the registry's door; returns the manifest."""
    check_export_layer(ws, layer)
    return registry.export_layer(
        ws,
        registry.get(fmt),
        output,
        layer=layer,
        status=status,
        progress=progress,
        extra={"agreement": manifest_figures(ws)} if layer == GOLD_LAYER else None,
    )
