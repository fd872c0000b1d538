"""Rendering the default 简报 template: content, determinism, safety and atomic writes."""

from __future__ import annotations

import copy
import hashlib
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.context import BriefingContext
from briefing.errors import TemplateError
from briefing.filters import cn_ordinal
from briefing.render import render_docx
from briefing.template_tools import check_template
from tests.sample_context import (
    AMPERSAND_TITLE,
    THEMES,
    chart_count,
    real_context,
    sample_context,
)
from tools.template_builder import DEFAULT_OUTPUT

TEMPLATE = DEFAULT_OUTPUT
WHEN = datetime(2024, 3, 31, 0, 0, 0)


def _render(tmp_path: Path, context: BriefingContext | None = None, name: str = "out.docx") -> Path:
    output = tmp_path / name
    render_docx(TEMPLATE, context or sample_context(), output, timestamp=WHEN)
    return output


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> DocxDocument:
    return Document(str(_render(tmp_path_factory.mktemp("render"))))


def _texts(doc: DocxDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _styled(doc: DocxDocument, style: str) -> list[Paragraph]:
    return [p for p in doc.paragraphs if p.style is not None and p.style.name == style]


def _template_with(tmp_path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "custom.docx"
    doc.save(str(path))
    return path


# --- content ---------------------------------------------------------------------------------------


def test_masthead_comes_first_in_red(rendered: DocxDocument) -> None:
    first = rendered.paragraphs[0]
    assert first.text == "科技政策简报"
    assert first.style is not None and first.style.font.color.rgb is not None
    assert str(first.style.font.color.rgb) == "E00000"
    texts = _texts(rendered)
    assert texts[1] == "第3期"
    assert texts[2] == "市科技局办公室\t2024年3月31日"


def test_one_numbered_section_per_theme_including_added_ones(rendered: DocxDocument) -> None:
    headings = [p.text for p in _styled(rendered, "Heading 1")]
    expected = [f"{cn_ordinal(i + 1)}、{name}" for i, name in enumerate(THEMES)]
    assert [h for h in headings if h[1:2] == "、"][: len(THEMES)] == expected
    assert "五、创新平台" in headings  # the user-added theme
    # numbering continues after the themes, through the S&T work in no theme
    assert headings[headings.index("五、创新平台") + 1 :][:3] == [
        "六、其他科技工作",
        "七、总体情况",
        "八、文件摘要",
    ]
    # each theme's three lists, then the other work's 进展 and 下一步安排 (it has no 政策规定)
    assert len(_styled(rendered, "Heading 2")) == 3 * len(THEMES) + 2


def test_other_science_work_lists_its_items_and_is_left_out_when_there_are_none(
    rendered: DocxDocument, tmp_path: Path
) -> None:
    texts = _texts(rendered)
    start = texts.index("六、其他科技工作")
    section = texts[start : texts.index("七、总体情况")]
    assert section[2:] == [
        "（一）工作进展",
        "1. 新增市级高新区1个，高新区工业总产值占全市40%以上。[1]",
        "（二）下一步安排",
        "1. 推进知识产权强市建设，新增发明专利1000件。[2]",
    ]
    context = sample_context()
    context["other_work"] = {"progress": [], "provisions": [], "plans": []}
    headings = [p.text for p in _styled(Document(str(_render(tmp_path, context))), "Heading 1")]
    assert not any(h.endswith("其他科技工作") for h in headings)
    assert "六、总体情况" in headings and "七、文件摘要" in headings


def test_the_written_digest_opens_the_briefing(rendered: DocxDocument) -> None:
    texts = _texts(rendered)
    start = texts.index("本期要点")
    context = sample_context()
    digest = context["summary"]["digest"]
    assert texts[start + 1 : start + 1 + len(digest)] == digest
    after = start + 1 + len(digest) + len(context["changes"]["lines"])  # then 较上期
    assert texts[after] == "一、基础研究"


def test_each_document_has_its_gist(rendered: DocxDocument) -> None:
    texts = _texts(rendered)
    start = texts.index("八、文件摘要")
    documents = sample_context()["documents"]
    assert texts[start + 1] == f"1. {documents[0]['title']}（{documents[0]['doc_no']}）"
    assert texts[start + 2] == documents[0]["gist"]
    assert texts[start + 3] == f"2. {documents[1]['title']}"  # no 发文字号: no brackets
    assert [t for t in texts if t in {d["gist"] for d in documents}] == [
        d["gist"] for d in documents
    ]


def test_highlights_carry_citations_with_results_and_plans_apart(rendered: DocxDocument) -> None:
    texts = _texts(rendered)
    progress = texts.index("（一）工作进展")
    plans = texts.index("（二）下一步安排", progress)
    data = texts.index("（三）关键数据", plans)
    assert texts[progress + 1] == "1. 2022年组织实施市级自然科学基金项目1800项。[1]"
    assert texts[plans + 1].startswith("1. 建立市级财政基础研究项目资金")
    assert data == plans + 2
    # a theme whose plans are no highlights says why rather than leaving an empty heading
    assert any(
        re.fullmatch(r"本主题的\d+条计划未列为要点（已列于其他主题、表述笼统或限于篇幅）。", t)
        for t in texts
    )
    # a measure filed under two themes is listed once, naming the other
    assert "2. 新培育技术经纪人180人。[2]（亦涉及成果转化）" in texts


def test_a_policys_provisions_are_listed_apart_from_next_steps(tmp_path: Path) -> None:
    """The seeds' 指导意见 is policy in force: its measures appear under 政策规定, never under
    下一步安排, and the sections after it are numbered on."""
    context = real_context()
    policy = {d["no"] for d in context["documents"] if d["kind"] == "政策规划"}
    assert policy, "the seeds hold a policy document"
    texts = _texts(Document(str(_render(tmp_path, context))))
    transfer = texts.index("二、成果转化")
    provisions = texts.index("（二）政策规定", transfer)
    plans = texts.index("（三）下一步安排", provisions)
    figures = texts.index("（四）关键数据", plans)
    cited = [
        (heading, {int(n) for n in re.findall(r"\[(\d+)\]", t)})
        for heading, (start, end) in (("规定", (provisions, plans)), ("安排", (plans, figures)))
        for t in texts[start + 1 : end]
    ]
    assert cited and all((sources <= policy) == (heading == "规定") for heading, sources in cited)
    intro = texts[transfer + 1]
    theme = next(t for t in context["themes"] if t["name"] == "成果转化")
    assert f"政策规定{theme['provision_count']}条" in intro
    assert f"工作计划{theme['planned_count'] - theme['provision_count']}条" in intro


def test_a_theme_whose_results_are_not_highlights_does_not_claim_it_reported_none(
    tmp_path: Path,
) -> None:
    """When a theme's results were all listed under another theme or too general to be
    highlights, the section must not say the documents reported no progress."""
    context = sample_context()
    theme = context["themes"][0]
    theme["progress"], theme["done_count"] = [], 3
    other = context["themes"][1]
    other["plans"], other["planned_count"] = [], 0
    texts = _texts(Document(str(_render(tmp_path, context))))
    assert "本主题的3条进展未列为要点（已列于其他主题、表述笼统或限于篇幅）。" in texts
    assert "本期文件未报告本主题的工作进展。" not in texts
    # a theme with no plan at all says so
    assert "本期文件未提出本主题的工作计划。" in texts


def test_a_theme_counting_provisions_shows_their_heading_even_when_none_is_a_highlight(
    tmp_path: Path,
) -> None:
    """The count line says 政策规定4条: a reader looks for them. When none is a highlight (a
    regulation's 总则 articles), the heading still stands and says why, and the sections after it
    are numbered on; a theme with no provision has no such heading."""
    context = sample_context()
    theme = context["themes"][0]
    theme["provisions"], theme["provision_count"] = [], 4
    theme["planned_count"] = max(theme["planned_count"], 4)
    other = context["themes"][1]
    other["provisions"], other["provision_count"] = [], 0
    texts = _texts(Document(str(_render(tmp_path, context))))
    start = texts.index(f"一、{theme['name']}")
    end = texts.index(f"二、{other['name']}")
    section = texts[start:end]
    assert "政策规定4条" in section[1]
    rules = section.index("（二）政策规定")
    assert (
        section[rules + 1]
        == "本主题的4条政策规定未列为要点（已列于其他主题、表述笼统或限于篇幅）。"
    )
    assert "（三）下一步安排" in section[rules:]
    assert "（四）关键数据" in section[rules:]
    after = texts[end : texts.index("（三）关键数据", end)]
    assert "（二）政策规定" not in after


def test_results_targets_and_standards_are_separate_tables(rendered: DocxDocument) -> None:
    context = sample_context()
    expected = [
        (key, theme)
        for theme in context["themes"]
        for key in ("indicators", "targets", "standards")
        if theme[key]
    ]
    tables = rendered.tables
    assert len(tables) == len(expected) + 1  # plus the sources table
    heads = {
        "indicators": ["指标", "数值", "类型", "年份", "地区或主体", "来源"],
        "targets": ["指标", "目标值", "年份", "地区或主体", "来源"],
        "standards": ["指标", "标准", "年份", "地区或主体", "来源"],
    }
    for table, (key, theme) in zip(tables, expected, strict=False):
        assert [c.text for c in table.rows[0].cells] == heads[key]
        assert len(table.rows) == 1 + len(theme[key])  # type: ignore[literal-required]
    standard = tables[2]
    # a standard without a year or place says so with "—"
    assert [c.text for c in standard.rows[1].cells] == [
        "企业国家重点实验室稳定支持经费",
        "200万元",
        "2023",
        "—",
        "[1]",
    ]
    assert "支持标准（政策规定的奖补、资助标准，非工作成效）" in _texts(rendered)
    transfer = tables[3]
    assert [c.text for c in transfer.rows[2].cells] == [
        "技术合同成交额",
        "超197亿元",
        "实际",
        "2023",
        "科学城",
        "[2]",
    ]
    assert transfer.rows[3].cells[1].text == "865.1亿元※"  # the conflicting figure is marked
    assert any(t.startswith("注：标“※”的数据") for t in _texts(rendered))


def test_theme_without_figures_says_so(rendered: DocxDocument) -> None:
    assert "本期文件未给出可列于本主题的量化数据。" in _texts(rendered)


def test_one_image_per_chart_with_alt_text(rendered: DocxDocument) -> None:
    assert len(rendered.inline_shapes) == chart_count(sample_context())
    descriptions = [shape._inline.docPr.get("descr") for shape in rendered.inline_shapes]
    assert all(descriptions)
    assert any(d.startswith("各主题措施数量") for d in descriptions)
    for shape in rendered.inline_shapes:
        assert shape.width <= Mm(156)


def test_sources_table_keeps_special_characters(rendered: DocxDocument) -> None:
    sources = rendered.tables[-1]
    # publisher and number share a column, so a page giving neither leaves one dash, not blanks
    assert [c.text for c in sources.rows[0].cells] == ["序号", "标题", "发布机构、文号", "日期"]
    assert len(sources.rows) == 1 + len(sample_context()["sources"])
    assert sources.rows[1].cells[2].text.endswith("渝科局函〔2023〕372号")
    assert all(row.cells[2].text and row.cells[3].text for row in sources.rows[1:])
    assert sources.rows[2].cells[1].text == AMPERSAND_TITLE  # `&<>` intact, nothing cut


def test_footer_block_and_warnings(rendered: DocxDocument) -> None:
    texts = _texts(rendered)
    assert "报：市委办公厅，市政府办公厅" in texts
    assert "送：各区县科技主管部门" in texts
    assert "发：局领导，各处室" in texts
    assert texts[-2] == "市科技局办公室\t共印30份"
    assert "文件 broken.pdf 无法读取：文件已损坏" in texts


def test_empty_warnings_and_footer_lines_are_left_out(tmp_path: Path) -> None:
    context = sample_context()
    context["warnings"] = []
    context["footer"]["send_to"] = ""
    texts = _texts(Document(str(_render(tmp_path, context))))
    assert "生成提示：" not in texts
    assert not any(t.startswith("送：") for t in texts)
    assert "报：市委办公厅，市政府办公厅" in texts


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("&<>\"'{}%"),
        min_size=1,
        max_size=40,
    ).filter(lambda t: t.strip() == t and t.strip())
)
def test_any_title_comes_through_intact(tmp_path: Path, title: str) -> None:
    context = sample_context()
    context["sources"][1]["title"] = title
    doc = Document(str(_render(tmp_path, context)))
    assert doc.tables[-1].rows[2].cells[1].text == title


