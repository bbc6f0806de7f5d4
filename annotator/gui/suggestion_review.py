"""Suggestions in the annotation window: run the suggester, show them, review from the keyboard.

Kept out of the main window so that the window only creates it and hands over the open
document. The review keeps a "current suggestion" that walks the pending suggestions in reading
order (annotator.core.suggestion_cursor). Enter accepts it and Backspace rejects it, each as an
undoable command (AcceptSuggestions, RejectSuggestion), and both only while a suggestion is
current and the article has the focus: then no span is selected, so Backspace (also Delete
span) and Enter mean one thing only, and typing in the form's fields is never taken over.
Every repaint reads the store, so what is shown is what is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from annotator.arabic.keyboard import layout_independent
from annotator.core import suggestions
from annotator.core.changes import Change
from annotator.core.commands import (
    AcceptSuggestions,
    Command,
    RejectSuggestion,
    ReplaceWithSuggestion,
)
from annotator.core.document_state import span_order
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.suggestion_cursor import Key, after, before, counts
from annotator.core.workspace import Workspace
from annotator.gui.actions import _action, label_title
from annotator.gui.article_view import ArticleView
from annotator.gui.counts import counts as nouns
from annotator.gui.plain import isolate
from annotator.gui.suggestion_conflict import OverlapChoice, ask_overlap, overlap_summary
from annotator.gui.suggestion_look import describe
from annotator.gui.suggestion_runner import SuggestionRunner
from annotator.gui.workspace_events import EXTERNAL_CHANGE, WorkspaceEvents

if TYPE_CHECKING:
    from annotator.arabic.suggest import SuggestionSet

translate = QCoreApplication.translate


def _store(
    ws: Workspace, doc_id: str, found: SuggestionSet, layer: str, engine: str
) -> suggestions.RunReport:
    """Store a run (loaded on first use) under the engine that computed it."""
    if engine:
        from annotator.arabic.learned.stored import store_learned

        return store_learned(ws, doc_id, found, layer=layer)
    from annotator.arabic.suggest import store_suggestions

    return store_suggestions(ws, doc_id, found, layer=layer)


# What the Workspace reports when the pending suggestions of a document may have changed.
SUGGESTION_EVENTS = frozenset(
    {
        "suggest",
        "accept_suggestions",
        "reject_suggestion",
        "reopen_suggestion",
        "reopen_suggestions",
        EXTERNAL_CHANGE,  # `annotator suggest` run by another program
    }
)


@dataclass
class SuggestionActions:
    suggest: QAction
    show: QAction
    accept: QAction
    reject: QAction
    next: QAction
    previous: QAction
    accept_label: dict[str, QAction]


def build_suggestion_actions(parent: QObject, labels: list[str]) -> SuggestionActions:
    """The suggestion actions; none of their keys is bound by annotator.gui.actions.

    Enter and Backspace are bound here for the article only (see ``SuggestionReview``);
    Ctrl+Enter stays "mark done", Backspace without a current suggestion stays "delete span".
    """
    show = _action(
        parent, "showSuggestions", translate("Suggestions", "Show suggestions"), ["Ctrl+Shift+H"]
    )
    show.setCheckable(True)
    show.setChecked(True)
    article_only = Qt.ShortcutContext.WidgetShortcut
    accept = _action(
        parent,
        "acceptSuggestion",
        translate("Suggestions", "Accept suggestion and go to next"),
        ["Return", "Enter"],
    )
    accept.setShortcutContext(article_only)
    reject = _action(
        parent,
        "rejectSuggestion",
        translate("Suggestions", "Reject suggestion and go to next"),
        ["Backspace"],
    )
    reject.setShortcutContext(article_only)
    return SuggestionActions(
        suggest=_action(
            parent,
            "suggest",
            translate("Suggestions", "Suggest for this document"),
            ["Ctrl+Shift+S"],
        ),
        show=show,
        accept=accept,
        reject=reject,
        next=_action(
            parent,
            "nextSuggestion",
            translate("Suggestions", "Next suggestion"),
            layout_independent(["N"]),
        ),
        previous=_action(
            parent,
            "previousSuggestion",
            translate("Suggestions", "Previous suggestion"),
            ["Shift+N"],
        ),
        accept_label={
            label: _action(
                parent,
                f"acceptAll_{label}",
                translate("Suggestions", "Accept all {label} suggestions").format(label=label),
            )
            for label in labels
        },
    )


class SuggestionReview(QObject):
    """Runs, shows and reviews the open document's suggestions.

    Emits ``current_changed(id)`` when the current suggestion changes ("" when there is none,
    so the window can give Backspace back to "delete span") and ``run_stored(RunReport)`` once
    a run's suggestions are in the store; ``informed(message)`` with news that is not an error
    (what a run found), which the window shows without the error colour.
    """

    current_changed = Signal(str)
    run_stored = Signal(object)
    informed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        workspace: Workspace,
        events: WorkspaceEvents,
        layer: str,
        article: ArticleView,
        push: Callable[[Command], bool],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.events = events
        self.layer = layer
        self.article = article
        self._push = push
        self._report = report
        self.labels = list(workspace.schema.labels)
        self.actions = build_suggestion_actions(window, self.labels)
        self.runner = SuggestionRunner(self)
        self.status = QLabel()
        self.status.setObjectName("suggestionStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.doc_id: str | None = None
        self.text = ""
        self.pending: list[Span] = []
        self.current: Span | None = None
        self._key: Key | None = None
        # A suggestion an undo has just reopened: the review goes back to it.
        self._reopened: str | None = None
        # A run for the open document is being stored: review starts at its first suggestion.
        self._start_review = False
        self._running: str | None = None
        self._stopped = False
        a = self.actions
        window.addActions([a.suggest, a.show, a.next, a.previous])
        article.addActions([a.accept, a.reject])
        self._connect()
        self._update()

    def _connect(self) -> None:
        a = self.actions
        self.events.changed.connect(self._on_workspace_changed)
        self.article.suggestion_clicked.connect(self._on_article_suggestion_clicked)
        self.runner.computed.connect(self._on_runner_computed)
        self.runner.failed.connect(self._on_runner_failed)
        a.suggest.triggered.connect(self._on_suggest_triggered)
        a.show.toggled.connect(self._on_show_toggled)
        a.accept.triggered.connect(self._on_accept_triggered)
        a.reject.triggered.connect(self._on_reject_triggered)
        a.next.triggered.connect(partial(self._on_step_triggered, True))
        a.previous.triggered.connect(partial(self._on_step_triggered, False))
        for label, action in a.accept_label.items():
            action.triggered.connect(partial(self._on_accept_label_triggered, label))

    def fill_menu(self, menu: QMenu) -> None:
        a = self.actions
        menu.addActions([a.suggest, a.show])
        menu.addSeparator()
        menu.addActions([a.accept, a.reject, a.next, a.previous])
        menu.addSeparator()
        menu.addActions(list(a.accept_label.values()))

    # ------------------------------------------------------------------ the window's calls
    def open(self, doc_id: str, text: str) -> None:
        """Show the pending suggestions of the document the window has just opened."""
        self.doc_id, self.text = doc_id, text
        self._set_current(None)
        self._key = None
        self._reload()

    def review_from_start(self) -> None:
        """Show the suggestions and make the first pending one (in reading order) current."""
        self.actions.show.setChecked(True)
        self._go_to(after(self.pending, None))

    def leave(self) -> None:
        """A span was selected: review steps aside, so Backspace deletes that span."""
        if self.current is not None:
            self._set_current(None)
            self._paint()

    def stop(self) -> None:
        """The window is closing: let a run end, and store nothing after the workspace closes."""
        self._stopped = True
        self.runner.wait()

    # ------------------------------------------------------------------ state and painting
    def _reload(self) -> None:
        """Re-read what is pending; if the current one went (accepted, rejected), go on from
        where it was."""
        if self.doc_id is None:
            return
        self.pending = suggestions.pending(self.workspace, self.doc_id)
        reopened, self._reopened = self._reopened, None
        wanted = reopened if self.actions.show.isChecked() else None
        if self.current is not None:
            wanted = wanted or self.current.id
        elif self._start_review and self.actions.show.isChecked():
            self._set_current(after(self.pending, None))
        if wanted is not None:
            found = next((s for s in self.pending if s.id == wanted), None)
            self._set_current(found or after(self.pending, self._key, include=True))
        self._paint()

    def _set_current(self, span: Span | None) -> None:
        before_id = self.current.id if self.current else ""
        self.current = span
        if span is not None:
            self._key = span_order(span)
        if (span.id if span else "") != before_id:
            if span is not None:
                self.article.scroll_to(span.start, span.end)
            self.current_changed.emit(span.id if span else "")

    def _paint(self) -> None:
        visible = self.actions.show.isChecked()
        current = self.current.id if self.current else None
        self.article.show_suggestions(self.pending if visible else [], current)
        self._update()

    def _update(self) -> None:
        """Actions only where they can act; the status names counts and the current one."""
        a = self.actions
        writable = not self.workspace.read_only
        visible = a.show.isChecked()
        a.suggest.setEnabled(writable and self.doc_id is not None and self._running is None)
        reviewing = writable and visible and self.current is not None
        a.accept.setEnabled(reviewing)
        a.reject.setEnabled(reviewing)
        a.next.setEnabled(visible and bool(self.pending))
        a.previous.setEnabled(visible and bool(self.pending))
        by_label = dict(counts(self.pending, self.labels))
        for label, action in a.accept_label.items():
            action.setEnabled(writable and visible and by_label.get(label, 0) > 0)
        text = self._status_text(by_label)
        if text != self.status.text():  # a switch between documents alike changes nothing
            self.status.setText(text)

    def _status_text(self, by_label: dict[str, int]) -> str:
        if self._running is not None:
            return translate("Suggestions", "Suggesting…")
        if not self.pending:
            return translate("Suggestions", "No pending suggestions")
        parts = ", ".join(f"{n} {label_title(label)}" for label, n in by_label.items())
        text = translate("Suggestions", "{suggestions}: {parts}").format(
            suggestions=nouns().suggestions(len(self.pending)), parts=parts
        )
        if not self.actions.show.isChecked():
            return text + " " + translate("Suggestions", "(hidden)")
        if self.current is not None:
            position = self.pending.index(self.current) + 1
            text += f" — {position}/{len(self.pending)} "
            text += isolate(describe(self.current, self.text))
            own = suggestions.overlapping_own(self.workspace, self.current, self.layer)
            if own:
                text += " — " + overlap_summary(self.current, own, self.text)
        return text

    def _go_to(self, span: Span | None) -> None:
        self._set_current(span)
        self._paint()
        if span is not None:
            self.article.setFocus()

    # ------------------------------------------------------------------ slots
    def _on_workspace_changed(self, change: Change) -> None:
        action, payload = change.action, change.payload
        if action not in SUGGESTION_EVENTS:
            return
        if action == "reopen_suggestion":
            self._reopened = payload["suggestion"]
        elif action == "reopen_suggestions":
            self._reopened = payload["suggestions"][0]
        self._reload()

    def _on_suggest_triggered(self) -> None:
        if self.doc_id is None or self._running is not None:
            return
        doc = self.workspace.document(self.doc_id)
        # A trained model draws the extents, as in `annotator suggest`; read here, on the
        # thread that owns the connection, and checked in the worker.
        from annotator.arabic.learned.naming import MODEL_NAME  # not before the first paint

        stored = self.workspace.model(MODEL_NAME)
        model = (
            None if stored is None else (stored.blob, f"The model stored in {self.workspace.path}")
        )
        self._running = doc.id
        self._update()
        self.runner.start(doc.id, doc.text, doc.published, model)

    def _on_runner_computed(self, doc_id: str, found: SuggestionSet, engine: str) -> None:
        self._running = None
        if self._stopped:
            return
        self._start_review = doc_id == self.doc_id
        try:
            report = _store(self.workspace, doc_id, found, self.layer, engine)
        except AnnotatorError as exc:
            self._report(str(exc))
            self._update()
            return
        finally:
            self._start_review = False
        self.informed.emit(
            translate(
                "Suggestions",
                "Suggest: {added} new, {kept} already reviewed, {skipped} already tagged.",
            ).format(added=report.added, kept=report.kept, skipped=report.skipped)
        )
        if doc_id == self.doc_id and self.current is not None:
            self.article.setFocus()
        self.run_stored.emit(report)

    def _on_runner_failed(self, doc_id: str, message: str) -> None:
        self._running = None
        self._update()
        self._report(
            translate("Suggestions", "Suggest failed on {doc}: {message}").format(
                doc=doc_id, message=message
            )
        )

    def _on_show_toggled(self, checked: bool) -> None:
        if not checked:
            self._set_current(None)
        self._paint()

    def _on_accept_triggered(self) -> None:
        if self.current is None:
            return
        current = self.current
        own = suggestions.overlapping_own(self.workspace, current, self.layer)
        choice = OverlapChoice.KEEP_BOTH
        if own:
            parent = self.article.window()
            asked = ask_overlap(parent, current, own, self.text)
            if asked is None:
                return
            choice = asked
        if choice is OverlapChoice.KEEP_MINE:
            self._push(RejectSuggestion(self.workspace, current.doc_id, current.id))
        elif choice is OverlapChoice.REPLACE_MINE:
            ids = [s.id for s in own]
            self._push(
                ReplaceWithSuggestion(self.workspace, current.doc_id, self.layer, current.id, ids)
            )
        else:
            self._push(AcceptSuggestions(self.workspace, current.doc_id, self.layer, [current.id]))

    def _on_reject_triggered(self) -> None:
        if self.current is not None:
            self._push(RejectSuggestion(self.workspace, self.current.doc_id, self.current.id))

    def _on_step_triggered(self, forward: bool, _checked: bool = False) -> None:
        if forward:
            self._go_to(after(self.pending, self._key, include=self.current is None))
        else:
            self._go_to(before(self.pending, self._key))

    def _on_article_suggestion_clicked(self, suggestion_id: str) -> None:
        self._go_to(next((s for s in self.pending if s.id == suggestion_id), None))

    def _on_accept_label_triggered(self, label: str, _checked: bool = False) -> None:
        """Accept a label's suggestions, except those overlapping the annotator's own spans of
        that label: they stay pending, to be decided one by one."""
        if self.doc_id is None:
            return
        wanted = [s for s in self.pending if s.label == label]
        clear = [
            s.id for s in wanted if not suggestions.overlapping_own(self.workspace, s, self.layer)
        ]
        if clear:
            self._push(AcceptSuggestions(self.workspace, self.doc_id, self.layer, clear))
        if len(clear) < len(wanted):
            self.informed.emit(nouns().suggestions_overlapping(len(wanted) - len(clear)))
