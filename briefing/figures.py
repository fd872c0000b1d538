"""Key figures: which of a briefing's figures it shows, in which table, under which name.

The rules are written for readers in docs/templates.md (“关键数据的挑选”); this module is the
one place they are applied:

- a figure is shown under a name that says what was counted (subject and measure: 国家基础研究
  项目直接经费, never 经费 or 直接经费 alone, never a clipped quote);
- results (实际、增速、增减), targets (目标) and support standards (支持标准: a policy's rate or
  cap, not a result) are three tables, never one;
- a figure appears once, under its own theme (`aggregate.figure_theme`).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd

from briefing.extract.indicators import CLAUSE_VERBS
from briefing.extract.numbers import find_quantities

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
# A bound keeps its negation and its cap (最高不超过20万元, 本金不高于1000万元): shown without 不, the
# figure would say the opposite of the text.
_PREFIXES = (
    "最高不超过",
    "最高不高于",
    "不超过",
    "不高于",
    "不到",
    "不足",
    "最高",
    "最多",
    "超过",
    "突破",
    "达到",
    "不低于",
    "不少于",
    "超",
    "近",
    "约",
    "达",
    "逾",
    "累计",
    "预计",
    "下降",
    "减少",
    "降低",
    "回落",
)


def format_number(value: float) -> str:
    """865.1 -> '865.1', 2245.0 -> '2245' (as official texts print them, no grouping)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def _unit_pattern(unit: str) -> str:
    """The unit, allowing 余/多 where official texts put it: 1200余名, 505万余条, 30多个."""
    approx = "(?:余|多)?"
    if len(unit) > 1 and unit[0] in "万亿千百":
        return approx + re.escape(unit[0]) + approx + re.escape(unit[1:])
    return approx + re.escape(unit)


def printed_value(quote: str, value: float, unit: str) -> str:
    """The figure as printed in `quote`, with the qualifier around it (超630.5亿元, 1200余名).

    Searches a copy with full-width digits folded (same length, so positions map back to the
    original). Falls back to the computed form when the quote does not print the number plainly.
    """
    folded = quote.translate(_FULLWIDTH)
    number = format_number(value)
    prefixes = "|".join(re.escape(p) for p in _PREFIXES)
    pattern = re.compile(
        rf"(?:{prefixes})?(?<![\d.]){re.escape(number)}(?![\d.]){_unit_pattern(unit)}(?:以上|左右)?"
    )
    if m := pattern.search(folded):
        return quote[m.start() : m.end()]
    return f"{number}{unit}"


_VERB_PREFIX = re.compile(r"^达到?")


# A bound or a forecast said earlier in the figure's clause than its number, across the thing it
# is a share of or a verb ("不低于省级科技专项资金的25%", "最高给予100万元", "预计全社会研发投入
# 5350亿元"): without it a limit reads as the amount, an estimate as what was done
_BOUND_BEFORE = re.compile(
    r"(?:不低于|不少于|不超过|不高于|最高|最低|至少|最多|预计|有望|预期(?!寿命|目标)|估计)"
    r"(?=[^0-9０-９，,；;。]*$)"
)


def cell_value(quote: str, value: float, unit: str) -> str:
    """The figure as a table cell or a bar's label prints it: `printed_value` without a verb
    before it that adds nothing to the figure (达到71.38亿元 -> 71.38亿元); 超, 近, 累计, 余 say
    how much and stay. A sentence (a trend's 2023年达到865.1亿元) keeps its verb. A bound or a
    forecast said before the number in its clause (`_BOUND_BEFORE`) leads the cell: 不低于25%,
    最高100万元, 预计5350亿元; so does 将 with its verb (`_WILL_REACH`: 将超过20%)."""
    printed = printed_value(quote, value, unit)
    cell = without_verb(printed)
    at = quote.find(printed)
    # "将超过20%", "将达到490家": the verb stays with the 将 that makes the figure expected
    will = _WILL_REACH.search(quote[:at]) if at > 0 else None
    if will is None and at > 0 and printed.startswith(("超过", "突破", "达到", "超", "达", "逾")):
        # (the verb is the printed value's own: 将|超过20%, 将|达到490家)
        will = _WILL_BARE.search(quote[:at])
    if will is not None and not _CLAUSE_BREAK.search(quote, will.start(), at):
        cell = quote[will.start() : at] + printed
    bound = _BOUND_BEFORE.search(quote[:at]) if at > 0 else None
    if bound is not None and bound.group() not in cell:
        cell = bound.group() + cell
    return cell


# a bound around a round number: 突破2万亿元, 超过100亿元, 1万家以上
# (an estimate's mark too: 预计超过3800亿元, 有望突破75亿元)
_MARK_RE = re.compile(r"^(?:预计|有望|将)?(?:突破|超过|超|逾|过|不低于|不少于)|以上$")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def is_mark(value_text: str) -> bool:
    """突破2万亿元, 超过100亿元, 1万家以上: a bound word around a number of at most two significant
    digits. 超630.5亿元 is a value stated a little low (approximate), not a mark."""
    number = _NUMBER_RE.search(value_text)
    if number is None or _MARK_RE.search(value_text.strip()) is None:
        return False
    return len(number.group(0).replace(".", "").strip("0")) <= 2


# "同比增幅将超过20%", "将达到490家": 将 with a verb of reaching right before the number says the
# figure is expected (将 alone is often 把: "将8家合作银行纳入…")
_WILL_REACH = re.compile(
    r"将(?:要|会)?(?:达到|达|超过|超|突破|完成|实现|增长|增加|提高|提升|增至|新增)(?:到|至)?"
    r"(?:约|近|超过|超)?$"
)
_WILL_BARE = re.compile(r"将(?:要|会)?$")
# (not 人均预期寿命, 预期目标: a statistic, an aim)
_FORECAST_WORD = re.compile(r"预计|有望|预期(?!寿命|目标|效果|收益)|估计")
# a sentence that opens with a forecast, perhaps after a clause of time or place ("预计今年新认定
# 高新技术企业33家左右，其中净增20家左右", "今年，初步预计…"): every figure of it is expected
_FORECAST_OPENING = re.compile(
    r"^(?:[^，,；;。：:]{1,12}[，,])?(?:据初步统计，?)?(?:初步)?(?:预计|预期(?!寿命|目标)|有望|估计)"
)


def _sentence_start(sentence: str, where: int) -> int:
    """Where the sentence holding position `where` of `sentence` starts: after its last 。 or ；
    before it (a measure's text can hold several; a figure belongs to the one it is in)."""
    return max(sentence.rfind("。", 0, where), sentence.rfind("；", 0, where)) + 1


def is_forecast(quote: str, value: float, unit: str, sentence: str = "") -> bool:
    """Whether the figure quoted by `quote` is an estimate, not a result: a forecast word before
    its number in its clause (预计达到15.47亿元, 全年有望突破75亿元, 同比增幅将超过20%), or a
    sentence opening with one (`_FORECAST_OPENING`: 预计今年新认定…33家左右，其中净增20家左右)."""
    if _FORECAST_WORD.match(cell_value(quote, value, unit)):
        return True
    number = format_number(value)
    at = quote.translate(_FULLWIDTH).find(number)
    if at > 0 and _WILL_REACH.search(_CLAUSE_BREAK.split(quote[:at])[-1]):
        return True
    where = sentence.find(quote) if quote else -1
    if where < 0:
        return False
    # (a list goes on with the forecast: "总量预计750亿元、增长10%": the growth is expected too)
    clause = _CLAUSE_BREAK.split(sentence[:where])[-1] + quote[: max(at, 0)]
    if _FORECAST_WORD.search(clause):
        return True
    return bool(_FORECAST_OPENING.match(sentence[_sentence_start(sentence, where) :].lstrip()))


def as_forecast(value_text: str, forecast: bool) -> str:
    """A printed value as a sentence gives it: an estimate's says so (达到12510万元 of "2017年预计
    达到12510万元" -> 预计达到12510万元), unless it already does (预计5350亿元, 将超过20%)."""
    if not forecast or _FORECAST_WORD.match(value_text) or value_text.startswith("将"):
        return value_text
    return "预计" + value_text


# a count up to a past date: "截至10月底，…", "截止11月中旬…", "截至目前…", "1-9月，…",
# "成交额10月底达到62.3亿元" (a plan's aims say 到2025年, 力争, or a deadline: 6月底前)
_COUNTED_TO = re.compile(
    r"截[至止](?:今年|本年|[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月|目前|当前)"
    r"|(?<![0-9０-９])[1１一][-—－~～至][0-9０-９]{1,2}月"
    r"|(?<![0-9０-９年])[0-9０-９]{1,2}月(?:底|末|中旬|上旬|下旬)(?!前|以前|之前)"
)
# an aim's words (力争…将突破75亿元 is an aim, 预计全年…将达到490家 an estimate)
_AIM_WORD = re.compile(r"力争|力求|确保|目标|计划|争取|到20\d\d年")
_AIM = re.compile(rf"{_AIM_WORD.pattern}|预计|有望")
# a rate of change by its name (…增长, …增幅): an estimate of one is a growth rate
_RATE_OF_CHANGE = re.compile(r"(?:增长|增幅|增速|增长率|提高|提升)$")


def _before(quote: str, sentence: str) -> str:
    """The words of `quote`'s sentence (from its last 。 or ；) up to and with the quote."""
    where = sentence.find(quote) if quote else -1
    if where < 0:
        return quote
    return sentence[_sentence_start(sentence, where) : where] + quote


def counted_to_date(quote: str, sentence: str) -> bool:
    """Whether the figure quoted by `quote` is counted up to a date already past in its sentence
    (截至10月底, 截止11月中旬, 截至目前, 1-9月), with no aim said between the date and the figure:
    a result so far, whatever the paragraph's mood."""
    before = _before(quote, sentence)
    dates = list(_COUNTED_TO.finditer(before))
    if not dates:
        return False
    # (an aim said in the date's clause or after it: 力争10月底达到…, 截至10月底…，全年力争…)
    clause = _CLAUSE_BREAK.split(before[: dates[-1].start()])[-1]
    return _AIM.search(clause) is None and _AIM.search(before, dates[-1].end()) is None


