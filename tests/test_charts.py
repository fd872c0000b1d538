"""Charts: Chinese renders from the bundled font, PNGs are reproducible, colours follow themes."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from briefing.aggregate import Aggregates
from briefing.charts import (
    OTHER_COLOR,
    ChartImage,
    document_mix_chart,
    draw_charts,
    indicator_chart,
    theme_color,
    theme_status_chart,
)
from briefing.figures import comparable_amounts, pick_figures
from briefing.fonts import cjk_rc_params, font_path
from briefing.render import render_docx_bytes
from briefing.template_tools import shipped_template
from tests.sample_context import real_context

THEMES = ["基础研究", "成果转化", "科技金融", "人才", "创新平台"]
STATUS_ROWS = [
    ("基础研究", 12, 0, 3),
    ("成果转化", 20, 2, 4),
    ("科技金融", 5, 0, 4),
    ("人才", 9, 0, 1),
]


def _colors(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    # an RGB image's colours are 3-tuples; Pillow's stubs type them for every mode
    return {
        (c[0], c[1], c[2])
        for _, c in image.getcolors(maxcolors=1 << 20) or []
        if isinstance(c, tuple)
    }


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return (int(hex_color[1:3], 16), int(hex_color[3:5], 16), int(hex_color[5:7], 16))


def _glyph_warnings(record: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in record if "missing from font" in str(w.message)]


def test_font_comes_from_the_pip_package() -> None:
    path = font_path()
    assert path.is_file()
    assert "pylopdf_fonts_zh_cn" in str(path)
    assert cjk_rc_params()["font.sans-serif"][0] == "Noto Sans SC"


def test_chinese_labels_render_without_missing_glyphs() -> None:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        theme_status_chart(STATUS_ROWS)
        document_mix_chart([("[1]", {"基础研究": 2, "人才": 1})], THEMES)
        indicator_chart(
            "成果转化：主要数据", [("技术合同成交额", 630.5, "亿元"), ("转化金额", 2.83, "亿元")]
        )
    assert _glyph_warnings(record) == []


def test_glyph_check_detects_a_font_without_chinese() -> None:
    # guards the test above: the same check does fire when matplotlib falls back to DejaVu
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        figure = Figure()
        FigureCanvasAgg(figure)
        figure.text(0.5, 0.5, "科技金融")
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            figure.savefig(io.BytesIO(), format="png")
    assert _glyph_warnings(record)


def test_same_data_gives_identical_png_bytes() -> None:
    first = theme_status_chart(STATUS_ROWS)
    second = theme_status_chart(list(STATUS_ROWS))
    assert first.png == second.png
    assert first.png.startswith(b"\x89PNG")
    assert b"matplotlib" not in first.png  # no software/version metadata
    changed = theme_status_chart([*STATUS_ROWS[:-1], ("人才", 9, 0, 2)])
    assert changed.png != first.png


def test_a_matplotlibrc_does_not_change_or_break_the_charts(tmp_path: Path) -> None:
    # matplotlib reads ./matplotlibrc (and the user's) when it is imported: a file in the folder a
    # briefing is run from turned on LaTeX for document text (a crash here, where no latex is
    # installed; elsewhere `\\input` in a title would read files into the chart) and changed the
    # bytes of every chart
    expected = theme_status_chart(STATUS_ROWS).png
    (tmp_path / "matplotlibrc").write_text(
        "text.usetex: True\nsavefig.transparent: True\naxes.facecolor: red\n"
        "lines.linewidth: 9\nhatch.linewidth: 5\n",
        encoding="utf-8",
    )
    code = (
        "import sys, matplotlib\n"
        "assert matplotlib.rcParams['text.usetex']\n"
        "from briefing.charts import theme_status_chart\n"
        f"rows = {STATUS_ROWS!r}\n"
        "sys.stdout.buffer.write(theme_status_chart(rows).png)\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-500:]
    assert done.stdout == expected


def test_status_chart_describes_its_data_in_alt_text() -> None:
    chart = theme_status_chart(STATUS_ROWS)
    assert isinstance(chart, ChartImage)
    assert chart.width_mm <= 156  # fits the A4 text block
    assert "成果转化进展20条、政策规定2条、计划4条" in chart.alt


def test_a_direction_override_in_a_name_does_not_turn_round_the_alt_text() -> None:
    """A metric name ending in an unclosed RLO (U+202E) turned the rest of the chart's alt text
    round in Word's alt-text pane: the other bars' names and values read backwards."""
    chart = indicator_chart(
        "人才：主要金额数据（亿元）", [("专项资金\u202e", 3.0, "亿元"), ("人才基金", 5.0, "亿元")]
    )
    assert chart is not None
    assert "专项资金" in chart.alt and "人才基金" in chart.alt
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", chart.alt)


def test_status_chart_says_how_many_documents_each_themes_bar_draws_on() -> None:
    # a long bar from one news story's sentences reads as one story's, not as a theme's weight
    rows = [("科技金融", 9, 0, 1), ("人才", 2, 0, 0)]
    chart = theme_status_chart(rows, [1, 2])
    assert "科技金融进展9条、计划1条（1份文件）" in chart.alt
    assert "人才进展2条、计划0条（2份文件）" in chart.alt
    assert chart.png != theme_status_chart(rows).png


def test_status_chart_names_provisions_apart_only_when_there_are_some() -> None:
    # a policy's provisions in force are neither results nor next steps (issue 15 open item)
    plain = theme_status_chart([("基础研究", 12, 0, 3), ("人才", 9, 0, 1)])
    assert plain.alt.startswith("各主题措施数量（进展／计划）：基础研究进展12条、计划3条")
    assert "政策规定" not in plain.alt


def test_theme_colour_is_the_same_in_every_chart() -> None:
    status = theme_status_chart(STATUS_ROWS)
    mix = document_mix_chart(
        [("[1]", {"科技金融": 5, "人才": 2}), ("[2]", {"科技金融": 1})], THEMES
    )
    finance = _rgb(theme_color(THEMES.index("科技金融")))
    assert finance in _colors(status.png)
    assert finance in _colors(mix.png)


def test_other_measures_are_grey_and_listed_last() -> None:
    chart = document_mix_chart([("[1]", {"基础研究": 2, "未分类": 3})], THEMES)
    assert _rgb(OTHER_COLOR) in _colors(chart.png)
    assert chart.alt.endswith("（基础研究2、其他3）。")


def test_many_themes_all_get_distinct_colours() -> None:
    colours = [theme_color(i) for i in range(24)]
    assert len(set(colours)) == 24
    assert OTHER_COLOR not in colours


def test_indicator_chart_needs_two_figures_in_one_unit() -> None:
    assert indicator_chart("人才", [("新引进人才", 4500, "人")]) is None
    assert indicator_chart("混合", [("成交额", 630.5, "亿元"), ("企业", 7000, "家")]) is None
    chart = indicator_chart(
        "成果转化",
        [("成交额", 630.5, "亿元"), ("孵化器", 26, "家"), ("转化金额", 2.83, "亿元")],
    )
    assert chart is not None
    # only the comparable group (亿元) is drawn
    assert "成交额630.5亿元" in chart.alt and "转化金额2.83亿元" in chart.alt
    assert "孵化器" not in chart.alt


def test_labels_with_dollar_signs_and_odd_values_are_drawn_literally() -> None:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        chart = indicator_chart(
            "$x$",
            [("投入$\\frac$", 2.0, "亿元"), ("产出", 3.0, "亿元"), ("缺失", float("nan"), "亿元")],
        )
    assert chart is not None and "缺失" not in chart.alt
    assert _glyph_warnings(record) == []


def test_indicator_chart_handles_negative_growth() -> None:
    chart = indicator_chart("增速", [("产值", 10.0, "%"), ("营收", -4.8, "%")])
    assert chart is not None and "-4.8%" in chart.alt


@pytest.mark.parametrize("documents", [0, 1, 60])
def test_mix_chart_fits_the_page_for_any_number_of_documents(documents: int) -> None:
    rows = [(f"[{i + 1}]", {THEMES[i % 5]: i % 7 + 1}) for i in range(documents)]
    chart = document_mix_chart(rows, THEMES)
    width, height = Image.open(io.BytesIO(chart.png)).size
    assert height / width * chart.width_mm <= 225  # the A4 text block is 225 mm high


def _ledger_rows(rows: list[tuple[str, float, str, float, str, int | None]]) -> pd.DataFrame:
    """(metric, value, unit, value in 元, scope, year) as ledger rows of one theme."""
    return pd.DataFrame(
        [
            {
                "theme": "基础研究",
                "metric": metric,
                "value": value,
                "unit": unit,
                "base_value": base,
                "base_unit": "元",
                "scope": scope,
                "year": year,
                "kind": "actual",
                "qualifier": "",
                "text": f"{metric}{value:g}{unit}",
                "sources": [1],
                "first_source": 1,
                "conflict": False,
            }
            for metric, value, unit, base, scope, year in rows
        ]
    )


def test_amounts_in_yi_and_wan_share_one_chart_in_one_unit() -> None:
    rows = _ledger_rows(
        [
            ("国家基础研究项目直接经费", 6.56, "亿元", 6.56e8, "重庆市", 2023),
            ("联合基金资助经费", 5148, "万元", 5.148e7, "重庆市", 2023),
            ("技术合同成交额", 865.1, "亿元", 8.651e10, "重庆市", 2023),  # another family
            ("市自然科学基金资助经费", 2.76, "亿元", 2.76e8, "重庆市", 2022),  # another year
        ]
    )
    group = comparable_amounts(rows)
    assert group is not None
    assert (group.family, group.scope, group.year, group.unit) == (
        "经费投入",
        "重庆市",
        2023,
        "亿元",
    )
    # the 万元 amount is not dropped: it is drawn in 亿元, labelled as its quote prints it
    assert group.rows["metric"].tolist() == ["国家基础研究项目直接经费", "联合基金资助经费"]


def test_no_amount_chart_when_nothing_compares() -> None:
    rows = _ledger_rows(
        [
            ("技术合同成交额", 865.1, "亿元", 8.651e10, "重庆市", 2023),
            ("技术合同成交额", 197, "亿元", 1.97e10, "科学城", 2023),  # another place
            ("知识价值信用贷款", 207.21, "亿元", 2.0721e10, "重庆市", 2023),  # another family
            ("项目经费", 35, "亿元", 3.5e9, "重庆市", None),  # year unknown
        ]
    )
    assert comparable_amounts(rows) is None


def test_a_total_is_not_drawn_beside_its_parts() -> None:
    """A bulletin gives R&D经费投入 and its split by performer: the parts compare, the total is
    their sum and would read as one more category."""
    rows = _ledger_rows(
        [
            ("R&D经费投入", 109.61, "亿元", 1.0961e10, "海南省", 2024),
            ("企业R&D经费", 29.31, "亿元", 2.931e9, "海南省", 2024),
            ("政府所属研究机构R&D经费", 58.31, "亿元", 5.831e9, "海南省", 2024),
            ("高等学校R&D经费", 21.57, "亿元", 2.157e9, "海南省", 2024),
            ("其他主体R&D经费", 0.42, "亿元", 4.2e7, "海南省", 2024),
        ]
    )
    group = comparable_amounts(rows)
    assert group is not None
    assert "R&D经费投入" not in group.rows["metric"].tolist()
    assert len(group.rows) == 4
    # two amounts that merely differ are both drawn, even when one is larger than the other
    pair = comparable_amounts(rows.iloc[:2].reset_index(drop=True))
    assert pair is not None and len(pair.rows) == 2


def test_a_whole_area_is_no_bar_beside_programme_amounts() -> None:
    """The seeds' 基础研究 chart drew 全社会研发投入总量 预计750亿元 by two programme funds of 6.56
    and 2.76亿元: a total of all society beside programmes. The programmes compare and are
    drawn; the total stays in the table, its cell saying 预计."""
    theme = next(t for t in real_context()["themes"] if t["name"] == "基础研究")
    chart = theme["chart"]
    assert isinstance(chart, ChartImage) and chart
    assert "国家基础研究项目直接经费" in chart.alt and "市级自然科学基金项目资助经费" in chart.alt
    assert "750" not in chart.alt and "全社会" not in chart.alt
    total = next(r for r in theme["indicators"] if r["metric"] == "全社会研发投入总量")
    assert total["value_text"] == "预计750亿元"
    # a whole area's amount that is no estimate is left out all the same
    rows = _ledger_rows(
        [
            ("全社会研发投入总量", 750, "亿元", 7.5e10, "重庆市", 2023),
            ("国家基础研究项目直接经费", 6.56, "亿元", 6.56e8, "重庆市", 2023),
            ("市级自然科学基金项目资助经费", 2.76, "亿元", 2.76e8, "重庆市", 2023),
        ]
    )
    group = comparable_amounts(rows)
    assert group is not None and "全社会研发投入总量" not in group.rows["metric"].tolist()
    assert len(group.rows) == 2


def test_a_breakdown_is_drawn_without_the_total_and_the_amounts_cutting_across_it() -> None:
    """四川's bulletin: R&D经费 1215亿元 = 基础研究 + 应用研究 + 试验发展, and beside them 企业,
    高技术制造业 and 规模以上工业企业 R&D经费, which overlap those three. Seven bars read as seven
    kinds of spending; the three that make up the whole compare like with like."""
    rows = _ledger_rows(
        [
            ("研究与试验发展经费投入", 1215, "亿元", 1.215e11, "四川省", 2022),
            ("基础研究经费", 71.8, "亿元", 7.18e9, "四川省", 2022),
            ("应用研究经费", 195.3, "亿元", 1.953e10, "四川省", 2022),
            ("试验发展经费", 947.9, "亿元", 9.479e10, "四川省", 2022),
            ("企业研究与试验发展经费", 732.7, "亿元", 7.327e10, "四川省", 2022),
            ("高技术制造业研究与试验发展经费", 223.4, "亿元", 2.234e10, "四川省", 2022),
        ]
    )
    group = comparable_amounts(rows)
    assert group is not None
    assert group.rows["metric"].tolist() == ["基础研究经费", "应用研究经费", "试验发展经费"]


def test_a_mark_an_average_or_an_amount_of_an_unsaid_place_is_no_bar() -> None:
    """突破2万亿元 says a mark was passed, not how long a bar is; 企业户均融资额 1071万元 is an
    average, no amount beside 融资总金额 9.4亿元; and in a bulletin that names its places, an amount
    whose place it leaves unsaid (长三角四省市 4624.9亿元) is no document's own."""
    marked = _ledger_rows(
        [
            ("登记技术合同成交额", 22398.4, "亿元", 2.23984e12, "全国", 2019),
            ("技术合同成交额", 2, "万亿元", 2e12, "全国", 2019),
        ]
    )
    marked.loc[1, "text"] = "技术合同成交额突破2万亿元"
    assert comparable_amounts(marked) is None
    average = _ledger_rows(
        [
            ("知识产权质押融资总金额", 9.4, "亿元", 9.4e8, "扬州市", 2021),
            ("企业户均融资额", 1071, "万元", 1.071e7, "扬州市", 2021),
        ]
    )
    assert comparable_amounts(average) is None
    unsaid = _ledger_rows(
        [
            ("研究与试验发展经费投入", 22143.6, "亿元", 2.21436e12, "全国", 2019),
            ("技术合同成交额", 4624.9, "亿元", 4.6249e11, "", 2019),
            ("技术成交额", 2090, "亿元", 2.09e11, "", 2019),
        ]
    )
    assert comparable_amounts(unsaid) is None
    # the same two amounts from a document that names no place are its own area's, and compare
    assert comparable_amounts(unsaid.iloc[1:].reset_index(drop=True)) is not None


