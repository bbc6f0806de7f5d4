"""Label Studio JSON: layers as annotations, suggestions as predictions, code points outside
the BMP, and hostile input refused in one sentence with nothing changed."""

from __future__ import annotations

import json

import pytest

from annotator.core.workspace import Workspace
from annotator.formats import label_studio, registry

from .format_helpers import export, run, table_snapshot

TEXT = "😀 قال 𝐀 الرئيس 🇸🇦: «سنعود غدا»"


def task(results, completed_by=7, **extra):
    return {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"completed_by": completed_by, "result": results}],
        **extra,
    }


def region(rid, start, end, label, **more):
    return {
        "id": rid,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]},
        **more,
    }


def test_a_task_as_label_studio_exports_it_is_read_with_layers_and_attributes(tmp_path, db_path):
    s, q = TEXT.index("𝐀"), TEXT.index("سنعود")
    tasks = [
        task(
            [
                region("a1", s, s + 8, "SPEAKER"),
                {
                    "id": "a1",
                    "from_name": "entity",
                    "to_name": "text",
                    "type": "textarea",
                    "value": {"start": s, "end": s + 8, "text": ["الرئيس"]},
                },
                region("b2", q, q + 9, "QUOTE"),
                {
                    "id": "b2",
                    "from_name": "kind",
                    "to_name": "text",
                    "type": "choices",
                    "value": {"start": q, "end": q + 9, "choices": ["direct"]},
                },
                {
                    "type": "relation",
                    "from_id": "a1",
                    "to_id": "b2",
                    "direction": "left",
                    "labels": ["said_by"],
                },
            ],
            predictions=[{"model_version": "x", "result": [region("p1", s, s + 8, "SPEAKER")]}],
        )
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert registry.detect(path).name == "label-studio"
    with Workspace(db_path) as ws:
        ws.import_records(label_studio.read(path))
        doc = ws.documents()[0].id
        [speaker, quote] = ws.spans(doc, "ls-user-7")
        assert (speaker.label, speaker.attrs, quote.attrs) == (
            "SPEAKER",
            {"entity": "الرئيس"},
            {"kind": "direct"},
        )
        assert TEXT[speaker.start : speaker.end] == "𝐀 الرئيس"
        [rel] = ws.relations(doc, "ls-user-7")
        assert (rel.head, rel.child, rel.label) == (quote.id, speaker.id, "said_by")
        assert [s.label for s in ws.spans(doc, "suggestions")] == ["SPEAKER"]


def test_layers_become_annotations_and_suggestions_predictions(tmp_path, capsys, db_path):
    with Workspace(db_path) as ws:
        path = tmp_path / "in.json"
        path.write_text(
            json.dumps([task([region("a1", 2, 5, "CLAIM")], completed_by="amal")]), encoding="utf-8"
        )
        ws.import_records(label_studio.read(path))
        doc = ws.documents()[0].id
        ws.add_span(doc, "suggestions", 2, 5, "CLAIM")
    for layer in ("amal", "suggestions"):
        out = tmp_path / f"{layer}.json"
        code, _, err = export(capsys, db_path, "label-studio", layer, "-o", out)
        assert code == 0, err
        [exported] = json.loads(out.read_text(encoding="utf-8"))
        if layer == "amal":
            assert exported["predictions"] == []
            assert exported["annotations"][0]["completed_by"]["email"] == "amal@annotator"
        else:
            assert exported["annotations"] == [] and len(exported["predictions"]) == 1
        [result] = (exported["annotations"] or exported["predictions"])[0]["result"]
        assert result["value"]["text"] == TEXT[2:5]


HOSTILE = [
    ("[{]", "bad.json, line 1: is not valid JSON"),
    ('{"a": 1}', 'bad.json, task 1: is not a task with a "data" object.'),
    ([{"data": {"html": "x"}}], 'bad.json, task 1: has no "data.text" string.'),
    ([task([region("a1", 2, 99, "CLAIM")])], "bad.json, task 1: span a1: "),
    (
        [
            task(
                [
                    {
                        **region("a1", 2, 5, "CLAIM"),
                        "value": {"start": 2, "end": 5, "text": "xyz", "labels": ["CLAIM"]},
                    }
                ]
            )
        ],
        "bad.json, task 1: span a1: its \"text\" 'xyz' differs",
    ),
    (
        [
            task(
                [
                    region("a1", 2, 5, "CLAIM"),
                    {"type": "relation", "from_id": "a1", "to_id": "zz", "labels": ["claimed_by"]},
                ]
            )
        ],
        "bad.json, task 1: relation 1: its child 'zz' is not a span",
    ),
    (
        [task([{"id": "r", "type": "rectanglelabels", "value": {}}])],
        "bad.json, task 1: result r is of type 'rectanglelabels'",
    ),
]


@pytest.mark.parametrize(("content", "message"), HOSTILE)
def test_hostile_label_studio_input_is_refused_in_one_sentence(
    content, message, tmp_path, capsys, db_path
):
    path = tmp_path / "bad.json"
    path.write_text(
        content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
        encoding="utf-8",
    )
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text('{"text": "نص سابق"}\n', encoding="utf-8")
    run(capsys, "--db", db_path, "import", earlier)
    before = table_snapshot(db_path)
    code, _, err = run(capsys, "--db", db_path, "import", "--format", "label-studio", path)
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert table_snapshot(db_path) == before


def test_label_studios_own_converter_reads_our_export(tmp_path, capsys):
    converter = pytest.importorskip("label_studio_converter")
    from .format_helpers import LAYERS as layers
    from .format_helpers import layer_content, seeded_two_layers

    db = tmp_path / "source.db"
    seeded_two_layers(db)
    out = tmp_path / "ls.json"
    code, _, err = export(capsys, db, "label-studio", layers[0], "-o", out)
    assert code == 0, err
    config = out.with_name(out.name + ".label_config.xml").read_text(encoding="utf-8")
    result_dir = tmp_path / "min"
    converter.Converter(
        config=config, project_dir=str(tmp_path), download_resources=False
    ).convert_to_json_min(str(out), str(result_dir), is_dir=False)
    rows = json.loads(next(result_dir.glob("*.json")).read_text(encoding="utf-8"))
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == len(tasks)
    by_text = {}
    for row in rows:
        regions = row.get("label", [])
        by_text[row["text"]] = sorted((r["start"], r["end"], r["labels"][0]) for r in regions)
        for r in regions:
            assert row["text"][r["start"] : r["end"]] == r["text"]
    import hashlib

    expected = layer_content(db, layers[0])
    for text, regions in by_text.items():
        spans, _ = expected[hashlib.sha256(text.encode()).hexdigest()]
        assert regions == sorted((s, e, label) for s, e, label, _ in spans)
