"""Subcommands that move data in and out and describe it: import, export, stats, check."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from rich.console import Console
from rich.table import Table

from annotator.app import open_workspace, with_publication_dates
from annotator.cli.console import (
    display,
    literal,
    print_json_with,
    progress_bar,
    stdout_console,
)
from annotator.cli.interrupt import interruptible
from annotator.core.catalog import document_count, status_count
from annotator.core.counted import counted
from annotator.core.integrity import iter_problems
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
        "--documents",
        action="store_true",
        help=f"also list every document (the default up to {DOCUMENTS_LISTED} documents)",
    )
    p.add_argument(
        "--bidi",
        choices=["auto", "always", "never"],
        default="auto",
        help="reorder Arabic for terminals without bidi support (auto: on a TTY)",
    )
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("check", help="check spans, relations and schema of the workspace")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("search", help="documents by words in title and text (Arabic folded)")
    p.add_argument("query", metavar="QUERY", help="words that must all occur")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--limit", type=int, default=None, help="at most this many documents")
    p.set_defaults(handler=cmd_search)


def cmd_import(args: argparse.Namespace) -> int:
    fmt = registry.get(args.format) if args.format else None
    files = import_files(args.paths, fmt)
    with open_workspace(args.db, args.annotator or "system", create=True) as ws:
        total = count_records(files) if sys.stderr.isatty() else None
        with progress_bar("Importing", total) as progress:
            records = with_publication_dates(read_paths(files, fmt), args.published)
            report = ws.import_records(records, layer=args.layer, progress=progress)
    print(f"Imported {counted(len(files), 'file')}: {report.summary()}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    output = export_target(args.output, args.layer, args.format)
    with open_workspace(args.db, args.annotator or "system") as ws:
        check_export_layer(ws, args.layer)
        with progress_bar("Exporting", document_count(ws.query)) as progress:
            manifest = export_layer(ws, output, args.layer, args.status, args.format, progress)
        adjudicated = status_count(ws.query, GOLD_LAYER, Status.ADJUDICATED)
    print(
        f"Exported {counted(manifest['documents'], 'document')} with "
        f"{counted(manifest['spans'], 'span')} and {counted(manifest['relations'], 'relation')} "
        f"to {output} (manifest: {manifest_path(output)})."
    )
    if args.layer == GOLD_LAYER and args.status is None:
        _warn_unadjudicated(manifest["documents"], adjudicated)
    return 0


def _warn_unadjudicated(exported: int, adjudicated: int) -> None:
    """A gold export of every document takes in documents nobody adjudicated, with empty or
    partial gold: a training pipeline would learn that they hold no quotes. The contract keeps
    every document; the note says so, and how to leave them out."""
    if exported > adjudicated:
        print(
            f"Note: {exported - adjudicated} of the {exported} exported documents are not "
            "adjudicated, so their gold is empty or partial; --status adjudicated exports "
            "only the adjudicated ones.",
            file=sys.stderr,
        )


def workspace_stats(ws: Workspace) -> dict[str, Any]:
    """Counts from aggregate queries (no layer's spans are loaded as objects, however large
    the corpus); the per-document rows come from :func:`per_document_stats`, streamed."""
    layers = ws.layers()
    read = ws.query
    spans: dict[str, Counter[str]] = {layer: Counter() for layer in layers}
    for layer, label, count in read(
        "SELECT layer, label, count(*) FROM spans GROUP BY layer, label"
    ):
        spans.setdefault(layer, Counter())[label] = count
    relations: dict[str, Counter[str]] = {layer: Counter() for layer in layers}
    for layer, label, count in read(
        "SELECT layer, label, count(*) FROM relations GROUP BY layer, label"
    ):
        relations.setdefault(layer, Counter())[label] = count
    total = int(read("SELECT count(*) FROM documents").fetchone()[0])
    status: dict[str, Counter[str]] = {layer: Counter() for layer in layers}
    for layer, value, count in read(
        "SELECT layer, status, count(*) FROM doc_status GROUP BY layer, status"
    ):
        status.setdefault(layer, Counter())[value] = count
    for layer in layers:
        counts = status[layer]
        counts[Status.NEW.value] += total - sum(counts.values())
        status[layer] = +counts  # only the statuses that occur, as before
    return {
        "workspace": str(ws.path),
        "documents": total,
        "layers": layers,
        "spans": {k: dict(sorted(v.items())) for k, v in spans.items() if k in layers},
        "relations": {k: dict(sorted(v.items())) for k, v in relations.items() if k in layers},
        "status": {k: dict(sorted(v.items())) for k, v in status.items() if k in layers},
    }


def per_document_stats(ws: Workspace, layers: list[str]) -> Iterator[dict[str, Any]]:
    """Each document's id, title, length, date and per layer its span count and status, a
    batch of documents at a time (indexed reads): nothing is held for the whole corpus."""
    read = ws.query
    for batch in ws.doc_id_batches():
        marks = ",".join("?" * len(batch))
        counted: dict[tuple[str, str], int] = {
            (doc_id, layer): count
            for doc_id, layer, count in read(
                f"SELECT doc_id, layer, count(*) FROM spans WHERE doc_id IN ({marks}) "
                "GROUP BY doc_id, layer",
                batch,
            )
        }
        statuses = {layer: ws.statuses_of_documents(layer, batch) for layer in layers}
        for doc_id, title, length, published in read(
            f"SELECT id, title, length(text), published FROM documents WHERE id IN ({marks}) "
            "ORDER BY rowid",
            batch,
        ).fetchall():
            yield {
                "id": doc_id,
                "title": title,
                "length": length,
                "published": published,
                "layers": {
                    layer: {
                        "spans": counted.get((doc_id, layer), 0),
                        "status": statuses[layer].get(doc_id, Status.NEW).value,
                    }
                    for layer in layers
                },
            }


DOCUMENT_ROWS = 500  # rows of the documents table printed at a time
# Up to this many documents `stats` lists them all without being asked.
DOCUMENTS_LISTED = 200


def cmd_stats(args: argparse.Namespace) -> int:
    """The summary comes first, so that a lead sees it at once; the documents table follows
    only for a small workspace or with --documents (100,000 rows are not a summary). The
    per-document part is printed as it is read, a batch at a time (JSON entries, or the
    documents table in pieces): memory stays flat however many documents."""
    with open_workspace(args.db, args.annotator or "system") as ws:
        stats = workspace_stats(ws)
        labels = list(ws.schema.labels)
        rows = per_document_stats(ws, stats["layers"])
        if args.json:
            entries = (json.dumps(row, ensure_ascii=False, allow_nan=False) for row in rows)
            print_json_with(stats, "per_document", entries)
            return 0
        console = stdout_console()
        console.print(
            f"Workspace {stats['workspace']}: {counted(stats['documents'], 'document')}, "
            f"{counted(len(stats['layers']), 'layer')}"
        )
        if stats["layers"]:
            console.print(_per_label_table(stats, labels))
        if args.documents or stats["documents"] <= DOCUMENTS_LISTED:
            _print_documents(console, rows, stats["layers"], display(args.bidi))
        else:
            console.print(
                "Each document's figures: `annotator stats --documents` "
                f"({counted(stats['documents'], 'row')}) or `annotator stats --json`."
            )
    return 0


def _per_label_table(stats: dict[str, Any], labels: list[str]) -> Table:
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
    return per_label


def _print_documents(
    console: Console,
    rows: Iterator[dict[str, Any]],
    layers: list[str],
    shown: Callable[[str], str],
) -> None:
    """The documents table, printed DOCUMENT_ROWS rows at a time: each piece after the first
    has no title or header and keeps the columns at least as wide as the first piece's."""
    widths: list[int] = []
    first = True
    while True:
        piece = list(islice(rows, DOCUMENT_ROWS))
        if not piece and not first:
            return
        docs = Table(title="Documents" if first else None, show_header=first)
        docs.add_column("id", no_wrap=True)
        docs.add_column("title", justify="right", no_wrap=True)
        docs.add_column("chars", justify="right")
        for layer in layers:
            docs.add_column(layer, justify="right", no_wrap=True, min_width=len(layer))
        cells = [
            [
                literal(doc["id"]),
                literal(shown(_shorten(doc["title"]))),
                str(doc["length"]),
                *(f"{v['spans']} {v['status']}" for v in doc["layers"].values()),
            ]
            for doc in piece
        ]
        if first:
            widths = [
                max([len(docs.columns[n].header or ""), *(len(row[n]) for row in cells)])
                for n in range(len(docs.columns))
            ]
        for column, width in zip(docs.columns, widths, strict=True):
            column.min_width = max(column.min_width or 0, width)
        for row in cells:
            docs.add_row(*row)
        console.print(docs)
        first = False
        if len(piece) < DOCUMENT_ROWS:
            return


