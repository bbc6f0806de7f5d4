"""Hugging Face datasets as Parquet (export only); needs the optional extra ``[hf]``.

One row per document: ``id``, ``text``, ``title``, ``source``, ``published``, ``layer``,
``status``, ``annotators``, and the span columns ``spans`` (a list of ``{id, start, end, label,
text, attrs}``, offsets in code points, ``attrs`` as a JSON object in a string because its keys
differ by label) and ``relations`` (``{id, head, child, label}``). ``datasets.load_dataset(
"parquet", data_files=FILE)`` reads it. Rows are written a batch at a time, so memory stays
flat however many documents go out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.schema import LabelSchema
from annotator.formats.atomic import atomic_path
from annotator.formats.extras import require
from annotator.formats.selection import ExportDocument

BATCH_ROWS = 500


def arrow_schema(pa: Any) -> Any:
    text = pa.string()
    return pa.schema(
        [
            ("id", text),
            ("text", text),
            ("title", text),
            ("source", text),
            ("published", text),
            ("layer", text),
            ("status", text),
            ("annotators", pa.list_(text)),
            (
                "spans",
                pa.list_(
                    pa.struct(
                        [
                            ("id", text),
                            ("start", pa.int64()),
                            ("end", pa.int64()),
                            ("label", text),
                            ("text", text),
                            ("attrs", text),
                        ]
                    )
                ),
            ),
            (
                "relations",
                pa.list_(
                    pa.struct([("id", text), ("head", text), ("child", text), ("label", text)])
                ),
            ),
        ]
    )


def row(item: ExportDocument) -> dict[str, Any]:
    doc = item.document
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "layer": item.layer,
        "status": item.status,
        "annotators": item.annotators,
        "spans": [
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "text": doc.text[s.start : s.end],
                "attrs": json.dumps(s.attrs, ensure_ascii=False, sort_keys=True),
            }
            for s in item.spans
        ],
        "relations": [
            {"id": r.id, "head": r.head, "child": r.child, "label": r.label} for r in item.relations
        ],
    }


def write(documents: Iterable[ExportDocument], target: Path, schema: LabelSchema) -> None:
    pa = require("pyarrow", "hf", "hf")
    pq = require("pyarrow.parquet", "hf", "hf")
    table_schema = arrow_schema(pa)
    with atomic_path(target) as tmp:
        writer = pq.ParquetWriter(str(tmp), table_schema)
        try:
            batch: list[dict[str, Any]] = []
            for item in documents:
                batch.append(row(item))
                if len(batch) >= BATCH_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
        finally:
            writer.close()
