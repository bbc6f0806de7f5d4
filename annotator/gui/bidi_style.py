"""Keyboard shortcuts in menus read left to right in a right-to-left interface.

A menu item's shortcut text ("Ctrl++", "Ctrl+-") is laid out in the menu's direction; in the
Arabic interface the bidi algorithm then moves the trailing "+" signs, which are neutral, to
the other side: "++Ctrl". The style wraps the shortcut part of every menu item in a
left-to-right isolate (U+2066 … U+2069) before Qt draws it, so it shows as typed, while the
item's own text keeps the interface's direction.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionMenuItem, QWidget

LEFT_TO_RIGHT_ISOLATE = "\u2066"
POP_ISOLATE = "\u2069"


def isolated_shortcut(menu_text: str) -> str:
    """A menu item's text ("label<TAB>shortcut") with the shortcut isolated left to right."""
    label, tab, keys = menu_text.partition("\t")
    if not tab or not keys or keys.startswith(LEFT_TO_RIGHT_ISOLATE):
        return menu_text
    return f"{label}\t{LEFT_TO_RIGHT_ISOLATE}{keys}{POP_ISOLATE}"


class ShortcutIsolatingStyle(QProxyStyle):
    """The application's style, with menu shortcuts drawn left to right."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(
            option, QStyleOptionMenuItem
        ):
            option = QStyleOptionMenuItem(option)
            option.text = isolated_shortcut(option.text)
        super().drawControl(element, option, painter, widget)