def test_some_parts_of_one_breakdown_beside_their_total_are_no_chart() -> None:
    """The table lists the total and two of the four sectors a bulletin breaks it into: drawn,
    the total would be one more sector and the two a whole; the table says it all."""
    split = "2024年企业、政府所属研究机构、高等学校和其他主体R&D经费分别为29.31亿元、58.31亿元、21.57亿元和0.42亿元"
    rows = _ledger_rows(
        [
            ("R&D经费投入", 109.61, "亿元", 1.0961e10, "海南省", 2024),
            ("企业经费", 29.31, "亿元", 2.931e9, "海南省", 2024),
            ("政府所属研究机构经费", 58.31, "亿元", 5.831e9, "海南省", 2024),
        ]
    )
    rows.loc[1:, "text"] = split
    assert comparable_amounts(rows) is None
    # with every sector listed, the sectors are drawn and the total is left out
    whole = pd.concat(
        [
            rows,
            _ledger_rows(
                [
                    ("高等学校经费", 21.57, "亿元", 2.157e9, "海南省", 2024),
                    ("其他主体R&D经费", 0.42, "亿元", 4.2e7, "海南省", 2024),
                ]
            ).assign(text=split),
        ],
        ignore_index=True,
    )
    group = comparable_amounts(whole)
    assert group is not None and "R&D经费投入" not in group.rows["metric"].tolist()
    assert len(group.rows) == 4


