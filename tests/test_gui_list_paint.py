"""What painting the document list and the span table costs, counted: model reads and lines
laid out per row.

A keystroke in the search box repaints a screenful of rows whatever the corpus size, so the
cost of one painted row is what a keystroke costs. Qt's own delegate asked the model for
about ten roles of every painted row and shaped each Arabic title again on every paint; the
list's delegate reads a row with one call and lays a title out once per document and width.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from annotator.core import catalog
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.document_list import ID_ROLE, PAGE, DocumentListModel, DocumentRowDelegate
from tests.scale_helpers import build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus") / "corpus.db", count=300)


@pytest.fixture
def window(qtbot, corpus: Path, tmp_path: Path):
    copy = tmp_path / "workspace.db"
    copy.write_bytes(corpus.read_bytes())
    window = create_window(copy, "amal")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def rows_read(monkeypatch) -> list[int]:
    """Every read of a row of the document list's model (each data() call, whatever its
    role, reads one; data() itself is a C++ virtual that a patch would not reach)."""
    calls: list[int] = []
    original = DocumentListModel._row

    def counted(self: DocumentListModel, row: int) -> tuple[str, str, str]:
        calls.append(row)
        return original(self, row)

    monkeypatch.setattr(DocumentListModel, "_row", counted)
    return calls


def painted_rows(listing: QAbstractItemView) -> int:
    viewport = listing.viewport()
    top = listing.rowAt(0)
    bottom = listing.rowAt(viewport.height() - 1)
    if bottom < 0:
        bottom = listing.model().rowCount() - 1
    return bottom - top + 1


def test_painting_a_row_reads_it_once_not_once_per_role(window, rows_read):
    listing = window.findChild(QAbstractItemView, "documentList")
    shown = painted_rows(listing)
    assert shown >= 10  # a screenful of rows, not a handful
    listing.viewport().repaint()
    rows_read.clear()
    listing.viewport().repaint()
    assert 0 < len(rows_read) <= shown + 1  # the last row may show in part


def test_a_title_is_laid_out_once_per_document_not_on_every_paint(window):
    listing = window.findChild(QAbstractItemView, "documentList")
    delegate = window.panel.delegate
    listing.viewport().repaint()
    shown = painted_rows(listing)
    laid_out = delegate.layouts
    assert 0 < laid_out <= shown + 1
    for _ in range(3):
        listing.viewport().repaint()
    assert delegate.layouts == laid_out
    box = window.findChild(QLineEdit, "documentFilter")
    for letter in "خبر":  # typed (QTest's key clicks take ASCII only): a search
        box.insert(letter)
    listing.viewport().repaint()
    after_search = delegate.layouts
    listing.viewport().repaint()
    box.clear()  # back to the whole list: its titles are still laid out
    listing.viewport().repaint()
    assert delegate.layouts == after_search


def test_a_tag_lays_out_only_the_new_rows_cells_in_the_span_table(window):
    """The span table repaints every visible cell after a tag; only the new row is laid out."""
    from annotator.arabic.words import words

    table = window.table
    table.viewport().repaint()
    laid_out = table.cells.layouts
    assert laid_out > 0
    table.viewport().repaint()
    assert table.cells.layouts == laid_out
    rows = table.model().rowCount()
    start, end = words(window.article.toPlainText())[-2]
    window.article.select_offsets(start, end)
    window.window_actions.tag["CLAIM"].trigger()
    assert table.model().rowCount() == rows + 1
    table.viewport().repaint()
    assert laid_out < table.cells.layouts <= laid_out + 4  # the new row's cells, once


@pytest.fixture
def painted(monkeypatch) -> list[int]:
    """The rows the document list's delegate paints (a Python override: a patch reaches it)."""
    rows: list[int] = []
    original = DocumentRowDelegate.paint

    def counted(self, painter, option, index) -> None:
        rows.append(index.row())
        original(self, painter, option, index)

    monkeypatch.setattr(DocumentRowDelegate, "paint", counted)
    return rows


def shown_ids(listing: QAbstractItemView) -> list[str]:
    model = listing.model()
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def settle(window) -> None:
    """Let the window paint what the keystroke left to paint."""
    QApplication.processEvents()
    QApplication.processEvents()


