"""Subcommands for review and work across machines: agreement, adjudicate, conflicts, diff,
merge, assign, package. Each is a thin layer over :mod:`annotator.review`."""

from __future__ import annotations

import argparse
from itertools import chain
from typing import Any

from rich.table import Table

from annotator.app import open_workspace
from annotator.cli.console import (
    JsonList,
    display,
    literal,
    print_json,
    progress_bar,
    stdout_console,
)
from annotator.core.catalog import document_count
from annotator.core.counted import counted
from annotator.core.errors import ValidationError
from annotator.review.adjudicate import Strategy, auto_adjudicate
from annotator.review.agreement import (
    AgreementReport,
    DocumentAgreement,
    compute_agreement,
    lowest_of,
)
from annotator.review.assign import assign, make_package
from annotator.review.conflicts import find_conflicts
from annotator.review.data import resolve_layers
from annotator.review.diff import gold_diff
from annotator.review.merge import SCHEMA_MODES, merge_workspaces

LOWEST_SHOWN = 5  # documents listed under "Lowest agreement"
FIGURES = (
    ("f1_exact", "F1 exact"),
    ("f1_overlap", "F1 overlap"),
    ("kappa", "kappa"),
    ("alpha", "alpha"),
    ("alpha_u", "alpha-U"),
)


def _layers(value: str | None) -> list[str] | None:
    return [name.strip() for name in value.split(",") if name.strip()] if value else None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agreement", help="inter-annotator agreement per label and overall")
    p.add_argument("--layers", help="comma-separated layers (default: every annotator layer)")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.add_argument("--no-per-document", action="store_true", help="leave out per-document figures")
    p.set_defaults(handler=cmd_agreement)

    p = sub.add_parser("adjudicate", help="accept what annotators agree on into gold")
    p.add_argument("--auto", action="store_true", required=True, help="the whole corpus at once")
    p.add_argument("--strategy", choices=[s.value for s in Strategy], default="unanimous")
    p.add_argument("--min-votes", type=int, default=2, help="layers that must agree (default 2)")
    p.add_argument("--layers", help="comma-separated layers (default: every annotator layer)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_adjudicate)

    p = sub.add_parser("conflicts", help="where annotators disagree, per document")
    p.add_argument("--doc", help="one document id (default: every document)")
    p.add_argument("--layers", help="comma-separated layers (default: every annotator layer)")
    p.add_argument("--open", action="store_true", help="only conflicts not yet resolved")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--bidi",
        choices=["auto", "always", "never"],
        default="auto",
        help="reorder Arabic reasons for terminals without bidi support (auto: on a TTY)",
    )
    p.set_defaults(handler=cmd_conflicts)

    p = sub.add_parser("diff", help="how gold differs from an annotator's layer")
    p.add_argument("--layer", required=True, help="the annotator's layer")
    p.add_argument("--doc", help="one document id (default: every document)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_diff)

    p = sub.add_parser("merge", help="bring in the layers of other workspace files")
    p.add_argument("others", nargs="+", metavar="OTHER.db")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--schema",
        choices=SCHEMA_MODES,
        default="same",
        help="same (default): refuse a file whose label schema has labels, values or relations "
        "this one lacks; union: add them to this workspace's schema",
    )
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("assign", help="assign documents to annotators with an overlap share")
    p.add_argument("--annotators", required=True, help="comma-separated annotator names")
    p.add_argument("--overlap", type=float, default=0.2, help="share given to two (default 0.2)")
    p.add_argument("--seed", type=int, default=0, help="seed of the deterministic shuffle")
    p.add_argument("--replace", action="store_true", help="reassign already assigned documents")
    p.set_defaults(handler=cmd_assign)

    p = sub.add_parser("package", help="write a workspace file with one annotator's documents")
    p.add_argument("--annotator", dest="package_for", required=True, metavar="NAME")
    p.add_argument("-o", "--output", required=True, metavar="FILE.db")
    p.set_defaults(handler=cmd_package)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def cmd_agreement(args: argparse.Namespace) -> int:
    """Per-document figures are written out as they are computed (to a spooled file for
    --json, which prints them last): memory stays flat however many documents."""
    per_document = not args.no_per_document
    spool = JsonList()
    lowest: list[DocumentAgreement] = []

    def keep(doc: DocumentAgreement) -> None:
        if args.json:
            spool.add(doc.to_json())
        else:
            lowest.append(doc)
            if len(lowest) > 500:
                lowest[:] = lowest_of(lowest, count=LOWEST_SHOWN)

    try:
        with (
            open_workspace(args.db, args.annotator or "system") as ws,
            progress_bar("Comparing", document_count(ws.query)) as progress,
        ):
            report = compute_agreement(
                ws,
                _layers(args.layers),
                per_document=per_document,
                progress=progress,
                on_document=keep,
            )
        if args.json:
            if per_document:
                spool.print_after(report.to_json(False), "per_document")
            else:
                print_json(report.to_json(False))
            return 0
    finally:
        spool.close()
    report.per_document = lowest_of(lowest, count=LOWEST_SHOWN)
    _print_agreement(report)
    return 0


