"""Heavy libraries that some formats need, imported only when such a format is used."""

from __future__ import annotations

import importlib
from types import ModuleType

from annotator.core.errors import AnnotatorError

PACKAGE = "arabic-news-annotator"


class MissingExtraError(AnnotatorError):
    """A format needs an optional extra that is not installed."""


def require(module: str, format_name: str, extra: str) -> ModuleType:
    """The module, or one sentence naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"The {format_name} format needs the optional extra [{extra}] ({module} is not "
            f"installed): pip install '{PACKAGE}[{extra}]'."
        ) from exc
