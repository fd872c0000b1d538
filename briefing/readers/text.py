"""Plain-text web-page dumps (.txt, .md)."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers.common import decode_bytes, normalize_newlines, sha256_hex, strip_invalid_xml


def read(path: Path, source: str) -> list[RawDocument]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc}") from exc
    if not data.strip():
        raise ReadError("文件为空")
    try:
        text = decode_bytes(data)
    except UnicodeDecodeError as exc:
        raise ReadError("无法识别文件编码") from exc
    text = strip_invalid_xml(normalize_newlines(text))
    return [RawDocument(source=source, format="text", sha256=sha256_hex(data), text=text)]
