"""Files from elsewhere, part 2: `merge` refuses any row the importer would refuse, blames
OTHER.db (never this workspace) for its broken constraints, and never writes beside OTHER.db,
so a file on read-only media merges. Every hostile row is written here with raw SQL."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.review.merge import merge_workspaces

TEXT = "قال الوزير إن الاجتماع سيعقد غدا في العاصمة"
OTHER_TEXT = "أعلن المتحدث أن الجلسة انتهت مساء أمس"


def build_other(path: Path) -> dict[str, str]:
    """A sound annotator file: two documents, a quote linked to its speaker, a status."""
    with Workspace(path, who="amal") as ws:
        ws.import_records(
            [
                DocumentRecord(text=TEXT, path="t", id="d1"),
                DocumentRecord(text=OTHER_TEXT, path="t", id="d2"),
            ]
        )
        quote = ws.add_span("d1", "amal", 0, 3, "QUOTE", {"kind": "direct"})
        speaker = ws.add_span("d1", "amal", 4, 10, "SPEAKER")
        elsewhere = ws.add_span("d2", "amal", 0, 4, "SPEAKER")
        other_layer = ws.add_span("d1", "omar", 4, 10, "SPEAKER")
        relation = ws.add_relation(quote.id, speaker.id, "said_by")
        ws.set_status("d1", "amal", "done")
        ws.delete_span(ws.add_span("d2", "amal", 5, 9, "CLAIM").id)
        note = ws.add_note("d1", "amal", "المتحدث غير واضح", span_id=speaker.id, flagged=True)
    return {
        "N": note.id,
        "Q": quote.id,
        "S": speaker.id,
        "E": elsewhere.id,
        "L": other_layer.id,
        "R": relation.id,
    }


NFD = unicodedata.normalize("NFD", "é")
# Rows the importer refuses, each written into OTHER.db with raw SQL (foreign keys off).
HOSTILE_ROWS = {
    "NUL in a document id": "UPDATE documents SET id = 'd' || char(0) || '1' WHERE id = 'd1'",
    "control character in a span id": "UPDATE spans SET id = 'x' || char(7) WHERE id = :Q",
    "format character in a relation id": "UPDATE relations SET id = "
    "'r' || char(8238) WHERE id = :R",
    "attrs not JSON": "UPDATE spans SET attrs = '{kind: direct' WHERE id = :Q",
    "attrs a JSON list": "UPDATE spans SET attrs = '[1]' WHERE id = :Q",
    "attrs with NaN": "UPDATE spans SET attrs = '{\"n\": NaN}' WHERE id = :S",
    "provenance not JSON": "UPDATE spans SET provenance = 'x' WHERE id = :Q",
    "infinite confidence": "UPDATE spans SET confidence = 9e999 WHERE id = :Q",
    "confidence as text": "UPDATE spans SET confidence = 'high' WHERE id = :Q",
    "relation across documents": "UPDATE relations SET child = :E WHERE id = :R",
    "relation across layers": "UPDATE relations SET child = :L WHERE id = :R",
    "relation between wrong labels": "UPDATE relations SET head = :S, child = :Q WHERE id = :R",
    "unknown status": "UPDATE doc_status SET status = 'finished'",
    "infinite time spent": "UPDATE doc_status SET seconds = 9e999",
    "layer of the wrong kind": "UPDATE layers SET kind = 'gold' WHERE name = 'amal'",
    "text not NFC": "UPDATE documents SET text = text || '" + NFD + "' WHERE id = 'd2'",
    "text of spaces": "UPDATE documents SET text = '  ' WHERE id = 'd2'",
    "title with NUL": "UPDATE documents SET title = 'a' || char(0) WHERE id = 'd2'",
    "meta not an object": "UPDATE documents SET meta = '\"x\"' WHERE id = 'd2'",
    "publication date not ISO": "UPDATE documents SET published = 'yesterday' WHERE id = 'd2'",
    "tombstone of an unknown kind": "UPDATE tombstones SET kind = 'document'",
    "author as bytes": "UPDATE spans SET author = x'ff00' WHERE id = :Q",
    "note with a control character": "UPDATE notes SET text = 'a' || char(27) || '[2J' "
    "WHERE id = :N",
    "note flagged neither 0 nor 1": "UPDATE notes SET flagged = 'yes' WHERE id = :N",
    "note time not ISO": "UPDATE notes SET created = 'soon' WHERE id = :N",
    "note text untrimmed": "UPDATE notes SET text = ' x ' WHERE id = :N",
}


def write_raw(path: Path, sql: str, ids: dict[str, str]) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, {k: v for k, v in ids.items() if f":{k}" in sql})
    if "SET text =" in sql and "CAST" not in sql:  # keep the hash right: only the text is wrong
        (text,) = conn.execute("SELECT text FROM documents WHERE id = 'd2'").fetchone()
        digest = hashlib.sha256(text.encode()).hexdigest()
        conn.execute("UPDATE documents SET sha256 = ? WHERE id = 'd2'", [digest])
    conn.commit()
    conn.close()


def data(ws: Workspace) -> list[tuple]:
    return [
        tuple(row)
        for table in (
            "documents",
            "layers",
            "spans",
            "relations",
            "doc_status",
            "tombstones",
            "notes",
        )
        for row in ws._db.execute(f"SELECT count(*) FROM {table}")
    ]


@pytest.fixture
def main_ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace(tmp_path / "main.db", who="reviewer") as ws:
        ws.import_records([DocumentRecord(text="نص آخر لا علاقة له", path="t", id="m")])
        yield ws


@pytest.mark.parametrize("case", list(HOSTILE_ROWS))
def test_merge_refuses_rows_the_importer_refuses(tmp_path, main_ws, case):
    other = tmp_path / "other.db"
    ids = build_other(other)
    write_raw(other, HOSTILE_ROWS[case], ids)
    before = data(main_ws)
    with pytest.raises(InputError) as caught:
        merge_workspaces(main_ws, [other])
    assert caught.value.path == str(other)
    assert "\n" not in str(caught.value)
    assert data(main_ws) == before


def test_a_sound_other_file_merges(tmp_path, main_ws):
    other = tmp_path / "other.db"
    build_other(other)
    (report,) = merge_workspaces(main_ws, [other])
    assert report.documents_added == 2 and report.counts["spans_added"] == 4
    assert report.counts["notes_offered"] == 1
    (note,) = main_ws.notes("d1", "amal")
    assert note.flagged and note.text == "المتحدث غير واضح"


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO doc_status (doc_id, layer, status, updated) VALUES ('gone', 'amal', 'done', "
        "'2030-01-01T00:00:00.000+00:00')",
        "INSERT INTO doc_status (doc_id, layer, status, updated) VALUES ('d1', 'nolayer', "
        "'done', '2030-01-01T00:00:00.000+00:00')",
        "UPDATE spans SET layer = 'ghost' WHERE id = :Q",
    ],
    ids=["status of a missing document", "status of a missing layer", "span of a missing layer"],
)
def test_a_broken_constraint_in_other_db_is_its_fault(tmp_path, main_ws, capsys, sql):
    other = tmp_path / "other.db"
    ids = build_other(other)
    write_raw(other, sql, ids)
    main_ws.close()
    assert main(["--db", str(tmp_path / "main.db"), "merge", str(other)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: {other}: ")
    assert "restore" not in err and "damaged" not in err and err.count("\n") == 1


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[bool]:
    """Make ``folder`` immutable (read-only media, even for root); yields whether it worked."""
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        yield made
    finally:
        if made:
            subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_merge_from_read_only_media_writes_nothing_beside_it(tmp_path, main_ws):
    media = tmp_path / "usb"
    media.mkdir()
    other = media / "amal.db"
    build_other(other)
    before = sorted(p.name for p in media.iterdir())
    assert before == ["amal.db"]
    with read_only_folder(media) as immutable:
        (report,) = merge_workspaces(main_ws, [other])
        assert report.documents_added == 2
        if immutable:  # the folder really refuses new files: prove it
            with pytest.raises(OSError):
                (media / "probe").write_text("x")
    assert sorted(p.name for p in media.iterdir()) == before


def test_a_copied_live_workspace_merges_with_its_write_ahead_log(tmp_path, main_ws):
    live = tmp_path / "live.db"
    build_other(live)
    with Workspace(live, who="amal") as ws:
        ws._db.execute("PRAGMA wal_autocheckpoint = 0")
        late = ws.add_span("d2", "amal", 5, 11, "CLAIM")
        copied = tmp_path / "copied"
        copied.mkdir()
        for suffix in ("", "-wal"):  # what a file manager copies while the owner works
            shutil.copy(f"{live}{suffix}", copied / f"live.db{suffix}")
    assert (copied / "live.db-wal").stat().st_size > 0
    before = sorted(p.name for p in copied.iterdir())
    merge_workspaces(main_ws, [copied / "live.db"])
    assert main_ws.span(late.id).label == "CLAIM"
    assert sorted(p.name for p in copied.iterdir()) == before


def test_concurrent_merges_of_one_file_from_read_only_media(tmp_path, main_ws):
    """Four `annotator merge` processes at once, reading one file on immutable media that has
    a write-ahead log beside it: each reads its own private copy, the result is one merge."""
    live = tmp_path / "live.db"
    build_other(live)
    media = tmp_path / "usb"
    media.mkdir()
    with Workspace(live, who="amal") as ws:
        ws._db.execute("PRAGMA wal_autocheckpoint = 0")
        late = ws.add_span("d2", "amal", 5, 11, "CLAIM")
        for suffix in ("", "-wal"):
            shutil.copy(f"{live}{suffix}", media / f"amal.db{suffix}")
    main_ws.close()
    target = tmp_path / "main.db"
    with read_only_folder(media):
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "annotator",
                    "--db",
                    str(target),
                    "merge",
                    str(media / "amal.db"),
                ],
                cwd=Path(__file__).resolve().parent.parent,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        results = [(p.wait(), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
    assert all(code == 0 for code, _ in results), results
    assert sorted(p.name for p in media.iterdir()) == ["amal.db", "amal.db-wal"]
    with Workspace(target) as ws:
        assert ws.span(late.id).label == "CLAIM"
        assert len(ws.spans("d1", "amal")) == 2 and len(ws.spans("d2", "amal")) == 2
