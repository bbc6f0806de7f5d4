"""Candidate claims: statements that assert something about the world, and whether each is
worth checking.

Three sources of claims, as annotators mark them: every quotation whose content is a clause
(same extent, claimed by the quote's speaker); the nominal complement of a reporting verb
("أعلن الوزير بدء الانسحاب"), claimed by the verb's subject; and every narrator sentence that
is a clause, not a heading. A claim is check-worthy when it carries something verifiable:
figures, quantities, money, casualties or a date. Claims are proposed with a lower confidence
than dates and quotations because check-worthiness is a judgement.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from annotator.arabic.actors import FURNITURE_WORDS, SOURCE_HEADS
from annotator.arabic.calendar_words import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from annotator.arabic.clitics import conjunction_length
from annotator.arabic.dates import DateHit
from annotator.arabic.normalize import compile_folded, fold
from annotator.arabic.quotes import Attribution
from annotator.arabic.reporting import FINITE_VERBS
from annotator.arabic.speakers import Mention
from annotator.arabic.tokens import DocumentView, SpanIndex, Token

_FIGURE = compile_folded(
    r"(?<![\p{L}\p{N}])(?:[وفبل]?\d[\d.,]*|(?:ال)?(?:آلاف|ألف|ألفا|مليون|ملايين|مليار|مليارات|"
    r"عشرات|مئات|نسبة|بالمئة|بالمائة|في المئة|المئة|دولار|يورو|روبل|جنيه|درهم|دينار|ريال|طن|"
    r"كيلومتر|نصف|ثلث|ربع|ضعف|أضعاف))(?![\p{L}])|%"
)
_CASUALTY = compile_folded(
    r"(?<![\p{L}])[وفبل]?(?:ال)?(?:قتيل|قتلى|مقتل|جريح|جرحى|مصاب|مصابين|مصابون|إصابة|إصابات|ضحايا|"
    r"ضحية|اعتقال|اعتقالات|معتقل|معتقلين|موقوف|موقوفين|شهيد|شهداء|حتفهم|حتفه|نازح|نازحين|لاجئ|"
    r"لاجئين|مفقود|مفقودين|اشتباكات|هجوم|انفجار|غارة|غارات)(?![\p{L}])"
)
# Decisions and events a reader can check: "الحكومة وافقت على الموازنة", "القوات دمرت نفقا".
# Past verbs only (a future or a wish is not yet checkable), with and without feminine -ت.
_EVENT_STEMS = (
    "وافق أقر قرر صادق اعتمد أصدر أطلق دمر استهدف اعتقل أوقف ضبط اغتال استقال أقال "
    "انتخب ألغى علق أغلق افتتح سيطر انسحب اقتحم أعدم أفرج أدان"
)
_EVENT = compile_folded(
    r"(?<![\p{L}])[وف]?(?:"
    + "|".join(f"{stem}(?:ت|وا)?" for stem in _EVENT_STEMS.split())
    + r")(?![\p{L}])"
)
# Verbal nouns no verb is spelt like ("ارتفاع", "افتتاح", "انطلاق", "استمرار", "تسجيل"):
# a line without final punctuation that opens with one is a noun-phrase heading. ("تراجع"
# is also the verb "retreated", so the pattern of form VI stays out; "اتحاد الكرة يسمي ..."
# opens with a body, the subject of a clause.)
_NOMINAL_HEADING = regex.compile(r"^(?:ا..ا.|ان..ا.|ا.ت.ا.|است..ا.|ت..ي.)$")
MIN_WORDS = 5  # shorter sentences are headings, datelines or fragments
MIN_HEADING_WORDS = 7  # a line without final punctuation is a claim only if this long
_NOT_CLAIMS = frozenset(fold(w) for w in ("المصدر", "المصادر", "المراجع", "اقرأ", "شاهد"))


@dataclass(frozen=True)
class ClaimFind:
    start: int
    end: int
    speaker: Mention | None
    checkworthy: bool
    confidence: float


def find_claims(view: DocumentView, found: Attribution, dates: list[DateHit]) -> list[ClaimFind]:
    """Claims in folded offsets: attributed ones first, then narrator sentences."""
    text = view.folded.text
    date_spans = SpanIndex([(d.start, d.end) for d in dates if d.type in ("DATE", "TIME")])

    def make(start: int, end: int, speaker: Mention | None, confidence: float) -> ClaimFind:
        worthy = _verifiable(text, start, end, date_spans)
        return ClaimFind(start, end, speaker, worthy, confidence + (0.1 if worthy else 0))

    claims = [make(q.start, q.end, q.speaker, 0.35) for q in found.quotes if q.statement]
    claims += [make(r.start, r.end, r.speaker, 0.3) for r in found.reports]
    # A sentence whose only attributed words are a quoted phrase stays the narrator's claim.
    sentence_starts = [s for s, _ in view.sentences]
    attributed: set[int] = set()
    appeals = [(q.start, q.end) for q in found.quotes if q.appeal]
    for start, end in [(c.start, c.end) for c in claims] + appeals:
        first = max(0, bisect_right(sentence_starts, start) - 1)
        last = bisect_left(sentence_starts, end)
        attributed.update(range(first, last))
    spans = sorted((c.start, c.end) for c in claims)
    for number, (start, end) in enumerate(view.sentences):
        if number in attributed:
            lead = _narrator_lead(view, start, end, spans)
            if lead is not None:
                claims.append(make(*lead, None, 0.25))
            continue
        span = _narrator_clause(view, start, end)
        if span is not None:
            claims.append(make(*span, None, 0.25))
    return sorted(claims, key=lambda c: (c.start, c.end))


_WHERE = frozenset(fold(w) for w in ("حيث",))
_IN_IT = frozenset(fold(w) for w in ("فيه", "فيها"))


def _narrator_lead(
    view: DocumentView, start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """ "وكانت وسائل إعلام قد بثت مشاهد من الجلسة، حيث نقلت بحسب مصادر ... بأن ...": the
    narrator's clause before "، حيث" is a claim of its own when nothing attributed reaches it."""
    tokens = view.tokens_between(start, end)
    cut = next(
        (
            k
            for k in range(1, len(tokens) - 1)
            if tokens[k - 1].text in ("،", ",")
            and (
                tokens[k].text in _WHERE
                # "وألقى الرئيس كلمة خلال المهرجان، قال فيها: ...": the speech as an event
                or (tokens[k].text in FINITE_VERBS and tokens[k + 1].text in _IN_IT)
            )
        ),
        None,
    )
    if cut is None:
        return None
    comma = tokens[cut - 1].start
    first = bisect_left(spans, (start, start))
    if first < len(spans) and spans[first][0] < comma:
        return None  # an attributed span starts before "حيث": the lead is no narrator's
    return _narrator_clause(view, start, comma + 1)


