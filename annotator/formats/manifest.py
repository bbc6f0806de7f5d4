"""The manifest written beside every export: what is in the file and how to verify it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from annotator import __version__
from annotator.core.errors import InputError
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_write, place, staged_write, sync_folder
from annotator.formats.selection import ExportDocument


def manifest_path(export_path: Path) -> Path:
    return export_path.with_name(export_path.name + ".manifest.json")


def file_sha256(path: Path) -> str:
    """The file's SHA-256; for an export that is a folder (brat, Hugging Face), the SHA-256 of
    its listing: one line per file, ``<sha256>  <relative path>``, sorted by path."""
    if path.is_dir():
        listing = "".join(
            f"{file_sha256(f)}  {f.relative_to(path).as_posix()}\n"
            for f in sorted(p for p in path.rglob("*") if p.is_file())
        )
        return hashlib.sha256(listing.encode("utf-8")).hexdigest()
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ExportTally:
    """What a manifest counts, gathered while documents stream past (no text is kept)."""

    def __init__(self) -> None:
        self.documents = 0
        self.labels: Counter[str] = Counter()
        self.relations: Counter[str] = Counter()

    def counting(self, documents: Iterable[ExportDocument]) -> Iterator[ExportDocument]:
        for item in documents:
            self.documents += 1
            self.labels.update(s.label for s in item.spans)
            self.relations.update(r.label for r in item.relations)
            yield item

    def __len__(self) -> int:
        return self.documents


def build_manifest(
    export_path: Path,
    written: ExportTally | list[dict[str, Any]],
    *,
    layer: str,
    status: str | None,
    workspace_layers: list[str],
    fmt: str,
    schema: LabelSchema | None = None,
    extra: dict[str, Any] | None = None,
    content: Path | None = None,
) -> dict[str, Any]:
    """The manifest of ``export_path``; its hash is read from ``content`` (the staged
    export) when the export is not in place yet. ``schema`` is the workspace's label schema
    the annotations were made with (a reader learns the labels, colours and values from it)."""
    if isinstance(written, ExportTally):
        labels, relations = written.labels, written.relations
    else:
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
        **({"label_schema": schema.to_dict()} if schema is not None else {}),
        **(extra or {}),
    }


def dump_manifest(manifest: dict[str, Any], fh: IO[str]) -> None:
    json.dump(manifest, fh, ensure_ascii=False, indent=2, allow_nan=False)
    fh.write("\n")


def write_manifest(
    export_path: Path, written: ExportTally | list[dict[str, Any]], **fields: Any
) -> dict[str, Any]:
    """Write the manifest of an export already in place."""
    manifest = build_manifest(export_path, written, **fields)
    with atomic_write(manifest_path(export_path)) as fh:
        dump_manifest(manifest, fh)
    return manifest


def export_with_manifest(
    export_path: Path, write: Callable[[Path], ExportTally], **fields: Any
) -> dict[str, Any]:
    """Write an export (a file or a folder, any format) and its manifest so that no failure
    or kill leaves a manifest that does not describe the export beside it.

    ``write`` writes the export to the path it is given (a staging folder beside
    ``export_path`` holds it, with whatever files the format writes beside it). The order,
    each step durable before the next:
      1. the export and then its manifest are written completely in the staging folder
         (a failure here, a full disk say, changes nothing and removes both);
      2. the old manifest is removed;
      3. the export (and the files beside it) is renamed over the old export;
      4. the manifest is renamed into place.
    A kill after 2 leaves the old or the new export without a manifest, never beside the old
    one; every manifest present describes the export beside it.
    """
    target = manifest_path(export_path)
    try:
        export_path.parent.mkdir(parents=True, exist_ok=True)
        # Absolute, like the names mkstemp returns inside it: a relative stage made the staged
        # manifest look like a companion file of the export (`-o out/amal.jsonl`).
        stage = Path(
            tempfile.mkdtemp(prefix=f".{export_path.name}.", suffix=".part", dir=export_path.parent)
        ).absolute()
    except OSError as exc:
        raise InputError(str(export_path), f"cannot be written ({exc.strerror or exc}).") from exc
    try:
        staged_export = stage / export_path.name
        written = write(staged_export)
        manifest = build_manifest(export_path, written, content=staged_export, **fields)
        with staged_write(stage / target.name) as (fh, staged_manifest):
            dump_manifest(manifest, fh)
        beside = [p for p in stage.iterdir() if p not in (staged_export, staged_manifest)]
        target.unlink(missing_ok=True)
        sync_folder(target.parent)
        place(staged_export, export_path)
        for extra in beside:  # a format's companion files (Label Studio's configuration)
            place(extra, export_path.parent / extra.name)
        os.replace(staged_manifest, target)
        sync_folder(target.parent)
    except OSError as exc:
        raise InputError(str(export_path), f"cannot be written ({exc.strerror or exc}).") from exc
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return manifest
