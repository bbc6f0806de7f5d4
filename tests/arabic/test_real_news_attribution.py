"""Attribution patterns of real news: the occasion of a statement, names that fold like
prepositions, and which claims are checkable."""

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans


def _claims(text: str) -> dict[str, str]:
    found = suggest_text(text, "2024-05-01")
    return {
        text[p.start : p.end]: p.attrs["checkworthy"] for p in found.proposals if p.label == "CLAIM"
    }


def test_the_occasion_of_a_statement_is_no_part_of_its_complement():
    text = "ونفى الجيش السوداني في بيان صحة التقارير عن سقوط المدينة."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الجيش السوداني"]
    assert spans(found, text, "CLAIM") == ["صحة التقارير عن سقوط المدينة"]


def test_the_name_ali_is_part_of_the_source_where_the_text_spells_the_preposition_apart():
    text = "واعتبر المحلل السياسي محمد علي أن الانتخابات لن تغير شيئا بالنسبة إلى المواطنين."
    assert said_by(text) == [
        ("الانتخابات لن تغير شيئا بالنسبة إلى المواطنين", "indirect", "المحلل السياسي محمد علي")
    ]
    text = "وشدد الوزير على أن الانتخابات لن تغير شيئا بالنسبة إلى المواطنين."
    assert said_by(text) == [
        ("الانتخابات لن تغير شيئا بالنسبة إلى المواطنين", "indirect", "الوزير")
    ]


def test_decisions_and_events_are_checkworthy_opinions_are_not():
    text = (
        "وقال الوزير إن الحكومة وافقت على الموازنة الجديدة. "
        "وأكد المتحدث أن القوات اعتقلت المشتبه بهم. "
        "واعتبر المحلل أن المفاوضات متعثرة."
    )
    assert _claims(text) == {
        "الحكومة وافقت على الموازنة الجديدة": "yes",
        "القوات اعتقلت المشتبه بهم": "yes",
        "المفاوضات متعثرة": "no",
    }


def test_an_appeal_may_set_its_addressee_off_by_commas_and_keeps_its_ba_outside():
    text = (
        "وناشد بيان الصحة، كافة وسائل الإعلام، بعدم نشر أي معلومات إلا بعد الرجوع للمصادر. "
        "وطالبت الوزيرة من يشعر بأي أعراض بالتوجه لمستشفيات الحميات."
    )
    assert said_by(text) == [
        ("عدم نشر أي معلومات إلا بعد الرجوع للمصادر", "indirect", "الصحة"),
        ("التوجه لمستشفيات الحميات", "indirect", "الوزيرة"),
    ]


def test_an_unnamed_source_keeps_the_complement_that_says_who_it_is():
    text = (
        "وقال مصدر من وزارة الآثار لوكالة سبوتنيك إن المقبرة تعود لأحد الكهنة. "
        "وقال مصدر رفيع في الحكومة إن القرار نهائي. "
        "وقال مسؤول من جهته إن الوضع هادئ."
    )
    assert said_by(text) == [
        ("المقبرة تعود لأحد الكهنة", "indirect", "مصدر من وزارة الآثار"),
        ("القرار نهائي", "indirect", "مصدر رفيع في الحكومة"),
        ("الوضع هادئ", "indirect", "مسؤول"),
    ]


def test_a_quoted_phrase_before_a_relative_clause_is_a_direct_quote_of_the_phrase():
    text = (
        'وكشف مصدر أمني عن "إجراء استعدادات أمنية مكثفة لتأمين الجلسة" '
        "التي ستنعقد في أكاديمية الشرطة."
    )
    assert said_by(text) == [("إجراء استعدادات أمنية مكثفة لتأمين الجلسة", "direct", "مصدر أمني")]


def test_a_quoted_word_in_a_denied_phrase_is_no_quote_and_the_phrase_is_the_deniers_claim():
    text = 'الصحة تنفي "تصريح مفبرك" منسوب لوزيرة الصحة حول تطبيق الحظر'
    found = suggest_text(text, "2020-05-17")
    assert spans(found, text, "QUOTE") == []
    assert spans(found, text, "CLAIM") == ['"تصريح مفبرك" منسوب لوزيرة الصحة حول تطبيق الحظر']
    assert spans(found, text, "SPEAKER") == ["الصحة"]


def test_the_subject_of_an_expressive_act_speaks_for_the_assertion_that_follows():
    text = "وأشاد الوزير بجهود الفرق الطبية، مبرزا أن الوضع تحت السيطرة."
    assert said_by(text) == [("الوضع تحت السيطرة", "indirect", "الوزير")]
    text = "ورحب الاتحاد الأوروبي في بيان أصدره بالتقدم المحرز، وأكد أن العملية يجب أن تستمر."
    assert said_by(text) == [("العملية يجب أن تستمر", "indirect", "الاتحاد الأوروبي")]
    text = "ورحب الرئيس بالضيوف في القصر الجمهوري."
    assert _claims(text) == {"رحب الرئيس بالضيوف في القصر الجمهوري": "no"}


def test_single_marks_quote_where_a_text_has_no_double_ones():
    text = "من جانبه، قال الروائي يحيى يخلف 'من هنا يأتي التكريم لشاعر مكرس'."
    assert said_by(text) == [("من هنا يأتي التكريم لشاعر مكرس", "direct", "الروائي يحيى يخلف")]
    text = 'وقال الوزير إن "الوضع مستقر" رغم ما قاله O\'Brien أمس.'
    assert [q for q, _, _ in said_by(text)] == ['"الوضع مستقر" رغم ما قاله O\'Brien أمس']


def test_a_name_with_its_title_in_apposition_reports_a_counted_event():
    text = "وأعلنت الدكتورة سلمى حداد وزيرة الصحة تسجيل 35 إصابة جديدة بالحمى."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الدكتورة سلمى حداد وزيرة الصحة"]
    assert spans(found, text, "CLAIM") == ["تسجيل 35 إصابة جديدة بالحمى"]
    text = "وأكد الوزير سمير حداد تسجيل 12 حالة وفاة."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الوزير سمير حداد"]
    assert spans(found, text, "CLAIM") == ["تسجيل 12 حالة وفاة"]
