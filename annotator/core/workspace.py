"""The Workspace: the one door through which anything reads or changes a workspace file.

Every public method that writes is one SQLite transaction, validates before it writes and
appends to the event log in that same transaction, so the log never disagrees with the data and
a failed call leaves nothing behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlite_utils

from annotator.core.backups import RESTORE_HINT
from annotator.core.batches import document_batches
from annotator.core.changes import Change, ChangeKind
from annotator.core.errors import NotFoundError, ValidationError, WorkspaceError
from annotator.core.fileguard import hold, release
from annotator.core.fileschema import schema_differences
from annotator.core.importer import Importer
from annotator.core.model import (
    GOLD_LAYER,
    Document,
    DocumentSummary,
    GoldState,
    Note,
    Relation,
    Span,
    Status,
    StoredModel,
    new_id,
)
from annotator.core.notes import NOTE_SELECT, check_note_text, note_from_row
from annotator.core.records import DocumentRecord, ImportReport
from annotator.core.rowchecks import check_offsets
from annotator.core.rows import (
    SPAN_SELECT,
    check_layer_name,
    loads,
    normalize_published,
    now,
    relation_from_row,
    span_from_row,
)
from annotator.core.schema import LabelSchema
from annotator.core.schema_change import SchemaMigration, breakage
from annotator.core.search_index import search_documents
from annotator.core.store import SCHEMA_VERSION, connect, is_read_only, write_transaction
from annotator.core.tables import Writer

_RELATION_COLUMNS = "id, doc_id, layer, head, child, label, author, updated"
_EVENT_COLUMNS = "id, ts, who, action, doc_id, layer, payload"
_DOCUMENT_COLUMNS = "id, title, text, sha256, source, published, meta, created"


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


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
        foreign_schema_ok: bool = False,
        daily_backup: bool = True,
    ):
        self.path = Path(path)
        self.who = who
        # A new file gets the bundled default: a missing resource must fail before the file
        # is created. An existing workspace carries its own schema (read on first use).
        if schema is None and not self.path.exists():
            LabelSchema.load()
        # ``schema`` overrides the stored one for this object only (tools reading with
        # another tool's schema); ``set_schema`` is how a workspace's schema changes.
        self._schema_override = schema
        self._schema: LabelSchema | None = None
        self._db: sqlite_utils.Database = connect(
            self.path,
            read_only=read_only,
            foreign_schema_ok=foreign_schema_ok,
            daily_backup=daily_backup,
        )
        self._held: Any = hold(self.path)
        self._listeners: list[Callable[[Change], None]] = []
        # Inside a transaction: changes told to listeners only once the outermost one commits.
        self._pending: list[Change] | None = None

    # ----------------------------------------------------------------- the label schema
    @property
    def schema(self) -> LabelSchema:
        """The workspace's own label schema (stored in it; the bundled file is only the
        default a new workspace starts from), checked as untrusted input when first read."""
        if self._schema_override is not None:
            return self._schema_override
        if self._schema is None:
            row = self._db.execute("SELECT body FROM label_schema WHERE id = 1").fetchone()
            if row is None:
                raise WorkspaceError(f"{self.path} holds no label schema; {RESTORE_HINT}.")
            self._schema = LabelSchema.parse(str(row[0]), f"{self.path} (its stored schema)")
        return self._schema

    def reload_schema(self) -> None:
        """Forget the schema read so far (another program may have changed it)."""
        self._schema = None

    def set_schema(
        self, schema: LabelSchema, migration: SchemaMigration | None = None
    ) -> dict[str, int]:
        """Make ``schema`` the workspace's, in one transaction with the migration of spans.

        Refused (ValidationError, nothing changed) when existing spans or relations of any
        layer would break it after ``migration``; the error gives the count and examples.
        Returns how many spans and relations were relabelled or recoded.
        """
        migration = migration or SchemaMigration()
        migration.check(schema, "--migrate")
        counts = {"spans_relabelled": 0, "values_recoded": 0, "relations_relabelled": 0}
        payload = {"labels": list(schema.labels), "migration": migration.to_dict()}
        try:
            with self.writing(
                "set_schema", ChangeKind.SCHEMA, payload=payload, whole_workspace=True
            ) as w:
                broken = breakage(self, schema, migration)
                if broken:
                    raise ValidationError(broken.sentence())
                for key, recode in migration.values.items():
                    label, attribute = key.split(".", 1)
                    for old, new in recode.items():
                        counts["values_recoded"] += w.recode_attribute(label, attribute, old, new)
                for old, new in migration.labels.items():
                    counts["spans_relabelled"] += w.relabel_spans(old, new)
                for old, new in migration.relations.items():
                    counts["relations_relabelled"] += w.relabel_relations(old, new)
                w.put_schema(schema.to_json())
                w.payload.update(counts)
                self._schema = schema
        except sqlite3.IntegrityError as exc:
            self._schema = None
            raise ValidationError(f"The migration would make two links the same ({exc}).") from exc
        except BaseException:
            self._schema = None
            raise
        return counts

    # ----------------------------------------------------------------- plumbing
    def close(self) -> None:
        self._db.close()
        release(self._held)
        self._held = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Be told of every committed write transaction, after its commit, as one ``Change``.

        Writes grouped by ``batch()`` (or a ``writing()`` inside another) are told one
        ``Change`` each, in order, once the outermost transaction has committed; nothing is
        told of a transaction that rolled back.
        """
        self._listeners.append(listener)

    @contextmanager
    def writing(
        self,
        action: str,
        kind: ChangeKind,
        *,
        doc_id: str | None = None,
        layer: str | None = None,
        payload: dict[str, Any] | None = None,
        log: bool = True,
        whole_workspace: bool = False,
    ) -> Iterator[Writer]:
        """The one way to write: one transaction whose rows the yielded Writer checks.

        Read what the change depends on inside the block: the write lock is held from its
        start (BEGIN IMMEDIATE), so two processes never both act on the same old state. When
        the block ends the event ``action`` is logged (``doc_id``, ``layer`` and the writer's
        ``payload``, which starts as ``payload``), then the commit, then subscribers get one
        ``Change`` of ``kind`` naming the documents, layer, spans and relations written::

            with ws.writing("set_status", ChangeKind.STATUS, doc_id=d, layer=l) as w:
                w.set_status(d, l, Status.DONE)
        """
        writer = Writer(self._db.conn, self.who, lambda: self.schema)
        writer.payload = dict(payload or {})
        outermost = self._pending is None
        pending: list[Change] = [] if self._pending is None else self._pending
        self._pending = pending
        try:
            with write_transaction(self._db):
                yield writer
                if log and writer.log_event:
                    writer.log(action, doc_id, layer, writer.payload)
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(f"{self.path}: the change could not be saved ({exc}).") from exc
        finally:
            if outermost:
                self._pending = None
        if doc_id is not None:
            writer.doc_ids.add(doc_id)
        layers = writer.layers | ({layer} if layer else set())
        pending.append(
            Change(
                kind,
                action,
                frozenset(writer.doc_ids),
                layer if layer else (next(iter(layers)) if len(layers) == 1 else None),
                frozenset(writer.span_ids),
                frozenset(writer.relation_ids),
                whole_workspace or writer.whole_workspace,
                writer.payload,
            )
        )
        if outermost:
            self._tell(pending)

    def _tell(self, changes: Iterable[Change]) -> None:
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes as one transaction: all of them or none.

        An edit made of more than one call (moving a quote's link to another speaker deletes
        one relation and adds another) must not stop half-way when the disk fills or the lock
        is lost, or the store would hold a change no undo step describes. Listeners hear of
        the writes (one ``Change`` each) after the commit, never of writes a failure rolled
        back.
        """
        if self._pending is not None:
            yield
            return
        self._pending = []
        try:
            with write_transaction(self._db):
                yield
            done = self._pending
        except BaseException:
            self._schema = None  # a schema set inside the batch was rolled back with it
            raise
        finally:
            self._pending = None
        self._tell(done)

    def tell_external(self, change: Change) -> None:
        """Tell subscribers of a change another program committed (see core/watch.py)."""
        if change.kind in (ChangeKind.SCHEMA, ChangeKind.WORKSPACE) or change.whole_workspace:
            self._schema = None
        self._tell([change])

    def events_since(self, event_id: int) -> list[tuple[int, str, str | None, str | None]]:
        """(id, action, doc_id, layer) of the events logged after ``event_id``, in order."""
        return [
            (int(r[0]), str(r[1]), r[2], r[3])
            for r in self._db.execute(
                "SELECT id, action, doc_id, layer FROM events WHERE id > ? ORDER BY id",
                [event_id],
            )
        ]

    def last_event_id(self) -> int:
        row = self._db.execute("SELECT max(id) FROM events").fetchone()
        return int(row[0] or 0)

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Cursor:
        """Rows of one read-only statement, for read models above the core (review, checks).

        SQLite's authorizer refuses anything but reading while the statement is prepared, so
        this can never become a side door for writes: those go through ``writing()``.
        """
        conn = self._db.conn
        conn.set_authorizer(_read_only_authorizer)
        try:
            return conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            if "not authorized" in str(exc):
                raise WorkspaceError(f"Not a read-only statement: {sql[:60]!r}.") from exc
            raise
        finally:
            conn.set_authorizer(None)

    @contextmanager
    def lenient_text(self) -> Iterator[None]:
        """Reads inside decode text that is not UTF-8 (raw SQL can store any bytes) with its
        bad bytes as lone surrogates, for ``check`` to report them instead of failing."""
        conn = self._db.conn
        text_factory = conn.text_factory
        conn.text_factory = _lenient_text
        try:
            yield
        finally:
            conn.text_factory = text_factory

    @contextmanager
    def progress_handler(self, handler: Callable[[], int], every: int = 100_000) -> Iterator[None]:
        """SQLite calls ``handler`` every ``every`` virtual-machine steps of a statement; a
        true result interrupts the statement. What lets Ctrl+C stop a statement that runs for
        minutes in C (an integrity check of a large file), where Python cannot raise."""
        conn = self._db.conn
        conn.set_progress_handler(handler, every)
        try:
            yield
        finally:
            conn.set_progress_handler(None, 0)

    def schema_differences(self) -> list[str]:
        """How this file's schema differs from what our migrations create (``check``)."""
        return schema_differences(self._db.conn, SCHEMA_VERSION)

    def query_dicts(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        cursor = self.query(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    def events(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self._db.execute_returning_dicts(
            f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY id DESC LIMIT ?", [limit]
        )
        return [{**r, "payload": loads(r["payload"])} for r in rows]

    # ----------------------------------------------------------------- documents
    def documents(self) -> list[DocumentSummary]:
        rows = self._db.execute(
            "SELECT id, title, source, published, length(text) FROM documents ORDER BY rowid"
        ).fetchall()
        return [DocumentSummary(*row) for row in rows]

    def document(self, doc_id: str) -> Document:
        rows = self._db.execute_returning_dicts(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [doc_id]
        )
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
        cursor = self._db.execute(
            "SELECT id, title, text, sha256, source, published, meta FROM documents ORDER BY rowid"
        )
        for row in cursor:
            if wanted is None or row[0] in wanted:
                doc_id, title, text, sha, source, published, meta = row
                yield Document(doc_id, title, text, sha, source, published, loads(meta))

    def search(self, query: str, limit: int | None = None) -> Iterator[DocumentSummary]:
        """Documents holding every word of ``query`` in their title or text, in import order.

        Words are matched whole after Arabic folding (hamza forms, alef maqsura, ta marbuta,
        diacritics and tatweel ignored), through the FTS5 index kept by every import.
        """
        for row in search_documents(self._db.conn, query, limit):
            yield DocumentSummary(*row)

    def document_batches(self, size: int = 500) -> Iterator[list[Document]]:
        """Every document with its text, in import order, ``size`` at a time.

        Corpus-wide commands (export, agreement, adjudication, check) read a batch, then that
        batch's spans with ``spans_of_documents``: memory stays flat however large the corpus.
        Keyset paging by rowid, so no cursor stays open while the caller writes.
        """
        return document_batches(self, size)

    def doc_id_batches(self, size: int = 1000) -> Iterator[list[str]]:
        """Every document id in import order, ``size`` at a time (no text read)."""
        last = 0
        while True:
            rows = self._db.conn.execute(
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
            for row in self._db.execute(
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
            for row in self._db.execute_returning_dicts(
                f"SELECT {_RELATION_COLUMNS} FROM relations "
                f"WHERE layer = ? AND doc_id IN ({marks}) ORDER BY rowid",
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
                for doc_id, status in self._db.execute(
                    f"SELECT doc_id, status FROM doc_status WHERE layer = ? "
                    f"AND doc_id IN ({marks})",
                    [layer, *chunk],
                )
            )
        return found

    def doc_ids_by_sha(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT sha256, id FROM documents").fetchall())

    def set_published(self, doc_id: str, published: str | None) -> None:
        value = normalize_published(published)
        self.document(doc_id)
        payload = {"doc_id": doc_id, "published": value}
        with self.writing(
            "set_published", ChangeKind.DOCUMENT, doc_id=doc_id, payload=payload
        ) as w:
            w.set_published(doc_id, value)

    # ----------------------------------------------------------------- layers
    def layers(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT name FROM layers ORDER BY name")]

    def annotator_layers(self) -> list[str]:
        return [
            r[0]
            for r in self._db.execute(
                "SELECT name FROM layers WHERE kind = 'annotator' ORDER BY name"
            )
        ]

    # ----------------------------------------------------------------- spans
    def spans(self, doc_id: str, layer: str) -> list[Span]:
        rows = self._db.execute(f"{SPAN_SELECT} WHERE doc_id = ? AND layer = ?", [doc_id, layer])
        return sort_spans(span_from_row(r) for r in rows)

    def span_place(self, span_id: str) -> tuple[str, str] | None:
        """The (document, layer) of a span id, or None when no span has it."""
        row = self._db.execute("SELECT doc_id, layer FROM spans WHERE id = ?", [span_id]).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def has_relation(self, relation_id: str) -> bool:
        sql = "SELECT 1 FROM relations WHERE id = ?"
        return self._db.execute(sql, [relation_id]).fetchone() is not None

    def span(self, span_id: str) -> Span:
        row = self._db.execute(f"{SPAN_SELECT} WHERE id = ?", [span_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No span with id '{span_id}'.")
        return span_from_row(row)

    def _writing_spans(
        self, action: str, doc_id: str, layer: str, payload: dict[str, Any]
    ) -> AbstractContextManager[Writer]:
        return self.writing(action, ChangeKind.SPANS, doc_id=doc_id, layer=layer, payload=payload)

    def text(self, doc_id: str) -> str:
        """A document's text alone (cheaper than ``document()`` for checks and suggestions)."""
        return self._text(doc_id)

    def _text(self, doc_id: str) -> str:
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No document with id '{doc_id}' in {self.path}.")
        return str(row[0])

    def check_span(
        self, text: str, start: object, end: object, label: str, attrs: dict[str, Any]
    ) -> None:
        """Offsets in range, on grapheme boundaries, non-empty; label and attributes allowed."""
        check_offsets(text, start, end)
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
        payload = {"span": _span_payload(span)}
        with self._writing_spans("add_span", doc_id, layer, payload) as w:
            w.ensure_layer(layer)
            w.insert_spans([span])
            w.touch_status([doc_id], layer)
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

        payload = {"before": _span_payload(old), "after": _span_payload(new)}
        with self._writing_spans("update_span", old.doc_id, old.layer, payload) as w:
            w.update_span(new)
            w.touch_status([old.doc_id], old.layer)
        return new

    def delete_span(self, span_id: str) -> tuple[Span, list[Relation]]:
        """Delete a span and the relations that use it; returns both so undo can restore them."""
        span = self.span(span_id)
        rels = self._relations_touching(span_id)

        payload = {"span": _span_payload(span), "relations": [r.id for r in rels]}
        with self._writing_spans("delete_span", span.doc_id, span.layer, payload) as w:
            w.delete_spans([span])
            w.relation_ids.update(r.id for r in rels)
            w.touch_status([span.doc_id], span.layer)
        return span, rels

    def restore_span(self, span: Span, relations: Iterable[Relation] = ()) -> None:
        """Put back a deleted span with its id and relations (the undo of delete_span)."""
        rels = list(relations)
        self.check_span(self._text(span.doc_id), span.start, span.end, span.label, span.attrs)

        payload = {"span": _span_payload(span), "relations": [r.id for r in rels]}
        with self._writing_spans("restore_span", span.doc_id, span.layer, payload) as w:
            w.ensure_layer(span.layer)
            w.insert_spans([span])
            w.insert_relations(rels)
            w.touch_status([span.doc_id], span.layer)

    # ----------------------------------------------------------------- relations
    def relations(self, doc_id: str, layer: str) -> list[Relation]:
        rows = self._db.execute_returning_dicts(
            f"SELECT {_RELATION_COLUMNS} FROM relations WHERE doc_id = ? AND layer = ? "
            "ORDER BY rowid",
            [doc_id, layer],
        )
        return [relation_from_row(r) for r in rows]

    def spans_by_document(self, layer: str) -> dict[str, list[Span]]:
        """All of a layer's spans grouped by document, in one query (for export and review)."""
        grouped: dict[str, list[Span]] = {}
        for row in self._db.execute(
            f'{SPAN_SELECT} WHERE layer = ? ORDER BY doc_id, start, "end", label, id', [layer]
        ):
            grouped.setdefault(row[1], []).append(span_from_row(row))
        return grouped

    def relations_by_document(self, layer: str) -> dict[str, list[Relation]]:
        grouped: dict[str, list[Relation]] = {}
        for row in self._db.execute_returning_dicts(
            f"SELECT {_RELATION_COLUMNS} FROM relations WHERE layer = ? ORDER BY doc_id, rowid",
            [layer],
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
            rows = self._db.execute(
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
        rows = self._db.execute_returning_dicts(
            f"SELECT {_RELATION_COLUMNS} FROM relations WHERE head = ? OR child = ? ORDER BY rowid",
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
        existing = self._db.execute(
            "SELECT id FROM relations WHERE head = ? AND child = ? AND label = ?",
            [head_id, child_id, label],
        ).fetchone()
        if existing:
            raise ValidationError(f"These two spans are already linked by '{label}'.")
        rel = Relation(relation_id or new_id(), head.doc_id, head.layer, head_id, child_id, label)

        payload = {"relation": _rel_payload(rel)}
        with self.writing(
            "add_relation",
            ChangeKind.RELATIONS,
            doc_id=rel.doc_id,
            layer=rel.layer,
            payload=payload,
        ) as w:
            w.insert_relations([rel])
            w.touch_status([rel.doc_id], rel.layer)
        return rel

    def delete_relation(self, relation_id: str) -> Relation:
        rows = self._db.execute_returning_dicts(
            f"SELECT {_RELATION_COLUMNS} FROM relations WHERE id = ?", [relation_id]
        )
        if not rows:
            raise NotFoundError(f"No relation with id '{relation_id}'.")
        rel = relation_from_row(rows[0])

        payload = {"relation": _rel_payload(rel)}
        with self.writing(
            "delete_relation",
            ChangeKind.RELATIONS,
            doc_id=rel.doc_id,
            layer=rel.layer,
            payload=payload,
        ) as w:
            w.delete_relations([rel])
            w.touch_status([rel.doc_id], rel.layer)
        return rel

    # ----------------------------------------------------------------- status
    def status(self, doc_id: str, layer: str) -> Status:
        row = self._db.execute(
            "SELECT status FROM doc_status WHERE doc_id = ? AND layer = ?", [doc_id, layer]
        ).fetchone()
        return Status(row[0]) if row else Status.NEW

    def statuses(self, layer: str) -> dict[str, Status]:
        rows = self._db.execute(
            "SELECT doc_id, status FROM doc_status WHERE layer = ?", [layer]
        ).fetchall()
        return {doc_id: Status(status) for doc_id, status in rows}

    def set_status(self, doc_id: str, layer: str, status: Status | str) -> None:
        value = _parse_status(status)
        self.document(doc_id)
        check_layer_name(layer)

        with self.writing(
            "set_status",
            ChangeKind.STATUS,
            doc_id=doc_id,
            layer=layer,
            payload={"status": value.value},
        ) as w:
            w.set_status(doc_id, layer, value)

    def add_time(self, doc_id: str, layer: str, seconds: float) -> None:
        """Record time an annotator spent on a document (the GUI reports it on leaving)."""
        if seconds <= 0:
            return
        check_layer_name(layer)

        with self.writing(
            "add_time",
            ChangeKind.STATUS,
            doc_id=doc_id,
            layer=layer,
            payload={"seconds": round(seconds, 3)},
        ) as w:
            w.add_seconds(doc_id, layer, seconds)

    def seconds_spent(self, doc_id: str, layer: str) -> float:
        row = self._db.execute(
            "SELECT seconds FROM doc_status WHERE doc_id = ? AND layer = ?", [doc_id, layer]
        ).fetchone()
        return float(row[0]) if row else 0.0

    # ----------------------------------------------------------------- gold (review undo)
    def gold_state(self, doc_id: str) -> GoldState:
        """Everything a review decision can change in one document's gold."""
        rows = self._db.execute(
            "SELECT conflict, action, keys, who, reason, decided FROM resolutions "
            "WHERE doc_id = ? ORDER BY conflict",
            [doc_id],
        ).fetchall()
        return GoldState(
            doc_id,
            tuple(self.spans(doc_id, GOLD_LAYER)),
            tuple(self.relations(doc_id, GOLD_LAYER)),
            self.status(doc_id, GOLD_LAYER),
            tuple(tuple(row) for row in rows),
        )

    def restore_gold(self, state: GoldState) -> None:
        """Make a document's gold what ``state`` holds again, keeping span and relation ids
        (the undo and redo of a review decision), in one transaction."""
        doc_id = state.doc_id
        with self.writing("restore_gold", ChangeKind.REVIEW, doc_id=doc_id, layer=GOLD_LAYER) as w:
            now_spans = {s.id: s for s in self.spans(doc_id, GOLD_LAYER)}
            wanted = {s.id: s for s in state.spans}
            w.delete_spans(s for sid, s in now_spans.items() if wanted.get(sid) != s)
            w.insert_spans(s for sid, s in wanted.items() if now_spans.get(sid) != s)
            now_rels = {r.id: r for r in self.relations(doc_id, GOLD_LAYER)}
            wanted_rels = {r.id: r for r in state.relations}
            w.delete_relations(r for rid, r in now_rels.items() if wanted_rels.get(rid) != r)
            w.insert_relations(r for rid, r in wanted_rels.items() if now_rels.get(rid) != r)
            if self.status(doc_id, GOLD_LAYER) != state.status:
                w.set_status(doc_id, GOLD_LAYER, state.status)
            w.replace_resolutions(doc_id, state.resolutions)
            w.payload.update({"spans": sorted(wanted), "relations": sorted(wanted_rels)})

    # ----------------------------------------------------------------- notes
    def notes(self, doc_id: str, layer: str | None = None) -> list[Note]:
        """A document's notes (of one layer, or of every layer), flagged first, then by time."""
        where, params = "WHERE doc_id = ?", [doc_id]
        if layer is not None:
            where, params = where + " AND layer = ?", [doc_id, layer]
        rows = self._db.execute(f"{NOTE_SELECT} {where} ORDER BY flagged DESC, created, id", params)
        return [note_from_row(r) for r in rows]

    def note(self, note_id: str) -> Note:
        row = self._db.execute(f"{NOTE_SELECT} WHERE id = ?", [note_id]).fetchone()
        if row is None:
            raise NotFoundError(f"No note with id '{note_id}'.")
        return note_from_row(row)

    def add_note(
        self,
        doc_id: str,
        layer: str,
        text: str,
        *,
        span_id: str | None = None,
        flagged: bool = False,
        note_id: str | None = None,
    ) -> Note:
        """A note by this workspace's user on a span of ``layer`` or on the document."""
        self.document(doc_id)
        check_layer_name(layer)
        if span_id is not None and self.span_place(span_id) != (doc_id, layer):
            raise ValidationError(f"Span '{span_id}' is not in {doc_id}'s layer '{layer}'.")
        note = Note(
            note_id or new_id(),
            doc_id,
            layer,
            span_id,
            check_note_text(text),
            self.who,
            flagged,
            now(),
        )
        self.restore_note(note, action="add_note")
        return note

    def restore_note(self, note: Note, *, action: str = "restore_note") -> None:
        """Write ``note`` as it is, id and time included (the undo of ``delete_note``).

        Bringing a deleted note back is a change of it made now: its change time says so, or a
        merge would weigh the deletion (a tombstone, maybe another copy's) as the newer change
        and delete it again."""
        payload = {"note": note.id, "span": note.span_id, "flagged": note.flagged}
        with self.writing(
            action, ChangeKind.NOTES, doc_id=note.doc_id, layer=note.layer, payload=payload
        ) as w:
            w.ensure_layer(note.layer)
            w.insert_notes([note])
            if action == "restore_note":
                w.set_note_flagged(note, note.flagged)

    def delete_note(self, note_id: str) -> Note:
        note = self.note(note_id)
        with self.writing(
            "delete_note",
            ChangeKind.NOTES,
            doc_id=note.doc_id,
            layer=note.layer,
            payload={"note": note.id},
        ) as w:
            w.delete_notes([note])
        return note

    def set_note_flagged(self, note_id: str, flagged: bool) -> Note:
        note = self.note(note_id)
        with self.writing(
            "flag_note",
            ChangeKind.NOTES,
            doc_id=note.doc_id,
            layer=note.layer,
            payload={"note": note.id, "flagged": bool(flagged)},
        ) as w:
            w.set_note_flagged(note, bool(flagged))
        return replace(note, flagged=bool(flagged))

    def search_notes(self, words: str, limit: int = 200) -> list[Note]:
        """Notes whose text or author holds ``words`` (case-insensitive), flagged first."""
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._db.execute(
            f"{NOTE_SELECT} WHERE text LIKE ? ESCAPE '\\' OR author LIKE ? ESCAPE '\\' "
            "ORDER BY flagged DESC, created DESC LIMIT ?",
            [pattern, pattern, limit],
        )
        return [note_from_row(r) for r in rows]

    # ----------------------------------------------------------------- settings
    def setting(self, key: str, default: Any = None) -> Any:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        """Settings are view state (last document, scroll): not logged as events."""
        with self.writing("set_setting", ChangeKind.SETTINGS, log=False) as w:
            w.set_setting(key, value)

    # ----------------------------------------------------------------- models
    def store_model(
        self, name: str, blob: bytes, trained_on: Sequence[str], params: dict[str, Any]
    ) -> None:
        """Keep a trained model in the workspace (replacing the one of the same name)."""
        payload = {"model": name, "documents": len(trained_on), "bytes": len(blob)}
        with self.writing("store_model", ChangeKind.MODEL, payload=payload) as w:
            w.put_model(name, trained_on, params, blob)

    def model(self, name: str) -> StoredModel | None:
        """The stored model called ``name``, or None when none was trained."""
        row = self._db.execute(
            "SELECT name, created, trained_on, params, blob FROM models WHERE name = ?", [name]
        ).fetchone()
        if row is None:
            return None
        trained_on, params = _json_or(row[2], []), _json_or(row[3], {})
        return StoredModel(
            str(row[0]),
            str(row[1]),
            tuple(str(d) for d in trained_on) if isinstance(trained_on, list) else (),
            params if isinstance(params, dict) else {},
            row[4] if isinstance(row[4], bytes) else b"",
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
        return is_read_only(self._db)

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection commits (the
        CLI, a second window), never for this one's own writes (see core/watch.py)."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    # ----------------------------------------------------------------- review (bulk, audit)
    def adjudicators_by_document(self, doc_ids: Sequence[str] | None = None) -> dict[str, str]:
        """Per document (of ``doc_ids``, or all), who decided its gold layer.

        That is who last marked it adjudicated, or else who last changed its gold layer; the
        export names this person so a gold file says whose judgement it holds.
        """
        last: dict[str, str] = {}
        marked: dict[str, str] = {}
        for chunk in [None] if doc_ids is None else _chunks(doc_ids):
            where = "" if chunk is None else f" AND doc_id IN ({','.join('?' * len(chunk))})"
            rows = self._db.execute(
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
        rows = self._db.execute(
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
        rows = self._db.execute(
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


# Statements ``Workspace.query`` lets through: reading rows, functions, read-only pragmas.
_READ_ACTIONS = frozenset(
    {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
)
_READ_PRAGMAS = frozenset(
    {
        "integrity_check",
        "quick_check",
        "foreign_key_check",
        "table_info",
        "table_xinfo",
        "index_list",
        "index_info",
    }
)


def _read_only_authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None
) -> int:
    if action in _READ_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and (arg2 is None or arg1 in _READ_PRAGMAS):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    """Slices small enough for SQLite's limit on parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _json_or(value: object, default: Any) -> Any:
    """A JSON column of a row another tool may have written: its value, or ``default``."""
    try:
        return json.loads(value) if isinstance(value, str) else default
    except ValueError:
        return default


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
