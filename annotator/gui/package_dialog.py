"""Package for an annotator… (``packageDialog``): who the package is for, and the file.

The package itself is :func:`annotator.review.assign.make_package` (``annotator package``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from annotator.gui.file_dialogs import WORKSPACE_FILTER
from annotator.gui.target_file import TargetFile


class PackageDialog(QDialog):
    def __init__(self, annotators: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageDialog")
        self.setWindowTitle(self.tr("Package for an annotator"))
        self.annotator = QComboBox()
        self.annotator.setObjectName("packageAnnotator")
        self.annotator.setEditable(True)
        self.annotator.addItems(annotators)
        self.target = TargetFile(
            "packageTarget",
            "packageFileDialog",
            self.tr("Package file"),
            [WORKSPACE_FILTER],
            "db",
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Annotator"), self.annotator)
        form.addRow(self.tr("File"), self.target)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def name(self) -> str:
        return self.annotator.currentText().strip()
