"""Whole `briefing build` re-runs: a cold monthly build vs the runs after one new document.

    python benchmarks/rerun_build.py                  # 2,000 documents, period 2024-12
    python benchmarks/rerun_build.py --size 500 --repeat 1

Every run is a fresh `python -m briefing build` process, exactly as cron starts it, on a snapshot
of the package copied to a temporary folder (so edits in the checkout during the run cannot
change the tool version and empty the cache). The corpus is `incremental.py`'s: variants of the
five seeds dated over 2023-2024. Runs, in order, on one output folder:

1. cold: `-p 2024-12` on an empty output folder (every document extracted, the cache filled);
2. one document dated 2024-12-15 is added, then `-p 2024-12 --force` (the month re-made with it);
3. another document is added, then `-p 2025-01` (next month's cron run: a new issue whose 补报
   rule looks at everything, with the cache warm);
4. step 2 once more with the chart cache emptied first: every chart drawn again, the cost when
   a new document changes all of them (in this corpus an added variant changes few charts, as
   its measures mostly repeat other variants');
5. for reference, `-p all` cold on a second output folder and `-p all --force` after one more
   document (every document in the briefing and the analysts' workbook).

Target (issue "Monthly runs"): the re-run after one added document costs at most 10 % of the
cold build. Steps 2-3 are warm runs; the best of `--repeat` is reported for each.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from incremental import _CN, _ISO, SEEDS, make_corpus, seed_variant  # noqa: E402


def snapshot(target: Path) -> Path:
    """A copy of the package, its templates and seeds: the tool the runs measure."""
    for name in ("briefing", "templates", "seeds"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    # byte-compiled, as `pip install` leaves a package
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(target / "briefing")], check=True)
    return target


_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(snap: Path, args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the largest process) of one `briefing build` process."""
    env = {"PYTHONPATH": str(snap), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    command = [sys.executable, "-m", "briefing", "build", "-q", *args]
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, rss_kb = done.stdout.split()
    return float(seconds), int(rss_kb) / 1024


def add_document(corpus: Path, name: str, day: str, index: int) -> None:
    """A new seed variant whose every date is `day` (YYYY-MM-DD)."""
    seed = (SEEDS / "000_4bc94fbfc6990ecc.txt").read_text("utf-8")
    text = seed_variant(seed, index, random.Random(index))
    year, month, dom = (int(part) for part in day.split("-"))
    text = _ISO.sub(day, text)
    text = _CN.sub(f"{year}年{month}月{dom}日", text)
    (corpus / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefing-rerun-") as tmp_name:
        tmp = Path(tmp_name)
        snap = snapshot(tmp / "tool")
        corpus, out, out_all = tmp / "corpus", tmp / "out", tmp / "out-all"
        make_corpus(corpus, options.size)
        work = tmp / "work"
        work.mkdir()
        size_mb = sum(p.stat().st_size for p in corpus.iterdir()) / 2**20
        print(f"corpus: {options.size} documents, {size_mb:.1f} MB; tool snapshot in {snap}")
        common = ["-i", str(corpus)]

        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import pandas, matplotlib.pyplot, docx"], check=True)
        floor = time.perf_counter() - started
        print(
            f"bare import of pandas+matplotlib+docx: {floor:.2f} s (in one process, for reference)"
        )
        cold, cold_peak = run(snap, [*common, "-o", str(out), "-p", "2024-12"], work)
        print(f"{'cold -p 2024-12':40} {cold:6.2f} s  peak {cold_peak:5.0f} MB")
        rows: list[tuple[str, float]] = []
        # (label, file name, day added, its seed, period, empty the chart cache first)
        steps = [
            ("same month, --force", "zz-new", "2024-12-15", 90000, "2024-12", False),
            (
                "same month, --force, every chart drawn",
                "zz-all-charts",
                "2024-12-16",
                93000,
                "2024-12",
                True,
            ),
            ("next month", "zz-next", "2025-01-10", 91000, "2025-01", False),
        ]
        for label, name, day, seed, period, empty_charts in steps:
            for step in range(options.repeat):
                add_document(corpus, f"{name}-{step}.txt", day, seed + step)
                if empty_charts:
                    with sqlite3.connect(out / ".briefing" / "state.db") as db:
                        db.execute("DELETE FROM charts")
                    db.close()
                if label == "next month":  # as if the month had not been made yet
                    shutil.rmtree(out / period, ignore_errors=True)
                argv = [*common, "-o", str(out), "-p", period, "--force"]
                seconds, peak = run(snap, argv, work)
                rows.append((label, seconds))
                print(
                    f"{label:40} {seconds:6.2f} s  peak {peak:5.0f} MB  = {seconds / cold:.1%} of cold"
                )

        cold_all, peak_all = run(snap, [*common, "-o", str(out_all), "-p", "all"], work)
        print(f"{'cold -p all':40} {cold_all:6.2f} s  peak {peak_all:5.0f} MB")
        add_document(corpus, "zz-all.txt", "2024-06-01", 92000)
        warm_all, peak_warm_all = run(
            snap, [*common, "-o", str(out_all), "-p", "all", "--force"], work
        )
        print(
            f"{'-p all --force, one document added':40} {warm_all:6.2f} s  "
            f"peak {peak_warm_all:5.0f} MB  "
            f"= {warm_all / cold_all:.1%} of cold"
        )
        for label in (
            "same month, --force",
            "same month, --force, every chart drawn",
            "next month",
        ):
            best = min(seconds for name, seconds in rows if name == label)
            print(
                f"best {label}: {best:.2f} s = {best / cold:.1%} of the cold month (target <= 10%)"
            )


if __name__ == "__main__":
    main()
