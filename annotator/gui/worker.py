"""Long work off the UI thread: a QThread that runs one plain-Python function and reports back.

The function gets a ``progress(n)`` callback; the thread relays it as a signal, which Qt queues
to the UI thread, so a progress dialog moves while the window stays responsive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.errors import AnnotatorError


class Cancelled(Exception):
    """Raised inside the work at its next progress report once ``Job.cancel`` was asked."""


class Job(QThread):
    """Runs ``work(progress)`` once; emits ``progressed(n)``, then ``succeeded(result)``,
    ``failed(message)`` or, after ``cancel()``, ``cancelled()``.

    Cancelling is cooperative: the work stops at its next ``progress`` call (corpus-wide work
    reports every document), so a read-only computation simply ends early.
    """

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, work: Callable[[Callable[[int], None]], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self.cancelled.emit()
            return
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
            return
        self.succeeded.emit(result)
