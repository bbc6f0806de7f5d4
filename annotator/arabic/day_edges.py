"""Times that news names by the edge of a day: midnight (منتصف الليل، منتصف ليل الجمعة), the
eve and the morrow (عشية، غداة) of a day or of an event, and the small hours (ساعات الصباح
الباكر، الساعات الأولى من صباح اليوم).

Midnight closes the day it is said of: TimeML writes it as the first instant of the next day
(``منتصف ليلة الخميس`` -> Friday ``T00:00``). A bare ``منتصف الليل`` takes the day named just
before it in the sentence, else tonight's midnight after a future cue and last night's
otherwise. ``عشية`` / ``غداة`` before a date shift it by one day (``عشية اليوم``, this
evening, is a part of the day); before an event (``عشية الانتخابات``) the word alone is a
DATE whose day the text does not give.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import regex

from annotator.arabic import timex
from annotator.arabic.clitics import CLITIC
from annotator.arabic.date_rules import (
    _FOLDED_WEEKDAYS,
    _FOLDED_ZONES,
    _HOURS,
    _REL,
    _WEEKDAY,
    B,
    Context,
    DateHit,
    E,
    Handler,
    _future_context,
    _g,
    _hit,
    _relation,
    _relative_day_value,
    _words,
)
from annotator.arabic.normalize import compile_folded, compile_rules

_ZONE = r"(?:\s+(?:ب|على\s+)?(?:توقيت|التوقيت)\s+(?P<tz>\p{L}+(?:\s+(?:المكرمه|المحلي))?))?"


def _day_of(m: regex.Match[str], ctx: Context) -> str | None:
    """The day a match names by a relative word or a weekday, or None."""
    rd = _words(_g(m, "rd") or "")
    if rd:
        return _relative_day_value(rd, ctx.anchor)
    weekday = _g(m, "wd")
    if weekday:
        future = _future_context(ctx, m.start())
        return timex.weekday_value(
            ctx.anchor, _FOLDED_WEEKDAYS[_words(weekday)], _relation(_g(m, "rel")), future
        )
    return None


def _next_day(day: str) -> str:
    """The day after a full ISO date; an under-specified day stays as it is."""
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return day


def _midnight(m: regex.Match[str], ctx: Context) -> DateHit | None:
    zone = _FOLDED_ZONES.get(_words(_g(m, "tz") or ""), "")
    day = _day_of(m, ctx)
    if day is None and _words(_g(m, "night") or "") == "الليله":
        day = timex.shift_days(ctx.anchor, 0)  # "منتصف الليلة": tonight
    if day is not None:
        value = f"{_next_day(day)}T00:00{zone}"
        return _hit(m, "x", "TIME", value, 0.8, "time")
    # No day of its own: "midnight" is the coming one after a future cue, else the last one;
    # ``day_of_midnight`` gives it the day named before it in the sentence instead.
    offset = 1 if _future_context(ctx, m.start()) else 0
    value = f"{timex.shift_days(ctx.anchor, offset)}T00:00{zone}"
    return _hit(m, "x", "TIME", value, 0.75, "midnight")


def _small_hours(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "ساعات الصباح الباكر" -> the morning of the report's day (TMO)."""
    day = _day_of(m, ctx) or timex.shift_days(ctx.anchor, 0)
    return _hit(m, "x", "TIME", timex.with_time(day, None, None, "MO"), 0.7, "time")


_PART_CODES = {
    "صباحا": "MO",
    "فجرا": "MO",
    "ظهرا": "MI",
    "عصرا": "AF",
    "مساء": "EV",
    "مساءا": "EV",
    "ليلا": "NI",
    "الصباح": "MO",
    "المساء": "EV",
    "الفجر": "MO",
    "الظهيره": "MI",
    "النهار": "DT",
}


