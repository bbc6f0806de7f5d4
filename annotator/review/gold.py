"""Writing decided spans and relations into the gold layer, with where they came from.

Every route into gold (auto-adjudication, taking a version, a merge of versions) goes through
:func:`write_gold`, so gold rows always carry the same provenance fields and each decision is
one logged transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.model import GOLD_LAYER, Relation, Span, new_id
from annotator.core.rows import loads
from annotator.core.tables import Writer
from annotator.core.workspace import Workspace

ORIGIN = "adjudicated"


def provenance(
    layers: Sequence[str], method: str, who: str, reason: str | None = None, **extra: Any
) -> dict[str, Any]:
    """Which layers a gold span came from, how and by whom it was decided, and why."""
    out: dict[str, Any] = {"layers": sorted(layers), "method": method, "decided_by": who}
    if reason:
        out["reason"] = reason
    out.update(extra)
    return out


def gold_copy(span: Span, layers: Sequence[str], method: str, who: str, reason: str | None) -> Span:
    """A new gold span with the same extent, label and attributes as ``span``."""
    return Span(
        new_id(),
        span.doc_id,
        GOLD_LAYER,
        span.start,
        span.end,
        span.label,
        dict(span.attrs),
        ORIGIN,
        None,
        provenance(layers, method, who, reason),
    )


def gold_relation(doc_id: str, head: str, child: str, label: str) -> Relation:
    return Relation(new_id(), doc_id, GOLD_LAYER, head, child, label)


def write_gold(w: Writer, spans: Sequence[Span], relations: Sequence[Relation]) -> None:
    """Insert gold rows in the caller's transaction; documents touched leave status ``new``.

    Every row is checked by the writer like any other (offsets, labels, relation ends), so
    gold never holds what the importer would refuse.
    """
    docs = sorted({s.doc_id for s in spans} | {r.doc_id for r in relations})
    w.ensure_layer(GOLD_LAYER)
    w.insert_spans(spans)
    w.insert_relations(relations)
    w.touch_status(docs, GOLD_LAYER)


def record_resolution(
    w: Writer, conflict: str, doc_id: str, action: str, keys: Sequence[str], reason: str | None
) -> None:
    """Remember a reviewer's decision on a conflict (inside the caller's transaction)."""
    w.record_resolution(conflict, doc_id, action, keys, reason)


def rejected_keys(ws: Workspace) -> dict[str, set[str]]:
    """Per document, the span keys a reviewer rejected: auto-adjudication leaves them out."""
    out: dict[str, set[str]] = {}
    for doc_id, keys in ws.query("SELECT doc_id, keys FROM resolutions WHERE action = 'reject'"):
        out.setdefault(doc_id, set()).update(loads(keys))
    return out


def key_text(span: Span) -> str:
    """A span's extent and label as one string (how resolutions name the spans they cover)."""
    return f"{span.start}:{span.end}:{span.label}"
