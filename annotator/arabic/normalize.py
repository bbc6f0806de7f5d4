"""Matching-time folding of Arabic spelling variants, with a map back to the original offsets.

News text writes the same word many ways: with or without hamza on alef (أ/إ/آ/ا), ta marbuta
or ha (ة/ه), alef maqsura or ya (ى/ي), tatweel stretching, optional diacritics, and Eastern
Arabic or Persian digits. Rules are written once against a folded form; every match is mapped
back to the stored text, whose offsets (the contract) never change. Diacritics and tatweel are
removed, so a match ending on a letter maps to an end that keeps that letter's marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

# Characters removed when folding: harakat, tanween, shadda, sukun, dagger alef, Quranic
# annotation marks, tatweel and invisible direction marks.
_DROPPED = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u061c", "\u200c", "\u200d", "\u200e", "\u200f"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
_REPLACED = {
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
_REPLACED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Eastern Arabic digits
_REPLACED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian/Urdu digits

_PATTERN_TABLE: dict[int, str | None] = {ord(c): None for c in _DROPPED}
_PATTERN_TABLE.update({ord(k): v for k, v in _REPLACED.items()})
# Text also folds ASCII case; patterns must not (\S, \P{L} and \D are not \s, \p{l}, \d).
_TABLE = {**_PATTERN_TABLE, **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}
_HAS_DROPPED = regex.compile("[" + "".join(_DROPPED) + "]+")


def fold(text: str) -> str:
    """The folded form used for matching (shorter than ``text`` when marks are removed)."""
    return text.translate(_TABLE)


_SINGLE_MARKS = str.maketrans({"'": '"', "‘": '"', "’": '"'})


def _single_marks_as_double(folded: str) -> str:
    """Some outlets quote with single marks ('...' or ‘...’) and never with double ones; in
    such a text they are the quotation marks, read as '"' (one character for one, so offsets
    stay). A text that has double marks or guillemets keeps its apostrophes."""
    if "'" not in folded and "‘" not in folded and "’" not in folded:
        return folded
    if '"' in folded or "«" in folded or "»" in folded:
        return folded
    return folded.translate(_SINGLE_MARKS)


@dataclass(frozen=True)
class Folded:
    """A text's folded form and, for each folded offset, the offset in the original text.

    Curly quotes fold to ASCII '"' so that one quote grammar serves all three conventions.
    """

    source: str
    text: str
    _origin: tuple[int, ...] | None  # None: nothing was dropped, offsets are identical

    @classmethod
    def of(cls, source: str) -> Folded:
        folded = _single_marks_as_double(fold(source))
        if not _HAS_DROPPED.search(source):
            return cls(source, folded, None)
        # The kept offsets, as runs between the dropped marks (a loop over every character
        # would cost more than the rules that read the text).
        origin: list[int] = []
        kept_from = 0
        for mark in _HAS_DROPPED.finditer(source):
            origin.extend(range(kept_from, mark.start()))
            kept_from = mark.end()
        origin.extend(range(kept_from, len(source)))
        origin.append(len(source))
        return cls(source, folded, tuple(origin))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded range [start, end), marks of its last letter kept."""
        if self._origin is None:
            return start, end
        return self._origin[start], self._origin[end]


@lru_cache(maxsize=2048)
def folded_pattern(pattern: str) -> str:
    """Fold the Arabic letters of a regex pattern so rules can be written in natural spelling.

    Only letters and digits are mapped; regex syntax is ASCII and passes through unchanged.
    """
    return pattern.translate(_PATTERN_TABLE)


def compile_folded(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(folded_pattern(pattern), flags)


def alternation(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """A regex matching exactly these words (folded), built as a trie.

    Long alternations of literals ("يناير|يونيو|يوليو|...") make the engine try every branch
    at every position; a trie ("ي(?:ناير|و(?:نيو|ليو))") fails on the first letter instead.
    A space inside a word matches any run of white space.
    """
    trie: dict[str, dict] = {}
    for word in {fold(w) for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [
        (r"\s+" if ch == " " else regex.escape(ch)) + _trie_pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body
