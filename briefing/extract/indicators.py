"""Figures in the text: value, unit, kind, year, qualifier, metric, scope.

Sentence by sentence: `numbers.find_quantities` finds every number with a unit; this module decides
what each one is about (a page in traditional characters reaches it folded to simplified ones, see
`briefing.extract.script`). The rules, in the order they are applied:

- text: the clause holding the figure, cut after the previous figure of the same clause and after an
  opening bracket, so a table can quote it; paired lists ("分别达到2245家、1.5万家") share one span.
- metric: the noun phrase before the number, with the leading verbs, time words and scope removed
  ("2022年组织实施市级自然科学基金项目1800项" -> 市级自然科学基金项目; not a verb right after a list
  joint: "科技领军及入库企业"); an amount is named by what and how ("发放知识价值信用贷款" ->
  知识价值信用贷款发放额, "投入R&D经费" -> R&D经费投入, "财政预算安排资金", an R&D activity's
  经费); a bare share ("应用研究7.25亿元,占20.8%") is the share of the figure before it (应用研究
  经费占比); a clause ("…院士通过举荐制举才荐才20余名") names no figure; for a count followed by its
  noun ("3个市级科技创新基础设施获批建设") the noun after the unit; a clause with no noun of its own
  ("、增长10%") repeats the metric of the figure before it in the sentence; "A和B分别…x、y" hands A
  to x and B to y. A name keeps what makes it a part or a flow: 新增/净增/新认定… stay
  ("新增国家级科技型中小企业", also for the next item of the list, "新增A50家、B100家"; a figure
  repeating the name before it says 净增 after it: 高新技术企业净增); a performer opening the sentence
  ("高等院校有R&D人员…,按实际工作时间计算的R&D人员全时当量…") heads its later names, and those of
  the later sentences of its part when it opens the part's first figures (a bulletin's "一、R&D人员
  情况"); the verb 有 and the basis of a count (按…计算的) are dropped, a verb saying which things
  stays ("开展R&D活动的高等院校"); a change against a base year other than the
  year before says so ("较2000年增长152.6%" -> …(较2000年)); "100万人口" counts 人口. A gap
  against a reference is named after what is compared ("企业研发经费占比达到78%,高于全国平均水平3个
  百分点" -> 企业研发经费占比高于全国平均水平; 比全国平均增速高, 与全国平均水平差距); a share of what
  a clause describes is that share ("没有研发活动的占66%" -> …没有研发活动的占比; "只有40%": qualifier
  只有); a firm before a figure is its scope when a noun follows the figure; a rate named by its word
  alone ("年均增速12.76%") is the rate of the figure named before it, and after a span ("从2020年的…
  增长到2023年的…") it says the span (…年均增速(2020—2023年)); a growth or total over a period
  running to the present says it ("“十四五”以来…增长106%" -> …(“十四五”以来)). People brought in
  keep the verb that brought them ("引育高层次人才2355人" -> 引育高层次人才, not all there are). A
  clause that opens with a rate or a transaction's amount alone (强度, 占比, 比重, 登记额, 成交金额)
  has the subject the clause before named ("登记技术合同1200项,登记额35.6亿元" -> 技术合同登记额);
  a measure word listed after a count of what was added names the thing's total (科技型中小企业新增
  258家,总数达795家 -> 科技型中小企业总数). A support ratio is named after what it supports when the
  sentence says so ("对企业购买技术成果的,按合同金额的10%给予补助" -> 企业购买技术成果补助比例(按
  合同金额)). No name ends on 于 before a date, an adverb or modal before the verb (将, 要, 可, 有望,
  已经, 首次, 全部, 先后, 率先, 再…) or the verb 有 ("…的行业大类有9个" -> 行业大类), the month a
  stock is read at (10月底), a base or basis of a change (与2021年相比, 比“十二五”末, 比增, 可比, 在现有
  基础上), a mark passed (300亿元大关, 跨越, 发展到) or how it became known (统计上报), nor opens on a
  deadline (到2025年末); a verb that only says an amount was reached (实现, 完成, 累计) is dropped
  before its measure word ("科技服务业实现营收" -> 科技服务业营收). The noun after a count ends where
  its predicate begins: at an adverb ("611人全部脱贫", "2亿元已到账" name no 全部脱贫, 已到账), and
  for people (人, 名, 位) on the people ("13名首席服务官对接各区县" -> 首席服务官); people at a
  meeting are named by what they did there ("200余人参会" -> 参会人数, "专家授课14位" -> 授课专家).
  A total (总数, 总量) opening a clause is that of the subject named before ("高新技术企业净增数突破
  200家,…,总数突破700家" -> 高新技术企业总数); a share of a place alone ("…5902家,占全省的42.1%") is
  the share of the figure before it (高新技术企业总数占全省比重).
- kind: provision for a support standard, or the threshold a support sentence sets (对…给予20万元奖励,
  最高补助500万元, 单个项目支持金额不超过300万元; not a grant asked for or reported after the count
  of what got it: "申请资助资金1244万元", "…计划16项,资助资金159万元", 累计补助不超过100万元 (a cap, not a sum paid out),
  奖金从每人10万元调整为每人50万元, 对投入1000万元以上的企业给予…, 年营业收入≤5亿元), before any other kind;
  in a support sentence a figure closing the condition a grant is given on is a bar, named
  after what it measures ("年营业收入在1亿元以上的,奖励50万元;5000万元至1亿元的,…": each band
  a provision, 年营业收入门槛; the reward after it 奖励(年营业收入在1亿元以上), not the bar's
  name); so is every figure under a heading naming the conditions or standards of support
  (申报条件, 奖励标准, 支持方式): the section's role, not its words; a name ending on its cap
  drops it ("团队单次最高10万元" -> 团队单次);
  a grant of a named kind to the beneficiary a 对… clause names is one in a plan too ("对获批组建的辽宁
  实验室,第一年安排1亿元启动资金支持");
  the value a change starts from ("由75%提高到100%") has the kind of the value it reaches; a bar
  outside a support sentence ("研发投入超过20亿元的行业") is no provision (tried: dev kind +0.008,
  test unchanged); change for an amount
  added or cut (比上年增加1000亿元, 较去年增加4项, 标准提高1倍), also in a plan; target when the
  sentence sits under a plans heading (下一步, 打算, 目标…), a target word precedes the figure in
  the sentence (力争, 确保, 到2025年, 未来5年, 今后三年…; a paragraph opening 未来5年 holds targets
  to its end) or the measure holding it is planned (its status reads
  genre, section and mood: 今年拟安排…); never in a done measure, whatever its sentence or heading
  says, but for the aim a result is measured against (超额完成…目标任务): the measure's status is the
  one decision both follow; growth when a change verb stands right before the figure
  (增长, 提升, 下降…) and the figure is a rate; change for percentage points (提高0.12个百分点);
  else actual (a gap against a reference too). A decline keeps its value as printed, with the verb as its qualifier
  (下降2.1% -> 2.1, qualifier 下降). 预计 figures stay actual,
  with qualifier 预计. "到2022年底" in a later document is a past date, not a target.
- qualifier: the words printed right before the number (超过, 近, 约, 达到, 突破, 预计, 累计…; several
  in a row are kept together, "预计突破"), else 余/多 between number and unit, else 以上/以下/左右
  after the unit, else 累计 earlier in the clause. False friends are not qualifiers: 签约, 制约,
  习近平, 附近; 近三年/超瞬态/超级/市级以上 carry no number.
- year: a rate after a span ("从2020年的…增长到2023年的…,年均增速12.76%") is of the span's end; an
  undated target after a five-year period in its sentence ("“十四五”期间,力争…") of the period's end;
  else the last year printed before the figure in the sentence (outside 《》 titles; not a range's
  end, not a baseline "在2022年的基础上"/"比2020年", not a programme year after a verb "申报2024年度",
  not the start of a period "2018年以来"; "2022年7月" is a date), or a date standing as a clause
  of its own before it ("…作用,2018年,西藏建成…") or opening a clause before it up to a
  semicolon ("…新优势,2017年全社会R&D经费支出449.5亿元,比上年增长17.2%"), or the last year of a
  list's lead-in before a colon ("2025年…主要预期目标建议为:地区生产总值增长5%左右,…"); a base compared with ("比上年的40亿元",
  "较2020年的250家") is of its own year and measures what the figure before it does; the value a
  change from a dated start reaches ("到2025年,…由2020年的2.1%提高到2.5%") is of the date printed
  before the change, not of the start, and in a five-year review of the period's last year
  ("从2021年的46503元和16935元分别提高到58794元和23184元"; with or without 的, "由2020年2.1%"
  and "从2020年末85亿元" are 2020's), and never a year before the start
  ("2018年我市获批…,…由2020年的850家增加到1320家": 1320家 undated); the start's year dates no
  later sentence either ("从2023年起,…提高到100%" is no start: the date the rate takes effect);
  else, with no year before it, the year of an award or list its clause says it won a place in
  ("11个项目荣获2023年度国家科学技术奖", "入选2024年度…榜单"; not "申报2025年度…", a call);
  else 今年/去年 relative to the document date (for a summary titled with one year, "…2021年工作
  总结", posted by March of the next, relative to the year it reviews; a date in the first
  sentences, e.g. a speech's
  subtitle, stands in when the header has none; "较去年" is a comparison, not a year; "以前年度" is
  none); else the last year named by an earlier sentence of the same paragraph ("截至2012年末,…。
  已有近5万家…"), up to the next run-in item ("二是…"), which keeps only the year of the list's
  lead-in ("…就全省2011年科技工作进行了总结通报。一是…全年组织…"); a year that says which things
  ("对2009年立项实施的5个项目") dates nothing; else the year opening the sentence's
  paragraph ("2023年,…", "2025年全省…", "2025年是…", or "过去一年,"/"去年," in a report delivered
  the next year, whatever heading is above it; "各位代表,刚刚过去的2025年,…" after a five-year
  review also dates the rest of its part, the "——…" paragraphs that go on with the year's account,
  until a sentence opens the five years again; so does "2025年," standing as a clause of its own
  for the paragraphs after it under the same heading, "——…" and "这一年,…", but for a total, 累计,
  and a sentence measuring from the year before the period, "是2020年的2.1倍", but for its
  clauses saying they are the year's, "全年新增…1200家");
  else the single year printed in the innermost
  heading ("一、2023年工作总结", "二、2024年工作计划"; not after a sentence opening a look back
  over several years, "五年来,", "过去五年,", "这是…的五年", a "“十四五”时期," that has ended, up
  to the part's end or a sentence opening "过去一年" or the years ahead: its figures are the
  period's, dated only by a year their own text prints, or for a level reached (增至, 达, 突破,
  跨越…) by one an earlier sentence of the paragraph printed: "获评何梁何利奖2人" after "2025年外国人…
  增长90%" is the five years', as what was added, averaged or grew; "院士增至10人" is 2025's;
  with no year printed before, a level right after its verb of reaching ("高新技术企业达6.9万家",
  "突破…", "增至…") is of the period's last year, what the five years added ("五年增加2万家")
  not; a change across the period, "由13%提升至21.2%,增长…", starts the year before it, 2015, and ends
  on its last, 2020); else, in a part that opens "过去的一年"
  or "一年来", the year before a report delivered by March (the document's year if later); else the
  single year of the title, or of an untitled page's headline line ("2014年我市全社会R&D经费投入稳步
  增长", or after its place: "青海省2011年科技工作总结"); else, for a target under a plans heading that
  opens with "到2025年", that year, or the last year of a five-year plan's period named before it
  or in its headings ("“十四五”期间", "“十四五”时期主要目标": 2025); else, for a target, the year a document opening "2023年是…
  之年" plans; else, for actual and growth figures only, the year opening the
  document's first sentence ("2023年,全市科技系统…", "2009年全国有高等院校…": an annual summary or
  bulletin, also after a preamble with no year and no figure; the year a title's 总结 reviews:
  "2016年…工作总结及2017年工作安排"); else, for a provision,
  the document's year (a standard laid down is the document's own); else, for a target of a plan or
  policy (by `status.detect_genre`), the end of the span its title names (2023—2025年,
  2024年至2026年, （2024—2026）, “十四五”) unless it is for every year (每年, 年均), none when its
  title names several years without them (规划, 三年行动) or is an 意见/行动计划 naming no year,
  else the year it was issued, or for an undated one the single year its preamble names; else
  null. "到“十四五”末" is a deadline like "到2025年";
  "截至“十四五”末", like "截至2025年底", is not. A reply letter
  or report dated 2023 does not date its figures 2023 by itself: they often are cumulative or of the
  year before, so they stay null; nor does the year a reply's title names (the session that made
  the proposal: "关于2024年省人大…第215号建议的答复").
- scope: the innermost place frame around the figure. A named place or body at the head of the
  clause or sentence (科学城核心区, 璧山片区, 金凤实验室, a firm: …有限公司, …集团) that is not itself
  the thing counted; else a place the paragraph opens on ("在浙江,…", "宁波市：…"; "全市…" is the
  document's own) or the heading above names ("（三）两江新区："); else the document's own place,
  which the pipeline decides once (`places.document_place`: its publisher's jurisdiction, else the
  place its text calls its own or whose issuing body its opening names; a place inside that one the
  text calls its own wins). `explain` prints which frame gave it (`scope_origins`). Items of a list that are
  places ("北京、上海研发投入分别为…") are each their figure's scope; a list of places before one
  figure ("西宁、武汉、南京优秀科技成果600余项") is none of them alone, and its name keeps the list.
  A place opening a body's name (辽宁实验室, 深圳河套学院, 浙江大学) is not the figure's place (a
  place before a kind of body is: 杭州市重点实验室, 宁波辖内银行), and a
  beneficiary ("对国内外知名的科研院所…给予") is never a scope.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Container, Sequence

from briefing.extract.dates import FUTURE_YEARS
from briefing.extract.numbering import ITEM_NUMBER
from briefing.extract.numbers import Quantity, find_quantities, may_hold_quantities, normalize
from briefing.extract.places import (
    NATION,
    directive_source,
    find_places,
    may_name_place,
    short_zone,
    within,
)
from briefing.extract.status import detect_genre, period_years
from briefing.extract.text_lines import NEWS_DATELINE
from briefing.model import Indicator, IndicatorKind, Measure, Sentence, Structure
from briefing.readers import limits

MAX_LOOKBACK = 40  # characters of context before a number that can hold its metric
MAX_LOOKAHEAD = 24  # characters after a count that can hold the noun it counts


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


# every comma separates clauses, a digit-grouping one ("1,234") included: the class alone (a
# pattern with branches for commas next to digits matched the same, and its lookbehind cost a try
# at every character)
_CLAUSE_SEP = re.compile(r"[,，;；。:：!！?？\n]")
_BRACKET = re.compile(r"[()（）\[\]【】]")
_CLOSED_BRACKETS = re.compile(r"\([^()]{0,40}\)|（[^（）]{0,40}）")
_TITLE = re.compile(r"《[^《》]{0,200}》|\([^()]{0,80}\)|（[^（）]{0,80}）")
# a year, not the second year of a range ("2021-2023年", "2021至2023年")
# nor a baseline ("在2022年的基础上", "比2020年") that the figure is compared with
# (the lookahead first: the scan skips any character that cannot open a year before the lookbehinds)
_YEAR = re.compile(
    r"(?=[12][09][0-9]{2}年)(?<![0-9\-—~～比较])(?<![0-9年]至)((?:19|20)[0-9]{2})年(?![\-—~～至])"
    # "2022年7月": a month may follow, another number may not
    r"(?![0-9](?![0-9]?月))"
    r"(?!的?基础上)"
)
# "申报2024年度省攻关项目": a year naming a programme after a verb dates no figure
_YEAR_AS_OBJECT = re.compile(r"(?:申报|印发|编制|制定|发布|启动|开展|举办|组织|获批|入选|认定)$")
_RELATIVE_YEAR = re.compile(
    r"(?=[今本当去上前明过目])(?<![较比于同])"
    r"(今年|本年|当年|去年|上一年|上年|(?<!以)前年(?!度)|明年|过去一年|过去的一年|目前|当前(?![和及与形]))(?!同期)"
)
_RELATIVE_OFFSET = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "过去一年": -1,
    "过去的一年": -1,
    "前年": -2,
    "明年": 1,
    "目前": 0,
    "当前": 0,
}
# "5月末", "1-5月", "前5个月", "上半年": a period of the document's own year (or the year before,
# when the month is later than the document's)
_MONTH_PERIOD = re.compile(
    r"(?=[0-9上前第一])(?<![0-9年])(?:"
    r"(?:[0-9]{1,2}(?:-|—|~|～|至))?(?P<month>[0-9]{1,2})月(?:末|底|份)"
    r"|1(?:-|—|~|～|至)(?P<upto>[0-9]{1,2})月"
    r"|前(?P<first>[0-9]{1,2}|[一二三四五六七八九十]{1,2})个?月"
    r"|(?P<period>上半年|前三季度|第一季度|一季度|前两季度)"
    r")"
)
_CN_MONTHS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}
_PERIOD_MONTHS = {"上半年": 6, "前三季度": 9, "第一季度": 3, "一季度": 3, "前两季度": 6}
# "是2024年末的1.9倍": the year a figure is compared with dates nothing
_RATIO_BASE = re.compile(r"年(?:末|底|同期|全年)?的?[^,，;；。]{0,10}?倍|年(?:末|底|同期)?的?水平")
_LEADING_YEAR = re.compile(
    r"^(?:截至到?|截止到?)?((?:19|20)[0-9]{2})年"
    r"(?:上半年|下半年|前三季度|[一二三四]季度|底|末|初|[0-9]{1,2}月(?:份|末|底)?|1-[0-9]{1,2}月)?"
    r"(?:[,，]|全年|度)"
)
_FULL_DATE = re.compile(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月[0-9]{1,2}日")
# the lookahead lets the scan skip most characters without trying every branch
_TARGET_WORD = re.compile(
    r"(?=[力确争目预将到至未今])(?:力争|确保|争取到(?=(?:19|20)[0-9]{2}|年底|年末)|目标是|目标为|目标到|预期目标|将达到|将超过|将突破|"
    # "未来5年,…将引进培养科技领军人才10名": a period ahead
    rf"{FUTURE_YEARS}|"
    # not the end of a span (2020年至2023年) nor a point compared with (从…增长到2023年的85.5亿元)
    r"(?<![截止年])(?:到|至)(?:19|20)[0-9]{2}年(?:底|末)?(?!的)"
    # "到“十四五”末": the end of a five-year period, as 到2025年 (截至…末 is a stock, as above)
    r"|(?<![截止年])(?:到|至)[“\"]?十[一二三四五六]五[”\"]?(?:期末|末)(?!的))"
)
_TARGET_YEAR = re.compile(r"^(?:到|至)((?:19|20)[0-9]{2})年")
# a sentence opening a passage about the years ahead: "未来5年,", "今后三年,"
_FUTURE_OPENING = re.compile(rf"^\W{{0,2}}{FUTURE_YEARS}")
_PLAN_HEADING = re.compile(
    r"下一步|打算|工作目标|目标任务|主要目标|发展目标|预期目标|工作计划|工作安排"
)
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、")

_QUALIFIERS = (
    "预计",
    "有望",  # "全年有望突破75亿元": an expectation, as 预计
    "累计",
    "超过",
    "超",
    "逾",
    "将近",
    "接近",
    "近",
    "大约",
    "约有",
    "约",
    "达到",
    "最高可达",
    "最高达",
    "高达",
    "可达",
    "达",
    "突破",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "高于",
    "低于",
    "共计",
    "总计",
    "合计",
    "共",
)
_QUALIFIER_END = re.compile("(?:" + "|".join(_QUALIFIERS) + ")$")
# "签约", "制约", "习近平", "附近": the qualifier character belongs to the word before it
_FALSE_FRIEND_BEFORE = {"约": "签制节预公条契履邀相特", "近": "习最附临邻靠", "超": "赶"}

_CHANGE_VERB = re.compile(
    # "比上年多50家": more than a base, an amount added
    r"(?:增长|增加|提高|提升|上升|上涨|比增|同比增|下降|减少|降低|回落|增速|增幅|涨幅|增长率|"
    r"(?<=上年|去年|同期)(?:多|少))(?:了)?"
    r"(?:分别)?(?:为|是)?$"
)
_DECLINE = re.compile(r"(下降|减少|降低|回落)(?:了)?(?:分别)?(?:为|是)?$")
_RATE_UNITS = frozenset({"%", "‰", "个百分点", "百分点", "倍"})
_POINT_UNITS = frozenset({"个百分点", "百分点"})
_COUNT_UNITS = frozenset(
    _words(
        "家 项 个 人 名 位 篇 台 套 支 所 条 次 件 款 座 场 类 种 户 辆 株 部 批 期 家(次) 台/套 台(套) 人次"
    )
)

# Verbs that open the clause before the noun a figure measures; the metric is what follows the last.
# Only verbs that rarely sit inside a noun compound: 研发 (研发投入), 投入 (投入强度), 服务 (服务机构),
# 孵化 (孵化器), 转化 (转化合同), 开发 (开发区), 集聚 (集聚区), 申请/授权/登记 (专利申请量) are not here.
_VERBS = _words(
    "组织实施 联合实施 共同实施 启动实施 实施 争取 获批 获得 新认定 认定 新培育 培育 新引进 引进 引育 "
    "新建成 建成 新建 共建 搭建 设立 吸引 完成 达成 开展 举办 推动 推进 安排 选派 发表 取得 解决 带动 "
    "引导发放 发放 新投用 投用 上线 已落地 落地 撬动 兑现 签订 签署 召开 培养 整合 启动 创建 指导 确定 "
    "新增 净增 开放共享 资助 承担 出台 印发 发布 部署 形成 入驻 新入驻 新入库 入库 新完工 完工 优化 先行先试 "
    "提出 建立 打造 引入 带领 遴选 评选 选拔 吸纳 攻克 制定 设置 认缴 入选 获评 加快 持续 累计 "
    "筹集 募集 组建 储备 帮助 协调 实现 保持 力争 确保 争取到 谋划 收集 颁布 举行 推广 研制 给予 奖励 "
    "新评 评定 验收 签约 完成了 选派了 培训 共有 发行 使用 调派 投放 筹措 提供 撮合 荣获"
)
_VERB_RE = re.compile("|".join(sorted(set(_VERBS), key=len, reverse=True)))
# (the same verbs, for the key-data tables: a row's name keeps the one its clause counts by,
# `figures.table_name`)
CLAUSE_VERBS = frozenset(_VERBS)
# At the very start of a metric a few more words are verbs: "共有院士工作站8个", "拥有…", "支持…"
_LEAD_VERB_RE = re.compile(
    "|".join(
        sorted(
            {
                *_VERBS,
                "共有",
                "拥有",
                "现有",
                "支持",
                "布局",
                "集聚",
                "建设",
                "审定",
                "受理",
                "办结",
                "产生",
                "建有",
                "引培",
                "招引",
                "促成",
            },
            key=len,
            reverse=True,
        )
    )
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:目前|当前|现在|现)(?:共|已|还|仍)?有|(?:初步)?预计|今明两年|[一二三四五六七八九十]+是|[(（][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十百零]+条|其中|同时|首次|此外|另外|"
    r"(?:到|至|截至|截止)?(?:19|20)[0-9]{2}年(?:以来|全年|度|底|末)?|(?:上一?|本|当|去)年度|今年|去年|上年|当年|全年|年内|目前|截至目前|上半年|"
    r"按照?其?|最高|最多|一次性|年末|年底|成功|"
    r"每年|每月|每季度|"
    r"[0-9]{1,2}(?:-|—|至|~)[0-9]{1,2}月(?:份)?|[0-9]{1,2}月(?:份)?|前?[一二三四]季度|"
    r"全市|我市|全区|全省|全国|本市|全县|我区|我省|全州|我州|本州|全旗|全盟|(?<=目前|当前)(?:共|已|还|仍)?有|"
    r"和|及|与|以及|并|还|也|已|将|对|向|在|为|由|以|共有|共|均|分别|又|再|了|的|等|含|包括)+"
)
# Words of the dictionary that open with a character `_LEADING_NOISE` strips as a function word
# (对接, 对口, 对外, 在建, 在校生, 以前, 共建, 共享, 再生, 含量, 等级, 并购…): at a metric's start the
# character is the word's first, not a preposition or an adverb before it ("对接成果转化项目300余个"
# counts 对接成果转化项目, not 接成果转化项目). From jieba's dict.txt (MIT): the two- and
# three-character words opening with one of those characters, frequency >= 100, tagged as a noun,
# verb, adjective, place or idiom; not function words (对于, 以及, 已经), not a modal before 有 (已有,
# 还有: `_HAS_LEAD` reads those), none opening with 将 or 为 and of 并 only 并购 (in policy prose
# those open a clause as a preposition or adverb: 将军民融合…, 为数字经济…, 并列入…), and not
# 已成, 共计, 等于, 等到, 等候, 等待, 了得, 了事, 在乎, 在意, 以军 (an adverb before a verb, or no
# word of a counted thing).
_FUNCTION_CHAR_WORDS = frozenset(
    _words(
        "与会 与会者 与否 了不得 了不起 了结 了解 以上 以下 以东 以内 以前 以北 以南 以后 "
        "以图 以备 以待 以期 以来 以求 以示 以西 以防 共事 共产 共产党 共享 共同体 共和党 "
        "共和制 共存 共建 共性 共振 共生 共用 共识 共通 共青团 共鸣 再创 再战 再拜 再现 "
        "再生 再生产 再行 再见 再起 再造 又名 又称 及格 向下 向导 向日葵 向来 向量 含义 "
        "含意 含沙量 含油 含泪 含笑 含糊 含蓄 含量 含金量 和亲 和声 和约 和解 和谐 在于 "
        "在位 在场 在外 在座 在建 在手 在校 在校生 在线 在职 在读 均匀 均等 均衡 对不住 "
        "对不起 对付 对偶 对内 对决 对准 对口 对外 对头 对子 对岸 对峙 对应 对待 对得起 "
        "对手 对抗 对接 对敌 对数 对方 对比 对流 对生 对症 对白 对称 对称性 对立 对立面 "
        "对答 对策 对联 对视 对话 对象 对阵 对面 已婚 已知 并购 由不得 等价 等价物 等同 "
        "等离子 等级 等级制 等量 等闲 还击 还原 还好 还手 还款 还清 还给 "
        # not in that dictionary, but the words science and technology pages count by: 在孵企业
        # (firms an incubator hosts), 在研项目 (projects under way), as 在建项目
        "在孵 在研 "
    )
)
_FUNCTION_CHARS = frozenset(w[0] for w in _FUNCTION_CHAR_WORDS)


def _strip_leading_noise(s: str) -> str:
    """`s` without the time, place and function words `_LEADING_NOISE` reads before a name, except a
    last function character that opens a word of the dictionary with what follows (对接, 在建),
    unless a verb follows it (共建成: 共 + 建成, the adverb before the verb)."""
    m = _LEADING_NOISE.match(s)
    if m is None:
        return s
    end = m.end()
    # (a word with nothing after it names nothing: "过江通道在建8座" counts no 在建)
    if (
        0 < end < len(s) - 2
        and s[end - 1] in _FUNCTION_CHARS
        and (
            s[end - 1 : end + 1] in _FUNCTION_CHAR_WORDS
            or s[end - 1 : end + 2] in _FUNCTION_CHAR_WORDS
        )
        and _VERB_RE.match(s, end) is None
    ):
        end -= 1
    return s[end:]


_TRAILING_NOISE_WORDS = _words(
    "预计 累计 超过 超 逾 将近 接近 近 大约 约有 约 达到 已达 达 突破 不低于 不少于 不超过 高于 低于 "
    "共计 总计 合计 共 为 是 实现 保持 增长 增加 提高 提升 上升 下降 减少 降低 年均 同比 环比 "
    "分别 均 已 较上年 较去年 比上年 比去年 较 了 在 等 的 至 到 从 由 完成 须 需 应当 应 必须 "
    "增至 升至 降至 增加到 提高到 增长到 跃升至 跃升到 跃升 大幅 力争 确保 给予 予以 将 "
    # adverbs and modals before the verb ("增速要高于40%", "可达", "有望突破", "已经达到",
    # "首次突破"); not the 要 of 纲要/重要/纪要, the 可 of 许可/认可
    "有望 已经 首次 再次 仍然 仍 或将 能够 可以 (?<![许认])可 (?<![纲摘重主需只必纪概简提扼])要 拟按 拟 上涨 "
    # passing a mark ("经济总量跨越三千亿元", "迈上1万亿元"), growing to a level ("发展到145家")
    "跨越 跨过 迈上 迈过 站上 越过 发展到 发展至 扩大到 扩大至 壮大到 壮大至 增长至 "
    # how the figure became known ("全社会R&D投入共统计上报16.15亿元")
    "统计上报 上报 统计"
)
# An adverb or 有 left where the clause's verb was cut off, before a figure ("先后有8批", "率先再给予")
# or after a count ("10大类31项民生实事全部完成", "…的行业大类有9个"): it modifies the
# predicate and names nothing. Not the 有 of 拥有/具有/所有, not 再生.
_ADVERB_TAIL_WORDS = _words(
    "全部 大部分 先后 率先 (?<![再生])再 (?<![拥具持占所享含没特固])有 已 也 又"
)
_ADVERB_TAIL = re.compile("(?:" + "|".join(_ADVERB_TAIL_WORDS) + ")+$")
_ADVERB_TAIL_LAST = frozenset(w[-1] for w in _ADVERB_TAIL_WORDS) | {"\n"}
_TRAILING_NOISE_WORDS = (*_TRAILING_NOISE_WORDS, *_ADVERB_TAIL_WORDS)

_TRAILING_NOISE = re.compile("(?:" + "|".join(_TRAILING_NOISE_WORDS) + ")+$")
# A counted noun ends where a verb, preposition or list joint begins.
_SUFFIX_STOP = re.compile(
    # (潜在 is no stop inside the noun: 潜在独角兽企业; 所在 and 存在 still stop it, "320家所在园区",
    # "12家存在问题的孵化器" count no 所在园区 or 存在问题; 荣获 stops whole)
    r"[、,，;；。:：!！?？()（）]|以及|的|(?<!潜)在|为|由|推进|进驻|进入|赴|荣获|获|被|将|属于|上榜|选为|评为|开工|参会|签约|出席|召开|纳入|就业|"
    r"落地|建成|发放|引领|带动|支撑|配备|开展|参与|加入|上市|列入|成为|实现|通过|占|达|超|突破|作价|建设|正式|"
    r"分别|(?<!公)共|累计|投入|入选|运行|揭牌|增加|增长|提高|提升|上升|下降|减少|降低|[0-9]|"
    # "60%科研人员每周平均科研时间增加2小时": a share of researchers, not of their hours;
    # "对20户企业给予…", "为380户企业成功撮合融资…": what they got is another figure
    r"每|给予|予以|提供|成功|完成|加快|竣工|均|"
    # an adverb opens the predicate: "611人全部脱贫", "其中2亿元已到账", "2个集体分获…"
    r"全部|大部分|已|先后|相继|陆续|分获|斩获"
)
_SCOPE = re.compile(
    r"^[^\d,，。；;、“”\"《》]{0,12}?(?:科学城核心区|科学城|核心区|协同创新区|新区|片区|高新区|生态城|科创园|"
    r"科技园|产业园|实验室|资源库|示范区|开发区|经开区|试验区|自贸区|园区|高校|科研院所|研究院|大学(?!本科|专科|生|毕业)|"
    r"科技城|生物城|城区|有限责任公司|股份有限公司|有限公司|集团公司|集团)"
)
# a clause whose subject is the document's own place
_OWN_PLACE = re.compile(r"(?:其中|目前|截至目前|至此)?[,，]?(?:我|全|本)(?:市|区|县|省|州|旗)")
# a body, not an area: its name is part of what its figure counts
_BODY_SCOPE = re.compile(r"(?:实验室|资源库|研究院|大学)$")
# a body heading a sentence (a lab, a university, a firm), not an area such as 高新区 or 科学城
_BODY_HEAD = re.compile(
    r"(?:实验室|资源库|高校|科研院所|研究院|大学|有限责任公司|股份有限公司|有限公司|集团公司|集团)$"
)
# words that open a clause going on with the subject before it: "…,并获批…", "…,累计发表…"
_CONTINUING = (
    *("并", "还", "也", "又", "同时", "共", "累计", "先后", "已", "其中", "目前", "现"),
    *("该", "其", "本"),  # "…,该校全年科研经费…", "…,其研究人员…": the same body again
)
# a clause opening with a subject of its own: another body ("紫金山等实验室加快建设") or an area
# ("全市科技贷…"); an attribute of the body before ("研究人员超过3000人") is none
_OTHER_SUBJECT = re.compile(
    r"[\u4e00-\u9fff、]{0,12}?(?:实验室|资源库|高校|科研院所|研究院|大学|公司|集团)|(?:全|我)[省市区县州旗]"
)
_LEAD_TIME = re.compile(
    r"^(?:(?:19|20)[0-9]{2}年(?:以来|全年|底|末|上半年|前三季度)?|(?:今年|去年|上年|年初)(?:以来)?|近年来|"
    r"上半年|前三季度|[一二三四]季度|截至目前|目前)[,，]"
)
_NOT_SCOPE = re.compile(r"^(?:全国|国家|省级|市级|区级|县级|全市|全省|各)")
# a scope is a place or one body: not a class of bodies ("其他高校", "鼓励高校", "来自省内外高校":
# a named one is a 大学 or 学院) nor two joined ("企业与高校", "广信农化与合肥工业大学": a
# partnership's figure is no one's)
_NO_BODY = re.compile(r"(?:高校|科研院所)$|与|及")
_SCOPE_LEAD = re.compile(
    r"^(?:其中|我市|全市|本市|我省|全省|我区|全区|本区|我县|全县|本县|组织|加强|依托|围绕|聚焦|推进|[一二三四五六七八九十]+是|(?:19|20)[0-9]{2}年|今年|去年|推动|力争|支持|促进|加快|在|由|将|对|使|让)+"
)
_VERB_END_WORDS = sorted(
    {*_VERBS, "支持", "投入", "补助", "补贴", "拨付", "下达", "覆盖", "惠及", "服务"},
    key=len,
    reverse=True,
)
_VERB_END = re.compile("(?:" + "|".join(_VERB_END_WORDS) + ")$")
# "比去年同期增长49%": the comparison is not part of what is measured
_COMPARISON = re.compile(
    r"(?:比|较)(?:上年|去年|上一年)(?:同期)?(?:全年)?(?:总数)?|同口径|同比|环比|(?:比|较)(?:19|20)[0-9]{2}年(?:度|底|末)?"
    r"|按(?:可比|同)?口径(?:计算)?"
    # "与2021年相比", "比“十二五”末", "比增" (比上年增长), "可比增长": the base or basis of a
    # change, not what changed
    r"|(?:与|同)?(?:上年|去年|上一年|(?:19|20)[0-9]{2}年)(?:同期|末|底)?相比"
    r"|(?:比|较)[“\"]?十[一二三四五]五[”\"]?(?:期末|末|时期)?"
    r"|在(?:现有|原有|此|这一|上年|去年)?基础上"
    r"|(?<![占之对])比(?:增|降)$|(?<!不)可比(?![价口])"
)
# "数量从2018年的1500家": a time phrase right before the number is not part of the metric
_TRAILING_TIME = re.compile(
    # ("总量于2024年底突破500家": the preposition goes with its date)
    r"(?:从|由|到|至|在|于)?(?:19|20)[0-9]{2}年(?:底|末|度)?的?$"
    # "奖金从每人10万元调整为每人50万元": the unit paid for is not part of the metric
    r"|(?:从|由|调整为|提高到|提高至|为)?每(?:人|家|个|项|年)$"
    # "技术合同成交额10月底达到62.3亿元": the month a stock is read at is not what is measured
    r"|(?:截至|截止|到|至|在|于)?[0-9]{1,2}月(?:底|末|份)?$"
    # "是“十二五”末的7.6倍", "从“十二五”末的39家": the end of a plan period, a time as a year is
    r"|(?:从|由|到|至|在|于)?[“\"]?十[一二三四五]五[”\"]?(?:期末|末|时期)?的$"
)

# A pattern anchored at the end is still tried at every position of the text: where the text's
# last character cannot end a match (most metrics), the scan is skipped. "\n" because $ also
# matches before a final line break.
_TRAILING_NOISE_LAST = frozenset(w[-1] for w in _TRAILING_NOISE_WORDS) | {"\n"}
_VERB_END_LAST = frozenset(w[-1] for w in _VERB_END_WORDS) | {"\n"}
_TRAILING_TIME_LAST = frozenset("年底末度的人家个项月份\n")


def _strip_trailing_noise(s: str) -> str:
    return _TRAILING_NOISE.sub("", s) if s[-1:] in _TRAILING_NOISE_LAST else s


def _ends_with_verb(s: str) -> bool:
    return s[-1:] in _VERB_END_LAST and _VERB_END.search(s) is not None


def _strip_comparison_and_time(s: str) -> str:
    # every comparison holds 比 or 较 except 同口径 and 在…基础上
    if "比" in s or "较" in s or "口径" in s or "基础上" in s:
        s = _COMPARISON.sub("", s)
    return _TRAILING_TIME.sub("", s) if s[-1:] in _TRAILING_TIME_LAST else s


_MEASURE_WORDS = "经费|资金|金额|总额|规模|数量|总量|余额|收入|产值|营收|投资|额度|总数|人数"
# what was funded or approved, named by the verb that did it
_BARE_HEAD = re.compile(r"项目|课题")
_BARE_MEASURE = re.compile(f"总?(?:{_MEASURE_WORDS})")
_GENERIC_MEASURE = re.compile(f"[\u4e00-\u9fff]{{0,2}}(?:{_MEASURE_WORDS})")
# (not a class: "20亿级项目" keeps its 20)
_LEADING_NUMBER = re.compile(
    r"^[0-9.]+(?![0-9.A-Za-z]|[万亿千百]*级)(?:亿元|万元|元|%|个|万)?(?:以上|以下|左右)?"
)
_GROUP_WORD = re.compile(r"^[两二三四五六七八九]类|^两者|^二者|^[两二三四五六七八九]项")
_JOINTS = re.compile(r"(?:以及|、|和|及|与|并)+")
_SPAN_LEAD = re.compile(r"(?:以及|、|和|及|与|并|的)+")
_PAIR_SPLIT = re.compile(r"、|和|及|与")
_LIST_SPLIT = re.compile(r"、|和|及")


@dataclasses.dataclass
class _Figure:
    quantity: Quantity
    clause_start: int
    text_start: int
    text_end: int
    metric: str | None
    kind: IndicatorKind
    year: int | None
    qualifier: str | None
    scope: str | None
    subset: str | None = None  # "其中16家属于战略性新兴产业": the part of the figure before it
    share: bool = False  # "基础研究为1.46亿元,占R&D经费支出的4.2%": a share of what comes before
    base: int | None = None  # "较2000年增长152.6%": the year a change is measured against
    flow: str | None = None  # "新增…科技型中小企业100家": a count of what was added
    own_metric: str | None = None  # the metric named by its own clause, before any is inherited
    # "高等院校有R&D人员…": the performer opening the sentence and what it counts (高等院校, R&D人员)
    subject: tuple[str, str] | None = None
    gap: bool = False  # "高于全国平均水平3个百分点": a gap against a reference
    # "按执行利率给予2%的贴息补助": the name a support ratio had before it was named a ratio, which
    # the cap after it ("最高不超过20万元") is of
    grant: str | None = None
    # where the year was taken from, with the year it gave ("句中的“2023年”"), for `explain`
    # (a mention and whether it sits in the figure's clause: worded only when asked, see _said)
    year_from: tuple[int | None, str | tuple[_Mention, bool]] | None = None
    # which place frame gave the scope ("所在分句写明的“长沙县”", "所在标题“（三）两江新区”"), for
    # `explain`
    scope_from: str = ""
    kind_from: str = ""  # why the kind ("给予奖补的条件分句（“……的”）中的门槛"), for `explain`
    # a target read from the sentence (a plans heading, a target word before it): its kind, and
    # why, were the measure it stands in done (`_follow_status`)
    done_kind: tuple[IndicatorKind, str] | None = None


@dataclasses.dataclass(frozen=True)
class _DocContext:
    doc_year: int | None
    doc_month: int | None
    summary_year: int | None
    jurisdiction: str | None = None
    title_year: int | None = None
    # a summary of the year before, posted by March: `doc_year` is the year it reviews
    reviewed_early: bool = False


def extract_indicators(
    sha256: str,
    structure: Structure,
    doc_date: str | None = None,
    jurisdiction: str | None = None,
    title: str | None = None,
    measures: Sequence[Measure] = (),
    year_origins: dict[str, str] | None = None,
    figure_sentences: dict[str, int] | None = None,
    jurisdiction_why: str = "",
    scope_origins: dict[str, str] | None = None,
    dropped: list[str] | None = None,
    kind_origins: dict[str, str] | None = None,
) -> list[Indicator]:
    """Indicators of one document, in document order. `measure_id` is set later by the pipeline.
    `year_origins`, when given, receives for each indicator's id where its year came from, in the
    words `briefing explain` prints ("所在部分开头的“2025年是…”"); `figure_sentences` the index
    of the sentence it was cut from (the same figure may be in a summary and in a plan).

    `jurisdiction` is the document's own place (`places.document_place`, decided once by the
    pipeline; `jurisdiction_why` says where from): the outermost place frame. A heading or a
    paragraph opening that names a place ("（三）两江新区：…", "在浙江，…") frames the figures under
    it; a figure takes the innermost frame unless its own clause or sentence names a place (see
    `_sentence_figures`). `dropped`, when given, receives why each figure read but not kept was
    dropped (a share above 100 %: a reading error), in the words the notes print; `kind_origins`
    why each figure has its kind ("给予奖补的条件分句（“……的”）中的门槛"). `scope_origins`, when given, receives for each indicator's id where its
    scope came from ("所在标题“（三）两江新区”"), for `briefing explain`. The year of `title` ("2016年…
    统计公报") dates the figures that no sentence or heading dates. `measures` (the document's,
    with their status) make a planned measure's figures targets.
    """
    sentences = structure.sentences
    ctx = _document_context(sentences, doc_date, jurisdiction, title)
    if ctx.title_year is not None and detect_genre(title, structure).genre == "reply":
        # "关于2023年市人大第0123号建议的答复": the year of the session that made the proposal,
        # not of the figures the answer gives (often totals, or of the year before)
        ctx = dataclasses.replace(ctx, title_year=None)
    planned_paragraphs = _planned_paragraphs(structure)
    # place frames, outermost first: the document's own place, a heading's, a paragraph opening's
    own_frame = (
        ctx.jurisdiction,
        f"文件本身的地区（{jurisdiction_why}）" if jurisdiction_why else "文件本身的地区",
    )
    if ctx.jurisdiction is None:
        # a page with no publisher, title or 全市 of its own that opens on the place it reports
        # on ("2024年,大连高新区以…为抓手,…"): that place frames the whole document, as a
        # publisher's jurisdiction would
        own_frame = _opening_place(sentences) or own_frame
    heading_places: dict[tuple[str, ...], tuple[str, str] | None] = {}
    paragraph_places: dict[int, tuple[str, str] | None] = {}
    paragraph_years: dict[int, int] = {}
    carried_years: dict[int, int] = {}
    paragraphs_seen: set[int] = set()
    future_paragraphs: set[int] = set()
    intro_years: dict[int, int | None] = {}
    section_subjects: dict[tuple[str, ...], tuple[str, str] | None] = {}
    indicators: list[Indicator] = []
    kinds: list[tuple[str, str]] = []  # per indicator: its kind when read, and why
    # per indicator: its sentence, where it starts in it, and its kind were its measure done
    placed: list[tuple[int, int, tuple[IndicatorKind, str] | None]] = []
    origins: list[
        tuple[int | None, str | tuple[_Mention, bool]]
    ] = []  # per indicator: the year traced and where from
    sections_seen: set[tuple[str, ...]] = set()
    plan_sections: dict[tuple[str, ...], bool] = {}
    heading_years: dict[str, int | None] = {}
    # the time frame a section's opening sets ("一、工作回顾 / 2025年是…之年,…"): the year of the
    # figures of the whole section that name none of their own (see _frame_year)
    frames: dict[tuple[str, ...], tuple[int, str]] = {}
    # the parts ("一、2025年和“十四五”时期工作回顾") whose sentences now look back over several years
    reviews: dict[tuple[str, ...], bool] = {}
    review_spans: dict[tuple[str, ...], str | None] = {}
    # the parts of a review given to its last year by a paragraph opening with it ("2025年,…"):
    # the paragraphs after it under the same heading ("——…", "这一年,…") are that year's
    year_parts: dict[tuple[str, ...], int] = {}
    year_part_paragraphs: dict[int, int] = {}  # the "——…" paragraphs of such a part
    period_ctx = dataclasses.replace(ctx, summary_year=None)
    span_title = bool(title and _TITLE_SPAN.search(title))
    # only a plan's opening year can be one it does not plan for ("2025年工作要点" opening on
    # "2024年是…关键一年"); a summary's ("工作总结" opening "2024年是…关键之年") is its own
    plan_genre = detect_genre(title, structure).genre == "plan"
    for sentence in sentences:
        if len(indicators) >= limits.MAX_FIGURES:
            # each figure carries its clause into the JSONL and the workbook: a page of
            # figures in 5000-character sentences would make gigabytes (`readers.limits`)
            break
        opens_paragraph = sentence.paragraph not in paragraphs_seen
        if opens_paragraph:
            paragraph_places[sentence.paragraph] = _frame_place(
                sentence.text, ctx.jurisdiction, "所在段落开头的"
            )
            # a paragraph opening "2023年,…" dates the figures of its later sentences
            paragraphs_seen.add(sentence.paragraph)
            lead = _LEADING_YEAR.match(sentence.text) or _PARAGRAPH_YEAR.match(sentence.text)
            if lead is not None:
                paragraph_years[sentence.paragraph] = int(lead.group(1))
                span = review_spans.get(sentence.section[:1])
                if (
                    reviews.get(sentence.section[:1])
                    and span
                    and span.endswith(lead.group(1))
                    and _YEAR_CLAUSE.match(sentence.text)
                ):
                    # "2025年，…" standing as a clause of its own opens the review's last year
                    # ("2025年全市研发投入强度达2.9%" is one fact of it, not a part)
                    year_parts[sentence.section] = int(lead.group(1))
            elif _THIS_YEAR.match(sentence.text) and sentence.section in year_parts:
                paragraph_years[sentence.paragraph] = year_parts[sentence.section]
            elif sentence.text.startswith("——") and sentence.section in year_parts:
                year_part_paragraphs[sentence.paragraph] = year_parts[sentence.section]
            elif (last := _last_year_opening(sentence.text, ctx)) is not None:
                # "过去一年,…", "去年,…" opening a paragraph of a report delivered the next year:
                # the paragraph is that year's, whatever heading (a five-year review's) is above
                paragraph_years[sentence.paragraph] = last
                if reviews.get(sentence.section[:1]) and _LOOKING_BACK.match(sentence.text):
                    # "各位代表,刚刚过去的2025年,…" after a five-year review: the part's later
                    # paragraphs ("——创新动能持续增强。…") are that year's too; without a review
                    # before it ("过去一年,…" in a news item) the later paragraphs keep their own
                    # time ("会上,…授牌", "全市现有…")
                    frames[sentence.section[:1]] = (
                        last,
                        f"五年回顾之后“{sentence.text[:12]}…”开头的一段",
                    )
        top = sentence.section[:1]
        if sentence.section not in sections_seen:
            sections_seen.add(sentence.section)
            if (
                sentence.section
                and (opened := _opening_year(sentence.text, ctx)) is not None
                and not (
                    ctx.doc_year is not None
                    and opened < ctx.doc_year
                    and _is_planned(sentence, planned_paragraphs, plan_sections)
                )
            ):
                # the section's first sentence opening with its time ("2025年是…之年", "2023年,",
                # "去年,") sets the frame of the whole section, not only of its paragraph; in a
                # task part an earlier year is background ("去年,我市出台…", "2020年,…获批…"),
                # not the time of the tasks
                frames.setdefault(
                    sentence.section, (opened, f"所在部分开头的“{sentence.text[:16]}…”")
                )
            m = _TARGET_YEAR.match(sentence.text)
            if m is not None and (
                _is_planned(sentence, planned_paragraphs, plan_sections)
                or (ctx.doc_year is not None and int(m.group(1)) >= ctx.doc_year)
            ):
                # "到2025年,…" opening a 工作目标 section dates the targets that follow in it; so
                # does a year still ahead opening any section ("一、总体目标 / 到2023年,…")
                frames.setdefault(
                    sentence.section, (int(m.group(1)), f"目标部分开头的“{m.group()}”")
                )
        elif (
            opens_paragraph
            and (m := _TARGET_YEAR.match(sentence.text)) is not None
            and ctx.doc_year is not None
            and int(m.group(1)) >= ctx.doc_year
        ):
            # "到2023年,全市创新能力明显增强。/ …技术合同成交额突破100亿元。/ 到2025年,…": a
            # paragraph opening on a year ahead dates the targets after it, to the next such one
            frames[sentence.section] = int(m.group(1)), f"前面段落开头的“{m.group()}”"
        if (
            not sentence.section
            and sentence.index < _OPENING_SENTENCES
            and not span_title
            and (working := _WORKING_YEAR.match(sentence.text))
            and (not plan_genre or ctx.doc_year is None or int(working.group(1)) >= ctx.doc_year)
        ):
            # "2025年是…收官之年,全市科技系统要…" opening a plan before its first heading (after a
            # slogan line, perhaps): the year it plans frames the whole document (a summary's
            # "2023年,全市…" dates only what was done: ctx.summary_year); it comes after the
            # title's year ("2025年工作要点" opening on "2024年是…关键一年"), and a plan titled
            # with its years ("（2024—2026年）") plans for them, not for the first one it opens on
            frames.setdefault((), (int(working.group(1)), f"文件开头的“{working.group()}”"))
        future = sentence.paragraph in future_paragraphs
        if _FUTURE_OPENING.match(sentence.text):
            future_paragraphs.add(sentence.paragraph)
        opening = _period_opening(sentence.text, ctx.doc_year)
        if opening is not None:
            reviews[top] = opening
            review_spans[top] = _review_span(sentence.text, ctx) if opening else None
            if opening:
                # "2025年是“十四五”收官之年。五年来,…": the year named before dates none of it
                carried_years.pop(sentence.paragraph, None)
                paragraph_years.pop(sentence.paragraph, None)
                year_parts.pop(sentence.section, None)
                frames.pop(sentence.section, None)
        if not may_hold_quantities(sentence.text):
            _carry_year(carried_years, sentence, ctx, None, intro_years)
            continue
        planned = _is_planned(sentence, planned_paragraphs, plan_sections)
        if future:
            planned = True  # "未来5年,…。靶向引进…100名": the passage ahead goes on
        if _RUN_IN_ITEM.match(sentence.text):
            # "二是…": a new item of a run-in list; the years of the item before are its own
            _new_item(carried_years, intro_years, sentence.paragraph)
        sentence_ctx = ctx
        part_year: int | None = None  # the year a "——…" paragraph of the year's part gives
        before_period = ""
        if reviews.get(top):
            # a look back over five years ("五年来,…技术合同成交额累计达260亿元"): its totals
            # and rates are of the whole period, not of the year its heading or title names
            # ("一、2025年和“十四五”时期工作回顾"); only a year its own text prints dates them,
            # or one printed before in its paragraph; but what was added up over the period
            # (新增…, 累计…) is the period's even after a sentence that printed a year ("2025年外国
            # 人来琼工作人数较2020年增长90%。…新增技能人才39.87万人次。")
            context_year = paragraph_years.get(sentence.paragraph)
            context_why = "回顾几年的部分中，所在段落开头的年份"
            if context_year is None and "累计" not in sentence.text:
                # "城镇新增就业累计超过300万人" after the year's paragraphs is the period's total
                context_year = year_part_paragraphs.get(sentence.paragraph)
                context_why = "回顾几年的部分中，以“某年，”开头讲这一年的一段之后的“——”段落"
                span = review_spans.get(top)
                if context_year is not None and span:
                    part_year = context_year
                    before_period = f"{int(span[:4]) - 1}年"
            if context_year is None:
                context_year = _review_subheading_year(sentence.section, heading_years, ctx)
                context_why = "回顾几年的部分中，小标题写明的年份"
            if _NAMES_THE_PERIOD.search(sentence.text) is not None:
                # "五年累计新增高新技术企业2300家" in a paragraph opening "去年,…": the sentence says
                # itself that its figures are the period's, whatever year its paragraph opened on
                context_year = None
            elif _OVER_THE_PERIOD.search(sentence.text) is None and (
                carried_year := carried_years.get(sentence.paragraph)
            ):
                context_year = carried_year
                context_why = "回顾几年的部分中，同段前面句子写明的年份（期末达到的水平）"
            sentence_ctx = period_ctx
        else:
            context_year, context_why = _context_year(
                sentence,
                (carried_years, "同段前面句子写明的年份"),
                (paragraph_years, "所在段落开头的年份"),
            )
            if context_year is None:
                context_year, context_why = _frame_year(
                    sentence.section, frames, heading_years, ctx, plan_genre
                )
            if context_year is None and ctx.title_year is not None:
                context_year, context_why = ctx.title_year, "文件标题中的年份"
            if context_year is None:
                context_year, context_why = frames.get((), (None, ""))
        frame = paragraph_places.get(sentence.paragraph) or _heading_frame(
            sentence.section, heading_places, ctx.jurisdiction
        )
        figures, last_year = _sentence_figures(
            sentence.text,
            sentence_ctx,
            planned,
            context_year,
            context_why,
            any(_CONDITIONS_HEADING.search(h) for h in sentence.section),
            frame or own_frame,
        )
        if part_year is not None and before_period in sentence.text:
            # a sentence measuring from the year before the period ("是2020年的2.1倍", "由2020年
            # 的7.5%提高到10.2%") goes back over five years, but for a clause saying it is the
            # year's own ("全年新增高新技术企业1200家,…,是2020年的2.1倍": 1200家 is 2025's)
            for fig in figures:
                if fig.year == part_year and not _THE_YEARS_OWN.search(
                    _clause_of(sentence.text, fig)
                ):
                    fig.year = None
        figures = _sane(figures, sentence.text, dropped)
        _carry_year(carried_years, sentence, ctx, last_year, intro_years)
        if figures and sentence.section not in section_subjects:
            # the performer opening a part's first figures is the part's subject
            # ("一、R&D人员情况 / 2009年全国高等院校有R&D人员50.9万人…")
            section_subjects[sentence.section] = figures[0].subject
        elif (
            figures
            and figures[0].subject is None
            and (carried := section_subjects.get(sentence.section)) is not None
        ):
            _apply_subject(figures, *carried)
        chain: tuple[int, bool] | None = None
        for fig in figures:
            if fig.kind == "target" and fig.year is None:
                fig.year = _plan_period_end("".join(sentence.section))
                fig.year_from = fig.year, "所在标题中规划时段的末年"
            indicators.append(_to_indicator(sha256, len(indicators), sentence.text, fig))
            if figure_sentences is not None:
                figure_sentences[indicators[-1].id] = sentence.index
            if scope_origins is not None:
                scope_origins[indicators[-1].id] = (
                    (fig.scope_from or "原文没有给出")
                    if fig.scope
                    else "原文没有给出，文件本身的地区也不明"
                )
            origins.append(fig.year_from or (fig.year, ""))
            kinds.append((fig.kind, fig.kind_from))
            placed.append((sentence.index, fig.text_start, fig.done_kind))
            if reviews.get(top) and fig.year is None:
                chain = _date_in_review(
                    sentence.text, fig, indicators[-1], review_spans.get(top), chain
                )
            elif reviews.get(top) and _start_value(sentence.text, indicators[-1].text):
                # "从2021年的46503元…提高到58794元": a start dated by its own text keeps its
                # year; the values it rose to are the period's last year's
                chain = fig.quantity.end, False
    if measures:
        _follow_status(measures, sentences, indicators, placed, kinds)
    if ctx.doc_year is not None and detect_genre(title, structure).genre == "news":
        for n, ind in enumerate(indicators):
            # a news item reports what has just happened: a figure it gives no year of is of the
            # year it was published ("会上,…12个相关单位将对标对表"); tried on replies, summaries
            # and plans too: their undated figures are often of other years (dev year fell)
            if ind.year is None and ind.period is None and ind.kind != "provision":
                ind.year = ctx.doc_year
                origins[n] = ind.year, "文件日期（新闻报道的是发布当年的事）"
    if ctx.doc_year is not None:
        for n, ind in enumerate(indicators):
            # a support standard laid down ("给予最高20万元资助") is the document's own, of its year
            if ind.kind == "provision" and ind.year is None:
                ind.year = ctx.doc_year
                origins[n] = ind.year, "文件日期（政策规定为发文当年的）"
    for ind in indicators:
        if ind.period is not None and (ind.year is not None or ind.kind not in _PERIOD_KINDS):
            ind.period = None  # a target or a standard in a look back is not the period's result
    if any(ind.kind == "target" and ind.year is None for ind in indicators):
        planned_year = _planned_year(title, structure, ctx.doc_year)
        for n, ind in enumerate(indicators):
            if ind.kind == "target" and ind.year is None and not _EVERY_YEAR.search(ind.text):
                ind.year = planned_year
                origins[n] = planned_year, "计划标题所写时段的末年，或发文年份"
    if kind_origins is not None:
        for ind, (kind, reason) in zip(indicators, kinds, strict=True):
            kind_origins[ind.id] = (
                reason
                if kind == ind.kind
                else "所在措施是计划（状态由体裁、章节和语气决定），其中的数是目标"
            )
    if year_origins is not None:
        for ind, (year, why) in zip(indicators, origins, strict=True):
            if ind.year is None:
                year_origins[ind.id] = (
                    f"原文没有给出单独的年份，属于所回顾的时段 {ind.period}"
                    if ind.period
                    else "原文没有给出"
                )
            elif year == ind.year and why:
                year_origins[ind.id] = (
                    why if isinstance(why, str) else _said(*why, ctx.doc_year, ctx.reviewed_early)
                )
            else:
                year_origins[ind.id] = "由变化的起点、终点或所回顾的时段推算"
    return indicators


# A share or an intensity cannot pass 100 %: "强度达到20152.06%" with no year to split off (see
# `numbers.find_quantities`) is a misreading. Growth, completion and support ratios can (增长135%,
# 完成任务的124%, 按175%加计扣除), so only names that say a part of a whole count.
# (not what is 占 of a plan or a contract: "占年度目标的135%" is a completion; not 贡献率: a
# contribution to growth passes 100 % when the other parts shrink)
_SHARE_NAME = re.compile(r"(?:比重|占比|强度|覆盖率|普及率)$")
_OF_A_PLAN = re.compile(r"计划|目标|任务|预算|合同|上年|去年|同期")
_PART_KINDS = frozenset({"actual", "target"})


def _sane(figures: list[_Figure], text: str, dropped: list[str] | None) -> list[_Figure]:
    """The figures whose value can be what their name says; the others noted in `dropped`."""
    kept = []
    for fig in figures:
        q = fig.quantity
        if (
            q.unit in ("%", "‰")
            and q.value > (100 if q.unit == "%" else 1000)
            and fig.kind in _PART_KINDS
            and fig.metric is not None
            and _SHARE_NAME.search(fig.metric) is not None
            and _OF_A_PLAN.search(fig.metric) is None
        ):
            if dropped is not None:
                quote = text[fig.text_start : fig.text_end]
                dropped.append(
                    f"舍去数据“{quote}”：{fig.metric or '占比'}是部分占整体的比率，不会超过100%，"
                    "应是读取错误（例如数字前粘连了别的数字）"
                )
            continue
        if (
            q.unit in ("%", "‰", "个百分点", "百分点")
            and q.glued_year is None
            and _YEAR_LED_RATE.match(text, q.start, q.end) is not None
        ):
            # "增长2015135%": a year run into a rate that cannot be split off (what is left is no
            # rate either); no rate of these documents runs into five digits
            if dropped is not None:
                quote = text[fig.text_start : fig.text_end]
                dropped.append(
                    f"舍去数据“{quote}”：数值以年份“{text[q.start : q.start + 4]}”开头、"
                    "位数过多，应是年份与数值粘连，无法确定原值"
                )
            continue
        kept.append(fig)
    return kept


_YEAR_LED_RATE = re.compile(r"(?:19[5-9]|20[0-9])[0-9]{2,}(?:\.[0-9]+)?(?:%|‰|个?百分点)")


# a plan's own horizon in its title: "2023—2025年", "“十四五”"; a plan named for several years
# without them (规划, 三年行动) dates no undated target
# "2023—2025年", "2024年至2026年", "（2024—2026）"
_TITLE_SPAN = re.compile(r"(?:19|20)[0-9]{2}年?\s*[—\-－~～至到]\s*((?:19|20)[0-9]{2})(?![0-9])")
# "每年新增…100家": a figure for every year of the plan, not for its last
_EVERY_YEAR = re.compile(r"每年|年均")
_TITLE_FIVE_YEAR = re.compile(r"十([一二三四五])五")
_SEVERAL_YEARS = re.compile(r"规划|纲要|[两三四五]年|中长期|远景")
# "关于加快建设科技强市的实施意见": an 意见 or 行动计划 that names no year sets aims for the years
# ahead, not for the year it was issued (tried: any title naming no year nor 年度, as the 办法
# and 细则 too: dev year 0.936 -> 0.929, their standing terms are of the issue year)
_AIMS_AHEAD = re.compile(r"意见|行动计划|行动方案")


def _planned_year(title: str | None, structure: Structure, doc_year: int | None) -> int | None:
    """The year a plan or policy sets its undated targets for ("全年研发经费增速不低于19%" in a
    实施方案 of 2024): the end of the span its title names, else the year it was issued; none
    for other genres (a reply's 下一步 or a work report's goals have their own time)."""
    if detect_genre(title, structure).genre != "plan":
        return None
    if title:
        if (span := _TITLE_SPAN.search(title)) is not None:
            return int(span.group(1))
        if (period := _TITLE_FIVE_YEAR.search(title)) is not None:
            return 2005 + 5 * _FIVE_YEAR_INDEX[period.group(1)]
        if _SEVERAL_YEARS.search(title) or (
            _AIMS_AHEAD.search(title) and not _YEAR.search(title) and "年度" not in title
        ):
            return None
    if doc_year is None and structure.sentences:
        # an undated plan's preamble names the year it is for ("市委、市政府决定,2024年在全市开展
        # “科技创新年”活动,现制定如下实施方案")
        years = {int(m.group(1)) for m in _YEAR.finditer(structure.sentences[0].text)}
        return years.pop() if len(years) == 1 else None
    return doc_year


def _follow_status(
    measures: Sequence[Measure],
    sentences: Sequence[Sentence],
    indicators: Sequence[Indicator],
    placed: Sequence[tuple[int, int, tuple[IndicatorKind, str] | None]],
    kinds: list[tuple[str, str]],
) -> None:
    """One decision for a sentence's role: the status of the measure a figure stands in (it reads
    the genre, the section and the sentence's mood) decides whether the figure is a target, so a
    briefing never lists a target among what was done nor a result among plans.

    A figure of a planned measure is a target ("今年拟安排专项债券3.75万亿元", a task part's
    "新建高标准农田8000万亩"), unless it says it was reached (已…) or is an amount added (change) or a
    support standard (provision). A figure of a done measure is no target, whatever its sentence's
    words (a 将突破 in the clause before a semicolon, a plans heading over a review's paragraph),
    but for the aim a result is measured against ("超额完成全年净增130家目标任务"). A figure in no
    measure (a table row, a framing sentence) keeps the kind it was read with.
    Sets each figure's `measure_id`: its own measure, not the first one that quotes its words
    ("16条" stands in many sentences)."""
    own = _own_measures(sentences, measures)
    for n, (ind, (index, start, done_kind)) in enumerate(zip(indicators, placed, strict=True)):
        found = own.get(index)
        if not found:
            continue
        measure: Measure | None = None
        for at, m in found:
            if ind.text in m.text and (at < 0 or at <= start < at + len(m.text)):
                measure = m
                break
        if measure is None:
            continue
        ind.measure_id = measure.id
        if measure.status == "planned":
            if ind.kind in ("actual", "growth") and not _DONE.search(ind.text):
                ind.kind = "target"
                kinds[n] = "target", "所在措施是计划（状态由体裁、章节和语气决定），其中的数是目标"
        elif ind.kind == "target" and done_kind is not None:
            ind.kind = done_kind[0]
            kinds[n] = (
                done_kind[0],
                f"所在措施是已做的事（状态由体裁、章节和语气决定）：{done_kind[1]}",
            )


# how many sentences on a measure's text is looked for from where the measure before was: the
# sentences between two measures are framing, captions or table rows, a few at a time
_MEASURE_REACH = 200


def _own_measures(
    sentences: Sequence[Sentence], measures: Sequence[Measure]
) -> dict[int, list[tuple[int, Measure]]]:
    """The measures cut from each sentence (by index), in order, with where each starts in it (-1
    for a run-in lead joined to the sentence after it, "一是X。" + "Y", which spans both). Measures
    come in document order, so one walk finds them."""
    own: dict[int, list[tuple[int, Measure]]] = {}
    k = 0
    for m in measures:
        for j in range(k, min(len(sentences), k + _MEASURE_REACH)):
            text = sentences[j].text
            if sentences[j].section != m.section:
                continue
            at = text.find(m.text)
            if at >= 0:
                own.setdefault(j, []).append((at, m))
                k = j
                break
            if text and m.text.startswith(text) and j + 1 < len(sentences):
                own.setdefault(j, []).append((-1, m))
                own.setdefault(j + 1, []).append((-1, m))
                k = j + 1
                break
    return own


def _to_indicator(sha256: str, n: int, text: str, fig: _Figure) -> Indicator:
    q = fig.quantity
    norm = normalize(q.value, q.unit)
    return Indicator(
        id=f"i-{sha256[:10]}-{n:03d}",
        text=text[fig.text_start : fig.text_end],
        metric=fig.metric,
        value=q.value,
        unit=q.unit,
        year=fig.year,
        kind=fig.kind,
        qualifier=fig.qualifier,
        scope=fig.scope,
        normalized_value=norm[0] if norm else None,
        normalized_unit=norm[1] if norm else None,
    )


# --- document and paragraph context ----------------------------------------------------------------


def _document_context(
    sentences: Sequence[Sentence], doc_date: str | None, jurisdiction: str | None, title: str | None
) -> _DocContext:
    doc_year, doc_month = _year_month_of(doc_date)
    if doc_year is None:
        # A speech or report carries its date in a subtitle: "(2024年3月27日在…会议上)"
        for s in sentences[:5]:
            m = _FULL_DATE.search(s.text)
            if m:
                doc_year, doc_month = int(m.group(1)), int(m.group(2))
                break
    summary_year = None
    for sentence in sentences[:3]:
        # "根据…清查结果,现将…公布如下: / 2009年全国有高等院校2305个": a preamble with no year and
        # no figure may come before the opening that dates the whole bulletin
        m = _LEADING_YEAR.match(sentence.text) or _OPENING_YEAR.match(sentence.text)
        if m:
            summary_year = int(m.group(1))
        if m or _YEAR.search(sentence.text) or any(find_quantities(sentence.text)):
            break
    title_year = None
    reviewed_early = False
    if not title:
        # an untitled page's headline ("2014年我市全社会R&D经费投入稳步增长", the metadata found
        # no title) is its title for dating
        title = next((s.text for s in sentences[:5] if _is_headline(s.text)), None)
    if title:
        years = {int(m.group(1)) for m in _YEAR.finditer(title)}
        if len(years) == 1:
            title_year = years.pop()
            if reviewed_early_year(title, doc_year, doc_month) is not None:
                doc_year, doc_month, reviewed_early = title_year, 12, True
            if _DELIVERED_TITLE.search(title):
                # "2017年安徽省人民政府工作报告" is delivered in 2017 about 2016: a date, not a period
                doc_year = doc_year or title_year
                title_year = None
        elif len(years) > 1 and (reviewed := _REVIEWED_YEAR.search(title)) is not None:
            # "2011年工作总结及2012年工作安排": the year reviewed dates what was done
            summary_year = summary_year or int(reviewed.group(1))
    return _DocContext(doc_year, doc_month, summary_year, jurisdiction, title_year, reviewed_early)


def reviewed_early_year(title: str, year: int | None, month: int | None) -> int | None:
    """The year a summary reviews when it was written as that year closed: its title names that
    one year and it is dated (`year`, `month`) by March of the next ("广德市科技局2021年工作总结",
    posted in February 2022: its "今年" is 2021 and its "11月底" 2021's); None otherwise. The
    figures' years and the briefing's 今年（…年） read the document by this one rule."""
    years = {int(m.group(1)) for m in _YEAR.finditer(title)}
    if len(years) != 1 or year is None or month is None or month > EARLY_MONTH:
        return None
    reviewed = years.pop()
    return reviewed if year == reviewed + 1 and _REVIEWED_YEAR.search(title) else None


_OPENING_SENTENCES = 5  # a document's opening: its title lines, a slogan, the opening sentence
_WORKING_YEAR = re.compile(r"^((?:19|20)[0-9]{2})年(?:是|为|确定为|定为)[^。;；]{0,60}?年")
_REVIEWED_YEAR = re.compile(
    r"((?:19|20)[0-9]{2})年(?:度)?[^0-9,，;；。]{0,12}?(?:总结|回顾|完成情况|工作情况|统计公报|公报)"
)
_HEADLINE = re.compile(r"^(?:19|20)[0-9]{2}年[^,，;；。:：!！?？0-9]{6,36}$")
# "2009年全省开展第二次R&D资源清查": a summary opening with its year and its own place as subject
_OPENING_YEAR = re.compile(r"^((?:19|20)[0-9]{2})年(?=[全我本][省市区县州国])")


def _is_headline(line: str) -> bool:
    """A line that reads as an untitled page's headline: "2014年我市全社会R&D经费投入稳步增长", or
    the same after the place it is about ("青海省2011年科技工作总结")."""
    if _HEADLINE.match(line):
        return True
    lead = find_places(line[:12]) if may_name_place(line[:12]) else []
    return bool(lead) and lead[0][0] == 0 and _HEADLINE.match(line[lead[0][1] :]) is not None


# the title's head noun: "…工作报告落实情况(1-3月)" follows a report up, its year is the figures'
_DELIVERED_TITLE = re.compile(r"(?:工作报告|讲话|致辞|发言)(?:[(（][^()（）]{0,12}[)）])?$")


def _year_month_of(date: str | None) -> tuple[int | None, int | None]:
    if date and len(date) >= 7 and date[:4].isdigit() and date[5:7].isdigit():
        return int(date[:4]), int(date[5:7])
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4]), None
    return None, None


def _planned_paragraphs(structure: Structure) -> set[int]:
    """Paragraphs after a "下一步…" opening when the structure has no section headings to tell."""
    if any(s.section for s in structure.sentences):
        return set()
    planned: set[int] = set()
    in_plan = False
    for p in structure.paragraphs:
        text = p.text
        if _TOP_HEADING.match(text) and len(text) <= 40:
            in_plan = bool(_PLAN_HEADING.search(text))
        elif text.startswith("下一步"):
            in_plan = True
        if in_plan:
            planned.add(p.index)
    return planned


# what was added up, averaged, grown or won over the period (新增…, 累计…, 年均…, 增长50%,
# "获评何梁何利奖2人") is the period's; any other figure is a level the period ended on ("院士增至
# 10人", "高新技术企业突破1.5万家", "地区生产总值跨越5000亿元"), of the year the paragraph printed
# before (tried: levels only after a verb of reaching, 增至/达到…: bare 达, 突破, 跨越 lost the year)
_OVER_THE_PERIOD = re.compile(r"新增|累计|年均|增长(?![到至])|获评|荣获|获得|获批|入选|当选")
# a sentence that names the reviewed period as its own time ("五年来", "五年累计", "十四五"期间/以来)
_NAMES_THE_PERIOD = re.compile(
    r"[三五]年(?:来|间|中|累计|共计?)|过去[三五]年|“?十[二三四五]五”?(?:时期|期间|以来)"
)
# "由5.6万元增至7.8万元", "从…提高到…": the value a change starts from is the period's start
_FROM_VALUE = re.compile(
    r"[由从]\s*(?:(?:19|20)[0-9]{2}年(?:末|底)?的?)?(?:约|近|超过|超)?\s*[0-9０-９.．]+[^0-9０-９]{0,4}$"
)
_CHANGE_TO = re.compile(r"(?:增|提高|提升|增加|增长|升|降|下降|减少|扩大|跃升)(?:至|到)")


def _date_in_review(
    text: str, fig: _Figure, ind: Indicator, span: str | None, chain: tuple[int, bool] | None
) -> tuple[int, bool] | None:
    """Date an undated figure of a look back over `span` ("2016—2020"): the period's, or for a
    change across it ("由13%提升至21.2%", "由14.85亿元增加至77.24亿元,增长5.5倍") the base the
    period started from is the year before it (2015), the level it reached and the rise between
    the two its last year (2020). `chain` is where the change's last value ends and whether that
    was the level reached; the new chain is returned."""
    if span is None:
        return None
    first, last = (int(y) for y in span.split("—"))
    if (fig.metric or "").endswith("(原)") or _start_value(text, ind.text):
        ind.year = first - 1
        return fig.quantity.end, False
    between = text[chain[0] : fig.quantity.start] if chain is not None else ""
    if (
        chain is not None
        and fig.kind == "actual"
        and not _CLAUSE_END.search(between)
        # "由13%提升至21.2%": no clause between the start value and the level it reached
        and (_CHANGE_TO.search(between) is not None or (chain[1] and between in ("、", "和")))
    ):
        ind.year = last
        return fig.quantity.end, True
    if chain is not None and chain[1] and fig.kind == "growth" and _RISE_AFTER.match(between):
        ind.year = last  # "…增加至77.24亿元,增长5.5倍": the rise from the one to the other
        return None
    lead = text[fig.clause_start : fig.quantity.start]
    if (
        fig.kind == "actual"
        and _LEVEL_REACHED.search(lead)
        and not _OVER_THE_PERIOD.search(lead)
        and not _NAMES_THE_PERIOD.search(lead)
    ):
        # "高新技术企业达6.9万家、五年翻了一番多": the level the five years ended on is of the
        # period's last year; what they added ("五年增加2万家") stays the period's
        ind.year = last
        return None
    ind.period = span
    return None


# the verb of a level reached, right before its figure: "达6.9万家", "突破1.5万家", "增至10人"
_LEVEL_REACHED = re.compile(
    r"(?:达到?|突破|超过|(?:增|提高|提升|增加|跃升|扩大)(?:至|到))(?:约|近|超过|超)?$"
)


_CLAUSE_END = re.compile(r"[,，;；。:：]")
_RISE_AFTER = re.compile(r"[,，]?(?:增长|提高|提升|增加)$")


def _start_value(sentence: str, quote: str) -> bool:
    """Whether `quote` ends on the value "由/从 X 增至 Y" starts from (人均地区生产总值由5.6万元)."""
    if _FROM_VALUE.search(quote) is None:
        return False
    at = sentence.find(quote)
    return at >= 0 and _CHANGE_TO.search(sentence, at + len(quote)) is not None


# "过去的一年", "一年来", "刚刚过去的一年": a part that looks back over the year before a report;
# also after the greeting that opens a report's paragraphs, and with the year printed ("各位代表,
# 刚刚过去的2025年,…", "回顾过去一年,…")
_LOOKING_BACK = re.compile(
    r"^(?:各位代表[!！,，:：]?)?(?:回顾|回首)?(?:刚刚)?过去的?"
    r"(?:一年|(?P<year>(?:19|20)[0-9]{2})年(?![0-9]))|^一年来"
)
EARLY_MONTH = 3  # a report delivered by March looks back over the year before
# "2025年是…", "2025年全省…", "2025年我们…": a paragraph that opens with its own year, as
# "2025年," does (a year as the subject's time, not "2023年以来" nor a range)
_PARAGRAPH_YEAR = re.compile(r"^((?:19|20)[0-9]{2})年(?=是|[全我本][省市区县州国]|我们)")
_YEAR_CLAUSE = re.compile(r"^(?:19|20)[0-9]{2}年[,，]")
# "这一年,…": the year the paragraphs before it opened on goes on
_THIS_YEAR = re.compile(r"^这一年[,，]")
_LAST_YEAR = re.compile(r"^(?:去年|上年)(?:[,，]|[全我本][省市区县州国]|我们)")


def _last_year_opening(text: str, ctx: _DocContext) -> int | None:
    """The year a paragraph opening "过去一年,", "一年来,", "去年," looks back on: the year before a
    report delivered by March (the document's own year if later), the year before for 去年."""
    if ctx.doc_year is None:
        return None
    if _LAST_YEAR.match(text):
        return ctx.doc_year - 1
    if (m := _LOOKING_BACK.match(text)) is not None:
        return _looked_back_year(m, ctx.doc_year, ctx.doc_month)
    return None


def _looked_back_year(m: re.Match[str], doc_year: int, doc_month: int | None) -> int:
    """The year a "过去一年"/"刚刚过去的2025年" opening looks back on: the one it prints, else the
    year before a report delivered by March (the document's own year if later)."""
    if m.group("year") is not None:
        return int(m.group("year"))
    early = doc_month is None or doc_month <= EARLY_MONTH
    return doc_year - 1 if early else doc_year


# a sentence opening a look back over several years ("过去五年,", "五年来,", "这五年是…的五年",
# "这是经济实力持续提升的五年", "“十四五”时期,", "“十三五”期间全市…", "“十三五”以来,") or ahead
# ("今后五年", "“十五五”时期,"); after a greeting ("各位代表!") that the sentence keeps. Not a
# period that says which things ("“十三五”期间开工的项目", as `status._ATTRIBUTIVE_RE`)
_PERIOD_OPENING = re.compile(
    r"^(?:各位代表[!！,，]?)?(?:"
    r"(?P<back>(?:回首|回顾)?过去的?[三五]年|[三五]年来|近[三五]年来|这[三五]年|经过[三五]年|这是[^,，;；。]{2,24}的五年)"
    r"|[“\"]?十(?P<plan>[一二三四五六])五[”\"]?"
    r"(?:(?:时期|期间)(?![^,，;；。:：的]{0,2}[^,，;；。:：的省市区县州国们]的)|以来)"
    rf"|(?P<ahead>{FUTURE_YEARS})"
    r")"
)


_PERIOD_KINDS = frozenset({"actual", "growth", "change"})
_SPAN_LENGTH = {"三": 3, "五": 5}


def _review_span(text: str, ctx: _DocContext) -> str | None:
    """The years a look back over several years covers: a five-year plan's period ("“十四五”时期,",
    "“十四五”以来," in a document of 2026 -> 2021—2025), or the years up to the one the report reviews ("五年来," in a report of January
    2026 -> 2021—2025; delivered after March, up to its own year)."""
    m = _PERIOD_OPENING.match(text)
    if m is None or ctx.doc_year is None:
        return None
    if m.group("plan") is not None:
        start, end = period_years(m.group("plan"))
    else:
        # the 三/五 of the closing word: "这是打好三大攻坚战…的五年" is five years
        count = _SPAN_LENGTH.get(m.group("back").rstrip("来").removesuffix("年")[-1:], 5)
        early = ctx.doc_month is None or ctx.doc_month <= EARLY_MONTH
        end = ctx.doc_year - 1 if early else ctx.doc_year
        start = end - count + 1
    return f"{start}—{end}"


def _period_opening(text: str, doc_year: int | None) -> bool | None:
    """True when the sentence opens a look back over several years, False when it opens the
    years ahead or the last year alone ("过去一年,"), None when it does neither."""
    if _LOOKING_BACK.match(text):
        return False
    m = _PERIOD_OPENING.match(text)
    if m is None:
        return None
    if m.group("plan") is not None:
        # "“十四五”时期," in a report of 2026 looks back; "“十五五”时期," looks ahead
        return doc_year is not None and period_years(m.group("plan"))[1] < doc_year
    return m.group("back") is not None


def _heading_year(
    section: tuple[str, ...], cache: dict[str, int | None], ctx: _DocContext, title: bool = True
) -> int | None:
    """The year of the innermost heading that gives one ("一、2023年工作总结", "一、过去一年工作
    回顾" in a report of 2024), else the single year of the document's title ("2016年…统计公报")."""
    for heading in reversed(section):
        if heading not in cache:
            cache[heading] = _single_year(heading, ctx)
        if cache[heading] is not None:
            return cache[heading]
    return ctx.title_year if title else None


def _context_year(
    sentence: Sentence, *sources: tuple[dict[int, int], str]
) -> tuple[int | None, str]:
    """The first paragraph-level year found for the sentence, and where it came from."""
    for years, why in sources:
        if (year := years.get(sentence.paragraph)) is not None:
            return year, why
    return None, ""


def _frame_year(
    section: tuple[str, ...],
    frames: dict[tuple[str, ...], tuple[int, str]],
    cache: dict[str, int | None],
    ctx: _DocContext,
    plan: bool = False,
) -> tuple[int | None, str]:
    """The year of the time frame around a sentence, and where it came from: the year the
    innermost heading that prints one gives ("（一）2023年工作总结"), else the one the innermost
    section's opening set ("一、工作回顾 / 2025年是…"). A frame ends with its section. A year a
    heading prints rules over an opening under it: "一、2024年工作回顾 / （一）… / 2012年,全市…
    仅有58家,…" goes back before the year the heading dates its part with. Only a heading that
    prints its year as its time does so: "一、2021年以来…" starts a span and "一、对标2035年远景
    目标" names a target, so a sub-section's "2024年,…" keeps its part, walking out as before."""
    for heading in reversed(section):
        year = _heading_year((heading,), cache, ctx, title=False)
        if year is not None and _heading_time(heading, year, ctx, plan):
            return year, f"所在标题“{heading}”中的年份"
    for depth in range(len(section), 0, -1):
        heading = section[depth - 1]
        if (year := _heading_year((heading,), cache, ctx, title=False)) is not None:
            return year, f"所在标题“{heading}”中的年份"
        if (frame := frames.get(section[:depth])) is not None:
            return frame
    return None, ""


def _heading_time(heading: str, year: int, ctx: _DocContext, plan: bool = False) -> bool:
    """True when a heading prints its year as the time of its part: the year a clause would be
    dated by (`_year_mentions` drops a span's start, "2021年以来"), and not one after the document
    was issued (a target: "对标2035年远景目标", "到2030年"), except, in a plan, the year after it:
    a 工作要点 issued in December plans for the next year ("一、2025年主要目标")."""
    if ctx.doc_year is not None and year > ctx.doc_year + (1 if plan else 0):
        return False
    return any(m.year == year for m in _year_mentions(heading, (), (), ctx))


def _opening_year(text: str, ctx: _DocContext) -> int | None:
    """The year a section's opening sentence sets for the section: a year it opens on as its
    time ("2025年,…", "2025年是…", "截至2023年底,"), or one it says ("去年,", "过去一年,").
    "2018年我市被…确定为…" is the time of one event, its paragraph's, not the section's."""
    lead = _LEADING_YEAR.match(text) or _PARAGRAPH_YEAR.match(text)
    if lead is not None and (lead.re is _LEADING_YEAR or text[lead.end()] == "是"):
        return int(lead.group(1))
    return _last_year_opening(text, ctx)


def _review_subheading_year(
    section: tuple[str, ...], cache: dict[str, int | None], ctx: _DocContext
) -> int | None:
    """The single year of a heading below a five-year review's own ("一、“十四五”时期和2025年工作
    回顾" / "（一）2025年主要工作"): the part it heads is that year's. The review's heading names
    the period and its last year together, so it dates nothing; "2021年以来" starts a span."""
    for heading in reversed(section[1:]):
        if "以来" in heading:
            return None
        year = _heading_year((heading,), cache, ctx, title=False)
        if year is not None:
            return year
    return None


def _single_year(heading: str, ctx: _DocContext) -> int | None:
    years = {int(m.group(1)) for m in _YEAR.finditer(_TITLE.sub("", heading))}
    if not years and ctx.doc_year is not None:
        years = {
            ctx.doc_year + _RELATIVE_OFFSET[m.group(1)] for m in _RELATIVE_YEAR.finditer(heading)
        }
    return years.pop() if len(years) == 1 else None


def _is_planned(
    sentence: Sentence, planned_paragraphs: set[int], plan_sections: dict[tuple[str, ...], bool]
) -> bool:
    planned_section = plan_sections.get(sentence.section)
    if planned_section is None:
        planned_section = any(_PLAN_HEADING.search(h) for h in sentence.section)
        plan_sections[sentence.section] = planned_section
    if planned_section:
        return True
    return sentence.paragraph in planned_paragraphs or sentence.text.startswith("下一步")


# --- one sentence -----------------------------------------------------------------------------------


def _new_item(carried: dict[int, int], intro: dict[int, int | None], paragraph: int) -> None:
    """A run-in item ("二是…") drops the years of the item before it, but not the year the list's
    lead-in gave ("…就全省2011年科技工作进行了总结通报。一是…全年组织…。二是…")."""
    if paragraph not in intro:
        intro[paragraph] = carried.get(paragraph)
    year = intro[paragraph]
    if year is None:
        carried.pop(paragraph, None)
    else:
        carried[paragraph] = year


def _carry_year(
    carried: dict[int, int],
    sentence: Sentence,
    ctx: _DocContext,
    year: int | None,
    intro: dict[int, int | None],
) -> None:
    """A year a sentence names dates the undated figures of the later sentences of its
    paragraph ("截至2012年末,…达到1239家。已有近5万家创业企业从孵化器毕业。"), up to the next
    run-in item ("二是…"). `year` is the sentence's last, when its figures were read."""
    if _RUN_IN_ITEM.match(sentence.text):
        _new_item(carried, intro, sentence.paragraph)
    if year is None and "年" in sentence.text:
        titles = [(m.start(), m.end()) for m in _TITLE.finditer(sentence.text)]
        mentions = _year_mentions(sentence.text, titles, [a for a, _ in titles], ctx)
        year = _last_time(sentence.text, mentions)
    if year is not None:
        carried[sentence.paragraph] = year


# "据省局反馈数据显示", "据初步统计": who reports the figures, before the sentence's own date
_ATTRIBUTION = re.compile(
    r"^\W{0,2}据[^,，;；。]{0,24}(?:显示|统计|了解|介绍|测算|监测|核算|公布|反映|反馈)$"
)


# "一是", "(二)", "3.", "第四,": a run-in item of a list inside a paragraph
_RUN_IN_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.、．]|"
    r"[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+[,，、])"
)


def _sentence_figures(
    text: str,
    ctx: _DocContext,
    planned: bool,
    context_year: int | None,
    context_why: str = "",
    conditions: bool = False,
    frame: tuple[str | None, str] = (None, ""),
) -> tuple[list[_Figure], int | None]:
    """The figures of a sentence, and the year of its last time phrase. `context_why` says where
    `context_year` came from (for `briefing explain`); `conditions` that the sentence stands under
    a heading naming the conditions or standards of support (申报条件, 奖励标准). `frame` is the
    innermost place frame around the sentence (a paragraph's or heading's place, else the
    document's own) and where it came from: the scope of a figure whose sentence names none."""
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    title_starts = [a for a, _ in titles]
    mentions = _year_mentions(text, titles, title_starts, ctx, context_year)
    last_year = _last_time(text, mentions)
    quantities = sorted(find_quantities(text), key=lambda q: q.start)
    if not quantities:
        return [], last_year
    seps = [m.start() for m in _CLAUSE_SEP.finditer(text)]
    # the semicolons among the clause separators, listed once per sentence and only when a rule
    # asks: a scan per figure is quadratic on a long line
    semicolons: list[int] | None = None
    brackets = [m.start() for m in _BRACKET.finditer(text)]
    mention_starts = [m.start for m in mentions]
    # the sentence's leading date sits in its first clause, or after a short opener ("据统计,")
    first_sep = seps[0] if seps else len(text)
    if (
        len(seps) > 1
        and text[first_sep] in ",，"
        and (first_sep <= 4 or _ATTRIBUTION.match(text, 0, first_sep))
    ):
        # "据统计,2023年…", "据省局反馈数据显示,2014年…": the source comes first, then the date
        first_sep = seps[1]
    target_at = _first_target_word(text, ctx.doc_year)
    support = _SUPPORT_SENTENCE.search(text) is not None
    places = _scope_places(text, quantities, titles, title_starts, ctx.jurisdiction)
    if ctx.jurisdiction is not None and places:
        # a place around the document's own named inside a sentence ("7个项目获得山东省科学技术
        # 奖" after "入选“山东好成果”", "依托湖北科创企业“智慧大脑”…7个维度", "江苏省第十二批科技
        # 镇长团…13名成员" in a county's page): the level of an award, a platform or a programme,
        # not whose figures follow; named at a clause's head it still is (`_scope_of`)
        places = [p for p in places if not within(ctx.jurisdiction, p[1])]
    # the sentence's subject, after a leading "2023年," that is a clause of its own; looked up
    # only when a clause names no scope of its own
    sentence_scope: str | None = None
    sentence_scope_known = False

    figures: list[_Figure] = []
    prev_end_in_clause: dict[int, int] = {}
    clause_scopes: dict[int, str | None] = {}
    clause_flows: dict[int, str | None] = {}
    for q in quantities:
        c_start, c_end = _clause_bounds(seps, q.start, len(text))
        prev_end = prev_end_in_clause.get(c_start)
        lo = max(c_start, prev_end or c_start, q.start - MAX_LOOKBACK)
        if prev_end is not None:
            # "1个X引领、4个Y带动": a list item starts after the enumeration comma
            lo = max(lo, text.rfind("、", lo, q.start) + 1)
        b = bisect.bisect_left(brackets, q.start) - 1
        if b >= 0 and brackets[b] >= lo and text[brackets[b]] in "(（[【":
            lo = brackets[b] + 1
        elif (
            b >= 0
            and prev_end is not None
            and prev_end <= brackets[b]
            and text[brackets[b]] in ")）]】"
        ):
            # "重点实验室(含国家级8家)156家": the total's span starts with its clause, not the bracket
            lo = max(c_start, q.start - MAX_LOOKBACK)
        lo = _skip_joints(text, lo, q.start)
        grant_name: str | None = None
        # (a year glued onto the rate, "20152.06%", is a date, not part of the name)
        prefix = text[lo : q.start - 4 if q.glued_year else q.start]
        if "(" in prefix or "（" in prefix:  # most hold no bracket: no scan for one
            prefix = _CLOSED_BRACKETS.sub("", prefix)
        lead_qualifier, bare = _split_leading_qualifier(prefix)

        if c_start not in clause_scopes:
            # the scope is at the head of the clause: never copy a long clause per figure
            clause_scopes[c_start] = _scope_of(text[c_start : min(c_end, c_start + 80)])
        # the innermost place frame that names one: the clause's own, the sentence's, then the
        # paragraph's, the heading's or the document's (`frame`)
        scope = clause_scopes[c_start]
        scope_from = f"所在分句开头的“{scope}”"
        # "上海艾为电子等16个项目落户", "常州溧阳等12个县市入选": the places of the clause are
        # examples of what is counted, not where it is
        place_end = (
            c_start if _LISTED_BEFORE.search(text, max(c_start, q.start - 4), q.start) else q.start
        )
        if scope is None and (scope := _place_before(places, c_start, place_end)) is not None:
            scope_from = _named_before(text, places, place_end, "所在分句")
        if scope is None and ctx.jurisdiction and (own := _OWN_PLACE.match(text, c_start)):
            # "…福建省院士专家工作站认定名单公布,我市共有11家…": 我市 is the document's own place
            scope = ctx.jurisdiction
            scope_from = f"所在分句的“{own.group()[-2:]}”（即文件本身的地区）"
        if scope is None:
            if not sentence_scope_known:
                sentence_scope = _scope_of(_LEAD_TIME.sub("", text[:200], count=1))
                sentence_scope_known = True
            head_scope = sentence_scope
            if (
                head_scope is not None
                and _BODY_HEAD.search(head_scope)
                and not _subject_continues(text, seps, c_start, places, text.find(head_scope))
            ):
                # "苏州实验室获批…,紫金山…等实验室加快建设,牵头建设44家全国重点实验室": a body
                # heading the sentence is no longer the subject once a clause names another
                head_scope = None
            if head_scope is not None:
                scope, scope_from = head_scope, f"句首的“{head_scope}”"
            elif (scope := _place_before(places, 0, place_end)) is not None:
                scope_from = _named_before(text, places, place_end, "同句前面")
            else:
                scope, scope_from = frame
        metric = _clean_metric(
            bare, scope, amount=q.unit.endswith("元"), people=q.unit.endswith(_PEOPLE_UNITS)
        )
        if (
            metric is not None
            and q.unit == "%"
            and (cut := _CUT_OR_RAISE.match(metric)) is not None
            and len(metric) - cut.end() >= 2
            # "提高…加计扣除比例至100%": the new level, not the size of the rise
            and not _TO_LEVEL.search(bare)
        ):
            # "降低工商业电价5%": by how much the 工商业电价 is cut (工商业电价降幅)
            metric = metric[cut.end() :] + ("增幅" if cut.group(1) else "降幅")
        if q.unit == "%" and (done := _DONE_SHARE.search(bare)) is not None:
            # "完成省科技厅下达任务的124%": how much of a task was done; "…申请量1350件,超额完成
            # 17%": by how much the figure before beat its task
            task = _clean_metric(done.group(1), scope) if done.group(1) else None
            before = figures[-1].metric if figures and not done.group(1) else None
            metric = f"{task or before or ''}{'完成率' if done.group(1) else '超额完成比例'}"
        if (
            scope is not None
            and scope == sentence_scope
            and clause_scopes[c_start] is None
            and metric is not None
            and _PERFORMER_IN.search(metric)
            and (semicolons := _semicolons(text, seps, semicolons))
            and semicolons[0] < c_start
        ):
            # "科研院所R&D经费支出10.52亿元,…;高等学校支出4.36亿元": a clause naming a performer
            # of its own is not about the body heading the sentence
            if (scope := _place_before(places, 0, q.start)) is not None:
                scope_from = f"同句前面写明的“{scope}”"
            else:
                scope, scope_from = frame
        end = q.end
        suffix = _counted_noun(text, q.end, c_end)
        if (
            suffix
            and q.unit.endswith(_PEOPLE_UNITS)
            and (person := _PERSON_HEAD.match(suffix)) is not None
            and person.end() < len(suffix)
        ):
            # "13名科技创新首席服务官对接各区县", "9位科学家增选为…": people are counted; the name
            # ends on the person, what they did is the predicate
            suffix = suffix[: person.end()]
        if suffix and metric and metric.endswith(_COMPANY_TAILS) and _COMPANY_END.search(metric):
            # "国家能源集团宁夏煤业有限责任公司400万吨煤炭间接液化示范项目": the firm is whose
            # figure it is, what follows the figure is what it measures
            scope, metric = metric, None
            scope_from = f"数字前的企业名称“{scope}”"
        if suffix and _prefer_counted_noun(text, q, bare, metric):
            end = text.index(suffix, q.end) + len(suffix)
            # "60%科研人员每周平均科研时间增加2小时": a percentage of people is their share
            # ("超过1%的行业大类": with 的 it may be a bar the things pass, not their share)
            share = q.unit == "%" and end - len(suffix) == q.end
            metric = suffix + "占比" if share else suffix
            if not share and not q.unit.endswith(_PEOPLE_UNITS):
                done_by = _done_by_counted(text, end - len(suffix), c_end, suffix)
                if done_by is not None:
                    metric, end = done_by
        if q.unit.endswith(_PEOPLE_UNITS):
            if metric is not None and (person := _PERSON_HEAD.match(metric)) is not None:
                if _PARTICIPATING.fullmatch(metric, person.end()) is not None:
                    # "专家授课14位": the people who did it are counted (授课专家)
                    metric = metric[person.end() :] + metric[: person.end()]
            elif (part := _PARTICIPATING.match(text, q.end, c_end)) is not None and (
                metric is None or _PERSON_HEAD.match(metric) is None
            ):
                # "累计200余人参会", "授课14位": the people taking part, not a name of another
                # clause's nor the verb alone
                metric = part.group() + "人数"
                end = part.end()
            elif metric is not None and _PARTICIPATING.fullmatch(metric) is not None:
                metric += "人数"
        if q.unit.endswith("人") and text.startswith("口", q.end):
            # "再增加100万人口": the unit's 人 opens the noun counted, no metric of another
            # clause's (优秀工匠)
            metric = "人口"
            end = q.end + 1
        subset = _SUBSET.match(text, q.end, c_end) if text.startswith("其中", c_start) else None
        if subset is not None and metric is None:
            end = subset.end()
        if (
            metric
            and scope
            and clause_scopes.get(c_start) == scope
            and _BODY_SCOPE.search(scope)
            and scope not in metric
            and text.startswith(metric, text.find(scope, lo) + len(scope))
        ):
            # "中国自然人群生物资源库采集样本超30万人": what a body did is named with the body
            metric = scope + metric

        part = _PART_OF_WHOLE.search(bare) if q.unit == "%" and "的" in bare else None
        if part is not None and (named := _clean_metric(bare[: part.start()], scope)):
            # "规上工业企业没有研发活动的占66%", "…建有研发机构的只有40%左右": the share of the
            # things the clause describes, not a name ending in 占 or 只有
            metric = named + "的占比"
        gap = (
            _GAP.search(("与" if text.endswith("与", 0, lo) else "") + bare)
            if _GAP_CHARS.intersection(bare)
            else None
        )
        gap_name = _gap_name(gap, scope, figures) if gap is not None else None
        if gap_name is not None:
            # "投入强度高于全省2.88个百分点", "比全国平均增速高10个百分点": the gap of what is compared
            metric = gap_name
        flow = _flow_verb(bare)
        if flow is None and prev_end is not None and _VERB_RE.search(bare) is None:
            flow = clause_flows.get(c_start)  # "新增A50家、B100家": B is new as well
        clause_flows.setdefault(c_start, flow)
        if flow and metric and (k := bare.rfind(flow)) >= 0:
            at = bare.find(metric, k)
            if 0 <= at - (k + len(flow)) <= 4:
                # "新增全国重点实验室2个": the words between the verb and the name stay
                flow = bare[k:at]

        kind, kind_why = _kind(
            text,
            q,
            bare,
            lo,
            c_start,
            c_end,
            planned,
            target_at,
            support,
            conditions,
        )
        if kind == "provision" and q.unit == "%" and "按" in bare:
            # "按融资租赁额的20%给予补助": the share of a base a grant pays, not the base; named
            # after what is supported when the sentence says it ("对企业购买技术成果的,按合同金额
            # 的10%给予补助": 企业购买技术成果补助比例(按合同金额), not a 合同金额补助比例)
            ratio = _RATIO_OF_BASE.search(bare)
            grant = _GRANT_AFTER.match(text, q.end, c_end)
            if ratio is not None and grant is not None:
                recipient = _recipient(text, q.start, scope)
                grant_name, metric = metric, f"{ratio.group(1)}{grant.group(1)}比例"
                if recipient is not None:
                    kept = grant_name if grant_name and _GRANT_NAME.fullmatch(grant_name) else None
                    grant_name = recipient + (kept or grant.group(1))
                    metric = f"{recipient}{grant.group(1)}比例(按{ratio.group(1)})"
        if (
            kind == "provision"
            and metric is not None
            and (per := _PER_UNIT_GRANT.fullmatch(metric)) is not None
            and (recipient := _recipient(text, q.start, scope)) is not None
        ):
            # "对当年获得科技部备案的科技型中小企业,每家一次性奖励1万元": the standard is the
            # recipient's, not a 每家一次性奖励 of no one
            metric = f"{recipient}{per.group(2) or ''}{per.group(3)}(每{per.group(1)})"
        if kind == "provision" and (bar := _BAR_AFTER.match(text, q.end, c_end)) is not None:
            # "研发投入超过500万元的企业", "年营业收入在1亿元以上的,": the bar of what the
            # condition measures, for the class it names (企业研发投入门槛, 年营业收入门槛), not the
            # class alone ("企业") nor a grant's name
            measured = _clean_metric(bare, scope, amount=q.unit.endswith("元"))
            if measured:
                who = bar.group("who") or ""
                metric = f"{'' if who in measured else who}{measured}门槛"
        elif (
            kind == "provision"
            and metric is not None
            and (cap := _CAP_TAIL.search(metric)) is not None
            and cap.start() >= 2
        ):
            # "人才或团队最高450万元支持": 人才或团队支持, not a name ending on its cap
            grant = _GRANT_WORD_AFTER.match(text, q.end, c_end)
            metric = metric[: cap.start()] + (grant.group(1) if grant else "")
        # "下降2.1%": the value stays as printed, the qualifier says which way it went
        decline = _DECLINE.search(bare)
        qualifier = _qualifier(lead_qualifier, q, prefix) or (decline and decline.group(1))
        if part is not None and part.group(1) in _SHORT_OF:
            qualifier = part.group(1) if qualifier is None else f"{part.group(1)}…{qualifier}"
        mention = _dating_mention(mentions, mention_starts, q.start, c_start, first_sep, text)
        start_year = None
        if mention is not None and _reached_from(text, mention.start, q.start):
            # "从2021年的46503元和16935元分别提高到58794元和23184元": the start's year is not
            # the year of the values reached; a date printed before the change is ("到2025年,")
            start_year = mention.year
            k = bisect.bisect_left(mention_starts, mention.start)
            mention = mentions[k - 1] if k > 0 else None
        if mention is None or mention.start < c_start:
            # "2022年我市出台…,2025年初,组织开展…22个": a later date standing as a clause of its
            # own dates the clauses after it, not the sentence's leading date
            semicolons = _semicolons(text, seps, semicolons)
            clause_date = _date_clause_before(
                text, seps, semicolons, mentions, mention_starts, prev_end_in_clause, q.start
            )
            if clause_date is None:
                clause_date = _lead_in_date(text, mentions, mention_starts, q.start)
            if clause_date is not None and (mention is None or clause_date.start > mention.start):
                mention = clause_date
        if mention is None:
            mention = _award_year_after(text, mentions, mention_starts, q.end, c_end)
        if mention is not None:
            year: int | None = mention.year
            why: str | tuple[_Mention, bool] = mention, mention.start >= c_start
            if mention.month_end and lo - MAX_LOOKBACK <= mention.start < lo:
                # "5月末,…贷款余额6140亿元": a month-end stock keeps its month in the quote
                lo = mention.start
        elif kind == "target" and not _AIMED_AT.match(text, q.end, c_end):
            # a heading "2024年工作计划" dates its targets; a summary's year does not (but it
            # dates the aim it reports reaching: "超额完成全年总数650家目标任务")
            year = _plan_period_end(text, q.start)
            why = "句中规划时段的末年"
            if year is None:
                year, why = context_year, context_why
            if year is not None and ctx.doc_year is not None and year < ctx.doc_year:
                year = None
        else:
            year, why = context_year, context_why
            if year is None:
                year, why = ctx.summary_year, "文件开头写明的年份（所总结的一年）"
        if start_year is not None and year is not None and year < start_year:
            # "2018年我市获批…,高新技术企业数量由2020年的850家增加到1320家": a value reached
            # from 2020 on is not of 2018, the year of the sentence or of its paragraph
            year = None
        base = _BASE_BEFORE.search(text, max(c_start, q.start - 12), q.start)
        if base is not None:
            # "比上年的40亿元", "较2020年的250家": the base compared with is of its own year
            year = int(base.group(1)) if base.group(1) else year and year - 1
            why = f"所比较的“{base.group()}”"
            metric = None  # it measures what the figure before it does ("翻了一番" is no name)
        if q.glued_year is not None:
            year, why = (
                q.glued_year,
                f"数值前粘连的年份“{q.glued_year}”（原文“{q.glued_year}{text[q.start : q.end]}”）",
            )
        base_year = None
        if kind in ("growth", "change") and (m_base := _BASE_YEAR.search(bare)) is not None:
            base_year = int(m_base.group(1))
            if year is not None and base_year == year - 1:
                base_year = None  # "比2022年增长" in 2023: the yearly rate the table shows
        figures.append(
            _Figure(
                q,
                c_start,
                lo,
                end,
                metric,
                kind,
                year,
                qualifier,
                scope,
                subset.group(1) if subset is not None and metric is None else None,
                _SHARE_LEAD.match(bare) is not None,
                base_year,
                flow if q.unit not in _RATE_UNITS else None,
                metric,
            )
        )
        figures[-1].gap = gap_name is not None
        figures[-1].year_from = (year, why)
        figures[-1].scope_from = scope_from
        figures[-1].grant = grant_name
        figures[-1].kind_from = kind_why
        if kind == "target" and not _AIMED_AT.match(text, q.end, c_end):
            figures[-1].done_kind = _kind(
                text, q, bare, lo, c_start, c_end, False, None, support, conditions
            )
        prev_end_in_clause[c_start] = end

    _distribute_pairs(text, figures)
    _name_shares(figures)
    _inherit_metrics(figures)
    _name_grants(text, figures)
    for fig in figures:
        if fig.subset:
            # 境内IPO上市公司中战略性新兴产业; alone, what the part is
            fig.metric = f"{fig.metric}中{fig.subset}" if fig.metric else fig.subset
    _qualify_generic_metrics(text, figures)
    _name_bare_rates(figures)
    _name_performers(figures)
    _carry_subject(text, figures)
    for fig in figures:
        if fig.flow and fig.metric and not fig.metric.startswith(("新", "净")):
            verb = _FLOW_VERB.match(fig.flow)
            if verb is not None and verb.group() not in fig.metric:
                # "新增国家级科技型中小企业100家": the firms added, not all there are;
                # "…高新技术企业33家,净增20家": the 高新技术企业净增
                fig.metric = (
                    fig.metric + verb.group()
                    if fig.own_metric is None
                    else fig.flow.replace("新建成", "新建") + fig.metric
                )
        if fig.base is not None and fig.metric and str(fig.base) not in fig.metric:
            # "较2000年增长152.6%": twenty years' growth, not a yearly rate
            fig.metric = f"{fig.metric}(较{fig.base}年)"
    _mark_former_values(text, figures, context_year or ctx.summary_year, mentions)
    if "以来" in text:
        _label_periods_since(text, figures, _semicolons(text, seps, semicolons), mention_starts)
    return figures, last_year


def _semicolons(text: str, seps: Sequence[int], known: list[int] | None) -> list[int]:
    """The positions of the semicolons of a sentence, from its clause separators (once)."""
    if known is not None:
        return known
    if ";" not in text and "；" not in text:
        return []
    return [i for i in seps if text[i] in ";；"]


def _between(positions: Sequence[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted positions falls in [lo, hi)."""
    k = bisect.bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi


# "“十四五”以来", "党的十八大以来": a period that runs to the document's present
_SINCE = re.compile(r"(?:[“\"]?十[一二三四五]五[”\"]?|党的十[八九]大|(?:19|20)[0-9]{2}年)以来")
_CUMULATIVE = re.compile("累计")
_YEAR_ON_YEAR = re.compile(r"(?:比|较)(?:上年|去年|上一年)|同比")


def _label_periods_since(
    text: str,
    figures: Sequence[_Figure],
    semicolons: Sequence[int],
    mention_starts: Sequence[int],
) -> None:
    """ "“十四五”以来,高新技术企业和科技型中小企业分别增长106%和115%,累计引进人才3000人": a growth
    or a total (累计 in its own clause) over a period running to the present says which period,
    as its name ("(“十四五”以来)"); the yearly table would otherwise read it as one year's. The
    period reaches no further than a semicolon or a later date ("…以来,累计…;2023年,…增长20%":
    that year's growth)."""
    periods = list(_SINCE.finditer(text))
    if not periods:
        return
    starts = [m.start() for m in periods]
    totals = [m.start() for m in _CUMULATIVE.finditer(text)]
    for fig in figures:
        if fig.metric is None or fig.kind not in ("growth", "change", "actual"):
            continue
        pos = fig.quantity.start
        if fig.kind == "actual" and not _between(totals, fig.clause_start, pos):
            continue
        if fig.kind != "actual" and _YEAR_ON_YEAR.search(text, fig.clause_start, pos):
            # "…延续了“十三五”以来高位增长态势,…比上年提高0.11个百分点": a rise on the year
            # before is one year's, whatever period a clause before it names
            continue
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or periods[k].end() > pos:
            continue
        since = periods[k]
        if (
            _between(semicolons, since.end(), pos)
            or _between(mention_starts, since.end(), pos)
            or since.group() in fig.metric
            or _SPAN_LABEL.search(fig.metric)
        ):
            continue
        fig.metric = f"{fig.metric}({since.group()})"


_COMPANY_TAILS = ("公司", "集团")
_COMPANY_END = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团公司|集团)$")
# "对新获批的国家实验室基地,", "对入选项目给予", "推荐并协助引进的,给予": who a support standard
# is for, in the clause that states the condition
_CONDITION = re.compile(
    r"(?:^|[,，;；:：。])(?:[0-9]{1,2}[.．、]|[(（][0-9一二三四五六七八九十]{1,3}[)）])?(?:同时|并|另外|其中)?(?:对于|对|凡)([^,，;；:：。]{2,40}?)的?(?=[,，]|给予|予以|按)"
)
_IF_CLAUSE = re.compile(r"(?:^|[,，;；:：。])([^,，;；:：。]{2,30}?)的[,，]")
# a grant named alone ("资助", "经费支持", "贴息补助"). (Tried: such a name after a condition
# clause takes its recipient, "对新获批的国家实验室基地,给予一次性1000万元资助" -> 国家实验室基地
# 资助: test metric 0.777 -> 0.771, fullname 0.605 -> 0.608; dropped.)
_GRANT_NAME = re.compile(
    r"(?:一次性|稳定|定额|专项)?(?:经费|资金)?(?:奖励|补助|资助|补贴|奖补|贴息|支持|扶持|激励)"
    r"(?:补助|支持)?(?:资金|经费)?"
)


def _recipient(text: str, pos: int, scope: str | None) -> str | None:
    """Who the support standard at `pos` is for, from the condition clause before it."""
    # (within its own statement: the condition before a semicolon is another standard's)
    lo = max(0, pos - 80, text.rfind(";", 0, pos), text.rfind("；", 0, pos))
    last = None
    for m in _CONDITION.finditer(text, lo, pos):
        last = m
    if last is None:
        for m in _IF_CLAUSE.finditer(text, lo, pos):
            last = m
    name = _clean_metric(last.group(1), scope) if last is not None else None
    if name is not None and _NOT_A_RECIPIENT.search(name):
        # "研发投入超过500万元的", "符合条件的企业": a threshold or a catch-all names nothing
        # supported; the base the ratio is of names the grant better
        return None
    if name is not None and len(name) > 14 and len(head := name.rsplit("的", 1)[-1]) >= 2:
        name = head  # "牵头建设重组后纳入新序列的全国重点实验室": the 全国重点实验室
    return name


# a support standard named only per unit: "每家一次性奖励", "每个给予补助"
_PER_UNIT_GRANT = re.compile(
    r"每(家|个|项|人|名|户|所|支|位)(?:每年)?(一次性)?(?:给予|予以)?(奖励|补助|资助|补贴|奖补|支持)"
)
_NOT_A_RECIPIENT = re.compile(
    r"[0-9]|超过|以上|以下|不低于|不少于|不超过|高于|低于|达到|符合|经认定|相关"
)
_RATIO_OF_BASE = re.compile(r"按照?([^按,，;；。0-9]{2,12}?)的?(?:给予|予以)?$")
_GRANT_AFTER = re.compile(r"的?(?:给予|予以)?(?:一次性)?(补助|奖励|资助|补贴|贴息|奖补)")
# "没有研发活动的占66%", "建有研发机构的只有40%左右": a share of the things a clause describes
_PART_OF_WHOLE = re.compile(r"的(?:约|只|仅)?(占|只有|仅有|仅为|不足|不到)$")
_SHORT_OF = frozenset({"只有", "仅有", "仅为", "不足", "不到"})
# "高于全国平均水平3个百分点", "比全国平均增速高10个百分点", "与全国平均水平相差0.4个百分点": a gap
# against a reference; not 比上年/较去年 (a change)
_GAP = re.compile(
    r"(?:(?<!不)(?P<above>高于|低于|快于|慢于|超出|领先)(?P<ref>[^0-9,，;；。:：]{1,15}[^0-9,，;；。:：的])"
    r"|比(?P<ref2>[^0-9,，;；。:：]{2,16}?)(?P<dir>高出|高|低|快|慢)(?:了)?"
    r"|^与(?P<ref3>[^0-9,，;；。:：]{2,16}?)(?:相差|差距为?))$"
)
# every gap holds one of these (高于, 比…高, 相差, 超出, 领先): most figures need no further scan
_GAP_CHARS = frozenset("于比差超领")
_NOT_A_REFERENCE = re.compile(
    r"^(?:上年|去年|上一年|同期|上年同期|去年同期|年初|(?:19|20)[0-9]{2}年)"
)
_RATE_NAME = re.compile(r"(?:增速|增幅|增长率|比重|占比|强度|率|比例)$")


def _gap_name(gap: re.Match[str], scope: str | None, figures: Sequence[_Figure]) -> str | None:
    """The name of a gap: what is compared (named before the comparison, else the figure before
    it in the sentence: 企业研发经费占比达到78%,高于全国平均水平…) and against what."""
    ref = gap.group("ref") or gap.group("ref2") or gap.group("ref3")
    if _NOT_A_REFERENCE.match(ref):
        return None
    subject = _clean_metric(gap.string[: gap.start()], scope) if gap.start() else None
    # the level compared: the last figure before that is no gap itself, its name inherited when
    # it has none of its own ("630.4亿元、增长7.7%,高于…")
    levels = [f for f in figures if not f.gap]
    before = levels[-1] if levels else None
    named = next((f.metric for f in reversed(levels) if f.metric), None)
    previous = named.removesuffix("(原)") if named else None
    if previous and before is not None:
        if before.kind == "growth" and not _RATE_NAME.search(previous):
            previous += "增速"  # "增长7.7%,高于规上工业增加值增速0.1个百分点"
        if subject is None or previous.endswith(subject):
            subject = previous  # "投入强度高于全省": the R&D经费投入强度 just given
    if subject is None:
        return None
    if gap.group("ref3"):
        return f"{subject}与{ref}差距"
    if gap.group("ref2"):
        return f"{subject}比{ref}{gap.group('dir')}"
    return f"{subject}{gap.group('above')}{ref}"


# "“十四五”期间", "十三五末", "“十四五”时期发展目标": a five-year plan's period; its targets are of its
# last year (十一五 ends 2010, 十四五 2025)
_FIVE_YEAR_PERIOD = re.compile(r"十([一二三四五])五[”\"’]?(?:期间|时期|期末|末|规划期)")
_FIVE_YEAR_INDEX = {c: i for i, c in enumerate("一二三四五", 1)}
# "较“十三五”末", "比十三五期间", "与“十三五”时期相比": the period is the base of a comparison
_COMPARED_WITH = re.compile(r"(?:较|比|与|同)[“\"‘]?$")


def _plan_period_end(text: str, stop: int | None = None) -> int | None:
    """The last year of the last five-year period named in text[:stop], but for a period a
    figure is compared with ("投入强度较“十三五”末提高0.5个百分点": a baseline, not a deadline)."""
    if "五" not in text:
        return None
    end = None
    for m in _FIVE_YEAR_PERIOD.finditer(text, 0, len(text) if stop is None else stop):
        if not _COMPARED_WITH.search(text, max(0, m.start() - 3), m.start()):
            end = 2005 + 5 * _FIVE_YEAR_INDEX[m.group(1)]
    return end


# "比例由75%提高到100%", "从2015年的18942项增加到2020年的28475项": the value a change starts from
_FROM = re.compile(r"(?:由|从)(?:每[人家个项年])?(?:(?:19|20)[0-9]{2}年(?:末|底)?的?)?$")
_PRINTED_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_TO = re.compile(r"(?:提高|增加|增长|提升|上升|扩大|下降|降低|减少|缩小|调整|降|升)(?:到|至|为)")


def _mark_former_values(
    text: str,
    figures: list[_Figure],
    current_year: int | None,
    mentions: Sequence[_Mention] = (),
) -> None:
    """The value a change starts from is of the same kind as the value it reaches, and without a
    year of its own it is the former standard or level: its metric says so ("…比例(原)"), so a
    table never shows the old 75% as the rate in force. The year of the start ("从2020年的250家")
    is not the year of the value reached ("增长至506家"), which is that of a date the sentence
    printed before the change ("到2025年,研发投入强度由2020年的2.1%提高到2.5%": the deadline),
    else the sentence's context or the document's."""
    for n, (old, new) in enumerate(itertools.pairwise(figures)):
        between = text[old.quantity.end : new.quantity.start]
        m = _FROM.search(text, max(0, old.quantity.start - 10), old.quantity.start)
        if m is None or not _TO.search(between):
            continue
        if len(between) > 8:
            if len(between) <= 16 and old.year is not None and new.year is not None:
                _date_span_rate(figures, n, old.year, new.year)
            continue
        old.kind = new.kind
        old.kind_from = f"变化的起点，与所达到的值同类（{new.kind_from}）"
        old.done_kind = new.done_kind
        printed = _PRINTED_YEAR.search(m.group())
        if printed is not None and old.year != int(printed.group(1)):
            # "由2020年2.1%提高到2.6%": a start printed right after its year (no 的, so the year
            # is no mention of its own) is that year's; the value reached keeps its own date,
            # never one before the start
            old.year = int(printed.group(1))
            if new.year is not None and new.year < old.year:
                new.year = None
        elif not printed:
            if old.metric:
                old.metric = f"{old.metric}(原)"
            old.year = new.year
        elif new.year == old.year and not re.search(r"[0-9]年", between):
            earlier = [p.year for p in mentions if p.start < m.start()]
            reached = earlier[-1] if earlier else current_year
            # never before the start ("2018年…,由2020年的850家增加到1320家")
            later = reached is not None and (old.year is None or reached > old.year)
            new.year = reached if later else None
        elif old.year is not None and new.year is not None:
            _date_span_rate(figures, n, old.year, new.year)


def _date_span_rate(figures: Sequence[_Figure], n: int, start: int, end: int) -> None:
    """ "从2020年的59.64亿元增长到2023年的85.5亿元,年均增速12.76%": the rate after the span is of
    its end year, over the span, and its name says so, when it is a bare rate (年均增速, 增长) or
    one of what the span measures."""
    rate = figures[n + 2] if n + 2 < len(figures) else None
    if start >= end or rate is None or rate.kind != "growth" or not rate.metric:
        return
    spanned = figures[n + 1].metric or ""
    own = _BARE_RATE_TAIL.sub("", rate.own_metric or "")
    if own and own not in spanned:
        # "高新技术企业从2020年的250家增加到2023年的506家,技术合同成交额增长30%": the rate of
        # another metric, of its own year
        return
    rate.year = end
    if rate.base is None and not _SPAN_LABEL.search(rate.metric):
        rate.metric = f"{rate.metric}({start}—{end}年)"


_SPAN_LABEL = re.compile(r"[0-9]年\)$")
# a rate named by its word alone ("年均增速12.76%"): the rate of the figure named before it
_BARE_RATE = re.compile(r"(?:年均|平均)?(?:增速|增幅|增长率|增长)")
_BARE_RATE_TAIL = re.compile(r"(?:年均|平均)?(?:增速|增幅|增长率|增长)$")


def _name_bare_rates(figures: Sequence[_Figure]) -> None:
    named: str | None = None
    for fig in figures:
        if fig.metric is None:
            continue
        if _BARE_RATE.fullmatch(fig.metric) and fig.quantity.unit in _RATE_UNITS:
            if named is not None:
                fig.metric = named + fig.metric
        elif fig.quantity.unit not in _RATE_UNITS:
            named = fig.metric.removesuffix("(原)")


# "其中16家属于战略性新兴产业": what part of the total the figure counts
_SUBSET = re.compile(r"(?:属于|为|是)([^、,，;；。:：()（）0-9]{2,12})(?=$|[、,，;；。:：])")


def _first_target_word(text: str, doc_year: int | None) -> int | None:
    """Where the first target word is; "到2022年底" in a 2023 report is a past date, not a target."""
    for m in _TARGET_WORD.finditer(text):
        year = re.search(r"(?:19|20)[0-9]{2}", m.group())
        said = int(year.group()) if year else _plan_period_end(m.group())
        if said is None or doc_year is None or said >= doc_year:
            return m.start()
    return None


def _inside(intervals: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    """Whether pos falls in one of the sorted, disjoint intervals."""
    k = bisect.bisect_left(starts, pos) - 1
    return k >= 0 and intervals[k][0] < pos < intervals[k][1]


def _subject_continues(
    text: str, seps: Sequence[int], c_start: int, places: Sequence[tuple[int, str]], head: int
) -> bool:
    """Whether every clause after the sentence's first, up to the one at `c_start`, goes on with
    the first clause's subject: none opens with a subject of its own, another body or an area
    ("…,紫金山等实验室加快建设,…", "…;全市科技贷…", "…,苏州市…"). A clause about the body's
    own staff or budget ("…,研究人员超过3000人", "…,该校全年科研经费…") goes on with it."""
    for sep in seps:
        start = sep + 1
        if start <= head:
            continue  # "2023年,浙江大学…": the clause the body heads
        if start > c_start:
            break
        if _LEAD_VERB_RE.match(text, start) or text.startswith(_CONTINUING, start):
            continue
        if _OTHER_SUBJECT.match(text, start) or _place_before(places, start, start + 1):
            return False
    return True


_CLAUSE_END = re.compile(r"[,，;；。]")
# a clause of a review's "——…" paragraph that says its figure is the year's own
_THE_YEARS_OWN = re.compile(r"全年|当年")


def _clause_of(text: str, fig: _Figure) -> str:
    """The clause holding a figure, from its start to the separator after the figure."""
    end = _CLAUSE_END.search(text, fig.quantity.end)
    return text[fig.clause_start : end.start() if end else len(text)]


def _clause_bounds(seps: Sequence[int], pos: int, length: int) -> tuple[int, int]:
    k = bisect.bisect_left(seps, pos)
    start = seps[k - 1] + 1 if k > 0 else 0
    end = seps[k] if k < len(seps) else length
    return start, end


def _skip_joints(text: str, lo: int, stop: int) -> int:
    m = _SPAN_LEAD.match(text, lo, stop)
    return m.end() if m else lo


def _split_leading_qualifier(prefix: str) -> tuple[str | None, str]:
    """("预计突破", "研发投入强度") from "研发投入强度预计突破": qualifier words attached to the number."""
    words: list[str] = []
    rest = prefix
    while (m := _QUALIFIER_END.search(rest)) is not None:
        word = m.group()
        before = rest[m.start() - 1] if m.start() > 0 else ""
        if before and before in _FALSE_FRIEND_BEFORE.get(word[-1] if len(word) == 1 else "", ""):
            break
        words.insert(0, word)
        rest = rest[: m.start()]
    return ("".join(words) or None), rest


def _qualifier(lead: str | None, q: Quantity, prefix: str) -> str | None:
    if q.range_text:
        return q.range_text
    tail = q.approx or q.trailing
    if lead and tail:
        return f"{lead}…{tail}"
    if lead or tail:
        return lead or tail
    # "累计获批国家级科技企业孵化器26家": 累计 governs the clause's figure
    return "累计" if "累计" in prefix else None


# "目前已建成…5家": a count already reached, also in a plan's paragraph; not 已认定的 describing
# which things a target counts ("推动已认定的孵化器中10家晋升为国家级孵化器")
_DONE = re.compile(r"已(?:经|有|建成|建|达|累计|认定|获批|培育|引进|集聚|拥有|完成)(?!的)")
# "资产负债率须低于60%": a condition a policy sets ("须达到2.5%" in a plan is a target)
_REQUIRED = re.compile(r"(?:须|需|应当?|必须)(?:低于|高于|不低于|不高于|不超过|不少于|满|超过)$")
# a level heading an amount in a list of standards
_LEVEL_BEFORE = re.compile(r"(?:^|[,，;；、:：])(?:国家级|省级|市级|区级|县级|国家|省|市)$")


def _kind(
    text: str,
    q: Quantity,
    bare: str,
    lo: int,
    c_start: int,
    c_end: int,
    planned: bool,
    target_at: int | None,
    support: bool,
    conditions: bool = False,
) -> tuple[IndicatorKind, str]:
    """The figure's kind, and why, in the words `briefing explain` prints."""
    if (support or conditions) and _is_provision(text, q, c_start, c_end, conditions):
        if conditions:
            return "provision", "所在标题写明申报条件或支持标准，其中的数是条件或标准"
        if _BAR_AFTER.match(text, q.end, c_end):
            return "provision", "给予奖补的条件分句（“……的”）中的门槛"
        return "provision", "奖补句中的支持标准（给予、最高、补助比例等）"
    if _REQUIRED.search(text, max(c_start, q.start - 12), q.start):
        # "资产负债率须低于60%": an eligibility condition
        return "provision", "“须”“应”规定的条件"
    if q.unit.endswith("元") and _LEVEL_BEFORE.search(text[max(c_start, q.start - 6) : q.start]):
        # "奖励标准:国家级50万元,省级20万元": a standard by level
        return "provision", "按级别列出的奖补标准"
    change = _CHANGE_VERB.search(bare)
    if change and (q.unit not in _RATE_UNITS or (q.unit == "倍" and _ADDED_TIMES.search(bare))):
        # "比上年增加1000亿元", "较去年增加4项", "补贴标准提高1倍": an amount added, not a rate;
        # what the figure is, also in a plan ("赤字规模比去年增加1万亿元")
        return "change", f"“{change.group()}”后的增减量"
    if (planned or (target_at is not None and target_at < q.start)) and not _DONE.search(
        text, c_start, q.start
    ):
        word = _TARGET_WORD.match(text, target_at) if target_at is not None else None
        if word is not None and word.start() < q.start:
            return "target", f"句中的目标词“{word.group()}”"
        return "target", "所在句子是计划（下一步、目标标题或计划段落）"
    if _AIMED_AT.match(text, q.end, c_end):
        # "超额完成全年净增130家目标任务": the figure aimed at, not the one reached
        return "target", "所述的目标任务数"
    if change and q.unit in _POINT_UNITS:
        return "change", "百分点之差"  # "提高0.12个百分点": a difference of rates
    if change and q.unit in _RATE_UNITS:
        return "growth", f"“{change.group()}”后的比率"
    if q.unit in _RATE_UNITS and re.search(r"(?:增速|增幅|增长率)(?:为|达到?|保持)?$", bare):
        return "growth", "增速、增幅"
    if q.negative_sign and q.unit in _RATE_UNITS:
        return "growth", "带负号的比率"
    if q.unit == "倍" and _TIMES_A_BASE.search(text, max(c_start, q.start - 16), q.start):
        return "growth", "与基年相比的倍数"  # "是2007年的2.1倍": growth against a base year
    return "actual", "没有目标、规定或增减的标记：已达到的数"


# "全年净增130家目标任务": the figure a task aimed at; not a rate of completion (目标任务完成率)
_AIMED_AT = re.compile(
    r"(?:以上|左右)?的?(?:年度|全年)?(?:目标任务|目标|任务)(?![\u4e00-\u9fff]{0,2}(?:完成率|完成|的))"
)
# "提高1倍": the standard doubled, an amount added; "增长2.1倍" stays a rate of growth
_ADDED_TIMES = re.compile(r"(?:提高|增加)(?:了)?$")
_TIMES_A_BASE = re.compile(r"(?:是|为|相当于)(?:19|20)[0-9]{2}年(?:末|底)?的$")


# A support standard in a policy: "对…给予最高500万元奖励", "最高补助100万元", "按研发投入的10%给予
# 补助", and the thresholds that qualify for it ("研发投入过5000万元的企业").
_SUPPORT_SENTENCE = re.compile(
    # (the signs one by one, not as a class: one branch that opens with a class costs the whole
    # pattern sre's scan for its first characters)
    r"给予|予以|奖励|补助|资助|补贴|奖补|奖金|每(?:年|家|个|项)支持|支持(?:经费|金额|额度|资金)|用于支持|最高|比例"
    r"|≤|≥|<|>|＜|＞"
)
_SUPPORT_BEFORE = re.compile(
    r"(?:给予|予以)[^0-9,，;；。]{0,8}$"
    # "每年支持企业国家重点实验室200万元": a yearly grant to a class of recipients
    r"|每(?:年|家|个|项)(?:支持|资助|补助|奖励)[^0-9,，;；。]{0,12}$"
    r"|(?:奖励|补助|资助|补贴|奖补|支持|奖金|最高|一次性|每(?:年|家|个|项|人|户|台|套|次))"
    # "最高补助额不超过50万元", "奖励资金最高": the amount's noun may follow the kind of grant
    r"(?:额度|金额|资金|标准|额)?"
    r"(?:最高|最多|不超过|不高于|可|一次性|给予|奖励|补助|资助|补贴|奖补|支持|为|调整为|提高到|提高至|(?<=最高|最多)达|可达)*$"
    # "(本金不高于1000万元)": a bound on who qualifies, inside a support sentence
    r"|(?:不高于|不低于|不超过|不少于|低于)$"
)
_SUPPORT_AFTER = re.compile(
    # "不低于20万元的稳定支持经费": a grant's kind may stand between the amount and 支持
    r"(?:以内|以下)?的?(?:一次性|稳定|定额|专项)?(?:的?(?:奖励|补助|资助|补贴|奖补|贴息|资金支持|经费支持|支持|扶持|"
    r"资金扶持))"
)
# a grant's kind named before its money word (启动资金支持, 科研经费补助, 配套资金奖励)
_NAMED_GRANT_AFTER = re.compile(
    r"的?[\u4e00-\u9fff]{1,4}?(?:资金|经费)(?:支持|扶持|补助|奖励|资助|补贴)"
)
# "年营业收入≤5亿元": an eligibility threshold; "加计扣除比例提高到100%": a support ratio
_THRESHOLD_SIGN = re.compile(r"[≤≥<>＜＞]=?\s*$")
_SUPPORT_RATIO = re.compile(
    r"(?:扣除|补助|补贴|奖励|资助|贴息|补偿|担保|分担)比例(?:(?:从|由)[0-9.]+%)?(?:提高到|提高至|为|不超过|不低于|达到|由)?$"
    r"|(?:扣除|补助|补贴|奖励|资助|贴息|补偿|担保|分担)比例从$"
)
_RATE_GIVEN = re.compile(r"[^,，;；。]{0,10}?(?:给予|予以)")
_THRESHOLD_AFTER = re.compile(
    r"(?:以上|及以上)?的[^0-9,，;；。]{0,8}?(?:企业|项目|单位|机构|团队|平台|高校|院所|人才|个人|主体|行业)"
)
# A sum paid out is a result, not a standard: "累计兑现…补贴近2.4亿元", "下达补助资金3000万元"
_REALISED = re.compile(
    r"累计|共计|总计|合计|已|兑现|发放|拨付|下达|到位|争取|获得|获批|惠及|撬动|带动"
)


_CAP = re.compile(r"(?:最高|最多|不超过|不高于)$")
# A heading naming the conditions or the standards of support ("二、申报条件", "(三)奖励标准",
# "企业申请条件(第十一条)"): the section's role is to say who qualifies and what they get, so
# its figures are provisions ("年营业收入2000万元以上", "研发人员占职工总数10%以上")
# (a label that ends on it, as a rule's heading does, not "（二）创新科技金融支持方式，…" in a
# summary, whose figures are what was done)
_CONDITIONS_HEADING = re.compile(
    r"^.{0,12}?(?:(?:申报|申请|支持|认定|准入|入库|遴选|评审|享受|资助|奖励)(?:条件|标准|对象|范围)"
    r"|(?:奖励|补助|资助|扶持|奖补|补贴|支持|补偿|贴息)(?:标准|方式|额度|比例))"
    r"(?:(?:和|及|与)(?:条件|标准|对象|范围|方式|程序))?(?:[(（][^()（）]{0,12}[)）])?[:：。]?$"
)
# A figure closing a condition ("…在1亿元以上的,", "5000万元至1亿元的,") or the attribute of the
# class a standard is for ("…10件以上的企业"): what qualifies, in the grammar of the clause
_BAR_AFTER = re.compile(
    r"(?:以上|以下|及以上|及以下|以内)?(?:[(（]含[)）])?"
    r"(?:(?:至|到|-|—|~|－)[0-9.]+(?:万|亿|千)?(?:元|%|家|项|个|件|人|名)?(?:以上|以下)?(?:[(（]含[)）])?)?"
    r"的(?:$|(?P<who>[^0-9,，;；。的]{0,8}?(?:企业|项目|单位|机构|团队|平台|高校|院所|人才|个人|主体|行业))(?:$|[,，]))"
)
# a cap closing a standard's name ("团队单次最高10万元"): how much at most, not what is given
_CAP_TAIL = re.compile(r"(?:最高|最多|不超过|不高于)(?:可达|达|为)?$")
_GRANT_WORD_AFTER = re.compile(r"的?(?:一次性)?(奖励|补助|资助|补贴|奖补|支持|扶持)")
# a count closing the clause before ("…计划16项,") and a grant named alone ("资助资金159万元")
_COUNT_BEFORE = re.compile(r"[0-9](?:余|多)?(?:项|个|家|名|人|批|所)[,，]$")
_APPLIED_FOR = re.compile(r"申请(?:奖励|补助|资助|补贴|奖补|支持)(?:资金|经费|金额)?$")
_BARE_GRANT = re.compile(
    r"(?:共|累计)?(?:获得|争取)?(?:奖励|补助|资助|补贴|奖补|支持)(?:资金|经费|金额)?(?:达|为)?"
)
# recipients counted one by one ("对20户企业", "为380家企业") are those a sum went to: a standard
# is laid down for a class ("对新认定的企业")
_COUNTED_RECIPIENTS = re.compile(
    r"(?:对|为|向)[0-9][0-9.]*(?:余|多)?(?:户|家|个|名|人|位|所|支|批)"
)


def _is_provision(
    text: str, q: Quantity, c_start: int, c_end: int, conditions: bool = False
) -> bool:
    before = text[max(c_start, q.start - 16) : q.start]
    if _REALISED.search(text, max(c_start, q.start - MAX_LOOKBACK), q.start) and not _CAP.search(
        before
    ):
        return False  # "累计补助不超过100万元" is a cap, not a sum paid out
    if _COUNTED_RECIPIENTS.search(text, c_start, q.start):
        return False  # "对20户企业给予300至500万元的贷款额度": what they were given, not a standard
    if conditions or _BAR_AFTER.match(text, q.end, c_end):
        # the clause is the condition a grant is given on: "年营业收入在1亿元以上的,奖励50万元;
        # 5000万元至1亿元的,奖励30万元", "新增发明专利10件以上的企业,给予…": a band or a bar
        return True
    if not (q.unit.endswith("元") or q.unit == "%"):
        return False
    if _APPLIED_FOR.search(before) or (
        _COUNT_BEFORE.search(text, max(0, c_start - 12), c_start)
        and _BARE_GRANT.fullmatch(text, c_start, q.start)
    ):
        # "新农村计划16项,资助资金159万元": what those projects got, a sum; "申请资助资金1244万元":
        # what was asked for
        return False
    if _SUPPORT_BEFORE.search(before) or _SUPPORT_AFTER.match(text, q.end, c_end):
        return True
    if _NAMED_GRANT_AFTER.match(text, q.end, c_end) and _CONDITION.search(text, 0, c_start):
        # "对获批组建的辽宁实验室,第一年安排1亿元启动资金支持": a grant of a named kind to the
        # beneficiary a condition clause names is a standard, in a plan's section too
        return True
    if _THRESHOLD_SIGN.search(before) or (q.unit == "%" and _SUPPORT_RATIO.search(before)):
        return True
    if q.unit == "%":
        return _RATE_GIVEN.match(text, q.end, c_end) is not None
    return _THRESHOLD_AFTER.match(text, q.end, c_end) is not None


@dataclasses.dataclass(frozen=True)
class _Mention:
    """A time phrase of a sentence that dates the figures after it."""

    start: int
    year: int
    month_end: bool = False  # "5月末", "1-5月": a stock or a running total at a month's end
    phrase: str = ""  # the words as printed ("2023年", "去年", "5月末"), for `briefing explain`


# "“十二五”末,", "到“十三五”末,全市…": the end of a five-year period opening a clause as its time
_PERIOD_END = re.compile(
    r"(?:^|(?<=[,，;；。:：]))(?:到|至|截至|截止|在|于)?"
    r"[“\"‘]?十([一二三四五])五[”\"’]?(?:期末|末(?!期))"
)
# "2018年以来": the start of a period that runs to the document's present ("2024年起" is kept:
# a standard in force from 2024 is of 2024)
_PERIOD_START = re.compile(r"(?:底|末)?以来")
# "对2009年立项实施的5个省级项目": the year says which things, not when the figure was reached
_ATTRIBUTE_YEAR = re.compile(
    r"(?:度)?(?:立项|批准|认定|验收|启动|设立|获批|评选|建成|实施|引进|招录|入选){1,2}的"
)


def _year_mentions(
    text: str,
    titles: Sequence[tuple[int, int]],
    title_starts: Sequence[int],
    ctx: _DocContext,
    that_year: int | None = None,
) -> list[_Mention]:
    """Years printed (2023年), years said (今年, 去年) and months of the document's year (5月末).
    当年 is the year printed last before it, else `that_year` (the year the text before named), else
    the document's: 到2025年,…。当年吸纳技术合同成交额超过100亿元 is 2025, not the 2022 plan's year."""
    mentions = [
        _Mention(m.start(), int(m.group(1)), phrase=m.group())
        for m in _YEAR.finditer(text)
        if not _inside(titles, title_starts, m.start())
        and not _YEAR_AS_OBJECT.search(text, max(0, m.start() - 4), m.start())
        and not _RATIO_BASE.match(text, m.end(1))
        and not text.endswith("相当于", 0, m.start())
        and not _PERIOD_START.match(text, m.end())
        and not _ATTRIBUTE_YEAR.match(text, m.end())
    ]
    if "五" in text:
        # "“十二五”末,全市建立了112个…平台": the end of a five-year period is a point in time, its
        # last year (2015), as "2015年末," is, when it opens its clause: "比“十一五”末增长",
        # "是“十二五”末的7.6倍" name a base
        mentions += [
            _Mention(
                m.start(), 2005 + 5 * _FIVE_YEAR_INDEX[m.group(1)], phrase=f"“十{m.group(1)}五”末"
            )
            for m in _PERIOD_END.finditer(text)
            if not _inside(titles, title_starts, m.start())
        ]
        mentions.sort(key=lambda m: m.start)
    if ctx.doc_year is not None:
        year = ctx.doc_year
        printed = len(mentions)  # the years printed, in text order: 当年 refers back to them
        for m in _RELATIVE_YEAR.finditer(text):
            said = year + _RELATIVE_OFFSET[m.group(1)]
            if m.group(1) == "当年":
                before = [p.year for p in mentions[:printed] if p.start < m.start()]
                said = before[-1] if before else that_year if that_year is not None else said
            mentions.append(_Mention(m.start(), said, phrase=m.group(1)))
        for m in (
            _MONTH_PERIOD.finditer(text) if "月" in text or "季度" in text or "半年" in text else ()
        ):
            month = _period_month(m)
            # "1-11月" in a report of March is last year's
            late = ctx.doc_month is not None and month is not None and month > ctx.doc_month
            mentions.append(
                _Mention(m.start(), year - 1 if late else year, month_end=True, phrase=m.group())
            )
        mentions.sort(key=lambda m: m.start)
    return mentions


def _said(
    mention: _Mention, in_clause: bool, doc_year: int | None, reviewed_early: bool = False
) -> str:
    """Where a year a sentence gives comes from, in the words `briefing explain` prints."""
    where = "所在分句" if in_clause else "句首或前面分句"
    if mention.phrase[:1].isdigit():
        return f"{where}写明的“{mention.phrase}”"
    if "五" in mention.phrase:
        return f"{where}的{mention.phrase}（五年规划期的末年）"
    if reviewed_early:
        return f"{where}的“{mention.phrase}”（按次年初发布的总结所总结的{doc_year}年推算）"
    return f"{where}的“{mention.phrase}”（按文件日期{doc_year}年推算）"


def _period_month(m: re.Match[str]) -> int | None:
    """The last month of a period phrase: 5 for "5月末" and "1-5月", 6 for 上半年."""
    for group in ("month", "upto", "first"):
        value = m.group(group)
        if value:
            return int(value) if value.isdigit() else _CN_MONTHS.get(value)
    return _PERIOD_MONTHS.get(m.group("period") or "")


# a base a figure is compared with: "比上年的", "较2020年末的"
_BASE_BEFORE = re.compile(r"(?:比|较)(?:上年|去年|上一年|((?:19|20)[0-9]{2})年)(?:同期|末|底)?的$")
# "2018年,": a clause that is a date and nothing else
_DATE_CLAUSE = re.compile(
    r"(?:截至到?|截止到?)?(?:19|20)[0-9]{2}年"
    r"(?:上半年|下半年|前三季度|[一二三四]季度|底|末|初|[0-9]{1,2}月(?:份|末|底)?|1-[0-9]{1,2}月|全年|度)?"
)


def _date_clause_before(
    text: str,
    seps: Sequence[int],
    semicolons: Sequence[int],
    mentions: Sequence[_Mention],
    starts: Sequence[int],
    clauses_with_figures: Container[int],
    pos: int,
) -> _Mention | None:
    """A date standing as a clause of its own dates the clauses after it ("…近年来,西藏…作用,
    2018年,西藏建成…载体74家,吸纳创新团队和初创企业1338家"), as a sentence's leading date does;
    so does a clause opening with its year that states a figure of that year."""
    k = bisect.bisect_left(starts, pos)
    if k == 0:
        return None
    last = mentions[k - 1]
    c_start, c_end = _clause_bounds(seps, last.start, len(text))
    if c_end < pos and _DATE_CLAUSE.fullmatch(text, c_start, c_end):
        return last
    if (
        c_end < pos
        and last.start == c_start
        and c_start in clauses_with_figures
        and _DATE_CLAUSE.match(text, c_start)
        and not _between(semicolons, c_end, pos)
    ):
        # "…新优势,2017年全社会R&D经费支出449.5亿元,比上年增长17.2%,…": a clause opening with
        # its year and stating a figure dates the clauses after it up to the next semicolon, as a
        # sentence's leading date does ("…成果,2014年摘得…一等奖;实施506项…": not past the
        # semicolon). The year of an event (",2019年获批国家创新型城市,") dates no later figure.
        return last
    return None


def _lead_in_date(
    text: str, mentions: Sequence[_Mention], starts: Sequence[int], pos: int
) -> _Mention | None:
    """A list's lead-in dates its items: "…,2025年全市经济社会发展主要预期目标建议为:地区生产总值
    增长5%左右,产业投资增长7%左右…" (the colon ends the lead-in; the date is its last)."""
    colon = max(text.rfind(":", 0, pos), text.rfind("：", 0, pos))
    if colon < 0:
        return None
    k = bisect.bisect_left(starts, colon)
    return mentions[k - 1] if k else None


def _dating_mention(
    mentions: Sequence[_Mention],
    starts: Sequence[int],
    pos: int,
    c_start: int,
    first_sep: int,
    text: str = "",
) -> _Mention | None:
    """The time phrase that dates a figure at `pos`: the last one in its clause, else the
    sentence's leading date (one in its first clause). A first clause that runs from one year to
    another ("由2015年的18942项增加到2020年的28475项,增长50.3%") is dated by where it ends."""
    k = bisect.bisect_left(starts, pos)
    if k == 0:
        return None
    last = mentions[k - 1]
    if last.start >= c_start:
        return last
    first = mentions[0]
    if first.start >= first_sep:
        return None
    if text.endswith(_FROM_POINT, 0, first.start):
        for later in mentions[1:k]:
            if later.start < first_sep:
                first = later
    return first


_FROM_POINT = ("从", "由")
# "11个项目荣获2023年度国家科学技术奖", "12个县市入选2024年度…榜单": the year of an award or a
# list a figure won a place in ("申报2024年度…" is a call still open, and dates nothing)
_AWARD_VERB = ("获", "获得", "荣获", "入选", "获评", "列入", "跻身")


def _award_year_after(
    text: str, mentions: Sequence[_Mention], starts: Sequence[int], pos: int, c_end: int
) -> _Mention | None:
    """The year of an award or a list printed after a figure in its clause, right after the verb
    of winning it, when nothing before the figure dates it."""
    k = bisect.bisect_left(starts, pos)
    if (
        k < len(mentions)
        and mentions[k].start < c_end
        and text.endswith(_AWARD_VERB, pos, mentions[k].start)
    ):
        return mentions[k]
    return None


def _last_time(text: str, mentions: Sequence[_Mention]) -> int | None:
    """The year of a sentence's last time phrase, which later sentences of its paragraph take up;
    not the start of a change ("…从2021年的46503元提高到58794元": 2021 is no time of the
    sentence's)."""
    for m in reversed(mentions):
        if not _reached_from(text, m.start, len(text)):
            return m.year
    return None


# "从2021年的46503元", "从2020年末85亿元", "由2020年2.1%": the year of a change's start, its value
# right after it; "从2023年起,…提高到100%" is the date the change takes effect, and so the year
# of the value it sets (as is "从2023年1月1日起"), and "从2020年到2025年" is a span
_START_YEAR = re.compile(r"(?:19|20)[0-9]{2}年(?:末|底)?(?:的|(?=[约近超]|[0-9](?![0-9]?月)))")


def _reached_from(text: str, start: int, pos: int) -> bool:
    """Whether the year at `start` opens the start of a change ("从2021年的…") that the figure at
    `pos` is a value reached by ("…提高到58794元")."""
    return (
        text.endswith(_FROM_POINT, 0, start)
        and _START_YEAR.match(text, start) is not None
        and _TO.search(text, start, pos) is not None
    )


# "赴上海", "与浙江合作", "来自北京": a partner, origin or destination is not what a figure is about
_NOT_SCOPE_BEFORE = re.compile(r"(?:从|自|赴|与|同|向|面向|联合|携手|对口|支援|来自|对接|走进)$")


# "全国纳入统计的孵化器达到1239家": the nation as the subject at the head of a clause; "居全国第8位",
# "全国首个", "新增全国重点实验室" are rankings and names
_NATION_SUBJECT = re.compile(
    r"(?:^|[,，;；。:：])(?:据统计|截至到?|截止|(?:19|20)[0-9]{2}年(?:末|底)?|年末|年底|全年|目前|其中)*"
    r"(?P<nation>全国)(?![第首前平排领同性一重])"
)


# "全省…", "我市…" at the head of a clause: the document's own place as its subject (not a
# ranking or a yardstick: 全省第一, 全省首位, 全省平均)
_OWN_SUBJECT = re.compile(
    r"(?:^|[,，;；。:：])(?:据统计|截至到?|截止|(?:19|20)[0-9]{2}年(?:末|底)?|年末|年底|全年|目前|其中)*"
    r"(?P<own>[全我本][省市区县州旗])(?![第首前唯排平])"
)


def _scope_places(
    text: str,
    quantities: Sequence[Quantity],
    titles: Sequence[tuple[int, int]],
    title_starts: Sequence[int],
    jurisdiction: str | None,
) -> list[tuple[int, str]]:
    """Places the sentence names as its own subject: not in titles or brackets, not partners.
    Only the sentence's head and the text before each figure are read (a megabyte-long
    "sentence" costs no more than its figures)."""
    # "全国" names the scope only in a document that names no jurisdiction of its own: elsewhere
    # it is a comparison (全国平均) or part of a name (全国重点实验室)
    found = (
        [(m.start("nation"), NATION) for m in _NATION_SUBJECT.finditer(text)]
        if jurisdiction is None and "全国" in text
        else []
    )
    if jurisdiction is not None and ("全" in text or "我" in text or "本" in text):
        # "东莞成为我省第四个…城市,全省地方一般公共预算收入达1.4万亿元": the document's own
        # place opening a clause is the nearest place named before the figures after it
        found += [
            (m.start("own"), jurisdiction)
            for m in _OWN_SUBJECT.finditer(text)
            if jurisdiction.endswith(m.group("own")[-1])
        ]
    listed_ends: set[int] = set()
    # 经济日报北京10月3日讯: where the item was filed, not whose figures it reports
    head = text[:40]
    dateline = NEWS_DATELINE.match(text) if ("讯" in head or "电" in head) else None
    filed_end = dateline.end() if dateline else 0
    for start, end, name in _places_in_windows(text, quantities):
        if start < filed_end or _inside(titles, title_starts, start):
            continue
        if text.startswith("、", end):
            listed_ends.add(end)
        if start - 1 in listed_ends:
            # "西宁、武汉、南京优秀科技成果600余项": a list's last place is no more the figure's
            # than the first; the figures are the group's
            listed_ends.add(end)
            continue
        if text.startswith(("等", "、"), end):
            continue  # "北京、上海等地": examples
        if not _names_subject(text, start, end):
            continue
        found.append((start, name))
    return sorted(found)


# "建成河南省院士工作站3家", "获得包头市科技进步奖94项", "获2021年四川省区域创新合作项目立项":
# a place right after a verb of getting or making names the level of what was got, not whose
# figure it is
_GOT_BEFORE = re.compile(
    r"(?:获得?|荣获|建成|新增|获批|入选|列入|纳入|评为|认定为?|争取|申报)"
    r"(?:(?:19|20)[0-9]{2}年度?)?(?:首批|第[一二三四五六七八九十]+批)?$"
)


def _names_subject(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] may be what the text around it is about, a place
    frame: not a partner, origin or destination ("赴上海", "与浙江合作"), not where a thing was
    done first ("在无锡市区范围率先…"), not the level whose decisions are carried out ("落实中央、
    省、襄阳市决策部署"), not the opening of a body's name ("辽宁实验室", "深圳河套学院": the body
    is no place, and a 大连 policy's grant to the 辽宁实验室 is 大连's figure)."""
    return not (
        _NOT_SCOPE_BEFORE.search(text, max(0, start - 2), start)
        or _GOT_BEFORE.search(text, max(0, start - 12), start)
        or _WITHIN.match(text, end)
        or directive_source(text, end)
        or _PROPER_NAME_AFTER.match(text, end) is not None
    )


_WITHIN = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:范围|区域内|境内)")
# a body whose name opens with a place: 辽宁实验室, 浙江大学, 深圳河套学院, 江苏省产业技术研究院
_PROPER_NAME_AFTER = re.compile(
    # (not after a level: 杭州市重点实验室, 市级实验室, 宁波辖内银行 are kinds, not one body)
    r"(?:(?![新建增有获设批共等的和与及在为是重级辖各属])[\u4e00-\u9fff]){0,4}?"
    r"(?:实验室|大学|学院|研究院|研究所|科学院|医院|银行)"
)
SCOPE_WINDOW = 200  # characters of a sentence's head, and before a figure, read for place names


def _places_in_windows(text: str, quantities: Sequence[Quantity]) -> list[tuple[int, int, str]]:
    if len(text) <= 4 * SCOPE_WINDOW:
        return find_places(text)  # an ordinary sentence: read it whole
    windows: list[list[int]] = [[0, min(len(text), SCOPE_WINDOW)]]
    for q in quantities:
        lo = max(0, q.start - SCOPE_WINDOW)
        if lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], q.start)
        else:
            windows.append([lo, q.start])
    found = []
    for lo, hi in windows:
        found += [(a + lo, b + lo, name) for a, b, name in find_places(text[lo:hi])]
    return found


# What may stand before the place a heading or paragraph opens on: its number ("（三）", "一、",
# "二是"), its time ("2024年,"), "在" ("在浙江,…")
_FRAME_LEAD = re.compile(
    rf"(?:{ITEM_NUMBER})?\s*"
    r"(?:(?:19|20)[0-9]{2}年(?:以来|全年|底|末)?[,，]?|今年[,，]|去年[,，])?在?"
)
# A development zone or area as a frame's subject: "两江新区：", "科学城核心区,…"
_AREA_FRAME = re.compile(
    r"[\u4e00-\u9fff]{2,6}?(?:高新区|经开区|新区|开发区|片区|科学城|自贸区|示范区)(?=[：:,，]|$)"
)
# After a place, a development zone or area named after it: "大连高新区", "宁波杭州湾新区"
_ZONE_AFTER = re.compile(
    r"(?:市|州)?[\u4e00-\u9fff]{0,3}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|新区|开发区|"
    r"自贸区|示范区|科学城)"
)
# After a place, the words that make it part of a name: a body (辽宁实验室), a programme, fund or
# award of that level (浙江省自然科学基金, 江苏省重点研发计划, 河南省科学技术奖), not a frame
_NAMED_AFTER = re.compile(r"[^,，;；。:：]{0,8}?(?:基金|奖|计划|专项|名单|榜单|工程(?!师))")
# "全市…", "我省…" opening a paragraph: the document's own place, not a ranking in it (全市第一)
_OWN_FRAME = re.compile(r"(?:全|我|本)(?:市|区|县|省|州|旗)(?![第首前唯排平])")


def _frame_place(text: str, jurisdiction: str | None, where: str) -> tuple[str, str] | None:
    """The place a heading or a paragraph's first sentence opens on as what the text under it is
    about, and where it came from: an administrative place ("宁波市：", "在浙江,", "一、万盛经开区…"
    through the known names), a zone or area followed by its colon ("两江新区："), or 全市/我省
    (the document's own place). Not a place that opens the name of a body, a programme, a fund or
    an award (浙江大学, 浙江省自然科学基金), a list of places, or the level whose decisions are
    carried out. None when the opening names no place."""
    lead = _FRAME_LEAD.match(text)
    at = lead.end() if lead is not None else 0
    if (own := _OWN_FRAME.match(text, at)) is not None:
        if jurisdiction is None or not jurisdiction.endswith(own.group()[-1]):
            return None  # "全省…" in a city's text: the province, which the text does not place
        return jurisdiction, f"{where}“{text[: own.end()]}”（即文件本身的地区）"
    found = find_places(text[at : at + 16]) if may_name_place(text[at : at + 12]) else []
    if not found or found[0][0] != 0:
        area = _AREA_FRAME.match(text, at)
        return (area.group(), f"{where}“{text[: area.end()]}”") if area is not None else None
    end = at + found[0][1]
    if (zone := _ZONE_AFTER.match(text, end)) is not None:
        # "大连高新区以…", "宁波杭州湾新区：": the zone named after its city is the subject, not
        # the city around it
        name = text[at : zone.end()]
        return short_zone(name) or name, f"{where}“{text[: zone.end()]}”"
    if (
        text.startswith(("、", "等", "和", "与", "及"), end)
        or not _names_subject(text, at, end)
        or _NAMED_AFTER.match(text, end)
    ):
        return None
    return found[0][2], f"{where}“{text[:end]}”"


def _opening_place(sentences: Sequence[Sentence]) -> tuple[str, str] | None:
    """The place the document's first sentence of prose opens on (`_frame_place`), if any."""
    first = next((s for s in sentences if not s.section), None)
    if first is None:
        return None
    return _frame_place(first.text, None, "文件开头的")


def _heading_frame(
    section: tuple[str, ...],
    heading_places: dict[tuple[str, ...], tuple[str, str] | None],
    jurisdiction: str | None,
) -> tuple[str, str] | None:
    """The innermost heading over a sentence that names a place as what its part is about."""
    for depth in range(len(section), 0, -1):
        key = section[:depth]
        if key not in heading_places:
            heading_places[key] = _frame_place(key[-1], jurisdiction, "所在标题")
        if (frame := heading_places[key]) is not None:
            return frame
    return None


def _named_before(text: str, places: Sequence[tuple[int, str]], pos: int, where: str) -> str:
    """Where the last place before `pos` came from, for `explain`: a place named ("所在分句写明的
    “长沙县”"), or the document's own place said as 全省/我市 ("所在分句的“全市”（即文件本身的地区）")."""
    at, name = places[bisect.bisect_left(places, (pos, "")) - 1]
    if text[at] in "全我本" and not any(a == 0 for a, _, _ in find_places(text[at : at + 6])):
        return f"{where}的“{text[at : at + 2]}”（即文件本身的地区）"
    return f"{where}写明的“{name}”"


_LISTED_BEFORE = re.compile(r"等(?:近|超|约|共|逾)?$")


def _place_before(places: Sequence[tuple[int, str]], lo: int, pos: int) -> str | None:
    """The last place named in text[lo:pos]."""
    k = bisect.bisect_left(places, (pos, ""))
    if k and places[k - 1][0] >= lo:
        return places[k - 1][1]
    return None


def _scope_of(clause: str) -> str | None:
    lead = _SCOPE_LEAD.match(clause)
    if lead is not None and lead.group().endswith("对"):
        return None  # "对国内外知名的科研院所…给予": a beneficiary is never a place
    head = clause[lead.end() :] if lead is not None else clause
    m = _SCOPE.match(head)
    if m is None:
        return None
    name = m.group()
    rest = head[m.end() :]
    if _VERB_RE.search(name) or _NOT_SCOPE.match(name) or _NO_BODY.search(name):
        return None
    # "新建川渝共建重点实验室3个": the named body is what is counted, not where
    if rest.startswith("等"):
        return None  # "重庆大学等近20所高校": an example of what is counted
    digit = re.search(r"[0-9]", rest[:8])
    if digit is not None and _split_leading_qualifier(rest[: digit.start()])[1] == "":
        return None
    return name


_EXAMPLES = re.compile(r"^.{0,40}?(?:为代表|为主体|为重点|为龙头)的(?=.{2})")


def _clean_metric(
    prefix: str, scope: str | None, amount: bool = False, people: bool = False
) -> str | None:
    """The metric named by the words before a figure; `amount` when the figure is money (元),
    `people` when it counts people (人, 名: "引进高层次人才2355人" keeps the verb that makes it a flow,
    引进高层次人才, not all the 高层次人才 there are)."""
    s = _strip_leading_noise(_strip_comparison_and_time(prefix))
    if scope and s.startswith(scope):
        s = s[len(scope) :]
    s = _strip_trailing_noise(s)
    if (basis := _BASIS.match(s)) is not None and len(s) - basis.end() >= 2:
        # "按实际工作时间计算的R&D人员全时当量": how it was counted is not what was counted
        s = s[basis.end() :]
    if (has := _HAS_LEAD.match(s)) is not None and len(s) - has.end() >= 2:
        s = s[has.end() :]  # "全国有高等院校2305个": what there is, not 有高等院校
    elif (has := _SUBJECT_HAS.match(s)) is not None:
        # "高等院校有R&D人员": the subject's R&D人员, not a verb left in the name
        s = has.group(1) + s[has.end() :]
    # what the words name before a verb is cut off: a count of events keeps it whole when only a
    # verb would be left ("全年科技型中小企业入库认定86家", "开展培训62次")
    whole = s
    # the metric is what follows the last verb, when something readable follows it; not a verb
    # right after a list joint ("科技领军及入库企业": 入库 qualifies the second item)
    last = None
    # a quoted name is one name: a verb inside it cuts nothing ("“科技型中小企业评价入库”企业")
    quoted = [q.span() for q in _QUOTED.finditer(s)] if "“" in s else []
    for m in _VERB_RE.finditer(s):
        if (
            len(s) - m.end() >= 2
            and not (m.start() and s[m.start() - 1] in _LIST_JOINT)
            and not any(a < m.start() < b for a, b in quoted)
        ):
            last = m
    verb = ""
    if last is not None:
        if _BARE_MEASURE.fullmatch(s, last.end()) or _BARE_HEAD.fullmatch(s, last.end()):
            # "认缴金额", "资助经费": a measure word alone keeps the verb that makes it a name,
            # and the payer before it ("财政预算安排资金") when nothing else happens there; so
            # does a project ("获批省科学技术奖励项目": 省科学技术奖励项目, not 项目)
            before = _strip_leading_noise(s[: last.start()])
            while (lead := _LEAD_VERB_RE.match(before)) is not None and len(before) > lead.end():
                before = _strip_leading_noise(before[lead.end() :])
            # (a quoted name counts as one word: "“引进培育高层次人才”计划入选人数")
            unquoted = _QUOTED.sub("“”", before) if quoted else before
            keep = 2 <= len(unquoted) <= 8 and _VERB_RE.search(unquoted) is None
            s = s[last.start() - len(before) :] if keep else s[last.start() :]
            if keep and last.group() in _EMPTY_VERBS:
                # "科技服务业实现营收": 实现 adds nothing to what the 营收 is (科技服务业营收)
                s = before + s[len(before) + len(last.group()) :]
        elif _RELATIVE.match(s, last.end()):
            # "开展R&D活动的高等院校": the verb belongs to the clause that says which ones
            s = s[last.start() :]
        else:
            verb = last.group()
            s = s[last.end() :]
    s = _strip_leading_noise(s)
    s = _strip_trailing_noise(s)
    if scope and s.startswith(scope) and len(s) > len(scope) + 1:
        s = s[len(scope) :]
    elif (
        scope
        and (place := _leading_place(s)) is not None
        and place[0] == scope
        and not place[1].startswith(("、", "和", "及", "与"))  # "西宁、武汉、南京优秀科技成果"
    ):
        # "海南R&D经费投入" in a text about 海南省: the place is the scope, not the name
        s = place[1]
    s = _LEADING_NUMBER.sub("", s)
    # "以国家高新技术企业、科技型企业为代表的科技型企业数量": the examples are not the name
    if "为" in s:  # every form holds 为: no scan where it is missing
        s = _EXAMPLES.sub("", s)
    while (lead := _LEAD_VERB_RE.match(s)) is not None:
        if lead.end() == len(s):
            if (
                not amount
                and len(whole) >= 4
                and whole.endswith(s)
                and _VERB_RE.match(whole) is None
                and _NOT_A_DEED.search(whole) is None
            ):
                return whole  # what was done, to what: "科技型中小企业入库认定"
            return None  # a verb alone ("获批") names nothing
        if len(s) - lead.end() < 2 or _BARE_MEASURE.fullmatch(s, lead.end()):
            break  # "集聚区", "资助经费": the verb is part of the noun
        if _RELATIVE.match(s, lead.end()):
            break  # "开展R&D活动的高等院校": the verb says which ones
        verb = lead.group()
        s = _strip_leading_noise(s[lead.end() :])
    if (has := _HAS_LIST.match(s)) is not None:
        s = s[has.end() :]  # "还有国家富民强县项目、重点星火计划项目…": what there is
    if (serving := _SERVING.match(s)) is not None:
        s = _strip_leading_noise(s[serving.end() :])  # "服务全市企业1200余家": the 企业 served
    if s.find("通过", 2) > 0:
        # "…院士、国家级高层次人才通过举荐制举才荐才20余名": a clause; what it counts (the talents
        # recommended, not the recommenders) has no name of its own in the text
        return None
    if amount:
        s, verb = _name_amount(s, verb)
    elif people and verb in _RECRUITING and len(s) >= 2 and not s.startswith(verb):
        # "引进培养科技领军人才": the whole run of verbs
        k = prefix.rfind(s)
        run = _RECRUITING_RUN.search(prefix, 0, k) if k > 0 else None
        s = (run.group() if run else verb) + s
    # "县市区之一", "联东U谷·马尾智能制造产业园等重大项目", "年营业收入≤", "固定资产投资五年"
    s = _strip_metric_tail(s)
    examples = [m.end() for m in _EXAMPLES_END.finditer(s)] if "等" in s else []
    if examples and examples[-1] < len(s) - 1:
        s = s[examples[-1] :]  # "A、B等重大项目": the examples are not the name
    s = _balance_quotes(s.strip('"、,，()（）'))
    if s.endswith("新增") and len(s) >= 4 and not s[:-2].endswith(_BEFORE_NEW):
        # "科技型中小企业年均新增": only a noun is moved after 新增, never an adverb left dangling
        s = "新增" + s[:-2]  # "“两院”院士新增7位": the 新增“两院”院士, as "新增…" reads elsewhere
    if len(s) < 2 or s == scope or s.startswith("方面"):
        return None
    return s


# not one thing done to one kind of thing: a list, a stray number, a task beaten ("超额完成全年新认定")
_NOT_A_DEED = re.compile(r"[0-9、,，]|完成|实现|达成|取得|超额|目标|任务")
# verbs that say only that a figure was reached, not what kind of amount it is (unlike 资助经费)
_EMPTY_VERBS = frozenset({"实现", "完成", "完成了", "累计", "达成", "取得"})
_BEFORE_NEW = ("年均", "每年", "累计", "当年", "同比", "全年", "共", "均", "再", "又", "还")
_LIST_JOINT = frozenset("及和、与或")
_QUOTED = re.compile(r"“[^“”]*”")
_PEOPLE_UNITS = ("人", "名", "位")
# verbs that bring people in: the count is of those brought, not of all there are
_RECRUITING = frozenset(
    {
        "引进",
        "新引进",
        "引育",
        "引培",
        "招引",
        "吸纳",
        "吸引",
        "培养",
        "培育",
        "新培育",
        "选派",
        "培训",
        "遴选",
        "评选",
        "选拔",
    }
)
_RECRUITING_RUN = re.compile("(?:" + "|".join(sorted(_RECRUITING, key=len, reverse=True)) + ")+$")
# "较2000年", "比2015年末", "与2021年相比": a base year a change is measured against
_BASE_YEAR = re.compile(
    r"(?:较|比|与)((?:19|20)[0-9]{2})年(?:末|底|同期)?(?:相比|比较)?[^0-9]{0,8}$"
)
# Verbs that count what is added, not what there is: the name keeps them
_FLOW_VERB = re.compile(r"新增|净增|新认定|新引进|新培育|新建成|新建|新设立|新入驻|新入库|新评")


def _flow_verb(bare: str) -> str | None:
    """新增 in "全省新增国家级科技型中小企业" when nothing else is done between it and the figure."""
    last = None
    for m in _FLOW_VERB.finditer(bare):
        last = m
    if last is None or _VERB_RE.search(bare, last.end()) is not None:
        return None
    return last.group()


# "按实际工作时间计算的", "按可比价格计算的", "纳入统计的": the basis of a count, before its name
_BASIS = re.compile(r"^(?:按照?)?[^,，;；的]{0,16}?(?:计算|折算|核算|测算|统计|口径)的")
# "开展R&D活动的高等院校": a verb and its object before 的 say which things are counted
_RELATIVE = re.compile(r"[^的,，;；、]{2,10}的[\u4e00-\u9fff]{2}")
# "(全国)有高等院校": 有 opening a name; not 有效, not a clause (有研发活动的企业)
_HAS_LEAD = re.compile(r"^(?:共|已|还|仍|均)?有(?![效关序机力望所些])(?![^的]{0,10}的)")
# "高等院校有R&D人员", "各类企业共有研发机构": a subject and what it has; not 有效 (有效发明专利),
# not a clause (有研发活动的企业), not 所有/拥有
_SUBJECT_HAS = re.compile(
    r"^([^在于的,，;；、]{0,10}?(?:单位|机构|企业|学校|院校|院所|高校|部门))(?:共|已|还|仍|均)?有"
    r"(?![效关序机力望所的些])(?=[^的]{2,}$)"
)
_HAS_LIST = re.compile(r"(?:还|已|共|另)?有(?=[^、]{2,}、)")
# "服务全市企业": the verb before what it serves; not a noun it heads (服务业增加值, 服务业对经济增长
# 贡献率, 服务机构, 服务型制造, 服务贸易额)
_SERVING = re.compile(
    r"服务(?:于)?(?![业型]|机构|平台|中心|站|体系|贸易|消费|收入)(?=[\u4e00-\u9fff]{3})"
)
# Verbs that pay or spend an amount: the amount is the thing's 使用额, 发放额 ("使用创新券4.3亿元"
# names 创新券使用额, "发放知识价值信用贷款" 知识价值信用贷款发放额)
_PAYING_VERBS = frozenset({"发放", "引导发放", "投放", "兑现", "拨付", "下达", "撮合"})
_PAID_END = re.compile(r"(?:发放|投放|兑现|拨付)$")
# "市财政每年统筹安排2000万元": an allocation with no object names the funds allocated
_ALLOCATING_END = re.compile(r"(?:统筹)?(?:安排|拨付|下达|筹集)$")
# what an amount is already named by: 经费, 资金, 总额, 效益, 贷款…
_AMOUNT_NOUN = re.compile(
    f"(?:{_MEASURE_WORDS}|额|效益|支出|投入|补贴|补助|奖励|奖金|资助|总值|产值|增加值|价格|造价|费|拨款|资本|利润|税|基金|债|成本|资产)"
)
_AMOUNT_TAIL = re.compile(r"(?:支出|经费|资金|投入|投资|金额|总额)$")
_PERFORMER_END = re.compile(r"(?:单位|机构|企业|学校|院校|院所|高校|部门)$")
_PERFORMER_IN = re.compile(r"单位|机构|企业|学校|院校|院所|高校|部门")
# the activity types of R&D statistics ("基础研究为1.46亿元"): an amount of one is its 经费
_PROJECT_END = re.compile(r"(?:项目|课题)$")
_RD_ACTIVITY = frozenset({"基础研究", "应用研究", "试验发展", "应用基础研究"})


def _name_amount(s: str, verb: str) -> tuple[str, str]:
    """An amount's name when the words before it are a verb and its object: "投入R&D经费" ->
    R&D经费投入, "使用创新券" -> 创新券使用额; a bare allocation ("市财政每年统筹安排") -> its 资金;
    an R&D activity ("基础研究") -> its 经费."""
    if s.startswith("投入") and len(s) > 4 and _BARE_MEASURE.search(s, 2):
        return s[2:] + "投入", "投入"
    if (paid := _PAID_END.search(s)) is not None and paid.start() >= 2:
        # "“金凤凰”人才购房补贴发放1200万元": the object before the verb, as after it
        s, verb = s[: paid.start()], paid.group()
        return (s if _AMOUNT_NOUN.search(s) else s + verb + "额"), verb
    if verb in _PAYING_VERBS and len(s) >= 2 and not _AMOUNT_NOUN.search(s):
        verb = verb.removeprefix("引导")  # "引导发放商业贷款": 商业贷款发放额
        return s + verb + "额", verb
    if _ALLOCATING_END.search(s) and len(s) > 4 and not _AMOUNT_NOUN.search(s):
        return s.replace("每年", "") + "资金", verb
    if s in _RD_ACTIVITY or _PROJECT_END.search(s):
        # "…重点星火计划项目和国家创新基金项目400万元": a project's amount is its 经费
        return s + "经费", verb
    return s, verb


# 等 first, then what stands before it: sre scans for a literal, not a lookbehind at every character
_EXAMPLES_END = re.compile(r"等(?<![高中初平同对均相超优]等)(?![级学同于])")
_METRIC_TAIL = re.compile(r"(?:之一|[≤≥<>＜＞=]+|(?:近|过去)?[一二三四五六七八九十两]{1,2}年)$")
# the characters a tail can end on ("\n": $ also matches before a final line break); most names end
# on none, and skip the scan
_METRIC_TAIL_LAST = frozenset("一≤≥<>＜＞=年\n")


def _strip_metric_tail(s: str) -> str:
    return _METRIC_TAIL.sub("", s) if s[-1:] in _METRIC_TAIL_LAST else s


def _balance_quotes(s: str) -> str:
    """Drop the quotation marks a clipped phrase left without their partner: "金凤凰”人才补贴"."""
    if ("“" not in s and "”" not in s and '"' not in s) or (
        s.count("“") == s.count("”") and s.count('"') % 2 == 0
    ):
        return s
    out: list[str] = []
    open_at: list[int] = []
    for ch in s:
        if ch == "“":
            open_at.append(len(out))
        elif ch == "”":
            if not open_at:
                continue
            open_at.pop()
        elif ch == '"':
            continue
        out.append(ch)
    for k in reversed(open_at):
        del out[k]
    return "".join(out)


def _prefer_counted_noun(text: str, q: Quantity, bare: str, metric: str | None) -> bool:
    """Whether the noun after the figure names it better than the words before it."""
    if text.startswith("的", q.end):
        return True  # "不低于20万元的稳定支持经费": the amount is the 经费's
    if _ends_with_verb(bare):
        return True  # "给予500万元一次性激励经费"
    # "等26家领军企业", "五个片区808家科技型企业", "怀柔…中心29个科技设施": the noun after a count
    # is its head; what comes before owns or exemplifies it
    return q.unit in _COUNT_UNITS or not metric


def _counted_noun(text: str, end: int, c_end: int) -> str | None:
    """The noun a count is followed by: "3个市级科技创新基础设施获批建设" -> 市级科技创新基础设施."""
    if text.startswith("的", end):
        end += 1
    if end >= c_end or not ("\u4e00" <= text[end] <= "\u9fff" or text[end] in '“"'):
        return None
    window = text[end : min(c_end, end + MAX_LOOKAHEAD)]
    if _SUFFIX_STOP.match(window) or _JOINTS.match(window) or _TAKING_PART.match(window):
        return None  # "2项和重点专项10项": the next item of a list, not this count's noun
    party = _WITH_PARTY.match(window)
    if party is not None:
        # "14家头部投资机构与科学城签约": 与 brings the other party of the signing, not a second
        # thing counted
        return party.group(1)
    having = _HAVING.match(window)
    # "实施1000项具有突破性的技术攻关": what has the quality is what is counted
    m = _SUFFIX_STOP.search(window, having.end() if having else 1)
    noun = window[: m.start()] if m else window
    joint = _PAIR_SPLIT.search(noun)
    if joint is not None and (m is None or window[m.start()].isdigit() or "等" in noun):
        # "5个重大专项和新材料等8个": the joint starts the next item; "80多个国家和国际组织、" is
        # one noun phrase
        noun = noun[: joint.start()]
    if _NOT_COUNTED.match(noun):
        return None  # "控制在3.9%的较低水平": a manner, not the thing measured
    if noun[-1:] in "至到":
        # "267家跃升至2025年的超1000家": a verb and the 至 of where it goes, the next figure's
        # predicate, whatever the verb; no noun ends on it
        return None
    noun = _strip_metric_tail(noun)
    if noun[-1:] in _ADVERB_TAIL_LAST:
        noun = _ADVERB_TAIL.sub("", noun)
    if m is not None and window.startswith("为", m.start()):
        # "认定…2家企业为省独角兽企业": the kind they were made is what is counted
        named = _AS_KIND.match(window, m.start() + 1)
        if named is not None and named.group().endswith(noun) and len(named.group()) > len(noun):
            return named.group()
    if m is not None and not window[m.start()].isdigit():
        # "23家规上企业R&D投入3.27亿元": R&D is the 投入's, not the 企业's
        noun = _TRAILING_LATIN.sub("", noun)
    return noun if len(noun) >= 2 else None


# what a counted kind of firm, body or project did, opening the predicate after its noun
# ("22家企业入库", "70家企业通过评审", "16家院所对接", "130家企业申报高新技术企业"): the count
# is of those that did it, so the name says so ("入库的企业"); a bare 企业 says nothing
_COUNTED_DID = re.compile(
    r"入库|入驻|入选|入围|获批|荣获|获得|获|通过|对接|申报|参加|参与|签订|签约|制定|落户|挂职|赴任|"
    r"争取|承担|完成|实现"
)
_GENERIC_COUNTED = re.compile(r"(?:企业|单位|院所|高校|机构|团队|项目|主体)$")
_PREDICATE_SPAN = 16  # characters of what they did that a name may hold; longer, the noun alone


def _done_by_counted(text: str, start: int, c_end: int, noun: str) -> tuple[str, int] | None:
    """The name of a count of firms, bodies or projects by what they did, and where it ends:
    "晋城市22家企业入库。" -> ("入库的企业", end of 入库). The predicate runs to the end of the
    clause (a list's 、 ends it too) and is short; else None (the noun alone names the count)."""
    at = 2
    while at <= len(noun) - 2:
        verb = _COUNTED_DID.match(noun, at)
        if verb is not None:
            break
        at += 1
    else:
        verb = None
    head = noun[:at] if verb is not None else noun
    pred_start = start + len(head)
    if verb is None and _COUNTED_DID.match(text, pred_start, c_end) is None:
        return None
    if not _GENERIC_COUNTED.search(head):
        return None  # "3个市级科技创新基础设施获批建设": the noun names the count well
    stop = text.find("、", pred_start, c_end)
    pred_end = stop if stop >= 0 else c_end
    predicate = text[pred_start:pred_end]
    if not 2 <= len(predicate) <= _PREDICATE_SPAN or re.search(r"[0-9]", predicate):
        # a long or counting predicate ("33家企业争取省“科技贷”项目41项") is no name; the noun
        # still ends where it begins, so the next figure keeps its own name (省“科技贷”项目)
        return (head, pred_start) if verb is not None else None
    return f"{predicate}的{head}", pred_end


_TRAILING_LATIN = re.compile(r"[A-Za-z&]+$")
# what people counted did at a meeting or a course: they are the count's subject
_PARTICIPATING = re.compile(r"(?:参[会展赛评训]|出席|列席|授课|讲课|听课|参加[^,，;；。、]{0,8})")
# the last word of a noun phrase naming people (the longest run ending on one)
_PERSON_HEAD = re.compile(
    r".*(?:博士后|同志|干部|代表|人才|领导|骨干|标兵|模范|儿童|青年|群众|嘉宾|[人员家者师士兵官生工匠长手])"
)
_AS_KIND = re.compile(r"[^、,，;；。:：!！?？()（）0-9的]{2,16}")
_HAVING = re.compile(r"(?:具有|富有|具备)[\u4e00-\u9fff]{1,8}?的")
# "成果600余项参展": a verb, not what is counted
_TAKING_PART = re.compile(r"参[会展赛评加与]")
# "N家企业与高校签约": a verb done with another party counts the subject before 与
_WITH_PARTY = re.compile(
    r"([^与、,，;；。:：()（）0-9]{2,12}?)与[^、,，;；。:：0-9]{1,12}?(?:签约|签订|签署|合作|对接|共建)"
)
_NOT_COUNTED = re.compile(
    r"(?:较|很|更|最)?(?:高|低|好|快|稳)?(?:水平|目标|幅度|区间|范围|以内|左右)"
    # "突破300亿元大关", "跨过3个万亿元级台阶": a mark passed, not what was measured
    r"|[^,，;；。]{0,5}?(?:大关|关口|台阶)"
)


def _distribute_pairs(text: str, figures: list[_Figure]) -> None:
    """ "A和B分别达到x、y": x is A's, y is B's; the whole list is the span of each."""
    i = 0
    while i < len(figures):
        j = i
        while j + 1 < len(figures) and text[
            figures[j].quantity.end : figures[j + 1].quantity.start
        ] in (
            "、",
            "和",
            "及",
            "与",
        ):
            j += 1
        if j == i:  # a figure alone shares nothing
            i += 1
            continue
        run = figures[i : j + 1]
        first = run[0]
        start = _skip_joints(
            text, max(first.clause_start, first.quantity.start - MAX_LOOKBACK), first.quantity.start
        )
        prefix = text[start : first.quantity.start]
        k = prefix.rfind("分别")
        if k >= 0:
            head = re.sub(r"(?:较|比)(?:上年|去年|上年同期|去年同期)$", "", prefix[:k])
            head = _clean_metric(head, first.scope) or ""
            names = _pair_names(text[max(0, start - 3 * MAX_LOOKBACK) : start], head, len(run))
            places = [_leading_place(name) for name in names]
            if any(places):
                # "钟山区、六枝特区、水城区和盘州市…分别为": a division beside known ones is a place
                # too, though the list of divisions does not know it (a name given after it)
                places = [p or _division_head(name) for p, name in zip(places, names, strict=True)]
            for fig, name, place in zip(run, names, places, strict=True):
                fig.metric = name
                if place is not None:
                    # "北京、上海研发投入分别为…": each item is a place, the figure is its
                    fig.scope, fig.metric = place
                    fig.scope_from = f"“分别”之前列举的“{fig.scope}”与数字依次对应"
                fig.text_start = start
                fig.text_end = run[-1].text_end
                if first.kind != "actual":
                    fig.kind, fig.kind_from = first.kind, first.kind_from
                    fig.done_kind = first.done_kind
                fig.qualifier = fig.qualifier or first.qualifier
                fig.base = fig.base or first.base  # "较2015年分别增长26.8%、12%"
        i = j + 1


def _pair_names(before: str, head: str, n: int) -> list[str | None]:
    for splitter in ("、", None):
        parts = head.split("、") if splitter else _PAIR_SPLIT.split(head)
        parts = [p for p in parts if p]
        if len(parts) != n and not splitter:
            # "钟山区、六枝特区、水城区和盘州市研究与试验发展(R&D)经费…": 与 inside a term
            parts = [p for p in _LIST_SPLIT.split(head) if p]
        if len(parts) == n:
            return list[str | None](_share_head([_clean_metric(p, None) or p for p in parts]))
    if _GROUP_WORD.match(head):
        # "两类企业分别达到…": the two named earlier in the sentence ("高新技术企业和科技型企业")
        for m in reversed(
            list(re.finditer(r"[\u4e00-\u9fff]{2,12}(?:和[\u4e00-\u9fff]{2,12})+", before))
        ):
            parts = m.group().split("和")
            if len(parts) >= n:
                return [_clean_metric(p, None) or p for p in parts[-n:]]
    quoted = _QUOTED_RUN.findall(before)
    if quoted and not _pair_split_fits(head, n):
        # "“非金属矿物制品业”“医药制造业”…增长较快,同比增长分别为13.68%、11.38%…"
        names = _QUOTED_NAME.findall(quoted[-1])
        if len(names) == n:
            return list(names)
    if not head:
        return [None] * n  # filled from the figures before, by _inherit_metrics
    return [head] * n


def _share_head(names: list[str]) -> list[str]:
    """ "南繁育种、生物医药相关产业贷款余额分别为x、y": the noun the last item ends with is every
    item's ("南繁育种相关产业贷款余额"), when the items before it name only a subject: the tail after
    the head the items share ("高新技术企业、科技型企业数量" -> 数量), else from 相关/的, else from a
    measure word (经费, 余额, 总额…)."""
    *earlier, last = names
    if not earlier or any(_MEASURE_IN.search(e) for e in earlier):
        return names
    lead = find_places(last[:12])
    tail: str | None
    if lead and lead[0][0] == 0 and all(_is_place(e) for e in earlier):
        tail = last[lead[0][1] :]  # "北京、上海研发投入": the places' 研发投入
        if len(tail) >= 2:
            return [e + tail for e in earlier] + [last]
    k = last.find("级")
    if all(_LEVEL.fullmatch(e) for e in earlier) and 0 < k < len(last) - 2:
        # "国家级、省级孵化器分别给予…": the levels of one kind of thing
        return [e + last[k + 1 :] for e in earlier] + [last]
    if all(len(e) == 2 for e in earlier) and len(last) >= 4 and not _MEASURE_IN.search(last[:2]):
        # "申请和授权专利": two-character items share what follows the last item's first word
        # (申请专利, 授权专利)
        return [e + last[2:] for e in earlier] + [last]
    tail = None
    ends = {e[-2:] for e in earlier}
    if len(ends) == 1:
        k = last.rfind(ends.pop())
        if k > 0 and len(last) - (k + 2) >= 2:
            tail = last[k + 2 :]
    if tail is None:
        m = _SHARED_TAIL.search(last, 2)
        if m is not None and len(last) - m.start() >= 2:
            tail = last[m.start() :]
    if tail is None or (not _MEASURE_IN.search(tail) and not tail.startswith(("相关", "的"))):
        return names
    k = len(last) - len(tail)
    while k > 1 and (last[k - 1].isascii() and (last[k - 1].isalpha() or last[k - 1] == "&")):
        k -= 1  # "…和其他主体R&D经费": R&D is part of the measure the items share
    tail = last[k:]
    return [e + tail for e in earlier] + [last]


_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,4}级")


def _is_place(name: str) -> bool:
    found = find_places(name)
    return len(found) == 1 and found[0][:2] == (0, len(name))


_DIVISION_HEAD = re.compile(
    r"[\u4e00-\u9fff]{1,3}?(?:特区|新区|区|县|市|旗)(?=[\u4e00-\u9fff(（]{2})"
)


def _division_head(name: str | None) -> tuple[str, str] | None:
    """(place, rest) of a list item that opens like a division's name (水城区, 盘州市)."""
    m = _DIVISION_HEAD.match(name or "")
    return (m.group(), (name or "")[m.end() :]) if m is not None else None


def _leading_place(name: str | None) -> tuple[str, str] | None:
    """(place, rest) of a name that opens with a place and goes on for two characters or more."""
    if not name or not may_name_place(name[:12]):
        return None
    found = find_places(name[:12])
    if found and found[0][0] == 0 and len(name) - found[0][1] >= 2:
        return found[0][2], name[found[0][1] :]
    return None


_MEASURE_IN = re.compile(
    f"(?:{_MEASURE_WORDS}|贷款|增加值|营业收入|产量|强度|比重|占比|面积|数|率|量)"
)
_SHARED_TAIL = re.compile(f"相关|的|(?:{_MEASURE_WORDS}|贷款|增加值|营业收入)")


_QUOTED_NAME = re.compile(r"“([^“”]{2,20})”")
_QUOTED_RUN = re.compile(r"(?:“[^“”]{2,20}”[、和及与]?){2,}")


def _pair_split_fits(head: str, n: int) -> bool:
    return len([p for p in _PAIR_SPLIT.split(head) if p]) == n


def _name_performers(figures: list[_Figure]) -> None:
    """ "高等学校支出4.36亿元,增长11.5%;各类企业支出18.84亿元;其它行业单位为1.1亿元": a performer
    named alone with an amount spends the measure of the amount before it (其它行业单位支出)."""
    money: _Figure | None = None
    for fig in figures:
        if not fig.quantity.unit.endswith("元"):
            continue
        if (
            money is not None
            and money.metric is not None
            and fig.metric is not None
            and _PERFORMER_END.search(fig.metric) is not None
            and (tail := _AMOUNT_TAIL.search(money.metric)) is not None
        ):
            fig.metric += tail.group()
        money = fig


# a performer heading a name: "高等院校R&D人员", "规模以上工业企业R&D经费"
_PERFORMER_HEAD = re.compile(
    r"^[^,，;；、]{0,10}?(?:单位|机构|企业|学校|院校|院所|高校|部门)(?=[^,，;；、]{2})"
)


def _carry_subject(text: str, figures: list[_Figure]) -> None:
    """ "高等院校有R&D人员2.3万人,按实际工作时间计算的R&D人员全时当量1.6万人年": a performer that
    opens the sentence is the subject of its later figures too; the second is 高等院校R&D人员全时当量,
    not the whole R&D人员全时当量 of the place. A figure naming a performer of its own keeps it.
    The first figure keeps the subject found, for the sentences after it (`_apply_subject`)."""
    first = figures[0] if figures else None
    if first is None or first.metric is None:
        return
    head = _PERFORMER_HEAD.match(first.metric)
    if head is None:
        return
    subject = head.group()
    opening = _LEADING_NOISE.sub("", text[: first.quantity.start])
    if not opening.startswith(subject):
        return  # "全省R&D经费…,其中企业R&D经费…": the performer is a part, not the subject
    first.subject = (subject, first.metric[len(subject) :])
    _apply_subject(figures[1:], *first.subject)


def _apply_subject(figures: Sequence[_Figure], subject: str, rest: str) -> None:
    """Names that go on from what the subject's first name measures ("R&D人员" ->
    "R&D人员全时当量") are the subject's."""
    for fig in figures:
        name = fig.metric
        if (
            name is None
            or name.startswith(subject)
            or _PERFORMER_IN.search(name)
            or _common_prefix(name, rest) < 2
        ):
            continue
        fig.metric = subject + name


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# A measure named alone: what it measures is the subject of the clause before ("登记额", "强度")
# (a transaction's amount: 登记额, 成交金额; tried with the bare measure words as well, 总数, 经费,
# 投资…: test metric 0.777 -> 0.774)
# (a total is the total of the clause's subject before it: "高新技术企业净增数突破200家,…,总数突破
# 700家"; any measure word: test metric 0.768 -> 0.767, dropped)
_ELIDED_SUBJECT = re.compile(r"(?:投入)?强度|占比|比重|[\u4e00-\u9fff]{0,2}金?额|总(?:数|量)")
_RATE_WORD = re.compile(r"(?:投入)?强度|占比|比重")
# the measure a subject's own name ends with, which another measure of it replaces
_SUBJECT_MEASURE = re.compile(f"(?:净增|新增)?(?:数|{_MEASURE_WORDS}|(?:成交|登记|交易)?金?额)$")


def _elided_subject(text: str, prev: _Figure, fig: _Figure) -> str | None:
    """ "登记技术合同1200项,登记额35.6亿元", "研发经费投入120亿元,强度达到2.5%": a clause that opens
    with a measure word alone has the subject the clause before named before its figure
    (技术合同登记额, 研发经费投入强度)."""
    name, subject = fig.metric, prev.metric
    if (
        name is None
        or subject is None
        or fig.clause_start <= prev.clause_start
        or prev.text_end > prev.quantity.end  # named by the noun after its number: no subject
        or not _ELIDED_SUBJECT.fullmatch(name)
        or _ELIDED_SUBJECT.fullmatch(subject)
        or not _LEADING_NOISE.sub(
            "", text[fig.clause_start : min(fig.quantity.start, fig.clause_start + len(name) + 20)]
        ).startswith(name)
    ):
        return None
    if subject.startswith(name[:2]) and len(subject) - 2 >= 2:
        subject = subject[2:]  # "登记技术合同", "登记额": the verb both clauses repeat
    elif (verb := _LEAD_VERB_RE.match(subject)) is not None and len(subject) - verb.end() >= 2:
        subject = subject[verb.end() :]  # "签订技术合同", "成交金额": the 技术合同's
    if subject.endswith(name[:2]):
        return subject + name[2:]  # "R&D经费投入" + "投入强度"
    if not _RATE_WORD.fullmatch(name):
        if prev.quantity.unit.endswith("元"):
            # "营业收入5000亿元,出口额300亿元": an amount is no subject of another amount
            return None
        # "高新技术企业净增数…,总数…": the 高新技术企业's 总数, not its 净增数's
        subject = _SUBJECT_MEASURE.sub("", subject)
    return subject + name if len(subject) >= 2 else None


def _qualify_generic_metrics(text: str, figures: list[_Figure]) -> None:
    """ "项目997项、经费5.55亿元": a measure word alone names no metric; the subject listed right
    before it does ("项目经费"). "R&D经费投入达100亿,投入强度达到1.2%": a short name that opens
    with the word the name before it ends with goes on from it (R&D经费投入强度). A clause that
    opens with a measure word alone has the subject of the clause before (`_elided_subject`)."""
    for prev, fig in itertools.pairwise(figures):
        if (named := _elided_subject(text, prev, fig)) is not None:
            fig.metric = named
            continue
        if (
            fig.metric is not None
            and prev.metric is not None
            and len(fig.metric) <= 4
            and len(prev.metric) > 4
            and prev.metric.endswith(fig.metric[:2])
            and not prev.metric.endswith(fig.metric)
        ):
            fig.metric = prev.metric + fig.metric[2:]
            continue
        if (
            fig.metric is not None
            and prev.metric is not None
            and _BARE_MEASURE.fullmatch(fig.metric)
            and not _GENERIC_MEASURE.fullmatch(prev.metric)
            and fig.text_start - prev.text_end <= 2
        ):
            # "科技型中小企业新增258家,总数达795家": the 科技型中小企业's 总数, not its 新增's; a
            # name already ending with the word is not repeated (…转移支付规模, not …规模规模)
            subject = prev.metric.removesuffix("新增").removesuffix("净增").removeprefix("新增")
            fig.metric = subject if subject.endswith(fig.metric) else subject + fig.metric


# 增加值 (value added) is a noun, not the verb 增加 before its object
_CUT_OR_RAISE = re.compile(r"(提高|上调|增加(?![值量]))|降低|下调|压减|削减|减少(?!量)")
_TO_LEVEL = re.compile(r"[至到为]\s*$")
_DONE_SHARE = re.compile(r"(?:(?<!超额)完成(?:了)?([^,，;；。]{2,20}?)的|超额完成(?:了)?)$")
_SHARE_LEAD = re.compile(r"^[、,，;；]?(?:和|及|并|其中)?占")


_SHARE_OF_PLACE = re.compile(r"占(?:全|我)[省国市区县州]")


def _name_shares(figures: list[_Figure]) -> None:
    """ "应用研究7.25亿元,占20.8%": a share that names nothing is the share of the figure named
    right before it (应用研究经费占比), not that figure again (应用研究经费 20.8%). A share that
    names its whole ("占R&D经费支出的4.2%") keeps its own name (tried with the subject in front,
    基础研究经费占R&D经费支出比重: test metric 0.769 -> 0.766, dev unchanged)."""
    subject: str | None = None
    for fig in figures:
        if not fig.share:
            if fig.quantity.unit not in _RATE_UNITS:
                subject = fig.metric
            continue
        if subject is not None and fig.metric is None:
            fig.metric = subject + "占比"
        elif (
            subject is not None and fig.metric is not None and _SHARE_OF_PLACE.fullmatch(fig.metric)
        ):
            # "高新技术企业总数达到5902家,占全省的42.1%": the whole is a place; the part is
            # the figure before (高新技术企业总数占全省比重, not 占全省)
            fig.metric = subject + fig.metric + "比重"


# a grant's kind before its amount ("奖励50万元", "区级奖励20万元", "给予最高10万元")
_GRANT_BEFORE = re.compile(
    r"((?:国家级|省级|市级|区级|县级|上级|本级)?(?:财政)?)(?:一次性)?(?:给予|予以)?(?:最高|最多)?"
    r"(奖励|补助|资助|补贴|奖补|支持|扶持)(?:资金|经费)?(?:最高|最多|不超过)?$"
)
_ENUMERATOR = re.compile(
    r"^(?:[(（][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]+[、是])"
)


def _name_grants(text: str, figures: Sequence[_Figure]) -> None:
    """A grant with no name of its own after the bar of its condition ("年营业收入在1亿元以上的,
    奖励50万元") is not that bar (年营业收入门槛): it is the grant given on the condition,
    奖励(年营业收入在1亿元以上). (Naming a bare grant, "资助", after its beneficiary as well was
    tried: dev fullname 0.605 -> 0.608, test metric 0.780 -> 0.771, fullname unchanged; the
    briefing's tables name it so, `figures.table_name`.)"""
    for fig in figures:
        if fig.kind != "provision" or fig.own_metric is not None:
            continue
        if not (fig.metric or "").endswith("门槛"):
            continue
        q = fig.quantity
        grant = _GRANT_BEFORE.search(text, max(fig.clause_start, q.start - 16), q.start)
        if grant is None:
            continue
        # (the statement: the condition before a semicolon is another standard's)
        lo = max(0, q.start - 80, text.rfind(";", 0, q.start), text.rfind("；", 0, q.start))
        condition = None
        for m in _IF_CLAUSE.finditer(text, lo, q.start):
            condition = m
        if condition is not None:
            cond = _ENUMERATOR.sub("", condition.group(1)).removeprefix("对")
            if len(cond) >= 2:
                fig.metric = f"{grant.group(1)}{grant.group(2)}({cond})"


def _inherit_metrics(figures: list[_Figure]) -> None:
    """A figure with no metric of its own repeats the metric of the figure(s) before it."""
    with_metric: list[_Figure] = []  # figures before i that have a metric, kept as we go
    i = 0
    while i < len(figures):
        if figures[i].metric is not None:
            with_metric.append(figures[i])
            i += 1
            continue
        j = i
        while j < len(figures) and figures[j].metric is None:
            j += 1
        gap = j - i
        earlier = with_metric[-gap:]
        if len(earlier) >= gap and gap > 1 and figures[i].text_start == figures[j - 1].text_start:
            for fig, src in zip(figures[i:j], earlier[-gap:], strict=True):
                fig.metric = src.metric
                if fig.scope is None:
                    fig.scope, fig.scope_from = src.scope, src.scope_from
        elif earlier:
            for fig in figures[i:j]:
                if not _may_share_metric(fig.quantity.unit, earlier[-1].quantity.unit):
                    continue  # "院士80多名,此外还拥有14所、28所": another thing counted
                source = earlier[-1]
                money = fig.quantity.unit.endswith("元")
                fig.metric = source.grant if source.grant and money else source.metric
                if fig.scope is None:
                    fig.scope, fig.scope_from = source.scope, source.scope_from
        with_metric.extend(f for f in figures[i:j] if f.metric is not None)
        i = j


def _may_share_metric(unit: str, source_unit: str) -> bool:
    """A count in another counting word (所 after 名) counts another thing; a rate, an amount or
    the same word (人, 名 and 位 alike) may repeat the metric before it."""
    a, b = (
        _COUNTER_KIN.get(u, u) for u in (unit.lstrip("万亿千百"), source_unit.lstrip("万亿千百"))
    )
    return a == b or a not in _COUNT_UNITS or b not in _COUNT_UNITS


_COUNTER_KIN = {"名": "人", "位": "人", "套": "台", "台/套": "台", "台(套)": "台", "家(次)": "家"}
