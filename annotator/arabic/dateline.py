"""The publication date an article states in its dateline ("القاهرة - 13 يناير 2022 - ...").

Agency copy opens its body with a place, the date and an agency tag, closed by a dash; when a
plain-text article comes without a publication date, that date is the best anchor for its
relative dates ("أمس", "الخميس"). Only a whole date (day, month and year) near the start of one
of the first body lines, followed closely by a dash or a closing bracket, counts.
"""

from __future__ import annotations

import regex

from annotator.arabic.dates import find_dates
from annotator.arabic.normalize import fold

_FULL_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_CLOSES_DATELINE = regex.compile(r"^[^\n.؟!]{0,40}?[-–—)/]")
FIRST_LINES = 3  # body lines looked at, after the title
WITHIN = 60  # characters from the line's start where the date must begin


def dateline_date(text: str) -> str | None:
    """The ISO date of the article's dateline, or None when it states none."""
    lines = [line for line in text.split("\n") if line.strip()][1 : 1 + FIRST_LINES]
    for line in lines:
        head = fold(line[: WITHIN + 80])
        for hit in sorted(find_dates(head, None), key=lambda h: h.start):
            if hit.start > WITHIN:
                break
            if _FULL_DATE.fullmatch(hit.value) and _CLOSES_DATELINE.match(head[hit.end :]):
                return hit.value
    return None
