"""The first start without a display, or without Qt's system libraries, is one sentence naming
what to install, printed before Qt is loaded (Qt would abort naming the wrong package)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from annotator.desktop_check import (
    DEBIAN_PACKAGES,
    install_line,
    missing_libraries,
    not_found,
    start_problem,
    xcb_plugin,
)

# What ldd prints for Qt's xcb plugin on a minimal Debian (trimmed).
LDD_MINIMAL_DEBIAN = """\
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007fb24ea53000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007fb24e969000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-randr.so.0 => /lib/x86_64-linux-gnu/libxcb-randr.so.0 (0x00007fb24e948000)
\tlibxcb-icccm.so.4 => not found
"""


def test_missing_libraries_are_named_with_the_apt_line():
    missing = not_found(LDD_MINIMAL_DEBIAN)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    problem = start_problem({"DISPLAY": ":0"}, "linux", missing)
    assert problem == (
        "the window needs system libraries that are not installed (libxcb-icccm.so.4, "
        "libxcb-keysyms.so.1); install them with: "
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    assert install_line(["libEGL.so.1"]) == "sudo apt-get install libegl1"


def test_nothing_missing_or_no_display_needed_is_no_problem():
    assert start_problem({"DISPLAY": ":0"}, "linux", []) is None
    assert start_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", ["libxcb.so.1"]) is None
    assert start_problem({}, "darwin", ["libxcb.so.1"]) is None
    assert start_problem({}, "linux", []).startswith("the window needs a display")


def test_every_library_qt_lacks_here_has_a_package():
    """Whatever this machine lacks for the xcb plugin is in the table the README mirrors."""
    assert set(missing_libraries(xcb_plugin())) <= set(DEBIAN_PACKAGES)


def test_a_start_without_a_display_is_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(tmp_path / "ws.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "needs a display" in lines[0]
    assert not (tmp_path / "ws.db").exists()


def test_readme_and_ci_install_every_package_of_the_table():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    needed = set(DEBIAN_PACKAGES.values()) - {
        "libopengl0",
        "libfreetype6",
        "libglib2.0-0",
        "libx11-6",
        "libsm6",
        "libice6",
    }  # pulled in by the packages listed
    for text in (readme, ci):
        missing = [p for p in needed if not re.search(rf"(?<![\w-]){re.escape(p)}(?![\w.-])", text)]
        assert missing == []
