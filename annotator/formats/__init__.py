"""File formats: one module per format, each with read() and/or write().

``read_paths`` picks the reader by file type so that the CLI and the GUI accept the same inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.records import DocumentRecord
from annotator.formats import jsonl, txt

FOLDER_SUFFIXES = (".txt", ".jsonl", ".ndjson")
READERS = {".txt": txt.read, ".jsonl": jsonl.read, ".json": jsonl.read, ".ndjson": jsonl.read}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the readable files inside named folders, in a stable order."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(_folder_files(path))
        elif path.is_file():
            if path.suffix.lower() not in READERS:
                raise InputError(str(path), f"unknown file type (expected {', '.join(READERS)}).")
            found.append(path)
        else:
            raise InputError(str(path), "no such file or folder.")
    return found


def import_files(paths: Iterable[str | Path]) -> list[Path]:
    """What an import of ``paths`` reads; refuses a choice that holds nothing to import."""
    names = [str(p) for p in paths]
    files = expand_paths(names)
    if not files:
        raise InputError(", ".join(names), "holds no .txt or .jsonl file to import.")
    return files


def _folder_files(folder: Path) -> list[Path]:
    """Article files in a folder tree: .txt and .jsonl/.ndjson, skipping hidden files and
    folders (a virtualenv's or editor's .json files are not articles)."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in FOLDER_SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def read_paths(paths: Iterable[Path]) -> Iterator[DocumentRecord]:
    for path in paths:
        yield from READERS[path.suffix.lower()](path)


def count_records(files: Iterable[Path]) -> int:
    """About how many records ``files`` hold, for a progress bar's total.

    Roughly (line breaks, not records) and in fixed-size chunks: a total must not read a huge
    line into memory before the importer can refuse it.
    """
    total = 0
    for f in files:
        if f.suffix.lower() == ".txt":
            total += 1
            continue
        with f.open("rb") as fh:
            total += sum(chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""))
    return total
