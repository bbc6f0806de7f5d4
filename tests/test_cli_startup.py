"""The command line loads what its command needs: parsing `annotator import ...` must not
compile the Arabic rules (the date grammar alone took ~0.65 s of every import's start)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("annotator.arabic.dates", "annotator.arabic.suggest", "annotator.arabic.learned.model")


def modules_after(code: str) -> set[str]:
    """Modules loaded once ``code`` has run in a fresh interpreter."""
    code = f"import sys\n{code}\nprint('\\n'.join(sys.modules))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def modules_after_parsing(argv: list[str]) -> set[str]:
    """Modules loaded by building the parser and parsing ``argv``."""
    return modules_after(
        f"from annotator.cli import build_parser\nbuild_parser().parse_args({argv!r})"
    )


def test_parsing_an_import_loads_no_arabic_rules():
    loaded = modules_after_parsing(["import", "x.jsonl"])
    assert "annotator.cli.suggest" in loaded  # every command is registered ...
    assert not loaded & set(HEAVY), loaded & set(HEAVY)  # ... but the rules are not loaded


def test_suggest_still_names_its_labels_in_its_help():
    from annotator.arabic.suggest import LABELS
    from annotator.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["suggest"])
    assert args.labels == ",".join(LABELS)


def test_importing_jsonl_loads_no_arabic_rules(tmp_path):
    """A JSONL line carries its publication date: nothing needs the dateline's date grammar."""
    source = tmp_path / "a.jsonl"
    source.write_text('{"id": "a", "text": "نص قصير.", "meta": {"published": "2022-01-13"}}\n')
    loaded = modules_after(
        "from annotator.cli import main\n"
        f"assert main(['--db', {str(tmp_path / 'w.db')!r}, 'import', {str(source)!r}]) == 0"
    )
    assert "annotator.core.importer" in loaded
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
