"""Calendar vocabulary of Arabic news: month names of every regional convention, weekdays,
ordinal day numbers, number words and duration units.

Arab media name the Gregorian months three ways: Egyptian/Gulf transliterations (يناير), the
Syriac names of the Levant and Iraq (كانون الثاني), and French-derived Maghrebi forms (جانفي,
Moroccan شتنبر). All map to one month number. Spellings are given naturally; matching folds them.
"""

from __future__ import annotations

GREGORIAN_MONTHS: dict[str, int] = {
    "يناير": 1,
    "ينير": 1,
    "كانون الثاني": 1,
    "كانون ثاني": 1,
    "جانفي": 1,
    "جانفييه": 1,
    "فبراير": 2,
    "فيفري": 2,
    "فبرير": 2,
    "شباط": 2,
    "مارس": 3,
    "آذار": 3,
    "أبريل": 4,
    "إبريل": 4,
    "أفريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "ماي": 5,
    "أيار": 5,
    "مايس": 5,
    "يونيو": 6,
    "يونيه": 6,
    "حزيران": 6,
    "جوان": 6,
    "يوليو": 7,
    "يوليه": 7,
    "يوليوز": 7,
    "تموز": 7,
    "جويلية": 7,
    "جويليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "أغشت": 8,
    "غشت": 8,
    "آب": 8,
    "أوت": 8,
    "سبتمبر": 9,
    "سيبتمبر": 9,
    "شتنبر": 9,
    "أيلول": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "تشرين الأول": 10,
    "تشرين أول": 10,
    "نوفمبر": 11,
    "نونبر": 11,
    "تشرين الثاني": 11,
    "تشرين ثاني": 11,
    "ديسمبر": 12,
    "ديسيمبر": 12,
    "دجنبر": 12,
    "كانون الأول": 12,
    "كانون أول": 12,
}

