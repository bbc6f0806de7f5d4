"""Closing the window while background work runs: the person is asked, "keep working" leaves
the window and the work as they were, "stop and close" cancels the work (nothing of it is
saved), waits for its thread and closes; an edit made before is in the store either way."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.article_view import ArticleView
from tests.gui_files import answer_file_dialog, modal, trigger

TEXT = "قال الوزير إن الاجتماع سيعقد غدا"


@pytest.fixture
def window(qtbot, db_path):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="a.txt", id="a")])
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def documents(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def answer_close(button: str) -> list[str]:
    """Click ``button`` in the question the next close asks; returns the question's text."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "confirmCloseWhileRunning"
        seen.append(box.text())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, press)
    return seen


def test_closing_during_an_import_asks_then_stops_it_and_keeps_the_edit(
    qtbot, window, db_path, tmp_path
):
    article = window.findChild(ArticleView, "articleView")
    article.setFocus()
    article.select_offsets(TEXT.index("الوزير"), TEXT.index("الوزير") + len("الوزير"))
    qtbot.keyClick(article, Qt.Key.Key_S)  # SPEAKER, committed at once
    big = tmp_path / "many.jsonl"
    big.write_text(
        "".join(json.dumps({"text": f"مقال رقم {i}"}) + "\n" for i in range(50000)),
        encoding="utf-8",
    )
    trigger(window, "action_import")
    answer_file_dialog(qtbot, "importFileDialog", big)
    progress = modal(qtbot, "importProgress")
    (run,) = window.session.file_menu.runs
    qtbot.waitUntil(lambda: progress.value() > 0)

    asked = answer_close("keepWorking")
    assert not window.close()
    assert "Importing 1 file" in asked[0]
    assert window.isVisible() and run.job.isRunning()

    asked = answer_close("stopAndClose")
    assert window.close()
    assert asked and not window.isVisible()
    assert run.job.isFinished()  # no thread left behind a closed window
    # The run's end, delivered after the close, must not wake the window's view-state save
    # (it would write to the closed workspace): wait until no timer of the window is due.
    ended: list[bool] = []
    run.cancelled.connect(lambda: ended.append(True))  # queued: delivered after the close
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    qtbot.waitUntil(lambda: not window.save_timer.isActive(), timeout=5000)
    assert documents(db_path) == 1  # the import rolled back: all or nothing
    with Workspace(db_path, read_only=True) as ws:
        assert [(s.label, TEXT[s.start : s.end]) for s in ws.spans("a", "amal")] == [
            ("SPEAKER", "الوزير")
        ]


def test_closing_when_the_work_has_just_ended_asks_nothing(qtbot, window, db_path, tmp_path):
    """The thread has ended but its end is not yet delivered (the run is still listed): a
    question then would be about nothing, and, unanswered, would hold the close."""
    small = tmp_path / "two.jsonl"
    small.write_text(
        "".join(json.dumps({"text": f"مقال رقم {i}"}) + "\n" for i in range(2)), encoding="utf-8"
    )
    trigger(window, "action_import")
    answer_file_dialog(qtbot, "importFileDialog", small)
    (run,) = window.session.file_menu.runs
    assert run.job.wait(10000)  # ended; its signals wait in the queue, unprocessed
    assert window.session.file_menu.runs == [run]
    asked: list[str] = []

    def refuse_any_question() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "confirmCloseWhileRunning":
            asked.append(box.text())
            box.findChild(QPushButton, "keepWorking").click()

    QTimer.singleShot(0, refuse_any_question)
    assert window.close()
    assert asked == [] and not window.isVisible()
    assert documents(db_path) == 3
