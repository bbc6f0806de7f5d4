"""Typed changes from the event log: what a write changed, and what other programs changed.

Views refresh from a :class:`~annotator.core.changes.Change`, never by re-reading the corpus.
Two sources feed them: this program's own writes (``change_of_write`` turns the Workspace's
``(action, payload)`` report into a Change, reading the one event the write logged when the
payload does not name its document), and another program's commits, noticed by
``PRAGMA data_version``, which ``changes_since`` reads back from the event log by id: only the
events after the last one seen, each naming its document and layer.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from annotator.core.changes import Change, ChangeKind

# Writes that add documents or may touch anything (the list reloads for these).
_WHOLE = {
    "import": ChangeKind.DOCUMENTS_ADDED,
    "merge": ChangeKind.WORKSPACE,
    "package": ChangeKind.WORKSPACE,
    "restore": ChangeKind.WORKSPACE,
}
_KINDS = {
    "add_span": ChangeKind.SPANS,
    "update_span": ChangeKind.SPANS,
    "delete_span": ChangeKind.SPANS,
    "restore_span": ChangeKind.SPANS,
    "add_relation": ChangeKind.RELATIONS,
    "delete_relation": ChangeKind.RELATIONS,
    "set_status": ChangeKind.STATUS,
    "add_time": ChangeKind.STATUS,
    "set_published": ChangeKind.DOCUMENT,
    "assign": ChangeKind.ASSIGNMENTS,
}
# More events than this since the last look: cheaper to re-read the list than to go through.
MAX_EVENTS = 2000


def kind_of(action: str) -> ChangeKind:
    return _WHOLE.get(action) or _KINDS.get(action, ChangeKind.REVIEW)


def last_event_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])


def change_of_write(conn: sqlite3.Connection, action: str, payload: dict[str, Any]) -> Change:
    """The Change of a write this program just committed (the interim adapter until the
    Workspace reports Changes itself)."""
    kind = kind_of(action)
    if action in _WHOLE:
        return Change(kind, action, whole_workspace=True, payload=payload)
    span = payload.get("span") or payload.get("after") or {}
    doc_id = payload.get("doc_id") or span.get("doc_id")
    layer = None
    row = conn.execute("SELECT doc_id, layer FROM events ORDER BY id DESC LIMIT 1").fetchone()
    if row is not None and (doc_id is None or row[0] == doc_id):
        doc_id, layer = doc_id or row[0], row[1]
    span_ids = frozenset({span["id"]}) if "id" in span else frozenset()
    return Change(
        kind,
        action,
        frozenset({doc_id}) if doc_id else frozenset(),
        layer,
        span_ids,
        whole_workspace=doc_id is None,
        payload=payload,
    )


def changes_since(conn: sqlite3.Connection, seen: int) -> tuple[list[Change], int]:
    """Changes other programs committed after event ``seen``, and the newest event id.

    One Change per (kind, layer) with the documents it touched. When the log went backwards
    (a restore replaced the file) or holds more than MAX_EVENTS new events, one change that
    says the whole workspace changed.
    """
    newest = last_event_id(conn)
    if newest == seen:
        return [], newest
    rows = conn.execute(
        "SELECT action, doc_id, layer FROM events WHERE id > ? ORDER BY id LIMIT ?",
        [seen, MAX_EVENTS + 1],
    ).fetchall()
    if newest < seen or len(rows) > MAX_EVENTS:
        return [Change(ChangeKind.WORKSPACE, "external_change", whole_workspace=True)], newest
    grouped: dict[tuple[ChangeKind, str | None], set[str]] = {}
    whole: list[Change] = []
    for action, doc_id, layer in rows:
        kind = kind_of(action)
        if action in _WHOLE:
            whole.append(Change(kind, action, whole_workspace=True))
        elif doc_id is not None:
            grouped.setdefault((kind, layer), set()).add(doc_id)
    changes = [
        Change(kind, "external_change", frozenset(docs), layer)
        for (kind, layer), docs in grouped.items()
    ]
    return whole[:1] + changes, newest
