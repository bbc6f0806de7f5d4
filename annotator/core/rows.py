"""Conversions between store rows and model objects, and the small checks they share.

Both the Workspace and the Importer write rows; keeping the conversions here means the two never
disagree on how a span or relation is stored.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import regex

from annotator.core.errors import ValidationError
from annotator.core.model import GOLD_LAYER, IMPORTED_LAYER, SUGGESTIONS_LAYER, Relation, Span

_LAYER_NAME = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}_.@-]{0,63}")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def check_layer_name(name: object) -> None:
    if not isinstance(name, str) or not _LAYER_NAME.fullmatch(name):
        raise ValidationError(
            f"Layer name {name!r} is not allowed: use 1-64 letters, digits, '_', '.', '@' or '-'."
        )


def layer_kind(name: str) -> str:
    return {GOLD_LAYER: "gold", SUGGESTIONS_LAYER: "suggestions", IMPORTED_LAYER: "imported"}.get(
        name, "annotator"
    )


def normalize_published(value: object) -> str | None:
    """Publication dates are ISO dates; a datetime keeps only its date."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValidationError(f"publication date {value!r} is not an ISO date (YYYY-MM-DD).")
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError as exc:
        raise ValidationError(
            f"publication date {value!r} is not an ISO date (YYYY-MM-DD)."
        ) from exc


def loads(value: str | None) -> Any:
    return json.loads(value) if value and value != "{}" else {}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)


SPAN_SELECT = (
    'SELECT id, doc_id, layer, start, "end", label, attrs, origin, confidence, provenance '
    "FROM spans"
)


def span_from_row(row: tuple[Any, ...]) -> Span:
    """A Span from a row of SPAN_SELECT (tuples: exports build hundreds of thousands)."""
    sid, doc_id, layer, start, end, label, attrs, origin, confidence, provenance = row[:10]
    return Span(
        sid, doc_id, layer, start, end, label, loads(attrs), origin, confidence, loads(provenance)
    )


def relation_from_row(row: dict[str, Any]) -> Relation:
    return Relation(
        id=row["id"],
        doc_id=row["doc_id"],
        layer=row["layer"],
        head=row["head"],
        child=row["child"],
        label=row["label"],
    )


def span_row(span: Span, author: str) -> dict[str, Any]:
    return {
        "id": span.id,
        "doc_id": span.doc_id,
        "layer": span.layer,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "attrs": dumps(span.attrs),
        "origin": span.origin,
        "confidence": span.confidence,
        "provenance": dumps(span.provenance),
        "author": author,
        "updated": now(),
    }


def relation_row(rel: Relation, author: str) -> dict[str, Any]:
    return {
        "id": rel.id,
        "doc_id": rel.doc_id,
        "layer": rel.layer,
        "head": rel.head,
        "child": rel.child,
        "label": rel.label,
        "author": author,
        "updated": now(),
    }
