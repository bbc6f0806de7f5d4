import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import InputError, WorkspaceError
from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, jsonl, read_paths
from annotator.formats.manifest import file_sha256, manifest_path, write_manifest

from .conftest import SEEDS


def import_paths(ws: Workspace, *paths, layer=None):
    return ws.import_records(read_paths(expand_paths(paths)), layer=layer)


def snapshot(ws: Workspace) -> list:
    return [
        ws._db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
        for t in ("documents", "spans", "relations", "doc_status", "layers", "events")
    ]


def export_lines(ws: Workspace, path: Path, layer: str) -> list[dict]:
    jsonl.write(ws, path, layer)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_seeds_import_once_with_titles_and_hashes(workspace):
    report = import_paths(workspace, SEEDS[0].parent)
    assert report.documents_added == 5
    again = import_paths(workspace, *SEEDS)
    assert (again.documents_added, again.documents_existing) == (0, 5)
    docs = workspace.documents()
    assert [d.id for d in docs] == [p.stem for p in SEEDS]
    first = workspace.document(docs[0].id)
    assert first.title == SEEDS[0].read_text(encoding="utf-8").split("\n")[0].strip()
    assert first.text == SEEDS[0].read_text(encoding="utf-8")


def test_txt_normalisation(workspace, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffعنوان\r\nنص e\u0301".encode())
    import_paths(workspace, path)
    assert workspace.document("a").text == "عنوان\nنص \u00e9"


def annotate_two_layers(ws: Workspace) -> None:
    doc = ws.documents()[0].id
    text = ws.document(doc).text
    for layer in ("amal", "omar"):
        start = text.index("القيادة العامة")
        speaker = ws.add_span(
            doc,
            layer,
            start,
            start + len("القيادة العامة"),
            "SPEAKER",
            {"entity": "قيادة حفظ السلام"},
        )
        q = text.index("الوحدات الأولى")
        quote = ws.add_span(doc, layer, q, text.index("روسيا", q) + 5, "QUOTE", {"kind": "direct"})
        ws.add_relation(quote.id, speaker.id, "said_by")
        d = text.index("14 يناير")
        ws.add_span(doc, layer, d, d + 8, "DATE", {"type": "DATE", "value": "2022-01-14"})
    ws.set_status(doc, "amal", "done")


def test_export_shape_and_round_trip_through_import(seeded, tmp_path):
    annotate_two_layers(seeded)
    for layer in ("amal", "omar"):
        out = tmp_path / f"{layer}.jsonl"
        lines = export_lines(seeded, out, layer)
        assert len(lines) == 5
        first = lines[0]
        assert list(first) == [
            "id",
            "text",
            "meta",
            "layer",
            "status",
            "annotators",
            "spans",
            "relations",
        ]
        assert first["layer"] == layer and first["annotators"] == [layer]
        assert set(first["meta"]) >= {"title", "source", "published", "sha256"}
        for line in lines:
            for span in line["spans"]:
                assert line["text"][span["start"] : span["end"]] == span["text"]
            keys = [(s["start"], s["end"], s["label"]) for s in line["spans"]]
            assert keys == sorted(keys)
        assert "\\u06" not in out.read_text(encoding="utf-8")

        fresh = Workspace(tmp_path / f"fresh-{layer}.db")
        report = fresh.import_records(jsonl.read(out))
        assert report.spans_added == 3 and report.relations_added == 1
        again = tmp_path / f"again-{layer}.jsonl"
        assert export_lines(fresh, again, layer) == lines
        assert again.read_bytes() == out.read_bytes()
        # Importing the same file twice adds nothing.
        report = fresh.import_records(jsonl.read(out))
        assert (report.spans_added, report.relations_added, report.documents_added) == (0, 0, 0)
        fresh.close()


def test_reimport_into_same_workspace_adds_nothing(seeded, tmp_path):
    annotate_two_layers(seeded)
    out = tmp_path / "amal.jsonl"
    jsonl.write(seeded, out, "amal")
    spans_before = seeded._db.execute("SELECT count(*) FROM spans").fetchone()[0]
    report = seeded.import_records(jsonl.read(out))
    assert report.spans_existing == 3 and report.spans_added == 0
    assert seeded._db.execute("SELECT count(*) FROM spans").fetchone()[0] == spans_before


def test_minimal_shapes_are_accepted(workspace, tmp_path):
    path = tmp_path / "min.jsonl"
    rows = [
        {"text": "قال الوزير"},
        {
            "id": "d2",
            "text": "أكدت الوزارة الخبر",
            "meta": {"published": "2022-01-13", "url": "x"},
            "spans": [{"start": 5, "end": 12, "label": "SPEAKER"}],
        },
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8"
    )
    report = workspace.import_records(jsonl.read(path), layer="prodigy")
    assert report.documents_added == 2 and report.spans_added == 1
    doc = workspace.document("d2")
    assert doc.published == "2022-01-13" and doc.meta == {"url": "x"}
    assert workspace.spans("d2", "prodigy")[0].label == "SPEAKER"
    assert workspace.documents()[0].id.startswith("doc_")
    # Spans without ids are matched by what they are: no duplicate on re-import.
    assert workspace.import_records(jsonl.read(path), layer="prodigy").spans_added == 0


def test_offsets_given_for_unnormalised_text_are_remapped(workspace, tmp_path):
    raw = "سطر\r\nقال e\u0301 الوزير"
    start = raw.index("الوزير")
    path = tmp_path / "crlf.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": raw,
                "spans": [{"start": start, "end": start + 6, "label": "SPEAKER", "text": "الوزير"}],
            }
        ),
        encoding="utf-8",
    )
    workspace.import_records(jsonl.read(path), layer="amal")
    doc = workspace.documents()[0]
    span = workspace.spans(doc.id, "amal")[0]
    assert workspace.document(doc.id).text[span.start : span.end] == "الوزير"


