"""The grammar of Arabic temporal expressions: one regular expression per construction, and
the function that turns its match into a TIMEX3 type and value.

Patterns are written in natural spelling and matched on the folded text (see normalize);
values are anchored on the publication date (see timex). Proclitics (و، ف، ب، ل) and
prepositions (في، منذ، حتى) are matched outside the ``x`` group, which is the span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from annotator.arabic import timex
from annotator.arabic.calendar_words import (
    AMBIGUOUS_MONTHS,
    CARDINALS,
    DAY_PARTS,
    DEICTIC,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    HOUR_WORDS,
    ORDINAL_DAYS,
    PERIOD_MODIFIERS,
    RELATIVE_NEXT,
    RELATIVE_PAST,
    RELATIVE_THIS,
    TIMEZONES,
    UNIT_DUALS,
    UNIT_PLURALS,
    WEEKDAYS,
)
from annotator.arabic.clitics import CLITIC
from annotator.arabic.hijri import hijri_day, hijri_month, hijri_year
from annotator.arabic.normalize import alternation, compile_folded, compile_rules, fold

B = r"(?<![\p{L}\p{N}])"  # a word starts here
E = r"(?![\p{L}\p{N}])"  # a word ends here

_MONTH = alternation(list(GREGORIAN_MONTHS))
_HMONTH = alternation(list(HIJRI_MONTHS))
_MONTHS = (
    rf"(?P<m1>{_MONTH})(?:\s*[/\\(-]\s*(?P<m2>{_MONTH})\s*\)?|\s+\((?P<m3>{_MONTH})\)"
    rf"|\s+(?P<m4>{_MONTH})(?![\p{{L}}]))?"
)
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?:م|ء|\s+ميلادي(?:ه)?)?"
_YEAR_WORD = r"(?:عام|العام|سنه|السنه|لعام|لسنه|عامي|لعامي)"
_ORD = alternation(list(ORDINAL_DAYS))
_DAY = rf"(?:(?:ال\s*)?(?P<day>[0-3]?\d)|(?P<ord>{_ORD}))"
_REL = alternation([*RELATIVE_PAST, *RELATIVE_NEXT, *RELATIVE_THIS])
_OF_YEAR = rf"\s+من\s+(?:(?:العام|السنه)\s+(?P<yrel>{_REL})|(?P<ythis>هذا\s+العام|هذه\s+السنه))"
_MODS = alternation(list(PERIOD_MODIFIERS))
_WEEKDAY = alternation(list(WEEKDAYS))
_PART = alternation(list(DAY_PARTS))
_CARD = alternation(list(CARDINALS))
_UNITS = alternation(list(UNIT_PLURALS))
_DUALS = alternation(list(UNIT_DUALS))
_HOURS = alternation(list(HOUR_WORDS))
_TENS_WORDS = alternation(
    [w for w, n in CARDINALS.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]
)
_TWO_DAYS = r"بعد\s+غد|بعد\s+الغد|امس\s+الاول|اول\s+امس|قبل\s+امس"
_REL_DAY = rf"(?P<rd>{_TWO_DAYS}|اليوم|امس|الامس|البارحه|غدا|الغد|غد)"
_HIJRI_MARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره)" + E + ")"

_FOLDED_MONTHS = {fold(k): v for k, v in GREGORIAN_MONTHS.items()}
_FOLDED_AMBIGUOUS = {fold(k) for k in AMBIGUOUS_MONTHS}
_FOLDED_HMONTHS = {fold(k): v for k, v in HIJRI_MONTHS.items()}
_FOLDED_ORD = {fold(k): v for k, v in ORDINAL_DAYS.items()}
_FOLDED_WEEKDAYS = {fold(k): v for k, v in WEEKDAYS.items()}
_FOLDED_PARTS = {fold(k): v for k, v in DAY_PARTS.items()}
_FOLDED_CARD = {fold(k): v for k, v in CARDINALS.items()}
_FOLDED_UNITS = {fold(k): v for k, v in UNIT_PLURALS.items()}
_FOLDED_DUALS = {fold(k): v for k, v in UNIT_DUALS.items()}
_FOLDED_HOURS = {fold(k): v for k, v in HOUR_WORDS.items()}
_FOLDED_ZONES = {fold(k): v for k, v in TIMEZONES.items()}
_FOLDED_DEICTIC = {fold(k): v for k, v in DEICTIC.items()}
_PAST = {fold(w) for w in RELATIVE_PAST} | {"الاخير", "الاخيره"}
_NEXT = {fold(w) for w in RELATIVE_NEXT}

_SPACE = regex.compile(r"\s+")
_DAY_VALUE = regex.compile(r"^\d{4}-\d\d-\d\d$")
_FUTURE_CUE = regex.compile(
    r"(?:سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المرتقب|المرتقبه|المزمع|المزمعه"
    r"|(?<![\p{L}])[وف]?(?:يتوقع|تتوقع|يرتقب|ترتقب|يعتزم|تعتزم|يعتزمون|يستبعد|تستبعد)(?![\p{L}])"
    r"|(?<![\p{L}])[وف]?س[يتن](?!ا|ط|د|ن\b)\p{L}{3,})"
)


@dataclass(frozen=True)
class DateHit:
    """One temporal expression in folded offsets; ``kind`` says how specific it is."""

    start: int
    end: int
    type: str
    value: str
    confidence: float
    kind: str  # explicit, relative, weekday, time, duration, period

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Context:
    text: str
    anchor: date | None


Handler = Callable[[regex.Match[str], Context], DateHit | None]


def _g(m: regex.Match[str], *names: str) -> str | None:
    """The first of these groups that took part in the match (rules share handlers)."""
    groups = m.groupdict()
    return next((groups[n] for n in names if groups.get(n)), None)


def _words(s: str | None) -> str:
    return _SPACE.sub(" ", s.strip()) if s else ""


def _relation(word: str | None) -> int:
    if not word:
        return 0
    word = _words(word)
    if word.startswith("قبل "):
        return -2  # "العام قبل الماضي": the one before last
    return -1 if word in _PAST else 1 if word in _NEXT else 0


# "منذ 25 جويلية": a date that something has lasted since is in the past.
_SINCE_BEFORE = regex.compile(r"(?<![\p{L}])[وف]?منذ\s+$")


def _direction(m: regex.Match[str], ctx: Context, whole_month: bool = False) -> int:
    """The relative word's direction, or the past after "منذ" when there is none."""
    relation = _relation(_g(m, "rel"))
    if relation or _g(m, "rel") or ctx.anchor is None:
        return relation
    if whole_month and _month_of(m) == ctx.anchor.month:
        return 0  # "منذ أبريل" written in April: this April
    since = _SINCE_BEFORE.search(ctx.text, max(0, m.start("x") - 8), m.start("x"))
    return -1 if since else 0


def _month_of(m: regex.Match[str]) -> int:
    return _FOLDED_MONTHS[_words(m.group("m1"))]


