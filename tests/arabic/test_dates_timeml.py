"""TimeML categories of real news beyond calendar dates, with their TIMEX3 type and value:
bare years, centuries and decades, seasons, past/present/future references, recurring (SET)
adjectives, standalone units, and month names in their other spellings.

Each negative example also holds a date that must be found, so that a suggester proposing
nothing fails it. Publication date of the examples: Thursday 2022-01-13 unless given.
"""

import pytest

from annotator.core.schema import is_timex3_value
from tests.arabic.helpers import dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ولد الشاعر في 1949 في قرية قرب حيفا.", [("1949", "DATE", "1949")]),
        ("غزت القوات الأمريكية العراق في 2003 وسط رفض دولي واسع.", [("2003", "DATE", "2003")]),
        ("تأسس الحزب 2003م على يد مجموعة من المثقفين.", [("2003م", "DATE", "2003")]),
        ("يعيش اللاجئون في المخيم منذ 1948 في ظروف صعبة.", [("1948", "DATE", "1948")]),
        ("تعرضت البلاد لأزمة مماثلة عام 2003 قبل أن تتعافى.", [("عام 2003", "DATE", "2003")]),
        # Counts and figures are not years.
        (
            "سجلت الوزارة في 2021 نحو 2003 إصابات وأكثر من 1990 حالة شفاء.",
            [("2021", "DATE", "2021")],
        ),
        ("وزعت الجمعية في 2020 مساعدات على 1999 أسرة.", [("2020", "DATE", "2020")]),
    ],
)
def test_bare_years(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شهد القرن العشرين حربين عالميتين مدمرتين.", ("القرن العشرين", "DATE", "19")),
        ("تعود المخطوطة إلى القرن التاسع عشر.", ("القرن التاسع عشر", "DATE", "18")),
        (
            "يواجه العالم في القرن الحادي والعشرين تحديات المناخ.",
            ("القرن الحادي والعشرين", "DATE", "20"),
        ),
        ("بنيت القلعة في القرن الـ16 الميلادي.", ("القرن الـ16 الميلادي", "DATE", "15")),
        ("عرفت المدينة ازدهارا في الستينيات.", ("الستينيات", "DATE", "196")),
        ("انتشرت هذه الأغاني في السبعينات.", ("السبعينات", "DATE", "197")),
        (
            "هاجرت العائلة في ستينيات القرن الماضي إلى الخليج.",
            ("ستينيات القرن الماضي", "DATE", "196"),
        ),
        (
            "بدأت الأزمة في التسعينيات من القرن الماضي.",
            ("التسعينيات من القرن الماضي", "DATE", "199"),
        ),
    ],
)
def test_centuries_and_decades(text, expected):
    assert expected in dates(text)
    assert is_timex3_value(expected[2])  # the workspace schema takes the value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يرتفع استهلاك الكهرباء في الصيف بسبب المكيفات.", [("الصيف", "DATE", "XXXX-SU")]),
        (
            "تشهد المنطقة شتاء قاسيا هذه السنة.",
            [("شتاء", "DATE", "XXXX-WI"), ("هذه السنة", "DATE", "2022")],
        ),
        ("تتوقع الأرصاد أمطارا غزيرة هذا الشتاء.", [("هذا الشتاء", "DATE", "2022-WI")]),
        ("تجري الانتخابات في شتاء 2024 بحسب الدستور.", [("شتاء 2024", "DATE", "2024-WI")]),
        # A movement and a Hijri month are not seasons.
        (
            "اندلعت احتجاجات الربيع العربي في 2011 في تونس.",
            [("2011", "DATE", "2011")],
        ),
    ],
)
def test_seasons_without_a_year_are_generic(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كان الرئيس آنذاك في زيارة رسمية إلى باريس.", ("آنذاك", "DATE", "PAST_REF")),
        ("شغل الوزير سابقا منصب محافظ البنك المركزي.", ("سابقا", "DATE", "PAST_REF")),
        ("كانت الأسعار أقل بكثير في السابق.", ("السابق", "DATE", "PAST_REF")),
        ("ستعلن اللجنة النتائج قريبا.", ("قريبا", "DATE", "FUTURE_REF")),
        ("سيتم الإعلان عن التفاصيل لاحقا.", ("لاحقا", "DATE", "FUTURE_REF")),
        ("تشهد البلاد هذه الأيام موجة حر شديدة.", ("هذه الأيام", "DATE", "PRESENT_REF")),
        ("الوضع الان تحت السيطرة.", ("الان", "DATE", "PRESENT_REF")),
        ("لم تصل المساعدات حتى الآن.", ("الآن", "DATE", "PRESENT_REF")),
    ],
)
def test_past_present_and_future_references(text, expected):
    assert expected in dates(text)


