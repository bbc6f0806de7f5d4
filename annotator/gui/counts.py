"""Counted nouns ("1 document", "2 documents") in the interface language's plural forms.

Qt picks the form from the number (English has two, Arabic six); the English forms come from
``annotator_en.ts`` like the Arabic ones from ``annotator_ar.ts``. ``self.tr(text, "", n)`` is
the call pyside6-lupdate recognises as a plural message.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counts(QObject):
    def documents(self, n: int) -> str:
        return self.tr("%n document(s)", "", n)

    def spans(self, n: int) -> str:
        return self.tr("%n span(s)", "", n)

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)


_COUNTS: Counts | None = None


def counts() -> Counts:
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = Counts()
    return _COUNTS
