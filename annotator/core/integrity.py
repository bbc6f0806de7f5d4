"""Integrity checks of a whole workspace; reports problems precisely, never fixes them.

Every check reads raw rows rather than model objects, so a row that raw SQL (another tool, a bad
merge, a disk error) has broken is reported with its id instead of crashing the check. What is
checked: SQLite's own integrity check, the file's identity and schema against what the
migrations create, every document's text against its SHA-256 and the normalisation contract,
every span against its document's text and the label schema, every relation's two ends, and
every layer and status value.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from annotator.core.errors import ValidationError
from annotator.core.model import Status
from annotator.core.rows import check_layer_name, layer_kind
from annotator.core.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from annotator.core.text import normalize_text, text_sha256
from annotator.core.workspace import Workspace

_SQLITE_MESSAGES = 20  # integrity_check can list thousands of pages; the first ones tell enough


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check_workspace(ws: Workspace) -> list[Problem]:
    """Every problem found, in a stable order; the workspace is only read."""
    try:
        return _check(ws)
    except sqlite3.DatabaseError as exc:  # pages so broken SQLite cannot even check them
        return [Problem(str(ws.path), f"SQLite integrity check failed: {exc}")]


def _check(ws: Workspace) -> list[Problem]:
    problems = list(_file(ws))
    if problems:  # a damaged file makes every later query unreliable
        return problems
    problems += _schema(ws.db)
    if problems:
        return problems
    problems += _references(ws.db)
    problems += _documents_and_spans(ws)
    problems += _relations(ws)
    problems += _layers_and_statuses(ws.db)
    return problems


def _file(ws: Workspace) -> Iterator[Problem]:
    rows = ws.db.execute(f"PRAGMA integrity_check({_SQLITE_MESSAGES})").fetchall()
    if rows != [("ok",)]:
        for (message,) in rows:
            yield Problem(str(ws.path), f"SQLite integrity check failed: {message}")


def expected_schema() -> dict[tuple[str, str], list[str]]:
    """(type, name) of every table, index and trigger the migrations create, with each
    table's columns: what a workspace of this version must hold."""
    db = sqlite_utils.Database(memory=True)
    for migration in MIGRATIONS:
        migration(db)
    return _schema_of(db)


def _schema_of(db: sqlite_utils.Database) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for kind, name in db.execute("SELECT type, name FROM sqlite_master ORDER BY type, name"):
        columns = []
        if kind == "table":
            columns = [row[1] for row in db.execute(f"PRAGMA table_info([{name}])")]
        found[(kind, name)] = columns
    return found


def _schema(db: sqlite_utils.Database) -> Iterator[Problem]:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        yield Problem("schema", f"application id is {app_id:#x}, not {APPLICATION_ID:#x}")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        yield Problem("schema", f"schema version is {version}, not {SCHEMA_VERSION}")
    actual, expected = _schema_of(db), expected_schema()
    for key, columns in expected.items():
        kind, name = key
        if key not in actual:
            yield Problem("schema", f"{kind} {name} is missing")
        elif actual[key] != columns:
            yield Problem("schema", f"table {name} has columns {actual[key]}, expected {columns}")
    for kind, name in sorted(set(actual) - set(expected)):
        yield Problem("schema", f"unexpected {kind} {name}")


def _references(db: sqlite_utils.Database) -> Iterator[Problem]:
    """Rows whose document or layer is gone (possible when foreign keys were off)."""
    for table, key in (("spans", "id"), ("relations", "id"), ("doc_status", "doc_id")):
        for row_key, doc_id in db.execute(
            f"SELECT {key}, doc_id FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
        ):
            yield Problem(f"{table} row {row_key}", f"its document '{doc_id}' does not exist")
        for row_key, layer in db.execute(
            f"SELECT {key}, layer FROM {table} WHERE layer NOT IN (SELECT name FROM layers)"
        ):
            yield Problem(f"{table} row {row_key}", f"its layer '{layer}' does not exist")


