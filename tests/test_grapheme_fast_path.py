"""The local boundary check must agree with full-text segmentation everywhere."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import _PLAIN, grapheme_boundaries, is_grapheme_boundary

TRICKY = [
    *"ab \n\r\u064e\u0651\u0627\u0644\u0644\u0647\u200d\u200c\u0600\u0301",
    "\U0001f469",
    "\U0001f3fd",
    "\U0001f1e6",
    "\U0001f1e8",
    "\U000e0041",
    "\u1100",
    "\u1161",
    "\u0915",
    "\u094d",
    "\ufe0f",
    "\U0001d538",
    *'.,"\u060c\u00ab\u00bb\u201d\u2026\u00a0\u0640\u0661',
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(TRICKY) | st.characters(), max_size=40).map("".join))
def test_local_check_matches_full_segmentation(text):
    full = grapheme_boundaries(text)
    for offset in range(len(text) + 1):
        assert is_grapheme_boundary(text, offset) == (offset in full), (text, offset)


def test_no_two_plain_characters_form_one_cluster():
    """The shortcut for a span end between two plain characters (a letter before a full stop,
    a comma, a closing quote): every pair of them is split by full segmentation too, after
    any character (the rules that look further back need a mark, joiner or emoji after)."""
    plain = sorted(_PLAIN)
    for lead in ("", "a", "\u0628\u064e", "\U0001f469\u200d", "\U0001f1e6", "\u0915\u094d"):
        for before in plain:
            text = lead + before
            cut = len(text)
            for after in plain:
                assert cut in grapheme_boundaries(text + after), (text, after)