def result_kind(
    kind: str, metric: str, unit: str, quote: str, sentence: str, forecast: bool
) -> str:
    """The kind a figure is shown with: a target (read so from its paragraph's mood) that is an
    estimate (`forecast`, `is_forecast`: 预计全年新认定高企200家以上, 营收有望突破660亿元) said
    with no aim word before it in its sentence (`_AIM_WORD`: 力争…全年将突破75亿元 is an aim), or
    a count up to a past date (`counted_to_date`: 截至10月底…, 10月底达到62.3亿元) is a result,
    never a target: an estimate is typed 预计 among the results, a month's count is what was
    done so far. A rate of change keeps its kind (growth)."""
    if kind != "target":
        return kind
    estimate = forecast and _AIM_WORD.search(_before(quote, sentence)) is None
    if not estimate and (forecast or not counted_to_date(quote, sentence)):
        return kind
    return "growth" if unit == "%" and _RATE_OF_CHANGE.search(metric) else "actual"


def without_verb(value_text: str) -> str:
    """A printed value as a cell or a bar label shows it: 达到865.1亿元 -> 865.1亿元, and an
    estimate's 预计达到12510万元 -> 预计12510万元."""
    if value_text.startswith("预计"):
        return "预计" + _VERB_PREFIX.sub("", value_text[2:])
    return _VERB_PREFIX.sub("", value_text)


RESULT_KINDS = ("actual", "growth", "change")
TARGET_KINDS = ("target",)
STANDARD_KINDS = ("provision",)

# A measure without its subject: 经费, 直接经费, 资助经费, 总投入, 认缴金额, 占全市比重 ...
_GENERIC = re.compile(
    r"^(?:年度)?"
    r"(?:直接|资助|财政|社会|项目|专项|合同|认缴|引导|累计|新增|年度|总|其中|融资|投融资|支持|获得"
    r"|补助|奖励|补贴|出资"
    # a deal, a registration or a loan the clause before names: 成交额, 登记额, 贷款额度, 资金总规模
    r"|成交|登记|认定登记|交易|贷款|资金"
    # how or when the money was planned, spent or given, or whose it is, not what for: 计划投资额,
    # 完成投资, 无偿经费, 立项资金, 签约资金, 纳税总额, 资产总额
    r"|计划|完成|实际|无偿|立项|签约|纳税|资产){0,2}"
    # (two of them say no more: 合同成交额, 项目总金额)
    r"(?:经费|金额|总金额|资金|投入|投资|总投资|投资额|总投资额|总额|规模|总规模|总量|数量|比重|占比|收入"
    r"|产值|额|额度|作价)$"
)
# A level or a place alone (国家级 13个, 市级 9个) says where, not what.
# (and a place or a time alone, 自治区, 县, 2023年: where or when, not what)
_LEVEL_ONLY = re.compile(
    r"^(?:国家级?|省级|市级|区级|县级|区县级?|部级|全市|全省|全国|占全市"
    r"|自治区|自治州|自治县|全区|全县|本市|本省|本区|本县|[省市县区州]"
    r"|(?:19|20)[0-9]{2}年(?:度|底|末)?|[0-9一二三四五六七八九十]{1,2}月(?:底|末)?|当年|全年|年内)$"
)
# What funding belongs to: 国家自然科学基金项目 + 经费 -> 国家自然科学基金项目经费.
_OWNERS = ("项目", "基金", "专项", "计划", "工程", "课题")
_QUOTES = (("“", "”"), ("‘", "’"), ("《", "》"), ("「", "」"), ("(", ")"), ("（", "）"))
# A fragment begins with a closing mark, a dash or a function word, or ends with an opening mark
# or a preposition that wants its object (奖补资金由市和县财政各按|50%).
_BAD_START = "、，,；;：:。与和及的等”’》」)）—－-─…·"
_BAD_END = "、，,；;：:。与和及的等在对为将把被向从按由以于给“‘《「(（"
# A clause, not a name: a comparison inside it (资金不低于省级科技专项资金), a clause break, a
# ratio (按1∶1比例), a predicate at its start (属于战略性新兴产业) or a change verb at its end
# (科研时间增加), or the start of a breakdown (研究与试验发展经费投入分别为钟山区).
_CLAUSE_IN_NAME = re.compile(
    r"不低于|不少于|不高于|不超过|高于|低于|超过|达到|分别|[，,；;。]|\d\s*[∶:]\s*\d"
    r"|^(?:属于|是|为|系|占|其中)|(?:增加|减少|提高|提升|下降|降低|增长)$"
    # an aspect particle: a predicate that happened (进行了知识产权质押), not a name
    r"|了(?!解)"
    # a comparison or a role said of a subject (新增超出, 知识产权质押融资作为…), and a subject
    # with what it has already done ("科技孵化园"已建成)
    r"|超出|作为|(?<=..)已"
    # an adverb or a decision opening a predicate (率先对营业收入…, 决定选认…)
    r"|^(?:率先|首次|决定|正在|已经|拟)"
    # a passive (中被评为…, 被认定为…): what befell the things, begun mid-phrase
    r"|被(?:评为|评定为|认定为|授予|列为|列入|纳入|确定为|命名为)|^中(?=[被获有共已入荣])"
    # a time span at the end (补贴资金三年: for how long, cut from its clause), not what was counted
    r"|(?<![0-9])[0-9一二三四五六七八九十两]{1,3}(?:年|个月)$"
)
# "在现有基础上", "在2023年基础上": the baseline of a change, not part of what was counted
_BASELINE = re.compile(r"在[^，,。；;]{0,12}?基础上")
# "A不低于B" before a percentage: A as a share of B (省级财政投入…的资金不低于省级科技专项资金的25%)
_SHARE = re.compile(
    r"^(?P<part>.{2,}?)(?:不低于|不少于|不高于|不超过|达到)(?P<whole>.{2,}?)(?:的)?(?:比重|比例)?$"
)


def is_generic(metric: str) -> bool:
    """True for a measure word without its subject (经费, 资助经费, 总投入)."""
    return bool(_GENERIC.match(metric))


# an adverb the name was cut after (R&D占GDP比例始终|保持10%左右): no part of what was counted
# (人均, 平均, 户均, 亩均, 年均, 公共, 成都 end names and places: not those)
_TRAILING_ADVERB = re.compile(
    r"(?:始终|一直|(?<![人平户亩年日月])均|已经?|仍然?|依然|(?<!公)共计?|合计|累计|持续|保持|接连|连续|相继|陆续|先后|不断|稳步|逐步)$"
)
# a word said twice over a join (科技型中小企业新增总数总数): a name put together wrongly
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,})\1")


def follows_a_count(previous_quote: str, previous_unit: str, quote: str, sentence: str) -> bool:
    """Whether the figure quoted by `quote` opens the clause right after a count's (`previous_quote`)
    in `sentence`: "发布4300余项新技术成果，成交金额突破1200亿元". Its amount is then the amount of
    the things counted (新技术成果成交金额), the one subject the sentence gives it."""
    if previous_unit.removeprefix("万").rstrip("（）()次") not in _COUNT_UNITS:
        return False
    at = sentence.find(previous_quote)
    if at < 0 or not previous_quote:
        return False
    end = at + len(previous_quote)
    return sentence[end : end + 1] in ("，", ",", "、") and sentence.startswith(quote, end + 1)


_ALL_KINDS = re.compile(r"各(?:类|级|项|种)")


def display_name(metric: str, previous: str = "", unit: str = "", after_count: bool = False) -> str:
    """The figure's name as printed: `metric`, or a generic one (资助经费, 成交额) completed with the
    figure before it in the same measure when that names what the money belongs to
    (市级自然科学基金项目1655项、资助经费2.76亿元 -> 市级自然科学基金项目资助经费), or is the count
    whose clause the figure's follows (`after_count`: 发布4300余项新技术成果，成交金额突破1200亿元 ->
    新技术成果成交金额); a percentage
    bounded by another amount named as the share it is (资金不低于省级科技专项资金 25% ->
    资金占省级科技专项资金比例); a baseline (在现有基础上) and an adverb the name was cut after
    (比例始终) left out. Otherwise the metric as
    extracted: `is_named` then decides whether it can be shown."""
    metric = _BASELINE.sub("", metric)
    # 各类, 各级: the sum over kinds or levels, which the name says without them (各类企业研究与
    # 试验发展经费支出 is 企业研究与试验发展经费支出; 登记各类科技成果, 登记科技成果)
    metric = _ALL_KINDS.sub("", metric) if len(metric) > 6 else metric
    while len(metric) > 4 and (adverb := _TRAILING_ADVERB.search(metric)):
        metric = metric[: adverb.start()]
    if unit in ("%", "％") and (share := _SHARE.match(metric)):
        return f"{share['part']}占{share['whole']}比例"
    if is_generic(metric) and (previous.endswith(_OWNERS) or after_count) and is_named(previous):
        # 企事业单位委托项目 + 项目经费: the shared word once
        for size in range(min(len(previous), len(metric) - 1), 0, -1):
            if previous.endswith(metric[:size]):
                return previous + metric[size:]
        return previous + metric
    return metric


