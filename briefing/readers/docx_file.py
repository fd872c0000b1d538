"""Word documents (.docx) through python-docx: paragraphs and table rows, in document order.

A table row whose cells are one short line each becomes one line, cells joined by a space (a
header table reads like `[ 索引号 ] … [ 发文字号 ] …`); cells holding paragraphs or nested tables
give their lines one by one. Word's automatic list numbers ("一、" drawn from numbering.xml) are
put back in front of their paragraphs (`docx_numbering`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers.common import clean_text, read_bytes
from briefing.readers.docx_numbering import Numbering

_SNIFF_BYTES = 4096
CORRUPT = "DOCX 文件已损坏或不完整"
# A DOCX whose XML inflates beyond this is refused rather than parsed (zip bombs, giant dumps).
MAX_XML_BYTES = 256 * 1024 * 1024

_WS = re.compile(r"[ \t\u00a0\u3000]+")
_CJK = "\u3000-\u9fff\uff00-\uffef"
# Core-property titles Word and WPS fill in by themselves.
_BOILERPLATE_TITLE = re.compile(r"^(microsoft word\s*-|title$|标题$|文档\d*$|document\d*$)", re.I)


def read(path: Path, source: str) -> list[RawDocument]:
    try:
        import docx
    except ImportError as exc:
        raise ReadError("读取 DOCX 需要 python-docx，请运行 pip install python-docx") from exc
    raw = read_bytes(path, limit=_SNIFF_BYTES)  # the parser reads the file itself; hash all of it
    if not raw.truncated and not raw.data.strip():
        raise ReadError("文件为空")
    if raw.data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError("这是旧版 Word（.doc/.wps）文件，请在 Word 或 WPS 中另存为 .docx")
    _check_zip(path)
    try:
        document = docx.Document(str(path))
        lines = list(_block_lines(document, Numbering(document)))
        core_title = (document.core_properties.title or "").strip()
    except Exception as exc:  # python-docx on untrusted bytes fails in many ways; all mean corrupt
        raise ReadError(CORRUPT) from exc
    text = clean_text("\n".join(lines))
    if not text.strip():
        raise ReadError("DOCX 文件中没有文字")
    fields: dict[str, str] = {}
    title = _confirmed_title(core_title, lines)
    if title:
        fields["title"] = title
    return [RawDocument(source=source, format="docx", sha256=raw.sha256, text=text, fields=fields)]


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise ReadError(CORRUPT)
            inflated = sum(i.file_size for i in archive.infolist() if i.filename.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(CORRUPT) from exc
    if inflated > MAX_XML_BYTES:
        raise ReadError(f"DOCX 文件解压后超过 {MAX_XML_BYTES // 1048576} MB，未读取")


def _confirmed_title(core_title: str, lines: list[str]) -> str | None:
    """The core-properties title, only when the document's opening lines print it too.

    Staff copy old files as templates, so the property often names an earlier document.
    """
    title = _WS.sub(" ", core_title).strip()
    if not title or _BOILERPLATE_TITLE.match(title) or not re.search(f"[{_CJK}]", title):
        return None
    squeezed = re.sub(r"\s+", "", title)
    opening = re.sub(r"\s+", "", "".join(lines[:12]))
    return title if squeezed in opening else None


def _block_lines(container: Any, numbering: Numbering) -> Iterator[str]:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block, numbering)
        else:
            yield from _paragraph_lines(block, numbering)


def _paragraph_lines(paragraph: Any, numbering: Numbering) -> Iterator[str]:
    text = str(paragraph.text)
    if text.strip():
        text = numbering.label(paragraph) + text.lstrip()
    for line in text.split("\n"):
        line = _WS.sub(" ", line).strip()
        if line:
            yield line


def _table_lines(table: Any, numbering: Numbering) -> Iterator[str]:
    for row in table.rows:
        cells: list[Any] = []
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if not cells or cell._tc is not cells[-1]._tc:
                cells.append(cell)
        contents = [list(_block_lines(cell, numbering)) for cell in cells]
        if all(len(lines) <= 1 for lines in contents):
            line = " ".join(lines[0] for lines in contents if lines)
            if line:
                yield line
        else:
            for lines in contents:
                yield from lines
