"""Guards of the one door: the package layers (import-linter), write SQL in one module only,
and mypy --strict on the core. Each fails the suite when someone opens a side door."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "annotator"
TOOLS = Path(sys.executable).parent

# The one module that holds write SQL, and the migrations that create the schema.
WRITERS = {PACKAGE / "core" / "tables.py", PACKAGE / "core" / "store.py"}
WRITE_SQL = re.compile(
    r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE\s+(OR\s+\w+\s+)?\S+\s+SET|"
    r"DELETE\s+FROM|ALTER\s+TABLE|DROP\s+(TABLE|INDEX|TRIGGER|VIEW)|"
    r"CREATE\s+(TEMP\w*\s+|UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|TRIGGER|VIEW))\b",
    re.IGNORECASE,
)
# sqlite-utils' table API and script execution write too.
WRITE_CALLS = {"table", "executescript", "insert_all", "upsert", "upsert_all", "delete_where"}


def strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal, f-strings with their holes filled, with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "x" for part in node.values
            )
            found.append((node.lineno, str(text)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
    return found


def side_doors(text: str, where: str) -> list[str]:
    tree = ast.parse(text)
    hits = [f"{where}:{line}: {s[:60]!r}" for line, s in strings(tree) if WRITE_SQL.search(s)]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITE_CALLS
        ):
            hits.append(f"{where}:{node.lineno}: .{node.func.attr}(...)")
    return hits


def test_write_sql_lives_in_the_tables_module_only():
    offenders = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in WRITERS
        for hit in side_doors(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert offenders == []


def test_the_side_door_detector_sees_what_it_must():
    sample = (
        "def f(db, table):\n"
        "    db.execute(f'UPDATE {table} SET x = 1')\n"
        "    db.execute('insert or ignore into layers (name) values (?)', ['x'])\n"
        "    db.table('spans').insert_all([])\n"
        "    db.execute('SELECT 1 FROM spans WHERE label = \\'UPDATE\\'')\n"
    )
    hits = side_doors(sample, "sample")
    assert [hit.split(":")[1] for hit in hits] == ["2", "3", "4", "4"]


def test_import_layers_hold():
    """core < formats, arabic, review < cli, gui; arabic and review independent; only the
    gui imports Qt (the contracts are in pyproject.toml)."""
    result = subprocess.run(
        [str(TOOLS / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_mypy_strict_on_the_core():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "annotator/core"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
