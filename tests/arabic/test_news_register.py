"""Attribution as Arab news writes it in every region: the wider vocabulary of saying,
"according to what X reported", relayed sources and unnamed plural sources.

The sentences are written for these tests in the register of Gulf, Levantine, Maghreb,
Egyptian and Iraqi news; none is copied from the corpora the rules are measured on.
"""

import pytest

from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import dates, said_by, spans

CONTENT = "عدد الضحايا بلغ 12 شخصا"


@pytest.mark.parametrize(
    "verb",
    ["أوردت", "شرح", "ألمح", "استبعد", "أصر", "تعهد", "جزم", "أجاب", "أوصى", "روى", "وعد"],
)
def test_further_verbs_of_saying_report_a_complement_clause(verb):
    text = f"و{verb} وزير الداخلية أن {CONTENT} في الحادث."
    assert said_by(text) == [(f"{CONTENT} في الحادث", "indirect", "وزير الداخلية")]


def test_estimated_reports_a_clause_only():
    text = (
        "وقدر الخبير الاقتصادي أن الخسائر تتجاوز 3 مليارات دولار. وقدر عدد المشاركين بنحو ألف شخص."
    )
    assert said_by(text) == [("الخسائر تتجاوز 3 مليارات دولار", "indirect", "الخبير الاقتصادي")]
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "CLAIM")[-1] == "قدر عدد المشاركين بنحو ألف شخص"


def test_a_verb_told_with_its_addressee_first_still_reports():
    text = "وأخبر رئيس البعثة الصحفيين أن الانتخابات ستجرى في موعدها."
    assert said_by(text) == [("الانتخابات ستجرى في موعدها", "indirect", "رئيس البعثة")]


@pytest.mark.parametrize(
    "participle", ["مستدركا", "مستبعدا", "متعهدا", "مذكرا", "ملمحا", "معقبا", "مختتما"]
)
def test_further_participles_open_a_second_statement_of_the_same_speaker(participle):
    text = f"وقال وزير المالية إن الموازنة جاهزة، {participle} أن الضرائب لن ترتفع هذا العام."
    assert said_by(text) == [
        ("الموازنة جاهزة", "indirect", "وزير المالية"),
        ("الضرائب لن ترتفع هذا العام", "indirect", "وزير المالية"),
    ]


def test_recalling_a_document_is_no_claim_but_the_statement_before_it_is():
    text = "وقال المبعوث الأممي إن الحوار سيستأنف الشهر المقبل، مذكرا بقرار مجلس الأمن 2254."
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "CLAIM") == ["الحوار سيستأنف الشهر المقبل"]
    assert spans(found, text, "SPEAKER") == ["المبعوث الأممي"]


@pytest.mark.parametrize(
    ("opening", "source"),
    [
        ("ووفقا لما ذكرته صحيفة الرياض", "صحيفة الرياض"),
        ('وفق ما أوردته صحيفة "الوطن" الكويتية', 'صحيفة "الوطن" الكويتية'),
        ("وبحسب ما نقلته قناة الميادين", "قناة الميادين"),
    ],
)
def test_according_to_what_a_paper_reported_names_the_paper(opening, source):
    text = f"{opening}، فإن مجلس النواب سيناقش مشروع القانون الأسبوع المقبل."
    assert said_by(text) == [
        ("مجلس النواب سيناقش مشروع القانون الأسبوع المقبل", "indirect", source)
    ]


def test_an_agency_that_relays_inside_an_attribution_is_not_the_source():
    text = "وحسبما نقلت وكالة رويترز عن مسؤول أمني عراقي، فإن الهجوم استهدف قاعدة عين الأسد."
    assert said_by(text) == [("الهجوم استهدف قاعدة عين الأسد", "indirect", "مسؤول أمني عراقي")]
    text = "وأسفر القصف عن مقتل 4 مدنيين، وفق ما نقلته وكالة الأنباء عن مصدر طبي."
    assert said_by(text) == [("أسفر القصف عن مقتل 4 مدنيين", "indirect", "مصدر طبي")]


def test_quoting_after_naqlan_an_is_an_attribution_not_a_verb():
    text = "ونقلا عن مصادر أمنية، اعتقلت الشرطة خمسة مشتبه بهم في مدينة طرابلس."
    assert said_by(text) == [
        ("اعتقلت الشرطة خمسة مشتبه بهم في مدينة طرابلس", "indirect", "مصادر أمنية")
    ]


@pytest.mark.parametrize(
    "source", ["تقارير إعلامية", "ناشطون سوريون", "سكان محليون", "أوساط سياسية", "مراقبون"]
)
def test_unnamed_plural_sources_are_speakers(source):
    text = f"وذكر {source} أن القصف استهدف حي الشيخ مقصود فجر اليوم."
    assert said_by(text) == [("القصف استهدف حي الشيخ مقصود فجر اليوم", "indirect", source)]