def test_a_total_beside_parts_that_do_not_make_it_up_is_no_chart() -> None:
    """A bulletin's total with parts of two breakdowns (by activity, by performer), some parts
    missing from the table: no chart, rather than the total drawn as one more category."""
    rows = _ledger_rows(
        [
            ("全社会R&D经费投入", 11.98, "亿元", 1.198e9, "六盘水市", 2020),
            ("基础研究经费支出", 0.10, "亿元", 1.0e7, "六盘水市", 2020),
            ("应用研究经费支出", 0.28, "亿元", 2.8e7, "六盘水市", 2020),
            ("各类企业研究与试验发展经费支出", 11.67, "亿元", 1.167e9, "六盘水市", 2020),
            ("高等学校经费支出", 0.26, "亿元", 2.6e7, "六盘水市", 2020),
        ]
    )
    assert comparable_amounts(rows) is None
    # a part the text introduces with 其中, beside the whole it is part of
    nested = _ledger_rows(
        [
            ("全社会R&D经费支出", 127.9, "亿元", 1.279e10, "常州市", 2014),
            ("规模以上工业企业R&D经费支出", 123.5, "亿元", 1.235e10, "常州市", 2014),
        ]
    )
    nested.loc[1, "text"] = "其中规模以上工业企业R&D经费支出123.5亿元"
    assert comparable_amounts(nested) is None
    # two whole breakdowns of the total (by activity, by performer): the parts add up to it twice
    twice = _ledger_rows(
        [
            ("投入R&D经费", 100.66, "亿元", 1.0066e10, "中山市", 2022),
            ("基础研究经费", 0.4, "亿元", 4.0e7, "中山市", 2022),
            ("应用研究经费", 1.5, "亿元", 1.5e8, "中山市", 2022),
            ("试验发展经费", 98.75, "亿元", 9.875e9, "中山市", 2022),
            ("各类企业R&D经费支出", 94.9, "亿元", 9.49e9, "中山市", 2022),
            ("科研机构经费支出", 4.91, "亿元", 4.91e8, "中山市", 2022),
            ("高等院校经费支出", 0.61, "亿元", 6.1e7, "中山市", 2022),
        ]
    )
    assert comparable_amounts(twice) is None


