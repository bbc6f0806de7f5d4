"""Merging other workspace files (an annotator's laptop) into this one.

- Documents are matched by the SHA-256 of their text; documents this workspace lacks are added
  (under their own id, or the id with the hash's first 8 digits when that id is taken).
- Only the layers present in the other file are touched.
- Spans and relations are matched by id (ids are random, so the same id is the same
  annotation). When both files hold different versions, the one with the newer ``updated``
  time wins (equal times: a fixed order of their contents, so merging A into B and B into A
  agree). A deletion is known from the deleting file's tombstones (schema v2, see
  ``core/store.py``): it wins over an edit older than it and loses to a newer one.
- Document statuses per layer: the newer one wins.
- Notes (schema with ``notes``) are added when this file lacks them (same id, or same place,
  author, time and text). A note's text is never edited; its flag and its existence are: a
  deletion (a ``note`` tombstone) or a flag change travels when it is newer than the other
  side's last change of that note (its ``flag_changed`` time, or its creation).
- Rows keep the other file's times and authors, and tombstones are carried over, so a second
  merge of the same file finds nothing to do and writes nothing.

Every decision where the two files differed is reported. Merging several files is one
transaction (all or nothing), each file logged as a ``merge`` event.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from annotator.core.changes import ChangeKind
from annotator.core.counted import counted
from annotator.core.errors import InputError, ValidationError
from annotator.core.model import GOLD_LAYER, Note, Relation, Span, Status
from annotator.core.notes import NOTE_SELECT, note_time
from annotator.core.rowchecks import (
    check_document_row,
    check_layer_row,
    check_note_row,
    check_relation_ends,
    check_span_fields,
    check_status_row,
    check_tombstone_row,
)
from annotator.core.rows import dumps, loads
from annotator.core.schema_change import differences, union
from annotator.core.tables import Writer
from annotator.core.workspace import Workspace
from annotator.review.otherdb import OtherWorkspace, open_other

SPAN_COLUMNS = [
    "id",
    "doc_id",
    "layer",
    "start",
    "end",
    "label",
    "attrs",
    "origin",
    "confidence",
    "provenance",
    "author",
    "updated",
]
RELATION_COLUMNS = ["id", "doc_id", "layer", "head", "child", "label", "author", "updated"]
DOCUMENT_COLUMNS = ["id", "title", "text", "sha256", "source", "published", "meta", "created"]
TOMBSTONE_SELECT = "SELECT id, kind, doc_id, layer, deleted FROM tombstones"
STATUS_SELECT = "SELECT doc_id, layer, status, seconds, updated FROM doc_status"
_SPAN_AT = "SELECT start, end FROM spans WHERE id = ?"


EXCERPT_CHARS = 40


@dataclass(frozen=True)
class Decision:
    """One place where the two files disagreed, and which side won.

    ``label`` and ``excerpt`` (the span's words, or a link's head span's) are what a person
    recognises; the id stays in the JSON report for tools, not in the printed line."""

    layer: str
    doc_id: str
    kind: str
    id: str
    winner: str
    detail: str
    label: str = ""
    excerpt: str = ""

    def __str__(self) -> str:
        what = self.label or self.kind
        if self.kind == "relation":
            what = f"{what} link"
        if self.excerpt:
            what = f"{what} «{self.excerpt}»"
        side = "kept this file's" if self.winner == "ours" else "took the other file's"
        return f"{self.layer} · {self.doc_id} · {what}: {side} ({self.detail})"


def excerpt(text: str, start: int, end: int) -> str:
    """The marked words, cut in the middle of a long span so both ends still show."""
    words = " ".join(text[start:end].split())
    if len(words) <= EXCERPT_CHARS:
        return words
    half = EXCERPT_CHARS // 2
    return f"{words[:half].rstrip()} … {words[-half:].lstrip()}"


@dataclass
class MergeReport:
    source: str
    documents_added: int = 0
    documents_matched: int = 0
    spans_matched: int = 0  # their spans that are ours under another id: nothing to change
    layers: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or any(self.counts.values()))

    def summary(self) -> str:
        parts = [f"{n} {what}" for what, n in sorted(self.counts.items()) if n]
        return (
            f"{self.source}: {counted(self.documents_added, 'document')} added, "
            f"{self.documents_matched} matched, {counted(self.spans_matched, 'span')} already "
            "here; "
            f"layers {', '.join(self.layers) or 'none'}; "
            f"{', '.join(parts) or 'nothing to change'}; "
            f"{counted(len(self.decisions), 'decision')} where both sides differed"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "documents_added": self.documents_added,
            "documents_matched": self.documents_matched,
            "spans_matched": self.spans_matched,
            "layers": self.layers,
            "counts": dict(sorted(self.counts.items())),
            "decisions": [asdict(d) for d in self.decisions],
        }


def _content(row: dict[str, Any], columns: Sequence[str]) -> tuple[Any, ...]:
    return tuple(row[c] for c in columns)


def _span_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What a span is, whatever its id: two machines that marked the same characters with the
    same label and attributes in the same layer made one span, not two."""
    return (row["doc_id"], row["layer"], row["start"], row["end"], row["label"], row["attrs"])


def _span_keys(rows: dict[str, dict[str, Any]]) -> dict[tuple[Any, ...], str]:
    return {_span_key(row): rid for rid, row in sorted(rows.items())}


def _finished_side(theirs: dict[str, Any], ours: dict[str, Any] | None) -> str | None:
    """Which side's gold status wins whatever the times: an adjudicated document stays
    adjudicated (a copy auto-adjudicated elsewhere, still in progress, must not reopen it)."""
    if ours is None or theirs["layer"] != GOLD_LAYER:
        return None
    mine_done = ours["status"] == Status.ADJUDICATED.value
    theirs_done = theirs["status"] == Status.ADJUDICATED.value
    if mine_done == theirs_done:
        return None
    return "ours" if mine_done else "theirs"


def _newer(theirs: dict[str, Any], ours: dict[str, Any], columns: Sequence[str]) -> bool:
    """Does their version win? Newer time first; a tie goes to the larger content, so both
    merge directions pick the same."""
    if theirs["updated"] != ours["updated"]:
        return bool(theirs["updated"] > ours["updated"])
    return dumps(_content(theirs, columns)) > dumps(_content(ours, columns))


def _put_layer(name: str, kind: str, created: str, w: Writer) -> None:
    w.ensure_layer(name, kind, created)


def _put_documents(rows: list[tuple[Any, ...]], w: Writer) -> None:
    w.insert_documents(rows)


def _put_span(row: dict[str, Any], w: Writer) -> None:
    span = Span(
        *(row[c] for c in SPAN_COLUMNS[:6]),
        attrs=loads(row["attrs"]),
        origin=row["origin"],
        confidence=row["confidence"],
        provenance=loads(row["provenance"]),
    )
    w.put_spans([(span, row["author"], row["updated"])], newer_wins=True)


def _put_relation(row: dict[str, Any], w: Writer) -> None:
    rel = Relation(*(row[c] for c in RELATION_COLUMNS[:6]))
    w.put_relations([(rel, row["author"], row["updated"])], newer_wins=True)


def _delete_span(row_id: str, w: Writer) -> None:
    w.delete_span_ids([row_id])


def _delete_relation(row_id: str, w: Writer) -> None:
    w.delete_relation_ids([row_id])


def _carry_tombstone(row: tuple[str, str, str, str, str], w: Writer) -> None:
    w.carry_tombstone(*row)


def _put_notes(notes: list[Note], w: Writer) -> None:
    w.insert_notes(notes, if_absent=True)


def _put_note_flag(note: Note, changed: str, w: Writer) -> None:
    w.set_note_flagged(note, note.flagged, changed)


def _delete_note(note: Note, w: Writer) -> None:
    w.delete_notes([note])


def _note(row: dict[str, Any], doc_id: str, span_twins: dict[str, str]) -> Note:
    """A note row as a Note in this workspace (its document and span ids mapped)."""
    span_id = span_twins.get(row["span_id"], row["span_id"]) if row["span_id"] else None
    return Note(
        row["id"],
        doc_id,
        row["layer"],
        span_id,
        row["text"],
        row["author"],
        bool(row["flagged"]),
        row["created"],
    )


def _note_changed(row: dict[str, Any]) -> str:
    """When a note last changed: its last flag change, or its creation (spelt as every note
    time is stored, so that times compare as text: a file written before times were spelt
    one way may hold another spelling)."""
    return note_time(str(row.get("flag_changed") or row["created"]))


def _put_status(row: tuple[Any, ...], w: Writer) -> None:
    w.put_status(*row)


BATCH = 500  # their documents merged at a time


class _Batch:
    """What one batch of their documents needs: their rows and ours for the same documents,
    read by indexed queries, and the writes they lead to (done before the next batch)."""

    def __init__(self) -> None:
        self.doc_map: dict[str, str] = {}  # their document id -> ours
        self.texts: dict[str, str] = {}  # our document id -> text
        self.tombstones: dict[str, dict[str, Any]] = {}  # ours, by row id
        self.theirs_tombstones: dict[str, dict[str, Any]] = {}
        self.writes: list[Callable[[Writer], None]] = []
        self.alive: dict[str, set[str]] = {"span": set(), "relation": set()}
        self.triples: dict[tuple[str, str, str], str] = {}
        self.span_twins: dict[str, str] = {}
        self.their_spans: dict[str, dict[str, Any]] = {}  # by their id, for their relations


class _Merge:
    """One other file merged into this workspace, a batch of its documents at a time.

    Nothing is held for the whole corpus of either file: each batch reads its rows (theirs by
    document, ours by document or by id, every query on an index), decides, and writes inside
    the one merge transaction, so a bad row in a later batch still undoes everything.
    """

    def __init__(self, ws: Workspace, other: OtherWorkspace, w: Writer) -> None:
        self.ws = ws
        self.other = other
        self.w = w
        self.report = MergeReport(str(other.path))
        self.names: list[str] = []
        self.their_tombstone_layers: list[str] = []
        self.b = _Batch()
        self.wrote = False
        # The rows of the table being merged, so a decision can name what it is about.
        self._their_rows: dict[str, dict[str, Any]] = {}
        self._our_rows: dict[str, dict[str, Any]] = {}

    def run(self) -> None:
        layers = self.other.rows("SELECT name, kind, created FROM layers ORDER BY name")
        for layer in layers:
            self._refuse_bad("layer", layer["name"], check_layer_row, layer)
        self.names = self.report.layers = [layer["name"] for layer in layers]
        known = set(self.ws.layers())
        self._apply(
            [
                partial(_put_layer, layer["name"], layer["kind"], layer["created"])
                for layer in layers
                if layer["name"] not in known
            ]
        )
        if "tombstones" in self.other.tables:
            for r in self.other.stream(TOMBSTONE_SELECT):  # every one, even of no document
                self._refuse_bad("tombstone", r["id"], check_tombstone_row, r)
            self.their_tombstone_layers = [
                r["layer"] for r in self.other.rows("SELECT DISTINCT layer FROM tombstones")
            ]
        columns = ", ".join(DOCUMENT_COLUMNS)
        last = 0
        while True:
            docs = self.other.rows(
                f"SELECT rowid AS rowid_, {columns} FROM documents WHERE rowid > ? "
                "ORDER BY rowid LIMIT ?",
                (last, BATCH),
            )
            if not docs:
                return
            last = docs[-1].pop("rowid_")
            for doc in docs:
                doc.pop("rowid_", None)
            self.b = _Batch()
            added = self._documents(docs)
            self._apply([partial(_put_documents, added)] if added else [])
            self._batch([d["id"] for d in docs])
            self._apply(self.b.writes)
            self.w.forget_touched()

    def _apply(self, writes: list[Callable[[Writer], None]]) -> None:
        """Write what a batch decided; a row this workspace refuses is the other file's fault."""
        try:
            for write in writes:
                write(self.w)
                self.wrote = True
        except sqlite3.IntegrityError as exc:
            raise InputError(
                str(self.other.path),
                f"its rows break this workspace's constraints ({exc}); the fault is in "
                "that file, this workspace is fine and nothing was merged.",
            ) from exc
        except (ValidationError, ValueError, TypeError, KeyError) as exc:
            raise InputError(str(self.other.path), f"cannot be merged: {exc}") from exc

    def _batch(self, theirs: list[str]) -> None:
        names, b = self.names, self.b
        ours = list(dict.fromkeys(b.doc_map.values()))
        b.tombstones = {
            r["id"]: r
            for r in self.ws.query_dicts(
                f"{TOMBSTONE_SELECT} WHERE layer IN ({_marks(names)}) "
                f"AND doc_id IN ({_marks(ours)})",
                [*names, *ours],
            )
        }
        if self.their_tombstone_layers:
            layers = self.their_tombstone_layers
            b.theirs_tombstones = {
                r["id"]: {**r, "doc_id": b.doc_map.get(r["doc_id"], r["doc_id"])}
                for r in self.other.rows(
                    f"{TOMBSTONE_SELECT} WHERE layer IN ({_marks(layers)}) "
                    f"AND doc_id IN ({_marks(theirs)})",
                    (*layers, *theirs),
                )
            }
        self._rows("span", "spans", SPAN_COLUMNS, theirs, ours)
        self._rows("relation", "relations", RELATION_COLUMNS, theirs, ours)
        self._tombstones()
        self._statuses(theirs, ours)
        self._notes(theirs)

    def _documents(self, docs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Match their documents to ours by text hash; returns the rows of those to add."""
        b = self.b
        shas = [doc["sha256"] for doc in docs]
        by_sha = dict(
            self.ws.query(
                f"SELECT sha256, id FROM documents WHERE sha256 IN ({_marks(shas)})", shas
            )
        )
        wanted = [doc["id"] for doc in docs]
        taken = {
            doc_id
            for (doc_id,) in self.ws.query(
                f"SELECT id FROM documents WHERE id IN ({_marks(wanted)})", wanted
            )
        }
        added = []
        for doc in docs:
            self._refuse_bad("document", doc["id"], check_document_row, doc)
            if doc["sha256"] in by_sha:
                b.texts[by_sha[doc["sha256"]]] = doc["text"]
                b.doc_map[doc["id"]] = by_sha[doc["sha256"]]
                self.report.documents_matched += 1
                continue
            new_id = doc["id"]
            if new_id in taken or self._exists(new_id):
                new_id = f"{doc['id']}_{doc['sha256'][:8]}"
            taken.add(new_id)
            b.texts[new_id] = doc["text"]
            by_sha[doc["sha256"]] = new_id
            b.doc_map[doc["id"]] = new_id
            self.report.documents_added += 1
            added.append((new_id, *(doc[c] for c in DOCUMENT_COLUMNS[1:])))
        return added

    def _exists(self, doc_id: str) -> bool:
        found = self.ws.query("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return found is not None

    def _rows(
        self,
        kind: str,
        table: str,
        columns: list[str],
        theirs_docs: list[str],
        ours_docs: list[str],
    ) -> None:
        b, layers = self.b, self.names
        quoted = ", ".join(f'"{c}"' for c in columns)
        theirs = {}
        for r in self.other.rows(
            f"SELECT {quoted} FROM {table} WHERE doc_id IN ({_marks(theirs_docs)}) ORDER BY rowid",
            tuple(theirs_docs),
        ):
            r["doc_id"] = b.doc_map.get(r["doc_id"], r["doc_id"])
            self._check(kind, r)
            if kind == "relation":
                r["head"] = b.span_twins.get(r["head"], r["head"])
                r["child"] = b.span_twins.get(r["child"], r["child"])
            theirs[r["id"]] = r
        # Ours: the rows of these documents, and any row holding one of their ids elsewhere.
        ours = {
            r["id"]: r
            for r in self.ws.query_dicts(
                f"SELECT {quoted} FROM {table} WHERE doc_id IN ({_marks(ours_docs)}) "
                f"AND layer IN ({_marks(layers)})",
                [*ours_docs, *layers],
            )
        }
        for chunk in _chunks(list(theirs)):
            ours.update(
                (r["id"], r)
                for r in self.ws.query_dicts(
                    f"SELECT {quoted} FROM {table} WHERE id IN ({_marks(chunk)}) "
                    f"AND layer IN ({_marks(layers)})",
                    [*chunk, *layers],
                )
            )
        self._their_rows, self._our_rows = theirs, ours
        insert = _put_span if kind == "span" else _put_relation
        delete = _delete_span if kind == "span" else _delete_relation
        b.alive[kind] = alive = set(ours)
        if kind == "relation":
            b.triples = {(r["head"], r["child"], r["label"]): rid for rid, r in ours.items()}
        twins = _span_keys(ours) if kind == "span" else {}
        for rid, row in theirs.items():
            mine = ours.get(rid)
            where = (row["layer"], row["doc_id"], kind, rid)
            twin = twins.get(_span_key(row)) if kind == "span" and mine is None else None
            if twin is not None and rid not in b.tombstones:
                b.span_twins[rid] = twin
                self.report.spans_matched += 1
                continue
            if mine is None:
                dead = b.tombstones.get(rid)
                if dead and dead["deleted"] >= row["updated"]:
                    self._decide(where, "ours", f"deleted here {dead['deleted']}", "kept_deleted")
                    continue
                if dead:
                    self._decide(where, "theirs", f"edited there {row['updated']}", "restored")
                if not self._linkable(kind, row, where):
                    continue
                b.writes.append(partial(insert, row))
                self.report.counts[f"{kind}s_added"] += not dead
                alive.add(rid)
            elif _content(mine, columns) != _content(row, columns):
                if (mine["layer"], mine["doc_id"]) != (row["layer"], row["doc_id"]):
                    self._decide(where, "ours", "same id in another document or layer", "skipped")
                elif _newer(row, mine, columns) and self._linkable(kind, row, where):
                    b.writes.append(partial(insert, row))
                    self._decide(
                        where, "theirs", f"{row['updated']} > {mine['updated']}", "updated"
                    )
                else:
                    self._decide(where, "ours", f"{mine['updated']} >= {row['updated']}", "kept")
        for rid, mine in ours.items():
            dead = b.theirs_tombstones.get(rid)
            if rid not in theirs and dead and dead["deleted"] > mine["updated"]:
                where = (mine["layer"], mine["doc_id"], kind, rid)
                b.writes.append(partial(delete, rid))
                alive.discard(rid)
                self._decide(where, "theirs", f"deleted there {dead['deleted']}", "deleted")

    def _check(self, kind: str, row: dict[str, Any]) -> None:
        """Their rows obey the importer's rules (``core/rowchecks.py``), this workspace's
        offsets contract and label schema, or nothing is merged."""
        self._refuse_bad(kind, row["id"], self._check_row, kind, row)

    def _check_row(self, kind: str, row: dict[str, Any]) -> None:
        b = self.b
        if row["doc_id"] not in b.texts:
            raise ValidationError(f"its document {row['doc_id']!r} is not in the file.")
        if kind == "span":
            attrs = check_span_fields(row)
            text = b.texts[row["doc_id"]]
            self.ws.check_span(text, row["start"], row["end"], row["label"], attrs)
            b.their_spans[row["id"]] = row
            return
        head, child = b.their_spans.get(row["head"]), b.their_spans.get(row["child"])
        check_relation_ends(row, head, child)
        assert head is not None and child is not None
        self.ws.schema.check_relation(row["label"], head["label"], child["label"])

    def _refuse_bad(self, kind: str, rid: object, check: Any, *args: Any) -> None:
        """Run one of the row checks; a failure names the other file, the row and the rule."""
        try:
            check(*args)
        except (ValidationError, ValueError, TypeError) as exc:
            raise InputError(
                str(self.other.path), f"{kind} {rid!r} cannot be merged: {exc}"
            ) from exc

    def _linkable(self, kind: str, row: dict[str, Any], where: tuple[str, str, str, str]) -> bool:
        """A relation comes in only if both its spans are here, and it is not a twin (same
        ends and label under another id) of one we have."""
        if kind != "relation":
            return True
        spans = self.b.alive["span"]
        if row["head"] not in spans or row["child"] not in spans:
            self._decide(where, "ours", "one of its spans is deleted here", "skipped")
            return False
        twin = self.b.triples.get((row["head"], row["child"], row["label"]))
        if twin is not None and twin != row["id"]:
            self._decide(where, "ours", "the same link exists here under another id", "skipped")
            return False
        return True

    def _tombstones(self) -> None:
        """Carry their deletions over, so they travel on to whoever merges this file next."""
        b = self.b
        for rid, dead in b.theirs_tombstones.items():
            if dead["kind"] == "note":
                continue  # _notes weighs a note's deletion against its flag changes
            if rid in b.alive["span"] or rid in b.alive["relation"]:
                continue  # kept or restored here: an edit newer than their deletion
            mine = b.tombstones.get(rid)
            if mine is None or mine["deleted"] < dead["deleted"]:
                b.writes.append(
                    partial(
                        _carry_tombstone,
                        (rid, dead["kind"], dead["doc_id"], dead["layer"], dead["deleted"]),
                    )
                )
                self.report.counts["tombstones_carried"] += 1

    def _statuses(self, theirs_docs: list[str], ours_docs: list[str]) -> None:
        layers = self.names
        ours = {
            (r["doc_id"], r["layer"]): r
            for r in self.ws.query_dicts(
                f"{STATUS_SELECT} WHERE doc_id IN ({_marks(ours_docs)}) "
                f"AND layer IN ({_marks(layers)})",
                [*ours_docs, *layers],
            )
        }
        columns = ["doc_id", "layer", "status", "seconds", "updated"]
        for row in self.other.rows(
            f"{STATUS_SELECT} WHERE doc_id IN ({_marks(theirs_docs)})", tuple(theirs_docs)
        ):
            self._refuse_bad("status of document", row["doc_id"], check_status_row, row)
            row["doc_id"] = self.b.doc_map.get(row["doc_id"], row["doc_id"])
            mine = ours.get((row["doc_id"], row["layer"]))
            if mine is not None and _content(mine, columns) == _content(row, columns):
                continue
            finished = _finished_side(row, mine)
            if finished == "ours" or (
                finished is None and mine is not None and not _newer(row, mine, columns)
            ):
                continue
            self.b.writes.append(partial(_put_status, _content(row, columns)))
            self.report.counts["statuses_updated"] += 1

    def _notes(self, theirs_docs: list[str]) -> None:
        """Their notes on this batch's documents that this workspace lacks, their newer flags
        and their newer deletions (our rows read by id, a chunk at a time: no whole table).

        Each row is checked like their other rows (``check_note_row``) before anything is
        written: a note's document must be in the file, its text plain and bounded. A note
        deleted here after their last change of it stays deleted; one they deleted after our
        last change of it is deleted here (the tombstone carried on, as for spans)."""
        if "notes" not in self.other.tables:
            return
        b = self.b
        timed = f"{NOTE_SELECT.removesuffix(' FROM notes')}, flag_changed FROM notes"
        their_columns = {c["name"] for c in self.other.rows("PRAGMA table_info(notes)")}
        select = timed if "flag_changed" in their_columns else NOTE_SELECT
        rows = self.other.rows(
            f"{select} WHERE doc_id IN ({_marks(theirs_docs)}) ORDER BY rowid",
            tuple(theirs_docs),
        )
        dead_notes = {rid: d for rid, d in b.theirs_tombstones.items() if d["kind"] == "note"}
        wanted = [r["id"] for r in rows] + list(dead_notes)
        ours = {
            r["id"]: r
            for chunk in _chunks(wanted)
            for r in self.ws.query_dicts(f"{timed} WHERE id IN ({_marks(chunk)})", chunk)
        }
        added: list[Note] = []
        flags: list[Callable[[Writer], None]] = []
        for r in rows:
            self._refuse_bad("note", r["id"], self._check_note, r)
            note = _note(r, b.doc_map[r["doc_id"]], b.span_twins)
            mine = ours.get(r["id"])
            if mine is None:
                dead = b.tombstones.get(r["id"])
                if dead is None or dead["deleted"] < _note_changed(r):
                    added.append(note)
                    if r.get("flag_changed"):
                        flags.append(partial(_put_note_flag, note, r["flag_changed"]))
            elif bool(mine["flagged"]) != note.flagged and _note_changed(r) > _note_changed(mine):
                flags.append(partial(_put_note_flag, note, _note_changed(r)))
                self.report.counts["notes_flag_changed"] += 1
        if added:
            b.writes.append(partial(_put_notes, added))
            self.report.counts["notes_offered"] += len(added)
        b.writes.extend(flags)
        for rid, dead in dead_notes.items():
            mine = ours.get(rid)
            if mine and _note_changed(mine) >= dead["deleted"]:
                continue  # changed here after they deleted it: it stays
            if mine is None and b.tombstones.get(rid, {}).get("deleted", "") >= dead["deleted"]:
                continue  # deleted here too, later
            if mine is not None:
                b.writes.append(partial(_delete_note, _note(mine, mine["doc_id"], {})))
                self.report.counts["notes_deleted"] += 1
            row = (rid, "note", dead["doc_id"], dead["layer"], dead["deleted"])
            b.writes.append(partial(_carry_tombstone, row))
            self.report.counts["tombstones_carried"] += 1

    def _check_note(self, row: dict[str, Any]) -> None:
        check_note_row(row)
        if row.get("flag_changed") is not None:
            note_time(row["flag_changed"], "flag time")
        if row["doc_id"] not in self.b.doc_map:
            raise ValidationError(f"its document {row['doc_id']!r} is not in the file.")
        if row["layer"] not in self.report.layers:
            raise ValidationError(f"its layer {row['layer']!r} is not in the file.")

    def _decide(
        self, where: tuple[str, str, str, str], winner: str, detail: str, what: str
    ) -> None:
        layer, doc_id, kind, rid = where
        self.report.counts[f"{kind}s_{what}"] += 1
        label, words = self._recognisable(kind, rid, winner)
        self.report.decisions.append(
            Decision(layer, doc_id, kind, rid, winner, detail, label, words)
        )

    def _recognisable(self, kind: str, rid: str, winner: str) -> tuple[str, str]:
        """The label and words of the row a decision is about, as the winning side has it."""
        first, second = (self._our_rows, self._their_rows)
        if winner != "ours":
            first, second = second, first
        row = first.get(rid) or second.get(rid)
        if row is None:
            return "", ""
        span = row if kind == "span" else self.b.their_spans.get(row["head"])
        if span is None:
            span = next(iter(self.ws.query_dicts(_SPAN_AT, (row["head"],))), None)
        text = self.b.texts.get(row["doc_id"], "")
        words = excerpt(text, span["start"], span["end"]) if span and text else ""
        return row["label"], words


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    """Ids a few hundred at a time: a statement's parameters are limited."""
    return [values[at : at + size] for at in range(0, len(values), size)]


SCHEMA_MODES = ("same", "union")


def merge_workspaces(
    ws: Workspace, others: Sequence[str | Path], schema_mode: str = "same"
) -> list[MergeReport]:
    """Merge each file in turn, each logged as its own event, in one transaction.

    A bad file (missing, damaged, not a workspace, this workspace itself, rows this
    workspace's schema refuses) stops everything, with one sentence naming it, and leaves this
    workspace as it was.

    Label schemas: a file whose schema this workspace's accepts (every label, attribute value
    and relation of theirs exists here) merges as it is. Otherwise ``schema_mode="same"``
    refuses it, naming what differs, and ``"union"`` first adds what theirs has to this
    workspace's schema (in the same transaction), unless the two contradict each other.
    """
    opened = [open_other(path, ws.path) for path in others]
    reports = []
    try:
        # All files or none: a row of the third file that breaks the schema undoes the first two.
        with ws.batch():
            for other in opened:
                _adopt_schema(ws, other, schema_mode)
                reports.append(_merge_one(ws, other))
    finally:
        for other in opened:
            other.close()
    return reports


def _merge_one(ws: Workspace, other: OtherWorkspace) -> MergeReport:
    """One file in the merge's transaction, logged as one ``merge`` event (none when it
    brought nothing); views re-read everything after a merge, so no row ids are kept."""
    with ws.writing("merge", ChangeKind.WORKSPACE, whole_workspace=True) as w:
        merge = _Merge(ws, other, w)
        merge.run()
        if merge.wrote:
            w.payload.update(merge.report.to_json())
        else:
            w.log_event = False
    return merge.report


def _adopt_schema(ws: Workspace, other: OtherWorkspace, schema_mode: str) -> None:
    theirs = other.schema()
    missing = differences(ws.schema, theirs)
    if not missing:
        return
    if schema_mode != "union":
        raise InputError(
            str(other.path),
            f"its label schema has {', '.join(missing)}, which this workspace's schema lacks; "
            "nothing was merged (merge with --schema union to add them).",
        )
    try:
        ws.set_schema(union(ws.schema, theirs))
    except ValidationError as exc:
        raise InputError(str(other.path), f"its label schema cannot be united: {exc}") from exc
