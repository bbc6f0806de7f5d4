# ruff: noqa: F811 (pytest fixtures imported from the annotation tests)
"""Annotating with the keyboard only: linking, focus after the mark-done question, a key back to
the article, errors that go when an action succeeds, bracketed suggestion descriptions, and
Escape out of a suggestion review. Keys go to whichever widget has the focus, as a person's do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from annotator.core import suggestions
from annotator.core.link_candidates import link_candidates
from annotator.core.model import Span, Status
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui.pending_guard import REVIEW_THEM
from tests.test_gui_annotation import (  # noqa: F401 (fixtures)
    ARTICLE,
    action,
    article,
    db,
    select,
    spans,
    tag,
    window,
)
from tests.test_gui_papercuts import TEXT, answer, open_window, status
from tests.test_gui_suggestions import suggest

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the focus is, as a person presses it."""
    focused = QApplication.focusWidget()
    assert focused is not None, "no widget has the keyboard focus"
    qtbot.keyClick(focused, key, modifier)


def relations(db: Path, doc: str = "a") -> list[tuple[str, str, str]]:
    return [(r.head, r.child, r.label) for r in spans(db, doc=doc)[1]]


def candidate(window) -> str | None:
    return article(window).candidate()


# ---------------------------------------------------------------- 1. linking from the keyboard
@pytest.fixture
def speakers(window):
    """Three speakers around a quote: far before it, right before it, far after it."""
    far = tag(window, "الرئيس يتحدث", "SPEAKER")
    near = tag(window, "الرئيس بوتين", "SPEAKER")
    after = tag(window, "إيفانوفو-سيفيرني", "SPEAKER")
    return far, near, after


def test_l_highlights_the_nearest_speaker_and_enter_links_it_undoably(window, db, speakers, qtbot):
    _far, near, _after = speakers
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    assert action(window, "linkMode").isChecked()
    assert candidate(window) == near  # the speaker right before the quote
    message = window.statusBar().currentMessage()
    assert "\u2068الرئيس بوتين\u2069" in message and "(1/3)" in message
    press(qtbot, Qt.Key.Key_Return)
    assert relations(db) == [(quote, near, "said_by")]
    assert not action(window, "linkMode").isChecked() and candidate(window) is None
    assert window.selected == quote
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert relations(db) == []
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert relations(db) == [(quote, near, "said_by")]


def test_tab_and_shift_tab_walk_the_speakers_nearest_first_and_enter_links_the_one_shown(
    window, db, speakers, qtbot
):
    far, near, after = speakers
    tag(window, "14 يناير", "DATE")  # not a speaker: never offered
    claim = tag(window, "القوات ستعود إلى قواعدها", "CLAIM")
    press(qtbot, Qt.Key.Key_L)
    seen = [candidate(window)]
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(candidate(window))
    assert seen == [near, far, after, near]  # by distance from the claim, wrapping round
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert candidate(window) == after
    assert "\u2068إيفانوفو-سيفيرني\u2069" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Return)
    assert relations(db) == [(claim, after, "claimed_by")]  # the schema's relation for a claim


def test_l_on_a_linked_quote_offers_another_speaker_first_and_enter_moves_the_link(
    window, db, speakers, qtbot
):
    far, near, _after = speakers
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    press(qtbot, Qt.Key.Key_Return)
    assert relations(db) == [(quote, near, "said_by")]
    press(qtbot, Qt.Key.Key_L)
    assert candidate(window) == far  # the nearest is its speaker already
    press(qtbot, Qt.Key.Key_Return)
    assert relations(db) == [(quote, far, "said_by")]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert relations(db) == [(quote, near, "said_by")]


