"""Import of parsed documents and annotations into a workspace, all or nothing.

Records are validated and written one by one inside a single write transaction, so memory stays
bounded however long the input is, and the first bad record rolls everything back: the
workspace is exactly as it was, and the error names the file and line.

Re-importing is idempotent: documents are matched by the SHA-256 of their normalised text, and
spans and relations by id (or, without an id, by what they are), so nothing is duplicated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from annotator.core.changes import ChangeKind
from annotator.core.errors import InputError, ValidationError
from annotator.core.model import GOLD_LAYER, IMPORTED_LAYER, Note, Relation, Span, Status, new_id
from annotator.core.notes import notes_from_objects
from annotator.core.records import DocumentRecord, ImportReport
from annotator.core.rowchecks import check_text, usable_id
from annotator.core.rows import check_layer_name, dumps, normalize_published, now
from annotator.core.tables import Writer
from annotator.core.text import (
    forbidden_character,
    normalize_fragment,
    normalize_text,
    remap_exact,
    text_sha256,
)

if TYPE_CHECKING:
    from annotator.core.workspace import Workspace

DEFAULT_IMPORT_LAYER = IMPORTED_LAYER
_FLUSH_EVERY = 500
_FLUSH_CHARS = 8 * 1024 * 1024  # pending text is written out at least this often: bounded memory


class _Rejected(Exception):
    """A record problem; turned into an InputError that names the record's file and line."""


# An import touching more documents than this reports a whole-workspace change instead of
# their ids.
NAMED_DOCUMENTS = 1000


