"""Guarantee 2 in the window: edits another program makes (the CLI, a second window) appear on
F5, when the window regains focus and on a cheap periodic check, and the window keeps its
selection and the undo history of every span the other program left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.model import Status
from annotator.core.records import DocumentRecord
from annotator.core.watch import ExternalChanges
from annotator.core.workspace import Workspace

from . import test_gui_annotation
from .test_gui_annotation import ARTICLE, action, article, open_window, spans, tag

db = test_gui_annotation.db  # the fixture: a workspace with that module's three articles


def test_data_version_tells_other_connections_commits_from_ones_own(db: Path):
    mine, other = Workspace(db, who="amal"), Workspace(db, who="omar")
    watch = ExternalChanges(mine)
    mine.add_span("a", "amal", 0, 6, "SPEAKER")
    assert not watch.changed()  # its own writes are already shown
    other.add_span("a", "omar", 0, 6, "SPEAKER")
    assert watch.changed()
    assert not watch.changed()  # told once
    mine.close()
    other.close()


def painted(window) -> set[str]:
    return set(article(window)._painted)


def test_f5_shows_another_programs_edits_keeping_selection_and_undo(qtbot, db):
    window = open_window(qtbot, db)
    window.external_timer.stop()  # this test is about F5 alone
    mine = tag(window, "الرئيس بوتين", "SPEAKER")
    with Workspace(db, who="amal") as other:  # a second window of the same annotator
        start = ARTICLE.index("14 يناير")
        theirs = other.add_span("a", "amal", start, start + len("14 يناير"), "DATE")
        other.set_status("b", "amal", Status.DONE)
        other.import_records([DocumentRecord(text="خبر رابع\nنص جديد.", path="d.txt", id="d")])
    assert theirs.id not in painted(window)
    qtbot.keyClick(article(window), Qt.Key.Key_F5)
    assert painted(window) == {mine, theirs.id}
    assert window.table.span_model().rowCount() == 2
    assert window.selected == mine and window.form.heading.text() == "Speaker"
    assert window.panel.order() == ["a", "b", "c", "d"]
    assert window.panel.progress_label.text() == "1 of 4 done"
    assert window.current_document() == "a"
    action(window, "undo").trigger()  # undoes my tag, not their date
    assert [s.id for s in spans(db)[0]] == [theirs.id]
    assert painted(window) == {theirs.id}


def test_the_periodic_check_shows_changes_without_any_action(qtbot, db, tmp_path):
    window = open_window(qtbot, db)
    with Workspace(db, who="amal") as other:
        theirs = other.add_span("a", "amal", 0, 6, "CLAIM").id
        other.set_published("a", "2022-01-13")
    qtbot.waitUntil(lambda: theirs in painted(window), timeout=5000)
    assert window.header.published.text() == "2022-01-13"
    new = tmp_path / "new.txt"
    new.write_text("خبر من سطر الأوامر\nنص.", encoding="utf-8")
    imported = subprocess.run(  # the real CLI, while the window is open
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(new)],
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    qtbot.waitUntil(lambda: len(window.panel.order()) == 4, timeout=5000)
    assert window.current_document() == "a" and theirs in painted(window)
    assert window.suggestion_review.pending == []
    suggested = subprocess.run(  # pre-annotation by the CLI: the window's panels follow too
        [sys.executable, "-m", "annotator", "--db", str(db), "suggest", "--labels", "DATE"],
        capture_output=True,
        text=True,
    )
    assert suggested.returncode == 0, suggested.stderr
    qtbot.waitUntil(lambda: window.suggestion_review.pending != [], timeout=5000)
    assert "14 يناير" in [ARTICLE[s.start : s.end] for s in window.suggestion_review.pending]


def test_a_second_window_edits_show_when_the_first_regains_focus(qtbot, db):
    first = open_window(qtbot, db)
    first.external_timer.stop()  # only regaining focus may refresh it
    second = open_window(qtbot, db)
    second.external_timer.stop()
    assert not first.isActiveWindow()
    theirs = tag(second, "القوات ستعود إلى قواعدها", "QUOTE")
    assert theirs not in painted(first)
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    assert theirs in painted(first)
    assert first.table.span_model().row_of(theirs) == 0


def test_undo_of_a_span_another_program_deleted_reports_and_keeps_the_rest(qtbot, db):
    window = open_window(qtbot, db)
    window.external_timer.stop()
    kept = tag(window, "الرئيس بوتين", "SPEAKER")
    gone = tag(window, "14 يناير", "DATE")
    with Workspace(db, who="amal") as other:
        other.delete_span(gone)
    action(window, "refresh").trigger()
    assert painted(window) == {kept} and window.selected is None
    action(window, "undo").trigger()  # the DATE's tag: nothing left to undo in the store
    assert "No span" in window.statusBar().currentMessage()
    assert window.undo_group.activeStack().count() == 1
    action(window, "undo").trigger()  # the SPEAKER's tag still undoes
    assert spans(db)[0] == []
    assert painted(window) == set()


def test_a_file_that_cannot_be_read_again_is_reported_not_raised(qtbot, db, monkeypatch):
    """The check runs every second: damage found then is a message, not an error per tick."""
    import sqlite3

    window = open_window(qtbot, db)
    mine = tag(window, "الرئيس بوتين", "SPEAKER")

    def damaged(*_args: object) -> list:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(window.workspace, "document", damaged)
    action(window, "refresh").trigger()
    assert "could not be read again" in window.statusBar().currentMessage()
    assert "malformed" in window.statusBar().currentMessage()
    assert painted(window) == {mine}
