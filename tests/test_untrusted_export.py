"""Outputs: `export -o` never writes over the workspace, its logs, its backups or anything that
is not a regular file; export and manifest never disagree, whatever fails or is killed; the
files get the usual permissions; JSON never carries NaN or Infinity, in or out."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.backups import list_backups
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.formats import manifest as manifest_module
from annotator.formats.manifest import manifest_path

ROOT = Path(__file__).resolve().parent.parent
TEXT = "قال الوزير إن الاجتماع سيعقد غدا في العاصمة"


@pytest.fixture
def ws_path(db_path: Path) -> Path:
    with Workspace(db_path, who="amal") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t", id="t")])
        ws.add_span("t", "amal", 0, 3, "QUOTE", {"kind": "direct"})
    Workspace(db_path).close()  # today's backup exists from now on
    return db_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spans_in(path: Path) -> int:
    with Workspace(path, read_only=True) as ws:
        return len(ws.spans("t", "amal"))


def target_of(kind: str, ws: Path) -> Path:
    if kind == "the workspace":
        return ws
    if kind in ("-wal", "-shm"):
        path = Path(f"{ws}{kind}")
        path.touch()
        return path
    if kind == "a backup":
        return list_backups(ws)[0].path
    if kind == "a new file in the backups folder":
        return list_backups(ws)[0].path.with_name("mine.jsonl")
    if kind == "a hard link to the workspace":
        link = ws.with_name("link.jsonl")
        os.link(ws, link)
        return link
    if kind == "a symbolic link to the workspace":
        link = ws.with_name("symlink.jsonl")
        link.symlink_to(ws)
        return link
    if kind == "a pipe":
        fifo = ws.with_name("fifo.jsonl")
        os.mkfifo(fifo)
        return fifo
    if kind == "a device":
        # A null device of our own: never the system's /dev/null, which an export that did
        # not refuse it would replace by a regular file for every program on the machine.
        device = ws.with_name("null.jsonl")
        try:
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:  # not root: a socket is not a regular file either
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind(str(device))
        return device
    if kind == "a folder where the file would go":
        folder = ws.with_name("out")
        (folder / "amal.jsonl").mkdir(parents=True)
        return folder
    raise AssertionError(kind)


TARGETS = [
    "the workspace",
    "-wal",
    "-shm",
    "a backup",
    "a new file in the backups folder",
    "a hard link to the workspace",
    "a symbolic link to the workspace",
    "a pipe",
    "a device",
    "a folder where the file would go",
]


@pytest.mark.parametrize("kind", TARGETS)
def test_export_refuses_targets_it_must_not_replace(ws_path, capsys, kind):
    target = target_of(kind, ws_path)
    before = digest(ws_path)
    code = main(["--db", str(ws_path), "export", "-o", str(target), "--layer", "amal"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("annotator: ")
    assert digest(ws_path) == before and spans_in(ws_path) == 1
    assert all(b.path.stat().st_size > 0 for b in list_backups(ws_path))
    if kind == "a device":
        assert not stat.S_ISREG(os.stat(target).st_mode)  # still the device, not replaced


def test_a_manifest_name_that_is_the_workspace_is_refused(tmp_path, capsys):
    db = tmp_path / "gold.jsonl.manifest.json"  # a workspace someone named like a manifest
    with Workspace(db, who="amal") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t", id="t")])
        ws.add_span("t", "amal", 0, 3, "QUOTE", {"kind": "direct"})
    before = digest(db)
    assert main(["--db", str(db), "export", "-o", str(tmp_path / "gold.jsonl")]) == 2
    assert "is the workspace" in capsys.readouterr().err
    assert digest(db) == before


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_exported_files_get_the_usual_permissions(ws_path, tmp_path, capsys, umask):
    out = tmp_path / "exports" / "amal.jsonl"
    out.parent.mkdir()  # -o names a file in a folder that exists
    old = os.umask(umask)
    try:
        assert main(["--db", str(ws_path), "export", "-o", str(out), "--layer", "amal"]) == 0
    finally:
        os.umask(old)
    for path in (out, manifest_path(out)):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def exported(out: Path) -> tuple[bytes | None, dict | None]:
    data = out.read_bytes() if out.exists() else None
    mf = manifest_path(out)
    return data, (json.loads(mf.read_text(encoding="utf-8")) if mf.exists() else None)


def test_a_failed_manifest_leaves_the_old_export_and_manifest(
    ws_path, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "amal.jsonl"
    assert main(["--db", str(ws_path), "export", "-o", str(out), "--layer", "amal"]) == 0
    old = exported(out)
    with Workspace(ws_path, who="amal") as ws:
        ws.add_span("t", "amal", 4, 10, "SPEAKER")

    def disk_full(manifest, fh):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(manifest_module, "dump_manifest", disk_full)
    assert main(["--db", str(ws_path), "export", "-o", str(out), "--layer", "amal"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert exported(out) == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".amal")) == []


# Each step of the export that touches a file, killed just before it: the staged export's
# flush and its rename inside the staging folder (every format writes there through the
# registry), the staged manifest's flush, the old manifest's removal, the folder flush, the
# export's and the manifest's renames into place, the last folder flush.
KILL_POINTS = [
    ("fsync", 1),
    ("replace", 1),
    ("fsync", 2),
    ("unlink", 1),
    ("fsync", 3),
    ("replace", 2),
    ("replace", 3),
    ("fsync", 4),
]


def test_a_kill_at_any_step_never_leaves_a_manifest_beside_another_export(ws_path, tmp_path):
    out = tmp_path / "amal.jsonl"
    assert main(["--db", str(ws_path), "export", "-o", str(out), "--layer", "amal"]) == 0
    old_data, old_manifest = exported(out)
    with Workspace(ws_path, who="amal") as ws:
        ws.add_span("t", "amal", 4, 10, "SPEAKER")
    kills = 0
    seen = set()
    for step, nth in KILL_POINTS:
        out.write_bytes(old_data)  # start each round from the old pair
        manifest_path(out).write_text(json.dumps(old_manifest), encoding="utf-8")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.drivers.export_kill",
                str(ws_path),
                str(out),
                step,
                str(nth),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert proc.returncode == -9, (step, nth, proc.returncode, proc.stderr)
        kills += 1
        data, manifest = exported(out)
        assert data is not None  # an export is always there: the old or the new one
        if manifest is not None:  # and any manifest describes exactly the file beside it
            assert manifest["sha256"] == hashlib.sha256(data).hexdigest(), (step, nth)
        seen.add((data == old_data, manifest is not None))
    assert kills == len(KILL_POINTS)
    assert (False, False) in seen and (True, True) in seen and (True, False) in seen
    print(f"export: {kills} kills, every manifest left describes its export")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_on_import(tmp_path, db_path, capsys, constant):
    source = tmp_path / "in.jsonl"
    line = {"text": TEXT, "meta": {"score": "X"}}  # meta is kept as given: the place to test
    source.write_text(
        json.dumps({"text": "سطر أول"}) + "\n" + json.dumps(line).replace('"X"', constant) + "\n",
        encoding="utf-8",
    )
    assert main(["--db", str(db_path), "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: {source}, line 2: ") and err.count("\n") == 1
    with Workspace(db_path) as ws:
        assert ws.documents() == []


def test_a_stored_nan_is_never_exported(ws_path, tmp_path, capsys):
    conn = sqlite3.connect(ws_path)
    conn.execute("""UPDATE spans SET attrs = '{"kind": NaN}'""")
    conn.commit()
    conn.close()
    out = tmp_path / "amal.jsonl"
    assert main(["--db", str(ws_path), "export", "-o", str(out), "--layer", "amal"]) == 2
    assert "cannot express" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".amal.jsonl*"))


@pytest.mark.parametrize("fmt", ["brat", "doccano", "label-studio"])
def test_every_format_refuses_the_backups_folder_and_writes_usual_permissions(
    ws_path, tmp_path, capsys, fmt
):
    """The target checks and the manifest order hold for the registry's formats too (a
    folder format included), not only for JSONL."""
    inside = list_backups(ws_path)[0].path.with_name(f"mine.{fmt}")
    args = ["--db", str(ws_path), "export", "--format", fmt, "--layer", "amal"]
    assert main([*args, "-o", str(inside)]) == 2
    assert "backups folder" in capsys.readouterr().err and not inside.exists()
    out = tmp_path / "out" / f"amal.{fmt}"
    out.parent.mkdir()  # -o names a file in a folder that exists
    old = os.umask(0o027)
    try:
        assert main([*args, "-o", str(out)]) == 0
    finally:
        os.umask(old)
    written = [out, manifest_path(out), *(out.rglob("*") if out.is_dir() else [])]
    for path in written:
        wanted = 0o750 if path.is_dir() else 0o640
        assert path.stat().st_mode & 0o777 == wanted, path
    manifest = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    assert manifest["sha256"] == manifest_module.file_sha256(out)
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("fmt", ["jsonl", "brat", "label-studio"])
def test_an_export_to_a_relative_path_succeeds_whole(ws_path, tmp_path, capsys, monkeypatch, fmt):
    """`-o out/amal.jsonl` from the folder a user works in: the export, its manifest (and a
    format's companion file) in place, exit 0, nothing left over. The staging folder's name
    was relative and the manifest's absolute, so the manifest was moved aside as a companion
    file and the command said it had failed after writing the export."""
    monkeypatch.chdir(tmp_path)
    Path("out").mkdir()
    out = Path("out") / f"amal.{fmt}"
    args = ["--db", str(ws_path), "export", "--format", fmt, "--layer", "amal", "-o", str(out)]
    assert main(args) == 0, capsys.readouterr().err
    manifest = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    if out.is_file():
        assert manifest["sha256"] == manifest_module.file_sha256(out)
    assert not [p for p in Path("out").iterdir() if p.name.startswith(".")]
