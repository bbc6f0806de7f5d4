"""How a machine suggestion looks in the article, so it is never mistaken for a real span.

Real spans are filled with their label's colour. A suggestion gets no fill at all, only a
dashed underline in its label's colour (dotted, dash-dotted for suggestions nested inside
another), and the current one under review a hatched, not solid, background. All of it is
``ExtraSelection`` formatting: the font never changes, so letters stay joined.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from annotator.core.checks import nesting_depths
from annotator.core.model import Span
from annotator.core.text import Utf16Offsets
from annotator.gui.actions import label_title
from annotator.gui.plain import isolate, shorten

NESTED_UNDERLINES = (
    QTextCharFormat.UnderlineStyle.DashUnderline,
    QTextCharFormat.UnderlineStyle.DotLine,
    QTextCharFormat.UnderlineStyle.DashDotLine,
    QTextCharFormat.UnderlineStyle.DashDotDotLine,
)
CURRENT_BRUSH = Qt.BrushStyle.BDiagPattern


def suggestion_format(color: str, depth: int, current: bool) -> QTextCharFormat:
    """Underline only (hatched background for the current one), in the label's colour."""
    base = QColor(color)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(NESTED_UNDERLINES[min(depth, len(NESTED_UNDERLINES) - 1)])
    fmt.setUnderlineColor(base.darker(150))
    if current:
        fmt.setBackground(QBrush(base.darker(120), CURRENT_BRUSH))
    return fmt


def suggestion_selections(
    document: QTextDocument,
    offsets: Utf16Offsets,
    suggestions: Iterable[Span],
    current: str | None,
    colors: dict[str, str],
) -> list[QTextEdit.ExtraSelection]:
    """One extra selection per suggestion, the current one last so it is drawn on top."""
    spans = sorted(suggestions, key=lambda s: s.id == current)
    depths = nesting_depths(spans)
    formats: dict[tuple[str, int, bool], QTextCharFormat] = {}
    # One cursor, moved per suggestion: assigning it to a selection copies it.
    cursor = QTextCursor(document)
    selections = []
    for span in spans:
        key = (span.label, depths.get(span.id, 0), span.id == current)
        if key not in formats:
            formats[key] = suggestion_format(colors.get(span.label, "#999999"), *key[1:])
        cursor.setPosition(offsets.to_utf16(span.start))
        cursor.setPosition(offsets.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = formats[key]
        selections.append(selection)
    return selections


def describe(span: Span, text: str) -> str:
    """One plain-text line naming a suggestion: label, confidence, attributes and its text.

    The confidence is shown wherever a suggestion is, so that low-confidence ones (claims)
    get a closer look; the caller escapes the line wherever Qt might read it as markup.
    """
    # Each value in an isolate of its own, and the bracketed group in another: an Arabic
    # entity inside a line of the other direction would otherwise carry "=" to the wrong side,
    # and in a right-to-left status bar the brackets would resolve right to left, mirrored and
    # parted from their content ("[entity=… :[…").
    attrs = ", ".join(f"{name}={isolate(value)}" for name, value in sorted(span.attrs.items()))
    confidence = f"{span.confidence:.0%}" if span.confidence is not None else "?"
    line = QCoreApplication.translate("Suggestions", "Suggested {label} ({confidence})").format(
        label=label_title(span.label), confidence=confidence
    )
    if attrs:
        line += " " + isolate(f"[{attrs}]")
    return f"{line}: {isolate(shorten(text[span.start : span.end], 60))}"
