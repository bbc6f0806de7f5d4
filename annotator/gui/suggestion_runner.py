"""Runs the Arabic suggester for one document in a worker thread, so the window never freezes.

Only the computing (``suggest_text``, pure Python over a copy of the text) leaves the UI thread;
the result comes back through a signal and is stored by the thread that owns the workspace's
SQLite connection, which may not be shared across threads. When the workspace holds a trained
model, its stored bytes travel with the text and are read (checked) in the worker, as
`annotator suggest` does: the same model draws the same suggestions in the window.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from annotator.arabic.learned.model import LearnedModel
    from annotator.arabic.suggest import SuggestionSet


def suggest_text(text: str, published: str | None) -> SuggestionSet:
    """The Arabic pre-annotator, imported on first use (on the worker thread): compiling its
    rules takes a few hundred milliseconds that the window's first paint does not wait for."""
    from annotator.arabic.suggest import suggest_text as compute

    return compute(text, published)


def suggest_with_stored_model(
    text: str, published: str | None, blob: bytes, where: str
) -> SuggestionSet:
    """The learned layer over the rules, with the model read from its stored bytes (a damaged
    one is refused in one sentence, reported like any failed run)."""
    from annotator.arabic.learned.apply import suggest_with_model

    return suggest_with_model(_model(blob, where), text, published)


@lru_cache(maxsize=1)
def _model(blob: bytes, where: str) -> LearnedModel:
    """The last model read: suggesting document after document reads it once."""
    from annotator.arabic.learned.model import LearnedModel

    return LearnedModel.load(blob, where)


class SuggestionRunner(QObject):
    """Emits ``computed(doc_id, SuggestionSet, engine)`` or ``failed(doc_id, message)`` per
    run; ``engine`` is "" for the rules alone, else the trained model's engine name."""

    computed = Signal(str, object, str)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # One run at a time: runs are short, and a second click must not race the first.
        self._pool.setMaxThreadCount(1)

    def start(
        self,
        doc_id: str,
        text: str,
        published: str | None,
        model: tuple[bytes, str] | None = None,
    ) -> None:
        """``model`` is a trained model's stored bytes and where they come from, if any."""
        self._pool.start(partial(self._compute, doc_id, text, published, model))

    def wait(self) -> None:
        """Block until a run in progress ends (closing the window must not leave one behind)."""
        self._pool.waitForDone()

    def _compute(
        self, doc_id: str, text: str, published: str | None, model: tuple[bytes, str] | None
    ) -> None:
        """Runs in the worker thread; the signals are queued to the window's thread."""
        try:
            if model is None:
                found, engine = suggest_text(text, published), ""
            else:
                from annotator.arabic.learned.naming import ENGINE  # not before the first paint

                found, engine = suggest_with_stored_model(text, published, *model), ENGINE
        except Exception as exc:  # a bug in a rule must reach the annotator, not end the thread
            self.failed.emit(doc_id, f"{type(exc).__name__}: {exc}")
        else:
            self.computed.emit(doc_id, found, engine)
