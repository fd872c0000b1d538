"""Plain-text web-page dumps (.txt, .md)."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers.common import (
    MAX_TEXT_BYTES,
    clean_text,
    cut_at_line_end,
    decode_bytes,
    read_bytes,
    truncation_warning,
)


def read(path: Path, source: str) -> list[RawDocument]:
    """Read a text dump in any common encoding; files over MAX_TEXT_BYTES are read in part."""
    raw = read_bytes(path, limit=MAX_TEXT_BYTES)
    data = cut_at_line_end(raw.data) if raw.truncated else raw.data
    raw.data = b""  # the uncut copy is not needed; memory stays ~2x the limit
    if not data.strip():
        raise ReadError("文件为空")
    decoded = decode_bytes(data)
    text = clean_text(decoded.text)
    if not text.strip():
        raise ReadError("文件为空")
    warnings = [f"{source}: {w}" for w in decoded.warnings]
    if raw.truncated:
        warnings.append(truncation_warning(source, raw.size, len(data)))
    return [
        RawDocument(source=source, format="text", sha256=raw.sha256, text=text, warnings=warnings)
    ]
