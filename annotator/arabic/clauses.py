"""The shape of a reporting sentence: where triggers are, and where a clause or a
complement starts and ends.

Arabic reporting sentences follow a few frames: verb, source, adjuncts ("في بيان", a time),
then content after a complementizer, a colon or a quotation mark; or a nominal complement
("أعلن الوزير بدء الانسحاب"); or an attribution phrase ("بحسب الوزارة") at either end of the
clause. These token-level functions find those boundaries; quotes.py decides what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.arabic.calendar_words import DAY_PARTS, GREGORIAN_MONTHS, WEEKDAYS
from annotator.arabic.normalize import fold
from annotator.arabic.reporting import (
    ATTRIBUTION_PREPS,
    ATTRIBUTION_TAIL_WORDS,
    CLAUSE_INITIAL_VERBS,
    FINITE_VERBS,
    IMPERSONAL,
    PARTICIPLES,
)
from annotator.arabic.tokens import Token

_PREPS = frozenset(fold(p) for p in ATTRIBUTION_PREPS) | {"و" + fold(p) for p in ATTRIBUTION_PREPS}

_IMPERSONAL = frozenset(fold(w) for w in IMPERSONAL) | {"و" + fold(w) for w in IMPERSONAL}

_SOURCE_MODIFIERS = frozenset(fold(w) for w in ("في", "من", "داخل", "لدى", "مقربة", "مطلعة"))

# "كان متوقعا أن ...", "بات مرجحا": after a copula the participle is a predicate, and after a
# preposition it is a verbal noun ("في متابعة"), not a circumstantial clause chaining a new
# statement.
_NOT_CIRCUMSTANTIAL = frozenset(
    fold(w)
    for w in (
        *("كان", "كانت", "وكان", "وكانت", "يكون", "تكون", "بات", "باتت", "أصبح", "أصبحت"),
        *("ليس", "ليست", "غير", "من", "ومن", "هو", "هي"),
        # after a preposition the same letters are a verbal noun: "في متابعة المشاريع"
        *("في", "على", "إلى", "عن", "مع", "حول", "بشأن"),
    )
)

RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
_RELATIVES = RELATIVES

_ADJUNCT_PREPS = frozenset(fold(w) for w in ("خلال", "في", "أمام", "عبر", "أثناء", "عقب"))

BUT_PRONOUN = frozenset(
    c + "لكن" + p for c in ("", "و") for p in ("ه", "ها", "هم", "هما", "نا", "ني")
)

_TEMPORAL_WORDS = frozenset(
    [fold(w) for w in ("اليوم", "أمس", "غدا", "يوم", "الساعة", "عام", "العام", "مطلع")]
    + [fold(w) for w in (*WEEKDAYS, *DAY_PARTS)]
    + [fold(w) for w in GREGORIAN_MONTHS if " " not in w]
    + ["كانون", "تشرين", "الاول", "الثاني"]
)

# What may stand between a reporting verb's subject and its nominal complement.
_ADJUNCT_WORDS = frozenset(fold(w) for w in ("عن", "على", "إلى", "من")) | _TEMPORAL_WORDS

TRIM = " .،,؛:;-–—\n"


def _temporal(word: str) -> bool:
    return word in _TEMPORAL_WORDS or word[0].isdigit()


@dataclass(frozen=True)
class Trigger:
    index: int  # token index in the sentence
    kind: str  # verb, participle, prep, tail


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in TRIM:
        end -= 1
    while start < end and text[start] in TRIM:
        start += 1
    return start, end


def skip_time_words(tokens: list[Token], k: int, limit: int) -> int:
    """Past time words and commas that may precede a verb's subject."""
    while k < limit and (tokens[k].text in ("،", ",") or _temporal(tokens[k].text)):
        k += 1
    return k


# The occasion of a statement between its verb and complement: "نفى الجيش في بيان صحة ...",
# "أكد الوزير في تصريح صحفي ...". The occasion is no part of what was said.
OCCASIONS = frozenset(
    fold(w)
    for w in (
        "بيان",
        "بيانها",
        "بيانه",
        "تصريح",
        "تصريحات",
        "تصريحه",
        "تصريحها",
        "كلمة",
        "كلمته",
        "مؤتمر",
        "حديث",
        "حديثه",
        "مقابلة",
        "لقاء",
        "تغريدة",
        "منشور",
        "رسالة",
        "خطاب",
    )
)
_OCCASION_MODIFIERS = frozenset(
    fold(w)
    for w in (
        "صحفي",
        "صحافي",
        "رسمي",
        "مشترك",
        "متلفز",
        "مقتضب",
        "له",
        "لها",
        "صادر",
        "نشرته",
        "نشرها",
        "ألقاها",
        "ألقاه",
        "أدلى",
        "صحفية",
        "رسمية",
        "متلفزة",
        "مقتضبة",
        "مكتوب",
    )
)


