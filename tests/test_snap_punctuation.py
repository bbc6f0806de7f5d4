"""Snapping leaves the sentence's punctuation and unpaired marks out of a span's edges
(guidelines section 0), and keeps a mark the span opens and closes (section 1, mixed quotes)."""

from __future__ import annotations

import pytest

from annotator.arabic.words import snap_selection, trim_edges


def snapped(text: str, selected: str) -> str:
    start = text.index(selected)
    found = snap_selection(text, start, start + len(selected), whole_words=True)
    assert found is not None
    return text[found[0] : found[1]]


@pytest.mark.parametrize(
    ("text", "selected", "kept"),
    [
        ("وقال فياض، رئيس الوفد", "فياض،", "فياض"),
        ("وزير خارجية لبنان: الاجتماع", "لبنان:", "لبنان"),
        ("هل انتهى؟ قال", "انتهى؟", "انتهى"),
        ("بلادها؛ وقوات", "بلادها؛", "بلادها"),
        ("said Smith, then", "Smith,", "Smith"),
        ("the end. Next", "end.", "end"),
        ("«بيلتا» للأنباء", "«بيلتا", "بيلتا"),
        ("وكالة «بيلتا» للأنباء", "بيلتا» ", "بيلتا"),
        ("(الأمم المتحدة) قالت", "(الأمم المتحدة)", "(الأمم المتحدة)"),
        ("وتابع «ستتمثل هناك».", "«ستتمثل هناك».", "ستتمثل هناك"),
        ("قامت بـ«تحييد عشرات» خلال", "قامت بـ«تحييد عشرات»", "قامت بـ«تحييد عشرات»"),
        ('حيث "تمت الإشارة" و"هنا".', 'تمت الإشارة" و"هنا"', 'تمت الإشارة" و"هنا'),
        ("في 14 مارس 2024.", "14 مارس 2024.", "14 مارس 2024"),
        ("الساعة 10:30، صباحا", "10:30،", "10:30"),
    ],
)
def test_snapping_trims_punctuation_and_unpaired_marks(text, selected, kept):
    assert snapped(text, selected) == kept


def test_exact_tagging_keeps_what_was_selected():
    text = "وقال فياض، رئيس"
    start = text.index("فياض،")
    assert snap_selection(text, start, start + 5, whole_words=False) == (start, start + 5)


def test_only_punctuation_trims_to_nothing():
    assert trim_edges("، .", 0, 3) == (3, 3)