def test_the_speakers_own_statement_as_object_is_no_part_of_the_speaker():
    text = "وختم وزير الشباب تصريحه بالقول إن الحكومة ستواصل دعم الأندية."
    assert said_by(text) == [("الحكومة ستواصل دعم الأندية", "indirect", "وزير الشباب")]
    text = "واختتمت المديرة كلمتها بالتأكيد على أن المهرجان سيقام سنويا."
    assert said_by(text) == [("المهرجان سيقام سنويا", "indirect", "المديرة")]


def test_a_reporting_frame_before_a_colon_is_not_a_headline_source():
    text = 'واستهل الرئيس خطابه بالقول: "نحن أمام مرحلة جديدة من البناء".'
    assert said_by(text) == [("نحن أمام مرحلة جديدة من البناء", "direct", "الرئيس")]


def test_an_appeal_coordinated_after_a_statement_is_said_by_the_same_speaker():
    text = "وقال النائب إن الحكومة فشلت في إدارة الأزمة، وطالب بمحاسبة المسؤولين عنها."
    assert said_by(text) == [
        ("الحكومة فشلت في إدارة الأزمة", "indirect", "النائب"),
        ("محاسبة المسؤولين عنها", "indirect", "النائب"),
    ]
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "CLAIM") == ["الحكومة فشلت في إدارة الأزمة"]  # an appeal: none
    text = "وقالت الخارجية في بيانها إن القصف يخالف القانون الدولي، ودعت المجتمع الدولي إلى التدخل."
    assert said_by(text) == [
        ("القصف يخالف القانون الدولي", "indirect", "الخارجية"),
        ("التدخل", "indirect", "الخارجية"),
    ]


def test_an_appeal_without_a_preposition_after_its_addressee():
    text = "وناشد محافظ البصرة المواطنين ترشيد استهلاك المياه خلال فصل الصيف."
    assert said_by(text) == [("ترشيد استهلاك المياه خلال فصل الصيف", "indirect", "محافظ البصرة")]


def test_ali_after_a_title_is_a_name_even_where_the_text_never_spells_alef_maqsura():
    text = "وأعلن المتحدث باسم الجيش العميد علي قانصو، في مؤتمر صحفي، أن الجيش أوقف 15 شخصا."
    assert said_by(text) == [
        ("الجيش أوقف 15 شخصا", "indirect", "المتحدث باسم الجيش العميد علي قانصو")
    ]


def test_a_statement_issued_speaks_for_its_issuer():
    text = (
        "وأصدرت وزارة الخارجية بيانا أكدت فيه أن السفير سيعود إلى عمله الأسبوع المقبل. "
        "وجاء في البيان أن المملكة تحتفظ بحقها في الرد."
    )
    assert said_by(text) == [
        ("السفير سيعود إلى عمله الأسبوع المقبل", "indirect", "وزارة الخارجية"),
        ("المملكة تحتفظ بحقها في الرد", "indirect", "وزارة الخارجية"),
    ]


def test_it_came_in_a_statement_without_an_issuer_met_before_is_the_narrators():
    text = "وجاء في التقرير أن نسبة البطالة ارتفعت إلى 14 في المئة خلال العام الماضي."
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "QUOTE") == []
    assert spans(found, text, "CLAIM") == [
        "جاء في التقرير أن نسبة البطالة ارتفعت إلى 14 في المئة خلال العام الماضي"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وتقام فعاليات المعرض في الفترة من 10 إلى 15 مارس في مركز الشارقة.",
            [("10", "DATE", "2024-03-10"), ("15 مارس", "DATE", "2024-03-15")],
        ),
        (
            "وتستمر حملة التلقيح بين 1 و 10 أبريل في جميع المحافظات.",
            [("1", "DATE", "2024-04-01"), ("10 أبريل", "DATE", "2024-04-10")],
        ),
        (
            "وانعقدت الدورة التدريبية 10-15 آذار 2023 في عمان.",
            [("10", "DATE", "2023-03-10"), ("15 آذار 2023", "DATE", "2023-03-15")],
        ),
    ],
)
def test_the_first_day_of_a_range_takes_the_month_written_after_the_second(text, expected):
    assert dates(text, "2024-03-12") == expected


def test_a_range_of_counts_before_a_month_is_no_date():
    text = "وارتفع عدد المصابين من 10 إلى 15 مصابا في مارس الماضي."
    assert dates(text, "2024-03-12") == [("مارس الماضي", "DATE", "2023-03")]


