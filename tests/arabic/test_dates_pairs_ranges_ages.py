"""How news names two times at once, and what is not a time: the months of a season, dual
heads ("يومي الجمعة والسبت", "شهري يناير وفبراير", "عامي 2010 و2015"), two weekdays that share
one relative word, ranges of years, months and clock times (the first piece completed by the
second), and ages, which are not durations. Sentences written for these tests.

Publication date of the examples: Thursday 2024-03-14.
"""

import pytest

from tests.arabic.helpers import dates

PUBLISHED = "2024-03-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تتوقع الشركة ارتفاع الاستهلاك خلال أشهر الصيف المقبلة.",
            [("أشهر الصيف المقبلة", "DATE", "2024-SU")],
        ),
        ("تتراجع الأمطار عادة في شهور الصيف.", [("شهور الصيف", "DATE", "XXXX-SU")]),
    ],
)
def test_the_months_of_a_season_are_the_season(text, expected):
    assert dates(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ستتأثر البلاد بكتلة هوائية باردة يومي الجمعة والسبت.",
            [("يومي الجمعة", "DATE", "2024-03-15"), ("السبت", "DATE", "2024-03-16")],
        ),
        (
            "سجلت الصادرات تراجعا في شهري يناير وفبراير.",
            [("شهري يناير", "DATE", "2024-01"), ("فبراير", "DATE", "2024-02")],
        ),
        (
            "تضاعف عدد السكان بين عامي 2010 و2015 في العاصمة.",
            [("عامي 2010", "DATE", "2010"), ("2015", "DATE", "2015")],
        ),
    ],
)
def test_a_dual_head_goes_with_the_first_of_the_two(text, expected):
    assert dates(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative word on the second weekday places the first too
        (
            "تعقد اللجنة اجتماعاتها من الاثنين إلى الخميس المقبلين.",
            [("الاثنين", "DATE", "2024-03-18"), ("الخميس المقبلين", "DATE", "2024-03-21")],
        ),
        (
            "جرت الانتخابات يومي الأحد والاثنين الماضيين.",
            [("يومي الأحد", "DATE", "2024-03-10"), ("الاثنين الماضيين", "DATE", "2024-03-11")],
        ),
    ],
)
def test_two_weekdays_share_their_direction(text, expected):
    assert dates(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "توفي الفنان عن عمر ناهز 85 عاما بعد مسيرة امتدت 60 عاما.",
            ("60 عاما", "DURATION", "P60Y"),
        ),
        (
            "وقال المزارع أحمد (40 عاما) إن الجفاف استمر ثلاثة أعوام.",
            ("ثلاثة أعوام", "DURATION", "P3Y"),
        ),
        (
            "أصيب شاب يبلغ من العمر 19 عاما في الحادث صباح اليوم.",
            ("صباح اليوم", "TIME", "2024-03-14TMO"),
        ),
        (
            "نقلت الطفلة البالغة من العمر ستة أعوام إلى المستشفى أمس.",
            ("أمس", "DATE", "2024-03-13"),
        ),
        (
            "اعتقل رجل في الثلاثينيات من عمره يوم الثلاثاء.",
            ("يوم الثلاثاء", "DATE", "2024-03-12"),
        ),
    ],
)
def test_an_age_is_not_a_duration(text, kept):
    # the age gives nothing, the time beside it is still found
    assert dates(text, PUBLISHED) == [kept]


