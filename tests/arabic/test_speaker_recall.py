"""Speakers that real news introduces in ways the first rules missed: adverbs before the
verb, plural bodies, titles that name the office a person works in, apposed names, speakers
named in an earlier sentence, and first-person words with no quotation marks. Sentences
written for the tests."""

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import said_by, spans


def test_an_adverb_before_the_verb_is_not_its_subject_and_plural_bodies_speak():
    text = (
        "وأوضح المحامي أن الجلسة تأجلت. "
        "ولطالما طالبت المنظمات الحقوقية الدولية بالإفراج عن المعتقلين."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["المحامي", "المنظمات الحقوقية الدولية"]
    assert said_by(text)[1] == (
        "الإفراج عن المعتقلين",
        "indirect",
        "المنظمات الحقوقية الدولية",
    )


def test_a_noun_spelled_like_a_conjoined_verb_in_a_heading_reports_nothing():
    text = (
        "الحكومة ونقل الموظفين إلى العاصمة الإدارية\n"
        "قال وزير التنمية الإدارية إن نقل الموظفين سيبدأ الشهر المقبل."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["وزير التنمية الإدارية"]
    assert said_by(text) == [
        ("نقل الموظفين سيبدأ الشهر المقبل", "indirect", "وزير التنمية الإدارية")
    ]


def test_the_office_a_titled_source_works_in_stays_in_the_phrase():
    text = (
        "وقال الأستاذ في كلية الطب أمين الحسن، إن الوباء تراجع. "
        "وقال الباحث في مختبر الفيروسات سامي داود، إن اللقاح فعال."
    )
    assert said_by(text) == [
        ("الوباء تراجع", "indirect", "الأستاذ في كلية الطب أمين الحسن"),
        ("اللقاح فعال", "indirect", "الباحث في مختبر الفيروسات سامي داود"),
    ]


def test_the_subject_between_kana_and_the_verb_speaks_and_the_object_does_not():
    text = "وكانت وزارة الداخلية أعلنت الأحد حظر التجول في المدينة. وقالت إن الحظر سيستمر أسبوعا."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["وزارة الداخلية"]
    assert said_by(text) == [("الحظر سيستمر أسبوعا", "indirect", "وزارة الداخلية")]


def test_a_noun_governing_ma_after_the_name_is_the_object_of_a_denial():
    text = (
        "ونفى المتحدث باسم وزارة الصحة الدكتور سامي ناصر صحة ما نشرته بعض المواقع عن إصابات جديدة."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["المتحدث باسم وزارة الصحة الدكتور سامي ناصر"]


def test_first_person_words_right_after_a_subjectless_verb_are_a_direct_quote():
    text = (
        "وقال المدرب سامي العلي إن الفريق جاهز للمباراة. "
        "وأضاف أطمح إلى تحقيق اللقب هذا الموسم. "
        "وتابع سنعمل على تجديد عقود اللاعبين الشباب."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["المدرب سامي العلي"]
    assert said_by(text) == [
        ("الفريق جاهز للمباراة", "indirect", "المدرب سامي العلي"),
        ("أطمح إلى تحقيق اللقب هذا الموسم", "direct", "المدرب سامي العلي"),
        ("سنعمل على تجديد عقود اللاعبين الشباب", "direct", "المدرب سامي العلي"),
    ]


def test_first_person_words_after_the_source_and_a_comma_are_a_direct_quote():
    text = "وقال رئيس جمعية الخير الأهلية، نعمل منذ سنوات على مساعدة الأسر الفقيرة."
    assert said_by(text) == [
        (
            "نعمل منذ سنوات على مساعدة الأسر الفقيرة",
            "direct",
            "رئيس جمعية الخير الأهلية",
        )
    ]


def test_a_one_word_name_or_a_time_word_after_the_verb_is_not_first_person():
    text = (
        "وكان رئيس الوزراء، نبيل حداد، أعلن، أمس الأحد، بدء تنفيذ الخطة. وقال نبيل إن الخطة ستنجح."
    )
    found = suggest_text(text, "2024-05-01")
    assert sorted(spans(found, text, "SPEAKER")) == ["رئيس الوزراء، نبيل حداد", "نبيل"]
    assert said_by(text) == [("الخطة ستنجح", "indirect", "نبيل")]


def test_a_body_that_acts_in_one_sentence_speaks_in_the_next_through_its_verb():
    text = (
        "وأصدرت محكمة الاستئناف حكمها في القضية أمس. "
        "وأوضحت أن المتهم سيبقى في السجن. "
        "افتتحت وزارة الصحة مستشفى جديدا في المدينة. "
        "وقالت إن المستشفى يضم مئتي سرير."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["محكمة الاستئناف", "وزارة الصحة"]
    assert said_by(text) == [
        ("المتهم سيبقى في السجن", "indirect", "محكمة الاستئناف"),
        ("المستشفى يضم مئتي سرير", "indirect", "وزارة الصحة"),
    ]


def test_an_acting_official_keeps_his_apposed_name_and_leaves_out_the_adjunct():
    text = (
        "زار رئيس الوزراء، خالد العمري، المصنع الجديد صباح اليوم. "
        "وقال إن المصنع سيوفر ألف وظيفة. "
        "وشارك الرئيس التونسي قيس سعيد في القمة. "
        "وأكد أن بلاده تدعم الحل السلمي."
    )
    assert said_by(text) == [
        ("المصنع سيوفر ألف وظيفة", "indirect", "رئيس الوزراء، خالد العمري"),
        ("بلاده تدعم الحل السلمي", "indirect", "الرئيس التونسي قيس سعيد"),
    ]


def test_the_subject_of_kana_qad_speaks_through_a_later_subjectless_verb():
    text = "وكان المدرب سامي العلي قد غادر الفريق الشهر الماضي. وأعلن أنه لن يعود إلى التدريب."
    assert said_by(text) == [("لن يعود إلى التدريب", "indirect", "المدرب سامي العلي")]


def test_an_actor_of_the_other_gender_does_not_take_the_words():
    text = (
        "وأصدرت المحكمة الإدارية قرارها أمس. وقال المحامي إن القرار نهائي. وأكد أن موكله سيستأنف."
    )
    assert said_by(text) == [
        ("القرار نهائي", "indirect", "المحامي"),
        ("موكله سيستأنف", "indirect", "المحامي"),
    ]


def test_a_name_set_off_after_the_place_of_a_post_belongs_to_the_source():
    text = (
        "وأوضح ممثل منظمة الصحة العالمية في الأردن، مارك لوران، أن الوضع الصحي مستقر. "
        "وقال الوزير في القاهرة، إن المحادثات مثمرة."
    )
    assert said_by(text) == [
        (
            "الوضع الصحي مستقر",
            "indirect",
            "ممثل منظمة الصحة العالمية في الأردن، مارك لوران",
        ),
        ("المحادثات مثمرة", "indirect", "الوزير"),
    ]


def test_a_title_set_off_after_a_name_belongs_to_the_source():
    text = "وقال جون سميث، الباحث في قسم الفيزياء في جامعة أكسفورد البريطانية، إن النتائج مشجعة."
    assert said_by(text) == [
        (
            "النتائج مشجعة",
            "indirect",
            "جون سميث، الباحث في قسم الفيزياء في جامعة أكسفورد البريطانية",
        )
    ]


def test_the_body_a_named_source_comes_from_belongs_to_the_source():
    text = "وقال الدكتور جون سميث من جامعة أكسفورد إن النتائج مشجعة."
    assert said_by(text) == [("النتائج مشجعة", "indirect", "الدكتور جون سميث من جامعة أكسفورد")]


def test_a_remark_without_an_after_a_comma_is_the_narrators():
    text = "وقال مصدر في الوزارة إن المفاوضات استمرت ثلاث ساعات، دون أن يكشف عن نتائجها."
    assert said_by(text) == [("المفاوضات استمرت ثلاث ساعات", "indirect", "مصدر في الوزارة")]


def test_an_appeal_participle_ends_the_statement_even_without_a_comma():
    text = "وأكد الوزير أن المياه صالحة للشرب داعيا المواطنين إلى ترشيد الاستهلاك خلال الصيف."
    assert said_by(text) == [
        ("المياه صالحة للشرب", "indirect", "الوزير"),
        ("ترشيد الاستهلاك خلال الصيف", "indirect", "الوزير"),
    ]


def test_a_verb_whose_subject_opens_a_reported_clause_stays_inside_it():
    text = (
        "وأوضح خبير الأرصاد أن النماذج العددية تشير إلى أن الأمطار ستهطل غدا. "
        "وقال الوزير إن الرئيس أبلغ الوفد بأن الانتخابات ستجري في موعدها."
    )
    assert [q for q, _, _ in said_by(text)] == [
        "النماذج العددية تشير إلى أن الأمطار ستهطل غدا",
        "الرئيس أبلغ الوفد بأن الانتخابات ستجري في موعدها",
    ]


def test_a_verb_inside_a_reported_clause_set_off_by_an_occasion_stays_inside_it():
    text = (
        "وأوضح المتنبئ، في تصريح صحفي، أن صور الأقمار الصناعية تشير إلى أن العاصفة "
        "ستضعف مساء الجمعة."
    )
    assert said_by(text) == [
        (
            "صور الأقمار الصناعية تشير إلى أن العاصفة ستضعف مساء الجمعة",
            "indirect",
            "المتنبئ",
        )
    ]


def test_a_call_on_the_international_community_is_the_speakers_appeal():
    text = (
        "وقال ممثل المنظمة إن الأطفال يعانون من سوء التغذية. "
        "ودعا المجتمع الدولي للتحرك العاجل لإنقاذهم."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["ممثل المنظمة"]
    assert said_by(text) == [
        ("الأطفال يعانون من سوء التغذية", "indirect", "ممثل المنظمة"),
        ("لتحرك العاجل لإنقاذهم", "indirect", "ممثل المنظمة"),
    ]


def test_a_quoted_surname_before_an_occasion_is_the_subject():
    text = (
        "وقال الناطق باسم الشرطة سامر الخطيب إن الطرق مغلقة. "
        'وذكر "الخطيب" في تصريح صحفي اليوم أن الدوريات انتشرت. '
        'وأشار "الخطيب" إلى أن الوضع هادئ.'
    )
    assert said_by(text) == [
        ("الطرق مغلقة", "indirect", "الناطق باسم الشرطة سامر الخطيب"),
        ("الدوريات انتشرت", "indirect", "الخطيب"),
        ("الوضع هادئ", "indirect", "الخطيب"),
    ]


def test_the_verb_of_a_relative_clause_speaks_for_the_body_before_the_relative():
    text = (
        "وعقد اللقاء على هامش اجتماع لمجلس السلم التابع للاتحاد الإفريقي والذي دعا الطرفين "
        "إلى وقف القتال فورا. "
        "وأشاد الوزير بدور المنظمة الدولية التي أكدت أن المساعدات ستصل قريبا."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == [
        "مجلس السلم التابع للاتحاد الإفريقي",
        "المنظمة الدولية",
    ]
    assert said_by(text) == [
        ("وقف القتال فورا", "indirect", "مجلس السلم التابع للاتحاد الإفريقي"),
        ("المساعدات ستصل قريبا", "indirect", "المنظمة الدولية"),
    ]


def test_a_noun_spelled_like_a_verb_after_and_in_a_title_line_is_no_frame():
    text = (
        "الاتحاد الأوروبي وطالب اللجوء: قصة رحلة طويلة\n"
        "قال مسؤول في المفوضية إن الطلبات تضاعفت هذا العام."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["مسؤول في المفوضية"]
    assert said_by(text) == [("الطلبات تضاعفت هذا العام", "indirect", "مسؤول في المفوضية")]


def test_a_body_put_before_its_verb_in_a_clause_joined_by_wa_speaks():
    text = "مقتل خمسة أشخاص في انفجار بالعاصمة والشرطة تؤكد أن التحقيق مستمر"
    assert said_by(text) == [("التحقيق مستمر", "indirect", "الشرطة")]


def test_a_source_named_again_in_full_as_an_actor_is_the_nearest_mention():
    text = (
        "وأكدت وزارة الزراعة أن المحصول وفير. "
        "وعبرت وزارة الزراعة عن قلقها من الجفاف. "
        "وقالت إن الأمطار تأخرت."
    )
    found = suggest_text(text, "2024-05-01")
    speakers = [p for p in found.proposals if p.label == "SPEAKER"]
    assert [text[p.start : p.end] for p in speakers] == ["وزارة الزراعة", "وزارة الزراعة"]
    quote = next(i for i, p in enumerate(found.proposals) if p.label == "QUOTE" and p.start > 60)
    linked = next(k.child for k in found.links if k.head == quote and k.label == "said_by")
    assert found.proposals[linked].start == text.index("وزارة الزراعة عن")


def test_an_apposed_name_after_a_long_title_is_kept_whatever_its_last_word():
    text = (
        "زار رئيس حكومة الوحدة الوطنية، عبد الحميد الدبيبة، مساء الأحد، المصنع الجديد. "
        "وقال إن المصنع سيفتتح قريبا."
    )
    assert said_by(text) == [
        (
            "المصنع سيفتتح قريبا",
            "indirect",
            "رئيس حكومة الوحدة الوطنية، عبد الحميد الدبيبة",
        )
    ]


def test_a_definite_verbal_noun_after_the_body_is_the_object_of_its_announcement():
    text = (
        "أعلنت وزارة الداخلية القبض على عصابة لتهريب السيارات. "
        "وتوقع المركز الوطني للأرصاد ارتفاع درجات الحرارة."
    )
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["وزارة الداخلية", "المركز الوطني للأرصاد"]


def test_first_person_words_after_a_reporting_participle_are_a_direct_quote():
    text = (
        "وقالت الوزيرة إن الخطة جاهزة، مضيفة سنبدأ التطعيم الأسبوع المقبل. "
        "وقال المدرب إن الفريق جاهز مؤكدا نحن قادرون على الفوز."
    )
    assert said_by(text) == [
        ("الخطة جاهزة", "indirect", "الوزيرة"),
        ("سنبدأ التطعيم الأسبوع المقبل", "direct", "الوزيرة"),
        ("الفريق جاهز", "indirect", "المدرب"),
        ("نحن قادرون على الفوز", "direct", "المدرب"),
    ]


def test_an_attribution_after_the_clause_may_be_followed_by_its_time():
    text = (
        "وارتفع عدد الناجحين في الامتحانات إلى 50 ألف تلميذ، وفق ما أعلن عنه وزير التربية "
        "سامي العلي، اليوم الخميس."
    )
    assert said_by(text) == [
        (
            "ارتفع عدد الناجحين في الامتحانات إلى 50 ألف تلميذ",
            "indirect",
            "وزير التربية سامي العلي",
        )
    ]


def test_the_name_ali_inside_a_full_name_is_no_preposition():
    text = "وقال وزير النقل حسين علي الجبوري إن الطريق سيفتح."
    assert said_by(text) == [("الطريق سيفتح", "indirect", "وزير النقل حسين علي الجبوري")]
    text = "وأكد الوزير أحمد على أن الطريق آمن."
    assert said_by(text) == [("الطريق آمن", "indirect", "الوزير أحمد")]


def test_the_team_a_named_researcher_comes_from_belongs_to_the_source_a_city_does_not():
    text = 'وقالت ماريا شميت من فريق الباحثين "استطعنا تحديد المواد بدقة".'
    assert said_by(text) == [("استطعنا تحديد المواد بدقة", "direct", "ماريا شميت من فريق الباحثين")]
    text = "وقال سامي داود من القاهرة إن الوضع هادئ."
    assert said_by(text) == [("الوضع هادئ", "indirect", "سامي داود")]


def test_what_a_body_stands_for_after_its_participle_belongs_to_it():
    text = "وطالبت المنظمات الدولية المدافعة عن حقوق الإنسان بإطلاق سراح المعتقلين."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["المنظمات الدولية المدافعة عن حقوق الإنسان"]
    text = "وأعلنت الوزارة المختصة عن إطلاق حملة جديدة للتلقيح."
    found = suggest_text(text, "2024-05-01")
    assert spans(found, text, "SPEAKER") == ["الوزارة المختصة"]
