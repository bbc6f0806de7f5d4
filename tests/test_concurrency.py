"""Guarantee 2, concurrency: writers on one workspace queue (busy timeout, BEGIN IMMEDIATE) and
see each other's edits; a workspace on a read-only path opens read-only and says so."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.core.errors import ReadOnlyError, WorkspaceError
from annotator.core.model import Status
from annotator.core.records import DocumentRecord
from annotator.core.store import write_transaction
from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
WRITES_PER_PROCESS = 150


def seeded(db: Path) -> None:
    with Workspace(db) as ws:
        ws.import_records(read_paths(expand_paths(SEEDS)))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "ws.db"
    seeded(db)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.drivers.annotate",
                str(db),
                layer,
                str(n),
                str(WRITES_PER_PROCESS),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, layer in enumerate(("amal", "omar"))
    ]
    outputs = [proc.communicate() for proc in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err  # never "database is locked": writers queued
    with Workspace(db) as ws:
        for layer, (out, _) in zip(("amal", "omar"), outputs, strict=True):
            printed = [line.split()[1] for line in out.splitlines() if line.startswith("span")]
            stored = {s.id for d in ws.documents() for s in ws.spans(d.id, layer)}
            assert len(printed) == 2 * WRITES_PER_PROCESS and set(printed) == stored
        assert ws._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        events = ws._db.execute("SELECT count(*) FROM events WHERE action='add_span'").fetchone()
        assert events[0] == 4 * WRITES_PER_PROCESS


def test_two_instances_see_each_others_edits(tmp_path):
    db = tmp_path / "ws.db"
    seeded(db)
    with Workspace(db, who="amal") as a, Workspace(db, who="omar") as b:
        doc = a.documents()[0].id
        quote = a.add_span(doc, "gold", 0, 4, "QUOTE")
        assert b.spans(doc, "gold") == [quote]
        speaker = b.add_span(doc, "gold", 5, 9, "SPEAKER")
        relation = b.add_relation(quote.id, speaker.id, "said_by")
        assert a.relations(doc, "gold") == [relation]
        a.delete_span(speaker.id)
        assert b.relations(doc, "gold") == [] and b.spans(doc, "gold") == [quote]


def test_a_writer_waits_for_the_lock_instead_of_failing(tmp_path):
    """B's write starts while A holds the write lock: it waits (busy timeout) and lands after
    A's commit. If B only starts after A commits the assertions hold just the same."""
    db = tmp_path / "ws.db"
    seeded(db)
    with Workspace(db, who="amal") as a, Workspace(db, who="omar") as b:
        doc = a.documents()[0].id
        errors: list[BaseException] = []

        def write_b() -> None:
            try:
                b.add_span(doc, "omar", 0, 4, "QUOTE")
            except BaseException as exc:  # reported below, in the test's thread
                errors.append(exc)

        with write_transaction(a._db):
            a._db.execute("INSERT INTO settings (key, value) VALUES ('holder', '\"a\"')")
            writer = threading.Thread(target=write_b)
            writer.start()
        writer.join()
        assert errors == []
        assert [s.label for s in a.spans(doc, "omar")] == ["QUOTE"]


def test_a_lock_held_too_long_fails_clearly_and_changes_nothing(tmp_path):
    db = tmp_path / "ws.db"
    seeded(db)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Workspace(db, who="amal") as ws:
            ws._db.execute("PRAGMA busy_timeout = 20")
            doc = ws.documents()[0].id
            with pytest.raises(WorkspaceError, match=r"is busy: another program kept it locked"):
                ws.add_span(doc, "amal", 0, 4, "QUOTE")
            with pytest.raises(WorkspaceError, match=r"is busy"):
                ws.import_records([DocumentRecord(text="نص جديد", path="x.txt")])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with Workspace(db) as ws:
        assert ws.spans(ws.documents()[0].id, "amal") == [] and len(ws.documents()) == 5


def test_read_only_on_request_refuses_every_write_and_changes_no_byte(tmp_path):
    db = tmp_path / "ws.db"
    seeded(db)
    before = digest(db)
    with Workspace(db, read_only=True) as ws:
        assert ws.read_only
        doc = ws.documents()[0].id
        assert ws.document(doc).text
        writes = [
            lambda: ws.add_span(doc, "amal", 0, 4, "QUOTE"),
            lambda: ws.set_status(doc, "amal", "done"),
            lambda: ws.set_setting("last", doc),
            lambda: ws.import_records([DocumentRecord(text="نص", path="x.txt")]),
        ]
        for write in writes:
            with pytest.raises(
                ReadOnlyError, match=r"is open read-only \(as asked\); the change was not saved"
            ):
                write()
    assert digest(db) == before
    with Workspace(db) as ws:
        assert not ws.read_only


