"""Build the shipped templates with python-docx: the default 简报 `templates/briefing.docx`, the
one-page 要情 `templates/yaoqing.docx` and the 专题 `templates/zhuanti.docx`.

Run `python tools/template_builder.py` from the repository root to (re)create all three (or
`… OUTPUT` for the default one at OUTPUT); the result is byte-identical between runs, so the
committed files only change when this module does (`tests/test_template_shipped.py` checks that
they are what it makes). A development tool: the installed package ships the .docx files only.

Layout follows GB/T 9704-2012 and common 简报 practice: A4, margins 37/28/26/35 mm (top, left,
right, bottom), body 三号 仿宋_GB2312 on a fixed 28 pt line, title 二号 方正小标宋简体, headings
一、 in 黑体 and （一） in 楷体_GB2312, page numbers "— N —" in 四号 宋体 (odd pages right, even
pages left), a red masthead with a thick red rule, and a 报尾 block between rules.

Every piece of formatting lives in a named style, so staff restyle the template in Word by
editing styles: the built-in Normal / Heading 1 / Heading 2 / Heading 3 / Title (shown as 正文,
标题 1, 标题 2, 标题 3, 标题 in a Chinese Word), plus the custom styles named in `STYLE_NAMES`.
Chinese fonts are set through `w:rFonts w:eastAsia`: python-docx's `font.name` sets only the
Latin ones.

Each Jinja tag is written in a single run (Word would otherwise be free to split it), and every
`{%p %}` / `{%tr %}` tag sits alone in its paragraph or table row, as docxtpl requires.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing.atomic import write_bytes_atomic
from briefing.ziputil import normalize_zip

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "templates" / "briefing.docx"
# The template's own properties and zip times: fixed, so rebuilding gives the same bytes.
BUILD_TIME = datetime(2024, 1, 1, 0, 0, 0)

# Fonts as declared in Chinese government documents; Word substitutes when one is missing.
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"

RED = RGBColor(0xE0, 0x00, 0x00)
TEXT_WIDTH_MM = 210 - 28 - 26  # 156 mm
BODY_PT = 16.0  # 三号
LINE_PT = 28.0
INDENT = Pt(2 * BODY_PT)  # two characters

STYLE_NAMES: dict[str, str] = {
    "masthead_name": "简报名称",
    "masthead_issue": "简报期号",
    "masthead_line": "编印单位行",
    "subtitle": "副标题文字",
    "summary": "概要",
    "appendix": "附件标题",
    "table_text": "表格文字",
    "table_small": "表格文字（小）",
    "table_head": "表格标题行",
    "table_head_small": "表格标题行（小）",
    "table_caption": "表题",
    "figure": "图片",
    "note": "注释",
    "warning": "运行提示",
    "footer_block": "报尾",
    "footer_rule": "报尾线",
    "page_number": "页码",
}


# --- low-level formatting helpers -----------------------------------------------------------------


def _set_fonts(
    style: ParagraphStyle, east_asia: str, size_pt: float, *, latin: str = LATIN
) -> None:
    style.font.name = latin
    style.font.size = Pt(size_pt)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    # theme fonts would override the explicit ones
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)


def _reset(style: ParagraphStyle) -> None:
    """Drop the run and paragraph formatting python-docx's default template gives built-ins.

    The link to a character style goes too: Word would otherwise keep "Heading 1 Char" with the
    default template's blue Calibri in sync with the paragraph style.
    """
    element = style.element
    for tag in ("w:rPr", "w:pPr", "w:link"):
        for child in element.findall(qn(tag)):
            element.remove(child)


def _paragraph_style(
    doc: DocxDocument,
    name: str,
    *,
    east_asia: str = FANGSONG,
    size_pt: float = BODY_PT,
    line_pt: float | None = LINE_PT,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    bold: bool = False,
    color: RGBColor | None = None,
    before_pt: float = 0,
    after_pt: float = 0,
    base: str | None = "Normal",
) -> ParagraphStyle:
    styles = doc.styles
    try:
        style = styles[name]
        _reset(style)
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        # ASCII ids, as Word writes them; the Chinese name is what users see
        key = next((k for k, v in STYLE_NAMES.items() if v == name), None)
        if key is not None:
            style.style_id = "Briefing" + "".join(p.title() for p in key.split("_"))
    assert isinstance(style, ParagraphStyle)
    if base is not None and name != base:
        style.base_style = styles[base]
    style.quick_style = True
    _set_fonts(style, east_asia, size_pt)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = color if color is not None else RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    if line_pt is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line_pt)
    fmt.space_before = Pt(before_pt)
    fmt.space_after = Pt(after_pt)
    fmt.first_line_indent = INDENT if indent else Pt(0)
    fmt.left_indent = Pt(0)
    fmt.right_indent = Pt(0)
    if align is not None:
        fmt.alignment = align
    return style


def _border(
    style_or_pr: ParagraphStyle, side: str, *, size: int, color: str, space: int = 1
) -> None:
    """A paragraph border (size in eighths of a point)."""
    ppr = style_or_pr.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # schema order: pBdr comes before spacing/ind/jc; insert it early
        ppr.insert(0, borders)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), str(space))
    line.set(qn("w:color"), color)
    borders.append(line)


def _outline_level(style: ParagraphStyle, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    ppr.append(outline)


def _east_asian_language(style: ParagraphStyle) -> None:
    rpr = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)


def _sort_ppr(style: ParagraphStyle) -> None:
    """Put pPr children in schema order (Word rejects out-of-order elements)."""
    order = [
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
        "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
        "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
        "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
        "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
        "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    ]  # fmt: skip
    _sort_children(style.element.pPr, order)


def _sort_children(parent: object, order: Sequence[str]) -> None:
    """Put `parent`'s children in the schema's `order` (Word rejects some out of order)."""
    if parent is None:
        return
    rank = {qn(tag): i for i, tag in enumerate(order)}
    children = sorted(parent, key=lambda child: rank.get(child.tag, len(order)))  # type: ignore[call-overload]
    for child in children:
        parent.remove(child)  # type: ignore[attr-defined]
        parent.append(child)  # type: ignore[attr-defined]


def _sort_rpr(style: ParagraphStyle) -> None:
    order = [
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
        "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
        "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
        "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
        "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
        "w:specVanish", "w:oMath",
    ]  # fmt: skip
    _sort_children(style.element.rPr, order)


# --- styles ---------------------------------------------------------------------------------------


def _doc_defaults(doc: DocxDocument) -> None:
    """Explicit fonts, Chinese language and no paragraph spacing as the document defaults.

    python-docx's default template inherits theme fonts (Calibri / minor East Asian) and 10 pt
    after every paragraph; anything without a style of ours would show them.
    """
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rfonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if rfonts is not None:
        for attr in list(rfonts.attrib):
            del rfonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), LATIN)
        rfonts.set(qn("w:eastAsia"), FANGSONG)
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")


def define_styles(doc: DocxDocument) -> None:
    """Create or restyle every paragraph style the template uses."""
    _doc_defaults(doc)
    normal = _paragraph_style(
        doc, "Normal", indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, base=None
    )
    _east_asian_language(normal)
    normal.paragraph_format.widow_control = False

    title = _paragraph_style(
        doc, "Title", east_asia=XIAOBIAOSONG, size_pt=22, line_pt=36,
        align=WD_ALIGN_PARAGRAPH.CENTER, before_pt=18, after_pt=0,
    )  # fmt: skip
    title.paragraph_format.keep_with_next = True

    for name, font, level in (
        ("Heading 1", HEITI, 0),
        ("Heading 2", KAITI, 1),
        ("Heading 3", FANGSONG, 2),
    ):
        heading = _paragraph_style(doc, name, east_asia=font, indent=True)
        heading.paragraph_format.keep_with_next = True
        heading.next_paragraph_style = normal
        _outline_level(heading, level)
        if level == 2:
            heading.font.bold = True

    names = STYLE_NAMES
    _paragraph_style(
        doc, names["masthead_name"], east_asia=XIAOBIAOSONG, size_pt=42, line_pt=None,
        align=WD_ALIGN_PARAGRAPH.CENTER, color=RED, before_pt=6, after_pt=6,
    )  # fmt: skip
    _paragraph_style(doc, names["masthead_issue"], align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=6)
    masthead_line = _paragraph_style(
        doc, names["masthead_line"], align=WD_ALIGN_PARAGRAPH.LEFT, after_pt=18
    )
    masthead_line.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    # the thick red rule under the masthead (3 pt)
    _border(masthead_line, "bottom", size=24, color="E00000", space=4)

    _paragraph_style(
        doc, names["subtitle"], east_asia=KAITI, align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=12
    )
    _paragraph_style(doc, names["summary"], east_asia=KAITI, indent=True,
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY)  # fmt: skip
    appendix = _paragraph_style(doc, names["appendix"], east_asia=HEITI, before_pt=14, after_pt=6)
    appendix.paragraph_format.keep_with_next = True
    appendix.paragraph_format.page_break_before = True
    _paragraph_style(
        doc, names["table_text"], size_pt=12, line_pt=18, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    _paragraph_style(
        doc, names["table_small"], size_pt=10.5, line_pt=15, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    _paragraph_style(
        doc, names["table_head"], east_asia=HEITI, size_pt=12, line_pt=18,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )  # fmt: skip
    _paragraph_style(
        doc, names["table_head_small"], east_asia=HEITI, size_pt=10.5, line_pt=15,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )  # fmt: skip
    caption = _paragraph_style(
        doc, names["table_caption"], east_asia=HEITI, size_pt=12, line_pt=20,
        align=WD_ALIGN_PARAGRAPH.LEFT, before_pt=6, after_pt=2,
    )  # fmt: skip
    caption.paragraph_format.keep_with_next = True
    # images in a fixed-height line are clipped: this style uses single spacing
    _paragraph_style(
        doc, names["figure"], line_pt=None, align=WD_ALIGN_PARAGRAPH.CENTER,
        before_pt=6, after_pt=6,
    )  # fmt: skip
    _paragraph_style(
        doc, names["note"], size_pt=12, line_pt=20, align=WD_ALIGN_PARAGRAPH.LEFT, before_pt=4
    )
    _paragraph_style(
        doc, names["warning"], size_pt=10.5, line_pt=16, align=WD_ALIGN_PARAGRAPH.LEFT,
        color=RGBColor(0x59, 0x59, 0x59),
    )  # fmt: skip
    footer_block = _paragraph_style(
        doc, names["footer_block"], size_pt=14, line_pt=24, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    footer_block.paragraph_format.left_indent = Pt(14)
    footer_block.paragraph_format.right_indent = Pt(14)
    footer_block.paragraph_format.keep_with_next = True
    footer_block.paragraph_format.tab_stops.add_tab_stop(
        Mm(TEXT_WIDTH_MM) - Pt(14), WD_TAB_ALIGNMENT.RIGHT
    )
    rule = _paragraph_style(doc, names["footer_rule"], size_pt=2, line_pt=2)
    rule.paragraph_format.keep_with_next = True
    _border(rule, "bottom", size=8, color="000000", space=0)
    page_number = _paragraph_style(doc, names["page_number"], east_asia=SONGTI, size_pt=14,
                                   line_pt=None)  # fmt: skip
    _set_fonts(page_number, SONGTI, 14, latin=SONGTI)

    for style in doc.styles:
        if isinstance(style, ParagraphStyle):
            _sort_ppr(style)
            _sort_rpr(style)


# --- page, footer ---------------------------------------------------------------------------------


def setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.header_distance = Mm(15)
    # page numbers sit about 7 mm below the text block
    section.footer_distance = Mm(22)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _page_number(paragraph: Paragraph, *, odd: bool) -> None:
    """ "— N —": odd pages right, even pages left, one character in from the edge (GB/T 9704)."""
    paragraph.style = STYLE_NAMES["page_number"]
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    paragraph.add_run("— ")
    # a complex PAGE field, one run per field part as Word writes it
    for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "1"),
                       ("end", "")):  # fmt: skip
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    paragraph.add_run(" —")


# --- body -----------------------------------------------------------------------------------------


def _para(doc: DocxDocument, parts: str | Sequence[str], style: str = "Normal") -> Paragraph:
    """A paragraph with one run per part ("\\t" becomes a tab), so no Jinja tag spans runs."""
    paragraph = doc.add_paragraph(style=style)
    for part in [parts] if isinstance(parts, str) else parts:
        if part == "\t":
            paragraph.add_run().add_tab()
        else:
            paragraph.add_run(part)
    return paragraph


def _tag(doc: DocxDocument, tag: str) -> None:
    """A `{%p %}` control tag alone in its paragraph (docxtpl removes the paragraph)."""
    _para(doc, tag)


def _cell_text(cell_paragraph: Paragraph, text: str, style: str) -> None:
    cell_paragraph.style = style
    if text:
        cell_paragraph.add_run(text)


def _shade(cell_tcpr: object, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell_tcpr.append(shd)  # type: ignore[attr-defined]


def _loop_table(
    doc: DocxDocument,
    headers: Sequence[str],
    widths_mm: Sequence[float],
    cells: Sequence[str],
    *,
    loop: str,
    text_style: str,
    head_style: str,
    aligns: Sequence[WD_ALIGN_PARAGRAPH],
) -> Table:
    """A table: header row, `{%tr for %}` row, one data row, `{%tr endfor %}` row.

    Set as a typesetter sets a table: the header row repeats on every page and keeps with the
    first data row (with the heading's own keep-with-next, a heading is never left alone at a
    page's foot); a row never splits; the table itself may break between rows. Each row kept
    with the next (the whole table on one page) pushed a key-figures table of eight rows, and
    the chart under it, onto the next page and left the page before half empty."""
    table: Table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed: columns keep their widths in Word
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    header_row = table.rows[0]
    trpr = header_row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    trpr.append(repeat)
    for cell, text in zip(header_row.cells, headers, strict=True):
        _cell_text(cell.paragraphs[0], text, head_style)
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        _shade(cell._tc.get_or_add_tcPr(), "E7E6E6")  # before vAlign: schema order
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _cell_text(table.rows[1].cells[0].paragraphs[0], f"{{%tr for {loop} %}}", text_style)
    data_row = table.rows[2]
    data_row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, text, align in zip(data_row.cells, cells, aligns, strict=True):
        _cell_text(cell.paragraphs[0], text, text_style)
        cell.paragraphs[0].paragraph_format.alignment = align
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _cell_text(table.rows[3].cells[0].paragraphs[0], "{%tr endfor %}", text_style)
    return table


@dataclass(frozen=True)
class FigureLayout:
    """How a key-figures table looks: the name cell, the column after the year (the place in the
    简报, the source quote in the 专题), column widths without and with the kind column, styles."""

    name_cell: str
    detail: tuple[str, str, WD_ALIGN_PARAGRAPH]
    widths: tuple[Sequence[float], Sequence[float]]
    text_style: str
    head_style: str


BRIEFING_FIGURES = FigureLayout(
    "{{ row.metric }}",
    ("地区或主体", "{{ row.scope or '—' }}", WD_ALIGN_PARAGRAPH.CENTER),
    ((62, 32, 16, 28, 18), (50, 32, 14, 16, 28, 16)),
    STYLE_NAMES["table_text"],
    STYLE_NAMES["table_head"],
)
ZHUANTI_FIGURES = FigureLayout(
    # the place in brackets after the name, nothing where the text names none ("（—）" reads as
    # part of the name)
    "{{ row.metric }}{% if row.scope %}（{{ row.scope }}）{% endif %}",
    ("原文", "{{ row.quote | truncate(48, true, '…', 0) }}", WD_ALIGN_PARAGRAPH.LEFT),
    ((34, 26, 14, 66, 16), (30, 26, 13, 14, 57, 16)),
    STYLE_NAMES["table_small"],
    STYLE_NAMES["table_head_small"],
)


def _figure_table(
    doc: DocxDocument, layout: FigureLayout, loop: str, value_head: str, *, kind: bool = False
) -> None:
    """A key-figures table: name, value, (kind), year, place or quote, citation; "—" where the
    text gives no year or place."""
    left, center = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
    detail_head, detail_cell, detail_align = layout.detail
    heads = ["指标", value_head, "年份", detail_head, "来源"]
    cells = [
        layout.name_cell,
        "{{ row.value_text }}{% if row.conflict %}※{% endif %}",
        "{{ row.year or '—' }}",
        detail_cell,
        "{{ row.cite }}",
    ]
    aligns = [left, center, center, detail_align, center]
    if kind:
        heads.insert(2, "类型")
        cells.insert(2, "{{ row.kind_label }}")
        aligns.insert(2, center)
    _loop_table(
        doc,
        heads,
        layout.widths[1] if kind else layout.widths[0],
        cells,
        loop=loop,
        text_style=layout.text_style,
        head_style=layout.head_style,
        aligns=aligns,
    )


def _key_figures(doc: DocxDocument, layout: FigureLayout, none: str) -> None:
    """A theme's key figures: results (with the theme's chart), targets and support standards in
    tables of their own — a standard is a policy's rate, not a result, and a target is not yet
    achieved — the conflict note, or `none` when the theme has no figures."""
    s = STYLE_NAMES
    _tag(doc, "{%p if theme.indicators or theme.targets or theme.standards %}")
    _tag(doc, "{%p if theme.indicators %}")
    _figure_table(doc, layout, "row in theme.indicators", "数值", kind=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if theme.chart %}")
    _para(doc, "{{ theme.chart }}", s["figure"])
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if theme.targets %}")
    _para(doc, "目标", s["table_caption"])
    _figure_table(doc, layout, "row in theme.targets", "目标值")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if theme.standards %}")
    _para(doc, "支持标准（政策规定的奖补、资助标准，非工作成效）", s["table_caption"])
    _figure_table(doc, layout, "row in theme.standards", "标准")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if theme.indicators | selectattr('conflict') | list %}")
    _para(
        doc,
        "注：标“※”的数据，不同来源对同一指标、地区、年份给出的数值不一致，请以原文为准。",
        s["note"],
    )
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p else %}")
    _para(doc, none)
    _tag(doc, "{%p endif %}")


# a theme's plans without the provisions of policy documents (those are listed apart)
PLAN_COUNT = "theme.planned_count - theme.provision_count"


def none_listed(word: str, count: str, what: str) -> str:
    """What a theme's list says when it is empty: that its measures of this status exist but are
    no highlights (listed under another theme, or too general), or that the documents have none.
    `count` is the expression that counts them."""
    fallback = "本期文件未报告" if what == "进展" else "本期文件未提出"
    noun = "工作进展" if what == "进展" else "工作计划"
    return (
        f"{{% if {count} %}}{word}的{{{{ {count} }}}}条{what}未列为要点（已列于其他主题、"
        f"表述笼统或限于篇幅）。{{% else %}}{fallback}{word}的{noun}。{{% endif %}}"
    )


def _measure_list(doc: DocxDocument, heading: str, style: str, loop: str, none: str | None) -> None:
    """A heading, then the theme's highlights of one kind, numbered, each with its citation;
    `none` when it has none (no `none`: the caller shows the list only when it has items)."""
    _para(doc, heading, style)
    _tag(doc, f"{{%p for m in {loop} %}}")
    _para(doc, "{{ loop.index }}. {{ m.text }}{{ m.cite }}" + ALSO)
    if none is not None:
        _tag(doc, "{%p else %}")
        _para(doc, none)
    _tag(doc, "{%p endfor %}")


def _provisions(doc: DocxDocument, heading: str, style: str, word: str) -> None:
    """The provisions of policy documents, when the theme has any: decided policy, listed apart
    from results and from next steps. The count line says 政策规定N条, so the heading stands
    whenever N > 0, saying so when none of them is a highlight (a regulation's 总则 articles)."""
    _tag(doc, "{%p if theme.provision_count %}")
    _measure_list(
        doc,
        heading,
        style,
        "theme.provisions",
        f"{word}的{{{{ theme.provision_count }}}}条政策规定未列为要点（已列于其他主题、表述笼统或限于篇幅）。",
    )
    _tag(doc, "{%p endif %}")


# 其中工作进展a条、政策规定b条、工作计划c条 (政策规定 only when policy documents hold some)
COUNTS = (
    "其中工作进展{{ theme.done_count }}条、{% if theme.provision_count %}政策规定"
    "{{ theme.provision_count }}条、{% endif %}工作计划{{ " + PLAN_COUNT + " }}条"
)


def _trends(doc: DocxDocument) -> None:
    """A theme's figures over the years (and against the previous issue): sentences, then the
    small chart."""
    s = STYLE_NAMES
    _tag(doc, "{%p if theme.trends %}")
    _para(doc, "数据变化", s["table_caption"])
    _tag(doc, "{%p for t in theme.trends %}")
    _para(doc, "{{ t.text }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if theme.trend_chart %}")
    _para(doc, "{{ theme.trend_chart }}", s["figure"])
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")


# the 其他科技工作 section is shown when it has items; the sections after it count it
OTHER_SHOWN = "(other_work.progress or other_work.provisions or other_work.plans)"
AFTER_OTHER = f"(2 if {OTHER_SHOWN} else 1)"

# a highlight also filed under other themes says so once, after its citation
ALSO = "{% if m.also %}（亦涉及{{ m.also | join('、') }}）{% endif %}"


def write_body(doc: DocxDocument) -> None:
    s = STYLE_NAMES
    left, center = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER

    _masthead(doc)

    _para(doc, "科技政策文件要点摘编", "Title")
    _para(doc, "（{{ period.label }}）", s["subtitle"])

    # 本期要点: the written summary (three to six sentences, every quoted figure cited)
    _para(doc, "本期要点", "Heading 1")
    _tag(doc, "{%p for line in summary.digest %}")
    _para(doc, "{{ line }}", s["summary"])
    _tag(doc, "{%p endfor %}")
    # against the previous issue of the same folder (nothing when there is none)
    _tag(doc, "{%p for line in changes.lines %}")
    _para(doc, "{{ line }}", s["summary"])
    _tag(doc, "{%p endfor %}")

    # one section per theme, in the configured order
    _tag(doc, "{%p for theme in themes %}")
    _para(doc, "{{ loop.index | cn_ordinal }}、{{ theme.name }}", "Heading 1")
    _para(
        doc,
        "本期共有{{ theme.document_count }}份文件涉及{{ theme.name }}，"
        "相关措施{{ theme.measure_count }}条，" + COUNTS + "{% if theme.change_text %}，措施数"
        "{{ theme.change_text }}{% endif %}。",
    )
    # results, provisions and plans apart, each best first; a measure is listed under one theme
    _measure_list(
        doc,
        "（一）工作进展",
        "Heading 2",
        "theme.progress",
        none_listed("本主题", "theme.done_count", "进展"),
    )
    _provisions(doc, "（二）政策规定", "Heading 2", "本主题")
    _measure_list(
        doc,
        "{{ (3 if theme.provision_count else 2) | cn_paren }}下一步安排",
        "Heading 2",
        "theme.plans",
        none_listed("本主题", PLAN_COUNT, "计划"),
    )
    _para(doc, "{{ (4 if theme.provision_count else 3) | cn_paren }}关键数据", "Heading 2")
    _key_figures(doc, BRIEFING_FIGURES, "本期文件未给出可列于本主题的量化数据。")
    _trends(doc)
    _tag(doc, "{%p endfor %}")

    # S&T work in no theme (a 高新区, 知识产权 or 研发 result): its best items, not lost
    _tag(doc, f"{{%p if {OTHER_SHOWN} %}}")
    _para(doc, "{{ (themes | length + 1) | cn_ordinal }}、其他科技工作", "Heading 1")
    intro = _para(doc, "以下措施未归入上述主题，择要列出。")
    intro.paragraph_format.keep_with_next = True  # never alone at a page's foot
    for heading, loop in (
        ("（一）工作进展", "other_work.progress"),
        ("{{ (2 if other_work.progress else 1) | cn_paren }}政策规定", "other_work.provisions"),
        (
            "{{ (1 + (1 if other_work.progress else 0) + (1 if other_work.provisions else 0)) | cn_paren }}"
            "下一步安排",
            "other_work.plans",
        ),
    ):
        _tag(doc, f"{{%p if {loop} %}}")
        _measure_list(doc, heading, "Heading 2", loop, None)
        _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")

    # global charts
    _para(doc, f"{{{{ (themes | length + {AFTER_OTHER}) | cn_ordinal }}}}、总体情况", "Heading 1")
    _tag(doc, "{%p if charts.themes %}")
    _para(doc, "{{ charts.themes }}", s["figure"])
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if charts.mix %}")
    mix = _para(doc, "{{ charts.mix }}", s["figure"])
    mix.paragraph_format.keep_with_next = True  # the note below explains the [n] labels
    _para(
        doc,
        "注：图中[1]、[2]……为附表所列来源文件的序号，各文件分主题的措施数见文件摘要"
        "{% if other_count %}；另有{{ other_count }}条措施未归入上述主题，不列入图中{% endif %}"
        # a document with no themed measure has no bar: say which, or a reader takes the
        # longest bar for the largest document
        "{% for d in documents if not d.themes %}{% if loop.first %}；{% else %}、{% endif %}"
        "[{{ d.no }}]{% if loop.last %}没有归入上述主题的措施，图中未列{% endif %}{% endfor %}。",
        s["note"],
    )
    _tag(doc, "{%p endif %}")

    # a gist per document: what a reply answers and how, or who issued what and its main measures
    _tag(doc, "{%p if documents %}")
    _para(
        doc, f"{{{{ (themes | length + 1 + {AFTER_OTHER}) | cn_ordinal }}}}、文件摘要", "Heading 1"
    )
    _tag(doc, "{%p for d in documents %}")
    _para(
        doc,
        "{{ d.no }}. {{ d.title }}{% if d.doc_no %}（{{ d.doc_no }}）{% endif %}",
        "Heading 3",
    )
    _para(doc, "{{ d.gist }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")

    # sources
    _para(doc, "附：来源文件", s["appendix"])
    # publisher and document number share a column: pages often give neither, and two empty
    # columns (and an 索引号 only an archivist reads, kept in the XLSX) made a table of blanks
    _loop_table(
        doc,
        ("序号", "标题", "发布机构、文号", "日期"),
        (12, 74, 46, 24),
        (
            "{{ src.no }}",
            "{{ src.title }}{% if src.mark == '补报' %}（补报）{% endif %}",
            "{{ src.publisher }}{% if src.publisher and src.doc_no %}　{% endif %}"
            "{{ src.doc_no }}{% if not src.publisher and not src.doc_no %}—{% endif %}",
            "{{ src.date or '—' }}",
        ),
        loop="src in sources",
        text_style=s["table_small"],
        head_style=s["table_head_small"],
        aligns=(center, left, left, center),
    )

    # notes on this issue (late arrivals, undated files), then the run's warnings: small print
    _small_print(doc, "本期说明：", "n", "notes")
    _small_print(doc, "生成提示：", "w", "warnings")

    _footer_block(doc)


