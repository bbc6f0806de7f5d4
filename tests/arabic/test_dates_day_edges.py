"""Edges of the day in news: midnight, the eve and the morrow (عشية، غداة), the small hours,
and noon as TIMEX3's mid-day (MI). Sentences written for these tests.

Publication date of the examples: Thursday 2024-03-14.
"""

import pytest

from tests.arabic.helpers import dates

PUBLISHED = "2024-03-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "يسري وقف إطلاق النار حتى منتصف ليل الجمعة المقبل بتوقيت القدس.",
            ("منتصف ليل الجمعة المقبل بتوقيت القدس", "TIME", "2024-03-16T00:00+02:00"),
        ),
        (
            "رصد المرصد الفلكي الظاهرة عند منتصف ليلة الخميس بتوقيت غرينتش.",
            ("منتصف ليلة الخميس بتوقيت غرينتش", "TIME", "2024-03-15T00:00Z"),
        ),
        (
            "ستغلق مراكز الاقتراع أبوابها عند منتصف الليلة.",
            ("منتصف الليلة", "TIME", "2024-03-15T00:00"),
        ),
        # without a day: the last midnight in a report of what happened
        (
            "أعلنت القيادة العسكرية عند منتصف الليل انسحاب وحداتها من المعبر.",
            ("منتصف الليل", "TIME", "2024-03-14T00:00"),
        ),
        # after a future cue: the coming one
        (
            "من المقرر أن يبدأ الإضراب عند منتصف الليل في كل المحافظات.",
            ("منتصف الليل", "TIME", "2024-03-15T00:00"),
        ),
    ],
)
def test_midnight_closes_the_day_it_is_said_of(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_a_bare_midnight_takes_the_day_named_before_it_and_stays_a_span_of_its_own():
    text = "يغلق باب الترشح يوم 20 مارس الجاري عند منتصف الليل."
    assert dates(text, PUBLISHED) == [
        ("يوم 20 مارس الجاري", "DATE", "2024-03-20"),
        ("منتصف الليل", "TIME", "2024-03-21T00:00"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل المبعوث الأممي إلى العاصمة عشية الخميس.", ("عشية الخميس", "DATE", "2024-03-13")),
        (
            "اندلعت المواجهات في المدينة غداة 10 مارس الجاري.",
            ("غداة 10 مارس الجاري", "DATE", "2024-03-11"),
        ),
        # "عشية اليوم": this evening, as "مساء اليوم"
        ("يلتقي الوزيران عشية اليوم في القصر.", ("عشية اليوم", "TIME", "2024-03-14TEV")),
        # before an event the word alone is the DATE; the day is not written
        ("وأطلق المرشحون وعودهم عشية الانتخابات البلدية.", ("عشية", "DATE", "XXXX-XX-XX")),
        ("وتجددت الاحتجاجات غداة إعلان النتائج.", ("غداة", "DATE", "XXXX-XX-XX")),
    ],
)
def test_the_eve_and_the_morrow_shift_the_day_after_them(text, expected):
    assert dates(text, PUBLISHED) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويتوقع تشكل الضباب في ساعات الصباح الباكر على الطرق الساحلية.",
            ("ساعات الصباح الباكر", "TIME", "2024-03-14TMO"),
        ),
        (
            "شنت الطائرات غارات على الحي في الساعات الأولى من صباح اليوم.",
            ("الساعات الأولى من صباح اليوم", "TIME", "2024-03-14TMO"),
        ),
        ("عقد مجلس الوزراء جلسته ظهر الثلاثاء.", ("ظهر الثلاثاء", "TIME", "2024-03-12TMI")),
        ("استقبل الأمير الوفد ظهر أمس في الديوان.", ("ظهر أمس", "TIME", "2024-03-13TMI")),
        # the afternoon after noon stays AF
        ("عاد التيار بعد ظهر اليوم إلى الأحياء.", ("بعد ظهر اليوم", "TIME", "2024-03-14TAF")),
    ],
)
def test_the_small_hours_and_noon_are_parts_of_their_day(text, expected):
    assert dates(text, PUBLISHED) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يبدأ الحفل عند السادسة مساء في المسرح.", ("السادسة مساء", "TIME", "2024-03-14T18:00")),
        (
            "تفتح اللجان أبوابها من الثامنة صباحا.",
            ("الثامنة صباحا", "TIME", "2024-03-14T08:00"),
        ),
        (
            "تغلق المحال عند الثانية بعد الظهر.",
            ("الثانية بعد الظهر", "TIME", "2024-03-14T14:00"),
        ),
        (
            "استمرت الاحتجاجات حتى ساعة متأخرة من الليل.",
            ("ساعة متأخرة من الليل", "TIME", "2024-03-13TNI"),
        ),
        (
            "تواصل القصف منذ ساعات الصباح الأولى.",
            ("ساعات الصباح الأولى", "TIME", "2024-03-14TMO"),
        ),
    ],
)
def test_hours_without_alsaa_late_night_and_the_first_hours(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_a_feminine_ordinal_before_a_part_of_the_day_is_not_an_hour():
    text = "فاز الفريق للمرة الثانية مساء أمس."
    assert dates(text, PUBLISHED) == [("مساء أمس", "TIME", "2024-03-13TEV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الشرطة هذا الصباح توقيف المشتبه به.", ("هذا الصباح", "TIME", "2024-03-14TMO")),
        ("تتواصل الاشتباكات منذ الصباح في الحي.", ("الصباح", "TIME", "2024-03-14TMO")),
        ("ترتفع درجات الحرارة خلال النهار.", ("النهار", "TIME", "2024-03-14TDT")),
        # noon, like a clock time, takes the day named before it
        (
            "يقام الحفل يوم الأحد المقبل عند منتصف النهار.",
            ("يوم الأحد المقبل عند منتصف النهار", "TIME", "2024-03-17T12:00"),
        ),
    ],
)
def test_this_morning_daytime_and_noon(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_a_newspaper_named_morning_is_not_a_time_but_the_day_after_it_is():
    text = "نشرت جريدة الصباح أمس تقريرا عن الأسعار."
    assert dates(text, PUBLISHED) == [("أمس", "DATE", "2024-03-13")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forecast's night is the coming one
        ("ولا تستبعد الأرصاد تشكل الصقيع خلال الليل.", ("الليل", "TIME", "2024-03-14TNI")),
        # a report's night is the one before it
        ("هطلت أمطار غزيرة خلال الليل على العاصمة.", ("الليل", "TIME", "2024-03-13TNI")),
    ],
)
def test_the_night_of_a_forecast_and_of_a_report(text, expected):
    assert dates(text, PUBLISHED) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "يعقد الوزير مؤتمرا صحفيا مساء اليوم الساعة السادسة والنصف.",
            ("مساء اليوم الساعة السادسة والنصف", "TIME", "2024-03-14T18:30"),
        ),
        (
            "تبدأ الجلسة ظهر اليوم الساعة الواحدة.",
            ("ظهر اليوم الساعة الواحدة", "TIME", "2024-03-14T13:00"),
        ),
        (
            "وصل الوفد صباح اليوم الساعة العاشرة.",
            ("صباح اليوم الساعة العاشرة", "TIME", "2024-03-14T10:00"),
        ),
    ],
)
def test_a_clock_time_after_a_part_of_the_day_is_in_that_part(text, expected):
    assert dates(text, PUBLISHED) == [expected]


