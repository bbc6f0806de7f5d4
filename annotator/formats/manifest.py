"""The manifest written beside every export: what is in the file and how to verify it."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from annotator import __version__
from annotator.core.errors import InputError
from annotator.formats.atomic import atomic_write, staged_write, sync_folder


def manifest_path(export_path: Path) -> Path:
    return export_path.with_name(export_path.name + ".manifest.json")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_manifest(
    export_path: Path,
    written: list[dict[str, Any]],
    *,
    layer: str,
    status: str | None,
    workspace_layers: list[str],
    fmt: str,
    extra: dict[str, Any] | None = None,
    content: Path | None = None,
) -> dict[str, Any]:
    """The manifest of ``export_path``; its hash is read from ``content`` (the staged file)
    when the export is not in place yet."""
    labels = Counter(label for doc in written for label in doc["labels"])
    relations = Counter(label for doc in written for label in doc["relations"])
    return {
        "file": export_path.name,
        "format": fmt,
        "sha256": file_sha256(content or export_path),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": "arabic-news-annotator",
        "tool_version": __version__,
        "layer": layer,
        "status_filter": status,
        "documents": len(written),
        "spans": sum(labels.values()),
        "spans_per_label": dict(sorted(labels.items())),
        "relations": sum(relations.values()),
        "relations_per_label": dict(sorted(relations.items())),
        "workspace_layers": workspace_layers,
        **(extra or {}),
    }


def dump_manifest(manifest: dict[str, Any], fh: IO[str]) -> None:
    json.dump(manifest, fh, ensure_ascii=False, indent=2, allow_nan=False)
    fh.write("\n")


def write_manifest(
    export_path: Path, written: list[dict[str, Any]], **fields: Any
) -> dict[str, Any]:
    """Write the manifest of an export already in place."""
    manifest = build_manifest(export_path, written, **fields)
    with atomic_write(manifest_path(export_path)) as fh:
        dump_manifest(manifest, fh)
    return manifest


def export_with_manifest(
    export_path: Path,
    write: Callable[[IO[str]], list[dict[str, Any]]],
    **fields: Any,
) -> dict[str, Any]:
    """Write an export and its manifest so that no failure or kill leaves a manifest that
    does not describe the file beside it.

    The order, each step durable before the next:
      1. the export and then its manifest are written completely under temporary names
         (a failure here, a full disk say, changes nothing and removes both);
      2. the old manifest is removed;
      3. the export is renamed over the old export;
      4. the manifest is renamed into place.
    A kill after 2 leaves the old or the new export without a manifest, never beside the old
    one; every manifest present describes the file beside it.
    """
    target = manifest_path(export_path)
    with staged_write(export_path) as (fh, staged_export):
        written = write(fh)
    try:
        manifest = build_manifest(export_path, written, content=staged_export, **fields)
        with staged_write(target) as (fh, staged_manifest):
            dump_manifest(manifest, fh)
    except BaseException:
        staged_export.unlink(missing_ok=True)
        raise
    try:
        target.unlink(missing_ok=True)
        sync_folder(target.parent)
        os.replace(staged_export, export_path)
        os.replace(staged_manifest, target)
        sync_folder(target.parent)
    except OSError as exc:
        staged_export.unlink(missing_ok=True)
        staged_manifest.unlink(missing_ok=True)
        raise InputError(str(export_path), f"cannot be written ({exc.strerror or exc}).") from exc
    return manifest
