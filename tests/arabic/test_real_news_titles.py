"""Title lines of real pages and the marks around quotations that pages pair badly."""

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans

BODY = (
    "وقال النائب سمير حداد في حديث إذاعي إن الحكومة ستقدم مشروع القانون إلى البرلمان "
    "خلال الأسبوع المقبل بعد أن أنهت اللجنة المختصة مراجعة كل بنوده وأحالته إلى المجلس."
)


def test_a_source_colon_statement_line_below_the_headline_is_a_quote():
    text = "نواب يطالبون بفتح تحقيق في الصفقة\nحداد: لا تسوية قبل كشف الحقائق كاملة\n" + BODY
    # the headline's appeal is a quote of its plural subject (guidelines: appeals, headlines)
    assert said_by(text)[:2] == [
        ("فتح تحقيق في الصفقة", "indirect", "نواب"),
        ("لا تسوية قبل كشف الحقائق كاملة", "indirect", "حداد"),
    ]


def test_a_teaser_after_two_dots_in_the_headline_is_a_quote_of_its_source():
    text = "تسجيل 12 إصابة جديدة.. وزير الصحة: إغلاق المدارس أسبوعين إضافيين.. ووفاة واحدة\n" + BODY
    assert ("إغلاق المدارس أسبوعين إضافيين", "indirect", "وزير الصحة") in said_by(text)


def test_a_colon_line_in_the_body_is_not_a_title():
    text = BODY + "\n" + BODY.replace("وقال", "وأضاف") + "\nالملاحظة: لا تسوية قبل كشف الحقائق"
    assert [q for q, _, _ in said_by(text)] == [
        "الحكومة ستقدم مشروع القانون إلى البرلمان خلال الأسبوع المقبل بعد أن أنهت اللجنة "
        "المختصة مراجعة كل بنوده وأحالته إلى المجلس"
    ] * 2


def test_marks_that_frame_a_quote_and_its_question_mark_stay_outside():
    text = "وتساءل النائب في حديث لـ«الإذاعة»، «أيهما أفضل للمواطن الأمن أم الحرية؟»"
    assert said_by(text) == [("أيهما أفضل للمواطن الأمن أم الحرية", "direct", "النائب")]
    text = 'وقال الوزير: " لذلك قبلنا الوحدة من " المارينز" بشكل مؤقت".'
    assert said_by(text) == [('لذلك قبلنا الوحدة من " المارينز" بشكل مؤقت', "direct", "الوزير")]


def test_a_participle_naming_the_addressee_starts_the_next_quote_of_the_same_speaker():
    text = (
        "وقال رئيس البلدية إن المدينة تفخر بأبنائها الذين عادوا إليها، "
        "مخاطبا الحضور: 'أنتم مستقبل هذه المدينة'."
    )
    assert said_by(text) == [
        ("المدينة تفخر بأبنائها الذين عادوا إليها", "indirect", "رئيس البلدية"),
        ("أنتم مستقبل هذه المدينة", "direct", "رئيس البلدية"),
    ]


def test_a_wish_and_a_surprise_report_speech():
    text = (
        "وأوضح الفنان أن المعرض سيستمر شهرا كاملا متمنيا على الوزارة أن تدعم الفنانين الشباب. "
        "واستغرب النائب أن الحكومة لم ترد على الأسئلة."
    )
    assert said_by(text) == [
        ("المعرض سيستمر شهرا كاملا", "indirect", "الفنان"),
        ("تدعم الفنانين الشباب", "indirect", "الفنان"),
        ("الحكومة لم ترد على الأسئلة", "indirect", "النائب"),
    ]


def test_a_country_heading_a_first_person_title_line_speaks():
    text = "فرنسا: لن نرسل قوات إلى المنطقة\n" + BODY
    assert said_by(text)[0] == ("لن نرسل قوات إلى المنطقة", "indirect", "فرنسا")
    topic = "لبنان: انقطاع الكهرباء عن العاصمة ساعات طويلة\n" + BODY
    quotes = said_by(topic)
    assert quotes and all(q != "انقطاع الكهرباء عن العاصمة ساعات طويلة" for q, _, _ in quotes)


def test_a_title_then_a_set_off_specialty_then_the_name_is_one_speaker():
    text = (
        "واعتبر الخبير الإيطالي، المتخصص في شؤون الهجرة والحدود، ماركو بيانكي، أن "
        "الاتفاق لن يوقف الهجرة. وقال الوزير، المسؤول عن الملف منذ عامين، إن الخطة جاهزة."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == [
        "الخبير الإيطالي، المتخصص في شؤون الهجرة والحدود، ماركو بيانكي",
        "الوزير",
    ]
    assert said_by(text)[0] == (
        "الاتفاق لن يوقف الهجرة",
        "indirect",
        "الخبير الإيطالي، المتخصص في شؤون الهجرة والحدود، ماركو بيانكي",
    )
