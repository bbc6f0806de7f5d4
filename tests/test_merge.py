"""Merging workspaces from other machines, work packages and assignment."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from annotator.core.errors import InputError, ValidationError
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.review.assign import assign, assignments, documents_for, make_package
from annotator.review.merge import merge_workspaces

from .review_helpers import schema_1_file

TEXTS = [f"document number {n} says something worth annotating here" for n in range(10)]


def snapshot(ws: Workspace) -> dict[str, list]:
    """Every row of the data tables (not the event log), to compare before and after."""
    return {
        table: sorted(map(tuple, ws._db.execute(f"SELECT * FROM {table}").fetchall()))
        for table in ("documents", "layers", "spans", "relations", "doc_status", "tombstones")
    }


def backdate(ws: Workspace, table: str, row_id: str, column: str = "updated") -> None:
    """Make a change look older than anything the test does next (times have 1 ms steps)."""
    ws._db.execute(
        f"UPDATE {table} SET {column} = '2000-01-01T00:00:00.000+00:00' WHERE id = ?", [row_id]
    )


@pytest.fixture
def main_ws(tmp_path):
    ws = Workspace(tmp_path / "main.db", who="reviewer")
    ws.import_records(DocumentRecord(text=t, path="t", id=f"d{n}") for n, t in enumerate(TEXTS[:6]))
    yield ws
    ws.close()


def laptop(tmp_path, main_ws, name="amal"):
    """A copy of the main workspace, as an annotator takes it home."""
    main_ws._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / f"{name}.db"
    shutil.copy(main_ws.path, path)
    return Workspace(path, who=name)


def test_merge_brings_layers_and_documents_and_is_idempotent(tmp_path, main_ws):
    other = laptop(tmp_path, main_ws)
    span = other.add_span("d0", "amal", 0, 8, "CLAIM")
    other.import_records([DocumentRecord(text=TEXTS[7], path="t", id="d7")])
    other.add_span("d7", "amal", 0, 8, "CLAIM")
    other.set_status("d0", "amal", "done")
    other.close()
    (report,) = merge_workspaces(main_ws, [tmp_path / "amal.db"])
    assert report.documents_added == 1 and report.counts["spans_added"] == 2
    assert main_ws.span(span.id).layer == "amal"
    assert main_ws.status("d0", "amal").value == "done"
    before, events = snapshot(main_ws), len(main_ws.events(10_000))
    (again,) = merge_workspaces(main_ws, [tmp_path / "amal.db"])
    assert not again.changed and snapshot(main_ws) == before
    assert len(main_ws.events(10_000)) == events


def test_documents_are_matched_by_content_not_id(tmp_path, main_ws):
    other = Workspace(tmp_path / "other.db", who="omar")
    other.import_records([DocumentRecord(text=TEXTS[2], path="t", id="another-id")])
    other.add_span("another-id", "omar", 0, 8, "CLAIM")
    other.close()
    (report,) = merge_workspaces(main_ws, [tmp_path / "other.db"])
    assert report.documents_added == 0 and report.documents_matched == 1
    assert [s.doc_id for s in main_ws.spans("d2", "omar")] == ["d2"]


def test_newer_edit_wins_and_is_reported(tmp_path, main_ws):
    span = main_ws.add_span("d1", "amal", 0, 8, "CLAIM")
    other = laptop(tmp_path, main_ws)
    other.update_span(span.id, end=15)  # edited on the laptop first...
    backdate(other, "spans", span.id)
    other.close()
    main_ws.update_span(span.id, label="QUOTE")  # ...and later here: ours is newer
    (report,) = merge_workspaces(main_ws, [tmp_path / "amal.db"])
    assert main_ws.span(span.id).label == "QUOTE" and main_ws.span(span.id).end == 8
    (decision,) = report.decisions
    assert decision.winner == "ours" and decision.id == span.id
    # the other way round, the laptop's older edit loses too: merges agree
    back = Workspace(tmp_path / "amal.db", who="amal")
    (report_back,) = merge_workspaces(back, [main_ws.path])
    assert back.span(span.id).label == "QUOTE" and report_back.decisions[0].winner == "theirs"
    back.close()


def test_untouched_layers_stay_and_deletions_travel(tmp_path, main_ws):
    keep = main_ws.add_span("d1", "omar", 0, 8, "CLAIM")
    doomed = main_ws.add_span("d1", "amal", 0, 8, "CLAIM")
    backdate(main_ws, "spans", doomed.id)
    other = laptop(tmp_path, main_ws)
    other.delete_span(doomed.id)
    for table in ("spans", "doc_status", "tombstones"):  # the laptop never had omar
        other._db.execute(f"DELETE FROM {table} WHERE layer = 'omar'")
    other._db.execute("DELETE FROM layers WHERE name = 'omar'")
    other.close()
    (report,) = merge_workspaces(main_ws, [tmp_path / "amal.db"])
    assert main_ws.span(keep.id)  # omar's layer is not in the other file: untouched
    assert [s.id for s in main_ws.spans("d1", "amal")] == []
    assert report.counts["spans_deleted"] == 1
    before = snapshot(main_ws)
    merge_workspaces(main_ws, [tmp_path / "amal.db"])
    assert snapshot(main_ws) == before


def test_an_edit_newer_than_a_deletion_wins(tmp_path, main_ws):
    span = main_ws.add_span("d1", "amal", 0, 8, "CLAIM")
    other = laptop(tmp_path, main_ws)
    main_ws.delete_span(span.id)
    backdate(main_ws, "tombstones", span.id, "deleted")
    other.update_span(span.id, end=15)
    other.close()
    (report,) = merge_workspaces(main_ws, [tmp_path / "amal.db"])
    assert main_ws.span(span.id).end == 15 and report.counts["spans_restored"] == 1


@pytest.mark.parametrize("bad", ["missing", "text", "damaged", "foreign", "itself", "invalid"])
def test_bad_files_change_nothing(tmp_path, main_ws, bad):
    good = laptop(tmp_path, main_ws)
    good.add_span("d0", "amal", 0, 8, "CLAIM")
    good.close()
    path = tmp_path / "bad.db"
    if bad == "text":
        path.write_text("not a database", encoding="utf-8")
    elif bad == "damaged":
        shutil.copy(tmp_path / "amal.db", path)
        data = bytearray(path.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)
        path.write_bytes(bytes(data))
    elif bad == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    elif bad == "itself":
        path = main_ws.path
    elif bad == "invalid":  # a span this workspace's schema does not allow
        shutil.copy(tmp_path / "amal.db", path)
        conn = sqlite3.connect(path)
        conn.execute(
            'INSERT INTO spans (id, doc_id, layer, start, "end", label, updated) '
            "VALUES ('x', 'd1', 'amal', 0, 3, 'PERSON', '2030-01-01')"
        )
        conn.commit()
        conn.close()
    before = snapshot(main_ws)
    with pytest.raises(InputError) as info:
        merge_workspaces(main_ws, [tmp_path / "amal.db", path])
    assert str(path) in str(info.value)
    assert snapshot(main_ws) == before


def test_assignment_is_balanced_deterministic_and_kept(main_ws, tmp_path):
    result = assign(main_ws, ["a", "b", "c"], overlap=0.5, seed=3)
    given = assignments(main_ws)
    assert result.documents == 6 and result.shared == 3
    assert sorted(len(v) for v in given.values()) == [1, 1, 1, 2, 2, 2]
    assert max(result.per_annotator.values()) - min(result.per_annotator.values()) <= 1
    again = Workspace(tmp_path / "again.db")
    again.import_records(
        DocumentRecord(text=t, path="t", id=f"d{n}") for n, t in enumerate(TEXTS[:6])
    )
    assign(again, ["a", "b", "c"], overlap=0.5, seed=3)
    assert assignments(again) == given
    assert assign(main_ws, ["a", "b", "c"], overlap=0.5, seed=3).documents == 0  # kept
    with pytest.raises(ValidationError, match="reserved"):
        assign(main_ws, ["a", "gold"])


def test_package_round_trip(tmp_path, main_ws):
    assign(main_ws, ["amal", "omar"], overlap=0.0, seed=1)
    mine = documents_for(main_ws, "amal")
    main_ws.add_span(mine[0], "omar", 0, 8, "CLAIM")
    count = make_package(main_ws, "amal", tmp_path / "amal-package.db")
    assert count == len(mine) == 3
    package = Workspace(tmp_path / "amal-package.db", who="amal")
    assert [d.id for d in package.documents()] == mine
    assert package.layers() == []  # nobody else's layer travels
    package.add_span(mine[0], "amal", 0, 8, "QUOTE")
    package.close()
    (report,) = merge_workspaces(main_ws, [tmp_path / "amal-package.db"])
    assert report.counts["spans_added"] == 1 and main_ws.spans(mine[0], "omar")
    with pytest.raises(InputError, match="already exists"):
        make_package(main_ws, "amal", tmp_path / "amal-package.db")
    with pytest.raises(ValidationError, match="no documents are assigned"):
        make_package(main_ws, "nobody", tmp_path / "x.db")


def test_a_file_from_an_older_version_merges_without_deletions(tmp_path, main_ws):
    """A schema-1 file has no tombstones: its spans come in, nothing of ours is deleted."""
    ours = main_ws.add_span("d0", "amal", 0, 8, "QUOTE")
    path = tmp_path / "old.db"
    old = schema_1_file(path)
    doc = main_ws.document("d0")
    old.execute(
        "INSERT INTO documents (id, title, text, sha256, created) VALUES (?,?,?,?,?)",
        ["old-d0", doc.title, doc.text, doc.sha256, "2020-01-01"],
    )
    old.execute("INSERT INTO layers VALUES ('amal', 'annotator', '2020-01-01')")
    old.execute(
        'INSERT INTO spans (id, doc_id, layer, start, "end", label, updated) '
        "VALUES ('old-span', 'old-d0', 'amal', 9, 12, 'CLAIM', '2020-01-01')"
    )
    old.commit()
    old.close()
    (report,) = merge_workspaces(main_ws, [path])
    assert report.counts["spans_added"] == 1
    assert {s.id for s in main_ws.spans("d0", "amal")} == {ours.id, "old-span"}


@pytest.mark.parametrize("seed", range(5))
def test_two_laptops_converge_whatever_they_did(tmp_path, main_ws, seed):
    """Random adds, edits and deletions on two copies; merging each into the other leaves
    both with the same spans and relations, and merging again changes nothing."""
    import random

    rng = random.Random(seed)
    for n in range(6):
        main_ws.add_span(f"d{n % 3}", "amal", n, n + 5, "QUOTE")
    main_ws._db.execute("UPDATE spans SET updated = '2000-01-01T00:00:00.000+00:00'")
    a, b = laptop(tmp_path, main_ws, "a"), laptop(tmp_path, main_ws, "b")
    for ws in (a, b):
        for _ in range(12):
            spans = [s for d in ("d0", "d1", "d2") for s in ws.spans(d, "amal")]
            roll = rng.random()
            if roll < 0.3 or not spans:
                start = rng.randrange(0, 40)
                ws.add_span(f"d{rng.randrange(3)}", "amal", start, start + 4, "SPEAKER")
            elif roll < 0.6:
                span = rng.choice(spans)
                ws.update_span(span.id, end=span.end + 1)
            elif roll < 0.8:
                ws.delete_span(rng.choice(spans).id)
            else:
                quotes = [s for s in spans if s.label == "QUOTE"]
                speakers = [s for s in spans if s.label == "SPEAKER"]
                pairs = [(q, s) for q in quotes for s in speakers if q.doc_id == s.doc_id]
                if pairs:
                    q, s = rng.choice(pairs)
                    if not any(r.child == s.id for r in ws.relations(q.doc_id, "amal")):
                        ws.add_relation(q.id, s.id, "said_by")
    merge_workspaces(a, [b.path])
    merge_workspaces(b, [a.path])

    def content(ws):
        rows = snapshot(ws)
        return rows["spans"], rows["relations"]

    assert content(a) == content(b)
    merge_workspaces(a, [b.path])  # b's merge may have deleted more (cascades): a learns that
    assert content(a) == content(b)
    before = snapshot(a)
    (report,) = merge_workspaces(a, [b.path])
    assert not report.changed and snapshot(a) == before
    a.close()
    b.close()


def test_the_same_span_under_another_id_is_not_duplicated(tmp_path, main_ws):
    """Two reviewers who adjudicated the same document on their own machines made the same
    gold spans with different ids: merging keeps one of each, and links follow it."""
    quote = main_ws.add_span("d0", "gold", 9, 15, "QUOTE", {"kind": "direct"})
    speaker = main_ws.add_span("d0", "gold", 0, 8, "SPEAKER")
    other = Workspace(tmp_path / "other.db", who="omar")
    other.import_records([DocumentRecord(text=TEXTS[0], path="t", id="x0")])
    their_quote = other.add_span("x0", "gold", 9, 15, "QUOTE", {"kind": "direct"})
    their_speaker = other.add_span("x0", "gold", 0, 8, "SPEAKER")
    other.add_relation(their_quote.id, their_speaker.id, "said_by")
    other.add_span("x0", "gold", 16, 20, "CLAIM")
    other.close()
    (report,) = merge_workspaces(main_ws, [tmp_path / "other.db"])
    assert report.spans_matched == 2 and report.counts["spans_added"] == 1
    assert {s.id for s in main_ws.spans("d0", "gold")} >= {quote.id, speaker.id}
    assert len(main_ws.spans("d0", "gold")) == 3
    [link] = main_ws.relations("d0", "gold")
    assert (link.head, link.child) == (quote.id, speaker.id)
    before = snapshot(main_ws)
    (again,) = merge_workspaces(main_ws, [tmp_path / "other.db"])
    assert not again.changed and snapshot(main_ws) == before


def test_an_adjudicated_document_stays_adjudicated(tmp_path, main_ws):
    other = laptop(tmp_path, main_ws, "rania")
    other.add_span("d0", "gold", 0, 8, "SPEAKER")
    other.set_status("d0", "gold", "in_progress")  # newer than ours below, but unfinished
    other.close()
    main_ws.set_status("d0", "gold", "adjudicated")
    main_ws._db.execute(  # ours is older: only the status rule can keep it
        "UPDATE doc_status SET updated = '2000-01-01T00:00:00.000+00:00' "
        "WHERE doc_id = 'd0' AND layer = 'gold'"
    )
    merge_workspaces(main_ws, [tmp_path / "rania.db"])
    assert main_ws.status("d0", "gold").value == "adjudicated"


def test_notes_travel_in_a_package_and_back_with_a_merge(tmp_path, main_ws):
    assign(main_ws, ["amal"], overlap=0.0, seed=1)
    doc = documents_for(main_ws, "amal")[0]
    main_ws.add_note(doc, "amal", "read the source again")
    make_package(main_ws, "amal", tmp_path / "amal-package.db")
    with Workspace(tmp_path / "amal-package.db", who="amal") as package:
        assert [n.text for n in package.notes(doc)] == ["read the source again"]
        span = package.add_span(doc, "amal", 0, 8, "CLAIM")
        package.add_note(doc, "amal", "minister or ministry?", span_id=span.id, flagged=True)
    merge_workspaces(main_ws, [tmp_path / "amal-package.db"])
    notes = main_ws.notes(doc, "amal")
    assert [(n.text, n.flagged, n.span_id) for n in notes] == [
        ("minister or ministry?", True, span.id),
        ("read the source again", False, None),
    ]
    (again,) = merge_workspaces(main_ws, [tmp_path / "amal-package.db"])
    assert not again.changed and len(main_ws.notes(doc)) == 2


def test_printed_decisions_name_the_label_and_words_not_the_ids(tmp_path, main_ws, capsys):
    from annotator.cli import main

    span = main_ws.add_span("d1", "amal", 0, 8, "CLAIM")
    link_head = main_ws.add_span("d1", "amal", 16, 20, "QUOTE")
    speaker = main_ws.add_span("d1", "amal", 21, 25, "SPEAKER")
    link = main_ws.add_relation(link_head.id, speaker.id, "said_by")
    other = laptop(tmp_path, main_ws)
    other.update_span(span.id, end=15)
    other.delete_relation(link.id)
    backdate(other, "spans", span.id)
    other.close()
    main_ws.update_span(span.id, label="QUOTE")
    main_ws.close()
    assert main(["--db", str(main_ws.path), "merge", str(tmp_path / "amal.db")]) == 0
    printed = capsys.readouterr().out
    lines = [ln.strip() for ln in printed.splitlines() if ln.startswith("  ")]
    assert lines and all(span.id not in ln and link.id not in ln for ln in lines)
    assert "amal · d1 · QUOTE «document»: kept this file's" in printed
    assert "amal · d1 · said_by link «1 sa»: took the other file's (deleted there" in printed