def test_former_is_an_adjective_not_a_reference():
    assert dates("قال الرئيس السابق أمس إن الحكومة السابقة أخطأت.") == [
        ("أمس", "DATE", "2022-01-12")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نشرت الوزارة حصيلتها اليومية للإصابات.", ("اليومية", "SET", "P1D")),
        ("افتتح المؤتمر السنوي للحزب في عمان.", ("السنوي", "SET", "P1Y")),
        ("ناقشت الحكومة الملف في جلستها الأسبوعية.", ("الأسبوعية", "SET", "P1W")),
        ("تراجع التضخم الشهري إلى 2 في المئة.", ("الشهري", "SET", "P1M")),
        ("تتابع اللجنة الوضع بشكل يومي.", ("يومي", "SET", "P1D")),
    ],
)
def test_recurring_adjectives_are_sets(text, expected):
    assert expected in dates(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استمر الإضراب يوما واحدا فقط.", ("يوما واحدا", "DURATION", "P1D")),
        ("أمضى الوفد يوما في المدينة.", ("يوما", "DURATION", "P1D")),
        ("انتظر المسافرون ساعة كاملة في المطار.", ("ساعة كاملة", "DURATION", "PT1H")),
        ("تراجع الإنتاج خلال السنتين بشكل حاد.", ("السنتين", "DURATION", "P2Y")),
        ("استمرت المعارك أسابيع قبل التوصل إلى هدنة.", ("أسابيع", "DURATION", "PXW")),
        ("بقي المحتجزون في القبو ساعات دون طعام.", ("ساعات", "DURATION", "PTXH")),
    ],
)
def test_standalone_units_are_durations(text, expected):
    assert expected in dates(text)


def test_units_in_construct_name_occasions_not_durations():
    assert dates("تزدحم الأسواق في أيام العيد، وأعلن الجيش ساعة الصفر اليوم.") == [
        ("اليوم", "DATE", "2022-01-13")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الاتفاق في 5 ابريل 2021.", ("5 ابريل 2021", "DATE", "2021-04-05")),
        ("وقع الاتفاق في 5 أبريل 2021.", ("5 أبريل 2021", "DATE", "2021-04-05")),
        ("انفجر المرفأ في 4 اب 2020.", ("4 اب 2020", "DATE", "2020-08-04")),
        ("انفجر المرفأ في 4 آب 2020.", ("4 آب 2020", "DATE", "2020-08-04")),
        ("وصل الوفد في 3 اغسطس 2021.", ("3 اغسطس 2021", "DATE", "2021-08-03")),
        ("تبدأ الدراسة في 15 ايلول المقبل.", ("15 ايلول المقبل", "DATE", "2022-09-15")),
        ("صدر الحكم في 30 يونيه 2019.", ("30 يونيه 2019", "DATE", "2019-06-30")),
        ("انتهت المهلة في يوليه 2020.", ("يوليه 2020", "DATE", "2020-07")),
        ("عقدت الجلسة في 7 تشرين أول 2021.", ("7 تشرين أول 2021", "DATE", "2021-10-07")),
        ("تنتهي الولاية في كانون ثاني 2023.", ("كانون ثاني 2023", "DATE", "2023-01")),
    ],
)
def test_month_names_in_other_spellings(text, expected):
    assert expected in dates(text)


