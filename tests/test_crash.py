"""Guarantee 1, crash safety: SIGKILL at random moments loses nothing confirmed, never leaves an
import half-applied, never leaves a truncated export under its final name.

Each test runs real processes and kills them with SIGKILL (no clean-up code runs, as when power
fails or the OS kills the app). Kill moments are random but reproducible (seeded): after a random
number of confirmed edits, or once the write-ahead log or the export's temporary file has grown
past a random size, i.e. at a random point of the work rather than of the clock. Every round is
then checked; the tests also assert that most rounds really were killed mid-work.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.workspace import Workspace
from annotator.formats import expand_paths, read_paths

from .conftest import SEEDS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261125
ANNOTATE_ROUNDS = 30
IMPORT_ROUNDS = 15
EXPORT_ROUNDS = 15
DOCS_PER_IMPORT = 150


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_after_lines(proc: subprocess.Popen[str], wanted: int) -> list[str]:
    """SIGKILL ``proc`` once it has printed ``wanted`` lines (or ended); every line it printed.

    Not communicate(): it reads the pipe past what readline() already buffered, and lines in
    that buffer (confirmed edits among them) would be lost to the check.
    """
    assert proc.stdout is not None and proc.stderr is not None
    lines = []
    for _ in range(wanted):
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rest, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, err
    return [*lines, *rest.splitlines()]


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool]) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()`` holds; False if it finished first.

    The short pause only paces the polling; no assertion depends on timing."""
    while proc.poll() is None:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return proc.returncode == -signal.SIGKILL
        time.sleep(0.0005)
    return False


