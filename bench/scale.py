"""How a workspace of 10,000 or 100,000 articles feels, as ratios to a 5-article one.

For each size the script writes two JSONL files of ~1.5 KB articles (5 spans each for the
annotators ``amal`` and ``omar``, so 10 spans per article), then measures, in the same run:

- the window (one child process per size, offscreen, started as ``annotator --db FILE
  --annotator amal`` with the bytecode cache warm): process start to first paint (wall clock,
  and the CPU time the process spent, which a busy machine does not inflate), window open to
  first paint, document switch (what a click on a row or "go to document id" does), tag + save,
  undo, a filter/search keystroke (each letter of a word typed into the empty box), a status
  change;
- the command line, each command a child process with its peak RSS: import, export, agreement,
  adjudicate --auto, merge, stats, suggest, check, search. adjudicate runs on a copy of the
  workspace (a reviewer's), which a second copy (an annotator's laptop, as imported) then
  merges, bringing in its gold; stats --json describes the reviewer's copy.

Every figure is shown as a ratio to the smallest size measured in the same run (the issue's
targets: window open < 1 s at any size; switch, tag and filter within 1.5x of the 5-article
figures; corpus-wide commands 100k/10k time <= 11x and peak RSS <= 1.2x).

The machine is shared, so the window's figures are taken to stay comparable under load: each
action is the median of ``--repeat`` runs (switches: three times as many, each to another
document than the open one, after an unmeasured first switch); the window is measured
``--rounds`` times with the sizes taking turns, and each figure is the median of its rounds; and
switch, tag and keystroke are also given as the CPU time the process spent, which other
programs on the cores do not stretch.

    .venv/bin/python bench/scale.py [--sizes 5,10000,100000] [--skip suggest] [--out FILE]
    .venv/bin/python bench/scale.py --only import     # just the commands named (no window)

``--suggest-docs N`` caps how many documents ``suggest`` runs over (the Arabic pre-annotator
costs milliseconds per article, so 100,000 of them take most of an hour on two cores); its
figure is then per document, which is what linear means.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

GUI_ROWS = (
    ("startup", "process start to first paint"),
    ("startup_cpu", "CPU time of the process to first paint"),
    ("open", "window open to first paint"),
    ("switch", "document switch"),
    ("tag", "tag + save"),
    ("undo", "undo"),
    ("filter", "filter/search keystroke"),
    ("status", "status change"),
    ("switch_cpu", "document switch, CPU time"),
    ("tag_cpu", "tag + save, CPU time"),
    ("filter_cpu", "filter/search keystroke, CPU time"),
)
CLI_COMMANDS = (
    "import",
    "export",
    "agreement",
    "adjudicate",
    "merge",
    "stats",
    "suggest",
    "check",
    "search",
)
SPANS_PER_LAYER = 5
ARTICLE_CHARS = 1500


# ---------------------------------------------------------------------------- corpus
def write_corpus(folder: Path, count: int) -> tuple[Path, Path]:
    """Two JSONL files over the same articles: amal's spans and omar's (half shared)."""
    from corpus import article, seed_words, word_spans

    rng = random.Random(count)
    words = seed_words()
    amal, omar = folder / "amal.jsonl", folder / "omar.jsonl"
    with amal.open("w", encoding="utf-8") as fa, omar.open("w", encoding="utf-8") as fo:
        for n in range(count):
            text = article(rng, words, ARTICLE_CHARS)
            spans = word_spans(rng, text, SPANS_PER_LAYER * 2)
            meta = {"title": text.split("\n")[0][:60], "published": "2022-01-13"}
            base = {"id": f"doc_{n:06d}", "text": text, "meta": meta}
            # omar agrees with amal on the first three spans and differs on the rest
            mine = spans[:SPANS_PER_LAYER]
            theirs = spans[:3] + spans[SPANS_PER_LAYER : SPANS_PER_LAYER + 2]
            fa.write(json.dumps({**base, "spans": mine}, ensure_ascii=False) + "\n")
            fo.write(json.dumps({**base, "spans": theirs}, ensure_ascii=False) + "\n")
    return amal, omar


# ---------------------------------------------------------------------------- the CLI
def run_measured(argv: list[str], stdin: Any = None) -> tuple[float, float]:
    """Run a child process to its end: (seconds, its peak RSS in MB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=stdin)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):  # check exits 1 when it finds problems
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def annotator(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "annotator", "--db", str(db), "--annotator", "bench", *args]


