"""Measures as a 简报 prints them: clean sentences, and which of them are worth a leader's minute.

A measure's `text` is an exact slice of its document (the extract contract). What the briefing
prints is that slice cleaned: the enumerator (一是, （一）, 1., ①), a leading run-in heading
(加快建设高能级科创平台。) and dashes go; whitespace between Chinese characters and half-width
punctuation in Chinese text are normalised; the sentence ends in 。. Figures are never touched, so
every number printed is one the document prints.

`unsuitable()` says why a sentence is no highlight (framing, boilerplate, a slogan, a statement of
problems, too short to say anything); `substance()` scores what is left, a concrete action or result
with figures or a named programme above a generic intention. The rule is documented in
docs/templates.md (六、要点和关键数据是怎样挑出来的).
"""

from __future__ import annotations

import re

from briefing.extract.measures import (
    is_body_list,
    is_framing,
    is_generic_intention,
    is_problem_statement,
    only_roles,
)
from briefing.extract.numbering import CN_NUM, ITEM_NUMBER, strip_number
from briefing.extract.numbers import find_quantities
from briefing.extract.script import PINYIN_RESIDUE, PINYIN_SYLLABLE
from briefing.extract.text_lines import NEWS_DATELINE

_CN_NUM = CN_NUM

# Openers, tried again and again until none matches: （一） 一、 1. (1) ① 一是 其一， 第一， —— • 同时，
_OPENER_RE = re.compile(
    rf"^(?:{ITEM_NUMBER}"
    # 1 新增…: a number a page's layout left without its mark
    r"|\d{1,2}\s(?![\d％%])"
    # 一要…，二要…，三要突出抓好…: a speech's or plan's enumerator, like 一是 (not 一要素, 二要求)
    rf"|[{_CN_NUM}]{{1,3}}要(?![求素点件务闻案])[，,：:]?"
    rf"|其[{_CN_NUM}][是，,、：:]?"
    rf"|第[{_CN_NUM}]{{1,3}}[，,、：:]"
    r"|在[^，,。；;\d]{2,20}方面[，,]"
    # a list item's label before its content: “六个倍增”——…, “双倍增”行动：…, 平台建设——…
    r"|“[^“”，,。；;]{2,16}”[^“”，,。；;：:—\d]{0,6}(?:[—－\-─–]{1,3}|[：:])"
    r"|[^“”，,。；;：:—\s\d]{2,12}(?:——|－－|--)"
    # a yearbook's or a draft's run-in label in lenticular brackets: 【项目工作稳步推进】…, 【目的意义】…
    r"|【[^【】。；;]{1,20}】\s*"
    r"|[—－\-─–]{1,3}|[•·●○◆◇▲△■□★☆※>》]"
    # a news item's dateline: 绵阳新闻网讯, 本报讯（记者 张三）
    r"|[^，,。；;：:\s]{0,12}(?:网|报|台|社)讯(?:[(（][^()（）]{0,30}[)）])?"
    r"|(?:同时|此外|另外|另一方面|与此同时|总之|为此|对此|因此|其次|再次|最后|首先)[，,]"
    # a plan's time word, which its section (下一步安排) and the 本期要点's 下一步， already say
    r"|(?:下一步|下阶段|下一阶段|接下来)(?:工作中)?[，,]"
    r"|[\s,，、。；;：:．.!！?？]+)"
)
# A run-in heading before the sentence proper: 加快建设高能级科创平台。 / 强化人才支撑: — short,
# no comma, no figure, and something substantial follows.
_RUN_IN_RE = re.compile(r"^([^，,；;。：:\d]{2,22})[。：:]")
# whitespace between two characters of which one is Chinese (broken lines, PDF spacing)
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_INNER_SPACE_RE = re.compile(
    rf"(?<=[{_CJK}，。；：、“”《》（）])\s+|\s+(?=[{_CJK}，。；：、“”《》（）])"
)
_HALF_PUNCT = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
# a half-width mark next to Chinese text (not 1,200 or 12:30 between digits)
# or a comma after a percentage (超额完成33%,24项科技成果): no thousands separator follows a %
_HALF_PUNCT_RE = re.compile(rf"(?<=[{_CJK}）)”》\]%％])([,;:!?])|([,;:!?])(?=[{_CJK}（(“《])")
_PAREN_RE = re.compile(r"\(([^()]*[" + _CJK + r"][^()]*)\)")
_TRAILING_RE = re.compile(r"[\s，,；;：:、…—\-]+$")
# a clause announcing the list the sentence was cut from: …，以抓企业促抓创新，具体措施：
_LIST_INTRO_RE = re.compile(
    r"[，,](?:具体|主要)(?:措施|做法|内容|任务|举措)(?:如下|是|为|有|包括)?[\s：:]*$"
)
_DOUBLE_STOP_RE = re.compile(r"[。.]{2,}")
# a stop and a semicolon side by side (…3家。；新增…, …；。): one pause; at the end it is the 。
_MIXED_STOPS_RE = re.compile(r"(?:。[；;]|[；;]。)[。；;]*")
# who led the work, anywhere in the sentence: 2024年，全市科技系统在市委、市政府的坚强领导下，连续3年
# 入选… (a set phrase every summary has; the figures after it are the measure)
_LEADERSHIP_RE = re.compile(r"在[^，,。；;“”]{2,30}?的?(?:坚强|正确|亲切|有力)?领导下[，,]")
# a footnote mark the page prints inside the sentence: 地区生产总值[2]之比. In a 简报 it reads as a
# citation of source [2], which it is not; a year or a document number is never one or two digits
_FOOTNOTE_RE = re.compile(rf"(?<=[{_CJK}）)”》])[\[［]\d{{1,2}}[\]］]")
# the verb a purpose clause opens on (为进一步…, 为深入贯彻…, 为加快…)
_PURPOSE_VERB = (
    r"(?:进一步|深入|更好地?|全面|切实|有效|扎实|大力|着力|持续|认真|积极|加快)?"
    r"(?:贯彻|落实|推动|推进|加强|提升|提高|促进|强化|做好|确保|保障|营造|打造|优化|解决|破解|激发"
    r"|实现|助力|构建|建设|培育|发挥|深化|完善|健全|抢抓|把握|适应|满足|服务|加快|实施|打通|畅通|用好)"
)
_PURPOSE_OPENING_RE = re.compile(rf"^为了?(?:{_PURPOSE_VERB})")
# a verdict opening a sentence of figures: subject + adverb + verb, no figure of its own
_VERDICT_LEAD_RE = re.compile(
    r"^[^，,。；;\d“”《》]{3,30}(?:持续|不断|显著|明显|大幅|稳步|加速|日益|更加|逐步|竞相|蓬勃|全面)"
    r"[\u4e00-\u9fff]{1,4}[，,]"
)
# leading guidance clauses that say why, not what: 深入贯彻落实…精神，/ 按照…部署要求，
_GUIDANCE_RE = re.compile(
    r"^(?:深入|认真|全面)?(?:学习)?贯彻(?:落实)?[^，,。]{0,50}?(?:精神|部署|要求|指示)[，,]"
    r"|^(?:按照|根据|围绕|立足|紧紧围绕)[^，,。]{0,40}?(?:要求|部署|精神|安排)[，,]"
    # a purpose clause without figures: 为强化科技企业金融要素保障，
    r"|^为了?[^，,。；;\d]{2,30}[，,]"
    # however long, when a verb of aim opens it (为深入贯彻落实…关于…的重要论述和…精神，); 为 before
    # a noun (为企业提供…, 为300家企业发放…) is whom the action is for, which stays
    rf"|^为了?(?:{_PURPOSE_VERB})[^，,。；;]{{0,80}}?[，,]"
    # a means or focus named before the action: 以高端人才培养引进为抓手，
    r"|^以[^，,。；;\d]{2,20}为(?:抓手|重点|引领|核心|突破口|主线|契机|牵引)[，,]"
    # a news item's attribution: 日前，记者从有关部门了解到，/ 据悉，
    r"|^(?:(?:日前|近日|近期)[，,]?)?(?:记者)[^，,。；;]{0,20}?(?:了解到|获悉|得知)[，,]"
    r"|^(?:(?:日前|近日|近期)[，,]?)?据(?:悉|了解|介绍)[，,]"
    # an attribution of the figures: 据省局反馈数据显示，/ 据统计，
    r"|^据[^，,。；;\d]{0,20}?(?:显示|统计|反馈|测算)[，,]"
    # who said it: 新区市监分局相关负责人表示，下一步，…
    r"|^[^，,。；;\d“”]{2,30}(?:表示|指出|介绍说?|强调)[，,：:]"
    # the rest of a purpose run on before the time frame the facts start from:
    # (为进一步提升发展质量，)全面深化供给侧结构性改革，近年来，…
    r"|^(?:深入|全面|持续|不断|进一步|大力|加快)[^，,。；;\d]{2,20}[，,]"
    r"(?=(?:近年来|近几年来?|今年以来|\d{4}年(?:以来)?)[，,])"
)