def _has_month_context(m: regex.Match[str]) -> bool:
    """Ambiguous month names need a second month name, a year or a relative word beside them."""
    if _words(m.group("m1")) not in _FOLDED_AMBIGUOUS:
        return True
    groups = m.groupdict()
    return any(
        groups.get(g)
        for g in ("m2", "m3", "m4", "year", "rel", "day", "ord", "shahr", "yrel", "mod")
    )


def _day_of(m: regex.Match[str]) -> int | None:
    if _g(m, "day"):
        day = int(_g(m, "day") or 0)
        return day if 1 <= day <= 31 else None
    return _FOLDED_ORD[_words(_g(m, "ord"))]


def _hit(
    m: regex.Match[str], group: str, type_: str, value: str, conf: float, kind: str
) -> DateHit:
    return DateHit(m.start(group), m.end(group), type_, value, conf, kind)


def _year_of(m: regex.Match[str], ctx: Context) -> int | None:
    """The year written ("2021") or said relative to now ("من العام الماضي")."""
    written = _g(m, "year")
    if written:
        return int(written[:4])
    if (_g(m, "yrel") or _g(m, "ythis")) and ctx.anchor is not None:
        return ctx.anchor.year + _relation(_g(m, "yrel"))
    return None


# "قوى 8 آذار", "تحالف الرابع عشر من آذار": Lebanese political camps named after a day.
_CAMP_BEFORE = regex.compile(r"(?<![\p{L}])(?:قوي|تحالف|فريق|تيار|حركه|معسكر|جماعه|كتله|نواب)\s+$")


