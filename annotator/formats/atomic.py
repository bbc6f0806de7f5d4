"""Files appear whole or not at all: written to a temporary file beside the target, flushed to
disk, then renamed over it. A crash mid-export never leaves a truncated file under the final name.

Temporary files are created private (``mkstemp`` makes them 0600); once complete they get the
permissions any new file of the user gets (0666 less the umask), so an export can be shared
like any file the user writes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.core.errors import InputError


def usual_mode() -> int:
    """0666 less the process umask (read from /proc when it can be, without changing it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def staged_write(path: Path) -> Iterator[tuple[IO[str], Path]]:
    """A file written under a temporary name beside ``path``, flushed to disk and given the
    usual permissions; it stays under that name (yielded) for the caller to rename or remove.
    A failure removes it; a folder that cannot be written or a full disk is one InputError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh, Path(tmp_name)
            fh.flush()
            os.fchmod(fh.fileno(), usual_mode())
            os.fsync(fh.fileno())
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
        raise


@contextmanager
def atomic_write(path: Path) -> Iterator[IO[str]]:
    """A file opened for writing that appears at ``path`` only once complete; a folder that
    cannot be created or written, or a full disk, is one InputError naming ``path``."""
    with staged_write(path) as (fh, tmp):
        yield fh
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc


def sync_folder(folder: Path) -> None:
    """Make renames and removals in ``folder`` durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
