"""The review commands end to end: agreement, adjudicate, conflicts, diff, merge, assign,
package, and what a gold export carries."""

from __future__ import annotations

import json

from annotator.core.model import GOLD_LAYER
from annotator.core.workspace import Workspace
from annotator.review.resolve import mark_adjudicated

from .review_helpers import build
from .test_cli import run

TEXT = "the minister said that the meeting will be held on the fourteenth of january"


def three_layers(path):
    spans = [
        {"start": 4, "end": 12, "label": "SPEAKER"},
        {"start": 18, "end": 40, "label": "QUOTE"},
    ]
    other = [
        {"start": 4, "end": 12, "label": "SPEAKER"},
        {"start": 18, "end": 45, "label": "QUOTE"},
    ]
    ws = build(path, [(TEXT, {"amal": spans, "omar": spans, "rana": other}), ("x" * 30, {})])
    ws.close()


def test_agreement_json_shape_and_table(capsys, db_path):
    three_layers(db_path)
    code, out, _ = run(capsys, "--db", db_path, "agreement", "--json")
    report = json.loads(out)
    assert code == 0 and report["layers"] == ["amal", "omar", "rana"] and report["documents"] == 1
    assert set(report["labels"]["QUOTE"]) >= {"f1_exact", "f1_overlap", "kappa", "alpha", "alpha_u"}
    assert report["labels"]["QUOTE"]["kappa"] is None  # three layers
    assert report["labels"]["SPEAKER"]["f1_exact"] == 1.0
    assert report["overall"]["f1_overlap"] == 1.0
    assert report["per_document"][0]["id"] == "d0"
    code, out, _ = run(capsys, "--db", db_path, "agreement", "--layers", "amal,rana", "--json")
    assert json.loads(out)["labels"]["SPEAKER"]["kappa"] == 1.0
    code, out, _ = run(capsys, "--db", db_path, "agreement")
    assert code == 0 and "QUOTE" in out and "alpha-U" in out and "Lowest" in out


def test_unknown_layer_is_one_sentence(capsys, db_path):
    three_layers(db_path)
    code, out, err = run(capsys, "--db", db_path, "agreement", "--layers", "amal,nobody")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "nobody" in err and str(db_path) in err


def test_adjudicate_conflicts_diff_and_gold_export(capsys, db_path, tmp_path):
    three_layers(db_path)
    code, out, _ = run(capsys, "--db", db_path, "--annotator", "rev", "adjudicate", "--auto")
    assert code == 0 and "1 span and" in out
    code, out, _ = run(
        capsys, "--db", db_path, "adjudicate", "--auto", "--strategy", "majority", "--json"
    )
    assert json.loads(out)["spans_added"] == 1
    code, out, _ = run(capsys, "--db", db_path, "adjudicate", "--auto", "--strategy", "majority")
    assert "0 spans and 0 relations" in out
    code, out, _ = run(capsys, "--db", db_path, "conflicts", "--json")
    (conflict,) = json.loads(out)
    assert conflict["kind"] == "boundary_differs" and conflict["resolution"] == "gold"
    code, out, _ = run(capsys, "--db", db_path, "conflicts", "--open")
    assert "0 conflicts" in out
    code, out, _ = run(capsys, "--db", db_path, "diff", "--layer", "rana", "--json")
    assert json.loads(out)[0]["changed"][0]["what"] == ["boundaries"]

    ws = Workspace(db_path, who="rev")
    mark_adjudicated(ws, "d0")
    ws.close()
    target = tmp_path / "gold.jsonl"
    code, out, _ = run(capsys, "--db", db_path, "export", "-o", target)
    first = json.loads(target.read_text(encoding="utf-8").splitlines()[0])
    assert first["annotators"] == ["amal", "omar", "rana"] and first["adjudicator"] == "rev"
    assert first["status"] == "adjudicated" and len(first["spans"]) == 2
    manifest = json.loads((tmp_path / "gold.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["agreement"]["labels"]["SPEAKER"]["f1_exact"] == 1.0
    assert "per_document" not in manifest["agreement"]
    code, _, _ = run(capsys, "--db", db_path, "import", target)  # a gold export reads back
    assert code == 0 and len(Workspace(db_path).spans("d0", GOLD_LAYER)) == 2


def test_assign_package_merge_through_the_cli(capsys, db_path, tmp_path):
    three_layers(db_path)
    code, out, _ = run(
        capsys, "--db", db_path, "assign", "--annotators", "amal,omar", "--overlap", "0.5"
    )
    assert code == 0 and "2 documents assigned, 1 to two annotators" in out
    package = tmp_path / "amal.db"
    code, out, _ = run(capsys, "--db", db_path, "package", "--annotator", "amal", "-o", package)
    assert code == 0 and package.exists()
    ws = Workspace(package, who="amal")
    doc = ws.documents()[0]
    ws.add_span(doc.id, "amal", 0, 3, "CLAIM")
    ws.close()
    code, out, _ = run(capsys, "--db", db_path, "merge", package)
    assert code == 0 and "1 spans_added" in out
    code, out, _ = run(capsys, "--db", db_path, "merge", package, "--json")
    assert json.loads(out)[0]["counts"] == {}


def test_merge_of_a_bad_file_is_one_sentence(capsys, db_path, tmp_path):
    three_layers(db_path)
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = db_path.read_bytes()
    code, _, err = run(capsys, "--db", db_path, "merge", bad)
    assert code == 2 and err.count("\n") == 1 and str(bad) in err
    assert db_path.read_bytes() == before
