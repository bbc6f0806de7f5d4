"""spaCy ``DocBin`` (``.spacy``), export only; needs the optional extra ``[spacy]``.

Each document becomes a ``Doc`` whose tokens are the CoNLL-U export's (words and punctuation,
cut at every span boundary, see ``conll.tokens``) with the text's own white space kept as
trailing spaces or whitespace tokens, so ``doc.text`` is the document text exactly and
``doc.char_span(start, end)`` finds every span without rounding. The layer's spans are in
``doc.spans[<layer>]``; those that overlap no other span are also ``doc.ents`` (a SPEAKER
inside a QUOTE is in ``doc.spans`` only). Ids, attributes and relations, which spaCy has no
place for, are in ``doc.user_data["annotator"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_write_bytes
from annotator.formats.conll import tokens
from annotator.formats.extras import require
from annotator.formats.selection import ExportDocument


def words_and_spaces(text: str, toks: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy's words/spaces for ``text``: one space after a token is its trailing space; any
    other white space becomes a token of its own, as spaCy's tokenizer does."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for start, end in [*toks, (len(text), len(text))]:
        gap = text[pos:start]
        if gap:
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
        pos = end
    return words, spaces


def make_doc(vocab: Any, item: ExportDocument) -> Any:
    from spacy.tokens import Doc

    text = item.document.text
    words, spaces = words_and_spaces(text, tokens(text, item.spans))
    doc = Doc(vocab, words=words, spaces=spaces)
    spans = []
    for span in item.spans:
        found = doc.char_span(span.start, span.end, label=span.label)
        if found is None:  # cannot happen: tokens are cut at every span boundary
            raise AnnotatorError(f"Span {span.id} of {item.document.id} does not fall on tokens.")
        spans.append(found)
    doc.spans[item.layer] = spans
    doc.ents = [
        s
        for s in spans
        if not any(o is not s and o.start < s.end and s.start < o.end for o in spans)
    ]
    doc.user_data["annotator"] = {
        "id": item.document.id,
        "title": item.document.title,
        "layer": item.layer,
        "status": item.status,
        "spans": [
            {"id": s.id, "start": s.start, "end": s.end, "label": s.label, "attrs": s.attrs}
            for s in item.spans
        ],
        "relations": [
            {"id": r.id, "head": r.head, "child": r.child, "label": r.label} for r in item.relations
        ],
    }
    return doc


def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    spacy = require("spacy", "spacy", "spacy")
    from spacy.tokens import DocBin

    vocab = spacy.blank("ar").vocab
    docbin = DocBin(store_user_data=True)
    for item in documents:
        docbin.add(make_doc(vocab, item))
    atomic_write_bytes(target, docbin.to_bytes())