def test_control_characters_in_values_do_not_break_the_document(tmp_path: Path) -> None:
    context = sample_context()
    context["warnings"] = ["文件\x0b损坏\x00.pdf 无法读取"]
    doc = Document(str(_render(tmp_path, context)))
    assert "文件损坏.pdf 无法读取" in _texts(doc)


def test_no_jinja_tags_left_in_output(rendered: DocxDocument) -> None:
    everything = "\n".join(_texts(rendered))
    for table in rendered.tables:
        everything += "\n".join(cell.text for row in table.rows for cell in row.cells)
    assert "{{" not in everything and "{%" not in everything


def test_core_properties_come_from_context_and_timestamp(rendered: DocxDocument) -> None:
    props = rendered.core_properties
    assert props.title == "科技政策简报第3期"
    assert props.created == props.modified == WHEN.replace(tzinfo=UTC)
    assert props.last_modified_by == "briefing 0.1.0"
    assert props.revision == 1


def test_themes_with_long_names_fit_the_keywords_property(tmp_path: Path) -> None:
    """Round 12: the keywords property lists every theme, and python-docx takes at most 255
    characters: nine themes of 30 characters (the longest a lexicon allows) stopped the build
    with 程序内部错误（ValueError）. The property now holds the names that fit, whole."""
    context = sample_context()
    first = copy.deepcopy(context["themes"][0])
    names = [f"第{i}个主题" + "很长" * 12 for i in range(12)]
    context["themes"] = [{**first, "name": name} for name in names]
    props = Document(str(_render(tmp_path, context))).core_properties
    assert props.keywords.startswith(names[0]) and len(props.keywords) <= 255
    assert props.keywords.split("；") == names[: len(props.keywords.split("；"))]