def _small_print(doc: DocxDocument, label: str, item: str, items: str) -> None:
    """A labelled list in small print (the issue's notes, the run's warnings), when not empty."""
    s = STYLE_NAMES
    _tag(doc, f"{{%p if {items} %}}")
    _para(doc, label, s["warning"]).paragraph_format.space_before = Pt(8)
    _tag(doc, f"{{%p for {item} in {items} %}}")
    _para(doc, f"{{{{ {item} }}}}", s["warning"])
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")


def _masthead(doc: DocxDocument) -> None:
    s = STYLE_NAMES
    _para(doc, "{{ masthead.name }}", s["masthead_name"])
    _para(doc, "{{ masthead.issue_label }}", s["masthead_issue"])
    _para(doc, ["{{ masthead.editor }}", "\t", "{{ masthead.date_cn }}"], s["masthead_line"])


def _footer_block(doc: DocxDocument, *, full: bool = True) -> None:
    """报尾 between rules: 报/送/发 lines when configured, then 编印单位 and 共印N份."""
    s = STYLE_NAMES
    _para(doc, "", s["footer_rule"]).paragraph_format.space_before = Pt(12 if full else 6)
    if full:
        for key, label in (("report_to", "报"), ("send_to", "送"), ("distribute_to", "发")):
            _tag(doc, f"{{%p if footer.{key} %}}")
            _para(doc, [f"{label}：", f"{{{{ footer.{key} }}}}"], s["footer_block"])
            _tag(doc, "{%p endif %}")
        _para(doc, "", s["footer_rule"])
    _para(doc, ["{{ masthead.editor }}", "\t", "共印{{ footer.copies }}份"], s["footer_block"])
    _para(doc, "", s["footer_rule"])


