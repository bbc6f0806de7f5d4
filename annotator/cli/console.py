"""Terminal output shared by the subcommands: progress bars, tables and Arabic display."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import regex
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from annotator.arabic.terminal import for_terminal, needs_visual_order

_CONTROL = regex.compile(r"\p{Cc}")


class _PipedConsole(Console):
    """Rich ends the program with exit code 1 when its pipe closes; here the closed pipe is
    handed to ``annotator.cli.main``, which ends quietly like every other command."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def stdout_console() -> Console:
    """Markup and emoji codes off: titles and ids come from files, and "[link=...]" or
    ":smile:" in an article must print as the characters they are.

    Piped output has no terminal width; rich would assume 80 columns and squeeze wide tables
    (one column per layer) to nothing, so a pipe gets room for the whole table instead.
    """
    width = None if sys.stdout.isatty() else 240
    return _PipedConsole(
        file=sys.stdout, soft_wrap=False, highlight=False, markup=False, emoji=False, width=width
    )


def literal(value: str) -> Text:
    """Untrusted text for a table cell: never parsed as markup, and control characters (an
    escape sequence could recolour or retitle the terminal) shown as visible symbols."""
    return Text(_CONTROL.sub(_control_picture, value))


def _control_picture(match: regex.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def display(mode: str) -> Callable[[str], str]:
    """A function that prepares Arabic strings for this terminal (or leaves them alone)."""
    visual = needs_visual_order(sys.stdout, mode)
    return lambda text: for_terminal(text, visual)


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, tests)."""
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done: bar.update(task, completed=done)


def print_json(value: object) -> None:
    """``--json`` output: strict JSON (NaN and Infinity are not JSON), Arabic unescaped."""
    print(json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False))


class JsonList:
    """A list (or object) of a ``--json`` answer too long to hold (one entry per document of
    100,000): entries are written to a temporary file as they are computed, and
    :meth:`print_after` prints the rest of the answer with them as its last member, read back
    a line at a time. Memory stays flat however many entries."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - see close
        self.count = 0
        self._members = False

    def add(self, entry: object) -> None:
        """An entry of a list."""
        self._write(json.dumps(entry, ensure_ascii=False, allow_nan=False))

    def add_member(self, name: str, value: object) -> None:
        """A member of an object (the answer shows ``{name: value, ...}``)."""
        self._members = True
        self._write(
            json.dumps(name, ensure_ascii=False)
            + ": "
            + json.dumps(value, ensure_ascii=False, allow_nan=False)
        )

    def _write(self, line: str) -> None:
        self._file.write(line + "\n")
        self.count += 1

    def print_after(self, head: dict[str, object], key: str) -> None:
        """``head`` as :func:`print_json` prints it, with ``key``: the entries added last."""
        self._file.seek(0)
        print_json_with(
            head,
            key,
            (line.rstrip("\n") for line in self._file),
            "{}" if self._members else "[]",
        )

    def close(self) -> None:
        self._file.close()


def print_json_with(
    head: dict[str, object], key: str, entries: Iterable[str], brackets: str = "[]"
) -> None:
    """``head`` as :func:`print_json` prints it, with ``key`` as its last member: a list (or
    an object) of ``entries``, each already JSON text, written one at a time as they come."""
    opens, closes = brackets
    text = json.dumps(head, ensure_ascii=False, indent=2, allow_nan=False)
    write = sys.stdout.write
    write(text[: text.rstrip().rfind("}")].rstrip() + ("," if head else ""))
    write(f"\n  {json.dumps(key)}: {opens}")
    count = 0
    for count, entry in enumerate(entries, 1):
        write(("," if count > 1 else "") + "\n    " + entry)
    write(f"\n  {closes}\n}}\n" if count else f"{closes}\n}}\n")
