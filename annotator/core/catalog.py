"""The document list as SQL: pages of rows, filters, sorting, progress and "next unfinished".

A corpus may hold 100,000 articles, so nothing here walks the documents in Python. The list is
read a page at a time with keyset pagination (``after`` is the sort key of a row already
read, with a short OFFSET from it, forwards or backwards), which costs the same at row 90,000
as at row 0; its length is one COUNT and a document's row a COUNT of the rows before it;
filters and search are WHERE clauses; progress is one aggregate query. The window's item model
(:mod:`annotator.gui.document_list`) is a thin adapter over these functions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from annotator.core.model import GOLD_LAYER, IMPORTED_LAYER, SUGGESTIONS_LAYER, Status
from annotator.core.search_index import SEARCH_TABLE, match_expression

UNFINISHED = ("new", "in_progress")
# The status filter's choice of both unfinished statuses (not a status a document holds).
UNFINISHED_FILTER = "unfinished"

# A read-only query: ``Workspace.query`` (the authorizer refuses anything but reading).
Read = Callable[..., sqlite3.Cursor]


class Sort(Enum):
    """Orders the list can be shown in; each is (SQL key, direction), ties by import order."""

    IMPORT = "import"
    TITLE = "title"
    STATUS = "status"
    EDITED = "edited"  # last edited first
    AGREEMENT = "agreement"  # lowest first; read whole, see agreement_order

    @property
    def key(self) -> str:
        return {
            Sort.IMPORT: "d.rowid",
            Sort.TITLE: "d.title",
            Sort.STATUS: "coalesce(s.status, 'new')",
            Sort.EDITED: "coalesce(s.updated, '')",
            Sort.AGREEMENT: "a.agreement",
        }[self]

    @property
    def paged(self) -> bool:
        """Whether the list reads this order a page at a time (keyset); agreement is an
        aggregate over the spans, so its order is read once, as rowids."""
        return self is not Sort.AGREEMENT

    @property
    def descending(self) -> bool:
        return self is Sort.EDITED


@dataclass(frozen=True)
class ListQuery:
    """Which documents the list shows, for which layer's status, in which order."""

    layer: str
    search: str = ""
    status: str = ""
    sort: Sort = Sort.IMPORT


def same_rows(first: ListQuery, second: ListQuery) -> bool:
    """Whether two queries select the same rows in the same order: equal but for search text
    that searches the same (blank, or a last word still too short to be searched)."""
    if (first.layer, first.status, first.sort) != (second.layer, second.status, second.sort):
        return False
    return _expression(first) == _expression(second)


def _expression(query: ListQuery) -> str | None:
    return match_expression(query.search) if query.search.strip() else None


def search_expression(query: ListQuery) -> str | None:
    """What the query's search text searches for (None: every document)."""
    return _expression(query)


@dataclass(frozen=True)
class ListRow:
    rowid: int
    key: object  # the sort key, for the next page's keyset
    doc_id: str
    title: str
    status: str


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


def _where(query: ListQuery, statuses: bool = True) -> tuple[str, str, list[object], str]:
    """(FROM clause, WHERE conditions, parameters, rowid column) of a query's documents.

    ``statuses=False`` leaves out the status join when neither the filter nor the order needs
    it (a question about rowids alone: one index probe less per row).

    The most selective part drives: the search index when there is a search (it yields
    matches in rowid order and stops at the LIMIT), the status index for a status other than
    new (a few thousand done documents, not a walk over every document), else the documents.
    """
    expression = _expression(query)
    by_status = query.status not in ("", Status.NEW.value, UNFINISHED_FILTER)
    conditions: list[str] = []
    where_params: list[object] = []
    join_params: list[object] = []
    if expression is not None:
        source = f"{SEARCH_TABLE} f JOIN documents d ON d.rowid = f.rowid"
        conditions.append(f"f.{SEARCH_TABLE} MATCH ?")
        where_params.append(expression)
    elif by_status:
        source = "doc_status s CROSS JOIN documents d ON d.id = s.doc_id"
    else:
        source = "documents d"
    if by_status:
        if expression is not None:
            source += " JOIN doc_status s ON s.doc_id = d.id"
        conditions.append("s.layer = ? AND s.status = ?")
        where_params.extend([query.layer, query.status])
    elif statuses or query.status or query.sort in (Sort.STATUS, Sort.EDITED):
        source += " LEFT JOIN doc_status s ON s.doc_id = d.id AND s.layer = ?"
        join_params.append(query.layer)
        if query.status == UNFINISHED_FILTER:
            conditions.append("coalesce(s.status, 'new') IN (?, ?)")
            where_params.extend(UNFINISHED)
        elif query.status:
            conditions.append("coalesce(s.status, 'new') = ?")
            where_params.append(query.status)
    rowid = "f.rowid" if expression is not None else "d.rowid"
    return source, " AND ".join(conditions), join_params + where_params, rowid


