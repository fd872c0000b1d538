"""The analysts' workbook, written with XlsxWriter's public API.

XlsxWriter runs in its constant-memory mode, its own answer to big sheets: each row goes to a
temporary file as soon as the next one starts, so `-p all` over thousands of documents does not
hold a sheet's cells in memory. Cells are written by type (`write_string`, `write_number`), never
through `write()`'s guessing: a quote that starts with "=" is text, not a formula.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from briefing.readers.common import strip_invalid_xml

MAX_ROWS = 1_048_576
"""Excel's row limit; rows past it are not written (the build warns: `build.workbook_warnings`)."""


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

    Strings are always text; finite numbers are numbers; empty strings leave the cell empty.
    The same input gives the same bytes: the document properties come from `timestamp`, and
    XlsxWriter stamps its zip entries with a fixed date.
    """
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True})
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
        for column, text in enumerate(sheet.header):
            write_cell(worksheet, 0, column, text, bold)
        for number, row in enumerate(sheet.rows, start=1):
            if number >= MAX_ROWS:
                break
            for column, value in enumerate(row):
                write_cell(worksheet, number, column, value)
    book.close()
    return buffer.getvalue()


def write_cell(
    worksheet: Worksheet, row: int, column: int, value: object, cell_format: Format | None = None
) -> None:
    """One cell, by the type of `value`; anything but a finite number is written as text."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        worksheet.write_number(row, column, value, cell_format)
        return
    if value is None:
        return
    # Characters XML cannot carry are dropped (XlsxWriter would write them as _xHHHH_ escapes).
    text = strip_invalid_xml(str(value))
    if not text:
        return
    if text.startswith("<r>") and text.endswith("</r>"):
        # In constant-memory mode such a string would go into the sheet as raw rich-text XML;
        # as a rich string of plain fragments XlsxWriter escapes it like any other text.
        fragments = [text[:1], text[1:2], text[2:]]
        worksheet.write_rich_string(
            row, column, *fragments, *([cell_format] if cell_format else [])
        )
        return
    # Over Excel's 32,767 characters XlsxWriter cuts the text (and returns -2).
    worksheet.write_string(row, column, text, cell_format)
