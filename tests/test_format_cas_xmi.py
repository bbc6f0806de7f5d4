"""UIMA CAS XMI: cassis loads our export with our type system, offsets count UTF-16 units in the
file, INCEpTION's own XMI is read, and hostile input is refused in one sentence."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

cassis = pytest.importorskip("cassis")

from annotator.core.schema import LabelSchema  # noqa: E402
from annotator.core.workspace import Workspace  # noqa: E402
from annotator.formats import cas_xmi  # noqa: E402
from annotator.formats.registry import read_paths  # noqa: E402

from .format_helpers import ROOT, export, run, table_snapshot  # noqa: E402

INCEPTION = ROOT / "tests" / "data" / "inception"
TEXT = "عنوان 😀\nقال 𝐀 الرئيس 🇸🇦: «سنعود» في 14 يناير.\n"
XMI = "{http://www.omg.org/XMI}id"


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.fixture
def exported(tmp_path, capsys, db_path):
    txt = tmp_path / "in" / "astral.txt"
    txt.parent.mkdir()
    txt.write_text(TEXT, encoding="utf-8")
    with Workspace(db_path) as ws:
        ws.import_records(read_paths([txt]))
        doc = ws.documents()[0].id
        s = TEXT.index("𝐀")
        speaker = ws.add_span(doc, "amal", s, s + 8, "SPEAKER", {"entity": "𝐀 الرئيس"})
        q = TEXT.index("سنعود")
        quote = ws.add_span(doc, "amal", q, q + 5, "QUOTE", {"kind": "direct"})
        ws.add_relation(quote.id, speaker.id, "said_by")
        d = TEXT.index("14 يناير")
        ws.add_span(doc, "amal", d, d + 8, "DATE", {"type": "DATE", "value": "2022-01-14"})
    out = tmp_path / "xmi"
    code, _, err = export(capsys, db_path, "cas-xmi", "amal", "-o", out)
    assert code == 0, err
    return out


def test_cassis_loads_our_export_with_our_type_system(exported):
    with (exported / "TypeSystem.xml").open("rb") as fh, pytest.warns(UserWarning, match="type_"):
        ts = cassis.load_typesystem(fh)  # DATE's feature "type" is renamed for Python only
    with (exported / "astral.xmi").open("rb") as fh:
        cas = cassis.load_cas_from_xmi(fh, typesystem=ts)
    assert cas.sofa_string == TEXT
    [speaker] = cas.select("webanno.custom.Speaker")
    assert speaker.get_covered_text() == "𝐀 الرئيس" and speaker.get("entity") == "𝐀 الرئيس"
    [date] = cas.select("webanno.custom.Date")
    assert (
        date.get_covered_text() == "14 يناير"
        and date.get("type_") == "DATE"
        and date.get("value") == "2022-01-14"
    )
    [link] = cas.select("webanno.custom.SaidBy")
    assert link.Governor.get_covered_text() == "سنعود" and link.Dependent is speaker
    [meta] = cas.select(cas_xmi.METADATA)
    assert meta.documentId == "astral"


def test_the_file_counts_utf16_code_units(exported):
    root = ET.parse(exported / "astral.xmi").getroot()
    speaker = next(e for e in root if e.tag.endswith("Speaker"))
    s = TEXT.index("𝐀")
    assert (int(speaker.get("begin")), int(speaker.get("end"))) == (
        utf16(TEXT, s),
        utf16(TEXT, s + 8),
    )
    assert int(speaker.get("begin")) == s + 1  # the emoji before it takes two UTF-16 units


def test_our_export_comes_back_exactly(exported, tmp_path, capsys):
    fresh = tmp_path / "fresh.db"
    code, _, err = run(capsys, "--db", fresh, "import", "--layer", "amal", exported)
    assert code == 0, err
    with Workspace(fresh) as ws:
        doc = ws.documents()[0].id
        got = {
            (TEXT[s.start : s.end], s.label, tuple(sorted(s.attrs.items())))
            for s in ws.spans(doc, "amal")
        }
        assert got == {
            ("𝐀 الرئيس", "SPEAKER", (("entity", "𝐀 الرئيس"),)),
            ("سنعود", "QUOTE", (("kind", "direct"),)),
            ("14 يناير", "DATE", (("type", "DATE"), ("value", "2022-01-14"))),
        }
        assert [r.label for r in ws.relations(doc, "amal")] == ["said_by"]


def inception_schema() -> LabelSchema:
    return LabelSchema.from_dict({"labels": {f"NE {n}": {} for n in range(5)}, "relations": {}})


def test_an_inception_export_is_read(tmp_path):
    folder = tmp_path / "inception"
    shutil.copytree(INCEPTION, folder)
    [record] = cas_xmi.read(folder / "ne.xmi")
    assert record.id == "doc" and record.text == "This is a test ."
    assert [(s["start"], s["end"], s["label"]) for s in record.spans] == [
        (0, 4, "NE 0"),
        (5, 7, "NE 1"),
        (8, 9, "NE 2"),
        (10, 14, "NE 3"),
        (15, 16, "NE 4"),
    ]
    with Workspace(tmp_path / "w.db", schema=inception_schema()) as ws:
        report = ws.import_records(cas_xmi.read(folder / "ne.xmi"), layer="inception")
        assert report.spans_added == 5


def test_an_inception_relation_between_tokens_is_refused_naming_the_element(
    tmp_path, capsys, db_path
):
    folder = tmp_path / "inception"
    shutil.copytree(INCEPTION, folder)
    (folder / "ne.xmi").unlink()
    code, _, err = run(capsys, "--db", db_path, "import", folder / "relation.xmi")
    assert code == 2 and err.count("\n") == 1
    assert (
        "relation.xmi: relation 1: its head 'xmi:id 19' is not a span of this document and layer."
        in err
    )


def _hostile(folder: Path, name: str) -> None:
    source = (folder / "astral.xmi").read_text(encoding="utf-8")
    if name == "bad xml":
        (folder / "astral.xmi").write_text(source[: len(source) // 2], encoding="utf-8")
    elif name == "no type system":
        (folder / "TypeSystem.xml").unlink()
    elif name == "bad type system":
        (folder / "TypeSystem.xml").write_text("<typeSystemDescription><types>", encoding="utf-8")
    elif name == "offsets past the text":
        broken = re.sub(r'(<custom:Speaker [^>]*end=")\d+', r"\g<1>999", source)
        (folder / "astral.xmi").write_text(broken, encoding="utf-8")
    elif name == "unknown label":
        (folder / "astral.xmi").write_text(
            source.replace('label="QUOTE"', 'label="EVENT"'), encoding="utf-8"
        )


HOSTILE = {
    "bad xml": "astral.xmi, line 2: is not UIMA CAS XMI that fits its type system",
    "no type system": "holds no TypeSystem.xml",
    "bad type system": "TypeSystem.xml, line 1: is not a UIMA type system",
    "offsets past the text": "astral.xmi: span xmi:id ",
    "unknown label": "Unknown label 'EVENT'",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_xmi_is_refused_in_one_sentence_and_changes_nothing(
    name, exported, tmp_path, capsys
):
    _hostile(exported, name)
    target = tmp_path / "target.db"
    run(
        capsys,
        "--db",
        target,
        "import",
        ROOT / "tests" / "data" / "doccano" / "sequence_labeling.jsonl",
        "--format",
        "jsonl",
    )
    before = table_snapshot(target)
    code, _, err = run(capsys, "--db", target, "import", "--format", "cas-xmi", exported)
    assert code == 2 and err.count("\n") == 1 and HOSTILE[name] in err, err
    assert table_snapshot(target) == before
