"""Figures in the text: value, unit, kind, year, qualifier, metric, scope.

STUB: owned by the indicators work; the interface is fixed.
"""

from __future__ import annotations

from briefing.model import Indicator, Structure


def extract_indicators(
    sha256: str, structure: Structure, doc_date: str | None = None
) -> list[Indicator]:
    """Indicators of one document, in document order. `measure_id` is set later by the pipeline."""
    return []
