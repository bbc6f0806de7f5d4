"""The importer's rules for one stored row, for rows that come from another workspace file.

The JSONL importer refuses ids with control characters, text that is not normalised, NUL and
lone surrogates, attributes that are not JSON objects, unknown statuses and layer kinds, and
relations between spans of different documents or layers. A workspace file from elsewhere can
hold any of those (raw SQL writes anything), so ``merge`` and ``check`` apply the same rules,
through these functions, to the rows they read. Each raises ValidationError with a phrase that
the caller prefixes with the file and row it came from.
"""

from __future__ import annotations

import json
import math
from typing import Any

import regex

from annotator.core.errors import ValidationError
from annotator.core.model import Status
from annotator.core.rows import check_layer_name, layer_kind, normalize_published
from annotator.core.text import forbidden_character, normalize_text, text_sha256

# Ids of documents, spans and relations: no control or format characters, no path separators.
ID_PATTERN = regex.compile(r"^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\]{1,200}$")
TOMBSTONE_KINDS = frozenset({"span", "relation"})


def usable_id(value: object) -> bool:
    """The importer's rule for ids, lone surrogates (undecodable bytes) included."""
    return (
        isinstance(value, str)
        and ID_PATTERN.match(value) is not None
        and forbidden_character(value) is None
    )


def check_id(value: object, what: str = "id") -> str:
    if not usable_id(value):
        raise ValidationError(f"{what} {value!a} is not usable as an id.")
    assert isinstance(value, str)
    return value


def check_string(value: object, what: str) -> str:
    """A stored string: really text, without NUL or lone surrogates."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} is stored as {type(value).__name__}, not text.")
    found = forbidden_character(value)
    if found is not None:
        raise ValidationError(f"{what} contains {found[1]}.")
    return value


def refuse_non_finite(constant: str) -> float:
    """For ``json.loads(parse_constant=...)``: NaN and Infinity are not JSON."""
    raise ValueError(f"{constant} is not a JSON number")


def check_json_object(value: object, what: str) -> dict[str, Any]:
    """A JSON column (attrs, provenance, meta): a JSON object, finite numbers only."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} is not a JSON object.")
    check_string(value, what)
    try:
        parsed = json.loads(value, parse_constant=refuse_non_finite)
    except (ValueError, RecursionError) as exc:
        raise ValidationError(f"{what} {value[:80]!r} is not a JSON object ({exc}).") from exc
    if not isinstance(parsed, dict):
        raise ValidationError(f"{what} {value[:80]!r} is not a JSON object.")
    return parsed


def check_finite(value: object, what: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
        raise ValidationError(f"{what} {value!r} is not a finite number.")


def check_document_row(row: dict[str, Any]) -> None:
    """id, text (normalised, hash), title, source, publication date and meta of a document."""
    check_id(row["id"], "document id")
    text = check_string(row["text"], "its text")
    if normalize_text(text) != text:
        raise ValidationError("its text is not normalised (NFC with \\n line ends).")
    if text_sha256(text) != row["sha256"]:
        raise ValidationError("its text does not match its hash.")
    check_string(row["title"], "its title")
    check_string(row["source"], "its source")
    check_published(row["published"])
    check_json_object(row["meta"], "its meta")


def check_published(value: object) -> None:
    """A stored publication date is NULL or exactly an ISO date (YYYY-MM-DD)."""
    if value is not None and normalize_published(value) != value:
        raise ValidationError(f"publication date {value!r} is not an ISO date (YYYY-MM-DD).")


def check_layer_row(row: dict[str, Any]) -> None:
    check_layer_name(row["name"])
    if row["kind"] != layer_kind(row["name"]):
        raise ValidationError(
            f"layer {row['name']} has kind {row['kind']!r}, expected {layer_kind(row['name'])!r}."
        )


def check_span_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Everything of a span row but its offsets and label (the Workspace checks those against
    the text and the label schema); returns its parsed attributes."""
    check_id(row["id"], "span id")
    check_layer_name(row["layer"])
    attrs = check_json_object(row["attrs"], "its attrs")
    check_json_object(row["provenance"], "its provenance")
    check_finite(row["confidence"], "its confidence", optional=True)
    check_string(row["origin"], "its origin")
    check_string(row["author"], "its author")
    check_string(row["updated"], "its time")
    return attrs


def check_relation_ends(
    row: dict[str, Any], head: dict[str, Any] | None, child: dict[str, Any] | None
) -> None:
    """Both ends are spans of the relation's own document and layer."""
    check_id(row["id"], "relation id")
    for name, span in (("head", head), ("child", child)):
        if span is None:
            raise ValidationError(f"its {name} span {row[name]!r} does not exist.")
        if (span["doc_id"], span["layer"]) != (row["doc_id"], row["layer"]):
            raise ValidationError(
                f"its {name} span {row[name]} belongs to document {span['doc_id']}, "
                f"layer {span['layer']}."
            )


def check_status_row(row: dict[str, Any]) -> None:
    check_layer_name(row["layer"])
    try:
        Status(row["status"])
    except ValueError as exc:
        raise ValidationError(f"status {row['status']!r} is not a known status.") from exc
    check_finite(row["seconds"], "its time spent")


def check_tombstone_row(row: dict[str, Any]) -> None:
    check_id(row["id"], "tombstone id")
    check_layer_name(row["layer"])
    if row["kind"] not in TOMBSTONE_KINDS:
        raise ValidationError(f"tombstone kind {row['kind']!r} is not span or relation.")
    check_string(row["deleted"], "its time")