def _compact_styles(doc: DocxDocument) -> None:
    """The 要情's own styles: it must fit one A4 page, so the masthead and body are smaller."""
    s = STYLE_NAMES
    _paragraph_style(
        doc, YAOQING_STYLES["masthead"], east_asia=XIAOBIAOSONG, size_pt=32, line_pt=None,
        align=WD_ALIGN_PARAGRAPH.CENTER, color=RED, after_pt=2, base=s["masthead_name"],
    )  # fmt: skip
    line = _paragraph_style(
        doc, YAOQING_STYLES["line"], size_pt=14, line_pt=22, align=WD_ALIGN_PARAGRAPH.LEFT,
        after_pt=8, base=s["masthead_line"],
    )  # fmt: skip
    line.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    _border(line, "bottom", size=24, color="E00000", space=4)
    _paragraph_style(
        doc, YAOQING_STYLES["title"], east_asia=XIAOBIAOSONG, size_pt=18, line_pt=24,
        align=WD_ALIGN_PARAGRAPH.CENTER, after_pt=4, base="Title",
    )  # fmt: skip
    # 14 pt lines in the theme table: with 15 the page had no line to spare, and a key figure
    # named in full (知识价值信用贷款发放额, not 知识价值信用贷款) pushed the 报尾 of eight themes over;
    # 五号 (10.5 pt) as the 本期要点 above, so that fewer key figures wrap onto a second line
    _paragraph_style(
        doc, YAOQING_STYLES["cell"], size_pt=10.5, line_pt=14, align=WD_ALIGN_PARAGRAPH.LEFT,
    )  # fmt: skip
    _paragraph_style(
        doc, YAOQING_STYLES["heading"], east_asia=HEITI, size_pt=14, line_pt=20,
        before_pt=4, base="Heading 1", indent=False,
    )  # fmt: skip
    _paragraph_style(
        doc, YAOQING_STYLES["number"], east_asia=HEITI, size_pt=12, line_pt=None,
        align=WD_ALIGN_PARAGRAPH.CENTER, before_pt=2, after_pt=2,
    )  # fmt: skip
    # 14 pt lines under 10.5 pt text (1.33 lines): at 15 the page again had no line to spare, and a
    # longer 下一步 sentence pushed the 报尾 of eight themes onto a second page
    _paragraph_style(
        doc, YAOQING_STYLES["digest"], size_pt=10.5, line_pt=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=True,
    )  # fmt: skip
    for style in (doc.styles[name] for name in YAOQING_STYLES.values()):
        assert isinstance(style, ParagraphStyle)
        _sort_ppr(style)
        _sort_rpr(style)