def quiet(window, painted: list[int]) -> None:
    """Let the window finish what it left to lay out and paint since it was shown (a delayed
    layout of a list of every row takes a few passes of the event loop)."""
    for _ in range(10):
        painted.clear()
        settle(window)
        if not painted:
            return


def test_a_keystroke_repaints_only_the_rows_it_changed(window, painted, qtbot):
    """A search that keeps the rows (every article holds خبر) repaints none of them; one that
    changes them repaints the changed rows and lays out only their titles (when its count
    comes, the list's length changes and the view repaints the screen, from titles laid out
    already). Before, each searched keystroke reset the model, and the view painted a
    screenful of rows whatever changed."""
    listing = window.findChild(QAbstractItemView, "documentList")
    box = window.findChild(QLineEdit, "documentFilter")
    before = shown_ids(listing)
    shown = painted_rows(listing)
    for letter in "خب":  # too short to search; the box shows its clear button (a relayout)
        box.insert(letter)
    quiet(window, painted)
    assert shown_ids(listing) == before
    box.insert("ر")  # the third letter searches: the same documents in the same order
    settle(window)
    assert window.panel.model.query.search == "خبر"
    qtbot.waitUntil(lambda: window.panel.model.counted() == 300)
    settle(window)
    assert shown_ids(listing) == before
    assert painted == []
    layouts = window.panel.delegate.layouts
    box.insert(" وزارة")  # a third of the articles: the first row stays, the others change
    qtbot.waitUntil(lambda: window.panel.model.counted() == 100)
    settle(window)
    with Workspace(window.workspace.path, read_only=True) as ws:
        wanted = catalog.page(ws.query, window.panel.model.query, None, PAGE)
    after = shown_ids(listing)[:PAGE]  # the first page (the list holds every match)
    assert after == [row.doc_id for row in wanted]
    assert after[0] == before[0] and after[1] != before[1]
    changed = {row for row in range(shown) if after[row] != before[row]}
    assert changed and changed <= set(painted)
    assert window.panel.delegate.layouts - layouts <= len(changed) + 1  # a row in part


def test_rows_removed_under_the_open_document_do_not_open_another(window, qtbot):
    """The open document's row leaves the list as the search narrows: the list marks no row
    and the window keeps the document open (no row the list moved to is opened)."""
    listing = window.findChild(QAbstractItemView, "documentList")
    box = window.findChild(QLineEdit, "documentFilter")
    window.panel.document_selected.emit("doc00040")
    assert window.doc.id == "doc00040"
    assert window.panel.current_document() == "doc00040"
    with qtbot.assertNotEmitted(window.panel.document_selected):
        box.insert("خبر رقم 100")
        settle(window)
    assert shown_ids(listing) == ["doc00100"]
    assert window.doc.id == "doc00040"
    assert window.panel.current_document() is None
    with qtbot.assertNotEmitted(window.panel.document_selected):
        box.clear()  # the whole list again: the open document is marked where it is
        settle(window)
    assert window.panel.current_document() == "doc00040"
    assert window.doc.id == "doc00040"


def test_a_search_typed_in_a_list_scrolled_far_down_shows_the_first_matches(window, painted):
    """Going to a document far down the list scrolls it there (rows fetched up to it); a
    search typed then shows the top of its answer. Left at the bottom of its first page, the
    view fetched another page, which the next keystroke dropped again: every keystroke read
    a page and repainted the screen."""
    listing = window.findChild(QAbstractItemView, "documentList")
    box = window.findChild(QLineEdit, "documentFilter")
    window.panel.document_selected.emit("doc00250")
    settle(window)
    assert window.panel.current_document() == "doc00250"
    assert listing.rowAt(0) > PAGE
    box.insert("خبر رقم 1")
    settle(window)
    assert listing.rowAt(0) == 0
    pages = window.panel.model.pages_read
    painted.clear()
    box.insert("0")  # خبر رقم 10: the answer changes
    settle(window)
    assert listing.rowAt(0) == 0
    assert window.panel.model.pages_read == pages  # no page read beyond the first
    assert window.doc.id == "doc00250"
