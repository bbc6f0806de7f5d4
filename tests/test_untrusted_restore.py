"""Files from elsewhere, part 3: `restore` reads a backup's write-ahead log, rotation follows
the order we wrote backups in (never names or times another machine chose), a file in the
backups folder that is not ours is ignored, and a restore can always be undone."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.backups import KEEP, backup_dir, create_backup, list_backups
from annotator.core.records import DocumentRecord
from annotator.core.restore import restore
from annotator.core.workspace import Workspace

TEXT = "قال الوزير إن الاجتماع سيعقد غدا في العاصمة"


def span_ids(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM spans")}
    finally:
        conn.close()


@pytest.fixture
def annotated(db_path: Path) -> Path:
    with Workspace(db_path, who="amal") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t", id="t")])
        ws.add_span("t", "amal", 0, 3, "QUOTE", {"kind": "direct"})
    Workspace(db_path).close()  # the daily backup
    return db_path


def copy_while_live(live: Path, copy: Path) -> str:
    """Add a span that stays in the write-ahead log and copy the file with its log, the way
    a copied live workspace arrives; returns the span's id."""
    with Workspace(live, who="amal") as ws:
        ws._db.execute("PRAGMA wal_autocheckpoint = 0")
        late = ws.add_span("t", "amal", 4, 10, "SPEAKER")
        copy.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal"):
            shutil.copy(f"{live}{suffix}", f"{copy}{suffix}")
    return late.id


def test_a_copied_live_workspace_restores_its_latest_state(tmp_path, annotated):
    live = tmp_path / "laptop" / "live.db"
    live.parent.mkdir()
    shutil.copy(annotated, live)
    copy = tmp_path / "copy"
    late_id = copy_while_live(live, copy / "live.db")
    assert late_id not in span_ids(copy / "live.db")  # only in the log
    listing = sorted(p.name for p in copy.iterdir())
    restore(annotated, copy / "live.db")
    assert late_id in span_ids(annotated)
    assert sorted(p.name for p in copy.iterdir()) == listing  # nothing written beside it


def test_a_copied_live_workspace_restores_over_a_missing_file(tmp_path, annotated):
    copy = tmp_path / "copy" / "w.db"
    late_id = copy_while_live(annotated, copy)
    target = tmp_path / "fresh" / "new.db"
    restore(target, copy)
    assert late_id in span_ids(target)


def foreign_backups(annotated: Path, count: int) -> list[Path]:
    """Well-named files another machine's clock stamped far in the future."""
    made = []
    for n in range(count):
        path = (
            backup_dir(annotated)
            / f"{annotated.stem}.2999123{n % 10}T00000000000{n % 10}Z.daily.db"
        )
        shutil.copy(list_backups(annotated)[0].path, path)
        made.append(path)
    return made


def test_the_before_restore_backup_survives_foreign_time_stamps(annotated, capsys):
    foreign = foreign_backups(annotated, KEEP + 2)
    daily = list_backups(annotated)[0]
    assert main(["--db", str(annotated), "restore", daily.path.name]) == 0
    undo = [b for b in list_backups(annotated) if b.reason == "before-restore"]
    assert len(undo) == 1 and undo[0].path.exists()
    assert list_backups(annotated)[0] == undo[0]  # the newest: we wrote it last
    assert all(path.exists() for path in foreign)  # not ours: neither listed nor deleted
    assert not {b.path for b in list_backups(annotated)} & set(foreign)


def test_the_before_restore_backup_is_never_rotated_away(annotated):
    with Workspace(annotated) as ws:
        create_backup(ws._db.conn, annotated, "manual")
    restore(annotated, list_backups(annotated)[0].path)
    with Workspace(annotated) as ws:
        for _ in range(KEEP + 3):
            create_backup(ws._db.conn, annotated, "manual")
    backups = list_backups(annotated)
    assert [b.reason for b in backups].count("before-restore") == 1
    assert len(backups) == KEEP + 1


@pytest.mark.parametrize(
    "name",
    [
        "workspace.20261399T999999999999Z.daily.db",  # our shape, not a time
        "workspace.20260101T000000000000Z.daily.db",  # a folder of that name
        "notes.txt",
        "index.jsonl.part",
    ],
)
def test_a_file_in_the_backups_folder_that_is_not_ours_is_ignored(annotated, capsys, name):
    stray = backup_dir(annotated) / name
    if name.endswith("000Z.daily.db"):
        stray.mkdir()
    else:
        stray.write_bytes(b"not a backup")
    assert main(["--db", str(annotated), "restore", "--list"]) == 0
    out = capsys.readouterr().out
    assert name not in out and "daily" in out
    with Workspace(annotated) as ws:
        create_backup(ws._db.conn, annotated, "manual")
    assert stray.exists()


def test_a_garbled_index_is_not_a_traceback(annotated, capsys):
    index = backup_dir(annotated) / "index.jsonl"
    index.write_bytes(index.read_bytes() + b'{"file": 3}\n\xff\xfe garbage\n[1, 2]\n')
    assert main(["--db", str(annotated), "restore", "--list"]) == 0
    assert "daily" in capsys.readouterr().out


BACKER = """
import sys
from annotator.core.backups import create_backup
from annotator.core.workspace import Workspace
with Workspace(sys.argv[1]) as ws:
    for _ in range(5):
        create_backup(ws._db.conn, ws.path, "manual")
"""


def test_concurrent_backups_and_a_restore_keep_the_index_whole(annotated):
    """Three processes taking backups while a restore runs: every index line stays whole,
    rotation keeps the newest ten we wrote, and the restore's undo survives it all."""
    first = list_backups(annotated)[0].path
    procs = [
        subprocess.Popen([sys.executable, "-c", BACKER, str(annotated)], stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    kept = restore(annotated, first)
    errors = [p.communicate()[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    backups = list_backups(annotated)
    assert kept in backups and kept.path.exists()
    assert len(backups) <= KEEP + 1
    index = backup_dir(annotated) / "index.jsonl"
    assert all(json.loads(line)["file"] for line in index.read_text().splitlines())
    assert all(b.path.stat().st_size > 0 for b in backups)
