"""JSONL, the contract format: one document a line with one layer's spans and relations.

Reading also accepts the minimal shapes other tools write (spaCy/Prodigy, doccano): a line with
``text`` and optionally ``id``, ``meta`` and ``spans`` with start/end/label.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from annotator.core.errors import InputError
from annotator.core.model import GOLD_LAYER, Document, Note, Relation, Span
from annotator.core.notes import note_object
from annotator.core.records import MAX_DOCUMENT_BYTES, DocumentRecord
from annotator.core.rowchecks import refuse_non_finite
from annotator.core.workspace import Workspace
from annotator.formats.atomic import atomic_write
from annotator.formats.manifest import ExportTally
from annotator.formats.selection import ExportDocument, select
from annotator.formats.txt import decode_file

_META_FIELDS = ("title", "source", "published", "sha256")


def read(path: Path) -> Iterator[DocumentRecord]:
    for number, obj in json_lines(path):
        yield record_from_object(obj, str(path), number)


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON-lines file, in bounded memory;
    a line that is not a JSON object is one InputError naming the file and line."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror}).") from exc
    with fh:
        for number, raw_line in enumerate(_bounded_lines(fh, path), 1):
            line = decode_file(path, raw_line, number - 1)
            if not line.strip():
                continue
            yield number, json_object(line, str(path), number)


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
    return record_from_object(json_object(line, path, number), path, number)


def json_object(line: str, path: str, number: int) -> dict[str, Any]:
    try:
        obj = json.loads(line, parse_constant=refuse_non_finite)  # NaN, Infinity: not JSON
    except json.JSONDecodeError as exc:
        raise InputError(
            path, f"is not valid JSON ({exc.msg}, column {exc.colno}).", number
        ) from exc
    except (ValueError, RecursionError) as exc:  # over-long integers, absurd nesting
        raise InputError(path, f"is not usable JSON ({exc}).", number) from exc
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object.", number)
    return obj


def record_from_object(obj: dict[str, Any], path: str, number: int) -> DocumentRecord:
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
        notes=obj.get("notes"),
    )


def document_object(
    doc: Document,
    layer: str,
    status: str,
    annotators: list[str],
    spans: list[Span],
    relations: list[Relation],
    adjudicator: str | None = None,
    notes: list[Note] | None = None,
) -> dict[str, Any]:
    """One line of the export, exactly in the contract's shape.

    Gold lines also name their ``adjudicator`` (who decided the gold layer), right after the
    ``annotators`` whose layers it was decided from. Notes are additive: a document or span
    carries ``notes`` only when it has some, so lines without notes are as before.
    """
    by_span: dict[str | None, list[dict[str, Any]]] = {}
    for note in notes or []:
        by_span.setdefault(note.span_id, []).append(note_object(note))
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
    obj["spans"] = [_span_object(doc, s, by_span.get(s.id), layer) for s in spans]
    obj["relations"] = [
        {"id": r.id, "head": r.head, "child": r.child, "label": r.label} for r in relations
    ]
    if by_span.get(None):
        obj["notes"] = by_span[None]
    return obj


def _span_object(
    doc: Document, s: Span, notes: list[dict[str, Any]] | None, layer: str
) -> dict[str, Any]:
    """A span in the contract's shape. A gold span a reviewer decided with a reason carries it
    (additive ``reason``), so the data says why the span is gold."""
    obj: dict[str, Any] = {
        "id": s.id,
        "start": s.start,
        "end": s.end,
        "label": s.label,
        "text": doc.text[s.start : s.end],
        "attrs": s.attrs,
    }
    reason = s.provenance.get("reason") if layer == GOLD_LAYER else None
    if isinstance(reason, str) and reason:
        obj["reason"] = reason
    if notes:
        obj["notes"] = notes
    return obj


def export_object(item: ExportDocument) -> dict[str, Any]:
    return document_object(
        item.document,
        item.layer,
        item.status,
        item.annotators,
        item.spans,
        item.relations,
        item.adjudicator,
        item.notes,
    )


def write_documents(documents: Iterable[ExportDocument], path: Path, schema: object = None) -> None:
    """The registry's writer: one line per selected document, written atomically."""
    with atomic_write(path) as fh:
        for item in documents:
            fh.write(json.dumps(export_object(item), ensure_ascii=False, allow_nan=False))
            fh.write("\n")


def write(
    ws: Workspace,
    path: Path,
    layer: str,
    status: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportTally:
    """Write every document (or those with ``status`` in ``layer``); returns what a manifest
    counts (no text)."""
    tally = ExportTally()
    write_documents(tally.counting(select(ws, layer, status, progress)), path)
    return tally
