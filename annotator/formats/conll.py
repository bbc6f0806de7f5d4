"""CoNLL-U Plus with BIO columns, for token classifiers (export only).

Tokens: words and punctuation (``annotator.arabic.tokens``), then cut wherever a span of the
layer starts or ends inside a word. In Arabic that is where a span leaves out an attached
proclitic (و ف ب ل ك, the article ال): "وقال" under a QUOTE that starts at "قال" becomes the
tokens "و" and "قال". So every span covers whole tokens, and only the cuts spans need are made.

Sentences: one per paragraph (line), except that paragraphs a span runs across stay one
sentence, so no span is split between sentences.

Columns: the ten CoNLL-U columns (FORM from the text; LEMMA to DEPS ``_``; MISC holds
``TokenRange=start:end`` in code points and ``SpaceAfter=No`` where no space follows), then one
BIO column per label of the schema (``B-QUOTE``, ``I-QUOTE``, ``O``), named in the
``# global.columns`` header. One column per label lets nested spans of different labels (a
SPEAKER inside a QUOTE) both be kept; two overlapping spans of the same label cannot be put in
one BIO column, and such an export is refused naming the document and the spans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

from annotator.arabic.tokens import tokenize
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_write
from annotator.formats.selection import ExportDocument

BASE_COLUMNS = ("ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC")


def tokens(text: str, spans: Iterable[Span]) -> list[tuple[int, int]]:
    """(start, end) of each token: words and punctuation, cut at every span boundary."""
    cuts = sorted({s.start for s in spans} | {s.end for s in spans})
    found: list[tuple[int, int]] = []
    for token in tokenize(text):
        start = token.start
        k = bisect_left(cuts, token.start + 1)
        while k < len(cuts) and cuts[k] < token.end:
            found.append((start, cuts[k]))
            start = cuts[k]
            k += 1
        found.append((start, token.end))
    return found


def sentences(text: str, spans: Iterable[Span]) -> list[tuple[int, int]]:
    """Paragraphs, joined where a span crosses a line break."""
    covered = sorted((s.start, s.end) for s in spans)
    bounds: list[tuple[int, int]] = []
    start = 0
    for line_end in [i for i, ch in enumerate(text) if ch == "\n"] + [len(text)]:
        if any(s < line_end < e for s, e in covered):
            continue
        if text[start:line_end].strip():
            bounds.append((start, line_end))
        start = line_end + 1
    return bounds


def bio_columns(
    item: ExportDocument, labels: list[str], toks: list[tuple[int, int]]
) -> dict[str, list[str]]:
    starts = [s for s, _ in toks]
    columns = {label: ["O"] * len(toks) for label in labels}
    owner: dict[tuple[str, int], Span] = {}
    for span in item.spans:
        if span.label not in columns:
            raise AnnotatorError(f"Label '{span.label}' ({item.document.id}) is not in the schema.")
        first = bisect_left(starts, span.start)
        for k in range(first, len(toks)):
            if toks[k][0] >= span.end:
                break
            if (span.label, k) in owner:
                other = owner[(span.label, k)]
                raise AnnotatorError(
                    f"Document {item.document.id} has two overlapping {span.label} spans "
                    f"({other.start}-{other.end} and {span.start}-{span.end}) in layer "
                    f"{item.layer}; one BIO column cannot hold both."
                )
            owner[(span.label, k)] = span
            columns[span.label][k] = ("B-" if k == first else "I-") + span.label
    return columns


def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    labels = list(schema.labels)
    with atomic_write(target) as fh:
        fh.write(f"# global.columns = {' '.join(BASE_COLUMNS + tuple(labels))}\n")
        for item in documents:
            text = item.document.text
            toks = tokens(text, item.spans)
            columns = bio_columns(item, labels, toks)
            starts = [s for s, _ in toks]
            fh.write(f"# newdoc id = {item.document.id}\n")
            for number, (s_start, s_end) in enumerate(sentences(text, item.spans), 1):
                first, last = bisect_left(starts, s_start), bisect_left(starts, s_end)
                if first == last:
                    continue
                fh.write(f"# sent_id = {item.document.id}-{number}\n")
                fh.write(f"# text = {' '.join(text[s_start:s_end].split())}\n")
                for index, k in enumerate(range(first, last), 1):
                    start, end = toks[k]
                    misc = f"TokenRange={start}:{end}"
                    if end >= len(text) or not text[end].isspace():
                        misc += "|SpaceAfter=No"
                    cells = [str(index), text[start:end], "_", "_", "_", "_", "_", "_", "_", misc]
                    cells += [columns[label][k] for label in labels]
                    fh.write("\t".join(cells) + "\n")
                fh.write("\n")
