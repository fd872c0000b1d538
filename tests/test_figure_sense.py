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
