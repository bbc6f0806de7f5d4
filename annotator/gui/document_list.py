"""The document list: titles with this annotator's status badge, progress, search and sorting.

A workspace may hold 100,000 articles. The list is a lazy item model over the store
(:mod:`annotator.core.catalog`): it holds the rowids of the rows fetched so far in one compact
array, fetches a window of rows as the view scrolls (``canFetchMore``/``fetchMore``), and keeps
a few pages of titles and statuses in a small LRU. Filtering, sorting, "go to" and progress are
SQL queries; a change repaints the one row it touched.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import catalog
from annotator.core.catalog import ListQuery, Sort
from annotator.core.model import Status
from annotator.core.workspace import Workspace
from annotator.gui.plain import tooltip
from annotator.gui.static_text import TextLayouts
from annotator.gui.worker import Job

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE = 50  # rows fetched at a time (a screen and a half), and the unit of the row cache
CACHED_PAGES = 64
CACHED_TITLES = 1024  # laid-out titles kept (a few screens of rows, and the last searches')
BADGE_GAP = 6  # pixels between a row's badge and its title, and at the row's ends
REACH = 2000  # rows the list fetches at most to mark a document opened further down
BADGE_COLORS = {
    Status.NEW.value: "#e0e0e0",
    Status.IN_PROGRESS.value: "#ffe08a",
    Status.DONE.value: "#b7e4c7",
    Status.ADJUDICATED.value: "#a9d6f5",
}
_Index = QModelIndex | QPersistentModelIndex
# Looked up once: an enum member read through PySide costs a Python call per painted row.
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TEXT = QPalette.ColorRole.Text
_RIGHT_TO_LEFT = Qt.LayoutDirection.RightToLeft
_UNKNOWN_ROW = ("", "", Status.NEW.value)  # a rowid whose document is gone


class DocumentListModel(QAbstractListModel):
    """Rows of the documents a ``ListQuery`` selects, fetched a page at a time.

    Only rows fetched so far exist for the view; their rowids sit in one ``array`` (8 bytes
    a row, no Python object per document), their titles and statuses in a few cached pages.

    An order that is not paged (agreement) is an aggregate over every span: the model asks for
    it with ``order_wanted`` and shows the documents in import order until ``show_order``
    hands it the rowids, read off the UI thread.
    """

    order_wanted = Signal(object)  # the ListQuery whose whole order the model waits for

    def __init__(self, read: catalog.Read, query: ListQuery) -> None:
        super().__init__()
        self.read = read
        self.query = query
        self._order: tuple[ListQuery, array[int]] | None = None
        self.status_names: dict[str, str] = {}
        self.badges: dict[str, QPixmap] = {}
        self._rowids = array("q")
        self._last: tuple[object, int] | None = None
        self._exhausted = False
        self._fetching = False
        self._pages: OrderedDict[int, list[tuple[str, str, str]]] = OrderedDict()
        self._reset_rows()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rowids)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch(PAGE)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rowids):
            return None
        doc_id, title, status = self._row(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, TITLE_ROLE):
            return title
        if role == ID_ROLE:
            return doc_id
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(doc_id)  # ids come from input files: shown as plain text
        if role == Qt.ItemDataRole.DecorationRole:
            return self.badges.get(status)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{title}, {self.status_names.get(status, status)}"
        return None

    # ------------------------------------------------------------------ queries
    def set_query(self, query: ListQuery) -> bool:
        """Show the rows ``query`` selects. A query that selects the same rows in the same
        order as the one shown (a word still too short to be searched, a mark that folding
        drops) keeps the rows: typing the first letters of a word reads and repaints nothing.
        Another paged query reads its first page and changes the shown rows in place
        (``_show_first_page``), so a keystroke repaints only the rows it changed. True if the
        rows were read again."""
        if catalog.same_rows(query, self.query):
            self.query = query
            return False
        if query.sort.paged and query.layer == self.query.layer:
            self._show_first_page(query)
        else:  # another layer's statuses, or an order read whole
            self._reset(query)
        return True

    def _show_first_page(self, query: ListQuery) -> None:
        """The first page of ``query`` in place of the rows shown.

        Which documents the page shows is read first (``catalog.page_keys``: for a search, the
        search index alone); a row that shows the same document as before stays as it is (its
        title and status are those of the same layer) and the view does not repaint it; titles
        and statuses are read only for the rows that show another document, which get one
        ``dataChanged`` per run; rows are removed or added at the end to match the count. A
        keystroke in the search box then costs the index lookup and the rows it changed, not
        a page of documents read and a reset that repaints the screen."""
        keys = catalog.page_keys(self.read, query, None, PAGE)
        rowids = [rowid for _key, rowid in keys]
        before = self._pages.get(0)
        shown = len(self._rowids)
        kept = min(shown, len(rowids))
        known = {
            rowid: before[n] for n, rowid in enumerate(self._rowids[: len(before) if before else 0])
        }
        missing = [rowid for rowid in rowids if rowid not in known]
        known.update(catalog.rows_by_rowid(self.read, query.layer, missing))
        changed = [n for n in range(kept) if self._rowids[n] != rowids[n] or before is None]
        self._fetching = True  # no fetch from a view that hears of the change mid-way
        try:
            self.query = query
            self._pages.clear()
            self._rowids[:kept] = array("q", rowids[:kept])
            self._remember(0, [known.get(r, _UNKNOWN_ROW) for r in rowids])
            self._last = keys[-1] if keys else None
            self._exhausted = len(keys) < PAGE
            for first, last in _runs(changed):
                self.dataChanged.emit(self.index(first), self.index(last))
            if shown > len(rowids):
                self.beginRemoveRows(QModelIndex(), len(rowids), shown - 1)
                del self._rowids[len(rowids) :]
                self.endRemoveRows()
            elif len(rowids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(rowids) - 1)
                self._rowids.extend(rowids[shown:])
                self.endInsertRows()
        finally:
            self._fetching = False

    def _reset(self, query: ListQuery) -> None:
        self._fetching = True  # no fetch from a view that hears of the reset mid-way
        try:
            self.beginResetModel()
            self.query = query
            self._reset_rows()
            self.endResetModel()
        finally:
            self._fetching = False

    def reload(self) -> None:
        """Everything again (another program imported documents, or a status filter or sort
        that the change may have reordered)."""
        self._order = None
        self._reset(self.query)

    def show_order(self, query: ListQuery, rowids: Iterable[int]) -> bool:
        """The whole order of ``query`` (asked for with ``order_wanted``); False, and nothing
        changes, when the list shows another query by now."""
        if not catalog.same_rows(query, self.query):
            return False
        self._order = (self.query, array("q", rowids))
        self._reset(self.query)
        return True

    def waiting_for_order(self) -> bool:
        if self.query.sort.paged:
            return False
        return self._order is None or not catalog.same_rows(self._order[0], self.query)

    def row_of(self, doc_id: str, fetch: int = 0) -> int | None:
        """The row showing ``doc_id``, fetching at most ``fetch`` more rows to reach it (a
        document a little further down, as "next unfinished" goes); None if not in reach."""
        rowid = catalog.rowid_of(self.read, doc_id)
        if rowid is None:
            return None
        row = self._find(rowid)
        if row is not None or not fetch or self._exhausted:
            return row
        if not catalog.within(self.read, self._paged_query(), self._last, rowid, fetch):
            return row  # filtered out, or further down than the list will fetch for it
        stop = len(self._rowids) + fetch
        while row is None and not self._exhausted and len(self._rowids) < stop:
            start = len(self._rowids)
            self._fetch_keys(PAGE * 5)
            row = self._find(rowid, start)
        return row

    def refresh_documents(self, doc_ids: Iterable[str]) -> None:
        """Repaint the rows of these documents (a status changed): one dataChanged each."""
        wanted = catalog.rowids_of(self.read, doc_ids)
        if not wanted:
            return
        if self.reorders_on_change():
            self.reload()  # the row may leave the list or move: the query decides again
            return
        for rowid in wanted.values():
            row = self._find(rowid)
            if row is None:
                continue
            page = self._pages.get(row // PAGE)
            if page is not None:  # read that one row again, not its page
                fresh = catalog.rows_by_rowid(self.read, self.query.layer, [rowid])
                page[row % PAGE] = fresh.get(rowid, page[row % PAGE])
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def reorders_on_change(self) -> bool:
        """Whether a status change may move a row or take it out of the list (then the list
        is read again). The agreement order is read when it is chosen: an edit repaints its
        row where it is, and choosing the order again sorts anew."""
        if not self.query.sort.paged:
            return False
        return bool(self.query.status) or self.query.sort in (Sort.STATUS, Sort.EDITED)

    def forget_order(self) -> None:
        """The next reset reads the whole order again (it was chosen again)."""
        self._order = None

    # ------------------------------------------------------------------ internals
    def _reset_rows(self) -> None:
        self._rowids = array("q")
        self._last = None
        self._exhausted = False
        self._pages.clear()
        if self.waiting_for_order():
            self.order_wanted.emit(self.query)
        elif not self.query.sort.paged:  # the whole order as rowids; titles read by page
            assert self._order is not None
            self._rowids.extend(self._order[1])
            self._exhausted = True
            return
        rows = catalog.page(self.read, self._paged_query(), None, PAGE)
        self._append(rows, PAGE)

    def _paged_query(self) -> ListQuery:
        """What pages are read by: the query, or import order while its whole order is read."""
        return self.query if self.query.sort.paged else replace(self.query, sort=Sort.IMPORT)

    def _fetch(self, count: int) -> None:
        if self._exhausted or self._fetching:
            return
        rows = catalog.page(self.read, self._paged_query(), self._last, count)
        if not rows:
            self._exhausted = True
            return
        first = len(self._rowids)
        # A view may ask for more while it hears of these rows: not until they are in.
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._append(rows, count)
            self.endInsertRows()
        finally:
            self._fetching = False

    def _fetch_keys(self, count: int) -> None:
        """``count`` more rows without their titles and statuses (``catalog.page_keys``):
        rows fetched to reach a document further down, most of which are never painted (a
        painted page reads its titles then, in ``_row``)."""
        if self._exhausted or self._fetching:
            return
        keys = catalog.page_keys(self.read, self._paged_query(), self._last, count)
        if not keys:
            self._exhausted = True
            return
        first = len(self._rowids)
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(keys) - 1)
            self._rowids.extend(rowid for _key, rowid in keys)
            self._last = keys[-1]
            self._exhausted = len(keys) < count
            self.endInsertRows()
        finally:
            self._fetching = False

    def _append(self, rows: list[catalog.ListRow], asked: int) -> None:
        first = len(self._rowids)
        self._rowids.extend(r.rowid for r in rows)
        if rows:
            self._last = (rows[-1].key, rows[-1].rowid)
        self._exhausted = len(rows) < asked
        for offset in range(0, len(rows), PAGE):  # fetches start on a page boundary
            chunk = rows[offset : offset + PAGE]
            self._remember((first + offset) // PAGE, [(r.doc_id, r.title, r.status) for r in chunk])

    def _remember(self, page: int, rows: list[tuple[str, str, str]]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)

    def row(self, row: int) -> tuple[str, str, str]:
        """(document id, title, status) of a fetched row, for the delegate: one call per
        painted row instead of a data() call per role."""
        return self._row(row)

    def _row(self, row: int) -> tuple[str, str, str]:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            rowids = self._rowids[page * PAGE : (page + 1) * PAGE]
            found = catalog.rows_by_rowid(self.read, self.query.layer, list(rowids))
            rows = [found.get(r, _UNKNOWN_ROW) for r in rowids]
            self._remember(page, rows)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * PAGE]

    def _find(self, rowid: int, start: int = 0) -> int | None:
        try:
            return self._rowids.index(rowid, start)
        except ValueError:
            return None


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in the ascending ``rows``."""
    start = previous = None
    for row in rows:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None and previous is not None:
            yield start, previous
        start = previous = row
    if start is not None and previous is not None:
        yield start, previous


