"""Restore a backup… (``restoreDialog``): the workspace's automatic backups, newest first.

Restoring is :func:`annotator.core.restore.restore` (``annotator restore``): the current state
is backed up first, so a restore can itself be undone from this same list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.backups import Backup

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        caption = QLabel(
            self.tr(
                "The workspace is replaced by the backup you choose; its current state is kept "
                "as a backup first, so this can be undone."
            )
        )
        caption.setWordWrap(True)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for backup in backups:
            created = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{created}  {backup.reason}  ({backup.size // 1024} KiB)")
            item.setData(PATH_ROLE, str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(self._on_list_item_activated)

    def _on_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.accept()

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(PATH_ROLE)) if item else None