def test_an_amount_given_again_rounded_is_one_row_and_one_bar() -> None:
    """A news item says 突破600亿元 in its lead and 601.08亿元 in its body: the key figures list
    the exact one, and the chart does not draw the same money twice."""
    rows = _ledger_rows(
        [
            ("研究与试验发展经费投入", 600, "亿元", 6.0e10, "西安市", 2022),
            ("投入R&D经费", 601.08, "亿元", 6.0108e10, "西安市", 2022),
            ("基础研究经费", 34.67, "亿元", 3.467e9, "西安市", 2022),
        ]
    )
    picked = pick_figures(rows, "基础研究", 8).results
    assert picked["metric"].tolist() == ["投入R&D经费", "基础研究经费"]
    group = comparable_amounts(picked)
    assert group is not None and group.rows["value"].tolist() == [601.08, 34.67]


def test_a_completion_rate_or_the_size_of_a_list_is_no_key_figure() -> None:
    rows = _ledger_rows([("技术合同成交额", 210, "亿元", 2.1e10, "温州市", 2019)])
    extra = pd.DataFrame(
        [
            {**rows.iloc[0].to_dict(), "metric": name, "value": value, "unit": unit, "text": text}
            for name, value, unit, text in (
                ("创投机构投资总额", 199.7, "%", "分别完成年度标线任务的199.7%、205.9%和235.5%"),
                ("科技金融创新服务中心", 10, "家", "同时入围全国首批10家科技金融创新服务中心"),
                ("试点高新区", 13, "家", "作为全国13家企业创新积分制试点高新区之一"),
            )
        ]
    ).assign(base_unit=["%", "家", "家"], base_value=[199.7, 10.0, 13.0])
    picked = pick_figures(pd.concat([rows, extra], ignore_index=True), "基础研究", 8).results
    assert picked["metric"].tolist() == ["技术合同成交额"]


