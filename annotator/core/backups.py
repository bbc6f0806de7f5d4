"""Automatic backups of a workspace, taken with SQLite's online backup API.

A backup is a consistent snapshot even while another process writes (the API copies committed
pages only), so it can be taken at any moment: before a schema migration, on the first open of
each day and before a restore. Backups live beside the workspace in ``<name>.backups/`` so that
they travel with it, and only the newest ``KEEP`` are kept. Each copy is written under a
temporary name, checked with ``PRAGMA quick_check`` and only then renamed, so a crash or a
damaged source never leaves a half or bad backup that rotation would prefer to a good one.

Which files are our backups, and in which order we wrote them, is recorded in the folder's
``index.jsonl`` (one line appended per backup), not read from file names or modification
times: a backups folder copied from another machine, or a file someone dropped there with a
time stamp in its name far in the future, is neither listed nor rotated, and can never push
out the backup a restore just made. The newest ``before-restore`` backup is never rotated
away, so a restore can always be undone. Backups made before the index existed are adopted
into it, in the order of their names, the first time a backup is written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import DamagedWorkspaceError, WorkspaceError

KEEP = 10
_STALE_PARTIAL_SECONDS = 3600
_STAMP = "%Y%m%dT%H%M%S%fZ"
RESTORE_HINT = "it was not changed; restore a backup with `annotator restore`"
INDEX_NAME = "index.jsonl"
_COMPACT_AFTER = 4 * KEEP  # index lines; rewriting it is rare, appending is the rule
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{12}Z)\.(?P<reason>[a-z0-9-]+)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_dir(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".backups")


def list_backups(workspace: Path) -> list[Backup]:
    """The workspace's backups, newest first (in the order we wrote them); files that are
    not ours are ignored."""
    folder = backup_dir(workspace)
    if not folder.is_dir():
        return []
    index = folder / INDEX_NAME
    entries = _read_index(index) if index.exists() else _unindexed(workspace)
    found: dict[str, Backup] = {}
    for name, created, reason in entries:
        match = _NAME.match(name)
        path = folder / name
        if match and match["stem"] == workspace.stem and name not in found and path.is_file():
            found[name] = Backup(path, created, reason)
    return list(reversed(found.values()))


def _read_index(index: Path) -> list[tuple[str, datetime, str]]:
    """The index's entries, oldest first; a line that is not one of ours is skipped."""
    entries = []
    try:
        lines = index.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    for line in lines:
        try:
            entry = json.loads(line)
            name, reason = entry["file"], entry["reason"]
            created = datetime.fromisoformat(entry["written"])
        except (ValueError, KeyError, TypeError):
            continue
        if isinstance(name, str) and isinstance(reason, str) and created.tzinfo is not None:
            entries.append((name, created, reason))
    return entries


def _unindexed(workspace: Path) -> list[tuple[str, datetime, str]]:
    """Backups written before the index existed, oldest first, by the time in their names."""
    found = []
    for child in backup_dir(workspace).iterdir():
        match = _NAME.match(child.name)
        if not match or match["stem"] != workspace.stem:
            continue
        try:
            created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        except ValueError:  # looks like ours but is not a time: not ours
            continue
        found.append((child.name, created, match["reason"]))
    return sorted(found, key=lambda entry: entry[1])


