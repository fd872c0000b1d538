"""`briefing build` end to end over the seeds: the 简报 a user opens."""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefing.build import BuildResult, build
from briefing.charts import ChartImage
from briefing.cli import app
from briefing.config import Settings
from briefing.context import BriefingContext
from briefing.digest import shown_title
from briefing.errors import BriefingError
from briefing.extract.structure import normalize_inline

runner = CliRunner()


def docx_text(path: Path) -> str:
    """Paragraphs and table cells, in body order, one per line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> BuildResult:
    out = tmp_path_factory.mktemp("out")
    return build(Settings(inputs=(seeds_dir,), output=out))


def test_build_writes_docx_and_xlsx_under_the_period_folder(seed_build: BuildResult) -> None:
    assert seed_build.docx.name == "briefing-all.docx"
    assert seed_build.docx.parent.name == "all"
    assert seed_build.xlsx.is_file()
    assert len(seed_build.included) == 5
    assert seed_build.warnings == []


def test_briefing_has_masthead_theme_sections_and_all_sources(seed_build: BuildResult) -> None:
    text = docx_text(seed_build.docx)
    assert "科技政策简报" in text
    assert "第1期" in text
    for theme in ("基础研究", "成果转化", "科技金融", "人才"):
        assert re.search(rf"^[一二三四五六七八九十]+、{theme}", text, re.M), theme
    for doc in seed_build.included:
        assert shown_title(doc) in text
    assert "渝科局函〔2023〕372号" in text


def test_briefing_embeds_the_charts(seed_build: BuildResult) -> None:
    document = docx.Document(str(seed_build.docx))
    assert len(document.inline_shapes) >= 3


def test_every_citation_resolves_to_a_source(seed_build: BuildResult) -> None:
    text = docx_text(seed_build.docx)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert cited, "the briefing cites nothing"
    assert cited <= set(range(1, len(seed_build.included) + 1))


def test_every_quoted_figure_is_printed_in_the_quote_it_cites(seed_build: BuildResult) -> None:
    from briefing.figures import cell_value

    assert seed_build.aggregates is not None
    ledger = seed_build.aggregates.ledger
    assert not ledger.empty
    for _, row in ledger.iterrows():
        quote = str(row["text"])
        shown = cell_value(quote, float(row["value"]), str(row["unit"]))
        assert shown in quote, (shown, quote)
        for no in row["sources"]:
            source = seed_build.included[int(no) - 1]
            assert normalize_inline(quote) in normalize_inline(source.body), (quote, source.source)


def _charts_of(context: BriefingContext) -> list[tuple[str, ChartImage]]:
    found: list[tuple[str, ChartImage]] = []
    for theme in context["themes"]:
        for value in theme.values():
            if isinstance(value, ChartImage):
                found.append((theme["name"], value))
    for value in context["charts"].values():
        if isinstance(value, ChartImage):
            found.append(("", value))
    return found


def test_every_number_on_a_chart_is_in_a_cited_quote_and_in_a_table(
    seed_build: BuildResult,
) -> None:
    context = seed_build.context
    assert context is not None
    charts = _charts_of(context)
    drawn = [(theme, datum) for theme, chart in charts for datum in chart.data]
    assert drawn, "the seeds' briefing draws no figure at all"
    for theme, datum in drawn:
        assert datum.value_text in datum.quote, datum
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", datum.cite)]
        assert cited, datum
        for no in cited:
            body = normalize_inline(seed_build.included[no - 1].body)
            assert normalize_inline(datum.quote) in body, (datum, no)
        block = next(t for t in context["themes"] if t["name"] == theme)
        rows = [*block["indicators"], *block["targets"], *block["standards"]]
        in_table = any(
            r["value_text"] == datum.value_text and r["cite"] == datum.cite for r in rows
        )
        in_text = any(
            datum.value_text in t["text"] and datum.cite in t["text"] for t in block["trends"]
        )
        assert in_table or in_text, f"{datum} is drawn but not in {theme}'s tables or text"


def test_each_documents_theme_counts_are_in_its_gist(seed_build: BuildResult) -> None:
    # the seeds are of four genres: no per-document chart (counts of unlike units), and each
    # document's theme counts are said in its gist instead
    context = seed_build.context
    assert context is not None and not context["charts"]["mix"]
    assert seed_build.aggregates is not None
    by_document = seed_build.aggregates.by_document
    themes = [t for t in seed_build.aggregates.themes if t in by_document.columns]
    for summary in context["documents"]:
        counts = by_document.loc[summary["no"], themes]
        drawn = "、".join(f"{t}{n}条" for t, n in counts.astype(int).items() if n > 0)
        assert drawn, summary["title"]  # every seed has measures in some theme
        assert f"（{drawn}）" in summary["gist"], (drawn, summary["gist"])


def test_two_builds_are_byte_identical(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    first = build(Settings(inputs=(seeds_dir,), output=tmp_path / "a"))
    # the same folder by a relative path: the workbook named each file by the path as given
    # (round 9), so its bytes differed and it carried the runner's folders (/home/张三/…)
    monkeypatch.chdir(seeds_dir.parent)
    second = build(Settings(inputs=(Path(seeds_dir.name),), output=tmp_path / "b"))
    for a, b in ((first.docx, second.docx), (first.xlsx, second.xlsx)):
        assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()
    rows = list(load_workbook(first.xlsx, read_only=True)["来源文件"].iter_rows(values_only=True))
    assert rows[0][7] == "文件"
    assert sorted(row[7] for row in rows[1:]) == sorted(p.name for p in seeds_dir.glob("*.txt"))


def test_special_characters_in_a_title_come_through_intact(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (seeds_dir / "004_38e28bd9a1a18c0a.txt").read_text(encoding="utf-8")
    text = text.replace(
        "重庆市科学技术局关于支持区县科技创新发展的指导意见\n实施",
        "重庆市科学技术局关于支持R&D<研发>区县科技创新发展的指导意见\n实施",
    )
    (folder / "amp.txt").write_text(text, encoding="utf-8")
    result = build(Settings(inputs=(folder,), output=tmp_path / "out"))
    assert "R&D<研发>" in docx_text(result.docx)


def test_a_reply_without_a_title_is_named_by_its_proposal_never_by_a_sentence(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2024年财政局答复.txt").write_text(
        "张三代表：\n您提出的《关于加大本级科技创新财政投入的提案》收悉，现答复如下：\n"
        "今年上半年收到上级科技资金417.6万元，本级预算安排科技项目资金420万元。\n"
        "下一步，财政局将进一步加强对科技资金的统筹。\n2024年7月18日\n",
        encoding="utf-8",
    )
    result = build(Settings(inputs=(folder,), output=tmp_path / "out"))
    lines = docx_text(result.docx).splitlines()
    # a reply is named by the proposal it answers, marked as a name the briefing made; its file's
    # name is nowhere in the title
    shown = "《关于加大本级科技创新财政投入的提案》的答复（拟题）"
    assert f"1. {shown}" in lines  # the 文件摘要 heading
    assert any(line.startswith(f"1 | {shown} |") for line in lines)  # 附：来源文件
    assert not any("您提出的" in line for line in lines if line.startswith(("1. ", "1 | ")))


def test_a_bad_file_among_good_ones_gives_a_briefing_and_a_warning(
    tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "broken.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", "-i", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "broken.txt" in result.stderr
    assert (tmp_path / "out" / "all" / "briefing-all.docx").is_file()
    strict = runner.invoke(
        app, ["build", "-i", str(folder), "-o", str(tmp_path / "out2"), "--strict"]
    )
    assert strict.exit_code == 1


def test_an_added_theme_gets_a_section_and_a_chart_bar(tmp_path: Path, seeds_dir: Path) -> None:
    lexicon = tmp_path / "extra.toml"
    lexicon.write_text(
        '[themes."创新平台"]\nterms = ["创新平台", "技术创新中心", "重点实验室", "高新区"]\n',
        encoding="utf-8",
    )
    result = build(Settings(inputs=(seeds_dir,), output=tmp_path / "out", lexicon=lexicon))
    assert result.aggregates is not None and "创新平台" in result.aggregates.themes
    assert result.theme_counts()["创新平台"]["measures"] > 0
    assert re.search(r"^[一二三四五六七八九十]+、创新平台", docx_text(result.docx), re.M)


def test_summary_on_stderr_names_outputs_and_counts(tmp_path: Path, seeds_dir: Path) -> None:
    result = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "读取文件 5 份" in result.stderr
    assert "briefing-all.docx" in result.stderr
    assert result.stdout == ""
    # the counts split as the briefing splits them: progress, provisions, plans
    assert "各主题措施数（进展/政策规定/计划）" in result.stderr
    line = re.search(r"基础研究：(\d+) 条（(\d+)/(\d+)/(\d+)）", result.stderr)
    assert line is not None
    total, *parts = map(int, line.groups())
    assert sum(parts) == total
    assert f"工作进展{parts[0]}条、政策规定{parts[1]}条、工作计划{parts[2]}条" in docx_text(
        tmp_path / "all" / "briefing-all.docx"
    )
    # 其他 counts every measure of no theme; the 简报 and 要情 count only those about science work
    # (其他科技工作): the summary gives that number too, the one the 要情's 另有… line prints
    other = re.search(r"其他：(\d+) 条（[\d/]+），其中其他科技工作 (\d+) 条", result.stderr)
    assert other is not None
    assert int(other[2]) <= int(other[1])
    yaoqing = runner.invoke(
        app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path), "-t", "yaoqing"]
    )
    assert yaoqing.exit_code == 0, yaoqing.output
    assert f"另有其他科技工作措施{other[2]}条" in docx_text(tmp_path / "all" / "yaoqing-all.docx")


def test_period_filter_and_usage_errors(tmp_path: Path, seeds_dir: Path) -> None:
    result = build(Settings(inputs=(seeds_dir,), output=tmp_path, period="2023"))
    assert {d.source.split("/")[-1][:3] for d in result.included} == {"000"}
    assert result.docx.name == "briefing-2023.docx"
    bad = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path), "-p", "2023-13"])
    assert bad.exit_code == 2
    # the period's briefing exists, but a mistyped input folder is still an error, not "unchanged"
    made = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path / "all")])
    assert made.exit_code == 0
    missing = runner.invoke(
        app, ["build", "-i", str(tmp_path / "nope"), "-o", str(tmp_path / "all")]
    )
    assert missing.exit_code == 2
    assert "输入路径不存在" in missing.output


def test_failed_render_keeps_the_earlier_briefing(tmp_path: Path, seeds_dir: Path) -> None:
    settings = Settings(inputs=(seeds_dir,), output=tmp_path)
    first = build(settings)
    before = first.docx.read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a docx")
    with pytest.raises(BriefingError):
        build(replace(settings, template=broken))
    assert first.docx.read_bytes() == before
    leftovers = [p for p in first.docx.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_xlsx_lists_every_measure_and_figure_with_its_source_and_quote(
    seed_build: BuildResult,
) -> None:
    from openpyxl import load_workbook

    book = load_workbook(seed_build.xlsx, read_only=True)
    assert book.sheetnames == ["来源文件", "措施", "数据"]
    measures = list(book["措施"].iter_rows(values_only=True))
    figures = list(book["数据"].iter_rows(values_only=True))
    assert measures[0][0] == "来源序号" and measures[0][-1] == "原文"
    assert len(measures) - 1 == sum(len(d.measures) for d in seed_build.included)
    assert len(figures) - 1 == sum(len(d.indicators) for d in seed_build.included)
    first = seed_build.included[0]
    assert measures[1][-1] == first.measures[0].text
    assert len(list(book["来源文件"].iter_rows(values_only=True))) == 6


def test_bad_jsonl_lines_are_warnings_and_the_good_line_is_briefed(
    tmp_path: Path, seeds_dir: Path
) -> None:
    import json as _json

    good = {
        "title": "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "text": (seeds_dir / "004_38e28bd9a1a18c0a.txt").read_text(encoding="utf-8"),
    }
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "docs.jsonl").write_text(
        _json.dumps(good, ensure_ascii=False) + "\n{broken\n{broken\n", encoding="utf-8"
    )
    result = build(Settings(inputs=(folder,), output=tmp_path / "out"))
    assert len(result.included) == 1
    assert any("docs.jsonl#2" in w for w in result.warnings)
    assert any("docs.jsonl#3" in w for w in result.warnings)
    assert not any("内容相同" in w for w in result.warnings)


def test_a_quote_that_looks_like_a_formula_stays_text_in_the_xlsx(tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import load_workbook

    from briefing.model import ExtractedDocument, Measure, Metadata
    from briefing.workbook import write_xlsx

    doc = ExtractedDocument(
        source="x.txt",
        sha256="0" * 64,
        format="text",
        metadata=Metadata(display_title='=HYPERLINK("http://x")'),
        body="正文",
        measures=[Measure("m1", "=1+1", (), "done")],
    )
    path = tmp_path / "x.xlsx"
    write_xlsx(path, [doc], datetime(2024, 3, 31))
    book = load_workbook(path)
    cell = book["措施"]["I2"]
    assert cell.value == "=1+1" and cell.data_type == "s"
    assert book["来源文件"]["B2"].data_type == "s"


def test_rows_past_excels_limit_are_a_warning_not_a_silent_loss(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    import briefing.workbook

    # Excel's limit is 1,048,576 rows; the seeds have 267 measures
    monkeypatch.setattr(briefing.workbook, "MAX_ROWS", 101)
    result = build(Settings(inputs=(seeds_dir,), output=tmp_path / "out"))
    warning = next(w for w in result.warnings if "措施" in w and "上限" in w)
    assert "只写入了前 100 行" in warning
    assert warning.startswith("briefing-all.xlsx: ")  # every warning names its file
    book = load_workbook(result.xlsx, read_only=True)
    assert book["措施"].max_row == 101
    assert book["来源文件"].max_row == 6  # sheets under the limit are whole
    manifest = (result.manifest or tmp_path).read_text(encoding="utf-8")
    assert "只写入了前 100 行" in manifest


def test_an_unwritable_output_is_a_message_not_a_traceback(tmp_path: Path, seeds_dir: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：")
    assert "Traceback" not in result.output


def test_a_full_disk_while_writing_the_briefing_is_a_chinese_error_and_keeps_the_last_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    out = tmp_path / "out"
    first = runner.invoke(app, ["build", "-o", str(out), "-q"])
    assert first.exit_code == 0, first.output
    docx = next(out.rglob("*.docx"))
    before = docx.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)  # the os module atomic.py writes through
    again = runner.invoke(app, ["build", "-o", str(out), "-q", "--force"])
    assert again.exit_code == 1
    assert "磁盘空间已满" in again.output
    assert "No space" not in again.output
    # which file was not replaced (a write's error carries no file name: it was not said)
    assert docx.name in again.output
    assert docx.read_bytes() == before
    assert not [p for p in out.rglob("*") if p.name.startswith(".") and p.suffix == ".tmp"]


def test_a_folder_planted_where_the_workbook_goes_is_named_not_a_temporary_file(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Whoever can write the output folder can put a folder where the workbook goes: the run
    said 无法读写文件 …/.briefing-all.xlsx.1f2e9a0c.tmp：这是文件夹, a file that is no folder and
    that the user cannot find (it is deleted)."""
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(out), "-q"]).exit_code == 0
    workbook = out / "all" / "briefing-all.xlsx"
    workbook.unlink()
    workbook.mkdir()
    again = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(out), "-q"])
    assert again.exit_code == 1
    assert f"无法读写文件 {workbook}：这是文件夹，不是文件" in again.stderr
    assert ".tmp" not in again.stderr