# --- determinism -----------------------------------------------------------------------------------


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_context_gives_identical_bytes(tmp_path: Path) -> None:
    first = _render(tmp_path, name="a.docx")
    second = _render(tmp_path, name="b.docx")
    assert _sha(first) == _sha(second)
    with zipfile.ZipFile(first) as package:
        assert package.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time for info in package.infolist()} == {(2024, 3, 31, 0, 0, 0)}


def test_rendering_does_not_change_the_context(tmp_path: Path) -> None:
    context = sample_context()
    before = copy.deepcopy(context)
    _render(tmp_path, context)
    assert context == before


# --- the template's form ---------------------------------------------------------------------------


def _east_asia(doc: DocxDocument, style: str) -> str | None:
    rfonts = doc.styles[style].element.rPr.rFonts
    value: str | None = rfonts.get(qn("w:eastAsia"))
    return value


def test_template_follows_official_document_layout() -> None:
    doc = Document(str(TEMPLATE))
    section = doc.sections[0]
    sizes = (section.page_width, section.page_height)
    assert [round(size.mm) if size is not None else None for size in sizes] == [210, 297]
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert [round(m.mm, 1) if m is not None else None for m in margins] == [37, 28, 26, 35]
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28)
    assert _east_asia(doc, "Normal") == "仿宋_GB2312"
    assert _east_asia(doc, "Heading 1") == "黑体"
    assert _east_asia(doc, "Heading 2") == "楷体_GB2312"
    assert _east_asia(doc, "Title") == "方正小标宋简体"
    assert doc.styles["Title"].font.size == Pt(22)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "— " in footer_xml


