"""The label schema editor (``schemaEditor``): add or rename labels, their colours, keys and
attributes, and make the result the workspace's schema.

One row per label. A row remembers the label it started as, so a renamed label with spans is a
migration (its spans are relabelled in the same transaction); a new label is a new row. The
change is confirmed first, then written by ``Workspace.set_schema`` exactly as
``annotator schema set`` writes it; what the store refuses is shown and nothing changes.

Attributes are typed as ``name: a/b/c`` (allowed values), ``name: *`` (free text) or
``name: ~PATTERN`` (a regular expression, or ``~timex3``), separated by ``;``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.schema import DEFAULT_COLOR, AttributeSpec, LabelSchema
from annotator.core.schema_change import SchemaMigration
from annotator.core.workspace import Workspace

NAME, COLOUR, KEYS, ATTRIBUTES = range(4)
ORIGINAL = Qt.ItemDataRole.UserRole


def attributes_text(attributes: dict[str, AttributeSpec]) -> str:
    parts = []
    for name, attr in attributes.items():
        if attr.free:
            parts.append(f"{name}: *")
        elif attr.pattern is not None:
            parts.append(f"{name}: ~{attr.pattern}")
        else:
            parts.append(f"{name}: {'/'.join(attr.values)}")
    return "; ".join(parts)


def parse_attributes(text: str) -> dict[str, dict[str, Any]]:
    """``kind: direct/indirect; entity: *; value: ~timex3`` -> the schema's attribute objects."""
    out: dict[str, dict[str, Any]] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        name, _, spec = (x.strip() for x in part.partition(":"))
        if spec == "*" or not spec:
            out[name] = {"free": True}
        elif spec.startswith("~"):
            out[name] = {"pattern": spec[1:]}
        else:
            out[name] = {"values": [v.strip() for v in spec.split("/") if v.strip()]}
    return out


class SchemaEditor(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schemaEditor")
        self.setWindowTitle(self.tr("Label schema"))
        self.workspace = workspace
        self.schema = workspace.schema
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("schemaLabels")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Colour"), self.tr("Keys"), self.tr("Attributes")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for spec in self.schema.labels.values():
            self._add_row(
                spec.name, spec.color, ", ".join(spec.shortcuts), attributes_text(spec.attributes)
            )
        self.add_button = QPushButton(self.tr("Add label"))
        self.add_button.setObjectName("schemaAddLabel")
        self.remove_button = QPushButton(self.tr("Remove label"))
        self.remove_button.setObjectName("schemaRemoveLabel")
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.colour_button.setObjectName("schemaColour")
        self.error = QLabel()
        self.error.setObjectName("schemaError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        hint = QLabel(
            self.tr(
                "Attributes: name: a/b/c (allowed values); name: * (free text); "
                "name: ~pattern. Keys: comma-separated (E, 5, Ctrl+E)."
            )
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("schemaButtons")
        # The confirmation, kept so that it can be answered like any other window.
        self.confirm = QMessageBox(self)
        self.confirm.setObjectName("schemaConfirm")
        self.confirm.setIcon(QMessageBox.Icon.Question)
        self.confirm.setWindowTitle(self.tr("Change the label schema"))
        self.confirm.setStandardButtons(
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        self._pending: tuple[LabelSchema, SchemaMigration] | None = None

        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.colour_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.colour_button.clicked.connect(self._on_colour_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.confirm.finished.connect(self._on_confirm_finished)

    def _add_row(self, name: str, color: str, keys: str, attributes: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((NAME, name), (COLOUR, color), (KEYS, keys), (ATTRIBUTES, attributes)):
            item = QTableWidgetItem(text)
            if column == NAME:
                item.setData(ORIGINAL, name)
            if column == COLOUR:
                item.setBackground(QColor(color))
            self.table.setItem(row, column, item)
        return row

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def edited(self) -> tuple[LabelSchema, SchemaMigration]:
        """The schema the table describes and the renames it makes (old -> new label)."""
        old = self.schema.to_dict()
        labels: dict[str, Any] = {}
        renames: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            name = self._text(row, NAME)
            item = self.table.item(row, NAME)
            original = item.data(ORIGINAL) if item is not None else None
            if original and original != name:
                renames[str(original)] = name
            if name in labels:
                raise AnnotatorError(self.tr("The label {name} appears twice.").format(name=name))
            labels[name] = {
                "color": self._text(row, COLOUR) or DEFAULT_COLOR,
                "shortcuts": [k.strip() for k in self._text(row, KEYS).split(",") if k.strip()],
                "attributes": parse_attributes(self._text(row, ATTRIBUTES)),
            }
        # Relations and rules follow renamed labels and forget removed ones.
        relations = {}
        for name, rel in old["relations"].items():
            ends = {
                end: [renames.get(x, x) for x in rel[end] if renames.get(x, x) in labels]
                for end in rel
            }
            if all(ends.values()):
                relations[name] = ends
        rules = {
            kind: {
                renames.get(label, label): value
                for label, value in rule.items()
                if renames.get(label, label) in labels
                and (kind != "requires_relation" or value in relations)
            }
            for kind, rule in old["rules"].items()
        }
        data = {"labels": labels, "relations": relations, "rules": rules}
        schema = LabelSchema.from_dict(data, self.tr("The edited schema"))
        return schema, SchemaMigration(labels=renames)

    def _on_add_button_clicked(self) -> None:
        taken = {self._text(row, NAME) for row in range(self.table.rowCount())}
        name = next(f"LABEL{n}" for n in range(1, 1000) if f"LABEL{n}" not in taken)
        row = self._add_row(name, DEFAULT_COLOR, "", "")
        self.table.item(row, NAME).setData(ORIGINAL, None)
        self.table.setCurrentCell(row, NAME)
        self.table.setFocus()

    def _on_remove_button_clicked(self) -> None:
        """Removed from the table only; a label that still has spans is refused on OK."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _on_colour_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        chosen = QColorDialog.getColor(QColor(self._text(row, COLOUR)), self)
        if chosen.isValid():
            item = self.table.item(row, COLOUR)
            item.setText(chosen.name())
            item.setBackground(chosen)

    def _on_buttons_accepted(self) -> None:
        try:
            self._pending = self.edited()
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        schema, migration = self._pending
        added = [name for name in schema.labels if name not in self.schema.labels]
        added = [name for name in added if name not in migration.labels.values()]
        lines = [self.tr("Make this the workspace's label schema?")]
        if added:
            lines.append(self.tr("New labels: {names}.").format(names=", ".join(added)))
        for old, new in migration.labels.items():
            lines.append(
                self.tr("{old} is renamed {new}; its spans are relabelled.").format(
                    old=old, new=new
                )
            )
        self.confirm.setText("\n".join(lines))
        self.confirm.open()

    def _on_confirm_finished(self, _result: int) -> None:
        pending, self._pending = self._pending, None
        yes = self.confirm.button(QMessageBox.StandardButton.Yes)
        if pending is None or self.confirm.clickedButton() is not yes:
            return
        try:
            self.workspace.set_schema(*pending)
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
