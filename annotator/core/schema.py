"""The label schema: which labels, attributes and relations a workspace accepts.

Each workspace keeps its own copy (the ``label_schema`` table, see store.py), initialised from
the bundled resources/schema.json, so that a team can add a label without touching installed
files. A stored schema may come from another machine, so :meth:`LabelSchema.parse` treats it
as untrusted input: unknown keys, duplicate keys, bad colours and unusable patterns are refused
in one sentence naming where the schema came from. Every write is validated against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.paths import resources_dir

# TIMEX3 values: calendar dates with X placeholders, weeks, times, durations, sets and references.
_TIMEX3 = regex.compile(
    r"""^(?:
        (?:\d{4}|\d{2}XX|\d{3}X|XXXX)
          (?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?
            |-W(?:\d{2}|XX)(?:-[1-7]|-WE)?
            |-(?:SP|SU|FA|AU|WI|H[12]|Q[1-4]))?
          (?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI)(?:Z|[+-]\d{2}(?::?\d{2})?)?)?
      | T\d{2}(?::\d{2}(?::\d{2})?)?
      | P(?:\d+(?:\.\d+)?[YMWD]|X[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS]|X[HMS])+)?
      | PRESENT_REF | PAST_REF | FUTURE_REF
    )$""",
    regex.VERBOSE,
)

# Limits on a schema from elsewhere: a pattern is matched against every value typed, so it is
# short and every match has a time limit (a catastrophic pattern fails instead of hanging).
MAX_PATTERN = 200
PATTERN_TIMEOUT = 0.05
MAX_NAME = 40
MAX_LABELS = 200
MAX_VALUES = 500
NAME = regex.compile(r"[\p{L}\p{N}_](?:[\p{L}\p{N}_ .-]{0,38}[\p{L}\p{N}_])?")
COLOR = regex.compile(r"#[0-9a-fA-F]{6}")
KEY = regex.compile(r"(?:(?:Ctrl|Alt|Shift|Meta)\+){0,3}(?:[A-Za-z0-9]|F(?:[1-9]|1[0-2]))")
DEFAULT_COLOR = "#cccccc"

_TOP_KEYS = {"labels", "relations", "rules"}
_LABEL_KEYS = {"color", "shortcuts", "attributes"}
_ATTRIBUTE_KEYS = {"values", "free", "pattern"}
_RELATION_KEYS = {"head", "child"}
_RULE_KEYS = {"requires_relation", "requires_attribute"}


class SchemaError(AnnotatorError):
    """A label schema (a file, or one stored in a workspace) that cannot be used."""


def is_timex3_value(value: str) -> bool:
    return value not in ("P", "PT") and bool(_TIMEX3.match(value))


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    values: tuple[str, ...] = ()
    free: bool = False
    pattern: str | None = None

    def check(self, label: str, value: object) -> None:
        if not isinstance(value, str):
            raise ValidationError(f"{label} attribute '{self.name}' must be text, not {value!r}.")
        if value == "" or self.free:
            return
        if self.values and value not in self.values:
            allowed = ", ".join(self.values)
            raise ValidationError(
                f"{label} attribute '{self.name}' does not allow '{value}' (allowed: {allowed})."
            )
        if self.pattern == "timex3":
            if not is_timex3_value(value):
                raise ValidationError(
                    f"{label} attribute '{self.name}' value '{value}' is not a "
                    "TIMEX3/ISO-8601 value."
                )
        elif self.pattern is not None and not _matches(self.pattern, value):
            raise ValidationError(
                f"{label} attribute '{self.name}' value '{value}' does not match "
                f"the pattern {self.pattern}."
            )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.values:
            out["values"] = list(self.values)
        if self.free:
            out["free"] = True
        if self.pattern is not None:
            out["pattern"] = self.pattern
        return out


def _matches(pattern: str, value: str) -> bool:
    try:
        return regex.fullmatch(pattern, value, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return False


@dataclass(frozen=True)
class LabelSpec:
    name: str
    color: str
    shortcuts: tuple[str, ...]
    attributes: dict[str, AttributeSpec]

    def to_dict(self) -> dict[str, Any]:
        return {
            "color": self.color,
            "shortcuts": list(self.shortcuts),
            "attributes": {name: a.to_dict() for name, a in self.attributes.items()},
        }


@dataclass(frozen=True)
class RelationSpec:
    name: str
    head: tuple[str, ...]
    child: tuple[str, ...]


@dataclass(frozen=True)
class LabelSchema:
    labels: dict[str, LabelSpec]
    relations: dict[str, RelationSpec]
    required_relation: dict[str, str] = field(default_factory=dict)
    required_attribute: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Any, where: str = "the label schema") -> LabelSchema:
        """A schema from parsed JSON, every part checked; SchemaError names ``where``."""
        try:
            return _build(data)
        except _Bad as exc:
            raise SchemaError(f"{where}: the label schema is not valid ({exc}).") from exc

    @classmethod
    def parse(cls, text: str | bytes, where: str) -> LabelSchema:
        """A schema from JSON text that may come from anywhere (a file, another workspace)."""
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
        except _Bad as exc:
            raise SchemaError(f"{where}: the label schema is not valid ({exc}).") from exc
        except (ValueError, RecursionError) as exc:
            raise SchemaError(f"{where}: the label schema is not valid JSON ({exc}).") from exc
        return cls.from_dict(data, where)

    @classmethod
    def load(cls, path: Path | None = None) -> LabelSchema:
        """The bundled default (or a schema file): the initial schema of a new workspace."""
        path = path or resources_dir() / "schema.json"
        try:
            text = path.read_bytes()
        except FileNotFoundError as exc:
            raise AnnotatorError(f"{path}: the label schema file is missing.") from exc
        except OSError as exc:
            raise AnnotatorError(f"{path}: the label schema file cannot be read ({exc}).") from exc
        return cls.parse(text, str(path))

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": {name: spec.to_dict() for name, spec in self.labels.items()},
            "relations": {
                name: {"head": list(r.head), "child": list(r.child)}
                for name, r in self.relations.items()
            },
            "rules": {
                "requires_relation": dict(self.required_relation),
                "requires_attribute": dict(self.required_attribute),
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def check_span(self, label: str, attrs: dict[str, Any]) -> None:
        spec = self.labels.get(label)
        if spec is None:
            raise ValidationError(f"Unknown label '{label}' (known: {', '.join(self.labels)}).")
        if not isinstance(attrs, dict):
            raise ValidationError(f"{label} attributes must be an object, not {attrs!r}.")
        for name, value in attrs.items():
            attr = spec.attributes.get(name)
            if attr is None:
                raise ValidationError(f"{label} has no attribute '{name}'.")
            attr.check(label, value)

    def check_relation(self, label: str, head_label: str, child_label: str) -> None:
        spec = self.relations.get(label)
        if spec is None:
            raise ValidationError(
                f"Unknown relation '{label}' (known: {', '.join(self.relations)})."
            )
        if head_label not in spec.head or child_label not in spec.child:
            raise ValidationError(
                f"Relation '{label}' links {'/'.join(spec.head)} to {'/'.join(spec.child)}, "
                f"not {head_label} to {child_label}."
            )


class _Bad(ValueError):
    """One thing wrong with a schema, said in a clause (the caller names the source)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _Bad(f"the key '{key}' appears twice")
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise _Bad(f"{name} is not a number JSON allows")


