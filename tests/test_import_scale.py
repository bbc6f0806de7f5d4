"""`annotator import` stays linear: its cost per imported row does not grow with the corpus.

Counted, not timed (the machine is shared): the SQLite statements and VM steps an import runs
(``tests/scale_helpers.metered``), the Python memory it holds (``tracemalloc``), and the order
of the span ids it creates. An import of 100,000 articles once took 27 times as long as one of
10,000: it read every stored document's hash before starting, kept every span id it had seen
in memory, and inserted random span ids into an index that outgrew SQLite's cache.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from tests.scale_helpers import build_corpus, metered, traced_peak

SPANS = [
    {"start": 0, "end": 3, "label": "SPEAKER"},
    {"start": 4, "end": 7, "label": "DATE"},
    {"start": 8, "end": 12, "label": "QUOTE", "attrs": {"kind": "direct"}},
]


def records(first: int, count: int, layer: str = "amal") -> Iterator[DocumentRecord]:
    """``count`` new short articles (numbered from ``first``), three spans each, made lazily."""
    for n in range(first, first + count):
        yield DocumentRecord(
            text=f"خبر رقم {n}\nقال الرئيس إن الاجتماع سيعقد في يناير {n}.",
            path=f"{layer}.jsonl",
            line=n - first + 1,
            id=f"new{n:06d}",
            spans=[dict(s) for s in SPANS],
        )


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[int, Path]:
    """Workspaces of 500 and 4,000 articles (two layers of spans each)."""
    folder = tmp_path_factory.mktemp("corpora")
    return {n: build_corpus(folder / f"corpus{n}.db", n) for n in (500, 4_000)}


def metered_import(corpus: Path, copy: Path, count: int):
    shutil.copyfile(corpus, copy)
    with Workspace(copy, who="test") as ws:
        conn = ws._db.conn
        with metered(conn) as meter:
            report = ws.import_records(records(100_000, count), layer="amal")
        assert report.documents_added == count
        return meter, meter.full_scans(conn)


def test_importing_into_a_larger_workspace_costs_no_more_per_row(corpora, tmp_path):
    """The same 200 articles into 500 and into 4,000: the same statements, about the same
    VM steps (a read of every stored document would add steps in proportion to the corpus),
    and no statement that reads a corpus table whole."""
    small, small_scans = metered_import(corpora[500], tmp_path / "small.db", 200)
    big, big_scans = metered_import(corpora[4_000], tmp_path / "big.db", 200)
    assert small_scans == [] and big_scans == []
    assert len(big.statements) == len(small.statements)
    # B-tree descents grow with log(n): a few percent, never 8x the corpus.
    assert big.steps < small.steps * 1.15, (small.steps, big.steps)


def test_import_statements_and_steps_grow_linearly_with_the_input(tmp_path):
    """600 and 2,400 articles into empty workspaces: statements and VM steps per article
    stay the same (the import runs a bounded number of statements per batch, not per row)."""
    figures = {}
    for count in (600, 2_400):
        with Workspace(tmp_path / f"w{count}.db", who="test") as ws:
            with metered(ws._db.conn) as meter:
                ws.import_records(records(0, count))
            assert meter.full_scans(ws._db.conn) == []
        figures[count] = (len(meter.statements) / count, meter.steps / count)
    (small_statements, small_steps), (big_statements, big_steps) = figures[600], figures[2_400]
    assert big_statements <= small_statements * 1.1, figures
    assert big_steps < small_steps * 1.15, figures


def peak_python_memory_of_import(path: Path, count: int) -> int:
    with Workspace(path, who="test") as ws, traced_peak() as peak:
        ws.import_records(records(0, count))
    return peak.bytes


def test_import_memory_does_not_grow_with_the_input(tmp_path):
    """Four times the articles, about the same Python memory: nothing of the whole input or
    corpus is held (the stored documents' hashes, every span id seen, every span id for the
    change report). What remains per document is its id in the change report (~100 bytes)."""
    small = peak_python_memory_of_import(tmp_path / "small.db", 1_000)
    big = peak_python_memory_of_import(tmp_path / "big.db", 4_000)
    per_document = (big - small) / 3_000
    assert per_document < 250, (small, big, per_document)


def test_span_ids_an_import_creates_sort_in_creation_order(tmp_path):
    """Ids made one after another append to the span table's primary-key index instead of
    landing on a random page of it (which made each insert dearer as the index outgrew the
    cache); they are still 32 hex digits, unique across machines (UUIDv7 layout)."""
    with Workspace(tmp_path / "w.db", who="test") as ws:
        ws.import_records(records(0, 300))
        ids = [row[0] for row in ws.query("SELECT id FROM spans ORDER BY rowid")]
    assert len(ids) == len(set(ids)) == 900
    assert all(len(i) == 32 and int(i, 16) >= 0 and i[12] == "7" for i in ids)
    assert ids == sorted(ids)


def test_a_bulk_import_reports_a_whole_workspace_change_instead_of_every_id(tmp_path, monkeypatch):
    """The Change of an import names its documents while they are few (a window can show
    them); past NAMED_DOCUMENTS it stops holding their ids, so a 100,000-article import's
    memory stays flat (its RSS grew 1.27x from 10,000 to 100,000 articles), and says that
    anything may have changed."""
    from annotator.core import importer

    monkeypatch.setattr(importer, "NAMED_DOCUMENTS", 50)
    monkeypatch.setattr(importer, "_FLUSH_EVERY", 20)
    with Workspace(tmp_path / "w.db", who="test") as ws:
        seen = []
        ws.subscribe(seen.append)
        ws.import_records(records(0, 10))
        ws.import_records(records(10, 400))
    small, bulk = seen
    assert not small.whole_workspace and len(small.doc_ids) == 10
    assert bulk.whole_workspace and len(bulk.doc_ids) < 400
