"""brat standoff: a folder of ``NAME.txt`` + ``NAME.ann`` pairs, offsets in code points.

Read: ``T`` text-bound spans (label, offsets, text checked against the ``.txt``), ``A``/``M``
attributes (a binary attribute becomes ``yes``), ``#`` AnnotatorNotes of the form
``name=value`` (how free-text attributes travel; other notes are not kept), ``R`` relations
(``Arg1`` is the head, ``Arg2`` the child). Discontinuous spans: fragments separated only by
white space (brat splits a span at each line break that way) become the one span covering them;
any other discontinuous span is refused in one sentence, since a covering span would take in
text the annotator left out. ``*`` equivalence and ``N`` normalisation lines are skipped;
events (``E``) are refused.

Write: one pair per document plus ``annotation.conf`` for the label schema. Attributes with a
fixed list of values are ``A`` lines; free and pattern attributes (a SPEAKER's entity, a DATE's
value) are ``#`` notes, because brat attribute values cannot hold spaces.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import regex

from annotator.core.errors import InputError
from annotator.core.records import MAX_DOCUMENT_BYTES, DocumentRecord
from annotator.core.schema import LabelSchema
from annotator.formats import txt
from annotator.formats.atomic import atomic_folder
from annotator.formats.selection import ExportDocument

_NOTE_ATTRIBUTE = regex.compile(r"^([\p{L}_][\p{L}\p{N}_-]*)=(.*)$", regex.DOTALL)
_SKIPPED = ("*", "N")


def read(path: Path) -> Iterator[DocumentRecord]:
    """One document from ``X.ann`` and ``X.txt``; a ``.txt`` with an ``.ann`` beside it is read
    through the ``.ann``, one without is a plain article."""
    if path.suffix.lower() == ".txt":
        if not path.with_suffix(".ann").exists():
            yield from txt.read(path)
        return
    text_path = path.with_suffix(".txt")
    if not text_path.is_file():
        raise InputError(str(path), f"has no text file beside it (expected {text_path.name}).")
    text = next(txt.read(text_path)).text
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise InputError(str(path), "is too large to be one document's annotations.")
        lines = txt.decode_file(path, path.read_bytes()).split("\n")
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror}).") from exc
    spans: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    pending: list[tuple[int, str, str, str]] = []  # attributes and notes, once spans are known
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if kind == "T":
            spans[ident] = _text_bound(path, number, ident, rest, text)
        elif kind in ("A", "M"):
            fields = rest.split()
            if len(fields) not in (2, 3):
                raise InputError(str(path), f"{ident} is not 'NAME T<n> [VALUE]'.", number)
            value = fields[2] if len(fields) == 3 else "yes"
            pending.append((number, fields[1], fields[0], value))
        elif kind == "#":
            note_type, _, note = rest.partition("\t")
            target = note_type.split()[-1] if note_type.split() else ""
            found = _NOTE_ATTRIBUTE.match(note)
            if found:
                pending.append((number, target, found[1], found[2]))
        elif kind == "R":
            relations.append(_relation(path, number, ident, rest))
        elif kind in _SKIPPED:
            continue
        elif kind == "E":
            raise InputError(
                str(path), f"{ident} is a brat event, which has no counterpart here.", number
            )
        else:
            raise InputError(str(path), f"'{ident}' is not a brat annotation line.", number)
    for number, target, name, value in pending:
        if target not in spans:
            raise InputError(
                str(path), f"an attribute or note names {target!r}, not a T span.", number
            )
        spans[target]["attrs"][name] = value
    for number, rel in enumerate(relations, 1):
        for end in ("head", "child"):
            if rel[end] not in spans:
                raise InputError(
                    str(path),
                    f"relation {rel['ref']} names {rel[end]!r}, not a T span.",
                    rel["line"],
                )
        del rel["line"], rel["ref"]
        relations[number - 1] = rel
    yield DocumentRecord(
        text=text,
        path=str(path),
        id=path.stem,
        source=text_path.as_posix(),
        spans=list(spans.values()),
        relations=relations,
    )


def _text_bound(path: Path, number: int, ident: str, rest: str, text: str) -> dict[str, Any]:
    where, _, given = rest.partition("\t")
    label, _, offsets = where.partition(" ")
    try:
        fragments = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
    except ValueError:
        fragments = []
    if not fragments or any(len(f) != 2 or not 0 <= f[0] <= f[1] for f in fragments):
        raise InputError(str(path), f"{ident} has no usable offsets ({offsets!r}).", number)
    if fragments[-1][1] > len(text):
        raise InputError(
            str(path),
            f"{ident} ends at {fragments[-1][1]}, past the end of the text "
            f"({len(text)} characters).",
            number,
        )
    pieces = " ".join(text[s:e] for s, e in fragments)
    if given != pieces:
        raise InputError(
            str(path),
            f"{ident} gives the text {given!r} but the .txt holds {pieces!r} there.",
            number,
        )
    for (_, end), (start, _) in itertools.pairwise(fragments):
        if start < end or text[end:start].strip():
            raise InputError(
                str(path),
                f"{ident} is discontinuous ({offsets}); only fragments split at white space "
                "can become one span here.",
                number,
            )
    return {
        "ref": ident,
        "start": fragments[0][0],
        "end": fragments[-1][1],
        "label": label,
        "attrs": {},
    }


def _relation(path: Path, number: int, ident: str, rest: str) -> dict[str, Any]:
    fields = rest.split()
    args = dict(f.split(":", 1) for f in fields[1:] if ":" in f)
    if not fields or "Arg1" not in args or "Arg2" not in args:
        raise InputError(str(path), f"{ident} is not 'LABEL Arg1:T<n> Arg2:T<n>'.", number)
    return {
        "ref": ident,
        "line": number,
        "head": args["Arg1"],
        "child": args["Arg2"],
        "label": fields[0],
    }


# --------------------------------------------------------------------------- writing
def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    with atomic_folder(target) as folder:
        (folder / "annotation.conf").write_text(annotation_conf(schema), encoding="utf-8")
        for item in documents:
            name = item.document.id
            (folder / f"{name}.txt").write_text(item.document.text, encoding="utf-8", newline="\n")
            (folder / f"{name}.ann").write_text(
                ann_text(item, schema), encoding="utf-8", newline="\n"
            )


def ann_text(item: ExportDocument, schema: LabelSchema) -> str:
    text = item.document.text
    lines: list[str] = []
    refs: dict[str, str] = {}
    attributes = notes = 0
    for n, span in enumerate(item.spans, 1):
        refs[span.id] = f"T{n}"
        fragments = _line_fragments(text, span.start, span.end)
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(text[s:e] for s, e in fragments)
        lines.append(f"T{n}\t{span.label} {offsets}\t{shown}")
        spec = schema.labels.get(span.label)
        for name, value in span.attrs.items():
            attr = spec.attributes.get(name) if spec else None
            if attr is not None and attr.values and value:
                attributes += 1
                lines.append(f"A{attributes}\t{name} T{n} {value}")
            else:
                notes += 1
                flat = str(value).replace("\t", " ").replace("\n", " ")
                lines.append(f"#{notes}\tAnnotatorNotes T{n}\t{name}={flat}")
    for n, rel in enumerate(item.relations, 1):
        lines.append(f"R{n}\t{rel.label} Arg1:{refs[rel.head]} Arg2:{refs[rel.child]}")
    return "".join(line + "\n" for line in lines)


def _line_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span across line breaks as brat writes it: one fragment per line, the breaks (and
    empty lines) left out; read back, the fragments become this span again."""
    fragments: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        if line:
            fragments.append((pos, pos + len(line)))
        pos += len(line) + 1
    return fragments or [(start, end)]


def annotation_conf(schema: LabelSchema) -> str:
    """brat's configuration for the schema: entities, relations (spans may overlap, as a
    SPEAKER inside a QUOTE does), and attributes with their values."""
    out = ["[entities]", *schema.labels, "", "[relations]"]
    for rel in schema.relations.values():
        out.append(f"{rel.name}\tArg1:{'|'.join(rel.head)}, Arg2:{'|'.join(rel.child)}")
    out += [
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    by_name: dict[str, tuple[list[str], list[str]]] = {}
    for label in schema.labels.values():
        for attr in label.attributes.values():
            if attr.values:
                owners, values = by_name.setdefault(attr.name, ([], []))
                owners.append(label.name)
                values.extend(v for v in attr.values if v not in values)
    for name, (owners, values) in by_name.items():
        out.append(f"{name}\tArg:{'|'.join(owners)}, Value:{'|'.join(values)}")
    return "\n".join(out) + "\n"
