"""The annotation window driven as an annotator would: select, press keys, click; then ask
the store what was saved. Each test runs on its own fresh workspace file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStyleOptionViewItem,
)

from annotator.core.model import Status
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.annotation_table import SpanTableModel
from annotator.gui.article_view import ArticleView
from annotator.gui.document_list import ID_ROLE, STATUS_ROLE, DocumentPanel

ARTICLE = (
    "الرئيس يتحدث عن القوات\n"
    'وقال الرئيس بوتين إن "القوات ستعود إلى قواعدها" في 14 يناير.\n'
    'من طراز "إيل – 76" يوم 6-1-2022 في إيفانوفو-سيفيرني.'
)
SECOND = "خبر ثان\nأكدت الوزارة أن الوضع مستقر."
THIRD = "خبر ثالث\nنص قصير هنا."


@pytest.fixture
def db(db_path: Path) -> Path:
    with Workspace(db_path) as ws:
        ws.import_records(
            [
                DocumentRecord(text=ARTICLE, path="a.txt", id="a"),
                DocumentRecord(text=SECOND, path="b.txt", id="b"),
                DocumentRecord(text=THIRD, path="c.txt", id="c"),
            ]
        )
    return db_path


def open_window(qtbot, db: Path, name: str = "amal") -> QMainWindow:
    window = create_window(db, name)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(qtbot, db):
    return open_window(qtbot, db)


def article(window) -> ArticleView:
    return window.findChild(ArticleView, "articleView")


def store(db: Path) -> Workspace:
    return Workspace(db)


def select(window, needle: str, *, inner: slice | None = None) -> tuple[int, int]:
    """Select ``needle`` (or a slice of it) in the article, as a mouse drag would."""
    view = article(window)
    start = view.toPlainText().index(needle)
    offsets = (start, start + len(needle))
    if inner is not None:
        offsets = (start + (inner.start or 0), start + (inner.stop or len(needle)))
    view.setFocus()
    view.select_offsets(*offsets)
    return offsets


def spans(db: Path, layer: str = "amal", doc: str = "a"):
    with store(db) as ws:
        return ws.spans(doc, layer), ws.relations(doc, layer)


def action(window, name: str):
    found = window.findChild(type(window.window_actions.delete_span), name)
    assert found is not None, name
    return found


def test_the_article_has_the_keyboard_focus_when_the_window_opens(window):
    assert window.focusWidget() is article(window)


def test_shortcut_tags_the_selection_snapped_to_whole_words(window, db, qtbot):
    select(window, "بوتين", inner=slice(1, 3))
    qtbot.keyClick(article(window), Qt.Key.Key_Q)
    saved, _ = spans(db)
    assert [(s.label, ARTICLE[s.start : s.end]) for s in saved] == [("QUOTE", "بوتين")]
    painted = article(window).extraSelections()
    assert len(painted) == 1
    assert (painted[0].cursor.selectionStart(), painted[0].cursor.selectionEnd()) == (
        saved[0].start,
        saved[0].end,
    )
    assert window.selected == saved[0].id


def test_alt_shortcut_tags_exactly_what_is_selected(window, db, qtbot):
    start, end = select(window, "وقال", inner=slice(1, 4))
    qtbot.keyClick(article(window), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    saved, _ = spans(db)
    assert [(s.start, s.end, s.label) for s in saved] == [(start, end, "SPEAKER")]


def test_keyboard_selection_and_label_button(window, db, qtbot):
    view = article(window)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(window.findChild(object, "labelButton_CLAIM"), Qt.MouseButton.LeftButton)
    saved, _ = spans(db)
    assert [(ARTICLE[s.start : s.end], s.label) for s in saved] == [
        ("الرئيس يتحدث عن القوات", "CLAIM")
    ]


def test_arabic_keyboard_layout_key_triggers_the_same_label(window, db, qtbot):
    select(window, "الرئيس بوتين")
    qtbot.keyClick(article(window), Qt.Key(ord("ض")))
    saved, _ = spans(db)
    assert [s.label for s in saved] == ["QUOTE"]


def test_nothing_selected_tags_nothing_and_says_so(window, db, qtbot):
    article(window).setFocus()
    action(window, "tag_DATE").trigger()
    assert spans(db)[0] == []
    assert "Select" in window.statusBar().currentMessage()


def test_undo_and_redo_by_keyboard(window, db, qtbot):
    select(window, "14 يناير")
    action(window, "tag_DATE").trigger()
    [date] = spans(db)[0]
    qtbot.keyClick(article(window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans(db)[0] == []
    assert article(window).extraSelections() == []
    qtbot.keyClick(
        article(window),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [s.id for s in spans(db)[0]] == [date.id]
    assert len(article(window).extraSelections()) == 1


def span_point(window, span_text: str) -> QPoint:
    view = article(window)
    offset = view.toPlainText().index(span_text) + len(span_text) // 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset))
    return view.cursorRect(cursor).center()


def tag(window, text: str, label: str) -> str:
    select(window, text)
    action(window, f"tag_{label}").trigger()
    return window.selected


def pick(window, span_id: str) -> None:
    """Select a span by clicking its row in the annotation table."""
    table = window.table
    index = table.model().index(table.span_model().row_of(span_id), 0)
    table.scrollTo(index)
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected == span_id


def choose_speaker(window, label: str, speaker_id: str) -> None:
    """Pick a speaker in the form's speaker list, as the user's choice would."""
    box = window.findChild(QComboBox, f"speaker_{label}")
    index = box.findData(speaker_id)
    assert index > 0
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_link_mode_press_l_then_click_the_speaker(window, db, qtbot):
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    qtbot.keyClick(article(window), Qt.Key.Key_L)
    assert action(window, "linkMode").isChecked()
    qtbot.mouseClick(
        article(window).viewport(), Qt.MouseButton.LeftButton, pos=span_point(window, "بوتين")
    )
    _, relations = spans(db)
    assert [(r.head, r.child, r.label) for r in relations] == [(quote, speaker, "said_by")]
    model = window.findChild(SpanTableModel) or window.table.model()
    row = model.row_of(quote)
    cell = model.index(row, SpanTableModel.SPEAKER)
    assert cell.data() == "الرئيس بوتين"
    option = QStyleOptionViewItem()
    window.table.itemDelegateForIndex(cell).initStyleOption(option, cell)
    assert option.direction == Qt.LayoutDirection.RightToLeft
    painted = {
        s.cursor.selectionStart(): s.format.underlineStyle()
        for s in article(window).extraSelections()
    }
    assert painted[ARTICLE.index("الرئيس بوتين")] == QTextCharFormat.UnderlineStyle.WaveUnderline


def test_link_from_the_form_and_unlink(window, db, qtbot):
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    claim = tag(window, "القوات ستعود إلى قواعدها", "CLAIM")
    box = window.findChild(object, "speaker_CLAIM")
    assert box.isVisible() and box.count() == 2
    # Shown as an isolate, so the name keeps its own right-to-left order in any interface.
    assert box.itemText(1) == "\u2068الرئيس بوتين\u2069"
    box.setCurrentIndex(1)
    box.activated.emit(1)
    assert [(r.head, r.child, r.label) for r in spans(db)[1]] == [(claim, speaker, "claimed_by")]
    box.setCurrentIndex(0)
    box.activated.emit(0)
    assert spans(db)[1] == []


def test_clicking_a_painted_span_selects_it_and_again_selects_the_enclosing_one(window, db, qtbot):
    quote = tag(window, 'وقال الرئيس بوتين إن "القوات', "QUOTE")
    speaker = tag(window, "بوتين", "SPEAKER")
    action(window, "cancel").trigger()
    assert window.selected is None
    viewport = article(window).viewport()
    point = span_point(window, "بوتين")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert window.selected == speaker
    assert window.table.currentIndex().row() == window.table.span_model().row_of(speaker)
    assert window.findChild(QLabel, "spanHeading").text() == "Speaker"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert window.selected == quote
    depths = {
        s.cursor.selectionStart(): s.format.underlineStyle()
        for s in article(window).extraSelections()
    }
    assert depths[ARTICLE.index("بوتين")] == QTextCharFormat.UnderlineStyle.DashUnderline


def test_selecting_a_table_row_scrolls_to_and_flashes_the_span(window, db, qtbot):
    date = tag(window, "6-1-2022", "DATE")
    tag(window, "14 يناير", "DATE")
    action(window, "cancel").trigger()
    table = window.table
    table.selectRow(table.span_model().row_of(date))
    assert window.selected == date
    view = article(window)
    assert view.flashing() == date
    assert view.textCursor().position() == ARTICLE.index("6-1-2022")
    qtbot.waitUntil(lambda: view.flashing() is None)


def test_delete_key_removes_the_span_and_undo_brings_back_its_link(window, db, qtbot):
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    choose_speaker(window, "QUOTE", speaker)
    pick(window, speaker)
    qtbot.keyClick(article(window), Qt.Key.Key_Delete)
    saved, relations = spans(db)
    assert [s.id for s in saved] == [quote] and relations == []
    action(window, "undo").trigger()
    saved, relations = spans(db)
    assert {s.id for s in saved} == {quote, speaker} and len(relations) == 1


def test_keyboard_moves_leave_out_a_proclitic_and_take_it_back(window, db, qtbot):
    tag(window, "وقال", "SPEAKER")
    view = article(window)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view, Qt.Key.Key_Left, ctrl_alt)
    [span] = spans(db)[0]
    assert ARTICLE[span.start : span.end] == "قال"
    qtbot.keyClick(view, Qt.Key.Key_Right, ctrl_alt)
    [span] = spans(db)[0]
    assert ARTICLE[span.start : span.end] == "وقال"
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, alt_shift)
    [span] = spans(db)[0]
    assert ARTICLE[span.start : span.end] == "وقا"


def test_attributes_are_edited_in_the_form_and_bad_values_refused(window, db, qtbot):
    tag(window, "14 يناير", "DATE")
    value = window.findChild(QLineEdit, "attr_DATE_value")
    proposed = {"type": "DATE", "value": "XXXX-01-14"}  # the date engine's, no year known
    assert spans(db)[0][0].attrs == proposed
    value.setText("next week")
    value.editingFinished.emit()
    assert spans(db)[0][0].attrs == proposed
    assert "TIMEX3" in window.findChild(QLabel, "formError").text()
    value.setText("2022-01-14")
    value.editingFinished.emit()
    assert spans(db)[0][0].attrs == {"type": "DATE", "value": "2022-01-14"}
    kind = window.findChild(object, "attr_DATE_type")
    kind.setCurrentIndex(kind.findData("DURATION"))
    kind.activated.emit(kind.currentIndex())
    assert spans(db)[0][0].attrs == {"type": "DURATION", "value": "2022-01-14"}


def test_speaker_entities_complete_from_entities_already_used(window, db, qtbot):
    tag(window, "الرئيس بوتين", "SPEAKER")
    entity = window.findChild(QLineEdit, "attr_SPEAKER_entity")
    entity.setText("فلاديمير بوتين")
    entity.editingFinished.emit()
    tag(window, "الرئيس", "SPEAKER")
    completions = entity.completer().model().stringList()
    assert completions == ["فلاديمير بوتين"]


def test_mark_done_lists_what_is_missing_then_allows_it_deliberately(window, db, qtbot):
    tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    tag(window, "طراز", "DATE")  # nothing the date engine can read: no value proposed
    qtbot.keyClick(article(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    banner = window.findChild(object, "doneChecks")
    assert banner.isVisible()
    listed = window.findChild(QLabel, "doneChecksList").text()
    assert "no speaker linked" in listed and "Value is missing" in listed
    with store(db) as ws:
        assert ws.status("a", "amal") == Status.IN_PROGRESS
    qtbot.mouseClick(window.findChild(object, "markDoneAnyway"), Qt.MouseButton.LeftButton)
    with store(db) as ws:
        assert ws.status("a", "amal") == Status.DONE
    assert window.current_document() == "b"
    assert window.findChild(QLabel, "documentProgress").text() == "1 of 3 done"


def test_mark_done_without_problems_goes_straight_to_the_next_unfinished(window, db, qtbot):
    def ctrl_enter() -> None:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with store(db) as ws:
        ws.set_status("b", "amal", Status.DONE)
    ctrl_enter()
    assert window.current_document() == "c"
    with store(db) as ws:
        assert ws.statuses("amal") == {"a": Status.DONE, "b": Status.DONE}
    window.panel.select("a")
    action(window, "undo").trigger()  # marking done is an edit like any other
    with store(db) as ws:
        assert ws.status("a", "amal") == Status.NEW
    window.panel.select("c")
    ctrl_enter()
    assert window.current_document() == "a"
    ctrl_enter()
    assert window.current_document() == "a"
    assert window.statusBar().currentMessage() == "Every document is done."
    assert window.findChild(QLabel, "documentProgress").text() == "3 of 3 done"


def test_close_and_reopen_at_the_same_document_and_scroll_with_time_recorded(qtbot, db):
    long_text = "مقال طويل\n" + "\n".join(f"سطر رقم {i} من المقال" for i in range(300))
    with store(db) as ws:
        ws.import_records([DocumentRecord(text=long_text, path="long.txt", id="long")])
    window = open_window(qtbot, db)
    ticks = iter([0.0, 42.0])
    window.clock = type(window.clock)(lambda: next(ticks))
    window.panel.select("long")
    tag(window, "سطر رقم 7", "QUOTE")
    bar = article(window).verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    window.close()
    with store(db) as ws:
        assert ws.seconds_spent("long", "amal") == 42.0
    again = open_window(qtbot, db)
    assert again.current_document() == "long"
    assert article(again).verticalScrollBar().value() == scrolled
    assert len(article(again).extraSelections()) == 1


def test_publication_date_is_editable_and_validated(window, db, qtbot):
    edit = window.findChild(QLineEdit, "publishedEdit")
    edit.setText("2022-01-13")
    edit.editingFinished.emit()
    with store(db) as ws:
        assert ws.document("a").published == "2022-01-13"
    edit.setText("13/01/2022")
    edit.editingFinished.emit()
    with store(db) as ws:
        assert ws.document("a").published == "2022-01-13"
    assert "ISO" in window.statusBar().currentMessage()


def test_each_annotator_sees_and_writes_only_their_own_layer(qtbot, db):
    with store(db) as ws:
        ws.add_span("a", "omar", 0, 6, "SPEAKER")
    window = open_window(qtbot, db, "amal")
    assert article(window).extraSelections() == []
    tag(window, "بوتين", "SPEAKER")
    assert len(spans(db, "omar")[0]) == 1 and len(spans(db, "amal")[0]) == 1


def test_reserved_layers_cannot_annotate(qtbot, db):
    from annotator.core.errors import ValidationError

    with pytest.raises(ValidationError):
        create_window(db, "gold")


def test_document_list_shows_status_progress_and_filters(window, db, qtbot):
    tag(window, "بوتين", "SPEAKER")
    listing = window.findChild(QAbstractItemView, "documentList")
    model = listing.model()
    panel = window.findChild(DocumentPanel)

    def shown() -> list[tuple[str, str]]:
        return [
            (model.index(i).data(ID_ROLE), model.index(i).data(STATUS_ROLE))
            for i in range(model.rowCount())
        ]

    assert shown() == [("a", "in_progress"), ("b", "new"), ("c", "new")]
    assert model.index(2).data(Qt.ItemDataRole.DisplayRole) == "خبر ثالث"
    assert model.index(2).data(Qt.ItemDataRole.ToolTipRole) == "<p>c</p>"  # escaped, plain
    assert window.findChild(QLabel, "documentProgress").text() == "0 of 3 done"
    window.findChild(QLineEdit, "documentFilter").setText("ثالث")  # QTest types ASCII only
    assert shown() == [("c", "new")]
    window.findChild(QLineEdit, "documentFilter").setText("الوزاره")  # in the text; ة as ه
    assert shown() == [("b", "new")]
    window.findChild(QLineEdit, "documentFilter").clear()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in_progress"))
    assert shown() == [("a", "in_progress")]


def test_zoom_changes_the_article_font_size_and_is_remembered(window, db, qtbot):
    before = article(window).font_size()
    qtbot.keyClick(article(window), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert article(window).font_size() == before + 1
    assert article(window).font().family() == "Noto Naskh Arabic"
    with store(db) as ws:
        assert ws.setting("gui.font_size") == before + 1


MARKUP = 'عنوان <b>عريض</b>\nقال <img src="x.png"> المتحدث <i>هنا</i> كلاما'


def test_markup_in_an_article_is_shown_literally_everywhere(qtbot, db_path):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=MARKUP, path="m.txt", id="m")])
    window = open_window(qtbot, db_path)
    view = article(window)
    assert view.toPlainText() == MARKUP
    assert view.document().toPlainText() == MARKUP
    title = window.findChild(QLabel, "documentTitle")
    assert title.text() == "عنوان <b>عريض</b>"
    assert title.textFormat() == Qt.TextFormat.PlainText
    select(window, '<img src="x.png">')
    action(window, "tagExact_QUOTE").trigger()
    model = window.table.span_model()
    assert model.index(0, SpanTableModel.TEXT).data() == '<img src="x.png">'
    tip = model.index(0, SpanTableModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip
    assert window.findChild(QLabel, "spanText").textFormat() == Qt.TextFormat.PlainText


def test_offsets_on_mixed_text_and_characters_outside_the_bmp(qtbot, db_path):
    text = 'قال 𝔸𝔹 إن طائرة "إيل – 76" وصلت 6-1-2022 😀 إلى إيفانوفو-سيفيرني'
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text="عنوان\n" + text, path="x.txt", id="x")])
    window = open_window(qtbot, db_path)
    full = article(window).toPlainText()
    for needle, label in (
        ("6-1-2022", "DATE"),
        ("إيل – 76", "CLAIM"),
        ("إيفانوفو-سيفيرني", "SPEAKER"),
    ):
        select(window, needle, inner=slice(1, len(needle) - 1))
        action(window, f"tag_{label}").trigger()
    saved, _ = spans(db_path, doc="x")
    with store(db_path) as ws:
        stored = ws.document("x").text
    assert sorted(stored[s.start : s.end] for s in saved) == sorted(
        ["6-1-2022", "إيل – 76", "إيفانوفو-سيفيرني"]
    )
    # Qt counts UTF-16: after the two astral letters and the emoji its positions run ahead.
    view = article(window)
    for sel in view.extraSelections():
        qt_text = sel.cursor.selectedText()
        assert qt_text in ("6-1-2022", "إيل – 76", "إيفانوفو-سيفيرني")
    assert full == stored


def test_table_model_passes_qtmodeltester_through_edits(window, db, qtmodeltester):
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    model = window.table.span_model()
    qtmodeltester.check(model)
    # The tester stays attached and checks every insert, removal and change that follows.
    date = tag(window, "14 يناير", "DATE")
    pick(window, quote)
    choose_speaker(window, "QUOTE", speaker)
    assert model.index(model.row_of(quote), SpanTableModel.SPEAKER).data() == "الرئيس بوتين"
    pick(window, date)
    action(window, "deleteSpan").trigger()
    action(window, "undo").trigger()
    assert model.rowCount() == 3
    window.panel.select("b")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_arabic_interface_mirrors_the_whole_layout(qtbot, db):
    with store(db) as ws:
        ws.set_setting("gui.language", "ar")
    window = open_window(qtbot, db)
    app = QApplication.instance()
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert action(window, "markDone").text() == "تم، انتقل إلى التالي"
    assert action(window, "tag_QUOTE").text() == "اقتباس"
    window.close()
    with store(db) as ws:
        ws.set_setting("gui.language", "en")
    english = open_window(qtbot, db)
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert action(english, "tag_QUOTE").text() == "Quote"
    assert article(english).layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_hover_tooltip_names_every_span_under_the_mouse_literally(qtbot, db_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=MARKUP, path="m.txt", id="m")])
    window = open_window(qtbot, db_path)
    tag(window, 'قال <img src="x.png"> المتحدث', "QUOTE")
    select(window, '<img src="x.png">')
    action(window, "tagExact_SPEAKER").trigger()
    view = article(window)
    point = span_point(window, "x.png")
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    shown = QToolTip.text()
    assert "SPEAKER: &lt;img src=&quot;x.png&quot;&gt;" in shown
    assert "QUOTE: قال &lt;img" in shown
    assert "<img" not in shown


def test_caret_browsing_with_shift_arrows_selects_whole_graphemes(qtbot, db_path):
    text = "عنوان\nكَتَبَ الرئيسُ"
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=text, path="g.txt", id="g")])
    window = open_window(qtbot, db_path)
    view = article(window)
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(text.index("كَتَبَ"))
    view.setTextCursor(cursor)
    # Right to left: the Left arrow moves forward through the text.
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().hasSelection()
    action(window, "tagExact_DATE").trigger()
    [span] = spans(db_path, doc="g")[0]
    assert text[span.start : span.end] == "كَ"


def test_undo_history_is_kept_per_document(window, db, qtbot):
    tag(window, "بوتين", "SPEAKER")
    window.panel.select("b")
    tag(window, "الوزارة", "SPEAKER")
    action(window, "undo").trigger()
    assert spans(db, doc="b")[0] == []
    assert len(spans(db, doc="a")[0]) == 1
    assert not action(window, "undo").isEnabled()
    window.panel.select("a")
    action(window, "undo").trigger()
    assert spans(db, doc="a")[0] == []


def test_article_lines_are_generously_spaced_in_noto_naskh(window):
    from PySide6.QtGui import QFontInfo

    view = article(window)
    assert QFontInfo(view.font()).family() == "Noto Naskh Arabic"
    block = view.document().firstBlock()
    view.viewport().repaint()
    line = block.layout().lineAt(0)
    assert line.height() >= 1.6 * QFontInfo(view.font()).pixelSize()


def test_time_counts_only_while_the_window_is_active(qtbot, db):
    from PySide6.QtWidgets import QWidget

    window = open_window(qtbot, db)
    ticks = iter([100.0, 110.0, 500.0, 505.0])
    window.clock = type(window.clock)(lambda: next(ticks))
    window.panel.select("b")  # starts timing b at 100
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())  # b stops at 110
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # b again from 500
    window.close()  # ... to 505
    with store(db) as ws:
        assert ws.seconds_spent("b", "amal") == 15.0


def test_alt_click_on_a_label_button_tags_exactly_and_snapping_can_be_switched_off(
    window, db, qtbot
):
    start, end = select(window, "الرئيس بوتين", inner=slice(2, 9))
    button = window.findChild(object, "labelButton_SPEAKER")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier)
    assert [(s.start, s.end) for s in spans(db)[0]] == [(start, end)]
    action(window, "snapWords").trigger()
    assert not action(window, "snapWords").isChecked()
    start, end = select(window, "القوات ستعود", inner=slice(3, 8))
    qtbot.mouseClick(window.findChild(object, "labelButton_CLAIM"), Qt.MouseButton.LeftButton)
    assert (start, end) in [(s.start, s.end) for s in spans(db)[0]]
    with store(db) as ws:
        assert ws.setting("gui.snap_words") is False


def test_a_reserved_annotator_name_is_refused_and_not_remembered(db):
    from annotator.core.errors import ValidationError
    from annotator.gui.app import run_gui

    with pytest.raises(ValidationError):
        run_gui(str(db), "gold")
    with store(db) as ws:
        assert ws.setting("annotator") is None


def test_a_read_only_workspace_opens_for_reading_with_a_banner(qtbot, db):
    from annotator.gui.main_window import MainWindow

    with store(db) as ws:
        ws.add_span("a", "amal", 4, 10, "SPEAKER")
    window = MainWindow(Workspace(db, who="amal", read_only=True), "amal")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.findChild(QLabel, "readOnlyBanner").isVisible()
    assert len(article(window).extraSelections()) == 1
    select(window, "بوتين")
    qtbot.keyClick(article(window), Qt.Key.Key_Q)
    assert not action(window, "tag_QUOTE").isEnabled()
    qtbot.keyClick(article(window), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    window.panel.select("b")
    window.close()  # saving the view state must not fail on a read-only file
    assert len(spans(db)[0]) == 1
    with store(db) as ws:
        assert ws.setting("gui.font_size") is None


def test_alt_down_and_up_walk_through_the_spans(window, db, qtbot):
    first = tag(window, "الرئيس بوتين", "SPEAKER")
    second = tag(window, "14 يناير", "DATE")
    action(window, "cancel").trigger()
    view = article(window)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.selected == first and view.flashing() == first
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.selected == second
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.selected == first
    assert window.table.currentIndex().row() == window.table.span_model().row_of(first)