# A name made only of the words of a grant (启动资金支持, 科研经费补助, 奖励补助, 实际投入): how
# much was given, not to whom; the beneficiary (对…给予) completes it, else it names nothing
_GRANT_ONLY = re.compile(
    # (the level that pays it names no one: "区级奖励" is whose reward, the text says before it)
    r"(?:国家级|省级|市级|区级|县级|上级|本级)?(?:财政)?"
    r"(?:一次性|启动|配套|科研|专项|稳定|定额|建设|运行|实际|每年|年度|最高|"
    r"补助|奖励|资助|补贴|奖补|贴息|支持|扶持|激励|资金|经费|投入|额度|标准|金额)+"
)
# A count without what was counted (立项数, 数量, 人数, 件数): the subject was cut off before it
_BARE_COUNT = re.compile(
    r"(?:立项|获批|申请|授权|登记|认定|签约|成交|项目)?(?:数|数量|总数|件数|项数|个数|人数)"
)
# A level adjective (行业级, 场景级, 国家级): which kind, not what
_LEVEL_END = re.compile(r"级$")
# A case or a way of working (典型案例, 经验做法): an example of what, the name does not say
_EXAMPLE_ONLY = re.compile(r"(?:典型|示范|优秀|先进)?(?:案例|经验|做法|模式|场景)")
# The beneficiary a support standard names before it: "对获批组建的辽宁实验室,…安排1亿元…",
# "对新获批组建的A、B等14类国家级科技创新平台,给予…"
_BENEFICIARY = re.compile(
    r"(?:^|[,，;；:：。])(?:[0-9]{1,2}[.．、]|[(（][0-9一二三四五六七八九十]{1,3}[)）])?"
    r"(?:同时|并|另外|其中)?(?:对于|对|凡)([^,，;；:：。]{2,80}?)的?(?=[,，]|给予|予以|按|安排)"
)
# a subject qualified by what it passed, opening the clause before a grant's: "经认定的…,",
# "符合…条件的…,", "新获批的…,"
_QUALIFIED = re.compile(
    r"(?:^|[,，;；:：。）)])(?:经[^,，;；。]{0,10}?认定|符合[^,，;；。]{0,12}?条件|新?获批|新认定|首次认定|新入选)"
    r"的([^,，;；:：。0-9]{2,20})(?=[,，])"
)
_CLASS_AFTER_LIST = re.compile(r"等[0-9]*(?:类|个|家|项|批|种)?([^、等的0-9]{2,14})$")
_NOT_BENEFICIARY = re.compile(
    r"[0-9]|超过|以上|以下|不低于|不少于|不超过|高于|低于|达到|符合|相关|条件"
)


def beneficiary(sentence: str, quote: str) -> str | None:
    """Who the support standard quoted from `sentence` is for: the object of its 对…给予 clause,
    by its head noun (获批组建的辽宁实验室 -> 辽宁实验室; A、B等14类国家级科技创新平台 ->
    国家级科技创新平台; a list without a class word -> its first item and 等); None when the
    sentence names none, or names a threshold or a catch-all (符合条件的, 投入超过500万元的)."""
    at = sentence.find(quote)
    if at < 0:
        return None
    # up to the grant's number: "对入选项目给予最高20万元资助" is quoted whole
    at += len(_CLAUSE_BREAK.split(quote)[0]) if _CLAUSE_BREAK.search(quote) else len(quote)
    # (within its statement: the 对… before a semicolon is another standard's, "对首次认定的企业,
    # 奖励20万元;重新认定的,奖励10万元")
    lo = max(0, sentence.rfind(";", 0, at), sentence.rfind("；", 0, at))
    last = None
    for m in _BENEFICIARY.finditer(sentence, max(lo, at - 200), at):
        last = m
    if last is None:
        # "经认定的国家级重点实验室,一次性给予500万元资助": the class a qualified subject names,
        # in the clause before the grant's
        for m in _QUALIFIED.finditer(sentence, max(lo, at - 80), at):
            last = m
    if last is None:
        return _head_beneficiary(quote)
    name = last.group(1).strip()
    if (cls := _CLASS_AFTER_LIST.search(name)) is not None:
        name = cls.group(1)
    else:
        name = name.rsplit("的", 1)[-1]
        if "、" in name:
            name = name.split("、", 1)[0] + "等"
    if len(name) < 2 or len(name) > 16 or _NOT_BENEFICIARY.search(name):
        return None
    return name


# where the beneficiary heading a grant's clause ends: "企业国家重点实验室给予500万元",
# "重庆市重点实验室在评估周期内每年…", "重庆市重点实验室不低于20万元的…"
_GRANT_VERB = re.compile(r"给予|予以|可获|在|每|不低于|不超过|最高|按|安排|[0-9]")
_TIME_WORD = re.compile(r"年|期|月|后|前|内|度")


def _head_beneficiary(quote: str) -> str | None:
    """The noun phrase a grant's clause opens with, when it is who gets the grant
    (评估结果优秀的企业国家重点实验室给予500万元… -> 企业国家重点实验室)."""
    cut = _GRANT_VERB.search(quote)
    if cut is None or cut.start() < 3:
        return None
    name = re.sub(r"^(?:对于|对|为|向)", "", quote[: cut.start()].rsplit("的", 1)[-1])
    if len(name) < 3 or len(name) > 16 or _NOT_BENEFICIARY.search(name):
        return None
    if _TIME_WORD.search(name[-1]) or not is_named(name):
        return None
    return name


# a change verb right before a percentage: the rate of growth of what the name counts
_RATE_VERB_BEFORE = re.compile(r"(?:增长|提高|提升|增加|下降|降低|减少)(?:了)?(?:约|近|超过|超)?$")
_RATE_WORD = re.compile(r"(?:率|比|重|强度|增速|增幅|占比|比例|指数|水平)$")
_PERSON_UNITS = frozenset({"人", "名", "位", "人次"})
# an award, a programme or a title people won or entered: 获评何梁何利奖2人 counts its winners
_HONOUR_END = re.compile(r"(?:奖|计划|工程|称号|荣誉|项目|奖章)$")
_WON_BEFORE = re.compile(r"(?:获评|荣获|获得|获|入选|当选)$")
# the verb that made or brought in the things a count counts, right before its number
_MADE_BEFORE = re.compile(
    r"(?P<verb>获批建设|获批组建|新获批|获批|建成|创建|组建|新认定|认定|培育|引进|吸纳|吸引|集聚|"
    r"招引|引育|选派|孵化|设立|布局建设)(?:了)?(?:超过|超|近|约|逾)?$"
)
# what may stand between a count and its noun: 以上, 余, 多, 个 ("100家以上特色企业")
_AFTER_COUNT = re.compile(r"^(?:余|多|以上|左右)?的?")
# "创新创业青年50人论坛": a name goes on right after 人, so the number is part of the name
# (a count of people ends on 人, or goes on with 以上, 次…)
_NAME_AFTER_PERSONS = re.compile(r"人(?!以上|以内|左右|次)[\u4e00-\u9fff]")
# a word that says a provision's figure is money given (经费, 补助, 奖励, 贷款…)
_MONEY_WORD = re.compile(
    r"经费|资金|补助|奖励|支持|资助|补贴|奖补|贴息|金额|额|投入|贷款|基金|奖金|费|价|收入|产值|规模"
)
_GRANT_WORD = re.compile(r"支持|资助|补助|奖励|补贴|奖补|贴息")
# the one-character names of provinces and cities (沪, 京, 琼): "在沪持牌金融机构" cut after 在
_SHORT_PLACES = frozenset(
    "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新港澳台"
)
# "累计达260亿元", "新增9个、累计达到79个": a running total, not the year's figure
# (not a year's or a month's running total: 全年累计, 1-5月累计 are that period's figure)
_RUNNING_TOTAL = re.compile(
    r"(?<![年月度季])累计(?P<verb>设立|建立|建成|认定|培育|引进|获批|发放|投放|支持|服务|孵化|转化|吸引)?"
)
_CLAUSE_BREAK = re.compile(r"[，,;；。:：]")
# A change or a rate of growth is printed after the total it qualifies ("…投入100.66亿元，比上年增加
# 19.53亿元，同比增长24.1%"), and takes that total's name: the row is named with the comparison the
# text makes (R&D经费投入比上年增加, R&D经费投入同比增长), so it never reads as the total itself.
# The last change verb of the clause before the number, with what it is measured against; only
# numbers, 分别 and approximations may stand between it and the number (分别增长7.5%、11.5%).
_CHANGE_BEFORE = re.compile(
    r"(?P<base>(?:比|较)(?:上年|去年|上一年|(?:19|20)[0-9]{2}年(?:末|底)?)(?:同期)?|同比|环比)?"
    r"(?P<verb>增加|增长|提高|提升|上升|下降|减少|降低|回落|扩大|缩小|下滑)"
    r"(?=(?:了|分别|约|近|超过|超|逾|[^\u4e00-\u9fff])*$)"
)
# a name that already says it is a change (研发投入增速, 工商业电价降幅): nothing to add
_CHANGE_NAMED = re.compile(
    r"(?:增速|增幅|增长率|增量|增加额|减少额|降幅|涨幅|变化|增长|增加|提高|提升|上升|下降|减少|降低)$"
)
CHANGE_KINDS = ("growth", "change")


def _change_suffix(clause: str, name: str, cell: str) -> str:
    """The comparison a change's clause makes before its number (比上年增加, 同比增长), or "".

    Without what the row already prints: the verb its cell starts with (a fall's cell reads
    下降6.6%, so the name ends on 同比, not 同比下降), a base `name` already holds (…(较2023年))."""
    last = None
    for m in _CHANGE_BEFORE.finditer(clause):
        last = m
    if last is None:
        return ""
    base = last["base"] or ""
    verb = "" if cell.startswith(last["verb"]) else last["verb"]
    return ("" if base in name else base) + verb


def change_base(name: str, kind: str) -> str:
    """The total a change row is named after: `name` without the comparison `table_name` gave it."""
    if kind not in CHANGE_KINDS:
        return name
    m = _CHANGE_SUFFIX_END.search(name)
    return name[: m.start()] if m is not None and m.start() > 0 else name


# (a fall's name ends on its base alone: 技术合同成交额同比, its cell prints 下降6.6%)
_CHANGE_SUFFIX_END = re.compile(
    r"(?:(?:比|较)(?:上年|去年|上一年|(?:19|20)[0-9]{2}年(?:末|底)?)(?:同期)?|同比|环比)"
    r"(?:增加|增长|提高|提升|上升|下降|减少|降低|回落|扩大|缩小|下滑)?$"
    r"|(?:增加|增长|提高|提升|上升|下降|减少|降低|回落|扩大|缩小|下滑)$"
)


