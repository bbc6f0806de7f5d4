"""Integrity checks of a whole workspace; reports problems precisely, never fixes them.

Every check reads raw rows rather than model objects, so a row that raw SQL (another tool, a bad
merge, a disk error) has broken is reported with its id instead of crashing the check. What is
checked: SQLite's own integrity check, the file's identity and schema against what the
migrations create, every document's text against its SHA-256 and the normalisation contract,
every span against its document's text and the label schema, every relation's two ends, and
every layer and status value, and every note.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.fileschema import select_columns
from annotator.core.model import Status
from annotator.core.notes import NOTE_SELECT
from annotator.core.rowchecks import (
    check_id,
    check_note_row,
    check_number,
    check_published,
    check_span_fields,
    check_string,
    check_text,
    check_tombstone_row,
    usable_id,
)
from annotator.core.rows import check_layer_name, layer_kind
from annotator.core.schema import SchemaError
from annotator.core.store import APPLICATION_ID, SCHEMA_VERSION
from annotator.core.text import normalize_text, text_sha256
from annotator.core.workspace import Workspace

# A read-only statement runner: Workspace.query, or an in-memory database's execute.
Query = Callable[..., sqlite3.Cursor]

_SQLITE_MESSAGES = 20  # integrity_check can list thousands of pages; the first ones tell enough
PROGRESS_EVERY = 500  # documents between two progress reports


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check_workspace(ws: Workspace) -> list[Problem]:
    """Every problem found, in a stable order; the workspace is only read."""
    return list(iter_problems(ws))


def iter_problems(
    ws: Workspace, progress: Callable[[int], None] | None = None
) -> Iterator[Problem]:
    """Every problem found, as it is found (``annotator check`` prints them so: a workspace
    with a problem in each of 100,000 documents is never held as a list).

    Text that is not UTF-8 (raw SQL can store any bytes) is read with its bad bytes as lone
    surrogates, which the string checks then report, instead of failing the whole check.
    ``progress(n)`` is told how many documents have been checked, every ``PROGRESS_EVERY``.
    """
    try:
        with ws.lenient_text():
            yield from _check(ws, progress or (lambda _done: None))
    except sqlite3.DatabaseError as exc:  # pages so broken SQLite cannot even check them
        yield Problem(str(ws.path), f"SQLite integrity check failed: {exc}")


def _shown(value: object) -> str:
    """An id as a problem line shows it: as it is when usable, else escaped (a NUL or a
    terminal escape in an id must not reach the terminal)."""
    return value if isinstance(value, str) and usable_id(value) else ascii(value)


def _check(ws: Workspace, progress: Callable[[int], None]) -> Iterator[Problem]:
    problems = list(_file(ws))
    if problems:  # a damaged file makes every later query unreliable
        yield from problems
        return
    problems = list(_schema(ws))
    if problems:
        yield from problems
        return
    try:
        ws.schema  # noqa: B018 (the stored label schema is read and checked here)
    except SchemaError as exc:
        yield Problem("label schema", str(exc))
        return
    yield from _references(ws.query)
    yield from _documents_and_spans(ws, progress)
    yield from _relations(ws)
    yield from _layers_and_statuses(ws.query)
    yield from _tombstones(ws)
    yield from _notes(ws)


def _file(ws: Workspace) -> Iterator[Problem]:
    rows = ws.query(f"PRAGMA integrity_check({_SQLITE_MESSAGES})").fetchall()
    if rows != [("ok",)]:
        for (message,) in rows:
            yield Problem(str(ws.path), f"SQLite integrity check failed: {message}")


def _schema(ws: Workspace) -> Iterator[Problem]:
    app_id = ws.query("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        yield Problem("schema", f"application id is {app_id:#x}, not {APPLICATION_ID:#x}")
    version = ws.query("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        yield Problem("schema", f"schema version is {version}, not {SCHEMA_VERSION}")
    for difference in ws.schema_differences():
        yield Problem("schema", difference)


def _references(db: Query) -> Iterator[Problem]:
    """Rows whose document or layer is gone (possible when foreign keys were off)."""
    for table, key in (("spans", "id"), ("relations", "id"), ("doc_status", "doc_id")):
        for row_key, doc_id in db(
            f"SELECT {key}, doc_id FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
        ):
            yield Problem(f"{table} row {row_key}", f"its document '{doc_id}' does not exist")
        for row_key, layer in db(
            f"SELECT {key}, layer FROM {table} WHERE layer NOT IN (SELECT name FROM layers)"
        ):
            yield Problem(f"{table} row {row_key}", f"its layer '{layer}' does not exist")


def _documents_and_spans(ws: Workspace, progress: Callable[[int], None]) -> Iterator[Problem]:
    """One document at a time (a cursor, never the corpus in a list): memory stays flat."""
    rows = ws.query(
        "SELECT id, text, sha256, meta, title, source, published FROM documents ORDER BY rowid"
    )
    for done, (doc_id, text, sha, meta, title, source, published) in enumerate(rows, 1):
        if done % PROGRESS_EVERY == 0:
            progress(done)
        where = f"document {_shown(doc_id)}"
        try:
            check_id("its id", doc_id)
            check_text("its title", title)
            check_string("its source", source)
            check_published(published)
        except ValidationError as exc:
            yield Problem(where, str(exc))
        if not isinstance(text, str):
            yield Problem(where, f"text is stored as {type(text).__name__}, not text")
            continue
        try:
            check_string("its text", text)
        except ValidationError as exc:  # its hash and spans cannot even be computed
            yield Problem(where, str(exc))
            continue
        if text_sha256(text) != sha:
            yield Problem(where, f"text does not match its SHA-256 (stored {sha})")
        if not text.strip():
            yield Problem(where, "text is empty")
        if normalize_text(text) != text:
            yield Problem(where, "text is not normalised (NFC with \\n line ends)")
        if _json_object(meta) is None:
            yield Problem(where, "meta is not a JSON object")
        yield from _spans(ws, doc_id, text)


def _spans(ws: Workspace, doc_id: str, text: str) -> Iterator[Problem]:
    rows = ws.query_dicts(
        f"SELECT {select_columns('spans')} FROM spans WHERE doc_id = ? "
        'ORDER BY layer, start, "end", id',
        [doc_id],
    )
    first_of: dict[tuple[Any, ...], str] = {}
    for row in rows:
        where = f"document {_shown(doc_id)}, layer {row['layer']}, span {_shown(row['id'])}"
        attrs = _json_object(row["attrs"])
        if attrs is None:
            yield Problem(where, f"attrs {row['attrs']!r} is not a JSON object")
            continue
        # Two runs that read the same old state (or a side door) leave twins behind.
        key = (
            row["layer"],
            row["start"],
            row["end"],
            row["label"],
            json.dumps(attrs, sort_keys=True),
        )
        twin = first_of.setdefault(key, row["id"])
        if twin != row["id"]:
            yield Problem(where, f"duplicates span {twin} (same offsets, label and attributes)")
        try:
            check_span_fields(row)  # the importer's rules: id, JSON columns, finite numbers
            ws.check_span(text, row["start"], row["end"], row["label"], attrs)
        except ValidationError as exc:
            yield Problem(where, str(exc))


def _relations(ws: Workspace) -> Iterator[Problem]:
    rows = _dicts(
        ws,
        "SELECT r.id, r.doc_id, r.layer, r.label, r.head, r.child, "
        "h.doc_id AS h_doc, h.layer AS h_layer, h.label AS h_label, "
        "c.doc_id AS c_doc, c.layer AS c_layer, c.label AS c_label "
        "FROM relations r LEFT JOIN spans h ON h.id = r.head "
        "LEFT JOIN spans c ON c.id = r.child ORDER BY r.doc_id, r.layer, r.id",
    )
    for row in rows:
        where = (
            f"document {_shown(row['doc_id'])}, layer {row['layer']}, relation {_shown(row['id'])}"
        )
        try:
            check_id("its id", row["id"])
        except ValidationError as exc:
            yield Problem(where, str(exc))
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


def _layers_and_statuses(db: Query) -> Iterator[Problem]:
    for name, kind in db("SELECT name, kind FROM layers ORDER BY name"):
        try:
            check_layer_name(name)
        except ValidationError as exc:
            yield Problem(f"layer {name!r}", str(exc))
            continue
        if kind != layer_kind(name):
            yield Problem(f"layer {name}", f"kind is '{kind}', expected '{layer_kind(name)}'")
    allowed = {s.value for s in Status}
    for doc_id, layer, status, seconds in db(
        "SELECT doc_id, layer, status, seconds FROM doc_status ORDER BY doc_id, layer"
    ):
        if status not in allowed:
            yield Problem(
                f"document {doc_id}, layer {layer}",
                f"status {status!r} is not one of {', '.join(sorted(allowed))}",
            )
        try:
            check_number("its time spent", seconds)
        except ValidationError as exc:
            yield Problem(f"document {doc_id}, layer {layer}", str(exc))


def _tombstones(ws: Workspace) -> Iterator[Problem]:
    for row in _dicts(ws, "SELECT id, kind, doc_id, layer, deleted FROM tombstones ORDER BY id"):
        try:
            check_tombstone_row(row)
        except ValidationError as exc:
            yield Problem(f"tombstone {_shown(row['id'])}", str(exc))


def _notes(ws: Workspace) -> Iterator[Problem]:
    """Notes obey the rules every note is written with (a raw write may break them)."""
    for row in _dicts(ws, f"{NOTE_SELECT} ORDER BY id"):
        try:
            check_note_row(row)
        except ValidationError as exc:
            yield Problem(f"note {_shown(row['id'])}", str(exc))


def _dicts(ws: Workspace, sql: str) -> Iterator[dict[str, Any]]:
    """Rows of a walk over a whole table as dicts, one at a time from the cursor."""
    cursor = ws.query(sql)
    columns = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(columns, row, strict=True))


def _json_object(value: Any) -> dict[str, Any] | None:
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None
