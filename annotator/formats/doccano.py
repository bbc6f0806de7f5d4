"""doccano JSONL: one document a line, offsets in code points.

Read both shapes doccano has used: ``{"text", "label": [[start, end, LABEL], ...]}`` (sequence
labelling) and ``{"text", "entities": [{"id", "start_offset", "end_offset", "label"}],
"relations": [{"id", "from_id", "to_id", "type"}]}`` (with relations). doccano's numeric ids
are its own: they name documents only when no other document has them, and entity ids only
link relations within a line.

Write the newer shape (it carries relations). doccano has no span attributes; ours travel in
an extra ``attrs`` object keyed by entity id, which doccano keeps as document metadata.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import DocumentRecord
from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_write
from annotator.formats.jsonl import json_lines
from annotator.formats.selection import ExportDocument


def read(path: Path) -> Iterator[DocumentRecord]:
    for number, obj in json_lines(path):
        yield _record(obj, str(path), number)


def _record(obj: dict[str, Any], path: str, number: int) -> DocumentRecord:
    def fail(message: str) -> InputError:
        return InputError(path, message, number)

    text = obj.get("text")
    if not isinstance(text, str):
        raise fail('the object has no "text" string.')
    spans: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    attrs = obj.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise fail('"attrs" must be an object of attributes by entity id.')
    if "entities" in obj:
        if not isinstance(obj["entities"], list):
            raise fail('"entities" must be a list.')
        for n, ent in enumerate(obj["entities"], 1):
            if (
                not isinstance(ent, dict)
                or not {"id", "start_offset", "end_offset", "label"} <= ent.keys()
            ):
                raise fail(f"entity {n} needs id, start_offset, end_offset and label.")
            ref = str(ent["id"])
            spans.append(
                {
                    "ref": ref,
                    "start": ent["start_offset"],
                    "end": ent["end_offset"],
                    "label": ent["label"],
                    "attrs": attrs.get(ref) or {},
                }
            )
        for n, rel in enumerate(obj.get("relations") or [], 1):
            if not isinstance(rel, dict) or not {"from_id", "to_id", "type"} <= rel.keys():
                raise fail(f"relation {n} needs from_id, to_id and type.")
            relations.append(
                {"head": str(rel["from_id"]), "child": str(rel["to_id"]), "label": rel["type"]}
            )
    else:
        labels = obj.get("label") or []
        if not isinstance(labels, list):
            raise fail('"label" must be a list of [start, end, LABEL].')
        for n, item in enumerate(labels, 1):
            if not isinstance(item, list) or len(item) != 3:
                raise fail(f"label {n} is not [start, end, LABEL].")
            spans.append({"start": item[0], "end": item[1], "label": item[2]})
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    doc_id = obj.get("id")
    return DocumentRecord(
        text=text,
        path=path,
        line=number,
        id=None if doc_id is None else str(doc_id),
        title=meta.get("title") if isinstance(meta.get("title"), str) else None,
        source=str(meta.get("source") or ""),
        published=meta.get("published") if isinstance(meta.get("published"), str) else None,
        spans=spans,
        relations=relations,
    )


def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    with atomic_write(target) as fh:
        for item in documents:
            fh.write(json.dumps(line_object(item), ensure_ascii=False))
            fh.write("\n")


def line_object(item: ExportDocument) -> dict[str, Any]:
    doc = item.document
    number = {span.id: n for n, span in enumerate(item.spans, 1)}
    return {
        "id": doc.id,
        "text": doc.text,
        "meta": {"title": doc.title, "source": doc.source, "published": doc.published},
        "entities": [
            {"id": number[s.id], "start_offset": s.start, "end_offset": s.end, "label": s.label}
            for s in item.spans
        ],
        "relations": [
            {"id": n, "from_id": number[r.head], "to_id": number[r.child], "type": r.label}
            for n, r in enumerate(item.relations, 1)
        ],
        "attrs": {str(number[s.id]): s.attrs for s in item.spans if s.attrs},
    }
