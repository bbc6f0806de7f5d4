"""The learned layer: trained on a workspace's gold, stored in it, used by suggest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.arabic.learned.apply import suggest_with_model
from annotator.arabic.learned.model import LearnedModel, ModelError
from annotator.arabic.learned.stored import (
    MODEL_NAME,
    train_workspace,
    workspace_model,
)
from annotator.arabic.suggest import suggest_document, suggest_text
from annotator.cli import main
from annotator.core import suggestions
from annotator.core.model import SUGGESTIONS_LAYER
from annotator.core.records import DocumentRecord
from annotator.core.store import SCHEMA_VERSION
from annotator.core.workspace import Workspace
from tests.learned_helpers import NEW_TEXT, article, fill


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("learned") / "workspace.db"
    with Workspace(path, who="amal") as ws:
        fill(ws, 8)
        report = train_workspace(ws, ["QUOTE"])
        assert (report.gold_documents, report.reviewed_documents) == (8, 0)
        ws.import_records([DocumentRecord(text=NEW_TEXT, path="new.txt", id="new")])
    return path


def _quotes(text: str, proposals) -> list[str]:
    return [text[p.start : p.end] for p in proposals if p.label == "QUOTE"]


def test_the_rules_alone_leave_the_final_period_out():
    quotes = _quotes(NEW_TEXT, suggest_text(NEW_TEXT).proposals)
    assert quotes == ["الشركة ستفتتح مصنعا جديدا للأدوية", "اللجنة رفضت كل الطعون المقدمة"]


def test_a_trained_model_is_stored_and_suggest_learns_the_final_period(trained):
    with Workspace(trained, who="amal") as ws:
        stored = ws.model(MODEL_NAME)
        assert stored is not None and stored.blob
        assert set(stored.trained_on) == {f"d{k}" for k in range(8)}
        assert stored.params["labels"] == ["QUOTE"]
        assert ws.query("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        _, model = workspace_model(ws)
        found = suggest_with_model(model, NEW_TEXT)
        assert _quotes(NEW_TEXT, found.proposals) == [
            "الشركة ستفتتح مصنعا جديدا للأدوية.",
            "اللجنة رفضت كل الطعون المقدمة.",
        ]
        # the rules still give the values and links: each quote keeps its speaker
        speakers = [p for p in found.proposals if p.label == "SPEAKER"]
        assert [NEW_TEXT[p.start : p.end] for p in speakers] == ["المستشار", "الناطق"]
        said = {
            (found.proposals[x.head].label, found.proposals[x.child].label) for x in found.links
        }
        assert ("QUOTE", "SPEAKER") in said
        assert all(p.attrs.get("kind") == "indirect" for p in found.proposals if p.label == "QUOTE")


def test_the_suggest_command_says_it_uses_the_model(trained, capsys):
    assert main(["--db", str(trained), "suggest", "--labels", "QUOTE", "--doc", "new"]) == 0
    assert "Using the model trained on 8 documents" in capsys.readouterr().out
    with Workspace(trained, who="amal") as ws:
        quotes = [NEW_TEXT[s.start : s.end] for s in suggestions.pending(ws, "new", "QUOTE")]
        engines = {s.provenance["engine"] for s in ws.spans("new", SUGGESTIONS_LAYER)}
    assert quotes == ["الشركة ستفتتح مصنعا جديدا للأدوية.", "اللجنة رفضت كل الطعون المقدمة."]
    assert engines == {"arabic-rules+crf/2"}


def test_accepted_suggestions_widened_by_an_annotator_teach_the_convention(workspace):
    """No gold at all: the annotator accepts the rules' quotes and widens each to take in the
    final period; the model trained on that proposes the wider extent."""
    records = [DocumentRecord(text=article(k)[0], path=f"d{k}.txt", id=f"d{k}") for k in range(8)]
    workspace.import_records(records)
    for k in range(8):
        suggest_document(workspace, f"d{k}", ["QUOTE", "SPEAKER"])
        for s in suggestions.pending(workspace, f"d{k}", "QUOTE"):
            copy = suggestions.accept(workspace, s.id, "amal")
            workspace.update_span(copy.id, end=copy.end + 1)
        for s in suggestions.pending(workspace, f"d{k}", "SPEAKER")[:1]:
            suggestions.reject(workspace, s.id)
    report = train_workspace(workspace, ["QUOTE"])
    assert (report.gold_documents, report.reviewed_documents) == (0, 8)
    _, model = workspace_model(workspace)
    assert _quotes(NEW_TEXT, suggest_with_model(model, NEW_TEXT).proposals)[0].endswith(".")


def test_train_without_gold_says_so_and_exits_2(db_path, capsys):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=NEW_TEXT, path="new.txt", id="new")])
    assert main(["--db", str(db_path), "train"]) == 2
    err = capsys.readouterr().err.strip()
    assert "no gold and no reviewed suggestions to learn from" in err and "\n" not in err
    with Workspace(db_path) as ws:
        assert ws.model(MODEL_NAME) is None


def test_train_evaluate_prints_kfold_figures(db_path, capsys):
    with Workspace(db_path) as ws:
        fill(ws, 4)
    assert (
        main(["--db", str(db_path), "train", "--evaluate", "--folds", "2", "--labels", "QUOTE"])
        == 0
    )
    out = capsys.readouterr().out
    assert "2-fold cross-validation on 4 gold documents" in out
    row = next(line for line in out.splitlines() if line.startswith("QUOTE"))
    assert row.split()[2] == "12"  # every gold quote was held out once
    # beside them, the rules alone on the same documents: they leave the full stop out
    assert "rules alone exact/overlap F1" in out and row.split()[-1] == "0.00/1.00"


def test_train_on_few_documents_stores_the_model_and_says_it_is_little(db_path, capsys):
    with Workspace(db_path) as ws:
        fill(ws, 2)
    assert main(["--db", str(db_path), "train", "--labels", "QUOTE"]) == 0
    captured = capsys.readouterr()
    assert "on 2 gold documents" in captured.out
    assert "2 documents is little to learn from" in captured.err
    with Workspace(db_path) as ws:
        assert ws.model(MODEL_NAME) is not None
    six = db_path.with_name("six.db")
    with Workspace(six) as ws:
        fill(ws, 6)  # enough: nothing to warn about
    assert main(["--db", str(six), "train", "--labels", "QUOTE"]) == 0
    captured = capsys.readouterr()
    assert "on 6 gold documents" in captured.out and captured.err == ""


def _real_blob(trained: Path) -> bytes:
    with Workspace(trained) as ws:
        stored = ws.model(MODEL_NAME)
        assert stored is not None
        return stored.blob


# CRF weights as training writes them, for a label whose CRF adds spans (training keeps a
# CRF only where its additions were right; on the fixture's quotes the rules miss none).
CRF_WEIGHTS = {"transitions": [["B", "I", 1.5], ["O", "B", -0.5]], "state": {"w=قال": {"O": 1.0}}}


def test_a_model_whose_crf_adds_spans_loads_and_tags(trained):
    model = json.loads(_real_blob(trained))
    model["labels"]["QUOTE"], model["adds"] = CRF_WEIGHTS, ["QUOTE"]
    loaded = LearnedModel.load(json.dumps(model).encode())
    assert loaded.adds == ("QUOTE",)
    found = suggest_with_model(loaded, NEW_TEXT, labels=["QUOTE"]).proposals
    assert _quotes(NEW_TEXT, found)[0].endswith(".")


def _hostile_blobs(real: bytes) -> list[bytes]:
    model = json.loads(real)
    model["labels"]["QUOTE"], model["adds"] = CRF_WEIGHTS, ["QUOTE"]
    blob = json.dumps(model).encode()
    weights = model["labels"]["QUOTE"]
    attr = next(iter(weights["state"]))

    def edited(change) -> bytes:
        copy = json.loads(blob)
        change(copy, copy["labels"]["QUOTE"])
        return json.dumps(copy).encode()

    return [
        b"\x00",
        b"\x80\x04\x95pickle",
        b"lCRF\x00\x00\x00\x00FOMC",  # a CRFsuite file is not what we store
        blob[: len(blob) // 2],  # cut short
        edited(lambda m, w: m.update({"features": 99})),  # trained on other features
        edited(lambda m, w: w["state"][attr].update({"X": 1.0})),  # an unknown tag
        edited(lambda m, w: w["transitions"].append(["O", "B", "1e999"])),  # not a number
        blob.replace(b'"transitions": [[', b'"transitions": [[NaN, ', 1),
        edited(lambda m, w: m["labels"].update({"PERSON": w})),  # an unknown label
        b"[" * 100000 + b"]" * 100000,  # nested past the parser's depth
        edited(lambda m, w: m["edges"]["QUOTE"]["end"].update({"threshold": 7.0})),
        edited(lambda m, w: m["edges"]["QUOTE"]["end"].pop("threshold")),  # format 3's shape
        edited(lambda m, w: m.update({"adds": ["DATE"]})),  # a CRF that is not there
    ]


@pytest.mark.parametrize("case", range(13))
def test_a_hostile_model_blob_is_refused_in_one_sentence(trained, tmp_path, capsys, case):
    blob = _hostile_blobs(_real_blob(trained))[case]
    path = tmp_path / "hostile.db"
    with Workspace(path) as ws:
        ws.import_records([DocumentRecord(text=NEW_TEXT, path="new.txt", id="new")])
        ws.store_model(MODEL_NAME, blob, ["new"], {})
        with pytest.raises(ModelError, match="cannot be used"):
            workspace_model(ws)
    assert main(["--db", str(path), "suggest"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: The model stored in") and err.count("\n") == 0
    with Workspace(path) as ws:
        assert ws.spans("new", SUGGESTIONS_LAYER) == []  # nothing was suggested


def test_a_model_of_the_previous_format_names_both_formats(trained):
    old = json.loads(_real_blob(trained))
    old["features"] = 3
    with pytest.raises(ModelError) as caught:
        LearnedModel.load(json.dumps(old).encode(), "The model")
    message = str(caught.value)
    assert "format 3, this one reads 4" in message and "run `annotator train` again" in message


def test_suggest_with_a_model_in_worker_processes_matches_one_process(trained, tmp_path):
    """The model reaches the pool's workers: --jobs 2 proposes what --jobs 1 does."""
    stored = {}
    for jobs in (1, 2):
        copy = tmp_path / f"jobs{jobs}.db"
        copy.write_bytes(trained.read_bytes())
        with Workspace(copy) as ws:
            ws.import_records(
                [DocumentRecord(text=NEW_TEXT, path=f"n{k}.txt", id=f"n{k}") for k in range(3)]
            )
        assert main(["--db", str(copy), "suggest", "--labels", "QUOTE", "--jobs", str(jobs)]) == 0
        with Workspace(copy) as ws:
            stored[jobs] = {
                d: [(s.start, s.end, s.label) for s in suggestions.pending(ws, d, "QUOTE")]
                for d in ("new", "n0", "n1", "n2")
            }
    assert stored[1] == stored[2]
    assert all(NEW_TEXT[e - 1] == "." for spans in stored[2].values() for _, e, _ in spans)


