"""Attribution frames of agency news: datelines before the first sentence, speaker phrases that
end before the verb's object, performative verbs, sources after "بحسب أرقام ..." or "وفق ما
أعلن ...", participles that chain a new statement, and quoted phrases governed by a preposition.
"""

import pytest

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans


def _claims(text: str) -> list[str]:
    return spans(suggest_text(text, "2022-01-13"), text, "CLAIM")


def _speakers(text: str) -> list[str]:
    return spans(suggest_text(text, "2022-01-13"), text, "SPEAKER")


@pytest.mark.parametrize(
    "dateline",
    [
        "الجزائر، 13 جانفي 2022 (واج) - ",
        "عمان - (بترا) - ",
        "الدار البيضاء/ 12 يناير/ (ومع) - ",
        "دمشق في 13 كانون الثاني /سانا/ - ",
        "جدة - الخميس 10 جمادى الآخرة 1443هـ - ",
        "نواكشوط – «الأخبار»: ",
        'بغداد - "المدى" - ',
    ],
)
def test_a_narrator_claim_starts_after_the_dateline(dateline):
    sentence = "افتتحت السلطات المحلية محطة لتحلية المياه بطاقة 50 ألف متر مكعب يوميا"
    assert _claims(dateline + sentence + ".") == [sentence]


def test_a_sentence_with_a_dash_inside_is_not_a_dateline():
    text = "ارتفعت أسعار الخضر بنسبة تتراوح بين 10 - 15 بالمائة خلال الأسبوع الماضي."
    assert _claims(text) == [text[:-1]]


def test_the_speaker_ends_before_a_verbal_noun_object():
    text = "ورجحت الهيئة العامة للأرصاد انخفاض درجات الحرارة في العاصمة إلى 5 درجات."
    assert _speakers(text) == ["الهيئة العامة للأرصاد"]
    assert "انخفاض درجات الحرارة في العاصمة إلى 5 درجات" in _claims(text)


def test_a_coordinated_verb_without_subject_shares_the_source():
    text = (
        "وتوقع المعهد الوطني للرصد الجوي تساقط الثلوج على المرتفعات، "
        "وحذر من انزلاق الطرقات في المناطق الجبلية."
    )
    claims = _claims(text)
    assert "تساقط الثلوج على المرتفعات" in claims
    assert "انزلاق الطرقات في المناطق الجبلية" in claims
    assert _speakers(text) == ["المعهد الوطني للرصد الجوي"]


def test_an_act_of_approval_leaves_the_sentence_to_the_narrator():
    text = "وأقر البرلمان الليبي ميزانية عام 2022 بعد جلسة مطولة."
    assert _speakers(text) == []
    assert _claims(text) == [text[1:-1]]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "ودعت البلدية السكان إلى ترشيد استهلاك المياه خلال فصل الصيف.",
            "ترشيد استهلاك المياه خلال فصل الصيف",
            "البلدية",
        ),
        (
            "وطالبت النقابة بزيادة الأجور بنسبة 20 بالمائة.",
            "زيادة الأجور بنسبة 20 بالمائة",
            "النقابة",
        ),
        (
            "ودعت منظمة الصحة العالمية الدول إلى تعزيز أنظمة الرقابة.",
            "تعزيز أنظمة الرقابة",
            "منظمة الصحة العالمية",
        ),
        (
            "وحث الرئيس الأطراف على العودة إلى طاولة المفاوضات.",
            "العودة إلى طاولة المفاوضات",
            "الرئيس",
        ),
        (
            "وناشد بيان الصحة كافة وسائل الإعلام بعدم نشر أي معلومات إلا من المصادر الرسمية.",
            "عدم نشر أي معلومات إلا من المصادر الرسمية",
            "الصحة",
        ),
    ],
)
def test_what_an_appeal_asks_for_is_an_indirect_quote_without_a_claim(text, quote, speaker):
    assert said_by(text) == [(quote, "indirect", speaker)]
    assert _claims(text) == []


def test_a_quoted_appeal_is_a_direct_quote_without_a_claim():
    text = 'ودعا رئيس الجمهورية المجموعة الدولية مجددا إلى "تحمل مسؤولياتها كاملة".'
    assert said_by(text) == [("تحمل مسؤولياتها كاملة", "direct", "رئيس الجمهورية")]
    assert _claims(text) == []


