"""File formats: one module per format, each with read() and/or write(); ``registry`` is the
one table of them that the CLI and the GUI read.

``expand_paths`` and ``read_paths`` pick the reader by file type (or take the one named), so
that the CLI and the GUI accept the same inputs.
"""

from __future__ import annotations

from annotator.formats.registry import expand_paths, read_paths

__all__ = ["expand_paths", "read_paths"]
