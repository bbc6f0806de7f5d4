"""The real-news dev and test files are exactly what split.py makes from the sets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "realnews"


def _split_module():
    spec = importlib.util.spec_from_file_location("realnews_split", HERE / "split.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_and_test_files_match_the_split_of_the_sets():
    dev, test = _split_module().split()
    assert (HERE / "dev.jsonl").read_text(encoding="utf-8") == "".join(f"{x}\n" for x in dev)
    assert (HERE / "test.jsonl").read_text(encoding="utf-8") == "".join(f"{x}\n" for x in test)


def test_the_splits_are_disjoint_and_cover_the_sets():
    dev, test = _split_module().split()
    assert len(test) == 36 and len(dev) == 54
    assert not set(dev) & set(test)
