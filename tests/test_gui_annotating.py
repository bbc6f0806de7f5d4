# ruff: noqa: F811 (pytest fixtures imported from the annotation tests)
"""Annotating without surprises (issue 11): the selection follows the span, a drag across a
number in right-to-left text selects it, informational messages are not shown as errors."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths
from tests.conftest import SEEDS
from tests.test_gui_annotation import (  # noqa: F401 (fixtures)
    ARTICLE,
    article,
    db,
    open_window,
    select,
    spans,
    tag,
    window,
)
from tests.test_gui_suggestions import suggest


def test_moving_an_edge_by_keyboard_leaves_no_stale_selection_over_the_span(window, db, qtbot):
    select(window, "وقال")
    view = article(window)
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert not view.textCursor().hasSelection()
    view.select_offsets(0, 5)  # a new selection, then a move of the selected span's edge
    [span] = spans(db)[0]
    window._select(span.id)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view, Qt.Key.Key_Left, ctrl_alt)
    [moved] = spans(db)[0]
    assert ARTICLE[moved.start : moved.end] == "قال"
    assert not view.textCursor().hasSelection()


def test_escape_drops_the_text_selection_with_the_span_selection(window, db, qtbot):
    tag(window, "الرئيس بوتين", "SPEAKER")
    view = article(window)
    view.select_offsets(3, 9)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.selected is None
    assert not view.textCursor().hasSelection()


def _x_of(view, offset: int) -> tuple[int, int]:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset))
    rect = view.cursorRect(cursor)
    return rect.x(), rect.center().y()


def test_dragging_across_a_number_in_rtl_text_selects_the_whole_number(window, db, qtbot):
    view = article(window)
    start = ARTICLE.index("14 يناير")
    (x0, y), (x2, _) = _x_of(view, start), _x_of(view, start + 2)
    left, right = min(x0, x2), max(x0, x2)
    viewport = view.viewport()
    for pressed, released in ((left, right), (right - 1, left + 1)):
        QTest.mousePress(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(pressed, y)
        )
        QTest.mouseMove(viewport, QPoint(released, y))
        QTest.mouseRelease(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(released, y)
        )
        assert view.selection_offsets() == (start, start + 2)
    qtbot.keyClick(view, Qt.Key.Key_D)
    [span] = spans(db)[0]
    assert ARTICLE[span.start : span.end] == "14"


def test_what_a_suggest_run_found_is_news_not_a_red_error(qtbot, db_path):
    with Workspace(db_path) as ws:
        ws.import_records(read_paths(expand_paths(SEEDS[:1])))
    window = open_window(qtbot, db_path)
    report = suggest(window, qtbot)
    assert report.added > 0
    assert f"Suggest: {report.added} new" in window.statusBar().currentMessage()
    assert window.form.error.text() == ""


def test_a_note_on_the_selected_span_flagged_then_one_on_the_document(window, db, qtbot):
    from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QPushButton

    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    notes = window.findChild(QWidget, "notesPanel")
    edit = notes.findChild(QLineEdit, "noteEdit")
    assert "SPEAKER" in notes.target.text()
    edit.setFocus()
    qtbot.keyClicks(edit, "unsure: is this the minister or the ministry?")
    notes.findChild(QCheckBox, "noteFlag").setChecked(True)
    qtbot.mouseClick(notes.findChild(QPushButton, "noteAdd"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(article(window), Qt.Key.Key_Escape)
    qtbot.keyClicks(edit, "dateline missing")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    with Workspace(db) as ws:
        saved = ws.notes("a", "amal")
    assert [(n.text, n.span_id, n.flagged, n.author) for n in saved] == [
        ("unsure: is this the minister or the ministry?", speaker, True, "amal"),
        ("dateline missing", None, False, "amal"),
    ]
    rows = notes.findChild(QListWidget, "noteList")
    assert rows.count() == 2 and rows.item(0).text().startswith("⚑")
    window.undo_action.trigger()
    with Workspace(db) as ws:
        assert len(ws.notes("a")) == 1
    search = notes.findChild(QLineEdit, "noteSearch")
    qtbot.keyClicks(search, "ministry")
    assert rows.count() == 1 and "ministry" in rows.item(0).text()


def test_a_bad_note_is_refused_in_the_form_and_nothing_is_saved(window, db, qtbot):
    from PySide6.QtWidgets import QLineEdit

    notes = window.findChild(QWidget, "notesPanel")
    edit = notes.findChild(QLineEdit, "noteEdit")
    edit.setText("x" * 3000)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    with Workspace(db) as ws:
        assert ws.notes("a") == []
    assert "at most" in window.statusBar().currentMessage()


def test_the_span_table_shows_values_first_in_their_direction_elided_at_the_logical_end(
    window, db, qtbot
):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem, QToolTip

    from annotator.gui.annotation_table import SpanTableModel

    date = tag(window, "14 يناير", "DATE")
    value = window.findChild(QLineEdit, "attr_DATE_value")
    value.setText("2022-01-14")
    value.editingFinished.emit()
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    entity = window.findChild(QLineEdit, "attr_SPEAKER_entity")
    entity.setText("فلاديمير بوتين")
    entity.editingFinished.emit()
    long_quote = tag(
        window, 'وقال الرئيس بوتين إن "القوات ستعود إلى قواعدها" في 14 يناير.', "QUOTE"
    )
    model, table = window.table_model, window.table

    def cell(span_id: str, column: int):
        return model.index(model.row_of(span_id), column)

    def drawn(index, width: int = 2000) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, width, 20)
        table.itemDelegateForIndex(index).initStyleOption(option, index)
        return option

    # The type the date engine proposed, then the value typed in the form.
    assert cell(date, SpanTableModel.ATTRIBUTES).data() == "DATE · 2022-01-14"
    assert "value: 2022-01-14" in cell(date, SpanTableModel.ATTRIBUTES).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert drawn(cell(date, SpanTableModel.ATTRIBUTES)).direction == Qt.LayoutDirection.LeftToRight
    assert cell(speaker, SpanTableModel.ATTRIBUTES).data() == "فلاديمير بوتين"
    assert (
        drawn(cell(speaker, SpanTableModel.ATTRIBUTES)).direction == Qt.LayoutDirection.RightToLeft
    )
    narrow = drawn(cell(long_quote, SpanTableModel.TEXT), 120)
    assert narrow.text.startswith("وقال") and narrow.text.endswith("…")

    tip = cell(long_quote, SpanTableModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    QToolTip.showText(QPoint(10, 10), tip, table)
    label = next(
        w for w in QApplication.topLevelWidgets() if w.metaObject().className() == "QTipLabel"
    )
    assert label.width() >= 400  # a sentence on a few wide lines, not a narrow column
    QToolTip.hideText()