def test_rejected_suggestions_teach_which_rule_spans_the_team_does_not_want(workspace):
    """No gold: the annotator accepts the rules' SPEAKERs except those after "قال", which they
    reject every time; the model trained on that drops such a speaker and keeps the others."""
    records = [DocumentRecord(text=article(k)[0], path=f"d{k}.txt", id=f"d{k}") for k in range(8)]
    workspace.import_records(records)
    rejected = 0
    for k in range(8):
        text = article(k)[0]
        suggest_document(workspace, f"d{k}", ["QUOTE", "SPEAKER"])
        for s in suggestions.pending(workspace, f"d{k}", "SPEAKER"):
            if text[: s.start].rstrip().endswith("قال"):
                suggestions.reject(workspace, s.id)
                rejected += 1
            else:
                suggestions.accept(workspace, s.id, "amal")
    assert rejected >= 3
    report = train_workspace(workspace, ["SPEAKER"])
    assert (report.gold_documents, report.reviewed_documents) == (0, 8)
    _, model = workspace_model(workspace)
    found = suggest_with_model(model, NEW_TEXT, labels=["SPEAKER"]).proposals
    rules = suggest_text(NEW_TEXT, labels=["SPEAKER"]).proposals
    assert [NEW_TEXT[p.start : p.end] for p in rules] == ["المستشار", "الناطق"]
    assert [NEW_TEXT[p.start : p.end] for p in found] == ["الناطق"]
