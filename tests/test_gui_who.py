"""Who is working: a name given for one start is for that start only, a reviewer never becomes
"the annotator" nor gets an empty layer, and the window always says who works and as what."""

from __future__ import annotations

from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace
from annotator.gui.app import start_window


def make(db_path, annotator: str | None = "amal"):
    with Workspace(db_path) as ws:
        ws.import_records([DocumentRecord(text="نص المقال هنا", path="a.txt", id="a")])
        if annotator:
            ws.set_setting("annotator", annotator)


def test_a_name_given_at_start_is_not_remembered(qtbot, db_path):
    make(db_path)
    window = start_window(str(db_path), "omar")
    qtbot.addWidget(window)
    assert window.annotator == "omar" and window.layer == "omar"
    window.close()
    with Workspace(db_path, read_only=True) as ws:
        assert ws.setting("annotator") == "amal"  # the next plain start opens as amal
    plain = start_window(str(db_path), None)
    qtbot.addWidget(plain)
    assert plain.annotator == "amal"


def test_review_mode_creates_no_layer_for_the_reviewer(qtbot, db_path):
    make(db_path)
    window = start_window(str(db_path), "rev", review=True)
    qtbot.addWidget(window)
    window.show()
    assert window.layer == "gold"
    window.close()
    with Workspace(db_path, read_only=True) as ws:
        assert "rev" not in ws.layers()
        assert ws.setting("annotator") == "amal"


def test_title_and_status_bar_say_who_works_and_as_what(qtbot, db_path):
    make(db_path)
    window = start_window(str(db_path), "rev", review=True)
    qtbot.addWidget(window)
    working = window.findChild(type(window.working_as), "workingAs")
    assert "rev" in working.text() and "review" in working.text()
    assert "rev" in window.windowTitle() and "review" in window.windowTitle()
    window.review.toggle.setChecked(False)
    assert "annotating" in working.text() and "annotating" in window.windowTitle()