def _day_month(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if _CAMP_BEFORE.search(ctx.text, max(0, m.start("x") - 10), m.start("x")):
        return None
    day = _day_of(m)
    if day is None:
        return None
    year = _year_of(m, ctx)
    week = _WEEK_BEFORE.search(ctx.text, max(0, m.start("x") - 12), m.start("x"))
    if week is not None and _g(m, "ord"):
        # "الأسبوع الثاني من أبريل": a week of the month, valued as the month (no mod)
        value = timex.month_value(ctx.anchor, _month_of(m), year, _relation(_g(m, "rel")))
        return DateHit(week.start(), m.end("x"), "DATE", value, 0.85, "explicit")
    value = timex.month_day(ctx.anchor, _month_of(m), day, year, _direction(m, ctx))
    return _hit(m, "x", "DATE", value, 0.92, "explicit")


_WEEK_BEFORE = regex.compile(r"(?<![\p{L}])(?:الاسبوع|العشر|العشره)\s+$")


# A part of the day right before a written date ("صباح 15 آذار", "ليلة 27 رمضان"); looked
# up after matching, so that the date rules keep a literal start and stay fast.
_PART_BEFORE = regex.compile(rf"{B}{CLITIC}(?P<part>{_PART})\s+$")


def with_part_before(hit: DateHit, text: str) -> DateHit:
    """The written date ``hit`` extended over a part of the day just before it, as a TIME."""
    m = _PART_BEFORE.search(text, max(0, hit.start - 12), hit.start)
    if m is None or "T" in hit.value or not hit.value[:1].isdigit():
        return hit
    part = _FOLDED_PARTS[_words(m.group("part"))][0]
    value = hit.value
    if hit.kind == "hijri" and part == "NI" and len(value) == 10:
        # The Hijri day begins at sunset: "ليلة 27 رمضان" is the evening before the 27th.
        value = (date.fromisoformat(value) - timedelta(days=1)).isoformat()
    value = timex.with_time(value, None, None, part)
    return DateHit(m.start("part"), hit.end, "TIME", value, hit.confidence, hit.kind)


def _day_relative_month(m: regex.Match[str], ctx: Context) -> DateHit | None:
    month = timex.relative_month(ctx.anchor, _relation(_g(m, "rel")))
    if _g(m, "week", "week2"):
        # "الأسبوع الأول من الشهر المقبل": a part of the month; as for "أوائل يناير", the
        # schema has no mod, so the value is the month.
        return _hit(m, "x", "DATE", month, 0.8, "explicit")
    day = _day_of(m)
    if day is None:
        return None
    return _hit(m, "x", "DATE", f"{month}-{day:02d}", 0.85, "explicit")


def _day_of_relative_month(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "يوم 15 الجاري": the day of the month the relative word names (its own gate words)."""
    return _day_relative_month(m, ctx)


_CAMP_DAY_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:قوي|تحالف|فريق|تيار|حركه|معسكر|جماعه|كتله|نواب)\s+(?:\S+\s+){1,3}$"
)


def _month(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if not _has_month_context(m):
        return None
    if _CAMP_DAY_BEFORE.search(ctx.text, max(0, m.start("x") - 30), m.start("x")):
        return None  # "قوى الثامن من آذار": the month of a camp's name
    year = _year_of(m, ctx)
    if _words(_g(m, "mod") or "") == "اول":
        # "اعتبارا من أول يوليو": the first day of the month (أوائل/مطلع stay the month)
        value = timex.month_day(ctx.anchor, _month_of(m), 1, year, _relation(_g(m, "rel")))
        return _hit(m, "x", "DATE", value, 0.85, "explicit")
    value = timex.month_value(ctx.anchor, _month_of(m), year, _direction(m, ctx, True))
    confident = _g(m, "year") or _g(m, "rel") or _g(m, "m2") or _g(m, "m3") or _g(m, "yrel")
    return _hit(m, "x", "DATE", value, 0.88 if confident else 0.7, "explicit")


def _numeric(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if m.groupdict().get("y1"):
        year, day, month = int(m.group("y1")), int(m.group("b1")), int(m.group("a1"))
        return _numeric_hit(m, year, day, month, 0.93)
    return _day_first(m, int(m.group("y2")), int(m.group("a2")), int(m.group("b2")), 0.93)


def _numeric_range_start(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "28/5 - 30/5/2012", "من 1/7 إلى 15/7/2023": the first date of a range written with
    numbers takes the year written after the second."""
    return _day_first(m, int(m.group("ry")), int(m.group("ra")), int(m.group("rb")), 0.9)


def _day_first(
    m: regex.Match[str], year: int, first: int, second: int, conf: float
) -> DateHit | None:
    """Arab usage writes the day first; a second number over 12 can only be the day."""
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _numeric_hit(m, year, day, month, conf)


def _numeric_hit(
    m: regex.Match[str], year: int, day: int, month: int, conf: float
) -> DateHit | None:
    try:
        value = date(year, month, day).isoformat()
    except ValueError:
        return None
    return _hit(m, "x", "DATE", value, conf, "explicit")


def _year(m: regex.Match[str], ctx: Context) -> DateHit | None:
    return _hit(m, "x", "DATE", (_g(m, "year") or "")[:4], 0.88, "explicit")


def _dateline_day(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "الكويت - 17 - 2 (كونا) --": an agency dateline gives day and month, in the year of
    publication (the nearest such day to it)."""
    day, month = int(m.group("dd")), int(m.group("mm"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return _hit(m, "x", "DATE", timex.month_day(ctx.anchor, month, day, None, 0), 0.8, "explicit")


def _day_slash_month(m: regex.Match[str], ctx: Context) -> DateHit | None:
    day, month = int(m.group("dd")), int(m.group("mm"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    value = timex.month_day(ctx.anchor, month, day, None, _relation(_g(m, "rel")))
    return _hit(m, "x", "DATE", value, 0.8, "explicit")


def _month_number(m: regex.Match[str], ctx: Context) -> DateHit | None:
    year = _year_of(m, ctx)
    value = timex.month_value(ctx.anchor, int(m.group("mnum")), year, 0)
    return _hit(m, "x", "DATE", value, 0.75, "explicit")


def _hijri_date(m: regex.Match[str], ctx: Context) -> DateHit | None:
    month = _FOLDED_HMONTHS[_words(m.group("hm"))]
    hyear = int(_g(m, "hy") or 0) or None
    day = _day_of(m) if (_g(m, "day") or _g(m, "ord")) else None
    if day is None and hyear is None and not _g(m, "shahr"):
        return None  # "رمضان", "رجب", "صفر" alone are names and words more often than months
    if day is not None:
        value = hijri_day(hyear, month, day, ctx.anchor)
    else:
        value = hijri_month(hyear, month, ctx.anchor)
    return _hit(m, "x", "DATE", value, 0.85, "hijri") if value else None


def _hijri_year(m: regex.Match[str], ctx: Context) -> DateHit | None:
    value = hijri_year(int(_g(m, "hy") or 0))
    return _hit(m, "x", "DATE", value, 0.8, "explicit") if value else None


def _future_context(ctx: Context, start: int) -> bool:
    line_start = max(ctx.text.rfind("\n", 0, start), ctx.text.rfind(".", 0, start)) + 1
    return bool(_FUTURE_CUE.search(ctx.text, max(line_start, start - 60), start))


def _weekday(m: regex.Match[str], ctx: Context) -> DateHit | None:
    weekday = _FOLDED_WEEKDAYS[_words(m.group("wd"))]
    rd = _words(_g(m, "rd") or "")
    if rd and rd not in ("يوم", "يومي", "نهار"):
        day = _relative_day_value(rd, ctx.anchor)
        if ctx.anchor is None:
            day = f"XXXX-WXX-{weekday}"
    else:
        future = _future_context(ctx, m.start()) or _verb_before_is_imperfect(ctx, m.start())
        day = timex.weekday_value(ctx.anchor, weekday, _relation(_g(m, "rel")), future)
    part = _FOLDED_PARTS[_words(_g(m, "part"))][0] if _g(m, "part") else None
    value = timex.with_time(day, None, None, part)
    return _hit(m, "x", "TIME" if part else "DATE", value, 0.85, "weekday")


# "ويطرأ الاثنين ارتفاع على درجات الحرارة", "يصل الوفد الأحد": a weekday that directly follows
# an imperfect verb is what the verb will do on that day (news narrates the past in the perfect).
_WORDS_BEFORE = regex.compile(r"(?<![\p{L}])(?P<w1>\p{L}+)\s+(?:(?P<w2>\p{L}+)\s+)?$")


def _verb_before_is_imperfect(ctx: Context, start: int) -> bool:
    """The word before ``start``, or the one before it (a subject between), is imperfect."""
    before = _WORDS_BEFORE.search(ctx.text, max(0, start - 40), start)
    if before is None:
        return False
    return any(_YA_VERB.fullmatch(w) for w in (before.group("w1"), before.group("w2")) if w)


_RELATIVE_DAYS = {
    "اليوم": 0,
    "امس": -1,
    "الامس": -1,
    "البارحه": -1,
    "امس الاول": -2,
    "اول امس": -2,
    "غدا": 1,
    "غد": 1,
    "الغد": 1,
    "قبل امس": -2,
    "بعد غد": 2,
    "بعد الغد": 2,
}


def _relative_day_value(rd: str, anchor: date | None) -> str:
    return timex.shift_days(anchor, _RELATIVE_DAYS[rd])


# "روسيا اليوم" and "المصري اليوم" are media names; "ذلك اليوم" points elsewhere.
_NOT_TODAY_BEFORE = regex.compile(r"(?:روسيا|المصري|نفس|ذات|ذلك|تلك|ذاك)\s+$")
# "اليوم الأول" / "اليوم الذي" point elsewhere; "اليوم إلى" (folded "الي") is today.
_NOT_TODAY_AFTER = regex.compile(r"^\s+(?:(?!الي(?!\p{L}))ال\p{L}+|نفسه|ذاته)")
_TODAY_FOLLOWERS = regex.compile(r"^\s+(?:الموافق|الساعه|" + _WEEKDAY + ")")


# "بغداد اليوم", "وطنا اليوم": an outlet named "<word> اليوم", recognised where a name stands:
# between quotation marks, or as the tag opening a line ("وطنا اليوم:قال ...", "بغداد اليوم-").
_OUTLET_BEFORE = regex.compile(r"(?:^|\n|[\"«“])[ \t]*\p{L}+[ \t]+$")
_OUTLET_AFTER = regex.compile(r"[ \t]*(?:[\"»”]|[:\-–](?!\s*\p{N}))")


def _is_outlet_name(ctx: Context, start: int, end: int) -> bool:
    before = _OUTLET_BEFORE.search(ctx.text, max(0, start - 24), start)
    if before is None:
        return False
    opened = before.group().lstrip()[:1] in '"«“'
    after = _OUTLET_AFTER.match(ctx.text, end)
    if after is None:
        return False
    closed = after.group().strip()[:1] in '"»”'
    return opened == closed or not opened


def _relative_day(m: regex.Match[str], ctx: Context) -> DateHit | None:
    rd = _words(_g(m, "rd") or "")
    if rd == "غد" and not _g(m, "part") and not m.group("x").startswith("يوم"):
        return None  # bare "غد" is rare and literary; "مساء غد" is tomorrow evening
    if rd == "اليوم":
        before = ctx.text[max(0, m.start("rd") - 12) : m.start("rd")]
        after = ctx.text[m.end("rd") : m.end("rd") + 16]
        if _NOT_TODAY_BEFORE.search(before) or _is_outlet_name(ctx, m.start("rd"), m.end("rd")):
            return None
        if _NOT_TODAY_AFTER.match(after) and not _TODAY_FOLLOWERS.match(after):
            return None
    part = _FOLDED_PARTS[_words(_g(m, "part"))][0] if _g(m, "part") else None
    value = timex.with_time(_relative_day_value(rd, ctx.anchor), None, None, part)
    return _hit(m, "x", "TIME" if part else "DATE", value, 0.82, "relative")


# Season words, folded; the Tunisian "الصائفة" is the summer.
SEASONS = {
    fold(k): v
    for k, v in {"صيف": "SU", "شتاء": "WI", "ربيع": "SP", "خريف": "FA", "صائفة": "SU"}.items()
}
SEASON_WORDS = r"(?:صيف|شتاء|ربيع|خريف|صائفه)"


def _season(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "صيف 2023" -> 2023-SU; "الشتاء الماضي" -> last year's (this year's if it is winter)."""
    code = SEASONS[_words(m.group("season")).removeprefix("ال")]
    year_text = _g(m, "year")
    offset = _relation(_g(m, "rel"))
    if year_text:
        year = year_text[:4]
    elif offset < 0 and code == "WI" and ctx.anchor is not None and ctx.anchor.month > 3:
        year = timex.relative_year(ctx.anchor, 0)
    elif offset and code in _SEASON_MONTHS and ctx.anchor is not None:
        year = timex.relative_year(ctx.anchor, _season_year_offset(code, offset, ctx.anchor.month))
    else:
        year = timex.relative_year(ctx.anchor, offset)
    return _hit(m, "x", "DATE", f"{year}-{code}", 0.75, "explicit")


# First and last month of spring, summer and autumn (the northern hemisphere, where the news
# this reads is written); winter straddles two years and keeps its own rule above.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _season_year_offset(code: str, offset: int, month: int) -> int:
    """Which year "the next/last <season>" falls in, from the month it is said in: in March
    "الصيف المقبل" is this year's summer, in October "الصيف الماضي" is too."""
    first, last = _SEASON_MONTHS[code]
    if offset > 0:
        return 0 if month < first else 1
    return 0 if month > last else -1


_QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}


# Quarters and halves: Mashriqi "الربع/النصف", Maghrebi "الثلاثي/السداسي" (three/six-month
# periods) and Moroccan "الفصل" (a quarter in statistics; also "chapter", so only with a year).
_HALVES = {"النصف", "السداسي"}
_BARE_PIECES = {"الثلاثي", "السداسي"}


def _part_of_year(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "الربع الأول من العام الجاري" -> 2022-Q1; "النصف الثاني من عام 2021" -> 2021-H2."""
    number = _QUARTERS[_words(_g(m, "which"))]
    piece = _words(_g(m, "piece"))
    halves = piece in _HALVES
    number = min(number, 2) if halves else number
    written = _g(m, "year")
    if written:
        year = written[:4]
    elif _g(m, "ofyear"):
        year = timex.relative_year(ctx.anchor, _relation(_g(m, "yrel")))
    elif piece in _BARE_PIECES:
        # Without a year, the latest such period that has begun by the publication date.
        first_month = (number - 1) * (6 if halves else 3) + 1
        late = ctx.anchor is not None and first_month > ctx.anchor.month
        year = timex.relative_year(ctx.anchor, -1 if late else 0)
    else:
        return None
    return _hit(m, "x", "DATE", f"{year}-{'H' if halves else 'Q'}{number}", 0.8, "explicit")


_EVERY = {"يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y"}
_EVERY_UNIT = {"يوم": "P1D", "اسبوع": "P1W", "شهر": "P1M", "عام": "P1Y", "سنه": "P1Y"}


def _set(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """Recurring times (TIMEX3 SET): "يوميا" -> P1D, "كل يوم جمعة" -> XXXX-WXX-5."""
    weekday = _g(m, "wd")
    if weekday:
        day = _FOLDED_WEEKDAYS["ال" + _words(weekday)]
        return _hit(m, "x", "SET", f"XXXX-WXX-{day}", 0.7, "set")
    adverb = _words(_g(m, "adv"))
    value = _EVERY.get(adverb) or _EVERY_UNIT[_words(_g(m, "unit"))]
    return _hit(m, "x", "SET", value, 0.7, "set")


def _deictic(m: regex.Match[str], ctx: Context) -> DateHit | None:
    return _hit(m, "x", "DATE", _FOLDED_DEICTIC[_words(m.group("x"))], 0.6, "deictic")


def _night(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "خلال الليل" in a report is the night before it; "الليلة" is tonight."""
    words = _words(m.group("x"))
    tonight = words == "الليله" or (words == "الليل" and _future_context(ctx, m.start("x")))
    before = 0 if tonight else -1  # "الليلة الماضية" is yesterday's; a forecast's is tonight
    value = timex.with_time(timex.shift_days(ctx.anchor, before), None, None, "NI")
    return _hit(m, "x", "TIME", value, 0.6, "relative")


_PERIOD_UNITS = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y"}
_PLURAL_PERIODS = {
    "الايام": "D",
    "الاسابيع": "W",
    "الاشهر": "M",
    "الشهور": "M",
    "الاعوام": "Y",
    "السنوات": "Y",
    "الساعات": "H",
}


def _period(m: regex.Match[str], ctx: Context) -> DateHit | None:
    unit = _words(m.group("unit"))
    rel_word = _g(m, "rel")
    if not (rel_word or _g(m, "this") or _g(m, "mod")):
        return None
    if unit in _PLURAL_PERIODS:
        if not rel_word:
            return None
        if _amount(m) is None and _relation(rel_word) != 0:
            # "السنوات الماضية", "الأشهر القليلة القادمة": no count, a reference to the past
            # or the future (the real-news guidelines).
            reference = "PAST_REF" if _relation(rel_word) < 0 else "FUTURE_REF"
            return _hit(m, "x", "DATE", reference, 0.6, "deictic")
        letter = _PLURAL_PERIODS[unit]  # "السنوات الثلاث المقبلة"
        value = timex.duration(_amount(m), letter, letter == "H")
        return _hit(m, "x", "DURATION", value, 0.7 if _g(m, "card") else 0.6, "duration")
    before = ctx.text[max(0, m.start("x") - 20) : m.start("x")]
    adjective_slot = unit == "العام" and _words(rel_word or "") in ("", "الحالي")
    bare = not _g(m, "mod") and not _g(m, "this")
    if adjective_slot and bare and regex.search(r"ال\p{L}+\s+$", before):
        return None  # "الأمن العام", "المدعي العام الحالي": an adjective, not a year
    offset = _relation(rel_word)
    letter = _PERIOD_UNITS[unit]
    if letter == "W":
        value = timex.week_value(ctx.anchor, offset)
        if _words(_g(m, "mod") or "") == "نهايه" and value[-1:].isdigit():
            value += "-WE"  # "عطلة نهاية الأسبوع": the weekend of that week
    elif letter == "M":
        value = timex.relative_month(ctx.anchor, offset)
    elif _g(m, "pyear"):
        value = _g(m, "pyear") or ""  # "العام الجاري 2012": the year is written out
    else:
        value = timex.relative_year(ctx.anchor, offset)
    return _hit(m, "x", "DATE", value, 0.8, "period")


def _amount(m: regex.Match[str]) -> int | None:
    number = _g(m, "num")
    if number:
        return int(number) if number.isdigit() else None
    card = _g(m, "card")
    if not card:
        return None
    tens = _g(m, "tens")  # "الأربع والعشرين": the article is on both parts
    return _FOLDED_CARD[_words(card)] + (_FOLDED_CARD[_words(tens)] if tens else 0)


def _ago(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "قبل يومين" (two days ago) and "بعد يومين" (in two days), anchored at publication."""
    sign = -1 if _g(m, "dir") == "قبل" else 1
    if _g(m, "dual"):
        letter, time_unit, mult = _FOLDED_DUALS[_words(_g(m, "dual"))]
        amount: int | None = 2 * mult
    elif _g(m, "unit1"):  # "قبل أسبوع": one unit
        letter, time_unit, mult = _FOLDED_UNITS[_words(_g(m, "unit1") or "")]
        amount = mult
    else:
        letter, time_unit, mult = _FOLDED_UNITS[_words(m.group("unit"))]
        amount = _amount(m)
        amount = None if amount is None else amount * mult
    if amount is None or time_unit:
        return _hit(m, "x", "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", 0.7, "relative")
    if letter == "D":
        value = timex.shift_days(ctx.anchor, sign * amount)
    elif letter == "W":
        value = timex.week_value(ctx.anchor, sign * amount)
    elif letter == "M":
        value = timex.relative_month(ctx.anchor, sign * amount)
    else:
        value = timex.relative_year(ctx.anchor, sign * amount)
    return _hit(m, "x", "DATE", value, 0.78, "relative")


def _duration(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if _g(m, "dual"):
        letter, time_unit, mult = _FOLDED_DUALS[_words(_g(m, "dual"))]
        return _hit(
            m, "x", "DURATION", timex.duration(2 * mult, letter, time_unit), 0.8, "duration"
        )
    letter, time_unit, mult = _FOLDED_UNITS[_words(_g(m, "unit", "unit_few", "unit_one") or "")]
    if _g(m, "few"):
        amount = None
    elif _g(m, "one"):
        amount = 1
    else:
        number = _amount(m)
        if number is None or number == 0 or number > _MAX_AMOUNT.get(letter, 1000):
            return None
        if _g(m, "frac") and mult == 1:
            # "2.5 ساعة" -> PT2.5H (TIMEX3 durations take a decimal)
            amount_text = f"{number}.{_g(m, 'frac')}"
            value = f"PT{amount_text}{letter}" if time_unit else f"P{amount_text}{letter}"
            return _hit(m, "x", "DURATION", value, 0.8, "duration")
        if letter == "Y" and not time_unit and _is_age(ctx, m.start("x"), m.end("x")):
            return None
        amount = number * mult
    return _hit(m, "x", "DURATION", timex.duration(amount, letter, time_unit), 0.8, "duration")


# "ممارسة تعود إلى 4000 سنة": history counts years in thousands; a number in 1900-2099 before a
# year unit is still refused by the year rules around it, not here.
_MAX_AMOUNT = {"Y": 9999}

# Ages are not times (the guidelines: "في الـ17 من عمره"): "يبلغ من العمر 19 عاما",
# "البالغة 30 عاما", "عن عمر ناهز 85 عاما", "طفل عمره 5 سنوات", and a name's age in brackets
# "(40 عاما)".
_AGE_BEFORE = compile_folded(
    r"(?<![\p{L}])(?:العمر|عمر|[وب]?عمره|[وب]?عمرها|بعمر|البالغ|البالغه|البالغين|يبلغ|تبلغ"
    r"|ناهز|يناهز|تناهز|ذو|ذات|ذي|تحت)\s+(?:ال\s*)?$"
)
_AGE_AFTER = compile_folded(r"\s+من\s+(?:العمر|عمره|عمرها)(?!\p{L})")
_BRACKETED = regex.compile(r"\s*[)]")


def _is_age(ctx: Context, start: int, end: int) -> bool:
    before = ctx.text[max(0, start - 24) : start]
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(ctx.text, end):
        return True
    # "(40 عاما)" after a name: the brackets hold the amount alone
    return before.rstrip().endswith("(") and bool(_BRACKETED.match(ctx.text, end))


def _dual_period(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "الأسبوعين المقبلين" -> P2W: the coming or past two units, a duration like "يومين"."""
    letter, time_unit, mult = _FOLDED_DUALS[_words(m.group("dual"))]
    value = timex.duration(2 * mult, letter, time_unit)
    return _hit(m, "x", "DURATION", value, 0.75, "duration")


def _fraction_hour(m: regex.Match[str], ctx: Context) -> DateHit | None:
    minutes = 30 if _words(m.group("frac")) == "نصف" else 15
    return _hit(m, "x", "DURATION", f"PT{minutes}M", 0.75, "duration")


def _fraction_century(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "نصف قرن" -> P50Y, "ربع قرن" -> P25Y."""
    years = 50 if _words(m.group("frac")) == "نصف" else 25
    return _hit(m, "x", "DURATION", f"P{years}Y", 0.75, "duration")


_TENS_UNITS = {
    fold(k): v
    for k, v in {"الدقائق": "TXM", "الساعات": "TXH", "الأيام": "XD", "الأسابيع": "XW"}.items()
}


def _tens_of_units(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "عشرات الدقائق" -> PTXM: an unspecified number of units, as "أيام قليلة" -> PXD."""
    unit = _words(m.group("unit"))
    value = _TENS_UNITS.get(unit, "XM" if unit in (fold("الأشهر"), "الشهور") else "XY")
    return _hit(m, "x", "DURATION", "P" + value, 0.7, "duration")


# An hour word without "الساعة" is an hour only after the prepositions of a clock time.
_HOUR_SIGNAL = regex.compile(
    r"(?<![\p{L}])[وف]?(?:عند|في|حتي|منذ|قبل|بعد|من|الي|قرابه|نحو|حوالي|تمام)\s+$"
)


def _time(m: regex.Match[str], ctx: Context) -> DateHit | None:
    clock = _g(m, "h", "h2", "h3")
    if clock:
        hour, minute = int(clock), int(_g(m, "min", "min2") or 0)
    else:
        signalled = _HOUR_SIGNAL.search(ctx.text, max(0, m.start() - 10), m.start())
        if _g(m, "hw2") and not (signalled or _g(m, "tz")):
            return None  # "للمرة الثانية مساء أمس": an ordinal, not an hour
        hour, minute = _FOLDED_HOURS[_words(_g(m, "hw", "hw2") or "")], 0
    fraction = _words(_g(m, "frac") or "")
    if fraction == "والنصف":
        minute = 30
    elif fraction == "والربع":
        minute = 15
    elif fraction.startswith("الا"):
        hour, minute = hour - 1, 45
    part = _words(_g(m, "part") or "")
    if part:
        shift = _FOLDED_PARTS[part][1]
        if shift and hour < 12 and not (part.startswith("ليل") and hour < 6):
            hour += shift
        elif hour == 12 and _FOLDED_PARTS[part][0] in ("EV", "NI"):
            hour = 24  # "الساعة 12 ليلا": midnight, the first instant of the next day
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    rd, weekday = _words(_g(m, "rd") or ""), _g(m, "wd")
    if rd:
        day = _relative_day_value(rd, ctx.anchor)
    elif weekday:
        future = _future_context(ctx, m.start())
        day = timex.weekday_value(ctx.anchor, _FOLDED_WEEKDAYS[_words(weekday)], 0, future)
    else:
        day = timex.shift_days(ctx.anchor, 0)
    if hour == 24 and _DAY_VALUE.match(day):
        day, hour = (date.fromisoformat(day) + timedelta(days=1)).isoformat(), 0
    value = timex.with_time(day, hour % 24, minute, None)
    zone = _FOLDED_ZONES.get(_words(_g(m, "tz") or ""), "")
    # A clock time with no day of its own takes the publication day for now; "clock" lets
    # dates.find_dates give it the day named just before it in the sentence instead.
    kind = "time" if rd or weekday else "clock"
    return _hit(m, "x", "TIME", value + zone, 0.85, kind)


# "بعد ثمانية أيام من الولادة": the amount counts from another event, not from the writing.
_FROM_EVENT = regex.compile(r"\s+من\s+(?!الان|اليوم|الآن)")


# The first word of the clause before a match: an imperfect verb there ("يجري الفحص بعد عشرة
# أيام من العملية") makes the clause a procedure or a plan rather than a narrated event.
_CLAUSE_START = regex.compile(r"(?:^|[.!?؟\n،,؛:])\s*(?P<first>\p{L}+)[^.!?؟\n،,؛:]*$")
_IMPERFECT = regex.compile(r"[وف]?[يت]\p{L}{2,}")
# Words with the prefix ي- are imperfect verbs in news, but for a few nouns (يوم، يناير) and
# names (يوسف، يحيى، ياسر، يونس، يزيد، يعقوب، ياسين، يمن).
_YA_VERB = regex.compile(
    r"(?<![\p{L}])[وفل]?ي(?!وم|ونيو|وليو|ونيه|وليه|ناير|وسف|حيي|اسر|اسين|ونس|زيد|عقوب|من(?!\p{L}))"
    r"\p{L}{2,}"
)
_HABITUAL = regex.compile(r"(?<![\p{L}])[وف]?(?:عاده|غالبا|دائما)(?![\p{L}])")


def _narrated(ctx: Context, start: int) -> bool:
    """True when the clause ending at ``start`` tells a past event: no imperfect verb in it
    ("وعادة ما يقوم اليهود بختان الأطفال بعد ثمانية أيام من الولادة" is a custom), no
    habitual adverb and no future cue."""
    clause = _CLAUSE_START.search(ctx.text, max(0, start - 120), start)
    if clause is not None:
        if _IMPERFECT.fullmatch(clause.group("first")):
            return False
        text = clause.group()
        if _YA_VERB.search(text) or _HABITUAL.search(text):
            return False
    return not _future_context(ctx, start)


def _within_an_event(m: regex.Match[str]) -> bool:
    """Minutes and seconds before or after an event's moment ("قبل ست دقائق من نهاية المباراة")
    place something inside the event: the amount stays a duration."""
    unit = _words(_g(m, "unit", "unit1", "unit2", "dual") or "")
    return unit.startswith(("دقي", "دقا", "ثاني", "ثوان"))  # folded: دقائق -> دقايق


def _ago_any(m: regex.Match[str], ctx: Context) -> DateHit | None:
    if _FROM_EVENT.match(ctx.text, m.end("x")):
        # "أتى العزل بعد يومين من قرار الحظر": counted from a narrated event, a past time
        # the text does not date (the real-news guidelines); a plan keeps the bare amount.
        if not _narrated(ctx, m.start("x")) or _within_an_event(m):
            return None
        return _hit(m, "x", "DATE", "PAST_REF", 0.65, "relative")
    if _g(m, "unit2"):
        reference = "PAST_REF" if _g(m, "dir") == "قبل" else "FUTURE_REF"
        return _hit(m, "x", "DATE", reference, 0.7, "relative")
    return _ago(m, ctx)


_CLOCK = (
    rf"(?:(?:الساعه|ساعه)\s+(?:(?P<h>\d{{1,2}})(?:[:.,](?P<min>\d\d))?|(?P<hw>{_HOURS}))"
    rf"(?:\s+(?P<frac>والنصف|والربع|الا\s+ربعا|الا\s+ربع))?{E}"
    rf"|(?P<h2>\d{{1,2}})[:.](?P<min2>\d\d){E}(?=\s*(?:{_PART}|بتوقيت|بالتوقيت))"
    # "بعد 7 مساء": an hour with the part of the day and no minutes
    rf"|(?P<h3>\d{{1,2}})(?=\s+(?:مساء|مساءا|صباحا|ليلا|فجرا|ظهرا|عصرا){E})"
    # "عند السادسة مساء": an hour word with the part of the day and no "الساعة"
    rf"|(?P<hw2>{_HOURS})(?=\s+(?:مساء|مساءا|صباحا|ليلا|فجرا|ظهرا|عصرا|بعد\s+الظهر"
    rf"|من\s+(?:قبل|بعد)\s+ظهر|من\s+(?:صباح|مساء|فجر|عصر|ليل|ليله)){E}))"
)
# "أشهر الصيف المقبلة", "شهور الشتاء": the months of a season are the season (the adjective
# agrees with the months, so the whole phrase is the expression).
_SEASON_MONTHS_OF = r"(?:اشهر|شهور)\s+"
_RULES: list[tuple[str, Handler]] = [
    (
        rf"{B}{CLITIC}(?P<x>(?:يوم\s+)?{_DAY}(?:\s*-\s*|\s*(?:من\s+)?(?:شهر\s+)?){_MONTHS}{E}"
        rf"(?:\s*[,،-]?\s*(?:من\s+)?(?:{_YEAR_WORD}\s*)?{_YEAR}{E}|{_OF_YEAR}{E})?"
        rf"(?:\s+(?P<rel>{_REL}){E})?)",
        _day_month,
    ),
    (
        # "من 10 إلى 15 مارس", "بين 1 و10 أبريل", "10-15 مارس 2024": the first day of a range
        # takes the month (and year) written after the second.
        rf"(?:{B}(?:من|بين)\s+(?:ال\s*)?|(?<![\p{{L}}\p{{N}}/.-]))(?P<x>(?P<day>[0-3]?\d)){E}"
        rf"(?=\s*(?:(?:الي|حتي|و)\s*(?:ال\s*)?|-\s*)[0-3]?\d\s+(?:من\s+)?(?:شهر\s+)?{_MONTHS}{E}"
        rf"(?:\s*[,،-]?\s*(?:{_YEAR_WORD}\s*)?{_YEAR}{E})?)",
        _day_month,
    ),
    (
        # "يوم 15 الجاري", "في الـ20 الماضي": a day of this, last or next month
        rf"{B}(?:(?:في|منذ|حتى|بتاريخ|من|الى|وفي|ومنذ|وحتى)\s+|[وف]?(?=يوم\s))"
        rf"(?P<x>(?:يوم\s+)?(?:ال\s*)?(?P<day>[0-3]?\d)\s+"
        rf"(?P<rel>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم)){E}",
        _day_of_relative_month,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<week>الاسبوع|العشر|العشره)\s+(?:الاخير|الاواخر|الاوائل)"
        rf"|(?:(?P<week2>الاسبوع|العشر|العشره)\s+(?=ال))?(?:يوم\s+)?{_DAY})"
        rf"\s+من\s+(?:هذا\s+)?الشهر(?:\s+(?P<rel>{_REL}))?{E})",
        _day_relative_month,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<mod>{_MODS})\s+)?(?:(?P<shahr>شهر|شهري)\s+)?{_MONTHS}{E}"
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:{_YEAR_WORD}\s*)?{_YEAR}{E}|{_OF_YEAR}{E}"
        rf"|\s+(?P<rel>{_REL}){E})?)",
        _month,
    ),
    (
        rf"(?<![\p{{N}}/.-]){B}(?P<x>(?:يوم\s+)?(?:(?P<a2>\d{{1,2}})(?P<s2>[-/.])(?P<b2>\d{{1,2}})(?P=s2)"
        rf"(?P<y2>(?:19|20)\d\d)(?:م(?![\p{{L}}]))?|(?P<y1>(?:19|20)\d\d)(?P<s1>[-/.])(?P<a1>\d{{1,2}})(?P=s1)"
        rf"(?P<b1>\d{{1,2}})))(?![\p{{N}}/.-]\d)",
        _numeric,
    ),
    (
        # "15 / 3 / 2024": the same with spaces around the slashes
        rf"(?<![\p{{N}}/.-]){B}(?P<x>(?:يوم\s+)?(?P<a2>\d{{1,2}})[ \t]*(?P<s2>/)[ \t]*"
        rf"(?P<b2>\d{{1,2}})[ \t]*/[ \t]*(?P<y2>(?:19|20)\d\d)(?:م(?![\p{{L}}]))?)(?![\p{{N}}/])",
        _numeric,
    ),
    (
        # "الجمعة 15/3", "يوم الجمعة (15/3)", "في 15/3 الجاري": a day and month without a year
        rf"(?<=(?:{_WEEKDAY}|يوم|بتاريخ|الموافق)[ \t]*[,،(]?[ \t]*)"
        rf"(?P<x>(?P<dd>[0-3]?\d)/(?P<mm>[01]?\d))(?![\p{{N}}/]|[.,]\p{{N}})",
        _day_slash_month,
    ),
    (
        rf"(?<![\p{{N}}/.,]){B}(?P<x>(?P<dd>[0-3]?\d)/(?P<mm>[01]?\d)\s+(?P<rel>{_REL})){E}",
        _day_slash_month,
    ),
    (
        # "في شهر 3 من العام الجاري": a month by its number
        rf"{B}(?:في|منذ|حتى|خلال|مطلع|نهايه|بدايه|منتصف)\s+(?P<x>شهر\s+(?P<mnum>1[0-2]|0?[1-9]){E}"
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:{_YEAR_WORD}\s*)?{_YEAR}{E}|{_OF_YEAR}{E})?)",
        _month_number,
    ),
    (
        rf"(?<![\p{{N}}/.-]){B}(?P<x>(?P<ra>\d{{1,2}})/(?P<rb>\d{{1,2}}))(?![\p{{N}}/])"
        rf"(?=\s*(?:[-–]|الي|حتي)\s*\d{{1,2}}/\d{{1,2}}/(?P<ry>(?:19|20)\d\d))",
        _numeric_range_start,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<mod>{_MODS})\s+)?{_YEAR_WORD}\s*{_YEAR}{E})",
        _year,
    ),
    # "عام النكبة 1948", "عام الثورة 2011": a year named by its event, then written out
    (rf"{B}{CLITIC}(?P<x>(?:عام|سنه)\s+ال\p{{L}}{{3,}}\s+{_YEAR}){E}", _year),
    (
        r"(?:^|\n)[ \t]*\p{L}+(?:[ \t]+\p{L}+)?[ \t]*[-–][ \t]*"
        r"(?P<x>(?P<dd>[0-3]?\d)[ \t]*[-–/][ \t]*(?P<mm>[01]?\d))[ \t]*[-–]?[ \t]*\(",
        _dateline_day,
    ),
    (
        rf"{B}[وف]?(?:منذ|حتى|بحلول)\s+(?P<x>{_YEAR}){E}(?!\s*(?:{_UNITS}|{_HMONTH}))",
        _year,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:{_MODS})\s+{_YEAR}){E}(?!\s*(?:{_UNITS}|{_HMONTH}))",
        _year,
    ),
    (
        rf"{B}في\s+(?P<x>{_YEAR}){E}(?=\s*(?:[.,،؛)\n]|$))",
        _year,
    ),
    (
        rf"{B}(?:من|بين)\s+(?P<x>{_YEAR}){E}(?=\s*(?:الى|حتى|و|-)\s*(?:{_YEAR_WORD}\s*)?"
        rf"(?:1[6-9]|20)\d\d{E})",
        _year,
    ),
    (
        rf"{B}(?:من|بين|عامي|سنتي)\s+(?:1[6-9]|20)\d\d\s*(?:الى|حتى|و|-)\s*"
        rf"(?P<x>(?:{_YEAR_WORD}\s*)?{_YEAR}){E}",
        _year,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:{_DAY}\s*(?:من\s+)?|(?P<shahr>شهر)\s+)?(?P<hm>{_HMONTH}){E}"
        rf"(?:\s*(?:من\s+)?(?:{_YEAR_WORD}\s*)?(?P<hy>1[34]\d\d)(?:{_HIJRI_MARK}|{E}))?)",
        _hijri_date,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:{_YEAR_WORD}\s*)?(?P<hy>1[34]\d\d){_HIJRI_MARK})",
        _hijri_year,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<part>{_PART})\s+)?"
        rf"(?:(?:يوم\s+)?(?P<rd>{_TWO_DAYS}|اليوم|امس|غدا|غد|يوم|يومي|نهار)\s+)?"
        rf"(?P<wd>{_WEEKDAY}){E}(?:\s+(?P<rel>{_REL}){E})?)",
        _weekday,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<part>{_PART})\s+)?(?:يوم\s+(?=غد|الغد|امس|الامس))?{_REL_DAY}){E}",
        _relative_day,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:عطله\s+(?=نهايه))?(?:(?P<mod>{_MODS})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
        rf"(?P<unit>الاسبوع|الشهر|العام|السنه|الايام|الاسابيع|الاشهر|الشهور|الاعوام|السنوات|"
        rf"الساعات){E}(?:\s+ال(?:\s*(?P<num>\d+)|(?P<card>{_CARD})(?:\s+وال(?P<tens>{_TENS_WORDS}))?){E})?(?:\s+القليله)?(?:\s+(?P<rel>{_REL}|الاخير|الاخيره|قبل\s+الماضي|قبل\s+الماضيه){E}(?:\s+(?P<pyear>(?:19|20)\d\d){E})?)?)",
        _period,
    ),
    (
        rf"{B}[وف]?(?P<x>(?P<dir>قبل|بعد)\s+(?:(?:(?P<num>\d+)\s*|(?P<card>{_CARD})\s+)(?P<unit>{_UNITS})"
        rf"|(?P<dual>{_DUALS})|(?P<unit2>ايام|ساعات|اسابيع|اشهر|شهور|سنوات|اعوام)(?:\s+قليله)?"
        rf"|(?P<unit1>يوم|اسبوع|شهر|عام|سنه|ساعه)){E})",
        _ago_any,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<def>ال\s*)?(?:(?<!\d[.,])(?P<num>\d+)(?:[.,](?P<frac>\d{{1,2}}))?\s*|(?P<card>{_CARD})\s+)(?P<unit>{_UNITS}){E}"
        rf"(?(def)(?:\s+(?:{_REL}){E})?)"
        rf"|(?P<dual>{_DUALS}){E}|(?P<few>بضعه|بضع|عده)\s+(?P<unit_few>{_UNITS}){E}"
        rf"|(?P<unit_one>يوم|اسبوع|شهر|عام|سنه|ساعه)\s+(?P<one>واحد|واحده){E})"
        rf"(?:\s+(?:كاملا|كامله|كاملين|كاملتين|كاملان|كامل){E})?)",
        _duration,
    ),
    (rf"{B}{CLITIC}(?P<x>(?P<frac>نصف|ربع)\s+ساعه){E}", _fraction_hour),
    (rf"{B}{CLITIC}(?P<x>(?P<frac>نصف|ربع)\s+قرن){E}", _fraction_century),
    (
        rf"{B}{CLITIC}(?P<x>(?:عشرات|مئات)\s+(?P<unit>الدقائق|الساعات|الايام|الاسابيع|الاشهر|"
        rf"الشهور|السنوات|السنين|الاعوام)){E}",
        _tens_of_units,
    ),
    (rf"{B}{CLITIC}(?P<x>ال(?P<dual>{_DUALS})\s+(?P<rel>{_REL})){E}", _dual_period),
    (rf"{B}{CLITIC}(?P<x>{alternation(list(DEICTIC))}){E}", _deictic),
    (
        rf"{B}{CLITIC}(?P<x>(?P<piece>الربع|النصف|الثلاثي|السداسي|الفصل)\s+"
        rf"(?P<which>الاول|الثاني|الثالث|الرابع|الاخير)(?P<ofyear>\s+من\s+(?:(?:{_YEAR_WORD}\s*)?"
        rf"{_YEAR}|(?:العام|السنه)(?:\s+(?P<yrel>{_REL}))?))?){E}",
        _part_of_year,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?P<adv>يوميا|اسبوعيا|شهريا|سنويا)"
        rf"|كل\s+(?:يوم\s+(?P<wd>اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)|(?P<unit>يوم|اسبوع|شهر|عام|سنه)))"
        rf"{E}",
        _set,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:فصل\s+|{_SEASON_MONTHS_OF})?(?P<season>(?:ال)?{SEASON_WORDS}){E}"
        rf"(?:\s+(?:عام\s+)?{_YEAR}|\s+(?P<rel>{_REL}))){E}",
        _season,
    ),
    (rf"{B}(?:خلال|طوال|اثناء|طيله)\s+(?P<x>الليل){E}", _night),
    (rf"{B}{CLITIC}(?P<x>الليله(?:\s+الماضيه)?){E}", _night),
    (
        # "من 8 إلى 10 صباحا": the first hour of a range takes the part of the day of the second
        rf"{B}(?:من|بين)\s+(?P<x>(?:الساعه\s+)?(?P<h>\d{{1,2}})(?:[:.](?P<min>\d\d))?){E}"
        rf"(?=\s*(?:الي|حتي|و|-)\s*(?:الساعه\s+)?\d{{1,2}}(?:[:.]\d\d)?\s*(?P<part>{_PART}){E})",
        _time,
    ),
    (
        rf"{B}{CLITIC}(?P<x>{_CLOCK}(?:\s*(?P<part>{_PART}))?"
        rf"(?:\s+(?P<rd>{_TWO_DAYS}|اليوم|امس|غدا|غد){E})?(?:\s+(?:يوم\s+)?(?P<wd>{_WEEKDAY}){E})?"
        rf"(?:\s+(?:ب|على\s+)?(?:توقيت|التوقيت)\s+(?P<tz>\p{{L}}+(?:\s+(?:المكرمه|المحلي|سلطان))?))?)",
        _time,
    ),
]


