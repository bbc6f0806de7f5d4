"""Label Studio JSON: a list of tasks, each ``{"data": {"text": ...}, "annotations": [...],
"predictions": [...]}``; offsets in code points (Label Studio's Python back end slices
``str``).

Mapping: each of our layers is one annotation of a task, its ``completed_by`` naming the layer
(``{"email": "<layer>@annotator"}`` on export; on import a string, such an e-mail's local part
or ``first_name`` is the layer, and Label Studio's numeric user ids become ``ls-user-<id>``).
``--layer`` on import overrides all of them. The ``suggestions`` layer is written as
``predictions``, and predictions are read into ``suggestions``. A span is a ``labels`` result
(value.start/end/text/labels); an attribute is a ``choices`` result (fixed values) or a
``textarea`` result (free text) with the span's id and the attribute's name as ``from_name``;
a relation is a ``relation`` result from the head's id to the child's (``direction`` left is
read backwards). Cancelled annotations are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from annotator.core.errors import InputError
from annotator.core.model import GOLD_LAYER, SUGGESTIONS_LAYER
from annotator.core.records import DocumentRecord
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_write
from annotator.formats.selection import ExportDocument
from annotator.formats.txt import decode_file


def escape(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


_MAX_FILE_BYTES = 2 * 1024**3  # one JSON array is parsed whole: refuse absurd files up front


def read(path: Path) -> Iterator[DocumentRecord]:
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise InputError(str(path), "is larger than 2 GiB; export fewer tasks at a time.")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror}).") from exc
    try:
        tasks = json.loads(decode_file(path, raw))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"is not valid JSON ({exc.msg}).", exc.lineno) from exc
    except (ValueError, RecursionError) as exc:
        raise InputError(str(path), f"is not usable JSON ({exc}).") from exc
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(str(path), "must hold a list of Label Studio tasks.")
    for number, task in enumerate(tasks, 1):
        yield from _task_records(task, f"{path}, task {number}")


def _task_records(task: Any, where: str) -> Iterator[DocumentRecord]:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise InputError(where, 'is not a task with a "data" object.')
    data = task["data"]
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(where, 'has no "data.text" string.')
    base = {
        "text": text,
        "path": where,
        "id": str(data["doc_id"]) if isinstance(data.get("doc_id"), str) else None,
        "title": data.get("title") if isinstance(data.get("title"), str) else None,
        "source": str(data.get("source") or ""),
        "published": data.get("published") if isinstance(data.get("published"), str) else None,
    }
    groups: list[tuple[str, Any]] = []
    for kind, layer_of in (("annotations", _annotation_layer), ("predictions", _prediction_layer)):
        items = task.get(kind) or []
        if not isinstance(items, list):
            raise InputError(where, f'"{kind}" must be a list.')
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict) or not isinstance(item.get("result", []), list):
                raise InputError(where, f'{kind[:-1]} {n} has no "result" list.')
            if item.get("was_cancelled"):
                continue
            groups.append((layer_of(item), item.get("result") or []))
    if not groups:
        yield DocumentRecord(**base)
    for layer, results in groups:
        spans, relations = _results(results, where)
        yield DocumentRecord(**base, layer=layer, spans=spans, relations=relations)


def _annotation_layer(annotation: dict[str, Any]) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        email = who.get("email")
        if isinstance(email, str) and "@" in email:
            return email.rsplit("@", 1)[0]
        if isinstance(who.get("first_name"), str) and who["first_name"]:
            return who["first_name"]
        who = who.get("id")
    if isinstance(who, str) and who:
        return who
    if isinstance(who, int):
        return f"ls-user-{who}"
    return "label-studio"


def _prediction_layer(prediction: dict[str, Any]) -> str:
    return SUGGESTIONS_LAYER


def _results(results: list[Any], where: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    spans: dict[str, dict[str, Any]] = {}
    attributes: list[tuple[str, str, str]] = []
    relations: list[dict[str, Any]] = []
    for n, result in enumerate(results, 1):
        if not isinstance(result, dict):
            raise InputError(where, f"result {n} is not an object.")
        kind, value, rid = result.get("type"), result.get("value"), result.get("id")
        if kind == "relation":
            labels = result.get("labels") or []
            if len(labels) != 1:
                raise InputError(where, f"relation {n} needs exactly one label, not {labels!r}.")
            head, child = str(result.get("from_id")), str(result.get("to_id"))
            if result.get("direction") == "left":
                head, child = child, head
            relations.append({"head": head, "child": child, "label": labels[0]})
            continue
        if not isinstance(value, dict) or not isinstance(rid, str):
            raise InputError(where, f"result {n} has no id and value.")
        if kind == "labels":
            labels = value.get("labels") or []
            if len(labels) != 1:
                raise InputError(where, f"result {rid} needs exactly one label, not {labels!r}.")
            spans[rid] = {
                "ref": rid,
                "start": value.get("start"),
                "end": value.get("end"),
                "label": labels[0],
                "text": value.get("text"),
                "attrs": {},
            }
        elif kind in ("choices", "textarea"):
            values = value.get(kind if kind == "choices" else "text") or []
            if values:
                attributes.append((rid, str(result.get("from_name")), str(values[0])))
        else:
            raise InputError(
                where, f"result {rid} is of type {kind!r}; only text spans can be read."
            )
    for rid, name, value in attributes:
        if rid in spans:
            spans[rid]["attrs"][name] = value
    return list(spans.values()), relations


# --------------------------------------------------------------------------- writing
def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    """A JSON array written one task at a time, so memory stays flat; beside it
    ``<file>.label_config.xml``, the labelling configuration a Label Studio project needs for
    these results."""
    with atomic_write(target.with_name(target.name + ".label_config.xml")) as fh:
        fh.write(label_config(schema))
    with atomic_write(target) as fh:
        fh.write("[")
        for n, item in enumerate(documents, 1):
            fh.write(",\n" if n > 1 else "\n")
            fh.write(json.dumps(task_object(item, n, schema), ensure_ascii=False))
        fh.write("\n]\n")


def label_config(schema: LabelSchema) -> str:
    """Label Studio's labelling configuration for the schema: the labels, one per-region
    Choices (fixed values) or TextArea (free text) per attribute, and the relations."""
    lines = ["<View>", '  <Labels name="label" toName="text">']
    lines += [f'    <Label value="{escape(label)}"/>' for label in schema.labels]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>', "  <Relations>"]
    lines += [f'    <Relation value="{escape(rel)}"/>' for rel in schema.relations]
    lines.append("  </Relations>")
    seen: set[str] = set()
    for label in schema.labels.values():
        for attr in label.attributes.values():
            if attr.name in seen:
                continue
            seen.add(attr.name)
            name = escape(attr.name)
            if attr.values:
                lines.append(f'  <Choices name="{name}" toName="text" perRegion="true">')
                lines += [f'    <Choice value="{escape(v)}"/>' for v in attr.values]
                lines.append("  </Choices>")
            else:
                lines.append(f'  <TextArea name="{name}" toName="text" perRegion="true"/>')
    return "\n".join([*lines, "</View>"]) + "\n"


def task_object(item: ExportDocument, number: int, schema: LabelSchema) -> dict[str, Any]:
    doc = item.document
    result = _result_items(item, schema)
    task: dict[str, Any] = {
        "id": number,
        "data": {
            "text": doc.text,
            "doc_id": doc.id,
            "title": doc.title,
            "source": doc.source,
            "published": doc.published,
        },
        "annotations": [],
        "predictions": [],
    }
    if item.layer == SUGGESTIONS_LAYER:
        task["predictions"].append({"model_version": "annotator-suggest", "result": result})
    else:
        task["annotations"].append(
            {
                "completed_by": {"email": f"{item.layer}@annotator", "first_name": item.layer},
                "ground_truth": item.layer == GOLD_LAYER,
                "result": result,
            }
        )
    return task


def _result_items(item: ExportDocument, schema: LabelSchema) -> list[dict[str, Any]]:
    text = item.document.text
    out: list[dict[str, Any]] = []
    for span in item.spans:
        region = {"start": span.start, "end": span.end, "text": text[span.start : span.end]}
        common = {"id": span.id, "to_name": "text", "origin": span.origin}
        out.append(
            {
                **common,
                "from_name": "label",
                "type": "labels",
                "value": {**region, "labels": [span.label]},
            }
        )
        spec = schema.labels.get(span.label)
        for name, value in span.attrs.items():
            attr = spec.attributes.get(name) if spec else None
            if attr is not None and attr.values:
                out.append(
                    {
                        **common,
                        "from_name": name,
                        "type": "choices",
                        "value": {**region, "choices": [value]},
                    }
                )
            else:
                out.append(
                    {
                        **common,
                        "from_name": name,
                        "type": "textarea",
                        "value": {**region, "text": [value]},
                    }
                )
    for rel in item.relations:
        out.append(
            {
                "type": "relation",
                "from_id": rel.head,
                "to_id": rel.child,
                "direction": "right",
                "labels": [rel.label],
            }
        )
    return out
