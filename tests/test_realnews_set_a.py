"""The real-news gold of set A is what its annotation files say, and it keeps the contract.

``setA.jsonl`` is generated from ``articles/`` and ``annotations/`` by ``build.py``. A hand edit of
the JSONL, or an annotation file changed without rebuilding, would make the two disagree silently.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REALNEWS = Path(__file__).parent / "data" / "realnews"


def load_builder():
    spec = importlib.util.spec_from_file_location("realnews_build", REALNEWS / "build.py")
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
