"""The table of this document's spans (``annotationTable``): a thin model over the snapshot.

The model holds span ids in the contract's order and reads each cell from the shared
``DocumentState`` when Qt asks, so a 2,000-span document costs nothing until rows are drawn.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from annotator.core.document_state import DocumentState, row_changes
from annotator.core.model import GOLD_LAYER
from annotator.gui.actions import label_title
from annotator.gui.plain import is_rtl, tooltip
from annotator.gui.static_text import TextLayouts

Index = QModelIndex | QPersistentModelIndex
SPAN_ID_ROLE = Qt.ItemDataRole.UserRole
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        SPAN_ID_ROLE,
    }
)


# A cell holds at most this much (one line); the view elides it to the column's width.
CELL_CHARS = 300
CELL_MARGIN = 4  # pixels between a cell's text and its edges, as the style leaves
CACHED_CELLS = 2048  # laid-out cell lines kept (a few hundred spans of four columns)


class SpanTableModel(QAbstractTableModel):
    """Text, label, the attribute values (values first, names in the tooltip) and speaker."""

    TEXT, LABEL, ATTRIBUTES, SPEAKER = range(4)

    def __init__(self, colors: dict[str, str]) -> None:
        super().__init__()
        self.colors = colors
        self._state: DocumentState | None = None
        self._ids: list[str] = []
        self._cache: dict[str, tuple[str, str, str, str]] = {}

    def set_state(self, state: DocumentState | None) -> None:
        """Show ``state``: row by row after one edit, so the table keeps its place."""
        changes = row_changes(self._state, state) if self._state and state else None
        if changes is None:
            self.beginResetModel()
            self._replace(state)
            self.endResetModel()
            return
        if changes.inserted is not None:
            self.beginInsertRows(QModelIndex(), changes.inserted, changes.inserted)
            self._replace(state)
            self.endInsertRows()
        elif changes.removed is not None:
            self.beginRemoveRows(QModelIndex(), changes.removed, changes.removed)
            self._replace(state)
            self.endRemoveRows()
        else:
            self._replace(state)
        for row in changes.changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 3))

    def _replace(self, state: DocumentState | None) -> None:
        self._state = state
        self._ids = [s.id for s in state.spans] if state else []
        self._cache = {}

    def row_of(self, span_id: str) -> int:
        try:
            return self._ids.index(span_id)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Text"), self.tr("Label"), self.tr("Values"), self.tr("Speaker"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell; answer the ones we never set at once.
        if role not in _ROLES or self._state is None or not index.isValid():
            return None
        if index.row() >= len(self._ids):
            return None
        span = self._state.by_id[self._ids[index.row()]]
        if role == SPAN_ID_ROLE:
            return span.id
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.LABEL:
            return self.label_color(span.id)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        # A gold span's label cell says where it came from (layers, who decided, why).
        gold_label = span.layer == GOLD_LAYER and index.column() == self.LABEL
        if role == Qt.ItemDataRole.ToolTipRole and gold_label:
            # Gold's provenance, worded by the review screen (imported when first shown).
            from annotator.gui.review_text import review_words
            from annotator.review.screen import provenance_text

            return tooltip(provenance_text(span, words=review_words()))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(span.id, index.column())
        value = self._cells(span.id)[index.column()]
        if index.column() == self.ATTRIBUTES and span.attrs:
            named = "\n".join(f"{k}: {v}" for k, v in sorted(span.attrs.items()))
            return tooltip(named)
        return tooltip(value) if value else None

    def span_id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def cell_text(self, span_id: str, column: int) -> str:
        """What a cell shows: one line of at most CELL_CHARS characters."""
        return " ".join(self._cells(span_id)[column].split())[:CELL_CHARS]

    def label_color(self, span_id: str) -> QColor:
        """The label cell's tint: the label's colour, see-through."""
        assert self._state is not None
        color = QColor(self.colors.get(self._state.by_id[span_id].label, "#cccccc"))
        color.setAlpha(140)
        return color

    def _cells(self, span_id: str) -> tuple[str, str, str, str]:
        """A row's four texts, worked out the first time Qt asks and kept until the reset."""
        cells = self._cache.get(span_id)
        if cells is None:
            assert self._state is not None
            span = self._state.by_id[span_id]
            speaker = self._state.linked_child(span.id)
            cells = (
                self._state.span_text(span),
                label_title(span.label),
                " · ".join(v for _k, v in sorted(span.attrs.items()) if v),
                self._state.span_text(speaker) if speaker else "",
            )
            self._cache[span_id] = cells
        return cells


