"""Shared set-up for the format tests: the seeds with spans in two annotator layers, the
command run in-process, and a comparison of what a workspace holds per layer."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from annotator.cli import main
from annotator.core.workspace import Workspace
from annotator.formats import jsonl
from annotator.formats.registry import expand_paths, read_paths

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "data" / "seeds.reference.jsonl"
LAYERS = ("amal", "omar")


def run(capsys, *argv: Any) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def seeded_two_layers(path: Path) -> None:
    """The seeds, the reference spans as layer amal, and most of them (every third one and its
    relations left out, ids given as refs) as layer omar."""
    with Workspace(path, who="amal") as ws:
        ws.import_records(read_paths(expand_paths(SEEDS)))
        ws.import_records(jsonl.read(REFERENCE), layer="amal")
        records = list(jsonl.read(REFERENCE))
        for record in records:
            kept = [s for n, s in enumerate(record.spans) if n % 3 != 2]
            ids = {s["id"] for s in kept}
            record.spans = [
                {**{k: v for k, v in s.items() if k != "id"}, "ref": s["id"]} for s in kept
            ]
            record.relations = [
                {k: v for k, v in r.items() if k != "id"}
                for r in record.relations
                if r["head"] in ids and r["child"] in ids
            ]
        ws.import_records(records, layer="omar")


def layer_content(path: Path, layer: str) -> dict[str, Any]:
    """Per document (by text hash): the layer's spans as (start, end, label, attrs) and its
    relations as (head span, child span, label), independent of ids."""
    with Workspace(path, read_only=True) as ws:
        found: dict[str, Any] = {}
        for doc in ws.iter_documents():
            spans = {
                s.id: (s.start, s.end, s.label, tuple(sorted(s.attrs.items())))
                for s in ws.spans(doc.id, layer)
            }
            relations = sorted(
                (spans[r.head], spans[r.child], r.label) for r in ws.relations(doc.id, layer)
            )
            found[hashlib.sha256(doc.text.encode()).hexdigest()] = (
                sorted(spans.values()),
                relations,
            )
        return found


def table_snapshot(path: Path) -> list:
    with Workspace(path, read_only=True) as ws:
        return [
            ws.query(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("documents", "spans", "relations", "doc_status", "layers")
        ]


def export(capsys, db: Path, fmt: str, layer: str, *more: Any) -> tuple[int, str, str]:
    """``annotator --db DB export --format FMT --layer LAYER ...`` run in-process."""
    return run(capsys, "--db", db, "export", "--format", fmt, "--layer", layer, *more)
