"""A suggestion overlapping a span of the same label the annotator drew is a conflict: the
window asks (replace mine / keep mine / keep both) and never nests a second span silently."""

# ruff: noqa: F811 (pytest fixtures imported from the suggestion tests)

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from annotator.core.workspace import Workspace
from tests.test_gui_suggestions import article, db, key, suggest, window  # noqa: F401


def answer(button: str) -> None:
    """Click ``button`` in the question the next modal dialog asks."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "overlapConflict"
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, click)


def accept_answering(window, qtbot, button: str) -> None:
    """Press Enter on the current suggestion and answer the overlap question."""
    answer(button)
    key(window, qtbot, Qt.Key.Key_Return)
    window.activateWindow()  # the closed dialog handed the focus back to no one (offscreen)
    qtbot.waitUntil(window.isActiveWindow)


def draw_inside(window, qtbot):
    """Suggest, then tag by hand part of the current suggestion with its label, and make
    that suggestion current again. Returns (suggestion, own span id)."""
    suggest(window, qtbot)
    review = window.suggestion_review
    suggestion = next(s for s in review.pending if s.end - s.start > 4)
    review._go_to(suggestion)
    view = article(window)
    view.select_offsets(suggestion.start, suggestion.end - 2)
    window.window_actions.tag_exact[suggestion.label].trigger()
    own = window.selected
    assert own is not None
    key(window, qtbot, Qt.Key.Key_N)
    assert review.current.id == suggestion.id
    return suggestion, own


def layer(db, doc_id: str, name: str = "amal"):
    with Workspace(db) as ws:
        return ws.spans(doc_id, name), ws.relations(doc_id, name)


def test_the_status_shows_the_conflict(window, qtbot):
    draw_inside(window, qtbot)
    assert "conflicts with your" in window.suggestion_review.status.text()


def test_replace_mine_takes_the_suggestion_and_undo_brings_mine_back(window, db, qtbot):
    suggestion, own = draw_inside(window, qtbot)
    accept_answering(window, qtbot, "overlap_replace_mine")
    spans, _ = layer(db, window.doc.id)
    assert [(s.start, s.end, s.label) for s in spans] == [
        (suggestion.start, suggestion.end, suggestion.label)
    ]
    window.undo_action.trigger()
    spans, _ = layer(db, window.doc.id)
    assert [s.id for s in spans] == [own]


def test_keep_mine_rejects_the_suggestion(window, db, qtbot):
    suggestion, own = draw_inside(window, qtbot)
    accept_answering(window, qtbot, "overlap_keep_mine")
    spans, _ = layer(db, window.doc.id)
    assert [s.id for s in spans] == [own]
    with Workspace(db) as ws:
        assert ws.span(suggestion.id).provenance["state"] == "rejected"


def test_keep_both_nests_only_when_asked_and_cancel_changes_nothing(window, db, qtbot):
    _suggestion, own = draw_inside(window, qtbot)
    accept_answering(window, qtbot, "overlap_cancel")
    assert [s.id for s in layer(db, window.doc.id)[0]] == [own]
    accept_answering(window, qtbot, "overlap_keep_both")
    spans, _ = layer(db, window.doc.id)
    assert len(spans) == 2 and own in {s.id for s in spans}


def test_accept_all_of_a_label_leaves_the_overlapping_one_pending(window, db, qtbot):
    suggestion, own = draw_inside(window, qtbot)
    window.suggestion_review.actions.accept_label[suggestion.label].trigger()
    with Workspace(db) as ws:
        assert ws.span(suggestion.id).provenance["state"] == "pending"
        nested = [
            s
            for s in ws.spans(window.doc.id, "amal")
            if s.label == suggestion.label and s.start < suggestion.end and suggestion.start < s.end
        ]
    assert [s.id for s in nested] == [own]
    assert "left for you to decide" in window.statusBar().currentMessage()