GOOD = {
    "id": "g",
    "text": "قال الرئيس: «سنعود»",
    "layer": "amal",
    "spans": [
        {"id": "s1", "start": 4, "end": 10, "label": "SPEAKER", "text": "الرئيس"},
        {"id": "q1", "start": 12, "end": 19, "label": "QUOTE"},
    ],
    "relations": [{"head": "q1", "child": "s1", "label": "said_by"}],
}


def bad(**changes):
    obj = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if key == "span0":
            obj["spans"][0].update(value)
        else:
            obj[key] = value
    return json.dumps(obj, ensure_ascii=False)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x", ', "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"id": "x"}', 'no "text"'),
        (bad(span0={"label": "PERSON"}), "Unknown label 'PERSON'"),
        (bad(span0={"attrs": {"entity": 3}}), "must be text"),
        (
            bad(
                spans=[{"start": 12, "end": 19, "label": "QUOTE", "attrs": {"kind": "x"}}],
                relations=[],
            ),
            "does not allow 'x'",
        ),
        (bad(span0={"end": 500}), "out of range"),
        (bad(span0={"start": "4"}), "must be integers"),
        (
            bad(
                text="قال الرَّئيس: «سنعود»",
                spans=[{"start": 4, "end": 7, "label": "SPEAKER"}],
                relations=[],
            ),
            "split a character cluster",
        ),
        (bad(span0={"text": "الوزير"}), "differs from the document text"),
        (
            bad(relations=[{"head": "q1", "child": "nope", "label": "said_by"}]),
            "is not a span of this document",
        ),
        (
            bad(relations=[{"head": "s1", "child": "q1", "label": "said_by"}]),
            "links QUOTE to SPEAKER",
        ),
        (bad(layer="a/b"), "Layer name"),
        (bad(status="finished"), 'unknown "status"'),
        (bad(meta={"sha256": "00"}), "does not match the text"),
        (bad(meta={"published": "yesterday"}), "ISO date"),
    ],
)
def test_bad_jsonl_names_file_and_line_and_changes_nothing(workspace, tmp_path, line, message):
    import_paths(workspace, SEEDS[0])
    before = snapshot(workspace)
    path = tmp_path / "bad.jsonl"
    good_line = json.dumps({"text": "نص سليم يسبق السطر المعطوب"}, ensure_ascii=False)
    path.write_text(f"{good_line}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        workspace.import_records(jsonl.read(path))
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}, line 3: ")
    assert snapshot(workspace) == before


