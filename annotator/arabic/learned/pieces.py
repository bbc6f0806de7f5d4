"""Clitic-split tokens with offsets into the stored text: the units the CRFs tag.

Spans keep a glued conjunction or preposition outside ("و" + "قال", "ب" + "الكرملين"), so a
boundary can fall inside a written word; splitting the clitics off makes such a boundary a
token boundary. Offsets are mapped back from the folded text to the stored one.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.arabic.clitics import conjunction_length
from annotator.arabic.normalize import Folded
from annotator.arabic.tokens import Token, tokenize

_PREPOSITIONS = "بلك"


@dataclass(frozen=True)
class Piece:
    """One token: a clitic split off a word, or (the rest of) a word, or a punctuation mark.

    ``start``/``end`` are stored-text offsets, ``fstart`` the folded offset, ``form`` the
    folded form of the piece and ``word`` the folded form of the whole written word.
    """

    start: int
    end: int
    fstart: int
    form: str
    word: str
    clitic: str  # "conj", "prep" or "" (not a clitic)
    paragraph: int


def _split(token: Token) -> list[tuple[int, int, str]]:
    """(folded start, folded end, clitic kind) of the parts of one folded token."""
    word = token.text
    if not token.is_word:
        return [(token.start, token.end, "")]
    parts: list[tuple[int, int, str]] = []
    at = token.start
    if conjunction_length(word):
        parts.append((at, at + 1, "conj"))
        at += 1
        word = word[1:]
    if (
        len(word) >= 4
        and word[0] in _PREPOSITIONS
        and (word[1:].startswith("ال") or word.startswith("لل"))
    ):
        parts.append((at, at + 1, "prep"))
        at += 1
    parts.append((at, token.end, ""))
    return parts


def pieces_of(folded: Folded) -> list[Piece]:
    """The document's pieces in reading order; ``paragraph`` counts the line breaks before."""
    text = folded.text
    result: list[Piece] = []
    paragraph = 0
    last_end = 0
    for token in tokenize(text):
        paragraph += text.count("\n", last_end, token.start)
        last_end = token.end
        for fs, fe, clitic in _split(token):
            s, e = folded.to_source(fs, fe)
            result.append(Piece(s, e, fs, text[fs:fe], token.text, clitic, paragraph))
    return result


def paragraphs(pieces: list[Piece]) -> list[tuple[int, int]]:
    """(first, last + 1) piece indices of each paragraph: the sequences a CRF tags."""
    bounds: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(pieces) + 1):
        if i == len(pieces) or pieces[i].paragraph != pieces[i - 1].paragraph:
            bounds.append((begin, i))
            begin = i
    return bounds
