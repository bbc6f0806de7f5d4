"""Hijri (Umm al-Qura) dates to Gregorian TIMEX3 values, through the hijridate library.

The Umm al-Qura calendar is tabulated from astronomical data, not computed by a formula, so a
maintained library with the official tables is used instead of hand-written arithmetic.
"""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri

_UNKNOWN = "XXXX-XX-XX"


def _to_gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _anchor_year(anchor: date) -> int:
    return Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year


def _candidates(month: int, day: int, anchor: date) -> list[date]:
    """A Hijri day-of-month in the Hijri years before, of and after the anchor."""
    base = _anchor_year(anchor)
    return [d for y in (base - 1, base, base + 1) if (d := _to_gregorian(y, month, day))]


def _nearest(month: int, day: int, anchor: date) -> date | None:
    """The Gregorian date of a Hijri day-of-month in the Hijri year that puts it nearest."""
    days = _candidates(month, day, anchor)
    return min(days, key=lambda d: abs((d - anchor).days)) if days else None


def hijri_day(year: int | None, month: int, day: int, anchor: date | None) -> str | None:
    """ "10 جمادى الآخرة 1443" -> 2022-01-13; without a year, the nearest to the anchor."""
    if year is not None:
        found = _to_gregorian(year, month, day)
    elif anchor is not None:
        found = _nearest(month, day, anchor)
    else:
        return _UNKNOWN
    return found.isoformat() if found else None


def hijri_month(year: int | None, month: int, anchor: date | None) -> str | None:
    """A Hijri month as the Gregorian month holding its middle (the best a TIMEX3 month can do)."""
    if year is not None:
        middle = _to_gregorian(year, month, 15)
    elif anchor is not None:
        middle = _nearest(month, 15, anchor)
    else:
        return "XXXX-XX"
    return f"{middle.year:04d}-{middle.month:02d}" if middle else None


def hijri_year(year: int) -> str | None:
    """A Hijri year as the Gregorian year in which it begins."""
    start = _to_gregorian(year, 1, 1)
    return f"{start.year:04d}" if start else None


def hijri_day_around(month: int, day: int, anchor: date, relation: int) -> str | None:
    """A Hijri day-of-month without a year: the last one before the anchor (``relation`` -1,
    "عيد الفطر الماضي"), the next one after it (1, "المقبل"), or the nearest (0)."""
    if relation < 0:
        found = max((d for d in _candidates(month, day, anchor) if d <= anchor), default=None)
    elif relation > 0:
        found = min((d for d in _candidates(month, day, anchor) if d >= anchor), default=None)
    else:
        found = _nearest(month, day, anchor)
    return found.isoformat() if found else None
