"""Ctrl+C stops `check` even inside a long SQLite statement, and says nothing was changed."""

from __future__ import annotations

import signal
import sqlite3
from contextlib import contextmanager

import pytest

from annotator.cli import data, main
from annotator.cli.interrupt import interruptible
from annotator.core import integrity
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

# Some hundred million steps: seconds of C that Python's own Ctrl+C would wait out.
LONG = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000000) "
    "SELECT count(*) FROM c"
)


def test_ctrl_c_interrupts_a_statement_running_in_sqlite(db_path):
    with Workspace(db_path) as ws:
        with pytest.raises(KeyboardInterrupt), interruptible(ws) as stop_if_asked:
            signal.raise_signal(signal.SIGINT)  # only raises the flag...
            with pytest.raises(sqlite3.OperationalError, match="interrupted"):
                ws.query(LONG).fetchone()  # ...which stops the statement in C
            stop_if_asked()
        assert ws.query("SELECT 1").fetchone() == (1,)  # the connection is usable after
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_during_check_ends_it_with_130_and_one_sentence(db_path, capsys, monkeypatch):
    with Workspace(db_path) as ws:
        ws.import_records(
            DocumentRecord(text=f"نص رقم {n}", path="t", id=f"d{n}") for n in range(5)
        )

    @contextmanager
    def pressed_at_first_report(_description, _total):
        yield lambda _done: signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(integrity, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(data, "progress_bar", pressed_at_first_report)
    assert main(["--db", str(db_path), "check"]) == 130
    captured = capsys.readouterr()
    assert "no problems" not in captured.out
    assert captured.err.strip() == (
        "annotator: interrupted; nothing was changed by the unfinished step."
    )
