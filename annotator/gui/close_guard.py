"""Closing the window while File-menu work runs (import, export, merge, package).

The work runs in a thread of its own; Qt aborts the whole program when a running thread is
destroyed, which is what closing the window used to do. So a close first asks: keep working
(the close is refused), or stop the work and close. Stopping cancels the work at its next
record and waits for it: its transaction rolls back, so nothing of it is saved, while every
edit the person already made was committed when they made it and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from annotator.gui.progress_run import ProgressRun

CONFIRM_NAME = "confirmCloseWhileRunning"
GRACE_MS = 500  # how long a close waits for work to end before it asks


class CloseGuard(QObject):
    """Watches ``window``'s close events; ``runs`` is the live list of work in progress."""

    def __init__(self, window: QWidget, runs: list[ProgressRun]) -> None:
        super().__init__(window)
        self.window = window
        self.runs = runs
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self._still_running():
            if not self._stop_confirmed():
                event.ignore()
                return True  # the window stays open, the work goes on
            self.stop_all()
        return super().eventFilter(watched, event)

    def _still_running(self) -> bool:
        """Whether work is still running once what is about to end has ended: work that is
        committing its last records ends within the grace, and a question about work that
        is already done would only puzzle (and, unanswered, hold the close)."""
        return any(not run.job.wait(GRACE_MS) for run in list(self.runs))

    def stop_all(self) -> None:
        """Cancel every run and wait until each thread has ended (seconds at most: the work
        stops at its next progress report)."""
        for run in list(self.runs):
            run.job.cancel()
        for run in list(self.runs):
            run.wait()

    def _stop_confirmed(self) -> bool:
        what = "\n".join(run.dialog.labelText() for run in self.runs)
        box = QMessageBox(self.window)
        box.setObjectName(CONFIRM_NAME)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Work still running"))
        box.setText(
            self.tr(
                "Still running:\n{what}\n\nStop it and close? Nothing of that work will be "
                "saved; your own edits are saved already."
            ).format(what=what)
        )
        stop = box.addButton(self.tr("Stop and close"), QMessageBox.ButtonRole.AcceptRole)
        stop.setObjectName("stopAndClose")
        keep = box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepWorking")
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is stop
