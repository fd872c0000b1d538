"""Figures that mean what they say (issue #13 item 5, #15 item 2): a support standard is a
provision, never an achievement; a share above 100 % is a reading error, not a figure; the
tables of the 简报 keep results, targets and provisions apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def _extract(path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record: dict[str, Any] = json.loads(result.stdout.splitlines()[0])
    return record


def _context(tmp_path: Path, name: str, text: str) -> dict[str, Any]:
    """The template context `briefing context` prints for a folder holding `text` as `name`."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["context", "-i", str(folder)])
    assert result.exit_code == 0, result.output
    context: dict[str, Any] = json.loads(result.stdout)
    return context


def _bulletin(tmp_path: Path) -> Path:
    doc = tmp_path / "bulletin.txt"
    doc.write_text(
        "某市2016年科技统计公报\n"
        "发布日期：2017-03-01\n"
        "一、研发投入\n"
        # "2015" lost its 年 and ran into the rate after it
        "全市研发经费投入强度达到20152.06%。"
        "全市高新技术产业增加值占规上工业增加值比重达到352.1%，比上年提高1.2个百分点。\n",
        encoding="utf-8",
    )
    return doc


def test_a_year_glued_onto_a_rate_is_split_off_and_dates_it(tmp_path: Path) -> None:
    record = _extract(_bulletin(tmp_path))
    intensity = [i for i in record["indicators"] if i["metric"] == "研发经费投入强度"]
    assert [(i["value"], i["unit"], i["year"]) for i in intensity] == [(2.06, "%", 2015)]
    # the quote stays the exact printed span
    assert intensity[0]["text"].endswith("20152.06%")
    assert not any(i["value"] > 100 and i["unit"] == "%" for i in record["indicators"])
    # a year run into a rate whose rest is no rate either is dropped, with why
    odd = tmp_path / "odd.txt"
    odd.write_text("某市2016年科技统计公报\n全市技术合同成交额增长2015135%。\n", encoding="utf-8")
    dropped = _extract(odd)
    assert dropped["indicators"] == []
    assert any("2015135%" in n and "年份与数值粘连" in n for n in dropped["notes"])


