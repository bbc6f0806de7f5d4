"""A scroll area that scrolls up and down only and is never narrower than what it holds.

Qt's QScrollArea hides its widget's minimum width from the layout around it: in a splitter,
the side column could then shrink until buttons are cut off on the right. This one reports
its widget's minimum width (plus the scroll bar's) and lets the height go down freely, which
is what the side column's form and notes need beside a review panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScroll(QScrollArea):
    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        held = self.widget()
        width = held.minimumSizeHint().width() if held is not None else 0
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(width + bar, super().minimumSizeHint().height())
