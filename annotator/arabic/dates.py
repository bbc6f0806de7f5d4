"""Temporal expressions of Arabic news with TIMEX3 type and value.

Every rule of the grammar (date_rules) is run over the folded text; the matches are reduced
to the longest non-overlapping ones, and adjacent pieces that name one moment ("اليوم الخميس
13 يناير", "أمس الأربعاء الساعة 9 مساء") are merged into one expression, as an annotator marks
them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import date

import regex

from annotator.arabic import date_pairs, date_rules, day_edges, feasts, timeml_rules
from annotator.arabic.date_rules import Context, DateHit, with_part_before
from annotator.arabic.normalize import Folded

__all__ = ["DateHit", "find_dates", "normalize_date"]

COMPILED = [*date_rules.COMPILED, *timeml_rules.COMPILED, *day_edges.COMPILED, *feasts.COMPILED]
GATES = {**date_rules.GATES, **timeml_rules.GATES, **day_edges.GATES, **feasts.GATES}

# What may stand between two pieces of one expression: "اليوم الخميس، 13 يناير",
# "الخميس الموافق 13 يناير", "أمس الأربعاء في الساعة 9".
_JOINER = regex.compile(r"^\s*[,،]?\s*(?:الموافق\s+|المصادف\s+|في\s+|عند\s+|من\s+)?$")
_DAY_KINDS = {"explicit", "hijri", "relative", "weekday"}
_TIME_KINDS = {"time", "clock"}
_CALENDAR_KINDS = {"explicit", "hijri"}
# "الموافق" ("corresponding to") joins one day written in two calendars.
_EQUIVALENT = regex.compile(r"^\s*[,،]?\s*(?:الموافق|المصادف)\s+$")


# How far a match may start before the gate word it contains ("الحادي والعشرين من شهر" before
# a month name), and how far past the window a match may run (a month, its year, "الماضي").
_LEAD = 64
_TAIL = 192


def find_dates(text: str, anchor: date | None) -> list[DateHit]:
    """All temporal expressions of a folded text, longest first, merged into whole mentions."""
    ctx = Context(text, anchor)
    hits: list[DateHit] = []
    for pattern, handler in COMPILED:
        for m in _matches(pattern, text, GATES[handler]):
            hit = handler(m, ctx)
            if hit is not None:
                hits.append(hit)
    kept: list[DateHit] = []
    for hit in _longest_first(hits):
        if hit.kind in _CALENDAR_KINDS:
            longer = with_part_before(hit, text)
            if not kept or kept[-1].end <= longer.start:
                hit = longer
        kept.append(hit)
    merged = day_edges.with_day_edges(_merge_adjacent(kept, text), text)
    merged = _clock_days(_timestamps(_recurring_clocks(merged, text), text), text)
    merged = date_pairs.with_date_pairs(merged, text)
    return _range_ends([_with_approximator(hit, text) for hit in merged], text)


def normalize_date(text: str, published: str | date | None) -> tuple[str, str] | None:
    """(TIMEX3 type, value) of one hand-drawn DATE span's text, anchored at the publication
    date; None unless one expression found by the engine covers every word of it.

    The annotator drew the extent, so only its text is read; a span that holds more than one
    expression, or words the engine does not take as part of it, gets no proposal.
    """
    folded = Folded.of(text)
    anchor = published if isinstance(published, date) or published is None else _day(published)
    words = [m.span() for m in regex.finditer(r"[\p{L}\p{N}]+", folded.text)]
    if not words:
        return None
    for hit in find_dates(folded.text, anchor):
        if hit.start <= words[0][0] and hit.end >= words[-1][1] and hit.value:
            return hit.type, hit.value
    return None


def _day(published: str) -> date | None:
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# "بين ستة أشهر إلى سنة": a bare unit that closes a range of durations is one unit long.
_RANGE_END = regex.compile(
    r"\s+(?:الي|و|او)\s+(?P<unit>يوم|اسبوع|شهر|سنه|عام|ساعه)(?![\p{L}\p{N}])"
)
_ONE_UNIT = {"يوم": "P1D", "اسبوع": "P1W", "شهر": "P1M", "سنه": "P1Y", "عام": "P1Y", "ساعه": "PT1H"}


def _range_ends(hits: list[DateHit], text: str) -> list[DateHit]:
    out: list[DateHit] = []
    for k, hit in enumerate(hits):
        out.append(hit)
        if hit.type != "DURATION":
            continue
        m = _RANGE_END.match(text, hit.end)
        if m and (k + 1 == len(hits) or hits[k + 1].start >= m.end()):
            value = _ONE_UNIT[m.group("unit")]
            out.append(DateHit(m.start("unit"), m.end("unit"), "DURATION", value, 0.7, "duration"))
    return out


# "قرابة 40 يوما", "نحو ساعتين": the approximator is part of the duration (the value keeps
# the amount; TIMEX3 ``mod`` is not in the schema). A comparison ("أكثر من 10 أيام") is not:
# the guidelines' seeds leave it outside.
_APPROXIMATOR = regex.compile(r"(?<![\p{L}\p{N}])(?:قرابه|نحو|حوالي|زهاء|ما\s+يقرب\s+من)\s+$")


def _with_approximator(hit: DateHit, text: str) -> DateHit:
    if hit.type != "DURATION":
        return hit
    m = _APPROXIMATOR.search(text, max(0, hit.start - 16), hit.start)
    return replace(hit, start=m.start()) if m else hit


def _matches(pattern: regex.Pattern[str], text: str, gate: tuple[str, ...]) -> list[regex.Match]:
    """The matches of a rule, searched only near the words it needs (``gate``).

    Trying a pattern at every position of a text costs far more than finding a few words in
    it; a match contains one of its gate words, so it starts within ``_LEAD`` characters
    before one. Time stays linear in the text's length whatever the number of gate words.
    """
    windows = _windows(text, gate)
    found: list[regex.Match] = []
    last_end = 0
    for lo, hi in windows:
        for m in pattern.finditer(text, max(lo, last_end), min(len(text), hi + _TAIL)):
            if m.start() >= hi:
                break
            found.append(m)
            last_end = m.end()
    return found


def _windows(text: str, gate: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged ranges [lo, hi) of the positions where a match could start."""
    starts: list[int] = []
    for word in gate:
        at = text.find(word)
        while at >= 0:
            starts.append(at)
            at = text.find(word, at + 1)
    windows: list[tuple[int, int]] = []
    for at in sorted(starts):
        lo, hi = max(0, at - _LEAD), at + 1
        if windows and lo <= windows[-1][1] + _TAIL:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