def _record(workspace: Path, target: Path, created: datetime, reason: str) -> None:
    """Append the backup to the index (adopting older, unindexed backups first)."""
    index = backup_dir(workspace) / INDEX_NAME
    entries = [] if index.exists() else _unindexed(workspace)
    entries = [e for e in entries if e[0] != target.name] + [(target.name, created, reason)]
    text = "".join(_index_line(*entry) for entry in entries)
    fd = os.open(index, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def create_backup(conn: sqlite3.Connection, workspace: Path, reason: str) -> Backup:
    """Snapshot the open workspace into its backup folder, then rotate old backups out."""
    folder = backup_dir(workspace)
    created = datetime.now(UTC)
    target = folder / f"{workspace.stem}.{created.strftime(_STAMP)}.{reason}.db"
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(exist_ok=True)
        verdict = _copy(conn, partial)
        if verdict != "ok":
            raise DamagedWorkspaceError(f"{workspace} is damaged ({verdict}); {RESTORE_HINT}.")
        _fsync(partial)
        os.replace(partial, target)
        _record(workspace, target, created, reason)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            raise WorkspaceError(
                f"{workspace}: a backup could not be written to {folder} ({exc})."
            ) from exc
        raise DamagedWorkspaceError(f"{workspace} is damaged ({exc}); {RESTORE_HINT}.") from exc
    except OSError as exc:
        raise WorkspaceError(
            f"{workspace}: a backup could not be written to {folder} ({exc.strerror})."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    rotate(workspace)
    return Backup(target, created, reason)


def _copy(conn: sqlite3.Connection, partial: Path) -> str:
    """Copy the open workspace into ``partial``; returns its quick_check verdict."""
    copy = sqlite3.connect(partial)
    try:
        conn.backup(copy)
        return str(copy.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        copy.close()


def backup_taken_today(workspace: Path) -> bool:
    """Whether a backup of this (UTC) day is in the workspace's backups folder."""
    today = datetime.now(UTC).date()
    return any(b.created.date() == today for b in list_backups(workspace))


def backup_daily(conn: sqlite3.Connection, workspace: Path) -> Backup | None:
    """The first open of a (UTC) day takes a backup; later opens that day do nothing."""
    if backup_taken_today(workspace):
        return None
    return create_backup(conn, workspace, "daily")


def rotate(workspace: Path, keep: int = KEEP) -> None:
    """Keep the newest ``keep`` backups we wrote and the newest ``before-restore`` one; also
    drop partial copies that a crash left behind (old enough that no running backup can still
    be writing them). Files the index does not name are never touched."""
    backups = list_backups(workspace)
    undo = next((b for b in backups if b.reason == "before-restore"), None)
    for old in backups[keep:]:
        if old != undo:
            old.path.unlink(missing_ok=True)
            old.path.with_name(old.path.name + "-wal").unlink(missing_ok=True)
    _compact_index(workspace)
    stale = time.time() - _STALE_PARTIAL_SECONDS
    for partial in backup_dir(workspace).glob(f"{workspace.stem}.*.db.part"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < stale:
                partial.unlink()


def _index_line(name: str, written: datetime, reason: str) -> str:
    entry = {"file": name, "written": written.isoformat(), "reason": reason}
    return json.dumps(entry, allow_nan=False) + "\n"


def _compact_index(workspace: Path) -> None:
    """Rewrite a long index with only the backups still there (atomically, rarely)."""
    index = backup_dir(workspace) / INDEX_NAME
    entries = _read_index(index)
    if len(entries) <= _COMPACT_AFTER:
        return
    kept = {b.path.name for b in list_backups(workspace)}
    partial = index.with_name(INDEX_NAME + ".part")
    with contextlib.suppress(OSError):
        partial.write_text(
            "".join(_index_line(*entry) for entry in entries if entry[0] in kept),
            encoding="utf-8",
        )
        os.replace(partial, index)


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def preserve_file(workspace: Path, reason: str) -> Backup:
    """Copy a workspace that SQLite cannot open (damaged) byte for byte, with its write-ahead
    log, into the backup folder, so that replacing it loses nothing that might be rescued."""
    folder = backup_dir(workspace)
    folder.mkdir(exist_ok=True)
    created = datetime.now(UTC)
    target = folder / f"{workspace.stem}.{created.strftime(_STAMP)}.{reason}.db"
    shutil.copy2(workspace, target)
    wal = workspace.with_name(workspace.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    _record(workspace, target, created, reason)
    return Backup(target, created, reason)
