"""The Workspace: the one door through which anything reads or changes a workspace file.

Every public method that writes is one SQLite transaction, validates before it writes and
appends to the event log in that same transaction, so the log never disagrees with the data and
a failed call leaves nothing behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator.core.errors import NotFoundError, ValidationError, WorkspaceError
from annotator.core.fileguard import hold, release
from annotator.core.importer import Importer
from annotator.core.model import (
    GOLD_LAYER,
    Document,
    DocumentSummary,
    Relation,
    Span,
    Status,
    new_id,
)
from annotator.core.records import DocumentRecord, ImportReport
from annotator.core.rows import (
    SPAN_SELECT,
    check_layer_name,
    dumps,
    layer_kind,
    loads,
    normalize_published,
    now,
    relation_from_row,
    relation_row,
    span_from_row,
    span_row,
)
from annotator.core.schema import LabelSchema
from annotator.core.search_index import index_new_documents, search_documents
from annotator.core.store import connect, is_read_only, write_transaction
from annotator.core.text import is_grapheme_boundary


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    """The contract's order: (start, end, label)."""
    return sorted(spans, key=lambda s: (s.start, s.end, s.label, s.id))


class Workspace:
    """A workspace file opened by one user (``who`` signs every event)."""

    def __init__(
        self,
        path: str | Path,
        who: str = "system",
        schema: LabelSchema | None = None,
        *,
        read_only: bool | None = None,
    ):
        self.path = Path(path)
        self.who = who
        # The schema first: a missing resource must fail before the file is created or touched.
        self.schema = schema or LabelSchema.load()
        self.db: sqlite_utils.Database = connect(self.path, read_only=read_only)
        self._held = hold(self.path)
        self._listeners: list[Callable[[str, dict[str, Any]], None]] = []
        # Inside batch(): changes told to listeners only once the whole batch has committed.
        self._pending: list[tuple[str, dict[str, Any]]] | None = None

    # ----------------------------------------------------------------- plumbing
    def close(self) -> None:
        self.db.close()
        release(self._held)
        self._held = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Callable[[str, dict[str, Any]], None]) -> None:
        """Be told of every change after it is committed: (action, payload)."""
        self._listeners.append(listener)

    def _write(
        self,
        action: str,
        doc_id: str | None,
        layer: str | None,
        payload: dict[str, Any],
        work: Callable[[], None],
    ) -> None:
        try:
            with write_transaction(self.db):
                work()
                self._log(action, doc_id, layer, payload)
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(f"{self.path}: the change could not be saved ({exc}).") from exc
        if self._pending is not None:
            self._pending.append((action, payload))
            return
        for listener in self._listeners:
            listener(action, payload)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes as one transaction: all of them or none.

        An edit made of more than one call (moving a quote's link to another speaker deletes
        one relation and adds another) must not stop half-way when the disk fills or the lock
        is lost, or the store would hold a change no undo step describes. Listeners hear of
        the writes after the commit, and never of writes a failure rolled back.
        """
        if self._pending is not None:
            yield
            return
        self._pending = []
        try:
            with write_transaction(self.db):
                yield
            done = self._pending
        finally:
            self._pending = None
        for action, payload in done:
            for listener in self._listeners:
                listener(action, payload)

    def _log(
        self, action: str, doc_id: str | None, layer: str | None, payload: dict[str, Any]
    ) -> None:
        self.db.execute(
            "INSERT INTO events (ts, who, action, doc_id, layer, payload) VALUES (?,?,?,?,?,?)",
            [now(), self.who, action, doc_id, layer, dumps(payload)],
        )

    def _ensure_layer(self, name: str) -> None:
        check_layer_name(name)
        self.db.execute(
            "INSERT OR IGNORE INTO layers (name, kind, created) VALUES (?,?,?)",
            [name, layer_kind(name), now()],
        )

    def events(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.db.execute_returning_dicts(
            "SELECT * FROM events ORDER BY id DESC LIMIT ?", [limit]
        )
        return [{**r, "payload": loads(r["payload"])} for r in rows]

    # ----------------------------------------------------------------- documents
    def documents(self) -> list[DocumentSummary]:
        rows = self.db.execute(
            "SELECT id, title, source, published, length(text) FROM documents ORDER BY rowid"
        ).fetchall()
        return [DocumentSummary(*row) for row in rows]

    def document(self, doc_id: str) -> Document:
        rows = self.db.execute_returning_dicts("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not rows:
            raise NotFoundError(f"No document with id '{doc_id}' in {self.path}.")
        r = rows[0]
        return Document(
            r["id"],
            r["title"],
            r["text"],
            r["sha256"],
            r["source"],
            r["published"],
            loads(r["meta"]),
        )

    def iter_documents(self, doc_ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Documents with their text, in import order, without loading them all at once."""
        wanted = set(doc_ids) if doc_ids is not None else None
        cursor = self.db.execute(
            "SELECT id, title, text, sha256, source, published, meta FROM documents ORDER BY rowid"
        )
        for row in cursor:
            if wanted is None or row[0] in wanted:
                yield Document(*row[:6], meta=loads(row[6]))

    def search(self, query: str, limit: int | None = None) -> Iterator[DocumentSummary]:
        """Documents holding every word of ``query`` in their title or text, in import order.

        Words are matched whole after Arabic folding (hamza forms, alef maqsura, ta marbuta,
        diacritics and tatweel ignored), through the FTS5 index kept by every import.
        """
        for row in search_documents(self.db.conn, query, limit):
            yield DocumentSummary(*row)

    def document_batches(self, size: int = 500) -> Iterator[list[Document]]:
        """Every document with its text, in import order, ``size`` at a time.

        Corpus-wide commands (export, agreement, adjudication, check) read a batch, then that
        batch's spans with ``spans_of_documents``: memory stays flat however large the corpus.
        Keyset paging by rowid, so no cursor stays open while the caller writes.
        """
        last = 0
        while True:
            rows = self.db.conn.execute(
                "SELECT rowid, id, title, text, sha256, source, published, meta FROM documents "
                "WHERE rowid > ? ORDER BY rowid LIMIT ?",
                [last, size],
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [Document(*row[1:7], meta=loads(row[7])) for row in rows]

    def doc_id_batches(self, size: int = 1000) -> Iterator[list[str]]:
        """Every document id in import order, ``size`` at a time (no text read)."""
        last = 0
        while True:
            rows = self.db.conn.execute(
                "SELECT rowid, id FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                [last, size],
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [doc_id for _, doc_id in rows]

    def spans_of_documents(self, layer: str, doc_ids: Sequence[str]) -> dict[str, list[Span]]:
        """A layer's spans of these documents, grouped and sorted as the contract says."""
        grouped: dict[str, list[Span]] = {}
        for chunk in _chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"{SPAN_SELECT} WHERE layer = ? AND doc_id IN ({marks})", [layer, *chunk]
            ):
                grouped.setdefault(row[1], []).append(span_from_row(row))
        return {doc_id: sort_spans(spans) for doc_id, spans in grouped.items()}

    def relations_of_documents(
        self, layer: str, doc_ids: Sequence[str]
    ) -> dict[str, list[Relation]]:
        grouped: dict[str, list[Relation]] = {}
        for chunk in _chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute_returning_dicts(
                f"SELECT * FROM relations WHERE layer = ? AND doc_id IN ({marks}) ORDER BY rowid",
                [layer, *chunk],
            ):
                grouped.setdefault(row["doc_id"], []).append(relation_from_row(row))
        return grouped

    def statuses_of_documents(self, layer: str, doc_ids: Sequence[str]) -> dict[str, Status]:
        found: dict[str, Status] = {}
        for chunk in _chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            found.update(
                (doc_id, Status(status))
                for doc_id, status in self.db.execute(
                    f"SELECT doc_id, status FROM doc_status WHERE layer = ? "
                    f"AND doc_id IN ({marks})",
                    [layer, *chunk],
                )
            )
        return found

    def doc_ids_by_sha(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT sha256, id FROM documents").fetchall())

    def set_published(self, doc_id: str, published: str | None) -> None:
        value = normalize_published(published)
        self.document(doc_id)
        self._write(
            "set_published",
            doc_id,
            None,
            {"doc_id": doc_id, "published": value},
            lambda: self.db.execute(
                "UPDATE documents SET published = ? WHERE id = ?", [value, doc_id]
            ),
        )

    # ----------------------------------------------------------------- layers
    def layers(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM layers ORDER BY name")]

    def annotator_layers(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT name FROM layers WHERE kind = 'annotator' ORDER BY name"
            )
        ]

    # ----------------------------------------------------------------- spans
    def spans(self, doc_id: str, layer: str) -> list[Span]:
        rows = self.db.execute(f"{SPAN_SELECT} WHERE doc_id = ? AND layer = ?", [doc_id, layer])
        return sort_spans(span_from_row(r) for r in rows)

    def span(self, span_id: str) -> Span:
        row = self.db.execute(f"{SPAN_SELECT} WHERE id = ?", [span_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No span with id '{span_id}'.")
        return span_from_row(row)

    def _text(self, doc_id: str) -> str:
        row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No document with id '{doc_id}' in {self.path}.")
        return str(row[0])

    def check_span(
        self, text: str, start: object, end: object, label: str, attrs: dict[str, Any]
    ) -> None:
        """Offsets in range, on grapheme boundaries, non-empty; label and attributes allowed."""
        if type(start) is not int or type(end) is not int:
            raise ValidationError(f"span offsets must be integers, not {start!r} and {end!r}.")
        if not 0 <= start < end <= len(text):
            raise ValidationError(
                f"span {start}-{end} is out of range for a text of {len(text)} characters "
                "(0 <= start < end <= length)."
            )
        for offset in (start, end):
            if not is_grapheme_boundary(text, offset):
                raise ValidationError(
                    f"span {start}-{end} would split a character cluster at offset {offset} "
                    "(a letter and its marks stay together)."
                )
        self.schema.check_span(label, attrs)

    def add_span(
        self,
        doc_id: str,
        layer: str,
        start: int,
        end: int,
        label: str,
        attrs: dict[str, str] | None = None,
        *,
        span_id: str | None = None,
        origin: str = "manual",
        confidence: float | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> Span:
        span = Span(
            span_id or new_id(),
            doc_id,
            layer,
            start,
            end,
            label,
            dict(attrs or {}),
            origin,
            confidence,
            dict(provenance or {}),
        )
        self.check_span(self._text(doc_id), start, end, label, span.attrs)
        check_layer_name(layer)

        def work() -> None:
            self._ensure_layer(layer)
            self.db.table("spans").insert(span_row(span, self.who))
            self._touch_status(doc_id, layer)

        self._write("add_span", doc_id, layer, {"span": _span_payload(span)}, work)
        return span

    def update_span(
        self,
        span_id: str,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
        attrs: dict[str, str] | None = None,
    ) -> Span:
        old = self.span(span_id)
        new = replace(
            old,
            start=old.start if start is None else start,
            end=old.end if end is None else end,
            label=old.label if label is None else label,
            attrs=old.attrs if attrs is None else dict(attrs),
        )
        self.check_span(self._text(old.doc_id), new.start, new.end, new.label, new.attrs)
        if new.label != old.label:
            for rel in self._relations_touching(span_id):
                head = new if rel.head == span_id else self.span(rel.head)
                child = new if rel.child == span_id else self.span(rel.child)
                self.schema.check_relation(rel.label, head.label, child.label)

        def work() -> None:
            self.db.execute(
                'UPDATE spans SET start=?, "end"=?, label=?, attrs=?, author=?, updated=? '
                "WHERE id=?",
                [new.start, new.end, new.label, dumps(new.attrs), self.who, now(), span_id],
            )
            self._touch_status(old.doc_id, old.layer)

        self._write(
            "update_span",
            old.doc_id,
            old.layer,
            {"before": _span_payload(old), "after": _span_payload(new)},
            work,
        )
        return new

    def delete_span(self, span_id: str) -> tuple[Span, list[Relation]]:
        """Delete a span and the relations that use it; returns both so undo can restore them."""
        span = self.span(span_id)
        rels = self._relations_touching(span_id)

        def work() -> None:
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])
            self._touch_status(span.doc_id, span.layer)

        self._write(
            "delete_span",
            span.doc_id,
            span.layer,
            {"span": _span_payload(span), "relations": [r.id for r in rels]},
            work,
        )
        return span, rels

    def restore_span(self, span: Span, relations: Iterable[Relation] = ()) -> None:
        """Put back a deleted span with its id and relations (the undo of delete_span)."""
        rels = list(relations)
        self.check_span(self._text(span.doc_id), span.start, span.end, span.label, span.attrs)

        def work() -> None:
            self._ensure_layer(span.layer)
            self.db.table("spans").insert(span_row(span, self.who))
            if rels:
                self.db.table("relations").insert_all(relation_row(r, self.who) for r in rels)
            self._touch_status(span.doc_id, span.layer)

        self._write(
            "restore_span",
            span.doc_id,
            span.layer,
            {"span": _span_payload(span), "relations": [r.id for r in rels]},
            work,
        )

    # ----------------------------------------------------------------- relations
    def relations(self, doc_id: str, layer: str) -> list[Relation]:
        rows = self.db.execute_returning_dicts(
            "SELECT * FROM relations WHERE doc_id = ? AND layer = ? ORDER BY rowid",
            [doc_id, layer],
        )
        return [relation_from_row(r) for r in rows]

    def spans_by_document(self, layer: str) -> dict[str, list[Span]]:
        """All of a layer's spans grouped by document, in one query (for export and review)."""
        grouped: dict[str, list[Span]] = {}
        for row in self.db.execute(
            f'{SPAN_SELECT} WHERE layer = ? ORDER BY doc_id, start, "end", label, id', [layer]
        ):
            grouped.setdefault(row[1], []).append(span_from_row(row))
        return grouped

    def relations_by_document(self, layer: str) -> dict[str, list[Relation]]:
        grouped: dict[str, list[Relation]] = {}
        for row in self.db.execute_returning_dicts(
            "SELECT * FROM relations WHERE layer = ? ORDER BY doc_id, rowid", [layer]
        ):
            grouped.setdefault(row["doc_id"], []).append(relation_from_row(row))
        return grouped

    def contributors_by_document(
        self, doc_ids: Sequence[str] | None = None
    ) -> dict[str, list[str]]:
        """Per document (of ``doc_ids``, or all), the annotator layers that have worked on it
        (spans or a status)."""
        grouped: dict[str, list[str]] = {}
        for chunk in [None] if doc_ids is None else _chunks(doc_ids):
            where = "" if chunk is None else f" AND {{t}}.doc_id IN ({','.join('?' * len(chunk))})"
            params = [] if chunk is None else [*chunk, *chunk]
            rows = self.db.execute(
                "SELECT DISTINCT s.doc_id, s.layer FROM spans s JOIN layers l ON l.name = s.layer "
                "WHERE l.kind = 'annotator'" + where.format(t="s") + " UNION "
                "SELECT d.doc_id, d.layer FROM doc_status d JOIN layers l ON l.name = d.layer "
                "WHERE l.kind = 'annotator' AND d.status != 'new'" + where.format(t="d") + " "
                "ORDER BY 1, 2",
                params,
            )
            for doc_id, layer in rows:
                grouped.setdefault(doc_id, []).append(layer)
        return grouped

    def _relations_touching(self, span_id: str) -> list[Relation]:
        rows = self.db.execute_returning_dicts(
            "SELECT * FROM relations WHERE head = ? OR child = ? ORDER BY rowid",
            [span_id, span_id],
        )
        return [relation_from_row(r) for r in rows]

    def add_relation(
        self, head_id: str, child_id: str, label: str, *, relation_id: str | None = None
    ) -> Relation:
        head, child = self.span(head_id), self.span(child_id)
        if (head.doc_id, head.layer) != (child.doc_id, child.layer):
            raise ValidationError("A relation links two spans of the same document and layer.")
        self.schema.check_relation(label, head.label, child.label)
        existing = self.db.execute(
            "SELECT id FROM relations WHERE head = ? AND child = ? AND label = ?",
            [head_id, child_id, label],
        ).fetchone()
        if existing:
            raise ValidationError(f"These two spans are already linked by '{label}'.")
        rel = Relation(relation_id or new_id(), head.doc_id, head.layer, head_id, child_id, label)

        def work() -> None:
            self.db.table("relations").insert(relation_row(rel, self.who))
            self._touch_status(rel.doc_id, rel.layer)

        self._write("add_relation", rel.doc_id, rel.layer, {"relation": _rel_payload(rel)}, work)
        return rel

    def delete_relation(self, relation_id: str) -> Relation:
        rows = self.db.execute_returning_dicts(
            "SELECT * FROM relations WHERE id = ?", [relation_id]
        )
        if not rows:
            raise NotFoundError(f"No relation with id '{relation_id}'.")
        rel = relation_from_row(rows[0])

        def work() -> None:
            self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
            self._touch_status(rel.doc_id, rel.layer)

        self._write("delete_relation", rel.doc_id, rel.layer, {"relation": _rel_payload(rel)}, work)
        return rel

    # ----------------------------------------------------------------- status
    def status(self, doc_id: str, layer: str) -> Status:
        row = self.db.execute(
            "SELECT status FROM doc_status WHERE doc_id = ? AND layer = ?", [doc_id, layer]
        ).fetchone()
        return Status(row[0]) if row else Status.NEW

    def statuses(self, layer: str) -> dict[str, Status]:
        rows = self.db.execute(
            "SELECT doc_id, status FROM doc_status WHERE layer = ?", [layer]
        ).fetchall()
        return {doc_id: Status(status) for doc_id, status in rows}

    def set_status(self, doc_id: str, layer: str, status: Status | str) -> None:
        value = _parse_status(status)
        self.document(doc_id)
        check_layer_name(layer)

        def work() -> None:
            self._ensure_layer(layer)
            self.db.execute(
                "INSERT INTO doc_status (doc_id, layer, status, updated) VALUES (?,?,?,?) "
                "ON CONFLICT (doc_id, layer) DO UPDATE SET status = excluded.status, "
                "updated = excluded.updated",
                [doc_id, layer, value.value, now()],
            )

        self._write("set_status", doc_id, layer, {"status": value.value}, work)

    def add_time(self, doc_id: str, layer: str, seconds: float) -> None:
        """Record time an annotator spent on a document (the GUI reports it on leaving)."""
        if seconds <= 0:
            return
        check_layer_name(layer)

        def work() -> None:
            self._ensure_layer(layer)
            self.db.execute(
                "INSERT INTO doc_status (doc_id, layer, status, seconds, updated) "
                "VALUES (?,?,?,?,?) ON CONFLICT (doc_id, layer) DO UPDATE SET "
                "seconds = seconds + excluded.seconds, updated = excluded.updated",
                [doc_id, layer, Status.NEW.value, seconds, now()],
            )

        self._write("add_time", doc_id, layer, {"seconds": round(seconds, 3)}, work)

    def seconds_spent(self, doc_id: str, layer: str) -> float:
        row = self.db.execute(
            "SELECT seconds FROM doc_status WHERE doc_id = ? AND layer = ?", [doc_id, layer]
        ).fetchone()
        return float(row[0]) if row else 0.0

    def _touch_status(self, doc_id: str, layer: str) -> None:
        """A first edit moves a document from new to in progress for that layer."""
        self.db.execute(
            "INSERT INTO doc_status (doc_id, layer, status, updated) VALUES (?,?,?,?) "
            "ON CONFLICT (doc_id, layer) DO UPDATE SET status = 'in_progress', "
            "updated = excluded.updated WHERE status = 'new'",
            [doc_id, layer, Status.IN_PROGRESS.value, now()],
        )

    # ----------------------------------------------------------------- settings
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        """Settings are view state (last document, scroll): not logged as events."""
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    # ----------------------------------------------------------------- import
    def import_records(
        self,
        records: Iterable[DocumentRecord],
        layer: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Validate and write every record in one transaction: all of them or nothing."""
        return Importer(self, layer).run(records, progress)

    # ----------------------------------------------------------------- robustness
    @property
    def read_only(self) -> bool:
        """True when opened read-only (asked for, or the file or its folder is not writable);
        every write then raises ReadOnlyError. The GUI shows a banner from this."""
        return is_read_only(self.db)

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection commits (the
        CLI, a second window), never for this one's own writes (see core/watch.py)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # ----------------------------------------------------------------- review (bulk, audit)
    def write_logged(
        self,
        action: str,
        payload: dict[str, Any],
        work: Callable[[], None],
        per_document: Iterable[tuple[str, str | None, dict[str, Any]]] = (),
        doc_id: str | None = None,
        layer: str | None = None,
    ) -> None:
        """One transaction for a bulk change made above the core (auto-adjudication, merge).

        ``work`` writes the rows; the change is logged as one summary event plus one event per
        ``(doc_id, layer, payload)`` entry, so each document keeps its own audit trail while the
        whole operation stays all or nothing. ``doc_id``/``layer`` label the summary event when
        the change concerns one document.
        """
        entries = list(per_document)

        def logged() -> None:
            work()
            index_new_documents(self.db)  # a merge or a package may have added documents
            for doc_id, layer, doc_payload in entries:
                self._log(action, doc_id, layer, doc_payload)

        self._write(action, doc_id, layer, payload, logged)

    def adjudicators_by_document(self, doc_ids: Sequence[str] | None = None) -> dict[str, str]:
        """Per document (of ``doc_ids``, or all), who decided its gold layer.

        That is who last marked it adjudicated, or else who last changed its gold layer; the
        export names this person so a gold file says whose judgement it holds.
        """
        last: dict[str, str] = {}
        marked: dict[str, str] = {}
        for chunk in [None] if doc_ids is None else _chunks(doc_ids):
            where = "" if chunk is None else f" AND doc_id IN ({','.join('?' * len(chunk))})"
            rows = self.db.execute(
                "SELECT doc_id, who, action IN ('set_status', 'import_adjudication') AND "
                "json_extract(payload, '$.status') = 'adjudicated' FROM events "
                "WHERE layer = ? AND doc_id IS NOT NULL" + where + " ORDER BY id",
                [GOLD_LAYER, *(chunk or [])],
            )
            for doc_id, who, is_mark in rows:
                last[doc_id] = who
                if is_mark:
                    marked[doc_id] = who
        return {**last, **marked}

    # ----------------------------------------------------------------- annotation window (gui)
    def attribute_values(self, label: str, attribute: str) -> list[str]:
        """Distinct non-empty values of one attribute over all spans of ``label``, sorted.

        The span form offers them as completions (a SPEAKER's entity), so every mention of one
        source gets the same canonical name across documents and annotators.
        """
        rows = self.db.execute(
            "SELECT DISTINCT json_extract(attrs, '$.' || ?) AS v FROM spans "
            "WHERE label = ? AND v IS NOT NULL AND v != '' ORDER BY v",
            [attribute, label],
        )
        return [str(r[0]) for r in rows]

    def spans_fast(
        self, doc_id: str, layer: str, reuse: Mapping[tuple[Any, ...], Span] | None = None
    ) -> dict[tuple[Any, ...], Span]:
        """The same spans as ``spans()``, keyed by their stored row, for redrawing after edits.

        The annotation window re-reads a document's layer after every change. With thousands
        of spans, building row dicts and Span objects is most of the cost, so this reads plain
        tuples and takes the Span from ``reuse`` (the previous result) when its row is
        unchanged: an edit costs one new Span, and unchanged spans stay the same objects.
        """
        reuse = reuse or {}
        rows = self.db.conn.execute(
            'SELECT id, start, "end", label, attrs, origin, confidence, provenance FROM spans '
            'WHERE doc_id = ? AND layer = ? ORDER BY start, "end", label, id',
            [doc_id, layer],
        )
        result: dict[tuple[Any, ...], Span] = {}
        for row in rows:
            span = reuse.get(row)
            if span is None:
                sid, start, end, label, attrs, origin, confidence, provenance = row
                span = Span(
                    sid,
                    doc_id,
                    layer,
                    start,
                    end,
                    label,
                    loads(attrs) if attrs != "{}" else {},
                    origin,
                    confidence,
                    loads(provenance) if provenance != "{}" else {},
                )
            result[row] = span
        return result


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    """Slices small enough for SQLite's limit on parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _parse_status(status: Status | str) -> Status:
    try:
        return Status(status)
    except ValueError as exc:
        allowed = ", ".join(s.value for s in Status)
        raise ValidationError(f"Unknown status {status!r} (allowed: {allowed}).") from exc


def _span_payload(span: Span) -> dict[str, Any]:
    return {
        "id": span.id,
        "doc_id": span.doc_id,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "attrs": span.attrs,
    }


def _rel_payload(rel: Relation) -> dict[str, Any]:
    return {"id": rel.id, "head": rel.head, "child": rel.child, "label": rel.label}
