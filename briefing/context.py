"""The template context: one documented type, built in one place.

Every key a template can use is declared here, with a string literal under it that documents it
(`docs/templates.md` is generated from these). `build_context()` is the only function that creates
the context; nothing else adds keys.
"""

from __future__ import annotations

from typing import Any, TypedDict


class PeriodInfo(TypedDict):
    key: str
    """期间代码，用于文件名，如 `2024-03`、`all`。"""
    label: str
    """期间的中文说明，如 `2024年3月`、`全部文件`。"""
    start: str | None
    """期间第一天（ISO 日期），`all` 时为文件最早日期或空。"""
    end: str | None
    """期间最后一天（ISO 日期），`all` 时为文件最晚日期或空。"""


class MastheadInfo(TypedDict):
    name: str
    """简报名称（红头），如 `科技政策简报`。"""
    issue_no: int
    """期号数字 N。"""
    issue_label: str
    """期号文字，如 `第1期`。"""
    editor: str
    """编印单位，如 `市科技局办公室`。"""
    date: str
    """印发日期（ISO），默认为期间最后一天。"""
    date_cn: str
    """印发日期的中文写法，如 `2024年3月31日`。"""


class CitedMeasure(TypedDict):
    text: str
    """措施原文（文件中的句子或分句）。"""
    status: str
    """`done`（已完成/进展）或 `planned`（计划/目标）。"""
    status_label: str
    """状态中文：`进展` 或 `计划`。"""
    cite: str
    """引注，如 `[2]`，对应来源列表中的序号。"""
    source_no: int
    """来源序号 n。"""
    document: str
    """来源文件标题。"""
    themes: list[str]
    """措施所属主题。"""


class CitedIndicator(TypedDict):
    metric: str
    """指标名称，取自原文，如 `技术合同成交额`。"""
    value_text: str
    """数值与单位，照原文书写，如 `865.1亿元`、`超630.5亿元`。"""
    value: float
    """数值（按原文单位）。"""
    unit: str
    """单位，照原文，如 `亿元`、`家`、`%`。"""
    year: str
    """数据所指年份，如 `2023`；未知时为空字符串。"""
    kind_label: str
    """类型中文：`实际`、`增速` 或 `目标`。"""
    scope: str
    """数据所指范围（比文件更窄时），如 `科学城`；否则为空字符串。"""
    quote: str
    """含该数据的原文片段，数值在其中照原样出现。"""
    cite: str
    """引注，如 `[3]`；多个来源时如 `[3][5]`。"""
    sources: list[int]
    """所有报告该数据的来源序号。"""
    conflict: bool
    """不同来源对同一指标、范围、年份给出不同数值时为真。"""


class ThemeBlock(TypedDict):
    name: str
    """主题名称，如 `科技金融`。"""
    measure_count: int
    """本主题措施数（不含重复）。"""
    done_count: int
    """其中进展类措施数。"""
    planned_count: int
    """其中计划类措施数。"""
    document_count: int
    """涉及本主题的文件数。"""
    highlights: list[CitedMeasure]
    """要点：按规则挑选的代表性措施（有数据、信息量大、不重复）。"""
    indicators: list[CitedIndicator]
    """关键数据表的行。"""
    chart: Any
    """本主题关键数据图（图片）；无可比数据时为空字符串。"""


class DocumentSummary(TypedDict):
    no: int
    """来源序号 n（与引注 [n] 一致）。"""
    title: str
    """文件标题（无标题时为推导出的名称）。"""
    doc_no: str
    """发文字号，无则为空字符串。"""
    publisher: str
    """发布机构，无则为空字符串。"""
    date: str
    """文件日期（发布日期，否则成文日期），无则为空字符串。"""
    date_cn: str
    """文件日期的中文写法，无则为空字符串。"""
    index_no: str
    """索引号，无则为空字符串。"""
    source: str
    """文件路径。"""
    measure_count: int
    """该文件的措施数。"""
    indicator_count: int
    """该文件的数据项数。"""
    themes: list[str]
    """该文件涉及的主题（按措施数降序）。"""


class SummaryInfo(TypedDict):
    document_count: int
    """本期文件数。"""
    measure_count: int
    """措施总数（不含重复）。"""
    done_count: int
    """进展类措施数。"""
    planned_count: int
    """计划类措施数。"""
    indicator_count: int
    """数据项数。"""
    theme_count: int
    """有措施的主题数。"""
    headlines: list[str]
    """本期概要的要点句（由工具计算，不引用来源）。"""


class ChartSet(TypedDict):
    themes: Any
    """各主题措施数（进展/计划）柱状图。"""
    mix: Any
    """各文件的主题构成图。"""


class FooterInfo(TypedDict):
    report_to: str
    """报尾“报”：呈报对象。"""
    send_to: str
    """报尾“送”：抄送对象。"""
    distribute_to: str
    """报尾“发”：分发对象。"""
    copies: int
    """共印份数。"""


class BriefingContext(TypedDict):
    masthead: MastheadInfo
    """红头信息：简报名称、期号、编印单位、日期。"""
    period: PeriodInfo
    """本期覆盖的期间。"""
    summary: SummaryInfo
    """本期概要数字。"""
    themes: list[ThemeBlock]
    """各主题的一节，按配置的主题顺序，只含有措施的主题；`其他` 不在其中。"""
    other_count: int
    """未归入任何主题的措施数（概要中记为“其他”）。"""
    documents: list[DocumentSummary]
    """各文件摘要，顺序即来源序号。"""
    sources: list[DocumentSummary]
    """附：来源文件列表（与 documents 相同，按序号）。"""
    charts: ChartSet
    """全局图表（图片）。"""
    footer: FooterInfo
    """报尾信息。"""
    warnings: list[str]
    """本次运行的警告（文件无法读取等）。"""
    generated_by: str
    """生成工具及版本，如 `briefing 0.1.0`。"""
