"""The `suggest` subcommand: Arabic pre-annotation over the corpus or chosen documents."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.arabic.labels import LABELS, parse_labels
from annotator.core.counted import counted

if TYPE_CHECKING:
    from annotator.arabic.parallel import Job
    from annotator.core.workspace import Workspace

# Ids read (and worker pools started) per round: a list of every id is never held.
ID_BATCH = 5000


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
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes computing suggestions (default: one per core)",
    )
    p.set_defaults(handler=cmd_suggest)


def _loader(ws: Workspace) -> Callable[[str], Job]:
    from annotator.arabic.parallel import Job

    def load(doc_id: str) -> Job:
        doc = ws.document(doc_id)
        return Job(doc.id, doc.text, doc.published)

    return load


def cmd_suggest(args: argparse.Namespace) -> int:
    # The rules (and the date grammar they compile) load when a command needs them, not
    # when the command line is parsed for another command.
    from annotator.app import open_workspace
    from annotator.arabic.learned.stored import store_learned, workspace_model
    from annotator.arabic.parallel import default_jobs, suggest_many
    from annotator.arabic.suggest import store_suggestions
    from annotator.cli.console import progress_bar
    from annotator.core.catalog import document_count, rowid_of
    from annotator.core.errors import NotFoundError, ValidationError

    labels = parse_labels(args.labels)
    with open_workspace(args.db, args.annotator or "system") as ws:
        read = ws.query
        missing = [d for d in args.doc or [] if rowid_of(read, d) is None]
        if missing:
            raise NotFoundError(f"No document with id '{missing[0]}' in {ws.path}.")
        jobs = default_jobs() if args.jobs is None else args.jobs
        if jobs < 1:
            raise ValidationError(f"--jobs must be 1 or more, not {jobs}.")
        trained = workspace_model(ws)
        if trained is not None:
            stored, model = trained
            print(
                f"Using the model trained on {counted(len(stored.trained_on), 'document')} "
                f"({stored.created[:16].replace('T', ' ')}) for "
                f"{', '.join(model.labels)}; rules for the values and links."
            )
        model = None if trained is None else trained[1]
        store = store_suggestions if model is None else store_learned
        # Every document, a batch of ids at a time (no list of the whole corpus).
        batches = [args.doc] if args.doc else ws.doc_id_batches(ID_BATCH)
        total = len(args.doc) if args.doc else document_count(read)
        added = kept = skipped = done = 0
        with progress_bar("Suggesting", total) as progress:
            for doc_ids in batches:
                for results in suggest_many(doc_ids, _loader(ws), labels, jobs, model=model):
                    # Computed in workers; the writing stays here, one transaction a batch.
                    with ws.batch():
                        reports = [
                            store(ws, doc_id, found, labels, layer=args.annotator)
                            for doc_id, found in results
                        ]
                    added += sum(r.added for r in reports)
                    kept += sum(r.kept for r in reports)
                    skipped += sum(r.skipped for r in reports)
                    done += len(results)
                    progress(done)
    print(
        f"Suggested {counted(added, 'span')} ({', '.join(labels)}) in "
        f"{counted(done, 'document')}; "
        f"{kept} already reviewed and {skipped} already annotated were not proposed again."
    )
    return 0
