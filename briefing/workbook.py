"""The analysts' workbook: XlsxWriter makes the package, the rows are written here.

XlsxWriter writes every part of the workbook (content types, styles, theme, properties, the sheets
with their bold, frozen header rows) from the headers alone; the data rows are then streamed into
each sheet's `<sheetData>` as the same inline-string and number cells XlsxWriter's constant-memory
mode writes (`tests/test_workbook.py` checks the cells against XlsxWriter's, byte for byte).

Why not XlsxWriter for the rows too: its per-cell path (type dispatch, cell objects, a temporary
file per sheet) cost 0.7 s for one month of 2,000 documents (5,900 rows) and 19–22 s for `-p all`
(185,000 rows), the long pole of those runs; writing the cells here takes 0.2 s and 4.3 s
(benchmarks/README.md, "Whole re-runs"). It also escapes every string: XlsxWriter's constant-memory
mode writes a string that starts with `<r>` and ends with `</r>` as raw XML, and a document's text
must never become markup in an analyst's workbook.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.readers.common import strip_invalid_xml
from briefing.ziputil import entry_info, entry_order

MAX_ROWS = 1_048_576
"""Excel's row limit; rows past it are not written (the build warns: `build.workbook_warnings`)."""
MAX_STRING = 32_767
"""Excel's cell limit, in UTF-16 code units; longer text is cut there, as XlsxWriter does."""

_ROWS_PER_CHUNK = 2_000
_SHEET_LEVEL = 1
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its header, how many data rows follow it, and the rows (read once).

    `widths`, when given, are the columns' widths in characters (Excel's unit), one per column.
    """

    name: str
    header: Sequence[str]
    row_count: int
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = ()


def workbook_bytes(
    sheets: Sequence[Sheet], *, timestamp: datetime, title: str, author: str
) -> bytes:
    """The XLSX package for `sheets`: a bold, frozen header row and the data rows below it.

    Strings are always text (a quote starting with "=" never becomes a formula); numbers are
    numbers; empty strings leave the cell empty. The same input gives the same bytes: entry times
    and document properties come from `timestamp`.
    """
    skeleton = _skeleton(sheets, timestamp=timestamp, title=title, author=author)
    by_part = {f"xl/worksheets/sheet{index}.xml": sheet for index, sheet in enumerate(sheets, 1)}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(skeleton)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in entry_order(src.namelist()):
            data = src.read(name)
            sheet = by_part.get(name)
            if sheet is None:
                dst.writestr(entry_info(name, timestamp), data)
                continue
            info = entry_info(name, timestamp)
            # zlib level 1: the sheets are most of the work (185,000 rows: 4.3 s instead of 6.0 s
            # at the default level, for 18 % more bytes). Python 3.13 names it `compress_level`
            # and keeps this spelling as an alias.
            info._compresslevel = _SHEET_LEVEL  # type: ignore[attr-defined]
            with dst.open(info, "w") as writer:
                for chunk in _sheet_xml(data, sheet):
                    writer.write(chunk)
    return out.getvalue()


def _skeleton(sheets: Sequence[Sheet], *, timestamp: datetime, title: str, author: str) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    options = {
        # inline strings, as the rows are written: no shared-strings part to keep in step
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"created": timestamp, "author": author, "title": title})
    bold = book.add_format({"bold": True})
    for sheet in sheets:
        if sheet.widths and len(sheet.widths) != len(sheet.header):
            raise ValueError(
                f"sheet {sheet.name}: {len(sheet.widths)} widths for {len(sheet.header)} columns"
            )
        worksheet = book.add_worksheet(sheet.name)
        worksheet.freeze_panes(1, 0)
        for column, width in enumerate(sheet.widths):
            worksheet.set_column(column, column, width)
        worksheet.write_row(0, 0, [strip_invalid_xml(h) for h in sheet.header], bold)
    book.close()
    return buffer.getvalue()


def _sheet_xml(skeleton: bytes, sheet: Sheet) -> Iterable[bytes]:
    """The sheet part with `sheet.rows` after its header row, in chunks."""
    head, tail = skeleton.split(b"</sheetData>", 1)
    rows = min(sheet.row_count, MAX_ROWS - 1)
    if rows:
        last = f"{column_name(len(sheet.header) - 1)}{rows + 1}"
        head = _DIMENSION.sub(f'<dimension ref="A1:{last}"/>'.encode(), head, count=1)
    yield head
    columns = [column_name(index) for index in range(len(sheet.header))]
    chunk: list[str] = []
    written = 0
    for number, row in enumerate(sheet.rows, start=2):
        if written == rows:
            break
        chunk.append(row_xml(number, row, columns))
        written += 1
        if len(chunk) == _ROWS_PER_CHUNK:
            yield "".join(chunk).encode()
            chunk.clear()
    if written != rows:
        raise ValueError(f"sheet {sheet.name}: {written} rows written, {rows} announced")
    yield "".join(chunk).encode()
    yield b"</sheetData>" + tail


def row_xml(number: int, row: Sequence[object], columns: Sequence[str]) -> str:
    """One `<row>`: inline strings and numbers as XlsxWriter writes them; empty strings skipped."""
    cells = [f'<row r="{number}">']
    for column, value in zip(columns, row, strict=False):
        if isinstance(value, str):
            if value:
                cells.append(_string_cell(f"{column}{number}", value))
        elif isinstance(value, bool):
            cells.append(_string_cell(f"{column}{number}", str(value)))
        elif isinstance(value, int | float) and math.isfinite(value):
            cells.append(f'<c r="{column}{number}"><v>{value:.16G}</v></c>')
        elif value is not None:
            cells.append(_string_cell(f"{column}{number}", str(value)))
    cells.append("</row>")
    return "".join(cells)


def _string_cell(ref: str, value: str) -> str:
    text = strip_invalid_xml(value)
    if len(text) > MAX_STRING // 2:
        text = _utf16_prefix(text, MAX_STRING)
    if "_x" in text:
        # Excel reads _xHHHH_ as an escaped character: a literal one keeps its underscore.
        text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # str.isspace is what `\s` matches, the test XlsxWriter makes (`^\s|\s$`)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _utf16_prefix(text: str, units: int) -> str:
    """The longest prefix of `text` that fits in `units` UTF-16 code units."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text


def column_name(index: int) -> str:
    """Excel's name for the 0-based column `index`: A … Z, AA …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
