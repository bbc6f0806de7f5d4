"""`annotator import` as a whole process against the floor: a process that parses the same JSONL
and writes the same rows with sqlite-utils ``insert_all`` in one transaction.

Both sides are timed from process start to exit, so parsing, validation, hashing, the event log
and the search index are all in what the user waits for (issue 9's target: within 1.5x, with
10,000 annotated articles of ~3 KB and 20 spans each).

    .venv/bin/python bench/import_floor.py [--docs 10000] [--repeat 3] [--against DIR]

``--against DIR`` also times another checkout's import (the main branch, say) in each round,
right after the floor and before this tree's: on a shared machine the floor's own time varies
from round to round, so two trees are compared by the median of their per-round ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def run(argv: list[str], tree: Path | None = None) -> float:
    """Wall seconds of ``argv``, with ``tree``'s code first on the path when given."""
    env = None if tree is None else {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env, cwd=tree)
    return time.perf_counter() - started


def import_argv(db: Path, source: Path) -> list[str]:
    command = [sys.executable, "-m", "annotator", "--db", str(db), "import", str(source)]
    return [*command, "--layer", "bench"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--baseline", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        from import_export import baseline_import

        baseline_import(Path(args.baseline[0]), Path(args.baseline[1]))
        return 0
    from corpus import documents, write_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "articles.jsonl"
        write_jsonl(source, documents(args.docs, size=3000, spans=20))
        ours, floor, theirs = [], [], []
        for n in range(args.repeat):
            floor.append(
                run(
                    [
                        sys.executable,
                        __file__,
                        "--baseline",
                        str(source),
                        str(folder / f"floor{n}.db"),
                    ]
                )
            )
            if args.against:
                other = args.against.resolve()
                theirs.append(run(import_argv(folder / f"theirs{n}.db", source), other))
            ours.append(run(import_argv(folder / f"ours{n}.db", source)))
    a, b = statistics.median(ours), statistics.median(floor)
    print(
        f"annotator import of {args.docs:,} articles: {a:.2f} s; sqlite-utils floor: {b:.2f} s; "
        f"ratio {a / b:.2f}x (target <= 1.5x)"
    )
    if args.against:
        mine = statistics.median(o / f for o, f in zip(ours, floor, strict=True))
        other_ratio = statistics.median(t / f for t, f in zip(theirs, floor, strict=True))
        print(
            f"median of per-round ratios to the floor: this tree {mine:.2f}x, "
            f"{args.against} {other_ratio:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
