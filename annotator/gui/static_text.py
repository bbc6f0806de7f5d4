"""Text laid out once and drawn many times: item views repaint every visible cell on every
change near them (a keystroke in the search box, a tag), and shaping Arabic text is most of
what a cell costs to paint. A small LRU of ``QStaticText`` keyed by what the cell shows (a
document id, a span id and column) keeps the laid-out glyphs while the text and width stay."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QStaticText

LaidOut = tuple[QStaticText, int, int]  # the text, its width and height in pixels


class TextLayouts:
    """Elided, laid-out lines by key; ``layouts`` counts the lines laid out (tests count it)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.layouts = 0
        self._lines: OrderedDict[Hashable, tuple[str, int, LaidOut]] = OrderedDict()

    def get(self, key: Hashable, text: str, room: int) -> LaidOut | None:
        """The line laid out for ``key`` if it shows ``text`` in ``room`` pixels, else None:
        a repaint's usual case, asked before the font and metrics are read off the paint's
        option (each read copies them into a new Python object, per painted cell)."""
        cached = self._lines.get(key)
        if cached is not None and cached[0] == text and cached[1] == room:
            self._lines.move_to_end(key)
            return cached[2]
        return None

    def line(
        self, key: Hashable, text: str, room: int, metrics: QFontMetrics, font: QFont
    ) -> LaidOut:
        """``text`` elided at its logical end to ``room`` pixels, laid out in ``font``."""
        cached = self._lines.get(key)
        if cached is not None and cached[0] == text and cached[1] == room:
            self._lines.move_to_end(key)
            return cached[2]
        self.layouts += 1
        static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
        static.setTextFormat(Qt.TextFormat.PlainText)  # untrusted text: never markup
        static.prepare(font=font)
        size = static.size()
        laid_out = (static, int(size.width()), int(size.height()))
        self._lines[key] = (text, room, laid_out)
        if len(self._lines) > self.size:
            self._lines.popitem(last=False)
        return laid_out

    def clear(self) -> None:
        self._lines.clear()
