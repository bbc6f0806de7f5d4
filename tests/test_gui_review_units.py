"""The review panel decides one annotation unit at a time, as a reviewer drives it: settling a
quote's boundary with Ctrl+1 keeps the DATE and CLAIM inside it as their own open conflicts, and
the reason typed with the decision is shown again when the conflict is chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QPushButton

from annotator.core.workspace import Workspace
from tests.review_helpers import build
from tests.test_gui_review import bare, child, open_window
from tests.test_review_units import AMAL, OMAR, TEXT

REASON = "the quote ends at the full stop"


def gold_keys(db) -> list[tuple[int, int, str]]:
    with Workspace(db) as ws:
        return sorted((s.start, s.end, s.label) for s in ws.spans("d0", "gold"))


def row_of(conflicts: QListWidget, words: str) -> int:
    rows = [bare(conflicts.item(i).text()) for i in range(conflicts.count())]
    found = [i for i, row in enumerate(rows) if words in row]
    assert len(found) == 1, (words, rows)
    return found[0]


def test_taking_a_quote_in_the_panel_keeps_the_date_and_claim_open(qtbot, db_path):
    build(db_path, [(TEXT, {"amal": AMAL, "omar": OMAR})]).close()
    window = open_window(qtbot, db_path)
    conflicts = child(window, QListWidget, "conflictList")
    versions = child(window, QPlainTextEdit, "conflictVersions")
    assert conflicts.count() == 3
    assert child(window, object, "conflictSummary").text() == "3 of 3 conflicts open"

    conflicts.setCurrentRow(row_of(conflicts, "boundary differs · QUOTE"))
    shown = bare(versions.toPlainText())
    assert "amal: QUOTE 310–413" in shown and "omar: QUOTE 310–411" in shown
    assert "DATE" not in shown and "CLAIM" not in shown  # other units, other decisions
    qtbot.keyClicks(child(window, object, "reason"), REASON)
    article = window.article
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # take amal

    assert gold_keys(db_path) == [(310, 413, "QUOTE")]
    assert child(window, object, "conflictSummary").text() == "2 of 3 conflicts open"
    date = row_of(conflicts, "missing in some layers · DATE")
    claim = row_of(conflicts, "missing in some layers · CLAIM")
    assert conflicts.item(date).text().startswith("•")
    assert conflicts.item(claim).text().startswith("•")
    # The decided conflict shows how, by whom and why it was decided.
    conflicts.setCurrentRow(row_of(conflicts, "boundary differs · QUOTE"))
    assert f"decided: take amal; decided by rev; reason: {REASON}" in bare(versions.toPlainText())

    # "Only omar has this DATE": taking omar's version adds it, the quote stays. Beside the
    # DATE the panel shows gold's DATE, not the quote decided above.
    conflicts.setCurrentRow(date)
    assert "gold:" not in versions.toPlainText()
    qtbot.mouseClick(child(window, QPushButton, "take_omar"), Qt.MouseButton.LeftButton)
    assert gold_keys(db_path) == [(310, 413, "QUOTE"), (345, 350, "DATE")]
    assert [ln for ln in bare(versions.toPlainText()).splitlines() if ln.startswith("gold:")] == [
        "gold: DATE 345–350 «ha al» [type=DATE, value=2022-06] — from omar; by take; decided by rev"
    ]
    assert child(window, object, "conflictSummary").text() == "1 of 3 conflicts open"
