"""The File menu driven as a person would: the action, Qt's own file dialog (a path typed and
Enter), the progress dialog; then the store is asked what it holds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from annotator.cli import main
from annotator.core.backups import list_backups
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.formats import registry
from annotator.gui import create_window
from annotator.recent import recent_workspaces
from tests.conftest import SEEDS
from tests.gui_files import answer_file_dialog, modal, trigger

ACTIONS = (
    "action_new_workspace",
    "action_open_workspace",
    "action_import",
    "action_export",
    "action_package",
    "action_merge",
    "action_restore",
    "action_switch_annotator",
)


def documents(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


@pytest.fixture
def window(qtbot, db_path):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text="نص أول للمقال", path="a.txt", id="a")])
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    window.show()
    return window


def current(window):
    """The window the session shows now (opening a workspace rebuilds it in place)."""
    return window.session.window


def test_every_file_action_is_in_the_file_menu(window):
    names = [a.objectName() for a in window.file_menu.actions()]
    for name in ACTIONS:
        assert name in names
    assert names[-1] == "quit"


def test_the_import_dialog_offers_every_format_the_registry_reads(qtbot, window):
    trigger(window, "action_import")
    dialog = modal(qtbot, "importFileDialog")
    offered = [f.split(" (")[0] for f in dialog.nameFilters()]
    assert set(registry.names("import")) <= set(offered)
    assert all(f"*{suffix}" in dialog.nameFilters()[0] for suffix in registry.import_suffixes())
    dialog.reject()


def articles_folder(tmp_path: Path) -> Path:
    """Three seed articles and a JSONL file of two, side by side in a folder of their own."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEEDS[:3]:
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "two.jsonl").write_text(
        "".join(json.dumps({"text": f"مقال رقم {i}"}) + "\n" for i in (1, 2)), encoding="utf-8"
    )
    return folder


def test_import_several_files_chosen_at_once_in_the_file_dialog(qtbot, window, db_path, tmp_path):
    """Click one file of a folder in the dialog's list and Ctrl+click two more (an article
    and a JSONL file), then Open: all are imported in one run. (Folders have their own
    action, File > Import a folder…; Qt's file dialog enters a folder instead of returning it
    with files, so several files and a folder at once is what a drop does, tested below.)"""
    folder = articles_folder(tmp_path)
    trigger(window, "action_import")
    dialog = modal(qtbot, "importFileDialog")
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFiles
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText(str(folder))  # typed (pasted) folder, Enter: the dialog goes there
    qtbot.keyClick(name, Qt.Key.Key_Return)
    view = dialog.findChild(QListView, "listView")
    wanted = [SEEDS[0].name, SEEDS[2].name, "two.jsonl"]

    def index_of(file_name: str):
        model, root = view.model(), view.rootIndex()
        for row in range(model.rowCount(root)):
            index = model.index(row, 0, root)
            if index.data() == file_name:
                return index
        return None

    qtbot.waitUntil(lambda: all(index_of(f) is not None for f in wanted))
    for number, file_name in enumerate(wanted):  # a click, then Ctrl+clicks
        rect = view.visualRect(index_of(file_name))
        held = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, held, rect.center())
    assert sorted(Path(f).name for f in dialog.selectedFiles()) == sorted(wanted)
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: documents(db_path) == 1 + 2 + 2)
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 5)
    assert "Imported 4 documents (0 already there)." in window.statusBar().currentMessage()


def test_import_a_folder(qtbot, window, db_path):
    trigger(window, "action_import_folder")
    answer_file_dialog(qtbot, "importFolderDialog", SEEDS[0].parent)
    qtbot.waitUntil(lambda: documents(db_path) == 1 + len(SEEDS))


def test_a_bad_line_is_the_cli_sentence_and_changes_nothing(
    qtbot, capsys, window, db_path, tmp_path
):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "جيد"}\n{"text": 5}\n', encoding="utf-8")
    trigger(window, "action_import")
    answer_file_dialog(qtbot, "importFileDialog", bad)
    box = modal(qtbot, "errorMessage")
    assert isinstance(box, QMessageBox)
    assert documents(db_path) == 1
    assert main(["--db", str(db_path), "import", str(bad)]) == 2
    assert capsys.readouterr().err == f"annotator: {box.text()}\n"
    assert "line 2" in box.text()


