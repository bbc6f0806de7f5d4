"""Long work off the UI thread: a QThread that runs one plain-Python function and reports back.

The function gets a ``progress(n)`` callback; the thread relays it as a signal, which Qt queues
to the UI thread, so a progress dialog moves while the window stays responsive. Whatever the
function raises is reported (a bug's ``KeyError`` as much as a refused input), so a dialog
waiting for the job always closes. ``cancel()`` stops the job at its next progress report.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.errors import AnnotatorError


class Cancelled(Exception):
    """Raised inside the job by its progress callback once ``cancel()`` was asked for."""


class Job(QThread):
    """Runs ``work(progress)`` once; emits ``progressed(n)``, then exactly one of
    ``succeeded(result)``, ``failed(message)`` or ``cancelled()``."""

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
        """Ask the job to stop; it does at its next progress report (its result is dropped)."""
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
        except Exception as exc:  # a bug must reach the person, not leave a dialog up forever
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            self.succeeded.emit(result)
