"""File formats: one module per format, each with read() and/or write(); ``registry`` is the
one table of them that the CLI and the GUI read.

``expand_paths`` and ``read_paths`` pick the reader by file type (or take the one named), so
that the CLI and the GUI accept the same inputs; ``import_files`` and ``count_records`` are
the rest of what both do before an import.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.formats.registry import Format, expand_paths, import_suffixes, read_paths

__all__ = ["count_records", "expand_paths", "import_files", "read_paths"]


def import_files(paths: Iterable[str | Path], fmt: Format | None = None) -> list[Path]:
    """What an import of ``paths`` reads; refuses a choice that holds nothing to import."""
    names = [str(p) for p in paths]
    files = expand_paths(names, fmt)
    if not files:
        wanted = ", ".join(import_suffixes(fmt))
        raise InputError(", ".join(names), f"holds no file to import ({wanted}).")
    return files


def count_records(files: Iterable[Path]) -> int:
    """About how many records ``files`` hold, for a progress bar's total: line breaks of
    line-based files, one per other file.

    Roughly (line breaks, not records) and in fixed-size chunks: a total must not read a huge
    line into memory before the importer can refuse it.
    """
    total = 0
    for f in files:
        if f.suffix.lower() not in (".jsonl", ".ndjson"):
            total += 1
            continue
        with f.open("rb") as fh:
            total += sum(chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""))
    return total
