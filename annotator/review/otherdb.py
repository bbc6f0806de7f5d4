"""Reading another workspace file safely: read-only, checked before anything is merged.

A file handed over from another machine may be anything: missing, not SQLite, another
program's database, damaged, written by a newer version, or a workspace with triggers, views or
columns of its own. Each case is refused with one sentence naming the file, before this
workspace is touched and before any statement of the other file runs. The other file is never
written, and nothing is written beside it (see ``core/snapshot.py``): a file on read-only media
merges like any other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.fileschema import schema_refusal
from annotator.core.schema import LabelSchema
from annotator.core.snapshot import Snapshot, SnapshotError
from annotator.core.store import APPLICATION_ID, SCHEMA_VERSION

REQUIRED = {"documents", "layers", "spans", "relations", "doc_status"}


class OtherWorkspace:
    """Rows of another workspace file, read-only."""

    def __init__(self, path: Path, snapshot: Snapshot, tables: set[str]) -> None:
        self.path = path
        self.snapshot = snapshot
        self.conn = snapshot.conn
        self.tables = tables

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]
        except sqlite3.DatabaseError as exc:
            raise InputError(str(self.path), f"cannot be read ({exc}).") from exc

    def stream(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a walk over a whole table, one at a time from the cursor."""
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            for row in cursor:
                yield dict(zip(names, row, strict=True))
        except sqlite3.DatabaseError as exc:
            raise InputError(str(self.path), f"cannot be read ({exc}).") from exc

    def schema(self) -> LabelSchema:
        """Their label schema: the stored one, checked as untrusted input, or the bundled
        default for a workspace older than schemas stored in workspaces."""
        if "label_schema" not in self.tables:
            return LabelSchema.load()
        rows = self.rows("SELECT body FROM label_schema WHERE id = 1")
        if not rows or not isinstance(rows[0]["body"], str):
            raise InputError(str(self.path), "holds no usable label schema.")
        return LabelSchema.parse(rows[0]["body"], f"{self.path} (its stored schema)")

    def close(self) -> None:
        self.snapshot.close()


def open_other(path: str | Path, this: Path) -> OtherWorkspace:
    """Open ``path`` read-only after checking it is a usable workspace other than ``this``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such workspace file.")
    if path.resolve() == Path(this).resolve():
        raise InputError(str(path), "is this workspace itself; name another workspace file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc}).") from exc
    if header != b"SQLite format 3\x00":
        raise InputError(str(path), "is not an annotator workspace (not a SQLite file).")
    try:
        snapshot = Snapshot(path)
    except SnapshotError as exc:
        raise InputError(str(path), f"cannot be read: {exc}.") from exc
    try:
        problem = _problem(snapshot.conn)
    except sqlite3.DatabaseError as exc:
        snapshot.close()
        raise InputError(str(path), f"is damaged or not a workspace ({exc}).") from exc
    if problem:
        snapshot.close()
        raise InputError(str(path), problem)
    tables = {
        r[0] for r in snapshot.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    return OtherWorkspace(path, snapshot, tables)


def _problem(conn: sqlite3.Connection) -> str | None:
    """Why the file cannot be merged, in the order that makes each later check safe."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id != APPLICATION_ID or not tables >= REQUIRED:
        return "is a SQLite file but not an annotator workspace."
    if version > SCHEMA_VERSION:
        return (
            f"was written by a newer version of the annotator (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}); update the annotator to merge it."
        )
    refusal = schema_refusal(conn, version)
    if refusal:
        return f"cannot be merged: {refusal}."
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        return f"is damaged (SQLite integrity check: {check})."
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        return (
            f"cannot be merged: a row of its table {broken[0]} refers to a row of {broken[2]} "
            "that it does not hold (the other file is inconsistent; this workspace is fine)."
        )
    return None
