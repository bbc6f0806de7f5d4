"""Notes on spans and documents: validated writes, search, the JSONL ``notes`` field (exported
and read back exactly), and a schema migration that older workspaces go through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError, ValidationError
from annotator.core.notes import MAX_NOTE_CHARS
from annotator.core.records import DocumentRecord
from annotator.core.store import SCHEMA_VERSION
from annotator.core.workspace import Workspace
from annotator.formats import jsonl

TEXT = "قال الوزير إن الاجتماع سيعقد في 14 يناير."


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    workspace.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
    return workspace


def test_a_note_on_a_span_and_one_on_the_document_flagged_first(ws):
    span = ws.add_span("t", "amal", 4, 10, "SPEAKER")
    plain = ws.add_note("t", "amal", "  checked twice  ")
    flagged = ws.add_note(
        "t", "amal", "unsure: is this the minister or the ministry?", span_id=span.id, flagged=True
    )
    assert plain.text == "checked twice" and plain.author == "amal"
    assert [n.id for n in ws.notes("t")] == [flagged.id, plain.id]
    assert ws.events(1)[0]["action"] == "add_note"
    ws.set_note_flagged(flagged.id, False)
    assert not ws.note(flagged.id).flagged
    ws.delete_note(plain.id)
    assert [n.id for n in ws.notes("t", "amal")] == [flagged.id]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "a\x00b", "bell\x07", "x" * (MAX_NOTE_CHARS + 1), "line\u2028sep"],
)
def test_bad_note_text_is_refused_and_nothing_is_written(ws, text):
    with pytest.raises(ValidationError):
        ws.add_note("t", "amal", text)
    assert ws.notes("t") == []


def test_a_note_on_a_span_of_another_layer_is_refused(ws):
    span = ws.add_span("t", "omar", 4, 10, "SPEAKER")
    with pytest.raises(ValidationError):
        ws.add_note("t", "amal", "mine?", span_id=span.id)


def test_notes_are_searchable_by_words_and_author(ws):
    ws.add_note("t", "amal", "الوزير أم الوزارة؟", flagged=True)
    ws.add_note("t", "amal", "date is relative")
    assert [n.text for n in ws.search_notes("الوزارة")] == ["الوزير أم الوزارة؟"]
    assert len(ws.search_notes("amal")) == 2
    assert ws.search_notes("100%") == []


def export_lines(ws: Workspace, path: Path, layer: str) -> list[dict]:
    jsonl.write(ws, path, layer)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_notes_travel_in_jsonl_and_read_back_exactly(ws, tmp_path, db_path):
    span = ws.add_span("t", "amal", 4, 10, "SPEAKER")
    ws.add_note("t", "amal", "whole article: dateline missing")
    ws.add_note("t", "amal", "minister or ministry?", span_id=span.id, flagged=True)
    [line] = export_lines(ws, tmp_path / "a.jsonl", "amal")
    [doc_note] = line["notes"]
    assert set(doc_note) == {"text", "author", "flagged", "created"}
    assert doc_note["text"] == "whole article: dateline missing" and doc_note["flagged"] is False
    [span_note] = line["spans"][0]["notes"]
    assert span_note["author"] == "amal" and span_note["flagged"] is True
    # Gold (nothing decided yet) carries the annotators' document notes, no span's.
    [gold] = export_lines(ws, tmp_path / "g.jsonl", "gold")
    assert gold["notes"] == [doc_note] and gold["spans"] == []

    with Workspace(tmp_path / "other.db", who="someone") as other:
        other.import_records(jsonl.read(tmp_path / "a.jsonl"))
        [again] = export_lines(other, tmp_path / "b.jsonl", "amal")
        assert again == line
        before = len(other.notes("t"))
        other.import_records(jsonl.read(tmp_path / "a.jsonl"))
        assert len(other.notes("t")) == before


def test_a_bad_note_in_jsonl_names_the_line_and_changes_nothing(workspace, tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {"id": "x", "text": TEXT, "layer": "amal", "notes": [{"text": "fine"}]}
    bad = {"id": "y", "text": TEXT + " ثان", "layer": "amal", "notes": [{"text": "a\x07b"}]}
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad\.jsonl.*2"):
        workspace.import_records(jsonl.read(path))
    assert workspace.documents() == []
    late = {"id": "z", "text": TEXT, "layer": "amal", "notes": [{"text": "ok", "created": "soon"}]}
    path.write_text(json.dumps(late) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="ISO time"):
        workspace.import_records(jsonl.read(path))
    assert workspace.documents() == []


def test_the_notes_migration_is_the_last_one_applied(ws):
    assert ws.query("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert ws.query("SELECT count(*) FROM notes").fetchone()[0] == 0
