"""Papercuts a new user met in the annotation window (issue 11): punctuation kept by snapping,
a number dropped by a right-to-left drag, a hand-drawn DATE without its value, done with
suggestions still pending. Each test drives the real widgets and reads the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from annotator.core import suggestions
from annotator.core.model import Status
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui.pending_guard import CONFIRM_NAME, DONE_ANYWAY, REVIEW_THEM
from tests.test_gui_annotation import article, open_window, spans
from tests.test_gui_suggestions import suggest

TEXT = (
    "خطة جديدة لإعمار الجنوب\n"
    "وقال فياض، رئيس الوفد، إن الخطة جاهزة.\n"
    "وأضاف وزير خارجية لبنان: الاجتماع المقبل في 14 مارس 2024.\n"
    "وصدر القرار أمس."
)


@pytest.fixture
def db(db_path: Path) -> Path:
    with Workspace(db_path) as ws:
        ws.import_records(
            [
                DocumentRecord(text=TEXT, path="a.txt", id="a", published="2024-03-20"),
                DocumentRecord(text="خبر ثان\nنص قصير.", path="b.txt", id="b"),
            ]
        )
    return db_path


@pytest.fixture
def window(qtbot, db):
    return open_window(qtbot, db)


def stored_texts(db: Path) -> list[str]:
    return [TEXT[s.start : s.end] for s in spans(db)[0]]


def char_box(view, offset: int) -> tuple[int, int, int]:
    """(left, right, middle y) of the character at ``offset`` as Qt lays it out: the caret
    rectangles on both sides of it, whichever direction its run goes."""
    xs = []
    for position in (offset, offset + 1):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_utf16(position))
        xs.append(view.cursorRect(cursor))
    return min(r.x() for r in xs), max(r.x() for r in xs), xs[0].center().y()


def inner_x(view, offset: int) -> tuple[int, int]:
    """The caret x between the characters at ``offset`` and ``offset + 1`` (inside one run,
    so unambiguous), and the line's middle y."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset + 1))
    rect = view.cursorRect(cursor)
    return rect.x(), rect.center().y()


def drag(view, pressed: QPoint, released: QPoint) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pressed)
    QTest.mouseMove(viewport, released)
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, released
    )


# ---------------------------------------------------------------- 1. punctuation at the edges
def test_double_click_on_a_name_before_a_comma_tags_the_name_without_the_comma(window, db, qtbot):
    view = article(window)
    offset = TEXT.index("فياض") + 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset))
    point = view.cursorRect(cursor).center()
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert view.textCursor().hasSelection()
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert stored_texts(db) == ["فياض"]


def test_keyboard_word_selection_leaves_the_colon_out(window, db, qtbot):
    view = article(window)
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(TEXT.index("الاجتماع")))
    view.setTextCursor(cursor)
    # Shift+Ctrl+Right in right-to-left text selects the word before the caret, as Qt sees
    # words: the colon and blank first, then the word.
    shift_ctrl = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, shift_ctrl)
    qtbot.keyClick(view, Qt.Key.Key_Right, shift_ctrl)
    start, end = view.selection_offsets()
    assert TEXT[start:end] == "لبنان: "
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert stored_texts(db) == ["لبنان"]


# ---------------------------------------------------------- 2. numbers in a right-to-left drag
def test_a_drag_over_part_of_a_number_at_either_end_takes_the_whole_number(window, db, qtbot):
    view = article(window)
    fourteen, year = TEXT.index("14 مارس"), TEXT.index("2024")
    advance = view.fontMetrics().horizontalAdvance("4")
    # Digits run left to right: "4" lies right of the caret between "1" and "4", and the
    # year's first "2" lies left of the caret between "2" and "0".
    x14, y = inner_x(view, fourteen)
    x2024, _ = inner_x(view, year)
    on_the_4 = QPoint(x14 + advance * 3 // 4, y)
    on_the_left_of_2024 = QPoint(x2024 - advance * 3 // 4, y)
    drag(view, on_the_4, on_the_left_of_2024)
    chosen = view.selected_range(whole_words=True)
    assert chosen is not None and TEXT[chosen[0] : chosen[1]] == "14 مارس 2024"
    drag(view, on_the_left_of_2024, on_the_4)  # the other direction, then tag it
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert stored_texts(db) == ["14 مارس 2024"]


# ---------------------------------------------------------------- 3. a hand-drawn DATE's value
def test_a_hand_drawn_date_gets_the_engines_type_and_value_and_the_form_can_change_it(
    window, db, qtbot
):
    view = article(window)
    view.setFocus()
    view.select_offsets(TEXT.index("أمس"), TEXT.index("أمس") + 3)
    qtbot.keyClick(view, Qt.Key.Key_D)
    [date] = spans(db)[0]
    assert date.attrs == {"type": "DATE", "value": "2024-03-19"}  # published 2024-03-20
    value = window.findChild(QLineEdit, "attr_DATE_value")
    kind = window.findChild(QComboBox, "attr_DATE_type")
    assert value.text() == "2024-03-19" and kind.currentText() == "DATE"
    value.selectAll()
    qtbot.keyClicks(value, "2024-03-18")
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert spans(db)[0][0].attrs["value"] == "2024-03-18"


def test_a_hand_drawn_date_the_engine_cannot_read_stays_empty(window, db, qtbot):
    view = article(window)
    view.setFocus()
    view.select_offsets(TEXT.index("الخطة"), TEXT.index("الخطة") + 5)
    qtbot.keyClick(view, Qt.Key.Key_D)
    [date] = spans(db)[0]
    assert not date.attrs.get("value") and not date.attrs.get("type")


# ---------------------------------------------------------------- 4. done with suggestions pending
def answer(button: str) -> list[str]:
    """Click ``button`` in the next question the window asks; returns the question's text."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == CONFIRM_NAME
        seen.append(box.text())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, press)
    return seen


def status(db: Path) -> Status:
    with Workspace(db) as ws:
        return ws.status("a", "amal")


def test_ctrl_enter_with_suggestions_pending_asks_and_review_keeps_the_document_open(
    window, db, qtbot
):
    suggest(window, qtbot)
    with Workspace(db) as ws:
        pending = len(suggestions.pending(ws, "a"))
    assert pending > 1
    seen = answer(REVIEW_THEM)
    qtbot.keyClick(article(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen and f"{pending} suggestions" in seen[0]
    assert status(db) != Status.DONE
    assert window.current_document() == "a"
    assert window.suggestion_review.current is not None  # the first one, under review


def test_ctrl_enter_with_suggestions_pending_marks_done_when_told_to(window, db, qtbot):
    suggest(window, qtbot)
    seen = answer(DONE_ANYWAY)
    qtbot.keyClick(article(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen
    assert status(db) == Status.DONE
    assert window.current_document() == "b"


# ---------------------------------------------------------------- 5. one is singular
def test_one_missing_thing_is_counted_in_the_singular(window, db, qtbot):
    view = article(window)
    view.setFocus()
    start = TEXT.index("الخطة جاهزة")
    view.select_offsets(start, start + len("الخطة جاهزة"))
    qtbot.keyClick(view, Qt.Key.Key_Q)  # a quote with no speaker linked: one thing missing
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(QLabel, "doneChecksList").text().count("•") == 1
    assert window.banner.summary.text().startswith("1 thing is missing.")
