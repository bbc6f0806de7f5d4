"""Outputs, continued: a full disk still lets read-only work run, output cut by a closed pipe
ends quietly, and spans against un-normalised input may not split what normalisation joins."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import backups
from annotator.core.backups import backup_dir, list_backups
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
TEXT = "قال الوزير إن الاجتماع سيعقد غدا في العاصمة"


@pytest.fixture
def ws_path(db_path: Path) -> Path:
    with Workspace(db_path, who="amal") as ws:
        ws.import_records(
            DocumentRecord(text=f"{TEXT} {n}", path="t", id=f"d{n}") for n in range(1500)
        )
        ws.add_span("d0", "amal", 0, 3, "QUOTE", {"kind": "direct"})
    return db_path


def test_a_full_disk_skips_the_daily_backup_and_reading_still_works(
    ws_path, tmp_path, capsys, monkeypatch
):
    def disk_full(conn, partial):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_copy", disk_full)
    assert main(["--db", str(ws_path), "stats", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["documents"] == 1500
    assert err.startswith("annotator: warning: ") and "No space left on device" in err
    assert main(["--db", str(ws_path), "check"]) == 0
    other_disk = tmp_path / "elsewhere" / "amal.jsonl"
    other_disk.parent.mkdir()
    assert main(["--db", str(ws_path), "export", "-o", str(other_disk), "--layer", "amal"]) == 0
    assert len(other_disk.read_text(encoding="utf-8").splitlines()) == 1500
    assert list_backups(ws_path) == []
    assert not list(backup_dir(ws_path).glob("*.part"))


def test_a_damaged_backup_still_blocks_the_open(ws_path, capsys, monkeypatch):
    """Only the disk's troubles are skipped: damage found while backing up is still refused."""
    monkeypatch.setattr(backups, "_copy", lambda conn, partial: "*** page 3 is never used")
    assert main(["--db", str(ws_path), "stats"]) == 2
    assert "damaged" in capsys.readouterr().err


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "annotator", *args]


@pytest.mark.parametrize(
    "args", [["stats", "--documents"], ["stats", "--json"]], ids=["table", "json"]
)
def test_output_cut_by_a_pipe_ends_quietly(ws_path, args):
    """1,500 documents print far more than a pipe holds: the later writes meet the closed end."""
    proc = subprocess.Popen(
        cli("--db", str(ws_path), *args),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # like `| head -1`: one line, then the reader is gone
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait() == 0
    assert first and "Traceback" not in err and "BrokenPipe" not in err and err == ""


def test_merge_into_a_closed_pipe_ends_quietly_and_merges(ws_path, tmp_path):
    other = tmp_path / "other.db"
    with Workspace(other, who="omar") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t", id="x")])
        ws.add_span("x", "omar", 0, 3, "QUOTE", {"kind": "direct"})
    proc = subprocess.Popen(
        cli("--db", str(ws_path), "merge", str(other), "--json"),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # closed before anything was written
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait() == 0 and err == ""
    with Workspace(ws_path) as ws:
        assert "omar" in ws.layers()


def test_stats_cut_by_head_in_a_shell_pipeline(ws_path, tmp_path):
    err_file = tmp_path / "err.txt"
    shown = subprocess.run(
        f"{sys.executable} -m annotator --db {ws_path} stats 2>{err_file} | head -1; "
        "exit ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0 and shown.stdout.startswith("Workspace ")
    assert err_file.read_text() == ""


NFD_E = unicodedata.normalize("NFD", "é")  # e + COMBINING ACUTE ACCENT


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("قال\r\nالوزير إن", 0, 4),  # ends between CR and LF: one line end after normalising
        ("قال\r\nالوزير إن", 4, 9),  # starts between CR and LF
        (f"ab {NFD_E}cd", 3, 4),  # ends between e and its accent, which NFC joins into é
        (f"ab {NFD_E}cd", 4, 6),  # starts on the accent
        (f"\ufeff\ufeffab {NFD_E}", 5, 6),  # after two BOMs, on the accent
    ],
)
def test_a_span_splitting_what_normalisation_joins_is_refused(
    tmp_path, db_path, capsys, text, start, end
):
    source = tmp_path / "in.jsonl"
    bad = {"text": text, "spans": [{"start": start, "end": end, "label": "CLAIM"}]}
    source.write_text(json.dumps({"text": "سطر أول"}) + "\n" + json.dumps(bad) + "\n")
    assert main(["--db", str(db_path), "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: {source}, line 2: span 1: ")
    assert "would split a character cluster" in err and err.count("\n") == 1
    with Workspace(db_path) as ws:
        assert ws.documents() == []


def test_spans_on_whole_clusters_of_unnormalised_input_still_import(tmp_path, db_path, capsys):
    text = f"قال\r\nالوزير {NFD_E}cd"
    spans = [
        {"start": 0, "end": 3, "label": "CLAIM"},
        {"start": 5, "end": 11, "label": "SPEAKER"},
        {"start": 12, "end": 16, "label": "CLAIM"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": text, "spans": spans}) + "\n")
    assert main(["--db", str(db_path), "import", str(source), "--layer", "amal"]) == 0
    with Workspace(db_path) as ws:
        (doc,) = ws.documents()
        stored = ws.document(doc.id).text
        got = sorted(stored[s.start : s.end] for s in ws.spans(doc.id, "amal"))
    assert got == sorted(["قال", "الوزير", "écd"])
