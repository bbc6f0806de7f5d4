"""Run `annotator export` and SIGKILL this process just before one chosen step touches the
export or its manifest, so the test can judge what a kill at that moment leaves behind.

Usage: python -m tests.drivers.export_kill DB OUT STEP N
STEP is ``fsync``, ``unlink`` or ``replace``; the process kills itself before the Nth call of
that function on a path of the export (the export file, its manifest or their staged copies).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from annotator.cli import main


def killing(name: str, real: Callable[..., Any], out: str, nth: int) -> Callable[..., Any]:
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        touched = " ".join(str(a) for a in args if isinstance(a, (str, os.PathLike)))
        target = name == "fsync" or os.path.basename(out) in touched
        if target:
            calls += 1
            if calls == nth:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    return wrapper


def run(db: str, out: str, step: str, nth: int) -> int:
    if step == "fsync":  # only the staged files are fsynced by name-less descriptor
        import annotator.formats.atomic as atomic

        atomic.os = _Proxy(os, fsync=killing("fsync", os.fsync, out, nth))  # type: ignore[attr-defined]
    else:
        setattr(os, step, killing(step, getattr(os, step), out, nth))
    return main(["--db", db, "export", "-o", out, "--layer", "amal"])


class _Proxy:
    """The os module with one function replaced, for one module's use only."""

    def __init__(self, module: Any, **replaced: Any) -> None:
        self._module = module
        self._replaced = replaced

    def __getattr__(self, name: str) -> Any:
        return self._replaced.get(name) or getattr(self._module, name)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