def test_cancelling_an_import_changes_nothing(qtbot, window, db_path, tmp_path):
    big = tmp_path / "many.jsonl"
    big.write_text(
        "".join(json.dumps({"text": f"مقال رقم {i}"}) + "\n" for i in range(20000)),
        encoding="utf-8",
    )
    run = window.session.file_menu.import_paths([str(big)])
    progress = run.dialog
    assert isinstance(progress, QProgressDialog) and progress.objectName() == "importProgress"
    with qtbot.waitSignal(run.cancelled, timeout=20000):
        qtbot.waitUntil(lambda: progress.value() > 0)
        button = progress.findChild(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert documents(db_path) == 1
    assert "nothing was changed" in window.statusBar().currentMessage()


def test_dropping_several_files_and_a_folder_on_the_article_imports_them_all(
    qtbot, window, db_path, tmp_path
):
    """A drag from a file manager carrying two files and a folder, dropped on the article.

    Qt's offscreen platform has no drag and drop (``QDrag.exec`` returns at once) and QTest
    has no drag helper, so the drag is the events Qt itself would deliver, sent through
    ``QApplication.sendEvent`` to the widget under the drop point (the article's viewport):
    enter, move, then drop, with one ``QMimeData`` holding every url."""
    folder = articles_folder(tmp_path)
    loose = tmp_path / "loose.txt"
    loose.write_text("مقال منفرد عن الاجتماع", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (SEEDS[3], loose, folder)])
    article = window.findChild(QWidget, "articleView")
    point = article.mapTo(window, article.rect().center())
    target = window.childAt(point)
    assert target is article.viewport()
    where = target.mapFrom(window, point)
    action = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(where, *action)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(where + QPoint(3, 3), *action)
    QApplication.sendEvent(target, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(where + QPoint(3, 3)), *action)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    # the seed, the loose article, and the folder's three articles and two JSONL lines
    qtbot.waitUntil(lambda: documents(db_path) == 1 + 1 + 1 + 3 + 2)
    assert window.article.toPlainText() == "نص أول للمقال"  # the drop inserted no text


def test_export_with_layer_status_and_file(qtbot, window, db_path, tmp_path):
    ws = window.workspace
    doc = ws.documents()[0].id
    ws.add_span(doc, "amal", 0, 2, "CLAIM", {"checkworthy": "yes"})
    ws.set_status(doc, "amal", "done")
    target = tmp_path / "out.jsonl"
    trigger(window, "action_export")
    dialog = modal(qtbot, "exportDialog")
    layer = dialog.findChild(QComboBox, "exportLayer")
    layer.setCurrentIndex(layer.findData("amal"))
    status = dialog.findChild(QComboBox, "exportStatus")
    status.setCurrentIndex(status.findData("done"))
    formats = dialog.findChild(QComboBox, "exportFormat")
    assert [formats.itemData(i) for i in range(formats.count())] == registry.names("export")
    assert formats.currentData() == "jsonl"
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportTargetChoose"), Qt.MouseButton.LeftButton)
    answer_file_dialog(qtbot, "exportFileDialog", target)
    assert dialog.findChild(QLineEdit, "exportTarget").text() == str(target)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    manifest = tmp_path / "out.jsonl.manifest.json"
    qtbot.waitUntil(manifest.exists)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(d["layer"], d["status"], len(d["spans"])) for d in lines] == [("amal", "done", 1)]
    assert json.loads(manifest.read_text(encoding="utf-8"))["spans"] == 1


def test_new_workspace_opens_in_the_same_place(qtbot, window, tmp_path):
    target = tmp_path / "fresh.db"
    trigger(window, "action_new_workspace")
    answer_file_dialog(qtbot, "newWorkspaceDialog", target)
    qtbot.waitUntil(lambda: current(window) is not window)
    fresh = current(window)
    qtbot.addWidget(fresh)
    assert fresh.isVisible() and not window.isVisible()
    assert fresh.workspace.path == target and target.exists()
    assert fresh.panel.model.rowCount() == 0
    assert fresh.annotator == "amal"


