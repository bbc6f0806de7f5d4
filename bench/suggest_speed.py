"""Speed of the Arabic pre-annotation: 1,000 seed-sized articles (target: under 10 s on two
cores) and how time grows with a document's length (target: doubling the length costs at
most about 2.2 times as much).

The corpus is the five seed articles repeated with a varying first line, so every text is
distinct. As a ratio baseline measured in the same run, a plain regular-expression word scan
(`\\w+`) goes over the same texts: the ratio says how much work the rules do per character.
The 1,000 articles are suggested three ways: computing only with --jobs 1 and with --jobs N,
and the whole `annotator suggest --jobs N` command into a fresh workspace (reading, computing
and storing). Long documents are the seeds concatenated to 1, 2 and 4 MB; their times are CPU
times of this process, which other programs on the machine disturb less than wall time.

``--against DIR`` times the same command with another checkout of the project (the main
branch, say) in the same run, alternating the two, each in a fresh process on a copy of the
same workspace; the ratio says what a change gained. ``--profile`` prints where the command's
own process spends its time (reading, the Writer's checks, SQLite), the workers excluded.

    .venv/bin/python bench/suggest_speed.py [--articles N] [--jobs N] [--sizes 1,2,4] [--repeat 2]
    .venv/bin/python bench/suggest_speed.py --against /path/to/main [--rounds 2] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.arabic.parallel import Job, suggest_many  # noqa: E402
from annotator.arabic.suggest import LABELS, suggest_text  # noqa: E402
from annotator.cli import main as cli  # noqa: E402
from annotator.core.records import DocumentRecord  # noqa: E402
from annotator.core.workspace import Workspace  # noqa: E402

TARGET_SECONDS = 10.0
TARGET_DOUBLING = 2.2
PUBLISHED = "2022-01-13"


def _seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def corpus(n: int) -> list[str]:
    seeds = _seeds()
    return [f"نشرة رقم {i}\n{seeds[i % len(seeds)]}" for i in range(n)]


def long_document(chars: int) -> str:
    seeds = _seeds()
    parts: list[str] = []
    size = i = 0
    while size < chars:
        part = f"فقرة رقم {i}\n{seeds[i % len(seeds)]}\n"
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)[:chars]


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _compute(texts: list[str], jobs: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and the number of suggestions."""
    ids = [str(i) for i in range(len(texts))]
    start, cpu = time.perf_counter(), _cpu()
    count = 0
    load = lambda i: Job(i, texts[int(i)], PUBLISHED)  # noqa: E731
    for batch in suggest_many(ids, load, LABELS, jobs):
        count += sum(len(found.proposals) for _, found in batch)
    return time.perf_counter() - start, _cpu() - cpu, count


def _workspace(texts: list[str], db: Path) -> None:
    with Workspace(db, who="bench") as ws:
        ws.import_records(
            [
                DocumentRecord(text=t, path=f"{i}.txt", id=f"d{i}", published=PUBLISHED)
                for i, t in enumerate(texts)
            ]
        )


def _command(texts: list[str], jobs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        _workspace(texts, db)
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli(["--db", str(db), "suggest", "--jobs", str(jobs)])
        elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"suggest_speed: `annotator suggest` failed with exit code {code}.")
    return elapsed


def _command_in(tree: Path, source: Path, jobs: int) -> float:
    """Wall seconds of `annotator suggest` run from ``tree``'s code in a fresh process, on a
    copy of the workspace ``source``; the interpreter's start is counted for either tree."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        shutil.copy(source, db)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        command = [sys.executable, "-m", "annotator", "--db", str(db), "suggest"]
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "--jobs", str(jobs)], cwd=tree, env=env, capture_output=True, check=False
        )
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"suggest_speed: `annotator suggest` from {tree} failed: {done.stderr!r}")
    return elapsed


def _workspace_of(tree: Path, count: int, db: Path) -> None:
    """The same workspace as ``_workspace(corpus(count))``, made by ``tree``'s code: a tree
    with an older schema cannot open a file this tree made (it refuses newer schemas)."""
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
        "from suggest_speed import _workspace, corpus; "
        "_workspace(corpus(int(sys.argv[2])), Path(sys.argv[3]))"
    )
    env = {**os.environ, "PYTHONPATH": str(tree)}
    argv = [sys.executable, "-c", script, str(tree / "bench"), str(count), str(db)]
    subprocess.run(argv, cwd=tree, env=env, capture_output=True, check=True)


def compare(texts: list[str], jobs: int, other: Path, rounds: int) -> None:
    """This tree against ``other``, alternating, the least of ``rounds`` runs each; each tree
    runs on a workspace its own code made (the same documents, its own schema)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source.db"
        _workspace(texts, source)
        theirs_source = Path(tmp) / "theirs.db"
        _workspace_of(other, len(texts), theirs_source)
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(max(1, rounds)):
            theirs.append(_command_in(other, theirs_source, jobs))
            ours.append(_command_in(ROOT, source, jobs))
    print(
        f"annotator suggest --jobs {jobs}, {len(texts)} articles, least of {rounds} alternating "
        f"runs: {other}: {min(theirs):.2f} s, this tree: {min(ours):.2f} s, "
        f"ratio {min(theirs) / min(ours):.2f}"
    )


