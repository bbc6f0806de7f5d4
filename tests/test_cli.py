import json

import pytest

from annotator.cli import main
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

from .conftest import SEEDS


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_export_stats_check(capsys, tmp_path, db_path):
    code, out, _ = run(capsys, "--db", db_path, "import", SEEDS[0].parent)
    assert code == 0 and "5 documents added" in out
    ws = Workspace(db_path, who="amal")
    doc = ws.documents()[0]
    ws.add_span(doc.id, "amal", 0, 5, "CLAIM", {"checkworthy": "yes"})
    ws.set_status(doc.id, "amal", "done")
    ws.close()
    out_file = tmp_path / "out" / "amal.jsonl"
    out_file.parent.mkdir()
    code, out, _ = run(
        capsys, "--db", db_path, "export", "-o", out_file, "--layer", "amal", "--status", "done"
    )
    assert code == 0
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["spans"][0]["label"] == "CLAIM"
    manifest = json.loads((tmp_path / "out" / "amal.jsonl.manifest.json").read_text())
    assert manifest["spans_per_label"] == {"CLAIM": 1}

    code, out, _ = run(capsys, "--db", db_path, "stats", "--json")
    stats = json.loads(out)
    assert stats["documents"] == 5 and stats["spans"]["amal"] == {"CLAIM": 1}
    assert stats["status"]["amal"] == {"done": 1, "new": 4}

    code, out, _ = run(capsys, "--db", db_path, "check")
    assert code == 0 and "no problems" in out


def test_stats_table_shapes_arabic_only_when_asked(capsys, db_path):
    run(capsys, "--db", db_path, "import", SEEDS[0])
    title = SEEDS[0].read_text(encoding="utf-8").split("\n")[0]
    first_word = title.split()[0]
    _, piped, _ = run(capsys, "--db", db_path, "stats")
    assert first_word in piped  # logical order when piped
    _, visual, _ = run(capsys, "--db", db_path, "stats", "--bidi", "always")
    assert first_word not in visual
    assert "\ufe8e" in visual or any("\ufe70" <= ch <= "\ufeff" for ch in visual)


def test_default_workspace_is_seeded_once(capsys, monkeypatch):
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["documents"] == 5
    published = {d["id"][:3]: d["published"] for d in json.loads(out)["per_document"]}
    assert published == {
        "000": "2022-01-13",
        "001": "2022-01-11",
        "002": "2022-01-13",
        "003": "2022-01-06",
        "004": "2022-01-13",
    }
    code, out, _ = run(capsys, "import", SEEDS[0])
    assert "0 documents added (1 already there)" in out


def test_env_variable_names_the_workspace(capsys, monkeypatch, tmp_path):
    target = tmp_path / "env.db"
    monkeypatch.setenv("ANNOTATOR_DB", str(target))
    run(capsys, "import", SEEDS[1])
    assert target.exists()
    _, out, _ = run(capsys, "stats", "--json")
    assert json.loads(out)["documents"] == 1


@pytest.mark.parametrize("make_bad", ["missing", "broken", "not_ours"])
def test_errors_are_one_sentence_on_stderr(capsys, tmp_path, db_path, make_bad):
    run(capsys, "--db", db_path, "import", SEEDS[0])
    db = db_path
    target = tmp_path / "missing.txt"
    if make_bad == "broken":
        target = tmp_path / "broken.jsonl"
        target.write_text('{"text": "ok"}\n{oops\n', encoding="utf-8")
    elif make_bad == "not_ours":
        db = tmp_path / "not_ours.db"
        db.write_text("plain text, not a database", encoding="utf-8")
        target = SEEDS[1]
    code, _, err = run(capsys, "--db", db, "import", target)
    assert code == 2
    assert err.startswith("annotator: ") and err.count("\n") == 1
    assert str(target if make_bad != "not_ours" else db) in err
    if make_bad == "broken":
        assert "line 2" in err
    ws = Workspace(db_path)
    assert len(ws.documents()) == 1
    ws.close()


def test_python_dash_m_works():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "annotator", "--help"], capture_output=True, text=True, check=True
    )
    assert "import" in result.stdout and "export" in result.stdout


def test_locked_workspace_is_reported_and_unchanged(capsys, db_path, monkeypatch):
    import sqlite3

    import annotator.core.store as store

    run(capsys, "--db", db_path, "import", SEEDS[0])
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "--db", db_path, "import", SEEDS[1])
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert code == 2 and "another program kept it locked" in err and str(db_path) in err
    _, out, _ = run(capsys, "--db", db_path, "stats", "--json")
    assert json.loads(out)["documents"] == 1


def test_progress_bar_on_a_terminal(capsys, db_path, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--db", str(db_path), "import", str(SEEDS[0].parent)]) == 0
    assert "Importing" in terminal.getvalue() and "5/5" in terminal.getvalue()


def test_stats_table_keeps_every_layer_readable_when_piped(capsys, db_path):
    run(capsys, "--db", db_path, "import", SEEDS[0])
    ws = Workspace(db_path, who="amal")
    doc = ws.documents()[0].id
    for layer in ("amal", "omar", "gold", "suggestions", "rania"):
        ws.add_span(doc, layer, 0, 5, "CLAIM")
    ws.close()
    _, out, _ = run(capsys, "--db", db_path, "stats")
    documents = out[out.index("Documents") :]
    header = next(line for line in documents.splitlines() if "suggestions" in line)
    assert all(name in header for name in ("amal", "omar", "gold", "rania"))
    assert "1 in_progress" in out


def test_stats_of_a_large_workspace_is_a_summary_and_lists_documents_when_asked(
    capsys, db_path, monkeypatch
):
    from annotator.cli import data

    monkeypatch.setattr(data, "DOCUMENTS_LISTED", 2)
    ws = Workspace(db_path, who="amal")
    ws.import_records(DocumentRecord(text=f"نص رقم {n}", path="t", id=f"d{n}") for n in range(3))
    ws.add_span("d1", "amal", 0, 2, "CLAIM")
    ws.close()
    _, out, _ = run(capsys, "--db", db_path, "stats")
    assert "Spans per label" in out and "`annotator stats --documents` (3 rows)" in out
    assert "d2" not in out
    _, listed, _ = run(capsys, "--db", db_path, "stats", "--documents")
    assert all(f"d{n}" in listed for n in range(3))
    assert listed.index("Spans per label") < listed.index("Documents")  # the summary first
