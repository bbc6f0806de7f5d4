"""Files appear whole or not at all: written to a temporary file beside the target, flushed to
disk, then renamed over it. A crash mid-export never leaves a truncated file under the final name.

Temporary files are created private (``mkstemp`` makes them 0600); once complete they get the
permissions any new file of the user gets (0666 less the umask), so an export can be shared
like any file the user writes.
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


def place(staged: Path, path: Path) -> None:
    """Rename a complete file or folder to ``path``; an older folder there is replaced (set
    aside first, removed after), a file of one kind never replaces the other kind."""
    if staged.is_dir() and path.is_file():
        raise InputError(str(path), "is a file; this format writes a folder.")
    if path.is_dir() and not staged.is_dir():
        raise InputError(str(path), "is a folder; this format writes a file.")
    old = path.with_name(f".{path.name}.old") if path.is_dir() else None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
        os.replace(path, old)
    os.replace(staged, path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


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
        _usual_permissions(tmp)
        place(tmp, path)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise InputError(str(path), f"cannot be written ({exc.strerror or exc}).") from exc
        raise


def _usual_permissions(folder: Path) -> None:
    """``mkdtemp`` makes a folder 0700 and libraries may make files 0600: what an export
    folder holds gets the permissions of any new file or folder of the user."""
    files = usual_mode()
    os.chmod(folder, files | ((files & 0o444) >> 2))
    for entry in folder.rglob("*"):
        os.chmod(entry, files | ((files & 0o444) >> 2) if entry.is_dir() else files)


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
            os.fchmod(fh.fileno(), usual_mode())
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
