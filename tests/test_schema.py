"""The label schema lives in the workspace: shown, replaced, migrated, carried, merged, and
refused in one sentence when a stored one is hostile. Driven through the command line."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.changes import ChangeKind
from annotator.core.errors import ValidationError
from annotator.core.paths import seeds_dir
from annotator.core.schema import LabelSchema, SchemaError
from annotator.core.schema_change import SchemaMigration
from annotator.core.workspace import Workspace

SEEDS = sorted(seeds_dir().glob("*.txt"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fresh(capsys, path: Path) -> Path:
    assert run(capsys, "--db", path, "import", *SEEDS)[0] == 0
    return path


def with_event(capsys, db: Path, tmp_path: Path) -> Path:
    """``db``'s schema plus EVENT (key E, a type attribute), written by ``schema set``."""
    code, out, _ = run(capsys, "--db", db, "schema", "show", "--json")
    assert code == 0
    data = json.loads(out)
    data["labels"]["EVENT"] = {
        "color": "#e06666",
        "shortcuts": ["E"],
        "attributes": {"type": {"values": ["protest", "election"]}},
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def events(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def test_a_new_workspace_starts_from_the_bundled_default(capsys, tmp_path):
    db = fresh(capsys, tmp_path / "w.db")
    code, out, _ = run(capsys, "--db", db, "schema", "show", "--json")
    assert code == 0
    assert LabelSchema.from_dict(json.loads(out)) == LabelSchema.load()
    code, out, _ = run(capsys, "--db", db, "schema", "show")
    assert code == 0 and "QUOTE" in out and "#e69f00" in out.lower() and "said_by" in out


def test_adding_event_works_end_to_end_and_merging_follows_the_rule(capsys, tmp_path):
    db = fresh(capsys, tmp_path / "team.db")
    code, out, _ = run(capsys, "--db", db, "schema", "set", with_event(capsys, db, tmp_path))
    assert code == 0 and "EVENT" in out
    with Workspace(db, "amal") as ws:
        doc = ws.documents()[0].id
        text = ws.text(doc)
        start = text.index(" ") + 1
        end = text.index(" ", start)
        ws.add_span(doc, "amal", start, end, "EVENT", {"type": "protest"})
        with pytest.raises(ValidationError):
            ws.add_span(doc, "amal", start, end, "EVENT", {"type": "wedding"})
    assert run(capsys, "--db", db, "check")[0] == 0

    out_file = tmp_path / "amal.jsonl"
    code, _, _ = run(capsys, "--db", db, "export", "--layer", "amal", "-o", out_file)
    assert code == 0
    lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [s["label"] for line in lines for s in line["spans"]] == ["EVENT"]
    manifest = json.loads(Path(f"{out_file}.manifest.json").read_text(encoding="utf-8"))
    assert "EVENT" in manifest["label_schema"]["labels"]

    stock = fresh(capsys, tmp_path / "stock.db")
    before = events(stock)
    code, _, err = run(capsys, "--db", stock, "merge", db)
    assert code == 2 and err.count("\n") == 1
    assert str(db) in err and "the label EVENT" in err and "--schema union" in err
    assert events(stock) == before

    code, _, _ = run(capsys, "--db", stock, "merge", db, "--schema", "union")
    assert code == 0
    with Workspace(stock) as ws:
        assert "EVENT" in ws.schema.labels
        assert [s.label for s in ws.spans(doc, "amal")] == ["EVENT"]
    assert run(capsys, "--db", stock, "check")[0] == 0
    # The other way round is compatible (the stock schema is a subset of the team's).
    assert run(capsys, "--db", db, "merge", stock)[0] == 0


def test_a_change_that_would_break_spans_is_refused_with_count_and_examples(capsys, tmp_path):
    db = fresh(capsys, tmp_path / "w.db")
    with Workspace(db, "amal") as ws:
        doc = ws.documents()[0].id
        ws.add_span(doc, "amal", 0, 3, "CLAIM", {"checkworthy": "yes"})
        ws.add_span(doc, "omar", 0, 3, "CLAIM", {"checkworthy": "no"})
        expected_text = ws.text(doc)[0:3]
    data = LabelSchema.load().to_dict()
    del data["labels"]["CLAIM"], data["relations"]["claimed_by"]
    no_claim = tmp_path / "no-claim.json"
    no_claim.write_text(json.dumps(data), encoding="utf-8")
    before = events(db)
    code, _, err = run(capsys, "--db", db, "schema", "set", no_claim)
    assert code == 2 and err.count("\n") == 1
    assert "2 spans" in err and doc in err and expected_text in err and "CLAIM" in err
    assert events(db) == before

    # Mapped onto QUOTE, with the values mapped too: one transaction, one event, one Change.
    changes = []
    with Workspace(db, "amal") as ws:
        ws.subscribe(changes.append)
        migration = SchemaMigration.parse(
            ["CLAIM=QUOTE", "CLAIM.checkworthy:yes=direct", "CLAIM.checkworthy:no=indirect"]
        )
        with pytest.raises(ValidationError, match="QUOTE has no attribute 'checkworthy'"):
            ws.set_schema(LabelSchema.from_dict(data), migration)
    data["labels"]["QUOTE"]["attributes"]["checkworthy"] = {"values": ["direct", "indirect"]}
    no_claim.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "schema",
        "set",
        no_claim,
        "--migrate",
        "CLAIM=QUOTE",
        "CLAIM.checkworthy:yes=direct",
        "CLAIM.checkworthy:no=indirect",
    )
    assert code == 0 and "2 spans relabelled" in out
    assert events(db) == before + 1
    with Workspace(db) as ws:
        got = sorted((s.layer, s.label, s.attrs["checkworthy"]) for s in ws.spans(doc, "amal"))
        got += sorted((s.layer, s.label, s.attrs["checkworthy"]) for s in ws.spans(doc, "omar"))
        assert got == [("amal", "QUOTE", "direct"), ("omar", "QUOTE", "indirect")]
        assert ws.events(1)[0]["action"] == "set_schema"
    assert run(capsys, "--db", db, "check")[0] == 0


def test_one_change_of_kind_schema_is_told(tmp_path):
    with Workspace(tmp_path / "w.db") as ws:
        changes = []
        ws.subscribe(changes.append)
        data = ws.schema.to_dict()
        data["labels"]["EVENT"] = {"color": "#123456"}
        ws.set_schema(LabelSchema.from_dict(data))
        assert [(c.kind, c.whole_workspace) for c in changes] == [(ChangeKind.SCHEMA, True)]
        assert "EVENT" in ws.schema.labels


def test_a_migration_map_file(capsys, tmp_path):
    db = fresh(capsys, tmp_path / "w.db")
    with Workspace(db, "amal") as ws:
        doc = ws.documents()[0].id
        ws.add_span(doc, "amal", 0, 3, "CLAIM")
    data = LabelSchema.load().to_dict()
    data["labels"]["ASSERTION"] = data["labels"].pop("CLAIM")
    data["relations"]["claimed_by"]["head"] = ["ASSERTION"]
    new = tmp_path / "new.json"
    new.write_text(json.dumps(data), encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"labels": {"CLAIM": "ASSERTION"}}), encoding="utf-8")
    assert run(capsys, "--db", db, "schema", "set", new, "--migrate", mapping)[0] == 0
    with Workspace(db) as ws:
        assert [s.label for s in ws.spans(doc, "amal")] == ["ASSERTION"]
    mapping.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "schema", "set", new, "--migrate", mapping)
    assert code == 2 and str(mapping) in err


