"""A write that fails while the window is in use (the disk full, the file locked by another
program past the busy timeout): one clear message, the screen shows exactly what the store
holds, and Edit > Undo stays in step with the store so the edit can simply be tried again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from annotator.core.tables import Writer
from annotator.core.workspace import Workspace

from . import test_gui_annotation
from .test_gui_annotation import (
    action,
    article,
    choose_speaker,
    open_window,
    pick,
    select,
    spans,
    tag,
)

db = test_gui_annotation.db  # the fixture: a workspace with that module's three articles


@contextmanager
def disk_full(monkeypatch: pytest.MonkeyPatch, ws: Workspace, only: str | None = None):
    """SQLite's own "disk full" error from inside the write transaction (after the rows were
    written, before the commit), for every write or for one kind of write."""
    log_many = Writer.log_many

    def failing(writer: Writer, entries) -> None:
        entries = list(entries)
        if only is None or any(entry[0] == only for entry in entries):
            raise sqlite3.OperationalError("database or disk is full")
        log_many(writer, entries)

    with monkeypatch.context() as patch:
        patch.setattr(Writer, "log_many", failing)
        yield


@contextmanager
def locked(path) -> Iterator[None]:
    """Another program holding the write lock for longer than the busy timeout."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def messages(window) -> list[str]:
    """Every status-bar message the window shows from now on."""
    shown: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and shown.append(text))
    return shown


def painted(window) -> set[str]:
    return set(article(window)._painted)


def stored(db) -> set[str]:
    saved, relations = spans(db)
    return {s.id for s in saved} | {r.id for r in relations}


def test_a_tag_the_disk_refuses_is_reported_once_and_not_painted(window_db):
    window, db, monkeypatch = window_db
    shown = messages(window)
    with disk_full(monkeypatch, window.workspace):
        select(window, "الرئيس بوتين")
        action(window, "tag_SPEAKER").trigger()
    assert len(shown) == 1 and "could not be saved" in shown[0] and "disk is full" in shown[0]
    assert window.form.error.text() == shown[0]
    assert stored(db) == set() and painted(window) == set() and window.selected is None
    assert window.undo_group.activeStack().count() == 0
    action(window, "tag_SPEAKER").trigger()  # once there is room, the same selection tags
    assert painted(window) == stored(db) == {window.selected}


def test_an_undo_or_redo_the_disk_refuses_keeps_the_history_in_step(window_db):
    window, db, monkeypatch = window_db
    span = tag(window, "الرئيس بوتين", "SPEAKER")
    stack = window.undo_group.activeStack()
    shown = messages(window)
    with disk_full(monkeypatch, window.workspace):
        action(window, "undo").trigger()
    assert len(shown) == 1 and "disk is full" in shown[0]
    assert painted(window) == stored(db) == {span}
    assert (stack.index(), stack.count(), stack.canUndo()) == (1, 1, True)
    action(window, "undo").trigger()
    assert painted(window) == stored(db) == set() and stack.index() == 0
    with disk_full(monkeypatch, window.workspace):
        action(window, "redo").trigger()
    assert painted(window) == stored(db) == set()
    assert (stack.index(), stack.canRedo()) == (0, True)
    action(window, "redo").trigger()
    assert painted(window) == stored(db) == {span} and stack.index() == 1


def test_moving_a_link_while_another_program_holds_the_lock_changes_nothing(window_db):
    window, db, _monkeypatch = window_db
    first = tag(window, "الرئيس بوتين", "SPEAKER")
    second = tag(window, "الرئيس يتحدث", "SPEAKER")
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    choose_speaker(window, "QUOTE", first)
    stack = window.undo_group.activeStack()
    before = stored(db)
    window.workspace._db.execute("PRAGMA busy_timeout = 50")  # the test need not wait 5 s
    shown = messages(window)
    with locked(db):
        pick(window, quote)
        choose_speaker(window, "QUOTE", second)
    assert len(shown) == 1 and "busy" in shown[0]
    assert stored(db) == before and stack.count() == 4
    assert window.state.linked_child(quote).id == first
    assert window.form.speaker_boxes["QUOTE"].currentData() == first
    choose_speaker(window, "QUOTE", second)  # the lock is gone: the same choice now works
    assert window.state.linked_child(quote).id == second and stack.count() == 5


def test_a_link_move_that_fails_half_way_leaves_the_old_link(window_db):
    """Moving a link is a delete and an add: the disk filling at the add undoes the delete."""
    window, db, monkeypatch = window_db
    first = tag(window, "الرئيس بوتين", "SPEAKER")
    second = tag(window, "الرئيس يتحدث", "SPEAKER")
    quote = tag(window, "القوات ستعود إلى قواعدها", "QUOTE")
    choose_speaker(window, "QUOTE", first)
    before = stored(db)
    with disk_full(monkeypatch, window.workspace, only="add_relation"):
        choose_speaker(window, "QUOTE", second)
    assert stored(db) == before
    assert window.state.linked_child(quote).id == first
    assert window.undo_group.activeStack().count() == 4


@pytest.fixture
def window_db(qtbot, db, monkeypatch):
    return open_window(qtbot, db), db, monkeypatch