def _shorten(title: str, limit: int = 48) -> str:
    """Cut in logical order, before any visual reordering, so the title's start stays."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def cmd_check(args: argparse.Namespace) -> int:
    """Problems are printed as they are found, never gathered: memory stays flat. A progress
    bar counts the documents checked; Ctrl+C stops even SQLite's own file check."""
    found = 0
    with (
        open_workspace(
            args.db, args.annotator or "system", read_only=True, foreign_schema_ok=True
        ) as ws,
        interruptible(ws) as stop_if_asked,
        progress_bar("Checking", document_count(ws.query)) as progress,
    ):
        name = ws.path

        def checked(done: int) -> None:
            stop_if_asked()
            progress(done)

        for problem in iter_problems(ws, checked):
            stop_if_asked()  # an interrupted statement is reported as a problem: not so
            print(problem)
            found += 1
    if found:
        print(f"{name}: {counted(found, 'problem')} found; nothing was changed.", file=sys.stderr)
        return 1
    print(f"{name}: no problems found.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Streams the matches as they are found (with --json, one JSON array written a document
    at a time): a search over 100,000 articles never holds the list."""
    found = 0
    with open_workspace(args.db, args.annotator or "system", read_only=True) as ws:
        if args.json:
            sys.stdout.write("[")
        for doc in ws.search(args.query, args.limit):
            if args.json:
                row = {
                    "id": doc.id,
                    "title": doc.title,
                    "source": doc.source,
                    "published": doc.published,
                    "length": doc.length,
                }
                sys.stdout.write(
                    ("," if found else "")
                    + "\n"
                    + json.dumps(row, ensure_ascii=False, allow_nan=False)
                )
            else:
                print(f"{literal(doc.id).plain}\t{literal(doc.title).plain}")
            found += 1
        if args.json:
            sys.stdout.write("\n]\n")
    if not args.json:
        print(f"{counted(found, 'document')} found.", file=sys.stderr)
    return 0