# a period opening a sentence as a label: 2023-2025年：, 2024年，
_TIME_LABEL_RE = re.compile(r"^(\d{4}(?:[-—–至]\d{4})?年(?:以来|底|末|上半年|全年)?)[：:，,]")


def clean_sentence(text: str) -> str:
    """The measure as printed in a highlight: one clean sentence ending in 。."""
    s = text.strip()
    if dateline := NEWS_DATELINE.match(s):
        s = s[dateline.end() :]  # before the spaces go: 新华社北京3月5日电 ends at its space
    s = _INNER_SPACE_RE.sub("", s)
    if "|" in s:
        # a row of a table kept as text (|序时推进|143|开展…活动。, 市科技局|组织开展…): its other
        # cells (status, row number, who is responsible) are no part of the sentence
        s = max(s.split("|"), key=_content).strip()
    if "[" in s or "［" in s:
        s = _FOOTNOTE_RE.sub("", s)
    if "(" in s:
        # a mirror's conversion residue (研發(fā)經(jīng)費): the pinyin is no part of the sentence
        s = PINYIN_RESIDUE.sub("", s)
    s = _PAREN_RE.sub(r"（\1）", s)
    s = _HALF_PUNCT_RE.sub(lambda m: _HALF_PUNCT[m.group(1) or m.group(2)], s)
    s = _strip_openers(s)
    # 二是加快建设高能级科创平台。超瞬态实验装置…: the item's title goes, its content stays
    while (m := _RUN_IN_RE.match(s)) and _content(s[m.end() :]) >= 12:
        s = _strip_openers(s[m.end() :])
    while (
        (m := _GUIDANCE_RE.match(s))
        and _content(s[m.end() :]) >= 12
        and not (s.startswith("为") and closes_frame(s[m.end() :]))
    ):
        # …负责人表示，下一步，…: what the speaker's clause hid may itself be an opener
        s = _strip_openers(s[m.end() :])
    if (m := _VERDICT_LEAD_RE.match(s)) and has_figure(re.split(r"[，,；;。]", s[m.end() :])[0]):
        # 在良好生态孕育下创新创造活力持续迸发，全社会研发投入达2236.6亿元: the verdict goes,
        # the figures that bear it out stay
        s = s[m.end() :]
    if (m := _TIME_LABEL_RE.match(s)) and (rest := _strip_openers(s[m.end() :])) != s[m.end() :]:
        # 2023-2025年：在提升创新实力方面，…: the period stays, the label after it goes
        s = f"{m.group(1)}，{rest}"
    if "领导下" in s:
        s = _LEADERSHIP_RE.sub("", s)
    s = _DOUBLE_STOP_RE.sub("。", s)
    s = _MIXED_STOPS_RE.sub("；", s)
    s = _LIST_INTRO_RE.sub("", s.rstrip("。"))
    s = _TRAILING_RE.sub("", s)
    s = balance_marks(s)
    if s and s[-1] not in "。！？":
        s = s.rstrip(".") + "。"
    return s


# what closes a frame opened by 为 (为…提供强有力的科技人才支撑, 为…奠定坚实基础): the 为 and all
# between belong to it
_FRAME_CLOSE_RE = re.compile(
    r"(?:提供|奠定|作出|做出|贡献|注入|打下|创造|营造)了?[^，,；;。]{0,24}"
    r"(?:支撑|保障|基础|条件|动力|力量|贡献|环境|服务|支持|活力|氛围|经验|样板)[。；;]?$"
)


def closes_frame(text: str) -> bool:
    """Whether `text` ends on the close of a 为-frame opened before it: its last clause says what
    was provided (…提供强有力的科技人才支撑) and no 为 of its own opens the clause's object. What a
    purpose clause (为奋力推进…行动，) leaves would end in a dangling …提供…支撑 whose start was cut."""
    last = re.split(r"[，,；;]", text.rstrip("。；;"))[-1]
    return bool(_FRAME_CLOSE_RE.search(last)) and "为" not in last


def without_enumerator(quote: str) -> str:
    """A figure's quote as the 原文 cell prints it: the list enumerator or article number it was
    cut with (3.大中型工业企业…建有率92%, （二）…, 第四条引导基金规模为20亿元) goes, the quote itself
    is kept as printed."""
    return strip_number(quote)


def _strip_openers(s: str) -> str:
    # a news item's dateline with its day and byline (经济日报北京10月3日讯（记者熊丽）) is the
    # outlet's, not the measure's: the same pattern that reads the outlet as the publisher
    while ((m := _OPENER_RE.match(s)) and m.end() > 0) or (m := NEWS_DATELINE.match(s)):
        s = s[m.end() :]
    return s


def balance_marks(s: str) -> str:
    """A clause cut from a list can keep “ without its ” (or 《 without 》): drop the stray mark."""
    for left, right in (("“", "”"), ("《", "》"), ("（", "）")):
        if left not in s and right not in s:
            continue
        open_at: list[int] = []
        stray: list[int] = []
        for i, ch in enumerate(s):
            if ch == left:
                open_at.append(i)
            elif ch == right:
                if open_at:
                    open_at.pop()
                else:
                    stray.append(i)
        drop = set(stray + open_at)
        if drop:
            s = "".join(ch for i, ch in enumerate(s) if i not in drop)
    return s


_CONTENT_CHAR_RE = re.compile(rf"[0-9A-Za-z{_CJK}]")


def _content(text: str) -> int:
    return len(_CONTENT_CHAR_RE.findall(text))


# --- what is no highlight -------------------------------------------------------------------------

