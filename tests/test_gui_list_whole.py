"""The document list stands for the whole answer, as a new user on a large workspace meets it.

A workspace of a few thousand articles (many pages of the list): End and a dragged scrollbar
reach the last document at once, "go to document id" and "mark done → next" leave the list on
the opened document's row, the filter says how many documents match (and an empty list says
that nothing does), the status filter offers "unfinished", and the progress line is there
before the window first paints. Every test drives the real widgets.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit

from annotator.core import catalog
from annotator.core.catalog import ListQuery, Sort
from annotator.core.model import Status
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.counts import counts
from annotator.gui.document_list import COUNT_AT_ONCE, ID_ROLE, PAGE
from tests.scale_helpers import build_corpus

SIZE = COUNT_AT_ONCE + 500  # a search of every article is counted off the UI thread
LAST = f"doc{SIZE - 1:05d}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus") / "corpus.db", count=SIZE)


@pytest.fixture
def window(qtbot, corpus: Path, tmp_path: Path):
    copy = tmp_path / "workspace.db"
    shutil.copyfile(corpus, copy)
    window = create_window(copy, "amal")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def listing(window) -> QAbstractItemView:
    return window.findChild(QAbstractItemView, "documentList")


def shown(view: QAbstractItemView, doc_id: str) -> bool:
    """Whether ``doc_id`` is the current row and the row is inside the viewport."""
    index = view.currentIndex()
    if not index.isValid() or index.data(ID_ROLE) != doc_id:
        return False
    return view.viewport().rect().contains(view.visualRect(index))


def bottom_row_id(view: QAbstractItemView) -> str:
    view.viewport().repaint()
    row = view.rowAt(view.viewport().height() - 1)
    row = view.model().rowCount() - 1 if row < 0 else row
    return str(view.model().index(row, 0).data(ID_ROLE))


def whole_order(window, query: ListQuery) -> list[str]:
    with Workspace(window.workspace.path, read_only=True) as ws:
        return [row.doc_id for row in catalog.page(ws.query, query, None, SIZE + 1)]


def test_end_shows_the_last_document_at_once(window, qtbot):
    """Before, End loaded ~50 more rows each time: after 50 presses the last row was
    doc_001099 of 100,000. Now the list is as long as the answer and End reaches its end,
    reading one page of titles, not the rows on the way."""
    view = listing(window)
    model = view.model()
    assert model.rowCount() == SIZE
    pages = model.pages_read
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert shown(view, LAST)
    assert window.doc.id == LAST  # the row is opened, as a click would
    assert bottom_row_id(view) == LAST
    assert model.pages_read - pages <= 2
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert shown(view, "doc00000")
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert shown(view, LAST)


def test_dragging_the_scrollbar_shows_the_rows_of_that_place(window):
    """The scrollbar stands for every row: its end is the last document, its middle the
    middle one, also in an order read by keyset (title) rather than arithmetic."""
    view = listing(window)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bottom_row_id(view) == LAST
    bar.setValue(bar.maximum() // 2)
    view.viewport().repaint()
    top = view.rowAt(0)
    assert SIZE // 3 < top < 2 * SIZE // 3
    assert view.model().index(top, 0).data(ID_ROLE) == f"doc{top:05d}"
    sort = window.findChild(QComboBox, "documentSort")
    sort.setCurrentIndex(sort.findData(Sort.TITLE.value))
    titles = whole_order(window, ListQuery("amal", sort=Sort.TITLE))
    bar.setValue(bar.maximum())
    assert bottom_row_id(view) == titles[-1]
    bar.setValue(bar.maximum() // 3)
    view.viewport().repaint()
    first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
    model = view.model()
    assert [model.index(r, 0).data(ID_ROLE) for r in range(first, last + 1)] == titles[
        first : last + 1
    ]


def test_end_of_a_large_search_shows_its_last_match(window, qtbot):
    """A search every article matches is counted off the UI thread; the list grows to its
    size when the count comes, and End shows the last match."""
    view = listing(window)
    box = window.findChild(QLineEdit, "documentFilter")
    box.setText("خبر رقم")
    qtbot.waitUntil(lambda: view.model().counted() == SIZE)
    label = window.findChild(QLabel, "documentMatches")
    assert label.text() == counts().matching(SIZE)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert shown(view, LAST)
    box.setText("خبر رقم 120")  # 120 and 1200-1209: counted at once
    wanted = whole_order(window, ListQuery("amal", search="خبر رقم 120"))
    assert view.model().counted() == len(wanted) == 11
    assert label.text() == counts().matching(len(wanted))
    assert not view.currentIndex().isValid()  # the open document is not among them
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert shown(view, wanted[-1])


def test_go_to_document_id_marks_its_row_and_scrolls_to_it(window, qtbot):
    """Before, Enter on an id opened the document and left the list at its top, nothing
    marked."""
    view = listing(window)
    box = window.findChild(QLineEdit, "documentFilter")
    box.setText("doc02450")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.doc.id == "doc02450"
    assert shown(view, "doc02450")
    assert view.rowAt(0) > PAGE  # scrolled, not left at the top


def test_opening_a_document_in_a_filtered_sorted_list_finds_its_row(window, qtbot):
    """In a status filter and an order by title the row number is a COUNT of the rows before
    the document; "mark done → next" then marks the next unfinished document's row."""
    view = listing(window)
    status = window.findChild(QComboBox, "statusFilter")
    status.setCurrentIndex(status.findData("unfinished"))
    sort = window.findChild(QComboBox, "documentSort")
    sort.setCurrentIndex(sort.findData(Sort.TITLE.value))
    titles = whole_order(window, ListQuery("amal", status="unfinished", sort=Sort.TITLE))
    window.panel.document_selected.emit("doc02100")  # as the notes panel or a link does
    assert shown(view, "doc02100")
    assert view.currentIndex().row() == titles.index("doc02100")
    sort.setCurrentIndex(sort.findData(Sort.IMPORT.value))
    window.panel.document_selected.emit("doc01200")
    assert shown(view, "doc01200")
    window.window_actions.mark_done.trigger()  # a banner: no QUOTE marked; done all the same
    window.window_actions.mark_done.trigger()  # done: it leaves the unfinished list
    assert window.doc.id == "doc01201"
    assert shown(view, "doc01201")
    qtbot.waitUntil(lambda: view.model().counted() == SIZE - 1)
    assert shown(view, "doc01201")