def _print_agreement(report: AgreementReport) -> None:
    console = stdout_console()
    console.print(
        f"Agreement between {', '.join(report.layers)} on {counted(report.documents, 'document')} "
        "annotated by at least two of them"
    )
    table = Table(title="Spans (F1 averaged over pairs of layers; kappa/alpha per character)")
    table.add_column("label")
    for _, title in FIGURES:
        table.add_column(title, justify="right")
    for label, figures in [*report.labels.items(), ("overall", report.overall)]:
        table.add_row(label, *(_number(figures[key]) for key, _ in FIGURES))
    console.print(table)
    extra = Table(title="Attributes on matched spans, and relations")
    extra.add_column("what")
    extra.add_column("agreement / F1", justify="right")
    extra.add_column("pairs", justify="right")
    for key, value in report.attributes.items():
        extra.add_row(key, _number(value["agreement"]), str(value["pairs"]))
    for label, figures in report.relations.items():
        extra.add_row(f"relation {label}", _number(figures["f1"]), "")
    console.print(extra)
    if report.per_document:
        low = Table(title="Lowest agreement (F1 overlap)")
        for column in ("document", "layers", "F1 overlap", "alpha"):
            low.add_column(column, justify="right" if column[0] in "Fa" else "left")
        for doc in report.lowest(count=LOWEST_SHOWN):
            low.add_row(
                doc.id,
                ", ".join(doc.layers),
                _number(doc.overall["f1_overlap"]),
                _number(doc.overall["alpha"]),
            )
        console.print(low)


def cmd_adjudicate(args: argparse.Namespace) -> int:
    """What each document received is spooled for --json (printed last) and not kept at all
    otherwise: memory stays flat however many documents."""
    spool = JsonList()
    try:
        with open_workspace(args.db, args.annotator or "system") as ws:
            result = auto_adjudicate(
                ws,
                args.strategy,
                args.min_votes,
                _layers(args.layers),
                on_document=spool.add_member,
            )
        if args.json:
            head = {k: v for k, v in result.__dict__.items() if k != "per_document"}
            spool.print_after(head, "per_document")
        else:
            print(f"Adjudicated: {result.summary()}.")
    finally:
        spool.close()
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    found: list[dict[str, Any]] = []
    with open_workspace(args.db, args.annotator or "system") as ws:
        layers = resolve_layers(ws, _layers(args.layers), minimum=1)
        doc_ids = [args.doc] if args.doc else chain.from_iterable(ws.doc_id_batches())
        for doc_id in doc_ids:
            for conflict in find_conflicts(ws, doc_id, layers):
                if not (args.open and conflict.resolved):
                    found.append(conflict.to_json())
    if args.json:
        print_json(found)
        return 0
    shown = display(args.bidi)  # a reason is typed text, often Arabic, perhaps hostile
    table = Table(title=counted(len(found), "conflict"))
    columns = ("document", "where", "kind", "labels", "layers with a version", "resolution")
    for column in (*columns, "reason"):
        table.add_column(column, no_wrap=column in ("where", "kind"))
    for c in found:
        with_version = [k for k, v in [*c["versions"].items(), *c["relations"].items()] if v]
        table.add_row(
            c["doc_id"],
            f"{c['start']}-{c['end']}",
            c["kind"],
            ", ".join(c["labels"]),
            ", ".join(dict.fromkeys(with_version)),
            literal(_resolution(c)),
            literal(shown(c["reason"] or "")),
        )
    stdout_console().print(table)
    return 0


def _resolution(conflict: dict[str, Any]) -> str:
    """The decision and who made it ("take:amal by rev"), or how it closed, or "open"."""
    if not conflict["resolution"]:
        return "open"
    who = conflict["decided_by"]
    return f"{conflict['resolution']} by {who}" if who else conflict["resolution"]


def cmd_diff(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    with open_workspace(args.db, args.annotator or "system") as ws:
        resolve_layers(ws, [args.layer], minimum=1)
        doc_ids = [args.doc] if args.doc else chain.from_iterable(ws.doc_id_batches())
        rows = [gold_diff(ws, doc_id, args.layer).to_json() for doc_id in doc_ids]
    if args.json:
        print_json(rows)
        return 0
    table = Table(title=f"Gold compared with {args.layer}")
    for column in ("document", "same", "missed", "removed", "changed", "relations +/-"):
        table.add_column(column, justify="left" if column == "document" else "right")
    for r in rows:
        table.add_row(
            r["doc_id"],
            str(r["unchanged"]),
            str(len(r["missed"])),
            str(len(r["removed"])),
            str(len(r["changed"])),
            f"{r['relations_missed']}/{r['relations_removed']}",
        )
    stdout_console().print(table)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_workspace(args.db, args.annotator or "system") as ws:
        reports = merge_workspaces(ws, args.others, args.schema)
    if args.json:
        print_json([r.to_json() for r in reports])
        return 0
    for report in reports:
        print(f"Merged {report.summary()}.")
        for decision in report.decisions:
            print(f"  {decision}")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    names = _layers(args.annotators) or []
    with open_workspace(args.db, args.annotator or "system") as ws:
        result = assign(ws, names, args.overlap, args.seed, args.replace)
    print(f"Assigned: {result.summary()}.")
    return 0


def cmd_package(args: argparse.Namespace) -> int:
    if not args.package_for:
        raise ValidationError("Name the annotator the package is for (--annotator NAME).")
    with open_workspace(args.db, args.annotator or "system") as ws:
        count = make_package(ws, args.package_for, args.output)
    print(f"Wrote {counted(count, 'document')} for {args.package_for} to {args.output}.")
    return 0
