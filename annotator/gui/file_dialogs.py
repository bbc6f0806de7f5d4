"""Qt's own (non-native) file dialogs that never open the files they list.

A dialog shown on the workspace's folder lists ``ws.db``, ``ws.db-wal`` and ``ws.db-shm``. Qt's
default icon provider asks the MIME database for each file's type, which opens and reads files
whose name says nothing (``-wal``, ``-shm``) and closes them again. Closing *any* descriptor of
a file drops every POSIX lock this process holds on it, SQLite's included, so another program
could then checkpoint and delete the write-ahead log under the open window. The provider here
decides icons and type names from the name and ``stat`` alone.

Dialogs are opened with ``open()`` (window-modal, not a nested event loop), so the window keeps
painting and tests can find and answer them like a person would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QWidget

WORKSPACE_FILTER = "Workspaces (*.db)"


def import_filters() -> list[str]:
    """Name filters of the Import dialog, from the format registry: every file it can read
    first, then one filter per import format (the format of each file is detected as
    ``annotator import`` detects it), then all files."""
    from annotator.formats import registry  # every reader: imported when the dialog opens

    everything = " ".join(f"*{suffix}" for suffix in registry.import_suffixes())
    per_format = [
        f"{fmt.name} ({' '.join(f'*{suffix}' for suffix in fmt.extensions)})"
        for fmt in registry.FORMATS
        if fmt.reader is not None
    ]
    return [f"Articles and annotations ({everything})", *per_format, "All files (*)"]


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from a file's name and kind, never from its contents."""

    def icon(self, what: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


# One provider for every dialog: QFileDialog does not own the provider it is given.
_PROVIDER: NameOnlyIconProvider | None = None


def icon_provider() -> NameOnlyIconProvider:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    return _PROVIDER


def file_dialog(
    parent: QWidget,
    name: str,
    title: str,
    *,
    directory: str = "",
    save: bool = False,
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    filters: Sequence[str] = (),
    default_suffix: str = "",
) -> QFileDialog:
    """A non-native file dialog named ``name`` that reads no file's contents."""
    dialog = QFileDialog(parent, title, directory)
    dialog.setObjectName(name)
    dialog.setOptions(
        QFileDialog.Option.DontUseNativeDialog
        | QFileDialog.Option.DontResolveSymlinks
        | QFileDialog.Option.DontUseCustomDirectoryIcons
    )
    dialog.setIconProvider(icon_provider())
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else mode)
    if filters:
        dialog.setNameFilters(list(filters))
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    return dialog


def ask_paths(dialog: QFileDialog, chosen: Callable[[list[str]], None]) -> None:
    """Show ``dialog`` and call ``chosen(paths)`` once the user accepts it."""

    def on_finished(result: int) -> None:
        paths = dialog.selectedFiles()
        dialog.deleteLater()
        if result == QFileDialog.DialogCode.Accepted and paths:
            chosen(paths)

    dialog.finished.connect(on_finished)
    dialog.open()