def test_matching_count_and_the_empty_list_placeholder(window, qtbot):
    box = window.findChild(QLineEdit, "documentFilter")
    label = window.findChild(QLabel, "documentMatches")
    empty = window.findChild(QLabel, "documentListEmpty")
    assert label.text() == "" and not empty.isVisible()  # the whole list: no count shown
    box.setText("خبر رقم 2000")
    assert label.text() == counts().matching(1)
    box.setText("كلمةلاتوجد")
    assert listing(window).model().rowCount() == 0
    assert label.text() == counts().matching(0)
    assert empty.isVisible() and empty.text()
    box.clear()
    assert not empty.isVisible() and label.text() == ""
    status = window.findChild(QComboBox, "statusFilter")
    status.setCurrentIndex(status.findData(Status.DONE.value))  # nothing is done yet
    assert empty.isVisible()
    assert label.text() == counts().matching(0)


def test_unfinished_filter_shows_new_and_in_progress_documents(window, qtbot):
    with Workspace(window.workspace.path, who="amal") as other:
        other.set_status("doc00000", "amal", Status.DONE)
        other.set_status("doc00001", "amal", Status.IN_PROGRESS)
    window.panel.reload()  # as the window does when another program changed the file
    status = window.findChild(QComboBox, "statusFilter")
    status.setCurrentIndex(status.findData("unfinished"))
    model = listing(window).model()
    qtbot.waitUntil(lambda: model.counted() == SIZE - 1)
    assert model.rowCount() == SIZE - 1
    assert [model.index(r, 0).data(ID_ROLE) for r in range(2)] == ["doc00001", "doc00002"]
    status.setCurrentIndex(status.findData(Status.DONE.value))
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == ["doc00000"]


def test_progress_line_is_there_before_the_first_paint(qtbot, corpus: Path, tmp_path: Path):
    """Before, the line was blank for the first seconds at 100,000 articles."""
    copy = tmp_path / "workspace.db"
    shutil.copyfile(corpus, copy)
    window = create_window(copy, "amal")  # not shown, no event processed yet
    qtbot.addWidget(window)
    assert window.findChild(QLabel, "documentProgress").text() == f"0 of {SIZE:,} done"
