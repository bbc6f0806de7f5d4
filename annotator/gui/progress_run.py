"""Long work from the File menu: a Job, a progress dialog that can cancel it, and its outcome.

Import, export, merge and package share this: the work runs off the UI thread on its own
connection (SQLite connections are not shared across threads), the dialog moves with its
progress, Cancel stops it at the next record (the work's transaction then rolls back, so nothing
changes), and a failure is shown as the same one sentence the command line prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.gui.worker import Job


class ProgressRun(QObject):
    """One run of ``work(progress)``; emits ``succeeded(result)``, ``failed(message)`` or
    ``cancelled()`` once, after the dialog has closed."""

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        name: str,
        label: str,
        work: Callable[[Callable[[int], None]], Any],
        total: int = 0,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, total, parent)
        self.dialog.setObjectName(name)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.job = Job(work, self)
        self.job.progressed.connect(self._on_job_progressed)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        self.dialog.canceled.connect(self._on_dialog_canceled)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.dialog.show()
        self.job.start()

    def wait(self) -> None:
        """Block until the work has ended (a window closing must not leave it running)."""
        self.job.wait()

    def _on_job_progressed(self, done: int) -> None:
        if self.dialog.maximum() and done > self.dialog.maximum():
            self.dialog.setMaximum(0)  # the total was an estimate: show a busy bar instead
        self.dialog.setValue(done)

    def _on_dialog_canceled(self) -> None:
        self.dialog.setLabelText(self.tr("Cancelling… nothing will be changed."))
        self.job.cancel()

    def _finish(self) -> None:
        self.job.wait()
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()

    def _on_job_succeeded(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)

    def _on_job_failed(self, message: str) -> None:
        self._finish()
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Nothing was changed"), message)
        box.setParent(self.parent_widget, box.windowFlags())
        box.setObjectName("errorMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.failed.emit(message)

    def _on_job_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()
