"""Readers, one module per input format, in one registry keyed by file suffix.

A reader turns a file into one or more `RawDocument`s (a JSONL file holds many) or raises
`ReadError` with a Chinese reason; the caller turns that into a warning and goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.model import RawDocument
from briefing.readers import text

Reader = Callable[[Path, str], list[RawDocument]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
}


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_file(path: Path, source: str) -> list[RawDocument]:
    """Read `path` with the reader registered for its suffix. Raises ReadError."""
    from briefing.errors import ReadError

    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"不支持的文件类型 {path.suffix or '(无后缀)'}")
    return reader(path, source)
