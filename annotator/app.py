"""Wiring shared by the CLI and the GUI: which workspace to open, and seeding the default one.

The window opens a workspace through this module before its first paint, so the readers of
article files and the Arabic date grammar (hundreds of milliseconds of imports) are imported
by the functions that use them, not here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.catalog import has_documents
from annotator.core.errors import WorkspaceError
from annotator.core.paths import resolve_workspace_path, resources_dir, seeds_dir
from annotator.core.workspace import Workspace

if TYPE_CHECKING:
    from annotator.core.records import DocumentRecord


def open_workspace(
    db: str | os.PathLike[str] | None,
    who: str = "system",
    *,
    read_only: bool = False,
    foreign_schema_ok: bool = False,
    create: bool = False,
    daily_backup: bool = True,
) -> Workspace:
    """Open ``--db``/``ANNOTATOR_DB`` or the default workspace, which gets the seeds when new.

    ``read_only`` forces a read-only open (for commands that must not change anything);
    otherwise the workspace is opened read-only only when it cannot be written.
    ``foreign_schema_ok`` (read-only only) lets ``check`` open a file whose schema is not ours.
    A named file that does not exist is created only when ``create`` says so (an import, the
    window's first start, New workspace…): a mistyped path must not silently become an empty
    workspace. ``daily_backup=False``: the caller takes the day's backup itself (the window,
    off its UI thread, see ``store.take_daily_backup``).
    """
    path, is_default = resolve_workspace_path(db)
    if not is_default and not create and not path.exists():
        raise WorkspaceError(
            f"{path}: no such workspace (importing articles into it creates it: "
            f"annotator --db {path} import FILE...)."
        )
    ws = Workspace(
        path,
        who=who,
        read_only=True if read_only else None,
        foreign_schema_ok=foreign_schema_ok and read_only,
        daily_backup=daily_backup,
    )
    if is_default and not ws.read_only and not has_documents(ws.query) and not ws.setting("seeded"):
        seed_workspace(ws, seeds_dir())
    return ws


def seed_workspace(ws: Workspace, folder: Path) -> None:
    """Import the seed articles with their publication dates (resources/seeds.json).

    A .txt file carries no date, and without one every relative date ("اليوم", "الخميس") in a
    first suggestion run would stay under-specified.
    """
    from annotator.core.text import normalize_text, text_sha256
    from annotator.formats import expand_paths, read_paths

    records = list(read_paths(expand_paths([folder])))
    for record in records:
        record.published = seed_dates().get(text_sha256(normalize_text(record.text)))
    ws.import_records(records)
    ws.set_setting("seeded", True)


def seed_dates() -> dict[str, str]:
    """Publication date by text SHA-256 for the bundled seeds (none if the file is missing)."""
    path = resources_dir() / "seeds.json"
    if not path.is_file():
        return {}
    documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
    return {doc["sha256"]: doc["published"] for doc in documents.values()}


def with_publication_dates(
    records: Iterable[DocumentRecord], published: str | None = None
) -> Iterator[DocumentRecord]:
    """Give plain-text articles a publication date: ``published`` (``import --published``) or
    the date of their dateline, so that their relative dates resolve. Records that carry a
    date (JSONL ``meta.published``) keep theirs."""
    from annotator.core.rows import normalize_published

    if published is not None:
        published = normalize_published(published)
    for record in records:
        if record.published is None and record.path.lower().endswith(".txt"):
            if published is None:
                # Loaded for the first article that needs it: the date grammar takes most of
                # a second to compile, which an import of JSONL (dates in its meta) skips.
                from annotator.arabic.dateline import dateline_date

                record.published = dateline_date(record.text)
            else:
                record.published = published
        yield record
