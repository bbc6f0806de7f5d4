"""Review mode driven as a reviewer would: accept what agrees, walk the conflicts with the
keyboard, take a version, merge, reject, edit gold with the tag keys, mark the document
adjudicated; then ask the store what gold holds. Also the agreement report and the annotator's
comparison with gold. Each test runs on its own fresh workspace file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
)

from annotator.core.model import Status
from annotator.core.workspace import Workspace
from annotator.gui import create_window
from annotator.gui.agreement_report import AgreementReportDialog
from annotator.gui.article_view import ArticleView
from annotator.review.agreement import compute_agreement
from annotator.review.conflicts import find_conflicts
from annotator.review.resolve import take_version
from annotator.review.screen import MEASURES, figure, lowest_line
from tests.review_helpers import build

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TEXT = "alpha beta gamma delta epsilon zeta eta theta iota kappa <b>lambda</b> mu nu"
AGREED = "nu mu xi omicron pi rho"


def bare(line: str) -> str:
    """Without the invisible direction isolates around quoted article text."""
    return line.replace("\u2068", "").replace("\u2069", "")


def at(needle: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def span(needle: str, label: str, text: str = TEXT, **attrs: str) -> dict:
    start, end = at(needle, text)
    return {"start": start, "end": end, "label": label, "attrs": attrs}


@pytest.fixture
def db(db_path: Path) -> Path:
    """d0: one span agreed, then a boundary, a label, a missing and a markup conflict;
    d1: everything agreed, with a third annotator."""
    build(
        db_path,
        [
            (
                TEXT,
                {
                    "amal": [
                        span("alpha", "SPEAKER"),
                        span("beta gamma", "QUOTE"),
                        span("epsilon zeta", "CLAIM"),
                        span("theta", "DATE"),
                        span("<b>lambda</b>", "SPEAKER", entity="<img src=x>Boss"),
                    ],
                    "omar": [
                        span("alpha", "SPEAKER"),
                        span("beta gamma delta", "QUOTE"),
                        span("epsilon zeta", "QUOTE"),
                    ],
                },
            ),
            (
                AGREED,
                {
                    "amal": [span("xi", "SPEAKER", AGREED)],
                    "omar": [span("xi", "SPEAKER", AGREED)],
                    "rana": [span("xi", "SPEAKER", AGREED)],
                },
            ),
        ],
    ).close()
    return db_path


def open_window(qtbot, db: Path, name: str = "rev", review: bool = True):
    window = create_window(db, name, review)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def child(window, kind, name: str):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def answer_confirmation(button) -> list[str]:
    """Press ``button`` in the next confirmation the window asks; returns its text."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "confirmAdjudicated"
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)
    return seen


def gold(db: Path, doc: str = "d0"):
    with Workspace(db) as ws:
        return {(s.start, s.end, s.label): s for s in ws.spans(doc, "gold")}


