"""Figures for a model: exact and overlap P/R/F1 per label on documents with gold, and k-fold
cross-validation of training on a workspace's own gold."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.arabic.learned.apply import suggest_with_model
from annotator.arabic.learned.features import RULE_LABELS
from annotator.arabic.learned.model import LearnedModel, Prepared, TrainingDocument, train
from annotator.arabic.learned.scoring import Tally
from annotator.arabic.suggest import SuggestionSet, suggest_text
from annotator.core.suggestions import Proposal

Suggester = Callable[[str, str | None], SuggestionSet]


def score(
    docs: Sequence[TrainingDocument], suggester: Suggester, labels: Sequence[str] = RULE_LABELS
) -> dict[str, dict[str, object]]:
    """Per label figures of ``suggester`` on fully annotated documents."""
    tally = Tally()
    for doc in docs:
        _count(tally, suggester, doc, labels)
    return {label: tally.figures(label) for label in labels}


def rules_only(text: str, published: str | None) -> SuggestionSet:
    return suggest_text(text, published)


def with_model(model: LearnedModel) -> Suggester:
    def suggester(text: str, published: str | None) -> SuggestionSet:
        return suggest_with_model(model, text, published)

    return suggester


def cross_validate(
    items: Sequence[Prepared],
    labels: Sequence[str] = RULE_LABELS,
    folds: int = 5,
    step: Callable[[], None] | None = None,
) -> tuple[int, dict[str, dict[str, object]]]:
    """k-fold figures: each fold's gold documents are tagged by a model trained on the others
    (documents known only through reviewed suggestions always train, never test). Returns
    the number of folds used and the pooled figures, each label's with the rules' own exact
    and overlap F1 on the same documents beside it (``rules``): what training changed."""
    gold = [i for i, item in enumerate(items) if item.doc.scope is None]
    k = max(2, min(folds, len(gold)))
    tally, rules = Tally(), Tally()
    for fold in range(k):
        held = set(gold[fold::k])
        model = LearnedModel.load(
            train([it for i, it in enumerate(items) if i not in held], labels, step=step)
        )
        suggester = with_model(model)
        for i in sorted(held):
            _count(tally, suggester, items[i].doc, labels)
            _count(rules, _known(items[i].rules), items[i].doc, labels)
    figures = {}
    for label in labels:
        alone = rules.figures(label)
        figures[label] = {
            **tally.figures(label),
            "rules": {kind: alone[kind] for kind in ("exact", "overlap")},
        }
    return k, figures


def _known(proposals: list[Proposal]) -> Suggester:
    """A suggester that answers with proposals computed already (the rules' in ``prepare``)."""

    def suggester(text: str, published: str | None) -> SuggestionSet:
        return SuggestionSet(proposals, [])

    return suggester


def _count(
    tally: Tally, suggester: Suggester, doc: TrainingDocument, labels: Sequence[str]
) -> None:
    """Add what ``suggester`` proposes on ``doc`` against its gold spans, label by label."""
    found = suggester(doc.text, doc.published).proposals
    for label in labels:
        tally.add(
            label,
            [(p.start, p.end) for p in found if p.label == label],
            [(s, e) for s, e, lab in doc.spans if lab == label],
        )
