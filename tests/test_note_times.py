"""Note times compare as text (merge decides which change of a note is newer that way), so one
instant must have one spelling, and bringing a deleted note back must count as a change."""

from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.core.commands import DeleteNote
from annotator.core.errors import ValidationError
from annotator.core.model import Note
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.formats import jsonl
from annotator.review.merge import merge_workspaces

TEXT = "قال الوزير إن الاجتماع سيعقد في 14 يناير."
OLD = "2020-01-01T00:00:00.000+00:00"  # before anything the test does


@pytest.fixture
def ws(tmp_path):
    with Workspace(tmp_path / "main.db", who="amal") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
        yield ws


@pytest.mark.parametrize(
    ("spelt", "stored"),
    [
        ("2026-12-03T10:00:00Z", "2026-12-03T10:00:00.000+00:00"),
        ("2026-12-03T13:00:00+03:00", "2026-12-03T10:00:00.000+00:00"),
        ("2026-12-03T10:00:00.5+00:00", "2026-12-03T10:00:00.500+00:00"),
        ("2026-12-03T10:00:00.123456Z", "2026-12-03T10:00:00.123+00:00"),
        ("2026-12-03T10:00:00", "2026-12-03T10:00:00.000+00:00"),  # no zone: UTC
    ],
)
def test_a_note_time_is_stored_in_one_spelling_whatever_came_in(ws, tmp_path, spelt, stored):
    line = {"id": "t", "text": TEXT, "notes": [{"text": "check", "created": spelt}]}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with Workspace(tmp_path / "other.db", who="omar") as other:
        other.import_records(jsonl.read(path), layer="omar")
        [note] = other.notes("t")
        assert note.created == stored


def test_a_note_time_that_is_no_time_is_refused(ws):
    with pytest.raises(ValidationError, match="not an ISO time"):
        ws.restore_note(Note("n1", "t", "amal", None, "check", "amal", False, "yesterday"))
    assert ws.notes("t") == []


def copy_of(ws: Workspace, path):
    """The workspace as another machine's copy of it (what the write-ahead log holds too)."""
    with sqlite3.connect(path) as target:
        ws._db.conn.backup(target)
    target.close()
    return path


def flag_in_file(path, note_id: str, flagged: bool, changed: str) -> None:
    """A flag change as a file written elsewhere holds it (another tool, an older version)."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE notes SET flagged = ?, flag_changed = ? WHERE id = ?",
            [int(flagged), changed, note_id],
        )
    conn.close()


def test_merge_weighs_flag_times_by_instant_not_by_spelling(ws, tmp_path):
    """Theirs unflagged at 09:00 UTC spelt in +03:00 ("12:00"); ours flagged at 10:00 UTC. As
    text theirs reads later; as instants ours is the newer change and stays."""
    note = Note("n1", "t", "amal", None, "minister or ministry?", "amal", False, OLD)
    ws.restore_note(note, action="add_note")
    other = copy_of(ws, tmp_path / "other.db")
    flag_in_file(other, note.id, False, "2026-12-03T12:00:00.000+03:00")
    ws.set_note_flagged(note.id, True)
    ws._db.execute(  # our flag change at a known instant
        "UPDATE notes SET flag_changed = '2026-12-03T10:00:00.000+00:00' WHERE id = ?", [note.id]
    )
    merge_workspaces(ws, [other])
    assert ws.note(note.id).flagged is True
    flag_in_file(other, note.id, False, "2026-12-03T11:00:00Z")  # now theirs is newer
    merge_workspaces(ws, [other])
    assert ws.note(note.id).flagged is False


def test_a_flag_time_from_another_file_is_stored_in_one_spelling(ws, tmp_path):
    note = ws.add_note("t", "amal", "minister or ministry?")
    other = copy_of(ws, tmp_path / "other.db")
    ws._db.execute("UPDATE notes SET flag_changed = ? WHERE id = ?", [OLD, note.id])
    flag_in_file(other, note.id, True, "2026-12-03T13:00:00+03:00")
    merge_workspaces(ws, [other])
    [changed] = ws.query("SELECT flag_changed FROM notes WHERE id = ?", [note.id]).fetchone()
    assert ws.note(note.id).flagged is True
    assert changed == "2026-12-03T10:00:00.000+00:00"


def test_an_undone_deletion_is_newer_than_a_deletion_in_another_copy(ws, tmp_path):
    """Another copy deleted the note; here it was deleted and brought back (undo) after that:
    the note stays when the other copy is merged in."""
    ws.restore_note(Note("n1", "t", "amal", None, "check", "amal", False, OLD), action="add_note")
    other = copy_of(ws, tmp_path / "other.db")
    with Workspace(other, who="omar") as theirs:
        theirs.delete_note("n1")
    delete = DeleteNote(ws, "t", "n1")
    delete.do()
    delete.undo()
    merge_workspaces(ws, [other])
    assert [n.id for n in ws.notes("t")] == ["n1"]
