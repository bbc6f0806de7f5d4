"""The day's backup, taken off the UI thread once the window is shown.

Every command takes a backup on the first open of a (UTC) day. For the window that copy (and
its check) ran before the first paint: seconds at 100,000 articles, spent with nothing on the
screen. The window opens its workspace without it and starts this job instead; the backup reads
one consistent snapshot through a connection of its own while the person already works. A
backup that cannot be taken (a full disk, a damaged file) is said in a message box that does
not block the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from annotator.core.store import take_daily_backup
from annotator.gui.worker import Job

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class DailyBackup(QObject):
    """Starts the day's backup of ``window``'s workspace as soon as the event loop runs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        if not window.workspace.read_only:
            QTimer.singleShot(0, self.start)

    def start(self) -> None:
        if self.job is not None or getattr(self.window, "_closed", False):
            return
        path = Path(self.window.workspace.path)
        self.job = Job(lambda _progress: take_daily_backup(path), self.window)
        self.job.failed.connect(self._on_failed)
        self.job.start()

    def _on_failed(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Backup"),
            self.tr("Today's backup could not be taken; the workspace stays open.")
            + "\n"
            + message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("dailyBackupFailed")
        box.open()
