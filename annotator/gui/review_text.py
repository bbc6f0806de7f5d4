"""The review panel's rows in the interface language, with notes that annotators left.

The plain-Python review screen (:mod:`annotator.review.screen`) words conflicts for the command
line; here the same rows are built from translated words, Arabic snippets quoted inside Unicode
isolates (U+2068 … U+2069) so they keep their order in a left-to-right line and a
right-to-left one alike. A conflict whose spans carry a note shows it, and conflicts with a
flagged note, like flagged document notes, come first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Note
from annotator.gui.plain import isolate, shorten
from annotator.review.conflicts import Conflict, ConflictKind
from annotator.review.screen import ReviewWords
from annotator.review.screen import conflict_title as plain_title

translate = QCoreApplication.translate
FLAG = "⚑"
NOTE_ROW_PREFIX = "note:"


def review_words() -> ReviewWords:
    """The review screen's words in the interface language, read when asked (a language
    switch applies at once)."""
    return ReviewWords(
        kinds={
            ConflictKind.MISSING: translate("Review", "missing in some layers"),
            ConflictKind.BOUNDARY: translate("Review", "boundary differs"),
            ConflictKind.LABEL: translate("Review", "label differs"),
            ConflictKind.ATTRIBUTE: translate("Review", "attribute differs"),
            ConflictKind.RELATION: translate("Review", "relation differs"),
        },
        version=translate("Review", "{layer}: {line}"),
        nothing=translate("Review", "nothing"),
        decided=translate("Review", "decided: {resolution}"),
        gold=translate("Review", "gold: {line} — {provenance}"),
        resolutions={
            "take": translate("Review", "take"),
            "merge": translate("Review", "merge"),
            "reject": translate("Review", "reject"),
            "gold": translate("Review", "already in gold"),
            "moot": translate("Review", "moot after another decision"),
        },
        methods={
            "take": translate("Review", "take"),
            "merge": translate("Review", "merge"),
            "auto-unanimous": translate("Review", "automatic, unanimous"),
            "auto-majority": translate("Review", "automatic, majority"),
        },
        drawn_by=translate("Review", "drawn in gold by {author}"),
        drawn_by_hand=translate("Review", "drawn in gold by hand"),
        from_layers=translate("Review", "from {layers}"),
        no_layer=translate("Review", "no layer"),
        made_by=translate("Review", "by {method}"),
        votes=translate("Review", "votes {agreeing}/{total}"),
        decided_by=translate("Review", "decided by {who}"),
        reason=translate("Review", "reason: {reason}"),
        separator=translate("Review", "; "),
    )


def conflict_span_ids(conflict: Conflict) -> set[str]:
    ids = {s.id for spans in conflict.versions.values() for s in spans}
    for found in conflict.relations.values():
        for rv in found:
            ids.update((rv.head.id, rv.child.id))
    return ids


def note_words(note: Note) -> str:
    mark = f"{FLAG} " if note.flagged else ""
    return f"{mark}{isolate(note.author)}: {isolate(shorten(note.text, 80))}"


def conflict_title(conflict: Conflict, text: str, notes: Sequence[Note] = ()) -> str:
    """One row: decided or open, kind, labels, the region's text, and its notes."""
    title = plain_title(conflict, text, review_words())
    for note in notes:
        title += "\n    " + note_words(note)
    return title


def conflict_rows(
    conflicts: Sequence[Conflict], text: str, notes: Sequence[Note]
) -> list[tuple[str, str]]:
    """(id, row) for the conflict list: flagged items first (document notes flagged for the
    reviewer, then conflicts with a flagged note), the rest in text order."""
    by_span: dict[str, list[Note]] = {}
    for note in notes:
        if note.span_id is not None:
            by_span.setdefault(note.span_id, []).append(note)
    rows: list[tuple[bool, str, str]] = []
    for note in notes:
        if note.span_id is None and note.flagged:
            row = translate("Review", "Note on the document — {note}").format(note=note_words(note))
            rows.append((True, NOTE_ROW_PREFIX + note.id, row))
    for conflict in conflicts:
        attached = [n for sid in sorted(conflict_span_ids(conflict)) for n in by_span.get(sid, [])]
        attached.sort(key=lambda n: (not n.flagged, n.created))
        flagged = any(n.flagged for n in attached)
        rows.append((flagged, conflict.id, conflict_title(conflict, text, attached)))
    ordered = [r for r in rows if r[0]] + [r for r in rows if not r[0]]
    return [(row_id, row) for _flagged, row_id, row in ordered]
