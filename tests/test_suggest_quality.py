"""The pre-annotation meets the issue's quality targets on the hand-made seed reference.

The reference (tests/data/seeds.reference.jsonl) comes from the reference branch; until it is
merged there is nothing to measure against and this test is skipped.
"""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "data" / "seeds.reference.jsonl"


def _bench():
    spec = importlib.util.spec_from_file_location(
        "suggest_quality", ROOT / "bench" / "suggest_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not REFERENCE.exists(), reason="the seed reference is not in this checkout")
def test_quality_targets_on_the_seed_reference():
    result = _bench().evaluate(REFERENCE)
    labels = result["labels"]
    assert labels["DATE"]["overlap"]["f1"] >= 0.9
    assert result["date_value_accuracy"] >= 0.85
    assert labels["QUOTE"]["overlap"]["f1"] >= 0.8
    assert labels["SPEAKER"]["overlap"]["f1"] >= 0.75
    assert result["relations"]["said_by"]["f1"] >= 0.7


def test_quality_bench_scores_a_small_reference(tmp_path):
    """The bench itself: a reference equal to the suggestions scores 1, an empty one 0."""
    from annotator.arabic.suggest import suggest_text

    text = "قال الوزير إن الاجتماع سيعقد في 14 يناير."
    found = suggest_text(text, "2022-01-13")
    spans = [
        {"id": str(i), "start": p.start, "end": p.end, "label": p.label, "attrs": p.attrs}
        for i, p in enumerate(found.proposals)
    ]
    relations = [
        {"id": f"r{i}", "head": str(k.head), "child": str(k.child), "label": k.label}
        for i, k in enumerate(found.links)
    ]
    line = {"id": "d", "text": text, "meta": {"published": "2022-01-13"}}
    perfect = tmp_path / "perfect.jsonl"
    perfect.write_text(json.dumps({**line, "spans": spans, "relations": relations}), "utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({**line, "spans": [], "relations": []}), "utf-8")
    bench = _bench()
    good, bad = bench.evaluate(perfect), bench.evaluate(empty)
    assert good["labels"]["DATE"]["exact"]["f1"] == 1.0 and good["date_value_accuracy"] == 1.0
    assert good["relations"]["said_by"]["f1"] == 1.0
    assert bad["labels"]["QUOTE"]["overlap"]["r"] == 0.0


def test_the_dev_learning_curve_scores_only_documents_it_did_not_train_on():
    """Train on 4 of 8 documents of a team whose QUOTEs take in the full stop, score the other
    4: the learned layer follows the convention the rules miss, on held-out documents only."""
    from annotator.arabic.learned.model import TrainingDocument
    from tests.learned_helpers import article

    docs = []
    for k in range(8):
        text, quotes = article(k)
        spans = tuple((s, e, "QUOTE") for s, e in quotes)
        docs.append(TrainingDocument(f"d{k}", text, None, spans))
    curve = _bench().dev_curve(docs, ("QUOTE",), draws=1, sizes=(4,))
    row = curve[4]["QUOTE"]
    assert row["rules_exact"] == 0.0 and row["rules_overlap"] == 1.0
    assert row["exact"] == 1.0


def test_the_blind_set_block_scores_the_set_it_is_given(tmp_path):
    """The never-seen block of ``--realnews``, run on four documents of set C (not on the blind
    set itself, whose figures are read once by the integrator): rules alone, a stand-in for the
    layer trained on dev, and the curve of training on the set's own documents."""
    bench = _bench()
    assert (bench.REALNEWS / bench.BLIND_SET).exists()
    lines = (bench.REALNEWS / "setC.jsonl").read_text("utf-8").splitlines()[:4]
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text("\n".join(lines) + "\n", "utf-8")
    figures = bench.blind_figures(bench._gold(tiny), bench.rules_only, draws=1, sizes=(0, 2))
    assert figures["rules"] == figures["learned_on_all_dev"]
    assert figures["rules"]["QUOTE"]["gold"] > 0
    assert set(figures["own_curve"]) == {0, 2}
    assert set(figures["own_curve"][2]) == set(bench.CURVE_LABELS)