# Set phrases that leave a measure no highlight (framing itself is the extraction's rule,
# `extract.measures.is_framing`, applied first; these are what it keeps as measures): how seriously
# a matter is taken, thanks and contacts of a reply, the ideology formula's names, a notice's
# instruction to its recipients in mid-sentence.
_BOILERPLATE_RE = re.compile(
    r"高度重视|政治站位|认真研究|感谢|关心和支持|关心支持|宝贵意见|意见和建议|联系人|联系电话"
    r"|习近平|总书记|新时代中国特色社会主义思想|重要讲话精神|重要指示(?:批示)?精神|党的[二十九八]+大"
    r"|现将.{0,60}印发给你们|请结合(?:工作)?实际|认真贯彻执行"
    # who led and whose spirit was carried out, and how much a year matters: no measure
    r"|(?:坚强|正确|亲切)领导|贯彻落实[^，。；]{0,30}精神|意义重大|开局之年|关键之年|攻坚之年"
    # how others took it, not what was done: 产生了轰动效应，…也给予很高评价
    r"|轰动效应|(?:很高|高度|一致|广泛)(?:的)?(?:评价|好评|赞誉|关注)|反响(?:强烈|热烈)"
    r"|给予了?(?:充分|高度|一致)?肯定"
)
# the office's party work and political study, which every summary reports and no S&T briefing
# carries: 理论学习中心组, “第一议题”制度, 读原著、悟原理, 全面从严治党; boilerplate only when the
# sentence does no S&T work besides (以党建引领科技特派员服务 and 科技工作者日主题教育活动 do)
# a count of sessions held: 20余次, 3场, 2期 (not 1200人次, a headcount), standing in a clause about
# study or meetings convened (开展集中学习15次, 召开党员大会29次; not 举办人才研修班15期, training
# given)
_SESSIONS_RE = re.compile(r"(?:(?<!人)次|场|期|轮)$")
_STUDY_CLAUSE_RE = re.compile(r"学习|党课|党日|宣讲|读书|研讨|会议|召开")
_PARTY_WORK_RE = re.compile(
    r"理论学习|中心组学习|第一议题|学习强国|读原著|悟原理|党风廉政|从严治党|主题教育|党史学习|两个确立|两个维护"
    r"|意识形态工作|党建引领|党组织(?:建设|书记)"
)
# S&T work named in a sentence (not the office's name: 科技局, 科学技术局)
_SCIENCE_WORK_RE = re.compile(
    r"(?:科技|科学技术)(?![局厅委部]|系统)|科普|科学家|特派员|研发|专利|成果转化|技术(?![局厅委])"
)
# parallel set phrases of a vision or slogan: 更加优化, 更具活力, 不断扩大, 持续壮大, 显著提升
_SLOGAN_WORD_RE = re.compile(
    r"更加|更具|更为|日益|不断|持续|显著|全面|进一步|大幅|明显|稳步|有效|切实|一批|新局面|新格局|基本形成"
    r"|基本建成"
)


def figures_in(text: str) -> list[str]:
    """The figures `text` prints (1133人, 865.1亿元, 37.2%), as the extraction reads them
    (`extract.numbers`: not 2023年, “1310”, “6+N” or 第8位)."""
    return [text[q.start : q.end] for q in find_quantities(text)]


def has_figure(text: str) -> bool:
    return next(find_quantities(text), None) is not None


# a document's title taken for a sentence: 关于印发《…》的通知
_TITLE_LINE_RE = re.compile(
    r"关于.{2,120}的(?:通知|意见|决定|函|复函|批复|报告|答复|公告|通告)。?$"
)
# a page's byline or timestamp taken for a sentence: 2025-12-31 19:35来源：…
_PAGE_LINE_RE = re.compile(
    r"来源[:：]|\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}|发布时间|浏览次数|点击数"
)
# a definition or scope article of a regulation: 本办法所称…, （以下简称“…”）
_DEFINITION_RE = re.compile(
    r"本(?:办法|细则|规定|方案|意见|措施|条例)(?:所称|所指|适用于)|以下简称"
    # what a product or programme is: “科技质量贷”就是指将…转化为核心授信依据
    r"|^[^，。；]{2,24}(?:就)?是指"
)
# a document or a programme named: not a plan period (“十四五”) nor a slogan quoted (“创新引领，开放
# 崛起”, a clause and another), which name nothing done
NAMED_RE = re.compile(r"《[^》]{2,}》|“(?!十[一二三四五六]五”)[^”，,；;]{3,}”")
# a programme, platform or body named in the sentence (新凤人才计划, 金凤实验室, 产业发展基金)
# (two characters looked behind, not `[…]{2,}` before: that form tried every start of a long run
# of hanzi against every end, 56 s for one 40 000-character sentence)
PROGRAMME_RE = re.compile(
    r"(?<=[\u4e00-\u9fff“”]{2})(?:计划|工程|行动|专项|基金|实验室|中心|平台|大会|试点|示范区|科创园|研究院|改革|办法|方案|措施)"
)
# what a quoted name is the name of, right after its closing mark or ending it: “早春行”活动,
# “十百千万”专项行动, “浙科贷”专属融资服务, “科贷通”贷款, “湖南省锑业工程技术研究中心”
_NAME_KIND = (
    r"(?:计划|工程|行动|专项|活动|项目|平台|中心|基金|模式|服务|机制|工作|制度|品牌|大赛|赛|论坛|联盟"
    r"|基地|园|站|团|库|名单|榜|奖|企业|试点|示范|改革|政策|产品|贷|贷款|实验室|研究院|大会|会|节|周"
    r"|战略|体系|系统|专区|走廊|城|谷|港|区|县|市|镇|称号|资金|券|号|方式)"
)
# a verb that runs, holds, sets up or picks what it names (开展“百名教授企业行”, 入选“…百强榜”),
# earlier in the quote's clause
_NAMING_VERB_RE = re.compile(
    r"开展|实施|启动|举办|举行|推出|推广|入选|获评|荣获|获得|列入|纳入|认定|评为|授予|发布|设立|成立"
    r"|组建|建立|搭建|建设|创建|获批|挂牌|揭牌|上线|开通|出台|印发|制定|承办|参加|参与"
)
_QUOTE_RE = re.compile(r"“([^“”]{2,})”")
# the kind after the quote, or after the other names of a list it heads (“揭榜挂帅”“赛马制”等项目组织形式)
# (“域外创造孵化+盐城转化制造”新机制, “科贷通”专属融资服务: a few characters may qualify the kind,
# but no 的: “卡脖子”的关键技术 is what the quote describes, not what it names)
_KIND_AFTER_RE = re.compile(rf"(?:“[^“”]*”|、|和|等)*(?:(?!的)[\u4e00-\u9fff]){{0,4}}?{_NAME_KIND}")
_QUOTE_CLAUSE_RE = re.compile(r"[，,；;。：:！？]")


def names_something(text: str) -> bool:
    """Whether the sentence names a document or programme: a 《…》 title, or a quote that is the
    name of something — what kind of thing follows or ends it (开展金融“早春行”活动, “湖南省锑业
    工程技术研究中心”), or a verb of running, holding or picking it comes before it in its clause
    (开展“百名教授企业行”, 入选“…”). A quoted slogan, trait or role names nothing done: 坚持党政
    “一把手”抓“第一动力”, 聚焦“轻资产、无抵押、融资难”的核心痛点, 做…的“推动者”, 做好金融
    “五篇大文章” (a plan period, “十四五”, neither; nor a list of traits with 、)."""
    if re.search(r"《[^》]{2,}》", text):
        return True
    for m in _QUOTE_RE.finditer(text):
        inner = m.group(1)
        if re.search(r"[，,；;、]", inner) or re.fullmatch(r"十[一二三四五六]五", inner):
            continue
        if re.search(rf"{_NAME_KIND}$", inner) or _KIND_AFTER_RE.match(text, m.end()):
            return True
        if len(inner) < 3:
            continue
        start = max((c.end() for c in _QUOTE_CLAUSE_RE.finditer(text, 0, m.start())), default=0)
        if _NAMING_VERB_RE.search(text, start, m.start()):
            return True
    return False