def _ordered(
    query: ListQuery,
    after: tuple[object, int] | None,
    columns: str,
    statuses: bool = True,
    backwards: bool = False,
) -> tuple[str, list[object]]:
    """SELECT ``columns`` of the query's rows following ``after``, in list order (no LIMIT);
    ``backwards``: the rows before ``after`` (the end of the list when None), nearest first."""
    source, where, params, rowid = _where(query, statuses)
    key = rowid if query.sort is Sort.IMPORT else query.sort.key
    conditions = [where] if where else []
    descending = query.sort.descending != backwards
    if after is not None:
        if query.sort is Sort.IMPORT:
            conditions.append(f"{rowid} {'<' if backwards else '>'} ?")
            params.append(after[1])
        else:
            op = "<" if descending else ">"
            conditions.append(
                f"({key} {op} ? OR ({key} = ? AND {rowid} {'<' if backwards else '>'} ?))"
            )
            params.extend([after[0], after[0], after[1]])
    direction = "DESC" if descending else ""
    tie = "DESC" if backwards else ""
    order = f"{rowid} {tie}" if query.sort is Sort.IMPORT else f"{key} {direction}, {rowid} {tie}"
    sql = (
        f"SELECT {columns.format(rowid=rowid, key=key)} FROM {source}"
        + (f" WHERE {' AND '.join(conditions)}" if conditions else "")
        + f" ORDER BY {order}"
    )
    return sql, params


def page(
    read: Read, query: ListQuery, after: tuple[object, int] | None, limit: int
) -> list[ListRow]:
    """Up to ``limit`` rows following ``after`` (the (key, rowid) of the last row shown)."""
    columns = "{rowid}, {key}, d.id, d.title, coalesce(s.status, 'new')"
    sql, params = _ordered(query, after, columns)
    return [ListRow(*row) for row in read(sql + " LIMIT ?", [*params, limit])]


def page_keys(
    read: Read,
    query: ListQuery,
    after: tuple[object, int] | None,
    limit: int,
    skip: int = 0,
    backwards: bool = False,
) -> list[tuple[object, int]]:
    """(sort key, rowid) of up to ``limit`` rows following ``after`` (after ``skip`` rows):
    which documents a page shows, without their titles and statuses. ``backwards`` reads the
    rows before ``after`` (before the end when None), nearest first: the end of the list is a
    page away from it. A search in import order reads the search index alone (the documents'
    own rows, 1.5 KB of text each, are what a page of titles costs at 100,000 articles), so a
    skip walks the index, not the texts; a list that reads its titles per page of rows asks
    for these first and reads titles only for the rows it does not show already."""
    expression = _expression(query)
    if query.sort is Sort.IMPORT and not query.status and expression is not None:
        op, order = ("<", "DESC") if backwards else (">", "")
        bound = after[1] if after is not None else (1 << 62 if backwards else 0)
        sql = (
            f"SELECT rowid, rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ? "
            f"AND rowid {op} ? ORDER BY rowid {order} LIMIT ? OFFSET ?"
        )
        return [(key, rowid) for key, rowid in read(sql, [expression, bound, limit, skip])]
    sql, params = _ordered(query, after, "{key}, {rowid}", statuses=False, backwards=backwards)
    return [(k, r) for k, r in read(sql + " LIMIT ? OFFSET ?", [*params, limit, skip])]


