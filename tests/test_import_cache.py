"""An import runs with a larger page cache (``store.bulk_cache``) and gives it back after."""

from __future__ import annotations

import pytest

from annotator.core.errors import InputError
from annotator.core.records import DocumentRecord
from annotator.core.store import BULK_CACHE_KIB
from annotator.core.workspace import Workspace


def cache_size(ws: Workspace) -> int:
    return int(ws.query("PRAGMA cache_size").fetchone()[0])


def test_the_import_cache_is_larger_during_an_import_only(workspace):
    before = cache_size(workspace)
    seen: list[int] = []
    records = [DocumentRecord(text=f"text number {n}", path="t.txt", id=f"d{n}") for n in range(3)]
    workspace.import_records(records, progress=lambda n: seen.append(cache_size(workspace)))
    assert seen == [-BULK_CACHE_KIB] * 3
    assert cache_size(workspace) == before != -BULK_CACHE_KIB


def test_a_refused_import_gives_the_cache_back_too(workspace):
    before = cache_size(workspace)
    bad = DocumentRecord(text="  ", path="bad.jsonl", line=4)
    with pytest.raises(InputError, match=r"bad\.jsonl"):
        workspace.import_records([bad])
    assert cache_size(workspace) == before
