"""Files from elsewhere, part 1: a workspace whose schema is not exactly ours is refused before
any of its statements runs, whether opened with --db, merged or restored; `check` names what
is different. Every hostile file is built here with raw SQL."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import InputError, WorkspaceError
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.review.merge import merge_workspaces

TEXT = "قال الوزير إن الاجتماع سيعقد غدا"

# Each entry turns a sound workspace into a hostile one; the name is what `check` reports.
HOSTILE = {
    "trigger": (
        [
            "CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN DELETE FROM documents; END",
        ],
        "unexpected trigger wipe",
    ),
    "view": (["CREATE VIEW everything AS SELECT id FROM documents"], "unexpected view everything"),
    "table": (["CREATE TABLE scribbles (x)"], "unexpected table scribbles"),
    "index": (["CREATE INDEX spans_label ON spans(label)"], "unexpected index spans_label"),
    "generated column": (
        ["ALTER TABLE documents ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(title)) VIRTUAL"],
        "table documents has columns",
    ),
    "changed CHECK": (
        [
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, '\"end\" > start', '\"end\" >= start') "
            "WHERE name = 'spans'",
        ],
        "table spans is defined differently",
    ),
    "changed trigger body": (
        [
            "DROP TRIGGER spans_tombstone",
            "CREATE TRIGGER spans_tombstone AFTER DELETE ON spans BEGIN "
            "DELETE FROM tombstones; END",
        ],
        "trigger spans_tombstone is defined differently",
    ),
    "dropped index": (["DROP INDEX relations_child"], "index relations_child is missing"),
}


def sound(path: Path) -> Path:
    with Workspace(path, who="amal") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
        ws.add_span("t", "amal", 0, 3, "QUOTE", {"kind": "direct"})
    return path


def hostile(path: Path, case: str) -> Path:
    sound(path)
    conn = sqlite3.connect(path)
    for sql in HOSTILE[case][0]:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_distrusts_the_schema(db_path):
    with Workspace(db_path) as ws:
        assert ws._db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    with Workspace(db_path, read_only=True) as ws:
        assert ws._db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


@pytest.mark.parametrize("case", list(HOSTILE))
def test_db_with_a_foreign_schema_is_refused_before_anything_runs(tmp_path, capsys, case):
    path = hostile(tmp_path / "copied.db", case)
    before = digest(path)
    (tmp_path / "a.txt").write_text("نص جديد للاستيراد", encoding="utf-8")
    code = main(["--db", str(path), "import", str(tmp_path / "a.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"annotator: {path} cannot be opened: its schema is not the one")
    assert err.count("\n") == 1
    assert digest(path) == before and not Path(f"{path}-wal").exists()
    with pytest.raises(WorkspaceError, match="its schema is not the one"):
        Workspace(path, read_only=True)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_check_names_the_foreign_schema_object(tmp_path, capsys, case):
    path = hostile(tmp_path / "copied.db", case)
    before = digest(path)
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert f"schema: {HOSTILE[case][1]}" in out
    assert digest(path) == before


@pytest.mark.parametrize("case", list(HOSTILE))
def test_merge_refuses_a_foreign_schema_naming_the_file(tmp_path, case):
    other = hostile(tmp_path / "other.db", case)
    with Workspace(tmp_path / "main.db", who="reviewer") as ws:
        with pytest.raises(InputError) as caught:
            merge_workspaces(ws, [other])
        assert str(caught.value).startswith(f"{other}: cannot be merged: its schema is not")
        assert ws.documents() == []


@pytest.mark.parametrize("case", list(HOSTILE))
def test_restore_refuses_a_foreign_schema(tmp_path, capsys, case):
    backup = hostile(tmp_path / "backup.db", case)
    target = sound(tmp_path / "main.db")
    with Workspace(target) as ws:
        ws.add_span("t", "amal", 4, 10, "SPEAKER")
        ws._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(target)
    assert main(["--db", str(target), "restore", str(backup)]) == 2
    err = capsys.readouterr().err
    assert f"{backup} cannot be restored: its schema is not the one" in err
    assert digest(target) == before


def test_an_older_workspace_still_opens_and_upgrades(tmp_path):
    """The comparison is against the schema of the file's own version, not only the newest."""
    from .review_helpers import schema_1_file

    path = tmp_path / "old.db"
    schema_1_file(path).close()
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    with Workspace(copy) as ws:
        assert ws.documents() is not None
