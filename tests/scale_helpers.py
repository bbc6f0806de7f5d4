"""A 20,000-article workspace built in seconds, and meters for the work one action does.

Scale is correctness: an edit must not walk the corpus. Time is no measure in a test (the
machine is shared), so the meters count what SQLite does instead: every statement run (via
``set_trace_callback``) with its query plan, and the virtual-machine steps it took (via
``set_progress_handler``), which grow with the rows a statement reads.
"""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

CORPUS = 20_000
WORDS = ["الرئيس", "إسرائيل", "القوات", "وزارة", "قال", "يناير", "الحكومة", "مدينة", "اتفاق"]
# Tables whose full scan means walking the corpus.
CORPUS_TABLES = ("documents", "spans", "relations", "doc_status", "events", "documents_search")


def article(n: int) -> str:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(12)]
    return f"خبر رقم {n}\n" + " ".join(words) + f" {n}."


def build_corpus(path: Path, count: int = CORPUS) -> Path:
    """``count`` short articles, each with two spans by amal and one by omar."""
    layers = {
        "amal": [
            {"start": 0, "end": 3, "label": "SPEAKER"},
            {"start": 4, "end": 7, "label": "DATE"},
        ],
        "omar": [{"start": 0, "end": 3, "label": "SPEAKER"}],
    }
    with Workspace(path, who="test") as ws:
        for layer, spans in layers.items():
            ws.import_records(
                (
                    DocumentRecord(
                        text=article(n),
                        path=f"{layer}.jsonl",
                        line=n + 1,
                        id=f"doc{n:05d}",
                        spans=spans,
                    )
                    for n in range(count)
                ),
                layer=layer,
            )
    return path


@dataclass
class Meter:
    """What one connection did while the meter ran."""

    statements: list[str] = field(default_factory=list)
    steps: int = 0

    def full_scans(self, conn: sqlite3.Connection) -> list[tuple[str, str]]:
        """(statement, plan line) for each statement that reads a corpus table whole.

        A SCAN that streams in the order asked for and stops at a LIMIT is a page, not a walk
        (the VM step count catches one that would not stop early); a full-text MATCH is an
        index lookup, though SQLite's plan calls it a scan of the virtual table.
        """
        found = []
        for sql in self.statements:
            head = sql.lstrip().split(None, 1)[0].upper()
            if head not in ("SELECT", "UPDATE", "DELETE", "INSERT", "WITH"):
                continue
            plan = [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            if " LIMIT " in sql.upper() and not any("TEMP B-TREE" in line for line in plan):
                continue
            for detail in plan:
                words = detail.split()
                if "VIRTUAL TABLE INDEX" in detail and "M" in detail.rsplit(":", 1)[-1]:
                    continue
                if words[:1] == ["SCAN"] and _table_of(words[1], sql) in CORPUS_TABLES:
                    found.append((sql, detail))
        return found


def _table_of(name: str, sql: str) -> str:
    """The table an alias in a plan line stands for (``d`` for ``documents d``)."""
    tokens = sql.replace(",", " ").split()
    for i, token in enumerate(tokens[1:], 1):
        if token == name and tokens[i - 1] in CORPUS_TABLES:
            return tokens[i - 1]
    return name


@contextmanager
def metered(conn: sqlite3.Connection) -> Iterator[Meter]:
    meter = Meter()

    def step() -> int:
        meter.steps += 1
        return 0

    conn.set_trace_callback(meter.statements.append)
    conn.set_progress_handler(step, 100)
    try:
        yield meter
    finally:
        conn.set_trace_callback(None)
        conn.set_progress_handler(None, 0)
    meter.steps *= 100


@dataclass
class Peak:
    """The most Python memory traced inside ``traced_peak``, in bytes (set on exit)."""

    bytes: int = 0


@contextmanager
def traced_peak() -> Iterator[Peak]:
    """Trace Python's allocations inside the block. The collector runs first: otherwise the
    moment its generation counters trip inside the block depends on what earlier tests left,
    and the peak of the same work varied by 400 KB from run to run (a CI failure)."""
    peak = Peak()
    gc.collect()
    tracemalloc.start()
    try:
        yield peak
        peak.bytes = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