def test_ambiguous_month_word_needs_a_day_or_a_year():
    assert dates("قال اب الضحية إن ابنه عاد في 4 اب 2020 إلى البيت.") == [
        ("4 اب 2020", "DATE", "2020-08-04")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "الإثنين 25 يونيو 2018 / 14:54",
            ("الإثنين 25 يونيو 2018 / 14:54", "TIME", "2018-06-25T14:54"),
        ),
        (
            "السبت، 09 ديسمبر 2017 03:35 م",
            ("السبت، 09 ديسمبر 2017 03:35 م", "TIME", "2017-12-09T15:35"),
        ),
        (
            "الاثنين 01 يوليو 2024 | 10:21 مساءً",
            ("الاثنين 01 يوليو 2024 | 10:21 مساءً", "TIME", "2024-07-01T22:21"),
        ),
        ("أحد, 01/19/2020 - 20:00", ("أحد, 01/19/2020 - 20:00", "TIME", "2020-01-19T20:00")),
    ],
)
def test_a_timestamp_line_is_one_time_in_local_time(text, expected):
    assert dates(text) == [expected]


def test_a_figure_after_a_date_and_a_colon_is_no_clock_time():
    assert dates("وقع الحادث في 5 مارس 2020: 12 قتيلا و30 جريحا.") == [
        ("5 مارس 2020", "DATE", "2020-03-05")
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "أعلنت الهيئة اليوم (السبت) عن أمطار.",
            "2026-01-17",
            [("اليوم (السبت)", "DATE", "2026-01-17")],
        ),
        (
            "وقع صباح اليوم الثلاثاء (25 مارس) حادث سير.",
            "2025-03-25",
            [("صباح اليوم الثلاثاء (25 مارس)", "TIME", "2025-03-25TMO")],
        ),
        (
            "يلعب الفريق يوم غد الأحد في الرباط.",
            "2024-01-20",
            [("يوم غد الأحد", "DATE", "2024-01-21")],
        ),
        ("اجتمع المجلس نهار السبت في بيروت.", "2012-07-15", [("نهار السبت", "DATE", "2012-07-14")]),
        (
            "افتتح المعرض في 13 أبريل نيسان.",
            "2019-04-20",
            [("13 أبريل نيسان", "DATE", "2019-04-13")],
        ),
        (
            "الثلاثاء, 20-نوفمبر-2012",
            "2012-11-20",
            [("الثلاثاء, 20-نوفمبر-2012", "DATE", "2012-11-20")],
        ),
        ("تستمر الدورة حتى 30/5/2012م.", "2012-05-28", [("30/5/2012م", "DATE", "2012-05-30")]),
        (
            "ارتفع التمويل خلال العام الحالي 2012.",
            "2012-07-01",
            [("العام الحالي 2012", "DATE", "2012")],
        ),
        (
            "وضعت الخطة الانتقالية للفترة 2012-2014.",
            "2012-05-28",
            [("2012", "DATE", "2012"), ("2014", "DATE", "2014")],
        ),
        ("خسر الفريق في تصفيات مونديال قطر 2022.", "2024-01-20", [("2022", "DATE", "2022")]),
        ("تجري الانتخابات في بداية 2014.", "2012-11-20", [("بداية 2014", "DATE", "2014")]),
        ("وصل الوزير في وقت سابق إلى دمشق.", "2012-07-15", [("وقت سابق", "DATE", "PAST_REF")]),
        ("ستشهد الفترة المقبلة إصلاحات.", "2012-12-10", [("الفترة المقبلة", "DATE", "FUTURE_REF")]),
    ],
)
def test_real_news_date_forms(text, published, expected):
    assert dates(text, published) == expected


def test_a_camp_named_after_a_day_and_a_unit_of_speed_are_no_dates():
    text = "وقال نواب قوى الثامن من آذار إن الرياح بلغت 40 كم/ساعة أمس."
    assert dates(text, "2012-07-11") == [("أمس", "DATE", "2012-07-10")]


def test_a_clock_time_without_a_day_takes_the_day_named_before_it():
    text = (
        "يلعب الفريق يوم غد الأحد، انطلاقا من الساعة الثالثة بعد الزوال. "
        "وتبدأ الحصة الساعة 9 صباحا."
    )
    assert dates(text, "2024-01-20") == [
        ("يوم غد الأحد", "DATE", "2024-01-21"),
        ("الساعة الثالثة بعد الزوال", "TIME", "2024-01-21T15:00"),
        ("الساعة 9 صباحا", "TIME", "2024-01-20T09:00"),
    ]
