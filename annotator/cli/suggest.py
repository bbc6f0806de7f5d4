"""The `suggest` subcommand: Arabic pre-annotation over the corpus or chosen documents."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from annotator.app import open_workspace
from annotator.arabic.learned.stored import suggest_document_with_model, workspace_model
from annotator.arabic.parallel import Job, default_jobs, suggest_many
from annotator.arabic.suggest import LABELS, parse_labels, store_suggestions
from annotator.cli.console import progress_bar
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.workspace import Workspace


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
    def load(doc_id: str) -> Job:
        doc = ws.document(doc_id)
        return Job(doc.id, doc.text, doc.published)

    return load


def cmd_suggest(args: argparse.Namespace) -> int:
    labels = parse_labels(args.labels)
    with open_workspace(args.db, args.annotator or "system") as ws:
        known = [d.id for d in ws.documents()]
        missing = [d for d in args.doc or [] if d not in known]
        if missing:
            raise NotFoundError(f"No document with id '{missing[0]}' in {ws.path}.")
        doc_ids = args.doc or known
        jobs = default_jobs() if args.jobs is None else args.jobs
        if jobs < 1:
            raise ValidationError(f"--jobs must be 1 or more, not {jobs}.")
        trained = workspace_model(ws)
        if trained is not None:
            stored, model = trained
            print(
                f"Using the model trained on {len(stored.trained_on)} document(s) "
                f"({stored.created[:16].replace('T', ' ')}) for "
                f"{', '.join(model.labels)}; rules for the values and links."
            )
        added = kept = skipped = done = 0
        with progress_bar("Suggesting", len(doc_ids)) as progress:
            if trained is not None:
                # The learned model tags in this process, one transaction per document.
                for done, doc_id in enumerate(doc_ids, start=1):
                    report = suggest_document_with_model(
                        ws, doc_id, trained[1], labels, layer=args.annotator
                    )
                    added, kept, skipped = (
                        added + report.added,
                        kept + report.kept,
                        skipped + report.skipped,
                    )
                    progress(done)
            else:
                for results in suggest_many(doc_ids, _loader(ws), labels, jobs):
                    # Computed in workers; the writing stays here, one transaction a batch.
                    with ws.batch():
                        reports = [
                            store_suggestions(ws, doc_id, found, labels, layer=args.annotator)
                            for doc_id, found in results
                        ]
                    added += sum(r.added for r in reports)
                    kept += sum(r.kept for r in reports)
                    skipped += sum(r.skipped for r in reports)
                    done += len(results)
                    progress(done)
    print(
        f"Suggested {added} span(s) ({', '.join(labels)}) in {len(doc_ids)} document(s); "
        f"{kept} already reviewed and {skipped} already annotated were not proposed again."
    )
    return 0
