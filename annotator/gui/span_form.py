"""The attribute form (``spanForm``) for the selected span, built from the label schema.

Closed value lists become combo boxes, free values and TIMEX3 values line edits (a SPEAKER's
entity completes from entities already used); heads of a relation (QUOTE, CLAIM) get a speaker
choice. The form only reports what the user chose; the window turns that into undo commands.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Span
from annotator.core.schema import AttributeSpec, LabelSchema
from annotator.gui.actions import attribute_title, label_title
from annotator.gui.plain import isolate, shorten

NO_SPEAKER = ""


class SpanForm(QWidget):
    """Edits one span's attributes and its speaker link.

    ``attribute_edited(span_id, name, value)`` and ``speaker_chosen(head_id, child_id)`` (child
    "" to unlink) carry the user's choice; nothing is written here.
    """

    attribute_edited = Signal(str, str, str)
    speaker_chosen = Signal(str, str)
    # A field with completions got the focus: the window reads them (once per label).
    completions_wanted = Signal(str)

    def __init__(self, schema: LabelSchema) -> None:
        super().__init__()
        self.setObjectName("spanForm")
        self._span: Span | None = None
        self.heading = QLabel()
        self.heading.setObjectName("spanHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.span_text = QLabel()
        self.span_text.setObjectName("spanText")
        self.span_text.setTextFormat(Qt.TextFormat.PlainText)
        self.span_text.setWordWrap(True)
        # Article text reads right to left whatever the interface language, so punctuation at
        # its ends (quotation marks, a dash) stays where an Arabic reader expects it.
        self.span_text.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.pages = QStackedWidget()
        self.empty_page = QLabel(self.tr("Select a span to edit it."))
        self.empty_page.setWordWrap(True)
        self.pages.addWidget(self.empty_page)
        self.editors: dict[tuple[str, str], QComboBox | QLineEdit] = {}
        self.completions: dict[tuple[str, str], QStringListModel] = {}
        self.label_pages: dict[str, QWidget] = {}
        self.speaker_boxes: dict[str, QComboBox] = {}
        self.set_schema(schema)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.span_text, self.pages, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_span(None, "", [], None)

    def set_schema(self, schema: LabelSchema) -> None:
        """One page of fields per label of the schema (rebuilt when the schema changes)."""
        for page in self.label_pages.values():
            self.pages.removeWidget(page)
            page.deleteLater()
        self.editors.clear()
        self.completions.clear()
        self.label_pages.clear()
        self.speaker_boxes.clear()
        self._span = None
        for label, spec in schema.labels.items():
            page = QWidget()
            form = QFormLayout(page)
            for name, attr in spec.attributes.items():
                form.addRow(attribute_title(name), self._editor(label, attr))
            if any(label in rel.head for rel in schema.relations.values()):
                box = QComboBox()
                box.setObjectName(f"speaker_{label}")
                box.activated.connect(self._on_speaker_box_activated)
                self.speaker_boxes[label] = box
                form.addRow(self.tr("Speaker"), box)
            self.label_pages[label] = page
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(self.empty_page)

    def _editor(self, label: str, attr: AttributeSpec) -> QWidget:
        editor: QComboBox | QLineEdit
        if attr.values and not attr.free:
            editor = QComboBox()
            editor.addItem("", "")
            for value in attr.values:
                editor.addItem(value, value)
            editor.activated.connect(self._on_combo_activated)
        else:
            editor = QLineEdit()
            if attr.pattern == "timex3":
                editor.setPlaceholderText("2022-01-14, 2022-01, P10D, XXXX-WXX-4")
            if attr.free:
                model = QStringListModel(editor)
                completer = QCompleter(model, editor)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.setCompleter(completer)
                self.completions[(label, attr.name)] = model
                editor.installEventFilter(self)
            editor.editingFinished.connect(self._on_line_edit_editing_finished)
        editor.setObjectName(f"attr_{label}_{attr.name}")
        editor.setProperty("attribute", attr.name)
        self.editors[(label, attr.name)] = editor
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Completions are read when a field that offers them is entered, not when a span is
        shown: reading them is a pass over every span of the label."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            for (label, _name), editor in self.editors.items():
                if editor is watched:
                    self.completions_wanted.emit(label)
        return super().eventFilter(watched, event)

    def set_completions(self, label: str, name: str, values: list[str]) -> None:
        model = self.completions.get((label, name))
        if model is not None and model.stringList() != values:
            model.setStringList(values)

    def show_span(
        self,
        span: Span | None,
        text: str,
        speakers: list[tuple[str, str]],
        speaker_id: str | None,
    ) -> None:
        """Show ``span`` (None clears), its text, the speakers it may link to and its link.

        A refresh that brings the same stored value for the field being typed in (another
        program changed something else) leaves the half-typed entry alone.
        """
        previous, self._span = self._span, span
        # setText("") rather than clear(): an unchanged label then causes no relayout.
        self.error.setText("")
        if span is None:
            self.heading.setText(self.tr("No span selected"))
            self.span_text.setText("")
            self.pages.setCurrentWidget(self.empty_page)
            return
        self.heading.setText(label_title(span.label))
        self.span_text.setText(shorten(text, 160))
        page = self.label_pages.get(span.label)
        if page is None:
            self.pages.setCurrentWidget(self.empty_page)
            return
        self.pages.setCurrentWidget(page)
        for (label, name), editor in self.editors.items():
            if label != span.label:
                continue
            value = span.attrs.get(name, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif not (
                editor.hasFocus()
                and previous is not None
                and previous.id == span.id
                and previous.attrs.get(name, "") == value
            ):
                editor.setText(value)
        box = self.speaker_boxes.get(span.label)
        if box is not None:
            box.clear()
            box.addItem(self.tr("— no speaker —"), NO_SPEAKER)
            for child_id, title in speakers:
                box.addItem(isolate(title), child_id)
            box.setCurrentIndex(max(0, box.findData(speaker_id or NO_SPEAKER)))

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _on_combo_activated(self, _index: int) -> None:
        editor = self.sender()
        if self._span is not None and isinstance(editor, QComboBox):
            self.attribute_edited.emit(
                self._span.id, editor.property("attribute"), editor.currentData() or ""
            )

    def _on_line_edit_editing_finished(self) -> None:
        editor = self.sender()
        if self._span is None or not isinstance(editor, QLineEdit):
            return
        name = editor.property("attribute")
        value = editor.text().strip()
        if value != self._span.attrs.get(name, ""):
            self.attribute_edited.emit(self._span.id, name, value)

    def _on_speaker_box_activated(self, _index: int) -> None:
        box = self.sender()
        if self._span is not None and isinstance(box, QComboBox):
            self.speaker_chosen.emit(self._span.id, box.currentData() or NO_SPEAKER)