def cli_figures(
    folder: Path,
    db: Path,
    amal: Path,
    omar: Path,
    doc_count: int,
    suggest_docs: int | None,
    skip: set[str],
    only: set[str] | None = None,
) -> dict[str, tuple[float, float]]:
    figures: dict[str, tuple[float, float]] = {}
    figures["import"] = run_measured(annotator(db, "import", str(amal), "--layer", "amal"))
    if only == {"import"}:
        return figures
    run_measured(annotator(db, "import", str(omar), "--layer", "omar"))
    export = folder / "out.jsonl"
    if "export" not in skip:
        figures["export"] = run_measured(
            annotator(db, "export", "-o", str(export), "--layer", "amal")
        )
    if "agreement" not in skip:
        figures["agreement"] = run_measured(annotator(db, "agreement", "--json"))
    if "check" not in skip:
        figures["check"] = run_measured(annotator(db, "check"))
    if "search" not in skip:
        figures["search"] = run_measured(annotator(db, "search", "الرئيس", "--json"))
    if "suggest" not in skip:
        extra: list[str] = []
        if suggest_docs is not None:
            count = min(suggest_docs, doc_count)
            extra = [a for i in range(count) for a in ("--doc", f"doc_{i:06d}")]
        figures["suggest"] = run_measured(annotator(db, "suggest", *extra))
    figures.update(review_figures(folder, db, skip))
    return figures


def workspace_copy(db: Path, name: str) -> Path:
    """A copy of the workspace beside it, opened once (unmeasured) so that its first open of
    the day, which takes a backup of the whole file, is not part of a measured command."""
    copy = db.with_name(name)
    drop_copy(copy)
    shutil.copyfile(db, copy)
    run_measured(annotator(copy, "conflicts", "--doc", "doc_000000", "--json"))
    return copy


def drop_copy(copy: Path) -> None:
    for stale in copy.parent.glob(copy.name + "*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()


def review_figures(folder: Path, db: Path, skip: set[str]) -> dict[str, tuple[float, float]]:
    """adjudicate --auto, merge and stats on copies, so the kept workspace stays as imported
    and a --reuse run measures the same work again.

    The reviewer's copy gets gold from ``adjudicate --auto``; an annotator's copy of the
    workspace as imported then merges the reviewer's file (every document matched, every
    layer compared, the gold layer brought in); ``stats`` describes the reviewer's copy."""
    figures: dict[str, tuple[float, float]] = {}
    if {"adjudicate", "merge", "stats"} <= skip:
        return figures
    reviewed = workspace_copy(db, "reviewed.db")
    adjudicated = run_measured(annotator(reviewed, "adjudicate", "--auto"))
    if "adjudicate" not in skip:
        figures["adjudicate"] = adjudicated
    if "merge" not in skip:
        laptop = workspace_copy(db, "laptop.db")
        figures["merge"] = run_measured(annotator(laptop, "merge", str(reviewed)))
        drop_copy(laptop)
    if "stats" not in skip:
        figures["stats"] = run_measured(annotator(reviewed, "stats", "--json"))
    drop_copy(reviewed)
    return figures


# ---------------------------------------------------------------------------- the window
def child_env(root: Path) -> dict[str, str]:
    """The children's environment: bytecode cached under ``root`` even where the shell says
    PYTHONDONTWRITEBYTECODE (as in CI sandboxes), so a start measures what a person's every
    start after the first costs, not compiling every module from source."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def warm_up(root: Path, db: Path) -> None:
    """Compile the package once and open the workspace once (a migration, or the first open of
    the day's backup, is not what a start costs every day)."""
    env = child_env(root)
    package = HERE.parent / "annotator"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True)
    opener = (
        "import sys; from annotator.core.workspace import Workspace; Workspace(sys.argv[1]).close()"
    )
    subprocess.run([sys.executable, "-c", opener, str(db)], env=env, check=True)


def gui_figures(db: Path, count: int, repeat: int, root: Path) -> dict[str, float]:
    """The window's figures, measured in a child process so each size starts cold."""
    warm_up(root, db)
    started = time.time()
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--gui-child",
            str(db),
            "--count",
            str(count),
            "--repeat",
            str(repeat),
            "--started",
            repr(started),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=child_env(root),
    )
    if out.returncode != 0:
        raise SystemExit(f"the window child failed: {out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def gui_child(db: Path, count: int, repeat: int, process_started: float) -> None:
    """Start the window as a person does (``annotator --db FILE --annotator amal``), note the
    time of the main window's first paint, then measure the actions in that window."""
    opened = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    figures: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painted = event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow)
            if painted and not figures:
                figures["open"] = (time.perf_counter() - opened) * 1000
                figures["startup"] = (time.time() - process_started) * 1000
                spent = os.times()  # what the start costs, whatever else the cores are doing
                figures["startup_cpu"] = (spent.user + spent.system) * 1000
                app.removeEventFilter(self)
                QTimer.singleShot(0, partial(measure_actions, watched, app, count, repeat, figures))
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    from annotator.cli import main as annotator_main

    annotator_main(["--db", str(db), "--annotator", "amal"])
    print(json.dumps(figures))


