"""The template context: one documented type, built in one place.

Every key a template can use is declared here, with a string literal under it that documents it
(`docs/templates.md` is generated from these). `build_context()` is the only function that creates
the context; nothing else adds keys.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypedDict

import pandas as pd

from briefing import __version__
from briefing.aggregate import (
    Aggregates,
    ThemeDocumentCount,
    pick_highlights,
    theme_counts,
    theme_documents,
)
from briefing.changes import Changes, Trend
from briefing.charts import BriefingCharts
from briefing.config import Settings
from briefing.digest import (
    KIND_LABELS,
    OTHER_WORK,
    Cited,
    Proposal,
    ThemeFacts,
    digest_lines,
    document_kind,
    document_place,
    fact,
    file_name,
    gist,
    own_place,
    own_year,
    proposal_of,
    says_little,
    section_topics,
    setting_of,
    shown_date,
    shown_publisher,
    shown_title,
    strongest_measures,
    theme_sentence,
    years_covered,
)
from briefing.figures import RESULT_KINDS, STANDARD_KINDS, TARGET_KINDS, as_forecast, cell_value
from briefing.inputs import name_text
from briefing.model import ExtractedDocument
from briefing.periods import Period, cn_date
from briefing.runs.selection import Selection, relative_source
from briefing.themes import OTHER_THEME
from briefing.wording import balance_marks, dated_this_year, without_enumerator


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
    """期号数字 N。 例：`3`"""
    issue_label: str
    """期号文字，如 `第1期`。"""
    editor: str
    """编印单位，如 `市科技局办公室`。"""
    date: str
    """印发日期（ISO），默认为期间最后一天；`all` 期间为文件目录所列最晚的文件日期。 例：`2024-03-31`"""
    date_cn: str
    """印发日期的中文写法，如 `2024年3月31日`。"""


class CitedMeasure(TypedDict):
    text: str
    """要点句：措施原文去掉序号（一是、（一）、1.）、开头的小标题和破折号，接好断行，以“。”结尾；数字与原文一致；一句列了几类成果的工作进展只取说到本主题的分句（第六节）。 例：`新培育技术经纪人1133人，技术合同成交额达到865.1亿元、增长37.2%。`"""
    brief: str
    """要点的简短说法（本期要点引用的就是它）：句中含数字的主要分句连同它所依靠的分句；没有数字时，60 字以内的整句，更长的取说得最实的分句；不带句末标点。 例：`新培育技术经纪人1133人，技术合同成交额达到865.1亿元、增长37.2%`"""
    quote: str
    """措施原文，与文件中一字不差（`text` 由它整理而来）。 例：`“6+N”环大学创新生态圈竞相发展,常态化举办科技成果进区县等活动,新培育技术经纪人1133人,技术合同成交额达到865.1亿元、增长37.2%。`"""
    status: str
    """`done`（已完成/进展）或 `planned`（计划/目标）。"""
    status_label: str
    """状态中文：`进展` 或 `计划`。"""
    cite: str
    """引注，如 `[2]`，对应来源列表中的序号。"""
    source_no: int
    """来源序号 n。 例：`2`"""
    document: str
    """来源文件标题，同 documents[].title（未印标题的文件是简报拟的名称，后注“（拟题）”）。 例：`重庆市科学技术局关于支持区县科技创新发展的指导意见`"""
    score: int
    """要点规则给出的得分（越高越实在，规则见《编写简报模板》第六节）。 例：`9`"""
    themes: list[str]
    """措施所属主题（按主题顺序；只算句子本身含有该主题用语的）。 例：`['成果转化', '人才']`"""
    also: list[str]
    """同一措施还涉及的其他主题（它只在最相关的主题下列为要点一次），无则为空列表。 例：`{% if m.also %}（亦涉及{{ m.also | join('、') }}）{% endif %}`"""


class CitedIndicator(TypedDict):
    metric: str
    """指标名称，取自原文，说清统计的是什么（主体＋量），如 `技术合同成交额`、`辽宁实验室启动资金支持`、`累计技术合同成交额`（规则见“关键数据的挑选”）。"""
    value_text: str
    """数值与单位，照原文书写，如 `865.1亿元`、`超630.5亿元`；分句中数字前的上下限和预计一并写出（`不低于25%`、`预计5350亿元`、`将超过20%`）；工作成效中的预计数（`kind_label` 为 `预计`）原文数字前没有“预计”的，前加“预计”（“预计今年新认定……，其中净增20家左右”的 `预计20家左右`）。"""
    value: float
    """数值（按原文单位）。 例：`865.1`"""
    unit: str
    """单位，照原文，如 `亿元`、`家`、`%`。"""
    year: str
    """数据所指年份，如 `2023`；回顾几年的段落中没有单独年份的数（“五年来……累计达260亿元”）为所回顾的时段，如 `2021—2025`；未知时为空字符串。"""
    kind_label: str
    """类型中文：`实际`、`增速`、`目标`、`增减`（比上年增加或减少的量）或 `支持标准`（奖补标准、门槛）；原文说是预计数的（“预计”“有望”“预期”“估计”在数字前或句首，“将超过”“将达到”）为 `预计`（增速、增减也是：名称已说明是变化）。"""
    scope: str
    """数据所指地区或主体，如 `科学城`、`浙江省`（句中未写明时为发文机关所辖地区；看不出发文机关时为正文自称“全市”“全省”所指的地方）；不知道时为空字符串。"""
    quote: str
    """含该数据的原文片段，数值在其中照原样出现（片段从列举中截出、留下不成对的引号或书名号时，去掉落单的那一个；开头的列表序号和条号如“3.”“（二）”“第四条”也去掉）。 例：`技术合同成交额达到865.1亿元`"""
    cite: str
    """引注，如 `[3]`；多个来源时如 `[3][5]`。"""
    sources: list[int]
    """所有报告该数据的来源序号。 例：`[2, 5]`"""
    conflict: bool
    """不同来源对同一指标、范围、年份给出不同数值时为真。 例：`False`"""


class TrendInfo(TypedDict):
    metric: str
    """指标名称。 例：`技术合同成交额`"""
    scope: str
    """地区或主体；原文未写明时为空字符串（此时只与同一文件中的数据相比）。 例：`重庆市`"""
    year: str
    """最新年份。 例：`2023`"""
    value_text: str
    """最新数值，照原文书写。 例：`达到865.1亿元`"""
    previous_year: str
    """比较的前一年份（最近的较早年份）。 例：`2022`"""
    previous_value_text: str
    """前一年份的数值，照原文书写。 例：`超630.5亿元`"""
    change_text: str
    """按“变化的计算”规则算出的变化：`增长37.2%`、`下降4.1%`、`提高0.3个百分点`、`持平`；数值为约数时带“约”。 例：`增长约37.2%`"""
    cite: str
    """两个数值的引注（同一来源只写一次）；前一数值来自上期时写作 `第1期[3][5]`（上期的 [3]，本期的 [5]）。 例：`[3][5]`"""
    from_previous_issue: bool
    """前一数值来自上期简报（本期更新的数据）时为真。 例：`False`"""
    text: str
    """整句，如 `技术合同成交额（重庆市）2023年达到865.1亿元，较2022年的超630.5亿元增长约37.2%[3][5]。`；前一数值来自上期时写作 `…较2022年的超630.5亿元（见第1期[3]）增长约37.2%[5]。`"""


class ThemeChange(TypedDict):
    name: str
    """主题名称。 例：`成果转化`"""
    measure_count: int
    """本期措施数。 例：`36`"""
    previous_count: int
    """上期措施数（上期没有该主题时为 0）。 例：`31`"""
    change_text: str
    """`较上期增加5条`、`较上期减少2条` 或 `与上期持平`。 例：`较上期增加5条`"""


class ChangeInfo(TypedDict):
    previous_issue: str
    """同一输出文件夹中上一期的期号和期间，如 `第1期（2023年7月）`；没有上期（第一期、`all`、上期由旧版本生成）时为空字符串。 例：`第1期（2023年7月）`"""
    themes: list[ThemeChange]
    """各主题措施数与上期的比较（没有上期时为空列表）。 例：`{%tr for c in changes.themes %}`"""
    new_documents: list[DocumentSummary]
    """本期新收录的文件（标记为新增、补报或更新），按来源序号。 例：`{%p for d in changes.new_documents %}`"""
    figures: list[TrendInfo]
    """上期简报列出、本期给出更新年份数值的数据。 例：`{%p for f in changes.figures %}`"""
    lines: list[str]
    """与上期比较的概要句：各主题措施数的增减和更新的数据（新增文件数已在本期要点第一句中，不再重复）；没有上期时为空列表。 例：`{%p for line in changes.lines %}`"""


class OtherCounts(TypedDict):
    done_count: int
    """进展类措施数。 例：`5`"""
    provision_count: int
    """政策规定（政策规划类文件中计划类的措施）数。 例：`1`"""
    plan_count: int
    """下一步计划数。 例：`1`"""


class OtherWork(TypedDict):
    progress: list[CitedMeasure]
    """其他科技工作的进展要点：未归入任何主题、但句中谈到科技（科技、研发、高新、专利……词表的科技锚点词）的措施，按各主题要点的同一规则挑出，至多 `[layout] highlights_per_theme` 条；没有时为空列表（专题不列）。 例：`{%p for m in other_work.progress %}`"""
    provisions: list[CitedMeasure]
    """其他科技工作中政策规划类文件的现行规定（政策规划类文件中计划类的措施），同各主题的 `provisions`。 例：`{%p for m in other_work.provisions %}`"""
    plans: list[CitedMeasure]
    """其他科技工作的下一步安排（计划类措施中不属政策规定的）。 例：`{%p for m in other_work.plans %}`"""


class ThemeDocument(TypedDict):
    no: int
    """来源序号 n（与引注 [n] 一致）。 例：`3`"""
    title: str
    """文件标题，同 `documents[].title`。 例：`重庆市科学技术局关于支持区县科技创新发展的指导意见`"""
    doc_no: str
    """发文字号，无则为空字符串。 例：`渝科局函〔2023〕372号`"""
    date: str
    """文件日期，无则为空字符串。 例：`2023-07-27`"""
    mark: str
    """本期标记，同 `documents[].mark`。 例：`补报`"""
    gist: str
    """文件摘要，同 `documents[].gist` 的写法，但只引本主题的措施；措施数仍是全文件的，其后括号里只写本主题的措施数（“梳理措施3条（成果转化1条）”）。"""
    measure_count: int
    """该文件中本主题的措施数（不含重复），即下面三项之和。 例：`6`"""
    done_count: int
    """其中进展。 例：`4`"""
    provision_count: int
    """其中政策规定。 例：`0`"""
    plan_count: int
    """其中下一步计划。 例：`2`"""


class ThemeBlock(TypedDict):
    name: str
    """主题名称，如 `科技金融`。"""
    measure_count: int
    """本主题措施数（不含重复）。 例：`12`"""
    done_count: int
    """其中进展类措施数。 例：`8`"""
    planned_count: int
    """其中计划类措施数（含政策规定）。 例：`4`"""
    provision_count: int
    """计划类措施中来自政策规划类文件（工作要点、方案、规划等任务安排除外）的（政策规定）条数；`planned_count - provision_count` 是下一步安排的条数。 例：`3`"""
    document_count: int
    """涉及本主题的文件数。 例：`3`"""
    lead: CitedMeasure | None
    """本主题最有分量的一条要点：得分最高的进展，没有进展时为得分最高的计划，适合一行概括；无要点时为空。 例：`{{ theme.lead.text }}`"""
    highlights: list[CitedMeasure]
    """要点：按规则挑选的代表性措施，先进展后计划，各按得分从高到低；一条措施在全部主题的要点中只出现一次。 例：`{%p for m in theme.highlights %}`"""
    progress: list[CitedMeasure]
    """要点中的进展（`status` 为 `done`），按得分从高到低。 例：`{%p for m in theme.progress %}`"""
    plans: list[CitedMeasure]
    """要点中的下一步安排：计划（`status` 为 `planned`），不含政策规划类文件的规定（见 `provisions`），按得分从高到低。 例：`{%p for m in theme.plans %}`"""
    provisions: list[CitedMeasure]
    """要点中的政策规定：政策规划类文件（`documents[].kind` 为 `政策规划`，工作要点、方案、规划等任务安排除外）中计划类的措施——是已经印发的现行政策，不是下一步工作，按得分从高到低。 例：`{%p for m in theme.provisions %}`"""
    digest: str
    """本主题一句话：最有分量的进展，最多两条、尽量来自两份文件（没有有分量的进展时为一条计划或政策规定，都没有时为措施数），数字照原文并带引注；“本期要点”中本主题的那句只引第一条。 例：`成果转化方面，新培育技术经纪人1133人，技术合同成交额达到865.1亿元、增长37.2%[5]；科技成果赋权改革累计完成知识产权转化224项，转化合同金额2.83亿元[3]。`"""
    indicators: list[CitedIndicator]
    """关键数据表的行：本主题的实际值、增速和增减量（工作成效），不含目标和支持标准。 例：`{%tr for row in theme.indicators %}`"""
    targets: list[CitedIndicator]
    """目标表的行：文件提出的目标值（力争、到2025年…）。 例：`{%tr for row in theme.targets %}`"""
    standards: list[CitedIndicator]
    """支持标准表的行：政策规定的奖补标准、资助额度和门槛（是政策标准，不是工作成效）。 例：`{%tr for row in theme.standards %}`"""
    key_figure: CitedIndicator | None
    """本主题的代表数据（要情每个主题一行所引）：关键数据表中不比本期年份早两年以上的第一项；都较旧时为目标表中不早于本期年份的第一项（`kind_label` 为 `目标`，引用时写明“目标”），再没有时为关键数据表的第一项；都没有时为空。 例：`{% if theme.key_figure %}{{ theme.key_figure.metric }}{% endif %}`"""
    change_text: str
    """措施数与上期相比：`较上期增加5条`、`较上期减少2条`、`与上期持平`；没有上期时为空字符串。 例：`较上期增加5条`"""
    trends: list[TrendInfo]
    """本主题数据的年度变化（同一指标、同一地区的不同年份，含与上期简报数据的比较）。 例：`{%p for t in theme.trends %}`"""
    trend_chart: Any
    """本主题数据年度变化的小图（每项数据一格，各用自己的刻度）；没有变化可比时为空字符串。 例：`{% if theme.trend_chart %}`"""
    chart: Any
    """本主题可比金额的柱状图（同一类、同一地区、同一年份，规则见“关键数据的挑选”）；无可比数据时为空字符串。 例：`{% if theme.chart %}{{ theme.chart }}{% endif %}`"""
    documents_chart: Any
    """专题（`--theme`）所选主题的各文件措施数图，每份文件一根柱，分进展、政策规定和计划，用本主题的颜色，画的是 `theme.documents` 中的文件和数字；涉及本主题的文件不到3份（一两根柱，下面的相关文件表已写明）或简报（不选主题）时为空字符串。 例：`{% if theme.documents_chart %}`"""
    documents: list[ThemeDocument]
    """本主题的相关文件：本主题措施至少 2 条、或占该文件措施三分之一以上、或带有数据的文件，按来源顺序，各带本主题的进展、政策规定、计划条数（即各文件措施数图中的数字）。 例：`{%tr for d in theme.documents %}`"""
    touching: list[ThemeDocument]
    """只是顺带涉及本主题的文件（本主题措施仅 1 条、不带数据，且不到该文件措施的三分之一），不列入 `theme.documents` 和图，按来源顺序。 例：`{% for d in theme.touching %}[{{ d.no }}]{% endfor %}`"""
    thin: bool
    """本主题没有实质内容：没有一条可列为要点的措施，也没有关键数据（措施只是顺带提及本主题或表述笼统）。专题模板此时只写一句说明，不列各节、图和空表。 例：`{%p if theme.thin %}`"""


class ProposalInfo(TypedDict):
    kind: str
    """`建议`（人大代表）、`提案`（政协委员）或 `议案`。"""
    number: str
    """编号，如 `第0942号`；原文未写时为空字符串。"""
    title: str
    """建议或提案的题目，如 `关于对渝东南地区制造企业科学研究大力扶持的建议`；原文未写时为空字符串。"""
    proposer: str
    """提出人或单位，如 `郎平权代表`、`市社科联`；原文未写时为空字符串。"""
    result: str
    """办理结果，原文写明时照录，如 `A类`、`已采纳`；否则为空字符串。"""


class DocumentSummary(TypedDict):
    no: int
    """来源序号 n（与引注 [n] 一致）。 例：`1`"""
    title: str
    """文件标题。只印“政府工作报告”的报告，发布机构写明了地方、又有报告日期时，补上年份和地方：`2026年宁夏回族自治区政府工作报告`（国务院的为 `2026年政府工作报告`；抽取结果 JSONL 仍照原文）。未印标题的文件由简报拟一个名称，后注“（拟题）”：正文开头有“时间＋主体”（如“2023年，全市科技系统…”）时以此加上文件类别作名称（`2023年重庆市科技系统工作总结（拟题）`：拟的名称中的“全省、全市”和开头只写级别的机构，文件所属地方已知且级别相同时写出地名），未印标题的答复以所答复的提案或建议作名称（`《关于…的提案》的答复（拟题）`），新闻以首句所记的事件作名称（“5月30日，某市…座谈会召开”）；都没有时为发布机构（或文件所属地方）加文件类别（`东莞市新闻报道（拟题）`、`某某市科技局有关材料（拟题）`），什么都看不出时为 `未署标题的材料（拟题）`；印出的标题以只写级别的机构开头（“市科技局关于……的答复”）时，同样补上地名（`天津市科技局关于……的答复`），级别字后面不是机构的（“省部共建协同创新中心认定管理办法”）照原文；从不把正文的一句话当标题，也不写文件名（文件名见 `file_name` 和数据表 XLSX 的“来源文件”表）。 例：`重庆市科学技术局关于市政协六届一次会议第0012号提案的复函`"""
    untitled: bool
    """文件未印标题时为真（title 此时为简报拟的名称，带“（拟题）”）。 例：`{% if d.untitled %}…{% endif %}`"""
    file_name: str
    """文件名（不含目录）。 例：`000_4bc94fbfc6990ecc.txt`"""
    doc_no: str
    """发文字号，无则为空字符串。 例：`渝科局函〔2023〕372号`"""
    publisher: str
    """发布机构，无则为空字符串。原文只写级别的简称（市科技局、省科技厅）而文件标题或正文写明了该级地方时，前面补上地名（抽取结果 JSONL 仍照原文）。 例：`鹰潭市科技局`"""
    date: str
    """文件日期（成文日期，即签发或报告的日期；没有时用发布日期），无则为空字符串。 例：`2023-07-27`"""
    date_cn: str
    """文件日期的中文写法，无则为空字符串。 例：`2023年7月27日`"""
    index_no: str
    """索引号，无则为空字符串。 例：`11500000MB15895317/2023-00178`"""
    source: str
    """文件在输入文件夹中的路径（不含输入文件夹本身所在的位置：模板得不到本机的文件夹路径；直接给出的单个文件为文件名）。 例：`2024/000_4bc94fbfc6990ecc.txt`"""
    measure_count: int
    """该文件的措施数。 例：`41`"""
    indicator_count: int
    """该文件的数据项数。 例：`30`"""
    mark: str
    """本期标记：`新增`（本期首次收录）、`补报`（早于本期、此前未收录的文件）、`更新`（此前各期收录过、内容有改动的文件）或空字符串。 例：`补报`"""
    themes: list[str]
    """该文件涉及的主题（按措施数降序）。 例：`['成果转化', '基础研究']`"""
    kind: str
    """文件类别：`建议提案答复`、`工作报告`、`工作总结`、`政策规划`、`新闻报道`、`统计公报` 或 `其他文件`。"""
    proposal: ProposalInfo | None
    """答复建议或提案的文件所答复的建议或提案；其他文件为空。 例：`{% if d.proposal %}{{ d.proposal.number }}{% endif %}`"""
    key_measures: list[str]
    """该文件最有分量的两条措施（按要点规则打分，取含数字的分句），数字照原文。 例：`['组建总规模达300亿元的科学城产业发展基金，已落地各类子基金30支']`"""
    gist: str
    """文件摘要，一两句话：答复类写明答复的建议或提案（编号、题目、提出人）、原文写明的办理结果、措施数和最有分量的两条措施；其他文件写明发布机构、日期、措施数和最有分量的两条措施；措施数后括号里是各主题的措施数；没有够分量的措施时写明措施所在的小标题（“涉及…”），没有措施时写“未梳理出政策措施”和数据项数。 例：`答复郎平权代表提出的第0942号建议《关于对渝东南地区制造企业科学研究大力扶持的建议》，列出措施32条（基础研究4条、成果转化9条、科技金融4条、人才6条）。`"""


class SummaryInfo(TypedDict):
    document_count: int
    """本期文件数。 例：`5`"""
    measure_count: int
    """措施总数（不含重复）。 例：`180`"""
    done_count: int
    """进展类措施数。 例：`95`"""
    planned_count: int
    """计划类措施数。 例：`85`"""
    provision_count: int
    """计划类措施中来自政策规划类文件（工作要点、方案、规划等任务安排除外）的（政策规定，是现行政策而不是下一步工作）条数；本期要点第一句分列“政策规定N条、工作计划M条”。 例：`12`"""
    themed_count: int
    """归入各主题的措施数（不含重复；一条措施涉及几个主题只算一次）：本期要点第一句说的“涉及科技主题的措施N条”，整篇工作报告收录时它与措施总数相差很大。 例：`78`"""
    themed_done_count: int
    """其中进展类条数。 例：`29`"""
    themed_provision_count: int
    """其中政策规定条数（政策规划类文件的计划类措施）。 例：`0`"""
    themed_plan_count: int
    """其中工作计划条数（不含政策规定）。 例：`49`"""
    science_other_count: int
    """未归入主题、但句中说的是科技工作的措施数（“其他科技工作”一节从中择要）。 例：`172`"""
    indicator_count: int
    """数据项数（文件中摘出的全部数据，同 XLSX“数据”表的行数）。 例：`160`"""
    key_figure_count: int
    """各主题关键数据表（实际值、目标、支持标准）所列的行数之和，即简报各表中能看到的数据条数。 例：`24`"""
    theme_count: int
    """有措施的主题数。 例：`4`"""
    theme_names: list[str]
    """本期有措施的主题（按主题顺序；专题模式下也列出全部，专题所选主题没有措施时用它说明本期涉及哪些主题）。 例：`['基础研究', '成果转化', '人才']`"""
    new_count: int
    """本期新增文件数（首次收录，含补报和更新）。 例：`3`"""
    late_count: int
    """其中补报文件数（早于本期、此前各期未收录）。 例：`1`"""
    cumulative_count: int
    """截至本期（含本期）各期累计收录的文件数。 例：`42`"""
    empty: bool
    """本期没有任何文件时为真（简报写明“本期无新增文件”）。 例：`False`"""
    digest_other: bool
    """本期要点是否有一句引了其他科技工作（“其他科技工作方面，……”：各主题可写的不到三句时才有）；要情据此不在表下再列其他科技工作的第一条。 例：`False`"""
    digest: list[str]
    """本期要点：三到六句简报体的话，每句一件事——收录文件与措施数，有分量的主题各一句最有分量的进展（或计划），其余主题的措施数，政策规定和下一步的主要安排；同一措施只出现一次，引用的每个数字都照原文并带引注 [n]（工具统计的份数、条数不带）。 例：`{%p for line in summary.digest %}`"""


class ChartSet(TypedDict):
    themes: Any
    """各主题措施数柱状图，分进展、政策规定（政策规划类文件的现行规定，有时才分出）和计划，柱后写明共几条、来自几份文件；未归入主题的措施（`other_count`）不列入。 例：`{{ charts.themes }}`"""
    mix: Any
    """各文件的主题构成图，只在本期文件同属一类（如都是工作报告）时画（一份答复的几条措施与一篇报告的几十条、一句一条的政策规定与报告的长句，条数不可比；各文件分主题的条数见文件摘要），没有时为空；只列有主题措施的文件，每根柱前写来源序号和文件的地方（本期涉及不止一地时）、类别，如“[7]海南省报告”；未归入主题的措施不列入。 例：`{{ charts.mix }}`"""


class FooterInfo(TypedDict):
    report_to: str
    """报尾“报”：呈报对象。 例：`局领导`"""
    send_to: str
    """报尾“送”：抄送对象。 例：`各处室`"""
    distribute_to: str
    """报尾“发”：分发对象。 例：`各区县科技主管部门`"""
    copies: int
    """共印份数。 例：`30`"""


class BriefingContext(TypedDict):
    masthead: MastheadInfo
    """红头信息：简报名称、期号、编印单位、日期。 例：`{{ masthead.name }}`"""
    period: PeriodInfo
    """本期覆盖的期间。 例：`{{ period.label }}`"""
    summary: SummaryInfo
    """本期概要数字。 例：`{{ summary.measure_count }}`"""
    themes: list[ThemeBlock]
    """各主题的一节，按配置的主题顺序，只含有措施的主题；“其他”不在其中。 例：`{%p for theme in themes %}`"""
    focus_theme: str
    """专题模式（`--theme`）下的主题名，此时 themes 只含这一个主题；否则为空字符串。 例：`科技金融`"""
    other_count: int
    """未归入任何主题的措施数（概要中记为“其他”）。 例：`7`"""
    other: OtherCounts
    """未归入任何主题的措施按进展、政策规定、计划分的条数，与各主题的条数一起，合起来就是概要的总数（一条措施可属几个主题，各主题条数相加会多于总数）。 例：`{{ other.done_count }}`"""
    other_work: OtherWork
    """其他科技工作：未归入任何主题、但句中谈到科技的措施中挑出的要点，分进展、政策规定、下一步安排；专题不列。 例：`{%p if other_work.progress %}`"""
    documents: list[DocumentSummary]
    """各文件摘要，顺序即来源序号。 例：`{% for d in documents %}`"""
    sources: list[DocumentSummary]
    """附：来源文件列表（与 documents 相同，按序号）。 例：`{%tr for s in sources %}`"""
    changes: ChangeInfo
    """与同一输出文件夹中上一期简报的比较：各主题措施数、本期新收录文件、更新的数据。 例：`{%p if changes.previous_issue %}`"""
    charts: ChartSet
    """全局图表（图片）。 例：`{{ charts.mix }}`"""
    footer: FooterInfo
    """报尾信息。 例：`{{ footer.copies }}`"""
    notes: list[str]
    """本期说明：补报文件、没有日期而未纳入的文件等。 例：`{%p for n in notes %}`"""
    warnings: list[str]
    """本次运行的警告（文件无法读取等）；其中的路径同 `source`，不含输入、输出文件夹本身所在的位置。 例：`{%p if warnings %}`"""
    generated_by: str
    """生成工具及版本，如 `briefing 0.1.0`。"""


# --- building -------------------------------------------------------------------------------------

_KIND_LABELS = {
    "actual": "实际",
    "growth": "增速",
    "target": "目标",
    "change": "增减",
    "provision": "支持标准",
}
_STATUS_LABELS = {"done": "进展", "planned": "计划"}
# an estimate among the results (预计750亿元, 有望突破75亿元, 将超过20%): its type says so, so a
# leader never reads it as what was done (a rate's or a change's name says it is one: …增长)
_FORECAST_KINDS = frozenset({"actual", "growth", "change"})


def _kind_label(kind: str, forecast: bool) -> str:
    if forecast and kind in _FORECAST_KINDS:
        return "预计"
    return _KIND_LABELS.get(kind, kind)


def _cite(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def document_summaries(
    documents: Sequence[ExtractedDocument],
    aggregates: Aggregates,
    marks: Mapping[str, str] | None = None,
) -> list[DocumentSummary]:
    per_document = {
        int(str(no)): {str(t): int(n) for t, n in row.items()}
        for no, row in aggregates.by_document.to_dict(orient="index").items()
    }
    # each document's measures in some theme, as the 本期要点 counts them (once each)
    frame = aggregates.measures
    themed = frame.loc[(frame["theme"] != OTHER_THEME) & ~frame["duplicate"]]
    themed_counts = themed.groupby("source_no")["measure_id"].nunique().to_dict()
    summaries: list[DocumentSummary] = []
    for no, doc in enumerate(documents, start=1):
        meta = doc.metadata
        ranked = sorted(
            ((n, t) for t, n in per_document.get(no, {}).items() if n > 0 and t != OTHER_THEME),
            key=lambda item: -item[0],
        )
        themes = [t for _, t in ranked]
        kind = document_kind(doc)
        proposal = proposal_of(doc) if kind == "reply" else None
        measure_count = sum(1 for m in doc.measures if m.duplicate_of is None)
        key_measures = strongest_measures(doc, science=aggregates.other_focus)
        date = shown_date(doc)
        date_cn = cn_date(date)
        theme_counts = [
            (theme, per_document.get(no, {}).get(theme, 0))
            for theme in aggregates.themes
            if theme != OTHER_THEME
        ]
        summaries.append(
            DocumentSummary(
                no=no,
                title=shown_title(doc),
                untitled=not meta.title,
                file_name=file_name(doc.source),
                doc_no=meta.doc_no or "",
                publisher=shown_publisher(doc),
                date=date or "",
                date_cn=date_cn,
                index_no=meta.index_no or "",
                source=doc.source,
                measure_count=measure_count,
                indicator_count=len(doc.indicators),
                mark=(marks or {}).get(doc.sha256, ""),
                themes=themes,
                kind=KIND_LABELS.get(kind, "其他文件"),
                proposal=None
                if proposal is None
                else ProposalInfo(
                    kind=proposal.kind,
                    number=proposal.number,
                    title=proposal.title,
                    proposer=proposal.proposer,
                    result=proposal.result,
                ),
                key_measures=key_measures,
                gist=_gist_of(
                    doc,
                    kind,
                    proposal,
                    date_cn,
                    key_measures,
                    theme_counts,
                    int(themed_counts.get(no, 0)),
                ),
            )
        )
    return summaries


def _gist_of(
    doc: ExtractedDocument,
    kind: str,
    proposal: Proposal | None,
    date_cn: str,
    key_measures: Sequence[str],
    theme_counts: Sequence[tuple[str, int]],
    themed_count: int | None = None,
) -> str:
    meta = doc.metadata
    measure_count = sum(1 for m in doc.measures if m.duplicate_of is None)
    return gist(
        kind,
        proposal,
        measure_count,
        shown_publisher(doc),
        date_cn,
        key_measures,
        title="" if meta.title_derived else meta.title or "",
        topics=(topics := [] if key_measures else section_topics(doc)),
        general=bool(measure_count and not key_measures and not topics and says_little(doc)),
        indicator_count=len(doc.indicators),
        # a table without measures says at least which years it covers
        setting=setting_of(doc) or (years_covered(doc) if not measure_count else ""),
        theme_counts=theme_counts,
        themed_count=themed_count,
    )


def theme_gist(doc: ExtractedDocument, theme: str, measures: int) -> str:
    """A document's gist as a theme's 相关文件 table gives it: its strongest measures of `theme`
    and its count of them (review m: the 科技金融 专题 summed up 河南's report by its 灯塔工厂)."""
    kind = document_kind(doc)
    proposal = proposal_of(doc) if kind == "reply" else None
    return _gist_of(
        doc,
        kind,
        proposal,
        cn_date(shown_date(doc)),
        strongest_measures(doc, theme=theme),
        [(theme, measures)],
    )


def _other_counts(counts: Mapping[str, int]) -> OtherCounts:
    planned, provisions = counts.get("planned", 0), counts.get("provisions", 0)
    return OtherCounts(
        done_count=counts.get("done", 0),
        provision_count=provisions,
        plan_count=planned - provisions,
    )


def _other_work(highlights: Sequence[CitedMeasure], policies: set[int]) -> OtherWork:
    return OtherWork(
        progress=[m for m in highlights if m["status"] == "done"],
        provisions=[m for m in highlights if m["status"] != "done" and m["source_no"] in policies],
        plans=[m for m in highlights if m["status"] != "done" and m["source_no"] not in policies],
    )


def _theme_document(
    counted: ThemeDocumentCount,
    summaries: Sequence[DocumentSummary],
    documents: Sequence[ExtractedDocument],
    theme: str,
) -> ThemeDocument:
    summary = summaries[counted.source_no - 1]
    return ThemeDocument(
        no=counted.source_no,
        title=summary["title"],
        doc_no=summary["doc_no"],
        date=summary["date"],
        mark=summary["mark"],
        gist=theme_gist(documents[counted.source_no - 1], theme, counted.total),
        measure_count=counted.total,
        done_count=counted.done,
        provision_count=counted.provisions,
        plan_count=counted.plans,
    )


def _theme_indicators(rows: pd.DataFrame, issue_year: int | None = None) -> list[CitedIndicator]:
    """The table's rows as the templates print them, in the order picked; given the issue's
    year, a row `STALE_YEARS` or more older comes after the others (the 要情 quotes a theme's
    first row: 拉萨市2022年 54.1% headed 成果转化 in a 2026 issue)."""
    if issue_year is not None and not rows.empty:
        old = rows["year"].notna() & (rows["year"].fillna(0) <= issue_year - STALE_YEARS)
        rows = pd.concat([rows.loc[~old], rows.loc[old]])
    items: list[CitedIndicator] = []
    for _, row in rows.iterrows():
        sources = [int(s) for s in row["sources"]]
        quote = without_enumerator(str(row["text"]))
        year = row["year"]
        forecast = bool(row.get("forecast", False)) and str(row["kind"]) in _FORECAST_KINDS
        items.append(
            CitedIndicator(
                metric=str(row["metric"]),
                # (an estimate's value says so where no type column stands by it: the 要情's line)
                value_text=as_forecast(
                    cell_value(quote, float(row["value"]), str(row["unit"])), forecast
                ),
                value=float(row["value"]),
                unit=str(row["unit"]),
                # a look back over five years: its span (2021—2025), never the review's year
                year=str(row.get("period", "") or "") if pd.isna(year) else str(int(year)),
                kind_label=_kind_label(str(row["kind"]), forecast),
                scope=str(row["scope"]),
                # a span clipped from a list can keep “ without its ”: the 原文 cell drops it
                quote=balance_marks(quote),
                cite=_cite(sources),
                sources=sources,
                conflict=bool(row["conflict"]),
            )
        )
    return items


def _key_figure(
    results: Sequence[CitedIndicator], targets: Sequence[CitedIndicator], issue_year: int | None
) -> CitedIndicator | None:
    """The figure that stands for a theme in one line (the 要情's row): its first result that is
    not `STALE_YEARS` or more older than the issue; when all are (中山市2022年R&D经费 in a 2026
    issue), its first target of the issue's year or later, which the template marks 目标; else
    its first result, old as it is."""

    def year(row: CitedIndicator) -> int | None:
        # a span (2021—2025) is dated by its end; no year: nothing says it is old
        found = _YEAR_DIGITS_RE.findall(row["year"])
        return int(found[-1]) if found else None

    if issue_year is None:
        return results[0] if results else None
    for row in results:
        if (y := year(row)) is None or y > issue_year - STALE_YEARS:
            return row
    for row in targets:
        if (y := year(row)) is None or y >= issue_year:
            return row
    return results[0] if results else None


_YEAR_DIGITS_RE = re.compile(r"\d{4}")


# marks of the documents this issue covers for the first time (an update: with new content)
_NEW_MARKS = ("新增", "补报", "更新")


def _coverage_line(
    period: Period, summaries: Sequence[DocumentSummary], cumulative: int
) -> list[str]:
    """本期新增/补报/累计, for dated periods of a folder with a history of issues."""
    if period.start is None:
        return []
    new = sum(1 for s in summaries if s["mark"] in _NEW_MARKS)
    parts = [
        f"{mark}{count}份"
        for mark in ("补报", "更新")
        if (count := sum(1 for s in summaries if s["mark"] == mark))
    ]
    late_text = f"（其中{'、'.join(parts)}）" if parts else ""
    return [f"本期新增文件{new}份{late_text}，各期累计收录{cumulative}份。"]


def _cited_facts(
    measures: Sequence[CitedMeasure],
    policies: set[int],
    wheres: Mapping[str, str],
    stale: Collection[str] = (),
    standards: Collection[str] = (),
) -> list[Cited]:
    return [
        Cited(
            m["text"],
            m["cite"],
            m["source_no"],
            m["score"],
            m["source_no"] in policies,
            wheres.get(m["quote"], ""),
            m["quote"] in stale,
            m["quote"] in standards,
        )
        for m in measures
    ]


def _standards_only(aggregates: Aggregates) -> set[str]:
    """The measures (by text) whose every figure is a support standard (对…项目给予最高500万元
    后补助支持): a policy made, whose figures count no achievement."""
    ind = aggregates.indicators
    kinds = ind.groupby("measure_id")["kind"].agg(set)
    ids = {str(mid) for mid, found in kinds.items() if found <= set(STANDARD_KINDS)}
    frame = aggregates.measures.drop_duplicates("measure_id")
    return {str(t) for mid, t in zip(frame["measure_id"], frame["text"], strict=True) if mid in ids}


def _figure_years(
    aggregates: Aggregates, kinds: Sequence[str] = RESULT_KINDS
) -> dict[str, set[int]]:
    """The years of each measure's figures of `kinds` (by default its results: actual figures,
    growth, change), by measure id."""
    ind = aggregates.indicators
    ind = ind.loc[ind["kind"].isin(list(kinds)) & ind["year"].notna()]
    years: dict[str, set[int]] = {}
    for mid, year in ind[["measure_id", "year"]].itertuples(index=False, name=None):
        years.setdefault(str(mid), set()).add(int(year))
    return years


STALE_YEARS = 2
"""How many years before the issue's a fact is old news in its 本期要点 (拉萨市2022年… in a 2026
issue): the year of its figures, else of its document."""


def _stale(
    documents: Sequence[ExtractedDocument], aggregates: Aggregates, issue_year: int | None
) -> set[str]:
    """The measures (by text) whose facts are `STALE_YEARS` or more older than the issue: their
    results' latest year, else their document's date; and the plans whose targets' deadline
    came before the issue's year. The 本期要点 quotes them after newer ones, and no
    stale plan as 下一步 beside current items."""
    if issue_year is None:
        return set()
    doc_years = {
        no: int(date[:4])
        for no, doc in enumerate(documents, start=1)
        if (date := shown_date(doc) or doc.date)
    }
    years = _figure_years(aggregates)
    deadlines = _figure_years(aggregates, TARGET_KINDS)
    stale: set[str] = set()
    frame = aggregates.measures.drop_duplicates("measure_id")
    for no, mid, text in frame[["source_no", "measure_id", "text"]].itertuples(
        index=False, name=None
    ):
        found = years.get(str(mid))
        targets = deadlines.get(str(mid))
        if not found and targets and max(targets) < issue_year:
            # a target whose year has passed (a 十三五 plan's 到2020年 in a 2025 issue) is no next
            # step: its outcome is known, and an undated plan would otherwise read as current
            stale.add(str(text))
            continue
        year = max(found) if found else doc_years.get(int(no))
        if year is not None and year <= issue_year - STALE_YEARS:
            stale.add(str(text))
    return stale


# a span of years or a running total (五年来, “十四五”期间, 2021年以来, 累计): the figures are not one
# year's, whatever year they were given, so the summary prints none
_SPAN_RE = re.compile(r"五年|十[一二三四五]五|以来|累计|历年|近年|期间")


def _wheres(
    documents: Sequence[ExtractedDocument], aggregates: Aggregates, issue_year: int | None
) -> dict[str, str]:
    """Whose and when each measure's quote is in the 本期要点 (`digest.placed`), by its text: the
    document's place when the issue covers several places (one city's own issue need not say its
    name), and the year of a result's figures when they are all of one year and it is not the
    issue's (拉萨市2022年); empty when nothing is clear."""
    places = {no: document_place(doc) for no, doc in enumerate(documents, start=1)}
    if len({p for p in places.values() if p}) < 2:
        places = {}
    years = _figure_years(aggregates)
    wheres: dict[str, str] = {}
    frame = aggregates.measures.drop_duplicates("measure_id")
    for no, mid, text, status, section in frame[
        ["source_no", "measure_id", "text", "status", "section"]
    ].itertuples(index=False, name=None):
        year = ""
        found = years.get(str(mid), set())
        if (
            status == "done"
            and len(found) == 1
            and (only := next(iter(found))) != issue_year
            and not _SPAN_RE.search(f"{section}{text}")
        ):
            year = f"{only}年"
        where = places.get(int(no), "") + year
        if where:
            wheres[str(text)] = where
    return wheres


# how a document calls its own jurisdiction mid-sentence (填补了我区空白, 助力我省…): the briefing
# gathers several places' documents, so the place is named (`_cited_measure`)
_SELF_PLACE_RE = re.compile(r"我(省|市|区|县|州)")
# the same as the subject an item opens on, after its date if any (全区全年累计发放…, 截至2025年末，
# 全市…): the place is the subject; 全市场, 全市长… are no place
_WHOLE_PLACE_RE = re.compile(
    r"^((?:截至|截止|到)?\d{4}年[^，,。；]{0,8}[，,]|(?:今年|去年|全年)(?:（\d{4}年）)?[，,]?)?"
    r"全(省|市|区|县|州)(?![长委级属场域内外])"
)


def _own_years(documents: Sequence[ExtractedDocument]) -> dict[int, int]:
    """The year each document's 今年 means (`own_year`), by source number, where it is known."""
    return {
        no: year for no, doc in enumerate(documents, start=1) if (year := own_year(doc)) is not None
    }


def _own_places(documents: Sequence[ExtractedDocument]) -> dict[int, str]:
    return {
        no: place
        for no, doc in enumerate(documents, start=1)
        if (place := own_place(doc) or "") and len(place) > 1
    }


def _said_where(text: str, no: int, years: Mapping[int, int], places: Mapping[int, str]) -> str:
    """An item with its document's year put after 今年 and its place for 我省/我市 (of the same
    level), so that it reads right among other places' and years' items."""
    if no in years:
        text = dated_this_year(text, years[no])
    place = places.get(no, "")
    if place:
        text = _SELF_PLACE_RE.sub(
            lambda m: place if place.endswith(m.group(1)) else m.group(), text
        )
        text = _WHOLE_PLACE_RE.sub(
            lambda m: (m.group(1) or "") + place if place.endswith(m.group(2)) else m.group(), text
        )
        # 全年我市共完成… reads 荆州市全年共完成…, not 全年荆州市…
        text = re.sub(rf"^全年[，,]?{re.escape(place)}", f"{place}全年", text)
    return text


def _cited_measure(
    row: pd.Series,
    titles: Mapping[int, str],
    theme_order: Sequence[str],
    years: Mapping[int, int] | None = None,
    places: Mapping[int, str] | None = None,
) -> CitedMeasure:
    no = int(row["source_no"])
    also = [str(t) for t in row["also"]]
    own = {str(row["theme"]), *also}
    status = str(row["status"])
    text = _said_where(str(row["clean"]), no, years or {}, places or {})
    return CitedMeasure(
        text=text,
        brief=fact(text),
        quote=str(row["text"]),
        status=status,
        status_label=_STATUS_LABELS.get(status, status),
        cite=_cite([no]),
        source_no=no,
        document=titles[no],
        score=int(row["score"]),
        themes=[t for t in theme_order if t in own],
        also=also,
    )


def _sources(cite: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d+)\]", cite)]


