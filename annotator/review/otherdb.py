"""Reading another workspace file safely: read-only, checked before anything is merged.

A file handed over from another machine may be anything: missing, not SQLite, another
program's database, damaged, or written by a newer version. Each case is refused with one
sentence naming the file, before this workspace is touched; the other file is never written
(opened read-only, not migrated).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.schema import LabelSchema
from annotator.core.store import APPLICATION_ID, SCHEMA_VERSION

REQUIRED = {"documents", "layers", "spans", "relations", "doc_status"}


class OtherWorkspace:
    """Rows of another workspace file, read-only."""

    def __init__(self, path: Path, conn: sqlite3.Connection, tables: set[str]) -> None:
        self.path = path
        self.conn = conn
        self.tables = tables

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]
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
        self.conn.close()


def open_other(path: str | Path, this: Path) -> OtherWorkspace:
    """Open ``path`` read-only after checking it is a usable workspace other than ``this``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such workspace file.")
    if path.resolve() == Path(this).resolve():
        raise InputError(str(path), "is this workspace itself; name another workspace file.")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise InputError(str(path), "is not an annotator workspace (not a SQLite file).")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"is damaged or not a workspace ({exc}).") from exc
    problem = None
    if app_id != APPLICATION_ID or not tables >= REQUIRED:
        problem = "is a SQLite file but not an annotator workspace."
    elif version > SCHEMA_VERSION:
        problem = (
            f"was written by a newer version of the annotator (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}); update the annotator to merge it."
        )
    elif check != "ok":
        problem = f"is damaged (SQLite integrity check: {check})."
    if problem:
        conn.close()
        raise InputError(str(path), problem)
    return OtherWorkspace(path, conn, tables)
