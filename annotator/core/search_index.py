"""The corpus search index: SQLite FTS5 over the folded title and text of every document.

Folding (hamza forms, alef maqsura, ta marbuta, diacritics, tatweel) is Python
(:mod:`annotator.core.folding`), so no trigger can keep the index in step without registering a
SQL function, and a trigger calling a function that another program has not registered would
make that program's writes fail. Instead documents are append-only and indexed in rowid order:
``tables.index_new_documents`` folds every document after the last one indexed, and the
``Writer`` calls it whenever it inserts documents (import, merge, a work package), in the same
transaction. A file written by a program that does not know the index simply catches up at the
next such write. The table itself is made by the ``_v_search_and_list`` migration in store.py;
this module holds the reads.

The FTS table is external-content (``content='documents'``): it stores only the index, not a
second copy of a hundred thousand texts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from annotator.core.folding import search_key

SEARCH_TABLE = "documents_search"


# A word being typed is searched as a prefix from this many letters on (the index keeps
# prefixes of 3 to 6 letters, so such a query is one lookup that streams in rowid order).
PREFIX_FROM = 3


# Words of a news text carry proclitics that a searcher leaves off: the conjunction و, the
# article ال, and both with a preposition (بال, كال, فال, لل for ل + ال). These are the
# prefixes of Larkey's light stemmer (light10), which Arabic search engines use; the bare
# prepositions ب ك ل are left out, since they begin too many words of their own (بطاقة is
# a card, not "with energy"). Folded as the index is (أ/إ/آ -> ا, ة -> ه).
PROCLITICS = ("و", "ال", "وال", "بال", "كال", "فال", "لل", "ولل", "فلل")
# The article, alone or after a proclitic, longest first: taken off a typed word to find its stem.
ARTICLES = ("وال", "بال", "كال", "فال", "ولل", "فلل", "ال", "لل")
# A word typed with the article is searched from its stem when at least this many letters
# remain (الله, الي are words of their own, not ال + a stem).
STEM_FROM = 3


def word_forms(word: str) -> list[str]:
    """The folded forms under which ``word`` (folded) is searched: itself, and its stem with
    each proclitic. ``طاقه`` -> ``طاقه``, ``الطاقه``, ``والطاقه``, ``بالطاقه`` ...; ``الطاقه``
    the same (its article is taken off first); ``مصر`` -> ``مصر``, ``ومصر``, ``المصر`` ..."""
    for article in ARTICLES:
        if word.startswith(article):
            stem = word[len(article) :]
            if len(stem) < STEM_FROM:  # a word of its own (الله): only و may come before it
                return [word, "و" + word]
            return [stem] + [prefix + stem for prefix in PROCLITICS]
    return [word] + [prefix + word for prefix in PROCLITICS]


def match_expression(query: str, typing: bool = True) -> str | None:
    """An FTS5 query for what a person typed: every word, folded, quoted (FTS5 syntax in the
    text is taken literally), found with or without its proclitics (``word_forms``): every
    word must occur in one of its forms.

    ``typing`` (the filter box) makes the last word a prefix once it has PREFIX_FROM letters,
    and leaves a shorter last word out until then: as a prefix of one or two letters (ال)
    it matches nearly every document and costs a merge of thousands of words. A finished word
    (followed by a space) is searched whole. None when nothing is left to search.
    """
    words = search_key(query).split()
    still_typing = typing and not query.endswith(" ")
    if still_typing and words and len(words[-1]) < PREFIX_FROM:
        words = words[:-1]
        still_typing = False
    if not words:
        return None
    groups = []
    for n, word in enumerate(words):
        star = " *" if still_typing and n == len(words) - 1 else ""
        forms = ['"' + f.replace('"', '""') + '"' + star for f in word_forms(word)]
        groups.append("(" + " OR ".join(forms) + ")")
    return " AND ".join(groups)


def search_documents(
    conn: sqlite3.Connection, query: str, limit: int | None = None
) -> Iterator[tuple[str, str, str, str | None, int]]:
    """(id, title, source, published, length) of the documents holding every word of
    ``query`` in their title or text, in import order, as they are found."""
    expression = match_expression(query, typing=False)
    if expression is None:
        return
    sql = (
        f"SELECT d.id, d.title, d.source, d.published, length(d.text) FROM {SEARCH_TABLE} f "
        f"JOIN documents d ON d.rowid = f.rowid WHERE f.{SEARCH_TABLE} MATCH ? ORDER BY f.rowid"
    )
    params: list[object] = [expression]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    yield from conn.execute(sql, params)
