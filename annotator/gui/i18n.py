"""The interface language: our Arabic translation plus Qt's own, and the mirrored layout.

The compiled ``.qm`` files are committed in resources/translations (built by
``pyside6-lrelease`` from the ``.ts`` beside them), so start-up needs no tool and no compile
step; tests/test_translations.py proves the committed file matches its source.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QStyleFactory

from annotator.core.paths import resources_dir
from annotator.core.workflow import ui_language
from annotator.gui.bidi_style import ShortcutIsolatingStyle

TRANSLATOR_NAME = "annotatorTranslator"
RIGHT_TO_LEFT = frozenset({"ar"})


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def apply_language(app: QApplication, setting: str | None) -> str:
    """Install the language chosen by ``setting`` (or the system locale); returns its code.

    Replaces translators installed by an earlier call, so tests and a language switch never
    stack two languages, and sets the one application-wide layout direction.
    """
    language = ui_language(setting, QLocale.system().name())
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    # English too: its plural forms ("1 document", "2 documents") come from annotator_en.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    names = [(f"annotator_{language}", translations_dir())]
    if language != "en":
        names.append((f"qtbase_{language}", qt_dir))
    for name, folder in names:
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, folder):
            app.installTranslator(translator)
    if not isinstance(app.style(), ShortcutIsolatingStyle):
        base = QStyleFactory.create(app.style().name())
        app.setStyle(ShortcutIsolatingStyle(base) if base else ShortcutIsolatingStyle())
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if language in RIGHT_TO_LEFT
        else Qt.LayoutDirection.LeftToRight
    )
    return language
