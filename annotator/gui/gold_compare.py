"""Compare with gold (``goldComparePanel``): how the reviewer's gold differs from my layer.

This is how annotators learn the guidelines: each missed span, span gold left out and span
gold changed is listed (plain text) and tinted in the article; activating a row shows it. The
comparison is :func:`annotator.review.diff.gold_diff`, re-read whenever the store changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Change, ChangeKind
from annotator.core.model import GOLD_LAYER, Span
from annotator.core.workspace import Workspace
from annotator.gui.article_view import ArticleView
from annotator.gui.counts import counts
from annotator.gui.layer_paint import DIFF_STYLES, diff_selections
from annotator.gui.workspace_events import WorkspaceEvents

if TYPE_CHECKING:  # the review API is imported when the comparison is first shown
    from annotator.review.screen import DiffEntry

SPAN_ROLE = Qt.ItemDataRole.UserRole


class GoldComparePanel(QWidget):
    """The list of differences; rows carry their span for the article to show."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("goldComparePanel")
        self.summary = QLabel()
        self.summary.setObjectName("goldCompareSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("goldDiffList")
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_entries(self, entries: list[DiffEntry], summary: str) -> None:
        self.summary.setText(summary)
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry.description)
            item.setData(SPAN_ROLE, entry.span)
            item.setForeground(Qt.GlobalColor.black)
            item.setBackground(_tint(entry.kind))
            self.list.addItem(item)


def _tint(kind: str) -> QColor:
    color = QColor(DIFF_STYLES[kind][0])
    color.setAlpha(50)
    return color


class GoldCompare(QObject):
    """The "Compare with gold" toggle, its dock and the article tint, for the open document."""

    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        article: ArticleView,
        events: WorkspaceEvents,
    ) -> None:
        super().__init__(window)
        self.events = events
        self.workspace = workspace
        self.article = article
        self.doc_id: str | None = None
        self.layer = ""
        self.panel = GoldComparePanel()
        self.dock = QDockWidget(self.tr("Compare with gold"), window)
        self.dock.setObjectName("goldCompareDock")
        self.dock.setWidget(self.panel)
        # Only the toggle closes it, so the action's check mark always tells the truth.
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.toggle = QAction(self.tr("Compare with gold"), window)
        self.toggle.setObjectName("compareWithGold")
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self._connect()

    def _connect(self) -> None:
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.events.changed.connect(self._on_workspace_changed)
        self.panel.list.itemActivated.connect(self._on_list_item_activated)
        self.panel.list.currentItemChanged.connect(self._on_list_item_activated)

    def show_document(self, doc_id: str | None, layer: str) -> None:
        """Follow the window: the open document and the annotator's layer."""
        self.doc_id, self.layer = doc_id, layer
        if self.toggle.isChecked():
            self.refresh()

    def refresh(self) -> None:
        if self.doc_id is None or not self.toggle.isChecked():
            return
        from annotator.review.diff import gold_diff
        from annotator.review.screen import diff_entries

        doc = self.workspace.document(self.doc_id)
        diff = gold_diff(self.workspace, self.doc_id, self.layer)
        spans = {
            s.id: s
            for layer in (self.layer, GOLD_LAYER)
            for s in self.workspace.spans(self.doc_id, layer)
        }
        entries = diff_entries(diff, doc.text, spans)
        if not self.workspace.spans(self.doc_id, GOLD_LAYER):
            summary = self.tr("There is no gold for this document yet.")
        elif diff.identical:
            summary = self.tr("Your layer matches gold ({spans}).").format(
                spans=counts().spans(diff.unchanged)
            )
        else:
            summary = self.tr(
                "{missed} missed, {extra} not in gold, {changed} changed, {same} the same."
            ).format(
                missed=len(diff.missed),
                extra=len(diff.removed),
                changed=len(diff.changed),
                same=diff.unchanged,
            )
        self.panel.show_entries(entries, summary)
        self.article.set_overlay(diff_selections(self.article, [(e.kind, e.span) for e in entries]))

    def _on_workspace_changed(self, change: Change) -> None:
        if change.kind is not ChangeKind.SETTINGS:
            self.refresh()

    def _on_toggle_toggled(self, checked: bool) -> None:
        self.dock.setVisible(checked)
        if checked:
            self.refresh()
        else:
            self.article.set_overlay([])

    def _on_list_item_activated(self, item: QListWidgetItem | None) -> None:
        span: Span | None = item.data(SPAN_ROLE) if item is not None else None
        if span is not None:
            self.article.select_offsets(span.start, span.end)
            self.article.ensureCursorVisible()
