"""What changed: trends of a figure over the years, computed only from cited values."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.changes import (
    Point,
    PreviousIssue,
    change_text,
    facts_problem,
    find_trends,
    previous_points,
)


def _p(
    year: int,
    value: float,
    *,
    unit: str = "亿元",
    place: str = "重庆市",
    cite: str = "[1]",
    text: str = "",
    issue: str = "",
) -> Point:
    scale = 1e8 if unit == "亿元" else 1e4 if unit == "万元" else 1.0
    base_unit = "元" if unit.endswith("元") else unit
    shown = text or f"{value:g}{unit}"
    return Point(
        theme="成果转化",
        metric="技术合同成交额",
        scope="" if place.startswith("#") else place,
        place=place,
        year=year,
        value=value,
        unit=unit,
        base_value=value * scale,
        base_unit=base_unit,
        value_text=shown,
        quote=f"技术合同成交额{shown}",
        cite=cite,
        approximate=shown[0] in "超近约",
        issue=issue,
    )


def test_the_change_is_computed_from_the_two_cited_values() -> None:
    [trend] = find_trends(
        [_p(2022, 630.5, cite="[3]", text="超630.5亿元"), _p(2023, 865.1, cite="[5]")]
    )
    assert trend.change == "增长约37.2%"  # 超630.5: the growth is approximate
    assert trend.text == (
        "技术合同成交额（重庆市）2023年865.1亿元，较2022年的超630.5亿元增长约37.2%[3][5]。"
    )


def test_no_change_is_computed_between_marks_crossed() -> None:
    """我国R&D经费总量2019年突破2万亿元，2022年突破3万亿元: each says only that a mark was passed, so
    "增长约50%" would be invented (the published totals give about 39 %)."""
    marks = [_p(2019, 20000, text="突破2万亿元"), _p(2022, 30000, text="突破3万亿元")]
    assert find_trends(marks) == []
    assert find_trends([_p(2022, 100, text="超过100亿元"), _p(2023, 865.1)]) == []
    # an estimate's mark is one too (预计全省研发经费支出超过3800亿元)
    assert find_trends([_p(2021, 3800, text="预计超过3800亿元"), _p(2022, 4200)]) == []
    # a precise value stated a little low is approximate, and its change is computed with 约
    [trend] = find_trends([_p(2022, 630.5, text="超630.5亿元"), _p(2023, 865.1)])
    assert trend.change == "增长约37.2%"


def test_amounts_in_other_units_and_falls_and_rates() -> None:
    assert change_text(_p(2022, 2.0), _p(2023, 15000, unit="万元")) == "下降25%"
    assert change_text(_p(2022, 2.36, unit="%"), _p(2023, 2.45, unit="%")) == "提高0.09个百分点"
    assert change_text(_p(2022, 5.0), _p(2023, 5.0)) == "持平"


def test_the_latest_year_is_compared_with_the_nearest_earlier_one() -> None:
    [trend] = find_trends([_p(2021, 500.0), _p(2023, 865.1), _p(2022, 630.5)])
    assert (trend.earlier.year, trend.latest.year) == (2022, 2023)


def test_no_trend_from_a_disputed_value_another_place_or_another_document() -> None:
    disputed = [_p(2022, 630.5, cite="[1]"), _p(2023, 865.1, cite="[2]"), _p(2023, 800.0)]
    assert find_trends(disputed) == []
    assert find_trends([_p(2022, 630.5), _p(2023, 197.0, place="科学城")]) == []
    # a place the text does not name is its own document's area
    assert find_trends([_p(2022, 630.5, place="#1"), _p(2023, 865.1, place="#2")]) == []
    assert len(find_trends([_p(2022, 630.5, place="#1"), _p(2023, 865.1, place="#1")])) == 1


def test_a_value_from_the_previous_issue_is_cited_with_its_issue() -> None:
    [trend] = find_trends(
        [_p(2022, 630.5, cite="第1期[3]", issue="第1期"), _p(2023, 865.1, cite="[2]")]
    )
    assert trend.text.endswith("较2022年的630.5亿元（见第1期[3]）增长37.2%[2]。")
    # nothing new when the latest value is the previous issue's own
    assert find_trends([_p(2022, 630.5), _p(2023, 865.1, cite="第1期[3]", issue="第1期")]) == []


def test_the_seeds_untitled_summary_joins_the_citys_series() -> None:
    """Seed 003 (an untitled 2023 summary of 全市科技系统 naming 重庆 throughout) gives 865.1亿元
    without naming a place; it is the city's figure, so an `all` build shows its change on 2022."""
    from tests.sample_context import real_context

    theme = next(t for t in real_context()["themes"] if t["name"] == "成果转化")
    texts = [t["text"] for t in theme["trends"]]
    assert (
        "技术合同成交额（重庆市）2023年达到865.1亿元，较2022年的超630.5亿元增长约37.2%[3][5]。"
        in texts
    )