def _part_alone(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "اندلع الحريق فجرا", "وصل الوفد في المساء": a part of the day with no day of its own;
    like a bare clock time it takes the day named before it in the sentence (see
    dates._clock_days), else the publication day, and joins a day beside it ("الأحد مساء")."""
    if _HOUR_BEFORE.search(ctx.text, max(0, m.start("x") - 16), m.start("x")):
        return None  # "السابعة مساء": the part of an hour the clock rules read or refused
    code = _PART_CODES[_words(m.group("x"))]
    value = timex.with_time(timex.shift_days(ctx.anchor, 0), None, None, code)
    return _hit(m, "x", "TIME", value, 0.6, "clock")


_HOUR_BEFORE = compile_folded(rf"(?:\p{{N}}|(?<![\p{{L}}]){_HOURS})\s*$")


def _late_night(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "حتى ساعة متأخرة من الليل": the night of the day named, else the last one (the one to
    come after a future cue)."""
    day = _day_of(m, ctx)
    if day is None:
        offset = 0 if _future_context(ctx, m.start()) else -1
        day = timex.shift_days(ctx.anchor, offset)
    return _hit(m, "x", "TIME", timex.with_time(day, None, None, "NI"), 0.65, "time")


def _this_part(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "هذا الصباح", "هذا المساء": that part of the publication day."""
    code = _PART_CODES[_words(m.group("part"))]
    value = timex.with_time(timex.shift_days(ctx.anchor, 0), None, None, code)
    return _hit(m, "x", "TIME", value, 0.7, "time")


def _noon(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "منتصف النهار": noon, a clock time that takes the day named before it."""
    return _hit(m, "x", "TIME", f"{timex.shift_days(ctx.anchor, 0)}T12:00", 0.7, "clock")


def _edge_alone(m: regex.Match[str], ctx: Context) -> DateHit | None:
    """ "عشية الانتخابات": the eve of an event; which day, the text does not say."""
    return _hit(m, "x", "DATE", "XXXX-XX-XX", 0.55, "edge")


_REL_DAY = r"(?P<rd>اليوم|امس|الامس|البارحه|غدا|الغد|غد)"
# A definite word after a part of the day makes it a construct ("مساء الخير", "صحيفة المساء
# الجديدة"); "الى" (folded إلى) is a preposition, not an article.
_DEFINITE = r"(?!الي(?!\p{L}))ال"
_WEEKDAY_BARE = r"(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|الخير)"
_MORNING_OF = rf"(?:صباح|فجر)\s+(?:يوم\s+)?(?:{_REL_DAY}|(?P<wd>{_WEEKDAY}))"
_RULES: list[tuple[str, Handler]] = [
    (
        rf"{B}{CLITIC}(?P<x>منتصف\s+(?P<night>الليل|الليله|ليل|ليله)"
        rf"(?:\s+(?:يوم\s+)?{_REL_DAY}(?:\s+{_WEEKDAY})?|\s+(?:يوم\s+)?(?P<wd>{_WEEKDAY})"
        rf"(?:\s+(?P<rel>{_REL}))?)?{E}{_ZONE}){E}",
        _midnight,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:الساعات\s+الاولي\s+من|ساعات)\s+(?:الصباح|{_MORNING_OF})"
        rf"(?:\s+(?:الباكر|الاولي))?|الصباح\s+الباكر|{_MORNING_OF}\s+الباكر){E}",
        _small_hours,
    ),
    (
        rf"{B}{CLITIC}(?P<x>(?:ساعه|ساعات|وقت)\s+متاخر(?:ه)?\s+من\s+(?:الليل|ليل|ليله|مساء)"
        rf"(?:\s+(?:يوم\s+)?(?:{_REL_DAY}|(?P<wd>{_WEEKDAY})))?){E}",
        _late_night,
    ),
    (rf"{B}{CLITIC}(?P<x>عشيه|غداه){E}", _edge_alone),
    (rf"{B}{CLITIC}(?P<x>(?:هذا|هذه)\s+(?P<part>الصباح|المساء|الظهيره)){E}", _this_part),
    (rf"{B}{CLITIC}(?P<x>منتصف\s+النهار){E}", _noon),
    (
        rf"{B}[وف]?(?P<x>صباحا|فجرا|ظهرا|عصرا|مساءا|ليلا|مساء(?=\s*(?:[,،.؛]|$)|\s+(?!{_DEFINITE}|يوم|\p{{N}}|{_WEEKDAY_BARE})\p{{L}})){E}"
        r"(?!\s+(?:و?نهارا|و?صباحا|و?مساء))",
        _part_alone,
    ),
    (
        rf"{B}(?:في|وفي|خلال|منذ|حتى|طوال|طيله)\s+(?P<x>الصباح|المساء|الفجر|الظهيره|النهار){E}"
        rf"(?!\s+(?:{_DEFINITE}|\p{{N}}))",
        _part_alone,
    ),
]

COMPILED: list[tuple[regex.Pattern[str], Handler]] = compile_rules(_RULES)
GATES: dict[Handler, tuple[str, ...]] = {
    _midnight: ("منتصف",),
    _small_hours: ("الصباح", "الساعات", "ساعات", "الباكر"),
    _edge_alone: ("عشيه", "غداه"),
    _late_night: ("متاخر",),
    _this_part: ("الصباح", "المساء", "الظهيره"),
    _noon: ("النهار",),
    _part_alone: ("صباح", "فجر", "ظهر", "عصرا", "مساء", "ليلا", "النهار"),
}


# What an expression of a day may be after "عشية"/"غداة" (folded values): a whole day, or a
# day with a part of it.
_FULL_DAY = regex.compile(r"^\d{4}-\d\d-\d\d$")
_REPORT_DAYS = regex.compile(r"^(?:اليوم|امس|الامس|البارحه|غدا|الغد|غد)(?:\s|$)")
_SENTENCE_END = regex.compile(r"[.!?؟\n]")
_REACH = 48


def with_day_edges(hits: list[DateHit], text: str) -> list[DateHit]:
    """Join "عشية"/"غداة" to the date after it, and give a bare midnight its day.

    ``عشية الخميس`` is Wednesday, ``غداة 14 يناير`` the 15th, ``عشية اليوم`` this evening.
    ``يوم 20 فبراير عند منتصف الليل`` keeps two spans, the midnight closing the 20th.
    """
    out: list[DateHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "edge" and text[prev.end : hit.start].isspace():
            out[-1] = _edge_of(prev, hit, text)
            continue
        if hit.kind == "midnight" and prev is not None:
            gap = text[prev.end : hit.start]
            day = prev.value[:10]
            if _FULL_DAY.match(day) and len(gap) <= _REACH and not _SENTENCE_END.search(gap):
                hit = replace(hit, value=_next_day(day) + hit.value[10:], kind="time")
        out.append(hit)
    return out


def _edge_of(edge: DateHit, day: DateHit, text: str) -> DateHit:
    eve = text[edge.start : edge.end] == "عشيه"
    joined = replace(day, start=edge.start, confidence=min(day.confidence, 0.75))
    if not _FULL_DAY.match(day.value):
        return joined  # "عشية العام الجديد": the period itself, no day to shift
    if eve and _REPORT_DAYS.match(text[day.start : day.end]):
        # "عشية اليوم": the evening of that day, as "مساء اليوم"
        return replace(joined, type="TIME", value=f"{day.value}TEV", kind="time")
    shifted = date.fromisoformat(day.value) + timedelta(days=-1 if eve else 1)
    return replace(joined, type="DATE", value=shifted.isoformat())
