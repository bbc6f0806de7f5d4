"""The manifest written beside every export: what is in the file and how to verify it."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.formats.atomic import atomic_write


def manifest_path(export_path: Path) -> Path:
    return export_path.with_name(export_path.name + ".manifest.json")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class ExportCounts:
    """What an export wrote, counted as it went (no per-document list kept)."""

    documents: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)

    def add(self, labels: list[str], relations: list[str]) -> None:
        self.documents += 1
        self.labels.update(labels)
        self.relations.update(relations)


def write_manifest(
    export_path: Path,
    written: ExportCounts,
    *,
    layer: str,
    status: str | None,
    workspace_layers: list[str],
    fmt: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    labels, relations = written.labels, written.relations
    manifest = {
        "file": export_path.name,
        "format": fmt,
        "sha256": file_sha256(export_path),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": "arabic-news-annotator",
        "tool_version": __version__,
        "layer": layer,
        "status_filter": status,
        "documents": written.documents,
        "spans": sum(labels.values()),
        "spans_per_label": dict(sorted(labels.items())),
        "relations": sum(relations.values()),
        "relations_per_label": dict(sorted(relations.items())),
        "workspace_layers": workspace_layers,
        **(extra or {}),
    }
    with atomic_write(manifest_path(export_path)) as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return manifest
