"""Suggestions for many documents on every core: the rules run in worker processes, the
caller gets the results back in order and does the writing itself.

The rules are plain CPU work on one text at a time, and Python runs one thread at a time, so
a corpus-wide run uses processes. Only texts go out and proposals come back: the workspace
(an SQLite connection) stays in the parent, which writes, so that every change still goes
through the Workspace. Work is handed out in batches, and the next batch is computed while
the parent stores the previous one; memory holds two batches, not the corpus.

A trained model (the learned layer) goes to each worker once, when the pool starts: with
"fork" the workers inherit it from the parent without pickling, and no task carries it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool

from annotator.arabic.learned.apply import suggest_with_model
from annotator.arabic.learned.model import LearnedModel
from annotator.arabic.suggest import SuggestionSet, suggest_text

BATCH = 64
# The model of this worker process, set once by the pool's initializer.
_worker_model: LearnedModel | None = None


@dataclass(frozen=True)
class Job:
    """One document's text and what the rules need besides it."""

    doc_id: str
    text: str
    published: str | None


def default_jobs() -> int:
    return os.cpu_count() or 1


def _adopt(model: LearnedModel | None) -> None:
    global _worker_model
    _worker_model = model


def _run(
    job: Job, labels: tuple[str, ...], model: LearnedModel | None
) -> tuple[str, SuggestionSet]:
    if model is None:
        return job.doc_id, suggest_text(job.text, job.published, labels)
    return job.doc_id, suggest_with_model(model, job.text, job.published, labels)


def _run_batch(
    batch: Sequence[Job], labels: tuple[str, ...], model: LearnedModel | None = None
) -> list[tuple[str, SuggestionSet]]:
    """In a worker the model is the one the pool started with; here, the one given."""
    chosen = model if model is not None else _worker_model
    return [_run(job, labels, chosen) for job in batch]


def _batches(ids: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def suggest_many(
    doc_ids: Sequence[str],
    load: Callable[[str], Job],
    labels: tuple[str, ...],
    jobs: int | None = None,
    batch: int = BATCH,
    model: LearnedModel | None = None,
) -> Iterator[list[tuple[str, SuggestionSet]]]:
    """Batches of (document id, suggestions) in the order of ``doc_ids``; with ``model``,
    the learned layer's suggestions.

    ``load`` reads one document (in the calling process, which owns the workspace). With one
    job, or one batch of work, everything runs here without starting processes.
    """
    jobs = max(1, jobs or default_jobs())
    groups = _batches(doc_ids, batch)
    if jobs == 1 or len(doc_ids) <= 1:
        for ids in groups:
            yield _run_batch([load(i) for i in ids], labels, model)
        return
    with _pool(jobs, model) as pool:
        yield from _pipelined(pool, groups, load, labels, jobs)


def _pool(jobs: int, model: LearnedModel | None) -> Pool:
    # fork where there is one: workers inherit the compiled rules (and the model) instead of
    # rebuilding or unpickling them.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(jobs, initializer=_adopt, initargs=(model,))


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