def size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def assert_sound(db: Path) -> sqlite3.Connection:
    """The file passes SQLite's own check after whatever the kill left (a hot WAL included)."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


def assert_check_command_clean(db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def seeded_workspace(tmp_path: Path) -> Path:
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ws.import_records(read_paths(expand_paths(SEEDS)))
    return db


def test_killed_annotator_loses_no_confirmed_edit(tmp_path):
    db = seeded_workspace(tmp_path)
    rng = random.Random(SEED)
    confirmed: dict[str, set[str]] = {"span": set(), "relation": set()}
    killed = 0
    for round_no in range(ANNOTATE_ROUNDS):
        proc = spawn("-m", "tests.drivers.annotate", str(db), "amal", str(SEED + round_no))
        wanted = rng.randint(0, 60)  # 0: killed while still opening the workspace
        killed += 1
        for line in kill_after_lines(proc, wanted):
            if line.strip():
                kind, item_id = line.split()
                confirmed[kind].add(item_id)
        conn = assert_sound(db)
        spans = {r[0] for r in conn.execute("SELECT id FROM spans")}
        relations = {r[0] for r in conn.execute("SELECT id FROM relations")}
        conn.close()
        assert confirmed["span"] <= spans, f"round {round_no}: confirmed spans lost"
        assert confirmed["relation"] <= relations, f"round {round_no}: confirmed relations lost"
    assert killed == ANNOTATE_ROUNDS and len(confirmed["span"]) > ANNOTATE_ROUNDS
    assert_check_command_clean(db)
    print(f"annotate: {killed} kill points, {len(confirmed['span'])} confirmed spans kept")


def import_file(path: Path, round_no: int) -> Path:
    """DOCS_PER_IMPORT new documents, each with a quote, a speaker and their relation."""
    base = SEEDS[round_no % len(SEEDS)].read_text(encoding="utf-8")[:3000]
    with path.open("w", encoding="utf-8") as fh:
        for n in range(DOCS_PER_IMPORT):
            text = f"{round_no}-{n} {base}"
            obj = {
                "id": f"r{round_no}-{n}",
                "text": text,
                "spans": [
                    {"id": f"q{round_no}-{n}", "start": 0, "end": 4, "label": "QUOTE"},
                    {"id": f"s{round_no}-{n}", "start": 5, "end": 9, "label": "SPEAKER"},
                ],
                "relations": [
                    {"head": f"q{round_no}-{n}", "child": f"s{round_no}-{n}", "label": "said_by"}
                ],
            }
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def counts(db: Path, action: str = "import") -> tuple[int, int, int, int]:
    """Documents, spans, relations and whole-operation events of ``action`` (a summary event
    is written once per import or merge, so it counts how many of them were applied)."""
    conn = assert_sound(db)
    row = tuple(
        conn.execute(sql, params).fetchone()[0]
        for sql, params in (
            ("SELECT count(*) FROM documents", ()),
            ("SELECT count(*) FROM spans", ()),
            ("SELECT count(*) FROM relations", ()),
            ("SELECT count(*) FROM events WHERE action = ? AND doc_id IS NULL", (action,)),
        )
    )
    conn.close()
    return row  # type: ignore[return-value]


def test_killed_import_is_all_or_nothing(tmp_path):
    db = seeded_workspace(tmp_path)
    wal = db.with_name(db.name + "-wal")
    rng = random.Random(SEED + 1)
    killed = applied = 0
    for round_no in range(IMPORT_ROUNDS):
        source = import_file(tmp_path / f"round{round_no}.jsonl", round_no)
        before = counts(db)
        threshold = rng.randint(0, size(source) * 7 // 5)  # 0: before it opens; WAL peaks ~1.3x
        proc = spawn("-m", "annotator", "--db", str(db), "import", str(source))
        was_killed = kill_when(proc, lambda t=threshold: size(wal) >= t)
        after = counts(db)
        delta = tuple(a - b for a, b in zip(after, before, strict=True))
        assert delta in {
            (0, 0, 0, 0),
            (DOCS_PER_IMPORT, 2 * DOCS_PER_IMPORT, DOCS_PER_IMPORT, 1),
        }, f"round {round_no}: half-applied import {delta}"
        if not was_killed:
            assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
            assert delta[0] == DOCS_PER_IMPORT
        killed += was_killed
        applied += delta[0] == DOCS_PER_IMPORT
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
    assert killed >= IMPORT_ROUNDS // 2, f"only {killed} rounds were killed mid-import"
    assert_check_command_clean(db)
    print(f"import: {killed} kill points, {applied} imports complete, the rest absent")


def staged_files(out: Path) -> list[Path]:
    """The files in the staging folders of an export to ``out``, which may vanish meanwhile."""
    found = []
    for folder in out.parent.glob(f".{out.name}.*.part"):
        try:
            found += [Path(e.path) for e in os.scandir(folder) if e.name.endswith(".part")]
        except OSError:  # renamed into place or removed while we looked
            continue
    return found


def test_killed_export_never_leaves_a_truncated_file(tmp_path):
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        for round_no in range(8):
            source = import_file(tmp_path / f"docs{round_no}.jsonl", round_no)
            ws.import_records(read_paths([source]))
        documents = len(ws.documents())
    out = tmp_path / "out" / "export.jsonl"
    out.parent.mkdir()
    full = subprocess.run(
        [
            sys.executable,
            "-m",
            "annotator",
            "--db",
            str(db),
            "export",
            "-o",
            str(out),
            "--layer",
            "imported",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert full.returncode == 0, full.stderr
    complete = out.read_bytes()
    out.unlink()
    rng = random.Random(SEED + 2)
    killed = 0
    for _round in range(EXPORT_ROUNDS):
        threshold = rng.randint(0, len(complete))
        proc = spawn(
            "-m", "annotator", "--db", str(db), "export", "-o", str(out), "--layer", "imported"
        )

        def partial_big_enough(t: int = threshold) -> bool:
            # the partial file lies in the export's staging folder (also named ``.NAME.*.part``)
            return any(size(p) >= t for p in staged_files(out))

        killed += kill_when(proc, partial_big_enough)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
        if out.exists():  # whatever was renamed into place is a whole export
            data = out.read_bytes()
            assert data == complete
            assert len(data.splitlines()) == documents
    assert killed >= EXPORT_ROUNDS // 2, f"only {killed} rounds were killed mid-export"
    leftovers = {p.name for p in out.parent.iterdir()} - {out.name, out.name + ".manifest.json"}
    assert all(name.startswith(f".{out.name}.") for name in leftovers)
    print(f"export: {killed} kill points, no truncated file under the final name")
