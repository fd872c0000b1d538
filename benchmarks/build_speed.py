"""`briefing build` speed: cold start on the seeds, --help, and a 2,000-document corpus.

    python benchmarks/build_speed.py [--docs 2000] [--repeat 3]

Every figure is a fresh subprocess (cold imports, as a user or cron sees it, with the package
byte-compiled as `pip install` leaves it), and the baseline —
a bare `import pandas, matplotlib.pyplot, docx` — is measured in the same run, so the ratios hold
on a loaded machine. Targets: a cold build on the seeds at most 2x the bare import (issue
"Straighten build"); the 2,000-document build under 60 s and under 1 GB peak memory.
`briefing --help` is shown for reference: it is why each command imports its work when it runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one command, measured by a fresh wrapper process."""
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *argv], cwd=cwd, check=True, capture_output=True, text=True
    )
    seconds, rss_kb = done.stdout.split()
    return float(seconds), int(rss_kb) / 1024


def best(argv: list[str], cwd: Path, repeat: int, setup: object = None) -> float:
    times = []
    for _ in range(repeat):
        if callable(setup):
            setup()
        times.append(run(argv, cwd)[0])
    return statistics.median(times)


def corpus(docs: int) -> Path:
    from make_corpus import make_corpus

    folder = ROOT / "benchmarks" / "_corpus" / f"build-{docs}"
    marker = folder / f".{docs}-docs"
    if marker.exists():
        return folder / "docs"
    source = ROOT / "benchmarks" / "_corpus" / f"build-{docs}-raw"
    paths = make_corpus(source, size_mb=max(1, docs * 12 // 1024 + 2), seed=7)
    target = folder / "docs"
    shutil.rmtree(folder, ignore_errors=True)
    target.mkdir(parents=True)
    for i, path in enumerate(sorted(paths)[:docs]):
        shutil.copy(path, target / f"{i:05d}{path.suffix}")
    marker.touch()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    py = sys.executable
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    out = work / "out"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)

    # pip byte-compiles an installed package, and the baseline's libraries are compiled too; a
    # checkout run with PYTHONDONTWRITEBYTECODE would compile ours from source on every start.
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "briefing")], check=True)
    baseline = best([py, "-c", "import pandas, matplotlib.pyplot, docx"], ROOT, args.repeat)
    helptime = best([py, "-m", "briefing", "--help"], ROOT, args.repeat)
    cold = best([py, "-m", "briefing", "build", "-o", str(out), "-q"], ROOT, args.repeat, clean)
    print(f"bare import of pandas+matplotlib+docx: {baseline:.2f} s (baseline)")
    print(
        f"briefing --help:                       {helptime:.2f} s = {helptime / baseline:.2f}x baseline"
    )
    print(
        f"cold briefing build on the seeds:      {cold:.2f} s = {cold / baseline:.2f}x baseline (target <= 2x)"
    )

    folder = corpus(args.docs)
    clean()
    seconds, peak = run(
        [py, "-m", "briefing", "build", "-i", str(folder), "-o", str(out), "-q"], ROOT
    )
    print(
        f"build over {args.docs} documents:          {seconds:.1f} s (target < 60 s), "
        f"peak RSS {peak:.0f} MB (target < 1024 MB)"
    )
    clean()
    jobs = max(2, min(4, os.cpu_count() or 1))
    seconds, peak = run(
        [py, "-m", "briefing", "build", "-i", str(folder), "-o", str(out), "-q", "-j", str(jobs)],
        ROOT,
    )
    print(f"  the same with --jobs {jobs}:             {seconds:.1f} s, peak RSS {peak:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
