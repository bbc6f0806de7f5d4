"""Guarantee 5 in the window: markup, bidi controls, joiners, combining marks, characters
outside the BMP and very long lines in article text, titles, ids and attribute values are shown
literally everywhere (never rendered as rich text), and tagging any selection stores offsets
that give back exactly the selected characters, whatever Qt counts in UTF-16 units."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QHelpEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QToolTip,
    QWidget,
)

from annotator.core.records import DocumentRecord
from annotator.core.text import grapheme_boundaries, normalize_text
from annotator.core.workspace import Workspace

from .test_gui_annotation import action, article, open_window
from .test_hostile_text import SHORT

GUI_FUZZ_EXAMPLES = 30
# Each would be rendered (bold, an image fetch, a link, a script tag) if Qt took it as HTML.
MARKUP = [
    "<b>عريض</b>",
    '<img src="x.png">',
    "<a href='http://example.com'>link</a>",
    "<script>alert(1)</script>",
    "<i>x</i>&amp;",
]
RAW_MARKERS = ("<b>", "<img", "<a ", "<script", "<i>")
BIDI = "\u200f\u200e\u202e\u202c\u2067\u2069\u061c"
JOINERS = "👨\u200d👩\u200d👧 ﻻ\u200c"
MARKS = "\u064b\u0650 كَتَبَ e\u0301"
ASTRAL = "𝔸𝔹 😀 \U00020000"
LONG_LINE = "قال المتحدث " * 2500  # 30,000 characters on one line
# Layer names are letters, digits and "_.@-" only (no markup can get in), but any script's.
ANNOTATOR = "أمل_𝔸٣"


def hostile_text(n: int) -> str:
    """As the workspace stores it (NFC: "e" and its combining acute become one letter)."""
    return normalize_text(
        f"{MARKUP[n % len(MARKUP)]} {BIDI} عنوان {n}\n"
        f"قال {MARKUP[(n + 1) % len(MARKUP)]} {JOINERS} {MARKS} {ASTRAL} إن "
        f"{' '.join(MARKUP)} انتهى.\n{LONG_LINE}"
    )


def doc_id(n: int) -> str:
    """Ids may hold markup, marks and astral characters (not "/", controls or format marks)."""
    return f'<img src="x{n}.png"><b>عريض {MARKS}{ASTRAL} {n}'


@pytest.fixture
def hostile_db(db_path: Path) -> Path:
    """Titles, ids, article text and attribute values full of markup and odd Unicode."""
    records = []
    for n in range(3):
        text = hostile_text(n)
        quote_at = text.index(MARKUP[(n + 1) % len(MARKUP)])
        speaker_at = text.index("قال")
        records.append(
            DocumentRecord(
                text=text,
                path=f"h{n}.txt",
                id=doc_id(n),
                id_is_explicit=True,
                title=f"{MARKUP[n]} {BIDI}{ASTRAL} {LONG_LINE}",
                layer=ANNOTATOR,
                spans=[
                    {
                        "id": f"q{n}",
                        "start": quote_at,
                        "end": quote_at + len(MARKUP[(n + 1) % len(MARKUP)]),
                        "label": "QUOTE",
                        "attrs": {"kind": "direct"},
                    },
                    {
                        "id": f"s{n}",
                        "start": speaker_at,
                        "end": speaker_at + 3,
                        "label": "SPEAKER",
                        "attrs": {"entity": f"{MARKUP[n]}{BIDI}{MARKS} {LONG_LINE[:8000]}"},
                    },
                    {
                        "id": f"d{n}",
                        "start": text.index("<script>"),
                        "end": text.index("</script>") + 9,
                        "label": "DATE",
                    },
                ],
                relations=[{"head": f"q{n}", "child": f"s{n}", "label": "said_by"}],
            )
        )
    with Workspace(db_path) as ws:
        ws.import_records(records)
    return db_path


def tooltips(window: QWidget) -> list[tuple[str, str]]:
    """Every tooltip the window can show: widgets, actions, and every item-view cell."""
    found: list[tuple[str, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.toolTip():
            found.append((widget.objectName() or type(widget).__name__, widget.toolTip()))
        for act in widget.actions():
            found.append((act.objectName(), act.toolTip()))
    for act in window.findChildren(QAction):
        found.append((act.objectName(), act.toolTip()))
    for view in window.findChildren(QAbstractItemView):
        found += cell_texts(view.model(), view.objectName(), Qt.ItemDataRole.ToolTipRole)
    return found


def cell_texts(
    model: QAbstractItemModel | None, name: str, role: Qt.ItemDataRole
) -> list[tuple[str, str]]:
    if model is None:
        return []
    rows = model.rowCount(QModelIndex())
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a QListWidget's model keeps columnCount private: it has one
        columns = 1
    texts = []
    for row, column in itertools.product(range(rows), range(columns)):
        value = model.index(row, column).data(role)
        if isinstance(value, str) and value:
            texts.append((f"{name}[{row},{column}]", value))
    return texts


def assert_nothing_rendered(window: QWidget) -> int:
    """No label or tooltip that Qt renders as rich text holds unescaped markup from the input
    (the tooltip label itself is rich text, with the input escaped); returns checks made."""
    checked = 0
    for label in window.findChildren(QLabel):
        text = label.text()
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        )
        if rich:
            where = label.objectName() or type(label).__name__
            assert not any(marker in text for marker in RAW_MARKERS), f"{where}: {text[:120]!r}"
        checked += 1
    for where, tip in tooltips(window):
        if QtGui.Qt.mightBeRichText(tip):  # Qt renders it as HTML: markup must arrive escaped
            assert not any(marker in tip for marker in RAW_MARKERS), f"{where}: {tip[:120]!r}"
        checked += 1
    assert window.windowTitle().startswith(f"Arabic News Annotator — {ANNOTATOR}, annotating")
    return checked


def show_everything(window, qtbot) -> None:
    """Bring every place that shows input on screen: form, banner, errors, hover tooltip."""
    view = article(window)
    # The hover tooltip over the quote, whose text is markup.
    quote = window.state.by_id[next(s.id for s in window.state.spans if s.label == "QUOTE")]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(quote.start + 1))
    point = view.cursorRect(cursor).center()
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)),
    )
    assert "&lt;" in QToolTip.text() and not any(m in QToolTip.text() for m in RAW_MARKERS)
    window.table.span_selected.emit(quote.id)  # the form shows the quote and its speaker
    assert window.form.span_text.text().startswith("<")
    action(window, "markDone").trigger()  # the banner lists the DATE without a value
    assert window.banner.isVisible() and "<script>" in window.banner.details.text()
    date = next(s.id for s in window.state.spans if s.label == "DATE")
    window.table.span_selected.emit(date)
    value = window.form.editors[("DATE", "value")]
    value.setText('<img src="y.png">')
    value.editingFinished.emit()  # refused: the error message quotes the value
    assert '<img src="y.png">' in window.form.error.text()


def test_hostile_input_is_never_rendered_anywhere_in_the_window(qtbot, hostile_db):
    window = open_window(qtbot, hostile_db, ANNOTATOR)
    view = article(window)
    checked = 0
    for n in range(3):
        window.panel.select(doc_id(n))
        assert view.toPlainText() == hostile_text(n)  # literal, image tags and all
        assert view.document().toPlainText() == hostile_text(n)
        assert window.header.title.text().startswith(MARKUP[n])
        show_everything(window, qtbot)
        checked += assert_nothing_rendered(window)
    items = [window.panel.list.item(i) for i in range(window.panel.list.count())]
    assert [item.text().split(" ")[0] for item in items] == [m.split(" ")[0] for m in MARKUP[:3]]
    speakers = window.findChild(QComboBox, "speaker_QUOTE")
    assert speakers.count() == 2
    assert checked > 100


@pytest.fixture
def fuzz_window(qtbot, db_path: Path):
    """One window for all of a test's examples, on a workspace that starts empty."""
    Workspace(db_path).close()
    return open_window(qtbot, db_path)