# Month names that are also ordinary words ("he practised", "father", a car make, a god) and so
# are dates only with calendar context: a day number, a year, "شهر" or a relative adjective.
AMBIGUOUS_MONTHS = frozenset({"مارس", "ماي", "آب", "تموز", "نيسان", "جوان", "مايس"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الأول": 3,
    "ربيع أول": 3,
    "ربيع الآخر": 4,
    "ربيع الثاني": 4,
    "ربيع ثاني": 4,
    "جمادى الأولى": 5,
    "جمادى الأول": 5,
    "جمادى الآخرة": 6,
    "جمادى الثانية": 6,
    "جمادى الآخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعدة": 11,
    "ذي القعدة": 11,
    "ذو الحجة": 12,
    "ذي الحجة": 12,
}

# ISO weekday numbers (Monday = 1), as TIMEX3's XXXX-WXX-N uses them.
WEEKDAYS: dict[str, int] = {
    "الاثنين": 1,
    "الإثنين": 1,
    "الأثنين": 1,
    "الثلاثاء": 2,
    "الأربعاء": 3,
    "الاربعاء": 3,
    "الخميس": 4,
    "الجمعة": 5,
    "السبت": 6,
    "الأحد": 7,
}

_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_UNITS_COMPOUND = ["الحادي", *_UNITS[1:]]


def _ordinal_days() -> dict[str, int]:
    """Masculine ordinals 1-31 as dates use them: "السادس من يناير", "الحادي والعشرين"."""
    days = {word: n for n, word in enumerate(_UNITS, start=1)}
    days["غرة"] = 1  # "غرة رمضان": the first day of a month
    days["العاشر"] = 10
    for n, word in enumerate(_UNITS_COMPOUND, start=11):
        days[f"{word} عشر"] = n
    for tens, name in ((20, "العشرين"), (30, "الثلاثين")):
        days[name] = tens
        for n, word in enumerate(_UNITS_COMPOUND, start=1):
            if tens + n <= 31:
                days[f"{word} و{name}"] = tens + n
    return days


ORDINAL_DAYS = _ordinal_days()

_CARDINAL_UNITS = {
    "واحد": 1,
    "واحدة": 1,
    "اثنين": 2,
    "اثنان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانية": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
}
_TENS = {
    "عشرين": 20,
    "عشرون": 20,
    "ثلاثين": 30,
    "ثلاثون": 30,
    "أربعين": 40,
    "أربعون": 40,
    "خمسين": 50,
    "خمسون": 50,
    "ستين": 60,
    "ستون": 60,
    "سبعين": 70,
    "سبعون": 70,
    "ثمانين": 80,
    "ثمانون": 80,
    "تسعين": 90,
    "تسعون": 90,
    "مئة": 100,
    "مائة": 100,
    "ألف": 1000,
}


def _cardinals() -> dict[str, int]:
    """Cardinal number words up to 99 in the forms that precede a counted time unit."""
    words = {**_CARDINAL_UNITS, **_TENS}
    for word, n in _CARDINAL_UNITS.items():
        if 3 <= n <= 9:
            words[f"{word} عشر"] = 10 + n
            words[f"{word} عشرة"] = 10 + n
    words.update({"أحد عشر": 11, "إحدى عشرة": 11, "اثني عشر": 12, "اثنا عشر": 12})
    for tens_word, tens in _TENS.items():
        if tens < 100:
            for word, n in _CARDINAL_UNITS.items():
                if n < 10:
                    words[f"{word} و{tens_word}"] = tens + n
    return words


CARDINALS = _cardinals()

# Duration units: (TIMEX3 letter, whether it belongs after "T" in the value, multiplier).
UNIT_PLURALS: dict[str, tuple[str, bool, int]] = {
    "يوم": ("D", False, 1),
    "يوما": ("D", False, 1),
    "أيام": ("D", False, 1),
    "أسبوع": ("W", False, 1),
    "أسبوعا": ("W", False, 1),
    "أسابيع": ("W", False, 1),
    "شهر": ("M", False, 1),
    "شهرا": ("M", False, 1),
    "أشهر": ("M", False, 1),
    "شهور": ("M", False, 1),
    "سنة": ("Y", False, 1),
    "سنوات": ("Y", False, 1),
    "سنين": ("Y", False, 1),
    "عام": ("Y", False, 1),
    "عاما": ("Y", False, 1),
    "أعوام": ("Y", False, 1),
    "عقد": ("Y", False, 10),
    "عقود": ("Y", False, 10),
    "ساعة": ("H", True, 1),
    "ساعات": ("H", True, 1),
    "دقيقة": ("M", True, 1),
    "دقائق": ("M", True, 1),
    "ثانية": ("S", True, 1),
    "ثوان": ("S", True, 1),
}

UNIT_DUALS: dict[str, tuple[str, bool, int]] = {
    "يومين": ("D", False, 1),
    "يومان": ("D", False, 1),
    "أسبوعين": ("W", False, 1),
    "أسبوعان": ("W", False, 1),
    "شهرين": ("M", False, 1),
    "شهران": ("M", False, 1),
    "سنتين": ("Y", False, 1),
    "سنتان": ("Y", False, 1),
    "عامين": ("Y", False, 1),
    "عامان": ("Y", False, 1),
    "عقدين": ("Y", False, 10),
    "ساعتين": ("H", True, 1),
    "ساعتان": ("H", True, 1),
    "دقيقتين": ("M", True, 1),
}

# Words for "past", "coming" and "current" that follow a period or a weekday.
# Dual agreement ("الأسبوعين المقبلين", "اليومين الماضيين") is listed with the singular.
RELATIVE_PAST = (
    "الماضي",
    "الماضية",
    "الماضيين",
    "الماضيتين",
    "المنصرم",
    "المنصرمة",
    "الفائت",
    "الفائتة",
    "السابق",
    "السابقة",
)
RELATIVE_NEXT = ("المقبل", "المقبلة", "المقبلين", "المقبلتين", "القادم", "القادمة", "القادمين")
RELATIVE_THIS = ("الجاري", "الجارية", "الحالي", "الحالية")

# "early/late/mid" modifiers that belong to the expression ("أوائل يناير", "مطلع العام").
PERIOD_MODIFIERS = (
    "مطلع",
    "أوائل",
    "أواخر",
    "أواسط",
    "منتصف",
    "نهاية",
    "بداية",
    "مستهل",
    "موفى",  # Tunisian "end of": "موفى مارس"
    "متم",  # Moroccan "end of": "متم يونيو"
    "أول",
    "آخر",
)

# Hour words of the 12-hour clock ("الساعة التاسعة صباحا").
HOUR_WORDS: dict[str, int] = {
    "الواحدة": 1,
    "الثانية": 2,
    "الثالثة": 3,
    "الرابعة": 4,
    "الخامسة": 5,
    "السادسة": 6,
    "السابعة": 7,
    "الثامنة": 8,
    "التاسعة": 9,
    "العاشرة": 10,
    "الحادية عشرة": 11,
    "الثانية عشرة": 12,
    "الحادية عشر": 11,  # the masculine "عشر" is a common slip
    "الثانية عشر": 12,
}

# Parts of the day: TIMEX3 suffix, and how a 12-hour clock reading shifts.
DAY_PARTS: dict[str, tuple[str, int]] = {
    "صباح": ("MO", 0),
    "صباحا": ("MO", 0),
    "فجر": ("MO", 0),
    "فجرا": ("MO", 0),
    # noon is TIMEX3 "MI" (mid-day); the afternoon after it ("بعد الظهر") is "AF"
    "ظهر": ("MI", 12),
    "ظهرا": ("MI", 12),
    "قبل الظهر": ("MO", 0),  # the late morning: "قبل ظهر اليوم"
    "قبل ظهر": ("MO", 0),
    "بعد الظهر": ("AF", 12),
    "بعد ظهر": ("AF", 12),  # "بعد ظهر اليوم"
    "بعد الزوال": ("AF", 12),  # Maghrebi "afternoon"
    "عصر": ("AF", 12),
    "عصرا": ("AF", 12),
    "مساء": ("EV", 12),
    "مساءا": ("EV", 12),
    "ليلة": ("NI", 12),
    "ليل": ("NI", 12),
    "ليلا": ("NI", 12),
}

# Named time zones of datelines ("بتوقيت موسكو"), as fixed UTC offsets (standard time).
TIMEZONES: dict[str, str] = {
    "غرينتش": "Z",
    "غرينيتش": "Z",
    "جرينتش": "Z",
    "جرينيتش": "Z",
    "العالمي": "Z",
    "موسكو": "+03:00",
    "مكة": "+03:00",
    "مكة المكرمة": "+03:00",
    "الرياض": "+03:00",
    "السعودية": "+03:00",
    "بغداد": "+03:00",
    "الكويت": "+03:00",
    "الدوحة": "+03:00",
    "قطر": "+03:00",
    "المنامة": "+03:00",
    "أنقرة": "+03:00",
    "إسطنبول": "+03:00",
    "اسطنبول": "+03:00",
    "القدس": "+02:00",
    "القاهرة": "+02:00",
    "مصر": "+02:00",
    "بيروت": "+02:00",
    "دمشق": "+02:00",
    "عمان": "+03:00",
    "الخرطوم": "+02:00",
    "طرابلس": "+02:00",
    "كييف": "+02:00",
    "تونس": "+01:00",
    "الجزائر": "+01:00",
    "الرباط": "+01:00",
    "باريس": "+01:00",
    "برلين": "+01:00",
    "لندن": "Z",
    "أبوظبي": "+04:00",
    "الإمارات": "+04:00",
    "دبي": "+04:00",
    "مسقط": "+04:00",
    "طهران": "+03:30",
    "نيودلهي": "+05:30",
    "بكين": "+08:00",
    "طوكيو": "+09:00",
    "واشنطن": "-05:00",
    "نيويورك": "-05:00",
    "ألماتي": "+06:00",
    "نور سلطان": "+06:00",
}

# Deictic adverbs of present, past and future (TIMEX3 reference values).
DEICTIC: dict[str, str] = {
    "حاليا": "PRESENT_REF",
    "الآن": "PRESENT_REF",
    "الوقت الحاضر": "PRESENT_REF",
    "الوقت الراهن": "PRESENT_REF",
    "الوقت الحالي": "PRESENT_REF",
    "المرحلة الراهنة": "PRESENT_REF",
    "مؤخرا": "PAST_REF",
    "المستقبل القريب": "FUTURE_REF",
    "المستقبل المنظور": "FUTURE_REF",
}
