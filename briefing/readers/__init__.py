"""Readers, one module per input format, in one registry keyed by file suffix.

A reader turns a file into one or more `RawDocument`s (a JSONL file holds many) or raises
`ReadError` with a Chinese reason; the caller turns that into a warning and goes on. A document
with empty `text` and a warning is one that failed inside a multi-document file (a bad JSONL
line): report it, do not extract it. A reader module is imported when a file of its format is
first read, and imports its parsing library lazily too, so importing this package (`briefing
--help`, a build served from the cache) stays fast, and a missing library is a ReadError naming
what to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.errors import ReadError
from briefing.model import RawDocument

Reader = Callable[[Path, str], list[RawDocument]]


def _on_first_use(module: str, function: str) -> Reader:
    """`briefing.readers.<module>.<function>`, imported when first called."""

    def read(path: Path, source: str) -> list[RawDocument]:
        reader: Reader = getattr(importlib.import_module(f"briefing.readers.{module}"), function)
        return reader(path, source)

    return read


def _legacy_office(path: Path, source: str) -> list[RawDocument]:
    """Registered so a folder of .doc/.wps files is reported instead of silently skipped."""
    raise ReadError(f"不支持旧版 {path.suffix.lower()} 格式，请在 Word 或 WPS 中另存为 .docx")


_TEXT = _on_first_use("text", "read")
_HTML = _on_first_use("html_page", "read")
_JSONL = _on_first_use("json_docs", "read_jsonl")

READERS: dict[str, Reader] = {
    ".txt": _TEXT,
    ".md": _TEXT,
    ".html": _HTML,
    ".htm": _HTML,
    ".shtml": _HTML,
    ".xhtml": _HTML,
    ".docx": _on_first_use("docx_file", "read"),
    ".doc": _legacy_office,
    ".wps": _legacy_office,
    ".pdf": _on_first_use("pdf_file", "read"),
    ".jsonl": _JSONL,
    ".ndjson": _JSONL,
    ".json": _on_first_use("json_docs", "read_json"),
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
    return [_bounded_fields(doc) for doc in reader(path, source)]


# the contract's metadata names as a user reads them (the HTML and JSON readers' fields)
FIELD_NAMES = {
    "title": "标题",
    "published_date": "发布日期",
    "written_date": "成文日期",
    "publisher": "发布机构",
    "doc_no": "发文字号",
    "index_no": "索引号",
    "topic": "主题分类",
    "genre": "体裁分类",
    "addressee": "主送",
    "url": "网址",
}


def _bounded_fields(doc: RawDocument) -> RawDocument:
    """`doc` without the header fields longer than `limits.MAX_FIELD_CHARS`, each dropped with
    a warning naming the file (see the limit for why). A URL is kept: a long query string is
    common, and it is only recorded in `extract`'s output, never printed in the briefing."""
    from briefing.readers import limits

    limit = limits.MAX_FIELD_CHARS
    long = [name for name, value in doc.fields.items() if len(value) > limit and name != "url"]
    if not long:
        return doc
    warnings = [
        f"{doc.source}: {FIELD_NAMES.get(name, name)}字段有 {len(doc.fields[name])} 字，"
        f"超过 {limit} 字上限，未采用"
        for name in long
    ]
    fields = {name: value for name, value in doc.fields.items() if name not in long}
    return replace(doc, fields=fields, warnings=[*doc.warnings, *warnings])