def table_name(name: str, quote: str, sentence: str, value: float, unit: str, kind: str) -> str:
    """The name a key-data row shows: `name` completed with what the text says it counts, or ""
    when the text does not say (the row is then no key figure; the workbook keeps it).

    - a grant named only by its kind (启动资金支持, 科研经费补助) takes its beneficiary
      (辽宁实验室启动资金支持), else is unnamed;
    - a running total keeps 累计 (累计技术合同成交额; 新增…、累计… -> 累计…);
    - a bare count (立项数) takes the noun phrase before it in its clause
      (国家自然科学基金项目获批立项数 -> 国家自然科学基金项目立项数), else is unnamed;
    - a target rate after 增长 says it is one (来琼工作外国人增速); a result's change or rate of
      growth is named after its total with the comparison before its number (R&D经费投入比上年增加,
      R&D经费投入同比增长), never as the total itself;
    - a count of people under an award or programme counts its winners (获评何梁何利奖人数);
      a number inside a name (创新创业青年50人论坛等活动) is unnamed;
    - a result's or a target's count or amount keeps the verb its clause counts it by
      (`_with_its_verb`: 转化落地科技成果, 获批建设全国重点实验室), so it never reads as all there are.
    """
    number = format_number(value)
    at = quote.translate(_FULLWIDTH).rfind(number)
    before = quote[:at] if at >= 0 else ""
    if _GRANT_ONLY.fullmatch(name):
        who = beneficiary(sentence, quote) if kind == "provision" else None
        if who is None:
            return ""
        name = who + name
    elif _BARE_COUNT.fullmatch(name):
        head = before.rfind(name)
        subject = before[:head] if head > 0 else ""
        subject = re.sub(r"(?:获批|获得|申请|实现|完成)$", "", subject)
        if len(subject) < 4 or not is_named(subject):
            return ""
        name = subject + name
    elif kind == "provision" and unit.endswith("元") and not _MONEY_WORD.search(name):
        # "每年支持企业国家重点实验室200万元": who gets it, not what it is
        grant = _GRANT_WORD.search(before)
        if grant is None:
            return ""
        every = "每年" if "每年" in before else ""
        name = f"{name}{every}{grant.group()}{'经费' if grant.group() == '支持' else ''}"
    if name and name[0] in _SHORT_PLACES and f"在{name}" in quote:
        name = "在" + name  # "在沪持牌金融机构": the place it is in, not a fragment of a name
    clause = _CLAUSE_BREAK.split(before)[-1]
    if (total := _RUNNING_TOTAL.search(clause)) is not None and "累计" not in name:
        # the verb that made the total stays (累计设立9支子基金 -> 累计设立子基金)
        verb = total.group("verb") or ""
        if not clause.startswith("新增", total.end()):
            # "新增9个、累计达到79个": the 新增 was the first clause's; "累计新增…" keeps it
            # (1200 added over the years, not 1200 in all)
            name = name.removeprefix("新增")
        name = "累计" + verb + name.removeprefix(verb)
    if kind in CHANGE_KINDS and name and not _CHANGE_NAMED.search(name):
        name += _change_suffix(clause, name, cell_value(quote, value, unit))
    if (
        unit in ("%", "％")
        and kind == "target"
        and _RATE_VERB_BEFORE.search(before)
        and not _RATE_WORD.search(name)
    ):
        name += "增速"
    if (
        at >= 0
        and kind in ("actual", "target")
        and unit not in _RATE_UNITS
        # (a verb says what happened to things the name already names: it never makes a bare
        # class or measure a name, 安排课题, 提供贷款)
        and is_named(name)
        and names_its_subject(name, unit, kind)
    ):
        name = _with_its_verb(name, quote, before, at + len(number), unit)
    if unit in _PERSON_UNITS:
        if at >= 0 and _NAME_AFTER_PERSONS.match(quote, at + len(number)):
            return ""
        if not _HONOUR_END.search(name):
            return name
        won = _WON_BEFORE.search(before[: before.rfind(name)] if name in before else "")
        name = (won.group() if won else "") + name + "人数"
    return name


# The verbs a figure's clause counts or spends by (extraction drops them before a name; these too:
# 推荐, 申报, 备案, 转化…): said before the name, they tell what happened to the things counted
# (引进院士 44名, 转化落地科技成果 185项, 吸纳技术合同交易额) from all there are (院士, 科技成果)
_COUNTING_VERBS = CLAUSE_VERBS | frozenset(
    {
        "推荐",
        "申报",
        "备案",
        "登记",
        "转化",
        "服务",
        "对接",
        "促成",
        "落实",
        "输出",
        "吸纳",
        "征集",
        "评价",
        "招引",
        "引培",
        "授权",
        "支持",
        "投入",
        "孵化",
        "建设",
        "布局",
        "集聚",
        "立项",
    }
)
_VERB_ALTERNATIVES = "|".join(sorted(_COUNTING_VERBS, key=len, reverse=True))
# verbs chained before the name ("引进和培育", "转化落地", "获批建设"), at the end of the clause's lead
_VERB_CHAIN_END = re.compile(
    rf"(?:(?:{_VERB_ALTERNATIVES})(?:和|及|与|并|、)?)*(?:{_VERB_ALTERNATIVES})$"
)
_VERB_START = re.compile(rf"^(?:{_VERB_ALTERNATIVES}|新增|新建|净增|累计)")
# verbs that say only that a figure was reached, kept or aimed at, not what happened to the things
# (实现技术合同成交额, 完成全社会研发经费, 力争…, 共有…): no part of a name
_LIGHT_VERBS = re.compile(
    r"^(?:实现|完成了|完成|达成|保持|力争|确保|持续|加快|推动|推进|共有|累计|新增|净增|取得|争取到|形成)"
    r"(?:和|及|与|并|、)?"
)
# and before another verb, the verbs that only aim or push at it (争取建成, 推动设立): the aim is
# the row's kind, the second verb what happens to the things
_AIM_VERBS = re.compile(
    _LIGHT_VERBS.pattern + r"|^(?:争取|推动|推进|支持|鼓励|引导|加快|谋划)(?:和|及|与|并|、)?"
)
# what may stand between a name and its number ("技术合同交易额达到", "院士已超过")
_BEFORE_NUMBER = re.compile(
    r"^(?:已|共计?|合计|累计|分别|均|达到|达|超过|超|突破|近|约|逾|为|了)*$"
)
# and between a verb and the number of the things it counts after it ("吸纳超110万名高校毕业生")
_VERB_TO_NUMBER = re.compile(r"(?:了)?(?:超过|超|近|约|逾|共计?|累计|达)?$")


def _with_its_verb(name: str, quote: str, before: str, end: int, unit: str) -> str:
    """`name` with the verb its clause counts by, when the text says one right before it (入库科技型
    中小企业1609家, 转化落地科技成果185项) or before the number of the things it names after it
    (获批建设2家全国重点实验室, 吸纳超110万名高校毕业生): the things made, brought in, won or
    spent, not all there are. Only words of the clause, never a light verb (实现, 完成) alone."""
    if _VERB_START.match(name):
        return name
    clause = _CLAUSE_BREAK.split(before)[-1]
    after = quote[end:].lstrip(" ").lstrip("余多").removeprefix(unit)
    if _AFTER_COUNT.sub("", after).startswith(name):
        lead = clause[: _VERB_TO_NUMBER.search(clause).start()]  # type: ignore[union-attr]
    else:
        at = clause.rfind(name)
        if at < 0 or not _BEFORE_NUMBER.match(clause[at + len(name) :]):
            return name
        lead = clause[:at]
    chain = _VERB_CHAIN_END.search(lead)
    # (not a thing still to be done: 待签约“科技副总”, 拟引进…)
    if chain is None or lead[: chain.start()].endswith(("待", "拟", "未", "将")):
        return name
    verb = chain.group()
    while (light := _AIM_VERBS.match(verb)) is not None and light.end() < len(verb):
        verb = verb[light.end() :]
    if _LIGHT_VERBS.fullmatch(verb):
        return name
    return verb + name


# What a name says besides what was counted: a running total or an addition (累计, 新增), the
# whole area (全市), a share of the set (其中), and at its end the rate or the comparison a change
# is named with (增速, 比上年增加). A name is tested without them: 累计企业 is 企业, 出资额增速 is
# 出资额, and neither says whose.
_NOT_SUBJECT_START = re.compile(
    r"^(?:累计|新增|共计?|合计|总计|全年|当年|其中|另有|全市|全省|全区|全县|全国|我市|我省|我区|本市)+"
)
_NOT_SUBJECT_END = re.compile(
    r"(?:(?:比|较)(?:上年|去年|上一年|(?:19|20)[0-9]{2}年(?:末|底)?)(?:同期)?|同比|环比)?"
    r"(?:增加|增长|提高|提升|上升|下降|减少|降低|回落|增速|增幅|增长率|增量|净增|降幅)$"
)
# A class of things or people with no word that says which (企业, 重点企业, 相关单位, 科学家): a
# leader cannot tell what was counted. Words that only rank, point back or join in narrow nothing
# (重点, 骨干, 龙头, 优秀, 相关, 该类, 上述, 参与, 合作…); a word of a field or a kind does
# (高新技术企业, 科研人员, 科技项目).
_BARE_CLASS = re.compile(
    r"(?:重点|骨干|龙头|优质|优秀|先进|相关|有关|各类|各级|各项|各种|一批|部分|其他|其余"
    r"|该类?|此类|上述|这些|参与|参会|参加|参展|参赛|合作|服务|对接|签约|入驻)*"
    r"(?:企业|公司|单位|机构|项目|课题|人才|人员|专家|科学家|团队|平台|载体|主体|成果|产品|数据"
    r"|活动|任务"
    # what is wanted or done in general (各类需求, 相关问题, 有关事项): of which field, not said
    r"|需求|问题|事项|工作|举措|措施|难题)+"
)
# how many of a class there are (企业数量, 单位总数): the class still says not which
_COUNT_MEASURE = re.compile(r"(?:数量|总数|个数|户数|家数|总量|数)$")
# a share (专家占全省比重): what it is a share of must say what was counted, as any name
_SHARE_PART = re.compile(r"^(?P<part>.+?)占")
# a verb and its object, cut before the number: 包揽全省2个获奖名额 -> 包揽全省
# (占全国 ends a share's name: 核电装机规模占全国 25.8%)
_SCOPE_END = re.compile(r"(?<!占)(?:全省|全市|全国|全区|全县|全球|全世界|全行业)$")


