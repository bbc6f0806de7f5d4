"""Feasts as dates: news dates events by the religious and public holidays ("ثالث أيام عيد
الفطر", "عشية عيد الأضحى", "رأس السنة الميلادية"). The guidelines value a feast as its day,
resolved in the year nearest the publication date (or the last / next one when the text says
"الماضي" / "المقبل"). Hijri feasts go through the Umm al-Qura tables of ``hijridate``
(annotator.arabic.hijri); countries that sight the moon may keep a feast a day apart, which
the value cannot know.
"""

from __future__ import annotations

from datetime import date, timedelta

import regex

from annotator.arabic import timex
from annotator.arabic.clitics import CLITIC
from annotator.arabic.date_rules import (
    _REL,
    B,
    Context,
    DateHit,
    E,
    Handler,
    _g,
    _hit,
    _relation,
    _words,
)
from annotator.arabic.hijri import hijri_day_around
from annotator.arabic.normalize import alternation, compile_rules, fold

# Hijri feasts: (month, day) in the Hijri calendar.
_HIJRI_FEASTS = {
    "عيد الفطر": (10, 1),
    "عيد الأضحى": (12, 10),
    "يوم عرفة": (12, 9),
    "وقفة عرفة": (12, 9),
    "رأس السنة الهجرية": (1, 1),
    "المولد النبوي": (3, 12),
    "ذكرى المولد النبوي": (3, 12),
}
# Gregorian feasts with a fixed day: (month, day). Christmas is left out: Arab churches keep
# it on 25 December or 7 January, and "عيد الميلاد" is also a birthday.
_FIXED_FEASTS = {
    "رأس السنة الميلادية": (1, 1),
    "عيد العمال": (5, 1),
}
_FOLDED_HIJRI = {fold(k): v for k, v in _HIJRI_FEASTS.items()}
_FOLDED_FIXED = {fold(k): v for k, v in _FIXED_FEASTS.items()}
_NTH = {
    "اول": 1,
    "ثاني": 2,
    "ثالث": 3,
    "رابع": 4,
    "الاول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
}


def _feast(m: regex.Match[str], ctx: Context) -> DateHit | None:
    name = _words(m.group("feast"))
    relation = _relation(_g(m, "rel"))
    if ctx.anchor is None:
        return None  # no year to place the feast in
    if name in _FOLDED_HIJRI:
        month, day = _FOLDED_HIJRI[name]
        value = hijri_day_around(month, day, ctx.anchor, relation)
    else:
        month, day = _FOLDED_FIXED[name]
        value = timex.month_day(ctx.anchor, month, day, None, relation)
    if value is None:
        return None
    nth = _words(_g(m, "nth", "nth2") or "")
    if nth:
        # "ثالث أيام عيد الفطر": the third day of the feast
        value = (date.fromisoformat(value) + timedelta(days=_NTH[nth] - 1)).isoformat()
    return _hit(m, "x", "DATE", value, 0.75, "explicit")


_FEASTS = alternation([*_HIJRI_FEASTS, *_FIXED_FEASTS])
_RULES: list[tuple[str, Handler]] = [
    (
        rf"{B}{CLITIC}(?P<x>(?:(?P<nth>اول|ثاني|ثالث|رابع)\s+ايام\s+"
        rf"|اليوم\s+(?P<nth2>الاول|الثاني|الثالث|الرابع)\s+(?:من\s+)?(?:ايام\s+)?)?"
        rf"(?P<feast>{_FEASTS})(?:\s+(?:السعيد|المبارك|الشريف))?(?:\s+(?P<rel>{_REL}))?){E}",
        _feast,
    ),
]

COMPILED: list[tuple[regex.Pattern[str], Handler]] = compile_rules(_RULES)
GATES: dict[Handler, tuple[str, ...]] = {
    _feast: ("عيد", "عرفه", "السنه", "المولد"),
}
