"""Plain-text web-page dumps (.txt, .md).

Markdown (.md, as web scrapers write it) loses its markup but keeps its lines: `# 标题` becomes
`标题`, `**加粗**` and `[文字](链接)` their text, list bullets, quote marks, rules and table
separator rows go; table rows stay as `a | b` lines (a header variant the text parser knows).
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import limits
from briefing.readers.common import (
    cap_paragraphs,
    clean_text,
    cut_at_line_end,
    decode_bytes,
    read_bytes,
    truncation_warning,
)


def read(path: Path, source: str) -> list[RawDocument]:
    """Read a text dump in any common encoding; files over MAX_TEXT_BYTES or MAX_PARAGRAPHS
    are read in part."""
    raw = read_bytes(path, limit=limits.MAX_TEXT_BYTES)
    data = cut_at_line_end(raw.data) if raw.truncated else raw.data
    raw.data = b""  # the uncut copy is not needed; memory stays ~2x the limit
    if not data.strip():
        raise ReadError("文件为空")
    decoded = decode_bytes(data)
    text = clean_text(decoded.text)
    if path.suffix.lower() == ".md":
        text = markdown_to_text(text)
    if not text.strip():
        raise ReadError("文件为空")
    warnings = [f"{source}: {w}" for w in decoded.warnings]
    if raw.truncated:
        warnings.append(truncation_warning(source, raw.size, len(data)))
    text, cut = cap_paragraphs(text, source)
    warnings += cut
    return [
        RawDocument(source=source, format="text", sha256=raw.sha256, text=text, warnings=warnings)
    ]


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), ""),  # horizontal rule
    (
        re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M),
        "",
    ),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),  # ATX heading
    (re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M), ""),  # block quote
    (re.compile(r"^[ \t]*[-*+][ \t]+", re.M), ""),  # bullet
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),  # image
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # link
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # backslash escapes
)


def markdown_to_text(text: str) -> str:
    """Strip Markdown markup, keeping one paragraph or heading per line."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text