# verbs of something done or decided, as opposed to an intention
CONCRETE_RE = re.compile(
    r"印发|出台|制定|修订|设立|组建|成立|建成|获批|批复|启动|举办|召开|发放|签约|签署|落地|引进|新增|新建"
    r"|认定|评选|资助|立项|投用|揭牌|挂牌|上线|开通|达到|突破|累计|完成|实现|入选|列入"
)
# a sentence that opens on a verb of intention is a generic one unless it names or counts something
GENERIC_OPENINGS: tuple[str, ...] = (
    "加快",
    "加强",
    "进一步",
    "持续",
    "深入",
    "积极",
    "大力",
    "不断",
    "着力",
    "推动",
    "强化",
    "完善",
    "健全",
    "优化",
    "提升",
    "深化",
    "坚持",
    "鼓励",
    "引导",
    "支持",
    "注重",
    "努力",
    "切实",
    "全力",
    "扎实",
    "统筹",
    "构建",
    "营造",
    "发挥",
    "促进",
    "做好",
    "抓好",
)
GENERIC_OPENING_RE = re.compile(f"^(?:{'|'.join(GENERIC_OPENINGS)})")
# a thing named, then what became of it: 中国科学院工业人工智能研究所正式成立, 3项成果入选“…”,
# 全球首个6G外场试验网成功搭建 (not 新增…, 促成…, 入驻…: a verb with no subject of its own). Most
# verbs may take an object or a place (获批全国重点实验室, 落户苏州工业园区); bare 落地/运行 must end
# the clause (…投入运行): inside it they are part of an assessment (改革试点落地见效, 经济运行稳中向好)
# or of a count (项目落地300个)
OWN_RESULT_RE = re.compile(
    f"^(?!{'|'.join(GENERIC_OPENINGS)})"
    r".{2,}?(?:正式|成功|顺利|全面|已)?"
    r"(?:成立|建成|获批|投入运行|投入使用|投用|揭牌|挂牌|交付|搭建|落户|开通|上线|启用|实现量产"
    r"|入选|荣获|获评|(?:落地|运行)(?!见效|生效|平稳|良好|有序|顺畅)[^，,。；]{0,2}$)"
)


# a sentence that continues the one before it, whose subject and verb it leans on: 并于2017年1月
# 联合印发了…, 还有国家富民强县项目…400万元, 包括信用贷款和…; not 并购重组 or 同时/此外 (they open a new point)
_CONTINUATION_RE = re.compile(
    r"^(?:并(?:且|于|在|将|对|与|把|向|从|按|由|已|经|同|以)|而且|还有|以及|及其|另有|包括"
    # a date with no subject before its verb: 于2015年底初步完成了《…》的起草工作 (于是 opens a
    # consequence, 于都 is a county)
    r"|于(?=\d|[今去上同当本次]年)"
    # the same with 已 before it: 已于4月9日举办… (the subject is in the sentence or title before)
    r"|已于(?=\d|[今去上同当本次]年|[上中下]旬|近日|日前))"
)
# what the clauses before came to: 有效地促进了科技成果转化, 从而有力推动了…, 进一步提升了…
_SUMMING_UP_RE = re.compile(
    r"^(?:从而|进而)?(?:有效|有力|大大|极大|充分|切实|进一步)(?:地)?[\u4e00-\u9fff]{1,3}了"
)


def sums_up(text: str) -> bool:
    """Whether a (cleaned) sentence or clause only says what the ones before it came to
    (有效地促进了科技成果转化): it leans on all of them."""
    return bool(_SUMMING_UP_RE.match(text))


# a sentence opening on a word that points back (该提案由…提出, 此次活动…, 上述企业…, 这是…的一年，
# 他说，…): what it points at is in a sentence before it, which a highlight does not show (此外, 此前,
# 其中, 其次, 其他 and 其实 point at nothing)
_POINTING_BACK_RE = re.compile(
    r"^(?:该(?![，,])|此(?![外前后时])|这|上述|前述|其(?![中次他它余实])|他(?![人国乡山])|她|它)"
)
# an item that counts or names what a sentence before it said, further in (截至2025年末，全区累计
# 发放该类贷款175笔; 对符合上述条件的企业…; 推广这一模式) or as a part of it (其中获国家、省重大科技
# 专项5项): the highlight does not show what 该类, 上述 or 其中 refer to (应该, 活该 point at nothing)
_UNSHOWN_REFERENT_RE = re.compile(
    r"(?<![应活])该(?:类|项|批|笔|种|款)|此类|上述|前述|这(?:一|些|类|项|批|种)|^其中"
)


def leans_on_unshown(text: str) -> bool:
    """Whether a (cleaned) item points back at something no sentence of it names (该类贷款,
    上述企业, 这一模式, an opening 其中): it reads as a fragment beside an item that stands alone,
    though what it reports may still be worth a place when nothing else is."""
    return bool(_UNSHOWN_REFERENT_RE.search(text))


# the news item's own event (此次对接会共签约…项目12个): the cited item's title names it, and its
# figures are the item's result
_THIS_EVENT_RE = re.compile(r"^(?:此次|本次)[^，。；]{0,10}?(?:会|活动|论坛|大赛|赛事|展|节|周)")


def is_continuation(text: str) -> bool:
    """Whether a (cleaned) sentence or quote leans on the one before it for its subject and verb
    (并于2017年1月联合印发了…, 于2015年底初步完成了…): it does not stand alone."""
    return bool(_CONTINUATION_RE.match(text) or _SUMMING_UP_RE.match(text))


# what a place is, not what was done: 南京是全国唯一的科技体制综合改革试点城市，拥有普通高校53所…
_BACKGROUND_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,8}是(?:全国|全省|全球|我国|中国|国家|国内)[^，。；]{0,30}"
    r"(?:城市|地区|省份|基地|中心|高地|之一)[，。；]"
    # what a programme is: “十百千万”专项行动是科技部火炬中心和中国工商银行共同开展的一项重点工作
    r"|^[^，。；]{2,24}是[^，。；]{2,40}的一(?:项|个|种)[^，。；]{0,10}"
    r"(?:工作|举措|行动|制度|机制|工程|政策|活动)[，。；]"
)
# one person's or one firm's story, not a measure: 为孙先生的科技成果转化落地提供了有力支持, 恰逢…;
# a firm described (某某科技有限公司是一家专注于…的高新技术企业, 该公司成立于2015年)
_ANECDOTE_RE = re.compile(
    # (率先生产, 优先生成 hold no 先生)
    r"(?![率优首预事原争抢])[\u4e00-\u9fff](?:先生|女士|老板|师傅)(?![们产成效])"
    r"|^(?:恰逢|恰巧|正巧|正好赶上)"
    r"|(?:公司|集团)(?:是一家|系一家|成立于|创立于|始建于|注册资本|主要从事)"
    # what a firm devotes itself to, said of the firm as the subject (推动企业集团致力于… is a measure)
    r"|^(?!推动|支持|鼓励|引导|推进|促进|组织|指导)[^，,。；;]{2,30}?(?:公司|集团)(?:专注于|致力于)"
    r"|^(?:该|这家|这个)(?:公司|企业|集团)"
    # the firm a story is about, as its subject: 如今，公司先后搭建起了…
    r"|^(?:[^，,。；;]{1,6}[，,])?公司(?:先后|已经|已|目前|现已|现|始终|一直|还)"
)
# one firm, one loan: 首笔, 首单, 单笔, a firm named by its legal form (绵阳华丰科技股份有限公司;
# counts of firms say 企业, not 有限公司), 某…公司 in an anonymised text, 一家企业 (not 每一家)
ONE_RECIPIENT_RE = re.compile(
    r"首笔|首单|单笔|有限(?:责任)?公司|股份公司|某[^，,。；;]{0,16}(?:公司|企业|厂)"
    r"|(?<![\d十百千万每])一家(?:企业|公司)"
)


# text a mirror garbled: pinyin that no character precedes any more (A(chǔ)研究, where 基础 was
# lost), a replacement character
_GARBLED_RE = re.compile(rf"[(（]{PINYIN_SYLLABLE}[)）]|\ufffd")
# a verdict on a step, not the step: 此次…的落地，既是对…的有力检验，更是…的生动实践
_VERDICT_RE = re.compile(
    r"是[^，。；]{0,40}的(?:生动实践|有力检验|具体体现|重要体现|有益探索|真实写照|生动写照|缩影)"
)
# a state foreseen, clause after clause: “使命导向”的战略科技力量体系加速形成，原始创新能力大幅提高
_VISION_CLAUSE_RE = re.compile(
    r"^[^，；。]{2,30}(?:大幅|显著|明显|加速|加快|进一步|持续|不断|全面|稳步|逐步|基本)"
    r"(?:提高|提升|增强|形成|改善|优化|完善|壮大|扩大|强化|健全|建立)$"
)


