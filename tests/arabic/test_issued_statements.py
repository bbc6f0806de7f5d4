"""Statements announced by a frame line ("صدر عن X البيان التالي:", "وجاء في نص بيان X ما
يلي:") and given after it, quoted or as a list of instructions. Text written for the tests."""

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans


def test_a_list_of_instructions_after_the_frame_gives_one_appeal_a_line():
    text = (
        "وجاء في نص بيان الدفاع المدني ما يلي:\n"
        "عدم الاقتراب من مجاري السيول.\n"
        "الحفاظ على مسافة آمنة بين المركبات.\n"
        "وتوقع المركز الوطني للأرصاد أن تستمر الأمطار حتى الخميس.\n"
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الدفاع المدني", "المركز الوطني للأرصاد"]
    assert said_by(text) == [
        ("عدم الاقتراب من مجاري السيول", "indirect", "الدفاع المدني"),
        ("الحفاظ على مسافة آمنة بين المركبات", "indirect", "الدفاع المدني"),
        ("تستمر الأمطار حتى الخميس", "indirect", "المركز الوطني للأرصاد"),
    ]
    claims = spans(found, text, "CLAIM")
    assert claims == ["تستمر الأمطار حتى الخميس"]  # appeals and the frame assert nothing


def test_a_quoted_statement_after_the_frame_is_one_direct_quote_of_the_issuer():
    text = (
        "صدر عن مكتب رئيس البلدية البيان التالي:\n"
        '"يأسف المكتب لما نشرته بعض المواقع من أخبار كاذبة عن المشروع.\n'
        'ويؤكد أن العمل مستمر كما هو مقرر".\n'
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["مكتب رئيس البلدية"]
    assert said_by(text) == [
        (
            "يأسف المكتب لما نشرته بعض المواقع من أخبار كاذبة عن المشروع.\n"
            "ويؤكد أن العمل مستمر كما هو مقرر",
            "direct",
            "مكتب رئيس البلدية",
        )
    ]


def test_a_line_that_only_mentions_a_statement_announces_nothing():
    text = "وأصدرت الشرطة بيانا حول الحادث.\nعدم وجود إصابات بين المارة أمر مطمئن.\n"
    found = suggest_text(text, "2024-05-01")
    assert said_by(text) == []
    assert spans(found, text, "CLAIM")  # narrator claims stand where no statement was given