def test_a_label_breaks_before_a_place_in_brackets_not_inside_it() -> None:
    from briefing.charts import _wrap

    assert _wrap("市级自然科学基金项目（重庆市）", 12) == "市级自然科学基金项目\n（重庆市）"
    assert _wrap("技术合同成交额（重庆市）", 12) == "技术合同成交额（重庆市）"


def test_a_trend_panel_labels_its_bars_with_the_figures_not_the_sentences_verb() -> None:
    from briefing.changes import Point, Trend
    from briefing.charts import trends_of

    def point(year: int, value: float, text: str, cite: str) -> Point:
        quote = f"{year}年全市技术合同成交额{text}。"
        return Point(
            "成果转化",
            "技术合同成交额",
            "某市",
            "某市",
            year,
            value,
            "亿元",
            value * 1e8,
            "元",
            text,
            quote,
            cite,
            False,
        )

    earlier = point(2022, 630.5, "630.5亿元", "[3]")
    latest = point(2023, 865.1, "达到865.1亿元", "[5]")
    chart = trends_of("成果转化", [Trend(latest, earlier, "增长37.2%")], 1)
    assert chart is not None
    assert [d.value_text for d in chart.data] == ["630.5亿元", "865.1亿元"]
    assert "达到" not in chart.alt
    # each bar's number is still found in the quote it cites
    assert all(d.value_text in d.quote for d in chart.data)