def test_open_workspace_and_the_recent_list(qtbot, window, db_path, tmp_path):
    other = tmp_path / "other.db"
    with Workspace(other) as ws:
        ws.import_records([DocumentRecord(text="نص آخر", path="b.txt", id="b")])
        ws.import_records([DocumentRecord(text="نص ثالث", path="c.txt", id="c")])
    trigger(window, "action_open_workspace")
    answer_file_dialog(qtbot, "openWorkspaceDialog", other)
    qtbot.waitUntil(lambda: current(window) is not window)
    second = current(window)
    qtbot.addWidget(second)
    assert second.panel.model.rowCount() == 2
    assert [p.resolve() for p in recent_workspaces()][:2] == [other.resolve(), db_path.resolve()]
    # Back to the first one through File > Open recent.
    second.session.file_menu.fill_recent_menu()
    recent = second.session.file_menu.recent_menu.actions()
    assert [a.text() for a in recent] == [str(db_path.resolve())]
    recent[0].trigger()
    third = current(window)
    qtbot.addWidget(third)
    assert third.workspace.path.resolve() == db_path.resolve() and third.panel.model.rowCount() == 1


def test_switch_annotator_is_explicit_and_remembered(qtbot, window, db_path):
    trigger(window, "action_switch_annotator")
    dialog = modal(qtbot, "switchAnnotatorDialog")
    assert isinstance(dialog, QInputDialog)
    edit = dialog.findChild(QLineEdit)
    edit.selectAll()
    qtbot.keyClicks(edit, "omar")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current(window) is not window)
    switched = current(window)
    qtbot.addWidget(switched)
    assert switched.annotator == "omar" and switched.layer == "omar"
    assert "omar" in switched.windowTitle()
    with Workspace(db_path, read_only=True) as ws:
        assert ws.setting("annotator") == "omar"


def test_merge_and_package(qtbot, window, db_path, tmp_path):
    from annotator.review.assign import assign

    ws = window.workspace
    assign(ws, ["omar"], 0.0, 0, False)
    package = tmp_path / "omar.db"
    trigger(window, "action_package")
    dialog = modal(qtbot, "packageDialog")
    dialog.findChild(QComboBox, "packageAnnotator").setCurrentText("omar")
    dialog.findChild(QLineEdit, "packageTarget").setText(str(package))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(package.exists)
    with Workspace(package, who="omar") as theirs:
        doc = theirs.documents()[0].id
        theirs.add_span(doc, "omar", 0, 2, "QUOTE", {"kind": "direct"})
    trigger(window, "action_merge")
    answer_file_dialog(qtbot, "mergeFileDialog", package)
    qtbot.waitUntil(lambda: "omar" in Workspace(db_path, read_only=True).layers())
    assert len(Workspace(db_path, read_only=True).spans(doc, "omar")) == 1


def test_restore_a_backup_reopens_in_place(qtbot, window, db_path):
    from annotator.core.backups import create_backup

    ws = window.workspace
    create_backup(ws._db.conn, db_path, "manual")
    doc = ws.documents()[0].id
    ws.add_span(doc, "amal", 0, 2, "QUOTE", {"kind": "direct"})
    trigger(window, "action_restore")
    dialog = modal(qtbot, "restoreDialog")
    backups = dialog.findChild(QListWidget, "backupList")
    row = next(i for i in range(backups.count()) if "manual" in backups.item(i).text())
    backups.setCurrentRow(row)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: current(window) is not window)
    qtbot.addWidget(current(window))
    with Workspace(db_path, read_only=True) as check:
        assert check.spans(doc, "amal") == []
    assert any(b.reason == "before-restore" for b in list_backups(db_path))