def count(read: Read, query: ListQuery, up_to: int | None = None) -> int:
    """How many documents the query selects (the list's true length): one COUNT on indexes,
    the search index alone for a search of every status. ``up_to`` stops counting there (a
    count that costs no more than that many index entries: the answer is exact if less)."""
    expression = _expression(query)
    if expression is None and not query.status and up_to is None:
        return document_count(read)
    if expression is not None and not query.status:
        sql = f"SELECT 1 FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?"
        params: list[object] = [expression]
    else:
        source, where, params, _rowid = _where(query, statuses=False)
        sql = f"SELECT 1 FROM {source}" + (f" WHERE {where}" if where else "")
    if up_to is not None:
        sql += " LIMIT ?"
        params = [*params, up_to]
    return int(read(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def rows_before(read: Read, query: ListQuery, rowid: int) -> int | None:
    """The row number of document ``rowid`` in the query's order (the COUNT of the rows
    before it, on indexes), or None if the query does not select it."""
    source, where, params, col = _where(query, statuses=False)
    key = col if query.sort is Sort.IMPORT else query.sort.key
    conditions = [where] if where else []
    found = read(
        f"SELECT {key} FROM {source} WHERE {' AND '.join([*conditions, f'{col} = ?'])}",
        [*params, rowid],
    ).fetchone()
    if found is None:
        return None
    expression = _expression(query)
    if query.sort is Sort.IMPORT and not query.status and expression is not None:
        sql = f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ? AND rowid < ?"
        return int(read(sql, [expression, rowid]).fetchone()[0])
    sql, order_params = _ordered(query, (found[0], rowid), "1", statuses=False, backwards=True)
    sql = sql.rsplit(" ORDER BY ", 1)[0]
    return int(read(f"SELECT count(*) FROM ({sql})", order_params).fetchone()[0])


def corpus_shape(read: Read) -> tuple[int, int]:
    """(number of documents, smallest rowid): when the rowids run without gaps from the
    smallest (documents are appended, never deleted), row n of the list in import order is
    document rowid ``first + n``, and no query is needed to find a row or a page."""
    total = document_count(read)
    first = read("SELECT min(rowid) FROM documents").fetchone()[0]
    return total, int(first or 1)


def dense(read: Read, total: int, first: int) -> bool:
    """Whether the documents' rowids run from ``first`` without a gap."""
    last = read("SELECT max(rowid) FROM documents").fetchone()[0]
    return total == 0 or (last is not None and int(last) - first + 1 == total)


# Agreement of a document: the share of its distinct spans (start, end, label) that at least two
# annotator layers marked exactly alike; none when fewer than two annotator layers marked spans
# in it. Gold, suggestions and imported layers are not annotators. One pass over the spans
# table in SQL, no Python per document.
AGREEMENT = """
    SELECT doc_id, CASE WHEN min(lo) < max(hi) THEN avg(lo < hi) END AS agreement FROM (
        SELECT doc_id, min(layer) AS lo, max(layer) AS hi
        FROM spans WHERE layer NOT IN (?, ?, ?) GROUP BY doc_id, start, "end", label
    ) GROUP BY doc_id
"""


def agreement_order(read: Read, query: ListQuery) -> list[int]:
    """Rowids of the query's documents, lowest agreement first (documents without a figure
    last, ties in import order). Every span is read once, so the list asks for this when the
    order is chosen, not on every page or edit."""
    source, where, params, rowid = _where(query)
    sql = (
        f"WITH a AS ({AGREEMENT}) SELECT {rowid} FROM {source} "
        "LEFT JOIN a ON a.doc_id = d.id"
        + (f" WHERE {where}" if where else "")
        + f" ORDER BY a.agreement IS NULL, a.agreement, {rowid}"
    )
    layers = [GOLD_LAYER, SUGGESTIONS_LAYER, IMPORTED_LAYER]
    return [int(row[0]) for row in read(sql, [*layers, *params])]


def rows_by_rowid(read: Read, layer: str, rowids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """(id, title, status) of the given documents: a page of the list read again."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    found = read(
        "SELECT d.rowid, d.id, d.title, coalesce(s.status, 'new') FROM documents d "
        "LEFT JOIN doc_status s ON s.doc_id = d.id AND s.layer = ? "
        f"WHERE d.rowid IN ({marks})",
        [layer, *rowids],
    )
    return {rowid: (doc_id, title, status) for rowid, doc_id, title, status in found}


def rowid_of(read: Read, doc_id: str) -> int | None:
    row = read("SELECT rowid FROM documents WHERE id = ?", [doc_id]).fetchone()
    return int(row[0]) if row else None


def rowids_of(read: Read, doc_ids: Iterable[str]) -> dict[str, int]:
    ids = list(doc_ids)
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(read(f"SELECT id, rowid FROM documents WHERE id IN ({marks})", chunk))
    return found


def first_document(read: Read) -> str | None:
    row = read("SELECT id FROM documents ORDER BY rowid LIMIT 1").fetchone()
    return str(row[0]) if row else None


def document_count(read: Read) -> int:
    return int(read("SELECT count(*) FROM documents").fetchone()[0])


def has_documents(read: Read) -> bool:
    """Whether the workspace holds any document: one row looked at, whatever the corpus."""
    return read("SELECT 1 FROM documents LIMIT 1").fetchone() is not None


def done_count(read: Read, layer: str) -> int:
    """Documents done in ``layer``: one count on the (layer, status) index."""
    return status_count(read, layer, Status.DONE)


def status_count(read: Read, layer: str, status: Status) -> int:
    """Documents with ``status`` in ``layer``: one count on the (layer, status) index."""
    row = read(
        "SELECT count(*) FROM doc_status WHERE layer = ? AND status = ?", [layer, status.value]
    ).fetchone()
    return int(row[0])


def progress(read: Read, layer: str, total: int | None = None) -> Progress:
    """How many of how many are done, from aggregate queries. Counting the documents reads a
    whole index, so a view that knows the total (only imports change it) passes it in."""
    return Progress(done_count(read, layer), document_count(read) if total is None else total)


def next_unfinished(read: Read, layer: str, current: str | None) -> str | None:
    """The first document after ``current`` in import order (wrapping round) that is not done
    or adjudicated in ``layer``, or None: the same rule as before, as one or two queries."""
    here = rowid_of(read, current) if current is not None else None
    sql = (
        "SELECT d.id FROM documents d LEFT JOIN doc_status s ON s.doc_id = d.id "
        "AND s.layer = ? WHERE coalesce(s.status, 'new') IN (?, ?) AND d.rowid {op} ? "
        "ORDER BY d.rowid LIMIT 1"
    )
    for op, bound in ((">", here or 0), ("<", here or 0)):
        if op == "<" and here is None:
            break
        row = read(sql.format(op=op), [layer, *UNFINISHED, bound]).fetchone()
        if row is not None:
            return str(row[0])
    return None
