"""Plain-text articles: the whole file is the text and its first non-empty line the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.records import MAX_DOCUMENT_BYTES, DocumentRecord
from annotator.core.text import decode_bytes


def decode_file(path: Path, data: bytes, line_offset: int = 0) -> str:
    """UTF-8 or a clear error naming the line of the first bad byte."""
    try:
        return decode_bytes(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 + line_offset
        raise InputError(
            str(path), f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded).", line
        ) from exc


def read(path: Path) -> Iterator[DocumentRecord]:
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise InputError(
                str(path),
                f"is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB, the most one document may "
                "hold; split it into articles.",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror}).") from exc
    text = decode_file(path, data)
    if not text.strip():
        raise InputError(str(path), "is empty; an article needs a text to annotate.")
    yield DocumentRecord(text=text, path=str(path), id=path.stem, source=path.as_posix())