def test_an_amount_chart_never_draws_two_bars_with_one_name() -> None:
    """存贷款余额分别达38.7万亿元、29.9万亿元 gave two rows of one name (deposits and loans): drawn
    side by side they read as one thing counted twice. Neither is drawn; what else compares is."""
    rows = _ledger_rows(
        [
            ("银行机构本外币存贷款余额", 38.7, "万亿元", 3.87e13, "广东省", 2025),
            ("银行机构本外币存贷款余额", 29.9, "万亿元", 2.99e13, "广东省", 2025),
            ("科技贷款余额", 2.1, "万亿元", 2.1e12, "广东省", 2025),
        ]
    )
    assert comparable_amounts(rows) is None
    more = _ledger_rows(
        [
            ("银行机构本外币存贷款余额", 38.7, "万亿元", 3.87e13, "广东省", 2025),
            ("银行机构本外币存贷款余额", 29.9, "万亿元", 2.99e13, "广东省", 2025),
            ("科技贷款余额", 2.1, "万亿元", 2.1e12, "广东省", 2025),
            ("知识产权质押融资额", 0.3, "万亿元", 3e11, "广东省", 2025),
        ]
    )
    group = comparable_amounts(more)
    if group is not None:
        names = group.rows["metric"].tolist()
        assert len(names) == len(set(names))


