"""A file dialog on the workspace's own folder must not open ws.db, -wal or -shm.

Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
included. Qt's default icon provider reads files whose name says nothing (``-wal``, ``-shm``)
to guess their type; another program closing its connection then believes nobody else has the
file open, checkpoints and deletes the write-ahead log, and the window's later tags go to a
deleted file that no other program sees. Checked here the way it hurts: a second process writes
and closes, the window tags, a third process must see the tag.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from tests.gui_files import modal, trigger

TYPE_COLUMN = 2


def descriptors_of(path: Path) -> int:
    """How many of this process's descriptors point at the workspace's files."""
    names = {str(path), f"{path}-wal", f"{path}-shm"}
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}") in names
        except OSError:
            continue
    return count


def other_process(db: Path, code: str) -> str:
    script = f"import sqlite3\nc = sqlite3.connect({str(db)!r})\n{code}\nc.close()\n"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_a_dialog_on_the_workspace_folder_keeps_sqlite_locks(qtbot, tmp_path):
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ws.import_records([DocumentRecord(text="نص المقال هنا للتجربة", path="a.txt", id="a")])
    window = create_window(db, "amal")
    qtbot.addWidget(window)
    ws = window.workspace
    doc = ws.documents()[0].id
    ws.add_span(doc, "amal", 0, 2, "QUOTE", {"kind": "direct"})
    assert {p.name for p in tmp_path.iterdir()} >= {"ws.db", "ws.db-wal", "ws.db-shm"}
    held = descriptors_of(db)

    trigger(window, "action_open_workspace")
    dialog = modal(qtbot, "openWorkspaceDialog")
    assert isinstance(dialog, QFileDialog)
    dialog.setNameFilter("All files (*)")
    model = dialog.findChild(QFileSystemModel)
    folder = model.index(str(tmp_path))
    names = {"ws.db", "ws.db-wal", "ws.db-shm"}

    def listed_with_types() -> bool:
        rows = [model.index(r, 0, folder) for r in range(model.rowCount(folder))]
        shown = {model.fileName(i) for i in rows}
        types = [model.data(model.index(r, TYPE_COLUMN, folder)) for r in range(len(rows))]
        return names <= shown and all(types)

    qtbot.waitUntil(listed_with_types)
    assert descriptors_of(db) == held  # nothing of the workspace opened while it is shown
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # Another program writes and closes; if our locks were gone it would drop the WAL.
    other_process(db, "c.execute(\"INSERT INTO settings VALUES ('probe', '1')\"); c.commit()")
    assert (tmp_path / "ws.db-wal").exists()
    tag = ws.add_span(doc, "amal", 3, 8, "SPEAKER", {"entity": "x"})
    seen = other_process(
        db,
        f"print(c.execute('SELECT count(*) FROM spans WHERE id = ?', [{tag.id!r}]).fetchone()[0])",
    )
    assert seen == "1"
    assert descriptors_of(db) == held