def states_a_verdict(heading: str) -> bool:
    """Whether a heading (加大政府引导扶持力度，创新环境不断优化) holds a verdict on how things went
    (`_VISION_CLAUSE_RE`, `_PRAISE_RE`): a summary's heading that says how well, not what about."""
    return any(
        _VISION_CLAUSE_RE.match(c) or _PRAISE_RE.search(c)
        for c in re.split(r"[，,；;]", heading)
        if c
    )


# results praised, none named: “扫黑除恶”专项斗争工作成果突出，工作成绩在全市名列前茅
_PRAISE_RE = re.compile(
    r"(?:成果|成效|成绩|效果)(?:突出|显著|明显|丰硕|斐然)|名列前茅|走在(?:全国|全省|全市|全区|全县)?前列"
)
# an aim put as what it lets happen: 让企业的“软实力”，变成融资的“硬支撑”
_LET_RE = re.compile(r"^(?:要|将)?让")
# the occasion a report was given, reported in the news: …会议召开，市长…向大会作政府工作报告
_OCCASION_RE = re.compile(r"向[^，。；]{0,12}(?:大会|会议)作[^，。；]{0,16}报告")
# a visit or a talk that took place, and nothing decided or counted: …到市科技局调研,
# …在市科技局举行了调研座谈会 (it ends on the event; 召开…大会，制定《…》 decides something)
_VISIT_RE = re.compile(
    r"(?:调研|座谈|考察|走访|视察|慰问|参观|会见|见面)(?:会|活动|交流|指导|工作)?。?$"
    r"|^(?:\d{1,2}月\d{1,2}日(?:[上下]午)?[，,])?[^，。；]{0,30}(?:到|赴|来|莅临|走进|深入)[^，。；]{1,30}(?:调研|考察|走访|视察|慰问)"
)
# …who visited: a visit reported names its party (一行, 负责人, 厅长); 组织科技特派员到乡村开展产业调研服务
# and 建立…制度，定期到企业走访调研 name none and are work, not a visit that took place
_VISITORS_RE = re.compile(
    r"一行|负责人|书记|(?:省|市|县|区|州)长|厅长|局长|主任|调研组|考察团|代表团"
)
# a meeting that was held, and nothing it decided or counted: 10月31日下午，市科技局组织召开2025年全市
# 科技系统工作推进会议。/ …召开…工作推进会，分析研判…，进行再动员、再部署。 (the office's own meetings;
# a fair or a 大会 held is an event of its own)
_MEETING_RE = re.compile(
    r"(?:召开|举行|举办)了?[^，。；]{0,40}(?:会议|座谈会|推进会|调度会|部署会|动员会|培训会|工作会|例会"
    r"|汇报会|协调会|联席会|分析会|观摩会|现场会|座谈)(?:并(?:讲话|致辞|作[^，。；]{0,8}讲话))?(?:[，。；]|$)"
    # the same, the meeting named first: 2024年全省科技工作会议在兰州召开。
    r"|(?:会议|座谈会|推进会|调度会|部署会|动员会|培训会|工作会|例会)(?:在[^，。；]{1,15})?"
    r"(?:召开|举行)。?$"
)
# what was said at it: 会上，各县…进行发言，…局长作了讲话; 在节目中，…同志介绍了…，作了认真解答;
# an official explaining (…处长对“研发支出与地区生产总值之比指标”进行解读, …处长讲解省科技厅《…》: a
# talk, where 深入企业对政策进行宣传解读 names no speaker and is the office's service)
_SPEECH_RE = re.compile(
    r"(?:作|做|发表)了?(?:重要|专题|总结)?讲话|(?:交流|作了|进行了?)发言|致辞|(?:作|做)了?(?:认真|详细)?解答"
    r"|(?:长|负责人|主任|专家)[^，,。；;]{0,30}?"
    r"(?:对[^，,。；;]{2,40}(?:进行了?|作了?|做了?)[^，,。；;]{0,6})?(?:解读|讲解)"
)
# what a meeting or a talk also did (docs: a meeting that issued something is kept): 举办…座谈会，
# 发布应用场景清单; 举办…培训会，培训技术经纪人; 为企业做详细解答，帮助企业解决技术难题
_OUTCOME_RE = re.compile(
    r"发布|出台|印发|签约|签订|签署|培训|帮助|达成|促成|发放|推出|揭牌|授牌|征集"
)
_AT_MEETING_RE = re.compile(
    r"^(?:在?会上|会议上|在?节目中|座谈会上|活动中|会议(?:指出|强调|要求|认为|提出))[，,：:]?"
)
# a slogan quoted whole: “因地制宜发展新质生产力，塑造产业发展新优势，”; someone's words quoted
# (他说：“…”, 负责人表示：“…”): what was said, not what was done
# someone's words: the whole sentence a quotation, or a speech quoted to the sentence's end (据…介绍：
# “十四五”以来… quotes a period's name, not a speech)
_QUOTED_WHOLE_RE = re.compile(
    r"^“[^“”]+”[。]?$|(?:说|表示|指出|介绍|强调|坦言|感慨)(?:道)?[:：]“[^“”]{6,}”[。！!]?$"
)


# what a report or a speech covered, said of it as the subject: 报告系统总结了“十四五”…成就，分析了当前
# 形式，明确了…重点任务 (a news item on a meeting; the tasks themselves are other sentences)
_ABOUT_A_SPEECH_RE = re.compile(
    r"^(?:报告|讲话|致辞|发言)(?:全面|系统|深入|客观|认真)?(?:总结|回顾|分析|阐述|部署)了?"
)


# a reporter's lead-in (日前记者再次走访发现，…; 记者从市科技局获悉): what follows without a figure is
# the story's framing, not a step taken
_REPORTER_RE = re.compile(r"记者[^，。；]{0,12}?(?:走访|获悉|了解到|采访|发现|看到)")


# a result denied (平台仍未开通, 尚未建成, 没有落地): a shortfall the reporter found, not a result;
# 未来 and 不断 are no negation
_NEGATION_RE = re.compile(r"未(?!来)|没有|不(?!断|少)")


def _reports_a_result(text: str) -> bool:
    """Whether a clause after a reporter's lead-in (记者从市科技局了解到，苏州实验室正式揭牌运行) says
    what became of a named thing: the news itself, not the story's framing (nor a shortfall the
    reporter found: …公共服务平台仍未开通)."""
    return any(
        OWN_RESULT_RE.match(c) and not _NEGATION_RE.search(c)
        for c in re.split(r"[，,；;。！]", text)[1:]
        if c
    )


def is_setting(text: str) -> bool:
    """Whether a (cleaned) sentence describes the setting rather than the work: what a place or a
    programme is (南京是全国唯一的…试点城市，拥有普通高校53所), or a page's byline or timestamp.
    Its figures are no result, target or standard (`aggregate` leaves them out of the key-figures
    tables), and it is no highlight."""
    return bool(_BACKGROUND_RE.match(text) or _PAGE_LINE_RE.search(text))


def _counts_only_sessions(text: str) -> bool:
    """Whether every figure of the sentence counts study sessions or meetings held."""
    clauses = [c for c in re.split(r"[，；。;]|,(?!\d)", text) if c]
    return all(
        _SESSIONS_RE.search(f) is not None and _STUDY_CLAUSE_RE.search(c) is not None
        for c in clauses
        for f in figures_in(c)
    )


