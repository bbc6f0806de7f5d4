import pytest

from annotator.arabic.normalize import Folded
from annotator.arabic.suggest import suggest_text
from annotator.arabic.tokens import pair_quotes
from tests.arabic.helpers import said_by, spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال وزير الخارجية المصري سامح شكري، الأحد، إن بلاده ترفض أي تدخل خارجي.",
            ("بلاده ترفض أي تدخل خارجي", "indirect", "وزير الخارجية المصري سامح شكري"),
        ),
        (
            "وأكدت الناطقة باسم الحكومة الفرنسية أن الاجتماع سيعقد في باريس.",
            ("الاجتماع سيعقد في باريس", "indirect", "الناطقة باسم الحكومة الفرنسية"),
        ),
        (
            "ونقلت وكالة رويترز عن مسؤول أمني قوله إن 12 شخصا قتلوا في الانفجار.",
            ("12 شخصا قتلوا في الانفجار", "indirect", "مسؤول أمني"),
        ),
        (
            "وصرّح رئيس الوزراء العراقي للصحفيين: «لن نسمح بتكرار ما حدث».",
            ("لن نسمح بتكرار ما حدث", "direct", "رئيس الوزراء العراقي"),
        ),
        (
            "وبحسب المرصد السوري لحقوق الإنسان، فإن الغارات أسفرت عن مقتل 8 مدنيين.",
            ("الغارات أسفرت عن مقتل 8 مدنيين", "indirect", "المرصد السوري لحقوق الإنسان"),
        ),
        (
            'وشدد الأمين العام للحزب على أن المقاومة "جاهزة تماما" للرد على أي هجوم.',
            ('المقاومة "جاهزة تماما" للرد على أي هجوم', "mixed", "الأمين العام للحزب"),
        ),
        (
            "وكان رئيس الحكومة قد أكد أن الانتخابات ستجرى في موعدها.",
            ("الانتخابات ستجرى في موعدها", "indirect", "رئيس الحكومة"),
        ),
        (
            "وقالت المتحدثة باسم البيت الأبيض كارين جان بيير “إن واشنطن تراقب الوضع عن كثب”.",
            ("إن واشنطن تراقب الوضع عن كثب", "direct", "المتحدثة باسم البيت الأبيض كارين جان بيير"),
        ),
        (
            "وأفادت الشرطة المحلية بأن المشتبه به اعتقل فجر اليوم.",
            ("المشتبه به اعتقل فجر اليوم", "indirect", "الشرطة المحلية"),
        ),
    ],
)
def test_quote_kind_and_speaker(text, expected):
    assert expected in said_by(text)


def test_pronoun_drop_links_to_the_previous_speaker_mention():
    text = (
        "قال وزير الداخلية الأردني مازن الفراية إن الحدود آمنة.\n"
        "وأضاف: «لن نتهاون مع المهربين».\n"
        "وتابع الوزير قائلا: «الجيش يقوم بواجبه على أكمل وجه».\n"
        "وأوضح أن الدوريات تعمل ليلا ونهارا."
    )
    triples = said_by(text)
    assert ("لن نتهاون مع المهربين", "direct", "وزير الداخلية الأردني مازن الفراية") in triples
    assert ("الجيش يقوم بواجبه على أكمل وجه", "direct", "الوزير") in triples
    assert ("الدوريات تعمل ليلا ونهارا", "indirect", "الوزير") in triples


def test_participle_starts_a_new_quote_of_the_same_speaker():
    text = "وقال الوزير إن الموازنة جاهزة، مشيرا إلى أن العجز بلغ 5 مليارات دولار."
    assert said_by(text) == [
        ("الموازنة جاهزة", "indirect", "الوزير"),
        ("العجز بلغ 5 مليارات دولار", "indirect", "الوزير"),
    ]


def test_quote_across_a_line_break_and_nested_quotes():
    text = 'وقال المتحدث: «لن نقبل بما يسمى "الحل المؤقت"،\nولن نتراجع عن مطالبنا».'
    quotes = said_by(text)
    assert quotes == [
        ('لن نقبل بما يسمى "الحل المؤقت"،\nولن نتراجع عن مطالبنا', "direct", "المتحدث")
    ]


