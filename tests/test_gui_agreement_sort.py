"""Sorting the document list by agreement between the annotators, lowest first.

A document's agreement is the share of its distinct spans (start, end, label) that at least
two annotator layers marked exactly alike; a document fewer than two annotators marked has
none and comes last. The order is an aggregate over the spans, read in a thread when it is
chosen; an edit repaints its row where it is, and choosing the order again sorts anew.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from annotator.core import catalog
from annotator.core.catalog import ListQuery, Sort
from annotator.core.model import GOLD_LAYER
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui import create_window

TEXT = "قال الرئيس يوم الخميس إن الاتفاق قريب من التوقيع في المدينة"
SPEAKER = {"start": 4, "end": 10, "label": "SPEAKER"}
DATE = {"start": 11, "end": 21, "label": "DATE"}
QUOTE = {"start": 25, "end": 37, "label": "QUOTE"}
WIDER_DATE = {"start": 11, "end": 24, "label": "DATE"}

# document: spans per layer; agreement in the comment
LAYERS = {
    "all": {"amal": [SPEAKER, DATE], "omar": [SPEAKER, DATE]},  # 2 of 2
    "half": {"amal": [SPEAKER, DATE], "omar": [SPEAKER, WIDER_DATE]},  # 1 of 3
    "none": {"amal": [SPEAKER], "omar": [QUOTE]},  # 0 of 2
    "alone": {"amal": [SPEAKER, DATE, QUOTE]},  # one annotator: no figure
    "gold": {"amal": [SPEAKER, DATE], GOLD_LAYER: [SPEAKER, DATE]},  # gold is no annotator
    "most": {"amal": [SPEAKER, DATE, QUOTE], "omar": [SPEAKER, DATE, WIDER_DATE]},  # 2 of 4
}
LOWEST_FIRST = ["none", "half", "most", "all", "alone", "gold"]


@pytest.fixture
def db(db_path: Path) -> Path:
    with Workspace(db_path, who="test") as ws:
        for layer in ("amal", "omar", GOLD_LAYER):
            ws.import_records(
                [
                    DocumentRecord(
                        text=f"{TEXT} {doc_id}",
                        path=f"{layer}.jsonl",
                        line=n + 1,
                        id=doc_id,
                        spans=spans[layer],
                    )
                    for n, (doc_id, spans) in enumerate(LAYERS.items())
                    if layer in spans
                ],
                layer=layer,
            )
    return db_path


def test_agreement_order_is_lowest_first_with_documents_without_a_figure_last(db):
    with Workspace(db, read_only=True) as ws:
        rowids = catalog.rowids_of(ws.query, LAYERS)
        order = catalog.agreement_order(ws.query, ListQuery("amal", sort=Sort.AGREEMENT))
        searched = catalog.agreement_order(
            ws.query, ListQuery("amal", search="gold", sort=Sort.AGREEMENT)
        )
    by_rowid = {rowid: doc_id for doc_id, rowid in rowids.items()}
    assert [by_rowid[r] for r in order] == LOWEST_FIRST
    assert [by_rowid[r] for r in searched] == ["gold"]


def test_choosing_agreement_sorts_the_list_and_an_edit_keeps_the_order(qtbot, db):
    window = create_window(db, "amal")
    qtbot.addWidget(window)
    panel = window.panel
    sort = window.findChild(QComboBox, "documentSort")
    with qtbot.waitSignal(panel.order_ready, timeout=20000):
        sort.setCurrentIndex(sort.findData(Sort.AGREEMENT.value))
    assert panel.order() == LOWEST_FIRST
    assert panel.current_document() == window.doc.id  # the open document stays marked

    # amal tags the QUOTE omar marked in "none": it agrees on 1 of 2 spans now. The row is
    # repainted where it is; the list is not sorted again.
    window.panel.document_selected.emit("none")
    view = window.article
    view.select_offsets(QUOTE["start"], QUOTE["end"])
    window.window_actions.tag_exact["QUOTE"].trigger()
    with Workspace(db, read_only=True) as ws:
        assert {s.label for s in ws.spans("none", "amal")} == {"SPEAKER", "QUOTE"}
    assert panel.order() == LOWEST_FIRST

    # Chosen again, the order is read again with the edit ("none" ties with "most" at 2 of 4,
    # and ties keep import order).
    sort.setCurrentIndex(sort.findData(Sort.IMPORT.value))
    with qtbot.waitSignal(panel.order_ready, timeout=20000):
        sort.setCurrentIndex(sort.findData(Sort.AGREEMENT.value))
    assert panel.order() == ["half", "none", "most", "all", "alone", "gold"]
