"""Suggestions in the annotation window, driven from the keyboard on a seed article: Suggest,
look at what is painted, Enter/Backspace through them, accept a whole label, undo and redo.
Each test runs on a fresh workspace file holding the five seeds."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextFormat
from PySide6.QtWidgets import QMainWindow, QToolTip

from annotator.arabic.suggest import suggest_document, suggest_text
from annotator.core import suggestions
from annotator.core.model import SUGGESTIONS_LAYER
from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths
from annotator.gui import create_window, suggestion_runner
from annotator.gui.article_view import ArticleView
from annotator.gui.main_window import MainWindow
from tests.conftest import SEEDS

DASHED = {
    QTextCharFormat.UnderlineStyle.DashUnderline,
    QTextCharFormat.UnderlineStyle.DotLine,
    QTextCharFormat.UnderlineStyle.DashDotLine,
    QTextCharFormat.UnderlineStyle.DashDotDotLine,
}
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def db(db_path: Path) -> Path:
    with Workspace(db_path) as ws:
        ws.import_records(read_paths(expand_paths(SEEDS)))
    return db_path


@pytest.fixture
def window(qtbot, db: Path) -> QMainWindow:
    window = create_window(db, "amal")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def article(window) -> ArticleView:
    return window.findChild(ArticleView, "articleView")


def suggest(window, qtbot) -> Any:
    """Press Ctrl+Shift+S and wait (no sleep) until the run is stored."""
    with qtbot.waitSignal(window.suggestion_review.run_stored, timeout=20000) as run:
        qtbot.keyClick(article(window), Qt.Key.Key_S, CTRL_SHIFT)
    return run.args[0]


def key(window, qtbot, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    article(window).setFocus()
    qtbot.keyClick(article(window), which, modifier)


def snapshot(db: Path, doc_id: str) -> dict[str, Any]:
    """What the store holds for a document, minus timestamps and random relation ids."""
    with Workspace(db) as ws:
        return {
            layer: (
                [
                    (s.id, s.start, s.end, s.label, s.attrs, s.origin, s.confidence, s.provenance)
                    for s in ws.spans(doc_id, layer)
                ],
                sorted((r.head, r.child, r.label) for r in ws.relations(doc_id, layer)),
            )
            for layer in (SUGGESTIONS_LAYER, "amal")
        }


def suggestion_formats(window) -> list[QTextCharFormat]:
    painted_spans = len(window.state.spans)
    selections = article(window).extraSelections()
    return [QTextCharFormat(sel.format) for sel in selections[painted_spans:]]


def test_suggest_paints_suggestions_underlined_never_filled_and_counts_them(window, db, qtbot):
    report = suggest(window, qtbot)
    review = window.suggestion_review
    with Workspace(db) as ws:
        pending = suggestions.pending(ws, window.doc.id)
    assert report.added == len(pending) == len(review.pending) > 10
    formats = suggestion_formats(window)
    assert len(formats) == len(pending)
    for fmt in formats:
        assert fmt.underlineStyle() in DASHED
        assert not fmt.hasProperty(QTextFormat.Property.FontWeight)
        assert not fmt.hasProperty(QTextFormat.Property.FontPointSize)
    # Not one is filled like a span; the current one only hatched.
    current = formats[-1]
    assert current.background().style() == Qt.BrushStyle.BDiagPattern
    assert all(f.background().style() == Qt.BrushStyle.NoBrush for f in formats[:-1])
    assert review.current is not None and review.current.id == pending[0].id
    dates = sum(s.label == "DATE" for s in pending)
    status = window.findChild(object, "suggestionStatus").text()
    assert (
        status.startswith(f"{len(pending)} suggestions: ") and f"{dates} Date" in status
    )  # display names
    assert f"{review.current.confidence:.0%}" in status


def test_show_suggestions_toggle_hides_them_and_disables_review_keys(window, db, qtbot):
    suggest(window, qtbot)
    qtbot.keyClick(article(window), Qt.Key.Key_H, CTRL_SHIFT)
    assert suggestion_formats(window) == []
    assert window.suggestion_review.current is None
    assert "(hidden)" in window.findChild(object, "suggestionStatus").text()
    key(window, qtbot, Qt.Key.Key_Return)
    assert snapshot(db, window.doc.id)["amal"] == ([], [])
    qtbot.keyClick(article(window), Qt.Key.Key_H, CTRL_SHIFT)
    assert len(suggestion_formats(window)) == len(window.suggestion_review.pending)


def test_tooltip_names_label_attributes_and_confidence_as_plain_text(window, qtbot):
    suggest(window, qtbot)
    view = article(window)
    date = next(s for s in window.suggestion_review.pending if s.label == "DATE")
    view.scroll_to(date.start, date.end)
    rect = view.cursorRect()
    point = QPoint(rect.x() - 3, rect.center().y())  # just inside the date, right to left
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.eventFilter(view.viewport(), event)
    text = QToolTip.text()
    assert f"Suggested Date ({date.confidence:.0%})" in text  # the label's display name
    assert f"value=\u2068{date.attrs['value']}\u2069" in text  # each value isolated


def test_enter_accepts_the_current_suggestion_and_moves_to_the_next(window, db, qtbot):
    suggest(window, qtbot)
    review = window.suggestion_review
    first, second = review.pending[:2]
    key(window, qtbot, Qt.Key.Key_Return)
    spans, _relations = snapshot(db, window.doc.id)["amal"]
    assert len(spans) == 1
    _id, start, end, label, attrs, origin, confidence, provenance = spans[0]
    assert (start, end, label, attrs) == (first.start, first.end, first.label, first.attrs)
    assert origin == "suggested" and confidence == first.confidence
    assert provenance["suggestion"] == first.id
    # Painted as a span at once, listed in the table, and no longer a suggestion.
    assert [s.id for s in window.state.spans] == [_id]
    assert window.table_model.rowCount() == 1
    assert first.id not in {s.id for s in review.pending}
    assert review.current.id == second.id
    assert len(suggestion_formats(window)) == len(review.pending)


def test_backspace_rejects_and_a_new_run_does_not_bring_it_back(window, db, qtbot):
    suggest(window, qtbot)
    review = window.suggestion_review
    first, second = review.pending[:2]
    key(window, qtbot, Qt.Key.Key_Backspace)
    with Workspace(db) as ws:
        assert suggestions.state(ws.span(first.id)) == "rejected"
    assert review.current.id == second.id
    report = suggest(window, qtbot)
    assert report.kept == 1
    assert first.id not in {s.id for s in review.pending}
    assert (first.start, first.end, first.label) not in {
        (s.start, s.end, s.label) for s in review.pending
    }


def test_backspace_on_a_selected_span_still_deletes_the_span(window, db, qtbot):
    suggest(window, qtbot)
    first = window.suggestion_review.pending[0]
    key(window, qtbot, Qt.Key.Key_Return)
    accepted = window.state.spans[0]
    window.table.span_selected.emit(accepted.id)  # as a click on the table row would
    assert window.suggestion_review.current is None
    key(window, qtbot, Qt.Key.Key_Backspace)
    assert snapshot(db, window.doc.id)["amal"] == ([], [])
    with Workspace(db) as ws:
        assert suggestions.state(ws.span(first.id)) == "accepted"
    assert all(suggestions.state(s) == "pending" for s in window.suggestion_review.pending)


def test_enter_outside_the_article_accepts_nothing(window, db, qtbot):
    suggest(window, qtbot)
    documents = window.findChild(object, "documentList")
    documents.setFocus()
    qtbot.keyClick(documents, Qt.Key.Key_Return)
    assert snapshot(db, window.doc.id)["amal"] == ([], [])


def test_next_and_previous_walk_the_pending_suggestions_in_reading_order(window, qtbot):
    suggest(window, qtbot)
    review = window.suggestion_review
    order = [s.id for s in review.pending]
    key(window, qtbot, Qt.Key.Key_N)
    key(window, qtbot, Qt.Key.Key_N)
    assert review.current.id == order[2]
    key(window, qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert review.current.id == order[1]
    for _ in range(len(order) - 1):
        key(window, qtbot, Qt.Key.Key_N)
    assert review.current.id == order[0]  # wrapped round


def test_accept_all_dates_in_one_undoable_step(window, db, qtbot):
    suggest(window, qtbot)
    doc_id = window.doc.id
    dates = [s for s in window.suggestion_review.pending if s.label == "DATE"]
    before = snapshot(db, doc_id)
    window.findChild(type(window.undo_action), "acceptAll_DATE").trigger()
    spans, _ = snapshot(db, doc_id)["amal"]
    assert sorted((s[1], s[2], s[3]) for s in spans) == sorted(
        (d.start, d.end, "DATE") for d in dates
    )
    assert all(s[5] == "suggested" for s in spans)
    assert "DATE" not in {s.label for s in window.suggestion_review.pending}
    assert not window.findChild(type(window.undo_action), "acceptAll_DATE").isEnabled()
    window.undo_action.trigger()
    assert snapshot(db, doc_id) == before


@pytest.mark.parametrize(
    "press", [Qt.Key.Key_Return, Qt.Key.Key_Backspace], ids=["accept", "reject"]
)
def test_undo_and_redo_of_a_review_step_restore_the_store_exactly(window, db, qtbot, press):
    suggest(window, qtbot)
    doc_id = window.doc.id
    review = window.suggestion_review
    # A quote: accepting it also links it to its speaker once that is accepted.
    speaker = next(s for s in review.pending if s.label == "SPEAKER")
    review._go_to(speaker)
    key(window, qtbot, Qt.Key.Key_Return)
    quote = next(s for s in review.pending if s.label == "QUOTE")
    review._go_to(quote)
    before = snapshot(db, doc_id)
    key(window, qtbot, press)
    after = snapshot(db, doc_id)
    assert after != before
    qtbot.keyClick(article(window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(db, doc_id) == before
    assert review.current.id == quote.id  # the review goes back to the undone suggestion
    qtbot.keyClick(article(window), Qt.Key.Key_Z, CTRL_SHIFT)
    assert snapshot(db, doc_id) == after


def test_suggest_computes_off_the_ui_thread(window, qtbot, monkeypatch):
    threads = []

    def spy(*args: Any) -> Any:
        threads.append(threading.get_ident())
        return suggest_text(*args)

    monkeypatch.setattr(suggestion_runner, "suggest_text", spy)
    suggest(window, qtbot)
    assert threads and threads[0] != threading.get_ident()


def test_a_failing_suggester_is_reported_and_the_window_goes_on(window, db, qtbot, monkeypatch):
    def broken(*_args: Any) -> Any:
        raise RuntimeError("a rule broke")

    monkeypatch.setattr(suggestion_runner, "suggest_text", broken)
    review = window.suggestion_review
    with qtbot.waitSignal(review.runner.failed, timeout=20000):
        review.actions.suggest.trigger()
    assert "a rule broke" in window.statusBar().currentMessage()
    assert review.actions.suggest.isEnabled() and review.pending == []
    assert snapshot(db, window.doc.id)[SUGGESTIONS_LAYER] == ([], [])


def test_a_new_run_keeps_the_review_at_its_place(window, qtbot):
    suggest(window, qtbot)
    review = window.suggestion_review
    key(window, qtbot, Qt.Key.Key_N)
    key(window, qtbot, Qt.Key.Key_N)
    place = review.current
    suggest(window, qtbot)  # pending suggestions are replaced, with new ids
    assert review.current.id != place.id
    assert (review.current.start, review.current.end, review.current.label) == (
        place.start,
        place.end,
        place.label,
    )


def test_a_read_only_workspace_shows_suggestions_but_changes_nothing(qtbot, db):
    with Workspace(db) as ws:
        doc_id = ws.documents()[0].id
        suggest_document(ws, doc_id)
    before = snapshot(db, doc_id)
    window = MainWindow(Workspace(db, "amal", read_only=True), "amal")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    review = window.suggestion_review
    assert len(suggestion_formats(window)) == len(review.pending) > 0
    assert not review.actions.suggest.isEnabled()
    key(window, qtbot, Qt.Key.Key_N)
    assert review.current is not None and not review.actions.accept.isEnabled()
    key(window, qtbot, Qt.Key.Key_Return)
    key(window, qtbot, Qt.Key.Key_Backspace)
    assert snapshot(db, doc_id) == before


def test_clicking_a_suggestion_makes_it_the_current_one(window, qtbot):
    suggest(window, qtbot)
    view = article(window)
    review = window.suggestion_review
    date = [s for s in review.pending if s.label == "DATE"][-1]
    view.scroll_to(date.start, date.end)
    rect = view.cursorRect()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() - 4, rect.center().y())
    )
    assert review.current.id == date.id
    key(window, qtbot, Qt.Key.Key_Return)
    assert window.state.spans[0].start == date.start
