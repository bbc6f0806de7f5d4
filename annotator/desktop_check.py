"""Before the window starts: is there a display, and are Qt's system libraries installed?

Without a display server, or with a library of Qt's X11 platform plugin missing (a minimal
Debian lacks ``libxcb-icccm4`` and ``libxcb-keysyms1``), Qt aborts with a message that names the
wrong package. This module looks first, without importing Qt, and gives one sentence naming
what to install. Plain Python: it runs before any Qt library is loaded.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Libraries the window needs beyond Python's own, by soname, with the Debian/Ubuntu package
# that provides each (the README's set-up section and .ci/run list the same packages).
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
# Platforms that need no display server (tests, screenshots, remote sessions).
_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin inside the installed PySide6, found without importing it."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = next(iter(spec.submodule_search_locations))
    plugin = Path(folder) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.is_file() else None


def not_found(ldd_output: str) -> list[str]:
    """Sonames ``ldd`` reports as not found, once each, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def missing_libraries(plugin: Path | None) -> list[str]:
    """The libraries the plugin (and Qt under it) need and the system lacks."""
    ldd = shutil.which("ldd")
    if plugin is not None and ldd:
        done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        return not_found(done.stdout)
    # No ldd (or no plugin file): ask the dynamic linker's cache library by library.
    return [
        name
        for name in DEBIAN_PACKAGES
        if ctypes.util.find_library(name[3:].split(".so")[0]) is None
    ]


def install_line(missing: list[str]) -> str:
    packages = dict.fromkeys(DEBIAN_PACKAGES.get(name, name) for name in missing)
    return "sudo apt-get install " + " ".join(packages)


def start_problem(
    env: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    missing: list[str] | None = None,
) -> str | None:
    """One sentence saying why the window cannot start here, or None when it can.

    ``missing`` is for tests; by default the xcb plugin is checked with ``ldd``.
    """
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen.startswith(_HEADLESS):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "the window needs a display, and none was found (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set): start it from a desktop session, or under Xvfb "
            "(xvfb-run annotator); the commands in `annotator --help` need no display."
        )
    if chosen.startswith("wayland") or (env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")):
        return None  # Qt's Wayland plugin; its libraries come with any Wayland desktop
    lacking = missing_libraries(xcb_plugin()) if missing is None else missing
    if not lacking:
        return None
    return (
        f"the window needs system libraries that are not installed ({', '.join(lacking)}); "
        f"install them with: {install_line(lacking)}"
    )
