import sqlite3

import pytest

from annotator.core.errors import NotFoundError, ValidationError, WorkspaceError
from annotator.core.model import Status
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

TEXT = "قال الرئيسُ إن الاجتماع سيعقد في 14 يناير 𝔸 هنا"


@pytest.fixture
def doc_id(workspace: Workspace) -> str:
    workspace.import_records([DocumentRecord(text=TEXT, path="t.txt", id="t")])
    return "t"


def counts(ws: Workspace) -> tuple[int, ...]:
    return tuple(
        ws._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "spans", "relations", "events", "doc_status", "layers")
    )


def test_add_span_is_stored_logged_and_marks_progress(workspace, doc_id):
    span = workspace.add_span(doc_id, "amal", 4, 11, "SPEAKER", {"entity": "الرئيس"})
    assert workspace.spans(doc_id, "amal") == [span]
    assert TEXT[span.start : span.end] == "الرئيسُ"
    event = workspace.events(1)[0]
    assert (event["who"], event["action"]) == ("amal", "add_span")
    assert event["payload"]["span"]["id"] == span.id
    assert workspace.status(doc_id, "amal") is Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("start", "end", "label", "attrs", "message"),
    [
        (0, 999, "QUOTE", {}, "out of range"),
        (5, 5, "QUOTE", {}, "out of range"),
        (4, 10, "SPEAKER", {}, "split a character cluster"),
        (0, 3, "PERSON", {}, "Unknown label"),
        (0, 3, "QUOTE", {"kind": "sarcastic"}, "does not allow"),
        (0, 3, "QUOTE", {"tone": "x"}, "no attribute"),
        (0, 3, "DATE", {"value": "next week"}, "TIMEX3"),
    ],
)
def test_invalid_spans_are_refused_and_change_nothing(
    workspace, doc_id, start, end, label, attrs, message
):
    before = counts(workspace)
    with pytest.raises(ValidationError, match=message):
        workspace.add_span(doc_id, "amal", start, end, label, attrs)
    assert counts(workspace) == before


def test_span_may_not_cut_a_character_outside_the_bmp(workspace, doc_id):
    pos = TEXT.index("𝔸")
    span = workspace.add_span(doc_id, "amal", pos, pos + 1, "CLAIM")
    assert TEXT[span.start : span.end] == "𝔸"


@pytest.mark.parametrize(
    "value",
    [
        "2022-01-14",
        "2022-01",
        "XXXX-01-14",
        "P10D",
        "PT2H",
        "XXXX-WXX-4",
        "2022-01-13T09:00",
        "2022-W02",
        "PRESENT_REF",
        "19",  # a century (the twentieth), as TimeML writes it
        "196",  # a decade (the sixties)
        "2024-05-26TEV",
        "TDT",
    ],
)
def test_timex3_values_are_accepted(workspace, doc_id, value):
    workspace.add_span(doc_id, "amal", 33, 41, "DATE", {"type": "DATE", "value": value})


@pytest.mark.parametrize("value", ["1", "19999", "196Y", "TXX", "2024-5"])
def test_values_that_are_not_timex3_are_refused(workspace, doc_id, value):
    with pytest.raises(ValidationError):
        workspace.add_span(doc_id, "amal", 33, 41, "DATE", {"type": "DATE", "value": value})


def test_relation_rules(workspace, doc_id):
    quote = workspace.add_span(doc_id, "amal", 12, 41, "QUOTE", {"kind": "indirect"})
    speaker = workspace.add_span(doc_id, "amal", 4, 11, "SPEAKER")
    other_layer = workspace.add_span(doc_id, "omar", 4, 11, "SPEAKER")
    with pytest.raises(ValidationError, match="links QUOTE to SPEAKER"):
        workspace.add_relation(speaker.id, quote.id, "said_by")
    with pytest.raises(ValidationError, match="same document and layer"):
        workspace.add_relation(quote.id, other_layer.id, "said_by")
    rel = workspace.add_relation(quote.id, speaker.id, "said_by")
    with pytest.raises(ValidationError, match="already linked"):
        workspace.add_relation(quote.id, speaker.id, "said_by")
    with pytest.raises(ValidationError, match="links QUOTE to SPEAKER"):
        workspace.update_span(speaker.id, label="DATE")
    assert workspace.relations(doc_id, "amal") == [rel]


def test_delete_and_restore_keep_ids_and_relations(workspace, doc_id):
    quote = workspace.add_span(doc_id, "amal", 12, 41, "QUOTE")
    speaker = workspace.add_span(doc_id, "amal", 4, 11, "SPEAKER")
    rel = workspace.add_relation(quote.id, speaker.id, "said_by")
    span, rels = workspace.delete_span(speaker.id)
    assert rels == [rel]
    assert workspace.relations(doc_id, "amal") == []
    workspace.restore_span(span, rels)
    assert workspace.span(speaker.id) == speaker
    assert workspace.relations(doc_id, "amal") == [rel]


