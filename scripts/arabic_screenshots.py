"""Screenshots of the Arabic interface: a menu with its shortcuts, the status bar with a
suggestion under review and a long message, and the review panel's conflict list.

Run under Xvfb: ``xvfb-run -a -s '-screen 0 1600x1000x24' env QT_QPA_PLATFORM=xcb
.venv/bin/python scripts/arabic_screenshots.py [FOLDER]`` (default: a temporary folder, whose
name is printed). Everything is driven through the window's own actions, as a person would.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QMenu

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.app import open_workspace  # noqa: E402
from annotator.core.paths import seeds_dir  # noqa: E402
from annotator.formats import expand_paths, read_paths  # noqa: E402
from annotator.gui import create_window  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from review_screenshots import SIZE, boundary_conflict_workspace, settle  # noqa: E402


def annotating(folder: Path, out: Path) -> None:
    db = folder / "arabic.db"
    with open_workspace(db, "amal", create=True) as ws:
        ws.import_records(read_paths(expand_paths([sorted(seeds_dir().glob("*.txt"))[0]])))
        ws.set_setting("gui.language", "ar")
    window = create_window(db, "amal")
    window.resize(*SIZE)
    window.show()
    settle()
    menu = next(
        m
        for m in window.menuBar().findChildren(QMenu)
        if window.window_actions.zoom_in in m.actions()
    )
    menu.popup(window.mapToGlobal(window.rect().center()))
    settle()
    menu.grab().save(str(out / "arabic-menu.png"))
    menu.close()
    review = window.suggestion_review
    loop = QEventLoop()
    review.run_stored.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    review.actions.suggest.trigger()
    loop.exec()
    for _ in range(len(review.pending) + 1):
        if review.current is not None and review.current.attrs.get("entity"):
            break
        review.actions.next.trigger()
    settle()
    bar = window.statusBar()
    bar.grab().save(str(out / "arabic-status-suggestion.png"))
    bar.showMessage("اكتمل الاقتراح: " + "، ".join(f"اقتراح رقم {n}" for n in range(40)), 60000)
    settle()
    bar.grab().save(str(out / "arabic-status-long.png"))
    window.close()


def reviewing(folder: Path, out: Path) -> None:
    db = folder / "review.db"
    boundary_conflict_workspace(db, language="ar")
    window = create_window(db, "rev", True)
    window.resize(*SIZE)
    window.show()
    settle()
    panel = window.review.panel
    QTest.mouseClick(panel.accept, Qt.MouseButton.LeftButton)
    settle()
    conflicts = window.findChild(QListWidget, "conflictList")
    conflicts.setCurrentRow(0)
    settle()
    conflicts.parentWidget().grab().save(str(out / "arabic-conflicts.png"))
    window.grab().save(str(out / "arabic-review.png"))
    window.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else folder
    out.mkdir(parents=True, exist_ok=True)
    annotating(folder, out)
    reviewing(folder, out)
    print(out)


if __name__ == "__main__":
    main()