def test_reversed_curly_quotes_pair_by_context():
    text = "قال المسؤول ”الوضع تحت السيطرة تماما“ في تصريح."
    regions = pair_quotes(Folded.of(text))
    assert len(regions) == 1
    assert text[slice(*regions[0].content)] == "الوضع تحت السيطرة تماما"


@pytest.mark.parametrize(
    "text",
    [
        "يشار إلى أن الحكومة استقالت الشهر الماضي.",
        "ويذكر أن المنظمة تأسست عام 1992.",
        'انتشرت قوات "حفظ السلام" في العاصمة.',
        "وأعرب الرئيس عن شكره لنظيره الروسي.",
        "طالب جامعي يفوز بجائزة دولية للعلوم.",
        "ووصلت طائرة نقل عسكرية إلى المطار.",
    ],
)
def test_no_quote_without_a_named_source_and_reported_clause(text):
    text += "\nوقال الوزير إن الوضع مستقر."
    assert spans(suggest_text(text), text, "QUOTE") == ["الوضع مستقر"]


def test_medium_after_the_speaker_is_not_the_speaker():
    text = "أكد المتحدث العسكري وفق وكالة الأنباء الرسمية أن القوات أحكمت سيطرتها على المدينة."
    assert said_by(text) == [("القوات أحكمت سيطرتها على المدينة", "indirect", "المتحدث العسكري")]


def test_statement_issuer_speaks_not_the_statement():
    text = "وبحسب بيان صادر عن الرئاسة، التقى الرئيس وفدا من رجال الأعمال."
    assert said_by(text) == [("التقى الرئيس وفدا من رجال الأعمال", "indirect", "الرئاسة")]


def test_headline_source_colon_statement():
    text = "لافروف: المحادثات مع واشنطن وصلت إلى طريق مسدود\nنص الخبر هنا."
    assert said_by(text) == [("المحادثات مع واشنطن وصلت إلى طريق مسدود", "indirect", "لافروف")]


def test_mentions_of_one_source_share_an_entity():
    text = (
        "قال الرئيس الكازاخستاني قاسم جومارت توكاييف إن الوضع مستقر.\n"
        "وقالت وزارة الخارجية الروسية إن موسكو تدعم الحكومة.\n"
        "وأكد توكاييف أن القوات ستنسحب قريبا.\n"
        "وشدد الرئيس الكازاخستاني على أن الانقلاب فشل.\n"
        "وأضافت الوزارة أن الاتصالات مستمرة."
    )
    found = suggest_text(text)
    entities = {
        text[p.start : p.end]: p.attrs["entity"] for p in found.proposals if p.label == "SPEAKER"
    }
    full = "الرئيس الكازاخستاني قاسم جومارت توكاييف"
    assert entities["توكاييف"] == entities["الرئيس الكازاخستاني"] == full
    assert entities["الوزارة"] == "وزارة الخارجية الروسية"


def test_short_title_mention_is_not_joined_when_ambiguous():
    text = (
        "قال وزير الدفاع أحمد سالم إن الجيش جاهز.\n"
        "وقال وزير المالية علي حسن إن الموازنة جاهزة.\n"
        "وأكد الوزير أن الاجتماع انتهى."
    )
    found = suggest_text(text)
    entities = {
        text[p.start : p.end]: p.attrs["entity"] for p in found.proposals if p.label == "SPEAKER"
    }
    assert entities["الوزير"] == "الوزير"


def test_quoted_medium_name_before_the_colon_is_not_the_quote():
    text = 'وقال الخبير الاقتصادي عبد الرحمن مبتول لموقع "الشروق": إن نجاح الخطة مرهون بالري.'
    assert said_by(text) == [
        ("نجاح الخطة مرهون بالري", "direct", "الخبير الاقتصادي عبد الرحمن مبتول")
    ]