class Importer:
    def __init__(self, workspace: Workspace, layer: str | None) -> None:
        self.ws = workspace
        self.w: Writer | None = None
        self.layer_override = layer
        self.report = ImportReport()
        # Documents of the batch not yet written, by text hash and by id; stored ones are
        # looked up by index (nothing of the whole corpus is held in memory).
        self.batch_by_sha: dict[str, str] = {}
        self.batch_ids: set[str] = set()
        self.known_layers: set[str] = set()
        # Span and relation ids the input gave (or matched to stored rows), to refuse one that
        # recurs; ids made here (new_id) are new and never recur, so they are not kept.
        self.seen_span_ids: set[str] = set()
        self.seen_relation_ids: set[str] = set()
        self.refs: dict[str, Span] = {}  # the current record's span refs (see _note_ref)
        self.pending: dict[str, list[Any]] = {
            "docs": [],
            "spans": [],
            "rels": [],
            "status": [],
            "events": [],
            "notes": [],
        }
        self.pending_chars = 0
        # Documents added or annotated by records not yet written (flushed when one recurs).
        self.pending_docs: set[str] = set()

    def run(
        self, records: Iterable[DocumentRecord], progress: Callable[[int], None] | None = None
    ) -> ImportReport:
        if self.layer_override is not None:
            check_layer_name(self.layer_override)
        with self.ws.writing("import", ChangeKind.DOCUMENTS_ADDED) as self.w:
            self.w.name_spans = False
            self._run(records, progress)
        return self.report

    def _run(
        self, records: Iterable[DocumentRecord], progress: Callable[[int], None] | None
    ) -> None:
        self.known_layers = set(self.ws.layers())
        for count, record in enumerate(records, 1):
            try:
                self._one(record)
            except (_Rejected, ValidationError) as exc:
                raise InputError(record.path, str(exc), record.line) from exc
            if count % _FLUSH_EVERY == 0 or self.pending_chars > _FLUSH_CHARS:
                self._flush()
            if progress:
                progress(count)
        self._flush()
        self.writer.payload.update(
            {
                "documents_added": self.report.documents_added,
                "spans_added": self.report.spans_added,
                "relations_added": self.report.relations_added,
                "layers": sorted(self.report.layers),
            }
        )

    @property
    def writer(self) -> Writer:
        assert self.w is not None, "the importer writes only inside its run"
        return self.w

    # ------------------------------------------------------------------ one record
    def _one(self, record: DocumentRecord) -> None:
        if not isinstance(record.text, str):
            raise _Rejected('"text" must be a string.')
        _refuse_forbidden_characters(record)
        text = normalize_text(record.text)
        if not text.strip():
            raise _Rejected('"text" is empty; a document needs a text to annotate.')
        sha = text_sha256(text)
        if record.sha256 and record.sha256 != sha:
            raise _Rejected(
                f'meta "sha256" {record.sha256} does not match the text (its SHA-256 is {sha}).'
            )
        doc_id = self.batch_by_sha.get(sha) or self.writer.document_with_sha(sha)
        is_new = doc_id is None
        if doc_id is None:
            doc_id = self._new_document(record, text, sha)
        else:
            self.report.documents_existing += 1
            self._fill_missing_published(record, doc_id)

        has_annotations = bool(record.spans or record.relations or record.status or record.notes)
        if not has_annotations:
            return
        layer = self.layer_override or record.layer or DEFAULT_IMPORT_LAYER
        check_layer_name(layer)
        self._ensure_layer(layer)
        if not is_new and doc_id in self.pending_docs:
            self._flush()  # an earlier record of this input annotated it: read it back written
        self.report.layers.add(layer)
        self.pending_docs.add(doc_id)
        existing = {} if is_new else {s.id: s for s in self.ws.spans(doc_id, layer)}
        self.refs = {}
        spans = self._spans(record, text, doc_id, layer, existing)
        self._relations(record, doc_id, layer, spans, is_new)
        self._queue_notes(record.notes, doc_id, layer, None)
        if record.status:
            try:
                status = Status(record.status)
            except ValueError as exc:
                raise _Rejected(f'unknown "status" {record.status!r}.') from exc
            self.pending["status"].append((doc_id, layer, status.value, now()))
        if record.adjudicator is not None and layer == GOLD_LAYER:
            self._attest_adjudicator(record, doc_id)

    def _attest_adjudicator(self, record: DocumentRecord, doc_id: str) -> None:
        """Keep a gold line's adjudicator, so that an import/export round trip is exact.

        The event is signed by the adjudicator the file names (who decided that gold), and says
        who imported it and from where, so the log never claims more than the file attests.
        """
        name = record.adjudicator
        if not isinstance(name, str) or not 0 < len(name) <= 200 or not name.isprintable():
            raise _Rejected(f'"adjudicator" {name!r} is not a usable name.')
        payload = {"status": record.status, "imported_by": self.ws.who, "file": record.path}
        self.pending["events"].append(("import_adjudication", doc_id, GOLD_LAYER, payload, name))

    def _fill_missing_published(self, record: DocumentRecord, doc_id: str) -> None:
        """A known document without a publication date takes the one a later file gives
        (a .txt import first, then the JSONL with metadata); a date already set is kept."""
        if record.published in (None, ""):
            return
        try:
            published = normalize_published(record.published)
        except ValidationError as exc:
            raise _Rejected(str(exc)) from exc
        if doc_id in self.pending_docs:
            self._flush()  # the document may still be waiting to be written
        self.writer.set_published(doc_id, published, only_if_missing=True)

    def _new_document(self, record: DocumentRecord, text: str, sha: str) -> str:
        candidate = record.id if record.id is not None else f"doc_{sha[:16]}"
        if not usable_id(candidate):
            raise _Rejected(f"document id {candidate!r} is not usable as an id.")
        if candidate in self.batch_ids or self.writer.has_document(candidate):
            if record.id_is_explicit:
                raise _Rejected(f"document id '{candidate}' is already used by a different text.")
            candidate = f"{candidate}_{sha[:8]}"
        try:
            published = normalize_published(record.published)
        except ValidationError as exc:
            raise _Rejected(str(exc)) from exc
        title = record.title if isinstance(record.title, str) and record.title.strip() else ""
        if not title:
            title = next((line.strip() for line in text.split("\n") if line.strip()), candidate)
        self.pending["docs"].append(
            (
                candidate,
                normalize_text(title)[:500],
                text,
                sha,
                str(record.source or ""),
                published,
                dumps(record.meta),
                now(),
            )
        )
        self.pending_chars += len(text)
        self.pending_docs.add(candidate)
        self.batch_by_sha[sha] = candidate
        self.batch_ids.add(candidate)
        self.report.documents_added += 1
        return candidate

    def _ensure_layer(self, layer: str) -> None:
        if layer not in self.known_layers:
            self.writer.ensure_layer(layer)
            self.known_layers.add(layer)

    # ------------------------------------------------------------------ spans
    def _spans(
        self, record: DocumentRecord, text: str, doc_id: str, layer: str, existing: dict[str, Span]
    ) -> dict[str, Span]:
        """Validate and queue the record's spans; returns every span id a relation may use."""
        remap = record.text != text
        by_key = {(s.start, s.end, s.label): s for s in existing.values()}
        usable: dict[str, Span] = dict(existing)
        if not isinstance(record.spans, list):
            raise _Rejected('"spans" must be a list.')
        for number, raw in enumerate(record.spans, 1):
            try:
                span = self._span(raw, record.text, text, remap, doc_id, layer)
            except (ValidationError, _Rejected) as exc:
                raise _Rejected(f"span {_span_name(raw, number)}: {exc}") from exc
            if span.id in self.seen_span_ids:
                raise _Rejected(f"span {number}: id '{span.id}' appears twice in the input.")
            old = existing.get(span.id) or (
                None
                if isinstance(raw.get("id"), str)
                else by_key.get((span.start, span.end, span.label))
            )
            if old is not None:
                span = Span(old.id, *_span_fields(span))
            if old is not None or isinstance(raw.get("id"), str):
                self.seen_span_ids.add(span.id)
            usable[span.id] = span
            notes = raw.get("notes")
            try:
                if notes is not None:
                    self._queue_notes(notes, doc_id, layer, span.id)
            except _Rejected as exc:
                raise _Rejected(f"span {_span_name(raw, number)}: {exc}") from exc
            self._note_ref(raw, span, number)
            if old is None:
                self.pending["spans"].append(span)
                self.report.spans_added += 1
            elif (old.start, old.end, old.label, old.attrs) != (
                span.start,
                span.end,
                span.label,
                span.attrs,
            ):
                self.writer.update_span(
                    replace(
                        old, start=span.start, end=span.end, label=span.label, attrs=span.attrs
                    ),
                    keep_author=True,
                )
                self.report.spans_updated += 1
            else:
                self.report.spans_existing += 1
        return usable

    def _span(
        self, raw: Any, raw_text: str, text: str, remap: bool, doc_id: str, layer: str
    ) -> Span:
        if not isinstance(raw, dict):
            raise _Rejected("a span must be an object with start, end and label.")
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
        if type(start) is not int or type(end) is not int:
            raise _Rejected(f"start and end must be integers, not {start!r} and {end!r}.")
        if not isinstance(label, str):
            raise _Rejected(f"label must be a string, not {label!r}.")
        attrs = raw.get("attrs") or {}
        if remap and 0 <= start < end <= len(raw_text):
            new_start, new_end = (
                remap_exact(raw_text, text, start),
                remap_exact(raw_text, text, end),
            )
            if new_start is None or new_end is None:
                offset = start if new_start is None else end
                raise _Rejected(
                    f"span {start}-{end} would split a character cluster at offset {offset} "
                    "of the text as given (a letter and its marks, or a CR LF line end, stay "
                    "together)."
                )
            start, end = new_start, new_end
        span_id = raw.get("id")
        if span_id is not None and not usable_id(span_id):
            raise _Rejected(f"id {span_id!r} is not usable as a span id.")
        if span_id is not None and self._span_id_elsewhere(span_id, doc_id, layer):
            raise _Rejected(
                f"id '{span_id}' already belongs to a span of another document or layer."
            )
        span = Span(
            span_id or new_id(),
            doc_id,
            layer,
            start,
            end,
            label,
            dict(attrs),
            str(raw.get("origin") or "imported"),
            provenance=_decision_reason(raw, layer),
        )
        # The writer's own check, here so that a refusal names this record's line.
        self.writer.check_span(span, text)
        given_text = raw.get("text")
        if given_text is not None and normalize_fragment(str(given_text)) != text[start:end]:
            raise _Rejected(
                f'its "text" {given_text!r} differs from the document text '
                f"{text[start:end]!r} at {start}-{end}."
            )
        return span

    def _note_ref(self, raw: dict[str, Any], span: Span, number: int) -> None:
        """A span's ``ref`` is a name that only this record's relations use (brat's ``T1``,
        an XMI element id, a Label Studio result id). Other tools' ids are not ours: they
        repeat across documents, so they are never stored as span ids."""
        ref = raw.get("ref")
        if ref is None:
            return
        if not isinstance(ref, str) or not ref:
            raise _Rejected(f"span {number}: ref {ref!r} must be a non-empty string.")
        if ref in self.refs:
            raise _Rejected(f"span {number}: ref '{ref}' appears twice in this document.")
        self.refs[ref] = span

    def _span_id_elsewhere(self, span_id: str, doc_id: str, layer: str) -> bool:
        place = self.ws.span_place(span_id)
        return place is not None and place != (doc_id, layer)

    # ------------------------------------------------------------------ relations
    def _relations(
        self, record: DocumentRecord, doc_id: str, layer: str, spans: dict[str, Span], is_new: bool
    ) -> None:
        if not isinstance(record.relations, list):
            raise _Rejected('"relations" must be a list.')
        existing: set[tuple[str, str, str]] = set()
        existing_ids: set[str] = set()
        if not is_new:
            for rel in self.ws.relations(doc_id, layer):
                existing.add((rel.head, rel.child, rel.label))
                existing_ids.add(rel.id)
        for number, raw in enumerate(record.relations, 1):
            if not isinstance(raw, dict):
                raise _Rejected(f"relation {number}: must be an object with head, child, label.")
            head, child, label = raw.get("head"), raw.get("child"), raw.get("label")
            for end_name, end_id in (("head", head), ("child", child)):
                if not isinstance(end_id, str) or (end_id not in spans and end_id not in self.refs):
                    raise _Rejected(
                        f"relation {number}: its {end_name} {end_id!r} is not a span of this "
                        "document and layer."
                    )
            assert isinstance(head, str) and isinstance(child, str)
            head = head if head in spans else self.refs[head].id
            child = child if child in spans else self.refs[child].id
            try:
                self.ws.schema.check_relation(str(label), spans[head].label, spans[child].label)
            except ValidationError as exc:
                raise _Rejected(f"relation {number}: {exc}") from exc
            rel_id = raw.get("id")
            if rel_id is not None and not usable_id(rel_id):
                raise _Rejected(f"relation {number}: id {rel_id!r} is not usable as an id.")
            key = (head, child, str(label))
            if key in existing or (rel_id is not None and rel_id in existing_ids):
                self.report.relations_existing += 1
                continue
            if rel_id is None:
                rel_id = new_id()  # never used before, never seen again
            elif rel_id in self.seen_relation_ids or self.ws.has_relation(rel_id):
                raise _Rejected(f"relation {number}: id '{rel_id}' is already used.")
            else:
                self.seen_relation_ids.add(rel_id)
            existing.add(key)
            self.pending["rels"].append(Relation(rel_id, doc_id, layer, head, child, str(label)))
            self.report.relations_added += 1

    # ------------------------------------------------------------------ notes
    def _queue_notes(self, raw: Any, doc_id: str, layer: str, span_id: str | None) -> None:
        """Notes of a document line or a span; one already in the workspace is not repeated."""
        try:
            notes: list[Note] = notes_from_objects(raw, doc_id, layer, span_id, layer)
        except ValidationError as exc:
            raise _Rejected(str(exc)) from exc
        self.pending["notes"].extend(notes)

    # ------------------------------------------------------------------ writing
    def _flush(self) -> None:
        docs, spans, rels = self.pending["docs"], self.pending["spans"], self.pending["rels"]
        w, stamp = self.writer, now()
        if docs:
            w.insert_documents(docs)
        if spans:
            w.insert_spans(spans, updated=stamp)
        if rels:
            w.insert_relations(rels, updated=stamp)
        if self.pending["notes"]:
            self.report.notes_added += w.insert_notes(self.pending["notes"], if_absent=True)
        for doc_id, layer, status, updated in self.pending["status"]:
            w.set_status(doc_id, layer, status, updated)
        if self.pending["events"]:
            w.log_many(self.pending["events"])
        for key in self.pending:
            self.pending[key] = []
        self.pending_chars = 0
        self.pending_docs.clear()
        self.batch_by_sha.clear()
        self.batch_ids.clear()
        if len(w.doc_ids) > NAMED_DOCUMENTS:
            # A bulk import: its Change stops naming documents (views reload on an import
            # anyway), so the transaction's memory stays flat however large the input.
            w.forget_touched()
            w.whole_workspace = True


