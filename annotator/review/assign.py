"""Who annotates which document, and work packages for annotators on their own machines.

:func:`assign` gives every document one annotator and a share of them (``overlap``) a second
one, so that agreement can be measured on that share. It is deterministic: the documents are
ordered by the SHA-256 of their text and shuffled with ``seed``, then each in turn goes to the
least loaded annotators (ties broken by the order the names were given), which keeps the loads
within one document of each other. Documents already assigned keep their annotators unless
``replace`` is asked for.

:func:`make_package` writes a new workspace file with one annotator's documents, their own
layer and the machine suggestions, to hand over; ``annotator merge`` brings the work back.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.changes import ChangeKind
from annotator.core.counted import counted
from annotator.core.errors import InputError, ValidationError
from annotator.core.model import RESERVED_LAYERS, SUGGESTIONS_LAYER, Relation
from annotator.core.notes import NOTE_SELECT, note_from_row
from annotator.core.rows import check_layer_name, now, span_from_row
from annotator.core.tables import Writer
from annotator.core.workspace import Workspace

PRIMARY, OVERLAP = "primary", "overlap"


@dataclass
class Assignment:
    """The result of :func:`assign`: documents per annotator and how many are shared."""

    per_annotator: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    shared: int = 0

    def summary(self) -> str:
        loads = ", ".join(f"{name} {n}" for name, n in self.per_annotator.items())
        return (
            f"{counted(self.documents, 'document')} assigned, {self.shared} to two annotators "
            f"({loads})"
        )


def assignments(ws: Workspace) -> dict[str, list[str]]:
    """Per document, its annotators (primary first)."""
    out: dict[str, list[str]] = {}
    for doc_id, annotator in ws.query(
        "SELECT doc_id, annotator FROM assignments ORDER BY doc_id, role != 'primary', annotator"
    ):
        out.setdefault(doc_id, []).append(annotator)
    return out


def documents_for(ws: Workspace, annotator: str) -> list[str]:
    """The ids of the documents assigned to ``annotator``, in import order."""
    rows = ws.query(
        "SELECT id FROM documents WHERE id IN "
        "(SELECT doc_id FROM assignments WHERE annotator = ?) ORDER BY rowid",
        (annotator,),
    )
    return [doc_id for (doc_id,) in rows]


def _check_names(annotators: Sequence[str]) -> list[str]:
    names = list(dict.fromkeys(a.strip() for a in annotators if a.strip()))
    if not names:
        raise ValidationError("Name at least one annotator (e.g. --annotators amal,omar).")
    for name in names:
        check_layer_name(name)
        if name in RESERVED_LAYERS:
            raise ValidationError(f"'{name}' is a reserved layer, not an annotator's name.")
    return names


def assign(
    ws: Workspace,
    annotators: Sequence[str],
    overlap: float = 0.2,
    seed: int = 0,
    replace: bool = False,
) -> Assignment:
    """Assign documents to ``annotators`` with a share ``overlap`` going to two of them."""
    names = _check_names(annotators)
    if not 0 <= overlap <= 1:
        raise ValidationError(f"The overlap is a share between 0 and 1, not {overlap}.")
    if overlap > 0 and len(names) < 2:
        raise ValidationError("An overlap needs at least two annotators.")
    # Read inside the transaction: two runs at once never assign a document twice.
    with ws.writing("assign", ChangeKind.ASSIGNMENTS) as w:
        return _assign(ws, w, names, overlap, seed, replace)


def _assign(
    ws: Workspace, w: Writer, names: list[str], overlap: float, seed: int, replace: bool
) -> Assignment:
    current = assignments(ws)
    replaced: dict[str, list[str]] = {}
    if replace:
        current, replaced = {}, current
    todo = sorted(
        (sha, doc_id) for sha, doc_id in ws.doc_ids_by_sha().items() if doc_id not in current
    )
    random.Random(seed).shuffle(todo)
    shared = round(overlap * len(todo))
    load = Counter({name: 0 for name in names})
    for assigned in current.values():
        load.update(name for name in assigned if name in load)
    rows = []
    for n, (_, doc_id) in enumerate(todo):
        chosen = sorted(names, key=lambda name: (load[name], names.index(name)))[: 1 + (n < shared)]
        for role, name in zip((PRIMARY, OVERLAP), chosen, strict=False):
            rows.append((doc_id, name, role, now()))
            load[name] += 1
    result = Assignment(dict(load), len(todo), shared)

    if rows or replace:
        w.add_assignments(rows, replace=replace)
    w.log_event = bool(rows or replaced)
    w.payload.update(
        {
            "annotators": names,
            "overlap": overlap,
            "seed": seed,
            "replace": replace,
            "documents": len(todo),
            "shared": shared,
        }
    )
    return result


def make_package(ws: Workspace, annotator: str, output: str | Path) -> int:
    """Write a workspace file with ``annotator``'s documents; returns how many.

    The file holds those documents, the annotator's own layer and the ``suggestions`` layer on
    them, the annotator's notes and their assignments; it is written under a temporary name
    and renamed, so a failed package never leaves a half file. An existing file is not overwritten.
    """
    target = Path(output)
    if target.exists():
        raise InputError(str(target), "already exists; choose a new file for the package.")
    docs = documents_for(ws, annotator)
    if not docs:
        raise ValidationError(
            f"{ws.path}: no documents are assigned to '{annotator}' (run annotator assign first)."
        )
    temp = target.with_name(f".{target.name}.part")
    temp.unlink(missing_ok=True)
    try:
        with Workspace(temp, who=ws.who) as package:
            package.set_schema(ws.schema)  # the package carries this workspace's schema
            payload = {"annotator": annotator, "documents": len(docs), "source": str(ws.path)}
            with package.writing("package", ChangeKind.WORKSPACE, payload=payload) as w:
                _copy(ws, w, annotator, docs)
        os.replace(temp, target)
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
    return len(docs)


def _copy(ws: Workspace, w: Writer, annotator: str, docs: list[str]) -> None:
    """Copy rows as they are (ids, times, authors), so merging the package back is exact.

    Rows are filtered by document here rather than in SQL, so a package of any size stays
    within SQLite's limit on query parameters.
    """
    wanted = set(docs)
    layers = [annotator, SUGGESTIONS_LAYER]
    by_layer = "WHERE layer IN (?,?) ORDER BY rowid"
    w.insert_documents(
        row
        for row in ws.query(
            "SELECT id, title, text, sha256, source, published, meta, created FROM documents "
            "ORDER BY rowid"
        )
        if row[0] in wanted
    )
    for name, kind, created in ws.query(
        "SELECT name, kind, created FROM layers WHERE name IN (?,?)", layers
    ):
        w.ensure_layer(name, kind, created)
    w.put_spans(
        (span_from_row(row[:10]), row[10], row[11])
        for row in ws.query(
            'SELECT id, doc_id, layer, start, "end", label, attrs, origin, confidence, '
            f"provenance, author, updated FROM spans {by_layer}",
            layers,
        )
        if row[1] in wanted
    )
    w.put_relations(
        (Relation(*row[:6]), row[6], row[7])
        for row in ws.query(
            "SELECT id, doc_id, layer, head, child, label, author, updated FROM relations "
            f"{by_layer}",
            layers,
        )
        if row[1] in wanted
    )
    for row in ws.query(
        f"SELECT doc_id, layer, status, seconds, updated FROM doc_status {by_layer}", layers
    ):
        if row[0] in wanted:
            w.put_status(*row)
    w.insert_notes(
        note
        for note in map(note_from_row, ws.query(f"{NOTE_SELECT} WHERE layer = ?", [annotator]))
        if note.doc_id in wanted
    )
    w.add_assignments(
        row
        for row in ws.query(
            "SELECT doc_id, annotator, role, assigned FROM assignments WHERE annotator = ?",
            [annotator],
        )
        if row[0] in wanted
    )