def _trend(trend: Trend) -> TrendInfo:
    return TrendInfo(
        metric=trend.latest.metric,
        scope=trend.latest.scope,
        year=str(trend.latest.year),
        value_text=trend.latest.value_text,
        previous_year=str(trend.earlier.year),
        previous_value_text=trend.earlier.value_text,
        change_text=trend.change,
        cite=trend.earlier.cite + trend.latest.cite
        if trend.earlier.issue
        else _cite(sorted(set(_sources(trend.earlier.cite) + _sources(trend.latest.cite)))),
        from_previous_issue=bool(trend.earlier.issue),
        text=trend.text,
    )


def _change_info(
    changes: Changes,
    by_theme: Mapping[str, Mapping[str, int]],
    themes: Sequence[str],
    summaries: Sequence[DocumentSummary],
) -> ChangeInfo:
    """This issue against the previous one: counts per theme, new documents, updated figures,
    and the sentences that say so."""
    new_documents = [s for s in summaries if s["mark"] in _NEW_MARKS]
    if changes.previous is None:
        return ChangeInfo(
            previous_issue="", themes=[], new_documents=new_documents, figures=[], lines=[]
        )
    rows = [
        ThemeChange(
            name=theme,
            measure_count=count,
            previous_count=changes.previous_counts.get(theme, 0),
            change_text=changes.count_change(theme, count),
        )
        for theme in themes
        if (count := by_theme.get(theme, {}).get("measures", 0))
        or changes.previous_counts.get(theme, 0)
    ]
    updated = [_trend(t) for t in changes.updated]
    label = changes.previous.label
    moved = [f"{r['name']}{r['change_text'].removeprefix('较上期')}" for r in rows]
    lines = [f"与上期{label}相比，各主题措施数：" + "，".join(moved) + "。"] if moved else []
    # how many documents are new is said once, in 本期要点's first sentence (本期新增文件…)
    if updated:
        lines.append(
            f"上期所列数据本期有更新{len(updated)}项：" + "".join(f["text"] for f in updated)
        )
    return ChangeInfo(
        previous_issue=label,
        themes=rows,
        new_documents=new_documents,
        figures=updated,
        lines=lines,
    )


