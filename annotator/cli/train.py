"""The `train` subcommand: learn the team's boundary conventions from the workspace's gold."""

from __future__ import annotations

import argparse
import sys

from annotator.arabic.labels import LABELS, parse_labels
from annotator.core.counted import counted


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "train",
        help="train the pre-annotation model on this workspace's gold and reviewed suggestions",
    )
    p.add_argument(
        "--labels",
        default=",".join(LABELS),
        help=f"comma-separated labels to learn (default: {','.join(LABELS)})",
    )
    p.add_argument(
        "--evaluate",
        action="store_true",
        help="print k-fold cross-validation figures (exact and overlap P/R/F1 per label)",
    )
    p.add_argument("--folds", type=int, default=5, help="folds for --evaluate (default: 5)")
    p.set_defaults(handler=cmd_train)


def cmd_train(args: argparse.Namespace) -> int:
    from annotator.app import open_workspace
    from annotator.arabic.learned.gate import MIN_DOCUMENTS
    from annotator.arabic.learned.stored import FEW_DOCUMENTS, few_documents, train_workspace

    labels = parse_labels(args.labels)
    with open_workspace(args.db, args.annotator or "system") as ws:
        report = train_workspace(ws, labels, args.folds if args.evaluate else None)
        path = ws.path
    if report.figures:
        print(
            f"{report.folds}-fold cross-validation on "
            f"{counted(report.gold_documents, 'gold document')}:"
        )
        print(
            f"{'label':8} {'pred':>5} {'gold':>5}   exact P/R/F1        overlap P/R/F1"
            "      rules alone exact/overlap F1"
        )
        for label, r in report.figures.items():
            e, o, rules = r["exact"], r["overlap"], r.get("rules")
            assert isinstance(e, dict) and isinstance(o, dict) and isinstance(rules, dict)
            print(
                f"{label:8} {r['pred']:5d} {r['gold']:5d}   "
                f"{e['p']:.2f}/{e['r']:.2f}/{e['f1']:.2f}      "
                f"{o['p']:.2f}/{o['r']:.2f}/{o['f1']:.2f}      "
                f"{rules['exact']['f1']:.2f}/{rules['overlap']['f1']:.2f}"
            )
    print(
        f"Trained the pre-annotation model ({', '.join(report.labels)}) on "
        f"{counted(report.gold_documents, 'gold document')} and "
        f"{counted(report.reviewed_documents, 'document')} "
        f"with reviewed suggestions; stored in {path}. `annotator suggest` now uses it."
    )
    seen = few_documents(report)
    if seen is not None:
        print(
            f"Note: {counted(seen, 'document')} is little to learn from: below about "
            f"{FEW_DOCUMENTS} the model learns a team's boundary conventions unreliably, and "
            f"below {MIN_DOCUMENTS} it cannot check itself against the rules on held-out "
            "spans. Train again as more documents are adjudicated.",
            file=sys.stderr,
        )
    return 0
