from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.model import ExtractedDocument

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_documents() -> list[ExtractedDocument]:
    """The five seeds through the real extraction pipeline, once per test session."""
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    return extract_documents([SEEDS], Classifier(load_lexicon()))


def scaling_ratio(run: Callable[[int], object], small: int, factor: int = 10) -> float:
    """How much longer `run(small * factor)` takes than `run(small)`, best of five each.

    About `factor` for linear work and `factor`² for quadratic, however loaded the machine is
    (both sizes run interleaved in this process, timed in this process's CPU seconds, which other
    processes on a busy machine do not add to): speed itself is measured in benchmarks/, this
    only catches work that grows faster than its input.
    """
    sizes = (small, small * factor)
    best = [float("inf"), float("inf")]
    # five rounds, not three: on a loaded 2-core machine one of three rounds of the larger size was
    # sometimes slowed for its whole length (a themes run measured 41 against a limit of 40)
    for _ in range(5):
        for index, size in enumerate(sizes):
            started = time.process_time()
            run(size)
            best[index] = min(best[index], time.process_time() - started)
    return best[1] / max(best[0], 1e-4)