def test_candidates_come_nearest_first_and_one_before_the_quote_wins_a_tie():
    def span(sid: str, start: int, end: int, label: str = "SPEAKER") -> Span:
        return Span(sid, "a", "amal", start, end, label, {})

    quote = span("q", 20, 30, "QUOTE")
    spans_ = [
        span("after", 32, 36),
        span("before", 14, 18),
        span("inside", 22, 25),
        span("date", 19, 20, "DATE"),
        span("far", 0, 4),
    ]
    found = link_candidates(quote, spans_, frozenset({"SPEAKER"}))
    assert [s.id for s in found] == ["inside", "before", "after", "far"]


def test_alt_arrows_walk_the_candidates_in_reading_order_in_link_mode(window, db, speakers, qtbot):
    far, _near, after = speakers
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert candidate(window) == after
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert candidate(window) == far
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert candidate(window) == after
    assert window.selected == quote  # the quote stays the one being linked
    press(qtbot, Qt.Key.Key_Enter)
    assert relations(db) == [(quote, after, "said_by")]


def test_escape_cancels_keyboard_linking_and_tab_moves_the_focus_again(window, db, speakers, qtbot):
    tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Escape)
    assert not action(window, "linkMode").isChecked()
    assert candidate(window) is None and window.statusBar().currentMessage() == ""
    press(qtbot, Qt.Key.Key_Return)
    assert relations(db) == []
    press(qtbot, Qt.Key.Key_Tab)  # no longer link mode's: the focus leaves the article
    assert QApplication.focusWidget() is not article(window)


def test_l_with_no_speaker_tagged_says_so_and_leaves_link_mode(window, db, qtbot):
    tag(window, "14 يناير", "DATE")
    tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    assert not action(window, "linkMode").isChecked()
    assert "tag its Speaker first" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Return)
    assert relations(db) == []


def test_selecting_another_span_in_link_mode_ends_it(window, db, speakers, qtbot):
    far = speakers[0]
    tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    window.table.setFocus()
    window.table.selectRow(window.table.span_model().row_of(far))
    assert window.selected == far
    assert not action(window, "linkMode").isChecked() and candidate(window) is None


def test_the_candidate_is_painted_in_full_colour_underlined_in_the_selection_blue(
    window, speakers, qtbot
):
    tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    press(qtbot, Qt.Key.Key_L)
    start = ARTICLE.index("الرئيس بوتين")
    [painted] = [s for s in article(window).extraSelections() if s.cursor.selectionStart() == start]
    assert painted.format.background().color().alpha() == 255
    assert painted.format.underlineColor().name().upper() == "#308CC6"


# ---------------------------------------------------------------- 2 and 6. suggestions
@pytest.fixture
def suggested(qtbot, db_path):
    """A window on an article the suggester finds a speaker, a quote and a date in."""
    with Workspace(db_path) as ws:
        ws.import_records(
            [
                DocumentRecord(text=TEXT, path="a.txt", id="a", published="2024-03-20"),
                DocumentRecord(text="خبر ثان\nنص قصير.", path="b.txt", id="b"),
            ]
        )
    window = open_window(qtbot, db_path)
    suggest(window, qtbot)
    return window, db_path


def pending(db: Path) -> list:
    with Workspace(db) as ws:
        return suggestions.pending(ws, "a")


def test_review_chosen_at_mark_done_puts_the_focus_in_the_article_at_the_first_suggestion(
    suggested, qtbot
):
    window, db = suggested
    first = pending(db)[0]
    press(qtbot, Qt.Key.Key_N)
    press(qtbot, Qt.Key.Key_N)  # the review has moved on: the question starts it again
    assert window.suggestion_review.current.id != first.id
    seen = answer(REVIEW_THEM)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert seen and status(db) != Status.DONE
    qtbot.waitUntil(lambda: QApplication.focusWidget() is article(window))
    assert window.suggestion_review.current.id == first.id
    press(qtbot, Qt.Key.Key_Return)  # Enter accepts it at once, no click needed
    accepted = spans(db)[0]
    assert [(s.start, s.end, s.label) for s in accepted] == [(first.start, first.end, first.label)]
    assert first.id not in {s.id for s in pending(db)}