# a count of who took part in a meeting or a visit (调研组一行4人, 12家企业主要负责人, 12个相关单位,
# 200余人参会): how many came, not what was done (第85位, 提升9位 are ranks)
_PARTICIPANTS_RE = re.compile(
    r"(?<!第)(?:一行\d+人|\d+(?:余|多)?(?:人|名)[^，,。；;（）()]{0,6}(?:参会|参加|出席|与会)"
    r"|\d+(?:余|多)?(?:家|个)[^，,。；;]{0,16}(?:负责人|负责同志|相关单位))"
)


def _counts_only_participants(text: str) -> bool:
    """Whether every clause of the sentence that holds a figure counts who took part."""
    held = [c for c in re.split(r"[，；。,;]", text) if c and has_figure(c)]
    return bool(held) and all(_PARTICIPANTS_RE.search(c) for c in held)


def _counts_only_speakers(text: str) -> bool:
    """Whether every figure of the sentence stands in a clause saying who spoke at a meeting."""
    clauses = [c for c in re.split(r"[，；。,;]", text) if c]
    return all(_SPEECH_RE.search(c) for c in clauses if has_figure(c))


# a principle held, not a step taken: 坚持“产业第一、企业家老大”理念，打造高质量的创新创业市场主体
_PRINCIPLE_RE = re.compile(
    r"^(?:[^，。；“”]{0,10}?)(?:始终|一直|持续)?(?:坚持|秉持|秉承|践行|树牢|牢固树立|树立)[^，。；]{0,30}"
    r"(?:理念|思路|原则|导向|方针|宗旨)[，,]"
)


# a lead-in that points to the list after it (…的工作措施主要包括以下方面; 重点把握好以下五个方面): the
# list is what it says, and the sentence alone says nothing (extraction keeps the ones whose noun
# it does not know as measures)
_LEAD_IN_RE = re.compile(
    r"(?:如下|以下(?:[一二三四五六七八九十几\d]+个)?(?:方面|几点|要点|工作|内容|举措|措施|事项|任务)"
    r"(?:的工作)?)[。：:]?$"
)


# a pledge or a call to effort that does no work of its own: 我们一定积极努力…, 确保各项任务落到实处,
# 只争朝夕、紧抓快干, 努力完成…各项任务指标 (一定 before a verb: 一定规模, 给予一定奖励 are no pledge)
_PLEDGE_RE = re.compile(
    r"一定(?:要|能|会|把|将|可以|积极|努力|认真)|务必|只争朝夕|全力以赴|不折不扣|坚定不移|真抓实干|苦干实干"
    r"|落(?:到|在)实处|见到实效|(?:各项|全年)(?:工作|任务|目标|指标|部署|决策部署|政策措施)"
)
_PLEDGE_SPLIT_RE = re.compile(r"[，,；;。：:]")


def is_pledge(text: str) -> bool:
    """Whether a (cleaned) sentence is a pledge and nothing more: it says 一定/务必/落到实处/各项工作
    and, without figures, no clause of it outside the pledge names a programme or a document or
    reports a concrete step (印发, 召开, 设立 …). 建立联席会议制度，每年召开一次会议，确保各项任务落到
    实处 does (召开); 全市科技系统要树牢…全局思维，只争朝夕、紧抓快干，…做好各项工作 does not."""
    if not _PLEDGE_RE.search(text) or has_figure(text):
        return False
    rest = [c for c in _PLEDGE_SPLIT_RE.split(text) if c and not _PLEDGE_RE.search(c)]
    # a quoted slogan (“以日保周、以周保月”) names nothing done; a document (《…》) or a programme does
    return not any("《" in c or PROGRAMME_RE.search(c) or CONCRETE_RE.search(c) for c in rest)


# how the document itself is handled, not a measure: 公示期为10个自然日, 试点期限：2年, objections to a
# list opening the sentence (公示期间，如有异议，…; 凡匿名提出的异议…均不予受理)
_PROCEDURE_RE = re.compile(
    r"^(?:公示期|公示期间|公示时间|试点期限|实施期限|申报(?:时间|期限)|受理时间|有效期)[为是：:，,内]"
    # an objection procedure as the sentence's first point (凡匿名提出的异议…; not 经评审确定…10人，
    # 现予公示，如有异议…, a result the procedure follows)
    r"|^[^，,。；;]*异议"
)


# a sentence that opens on what was done before the plans (去年我区…, 过去一年, 一年来, 通过一年
# 的建设, 至此) or on how things stand now (目前, 截至, 近年来): a result or a state, whatever status
# the extraction gave it; a 下一步安排 or a gist's 下一步 never shows it as a plan
_PAST_OPENING_RE = re.compile(
    r"^(?:目前|当前|现在|现已|截至|截止|近年来|近几年|今年以来|\d{4}年以来|去年|上年|上一年|前一年"
    r"|过去(?:的)?(?:一|两|三|五|几)?年|(?:一|两|三|五)年来|通过(?:一|两|三)?年的|至此|已经|业已)"
)


# a date opening the sentence (2016年4月，…; 2016年，…): its year against the document's
_OPENING_DATE_RE = re.compile(r"^(\d{4})年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:份|底|末|初)?[，,]")


# a clause told as done: a verb with 了 (印发了, 出台了; not 为了, 除了, 了解)
_TOLD_DONE_RE = re.compile(r"[^，,。；;]*?(?<![为除])了(?!解)")


def opens_on_past(text: str, year: int | None = None) -> bool:
    """Whether a (cleaned) sentence opens on the past or the present (去年我区…, 目前…, 至此…),
    or, given its document's `year`, on a date of an earlier year (2016年4月，科技部印发了… in a
    2017 reply), or, without it, on a date whose clause is told as done (…印发了…): no plan
    however it was read."""
    if _PAST_OPENING_RE.match(text):
        return True
    m = _OPENING_DATE_RE.match(text)
    if m is None:
        return False
    if year is not None and int(m.group(1)) < year:
        return True
    # with no year to compare (a page without a date), a dated clause told as done (2016年4月，
    # 科技部印发了…) is still the past
    return bool(_TOLD_DONE_RE.match(text, m.end()))


# an outcome foreseen, not reached: 预计全年新认定高企200家以上, 有望突破…; the expected figure is
# no result, however the extraction read it (预计 inside a later clause, 超预计, is no opening)
_FORESEEN_RE = re.compile(r"^(?:[^，,。；;]{0,16}[，,])?[^，,。；;]{0,12}?(?:预计|预期|有望)")
# what a product or a rule lets one do (无需抵押担保，仅凭…综合评级即可授信): how it works, not
# what came of it
_LETS_ONE_RE = re.compile(r"即可|便可|就可以|方可")


def foreseen(text: str) -> bool:
    """Whether a (cleaned) sentence opens on an outcome expected (预计…达到, 有望…) or says what
    something lets one do (…即可授信): no result to show under 工作进展, whatever figures it holds."""
    return bool(_FORESEEN_RE.match(text) or _LETS_ONE_RE.search(text))


# a clause told as finished (已…, …了, 被认定为, 获得, 位居全省第二) and, in the whole sentence, no
# word of what is still to come (将, 力争, 计划, 拟, 预计, 要, 确保 …): a result read as a plan
_FINISHED_RE = re.compile(
    # (已建研发机构 names a kind of institute: 已建 with no 成 is no step told)
    r"(?<![为除])了(?!解)|已(?![于在将经]?(?:是|有|成为|进入)|建(?!成))|被(?:认定|评为|授予|列为|命名|批准)"
    r"|(?:获得|荣获)|位(?:居|列)(?:全国|全省|全市)"
)
_TO_COME_RE = re.compile(
    r"将|力争|争取|计划|拟|预计|要|确保|努力|目标|力求|到\d{4}年|下一步|今后|未来|继续|持续|进一步|推动|加快|推进"
    # a provision's condition and what it grants (被认定为…的，给予…奖励; 凡获得…的): a rule, not news
    r"|给予|奖励|补助|资助|补贴|应当?|须|可|鼓励|凡|的[，,]"
)


