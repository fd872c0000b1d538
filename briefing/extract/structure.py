"""Sections, paragraphs and sentences of a document body.

STUB: owned by the metadata/structure work; the interface is fixed.
"""

from __future__ import annotations

import re

from briefing.model import Paragraph, Sentence, Structure

_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def parse_structure(body: str) -> Structure:
    """Parse headings, paragraphs and sentences. Never raises on any text."""
    structure = Structure()
    sentence_index = 0
    for p_index, line in enumerate(ln.strip() for ln in body.split("\n") if ln.strip()):
        structure.paragraphs.append(Paragraph(text=line, section=(), index=p_index))
        for part in _SENTENCE_END.split(line):
            part = part.strip()
            if part:
                structure.sentences.append(
                    Sentence(text=part, section=(), paragraph=p_index, index=sentence_index)
                )
                sentence_index += 1
    return structure
