"""Word boundaries, selection snapping and proclitics for Arabic text mixed with Latin and digits.

Annotators select with the mouse and rarely hit a word edge exactly; snapping widens a selection
to whole words and drops surrounding blanks, so the stored span is what they meant. A span also
never cuts a grapheme cluster (a letter keeps its diacritics). Arabic attaches proclitics
(و ف ب ل ك and the article ال) to the next word, so word-wise moves of a span's start also stop
after each proclitic: an annotator can keep "وقال" whole or leave the "و" out with one key.

All offsets are code-point offsets into the stored text (the contract), never UTF-16 units.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Literal

import regex

from annotator.core.text import grapheme_boundaries

# A word: letters, marks, digits (and the joiners that live inside Arabic words), where a dash,
# slash, dot or colon between two such runs stays inside the word, so "6-1-2022", "10:30" and
# "إيفانوفو-سيفيرني" are one word each while "إيل – 76" (spaced dash) is two.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+(?:[-‐/.:][\p{L}\p{M}\p{N}\u200c\u200d]+)*")

CONJUNCTIONS = frozenset("وف")
PREPOSITIONS = frozenset("بلك")
ARTICLE = "ال"

Edge = Literal["start", "end"]
Step = Literal["char", "word"]


@lru_cache(maxsize=16)
def words(text: str) -> tuple[tuple[int, int], ...]:
    """Every word as (start, end), in text order, widened to whole grapheme clusters.

    A run of letters can begin inside a cluster (a mark after an emoji, for instance); a word
    edge there would let snapping move a selection again on a second pass.
    """
    found: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        start, end = grapheme_floor(text, match.start()), grapheme_ceil(text, match.end())
        if found and start <= found[-1][1]:
            start = found.pop()[0]
        found.append((start, end))
    return tuple(found)


@lru_cache(maxsize=16)
def _sorted_boundaries(text: str) -> tuple[int, ...]:
    return tuple(sorted(grapheme_boundaries(text)))


@lru_cache(maxsize=16)
def _starts_and_ends(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    spans = words(text)
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def grapheme_floor(text: str, offset: int) -> int:
    """The nearest grapheme boundary at or before ``offset``."""
    bounds = _sorted_boundaries(text)
    return bounds[bisect_right(bounds, offset) - 1]


def grapheme_ceil(text: str, offset: int) -> int:
    """The nearest grapheme boundary at or after ``offset``."""
    bounds = _sorted_boundaries(text)
    return bounds[min(bisect_left(bounds, offset), len(bounds) - 1)]


def _word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word that strictly contains ``offset`` (not one that merely starts or ends there)."""
    starts, ends = _starts_and_ends(text)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and starts[i] < offset < ends[i]:
        return starts[i], ends[i]
    return None