# A percentage or a multiple is a rate, a share or a change of something: its name says which
# (强度, 占比, 比重, 增速, 比上年增长…). Under the name of an amount or a count (财政科技支出 2.38%,
# 高新技术企业数量 7.6倍, 年度目标任务 215%) a leader reads the amount or the count.
_RATE_UNITS = frozenset({"%", "％", "倍", "个百分点", "百分点"})
_RATE_IN_NAME = re.compile(
    r"率|比|强度|占|份额|指数|水平|系数|贡献|覆盖|增速|增幅|涨幅|降幅|翻番"
    r"|增长|增加|提高|提升|上升|下降|降低|减少|回落|扩大|缩小|下滑"
)


# A name that distributes over several subjects (各市、县两级…, 各县区…, 各高校…): each of them has
# the figure, or some share of it, and the row does not say which; not 各类, 各级, 各项, 各种, which
# sum over kinds (各类企业研究与试验发展经费支出 is all firms' spending)
_EACH = re.compile(r"^各(?![类级项种])")
# the items of a list inside a name, and the levels a list of levels names one class by
# (国家级、省级农业科技园区; 市、县区科技特派员)
_LIST_JOINT = re.compile(r"[、]")
_LEVEL_ITEM = re.compile(r"^(?:国家|中央|省部|省|市|县|区|县区|区县|乡镇|乡|镇|村)级?(?:以上)?$")
# a thing's head noun: two of them joined by 和, 及 or 与 are two things
_HEAD_NOUN = re.compile(
    r"(?:企业|公司|单位|机构|中心|实验室|平台|载体|基地|园区|科技园|孵化器|空间|天地|站|联盟|院所"
    r"|高校|人才|团队|专家|院士|项目|成果|专利|余额|贷款)$"
)
_JOINED = re.compile(r"(?<=[\u4e00-\u9fff”])(?:和|及|与)(?=[\u4e00-\u9fff“])")


def _several_things(name: str) -> bool:
    """Whether `name` names several things at once (技术创新中心、重点实验室 20家; 制造业贷款余额、
    科技贷款余额增长 11.7%; 高新技术企业和创新型企业): the figure is their sum or each one's, and
    a leader cannot cite it as one. A list of levels before one class (国家级、省级农业科技园区)
    names one thing."""
    if "、" in name:
        items = _LIST_JOINT.split(name)
        first = _VERB_START.sub("", items[0])
        if not all(_LEVEL_ITEM.match(item) for item in (first, *items[1:-1])):
            return True
    # (both sides whole names: 企业与高校合作项目 is one thing, projects of the two)
    parts = _JOINED.split(name)
    return len(parts) > 1 and all(len(part) >= 4 and _HEAD_NOUN.search(part) for part in parts)


# The words of a grant or its threshold at a name's end (年度最高补助, 最高一次性奖励, 资金支持,
# 投入门槛) and one recipient at
# its start (单一企业, 每家企业): what is left is what the standard rewards or supports
_GRANT_TAIL = re.compile(
    r"(?:国家级|省级|市级|区级|县级|上级|本级|当?年度|每年|单一|单个|财政|后|门槛|"
    + _GRANT_ONLY.pattern.removeprefix("(?:国家级|省级|市级|区级|县级|上级|本级)?(?:财政)?")
    + r")+$"
)
_ONE_RECIPIENT = re.compile(r"^(?:单一|单个|每家|每个|每名|每位|每)")


def _says_what_it_supports(name: str) -> bool:
    """Whether a support standard's name says what it rewards or supports, not only who gets it
    (企业最高一次性奖励, 单一企业年度补助, 人才或团队支持, 企业投入门槛: for what? two awards to
    企业 read alike):
    with the grant's words set aside, more than a bare class (`_BARE_CLASS`) is left."""
    core = _ONE_RECIPIENT.sub("", _GRANT_TAIL.sub("", name))
    parts = [part for part in re.split(r"或|和|及|与|、", core) if part]
    return len(core) >= 2 and not all(_BARE_CLASS.fullmatch(part) for part in parts)


def names_its_subject(name: str, unit: str = "", kind: str = "") -> bool:
    """Whether `name`, without what a table adds to it (`_NOT_SUBJECT_START`, `_NOT_SUBJECT_END`),
    still says what was counted: not a bare class (重点企业, 累计企业), not a bare measure
    (出资额增速: `is_generic`), not a verb cut before its object's number (包揽全省); and for a
    percentage or a multiple, says it is a rate, a share or a change (`_RATE_IN_NAME`; a change
    row's 增速 or 增减 says so in the row)."""
    if _SCOPE_END.search(name):
        return False
    if kind == "provision" and not _says_what_it_supports(name):
        return False
    if unit in _RATE_UNITS and kind not in CHANGE_KINDS and not _RATE_IN_NAME.search(name):
        return False
    core = _NOT_SUBJECT_START.sub("", name)
    core = _NOT_SUBJECT_END.sub("", core) or core
    if _EACH.match(core) or _several_things(core):
        return False
    if core.endswith("之比") and not re.search(r"与|同|和", core):
        return False  # a ratio with one of its terms (国内生产总值之比: what to it, the row lost)
    if (share := _SHARE_PART.match(core)) is not None:
        core = share["part"]
    core = _COUNT_MEASURE.sub("", core) or core
    # (a short core may be a word of its own: 城镇新增就业 is 就业, and says what was counted)
    if len(core) < 2 or is_generic(core):
        return False
    return not _BARE_CLASS.fullmatch(core)


def is_named(name: str) -> bool:
    """Whether a name says what was counted. Not: empty, shorter than 3 characters (企业, 人才,
    专利: counted, but of what?), a bare measure word (经费), a level alone (国家级), a fragment
    starting or ending with a function word or punctuation, a clause (a comparison or a clause
    break inside, a predicate at its start or a change verb at its end), a name holding a figure
    of its own (分7章), a word said twice over a join (新增总数总数), or a clipped quote (an opening mark without its closing one, or the
    reverse)."""
    if len(name) < 3 or is_generic(name) or _LEVEL_ONLY.match(name):
        return False
    if (
        _GRANT_ONLY.fullmatch(name)
        or _BARE_COUNT.fullmatch(name)
        or _EXAMPLE_ONLY.fullmatch(name)
        or _LEVEL_END.search(name)
    ):
        return False  # 科研经费补助, 立项数, 典型案例, 行业级: of what, the name does not say
    if name[0] in _BAD_START or name[-1] in _BAD_END or _CLAUSE_IN_NAME.search(name):
        return False
    if any(True for _ in find_quantities(name)):
        return False  # a figure inside the name (分7章): a clipped clause
    if _DOUBLED.search(name):
        return False
    return all(name.count(a) == name.count(b) for a, b in _QUOTES if a != b)


@dataclass(frozen=True)
class ThemeFigures:
    """One theme's key figures: three ledger frames, best first."""

    results: pd.DataFrame
    targets: pd.DataFrame
    standards: pd.DataFrame


def _unit_weight(unit: str) -> int:
    if "亿" in unit:
        return 3
    if "万" in unit or unit == "%":
        return 2
    return 1


_SHARE_NAME = re.compile(r"占比|比重|比例|占[^，,；;]{1,20}的?$")


def _ranked(rows: pd.DataFrame, limit: int) -> pd.DataFrame:
    if rows.empty:
        return rows
    scored = rows.assign(
        score=rows["unit"].map(_unit_weight)
        + (rows["metric"].str.len() >= 4).astype(int)
        # a figure without its year is hard to use anywhere: the year weighs most after the unit
        + 2 * rows["year"].notna().astype(int)
        # a five-year span (2021—2025) dates a total less closely than a year does
        + (rows["year"].isna() & (rows.get("period", "") != "")).astype(int)
        + (rows["scope"] != "").astype(int)
        # a rate or a share says less than the amount it is of (青年人才年均增幅23% under 人才,
        # 基础研究经费占比4.2%): it heads a table only when no amount or count is as well named;
        # so does a change (R&D经费投入比上年增加19.53亿元 beside the 100.66亿元 it qualifies)
        - (rows["kind"].isin(CHANGE_KINDS) | rows["metric"].str.contains(_SHARE_NAME)).astype(int)
    )
    # a name that says the theme (技术合同成交额 under 成果转化) heads it before one that only
    # stands in its sentence (a loan in a sentence on 科技成果转化)
    on_theme = rows["on_theme"].astype(bool) if "on_theme" in rows else False
    # one firm's loan (首笔300万元…发放至某公司) tells a story: listed last, never the headline
    single = rows["single"].astype(bool).astype(int) if "single" in rows else 0
    # (as much as a known year: a loan whose year is known does not head 成果转化 for it)
    scored = scored.assign(score=scored["score"] + 2 * on_theme - 9 * single, on_theme=on_theme)
    # an earlier year of a metric the table also gives for a later one (从2020年的59.64亿元增长到
    # 2023年的85.5亿元): the latest heads the table, the earlier follows it
    years = pd.to_numeric(rows["year"], errors="coerce").astype("float64")
    same_metric = rows["metric"].astype(str) + "\x00" + rows["scope"].astype(str)
    stale = (years < years.groupby(same_metric).transform("max")).astype(int)
    # one metric for one year in several places (技术合同成交额 2023: 重庆市 865.1亿元, 科学城
    # 197亿元): at equal scores the whole comes before its part, the larger before the smaller
    same_year = rows["metric"].astype(str) + "\x00" + years.astype(str) + "\x00" + rows["base_unit"]
    base = pd.to_numeric(rows["base_value"], errors="coerce").astype("float64")
    part = (base < base.groupby(same_year).transform("max")).astype(int)
    scored = scored.assign(score=scored["score"] - stale, part=part)
    return (
        scored.sort_values(
            ["score", "on_theme", "part", "first_source"],
            ascending=[False, False, True, True],
            kind="stable",
        )
        .drop(columns="part")
        .head(limit)
    )


