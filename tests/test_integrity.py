"""Guarantee 4, integrity: `annotator check` finds what raw SQL broke, says exactly where and
what, and changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.integrity import check_workspace
from annotator.core.records import DocumentRecord
from annotator.core.text import text_sha256
from annotator.core.workspace import Workspace

TEXT = "قال الرئيسُ إن الاجتماع سيعقد في 14 يناير 𝔸 هنا"
DAMMA = TEXT.index("\u064f")  # the vowel mark of الرئيسُ: inside a grapheme cluster


@pytest.fixture
def ids(db_path: Path) -> dict[str, str]:
    with Workspace(db_path, who="amal") as ws:
        ws.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
        quote = ws.add_span("t", "amal", 0, 3, "QUOTE", {"kind": "direct"})
        speaker = ws.add_span("t", "amal", 4, DAMMA + 1, "SPEAKER")
        relation = ws.add_relation(quote.id, speaker.id, "said_by")
        other = ws.add_span("t", "omar", 4, DAMMA + 1, "SPEAKER")
    return {"Q": quote.id, "S": speaker.id, "R": relation.id, "O": other.id}


def corrupt(db: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(db)  # foreign keys off, no triggers of ours: anything goes
    for sql in statements:
        conn.execute(sql, params if "?" in sql else ())
    conn.commit()
    conn.close()


def problems(db: Path) -> list[str]:
    with Workspace(db, read_only=True, foreign_schema_ok=True) as ws:  # as `check` opens it
        return [str(p) for p in check_workspace(ws)]


def test_a_sound_workspace_has_no_problems(db_path, ids):
    assert problems(db_path) == []


NFD = unicodedata.normalize("NFD", "é") + TEXT
CASES = {
    "end beyond text": (
        ['UPDATE spans SET "end" = 999 WHERE id = :Q'],
        [
            "document t, layer amal, span {Q}: span 0-999 is out of range for a text of "
            f"{len(TEXT)} characters (0 <= start < end <= length)."
        ],
    ),
    "end inside a cluster": (
        [f'UPDATE spans SET "end" = {DAMMA} WHERE id = :S'],
        [
            f"document t, layer amal, span {{S}}: span 4-{DAMMA} would split a character "
            f"cluster at offset {DAMMA} (a letter and its marks stay together)."
        ],
    ),
    "offset stored as a real": (
        ["UPDATE spans SET start = 0.5 WHERE id = :Q"],
        ["document t, layer amal, span {Q}: span offsets must be integers, not 0.5 and 3."],
    ),
    "unknown label": (
        ["UPDATE spans SET label = 'PERSON' WHERE id = :S"],
        [
            "document t, layer amal, span {S}: Unknown label 'PERSON' "
            "(known: QUOTE, SPEAKER, DATE, CLAIM).",
            "document t, layer amal, relation {R}: Relation 'said_by' links QUOTE to SPEAKER, "
            "not QUOTE to PERSON.",
        ],
    ),
    "attrs not JSON": (
        ["UPDATE spans SET attrs = '{oops' WHERE id = :Q"],
        ["document t, layer amal, span {Q}: attrs '{{oops' is not a JSON object"],
    ),
    "attribute value not allowed": (
        ['UPDATE spans SET attrs = \'{"kind": "sarcastic"}\' WHERE id = :Q'],
        [
            "document t, layer amal, span {Q}: QUOTE attribute 'kind' does not allow "
            "'sarcastic' (allowed: direct, indirect, mixed)."
        ],
    ),
    "text edited behind the hash": (
        ["UPDATE documents SET text = text || '!'"],
        [f"document t: text does not match its SHA-256 (stored {text_sha256(TEXT)})"],
    ),
    "text not normalised": (
        [f"UPDATE documents SET text = '{NFD}', sha256 = '{text_sha256(NFD)}'"],
        ["document t: text is not normalised (NFC with \\n line ends)"],
    ),
    "relation end deleted": (
        ["DELETE FROM spans WHERE id = :S"],
        ["document t, layer amal, relation {R}: its child span {S} does not exist"],
    ),
    "relation end in another layer": (
        ["UPDATE relations SET child = :O WHERE id = :R"],
        [
            "document t, layer amal, relation {R}: its child span {O} belongs to document t, "
            "layer omar"
        ],
    ),
    "unknown status": (
        ["UPDATE doc_status SET status = 'finished' WHERE layer = 'amal'"],
        [
            "document t, layer amal: status 'finished' is not one of adjudicated, done, "
            "in_progress, new"
        ],
    ),
    "layer of the wrong kind": (
        ["UPDATE layers SET kind = 'gold' WHERE name = 'amal'"],
        ["layer amal: kind is 'gold', expected 'annotator'"],
    ),
    "document deleted under its spans": (
        ["DELETE FROM documents"],
        [
            "spans row {O}: its document 't' does not exist",
            "spans row {Q}: its document 't' does not exist",
            "spans row {S}: its document 't' does not exist",
            "relations row {R}: its document 't' does not exist",
            "doc_status row t: its document 't' does not exist",
            "doc_status row t: its document 't' does not exist",
        ],
    ),
    "append-only trigger dropped": (
        ["DROP TRIGGER events_append_only_update"],
        ["schema: trigger events_append_only_update is missing"],
    ),
    "foreign table added": (
        ["CREATE TABLE scribbles (x)"],
        ["schema: unexpected table scribbles"],
    ),
    "column dropped": (
        ["ALTER TABLE documents DROP COLUMN published"],
        [
            "schema: table documents has columns ['id', 'title', 'text', 'sha256', 'source', "
            "'meta', 'created'], expected ['id', 'title', 'text', 'sha256', 'source', "
            "'published', 'meta', 'created']"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_corruption_is_reported_precisely(db_path, ids, case):
    statements, expected = CASES[case]
    conn = sqlite3.connect(db_path)
    for sql in statements:
        conn.execute(sql, {k: v for k, v in ids.items() if f":{k}" in sql})
    conn.commit()
    conn.close()
    found = problems(db_path)
    wanted = [line.format(**ids) for line in expected]
    assert sorted(found) == sorted(wanted)


def test_check_command_reports_and_fixes_nothing(capsys, db_path, ids):
    corrupt(db_path, "UPDATE spans SET label = 'PERSON' WHERE id = ?", params=(ids["O"],))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    for _ in range(2):  # the second run finds exactly the same: nothing was "repaired"
        code = main(["--db", str(db_path), "check"])
        out, err = capsys.readouterr()
        assert code == 1
        assert (
            out == f"document t, layer omar, span {ids['O']}: Unknown label 'PERSON' "
            "(known: QUOTE, SPEAKER, DATE, CLAIM).\n"
        )
        assert err == f"{db_path}: 1 problem found; nothing was changed.\n"
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
