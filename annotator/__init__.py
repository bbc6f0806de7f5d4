"""Arabic news annotation: quotes, speakers, dates and claims, with adjudicated JSONL export."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when asked for: importlib.metadata
    costs the window's start tens of milliseconds, and only ``--version`` needs it."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("arabic-news-annotator")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
