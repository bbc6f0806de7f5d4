"""spaCy DocBin and Hugging Face Parquet exports, read back by spaCy and by datasets themselves
(optional extras: skipped where spacy or datasets is not installed), and the one sentence
naming the extra when it is missing."""

from __future__ import annotations

import json
import sys

import pytest

from annotator.core.workspace import Workspace
from annotator.formats import registry

from .format_helpers import LAYERS, export, seeded_two_layers


@pytest.fixture(scope="module")
def source_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("heavy") / "source.db"
    seeded_two_layers(path)
    return path


def expected_spans(db, layer):
    with Workspace(db, read_only=True) as ws:
        return {
            doc.id: (doc.text, {(s.start, s.end, s.label) for s in ws.spans(doc.id, layer)})
            for doc in ws.iter_documents()
        }


@pytest.mark.parametrize("layer", LAYERS)
def test_spacy_loads_the_docbin_and_char_span_is_exact(layer, source_db, tmp_path, capsys):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "out.spacy"
    code, _, err = export(capsys, source_db, "spacy", layer, "-o", out)
    assert code == 0, err
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab))
    expected = expected_spans(source_db, layer)
    assert len(docs) == len(expected)
    total = 0
    for doc in docs:
        meta = doc.user_data["annotator"]
        text, spans = expected[meta["id"]]
        assert doc.text == text
        got = {(s.start_char, s.end_char, s.label_) for s in doc.spans[layer]}
        assert got == spans
        for start, end, label in spans:
            found = doc.char_span(start, end, label=label)
            assert found is not None and found.text == text[start:end]
        for ent in doc.ents:  # entities overlap no other span
            assert not any(
                s.start_char < ent.end_char
                and ent.start_char < s.end_char
                and (s.start_char, s.end_char) != (ent.start_char, ent.end_char)
                for s in doc.spans[layer]
            )
        total += len(spans)
        assert len(meta["relations"]) == len(
            [r for r in meta["relations"] if r["head"] in {s["id"] for s in meta["spans"]}]
        )
    assert total > 50


@pytest.mark.parametrize("layer", LAYERS)
def test_datasets_loads_the_parquet_with_span_columns(layer, source_db, tmp_path, capsys):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "out.parquet"
    code, _, err = export(capsys, source_db, "hf", layer, "-o", out)
    assert code == 0, err
    data = datasets.load_dataset(
        "parquet", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache")
    )
    expected = expected_spans(source_db, layer)
    assert len(data) == len(expected)
    for row in data:
        text, spans = expected[row["id"]]
        assert row["text"] == text and row["layer"] == layer
        assert {(s["start"], s["end"], s["label"]) for s in row["spans"]} == spans
        for s in row["spans"]:
            assert text[s["start"] : s["end"]] == s["text"]
            assert isinstance(json.loads(s["attrs"]), dict)


@pytest.mark.parametrize("name", ["spacy", "hf", "cas-xmi"])
def test_a_missing_extra_is_named_in_one_sentence(name, source_db, tmp_path, capsys, monkeypatch):
    fmt = registry.get(name)
    monkeypatch.setitem(sys.modules, fmt.requires, None)  # as if it were not installed
    out = tmp_path / f"out{fmt.extensions[0]}"
    code, _, err = export(capsys, source_db, name, "amal", "-o", out)
    assert code == 2 and err.count("\n") == 1
    assert f"The {name} format needs the optional extra [{fmt.extra}]" in err
    assert f"pip install 'arabic-news-annotator[{fmt.extra}]'" in err
    assert not out.exists()
