"""TimeML categories that news marks as TIMEX3 beyond calendar dates: bare years, centuries
and decades, seasons, past/present/future references, recurring (SET) adjectives and
standalone units used as durations.

These words are also ordinary vocabulary ("2003 شخصا" is a count, "الربيع العربي" a movement,
"السابق" an adjective, "السنة" the Sunnis), so every rule asks for the context that makes the
reading temporal: a preposition, a following word that is not a counted noun, an adjective
that agrees. The rules share the conventions of ``date_rules``: natural spelling matched on
the folded text, proclitics and temporal prepositions outside the ``x`` group.
"""

from __future__ import annotations

from datetime import date

import regex

from annotator.arabic import timex
from annotator.arabic.calendar_words import ORDINAL_DAYS
from annotator.arabic.clitics import CLITIC
from annotator.arabic.date_rules import (
    _AGE_AFTER,
    _CARD,
    SEASON_WORDS,
    SEASONS,
    B,
    Context,
    DateHit,
    E,
    Handler,
    _g,
    _hit,
    _words,
)
from annotator.arabic.normalize import alternation, compile_folded, compile_rules, fold

# A four-digit year without a year word: only 1900-2099 (older numbers are mostly counts).
_BARE_YEAR = r"(?P<year>(?:19|20)\d\d)(?P<era>م|ء)?"
# Nouns that a number counts ("في 2003 حالة", "قبل 2000 عام"): the number is then no year.
_COUNTED_WORDS = (
    "شخص حالة حالات مواطن مواطنا طفل طفلا امرأة منزل منازل موقع قتيل قتلى جريح جرحى "
    "مصاب مصابين دولار جنيه ريال دينار درهم ليرة يورو روبل طن أطنان متر كيلومتر كلم "
    "كم ميغاواط برميل سيارة عامل موظف طالب مليون مليار ألف آلاف نسمة فرد أسرة عائلة "
    "جندي مقاتل معتقل سجين لاجئ نازح هكتار فدان دونم وحدة مشروع مدرسة عام عاما سنة "
    "سنوات يوم يوما ساعة شهر أشهر قطعة صاروخ طائرة غارة رأس نقطة صوت مقعد"
)
_COUNTED = {fold(word) for word in _COUNTED_WORDS.split()}
_NEXT_WORD = regex.compile(r"\s*(\p{L}+)")
_NUMBER_BEFORE = regex.compile(r"(?:نحو|حوالي|قرابه|اكثر\s+من|اقل\s+من|ارقام|رقم)\s+$")


def _counts_something(ctx: Context, end: int) -> bool:
    """True when the number just before ``end`` counts the noun after it, or is a figure."""
    after = ctx.text[end : end + 3]
    if (after[:1] and after[:1] in "%٪") or regex.match(r"\p{N}|[.,]\p{N}", after):
        return True
    m = _NEXT_WORD.match(ctx.text, end, end + 30)
    if m is None:
        return False
    word = m.group(1)
    return word in _COUNTED or word.removeprefix("ال") in _COUNTED


