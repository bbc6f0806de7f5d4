"""Guarantee 3, damaged files: one clear sentence, exit code 2, and not one byte changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import schema as schema_module
from annotator.core.errors import AnnotatorError, DamagedWorkspaceError, WorkspaceError
from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths

from .conftest import SEEDS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def populated(db: Path) -> Path:
    with Workspace(db, who="amal") as ws:
        ws.import_records(read_paths(expand_paths(SEEDS)))
        doc = ws.documents()[0].id
        ws.add_span(doc, "amal", 0, 4, "QUOTE")
    return db


def page_of(db: Path, table: str) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    conn.close()
    return page_size, root[0]


def truncate_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def truncate_header(db: Path) -> None:
    db.write_bytes(db.read_bytes()[:60])


def not_sqlite(db: Path) -> None:
    db.write_bytes(b"PK\x03\x04 a zip file, or anything else" * 100)


def foreign_sqlite(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


def newer_schema(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


def emptied_with_backups(db: Path) -> None:
    Workspace(db).close()  # a later open: today's backup exists beside it
    db.write_bytes(b"")


DAMAGE = {
    truncate_half: "is truncated: it holds",
    truncate_header: "is truncated",
    not_sqlite: "is not an annotator workspace (not a SQLite file)",
    foreign_sqlite: "is a SQLite file but not an annotator workspace",
    newer_schema: "was written by a newer version of the annotator (schema 99",
    emptied_with_backups: "is empty although backups of it exist",
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=[f.__name__ for f in DAMAGE])
@pytest.mark.parametrize("command", [["stats"], ["import", str(SEEDS[0])], ["check"]])
def test_damaged_workspace_is_reported_and_left_untouched(
    capsys, db_path, damage, command, tmp_path
):
    populated(db_path)
    damage(db_path)
    before = digest(db_path)
    backups_before = sorted(p.name for p in tmp_path.glob("*.backups/*"))
    code = main(["--db", str(db_path), *command])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"annotator: {db_path} ") and err.count("\n") == 1
    assert DAMAGE[damage] in err
    assert digest(db_path) == before
    assert sorted(p.name for p in tmp_path.glob("*.backups/*")) == backups_before


def corrupt_documents_page(db: Path) -> None:
    page_size, root = page_of(db, "documents")
    with db.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


def test_corrupt_page_found_by_the_daily_check_is_not_backed_up(db_path, tmp_path):
    populated(db_path)
    corrupt_documents_page(db_path)
    before = digest(db_path)
    with pytest.raises(DamagedWorkspaceError, match="is damaged"):
        Workspace(db_path)  # first open of the day: the backup's quick_check finds it
    assert digest(db_path) == before
    assert list(tmp_path.glob("*.backups/*")) == []  # no bad backup to rotate good ones out


def test_corrupt_page_met_later_is_one_sentence_too(capsys, db_path):
    populated(db_path)
    Workspace(db_path).close()  # today's backup is taken while the file is healthy
    corrupt_documents_page(db_path)
    before = digest(db_path)
    code = main(["--db", str(db_path), "stats"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1
    assert f"{db_path} is damaged" in err and "annotator restore" in err
    assert digest(db_path) == before
    code = main(["--db", str(db_path), "check"])
    out, err = capsys.readouterr()
    assert code == 1 and "SQLite integrity check failed" in out
    assert digest(db_path) == before


def test_missing_schema_resource_fails_before_touching_anything(
    capsys, db_path, tmp_path, monkeypatch
):
    """A new workspace needs the bundled default schema; an existing one carries its own."""
    populated(db_path)
    empty = tmp_path / "no-resources"
    empty.mkdir()
    monkeypatch.setattr(schema_module, "resources_dir", lambda: empty)
    code = main(["--db", str(tmp_path / "new.db"), "import", str(SEEDS[0])])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1
    assert f"{empty / 'schema.json'}: the label schema file is missing" in err
    assert not (tmp_path / "new.db").exists()
    assert main(["--db", str(db_path), "import", str(SEEDS[1])]) == 0


def test_folder_given_as_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="is a folder, not a workspace file"):
        Workspace(tmp_path)


def test_every_damage_error_is_an_annotator_error():
    """The CLI turns AnnotatorError into one sentence; damage must never escape as a trace."""
    assert issubclass(DamagedWorkspaceError, AnnotatorError)