def test_but_she_demanded_ends_the_quote_and_object_is_not_the_speaker():
    text = (
        'قالت المنظمة الوطنية للفلاحين إن القرار "خطوة في الاتجاه الصحيح"، لكنها طالبت '
        "بتسريع صرف المستحقات.\n"
        "ونفى المتحدث باسم الديوان المهني للحبوب وجود أي نقص في المخزون."
    )
    assert said_by(text) == [
        ('القرار "خطوة في الاتجاه الصحيح"', "mixed", "المنظمة الوطنية للفلاحين")
    ]
    found = suggest_text(text)
    speakers = spans(found, text, "SPEAKER")
    assert "المتحدث باسم الديوان المهني للحبوب" in speakers
    assert "وجود أي نقص في المخزون" in spans(found, text, "CLAIM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«لن نقبل بأي حل يمس سيادتنا»، قال الرئيس اللبناني خلال استقباله وفدا أمريكيا.",
            ("لن نقبل بأي حل يمس سيادتنا", "direct", "الرئيس اللبناني"),
        ),
        (
            "ونقلت قناة الجزيرة عن شهود عيان أن انفجارين وقعا قرب المطار.",
            ("انفجارين وقعا قرب المطار", "indirect", "شهود عيان"),
        ),
        (
            "وصرح مصدر دبلوماسي لـ«الشرق الأوسط» بأن المحادثات ستستأنف قريبا.",
            ("المحادثات ستستأنف قريبا", "indirect", "مصدر دبلوماسي"),
        ),
        (
            'وكتب وزير الخارجية على منصة إكس: "الولايات المتحدة تقف إلى جانب شركائها".',
            ("الولايات المتحدة تقف إلى جانب شركائها", "direct", "وزير الخارجية"),
        ),
    ],
)
def test_more_attribution_patterns(text, expected):
    assert expected in said_by(text)


def test_a_phrase_in_quotes_followed_by_its_source_tail_is_not_a_claim():
    text = "وأعربت الوزارة عن دعمها لـ«جهود قيادة هذا البلد لإنهاء الاضطرابات» وفق تعبيرها."
    found = suggest_text(text)
    assert spans(found, text, "QUOTE") == ["جهود قيادة هذا البلد لإنهاء الاضطرابات"]
    assert "جهود قيادة هذا البلد لإنهاء الاضطرابات" not in spans(found, text, "CLAIM")


def test_quote_then_thus_commented_the_minister():
    text = "«نحن لا نملك عصا سحرية»، هكذا علق الوزير على أسئلة الصحفيين."
    assert said_by(text) == [("نحن لا نملك عصا سحرية", "direct", "الوزير")]


def test_mirrored_guillemets_are_paired():
    text = "وقال المتحدث »الوضع تحت السيطرة تماما« في تصريح مقتضب."
    assert said_by(text) == [("الوضع تحت السيطرة تماما", "direct", "المتحدث")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ارتفع عدد القتلى إلى 30، بحسب رويترز.",
            [("ارتفع عدد القتلى إلى 30", "indirect", "رويترز")],
        ),
        ("وبحسب تقديرات أولية، ارتفع عدد القتلى إلى 30.", []),
        ("ووفقا للشرطة، اعتقل المشتبه به فجرا.", [("اعتقل المشتبه به فجرا", "indirect", "شرطة")]),
    ],
)
def test_according_to_at_either_end_of_the_clause(text, expected):
    assert said_by(text) == expected


def test_verbal_noun_after_the_verb_is_the_object_not_the_source():
    text = (
        "بغداد تعلن إحباط هجوم إرهابي في الأنبار\n"
        "وأعلنت خلية الإعلام الأمني، الثلاثاء، إحباط هجوم كان يستهدف قاعدة جوية.\n"
        'وذكرت الخلية في بيان أن "القوات تمكنت من قتل ثلاثة مسلحين".'
    )
    found = suggest_text(text, "2024-10-15")
    speakers = {
        text[p.start : p.end]: p.attrs["entity"] for p in found.proposals if p.label == "SPEAKER"
    }
    assert speakers == {
        "خلية الإعلام الأمني": "خلية الإعلام الأمني",
        "الخلية": "خلية الإعلام الأمني",
    }
    assert ("القوات تمكنت من قتل ثلاثة مسلحين", "direct", "الخلية") in said_by(text)


