"""`check` finds every corruption a file from elsewhere can carry: the rows `merge` refuses
(the importer's rules), undecodable text, and foreign schema objects (in
tests/test_untrusted_schema.py), each reported on one printable line; it changes nothing."""

from __future__ import annotations

import hashlib
import re
import sqlite3

import pytest

from annotator.cli import main

from .test_untrusted_merge import HOSTILE_ROWS, build_other, write_raw

MORE = {
    "invalid UTF-8 in a span id": "UPDATE spans SET id = CAST(x'eda080' AS TEXT) WHERE id = :Q",
    "invalid UTF-8 in a text": "UPDATE documents SET text = CAST(x'41ff42' AS TEXT) "
    "WHERE id = 'd2'",
    "escape sequence in a relation id": "UPDATE relations SET id = char(27) || '[2J' WHERE id = :R",
}


# What the line for each case says (the row's own problem, not only its consequences).
SAYS = {
    "NUL in a document id": "document 'd\\x001': its id 'd\\x001' is not usable as an id.",
    "control character in a span id": "span id 'x\\x07' is not usable as an id.",
    "format character in a relation id": "its id 'r\\u202e' is not usable as an id.",
    "attrs not JSON": "attrs '{kind: direct' is not a JSON object",
    "attrs a JSON list": "attrs '[1]' is not a JSON object",
    "attrs with NaN": "(NaN is not a JSON number).",
    "provenance not JSON": "its provenance 'x' is not a JSON object",
    "infinite confidence": "its confidence inf is not a finite number.",
    "confidence as text": "its confidence 'high' is not a finite number.",
    "relation across documents": "belongs to document d2, layer amal",
    "relation across layers": "belongs to document d1, layer omar",
    "relation between wrong labels": "Relation 'said_by' links QUOTE to SPEAKER, not SPEAKER",
    "unknown status": "status 'finished' is not one of",
    "infinite time spent": "its time spent inf is not a finite number.",
    "layer of the wrong kind": "layer amal: kind is 'gold', expected 'annotator'",
    "text not NFC": "document d2: text is not normalised",
    "text of spaces": "document d2: text is empty",
    "title with NUL": "document d2: its title contains a NUL character.",
    "meta not an object": "document d2: meta is not a JSON object",
    "publication date not ISO": "publication date 'yesterday' is not an ISO date",
    "tombstone of an unknown kind": "tombstone kind 'document' is not span, relation or note.",
    "author as bytes": "its author is stored as bytes, not text.",
    "note with a control character": "A note cannot contain control characters.",
    "note flagged neither 0 nor 1": "its flagged 'yes' is not 0 or 1.",
    "note time not ISO": "A note's created 'soon' is not an ISO time.",
    "note text untrimmed": "its text is not stored as a note is (trimmed, NFC).",
    "invalid UTF-8 in a span id": "span id '\\udced\\udca0\\udc80' is not usable as an id.",
    "invalid UTF-8 in a text": "document d2: its text contains a lone surrogate (U+DCFF).",
    "escape sequence in a relation id": "its id '\\x1b[2J' is not usable as an id.",
}


@pytest.mark.parametrize("case", [*HOSTILE_ROWS, *MORE])
def test_check_reports_every_row_the_importer_would_refuse(tmp_path, capsys, case):
    path = tmp_path / "copied.db"
    ids = build_other(path)
    write_raw(path, {**HOSTILE_ROWS, **MORE}[case], ids)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["--db", str(path), "check"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines and all(line.isprintable() for line in lines), lines
    assert any(SAYS[case] in line for line in lines), lines
    assert err.count("\n") == 1 and re.search(r": \d+ problems? found; nothing was changed.$", err)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_sound_file_has_no_problems(tmp_path, capsys):
    path = tmp_path / "sound.db"
    build_other(path)
    assert main(["--db", str(path), "check"]) == 0


def test_check_sees_a_non_finite_confidence(tmp_path, capsys):
    path = tmp_path / "copied.db"
    ids = build_other(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE spans SET confidence = -9e999 WHERE id = ?", [ids["S"]])
    conn.commit()
    conn.close()
    assert main(["--db", str(path), "check"]) == 1
    assert (
        f"span {ids['S']}: its confidence -inf is not a finite number." in capsys.readouterr().out
    )
