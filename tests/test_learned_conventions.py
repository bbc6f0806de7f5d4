"""The learned layer follows a team's convention from a few documents, and leaves the rules'
boundaries alone where the team's gold gives no evidence against them."""

from __future__ import annotations

import pytest

from annotator.arabic.learned.apply import suggest_with_model
from annotator.arabic.learned.edges import DROP, KEEP, Case
from annotator.arabic.learned.gate import choose_threshold
from annotator.arabic.learned.model import LearnedModel, TrainingDocument, prepare, train
from annotator.arabic.suggest import suggest_text
from tests.learned_helpers import CLAUSES, NEW_TEXT, SPEAKERS, VERBS, article

TITLES = ("الوزير", "السفير", "المحافظ", "النائب", "المدير العام", "الخبير")
NAMES = ("أحمد سعيد", "كريم ناصر", "سامي حداد", "ليلى يوسف", "عمر خالد", "هدى منصور", "رامي عادل")
LABELS = ("QUOTE", "SPEAKER")


def _titled_article(k: int) -> str:
    lines = []
    for j in range(3):
        n = 3 * k + j
        verb = VERBS[n % 6]
        head = f"{verb} {TITLES[n % 6]} {NAMES[n % 7]} {'إن' if verb == 'قال' else 'أن'} "
        lines.append(f"{head}{CLAUSES[n % 12]}.")
    return "\n".join(lines)


def _rule_spans(text: str) -> list[tuple[int, int, str]]:
    found = suggest_text(text, labels=LABELS).proposals
    return [(p.start, p.end, p.label) for p in found]


def _without_title(text: str, spans: list[tuple[int, int, str]]) -> tuple:
    """The team's gold: the rules' spans, but a SPEAKER is the name without its title."""
    gold = []
    for s, e, label in spans:
        if label == "SPEAKER":
            title = next(t for t in TITLES if text[s:e].startswith(t + " "))
            s += len(title) + 1
        gold.append((s, e, label))
    return tuple(gold)


def _model(docs: list[TrainingDocument]) -> LearnedModel:
    return LearnedModel.load(train(prepare(docs), LABELS))


def _texts(text: str, model: LearnedModel, label: str) -> list[str]:
    found = suggest_with_model(model, text, labels=LABELS).proposals
    return [text[p.start : p.end] for p in found if p.label == label]


def test_the_title_before_a_name_is_learned_from_five_documents():
    new = (
        "قال المحافظ يوسف كمال إن الطريق الساحلي سيفتح قريبا.\n"
        "وأكد الخبير نادر فهمي أن الأسعار ستنخفض."
    )
    rules = [new[s:e] for s, e, label in _rule_spans(new) if label == "SPEAKER"]
    assert rules == ["المحافظ يوسف كمال", "الخبير نادر فهمي"]
    docs = []
    for k in range(5):
        text = _titled_article(k)
        docs.append(TrainingDocument(f"d{k}", text, None, _without_title(text, _rule_spans(text))))
    model = _model(docs)
    assert _texts(new, model, "SPEAKER") == ["يوسف كمال", "نادر فهمي"]
    # the QUOTEs, where the team agreed with the rules every time, stay the rules' own
    assert _texts(new, model, "QUOTE") == [
        new[s:e] for s, e, label in _rule_spans(new) if label == "QUOTE"
    ]


def test_one_odd_span_in_the_gold_does_not_move_the_rules_boundaries():
    """Gold that agrees with the rules everywhere but on one quote (taking in its full stop):
    no evidence of a convention, so a new document gets the rules' spans."""
    docs = []
    for k in range(8):
        text = article(k)[0]
        spans = _rule_spans(text)
        if k == 0:
            s, e, label = next(x for x in spans if x[2] == "QUOTE")
            spans[spans.index((s, e, label))] = (s, e + 1, label)
        docs.append(TrainingDocument(f"d{k}", text, None, tuple(spans)))
    model = _model(docs)
    found = suggest_with_model(model, NEW_TEXT, labels=LABELS).proposals
    assert sorted((p.start, p.end, p.label) for p in found) == sorted(_rule_spans(NEW_TEXT))
    assert "end" not in model.edges.get("QUOTE", {})


def test_a_convention_held_in_every_document_passes_the_check(tmp_path):
    """The check keeps a classifier whose held-out decisions put right what the rules had
    wrong, and refuses one that never does better than the rules."""
    from functools import partial

    from annotator.arabic.learned.model import _maxent

    fit = partial(_maxent, side="keep", tmp=tmp_path)
    odd = [[Case(((0, ["bias", "after=odd"]),), DROP), Case(((0, ["bias"]),), KEEP)]] * 5
    assert choose_threshold("keep", odd, fit) is not None
    noise = [[Case(((0, ["bias", f"doc={k}"]),), DROP if k % 2 else KEEP)] for k in range(6)]
    assert choose_threshold("keep", noise, fit) is None


@pytest.mark.parametrize("count", [1, 2])
def test_too_few_documents_to_check_keep_the_default_threshold(tmp_path, count):
    from functools import partial

    from annotator.arabic.learned.edges import DEFAULT_THRESHOLDS
    from annotator.arabic.learned.model import _maxent

    fit = partial(_maxent, side="keep", tmp=tmp_path)
    docs = [[Case(((0, ["bias", "after=odd"]),), DROP), Case(((0, ["bias"]),), KEEP)]] * count
    assert choose_threshold("keep", docs, fit) == DEFAULT_THRESHOLDS["keep"]


def _harvest_article(k: int) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """Three reported sentences ending in "موسم الحصاد", which this team tags as a DATE (the
    rules know no such date)."""
    phrase = "موسم الحصاد"
    lines, spans, at = [], [], 0
    for j in range(3):
        n = 3 * k + j
        head = f"{VERBS[n % 6]} {SPEAKERS[n % 7]} أن {CLAUSES[n % 12]} في "
        lines.append(f"{head}{phrase}.")
        spans.append((at + len(head), at + len(head) + len(phrase), "DATE"))
        at += len(lines[-1]) + 1
    return "\n".join(lines), tuple(spans)


def test_the_crf_adds_what_the_rules_miss_only_when_held_out_documents_confirm_it():
    docs = [
        TrainingDocument(f"d{k}", *_harvest_article(k)[:1], None, _harvest_article(k)[1])
        for k in range(6)
    ]
    new = "وأوضح المستشار أن المصنع سيعمل بكامل طاقته في موسم الحصاد."
    assert suggest_text(new, labels=["DATE"]).proposals == []
    model = LearnedModel.load(train(prepare(docs), ("DATE",)))
    assert model.adds == ("DATE",)
    found = suggest_with_model(model, new, labels=["DATE"]).proposals
    assert [new[p.start : p.end] for p in found] == ["موسم الحصاد"]
    # gold the rules already match leaves nothing for a CRF to add: none is kept
    agreed = [TrainingDocument(d.name, d.text, None, ()) for d in docs]
    assert LearnedModel.load(train(prepare(agreed), ("DATE",))).adds == ()
