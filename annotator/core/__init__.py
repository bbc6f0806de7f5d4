"""Domain model, label schema, SQLite store and the Workspace API. Never imports Qt.

The store is built on sqlite-utils, which imports numpy when it is installed, only to map
numpy scalar types to column types, and dateutil's parser, only for a date-parsing recipe the
store never calls. The two would cost the window's start a seventh of a second, so sqlite-utils
is imported here, before any module of the store, with numpy hidden and dateutil's parser
standing in until first used (a later ``import numpy`` or ``from dateutil import parser``
works as usual).
"""

import importlib as _importlib
import sys as _sys
import types as _types

_DEFERRED = "dateutil.parser"


class _ImportedOnFirstUse(_types.ModuleType):
    """Stands in for a module until one of its attributes is asked for; then the module is
    imported, takes its place in ``sys.modules`` and answers from then on."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # import machinery and inspect probing: not a use
            raise AttributeError(name)
        if _sys.modules.get(self.__name__) is self:
            del _sys.modules[self.__name__]
        return getattr(_importlib.import_module(self.__name__), name)


def _import_sqlite_utils() -> None:
    stand_in = _DEFERRED not in _sys.modules
    if stand_in:
        _sys.modules[_DEFERRED] = _ImportedOnFirstUse(_DEFERRED)
    _sys.modules["numpy"] = None  # type: ignore[assignment]  # what "not installed" looks like
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del _sys.modules["numpy"]
        if stand_in and isinstance(_sys.modules.get(_DEFERRED), _ImportedOnFirstUse):
            del _sys.modules[_DEFERRED]  # later imports find the real module


if "sqlite_utils" not in _sys.modules and "numpy" not in _sys.modules:
    _import_sqlite_utils()