def test_update_span_moves_boundaries(workspace, doc_id):
    span = workspace.add_span(doc_id, "amal", 0, 3, "QUOTE")
    moved = workspace.update_span(span.id, start=4, end=11, attrs={"kind": "direct"})
    assert workspace.span(span.id) == moved
    assert (moved.start, moved.end, moved.attrs) == (4, 11, {"kind": "direct"})


def test_status_and_time(workspace, doc_id):
    workspace.set_status(doc_id, "amal", "done")
    workspace.add_time(doc_id, "amal", 12.5)
    workspace.add_time(doc_id, "amal", 2.5)
    assert workspace.status(doc_id, "amal") is Status.DONE
    assert workspace.seconds_spent(doc_id, "amal") == 15.0
    with pytest.raises(ValidationError, match="Unknown status"):
        workspace.set_status(doc_id, "amal", "finished")


def test_unknown_ids(workspace, doc_id):
    with pytest.raises(NotFoundError):
        workspace.add_span("nope", "amal", 0, 1, "QUOTE")
    with pytest.raises(NotFoundError):
        workspace.delete_span("nope")


def test_bad_layer_names_are_refused(workspace, doc_id):
    with pytest.raises(ValidationError, match="Layer name"):
        workspace.add_span(doc_id, "../etc", 0, 3, "QUOTE")


def test_event_log_is_append_only(workspace, doc_id):
    workspace.add_span(doc_id, "amal", 0, 3, "QUOTE")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        workspace._db.execute("DELETE FROM events")


def test_publication_date(workspace, doc_id):
    workspace.set_published(doc_id, "2022-01-13T10:00:00")
    assert workspace.document(doc_id).published == "2022-01-13"
    with pytest.raises(ValidationError, match="ISO date"):
        workspace.set_published(doc_id, "13/01/2022")


def test_foreign_or_damaged_files_are_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(WorkspaceError, match="not an annotator workspace"):
        Workspace(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"hello, this is not sqlite at all")
    with pytest.raises(WorkspaceError, match="not a SQLite file"):
        Workspace(junk)


def test_newer_schema_is_refused(db_path):
    Workspace(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace(db_path)


def test_locked_workspace_fails_clearly_and_waits_first(workspace, doc_id, monkeypatch):
    import annotator.core.store as store

    blocker = sqlite3.connect(workspace.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        workspace._db.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(WorkspaceError, match="is busy: another program kept it locked"):
            workspace.add_span(doc_id, "amal", 0, 3, "QUOTE")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert workspace.spans(doc_id, "amal") == []
    assert store.BUSY_TIMEOUT_MS >= 1000


def test_attribute_values_lists_entities_used_anywhere(seeded):
    doc_ids = [d.id for d in seeded.documents()]
    seeded.add_span(doc_ids[0], "amal", 0, 5, "SPEAKER", {"entity": "بوتين"})
    seeded.add_span(doc_ids[1], "omar", 0, 5, "SPEAKER", {"entity": "Tokayev"})
    seeded.add_span(doc_ids[1], "omar", 6, 9, "SPEAKER", {"entity": "بوتين"})
    seeded.add_span(doc_ids[1], "omar", 10, 12, "SPEAKER")
    assert seeded.attribute_values("SPEAKER", "entity") == ["Tokayev", "بوتين"]
    assert seeded.attribute_values("QUOTE", "kind") == []


def test_spans_fast_reads_exactly_what_spans_reads(seeded):
    doc_id = seeded.documents()[0].id
    seeded.add_span(doc_id, "amal", 10, 14, "DATE", {"value": "2022-01-14"})
    seeded.add_span(doc_id, "amal", 0, 5, "SPEAKER", provenance={"model": "x"}, confidence=0.5)
    seeded.add_span(doc_id, "amal", 0, 5, "QUOTE")
    seeded.add_span(doc_id, "omar", 0, 5, "QUOTE")
    first = seeded.spans_fast(doc_id, "amal")
    assert list(first.values()) == seeded.spans(doc_id, "amal")
    assert len(first) == 3
    date = next(s for s in first.values() if s.label == "DATE")
    seeded.update_span(date.id, attrs={"value": "2022-01-15"})
    again = list(seeded.spans_fast(doc_id, "amal", first).values())
    assert again == seeded.spans(doc_id, "amal")
    assert [s is t for s, t in zip(again, first.values(), strict=True)] == [
        s.id != date.id for s in again
    ]
