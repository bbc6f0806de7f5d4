"""The `suggest` subcommand: Arabic pre-annotation over the corpus or chosen documents."""

from __future__ import annotations

import argparse

from annotator.arabic.labels import LABELS, parse_labels
from annotator.core.counted import counted


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("suggest", help="pre-annotate dates, quotes, speakers and claims")
    p.add_argument(
        "--labels",
        default=",".join(LABELS),
        help=f"comma-separated labels to suggest (default: {','.join(LABELS)})",
    )
    p.add_argument(
        "--doc",
        action="extend",
        nargs="+",
        metavar="ID",
        help="only these documents (--doc A B, or --doc A --doc B; default: every document)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes computing suggestions (default: one per core)",
    )
    p.set_defaults(handler=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    # The rules (and the date grammar they compile) load when a command needs them, not
    # when the command line is parsed for another command.
    from annotator.app import open_workspace
    from annotator.arabic.corpus_suggest import (
        check_documents,
        check_jobs,
        suggest_corpus,
    )
    from annotator.arabic.learned.stored import workspace_model
    from annotator.cli.console import progress_bar
    from annotator.core.catalog import document_count

    labels = parse_labels(args.labels)
    with open_workspace(args.db, args.annotator or "system") as ws:
        check_documents(ws, args.doc or [])
        jobs = check_jobs(args.jobs)
        trained = workspace_model(ws)
        if trained is not None:
            stored, model = trained
            print(
                f"Using the model trained on {counted(len(stored.trained_on), 'document')} "
                f"({stored.created[:16].replace('T', ' ')}) for "
                f"{', '.join(model.labels)}; rules for the values and links."
            )
        total = len(args.doc) if args.doc else document_count(ws.query)
        with progress_bar("Suggesting", total) as progress:
            totals = suggest_corpus(
                ws,
                labels,
                doc_ids=args.doc,
                jobs=jobs,
                model=None if trained is None else trained[1],
                layer=args.annotator,
                progress=progress,
            )
    print(
        f"Suggested {counted(totals.added, 'span')} ({', '.join(labels)}) in "
        f"{counted(totals.done, 'document')}; "
        f"{totals.kept} already reviewed and {totals.skipped} already annotated were not "
        "proposed again."
    )
    return 0
