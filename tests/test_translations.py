"""The Arabic translation is complete, matches the code's strings, and the committed .qm is
exactly what pyside6-lrelease builds from the committed .ts (so nobody ships a stale one)."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "annotator_ar.ts"
QM = TS.with_suffix(".qm")
TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    found = TOOLS / name
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} comes with PySide6-Essentials"
    return path


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_string_in_the_code_has_a_finished_arabic_translation(tmp_path):
    fresh = tmp_path / "annotator_ar.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "annotator" / "gui").glob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(fresh),
            "-no-obsolete",
            "-locations",
            "none",
        ],
        check=True,
        capture_output=True,
    )
    current, committed = messages(fresh), messages(TS)
    assert sorted(current) == sorted(committed), "run lupdate and translate the new strings"
    unfinished = [
        key
        for key, message in current.items()
        if message.find("translation").get("type") == "unfinished"
        or not message.findtext("translation")
    ]
    assert unfinished == []


def test_translations_keep_the_placeholders_of_their_source():
    for (_context, source), message in messages(TS).items():
        wanted = sorted(re.findall(r"\{\w+\}", source))
        assert sorted(re.findall(r"\{\w+\}", message.findtext("translation") or "")) == wanted


def test_committed_qm_is_built_from_the_committed_ts(tmp_path):
    built = tmp_path / "annotator_ar.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == QM.read_bytes()


def test_committed_english_plurals_are_built_from_their_ts(tmp_path):
    """English has a translation of its own only for plural forms ("1 document")."""
    ts = TS.with_name("annotator_en.ts")
    built = tmp_path / "annotator_en.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes()
    plural = [m for m in messages(ts).values() if m.get("numerus") == "yes"]
    assert plural and len(plural) == len(messages(ts))
    wanted = {k for k, m in messages(TS).items() if m.get("numerus") == "yes"}
    assert set(messages(ts)) == wanted, "every plural message has its English forms"


@pytest.mark.parametrize(
    ("language", "counted"),
    [
        ("en", ["0 documents", "1 document", "2 documents", "11 documents"]),
        ("ar", ["لا وثائق", "وثيقة واحدة", "وثيقتان", "3 وثائق", "11 وثيقة", "100 وثيقة"]),
    ],
)
def test_counts_use_the_languages_plural_forms(qapp, language, counted):
    from annotator.gui.counts import counts
    from annotator.gui.i18n import apply_language

    numbers = [0, 1, 2, 11] if language == "en" else [0, 1, 2, 3, 11, 100]
    try:
        apply_language(qapp, language)
        assert [counts().documents(n) for n in numbers] == counted
    finally:
        apply_language(qapp, "en")
