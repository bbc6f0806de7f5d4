"""Changing a workspace's label schema: what a new schema would break, and how to migrate.

A new schema is refused when existing spans or relations would break it (an unknown label, a
value no longer allowed, a relation between labels it no longer links), with the count and a
few examples, unless a :class:`SchemaMigration` maps the old labels and values onto new ones.
The check reads grouped rows (one per distinct label and attributes, one per relation label and
end labels), so its cost follows the variety of the annotations, not their number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.counted import counted
from annotator.core.errors import InputError, ValidationError
from annotator.core.schema import LabelSchema

if TYPE_CHECKING:
    from annotator.core.workspace import Workspace

EXAMPLES = 3


@dataclass(frozen=True)
class SchemaMigration:
    """Old span labels, attribute values (keyed ``LABEL.attribute``, old label) and relation
    labels mapped onto the new schema's."""

    labels: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.labels or self.values or self.relations)

    def to_dict(self) -> dict[str, Any]:
        return {"labels": self.labels, "values": self.values, "relations": self.relations}

    def span(self, label: str, attrs: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """A stored span's label and attributes as they will be after the migration."""
        new_attrs = dict(attrs)
        for name, value in attrs.items():
            recode = self.values.get(f"{label}.{name}")
            if recode is not None and isinstance(value, str) and value in recode:
                new_attrs[name] = recode[value]
        return self.labels.get(label, label), new_attrs

    def check(self, schema: LabelSchema, where: str) -> None:
        """Every target exists in the new schema."""
        for old, new in self.labels.items():
            if new not in schema.labels:
                raise InputError(where, f"maps {old} to {new}, which the new schema lacks.")
        for old, new in self.relations.items():
            if new not in schema.relations:
                raise InputError(where, f"maps relation {old} to {new}, which the schema lacks.")
        for key in self.values:
            if "." not in key:
                raise InputError(where, f"'{key}' must be LABEL.attribute.")

    @classmethod
    def parse(cls, items: Iterable[str], where: str = "--migrate") -> SchemaMigration:
        """Inline pairs (``OLD=NEW`` labels, ``LABEL.attr:old=new`` values, ``rel:OLD=NEW``
        relations) or one JSON file ``{"labels": {}, "values": {}, "relations": {}}``."""
        pairs = list(items)
        if len(pairs) == 1 and "=" not in pairs[0]:
            return cls._from_file(Path(pairs[0]))
        labels: dict[str, str] = {}
        values: dict[str, dict[str, str]] = {}
        relations: dict[str, str] = {}
        for item in pairs:
            if "=" not in item:
                raise InputError(where, f"'{item}' must be OLD=NEW (or give one map file alone).")
            old, new = item.split("=", 1)
            if old.startswith("rel:"):
                relations[old[4:]] = new
            elif ":" in old:
                key, value = old.split(":", 1)
                values.setdefault(key, {})[value] = new
            else:
                labels[old] = new
            if not old or not new:
                raise InputError(where, f"'{item}' must be OLD=NEW with both sides named.")
        return cls(labels, values, relations)

    @classmethod
    def _from_file(cls, path: Path) -> SchemaMigration:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"is not a readable JSON migration map ({exc}).") from exc
        if not isinstance(data, dict) or set(data) - {"labels", "values", "relations"}:
            raise InputError(str(path), "must be an object with labels, values and relations.")
        labels, values, relations = (data.get(k, {}) for k in ("labels", "values", "relations"))
        ok = (
            _str_map(labels)
            and _str_map(relations)
            and isinstance(values, dict)
            and all(isinstance(v, dict) and _str_map(v) for v in values.values())
        )
        if not ok:
            raise InputError(str(path), "maps must map names to names (strings).")
        return cls(dict(labels), {k: dict(v) for k, v in values.items()}, dict(relations))


def _str_map(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


@dataclass
class Breakage:
    """What the new schema would break: counts, and a few examples fit to tell a user."""

    spans: int = 0
    relations: int = 0
    examples: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.spans or self.relations)

    def sentence(self) -> str:
        parts = []
        if self.spans:
            parts.append(counted(self.spans, "span"))
        if self.relations:
            parts.append(counted(self.relations, "relation"))
        return (
            f"the new schema would invalidate {' and '.join(parts)}, e.g. "
            + "; ".join(self.examples)
            + "; nothing was changed (map old labels or values onto new ones with --migrate)."
        )


