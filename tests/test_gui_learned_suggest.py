"""The window's Suggest uses the workspace's trained model, as `annotator suggest` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.core import suggestions
from annotator.core.model import SUGGESTIONS_LAYER
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.article_view import ArticleView
from tests.learned_helpers import NEW_TEXT, fill

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _stored(db: Path, doc_id: str) -> tuple[list[tuple[int, int, str, str]], set[str]]:
    with Workspace(db) as ws:
        pending = [
            (s.start, s.end, s.label, str(sorted(s.attrs.items())))
            for s in suggestions.pending(ws, doc_id)
        ]
        engines = {str(s.provenance["engine"]) for s in ws.spans(doc_id, SUGGESTIONS_LAYER)}
    return pending, engines


def _open(qtbot, db: Path):
    window = create_window(db, "amal")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_suggest_in_the_window_uses_the_trained_model_like_the_command(qtbot, tmp_path):
    db = tmp_path / "workspace.db"
    with Workspace(db, who="amal") as ws:
        ws.import_records([DocumentRecord(text=NEW_TEXT, path="new.txt", id="new")])
        fill(ws, 8)  # gold whose QUOTEs take in the final full stop
    assert main(["--db", str(db), "train"]) == 0
    by_command = tmp_path / "command.db"
    shutil.copy(db, by_command)
    assert main(["--db", str(by_command), "--annotator", "amal", "suggest", "--doc", "new"]) == 0

    window = _open(qtbot, db)
    assert window.doc.id == "new"
    view = window.findChild(ArticleView, "articleView")
    with qtbot.waitSignal(window.suggestion_review.run_stored, timeout=20000):
        qtbot.keyClick(view, Qt.Key.Key_S, CTRL_SHIFT)
    window.close()

    in_window, engines = _stored(db, "new")
    assert (in_window, engines) == _stored(by_command, "new")
    assert engines == {"arabic-rules+crf/2"}
    quotes = [NEW_TEXT[s:e] for s, e, label, _ in in_window if label == "QUOTE"]
    # the team's convention, which the rules alone do not follow
    assert quotes == ["الشركة ستفتتح مصنعا جديدا للأدوية.", "اللجنة رفضت كل الطعون المقدمة."]


def test_a_damaged_model_is_reported_and_nothing_is_stored(qtbot, tmp_path):
    db = tmp_path / "workspace.db"
    with Workspace(db, who="amal") as ws:
        ws.import_records([DocumentRecord(text=NEW_TEXT, path="new.txt", id="new")])
        ws.store_model("arabic-crf", b"\x80\x04 not a model", ["new"], {})
    window = _open(qtbot, db)
    review = window.suggestion_review
    with qtbot.waitSignal(review.runner.failed, timeout=20000):
        review.actions.suggest.trigger()
    assert "cannot be used" in window.statusBar().currentMessage()
    window.close()
    assert _stored(db, "new") == ([], set())
