"""The document list: titles with this annotator's status badge, progress, search and sorting.

A workspace may hold 100,000 articles. The list is a lazy item model over the store
(:mod:`annotator.core.catalog`): it is as long as the answer (one COUNT per query), so the
scrollbar, End and a dragged thumb reach every row, and it reads the titles and statuses of a
page of rows when they are painted, keeping a few pages in a small LRU. Filtering, sorting,
"go to" (a COUNT of the rows before the document) and progress are SQL queries; a change
repaints the one row it touched.
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
from annotator.core.catalog import UNFINISHED_FILTER, ListQuery, Sort
from annotator.core.model import Status
from annotator.core.workspace import Workspace
from annotator.gui.counts import counts
from annotator.gui.plain import tooltip
from annotator.gui.static_text import TextLayouts
from annotator.gui.worker import Job

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE = 50  # rows fetched at a time (a screen and a half), and the unit of the row cache
CACHED_PAGES = 64
CACHED_ANCHORS = 1024  # rows whose sort key is known, where a page read may start
# A keystroke counts up to this many matches itself (a fraction of a millisecond in the search
# index); a larger answer is counted off the UI thread.
COUNT_AT_ONCE = 2000
COUNT_PAUSE_MS = 150  # typing paused this long: a large answer is counted
CACHED_COUNTS = 64  # counts of the last selections (typing back and forth counts once)
CACHED_TITLES = 1024  # laid-out titles kept (a few screens of rows, and the last searches')
BADGE_GAP = 6  # pixels between a row's badge and its title, and at the row's ends
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
_MOVE_HOME = QAbstractItemView.CursorAction.MoveHome
_MOVE_END = QAbstractItemView.CursorAction.MoveEnd
_UNKNOWN_ROW = ("", "", Status.NEW.value)  # a rowid whose document is gone


class DocumentListModel(QAbstractListModel):
    """Every document a ``ListQuery`` selects, one row each, materialised a page at a time.

    ``rowCount`` is the answer's true size (one COUNT per query, see ``show_count``), so the
    scrollbar stands for the whole answer and End or a dragged thumb shows the right rows at
    once. A row's title and status are read when it is painted, by page (``_read_page``):
    which documents a page shows comes from the nearest row whose sort key is known (a keyset
    with a short OFFSET, forwards, or backwards from the end), or, in import order over every
    document, from arithmetic on the rowids. Pages sit in a small LRU; no Python object per
    document exists for the whole corpus (an order read whole, agreement, is an ``array``).

    A count that costs more than a keystroke should (a search) is asked for with
    ``count_wanted`` and read off the UI thread; until ``show_count`` brings it, the list
    keeps its length (or a page) and grows or shrinks when it comes.
    """

    order_wanted = Signal(object)  # the ListQuery whose whole order the model waits for
    count_wanted = Signal(object)  # the ListQuery whose COUNT the model waits for
    count_known = Signal(int)  # the true number of rows, once known for the shown query

    def __init__(self, read: catalog.Read, query: ListQuery, count_later: bool = False) -> None:
        super().__init__()
        self.read = read
        self.query = query
        # Whether a count of a search is read elsewhere (count_wanted): else it is read here.
        self.count_later = count_later
        self._order: tuple[ListQuery, array[int]] | None = None
        self.status_names: dict[str, str] = {}
        self.badges: dict[str, QPixmap] = {}
        self.total, self._first = catalog.corpus_shape(read)
        self._dense = catalog.dense(read, self.total, self._first)
        self._counts: OrderedDict[tuple[str, str, str | None], int] = OrderedDict()
        self._count = 0
        self._exact = True
        # Counts read before a change that may alter them (a status change, an import) are
        # of an older generation, and dropped when they come.
        self.generation = 0
        # page -> (rowids, (id, title, status) per row); row -> (sort key, rowid) of that row
        self._pages: OrderedDict[int, tuple[list[int], list[tuple[str, str, str]]]] = OrderedDict()
        self._anchors: OrderedDict[int, tuple[object, int]] = OrderedDict()
        self.pages_read = 0  # pages read from the store (a test counts them)
        self._reset_rows()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else self._count

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._count:
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
        ``dataChanged`` per run. The length follows the new count (known, or kept until it
        comes); rows are removed or added at the end to match it. A keystroke in the search
        box then costs the index lookup and the rows it changed, not a page of documents read
        and a reset that repaints the screen."""
        keys = catalog.page_keys(self.read, query, None, PAGE)
        rowids = [rowid for _key, rowid in keys]
        before = self._pages.get(0)
        known = dict(zip(before[0], before[1], strict=True)) if before else {}
        missing = [rowid for rowid in rowids if rowid not in known]
        known.update(catalog.rows_by_rowid(self.read, query.layer, missing))
        old = before[0] if before else []
        changed = [n for n in range(min(len(old), len(rowids))) if old[n] != rowids[n]]
        self.query = query
        self._pages.clear()
        self._anchors.clear()
        self._remember(0, rowids, [known.get(r, _UNKNOWN_ROW) for r in rowids])
        self._anchor(0, keys)
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first), self.index(last))
        self._resize(*self._first_count(len(keys)))

    def _first_count(self, first_page: int) -> tuple[int, bool]:
        """(rows to show, whether that is the true count) for the query just shown, whose
        first page held ``first_page`` rows."""
        if first_page < PAGE:
            return first_page, True
        known = self._counts.get(self._count_key(self.query))
        if known is not None:
            return known, True
        if self._no_filter(self.query):
            return self.total, True
        if not self.count_later:
            return catalog.count(self.read, self._paged_query()), True
        bounded = catalog.count(self.read, self._paged_query(), COUNT_AT_ONCE)
        if bounded < COUNT_AT_ONCE:  # a narrow answer: counted at once, exactly
            return bounded, True
        self.count_wanted.emit(self.query)
        return max(self._count, first_page), False

    def show_count(self, query: ListQuery, count: int, generation: int | None = None) -> bool:
        """The COUNT of ``query`` (read off the UI thread, when the model was at
        ``generation``): the list takes that length. False, and nothing changes, when the
        list shows another selection by now, or the documents changed since."""
        key = self._count_key(query)
        if key != self._count_key(self.query):
            return False
        if generation is not None and generation != self.generation:
            return False
        self._counts[key] = count
        while len(self._counts) > CACHED_COUNTS:
            self._counts.popitem(last=False)
        if not self._exact:
            self._resize(count, True)
        return True

    def _resize(self, count: int, exact: bool) -> None:
        shown = self._count
        self._exact = exact
        if count < shown:
            self.beginRemoveRows(QModelIndex(), count, shown - 1)
            self._count = count
            for page in [p for p in self._pages if p * PAGE >= count]:
                del self._pages[page]
            self.endRemoveRows()
        elif count > shown:
            self.beginInsertRows(QModelIndex(), shown, count - 1)
            self._count = count
            last = (shown - 1) // PAGE  # a short last page grows: read again when painted
            if shown % PAGE:
                self._pages.pop(last, None)
            self.endInsertRows()
        if exact:
            self._counts[self._count_key(self.query)] = count
            self.count_known.emit(count)

    def counted(self) -> int | None:
        """The true number of rows, or None while it is being counted."""
        return self._count if self._exact else None

    def _reset(self, query: ListQuery) -> None:
        self.beginResetModel()
        self.query = query
        self._reset_rows()
        self.endResetModel()
        if self._exact:
            self.count_known.emit(self._count)

    def reload(self) -> None:
        """Everything again (another program imported documents, or a status filter or sort
        that the change may have reordered)."""
        self._order = None
        self._counts.clear()
        self.generation += 1
        self.total, self._first = catalog.corpus_shape(self.read)
        self._dense = catalog.dense(self.read, self.total, self._first)
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

    def row_of(self, doc_id: str, locate: bool = True) -> int | None:
        """The row showing ``doc_id``, or None if the query does not select it. Rows already
        read, import order over every document (arithmetic) and an order read whole answer at
        once; else, with ``locate``, the COUNT of the rows before it (an indexed query)."""
        rowid = catalog.rowid_of(self.read, doc_id)
        if rowid is None:
            return None
        for page, (rowids, _rows) in self._pages.items():
            if rowid in rowids:
                return page * PAGE + rowids.index(rowid)
        if self._order is not None and not self.waiting_for_order():
            try:
                return self._order[1].index(rowid)
            except ValueError:
                return None
        if self._arithmetic():
            row = rowid - self._first
            return row if 0 <= row < self._count else None
        if not locate:
            return None
        row = catalog.rows_before(self.read, self._paged_query(), rowid)
        if row is not None and row >= self._count:  # counted before the count came
            self._resize(row + 1, False)
        return row

    def refresh_documents(self, doc_ids: Iterable[str]) -> None:
        """Repaint the rows of these documents (a status changed): one dataChanged each."""
        wanted = catalog.rowids_of(self.read, doc_ids)
        if not wanted:
            return
        for key in [k for k in self._counts if k[1]]:  # counts by status may change
            del self._counts[key]
        if self.query.status:
            self.generation += 1
        if self.reorders_on_change():
            self.reload()  # the row may leave the list or move: the query decides again
            return
        for rowid in wanted.values():
            for page, (rowids, rows) in self._pages.items():
                if rowid not in rowids:
                    continue
                n = rowids.index(rowid)
                fresh = catalog.rows_by_rowid(self.read, self.query.layer, [rowid])
                rows[n] = fresh.get(rowid, rows[n])
                index = self.index(page * PAGE + n)
                self.dataChanged.emit(index, index)
                break

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
        self._pages.clear()
        self._anchors.clear()
        if self.waiting_for_order():
            self.order_wanted.emit(self.query)
        elif not self.query.sort.paged:  # the whole order as rowids; titles read by page
            assert self._order is not None
            self._count, self._exact = len(self._order[1]), True
            return
        keys = catalog.page_keys(self.read, self._paged_query(), None, PAGE)
        found = catalog.rows_by_rowid(self.read, self.query.layer, [r for _k, r in keys])
        self._remember(0, [r for _k, r in keys], [found.get(r, _UNKNOWN_ROW) for _k, r in keys])
        self._anchor(0, keys)
        self._count = 0
        self._count, self._exact = self._first_count(len(keys))

    @staticmethod
    def _no_filter(query: ListQuery) -> bool:
        return not query.status and catalog.search_expression(query) is None

    @staticmethod
    def _count_key(query: ListQuery) -> tuple[str, str, str | None]:
        """What a count depends on (not the order)."""
        return query.layer, query.status, catalog.search_expression(query)

    def _arithmetic(self) -> bool:
        """Whether row n is document rowid first + n (import order over every document)."""
        query = self._paged_query()
        return self._dense and query.sort is Sort.IMPORT and self._no_filter(query)

    def _paged_query(self) -> ListQuery:
        """What pages are read by: the query, or import order while its whole order is read."""
        return self.query if self.query.sort.paged else replace(self.query, sort=Sort.IMPORT)

    def _remember(self, page: int, rowids: list[int], rows: list[tuple[str, str, str]]) -> None:
        self._pages[page] = (rowids, rows)
        self._pages.move_to_end(page)
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)

    def _anchor(self, start: int, keys: list[tuple[object, int]]) -> None:
        """Remember the sort keys of a page's first and last rows: the next page read near
        them starts from there (a keyset and a short OFFSET)."""
        if not keys:
            return
        for row, key in ((start, keys[0]), (start + len(keys) - 1, keys[-1])):
            self._anchors[row] = key
            self._anchors.move_to_end(row)
        while len(self._anchors) > CACHED_ANCHORS:
            self._anchors.popitem(last=False)

    def _page_rowids(self, page: int) -> list[int]:
        """Which documents page ``page`` shows: arithmetic, the order read whole, or the
        query read from the nearest row whose key is known (or either end of the list)."""
        start, stop = page * PAGE, min((page + 1) * PAGE, self._count)
        if self._order is not None and not self.waiting_for_order():
            return list(self._order[1][start:stop])
        if self._arithmetic():
            return list(range(self._first + start, self._first + stop))
        query = self._paged_query()
        # (rows skipped, bound, backwards): from the top, the end, or a known row.
        ways: list[tuple[int, tuple[object, int] | None, bool]] = [(start, None, False)]
        if self._exact:
            ways.append((self._count - stop, None, True))
        for row, key in self._anchors.items():
            if row < start:
                ways.append((start - row - 1, key, False))
            elif row >= stop:
                ways.append((row - stop, key, True))
        skip, bound, backwards = min(ways, key=lambda way: way[0])
        keys = catalog.page_keys(self.read, query, bound, stop - start, skip, backwards)
        if backwards:
            keys.reverse()
        if len(keys) == stop - start:
            self._anchor(start, keys)
        return [rowid for _key, rowid in keys]

    def row(self, row: int) -> tuple[str, str, str]:
        """(document id, title, status) of a row, for the delegate: one call per painted row
        instead of a data() call per role."""
        return self._row(row)

    def _row(self, row: int) -> tuple[str, str, str]:
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            rowids = self._page_rowids(page)
            found = catalog.rows_by_rowid(self.read, self.query.layer, rowids)
            rows = [found.get(r, _UNKNOWN_ROW) for r in rowids]
            self.pages_read += 1
            if len(rows) == min(PAGE, self._count - page * PAGE):
                self._remember(page, rowids, rows)
            else:  # the count is still coming (or the corpus changed): read again later
                rows += [_UNKNOWN_ROW] * (PAGE - len(rows))
            return rows[row - page * PAGE]
        self._pages.move_to_end(page)
        return cached[1][row - page * PAGE]


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