def test_an_object_in_the_subject_slot_is_no_appeal():
    text = (
        "وكان الوزير قد انتقد الوضع، وطالب الأغنياء بالمساهمة في صندوق يعود بالفائدة على الفقراء."
    )
    assert said_by(text) == []
    assert _claims(text) == [text[1:-1]]


def test_acknowledged_that_still_reports():
    text = "وأقر الوزير بأن الحكومة تأخرت في صرف التعويضات."
    assert said_by(text) == [("الحكومة تأخرت في صرف التعويضات", "indirect", "الوزير")]


def test_representative_titles_keep_their_constituency_and_name():
    text = "وقال النائب عن حزب النهضة سمير ديلو إن الميزانية لا تستجيب للمطالب."
    assert said_by(text) == [
        ("الميزانية لا تستجيب للمطالب", "indirect", "النائب عن حزب النهضة سمير ديلو")
    ]


def test_a_title_in_a_country_keeps_the_name_after_the_country():
    text = "وقالت المنسقة الإقليمية في ليبيا جورجيت غانيون إن الوضع الإنساني يتدهور."
    assert said_by(text)[0][2] == "المنسقة الإقليمية في ليبيا جورجيت غانيون"
    text = "وقال الوزير في مؤتمر صحفي إن الوضع الإنساني يتدهور."
    assert said_by(text)[0][2] == "الوزير"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "تجاوز عدد السياح مليوني سائح منذ مطلع العام، بحسب أرقام الديوان الوطني للسياحة.",
            "تجاوز عدد السياح مليوني سائح منذ مطلع العام",
            "الديوان الوطني للسياحة",
        ),
        (
            "وحسب معطيات المندوبية السامية للتخطيط، بلغ معدل البطالة 12 في المائة.",
            "بلغ معدل البطالة 12 في المائة",
            "المندوبية السامية للتخطيط",
        ),
        (
            "وتراجعت المخزونات إلى أدنى مستوى لها، وفق ما أعلنت وزارة الطاقة.",
            "تراجعت المخزونات إلى أدنى مستوى لها",
            "وزارة الطاقة",
        ),
        (
            "وارتفع عدد الضحايا إلى 14 قتيلا، حسبما أفاد الدفاع المدني.",
            "ارتفع عدد الضحايا إلى 14 قتيلا",
            "الدفاع المدني",
        ),
        (
            "وأغلقت المدارس أبوابها ثلاثة أيام بحسب ما أفادت به مديرية التربية.",
            "أغلقت المدارس أبوابها ثلاثة أيام",
            "مديرية التربية",
        ),
    ],
)
def test_attribution_with_data_nouns_or_ma_and_a_verb(text, content, source):
    assert said_by(text) == [(content, "indirect", source)]


def test_a_participle_after_a_mixed_quote_starts_a_new_quote():
    text = (
        'وأضاف المدير أن الشركة "ستحافظ على مواطن الشغل"، مرجحا أن ترتفع المبيعات خلال '
        "السنة المقبلة."
    )
    quotes = [q for q, _, _ in said_by(text)]
    assert quotes == [
        'الشركة "ستحافظ على مواطن الشغل"',
        "ترتفع المبيعات خلال السنة المقبلة",
    ]


def test_a_copula_before_a_participle_is_not_a_new_quote():
    text = "وقال الوزير إن القرار كان متوقعا أن يصدر منذ أسابيع."
    assert len(said_by(text)) == 1


def test_a_quoted_phrase_governed_by_a_preposition_is_a_quote_but_no_claim():
    text = (
        "وقال وزير الفلاحة إن الحكومة ستدعم المزارعين، داعيا إياهم إلى "
        '"الاقتصاد في استعمال مياه الري".'
    )
    found = suggest_text(text, "2022-01-13")
    assert "الاقتصاد في استعمال مياه الري" in spans(found, text, "QUOTE")
    assert "الاقتصاد في استعمال مياه الري" not in spans(found, text, "CLAIM")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("وفاة 3 أشخاص في حادث مرور بالطريق السريع صباح اليوم.", "وفاة 3 أشخاص"),
        ("ووزراء الخارجية العرب يجتمعون في الرباط لبحث الأزمة غدا.", "وزراء الخارجية العرب"),
        ("وكالة الفضاء تطلق قمرا صناعيا جديدا للرصد الجوي الأسبوع المقبل.", "وكالة الفضاء"),
        ("وجبة فاسدة تتسبب في تسمم 40 تلميذا بمطعم مدرسي في الجنوب.", "وجبة فاسدة"),
        ("وشهدت الأسواق المحلية ارتفاعا في أسعار اللحوم الحمراء هذا الأسبوع.", "شهدت الأسواق"),
        ("ونظم الأطباء حملة تطوعية لعلاج المسنين خلال الشتاء.", "نظم الأطباء"),
    ],
)
def test_a_word_initial_waw_is_stripped_only_when_it_is_the_conjunction(sentence, claim):
    assert any(c.startswith(claim) for c in _claims(sentence))