def _two_documents(same_sentence: bool) -> Aggregates:
    from briefing.aggregate import aggregate
    from briefing.model import ExtractedDocument, Indicator, Measure, Metadata

    def doc(no: int, measures: list[Measure], figures: list[Indicator]) -> ExtractedDocument:
        return ExtractedDocument(
            source=f"d{no}.txt",
            sha256=f"{no:064d}",
            format="text",
            metadata=Metadata(title=f"文件{no}", display_title=f"文件{no}"),
            body="正文",
            measures=measures,
            indicators=figures,
        )

    def fund(iid: str, mid: str, name: str, value: float) -> Indicator:
        return Indicator(
            id=iid,
            text=f"{name}{value:g}亿元",
            metric=name,
            value=value,
            unit="亿元",
            year=2025,
            kind="actual",
            scope="广东省",
            measure_id=mid,
            normalized_value=value * 1e8,
            normalized_unit="元",
        )

    def said(mid: str, text: str) -> Measure:
        return Measure(
            id=mid,
            text=text,
            section=("一、2025年工作回顾",),
            status="done",
            themes=["科技金融"],
            evidence={"科技金融": ["基金"]},
        )

    one = said("a", "组建总规模1000亿元的省战略性新兴产业投资引导基金，设立超500亿元区域基金。")
    other = said("b", "天使投资基金规模达到300亿元，科技贷款风险补偿基金撬动贷款。")
    figures = [fund("f1", "a", "省级投资引导基金规模", 1000), fund("f2", "a", "区域基金规模", 500)]
    if same_sentence:
        return aggregate([doc(1, [one], figures)], ["科技金融"])
    second = [fund("f3", "b", "天使投资基金规模", 300)]
    return aggregate([doc(1, [one], figures), doc(2, [other], second)], ["科技金融"])


def test_amounts_that_one_sentence_gives_are_no_chart() -> None:
    """A reader found 基金规模（广东省，2025年）: two bars of one sentence's two funds, unlike
    ones at that; the sentence says them. Amounts of two sentences of one family are drawn."""
    from briefing.changes import Changes

    assert "科技金融" not in draw_charts(_two_documents(same_sentence=True), Changes()).by_theme
    drawn = draw_charts(_two_documents(same_sentence=False), Changes()).by_theme
    assert "科技金融" in drawn and "天使投资基金规模" in drawn["科技金融"].alt


def test_the_per_document_chart_compares_documents_of_one_genre_only() -> None:
    """A reply's handful of measures beside a report's sixty, or policy provisions beside report
    sentences, are counts of unlike units: no per-document chart unless all are of one genre."""
    from briefing.changes import Changes

    agg = _two_documents(same_sentence=False)
    assert draw_charts(agg, Changes(), kinds={1: "report", 2: "report"}).mix
    assert not draw_charts(agg, Changes(), kinds={1: "report", 2: "reply"}).mix