# Verbs that deliver a speech, with the speech as their object pronoun: "في كلمة ألقاها الوزير",
# "تصريحات أدلى بها المدير", "رسالة وجهها الرئيس". The phrase after them names the speaker; the
# verb itself is no part of any source phrase.
DELIVERY_VERBS = frozenset(
    fold(f"{stem}{suffix}")
    for stem, suffixes in (
        ("ألقا", ("ها", "ه")),
        ("ألقت", ("ها", "ه")),
        ("وجه", ("ها", "ه")),
        ("وجهت", ("ها", "ه")),
        ("أجرا", ("ها", "ه")),
        ("أجرت", ("ها", "ه")),
        ("عقد", ("ها", "ه")),
        ("عقدت", ("ها", "ه")),
        ("نشر", ("ها", "ه")),
        ("نشرت", ("ها", "ه")),
    )
    for suffix in suffixes
)
# "ووجه الرئيس رسالة للمواطنين بالقول: ...": the saying noun opens the words, like "قائلا".
BY_SAYING = frozenset(fold(w) for w in ("بالقول",))


def skip_adjuncts(tokens: list[Token], k: int, limit: int) -> int:
    """Past punctuation, time words, "عن/على/إلى" and the occasion ("في بيان") between a
    verb's subject and complement."""
    while k < limit:
        text = tokens[k].text
        if text == "في" and k + 2 < limit and tokens[k + 1].text in OCCASIONS:
            k += 2
            while k < limit and tokens[k].text in _OCCASION_MODIFIERS:
                k += 1
            continue
        if not (
            not tokens[k].is_word
            or text in _ADJUNCT_WORDS
            or text[0].isdigit()
            or (text == "في" and k + 1 < limit and _temporal(tokens[k + 1].text))
        ):
            break
        k += 1
    return k


def complement_start(tokens: list[Token], k: int, limit: int) -> int:
    """Skip a relative clause up to "عن" ("أعلن X الذي يترأس ... عن قرار") or an adjunct
    phrase up to its comma ("أعلن، خلال اجتماع في ألما آتا، بدء الانسحاب")."""
    if k >= limit:
        return k
    first = tokens[k].text
    if first in _RELATIVES:
        about = next((j for j in range(k + 1, limit) if tokens[j].text == "عن"), None)
        return about + 1 if about is not None else limit
    if first in _ADJUNCT_PREPS:
        comma = next((j for j in range(k + 1, min(limit, k + 10)) if tokens[j].text in "،,"), None)
        return comma + 1 if comma is not None else k
    return k


def closing_modifier(tokens: list[Token], end: int, limit: int) -> int:
    """ "...، وفقا لمصادر في النادي.": a short phrase closing the sentence belongs to the source."""
    words = [k for k in range(end, limit) if tokens[k].is_word]
    if words and len(words) <= 3 and tokens[end].text in _SOURCE_MODIFIERS:
        last = words[-1] + 1
        if only_punctuation(tokens[last:limit]) and words == list(range(end, last)):
            return last
    return end


def only_punctuation(tokens: list[Token]) -> bool:
    return all(not t.is_word for t in tokens)


# Connectors that open the next clause ("، فيما قال ...", "بينما أكد ..."): not reported words.
_CONNECTORS = frozenset(fold(w) for w in ("فيما", "بينما", "حين", "في", "كما", "ثم", "و", "لكن"))


def clause_boundary(tokens: list[Token], start: int, limit: int) -> int:
    """Where the clause before the trigger at ``limit`` ends: before its connectors and commas."""
    if limit >= len(tokens):
        return limit
    boundary = limit
    while boundary - 1 > start and (
        tokens[boundary - 1].text in _CONNECTORS
        or tokens[boundary - 1].text in BUT_PRONOUN
        or tokens[boundary - 1].text in ("،", ",")
    ):
        boundary -= 1
    return boundary


def new_clause(tokens: list[Token], i: int) -> bool:
    """A reporting verb after a comma or "لكنه" starts a new clause of its own."""
    return i > 0 and (tokens[i - 1].text in ("،", ",") or tokens[i - 1].text in BUT_PRONOUN)


def theophoric(tokens: list[Token], i: int) -> bool:
    """ "أحمد ذكر الله", "محمد حسين فضل الله", "مصطفى حسب الله": a word before "الله" is the
    first half of a name, not the verb or preposition it is spelt like."""
    return i + 1 < len(tokens) and tokens[i + 1].text == "الله"


_AS_PUT = frozenset(fold(w) for w in ("قول", "تعبير", "وصف"))