def test_default_template_uses_only_known_variables() -> None:
    assert check_template(TEMPLATE, sample_context()).ok


# --- errors and safety -----------------------------------------------------------------------------


def _error(tmp_path: Path, *lines: str) -> str:
    template = _template_with(tmp_path, *lines)
    with pytest.raises(TemplateError) as info:
        render_docx(template, sample_context(), tmp_path / "out.docx", timestamp=WHEN)
    return str(info.value)


def test_syntax_error_names_the_failing_tag(tmp_path: Path) -> None:
    message = _error(tmp_path, "标题", "{% for theme in themes %}{{ theme.name }}", "结尾")
    assert "模板语法错误" in message
    assert "{% for theme in themes %}" in message


def test_undefined_variable_is_named(tmp_path: Path) -> None:
    message = _error(tmp_path, "简报：{{ masthead.nmae }}")
    assert "未定义" in message and "nmae" in message
    assert "简报：{{ masthead.nmae }}" in message


def test_unknown_top_level_variable_is_reported(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{{ masthead.name }}{{ issue_title }}")
    (problem,) = check_template(template, sample_context()).problems
    assert "issue_title" in problem
    message = _error(tmp_path, "{{ issue_title }}")
    assert "issue_title" in message


@pytest.mark.parametrize(
    "tag",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ themes.append(1) }}",
    ],
)
def test_sandbox_escape_is_refused(tmp_path: Path, tag: str) -> None:
    message = _error(tmp_path, tag)
    assert "不安全" in message


