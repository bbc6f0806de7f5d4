from PySide6.QtCore import Qt

from annotator.core.records import DocumentRecord
from annotator.gui import create_window


def test_window_lists_documents_and_shows_article_right_to_left(qtbot, db_path):
    from annotator.core.workspace import Workspace

    ws = Workspace(db_path)
    ws.import_records(
        [DocumentRecord(text="عنوان <b>عريض</b>\nنص <img src=x> هنا", path="m.txt", id="m")]
    )
    ws.close()
    window = create_window(db_path, "amal")
    qtbot.addWidget(window)
    documents = window.findChild(object, "documentList")
    article = window.findChild(object, "articleView")
    assert documents.model().rowCount() == 1
    assert article.isReadOnly()
    assert article.toPlainText() == "عنوان <b>عريض</b>\nنص <img src=x> هنا"
    assert article.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert article.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
