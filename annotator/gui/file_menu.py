"""The File menu: workspaces, import, export, packages, merges, backups, who is working, quit.

Each action opens Qt's own file dialog or one of the small dialogs beside this module, then
hands the choice to the same plain-Python function the command line uses, off the UI thread
when it may take long (:class:`annotator.gui.progress_run.ProgressRun`). Work that writes opens
its own connection in the worker thread; the window then re-reads the store. Opening another
workspace or switching annotator is the :class:`~annotator.gui.session.Session`'s job: the
window is rebuilt in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from annotator.core.backups import list_backups
from annotator.core.catalog import document_count
from annotator.core.errors import AnnotatorError
from annotator.core.workspace import Workspace
from annotator.gui.close_guard import CloseGuard
from annotator.gui.counts import counts
from annotator.gui.file_dialogs import WORKSPACE_FILTER, ask_paths, file_dialog, import_filters
from annotator.gui.progress_run import ProgressRun
from annotator.recent import recent_workspaces

if TYPE_CHECKING:
    from annotator.gui.export_dialog import ExportDialog
    from annotator.gui.main_window import MainWindow
    from annotator.gui.package_dialog import PackageDialog
    from annotator.gui.restore_dialog import RestoreDialog
    from annotator.gui.session import Session

# The readers, writers, merge and packaging (every format, the review package) are imported
# by the action that uses them: the menu is built before the window's first paint.

Work = Callable[[Callable[[int], None]], Any]


class FileMenu(QObject):
    """Fills ``window.file_menu``; every action's object name is part of the contract."""

    def __init__(self, window: MainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.runs: list[ProgressRun] = []
        self.close_guard = CloseGuard(window, self.runs)
        menu = window.file_menu
        quit_action = window.window_actions.quit
        self.actions: dict[str, QAction] = {}
        for name, text, keys, slot in (
            ("action_new_workspace", self.tr("New workspace…"), "", self._on_new_triggered),
            (
                "action_open_workspace",
                self.tr("Open workspace…"),
                "Ctrl+O",
                self._on_open_triggered,
            ),
            ("action_import", self.tr("Import articles…"), "Ctrl+I", self._on_import_triggered),
            (
                "action_import_folder",
                self.tr("Import a folder of articles…"),
                "",
                self._on_import_folder_triggered,
            ),
            ("action_export", self.tr("Export…"), "Ctrl+E", self._on_export_triggered),
            (
                "action_package",
                self.tr("Package for an annotator…"),
                "",
                self._on_package_triggered,
            ),
            ("action_merge", self.tr("Merge workspaces…"), "", self._on_merge_triggered),
            ("action_restore", self.tr("Restore a backup…"), "", self._on_restore_triggered),
            (
                "action_switch_annotator",
                self.tr("Switch annotator…"),
                "",
                self._on_switch_triggered,
            ),
        ):
            action = QAction(text, window)
            action.setObjectName(name)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.actions[name] = action
        self.recent_menu = QMenu(self.tr("Open recent"), menu)
        self.recent_menu.setObjectName("recentWorkspaces")
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        a = self.actions
        for group in (
            ("action_new_workspace", "action_open_workspace"),
            ("action_import", "action_import_folder", "action_export"),
            ("action_package", "action_merge", "action_restore"),
            ("action_switch_annotator",),
        ):
            for name in group:
                menu.insertAction(quit_action, a[name])
            if group[-1] == "action_open_workspace":
                menu.insertMenu(quit_action, self.recent_menu)
            menu.insertSeparator(quit_action)
        window.addActions(list(a.values()))
        writes = ("action_import", "action_import_folder", "action_merge", "action_restore")
        for name in writes:
            a[name].setEnabled(not window.read_only)
        self.fill_recent_menu()

    # ------------------------------------------------------------------ helpers
    @property
    def workspace(self) -> Workspace:
        return self.window.workspace

    def _folder(self) -> str:
        return str(Path(self.workspace.path).resolve().parent)

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)

    def _error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Nothing was changed"), message)
        box.setParent(self.window, box.windowFlags())
        box.setObjectName("errorMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def run_long(
        self,
        name: str,
        label: str,
        work: Work,
        done: Callable[[Any], None],
        total: int = 0,
        *,
        writes: bool = False,
        cancelled: Callable[[], str] | None = None,
    ) -> ProgressRun:
        """Run ``work`` off the UI thread with a progress dialog (see ProgressRun); ``done``
        gets its result. ``cancelled()`` says what a cancelled run left behind, for work that
        commits as it goes (by default: nothing was changed)."""
        run = ProgressRun(self.window, name, label, work, total)
        if writes:
            # The run holds the file's write lock until it commits: the window's own view-state
            # saves would wait for it on the UI thread, so they pause and resume afterwards.
            self.window.save_timer.blockSignals(True)
            for ended in (run.succeeded, run.failed, run.cancelled):
                ended.connect(self._on_writing_run_ended)
        run.succeeded.connect(done)
        if cancelled is None:
            run.cancelled.connect(partial(self._say, self.tr("Cancelled; nothing was changed.")))
        else:
            run.cancelled.connect(lambda: self._say(cancelled()))
        run.destroyed.connect(partial(self._forget, run))
        self.runs.append(run)
        run.start()
        return run

    def _on_writing_run_ended(self, *_args: object) -> None:
        self.window.save_timer.blockSignals(False)
        self.window.save_timer.start()

    def _forget(self, run: ProgressRun, _obj: object = None) -> None:
        if run in self.runs:
            self.runs.remove(run)

    def _reload(self) -> None:
        """Another connection wrote: every view re-reads the store now, not in a second."""
        self.window.window_actions.refresh.trigger()

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = Path(self.workspace.path).resolve()
        for path in recent_workspaces():
            if path.resolve() == current:
                continue
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(partial(self.session.open_path, path))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # ------------------------------------------------------------------ workspaces
    def _on_new_triggered(self) -> None:
        dialog = file_dialog(
            self.window,
            "newWorkspaceDialog",
            self.tr("New workspace"),
            directory=self._folder(),
            save=True,
            filters=[WORKSPACE_FILTER],
            default_suffix="db",
        )
        # A new workspace must be new: never replace a file, not even after a confirmation.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        ask_paths(dialog, self._on_new_chosen)

    def _on_new_chosen(self, paths: list[str]) -> None:
        path = Path(paths[0])
        if path.exists():
            self._error(
                self.tr("{path} already exists; choose Open workspace… to open it.").format(
                    path=path
                )
            )
            return
        self.session.open_path(path, create=True)

    def _on_open_triggered(self) -> None:
        dialog = file_dialog(
            self.window,
            "openWorkspaceDialog",
            self.tr("Open workspace"),
            directory=self._folder(),
            filters=[WORKSPACE_FILTER, "All files (*)"],
        )
        ask_paths(dialog, self._on_open_chosen)

    def _on_open_chosen(self, paths: list[str]) -> None:
        self.session.open_path(Path(paths[0]))

    def _on_recent_menu_about_to_show(self) -> None:
        self.fill_recent_menu()

    def _on_switch_triggered(self) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("switchAnnotatorDialog")
        dialog.setWindowTitle(self.tr("Switch annotator"))
        dialog.setLabelText(
            self.tr("Who annotates now? The window reopens with that person's own layer.")
        )
        dialog.setTextValue(self.window.annotator)
        dialog.textValueSelected.connect(self._on_switch_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_switch_chosen(self, name: str) -> None:
        if name.strip() and name.strip() != self.window.annotator:
            self.session.switch_annotator(name.strip())

    # ------------------------------------------------------------------ import
    def _on_import_triggered(self) -> None:
        dialog = file_dialog(
            self.window,
            "importFileDialog",
            self.tr("Import articles"),
            directory=self._folder(),
            mode=QFileDialog.FileMode.ExistingFiles,
            filters=import_filters(),
        )
        ask_paths(dialog, self.import_paths)

    def _on_import_folder_triggered(self) -> None:
        dialog = file_dialog(
            self.window,
            "importFolderDialog",
            self.tr("Import a folder of articles"),
            directory=self._folder(),
            mode=QFileDialog.FileMode.Directory,
        )
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        ask_paths(dialog, self.import_paths)

    def import_paths(self, paths: Sequence[str]) -> ProgressRun | None:
        """Import files of any format the registry reads (and folders of them) all or nothing,
        as ``annotator import`` does."""
        if self.window.read_only:
            self._error(self.tr("This workspace is open read-only; nothing can be imported."))
            return None
        from annotator.app import with_publication_dates
        from annotator.formats import count_records, import_files, read_paths

        try:
            files = import_files(paths)
            total = count_records(files)
        except (AnnotatorError, OSError) as exc:
            self._error(str(exc))
            return None
        path, who = self.workspace.path, self.workspace.who

        def work(progress: Callable[[int], None]) -> Any:
            with Workspace(path, who) as ws:
                return ws.import_records(
                    with_publication_dates(read_paths(files)), progress=progress
                )

        return self.run_long(
            "importProgress",
            self.tr("Importing {files}…").format(files=counts().files(len(files))),
            work,
            self._on_import_succeeded,
            total,
            writes=True,
        )

    def _on_import_succeeded(self, report: Any) -> None:
        self._reload()
        self._say(
            self.tr("Imported {documents} ({existing} already there).").format(
                documents=counts().documents(report.documents_added),
                existing=report.documents_existing,
            )
        )

    # ------------------------------------------------------------------ export
    def _on_export_triggered(self) -> None:
        from annotator.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.workspace.layers(), self.window.layer, self.window)
        dialog.accepted.connect(partial(self._on_export_accepted, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_export_accepted(self, dialog: ExportDialog) -> None:
        from annotator.exporting import export_layer, export_target

        choice = dialog.choice()
        try:
            output = export_target(choice.output or None, choice.layer, choice.fmt)
        except AnnotatorError as exc:
            self._error(str(exc))
            return
        path, who = self.workspace.path, self.workspace.who

        def work(progress: Callable[[int], None]) -> Any:
            with Workspace(path, who, read_only=True) as ws:
                return output, export_layer(
                    ws, output, choice.layer, choice.status, choice.fmt, progress
                )

        self.run_long(
            "exportProgress",
            self.tr("Exporting {layer}…").format(layer=choice.layer),
            work,
            self._on_export_succeeded,
            document_count(self.workspace.query),
        )

    def _on_export_succeeded(self, result: tuple[Path, dict[str, Any]]) -> None:
        output, manifest = result
        self._say(
            self.tr("Exported {documents} with {spans} to {path}.").format(
                documents=counts().documents(manifest["documents"]),
                spans=counts().spans(manifest["spans"]),
                path=output,
            )
        )

    # ------------------------------------------------------------------ across machines
    def _on_package_triggered(self) -> None:
        from annotator.gui.package_dialog import PackageDialog
        from annotator.review.assign import assignments

        names = sorted({n for names in assignments(self.workspace).values() for n in names})
        dialog = PackageDialog(names, self.window)
        dialog.accepted.connect(partial(self._on_package_accepted, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_package_accepted(self, dialog: PackageDialog) -> None:
        name, output = dialog.name(), dialog.target.path()
        if not name or not output:
            self._error(self.tr("Name the annotator and the package file."))
            return
        from annotator.review.assign import make_package

        path, who = self.workspace.path, self.workspace.who

        def work(_progress: Callable[[int], None]) -> Any:
            with Workspace(path, who, read_only=True) as ws:
                return make_package(ws, name, output)

        self.run_long(
            "packageProgress",
            self.tr("Packaging for {name}…").format(name=name),
            work,
            partial(self._on_package_succeeded, name, output),
        )

    def _on_package_succeeded(self, name: str, output: str, count: int) -> None:
        self._say(
            self.tr("Wrote {documents} for {name} to {path}.").format(
                documents=counts().documents(count), name=name, path=output
            )
        )

    def _on_merge_triggered(self) -> None:
        dialog = file_dialog(
            self.window,
            "mergeFileDialog",
            self.tr("Merge workspaces"),
            directory=self._folder(),
            mode=QFileDialog.FileMode.ExistingFiles,
            filters=[WORKSPACE_FILTER, "All files (*)"],
        )
        ask_paths(dialog, self.merge_paths)

    def merge_paths(self, paths: Sequence[str]) -> ProgressRun:
        from annotator.review.merge import merge_workspaces

        path, who = self.workspace.path, self.workspace.who

        def work(_progress: Callable[[int], None]) -> Any:
            with Workspace(path, who) as ws:
                return merge_workspaces(ws, list(paths))

        return self.run_long(
            "mergeProgress", self.tr("Merging…"), work, self._on_merge_succeeded, writes=True
        )

    def _on_merge_succeeded(self, reports: list[Any]) -> None:
        self._reload()
        self._say("; ".join(r.summary() for r in reports))

    def _on_restore_triggered(self) -> None:
        backups = list_backups(Path(self.workspace.path))
        if not backups:
            self._error(self.tr("This workspace has no backups yet."))
            return
        from annotator.gui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(backups, self.window)
        dialog.accepted.connect(partial(self._on_restore_accepted, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_restore_accepted(self, dialog: RestoreDialog) -> None:
        backup = dialog.chosen()
        if backup is None:
            return
        from annotator.core.restore import restore

        path = Path(self.workspace.path)
        try:
            restore(path, backup)
        except AnnotatorError as exc:
            self._error(str(exc))
            return
        self.session.open_path(path)
        self.session.window.statusBar().showMessage(
            self.tr("Restored {path} from {backup}.").format(path=path, backup=backup.name),
            15000,
        )

    def finished(self) -> bool:
        """True once no run is in progress (the window waits for them when it closes)."""
        return not self.runs

    def wait(self) -> None:
        for run in list(self.runs):
            run.wait()
