"""The one table of file formats: what the CLI's import/export and the GUI's dialogs offer.

Adding a format is one module (with ``read(path)`` yielding ``DocumentRecord``s and/or
``write(documents, target, schema)`` consuming ``ExportDocument``s) plus one line in
``FORMATS``. Readers only parse: the workspace validates every record, so each import is all or
nothing, idempotent and names the file and line (or element) of the first bad input.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError, WorkspaceError
from annotator.core.records import DocumentRecord
from annotator.core.schema import LabelSchema
from annotator.core.workspace import Workspace
from annotator.formats import (
    brat,
    cas_xmi,
    conll,
    doccano,
    hf_parquet,
    jsonl,
    label_studio,
    spacy_docbin,
    txt,
)
from annotator.formats.manifest import ExportTally, export_with_manifest
from annotator.formats.selection import ExportDocument, select
from annotator.formats.targets import check_export_target

_SNIFF_BYTES = 1 << 20  # news articles are a few kilobytes: a first line is read whole

Reader = Callable[[Path], Iterator[DocumentRecord]]
Writer = Callable[[Iterable[ExportDocument], Path, LabelSchema], None]


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...]  # the first one names a default export file
    reader: Reader | None = None
    writer: Writer | None = None
    extra: str | None = None  # optional dependency group the format needs...
    requires: str | None = None  # ...and the module that group installs
    folder: bool = False  # the export is a folder, not a file
    in_folders: bool = True  # found by extension when importing a folder


# fmt: off
FORMATS: tuple[Format, ...] = (
    # name, description, extensions, reader, writer, extra, folder
    Format("jsonl", "our JSONL contract", (".jsonl", ".ndjson", ".json"), jsonl.read, jsonl.write_documents),
    Format("txt", "plain-text articles, first line the title", (".txt",), txt.read),
    Format("doccano", "doccano JSONL (entities and relations; reads label: [[s, e, L]] too)", (".jsonl",), doccano.read, doccano.write),
    Format("label-studio", "Label Studio JSON tasks (layers are annotations, suggestions predictions)", (".json",), label_studio.read, label_studio.write, in_folders=False),
    Format("cas-xmi", "UIMA CAS XMI as INCEpTION/WebAnno export it, with TypeSystem.xml", (".xmi",), cas_xmi.read, cas_xmi.write, extra="formats", requires="cassis", folder=True),
    Format("conllu", "CoNLL-U Plus, Arabic clitics split where spans need it, one BIO column per label", (".conllu",), writer=conll.write),
    Format("spacy", "spaCy DocBin: doc.spans[layer], non-overlapping spans as doc.ents", (".spacy",), writer=spacy_docbin.write, extra="spacy", requires="spacy"),
    Format("hf", "Hugging Face datasets as Parquet with span columns", (".parquet",), writer=hf_parquet.write, extra="hf", requires="pyarrow"),
    Format("brat", "brat standoff: a folder of .txt + .ann pairs", (".ann", ".txt"), brat.read, brat.write, folder=True),
)
# fmt: on


def get(name: str) -> Format:
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise InputError(name, f"is not a format (known: {', '.join(f.name for f in FORMATS)}).")


def names(direction: str) -> list[str]:
    """Format names that can be read (``"import"``) or written (``"export"``)."""
    attr = "reader" if direction == "import" else "writer"
    return [f.name for f in FORMATS if getattr(f, attr) is not None]


def help_table(direction: str) -> str:
    attr = "reader" if direction == "import" else "writer"
    rows = [
        f"{f.name} ({f.description}{f'; needs [{f.extra}]' if f.extra else ''})"
        for f in FORMATS
        if getattr(f, attr) is not None
    ]
    return "; ".join(rows)


def export_target(fmt: Format, folder: Path, layer: str) -> Path:
    """Where an export goes by default inside ``folder`` (or when ``-o`` names a folder)."""
    if fmt.folder:
        return folder / f"{layer}.{fmt.name}"
    return folder / f"{layer}{fmt.extensions[0]}"


def export_layer(
    ws: Workspace,
    fmt: Format,
    target: Path,
    *,
    layer: str,
    status: str | None = None,
    progress: Callable[[int], None] | None = None,
    extra: dict[str, object] | None = None,
) -> dict[str, object]:
    """The one way every export is written, whatever its format: the target is checked (never
    the workspace, its logs or backups, never a device or pipe), the documents are written
    with their manifest in the order that keeps the two in agreement, and no document holding
    a number JSON cannot express (NaN, Infinity) goes out. Returns the manifest."""
    writer = fmt.writer
    if writer is None:
        raise InputError(fmt.name, "is a format annotator reads but cannot write.")
    check_export_target(target, ws.path, folder=fmt.folder)

    def write(staged: Path) -> ExportTally:
        tally = ExportTally()
        writer(
            tally.counting(_expressible(select(ws, layer, status, progress), ws)), staged, ws.schema
        )
        return tally

    return export_with_manifest(
        target,
        write,
        layer=layer,
        status=status,
        workspace_layers=ws.layers(),
        fmt=fmt.name,
        schema=ws.schema,
        extra=extra,
    )


def _expressible(documents: Iterable[ExportDocument], ws: Workspace) -> Iterator[ExportDocument]:
    """Documents whose values JSON can hold: a NaN stored by another program stops the export."""
    for item in documents:
        values = [item.document.meta, *(s.attrs for s in item.spans)]
        values += [s.provenance for s in item.spans]
        try:
            json.dumps(values, allow_nan=False)
        except ValueError as exc:
            raise WorkspaceError(
                f"document {item.document.id} of {ws.path} holds a number JSON cannot express "
                f"({exc}); nothing was exported, `annotator check` lists such values."
            ) from exc
        yield item


# --------------------------------------------------------------------- import: which reader
def _sniff_json(path: Path) -> list[str]:
    """Candidate formats of a JSON/JSONL file from its first value: a list is Label Studio's
    tasks; an object with doccano's ``label``/``entities`` is doccano, with our ``spans``,
    ``layer`` or ``relations`` (or only ``text``) it is ours. A first line longer than
    _SNIFF_BYTES is read as ours, whose reader refuses it in bounded memory if it is huge."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lstrip()
            if head.startswith(b"\xef\xbb\xbf"):
                head = head[3:].lstrip()
            if head.startswith(b"["):
                return ["label-studio"]
            fh.seek(0)
            first = fh.readline(_SNIFF_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror}).") from exc
    try:
        obj = json.loads(first.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return ["jsonl"]  # its reader names the line and what is wrong with it
    if not isinstance(obj, dict):
        return ["jsonl"]
    ours = bool({"spans", "layer"} & obj.keys()) or ("relations" in obj and "entities" not in obj)
    theirs_doccano = isinstance(obj.get("label"), list) or "entities" in obj
    theirs_ls = "data" in obj and "text" not in obj
    found = [
        name
        for name, hit in (("jsonl", ours), ("doccano", theirs_doccano), ("label-studio", theirs_ls))
        if hit
    ]
    return found or ["jsonl"]


def detect(path: Path) -> Format:
    """The format of one file, by extension and, where extensions are shared, by content."""
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".ndjson"):
        found = [n for n in _sniff_json(path) if n in names("import")]
        if len(found) > 1:
            raise InputError(
                str(path),
                f"could be read as {' or '.join(found)}; name one with "
                f"--format {found[0]} or --format {found[1]}.",
            )
        return get(found[0] if found else "jsonl")
    for fmt in FORMATS:
        if fmt.reader is not None and suffix in fmt.extensions:
            return fmt
    writers = [f.name for f in FORMATS if f.reader is None and suffix in f.extensions]
    if writers:
        raise InputError(str(path), f"is {writers[0]}, which annotator exports but cannot import.")
    raise InputError(
        str(path), f"unknown file type (expected {', '.join(import_suffixes())}, or a folder)."
    )


