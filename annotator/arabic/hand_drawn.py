"""What the engine proposes for a span the annotator drew by hand.

A hand-drawn DATE otherwise starts with no type and value, and the done-rule then blocks the
document until the value is typed, although the date engine can work it out. The proposal is
stored with the new span, shown in the form and changed there like any attribute; a text the
engine cannot resolve gets nothing, as before.
"""

from __future__ import annotations

from datetime import date

from annotator.core.schema import LabelSchema

DATE_LABEL = "DATE"


def proposed_attrs(
    schema: LabelSchema, label: str, text: str, published: str | date | None
) -> dict[str, str]:
    """Attribute values to start a new ``label`` span over ``text`` with (often none)."""
    spec = schema.labels.get(label)
    if label != DATE_LABEL or spec is None or not {"type", "value"} <= set(spec.attributes):
        return {}
    from annotator.arabic.dates import normalize_date  # the grammar: not before first paint

    found = normalize_date(text, published)
    if found is None:
        return {}
    kind, value = found
    allowed = spec.attributes["type"].values
    if allowed and kind not in allowed:
        return {"value": value}
    return {"type": kind, "value": value}
