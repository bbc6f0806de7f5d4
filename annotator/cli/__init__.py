"""The `annotator` command. With no subcommand it opens the GUI.

Each subcommand lives in a module of this package that registers its parser; errors reach the
user as one sentence on stderr with a non-zero exit, never as a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import NoReturn

from annotator.core.errors import AnnotatorError
from annotator.core.paths import resolve_workspace_path


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="workspace file (default: $ANNOTATOR_DB or your data folder)")
    parser.add_argument("--annotator", help="your annotator name (the layer you write)")
    parser.add_argument(
        "--review", action="store_true", help="open the GUI in review mode (you write gold)"
    )


def build_parser() -> argparse.ArgumentParser:
    from annotator import __version__
    from annotator.cli import backup, data, review, schema, suggest, train

    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate quotes, speakers, dates and claims in Arabic news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (data, suggest, train, review, backup, schema):
        module.register(sub)
    for command in sub.choices.values():
        _global_options_after(command)
    return parser


def _global_options_after(command: argparse.ArgumentParser) -> None:
    """``annotator import --db ws.db ...`` works as ``annotator --db ws.db import ...`` does:
    the global options are accepted after the command too (argparse's own message for them
    there, "unrecognized arguments: --db", did not say where they belong). Given after the
    command, they win; a command's own option of the same name (``package --annotator``) stays
    the command's."""
    for option in ("--db", "--annotator"):
        with suppress(argparse.ArgumentError):  # the command's own option of that name
            command.add_argument(option, default=argparse.SUPPRESS, help=argparse.SUPPRESS)


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options of a plain start (no command): the window's, parsed without importing the
    command modules (rich, the suggester, the learned models, every format), which would cost
    the window most of its first second. None when there is a command, --help or --version."""
    front = _QuietParser(add_help=False, allow_abbrev=False)
    _global_options(front)
    try:
        args, rest = front.parse_known_args(argv)
    except ValueError:  # a malformed option: the full parser says what is wrong
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; output cut short by a closed pipe (``annotator stats | head -1``)
    ends quietly with exit code 0: what was asked was done, the reader wanted no more."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush at exit does not
    complain about the closed pipe either (the recipe of Python's signal documentation)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _run(argv: Sequence[str] | None) -> int:
    args = window_arguments(argv) or build_parser().parse_args(argv)
    try:
        if args.command is None:
            from annotator.desktop_check import start_problem

            problem = start_problem()
            if problem:  # before Qt is loaded: Qt itself would abort with a worse message
                print(f"annotator: {problem}", file=sys.stderr)
                return 2
            from annotator.gui.app import run_gui

            return run_gui(args.db, args.annotator, args.review)
        return int(args.handler(args) or 0)
    except AnnotatorError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # damage found only when a page is read
        path, _ = resolve_workspace_path(args.db)
        print(
            f"annotator: {path} is damaged ({exc}); nothing was changed. `annotator check` "
            "lists the problems and `annotator restore` puts a backup back.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print(
            "annotator: interrupted; nothing was changed by the unfinished step.", file=sys.stderr
        )
        return 130