def test_escape_ends_a_suggestion_review(suggested, qtbot):
    window, db = suggested
    before = pending(db)
    assert window.suggestion_review.current is not None  # the run started a review
    press(qtbot, Qt.Key.Key_Escape)
    assert window.suggestion_review.current is None
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Backspace)
    assert pending(db) == before and spans(db)[0] == []  # Enter and Backspace do nothing now
    press(qtbot, Qt.Key.Key_N)
    assert window.suggestion_review.current is not None


# ---------------------------------------------------------------- 3. back to the article
def test_f6_from_a_form_field_puts_the_focus_back_in_the_article(window, db, qtbot):
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    field = window.findChild(QLineEdit, "attr_SPEAKER_entity")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(qtbot, Qt.Key.Key_Tab, SHIFT)  # out of the form, but not into the article
    assert QApplication.focusWidget() is not article(window)
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is article(window)
    assert window.selected == speaker
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_Home, SHIFT)  # the last line, selected from the keyboard
    press(qtbot, Qt.Key.Key_C)
    assert [s.label for s in spans(db)[0]] == ["SPEAKER", "CLAIM"]


def test_escape_in_a_form_field_goes_back_to_the_article_keeping_the_span(window, db, qtbot):
    speaker = tag(window, "الرئيس بوتين", "SPEAKER")
    field = window.findChild(QLineEdit, "attr_SPEAKER_entity")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Putin")
    press(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is article(window)
    assert window.selected == speaker
    [stored] = spans(db)[0]
    assert stored.attrs == {"entity": "Putin"}  # what was typed is kept, as on any leaving
    press(qtbot, Qt.Key.Key_Escape)  # a second Escape deselects, as before
    assert window.selected is None


# ---------------------------------------------------------------- 4. a stale error
def test_an_action_that_succeeds_clears_the_red_error(window, db, qtbot):
    error = window.findChild(QLabel, "formError")
    article(window).setFocus()
    press(qtbot, Qt.Key.Key_D)
    assert error.text() == "Select some text in the article first."
    select(window, "14 يناير")
    press(qtbot, Qt.Key.Key_D)
    assert [s.label for s in spans(db)[0]] == ["DATE"]
    assert error.text() == "" and window.statusBar().currentMessage() == ""
    # A refusal, then an action that does not change the selection: the error goes too.
    action(window, "cancel").trigger()
    press(qtbot, Qt.Key.Key_Q)
    assert error.text()
    window.notes.edit.setText("unsure about the date")
    window.notes.add.click()
    assert error.text() == ""


# ---------------------------------------------------------------- 5. brackets in the status bar
def visual_order(text: str, direction: Qt.LayoutDirection, font: QFont) -> str:
    """The characters of ``text`` as drawn from left to right (bidi controls left out)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(100000)
    layout.endLayout()
    left: dict[int, float] = {}
    for i, char in enumerate(text):
        if char in "\u2066\u2067\u2068\u2069":
            continue
        boxes = [run.boundingRect() for run in layout.glyphRuns(i, 1) if run.glyphIndexes()]
        if boxes:
            left[i] = min(box.left() for box in boxes)
    return "".join(text[i] for i in sorted(left, key=left.__getitem__))


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
@pytest.mark.parametrize("heading", ["", "اقتراح متحدث (75%) "])
def test_a_suggestions_brackets_stay_around_its_attributes_in_either_direction(
    suggested, direction, heading
):
    window, _db = suggested
    current = window.suggestion_review.current
    assert current.label == "SPEAKER" and current.attrs["entity"] == "فياض رئيس الوفد"
    label = window.findChild(QLabel, "suggestionStatus")
    shown = label.text()
    if heading:  # how the Arabic interface begins the line: a right-to-left run first
        shown = heading + shown[shown.index("\u2068[") :]
    drawn = visual_order(shown, direction, label.font())
    # Not mirrored, not parted: "[" drawn just left of the name, "]" just right of the value.
    assert "[entity=" + "فياض رئيس الوفد"[::-1] + "]" in drawn
