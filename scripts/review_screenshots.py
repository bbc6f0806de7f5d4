"""Screenshots of an overlap conflict between a suggestion and a hand-drawn span, and of the
review panel on a boundary conflict with the differing characters marked, for the README.

Run under Xvfb (see "Screenshots" in docs/development.md) or offscreen:
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/review_screenshots.py``; writes
resources/screenshots/suggestion-overlap.png and review-boundary.png. Everything is driven
through the window's own actions and keys, as a person would.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QPushButton

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.app import open_workspace  # noqa: E402
from annotator.arabic.suggest import suggest_text  # noqa: E402
from annotator.core.paths import seeds_dir  # noqa: E402
from annotator.core.records import DocumentRecord  # noqa: E402
from annotator.formats import expand_paths, read_paths  # noqa: E402
from annotator.gui import create_window  # noqa: E402

OUT = ROOT / "resources" / "screenshots"
SIZE = (1400, 860)
# The boundary conflict: amal's quote starts at "قالت", omar's one word later.
QUOTE_START, QUOTE_NEXT, QUOTE_END = "قالت المتحدثة", "المتحدثة", "لإراقة الدماء"


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def with_dialog(window, dialog) -> None:
    """The window with ``dialog`` painted over its middle (Xvfb has no compositor to grab)."""
    shot = window.grab()
    painter = QPainter(shot)
    where = QPoint((window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 3)
    painter.drawPixmap(where, dialog.grab())
    painter.end()
    return shot


def step_to(review, wanted) -> None:
    """Press "next suggestion" until the current one is ``wanted``."""
    for _ in range(len(review.pending) + 1):
        if review.current is not None and wanted(review.current):
            return
        review.actions.next.trigger()
    raise SystemExit("no such suggestion on the seed article")


def suggestion_overlap(folder: Path) -> None:
    db = folder / "overlap.db"
    with open_workspace(db, "amal", create=True) as ws:
        ws.import_records(read_paths(expand_paths([sorted(seeds_dir().glob("*.txt"))[0]])))
    window = create_window(db, "amal")
    window.resize(*SIZE)
    window.show()
    settle()
    review = window.suggestion_review
    actions = review.actions
    loop = QEventLoop()
    review.run_stored.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)  # never hang: a missing picture says what failed
    actions.suggest.trigger()
    loop.exec()
    step_to(review, lambda s: s.label == "QUOTE" and s.end - s.start > 30)
    suggestion = review.current
    # The annotator draws part of the suggested quote by hand, then comes back to it.
    window.article.select_offsets(suggestion.start, suggestion.end - 12)
    window.window_actions.tag_exact[suggestion.label].trigger()
    step_to(review, lambda s: s.id == suggestion.id)
    settle()

    def shoot() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "overlapConflict"
        settle(200)
        with_dialog(window, box).save(str(OUT / "suggestion-overlap.png"))
        box.findChild(QPushButton, "overlap_keep_mine").click()

    QTimer.singleShot(300, shoot)
    actions.accept.trigger()
    settle()
    window.close()


def boundary_conflict_workspace(db: Path, language: str | None = None) -> None:
    """The first seed annotated by amal and omar, who agree on everything but where one quote
    starts (amal at "قالت", omar one word later): a boundary conflict for the reviewer."""
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    (record,) = read_paths([seed])
    text = record.text
    agreed = [
        {"start": p.start, "end": p.end, "label": p.label, "attrs": p.attrs}
        for p in suggest_text(text, "2022-01-13").proposals
        if p.label != "QUOTE"
    ]
    start, next_word = text.index(QUOTE_START), text.index(QUOTE_NEXT)
    end = text.index(QUOTE_END) + len(QUOTE_END)
    quote = {"label": "QUOTE", "end": end, "attrs": {"kind": "direct"}}
    layers = [
        DocumentRecord(
            text=text,
            path=str(seed),
            id=record.id,
            layer=name,
            status="done",
            spans=[*agreed, {**quote, "start": begin}],
        )
        for name, begin in (("amal", start), ("omar", next_word))
    ]
    with open_workspace(db, "rev", create=True) as ws:
        ws.import_records([record, *layers])
        if language:
            ws.set_setting("gui.language", language)


def review_boundary(folder: Path) -> None:
    db = folder / "review.db"
    boundary_conflict_workspace(db)
    window = create_window(db, "rev", True)
    window.resize(*SIZE)
    window.show()
    settle()
    panel = window.review.panel
    QTest.mouseClick(panel.accept, Qt.MouseButton.LeftButton)  # accept what agrees
    settle()
    conflicts = window.findChild(QListWidget, "conflictList")
    conflicts.setCurrentRow(0)
    settle()
    window.grab().save(str(OUT / "review-boundary.png"))
    window.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    suggestion_overlap(folder)
    review_boundary(folder)


if __name__ == "__main__":
    main()
