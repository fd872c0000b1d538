"""Documents as JSON: `.jsonl` (one object per line) and `.json` (one object or an array).

Each object is `{"title", "text", metadata fields..., "url"}`; `content` or `body` may stand for
`text` (a list of paragraph strings is accepted too), a nested `metadata` object is merged, the
header labels in Chinese (`索引号`, `发文字号`, …) are accepted as keys, and unknown keys are
ignored. A bad line or element does not cost its siblings: it becomes a document with empty text
and a warning (`common.failed_document`), which the pipeline reports instead of extracting.

Reading is bounded (`limits`): a JSONL line over MAX_JSONL_LINE_BYTES is skipped without being
held in memory, a JSONL file is read up to MAX_JSONL_BYTES (the lines after it are reported as
not read), a .json file over MAX_JSON_BYTES is refused, at most MAX_JSON_RECORDS records of a
file are read (the rest reported as not read), and a document's text is cut after MAX_PARAGRAPHS
paragraphs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import limits
from briefing.readers.common import (
    cap_paragraphs,
    clean_text,
    decode_bytes,
    failed_document,
    open_regular,
    os_error,
    read_bytes,
    sha256_hex,
)

_CHUNK = 1024 * 1024

_WRAPPER_KEYS = frozenset(("documents", "docs", "items", "data", "records", "results", "articles"))
_TEXT_KEYS = ("text", "content", "body", "正文", "内容")
_FIELD_KEYS: dict[str, str] = {
    "title": "title",
    "标题": "title",
    "published_date": "published_date",
    "publish_date": "published_date",
    "pub_date": "published_date",
    "pubdate": "published_date",
    "date": "published_date",
    "发布日期": "published_date",
    "written_date": "written_date",
    "成文日期": "written_date",
    "publisher": "publisher",
    "发布机构": "publisher",
    "doc_no": "doc_no",
    "发文字号": "doc_no",
    "index_no": "index_no",
    "索引号": "index_no",
    "topic": "topic",
    "主题分类": "topic",
    "genre": "genre",
    "体裁分类": "genre",
    "addressee": "addressee",
    "主送": "addressee",
    "url": "url",
    "link": "url",
}


def read_jsonl(path: Path, source: str) -> list[RawDocument]:
    documents: list[RawDocument] = []
    blank = True
    read = 0
    try:
        with open_regular(path) as fh:
            number = 0
            while True:
                number += 1
                if read >= limits.MAX_JSONL_BYTES:
                    if fh.read(1):
                        documents.append(_unread_rest(source, number))
                    break
                line = fh.readline(limits.MAX_JSONL_LINE_BYTES + 1)
                if not line:
                    break
                read += len(line)
                if len(line) > limits.MAX_JSONL_LINE_BYTES and not line.endswith(b"\n"):
                    blank = False
                    size, sha = _skip_line(fh, line)
                    read += size - len(line)
                    documents.append(_long_line(source, number, size, sha))
                    continue
                line = line.rstrip(b"\r\n")
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                blank = False
                if len(documents) >= limits.MAX_JSON_RECORDS:
                    documents.append(_unread_records(source, number, "行"))
                    break
                documents.append(_from_line(line, f"{source}#{number}", number))
    except OSError as exc:
        raise os_error(exc) from exc
    if blank:
        raise ReadError("文件为空")
    return documents


def _skip_line(fh: IO[bytes], start: bytes) -> tuple[int, str]:
    """Read past the rest of an over-long line without keeping it: its size and hash (the
    file limit still bounds how far)."""
    digest = hashlib.sha256(start)
    size = len(start)
    while size < limits.MAX_JSONL_BYTES:
        chunk = fh.readline(_CHUNK)
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return size, digest.hexdigest()


def _long_line(source: str, number: int, size: int, sha: str) -> RawDocument:
    limit = limits.size_text(limits.MAX_JSONL_LINE_BYTES)
    return failed_document(
        f"{source}#{number}",
        "jsonl",
        sha,
        f"第 {number} 行长度超过 {limit} 上限（至少 {limits.size_text(size)}），未读取",
    )


def _unread_records(source: str, number: int, unit: str) -> RawDocument:
    limit = limits.chars_text(limits.MAX_JSON_RECORDS, "条")
    return failed_document(
        f"{source}#{number}",
        "jsonl",
        sha256_hex(b""),
        f"记录超过 {limit}上限，第 {number} {unit}起未读取",
    )


def _unread_rest(source: str, number: int) -> RawDocument:
    limit = limits.size_text(limits.MAX_JSONL_BYTES)
    return failed_document(
        f"{source}#{number}",
        "jsonl",
        sha256_hex(b""),
        f"文件超过 {limit} 上限，第 {number} 行起未读取",
    )


def _from_line(line: bytes, source: str, number: int) -> RawDocument:
    sha = sha256_hex(line)
    try:
        decoded = decode_bytes(line)
        obj = json.loads(decoded.text)
    except ReadError as exc:
        return failed_document(source, "jsonl", sha, f"第 {number} 行：{exc}")
    except (ValueError, RecursionError) as exc:
        return failed_document(
            source, "jsonl", sha, f"第 {number} 行不是有效的 JSON（{_brief(exc)}）"
        )
    doc = _from_object(obj, source, sha, f"第 {number} 行")
    doc.warnings.extend(f"{source}: {w}" for w in decoded.warnings)
    return doc


def json_values(data: bytes) -> int:
    """At least the number of values `json.loads(data)` would build, counted before parsing: the
    parsed tree costs memory per value, not per byte (limits.MAX_JSON_VALUES)."""
    # Every value in an array or object but the first is preceded by a comma, and `[`/`{` open
    # the containers (commas inside strings only make it larger). Counted in C, 30 ms for 64 MB.
    return data.count(b",") + data.count(b"[") + data.count(b"{")


def read_json(path: Path, source: str) -> list[RawDocument]:
    raw = read_bytes(path, limit=limits.MAX_JSON_BYTES)
    if raw.truncated:
        raise ReadError(
            f"JSON 文件超过 {limits.size_text(limits.MAX_JSON_BYTES)} 上限，未读取；"
            "请改用 JSONL（每行一个文档）"
        )
    if not raw.data.strip():
        raise ReadError("文件为空")
    values = json_values(raw.data)
    if values > limits.MAX_JSON_VALUES:
        limit = limits.chars_text(limits.MAX_JSON_VALUES, "个")
        raise ReadError(
            f"JSON 文件中的值过多（约 {values} 个，超过 {limit}上限），未读取；"
            "请改用 JSONL（每行一个文档）"
        )
    decoded = decode_bytes(raw.data)
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{_json_reason(exc)}）"
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise ReadError(f"不是有效的 JSON（{_brief(exc)}）") from exc
    if isinstance(data, dict) and not _text_of(data):
        # An export wrapping the array: {"documents": [...]} / {"data": [...]} …
        wrapped = [v for k, v in data.items() if k in _WRAPPER_KEYS and isinstance(v, list)]
        if len(wrapped) == 1:
            data = wrapped[0]
    if isinstance(data, dict):
        doc = _from_object(data, source, raw.sha256, "文件")
        doc.warnings.extend(f"{source}: {w}" for w in decoded.warnings)
        return [doc]
    if not isinstance(data, list):
        raise ReadError("JSON 文件应当是一个文档对象或文档对象的数组")
    if not data:
        raise ReadError("文件为空（空数组）")
    documents = list(_from_array(data, source))
    for doc in documents[:1]:
        doc.warnings.extend(f"{source}: {w}" for w in decoded.warnings)
    return documents


def _from_array(items: list[Any], source: str) -> Iterator[RawDocument]:
    for index, item in enumerate(items, start=1):
        if index > limits.MAX_JSON_RECORDS:
            yield _unread_records(source, index, "项")
            return
        content = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8", "replace")
        yield _from_object(item, f"{source}#{index}", sha256_hex(content), f"第 {index} 项")


def _from_object(obj: Any, source: str, sha: str, where: str) -> RawDocument:
    if not isinstance(obj, dict):
        return failed_document(source, "jsonl", sha, f"{where}不是 JSON 对象")
    text = _text_of(obj)
    if not text.strip():
        return failed_document(
            source, "jsonl", sha, f"{where}没有正文（缺少 text/content/body 字段）"
        )
    text, cut = cap_paragraphs(text, source)
    fields: dict[str, str] = {}
    nested = obj.get("metadata")
    for mapping in (nested if isinstance(nested, dict) else {}, obj):
        for key, value in mapping.items():
            name = _FIELD_KEYS.get(str(key).strip().lower())
            value_text = _scalar(value)
            if name and value_text:
                fields[name] = value_text
    return RawDocument(
        source=source, format="jsonl", sha256=sha, text=text, fields=fields, warnings=cut
    )


def _text_of(obj: dict[Any, Any]) -> str:
    for key in _TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return clean_text("\n".join(value))
    return ""


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = clean_text(str(value)).strip()
        return text or None
    return None


_JSON_REASONS = (
    ("Expecting property name", "属性名应加双引号"),
    ("Expecting value", "缺少值"),
    ("Unterminated string", "字符串没有结束"),
    ("Extra data", "后面有多余内容"),
    ("Expecting ','", "缺少逗号"),
    ("Expecting ':'", "缺少冒号"),
    ("Invalid control character", "字符串中有控制字符"),
    ("Invalid \\escape", "无效的转义"),
)


def _json_reason(exc: json.JSONDecodeError) -> str:
    """The json module's English message, in the user's language."""
    for english, chinese in _JSON_REASONS:
        if exc.msg.startswith(english):
            return chinese
    return "格式错误"


def _brief(exc: Exception) -> str:
    """A short Chinese reason; the json module's own messages are English."""
    if isinstance(exc, json.JSONDecodeError):
        return f"第 {exc.colno} 列：{_json_reason(exc)}"
    if isinstance(exc, RecursionError):
        return "嵌套过深"
    if "digits" in str(exc):  # int() refuses numbers of over 4300 digits
        return "数字位数过多"
    return "格式错误"
