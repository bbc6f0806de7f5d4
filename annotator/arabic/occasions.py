"""Speeches named as events: who delivered a speech the text reports, and figures with no author.

Agency style often names the speaker through the occasion rather than as the subject of the
reporting verb: "وفي كلمة ألقاها الوزير ...، أكد أن ...", "وأكدت كلمة ألقاها الرئيس أن ...",
"وألقى الرئيس كلمة خلال المهرجان، قال فيها: ...", "ووجه الرئيس رسالة للحاضرين بالقول: ...".
In each the speaker is the one who delivered the speech. These functions find that phrase as
token indices; quotes.py turns it into a mention. Estimates and figures with no author named
("وتشير أحدث التقديرات إلى أن ...") are the narrator's: nobody speaks there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.arabic.actors import FUNCTION_WORDS, TITLE_WORDS
from annotator.arabic.clauses import DELIVERY_VERBS, OCCASIONS, RELATIVES, gave_it
from annotator.arabic.clitics import conjunction_length, strip_prefix
from annotator.arabic.normalize import fold
from annotator.arabic.reporting import COMPLEMENTIZERS, FINITE_VERBS, PARTICIPLES
from annotator.arabic.speakers import is_source_head, source_phrase
from annotator.arabic.tokens import QuoteRegion, Token

# What is delivered: the speech nouns of OCCASIONS without their article or tanween.
_SPEECHES = frozenset(strip_prefix(w) for w in OCCASIONS) | frozenset(
    fold(w)
    for w in (
        *("خطابا", "كلمة", "رسالة", "تصريحات", "محاضرة", "مداخلة", "حديثا", "قصيدة"),
        *("أبياتا", "خطبة", "رسائل"),
    )
)
# Verbs whose subject delivers a speech: "ألقى الرئيس كلمة", "وجه الوزير رسالة".
_DELIVERING = frozenset(
    c + fold(w) for c in ("", "و", "ف") for w in ("ألقى", "ألقت", "وجه", "وجهت", "ألقيا")
)
_BETWEEN = frozenset(fold(w) for w in ("صحفي", "صحفية", "متلفزة", "مصورة", "مسجلة", "مطولة"))
_OPENING_PREPS = frozenset(c + fold(w) for c in ("", "و") for w in ("في", "خلال", "ضمن", "عبر"))
_GIVER_WORDS = 6  # words of the subject between "ألقى" and the speech
# Figures and estimates that speak for nobody unless their author is named ("أرقام الوزارة").
_FIGURES = frozenset(
    fold(w)
    for w in (
        *("التقديرات", "تقديرات", "الأرقام", "أرقام", "الإحصاءات", "إحصاءات", "الإحصائيات"),
        *("إحصائيات", "المؤشرات", "مؤشرات", "المعطيات", "معطيات", "التوقعات", "توقعات"),
    )
)
_FIGURE_MODIFIERS = frozenset(
    fold(w)
    for w in (
        *("أحدث", "آخر", "الأخيرة", "الحالية", "الأولية", "الرسمية", "المتوفرة", "المتاحة"),
        *("الجديدة", "الاقتصادية", "المالية", "أولى", "بعض", "كل", "جميع"),
    )
)


def delivered_by(
    tokens: Sequence[Token],
    k: int,
    limit: int,
    region_at: Callable[[int], QuoteRegion | None],
) -> tuple[int, int] | None:
    """For a phrase at ``k`` that names a speech and its deliverer ("كلمة ألقاها الوزير",
    "الكلمة التي ألقاها الوزير", "تصريحات صحفية أدلى بها ..."): the deliverer's token range."""
    if k >= limit or strip_prefix(tokens[k].text) not in _SPEECHES:
        return None
    j = k + 1
    while j < limit and (tokens[j].text in _BETWEEN or tokens[j].text in RELATIVES):
        j += 1
    if j < limit and tokens[j].text in DELIVERY_VERBS:
        first = j + 1
    elif gave_it(tokens, j):
        first = j + 2  # "تصريحات أدلى بها الوزير"
    else:
        return None
    end = source_phrase(tokens, first, limit, region_at)
    return (first, end) if end is not None else None


def opening_occasion(
    tokens: Sequence[Token], region_at: Callable[[int], QuoteRegion | None]
) -> tuple[int, int] | None:
    """ "وفي كلمة ألقاها الوزير أمام ...، أكد أن ...": a sentence that opens with the speech
    and its deliverer; the deliverer's token range."""
    if len(tokens) < 4 or tokens[0].text not in _OPENING_PREPS:
        return None
    return delivered_by(tokens, 1, len(tokens), region_at)


