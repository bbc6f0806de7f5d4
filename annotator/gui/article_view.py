"""The read-only right-to-left article view: plain text, painted spans, clicks and selections.

Offsets cross between Qt (UTF-16 units) and the store (code points) only here, through one
``Utf16Offsets`` per text. Spans are painted as ``ExtraSelection`` backgrounds and underlines,
which Qt draws clipped over already-shaped lines: the painted region is exactly the stored
characters, letters stay joined at a highlight edge and word order never changes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QToolTip

from annotator.arabic.words import snap_selection, tokens_dragged, widen_to_touched
from annotator.core.checks import nesting_depths, pick_at, spans_at
from annotator.core.model import Span
from annotator.core.text import Utf16Offsets
from annotator.gui.app import ARTICLE_FONT_FAMILY
from annotator.gui.plain import shorten, tooltip
from annotator.gui.suggestion_look import describe, suggestion_selections

FLASH_MS = 700
# The text selection's colour, fixed rather than the style's, so that the label colours
# (resources/schema.json, Okabe-Ito hues) are chosen against it: no label may look like the
# selection, also under colour blindness (tests/test_label_colors.py).
SELECTION_COLOR = "#308CC6"
# How strongly a span's label colour tints the text behind it, by how the span is shown.
TINT_ALPHA = {"flash": 255, "candidate": 255, "selected": 170, "partner": 170, "plain": 120}
_DEPTH_UNDERLINES = (
    QTextCharFormat.UnderlineStyle.NoUnderline,
    QTextCharFormat.UnderlineStyle.DashUnderline,
    QTextCharFormat.UnderlineStyle.DotLine,
    QTextCharFormat.UnderlineStyle.DashDotLine,
)


class ArticleView(QPlainTextEdit):
    """Article text as plain text only (never HTML), right to left, selectable, not editable.

    Emits ``span_clicked`` with the id of the span under a click (the innermost first, the next
    one out on a second click), or "" for a click on untagged text; ``suggestion_clicked`` with
    the innermost suggestion under a click on untagged text.
    """

    span_clicked = Signal(str)
    suggestion_clicked = Signal(str)

    def __init__(self, colors: dict[str, str] | None = None, font_size: int = 16) -> None:
        super().__init__()
        self.colors = colors or {}
        self.offsets = Utf16Offsets("")
        self._text = ""
        self._spans: list[Span] = []
        self._selected: str | None = None
        self._partners: Collection[str] = ()
        self._flash: str | None = None
        # The span Enter would link the selected quote to, in link mode (gui/link_picker.py).
        self._candidate: str | None = None
        self._pressed_at: QPoint | None = None
        # The selection a drag left and the characters under its press and release.
        self._swept: tuple[tuple[int, int], tuple[int, ...]] | None = None
        self._usual_palette: QPalette | None = None  # kept while the selection is see-through
        self._formats: dict[tuple[str, str, int], QTextCharFormat] = {}
        self._painted: dict[str, tuple[tuple[object, ...], QTextEdit.ExtraSelection]] = {}
        # Painted under the spans: other layers in review mode, gold differences for feedback.
        self._overlay: list[QTextEdit.ExtraSelection] = []
        self._suggestions: list[Span] = []
        self._suggestion_selections: list[QTextEdit.ExtraSelection] = []
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        # Keyboard selection gives a caret (caret browsing): Shift+arrows select in the view.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTION_COLOR))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        self.setPalette(palette)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(18)
        self.set_font_size(font_size)
        self.viewport().installEventFilter(self)

    # ------------------------------------------------------------------ text and offsets
    def setPlainText(self, text: str) -> None:
        self.offsets = Utf16Offsets(text)
        self._text = text
        self._spans, self._selected, self._partners, self._flash = [], None, (), None
        self._candidate = None
        self._painted = {}
        self._overlay = []
        self._suggestions, self._suggestion_selections = [], []
        super().setPlainText(text)

    def set_font_size(self, points: int) -> None:
        """Noto Naskh Arabic's own line gap (about 1.7 em) gives the generous line spacing."""
        self.setFont(QFont(ARTICLE_FONT_FAMILY, points))

    def font_size(self) -> int:
        return self.font().pointSize()

    def selection_offsets(self) -> tuple[int, int]:
        """The current selection as code-point offsets (start <= end)."""
        cursor = self.textCursor()
        start = self.offsets.from_utf16(cursor.selectionStart())
        end = self.offsets.from_utf16(cursor.selectionEnd())
        return start, end

    def select_offsets(self, start: int, end: int) -> None:
        """Select code points ``start``..``end``, as a drag or Shift+arrows would."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def set_see_through_selection(self, on: bool) -> None:
        """A translucent selection (review mode): the layers' underlines and tints under a
        selected conflict region stay visible, so both versions' extents show."""
        if on == (self._usual_palette is not None):
            return
        if not on:
            assert self._usual_palette is not None
            self.setPalette(self._usual_palette)
            self._usual_palette = None
            return
        self._usual_palette = QPalette(self.palette())
        palette = QPalette(self._usual_palette)
        highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(60)
        palette.setColor(QPalette.ColorRole.Highlight, highlight)
        palette.setColor(QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text))
        self.setPalette(palette)

    def drop_selection(self) -> None:
        """Leave only the caret where the selection ended, so no stale selection colour
        hides the painted spans (after an edge moved, a span was tagged, or Escape)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def selected_range(self, whole_words: bool) -> tuple[int, int] | None:
        """What tagging the current selection would store, snapped; None if nothing selected.

        Snapping also takes the whole words under both ends of the drag that made the
        selection, when the caret Qt placed left part of them out.
        """
        start, end = self.selection_offsets()
        if whole_words and start < end and self._swept and self._swept[0] == (start, end):
            start, end = widen_to_touched(self._text, start, end, self._swept[1])
        return snap_selection(self._text, start, end, whole_words=whole_words)

    def char_at(self, point: QPoint) -> int | None:
        """The code-point offset of the character drawn under a viewport point, if any.

        Unlike the caret position (between characters, on the nearer side), this is the
        character the pointer is over, found in the line's own layout (bidi included).
        """
        block = self.cursorForPosition(point).block()
        layout = block.layout()
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        local = QPointF(point) - origin
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            box = line.naturalTextRect()
            if not line.rect().top() <= local.y() < line.rect().bottom():
                continue
            if not box.left() <= local.x() < box.right():
                return None
            inside = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
            if inside >= block.length() - 1:
                return None
            return self.offsets.from_utf16(block.position() + inside)
        return None

    def offset_at(self, x: int, y: int) -> int:
        """The code-point offset nearest a viewport point."""
        return self.offsets.from_utf16(self.cursorForPosition(QPoint(x, y)).position())

    # ------------------------------------------------------------------ painting
    def show_spans(
        self, spans: list[Span], selected: str | None, partners: Collection[str] = ()
    ) -> None:
        """Remember and paint what the store holds; the flash and clicks use what is shown."""
        self._spans, self._selected, self._partners = spans, selected, partners
        self.paint_spans(spans, selected, partners, self._flash)

    def paint_spans(
        self,
        spans: Iterable[Span],
        selected: str | None = None,
        partners: Collection[str] = (),
        flash: str | None = None,
    ) -> None:
        """Paint spans as background and underline only (never a font change).

        Nested and overlapping spans get a deeper underline style per level, and their
        translucent backgrounds blend; the selected span and its linked partners are drawn
        last and stronger so they sit on top. A span painted the same way as last time reuses
        its extra selection, so tagging in a 2,000-span article rebuilds one, not all.
        """
        spans = list(spans)
        depths = nesting_depths(spans)
        emphasised = {selected, flash, self._candidate, *partners} - {None}
        painted: dict[str, tuple[tuple[object, ...], QTextEdit.ExtraSelection]] = {}
        selections = []
        # One cursor, moved per span: assigning it to a selection copies it.
        cursor = QTextCursor(self.document())
        for span in sorted(spans, key=lambda s: s.id in emphasised):
            if span.id == flash:
                role = "flash"
            elif span.id == self._candidate:
                role = "candidate"
            elif span.id == selected:
                role = "selected"
            elif span.id in partners:
                role = "partner"
            else:
                role = "plain"
            depth = min(depths.get(span.id, 0), len(_DEPTH_UNDERLINES) - 1)
            key = (span.start, span.end, span.label, role, depth)
            cached = self._painted.get(span.id)
            if cached is not None and cached[0] == key:
                selection = cached[1]
            else:
                cursor.setPosition(self.offsets.to_utf16(span.start))
                cursor.setPosition(self.offsets.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = self._format(span.label, role, depth)
            painted[span.id] = (key, selection)
            selections.append(selection)
        # QPlainTextEdit repaints its whole viewport on every setExtraSelections: skip it
        # when nothing would look different (a status or date change, a reselection).
        unchanged = list(painted.items()) == list(self._painted.items())
        self._painted = painted
        selections.extend(self._suggestion_selections)
        if not unchanged or not selections:
            self.setExtraSelections([*self._overlay, *selections])

    def set_overlay(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Paint ``selections`` beneath this layer's spans until the next text or overlay."""
        self._overlay = selections
        spans = [selection for _key, selection in self._painted.values()]
        self.setExtraSelections([*selections, *spans, *self._suggestion_selections])

    def show_suggestions(self, suggestions: list[Span], current: str | None) -> None:
        """Paint machine suggestions over the spans: underlined, never filled like a span."""
        self._suggestions = suggestions
        self._suggestion_selections = suggestion_selections(
            self.document(), self.offsets, suggestions, current, self.colors
        )
        spans = [selection for _key, selection in self._painted.values()]
        self.setExtraSelections([*self._overlay, *spans, *self._suggestion_selections])

    def _format(self, label: str, role: str, depth: int) -> QTextCharFormat:
        """One shared format per look: building thousands of formats per paint is slow."""
        key = (label, role, depth)
        if key not in self._formats:
            base = QColor(self.colors.get(label, "#cccccc"))
            background = QColor(base)
            background.setAlpha(TINT_ALPHA.get(role, TINT_ALPHA["plain"]))
            fmt = QTextCharFormat()
            fmt.setBackground(background)
            fmt.setUnderlineStyle(
                {
                    "selected": QTextCharFormat.UnderlineStyle.SingleUnderline,
                    "candidate": QTextCharFormat.UnderlineStyle.SingleUnderline,
                    "partner": QTextCharFormat.UnderlineStyle.WaveUnderline,
                }.get(role, _DEPTH_UNDERLINES[depth])
            )
            # The link candidate: full colour, underlined in the selection's blue, unlike
            # the selected quote (its own colour, darker) it would be linked from.
            underline = QColor(SELECTION_COLOR) if role == "candidate" else base.darker(160)
            fmt.setUnderlineColor(underline)
            self._formats[key] = fmt
        return self._formats[key]

    def reveal(self, span: Span) -> None:
        """Scroll the span into view (caret at its start) and flash it briefly."""
        self.scroll_to(span.start, span.end)
        self._flash = span.id
        self.paint_spans(self._spans, self._selected, self._partners, self._flash)
        self._flash_timer.start()

    def scroll_to(self, start: int, end: int) -> None:
        """Bring ``start``..``end`` into view with the caret at ``start`` (nothing selected)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(end))
        self.setTextCursor(cursor)
        cursor.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def show_candidate(self, span: Span | None) -> None:
        """Paint ``span`` as the link candidate (None: no candidate) and bring it into view."""
        self._candidate = span.id if span else None
        if span is not None:
            self.scroll_to(span.start, span.end)
        self.paint_spans(self._spans, self._selected, self._partners, self._flash)

    def candidate(self) -> str | None:
        return self._candidate

    def flashing(self) -> str | None:
        return self._flash

    def _on_flash_timer_timeout(self) -> None:
        self._flash = None
        self.paint_spans(self._spans, self._selected, self._partners)

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        self._remember_sweep(pressed, event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        released = event.position().toPoint()
        if pressed is not None and self._select_dragged(pressed, released):
            return
        offset = self.offset_at(int(event.position().x()), int(event.position().y()))
        # A click on a character's trailing half puts the caret after it: try both sides.
        span = pick_at(self._spans, offset, self._selected) or pick_at(
            self._spans, offset - 1, self._selected
        )
        # Untagged text under a suggestion: the click makes it the one under review.
        under = spans_at(self._suggestions, offset) or spans_at(self._suggestions, offset - 1)
        suggested = None if span or not under else under[0]
        if suggested is not None:
            self.suggestion_clicked.emit(suggested.id)
        else:
            self.span_clicked.emit(span.id if span else "")

    def _remember_sweep(self, pressed: QPoint | None, released: QPoint) -> None:
        """Keep which characters a drag started and ended on, for snapping its selection."""
        self._swept = None
        if pressed is None or not self.textCursor().hasSelection():
            return
        touched = tuple(
            offset
            for offset in (self.char_at(pressed), self.char_at(released))
            if offset is not None
        )
        self._swept = (self.selection_offsets(), touched)

    def _select_dragged(self, pressed: QPoint, released: QPoint) -> bool:
        """A real drag that Qt turned into an empty selection (across a number or a Latin
        name in right-to-left text) selects the words it swept over instead."""
        if (released - pressed).manhattanLength() < QApplication.startDragDistance():
            return False
        chosen = tokens_dragged(
            self._text,
            self.offset_at(pressed.x(), pressed.y()),
            self.offset_at(released.x(), released.y()),
        )
        if chosen is None:
            return False
        self.select_offsets(*chosen)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tooltips name the labels under the mouse, so stacked spans can be told apart."""
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            offset = self.offset_at(event.pos().x(), event.pos().y())
            under = spans_at(self._spans, offset)
            suggested = spans_at(self._suggestions, offset)
            if under or suggested:
                lines = [f"{s.label}: {shorten(self._text[s.start : s.end])}" for s in under]
                lines += [describe(s, self._text) for s in suggested]
                QToolTip.showText(event.globalPos(), tooltip("\n".join(lines)), self)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
