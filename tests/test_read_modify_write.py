"""Read-modify-write runs read inside their write transaction: two runs at once never act on
the same old state (two ``adjudicate --auto`` doubled every gold span and relation, two
``suggest`` runs left both sets of suggestions).

The race is made deterministic: run A stops inside its work (after reading, before writing)
until run B, on its own connection in another thread, has asked for the write lock. Before
the fix B had already read the same state by then; now it reads only after A commits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core import workspace as workspace_module
from annotator.core.integrity import check_workspace
from annotator.core.model import GOLD_LAYER
from annotator.core.store import write_transaction
from annotator.core.suggestions import Proposal, pending, store_run
from annotator.core.workspace import Workspace
from annotator.review.adjudicate import auto_adjudicate

from .review_helpers import build

TEXT = "the minister said that the meeting will be held on the fourteenth of january"
B = "run-b"


def race(
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    hook_module: Any,
    hook_name: str,
    run: Callable[[Workspace], object],
) -> None:
    """Run ``run`` on two connections, B starting while A is paused at ``hook_name``."""
    b_at_lock = threading.Event()
    errors: list[BaseException] = []
    original_hook = getattr(hook_module, hook_name)

    def transaction(db):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == B:
            b_at_lock.set()
        return write_transaction(db)

    def run_b() -> None:
        try:
            with Workspace(path, who="omar") as other:
                run(other)
        except BaseException as exc:  # reported in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=run_b, name=B)

    def paused(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not thread and not thread.is_alive():
            thread.start()
            assert b_at_lock.wait(30), "run B never asked for the write lock"
        return original_hook(*args, **kwargs)

    monkeypatch.setattr(workspace_module, "write_transaction", transaction)
    monkeypatch.setattr(hook_module, hook_name, paused)
    with Workspace(path, who="amal") as ws:
        run(ws)
    thread.join(30)
    assert not errors, errors


def test_two_auto_adjudications_at_once_do_not_duplicate_gold(tmp_path, monkeypatch):
    import annotator.review.adjudicate as adjudicate

    quote = {"start": 18, "end": 76, "label": "QUOTE", "attrs": {"kind": "indirect"}}
    speaker = {"start": 4, "end": 12, "label": "SPEAKER"}
    build(tmp_path / "w.db", [(TEXT, {"amal": [quote, speaker], "omar": [quote, speaker]})]).close()
    race(monkeypatch, tmp_path / "w.db", adjudicate, "write_gold", auto_adjudicate)
    with Workspace(tmp_path / "w.db") as ws:
        gold = ws.spans("d0", GOLD_LAYER)
        assert sorted((s.start, s.end, s.label) for s in gold) == [
            (4, 12, "SPEAKER"),
            (18, 76, "QUOTE"),
        ]
        assert check_workspace(ws) == []


def test_two_suggestion_runs_at_once_do_not_duplicate_suggestions(tmp_path, monkeypatch):
    import annotator.core.suggestions as suggestions

    build(tmp_path / "w.db", [(TEXT, {})]).close()
    proposals = [Proposal(4, 12, "SPEAKER"), Proposal(51, 76, "DATE")]
    race(
        monkeypatch,
        tmp_path / "w.db",
        suggestions,
        "_relation_rows",
        lambda ws: store_run(ws, "d0", proposals),
    )
    with Workspace(tmp_path / "w.db") as ws:
        assert [(s.start, s.label) for s in pending(ws, "d0")] == [(4, "SPEAKER"), (51, "DATE")]


def test_check_reports_duplicate_spans(tmp_path):
    ws = build(tmp_path / "w.db", [(TEXT, {})])
    ws.add_span("d0", "amal", 4, 12, "SPEAKER", {"entity": "x"})
    ws.add_span("d0", "amal", 4, 12, "SPEAKER", {"entity": "x"})
    ws.add_span("d0", "amal", 4, 12, "SPEAKER", {"entity": "y"})  # other attributes: no twin
    problems = [str(p) for p in check_workspace(ws)]
    assert len(problems) == 1 and "same offsets, label and attributes" in problems[0]
    ws.close()
