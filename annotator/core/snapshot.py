"""Reading a workspace file from elsewhere (merge, restore) without ever writing beside it.

Opening a write-ahead-log database even with ``mode=ro`` makes SQLite create ``-wal`` and
``-shm`` files next to it, which fails on read-only media and leaves traces in someone else's
folder. So a file without a write-ahead log is opened ``immutable`` (SQLite then reads only
the file itself), and a file with one beside it (a copied live workspace, whose latest
transactions may still sit in the log) is copied together with its log into a private
temporary folder and read there, so that its latest committed state is what is read.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from annotator.core.fileschema import harden


class SnapshotError(Exception):
    """The file (or the temporary copy it needs) cannot be read; the message says why."""


class Snapshot:
    """A read-only connection to the latest committed state of ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            if wal.is_file() and wal.stat().st_size > 0:
                self._tmp = tempfile.TemporaryDirectory(prefix="annotator-read-")
                copy = Path(self._tmp.name) / "copy.db"
                shutil.copyfile(self.path, copy)
                shutil.copyfile(wal, copy.with_name("copy.db-wal"))
                uri = f"{copy.as_uri()}?mode=ro"
            else:
                uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        except OSError as exc:
            self.close()
            raise SnapshotError(
                f"it has a write-ahead log beside it and could not be copied to a temporary "
                f"folder to read both ({exc.strerror or exc})"
            ) from exc
        try:
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            harden(self.conn)
            self.conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            self.close()
            raise SnapshotError(f"it cannot be opened ({exc})") from exc

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
