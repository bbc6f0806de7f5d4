"""Every edit the annotation window makes, as a plain-Python command with ``do`` and ``undo``.

The GUI wraps these in ``QUndoCommand``s; the commands themselves only call the Workspace, so they
run and are tested without Qt, and the Workspace stays the one door to the store. A command
remembers what ``do`` returned (the span it created, what a delete removed) so that ``undo`` and
a later ``do`` (redo) restore exactly the same ids: relations made afterwards stay valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from annotator.core import suggestions
from annotator.core.errors import ValidationError
from annotator.core.model import GoldState, Note, Relation, Span, Status, new_id
from annotator.core.workspace import Workspace


class Command(Protocol):
    """What the undo stack needs: the document it belongs to, do and undo."""

    doc_id: str

    def do(self) -> None: ...

    def undo(self) -> None: ...


@dataclass
class AddSpan:
    ws: Workspace
    doc_id: str
    layer: str
    start: int
    end: int
    label: str
    attrs: dict[str, str] = field(default_factory=dict)
    # Chosen up front so the window can select the new span as it is first painted.
    span_id: str = field(default_factory=new_id)
    span: Span | None = None

    def do(self) -> None:
        if self.span is None:
            self.span = self.ws.add_span(
                self.doc_id,
                self.layer,
                self.start,
                self.end,
                self.label,
                self.attrs,
                span_id=self.span_id,
            )
        else:
            self.ws.restore_span(self.span)

    def undo(self) -> None:
        assert self.span is not None
        self.ws.delete_span(self.span.id)


@dataclass
class DeleteSpan:
    ws: Workspace
    doc_id: str
    span_id: str
    removed: tuple[Span, list[Relation]] | None = None

    def do(self) -> None:
        self.removed = self.ws.delete_span(self.span_id)

    def undo(self) -> None:
        assert self.removed is not None
        self.ws.restore_span(*self.removed)


@dataclass
class MoveSpan:
    """Change where a span starts and ends (the keyboard's character and word moves)."""

    ws: Workspace
    doc_id: str
    span_id: str
    start: int
    end: int
    before: tuple[int, int] | None = None

    def do(self) -> None:
        old = self.ws.span(self.span_id)
        self.before = (old.start, old.end)
        self.ws.update_span(self.span_id, start=self.start, end=self.end)

    def undo(self) -> None:
        assert self.before is not None
        self.ws.update_span(self.span_id, start=self.before[0], end=self.before[1])


@dataclass
class SetAttribute:
    """Set one attribute of a span; an empty value removes it."""

    ws: Workspace
    doc_id: str
    span_id: str
    name: str
    value: str
    before: dict[str, str] | None = None

    def do(self) -> None:
        self.before = dict(self.ws.span(self.span_id).attrs)
        attrs = {k: v for k, v in self.before.items() if k != self.name}
        if self.value:
            attrs[self.name] = self.value
        self.ws.update_span(self.span_id, attrs=attrs)

    def undo(self) -> None:
        assert self.before is not None
        self.ws.update_span(self.span_id, attrs=self.before)


@dataclass
class LinkSpeaker:
    """Link a QUOTE or CLAIM to its speaker, replacing the link it had, or unlink it.

    A quote has one speaker in this schema, so choosing another speaker moves the link rather
    than adding a second one. ``child_id`` None removes the link.
    """

    ws: Workspace
    doc_id: str
    head_id: str
    child_id: str | None
    label: str
    removed: list[Relation] = field(default_factory=list)
    added: Relation | None = None

    def do(self) -> None:
        head = self.ws.span(self.head_id)
        current = [
            r
            for r in self.ws.relations(head.doc_id, head.layer)
            if r.head == self.head_id and r.label == self.label
        ]
        if self.child_id is None and not current:
            raise ValidationError("This span has no speaker to unlink.")
        if self.child_id is not None:
            self.ws.schema.check_relation(self.label, head.label, self.ws.span(self.child_id).label)
            if any(r.child == self.child_id for r in current):
                raise ValidationError("This span is already linked to that speaker.")
        # One transaction: a failure between the delete and the add changes nothing.
        with self.ws.batch():
            removed = [self.ws.delete_relation(r.id) for r in current]
            added = None
            if self.child_id is not None:
                known = self.added.id if self.added else None
                added = self.ws.add_relation(
                    self.head_id, self.child_id, self.label, relation_id=known
                )
        self.removed = removed
        if added is not None:
            self.added = added

    def undo(self) -> None:
        with self.ws.batch():
            if self.added is not None and self.child_id is not None:
                self.ws.delete_relation(self.added.id)
            for rel in self.removed:
                self.ws.add_relation(rel.head, rel.child, rel.label, relation_id=rel.id)


@dataclass
class SetStatus:
    ws: Workspace
    doc_id: str
    layer: str
    status: Status
    before: Status | None = None

    def do(self) -> None:
        self.before = self.ws.status(self.doc_id, self.layer)
        self.ws.set_status(self.doc_id, self.layer, self.status)

    def undo(self) -> None:
        assert self.before is not None
        self.ws.set_status(self.doc_id, self.layer, self.before)


@dataclass
class SetPublished:
    ws: Workspace
    doc_id: str
    published: str | None
    before: str | None = None

    def do(self) -> None:
        self.before = self.ws.document(self.doc_id).published
        self.ws.set_published(self.doc_id, self.published)

    def undo(self) -> None:
        self.ws.set_published(self.doc_id, self.before)


@dataclass
class GoldDecision:
    """A reviewer's decision on a document's gold (take a version, merge, reject, accept what
    agrees) as one undo step, like a manual gold edit.

    ``decide`` is any review call; the document's gold is read just before and just after it,
    in the same transaction, and undo/redo put back those states with the same ids.
    """

    ws: Workspace
    doc_id: str
    decide: Callable[[Workspace], object]
    result: object = None
    before: GoldState | None = None
    after: GoldState | None = None

    def do(self) -> None:
        if self.after is not None:
            self.ws.restore_gold(self.after)
            return
        with self.ws.batch():
            before = self.ws.gold_state(self.doc_id)
            self.result = self.decide(self.ws)
            self.after = self.ws.gold_state(self.doc_id)
        self.before = before

    def undo(self) -> None:
        assert self.before is not None
        self.ws.restore_gold(self.before)


@dataclass
class AcceptSuggestions:
    """Accept pending suggestions into ``layer``; undo reopens them (the copies go again).

    The copies' ids are chosen up front, so a redo recreates the very spans that later
    commands (a link, an attribute edit) refer to.
    """

    ws: Workspace
    doc_id: str
    layer: str
    suggestion_ids: list[str]
    copy_ids: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for suggestion_id in self.suggestion_ids:
            self.copy_ids.setdefault(suggestion_id, new_id())

    def do(self) -> None:
        if not self.suggestion_ids:
            raise ValidationError("There is no pending suggestion to accept.")
        suggestions.accept_many(self.ws, self.suggestion_ids, self.layer, self.copy_ids)

    def undo(self) -> None:
        suggestions.reopen_many(self.ws, self.suggestion_ids)


@dataclass
class RejectSuggestion:
    """Reject one pending suggestion (later runs leave it out); undo makes it pending again."""

    ws: Workspace
    doc_id: str
    suggestion_id: str

    def do(self) -> None:
        suggestions.reject(self.ws, self.suggestion_id)

    def undo(self) -> None:
        suggestions.reopen(self.ws, self.suggestion_id)


@dataclass
class ReplaceWithSuggestion:
    """Accept a suggestion in place of the annotator's overlapping spans of the same label.

    The replaced spans' links move to the accepted copy (a quote keeps its speaker); undo
    reopens the suggestion and puts the annotator's spans back with their links and ids. One
    transaction each way, so an undo step never stops half-way.
    """

    ws: Workspace
    doc_id: str
    layer: str
    suggestion_id: str
    replaced_ids: list[str]
    copy_id: str = field(default_factory=new_id)
    removed: list[tuple[Span, list[Relation]]] = field(default_factory=list)

    def do(self) -> None:
        with self.ws.batch():
            removed = [self.ws.delete_span(span_id) for span_id in self.replaced_ids]
            suggestions.accept_many(
                self.ws, [self.suggestion_id], self.layer, {self.suggestion_id: self.copy_id}
            )
            gone = set(self.replaced_ids)
            linked: set[tuple[str, str, str]] = set()
            for _span, relations in removed:
                for rel in relations:
                    head = self.copy_id if rel.head in gone else rel.head
                    child = self.copy_id if rel.child in gone else rel.child
                    key = (head, child, rel.label)
                    if head != child and key not in linked and not self._linked(*key):
                        self.ws.add_relation(head, child, rel.label)
                        linked.add(key)
        self.removed = [(span, list(relations)) for span, relations in removed]

    def _linked(self, head: str, child: str, label: str) -> bool:
        return any(
            (r.head, r.child, r.label) == (head, child, label)
            for r in self.ws.relations(self.doc_id, self.layer)
        )

    def undo(self) -> None:
        with self.ws.batch():
            suggestions.reopen(self.ws, self.suggestion_id)
            for span, _relations in self.removed:
                self.ws.restore_span(span)
            restored: set[str] = set()
            for _span, relations in self.removed:
                for rel in relations:
                    if rel.id not in restored and not self.ws.has_relation(rel.id):
                        self.ws.add_relation(rel.head, rel.child, rel.label, relation_id=rel.id)
                        restored.add(rel.id)


@dataclass
class AddNote:
    """Leave a note on a span (``span_id``) or the document; undo takes it away again."""

    ws: Workspace
    doc_id: str
    layer: str
    text: str
    span_id: str | None = None
    flagged: bool = False
    note: Note | None = None

    def do(self) -> None:
        if self.note is None:
            self.note = self.ws.add_note(
                self.doc_id, self.layer, self.text, span_id=self.span_id, flagged=self.flagged
            )
        else:
            self.ws.restore_note(self.note)

    def undo(self) -> None:
        assert self.note is not None
        self.ws.delete_note(self.note.id)


@dataclass
class DeleteNote:
    ws: Workspace
    doc_id: str
    note_id: str
    removed: Note | None = None

    def do(self) -> None:
        self.removed = self.ws.delete_note(self.note_id)

    def undo(self) -> None:
        assert self.removed is not None
        self.ws.restore_note(self.removed)


@dataclass
class FlagNote:
    """Flag a note for the reviewer, or take the flag away; undo sets it back."""

    ws: Workspace
    doc_id: str
    note_id: str
    flagged: bool

    def do(self) -> None:
        self.ws.set_note_flagged(self.note_id, self.flagged)

    def undo(self) -> None:
        self.ws.set_note_flagged(self.note_id, not self.flagged)
