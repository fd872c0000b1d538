"""Whole `briefing build` re-runs: a month's briefing re-made after one new document arrives.

    python benchmarks/rerun_build.py                  # 2,000 documents, period 2024-12
    python benchmarks/rerun_build.py --size 500 --repeat 1

Every run is a fresh `python -m briefing build` process, exactly as cron starts it, on a snapshot
of the package copied to a temporary folder (so edits in the checkout during the run cannot
change the tool version and empty the cache). The corpus is `incremental.py`'s: variants of the
five seeds dated over 2023-2024. Runs, in order:

0. the yardstick: a cold `briefing build` over the seeds on an empty output folder;
1. cold: `-p 2024-12` on an empty output folder (every document extracted, the cache filled);
2. one document dated 2024-12-15 is added, then `-p 2024-12 --force` (the month re-made with it);
3. another document is added, then `-p 2025-01` (next month's cron run: a new issue whose 补报
   rule looks at everything, with the cache warm);
4. for reference, `-p all` cold on a second output folder and `-p all --force` after one more
   document (every document in the briefing and the analysts' workbook).

Target (issue "Straighten build"): re-making a month's briefing over 2,000 documents after one new
document costs at most 1.5x a cold build over the seeds, so a month's cost follows the month, not
the corpus. Steps 0, 2 and 3 are repeated `--repeat` times; the best of each is compared.
"""

from __future__ import annotations

import argparse
import random
import shutil
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
        seeds_runs = []
        for step in range(options.repeat):
            seeds_out = tmp / f"out-seeds-{step}"
            seconds, peak = run(snap, ["-i", str(snap / "seeds"), "-o", str(seeds_out)], work)
            seeds_runs.append(seconds)
            print(f"{'cold build over the seeds':40} {seconds:6.2f} s  peak {peak:5.0f} MB")
        seeds_cold = min(seeds_runs)
        cold, cold_peak = run(snap, [*common, "-o", str(out), "-p", "2024-12"], work)
        print(f"{'cold -p 2024-12':40} {cold:6.2f} s  peak {cold_peak:5.0f} MB")
        rows: list[tuple[str, float]] = []
        # (label, file name, day added, its seed, period)
        steps = [
            ("same month, --force", "zz-new", "2024-12-15", 90000, "2024-12"),
            ("next month", "zz-next", "2025-01-10", 91000, "2025-01"),
        ]
        for label, name, day, seed, period in steps:
            for step in range(options.repeat):
                add_document(corpus, f"{name}-{step}.txt", day, seed + step)
                if label == "next month":  # as if the month had not been made yet
                    shutil.rmtree(out / period, ignore_errors=True)
                argv = [*common, "-o", str(out), "-p", period, "--force"]
                seconds, peak = run(snap, argv, work)
                rows.append((label, seconds))
                print(
                    f"{label:40} {seconds:6.2f} s  peak {peak:5.0f} MB  "
                    f"= {seconds / seeds_cold:.2f}x the cold seeds build"
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
        print(f"best cold build over the seeds: {seeds_cold:.2f} s")
        for label in ("same month, --force", "next month"):
            best = min(seconds for name, seconds in rows if name == label)
            print(
                f"best {label}: {best:.2f} s = {best / seeds_cold:.2f}x the cold seeds build "
                "(target <= 1.5x)"
            )


if __name__ == "__main__":
    main()
