"""The labels the Arabic pre-annotation proposes, apart from the rules that find them.

The command line names them in its help before any rule is needed: importing the rules
compiles the date grammar (most of a second), which `annotator import` or `--help` must not
wait for.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.errors import ValidationError

LABELS = ("DATE", "QUOTE", "SPEAKER", "CLAIM")


def parse_labels(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """ "DATE,QUOTE" or a list -> validated labels in the canonical order."""
    if value is None:
        return LABELS
    items = value.split(",") if isinstance(value, str) else list(value)
    wanted = {item.strip().upper() for item in items if item.strip()}
    unknown = wanted - set(LABELS)
    if unknown or not wanted:
        raise ValidationError(
            f"Unknown label(s) for suggest: {', '.join(sorted(unknown)) or 'none given'} "
            f"(allowed: {', '.join(LABELS)})."
        )
    return tuple(label for label in LABELS if label in wanted)
