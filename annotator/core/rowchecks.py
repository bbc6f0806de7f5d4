"""The rules every stored row obeys: one set, for every row from wherever it comes.

The JSONL importer refuses ids with control characters, text that is not normalised, NUL and
lone surrogates, attributes that are not JSON objects, NaN and Infinity, unknown statuses and
layer kinds, and relations between spans of different documents or layers. The ``Writer`` in
``tables.py`` applies these functions to every row it writes (whoever writes it), and
``merge`` and ``check`` apply the row functions below to the rows of a workspace file from
elsewhere, which can hold anything (raw SQL writes anything), before anything is written or to
report what is wrong. Each raises ValidationError with a phrase that the caller prefixes with
the file and row it came from.
"""

from __future__ import annotations

import json
import math
from typing import Any

import regex

from annotator.core.errors import ValidationError
from annotator.core.model import GOLD_LAYER, SUGGESTIONS_LAYER, Note, Status
from annotator.core.notes import check_note
from annotator.core.rows import check_layer_name, layer_kind, normalize_published
from annotator.core.text import (
    forbidden_character,
    is_grapheme_boundary,
    normalize_fragment,
    normalize_text,
    text_sha256,
)

# Ids of documents, spans and relations: printable, no path separators (the importer's rule).
ID = regex.compile(r"[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\]{1,200}")
# Names, labels, times and authors: one line of printable text.
_CONTROL = regex.compile(r"[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]")
LAYER_KINDS = frozenset({"annotator", "gold", "suggestions", "imported"})
TOMBSTONE_KINDS = frozenset({"span", "relation", "note"})
ASSIGNMENT_ROLES = frozenset({"primary", "overlap"})


# ---------------------------------------------------------------------- values
def usable_id(value: object) -> bool:
    """The importer's rule for ids, lone surrogates (undecodable bytes) included."""
    if not isinstance(value, str):
        return False
    # Most ids (generated hex, doc_000123) are printable ASCII: no control, format or line
    # separator character, no surrogate, so only the slashes remain to look for. The same
    # answer as the full rule, without two regex passes per span of an import.
    if 0 < len(value) <= 200 and value.isascii() and value.isprintable():
        return "/" not in value and "\\" not in value
    return ID.fullmatch(value) is not None and forbidden_character(value) is None


def check_id(what: str, value: object) -> str:
    if not usable_id(value):
        raise ValidationError(f"{what} {value!a} is not usable as an id.")
    assert isinstance(value, str)
    return value


def check_string(what: str, value: object) -> str:
    """A stored string: really text, without NUL or lone surrogates."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} is stored as {type(value).__name__}, not text.")
    found = forbidden_character(value)
    if found is not None:
        raise ValidationError(f"{what} contains {found[1]}.")
    return value


def check_text(what: str, value: object) -> str:
    """Free text (a title): any characters but NUL and lone surrogates, normalised (NFC)."""
    check_string(what, value)
    assert isinstance(value, str)
    if normalize_fragment(value) != value:
        raise ValidationError(f"{what} {value!r} is not in normalised (NFC) form.")
    return value


def check_line(what: str, value: object, *, empty: bool = True) -> str:
    """One line of text: a string without control characters, NUL or lone surrogates, NFC."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} is stored as {type(value).__name__}, not text.")
    if not empty and not value:
        raise ValidationError(f"{what} must not be empty.")
    if _CONTROL.search(value) or forbidden_character(value) is not None:
        raise ValidationError(f"{what} {value!r} contains a control character.")
    if normalize_fragment(value) != value:
        raise ValidationError(f"{what} {value!r} is not in normalised (NFC) form.")
    return value


