"""Speakers named through the speech they delivered ("في كلمة ألقاها ...", "ألقى ... كلمة")
and figures that speak for nobody. Sentences written for the tests in agency style."""

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans


def test_the_delivering_verb_never_starts_a_speaker_the_one_who_delivered_speaks():
    text = "وأكدت كلمة ألقاها السفير الياباني كينجي ساتو أن بلاده ستواصل دعم مشاريع المياه."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["السفير الياباني كينجي ساتو"]
    assert said_by(text) == [
        ("بلاده ستواصل دعم مشاريع المياه", "indirect", "السفير الياباني كينجي ساتو")
    ]


def test_a_sentence_opening_with_the_speech_and_its_deliverer_names_the_speaker():
    text = (
        "وفي كلمة ألقاها المدير الإقليمي للمنظمة أحمد بنعلي أمام المشاركين، أكد أن "
        "الحملة ستشمل 12 مدينة خلال الشهر المقبل."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["المدير الإقليمي للمنظمة أحمد بنعلي"]
    assert said_by(text) == [
        (
            "الحملة ستشمل 12 مدينة خلال الشهر المقبل",
            "indirect",
            "المدير الإقليمي للمنظمة أحمد بنعلي",
        )
    ]


def test_the_one_who_delivers_a_speech_speaks_in_it_even_without_a_title():
    text = (
        "وألقى سالم الدوري كلمة خلال المهرجان الخطابي، قال فيها: “لن نتخلى عن حقوق "
        "المزارعين مهما طال الزمن”."
    )
    assert said_by(text) == [("لن نتخلى عن حقوق المزارعين مهما طال الزمن", "direct", "سالم الدوري")]
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "CLAIM") == [
        "ألقى سالم الدوري كلمة خلال المهرجان الخطابي",  # the speech as an event
        "لن نتخلى عن حقوق المزارعين مهما طال الزمن",
    ]


def test_by_saying_after_a_message_opens_the_words_of_the_one_who_sent_it():
    text = "ووجه رئيس الاتحاد رسالة إلى اللاعبين بالقول: “أنتم قادرون على التتويج هذا الموسم”."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["رئيس الاتحاد"]
    assert said_by(text) == [("أنتم قادرون على التتويج هذا الموسم", "direct", "رئيس الاتحاد")]


def test_by_saying_after_a_reporting_verb_still_leads_that_verb_to_its_content():
    text = "واختتم الوزير حديثه بالقول إن الحكومة ستعلن الميزانية الأسبوع المقبل."
    assert said_by(text) == [("الحكومة ستعلن الميزانية الأسبوع المقبل", "indirect", "الوزير")]


def test_figures_with_no_author_are_the_narrators_with_an_author_they_are_its_words():
    text = (
        "وقال وزير المالية إن العجز تراجع. "
        "وتشير أحدث التقديرات إلى أن النمو سيبلغ 3 في المئة. "
        "وتشير أرقام البنك المركزي إلى أن التضخم بلغ 5 في المئة."
    )
    found = suggest_text(text, "2024-05-01")
    assert "أحدث التقديرات" not in spans(found, text, "SPEAKER")
    quotes = said_by(text)
    assert ("العجز تراجع", "indirect", "وزير المالية") in quotes
    assert all(q != "النمو سيبلغ 3 في المئة" for q, _, _ in quotes)
    claims = spans(found, text, "CLAIM")
    assert "تشير أحدث التقديرات إلى أن النمو سيبلغ 3 في المئة" in claims
    assert ("التضخم بلغ 5 في المئة", "indirect", "البنك المركزي") in quotes