# A page's timestamp line: a written day, then a clock time ("الإثنين 25 يونيو 2018 / 14:54",
# "السبت، 09 ديسمبر 2017 03:35 م", "أحد, 01/19/2020 - 20:00"); one TIME in local time.
_CLOCK_AFTER = regex.compile(
    r"[ \t]*(?:[/|\-–,،][ \t]*)?(?P<h>[012]?\d):(?P<m>[0-5]\d)(?![\p{N}:])"
    r"(?:[ \t]*(?P<pm>م|مساء|مساءا|pm|PM)(?![\p{L}])|[ \t]*(?P<am>ص|صباحا|am|AM)(?![\p{L}]))?"
)
_BARE_WEEKDAY_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)[ \t]*[,،]?[ \t]*$"
)
_DAY_VALUE = regex.compile(r"^\d{4}-\d\d-\d\d$")


# "يوم غد الأحد، انطلاقا من الساعة الثالثة": a clock time with no day of its own, soon after
# a named day in the same sentence, is on that day.
_CLOCK_REACH = 48
_SENTENCE_END = regex.compile(r"[.!?؟\n]")


def _clock_days(hits: list[DateHit], text: str) -> list[DateHit]:
    out: list[DateHit] = []
    for hit in hits:
        if hit.kind == "clock" and out:
            day = _split(out[-1].value)[0]
            gap = text[out[-1].end : hit.start]
            if _DAY_VALUE.match(day) and len(gap) <= _CLOCK_REACH and not _SENTENCE_END.search(gap):
                hit = replace(hit, value=day + hit.value[10:], kind="time")
        out.append(hit)
    return out


def _recurring_clocks(hits: list[DateHit], text: str) -> list[DateHit]:
    """ "تقطع المياه يوميا من الساعة العاشرة ليلا إلى السادسة صباحا": clock times that recur
    every day (after a daily SET in the same sentence) have no day of their own; the
    guidelines value them with an unspecified day (XXXX-XX-XXT22:00)."""
    out: list[DateHit] = []
    daily_from: int | None = None
    for hit in hits:
        if hit.type == "SET" and hit.value == "P1D":
            daily_from = hit.end
        elif daily_from is not None and _SENTENCE_END.search(text, daily_from, hit.start):
            daily_from = None
        if daily_from is not None and hit.kind == "clock":
            hit = replace(hit, value="XXXX-XX-XX" + hit.value[10:], kind="recurring")
        out.append(hit)
    return out


def _timestamps(hits: list[DateHit], text: str) -> list[DateHit]:
    out: list[DateHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue  # taken into the timestamp before it
        m = _CLOCK_AFTER.match(text, hit.end) if _DAY_VALUE.match(hit.value) else None
        if m is None:
            out.append(hit)
            continue
        hour, minute = int(m.group("h")), int(m.group("m"))
        if m.group("pm") and hour < 12:
            hour += 12
        if hour > 24:
            out.append(hit)
            continue
        start = hit.start
        before = _BARE_WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
        if before is not None:
            start = before.start()
        value = f"{hit.value}T{hour % 24:02d}:{minute:02d}"
        out.append(replace(hit, start=start, end=m.end(), type="TIME", value=value, kind="time"))
    return out


def _longest_first(hits: list[DateHit]) -> list[DateHit]:
    """Keep the longest matches; a shorter one overlapping a kept one is dropped."""
    chosen: list[DateHit] = []
    starts: list[int] = []  # kept spans, sorted and disjoint
    ends: list[int] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.start, -h.confidence)):
        k = bisect_left(starts, hit.end)
        if k and ends[k - 1] > hit.start:
            continue
        chosen.append(hit)
        starts.insert(k, hit.start)
        ends.insert(k, hit.end)
    return sorted(chosen, key=lambda h: h.start)


