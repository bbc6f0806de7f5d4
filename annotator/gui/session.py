"""The session: which workspace the window shows, who works in it, and in which role.

Opening another workspace, switching annotator, restoring a backup or changing the interface
language rebuild the window in place (same place and size, no restart): every view of the
window belongs to one workspace and one person, so a fresh window is simpler and safer than
re-pointing each of them. The old window closes only after the new one is shown, which saves
its view state and closes its connection.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.app import open_workspace
from annotator.core.errors import AnnotatorError
from annotator.core.workflow import annotator_layer
from annotator.core.workspace import Workspace
from annotator.gui.corpus_runs import CorpusRuns
from annotator.gui.daily_backup import DailyBackup
from annotator.gui.drop_import import DropImport
from annotator.gui.file_menu import FileMenu
from annotator.gui.i18n import apply_language
from annotator.gui.main_window import LANGUAGE_KEY, MainWindow
from annotator.recent import remember_workspace

ANNOTATOR_KEY = "annotator"


class Session(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.window: MainWindow | None = None
        self.file_menu: FileMenu | None = None
        # A language picked in this session wins over the workspace's setting, which a
        # read-only workspace cannot store.
        self.language: str | None = None

    def show(self, workspace: Workspace, annotator: str, review: bool = False) -> MainWindow:
        """Show ``workspace`` for ``annotator`` in a window that takes the current one's place."""
        chosen = self.language if self.language is not None else workspace.setting(LANGUAGE_KEY)
        apply_language(self.app, chosen or None)
        workspace.who = annotator
        window = MainWindow(workspace, annotator, review)
        window.session = self  # type: ignore[attr-defined]  # the session lives as its window
        self.file_menu = FileMenu(window, self)
        DropImport(window, self.file_menu)
        CorpusRuns(window, self.file_menu)
        DailyBackup(window)
        window.language_chosen.connect(self._on_window_language_chosen)
        old, self.window = self.window, window
        if old is not None:
            window.setGeometry(old.geometry())
            if old.isVisible():
                window.show()
            old.close()
            old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        remember_workspace(Path(workspace.path))
        return window

    def open_path(
        self,
        path: Path,
        annotator: str | None = None,
        review: bool | None = None,
        *,
        create: bool = False,
    ) -> bool:
        """Open the workspace at ``path`` in place of the current one; False (and a message)
        when it cannot be opened, leaving the current one as it was."""
        current = self.window
        name = annotator or (current.annotator if current else None)
        if review is None:
            review = bool(current and current.review.toggle.isChecked())
        try:
            if not create and not Path(path).is_file():
                raise AnnotatorError(f"{path}: no such workspace.")
            if name is None:
                raise AnnotatorError("No annotator name.")
            annotator_layer(name)
            workspace = open_workspace(path, name, create=create, daily_backup=False)
        except AnnotatorError as exc:
            self._error(str(exc))
            return False
        self.show(workspace, name, review)
        return True

    def reopen(self, annotator: str | None = None, review: bool | None = None) -> bool:
        assert self.window is not None
        return self.open_path(Path(self.window.workspace.path), annotator, review)

    def switch_annotator(self, name: str) -> bool:
        """An explicit switch: the new name becomes the one later plain starts open with."""
        assert self.window is not None
        try:
            annotator_layer(name)
        except AnnotatorError as exc:
            self._error(str(exc))
            return False
        workspace = self.window.workspace
        if not workspace.read_only:
            workspace.set_setting(ANNOTATOR_KEY, name)
        return self.reopen(name, review=False)

    def _error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Cannot open"), message)
        if self.window is not None:
            box.setParent(self.window, box.windowFlags())
        box.setObjectName("errorMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def _on_window_language_chosen(self, language: str) -> None:
        self.language = language
        self.reopen()
