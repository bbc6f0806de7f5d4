"""Notes (``notesPanel``): an annotator's remarks on a span or a document, flagged for review.

The panel lists the open document's notes (in review mode every layer's, so the reviewer reads
what annotators asked), flagged ones first. A note is written on the selected span, or on the
document when no span is selected, as an undoable command through the window; the list is
re-read from the store after every change the Workspace reports. Typing in the search field
lists matching notes of the whole workspace; activating one opens its document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Change, ChangeKind
from annotator.core.commands import AddNote, Command, DeleteNote, FlagNote
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_LAYER, Note
from annotator.gui.plain import isolate, shorten

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FLAG = "⚑"


class NotesPanel(QWidget):
    """Emits ``document_requested(doc_id)`` when a search result is activated."""

    document_requested = Signal(str)

    def __init__(self, window: MainWindow, push: Callable[[Command], bool]) -> None:
        super().__init__()
        self.setObjectName("notesPanel")
        self.window = window
        self.workspace = window.workspace
        self._push = push
        self.heading = QLabel(self.tr("Notes"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.search = QLineEdit()
        self.search.setObjectName("noteSearch")
        self.search.setPlaceholderText(self.tr("Search notes…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("noteList")
        self.list.setWordWrap(True)
        self.target = QLabel()
        self.target.setObjectName("noteTarget")
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit()
        self.edit.setObjectName("noteEdit")
        self.edit.setPlaceholderText(self.tr("Unsure? Leave a note for the reviewer"))
        self.flag = QCheckBox(self.tr("Flag for the reviewer"))
        self.flag.setObjectName("noteFlag")
        self.add = QPushButton(self.tr("Add note"))
        self.add.setObjectName("noteAdd")
        self.toggle_flag = QPushButton(self.tr("Flag / unflag"))
        self.toggle_flag.setObjectName("noteToggleFlag")
        self.delete = QPushButton(self.tr("Delete note"))
        self.delete.setObjectName("noteDelete")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.target)
        layout.addWidget(self.edit)
        row = QHBoxLayout()
        for widget in (self.flag, self.add, self.toggle_flag, self.delete):
            row.addWidget(widget)
        layout.addLayout(row)
        self._connect()
        self.refresh()

    def _connect(self) -> None:
        self.add.clicked.connect(self._on_add_clicked)
        self.edit.returnPressed.connect(self._on_add_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        self.toggle_flag.clicked.connect(self._on_toggle_flag_clicked)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.window.document_opened.connect(self._on_window_document_opened)
        self.window.events.changed.connect(self._on_workspace_changed)

    # ------------------------------------------------------------------ shown state
    def follow_selection(self) -> None:
        """Say what a new note will be on: the selected span, or the document."""
        span = self.window.selected_span()
        if span is None:
            self.target.setText(self.tr("A new note goes on this document."))
        else:
            words = shorten(self.window.article.toPlainText()[span.start : span.end], 40)
            self.target.setText(
                self.tr("A new note goes on the {label} {text}.").format(
                    label=span.label, text=isolate(words)
                )
            )

    def refresh(self) -> None:
        """The open document's notes, or the search results when something is searched."""
        words = self.search.text().strip()
        doc_id = self.window.current_document()
        if words:
            notes = self.workspace.search_notes(words)
        elif doc_id is None:
            notes = []
        else:
            reviewing = self.window.layer == GOLD_LAYER
            notes = self.workspace.notes(doc_id, None if reviewing else self.window.layer)
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(self.describe(note, with_document=bool(words)))
            item.setData(NOTE_ID_ROLE, note.id)
            item.setData(DOC_ID_ROLE, note.doc_id)
            self.list.addItem(item)
        self.follow_selection()
        writable = not self.window.read_only
        for widget in (self.add, self.edit, self.flag, self.delete, self.toggle_flag):
            widget.setEnabled(writable and doc_id is not None)

    def describe(self, note: Note, *, with_document: bool = False) -> str:
        """One list row: flag, author, where the note is, its text (plain, bidi-isolated)."""
        where = self.tr("document")
        if note.span_id is not None:
            place = self.workspace.span_place(note.span_id)
            if place is not None:
                span = self.workspace.span(note.span_id)
                text = self.workspace.text(note.doc_id)[span.start : span.end]
                where = f"{span.label} «{isolate(shorten(text, 40))}»"
        if with_document:
            where = f"{note.doc_id} · {where}"
        mark = f"{FLAG} " if note.flagged else ""
        return f"{mark}{isolate(note.author)} — {where}: {isolate(note.text)}"

    def _chosen(self) -> Note | None:
        item = self.list.currentItem()
        if item is None:
            return None
        try:
            return self.workspace.note(item.data(NOTE_ID_ROLE))
        except AnnotatorError:
            return None

    # ------------------------------------------------------------------ slots
    def _on_add_clicked(self) -> None:
        doc_id = self.window.current_document()
        text = self.edit.text()
        if doc_id is None or not text.strip():
            return
        span = self.window.selected_span()
        command = AddNote(
            self.workspace,
            doc_id,
            self.window.layer,
            text,
            span.id if span is not None else None,
            self.flag.isChecked(),
        )
        if self._push(command):
            self.edit.clear()
            self.flag.setChecked(False)

    def _on_delete_clicked(self) -> None:
        note = self._chosen()
        if note is not None:
            self._push(DeleteNote(self.workspace, note.doc_id, note.id))

    def _on_toggle_flag_clicked(self) -> None:
        note = self._chosen()
        if note is not None:
            self._push(FlagNote(self.workspace, note.doc_id, note.id, not note.flagged))

    def _on_search_text_changed(self, _text: str) -> None:
        self.refresh()

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        doc_id = item.data(DOC_ID_ROLE)
        if doc_id and doc_id != self.window.current_document():
            self.document_requested.emit(doc_id)

    def _on_window_document_opened(self, _doc_id: str) -> None:
        self.refresh()

    def _on_workspace_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.NOTES, ChangeKind.WORKSPACE) or change.whole_workspace:
            self.refresh()
