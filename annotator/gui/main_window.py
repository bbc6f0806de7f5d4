"""The annotation window: document list, right-to-left article, label buttons, form and table.

The window only wires widgets together. Each slot makes one Workspace call or pushes one undo
command (annotator.core.commands); every view repaints from the store when the Workspace reports
a change, so what is on screen is what is saved. Signals are connected in ``_connect`` only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.arabic.hand_drawn import proposed_attrs
from annotator.arabic.words import move_edge
from annotator.core import catalog
from annotator.core.changes import Change, ChangeKind
from annotator.core.checks import (
    link_targets,
    missing_before_done,
    neighbour,
    relation_between,
)
from annotator.core.commands import (
    AddSpan,
    Command,
    DeleteSpan,
    LinkSpeaker,
    MoveSpan,
    SetAttribute,
    SetPublished,
    SetStatus,
)
from annotator.core.document_state import DocumentState
from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD_LAYER, Document, Span, Status
from annotator.core.watch import EXTERNAL_CHANGE, ExternalChanges
from annotator.core.workflow import DocumentClock, annotator_layer
from annotator.core.workspace import Workspace
from annotator.gui.actions import Move, build_actions, build_tag_actions, label_title
from annotator.gui.annotation_table import AnnotationTable, SpanTableModel
from annotator.gui.article_view import ArticleView
from annotator.gui.document_header import DocumentHeader
from annotator.gui.document_list import DocumentPanel
from annotator.gui.done_banner import DoneChecksBanner
from annotator.gui.gold_compare import GoldCompare
from annotator.gui.link_picker import LinkPicker
from annotator.gui.notes_panel import NotesPanel
from annotator.gui.pending_guard import done_despite_pending
from annotator.gui.plain import shorten
from annotator.gui.review_mode import ReviewMode
from annotator.gui.schema_editor import SchemaEditor
from annotator.gui.span_form import SpanForm
from annotator.gui.status_bar import ElidingStatusBar
from annotator.gui.suggestion_review import SuggestionReview
from annotator.gui.undo import push, step
from annotator.gui.vertical_scroll import VerticalScroll
from annotator.gui.worker import Job
from annotator.gui.workspace_events import WorkspaceEvents

LANGUAGE_KEY = "gui.language"
FONT_KEY = "gui.font_size"
SNAP_KEY = "gui.snap_words"
FONT_SIZES = (10, 40)
# How often the window asks SQLite whether another program changed the file (one cheap PRAGMA).
EXTERNAL_CHECK_MS = 1000
# Changes that alter nothing the window shows.
_INVISIBLE = frozenset({"add_time"})


def position_key(layer: str) -> str:
    return f"gui.position.{layer}"


# The span table always shows at least this many rows, whatever shares the side column.
TABLE_ROWS = 5


class MainWindow(QMainWindow):
    # After a document is shown (review mode and the gold comparison follow it).
    document_opened = Signal(str)
    # The user picked an interface language (already remembered); the session rebuilds.
    language_chosen = Signal(str)

    def __init__(self, workspace: Workspace, annotator: str, review: bool = False) -> None:
        super().__init__()
        self.workspace = workspace
        # A reviewer starts on gold: opening the reviewer's own layer first would count time
        # there and create an empty annotator layer for someone who only reviews.
        own_layer = annotator_layer(annotator)
        self.layer = GOLD_LAYER if review else own_layer
        self.annotator = annotator
        self.schema = workspace.schema
        self.doc: Document | None = None
        self.state: DocumentState | None = None
        self.selected: str | None = None
        self.clock = DocumentClock()
        self._closed = False
        self._refusal = ""  # the last refusal reported, until an action goes through
        # A workspace that cannot be written (asked for, or a read-only file) is for reading.
        self.read_only = workspace.read_only
        self.undo_group = QUndoGroup(self)
        self.stacks: dict[str, QUndoStack] = {}
        self.events = WorkspaceEvents(workspace, self)
        # One dict shared by the article and the table: a schema change recolours both.
        colors = self.colors = {name: spec.color for name, spec in self.schema.labels.items()}

        self.window_actions = build_actions(self, self.schema, workspace.setting(LANGUAGE_KEY))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.window_actions.snap_words.setChecked(bool(workspace.setting(SNAP_KEY, True)))

        self.panel = DocumentPanel(workspace.query, self.layer, workspace.path)
        self.header = DocumentHeader()
        self.banner = DoneChecksBanner()
        self.read_only_banner = QLabel(
            self.tr(
                "This workspace is open read-only: you can read and browse, but nothing can be "
                "tagged or changed."
            )
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("background: #fde2e1; padding: 6px;")
        self.read_only_banner.hide()
        self.article = ArticleView(colors, int(workspace.setting(FONT_KEY, 16)))
        self.form = SpanForm(self.schema)
        self.table_model = SpanTableModel(colors)
        self.table = AnnotationTable(self.table_model)
        self.suggestion_review = SuggestionReview(
            self, workspace, self.events, self.layer, self.article, self._push, self._report
        )
        self.notes = NotesPanel(self, self._push)
        self.link_picker = LinkPicker(self)
        # View state (position, time spent) is written a moment after it changes, not on
        # every switch or scroll step; closing the window writes it at once.
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(800)
        self._unsaved_seconds: dict[str, float] = {}
        # Another program (the CLI, a second window) may change the file: look now and then.
        self.external = ExternalChanges(workspace)
        # Attribute completions (every SPEAKER entity so far) are read once per label, when a
        # span of it is first shown, then grow with this window's edits: never a corpus-wide
        # query on start-up or after an edit.
        self._completion_labels: set[str] = set()
        self.external_timer = QTimer(self)
        self.external_timer.setInterval(EXTERNAL_CHECK_MS)

        self.working_as = QLabel()
        self.working_as.setObjectName("workingAs")
        self.working_as.setTextFormat(Qt.TextFormat.PlainText)
        self._build_layout()
        self._build_menus()
        self._show_who()
        self.compare = GoldCompare(self, workspace, self.article, self.events)
        self.review = ReviewMode(self)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.review.toggle, self.compare.toggle])
        self.addAction(self.compare.toggle)
        self._connect()
        self.resize(1400, 860)
        self._restore_position()
        self.article.setFocus()  # keyboard-first: the caret is in the article from the start
        if self.read_only:
            self._enter_read_only()
        self.review.toggle.setChecked(review)
        self.external_timer.start()

    # ------------------------------------------------------------------ construction
    def _build_layout(self) -> None:
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.read_only_banner)
        center_layout.addWidget(self.header)
        center_layout.addWidget(self.banner)
        center_layout.addWidget(self.article, 1)

        buttons = self.label_buttons = QHBoxLayout()
        buttons.addStretch(1)
        # The side column: in review mode the review panel joins it (gui/review_mode.py), so
        # the article keeps its width. The form and notes scroll rather than push: with the
        # panel above them they may get little height, while the label buttons stay in view,
        # the span table keeps TABLE_ROWS rows and the window never grows taller than a
        # laptop's screen.
        form_and_notes = QWidget()
        inner = QVBoxLayout(form_and_notes)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.form)
        inner.addWidget(self.notes, 1)
        scroll = VerticalScroll(form_and_notes)
        scroll.setObjectName("formAndNotes")
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(buttons)
        upper_layout.addWidget(scroll, 1)
        header = self.table.horizontalHeader().sizeHint().height()
        rows = self.table.verticalHeader().defaultSectionSize() * TABLE_ROWS
        self.table.setMinimumHeight(header + rows + 2 * self.table.frameWidth())
        side = self.side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(upper)
        side.addWidget(self.table)
        side.setChildrenCollapsible(False)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        side.setSizes([500, 300])

        splitter = QSplitter()
        splitter.addWidget(self.panel)
        splitter.addWidget(center)
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 760, 380])
        self.setCentralWidget(splitter)
        self.setStatusBar(ElidingStatusBar(self))
        self.statusBar().addPermanentWidget(self.suggestion_review.status)
        self.statusBar().addPermanentWidget(self.working_as)

    def _build_menus(self) -> None:
        a = self.window_actions
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([a.delete_span, a.link_mode, a.cancel, a.next_span, a.previous_span])
        edit.addAction(a.focus_article)
        edit.addSeparator()
        edit.addAction(a.snap_words)
        edit.addSeparator()
        self.edit_schema_action = QAction(self.tr("Label schema…"), self)
        self.edit_schema_action.setObjectName("action_edit_schema")
        self.edit_schema_action.setEnabled(not self.read_only)
        edit.addAction(self.edit_schema_action)
        self.tag_menu = self.menuBar().addMenu(self.tr("&Tag"))
        span_menu = self.menuBar().addMenu(self.tr("S&pan"))
        span_menu.addActions(list(a.moves))
        document = self.menuBar().addMenu(self.tr("D&ocument"))
        document.addAction(a.mark_done)
        view = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        view.addActions([a.refresh, a.zoom_in, a.zoom_out])
        language = view.addMenu(self.tr("Language"))
        language.addActions(a.languages.actions())
        self.suggestions_menu = self.menuBar().addMenu(self.tr("S&uggestions"))
        self.suggestion_review.fill_menu(self.suggestions_menu)
        # Shortcuts must work with the menu bar hidden or focus anywhere in the window.
        self.addActions(
            [
                self.undo_action,
                self.redo_action,
                *a.moves,
                a.delete_span,
                a.link_mode,
                a.cancel,
                a.next_span,
                a.previous_span,
                a.mark_done,
                a.focus_article,
                a.zoom_in,
                a.zoom_out,
                a.refresh,
                a.quit,
            ]
        )
        self._install_tag_actions()

    def _install_tag_actions(self) -> None:
        """The schema's label actions in the window, the Tag menu and the label buttons."""
        a = self.window_actions
        self.tag_menu.addActions(list(a.tag.values()))
        self.tag_menu.addSeparator()
        self.tag_menu.addActions(list(a.tag_exact.values()))
        self.addActions([*a.tag.values(), *a.tag_exact.values()])
        for index, (name, action) in enumerate(a.tag.items()):
            button = QToolButton()
            button.setObjectName(f"labelButton_{name}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.label_buttons.insertWidget(index, button)
        for label, action in a.tag.items():
            action.triggered.connect(partial(self._on_tag_triggered, label, False))
            action.setEnabled(not self.read_only)
        for label, action in a.tag_exact.items():
            action.triggered.connect(partial(self._on_tag_triggered, label, True))
            action.setEnabled(not self.read_only)

    def _apply_schema(self) -> None:
        """Show the workspace's (new) schema at once: actions, keys, buttons, colours, form."""
        self.schema = self.workspace.schema
        a = self.window_actions
        self.tag_menu.clear()
        for action in (*a.tag.values(), *a.tag_exact.values()):
            self.removeAction(action)
            action.deleteLater()
        while self.label_buttons.count() > 1:  # the buttons, not the stretch after them
            item = self.label_buttons.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        a.tag, a.tag_exact = build_tag_actions(self, self.schema)
        self._install_tag_actions()
        self.colors.clear()
        self.colors.update({name: spec.color for name, spec in self.schema.labels.items()})
        self.form.set_schema(self.schema)
        self._completion_labels.clear()  # the form's completion lists are new: read again

    def _connect(self) -> None:
        a = self.window_actions
        # Undo and redo run the command before the stack moves (gui/undo.step), so a step the
        # store refuses leaves the history where it was; the group keeps their text up to date.
        for history, backwards in ((self.undo_action, True), (self.redo_action, False)):
            history.triggered.disconnect()
            history.triggered.connect(partial(self._on_history_triggered, backwards))
        self.events.changed.connect(self._on_workspace_changed)
        self.panel.document_selected.connect(self._on_panel_document_selected)
        self.edit_schema_action.triggered.connect(self._on_edit_schema_triggered)
        for action, move in a.moves.items():
            action.triggered.connect(partial(self._on_move_triggered, move))
        a.delete_span.triggered.connect(self._on_delete_span_triggered)
        a.link_mode.toggled.connect(self._on_link_mode_toggled)
        self.link_picker.candidate_changed.connect(self._on_link_picker_candidate_changed)
        self.link_picker.chosen.connect(self._on_link_picker_chosen)
        a.cancel.triggered.connect(self._on_cancel_triggered)
        a.focus_article.triggered.connect(self._on_focus_article_triggered)
        a.next_span.triggered.connect(partial(self._on_neighbour_triggered, True))
        a.previous_span.triggered.connect(partial(self._on_neighbour_triggered, False))
        a.mark_done.triggered.connect(self._on_mark_done_triggered)
        a.snap_words.toggled.connect(self._on_snap_words_toggled)
        a.zoom_in.triggered.connect(partial(self._on_zoom_triggered, 1))
        a.zoom_out.triggered.connect(partial(self._on_zoom_triggered, -1))
        a.refresh.triggered.connect(self._on_refresh_triggered)
        self.external_timer.timeout.connect(self._on_external_timer_timeout)
        a.quit.triggered.connect(self.close)
        a.languages.triggered.connect(self._on_languages_triggered)
        self.article.span_clicked.connect(self._on_article_span_clicked)
        self.article.verticalScrollBar().valueChanged.connect(self._on_article_scrolled)
        self.save_timer.timeout.connect(self._on_save_timer_timeout)
        self.table.span_selected.connect(self._on_table_span_selected)
        self.form.attribute_edited.connect(self._on_form_attribute_edited)
        self.form.speaker_chosen.connect(self._on_form_speaker_chosen)
        self.form.completions_wanted.connect(self._on_form_completions_wanted)
        self.banner.confirmed.connect(self._on_banner_confirmed)
        self.banner.dismissed.connect(self.banner.hide)
        self.header.published_edited.connect(self._on_header_published_edited)
        self.suggestion_review.current_changed.connect(self._on_suggestions_current_changed)
        self.suggestion_review.informed.connect(self._on_suggestions_informed)
        self.document_opened.connect(self._on_document_opened)
        self.notes.document_requested.connect(self._on_panel_document_selected)

    # ------------------------------------------------------------------ state
    def current_document(self) -> str | None:
        return self.doc.id if self.doc else None

    def selected_span(self) -> Span | None:
        if self.state is None or self.selected is None:
            return None
        return self.state.by_id.get(self.selected)

    def _stack_for(self, doc_id: str) -> QUndoStack:
        """One undo stack per document, so Ctrl+Z never edits a document out of sight."""
        if doc_id not in self.stacks:
            stack = QUndoStack(self.undo_group)
            self.stacks[doc_id] = stack
        return self.stacks[doc_id]

    def push_command(self, command: Command) -> bool:
        """Do ``command`` and put it on its document's undo stack (review decisions use this);
        a refusal is reported in the status bar. False if refused."""
        return push(self._stack_for(command.doc_id), command, self._report)

    def _push(self, command: Command) -> bool:
        if push(self._stack_for(command.doc_id), command, self._report):
            self._clear_error()
            return True
        if self.state is not None:
            # A refused choice (a speaker picked in the form) must not stay on screen as if
            # saved: show the store's version again, with the reason beside it.
            message = self.statusBar().currentMessage()
            self._show_selection()
            self.form.show_error(message)
        return False

    def _report(self, message: str) -> None:
        self._refusal = message
        self.statusBar().showMessage(message, 10000)
        self.form.show_error(message)

    def _clear_error(self) -> None:
        """An action went through: a refusal shown before (in red under the form and in the
        status bar) no longer applies, whether or not the form was repainted since."""
        if self._refusal and self.statusBar().currentMessage() == self._refusal:
            self.statusBar().clearMessage()
        self._refusal = ""
        self.form.show_error("")

    def _open_document(self, doc_id: str) -> None:
        if self.doc is not None and self.doc.id == doc_id:
            return
        self._record_time(doc_id)
        self.save_timer.start()
        self.banner.hide()
        self.window_actions.link_mode.setChecked(False)
        self.doc = self.workspace.document(doc_id)
        self.selected = None
        self.article.setPlainText(self.doc.text)
        self.header.show_document(self.doc.title, self.doc.published)
        self.undo_group.setActiveStack(self._stack_for(doc_id))
        self._refresh()
        self.suggestion_review.open(doc_id, self.doc.text)
        self.panel.select(doc_id)
        self.document_opened.emit(doc_id)

    def show_layer(self, layer: str) -> None:
        """Show and edit ``layer`` (gold in review mode, else the annotator's own)."""
        if self.doc is not None:  # time spent so far counts for the layer it was spent on
            self._record_time(self.doc.id)
            self._save_view_state()
        self.layer = layer
        self._show_who()
        # Suggestions follow the shown layer: in review mode accepting one into gold is refused
        # (the core's rule) rather than silently writing the reviewer's own layer.
        self.suggestion_review.layer = layer
        self.state, self.selected = None, None
        self.window_actions.mark_done.setEnabled(layer != GOLD_LAYER and not self.read_only)
        self.compare.toggle.setEnabled(layer != GOLD_LAYER)
        self.compare.toggle.setChecked(False)
        self.panel.set_layer(layer)
        self._refresh()
        self.notes.refresh()

    def _show_who(self) -> None:
        """Who is working, and as what, in the title and the status bar at all times."""
        if self.layer == GOLD_LAYER:
            who = self.tr("{name}, reviewing (writes gold)").format(name=self.annotator)
        else:
            who = self.tr("{name}, annotating").format(name=self.annotator)
        self.working_as.setText(who)
        self.setWindowTitle(
            self.tr("Arabic News Annotator — {who} — {file}").format(
                who=who, file=self.workspace.path.name
            )
        )

    def _record_time(self, next_doc: str | None) -> None:
        previous, seconds = self.clock.switch(next_doc)
        if previous is not None and seconds > 0:
            self._unsaved_seconds[previous] = self._unsaved_seconds.get(previous, 0.0) + seconds

    def _refresh(self, state: DocumentState | None = None) -> None:
        """Show ``state`` (or this document's layer, re-read from the store) everywhere."""
        if self.doc is None:
            return
        self.state = state or DocumentState.load(
            self.workspace, self.doc.id, self.layer, self.doc.text, self.state
        )
        if self.selected not in self.state.by_id:
            self.selected = None
        self.table.show_state(self.state)
        self._show_selection()

    def _show_selection(self) -> None:
        assert self.state is not None
        self._follow_link_head()
        self.notes.follow_selection()
        partners = self.state.partners(self.selected)
        if self.selected is not None:
            self.suggestion_review.leave()
        self.article.show_spans(self.state.spans, self.selected, partners)
        self.table.select_span(self.selected)
        span = self.selected_span()
        if span is None:
            self.form.show_span(None, "", [], None)
            return
        self.article.drop_selection()
        targets = self.state.labelled(link_targets(self.schema, span.label))
        speakers = [(s.id, shorten(self.state.span_text(s), 50)) for s in targets]
        linked = self.state.linked_child(span.id)
        self.form.show_span(
            span, self.state.span_text(span), speakers, linked.id if linked else None
        )

    def _follow_link_head(self) -> None:
        """Link mode links the span it started from: another selection (a row of the table,
        a tag) or that span's removal ends it; new or removed speakers are offered again."""
        assert self.state is not None
        if not self.window_actions.link_mode.isChecked():
            return
        head = self.link_picker.head
        gone = head is None or head.id != self.selected or head.id not in self.state.by_id
        if gone or not self.link_picker.update(self.state.spans):
            self.window_actions.link_mode.setChecked(False)

    def _select(self, span_id: str | None) -> None:
        self.selected = span_id or None
        if self.state is not None:
            self._show_selection()

    def _mark_done_and_next(self) -> None:
        assert self.doc is not None
        self.banner.hide()
        if not self._push(SetStatus(self.workspace, self.doc.id, self.layer, Status.DONE)):
            return
        following = catalog.next_unfinished(self.workspace.query, self.layer, self.doc.id)
        if following is None:
            self.statusBar().showMessage(self.tr("Every document is done."), 10000)
        else:
            self._open_document(following)

    def _save_view_state(self) -> None:
        """Remember the open document and scroll position, and add up the time spent."""
        if self.doc is not None:
            self._remember(
                position_key(self.layer),
                {"doc": self.doc.id, "scroll": self.article.verticalScrollBar().value()},
            )
        if not self.read_only:
            try:
                for doc_id, seconds in list(self._unsaved_seconds.items()):
                    self.workspace.add_time(doc_id, self.layer, seconds)
                    del self._unsaved_seconds[doc_id]
            except AnnotatorError as exc:  # kept for the next try (the file may be locked)
                self.statusBar().showMessage(str(exc), 10000)

    def _remember(self, key: str, value: object) -> None:
        """Keep a view setting, unless the workspace is read-only (then it lasts this session).

        View state is a convenience: failing to store it (a locked file) is reported, never
        allowed to stop the window or lose an edit.
        """
        if self.read_only:
            return
        try:
            self.workspace.set_setting(key, value)
        except AnnotatorError as exc:
            self.statusBar().showMessage(str(exc), 10000)

    def _show_external_changes(self, force: bool = False) -> None:
        """Re-read what another program may have changed, if it did (always when ``force``).

        New documents join the list, statuses and this document's date and spans are re-read;
        unchanged spans keep their objects, so the selection and every undo step stay as they
        were unless another program removed the very span they concern.
        """
        if self._closed:
            return
        try:
            change = self.external.changed()
            if force:  # F5: the person asks for everything to be read again
                change = replace(change or self.external.since_last_seen(), whole_workspace=True)
            if change is not None:
                self._reload_from_store(change)
        except (AnnotatorError, sqlite3.DatabaseError) as exc:  # asked every second: never raise
            self.statusBar().showMessage(
                self.tr("{path} could not be read again: {error}").format(
                    path=self.workspace.path, error=exc
                ),
                10000,
            )

    def _reload_from_store(self, change: Change) -> None:
        """Another program committed: the document list repaints the rows ``change`` names (or
        reloads when documents may have come or gone), the open document is re-read if it is
        one of those changed."""
        self._show_change_in_list(change)
        if self.doc is None:
            self._restore_position()
        if self.doc is not None and change.touches(self.doc.id):
            stored = self.workspace.document(self.doc.id)
            if stored.published != self.doc.published:
                self.doc = stored
                self.header.show_document(stored.title, stored.published)
        self.events.announce_external_change(change)  # this window and every panel re-read

    def _enter_read_only(self) -> None:
        """Show why nothing can be edited and switch off everything that would try."""
        self.read_only_banner.show()
        a = self.window_actions
        for action in (
            *a.tag.values(),
            *a.tag_exact.values(),
            *a.moves,
            a.delete_span,
            a.link_mode,
            a.mark_done,
        ):
            action.setEnabled(False)
        self.header.published.setReadOnly(True)
        self.form.setEnabled(False)

    def _restore_position(self) -> None:
        conn = self.workspace.query
        saved = self.workspace.setting(position_key(self.layer)) or {}
        known = isinstance(saved.get("doc"), str) and catalog.rowid_of(conn, saved["doc"])
        doc_id = saved["doc"] if known else catalog.first_document(conn)
        if doc_id is None:
            return
        self._open_document(doc_id)
        if doc_id == saved.get("doc"):
            self.article.verticalScrollBar().setValue(int(saved.get("scroll", 0)))

    def _load_completions(self, label: str) -> None:
        """The values used so far of ``label``'s free attributes (every SPEAKER entity), read
        once per label, when one of its fields is first entered, off the UI thread: a pass
        over every span of that label, a second or more at 100,000 articles, which neither a
        tag nor typing in the field waits for. Values this window saves join them at once
        (``_add_completions``)."""
        if label in self._completion_labels:
            return
        self._completion_labels.add(label)
        names = [name for known, name in self.form.completions if known == label]
        if not names:
            return
        path = self.workspace.path

        def read_values(_progress: Callable[[int], None]) -> dict[str, list[str]]:
            with Workspace(path, read_only=True) as ws:
                return {name: ws.attribute_values(label, name) for name in names}

        job = Job(read_values, self)
        job.succeeded.connect(partial(self._on_completions_job_succeeded, label))
        job.finished.connect(job.deleteLater)
        job.start()

    def _on_completions_job_succeeded(self, label: str, values: dict[str, list[str]]) -> None:
        if self._closed or label not in self._completion_labels:
            return  # the window closed, or the schema changed: its form reads them again
        for name, found in values.items():
            model = self.form.completions.get((label, name))
            if model is not None:
                merged = sorted({*found, *model.stringList()})
                self.form.set_completions(label, name, merged)

    def _add_completions(self, payload: dict[str, Any]) -> None:
        """A value this window just saved joins the completions (no query over all spans),
        whether or not the label's values were read yet."""
        span = payload.get("span") or payload.get("after")
        if not isinstance(span, dict):
            return
        label = span.get("label")
        if not isinstance(label, str):
            return
        for name, value in (span.get("attrs") or {}).items():
            model = self.form.completions.get((label, name))
            if model is not None and value and value not in model.stringList():
                self.form.set_completions(label, name, sorted([*model.stringList(), value]))

    def _show_change_in_list(self, change: Change) -> None:
        """The document list repaints the rows a change touched, or reloads for an import."""
        if change.whole_workspace or change.kind is ChangeKind.DOCUMENTS_ADDED:
            self.panel.reload()
        elif change.doc_ids:
            self.panel.refresh_documents(change.doc_ids)

    # ------------------------------------------------------------------ slots
    def _on_workspace_changed(self, change: Change) -> None:
        action, payload = change.action, change.payload
        if change.kind is ChangeKind.SCHEMA or (
            change.whole_workspace and self.workspace.schema != self.schema
        ):
            self._apply_schema()
        if action not in _INVISIBLE and action != EXTERNAL_CHANGE:
            self._show_change_in_list(change)  # another program's: _reload_from_store did
        # Notes are the notes panel's (it refreshes itself); spans are untouched.
        quiet = (ChangeKind.SETTINGS, ChangeKind.NOTES)
        if change.kind in quiet or action in _INVISIBLE or self.doc is None:
            return
        self._add_completions(payload)
        if action == "set_published":
            self.doc = self.workspace.document(self.doc.id)
            self.header.show_document(self.doc.title, self.doc.published)
        self._refresh(self.state.apply(self.workspace, action, payload) if self.state else None)

    def _on_document_opened(self, doc_id: str) -> None:
        self.compare.show_document(doc_id, self.annotator)

    def _on_edit_schema_triggered(self, _checked: bool = False) -> None:
        self.schema_editor = SchemaEditor(self.workspace, self)
        self.schema_editor.finished.connect(self._on_schema_editor_finished)
        self.schema_editor.open()

    def _on_schema_editor_finished(self, _result: int) -> None:
        # Keyboard-first: back in the article, where the new label's key works at once.
        self.activateWindow()
        self.article.setFocus()

    def _on_panel_document_selected(self, doc_id: str) -> None:
        self._open_document(doc_id)

    def _on_tag_triggered(self, label: str, exact: bool, _checked: bool = False) -> None:
        if self.doc is None:
            return
        # Alt held while clicking a label button tags exactly, like Alt with the label key.
        alt = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        snap = self.window_actions.snap_words.isChecked() and not (exact or alt)
        chosen = self.article.selected_range(whole_words=snap)
        if chosen is None:
            self._report(self.tr("Select some text in the article first."))
            return
        attrs = proposed_attrs(
            self.schema, label, self.doc.text[slice(*chosen)], self.doc.published
        )
        command = AddSpan(self.workspace, self.doc.id, self.layer, *chosen, label, attrs)
        # Selected before the store reports the new span, so it is painted once, selected.
        previous, self.selected = self.selected, command.span_id
        if not self._push(command):
            self.selected = previous

    def _on_history_triggered(self, backwards: bool, _checked: bool = False) -> None:
        stack = self.undo_group.activeStack()
        if stack is not None:
            step(stack, backwards, self._report)

    def _on_move_triggered(self, move: Move, _checked: bool = False) -> None:
        span = self.selected_span()
        if span is None or self.doc is None:
            return
        moved = move_edge(self.doc.text, span.start, span.end, move.edge, move.step, move.forward)
        if moved is not None:
            self._push(MoveSpan(self.workspace, span.doc_id, span.id, *moved))

    def _on_delete_span_triggered(self) -> None:
        span = self.selected_span()
        if span is not None:
            self._push(DeleteSpan(self.workspace, span.doc_id, span.id))

    def _on_link_mode_toggled(self, checked: bool) -> None:
        if not checked:
            self.link_picker.stop()
            return
        span = self.selected_span()
        targets = link_targets(self.schema, span.label) if span is not None else frozenset()
        if span is None or not targets:
            self.window_actions.link_mode.setChecked(False)
            self._report(self.tr("Select a quote or claim first, then press L."))
            return
        assert self.state is not None
        linked = self.state.linked_child(span.id)
        if not self.link_picker.start(
            span, self.state.spans, targets, self.state.text, linked.id if linked else None
        ):
            self.window_actions.link_mode.setChecked(False)
            self._report(
                self.tr(
                    "Nothing in this document can be linked to this {head}: tag its {child} first."
                ).format(
                    head=label_title(span.label),
                    child=" / ".join(label_title(t) for t in sorted(targets)),
                )
            )
            return
        self._clear_error()

    def _on_link_picker_candidate_changed(self, span_id: str) -> None:
        """Highlight the span Enter would link to, and name it in the status bar."""
        span = self.state.by_id.get(span_id) if self.state and span_id else None
        self.article.show_candidate(span)
        if span is not None:
            self.statusBar().showMessage(self.link_picker.message())
        else:
            self.statusBar().clearMessage()

    def _on_link_picker_chosen(self, child_id: str) -> None:
        head = self.selected_span()
        self.window_actions.link_mode.setChecked(False)
        if head is not None:
            self._link(head, child_id)

    def _on_cancel_triggered(self) -> None:
        focused = QApplication.focusWidget()
        in_form = focused is not None and self.form.isAncestorOf(focused)
        if in_form and not self.window_actions.link_mode.isChecked():
            self.article.setFocus()  # out of the field first; the span stays selected
            return
        self.window_actions.link_mode.setChecked(False)
        self.suggestion_review.leave()  # a suggestion under review stops being current
        self.banner.hide()
        self.statusBar().clearMessage()
        self.article.drop_selection()
        self._select(None)

    def _on_focus_article_triggered(self) -> None:
        """F6: the keyboard is back in the article (tag keys, Enter on a suggestion)."""
        self.activateWindow()
        self.article.setFocus()

    def _on_neighbour_triggered(self, forward: bool, _checked: bool = False) -> None:
        """Walk the spans in text order from the keyboard, showing each in the article."""
        if self.state is None:
            return
        if self.window_actions.link_mode.isChecked():  # the candidates, in reading order
            self.link_picker.step_in_text(forward)
            return
        span = neighbour(self.state.spans, self.selected, forward)
        if span is not None:
            self._select(span.id)
            self.article.reveal(span)

    def _on_article_span_clicked(self, span_id: str) -> None:
        head = self.selected_span()
        if self.window_actions.link_mode.isChecked() and head is not None and span_id:
            self.window_actions.link_mode.setChecked(False)
            self._link(head, span_id)
        else:
            self._select(span_id)

    def _link(self, head: Span, child_id: str) -> None:
        assert self.state is not None
        child = self.state.by_id[child_id]
        relation = relation_between(self.schema, head.label, child.label)
        if relation is None:
            self._report(
                self.tr("A {head} cannot be linked to a {child}.").format(
                    head=label_title(head.label), child=label_title(child.label)
                )
            )
            return
        self._push(LinkSpeaker(self.workspace, head.doc_id, head.id, child_id, relation))
        self.statusBar().clearMessage()

    def _on_table_span_selected(self, span_id: str) -> None:
        self._select(span_id)
        span = self.selected_span()
        if span is not None:
            self.article.reveal(span)

    def _on_form_attribute_edited(self, span_id: str, name: str, value: str) -> None:
        if self.doc is not None:
            self._push(SetAttribute(self.workspace, self.doc.id, span_id, name, value))

    def _on_form_completions_wanted(self, label: str) -> None:
        self._load_completions(label)

    def _on_form_speaker_chosen(self, head_id: str, child_id: str) -> None:
        head = self.selected_span()
        if head is None or head.id != head_id or self.state is None:
            return
        # Unlinking names no child: the relation is the one the current link has.
        child = self.state.by_id.get(child_id) if child_id else self.state.linked_child(head_id)
        relation = relation_between(self.schema, head.label, child.label) if child else None
        if relation is not None:
            self._push(
                LinkSpeaker(self.workspace, head.doc_id, head_id, child_id or None, relation)
            )

    def _on_mark_done_triggered(self) -> None:
        if self.state is None:
            return
        pending = len(self.suggestion_review.pending)
        if pending and not self.banner.isVisible() and not done_despite_pending(self, pending):
            # Back from the question, the keys that review (Enter, Backspace, N) act in the
            # article: the window takes the focus again and the first suggestion is current.
            self.activateWindow()
            self.article.setFocus()
            self.suggestion_review.review_from_start()
            return
        missing = missing_before_done(self.schema, self.state.spans, self.state.relations)
        if missing and not self.banner.isVisible():
            self.banner.show_missing(missing, self.state.text)
        else:
            self._mark_done_and_next()

    def _on_banner_confirmed(self) -> None:
        self._mark_done_and_next()

    def _on_header_published_edited(self, value: str) -> None:
        if self.doc is not None:
            self._push(SetPublished(self.workspace, self.doc.id, value or None))

    def _on_suggestions_current_changed(self, suggestion_id: str) -> None:
        """Reviewing a suggestion deselects the span; Backspace then rejects, not deletes."""
        self.window_actions.delete_span.setEnabled(not suggestion_id and not self.read_only)
        if suggestion_id:
            self._select(None)

    def _on_suggestions_informed(self, message: str) -> None:
        """News, not an error: the status bar only, never the form's red error line."""
        self.form.show_error("")
        self.statusBar().showMessage(message, 10000)

    def _on_snap_words_toggled(self, checked: bool) -> None:
        self._remember(SNAP_KEY, checked)

    def _on_zoom_triggered(self, step: int, _checked: bool = False) -> None:
        size = max(FONT_SIZES[0], min(FONT_SIZES[1], self.article.font_size() + step))
        self.article.set_font_size(size)
        self._remember(FONT_KEY, size)

    def _on_languages_triggered(self, action: QAction) -> None:
        self._remember(LANGUAGE_KEY, action.data() or None)
        self.language_chosen.emit(action.data() or "")

    def _on_refresh_triggered(self, _checked: bool = False) -> None:
        self._show_external_changes(force=True)

    def _on_external_timer_timeout(self) -> None:
        self._show_external_changes()

    def _on_article_scrolled(self, _value: int) -> None:
        self.save_timer.start()

    def _on_save_timer_timeout(self) -> None:
        # A background run that ends after the window closed restarts the timer; the
        # workspace is closed by then and closing saved the view state already.
        if not self._closed:
            self._save_view_state()

    def changeEvent(self, event: QEvent) -> None:
        """Time counts only while this window is the active one."""
        if event.type() == QEvent.Type.ActivationChange and not self._closed:
            if self.doc:
                self._record_time(self.doc.id if self.isActiveWindow() else None)
            if self.isActiveWindow():  # back from another program: show what it changed
                self._show_external_changes()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_timer.stop()
            self.external_timer.stop()
            self._record_time(None)
            self._save_view_state()
            self.suggestion_review.stop()
            self.panel.stop()
            for job in self.findChildren(Job):  # the day's backup, a cancelled import...
                job.wait()  # ...read or write the file: done before its connection closes
            self.workspace.close()
        super().closeEvent(event)
