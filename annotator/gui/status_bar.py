"""A status bar whose long messages end in an ellipsis at their logical end.

Qt draws a status message clipped to the room beside the permanent widgets; in the Arabic
interface a long message then loses its start or middle, depending on how its direction runs
are ordered, with nothing to say that text is missing. Messages are elided at the logical end
of the text instead (what a reader reaches last), while ``currentMessage`` still gives the
whole message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QWidget

# Room Qt keeps around the message (its margins and the size grip), in pixels.
MESSAGE_MARGIN = 24


class ElidingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""

    def showMessage(self, message: str, timeout: int = 0) -> None:
        self._whole = message
        super().showMessage(self._elided(message), timeout)

    def currentMessage(self) -> str:
        """The whole message shown now ("" once it timed out or was cleared)."""
        return self._whole if super().currentMessage() else ""

    def shown_message(self) -> str:
        """What is drawn: the message, elided to fit."""
        return super().currentMessage()

    def message_width(self) -> int:
        """The pixels a message may take: the bar minus its permanent widgets."""
        taken = sum(
            child.width()
            for child in self.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isVisible() and child is not self.findChild(QWidget, "qt_sizegrip")
        )
        return max(0, self.width() - taken - MESSAGE_MARGIN)

    def _elided(self, message: str) -> str:
        return self.fontMetrics().elidedText(
            message, Qt.TextElideMode.ElideRight, self.message_width()
        )