def masthead_date(
    settings: Settings, period: Period, documents: Sequence[ExtractedDocument]
) -> str | None:
    """--date, else the period's last day, else (for `all`) the latest date the sources list shows
    (`shown_date`: a document's own date, else its posting date), so the masthead never predates
    every date printed under it. Never the clock."""
    if settings.date:
        return settings.date
    if period.end is not None:
        return period.end.isoformat()
    dates = [day for d in documents if (day := shown_date(d))]
    return max(dates) if dates else None


def masthead_timestamp(context: BriefingContext) -> datetime:
    """The time written into the briefing's files: the masthead date, never the clock (zip
    entries cannot be older than 1980)."""
    day = context["masthead"]["date"]
    return datetime.fromisoformat(day) if day else datetime(1980, 1, 1)


def build_context(
    *,
    selection: Selection,
    documents: Sequence[ExtractedDocument],
    aggregates: Aggregates,
    changes: Changes,
    charts: BriefingCharts,
    settings: Settings,
    issue_no: int,
    warnings: Sequence[str],
) -> BriefingContext:
    """The only place the template context is created.

    `documents` are those `selection` covers, in its order, and `aggregates` and `charts` are
    theirs; `warnings` are the run's.
    """
    period = selection.period
    marks = {entry.sha256: selection.mark(entry) for entry in selection.documents}
    summaries = document_summaries(documents, aggregates, marks)
    folders = _folders([*selection.inputs, settings.output])
    for summary in summaries:
        summary["source"] = relative_source(summary["source"], selection.inputs)
    by_theme = theme_counts(aggregates.by_theme)
    unique = aggregates.measures.drop_duplicates("measure_id")
    unique = unique[~unique["duplicate"]]
    counts = {
        "documents": len(documents),
        "measures": len(unique),
        "done": int((unique["status"] == "done").sum()),
        "planned": int((unique["status"] == "planned").sum()),
        "indicators": sum(len(d.indicators) for d in documents),
    }
    titles = {s["no"]: s["title"] for s in summaries}
    policies = set(aggregates.policies)
    # the planned measures of policy documents: provisions in force, said apart from plans
    counts["other"] = by_theme.get(OTHER_THEME, {}).get("measures", 0)
    counts["provisions"] = int(
        ((unique["status"] == "planned") & unique["source_no"].isin(sorted(policies))).sum()
    )
    blocks: list[ThemeBlock] = []
    # A 专题 (one theme in depth) lists three times the highlights and twice the figures.
    depth = 3 if settings.theme else 1
    shown = [
        t
        for t in aggregates.themes
        if (not settings.theme or t == settings.theme) and by_theme.get(t, {}).get("measures", 0)
    ]
    years = _own_years(documents)
    places = _own_places(documents)
    picked = pick_highlights(
        aggregates.measures,
        shown,
        settings.layout.highlights_per_theme * depth,
        # one per document on the first pass: a theme's section is not filled from the one or
        # two long provincial reports while a city's 实验室揭牌 or 高新区获批 has a place to go
        per_document=1,
        dated=years,
        clause_themes=aggregates.clause_themes,
    )
    # measures in no theme that still speak of S&T work (a 高新区, 知识产权 or 研发 result): the
    # 简报 lists the best of them in a section of their own rather than letting them vanish
    other_work = aggregates.measures.loc[
        aggregates.measures["measure_id"].isin(sorted(aggregates.other_work))
    ]
    other_highlights = (
        []
        if settings.theme
        else [
            _cited_measure(row, titles, aggregates.themes, years, places)
            for _, row in pick_highlights(
                other_work,
                [OTHER_THEME],
                settings.layout.highlights_per_theme,
                # what reports S&T work before what only mentions it; one per document first:
                # the section gathers what the themes left, from every document
                behind=aggregates.other_work - aggregates.other_focus,
                per_document=1,
                dated=years,
                clause_themes=aggregates.clause_themes,
            )[OTHER_THEME].iterrows()
        ]
    )
    date_iso = masthead_date(settings, period, documents) or ""
    issue_year = int(date_iso[:4]) if date_iso else None
    wheres = _wheres(documents, aggregates, issue_year)
    stale = _stale(documents, aggregates, issue_year)
    standards = _standards_only(aggregates)
    # what the measures of the themes are, apart from the rest of a whole work report
    themed_ids = aggregates.measures.loc[
        aggregates.measures["theme"] != OTHER_THEME, "measure_id"
    ].unique()
    themed = unique[unique["measure_id"].isin(themed_ids)]
    counts["themed"] = len(themed)
    counts["themed_done"] = int((themed["status"] == "done").sum())
    counts["themed_planned"] = int((themed["status"] == "planned").sum())
    counts["themed_provisions"] = int(
        ((themed["status"] == "planned") & themed["source_no"].isin(sorted(policies))).sum()
    )
    counts["science_other"] = int(unique["measure_id"].isin(sorted(aggregates.other_work)).sum())
    theme_facts: list[ThemeFacts] = []
    for theme in shown:
        counts_of = by_theme[theme]
        figures = aggregates.figures[theme]
        highlights = [
            _cited_measure(row, titles, aggregates.themes, years, places)
            for _, row in picked[theme].iterrows()
        ]
        about, touching = theme_documents(aggregates, theme)
        progress = [m for m in highlights if m["status"] == "done"]
        # a policy's provisions are decided policy, not next steps: listed apart from plans
        provisions = [m for m in highlights if m["status"] != "done" and m["source_no"] in policies]
        plans = [m for m in highlights if m["status"] != "done" and m not in provisions]
        facts = ThemeFacts(
            theme,
            counts_of["measures"],
            _cited_facts(progress, policies, wheres, stale, standards),
            _cited_facts(
                [m for m in highlights if m["status"] != "done"], policies, wheres, stale, standards
            ),
        )
        theme_facts.append(facts)
        blocks.append(
            ThemeBlock(
                name=theme,
                measure_count=counts_of["measures"],
                done_count=counts_of["done"],
                planned_count=counts_of["planned"],
                provision_count=counts_of["provisions"],
                document_count=counts_of["documents"],
                highlights=highlights,
                progress=progress,
                plans=plans,
                provisions=provisions,
                lead=highlights[0] if highlights else None,
                digest=theme_sentence(facts),
                indicators=(results := _theme_indicators(figures.results, issue_year)),
                targets=(targets := _theme_indicators(figures.targets)),
                standards=_theme_indicators(figures.standards),
                key_figure=_key_figure(results, targets, issue_year),
                change_text=changes.count_change(theme, counts_of["measures"]),
                trends=[_trend(t) for t in changes.trends.get(theme, [])],
                trend_chart=charts.trends.get(theme, ""),
                chart=charts.by_theme.get(theme, ""),
                documents_chart=charts.documents.get(theme, ""),
                documents=[_theme_document(d, summaries, documents, theme) for d in about],
                touching=[_theme_document(d, summaries, documents, theme) for d in touching],
                # nothing to show but counts: the 专题 says so in one note instead of padding
                # pages with empty sections (freshk 科技金融: one 人大 question, no figure)
                thin=not highlights
                and figures.results.empty
                and figures.targets.empty
                and figures.standards.empty,
            )
        )
    other_facts = _other_work(other_highlights, policies)
    digest = digest_lines(
        counts=counts,
        kinds=[s["kind"] for s in summaries],
        themes=theme_facts,
        coverage="".join(_coverage_line(period, summaries, selection.cumulative)),
        other_work=ThemeFacts(
            OTHER_WORK,
            counts["science_other"],
            _cited_facts(other_facts["progress"], policies, wheres, stale, standards),
            (),
        ),
    )
    return BriefingContext(
        masthead=MastheadInfo(
            name=settings.masthead.name,
            issue_no=issue_no,
            issue_label=f"第{issue_no}期",
            editor=settings.masthead.editor,
            date=date_iso,
            date_cn=cn_date(date_iso) if date_iso else "",
        ),
        period=PeriodInfo(
            key=period.key,
            label=period.label,
            start=period.start.isoformat() if period.start else None,
            end=period.end.isoformat() if period.end else None,
        ),
        summary=SummaryInfo(
            document_count=counts["documents"],
            measure_count=counts["measures"],
            done_count=counts["done"],
            planned_count=counts["planned"],
            provision_count=counts["provisions"],
            themed_count=counts["themed"],
            themed_done_count=counts["themed_done"],
            themed_provision_count=counts["themed_provisions"],
            themed_plan_count=counts["themed_planned"] - counts["themed_provisions"],
            science_other_count=counts["science_other"],
            indicator_count=counts["indicators"],
            key_figure_count=sum(
                len(b["indicators"]) + len(b["targets"]) + len(b["standards"]) for b in blocks
            ),
            theme_count=len(blocks),
            theme_names=[t for t in aggregates.themes if by_theme.get(t, {}).get("measures", 0)],
            new_count=sum(1 for s in summaries if s["mark"] in _NEW_MARKS),
            late_count=sum(1 for s in summaries if s["mark"] == "补报"),
            cumulative_count=selection.cumulative,
            empty=not documents,
            digest=digest,
            digest_other=any(line.startswith(f"{OTHER_WORK}方面") for line in digest),
        ),
        themes=blocks,
        focus_theme=settings.theme or "",
        other_count=by_theme.get(OTHER_THEME, {}).get("measures", 0),
        other=_other_counts(by_theme.get(OTHER_THEME, {})),
        other_work=other_facts,
        documents=summaries,
        sources=list(summaries),
        changes=_change_info(changes, by_theme, aggregates.themes, summaries),
        charts=ChartSet(themes=charts.themes or "", mix=charts.mix or ""),
        footer=FooterInfo(
            report_to=settings.footer.report_to,
            send_to=settings.footer.send_to,
            distribute_to=settings.footer.distribute_to,
            copies=settings.footer.copies,
        ),
        notes=[_unplaced(note, folders) for note in selection.notes],
        warnings=[_unplaced(warning, folders) for warning in warnings],
        generated_by=f"briefing {__version__}",
    )


def _folders(paths: Sequence[Path]) -> list[str]:
    """The input and output folders as messages spell them, the deepest first."""
    spelt = {name_text(path.as_posix()).rstrip("/") for path in paths}
    return sorted((f for f in spelt if f not in ("", ".")), key=lambda f: (-len(f), f))


def _unplaced(text: str, folders: Sequence[str]) -> str:
    """A warning or note with paths inside the input and output folders, not where those folders
    are: a template is untrusted and learns no path of the machine (`/home/张三/…`), and the
    briefing it makes is sent out. `a.docx: 无法读取` says which file as well."""
    for folder in folders:
        text = text.replace(folder + "/", "")
    return text


def to_jsonable(value: Any) -> Any:
    """The context as plain JSON: images become a placeholder naming the chart."""
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    alt = getattr(value, "alt", None) or getattr(value, "alt_text", None) or "图表"
    return f"<图片：{alt}>"
