"""Qt's undo stack over the plain-Python edit commands of ``annotator.core.commands``.

A command runs once before it is pushed, so a rejected edit (a bad date value, an invalid link)
reports its error and never reaches the stack; ``QUndoStack.push`` then skips its first redo.

Undo and redo go through ``step``, which runs the command *before* moving the stack, because
QUndoStack moves its index whatever the command does. A step the store could not save (locked
past the busy timeout, disk full: a ``WorkspaceError``) leaves the stack where it was, so the
screen, the store and Edit > Undo still agree and the step can be tried again. A step that can
never apply (another program deleted the span) is reported and dropped from the history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core import commands
from annotator.core.commands import Command
from annotator.core.errors import AnnotatorError, WorkspaceError


def describe(command: Command) -> str:
    """The translated name shown in Edit > Undo/Redo."""
    names = {
        commands.AddSpan: QCoreApplication.translate("Undo", "Tag span"),
        commands.DeleteSpan: QCoreApplication.translate("Undo", "Delete span"),
        commands.MoveSpan: QCoreApplication.translate("Undo", "Move span edge"),
        commands.SetAttribute: QCoreApplication.translate("Undo", "Edit attribute"),
        commands.LinkSpeaker: QCoreApplication.translate("Undo", "Link speaker"),
        commands.SetStatus: QCoreApplication.translate("Undo", "Change status"),
        commands.SetPublished: QCoreApplication.translate("Undo", "Set publication date"),
        commands.AcceptSuggestions: QCoreApplication.translate("Undo", "Accept suggestion"),
        commands.RejectSuggestion: QCoreApplication.translate("Undo", "Reject suggestion"),
        commands.GoldDecision: QCoreApplication.translate("Undo", "Review decision"),
    }
    return names.get(type(command), type(command).__name__)


class UndoableCommand(QUndoCommand):
    def __init__(self, command: Command, on_error: Callable[[str], None]) -> None:
        super().__init__(describe(command))
        self.command = command
        self._on_error = on_error
        # The store already holds the effect of the next redo (push) or undo (step).
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._run(self.command.do)

    def undo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._run(self.command.undo)

    def mark_done(self) -> None:
        """The next undo or redo Qt asks for has already been run by ``step``."""
        self._already_done = True

    def _run(self, run: Callable[[], None]) -> None:
        """Qt stepping on its own (not through ``step``): report a failure, drop the step."""
        try:
            run()
        except AnnotatorError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))


def push(stack: QUndoStack, command: Command, on_error: Callable[[str], None]) -> bool:
    """Do ``command`` now (committed to the store) and make it undoable; False if refused."""
    try:
        command.do()
    except AnnotatorError as exc:
        on_error(str(exc))
        return False
    stack.push(UndoableCommand(command, on_error))
    return True


def step(stack: QUndoStack, backwards: bool, on_error: Callable[[str], None]) -> bool:
    """Undo (``backwards``) or redo one step of ``stack``; False if it failed or there is none.

    The command runs first; only when the store has taken it does the stack move.
    """
    index = stack.index() - 1 if backwards else stack.index()
    if not 0 <= index < stack.count():
        return False
    wrapper = stack.command(index)
    assert isinstance(wrapper, UndoableCommand)
    applied = True
    try:
        (wrapper.command.undo if backwards else wrapper.command.do)()
    except WorkspaceError as exc:
        on_error(str(exc))  # not saved: the stack stays put and the step can be tried again
        return False
    except AnnotatorError as exc:
        on_error(str(exc))  # can never apply again: Qt drops an obsolete command as it steps
        wrapper.setObsolete(True)
        applied = False
    else:
        wrapper.mark_done()
    if backwards:
        stack.undo()
    else:
        stack.redo()
    return applied
