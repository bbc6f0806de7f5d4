"""UIMA CAS XMI as INCEpTION and WebAnno export it: one ``.xmi`` per document and the
``TypeSystem.xml`` that describes its types, in one folder. Read and written with dkpro-cassis
(the optional extra ``[formats]``).

Offsets: XMI counts UTF-16 code units, as Java strings do; cassis converts them to and from
code points (our offsets) when it loads and saves, so a character outside the BMP (an emoji,
U+1D400) counts once here and twice in the file.

Type system (written as ``TypeSystem.xml`` beside the export): one span layer per label,
``webanno.custom.<Label>`` (``QUOTE`` -> ``webanno.custom.Quote``) under
``uima.tcas.Annotation``, with a string feature ``label`` holding the label and one string
feature per attribute (``kind``, ``entity``, ...); one relation layer per relation,
``webanno.custom.<Relation>`` (``said_by`` -> ``webanno.custom.SaidBy``), with INCEpTION's
``Governor`` (our head) and ``Dependent`` (our child) features and ``label``; its offsets are
the dependent's, as INCEpTION does. ``DocumentMetaData`` carries the document id and title.

Reading an INCEpTION export: spans are annotations of ``webanno.custom.*`` layers and DKPro's
``NamedEntity``; the label is the ``label`` feature, else the ``value`` feature (INCEpTION's
default tag feature), else the layer's name in capitals; other string features are
attributes. Relations are layers with ``Governor``/``Dependent``; other types (tokens,
sentences, ...) are skipped. Errors name the file and the XMI element (``xmi:id``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.records import MAX_DOCUMENT_BYTES, DocumentRecord
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_folder
from annotator.formats.extras import require
from annotator.formats.selection import ExportDocument

CUSTOM = "webanno.custom."
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
TYPE_SYSTEM_NAMES = ("TypeSystem.xml", "typesystem.xml")
ANNOTATION = "uima.tcas.Annotation"
STRING = "uima.cas.String"
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _cassis() -> Any:
    return require("cassis", "cas-xmi", "formats")


def layer_name(name: str, fallback: str) -> str:
    """A UIMA type's short name from a label or relation: QUOTE -> Quote, said_by -> SaidBy."""
    return "".join(w.capitalize() for w in _WORD.findall(name)) or fallback


# --------------------------------------------------------------------------- type system
def type_system(schema: LabelSchema) -> Any:
    with warnings.catch_warnings():
        # cassis warns when it renames a feature such as DATE's "type" for Python (type_)
        warnings.simplefilter("ignore", UserWarning)
        return _type_system(schema)


def _type_system(schema: LabelSchema) -> Any:
    cassis = _cassis()
    ts = cassis.TypeSystem()
    meta = ts.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for feature in ("documentTitle", "documentId", "documentUri", "collectionId"):
        ts.create_feature(meta, feature, STRING)
    for n, label in enumerate(schema.labels.values(), 1):
        span = ts.create_type(
            CUSTOM + layer_name(label.name, f"Label{n}"), supertypeName=ANNOTATION
        )
        ts.create_feature(span, "label", STRING)
        for attr in label.attributes:
            ts.create_feature(span, attr, STRING)
    for n, rel in enumerate(schema.relations.values(), 1):
        link = ts.create_type(
            CUSTOM + layer_name(rel.name, f"Relation{n}"), supertypeName=ANNOTATION
        )
        ts.create_feature(link, "Governor", ANNOTATION)
        ts.create_feature(link, "Dependent", ANNOTATION)
        ts.create_feature(link, "label", STRING)
    return ts


def _feature(type_: Any, name: str) -> str:
    """cassis renames features that clash with Python names (``type`` -> ``type_``)."""
    for feature in type_.all_features:
        if feature.name in (name, name + "_"):
            return feature.name
    raise AnnotatorError(f"The type {type_.name} has no feature '{name}'.")


def _xmi_name(feature: Any) -> str:
    return feature.name[:-1] if getattr(feature, "_has_reserved_name", False) else feature.name


# --------------------------------------------------------------------------- writing
def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    cassis = _cassis()
    ts = type_system(schema)
    span_types = {
        label: ts.get_type(CUSTOM + layer_name(label, f"Label{n}"))
        for n, label in enumerate(schema.labels, 1)
    }
    relation_types = {
        rel: ts.get_type(CUSTOM + layer_name(rel, f"Relation{n}"))
        for n, rel in enumerate(schema.relations, 1)
    }
    meta_type = ts.get_type(METADATA)
    with atomic_folder(target) as folder:
        (folder / "TypeSystem.xml").write_text(ts.to_xml(), encoding="utf-8")
        for item in documents:
            doc = item.document
            cas = cassis.Cas(typesystem=ts)
            cas.sofa_string = doc.text
            cas.sofa_mime = "text"
            cas.add(
                meta_type(begin=0, end=len(doc.text), documentId=doc.id, documentTitle=doc.title)
            )
            added: dict[str, Any] = {}
            for span in item.spans:
                if span.label not in span_types:
                    raise AnnotatorError(
                        f"Label '{span.label}' of document {doc.id} is not in the schema."
                    )
                span_type = span_types[span.label]
                fs = span_type(begin=span.start, end=span.end, label=span.label)
                for name, value in span.attrs.items():
                    fs.set(_feature(span_type, name), value)
                cas.add(fs)
                added[span.id] = fs
            for rel in item.relations:
                child = added[rel.child]
                cas.add(
                    relation_types[rel.label](
                        begin=child.begin,
                        end=child.end,
                        Governor=added[rel.head],
                        Dependent=child,
                        label=rel.label,
                    )
                )
            cas.to_xmi(folder / f"{doc.id}.xmi")