BASE = {"labels": {"A": {"color": "#112233", "shortcuts": ["A"]}}}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"labels": {"A": {}}, "extra": 1}', "unknown key 'extra'"),
        ('{"labels": {"A": {}, "A": {}}}', "the key 'A' appears twice"),
        ('{"labels": {"A": {"color": "red"}}}', "must be #rrggbb"),
        ('{"labels": {"A": {"shortcuts": ["E"]}, "B": {"shortcuts": ["e"]}}}', "both A and B"),
        ('{"labels": {"A": {"attributes": {"x": {"pattern": "("}}}}}', "not a valid regular"),
        (json.dumps({"labels": {"A": {"attributes": {"x": {"pattern": "a" * 500}}}}}), "1-200"),
        ('{"labels": {"A": {"frobnicate": true}}}', "unknown key 'frobnicate'"),
        ('{"labels": {"<b>x</b>": {}}}', "not a usable name"),
        ('{"labels": {"A": {}}, "relations": {"r": {"head": ["A"], "child": ["Z"]}}}', "Z"),
        ('{"labels": {}}', "1-200 labels"),
        ("[1, 2]", "must be an object"),
    ],
)
def test_a_hostile_stored_schema_is_refused_in_one_sentence(capsys, tmp_path, body, reason):
    db = fresh(capsys, tmp_path / "w.db")
    with sqlite3.connect(db) as conn:  # a workspace from elsewhere, edited by hand
        conn.execute("UPDATE label_schema SET body = ?", [body])
    conn.close()
    code, _, err = run(capsys, "--db", db, "schema", "show")
    assert code == 2 and err.count("\n") == 1
    assert str(db) in err and reason in err
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 1 and reason in out
    with Workspace(db) as ws, pytest.raises(SchemaError):
        ws.add_span(ws.documents()[0].id, "amal", 0, 3, "QUOTE")
    # The file given to `schema set` is checked the same way, naming that file.
    bad = tmp_path / "bad.json"
    bad.write_text(body, encoding="utf-8")
    code, _, err = run(capsys, "--db", tmp_path / "other.db", "schema", "set", bad)
    assert code == 2 and f"{bad}:" in err and reason in err
    # A good schema repairs the workspace.
    good = tmp_path / "good.json"
    good.write_text(LabelSchema.load().to_json(), encoding="utf-8")
    assert run(capsys, "--db", db, "schema", "set", good)[0] == 0
    assert run(capsys, "--db", db, "check")[0] == 0