def test_a_briefing_too_long_for_its_many_documents_says_so_and_keeps_the_last_one(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Round 10: a month of 50 000 short notices filled the shipped template's list of sources
    past the output limit, and the run failed with "模板构造的文字过长…请检查 join、replace…",
    blaming a template the user never wrote. The message now names the documents; the
    briefing made before is kept as it was."""
    from briefing import sandbox

    for seed in sorted(seeds_dir.glob("*.txt"))[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    out = tmp_path / "out"
    args = ["build", "-i", str(tmp_path), "-o", str(out), "-p", "all"]
    assert runner.invoke(app, args).exit_code == 0
    made = {p.name: p.read_bytes() for p in (out / "all").iterdir()}
    monkeypatch.setattr(sandbox, "MAX_TEXT", 20_000)  # three documents' briefing is longer
    result = runner.invoke(app, [*args, "--force"])
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：本期文件过多（3 份），简报的文字超过 2 万字的上限，"), (
        result.stderr
    )
    assert "请缩短期间（-p），或用 --theme 按主题分别生成" in result.stderr
    assert "join" not in result.stderr
    assert {p.name: p.read_bytes() for p in (out / "all").iterdir()} == made


def test_a_plan_whose_deadline_has_passed_is_no_next_step(tmp_path: Path) -> None:
    """A 2025 issue read '下一步，池州市高新技术企业达到100家' from a 十三五 plan (targets to 2020, no
    date of its own): a plan whose targets' year is before the issue's is no next step when the
    issue has current items; a plan still ahead is."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "summary.txt").write_text(
        "某某市科学技术局2024年工作总结\n"
        "2024年，全市新认定高新技术企业156家，技术合同成交额48亿元，增长12%。\n"
        "新建省级重点实验室5家，引进高层次人才团队12个。\n"
        "2025年，力争全市技术合同成交额达到55亿元。\n"
        "某某市科学技术局\n2025年1月10日\n",
        encoding="utf-8",
    )
    (folder / "plan.txt").write_text(
        "某某市“十三五”科技创新目标\n"
        "到2020年，全市高新技术企业达到100家，科技服务业产业规模达到20亿元。\n",
        encoding="utf-8",
    )
    result = build(Settings(inputs=(folder,), output=tmp_path / "out"))
    assert result.context is not None
    digest = result.context["summary"]["digest"]
    plans = [line for line in digest if line.startswith("下一步，")]
    assert plans, digest
    assert not any("100家" in line for line in plans), digest
    assert any("55亿元" in line for line in plans), digest