def test_a_name_whose_first_half_is_spelt_like_a_verb_of_saying_is_one_name():
    text = "واعتبر المحلل الاقتصادي أحمد ذكر الله أن قرار البنك المركزي خطوة متوقعة."
    assert said_by(text) == [
        ("قرار البنك المركزي خطوة متوقعة", "indirect", "المحلل الاقتصادي أحمد ذكر الله")
    ]
    text = "وقال الباحث مصطفى حسب الله إن الموسم الزراعي تأثر بالجفاف."
    assert said_by(text) == [("الموسم الزراعي تأثر بالجفاف", "indirect", "الباحث مصطفى حسب الله")]


def test_the_first_date_of_a_numeric_range_takes_the_year_written_after_the_second():
    text = "وتمتد حملة التطعيم من 1/7 إلى 15/7/2023 في جميع المحافظات."
    assert dates(text, "2024-03-12") == [
        ("1/7", "DATE", "2023-07-01"),
        ("15/7/2023", "DATE", "2023-07-15"),
    ]
    text = "وحصل المرشح على 3/4 من الأصوات في الدورة الثانية عام 2023."
    assert dates(text, "2024-03-12") == [("عام 2023", "DATE", "2023")]


def test_page_furniture_is_neither_a_source_nor_a_claim():
    text = (
        "ارتفاع أسعار الذهب في السوق المحلية خلال تعاملات اليوم\n"
        "آخر تحديث: الثلاثاء 12 مارس 2024 - 10:45 صباحًا\n"
        "ارتفعت أسعار الذهب في السوق المحلية بقيمة 15 جنيها للجرام.\n"
        "اقرأ أيضا: تراجع أسعار الدولار أمام الجنيه في البنوك المصرية\n"
        "وقال رئيس شعبة الذهب إن الطلب تراجع بنسبة 20% خلال الشهر الجاري.\n"
    )
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "SPEAKER") == ["رئيس شعبة الذهب"]
    assert spans(found, text, "CLAIM") == [
        "ارتفعت أسعار الذهب في السوق المحلية بقيمة 15 جنيها للجرام",
        "الطلب تراجع بنسبة 20% خلال الشهر الجاري",
    ]


def test_a_heading_that_opens_with_a_verbal_noun_is_no_claim_a_clause_heading_is():
    text = (
        "انطلاق فعاليات مهرجان الجنادرية بمشاركة 20 دولة عربية وأجنبية\n"
        "افتتح وزير الثقافة مساء أمس فعاليات المهرجان في الرياض بحضور كبير.\n"
    )
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "CLAIM") == [
        "افتتح وزير الثقافة مساء أمس فعاليات المهرجان في الرياض بحضور كبير"
    ]
    text = (
        "اتحاد الكرة يسمي المدرب الوطني مديرا فنيا للمنتخب الأولمبي\nوجاء القرار بعد اجتماع مطول.\n"
    )
    found = suggest_text(text, "2024-03-12")
    assert (
        spans(found, text, "CLAIM")[0]
        == "اتحاد الكرة يسمي المدرب الوطني مديرا فنيا للمنتخب الأولمبي"
    )


def test_an_unclosed_quotation_ends_where_the_writers_frame_resumes():
    text = (
        'وقال رئيس البلدية إن "المشروع سيكتمل قبل نهاية العام، مشيرا إلى أن '
        '"الأشغال تسير وفق الجدول المحدد".'
    )
    assert said_by(text) == [
        ("المشروع سيكتمل قبل نهاية العام", "direct", "رئيس البلدية"),
        ("الأشغال تسير وفق الجدول المحدد", "direct", "رئيس البلدية"),
    ]


def test_closed_marks_keep_a_participle_the_speaker_quoted_with_them():
    text = "وقال المدرب، “أنه يجب نسيان المباراة الماضية، مضيفا أن الفوز ضروري للتأهل”."
    assert said_by(text) == [
        ("أنه يجب نسيان المباراة الماضية، مضيفا أن الفوز ضروري للتأهل", "direct", "المدرب")
    ]


def test_a_long_occasion_between_the_speaker_and_the_complementizer():
    text = (
        "وأكد والي ولاية صفاقس في تصريح لإذاعة الجهة صباح اليوم الخميس على هامش زيارته "
        "الميدانية إلى المنطقة الصناعية بالمدينة أن الأشغال ستنطلق خلال الشهر المقبل."
    )
    assert said_by(text) == [("الأشغال ستنطلق خلال الشهر المقبل", "indirect", "والي ولاية صفاقس")]


