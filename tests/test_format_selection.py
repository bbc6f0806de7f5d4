"""The selection step streams: exporting ten times the documents takes about the same memory,
and it picks the same documents, in the same order, as the status filter says."""

from __future__ import annotations

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.formats.selection import select

from .scale_helpers import traced_peak

BODY = "قال الرئيس إن الاجتماع سيعقد في 14 يناير. " * 30


def fill(path, count: int) -> int:
    with Workspace(path) as ws:
        ws.import_records(
            DocumentRecord(
                text=f"{n:06d} {BODY}",
                path="memory",
                spans=[{"start": 7, "end": 10, "label": "CLAIM"}],
                layer="amal",
                status="done" if n % 3 == 0 else None,
            )
            for n in range(count)
        )
    return count * len(BODY.encode())


def peak_of_selection(path) -> tuple[int, int]:
    with Workspace(path, read_only=True) as ws, traced_peak() as peak:
        seen = sum(len(item.spans) for item in select(ws, "amal", batch_size=100))
    return seen, peak.bytes


def test_memory_stays_flat_as_the_corpus_grows(tmp_path):
    fill(tmp_path / "small.db", 400)
    size = fill(tmp_path / "big.db", 4000)
    small_seen, small_peak = peak_of_selection(tmp_path / "small.db")
    big_seen, big_peak = peak_of_selection(tmp_path / "big.db")
    assert (small_seen, big_seen) == (400, 4000)
    assert big_peak < small_peak + 512 * 1024, (small_peak, big_peak)
    assert big_peak < size / 4  # a few batches of text, never the corpus


def test_the_status_filter_chooses_documents_in_import_order(tmp_path):
    fill(tmp_path / "w.db", 10)
    with Workspace(tmp_path / "w.db", read_only=True) as ws:
        done = [item.document.text[:6] for item in select(ws, "amal", "done", batch_size=3)]
        new = [item.document.text[:6] for item in select(ws, "amal", "new", batch_size=3)]
        assert done == ["000000", "000003", "000006", "000009"]
        assert new == ["000001", "000002", "000004", "000005", "000007", "000008"]
        assert all(i.annotators == ["amal"] for i in select(ws, "amal"))
