"""Files dropped onto the window are imported, exactly like File > Import articles…"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from annotator.gui.file_menu import FileMenu


def local_paths(event: QDropEvent) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class DropImport(QObject):
    """An event filter on the window (and its article view, which would take the drop as
    text): a drag of local files is accepted and the drop imported."""

    def __init__(self, window: QWidget, file_menu: FileMenu) -> None:
        super().__init__(window)
        self.file_menu = file_menu
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        for child in window.findChildren(QWidget, "articleView"):
            child.viewport().installEventFilter(self)  # type: ignore[attr-defined]
            child.setAcceptDrops(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if local_paths(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = local_paths(event)
            if paths:
                event.acceptProposedAction()
                self.file_menu.import_paths(paths)
                return True
        return super().eventFilter(watched, event)
