"""Subcommands that move data in and out and describe it: import, export, stats, check."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any

from rich.table import Table

from annotator.app import open_workspace, with_publication_dates
from annotator.cli.console import display, literal, print_json, progress_bar, stdout_console
from annotator.core.batches import document_count
from annotator.core.integrity import check_workspace
from annotator.core.model import GOLD_LAYER, Status
from annotator.core.workspace import Workspace
from annotator.exporting import check_export_layer, export_formats, export_layer, export_target
from annotator.formats import count_records, import_files, read_paths, registry
from annotator.formats.manifest import manifest_path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import articles and annotations (.txt, folders, JSONL, brat, XMI, ...)",
        description="Formats (detected by extension and content unless --format names one): "
        + registry.help_table("import")
        + ".",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--layer", help="layer that imported spans and relations go to")
    p.add_argument(
        "--format",
        choices=registry.names("import"),
        help="read every PATH as this format: " + ", ".join(registry.names("import")),
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of .txt articles (default: their dateline's)",
    )
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser(
        "export",
        help="export one layer of every document (JSONL, brat, XMI, CoNLL-U, spaCy, ...)",
        description="Formats: " + registry.help_table("export") + ".",
    )
    p.add_argument(
        "-o",
        "--output",
        help="output file or folder, in a folder that exists "
        "(default: ./exports/<layer>.<extension>)",
    )
    p.add_argument("--layer", default=GOLD_LAYER, help="layer to export (default: gold)")
    p.add_argument(
        "--status",
        choices=[s.value for s in Status],
        help="only documents with this status in the layer",
    )
    formats = export_formats()
    p.add_argument(
        "--format",
        default=formats[0],
        choices=formats,
        help=f"file format (default: {formats[0]}): " + ", ".join(formats),
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("stats", help="documents, layers, spans per label and status")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument(
        "--bidi",
        choices=["auto", "always", "never"],
        default="auto",
        help="reorder Arabic for terminals without bidi support (auto: on a TTY)",
    )
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("check", help="check spans, relations and schema of the workspace")
    p.set_defaults(handler=cmd_check)


def cmd_import(args: argparse.Namespace) -> int:
    fmt = registry.get(args.format) if args.format else None
    files = import_files(args.paths, fmt)
    with open_workspace(args.db, args.annotator or "system", create=True) as ws:
        total = count_records(files) if sys.stderr.isatty() else None
        with progress_bar("Importing", total) as progress:
            records = with_publication_dates(read_paths(files, fmt), args.published)
            report = ws.import_records(records, layer=args.layer, progress=progress)
    print(f"Imported {len(files)} file(s): {report.summary()}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    output = export_target(args.output, args.layer, args.format)
    with open_workspace(args.db, args.annotator or "system") as ws:
        check_export_layer(ws, args.layer)
        with progress_bar("Exporting", document_count(ws)) as progress:
            manifest = export_layer(ws, output, args.layer, args.status, args.format, progress)
    print(
        f"Exported {manifest['documents']} documents with {manifest['spans']} spans and "
        f"{manifest['relations']} relations to {output} (manifest: {manifest_path(output)})."
    )
    return 0


def workspace_stats(ws: Workspace) -> dict[str, Any]:
    layers = ws.layers()
    docs = ws.documents()
    by_layer = {layer: ws.spans_by_document(layer) for layer in layers}
    statuses = {layer: ws.statuses(layer) for layer in layers}
    spans = {
        layer: Counter(s.label for group in by_layer[layer].values() for s in group)
        for layer in layers
    }
    relations = {
        layer: Counter(r.label for group in ws.relations_by_document(layer).values() for r in group)
        for layer in layers
    }
    status = {
        layer: Counter(statuses[layer].get(d.id, Status.NEW).value for d in docs)
        for layer in layers
    }
    per_doc = [
        {
            "id": doc.id,
            "title": doc.title,
            "length": doc.length,
            "published": doc.published,
            "layers": {
                layer: {
                    "spans": len(by_layer[layer].get(doc.id, [])),
                    "status": statuses[layer].get(doc.id, Status.NEW).value,
                }
                for layer in layers
            },
        }
        for doc in docs
    ]
    return {
        "workspace": str(ws.path),
        "documents": len(docs),
        "layers": layers,
        "spans": {k: dict(sorted(v.items())) for k, v in spans.items()},
        "relations": {k: dict(sorted(v.items())) for k, v in relations.items()},
        "status": {k: dict(sorted(v.items())) for k, v in status.items()},
        "per_document": per_doc,
    }


def cmd_stats(args: argparse.Namespace) -> int:
    with open_workspace(args.db, args.annotator or "system") as ws:
        stats = workspace_stats(ws)
        labels = list(ws.schema.labels)
    if args.json:
        print_json(stats)
        return 0
    shown = display(args.bidi)
    console = stdout_console()
    console.print(
        f"Workspace {stats['workspace']}: {stats['documents']} documents, "
        f"{len(stats['layers'])} layers"
    )
    docs = Table(title="Documents")
    docs.add_column("id", no_wrap=True)
    docs.add_column("title", justify="right", no_wrap=True)
    docs.add_column("chars", justify="right")
    for layer in stats["layers"]:
        docs.add_column(layer, justify="right", no_wrap=True, min_width=len(layer))
    for doc in stats["per_document"]:
        cells = [f"{v['spans']} {v['status']}" for v in doc["layers"].values()]
        docs.add_row(
            literal(doc["id"]), literal(shown(_shorten(doc["title"]))), str(doc["length"]), *cells
        )
    console.print(docs)
    if stats["layers"]:
        per_label = Table(title="Spans per label")
        per_label.add_column("layer")
        for label in labels:
            per_label.add_column(label, justify="right")
        per_label.add_column("relations", justify="right")
        per_label.add_column("status", justify="left")
        for layer in stats["layers"]:
            counts = stats["spans"][layer]
            per_label.add_row(
                layer,
                *(str(counts.get(label, 0)) for label in labels),
                str(sum(stats["relations"][layer].values())),
                ", ".join(f"{k} {v}" for k, v in stats["status"][layer].items()),
            )
        console.print(per_label)
    return 0


def _shorten(title: str, limit: int = 48) -> str:
    """Cut in logical order, before any visual reordering, so the title's start stays."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def cmd_check(args: argparse.Namespace) -> int:
    with open_workspace(
        args.db, args.annotator or "system", read_only=True, foreign_schema_ok=True
    ) as ws:
        problems = check_workspace(ws)
        name = ws.path
    for problem in problems:
        print(problem)
    if problems:
        print(f"{name}: {len(problems)} problem(s) found; nothing was changed.", file=sys.stderr)
        return 1
    print(f"{name}: no problems found.")
    return 0
