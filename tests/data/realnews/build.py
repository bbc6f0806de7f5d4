"""Build the real-news gold JSONL from the article texts and the hand-made annotation files.

Each annotation file (``annotations/aNN.json``) names its spans by exact substring and occurrence
index, so that a reviewer can read it without counting offsets. This script finds every span in
the stored document text, checks it against the boundary rules of the guidelines that can be
checked mechanically, and writes the gold layer through the project's public ``Workspace`` API,
exactly as an annotator's work would be stored, then exports it with the JSONL writer.

Usage (from the repository root)::

    .venv/bin/python tests/data/realnews/build.py          # set A -> setA.jsonl next to it
    .venv/bin/python tests/data/realnews/build.py --fill   # first write occurrence indexes
    .venv/bin/python tests/data/realnews/build.py --prefix b --out /tmp/setB.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from annotator.core.workspace import Workspace
from annotator.formats import jsonl, txt

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
LABEL_ATTRS = {
    "QUOTE": {"kind"},
    "SPEAKER": {"entity"},
    "DATE": {"type", "value"},
    "CLAIM": {"checkworthy"},
}
RELATIONS = {"said_by": ("QUOTE", "SPEAKER"), "claimed_by": ("CLAIM", "SPEAKER")}
FINAL_PUNCTUATION = ".،:؛,;"
QUOTE_MARKS = "\"«»“”„'"


class AnnotationError(Exception):
    """A span or relation of an annotation file that does not fit its article."""


def locate(text: str, needle: str, occurrence: int, where: str) -> int:
    """Start offset of the ``occurrence``-th (0-based) match of ``needle`` in ``text``."""
    if not needle:
        raise AnnotationError(f"{where}: empty span text")
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise AnnotationError(f"{where}: occurrence {occurrence} of {needle!r} not found")
    return start


def occurrence_in_context(text: str, item: dict[str, Any], where: str) -> int:
    """The occurrence index of a span given by a unique ``context`` string that contains it.

    Annotators write the context (a phrase around the span) because counting occurrences of a
    short word such as ``الوزارة`` by eye is error-prone; ``--fill`` turns it into the index.
    """
    context, needle = item["context"], item["text"]
    first = text.find(context)
    if first < 0 or text.find(context, first + 1) >= 0:
        raise AnnotationError(f"{where}: context {context!r} must occur exactly once")
    inner = context.find(needle)
    if inner < 0:
        raise AnnotationError(f"{where}: context {context!r} does not contain {needle!r}")
    target = first + inner
    occurrence, start = 0, text.find(needle)
    while start != target:
        occurrence += 1
        start = text.find(needle, start + 1)
    return occurrence


def fill(prefix: str) -> None:
    """Write the occurrence index of every span that has a context into its annotation file."""
    for path in sorted((HERE / "annotations").glob(f"{prefix}[0-9][0-9].json")):
        article = next((HERE / "articles").glob(f"{path.stem}_*.txt"))
        text = txt.decode_file(article, article.read_bytes())
        spec = json.loads(path.read_text("utf-8"))
        for i, item in enumerate(spec["spans"]):
            where = f"{path.name} span {i} ({item.get('ref', '')})"
            if "context" in item:
                item["occurrence"] = occurrence_in_context(text, item, where)
            elif "occurrence" not in item:
                if text.count(item["text"]) != 1:
                    raise AnnotationError(f"{where}: {item['text']!r} is ambiguous, add a context")
                item["occurrence"] = 0
        path.write_text(dump_spec(spec), "utf-8")


def dump_spec(spec: dict[str, Any]) -> str:
    """One span or relation a line, so that a reviewer reads a file like a list."""

    def lines(items: list[dict[str, Any]]) -> str:
        return ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in items)

    return (
        "{\n"
        f' "published": {json.dumps(spec["published"])},\n'
        f' "spans": [\n{lines(spec["spans"])}\n ],\n'
        f' "relations": [\n{lines(spec.get("relations", []))}\n ]\n'
        "}\n"
    )


PAIRED_MARKS = {"«": "»", "“": "”"}


def nested_marks_balanced(span: str) -> bool:
    """A direct quote may start or end with a mark only when that mark belongs to a nested
    quotation inside it (``... «وليس لدينا خطط لنقلها»``), never when it is the enclosing one."""
    if span[0] not in QUOTE_MARKS and span[-1] not in QUOTE_MARKS:
        return True
    if PAIRED_MARKS.get(span[0]) == span[-1] or (span[0] == span[-1] and span[0] in "\"'"):
        return False
    for opening, closing in PAIRED_MARKS.items():
        if span.count(opening) != span.count(closing) and opening != closing:
            return False
    return all(span.count(mark) % 2 == 0 for mark in "\"'")


def check_boundaries(label: str, attrs: dict[str, str], span: str, where: str) -> None:
    """The boundary rules of section 0 and 1 of the guidelines that a machine can check."""
    if span != span.strip():
        raise AnnotationError(f"{where}: span starts or ends with white space: {span!r}")
    if span[-1] in FINAL_PUNCTUATION:
        raise AnnotationError(f"{where}: span ends with punctuation: {span!r}")
    if label == "QUOTE" and attrs.get("kind") == "direct" and not nested_marks_balanced(span):
        raise AnnotationError(f"{where}: direct quote keeps its enclosing marks: {span!r}")
    if label in {"SPEAKER", "DATE"} and (span[0] in QUOTE_MARKS or span[-1] in QUOTE_MARKS):
        raise AnnotationError(f"{where}: {label} starts or ends with a quotation mark: {span!r}")
    expected = LABEL_ATTRS[label]
    if set(attrs) != expected:
        raise AnnotationError(f"{where}: {label} needs attributes {sorted(expected)}, got {attrs}")


def annotation_path(article: Path) -> Path:
    """``articles/a01_outlet_topic.txt`` is annotated in ``annotations/a01.json``."""
    return HERE / "annotations" / f"{article.stem.split('_', 1)[0]}.json"


def build(prefix: str, out: Path, only: set[str] | None = None) -> dict[str, Any]:
    """Import the articles of one set, add their gold annotations and export them."""
    articles = sorted((HERE / "articles").glob(f"{prefix}[0-9][0-9]_*.txt"))
    if only:
        articles = [p for p in articles if p.stem.split("_", 1)[0] in only]
    if not articles:
        raise AnnotationError(f"no articles named {prefix}NN_*.txt")
    missing = [p.name for p in articles if not annotation_path(p).exists()]
    if missing:
        raise AnnotationError(f"articles without an annotation file: {', '.join(missing)}")
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "build.db", who="corpus-builder")
        records = []
        for path in articles:
            records.extend(txt.read(path.relative_to(ROOT)))
        ws.import_records(records)
        for path in articles:
            doc_id = path.stem
            number = doc_id.split("_", 1)[0]
            spec = json.loads(annotation_path(path).read_text("utf-8"))
            text = ws.document(doc_id).text
            ws.set_published(doc_id, spec["published"])
            refs: dict[str, tuple[str, str]] = {}
            with ws.batch():
                for i, item in enumerate(spec["spans"]):
                    where = f"{number}.json span {i} ({item.get('ref', '')})"
                    label, attrs = item["label"], item.get("attrs", {})
                    start = locate(text, item["text"], item["occurrence"], where)
                    if (
                        "context" in item
                        and occurrence_in_context(text, item, where) != item["occurrence"]
                    ):
                        raise AnnotationError(f"{where}: occurrence does not match the context")
                    end = start + len(item["text"])
                    assert text[start:end] == item["text"], where
                    check_boundaries(label, attrs, item["text"], where)
                    span = ws.add_span(
                        doc_id, "gold", start, end, label, attrs, span_id=f"{doc_id}-s{i:03d}"
                    )
                    if item.get("ref"):
                        if item["ref"] in refs:
                            raise AnnotationError(f"{where}: duplicate ref {item['ref']}")
                        refs[item["ref"]] = (span.id, label)
                    counts[label] = counts.get(label, 0) + 1
                linked: set[str] = set()
                for j, rel in enumerate(spec.get("relations", [])):
                    where = f"{number}.json relation {rel}"
                    head_label, child_label = RELATIONS[rel["label"]]
                    head_id, got_head = refs[rel["head"]]
                    child_id, got_child = refs[rel["child"]]
                    if (got_head, got_child) != (head_label, child_label):
                        raise AnnotationError(f"{where}: links {got_head} to {got_child}")
                    relation_id = f"{doc_id}-r{j:03d}"
                    ws.add_relation(head_id, child_id, rel["label"], relation_id=relation_id)
                    linked.update({rel["head"], rel["child"]})
                    counts[rel["label"]] = counts.get(rel["label"], 0) + 1
            for ref, (_, label) in refs.items():
                if label in {"QUOTE", "SPEAKER"} and ref not in linked:
                    raise AnnotationError(f"{number}.json: {label} {ref} has no relation")
            ws.set_status(doc_id, "gold", "adjudicated")
        jsonl.write(ws, out, "gold")
        ws.close()
    counts["documents"] = len(articles)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", default="a", help="article file prefix (a = set A)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--fill", action="store_true", help="write occurrence indexes first")
    parser.add_argument("--only", nargs="*", help="article numbers to check (a01 ...)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    out = args.out or HERE / f"set{args.prefix.upper()}.jsonl"
    try:
        if args.fill:
            fill(args.prefix)
        counts = build(args.prefix, out.resolve(), set(args.only) if args.only else None)
    except AnnotationError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 2
    print(json.dumps(counts, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
