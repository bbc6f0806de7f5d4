"""Split the real-news sets into dev and a blind test split, the same way every time.

Set C joined the split once its first, blind reading had been reported; set D is the blind set
and stays out of both. Set E joined the split when it was built.

Nine articles of each set go to ``test.jsonl``, the rest to ``dev.jsonl``; which ones is decided
by the SHA-256 of the article id, chosen before anyone looked at how the rules score on them.
Rules are tuned on dev only; test is read to report a figure, never to find errors.

    .venv/bin/python tests/data/realnews/split.py
"""

from __future__ import annotations

import hashlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ("setA.jsonl", "setB.jsonl", "setC.jsonl", "setE.jsonl")
TEST_PER_SET = 9


def _doc_id(line: str) -> str:
    # The id is the first field of every line our JSONL writer produces.
    return line.split('"id": "', 1)[1].split('"', 1)[0]


def split() -> tuple[list[str], list[str]]:
    dev: list[str] = []
    test: list[str] = []
    for name in SETS:
        lines = [ln for ln in (HERE / name).read_text(encoding="utf-8").splitlines() if ln]
        ranked = sorted(lines, key=lambda ln: hashlib.sha256(_doc_id(ln).encode()).hexdigest())
        chosen = {_doc_id(ln) for ln in ranked[:TEST_PER_SET]}
        for line in lines:
            (test if _doc_id(line) in chosen else dev).append(line)
    return dev, test


def main() -> None:
    dev, test = split()
    (HERE / "dev.jsonl").write_text("".join(ln + "\n" for ln in dev), encoding="utf-8")
    (HERE / "test.jsonl").write_text("".join(ln + "\n" for ln in test), encoding="utf-8")
    print(f"dev: {len(dev)} articles, test: {len(test)} articles")


if __name__ == "__main__":
    main()
