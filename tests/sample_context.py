"""A hand-built `BriefingContext` for rendering tests: five themes (one user-added), a title
with `&<>`, a theme without a chart, a conflicting figure, a late arrival (补报), notes, warnings
and a full 报尾. `real_context()` is what `briefing build` makes from the bundled seeds."""

from __future__ import annotations

import functools
from typing import Any

from briefing.charts import ChartImage, document_mix_chart, indicator_chart, theme_status_chart
from briefing.context import (
    BriefingContext,
    CitedIndicator,
    CitedMeasure,
    ThemeBlock,
    TrendInfo,
)

THEMES = ("基础研究", "成果转化", "科技金融", "人才", "创新平台")
AMPERSAND_TITLE = "关于A&B<测试>标题的复函"


def measure(
    text: str,
    no: int,
    status: str = "done",
    themes: list[str] | None = None,
    score: int = 2,
    also: list[str] | None = None,
) -> CitedMeasure:
    return {
        "score": score,
        "text": text,
        "brief": text.rstrip("。"),
        "quote": text,
        "status": status,
        "status_label": "进展" if status == "done" else "计划",
        "cite": f"[{no}]",
        "source_no": no,
        "document": f"文件{no}",
        "themes": themes or [],
        "also": also or [],
    }


def indicator(
    metric: str,
    value: float,
    unit: str,
    no: int,
    *,
    year: str = "2023",
    scope: str = "",
    kind: str = "实际",
    conflict: bool = False,
    prefix: str = "",
) -> CitedIndicator:
    number = str(int(value)) if value == int(value) else str(value)
    return {
        "metric": metric,
        "value_text": f"{prefix}{number}{unit}",
        "value": value,
        "unit": unit,
        "year": year,
        "kind_label": kind,
        "scope": scope,
        "quote": f"{metric}{prefix}{number}{unit}",
        "cite": f"[{no}]",
        "sources": [no],
        "conflict": conflict,
    }


TREND: TrendInfo = {
    "metric": "技术合同成交额",
    "scope": "重庆市",
    "year": "2023",
    "value_text": "865.1亿元",
    "previous_year": "2022",
    "previous_value_text": "超630.5亿元",
    "change_text": "增长约37.2%",
    "cite": "第2期[1][3]",
    "from_previous_issue": True,
    "text": "技术合同成交额（重庆市）2023年865.1亿元，较2022年的超630.5亿元增长约37.2%第2期[1][3]。",
}


def _theme(
    index: int,
    highlights: list[CitedMeasure],
    indicators: list[CitedIndicator],
    done: int,
    planned: int,
    with_chart: bool = True,
) -> ThemeBlock:
    name = THEMES[index]
    chart: Any = ""
    if with_chart:
        drawn = _indicator_chart(
            f"{name}关键数据",
            tuple((i["metric"], i["value"], i["unit"]) for i in indicators),
            index,
        )
        chart = drawn if drawn is not None else ""
    return {
        "name": name,
        "measure_count": done + planned,
        "done_count": done,
        "planned_count": planned,
        "provision_count": 0,
        "document_count": 2,
        "highlights": highlights,
        "progress": [m for m in highlights if m["status"] == "done"],
        "plans": [m for m in highlights if m["status"] != "done"],
        "provisions": [],
        "lead": max(highlights, key=lambda m: m["score"]) if highlights else None,
        "digest": f"{name}方面，{highlights[0]['text'][:-1]}{highlights[0]['cite']}。"
        if highlights
        else "",
        "indicators": [i for i in indicators if i["kind_label"] not in ("目标", "支持标准")],
        "targets": [i for i in indicators if i["kind_label"] == "目标"],
        "standards": [i for i in indicators if i["kind_label"] == "支持标准"],
        "key_figure": next(
            (i for i in indicators if i["kind_label"] not in ("目标", "支持标准")), None
        ),
        "change_text": "较上期增加2条" if index == 1 else "",
        "trends": [TREND] if index == 1 else [],
        "trend_chart": "",
        "chart": chart,
        "documents_chart": "",
        "documents": [],
        "touching": [],
        "thin": False,
    }


@functools.cache
def _indicator_chart(
    title: str, items: tuple[tuple[str, float, str], ...], index: int
) -> ChartImage | None:
    # drawing is the slow part of building a context; charts are immutable, so share them
    return indicator_chart(title, list(items), theme_index=index)


