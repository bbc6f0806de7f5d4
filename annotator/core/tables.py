"""Every row written to a workspace, and the checks each row passes before it is written.

This module holds all of the workspace's write SQL outside the migrations in ``store.py`` (a
test keeps it that way). A :class:`Writer` exists only inside ``Workspace.writing()``: one
SQLite transaction whose rows are checked with the rules of ``rowchecks.py`` (the rules the
JSONL importer applies, one set for every row), whoever writes them (the importer, suggestions,
adjudication, merge, assignments, the window), so a row another tool or machine made can never
slip in through a door with laxer checks. The writer also remembers which documents, layers,
spans and relations it touched; the Workspace turns that into the one typed ``Change``
subscribers get after the commit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.folding import search_key
from annotator.core.model import GOLD_LAYER, Note, Relation, Span, Status
from annotator.core.notes import check_note, note_time
from annotator.core.rowchecks import (
    check_assignment,
    check_document_row,
    check_id,
    check_layer,
    check_line,
    check_number,
    check_object,
    check_offsets,
    check_status,
    check_text,
    check_tombstone,
)
from annotator.core.rows import check_layer_name, dumps, layer_kind, normalize_published, now
from annotator.core.schema import LabelSchema
from annotator.core.search_index import SEARCH_TABLE
from annotator.core.text import normalize_fragment

# Checks that depend on nothing but their values, remembered across writers (a suggestion run
# writes each document in a writer of its own, with the same few attribute sets and places):
# (document id, layer, origin) that passed, and the repr of a JSON value -> its encoding.
_PLACES_OK: set[tuple[str, str, str]] = set()
_OBJECTS_OK: dict[str, str] = {}
_MEMO_SIZE = 10_000
_CHUNK = 500  # ids per ``IN (...)`` list: well within SQLite's limit on parameters


class Writer:
    """The rows of one write transaction: each checked, then written with the SQL below."""

    def __init__(
        self, conn: sqlite3.Connection, who: str, schema: Callable[[], LabelSchema]
    ) -> None:
        self._conn = conn
        self.who = who
        # Read when a row is first checked: replacing a broken stored schema needs no schema.
        self._schema = schema
        self.doc_ids: set[str] = set()
        self.layers: set[str] = set()
        self.span_ids: set[str] = set()
        self.relation_ids: set[str] = set()
        # Details for the event the transaction logs; callers add counts as they go, and
        # set ``log_event`` to False when they found nothing to write (no empty event).
        self.payload: dict[str, Any] = {}
        self.log_event = True
        self._text_of: tuple[str, str] | None = None  # the last document read (bounded memory)
        self._fresh: dict[str, str] = {}  # texts of the last batch of documents inserted
        # (span, its attrs and provenance as stored) for spans checked and not yet inserted.
        self._checked: dict[str, tuple[Span, str, str]] = {}
        # (label, attributes as stored) the schema accepted: spans repeat a few of them.
        self._labelled: set[tuple[str, str]] = set()
        self._layers_known: set[str] = set()
        # (doc_id, layer, label) of the spans of the writer's latest insert, so that the
        # relations written next (a run's links, an import batch's) find their ends without
        # reading back what was just written; one batch, so memory stays bounded.
        self._ends: dict[str, tuple[str, str, str]] = {}
        # A bulk write (an import of 100,000 articles) sets this False: its Change then names
        # the documents written, not each of their millions of spans and relations (views
        # reload on an import), so the writer's memory does not grow with the corpus.
        self.name_spans = True
        # Set by a write that stopped naming what it touched (``forget_touched``): its Change
        # then says "anything may have changed", and views re-read what they show.
        self.whole_workspace = False

    @property
    def schema(self) -> LabelSchema:
        return self._schema()

    # ------------------------------------------------------------------ bookkeeping
    def _touch(self, doc_id: str | None, layer: str | None) -> None:
        if doc_id is not None:
            self.doc_ids.add(doc_id)
        if layer is not None:
            self.layers.add(layer)

    def forget_touched(self) -> None:
        """Drop the ids recorded so far, and the checks' memory of their places.

        For a corpus-wide write (auto-adjudication of 100,000 documents, a merge) whose
        ``Change`` is ``whole_workspace``: views re-read everything after it, so the ids are
        not needed, and clearing them after each batch keeps the transaction's memory flat.
        """
        self.doc_ids.clear()
        self.span_ids.clear()
        self.relation_ids.clear()
        self._ends.clear()
        self._fresh = {}

    def text(self, doc_id: str) -> str:
        if doc_id in self._fresh:
            return self._fresh[doc_id]
        if self._text_of is None or self._text_of[0] != doc_id:
            row = self._conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise ValidationError(f"No document with id '{doc_id}'.")
            self._text_of = (doc_id, str(row[0]))
        return self._text_of[1]

    # ------------------------------------------------------------------ what an import asks
    def document_with_sha(self, sha: str) -> str | None:
        """The id of the stored document whose text has this SHA-256 (a unique index)."""
        row = self._conn.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
        return None if row is None else str(row[0])

    def has_document(self, doc_id: str) -> bool:
        sql = "SELECT 1 FROM documents WHERE id = ?"
        return self._conn.execute(sql, [doc_id]).fetchone() is not None

    # ------------------------------------------------------------------ checks
    def check_span(self, span: Span, text: str | None = None) -> None:
        """Everything a span row must satisfy: ids, layer, offsets, label, JSON columns.

        ``text`` is the document's, when it is not stored yet (an import checks each span at
        its record, to name the line); a span checked here is not checked again on insert.
        """
        self._check_span(span, text, set())

    def check_spans(
        self, spans: Iterable[Span], text: str | None = None
    ) -> list[tuple[Span, ValidationError]]:
        """``check_span`` for many spans of a document at once (a suggestion run): the same
        checks, but an offset shared by several spans is checked once. Returns the spans
        refused, each with why; the others are not checked again on insert."""
        refused = []
        bounds: dict[str, set[int]] = {}  # per document: spans of several may come together
        for span in spans:
            try:
                self._check_span(span, text, bounds.setdefault(span.doc_id, set()))
            except ValidationError as exc:
                refused.append((span, exc))
        return refused

    def _check_span(self, span: Span, text: str | None, bounds: set[int]) -> None:
        """``bounds``: offsets of this span's text found to be boundaries already."""
        check_id("span id", span.id)
        place = (span.doc_id, span.layer, span.origin)
        if place not in _PLACES_OK:
            check_id("document id", span.doc_id)
            check_layer_name(span.layer)
            check_line("origin", span.origin, empty=False)
            if len(_PLACES_OK) > _MEMO_SIZE:  # one per document of an import: bounded
                _PLACES_OK.clear()
            _PLACES_OK.add(place)
        if span.confidence is not None:
            check_number("confidence", span.confidence)
        provenance = self._check_object("provenance", span.provenance)
        attrs = self._check_object("attributes", span.attrs)
        check_offsets(
            self.text(span.doc_id) if text is None else text, span.start, span.end, bounds
        )
        if (span.label, attrs) not in self._labelled:
            self.schema.check_span(span.label, span.attrs)
            if len(self._labelled) > _MEMO_SIZE:
                self._labelled.clear()
            self._labelled.add((span.label, attrs))
        self._checked[span.id] = (span, attrs, provenance)

    def _check_object(self, what: str, value: dict[str, Any]) -> str:
        """``check_object``, remembered (spans repeat a few attribute sets): the encoding the
        row stores."""
        if type(value) is dict and not value:
            return "{}"  # most provenance: a JSON object with nothing in it to refuse
        key = repr(value)
        encoded = _OBJECTS_OK.get(key)
        if encoded is None:
            encoded = check_object(what, value)
            if len(_OBJECTS_OK) > _MEMO_SIZE:
                _OBJECTS_OK.clear()
            _OBJECTS_OK[key] = encoded
        return encoded

    def _span_ends(self, span_ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """(doc_id, layer, label) of the stored spans among ``span_ids``: those this writer
        inserted from its memory, the others read, a chunk at a time."""
        found: dict[str, tuple[str, str, str]] = {}
        wanted = []
        for span_id in set(span_ids):
            known = self._ends.get(span_id)
            if known is None:
                wanted.append(span_id)
            else:
                found[span_id] = known
        for chunk, marks in _chunks(wanted):
            for sid, doc_id, layer, label in self._conn.execute(
                f"SELECT id, doc_id, layer, label FROM spans WHERE id IN ({marks})", chunk
            ):
                found[sid] = (doc_id, layer, label)
        return found

    def check_relation(
        self, rel: Relation, ends: dict[str, tuple[str, str, str]] | None = None
    ) -> None:
        """Ids, and ends that are spans of the relation's document and layer the schema links."""
        check_id("relation id", rel.id)
        if ends is None:
            ends = self._span_ends([rel.head, rel.child])
        for end in (rel.head, rel.child):
            if end not in ends:
                raise ValidationError(f"relation {rel.id}: span '{end}' does not exist.")
            if tuple(ends[end][:2]) != (rel.doc_id, rel.layer):
                raise ValidationError(
                    f"relation {rel.id}: a relation links two spans of its own document and layer."
                )
        self.schema.check_relation(rel.label, ends[rel.head][2], ends[rel.child][2])

    def _check_stamp(self, what: str, value: str | None) -> str:
        return now() if value is None else check_line(what, value, empty=False)

    # ------------------------------------------------------------------ layers
    def ensure_layer(self, name: str, kind: str | None = None, created: str | None = None) -> None:
        if name in self._layers_known:
            return
        check_layer_name(name)
        kind = kind or layer_kind(name)
        check_layer(name, kind)
        self._conn.execute(
            "INSERT OR IGNORE INTO layers (name, kind, created) VALUES (?,?,?)",
            [name, kind, self._check_stamp("layer time", created)],
        )
        self._layers_known.add(name)

    # ------------------------------------------------------------------ documents
    def insert_documents(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows (id, title, text, sha256, source, published, meta, created) of new documents."""
        checked = []
        for doc_id, title, text, sha, source, published, meta, created in rows:
            row = dict(id=doc_id, title=title, text=text, sha256=sha, source=source)
            try:
                check_document_row({**row, "published": published, "meta": meta})
            except ValidationError as exc:
                raise ValidationError(f"document {doc_id!a}: {exc}") from exc
            checked.append(
                (
                    doc_id,
                    title,
                    text,
                    sha,
                    source,
                    published,
                    check_object("meta", meta),
                    self._check_stamp("creation time", created),
                )
            )
            self.doc_ids.add(doc_id)
        self._conn.executemany(
            "INSERT INTO documents (id, title, text, sha256, source, published, meta, created) "
            "VALUES (?,?,?,?,?,?,?,?)",
            checked,
        )
        # Their spans usually follow at once (an import's batch): no need to read them back.
        self._fresh = {row[0]: row[2] for row in checked}
        # The search index follows every document insert, in the same transaction.
        index_new_documents(self._conn)

    def set_published(
        self, doc_id: str, published: str | None, *, only_if_missing: bool = False
    ) -> None:
        value = normalize_published(published)
        sql = "UPDATE documents SET published = ? WHERE id = ?"
        if only_if_missing:
            sql += " AND published IS NULL"
        self._conn.execute(sql, [value, doc_id])
        self.doc_ids.add(doc_id)

    # ------------------------------------------------------------------ spans
    def insert_spans(
        self,
        spans: Iterable[Span],
        *,
        author: str | None = None,
        updated: str | None = None,
        newer_wins: bool = False,
    ) -> None:
        """New spans (checked), signed by ``author`` (this writer's user) at ``updated`` (now)."""
        who = author if author is not None else self.who
        stamp = updated if updated is not None else now()
        self.put_spans(((span, who, stamp) for span in spans), newer_wins=newer_wins)

    def put_spans(self, rows: Iterable[tuple[Span, str, str]], *, newer_wins: bool = False) -> None:
        """Spans with their own author and time (a package, a merge: rows keep who and when);
        ``newer_wins`` replaces a stored span of the same id unless the stored one is newer."""
        authors: set[str] = set()
        stamps: set[str] = set()
        values = []
        for span, author, stamp in rows:
            checked = self._checked.get(span.id)
            if checked is None or checked[0] is not span:
                self.check_span(span)
                checked = self._checked[span.id]
            self.ensure_layer(span.layer)
            if author not in authors:
                authors.add(check_line("author", author))
            if stamp not in stamps:
                stamps.add(check_line("time", stamp, empty=False))
            values.append(
                (
                    span.id,
                    span.doc_id,
                    span.layer,
                    span.start,
                    span.end,
                    span.label,
                    checked[1],
                    span.origin,
                    span.confidence,
                    checked[2],
                    author,
                    stamp,
                )
            )
            self._touch(span.doc_id, span.layer)
            if self.name_spans:
                self.span_ids.add(span.id)
        sql = (
            'INSERT INTO spans (id, doc_id, layer, start, "end", label, attrs, origin, '
            "confidence, provenance, author, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        if newer_wins:
            sql += (
                " ON CONFLICT (id) DO UPDATE SET doc_id = excluded.doc_id, "
                'layer = excluded.layer, start = excluded.start, "end" = excluded."end", '
                "label = excluded.label, attrs = excluded.attrs, origin = excluded.origin, "
                "confidence = excluded.confidence, provenance = excluded.provenance, "
                "author = excluded.author, updated = excluded.updated "
                "WHERE excluded.updated >= spans.updated"
            )
        self._insert_unburying("spans", sql, values, may_skip=newer_wins)
        self._checked.clear()
        # Else a newer stored row may have kept its own place and label: nothing is known.
        self._ends = {} if newer_wins else {row[0]: (row[1], row[2], row[5]) for row in values}

    def update_span(self, span: Span, *, keep_author: bool = False) -> None:
        """Store ``span``'s extent, label, attributes and provenance under its id."""
        self.check_span(span)
        self._conn.execute(
            'UPDATE spans SET start=?, "end"=?, label=?, attrs=?, provenance=?, '
            "author=CASE WHEN ? THEN author ELSE ? END, updated=? WHERE id=?",
            [
                span.start,
                span.end,
                span.label,
                dumps(span.attrs),
                dumps(span.provenance),
                keep_author,
                self.who,
                now(),
                span.id,
            ],
        )
        known = self._ends.get(span.id)
        if known is not None:  # the row keeps its document and layer; its label may change
            self._ends[span.id] = (known[0], known[1], span.label)
        self._touch(span.doc_id, span.layer)
        self.span_ids.add(span.id)

    def delete_spans(self, spans: Iterable[Span]) -> None:
        """Delete spans (their relations go with them: the foreign keys cascade)."""
        for span in spans:
            self._conn.execute("DELETE FROM spans WHERE id = ?", [span.id])
            self._ends.pop(span.id, None)
            self._touch(span.doc_id, span.layer)
            self.span_ids.add(span.id)

    def delete_span_ids(self, span_ids: Iterable[str]) -> None:
        for span_id in span_ids:
            row = self._conn.execute(
                "SELECT doc_id, layer FROM spans WHERE id = ?", [span_id]
            ).fetchone()
            if row is None:
                continue
            self._conn.execute("DELETE FROM spans WHERE id = ?", [span_id])
            self._ends.pop(span_id, None)
            self._touch(row[0], row[1])
            self.span_ids.add(span_id)

    # ------------------------------------------------------------------ relations
    def insert_relations(
        self,
        relations: Iterable[Relation],
        *,
        author: str | None = None,
        updated: str | None = None,
        if_absent: bool = False,
    ) -> None:
        """New relations (checked); ``if_absent`` skips one whose id or ends and label exist."""
        who = author if author is not None else self.who
        stamp = updated if updated is not None else now()
        self.put_relations(((rel, who, stamp) for rel in relations), if_absent=if_absent)

    def put_relations(
        self,
        rows: Iterable[tuple[Relation, str, str]],
        *,
        if_absent: bool = False,
        newer_wins: bool = False,
    ) -> None:
        """Relations with their own author and time (package, merge)."""
        verb = "INSERT OR IGNORE" if if_absent else "INSERT"
        sql = (
            f"{verb} INTO relations (id, doc_id, layer, head, child, label, author, updated) "
            "VALUES (?,?,?,?,?,?,?,?)"
        )
        if newer_wins:
            sql += (
                " ON CONFLICT (id) DO UPDATE SET doc_id = excluded.doc_id, "
                "layer = excluded.layer, head = excluded.head, child = excluded.child, "
                "label = excluded.label, author = excluded.author, updated = excluded.updated "
                "WHERE excluded.updated >= relations.updated"
            )
        batch = list(rows)
        ends = self._span_ends(end for rel, _, _ in batch for end in (rel.head, rel.child))
        values = []
        authors: set[str] = set()
        stamps: set[str] = set()
        for rel, author, stamp in batch:
            self.check_relation(rel, ends)
            if author not in authors:
                authors.add(check_line("author", author))
            if stamp not in stamps:
                stamps.add(check_line("time", stamp, empty=False))
            values.append(
                (rel.id, rel.doc_id, rel.layer, rel.head, rel.child, rel.label, author, stamp)
            )
            self._touch(rel.doc_id, rel.layer)
            if self.name_spans:
                self.relation_ids.add(rel.id)
        self._insert_unburying("relations", sql, values, may_skip=if_absent or newer_wins)

    def move_relation_ends(self, old_span: str, new_span: str) -> None:
        """Links of ``old_span`` now end at ``new_span`` (a merge of two gold spans); a link
        that would then exist twice stays as it was and goes with the old span."""
        rows = self._conn.execute(
            "SELECT id, doc_id, layer, head, child, label FROM relations "
            "WHERE head = ? OR child = ?",
            [old_span, old_span],
        ).fetchall()
        for row in rows:
            rel = Relation(*row)
            moved = Relation(
                rel.id,
                rel.doc_id,
                rel.layer,
                new_span if rel.head == old_span else rel.head,
                new_span if rel.child == old_span else rel.child,
                rel.label,
            )
            self.check_relation(moved)
            self._conn.execute(
                "UPDATE OR IGNORE relations SET head = ?, child = ?, author = ?, updated = ? "
                "WHERE id = ?",
                [moved.head, moved.child, self.who, now(), rel.id],
            )
            self._touch(rel.doc_id, rel.layer)
            self.relation_ids.add(rel.id)

    def delete_relations(self, relations: Iterable[Relation]) -> None:
        for rel in relations:
            self._conn.execute("DELETE FROM relations WHERE id = ?", [rel.id])
            self._touch(rel.doc_id, rel.layer)
            self.relation_ids.add(rel.id)

    def delete_relation_ids(self, relation_ids: Iterable[str]) -> None:
        for rel_id in relation_ids:
            row = self._conn.execute(
                "SELECT doc_id, layer FROM relations WHERE id = ?", [rel_id]
            ).fetchone()
            if row is None:
                continue
            self._conn.execute("DELETE FROM relations WHERE id = ?", [rel_id])
            self._touch(row[0], row[1])
            self.relation_ids.add(rel_id)

    # ------------------------------------------------------------------ tombstones
    def _insert_unburying(
        self, table: str, sql: str, values: list[tuple[Any, ...]], *, may_skip: bool
    ) -> None:
        """``executemany(sql, values)`` (rows whose first column is the id), then clear the
        tombstone of every id it inserted: a deleted row put back (an undo, a restore, a
        merge, a reviewer's undo) is alive again, and a merge must not delete it once more.

        One query of the batch's ids, or only a glance at an empty tombstones table while
        no row was ever deleted (a fresh import, a first suggestion run), instead of a
        trigger's DELETE for every row. ``may_skip``: the statement may leave a row out (OR
        IGNORE) or update the stored one (an upsert); only ids it inserted, those absent
        before and present after, lose their tombstone.
        """
        if not values:
            return
        buried = self._buried(row[0] for row in values)
        if buried and may_skip:
            buried -= self._present(table, buried)
        self._conn.executemany(sql, values)
        if buried and may_skip:
            buried &= self._present(table, buried)
        self._unbury(buried)

    def _buried(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that have a tombstone."""
        if self._conn.execute("SELECT 1 FROM tombstones LIMIT 1").fetchone() is None:
            return set()
        return self._present("tombstones", ids)

    def _present(self, table: str, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that ``table`` (spans, relations, tombstones) holds."""
        found: set[str] = set()
        for chunk, marks in _chunks(ids):
            sql = f"SELECT id FROM {table} WHERE id IN ({marks})"
            found.update(str(row[0]) for row in self._conn.execute(sql, chunk))
        return found

    def _unbury(self, ids: Iterable[str]) -> None:
        """Delete the tombstones of ``ids`` (rows inserted again)."""
        for chunk, marks in _chunks(ids):
            self._conn.execute(f"DELETE FROM tombstones WHERE id IN ({marks})", chunk)

    def carry_tombstone(
        self, row_id: str, kind: str, doc_id: str, layer: str, deleted: str
    ) -> None:
        """Remember another file's deletion, so it travels on with the next merge."""
        check_tombstone(kind, row_id, layer, deleted)
        self._conn.execute(
            "INSERT OR REPLACE INTO tombstones (id, kind, doc_id, layer, deleted) "
            "VALUES (?,?,?,?,?)",
            [row_id, kind, check_id("document id", doc_id), layer, self._check_stamp("", deleted)],
        )
        self._touch(doc_id, layer)

    # ------------------------------------------------------------------ statuses
    def set_status(
        self, doc_id: str, layer: str, status: Status | str, updated: str | None = None
    ) -> None:
        value = check_status(status)
        check_layer_name(layer)
        self.ensure_layer(layer)
        self._conn.execute(
            "INSERT INTO doc_status (doc_id, layer, status, updated) VALUES (?,?,?,?) "
            "ON CONFLICT (doc_id, layer) DO UPDATE SET status = excluded.status, "
            "updated = excluded.updated",
            [doc_id, layer, value.value, self._check_stamp("status time", updated)],
        )
        self._touch(doc_id, layer)

    def put_status(
        self, doc_id: str, layer: str, status: str, seconds: object, updated: str
    ) -> None:
        """A status row as another file holds it (merge): status, time spent, its time."""
        value = check_status(status)
        self.ensure_layer(layer)
        self._conn.execute(
            "INSERT INTO doc_status (doc_id, layer, status, seconds, updated) "
            "VALUES (?,?,?,?,?) ON CONFLICT (doc_id, layer) DO UPDATE SET "
            "status = excluded.status, seconds = excluded.seconds, updated = excluded.updated",
            [
                doc_id,
                layer,
                value.value,
                check_number("seconds", seconds),
                self._check_stamp("status time", updated),
            ],
        )
        self._touch(doc_id, layer)

    def touch_status(self, doc_ids: Iterable[str], layer: str) -> None:
        """A first edit moves a document from new to in progress for that layer."""
        stamp = now()
        docs = list(doc_ids)
        self._conn.executemany(
            "INSERT INTO doc_status (doc_id, layer, status, updated) VALUES (?,?,?,?) "
            "ON CONFLICT (doc_id, layer) DO UPDATE SET status = 'in_progress', "
            "updated = excluded.updated WHERE status = 'new'",
            [(d, layer, Status.IN_PROGRESS.value, stamp) for d in docs],
        )
        self.ensure_layer(layer)
        for doc_id in docs:
            self._touch(doc_id, layer)

    def add_seconds(self, doc_id: str, layer: str, seconds: float) -> None:
        value = check_number("seconds", seconds)
        self.ensure_layer(layer)
        self._conn.execute(
            "INSERT INTO doc_status (doc_id, layer, status, seconds, updated) "
            "VALUES (?,?,?,?,?) ON CONFLICT (doc_id, layer) DO UPDATE SET "
            "seconds = seconds + excluded.seconds, updated = excluded.updated",
            [doc_id, layer, Status.NEW.value, value, now()],
        )
        self._touch(doc_id, layer)

    # ------------------------------------------------------------------ review and team
    def record_resolution(
        self,
        conflict: str,
        doc_id: str,
        action: str,
        keys: Sequence[str],
        reason: str | None,
    ) -> None:
        """Remember a reviewer's decision on a conflict."""
        if reason is not None:
            reason = check_text("reason", normalize_fragment(reason))
        self._conn.execute(
            "INSERT OR REPLACE INTO resolutions (conflict, doc_id, action, keys, who, reason, "
            "decided) VALUES (?,?,?,?,?,?,?)",
            [
                check_line("conflict", conflict),
                doc_id,
                check_line("decision", action),
                json.dumps(list(keys), ensure_ascii=False),
                self.who,
                reason,
                now(),
            ],
        )
        self._touch(doc_id, GOLD_LAYER)

    def replace_resolutions(
        self, doc_id: str, rows: Iterable[tuple[str, str, str, str, str | None, str]]
    ) -> None:
        """The decisions on a document's conflicts become ``rows`` (conflict, action, keys,
        who, reason, decided): the undo of a decision puts the earlier ones back."""
        checked = []
        for conflict, action, keys, who, reason, decided in rows:
            if not isinstance(json.loads(keys), list):
                raise ValidationError(f"Resolution keys {keys!r} are not a JSON list.")
            checked.append(
                (
                    check_line("conflict", conflict),
                    doc_id,
                    check_line("decision", action),
                    keys,
                    check_line("reviewer", who),
                    reason if reason is None else check_text("reason", reason),
                    check_line("decision time", decided, empty=False),
                )
            )
        self._conn.execute("DELETE FROM resolutions WHERE doc_id = ?", [doc_id])
        self._conn.executemany(
            "INSERT INTO resolutions (conflict, doc_id, action, keys, who, reason, decided) "
            "VALUES (?,?,?,?,?,?,?)",
            checked,
        )
        self._touch(doc_id, GOLD_LAYER)

    def add_assignments(
        self, rows: Iterable[tuple[str, str, str, str]], *, replace: bool = False
    ) -> None:
        """Rows (doc_id, annotator, role, assigned); ``replace`` drops every earlier one."""
        checked = []
        for doc_id, annotator, role, assigned in rows:
            try:
                check_assignment(annotator, role)
            except ValidationError as exc:
                raise ValidationError(f"document {doc_id!a}: {exc}") from exc
            checked.append((doc_id, annotator, role, self._check_stamp("assigned", assigned)))
            self.doc_ids.add(doc_id)
        if replace:
            self._conn.execute("DELETE FROM assignments")
        self._conn.executemany(
            "INSERT INTO assignments (doc_id, annotator, role, assigned) VALUES (?,?,?,?)",
            checked,
        )

    # ------------------------------------------------------------------ notes
    def insert_notes(self, notes: Iterable[Note], *, if_absent: bool = False) -> int:
        """New notes (checked); ``if_absent`` skips one already there (same id or same place,
        author, time and text). Returns how many were written."""
        written = 0
        inserted: list[str] = []
        verb = "INSERT OR IGNORE" if if_absent else "INSERT"
        for note in notes:
            note = check_note(note)
            check_id("note id", note.id)
            check_layer_name(note.layer)
            self.text(note.doc_id)  # the document must exist
            cursor = self._conn.execute(
                f"{verb} INTO notes (id, doc_id, layer, span_id, text, author, flagged, created) "
                "VALUES (?,?,?,?,?,?,?,?)",
                [
                    note.id,
                    note.doc_id,
                    note.layer,
                    note.span_id,
                    note.text,
                    note.author,
                    int(note.flagged),
                    note.created,
                ],
            )
            if cursor.rowcount:
                written += 1
                inserted.append(note.id)
                self._touch(note.doc_id, note.layer)
        if inserted:
            self._unbury(self._buried(inserted))
        return written

    def delete_notes(self, notes: Iterable[Note]) -> None:
        for note in notes:
            self._conn.execute("DELETE FROM notes WHERE id = ?", [note.id])
            self._touch(note.doc_id, note.layer)

    def set_note_flagged(self, note: Note, flagged: bool, changed: str | None = None) -> None:
        """Flag or unflag, remembering when (now, or ``changed`` carried from another file),
        so that a merge knows which flag is newer."""
        when = now() if changed is None else note_time(changed, "flag time")
        self._conn.execute(
            "UPDATE notes SET flagged = ?, flag_changed = ? WHERE id = ?",
            [int(flagged), when, note.id],
        )
        self._touch(note.doc_id, note.layer)

    def set_setting(self, key: str, value: Any) -> None:
        check_line("setting", key, empty=False)
        self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False, allow_nan=False)],
        )

    # ------------------------------------------------------------------ the label schema
    def put_schema(self, body: str) -> None:
        """Store the workspace's label schema (validated by the caller, see set_schema)."""
        self._conn.execute(
            "INSERT INTO label_schema (id, body, updated) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated = excluded.updated",
            [check_text("label schema", body), now()],
        )
        self._labelled.clear()  # later spans of this writer answer to the new schema

    def relabel_spans(self, old: str, new: str) -> int:
        """Give every span labelled ``old`` the label ``new`` (a schema migration)."""
        check_line("label", new, empty=False)
        cursor = self._conn.execute(
            "UPDATE spans SET label = ?, updated = ? WHERE label = ?", [new, now(), old]
        )
        self._ends.clear()
        return int(cursor.rowcount)

    def recode_attribute(self, label: str, attribute: str, old: str, new: str) -> int:
        """Replace the value ``old`` of one attribute of ``label`` spans by ``new``."""
        check_line("attribute value", new)
        path = "$." + json.dumps(check_line("attribute", attribute, empty=False))
        cursor = self._conn.execute(
            "UPDATE spans SET attrs = json_set(attrs, ?, ?), updated = ? "
            "WHERE label = ? AND json_extract(attrs, ?) = ?",
            [path, new, now(), label, path, old],
        )
        return int(cursor.rowcount)

    def relabel_relations(self, old: str, new: str) -> int:
        check_line("relation", new, empty=False)
        cursor = self._conn.execute(
            "UPDATE relations SET label = ?, updated = ? WHERE label = ?", [new, now(), old]
        )
        return int(cursor.rowcount)

    def put_model(
        self, name: str, trained_on: Sequence[str], params: dict[str, Any], blob: bytes
    ) -> None:
        """Store (or replace) a trained model under ``name``."""
        if not isinstance(blob, bytes) or not blob:
            raise ValidationError(f"Model {name!r} must be non-empty bytes.")
        ids = [check_id("trained-on document", doc_id) for doc_id in trained_on]
        self._conn.execute(
            "INSERT OR REPLACE INTO models (name, created, trained_on, params, blob) "
            "VALUES (?,?,?,?,?)",
            [
                check_line("model name", name, empty=False),
                now(),
                json.dumps(ids, ensure_ascii=False),
                check_object("model parameters", params),
                blob,
            ],
        )

    # ------------------------------------------------------------------ the event log
    def log(
        self,
        action: str,
        doc_id: str | None,
        layer: str | None,
        payload: dict[str, Any],
        who: str | None = None,
    ) -> None:
        self.log_many([(action, doc_id, layer, payload, who)])

    def log_many(
        self, entries: Iterable[tuple[str, str | None, str | None, dict[str, Any], str | None]]
    ) -> None:
        stamp = now()
        rows = [
            (stamp, who or self.who, action, doc_id, layer, check_object("event", payload))
            for action, doc_id, layer, payload, who in entries
        ]
        self._conn.executemany(
            "INSERT INTO events (ts, who, action, doc_id, layer, payload) VALUES (?,?,?,?,?,?)",
            rows,
        )


def _chunks(ids: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """Distinct ``ids`` in sorted chunks, each with its ``?,?,...`` for an ``IN (...)`` list
    (chunks keep a statement within SQLite's limit on parameters)."""
    wanted = sorted(set(ids))
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at : at + _CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def index_new_documents(conn: sqlite3.Connection) -> int:
    """Fold and index (FTS5, ``search_index.py``) every document added since the last call,
    in the caller's transaction; the ``Writer`` calls it after every document insert and the
    ``_v_search_and_list`` migration once for the documents already there.

    Costs one indexed lookup when nothing is new. Documents a program that does not know the
    index added are caught up here too.
    """
    last = conn.execute("SELECT indexed_rowid FROM search_state WHERE id = 1").fetchone()
    if last is None:  # a file from before the index: the migration will build it
        return 0
    newest = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0
    if newest <= last[0]:
        return 0
    cursor = conn.execute(
        "SELECT rowid, title, text FROM documents WHERE rowid > ? ORDER BY rowid", [last[0]]
    )
    count = 0

    def folded() -> Iterator[tuple[int, str, str]]:
        nonlocal count
        for rowid, title, text in cursor:
            count += 1
            yield rowid, search_key(title), search_key(text)

    # One document at a time from the cursor: an import of a few huge articles stays small.
    conn.executemany(f"INSERT INTO {SEARCH_TABLE} (rowid, title, text) VALUES (?, ?, ?)", folded())
    conn.execute("UPDATE search_state SET indexed_rowid = ? WHERE id = 1", [newest])
    return count
