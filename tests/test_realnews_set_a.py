"""The real-news gold of every set is what its annotation files say, and it keeps the contract.

``setA.jsonl`` is generated from ``articles/`` and ``annotations/`` by ``build.py``, the later sets
(``setB.jsonl`` ...) by ``build_set.py``. A hand edit of a JSONL, or an annotation file changed
without rebuilding, would make the two disagree silently.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REALNEWS = Path(__file__).parent / "data" / "realnews"


def load_builder(script: str = "build.py"):
    spec = importlib.util.spec_from_file_location(f"realnews_{script[:-3]}", REALNEWS / script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_set_a_jsonl_is_rebuilt_byte_for_byte_from_the_annotation_files(tmp_path, monkeypatch):
    builder = load_builder()
    monkeypatch.chdir(builder.ROOT)
    out = tmp_path / "setA.jsonl"
    counts = builder.build("a", out)
    assert out.read_bytes() == (REALNEWS / "setA.jsonl").read_bytes()
    assert counts["documents"] == 22


@pytest.mark.parametrize(("letter", "documents"), [("B", 22), ("C", 26), ("D", 24), ("E", 20)])
def test_a_later_set_is_rebuilt_byte_for_byte_from_its_annotation_files(
    letter, documents, tmp_path
):
    out = tmp_path / f"set{letter}.jsonl"
    counts = load_builder("build_set.py").build(letter, out)
    assert out.read_bytes() == (REALNEWS / f"set{letter}.jsonl").read_bytes()
    assert counts["documents"] == documents


def test_the_blind_set_stays_out_of_the_dev_and_test_splits():
    """Set D is the never-seen set: none of its articles may reach dev.jsonl or test.jsonl."""

    def ids(name: str) -> set[str]:
        lines = (REALNEWS / name).read_text("utf-8").splitlines()
        return {json.loads(line)["id"] for line in lines if line.strip()}

    blind = ids("setD.jsonl")
    assert len(blind) == 24
    assert not blind & (ids("dev.jsonl") | ids("test.jsonl"))


def test_every_quote_has_a_speaker_and_every_span_matches_its_offsets():
    lines = (REALNEWS / "setA.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 22
    for line in lines:
        doc = json.loads(line)
        assert doc["meta"]["published"], doc["id"]
        spans = {span["id"]: span for span in doc["spans"]}
        for span in doc["spans"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]
        said = {rel["head"] for rel in doc["relations"] if rel["label"] == "said_by"}
        quotes = {sid for sid, span in spans.items() if span["label"] == "QUOTE"}
        assert quotes <= said, doc["id"]
        children = {rel["child"] for rel in doc["relations"]}
        speakers = {sid for sid, span in spans.items() if span["label"] == "SPEAKER"}
        assert speakers <= children, doc["id"]
        assert all(spans[child]["label"] == "SPEAKER" for child in children)


def test_a_context_picks_the_occurrence_and_must_itself_be_unique():
    builder = load_builder()
    text = "قال الوزير إن الوزير سافر"
    first = {"label": "SPEAKER", "text": "الوزير", "context": "قال الوزير إن"}
    second = {"label": "SPEAKER", "text": "الوزير", "context": "إن الوزير سافر"}
    assert builder.occurrence_in_context(text, first, "test") == 0
    assert builder.occurrence_in_context(text, second, "test") == 1
    ambiguous = {"label": "SPEAKER", "text": "الوزير", "context": "الوزير"}
    with pytest.raises(builder.AnnotationError, match="exactly once"):
        builder.occurrence_in_context(text, ambiguous, "test")
