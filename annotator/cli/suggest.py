"""The `suggest` subcommand: Arabic pre-annotation over the corpus or chosen documents."""

from __future__ import annotations

import argparse

from annotator.app import open_workspace
from annotator.arabic.suggest import LABELS, parse_labels, suggest_document
from annotator.cli.console import progress_bar
from annotator.core.catalog import document_count, rowid_of
from annotator.core.errors import NotFoundError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("suggest", help="pre-annotate dates, quotes, speakers and claims")
    p.add_argument(
        "--labels",
        default=",".join(LABELS),
        help=f"comma-separated labels to suggest (default: {','.join(LABELS)})",
    )
    p.add_argument(
        "--doc",
        action="append",
        metavar="ID",
        help="only this document (repeat for several; default: every document)",
    )
    p.set_defaults(handler=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    labels = parse_labels(args.labels)
    with open_workspace(args.db, args.annotator or "system") as ws:
        conn = ws.db.conn
        missing = [d for d in args.doc or [] if rowid_of(conn, d) is None]
        if missing:
            raise NotFoundError(f"No document with id '{missing[0]}' in {ws.path}.")
        # Every document, a batch of ids at a time (no list of the whole corpus).
        batches = [args.doc] if args.doc else ws.doc_id_batches()
        total = len(args.doc) if args.doc else document_count(conn)
        added = kept = skipped = done = 0
        with progress_bar("Suggesting", total) as progress:
            for batch in batches:
                for doc_id in batch:
                    report = suggest_document(ws, doc_id, labels, layer=args.annotator)
                    added, kept, skipped = (
                        added + report.added,
                        kept + report.kept,
                        skipped + report.skipped,
                    )
                    done += 1
                    progress(done)
    print(
        f"Suggested {added} span(s) ({', '.join(labels)}) in {done} document(s); "
        f"{kept} already reviewed and {skipped} already annotated were not proposed again."
    )
    return 0