# One figure as `issue_facts` writes it into an issue's manifest.
_FIGURE: dict[str, Any] = {
    "approximate": True,
    "base_unit": "元",
    "base_value": 63050000000.0,
    "metric": "技术合同成交额",
    "quote": "2022年全市实现技术合同成交额超630.5亿元",
    "scope": "重庆市",
    "sources": [1],
    "theme": "成果转化",
    "unit": "亿元",
    "value": 630.5,
    "value_text": "超630.5亿元",
    "year": 2022,
}


@pytest.mark.parametrize(
    ("facts", "problem"),
    [
        ({"figures": None}, "figures 不是数据的列表"),
        ({"figures": 5}, "figures 不是数据的列表"),
        ({"themes": [1, 2]}, "themes 不是各主题措施数的对照"),
        ({"themes": {"人才": 10**4000}}, "themes 中的措施数不是有效的条数"),
        ({"themes": {"人才": -3}}, "themes 中的措施数不是有效的条数"),
        ({"figures": ["abc"]}, "figures 的第 1 项不是对象"),
        ({"figures": [{**_FIGURE, "metric": 7}]}, "的 metric 不是文字"),
        # a control character reached the renderer, which blamed the template
        (
            {"figures": [{**_FIGURE, "value_text": "超630.5亿元\x00"}]},
            "value_text 过长或含有控制字符",
        ),
        ({"figures": [{**_FIGURE, "quote": "甲\n伪造的一段"}]}, "quote 过长或含有控制字符"),
        # three million characters: a chart no font can raster, in English
        ({"figures": [{**_FIGURE, "value_text": "超" * 3_000_000}]}, "value_text 过长"),
        ({"figures": [{**_FIGURE, "year": 10**400}]}, "year 不是 1900–2100 之间的年份"),
        ({"figures": [{**_FIGURE, "year": True}]}, "year 不是"),
        ({"figures": [{**_FIGURE, "base_value": float("nan")}]}, "base_value 不是有效的数值"),
        ({"figures": [{**_FIGURE, "value": float("inf")}]}, "value 不是有效的数值"),
        # a million citations took 8 GB
        (
            {"figures": [{**_FIGURE, "sources": list(range(1, 10**6))}]},
            "sources 不是文件序号的列表",
        ),
        ({"figures": [{**_FIGURE, "sources": [10**4000]}]}, "sources 不是文件序号的列表"),
        ({"figures": [{**_FIGURE, "approximate": "否"}]}, "approximate 不是真假值"),
    ],
)
def test_a_previous_manifests_facts_the_tool_did_not_write_are_named_and_never_used(
    facts: dict[str, Any], problem: str
) -> None:
    """The previous issue's manifest lies in the output folder; whoever can write the folder can
    edit it, and every later issue compares with it. What `issue_facts` cannot have written is
    a problem the run states (build then warns and compares with nothing), never a crash, an
    8 GB citation or a control character in the briefing."""
    found = facts_problem({"format": 1, **facts})
    assert found is not None and problem in found
    # the comparison itself never fails on it either
    previous = PreviousIssue("第1期（2023年7月）", "第1期", {"format": 1, **facts})
    assert all(p.quote == _FIGURE["quote"] for p in previous_points(previous))


def test_a_previous_manifests_own_facts_are_used() -> None:
    facts = {"format": 1, "themes": {"成果转化": 7}, "figures": [_FIGURE, {**_FIGURE, "scope": ""}]}
    assert facts_problem(facts) is None
    [point] = previous_points(PreviousIssue("第1期（2023年7月）", "第1期", facts))
    assert point.cite == "第1期[1]" and point.value_text == "超630.5亿元"


def test_no_change_is_computed_from_an_earlier_value_too_small_to_divide_by() -> None:
    # (865.1亿 − 1e-300) ÷ 1e-300 overflows: OverflowError, in English, ended the run
    earlier = _p(2022, 1e-300, unit="元", cite="第1期[1]", issue="第1期")
    assert change_text(earlier, _p(2023, 865.1)) is None