@pytest.mark.parametrize(
    "medium", ["لرويترز", "لوكالة فرانس برس", "للجزيرة نت", "لسكاي نيوز عربية", "لـبي بي سي"]
)
def test_the_outlet_a_source_spoke_to_is_no_part_of_the_source(medium):
    text = f"وقال مسؤول في الخارجية الأمريكية {medium} إن المفاوضات وصلت إلى طريق مسدود."
    assert said_by(text) == [
        ("المفاوضات وصلت إلى طريق مسدود", "indirect", "مسؤول في الخارجية الأمريكية")
    ]


def test_as_the_source_put_it_after_the_clause_names_the_source():
    text = "وأصبح الوباء تحت السيطرة الكاملة، على حد تعبير المتحدث باسم وزارة الصحة."
    assert said_by(text) == [
        ("أصبح الوباء تحت السيطرة الكاملة", "indirect", "المتحدث باسم وزارة الصحة")
    ]


def test_the_party_or_province_a_member_sits_for_is_part_of_the_source():
    text = "وقال عضو البرلمان عن محافظة البصرة عدي عواد إن مياه الشرب ملوثة."
    assert said_by(text) == [
        ("مياه الشرب ملوثة", "indirect", "عضو البرلمان عن محافظة البصرة عدي عواد")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وكان الرئيس حينها في زيارة رسمية إلى الجزائر.", [("حينها", "DATE", "PAST_REF")]),
        ("وقبل قليل أعلنت الهيئة النتائج الأولية.", [("قبل قليل", "DATE", "PAST_REF")]),
        (
            "وخلال العقد الماضي تضاعف عدد سكان العاصمة.",
            [("العقد الماضي", "DURATION", "P10Y")],
        ),
        (
            "وشهدت المنطقة خلال العقود الماضية موجات جفاف متكررة.",
            [("العقود الماضية", "DATE", "PAST_REF")],
        ),
        (
            "وتبدأ الامتحانات في الأسبوع الأول من الشهر المقبل.",
            [("الأسبوع الأول من الشهر المقبل", "DATE", "2024-04")],
        ),
        (
            "ويعتكف المصلون في العشر الأواخر من الشهر الجاري.",
            [("العشر الأواخر من الشهر الجاري", "DATE", "2024-03")],
        ),
    ],
)
def test_more_timeml_references_and_parts_of_a_month(text, expected):
    assert dates(text, "2024-03-12") == expected


def test_a_day_of_a_month_stays_a_day_and_its_time_stays_in_place():
    text = "وتبدأ الامتحانات في الخامس من الشهر المقبل ويستمر التسجيل في وقتها المحدد."
    assert dates(text, "2024-03-12") == [("الخامس من الشهر المقبل", "DATE", "2024-04-05")]


def test_the_subject_of_an_opening_act_speaks_for_a_later_subjectless_verb():
    text = (
        "استقبل الرئيس التونسي قيس سعيد وزير الخارجية الفرنسي بقصر قرطاج. "
        "وأكد خلال اللقاء أن تونس ترفض أي تدخل في شؤونها الداخلية."
    )
    assert said_by(text) == [
        ("تونس ترفض أي تدخل في شؤونها الداخلية", "indirect", "الرئيس التونسي قيس سعيد")
    ]
    text = (
        "وترأس رئيس الوزراء الأردني بشر الخصاونة اجتماعا لمجلس الوزراء. "
        "وقال إن الحكومة ماضية في برنامج الإصلاح الاقتصادي."
    )
    assert said_by(text) == [
        (
            "الحكومة ماضية في برنامج الإصلاح الاقتصادي",
            "indirect",
            "رئيس الوزراء الأردني بشر الخصاونة",
        )
    ]


def test_a_source_met_before_keeps_its_mention_over_a_later_act():
    text = (
        "قال وزير الاقتصاد إن الخطة جاهزة. واستقبل الوزير نظيره الفرنسي في مكتبه. "
        "وأضاف أن التعاون بين البلدين مستمر."
    )
    found = suggest_text(text, "2024-03-12")
    assert spans(found, text, "SPEAKER") == ["وزير الاقتصاد"]
    assert said_by(text)[1] == ("التعاون بين البلدين مستمر", "indirect", "وزير الاقتصاد")


def test_a_subject_put_first_after_a_contrast_speaks_for_its_verb():
    text = "وتقول الحكومة إنها خفضت العجز، لكن المعارضة تقول إن الأرقام غير دقيقة."
    assert said_by(text) == [
        ("خفضت العجز", "indirect", "الحكومة"),
        ("الأرقام غير دقيقة", "indirect", "المعارضة"),
    ]
    text = "وقال الوزير إن العجز انخفض، بينما الخبراء يؤكدون أن الدين العام ارتفع."
    assert said_by(text) == [
        ("العجز انخفض", "indirect", "الوزير"),
        ("الدين العام ارتفع", "indirect", "الخبراء"),
    ]
