"""An agency or unnamed outlet set between a reporting verb's subject and its complementizer
relays the words; states named as subjects speak for their governments. Sentences written for
the tests in agency style."""

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans


def test_an_agency_between_the_subject_and_the_complementizer_only_relays():
    text = (
        "وأكدت وزارة الزراعة، بحسب وكالة الأنباء الرسمية، أنها ستوزع البذور على "
        "المزارعين مطلع الشهر المقبل."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["وزارة الزراعة"]
    assert said_by(text) == [
        ("ستوزع البذور على المزارعين مطلع الشهر المقبل", "indirect", "وزارة الزراعة")
    ]


def test_an_attribution_closing_the_sentence_still_names_its_source():
    text = "وارتفع عدد المصابين إلى 40 شخصا، بحسب وزارة الصحة."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["وزارة الصحة"]
    assert said_by(text) == [("ارتفع عدد المصابين إلى 40 شخصا", "indirect", "وزارة الصحة")]


def test_a_state_named_with_its_kind_speaks_when_reported_content_follows():
    text = (
        "وأكدت مملكة البحرين، وفقا لمصادر رسمية، أنها ستشارك في القمة المقبلة. "
        "وأعلنت البحرين في العام الماضي أرقاما قياسية للسياحة."
    )
    found = suggest_text(text, "2024-05-01")
    assert said_by(text) == [("ستشارك في القمة المقبلة", "indirect", "مملكة البحرين")]
    assert spans(found, text, "SPEAKER") == ["مملكة البحرين"]


def test_a_verb_without_subject_then_according_to_gives_the_words_to_that_source():
    text = (
        "وبثت قنوات محلية صورا من جلسة المحاكمة، حيث نقلت بحسب مصادر قضائية، بأن "
        "المتهمين اعترفوا بالتهم الموجهة إليهم."
    )
    assert said_by(text) == [("المتهمين اعترفوا بالتهم الموجهة إليهم", "indirect", "مصادر قضائية")]


def test_footage_a_channel_carried_is_no_report_and_the_lead_clause_is_the_narrators():
    text = (
        "وكانت قنوات محلية قد نقلت مشاهد من جلسة المحاكمة أمس، حيث نقلت بحسب مصادر "
        "قضائية، بأن المتهمين اعترفوا بالتهم."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["مصادر قضائية"]
    assert said_by(text) == [("المتهمين اعترفوا بالتهم", "indirect", "مصادر قضائية")]
    assert spans(found, text, "CLAIM") == [
        "كانت قنوات محلية قد نقلت مشاهد من جلسة المحاكمة أمس",
        "المتهمين اعترفوا بالتهم",
    ]


def test_a_reporting_clause_before_haythu_keeps_the_sentence_attributed():
    text = "وقال الوزير إن الوضع مستقر، حيث عادت الحركة إلى طبيعتها في الأسواق."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الوزير"]
    claims = spans(found, text, "CLAIM")
    assert claims and all(not c.startswith("قال") for c in claims)
