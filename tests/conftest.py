from __future__ import annotations

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
