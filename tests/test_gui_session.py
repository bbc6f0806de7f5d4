"""The window changes workspace, person and language in place, without a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.i18n import apply_language


def test_the_language_switch_applies_at_once(qtbot, db_path):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text="نص المقال", path="a.txt", id="a")])
        ws.set_setting("gui.language", "en")
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    window.show()
    assert window.file_menu.title() == "&File"
    try:
        arabic = window.findChild(type(window.window_actions.quit), "language_ar")
        arabic.trigger()
        switched = window.session.window
        qtbot.addWidget(switched)
        assert switched is not window and switched.isVisible() and not window.isVisible()
        assert switched.file_menu.title() != "&File"  # translated now, not at the next start
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert switched.panel.list.count() == 1 and switched.annotator == "amal"
        with Workspace(db_path, read_only=True) as ws:
            assert ws.setting("gui.language") == "ar"
    finally:
        apply_language(QApplication.instance(), "en")
