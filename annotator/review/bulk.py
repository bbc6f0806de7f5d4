"""Resolving every open conflict of a document at once, by one strategy.

A reviewer who trusts one annotator on a document (or wants the union of every boundary, or
none of the disputed spans) should not click through forty conflicts. The strategies are the
single decisions of :mod:`annotator.review.resolve` applied in text order: ``take:<layer>``,
``union`` (the merged extent; relation conflicts, which have no span to merge, stay open) and
``reject``. Conflicts are looked up again after each decision, so one that an earlier decision
closed (made moot, or settled by gold) is not decided twice.
"""

from __future__ import annotations

from annotator.core.errors import ValidationError
from annotator.core.workspace import Workspace
from annotator.review.conflicts import Conflict, find_conflicts
from annotator.review.resolve import merge_proposal, reject, take_merge, take_version

STRATEGIES = ("union", "reject")  # and "take:<layer>" for each compared layer


def _decide(ws: Workspace, conflict: Conflict, strategy: str, reason: str | None) -> bool:
    """One conflict by ``strategy``; False when the strategy has nothing to say about it."""
    if strategy.startswith("take:"):
        layer = strategy.removeprefix("take:")
        if layer not in conflict.versions:
            return False
        take_version(ws, conflict, layer, reason)
    elif strategy == "union":
        if not any(conflict.versions.values()):
            return False
        take_merge(ws, conflict, reason=reason, **merge_proposal(conflict, "union"))
    elif strategy == "reject":
        reject(ws, conflict, reason)
    else:
        raise ValidationError(
            f"Unknown strategy {strategy!r} (take:<layer>, {', '.join(STRATEGIES)})."
        )
    return True


def resolve_open(ws: Workspace, doc_id: str, strategy: str, reason: str | None = None) -> int:
    """Decide the document's open conflicts by ``strategy``; returns how many were decided."""
    decided = 0
    tried: set[str] = set()
    while True:
        conflict = next(
            (c for c in find_conflicts(ws, doc_id) if not c.resolved and c.id not in tried), None
        )
        if conflict is None:
            return decided
        tried.add(conflict.id)
        decided += _decide(ws, conflict, strategy, reason)


def open_count(ws: Workspace, doc_id: str) -> int:
    """How many of the document's conflicts are still open."""
    return sum(not c.resolved for c in find_conflicts(ws, doc_id))