def speech_giver(tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """ "وألقى مسعود الكردي كلمة خلال المهرجان ...", "ووجه الرئيس رسالة ...": a sentence that
    opens with delivering a speech; its subject's token range (a name needs no title here)."""
    if first >= len(tokens) or tokens[first].text not in _DELIVERING:
        return None
    for j in range(first + 1, min(len(tokens), first + 2 + _GIVER_WORDS)):
        word = tokens[j].text
        if strip_prefix(word) in _SPEECHES and j > first + 1:
            end = j - 1 if tokens[j - 1].text in ("،", ",") else j
            return first + 1, end
        if word in ("،", ",") and j + 1 < len(tokens) and tokens[j + 1].text in _SPEECHES:
            continue  # "كما ألقى الشاعر سامي الحلو، قصيدة ...": the subject set off
        if not tokens[j].is_word or word in FUNCTION_WORDS:
            return None
    return None


def unissued_figures(words: Sequence[str]) -> bool:
    """ "أحدث التقديرات", "الأرقام الرسمية": figures whose author is not named, so no source;
    "أرقام وزارة الصحة" names its author."""
    if not any(w in _FIGURES for w in words):
        return False
    return all(w in _FIGURES or w in _FIGURE_MODIFIERS for w in words) and not any(
        is_source_head(w) for w in words if w not in _FIGURES
    )


def figures_author(tokens: Sequence[Token], k: int, end: int) -> int | None:
    """ "أرقام البنك المركزي", "أحدث إحصاءات الوزارة": where the author of the figures starts
    in the phrase ``tokens[k:end]``, if the phrase opens with figures and names one."""
    j = k
    while j < end and tokens[j].text in _FIGURE_MODIFIERS:
        j += 1
    if j + 1 >= end or tokens[j].text not in _FIGURES or tokens[j].text.startswith("ال"):
        return None
    author = j + 1
    return author if is_source_head(tokens[author].text) else None


# "صدر عن X البيان التالي:", "وجاء في نص بيان X ما يلي:", "وأصدر X البيان الآتي:": the lines
# after the colon are X's statement.
_ISSUED_FROM = frozenset(fold(w) for w in ("صدر", "وصدر"))
_CAME_IN = frozenset(fold(w) for w in ("جاء", "وجاء", "ورد", "وورد"))
_ISSUED_VERBS = frozenset(fold(w) for w in ("أصدر", "وأصدر", "أصدرت", "وأصدرت"))
_STATEMENTS = frozenset(fold(w) for w in ("بيان", "البيان", "بلاغ", "البلاغ", "تعميم", "التعميم"))
_FOLLOWING = frozenset(fold(w) for w in ("التالي", "الآتي", "يلي", "ما", "نص", "نصه"))
MAX_ISSUER = 12


def statement_issuer(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """The issuer's token range in a line that announces a statement given after its colon."""
    if len(tokens) < 4 or tokens[-1].text != ":":
        return None
    words = [t.text for t in tokens[:-1]]
    first = words[0]
    if first in _ISSUED_FROM and words[1] == "عن":
        end = next((j for j in range(2, len(words)) if words[j] in _STATEMENTS), None)
        return (2, end) if end is not None and end > 2 else None
    if first in _ISSUED_VERBS:
        end = next((j for j in range(1, len(words)) if words[j] in _STATEMENTS), None)
        return (1, end) if end is not None and end > 1 else None
    if first in _CAME_IN and words[1] == "في":
        k = 3 if words[2] == fold("نص") else 2
        if k >= len(words) or words[k] not in _STATEMENTS - {fold("البيان"), fold("البلاغ")}:
            return None
        end = next((j for j in range(k + 1, len(words)) if words[j] in _FOLLOWING), len(words))
        return (k + 1, end) if end > k + 1 and end - k <= MAX_ISSUER else None
    return None


def instruction_line(tokens: Sequence[Token]) -> bool:
    """A line of a statement given as a list of instructions ("عدم محاولة عبور الأودية",
    "تخفيف السرعة ..."): short, not joined to the narrative by و/ف, reporting nothing."""
    words = [t.text for t in tokens if t.is_word]
    if not words or not tokens[0].is_word or len(words) > MAX_INSTRUCTION:
        return False
    if conjunction_length(words[0]) or words[0][:1] == "و":
        return False
    return not any(w in FINITE_VERBS or w in PARTICIPLES or w in COMPLEMENTIZERS for w in words)


MAX_INSTRUCTION = 20


MAX_MEDIUM = 8  # words naming the medium of an opening "وفي تصريح لقناة ..."


def verb_after_occasion(tokens: Sequence[Token], limit: int) -> int | None:
    """ "وفي تصريح لقناة الأخبار المغربية دحض الخبير ...": a sentence that opens with the
    statement and its medium, then a verb and its titled subject; the verb's index (the
    subject starts after it)."""
    if len(tokens) < 5 or tokens[0].text not in _OPENING_PREPS:
        return None
    if strip_prefix(tokens[1].text) not in _SPEECHES:
        return None
    for j in range(3, min(limit - 1, 3 + MAX_MEDIUM)):
        if not tokens[j].is_word or tokens[j].text in FUNCTION_WORDS:
            return None
        subject = tokens[j + 1].text
        if subject.startswith("ال") and subject in TITLE_WORDS and tokens[j].text[:1] != "ل":
            return j
    return None
