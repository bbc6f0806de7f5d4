"""Guarantee 6, paths: import and export write only where the user pointed them; names that come
from input files (document ids, titles, sources, layer names) never become paths."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.cli import main

from .conftest import SEEDS

HOSTILE_IDS = ["..", ".", "~root", "C:evil", "$HOME", "%2e%2e%2fetc", "-rf", "CON", "x" * 200]
HOSTILE_NAMES = ["../../etc/x", "/etc/passwd", "..\\..\\windows\\x", "~/.bashrc", "C:\\x"]


def tree(root: Path) -> set[str]:
    """Every path under ``root`` except the workspace's own backups (taken on opening)."""
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if not p.relative_to(root).parts[0].endswith(".backups")
    }


def hostile_jsonl(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for n, doc_id in enumerate(HOSTILE_IDS):
            name = HOSTILE_NAMES[n % len(HOSTILE_NAMES)]
            obj = {
                "id": doc_id,
                "text": f"نص {n} {name}",
                "meta": {"title": name, "source": name, name: name},
                "layer": "a..b",
                "spans": [{"start": 0, "end": 2, "label": "SPEAKER", "attrs": {"entity": name}}],
            }
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder as the current directory: the default exports folder goes inside it."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return tmp_path


def test_names_from_input_never_become_paths(capsys, world):
    source = world / "in.jsonl"
    hostile_jsonl(source)
    db = world / "ws.db"
    assert main(["--db", str(db), "import", str(source)]) == 0
    out = world / "out" / "export.jsonl"
    out.parent.mkdir()
    assert main(["--db", str(db), "export", "-o", str(out), "--layer", "a..b"]) == 0
    assert main(["--db", str(db), "export", "--layer", "a..b"]) == 0  # the default file
    assert main(["--db", str(db), "stats"]) == 0
    capsys.readouterr()
    assert tree(world) == {
        "cwd",
        "in.jsonl",
        "ws.db",
        "out",
        "out/export.jsonl",
        "out/export.jsonl.manifest.json",
        "cwd/exports",
        "cwd/exports/a..b.jsonl",
        "cwd/exports/a..b.jsonl.manifest.json",
    }
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in exported] == HOSTILE_IDS  # kept as data, used as data only


@pytest.mark.parametrize("layer", ["../../escape", "/tmp/escape", "..", "a/b", "a\\b"])
def test_a_layer_name_cannot_steer_the_default_export_path(capsys, world, layer):
    db = world / "ws.db"
    assert main(["--db", str(db), "import", str(SEEDS[0])]) == 0
    capsys.readouterr()
    before = tree(world)
    code = main(["--db", str(db), "export", "--layer", layer])
    _, err = capsys.readouterr()
    assert code == 2 and "is not allowed" in err and err.count("\n") == 1
    assert tree(world) == before
    assert not Path("/tmp/escape.jsonl").exists()


def test_export_replaces_a_symlink_instead_of_writing_through_it(capsys, world):
    """Writing through a link would change a file outside the chosen path."""
    outside = world / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    link = world / "out.jsonl"
    link.symlink_to(outside)
    db = world / "ws.db"
    source = world / "in.jsonl"
    hostile_jsonl(source)
    assert main(["--db", str(db), "import", str(source)]) == 0
    assert main(["--db", str(db), "export", "-o", str(link), "--layer", "a..b"]) == 0
    capsys.readouterr()
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not link.is_symlink() and len(link.read_text(encoding="utf-8").splitlines()) == 9


def test_import_writes_nothing_but_the_workspace(capsys, world):
    folder = world / "articles"
    (folder / "sub").mkdir(parents=True)
    for name in ("..txt", "-rf.txt", "~.txt", "sub/$HOME.txt"):
        (folder / name).write_text(f"عنوان {name}\nنص", encoding="utf-8")
    before = tree(world)
    db = world / "ws.db"
    assert main(["--db", str(db), "import", str(folder)]) == 0
    capsys.readouterr()
    assert tree(world) - before == {"ws.db"}
    assert os.listdir(world / "cwd") == []


@pytest.mark.parametrize("where", ["under-a-file", "is-the-workspace"])
def test_an_unwritable_export_path_is_one_sentence(capsys, world, where):
    db = world / "ws.db"
    assert main(["--db", str(db), "import", str(SEEDS[0])]) == 0
    blocker = world / "a-file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "x.jsonl" if where == "under-a-file" else db / "x.jsonl"
    capsys.readouterr()
    before = tree(world)
    code = main(["--db", str(db), "export", "-o", str(target)])
    _, err = capsys.readouterr()
    assert code == 2
    assert err == f"annotator: {target}: cannot be written: {target.parent} is not a folder.\n"
    assert tree(world) == before
