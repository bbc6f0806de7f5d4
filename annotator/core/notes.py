"""Notes: what an annotator tells the reviewer about a span or a document.

A note is plain text (never markup), at most ``MAX_NOTE_CHARS`` characters, without control
characters other than line breaks. The same checks apply whoever writes a note: the window, a
JSONL import or a merge. In JSONL a note is ``{"text", "author", "flagged", "created"}`` on a
document line or on a span (the contract's additive ``notes`` field).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import regex

from annotator.core.errors import ValidationError
from annotator.core.model import Note, new_id
from annotator.core.rows import now
from annotator.core.text import forbidden_character, normalize_fragment

MAX_NOTE_CHARS = 2000
# Any control or format-breaking character but the line break.
_CONTROL = regex.compile(r"[\p{Cc}\p{Cs}\p{Zl}\p{Zp}--[\n]]", regex.VERSION1)
_NAME_CONTROL = regex.compile(r"[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]")


def check_note_text(value: object) -> str:
    """The text of a note as stored: stripped, non-empty, plain, normalised (NFC)."""
    if not isinstance(value, str):
        raise ValidationError(f"A note must be text, not {type(value).__name__}.")
    text = normalize_fragment(value.replace("\r\n", "\n").strip())
    if not text:
        raise ValidationError("A note cannot be empty.")
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError(f"A note holds at most {MAX_NOTE_CHARS} characters, not {len(text)}.")
    if _CONTROL.search(text) or forbidden_character(text) is not None:
        raise ValidationError("A note cannot contain control characters.")
    return text


def check_note(note: Note) -> Note:
    """``note`` with its text checked and its time spelt as stored (:func:`note_time`); its
    author and time must be one printable line."""
    for what, value in (("author", note.author), ("created", note.created)):
        if not isinstance(value, str) or not value or _NAME_CONTROL.search(value):
            raise ValidationError(f"A note's {what} {value!r} must be one line of text.")
    created = note_time(note.created, "created")
    if not isinstance(note.flagged, bool):
        raise ValidationError(f"A note's flagged {note.flagged!r} must be true or false.")
    return Note(
        note.id,
        note.doc_id,
        note.layer,
        note.span_id,
        check_note_text(note.text),
        note.author,
        note.flagged,
        created,
    )


def note_time(value: str, what: str = "time") -> str:
    """An ISO-8601 time spelt as every note time is stored: UTC, milliseconds, ``+00:00`` (the
    shape of ``rows.now()`` and of the tombstones' times). Merge decides which change of a note
    is newer by comparing these as text, which is right only if one instant has one spelling
    (``Z`` and ``+00:00``, ``+03:00``, seconds with or without fractions all come in by JSONL
    and from other files). A time without a zone is taken as UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"A note's {what} {value!r} is not an ISO time.") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def note_object(note: Note) -> dict[str, Any]:
    """A note as the JSONL export writes it."""
    return {
        "text": note.text,
        "author": note.author,
        "flagged": note.flagged,
        "created": note.created,
    }


def notes_from_objects(
    raw: object, doc_id: str, layer: str, span_id: str | None, default_author: str
) -> list[Note]:
    """The notes a JSONL document line or span carries, checked (ValidationError otherwise)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValidationError('"notes" must be a list.')
    found = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise ValidationError(f"note {number} must be an object with a text.")
        try:
            note = check_note(
                Note(
                    new_id(),
                    doc_id,
                    layer,
                    span_id,
                    item.get("text"),  # type: ignore[arg-type]
                    item.get("author") or default_author,
                    item.get("flagged", False),
                    item.get("created") or now(),
                )
            )
        except ValidationError as exc:
            raise ValidationError(f"note {number}: {exc}") from exc
        found.append(note)
    return found


def note_from_row(row: Any) -> Note:
    """A Note from (id, doc_id, layer, span_id, text, author, flagged, created)."""
    return Note(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])


NOTE_SELECT = "SELECT id, doc_id, layer, span_id, text, author, flagged, created FROM notes"
