"""The window takes the day's backup after it is shown, off the UI thread: at 100,000 articles
the copy and its check take seconds that nobody should wait for before the first paint."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.backups import backup_dir, list_backups
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui.app import start_window
from annotator.gui.worker import Job


def make(db_path) -> None:
    with Workspace(db_path, "amal") as ws:
        text = "قال الوزير إن الاجتماع انتهى"
        ws.import_records([DocumentRecord(text=text, path="a.txt", id="a")])
    shutil.rmtree(backup_dir(db_path), ignore_errors=True)


def test_the_window_opens_before_the_days_backup_and_takes_it_in_the_background(qtbot, db_path):
    make(db_path)
    window = start_window(str(db_path), "amal")
    qtbot.addWidget(window)
    assert list_backups(db_path) == []  # nothing copied before the window could paint
    window.show()
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=10000)
    assert list_backups(db_path)[0].reason == "daily"
    window.close()
    assert not any(job.isRunning() for job in window.findChildren(Job))


def test_a_backup_that_cannot_be_written_is_said_and_the_window_stays_usable(qtbot, db_path):
    make(db_path)
    backup_dir(db_path).write_text("not a folder")  # the backups folder cannot be made
    window = start_window(str(db_path), "amal")
    qtbot.addWidget(window)
    window.show()

    def warned() -> QMessageBox | None:
        return window.findChild(QMessageBox, "dailyBackupFailed")

    qtbot.waitUntil(lambda: warned() is not None and warned().isVisible(), timeout=10000)
    assert str(backup_dir(db_path)) in warned().text()
    warned().accept()
    assert window.isVisible() and window.doc is not None and window.doc.id == "a"


def test_closing_at_once_leaves_no_backup_thread_running(qtbot, db_path):
    make(db_path)
    window = start_window(str(db_path), "amal")
    qtbot.addWidget(window)
    window.show()
    window.close()
    QApplication.processEvents()  # the queued start runs after the close: no job then
    assert not any(job.isRunning() for job in window.findChildren(Job))
    with Workspace(db_path, "amal", read_only=True) as ws:
        assert ws.document("a") is not None