def _documents_and_spans(ws: Workspace) -> Iterator[Problem]:
    """One document at a time (a cursor, never the corpus in a list): memory stays flat."""
    for doc_id, text, sha, meta in ws.db.conn.execute(
        "SELECT id, text, sha256, meta FROM documents ORDER BY rowid"
    ):
        where = f"document {doc_id}"
        if not isinstance(text, str):
            yield Problem(where, f"text is stored as {type(text).__name__}, not text")
            continue
        if text_sha256(text) != sha:
            yield Problem(where, f"text does not match its SHA-256 (stored {sha})")
        if normalize_text(text) != text:
            yield Problem(where, "text is not normalised (NFC with \\n line ends)")
        if _json_object(meta) is None:
            yield Problem(where, "meta is not a JSON object")
        yield from _spans(ws, doc_id, text)


def _spans(ws: Workspace, doc_id: str, text: str) -> Iterator[Problem]:
    rows = ws.db.execute_returning_dicts(
        'SELECT * FROM spans WHERE doc_id = ? ORDER BY layer, start, "end", id', [doc_id]
    )
    for row in rows:
        where = f"document {doc_id}, layer {row['layer']}, span {row['id']}"
        attrs = _json_object(row["attrs"])
        if attrs is None:
            yield Problem(where, f"attrs {row['attrs']!r} is not a JSON object")
            continue
        try:
            ws.check_span(text, row["start"], row["end"], row["label"], attrs)
        except ValidationError as exc:
            yield Problem(where, str(exc))


def _relations(ws: Workspace) -> Iterator[Problem]:
    rows = ws.db.execute_returning_dicts(
        "SELECT r.id, r.doc_id, r.layer, r.label, r.head, r.child, "
        "h.doc_id AS h_doc, h.layer AS h_layer, h.label AS h_label, "
        "c.doc_id AS c_doc, c.layer AS c_layer, c.label AS c_label "
        "FROM relations r LEFT JOIN spans h ON h.id = r.head "
        "LEFT JOIN spans c ON c.id = r.child ORDER BY r.doc_id, r.layer, r.id"
    )
    for row in rows:
        where = f"document {row['doc_id']}, layer {row['layer']}, relation {row['id']}"
        ends_ok = True
        for end in ("head", "child"):
            prefix = end[0]
            if row[f"{prefix}_doc"] is None:
                yield Problem(where, f"its {end} span {row[end]} does not exist")
                ends_ok = False
            elif (row[f"{prefix}_doc"], row[f"{prefix}_layer"]) != (row["doc_id"], row["layer"]):
                yield Problem(
                    where,
                    f"its {end} span {row[end]} belongs to document {row[f'{prefix}_doc']}, "
                    f"layer {row[f'{prefix}_layer']}",
                )
                ends_ok = False
        if ends_ok:
            try:
                ws.schema.check_relation(row["label"], row["h_label"], row["c_label"])
            except ValidationError as exc:
                yield Problem(where, str(exc))


def _layers_and_statuses(db: sqlite_utils.Database) -> Iterator[Problem]:
    for name, kind in db.execute("SELECT name, kind FROM layers ORDER BY name"):
        try:
            check_layer_name(name)
        except ValidationError as exc:
            yield Problem(f"layer {name!r}", str(exc))
            continue
        if kind != layer_kind(name):
            yield Problem(f"layer {name}", f"kind is '{kind}', expected '{layer_kind(name)}'")
    allowed = {s.value for s in Status}
    for doc_id, layer, status in db.execute(
        "SELECT doc_id, layer, status FROM doc_status ORDER BY doc_id, layer"
    ):
        if status not in allowed:
            yield Problem(
                f"document {doc_id}, layer {layer}",
                f"status {status!r} is not one of {', '.join(sorted(allowed))}",
            )


def _json_object(value: Any) -> dict[str, Any] | None:
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None
