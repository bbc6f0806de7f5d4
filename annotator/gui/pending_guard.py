"""Marking a document done while machine suggestions still wait for review.

Pending suggestions are not part of the annotator's layer, so a document marked done with
some left over silently loses whatever they would have added. Ctrl+Enter therefore asks first,
saying how many wait, with a button for each answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.gui.counts import counts

translate = QCoreApplication.translate
CONFIRM_NAME = "confirmDoneWithSuggestions"
DONE_ANYWAY = "markDoneAnyway"
REVIEW_THEM = "reviewSuggestions"


def done_despite_pending(parent: QWidget, pending: int) -> bool:
    """Ask whether to mark done with ``pending`` suggestions unreviewed; True to go ahead."""
    box = QMessageBox(parent)
    box.setObjectName(CONFIRM_NAME)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("PendingGuard", "Suggestions still pending"))
    box.setText(counts().suggestions_pending(pending))
    anyway = box.addButton(
        translate("PendingGuard", "Mark done anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    anyway.setObjectName(DONE_ANYWAY)
    review = box.addButton(
        translate("PendingGuard", "Review suggestions"), QMessageBox.ButtonRole.RejectRole
    )
    review.setObjectName(REVIEW_THEM)
    box.setDefaultButton(review)
    box.exec()
    return box.clickedButton() is anyway