def told_as_done(text: str) -> bool:
    """Whether a (cleaned) sentence read as a plan is told as finished (数字光电产业获得省级…基金
    支持，南阳市成为…试点市之一; 4家企业被认定为…示范企业): under 下一步安排 it would say that what
    was done is still to do."""
    return bool(_FINISHED_RE.search(text)) and not _TO_COME_RE.search(text)


# what others said of the office's work or asked of it, reported: a leader's remarks on a visit
# (杨市长强调指出…, 对…工作给予充分肯定), an evaluation (高度评价), a report heard (…汇报了…工作情况),
# a request or a proposal quoted (请省科技厅将…列入…, 建议…): words, not a step the office took
_REMARKS_RE = re.compile(
    r"充分肯定|高度(?:评价|肯定)|给予(?:了)?(?:充分)?肯定"
    r"|(?:长|书记|主任|同志|领导|负责人|一行|代表|委员)[^，,。；;]{0,12}(?:强调|指出|表示|希望|要求|提出)"
    r"|汇报了?[^，,。；;]{0,30}(?:情况|工作)"
    r"|^(?:恳?请|建议|希望)(?!书)"
)


def reports_remarks(text: str) -> bool:
    """Whether a (cleaned) sentence without figures only reports what others said, judged or
    asked (`_REMARKS_RE`): no progress of the office's own."""
    return not has_figure(text) and bool(_REMARKS_RE.search(text))


def unsuitable(text: str) -> str | None:
    """Why a (cleaned) sentence is no highlight, or None when it may be one."""
    if _content(text) < 12:
        return "过短"
    if is_continuation(text):
        return "半句"
    if _GARBLED_RE.search(text):
        return "乱码"
    if is_framing(text) or _LEAD_IN_RE.search(text):
        return "框架语"
    if is_problem_statement(text):
        return "问题表述"
    figures = has_figure(text)
    named = bool(NAMED_RE.search(text))
    if _TITLE_LINE_RE.search(text):
        return "文件标题"
    if _QUOTED_WHOLE_RE.search(text):
        return "引语"
    if _POINTING_BACK_RE.match(text) and not (figures and _THIS_EVENT_RE.match(text)):
        return "指代不明"
    if "？" in text:
        # a question asked, not a step taken: 如何让科技成果走出实验室？
        return "设问"
    if _BACKGROUND_RE.match(text):
        return "背景介绍"
    if not figures and "《" not in text and _PURPOSE_OPENING_RE.match(text):
        # 为加强两市科技合作与交流，推动…，推进…: a purpose whose main clause never comes
        return "框架语"
    if _PAGE_LINE_RE.search(text) or is_body_list(text):
        return "页面信息"
    if _ANECDOTE_RE.search(text):
        return "个例"
    if _DEFINITION_RE.search(text):
        return "定义条款"
    if not figures and (
        _BOILERPLATE_RE.search(text)
        or (_PARTY_WORK_RE.search(text) and not _SCIENCE_WORK_RE.search(text))
    ):
        return "套话"
    if (
        figures
        and _PARTY_WORK_RE.search(text)
        and not _SCIENCE_WORK_RE.search(text)
        and _counts_only_sessions(text)
    ):
        # the office's political study counted in sessions (中心组学习…共开展学习20余次): a count of
        # meetings held, not of work done
        return "套话"
    if (
        _OCCASION_RE.search(text)
        or _ABOUT_A_SPEECH_RE.match(text)
        or (not figures and _REPORTER_RE.search(text) and not _reports_a_result(text))
        or (not figures and not named and _VISIT_RE.search(text) and _VISITORS_RE.search(text))
    ):
        return "会议报道"
    if not figures and (
        _only_an_event(text, _SPEECH_RE)
        or (not named and (_only_an_event(text, _MEETING_RE) or _AT_MEETING_RE.match(text)))
    ):
        return "会议报道"
    if reports_remarks(text):
        return "讲话或评价"
    if only_roles(text):
        # 副市长某某出席会议并讲话，某某主持会议: who took part, nothing done
        return "会议报道"
    if figures and _counts_only_participants(text) and not _OUTCOME_RE.search(text):
        # 调研组一行4人到…调研指导，并召开…座谈会; 参会的人员有…等12家企业主要负责人: the figure
        # counts who came, and nothing came of it
        return "会议报道"
    if figures and _SPEECH_RE.search(text) and _counts_only_speakers(text):
        # 兰州市科技局、兰州理工大学等5家单位作了交流发言: the figure counts who spoke
        return "会议报道"
    if not figures and (
        _VERDICT_RE.search(text)
        or _LET_RE.match(text)
        or (_PRAISE_RE.search(text) and not CONCRETE_RE.search(text))
    ):
        return "评价或愿景"
    clauses = [c for c in re.split(r"[，；。]", text) if c]
    if not figures and clauses and all(_VISION_CLAUSE_RE.match(c) for c in clauses):
        return "评价或愿景"
    if not figures and not named and len(_SLOGAN_WORD_RE.findall(text)) >= 3:
        return "口号"
    if is_pledge(text):
        return "表态"
    if _PROCEDURE_RE.search(text):
        return "办理程序"
    if not figures and "《" not in text and _PRINCIPLE_RE.match(text):
        # a stance and an aim (坚持…理念，打造…主体): what the office believes, not what it did
        return "口号"
    return None


# a meeting arranged to recur (每年召开一次联席会议, 定期召开推进会): a mechanism set up, not one
# meeting reported
_RECURRING_RE = re.compile(
    r"(?:每年|每季度?|每半年|每月|每周|定期)[^，,。；;]{0,8}(?:召开|举行|举办|组织)"
)


def _only_an_event(text: str, event: re.Pattern[str]) -> bool:
    """Whether `text` reports the meeting or talk `event` finds and nothing it issued or did
    (`_OUTCOME_RE` outside the event's own words: 培训会 itself trains no one). A meeting arranged
    to recur (每年召开一次会议) is a mechanism, not an event."""
    found = event.search(text)
    return (
        found is not None
        and not _OUTCOME_RE.search(event.sub("", text))
        and not _RECURRING_RE.search(text)
    )


MIN_SCORE = 3
"""The least `wording.substance` score a highlight has: a figure, a name, or a concrete action
reported done. A sentence at 2 is a bare statement of work (认真分析研判我区目前情况，做好…
工作) or a plan that only says it will act (制定…，…): no highlight however thin the theme."""


FIGURELESS_MIN_SCORE = MIN_SCORE + 1
"""The least score of a result (进展) with no figure at all: a name, or a concrete action with a
second sign of substance. At `MIN_SCORE` such a result has one verb of action, the point every
result gets and a fitting length, and the verb is often part of a condition, an occasion or a
look back (须设立科技金融专营机构…, 介绍成立…协会的背景, 启动仪式上展示了…, “十三五”时期是…取得
重要成就的五年): read on dev 简报, none was work a leader would count as done. A plan keeps
`MIN_SCORE`: a meeting set to recur or a named programme to carry out is a step to check."""


# a number that is no date (7笔, 1/3, 55位; not 2016年4月, 1号文): a count, whatever its unit
_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:[./]\d+)?(?![\d.]|\s*[年月日号时])")


def least_score(text: str, done: bool) -> int:
    """The least `substance` score of a highlight: `FIGURELESS_MIN_SCORE` for a result without
    a figure or any other number than a date, else `MIN_SCORE`."""
    if done and not has_figure(text) and not _NUMBER_RE.search(text):
        return FIGURELESS_MIN_SCORE
    return MIN_SCORE


