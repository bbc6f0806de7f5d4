"""Build ``set<L>.jsonl`` from the articles of one real-news set and their hand annotations.

The set is named by its letter (``B``, ``C``, ...): its annotation files are
``annotations/<l>NN.json`` and its output is ``set<L>.jsonl`` next to this script. Each
annotation file names its article and publication date and lists spans by exact
substring plus occurrence index, so that the annotation can be read and checked without
offsets. This script locates every span, asserts that the text at its offsets is the text
the annotator wrote, and writes the gold layer through the public ``Workspace`` API, so the
JSONL has the same shape as every other export of the tool.

Run from anywhere: ``python tests/data/realnews/build_set.py C [OUT]``. Set A has its own
format (spans located by context) and its own ``build.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
import uuid
from pathlib import Path

from annotator.core.workspace import Workspace
from annotator.formats import jsonl, txt

HERE = Path(__file__).resolve().parent


def _set_a_rules():
    """Set A's ``build.py`` holds the mechanical boundary rules; every set keeps the same."""
    spec = importlib.util.spec_from_file_location("realnews_build_rules", HERE / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RULES = _set_a_rules()


def locate(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th appearance of ``needle`` (0-based)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"{needle!r} occurrence {occurrence} not found")
    return start, start + len(needle)


FINAL_PUNCTUATION = ".،:؛؟!,;"


def check_span(label: str, attrs: dict, span: str, where: str) -> None:
    """The mechanical boundary rules of the guidelines (sections 0-3), the same for every set:
    no outer space or sentence-final punctuation, the label's attributes, and quotation marks
    at an edge of a direct QUOTE, SPEAKER or DATE only when they belong to a nested quotation
    or name inside the span (``وكالة الفضاء الأمريكية "ناسا"``), never when they enclose it."""
    if span != span.strip():
        raise RULES.AnnotationError(f"{where}: span with outer space: {span!r}")
    if span[-1] in FINAL_PUNCTUATION:
        raise RULES.AnnotationError(f"{where}: {label} ends with punctuation: {span!r}")
    if set(attrs) != RULES.LABEL_ATTRS[label]:
        raise RULES.AnnotationError(f"{where}: {label} needs {sorted(RULES.LABEL_ATTRS[label])}")
    marked = label in {"SPEAKER", "DATE"} or attrs.get("kind") == "direct"
    if marked and not RULES.nested_marks_balanced(span):
        raise RULES.AnnotationError(f"{where}: {label} keeps its enclosing marks: {span!r}")


def check_links(doc: dict, where: str) -> None:
    """Section 5 of the guidelines: relations join the right labels, every QUOTE has a speaker
    and every SPEAKER is the source of something."""
    labels = {item["ref"]: item["label"] for item in doc["spans"] if "ref" in item}
    linked: set[str] = set()
    for rel in doc["relations"]:
        expected = RULES.RELATIONS[rel["label"]]
        got = (labels.get(rel["head"]), labels.get(rel["child"]))
        if got != expected:
            raise RULES.AnnotationError(f"{where}: {rel} links {got[0]} to {got[1]}")
        linked.update({rel["head"], rel["child"]})
    said = {rel["head"] for rel in doc["relations"] if rel["label"] == "said_by"}
    for ref, label in labels.items():
        if (label == "QUOTE" and ref not in said) or (label == "SPEAKER" and ref not in linked):
            raise RULES.AnnotationError(f"{where}: {label} {ref} has no relation")


def stable_id(letter: str, *parts: object) -> str:
    """The same id on every build, so that the set's JSONL only changes when the annotation does."""
    name = f"realnews-set{letter}/" + "/".join(map(str, parts))
    return uuid.uuid5(uuid.NAMESPACE_URL, name).hex


def load_annotations(letter: str) -> list[dict]:
    files = sorted((HERE / "annotations").glob(f"{letter.lower()}*.json"))
    if not files:
        raise SystemExit(f"build_set.py: no annotations/{letter.lower()}NN.json files")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def build(letter: str, out: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / f"set{letter}.db", who=f"corpus{letter}")
        cwd = os.getcwd()
        os.chdir(HERE)
        try:
            docs = load_annotations(letter)
            records = []
            for doc in docs:
                records.extend(txt.read(Path(doc["article"])))
            ws.import_records(records)
        finally:
            os.chdir(cwd)
        for doc, record in zip(docs, records, strict=True):
            doc_id = record.id
            where = Path(doc["article"]).name
            check_links(doc, where)
            text = ws.document(doc_id).text
            ws.set_published(doc_id, doc["published"])
            ids: dict[str, str] = {}
            with ws.batch():
                for index, item in enumerate(doc["spans"]):
                    start, end = locate(text, item["text"], item.get("occurrence", 0))
                    assert text[start:end] == item["text"]
                    check_span(
                        item["label"], item.get("attrs", {}), item["text"], f"{where} span {index}"
                    )
                    span = ws.add_span(
                        doc_id,
                        "gold",
                        start,
                        end,
                        item["label"],
                        item.get("attrs") or None,
                        span_id=stable_id(letter, doc_id, "span", index),
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
                        relation_id=stable_id(letter, doc_id, "relation", index),
                    )
                    counts[rel["label"]] = counts.get(rel["label"], 0) + 1
            ws.set_status(doc_id, "gold", "adjudicated")
        jsonl.write(ws, out, "gold")
        ws.close()
    counts["documents"] = len(docs)
    return counts


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or not sys.argv[1].isalpha():
        raise SystemExit("usage: build_set.py LETTER [OUT]")
    set_letter = sys.argv[1].upper()
    default_out = HERE / f"set{set_letter}.jsonl"
    try:
        result = build(set_letter, Path(sys.argv[2]) if len(sys.argv) == 3 else default_out)
    except RULES.AnnotationError as error:
        print(f"build_set.py: {error}", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(result, ensure_ascii=False, sort_keys=True))
