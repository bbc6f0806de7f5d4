"""Ctrl+C that stops a command inside a long SQLite statement.

Python raises KeyboardInterrupt only between bytecodes: a statement that runs for minutes in C
(`PRAGMA integrity_check` of a large file, a full scan) ignores Ctrl+C until it returns. Here
Ctrl+C only raises a flag; SQLite's progress handler reads it every few thousand steps and
interrupts the statement, and the command raises KeyboardInterrupt at its next ``stop_if_asked``
(or when the interrupted statement's error reaches ``interruptible``), which ``annotator.cli``
reports as "interrupted; nothing was changed".
"""

from __future__ import annotations

import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from annotator.core.workspace import Workspace

# VM steps between two looks at the flag: a few milliseconds of SQLite work.
STEPS = 50_000


@contextmanager
def interruptible(ws: Workspace) -> Iterator[Callable[[], None]]:
    """Yields ``stop_if_asked()``, which raises KeyboardInterrupt once Ctrl+C was pressed;
    the command calls it between its steps. Outside the main thread (no signals there) it
    changes nothing."""
    asked = threading.Event()

    def stop_if_asked() -> None:
        if asked.is_set():
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield stop_if_asked
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: asked.set())
    try:
        with ws.progress_handler(lambda: 1 if asked.is_set() else 0, STEPS):
            yield stop_if_asked
    except sqlite3.OperationalError:
        stop_if_asked()  # the statement we interrupted: report the Ctrl+C, not the error
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
    stop_if_asked()
