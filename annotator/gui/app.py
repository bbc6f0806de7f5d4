"""QApplication set-up: the bundled Arabic font, the interface language and its direction."""

from __future__ import annotations

import getpass
import sys
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow

from annotator.core.paths import resources_dir
from annotator.core.workflow import annotator_layer

ARTICLE_FONT_FAMILY = "Noto Naskh Arabic"


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Arabic News Annotator")
        app.setOrganizationName("arabic-news-annotator")
    assert isinstance(app, QApplication)
    load_fonts()
    return app


@cache
def load_fonts() -> None:
    """The bundled fonts, once a process (each costs milliseconds to read)."""
    for font in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


def ask_annotator_name(default: str) -> str | None:
    name, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("App", "Annotator"),
        QCoreApplication.translate("App", "Your annotator name:"),
        text=default,
    )
    return name.strip() if ok and name.strip() else None


def start_window(db: str | None, annotator: str | None, review: bool = False) -> QMainWindow | None:
    """The first window of a start (None if no name was given when asked).

    ``--annotator`` (or the reviewer's name with ``--review``) is for this start only; the
    remembered name, which a plain start opens with, changes only when it is asked for on the
    first start or through File > Switch annotator…, so a reviewer's start never turns the next
    plain start into the reviewer's.
    """
    from annotator.app import open_workspace
    from annotator.gui.i18n import apply_language
    from annotator.gui.main_window import LANGUAGE_KEY
    from annotator.gui.session import ANNOTATOR_KEY, Session

    if annotator:
        annotator_layer(annotator)  # a reserved or malformed name is refused before opening
    app = ensure_application()
    ws = open_workspace(db, annotator or "system", create=True, daily_backup=False)
    apply_language(app, ws.setting(LANGUAGE_KEY))
    name = annotator or ws.setting(ANNOTATOR_KEY)
    if not name:
        name = ask_annotator_name(getpass.getuser())
        if not name:
            ws.close()
            return None
        annotator_layer(name)  # a reserved or malformed name is refused before it is kept
        if not ws.read_only:
            ws.set_setting(ANNOTATOR_KEY, name)
    annotator_layer(name)
    return Session(app).show(ws, name, review)


def run_gui(db: str | None, annotator: str | None, review: bool = False) -> int:
    window = start_window(db, annotator, review)
    if window is None:
        return 1
    window.show()
    return ensure_application().exec()