def run_read_only(target: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` with ``target`` (a file or folder) really read-only: chmod for a normal
    user; for root, whom permissions do not stop, a read-only bind mount in a private mount
    namespace (skipped where the system does not allow one)."""
    if sys.platform == "win32":
        pytest.skip("Windows has no read-only folders by permission bits")
    if os.geteuid() != 0:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        finally:
            target.chmod(mode)
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: no way to make a path read-only")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
    prefix = ["unshare", "-m", "sh", "-c", script, str(target)]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"a read-only bind mount is not permitted here: {probe.stderr.strip()}")
    return subprocess.run([*prefix, *argv], cwd=ROOT, capture_output=True, text=True)


def annotated_workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A seeded workspace with one span, alone in its own folder (to be made read-only)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "ws.db"
    seeded(db)
    with Workspace(db, who="amal") as ws:
        ws.add_span(ws.documents()[0].id, "amal", 0, 4, "QUOTE")
    return folder, db


@pytest.mark.parametrize("what", ["file", "folder"])
def test_workspace_on_a_read_only_path_opens_read_only(tmp_path, what):
    folder, db = annotated_workspace(tmp_path)
    before = digest(db)
    export = tmp_path / "out.jsonl"
    result = run_read_only(
        db if what == "file" else folder,
        [sys.executable, "-m", "tests.drivers.readonly_probe", str(db), str(SEEDS[0]), str(export)],
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["read_only"] is True and report["documents"] == 5
    # A read-only mount makes the file unwritable too, so a folder may report either reason.
    reasons = ["the file is not writable"] + (["its folder is not writable"] * (what == "folder"))
    assert report["write_error"] in [
        f"{db} is open read-only ({reason}); the change was not saved." for reason in reasons
    ]
    imported = report["import"]
    assert imported["code"] == 2 and imported["stderr"].count("\n") == 1
    assert imported["stderr"] == f"annotator: {report['write_error']}\n"
    assert report["export"]["code"] == 0, report["export"]["stderr"]  # reading still works
    assert len(export.read_text(encoding="utf-8").splitlines()) == 5
    assert report["check"]["code"] == 0, report["check"]
    assert digest(db) == before


@pytest.mark.parametrize("what", ["file", "folder"])
def test_the_gui_starts_read_only_on_a_read_only_path(tmp_path, what):
    """`annotator` (the GUI) on a workspace it cannot write: it opens, says so in a banner,
    switches every editing action off, and changes no byte of the file."""
    folder, db = annotated_workspace(tmp_path)
    before = digest(db)
    result = run_read_only(
        db if what == "file" else folder,
        [sys.executable, "-m", "tests.drivers.gui_readonly", str(db), "amal"],
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert "error" not in report, report["error"]
    assert report["exit"] == 0 and report["read_only"] is True
    assert report["banner"].startswith("This workspace is open read-only")
    assert len(report["documents"]) == 5 and report["spans_shown"] == 1
    assert report["editing_enabled"] == []
    assert report["form_enabled"] is False and report["date_editable"] is False
    assert report["spans_after_tagging"] == 1
    assert digest(db) == before


def test_a_second_workspace_in_one_process_keeps_the_first_ones_locks(tmp_path):
    """Closing any descriptor of a file drops all of a process's POSIX locks on it, SQLite's
    too. A second Workspace on a file already open here (the window's worker threads, a second
    window) used to read the header through its own descriptor: the first connection lost its
    locks, the next program to close the file deleted the write-ahead log, and the first
    connection then read pages of the wrong table ("database disk image is malformed")."""
    db = tmp_path / "ws.db"
    seeded(db)
    window = Workspace(db, who="amal")
    doc = window.documents()[0].id
    with Workspace(db, who="amal") as second:  # same process, e.g. a worker thread
        second.add_span(doc, "amal", 0, 4, "QUOTE")
    assert len(window.spans(doc, "amal")) == 1
    opened = subprocess.run(  # another program opens and closes the file
        [
            sys.executable,
            "-c",
            f"from annotator.core.workspace import Workspace; Workspace({str(db)!r}).close()",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert opened.returncode == 0, opened.stderr
    assert db.with_name("ws.db-wal").exists(), "the log was deleted while a connection had it"
    with Workspace(db, who="omar") as third:
        third.set_status(doc, "omar", "done")
    assert window.statuses("omar") == {doc: Status.DONE}
    assert window._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    window.close()