# a step said to be completed: 已争取到…, 建立了…, 签订…协议, 推出“科e贷”, 获“优秀”等次, 被授予…称号,
# 二期点亮, 开工建设, 编制《…》, 建立全市科技创新创业平台 (了 of 为了, 除了, 了解 is none; 建立…机制, 构建…模式 set up
# a way of working, not a thing a reader can point to)
_COMPLETED_RE = re.compile(
    r"已(?![于在将经]?(?:是|有|成为|进入))|(?<![为除])了(?![解])|签订|获(?!悉|取)|评为|通过验收|推出|发布"
    r"|授予|命名|开工|投产|竣工|点亮|展开建设|(?:编制|起草|拟制|拟定|制订)[^，,。；;]{0,6}《"
    r"|(?:建立|搭建|建设|组建)[^，,。；;]{0,30}(?:平台|中心|基地|实验室|联盟|研究院|工作站)(?![^，,。；;]*(?:机制|模式|体系))"
)


def reports_outcome(text: str) -> bool:
    """Whether a sentence says something came about, not only how work is done: a verb of
    something done or decided (`CONCRETE_RE`), a clause with a thing and what became of it
    (`OWN_RESULT_RE`), or a step said to be completed (已…, …了)."""
    if CONCRETE_RE.search(text) or _COMPLETED_RE.search(text):
        return True
    return any(OWN_RESULT_RE.match(c) for c in re.split(r"[，,；;。]", text) if c)


# carrying out a policy in general: 贯彻落实…部署, 落实…要求, 深入实施…战略
_IMPLEMENTING_RE = re.compile(
    r"贯彻(?:落实)?[^，,。；;]{0,30}(?:部署|要求|精神|决策|战略|方针|论述|指示)"
    r"|落实[^，,。；;]{0,20}(?:部署|要求|精神|决策)|(?:深入)?实施[^，,。；;]{0,20}战略"
)


def substance(text: str, figures: int, done: bool) -> int:
    """How much a (cleaned) sentence says: figures, a named programme, a concrete action or result.

    2 per figure the extraction linked to it (at most 3 counted), 1 only for a figure whose clause
    names no science or technology (`_figure_points`); 2 for a named programme or
    document (《…》, a quote that names something: `names_something`, …计划/…基金/…实验室); 1 for a verb of something done or decided (印发,
    设立, 获批, 累计…); 1 for a reported result (进展); 1 for a length that reads in one breath
    (20–150 characters); 1 for a fixed schedule (每年召开一次…); minus 2 for a generic intention (加快…, 进一步… with no figure and no
    name, or every clause a verb of striving or aim, `is_generic_intention`, whose names then earn
    nothing); minus 2 for a vision in set phrases (更加…、不断…, three or more).
    """
    score = _figure_points(text, figures)
    # 全省科技工作要聚焦…“引大引强引头部”行动等全省重点工作,找准工作着力点和切入点,…助力…:
    # what a sentence of striving and aims names is what it aims at, not what it does
    aims_only = figures == 0 and is_generic_intention(text)
    named = not aims_only and (names_something(text) or bool(PROGRAMME_RE.search(text)))
    score += 2 if named else 0
    score += 1 if CONCRETE_RE.search(text) else 0
    # a fixed schedule (每年召开一次联席会议, 每季度组织一次对接会) is a plan a reader can check
    score += 1 if _RECURRING_RE.search(text) else 0
    # a result without a figure earns its point only when it says something came about: a
    # description of how the office works (深化“浙科贷”专属融资服务，为…提供…支持; 推广“人才银行”
    # 服务模式，聚焦…提供金融支持) is no progress a leader can count, and ranked level with a figure
    score += 1 if done and (figures or has_figure(text) or reports_outcome(text)) else 0
    length = _content(text)
    score += 1 if 20 <= length <= 150 else 0
    if aims_only or (figures == 0 and not names_something(text) and GENERIC_OPENING_RE.match(text)):
        score -= 2
    if figures == 0 and "《" not in text and _IMPLEMENTING_RE.search(text):
        # 贯彻落实国省市战略部署，深入实施创新驱动发展战略: a policy carried out, said of no step
        score -= 2
    if len(_SLOGAN_WORD_RE.findall(text)) >= 3:
        score -= 2
    return score


# what names science-and-technology work itself (not 人才, 资金, 贷款, 项目 or 平台 alone, which a
# vocational-training count or a bank's balance share): a figure in a clause with none of it counts
# less (新增技能人才39.87万人次 below 3家全国重点实验室获批建设)
_CORE_SCI_RE = re.compile(
    r"科技|科研|科学家|科学研究|(?<!制度)(?<!实践)创新|研发|R&D|研究院|技术(?!工人)|专利|知识产权|院士|博士"
    r"|实验室|高新|孵化|众创|科创|创投|中试|概念验证|攻关|成果|自然科学|科学(?:基金|中心|装置|城)"
    # the people and the money of S&T work, as opposed to a trade's workforce or a bank's book
    r"|高层次|领军|专家|青年人才|创业投资|风险投资|天使投资|股权投资|科技板|知识价值"
    r"|(?:基础|应用|科学)研究|研究(?:院|所|中心)",
    re.IGNORECASE,
)
_FIGURE_CLAUSE_SPLIT_RE = re.compile(r"[，；。,;]")


def names_sci_tech(text: str) -> bool:
    """Whether a sentence names S&T work itself (科技, 研发, 实验室, 专利, 院士 …), not only the
    people or money any trade has (技能人才, 存贷款余额)."""
    return bool(_CORE_SCI_RE.search(text))


def _figure_points(text: str, figures: int) -> int:
    """2 per figure (at most 3 counted); 1 per figure when no clause holding a figure names S&T
    work, itself or in the clause it follows (开展补贴性职业技能培训10万人次，新增技能人才10万人次…;
    银行机构本外币存贷款余额分别达38.7万亿元…): such a sentence of many counts outranked a named
    S&T step (3家全国重点实验室获批建设, 崖州湾国家实验室二期开工) in the 本期要点."""
    most = 2 * min(figures, 3)
    if not figures:
        return 0
    clauses = [c for c in _FIGURE_CLAUSE_SPLIT_RE.split(text) if c]
    held = [i for i, c in enumerate(clauses) if has_figure(c)]
    if not held or any(
        _CORE_SCI_RE.search(clauses[i]) or (i > 0 and _CORE_SCI_RE.search(clauses[i - 1]))
        for i in held
    ):
        return most  # (no clause shows a figure: a JSONL input's linked figures are taken whole)
    return min(figures, 3)


# a time word whose year the item does not give: 今年初，市人大常委会…; 力争今年…突破2600家.
# 当年 counts as a word only where a clause or a preposition leaves it (当年新增…, 于当年…): inside
# 应当年满, 相当年薪 it is no time word
_DANGLING_YEAR_RE = re.compile(r"今年|(?:^|(?<=[，,；;。：:、（(“\s在于自从至到其]))当年|^去年")
_FULL_YEAR_RE = re.compile(r"(?:19|20)\d\d年")


def dangling_year(text: str) -> bool:
    """Whether the item leans on a year it does not print: it opens on 今年/当年/去年, or says
    今年/当年 with no year anywhere (a 2015年 later on does not date 今年初, which opens it)."""
    m = _DANGLING_YEAR_RE.search(text)
    return m is not None and (m.start() == 0 or not _FULL_YEAR_RE.search(text))


def dated_this_year(text: str, year: int) -> str:
    """今年 put in its year (力争今年（2024年）科技型企业超过4.8万家) for a document of that year,
    where it dangles (`dangling_year`), and so an opening 去年 (去年（2022年）全省研发经费支出… in a
    2023 report: issue #13 dates 去年 by the document); 当年 is left as it is (whose year, the
    sentence must say)."""
    if not dangling_year(text):
        return text
    if "今年" in text:
        return text.replace("今年", f"今年（{year}年）", 1)
    if text.startswith("去年"):
        return f"去年（{year - 1}年）{text[2:]}"
    return text
