"""Folding Arabic spelling variants to one search key (shared by matching rules and search).

News text writes the same word many ways: with or without hamza on alef (أ/إ/آ/ا), ta marbuta
or ha (ة/ه), alef maqsura or ya (ى/ي), tatweel stretching, optional diacritics, and Eastern
Arabic or Persian digits. The tables live in the core so that the store can fold text for its
search index without importing the Arabic package; ``annotator.arabic.normalize`` builds its
offset-mapping matcher on the same tables.
"""

from __future__ import annotations

import re

# Characters removed when folding: harakat, tanween, shadda, sukun, dagger alef, Quranic
# annotation marks, tatweel and invisible direction marks.
DROPPED = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u061c", "\u200c", "\u200d", "\u200e", "\u200f"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
REPLACED = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",
    "گ": "ك",
    "٫": ".",
    "٬": ",",
    "“": '"',
    "”": '"',
    "„": '"',
}
REPLACED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Eastern Arabic digits
REPLACED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian/Urdu digits

PATTERN_TABLE: dict[int, str | None] = {ord(c): None for c in DROPPED}
PATTERN_TABLE.update({ord(k): v for k, v in REPLACED.items()})
# Text also folds ASCII case; patterns must not (\S, \P{L} and \D are not \s, \p{l}, \d).
TEXT_TABLE = {**PATTERN_TABLE, **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}


# ``str.translate`` with a dict looks up every character of the text in Python (~0.3 us each,
# most of an import's indexing time); the same folding as a C regex pass that drops the marks,
# then ``str.replace`` for only those variants the text holds, is four times faster. The
# replaced characters are never produced by another replacement, so the order is free.
_DROPPED_RE = re.compile("[" + "".join(re.escape(c) for c in DROPPED) + "]")
_REPLACED_PAIRS = tuple(REPLACED.items())
_ASCII_UPPER = tuple((c, c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _fold_arabic(text: str) -> str:
    """PATTERN_TABLE applied: marks dropped, spelling variants replaced."""
    text = _DROPPED_RE.sub("", text)
    for variant, plain in _REPLACED_PAIRS:
        if variant in text:
            text = text.replace(variant, plain)
    return text


def fold(text: str) -> str:
    """The folded form used for matching (shorter than ``text`` when marks are removed):
    ``text.translate(TEXT_TABLE)``, computed faster."""
    text = _fold_arabic(text)
    for upper, lower in _ASCII_UPPER:
        if upper in text:
            text = text.replace(upper, lower)
    return text


def search_key(text: str) -> str:
    """What the search index stores and what a query is turned into: folded, case-folded
    (``casefold`` lowers ASCII too, so the ASCII step of ``fold`` is left to it)."""
    return _fold_arabic(text).casefold()
