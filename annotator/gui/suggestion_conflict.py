"""The question asked when a suggestion overlaps a span of the same label the annotator drew.

Accepting it silently would nest a second span of the same label inside the annotator's own,
which nobody wants and the reviewer would have to untangle. The annotator chooses instead:
replace mine (the suggestion takes the place of their spans, links included), keep mine (the
suggestion is rejected) or keep both (accepted as it is).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.model import Span
from annotator.gui.actions import label_title
from annotator.gui.plain import isolate, shorten

translate = QCoreApplication.translate


class OverlapChoice(Enum):
    REPLACE_MINE = "replace_mine"
    KEEP_MINE = "keep_mine"
    KEEP_BOTH = "keep_both"


def overlap_summary(suggestion: Span, own: list[Span], text: str) -> str:
    """One line naming the annotator's spans a suggestion overlaps (for the status bar)."""
    mine = ", ".join(isolate(shorten(text[s.start : s.end], 40)) for s in own)
    return translate("Suggestions", "conflicts with your {label}: {spans}").format(
        label=label_title(suggestion.label), spans=mine
    )


def ask_overlap(
    parent: QWidget, suggestion: Span, own: list[Span], text: str
) -> OverlapChoice | None:
    """Ask what to do with ``suggestion``; None when the annotator cancels."""
    box = QMessageBox(parent)
    box.setObjectName("overlapConflict")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Suggestions", "Suggestion overlaps your span"))
    box.setText(
        translate(
            "Suggestions", "The suggested {label} {suggested} overlaps {count} of your own."
        ).format(
            label=label_title(suggestion.label),
            suggested=isolate(shorten(text[suggestion.start : suggestion.end], 60)),
            count=len(own),
        )
    )
    box.setInformativeText(overlap_summary(suggestion, own, text))
    buttons = {}
    for choice, title, role in (
        (
            OverlapChoice.REPLACE_MINE,
            translate("Suggestions", "Replace mine"),
            QMessageBox.ButtonRole.AcceptRole,
        ),
        (
            OverlapChoice.KEEP_MINE,
            translate("Suggestions", "Keep mine"),
            QMessageBox.ButtonRole.RejectRole,
        ),
        (
            OverlapChoice.KEEP_BOTH,
            translate("Suggestions", "Keep both"),
            QMessageBox.ButtonRole.ActionRole,
        ),
    ):
        button = box.addButton(title, role)
        button.setObjectName(f"overlap_{choice.value}")
        buttons[button] = choice
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("overlap_cancel")
    box.setEscapeButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())
