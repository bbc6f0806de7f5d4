"""Suggestions for many documents on every core: the rules run in worker processes, the
caller gets the results back in order and does the writing itself.

The rules are plain CPU work on one text at a time, and Python runs one thread at a time, so
a corpus-wide run uses processes. Only texts go out and proposals come back: the workspace
(an SQLite connection) stays in the parent, which writes, so that every change still goes
through the Workspace. Work is handed out in batches, and the next batch is computed while
the parent stores the previous one; memory holds two batches, not the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool

from annotator.arabic.suggest import SuggestionSet, suggest_text

BATCH = 64


@dataclass(frozen=True)
class Job:
    """One document's text and what the rules need besides it."""

    doc_id: str
    text: str
    published: str | None


def default_jobs() -> int:
    return os.cpu_count() or 1


def _run(job: Job, labels: tuple[str, ...]) -> tuple[str, SuggestionSet]:
    return job.doc_id, suggest_text(job.text, job.published, labels)


def _run_batch(batch: Sequence[Job], labels: tuple[str, ...]) -> list[tuple[str, SuggestionSet]]:
    return [_run(job, labels) for job in batch]


def _batches(ids: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def suggest_many(
    doc_ids: Sequence[str],
    load: Callable[[str], Job],
    labels: tuple[str, ...],
    jobs: int | None = None,
    batch: int = BATCH,
) -> Iterator[list[tuple[str, SuggestionSet]]]:
    """Batches of (document id, suggestions) in the order of ``doc_ids``.

    ``load`` reads one document (in the calling process, which owns the workspace). With one
    job, or one batch of work, everything runs here without starting processes.
    """
    jobs = max(1, jobs or default_jobs())
    groups = _batches(doc_ids, batch)
    if jobs == 1 or len(doc_ids) <= 1:
        for ids in groups:
            yield _run_batch([load(i) for i in ids], labels)
        return
    with _pool(jobs) as pool:
        yield from _pipelined(pool, groups, load, labels, jobs)


def _pool(jobs: int) -> Pool:
    # fork where there is one: workers inherit the compiled rules instead of rebuilding them.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(jobs)


def _pipelined(
    pool: Pool,
    groups: Iterable[Sequence[str]],
    load: Callable[[str], Job],
    labels: tuple[str, ...],
    jobs: int,
) -> Iterator[list[tuple[str, SuggestionSet]]]:
    """While the caller stores one batch, the workers compute the next."""

    def submit(ids: Sequence[str]) -> list[AsyncResult[list[tuple[str, SuggestionSet]]]]:
        work = [load(i) for i in ids]
        share = max(1, -(-len(work) // jobs))
        return [
            pool.apply_async(_run_batch, (work[k : k + share], labels))
            for k in range(0, len(work), share)
        ]

    running = None
    for ids in groups:
        queued = submit(ids)
        if running is not None:
            yield [pair for part in running for pair in part.get()]
        running = queued
    if running is not None:
        yield [pair for part in running for pair in part.get()]
