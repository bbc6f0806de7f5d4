"""Temporal expressions of real news the calendar rules missed: approximated and unspecified
durations, ranges closed by a bare unit, hours with the part of the day, "يوم غد". Sentences
written for the tests."""

from tests.arabic.helpers import dates


def test_an_approximator_is_part_of_the_duration_a_comparison_is_not():
    text = "استمرت الرحلة قرابة 12 يوما، ولم يتجاوز التأخير أكثر من 3 أيام."
    assert dates(text) == [
        ("قرابة 12 يوما", "DURATION", "P12D"),
        ("3 أيام", "DURATION", "P3D"),
    ]


def test_half_a_century_and_tens_of_units_are_durations():
    text = "انتهت الحرب بعد نصف قرن من القتال، وتأخر القطار عشرات الدقائق."
    assert dates(text) == [
        ("نصف قرن", "DURATION", "P50Y"),
        ("عشرات الدقائق", "DURATION", "PTXM"),
    ]


def test_an_amount_counted_from_another_event_keeps_baad_outside():
    text = "يجري الفحص بعد عشرة أيام من العملية، وتصدر النتائج بعد يومين."
    assert dates(text) == [
        ("عشرة أيام", "DURATION", "P10D"),
        ("بعد يومين", "DATE", "2022-01-15"),
    ]


def test_a_bare_unit_closing_a_range_is_one_unit():
    text = "تسدد القروض خلال مدة تتراوح بين ثلاثة أشهر إلى سنة."
    assert dates(text) == [("ثلاثة أشهر", "DURATION", "P3M"), ("سنة", "DURATION", "P1Y")]


def test_an_hour_with_the_part_of_the_day_is_a_time_and_yawm_ghad_is_tomorrow():
    text = "تغلق المحلات بعد 9 مساء، ويستأنف العمل يوم غد."
    assert dates(text) == [
        ("9 مساء", "TIME", "2022-01-13T21:00"),
        ("يوم غد", "DATE", "2022-01-14"),
    ]


def test_yawm_before_a_day_of_the_current_month_is_inside():
    text = "ويسافر الوفد يوم 20 من الشهر الجاري إلى القاهرة."
    assert dates(text) == [("يوم 20 من الشهر الجاري", "DATE", "2022-01-20")]