def check_number(what: str, value: object, *, optional: bool = False) -> float | None:
    """A finite number (never a bool, NaN or Infinity); None only when ``optional``."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"{what} {value!r} is not a finite number.")
    return float(value)


def refuse_non_finite(constant: str) -> Any:
    """For ``json.loads(parse_constant=...)``: NaN and Infinity are not JSON."""
    raise ValueError(f"{constant} is not a JSON number")


def parse_object(what: str, value: object) -> dict[str, Any]:
    """A JSON column (attrs, provenance, meta, payload): a JSON object, finite numbers only,
    given as its text or already parsed."""
    if isinstance(value, str):
        encoded = check_string(what, value)
        try:
            value = json.loads(encoded, parse_constant=refuse_non_finite)
        except (ValueError, RecursionError) as exc:
            raise ValidationError(f"{what} {encoded[:80]!r} is not a JSON object ({exc}).") from exc
    if not isinstance(value, dict):
        raise ValidationError(f"{what} must be a JSON object, not {type(value).__name__}.")
    return value


def check_object(what: str, value: object) -> str:
    """``parse_object``, encoded for its column (no NUL or lone surrogate inside either)."""
    parsed = parse_object(what, value)
    try:
        encoded = json.dumps(parsed, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ValidationError(f"{what} is not a JSON object ({exc}).") from exc
    if forbidden_character(encoded) is not None:
        raise ValidationError(f"{what} contains a NUL or a lone surrogate.")
    return encoded


def check_offsets(text: str, start: object, end: object, bounds: set[int] | None = None) -> None:
    """Offsets in range, non-empty, on grapheme boundaries (a letter keeps its marks).

    ``bounds`` holds offsets of ``text`` found to be boundaries by earlier calls (the spans of
    one document checked together share most of their ends); those found here are added.
    """
    if type(start) is not int or type(end) is not int:
        raise ValidationError(f"span offsets must be integers, not {start!r} and {end!r}.")
    if not 0 <= start < end <= len(text):
        raise ValidationError(
            f"span {start}-{end} is out of range for a text of {len(text)} characters "
            "(0 <= start < end <= length)."
        )
    for offset in (start, end):
        if bounds is not None and offset in bounds:
            continue
        if not is_grapheme_boundary(text, offset):
            raise ValidationError(
                f"span {start}-{end} would split a character cluster at offset {offset} "
                "(a letter and its marks stay together)."
            )
        if bounds is not None:
            bounds.add(offset)


def check_status(value: object) -> Status:
    if isinstance(value, str) and value in {s.value for s in Status}:
        return Status(value)
    allowed = ", ".join(s.value for s in Status)
    raise ValidationError(f"Unknown status {value!r} (allowed: {allowed}).")


def check_published(value: object) -> str | None:
    """A stored publication date is NULL or exactly an ISO date (YYYY-MM-DD)."""
    if value is not None and normalize_published(value) != value:
        raise ValidationError(f"publication date {value!r} is not an ISO date (YYYY-MM-DD).")
    return None if value is None else str(value)


def check_layer(name: object, kind: object) -> str:
    """A layer's name, and the kind its name gives it."""
    check_layer_name(name)
    assert isinstance(name, str)
    if kind not in LAYER_KINDS or kind != layer_kind(name):
        raise ValidationError(f"layer {name} has kind {kind!r}, expected {layer_kind(name)!r}.")
    return name


def check_assignment(annotator: object, role: object) -> None:
    check_layer_name(annotator)
    if annotator in (GOLD_LAYER, SUGGESTIONS_LAYER) or role not in ASSIGNMENT_ROLES:
        raise ValidationError(f"assignment to {annotator!r} as {role!r} is not allowed.")


# ---------------------------------------------------------------------- rows
def check_document_row(row: dict[str, Any]) -> None:
    """id, text (normalised, hash), title, source, publication date and meta of a document."""
    check_id("document id", row["id"])
    text = check_string("its text", row["text"])
    if not text.strip():
        raise ValidationError("its text is empty; a document needs a text to annotate.")
    if normalize_text(text) != text:
        raise ValidationError("its text is not normalised (NFC with \\n line ends).")
    if text_sha256(text) != row["sha256"]:
        raise ValidationError("its text does not match its hash.")
    check_text("its title", row["title"])
    check_string("its source", row["source"])
    check_published(row["published"])
    parse_object("its meta", row["meta"])


def check_layer_row(row: dict[str, Any]) -> None:
    check_layer(row["name"], row["kind"])


def check_span_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Everything of a span row but its offsets and label (those are checked against the
    text and the label schema); returns its parsed attributes."""
    check_id("span id", row["id"])
    check_layer_name(row["layer"])
    attrs = parse_object("its attrs", row["attrs"])
    check_object("its provenance", row["provenance"])
    check_number("its confidence", row["confidence"], optional=True)
    check_line("its origin", row["origin"], empty=False)
    check_line("its author", row["author"])
    check_line("its time", row["updated"], empty=False)
    return attrs


def check_relation_ends(
    row: dict[str, Any], head: dict[str, Any] | None, child: dict[str, Any] | None
) -> None:
    """Both ends are spans of the relation's own document and layer."""
    check_id("relation id", row["id"])
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
    check_status(row["status"])
    check_number("its time spent", row["seconds"])


def check_tombstone(kind: object, row_id: object, layer: object, deleted: object) -> None:
    if kind not in TOMBSTONE_KINDS:
        raise ValidationError(f"tombstone kind {kind!r} is not span, relation or note.")
    check_id("deleted id", row_id)
    check_layer_name(layer)
    check_line("its time", deleted, empty=False)


def check_tombstone_row(row: dict[str, Any]) -> None:
    check_tombstone(row["kind"], row["id"], row["layer"], row["deleted"])


def check_note_row(row: dict[str, Any]) -> None:
    """A stored note: usable ids, a known layer name, flagged 0 or 1, and text, author and
    time as ``core/notes.py`` requires of every note (its text stored already normalised)."""
    check_id("note id", row["id"])
    check_id("its document id", row["doc_id"])
    check_layer_name(row["layer"])
    if row["span_id"] is not None:
        check_id("its span id", row["span_id"])
    if row["flagged"] not in (0, 1) or isinstance(row["flagged"], float):
        raise ValidationError(f"its flagged {row['flagged']!r} is not 0 or 1.")
    note = check_note(
        Note(
            row["id"],
            row["doc_id"],
            row["layer"],
            row["span_id"],
            check_string("its text", row["text"]),
            row["author"],
            bool(row["flagged"]),
            row["created"],
        )
    )
    if note.text != row["text"]:
        raise ValidationError("its text is not stored as a note is (trimmed, NFC).")