def as_put_by(tokens: list[Token], i: int) -> bool:
    """ "...، على حد قول الوزير": "as the minister put it" names the source after the clause,
    like "بحسب الوزير" (with a pronoun, "على حد قوله", it is a tail)."""
    return (
        tokens[i].text in _AS_PUT
        and i > 1
        and tokens[i - 1].text == "حد"
        and tokens[i - 2].text == "علي"
    )


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    found: list[Trigger] = []
    for i, tok in enumerate(tokens):
        text = tok.text
        if theophoric(tokens, i):
            continue
        if _reporting_verb(tokens, i):
            found.append(Trigger(i, "verb"))
        elif text in PARTICIPLES and not (i and tokens[i - 1].text in _NOT_CIRCUMSTANTIAL):
            found.append(Trigger(i, "participle"))
        elif text in BY_SAYING and not any(f.kind == "verb" for f in found):
            # "ووجه X رسالة ... بالقول: «...»"; after a reporting verb ("ختم الوزير حديثه
            # بالقول إن ...") it only leads that verb to its content.
            found.append(Trigger(i, "participle"))
        elif is_tail(tokens, i):
            found.append(Trigger(i, "tail"))
        elif text in _PREPS or as_put_by(tokens, i):
            found.append(Trigger(i, "prep"))
    return found


def gave_it(tokens: list[Token], j: int) -> bool:
    """ "أدلى به", "أدلت بها": gave it (a statement), the verb of a relative clause after the
    statement's noun; it reports nothing itself and "به" is no subject."""
    return j + 1 < len(tokens) and tokens[j].text in _GAVE and tokens[j + 1].text in _IT_PRONOUNS


_GAVE = frozenset(fold(w) for w in ("أدلى", "أدلت", "ادلى"))
_IT_PRONOUNS = frozenset(fold(w) for w in ("به", "بها", "بهما", "بهم"))


def _reporting_verb(tokens: list[Token], i: int) -> bool:
    text = tokens[i].text
    if text in CLAUSE_INITIAL_VERBS and (
        all(not t.is_word for t in tokens[:i]) or tokens[i - 1].text in ("،", ",")
    ):
        return True  # "وبين الوزير أن ...": the caller drops it if no content follows
    return (
        text in FINITE_VERBS
        and text not in _IMPERSONAL
        and not governed(tokens, i)
        and not _in_attribution(tokens, i)
        and not (i + 1 < len(tokens) and tokens[i + 1].text in _EXCEPTIONS)
        and not gave_it(tokens, i)
    )


# "لمدربين جدد إلا أن ...": a verb's letters before "إلا" are an adjective ("new").
_EXCEPTIONS = frozenset(fold(w) for w in ("إلا", "الا"))


# Words that govern a verbal noun: "عدم ذكر اسمه" is "not mentioning", not the verb "ذكر".
_NOUN_GOVERNORS = frozenset(fold(w) for w in ("عدم", "دون", "بدون", "بعد", "قبل", "عند")) | {
    # a verb inside a causal or conditional clause reports nothing of its own: "لأنه يعتبر
    # الجهد ...", "طالما أقر المجتمعون بأن ...", "لو قال ..."
    fold(w)
    for w in ("لأنه", "لأنها", "لأنهم", "لأن", "طالما", "لو", "إذا", "كلما")
}


def _in_attribution(tokens: list[Token], i: int) -> bool:
    """ "وفق ما أعلنت الوزارة", "حسبما أفاد المرصد": the verb belongs to the attribution
    phrase, which names the source; it opens no content of its own."""
    if i > 0 and tokens[i - 1].text in _PREPS:
        return True
    return i > 1 and tokens[i - 1].text == "ما" and tokens[i - 2].text in _PREPS


def governed(tokens: list[Token], i: int) -> bool:
    """The word at ``i`` follows a word that makes it a verbal noun ("عدم ذكر"), or is the verb
    of a time clause ("منذ أن أعلنت", "بعد أن أكد"), which reports nothing of its own."""
    if i > 1 and tokens[i - 1].text == "ان" and tokens[i - 2].text in _TIME_CONJUNCTIONS:
        return True
    return i > 0 and tokens[i - 1].text in _NOUN_GOVERNORS


_TIME_CONJUNCTIONS = frozenset(fold(w) for w in ("منذ", "بعد", "قبل", "حين", "إلى"))


_TAIL_STARTS = frozenset(t.split()[0] for t in ATTRIBUTION_TAIL_WORDS)


def is_tail(tokens: list[Token], i: int) -> bool:
    if tokens[i].text not in _TAIL_STARTS:
        return False
    for size in (2, 3):
        words = " ".join(t.text for t in tokens[i : i + size])
        if words in ATTRIBUTION_TAIL_WORDS:
            return True
    return False