def test_non_utf8_file_is_refused_with_its_line(workspace, tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"line 2: is not UTF-8"):
        workspace.import_records(jsonl.read(path))
    txt = tmp_path / "cp1256.txt"
    txt.write_bytes("عنوان\nنص".encode("cp1256"))
    with pytest.raises(InputError, match=r"cp1256\.txt, line 1: is not UTF-8"):
        import_paths(workspace, txt)
    assert workspace.documents() == []


def test_missing_path_is_refused(workspace, tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        import_paths(workspace, tmp_path / "nothing.txt")


def test_same_explicit_id_for_another_text_is_refused(workspace, tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": "x", "text": "أ"}\n{"id": "x", "text": "ب"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2: document id 'x' is already used"):
        workspace.import_records(jsonl.read(path))
    assert workspace.documents() == []


def test_export_is_atomic_and_manifest_describes_it(seeded, tmp_path, monkeypatch):
    annotate_two_layers(seeded)
    out = tmp_path / "gold.jsonl"
    out.write_text("previous export\n", encoding="utf-8")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(jsonl, "document_object", explode)
    with pytest.raises(RuntimeError):
        jsonl.write(seeded, out, "amal")
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    monkeypatch.undo()

    written = jsonl.write(seeded, out, "amal", status="done")
    manifest = write_manifest(
        out, written, layer="amal", status="done", workspace_layers=seeded.layers(), fmt="jsonl"
    )
    assert manifest["documents"] == 1
    assert manifest["spans_per_label"] == {"DATE": 1, "QUOTE": 1, "SPEAKER": 1}
    assert manifest["sha256"] == file_sha256(out)
    assert json.loads(manifest_path(out).read_text(encoding="utf-8")) == manifest


def test_gold_export_lists_annotators(seeded, tmp_path):
    annotate_two_layers(seeded)
    lines = export_lines(seeded, tmp_path / "gold.jsonl", "gold")
    assert lines[0]["annotators"] == ["amal", "omar"]
    assert lines[0]["spans"] == [] and lines[1]["annotators"] == []


def test_import_into_a_locked_workspace_changes_nothing(workspace, tmp_path):
    blocker = sqlite3.connect(workspace.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    workspace._db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(WorkspaceError, match="busy: another program kept it locked"):
            import_paths(workspace, *SEEDS)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert workspace.documents() == []


def test_gold_adjudicator_survives_a_round_trip(workspace, tmp_path):
    line = {
        "id": "g",
        "text": "قال الرئيس",
        "layer": "gold",
        "status": "adjudicated",
        "adjudicator": "rania",
        "spans": [{"start": 4, "end": 10, "label": "SPEAKER"}],
    }
    source = tmp_path / "gold.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    workspace.import_records(jsonl.read(source))
    [exported] = export_lines(workspace, tmp_path / "out.jsonl", "gold")
    assert exported["adjudicator"] == "rania"
    [attested] = [e for e in workspace.events() if e["action"] == "import_adjudication"]
    assert (attested["who"], attested["payload"]["imported_by"]) == ("rania", "amal")
    bad_line = {**line, "adjudicator": "\n"}
    source.write_text(json.dumps(bad_line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match='"adjudicator"'):
        workspace.import_records(jsonl.read(source))


def test_a_later_file_fills_a_missing_publication_date(workspace, tmp_path):
    import_paths(workspace, SEEDS[0])
    doc = workspace.documents()[0]
    assert doc.published is None
    line = {"text": workspace.document(doc.id).text, "meta": {"published": "2022-01-13"}}
    source = tmp_path / "dated.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    workspace.import_records(jsonl.read(source))
    assert workspace.document(doc.id).published == "2022-01-13"
    line["meta"]["published"] = "2023-05-05"  # a date already set is kept
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    workspace.import_records(jsonl.read(source))
    assert workspace.document(doc.id).published == "2022-01-13"


def test_folder_import_skips_hidden_folders_and_stray_json(workspace, tmp_path):
    folder = tmp_path / "corpus"
    (folder / ".venv" / "lib").mkdir(parents=True)
    (folder / ".venv" / "lib" / "pkg.jsonl").write_text("not json\n", encoding="utf-8")
    (folder / "package.json").write_text("{not an article", encoding="utf-8")
    (folder / "a.txt").write_text("عنوان\nنص", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "b.jsonl").write_text('{"text": "نص آخر"}\n', encoding="utf-8")
    report = import_paths(workspace, folder)
    assert report.documents_added == 2