def test_clause_final_source_with_a_short_modifier():
    text = "ومن المنتظر أن يغيب اللاعب عن المباراة المقبلة، وفقا لمصادر في النادي."
    assert said_by(text) == [
        ("من المنتظر أن يغيب اللاعب عن المباراة المقبلة", "indirect", "مصادر في النادي")
    ]


def test_a_stray_mark_does_not_swallow_the_article():
    paragraphs = ["وقال الوزير إن «الوضع مستقر تماما."] + ["نص خبر عادي عن الاقتصاد والطقس."] * 6
    paragraphs.append("وأكد المتحدث أن الاجتماع انتهى».")
    text = "\n".join(paragraphs)
    regions = pair_quotes(Folded.of(text))
    assert [text[slice(*r.content)] for r in regions] == ["الوضع مستقر تماما"]
    assert all(text.count("\n", r.open, r.close) <= 1 for r in regions)


def test_time_words_between_verb_and_source():
    text = "وقال اليوم الخميس رئيس الوزراء إن الحكومة ستستقيل."
    assert said_by(text) == [("الحكومة ستستقيل", "indirect", "رئيس الوزراء")]


def test_headline_title_joins_the_later_full_name():
    text = (
        "رئيس الوزراء: الحكومة ستطرح قانون الانتخابات للنقاش\n"
        "قال رئيس مجلس الوزراء المصري مصطفى مدبولي إن الدولة لن تتحمل أعباء إضافية."
    )
    found = suggest_text(text)
    entities = {
        text[p.start : p.end]: p.attrs["entity"] for p in found.proposals if p.label == "SPEAKER"
    }
    assert entities["رئيس الوزراء"] == "رئيس مجلس الوزراء المصري مصطفى مدبولي"


def test_quoted_company_name_inside_the_source_phrase():
    text = 'وقال كبير المحللين في شركة "إكسينيتي" هان تان: "المستثمرون يبحثون عن ملاذ آمن".'
    assert said_by(text) == [
        ("المستثمرون يبحثون عن ملاذ آمن", "direct", 'كبير المحللين في شركة "إكسينيتي" هان تان')
    ]


def test_abbreviated_title_does_not_end_the_sentence():
    text = "وقال د. محمد العريان إن الركود قادم."
    assert said_by(text) == [("الركود قادم", "indirect", "د. محمد العريان")]


def test_two_speakers_in_one_sentence():
    text = "وقال وزير الخارجية إن المحادثات مثمرة، فيما قال نظيره التركي إن الخلافات ما زالت قائمة."
    assert said_by(text) == [
        ("المحادثات مثمرة", "indirect", "وزير الخارجية"),
        ("الخلافات ما زالت قائمة", "indirect", "نظيره التركي"),
    ]


@pytest.mark.parametrize(
    "headline", ["سوريا: مقتل عشرة مدنيين في غارة جوية", "بالفيديو: لحظة انهيار المبنى في المدينة"]
)
def test_topic_headlines_are_not_quotes(headline):
    text = headline + "\nنص الخبر هنا.\nوقال الوزير إن الوضع مستقر."
    assert said_by(text) == [("الوضع مستقر", "indirect", "الوزير")]


def test_subjectless_verb_agrees_in_gender_with_its_source():
    text = (
        "قالت وزارة الصحة إن المستشفيات ممتلئة.\n"
        "وقال الوزير إن الإمدادات وصلت.\n"
        "وأضافت أن عدد الإصابات تراجع."
    )
    assert ("عدد الإصابات تراجع", "indirect", "وزارة الصحة") in said_by(text)


def test_quoted_fragment_followed_by_more_reported_words_is_mixed():
    text = 'وقال الوزير إن "الوضع صعب" لكن الحكومة ستتحرك بسرعة لمعالجته.'
    assert said_by(text) == [('"الوضع صعب" لكن الحكومة ستتحرك بسرعة لمعالجته', "mixed", "الوزير")]
