"""Files appear whole or not at all: written to a temporary file beside the target, flushed to
disk, then renamed over it. A crash mid-export never leaves a truncated file under the final name.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.core.errors import InputError


@contextmanager
def atomic_write(path: Path) -> Iterator[IO[str]]:
    """A file opened for writing that appears at ``path`` only once complete; a folder that
    cannot be created or written, or a full disk, is one InputError naming ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
        raise


@contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """A folder filled under a temporary name beside ``path`` and renamed into place once
    complete (an older folder there is replaced); on any error nothing is left behind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
    try:
        yield tmp
        if path.is_file():
            raise InputError(str(path), "is a file; this format writes a folder.")
        old = path.with_name(f".{path.name}.old") if path.exists() else None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
        raise


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file name beside ``path`` for a library that writes files itself; renamed
    to ``path`` once the block ends without error, removed otherwise."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """``data`` at ``path``, whole or not at all (for formats a library serialises at once)."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