def test_a_zhuanti_draws_no_chart_of_one_or_two_documents() -> None:
    """freshn's 科技金融 专题 drew four bars of size 1 for two documents, which the 相关文件 table
    right below gives as 1／0／1 each: with fewer than three documents there is no chart, and the
    专题 does not put the 简报's chart of all themes in its place."""
    from briefing.changes import Changes

    two = _two_documents(same_sentence=False)
    assert "科技金融" not in draw_charts(two, Changes(), focus="科技金融").documents
    context = real_context("科技金融")
    theme = context["themes"][0]
    assert len(theme["documents"]) >= 3 and theme["documents_chart"]
    theme["documents_chart"] = ""
    data = render_docx_bytes(
        shipped_template("zhuanti.docx"), context, timestamp=datetime(2024, 3, 27)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<wp:docPr" not in body  # no picture at all


def _shown_beside_a_good_row(
    rows: list[tuple[str, float, str, str]], base_units: list[str], base_values: list[float]
) -> list[str]:
    """The 基础研究 key-data names shown when `rows` (name, value, unit, quote) stand beside one
    well-named row (技术合同成交额 210亿元)."""
    good = _ledger_rows([("技术合同成交额", 210, "亿元", 2.1e10, "温州市", 2019)])
    extra = pd.DataFrame(
        [
            {
                **good.iloc[0].to_dict(),
                "metric": name,
                "stated": name,
                "value": value,
                "unit": unit,
                "text": text,
            }
            for name, value, unit, text in rows
        ]
    ).assign(base_unit=base_units, base_value=base_values)
    picked = pick_figures(pd.concat([good, extra], ignore_index=True), "基础研究", 8).results
    return list(picked["metric"])


def test_a_name_cut_from_a_longer_one_or_naming_no_class_is_no_key_figure() -> None:
    """A table row a leader cannot cite: half of a name joined to a word before it (服务和管理人员总数
    named 管理人员总数), a ratio with one term (与国内生产总值之比), a name begun inside a number's
    phrase (5年预计支出), a bare class counted or taking a share (企业数量, 专家占全省比重), a
    predicate opened by an adverb (率先对营业收入)."""
    shown = _shown_beside_a_good_row(
        [
            ("管理人员总数", 2.2, "万人", "服务和管理人员总数达到2.2万余人"),
            ("国内生产总值之比", 2.08, "%", "国内生产总值之比为2.08%"),
            ("年预计支出", 57381, "万元", "5年预计支出57381万元"),
            ("企业数量", 20, "家", "我市入库企业数量由2017年的20家"),
            ("专家占全省比重", 80, "%", "占全省的80%"),
            ("率先对营业收入", 20, "亿元", "在全省率先对营业收入首次超过20亿元"),
        ],
        base_units=["人", "%", "元", "家", "%", "元"],
        base_values=[22000.0, 2.08, 5.7381e8, 20.0, 80.0, 2e9],
    )
    assert shown == ["技术合同成交额"]


def test_a_place_a_time_a_passive_or_a_general_need_is_no_key_figure_name() -> None:
    """A row a leader reads as no name: a place alone (自治区), a name begun mid-phrase in a
    passive (中被评为…), one ending in how long (补贴资金三年), a need or a matter of no field
    (各类需求)."""
    shown = _shown_beside_a_good_row(
        [
            ("自治区", 12, "家", "自治区12家"),
            ("中被评为国家级科技企业孵化器", 3, "家", "其中被评为国家级科技企业孵化器3家"),
            ("补贴资金三年", 300, "万元", "连续补贴资金三年300万元"),
            ("各类需求", 560, "项", "征集各类需求560项"),
        ],
        base_units=["家", "家", "元", "项"],
        base_values=[12.0, 3.0, 3e6, 560.0],
    )
    assert shown == ["技术合同成交额"]
