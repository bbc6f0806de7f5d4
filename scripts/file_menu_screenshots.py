"""Screenshots of the File menu and of an import in progress, for the README.

Run offscreen (``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/file_menu_screenshots.py``)
or under Xvfb; writes resources/screenshots/file-menu.png and import-progress.png.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtGui import QPainter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.app import open_workspace  # noqa: E402
from annotator.core.paths import seeds_dir  # noqa: E402
from annotator.formats import expand_paths, read_paths  # noqa: E402
from annotator.gui import create_window  # noqa: E402

OUT = ROOT / "resources" / "screenshots"


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    db = folder / "workspace.db"
    with open_workspace(db, "amal", create=True) as ws:
        ws.import_records(read_paths(expand_paths([seeds_dir()])))
    window = create_window(db, "amal")
    window.resize(1200, 760)
    window.show()
    settle()
    menu = window.file_menu
    menu.popup(window.mapToGlobal(QPoint(0, window.menuBar().height())))
    settle()
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(QPoint(0, window.menuBar().height()), menu.grab())
    painter.end()
    shot.save(str(OUT / "file-menu.png"))
    menu.close()

    many = folder / "articles.jsonl"
    with many.open("w", encoding="utf-8") as fh:
        for i in range(40000):
            fh.write(json.dumps({"text": f"مقال رقم {i} عن الاجتماع"}, ensure_ascii=False) + "\n")
    run = window.session.file_menu.import_paths([str(many)])
    loop = QEventLoop()
    taken: list[bool] = []

    def shoot(done: int) -> None:
        if taken or done < 8000:
            return
        taken.append(True)
        dialog = run.dialog
        dialog.setValue(done)
        shot = window.grab()
        painter = QPainter(shot)
        where = QPoint(
            (window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 3
        )
        painter.drawPixmap(where, dialog.grab())
        painter.end()
        shot.save(str(OUT / "import-progress.png"))
        run.job.cancel()

    run.job.progressed.connect(shoot)
    run.cancelled.connect(loop.quit)
    run.succeeded.connect(loop.quit)
    loop.exec()
    window.close()


if __name__ == "__main__":
    main()
