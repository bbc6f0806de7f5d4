"""`annotator schema show|set`: the workspace's own label schema."""

from __future__ import annotations

import argparse

from rich.table import Table

from annotator.app import open_workspace
from annotator.cli.console import literal, stdout_console
from annotator.core.counted import counted
from annotator.core.errors import InputError, ValidationError
from annotator.core.schema import LabelSchema
from annotator.core.schema_change import SchemaMigration


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("schema", help="show or change the workspace's label schema")
    actions = p.add_subparsers(dest="schema_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="labels, colours, keys, attributes, relations, rules")
    show.add_argument("--json", action="store_true", help="print the schema as JSON")
    show.set_defaults(handler=cmd_show)
    put = actions.add_parser(
        "set",
        help="make a JSON schema file the workspace's schema",
        description="Refused when existing spans or relations would break the new schema, "
        "unless --migrate maps old labels and values onto new ones.",
    )
    put.add_argument("file", metavar="FILE", help="the schema (the shape `schema show --json`)")
    put.add_argument(
        "--migrate",
        nargs="+",
        metavar="MAP",
        default=[],
        help="a JSON map file, or pairs OLD=NEW (labels), LABEL.attr:old=new (values), "
        "rel:OLD=NEW (relations)",
    )
    put.set_defaults(handler=cmd_set)


def cmd_show(args: argparse.Namespace) -> int:
    with open_workspace(args.db, read_only=True) as ws:
        schema = ws.schema
    if args.json:
        print(schema.to_json())
        return 0
    table = Table(title="Labels")
    for column in ("label", "colour", "keys", "attributes"):
        table.add_column(column)
    for spec in schema.labels.values():
        attrs = "; ".join(
            f"{a.name}: " + ("free" if a.free else "/".join(a.values) or (a.pattern or "any"))
            for a in spec.attributes.values()
        )
        table.add_row(literal(spec.name), spec.color, ", ".join(spec.shortcuts), literal(attrs))
    console = stdout_console()
    console.print(table)
    for rel in schema.relations.values():
        console.print(
            literal(f"relation {rel.name}: {'/'.join(rel.head)} -> {'/'.join(rel.child)}")
        )
    for label, rel_name in schema.required_relation.items():
        console.print(literal(f"done-rule: every {label} needs a {rel_name} link"))
    for label, attr in schema.required_attribute.items():
        console.print(literal(f"done-rule: every {label} needs its {attr}"))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    try:
        with open(args.file, "rb") as fh:
            text = fh.read()
    except OSError as exc:
        raise InputError(args.file, f"cannot be read ({exc.strerror}).") from exc
    schema = LabelSchema.parse(text, args.file)
    migration = SchemaMigration.parse(args.migrate)
    with open_workspace(args.db, args.annotator or "system") as ws:
        try:
            counts = ws.set_schema(schema, migration)
        except ValidationError as exc:
            raise InputError(args.file, str(exc)) from exc
    moved = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items() if n)
    print(
        f"The workspace's schema now has {counted(len(schema.labels), 'label')}: "
        f"{', '.join(schema.labels)}" + (f" ({moved})." if moved else ".")
    )
    return 0
