"""Build ``setB.jsonl`` from the set B articles and their hand annotations.

Each ``annotations/bNN.json`` names its article and publication date and lists spans by exact
substring plus occurrence index, so that the annotation can be read and checked without
offsets. This script locates every span, asserts that the text at its offsets is the text
the annotator wrote, and writes the gold layer through the public ``Workspace`` API, so the
JSONL has the same shape as every other export of the tool.

Run from anywhere: ``python tests/data/realnews/build_b.py``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from pathlib import Path

from annotator.core.workspace import Workspace
from annotator.formats import jsonl, txt

HERE = Path(__file__).resolve().parent
OUT = HERE / "setB.jsonl"


def locate(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th appearance of ``needle`` (0-based)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"{needle!r} occurrence {occurrence} not found")
    return start, start + len(needle)


def check_boundaries(text: str, start: int, end: int, label: str) -> None:
    """Guidelines section 0: no spaces or sentence-final punctuation at the edges."""
    span = text[start:end]
    assert span == span.strip(), f"span with outer space: {span!r}"
    assert span[-1] not in ".،:؛؟!", f"{label} ends with punctuation: {span!r}"


def stable_id(*parts: object) -> str:
    """The same id on every build, so that setB.jsonl only changes when the annotation does."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "realnews-setB/" + "/".join(map(str, parts))).hex


def load_annotations() -> list[dict]:
    files = sorted((HERE / "annotations").glob("b*.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def build(out: Path = OUT) -> dict[str, int]:
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "setB.db", who="corpusB")
        cwd = os.getcwd()
        os.chdir(HERE)
        try:
            docs = load_annotations()
            records = []
            for doc in docs:
                records.extend(txt.read(Path(doc["article"])))
            ws.import_records(records)
        finally:
            os.chdir(cwd)
        for doc, record in zip(docs, records, strict=True):
            doc_id = record.id
            text = ws.document(doc_id).text
            ws.set_published(doc_id, doc["published"])
            ids: dict[str, str] = {}
            with ws.batch():
                for index, item in enumerate(doc["spans"]):
                    start, end = locate(text, item["text"], item.get("occurrence", 0))
                    assert text[start:end] == item["text"]
                    check_boundaries(text, start, end, item["label"])
                    span = ws.add_span(
                        doc_id,
                        "gold",
                        start,
                        end,
                        item["label"],
                        item.get("attrs") or None,
                        span_id=stable_id(doc_id, "span", index),
                    )
                    counts[item["label"]] = counts.get(item["label"], 0) + 1
                    if "ref" in item:
                        assert item["ref"] not in ids, f"{doc_id}: duplicate ref {item['ref']}"
                        ids[item["ref"]] = span.id
                for index, rel in enumerate(doc["relations"]):
                    ws.add_relation(
                        ids[rel["head"]],
                        ids[rel["child"]],
                        rel["label"],
                        relation_id=stable_id(doc_id, "relation", index),
                    )
                    counts[rel["label"]] = counts.get(rel["label"], 0) + 1
            ws.set_status(doc_id, "gold", "adjudicated")
        jsonl.write(ws, out, "gold")
        ws.close()
    counts["documents"] = len(docs)
    return counts


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(json.dumps(result, ensure_ascii=False, sort_keys=True))