# quantifiers before a noun that narrow nothing: 各类子基金 is 子基金
_VAGUE_PREFIX = re.compile(r"^(?:各类|各级|各项|各种|相关|有关|一批)")


# a money measure word ending a name: 贷款, 金额, 经费 ... (贷款余额, 融资额, 合同金额)
_MONEY_NAME = re.compile(r"(?:贷款|金额|资金|经费|投资|投入|融资|余额|总额|成交额|交易额)$")
_COUNT_UNITS = frozenset("家户个项人名所次件支")


def _money_name_on_a_count(row: object) -> bool:
    """A count (18户, 4家) under a name that ends in a money word (重点科技企业贷款): the name
    belongs to the amount beside it (带动18户重点科技企业贷款3.53亿元), not to what was counted."""
    unit, metric = (str(getattr(row, name)) for name in ("unit", "metric"))
    return unit.rstrip("（）()次") in _COUNT_UNITS and bool(_MONEY_NAME.search(metric))


def _count_of_a_clause(row: object) -> bool:
    """A count (4家, 8家) whose quote ends on a name the sentence goes on from (共为4家科技型中小微
    企业提供贷款1150万元, 争取将8家合作银行纳入…, 23家规上企业R&D投入3.27亿元): the firms are who
    received or did what follows, and the name (科技型中小微企业) does not say so."""
    unit, text = (str(getattr(row, name)) for name in ("unit", "text"))
    if unit.rstrip("（）()次") not in _COUNT_UNITS or not bool(getattr(row, "runs_on", False)):
        return False
    return not text.rstrip().endswith(unit)


# a word joined to the name by 和, 及, 与 or 、 right before it in its quote ("服务和管理人员总数"):
# the name is the last part of a longer one, cut after the joint (not after a figure: "新增A 50家、
# B 100家" lists two names)
_JOINT_BEFORE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:和|及|与|或|、)$"
    # (or its other half is in the clause before: "…经费支出15500亿元，与国内生产总值之比为2.08%")
    r"|(?:^|[，,；;])(?:与|和|及|同)$"
)
_NUMBER_WORD_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十两第]$")
# (a unit or a time a number takes: not an item number before a name, "1研究与试验发展经费…")
_AFTER_A_NUMBER = frozenset("年月日天周季期批次届个项家名人位")
_FIGURE_BEFORE = re.compile(r"[0-9][^0-9]{0,3}(?:和|及|与|或|、)$")


def _cut_after_a_joint(row: object) -> bool:
    """A name its quote joins to a word before it (服务和管理人员总数 2.2万人 named 管理人员总数): the
    count is of both, and the row names half of what was counted. Not a name a list hands its own
    figure ("高新技术企业、科技型中小企业分别达到905家、8796家")."""
    text, stated = (str(getattr(row, name, "") or "") for name in ("text", "stated"))
    at = text.find(stated) if stated else -1
    if at <= 0 or "分别" in text:
        return False
    lead = text[:at]
    if _NUMBER_WORD_BEFORE.search(lead) and stated[0] in _AFTER_A_NUMBER:
        return True  # a name begun inside a number's phrase ("5年预计支出" named 年预计支出)
    return _JOINT_BEFORE.search(lead) is not None and _FIGURE_BEFORE.search(lead) is None


def _vague_count(row: object) -> bool:
    """A plain count (个, 项, 次…) with no year or span and a short name (项目合作 15项, 决策咨询
    4次, 各类子基金 30支): counted, but of what and when the text does not say; no key figure.
    The name is measured as the text gave it: 累计 and a verb `table_name` put before it
    (累计设立子基金 from 累计设立9支子基金) lengthen it, not narrow it."""
    unit, year, metric = (getattr(row, name) for name in ("unit", "year", "metric"))
    period = str(getattr(row, "period", "") or "")
    if _unit_weight(str(unit)) > 1 or not pd.isna(year) or period:
        return False
    name, stated = str(metric), str(getattr(row, "stated", "") or "")
    if stated and name.endswith(stated):
        name = stated
    return len(_VAGUE_PREFIX.sub("", name)) <= 5


# 分别完成年度标线任务的199.7%、205.9%: how much of a task was done, not what was counted
# (超额完成71%: by how much a task was exceeded, the task unnamed)
_COMPLETION = re.compile(
    r"完成[^，,。；;]{0,12}(?:任务|目标|计划)(?:数)?的|超额完成\s*[\d.]+\s*[%％]"
)
# the upper end of a range (给予300至500万元的贷款额度): one bound of a span, not an amount given
_RANGE_END = re.compile(r"\d\s*(?:至|到|~|～|—|－|-)\s*$")
# 入围全国首批10家…试点 / 全国13家…之一: the size of a list the place joined, not its own count
_LIST_SIZE = re.compile(
    r"首批\s*[\d.]+\s*(?:家|个|所|座|名|项)|[\d.]+\s*(?:家|个|所|座|名|项)[^，,。；;]{0,24}之一"
    # "A、B、C等14类国家级科技创新平台": how many kinds a list names, not how many of them there are
    r"|等\s*[\d.]+\s*类"
)


# 每引进1个…团队，给予最高10万元: the unit a grant is counted per, not a count. Only a count of
# things or people after 每 and a verb; 每年安排1亿元 and 每季度1次 are amounts and frequencies.
_PER_UNIT = re.compile(r"每(?![年季月周日天])[^，,。；;\d]{0,6}$")
_PER_UNIT_COUNTS = frozenset("个家名人项支位所")


# A count right after a list of names that it sums up, before the class they are of ("支持甲、乙、丙3个
# 省实验室高效运营", "做大稻米、果蔬和水产3个千亿级产业"): in a plan it is the size of the list of things
# the plan acts upon, which it names, not a number to reach. Not after 等 (the list gives examples of
# more), not a list of levels (国家级、省级20个重点实验室: how many are to be won), not a count the class
# comes before (新增创新型、专精特新中小企业70家). The count must follow the last name itself: a last
# item longer than every item before it, or ending on a made-verb, holds more than a name (在人工智能、
# 集成电路领域布局建设10个…, 围绕光电子信息、汽车制造培育5个…: the fields a target is set in).
_NAMED_LIST_END = re.compile(
    r"、(?:[^、，,；;。：:0-9]{0,12}(?:和|及|与))?(?P<last>[^、，,；;。：:0-9等]{1,12})(?<![级等])$"
)
_CLASS_AFTER = re.compile(r"\s*(?:余|多|左右|以上)?(?![以左余多])[\u4e00-\u9fff]")
_LIST_ITEM_BREAK = re.compile(r"[、和及与]")


def _size_of_a_named_list(row: object) -> bool:
    """A target count that only says how many things the list before it names (`_NAMED_LIST_END`)."""
    text, unit, value, kind = (
        str(getattr(row, name)) for name in ("text", "unit", "value", "kind")
    )
    if kind != "target" or unit.rstrip("（）()次") not in _COUNT_UNITS:
        return False
    number = format_number(float(value))
    folded = text.translate(_FULLWIDTH)
    at = folded.rfind(number)
    if at <= 0 or (m := _NAMED_LIST_END.search(folded, 0, at)) is None:
        return False
    last = m["last"]
    earlier = _LIST_ITEM_BREAK.split(_CLAUSE_BREAK.split(folded[: m.start("last")])[-1])
    if _MADE_BEFORE.search(last) or len(last) > max(len(item) for item in earlier):
        return False
    after = folded[at + len(number) :].lstrip(" ")
    return after.startswith(unit) and _CLASS_AFTER.match(after, len(unit)) is not None


def _not_a_count_of_its_own(row: object) -> bool:
    """A row whose figure is a task's completion rate (完成年度任务的199.7%, 超额完成71%), the
    upper end of a range (给予300至500万元的贷款额度), the size of a list the place entered
    (入围全国首批10家科技金融创新服务中心) or the one unit a standard is counted per (每引进1个
    省市创新创业团队…给予最高10万元支持): its name, taken from the sentence, does not say what
    the number is."""
    text, unit, value = (str(getattr(row, name)) for name in ("text", "unit", "value"))
    if unit in ("%", "％") and _COMPLETION.search(text):
        return True
    number = format_number(float(value))
    at = text.translate(_FULLWIDTH).rfind(number)
    if at > 0 and _RANGE_END.search(text[:at]):
        return True
    if at > 0 and float(value) == 1 and unit in _PER_UNIT_COUNTS and _PER_UNIT.search(text[:at]):
        return True
    return bool(_LIST_SIZE.search(text))


def _significant(value: float) -> int:
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
    return len(digits)


def _restatements(rows: pd.DataFrame) -> set[int]:
    """Index labels of money amounts a document gives again rounded: another row of the same
    document, family, place and year holds a value within 1.5 % with more digits (突破600亿元
    in a news item's lead, 601.08亿元 in its body). Two rows of one thing would read as two
    items in the table and two bars on the chart.

    A row is compared only with the rows of its group (document, place, year, family) that have
    more digits than it and lie near it, found by bisection in the group's values sorted per
    number of digits (most digits first: those are never dropped themselves). Comparing every
    pair of rows took two minutes for 1000 amounts and hours for an input of tens of thousands
    (a month of 50 000 short notices, or files of sentences each with an amount). Which rows are
    dropped is as before: a row goes when a near row of more digits, not dropped itself, exists
    when it is looked at (in the rows' order)."""
    money = rows.loc[rows["base_unit"] == "元"] if not rows.empty else rows
    Key = tuple[int, str, str, str]
    order: list[tuple[Hashable, Key, float, int]] = []
    # group -> digits -> [(value, label)] sorted by value
    groups: dict[Key, dict[int, list[tuple[float, Hashable]]]] = {}
    columns = ("first_source", "scope", "year", "metric", "base_value")
    for label, source, scope, year, metric, base in zip(
        money.index, *(money[c] for c in columns), strict=True
    ):
        key = (int(source), str(scope), str(year), metric_family(str(metric)))
        value = float(base)
        digits = _significant(value)
        order.append((label, key, value, digits))
        if not math.isnan(value):  # a NaN is near nothing
            groups.setdefault(key, {}).setdefault(digits, []).append((value, label))
    levels = {
        key: [(d, sorted(members, key=lambda m: m[0])) for d, members in sorted(by.items())][::-1]
        for key, by in groups.items()
    }
    values = {
        key: {d: [m[0] for m in members] for d, members in found} for key, found in levels.items()
    }
    dropped: set[Hashable] = set()
    for label, key, value, digits in order:
        if math.isnan(value):
            continue
        reach = 0.015 * max(value, 1.0)
        if _restated(label, value, digits, reach, levels[key], values[key], dropped):
            dropped.add(label)
    return dropped  # type: ignore[return-value]


