"""The analysts' workbook: every measure and figure with its document, section and exact quote.

`write_xlsx` is the build's XLSX stage; `workbook_bytes` writes any list of sheets.

A workbook of up to `CONSTANT_MEMORY_ROWS` rows is written in XlsxWriter's default mode, with
shared strings (a month's workbook: half the time and less than half the bytes, as every row
repeats its document's title); a bigger one in its constant-memory mode, the library's own answer
to big sheets: each row goes to a temporary file as soon as the next one starts, so `-p all` over
thousands of documents does not hold every cell in memory. Cells are written by type
(`write_string`, `write_number`), never through `write()`'s guessing: a quote that starts with "="
is text, not a formula. Text that starts as a formula does (=, +, -, @, a tab or a carriage return:
OWASP's CSV-injection list) also carries Excel's quote prefix, the XLSX form of OWASP's leading
single quote: the cell shows the text unchanged, and a reader who edits it and presses Enter
keeps text instead of making a formula (=HYPERLINK("http://…") would become a live link). The
full-width and small forms of these signs (＝＋－＠, ﹦﹢﹣﹫) count too: a Chinese or Japanese
input method types them, and Chinese and Japanese Excel and WPS can take a full-width ＝ typed at
the start of a cell as the start of a formula; the prefix never changes what the cell shows.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from briefing.atomic import write_bytes_atomic
from briefing.digest import document_kind, holds_provisions, shown_publisher, shown_title
from briefing.model import ExtractedDocument
from briefing.readers.common import closed_bidi, strip_invalid_xml
from briefing.runs.selection import relative_source
from briefing.themes import OTHER_THEME

MAX_ROWS = 1_048_576
"""Excel's row limit; rows past it are not written (`workbook_warnings` says so)."""
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read typed text as a formula (OWASP, CSV injection)."""
CONSTANT_MEMORY_ROWS = 50_000
"""Above this many rows in all, the workbook is written row by row (about 100 MB of cells held
in memory at this size otherwise)."""


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
    big = sum(sheet.row_count for sheet in sheets) > CONSTANT_MEMORY_ROWS
    book = xlsxwriter.Workbook(buffer, {"constant_memory": big})
    book.set_properties({"created": timestamp, "author": author, "title": title})
    bold = book.add_format({"bold": True})
    quoted = book.add_format({"quote_prefix": True})
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
                write_cell(worksheet, number, column, value, text_format=quoted)
    book.close()
    return buffer.getvalue()


def write_cell(
    worksheet: Worksheet,
    row: int,
    column: int,
    value: object,
    cell_format: Format | None = None,
    *,
    text_format: Format | None = None,
) -> None:
    """One cell, by the type of `value`; anything but a finite number is written as text.

    `text_format` (a format with the quote prefix) is used for text that starts like a formula
    when no `cell_format` is given."""
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
        # XlsxWriter would put such a string into the sheet as raw rich-text XML; as a rich
        # string of plain fragments it escapes it like any other text.
        fragments = [text[:1], text[1:2], text[2:]]
        worksheet.write_rich_string(
            row, column, *fragments, *([cell_format] if cell_format else [])
        )
        return
    if cell_format is None and starts_like_formula(text):
        cell_format = text_format
    # Over Excel's 32,767 characters XlsxWriter cuts the text (and returns -2).
    worksheet.write_string(row, column, text, cell_format)


def section_text(section: Sequence[str]) -> str:
    """A measure's headings in one cell (一、总体要求 / （一）加强基础研究), each closing the direction
    overrides it opens (`closed_bidi`): an RLO left open in one heading turned round the
    separator and the headings after it in the cell."""
    return " / ".join(closed_bidi(heading) for heading in section)


def starts_like_formula(text: str) -> bool:
    """Whether `text` starts with one of `FORMULA_TRIGGERS` or a look-alike that compatibility
    normalisation folds into one (the full-width ＝ a Chinese input method types, the small ﹦)."""
    return unicodedata.normalize("NFKC", text[:1]).startswith(FORMULA_TRIGGERS)


# --- the analysts' workbook -----------------------------------------------------------------------


def write_xlsx(
    path: Path,
    documents: Sequence[ExtractedDocument],
    timestamp: datetime,
    inputs: Sequence[Path] = (),
) -> None:
    """The analysts' workbook of `documents` (read from the folders `inputs`), written
    atomically to `path`."""
    data = workbook_bytes(
        analyst_sheets(documents, inputs),
        timestamp=timestamp,
        title="briefing 数据表",
        author="briefing",
    )
    write_bytes_atomic(path, data, refuse_linked_folder=True)


def workbook_warnings(documents: Sequence[ExtractedDocument], name: str = "数据表") -> list[str]:
    """One warning per sheet of the analysts' workbook (file `name`) that has more rows than
    Excel allows."""
    limit = MAX_ROWS - 1  # the header takes a row
    return [
        f"{name}: 工作表“{sheet.name}”有 {sheet.row_count} 行，超过 Excel 每表 {limit} 行的上限，"
        f"只写入了前 {limit} 行；全部数据可用 briefing extract 导出"
        for sheet in analyst_sheets(documents)
        if sheet.row_count > limit
    ]


def analyst_sheets(
    documents: Sequence[ExtractedDocument], inputs: Sequence[Path] = ()
) -> list[Sheet]:
    """The workbook's sheets: sources, measures, figures; rows are generated as they are written.

    A document's file is named as the briefing names it, by its path in the input folder
    (`relative_source`): the workbook travels with the briefing, and the path the run was given
    (`/home/张三/政策文件/a.docx`) is the runner's own; the same inputs reached by a relative or an
    absolute path make the same bytes.

    Documents are named and measures labelled as the DOCX names and counts them: an untitled
    document by `digest.shown_title` (the file it came from), a policy's planned measure as 规定
    (a provision in force, `digest.holds_provisions`), so the workbook's counts are the briefing's."""
    titles = [shown_title(d) for d in documents]
    rules = [holds_provisions(d, document_kind(d)) for d in documents]
    return [
        Sheet(
            "来源文件",
            [
                "序号",
                "标题",
                "发文字号",
                "发布机构",
                "成文日期",
                "发布日期",
                "索引号",
                "文件",
                "sha256",
            ],
            len(documents),
            (
                [
                    no,
                    titles[no - 1],
                    d.metadata.doc_no or "",
                    shown_publisher(d),
                    d.metadata.written_date or "",
                    d.metadata.published_date or "",
                    d.metadata.index_no or "",
                    relative_source(d.source, inputs),
                    d.sha256,
                ]
                for no, d in enumerate(documents, start=1)
            ),
            (6, 40, 22, 20, 11, 11, 24, 30, 20),
        ),
        Sheet(
            "措施",
            ["来源序号", "文件", "措施编号", "章节", "状态", "主题", "依据", "重复于", "原文"],
            sum(len(d.measures) for d in documents),
            (
                [
                    no,
                    titles[no - 1],
                    m.id,
                    section_text(m.section),
                    "进展" if m.status == "done" else "规定" if rules[no - 1] else "计划",
                    "、".join(m.themes) or OTHER_THEME,
                    "；".join(f"{t}：{'、'.join(v)}" for t, v in m.evidence.items()),
                    m.duplicate_of or "",
                    m.text,
                ]
                for no, d in enumerate(documents, start=1)
                for m in d.measures
            ),
            (8, 30, 22, 30, 6, 16, 24, 22, 80),
        ),
        Sheet(
            "数据",
            [
                *("来源序号", "文件", "数据编号", "指标", "数值", "单位", "年份"),
                *("类型", "限定", "范围", "措施编号", "章节", "重复于", "原文"),
            ],
            sum(len(d.indicators) for d in documents),
            _figure_rows(documents, titles),
            (8, 30, 22, 24, 12, 8, 6, 6, 6, 14, 22, 30, 22, 80),
        ),
    ]


_KIND_CN = {
    "actual": "实际",
    "growth": "增速",
    "target": "目标",
    "change": "增减",
    "provision": "支持标准",
}


def _figure_rows(
    documents: Sequence[ExtractedDocument], titles: Sequence[str]
) -> Iterator[list[object]]:
    section_of = {m.id: section_text(m.section) for d in documents for m in d.measures}
    for no, d in enumerate(documents, start=1):
        # a page that prints a paragraph twice gives each figure twice: a figure is a repeat only
        # where the page repeats a measure (its measure is a duplicate or has one) and quotes the
        # same figure of it again. The same figure in two different sentences ("全市12个项目
        # 入选…", "全市12个项目获得…") is two results, never a repeat.
        original = {m.id: m.duplicate_of for m in d.measures if m.duplicate_of}
        repeated = {*original, *original.values()}
        first: dict[tuple[object, ...], str] = {}
        for i in d.indicators:
            repeats = i.id
            if i.measure_id in repeated:
                key = (
                    *(original.get(i.measure_id, i.measure_id), i.text, i.metric, i.value),
                    *(i.unit, i.kind, i.year, i.period, i.scope, i.qualifier),
                )
                repeats = first.setdefault(key, i.id)
            yield [
                no,
                titles[no - 1],
                i.id,
                i.metric or "",
                i.value,
                i.unit,
                # a look back over five years: the span it covers (2021—2025)
                i.year if i.year is not None else (i.period or ""),
                _KIND_CN[i.kind],
                i.qualifier or "",
                i.scope or "",
                i.measure_id or "",
                section_of.get(i.measure_id or "", ""),
                "" if repeats == i.id else repeats,
                i.text,
            ]