def test_review_panel_from_accept_agreed_to_adjudicated(qtbot, db):
    window = open_window(qtbot, db)
    panel = child(window, QPlainTextEdit, "conflictVersions").parent()
    assert panel.objectName() == "reviewPanel" and panel.isVisible()
    article = child(window, ArticleView, "articleView")
    conflicts = child(window, QListWidget, "conflictList")
    versions = child(window, QPlainTextEdit, "conflictVersions")
    assert window.current_document() == "d0"
    legend = [child(window, object, f"legend_{n}").text() for n in ("amal", "omar")]
    assert "amal" in legend[0] and "solid" in legend[0]
    assert "omar" in legend[1] and "dashed" in legend[1]
    assert conflicts.count() == 5

    qtbot.mouseClick(child(window, QPushButton, "acceptAgreed"), Qt.MouseButton.LeftButton)
    agreed = gold(db)[(*at("alpha"), "SPEAKER")]
    assert agreed.provenance["method"] == "auto-unanimous"
    assert agreed.provenance["layers"] == ["amal", "omar"]
    assert agreed.provenance["decided_by"] == "rev"

    # J walks the list from the article; the article scrolls to and selects each region.
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_J)
    assert conflicts.currentRow() == 0
    assert article.selection_offsets() == at("beta gamma delta")
    # Where the versions differ is marked: omar's extra " delta", nothing cut off.
    assert "omar: QUOTE 6–22 «beta gamma⟦ delta⟧»" in bare(versions.toPlainText())
    assert "amal: QUOTE 6–16 «beta gamma»" in bare(versions.toPlainText())
    qtbot.mouseClick(child(window, QPushButton, "mergeUnion"), Qt.MouseButton.LeftButton)
    merged = gold(db)[(*at("beta gamma delta"), "QUOTE")]
    assert merged.provenance["method"] == "merge"
    assert merged.provenance["layers"] == ["amal", "omar"]

    # Up/Down in the list work too; a typed reason goes with the decision. amal's CLAIM and
    # omar's QUOTE on "epsilon zeta" are two decisions: omar's "nothing" drops the CLAIM only.
    conflicts.setFocus()
    qtbot.keyClick(conflicts, Qt.Key.Key_Down)
    assert conflicts.currentRow() == 1
    assert "missing in some layers · CLAIM" in bare(conflicts.currentItem().text())
    qtbot.mouseClick(child(window, QPushButton, "take_omar"), Qt.MouseButton.LeftButton)
    assert (*at("epsilon zeta"), "CLAIM") not in gold(db)
    conflicts.setFocus()
    qtbot.keyClick(conflicts, Qt.Key.Key_Down)
    assert "missing in some layers · QUOTE" in bare(conflicts.currentItem().text())
    # Typing a reason never fires the one-key shortcuts (J, K, Q, S, D, C).
    qtbot.keyClicks(child(window, object, "reason"), "a claim, not a quote: see J. K. Sadiq")
    assert conflicts.currentRow() == 2
    qtbot.mouseClick(child(window, QPushButton, "take_omar"), Qt.MouseButton.LeftButton)
    taken = gold(db)[(*at("epsilon zeta"), "QUOTE")]
    assert taken.provenance == {
        "layers": ["omar"],
        "method": "take",
        "decided_by": "rev",
        "reason": "a claim, not a quote: see J. K. Sadiq",
    }
    assert (*at("epsilon zeta"), "CLAIM") not in gold(db)

    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_J)
    assert "DATE" in bare(conflicts.currentItem().text())
    qtbot.keyClick(article, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Reject
    assert not any(label == "DATE" for _, _, label in gold(db))
    with Workspace(db) as ws:
        assert [c.resolution for c in find_conflicts(ws, "d0")][:4] == [
            "merge",
            "take:omar",
            "take:omar",
            "reject",
        ]

    # Markup in text and attribute values shows literally, and Ctrl+1 takes the first layer.
    qtbot.keyClick(article, Qt.Key.Key_J)
    assert "«<b>lambda</b>»" in bare(conflicts.currentItem().text())
    assert "[entity=<img src=x>Boss]" in bare(versions.toPlainText())
    qtbot.keyClick(article, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert gold(db)[(*at("<b>lambda</b>"), "SPEAKER")].attrs == {"entity": "<img src=x>Boss"}
    assert conflicts.currentItem().text().startswith("✓")
    # The article and the table show gold as the store holds it after every decision.
    assert window.table_model.rowCount() == len(gold(db)) == 4
    assert {s.id for s in window.state.spans} == {s.id for s in gold(db).values()}
    assert child(window, object, "conflictSummary").text() == "0 of 5 conflicts open"

    # The tag keys edit gold in review mode, with undo.
    article.setFocus()
    article.select_offsets(*at("mu"))
    qtbot.keyClick(article, Qt.Key.Key_C)
    assert (*at("mu"), "CLAIM") in gold(db)
    qtbot.keyClick(article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (*at("mu"), "CLAIM") not in gold(db)
    with Workspace(db) as ws:
        assert not any(s.label == "CLAIM" for s in ws.spans("d0", "rev"))

    qtbot.mouseClick(child(window, QPushButton, "markAdjudicated"), Qt.MouseButton.LeftButton)
    with Workspace(db) as ws:
        assert ws.status("d0", "gold") == Status.ADJUDICATED
    assert child(window, object, "adjudicationStatus").text() == "Gold: adjudicated"


def test_every_annotator_layer_is_painted_beneath_gold_and_leaving_review_clears_it(qtbot, db):
    window = open_window(qtbot, db)
    article = child(window, ArticleView, "articleView")
    # Five amal spans and three omar spans, each an underline in its layer's own style.
    underlines = [s.format.underlineStyle() for s in article.extraSelections()]
    assert len(underlines) == 8
    assert len(set(underlines)) == 2
    assert window.layer == "gold"
    window.review.toggle.setChecked(False)
    assert window.layer == "rev"
    assert article.extraSelections() == []  # rev's own layer is empty
    assert not child(window, object, "reviewPanel").isVisible()


def test_the_legend_names_the_layers_that_worked_on_the_document_in_fixed_styles(qtbot, db):
    window = open_window(qtbot, db)
    panel = window.review.panel
    assert list(panel.take_buttons) == ["amal", "omar"]  # not rana, nor the reviewer's time
    window.panel.select("d1")
    assert list(panel.take_buttons) == ["amal", "omar", "rana"]
    assert "dotted" in child(window, object, "legend_rana").text()
    article = child(window, ArticleView, "articleView")
    assert len({s.format.underlineColor().name() for s in article.extraSelections()}) == 3


def test_a_read_only_workspace_can_be_reviewed_but_not_decided(qtbot, db):
    from annotator.gui.main_window import MainWindow

    window = MainWindow(Workspace(db, who="rev", read_only=True), "rev", review=True)
    qtbot.addWidget(window)
    conflicts = child(window, QListWidget, "conflictList")
    assert conflicts.count() == 5
    conflicts.setCurrentRow(0)
    assert "omar: QUOTE 6–22" in bare(
        child(window, QPlainTextEdit, "conflictVersions").toPlainText()
    )
    names = [
        "acceptAgreed",
        "take_amal",
        "take_omar",
        "mergeUnion",
        "rejectConflict",
        "markAdjudicated",
    ]
    assert not any(child(window, QPushButton, n).isEnabled() for n in names)
    assert not window.review.reject_action.isEnabled()
    assert not window.findChild(type(window.review.toggle), "tag_QUOTE").isEnabled()


def test_gold_spans_show_their_provenance_in_the_table(qtbot, db):
    with Workspace(db, who="rev") as ws:
        take_version(ws, find_conflicts(ws, "d0")[0], "omar", "<b>why</b>")
    window = open_window(qtbot, db)
    model = window.table_model
    tip = model.data(model.index(0, model.LABEL), Qt.ItemDataRole.ToolTipRole)
    assert "from omar; by take; decided by rev; reason: &lt;b&gt;why&lt;/b&gt;" in bare(tip)


def test_report_shows_compute_agreement_figures(qtbot, db):
    with Workspace(db) as ws:
        expected = compute_agreement(ws)
        dialog = AgreementReportDialog(ws)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.computed, timeout=10000):
            dialog.start()
    table = dialog.findChild(QTableWidget, "agreementTable")
    names = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert names == [*expected.labels, "overall"]
    for r, name in enumerate(names):
        figures = expected.overall if name == "overall" else expected.labels[name]
        assert [table.item(r, c).text() for c in range(len(MEASURES))] == [
            figure(figures[m]) for m in MEASURES
        ]
    assert dialog.chart.categories[-1] == ("overall", [expected.overall[m] for m in MEASURES])
    assert not dialog.chart.grab().isNull()


def test_lowest_agreement_list_opens_the_document_in_review_mode(qtbot, db):
    window = open_window(qtbot, db, review=False)
    window.panel.select("d1")
    assert window.layer == "rev"
    window.review.report_action.trigger()
    dialog = window.review.report
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    lowest = dialog.findChild(QListWidget, "lowestAgreement")
    assert [lowest.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)] == ["d0", "d1"]
    title = window.workspace.document("d0").title
    assert lowest.item(0).text() == lowest_line(dialog.report.lowest()[0], title)
    lowest.setCurrentRow(0)
    qtbot.keyClick(lowest, Qt.Key.Key_Return)
    assert window.current_document() == "d0"
    assert window.review.toggle.isChecked() and window.layer == "gold"
    assert child(window, QListWidget, "conflictList").count() == 5
    dialog.close()


def test_annotator_compares_their_layer_with_gold(qtbot, db):
    with Workspace(db, who="rev") as ws:
        conflicts = find_conflicts(ws, "d0")
        take_version(ws, conflicts[0], "omar")  # amal's quote gets longer
        # amal's claim becomes a quote: two decisions, omar's "nothing" and omar's quote.
        take_version(ws, conflicts[1], "omar")
        take_version(ws, conflicts[2], "omar")
    window = open_window(qtbot, db, "amal", review=False)
    article = child(window, ArticleView, "articleView")
    before = len(article.extraSelections())
    window.compare.toggle.trigger()
    entries = child(window, QListWidget, "goldDiffList")
    texts = [bare(entries.item(i).text()) for i in range(entries.count())]
    assert texts[:3] == [
        "not in gold: SPEAKER 0–5 «alpha»",
        "changed (boundaries): QUOTE 6–16 «beta gamma» → QUOTE 6–22 «beta gamma delta»",
        "changed (label): CLAIM 23–35 «epsilon zeta» → QUOTE 23–35 «epsilon zeta»",
    ]
    assert len(texts) == 5  # and the date and the marked-up speaker, not in gold
    assert "<b>lambda</b>" in texts[-1]
    assert len(article.extraSelections()) == before + 5
    entries.setCurrentRow(2)
    assert article.selection_offsets() == at("epsilon zeta")
    window.compare.toggle.trigger()
    assert len(article.extraSelections()) == before


def test_bar_chart_draws_negative_figures_below_its_zero_line(qtbot):
    from PySide6.QtGui import QColor

    from annotator.gui.bar_chart import SERIES_COLORS, BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    bar = QColor(SERIES_COLORS[0]).rgb()

    def rows_with_bar() -> list[int]:
        """The pixel rows the bar covers (below the legend's swatch row)."""
        image = chart.grab().toImage()
        return [
            y
            for y in range(20, image.height())
            if any(image.pixel(x, y) == bar for x in range(40, image.width()))
        ]

    tops = {}
    for value in (1.0, 0.5, -0.5):
        chart.set_data(["alpha"], [("QUOTE", [value])])
        tops[value] = min(rows_with_bar())
    # A negative figure hangs from a zero line raised above the bottom to make room for it.
    assert tops[1.0] < tops[0.5] < tops[-0.5] < max(rows_with_bar()) - 20
    chart.set_data(["alpha"], [("QUOTE", [None])])
    assert rows_with_bar() == []


def test_closing_the_window_while_the_report_computes_waits_for_its_thread(qtbot, db, monkeypatch):
    import threading

    from annotator.gui import agreement_report

    release = threading.Event()
    real = agreement_report.agreement_job

    def held(path, who):
        work = real(path, who)

        def wait_then_work(progress):
            release.wait(10)
            return work(progress)

        return wait_then_work

    monkeypatch.setattr(agreement_report, "agreement_job", held)
    window = open_window(qtbot, db, review=False)
    window.review.report_action.trigger()
    job = window.review.report.job
    assert job.isRunning()
    threading.Timer(0.2, release.set).start()
    window.close()  # returns once the thread has ended, so nothing can destroy it running
    assert job.isFinished()


def test_review_flag_opens_the_gui_in_review_mode(monkeypatch):
    from annotator import cli
    from annotator.gui import app

    calls = []
    monkeypatch.setattr(app, "run_gui", lambda *args: calls.append(args) or 0)
    assert cli.main(["--db", "w.db", "--annotator", "rev", "--review"]) == 0
    assert cli.main(["--db", "w.db"]) == 0
    assert calls == [("w.db", "rev", True), ("w.db", None, False)]


def test_a_suggestion_accepted_in_review_mode_is_refused_never_written_to_a_layer(qtbot, db_path):
    """Suggestions go into annotators' layers only (the core's rule); in review mode the shown
    layer is gold, so Enter is refused with a message instead of writing the reviewer's own
    layer, which would then count as one more annotator."""
    from annotator.formats import expand_paths, read_paths
    from tests.conftest import SEEDS

    with Workspace(db_path) as ws:
        ws.import_records(read_paths(expand_paths(SEEDS[:1])))
    window = open_window(qtbot, db_path)
    article = child(window, ArticleView, "articleView")
    with qtbot.waitSignal(window.suggestion_review.run_stored, timeout=20000):
        qtbot.keyClick(
            article,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert window.suggestion_review.current is not None
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_Return)
    assert "not 'gold'" in window.statusBar().currentMessage()
    with Workspace(db_path) as ws:
        assert ws.spans(window.doc.id, "gold") == []
        assert ws.spans(window.doc.id, "rev") == []


def resolutions(db: Path, doc: str = "d0") -> list[str | None]:
    with Workspace(db) as ws:
        return [c.resolution for c in find_conflicts(ws, doc)]


def test_review_decisions_are_undone_and_redone_with_ctrl_z_like_gold_edits(qtbot, db):
    """Accept agreed, take, merge, reject and mark adjudicated each go on the document's undo
    stack: Ctrl+Z puts gold, the recorded decision and the status back, Ctrl+Shift+Z redoes."""
    window = open_window(qtbot, db)
    article = child(window, ArticleView, "articleView")
    conflicts = child(window, QListWidget, "conflictList")
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier

    def undo() -> None:
        article.setFocus()
        qtbot.keyClick(article, Qt.Key.Key_Z, ctrl)

    qtbot.mouseClick(child(window, QPushButton, "acceptAgreed"), Qt.MouseButton.LeftButton)
    agreed = gold(db)
    assert (*at("alpha"), "SPEAKER") in agreed

    conflicts.setCurrentRow(2)  # only omar has this QUOTE on "epsilon zeta"
    qtbot.mouseClick(child(window, QPushButton, "take_omar"), Qt.MouseButton.LeftButton)
    assert (*at("epsilon zeta"), "QUOTE") in gold(db)
    assert resolutions(db)[2] == "take:omar"
    undo()
    assert gold(db) == agreed  # the same spans, ids and all
    assert resolutions(db)[2] is None
    qtbot.keyClick(article, Qt.Key.Key_Z, ctrl | shift)
    assert (*at("epsilon zeta"), "QUOTE") in gold(db)
    assert resolutions(db)[2] == "take:omar"
    undo()

    conflicts.setCurrentRow(0)
    qtbot.mouseClick(child(window, QPushButton, "mergeUnion"), Qt.MouseButton.LeftButton)
    assert (*at("beta gamma delta"), "QUOTE") in gold(db)
    undo()
    assert gold(db) == agreed and resolutions(db)[0] is None

    conflicts.setCurrentRow(3)
    qtbot.mouseClick(child(window, QPushButton, "rejectConflict"), Qt.MouseButton.LeftButton)
    assert resolutions(db)[3] == "reject"
    undo()
    assert resolutions(db)[3] is None

    answer_confirmation(QMessageBox.StandardButton.Yes)  # conflicts are still open
    qtbot.mouseClick(child(window, QPushButton, "markAdjudicated"), Qt.MouseButton.LeftButton)
    with Workspace(db) as ws:
        assert ws.status("d0", "gold") == Status.ADJUDICATED
    window.activateWindow()  # the closed question handed the focus back to no one (offscreen)
    qtbot.waitUntil(window.isActiveWindow)
    undo()
    with Workspace(db) as ws:
        assert ws.status("d0", "gold") != Status.ADJUDICATED

    undo()  # the accept of what agreed
    assert gold(db) == {}


def test_a_report_job_that_raises_any_error_closes_the_dialog_and_says_why(qtbot, db, monkeypatch):
    """A bug (here a KeyError) in the agreement computation used to end the thread silently,
    leaving the modal "Computing…" dialog up for ever."""
    from annotator.gui import agreement_report

    def broken(ws, progress, **_options):
        progress(1)
        raise KeyError("omar")

    monkeypatch.setattr(agreement_report, "compute_agreement", broken)
    window = open_window(qtbot, db, review=False)
    window.review.report_action.trigger()
    report = window.review.report
    qtbot.waitUntil(lambda: "KeyError" in report.heading.text(), timeout=10000)
    assert "omar" in report.heading.text() and not report.progress.isVisible()
    report.finish()


def test_a_long_report_can_be_cancelled(qtbot, db, monkeypatch):
    import threading

    from annotator.gui import agreement_report

    gate = threading.Event()

    def long(ws, progress, **_options):
        progress(1)
        gate.wait(10)
        progress(2)  # the first report after the cancel stops the job here
        raise AssertionError("the job went on after it was cancelled")

    monkeypatch.setattr(agreement_report, "compute_agreement", long)
    with Workspace(db) as ws:
        dialog = AgreementReportDialog(ws)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.job.progressed, timeout=10000):
        dialog.start()
    with qtbot.waitSignal(dialog.job.cancelled, timeout=10000):
        dialog.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
        gate.set()
    assert dialog.heading.text() == "Cancelled." and not dialog.progress.isVisible()
    assert dialog.report is None
    dialog.finish()  # the thread emits cancelled just before it ends: Qt aborts on a live one


