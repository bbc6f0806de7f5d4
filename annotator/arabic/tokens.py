"""Words, sentences and paired quotation marks of a folded text, all in folded offsets.

Attribution rules reason over words ("قال" then a noun phrase then "إن"), within a sentence, and
must know where quoted speech begins and ends; these three views are built once per document.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

import regex

from annotator.arabic.normalize import Folded, fold
from annotator.arabic.reporting import PARTICIPLES

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[.:,][\p{N}]+)*|\S")
_CLOSING_PUNCT = set(".,،:;؛)!?؟]-—…")
_OPENING_CONTEXT = set("(:،,[-—/")
_PROCLITICS = set("بلوفك")


class SpanIndex:
    """Non-overlapping, sorted spans, asked "does anything here overlap?" in log time (a long
    article has hundreds of dates and quotations)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._ends = [e for _, e in ordered]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end) - 1
        return k >= 0 and self._ends[k] > start

    def starts_within(self, start: int, end: int) -> bool:
        return bisect_left(self._starts, start) < bisect_left(self._starts, end)


class Token(NamedTuple):
    """A word or a punctuation mark (a tuple: a long text has hundreds of thousands)."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass(frozen=True)
class QuoteRegion:
    """A pair of quotation marks; ``open``/``close`` are the marks' offsets."""

    open: int
    close: int

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [Token(*m.span(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _opens(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    prev = text[i - 1] if i > 0 else " "
    if prev.isspace() or prev in _OPENING_CONTEXT or prev in '"«':
        return True
    # A one-letter proclitic glued to the mark: بـ«, لـ", و"
    before = text[i - 2] if i > 1 else " "
    return prev in _PROCLITICS and not before.isalnum()


def _closes(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    if prev.isspace():
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return nxt.isspace() or nxt in _CLOSING_PUNCT or nxt in '"»'


def _term_follows(text: str, i: int) -> bool:
    """ "من " المارينز" بشكل": a short quoted term opens here, inside the open quotation."""
    nxt = text.find('"', i + 1, i + 30)
    return nxt > 0 and "\n" not in text[i:nxt] and _closes(text, nxt)


def _partner_follows(text: str, i: int) -> bool:
    """An odd number of marks after ``i`` in its paragraph: one of them closes it."""
    end = text.find("\n", i)
    return text.count('"', i + 1, len(text) if end < 0 else end) % 2 == 1


def _spaced(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isspace() and (nxt.isspace() or nxt in _CLOSING_PUNCT)


MAX_QUOTE_CHARS = 3000
MAX_QUOTE_PARAGRAPHS = 4


def pair_quotes(folded: Folded) -> list[QuoteRegion]:
    """The outermost quoted regions, nested quotes included in them.

    Guillemets say which way they face. Straight and curly double quotes are told apart by what
    surrounds them (a space before an opening mark, punctuation or a space after a closing
    one), because Arabic texts typed in mixed-direction editors often reverse “ and ”. An
    opening mark never closed ends its quote at the end of its paragraph; so does one whose
    only possible closing mark lies implausibly far (a stray mark must not swallow an article).
    """
    text = folded.text
    regions: list[QuoteRegion] = []
    stacks: dict[str, list[int]] = {"«": [], '"': []}
    unclosed: list[int] = []

    def close(stack: list[int], i: int) -> None:
        start = stack.pop()
        if i - start > MAX_QUOTE_CHARS or text.count("\n", start, i) > MAX_QUOTE_PARAGRAPHS:
            unclosed.append(start)
        else:
            regions.append(QuoteRegion(start, i))

    # Some right-to-left sources type guillemets mirrored (»...«); the first one says which.
    first = regex.search(r"[«»]", text)
    opening, closing = ("»", "«") if first and first.group() == "»" else ("«", "»")
    for m in regex.finditer(r'[«»"]', text):
        i, ch = m.start(), m.group()
        if ch == opening:
            stacks["«"].append(i)
        elif ch == closing:
            if stacks["«"]:
                close(stacks["«"], i)
        elif _closes(text, i) and stacks['"']:
            close(stacks['"'], i)
        elif _closes(text, i) and _ends_paragraph(text, i):
            # A closing mark whose opening one was left out (a quotation continued from the
            # paragraph before): the quotation is the paragraph up to the mark.
            begin = text.rfind("\n", 0, i)
            if '"' not in text[begin + 1 : i] and "«" not in text[begin + 1 : i]:
                regions.append(QuoteRegion(begin, i))
        elif _opens(text, i):
            stacks['"'].append(i)
        elif _spaced(text, i):
            # A mark with spaces on both sides ("المارينز " ، "وقال " السيارات ... "."): it
            # closes a mark open in its paragraph, else it opens one.
            quote = stacks['"']
            inner = bool(quote) and _term_follows(text, i)
            if quote and "\n" not in text[quote[-1] : i] and not inner:
                close(quote, i)
            elif inner or _partner_follows(text, i):
                quote.append(i)
    for start in [*stacks["«"], *stacks['"'], *unclosed]:
        end = text.find("\n", start)
        end = _frame_resumes(text, start, len(text) if end < 0 else end)
        while end > start + 1 and text[end - 1] in " .،,":
            end -= 1
        if end > start + 1:
            regions.append(QuoteRegion(start, end))
    outer: list[QuoteRegion] = []
    reach = -1
    for region in sorted(regions, key=lambda r: (r.open, -r.close)):
        if region.close > reach:  # not inside an earlier, wider pair
            outer.append(region)
            reach = region.close
    return outer


# The writer's frame taking over again: "، مشيرا إلى", "، مضيفا أن", "، مخاطبا القاسم".
# Nobody says "مشيرا" of themselves, so a quotation whose closing mark is missing ends just
# before the comma. (Inside marks that are closed, the marks decide: Moroccan papers quote
# "أنه ...، مضيفا أن ..." whole.)
_FRAME = regex.compile(
    r'["«»]?\s*[،,]\s*(?:' + "|".join(sorted(PARTICIPLES, key=len, reverse=True)) + r")(?!\p{L})"
)


def _frame_resumes(text: str, start: int, end: int) -> int:
    """Where a quotation opened at ``start`` ends at the latest: ``end``, or the comma before
    a reporting participle of the writer's frame."""
    found = _FRAME.search(text, start + 1, end)
    return found.start() if found else end


def _ends_paragraph(text: str, i: int) -> bool:
    rest = text[i + 1 : i + 4]
    return rest.strip(" .،,") == "" or rest.lstrip(" .،,").startswith("\n")


def _abbreviation(text: str, i: int) -> bool:
    """ "د. محمد", "م. علي": a one-letter word before a full stop is an abbreviated title."""
    return (
        text[i] == "."
        and i > 0
        and text[i - 1].isalpha()
        and (i == 1 or not text[i - 2].isalnum())
        and i + 1 < len(text)
        and text[i + 1] == " "
    )


def sentences(text: str, regions: list[QuoteRegion]) -> list[tuple[int, int]]:
    """Sentence ranges: split at line ends and at . ! ? ؟ outside quotations and numbers."""
    protected = sorted((r.open, r.close) for r in regions)
    starts = [p[0] for p in protected]

    def inside(i: int) -> bool:
        k = bisect_left(starts, i + 1) - 1
        return k >= 0 and protected[k][0] < i < protected[k][1]

    bounds: list[tuple[int, int]] = []
    begin = 0
    for m in regex.finditer(r"\n|[.!?؟](?!\d)", text):
        i = m.start()
        if inside(i) or _abbreviation(text, i):
            continue
        bounds.append((begin, i + (0 if m.group() == "\n" else 1)))
        begin = i + 1
    bounds.append((begin, len(text)))
    result = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


# Folding writes the preposition على and the name علي alike. A text that spells final ى
# (على، إلى) tells them apart; there the name gets a token of its own, so that "المحلل محمد
# علي" is one source. Texts typed with ي for ى everywhere keep the preposition reading.
NAME_ALI = "علي\u0651"


# A title right before it makes علي a name however the text spells ى: no preposition
# follows "العميد" or "الشيخ" ("العميد علي قانصو", "الشيخ علي الخطيب").
_TITLES_BEFORE_NAMES = frozenset(
    fold(w)
    for w in (
        "العميد",
        "اللواء",
        "العقيد",
        "الفريق",
        "الدكتور",
        "الدكتورة",
        "د",
        "الشيخ",
        "السيد",
        "المهندس",
        "الأستاذ",
        "المستشار",
        "الحاج",
        "الإمام",
        "الأمير",
        "الملك",
        "السفير",
        "القاضي",
        "المحامي",
        "النائب",
    )
)


def _names_apart_from_prepositions(folded: Folded, tokens: list[Token]) -> list[Token]:
    spelled = "ى" in folded.source
    out = tokens
    for k, tok in enumerate(tokens):
        if tok.text != "علي":
            continue
        end = folded.to_source(tok.start, tok.end)[1]
        titled = k > 0 and tokens[k - 1].text in _TITLES_BEFORE_NAMES
        if titled or (spelled and folded.source[end - 1] == "ي"):
            if out is tokens:
                out = list(tokens)
            out[k] = Token(tok.start, tok.end, NAME_ALI)
    return out


@dataclass
class DocumentView:
    """What the attribution rules read: folded text, words, quotation marks and sentences."""

    folded: Folded
    tokens: list[Token]
    regions: list[QuoteRegion]
    sentences: list[tuple[int, int]]

    @classmethod
    def of(cls, folded: Folded) -> DocumentView:
        regions = pair_quotes(folded)
        tokens = _names_apart_from_prepositions(folded, tokenize(folded.text))
        return cls(folded, tokens, regions, sentences(folded.text, regions))

    def __post_init__(self) -> None:
        self._token_starts = [t.start for t in self.tokens]
        self._by_open = {r.open: r for r in self.regions}
        self._by_position = sorted(self.regions, key=lambda r: r.open)
        self._opens = [r.open for r in self._by_position]
        self._inner = SpanIndex([(r.open + 1, r.close) for r in self.regions])

    def quoted(self, offset: int) -> bool:
        """Whether an offset lies strictly inside a pair of quotation marks."""
        return self._inner.overlaps(offset, offset + 1)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        lo = bisect_left(self._token_starts, start)
        hi = bisect_left(self._token_starts, end)
        return self.tokens[lo:hi]

    def region_at(self, offset: int) -> QuoteRegion | None:
        return self._by_open.get(offset)

    def regions_between(self, start: int, end: int) -> list[QuoteRegion]:
        """Regions wholly inside [start, end), found by bisection: a long document has
        thousands of quotations, and every sentence asks for its own."""
        lo = bisect_left(self._opens, start)
        hi = bisect_left(self._opens, end)
        return [r for r in self._by_position[lo:hi] if r.close < end]
