"""Putting a backup back in place of a workspace, without ever losing the current state.

Restoring first backs up what is there now (or, if SQLite cannot open it, copies its bytes), so
a restore can itself be undone with another restore. A healthy workspace is overwritten through
SQLite's backup API under the write lock, so another program that has it open waits and then
sees the restored data; a damaged one is replaced as a file, atomically.

The file restored from may come from anywhere (a copy of a live workspace from another
machine): it is read as a ``Snapshot`` (its write-ahead log included, nothing written beside
it) and must have exactly the schema our migrations create, like any workspace opened here.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from annotator.core.backups import Backup, create_backup, list_backups, preserve_file
from annotator.core.errors import DamagedWorkspaceError, ReadOnlyError, WorkspaceError
from annotator.core.fileguard import inspect_file, read_only_reason
from annotator.core.fileschema import schema_refusal
from annotator.core.snapshot import Snapshot, SnapshotError
from annotator.core.store import APPLICATION_ID, SCHEMA_VERSION, connect


def find_backup(workspace: Path, name: str) -> Path:
    """A backup named as ``restore --list`` shows it, or any path to a backup file."""
    for backup in list_backups(workspace):
        if backup.path.name == name:
            return backup.path
    candidate = Path(name)
    if candidate.is_file():
        return candidate
    raise WorkspaceError(
        f"{name} is neither a backup of {workspace} nor a file; "
        "`annotator restore --list` shows the backups."
    )


def check_backup(backup: Path) -> None:
    """Refuse a backup that is not a complete, healthy workspace this version can read."""
    inspect_file(backup)
    try:
        with _snapshot(backup) as snapshot:
            conn = snapshot.conn
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            foreign = schema_refusal(conn, version) if app_id == APPLICATION_ID else None
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0] if not foreign else "ok"
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{backup} cannot be restored: it is damaged ({exc}).") from exc
    if app_id != APPLICATION_ID:
        raise WorkspaceError(f"{backup} cannot be restored: it is not an annotator workspace.")
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"{backup} cannot be restored: it was written by a newer version of the annotator."
        )
    if foreign:
        raise WorkspaceError(f"{backup} cannot be restored: {foreign}.")
    if verdict != "ok":
        raise WorkspaceError(f"{backup} cannot be restored: it is damaged ({verdict}).")


def _snapshot(backup: Path) -> Snapshot:
    try:
        return Snapshot(backup)
    except SnapshotError as exc:
        raise WorkspaceError(f"{backup} cannot be restored: {exc}.") from exc


def restore(workspace: Path, backup: Path) -> Backup | None:
    """Replace ``workspace`` by ``backup``; returns the backup made of the state replaced."""
    check_backup(backup)
    why = read_only_reason(workspace)
    if why:
        raise ReadOnlyError(f"{workspace} cannot be restored: {why}.")
    if not workspace.exists():
        _replace_file(workspace, backup)
        return None
    try:
        live = connect(workspace)
    except DamagedWorkspaceError:
        return _replace_damaged(workspace, backup)
    try:
        try:
            kept = create_backup(live.conn, workspace, "before-restore")
        except DamagedWorkspaceError:
            live.close()
            return _replace_damaged(workspace, backup)
        with _snapshot(backup) as source:
            source.conn.backup(live.conn)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{workspace} could not be restored ({exc}).") from exc
    finally:
        live.close()
    return kept


def _replace_damaged(workspace: Path, backup: Path) -> Backup:
    kept = preserve_file(workspace, "damaged")
    _replace_file(workspace, backup)
    return kept


def _replace_file(workspace: Path, backup: Path) -> None:
    """Copy beside the target (through SQLite, so that the backup's write-ahead log is
    included), flush, rename over it, and drop the old write-ahead log, whose pages belong to
    the replaced file and would corrupt the restored one."""
    workspace.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{workspace.name}.", suffix=".part", dir=workspace.parent
    )
    os.close(fd)
    try:
        with _snapshot(backup) as source:
            copy = sqlite3.connect(tmp_name)
            try:
                source.conn.backup(copy)
            finally:
                copy.close()
        with open(tmp_name, "rb+") as out:
            os.fsync(out.fileno())
        for suffix in ("-wal", "-shm"):
            workspace.with_name(workspace.name + suffix).unlink(missing_ok=True)
        os.replace(tmp_name, workspace)
    except BaseException as exc:
        for suffix in ("", "-wal", "-shm"):
            Path(tmp_name + suffix).unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise WorkspaceError(f"{workspace} could not be restored ({exc}).") from exc
        raise