def test_mark_adjudicated_with_open_conflicts_asks_and_says_how_many(qtbot, db):
    window = open_window(qtbot, db)
    mark = child(window, QPushButton, "markAdjudicated")
    seen = answer_confirmation(QMessageBox.StandardButton.No)
    qtbot.mouseClick(mark, Qt.MouseButton.LeftButton)
    assert seen and "5" in seen[0]
    with Workspace(db) as ws:
        assert ws.status("d0", "gold") != Status.ADJUDICATED
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    answer_confirmation(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(mark, Qt.MouseButton.LeftButton)
    with Workspace(db) as ws:
        assert ws.status("d0", "gold") == Status.ADJUDICATED


def test_resolve_all_open_conflicts_by_one_strategy_in_one_undo_step(qtbot, db):
    window = open_window(qtbot, db)
    strategy = child(window, object, "resolveAllStrategy")
    strategy.setCurrentIndex(strategy.findData("take:omar"))
    qtbot.mouseClick(child(window, QPushButton, "resolveAll"), Qt.MouseButton.LeftButton)
    with Workspace(db) as ws:
        conflicts = find_conflicts(ws, "d0")
    assert all(c.resolved for c in conflicts)
    assert (*at("beta gamma delta"), "QUOTE") in gold(db)
    assert (*at("epsilon zeta"), "QUOTE") in gold(db)
    assert (*at("theta"), "DATE") not in gold(db)
    assert (*at("epsilon zeta"), "CLAIM") not in gold(db)  # omar has nothing there
    assert "Conflicts resolved: 5" in window.statusBar().currentMessage()
    assert child(window, object, "conflictSummary").text() == "0 of 5 conflicts open"
    window.undo_action.trigger()
    assert gold(db) == {}


def test_the_conflict_list_shows_notes_flagged_first(qtbot, db):
    with Workspace(db, who="omar") as ws:
        quote = next(s for s in ws.spans("d0", "omar") if s.start == at("epsilon zeta")[0])
        ws.add_note("d0", "omar", "claim or quote? ask the editor", span_id=quote.id, flagged=True)
        ws.add_note("d0", "omar", "العنوان مضلل", flagged=True)
    window = open_window(qtbot, db)
    rows = [
        bare(window.findChild(QListWidget, "conflictList").item(i).text())
        for i in range(6)
        if window.findChild(QListWidget, "conflictList").item(i)
    ]
    assert rows[0].startswith("Note on the document") and "العنوان مضلل" in rows[0]
    assert "· QUOTE ·" in rows[1] and "⚑ omar: claim or quote? ask the editor" in rows[1]
    notes = window.findChild(QListWidget, "noteList")
    assert notes.count() == 2  # review mode lists every layer's notes


def test_review_mode_keeps_the_article_wide_and_the_title_elides(qtbot, db_path):
    long_title = "عنوان طويل جدا عن الاجتماع " * 20
    text = long_title + "\n" + TEXT
    build(db_path, [(text, {"amal": [span("alpha", "QUOTE", text)], "omar": []})]).close()
    window = create_window(db_path, "rev", False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    article = child(window, ArticleView, "articleView")
    width = article.width()
    window.review.toggle.setChecked(True)
    qtbot.waitUntil(lambda: child(window, object, "reviewPanel").isVisible())
    assert article.width() >= width
    assert window.side.isAncestorOf(child(window, object, "reviewPanel"))
    title = child(window, object, "documentTitle")
    assert title.text().endswith("…") and len(title.text()) < len(title.full_text)
    assert title.full_text.startswith("عنوان طويل")


def test_the_conflict_list_reads_in_arabic_with_isolated_snippets(qtbot, db):
    with Workspace(db) as ws:
        ws.set_setting("gui.language", "ar")
    try:
        window = open_window(qtbot, db)
        rows = window.findChild(QListWidget, "conflictList")
        first = rows.item(0).text()
        assert "الحدود مختلفة" in first and "boundary" not in first
        assert "\u2068«beta gamma delta»\u2069" in first  # the marks inside the isolate
    finally:
        window.close()
        with Workspace(db) as ws:
            ws.set_setting("gui.language", "en")
        open_window(qtbot, db).close()  # back to the English interface for later tests


def test_the_article_shows_both_extents_of_a_boundary_conflict(qtbot, db):
    window = open_window(qtbot, db)
    article = child(window, ArticleView, "articleView")
    child(window, QListWidget, "conflictList").setCurrentRow(0)  # beta gamma (delta)
    tinted = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in article.extraSelections()
        if s.format.background().color().alpha() == 70
    ]
    assert tinted == [(at("gamma")[1], at("delta")[1])]  # " delta": omar's, not amal's
    underlined = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in article.extraSelections()
        if s.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    }
    assert {at("beta gamma"), at("beta gamma delta")} <= underlined
    # The selection over the region lets those tints and underlines show through.
    assert article.palette().color(QPalette.ColorRole.Highlight).alpha() < 255
    window.review.toggle.setChecked(False)
    assert article.palette().color(QPalette.ColorRole.Highlight).alpha() == 255


