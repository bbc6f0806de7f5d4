"""Review mode: the window writes gold, shows every annotator's layer and the review panel.

Turning it on switches the window's layer to ``gold`` (so the tag tools, moves, deletes and
their undo all edit gold, exactly as in annotation), paints each annotator layer as an underline
of its own style beneath gold, and shows the ``reviewPanel``. Every panel request is one call on
the review API (:mod:`annotator.review`); the panel and the overlay are re-read from the store
after every change the Workspace reports, so what is shown is what is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from annotator.arabic.keyboard import layout_independent
from annotator.core.changes import Change, ChangeKind
from annotator.core.commands import GoldDecision
from annotator.core.model import GOLD_LAYER, Span, Status
from annotator.core.workspace import Workspace
from annotator.gui.counts import counts
from annotator.gui.layer_paint import differing_selections, layer_selections
from annotator.gui.review_panel import ReviewPanel

# The review API (annotator.review) and the agreement report are imported when review mode or
# the report is first used: every start builds this mode's actions and panel, few use them,
# and the window's first paint must not wait for them (tests/test_gui_startup.py).
if TYPE_CHECKING:
    from annotator.gui.agreement_report import AgreementReportDialog
    from annotator.gui.main_window import MainWindow
    from annotator.review.conflicts import Conflict

TAKE_KEYS = 9


class ReviewMode(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace
        self.layers: list[str] = []
        self._layer_overlay: list[Any] = []  # every annotator layer's underlines
        self.conflicts: dict[str, Conflict] = {}
        self.current: Conflict | None = None
        self.report: AgreementReportDialog | None = None
        self.panel = ReviewPanel()
        # The panel shares the side column with the form and the table instead of docking
        # beside it: the article keeps its width, never a few words per line.
        window.side.insertWidget(0, self.panel)
        window.side.setStretchFactor(0, 1)
        self.panel.hide()
        self.toggle = self._action(
            "reviewMode", self.tr("Review mode (write gold)"), ["Ctrl+Shift+R"]
        )
        self.toggle.setCheckable(True)
        self.report_action = self._action(
            "agreementReportAction", self.tr("Agreement report…"), ["Ctrl+Shift+A"]
        )
        self.next_conflict = self._action(
            "nextConflict", self.tr("Next conflict"), layout_independent(["J"])
        )
        self.previous_conflict = self._action(
            "previousConflict", self.tr("Previous conflict"), layout_independent(["K"])
        )
        self.accept_action = self._action("acceptAgreedAction", self.tr("Accept agreed"), ["Alt+A"])
        self.union_action = self._action("mergeUnionAction", self.tr("Merge: union"), ["Alt+U"])
        self.intersection_action = self._action(
            "mergeIntersectionAction", self.tr("Merge: intersection"), ["Alt+I"]
        )
        self.reject_action = self._action("rejectAction", self.tr("Reject"), ["Alt+R"])
        self.mark_action = self._action(
            "markAdjudicatedAction", self.tr("Mark adjudicated"), ["Ctrl+Shift+Return"]
        )
        self.take_actions = [
            self._action(f"takeVersion_{n}", self.tr("Take layer {n}").format(n=n), [f"Ctrl+{n}"])
            for n in range(1, TAKE_KEYS + 1)
        ]
        menu = window.menuBar().addMenu(self.tr("Revie&w"))
        menu.addActions([self.toggle, self.report_action])
        menu.addSeparator()
        menu.addActions([self.next_conflict, self.previous_conflict, self.accept_action])
        menu.addActions(self.take_actions)
        menu.addActions([self.union_action, self.intersection_action, self.reject_action])
        menu.addAction(self.mark_action)
        self._set_deciding(False)
        self._connect()
        window.installEventFilter(self)

    def _action(self, name: str, text: str, keys: list[str]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        self.window.addAction(action)
        return action

    def _connect(self) -> None:
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.report_action.triggered.connect(self._on_report_action_triggered)
        self.next_conflict.triggered.connect(partial(self.panel.step, True))
        self.previous_conflict.triggered.connect(partial(self.panel.step, False))
        self.accept_action.triggered.connect(self.panel.accept.click)
        self.union_action.triggered.connect(self.panel.merge_union.click)
        self.intersection_action.triggered.connect(self.panel.merge_intersection.click)
        self.reject_action.triggered.connect(self.panel.reject.click)
        self.mark_action.triggered.connect(self._on_panel_mark_adjudicated_clicked)
        for n, action in enumerate(self.take_actions):
            action.triggered.connect(partial(self._on_take_action_triggered, n))
        self.window.document_opened.connect(self._on_window_document_opened)
        self.window.events.changed.connect(self._on_workspace_changed)
        self.panel.accept_clicked.connect(self._on_panel_accept_clicked)
        self.panel.conflict_selected.connect(self._on_panel_conflict_selected)
        self.panel.take_clicked.connect(self._on_panel_take_clicked)
        self.panel.merge_clicked.connect(self._on_panel_merge_clicked)
        self.panel.reject_clicked.connect(self._on_panel_reject_clicked)
        self.panel.mark_adjudicated_clicked.connect(self._on_panel_mark_adjudicated_clicked)
        self.panel.resolve_all_clicked.connect(self._on_panel_resolve_all_clicked)

    # ------------------------------------------------------------------ state
    @property
    def active(self) -> bool:
        return self.toggle.isChecked()

    def _set_deciding(self, on: bool) -> None:
        """Review keys work only in review mode, and never on a read-only workspace."""
        writable = on and not self.window.read_only
        for action in (self.next_conflict, self.previous_conflict):
            action.setEnabled(on)
        for action in (
            self.accept_action,
            self.union_action,
            self.intersection_action,
            self.reject_action,
            self.mark_action,
            *self.take_actions,
        ):
            action.setEnabled(writable)
        for widget in (self.panel.accept, self.panel.mark, self.panel.resolve_all):
            widget.setEnabled(writable)
        self.panel.writable = not self.window.read_only

    def refresh(self) -> None:
        """Re-read the open document's conflicts and annotator layers and show them."""
        doc_id = self.window.current_document()
        if not self.active or doc_id is None:
            return
        from annotator.gui.review_text import conflict_rows
        from annotator.review.conflicts import find_conflicts
        from annotator.review.data import annotating

        text = self.window.article.toPlainText()
        everyone = self.workspace.annotator_layers()
        # Only the layers that worked on this document, each in its corpus-wide style.
        self.layers = annotating(self.workspace, doc_id, everyone)
        styles = [(layer, everyone.index(layer)) for layer in self.layers]
        conflicts = find_conflicts(self.workspace, doc_id) if everyone else []
        self.conflicts = {c.id: c for c in conflicts}
        if self.panel.styles != styles:
            self.panel.set_layers(styles)
        open_ = sum(not c.resolved for c in conflicts)
        notes = self.workspace.notes(doc_id)
        self.panel.show_conflicts(
            conflict_rows(conflicts, text, notes),
            self.tr("{open} of {conflicts} open").format(
                open=open_, conflicts=counts().conflicts(len(conflicts))
            ),
        )
        status = self.workspace.status(doc_id, GOLD_LAYER)
        self.panel.show_status(
            self.tr("Gold: {status}").format(status=self.window.panel.status_name(status))
        )
        spans = {layer: self.workspace.spans(doc_id, layer) for layer in self.layers}
        self._layer_overlay = layer_selections(self.window.article, styles, spans)
        self._show_current(self.panel.current_id())

    def _show_current(self, conflict_id: str | None) -> None:
        from annotator.gui.review_text import review_words
        from annotator.review.screen import (
            can_merge,
            gold_line,
            shared_extent,
            version_layers,
            version_lines,
        )

        self.current = self.conflicts.get(conflict_id or "")
        article = self.window.article
        differing = (
            differing_selections(
                article, (self.current.start, self.current.end), shared_extent(self.current)
            )
            if self.current is not None
            else []
        )
        article.set_overlay([*differing, *self._layer_overlay])
        if self.current is None:
            self.panel.show_conflict(None, [], False)
            return
        text = self.window.article.toPlainText()
        words = review_words()
        lines = version_lines(self.current, text, words)
        for span in self.workspace.spans(self.current.doc_id, GOLD_LAYER):
            if self._shows_gold(span):
                lines.append(gold_line(span, text, words))
        self.panel.show_conflict(lines, version_layers(self.current), can_merge(self.current))

    def _shows_gold(self, span: Span) -> bool:
        """The gold beside the chosen conflict: spans of its own label over its extent (a
        span conflict is about one annotation unit: gold's QUOTE is not the DATE's answer);
        for a link, every gold span it touches."""
        from annotator.review.conflicts import ConflictKind

        conflict = self.current
        if conflict is None or not (span.start < conflict.end and conflict.start < span.end):
            return False
        return conflict.kind is ConflictKind.RELATION or span.label in conflict.labels

    def _decide(self, work: Callable[..., Any], *args: Any) -> None:
        """A decision on the chosen conflict, with the typed reason, which is kept if refused.

        It goes on the document's undo stack like a manual gold edit: Ctrl+Z puts gold (and
        the recorded decisions) back as they were."""
        if self.current is None:
            return
        conflict, reason = self.current, self.panel.reason_text()
        command = GoldDecision(
            self.workspace, conflict.doc_id, lambda ws: work(ws, conflict, *args, reason)
        )
        if self.window.push_command(command):
            self.panel.reason.clear()

    @staticmethod
    def _merge(ws: Workspace, conflict: Conflict, boundaries: str, reason: str | None) -> None:
        """Take the union or intersection :func:`merge_proposal` offers."""
        from annotator.review.resolve import merge_proposal, take_merge

        take_merge(ws, conflict, reason=reason, **merge_proposal(conflict, boundaries))

    def _on_report_document_activated(self, doc_id: str) -> None:
        """A low-agreement document chosen in the report opens here, in review mode."""
        self.toggle.setChecked(True)
        self.window.panel.select(doc_id)
        self.window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window stops a report still computing (it only reads, so nothing is
        lost) and waits for its thread to end: Qt aborts if a live thread is destroyed."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.report:
            self.report.job.cancel()
            self.report.finish()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ slots
    def _on_toggle_toggled(self, on: bool) -> None:
        self.panel.setVisible(on)
        self.window.article.set_see_through_selection(on)
        if on:
            # Once the window is laid out (now, or when it first shows).
            QTimer.singleShot(0, self._share_side_column)
        self._set_deciding(on)
        self.window.show_layer(GOLD_LAYER if on else self.window.annotator)
        if on:
            self.refresh()
        else:
            self._layer_overlay = []
            self.window.article.set_overlay([])

    def _share_side_column(self) -> None:
        """The panel all it needs, the table its rows, the form and notes the rest (they
        scroll): nothing is cut off and the window keeps its height."""
        side = self.window.side
        total = sum(side.sizes())
        panel = self.panel.minimumSizeHint().height()
        table = self.window.table.minimumHeight()
        if self.active and total > panel + table:
            side.setSizes([panel, total - panel - table, table])

    def _on_window_document_opened(self, _doc_id: str) -> None:
        self.refresh()

    def _on_workspace_changed(self, change: Change) -> None:
        if change.kind is not ChangeKind.SETTINGS:
            self.refresh()

    def _on_panel_accept_clicked(self, strategy: str, min_votes: int) -> None:
        from annotator.review.adjudicate import AutoResult, auto_adjudicate

        doc_id = self.window.current_document()
        if doc_id is None:
            return
        command = GoldDecision(
            self.workspace,
            doc_id,
            lambda ws: auto_adjudicate(ws, strategy, min_votes, None, [doc_id]),
        )
        if self.window.push_command(command):
            assert isinstance(command.result, AutoResult)
            self.window.statusBar().showMessage(command.result.summary(), 10000)

    def _on_panel_conflict_selected(self, conflict_id: str) -> None:
        self._show_current(conflict_id)
        if self.current is not None:
            self.window.article.select_offsets(self.current.start, self.current.end)
            self.window.article.ensureCursorVisible()

    def _on_panel_take_clicked(self, layer: str) -> None:
        from annotator.review.resolve import take_version

        self._decide(take_version, layer)

    def _on_take_action_triggered(self, index: int, _checked: bool = False) -> None:
        if index < len(self.layers):
            self._on_panel_take_clicked(self.layers[index])

    def _on_panel_merge_clicked(self, boundaries: str) -> None:
        self._decide(self._merge, boundaries)

    def _on_panel_reject_clicked(self) -> None:
        from annotator.review.resolve import reject

        self._decide(reject)

    def _confirm_adjudicated(self) -> bool:
        """Marking a document final with conflicts still open asks first, saying how many."""
        open_ = sum(not c.resolved for c in self.conflicts.values())
        if open_ == 0:
            return True
        box = QMessageBox(self.window)
        box.setObjectName("confirmAdjudicated")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Conflicts still open"))
        box.setText(
            self.tr("Conflicts still open: {n}. Mark this document adjudicated anyway?").format(
                n=open_
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _on_panel_resolve_all_clicked(self, strategy: str) -> None:
        from annotator.review.bulk import resolve_open

        doc_id = self.window.current_document()
        if doc_id is None:
            return
        reason = self.panel.reason_text()
        command = GoldDecision(
            self.workspace, doc_id, lambda ws: resolve_open(ws, doc_id, strategy, reason)
        )
        if self.window.push_command(command):
            self.panel.reason.clear()
            self.window.statusBar().showMessage(
                self.tr("Conflicts resolved: {n}.").format(n=command.result), 10000
            )

    def _on_panel_mark_adjudicated_clicked(self, _checked: bool = False) -> None:
        from annotator.review.resolve import mark_adjudicated

        doc_id = self.window.current_document()
        if doc_id is None or self.workspace.status(doc_id, GOLD_LAYER) == Status.ADJUDICATED:
            return
        if self._confirm_adjudicated():
            self.window.push_command(
                GoldDecision(self.workspace, doc_id, lambda ws: mark_adjudicated(ws, doc_id))
            )

    def _on_report_action_triggered(self) -> None:
        from annotator.gui.agreement_report import AgreementReportDialog

        if self.report is not None:  # one report at a time, recomputed on every opening
            self.report.close()
            self.report.deleteLater()
        self.report = AgreementReportDialog(self.workspace, self.window)
        self.report.document_activated.connect(self._on_report_document_activated)
        self.report.show()
        self.report.start()