def profile(texts: list[str], jobs: int, top: int = 30) -> None:
    """Where the command's own process spends its time (the workers compute elsewhere)."""
    import cProfile
    import pstats

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        _workspace(texts, db)
        profiler = cProfile.Profile()
        with contextlib.redirect_stdout(io.StringIO()):
            profiler.enable()
            cli(["--db", str(db), "suggest", "--jobs", str(jobs)])
            profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"annotator|sqlite3|json|uuid", top)


def _doubling(sizes_mb: list[float], repeat: int) -> list[tuple[float, float]]:
    """CPU seconds per size, the least of ``repeat`` runs: on a shared machine other programs
    only ever add time (cache misses), so the least is the closest to the work itself."""
    timings = []
    for mb in sizes_mb:
        text = long_document(int(mb * 1_000_000))
        runs = []
        for _ in range(max(1, repeat)):
            start = time.process_time()
            suggest_text(text, PUBLISHED)
            runs.append(time.process_time() - start)
        timings.append((mb, min(runs)))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sizes", default="1,2,4", help="long-document sizes in MB")
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs per long document; the least time counts"
    )
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs for --against")
    parser.add_argument("--profile", action="store_true", help="profile the command's process")
    args = parser.parse_args(argv)
    texts = corpus(args.articles)
    if args.against or args.profile:
        if args.against:
            compare(texts, args.jobs, args.against.resolve(), args.rounds)
        if args.profile:
            profile(texts, args.jobs)
        return 0
    chars = sum(len(t) for t in texts)

    words = re.compile(r"\w+")
    start = time.perf_counter()
    tokens = sum(len(words.findall(t)) for t in texts)
    baseline = time.perf_counter() - start

    one, one_cpu, spans = _compute(texts, 1)
    many, many_cpu, _ = _compute(texts, args.jobs)
    command = _command(texts, args.jobs)
    per_1000 = 1000 / len(texts)

    print(f"{len(texts)} articles, {chars:,} characters, {tokens:,} words, {spans:,} suggestions")
    print(f"baseline regex word scan: {baseline:.3f} s")
    print(f"load average over the last minute: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"compute, --jobs 1: {one:.2f} s wall, {one_cpu:.2f} s CPU")
    print(
        f"compute, --jobs {args.jobs}: {many:.2f} s wall, {many_cpu:.2f} s CPU in all processes; "
        f"wall ratio --jobs 1 / --jobs {args.jobs}: {one / many:.2f}; "
        f"on {args.jobs} idle cores about {many_cpu / args.jobs:.2f} s"
    )
    print(f"annotator suggest --jobs {args.jobs} (read, compute, store): {command:.2f} s")
    meets = command * per_1000 < TARGET_SECONDS
    verdict = "meets" if meets else "misses"
    print(f"target: under {TARGET_SECONDS:.0f} s per 1,000 articles: {verdict}")

    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    timings = _doubling(sizes, args.repeat)
    worst = 0.0
    for (mb, seconds), previous in zip(timings, [None, *timings[:-1]], strict=True):
        line = f"{mb:g} MB document: {seconds:.2f} s CPU"
        if previous is not None:
            ratio = (seconds / previous[1]) / (mb / previous[0]) * 2
            worst = max(worst, ratio)
            line += f", time ratio for twice the length: {ratio:.2f}"
        print(line)
    linear = worst <= TARGET_DOUBLING
    if len(timings) > 1:
        verdict = "meets" if linear else "misses"
        print(f"target: doubling ratio at most {TARGET_DOUBLING}: {verdict}")
    return 0 if meets and linear else 1


if __name__ == "__main__":
    raise SystemExit(main())