def _open_override_before_citation(text: str) -> bool:
    """Whether a citation "[" in `text` stands inside a direction override or embedding left
    open before it (displayed turned round: [12] reads [21])."""
    depth = 0
    for char in text:
        if char in "\u202a\u202b\u202d\u202e":
            depth += 1
        elif char == "\u202c" and depth:
            depth -= 1
        elif char == "[" and depth:
            return True
    return False


def test_a_direction_override_a_document_leaves_open_turns_round_none_of_the_briefing(
    tmp_path: Path,
) -> None:
    """Round 15: a document's sentence ending in an unclosed RLO (U+202E) turned round what the
    briefing put after it in the same paragraph: the citation, and in a theme's summary or a
    document's gist the next quote and the counts. Each piece of a document's text now closes
    what it opens; what it shows itself is unchanged."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "关于加快科技创新的若干措施\u202e\n发布机构：市科学技术局\n发布日期：2024-03-08\n\n"
        "一是加大研发投入，全市研发投入达到15亿元\u202e，同比增长8%。\n"
        "二是支持企业创新，安排资金3000万元。\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "关于支持企业研发的通知\n发布日期：2024-03-09\n\n"
        "一是加大基础研究投入\u202e，全市基础研究经费达到20亿元，同比增长12%。\n"
        "二是新建国家重点实验室3家，省级重点实验室12家。\n",
        encoding="utf-8",
    )
    result = build(Settings(inputs=(folder,), output=tmp_path / "out", period="2024-03"))
    document = docx.Document(str(result.docx))
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    assert any("\u202e" in text for text in texts)  # the documents' own text is kept as written
    assert [text for text in texts if _open_override_before_citation(text)] == []
    # round 17: the manifest, a JSON file people read, escapes them (its data is the same)
    assert result.manifest is not None
    manifest = result.manifest.read_text("utf-8")
    assert "\u202e" not in manifest and "\\u202e" in manifest
