"""The Suggestions menu's whole-workspace actions driven as a person would: the menu entry, the
confirmation, the progress dialog; then the store is asked what it holds."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from annotator.arabic.learned.naming import MODEL_NAME
from annotator.core import suggestions
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from tests.gui_files import modal
from tests.learned_helpers import article, fill

DOCUMENTS = 6


def menu_action(window, name: str):
    action = next(a for a in window.suggestions_menu.actions() if a.objectName() == name)
    assert action.isEnabled()
    return action


@pytest.fixture
def window(qtbot, db_path):
    with Workspace(db_path) as ws:
        ws.import_records(
            DocumentRecord(text=article(k)[0], path=f"d{k}.txt", id=f"d{k}", published="2024-05-01")
            for k in range(DOCUMENTS)
        )
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    window.show()
    return window


def pending_by_document(db_path) -> dict[str, int]:
    with Workspace(db_path, read_only=True) as ws:
        return {f"d{k}": len(suggestions.pending(ws, f"d{k}")) for k in range(DOCUMENTS)}


def test_suggest_for_every_document_asks_then_fills_every_document(qtbot, window, db_path):
    menu_action(window, "suggestAllDocuments").trigger()
    box = modal(qtbot, "suggestAllConfirm")
    assert "6 documents" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Suggested" in window.statusBar().currentMessage(), timeout=60000)
    found = pending_by_document(db_path)
    assert all(n >= 3 for n in found.values()), found  # three reported sentences each
    assert "with the rules" in window.statusBar().currentMessage()


def test_cancelling_the_confirmation_suggests_nothing(qtbot, window, db_path):
    menu_action(window, "suggestAllDocuments").trigger()
    box = modal(qtbot, "suggestAllConfirm")
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert set(pending_by_document(db_path).values()) == {0}


def test_stopping_the_run_keeps_what_was_stored_and_says_how_much(
    qtbot, window, db_path, monkeypatch
):
    """Cancel pressed while the first batch is computed: that batch is stored, nothing after,
    and the status bar says so."""
    from annotator.arabic import corpus_suggest

    cancel_pressed = threading.Event()
    original = corpus_suggest.suggest_many

    def two_at_a_time(ids, load, labels, jobs, model=None):
        assert cancel_pressed.wait(30)
        yield from original(ids, load, labels, 1, batch=2, model=model)

    monkeypatch.setattr(corpus_suggest, "suggest_many", two_at_a_time)
    runs = window.session.file_menu.runs
    menu_action(window, "suggestAllDocuments").trigger()
    modal(qtbot, "suggestAllConfirm").button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(runs))
    progress = runs[-1].dialog
    assert isinstance(progress, QProgressDialog) and progress.objectName() == "suggestAllProgress"
    progress.findChild(QPushButton).click()  # its Cancel button
    cancel_pressed.set()
    qtbot.waitUntil(lambda: not runs, timeout=30000)
    assert window.statusBar().currentMessage() == "Stopped: 2 documents have their suggestions."
    found = pending_by_document(db_path)
    assert [doc for doc, n in found.items() if n] == ["d0", "d1"], found


def test_train_from_the_menu_stores_a_model_and_shows_its_figures(qtbot, db_path):
    with Workspace(db_path) as ws:
        fill(ws, 6)
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    window.show()
    menu_action(window, "trainModel").trigger()
    report = modal(qtbot, "trainReport")
    assert report.text().startswith("Trained on 6 documents with gold and 0 documents with")
    assert "5-fold cross-validation" in report.text() and "Quote:" in report.text()
    with Workspace(db_path, read_only=True) as ws:
        assert ws.model(MODEL_NAME) is not None