def test_a_source_who_asked_not_to_be_named_is_not_his_name():
    text = "وقال مسؤول محلي طلب عدم ذكر اسمه إن الشحنة وصلت منذ أسبوع."
    assert said_by(text) == [("الشحنة وصلت منذ أسبوع", "indirect", "مسؤول محلي")]


def test_a_simple_verbal_noun_opens_the_object_after_a_named_body():
    text = "وأعلنت الجامعة العربية عقد اجتماع طارئ لمجلسها يوم الأحد المقبل."
    assert _speakers(text) == ["الجامعة العربية"]
    assert _claims(text) == ["عقد اجتماع طارئ لمجلسها يوم الأحد المقبل"]


def test_according_to_a_two_word_body_opens_a_statement():
    text = "وبحسب الأمم المتحدة، فر أكثر من مليون شخص من الإقليم منذ الصيف."
    assert said_by(text) == [
        ("فر أكثر من مليون شخص من الإقليم منذ الصيف", "indirect", "الأمم المتحدة")
    ]


def test_a_headline_with_a_body_known_by_its_word_form():
    text = "المديرية الجهوية للفلاحة: توقع محصول قياسي من الحبوب هذا الموسم\nنص الخبر."
    assert said_by(text)[0] == (
        "توقع محصول قياسي من الحبوب هذا الموسم",
        "indirect",
        "المديرية الجهوية للفلاحة",
    )


def test_an_expert_in_a_field_keeps_the_field_and_the_name():
    text = "وقال الخبير في الشؤون المالية كريم الزين إن الدينار سيتراجع."
    assert said_by(text)[0][2] == "الخبير في الشؤون المالية كريم الزين"


def test_a_name_of_verbal_noun_shape_stays_in_the_phrase_when_content_follows():
    text = "وقالت وزيرة الأسرة ابتسام الهاشمي إن برنامج الدعم سيشمل 200 ألف أسرة."
    assert said_by(text)[0][2] == "وزيرة الأسرة ابتسام الهاشمي"


def test_a_headline_body_is_a_source_when_the_article_quotes_it_in_full():
    text = (
        "الحماية المدنية: إخماد 14 حريقا في غابات الشمال خلال يومين\n"
        "وقالت المديرية العامة للحماية المدنية، في بلاغ، إن الحرائق أتت على 300 هكتار."
    )
    found = said_by(text)
    assert found[0] == (
        "إخماد 14 حريقا في غابات الشمال خلال يومين",
        "indirect",
        "الحماية المدنية",
    )


def test_a_topic_headline_is_not_a_source():
    text = (
        "الأزمة الليبية: جولة جديدة من المفاوضات في جنيف الأسبوع المقبل\n"
        "وقالت البعثة الأممية إن الجولة ستنطلق يوم الاثنين."
    )
    assert [q for q, _, _ in said_by(text)] == ["الجولة ستنطلق يوم الاثنين"]


def test_admitted_with_ba_reports_a_claim_without_the_preposition():
    text = "وأقر الوزير بوجود تقصير في متابعة المشاريع المتعثرة."
    assert _claims(text) == ["وجود تقصير في متابعة المشاريع المتعثرة"]
    assert _speakers(text) == ["الوزير"]


def test_a_headline_body_shares_the_entity_of_its_longer_name():
    text = (
        "الحماية المدنية: إخماد 14 حريقا في غابات الشمال خلال يومين\n"
        "وقالت المديرية العامة للحماية المدنية، في بلاغ، إن الحرائق أتت على 300 هكتار."
    )
    found = suggest_text(text, "2022-01-13")
    entities = {p.attrs["entity"] for p in found.proposals if p.label == "SPEAKER"}
    assert entities == {"المديرية العامة للحماية المدنية"}
