"""Domain model, label schema, SQLite store and the Workspace API. Never imports Qt.

The store is built on sqlite-utils, which imports numpy when it is installed, only to map
numpy scalar types to column types. The store never writes numpy values, and importing numpy
would cost the window's start a tenth of a second, so sqlite-utils is imported here, before any
module of the store, with numpy hidden (a later ``import numpy`` works as usual).
"""

import sys as _sys

if "sqlite_utils" not in _sys.modules and "numpy" not in _sys.modules:
    _sys.modules["numpy"] = None  # type: ignore[assignment]  # what "not installed" looks like
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del _sys.modules["numpy"]