def test_a_share_above_100_percent_is_dropped_with_a_note_and_explain_says_why(
    tmp_path: Path,
) -> None:
    doc = _bulletin(tmp_path)
    record = _extract(doc)
    assert 352.1 not in [i["value"] for i in record["indicators"]]
    # the change printed after it is still read
    assert (1.2, "个百分点") in [(i["value"], i["unit"]) for i in record["indicators"]]
    (note,) = [n for n in record["notes"] if n.startswith("舍去数据")]
    assert "352.1%" in note and "不会超过100%" in note

    result = runner.invoke(
        app,
        [
            "explain",
            "全市高新技术产业增加值占规上工业增加值比重达到352.1%，比上年提高1.2个百分点。",
            "--doc",
            str(doc),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "舍去数据“全市高新技术产业增加值占规上工业增加值比重达到352.1%”" in result.output
    # and for a sentence typed alone
    alone = runner.invoke(app, ["explain", "全市研发经费投入强度为135%。"])
    assert "舍去数据“全市研发经费投入强度为135%”" in alone.output

    # growth, a task's completion and a share of a plan can pass 100 %: kept, no note
    doc = tmp_path / "summary.txt"
    doc.write_text(
        "某县科技局2023年工作总结\n"
        "全县技术合同成交额增长135%，完成年度目标任务的124%，"
        "技术合同成交额占年度目标的135%。\n",
        encoding="utf-8",
    )
    kept = _extract(doc)
    assert [i["value"] for i in kept["indicators"]] == [135.0, 124.0, 135.0]
    assert not kept["notes"]


_POLICY = (
    "某区关于支持科技企业创新发展的若干措施\n"
    "\n"
    "为加快培育科技型企业，推动科技成果转化，现制定如下措施。\n"
    "一、支持企业成长\n"
    "（一）对首次通过国家高新技术企业认定的企业，区级奖励20万元；重新认定的，奖励10万元。\n"
    "（二）高新技术企业年营业收入在1亿元以上的，奖励50万元；5000万元至1亿元的，奖励30万元。\n"
    "（三）经认定的国家级科技企业孵化器，一次性给予500万元资助。\n"
    "二、申报条件\n"
    "（四）申报企业上年度研发费用占营业收入比例不低于3%，研发人员占职工总数10%以上。\n"
    "某区科学技术局\n"
    "2024年3月1日\n"
)


def test_support_bands_and_conditions_are_provisions_not_targets(tmp_path: Path) -> None:
    doc = tmp_path / "policy.txt"
    doc.write_text(_POLICY, encoding="utf-8")
    by_text = {i["text"]: i for i in _extract(doc)["indicators"]}
    # the bands a reward is given on (…在1亿元以上的, 5000万元至1亿元的) are thresholds
    for quote in ("（二）高新技术企业年营业收入在1亿元以上", "5000万元", "至1亿元"):
        assert by_text[quote]["kind"] == "provision", by_text[quote]
    assert (
        by_text["（二）高新技术企业年营业收入在1亿元以上"]["metric"] == "高新技术企业年营业收入门槛"
    )
    # the reward is not named as the revenue it is given on
    assert by_text["奖励50万元"]["metric"] == "奖励(高新技术企业年营业收入在1亿元以上)"
    # a figure under a heading naming the conditions of support (申报条件) is one of them
    assert by_text["研发人员占职工总数10%以上"]["kind"] == "provision"
    # a summary's heading that only mentions a way of support is no list of conditions
    summary = tmp_path / "summary.txt"
    summary.write_text(
        "某区科技局2023年工作总结\n一、2023年工作情况\n（二）创新科技金融支持方式，强化企业培育\n"
        "全年发放科技贷款12亿元，服务企业150家。\n",
        encoding="utf-8",
    )
    assert [i["kind"] for i in _extract(summary)["indicators"]] == ["actual", "actual"]


def test_key_data_tables_keep_support_standards_apart_and_name_who_gets_them(
    tmp_path: Path,
) -> None:
    context = _context(tmp_path, "policy.txt", _POLICY)
    results = [r for t in context["themes"] for r in t["indicators"]]
    targets = [r for t in context["themes"] for r in t["targets"]]
    standards = [r["metric"] for t in context["themes"] for r in t["standards"]]
    # a policy's figures are standards: none is an achievement or a target
    assert results == [] and targets == []
    assert "高新技术企业年营业收入门槛" in standards
    assert "研发人员占职工总数" in standards
    # what the grant is for, not the level that pays it alone (区级奖励) nor the kind alone
    # (资助); a grant to 企业 says who, not for what (企业区级奖励, 企业最高一次性奖励: two awards
    # read alike), and is no key figure
    assert "国家级科技企业孵化器资助" in standards
    assert not any(name.startswith(("企业", "区级")) for name in standards), standards


_SUMMARY = (
    "某市科学技术局2024年工作总结\n"
    "\n"
    "一、2024年工作情况\n"
    "全年技术合同成交额达到62.3亿元，预计全社会研发投入突破85亿元。新增高新技术企业120家。\n"
    "市级财政投入基础研究的资金不低于市级科技专项资金的20%。\n"
    "科技型中小企业评价入库，市本级入库科技型中小企业300家，县区入库科技型中小企业200家。\n"
    "某市科学技术局\n"
    "2025年1月10日\n"
)


def test_key_data_cells_keep_bounds_and_estimates_and_no_two_rows_read_alike(
    tmp_path: Path,
) -> None:
    context = _context(tmp_path, "summary.txt", _SUMMARY)
    rows = {(r["metric"], r["value_text"]) for t in context["themes"] for r in t["indicators"]}
    # an estimate reads as one, a floor as a floor, not as what was done or the share itself
    assert ("全社会研发投入", "预计突破85亿元") in rows
    assert ("市级财政投入基础研究的资金占市级科技专项资金比例", "不低于20%") in rows
    assert ("技术合同成交额", "62.3亿元") in rows
    # 市本级 300家 and 县区 200家 under one name, place and year: which is which, nothing says
    assert not any(name == "入库科技型中小企业" for name, _ in rows), rows


def test_explain_says_why_a_figure_is_a_provision_or_a_target(tmp_path: Path) -> None:
    doc = tmp_path / "policy.txt"
    doc.write_text(_POLICY, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "explain",
            "（二）高新技术企业年营业收入在1亿元以上的，奖励50万元；5000万元至1亿元的，奖励30万元。",
            "--doc",
            str(doc),
        ],
    )
    assert result.exit_code == 0, result.output
    band = next(x for x in result.output.splitlines() if "1亿元（政策规定）" in x)
    assert "类型依据：给予奖补的条件分句（“……的”）中的门槛" in band
    reward = next(x for x in result.output.splitlines() if "50万元（政策规定）" in x)
    assert "类型依据：奖补句中的支持标准" in reward
    conditions = runner.invoke(app, ["explain", "研发人员占职工总数10%以上。", "--doc", str(doc)])
    line = next(x for x in conditions.output.splitlines() if "10%" in x and "类型依据" in x)
    assert "所在标题写明申报条件或支持标准" in line
    target = runner.invoke(app, ["explain", "力争高新技术企业达到1500家，比上年增加200家。"])
    assert "类型依据：句中的目标词“力争”" in target.output
    assert "类型依据：“增加”后的增减量" in target.output


def test_explain_types_a_figure_by_the_status_it_prints() -> None:
    # the status said "计划" while the figure below it said "实际": one decision now makes both
    sentence = "全市高新技术企业数量达到1000家。"
    planned = runner.invoke(
        app, ["explain", sentence, "-s", "（二）2023年目标", "--date", "2022-03-01"]
    )
    assert planned.exit_code == 0, planned.output
    assert "状态：planned" in planned.output
    assert "1000家（目标）　2023年" in planned.output
    sentence = "到2025年，全市高新技术企业数量提高到1000家。"
    where = ["-s", "一、2025年工作成效", "--title", "某市科技局2025年工作总结"]
    done = runner.invoke(app, ["explain", sentence, *where, "--date", "2026-01-10"])
    assert "状态：done" in done.output
    assert "1000家（实际）" in done.output


_WORK_SUMMARY = (
    "某市科技局2023年工作总结\n一、2023年工作情况\n（一）推动科技成果转化\n"
    "2023年，全市转化落地科技成果185项，入库科技型中小企业1609家，登记技术合同成交额达到23.9亿元。\n"
    "（二）加强创新平台建设\n"
    "2023年，全市新建技术创新中心、重点实验室20家，引进高层次人才团队14个。\n"
    "（三）加大研发投入\n"
    "2023年，全市各类企业研究与试验发展经费支出11.67亿元，各市、县两级财政科技投入12亿元。\n"
)


def _key_data(tmp_path: Path, text: str) -> list[str]:
    context = _context(tmp_path, "summary.txt", text)
    return [
        r["metric"]
        for t in context["themes"]
        for table in ("indicators", "targets", "standards")
        for r in t[table]
    ]


def test_a_key_data_row_keeps_the_verb_that_says_what_was_counted(tmp_path: Path) -> None:
    """转化落地科技成果 185项 is what was turned into products this year, not all the city's
    科技成果; 入库科技型中小企业 the firms entered into the register."""
    names = _key_data(tmp_path, _WORK_SUMMARY)
    assert "转化落地科技成果" in names and "科技成果" not in names
    assert "入库科技型中小企业" in names and "科技型中小企业" not in names
    # a verb that says only that the figure was reached adds nothing (实现, 完成, 达到)
    assert "登记技术合同成交额" in names


def test_a_row_names_one_thing_for_the_whole_area(tmp_path: Path) -> None:
    """Several things at once (技术创新中心、重点实验室 20家) or each of several places (各市、县两级)
    are no name a leader can cite: those figures stay in the text, out of the tables; 各类 sums over
    kinds and is left out of the name."""
    names = _key_data(tmp_path, _WORK_SUMMARY)
    assert not any("、" in name for name in names)
    assert not any(name.startswith("各") for name in names)
    assert "企业研究与试验发展经费支出" in names


_PAPERWORK = (
    "某市科学技术局关于科技创新工作情况的报告\n"
    "\n"
    "一、工作情况\n"
    "全市技术合同成交额达到62.3亿元。新增科技型中小企业350家。"
    "出台促进科技成果转化政策措施5条，制定科技成果转化配套文件3个。\n"
    "二、主要指标\n"
    "研究与试验发展经费支出占地区生产总值比重2.1%。\n"
    "2024年，全市研究与试验发展经费支出占地区生产总值比重达2.1%。\n"
    "某市科学技术局\n"
    "2025年1月10日\n"
)


def test_key_data_list_no_paperwork_nor_a_figure_twice(tmp_path: Path) -> None:
    """出台政策措施5条 counts paper, not what it achieved; 2.1% once undated (a list) and once
    dated (its sentence) is one figure, shown once with its year."""
    context = _context(tmp_path, "report.txt", _PAPERWORK)
    rows = [r for t in context["themes"] for r in t["indicators"]]
    names = {r["metric"] for r in rows}
    assert {"技术合同成交额", "新增科技型中小企业"} <= names, names
    assert not any(name.endswith(("措施", "文件")) for name in names), names
    share = [r for r in rows if r["metric"] == "研究与试验发展经费支出占地区生产总值比重"]
    assert [r["year"] for r in share] == ["2024"]


_FORECASTS = (
    "某市科学技术局关于科技创新工作情况的报告\n"
    "\n"
    "一、工作情况\n"
    "全市技术合同成交额达到62.3亿元，同比增幅将超过20%。"
    "预计今年新认定高新技术企业130家左右，其中净增高新技术企业60家左右。新增科技型中小企业350家。"
    "出台促进科技成果转化政策措施5条，制定科技成果转化配套文件3个。\n"
    "全市基础研究经费投入从2022年的10306万元提高到2023年的11373万元，2024年预计达到12510万元。\n"
    "二、主要指标\n"
    "研究与试验发展经费支出占地区生产总值比重2.1%。\n"
    "2024年，全市研究与试验发展经费支出占地区生产总值比重预计达2.1%。\n"
    "某市科学技术局\n"
    "2025年1月10日\n"
)


def test_key_data_say_an_estimate_is_one(tmp_path: Path) -> None:
    """A leader reads 将超过20% or 预计130家 typed 实际 as done."""
    context = _context(tmp_path, "report.txt", _FORECASTS)
    themes = context["themes"]
    rows = [r for t in themes for r in t["indicators"]]
    kinds = {(r["metric"], r["value_text"]): r["kind_label"] for r in rows}
    # a trend to an estimate says it is one
    trends = [trend["text"] for t in themes for trend in t["trends"]]
    assert any("2024年预计达到12510万元，较2023年的11373万元" in text for text in trends), trends
    assert any("2024年预计12510万元" in t["trend_chart"] for t in themes)
    # an estimate says so in its cell and in its type; so does a figure of a sentence opening
    # with 预计 (其中净增…60家左右)
    assert kinds[("技术合同成交额增幅", "将超过20%")] == "预计"
    assert kinds[("新认定高新技术企业", "预计130家左右")] == "预计"
    assert kinds[("净增高新技术企业", "预计60家左右")] == "预计"
    assert kinds[("技术合同成交额", "62.3亿元")] == "实际"
    assert kinds[("新增科技型中小企业", "350家")] == "实际"


_MONTH_AND_ESTIMATE = (
    "某市科学技术局2025年工作要点\n"
    "\n"
    "一、推进科技成果转化\n"
    "下一步，全市技术合同成交额10月底达到62.3亿元，全年将突破75亿元。"
    "预计全年新认定高新技术企业200家以上。力争全年新增科技型中小企业350家。"
    "加快建设科技成果转化中试基地。\n"
    "某市科学技术局\n"
    "2024年11月10日\n"
)


def test_an_estimate_or_a_month_count_is_no_target(tmp_path: Path) -> None:
    """A count to a month's end (10月底达到62.3亿元) is what was done so far and the year's
    estimate (全年将突破75亿元) is one: both are results, the estimate typed 预计; neither is a
    target a leader would hold the office to. A target said with 力争 stays one."""
    context = _context(tmp_path, "plan.txt", _MONTH_AND_ESTIMATE)
    themes = context["themes"]
    results = {
        (r["metric"], r["value_text"]): r["kind_label"] for t in themes for r in t["indicators"]
    }
    targets = {(r["metric"], r["value_text"]) for t in themes for r in t["targets"]}
    assert results[("技术合同成交额", "62.3亿元")] == "实际", results
    assert results[("技术合同成交额", "将突破75亿元")] == "预计", results
    assert results[("新认定高新技术企业", "预计200家以上")] == "预计", results
    assert targets == {("新增科技型中小企业", "350家")}, targets