def type_next(line: Any, letters: Any) -> None:
    line.insert(next(letters))


def measure_actions(window: Any, app: Any, count: int, repeat: int, figures: dict) -> None:
    """Switch, tag, undo, type in the search box and change a status, ``repeat`` times each
    (the median is kept), then close the window, which ends the event loop."""
    from annotator.arabic.words import words
    from annotator.core.commands import SetStatus
    from annotator.core.model import Status

    view = window.article
    cpu: dict[str, list[float]] = {}

    def timed(action: Any, before: Any = None, times: int = repeat, name: str = "") -> list[float]:
        """Wall-clock ms of each run; the process's CPU ms go to ``cpu[name]`` (a loaded machine
        stretches the first, not the second)."""
        spent = []
        for _ in range(times):
            if before:
                before()
            app.processEvents()
            t, c = time.perf_counter(), time.process_time()
            action()
            app.processEvents()
            spent.append((time.perf_counter() - t) * 1000)
            cpu.setdefault(name, []).append((time.process_time() - c) * 1000)
        return spent

    # A switch is what a click on a row or "go to document id" does: always to another
    # document than the open one (a pick of the open one costs nothing, and at five articles
    # one pick in five would be such a no-op, which made the 5-article figure, the ratios'
    # base, depend on the last-used document), after one unmeasured switch (first-use costs).
    targets = iter(switch_targets(count, window.doc.id if window.doc else None, 3 * repeat + 1))
    window.panel.document_selected.emit(next(targets))
    figures["switch"] = statistics.median(
        timed(
            lambda: window.panel.document_selected.emit(next(targets)), None, 3 * repeat, "switch"
        )
    )
    found = iter(words(view.toPlainText())[1::2])

    def select_words() -> None:
        start, end = next(found)
        view.select_offsets(start, end)

    tag = window.window_actions.tag["SPEAKER"]
    figures["tag"] = statistics.median(timed(tag.trigger, select_words, name="tag"))
    figures["undo"] = statistics.median(timed(window.undo_action.trigger, name="undo"))
    # A word typed letter by letter into an empty search box: every keystroke counts, the
    # short first letters (the whole list) and the prefixes searched from the third on.
    line = window.panel.filter_edit
    word = "الرئيس"
    keystrokes: list[float] = []
    for _ in range(max(1, repeat // len(word) + 1)):
        line.clear()
        keystrokes += timed(partial(type_next, line, iter(word)), times=len(word), name="filter")
    figures["filter"] = statistics.median(keystrokes)
    line.clear()
    statuses = iter([Status.DONE, Status.IN_PROGRESS] * repeat)
    figures["status"] = statistics.median(
        timed(
            lambda: window._push(
                SetStatus(window.workspace, window.doc.id, "amal", next(statuses))
            ),
            name="status",
        )
    )
    for name, spent in cpu.items():
        figures[f"{name}_cpu"] = statistics.median(spent)
    window.close()


def switch_targets(count: int, open_now: str | None, picks: int) -> list[str]:
    """Random documents to switch to, each another than the one open before it."""
    rng = random.Random(3)
    targets: list[str] = []
    current = open_now
    while len(targets) < picks:
        pick = f"doc_{rng.randrange(count):06d}"
        if pick != current:
            targets.append(pick)
            current = pick
    return targets


# ---------------------------------------------------------------------------- report
def table(results: dict[int, dict[str, Any]]) -> str:
    sizes = sorted(results)
    base = sizes[0]
    head = "| measure | " + " | ".join(f"{n:,} articles" for n in sizes)
    if len(sizes) > 1:
        head += f" | {sizes[-1]:,}/{sizes[-2]:,}"
    lines = [head + " |", "|---" * (len(sizes) + 1 + (len(sizes) > 1)) + "|"]
    for key, name in GUI_ROWS:
        if all(key in results[n]["gui"] for n in sizes):
            ms = [results[n]["gui"][key] for n in sizes]
            cells = [
                f"{v:.1f} ms ({v / ms[0]:.2f}x)" if n != base else f"{v:.1f} ms"
                for n, v in zip(sizes, ms, strict=True)
            ]
            tail = [f"{ms[-1] / ms[-2]:.2f}x"] if len(sizes) > 1 else []
            lines.append(f"| window: {name} | " + " | ".join(cells + tail) + " |")
    for cmd in CLI_COMMANDS:
        if all(cmd in results[n]["cli"] for n in sizes):
            got = [results[n]["cli"][cmd] for n in sizes]
            cells = [
                f"{s:.2f} s, {mb:.0f} MB" + (f" ({s / got[0][0]:.0f}x)" if n != base else "")
                for n, (s, mb) in zip(sizes, got, strict=True)
            ]
            tail = []
            if len(sizes) > 1:
                tail = [f"{got[-1][0] / got[-2][0]:.1f}x time, {got[-1][1] / got[-2][1]:.2f}x RSS"]
            lines.append(f"| `annotator {cmd}` | " + " | ".join(cells + tail) + " |")
    return "\n".join(lines)


def measure_again(folder: Path, size: int, args: argparse.Namespace) -> dict[str, Any]:
    """Figures of chosen commands on a workspace an earlier run kept (after a code change)."""
    db = folder / "bench.db"
    wanted = set(args.reuse.split(","))
    imported: dict[str, tuple[float, float]] = {}
    if "import" in wanted:  # into a new workspace, from the JSONL files the run kept
        for stale in folder.glob("bench.db*"):  # the file, its journal and its backups
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()
        imported["import"] = run_measured(
            annotator(db, "import", str(folder / "amal.jsonl"), "--layer", "amal")
        )
        if wanted - {"import"}:
            run_measured(annotator(db, "import", str(folder / "omar.jsonl"), "--layer", "omar"))
    gui: dict[str, float] = {}  # measured by window_rounds, all sizes in turn
    commands = {
        "export": ["export", "-o", str(folder / "out.jsonl"), "--layer", "amal"],
        "agreement": ["agreement", "--json"],
        "check": ["check"],
        "search": ["search", "الرئيس", "--json"],
    }
    cli = imported | {
        name: run_measured(annotator(db, *argv))
        for name, argv in commands.items()
        if name in wanted
    }
    if "suggest" in wanted:
        count = min(args.suggest_docs or size, size)
        docs = [a for i in range(count) for a in ("--doc", f"doc_{i:06d}")]
        cli["suggest"] = run_measured(annotator(db, "suggest", *docs))
    if wanted & {"adjudicate", "merge", "stats"}:
        skip = {"adjudicate", "merge", "stats"} - wanted
        cli.update(review_figures(folder, db, skip))
    print(f"{size:,}: {json.dumps({'gui': gui, 'cli': cli})}", file=sys.stderr)
    return {"gui": gui, "cli": cli}


def window_rounds(root: Path, sizes: list[int], repeat: int, rounds: int) -> dict[int, dict]:
    """The window's figures at each size, measured ``rounds`` times with the sizes in turn
    (5, 10,000, 100,000, 5, ...), each figure the median of its rounds.

    One child per size measured minutes apart puts whatever else the machine did in between
    into the ratios (the switch ratio moved between 0.8x and 1.8x from one run to the next);
    taking turns spreads a busy spell over every size."""
    measured: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    for turn in range(rounds):
        for size in sizes:
            figures = gui_figures(root / f"ws_{size}" / "bench.db", size, repeat, root)
            measured[size].append(figures)
            print(f"{size:,} window, round {turn + 1}: {json.dumps(figures)}", file=sys.stderr)
    return {
        size: {key: statistics.median(f[key] for f in runs) for key in runs[0]}
        for size, runs in measured.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,10000,100000", help="comma-separated sizes")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="times the window is measured at each size, the sizes in turn (medians kept)",
    )
    parser.add_argument("--skip", default="", help="comma-separated: suggest, gui, cli")
    parser.add_argument("--suggest-docs", type=int, default=None)
    parser.add_argument(
        "--only",
        help="comma-separated commands to measure, the others and the window skipped "
        "(e.g. 'import': one import per size, nothing else)",
    )
    parser.add_argument("--out", help="also write the table (and raw figures as .json) here")
    parser.add_argument("--keep", help="build workspaces in this folder and keep them")
    parser.add_argument(
        "--reuse",
        help="comma-separated commands to measure again on workspaces kept by an earlier --keep "
        "run (no rebuild; 'gui' for the window; 'import' imports the kept JSONL anew; "
        "adjudicate, merge and stats work on copies)",
    )
    parser.add_argument("--gui-child", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui_child:
        gui_child(Path(args.gui_child), args.count, args.repeat, args.started)
        return 0
    skip = {s for s in args.skip.split(",") if s}
    only = {s for s in args.only.split(",") if s} if args.only else None
    if only is not None:
        skip |= {"gui"} | {c for c in CLI_COMMANDS if c not in only}
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        for size in sizes:
            if args.reuse:
                results[size] = measure_again(root / f"ws_{size}", size, args)
                continue
            folder = root / f"ws_{size}"
            folder.mkdir(parents=True, exist_ok=True)
            db = folder / "bench.db"
            for stale in folder.glob("bench.db*"):
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
            amal, omar = write_corpus(folder, size)
            print(f"{size:,} articles written", file=sys.stderr)
            cli = (
                {}
                if "cli" in skip
                else cli_figures(folder, db, amal, omar, size, args.suggest_docs, skip, only)
            )
            if "cli" in skip:
                run_measured(annotator(db, "import", str(amal), "--layer", "amal"))
                run_measured(annotator(db, "import", str(omar), "--layer", "omar"))
            results[size] = {"gui": {}, "cli": cli}
            print(f"{size:,}: {json.dumps(results[size])}", file=sys.stderr)
        window = "gui" in set(args.reuse.split(",")) if args.reuse else "gui" not in skip
        if window:
            for size, figures in window_rounds(root, sizes, args.repeat, args.rounds).items():
                results[size]["gui"] = figures
    report = table(results)
    print(report)
    if args.out:
        Path(args.out).write_text(report + "\n", encoding="utf-8")
        Path(args.out).with_suffix(".json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
