"""Runs the Arabic suggester for one document in a worker thread, so the window never freezes.

Only the computing (``suggest_text``, pure Python over a copy of the text) leaves the UI thread;
the result comes back through a signal and is stored by the thread that owns the workspace's
SQLite connection, which may not be shared across threads.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from annotator.arabic.suggest import SuggestionSet


def suggest_text(text: str, published: str | None) -> SuggestionSet:
    """The Arabic pre-annotator, imported on first use (on the worker thread): compiling its
    rules takes a few hundred milliseconds that the window's first paint does not wait for."""
    from annotator.arabic.suggest import suggest_text as compute

    return compute(text, published)


class SuggestionRunner(QObject):
    """Emits ``computed(doc_id, SuggestionSet)`` or ``failed(doc_id, message)`` per run."""

    computed = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # One run at a time: runs are short, and a second click must not race the first.
        self._pool.setMaxThreadCount(1)

    def start(self, doc_id: str, text: str, published: str | None) -> None:
        self._pool.start(partial(self._compute, doc_id, text, published))

    def wait(self) -> None:
        """Block until a run in progress ends (closing the window must not leave one behind)."""
        self._pool.waitForDone()

    def _compute(self, doc_id: str, text: str, published: str | None) -> None:
        """Runs in the worker thread; the signals are queued to the window's thread."""
        try:
            found = suggest_text(text, published)
        except Exception as exc:  # a bug in a rule must reach the annotator, not end the thread
            self.failed.emit(doc_id, f"{type(exc).__name__}: {exc}")
        else:
            self.computed.emit(doc_id, found)