def _bare_year(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "في 1949"، "منذ 2003"، "2003م": a year standing alone, TIMEX3 value the year."""
    if _counts_something(ctx, m.end("x")):
        return None
    if _NUMBER_BEFORE.search(ctx.text, max(0, m.start("x") - 12), m.start("x")):
        return None
    year = int(m.group("year"))
    if not m.group("era") and ctx.anchor is not None and year > ctx.anchor.year + 30:
        return None
    return _hit(m, "x", "DATE", str(year), 0.75, "explicit")


# Centuries: "القرن العشرين" is the twentieth century, the years 19xx, which TIMEX3 writes "19";
# a decade is written by its first three digits ("196" for the sixties).
_FOLDED_ORD = {fold(k): v for k, v in ORDINAL_DAYS.items()}
_ORD = alternation([w for w, n in ORDINAL_DAYS.items() if n <= 21 and w != "غرة"])
_CENTURY = (
    rf"(?P<century>القرن\s+(?:ال\s*)?(?:(?P<cnum>\d{{1,2}})|(?P<cord>{_ORD})"
    r"|(?P<crel>الماضي|المنصرم|الحالي|الجاري|المقبل|القادم))(?:\s+(?:الميلادي|للميلاد))?)"
)
_CENTURY_OFFSET = {
    "الماضي": -1,
    "المنصرم": -1,
    "الحالي": 0,
    "الجاري": 0,
    "المقبل": 1,
    "القادم": 1,
}


def _century_prefix(m: regex.Match[str], ctx: Context) -> int | None:
    """The first two digits of the years of the century the match names (20th -> 19)."""
    if _g(m, "cnum"):
        return int(_g(m, "cnum") or 0) - 1
    if _g(m, "cord"):
        return _FOLDED_ORD[_words(_g(m, "cord"))] - 1
    offset = _CENTURY_OFFSET[_words(_g(m, "crel"))]
    now = ctx.anchor or date.today()
    return now.year // 100 + offset


def _century(m: regex.Match[str], ctx: Context) -> DateHit | None:
    prefix = _century_prefix(m, ctx)
    if prefix is None or not 0 < prefix < 30:
        return None
    return _hit(m, "x", "DATE", f"{prefix:02d}", 0.8, "explicit")


# Decades: "الستينيات" (or "الستينات") -> 196 in the twentieth century unless one is named.
_DECADES = {
    "عشرين": 2,
    "ثلاثين": 3,
    "اربعين": 4,
    "خمسين": 5,
    "ستين": 6,
    "سبعين": 7,
    "ثمانين": 8,
    "تسعين": 9,
}
_DECADE = r"(?P<dec>" + "|".join(_DECADES) + r")(?:يات|ات)"


def _decade(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if not (_g(m, "article") or _g(m, "century")):
        return None  # "ستينيات" without ال nor a century is a noun of age ("في ستينياته")
    if _AGE_AFTER.match(ctx.text, m.end("x")):
        return None  # "في العشرينيات من عمره": an age
    prefix = _century_prefix(m, ctx) if _g(m, "century") else 19
    if prefix is None or not 0 < prefix < 30:
        return None
    digit = _DECADES[m.group("dec")]
    return _hit(m, "x", "DATE", f"{prefix:02d}{digit}", 0.8, "explicit")


# Seasons without a year ("في الصيف", "شتاء قاسيا"): generic, XXXX-SU; "هذا الصيف" is this
# year's. "الربيع العربي" is a movement and "ربيع الأول" a Hijri month.
_NOT_SEASON_AFTER = regex.compile(
    r"\s+(?:العربي|الاول|الاخر|الثاني|اول|ثاني|اخر|العمر|الديمقراطي|براغ|دمشق)(?!\p{L})"
)


def _bare_season(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if _NOT_SEASON_AFTER.match(ctx.text, m.end("x")):
        return None
    word = _words(m.group("season")).removeprefix("ال")
    code = SEASONS[word]
    if _g(m, "this"):
        year = timex.relative_year(ctx.anchor, 0)
    elif ctx.anchor is not None and _APPROACHING.search(
        ctx.text, max(0, m.start("x") - 16), m.start("x")
    ):
        # "على أبواب صيف واعد": the season at hand, this year's until it is over
        last = _SEASON_LAST_MONTH.get(code, 12)
        year = timex.relative_year(ctx.anchor, 0 if ctx.anchor.month <= last else 1)
    else:
        year = "XXXX"
    return _hit(m, "x", "DATE", f"{year}-{code}", 0.6, "explicit")


# "على أبواب / مشارف / أعتاب صيف", "مع حلول / قدوم الشتاء": a season about to come.
_APPROACHING = regex.compile(r"(?<![\p{L}])(?:ابواب|مشارف|اعتاب|عتبه|حلول|قدوم|اقتراب|دخول)\s+$")
_SEASON_LAST_MONTH = {"SP": 5, "SU": 8, "FA": 11}


# "ومعدل التضخم خمسة في المئة خلال العام.": a bare period closing a clause is the current one.
def _this_period(m: regex.Match[str], ctx: Context) -> DateHit | None:
    unit = _words(m.group("x"))
    if unit == "الشهر":
        value = timex.relative_month(ctx.anchor, 0)
    elif unit == "الاسبوع":
        value = timex.week_value(ctx.anchor, 0)
    else:
        value = timex.relative_year(ctx.anchor, 0)
    return _hit(m, "x", "DATE", value, 0.55, "period")


# Deictic references of TimeML: words whose value is PAST_REF, PRESENT_REF or FUTURE_REF.
_REFERENCES = {
    "آنذاك": "PAST_REF",
    "حينذاك": "PAST_REF",
    "وقتذاك": "PAST_REF",
    "حينئذ": "PAST_REF",
    "وقتئذ": "PAST_REF",
    "سابقا": "PAST_REF",
    "سالفا": "PAST_REF",
    "قديما": "PAST_REF",
    "قريبا": "FUTURE_REF",
    "لاحقا": "FUTURE_REF",
    "مستقبلا": "FUTURE_REF",
    "هذه الأيام": "PRESENT_REF",
    "الفترة المقبلة": "FUTURE_REF",
    "الفترة الماضية": "PAST_REF",
    "الفترة الأخيرة": "PAST_REF",
    "الفترة السابقة": "PAST_REF",
    "الفترة الحالية": "PRESENT_REF",
    "الفترة الراهنة": "PRESENT_REF",
    "الفترة القادمة": "FUTURE_REF",
    "المدة المقبلة": "FUTURE_REF",
    "المرحلة المقبلة": "FUTURE_REF",
    "وقت سابق": "PAST_REF",
    "وقت لاحق": "FUTURE_REF",
    "الآونة الأخيرة": "PAST_REF",
    "آونة الأخيرة": "PAST_REF",
    # "كان الرئيس حينها في الخارج": then; "قبل قليل": a moment ago
    "حينها": "PAST_REF",
    "قبل قليل": "PAST_REF",
    "العقود الماضية": "PAST_REF",
    "العقود الأخيرة": "PAST_REF",
    # the span of ten years up to now: a DURATION
    "العقد الماضي": "P10Y",
    "العقد الأخير": "P10Y",
    "العقدين الماضيين": "P20Y",
    "العقدين الأخيرين": "P20Y",
}
# After a preposition only: "في السابق" (formerly) but "الرئيس السابق" (former).
_REFERENCES_AFTER_FI = {
    "السابق": "PAST_REF",
    "الماضي": "PAST_REF",
    "المستقبل": "FUTURE_REF",
}
_FOLDED_REFERENCES = {fold(k): v for k, v in {**_REFERENCES, **_REFERENCES_AFTER_FI}.items()}


def _reference(m: regex.Match[str], ctx: Context) -> DateHit | None:
    value = _FOLDED_REFERENCES[_words(m.group("x"))]
    type_ = "DURATION" if value[1:2].isdigit() else "DATE"  # "P10Y", not "PAST_REF"
    return _hit(m, "x", type_, value, 0.6, "deictic")


# "حتى اللحظة", "لغاية هذه اللحظة": up to now; "منذ اللحظة الأولى": from the start, a past
# time; "في وقت قريب" soon, but "حتى وقت قريب" / "منذ وقت قريب" until / since recently.
def _moment(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if _g(m, "first"):
        return _hit(m, "x", "DATE", "PAST_REF", 0.6, "deictic")
    return _hit(m, "x", "DATE", "PRESENT_REF", 0.6, "deictic")


def _near_time(m: regex.Match[str], ctx: Context) -> DateHit | None:
    value = "PAST_REF" if _g(m, "since") else "FUTURE_REF"
    return _hit(m, "x", "DATE", value, 0.6, "deictic")


def _then(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "منذ ذلك الحين", "في ذلك الوقت": the time just narrated, a past reference like آنذاك."""
    return _hit(m, "x", "DATE", "PAST_REF", 0.55, "deictic")


# "بالسجن لمدة عام", "مدة شهر": a bare unit after a signal of duration is one unit long.
_ONE_OF_UNIT = {
    "يوم": "P1D",
    "اسبوع": "P1W",
    "شهر": "P1M",
    "عام": "P1Y",
    "سنه": "P1Y",
    "عقد": "P10Y",
}


def _one_unit(m: regex.Match[str], ctx: Context) -> DateHit | None:
    word = _words(m.group("x"))
    value = _ONE_OF_UNIT.get(word, "PT1H")
    return _hit(m, "x", "DURATION", value, 0.6, "duration")


# Recurring adjectives (SET): "نشرتها اليومية" -> P1D, "المؤتمر السنوي" -> P1Y.
_SET_ADJECTIVES = {
    "يومي": "P1D",
    "اسبوعي": "P1W",
    "شهري": "P1M",
    "سنوي": "P1Y",
}


def _set_adjective(m: regex.Match[str], ctx: Context) -> DateHit | None:
    return _hit(m, "x", "SET", _SET_ADJECTIVES[m.group("adj")], 0.6, "set")


# Standalone units (TIMEX3 DURATION): "يوما" P1D, "ساعة" PT1H, "أسابيع" PXW, "السنتين" P2Y.
_ONE_UNIT = {
    "يوما": ("D", False),
    "اسبوعا": ("W", False),
    "شهرا": ("M", False),
    "عاما": ("Y", False),
    "ساعه": ("H", True),
}
_SOME_UNITS = {
    "ايام": ("D", False),
    "اسابيع": ("W", False),
    "اشهر": ("M", False),
    "شهور": ("M", False),
    "سنوات": ("Y", False),
    "سنين": ("Y", False),
    "اعوام": ("Y", False),
    "ساعات": ("H", True),
    "دقائق": ("M", True),
}
_TWO_UNITS = {
    "اليومين": ("D", False),
    "الاسبوعين": ("W", False),
    "الشهرين": ("M", False),
    "السنتين": ("Y", False),
    "العامين": ("Y", False),
    "الساعتين": ("H", True),
}
_AMOUNT_BEFORE = compile_folded(rf"(?:\p{{N}}|(?<![\p{{L}}])(?:ال)?{_CARD})\s*$")
# A unit in construct with a definite noun names an occasion ("أيام العيد", "ساعة الصفر").
_CONSTRUCT_AFTER = regex.compile(r"\s+(?:ال\p{L}+|[\p{N}]|ما(?!\p{L}))")


def _standalone_unit(m: regex.Match[str], ctx: Context) -> DateHit | None:
    word = _words(m.group("unit"))
    if ctx.text[max(0, m.start("x") - 1) : m.start("x")] == "/":
        return None  # "40 كم/ساعة": a unit of speed
    if _AMOUNT_BEFORE.search(ctx.text, max(0, m.start("x") - 16), m.start("x")):
        return None  # "19 عاما": counted, so the duration rule's (an age it refused stays out)
    if _CONSTRUCT_AFTER.match(ctx.text, m.end("x")) and word not in _TWO_UNITS:
        return None
    if word in _ONE_UNIT:
        letter, time_unit = _ONE_UNIT[word]
        amount: int | None = 1
    elif word in _TWO_UNITS:
        letter, time_unit = _TWO_UNITS[word]
        amount = 2
    else:
        letter, time_unit = _SOME_UNITS[word]
        amount = None
    return _hit(m, "x", "DURATION", timex.duration(amount, letter, time_unit), 0.55, "duration")


# Years named by an event or a period: "مونديال قطر 2022", "كأس العالم 2014", "موازنة 2024".
_EVENT_NOUNS = (
    r"(?:مونديال|كاس\s+العالم|كاس|اولمبياد|بطوله|دوره|موسم|ميزانيه|موازنه|انتخابات|رويه|خطه|"
    r"الفتره|للفتره)"
)
_PREPOSITION = r"(?:في|منذ|حتى|خلال|بحلول|قبل|بعد|الى|عن|من|ومنذ|وفي|وحتى|وخلال|وقبل|وبعد)"
_RULES: list[tuple[str, Handler]] = [
    (rf"{B}{_PREPOSITION}\s+(?P<x>{_BARE_YEAR}){E}", _bare_year),
    (rf"{B}{CLITIC}(?P<x>(?P<year>(?:19|20)\d\d)(?P<era>م|ء)){E}", _bare_year),
    (rf"{B}{_EVENT_NOUNS}(?:\s+\p{{L}}+)?\s+(?P<x>{_BARE_YEAR}){E}", _bare_year),
    (rf"(?<![\p{{N}}/.-])(?P<x>{_BARE_YEAR})(?=\s*[-–]\s*(?:19|20)\d\d{E})", _bare_year),
    (rf"(?<=(?:19|20)\d\d\s*[-–]\s*)(?P<x>{_BARE_YEAR}){E}(?![-/.]\d)", _bare_year),
    (rf"{B}{CLITIC}(?P<x>{_CENTURY}){E}", _century),
    (
        rf"{B}{CLITIC}(?P<x>(?P<article>ال)?{_DECADE}"
        rf"(?:\s+(?:من\s+)?{_CENTURY})?){E}",
        _decade,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<this>هذا|هذه)\s+)?(?:فصل\s+|(?:اشهر|شهور)\s+)?"
        rf"(?P<season>(?:ال)?{SEASON_WORDS})(?:ا(?=\s))?){E}",
        _bare_season,
    ),
    (rf"{B}{CLITIC}(?P<x>{alternation(list(_REFERENCES))}){E}", _reference),
    (
        rf"{B}(?:في|وفي|ففي)\s+(?P<x>{alternation(list(_REFERENCES_AFTER_FI))}){E}"
        r"(?!\s+(?:ال\p{L}+|القريب|البعيد|المنظور))",
        _reference,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:ال)?(?P<adj>{'|'.join(_SET_ADJECTIVES)})(?:ه|ين|تين)?){E}",
        _set_adjective,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?P<unit>{alternation([*_ONE_UNIT, *_SOME_UNITS, *_TWO_UNITS])}){E}"
        rf"(?:\s+(?:واحدا|واحده|واحد){E})?(?:\s+(?:كاملا|كامله|كاملين|كاملتين|كامل){E})?)",
        _standalone_unit,
    ),
]


