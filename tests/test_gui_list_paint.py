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
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from annotator.gui import create_window
from annotator.gui.document_list import DocumentListModel
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