def test_history_counts_years_in_thousands_and_a_past_plural_takes_السابقة():
    assert dates("تعود هذه الممارسة إلى 4000 سنة.", PUBLISHED) == [
        ("4000 سنة", "DURATION", "P4000Y")
    ]
    assert dates("ارتفعت الأسعار كما حدث في السنوات السابقة.", PUBLISHED) == [
        ("السنوات السابقة", "DATE", "PAST_REF")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year at the end of a text is a year (nothing after it is counted)
        (
            "ارتفعت صادرات القمح خلال 2010-2015",
            [("2010", "DATE", "2010"), ("2015", "DATE", "2015")],
        ),
        (
            "ارتفعت الصادرات من العام 2015 وحتى 2020.",
            [("العام 2015", "DATE", "2015"), ("2020", "DATE", "2020")],
        ),
        (
            "تراجعت المبيعات من مايو إلى يوليو 2023.",
            [("مايو", "DATE", "2023-05"), ("يوليو 2023", "DATE", "2023-07")],
        ),
        (
            "هطلت الأمطار بين نوفمبر وفبراير الماضيين.",
            [("نوفمبر", "DATE", "2023-11"), ("فبراير الماضيين", "DATE", "2024-02")],
        ),
        (
            "تفتح المكاتب من 8 إلى 10 صباحا.",
            [("8", "TIME", "2024-03-14T08:00"), ("10 صباحا", "TIME", "2024-03-14T10:00")],
        ),
        (
            "يمنع التجول بين 7 و9 مساء.",
            [("7", "TIME", "2024-03-14T19:00"), ("9 مساء", "TIME", "2024-03-14T21:00")],
        ),
    ],
)
def test_ranges_give_two_times_the_first_completed_by_the_second(text, expected):
    assert dates(text, PUBLISHED) == expected


def test_the_end_of_a_range_after_a_verb_is_the_next_such_weekday():
    text = "تبدأ العاصفة يوم الخميس لتستمر حتى يوم الجمعة."
    assert dates(text, PUBLISHED) == [
        ("يوم الخميس", "DATE", "2024-03-14"),
        ("يوم الجمعة", "DATE", "2024-03-15"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ستعقد" (will be held) is no "six decades"
        ("وستعقد القمة غدا في الرياض.", [("غدا", "DATE", "2024-03-15")]),
        (
            "تضاعفت الأسعار خلال الخمس سنوات الماضية.",
            [("الخمس سنوات الماضية", "DURATION", "P5Y")],
        ),
        ("انتهت المهلة بعد الثلاثين يوما.", [("الثلاثين يوما", "DURATION", "P30D")]),
    ],
)
def test_a_number_word_counts_a_unit_only_as_a_word_of_its_own(text, expected):
    assert dates(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of clock times past midnight ends on the next day
        (
            "أغلق الجسر الليلة الماضية من الساعة العاشرة ليلا حتى الثانية فجرا.",
            [
                ("الليلة الماضية من الساعة العاشرة ليلا", "TIME", "2024-03-13T22:00"),
                ("الثانية فجرا", "TIME", "2024-03-14T02:00"),
            ],
        ),
        # clock times that recur every day have no day of their own
        (
            "تقطع الكهرباء يوميا من الساعة الثامنة صباحا إلى الرابعة عصرا.",
            [
                ("يوميا", "SET", "P1D"),
                ("الساعة الثامنة صباحا", "TIME", "XXXX-XX-XXT08:00"),
                ("الرابعة عصرا", "TIME", "XXXX-XX-XXT16:00"),
            ],
        ),
    ],
)
def test_ranges_of_clock_times(text, expected):
    assert dates(text, PUBLISHED) == expected


def test_minutes_before_a_moment_of_an_event_stay_a_duration():
    text = "سجل المهاجم هدف الفوز قبل خمس دقائق من نهاية المباراة أمس."
    assert dates(text, PUBLISHED) == [
        ("خمس دقائق", "DURATION", "PT5M"),
        ("أمس", "DATE", "2024-03-13"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استغرقت الرحلة ٢٫٥ ساعة بسبب الازدحام.", [("٢٫٥ ساعة", "DURATION", "PT2.5H")]),
        ("توقف العمل 1.5 عام في المصنع.", [("1.5 عام", "DURATION", "P1.5Y")]),
        # a figure with more decimals is no duration, the day after it still is
        ("بلغ الإنتاج 12.345 يوم الأحد.", [("يوم الأحد", "DATE", "2024-03-10")]),
    ],
)
def test_a_decimal_amount_of_a_unit_is_a_decimal_duration(text, expected):
    assert dates(text, PUBLISHED) == expected