def snap_selection(text: str, start: int, end: int, *, whole_words: bool) -> tuple[int, int] | None:
    """The span to store for a selection, or None if nothing worth tagging is selected.

    An empty selection gives None rather than the word under the caret, so a stray label key
    never creates a span.

    With ``whole_words`` a start or end inside a word moves out to that word's edge and blanks
    at either end are dropped; either way the result lies on grapheme boundaries.
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if start == end:
        return None
    if whole_words:
        inner = _word_at(text, start)
        if inner:
            start = inner[0]
        inner = _word_at(text, end)
        if inner:
            end = inner[1]
        start, end = trim_edges(text, start, end)
    start, end = grapheme_floor(text, start), grapheme_ceil(text, end)
    return (start, end) if start < end else None


# Punctuation that belongs to the sentence, never to a span's edge (guidelines, section 0).
EDGE_PUNCTUATION = frozenset("،؛؟,;:.!?…")
# Quotation marks and brackets: opening -> closing. A straight quote opens and closes itself.
PAIRS = {"«": "»", "“": "”", "‘": "’", "‹": "›", '"': '"', "(": ")", "[": "]", "{": "}"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
QUOTATION_MARKS = frozenset('«»“”‘’‹›"')


def _partner_inside(text: str, start: int, end: int, at: int) -> bool:
    """Whether the mark at ``at`` (the span's first or last character) has its partner inside
    the span: the span opens and closes it."""
    mark = text[at]
    opening = mark if at == start else CLOSERS.get(mark)
    closing = PAIRS.get(mark) if at == start else mark
    if opening is None or closing is None:
        return False
    if opening == closing:  # a straight quote: paired when the span holds an even number
        return text.count(mark, start, end) % 2 == 0
    inner = range(start + 1, end) if at == start else range(end - 2, start - 1, -1)
    ahead, back = (opening, closing) if at == start else (closing, opening)
    depth = 0
    for i in inner:
        if text[i] == ahead:
            depth += 1
        elif text[i] == back:
            if depth == 0:
                return True
            depth -= 1
    return False


def _encloses(text: str, start: int, end: int) -> bool:
    """Whether the span's first and last characters are one pair of quotation marks around
    all of it: a direct quote's span excludes its enclosing marks (guidelines, section 1)."""
    first, last = text[start], text[end - 1]
    if end - start < 3 or first not in QUOTATION_MARKS or PAIRS.get(first) != last:
        return False
    if first == last:
        return text.count(first, start + 1, end - 1) % 2 == 0
    depth = 0
    for i in range(start, end - 1):
        depth += (text[i] == first) - (text[i] == last)
        if depth == 0:
            return False
    return True


def trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` without blanks, sentence punctuation and unbalanced marks at either edge.

    Section 0 of the guidelines: a span never starts or ends with a space or with the
    sentence's punctuation (Arabic ، ؛ ؟, Latin , ; : . ! ?). A quotation mark or bracket at an
    edge goes unless its partner is inside the span (a mixed quote keeps the closing mark of its
    quoted fragment); a pair of quotation marks around the whole span goes too (a direct quote
    is the text inside its marks). Suggestions leave the same characters out.
    """
    while start < end:
        if text[start].isspace() or text[start] in EDGE_PUNCTUATION:
            start += 1
        elif text[end - 1].isspace() or text[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        elif _encloses(text, start, end):
            start, end = start + 1, end - 1
        elif (text[start] in PAIRS or text[start] in CLOSERS) and not _partner_inside(
            text, start, end, start
        ):
            start += 1
        elif (text[end - 1] in CLOSERS or text[end - 1] in PAIRS) and not _partner_inside(
            text, start, end, end - 1
        ):
            end -= 1
        else:
            break
    return start, end


def token_touching(text: str, offset: int) -> tuple[int, int] | None:
    """The word that contains ``offset`` or has an edge there (the one after it first).

    A mouse press or release lands between characters; in right-to-left text a number or a
    Latin name is laid out left to right, so its visual ends map to the logical positions
    around it and either neighbour may be the word the pointer was over.
    """
    starts, ends = _starts_and_ends(text)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < ends[i]:
        return starts[i], ends[i]
    if i >= 0 and offset == ends[i]:
        return starts[i], ends[i]
    return None


def word_containing(text: str, offset: int) -> tuple[int, int] | None:
    """The word whose characters include the one at ``offset`` (None for a blank or a mark)."""
    starts, ends = _starts_and_ends(text)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < ends[i]:
        return starts[i], ends[i]
    return None


def widen_to_touched(text: str, start: int, end: int, touched: tuple[int, ...]) -> tuple[int, int]:
    """``start``, ``end`` grown to the whole words whose characters a drag touched.

    The caret a drag leaves lies between characters, at the nearer side of the character under
    the pointer; in right-to-left text a number's visual ends are its logical ends reversed, so
    a drag that covers the left part of "2024" can end before it. The characters under the
    press and the release say which words the annotator swept over.
    """
    for offset in touched:
        word = word_containing(text, offset)
        if word is not None:
            start, end = min(start, word[0]), max(end, word[1])
    return start, end


def tokens_dragged(text: str, pressed: int, released: int) -> tuple[int, int] | None:
    """What a drag between two offsets means when Qt's selection came out empty.

    Dragging across "14" in "14 يناير" can start and end on the same logical position (the
    digits run left to right inside a right-to-left line), so Qt selects nothing. The words
    under both ends of the drag, and everything between, are what the annotator swept over.
    """
    found = [t for t in (token_touching(text, pressed), token_touching(text, released)) if t]
    if not found:
        return None
    start = min([pressed, released, *(t[0] for t in found)])
    end = max([pressed, released, *(t[1] for t in found)])
    return snap_selection(text, start, end, whole_words=True)


def _base_letters(word: str) -> list[tuple[str, int]]:
    """(base letter, offset just after it and its marks) for each letter of a word."""
    letters: list[tuple[str, int]] = []
    for i, ch in enumerate(word):
        if unicodedata.category(ch).startswith("M") and letters:
            letters[-1] = (letters[-1][0], i + 1)
        else:
            letters.append((ch, i + 1))
    return letters


def proclitic_stops(word: str) -> list[int]:
    """Offsets inside ``word`` just after each attached proclitic, in order.

    Conjunction (و ف), then preposition (ب ل ك), then the article (ال, or the bare ل of "لل"
    when ل precedes the article). A prefix counts only if enough of a word remains after it
    (three letters after a one-letter proclitic, two after the article), which keeps short words
    such as "ولد" whole; the annotator can still move a character at a time.
    """
    letters = _base_letters(word)
    stops: list[int] = []
    i = 0

    def room(after: int, need: int) -> bool:
        return len(letters) - after >= need

    if i < len(letters) and letters[i][0] in CONJUNCTIONS and room(i + 1, 3):
        stops.append(letters[i][1])
        i += 1
    preposition = ""
    if i < len(letters) and letters[i][0] in PREPOSITIONS and room(i + 1, 3):
        preposition = letters[i][0]
        stops.append(letters[i][1])
        i += 1
    pair = "".join(ch for ch, _ in letters[i : i + 2])
    if pair == ARTICLE and room(i + 2, 2):
        stops.append(letters[i + 1][1])
    elif preposition == "ل" and i < len(letters) and letters[i][0] == "ل" and room(i + 1, 2):
        stops.append(letters[i][1])
    return stops


@lru_cache(maxsize=16)
def _word_stops(text: str, edge: Edge) -> tuple[int, ...]:
    """Where a word step may put a span's start (word starts, after proclitics) or end (word
    ends), keeping only grapheme boundaries: a "word" may begin inside an emoji sequence."""
    stops: list[int] = []
    if edge == "start":
        for ws, we in words(text):
            stops.append(ws)
            stops.extend(ws + s for s in proclitic_stops(text[ws:we]))
    else:
        stops = list(_starts_and_ends(text)[1])
    bounds = grapheme_boundaries(text)
    return tuple(s for s in stops if s in bounds)


def move_edge(
    text: str, start: int, end: int, edge: Edge, step: Step, forward: bool
) -> tuple[int, int] | None:
    """Move a span's start or end by one grapheme or one word; None if it cannot move.

    Word steps of the start stop at word starts and after each proclitic; word steps of the end
    stop at word ends. The span never becomes empty or inverted.
    """
    offset = start if edge == "start" else end
    stops = _sorted_boundaries(text) if step == "char" else _word_stops(text, edge)
    if forward:
        i = bisect_right(stops, offset)
        target = stops[i] if i < len(stops) else None
    else:
        i = bisect_left(stops, offset) - 1
        target = stops[i] if i >= 0 else None
    if target is None:
        return None
    new = (target, end) if edge == "start" else (start, target)
    return new if new[0] < new[1] else None
