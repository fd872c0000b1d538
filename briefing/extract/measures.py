"""Policy measures: segmentation, status, stable ids, near-duplicate links.

STUB: owned by the measures/themes work; the interface is fixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.model import ExtractedDocument, Measure, Structure
from briefing.themes import Classifier


def extract_measures(
    sha256: str, structure: Structure, classifier: Classifier, doc_date: str | None = None
) -> list[Measure]:
    """Measures of one document, classified, in document order."""
    return []


def link_duplicates(documents: Sequence[ExtractedDocument]) -> None:
    """Set `duplicate_of` on measures that repeat an earlier one, within or across documents."""
    return None
