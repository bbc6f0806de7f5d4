"""The schema editor driven as a person would: open it from the menu, add a label with its
key, confirm; the window has the new label's action at once and its key tags text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from annotator.core.schema import LabelSchema
from annotator.core.workspace import Workspace
from annotator.gui.schema_editor import ATTRIBUTES, KEYS, NAME, SchemaEditor

from . import test_gui_annotation
from .test_gui_annotation import ARTICLE, action, article, select, spans

db = test_gui_annotation.db  # the fixture: a workspace with that module's three articles
window = test_gui_annotation.window


def type_into_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Double-click the cell, type over its text, and Tab out of it (which commits it)."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    (editor,) = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert table.item(row, column).text() == text


def open_editor(window, qtbot) -> SchemaEditor:
    action(window, "action_edit_schema").trigger()
    editor = window.findChild(SchemaEditor, "schemaEditor")
    qtbot.waitExposed(editor)
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def confirm(editor, qtbot) -> None:
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(editor.confirm)
    yes = editor.confirm.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)


def test_adding_a_label_in_the_editor_gives_its_action_and_key_at_once(window, db, qtbot):
    editor = open_editor(window, qtbot)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.table.rowCount() - 1
    type_into_cell(qtbot, editor.table, row, NAME, "EVENT")
    type_into_cell(qtbot, editor.table, row, KEYS, "E")
    type_into_cell(qtbot, editor.table, row, ATTRIBUTES, "type: protest/election")
    confirm(editor, qtbot)
    qtbot.waitUntil(lambda: not editor.isVisible())

    with Workspace(db) as ws:
        assert "EVENT" in ws.schema.labels
        assert ws.schema.labels["EVENT"].attributes["type"].values == ("protest", "election")
    tag_event = action(window, "tag_EVENT")
    assert tag_event.shortcuts()[0].toString() == "E"
    assert window.findChild(object, "labelButton_EVENT") is not None
    assert window.findChild(object, "attr_EVENT_type") is not None

    qtbot.waitUntil(window.isActiveWindow)
    select(window, "بوتين")
    qtbot.keyClick(article(window), Qt.Key.Key_E)
    saved, _ = spans(db)
    assert [(s.label, ARTICLE[s.start : s.end]) for s in saved] == [("EVENT", "بوتين")]
    assert article(window).colors["EVENT"] == "#cccccc"


def test_renaming_a_label_with_spans_relabels_them_after_confirmation(window, db, qtbot):
    select(window, "بوتين")
    qtbot.keyClick(article(window), Qt.Key.Key_C)
    editor = open_editor(window, qtbot)
    row = list(window.schema.labels).index("CLAIM")
    type_into_cell(qtbot, editor.table, row, NAME, "ASSERTION")
    confirm(editor, qtbot)
    qtbot.waitUntil(lambda: not editor.isVisible())
    saved, _ = spans(db)
    assert [s.label for s in saved] == ["ASSERTION"]
    names = {a.objectName() for a in window.actions()}
    assert "tag_ASSERTION" in names and "tag_CLAIM" not in names
    assert action(window, "tag_ASSERTION").isEnabled()


def test_a_refused_schema_shows_why_and_changes_nothing(window, db, qtbot):
    editor = open_editor(window, qtbot)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.table.rowCount() - 1
    type_into_cell(qtbot, editor.table, row, KEYS, "Q")  # QUOTE's key already
    qtbot.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert "shortcut Q" in editor.error.text()
    assert editor.isVisible() and not editor.confirm.isVisible()
    with Workspace(db) as ws:
        assert list(ws.schema.labels) == ["QUOTE", "SPEAKER", "DATE", "CLAIM"]


def test_a_schema_set_by_another_program_shows_after_a_refresh(window, db, qtbot):
    window.external_timer.stop()  # this test is about F5 alone
    with Workspace(db) as other:
        data = other.schema.to_dict()
        data["labels"]["EVENT"] = {"color": "#e06666", "shortcuts": ["E"]}
        other.set_schema(LabelSchema.from_dict(data))
    names = {a.objectName() for a in window.actions()}
    assert "tag_EVENT" not in names
    action(window, "refresh").trigger()
    assert action(window, "tag_EVENT").isEnabled()
    assert article(window).colors["EVENT"] == "#e06666"


def test_removing_a_label_that_has_spans_is_refused_with_the_count(window, db, qtbot):
    select(window, "بوتين")
    qtbot.keyClick(article(window), Qt.Key.Key_C)
    editor = open_editor(window, qtbot)
    editor.table.setCurrentCell(list(window.schema.labels).index("CLAIM"), NAME)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    confirm(editor, qtbot)
    assert "1 span" in editor.error.text() and "CLAIM" in editor.error.text()
    assert editor.isVisible()
    with Workspace(db) as ws:
        assert "CLAIM" in ws.schema.labels
    assert action(window, "tag_CLAIM").isEnabled()


def test_removing_an_unused_label_takes_its_relation_and_action_away(window, db, qtbot):
    editor = open_editor(window, qtbot)
    editor.table.setCurrentCell(list(window.schema.labels).index("CLAIM"), NAME)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    confirm(editor, qtbot)
    qtbot.waitUntil(lambda: not editor.isVisible())
    with Workspace(db) as ws:
        assert list(ws.schema.labels) == ["QUOTE", "SPEAKER", "DATE"]
        assert list(ws.schema.relations) == ["said_by"]
    assert "tag_CLAIM" not in {a.objectName() for a in window.actions()}
