"""The `annotator` command. With no subcommand it opens the GUI.

Each subcommand lives in a module of this package that registers its parser; errors reach the
user as one sentence on stderr with a non-zero exit, never as a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.cli import backup, data, review, suggest
from annotator.core.errors import AnnotatorError
from annotator.core.paths import resolve_workspace_path
from annotator.desktop_check import start_problem

COMMAND_MODULES = [data, suggest, review, backup]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate quotes, speakers, dates and claims in Arabic news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="workspace file (default: $ANNOTATOR_DB or your data folder)")
    parser.add_argument("--annotator", help="your annotator name (the layer you write)")
    parser.add_argument(
        "--review", action="store_true", help="open the GUI in review mode (you write gold)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
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
