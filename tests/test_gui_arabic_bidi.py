"""The Arabic interface (issue 11): menu shortcuts read "Ctrl++", status lines keep each
embedded value in its own direction and end in an ellipsis at the logical end, conflict quotes
open and close in reading order, and the span table names labels in Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QProxyStyle,
    QStatusBar,
    QStyleFactory,
    QStyleOptionMenuItem,
)

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.annotation_table import SpanTableModel
from annotator.gui.article_view import ArticleView
from annotator.gui.bidi_style import ShortcutIsolatingStyle
from annotator.gui.i18n import apply_language
from annotator.review.screen import quoted
from tests.test_gui_suggestions import suggest

TEXT = (
    "خطة جديدة لإعمار الجنوب\n"
    "وقال وزير الخارجية اللبناني عبد الله بو حبيب إن الخطة جاهزة وستعرض في 14 مارس 2024.\n"
)


@pytest.fixture
def arabic_window(qtbot, db_path: Path):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="a.txt", id="a", published="2024-03-10")])
        ws.set_setting("gui.language", "ar")
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    yield window
    apply_language(QApplication.instance(), "en")


class RecordingStyle(QProxyStyle):
    """Remembers the text of every menu item it is asked to draw."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.menu_texts: list[str] = []

    def drawControl(self, element, option, painter, widget=None):
        if isinstance(option, QStyleOptionMenuItem):
            self.menu_texts.append(option.text)
        super().drawControl(element, option, painter, widget)


def x_after(text: str, index: int) -> float:
    """Where the caret after the character at ``index`` stands in a right-to-left line (the
    caret inside a run: at a run's edge Qt may report either side)."""
    layout = QTextLayout(text)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    return line.cursorToX(index + 1)[0]


def test_menu_shortcuts_read_ctrl_plus_plus_in_the_arabic_interface(arabic_window, qtbot):
    recorder = RecordingStyle()
    QApplication.setStyle(ShortcutIsolatingStyle(recorder))
    try:
        zoom = arabic_window.window_actions.zoom_in
        menu = next(m for m in arabic_window.menuBar().findChildren(QMenu) if zoom in m.actions())
        menu.grab()  # paints every item, as opening the menu does
        [drawn] = [t for t in recorder.menu_texts if "\t" in t and "Ctrl++" in t]
        keys = drawn.split("\t", 1)[1]
        # Drawn right to left, "Ctrl" must still stand left of its "+" signs.
        assert x_after(keys, keys.index("C")) < x_after(keys, keys.index("+"))
    finally:
        QApplication.setStyle(ShortcutIsolatingStyle(QStyleFactory.create("Fusion")))


def test_a_suggestions_attributes_and_text_keep_their_direction_in_the_status(arabic_window, qtbot):
    suggest(arabic_window, qtbot)
    review = arabic_window.suggestion_review
    for _ in range(len(review.pending) + 1):
        if review.current is not None and review.current.attrs.get("entity"):
            break
        review.actions.next.trigger()
    current = review.current
    assert current is not None and current.label == "SPEAKER"
    shown = arabic_window.findChild(QLabel, "suggestionStatus").text()
    entity = current.attrs["entity"]
    words = TEXT[current.start : current.end]
    assert f"=\u2068{entity}\u2069]" in shown  # the value isolated inside its brackets
    assert f": \u2068{words}\u2069" in shown  # the text isolated after the colon
    assert "SPEAKER" not in shown and "القائل" in shown  # the label in the interface language


def test_a_long_status_message_ends_in_an_ellipsis_at_its_logical_end(arabic_window):
    bar = arabic_window.statusBar()
    message = "اكتمل الاقتراح: " + "، ".join(f"اقتراح رقم {n}" for n in range(60))
    bar.showMessage(message, 10000)
    drawn = QStatusBar.currentMessage(bar)  # what Qt paints
    assert drawn.endswith("…") and message.startswith(drawn[:-1])
    assert bar.fontMetrics().horizontalAdvance(drawn) <= bar.width()
    assert bar.currentMessage() == message  # the whole message for whoever asks


def test_conflict_quotes_hold_their_marks_inside_the_isolate():
    arabic, latin = quoted("بلادها ليست معتدية"), quoted("Reuters said")
    # One first-strong isolate holds the marks too: its direction is the text's.
    assert arabic == "\u2068«بلادها ليست معتدية»\u2069"
    assert latin == "\u2068«Reuters said»\u2069"


def test_the_span_table_names_labels_in_arabic_and_the_store_keeps_the_english_name(
    arabic_window, qtbot, db_path
):
    view = arabic_window.findChild(ArticleView, "articleView")
    view.setFocus()
    start = TEXT.index("عبد الله بو حبيب")
    view.select_offsets(start, start + len("عبد الله بو حبيب"))
    qtbot.keyClick(view, Qt.Key.Key_S)
    with Workspace(db_path) as ws:
        [span] = ws.spans("a", "amal")
    assert span.label == "SPEAKER"
    model = arabic_window.table.model()
    assert model.index(0, SpanTableModel.LABEL).data() == "القائل"
