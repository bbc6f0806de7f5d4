"""Where an export may be written: never over the workspace, its logs or its backups, and
only as a regular file (or, for the formats that write a folder, a folder).

``export -o`` renames a new file over its target. Pointed at the workspace (or its ``-wal`` or
``-shm``) that would replace the annotators' work by a JSONL file; pointed into the backups
folder it would replace the copy a restore needs. A device, a pipe or a socket is not a file
an export can be renamed over, and a folder is not one either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotator.core.backups import backup_dir
from annotator.core.errors import InputError
from annotator.formats.manifest import manifest_path


def check_export_target(target: Path, workspace: Path, *, folder: bool = False) -> None:
    """Raise InputError naming ``target`` when an export must not be written there;
    ``folder`` formats (brat, XMI) write a folder, which may replace an earlier export's."""
    ws = workspace.resolve()
    protected = {ws.with_name(ws.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")}
    backups = backup_dir(ws)
    if folder and (ws.is_relative_to(target.resolve()) or backups.is_relative_to(target.resolve())):
        raise InputError(str(target), f"holds the workspace {workspace}; choose another folder.")
    for path in (target, manifest_path(target)):
        resolved = path.resolve()
        if resolved in protected or _same_file(path, workspace):
            raise InputError(
                str(target),
                f"is the workspace {workspace} or one of its files; choose another file name.",
            )
        if resolved == backups or resolved.is_relative_to(backups):
            raise InputError(
                str(target),
                f"is inside the backups folder of {workspace}; choose a file outside it.",
            )
        try:
            mode = os.stat(path).st_mode
        except OSError:
            continue  # nothing there yet (or a dangling link, which is replaced)
        if not stat.S_ISREG(mode) and not (folder and path == target and stat.S_ISDIR(mode)):
            what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device or pipe)"
            raise InputError(str(path), f"is {what}; an export is written as a regular file.")


def _same_file(path: Path, workspace: Path) -> bool:
    """A hard link to the workspace is the workspace."""
    try:
        return os.path.samefile(path, workspace)
    except OSError:
        return False