# "اليوم (السبت)", "صباح اليوم الثلاثاء (25 مارس)": the second piece in brackets names the
# same day; the closing bracket joins the expression.
_OPEN_BRACKET = regex.compile(r"^\s*\(\s*$")
_CLOSE_BRACKET = regex.compile(r"\s*\)")


def _merge_adjacent(hits: list[DateHit], text: str) -> list[DateHit]:
    merged: list[DateHit] = []
    for hit in hits:
        if merged and _joinable(merged[-1], hit, text):
            merged[-1] = _combine(merged[-1], hit)
        elif merged and _bracketed(merged[-1], hit, text):
            close = _CLOSE_BRACKET.match(text, hit.end)
            assert close is not None
            merged[-1] = replace(_combine(merged[-1], hit), end=close.end())
        else:
            merged.append(hit)
    return merged


def _bracketed(left: DateHit, right: DateHit, text: str) -> bool:
    return (
        {left.kind, right.kind} <= _DAY_KINDS
        and bool(_OPEN_BRACKET.match(text[left.end : right.start]))
        and _CLOSE_BRACKET.match(text, right.end) is not None
    )


def _joinable(left: DateHit, right: DateHit, text: str) -> bool:
    gap = text[left.end : right.start]
    if not _JOINER.match(gap):
        return False
    kinds = {left.kind, right.kind}
    if kinds <= _DAY_KINDS:
        # Two written dates are one only when the text says they are the same day.
        return left.kind not in _CALENDAR_KINDS or bool(_EQUIVALENT.match(gap))
    # A clock time joins its day on either side: "الساعة 10 صباحا يوم الجمعة المقبل".
    return bool(kinds & _TIME_KINDS) and bool(kinds & _DAY_KINDS)


# A calendar value ("2022-01-13", "XXXX-WXX-4") takes a time; "PAST_REF" does not.
_CALENDAR_VALUE = regex.compile(r"^[\dX]{4}(?:-[\dWX]+)*$")
_TIME_VALUE = regex.compile(r"^([\dX]{4}(?:-[\dWX]+)*)T(.+)$")


def _split(value: str) -> tuple[str, str]:
    """A value's day and its time or part of the day: ("2022-01-13", "09:00+03:00")."""
    m = _TIME_VALUE.match(value)
    return (m.group(1), m.group(2)) if m else (value, "")


def _combine(left: DateHit, right: DateHit) -> DateHit:
    """One mention from two pieces: the most specific day, with a clock time or a part of the
    day if either piece gives one. A Gregorian date beats its Hijri equivalent (TIMEX3 values
    are Gregorian), and a written date beats a weekday or a relative word."""
    pieces = (left, right)
    time_piece = next((p for p in pieces if p.kind in _TIME_KINDS), None)
    days = [p for p in pieces if p is not time_piece]
    day_piece = next((p for kind in ("explicit", "hijri") for p in days if p.kind == kind), days[0])
    day = _split(day_piece.value)[0]
    if time_piece is not None:
        suffix = _afternoon(_split(time_piece.value)[1], _split(day_piece.value)[1])
    else:
        suffix = next((_split(p.value)[1] for p in pieces if _split(p.value)[1]), "")
    if suffix and _CALENDAR_VALUE.match(day):
        value, type_ = f"{day}T{suffix}", "TIME"
    else:
        value, type_ = day_piece.value, day_piece.type
    if time_piece is not None:
        kind = "time"
    elif kinds_have := {p.kind for p in pieces} & _CALENDAR_KINDS:
        kind = "explicit" if "explicit" in kinds_have else "hijri"
    else:
        kind = left.kind
    confidence = max(left.confidence, right.confidence)
    start = min(left.start, right.start)
    return replace(
        left, start=start, end=right.end, type=type_, value=value, confidence=confidence, kind=kind
    )


# "مساء اليوم الساعة السادسة": a 12-hour clock reading after an afternoon, evening or night
# part of the day is in the second half of the day (as "الساعة السادسة مساء").
_CLOCK_SUFFIX = regex.compile(r"^(\d\d)(:\d\d.*)$")
_LATE_FROM = {"AF": 1, "EV": 1, "NI": 6, "MI": 0}
_LATE_UNTIL = {"AF": 12, "EV": 12, "NI": 12, "MI": 6}


def _afternoon(clock: str, part: str) -> str:
    m = _CLOCK_SUFFIX.match(clock)
    if m is None or part not in _LATE_FROM:
        return clock
    hour = int(m.group(1))
    if _LATE_FROM[part] <= hour < _LATE_UNTIL[part]:
        hour += 12
    return f"{hour:02d}{m.group(2)}"