# --------------------------------------------------------------------------- reading
def read(path: Path) -> Iterator[DocumentRecord]:
    cassis = _cassis()
    ts = _load_type_system(path.parent)
    try:
        if path.stat().st_size > 8 * MAX_DOCUMENT_BYTES:
            raise InputError(str(path), "is too large to be one document's XMI.")
        with path.open("rb") as fh, warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # bad offsets are refused below
            cas = cassis.load_cas_from_xmi(fh, typesystem=ts, lenient=True)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc}).") from exc
    except InputError:
        raise
    except Exception as exc:  # lxml's syntax errors and cassis's own, whatever their class
        line = getattr(exc, "lineno", None)
        reason = _reason(exc)
        raise InputError(
            str(path), f"is not UIMA CAS XMI that fits its type system ({reason}).", line
        ) from exc
    text = cas.sofa_string
    if not isinstance(text, str):
        raise InputError(str(path), "has no document text (the Sofa has no sofaString).")
    doc_id, title = path.stem, None
    spans: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for fs in getattr(cas, "select_all_annotations", cas.select_all)():
        name = fs.type.name
        if name == METADATA:
            doc_id = fs.get("documentId") or doc_id
            title = fs.get("documentTitle")
            continue
        if not (name.startswith(CUSTOM) or name == NAMED_ENTITY):
            continue
        features = {f.name for f in fs.type.all_features}
        if {"Governor", "Dependent"} <= features:
            relations.append(_relation(fs, path))
        else:
            spans.append(_span(fs))
    return iter(
        [
            DocumentRecord(
                text=text,
                path=str(path),
                id=str(doc_id),
                title=title if isinstance(title, str) else None,
                source=path.as_posix(),
                spans=spans,
                relations=relations,
            )
        ]
    )


def _ref(fs: Any) -> str:
    return f"xmi:id {fs.xmiID}"


def _span(fs: Any) -> dict[str, Any]:
    values = {
        _xmi_name(f): fs.get(f.name)
        for f in fs.type.all_features
        if f.rangeType.name == STRING and f.name not in ("sofa", "begin", "end")
    }
    if isinstance(values.get("label"), str):
        label = values.pop("label")
    elif isinstance(values.get("value"), str):
        label = values.pop("value")
    else:
        label = fs.type.name.rsplit(".", 1)[-1].upper()
    values.pop("label", None)
    return {
        "ref": _ref(fs),
        "start": fs.begin,
        "end": fs.end,
        "label": label,
        "attrs": {k: v for k, v in values.items() if isinstance(v, str)},
    }


def _relation(fs: Any, path: Path) -> dict[str, Any]:
    head, child = fs.get("Governor"), fs.get("Dependent")
    if head is None or child is None:
        raise InputError(
            str(path), f"the relation {_ref(fs)} ({fs.type.name}) lacks a Governor or Dependent."
        )
    label = fs.get("label") if _has(fs, "label") else None
    if not isinstance(label, str) and _has(fs, "value"):
        label = fs.get("value")
    if not isinstance(label, str):
        label = fs.type.name.rsplit(".", 1)[-1]
    return {"head": _ref(head), "child": _ref(child), "label": label}


def _has(fs: Any, name: str) -> bool:
    return any(f.name == name for f in fs.type.all_features)


def _load_type_system(folder: Path) -> Any:
    for name in TYPE_SYSTEM_NAMES:
        candidate = folder / name
        if candidate.is_file():
            stat = candidate.stat()
            return _parsed_type_system(str(candidate), stat.st_mtime_ns, stat.st_size)
    raise InputError(
        str(folder),
        "holds no TypeSystem.xml (INCEpTION's XMI export puts one beside the .xmi files).",
    )


@lru_cache(maxsize=4)
def _parsed_type_system(path: str, mtime: int, size: int) -> Any:
    """Parsed once per import of a folder (keyed by the file's time and size)."""
    cassis = _cassis()
    try:
        with open(path, "rb") as fh, warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return cassis.load_typesystem(fh)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc}).") from exc
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        reason = _reason(exc)
        raise InputError(path, f"is not a UIMA type system ({reason}).", line) from exc


def _reason(exc: Exception) -> str:
    """lxml's message without its own "(file, line N)" tail: our sentence names both."""
    text = getattr(exc, "msg", None) or str(exc)
    return str(text).splitlines()[0] if text else type(exc).__name__