def _restated(
    label: Hashable,
    value: float,
    digits: int,
    reach: float,
    levels: list[tuple[int, list[tuple[float, Hashable]]]],
    values: dict[int, list[float]],
    dropped: set[Hashable],
) -> bool:
    """Whether a row of more digits than `digits`, within `reach` of `value` and not dropped,
    is among `levels` (a group's rows by number of digits, most first)."""
    for level, members in levels:
        if level <= digits:
            return False
        # a slightly wider window, then the exact test: rounding must not lose a boundary case
        lo = bisect.bisect_left(values[level], value - reach * 1.000001)
        hi = bisect.bisect_right(values[level], value + reach * 1.000001)
        for other_value, other_label in members[lo:hi]:
            near = abs(other_value - value) <= reach
            if near and other_label != label and other_label not in dropped:
                return True
    return False


_FORECAST = re.compile(r"预计|有望|预期|估计")

# Papers written or handled (出台3条措施, 制定5个文件, 办理人大代表建议68件, 政府部门权力清单
# 5030项): how much paperwork, not what it achieved; the workbook keeps them
_PAPERWORK = re.compile(
    r"(?:措施|举措|文件|政策|办法|意见|方案|制度|细则|条例|规定|通知|清单|规划|指南|建议|提案|议案)"
    r"[”」》]?$"
)
_PAPER_UNITS = frozenset("条项个件份篇部套批")


def _counts_papers(row: object) -> bool:
    """A count of documents, policies, measures or proposals (`_PAPERWORK`): no key figure."""
    unit, metric = (str(getattr(row, name)) for name in ("unit", "metric"))
    return unit in _PAPER_UNITS and bool(_PAPERWORK.search(metric))


def _undated_twice(rows: pd.DataFrame) -> pd.Series:
    """Rows whose year the text does not give, when another row gives the same name, place, kind
    and value with its year or span (研究与试验发展经费支出占地区生产总值比重 0.18%, once from a
    list with no date, once from the sentence dated 2020): one figure, shown once, dated."""
    period = rows["period"].fillna("") if "period" in rows else pd.Series("", index=rows.index)
    dated = rows["year"].notna() | (period.astype(str) != "")
    key = (
        rows["metric"].astype(str)
        + "\x00"
        + rows["scope"].astype(str)
        + "\x00"
        + rows["kind"].astype(str)
        + "\x00"
        + rows["base_value"].astype(str)
        + rows["base_unit"].astype(str)
    )
    has_dated = dated.groupby(key).transform("any")
    return ~dated & has_dated


def _told_apart_by_nothing(rows: pd.DataFrame) -> pd.Series:
    """Rows one document gives two values under one name, of one kind, with the same place and
    year in their cells (市 2% and 县 1% both named 财政科技支出占比, of the document's place): a
    leader cannot tell which is which, so neither is shown. An estimate beside what was done
    (预计75亿元, 62.3亿元: its cell says 预计) and a year's figure beside another year's are told
    apart (an estimate among results only: two targets, one said 预计, are two aims of one name); several documents' values are a disagreement the table marks (※), not this."""
    said = rows["forecast"] if "forecast" in rows else pd.Series(False, index=rows.index)
    forecast = [
        # (an estimate is told apart from a result of its name only: two targets, one of them
        # said 预计, are still two aims under one name)
        (bool(f) or bool(_FORECAST.search(cell_value(str(t), float(v), str(u)))))
        and k in RESULT_KINDS
        for t, v, u, f, k in zip(
            rows["text"], rows["value"], rows["unit"], said, rows["kind"], strict=True
        )
    ]
    keys = pd.DataFrame(
        {
            "source": rows["first_source"].astype(str),
            "metric": rows["metric"],
            "kind": rows["kind"],
            "scope": rows["scope"].astype(str),
            "year": rows["year"].astype("string").fillna(rows.get("period", "")).astype(str),
            "forecast": forecast,
        },
        index=rows.index,
    )
    values = rows["value"].astype(str) + rows["unit"].astype(str)
    distinct = values.groupby([keys[c] for c in keys.columns]).transform("nunique")
    return distinct > 1