def test_a_bare_surname_before_qailan_is_the_subject_that_speaks():
    text = (
        "وقال رئيس الحزب خليل العبيدي: “لن نشارك في الحكومة المقبلة”. "
        "وأردف العبيدي قائلاً: “قدمنا مقترحاتنا منذ شهرين ولم يرد أحد”."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["رئيس الحزب خليل العبيدي", "العبيدي"]
    assert said_by(text) == [
        ("لن نشارك في الحكومة المقبلة", "direct", "رئيس الحزب خليل العبيدي"),
        ("قدمنا مقترحاتنا منذ شهرين ولم يرد أحد", "direct", "العبيدي"),
    ]


def test_a_speaker_set_off_by_a_comma_before_the_poem_and_his_quoted_description():
    text = "كما ألقى الشاعر الشاب سامي الحلو، قصيدة عن المدينة، واصفا نفسه بـ'ابن الحجارة والبحر'."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الشاعر الشاب سامي الحلو"]
    assert said_by(text) == [("ابن الحجارة والبحر", "direct", "الشاعر الشاب سامي الحلو")]
    assert spans(found, text, "CLAIM") == [text[:-1]]  # the narrator's, not the describer's


def test_describing_with_a_clause_still_reports_it():
    text = "وقال الوزير إن الاتفاق تاريخي، واصفا إياه بأنه يفتح صفحة جديدة بين البلدين."
    assert said_by(text) == [
        ("الاتفاق تاريخي", "indirect", "الوزير"),
        ("يفتح صفحة جديدة بين البلدين", "indirect", "الوزير"),
    ]


def test_an_institution_named_after_a_place_ending_in_ya_acts_and_then_speaks():
    text = (
        "وأصدرت محكمة كاتالونيا الحكم بعد شكوى تقدم بها أحد المحامين، وقالت إن القانون "
        "لا يسمح بأي استثناء. واستقبل الوزير وفدا من البنك الدولي، وأكد أن التعاون مستمر."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["محكمة كاتالونيا", "الوزير"]
    assert said_by(text) == [
        ("القانون لا يسمح بأي استثناء", "indirect", "محكمة كاتالونيا"),
        ("التعاون مستمر", "indirect", "الوزير"),
    ]


def test_messages_sent_by_a_named_person_carry_his_words():
    text = "ووجه الدبيبة رسائل إلى رئيس البرلمان، قائلا: “لن نسمح بالفوضى في العاصمة”."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الدبيبة"]
    assert said_by(text) == [("لن نسمح بالفوضى في العاصمة", "direct", "الدبيبة")]


def test_a_quotation_after_the_verb_ends_at_its_mark_when_the_narrator_goes_on_with_wa():
    text = (
        "وأضاف المدير ”المعرض موضع فخر لكل أبناء المدينة وضيوفها“ و يشمل البرنامج أكثر من 40 ندوة."
    )
    assert said_by(text) == [("المعرض موضع فخر لكل أبناء المدينة وضيوفها", "direct", "المدير")]


def test_a_clause_reported_with_a_quoted_fragment_stays_mixed():
    text = "وقال المدير إن المعرض «موضع فخر» لكل أبناء المدينة وضيوفها."
    assert said_by(text) == [("المعرض «موضع فخر» لكل أبناء المدينة وضيوفها", "mixed", "المدير")]


def test_an_opening_statement_to_a_channel_then_the_titled_subject_who_speaks():
    text = (
        "وفي تصريح لقناة الأخبار المحلية دحض الخبير الاقتصادي الأردني جميع الشائعات حول "
        "الدينار، مؤكدا أن العملة مستقرة."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الخبير الاقتصادي الأردني"]
    assert said_by(text) == [("العملة مستقرة", "indirect", "الخبير الاقتصادي الأردني")]


def test_an_opening_statement_to_a_channel_names_no_medium_as_speaker():
    text = (
        "وقال الوزير إن الخطة جاهزة. وفي تصريح لقناة الأخبار المحلية، أكد أن التنفيذ "
        "سيبدأ الشهر المقبل."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الوزير"]
    assert said_by(text)[1] == ("التنفيذ سيبدأ الشهر المقبل", "indirect", "الوزير")


def test_a_bare_surname_ending_in_ta_marbuta_can_be_the_man_who_goes_on_speaking():
    text = (
        "وقال رئيس الحكومة سالم القاسم إن الأمن مستقر. "
        "وكشف العطية أنه تم تكليف الشرطة بحماية المنشآت. "
        "وأضاف: “أعطينا أوامر مباشرة بإزالة الحواجز”."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["رئيس الحكومة سالم القاسم", "العطية"]
    assert said_by(text)[-1] == ("أعطينا أوامر مباشرة بإزالة الحواجز", "direct", "العطية")


def test_adla_bihi_after_a_statement_never_makes_bihi_a_speaker():
    text = (
        "وأوضح وزير النقل في تصريح أدلى به لوكالة الأنباء الرسمية أن الطريق سيفتتح في "
        "الصيف. وفي تصريحات أدلت بها المتحدثة باسم الوزارة للصحفيين، أكدت أن الأشغال "
        "تسير بشكل جيد."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["وزير النقل", "المتحدثة باسم الوزارة"]
    assert said_by(text) == [
        ("الطريق سيفتتح في الصيف", "indirect", "وزير النقل"),
        ("الأشغال تسير بشكل جيد", "indirect", "المتحدثة باسم الوزارة"),
    ]
