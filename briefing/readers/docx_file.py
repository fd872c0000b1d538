"""Word documents (.docx): paragraphs and table rows, in document order.

A table row whose cells are one short line each becomes one line, cells joined by a space (a
header table reads like `[ 索引号 ] … [ 发文字号 ] …`); cells holding paragraphs or nested tables
give their lines one by one. Word's automatic list numbers ("一、" drawn from numbering.xml) are
put back in front of their paragraphs (`docx_numbering`).

The file is untrusted, so the work is bounded (`limits`). Only the parts the text needs are
inflated: the relationship parts, styles.xml, numbering.xml and core.xml, each refused past
MAX_XML_BYTES; images and other media never are. word/document.xml is parsed as a stream, one
top-level paragraph or table row at a time, each dropped once its lines are taken, so memory does
not grow with the document; reading stops, keeping what was read and saying so, at MAX_XML_BYTES of
XML, MAX_PARAGRAPHS paragraphs or MAX_TEXT_CHARS characters. A paragraph's text is what
python-docx's `Paragraph.text` gives (runs and hyperlinks directly in it, tabs, line breaks),
read straight from the XML: python-docx objects per paragraph cost milliseconds each; hidden
text (`w:vanish`, on a run or through its styles), which Word neither shows nor prints, is left
out.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import limits
from briefing.readers.common import clean_text, hashed_file
from briefing.readers.docx_numbering import Numbering
from briefing.readers.limits import size_text
from briefing.ziputil import ZipLimitError, iter_entry

_SNIFF_BYTES = 4096
CORRUPT = "DOCX 文件已损坏或不完整"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_BODY, _DOCUMENT = f"{_W}body", f"{_W}document"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_R, _HYPERLINK, _T, _BR = f"{_W}r", f"{_W}hyperlink", f"{_W}t", f"{_W}br"
_VAL, _TYPE = f"{_W}val", f"{_W}type"
# Run content other than w:t and w:br, as python-docx renders it.
_RUN_CHARS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}

_WS = re.compile(r"[ \t\u00a0\u3000]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CJK = "\u3000-\u9fff\uff00-\uffef"
# Core-property titles Word and WPS fill in by themselves.
_BOILERPLATE_TITLE = re.compile(r"^(microsoft word\s*-|title$|标题$|文档\d*$|document\d*$)", re.I)


def read(path: Path, source: str) -> list[RawDocument]:
    try:
        from lxml import etree
    except ImportError as exc:
        raise ReadError("读取 DOCX 需要 lxml，请运行 pip install lxml") from exc
    # one open for the hash and the zip, checked to hold the same bytes after (`hashed_file`)
    with hashed_file(path, _SNIFF_BYTES) as (raw, handle):
        if not raw.truncated and not raw.data.strip():
            raise ReadError("文件为空")
        if raw.data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError("这是旧版 Word（.doc/.wps）文件，请在 Word 或 WPS 中另存为 .docx")
        try:
            with zipfile.ZipFile(handle) as archive:
                package = _Package(archive)
                main = package.main_document()
                styles = package.related_xml(main, "styles")
                numbering = Numbering(package.related_xml(main, "numbering"), styles)
                core_title = package.core_title()
                body = _Body(numbering, source, HiddenStyles(styles))
                body.read(package, main)
        except ReadError:
            raise
        except ZipLimitError as exc:
            raise ReadError(_limit_reason(exc)) from exc
        except etree.XMLSyntaxError as exc:
            if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
                raise ReadError(f"DOCX 中的 XML {_xml_limit()}，未读取") from exc
            raise ReadError(CORRUPT) from exc
        except Exception as exc:  # zipfile/zlib/lxml on untrusted bytes fail in many ways
            raise ReadError(CORRUPT) from exc
    text = clean_text("\n".join(body.lines))
    if not text.strip():
        if body.warnings:  # cut before any text: the limit is the reason, not an empty file
            raise ReadError(body.warnings[0].removeprefix(f"{source}: "))
        raise ReadError("DOCX 文件中没有文字")
    fields: dict[str, str] = {}
    title = _confirmed_title(core_title, body.lines)
    if title:
        fields["title"] = title
    return [
        RawDocument(
            source=source,
            format="docx",
            sha256=raw.sha256,
            text=text,
            fields=fields,
            warnings=body.warnings,
        )
    ]


def _xml_limit() -> str:
    return f"超出解析器上限（嵌套超过 {limits.MAX_XML_DEPTH} 层，或单段文字过长）"


def _limit_reason(exc: ZipLimitError) -> str:
    if exc.limit < limits.MAX_XML_BYTES:  # the budget for all parts ran out, not this part's
        return f"DOCX 各部分解压后合计超过 {size_text(limits.MAX_ZIP_INFLATED_BYTES)} 上限，未读取"
    name = _CONTROL.sub("?", exc.name)  # a name from the zip: anything, line breaks included
    return f"DOCX 中的 {name} 解压后超过 {size_text(exc.limit)} 上限，未读取"


class _Package:
    """The parts of an open DOCX zip, inflated only on request and within the limits."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        from lxml import etree

        entries = archive.infolist()
        if len(entries) > limits.MAX_ZIP_ENTRIES:
            raise ReadError(
                f"DOCX 中有 {len(entries)} 个条目，超过 {limits.MAX_ZIP_ENTRIES} 个上限，未读取"
            )
        self.archive = archive
        self.names = {info.filename for info in entries}
        # Part names are unique, ignoring case (OPC). Of two entries of one name zipfile (and
        # LibreOffice) takes the last and another reader may take the first: a file could show
        # one text to its reader and give another to the briefing.
        if len({name.casefold() for name in self.names}) != len(entries):
            raise ReadError(f"{CORRUPT}（压缩包中有重名的部分）")
        self.budget = limits.MAX_ZIP_INFLATED_BYTES
        self.rels: dict[str, list[tuple[str, str]]] = {}
        self.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, remove_blank_text=True, huge_tree=False
        )

    def chunks(self, name: str, partial: bool = False) -> Iterator[bytes]:
        """The part `name` inflated, chunk by chunk, counted against the package budget;
        `partial`: a part declared over the limit is read up to it (the caller cuts it)."""
        info = self.archive.getinfo(name)
        limit = min(limits.MAX_XML_BYTES, self.budget)
        for chunk in iter_entry(self.archive, info, limit, partial=partial):
            self.budget -= len(chunk)
            yield chunk

    def xml(self, name: str) -> Any:
        from lxml import etree

        return etree.fromstring(b"".join(self.chunks(name)), self.parser)

    def relationships(self, part: str) -> list[tuple[str, str]]:
        """(type, target part name) of each internal relationship of `part` ("" = package)."""
        if part not in self.rels:
            self.rels[part] = self._read_relationships(part)
        return self.rels[part]

    def _read_relationships(self, part: str) -> list[tuple[str, str]]:
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels not in self.names:
            return []
        found: list[tuple[str, str]] = []
        for rel in self.xml(rels).iterchildren(f"{_REL}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            resolved = posixpath.normpath(posixpath.join("/" + folder, target)).lstrip("/")
            found.append((rel.get("Type") or "", resolved))
        return found

    def related(self, part: str, kind: str) -> str | None:
        return next(
            (name for rtype, name in self.relationships(part) if rtype.endswith("/" + kind)),
            None,
        )

    def main_document(self) -> str:
        main = self.related("", "officeDocument")
        if main is None or main not in self.names:
            raise ReadError(CORRUPT)
        return main

    def related_xml(self, part: str, kind: str) -> Any:
        name = self.related(part, kind)
        return self.xml(name) if name is not None and name in self.names else None

    def core_title(self) -> str:
        root = self.related_xml("", "core-properties")
        node = root.find(_DC_TITLE) if root is not None else None
        return (node.text or "").strip() if node is not None else ""


class _Body:
    """Lines of word/document.xml, read as a stream within the limits."""

    def __init__(self, numbering: Numbering, source: str, hidden: HiddenStyles) -> None:
        self.numbering = numbering
        self.hidden = hidden
        self.source = source
        self.lines: list[str] = []
        self.warnings: list[str] = []
        self.paragraphs = 0
        self.chars = 0
        # characters and lines the top-level table row being read has made so far, its nested
        # tables' rows included (see _table_lines)
        self.table_chars = 0
        self.table_lines = 0
        # bytes of XML fed since the last top-level block was taken and freed, and the markup in
        # them (`<` and `=`: elements, comments, attributes): the parser holds them as a tree
        # (see limits.MAX_XML_BLOCK_BYTES and MAX_XML_BLOCK_MARKUP)
        self.held = 0
        self.held_nodes = 0
        # the top-level table whose rows are being read, and its last row's cells by grid column
        self.table: Any = None
        self.rows = 0
        self.above: dict[int, list[str]] = {}

    def read(self, package: _Package, name: str) -> None:
        from lxml import etree

        parser = etree.XMLPullParser(
            events=("end",),
            tag=(_P, _TBL, _TR),
            resolve_entities=False,
            no_network=True,
            remove_blank_text=True,
            huge_tree=False,
        )
        root: Any = None
        try:
            for chunk in _slices(package.chunks(name, partial=True)):
                parser.feed(chunk)
                self.held += len(chunk)
                self.held_nodes += chunk.count(b"<") + chunk.count(b"=")
                for _event, element in parser.read_events():
                    if root is None:
                        root = element.getroottree().getroot()
                        if root.tag != _DOCUMENT:
                            raise ReadError(CORRUPT)
                    if not self._take(element):
                        return
                if self.held > limits.MAX_XML_BLOCK_BYTES:
                    size = size_text(limits.MAX_XML_BLOCK_BYTES)
                    self._cut(f"{name} 中一个段落或表格行的 XML 超过 {size} 上限")
                    return
                if self.held_nodes > limits.MAX_XML_BLOCK_MARKUP:
                    count = limits.chars_text(limits.MAX_XML_BLOCK_MARKUP, "个")
                    self._cut(f"{name} 中一个段落或表格行的 XML 元素和属性超过 {count}上限")
                    return
            root = parser.close()
        except ZipLimitError as exc:
            self._cut(_limit_reason(exc).removesuffix("，未读取"))
            return
        except etree.XMLSyntaxError as exc:
            # The blocks finished before the error are still queued: take them first.
            for _event, element in parser.read_events():
                if not self._take(element):
                    return
            if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
                self._cut(f"{name} {_xml_limit()}")
                return
            if not self.lines:
                raise
            self._cut(f"{name} 在第 {self.paragraphs} 段之后格式有误")
            return
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            if not self.lines:
                raise ReadError(CORRUPT) from exc
            self._cut("文件已损坏")
            return
        if root is None or root.tag != _DOCUMENT:
            raise ReadError(CORRUPT)

    def _cut(self, reason: str) -> None:
        self.warnings.append(
            f"{self.source}: {reason}，其后内容未读取（已读取 {len(self.lines)} 行）"
        )

    def _take(self, element: Any) -> bool:
        """Take the lines of a finished top-level block (a paragraph, or a row of a table: a
        table is read row by row, each row freed once read, so a long table never sits in memory
        whole); False once a limit stops reading."""
        tag = element.tag
        if tag == _P:
            self.paragraphs += 1
            if self.paragraphs > limits.MAX_PARAGRAPHS:
                self._cut(f"段落数超过 {limits.MAX_PARAGRAPHS} 段上限")
                return False
        parent = element.getparent()
        if tag == _TR:
            grand = parent.getparent() if parent is not None and parent.tag == _TBL else None
            if grand is None or grand.tag != _BODY:
                return True  # a nested table's row (its cell's row reads it) or a wrapped one
            return self._row(parent, element)
        if parent is None or parent.tag != _BODY:
            return True  # inside a table (its row reads it) or a wrapper python-docx skips
        before = len(self.lines)
        if tag == _P:
            self._paragraph_lines(element, self.lines)
        self.table = None  # a table's end: its rows are taken already
        self.chars += sum(len(line) for line in self.lines[before:])
        _free(parent, element)
        self.held = self.held_nodes = 0
        return self._within_text_limit()

    def _row(self, table: Any, row: Any) -> bool:
        """Take a finished row of a top-level table and free it (with what precedes it)."""
        if table is not self.table:
            self.table, self.above = table, {}
        # Rows with no paragraph (`<w:tr/>`, empty cells) count against no other limit, and each
        # costs a little time: 64 MB of them would keep a run busy for minutes. A real table of
        # this many rows would not fit in the part limit.
        self.rows += 1
        if self.rows > limits.MAX_PARAGRAPHS:
            self._cut(f"表格行数超过 {limits.MAX_PARAGRAPHS} 行上限")
            return False
        self.table_chars = self.table_lines = 0
        lines, self.above = self._row_lines(row, self.above)
        self.lines.extend(lines)
        self.chars += sum(len(line) for line in lines)
        _free(table, row)
        self.held = self.held_nodes = 0
        if len(self.lines) > limits.MAX_PARAGRAPHS:
            self._cut(f"段落数超过 {limits.MAX_PARAGRAPHS} 段上限")
            return False
        return self._within_text_limit()

    def _within_text_limit(self) -> bool:
        if self.chars > limits.MAX_TEXT_CHARS:
            self._cut(f"文字超过 {limits.chars_text(limits.MAX_TEXT_CHARS)}上限")
            return False
        return True

    def _container_lines(self, container: Any) -> list[str]:
        lines: list[str] = []
        for child in container:
            if child.tag == _P:
                self._paragraph_lines(child, lines)
            elif child.tag == _TBL:
                lines.extend(self._table_lines(child))
        return lines

    def _paragraph_lines(self, paragraph: Any, out: list[str]) -> None:
        text = paragraph_text(paragraph, self.hidden)
        if not text.strip():
            return
        text = self.numbering.label(paragraph) + text.lstrip()
        for line in text.split("\n") if "\n" in text else (text,):
            line = _WS.sub(" ", line).strip()
            if line:
                out.append(line)

    def _table_lines(self, table: Any) -> Iterator[str]:
        """The lines of a table nested in a cell (a top-level table is read row by row as it
        is parsed, `_row`)."""
        above: dict[int, list[str]] = {}
        for row in table.iterchildren(_TR):
            # A merged cell's text comes back in every row it spans, so a table can make far
            # more text than its XML holds (a 40 KB file: one 200 KB cell merged down 20 000
            # rows made 4 GB, 50 s). The limits are checked row by row, nested tables included;
            # the block's caller then reports the cut.
            if (
                self.chars + self.table_chars > limits.MAX_TEXT_CHARS
                or len(self.lines) + self.table_lines > limits.MAX_PARAGRAPHS
            ):
                return
            lines, above = self._row_lines(row, above)
            yield from lines

    def _row_lines(
        self, row: Any, above: dict[int, list[str]]
    ) -> tuple[list[str], dict[int, list[str]]]:
        """The lines of a table row, and its cells' lines by grid column (the `above` of the
        next row). A cell of a vertical merge's later rows (vMerge "continue") shows the merge's
        first cell, found at the same grid column in the row above (as python-docx's row.cells);
        a row keeps the lines it read, not the elements, so it can be freed."""
        here: dict[int, list[str]] = {}
        contents: list[list[str]] = []
        column = _row_grid_before(row)
        for cell in row.iterchildren(_TC):
            shown = above.get(column) if _v_merge(cell) == "continue" else None
            if shown is None:
                shown = self._container_lines(cell)
            here[column] = shown
            # A horizontally merged cell is one w:tc; a vertical merge can repeat one.
            if not contents or shown is not contents[-1]:
                contents.append(shown)
            column += _grid_span(cell)
        self.table_chars += sum(len(line) for lines in contents for line in lines)
        self.table_lines += sum(len(lines) for lines in contents)
        if all(len(lines) <= 1 for lines in contents):
            line = " ".join(lines[0] for lines in contents if lines)
            return ([line] if line else []), here
        return [line for lines in contents for line in lines], here


def _slices(chunks: Iterator[bytes], size: int = 64 * 1024) -> Iterator[bytes]:
    """`chunks` in pieces of at most `size` bytes: the limits on what the parser holds are checked
    between two feeds, so a piece is what they can overshoot by."""
    for chunk in chunks:
        for start in range(0, len(chunk), size):
            yield chunk[start : start + size]


def _free(parent: Any, element: Any) -> None:
    """Free a block that was read, and everything before it in `parent` (wrappers like w:sdt,
    a table's properties, the rows before)."""
    element.clear()
    while element.getprevious() is not None:
        del parent[0]


def paragraph_text(paragraph: Any, styles: HiddenStyles | None = None) -> str:
    """The text of a `w:p` element as python-docx's `Paragraph.text` gives it, without hidden
    runs (`HiddenStyles`; without `styles`, only a run's own formatting is looked at)."""
    styles = styles or _NO_STYLES
    in_paragraph = styles.paragraph(paragraph)
    parts: list[str] = []
    for child in paragraph:
        if child.tag == _R:
            _run_text(child, parts, styles, in_paragraph)
        elif child.tag == _HYPERLINK:
            for run in child.iterchildren(_R):
                _run_text(run, parts, styles, in_paragraph)
    return "".join(parts)


def _run_text(run: Any, parts: list[str], styles: HiddenStyles, in_paragraph: bool | None) -> None:
    if styles.run(run, in_paragraph):
        return
    for item in run:
        tag = item.tag
        if tag == _T:
            parts.append(item.text or "")
        elif tag == _BR:
            if item.get(_TYPE, "textWrapping") == "textWrapping":  # page/column breaks: ""
                parts.append("\n")
        elif tag in _RUN_CHARS:
            parts.append(_RUN_CHARS[tag])


class HiddenStyles:
    """Whether a run is hidden text (Word's 隐藏文字, `w:vanish`): not shown or printed, so it
    is no part of what the document says. Taken as text, a file could put measures and figures
    into the briefing that no reader of the file sees (as a web page's `hidden` elements, which
    the HTML reader skips too).

    Hidden may be set on the run itself, or in its character style, its paragraph's style (or the
    default paragraph style), each through its `w:basedOn` chain, or in the document defaults;
    the nearest setting wins (`w:vanish w:val="0"` in the run shows text its style hides). This is
    how LibreOffice shows such text (checked on each case); the standard has a style's `vanish`
    toggle the one below it, which could show text that both a paragraph and a character style
    hide, and LibreOffice ignores the document defaults: where the two readers differ, the text
    is taken as hidden. The styles are resolved once per document (styles.xml is parsed already,
    for numbering), so a run costs two dictionary lookups.
    """

    def __init__(self, styles: Any) -> None:
        # resolved setting of each style by id: True/False, or None when its chain sets none
        self.styles: dict[str, bool | None] = {}
        self.default_paragraph: bool | None = None
        self.document: bool | None = None
        if styles is None:
            return
        self.document = _vanish(styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}vanish"))
        own: dict[str, tuple[bool | None, str | None]] = {}
        default_paragraph = None
        for style in styles.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            if style_id is None or style_id in own:
                continue  # the first style with an id wins, as in python-docx
            based = style.find(f"{_W}basedOn")
            own[style_id] = (
                _vanish(_property(style, "rPr", "vanish")),
                based.get(_VAL) if based is not None else None,
            )
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in _ON:
                default_paragraph = style_id
        for style_id in own:
            self._resolve(style_id, own)
        if default_paragraph is not None:
            self.default_paragraph = self.styles.get(default_paragraph)

    def _resolve(self, style_id: str, own: dict[str, tuple[bool | None, str | None]]) -> None:
        """Follow the basedOn chain to the first setting, once per style (a chain can be as long
        as the styles are many, and can loop)."""
        chain: list[str] = []
        seen: set[str] = set()
        value: bool | None = None
        current: str | None = style_id
        while current is not None and current in own and current not in seen:
            if current in self.styles:
                value = self.styles[current]
                break
            chain.append(current)
            seen.add(current)
            setting, current = own[current]
            if setting is not None:
                value = setting
                break
        for name in chain:  # those before the setting inherit it
            self.styles[name] = value

    def paragraph(self, paragraph: Any) -> bool | None:
        """The setting a paragraph's style gives its runs (None: none)."""
        style = _property(paragraph, "pPr", "pStyle")
        style_id = style.get(_VAL) if style is not None else None
        if style_id is not None and style_id in self.styles:
            return self.styles[style_id]
        return self.default_paragraph

    def run(self, run: Any, in_paragraph: bool | None) -> bool:
        direct = _vanish(_property(run, "rPr", "vanish"))
        if direct is not None:
            return direct
        if self.styles:
            style = _property(run, "rPr", "rStyle")
            setting = self.styles.get(style.get(_VAL) or "") if style is not None else None
            if setting is not None:
                return setting
        for setting in (in_paragraph, self.document):
            if setting is not None:
                return setting
        return False


_NO_STYLES = HiddenStyles(None)
_ON = ("1", "true", "on")


def _vanish(node: Any) -> bool | None:
    return None if node is None else node.get(_VAL, "true").lower() not in ("0", "false", "off")


def _property(cell_or_row: Any, props: str, name: str) -> Any:
    holder = cell_or_row.find(f"{_W}{props}")
    return holder.find(f"{_W}{name}") if holder is not None else None


def _v_merge(cell: Any) -> str | None:
    node = _property(cell, "tcPr", "vMerge")
    return None if node is None else node.get(_VAL, "continue")


def _grid_span(cell: Any) -> int:
    node = _property(cell, "tcPr", "gridSpan")
    return _count(node.get(_VAL) if node is not None else None, 1)


def _row_grid_before(row: Any) -> int:
    node = _property(row, "trPr", "gridBefore")
    return _count(node.get(_VAL) if node is not None else None, 0)


def _count(value: str | None, default: int) -> int:
    try:
        return max(0, int(value or ""))
    except ValueError:
        return default


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