def test_conflict_versions_and_decisions_read_in_arabic_without_english_words(qtbot, db):
    """Every word of the versions box follows the interface language: a layer with nothing,
    the decision taken, and the gold span with where it came from (Arabic UI)."""
    with Workspace(db) as ws:
        ws.set_setting("gui.language", "ar")
    try:
        window = open_window(qtbot, db)
        article = child(window, ArticleView, "articleView")
        conflicts = child(window, QListWidget, "conflictList")
        versions = child(window, QPlainTextEdit, "conflictVersions")
        row = next(
            i for i in range(conflicts.count()) if "theta" in conflicts.item(i).text()
        )  # DATE on theta: amal drew it, omar has nothing
        conflicts.setCurrentRow(row)
        shown = versions.toPlainText()
        assert "\u2068omar\u2069: لا شيء" in shown and "nothing" not in shown
        article.setFocus()
        qtbot.keyClick(article, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # take amal
        assert (*at("theta"), "DATE") in gold(db)
        shown = bare(versions.toPlainText())
        assert "القرار: أخذ amal" in shown
        assert "الذهبي: DATE" in shown and "من amal؛ بطريقة أخذ؛ قرّره rev" in shown
        for english in ("nothing", "decided", "gold:", "from ", "by take", "decided by"):
            assert english not in shown, english
        assert "\u2068«theta»\u2069" in versions.toPlainText()  # the snippet stays isolated
    finally:
        window.close()
        with Workspace(db) as ws:
            ws.set_setting("gui.language", "en")
        open_window(qtbot, db).close()  # back to the English interface for later tests


def test_review_mode_leaves_the_span_table_several_rows_and_the_window_its_size(qtbot, db):
    """Ctrl+Shift+R in a window of an ordinary laptop's size: the review panel joins the side
    column, the span table still shows several rows, the window does not grow past the
    screen and the article keeps most of the height."""
    window = open_window(qtbot, db, review=False)
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.height() == 860)
    article = child(window, ArticleView, "articleView")
    qtbot.keyClick(article, Qt.Key.Key_R, CTRL_SHIFT)
    panel = child(window, object, "reviewPanel")
    qtbot.waitUntil(panel.isVisible)
    # nothing of the panel is cut off once the side column is shared
    qtbot.waitUntil(lambda: panel.height() >= panel.minimumSizeHint().height())
    table = window.table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows >= 5
    assert window.height() == 860 and window.minimumSizeHint().height() <= 860
    assert article.height() >= 0.75 * window.centralWidget().height()