def test_a_catastrophic_pattern_fails_fast_instead_of_hanging():
    schema = LabelSchema.from_dict({"labels": {"A": {"attributes": {"x": {"pattern": "(a+)+$"}}}}})
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="does not match"):
        schema.check_span("A", {"x": "a" * 40 + "!"})
    assert time.perf_counter() - started < 5
    schema.check_span("A", {"x": "aaa"})


def test_merging_a_workspace_with_a_hostile_schema_is_refused(capsys, tmp_path):
    theirs = fresh(capsys, tmp_path / "theirs.db")
    with sqlite3.connect(theirs) as conn:
        conn.execute("UPDATE label_schema SET body = '{\"labels\": 5}'")
    conn.close()
    ours = fresh(capsys, tmp_path / "ours.db")
    code, _, err = run(capsys, "--db", ours, "merge", theirs)
    assert code == 2 and str(theirs) in err and "'labels' must be an object" in err


def test_a_package_carries_the_schema(capsys, tmp_path):
    db = fresh(capsys, tmp_path / "team.db")
    assert run(capsys, "--db", db, "schema", "set", with_event(capsys, db, tmp_path))[0] == 0
    assert run(capsys, "--db", db, "assign", "--annotators", "amal,omar")[0] == 0
    package = tmp_path / "amal.db"
    assert run(capsys, "--db", db, "package", "--annotator", "amal", "-o", package)[0] == 0
    with Workspace(package) as ws:
        assert "EVENT" in ws.schema.labels


def test_pre_annotation_suggests_only_labels_the_schema_has(capsys, tmp_path):
    db = fresh(capsys, tmp_path / "w.db")
    data = LabelSchema.load().to_dict()
    for label in ("QUOTE", "CLAIM"):
        del data["labels"][label]
    data["relations"] = {}
    data["rules"] = {"requires_attribute": {"DATE": "value"}}
    path = tmp_path / "small.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "--db", db, "schema", "set", path)[0] == 0
    assert run(capsys, "--db", db, "suggest")[0] == 0
    with Workspace(db) as ws:
        labels = {s.label for d in ws.documents() for s in ws.spans(d.id, "suggestions")}
    assert labels and labels <= {"SPEAKER", "DATE"}
