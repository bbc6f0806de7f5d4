"""References and conventions of real news the date rules missed: amounts counted from a
narrated event, moments (حتى اللحظة), soon and recently (وقت قريب), a bare unit after لمدة,
the first of a month (أول يوليو), a year named by its event, an agency dateline without a
year, a clock time with a decimal comma, outlets named "<word> اليوم", and weekdays after an
imperfect verb. Sentences written for these tests.

Publication date of the examples: Thursday 2024-03-14.
"""

import pytest

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import dates

PUBLISHED = "2024-03-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وجاء إغلاق المعبر بعد يومين من قرار حظر السفر.",
            [("بعد يومين", "DATE", "PAST_REF")],
        ),
        (
            "فقد القمر الصناعي في عام 2015 بعد عام من إطلاقه.",
            [("عام 2015", "DATE", "2015"), ("بعد عام", "DATE", "PAST_REF")],
        ),
        (
            "وكان المدرب قد استقال قبل أسابيع من منصبه.",
            [("قبل أسابيع", "DATE", "PAST_REF")],
        ),
        # a custom or a plan keeps the bare amount, the signal outside
        (
            "وعادة ما يتلقى الأطفال اللقاح بعد ستة أسابيع من الولادة.",
            [("ستة أسابيع", "DURATION", "P6W")],
        ),
        (
            "سيجري الاقتراع بعد ثلاثة أيام من إعلان القوائم.",
            [("ثلاثة أيام", "DURATION", "P3D")],
        ),
    ],
)
def test_an_amount_counted_from_a_narrated_event_is_a_past_reference(text, expected):
    assert dates(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لم تسجل أي إصابة لغاية اللحظة في المحافظة.", ("اللحظة", "DATE", "PRESENT_REF")),
        ("لم يصدر أي تعليق حتى هذه اللحظة.", ("هذه اللحظة", "DATE", "PRESENT_REF")),
        (
            "تتابع الوزارة الملف منذ اللحظة الأولى.",
            ("اللحظة الأولى", "DATE", "PAST_REF"),
        ),
        ("ومن المتوقع صدور الحكم في وقت قريب.", ("وقت قريب", "DATE", "FUTURE_REF")),
        ("كانت البلدة حتى وقت قريب بعيدة عن المعارك.", ("وقت قريب", "DATE", "PAST_REF")),
        ("قضت المحكمة بسجنه لمدة عام مع وقف التنفيذ.", ("عام", "DURATION", "P1Y")),
        ("أغلق الطريق مدة ساعة بسبب الحادث.", ("ساعة", "DURATION", "PT1H")),
    ],
)
def test_moments_soon_and_a_single_unit(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_the_moment_of_an_event_is_not_a_reference_but_the_day_beside_it_is():
    text = "صمد الفريق حتى اللحظة الأخيرة من مباراة أمس."
    assert dates(text, PUBLISHED) == [("أمس", "DATE", "2024-03-13")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تطبق الأسعار الجديدة اعتبارا من أول يوليو.", ("أول يوليو", "DATE", "2024-07-01")),
        ("هاجرت العائلة عام النكبة 1948 إلى لبنان.", ("عام النكبة 1948", "DATE", "1948")),
        (
            "وقالت الهيئة إن أقوى عاصفة منذ ديسمبر/كانون الأول 2006 ضربت البلاد.",
            ("ديسمبر/كانون الأول 2006", "DATE", "2006-12"),
        ),
        (
            "تبدأ الرحلة الساعة 14,30 بتوقيت غرينتش.",
            ("الساعة 14,30 بتوقيت غرينتش", "TIME", "2024-03-14T14:30Z"),
        ),
    ],
)
def test_months_years_and_clock_times_written_as_news_writes_them(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_an_agency_dateline_without_a_year_is_in_the_year_of_publication():
    text = "الصحة تنفي\nالرياض - 12 - 3 (واس) -- نفت الوزارة ما تداولته المواقع."
    assert dates(text, PUBLISHED) == [("12 - 3", "DATE", "2024-03-12")]


@pytest.mark.parametrize(
    "text",
    [
        'وقال مدير الدائرة لـ "عمان اليوم" إن الفرق بدأت العمل اليوم.',
        "عمان اليوم:أعلنت الدائرة اليوم بدء العمل.",
    ],
)
def test_an_outlet_named_word_plus_alyawm_is_not_today(text):
    found = suggest_text(text, PUBLISHED, ["DATE"]).proposals
    # only the second اليوم, the day the work began, is a DATE
    second = text.index("اليوم", text.index("اليوم") + 1)
    assert [(p.start, p.end, p.attrs["value"]) for p in found] == [
        (second, second + len("اليوم"), "2024-03-14")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويطرأ الاثنين ارتفاع طفيف على درجات الحرارة.", ("الاثنين", "DATE", "2024-03-18")),
        ("يصل الوفد الأحد إلى العاصمة.", ("الأحد", "DATE", "2024-03-17")),
        # the perfect keeps the past day, and a name in ي- is no verb
        ("وصل الوفد الأحد إلى العاصمة.", ("الأحد", "DATE", "2024-03-10")),
        ("وقال يوسف الأحد إن الوفد وصل.", ("الأحد", "DATE", "2024-03-10")),
    ],
)
def test_a_weekday_after_an_imperfect_verb_is_the_coming_one(text, expected):
    assert dates(text, PUBLISHED) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تراجعت الأسعار خلال الفترة الماضية.", ("الفترة الماضية", "DATE", "PAST_REF")),
        ("تشهد الأسواق ركودا في الفترة الحالية.", ("الفترة الحالية", "DATE", "PRESENT_REF")),
        ("لم يزر المدينة منذ ذلك الحين.", ("ذلك الحين", "DATE", "PAST_REF")),
        ("كان الوزير في ذلك الوقت خارج البلاد.", ("ذلك الوقت", "DATE", "PAST_REF")),
        ("تتوقع الشركة إنجاز المشروع خلال أسبوع.", ("أسبوع", "DURATION", "P1W")),
        ("ستعلن النتائج في غضون شهر.", ("شهر", "DURATION", "P1M")),
        ("لم تشهد المدينة أمطارا كهذه منذ عقد.", ("عقد", "DURATION", "P10Y")),
        ("ارتفع الإنتاج مقارنة بالعام قبل الماضي.", ("العام قبل الماضي", "DATE", "2022")),
        ("زار الوفد المصنع الأسبوع قبل الماضي.", ("الأسبوع قبل الماضي", "DATE", "2024-W09")),
    ],
)
def test_periods_then_and_single_units_after_a_signal(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_a_contract_and_a_period_defined_by_a_clause_are_not_times():
    text = "وقعت الوزارة عقد التوريد في تلك الفترة التي شهدت أزمة، يوم الأحد."
    assert dates(text, PUBLISHED) == [("يوم الأحد", "DATE", "2024-03-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تنطلق الدورة يوم 20 الجاري في العاصمة.", ("يوم 20 الجاري", "DATE", "2024-03-20")),
        ("أغلق المعبر منذ الـ20 الماضي.", ("الـ20 الماضي", "DATE", "2024-02-20")),
        (
            "تبدأ الامتحانات في الأسبوع الثاني من أبريل.",
            ("الأسبوع الثاني من أبريل", "DATE", "2024-04"),
        ),
        (
            "ستعلن النتائج بعد ساعات قليلة.",
            ("بعد ساعات قليلة", "DATE", "FUTURE_REF"),
        ),
    ],
)
def test_a_day_of_this_month_a_week_of_a_month_and_a_few_hours(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_a_ranking_before_a_relative_word_is_not_a_day():
    text = "حل المنتخب في المركز 15 الماضي، وتعود المنافسة يوم 20 الجاري."
    assert dates(text, PUBLISHED) == [("يوم 20 الجاري", "DATE", "2024-03-20")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("صدر القرار يوم 15 / 3 / 2024 في الجريدة.", ("يوم 15 / 3 / 2024", "DATE", "2024-03-15")),
        ("صدر القرار يوم ١٥ / ٣ / ٢٠٢٤ في الجريدة.", ("يوم ١٥ / ٣ / ٢٠٢٤", "DATE", "2024-03-15")),
        ("تنطلق البطولة الجمعة 15/3 في الدوحة.", ("الجمعة 15/3", "DATE", "2024-03-15")),
        ("تنطلق البطولة يوم الجمعة (15/3) في الدوحة.", ("يوم الجمعة (15/3)", "DATE", "2024-03-15")),
        ("أغلق المعبر منذ 2/1 الماضي.", ("2/1 الماضي", "DATE", "2024-01-02")),
        ("تراجع التضخم في شهر 3 من العام الجاري.", ("شهر 3 من العام الجاري", "DATE", "2024-03")),
        ("تنتهي العروض في ديسيمبر 2024.", ("ديسيمبر 2024", "DATE", "2024-12")),
    ],
)
def test_days_and_months_written_with_numbers(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_a_fraction_and_a_reference_number_are_not_days_but_the_weekday_beside_is():
    text = "فاز الفريق بنسبة 3/4 من الأصوات في القرار 15/3 الصادر الأحد."
    assert dates(text, PUBLISHED) == [("الأحد", "DATE", "2024-03-10")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "ونحن على أبواب صيف واعد للسياحة.",
            "2024-06-24",
            ("صيف", "DATE", "2024-SU"),
        ),
        (
            "ونحن على أبواب صيف جديد.",
            "2024-09-10",
            ("صيف", "DATE", "2025-SU"),
        ),
        (
            "ويتوقع البنك نموا بثلاثة في المئة خلال العام.",
            "2024-03-14",
            ("العام", "DATE", "2024"),
        ),
        (
            "وارتفعت المبيعات خلال الشهر، بحسب التقرير.",
            "2024-03-14",
            ("الشهر", "DATE", "2024-03"),
        ),
    ],
)
def test_a_season_at_hand_and_a_bare_period_closing_a_clause(text, published, expected):
    assert dates(text, published) == [expected]