@settings(
    max_examples=GUI_FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=SHORT, data=st.data())
def test_tagging_any_selection_stores_exactly_the_selected_characters(
    fuzz_window, db_path, body, data
):
    """The selection is made in Qt's own UTF-16 positions (counted here independently of the
    view's converter); the stored span must slice to exactly what Qt says is selected."""
    window = fuzz_window
    n = data.draw(st.integers(0, 10**9))
    with Workspace(db_path) as other:  # as the CLI would import it
        other.import_records([DocumentRecord(text=f"عنوان {n}\n{body}", path="f.txt", id=str(n))])
    action(window, "refresh").trigger()
    window.panel.select(str(n))
    text = window.doc.text
    bounds = sorted(grapheme_boundaries(text))
    start, end = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2)))
    if start == end:
        return
    view = article(window)
    cursor = QTextCursor(view.document())
    cursor.setPosition(len(text[:start].encode("utf-16-le")) // 2)
    cursor.setPosition(len(text[:end].encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    # Qt's selectedText() gives every line end as U+2029, the paragraph separator.
    selected = view.textCursor().selectedText()
    action(window, "tagExact_CLAIM").trigger()
    span = window.workspace.span(window.selected)
    assert (span.start, span.end) == (start, end)
    assert text[span.start : span.end].replace("\n", "\u2029") == selected
    painted = next(
        s.cursor.selectedText()
        for s in view.extraSelections()
        if (s.cursor.selectionStart(), s.cursor.selectionEnd())
        == (cursor.selectionStart(), cursor.selectionEnd())
    )
    assert painted == selected
