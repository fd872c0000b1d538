"""Incremental monthly runs: a cold extraction that fills the cache vs a re-run after one new file.

    python benchmarks/incremental.py                 # 2,000 documents: times, ratio, memory
    python benchmarks/incremental.py --size 5000     # peak memory on 5,000 documents

Each measurement runs in a fresh process, so peak RSS (ru_maxrss) is the run's own. The corpus is
variants of the five seeds (dates spread over two years, figures and a line changed per copy, so
every file has its own hash and a realistic share of near-duplicate measures); the count of
documents, not megabytes, is what the cache cares about. As `briefing build` does, only the
documents the period (`--period`, default 2024-12) covers are unpacked from the cache; the others
are known by a row of its date column. `--period all` unpacks every document. Target: the re-run takes at most 10 % of the cold run. (Whole builds, with
imports, charts and rendering: `rerun_build.py`.)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(亿元|万元|家|项|人)")


def seed_variant(text: str, index: int, rng: random.Random) -> str:
    """A seed with its dates moved to one day in 2023-2024 and its figures changed."""
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    text = _ISO.sub(day.isoformat(), text)
    text = _CN.sub(f"{day.year}年{day.month}月{day.day}日", text)
    text = _FIGURE.sub(lambda m: f"{float(m[1]) * rng.uniform(0.5, 2):.1f}{m[2]}", text)
    return text + f"\n\n（第{index}号样本）\n"


def make_corpus(folder: Path, size: int, seed: int = 7) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(seed)
    for index in range(size):
        text = seed_variant(seeds[index % len(seeds)], index, rng)
        (folder / f"doc{index:05d}.txt").write_text(text, encoding="utf-8")


def measure(
    corpus: Path, output: Path, tool_version: str, lexicon: Path, period_key: str
) -> dict[str, float]:
    """One run as build() does it: open the state, extract through the cache, select, link
    near-duplicates among the covered documents, record."""
    from briefing import themes
    from briefing.extract.duplicates import link_duplicates
    from briefing.periods import parse_period
    from briefing.runs import RunState, extract_documents_cached
    from briefing.themes import Classifier, load_lexicon

    themes.default_lexicon_path = lambda: lexicon  # the snapshot, see main()
    started = time.perf_counter()
    classifier = Classifier(load_lexicon())
    period = parse_period(period_key)
    with RunState.open(output) as state:
        extraction = extract_documents_cached(
            [corpus], classifier, state, tool_version=tool_version
        )
        extracted = time.perf_counter()
        selection = state.select_documents(extraction.entries, period)
        link_duplicates(extraction.documents(selection.documents))
        state.record_issue(period, state.issue_number(period), selection, {})
    done = time.perf_counter()
    return {
        "documents": len(extraction.entries),
        "hits": extraction.stats.hits,
        "misses": extraction.stats.misses,
        "extract_s": round(extracted - started, 3),
        "select_record_s": round(done - extracted, 3),
        "total_s": round(done - started, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_child(
    corpus: Path, output: Path, tool_version: str, lexicon: Path, period: str
) -> dict[str, float]:
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            str(corpus),
            str(output),
            tool_version,
            str(lexicon),
            period,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument(
        "--period", default="2024-12", help="the run's period (all: every document unpacked)"
    )
    parser.add_argument("--measure", nargs=5, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        corpus, output, version, lexicon_file, period = options.measure
        print(json.dumps(measure(Path(corpus), Path(output), version, Path(lexicon_file), period)))
        return

    from briefing.runs import tool_fingerprint
    from briefing.themes import default_lexicon_path

    # Pinned for both runs: in a checkout others are editing, the extraction code or the default
    # lexicon may change between the runs, which (correctly) empties the cache.
    version = tool_fingerprint()

    with tempfile.TemporaryDirectory() as tmp:
        corpus, output = Path(tmp) / "corpus", Path(tmp) / "out"
        lexicon = Path(tmp) / "themes.toml"
        lexicon.write_bytes(default_lexicon_path().read_bytes())
        make_corpus(corpus, options.size)
        size_mb = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 2**20
        print(f"corpus: {options.size} documents (seed variants), {size_mb:.1f} MB")

        cold = run_child(corpus, output, version, lexicon, options.period)
        print("cold  ", json.dumps(cold))
        (corpus / "zz-new.txt").write_text(
            seed_variant(
                (SEEDS / "000_4bc94fbfc6990ecc.txt").read_text("utf-8"), 99999, random.Random(1)
            ),
            encoding="utf-8",
        )
        warm = run_child(corpus, output, version, lexicon, options.period)
        print("rerun ", json.dumps(warm))
        ratio = warm["total_s"] / cold["total_s"]
        print(
            f"re-run / cold = {ratio:.1%} (target <= 10%); "
            f"state.db {(output / '.briefing' / 'state.db').stat().st_size / 2**20:.1f} MB"
        )


if __name__ == "__main__":
    main()
