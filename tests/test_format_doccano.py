"""doccano JSONL: doccano's own example files in both shapes, code points outside the BMP, and
hostile input refused in one sentence with nothing changed."""

from __future__ import annotations

import json

import pytest

from annotator.core.schema import LabelSchema
from annotator.core.workspace import Workspace
from annotator.formats import doccano, registry

from .format_helpers import ROOT, export, run, table_snapshot

SAMPLES = ROOT / "tests" / "data" / "doccano"


def news_schema() -> LabelSchema:
    return LabelSchema.from_dict(
        {
            "labels": {name: {} for name in ("ORG", "MISC", "PERSON", "DATE")},
            "relations": {
                "foundedAt": {"head": ["ORG"], "child": ["DATE"]},
                "foundedBy": {"head": ["ORG"], "child": ["PERSON"]},
            },
        }
    )


def test_doccano_example_files_are_detected_and_read(tmp_path):
    for name in ("sequence_labeling.jsonl", "relation_extraction.jsonl"):
        assert registry.detect(SAMPLES / name).name == "doccano"
    with Workspace(tmp_path / "w.db", schema=news_schema()) as ws:
        ws.import_records(doccano.read(SAMPLES / "sequence_labeling.jsonl"), layer="d")
        report = ws.import_records(doccano.read(SAMPLES / "relation_extraction.jsonl"), layer="d")
        assert (report.spans_added, report.relations_added) == (4, 3)
        found = {}
        for doc in ws.iter_documents():
            spans = {s.id: doc.text[s.start : s.end] for s in ws.spans(doc.id, "d")}
            found[doc.text[:6]] = sorted(spans.values())
            rels = {(spans[r.head], r.label, spans[r.child]) for r in ws.relations(doc.id, "d")}
            if doc.text.startswith("Google"):
                assert ("Google", "foundedBy", "Sergey Brin") in rels and len(rels) == 3
        assert found["EU rej"] == ["EU", "German"] and found["Presid"] == ["Obama"]


def test_offsets_count_code_points_outside_the_bmp(tmp_path, capsys, db_path):
    text = "😀 قال 𝐀 الرئيس 🇸🇦 إن الجنود عادوا"
    start = text.index("𝐀")
    path = tmp_path / "astral.jsonl"
    path.write_text(
        json.dumps({"text": text, "label": [[start, start + 8, "SPEAKER"]]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", db_path, "import", "--layer", "amal", path)
    assert code == 0, err
    code, _, err = export(capsys, db_path, "doccano", "amal", "-o", tmp_path / "out.jsonl")
    assert code == 0, err
    line = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    [entity] = line["entities"]
    assert text[entity["start_offset"] : entity["end_offset"]] == "𝐀 الرئيس"


HOSTILE = [
    ('{"text": "عنوان", "label": [[0, 99, "CLAIM"]]}', "bad.jsonl, line 2: span 1: "),
    (
        '{"text": "عنوان", "label": [[0, 5]]}',
        "bad.jsonl, line 2: label 1 is not [start, end, LABEL].",
    ),
    (
        '{"text": "عنوان", "entities": [{"id": 1, "start_offset": 0}]}',
        "bad.jsonl, line 2: entity 1 needs id",
    ),
    (
        '{"text": "عنوان", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, '
        '"label": "CLAIM"}], "relations": [{"from_id": 1, "to_id": 7, "type": "claimed_by"}]}',
        "bad.jsonl, line 2: relation 1: its child '7' is not a span of this document and layer.",
    ),
    ('{"text": "عنوان", "label": [[0, 5, "EVENT"]]}', "Unknown label 'EVENT'"),
    ('{"text": "عنوان", "label": [[0, 5, "CLAIM"]]', "bad.jsonl, line 2: is not valid JSON"),
]


@pytest.mark.parametrize(("line", "message"), HOSTILE)
def test_hostile_doccano_input_is_refused_in_one_sentence(line, message, tmp_path, capsys, db_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "نص سليم", "label": []}\n' + line + "\n", encoding="utf-8")
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text('{"text": "نص سابق"}\n', encoding="utf-8")
    with Workspace(db_path) as ws:
        ws.import_records(doccano.read(earlier))
    before = table_snapshot(db_path)
    code, _, err = run(capsys, "--db", db_path, "import", "--format", "doccano", path)
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert table_snapshot(db_path) == before
