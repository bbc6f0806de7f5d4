"""Import and export speed against plain baselines measured in the same run.

Targets (issue "Foundation"): importing 10,000 articles of ~3 KB with 20 spans each within 2x of
sqlite-utils ``insert_all`` of the same rows; exporting within 2x of a plain ``json.dumps`` loop
over the same rows read from the database with plain SQL. Both sides parse and serialise the same
data; ours also validates every span (schema, range, grapheme boundaries), checks hashes, logs
events and writes atomically.

    .venv/bin/python bench/import_export.py [--docs 10000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents, write_jsonl

from annotator.core.text import text_sha256
from annotator.core.workspace import Workspace
from annotator.formats import jsonl


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def baseline_import(source: Path, db_path: Path) -> None:
    """Parse the same JSONL and insert the same rows with sqlite-utils, nothing else."""
    db = sqlite_utils.Database(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    docs, spans = [], []
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            docs.append(
                {
                    "id": obj["id"],
                    "title": obj["meta"]["title"],
                    "text": obj["text"],
                    "sha256": text_sha256(obj["text"]),
                    "published": obj["meta"]["published"],
                }
            )
            for s in obj["spans"]:
                spans.append(
                    {
                        "id": uuid.uuid4().hex,
                        "doc_id": obj["id"],
                        "layer": "bench",
                        "start": s["start"],
                        "end": s["end"],
                        "label": s["label"],
                        "attrs": json.dumps(s["attrs"], ensure_ascii=False),
                    }
                )
    with db.atomic():
        db["documents"].insert_all(docs, pk="id")
        db["spans"].insert_all(spans, pk="id")
    db.close()


def baseline_export(db_path: Path, target: Path) -> None:
    """A bare exporter: the same rows read with plain SQL, then a json.dumps loop."""
    db = sqlite3.connect(db_path)
    spans: dict[str, list[dict]] = {}
    for sid, doc_id, start, end, label, attrs in db.execute(
        'SELECT id, doc_id, start, "end", label, attrs FROM spans ORDER BY doc_id, start, "end"'
    ):
        spans.setdefault(doc_id, []).append(
            {"id": sid, "start": start, "end": end, "label": label, "attrs": json.loads(attrs)}
        )
    with target.open("w", encoding="utf-8") as fh:
        for doc_id, title, text, sha in db.execute(
            "SELECT id, title, text, sha256 FROM documents ORDER BY rowid"
        ):
            row = {
                "id": doc_id,
                "text": text,
                "meta": {"title": title, "sha256": sha},
                "spans": [
                    {**s, "text": text[s["start"] : s["end"]]} for s in spans.get(doc_id, [])
                ],
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        write_jsonl(source, documents(args.docs))
        size_mb = source.stat().st_size / 1e6

        base_import = timed(lambda: baseline_import(source, folder / "baseline.db"))
        ws = Workspace(folder / "ours.db", who="bench")
        ours_import = timed(lambda: ws.import_records(jsonl.read(source), layer="bench"))
        spans = ws.query("SELECT count(*) FROM spans").fetchone()[0]

        base_export = timed(lambda: baseline_export(folder / "ours.db", folder / "base.jsonl"))
        ours_export = timed(lambda: jsonl.write(ws, folder / "ours.jsonl", "bench"))
        ws.close()

    print(f"corpus: {args.docs} documents, {spans} spans, {size_mb:.1f} MB of JSONL")
    print(
        f"import: ours {ours_import:.2f} s, sqlite-utils insert_all {base_import:.2f} s, "
        f"ratio {ours_import / base_import:.2f} (target <= 2.0)"
    )
    print(
        f"export: ours {ours_export:.2f} s, SELECT + json.dumps loop {base_export:.2f} s, "
        f"ratio {ours_export / base_export:.2f} (target <= 2.0)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
