"""A 20,000-article workspace: edits, switches and the document list stay local.

Counted, not timed: each action runs under a meter that records every SQL statement (with
its query plan) and the SQLite VM steps spent, and the test fails if a statement reads a
corpus table whole or the steps grow like the corpus (a scan of 20,000 documents or 60,000
spans costs hundreds of thousands of steps; a local edit a few thousand).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit

from annotator.core import catalog
from annotator.core.catalog import ListQuery, Sort
from annotator.core.changes import Change
from annotator.core.commands import SetStatus
from annotator.core.document_state import DocumentState
from annotator.core.model import Status
from annotator.core.watch import ExternalChanges
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.document_list import ID_ROLE, PAGE, STATUS_ROLE, DocumentListModel
from tests.scale_helpers import CORPUS, build_corpus, metered

# Far below one pass over the corpus (>= 20,000 rows x several steps each).
LOCAL_STEPS = 20_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus") / "corpus.db")


@pytest.fixture
def db(corpus: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "workspace.db"
    shutil.copyfile(corpus, copy)
    return copy


def assert_local(meter, conn) -> None:
    assert meter.full_scans(conn) == []
    assert meter.steps < LOCAL_STEPS, meter.statements


def test_switching_tagging_undoing_and_status_read_one_document(db):
    with Workspace(db, who="amal") as ws:
        conn = ws._db.conn
        told: list[Change] = []
        ws.subscribe(told.append)
        doc_id = "doc15000"
        with metered(conn) as switch:
            doc = ws.document(doc_id)
            state = DocumentState.load(ws, doc_id, "amal", doc.text, None)
        assert_local(switch, conn)
        assert len(state.spans) == 2
        with metered(conn) as tag:
            span = ws.add_span(doc_id, "amal", 8, 14, "QUOTE")
            change = told[-1]
            DocumentState.load(ws, doc_id, "amal", doc.text, state)
        assert_local(tag, conn)
        assert change.doc_ids == {doc_id} and change.layer == "amal"
        with metered(conn) as undo:
            ws.delete_span(span.id)
        assert_local(undo, conn)
        with metered(conn) as status:
            ws.set_status(doc_id, "amal", Status.DONE)
            figures = catalog.progress(ws.query, "amal", CORPUS)
            change = told[-1]
        assert_local(status, conn)
        assert figures == catalog.Progress(1, CORPUS)
        assert change.doc_ids == {doc_id}


def test_list_pages_search_go_to_and_next_unfinished_are_queries(db):
    with Workspace(db, who="amal") as ws:
        conn, read = ws._db.conn, ws.query
        query = ListQuery("amal")
        with metered(conn) as meter:
            first = catalog.page(read, query, None, PAGE)
            second = catalog.page(read, query, (first[-1].key, first[-1].rowid), PAGE)
            found = catalog.page(read, ListQuery("amal", search="اسرائيل"), None, PAGE)
            here = catalog.rowid_of(read, "doc19999")
            following = catalog.next_unfinished(read, "amal", "doc19999")
        assert_local(meter, conn)
        assert [r.doc_id for r in first[:2]] == ["doc00000", "doc00001"]
        assert second[0].doc_id == f"doc{PAGE:05d}"
        assert found and all("إسرائيل" in ws.document(r.doc_id).text for r in found[:20])
        assert here is not None and following == "doc00000"  # wraps round
        ws.set_status("doc00000", "amal", Status.DONE)
        assert catalog.next_unfinished(read, "amal", "doc19999") == "doc00001"
        titles = catalog.page(read, ListQuery("amal", sort=Sort.TITLE), None, 3)
        assert [r.title for r in titles] == sorted(r.title for r in titles)
        done = catalog.page(read, ListQuery("amal", status="done"), None, PAGE)
        assert [r.doc_id for r in done] == ["doc00000"]


def test_another_programs_edits_are_read_back_from_the_last_seen_event(db):
    with Workspace(db, who="amal") as ws:
        conn = ws._db.conn
        watch = ExternalChanges(ws)
        with Workspace(db, who="omar") as other:
            other.set_status("doc00042", "omar", Status.DONE)
            other.set_status("doc12345", "amal", Status.IN_PROGRESS)
        with metered(conn) as meter:
            change = watch.changed()
        assert_local(meter, conn)
        assert change is not None and not change.whole_workspace
        assert change.doc_ids == {"doc00042", "doc12345"}
        assert watch.changed() is None


# ---------------------------------------------------------------------------- the window
@pytest.fixture
def window(qtbot, db):
    window = create_window(db, "amal")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_page_keys_name_the_rows_of_a_page_reading_the_search_index_alone(db):
    """What a keystroke reads to learn which documents the list's first page shows: the same
    rows as a page of titles, in the same order, and for a search in import order nothing but
    the search index (a document's row holds its whole text)."""
    with Workspace(db, who="amal") as ws:
        conn, read = ws._db.conn, ws.query
        ws.set_status("doc00003", "amal", Status.DONE)
        for query in (
            ListQuery("amal", search="اسرائيل مدين"),
            ListQuery("amal", search="خبر", sort=Sort.TITLE),
            ListQuery("amal", search="خبر", status="done"),
            ListQuery("amal", sort=Sort.EDITED),
            ListQuery("amal"),
        ):
            rows = catalog.page(read, query, None, PAGE)
            after = (rows[1].key, rows[1].rowid) if len(rows) > 2 else None
            following = catalog.page(read, query, after, PAGE)
            assert catalog.page_keys(read, query, None, PAGE) == [(r.key, r.rowid) for r in rows]
            keys_after = catalog.page_keys(read, query, after, PAGE)
            assert keys_after == [(r.key, r.rowid) for r in following], query
        with metered(conn) as search:
            keys = catalog.page_keys(read, ListQuery("amal", search="اسرائيل مدين"), None, PAGE)
        assert len(keys) == PAGE
        assert_local(search, conn)
        assert all(
            " documents " not in sql and "doc_status" not in sql for sql in search.statements
        )


def test_window_edits_repaint_one_row_without_walking_the_corpus(window, qtbot):
    conn = window.workspace._db.conn
    listing = window.findChild(QAbstractItemView, "documentList")
    model = listing.model()
    assert model.rowCount() == CORPUS  # the whole answer, read a page at a time
    assert len(model._pages) <= 2
    window.panel.select("doc00007")
    view = window.article
    view.select_offsets(8, 14)
    window.window_actions.tag["QUOTE"].trigger()  # a first tag, outside the meters
    repainted: list[int] = []
    model.dataChanged.connect(
        lambda top, bottom: repainted.extend(range(top.row(), bottom.row() + 1))
    )

    with metered(conn) as switch:
        window.panel.select("doc00003")
    assert_local(switch, conn)
    assert window.doc.id == "doc00003"
    with metered(conn) as tag:
        view.select_offsets(8, 14)
        window.window_actions.tag["QUOTE"].trigger()
    assert_local(tag, conn)
    assert repainted == [3]
    assert model.index(3).data(STATUS_ROLE) == "in_progress"
    with metered(conn) as undo:
        window.undo_action.trigger()
    assert_local(undo, conn)
    with metered(conn) as status:
        window._push(SetStatus(window.workspace, "doc00003", "amal", Status.DONE))
    assert_local(status, conn)
    assert model.index(3).data(STATUS_ROLE) == "done"
    assert window.findChild(QLabel, "documentProgress").text() == f"1 of {CORPUS:,} done"
    with metered(conn) as near:
        window.panel.select("doc01500")  # further down: its row is marked at once
    assert_local(near, conn)
    assert listing.currentIndex().data(ID_ROLE) == "doc01500"
    box = window.findChild(QLineEdit, "documentFilter")
    box.setText("doc19990")
    with metered(conn) as far:
        qtbot.keyClick(box, Qt.Key.Key_Return)  # go to a document far down by its id
    assert window.doc.id == "doc19990"
    assert listing.currentIndex().data(ID_ROLE) == "doc19990"  # marked, read by a page
    assert far.full_scans(conn) == []


def test_speaker_entities_are_read_off_the_ui_thread_when_the_field_is_entered(window, qtbot):
    """The span form completes a SPEAKER's entity from every entity used so far: a pass over
    every SPEAKER span of the corpus, which the first tag of a speaker waited for (a second
    and more at 100,000 articles). A tag reads nothing of other documents; entering the
    entity field reads them once, off the UI thread, on a connection of its own."""
    with Workspace(window.workspace.path, who="omar") as other:  # another program, before
        other.add_span("doc12345", "omar", 4, 7, "SPEAKER", {"entity": "Tokayev"})
    conn = window.workspace._db.conn
    window.panel.select("doc00003")
    with metered(conn) as tag:
        window.article.select_offsets(8, 14)
        window.window_actions.tag["SPEAKER"].trigger()
    assert_local(tag, conn)
    entity = window.findChild(QLineEdit, "attr_SPEAKER_entity")
    entity.setText("فلاديمير بوتين")
    entity.editingFinished.emit()  # saved: it joins the completions at once
    assert entity.completer().model().stringList() == ["فلاديمير بوتين"]
    with metered(conn) as entered:
        qtbot.mouseClick(entity, Qt.MouseButton.LeftButton)  # into the field
        qtbot.waitUntil(lambda: len(entity.completer().model().stringList()) == 2)
    assert entered.full_scans(conn) == []  # read on the reading thread's connection
    assert entity.completer().model().stringList() == ["Tokayev", "فلاديمير بوتين"]


def test_switching_to_far_documents_reads_a_page_for_each(window):
    """Opening a document anywhere marks its row (found by arithmetic in import order) and
    reads the titles of the page the view then shows, not the rows on the way: before, such
    a switch fetched up to 2,000 more rows, or left the list unmarked further down."""
    model = window.panel.model
    conn = window.workspace._db.conn
    for doc_id in ("doc19990", "doc07000", "doc15000", "doc04000", "doc00350"):
        pages = model.pages_read
        with metered(conn) as reach:
            window.panel.document_selected.emit(doc_id)  # as a click or "go to" does
            window.panel.list.viewport().repaint()
        assert window.doc.id == doc_id
        assert window.panel.current_document() == doc_id
        assert_local(reach, conn)
        assert model.pages_read - pages <= 2  # the rows on screen: one page, or two in part
    assert model.rowCount() == CORPUS


def test_filter_box_searches_title_and_text_with_arabic_folding(window, qtbot):
    conn = window.workspace._db.conn
    box = window.findChild(QLineEdit, "documentFilter")
    model = window.findChild(QAbstractItemView, "documentList").model()
    with metered(conn) as meter:
        box.setText("اسرائيل مدينه")  # typed without hamza and with ه for ة
    assert meter.full_scans(conn) == []
    ids = [model.index(i).data(ID_ROLE) for i in range(min(model.rowCount(), 30))]
    assert ids
    with Workspace(window.workspace.path, read_only=True) as ws:
        for doc_id in ids:
            text = ws.document(doc_id).text
            assert "إسرائيل" in text and "مدينة" in text
    box.clear()
    with metered(conn) as first_letters:  # too short to search: the list stays as it is
        box.insert("ا")
        box.insert("ل")
    assert first_letters.statements == []
    assert model.rowCount() == CORPUS
    box.setText("خبر رقم 12345")
    assert [model.index(i).data(ID_ROLE) for i in range(model.rowCount())] == ["doc12345"]
    box.setText("doc15000")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter on a document id opens it
    assert window.doc.id == "doc15000"


def test_document_list_model_passes_the_model_tester(qtmodeltester, db):
    with Workspace(db, who="amal") as ws:
        model = DocumentListModel(ws.query, ListQuery("amal"))
        qtmodeltester.check(model)
        assert model.rowCount() == CORPUS
        assert model.index(CORPUS - 1).data(ID_ROLE) == f"doc{CORPUS - 1:05d}"
        model.set_query(ListQuery("amal", search="اسرائيل", sort=Sort.TITLE))
        qtmodeltester.check(model)
        assert model.rowCount() == catalog.count(ws.query, model.query)


def test_corpus_commands_give_the_same_answer_batch_by_batch(tmp_path, monkeypatch):
    """Export, agreement and auto-adjudication read a batch of documents at a time; a batch
    of one document must give exactly what one batch of everything gives."""
    from annotator.formats import jsonl, selection
    from annotator.review import adjudicate, agreement

    small = tmp_path / "small.db"
    build_corpus(small, 30)
    results = []
    for batch in (1000, 1):
        monkeypatch.setattr(agreement, "BATCH", batch)
        monkeypatch.setattr(adjudicate, "BATCH", batch)
        copy = tmp_path / f"copy{batch}.db"
        shutil.copyfile(small, copy)
        with Workspace(copy, who="amal") as ws:
            out = tmp_path / f"amal{batch}.jsonl"
            jsonl.write_documents(selection.select(ws, "amal", batch_size=batch), out)
            report = agreement.compute_agreement(ws).to_json()
            adjudicated = adjudicate.auto_adjudicate(ws)
            gold_out = tmp_path / f"gold{batch}.jsonl"
            jsonl.write_documents(selection.select(ws, "gold", batch_size=batch), gold_out)
            gold = ws.spans_by_document("gold")
            results.append(
                (
                    out.read_text(encoding="utf-8"),
                    report,
                    adjudicated.per_document,
                    {d: [(s.start, s.end, s.label) for s in spans] for d, spans in gold.items()},
                    [  # span ids are new each run: who decided, and from whose layers
                        (line["id"], line["adjudicator"], line["annotators"], line["status"])
                        for line in map(json.loads, gold_out.read_text("utf-8").splitlines())
                    ],
                )
            )
    assert results[0] == results[1]
    assert len(results[0][0].splitlines()) == 30 and len(results[0][3]) == 30
