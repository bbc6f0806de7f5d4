"""How other layers look beneath the open one: a colour and underline style per annotator layer.

The open layer (gold in review mode) keeps the article's label backgrounds; every other layer is
drawn as an underline only, each in its own colour and style, so the reviewer can tell amal's
quote from omar's where they overlap. Gold differences for an annotator are drawn the same way,
one style per kind of difference. Extra selections only: never a character format change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from annotator.core.model import Span
from annotator.gui.article_view import ArticleView

Underline = QTextCharFormat.UnderlineStyle
# Colour-blind-safe hues (Okabe-Ito) with a line style each, so print and greyscale still work.
LAYER_STYLES: tuple[tuple[str, Underline, str], ...] = (
    ("#0072B2", Underline.SingleUnderline, "solid"),
    ("#D55E00", Underline.DashUnderline, "dashed"),
    ("#009E73", Underline.DotLine, "dotted"),
    ("#CC79A7", Underline.WaveUnderline, "wavy"),
    ("#E69F00", Underline.DashDotLine, "dash-dot"),
    ("#56B4E9", Underline.DashDotDotLine, "dash-dot-dot"),
)
DIFF_STYLES: dict[str, tuple[str, Underline]] = {
    "missed": ("#009E73", Underline.WaveUnderline),
    "extra": ("#D55E00", Underline.WaveUnderline),
    "changed": ("#E69F00", Underline.DashUnderline),
}


def layer_style(index: int) -> tuple[str, Underline, str]:
    """The colour, underline and its name for the ``index``-th annotator layer."""
    return LAYER_STYLES[index % len(LAYER_STYLES)]


def _selection(
    view: ArticleView, span: Span, color: str, style: Underline, tint: int
) -> QTextEdit.ExtraSelection:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(span.start))
    cursor.setPosition(view.offsets.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(QColor(color))
    if tint:
        background = QColor(color)
        background.setAlpha(tint)
        fmt.setBackground(background)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = fmt
    return selection


def layer_selections(
    view: ArticleView, styles: Sequence[tuple[str, int]], spans: dict[str, list[Span]]
) -> list[QTextEdit.ExtraSelection]:
    """Every span of each ``(layer, style index)`` as an underline in that layer's style."""
    out = []
    for layer, index in styles:
        color, style, _ = layer_style(index)
        out.extend(_selection(view, s, color, style, 0) for s in spans.get(layer, []))
    return out


def diff_selections(
    view: ArticleView, entries: Iterable[tuple[str, Span]]
) -> list[QTextEdit.ExtraSelection]:
    """Gold differences ``(kind, span)`` as a light tint and an underline per kind."""
    return [_selection(view, span, *DIFF_STYLES[kind], 40) for kind, span in entries]


# Where the versions of a boundary conflict differ: a red tint under the layers' underlines.
DIFFERING_COLOR = "#E8003A"
DIFFERING_TINT = 70


def differing_selections(
    view: ArticleView, region: tuple[int, int], core: tuple[int, int] | None
) -> list[QTextEdit.ExtraSelection]:
    """The characters of a conflict's ``region`` outside the ``core`` every version shares,
    tinted, so the article shows where the extents part (nothing when there is no core)."""
    if core is None:
        return []
    pieces = [(region[0], core[0]), (core[1], region[1])]
    return [
        _selection(
            view,
            Span("", "", "", start, end, ""),
            DIFFERING_COLOR,
            Underline.NoUnderline,
            DIFFERING_TINT,
        )
        for start, end in pieces
        if start < end
    ]