def _object(what: str, value: Any, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise _Bad(
            f"{what} has the unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})"
        )
    return value


def _name(what: str, value: Any) -> str:
    if not isinstance(value, str) or not NAME.fullmatch(value):
        raise _Bad(
            f"{what} {value!r} is not a usable name (letters, digits, _ . - and inner spaces, "
            f"at most {MAX_NAME} characters)"
        )
    return value


def _strings(what: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"{what} must be a list of strings")
    if len(set(value)) != len(value):
        raise _Bad(f"{what} lists a value twice")
    if len(value) > MAX_VALUES:
        raise _Bad(f"{what} has more than {MAX_VALUES} values")
    return tuple(value)


def _pattern(what: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or len(value) > MAX_PATTERN:
        raise _Bad(f"{what} must be 'timex3' or a regular expression of 1-{MAX_PATTERN} characters")
    if value == "timex3":
        return value
    try:
        regex.compile(value)
    except (regex.error, RecursionError, OverflowError) as exc:
        raise _Bad(f"{what} {value!r} is not a valid regular expression ({exc})") from exc
    return value


def _attribute(label: str, name: str, value: Any) -> AttributeSpec:
    what = f"attribute '{name}' of {label}"
    data = _object(what, value, _ATTRIBUTE_KEYS)
    free = data.get("free", False)
    if not isinstance(free, bool):
        raise _Bad(f"{what}: 'free' must be true or false")
    values = _strings(f"the values of {what}", data.get("values", []))
    if any(not v or len(v) > 200 for v in values):
        raise _Bad(f"the values of {what} must be 1-200 characters each")
    return AttributeSpec(
        _name("attribute", name), values, free, _pattern(what, data.get("pattern"))
    )


def _label(name: str, value: Any) -> LabelSpec:
    data = _object(f"label {name}", value, _LABEL_KEYS)
    color = data.get("color", DEFAULT_COLOR)
    if not isinstance(color, str) or not COLOR.fullmatch(color):
        raise _Bad(f"the colour of {name} must be #rrggbb, not {color!r}")
    keys = _strings(f"the shortcuts of {name}", data.get("shortcuts", []))
    for key in keys:
        if not KEY.fullmatch(key):
            raise _Bad(f"the shortcut {key!r} of {name} is not a key (e.g. E, 5, Ctrl+E, F2)")
    attributes = _object_any(f"the attributes of {name}", data.get("attributes", {}))
    return LabelSpec(
        _name("label", name),
        color.lower(),
        keys,
        {attr: _attribute(name, attr, spec) for attr, spec in attributes.items()},
    )


def _object_any(what: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{what} must be an object")
    return value


def _build(data: Any) -> LabelSchema:
    top = _object("the schema", data, _TOP_KEYS)
    if "labels" not in top:
        raise _Bad("it has no 'labels'")
    raw_labels = _object_any("'labels'", top["labels"])
    if not raw_labels or len(raw_labels) > MAX_LABELS:
        raise _Bad(f"'labels' must hold 1-{MAX_LABELS} labels")
    labels = {name: _label(name, spec) for name, spec in raw_labels.items()}
    owner: dict[str, str] = {}
    for spec in labels.values():
        for key in spec.shortcuts:
            if key.upper() in owner:
                raise _Bad(
                    f"the shortcut {key} is given to both {owner[key.upper()]} and {spec.name}"
                )
            owner[key.upper()] = spec.name
    relations: dict[str, RelationSpec] = {}
    for name, spec in _object_any("'relations'", top.get("relations", {})).items():
        rel = _object(f"relation {name}", spec, _RELATION_KEYS)
        ends = []
        for end in ("head", "child"):
            names = _strings(f"the {end} labels of relation {name}", rel.get(end))
            unknown = [n for n in names if n not in labels]
            if not names or unknown:
                raise _Bad(f"relation {name} needs {end} labels of the schema (not {unknown})")
            ends.append(names)
        relations[_name("relation", name)] = RelationSpec(name, ends[0], ends[1])
    rules = _object("'rules'", top.get("rules", {}), _RULE_KEYS)
    requires_relation = _object_any("requires_relation", rules.get("requires_relation", {}))
    for label, rel_name in requires_relation.items():
        if label not in labels or rel_name not in relations:
            raise _Bad(
                f"the rule that {label} requires {rel_name!r} names an unknown label or relation"
            )
    requires_attribute = _object_any("requires_attribute", rules.get("requires_attribute", {}))
    for label, attr in requires_attribute.items():
        if label not in labels or attr not in labels[label].attributes:
            raise _Bad(
                f"the rule that {label} requires the attribute {attr!r} names an unknown one"
            )
    return LabelSchema(labels, relations, dict(requires_relation), dict(requires_attribute))