YAOQING_STYLES: dict[str, str] = {
    "masthead": "要情名称",
    "line": "要情编印行",
    "title": "要情标题",
    "heading": "要情小标题",
    "cell": "要情表格文字",
    "number": "要情数字",
    "digest": "要情要点",
}


def write_yaoqing_body(doc: DocxDocument) -> None:
    """要情: one A4 page for leaders — masthead, headline numbers, the 本期要点 (its sentences after
    the counting one, which the numbers above already say), one table row per theme with its
    counts and its best key figure. No chart: the table gives the counts a chart of themes would
    draw, and the 本期要点 needs the room. Up to eight themes fit on the page (from seven on, without
    the line of 其他科技工作)."""
    s = STYLE_NAMES
    y = YAOQING_STYLES
    _compact_styles(doc)
    # a 要情 is not a 简报: the configured name says which publication it is (科技政策简报 ->
    # 科技政策要情); a name without 简报 is printed as set
    _para(doc, "{{ masthead.name | replace('简报', '要情') }}", y["masthead"])
    _para(
        doc, ["{{ masthead.editor }}", "　{{ masthead.issue_label }}", "\t", "{{ masthead.date_cn }}"],
        y["line"],
    )  # fmt: skip
    # the label in brackets, as the 简报 and the 专题 print it: 全部文件科技政策要情 ran together
    _para(doc, "科技政策要情（{{ period.label }}）", y["title"])

    # headline numbers: a one-row table of four figures
    table: Table = doc.add_table(rows=2, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (39, 39, 39, 39)
    # the measures of the themes, not every sentence of five whole work reports (1281条 of
    # which 1203 in no theme told a leader nothing); the rest is said under the table
    heads = ("收录文件", "科技主题措施", "进展／规定／计划", "关键数据")
    values = (
        "{{ summary.document_count }}份"
        "{% if summary.late_count %}（含补报{{ summary.late_count }}份）{% endif %}",
        "{{ summary.themed_count }}条",
        "{{ summary.themed_done_count }}／{{ summary.themed_provision_count }}／"
        "{{ summary.themed_plan_count }}",
        "{{ summary.key_figure_count }}项",
    )
    for row, texts, style in ((0, heads, s["table_head"]), (1, values, y["number"])):
        for cell, width, text in zip(table.rows[row].cells, widths, texts, strict=True):
            cell.width = Mm(width)
            _cell_text(cell.paragraphs[0], text, style)
            if row == 0:
                _shade(cell._tc.get_or_add_tcPr(), "F2DCDB")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)

    center = WD_ALIGN_PARAGRAPH.CENTER
    _tag(doc, "{%p if summary.digest | length > 1 %}")
    _para(doc, "本期要点", y["heading"])
    _tag(doc, "{%p for line in summary.digest[1:] %}")
    _para(doc, "{{ line }}", y["digest"])
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _para(doc, "分主题要情", y["heading"])
    # one row per theme: counts and its key figure (`theme.key_figure`: the first current row
    # of its key-figures table); the theme's best result is already in the 本期要点 above.
    table = _loop_table(
        doc,
        ("主题", "措施", "进展/规定/计划", "关键数据"),
        (21, 13, 30, 92),
        (
            "{{ theme.name }}",
            "{{ theme.measure_count }}条{% if theme.change_text %}（"
            "{{ theme.change_text | replace('较上期增加', '+') | replace('较上期减少', '−')"
            " | replace('与上期持平', '持平') }}）{% endif %}",
            "{{ theme.done_count }}／{{ theme.provision_count }}／{{ " + PLAN_COUNT + " }}",
            # a current figure, not a result years old (中山市2022年 in a 2026 issue): a target
            # of the year, said to be one, when every result is old
            "{% for row in [theme.key_figure] if row %}"
            "{% if row.kind_label == '目标' %}目标：{% endif %}{{ row.metric }}"
            "{% if row.scope or row.year %}（{{ row.scope }}{{ row.year }}"
            "{% if row.year %}年{% endif %}）{% endif %}{{ row.value_text }}{{ row.cite }}"
            "{% else %}—{% endfor %}",
        ),
        loop="theme in themes",
        text_style=y["cell"],
        head_style=s["table_head_small"],
        aligns=(center, center, center, WD_ALIGN_PARAGRAPH.LEFT),
    )
    del table
    # the 简报's 其他科技工作 in one line: its best result, else its best provision or plan. Not with
    # seven or eight themes: their rows take its room, and the office that added themes has filed
    # most of its other work under them
    # said already when the 本期要点 above quotes it (a pack whose themes have little to say)
    _tag(
        doc,
        f"{{%p if {OTHER_SHOWN} and themes | length <= 6 and not summary.digest_other %}}",
    )
    _para(
        doc,
        "其他科技工作：{% for m in (other_work.progress or other_work.provisions"
        " or other_work.plans)[:1] %}{{ m.brief }}{{ m.cite }}{% endfor %}。",
        y["digest"],
    )
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if changes.previous_issue %}")
    _para(doc, "括号内为与上期（{{ changes.previous_issue }}）相比措施数的增减。", s["warning"])
    _tag(doc, "{%p endif %}")
    # the measures of no theme, put plainly: the other S&T work, and what the 要情 leaves out
    _para(
        doc,
        # what was left out, of no S&T at all (a work report's GDP and housing), is no news for a
        # leader: the note counts only the other S&T work, which the 简报 lists
        # beside the themes' count above it says what it counts (另有其他科技工作措施87条 next to
        # 49条 read as a clash): measures of S&T work in no theme, which the 简报 lists in brief
        # (one line: with eight themes the page has none to spare)
        "{% if summary.science_other_count %}另有其他科技工作措施{{ summary.science_other_count }}条"
        "，未计入上述{{ summary.themed_count }}条；{% endif %}[n]为来源序号，见同期简报附表。",
        s["warning"],
    )
    _footer_block(doc, full=False)


