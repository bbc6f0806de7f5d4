"""Traps a new user met on the command line, each with the rule that replaces it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from annotator.cli import main
from annotator.core.records import DocumentRecord
from annotator.core.store import APPLICATION_ID, MIGRATIONS, _v_imported_layer_kind
from annotator.core.workspace import Workspace
from annotator.review.agreement import compute_agreement
from tests.conftest import SEEDS


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(capsys, db_path):
    assert run(capsys, "--db", db_path, "import", SEEDS[0])[0] == 0
    return db_path


def test_export_without_o_goes_to_exports_of_the_current_directory(
    capsys, filled, tmp_path, monkeypatch
):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, _, _ = run(capsys, "--db", filled, "export")
    assert code == 0
    assert (here / "exports" / "gold.jsonl").is_file()
    assert (here / "exports" / "gold.jsonl.manifest.json").is_file()


def test_export_into_a_missing_folder_fails_and_creates_nothing(capsys, filled, tmp_path):
    target = tmp_path / "no" / "such" / "out.jsonl"
    code, _, err = run(capsys, "--db", filled, "export", "-o", target)
    assert code == 2 and "does not exist" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "no").exists()


def test_export_of_a_layer_that_does_not_exist_is_an_error(capsys, filled, tmp_path):
    code, _, err = run(
        capsys, "--db", filled, "export", "-o", tmp_path / "x.jsonl", "--layer", "amla"
    )
    assert code == 2 and "no layer 'amla'" in err
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize("command", [["stats"], ["export"], ["check"], ["agreement"]])
def test_a_command_on_a_missing_workspace_says_so(capsys, tmp_path, command):
    missing = tmp_path / "typo.db"
    code, _, err = run(capsys, "--db", missing, *command)
    assert code == 2 and "no such workspace" in err
    assert not missing.exists()


def test_import_creates_a_new_workspace(capsys, tmp_path):
    fresh = tmp_path / "new.db"
    assert run(capsys, "--db", fresh, "import", SEEDS[0])[0] == 0 and fresh.exists()


def test_an_empty_txt_is_refused(capsys, db_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db_path, "import", SEEDS[0], empty)
    assert code == 2 and f"{empty}: is empty" in err
    with Workspace(db_path, read_only=True) as ws:
        assert ws.documents() == []  # all or nothing


def test_published_is_given_or_read_from_the_dateline(capsys, db_path, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("عنوان\nقال الوزير أمس إن الاجتماع كان مثمرا.\n", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("عنوان آخر\nالقاهرة - 13 يناير 2022 - قال الوزير أمس.\n", encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", plain, "--published", "2023-05-01")[0] == 0
    assert run(capsys, "--db", db_path, "import", dated)[0] == 0
    with Workspace(db_path, read_only=True) as ws:
        published = {d.title: d.published for d in ws.documents()}
    assert published == {"عنوان": "2023-05-01", "عنوان آخر": "2022-01-13"}
    code, _, err = run(capsys, "--db", db_path, "import", plain, "--published", "May 1")
    assert code == 2 and len(err.splitlines()) == 1


def test_the_imported_layer_is_not_an_annotator(capsys, db_path, tmp_path):
    text = "نص المقال هنا للتجربة"
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text=text, path="a.txt", id="a")])
        doc = ws.documents()[0].id
        for layer in ("amal", "omar"):
            ws.add_span(doc, layer, 0, 2, "QUOTE", {"kind": "direct"})
    line = {"text": text, "spans": [{"start": 4, "end": 10, "label": "CLAIM"}]}
    other = tmp_path / "other-tool.jsonl"
    other.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", other)[0] == 0
    with Workspace(db_path, read_only=True) as ws:
        assert "imported" in ws.layers()
        assert ws.annotator_layers() == ["amal", "omar"]
        assert compute_agreement(ws).layers == ["amal", "omar"]


def test_an_old_workspace_gets_its_imported_layer_reclassified(db_path):
    # A file as the version before _v_imported_layer_kind wrote it (later migrations follow).
    before = MIGRATIONS.index(_v_imported_layer_kind)
    conn = sqlite3.connect(db_path)
    for migration in MIGRATIONS[:before]:
        migration(sqlite_utils.Database(conn))
    conn.execute("INSERT INTO layers VALUES ('imported', 'annotator', '2020-01-01')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {before}")
    conn.commit()
    conn.close()
    with Workspace(db_path) as ws:
        assert "imported" in ws.layers() and ws.annotator_layers() == []


def test_readme_states_the_export_rule_and_the_suite_duration():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "./exports/<layer>.jsonl" in readme
    assert "--published" in readme
    assert "The whole suite takes about" in readme


def test_global_options_work_after_the_command(capsys, tmp_path, monkeypatch):
    """`annotator import --db ws.db FILE` (the order of most tools) imports into ws.db, not
    into the default workspace; `--annotator` after `suggest`/`stats` too; `package
    --annotator` keeps its own meaning (whose documents go into the package)."""
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "default.db"))
    db = tmp_path / "mine.db"
    code, _, err = run(capsys, "import", "--db", db, SEEDS[0])
    assert code == 0, err
    with Workspace(db, read_only=True) as ws:
        assert len(ws.documents()) == 1
    assert not (tmp_path / "default.db").exists()
    code, out, err = run(capsys, "stats", "--json", "--db", db, "--annotator", "amal")
    assert code == 0 and json.loads(out)["documents"] == 1, err
    code, _, err = run(capsys, "package", "--db", db, "--annotator", "amal", "-o", tmp_path / "p")
    assert code == 2 and "no documents are assigned to 'amal'" in err


def test_a_gold_export_of_every_document_says_how_many_are_not_adjudicated(
    capsys, filled, tmp_path
):
    """The contract exports every document; one line on stderr says that the ones nobody
    adjudicated have empty gold, and how to leave them out. It is silent when all are, or
    when a status was chosen."""
    code, _, err = run(capsys, "--db", filled, "export", "-o", tmp_path / "all.jsonl")
    assert code == 0
    assert err.count("\n") == 1 and "1 of the 1 exported documents are not adjudicated" in err
    assert "--status adjudicated" in err
    args = ["export", "--status", "adjudicated", "-o", tmp_path / "some.jsonl"]
    code, _, err = run(capsys, "--db", filled, *args)
    assert code == 0 and err == ""
    with Workspace(filled) as ws:
        doc = ws.documents()[0].id
        ws.add_span(doc, "gold", 0, 3, "CLAIM")
        ws.set_status(doc, "gold", "adjudicated")
    code, _, err = run(capsys, "--db", filled, "export", "-o", tmp_path / "all.jsonl")
    assert code == 0 and err == ""
