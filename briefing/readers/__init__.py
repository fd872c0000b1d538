"""Readers, one module per input format, in one registry keyed by file suffix.

A reader turns a file into one or more `RawDocument`s (a JSONL file holds many) or raises
`ReadError` with a Chinese reason; the caller turns that into a warning and goes on. A document
with empty `text` and a warning is one that failed inside a multi-document file (a bad JSONL
line): report it, do not extract it. Readers import their parsing library lazily, so importing
this package (and `briefing --help`) stays fast, and a missing library is a ReadError naming
what to install.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import docx_file, html_page, json_docs, pdf_file, text

Reader = Callable[[Path, str], list[RawDocument]]


def _legacy_office(path: Path, source: str) -> list[RawDocument]:
    """Registered so a folder of .doc/.wps files is reported instead of silently skipped."""
    raise ReadError(f"不支持旧版 {path.suffix.lower()} 格式，请在 Word 或 WPS 中另存为 .docx")


READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".html": html_page.read,
    ".htm": html_page.read,
    ".shtml": html_page.read,
    ".xhtml": html_page.read,
    ".docx": docx_file.read,
    ".doc": _legacy_office,
    ".wps": _legacy_office,
    ".pdf": pdf_file.read,
    ".jsonl": json_docs.read_jsonl,
    ".ndjson": json_docs.read_jsonl,
    ".json": json_docs.read_json,
}

# The `format` value of the extract contract for each suffix (also for files that fail to read).
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".doc": "docx",
    ".wps": "docx",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def format_for(path: Path) -> str:
    """The contract's `format` for a file, from its suffix ("text" for anything unknown)."""
    return FORMATS.get(path.suffix.lower(), "text")


def read_file(path: Path, source: str) -> list[RawDocument]:
    """Read `path` with the reader registered for its suffix. Raises ReadError."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"不支持的文件类型 {path.suffix or '(无后缀)'}")
    return reader(path, source)
