"""JSONL, the contract format: one document a line with one layer's spans and relations.

Reading also accepts the minimal shapes other tools write (spaCy/Prodigy, doccano): a line with
``text`` and optionally ``id``, ``meta`` and ``spans`` with start/end/label.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from annotator.core.errors import InputError
from annotator.core.model import GOLD_LAYER, SUGGESTIONS_LAYER, Document, Relation, Span
from annotator.core.records import MAX_DOCUMENT_BYTES, DocumentRecord
from annotator.core.workspace import Workspace
from annotator.formats.atomic import atomic_write
from annotator.formats.manifest import ExportCounts
from annotator.formats.txt import decode_file

_META_FIELDS = ("title", "source", "published", "sha256")


BATCH = 500  # documents read at a time by write()


def read(path: Path) -> Iterator[DocumentRecord]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror}).") from exc
    with fh:
        for number, raw_line in enumerate(_bounded_lines(fh, path), 1):
            line = decode_file(path, raw_line, number - 1)
            if not line.strip():
                continue
            yield parse_line(line, str(path), number)


def _bounded_lines(fh: BinaryIO, path: Path) -> Iterator[bytes]:
    """Lines of at most MAX_DOCUMENT_BYTES: a longer one is refused after reading only that
    much of it, so a huge line (or a file without line breaks) cannot exhaust memory."""
    number = 0
    while raw := fh.readline(MAX_DOCUMENT_BYTES + 2):
        number += 1
        if len(raw.rstrip(b"\r\n")) > MAX_DOCUMENT_BYTES:
            raise InputError(
                str(path),
                f"the line is longer than {MAX_DOCUMENT_BYTES // 2**20} MiB, the most one "
                "document may hold; split the file or shorten the document.",
                number,
            )
        yield raw


def parse_line(line: str, path: str, number: int) -> DocumentRecord:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            path, f"is not valid JSON ({exc.msg}, column {exc.colno}).", number
        ) from exc
    except (ValueError, RecursionError) as exc:  # over-long integers, absurd nesting
        raise InputError(path, f"is not usable JSON ({exc}).", number) from exc
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object.", number)
    if not isinstance(obj.get("text"), str):
        raise InputError(path, 'the object has no "text" string.', number)
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(path, '"meta" must be an object.', number)
    extra = {k: v for k, v in meta.items() if k not in _META_FIELDS}
    doc_id = obj.get("id")
    layer = obj.get("layer")
    if layer is not None and not isinstance(layer, str):
        raise InputError(path, '"layer" must be a string.', number)
    return DocumentRecord(
        text=obj["text"],
        path=path,
        line=number,
        id=None if doc_id is None else str(doc_id),
        id_is_explicit=doc_id is not None,
        title=meta.get("title") if isinstance(meta.get("title"), str) else None,
        source=str(meta.get("source") or ""),
        published=meta.get("published"),
        sha256=meta.get("sha256") if isinstance(meta.get("sha256"), str) else None,
        meta=extra,
        layer=layer,
        status=obj.get("status"),
        adjudicator=obj.get("adjudicator"),
        spans=obj.get("spans") or [],
        relations=obj.get("relations") or [],
    )


def document_object(
    doc: Document,
    layer: str,
    status: str,
    annotators: list[str],
    spans: list[Span],
    relations: list[Relation],
    adjudicator: str | None = None,
) -> dict[str, Any]:
    """One line of the export, exactly in the contract's shape.

    Gold lines also name their ``adjudicator`` (who decided the gold layer), right after the
    ``annotators`` whose layers it was decided from.
    """
    obj: dict[str, Any] = {
        "id": doc.id,
        "text": doc.text,
        "meta": {
            **doc.meta,
            "title": doc.title,
            "source": doc.source,
            "published": doc.published,
            "sha256": doc.sha256,
        },
        "layer": layer,
        "status": status,
        "annotators": annotators,
    }
    if layer == GOLD_LAYER:
        obj["adjudicator"] = adjudicator
    obj["spans"] = [
        {
            "id": s.id,
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "text": doc.text[s.start : s.end],
            "attrs": s.attrs,
        }
        for s in spans
    ]
    obj["relations"] = [
        {"id": r.id, "head": r.head, "child": r.child, "label": r.label} for r in relations
    ]
    return obj


def write(
    ws: Workspace,
    path: Path,
    layer: str,
    status: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportCounts:
    """Write every document (or those with ``status`` in ``layer``); returns what was written.

    Documents are read a batch at a time with that batch's spans, relations, statuses and
    annotators, so memory stays flat however large the corpus; the counts returned are what a
    manifest needs.
    """
    written = ExportCounts()
    count = 0
    with atomic_write(path) as fh:
        for batch in ws.document_batches(BATCH):
            ids = [doc.id for doc in batch]
            spans = ws.spans_of_documents(layer, ids)
            relations = ws.relations_of_documents(layer, ids)
            statuses = ws.statuses_of_documents(layer, ids)
            contributors = ws.contributors_by_document(ids) if layer == GOLD_LAYER else {}
            adjudicators = ws.adjudicators_by_document(ids) if layer == GOLD_LAYER else {}
            for doc in batch:
                count += 1
                doc_status = statuses.get(doc.id, "new")
                if status is None or doc_status == status:
                    if layer == GOLD_LAYER:
                        annotators = contributors.get(doc.id, [])
                    elif layer == SUGGESTIONS_LAYER:
                        annotators = []
                    else:
                        annotators = [layer]
                    doc_spans = spans.get(doc.id, [])
                    doc_relations = relations.get(doc.id, [])
                    obj = document_object(
                        doc,
                        layer,
                        str(doc_status),
                        annotators,
                        doc_spans,
                        doc_relations,
                        adjudicators.get(doc.id),
                    )
                    fh.write(json.dumps(obj, ensure_ascii=False))
                    fh.write("\n")
                    written.add([s.label for s in doc_spans], [r.label for r in doc_relations])
                if progress:
                    progress(count)
    return written
