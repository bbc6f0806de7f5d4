"""Helpers for driving the File menu's dialogs as a person would: find the dialog that is
open, type a path into Qt's own file dialog and press Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget


def modal(qtbot, name: str) -> QWidget:
    """The modal dialog named ``name`` once it is shown."""
    qtbot.waitUntil(
        lambda: (w := QApplication.activeModalWidget()) is not None and w.objectName() == name
    )
    return QApplication.activeModalWidget()


def answer_file_dialog(qtbot, name: str, path: Path | str) -> None:
    """Enter ``path`` into the file dialog ``name`` and press Enter."""
    dialog = modal(qtbot, name)
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    _enter(qtbot, dialog.findChild(QLineEdit, "fileNameEdit"), str(path))
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _enter(qtbot, edit: QLineEdit, text: str) -> None:
    # Typed key by key, the dialog's completer would take over at each "/"; the text is set
    # whole (as a paste would), Enter is a real key press.
    edit.setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def trigger(window, name: str) -> None:
    """Trigger the File menu's action ``name`` through the menu itself."""
    menu = window.file_menu
    action = next(a for a in menu.actions() if a.objectName() == name)
    assert action.isEnabled()
    action.trigger()
