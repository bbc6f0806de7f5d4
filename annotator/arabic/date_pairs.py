"""Two weekdays or two months named together are read as one stretch of time.

Weekdays ("يومي الجمعة والسبت", "من الاثنين إلى الخميس المقبلين", "من الخميس ليستمر حتى
الجمعة"): the second is the first of its name after the first, and a relative word written
only on the second ("المقبلين", "الماضيين") also places the first. Months ("من مايو إلى
يوليو 2023", "بين يناير ومارس الماضيين"): a first month without a year of its own is the last
of its name up to the second.

Clock times ("من العاشرة ليلا إلى السادسة صباحا"): an end before the start is on the next day.

Each piece on its own would be resolved by the cues around it alone; news writes the year or
the direction once, for both.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import regex

from annotator.arabic.date_rules import _NEXT, _PAST, DateHit

# What stands between the two weekdays (folded): "و", "الى", "حتى", a dash.
_BETWEEN = regex.compile(r"^\s*(?:و|الي|حتي|-|–)\s*$")
# A range's end after a verb or two: "... ليستمر حتى", "... وتتواصل إلى".
_RANGE_TO = regex.compile(r"^\s*(?:[وف]?\p{L}+\s+){1,2}(?:حتي|الي)\s+$")
_FULL_DAY = regex.compile(r"^\d{4}-\d\d-\d\d")
_MONTH = regex.compile(r"^(\d{4})-(\d\d)$")
_WORD = regex.compile(r"\p{L}+")
_YEAR_WRITTEN = regex.compile(r"\p{N}{4}")


def _day(hit: DateHit) -> date | None:
    return date.fromisoformat(hit.value[:10]) if _FULL_DAY.match(hit.value) else None


def _has_relation(hit: DateHit, text: str) -> bool:
    words = _WORD.findall(text[hit.start : hit.end])
    return bool(words) and (words[-1] in _NEXT or words[-1] in _PAST)


def _moved(hit: DateHit, day: date) -> DateHit:
    return replace(hit, value=day.isoformat() + hit.value[10:])


def with_date_pairs(hits: list[DateHit], text: str) -> list[DateHit]:
    out = list(hits)
    for k in range(1, len(out)):
        first, second = out[k - 1], out[k]
        gap = text[first.end : second.start]
        if _RANGE_TO.match(gap) and second.kind == "weekday" and not _has_relation(second, text):
            # "من يوم الخميس ليستمر حتى يوم الجمعة": the end of a range after its start
            day1, day2 = _day(first), _day(second)
            if day1 is not None and day2 is not None:
                ahead = (day2.weekday() - day1.weekday()) % 7 or 7
                out[k] = _moved(second, day1 + timedelta(days=ahead))
            continue
        if not _BETWEEN.match(gap):
            continue
        if first.type == "TIME" and second.type == "TIME":
            out[k] = _overnight(first, second)
            continue
        if first.kind == "explicit" and second.kind == "explicit":
            out[k - 1] = _month_pair(first, second, text)
            continue
        if first.kind != "weekday" or second.kind != "weekday":
            continue
        day1, day2 = _day(first), _day(second)
        if day1 is None or day2 is None:
            continue
        if _has_relation(second, text) and not _has_relation(first, text):
            # the first of its name on or before the second: "الأحد والاثنين المقبلين"
            back = (day2.weekday() - day1.weekday()) % 7
            out[k - 1] = _moved(first, day2 - timedelta(days=back))
        else:
            # the first of its name after the first: "يومي الجمعة والسبت"
            ahead = (day2.weekday() - day1.weekday()) % 7 or 7
            out[k] = _moved(second, day1 + timedelta(days=ahead))
    return out


def _month_pair(first: DateHit, second: DateHit, text: str) -> DateHit:
    """The first of two months takes its year from the second unless it writes its own."""
    m1, m2 = _MONTH.match(first.value), _MONTH.match(second.value)
    own = text[first.start : first.end]
    if m1 is None or m2 is None or _YEAR_WRITTEN.search(own) or _has_relation(first, text):
        return first
    year, month1, month2 = int(m2.group(1)), int(m1.group(2)), int(m2.group(2))
    if month1 > month2:
        year -= 1
    return replace(first, value=f"{year:04d}-{month1:02d}")


_CLOCK_VALUE = regex.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)")


def _overnight(first: DateHit, second: DateHit) -> DateHit:
    """ "من الساعة العاشرة ليلا إلى السادسة صباحا": a range of clock times on one day whose end
    comes before its start runs past midnight, so the end is on the next day."""
    a, b = _CLOCK_VALUE.match(first.value), _CLOCK_VALUE.match(second.value)
    if a is None or b is None or a.group(1) != b.group(1):
        return second
    if (int(b.group(2)), int(b.group(3))) >= (int(a.group(2)), int(a.group(3))):
        return second
    return _moved(second, date.fromisoformat(b.group(1)) + timedelta(days=1))
