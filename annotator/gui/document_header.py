"""Above the article: its title and its publication date, which anchors relative dates."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from annotator.gui.plain import tooltip


class ElidedLabel(QLabel):
    """One line of plain text that ends in an ellipsis when it does not fit (at the text's
    logical end, whatever its direction); ``full_text`` keeps what was set."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_full_text(self, text: str) -> None:
        self.full_text = " ".join(text.split())
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            self.setText(shown)


class DocumentHeader(QWidget):
    """Emits ``published_edited`` with what the user typed ("" clears the date)."""

    published_edited = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("documentHeader")
        self.title = ElidedLabel()
        self.title.setObjectName("documentTitle")
        # One line whose size never moves the rest of the window: switching documents then
        # repaints the header and the article, not the whole layout. The tooltip has it all.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.published = QLineEdit()
        self.published.setObjectName("publishedEdit")
        self.published.setPlaceholderText("YYYY-MM-DD")
        self.published.setMaximumWidth(130)
        caption = QLabel(self.tr("Published:"))
        caption.setBuddy(self.published)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title, 1)
        layout.addWidget(caption)
        layout.addWidget(self.published)
        self._shown = ""
        self.published.editingFinished.connect(self._on_published_editing_finished)

    def show_document(self, title: str, published: str | None) -> None:
        self.title.set_full_text(title)
        self.title.setToolTip(tooltip(title))
        self._shown = published or ""
        self.published.setText(self._shown)

    def _on_published_editing_finished(self) -> None:
        value = self.published.text().strip()
        if value != self._shown:
            self.published_edited.emit(value)
