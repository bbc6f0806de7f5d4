"""The window's start: what is imported by the time it first paints.

A start must not pay for what the first screen does not show: the command modules, the
formats, the Arabic suggester and date grammar, the learned models, numpy and the review API
are imported when a command, a menu action or review mode needs them, and the documents are
counted once before the first paint (the list's length and the progress line). The window is
started the way a person starts it (``annotator --db FILE --annotator NAME``) in a child
process, which reports the modules loaded at the main window's first paint and then ends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.scale_helpers import build_corpus

# Imported only when a command, a menu action or the suggester asks for them.
DEFERRED = (
    "numpy",
    "pycrfsuite",
    "rich",
    "annotator.cli.data",
    "annotator.cli.suggest",
    "annotator.formats",
    "annotator.arabic.suggest",
    "annotator.arabic.learned",
    "annotator.arabic.dates",
    "annotator.exporting",
    # The review API and what only review mode, the gold comparison or the agreement report
    # show: imported when first used.
    "annotator.review",
    "annotator.gui.agreement_report",
    "annotator.gui.review_text",
    "annotator.gui.bar_chart",
)

FIRST_PAINT = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
import annotator.core.catalog as catalog

counted = []
count_documents = catalog.document_count
catalog.document_count = lambda read: counted.append(1) or count_documents(read)


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            window = watched
            print(json.dumps({
                "modules": sorted(sys.modules),
                "title": window.windowTitle(),
                "document": window.doc.id if window.doc is not None else None,
                "rows": window.panel.model.rowCount(),
                "documents_counted": len(counted),
                "progress": window.panel.progress_label.text(),
            }), flush=True)
            os._exit(0)
        return False


watcher = FirstPaint()
app.installEventFilter(watcher)
from annotator.cli import main

main(["--db", sys.argv[1], "--annotator", "amal"])
"""


def test_window_first_paints_without_the_heavy_modules(tmp_path: Path) -> None:
    db = build_corpus(tmp_path / "ws.db", count=3)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(shown["modules"])
    early = sorted(
        name for name in DEFERRED if name in loaded or any(m.startswith(name + ".") for m in loaded)
    )
    assert early == [], f"imported before the first paint: {early}"
    # The window is usable at that paint: the list is filled and a document is open.
    assert shown["rows"] == 3
    assert shown["document"] == "doc00000"
    # The progress line is there with the first paint (it was blank for seconds at 100,000
    # articles): the documents are counted once, which is also the list's length.
    assert shown["documents_counted"] == 1
    assert shown["progress"] == "0 of 3 done"