class DocumentTable(QTableView):
    """The list's view: a one-column table in which Home and End go to the first and last
    document, as in a list, with or without Ctrl, and also when no row is current (a table's
    own End goes to the row's last column, i.e. nowhere, or to the first row)."""

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        rows = self.model().rowCount()
        if rows and cursorAction in (_MOVE_HOME, _MOVE_END):
            return self.model().index(0 if cursorAction == _MOVE_HOME else rows - 1, 0)
        return super().moveCursor(cursorAction, modifiers)


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
        self._count_job: Job | None = None
        self._count_pending: ListQuery | None = None
        # A large answer is counted once typing pauses, not on every keystroke: each count
        # that comes changes the list's length, which repaints the list.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_PAUSE_MS)
        self._count_timer.timeout.connect(self._on_count_timer_timeout)
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
        self.status_filter.addItem(self.tr("Unfinished"), UNFINISHED_FILTER)
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
        self.matches_label = QLabel()
        self.matches_label.setObjectName("documentMatches")
        self.matches_label.setTextFormat(Qt.TextFormat.PlainText)
        self.matches_label.setAlignment(
            Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
        )
        # A fixed size, wide enough for any count: a label whose size may change lays the
        # window out again when its text changes, which repaints the whole list.
        metrics = self.matches_label.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(text)
            for text in (counts().matching(888_888), self.tr("Counting…"))
        )
        self.matches_label.setFixedSize(widest + BADGE_GAP, metrics.height() + 2)
        self.model = DocumentListModel(read, ListQuery(layer), count_later=True)
        self.model.order_wanted.connect(self._on_model_order_wanted)
        self.model.count_wanted.connect(self._on_model_count_wanted)
        self.model.count_known.connect(self._on_model_count_known)
        self.model.status_names = {s.value: self.status_name(s) for s in Status}
        # A one-column table, not a QListView: QListView lays out every fetched row again
        # when one row changes; a table with fixed row heights repaints just that row.
        self.list = DocumentTable()
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
        # Shown over the list's empty viewport when nothing matches.
        self.empty_label = QLabel(self.tr("No document matches"), self.list.viewport())
        self.empty_label.setObjectName("documentListEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)  # drawn greyed, as a placeholder
        placeholder = QVBoxLayout(self.list.viewport())
        placeholder.addWidget(self.empty_label)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        choices = QHBoxLayout()
        choices.addWidget(self.status_filter, 1)
        choices.addWidget(self.sort_choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addLayout(choices)
        # The count shares the progress line: its text changes as one types, and neither the
        # list's geometry nor the panel's least width (a label of its own would) changes.
        counts_line = QHBoxLayout()
        counts_line.addWidget(self.progress_label, 1)
        counts_line.addWidget(self.matches_label)
        layout.addLayout(counts_line)
        layout.addWidget(self.list)
        self._current: str | None = None
        self._stopped = False
        self._moving = False  # the current row moves with the rows (see _quietly)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.sort_choice.currentIndexChanged.connect(self._on_sort_choice_changed)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        # With the first paint: the model counted the documents (one aggregate query).
        self.update_progress()

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

    def select(self, doc_id: str, locate: bool = True) -> None:
        """Make ``doc_id`` the current row and scroll to it, or mark none if it is filtered
        out. Its row number comes from the model (``row_of``: arithmetic in import order, else
        a COUNT of the rows before it), so opening document 90,000 reads one page of titles,
        not 90,000 rows. Without ``locate`` (the list was filtered or re-sorted while typing)
        no COUNT is run: only an answer known at once marks it.
        """
        self._current = doc_id
        row = self.model.row_of(doc_id, locate)
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
        """Ids of every row, top to bottom (for tests and small lists)."""
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
        self.update_progress()

    def update_progress(self) -> None:
        # The total changes only when documents are added (the model counts them again).
        done = catalog.progress(self.read, self.model.query.layer, self.model.total)
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
        self._show_matches()

    def _reselect(self) -> None:
        if self._current is not None:
            with self._quietly():
                self.select(self._current, locate=False)

    def _show_matches(self) -> None:
        """ "N matching" while a search or status filter narrows the list, and the empty
        list's placeholder."""
        query = self.model.query
        counted = self.model.counted()
        self.empty_label.setVisible(counted == 0)
        filtering = bool(query.status) or catalog.search_expression(query) is not None
        if not filtering:
            text = ""
        else:
            text = self.tr("Counting…") if counted is None else counts().matching(counted)
        self.matches_label.setText(text)

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

    def _on_model_count_wanted(self, query: ListQuery) -> None:
        """Count the answer in a thread (a search's COUNT walks its matches: milliseconds at
        100,000 articles, more than a keystroke may take) once typing pauses; one count runs
        at a time, and only the last query asked for while it ran is counted next."""
        self._count_pending = query
        self._count_timer.start()

    def _on_count_timer_timeout(self) -> None:
        if self._count_job is None and not self._stopped:
            self._start_count()

    def _start_count(self) -> None:
        query, self._count_pending = self._count_pending, None
        if query is None:
            return
        path, generation = self.path, self.model.generation

        def read_count(_progress: Callable[[int], None]) -> object:
            with Workspace(path, read_only=True) as ws:
                return query, catalog.count(ws.query, query), generation

        # No parent: a child removed from the panel (deleteLater) lays it out again, which
        # repaints the list; the panel holds the job until it finishes.
        job = self._count_job = Job(read_count)
        job.succeeded.connect(self._on_count_job_succeeded)
        job.finished.connect(partial(self._on_count_job_finished, job))
        job.start()

    def _on_count_job_succeeded(self, result: tuple[ListQuery, int, int]) -> None:
        if self.model.show_count(*result):
            self._show_matches()

    def _on_count_job_finished(self, job: Job) -> None:
        if self._count_job is job:
            self._count_job = None
        job.deleteLater()
        if self._count_pending is not None and not self._stopped:
            self._start_count()

    def _on_model_count_known(self, _count: int) -> None:
        self._show_matches()

    def stop(self) -> None:
        """Wait for orders and counts still being read (the window is closing)."""
        self._stopped = True
        for job in [*self._order_jobs, self._count_job]:
            if job is not None:
                job.wait()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._moving:
            doc_id = str(current.data(ID_ROLE))
            self._current = doc_id
            self.document_selected.emit(doc_id)
