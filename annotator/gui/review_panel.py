"""The reviewer's panel (``reviewPanel``): accept what agrees, then walk and decide the conflicts.

A view only: it shows the legend, the conflict list and the chosen conflict's versions, and
reports what the reviewer asked for through past-tense signals. The review mode controller
(:mod:`annotator.gui.review_mode`) turns each into one call on the review API. Everything shown
comes from annotators and the article, so every label is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.layer_paint import layer_style
from annotator.gui.plain import isolate

ID_ROLE = Qt.ItemDataRole.UserRole


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ReviewPanel(QWidget):
    """Emits ``accept_clicked(strategy, min_votes)``, ``conflict_selected(id)``,
    ``take_clicked(layer)``, ``merge_clicked("union"|"intersection")``, ``reject_clicked``,
    ``resolve_all_clicked(strategy)`` and ``mark_adjudicated_clicked``."""

    accept_clicked = Signal(str, int)
    conflict_selected = Signal(str)
    take_clicked = Signal(str)
    merge_clicked = Signal(str)
    reject_clicked = Signal()
    mark_adjudicated_clicked = Signal()
    resolve_all_clicked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reviewPanel")
        self.legend = QWidget()
        self.legend.setObjectName("reviewLegend")
        self.legend_layout = QVBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 0, 0, 0)
        self.strategy = QComboBox()
        self.strategy.setObjectName("strategy")
        self.strategy.addItem(self.tr("unanimous"), "unanimous")
        self.strategy.addItem(self.tr("majority"), "majority")
        self.min_votes = QSpinBox()
        self.min_votes.setObjectName("minVotes")
        self.min_votes.setRange(1, 99)
        self.min_votes.setValue(2)
        self.min_votes.setPrefix(self.tr("min votes "))
        self.accept = QPushButton(self.tr("Accept agreed"))
        self.accept.setObjectName("acceptAgreed")
        self.summary = _plain_label()
        self.summary.setObjectName("conflictSummary")
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.setWordWrap(True)
        self.versions = QPlainTextEdit()
        self.versions.setObjectName("conflictVersions")
        self.versions.setReadOnly(True)
        self.versions.setMaximumHeight(170)
        self.take_row = QHBoxLayout()
        self.take_buttons: dict[str, QPushButton] = {}
        self.styles: list[tuple[str, int]] = []
        # A read-only workspace can be reviewed (read) but nothing can be decided.
        self.writable = True
        self.merge_union = QPushButton(self.tr("Merge: union"))
        self.merge_union.setObjectName("mergeUnion")
        self.merge_intersection = QPushButton(self.tr("Merge: intersection"))
        self.merge_intersection.setObjectName("mergeIntersection")
        self.reject = QPushButton(self.tr("Reject"))
        self.reject.setObjectName("rejectConflict")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Reason (optional, saved with the decision)"))
        self.status = _plain_label()
        self.status.setObjectName("adjudicationStatus")
        self.mark = QPushButton(self.tr("Mark adjudicated"))
        self.mark.setObjectName("markAdjudicated")
        self.resolve_strategy = QComboBox()
        self.resolve_strategy.setObjectName("resolveAllStrategy")
        self.resolve_all = QPushButton(self.tr("Resolve all open"))
        self.resolve_all.setObjectName("resolveAll")
        self._fill_strategies()
        self._build_layout()
        self._connect()
        self.show_conflict(None, [], False)

    def _build_layout(self) -> None:
        accept_row = QHBoxLayout()
        for widget in (self.strategy, self.min_votes, self.accept):
            accept_row.addWidget(widget)
        decide = QGridLayout()
        decide.addWidget(self.merge_union, 0, 0)
        decide.addWidget(self.merge_intersection, 0, 1)
        decide.addWidget(self.reject, 0, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(_plain_label(self.tr("Layers (gold is painted as in annotation):")))
        layout.addWidget(self.legend)
        layout.addLayout(accept_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.versions)
        layout.addLayout(self.take_row)
        layout.addLayout(decide)
        layout.addWidget(self.reason)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolve_strategy, 1)
        resolve_row.addWidget(self.resolve_all)
        layout.addLayout(resolve_row)
        layout.addWidget(self.status)
        layout.addWidget(self.mark)

    def _connect(self) -> None:
        self.accept.clicked.connect(self._on_accept_clicked)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.merge_union.clicked.connect(partial(self.merge_clicked.emit, "union"))
        self.merge_intersection.clicked.connect(partial(self.merge_clicked.emit, "intersection"))
        self.reject.clicked.connect(self.reject_clicked.emit)
        self.mark.clicked.connect(self.mark_adjudicated_clicked.emit)
        self.resolve_all.clicked.connect(self._on_resolve_all_clicked)

    # ------------------------------------------------------------------ shown state
    def set_layers(self, styles: Sequence[tuple[str, int]]) -> None:
        """The legend (one line per ``(layer, style index)``, in its colour) and a Take button
        each, numbered for Ctrl+1, Ctrl+2..."""
        self.styles = list(styles)
        for layout in (self.legend_layout, self.take_row):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
        self.take_buttons = {}
        for number, (layer, index) in enumerate(self.styles, 1):
            color, _, style = layer_style(index)
            line = _plain_label(f"━━━  {isolate(layer)}  ({style} underline)")
            line.setObjectName(f"legend_{layer}")
            line.setStyleSheet(f"color: {color}; font-weight: bold;")
            self.legend_layout.addWidget(line)
            button = QPushButton(self.tr("Take {layer}").format(layer=layer))
            button.setObjectName(f"take_{layer}")
            button.setToolTip(self.tr("Ctrl+{n}").format(n=number))
            button.clicked.connect(partial(self.take_clicked.emit, layer))
            self.take_row.addWidget(button)
            self.take_buttons[layer] = button
        self._fill_strategies()

    def _fill_strategies(self) -> None:
        """The ways to resolve every open conflict at once: one layer's versions, the union
        of the extents, or none of them."""
        self.resolve_strategy.clear()
        for layer, _index in self.styles:
            self.resolve_strategy.addItem(
                self.tr("Take {layer} everywhere").format(layer=isolate(layer)), f"take:{layer}"
            )
        self.resolve_strategy.addItem(self.tr("Merge all: union"), "union")
        self.resolve_strategy.addItem(self.tr("Reject all"), "reject")

    def show_conflicts(self, rows: Sequence[tuple[str, str]], summary: str) -> None:
        """List ``(id, title)`` rows, keeping the current conflict if it is still there."""
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for conflict_id, title in rows:
            item = QListWidgetItem(title)
            item.setData(ID_ROLE, conflict_id)
            self.list.addItem(item)
        ids = [conflict_id for conflict_id, _ in rows]
        if current in ids:
            self.list.setCurrentRow(ids.index(current))
        self.list.blockSignals(False)
        self.summary.setText(summary)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def show_conflict(
        self, lines: Sequence[str] | None, layers: Sequence[str], merge: bool
    ) -> None:
        """The chosen conflict's versions; deciding is possible only with one chosen."""
        self.versions.setPlainText("\n".join(lines) if lines else self.tr("No conflict chosen."))
        chosen = lines is not None and self.writable
        for layer, button in self.take_buttons.items():
            button.setEnabled(chosen and layer in layers)
        self.merge_union.setEnabled(chosen and merge)
        self.merge_intersection.setEnabled(chosen and merge)
        self.reject.setEnabled(chosen)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def step(self, forward: bool) -> None:
        """Move to the next (or previous) conflict in the list, as J and K do."""
        if self.list.count() == 0:
            return
        row = self.list.currentRow()
        row = (row + 1 if forward else row - 1) if row >= 0 else 0
        self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))

    def reason_text(self) -> str | None:
        """The reason typed for the next decision, or None."""
        return self.reason.text().strip() or None

    # ------------------------------------------------------------------ own widgets
    def _on_accept_clicked(self) -> None:
        self.accept_clicked.emit(self.strategy.currentData(), self.min_votes.value())

    def _on_resolve_all_clicked(self) -> None:
        strategy = self.resolve_strategy.currentData()
        if strategy:
            self.resolve_all_clicked.emit(strategy)

    def _on_list_current_changed(self, current: QListWidgetItem | None) -> None:
        if current is not None:
            self.conflict_selected.emit(current.data(ID_ROLE))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.conflict_selected.emit(item.data(ID_ROLE))
