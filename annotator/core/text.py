"""The offsets contract: how document text is normalised and where spans may begin and end.

Offsets are Python ``str`` indices (code points). A span may not cut a grapheme cluster, so a
letter never loses its diacritics; extended grapheme clusters come from the ``regex`` module's
``\\X``, which follows Unicode's segmentation rules instead of a hand-made approximation.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

_GRAPHEME = regex.compile(r"\X")
# NUL ends strings in C tools and no article holds one; a lone surrogate is not a character at
# all (JSON's "\ud800" decodes to one) and cannot be encoded as UTF-8, so both are refused.
_FORBIDDEN = regex.compile("[\x00\ud800-\udfff]")


def normalize_text(raw: str) -> str:
    """Apply the three stored-text normalisations: drop a BOM, make line ends ``\\n``, NFC.

    Every leading U+FEFF goes, not just one, so that normalising is idempotent: a stored text
    that began with a second BOM would otherwise lose it on export and re-import.
    """
    return normalize_fragment(raw.lstrip("\ufeff"))


def normalize_fragment(raw: str) -> str:
    """Line ends and NFC only: for a piece of a text (a span's text), where a U+FEFF at its
    start is a character of the document, not a byte-order mark."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", raw)


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM); raises UnicodeDecodeError for anything else."""
    return data.decode("utf-8-sig")


def forbidden_character(text: str) -> tuple[int, str] | None:
    """The offset and a description of the first character no stored string may hold."""
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    char = match.group()
    what = "a NUL character" if char == "\x00" else f"a lone surrogate (U+{ord(char):04X})"
    return match.start(), what


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=64)
def grapheme_boundaries(text: str) -> frozenset[int]:
    """All offsets at which a span may start or end (0 and len(text) included)."""
    bounds = {m.end() for m in _GRAPHEME.finditer(text)}
    bounds.add(0)
    return frozenset(bounds)


def is_grapheme_boundary(text: str, offset: int) -> bool:
    """Whether a span may start or end at ``offset``.

    Segments only the stretch since the last space or line end, which is always a cluster
    boundary unless the next character is a mark that clings to the space: validating a span is
    then independent of the document's length (imports validate hundreds of thousands).
    """
    if offset in (0, len(text)):
        return True
    if not 0 < offset < len(text):
        return False
    before, after = text[offset - 1], text[offset]
    # Most spans start and end between a letter, a blank or a punctuation mark and another.
    if before in _PLAIN and after in _PLAIN:
        return True
    start = max(text.rfind(" ", 0, offset), text.rfind("\n", 0, offset)) + 1
    if start and not _starts_cluster(text[start]):
        return offset in grapheme_boundaries(text)
    if start == offset:
        return True
    for match in _GRAPHEME.finditer(text, pos=start, endpos=min(len(text), offset + 32)):
        if match.end() >= offset:
            return match.end() == offset
    return False


# Characters of Grapheme_Cluster_Break "Other" (or LF) that no rule joins to a neighbour of
# the same kind: printable ASCII, Arabic letters, digits and punctuation, the quotation marks
# and dashes of news text. Between two of them a cluster always ends (UAX #29, GB999), so
# most span ends (a letter before a full stop, a comma or a closing quote) need no segmenting.
_PLAIN = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0x0621, 0x064B)]  # Arabic letters and tatweel
    + [chr(c) for c in range(0x0660, 0x066D)]  # Arabic-Indic digits, percent and separators
    + [chr(c) for c in range(0x2010, 0x2028)]  # dashes, quotation marks, bullet, ellipsis
    + list("\n\u060c\u061b\u061f\u00ab\u00bb\u00a0")
)


def _starts_cluster(char: str) -> bool:
    """True for characters that never attach to a preceding space (not marks, joiners, ...)."""
    return not (
        unicodedata.category(char) in ("Mn", "Mc", "Me", "Cf", "Sk")
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or "\U000e0000" <= char <= "\U000e0fff"
    )


def remap_offset(raw: str, offset: int) -> int:
    """Where ``offset`` into un-normalised text lands once the text is normalised.

    Exact at grapheme boundaries, which is the only place a valid span may start or end.
    """
    return len(normalize_text(raw[:offset]))


def remap_exact(raw: str, text: str, offset: int) -> int | None:
    """``remap_offset`` for an offset given against ``raw`` (whose normalised form is
    ``text``), or None when a span may not start or end there: inside a cluster
    of the raw text (a letter and its decomposed marks, CR LF) or where normalisation merges
    the characters on both sides of it."""
    if not is_grapheme_boundary(raw, offset):
        return None
    prefix = normalize_text(raw[:offset])
    return len(prefix) if text.startswith(prefix) else None


class Utf16Offsets:
    """Converts between code-point offsets (the contract) and UTF-16 units (what Qt counts).

    Characters outside the BMP take two UTF-16 units; text without them needs no table.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # max() runs in C: most articles have no astral character and skip the scan.
        astral = (
            [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
            if text and max(text) > "\uffff"
            else []
        )
        self._astral = astral
        # For each astral character, its UTF-16 position, to map back by bisection.
        self._astral_units = [i + n for n, i in enumerate(astral)]

    def to_utf16(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, unit: int) -> int:
        """The code-point offset of a UTF-16 position; one inside a surrogate pair rounds up."""
        if not self._astral:
            return unit
        before = bisect_right(self._astral_units, unit - 1)
        offset = unit - before
        if before and self._astral_units[before - 1] + 1 == unit:
            offset = self._astral[before - 1] + 1
        return max(0, min(offset, self.length))