class ArticleTextDelegate(QStyledItemDelegate):
    """Draws cells holding article text or attribute values in their own direction (Arabic
    right to left, an ISO date left to right) whatever the interface direction, so an Arabic
    span's closing quotation mark stays at its end; a cell too long for its column ends in an
    ellipsis at the text's logical end, never at its start."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if is_rtl(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        else:
            option.direction = Qt.LayoutDirection.LeftToRight
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        width = option.rect.width() - 8  # the style's text margins
        if width > 0:
            option.text = option.fontMetrics.elidedText(
                option.text, Qt.TextElideMode.ElideRight, width
            )
        option.textElideMode = Qt.TextElideMode.ElideNone


class SpanCellDelegate(ArticleTextDelegate):
    """Paints every cell of the span table from the model's row texts, each line laid out once
    per span, column and width (annotator.gui.static_text): a tag or a switch repaints every
    visible cell, and Qt's own delegate asked for ten roles of each and shaped its Arabic text
    on every paint. Directions and elision are those of ``ArticleTextDelegate``."""

    def __init__(self, view: AnnotationTable) -> None:
        super().__init__(view)
        self.view = view
        self._lines = TextLayouts(CACHED_CELLS)

    @property
    def layouts(self) -> int:
        """Cell lines laid out so far (a test counts them)."""
        return self._lines.layouts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = self.view.span_model()
        column = index.column()
        span_id = model.span_id_at(index.row())
        if span_id is None:
            return
        rect = option.rect
        # Not option.state, which builds Python's QStyle type.
        selected = self.view.selectionModel().isSelected(index)
        palette = option.palette
        if selected:
            painter.fillRect(rect, palette.brush(QPalette.ColorRole.Highlight))
        elif column == SpanTableModel.LABEL:
            painter.fillRect(rect, model.label_color(span_id))
        text = model.cell_text(span_id, column)
        room = rect.width() - 2 * CELL_MARGIN
        if room <= 0 or not text:
            return
        line, width, height = self._lines.line(
            (span_id, column), text, room, option.fontMetrics, option.font
        )
        if column == SpanTableModel.LABEL:
            rtl = option.direction == Qt.LayoutDirection.RightToLeft
        else:
            rtl = is_rtl(text)
        x = rect.right() - CELL_MARGIN - width + 1 if rtl else rect.left() + CELL_MARGIN
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.drawStaticText(x, rect.top() + (rect.height() - height) // 2, line)


class AnnotationTable(QTableView):
    """Shows the model; emits ``span_selected`` when the user picks a row."""

    span_selected = Signal(str)

    def __init__(self, model: SpanTableModel) -> None:
        super().__init__()
        self.setObjectName("annotationTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cells = SpanCellDelegate(self)
        self.setItemDelegate(self.cells)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)

    def span_model(self) -> SpanTableModel:
        model = self.model()
        assert isinstance(model, SpanTableModel)
        return model

    def show_state(self, state: DocumentState | None) -> None:
        """Show the store's rows. When the current row goes (deleted here or by another
        program) Qt moves the current index to a neighbour: that is not the user's choice, so
        it is not reported as one."""
        self._quiet = True
        try:
            self.span_model().set_state(state)
        finally:
            self._quiet = False

    def select_span(self, span_id: str | None) -> None:
        """Highlight the span's row without echoing it back as a user selection."""
        row = self.span_model().row_of(span_id) if span_id else -1
        self._quiet = True
        try:
            if row < 0:
                self.selectionModel().clear()
            else:
                index = self.span_model().index(row, 0)
                self.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.scrollTo(index)
        finally:
            self._quiet = False

    def _on_selection_current_row_changed(
        self, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        if not self._quiet and current.isValid():
            self.span_selected.emit(current.data(SPAN_ID_ROLE))
