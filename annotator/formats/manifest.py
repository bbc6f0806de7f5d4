"""The manifest written beside every export: what is in the file and how to verify it."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_write
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


def write_manifest(
    export_path: Path,
    written: ExportTally | list[dict[str, Any]],
    *,
    layer: str,
    status: str | None,
    workspace_layers: list[str],
    fmt: str,
    schema: LabelSchema | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The export's manifest beside it; ``schema`` is the workspace's label schema the
    annotations were made with (a reader learns the labels, colours and values from it)."""
    if isinstance(written, ExportTally):
        labels, relations = written.labels, written.relations
    else:
        labels = Counter(label for doc in written for label in doc["labels"])
        relations = Counter(label for doc in written for label in doc["relations"])
    manifest = {
        "file": export_path.name,
        "format": fmt,
        "sha256": file_sha256(export_path),
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
    with atomic_write(manifest_path(export_path)) as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return manifest
