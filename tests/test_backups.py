"""Guarantee 3, backups: taken with SQLite's backup API before migrations and on the first open of
each day, rotated, and put back by `annotator restore`, which first backs up what it replaces."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import annotator.core.store as store
from annotator.cli import main
from annotator.core.backups import KEEP, backup_dir, create_backup, list_backups
from annotator.core.errors import WorkspaceError
from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths

from .conftest import SEEDS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def span_ids(db: Path) -> set[str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    ids = {row[0] for row in conn.execute("SELECT id FROM spans")}
    conn.close()
    return ids


@pytest.fixture
def annotated(db_path: Path) -> Path:
    with Workspace(db_path, who="amal") as ws:
        ws.import_records(read_paths(expand_paths(SEEDS)))
        ws.add_span(ws.documents()[0].id, "amal", 0, 4, "QUOTE")
    return db_path


def age_backups(db: Path, days: int) -> None:
    """Pretend the existing backups were taken ``days`` ago (their name carries the time)."""
    for b in list_backups(db):
        old = (b.created - timedelta(days=days)).strftime("%Y%m%dT%H%M%S%fZ")
        b.path.rename(b.path.with_name(f"{db.stem}.{old}.{b.reason}.db"))


def test_a_new_workspace_has_nothing_to_back_up(db_path):
    Workspace(db_path).close()
    assert list_backups(db_path) == []


def test_first_open_of_a_day_backs_up_once(annotated):
    Workspace(annotated).close()
    first = list_backups(annotated)
    assert [b.reason for b in first] == ["daily"]
    assert (
        first[0].path.parent == backup_dir(annotated) == annotated.with_name("workspace.db.backups")
    )
    Workspace(annotated).close()
    assert list_backups(annotated) == first  # same day: no second backup
    age_backups(annotated, 1)
    Workspace(annotated).close()
    backups = list_backups(annotated)
    assert len(backups) == 2 and backups[0].created.date() == datetime.now(UTC).date()
    assert span_ids(backups[0].path) == span_ids(annotated)


def test_backups_are_rotated_keeping_the_newest(annotated):
    with Workspace(annotated) as ws:
        for _ in range(KEEP + 3):
            create_backup(ws._db.conn, annotated, "manual")
    backups = list_backups(annotated)
    assert len(backups) == KEEP
    assert all(b.reason == "manual" for b in backups)  # the oldest (the daily one) went first
    assert not list(backup_dir(annotated).glob("*.part"))


def test_rotation_drops_partial_copies_left_by_a_crash(annotated):
    Workspace(annotated).close()
    folder = backup_dir(annotated)
    old_part = folder / "workspace.20200101T000000000000Z.daily.db.part"
    new_part = folder / "workspace.20991231T000000000000Z.daily.db.part"
    for part in (old_part, new_part):
        part.write_bytes(b"half a copy")
    os.utime(old_part, (0, 0))  # written long ago: no backup can still be writing it
    with Workspace(annotated) as ws:
        create_backup(ws._db.conn, annotated, "manual")
    assert not old_part.exists() and new_part.exists()


def test_backup_is_consistent_while_another_connection_writes(annotated):
    with Workspace(annotated, who="amal") as writer, Workspace(annotated) as reader:
        doc = writer.documents()[0].id
        with store.write_transaction(writer._db):
            writer._db.execute("INSERT INTO settings (key, value) VALUES ('uncommitted', '1')")
            backup = create_backup(reader._db.conn, annotated, "manual")
        writer.add_span(doc, "amal", 5, 9, "SPEAKER")
    conn = sqlite3.connect(backup.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM settings WHERE key='uncommitted'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
    conn.close()


def test_migration_is_preceded_by_a_backup_and_rolled_back_on_failure(annotated, monkeypatch):
    Workspace(annotated).close()  # today's daily backup already exists
    version = store.SCHEMA_VERSION
    calls: list[int] = []

    def _v2_broken(db):
        calls.append(1)
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, _v2_broken])
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    with pytest.raises(RuntimeError, match="migration bug"):
        Workspace(annotated)
    before = [b for b in list_backups(annotated) if b.reason == f"before-v{store.SCHEMA_VERSION}"]
    assert calls == [1] and len(before) == 1
    conn = sqlite3.connect(annotated)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    )
    conn.close()
    backup = sqlite3.connect(before[0].path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == version
    backup.close()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_restore_lists_restores_and_can_be_undone(capsys, annotated):
    with Workspace(annotated, who="amal") as ws:  # takes today's backup: one span
        doc = ws.documents()[0].id
        ws.add_span(doc, "amal", 5, 9, "SPEAKER")  # made after the backup
    after_edit = span_ids(annotated)
    assert len(after_edit) == 2
    code, out, _ = run(capsys, "--db", annotated, "restore", "--list")
    daily = list_backups(annotated)[0]
    assert code == 0 and daily.path.name in out and "daily" in out
    code, out, _ = run(capsys, "--db", annotated, "restore", daily.path.name)
    assert code == 0 and "Restored" in out and "before-restore" in out
    assert len(span_ids(annotated)) == 1
    undo = next(b for b in list_backups(annotated) if b.reason == "before-restore")
    assert span_ids(undo.path) == after_edit
    code, _, _ = run(capsys, "--db", annotated, "restore", undo.path)
    assert code == 0 and span_ids(annotated) == after_edit


def test_restore_is_seen_by_an_instance_that_has_the_workspace_open(annotated):
    from annotator.core.restore import restore

    with Workspace(annotated, who="amal") as ws:
        daily = list_backups(annotated)[0]
        doc = ws.documents()[0].id
        ws.add_span(doc, "amal", 5, 9, "SPEAKER")
        restore(annotated, daily.path)
        assert len(ws.spans(doc, "amal")) == 1  # the open instance reads the restored data


def test_restore_replaces_a_damaged_workspace_and_keeps_its_bytes(capsys, annotated):
    Workspace(annotated).close()
    daily = list_backups(annotated)[0]
    data = annotated.read_bytes()
    annotated.write_bytes(data[: len(data) // 3])
    damaged = digest(annotated)
    code, _, err = run(capsys, "--db", annotated, "restore", daily.path.name)
    assert code == 0, err
    kept = next(b for b in list_backups(annotated) if b.reason == "damaged")
    assert digest(kept.path) == damaged
    with Workspace(annotated) as ws:
        assert len(ws.documents()) == 5


@pytest.mark.parametrize("bad", ["unknown-name", "not-a-workspace", "truncated-backup"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(capsys, annotated, tmp_path, bad):
    Workspace(annotated).close()
    before = digest(annotated)
    name = "nothing-called-this.db"
    if bad == "not-a-workspace":
        name = str(tmp_path / "photos.db")
        conn = sqlite3.connect(name)
        conn.execute("CREATE TABLE photos (x)")
        conn.commit()
        conn.close()
    elif bad == "truncated-backup":
        daily = list_backups(annotated)[0].path
        daily.write_bytes(daily.read_bytes()[:5000])
        name = daily.name
    code, _, err = run(capsys, "--db", annotated, "restore", name)
    assert code == 2 and err.count("\n") == 1 and err.startswith("annotator: ")
    assert digest(annotated) == before


def test_restore_with_no_backups_says_so(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "restore")
    assert code == 0 and "no backups yet" in out


def test_backup_failure_is_a_clear_error(annotated, monkeypatch):
    """A backup folder that cannot be created (a file is in the way) is reported clearly."""
    backup_dir(annotated).write_text("in the way")
    with pytest.raises(WorkspaceError, match="a backup could not be written"):
        Workspace(annotated)
