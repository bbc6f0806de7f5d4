"""The "not finished yet" banner shown above the article before a document is marked done.

Non-modal on purpose: the annotator sees what the schema's rules miss, can fix it right there,
or confirms with the button or a second Ctrl+Enter. Nothing blocks keyboard work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from annotator.core.checks import Missing
from annotator.gui.actions import attribute_title, label_title
from annotator.gui.plain import shorten


class DoneChecksBanner(QFrame):
    confirmed = Signal()
    dismissed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("doneChecks")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#doneChecks { background: #fff4ce; }")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("doneChecksList")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        anyway = QPushButton(self.tr("Mark done anyway"))
        anyway.setObjectName("markDoneAnyway")
        keep = QPushButton(self.tr("Keep working"))
        keep.setObjectName("keepWorking")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(keep)
        buttons.addWidget(anyway)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        anyway.clicked.connect(self.confirmed)
        keep.clicked.connect(self.dismissed)
        self.hide()

    def show_missing(self, missing: list[Missing], text: str) -> None:
        """List each unmet rule with the span's label and (shortened) text from ``text``."""
        lines = []
        for item in missing:
            label = label_title(item.span.label)
            quoted = shorten(text[item.span.start : item.span.end], 40)
            if item.kind == "relation":
                line = self.tr("{label} “{text}” has no speaker linked")
            else:
                line = self.tr("{label} “{text}”: {name} is missing")
            lines.append(line.format(label=label, text=quoted, name=attribute_title(item.name)))
        self.summary.setText(
            self.tr(
                "%n thing(s) missing. Ctrl+Enter again marks the document done.", "", len(lines)
            )
        )
        self.details.setText("\n".join(f"• {line}" for line in lines))
        self.show()
