"""The cycle collector's pause while a long text is read is counted and restores what it found."""

import gc

from annotator.arabic.collector import collector_paused
from annotator.arabic.suggest import BLOCK_CHARS, suggest_text


def test_nested_pauses_switch_the_collector_back_on_only_when_the_last_ends():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_a_long_text_leaves_the_collector_on():
    paragraph = "وقال الوزير إن الحكومة ستفتح المعبر يوم 5 يناير.\n"
    text = paragraph * (BLOCK_CHARS // len(paragraph) + 2)
    found = suggest_text(text, "2024-05-01")
    assert len([p for p in found.proposals if p.label == "QUOTE"]) > BLOCK_CHARS // len(paragraph)
    assert gc.isenabled()
