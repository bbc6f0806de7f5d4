"""brat standoff: a real brat file from brat's own example data, offsets in code points, and
hostile input refused in one sentence with nothing changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.schema import LabelSchema
from annotator.core.workspace import Workspace
from annotator.formats import brat
from annotator.formats.registry import read_paths

from .format_helpers import ROOT, export, run, table_snapshot

SAMPLE = ROOT / "tests" / "data" / "brat"
ASTRAL = "عنوان 😀\nقال 𝐀 الرئيس: «سنعود» اليوم 🇸🇦 غدا.\n"


def biomedical_schema() -> LabelSchema:
    return LabelSchema.from_dict(
        {
            "labels": {"Protein": {}, "Entity": {}},
            "relations": {"Subunit-Complex": {"head": ["Protein"], "child": ["Entity"]}},
        }
    )


def test_a_real_brat_file_is_read_with_offsets_checked_against_its_text(tmp_path):
    [record] = brat.read(SAMPLE / "PMID-8039243.ann")
    assert len(record.spans) == 18 and len(record.relations) == 3
    for span in record.spans:
        assert 0 <= span["start"] < span["end"] <= len(record.text)
    by_ref = {s["ref"]: s for s in record.spans}
    assert record.text[by_ref["T14"]["start"] : by_ref["T14"]["end"]] == "NF-kappa B"
    assert {(r["head"], r["child"]) for r in record.relations} == {
        ("T2", "T14"),
        ("T5", "T14"),
        ("T3", "T14"),
    }
    # With a schema that knows its labels it imports, relations linked to the right spans.
    with Workspace(tmp_path / "bio.db", schema=biomedical_schema()) as ws:
        report = ws.import_records(brat.read(SAMPLE / "PMID-8039243.ann"), layer="bio")
        assert (report.spans_added, report.relations_added) == (18, 3)
        doc = ws.documents()[0]
        spans = {s.id: s for s in ws.spans(doc.id, "bio")}
        texts = {
            (ws.document(doc.id).text[spans[r.head].start : spans[r.head].end], r.label)
            for r in ws.relations(doc.id, "bio")
        }
        assert texts == {
            ("c-Rel", "Subunit-Complex"),
            ("p50", "Subunit-Complex"),
            ("p65", "Subunit-Complex"),
        }


def test_a_real_brat_file_with_labels_outside_the_schema_is_refused(tmp_path, capsys, db_path):
    folder = tmp_path / "bio"
    shutil.copytree(SAMPLE, folder)
    code, _, err = run(capsys, "--db", db_path, "import", folder)
    assert code == 2
    assert err.count("\n") == 1 and "PMID-8039243.ann" in err and "Unknown label 'Entity'" in err
    with Workspace(db_path) as ws:
        assert ws.documents() == []


def test_offsets_count_code_points_outside_the_bmp(tmp_path, capsys, db_path):
    with Workspace(db_path) as ws:
        ws.import_records(read_paths([_write(tmp_path / "in" / "astral.txt", ASTRAL)]))
        doc = ws.documents()[0].id
        start = ASTRAL.index("𝐀")
        speaker = ws.add_span(
            doc, "amal", start, start + len("𝐀 الرئيس"), "SPEAKER", {"entity": "𝐀 الرئيس"}
        )
        q = ASTRAL.index("سنعود")
        quote = ws.add_span(doc, "amal", q, q + 5, "QUOTE", {"kind": "direct"})
        ws.add_relation(quote.id, speaker.id, "said_by")
    code, _, err = export(capsys, db_path, "brat", "amal", "-o", tmp_path / "out")
    assert code == 0, err
    ann = (tmp_path / "out" / "astral.ann").read_text(encoding="utf-8")
    assert f"T1\tSPEAKER {start} {start + 8}\t𝐀 الرئيس" in ann
    assert "#1\tAnnotatorNotes T1\tentity=𝐀 الرئيس" in ann and "A1\tkind T2 direct" in ann
    assert "R1\tsaid_by Arg1:T2 Arg2:T1" in ann
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    assert (
        "said_by\tArg1:QUOTE, Arg2:SPEAKER" in conf
        and "kind\tArg:QUOTE, Value:direct|indirect|mixed" in conf
    )
    fresh = tmp_path / "fresh.db"
    code, _, err = run(capsys, "--db", fresh, "import", "--layer", "amal", tmp_path / "out")
    assert code == 0, err
    with Workspace(fresh) as ws:
        doc = ws.documents()[0].id
        got = {(s.start, s.end, s.label) for s in ws.spans(doc, "amal")}
        assert got == {(start, start + 8, "SPEAKER"), (q, q + 5, "QUOTE")}


def test_a_span_across_a_line_break_travels_as_fragments_and_comes_back_whole(tmp_path):
    text = "عنوان\nقال إن\nالجنود عادوا\n"
    _write(tmp_path / "a.txt", text)
    start, end = text.index("إن"), text.index("عادوا") + 5
    _write(
        tmp_path / "a.ann", f"T1\tQUOTE {start} {start + 2};{start + 3} {end}\tإن الجنود عادوا\n"
    )
    [record] = brat.read(tmp_path / "a.ann")
    assert (record.spans[0]["start"], record.spans[0]["end"]) == (start, end)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


HOSTILE = [
    (
        "T1\tCLAIM 0 5\tعنوان\nT2\tCLAIM 6 999\tقال\n",
        "a.ann, line 2: T2 ends at 999, past the end of the text",
    ),
    (
        "T1\tCLAIM 0 5\tنص آخر\n",
        "a.ann, line 1: T1 gives the text 'نص آخر' but the .txt holds 'عنوان' there.",
    ),
    ("T1\tCLAIM 0 x\tعنوان\n", "a.ann, line 1: T1 has no usable offsets"),
    ("T1\tCLAIM 0 2;4 5\tعن ن\n", "a.ann, line 1: T1 is discontinuous (0 2;4 5)"),
    ("E1\tClaim:T1\n", "a.ann, line 1: E1 is a brat event"),
    (
        "T1\tCLAIM 0 5\tعنوان\nR1\tclaimed_by Arg1:T1 Arg2:T9\n",
        "a.ann, line 2: relation R1 names 'T9', not a T span.",
    ),
    (
        "T1\tCLAIM 0 5\tعنوان\nA1\tcheckworthy T1 maybe\n",
        "a.ann: span T1: CLAIM attribute 'checkworthy' does not allow 'maybe'",
    ),
    ("T1\tEVENT 0 5\tعنوان\n", "a.ann: span T1: Unknown label 'EVENT'"),
]


@pytest.mark.parametrize(("ann", "message"), HOSTILE)
def test_hostile_brat_input_is_refused_in_one_sentence_and_changes_nothing(
    ann, message, tmp_path, capsys, db_path
):
    folder = tmp_path / "corpus"
    _write(folder / "a.txt", "عنوان\nقال الرئيس\n")
    _write(folder / "a.ann", ann)
    with Workspace(db_path) as ws:
        ws.import_records(read_paths([_write(tmp_path / "other.txt", "نص سابق\n")]))
    before = table_snapshot(db_path)
    code, _, err = run(capsys, "--db", db_path, "import", "--format", "brat", folder)
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert table_snapshot(db_path) == before


def test_an_ann_without_its_text_is_refused(tmp_path, capsys, db_path):
    path = _write(tmp_path / "lonely.ann", "T1\tCLAIM 0 5\tعنوان\n")
    code, _, err = run(capsys, "--db", db_path, "import", path)
    assert code == 2 and "lonely.ann: has no text file beside it (expected lonely.txt)." in err


def test_a_missing_folder_is_refused(tmp_path, capsys, db_path):
    code, _, err = run(capsys, "--db", db_path, "import", "--format", "brat", tmp_path / "nowhere")
    assert code == 2 and "no such file or folder" in err


def test_reading_does_not_accept_input_errors_silently(tmp_path):
    _write(tmp_path / "b.txt", "عنوان\n")
    _write(tmp_path / "b.ann", "X1\tsomething\n")
    with pytest.raises(InputError, match="'X1' is not a brat annotation line"):
        list(brat.read(tmp_path / "b.ann"))


def test_a_folder_export_never_replaces_a_folder_that_is_not_an_earlier_export(
    tmp_path, capsys, db_path
):
    run(capsys, "--db", db_path, "import", _write(tmp_path / "in" / "a.txt", "عنوان\nنص\n"))
    mine = _write(tmp_path / "exports" / "notes.md", "my own file")
    code, _, err = export(capsys, db_path, "brat", "gold", "-o", mine.parent)
    assert code == 0, err
    assert mine.read_text(encoding="utf-8") == "my own file"
    assert (mine.parent / "gold.brat" / "a.ann").is_file()
    # an earlier export (its manifest beside it) is replaced as a whole
    (mine.parent / "gold.brat" / "stale.ann").write_text("", encoding="utf-8")
    code, _, err = export(capsys, db_path, "brat", "gold", "-o", mine.parent / "gold.brat")
    assert code == 0, err
    assert not (mine.parent / "gold.brat" / "stale.ann").exists()