def status_badges(names: dict[str, str], font: QFont) -> dict[str, QPixmap]:
    """One small rounded badge per status, drawn once and shown beside every title (Qt's own
    delegate paints it: no Python per painted row)."""
    metrics = QFontMetrics(font)
    height = metrics.height() + 4
    width = max(metrics.horizontalAdvance(name) for name in names.values()) + 14
    badges = {}
    for status, name in names.items():
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BADGE_COLORS.get(status, "#e0e0e0")))
        painter.drawRoundedRect(QRect(0, 0, width, height), 6, 6)
        painter.setPen(QColor("#222222"))
        painter.setFont(font)
        painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, name)
        painter.end()
        badges[status] = pixmap
    return badges


class DocumentRowDelegate(QStyledItemDelegate):
    """Paints a row of the list: the status badge (a pixmap drawn once per status) and the
    title, laid out once per document and column width and kept in a small LRU.

    Qt's own delegate asks the model for ten roles of every painted row and shapes and elides
    the Arabic title on every paint; a keystroke in the search box repaints a screenful of
    rows, so that cost is what a keystroke costs at any corpus size. Here a repaint of a row
    already seen is a cache hit (a title is shaped again only when it changes or the column is
    resized), and the row height is fixed, so no size hint lays text out."""

    def __init__(self, model: DocumentListModel, row_height: int, view: QTableView) -> None:
        super().__init__(view)
        self.model = model
        self.view = view
        self.row_height = row_height
        self._titles = TextLayouts(CACHED_TITLES)
        self._badge_sizes: dict[str, tuple[int, int]] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(option.rect.width(), self.row_height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        doc_id, title, status = self.model.row(index.row())
        rect = option.rect
        # Not option.state: reading it builds Python's QStyle type, 20 ms of the first paint.
        selected = self.view.selectionModel().isSelected(index)
        palette = option.palette
        if selected:
            painter.fillRect(rect, palette.brush(_HIGHLIGHT))
        rtl = option.direction == _RIGHT_TO_LEFT
        left, right, top, height = rect.left(), rect.right(), rect.top(), rect.height()
        badge = self.model.badges.get(status)
        badge_width = 0
        if badge is not None:
            badge_width, badge_height = self._badge_sizes.get(status) or self._badge_size(status)
            x = right - BADGE_GAP - badge_width + 1 if rtl else left + BADGE_GAP
            painter.drawPixmap(x, top + (height - badge_height) // 2, badge)
        room = rect.width() - badge_width - 3 * BADGE_GAP
        if room <= 0 or not title:
            return
        text, width, text_height = self._titles.get(doc_id, title, room) or self._titles.line(
            doc_id, title, room, option.fontMetrics, option.font
        )
        start = 2 * BADGE_GAP + badge_width  # from the row's leading edge
        x = right - start - width + 1 if rtl else left + start
        painter.setPen(palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT))
        painter.drawStaticText(x, top + (height - text_height) // 2, text)

    def _badge_size(self, status: str) -> tuple[int, int]:
        badge = self.model.badges[status]
        size = self._badge_sizes[status] = (badge.width(), badge.height())
        return size

    @property
    def layouts(self) -> int:
        """Titles laid out so far (a test counts them)."""
        return self._titles.layouts


class DocumentPanel(QWidget):
    """Lists documents; emits ``document_selected`` when the user picks one."""

    document_selected = Signal(str)
    order_ready = Signal()  # a whole order (agreement) read off the UI thread is shown

    def __init__(self, read: catalog.Read, layer: str, path: Path) -> None:
        super().__init__()
        self.setObjectName("documentPanel")
        self.read = read
        # The workspace file, for reading an order off the UI thread on a connection of its own.
        self.path = path
        self._order_jobs: list[Job] = []
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("documentFilter")
        self.filter_edit.setPlaceholderText(self.tr("Search titles and text…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(
            self.tr("Words in the title or text; Enter opens the first match or a document id.")
        )
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All documents"), "")
        for status in (Status.NEW, Status.IN_PROGRESS, Status.DONE):
            self.status_filter.addItem(self.status_name(status), status.value)
        self.sort_choice = QComboBox()
        self.sort_choice.setObjectName("documentSort")
        for sort, name in (
            (Sort.IMPORT, self.tr("Import order")),
            (Sort.TITLE, self.tr("Title")),
            (Sort.STATUS, self.tr("Status")),
            (Sort.EDITED, self.tr("Last edited")),
            (Sort.AGREEMENT, self.tr("Agreement (lowest first)")),
        ):
            self.sort_choice.addItem(name, sort.value)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("documentProgress")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = DocumentListModel(read, ListQuery(layer))
        self.model.order_wanted.connect(self._on_model_order_wanted)
        self.model.status_names = {s.value: self.status_name(s) for s in Status}
        # A one-column table, not a QListView: QListView lays out every fetched row again
        # when one row changes; a table with fixed row heights repaints just that row.
        self.list = QTableView()
        self.list.setObjectName("documentList")
        self.list.setModel(self.model)
        self.model.badges = status_badges(self.model.status_names, self.list.font())
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        row_height = self.list.fontMetrics().height() + 10
        rows.setDefaultSectionSize(row_height)
        self.delegate = DocumentRowDelegate(self.model, row_height, self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        choices = QHBoxLayout()
        choices.addWidget(self.status_filter, 1)
        choices.addWidget(self.sort_choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addLayout(choices)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.list)
        self._current: str | None = None
        # Counting the documents reads a whole index (tens of milliseconds at 100,000): the
        # progress line is filled just after the panel first paints (paintEvent), not before.
        self._total: int | None = None
        self._stopped = False
        self._moving = False  # the current row moves with the rows (see _quietly)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.sort_choice.currentIndexChanged.connect(self._on_sort_choice_changed)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)

    def status_name(self, status: Status) -> str:
        return {
            Status.NEW: self.tr("new"),
            Status.IN_PROGRESS: self.tr("in progress"),
            Status.DONE: self.tr("done"),
            Status.ADJUDICATED: self.tr("adjudicated"),
        }[status]

    # ------------------------------------------------------------------ what the window asks
    def set_layer(self, layer: str) -> None:
        """Show statuses of another layer (gold in review mode)."""
        if layer != self.model.query.layer:
            self._requery(layer=layer)
        self.update_progress()

    def select(self, doc_id: str, fetch: bool = True) -> None:
        """Make ``doc_id`` the current row, or none if it is filtered out or far down.

        The list fetches at most REACH more rows to mark it (the next unfinished document is
        usually close); a document further away still opens, and the list stays where it is,
        so opening document 90,000 never reads 90,000 rows. Without ``fetch`` (the list was
        filtered or re-sorted while typing) only rows already fetched are looked at.
        """
        self._current = doc_id
        row = self.model.row_of(doc_id, REACH if fetch else 0)
        selection = self.list.selectionModel()
        if row is None:
            selection.clearCurrentIndex()
            selection.clearSelection()
            return
        index = self.model.index(row)
        if self.list.currentIndex() != index:
            self.list.setCurrentIndex(index)
        elif self.list.viewport().rect().contains(self.list.visualRect(index)):
            return  # marked and in sight already: scrollTo would repaint the row for nothing
        self.list.scrollTo(index)

    def order(self) -> list[str]:
        """Ids of the rows fetched so far, top to bottom (for tests and small lists)."""
        return [str(self.model.index(i).data(ID_ROLE)) for i in range(self.model.rowCount())]

    def current_document(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def refresh_documents(self, doc_ids: Iterable[str]) -> None:
        """Statuses of these documents changed: their rows and the progress line."""
        before = self.model.rowCount()
        reloaded = self.model.reorders_on_change()
        self.model.refresh_documents(doc_ids)
        if reloaded or self.model.rowCount() != before:
            self._reselect()
        self.update_progress()

    def reload(self) -> None:
        """Everything again: documents were added (an import in another program)."""
        self.model.reload()
        self._reselect()
        self._total = catalog.document_count(self.read)
        self.update_progress()

    def update_progress(self) -> None:
        if self._total is None:  # changes only when documents are added
            self._total = catalog.document_count(self.read)
        done = catalog.progress(self.read, self.model.query.layer, self._total)
        text = self.tr("{done} of {total} done").format(
            done=f"{done.done:,}", total=f"{done.total:,}"
        )
        if text != self.progress_label.text():
            self.progress_label.setText(text)

    # ------------------------------------------------------------------ internals
    def _requery(self, **changes: object) -> None:
        query = self.model.query
        fields = {
            "layer": query.layer,
            "search": query.search,
            "status": query.status,
            "sort": query.sort,
            **changes,
        }
        with self._quietly():  # rows removed under the current one move it
            changed = self.model.set_query(ListQuery(**fields))  # type: ignore[arg-type]
        if changed:
            # The new answer from its top (and the open document's row, if it is among the
            # rows, scrolled to next), not the bottom of its first page, where a list that was
            # scrolled far down is left: there the view fetches another page, which the next
            # keystroke drops again, and every keystroke repaints the screen.
            self.list.scrollToTop()
            self._reselect()

    def _reselect(self) -> None:
        if self._current is not None:
            with self._quietly():
                self.select(self._current, fetch=False)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """The current row moves because the rows changed, not because the user picked one:
        no document is opened for it. The view still hears of it (and repaints the rows whose
        highlight changed), which a selection model with blocked signals would not tell it."""
        self._moving = True
        try:
            yield
        finally:
            self._moving = False

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self._requery(search=text)

    def _on_filter_edit_return_pressed(self) -> None:
        text = self.filter_edit.text().strip()
        if text and catalog.rowid_of(self.read, text) is not None:
            self.filter_edit.clear()
            self.document_selected.emit(text)
        elif self.model.rowCount():
            self.document_selected.emit(str(self.model.index(0).data(ID_ROLE)))

    def _on_status_filter_changed(self, _index: int) -> None:
        self._requery(status=self.status_filter.currentData() or "")

    def _on_sort_choice_changed(self, _index: int) -> None:
        self.model.forget_order()  # chosen again: sorted anew, with the edits since
        self._requery(sort=Sort(self.sort_choice.currentData()))

    def _on_model_order_wanted(self, query: ListQuery) -> None:
        """Read the whole order in a thread (a pass over every span): the list stays usable,
        in import order, and takes the order when it comes if the query is still the same."""
        path = self.path

        def read_order(_progress: Callable[[int], None]) -> object:
            with Workspace(path, read_only=True) as ws:
                return query, catalog.agreement_order(ws.query, query)

        job = Job(read_order, self)
        job.succeeded.connect(self._on_order_job_succeeded)
        job.failed.connect(self._on_order_job_failed)
        job.finished.connect(partial(self._on_order_job_finished, job))
        self._order_jobs.append(job)
        self.progress_label.setText(self.tr("Sorting by agreement…"))
        job.start()

    def _on_order_job_succeeded(self, result: tuple[ListQuery, list[int]]) -> None:
        query, rowids = result
        if self.model.show_order(query, rowids):
            self._reselect()
        self.order_ready.emit()
        self.update_progress()

    def _on_order_job_failed(self, message: str) -> None:
        self.progress_label.setText(message)

    def _on_order_job_finished(self, job: Job) -> None:
        if job in self._order_jobs:
            self._order_jobs.remove(job)
        job.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._total is None and not self._stopped:
            QTimer.singleShot(0, self._on_progress_timer_timeout)

    def _on_progress_timer_timeout(self) -> None:
        if not self._stopped and self._total is None:
            self.update_progress()

    def stop(self) -> None:
        """Wait for orders still being read (the window is closing)."""
        self._stopped = True
        for job in list(self._order_jobs):
            job.wait()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._moving:
            doc_id = str(current.data(ID_ROLE))
            self._current = doc_id
            self.document_selected.emit(doc_id)
