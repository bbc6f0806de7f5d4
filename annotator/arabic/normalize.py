"""Matching-time folding of Arabic spelling variants, with a map back to the original offsets.

News text writes the same word many ways: with or without hamza on alef (أ/إ/آ/ا), ta marbuta
or ha (ة/ه), alef maqsura or ya (ى/ي), tatweel stretching, optional diacritics, and Eastern
Arabic or Persian digits. Rules are written once against a folded form; every match is mapped
back to the stored text, whose offsets (the contract) never change. Diacritics and tatweel are
removed, so a match ending on a letter maps to an end that keeps that letter's marks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import regex

from annotator.core.folding import DROPPED, PATTERN_TABLE, fold

_DROPPED = DROPPED
_PATTERN_TABLE = PATTERN_TABLE
_HAS_DROPPED = regex.compile("[" + "".join(_DROPPED) + "]+")


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


H = TypeVar("H")


def compile_folded(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(folded_pattern(pattern), flags)


def compile_rules(rules: Iterable[tuple[str, H]]) -> list[tuple[regex.Pattern[str], H]]:
    """A rule table (pattern, handler) with each pattern folded and compiled."""
    return [(compile_folded(pattern), handler) for pattern, handler in rules]


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
