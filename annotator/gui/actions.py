"""Every action of the annotation window, with its object name and keyboard shortcuts.

Keys are chosen to work on an Arabic keyboard too: label keys also bind the Arabic character of
the same physical key, and span-edge moves use arrow keys. The article reads right to left, so
the Right arrow moves an edge towards the start of the text and Left towards its end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap

from annotator.arabic.keyboard import layout_independent
from annotator.arabic.words import Edge, Step
from annotator.core.schema import LabelSchema

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Move:
    """A span-edge move an action performs."""

    edge: Edge
    step: Step
    forward: bool


@dataclass
class WindowActions:
    tag: dict[str, QAction]
    tag_exact: dict[str, QAction]
    delete_span: QAction
    link_mode: QAction
    cancel: QAction
    next_span: QAction
    previous_span: QAction
    mark_done: QAction
    focus_article: QAction
    snap_words: QAction
    zoom_in: QAction
    zoom_out: QAction
    refresh: QAction
    quit: QAction
    languages: QActionGroup
    moves: dict[QAction, Move] = field(default_factory=dict)


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def label_title(name: str) -> str:
    """Translated display names for the default labels; other schemas show their own names."""
    return {
        "QUOTE": translate("Labels", "Quote"),
        "SPEAKER": translate("Labels", "Speaker"),
        "DATE": translate("Labels", "Date"),
        "CLAIM": translate("Labels", "Claim"),
    }.get(name, name)


def attribute_title(name: str) -> str:
    """Translated display names for the default attributes."""
    return {
        "kind": translate("Labels", "Kind"),
        "entity": translate("Labels", "Entity"),
        "type": translate("Labels", "Type"),
        "value": translate("Labels", "Value"),
        "checkworthy": translate("Labels", "Check-worthy"),
    }.get(name, name)


def _action(
    parent: QObject, name: str, text: str, keys: list[str] | tuple[str, ...] = ()
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


def build_tag_actions(
    parent: QObject, schema: LabelSchema
) -> tuple[dict[str, QAction], dict[str, QAction]]:
    """``tag_<LABEL>`` and ``tagExact_<LABEL>`` for every label of the workspace's schema,
    with its colour and keys (rebuilt when the schema changes)."""
    tag: dict[str, QAction] = {}
    tag_exact: dict[str, QAction] = {}
    for name, spec in schema.labels.items():
        keys = layout_independent(spec.shortcuts)
        action = _action(parent, f"tag_{name}", label_title(name), keys)
        action.setIcon(swatch(spec.color))
        action.setIconText(f"{label_title(name)}  {keys[0]}" if keys else label_title(name))
        action.setToolTip(f"{label_title(name)} ({' / '.join(keys)})")
        tag[name] = action
        exact = _action(
            parent,
            f"tagExact_{name}",
            translate("Actions", "{label}, exactly as selected").format(label=label_title(name)),
            [f"Alt+{k}" for k in keys],
        )
        tag_exact[name] = exact
    return tag, tag_exact


def build_actions(parent: QObject, schema: LabelSchema, language: str | None) -> WindowActions:
    tag, tag_exact = build_tag_actions(parent, schema)
    moves: dict[QAction, Move] = {}
    for name, move, keys, text in (
        (
            "move_start_char_earlier",
            Move("start", "char", False),
            "Alt+Right",
            translate("Actions", "Start one character earlier"),
        ),
        (
            "move_start_char_later",
            Move("start", "char", True),
            "Alt+Left",
            translate("Actions", "Start one character later"),
        ),
        (
            "move_end_char_earlier",
            Move("end", "char", False),
            "Alt+Shift+Right",
            translate("Actions", "End one character earlier"),
        ),
        (
            "move_end_char_later",
            Move("end", "char", True),
            "Alt+Shift+Left",
            translate("Actions", "End one character later"),
        ),
        (
            "move_start_word_earlier",
            Move("start", "word", False),
            "Ctrl+Alt+Right",
            translate("Actions", "Start one word or proclitic earlier"),
        ),
        (
            "move_start_word_later",
            Move("start", "word", True),
            "Ctrl+Alt+Left",
            translate("Actions", "Start one word or proclitic later"),
        ),
        (
            "move_end_word_earlier",
            Move("end", "word", False),
            "Ctrl+Alt+Shift+Right",
            translate("Actions", "End one word earlier"),
        ),
        (
            "move_end_word_later",
            Move("end", "word", True),
            "Ctrl+Alt+Shift+Left",
            translate("Actions", "End one word later"),
        ),
    ):
        moves[_action(parent, name, text, [keys])] = move
    link_mode = _action(
        parent,
        "linkMode",
        translate("Actions", "Link to speaker (then Enter, Tab for another, or a click)"),
        layout_independent(["L"]),
    )
    link_mode.setCheckable(True)
    snap = _action(parent, "snapWords", translate("Actions", "Snap selections to whole words"))
    snap.setCheckable(True)
    languages = QActionGroup(parent)
    for code, text in (
        ("", translate("Actions", "System language")),
        ("ar", "العربية"),
        ("en", "English"),
    ):
        choice = QAction(text, languages)
        choice.setObjectName(f"language_{code or 'system'}")
        choice.setData(code)
        choice.setCheckable(True)
        choice.setChecked(code == (language or ""))
    return WindowActions(
        tag=tag,
        tag_exact=tag_exact,
        delete_span=_action(
            parent, "deleteSpan", translate("Actions", "Delete span"), ["Delete", "Backspace"]
        ),
        link_mode=link_mode,
        cancel=_action(
            parent, "cancel", translate("Actions", "Cancel link / deselect"), ["Escape"]
        ),
        next_span=_action(parent, "nextSpan", translate("Actions", "Next span"), ["Alt+Down"]),
        previous_span=_action(
            parent, "previousSpan", translate("Actions", "Previous span"), ["Alt+Up"]
        ),
        mark_done=_action(
            parent,
            "markDone",
            translate("Actions", "Mark done and go to next"),
            ["Ctrl+Return", "Ctrl+Enter"],
        ),
        focus_article=_action(
            parent, "focusArticle", translate("Actions", "Back to the article"), ["F6"]
        ),
        snap_words=snap,
        zoom_in=_action(
            parent, "zoomIn", translate("Actions", "Larger text"), ["Ctrl++", "Ctrl+="]
        ),
        zoom_out=_action(parent, "zoomOut", translate("Actions", "Smaller text"), ["Ctrl+-"]),
        refresh=_action(
            parent, "refresh", translate("Actions", "Refresh (show others' changes)"), ["F5"]
        ),
        quit=_action(parent, "quit", translate("Actions", "Quit"), ["Ctrl+Q"]),
        languages=languages,
        moves=moves,
    )
