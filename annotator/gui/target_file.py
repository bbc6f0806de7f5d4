"""A file-name field with a "Choose…" button that opens Qt's own save dialog beside it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from annotator.gui.file_dialogs import ask_paths, file_dialog


class TargetFile(QWidget):
    """``path()`` is what the user typed or chose; the dialog is named ``dialog_name``."""

    def __init__(
        self, name: str, dialog_name: str, title: str, filters: Sequence[str], suffix: str
    ) -> None:
        super().__init__()
        self.dialog_name, self.title = dialog_name, title
        self.filters, self.suffix = list(filters), suffix
        self.edit = QLineEdit()
        self.edit.setObjectName(name)
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.setObjectName(f"{name}Choose")
        self.choose.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose)
        self.choose.clicked.connect(self._on_choose_clicked)

    def path(self) -> str:
        return self.edit.text().strip()

    def set_path(self, path: str) -> None:
        self.edit.setText(path)

    def _on_choose_clicked(self) -> None:
        dialog = file_dialog(
            self,
            self.dialog_name,
            self.title,
            directory=self.path(),
            save=True,
            filters=self.filters,
            default_suffix=self.suffix,
        )
        ask_paths(dialog, self._on_paths_chosen)

    def _on_paths_chosen(self, paths: list[str]) -> None:
        self.edit.setText(paths[0])
