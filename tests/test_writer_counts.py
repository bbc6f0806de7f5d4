"""The write door's cost per row, counted (statements, reads of rows just written, checks),
never timed: a suggestion run over 1,000 articles and an import of 10,000 spend most of
their time here."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from annotator.arabic.suggest import store_suggestions, suggest_text
from annotator.core import rowchecks
from annotator.core.changes import ChangeKind
from annotator.core.errors import ValidationError
from annotator.core.model import Relation, Span, new_id
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

TEXT = (
    "قال وزير الخارجية سامح شكري، الأحد، إن بلاده ترفض أي تدخل خارجي.\n"
    "وأضاف أن الاجتماع المقبل سيعقد في 14 يناير بالقاهرة."
)
SPEAKER = (TEXT.index("سامح"), TEXT.index("،"))
QUOTE = (TEXT.index("بلاده"), TEXT.index("."))


@pytest.fixture
def doc(workspace: Workspace) -> str:
    workspace.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
    return "t"


@contextmanager
def statements(ws: Workspace) -> Iterator[list[str]]:
    """Every statement the workspace's connection runs meanwhile (a row of an executemany is
    one; SQLite reports a statement again for each trigger it fires)."""
    seen: list[str] = []
    conn = ws._db.conn
    conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        conn.set_trace_callback(None)


def span_reads(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith("SELECT") and "FROM spans" in s]


def span(doc: str, where: tuple[int, int], label: str, attrs: dict[str, str]) -> Span:
    return Span(new_id(), doc, "amal", *where, label, attrs)


def quote_and_speaker(doc: str) -> tuple[Span, Span]:
    return (
        span(doc, QUOTE, "QUOTE", {"kind": "indirect"}),
        span(doc, SPEAKER, "SPEAKER", {"entity": "سامح شكري"}),
    )


def said_by(doc: str, head: Span, child: Span) -> Relation:
    return Relation(new_id(), doc, "amal", head.id, child.id, "said_by")


def test_relations_find_the_ends_the_writer_just_inserted_without_reading_them(workspace, doc):
    quote, speaker = quote_and_speaker(doc)
    with (
        statements(workspace) as seen,
        workspace.writing("t", ChangeKind.SPANS, doc_id=doc, layer="amal") as w,
    ):
        w.insert_spans([quote, speaker])
        w.insert_relations([said_by(doc, quote, speaker)])
    assert span_reads(seen) == []
    [rel] = workspace.relations(doc, "amal")
    assert (rel.head, rel.child) == (quote.id, speaker.id)


def test_an_end_stored_earlier_is_read_and_checked(workspace, doc):
    """Only ends the writer did not write are read, and they are checked all the same."""
    quote, speaker = quote_and_speaker(doc)
    with workspace.writing("t", ChangeKind.SPANS, doc_id=doc, layer="amal") as w:
        w.insert_spans([speaker])
    with (
        statements(workspace) as seen,
        workspace.writing("t", ChangeKind.SPANS, doc_id=doc, layer="amal") as w,
    ):
        w.insert_spans([quote])
        w.insert_relations([said_by(doc, quote, speaker)])
    [read] = span_reads(seen)
    assert speaker.id in read and quote.id not in read
    with (
        pytest.raises(ValidationError, match="said_by"),
        workspace.writing("t", ChangeKind.SPANS, doc_id=doc, layer="amal") as w,
    ):
        w.insert_relations([said_by(doc, speaker, quote)])  # a speaker said by a quote


def test_an_end_updated_or_deleted_by_the_same_writer_is_not_taken_from_memory(workspace, doc):
    quote, speaker = quote_and_speaker(doc)
    with (
        pytest.raises(ValidationError, match="said_by"),
        workspace.writing("t", ChangeKind.SPANS, doc_id=doc, layer="amal") as w,
    ):
        w.insert_spans([quote, speaker])
        w.update_span(Span(speaker.id, doc, "amal", *SPEAKER, "QUOTE", {"kind": "direct"}))
        w.insert_relations([said_by(doc, quote, speaker)])
    with (
        pytest.raises(ValidationError, match="does not exist"),
        workspace.writing("t", ChangeKind.SPANS, doc_id=doc, layer="amal") as w,
    ):
        w.insert_spans([quote, speaker])
        w.delete_spans([speaker])
        w.insert_relations([said_by(doc, quote, speaker)])
    assert workspace.spans(doc, "amal") == []


def test_a_suggestion_run_reads_no_span_back_and_inserts_each_row_once(workspace, doc):
    found = suggest_text(TEXT, "2022-01-13")
    assert found.proposals and found.links
    with statements(workspace) as seen:
        report = store_suggestions(workspace, doc, found)
    # The one read is of the suggestions already there (to replace the pending ones).
    assert len(span_reads(seen)) == 1
    rows = set(seen)  # each row's statement names its own new id
    assert sum(s.startswith("INSERT INTO spans") for s in rows) == report.added
    assert sum("INTO relations" in s for s in rows) == report.relations > 0


def test_the_spans_of_a_run_are_checked_together(workspace, doc, monkeypatch):
    """Each distinct offset is segmented at most once, and no span is checked twice."""
    found = suggest_text(TEXT, "2022-01-13")
    offsets = [o for p in found.proposals for o in (p.start, p.end)]
    assert len(set(offsets)) < len(offsets)  # quotes and claims share ends, for one
    calls = {"offsets": 0, "boundary": 0}
    check_offsets, is_boundary = rowchecks.check_offsets, rowchecks.is_grapheme_boundary

    def counted_offsets(*args: object, **kwargs: object) -> None:
        calls["offsets"] += 1
        check_offsets(*args, **kwargs)  # type: ignore[arg-type]

    def counted_boundary(text: str, offset: int) -> bool:
        calls["boundary"] += 1
        return is_boundary(text, offset)

    monkeypatch.setattr("annotator.core.tables.check_offsets", counted_offsets)
    monkeypatch.setattr("annotator.core.rowchecks.is_grapheme_boundary", counted_boundary)
    report = store_suggestions(workspace, doc, found)
    assert calls["offsets"] == len(found.proposals) == report.added
    assert calls["boundary"] <= len(set(offsets))


def test_a_span_the_run_refuses_is_left_out_and_counted(workspace, doc):
    found = suggest_text(TEXT, "2022-01-13")
    broken = type(found)([*found.proposals, type(found.proposals[0])(5, 400, "DATE")], [])
    report = store_suggestions(workspace, doc, broken)
    assert report.invalid == 1 and report.added == len(found.proposals)


def test_new_ids_sort_in_creation_order_and_a_forked_process_makes_its_own():
    ids = [new_id() for _ in range(2_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(len(i) == 32 and i[12] == "7" and i[16] in "89ab" for i in ids)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child's next ids must not be the ones the parent draws next
        os.write(write, "".join(new_id() for _ in range(5)).encode())
        os._exit(0)
    os.waitpid(child, 0)
    theirs = os.read(read, 4096).decode()
    mine = "".join(new_id() for _ in range(5))
    os.close(read)
    os.close(write)
    assert {theirs[k + 16 : k + 32] for k in range(0, 160, 32)}.isdisjoint(
        {mine[k + 16 : k + 32] for k in range(0, 160, 32)}
    )


def test_an_import_reads_no_span_back_to_link_its_relations(workspace):
    """(A span id the file gives is looked up, to refuse one of another document; these
    spans have none, only the names their relations use.)"""
    start, end = SPEAKER
    record = DocumentRecord(
        text=TEXT,
        path="a.jsonl",
        line=1,
        id="a",
        spans=[
            {"ref": "q", "start": QUOTE[0], "end": QUOTE[1], "label": "QUOTE"},
            {"ref": "s", "start": start, "end": end, "label": "SPEAKER"},
        ],
        relations=[{"head": "q", "child": "s", "label": "said_by"}],
    )
    with statements(workspace) as seen:
        report = workspace.import_records([record], layer="amal")
    assert report.relations_added == 1
    assert span_reads(seen) == []
