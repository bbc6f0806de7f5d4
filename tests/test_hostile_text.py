"""Guarantee 5, hostile text: any Unicode survives import -> tag -> export -> import with exact
offsets; NUL and lone surrogates are refused with file and line; markup stays literal; huge
input is imported in bounded memory or refused."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.records import MAX_DOCUMENT_BYTES
from annotator.core.text import Utf16Offsets, grapheme_boundaries, normalize_text
from annotator.core.workspace import Workspace
from annotator.formats import jsonl, read_paths

from .conftest import SEEDS
from .scale_helpers import traced_peak

ROOT = Path(__file__).resolve().parent.parent
FUZZ_EXAMPLES = 150

# Pieces chosen to break naive code: bidi marks and embeddings, joiners, combining marks with
# and without a base, characters outside the BMP and emoji sequences, line ends of all kinds,
# a BOM in the middle, and strings that mean something to HTML, rich or a terminal.
SPECIAL = [
    "\u200f", "\u200e", "\u202b", "\u202e", "\u202c", "\u2067", "\u2069", "\u061c",
    "\u200d", "\u200c", "\u064b", "\u0650", "\u0651", "\u0670", "\u0301", "\u0327",
    "😀", "👨\u200d👩\u200d👧", "🇸🇦", "👍🏽", "𝔸", "\U00020000", "\U0010fffd",
    "\ufeff", "\r\n", "\r", "\n", "\t", "\u2028", "\u2029", "\x85", "\x1b[31m",
    "<b>", "</p>", "&amp;", "[bold]", ":smile:", "<img src=x onerror=alert(1)>", "ﻻ", "ـ",
]  # fmt: skip
ANY_CHAR = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
PIECE = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=12),
    st.text(ANY_CHAR, max_size=6),
)
SHORT = st.lists(PIECE, min_size=1, max_size=40).map("".join)
LONG_LINE = st.builds(lambda p, n: p * n, st.lists(PIECE, min_size=1, max_size=4).map("".join),
                      st.integers(2_000, 20_000))  # fmt: skip
RAW_TEXT = st.one_of(SHORT, SHORT, SHORT, LONG_LINE).filter(lambda t: normalize_text(t).strip())
LABELS = {
    "QUOTE": {"kind": "direct"},
    "SPEAKER": {"entity": None},  # free text: the hostile attribute value
    "CLAIM": {"checkworthy": "yes"},
}


def fresh(folder: str, name: str) -> Workspace:
    return Workspace(Path(folder) / name, who="amal")


def write_jsonl(path: Path, objects: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for obj in objects:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


def span_tuples(ws: Workspace, doc_id: str) -> list[tuple]:
    return [(s.id, s.start, s.end, s.label, s.attrs) for s in ws.spans(doc_id, "amal")]


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=RAW_TEXT, title=SHORT, data=st.data())
def test_any_text_round_trips_with_exact_offsets(raw, title, data):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.jsonl"
        write_jsonl(source, [{"id": "d", "text": raw, "meta": {"title": title}}])
        with fresh(folder, "a.db") as first:
            first.import_records(read_paths([source]))
            text = first.document("d").text
            assert text == normalize_text(raw)
            bounds = sorted(grapheme_boundaries(text))
            for _ in range(data.draw(st.integers(0, 4))):
                start, end = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=2,
                                                       max_size=2, unique=True)))  # fmt: skip
                label = data.draw(st.sampled_from(sorted(LABELS)))
                attrs = {k: v if v is not None else data.draw(SHORT).replace("\r", "")
                         for k, v in LABELS[label].items()}  # fmt: skip
                attrs = {k: normalize_text(v) for k, v in attrs.items()}
                first.add_span("d", "amal", start, end, label, attrs)
            exported = Path(folder) / "out.jsonl"
            jsonl.write(first, exported, "amal")
            spans_first = span_tuples(first, "d")
        lines = exported.read_bytes().split(b"\n")
        assert lines[-1] == b"" and len(lines) == 2  # one document, one line, whatever the text
        obj = json.loads(lines[0].decode("utf-8"))
        assert obj["text"] == text
        units = Utf16Offsets(text)
        utf16 = text.encode("utf-16-le")
        for span in obj["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
            u_start, u_end = units.to_utf16(span["start"]), units.to_utf16(span["end"])
            assert (units.from_utf16(u_start), units.from_utf16(u_end)) == (
                span["start"],
                span["end"],
            )
            assert utf16[2 * u_start : 2 * u_end].decode("utf-16-le") == span["text"]
        with fresh(folder, "b.db") as second:
            second.import_records(read_paths([exported]), layer="amal")
            assert second.document("d").text == text
            assert second.document("d").sha256 == obj["meta"]["sha256"]
            assert span_tuples(second, "d") == spans_first


GOOD = '{"id": "good", "text": "نص سليم"}'
BAD_JSONL = {
    "lone high surrogate in text": (
        '{"text": "abc\\ud800def"}',
        "a lone surrogate (U+D800) at line 1, column 4 of the text",
    ),
    "lone low surrogate in text": (
        '{"text": "x\\n\\udc00"}',
        "a lone surrogate (U+DC00) at line 2, column 1 of the text",
    ),
    "surrogates in the wrong order": ('{"text": "\\udc00\\ud800"}', "a lone surrogate (U+DC00)"),
    "NUL in text": ('{"text": "ab\\u0000"}', "a NUL character at line 1, column 3 of the text"),
    "empty text": ('{"text": ""}', '"text" is empty; a document needs a text to annotate.'),
    "text of spaces and line ends": ('{"text": " \\n\\t "}', '"text" is empty'),
    "surrogate in title": (
        '{"text": "t", "meta": {"title": "\\ud83d"}}',
        '"title" contains a lone surrogate',
    ),
    "surrogate in a meta key": (
        '{"text": "t", "meta": {"\\ud83dk": 1}}',
        '"meta key" contains a lone surrogate',
    ),
    "surrogate deep in meta": (
        '{"text": "t", "meta": {"a": [{"b": "\\udfff"}]}}',
        '"meta.a[0].b" contains',
    ),
    "surrogate in an attribute": (
        '{"text": "نص", "spans": [{"start": 0, "end": 1, "label": "SPEAKER", '
        '"attrs": {"entity": "\\ud800"}}]}',
        '"spans[0].attrs.entity" contains a lone surrogate',
    ),
    "surrogate in the id": ('{"id": "\\ud800", "text": "t"}', '"id" contains a lone surrogate'),
    "surrogate in the layer": (
        '{"text": "t", "layer": "\\ud800"}',
        '"layer" contains a lone surrogate',
    ),
    "NUL in a label": (
        '{"text": "نص", "spans": [{"start": 0, "end": 1, "label": "Q\\u0000"}]}',
        '"spans[0].label" contains a NUL character',
    ),
    "invalid UTF-8 byte": (b'{"text": "\xff"}', "is not UTF-8 text (byte 0xff"),
    "UTF-8-encoded surrogate": (b'{"text": "\xed\xa0\x80"}', "is not UTF-8 text (byte 0xed"),
    "truncated UTF-8": (b'{"text": "\xd8"}', "is not UTF-8 text"),
    "broken JSON": ('{"text": "unterminated', "is not valid JSON"),
    "raw control character in a JSON string": (
        '{"text": "a\tb\x01"}',
        "is not valid JSON (Invalid control character",
    ),
    "absurd nesting": ("[" * 100_000, "is not usable JSON"),
    "integer with 5000 digits": (
        '{"text": "t", "spans": [{"start": ' + "9" * 5000 + "}]}",
        "is not usable JSON",
    ),
    "NaN offset": (
        '{"text": "نص", "spans": [{"start": NaN, "end": 1, "label": "CLAIM"}]}',
        "NaN is not a JSON number",  # refused as JSON: NaN is no JSON number
    ),
    "not an object": ("[1, 2]", "each line must be a JSON object"),
    "no text": ('{"id": "x"}', 'the object has no "text" string'),
    "text not a string": ('{"text": 5}', 'the object has no "text" string'),
    "span out of range": (
        '{"text": "نص", "spans": [{"start": 0, "end": 9, "label": "CLAIM"}]}',
        "out of range",
    ),
    "span inside a cluster": (
        '{"text": "نُص", "spans": [{"start": 0, "end": 1, "label": "CLAIM"}]}',
        "would split a character cluster",
    ),
    "spans not a list": ('{"text": "t", "spans": {"start": 0}}', '"spans" must be a list'),
    "relation to a missing span": (
        '{"text": "نص", "relations": [{"head": "a", "child": "b", "label": "said_by"}]}',
        "is not a span of this document",
    ),
    "path as document id": ('{"id": "../../etc/x", "text": "t"}', "is not usable as an id"),
    "control character in id": ('{"id": "a\\u0007", "text": "t"}', "is not usable as an id"),
    "path as layer": (
        '{"text": "t", "layer": "../x", "spans": [{"start": 0, "end": 1, "label": "CLAIM"}]}',
        "Layer name '../x' is not allowed",
    ),
    "unknown status": ('{"text": "t", "status": "finished"}', "unknown \"status\" 'finished'"),
    "bad publication date": (
        '{"text": "t", "meta": {"published": "yesterday"}}',
        "is not an ISO date",
    ),
    "hash mismatch": ('{"text": "t", "meta": {"sha256": "00"}}', 'meta "sha256" 00 does not match'),
}
BAD_TXT = {
    "NUL in a text file": (b"title\nab\x00c", "a NUL character at line 2, column 3 of the text"),
    "invalid UTF-8 on line 3": (b"title\nok\nbad \xc3\x28", "line 3: is not UTF-8 text"),
    "UTF-16 file": ("عنوان".encode("utf-16"), "is not UTF-8 text"),
}
BAD_INPUTS = len(BAD_JSONL) + len(BAD_TXT)


def tables(db: Path) -> list:
    with Workspace(db, read_only=True) as ws:
        return [
            ws._db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("documents", "spans", "relations", "doc_status", "layers", "events")
        ]


def import_bad(capsys, db: Path, path: Path) -> str:
    with Workspace(db) as ws:
        ws.import_records(read_paths([SEEDS[0]]))
    before = tables(db)
    code = main(["--db", str(db), "import", str(path)])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1, err
    assert tables(db) == before  # nothing imported, not even the good first line
    return err


@pytest.mark.parametrize("case", list(BAD_JSONL))
def test_bad_jsonl_is_refused_naming_file_and_line(capsys, tmp_path, db_path, case):
    bad, expected = BAD_JSONL[case]
    path = tmp_path / "input.jsonl"
    bad_bytes = bad if isinstance(bad, bytes) else bad.encode("utf-8")
    path.write_bytes(GOOD.encode("utf-8") + b"\n" + bad_bytes + b"\n")
    err = import_bad(capsys, db_path, path)
    assert err.startswith(f"annotator: {path}, line 2: ")
    assert expected in err


@pytest.mark.parametrize("case", list(BAD_TXT))
def test_bad_text_file_is_refused_naming_it(capsys, tmp_path, db_path, case):
    bad, expected = BAD_TXT[case]
    path = tmp_path / "article.txt"
    path.write_bytes(bad)
    err = import_bad(capsys, db_path, path)
    assert err.startswith(f"annotator: {path}")
    assert expected in err


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(
    text=st.text(ANY_CHAR, max_size=50),
    at=st.integers(0, 50),
    bad=st.one_of(st.integers(0xD800, 0xDFFF).map(chr), st.just("\x00")),
)
def test_any_lone_surrogate_or_nul_is_refused_with_its_position(text, at, bad):
    at = min(at, len(text))
    hostile = text[:at] + bad + text[at:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text(json.dumps({"text": hostile}) + "\n", encoding="ascii")
        with fresh(folder, "w.db") as ws, pytest.raises(InputError) as caught:
            ws.import_records(read_paths([path]))
        assert ws_is_empty(Path(folder) / "w.db")
    message = str(caught.value)
    assert message.startswith(f"{path}, line 1: the text contains ")
    message.encode("utf-8")  # the message itself can be printed


def ws_is_empty(db: Path) -> bool:
    with Workspace(db, read_only=True) as ws:
        return ws.documents() == []


MARKUP = "<b>b</b> [bold]r[/bold] :smile: \x1b]0;t\x07\x1b[31mred"  # short: titles are cut at 48
BODY = "\n<script>alert(1)</script> [link=http://evil.example]x[/link] <img src=x onerror=alert(1)>"


def test_markup_stays_literal_in_tables_json_and_exports(capsys, tmp_path, db_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no cell is cut
    source = tmp_path / "m.jsonl"
    span = {"start": 0, "end": 11, "label": "SPEAKER", "attrs": {"entity": "<img src=x>[b]"}}
    write_jsonl(source, [{"id": "[red]doc", "text": MARKUP + BODY, "spans": [span]}])
    assert main(["--db", str(db_path), "import", str(source), "--layer", "amal"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "stats", "--bidi", "never"]) == 0
    out, _ = capsys.readouterr()
    assert "[red]doc" in out and "<b>b</b> [bold]r[/bold] :smile: ␛]0;t␇␛[31mred" in out
    assert "\x1b" not in out and "\x07" not in out  # shown as ␛ and ␇, never sent to the terminal
    assert main(["--db", str(db_path), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr()[0])
    assert stats["per_document"][0]["title"] == MARKUP
    out_file = tmp_path / "out.jsonl"
    assert main(["--db", str(db_path), "export", "-o", str(out_file), "--layer", "amal"]) == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert exported["text"] == MARKUP + BODY and exported["meta"]["title"] == MARKUP
    assert exported["spans"][0]["attrs"] == {"entity": "<img src=x>[b]"}


def test_a_50_mb_line_is_refused_in_bounded_memory(tmp_path, db_path):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"text": "')
        chunk = "قال ".encode() * (1 << 18)  # 1.75 MiB
        for _ in range(30):
            fh.write(chunk)
        fh.write(b'"}\n')
    assert path.stat().st_size > 50 * 2**20
    with Workspace(db_path) as ws:
        with traced_peak() as traced, pytest.raises(InputError) as caught:
            ws.import_records(read_paths([path]))
        peak = traced.bytes
        assert ws.documents() == []
    assert str(caught.value) == (
        f"{path}, line 1: the line is longer than {MAX_DOCUMENT_BYTES // 2**20} MiB, the most "
        "one document may hold; split the file or shorten the document."
    )
    assert peak < 2 * MAX_DOCUMENT_BYTES + 4 * 2**20  # one bounded read, never the whole line


def big_jsonl(path: Path, megabytes: int) -> int:
    base = ("قال الرئيس إن الاجتماع سيعقد في 14 يناير " * 600)[:20_000]
    line_size = len(
        json.dumps({"id": "d000000", "text": "000000 " + base}, ensure_ascii=False).encode()
    )
    count = megabytes * 2**20 // line_size
    with path.open("w", encoding="utf-8") as fh:
        for n in range(count):
            fh.write(json.dumps({"id": f"d{n:06}", "text": f"{n:06} {base}"}, ensure_ascii=False))
            fh.write("\n")
    return count


def peak_rss_of_import(db: Path, source: Path) -> int:
    """Peak resident memory (bytes) of a real `annotator import` process, SQLite included."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.drivers.peak_memory", "--db", str(db), "import", str(source)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stderr.split()[-1])


@pytest.mark.slow
def test_a_200_mb_jsonl_is_imported_in_bounded_memory(tmp_path):
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    big_jsonl(small, 20)
    documents = big_jsonl(big, 200)
    small_peak = peak_rss_of_import(tmp_path / "small.db", small)
    big_peak = peak_rss_of_import(tmp_path / "big.db", big)
    with Workspace(tmp_path / "big.db", read_only=True) as ws:
        assert len(ws.documents()) == documents
    # Ten times the input, about the same memory: it does not grow with the file.
    assert big_peak - small_peak < 32 * 2**20, (small_peak >> 20, big_peak >> 20)
    assert big_peak < big.stat().st_size / 2
