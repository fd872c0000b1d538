"""Read + parse throughput and peak memory over generated corpora, on one core.

    python benchmarks/read_throughput.py                    # 10 MB and 50 MB corpora
    python benchmarks/read_throughput.py --sizes 10 50 200  # any sizes

For each size a corpus is generated under benchmarks/_corpus/<size>mb (make_corpus.py, reused
when it is already there) and measured in a fresh subprocess, so the peak RSS of one size does not
leak into the next. Each file goes through `read_file` -> `parse_document_text` -> `parse_structure`
and is then dropped, as the pipeline's stages do per document; the output shows throughput in MB/s
of input bytes, the peak RSS of the worker process, and the peak of Python allocations traced
over a second pass. Memory that stays flat from the small corpus to the large one is the point.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# this checkout's briefing, not an installed one (from a worktree it would time main's)
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_corpus import MANIFEST, make_corpus  # noqa: E402


def corpus_files(folder: Path) -> list[Path]:
    lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    return [folder / line for line in lines if line]


def measure(folder: Path) -> dict[str, Any]:
    """One pass untraced (time), one pass with tracemalloc (Python allocation peak)."""
    from briefing.errors import ReadError
    from briefing.extract.metadata import parse_document_text
    from briefing.extract.structure import parse_structure
    from briefing.readers import read_file

    files = corpus_files(folder)
    size = sum(p.stat().st_size for p in files)

    def one_pass() -> tuple[int, int, int, float, float]:
        docs = failed = paragraphs = 0
        read_seconds = parse_seconds = 0.0
        for path in files:
            start = time.perf_counter()
            try:
                raws = read_file(path, path.name)
            except ReadError:
                failed += 1
                continue
            middle = time.perf_counter()
            for raw in raws:
                structure = parse_structure(parse_document_text(raw).body)
                paragraphs += len(structure.paragraphs)
                docs += 1
            read_seconds += middle - start
            parse_seconds += time.perf_counter() - middle
        return docs, failed, paragraphs, read_seconds, parse_seconds

    docs, failed, paragraphs, read_s, parse_s = one_pass()
    tracemalloc.start()
    one_pass()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    mb = size / 1048576
    return {
        "files": len(files),
        "documents": docs,
        "failed": failed,
        "paragraphs": paragraphs,
        "mb": round(mb, 1),
        "read_mb_s": round(mb / read_s, 1),
        "read_parse_mb_s": round(mb / (read_s + parse_s), 1),
        "seconds": round(read_s + parse_s, 1),
        "peak_rss_mb": round(rss_kb / 1024, 1),
        "traced_peak_mb": round(traced_peak / 1048576, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50], help="corpus sizes in MB")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus-root", type=Path, default=HERE / "_corpus")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(measure(args.worker)))
        return 0
    results = []
    for size in args.sizes:
        folder = args.corpus_root / f"{size}mb"
        if not (folder / MANIFEST).exists():
            print(f"generating {folder} ...", file=sys.stderr)
            make_corpus(folder, size, args.seed)
        out = subprocess.run(
            [sys.executable, __file__, "--worker", str(folder)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
    header = (
        f"{'corpus MB':>9} {'files':>6} {'docs':>6} {'failed':>6} {'read MB/s':>9} "
        f"{'read+parse MB/s':>15} {'seconds':>7} {'peak RSS MB':>11} {'traced peak MB':>14}"
    )
    print(header)
    for r in results:
        print(
            f"{r['mb']:>9} {r['files']:>6} {r['documents']:>6} {r['failed']:>6} {r['read_mb_s']:>9} "
            f"{r['read_parse_mb_s']:>15} {r['seconds']:>7} {r['peak_rss_mb']:>11} "
            f"{r['traced_peak_mb']:>14}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