def _refuse_forbidden_characters(record: DocumentRecord) -> None:
    """Every string of the record, before anything is normalised, hashed or stored: a lone
    surrogate would otherwise fail deep inside UTF-8 encoding with no file or line."""
    found = forbidden_character(record.text) if _may_be_forbidden(record.text) else None
    if found is not None:
        offset, what = found
        line = record.text.count("\n", 0, offset) + 1
        column = offset - (record.text.rfind("\n", 0, offset) + 1) + 1
        raise _Rejected(f"the text contains {what} at line {line}, column {column} of the text.")
    fields = {
        "id": record.id,
        "title": record.title,
        "source": record.source,
        "published": record.published,
        "layer": record.layer,
        "status": record.status,
        "meta": record.meta,
        "spans": record.spans,
        "relations": record.relations,
        "notes": record.notes,
    }
    if not _any_forbidden(fields):
        return
    stack: list[tuple[str, Any]] = list(fields.items())
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            found = forbidden_character(value)
            if found is not None:
                raise _Rejected(f'"{where}" contains {found[1]}.')
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((f"{where} key", key))
                stack.append((f"{where}.{ascii(key)[1:-1]}", item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(value))


def _any_forbidden(value: Any) -> bool:
    """A cheap filter before the exact walk: whether any string in the nested record may hold a
    forbidden character. json.dumps (in C) keeps lone surrogates as they are and writes NUL as
    an escape; a false alarm only costs the exact walk, which then finds nothing."""
    dumped = json.dumps(value, ensure_ascii=False, default=repr)
    return "\\u0000" in dumped or _may_be_forbidden(dumped)


def _may_be_forbidden(text: str) -> bool:
    """Whether ``text`` holds a NUL or a surrogate: encoding to UTF-8 (in C, twice as fast as
    the regex search) fails on every surrogate, lone or not."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _span_fields(span: Span) -> tuple[Any, ...]:
    return (span.doc_id, span.layer, span.start, span.end, span.label, span.attrs, span.origin)


def _span_name(raw: Any, number: int) -> str:
    """How an error names a span: by the ref its file gave it (brat's T3, an XMI id), which
    the user can find in that file, else by its position."""
    ref = raw.get("ref") if isinstance(raw, dict) else None
    return ref if isinstance(ref, str) and ref else str(number)


def _decision_reason(raw: dict[str, Any], layer: str) -> dict[str, Any]:
    """A gold span's ``reason`` (why a reviewer decided it; the export writes it) back into its
    provenance, so a gold export imported and exported again is the same file."""
    reason = raw.get("reason")
    if reason is None or layer != GOLD_LAYER:
        return {}
    if not isinstance(reason, str):
        raise _Rejected(f"reason must be a string, not {reason!r}.")
    try:
        return {"reason": check_text("reason", normalize_fragment(reason))}
    except ValidationError as exc:
        raise _Rejected(str(exc)) from exc
