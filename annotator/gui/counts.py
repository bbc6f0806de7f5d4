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

    def matching(self, n: int) -> str:
        """Documents the list's search or status filter selects."""
        return self.tr("%n matching", "", n)

    def spans(self, n: int) -> str:
        return self.tr("%n span(s)", "", n)

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)

    def conflicts(self, n: int) -> str:
        return self.tr("%n conflict(s)", "", n)

    def suggestions(self, n: int) -> str:
        return self.tr("%n suggestion(s)", "", n)

    def suggestions_overlapping(self, n: int) -> str:
        return self.tr(
            "%n suggestion(s) overlap your own spans and were left for you to decide.", "", n
        )

    def suggestions_pending(self, n: int) -> str:
        return self.tr(
            "%n suggestion(s) in this document still wait for review. "
            "Marking it done leaves them out of your annotation.",
            "",
            n,
        )


_COUNTS: Counts | None = None


def counts() -> Counts:
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = Counts()
    return _COUNTS
