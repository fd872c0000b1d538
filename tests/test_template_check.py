"""`briefing template check`: every error class, its Chinese message with the tag and the
paragraph, all problems at once, and the init -> edit in Word -> check -> build round trip."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from typer.testing import CliRunner

from briefing.cli_template import app
from briefing.render import render_docx
from briefing.template_tools import (
    SAMPLE_CONTEXT_NAME,
    check_template,
    context_json,
    init_template,
    shipped_template,
)
from tests.sample_context import sample_context

WHEN = datetime(2024, 3, 31)


def _template(tmp_path: Path, *lines: str, name: str = "t.docx") -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / name
    doc.save(str(path))
    return path


def _problems(path: Path) -> list[str]:
    return check_template(path, sample_context()).problems


def test_shipped_default_template_is_clean() -> None:
    report = check_template(shipped_template(), sample_context())
    assert report.ok, report.problems
    assert report.rendered


def test_syntax_error_shows_the_paragraph_and_explains(tmp_path: Path) -> None:
    path = _template(tmp_path, "前言", "{%p for theme in themes %}", "{{ theme.name }}")
    (problem,) = _problems(path)
    assert "模板语法错误" in problem
    assert "endfor" in problem
    assert "{{ theme.name }}" in problem or "{% for theme in themes %}" in problem


def test_misspelt_top_level_variable_gets_a_suggestion(tmp_path: Path) -> None:
    (problem,) = _problems(_template(tmp_path, "共{{ themse | length }}个主题"))
    assert "“themse”" in problem
    assert "是不是“themes”" in problem
    assert "共{{ themse | length }}个主题" in problem


def test_misspelt_field_gets_the_full_corrected_path(tmp_path: Path) -> None:
    (problem,) = _problems(_template(tmp_path, "{{ masthead.nmae }}"))
    assert "masthead.nmae" in problem
    assert "是不是“masthead.name”" in problem


def test_fields_of_loop_variables_are_checked(tmp_path: Path) -> None:
    path = _template(
        tmp_path,
        "{%p for t in themes %}",
        "{{ t.name }}：{{ t.mesure_count }}",
        "{%p for m in t.highlights %}",
        "{{ m.txt }}{{ m.cite }}",
        "{%p endfor %}",
        "{%p endfor %}",
    )
    problems = _problems(path)
    assert any("是不是“t.measure_count”" in p for p in problems), problems
    assert any("是不是“m.text”" in p for p in problems), problems
    assert len(problems) == 2


def test_unknown_filter_gets_a_suggestion(tmp_path: Path) -> None:
    (problem,) = _problems(_template(tmp_path, "{{ 86510000000 | yii }}"))
    assert "过滤器" in problem
    assert "是不是“yi”" in problem


def test_paragraph_tag_with_text_beside_it(tmp_path: Path) -> None:
    path = _template(
        tmp_path, "{%p if warnings %}提示：", "{{ warnings | length }}", "{%p endif %}"
    )
    problems = _problems(path)
    assert any("必须单独成段" in p and "提示：" in p for p in problems), problems


def test_row_tag_outside_a_table(tmp_path: Path) -> None:
    path = _template(tmp_path, "{%tr for s in sources %}", "{{ s.title }}", "{%tr endfor %}")
    problems = _problems(path)
    assert any("只能放在表格中" in p for p in problems), problems


def test_fullwidth_braces_typed_by_an_input_method(tmp_path: Path) -> None:
    problems = _problems(_template(tmp_path, "｛｛ masthead.name ｝｝"))
    assert any("全角" in p for p in problems), problems


def test_all_problems_are_reported_even_after_a_syntax_error(tmp_path: Path) -> None:
    path = _template(
        tmp_path,
        "{{ masthead.nmae }}",
        "{%p for theme in themes %}",  # never closed
        "{{ theme.name | frist }}",
        "{{ sumary.measure_count }}",
    )
    problems = _problems(path)
    text = "\n".join(problems)
    assert "模板语法错误" in text
    assert "masthead.name" in text
    assert "是不是“first”" in text
    assert "是不是“summary”" in text


def test_runtime_error_is_reported_with_its_paragraph(tmp_path: Path) -> None:
    (problem,) = _problems(_template(tmp_path, "比例：{{ summary.measure_count / 0 }}"))
    assert "模板渲染失败" in problem
    assert "比例：" in problem


def test_chart_printed_as_text_is_not_accepted(tmp_path: Path) -> None:
    problems = _problems(_template(tmp_path, "图：{{ charts.themes | string }}"))
    assert any("图表" in p for p in problems), problems


def test_chart_in_a_fixed_line_height_paragraph_is_reported(tmp_path: Path) -> None:
    doc = Document()
    paragraph = doc.add_paragraph("{{ charts.themes }}")
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(28)
    path = tmp_path / "fixed.docx"
    doc.save(str(path))
    (problem,) = _problems(path)
    assert "固定行距28磅" in problem
    assert "单倍行距" in problem


def test_table_that_disappears_is_reported(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{%p if other_count > 1000 %}")
    table = doc.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = "{{ masthead.name }}"
    doc.add_paragraph("{%p endif %}")
    path = tmp_path / "table.docx"
    doc.save(str(path))
    problems = _problems(path)
    assert any("表格" in p for p in problems), problems


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("not a zip", encoding="utf-8")
    (problem,) = _problems(path)
    assert "不是有效的 Word 文件" in problem


# --- init and the command line -----------------------------------------------------------------


def _init(tmp_path: Path) -> Path:
    folder = tmp_path / "my"
    init_template(folder, name="我的简报.docx", context=sample_context())
    return folder


def test_init_writes_template_context_and_guide(tmp_path: Path) -> None:
    folder = _init(tmp_path)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["我的简报.docx", SAMPLE_CONTEXT_NAME, "模板编写说明.md"])
    assert (folder / "我的简报.docx").read_bytes() == shipped_template().read_bytes()
    data = json.loads((folder / SAMPLE_CONTEXT_NAME).read_text(encoding="utf-8"))
    assert data["masthead"]["issue_label"] == "第3期"
    assert data["charts"]["themes"].startswith("<图片：")
    assert "{%p" in (folder / "模板编写说明.md").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    folder = _init(tmp_path)
    edited = folder / "我的简报.docx"
    edited.write_bytes(b"my edits")
    runner = CliRunner()
    result = runner.invoke(app, ["init", str(folder), "--name", "我的简报.docx"])
    assert result.exit_code == 1
    assert "--force" in result.output
    assert edited.read_bytes() == b"my edits"


def test_cli_init_from_another_shipped_template_and_check(tmp_path: Path) -> None:
    (tmp_path / "ctx.json").write_text(context_json(sample_context()), encoding="utf-8")
    runner = CliRunner()
    folder = tmp_path / "yq"
    from unittest import mock

    with mock.patch("briefing.template_tools.sample_context", sample_context):
        result = runner.invoke(app, ["init", str(folder), "--from", "yaoqing"])
    assert result.exit_code == 0, result.output
    assert "briefing template check" in result.output
    assert "briefing build --template" in result.output
    template = folder / "yaoqing.docx"
    assert template.read_bytes() == shipped_template("yaoqing.docx").read_bytes()
    ok = runner.invoke(
        app, ["check", str(template), "--context", str(folder / SAMPLE_CONTEXT_NAME)]
    )
    assert ok.exit_code == 0, ok.output
    assert "检查通过" in ok.output


def test_cli_check_lists_problems_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "ctx.json").write_text(context_json(sample_context()), encoding="utf-8")
    bad = _template(tmp_path, "{{ themse }}", "{{ masthead.nmae }}")
    result = CliRunner().invoke(app, ["check", str(bad), "--context", str(tmp_path / "ctx.json")])
    assert result.exit_code == 1
    assert "发现 2 个问题" in result.output
    assert "1. " in result.output and "2. " in result.output


def test_round_trip_init_edit_check_build(tmp_path: Path) -> None:
    """What a Word user does: copy, restyle a style, move a tag, check, build."""
    folder = _init(tmp_path)
    path = folder / "我的简报.docx"
    doc = Document(str(path))
    # restyle: headings 一、 in 宋体 18 pt
    heading = doc.styles["Heading 1"]
    heading.font.size = Pt(18)
    heading.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    # move the date from the masthead line to the subtitle paragraph
    line = next(p for p in doc.paragraphs if "{{ masthead.date_cn }}" in p.text)
    date_run = next(r for r in line.runs if r.text == "{{ masthead.date_cn }}")
    date_run.text = ""
    subtitle = next(p for p in doc.paragraphs if "{{ period.label }}" in p.text)
    subtitle.add_run("　{{ masthead.date_cn }}")
    doc.save(str(path))

    report = check_template(path, sample_context())
    assert report.ok, report.problems

    output = tmp_path / "out.docx"
    render_docx(path, sample_context(), output, timestamp=WHEN)
    built = Document(str(output))
    texts = [p.text for p in built.paragraphs]
    assert "（2024年3月）　2024年3月31日" in texts
    assert not any(t.startswith("市科技局办公室") and "2024年3月31日" in t for t in texts)
    style = built.styles["Heading 1"]
    assert style.font.size == Pt(18)
    assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert any(
        p.style is not None and p.style.name == "Heading 1"
        for p in built.paragraphs
        if "基础研究" in p.text
    )

    # a mistake in the next edit: the loop's closing tag typed into a paragraph with text
    doc = Document(str(path))
    closing = next(p for p in doc.paragraphs if p.text == "{%p endfor %}")
    closing.add_run("（完）")
    doc.save(str(path))
    (folder / "ctx.json").write_text(context_json(sample_context()), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--context", str(folder / "ctx.json")])
    assert result.exit_code == 1
    assert "必须单独成段" in result.output
    assert "（完）" in result.output


def test_check_with_a_json_context_sees_the_charts(tmp_path: Path) -> None:
    """sample-context.json stores charts as placeholders; the check still places pictures."""
    from briefing.render import render_docx_bytes
    from briefing.template_tools import load_context_json

    ctx = tmp_path / "ctx.json"
    ctx.write_text(context_json(sample_context()), encoding="utf-8")
    out = render_docx_bytes(shipped_template(), load_context_json(ctx), timestamp=WHEN)
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert xml.count("<w:drawing") >= 3


@pytest.mark.parametrize("content", ["{}", "[1, 2]", "not json"])
def test_bad_context_file_is_a_clear_error(tmp_path: Path, content: str) -> None:
    ctx = tmp_path / "ctx.json"
    ctx.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(shipped_template()), "--context", str(ctx)])
    assert result.exit_code == 1
    assert "错误：" in result.output


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"masthead": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON 嵌套过深"),
        ('{"masthead": ' + "[" * 900 + "]" * 900 + "}", "JSON 嵌套过深"),
        ('{"masthead": ', "第 1 行第 14 列附近不是有效的 JSON"),
        (b"\xff\xfe{}", "不是 UTF-8 编码"),
    ],
)
def test_a_hostile_context_file_beside_a_template_is_a_chinese_error(
    tmp_path: Path, content: str | bytes, reason: str
) -> None:
    """sample-context.json travels with a shared template: nested deep it ended in an English
    RecursionError traceback (json's, or the picture restore's), and a broken one showed
    json's English ("Expecting value: line 1 column 14")."""
    ctx = tmp_path / "sample-context.json"
    if isinstance(content, bytes):
        ctx.write_bytes(content)
    else:
        ctx.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(shipped_template()), "--context", str(ctx)])
    assert result.exit_code == 1
    assert f"无法读取上下文文件 {ctx}：{reason}" in result.output
    assert "Traceback" not in result.output and "Expecting" not in result.output


def test_text_beside_a_row_tag_is_reported(tmp_path: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for s in sources %}"
    table.rows[0].cells[1].text = "标题"
    table.rows[1].cells[0].text = "{{ s.no }}"
    table.rows[1].cells[1].text = "{{ s.title }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    path = tmp_path / "row.docx"
    doc.save(str(path))
    (problem,) = _problems(path)
    assert "第1个表格第1行" in problem
    assert "“标题”也会消失" in problem


def test_check_output_escapes_control_and_direction_characters_of_the_template(
    tmp_path: Path,
) -> None:
    """Round 12: a problem quotes the template's text, and `template check` printed it as is:
    XML allows the C1 controls (\\x9b is CSI, \\x9d starts a terminal title) and the direction
    overrides, so a template passed around reached the terminal with them."""
    doc = Document()
    doc.add_paragraph("{{ foo }} \x9b2J\x9d0;标题\x9c \u202eexe.cod")
    path = tmp_path / "c1.docx"
    doc.save(str(path))
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "foo" in result.output and "\\x9b2J" in result.output and "\\u202e" in result.output
    assert not any(char in result.output for char in "\x9b\x9d\x9c\u202e")
