"""TIMEX3 values from calendar facts and a document's publication date (the anchor).

News dates are mostly incomplete ("14 يناير", "الخميس", "الشهر المقبل"); the publication date
fills in what the text leaves out. Without one, the missing parts stay as X placeholders, which
TIMEX3 allows ("XXXX-01-14", "XXXX-WXX-4").
"""

from __future__ import annotations

from datetime import date, timedelta

UNKNOWN_DAY = "XXXX-XX-XX"


def iso_day(day: date) -> str:
    return day.isoformat()


def shift_days(anchor: date | None, days: int) -> str:
    """The day ``days`` after the anchor ("أمس" is -1), or an unknown day."""
    return UNKNOWN_DAY if anchor is None else iso_day(anchor + timedelta(days=days))


def month_day(anchor: date | None, month: int, day: int, year: int | None, relation: int) -> str:
    """A day of a month; the year is given, or the one that puts the date nearest the anchor.

    ``relation`` is -1 for a date said to be past ("الماضي"), 1 for a coming one, 0 otherwise.
    """
    if year is None:
        if anchor is None:
            return f"XXXX-{month:02d}-{day:02d}"
        year = _nearest_year(anchor, month, day, relation)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def month_value(anchor: date | None, month: int, year: int | None, relation: int) -> str:
    """A whole month ("يناير الجاري", "تشرين الثاني/نوفمبر 2021")."""
    if year is None:
        if anchor is None:
            return f"XXXX-{month:02d}"
        year = _nearest_year(anchor, month, 15, relation)
        if relation and month == anchor.month:
            # "ديسمبر الماضي" written in December is last year's; "المقبل", next year's
            year = anchor.year + relation
    return f"{year:04d}-{month:02d}"


def _nearest_year(anchor: date, month: int, day: int, relation: int) -> int:
    best: tuple[int, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            delta = (date(year, month, min(day, 28)) - anchor).days
        except ValueError:
            continue
        if (relation < 0 and delta > 0) or (relation > 0 and delta < 0):
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), year)
    return best[1] if best else anchor.year


def weekday_value(anchor: date | None, weekday: int, relation: int, future: bool) -> str:
    """A weekday (ISO number) resolved against the anchor.

    Reports mostly look back: a bare weekday is the latest such day on or before the anchor,
    unless the text says it is coming (``relation`` 1, or a future verb: ``future``).
    """
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if relation < 0:
        return iso_day(anchor - timedelta(days=back or 7))
    if relation > 0:
        return iso_day(anchor + timedelta(days=ahead or 7))
    if future:
        return iso_day(anchor + timedelta(days=ahead))
    return iso_day(anchor - timedelta(days=back))


def week_value(anchor: date | None, offset: int) -> str:
    if anchor is None:
        return "XXXX-WXX"
    year, week, _ = (anchor + timedelta(weeks=offset)).isocalendar()
    return f"{year:04d}-W{week:02d}"


def relative_month(anchor: date | None, offset: int) -> str:
    if anchor is None:
        return "XXXX-XX"
    index = anchor.year * 12 + anchor.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def relative_year(anchor: date | None, offset: int) -> str:
    return "XXXX" if anchor is None else f"{anchor.year + offset:04d}"


def duration(amount: int | None, unit: str, time_unit: bool) -> str:
    """A TIMEX3 duration: P2D, PT24H, and PXD for "a few days"."""
    count = "X" if amount is None else str(amount)
    return f"PT{count}{unit}" if time_unit else f"P{count}{unit}"


def with_time(day_value: str, hour: int | None, minute: int | None, part: str | None) -> str:
    """A day value with a clock time (T09:00) or a part of the day (TEV)."""
    if hour is not None:
        return f"{day_value}T{hour:02d}:{minute or 0:02d}"
    if part:
        return f"{day_value}T{part}"
    return day_value
