"""Counted nouns in the command line's English messages: "1 document", "2 documents".

The window counts through Qt's plural forms (``gui/counts.py``, with Arabic's six); the
command line speaks English only, where one is singular and every other number plural.
"""

from __future__ import annotations

# Nouns whose plural is not the singular plus "s".
_IRREGULAR = {"copy": "copies", "entity": "entities"}


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is one ("0 documents", "1 span", "5 layers")."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {_IRREGULAR.get(noun, noun + 's')}"
