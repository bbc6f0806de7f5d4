"""Export… (``exportDialog``): which layer, which documents, which format, which file.

The dialog only gathers the choice; the export itself is :func:`annotator.exporting.export_layer`
(the same as ``annotator export``), run off the UI thread by the File menu. The formats listed
are :func:`annotator.exporting.export_formats`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from annotator.core.model import GOLD_LAYER, Status
from annotator.exporting import default_export_path, export_formats
from annotator.gui.target_file import TargetFile


@dataclass(frozen=True)
class ExportChoice:
    layer: str
    status: str | None
    fmt: str
    output: str


class ExportDialog(QDialog):
    def __init__(self, layers: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.layer = QComboBox()
        self.layer.setObjectName("exportLayer")
        for name in dict.fromkeys([GOLD_LAYER, *layers]):
            self.layer.addItem(name, name)
        self.layer.setCurrentIndex(max(0, self.layer.findData(current)))
        self.status = QComboBox()
        self.status.setObjectName("exportStatus")
        self.status.addItem(self.tr("Every document"), None)
        for status in Status:
            self.status.addItem(status.value, status.value)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for name in export_formats():
            self.format.addItem(name, name)
        self.target = TargetFile(
            "exportTarget", "exportFileDialog", self.tr("Export to"), ["JSONL (*.jsonl)"], "jsonl"
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("exportButtons")
        form = QFormLayout(self)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow(self.tr("Documents"), self.status)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), self.target)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.layer.currentIndexChanged.connect(self._on_choice_changed)
        self.format.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed()

    def _on_choice_changed(self, _index: int = 0) -> None:
        self.target.set_path(str(default_export_path(self.layer.currentData(), self.fmt())))

    def fmt(self) -> str:
        return str(self.format.currentData())

    def choice(self) -> ExportChoice:
        return ExportChoice(
            self.layer.currentData(), self.status.currentData(), self.fmt(), self.target.path()
        )
