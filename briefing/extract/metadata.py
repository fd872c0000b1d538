"""Header block, title, dates, publisher and addressee of a document's text.

STUB: owned by the metadata/structure work; the interface is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Metadata, RawDocument


@dataclass
class ParsedText:
    metadata: Metadata
    body: str  # the text with navigation, header block, title lines, addressee and signature removed
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_document_text(raw: RawDocument) -> ParsedText:
    """Split a reader's text into metadata and body. Never raises on any text."""
    lines = [ln.strip() for ln in raw.text.split("\n") if ln.strip()]
    title = raw.fields.get("title") or (lines[0] if lines else None)
    meta = Metadata(title=title, display_title=title or "", url=raw.fields.get("url"))
    return ParsedText(metadata=meta, body="\n".join(lines[1:]))