def pick_figures(ledger: pd.DataFrame, theme: str, limit: int) -> ThemeFigures:
    """The key-figures rule, documented in docs/templates.md:

    only figures listed under this theme whose name says what was counted (`is_named`, and without
    what a table adds to it, `names_its_subject`: no bare class or measure, no rate without a rate
    word, not several things or each of several places, `_several_things`, `_EACH`; nor half of a
    name its quote cut, `_cut_after_a_joint`) and that
    are not a vague count (`_vague_count`: a plain count with no year and a short name), a task's
    completion rate or a list's size (`_not_a_count_of_its_own`), or a money amount the same
    document gives again with more digits (`_restatements`), nor two values of one quote under
    one name (存贷款余额分别达38.7万亿元、29.9万亿元: which is which, the name does not say), nor
    two values one document gives under one name, kind, place and year (`_told_apart_by_nothing`),
    nor a count of papers (`_counts_papers`: 出台政策措施5条), nor an undated row another row
    gives with its year (`_undated_twice`);
    a support standard's name says what it rewards (`_says_what_it_supports`); the
    names are those `table_name` gave (subject + measure, or empty when the text names none); results,
    targets and support standards apart (at most `limit` results, half as many of the others);
    score = weight of the unit (亿… 3, 万… or % 2, other counts 1) + 1 for a name of 4+
    characters + 2 when the year is known (+ 1 for a five-year span alone, 2021—2025) + 1 when
    the place is known + 2 when the name holds
    one of the theme's terms (技术合同成交额 under 成果转化) - 1 for a growth rate, a change or a share
    (占比, 比重: less than the amount it is of) - 1 for a year earlier than the latest the table
    gives for the same metric and place, and a figure about one firm or deal
    (首笔…发放至某公司) after all others; best first, ties: a name holding the theme's terms
    first, then source order.
    """
    rows = ledger.loc[ledger["theme"] == theme] if not ledger.empty else ledger
    if not rows.empty:
        # (a change is named after its total: the total's name must say what was counted)
        rows = rows.loc[
            [
                is_named(change_base(m, k)) and names_its_subject(m, u, k)
                for m, k, u in zip(rows["metric"], rows["kind"], rows["unit"], strict=True)
            ]
        ]
        rows = rows.loc[
            [
                not _vague_count(r)
                and not _not_a_count_of_its_own(r)
                and not _size_of_a_named_list(r)
                and not _money_name_on_a_count(r)
                and not _count_of_a_clause(r)
                and not _cut_after_a_joint(r)
                and not _counts_papers(r)
                for r in rows.itertuples(index=False)
            ]
        ]
        if not rows.empty:
            rows = rows.loc[~_undated_twice(rows)]
        rows = rows.drop(index=sorted(_restatements(rows)))
        # "存贷款余额分别达38.7万亿元、29.9万亿元" read as two values of one name: which is which,
        # the name does not say
        if not rows.empty:
            values = rows.groupby(["text", "metric"])["value"].transform("nunique")
            rows = rows.loc[values < 2]
        if not rows.empty:
            rows = rows.loc[~_told_apart_by_nothing(rows)]
    few = max(3, limit // 2)

    def of(kinds: tuple[str, ...], most: int) -> pd.DataFrame:
        if rows.empty:
            return rows
        return _ranked(rows.loc[rows["kind"].isin(kinds)], most)

    return ThemeFigures(
        results=of(RESULT_KINDS, limit),
        targets=of(TARGET_KINDS, few),
        standards=of(STANDARD_KINDS, few),
    )


# --- amounts that compare -------------------------------------------------------------------------

# Families of money figures: amounts of one family, place and year can share a chart's axis;
# a loan total beside a fund's size or a lab's yearly grant would compare unlike things.
_FAMILIES = (
    ("经费投入", ("经费", "资金", "投入", "补贴", "奖励", "资助", "拨款")),
    ("交易额", ("成交额", "合同金额", "交易额", "转化金额")),
    ("融资额", ("贷款", "融资", "授信", "担保")),
    ("基金规模", ("基金", "认缴", "募资")),
    ("产出", ("产值", "营收", "营业收入", "收入", "生产总值", "销售额", "产出")),
)
MONEY_UNITS = (("万亿元", 1e12), ("亿元", 1e8), ("万元", 1e4))


def metric_family(name: str) -> str:
    """The family of a money figure's name (the last family word in it decides: 产业发展基金
    规模 is 基金规模, 科研经费补贴 is 经费投入); the name itself when none fits."""
    best, at = name, -1
    for family, words in _FAMILIES:
        for word in words:
            position = name.rfind(word)
            if position > at:
                best, at = family, position
    return best


def money_unit(largest: float) -> tuple[str, float]:
    """The unit a chart of money amounts reads best in: 万亿元, 亿元 or 万元 by the largest."""
    for unit, scale in MONEY_UNITS:
        if largest >= scale:
            return unit, scale
    return MONEY_UNITS[-1]


def _without_total(money: pd.DataFrame, positions: list[int]) -> list[int]:
    """`positions` without the one amount that is the whole of the others: the sum of all of them
    (within 0.5 %, as rounded parts add up), when there are at least two others; or at least their
    sum when all of them (two or more) come from one breakdown quote that is not its own (企业、政府
    所属研究机构、高等学校…R&D经费分别为29.31亿元、58.31亿元…, of which the table may list only
    some)."""
    if len(positions) < 2:
        return positions
    values = [float(money.iloc[p]["base_value"]) for p in positions]
    quotes = [str(money.iloc[p]["text"]) for p in positions]
    total = sum(values)
    for position, value, quote in zip(positions, values, quotes, strict=True):
        rest = total - value
        others = {q for p, q in zip(positions, quotes, strict=True) if p != position}
        if len(positions) >= 3 and rest > 0 and abs(value - rest) <= 0.005 * value:
            return [p for p in positions if p != position]
        breakdown = len(positions) >= 3 and len(others) == 1 and quote not in others
        if breakdown and value >= rest * 0.995:
            return [p for p in positions if p != position]
    return positions


# an amount per firm, person or item (企业户均融资额, 人均经费, 单个项目资助): an average, no total
_AVERAGE = re.compile(r"户均|人均|平均|亩均|单个|单项|单家|每家|每个|每项|每户|每人|每名")


def _one_breakdown(money: pd.DataFrame, positions: list[int]) -> list[int]:
    """The parts of one breakdown among `positions`, when three or more of them add up to another
    (within 0.5 %) and the rest belong to neither (四川: 研究与试验发展经费投入 1215亿元 =
    基础研究 71.8 + 应用研究 195.3 + 试验发展 947.9, beside 企业 732.7, 高技术制造业 223.4 and
    规模以上工业企业 530.1, which cut across them): drawn together, a bar would be a total, another
    a part of it, a third a slice of several; the breakdown alone compares like with like. The
    largest total with such parts, the most parts, first met; `positions` when none adds up."""
    if not 5 <= len(positions) <= 12:
        return positions
    values = {p: float(money.iloc[p]["base_value"]) for p in positions}
    for total in sorted(positions, key=lambda p: -values[p]):
        others = [p for p in positions if p != total and values[p] < values[total]]
        for size in range(len(others), 2, -1):
            for parts in itertools.combinations(others, size):
                if abs(sum(values[p] for p in parts) - values[total]) <= 0.005 * values[total]:
                    return list(parts)
    return positions


def _unmatched_total(money: pd.DataFrame, positions: list[int]) -> bool:
    """Whether one of the amounts, all from one document, is roughly (within 10 %, not within
    the 0.5 % of `_without_total`) the sum of the others: a total beside parts that do not make it
    up (六盘水: 全社会R&D经费 11.98亿元 beside 基础研究 0.10 and 应用研究 0.28 of one breakdown,
    企业 11.67 and 高等学校 0.26 of another), or an amount its quote calls a part (其中…) beside a
    larger one of its document, or twice over the sum of the others (two whole breakdowns).
    Drawn, the total would be one more category and the parts a whole; no chart is honest, the
    table lists them all."""
    values = [float(money.iloc[p]["base_value"]) for p in positions]
    sources = [int(money.iloc[p]["first_source"]) for p in positions]
    # 其中规模以上工业企业R&D经费支出123.5亿元: a part of a larger amount of its document
    for p, value, source in zip(positions, values, sources, strict=True):
        if str(money.iloc[p]["text"]).lstrip().startswith("其中") and any(
            s == source and v > value for v, s in zip(values, sources, strict=True)
        ):
            return True
    if len(positions) < 3 or len(set(sources)) > 1:
        return False
    total = sum(values)
    if any(total - v > 0 and abs(v - (total - v)) <= 0.1 * v for v in values):
        return True
    # a total beside two whole breakdowns of it (中山: R&D经费 100.66亿元, 基础研究 0.4 + 应用研究 1.5
    # + 试验发展 98.75, and 企业 94.9 + 科研机构 4.91 + 高等院校 0.61): the others add up to it twice
    return len(positions) >= 5 and any(abs(v - (total - v) / 2) <= 0.01 * v for v in values)


# the amount of a whole place or of all society, not of a programme, a sector or a body
_AREA_TOTAL = re.compile(r"^(?:全社会|全市|全省|全区|全县|全州|全盟|全国|全行业)|总量$")


def _without_area_total(money: pd.DataFrame, positions: list[int]) -> list[int]:
    """`positions` without the amounts of a whole area (`_AREA_TOTAL`: 全社会研发投入总量) when
    amounts that are not (a programme's fund, a sector's spending) are among them."""
    whole = [p for p in positions if _AREA_TOTAL.search(str(money.iloc[p]["metric"]))]
    if not whole or len(whole) == len(positions):
        return positions
    return [p for p in positions if p not in whole]


def _partial_breakdown(money: pd.DataFrame, positions: list[int]) -> bool:
    """Whether the amounts at `positions` all come from one quote that lists more amounts than
    they are (企业、政府所属研究机构、高等学校和其他主体R&D经费分别为…: four, two of them here)."""
    quotes = {str(money.iloc[p]["text"]) for p in positions}
    if len(quotes) != 1:
        return False
    amounts = sum(1 for q in find_quantities(next(iter(quotes))) if q.unit.endswith("元"))
    return amounts > len(positions)


@dataclass(frozen=True)
class AmountGroup:
    """Money results of one family, place and year: what one amount chart may draw."""

    family: str
    scope: str
    year: int
    unit: str
    scale: float
    rows: pd.DataFrame


def _distinct_names(money: pd.DataFrame, rows: list[int]) -> list[int]:
    """`rows` without those whose metric another row of the group shares with another value."""
    values: dict[str, set[float]] = {}
    for position in rows:
        row = money.iloc[position]
        values.setdefault(str(row["metric"]), set()).add(float(row["base_value"]))
    return [p for p in rows if len(values[str(money.iloc[p]["metric"])]) == 1]


def comparable_amounts(results: pd.DataFrame, least: int = 2) -> AmountGroup | None:
    """The largest group of a theme's result rows (the table's rows) that are money amounts
    (actual values in 元 once normalised: 万亿元, 亿元 and 万元 alike, no estimate) of one family,
    one place (a named one, or the unnamed area of one document) and one known year, without a
    whole area's amount beside others (`_without_area_total`), with only the parts of a total
    when others cut across them (`_one_breakdown`), no mark passed (突破2万亿元) and no average
    (`_AVERAGE`), and no unnamed place in a document that names its places; ties go to the
    group met first.
    None when no group has `least` rows: nothing comparable, no chart."""
    if results.empty:
        return None
    # (an estimate is no bar beside what was done: 预计750亿元 drawn by 6.56亿元 reads as done)
    done = ~results["forecast"].astype(bool) if "forecast" in results else True
    money = results.loc[
        (results["kind"] == "actual")
        & done
        & (results["base_unit"] == "元")
        & results["year"].notna()
    ]
    # a mark passed (技术合同成交额突破2万亿元, 设立超500亿元区域基金) is no length to draw, and an
    # average (企业户均融资额 1071万元) no amount to set beside totals
    money = money.loc[
        [
            not is_mark(printed_value(str(t), float(v), str(u))) and not _AVERAGE.search(str(m))
            for t, v, u, m in zip(
                money["text"], money["value"], money["unit"], money["metric"], strict=True
            )
        ]
    ]
    groups: dict[tuple[str, str, int], list[int]] = {}
    # (documents whose figures here name their places: one that names none is of a place the
    # text leaves unsaid, 长三角 or flows abroad in a national bulletin, not the document's own)
    placed = set(results.loc[results["scope"].astype(str) != "", "first_source"].astype(int))
    for position, (_, row) in enumerate(money.iterrows()):
        # a figure whose place the text does not name is about its document's own area: it
        # compares with the other such figures of the same document only
        if not str(row["scope"]) and int(row["first_source"]) in placed:
            continue
        place = str(row["scope"]) or f"#{int(row['first_source'])}"
        key = (metric_family(str(row["metric"])), place, int(row["year"]))
        groups.setdefault(key, []).append(position)
    if not groups:
        return None
    # a total drawn beside its parts (R&D经费投入 109.61亿元 and 企业、高等学校… adding up to it)
    # reads as one more category: the parts are drawn, the whole is left to the table
    groups = {key: _without_total(money, rows) for key, rows in groups.items()}
    # a total whose parts here do not add up to it (parts of two breakdowns, some parts missing)
    groups = {key: rows for key, rows in groups.items() if not _unmatched_total(money, rows)}
    # a total, the parts that make it up and amounts that cut across them (R&D经费 1215亿元 =
    # 基础研究 + 应用研究 + 试验发展, beside 企业 and 高技术制造业 R&D经费): the breakdown is drawn
    groups = {key: _one_breakdown(money, rows) for key, rows in groups.items()}
    # the whole area's amount (全社会研发投入, 全市财政科技支出, 研发经费总量) beside programmes'
    # or sectors' amounts that do not make it up (国家基础研究项目直接经费, 市级自然科学基金): one
    # of them drawn by a bar a hundred times longer compares unlike things; the others are drawn
    groups = {key: _without_area_total(money, rows) for key, rows in groups.items()}
    # some parts of one breakdown (the table lists two of its four sectors) would read as the
    # whole of it: such a group is left to the table
    groups = {key: rows for key, rows in groups.items() if not _partial_breakdown(money, rows)}
    # two bars with one name (存贷款余额 38.7 and 29.9 from a 分别 sentence, deposits and loans)
    # cannot be told apart and read as one thing measured twice: neither is drawn
    groups = {key: _distinct_names(money, rows) for key, rows in groups.items()}
    groups = {key: rows for key, rows in groups.items() if rows}
    if not groups:
        return None
    (family, place, year), positions = max(groups.items(), key=lambda item: len(item[1]))
    if len(positions) < least:
        return None
    rows = money.iloc[positions]
    unit, scale = money_unit(float(rows["base_value"].max()))
    scope = "" if place.startswith("#") else place
    return AmountGroup(family, scope, year, unit, scale, rows)