def write_zhuanti_body(doc: DocxDocument) -> None:
    """专题: one theme in depth (`briefing build --theme X --template zhuanti.docx`): overview,
    results, plans, key figures with their source quotes, the theme's chart, its documents."""
    s = STYLE_NAMES
    left, center = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
    _masthead(doc)
    _para(doc, "{% if focus_theme %}{{ focus_theme }}{% else %}科技政策{% endif %}专题", "Title")
    _para(doc, "（{{ period.label }}）", s["subtitle"])

    # without a chosen theme, where each theme stands among all: once, before the themes (under the
    # first theme's name it read as that theme's chart)
    _tag(doc, "{%p if charts.themes and not focus_theme %}")
    _para(doc, "{{ charts.themes | width(120) }}", s["figure"])
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for theme in themes %}")
    _tag(doc, "{%p if not focus_theme %}")
    _para(doc, "{{ theme.name }}", s["appendix"])
    _tag(doc, "{%p endif %}")
    # a theme with nothing to show but counts: one plain note, no empty sections, chart or table
    _tag(doc, "{%p if theme.thin %}")
    _para(
        doc,
        # one line, cited by number: a made title (东莞市有关材料（拟题）) says nothing here
        "本期没有{{ theme.name }}方面的实质性措施和数据：仅"
        "{% for d in theme.documents + theme.touching %}[{{ d.no }}]{% endfor %}"
        "有{{ theme.measure_count }}条措施提及{{ theme.name }}，均未列为要点。"
        "本期各文件的主要内容见同期简报。",
    )
    _tag(doc, "{%p else %}")
    _para(doc, "一、总体情况", "Heading 1")
    _para(
        doc,
        "本期共有{{ theme.document_count }}份文件涉及{{ theme.name }}，梳理相关措施"
        "{{ theme.measure_count }}条，" + COUNTS + "{% if theme.indicators %}，摘录关键数据"
        "{{ theme.indicators | length }}项{% endif %}"
        "{% if theme.targets %}、目标{{ theme.targets | length }}项{% endif %}"
        "{% if theme.standards %}、支持标准{{ theme.standards | length }}项{% endif %}"
        "{% if theme.change_text %}；措施数{{ theme.change_text }}{% endif %}。",
    )
    _tag(doc, "{%p if theme.highlights %}")
    _para(doc, "{{ theme.digest }}")
    _tag(doc, "{%p endif %}")
    # the theme's own picture, which documents carry it (a 专题 built with --theme); a 专题 whose
    # theme is in one or two documents has no chart of them (the table says it)
    _tag(doc, "{%p if theme.documents_chart %}")
    _para(doc, "{{ theme.documents_chart | width(120) }}", s["figure"])
    _tag(doc, "{%p endif %}")
    _measure_list(
        doc,
        "二、主要进展",
        "Heading 1",
        "theme.progress",
        none_listed("该主题", "theme.done_count", "进展"),
    )
    _provisions(doc, "三、政策规定", "Heading 1", "该主题")
    # the sections after 政策规定 move down one number when it is there
    _measure_list(
        doc,
        "{{ (4 if theme.provision_count else 3) | cn_ordinal }}、下一步安排",
        "Heading 1",
        "theme.plans",
        none_listed("该主题", PLAN_COUNT, "计划"),
    )
    _para(doc, "{{ (5 if theme.provision_count else 4) | cn_ordinal }}、关键数据", "Heading 1")
    _key_figures(doc, ZHUANTI_FIGURES, "本期文件未给出可列于该主题的量化数据。")
    _trends(doc)
    _para(doc, "{{ (6 if theme.provision_count else 5) | cn_ordinal }}、相关文件", "Heading 1")
    # the documents about the theme, with the numbers the chart of documents above draws
    _loop_table(
        doc,
        ("序号", "标题", "日期", "进展／规定／计划", "摘要"),
        (10, 40, 24, 22, 60),
        (
            "{{ d.no }}",
            "{{ d.title }}{% if d.doc_no %}（{{ d.doc_no }}）{% endif %}"
            "{% if d.mark == '补报' %}（补报）{% endif %}",
            "{{ d.date or '—' }}",
            "{{ d.done_count }}／{{ d.provision_count }}／{{ d.plan_count }}",
            "{{ d.gist }}",
        ),
        loop="d in theme.documents",
        text_style=s["table_small"],
        head_style=s["table_head_small"],
        aligns=(center, left, center, center, left),
    )
    _tag(doc, "{%p if theme.touching %}")
    # said as counts, not as "只是顺带涉及": the one measure may still be among the theme's
    # highlights above, and a judge read "顺带" beside it as a contradiction
    touching = _para(
        doc,
        # the documents chart is drawn only with two documents or more: "和图" only when it is there
        "另有{{ theme.touching | length }}份文件各有1条措施涉及{{ theme.name }}（不带数据，不到该文件措施的三分之一，"
        "未列入上表{% if theme.documents_chart %}和图{% endif %}）："
        "{% for d in theme.touching %}[{{ d.no }}]{{ d.title }}{% if not loop.last %}；{% endif %}"
        "{% endfor %}。",
        s["warning"],
    )
    # the last lines of the 专题 go with the 报尾: a full page left it alone on the next one
    # (freshn 科技金融: page 3 held only 报/送/发)
    touching.paragraph_format.keep_with_next = True
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p else %}")
    # no measure of the theme: one line that says so and what the issue is about instead (a
    # list of every document's themes ran to two pages of titles, made ones among them)
    _para(
        doc,
        "本期文件没有涉及{{ focus_theme or '所选' }}主题的内容。本期收录文件"
        "{{ summary.document_count }}份{% if summary.theme_names %}，涉及"
        "{{ summary.theme_names | join('、') }}{% endif %}，详见同期简报。",
    )
    _tag(doc, "{%p endfor %}")

    _small_print(doc, "生成提示：", "w", "warnings")
    _footer_block(doc)


