"""Pre-annotation of many documents: the one loop behind `annotator suggest` and the window's
"Suggest for every document".

The rules (or the trained model) run in worker processes (``arabic.parallel``); the storing
stays on the caller's connection, one transaction per batch, so that a run stopped half way
keeps the batches it finished and the window's own edits can land between batches. A list of
every id is never held: ids are read ``ID_BATCH`` at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.arabic.learned.model import LearnedModel
from annotator.arabic.learned.stored import store_learned
from annotator.arabic.parallel import Job, default_jobs, suggest_many
from annotator.arabic.suggest import store_suggestions
from annotator.core.catalog import document_count, rowid_of
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.workspace import Workspace

# Ids read (and worker pools started) per round.
ID_BATCH = 5000


@dataclass
class SuggestTotals:
    """What a run stored: spans proposed, and those not proposed again because a person had
    already reviewed them (``kept``) or tagged the same span (``skipped``)."""

    total: int
    done: int = 0
    added: int = 0
    kept: int = 0
    skipped: int = 0


def check_documents(ws: Workspace, doc_ids: Sequence[str]) -> None:
    """Refuse the first id the workspace does not hold, before anything is computed."""
    missing = [d for d in doc_ids if rowid_of(ws.query, d) is None]
    if missing:
        raise NotFoundError(f"No document with id '{missing[0]}' in {ws.path}.")


def check_jobs(jobs: int | None) -> int:
    chosen = default_jobs() if jobs is None else jobs
    if chosen < 1:
        raise ValidationError(f"--jobs must be 1 or more, not {chosen}.")
    return chosen


def suggest_corpus(
    ws: Workspace,
    labels: tuple[str, ...],
    *,
    doc_ids: Sequence[str] | None = None,
    jobs: int | None = None,
    model: LearnedModel | None = None,
    layer: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> SuggestTotals:
    """Suggest ``labels`` for ``doc_ids`` (default: every document, in import order) and store
    them; ``progress(done)`` after each stored batch (it may raise to stop the run, and the
    batches stored so far stay). With ``model`` the learned layer draws the extents."""
    if doc_ids:
        check_documents(ws, doc_ids)
    workers = check_jobs(jobs)
    store = store_suggestions if model is None else store_learned
    batches = [list(doc_ids)] if doc_ids else ws.doc_id_batches(ID_BATCH)
    totals = SuggestTotals(len(doc_ids) if doc_ids else document_count(ws.query))

    def load(doc_id: str) -> Job:
        doc = ws.document(doc_id)
        return Job(doc.id, doc.text, doc.published)

    for ids in batches:
        for results in suggest_many(ids, load, labels, workers, model=model):
            with ws.batch():
                reports = [
                    store(ws, doc_id, found, labels, layer=layer) for doc_id, found in results
                ]
            totals.added += sum(r.added for r in reports)
            totals.kept += sum(r.kept for r in reports)
            totals.skipped += sum(r.skipped for r in reports)
            totals.done += len(results)
            if progress is not None:
                progress(totals.done)
    return totals