_RULES += [
    (
        rf"{B}(?:خلال|طوال|طيله|وخلال|وطوال)\s+(?P<x>العام|السنه|الشهر|الاسبوع){E}"
        r"(?=\s*(?:[.,،؛:!?؟)\n]|$))",
        _this_period,
    ),
    (
        rf"{B}(?:حتى|لغايه|الى|لحد|وحتى|ولغايه)\s+(?P<x>(?:هذه\s+)?اللحظه){E}"
        rf"(?!\s+(?:التي|الذي|ال\p{{L}}+))",
        _moment,
    ),
    (rf"{B}{CLITIC}(?P<x>(?:هذه\s+)?اللحظه\s+(?:الراهنه|الحاليه)){E}", _moment),
    (rf"{B}(?:منذ|ومنذ)\s+(?P<x>اللحظه\s+(?P<first>الاولي)){E}", _moment),
    (
        rf"{B}(?:(?P<since>منذ|حتى|الى|لغايه)|في|ب)\s*(?P<x>وقت\s+(?:قريب|قصير\s+جدا)){E}",
        _near_time,
    ),
    (
        rf"{B}(?:لمده|مده|طيله|طوال|على\s+مدى|على\s+مدار|خلال|غضون)\s+"
        rf"(?P<x>يوم|اسبوع|شهر|عام|سنه|ساعه){E}(?!\s*(?:ال\p{{L}}|\p{{N}}|واحد))",
        _one_unit,
    ),
    # "منذ أكثر من عقد": a decade ("عقد" is also a contract, so only after these signals)
    (
        rf"{B}(?:منذ|خلال|طوال|طيله|لمده|مده|غضون)\s+(?:(?:اكثر|اقل|نحو)\s+من\s+)?"
        rf"(?P<x>عقد){E}(?!\s*(?:ال\p{{L}}|\p{{N}}))",
        _one_unit,
    ),
    (
        rf"{B}(?:منذ|في|حتى|الى|ومنذ|وفي|وحتى)\s+(?P<x>ذلك\s+(?:الحين|الوقت)"
        rf"|تلك\s+(?:الفتره|الايام|المرحله)){E}(?!\s+(?:الذي|التي))",
        _then,
    ),
]

COMPILED: list[tuple[regex.Pattern[str], Handler]] = compile_rules(_RULES)
GATES: dict[Handler, tuple[str, ...]] = {
    _bare_year: ("19", "20"),
    _century: ("القرن",),
    _decade: ("ينيات", "ينات"),
    _bare_season: ("صيف", "شتاء", "ربيع", "خريف", "صايفه"),
    _reference: tuple({w.split()[0] for w in _FOLDED_REFERENCES}),
    _set_adjective: ("يومي", "اسبوعي", "شهري", "سنوي"),
    _standalone_unit: tuple({*_ONE_UNIT, *_SOME_UNITS, *_TWO_UNITS}),
    _moment: ("اللحظه",),
    _this_period: ("خلال", "طوال", "طيله"),
    _near_time: ("وقت",),
    _one_unit: ("مده", "طيله", "طوال", "مدي", "مدار", "خلال", "غضون", "منذ"),
    _then: ("ذلك", "تلك"),
}
