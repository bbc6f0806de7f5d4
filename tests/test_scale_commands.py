"""Corpus-wide commands stream: their work per document does not grow with the corpus.

Counted, not timed (see ``scale_helpers``): each command runs in this process as a user would
run it (``annotator.cli.main``), every SQLite connection it opens is metered, and the VM steps
per document at two corpus sizes are compared. A query that walks a table once per batch, or a
batch query without a usable index, makes the steps per document grow with the corpus
(batches are made small here so that a walk per batch shows at once); Python's peak memory,
traced the same way, catches rows gathered for the whole corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import data, main
from annotator.core import batches
from annotator.core.model import Document
from annotator.core.workspace import Workspace
from annotator.formats import manifest, selection
from annotator.review import adjudicate, agreement, merge
from tests.scale_helpers import Meter, build_corpus, traced_peak

SMALL, LARGE = 100, 1000
BATCH = 10  # documents per batch in these tests (the commands use hundreds)
# Steps per document may differ a little between sizes (fixed costs spread thinner, a
# B-tree one level deeper); a walk per batch makes them grow about tenfold.
GROWTH = 1.5


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("commands")
    return {size: build_corpus(folder / f"corpus{size}.db", size) for size in (SMALL, LARGE)}


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    """Every batch of every command holds BATCH documents (or rows of a printed table)."""
    monkeypatch.setattr(agreement, "BATCH", BATCH)
    monkeypatch.setattr(adjudicate, "BATCH", BATCH)
    monkeypatch.setattr(merge, "BATCH", BATCH, raising=False)
    monkeypatch.setattr(data, "DOCUMENT_ROWS", BATCH, raising=False)
    documents_of, ids_of = batches.document_batches, Workspace.doc_id_batches

    def document_batches(ws: Workspace, size: int = BATCH) -> Iterator[list[Document]]:
        return documents_of(ws, min(size, BATCH))

    def doc_id_batches(self: Workspace, size: int = BATCH) -> Iterator[list[str]]:
        return ids_of(self, min(size, BATCH))

    monkeypatch.setattr(selection, "document_batches", document_batches)
    monkeypatch.setattr(Workspace, "doc_id_batches", doc_id_batches)
    # An export's hash reads its file a megabyte at a time: a fixed cost, but more than the
    # small export's whole file, which would read here as memory growing with the corpus.
    monkeypatch.setattr(manifest, "file_sha256", hash_in_small_reads)


def hash_in_small_reads(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 14), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def every_connection_metered(monkeypatch) -> Iterator[Meter]:
    """One meter over every connection opened inside (the workspace, OTHER.db, backups)."""
    meter = Meter()
    connect = sqlite3.connect

    def step() -> int:
        meter.steps += 1
        return 0

    def metered_connect(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_progress_handler(step, 100)
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(sqlite3, "connect", metered_connect)
        yield meter
    meter.steps *= 100


def run(*argv: str) -> int:
    """The command's output goes nowhere (held in a buffer it would count as its memory)."""
    with (
        open(os.devnull, "w", encoding="utf-8") as sink,
        contextlib.redirect_stdout(sink),
        contextlib.redirect_stderr(sink),
    ):
        return main(list(argv))


def copy_of(corpus: Path, folder: Path, name: str) -> Path:
    copy = folder / name
    shutil.copyfile(corpus, copy)
    run("--db", str(copy), "conflicts", "--doc", "doc00000")  # the day's backup, unmetered
    return copy


COMMANDS = {
    "export": lambda db, out: ["export", "-o", str(out / "amal.jsonl"), "--layer", "amal"],
    "agreement": lambda db, out: ["agreement", "--json"],
    "adjudicate": lambda db, out: ["adjudicate", "--auto", "--json"],
    "stats": lambda db, out: ["stats", "--json"],
    "stats table": lambda db, out: ["stats", "--documents"],
    "check": lambda db, out: ["check"],
    "merge": lambda db, out: ["merge", str(out / "other.db")],
}


def measure(command: str, corpus: Path, folder: Path, monkeypatch) -> tuple[float, int]:
    """(VM steps per document, Python's peak bytes) of one command on a copy of ``corpus``;
    a merge brings in a copy of the corpus that a reviewer auto-adjudicated (every document
    matched, every layer compared, gold added to every document)."""
    folder.mkdir()
    db = copy_of(corpus, folder, "workspace.db")
    if command == "merge":
        other = copy_of(corpus, folder, "other.db")
        assert run("--db", str(other), "--annotator", "omar", "adjudicate", "--auto") == 0
    argv = ["--db", str(db), *COMMANDS[command](db, folder)]
    run(*argv)  # once unmetered: modules imported, caches filled
    if command in ("adjudicate", "merge"):
        db = copy_of(corpus, folder, "again.db")
        argv[1] = str(db)
    size = int(corpus.stem.removeprefix("corpus"))
    with traced_peak() as peak, every_connection_metered(monkeypatch) as meter:
        assert run(*argv) == 0
    return meter.steps / size, peak.bytes


@pytest.mark.parametrize("command", list(COMMANDS))
def test_corpus_commands_cost_the_same_per_document_at_any_size(
    command, corpora, tmp_path, monkeypatch
):
    small_steps, small_peak = measure(command, corpora[SMALL], tmp_path / "small", monkeypatch)
    large_steps, large_peak = measure(command, corpora[LARGE], tmp_path / "large", monkeypatch)
    assert large_steps < GROWTH * small_steps, (small_steps, large_steps)
    # Ten times the documents, and memory for one batch at a time: a few kilobytes per
    # document kept for the whole run would add megabytes here.
    assert large_peak < small_peak + 512 * 1024, (small_peak, large_peak)


def test_merging_a_package_costs_the_same_whatever_the_size_of_this_workspace(
    corpora, tmp_path, monkeypatch
):
    """A laptop's 20 documents merged into a workspace of 100 or of 1,000: this workspace is
    read by document and by id for those 20 (no table of it walked, no set of its ids)."""
    package = build_corpus(tmp_path / "package.db", 20)  # the first 20 articles of each corpus
    assert run("--db", str(package), "--annotator", "omar", "adjudicate", "--auto") == 0
    steps = {}
    for size, corpus in corpora.items():
        folder = tmp_path / f"into{size}"
        folder.mkdir()
        db = copy_of(corpus, folder, "workspace.db")
        with every_connection_metered(monkeypatch) as meter:
            assert run("--db", str(db), "merge", str(package)) == 0
        steps[size] = meter.steps
        with Workspace(db) as ws:  # the package's gold came in, matched to these documents
            assert len(ws.spans_by_document("gold")) == 20
    assert steps[LARGE] < GROWTH * steps[SMALL], steps