def test_a_period_with_an_adjective_is_not_the_current_one_but_the_year_after_it_is():
    text = "ارتفعت الرسوم خلال العام الدراسي في 2024."
    assert dates(text, PUBLISHED) == [("2024", "DATE", "2024")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وهي أعلى نسبة منذ ديسمبر الماضي.", ("ديسمبر الماضي", "DATE", "2022-12")),
        ("تعقد القمة في ديسمبر المقبل.", ("ديسمبر المقبل", "DATE", "2024-12")),
        ("تعقد القمة في ديسمبر الجاري.", ("ديسمبر الجاري", "DATE", "2023-12")),
    ],
)
def test_the_month_of_publication_with_a_relative_word_is_another_years(text, expected):
    assert dates(text, "2023-12-20") == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "يتوقع الخبراء صيفا أقسى من الصائفة الماضية.",
            "2022-04-12",
            [("صيفا", "DATE", "XXXX-SU"), ("الصائفة الماضية", "DATE", "2021-SU")],
        ),
        # a date that something has lasted since is past
        (
            "أضاع الرئيس فرصا كثيرة منذ 25 جويلية.",
            "2022-04-12",
            [("25 جويلية", "DATE", "2021-07-25")],
        ),
        ("تراجعت الصادرات منذ يونيو.", "2022-04-12", [("يونيو", "DATE", "2021-06")]),
        # "since April" written in April is this April
        ("تراجعت الصادرات منذ أبريل.", "2022-04-12", [("أبريل", "DATE", "2022-04")]),
    ],
)
def test_the_maghrebi_summer_and_dates_after_since(text, published, expected):
    assert dates(text, published) == expected


def test_an_age_group_is_not_a_duration_but_the_weekday_after_it_is():
    text = "يواجه منتخب تحت 17 عاما نظيره المصري الأحد."
    assert dates(text, PUBLISHED) == [("الأحد", "DATE", "2024-03-10")]