def import_suffixes(fmt: Format | None = None) -> list[str]:
    chosen = [fmt] if fmt else [f for f in FORMATS if f.reader is not None]
    return list(dict.fromkeys(s for f in chosen for s in f.extensions))


def _folder_suffixes(fmt: Format | None) -> set[str]:
    if fmt is not None:
        return set(fmt.extensions)
    return {
        s
        for f in FORMATS
        if f.reader is not None and f.in_folders
        for s in f.extensions
        if s != ".json"  # a folder's .json files are package.json and the like, not articles
    }


def expand_paths(paths: Iterable[str | Path], fmt: Format | None = None) -> list[Path]:
    """Files named directly, plus the readable files inside named folders (hidden files and
    folders skipped), in a stable order."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            suffixes = _folder_suffixes(fmt)
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in suffixes
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            if fmt is None:
                detect(path)
            found.append(path)
        else:
            raise InputError(str(path), "no such file or folder.")
    return found


def read_paths(paths: Iterable[Path], fmt: Format | None = None) -> Iterator[DocumentRecord]:
    """Records of every file, each read by ``fmt`` or by the format detected for it."""
    for path in paths:
        chosen = fmt or detect(path)
        if chosen.reader is None:
            raise InputError(str(path), f"{chosen.name} is written by export only.")
        yield from chosen.reader(path)