def _narrator_clause(view: DocumentView, start: int, end: int) -> tuple[int, int] | None:
    """The sentence without its conjunction and final punctuation, if it is a clause."""
    text = view.folded.text
    tokens = view.tokens_between(start, end)
    words = [t for t in tokens if t.is_word]
    if len(words) < MIN_WORDS or text[end - 1] in "؟?:" or words[0].text in _NOT_CLAIMS:
        return None
    if words[0].text in FURNITURE_WORDS and any(t.text in ":-–|" for t in tokens[:4]):
        return None  # "آخر تحديث: ...", "اقرأ أيضا: ...", "تصوير - ...": page furniture
    if text[end - 1] not in ".!" and (
        len(words) < MIN_HEADING_WORDS
        or (_NOMINAL_HEADING.match(words[0].text) and words[0].text not in SOURCE_HEADS)
    ):
        return None  # "ارتفاع أسعار الذهب في السوق المحلية اليوم": a noun-phrase heading
    tokens, start = _after_dateline(text, tokens, start)
    if not tokens:
        return None
    start = tokens[0].start + conjunction_length(tokens[0].text)
    while end > start and text[end - 1] in " .،,:؛!":
        end -= 1
    return start, end


def _after_dateline(text: str, tokens: list[Token], start: int) -> tuple[list[Token], int]:
    """Skip a dateline before the sentence: "(وكالة - 13 يناير 2022) ...", "القاهرة - ...",
    "تونس، 18 أفريل 2024 (وات) - ...", "القاهرة في 14 يوليو /أ ش أ/ - ...",
    "الرباط/ 3 شتنبر/ (ومع) - ...", "غزة – «القدس العربي»: ...". The dateline is a place,
    then only date words, numbers and an agency tag in brackets, quotes or slashes, closed by
    a dash (or a colon after the outlet's name)."""
    if tokens[0].text == "(":
        close = next((k for k, t in enumerate(tokens[:30]) if t.text == ")"), None)
        if close is not None and close + 1 < len(tokens):
            return tokens[close + 1 :], tokens[close + 1].start
    end = _dateline_end(tokens)
    if end is not None:
        return tokens[end:], tokens[end].start
    return tokens, start


_DASHES = frozenset("-–—")
_DATELINE_SEPARATORS = frozenset({"،", ",", "/", "(", "في"}) | _DASHES
_DATELINE_WORDS = frozenset(
    fold(w).split()[0] for w in (*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS)
) | frozenset(fold(w).split()[-1] for w in (*GREGORIAN_MONTHS, *HIJRI_MONTHS))
_DATELINE_MARKS = frozenset({"الموافق", "في", "م", "ه", "هـ"})
MAX_DATELINE = 22  # tokens: place, weekday, Hijri and Gregorian dates, agency tag
MAX_AGENCY_LETTERS = 4  # "واس", "وات", "ومع", "أ ش أ"; longer names come in brackets


def _dateline_end(tokens: list[Token]) -> int | None:
    """Index of the first token after a "place ... -" dateline, if the sentence opens with one."""
    place = next((k for k, t in enumerate(tokens[:4]) if t.text in _DATELINE_SEPARATORS), None)
    if place is None or place == 0 or not all(t.is_word for t in tokens[:place]):
        return None
    found = None
    depth = 0
    dashed = False
    for k in range(place, min(len(tokens) - 1, MAX_DATELINE)):
        text = tokens[k].text
        if text in ("(", "«", ")", "»"):
            depth += 1 if text in ("(", "«") else -1
        elif text == '"':
            depth = 0 if depth else 1
        elif text in _DASHES and depth == 0:
            dashed = True
            if tokens[k + 1].is_word:
                found = k + 1  # the last dash of the dateline: "بيروت - 12 آذار 2024 - ..."
        elif text == ":" and depth == 0 and dashed and tokens[k + 1].is_word:
            return k + 1  # "غزة – «صحيفة»: ..." - the outlet closes the dateline
        elif text in ("،", ",", "/") or depth > 0:
            continue
        elif not (
            text[0].isdigit()
            or text in _DATELINE_WORDS
            or text in _DATELINE_MARKS
            or len(text) <= MAX_AGENCY_LETTERS
        ):
            break
    return found


def _verifiable(text: str, start: int, end: int, date_spans: SpanIndex) -> bool:
    if _CASUALTY.search(text, start, end) or date_spans.starts_within(start, end):
        return True
    if _EVENT.search(text, start, end):
        return True
    return any(
        not date_spans.overlaps(m.start(), m.start() + 1)
        for m in _FIGURE.finditer(text, start, end)
    )
