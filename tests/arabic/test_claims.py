from annotator.arabic.suggest import suggest_text
from tests.arabic.helpers import spans


def claims(text: str) -> dict[str, str]:
    found = suggest_text(text, "2022-01-13", ["CLAIM"])
    return {text[p.start : p.end]: p.attrs["checkworthy"] for p in found.proposals}


def test_quoted_statements_and_narrator_sentences_are_claims():
    text = (
        "قال وزير الصحة إن 120 شخصا أصيبوا في الحادث.\n"
        "وشهدت العاصمة احتجاجات واسعة على ارتفاع الأسعار يوم الأربعاء.\n"
        "اتصال هاتفي بين الرئيسين\n"
        "المصدر: وكالات"
    )
    found = claims(text)
    assert found["120 شخصا أصيبوا في الحادث"] == "yes"
    assert found["شهدت العاصمة احتجاجات واسعة على ارتفاع الأسعار يوم الأربعاء"] == "yes"
    assert len(found) == 2  # the heading and the source line are not claims


def test_opinion_without_figures_is_not_checkworthy():
    assert claims("وقال المعلق إن السياسة الحالية خاطئة تماما.") == {
        "السياسة الحالية خاطئة تماما": "no"
    }


def test_nominal_complement_of_a_reporting_verb_is_the_speakers_claim():
    text = "وأعلنت وزارة الصحة الفلسطينية، مساء أمس السبت، ارتفاع عدد الشهداء إلى 15."
    found = suggest_text(text, "2022-01-13")
    claim = next(p for p in found.proposals if p.label == "CLAIM")
    assert text[claim.start : claim.end] == "ارتفاع عدد الشهداء إلى 15"
    speaker_index = next(
        k.child for k in found.links if k.label == "claimed_by" and found.proposals[k.head] == claim
    )
    speaker = found.proposals[speaker_index]
    assert text[speaker.start : speaker.end] == "وزارة الصحة الفلسطينية"


def test_object_with_possessive_suffix_is_not_part_of_the_source():
    text = "وفي 3 مارس، أعلنت الحكومة التونسية استقالتها بعد أسابيع من الاحتجاجات."
    found = suggest_text(text, "2022-01-13")
    assert spans(found, text, "SPEAKER") == ["الحكومة التونسية"]
    assert all("استقالتها" not in speaker for speaker in spans(found, text, "SPEAKER"))


def test_expressive_acts_stay_narrator_claims():
    text = "وأعرب الرئيس عن شكره لنظيره الفرنسي على دعمه المتواصل."
    assert claims(text) == {"أعرب الرئيس عن شكره لنظيره الفرنسي على دعمه المتواصل": "no"}


def test_dateline_is_not_part_of_the_narrator_claim():
    text = "(رويترز - 5 مارس 2023) أعلن البنك المركزي رفع سعر الفائدة بنسبة 1% اليوم."
    found = claims(text)
    assert "بنسبة 1%" in next(iter(found))
    assert not next(iter(found)).startswith("(")


def test_participle_with_a_nominal_complement_is_the_speakers_claim():
    text = "قال الوزير إن الانسحاب بدأ، مؤكدا تسليم المواقع إلى الجيش خلال أسبوع."
    found = suggest_text(text, "2022-01-13")
    claim = next(
        p for p in found.proposals if p.label == "CLAIM" and text[p.start :].startswith("تسليم")
    )
    links = [k for k in found.links if k.label == "claimed_by" and found.proposals[k.head] == claim]
    speaker = found.proposals[links[0].child]
    assert text[speaker.start : speaker.end] == "الوزير"


def test_subject_between_kana_and_verb_with_apposition_commas():
    text = (
        "وكان رئيس الحكومة، عزيز أخنوش، أعلن، أمس الأربعاء، خلال لقاء بالرباط، إطلاق برنامج للدعم."
    )
    found = suggest_text(text, "2022-01-13")
    speakers = [text[p.start : p.end] for p in found.proposals if p.label == "SPEAKER"]
    assert speakers == ["رئيس الحكومة، عزيز أخنوش"]
    assert "إطلاق برنامج للدعم" in claims(text)