COMPILED: list[tuple[regex.Pattern[str], Handler]] = compile_rules(_RULES)

# Words without which a handler's rule cannot match (folded substrings; every handler has
# some). A rule is run only near them (see dates.find_dates): a plain substring search is far
# cheaper than trying a pattern at every position of the text.
_YEAR_DIGITS = ("16", "17", "18", "19", "20")
GATES: dict[Handler, tuple[str, ...]] = {
    _day_month: tuple(_FOLDED_MONTHS),
    _month: tuple(_FOLDED_MONTHS),
    _day_relative_month: ("الشهر",),
    _day_of_relative_month: tuple(
        fold(w) for w in (*RELATIVE_PAST, *RELATIVE_NEXT, *RELATIVE_THIS)
    ),
    _numeric: ("19", "20"),
    _numeric_range_start: ("/",),
    _year: _YEAR_DIGITS,
    _hijri_date: (
        *(w for w in _FOLDED_HMONTHS if " " not in w),
        "ربيع",
        "جمادي",
        "القعده",
        "الحجه",
    ),
    _hijri_year: ("13", "14"),
    _dateline_day: ("(",),
    _day_slash_month: ("/",),
    _month_number: ("شهر",),
    _weekday: tuple(_FOLDED_WEEKDAYS),
    _relative_day: ("اليوم", "امس", "غد", "البارحه"),
    _period: (
        "الاسبوع",
        "الشهر",
        "العام",
        "السنه",
        "الايام",
        "الاسابيع",
        "الاشهر",
        "الشهور",
        "الاعوام",
        "السنوات",
        "الساعات",
    ),
    _ago_any: ("قبل", "بعد"),
    _duration: (*_FOLDED_UNITS, *_FOLDED_DUALS),
    _fraction_hour: ("ساعه",),
    _fraction_century: ("قرن",),
    _tens_of_units: ("عشرات", fold("مئات")),
    _dual_period: tuple(_FOLDED_DUALS),
    _deictic: tuple({w.split()[0] for w in _FOLDED_DEICTIC}),
    _part_of_year: ("الربع", "النصف", "الثلاثي", "السداسي", "الفصل"),
    _set: ("يوميا", "اسبوعيا", "شهريا", "سنويا", "كل"),
    _season: ("صيف", "شتاء", "ربيع", "خريف", "صايفه"),
    _night: ("الليل",),
    _time: (
        *("ساعه", ":", *(f"{d}." for d in range(10))),
        *("مساء", "صباح", "ليل", "فجر", "ظهر", "عصر"),
    ),
}
