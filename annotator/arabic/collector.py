"""Python's cycle collector paused while one long text is read.

The rules make many short-lived objects (tokens, matches, mentions) and free them by reference
counting; they make next to no cycles. The cycle collector still runs every few hundred
allocations, and each full pass walks everything alive, the proposals gathered so far
included, so on a document of several megabytes collecting grows faster than the text: a
4 MB document spent 15-20 % of its time there. Pausing it while the blocks are read keeps the
time linear. The pause is counted, so that threads reading texts at once (the window computes
in a worker thread) never leave it switched off, and it restores the state it found.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
