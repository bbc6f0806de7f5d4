"""Linking from the keyboard: in link mode one candidate is highlighted and Enter links it.

After L the window offers the spans the selected quote or claim may be linked to: only labels
the schema relates it to (a SPEAKER, by said_by or claimed_by), nearest first
(annotator.core.link_candidates), the nearest highlighted at once, so the usual link is L then
Enter. Tab / Shift+Tab walk that order, Alt+Down / Alt+Up (the window's span keys) the same
candidates in reading order. The picker only says which span was chosen: the window links it
with the same undoable command as a click, and Escape (the window's cancel) ends link mode.
Its keys are switched on in link mode only, so Tab moves the focus as usual otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from annotator.core.checks import neighbour
from annotator.core.document_state import span_order
from annotator.core.link_candidates import link_candidates
from annotator.core.model import Span
from annotator.gui.actions import _action, label_title
from annotator.gui.plain import isolate, shorten

translate = QCoreApplication.translate


@dataclass
class LinkActions:
    next: QAction
    previous: QAction
    link: QAction


def build_link_actions(parent: QObject) -> LinkActions:
    return LinkActions(
        next=_action(
            parent, "linkNextCandidate", translate("LinkPicker", "Next speaker to link"), ["Tab"]
        ),
        previous=_action(
            parent,
            "linkPreviousCandidate",
            translate("LinkPicker", "Previous speaker to link"),
            ["Shift+Tab"],
        ),
        link=_action(
            parent,
            "linkCandidate",
            translate("LinkPicker", "Link to the highlighted speaker"),
            ["Return", "Enter"],
        ),
    )


class LinkPicker(QObject):
    """The highlighted link candidate while link mode is on.

    ``candidate_changed(span_id)`` when another candidate is highlighted ("" when link mode
    ends); ``chosen(span_id)`` when Enter picks the highlighted one.
    """

    candidate_changed = Signal(str)
    chosen = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.actions = build_link_actions(window)
        self.head: Span | None = None
        self.labels: frozenset[str] = frozenset()
        self.text = ""
        self.candidates: list[Span] = []
        self.current: Span | None = None
        a = self.actions
        window.addActions([a.next, a.previous, a.link])
        a.next.triggered.connect(self._on_next_triggered)
        a.previous.triggered.connect(self._on_previous_triggered)
        a.link.triggered.connect(self._on_link_triggered)
        self._enable(False)

    def start(
        self,
        head: Span,
        spans: Iterable[Span],
        labels: frozenset[str],
        text: str,
        linked: str | None = None,
    ) -> bool:
        """Offer the spans of ``labels`` to link ``head`` to; False if there is none.

        The nearest is highlighted, unless ``head`` is linked to it already: pressing L on a
        linked quote is asking for another speaker, so the next nearest comes first then.
        """
        self.head, self.labels, self.text = head, labels, text
        self.candidates = link_candidates(head, spans, labels)
        if not self.candidates:
            self.stop()
            return False
        self._enable(True)
        first = self.candidates[0]
        if first.id == linked and len(self.candidates) > 1:
            first = self.candidates[1]
        self._highlight(first)
        return True

    def update(self, spans: Iterable[Span]) -> bool:
        """The document changed under link mode: the same candidate stays highlighted if it is
        still there, else the nearest. False if no candidate is left."""
        if self.head is None:
            return False
        self.candidates = link_candidates(self.head, spans, self.labels)
        if not self.candidates:
            return False
        kept = next((s for s in self.candidates if self.current and s.id == self.current.id), None)
        self._highlight(kept or self.candidates[0])
        return True

    def stop(self) -> None:
        """Link mode ended: nothing highlighted, and Tab and Enter are theirs again."""
        was = self.current
        self.head, self.candidates, self.current = None, [], None
        self._enable(False)
        if was is not None:
            self.candidate_changed.emit("")

    def step(self, forward: bool) -> None:
        """The next (or previous) candidate by distance from the head."""
        self._highlight(neighbour(self.candidates, self._current_id(), forward))

    def step_in_text(self, forward: bool) -> None:
        """The next (or previous) candidate in reading order."""
        in_text = sorted(self.candidates, key=span_order)
        self._highlight(neighbour(in_text, self._current_id(), forward))

    def message(self) -> str:
        """The status bar's line: which span Enter would link to, and the keys."""
        if self.current is None:
            return ""
        span = self.current
        return translate(
            "LinkPicker",
            "Link to {label} {text} ({n}/{total})? Enter links, Tab / Shift+Tab pick "
            "another, Escape cancels.",
        ).format(
            label=label_title(span.label),
            text=isolate(shorten(self.text[span.start : span.end], 50)),
            n=self.candidates.index(span) + 1,
            total=len(self.candidates),
        )

    def _current_id(self) -> str | None:
        return self.current.id if self.current else None

    def _highlight(self, span: Span | None) -> None:
        if span is None:
            return
        self.current = span
        self.candidate_changed.emit(span.id)

    def _enable(self, on: bool) -> None:
        for action in (self.actions.next, self.actions.previous, self.actions.link):
            action.setEnabled(on)

    def _on_next_triggered(self) -> None:
        self.step(True)

    def _on_previous_triggered(self) -> None:
        self.step(False)

    def _on_link_triggered(self) -> None:
        if self.current is not None:
            self.chosen.emit(self.current.id)