def breakage(ws: Workspace, schema: LabelSchema, migration: SchemaMigration) -> Breakage:
    """Spans and relations of every layer that would break ``schema`` after ``migration``."""
    found = Breakage()
    rows = ws.query("SELECT label, attrs, count(*), min(id) FROM spans GROUP BY label, attrs")
    for label, attrs, count, example in rows.fetchall():
        new_label, new_attrs = migration.span(label, json.loads(attrs))
        try:
            schema.check_span(new_label, new_attrs)
        except ValidationError as exc:
            found.spans += count
            if len(found.examples) < EXAMPLES:
                found.examples.append(_span_example(ws, example, str(exc)))
    rows = ws.query(
        "SELECT r.label, h.label, c.label, count(*), min(r.id), min(r.head) FROM relations r "
        "JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child GROUP BY 1, 2, 3"
    )
    for label, head, child, count, _example, head_id in rows.fetchall():
        try:
            schema.check_relation(
                migration.relations.get(label, label),
                migration.labels.get(head, head),
                migration.labels.get(child, child),
            )
        except ValidationError as exc:
            found.relations += count
            if len(found.examples) < EXAMPLES:
                found.examples.append(_span_example(ws, head_id, f"relation: {exc}"))
    return found


def _span_example(ws: Workspace, span_id: str, why: str) -> str:
    row = ws.query(
        'SELECT s.doc_id, substr(d.text, s.start + 1, min(s."end" - s.start, 40)) '
        "FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?",
        [span_id],
    ).fetchone()
    doc_id, text = row if row else ("?", "")
    return f"document {doc_id} «{text}» ({why.rstrip('.')})"


def differences(ours: LabelSchema, theirs: LabelSchema) -> list[str]:
    """What ``theirs`` has that ``ours`` does not accept, each said in a clause.

    Empty when every label, attribute value and relation of ``theirs`` is accepted here (their
    schema is a subset of ours), so anything annotated with it can be merged in.
    """
    found: list[str] = []
    for name, spec in theirs.labels.items():
        mine = ours.labels.get(name)
        if mine is None:
            found.append(f"the label {name}")
            continue
        for attr_name, attr in spec.attributes.items():
            have = mine.attributes.get(attr_name)
            if have is None:
                found.append(f"the attribute {name}.{attr_name}")
            elif have.free:
                continue
            elif attr.free or attr.pattern != have.pattern:
                found.append(f"other values of {name}.{attr_name}")
            elif set(attr.values) - set(have.values):
                extra = "/".join(v for v in attr.values if v not in have.values)
                found.append(f"the values {extra} of {name}.{attr_name}")
    for name, rel in theirs.relations.items():
        have_rel = ours.relations.get(name)
        if have_rel is None:
            found.append(f"the relation {name}")
        elif set(rel.head) - set(have_rel.head) or set(rel.child) - set(have_rel.child):
            found.append(f"other ends of the relation {name}")
    return found


def union(ours: LabelSchema, theirs: LabelSchema) -> LabelSchema:
    """Ours plus what theirs adds: new labels (keeping our keys where theirs clash), new
    attributes, values and relation ends. A difference that cannot be added (an attribute whose
    pattern differs) raises ValidationError naming it."""
    data = ours.to_dict()
    taken = {key.upper() for spec in ours.labels.values() for key in spec.shortcuts}
    for name, spec in theirs.labels.items():
        if name not in data["labels"]:
            entry = spec.to_dict()
            entry["shortcuts"] = [k for k in spec.shortcuts if k.upper() not in taken]
            taken.update(k.upper() for k in entry["shortcuts"])
            data["labels"][name] = entry
            continue
        attrs = data["labels"][name]["attributes"]
        for attr_name, attr in spec.attributes.items():
            have = attrs.setdefault(attr_name, attr.to_dict())
            if have.get("free") or have == attr.to_dict():
                continue
            if attr.free or attr.pattern != have.get("pattern"):
                raise ValidationError(f"{name}.{attr_name} allows different values in each.")
            have["values"] = have.get("values", []) + [
                v for v in attr.values if v not in have.get("values", [])
            ]
    for name, rel in theirs.relations.items():
        entry = data["relations"].setdefault(name, {"head": [], "child": []})
        for end, labels in (("head", rel.head), ("child", rel.child)):
            entry[end] += [label for label in labels if label not in entry[end]]
    return LabelSchema.from_dict(data, "the union of the two schemas")
