"""Showing untrusted text (articles, attribute values) in places where Qt might guess HTML.

Tooltips and some labels treat text that looks like markup as rich text, so an article line with
``<img src=...>`` would be rendered. Escaping and wrapping it makes Qt show it literally.
"""

from __future__ import annotations

import html
import unicodedata

# Past this many characters a tooltip gets a fixed width, so a sentence reads on a few wide
# lines instead of a narrow column of two words each (Qt wraps rich tooltips tightly).
WIDE_TOOLTIP_CHARS = 30
WIDE_TOOLTIP_PX = 480


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally, whatever markup it contains."""
    body = html.escape(text).replace("\n", "<br>")
    if len(text) > WIDE_TOOLTIP_CHARS:
        direction = "rtl" if is_rtl(text) else "ltr"
        return (
            f"<table width='{WIDE_TOOLTIP_PX}'><tr><td dir='{direction}'>{body}</td></tr></table>"
        )
    return "<p>" + body + "</p>"


def is_rtl(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong character is Arabic or Hebrew
    (the Unicode first-strong rule), so dates and Latin names stay left to right."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters, for table cells and headers."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def isolate(text: str) -> str:
    """Article text for a left-to-right widget: a Unicode first-strong isolate keeps an Arabic
    name's own direction, so a closing quotation mark stays at its end (display only)."""
    return "\u2068" + text + "\u2069"