def test_failed_render_leaves_existing_output_untouched(tmp_path: Path) -> None:
    output = tmp_path / "briefing.docx"
    output.write_bytes(b"previous issue")
    template = _template_with(tmp_path, "{{ nothing_here }}")
    with pytest.raises(TemplateError):
        render_docx(template, sample_context(), output, timestamp=WHEN)
    assert output.read_bytes() == b"previous issue"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.docx", "custom.docx"]


def test_raw_xml_from_a_safe_filter_never_produces_a_broken_file(tmp_path: Path) -> None:
    output = tmp_path / "briefing.docx"
    output.write_bytes(b"previous issue")
    template = _template_with(tmp_path, "{{ sources[1].title | safe }}")
    with pytest.raises(TemplateError, match="不是有效的 Word 文档"):
        render_docx(template, sample_context(), output, timestamp=WHEN)
    assert output.read_bytes() == b"previous issue"


def test_missing_or_invalid_template_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="不存在"):
        render_docx(tmp_path / "none.docx", sample_context(), tmp_path / "o.docx", timestamp=WHEN)
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateError, match="不是有效的 Word"):
        render_docx(fake, sample_context(), tmp_path / "o.docx", timestamp=WHEN)
    assert not (tmp_path / "o.docx").exists()


def test_cn_ordinal() -> None:
    def numbers() -> Iterator[tuple[int, str]]:
        yield from [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一")]
        yield from [(99, "九十九"), (100, "100")]

    for number, text in numbers():
        assert cn_ordinal(number) == text


def test_template_check_reports_misplaced_block_tags_and_unknown_names(tmp_path: Path) -> None:
    template = _template_with(
        tmp_path,
        "要点：{%p for m in themes %}",
        "{{ m.name }}",
        "{%p endfor %}",
        "{%tr for row in sources %}",
        "{%tr endfor %}",
    )
    problems = check_template(template, sample_context()).problems
    assert any("必须单独成段" in p and "要点：" in p for p in problems)
    assert any("只能放在表格中" in p for p in problems)
    assert any("模板语法错误" in p for p in problems)  # the stray {%tr %} is not Jinja either


def test_template_check_names_unknown_variables(tmp_path: Path) -> None:
    template = _template_with(tmp_path, "{{ masthead.name }}", "{{ author }}")
    problems = check_template(template, sample_context()).problems
    assert len(problems) == 1 and "author" in problems[0]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_template_saved_again_by_libreoffice_still_renders(tmp_path: Path) -> None:
    # staff restyle the template in Word or LibreOffice; the re-saved file must keep working
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(TEMPLATE)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    resaved = tmp_path / "lo" / TEMPLATE.name
    assert check_template(resaved, sample_context()).ok
    output = tmp_path / "out.docx"
    render_docx(resaved, sample_context(), output, timestamp=WHEN)
    doc = Document(str(output))
    assert _texts(doc)[0] == "科技政策简报"
    assert len(doc.inline_shapes) == chart_count(sample_context())
    assert "五、创新平台" in _texts(doc)


def test_late_arrivals_are_marked_and_notes_printed(rendered: DocxDocument) -> None:
    sources = rendered.tables[-1]
    titles = [row.cells[1].text for row in sources.rows[1:]]
    assert titles[0].endswith("（补报）")
    assert not any(title.endswith("（补报）") for title in titles[1:])
    texts = _texts(rendered)
    assert "本期说明：" in texts
    assert sample_context()["notes"][0] in texts
