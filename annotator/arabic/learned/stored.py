"""The workspace's trained model: training it from the workspace, loading it, using it.

One model per workspace, stored under ``MODEL_NAME`` and replaced by each training; its
``params`` keep the CRF settings, labels and the k-fold figures when they were measured.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import count

from annotator.arabic.learned.evaluate import cross_validate
from annotator.arabic.learned.model import (
    DEFAULT_PARAMS,
    LearnedModel,
    TrainingDocument,
    prepare,
    train,
)
from annotator.arabic.learned.naming import ENGINE, MODEL_NAME
from annotator.arabic.learned.training_data import training_documents
from annotator.arabic.suggest import SuggestionSet, parse_labels
from annotator.core import suggestions
from annotator.core.counted import counted
from annotator.core.errors import ValidationError
from annotator.core.model import StoredModel
from annotator.core.suggestions import RunReport
from annotator.core.workspace import Workspace


@dataclass(frozen=True)
class TrainReport:
    labels: tuple[str, ...]
    gold_documents: int
    reviewed_documents: int
    folds: int
    figures: dict[str, dict[str, object]] | None


def train_workspace(
    ws: Workspace,
    labels: Iterable[str] | None = None,
    evaluate_folds: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> TrainReport:
    """Train on the workspace's gold and reviewed suggestions and store the model.

    With ``evaluate_folds`` the figures of k-fold cross-validation over the gold documents
    are measured first (and stored with the model). ``progress(n)`` counts steps: each
    document read and run through the rules, then each label trained (per fold too); it may
    raise to stop, and then nothing is stored."""
    chosen = parse_labels(labels if labels is None else list(labels))
    steps = count(1)

    def step() -> None:
        if progress is not None:
            progress(next(steps))

    docs = list(training_documents(ws))
    gold = sum(doc.scope is None for doc in docs)
    if not docs:
        raise ValidationError(
            f"{ws.path} has no gold and no reviewed suggestions to learn from: adjudicate "
            "some documents (or accept and reject suggestions) first."
        )
    items = prepare(_stepping(docs, step))
    folds, figures = 0, None
    if evaluate_folds is not None:
        if gold < 2:
            raise ValidationError(
                f"{ws.path} has {counted(gold, 'gold document')}; evaluating needs at least 2."
            )
        folds, figures = cross_validate(items, chosen, evaluate_folds, step)
    blob = train(items, chosen, step=step)
    params = {
        "labels": list(chosen),
        "crf": DEFAULT_PARAMS,
        "gold_documents": gold,
        "reviewed_documents": len(docs) - gold,
        **({"kfold": {"folds": folds, "figures": figures}} if figures else {}),
    }
    ws.store_model(MODEL_NAME, blob, [doc.name for doc in docs], params)
    return TrainReport(chosen, gold, len(docs) - gold, folds, figures)


# Below this many documents the learning curve (docs/pre-annotation.md) shows nothing learned
# reliably; the model is still trained and stored, and the person is told what to expect.
FEW_DOCUMENTS = 5


def few_documents(report: TrainReport) -> int | None:
    """The number of documents learned from when it is too few to expect much, else None."""
    seen = report.gold_documents + report.reviewed_documents
    return seen if seen < FEW_DOCUMENTS else None


def training_steps(documents: int, labels: int, folds: int | None) -> int:
    """How many ``progress`` steps ``train_workspace`` reports, for a progress bar's end."""
    return documents + labels * (1 + (folds or 0))


def _stepping(docs: list[TrainingDocument], step: Callable[[], None]) -> Iterator[TrainingDocument]:
    for doc in docs:
        yield doc
        step()


def stored_model(ws: Workspace) -> StoredModel | None:
    return ws.model(MODEL_NAME)


def workspace_model(ws: Workspace) -> tuple[StoredModel, LearnedModel] | None:
    """The workspace's model opened for tagging, or None when none was trained; a damaged
    or foreign blob is refused (ModelError) in one sentence."""
    stored = stored_model(ws)
    if stored is None:
        return None
    return stored, LearnedModel.load(stored.blob, f"The model stored in {ws.path}")


def store_learned(
    ws: Workspace,
    doc_id: str,
    found: SuggestionSet,
    labels: Sequence[str] | None = None,
    layer: str | None = None,
) -> RunReport:
    """Store suggestions computed with a trained model (one transaction), under its engine."""
    chosen = parse_labels(labels if labels is None else list(labels))
    return suggestions.store_run(
        ws, doc_id, found.proposals, found.links, layer=layer, labels=chosen, engine=ENGINE
    )
