"""Is a workspace file's schema exactly the one our migrations create?

A workspace file from elsewhere (``--db`` on a copied file, ``merge``, ``restore``) is SQLite,
and SQLite runs what the file itself declares: a trigger fires on our next write, a view or a
generated column computes on our next read. So before any statement of the file runs, its
``sqlite_master`` (every table, index, trigger and view with its SQL) and every table's columns
(``table_xinfo``, which also shows generated columns) are compared with a reference built by
running ``MIGRATIONS`` on an in-memory database; anything extra, missing or different is refused.

Every connection also runs with ``trusted_schema=OFF`` (a file's triggers and views may not call
functions with side effects) and, where the Python build offers it, SQLite's defensive mode
(no ``writable_schema`` tricks that corrupt a file).
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

import regex
import sqlite_utils

# One entry of sqlite_master: (type, name, tbl_name, sql with its whitespace normalised).
Entry = tuple[str, str, str, str]
Column = tuple[object, ...]  # a row of PRAGMA table_xinfo


def harden(conn: sqlite3.Connection) -> None:
    """Settings every connection to a workspace file runs with, before it reads anything."""
    conn.execute("PRAGMA trusted_schema = OFF")
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if defensive is not None and hasattr(conn, "setconfig"):  # Python 3.12 and later
        conn.setconfig(defensive, True)


def _normalised_sql(sql: str | None) -> str:
    return regex.sub(r"\s+", " ", sql or "").strip()


def _entries(conn: sqlite3.Connection) -> dict[tuple[str, str], Entry]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        (kind, name): (kind, name, table, _normalised_sql(sql)) for kind, name, table, sql in rows
    }


def _columns(conn: sqlite3.Connection, table: str) -> list[Column]:
    quoted = table.replace('"', '""')
    return [tuple(row) for row in conn.execute(f'PRAGMA table_xinfo("{quoted}")')]


@lru_cache(maxsize=8)
def reference_schema(version: int) -> tuple[dict[tuple[str, str], Entry], dict[str, list[Column]]]:
    """What the first ``version`` migrations create, built once per process."""
    from annotator.core.store import MIGRATIONS  # store imports this module

    db = sqlite_utils.Database(memory=True, execute_plugins=False)
    for migration in MIGRATIONS[:version]:
        migration(db)
    entries = _entries(db.conn)
    columns = {name: _columns(db.conn, name) for kind, name in entries if kind == "table"}
    db.close()
    return entries, columns


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """Every way the file's schema differs from what ``version`` migrations create, as short
    phrases ("unexpected trigger t", ...); empty when it is exactly ours."""
    expected, expected_columns = reference_schema(version)
    actual = _entries(conn)
    found = [f"unexpected {kind} {name}" for kind, name in sorted(set(actual) - set(expected))]
    found += [f"{kind} {name} is missing" for kind, name in sorted(set(expected) - set(actual))]
    for kind, name in sorted(set(expected) & set(actual)):
        if kind == "table":
            columns, wanted = _columns(conn, name), expected_columns[name]
            names, wanted_names = [c[1] for c in columns], [c[1] for c in wanted]
            if names != wanted_names:
                found.append(f"table {name} has columns {names}, expected {wanted_names}")
                continue
            if columns != wanted:
                found.append(f"table {name} has columns of other types or kinds")
                continue
        if actual[(kind, name)] != expected[(kind, name)]:
            found.append(f"{kind} {name} is defined differently")
    return found


def schema_refusal(conn: sqlite3.Connection, version: int) -> str | None:
    """One phrase saying why the file's schema is refused, or None when it is ours."""
    found = schema_differences(conn, version)
    if not found:
        return None
    more = f" and {len(found) - 1} more difference(s)" if len(found) > 1 else ""
    return (
        f"its schema is not the one this annotator creates ({found[0]}{more}), so none of it "
        "was run or read"
    )


def table_columns(table: str) -> list[str]:
    """The columns our migrations give ``table``, in order: what a read names instead of
    ``SELECT *``, so that a column another program added is never read."""
    from annotator.core.store import SCHEMA_VERSION

    _, columns = reference_schema(SCHEMA_VERSION)
    return [str(column[1]) for column in columns[table]]


def select_columns(table: str) -> str:
    """``"a", "b", ...`` for ``table``: the quoted column list of ``table_columns``."""
    return ", ".join(f'"{name}"' for name in table_columns(table))