TEMPLATES = {
    "briefing": ("科技政策简报模板", "briefing 默认简报模板", write_body),
    "yaoqing": ("科技政策要情模板", "briefing 一页要情模板", write_yaoqing_body),
    "zhuanti": ("科技政策专题模板", "briefing 专题模板（配合 --theme 使用）", write_zhuanti_body),
}
"""Shipped templates: file stem -> (title, subject, body writer)."""


def build_template(kind: str = "briefing") -> bytes:
    """A shipped template as DOCX bytes (deterministic)."""
    title, subject, write = TEMPLATES[kind]
    doc = Document()
    # python-docx's blank-page preview image would show in file browsers as an empty page
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rel_id)
    define_styles(doc)
    setup_page(doc)
    write(doc)
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = "briefing"
    props.last_modified_by = "briefing"
    props.keywords = "简报; 模板"
    props.comments = "由 tools/template_builder.py 生成；可在 Word 中修改样式后另存使用。"
    props.created = BUILD_TIME
    props.modified = BUILD_TIME
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue(), BUILD_TIME)


def write_template(output: Path = DEFAULT_OUTPUT, kind: str = "briefing") -> Path:
    write_bytes_atomic(output, build_template(kind))
    return output


def main(argv: Sequence[str] | None = None) -> int:
    """No argument: (re)write every shipped template in templates/. One argument: the default
    template to that path."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        write_template(Path(args[0]))
        return 0
    for kind in TEMPLATES:
        write_template(DEFAULT_OUTPUT.with_name(f"{kind}.docx"), kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