def test_note_deletions_and_unflagging_travel_back_with_merge(qtbot, window, db_path, tmp_path):
    """omar deletes one note and unflags another in his package, in his own window; merging
    the package back through the File menu carries both (today only additions travelled)."""
    from annotator.review.assign import assign

    ws = window.workspace
    assign(ws, ["omar"], 0.0, 0, False)
    with Workspace(db_path, who="omar") as as_omar:
        dropped = as_omar.add_note("a", "omar", "drop me", flagged=True)
        kept = as_omar.add_note("a", "omar", "unsure: minister or ministry?", flagged=True)
    package = tmp_path / "omar.db"
    trigger(window, "action_package")
    dialog = modal(qtbot, "packageDialog")
    dialog.findChild(QComboBox, "packageAnnotator").setCurrentText("omar")
    dialog.findChild(QLineEdit, "packageTarget").setText(str(package))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(package.exists)

    omar = create_window(package, "omar")
    qtbot.addWidget(omar)
    omar.show()
    notes = omar.findChild(QWidget, "notesPanel")
    rows = notes.findChild(QListWidget, "noteList")
    qtbot.waitUntil(lambda: rows.count() == 2)

    def choose(text: str) -> None:
        rows.setCurrentRow(next(i for i in range(rows.count()) if text in rows.item(i).text()))

    choose("drop me")
    qtbot.mouseClick(notes.findChild(QPushButton, "noteDelete"), Qt.MouseButton.LeftButton)
    choose("minister")
    qtbot.mouseClick(notes.findChild(QPushButton, "noteToggleFlag"), Qt.MouseButton.LeftButton)
    omar.close()
    with Workspace(package, read_only=True) as theirs:
        assert [(n.id, n.flagged) for n in theirs.notes("a")] == [(kept.id, False)]

    trigger(window, "action_merge")
    answer_file_dialog(qtbot, "mergeFileDialog", package)

    def merged() -> list[tuple[str, bool]]:
        with Workspace(db_path, read_only=True) as ours:
            return [(n.id, n.flagged) for n in ours.notes("a", "omar")]

    qtbot.waitUntil(lambda: merged() == [(kept.id, False)])
    assert dropped.id != kept.id
    # A note the reviewer deletes here afterwards stays deleted when the package, which
    # still holds it, is merged again.
    ws.delete_note(kept.id)
    assert main(["--db", str(db_path), "merge", str(package)]) == 0
    assert merged() == []


def test_gold_export_carries_the_annotators_notes_on_its_source_spans(
    qtbot, window, db_path, tmp_path
):
    """Exporting gold from the Export dialog: a gold span carries the notes annotators left on
    the spans it was decided from, and the line their document notes; a note on a span gold
    left out stays out."""
    from annotator.review.adjudicate import auto_adjudicate

    ws = window.workspace
    quote = ws.add_span("a", "amal", 0, 2, "QUOTE", {"kind": "direct"})
    left_out = ws.add_span("a", "amal", 3, 6, "SPEAKER", {})
    ws.add_note("a", "amal", "unsure: direct or mixed?", span_id=quote.id, flagged=True)
    ws.add_note("a", "amal", "not sure it is a speaker", span_id=left_out.id)
    with Workspace(db_path, who="omar") as as_omar:
        as_omar.add_span("a", "omar", 0, 2, "QUOTE", {"kind": "direct"})
        as_omar.add_note("a", "omar", "dateline missing")
    with Workspace(db_path, who="rev") as reviewer:
        auto_adjudicate(reviewer, doc_ids=["a"])
        (gold_quote,) = reviewer.spans("a", "gold")
        reviewer.add_note("a", "gold", "checked with the guideline", span_id=gold_quote.id)
    target = tmp_path / "gold.jsonl"
    trigger(window, "action_export")
    dialog = modal(qtbot, "exportDialog")
    layer = dialog.findChild(QComboBox, "exportLayer")
    layer.setCurrentIndex(layer.findData("gold"))
    dialog.findChild(QLineEdit, "exportTarget").setText(str(target))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(Path(f"{target}.manifest.json").exists)
    (line,) = [json.loads(row) for row in target.read_text(encoding="utf-8").splitlines()]
    assert [(n["author"], n["text"]) for n in line["notes"]] == [("omar", "dateline missing")]
    (span,) = line["spans"]
    assert span["id"] == gold_quote.id
    assert [(n["author"], n["text"], n["flagged"]) for n in span["notes"]] == [
        ("amal", "unsure: direct or mixed?", True),
        ("rev", "checked with the guideline", False),
    ]
    # Read back into another workspace and exported again, no note is doubled.
    again = tmp_path / "again.db"
    assert main(["--db", str(again), "import", str(target)]) == 0
    assert (
        main(["--db", str(again), "export", "--layer", "gold", "-o", str(tmp_path / "2.jsonl")])
        == 0
    )
    (line2,) = [
        json.loads(r) for r in (tmp_path / "2.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert line2["notes"] == line["notes"] and line2["spans"][0]["notes"] == span["notes"]