@functools.cache
def _charts() -> tuple[ChartImage, ChartImage]:
    status = theme_status_chart([(t, 3 + i, 0, i) for i, t in enumerate(THEMES)])
    mix = document_mix_chart(
        [
            ("[1]", {"基础研究": 4, "成果转化": 3, "人才": 1}),
            ("[2]", {"科技金融": 5, "创新平台": 2, "其他": 1}),
            ("[3]", {"人才": 6, "基础研究": 1}),
        ],
        THEMES,
    )
    return status, mix


def sample_context() -> BriefingContext:
    """A fresh context each call (tests may change it)."""
    status, mix = _charts()
    themes = [
        _theme(
            0,
            [
                measure("2022年组织实施市级自然科学基金项目1800项。", 1),
                measure(
                    "建立市级财政基础研究项目资金稳定增长机制，确保年均增长10%以上。", 1, "planned"
                ),
            ],
            [
                indicator("市级自然科学基金项目", 1800, "项", 1, year="2022"),
                indicator("国家自然科学基金项目", 997, "项", 1, year="2022"),
                # a target and a support standard: tables of their own
                indicator("科技型企业", 4.8, "万家", 1, year="2025", kind="目标"),
                indicator("企业国家重点实验室稳定支持经费", 200, "万元", 1, kind="支持标准"),
            ],
            3,
            1,
        ),
        _theme(
            1,
            [measure("科技成果赋权改革累计完成知识产权转化224项。", 1)],
            [
                indicator("技术合同成交额", 630.5, "亿元", 1, year="2022", prefix="超"),
                indicator("技术合同成交额", 197, "亿元", 2, scope="科学城", prefix="超"),
                indicator("技术合同成交额", 865.1, "亿元", 3, conflict=True),
            ],
            4,
            1,
        ),
        _theme(
            2,
            [measure("组建总规模达300亿元的科学城产业发展基金。", 2)],
            [indicator("产业发展基金规模", 300, "亿元", 2, scope="科学城")],
            5,
            2,
        ),
        # no chart: a theme with figures but none drawn
        _theme(
            3,
            [
                measure("新引进海内外优秀人才4500人。", 2),
                measure("新培育技术经纪人180人。", 2, also=["成果转化"]),
            ],
            [
                indicator("新引进海内外优秀人才", 4500, "人", 2),
                indicator("技术经纪人", 180, "人", 2),
            ],
            6,
            3,
            with_chart=False,
        ),
        # the user-added theme
        _theme(
            4,
            [measure("共建重点实验室等创新平台9个。", 1, themes=["创新平台"])],
            [],
            7,
            4,
        ),
    ]
    documents = [
        {
            "no": 1,
            "title": "重庆市科学技术局关于市政协六届一次会议第0012号提案的复函",
            "doc_no": "渝科局函〔2023〕372号",
            "publisher": "市科技局",
            "date": "2023-07-27",
            "date_cn": "2023年7月27日",
            "index_no": "11500000MB15895317/2023-00178",
            "source": "seeds/000.txt",
            "measure_count": 20,
            "indicator_count": 12,
            "themes": ["基础研究", "成果转化"],
            "mark": "补报",
            "kind": "建议提案答复",
            "proposal": {
                "kind": "提案",
                "number": "第0012号",
                "title": "关于推进我市创新链与产业链融合发展的建议",
                "proposer": "市社科联",
                "result": "A类",
            },
            "key_measures": [],
            "gist": "答复市社科联提出的第0012号提案《关于推进我市创新链与产业链融合发展的建议》，"
            "办理结果：A类，列出措施20条。",
        },
        {
            "no": 2,
            "title": AMPERSAND_TITLE,
            "doc_no": "",
            "publisher": "市政府",
            "date": "2024-03-27",
            "date_cn": "2024年3月27日",
            "index_no": "",
            "source": "seeds/002.txt",
            "measure_count": 30,
            "indicator_count": 25,
            "themes": ["科技金融", "人才"],
            "mark": "新增",
            "kind": "工作报告",
            "proposal": None,
            "key_measures": ["组建总规模达300亿元的科学城产业发展基金"],
            "gist": "市政府2024年3月27日报告，梳理措施30条，主要有：组建总规模达300亿元的科学城产业发展基金。",
        },
        {
            "no": 3,
            "title": "2023年全市科技工作总结",
            "doc_no": "",
            "publisher": "",
            "date": "",
            "date_cn": "",
            "index_no": "",
            "source": "seeds/003.txt",
            "measure_count": 40,
            "indicator_count": 30,
            "themes": ["人才"],
            "mark": "新增",
            "kind": "工作总结",
            "proposal": None,
            "key_measures": ["新引进海内外优秀人才4500人"],
            "gist": "梳理措施40条，主要有：新引进海内外优秀人才4500人。",
        },
    ]
    context: BriefingContext = {
        "masthead": {
            "name": "科技政策简报",
            "issue_no": 3,
            "issue_label": "第3期",
            "editor": "市科技局办公室",
            "date": "2024-03-31",
            "date_cn": "2024年3月31日",
        },
        "period": {
            "key": "2024-03",
            "label": "2024年3月",
            "start": "2024-03-01",
            "end": "2024-03-31",
        },
        "summary": {
            "document_count": 3,
            "measure_count": 38,
            "done_count": 25,
            "planned_count": 13,
            "provision_count": 0,
            "themed_count": 36,
            "themed_done_count": 24,
            "themed_provision_count": 0,
            "themed_plan_count": 12,
            "science_other_count": 1,
            "indicator_count": 9,
            "key_figure_count": 6,
            "theme_count": 5,
            "theme_names": ["基础研究", "成果转化", "科技金融", "人才", "创新平台"],
            "new_count": 3,
            "cumulative_count": 12,
            "late_count": 1,
            "empty": False,
            "digest_other": False,
            "digest": [
                "本期收录文件3份，梳理政策措施38条，其中工作进展25条、工作计划13条。",
                "成果转化方面，科技成果赋权改革累计完成知识产权转化224项[1]。",
                "下一步，建立市级财政基础研究项目资金稳定增长机制，确保年均增长10%以上[1]。",
            ],
        },
        "themes": themes,
        "focus_theme": "",
        "other_count": 2,
        "other": {"done_count": 1, "provision_count": 0, "plan_count": 1},
        "other_work": {
            "progress": [measure("新增市级高新区1个，高新区工业总产值占全市40%以上。", 1, score=9)],
            "provisions": [],
            "plans": [measure("推进知识产权强市建设，新增发明专利1000件。", 2, "planned", score=7)],
        },
        "documents": documents,  # type: ignore[typeddict-item]
        "sources": documents,  # type: ignore[typeddict-item]
        "changes": {
            "previous_issue": "第2期（2024年2月）",
            "themes": [
                {
                    "name": "成果转化",
                    "measure_count": 5,
                    "previous_count": 3,
                    "change_text": "较上期增加2条",
                }
            ],
            "new_documents": documents[1:],  # type: ignore[typeddict-item]
            "figures": [TREND],
            "lines": ["与上期第2期（2024年2月）相比，各主题措施数：成果转化增加2条。"],
        },
        "charts": {"themes": status, "mix": mix},
        "footer": {
            "report_to": "市委办公厅，市政府办公厅",
            "send_to": "各区县科技主管部门",
            "distribute_to": "局领导，各处室",
            "copies": 30,
        },
        "notes": ["补报：1份文件早于本期、此前各期未收录。"],
        "warnings": ["文件 broken.pdf 无法读取：文件已损坏"],
        "generated_by": "briefing 0.1.0",
    }
    return context


def chart_count(context: BriefingContext) -> int:
    """How many images the rendered document should contain."""
    count = sum(1 for theme in context["themes"] if theme["chart"])
    return count + sum(1 for chart in context["charts"].values() if chart)


@functools.cache
def _real_context(theme: str | None) -> BriefingContext:
    from briefing.build import preview_context
    from briefing.config import Settings, package_data_dir

    return preview_context(Settings(inputs=(package_data_dir("seeds"),), theme=theme))


def real_context(theme: str | None = None) -> BriefingContext:
    """The context `briefing build` makes from the bundled seeds (built once per session; a
    deep copy each call, so tests may change it)."""
    import copy

    return copy.deepcopy(_real_context(theme))