def test_an_hour_in_apposition_with_its_time_zone_is_a_clock_time():
    text = "تنطلق المباراة الساعة العاشرة مساء بتوقيت مكة، السابعة مساء بتوقيت غرينتش."
    assert dates(text, PUBLISHED) == [
        ("الساعة العاشرة مساء بتوقيت مكة", "TIME", "2024-03-14T22:00+03:00"),
        ("السابعة مساء بتوقيت غرينتش", "TIME", "2024-03-14T19:00Z"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد المجلس جلسته قبل ظهر اليوم.", ("قبل ظهر اليوم", "TIME", "2024-03-14TMO")),
        (
            "دعا رئيس الحكومة إلى جلسة عند الحادية عشرة من قبل ظهر الاثنين.",
            ("الحادية عشرة من قبل ظهر الاثنين", "TIME", "2024-03-11T11:00"),
        ),
        (
            "تبدأ الجلسة عند الرابعة من بعد ظهر اليوم.",
            ("الرابعة من بعد ظهر اليوم", "TIME", "2024-03-14T16:00"),
        ),
    ],
)
def test_before_noon_is_the_late_morning_and_an_hour_joins_its_part_of_the_day(text, expected):
    assert dates(text, PUBLISHED) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # twelve at night is midnight, the first instant of the next day
        (
            "يبدأ حظر التجوال من الساعة 12 ليلا.",
            ("الساعة 12 ليلا", "TIME", "2024-03-15T00:00"),
        ),
        (
            "يسري القرار اعتبارا من الساعة الثانية عشر مساء.",
            ("الساعة الثانية عشر مساء", "TIME", "2024-03-15T00:00"),
        ),
        ("يرفع الأذان الساعة 12 ظهرا.", ("الساعة 12 ظهرا", "TIME", "2024-03-14T12:00")),
        # "المصادف" joins a day to its date as "الموافق" does
        (
            "ينتهي الحظر الساعة الرابعة عصر يوم الخميس المصادف 16/3/2006.",
            ("الساعة الرابعة عصر يوم الخميس المصادف 16/3/2006", "TIME", "2006-03-16T16:00"),
        ),
    ],
)
def test_twelve_at_night_and_a_clock_time_with_its_day(text, expected):
    assert dates(text, PUBLISHED) == [expected]
