"""The `suggest` subcommand: Arabic pre-annotation over the corpus or chosen documents."""

from __future__ import annotations

import argparse

from annotator.app import open_workspace
from annotator.arabic.learned.stored import suggest_document_with_model, workspace_model
from annotator.arabic.suggest import LABELS, parse_labels, suggest_document
from annotator.cli.console import progress_bar
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
        known = [d.id for d in ws.documents()]
        missing = [d for d in args.doc or [] if d not in known]
        if missing:
            raise NotFoundError(f"No document with id '{missing[0]}' in {ws.path}.")
        doc_ids = args.doc or known
        trained = workspace_model(ws)
        if trained is not None:
            stored, model = trained
            print(
                f"Using the model trained on {len(stored.trained_on)} document(s) "
                f"({stored.created[:16].replace('T', ' ')}) for "
                f"{', '.join(model.labels)}; rules for the values and links."
            )
        added = kept = skipped = 0
        with progress_bar("Suggesting", len(doc_ids)) as progress:
            for done, doc_id in enumerate(doc_ids, start=1):
                if trained is None:
                    report = suggest_document(ws, doc_id, labels, layer=args.annotator)
                else:
                    report = suggest_document_with_model(
                        ws, doc_id, trained[1], labels, layer=args.annotator
                    )
                added, kept, skipped = (
                    added + report.added,
                    kept + report.kept,
                    skipped + report.skipped,
                )
                progress(done)
    print(
        f"Suggested {added} span(s) ({', '.join(labels)}) in {len(doc_ids)} document(s); "
        f"{kept} already reviewed and {skipped} already annotated were not proposed again."
    )
    return 0
