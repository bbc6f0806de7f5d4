"""Feasts as days (Umm al-Qura for the Hijri ones), the weekend, and parts of the day standing
alone ("فجرا", "في المساء", "الأحد مساء"). Sentences written for these tests.
"""

import pytest

from tests.arabic.helpers import dates


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "يستمر حظر التجول حتى ثالث أيام عيد الفطر في كل المحافظات.",
            "2020-05-17",
            ("ثالث أيام عيد الفطر", "DATE", "2020-05-26"),
        ),
        (
            "تستعد الأسواق لاستقبال عيد الأضحى المبارك.",
            "2020-07-20",
            ("عيد الأضحى المبارك", "DATE", "2020-07-31"),
        ),
        # the one before publication when the text says "الماضي"
        (
            "عادت الحركة إلى طبيعتها منذ عيد الفطر الماضي.",
            "2020-05-17",
            ("عيد الفطر الماضي", "DATE", "2019-06-04"),
        ),
        (
            "تعطل الدوائر الرسمية في اليوم الأول من عيد الفطر.",
            "2012-08-10",
            ("اليوم الأول من عيد الفطر", "DATE", "2012-08-19"),
        ),
        (
            "أطلقت الألعاب النارية احتفالا برأس السنة الميلادية.",
            "2023-12-30",
            ("رأس السنة الميلادية", "DATE", "2024-01-01"),
        ),
        # the eve of a feast is the day before it
        (
            "ازدحمت الأسواق عشية عيد الفطر.",
            "2020-05-17",
            ("عشية عيد الفطر", "DATE", "2020-05-23"),
        ),
    ],
)
def test_a_feast_is_its_day_in_the_nearest_year(text, published, expected):
    assert dates(text, published) == [expected]


def test_a_feast_without_its_name_is_not_a_date_but_a_day_beside_it_is():
    assert dates("تزدحم الأسواق في أيام العيد منذ الخميس.", "2024-03-14") == [
        ("الخميس", "DATE", "2024-03-14")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تزدحم الشواطئ في عطلة نهاية الأسبوع.", ("عطلة نهاية الأسبوع", "DATE", "2024-W11-WE")),
        ("يصل الوفد نهاية الأسبوع المقبل.", ("نهاية الأسبوع المقبل", "DATE", "2024-W12-WE")),
        # the middle of a week stays the week
        ("وقعت الحادثة منتصف الأسبوع الماضي.", ("منتصف الأسبوع الماضي", "DATE", "2024-W10")),
    ],
)
def test_the_end_of_a_week_is_its_weekend(text, expected):
    assert dates(text, "2024-03-14") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اندلع الحريق فجرا في أحد المصانع.", [("فجرا", "TIME", "2024-03-14TMO")]),
        ("وصل الوفد في المساء إلى المطار.", [("المساء", "TIME", "2024-03-14TEV")]),
        # beside a day it is one expression, on that day
        ("يصل الوفد الأحد مساء إلى المطار.", [("الأحد مساء", "TIME", "2024-03-17TEV")]),
        (
            "عاد الهدوء صباحا، ثم تجدد القصف مساء.",
            [("صباحا", "TIME", "2024-03-14TMO"), ("مساء", "TIME", "2024-03-14TEV")],
        ),
    ],
)
def test_a_part_of_the_day_alone_is_a_time(text, expected):
    assert dates(text, "2024-03-14") == expected


@pytest.mark.parametrize(
    "text",
    ["قالت صحيفة المساء يوم الأحد إن الفرق تعمل ليلا ونهارا.", "مساء الخير يوم الأحد"],
)
def test_a_greeting_a_newspaper_and_round_the_clock_are_not_parts_of_the_day(text):
    assert dates(text, "2024-03-14") == [("يوم الأحد", "DATE", "2024-03-10")]
