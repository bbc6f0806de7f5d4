"""Long work off the UI thread: a QThread that runs one plain-Python function and reports back.

The function gets a ``progress(n)`` callback; the thread relays it as a signal, which Qt queues
to the UI thread, so a progress dialog moves while the window stays responsive. ``cancel()``
makes the next ``progress`` call raise :class:`Cancelled` inside the work, so a write in
progress unwinds through its transaction and leaves nothing behind (all or nothing).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.errors import AnnotatorError


class Cancelled(Exception):
    """Raised by ``progress`` in the worker thread once the user cancelled."""


class Job(QThread):
    """Runs ``work(progress)`` once; emits ``progressed(n)``, then ``succeeded(result)``,
    ``failed(message)`` or ``cancelled()``."""

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
        """Ask the work to stop at its next progress report (called from the UI thread)."""
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
        except (AnnotatorError, OSError, sqlite3.Error) as exc:
            self.failed.emit(str(exc))
            return
        self.succeeded.emit(result)
