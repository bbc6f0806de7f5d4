"""Which spans a quote or claim may be linked to, in the order the keyboard offers them.

Linking from the keyboard highlights one candidate at a time; the fewer keys before the right
one, the faster. Arabic news names a quote's source right next to it, usually just before it
("وقال الرئيس بوتين إن ..."), so candidates come nearest first, and of two at the same
distance the one before the quote first. Reading order from the quote onwards would put the
usual answer last.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.document_state import span_order
from annotator.core.model import Span


def gap(head: Span, other: Span) -> int:
    """The characters between two spans (0 when they touch, overlap or nest)."""
    return max(other.start - head.end, head.start - other.end, 0)


def link_candidates(head: Span, spans: Iterable[Span], labels: frozenset[str]) -> list[Span]:
    """The spans of ``labels`` (the labels the schema lets ``head`` link to) other than
    ``head``, nearest first; at equal distance one before the head first, then text order."""
    return sorted(
        (s for s in spans if s.label in labels and s.id != head.id),
        key=lambda s: (gap(head, s), s.start >= head.start, span_order(s)),
    )
