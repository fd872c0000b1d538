"""Whether a measure is done or planned: from the document's genre, its section and its own mood.

Three sources of evidence, weighed in this order:

1. the sentence's mood, when it is unmistakable: 拟, 预计, 力争, 计划 (as a verb), 将 as a modal,
   a target year not yet past (到2025年) mark a plan; 已…, 累计, 截至, a verb with 了, …以来 mark
   something done;
2. the section it sits under: review sections (回顾, 成效, 进展, 完成情况, 主要做法, 工作开展情况, a
   year before the document's own) against task sections (任务, 目标, 建议, 安排, 部署, 要求, 打算,
   思路, 下一步, 今后, a year at or after the document's own, 今年/明年 in a report delivered that
   year); a top-level section without a cue that follows a task section belongs to the task part
   (a government work report's 政府自身建设 after its 工作任务);
3. softer mood cues (要 as a modal, 确保, 实现, 达到 X, 增长 X%, 同比 …), then the genre: a plan,
   policy or work-points document states intentions; replies, summaries, statistics and news report
   what was done.

Every decision carries its basis and the cue that decided, which `briefing explain` prints.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from briefing.extract.dates import FUTURE_YEARS
from briefing.extract.numbering import leading_number
from briefing.extract.places import find_places, may_name_place
from briefing.model import Status, Structure

Genre = Literal["reply", "summary", "report", "plan", "news", "statistics", "unknown"]
SectionKind = Literal["review", "tasks"]
Basis = Literal["mood", "section", "region", "genre", "default"]

GENRE_LABELS: dict[str, str] = {
    "reply": "答复/复函",
    "summary": "工作总结",
    "report": "工作报告",
    "plan": "规划/政策/方案",
    "news": "新闻报道",
    "statistics": "统计公报",
    "unknown": "未识别",
}
BASIS_LABELS: dict[str, str] = {
    "mood": "句子语气",
    "section": "所在章节",
    "region": "计划段落",
    "genre": "文件体裁",
    "default": "默认",
}

# ---------------------------------------------------------------- genre

# The head noun of a Chinese title comes last: of several cues, the one ending last decides
# (关于…建议的答复 is a reply, 关于…情况的报告 a report).
_GENRE_TITLE_RE = re.compile(
    r"(?P<reply>答复|复函|回复|办理(?:情况|结果)|(?:提案|议案)(?:的)?(?:办理)?)"
    r"|(?P<statistics>统计公报|统计快报|统计监测|统计数据|统计年鉴|主要(?:统计)?指标|统计分析|简表"
    r"|(?:相关|主要|基本)数据)"
    r"|(?P<report>政府工作报告|工作报告|报告)"
    r"|(?P<summary>总结|工作情况|年度报告|年报|综述|回顾|工作成效|(?:进展|完成|落实|执行|推进|实施)情况)"
    r"|(?P<plan>意见|方案|规划|办法|通知|措施|细则|计划|纲要|指南|规定|决定|条例|政策|要点|若干|规则"
    r"|行动|建议|清单|目录|路线图|实施|指引|任务分解|责任分工|分工|分解|任务|摘编|汇编|解读)"
    r"|(?P<news>记者|新闻|发布会|动态|召开|举行|举办|开幕|闭幕|揭牌|签约|出席|调研|走访|会见|座谈)"
)
# a notice's one line that sends the document below it (现将《…》印发给你们)
_SENT_BODY_RE = re.compile(r"现将《([^《》]+)》(?:予以)?印发")
# the join of a title's two parts (…工作总结和2025年工作计划, …执行情况与…计划草案)
_TITLE_JOIN_RE = re.compile(r"[及和与暨、]|以及")
# 关于印发《…实施方案》的通知, 我市出台《…意见》: a quoted title names another document
_QUOTED_TITLE_RE = re.compile(r"《[^《》]*》")
_TRAILING_NOTE_RE = re.compile(r"[(（][^()（）]{0,16}[)）]$")
_REPLY_BODY_RE = re.compile(
    # (every branch opens with a character, not a group or a lookbehind: one that does not costs
    # the whole pattern sre's scan for its first characters)
    r"收悉|您(?:提出|所提|们提出)的|你们?(?:提出|所提|们提出)的"
    r"|现(?:将有关情况|就有关问题)?答复如下|特(?:将有关情况|就有关问题)?答复如下"
    r"|代表(?<!各位代表)[:：]$|委员[:：]$"
)
_REPORT_BODY_RE = re.compile(r"各位代表|请予审议|(?:人民代表大会|人大).{0,12}(?:会议|次会)上")
_PLAN_BODY_RE = re.compile(
    r"现提出(?:以下|如下)意见|现予(?:以)?印发|现印发给你们|现将.{0,30}印发|特制定本|制定本(?:方案|办法|措施|意见|规划)"
)
_STATISTICS_BODY_RE = re.compile(r"统计公报|统计数据显示")
# a summary opens on its year (2023年,全市科技系统…), also after a yearbook entry's head
# (【概况】 2007年,全市科技系统…), or looks back over it
_SUMMARY_BODY_RE = re.compile(
    r"^(?:【[^】]{1,12}】\s*)?20\d\d年(?:以来)?\s*[,，]|一年来|过去一年|今年以来|工作总结"
)
# a summary's first part reviews a year (一、2025年上半年工作情况, 一、2018年科技工作回顾); a plan's
# review is of a period (一、“十三五”科技发展回顾)
_YEAR_REVIEW_HEAD_RE = re.compile(r"^一、20\d\d年[^，,。]{0,12}(?:情况|回顾)$")
_NEWS_BODY_RE = re.compile(
    r"记者|通讯员|新华社|日电|(?:本报|本网)讯|来源[:：].{0,12}(?:报|网|台)"
    # a news lede: a paragraph that opens on the day of the event (近日,/3月26日上午,), after its
    # year (2023年3月10日下午,) or a clause of purpose (为推动…,6月26日上午,市政府召开…)
    r"|^(?:近日|日前|近期)[,，]"
    r"|^(?:[^。]{0,60}[,，])?(?:20\d\d年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上?)?[,，]"
)
_ARTICLE_RE = re.compile(r"第[一二三四五六七八九十百零〇]{1,4}条")
_PROVISION_RE = re.compile(
    r"给予.{0,16}?(?:奖励|资助|补助|补贴|贴息|支持)|最高(?:给予|奖励|补助|资助|不超过)"
)
# a document that names itself by its type (制定本实施方案, 自本方案印发之日起, 适用本办法): a plan or
# a policy, wherever the words stand; 本 right before the type word or one of its modifiers (还本付息
# is no self-reference). 本 must start a word: at a clause start or after a verb or preposition that
# takes the document as its object (制定本, 适用本, 自本, 按本); inside a word (降成本措施, 基本政策,
# 根本措施, 资本规划, 日本) it names nothing.
_SELF_REFERENCE_RE = re.compile(
    r"(?:(?<![^\s，,。；;：:（()）、“”\"》条自按依照对在从由经])"
    r"|(?<=制定|制订|适用|根据|按照|依据|依照|执行|实施|落实|参照|符合|违反|享受|纳入|列入|印发))"
    r"本(?:实施|行动|试点|工作|专项|暂行|管理|若干)?"
    r"(?:方案|办法|规划|细则|规定|条例|意见|措施|计划|指引|指南|政策)(?![书])"
)
_POLICY_HEADING_RE = re.compile(
    r"总体要求|指导思想|基本原则|保障措施|组织保障|组织实施|工作目标|主要目标"
)


# a reply whose title's last word is not 答复: a report on handling a numbered proposal (关于省十四届
# 人大一次会议第61号建议办理情况的报告), or a page a 人大 site heads with the proposal's own title
# (关于积极支持宜宾市申报…的建议) whose text acknowledges it (您提出的《…》(第94号建议)收悉)
_HANDLED_RE = re.compile(
    r"第\s*[0-9０-９]{1,9}\s*号(?:代表)?(?:建议|提案|议案).{0,6}(?:办理|答复|复函|回复)"
)
_PROPOSAL_HEADED_RE = re.compile(r"(?:建议|提案|议案)$")
_ACKNOWLEDGED_RE = re.compile(r"(?:建议|提案|议案)[^。]{0,60}收悉")


def _reply_title(title: str, structure: Structure | None) -> str | None:
    """Why a title whose head noun is not 答复 is a reply's (for `briefing explain`), or None."""
    m = _HANDLED_RE.search(title)
    if m is not None:
        return f"标题中的“{m.group(0)}”"
    head = _PROPOSAL_HEADED_RE.search(title.rstrip("。 "))
    if head is None or structure is None:
        return None
    for p in structure.paragraphs[:12]:
        if _ACKNOWLEDGED_RE.search(p.text) is not None:
            return f"标题是“{head.group(0)}”本身，正文写明收悉"
    return None


@dataclass(frozen=True)
class GenreGuess:
    genre: Genre
    cue: str  # the words that decided, for `briefing explain`


def detect_genre(title: str | None, structure: Structure | None = None) -> GenreGuess:
    """The document's genre from its title's head noun, else from cues in its first paragraphs.

    The one guess of the genre: the status rules (`briefing.extract.measures.document_context`),
    the figures' years and kinds and the briefing's count of documents by kind
    (`briefing.digest.document_kind`) all read it."""
    if title and (reply := _reply_title(title, structure)) is not None:
        return GenreGuess("reply", reply)
    if title:
        sent = _TRANSMITTAL_RE.search(title.strip().rstrip("。"))
        inner = _title_genre(sent.group("named")) if sent is not None else None
        if sent is not None and inner is not None:
            # 关于印发《某市2022年科技工作总结及2023年工作思路》的通知: the notice carries the
            # document it sends out, whose text follows; what that document is decides
            named = sent.group("named")
            if named[:1] == "《" and named[-1:] == "》" and named.count("《") == 1:
                named = named[1:-1]
            return GenreGuess(inner.genre, f"通知印发的“{named}”，{inner.cue}")
        guess = _title_genre(title)
        if guess is not None:
            return guess
    if structure is None:
        return GenreGuess("unknown", "")
    return _body_genre(structure)


# a notice that sends out a document (关于印发《…》的通知, 某市人民政府关于转发…的通知): the words
# between the verb and 的通知 name that document
_TRANSMITTAL_RE = re.compile(r"(?:印发|转发|下发|颁布|发布)(?P<named>[^，,。]+?)的(?:通知|通报)$")


def _title_genre(title: str) -> GenreGuess | None:
    """The genre a title's head noun names, or None when it names none."""
    own = _QUOTED_TITLE_RE.sub("", title.strip().rstrip("。"))
    if not _GENRE_TITLE_RE.search(own):
        # 成办发〔2012〕17号《…的通知》: the whole title quoted
        quoted = _QUOTED_TITLE_RE.findall(title)
        own = quoted[-1][1:-1] if quoted else own
    own = _TRAILING_NOTE_RE.sub("", own)
    # a plan's type word is its title's last word (…实施方案(试行)); in the middle it is what
    # a news item reports (我市出台十条措施支持科技创新)
    cues = [
        m
        for m in _GENRE_TITLE_RE.finditer(own)
        if m.lastgroup is not None and (m.lastgroup != "plan" or m.end() == len(own))
    ]
    verb = _headline_verb(own, cues) if cues else _headline_predicate(own)
    if verb is not None:
        # 某市技术合同成交额超额完成目标任务, 市政协召开提案协商会: the type word is the object
        # of the title's own verb, so the title is a sentence that reports an event or a
        # result (a headline), not the name of a plan or a reply
        return GenreGuess("news", f"标题是报道事件或结果的句子（“{verb}…”）")
    if cues:
        last = cues[-1]
        review = next((m for m in cues if m.lastgroup == "summary"), None)
        if (
            last.lastgroup == "plan"
            and review is not None
            and _TITLE_JOIN_RE.match(own, review.end()) is not None
        ):
            # 2024年工作总结和2025年工作计划: a review part and a task part, like a work report;
            # a summary word that only modifies the title's type word (关于开展…落实情况督查的
            # 通知) leaves the decision to that last word
            return GenreGuess("report", f"标题中的“{review.group(0)}”和“{last.group(0)}”")
        return GenreGuess(last.lastgroup, f"标题中的“{last.group(0)}”")  # type: ignore[arg-type]
    return None


def _body_genre(structure: Structure) -> GenreGuess:
    """The genre from cues in the first paragraphs of a document whose title names none."""
    opening = [p.text for p in structure.paragraphs[:12]]
    checks: tuple[tuple[Genre, re.Pattern[str]], ...] = (
        ("reply", _REPLY_BODY_RE),
        ("report", _REPORT_BODY_RE),
        ("plan", _PLAN_BODY_RE),
        ("statistics", _STATISTICS_BODY_RE),
        ("summary", _SUMMARY_BODY_RE),
    )
    for genre, pattern in checks:
        for at, text in enumerate(opening):
            hit = pattern.search(text)
            lede = _news_lede(opening[:at]) if hit is not None and genre == "summary" else None
            if lede is not None:
                # 3月5日,仙桃市召开…部署会 above 会议指出,过去一年…: the item's lede comes first,
                # and the year it retells further down is the meeting's review, not the page's
                return GenreGuess("news", f"开头段落中的“{lede}”")
            if hit is not None:
                sent = _SENT_BODY_RE.search(text) if genre == "plan" else None
                inner = detect_genre(sent.group(1)) if sent is not None else None
                if sent is not None and inner is not None and inner.genre != "unknown":
                    # 现将《2015年科技工作总结及2016年工作思路》印发给你们: the page is the document
                    # its notice sends, as a title that sends one is (_TRANSMITTAL_RE)
                    return GenreGuess(inner.genre, f"开头印发的《{sent.group(1)}》，{inner.cue}")
                return GenreGuess(genre, f"开头段落中的“{hit.group(0)}”")
    # the first heading, parsed as a section or (in a page read line by line) its first line
    for text in [s.heading for s in structure.sections[:1]] + opening[:1]:
        if _YEAR_REVIEW_HEAD_RE.search(text) is not None:
            return GenreGuess("summary", f"第一部分“{text}”回顾一年的工作")
    headings = [s.heading for s in structure.sections if _POLICY_HEADING_RE.search(s.heading)]
    if len(headings) >= 2:
        return GenreGuess("plan", f"章节“{headings[0]}”“{headings[1]}”")
    # a regulation's articles (第三条) or a policy's support standards (给予…最高20万元资助)
    articles = provisions = 0
    for p in structure.paragraphs[:60]:
        articles += _ARTICLE_RE.match(p.text) is not None
        provisions += len(_PROVISION_RE.findall(p.text))
    if articles >= 2 or any(s.title.endswith("总则") for s in structure.sections):
        return GenreGuess("plan", "正文按“第…条”分条")
    for p in structure.paragraphs[:60]:
        hit = _SELF_REFERENCE_RE.search(p.text) if "本" in p.text else None
        if hit is not None:
            return GenreGuess("plan", f"正文以“{hit.group(0)}”自称")
    if provisions >= 3:
        return GenreGuess("plan", "正文有多条支持标准（给予…奖励/资助）")
    lede = _news_lede(opening)
    if lede is not None:
        return GenreGuess("news", f"开头段落中的“{lede}”")
    return GenreGuess("unknown", "")


def _news_lede(opening: Sequence[str]) -> str | None:
    """The first news cue (a dateline, a byline, 近日, a day of the event) in `opening`, or None.

    Every opening line is read: on a page without a title line the lede stands below whatever
    chrome the page kept (breadcrumbs, the headline, 发布时间, 字号), often as its sixth line."""
    for text in opening:
        hit = _NEWS_BODY_RE.search(text)
        if hit is not None:
            return hit.group(0)
    return None


# A headline's predicate: a verb of an event (召开, 举行) or of a result reached (完成, 获批). With a
# later type word as its object and no 的 between (…超额完成目标任务, …召开提案协商会), the title
# is a sentence about what happened; inside 关于…的 it is the topic a notice or a report names
# (关于召开…会议的通知, 关于…任务完成情况的报告)
_HEADLINE_VERB_RE = re.compile(
    r"召开|举行|举办|开幕|闭幕|揭牌|签约|调研|走访|会见|座谈|(?:超额|全面|圆满|提前)?完成(?!情况)"
    r"|实现|获批|荣获|入选"
)
_HEADLINE_BREAK = "的》"


def _headline_verb(title: str, cues: Sequence[re.Match[str]]) -> str | None:
    """The verb whose object is the title's deciding type word (plan, reply or summary), or None."""
    last = cues[-1] if cues else None
    if last is None or last.lastgroup == "news" or title.startswith("关于"):
        return None
    before = title[: last.start()]
    cut = max(before.rfind(c) for c in _HEADLINE_BREAK)
    verb = _HEADLINE_VERB_RE.search(before, cut + 1)
    return verb.group(0) if verb is not None else None


# a headline's predicate when the title names no document type (遂宁扎实推进创新主体培育工作, 红河州
# 科技投入不断加大): a verb of action or of an event after its subject, or a result it states
_TITLE_EVENT_RE = re.compile(r"启动|赴")


def _headline_predicate(title: str) -> str | None:
    """The predicate of a title that names no document type but is a sentence, or None.

    A document's title ends on what it is (方案, 总结, 简表, 慰问信); a news item's title says what
    its subject did or reached. A title that opens on the verb (加快推进…, a speech's or a slogan's)
    has no subject and says nothing of the kind."""
    if gives_order(title) or title.startswith("关于"):
        return None
    verb = (
        _HEADLINE_VERB_RE.search(title, 2)
        or _IMPERATIVE_START_RE.search(title, 2)
        or _TITLE_EVENT_RE.search(title, 2)
    )
    if verb is not None:
        return verb.group(0)
    result = _RESULT_PREDICATE_RE.search(title)
    return result.group(0) if result is not None else None


# ---------------------------------------------------------------- sections

# cues that mark a task section wherever they stand in the heading: words that look ahead, and
# nouns of tasks (重点工作, 主要任务), which name a topic but no time
_TASK_ANYWHERE_RE = re.compile(
    r"(?P<ahead>下一步|下步|下阶段|今后|打算|展望|努力方向|工作(?:安排|计划|思路|要点)|计划安排|思路"
    # a future period (二、未来五年的工作), not the 未来 of 未来产业
    rf"|{FUTURE_YEARS})"
    r"|(?P<noun>工作任务|重点任务|主要任务|重点工作|任务分解|责任分工)"
)
# head nouns that mark a task section at the end of the heading (二、对今年政府工作的建议,
# (三)工作目标); after 落实/贯彻/按照… they are an object (全面落实整改要求), not the head
_TASK_END_RE = re.compile(
    r"(?:目标|任务|要求|部署|建议|安排|举措|对策|措施|重点工作|要点|方向|取向)(?:[和与及](?:目标|任务|要求|政策取向|举措))?$"
)
_OBJECT_VERB_RE = re.compile(
    r"落实|贯彻|按照|围绕|执行|完成|实现|对标|对照|响应|遵循|采取|取得|服务"
)
_REVIEW_ANYWHERE_RE = re.compile(
    r"回顾|总结|以来|过去.{0,2}年|(?:开展|工作|进展|扶持|落实|完成|办理|执行|基本|实施)情况|主要做法"
    r"|取得.{0,10}(?:成效|成绩|进展|突破|成果|成就)|(?:主要|工作|显著|明显)(?:成效|成绩|进展|成果)"
    r"|发展(?:现状|基础|环境)|形势"
)
_REVIEW_END_RE = re.compile(r"(?:成效|成绩|进展|成果|成就|亮点|情况|做法|经验)$")
# a heading opening with a verb of command is a task's, whatever noun ends it (巩固拓展成效)
_IMPERATIVE_START_RE = re.compile(
    r"(?:进一步|全面|深入|持续|大力|积极|着力|切实|扎实|不断|加快|全力)?"
    r"(?:围绕|紧扣|立足|着眼|加快|加强|推进|推动|强化|深化|完善|提升|提高|健全|巩固|扩大|优化|打造|构建|实施|聚焦|做强|做优"
    r"|做大|培育|支持|鼓励|建立|建设|开展|落实|抓好|统筹|促进|夯实|坚持|突出|激发|营造|发挥|用好|贯彻)"
)


def gives_order(text: str) -> bool:
    """加快推进…, 支持高校…, 鼓励企业…: a sentence that opens on a verb of command, with no
    subject, as a plan's or a task list's items do (a report of what was done names its actor or
    a result)."""
    return _IMPERATIVE_START_RE.match(text) is not None


# a result stated as subject + adverb + verb: (二)高能级科创平台提质发展, 人才培育成效逐步显现
_RESULT_PREDICATE_RE = re.compile(
    r"(?:逐步|持续|不断|加快|加速|提速|提质|稳步|扎实|显著|明显|大幅|有效|有力|日益|更加|初步|基本|成功"
    r"|全面|进一步|取得新?)[\u4e00-\u9fff]{1,4}$|(?:完成|实现|落地|见效|突破)$"
)
_HEADING_YEAR_RE = re.compile(r"(20\d\d)年")
# a five-year plan period a heading names: “十五五”, 第十五个五年规划
_HEADING_PERIOD_RE = re.compile(r"十([一二三四五六])(?:个五年|五)")
# the drafting of a plan, which a summary reports as work done
_DRAFTING_RE = re.compile(r"编制|起草|谋划")
_THIS_YEAR_RE = re.compile(r"今年(?!以来)|明年|本年度")
_HEADING_TRIM = "。.：:；;，, "


class GenreRole(NamedTuple):
    """What a genre says about the status of its sentences: the one place the status rules and
    `briefing explain` read it from.

    `default` is the status of a sentence that neither its own mood nor its section decides.
    `soft_plans`: whether a soft plan cue (要 as a modal, 预计) may make a sentence planned; a
    genre that reviews a past period reads them as its own account (预计全年增长8%, 要求…).
    `events`: the genre may report an event (news, and web pages of no known genre): a dateline
    and byline opening its text (中新网某地1月5日电(记者 某某)) are the page's, not a measure's.
    `reads` is the rule in the words `briefing explain` prints."""

    default: Status
    soft_plans: bool
    events: bool
    reads: str


GENRE_ROLES: dict[str, GenreRole] = {
    "plan": GenreRole(
        "planned",
        True,
        False,
        "默认是要做的事；只有明确的完成标记（已……、累计、截至）算已完成",
    ),
    "report": GenreRole(
        "done",
        True,
        False,
        "回顾部分是已做的事，任务部分（今年、下一步、以后的年份）是要做的事",
    ),
    "reply": GenreRole(
        "done",
        True,
        False,
        "按答复自己的段落：已开展的工作是已做的事，“下一步”以后是要做的事",
    ),
    "summary": GenreRole(
        "done",
        False,
        False,
        "默认是已做的事；“要”“预计”等弱提示不算计划，只有下一步、明年或更晚的年份、句子明确的计划语气才算",
    ),
    "statistics": GenreRole(
        "done",
        False,
        False,
        "默认是已做的事；“要”“预计”等弱提示不算计划，只有下一步、明年或更晚的年份、句子明确的计划语气才算",
    ),
    "news": GenreRole(
        "done",
        True,
        True,
        "默认是已做的事；句子自己的计划语气（将、拟、要、到某年）或会议、讲话的要求才是要做的事",
    ),
    "unknown": GenreRole(
        "done",
        True,
        True,
        "未识别体裁，默认是已做的事；句子自己的计划语气（将、拟、要、到某年）或会议、讲话的要求才是要做的事",
    ),
}
# genres that report a past period
LOOKING_BACK = frozenset(g for g, role in GENRE_ROLES.items() if not role.soft_plans)
# genres that may report an event (a meeting, a visit) and open on a dateline
EVENTS = frozenset(g for g, role in GENRE_ROLES.items() if role.events)
# words that name what a plan holds but not when (思路, 工作要点): in a summary they name what
# guided the work reviewed (创新工作思路, 围绕工作要点), as its nouns of tasks name its topics
_ATEMPORAL_AHEAD = frozenset({"思路", "工作思路", "工作要点"})


@dataclass(frozen=True)
class SectionVerdict:
    kind: SectionKind
    heading: str
    cue: str
    strong: bool = True
    # decided by a noun of tasks alone (重点工作, 举措, 目标…), which says what the part is about,
    # not when: under a review heading it lists what was done
    noun: bool = False


@functools.lru_cache(maxsize=4096)
def heading_kind(
    heading: str, year: int | None = None, genre: Genre = "unknown"
) -> SectionVerdict | None:
    """review/tasks from a heading's wording, or None when it says neither.

    Strong cues: task words anywhere (下一步, 打算, 工作安排) or as the head noun at the end (目标,
    任务, 建议, 要求 — not as the object of 落实/贯彻…); review words (回顾, 以来, 开展情况, 取得…成效,
    or 成效/情况/做法 as the head noun of a heading that is not an order); where both occur, the later
    one decides (重点工作完成情况 is review). A year decides when no word does (a year after the
    document's own: tasks; before it: review). Weak: a result stated as subject + adverb + verb
    (科技人才引进逐步发力)."""
    number = leading_number(heading)
    body = heading[number.end() if number else 0 :].strip(_HEADING_TRIM)
    if not body:
        return None
    last = re.split(r"[，,、；;：:]", body)[-1]
    imperative = _IMPERATIVE_START_RE.match(body) is not None
    # a summary reports what was done: its part is a task part by a word that looks ahead in
    # time (下一步, 打算, 明年, a later year), not by a topic (2024年重点工作, 创新工作思路)
    topics = genre in LOOKING_BACK and not _names_later_year(body, year)
    ahead = False
    cues: list[tuple[int, SectionKind, str]] = []
    for hit in _TASK_ANYWHERE_RE.finditer(body):
        if topics and (hit.lastgroup == "noun" or hit.group(0) in _ATEMPORAL_AHEAD):
            continue
        cues.append((hit.end(), "tasks", hit.group(0)))
        ahead = ahead or hit.lastgroup == "ahead"
    m = None if topics else _TASK_END_RE.search(last)
    # 关于加大科技投入的建议: a reply's heading names the proposal it answers, not a task part
    if m is not None and _OBJECT_VERB_RE.search(last[: m.start()]) is None and body[:2] != "关于":
        cues.append((len(body), "tasks", m.group(0)))
    cues += [(m.end(), "review", m.group(0)) for m in _REVIEW_ANYWHERE_RE.finditer(body)]
    m = _REVIEW_END_RE.search(last)
    if m is not None and not imperative:
        cues.append((len(body), "review", m.group(0)))
    if cues:
        _, kind, cue = max(cues, key=lambda c: (c[0], c[1] == "review"))
        return SectionVerdict(kind, heading, cue, noun=kind == "tasks" and not ahead)
    m = _THIS_YEAR_RE.search(body)
    if m is not None and (m.group(0) != "今年" or genre in ("report", "plan")):
        return SectionVerdict("tasks", heading, m.group(0))
    if year is not None:
        period = _HEADING_PERIOD_RE.search(body) if "五" in body else None
        if (
            period is not None
            and period_years(period.group(1))[0] >= year
            and not (topics and _DRAFTING_RE.search(body) is not None)
        ):
            # 二、关于《…第十五个五年规划纲要（草案）》的说明 in a report of 2026: a part on a plan
            # period that has not yet begun or begins this year says what is to be done in it,
            # in a summary too (三、“十五五”时期主要目标). Not a summary's 二、扎实推进“十五五”规划编制:
            # that names the drafting it reports
            return SectionVerdict("tasks", heading, period.group(0))
        years = [int(y) for y in _HEADING_YEAR_RE.findall(body)]
        if years:
            last_year = years[-1]
            if last_year > year or (last_year == year and genre in ("report", "plan")):
                return SectionVerdict("tasks", heading, f"{last_year}年")
            if last_year < year:
                return SectionVerdict("review", heading, f"{last_year}年")
    if not imperative:
        m = _RESULT_PREDICATE_RE.search(body)
        if m is not None:
            return SectionVerdict("review", heading, m.group(0), strong=False)
    return None


def _names_later_year(heading: str, year: int | None) -> bool:
    """Whether a heading names a year after the document's own (三、2024年工作思路 in a 2023
    summary), or 明年."""
    if "明年" in heading:
        return True
    return year is not None and any(int(y) > year for y in _HEADING_YEAR_RE.findall(heading))


def summary_topic(section: Sequence[str], year: int | None, genre: Genre) -> SectionVerdict | None:
    """The heading that would mark a task part in another genre but in a summary names a topic
    (2024年重点工作), for `briefing explain`; None when there is none."""
    if genre not in LOOKING_BACK:
        return None
    for heading in reversed(section):
        verdict = heading_kind(heading, year)
        if verdict is not None and verdict.kind == "tasks":
            return verdict
    return None


@functools.lru_cache(maxsize=2048)
def section_verdict(
    section: tuple[str, ...], year: int | None, genre: Genre
) -> SectionVerdict | None:
    """The innermost heading with a strong cue decides, else the innermost with a weak one; every
    measure of a section asks the same. A heading that is tasks by a noun alone ((三)扎实推进重点工作,
    (二)创新政策举措) yields to a review heading above it (一、2024年工作情况): there it names
    the topic of what was done."""
    weak = None
    noun = None
    for heading in reversed(section):
        verdict = heading_kind(heading, year, genre)
        if verdict is None:
            continue
        if verdict.strong and verdict.noun:
            noun = noun or verdict
        elif verdict.strong:
            return verdict if verdict.kind == "review" or noun is None else noun
        else:
            weak = weak or verdict
    return noun or weak


# ---------------------------------------------------------------- mood

_SUBJECTS = (
    "我们|我市|我局|我委|我区|我县|我省|我厅|我部|我院|本市|市政府|区政府|政府|下一步|今后|还|也|都|均|亦|仍"
    "|今年|明年|全市|全省|全区|全县|全州|本省|本区|本县"
)
_MODAL_AFTER = (
    "进一步|继续|加快|着力|着重|大力|积极|认真|持续|全力|加大|不断|深入|重点|围绕|坚持|按照|以|在|于|全面"
    "|切实|努力|逐步|聚焦|进行|开展|启动|实施|出台|建立|组织|推动|推进|完善|加强|强化|优化|探索|研究"
    "|制定|争取|力争|着眼|立足|会同|联合|充分|更加|适时|尽快|抓紧|统筹|打造|构建|建设|支持|鼓励|引导"
    "|提升|提高|扩大|深化|落实|做好|发挥|举办|召开|设立|成为|达到|实现|形成|迎来"
)
# 将 as a modal verb (我们将…, 将进一步…) marks a plan; 将 + noun + 纳入/作价 is the object marker of a
# past action, so 将 alone never decides.
MODAL_JIANG_RE = re.compile(rf"(?:{_SUBJECTS})将(?![其该这此])|将(?:{_MODAL_AFTER})")
# 拟 as a verb of intention: after a clause break or a subject, or before a verb (拟安排, 拟于); not
# 拟上市企业 or 摸排拟申报企业, where it names a kind of firm, nor 拟定 (drafted)
_NI = (
    r"(?:^|(?<=[，,；;])|(?<=我们)|(?<=我市)|(?<=我局)|(?<=今年)|(?<=明年))拟(?!上市|挂牌|定|制|稿)"
    r"|拟(?=于|在|对|将|开展|建设|出台|制定|启动|组织|设立|安排|投入|投资)"
)
# the same, literal first (see PLAN_TEST_RE)
_NI_FAST = (
    r"拟(?!上市|挂牌|定|制|稿)(?:(?<![^，,；;]拟)|(?<=我们拟)|(?<=我市拟)|(?<=我局拟)|(?<=今年拟)"
    r"|(?<=明年拟))|拟(?=于|在|对|将|开展|建设|出台|制定|启动|组织|设立|安排|投入|投资)"
)
# 争取到 is a target only before a time (争取到2025年, 争取到年底); 争取到位/争取到中央资金X亿元 reports
# money or a status obtained, which a review part says in the past.
_BY_TIME = r"(?=(?:19|20)\d\d|年底|年末|本世纪|[“\"]?十[一二三四五六七八九]五)"
PLAN_RE = re.compile(
    rf"力争|(?<!已)争取到{_BY_TIME}|{_NI}|^[一二三四五六七八九十]要"
    r"|(?:^|[，,；;：:])(?:下一步|下步|下阶段|今后|明年)"
    r"|计划(?:于|在|到|用|年内|今年|明年)|(?:^|[，,；;]|我们|我市|我局)计划(?!单列|投资额|总投资)"
    r"|确保.{0,12}\d"
)
# Whether PLAN_RE matches anywhere, with every branch opening with a literal: the regex engine
# then jumps from one possible first character to the next (several times faster than trying
# the leading (?:^|…) groups at every position). PLAN_RE itself stays for the words it reports.
PLAN_TEST_RE = re.compile(
    rf"力争|争取到(?<!已争取到){_BY_TIME}|{_NI_FAST}|要(?<=^[一二三四五六七八九十]要)"
    # one branch per word: the engine's fast scan needs every branch to open with a literal
    + "".join(rf"|{w}(?<![^，,；;：:]{w})" for w in ("下一步", "下步", "下阶段", "今后", "明年"))
    + r"|计划(?:于|在|到|用|年内|今年|明年)"
    r"|计划(?!单列|投资额|总投资)(?:(?<![^，,；;]计划)|(?<=我们计划)|(?<=我市计划)|(?<=我局计划))"
    r"|确保.{0,12}\d"
)
# 到2025年 at a clause's start (or after 一是), 2025年底前: a target year. Literal first: 到/至 and
# what stands before them is checked afterwards.
TARGET_YEAR_RE = re.compile(
    r"(?:到(?:(?<![^，,；;：:]到)|(?<=[一二三四五六七八九十]是到))"
    r"|至(?:(?<![^，,；;：:]至)|(?<=[一二三四五六七八九十]是至)))(20\d\d)年"
    r"|(20\d\d)年(?:底|末|年底)?(?:前|以前)"
)
_FORECAST_YEAR_RE = re.compile(r"预[计期](?:到|至)(20\d\d)年")
# 已 + a verb of completion (not 对已认定的…, a relative clause); 累计, 截至; …以来 (今年以来, 近年来
# open a review of what was done); 现予以公布. Every branch opens with a literal.
PAST_RE = re.compile(
    r"累计|截至|截止(?!日期)|已(?<![对为]已)(?:经|有|于|建成|获批|认定|落地|完成|实现|形成|达到|发放|立项|与|累计"
    r"|全面|基本|初步|顺利|先后|连续|成功|建立|出台|印发|开展|启动|覆盖|吸引|带动|培育|引进|举办|组织|签约)"
    r"|取得了|以来(?:(?<=年以来)|(?<=月以来))|近年来"
    # a decision made public (确定…255名科技人员为市级科技特派员,现予以公布): what the notice
    # announces was decided
    r"|现予(?:以)?(?:公布|公告|公示|通报|表彰|命名|认定)"
)
# 了 as the aspect marker after a verb (建立了, 出台了); not 为了, 除了, 了解, 一目了然
_LE_RE = re.compile(r"了(?<=[\u4e00-\u9fff]了)(?<![为除罢末不得]了)(?![解结如然不])")
# softer cues: each can occur on the other side too, so a section's verdict outweighs them.
# 要 as a modal: at a clause's start or after a subject or adverb (我们要, 还要), or before a verb
# (要加快); not 主要/重要/需要/要求. Literal first, as above.
_SOFT_PLAN_RE = re.compile(
    r"要(?!求|素|点|件|闻|害|务|领|员|案|职|紧)(?:(?<![^，,；;]要)|(?<=我们要)|(?<=各地要)|(?<=各级要)"
    r"|(?<=必须要)|(?<=一定要)|(?<=务必要)|(?<=[还更都就也仍]要)|(?<=单位要)|(?<=部门要)|(?<=系统要)"
    # a place, zone or body as the subject: 中关村科学城要…, 经济技术开发区要…, 县科技局要…
    r"|(?<=[市区县省州城局委厅]要))"
    r"|要(?<![主重需只纪摘概提首次简扼险机政]要)(?:加快|加强|推进|推动|坚持|持续|着力|切实|进一步|大力"
    r"|深入|把|围绕|抓好|全面|聚焦|不断|继续|做好|落实|强化|完善|健全|提高|提升|优化|扩大|深化|统筹|注重"
    r"|突出|以)"
    r"|预期(?:目标|增长|达到|实现)|左右[。；;，,]?$"
)
_SOFT_PLAN_OPENINGS = ("确保", "努力")
_SOFT_PAST_RE = re.compile(
    r"同比|比上年|较上年|增长\d|增长了|增幅|实现|达到\d|达\d|完成\d|新增\d|共(?:有|计|组织|举办|开展|支持|建成|认定)"
    r"|获批|获得|荣获|入选|位居|位列|排名|首次|先后|成功"
)


# A place named as the clause's subject (太原将新建…, 郑州市今年将…, 张新伟说,未来5年,太原将…) makes
# 将 a modal, as 我市将 does: the clause before 将, less a time or adverb, is a place of the gazetteer
# or a short name with its level (环县, 鄞州区)
_CLAUSE_BREAK_RE = re.compile(r"[，,；;：:。！!？?]")
_BEFORE_SUBJECT_RE = re.compile(r"^(?:今年|明年|同时|此外|未来[^，,；;。]{0,6})[，,]?")
_AFTER_SUBJECT_RE = re.compile(r"(?:今年|明年|也|还|亦|仍|都|同时)$")
_NATION = frozenset({"中国", "我国", "全国", "国家"})
_ADMIN_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:省|市|区|县|州|旗)$")
# 将 as the object marker after a place: 太原将五个片区的企业纳入…; a verb right after 将 is the
# modal's (太原将作为试点城市…)
_JIANG_OBJECT_RE = re.compile(
    r"[^，,。；;：:]+?(?:纳入|列入|列为|作为|作价|认定为|确定为|评为|命名为|转化为|升级为|调整为)"
)


# after a place's 将, a verb or an adverb (太原将新建…, 郑州市今年将继续…); a noun or a number there is
# 将's object (深圳将人工智能摆在…, 鄞州区将3项成果转让给…), a past disposal
_PLACE_MODAL_AFTER_RE = re.compile(
    rf"(?:{_MODAL_AFTER}|新建|新增|新培育|培育|引进|建成|投入|再|每年|年均|陆续|布局|推出|迎来|全力)"
)


def modal_jiang(text: str) -> str | None:
    """The words that make 将 a modal verb here (我们将, 将进一步, 太原将), or None: 将 is then the
    object marker (将…纳入/作价) or absent."""
    if "将" not in text:
        return None
    for m in MODAL_JIANG_RE.finditer(text):
        if not _disposes(text, m.end()):
            return m.group(0)
    at = text.find("将")
    while at >= 0:
        if (
            _PLACE_MODAL_AFTER_RE.match(text, at + 1) is not None
            and _place_subject(text, at)
            and _JIANG_OBJECT_RE.match(text, at + 1) is None
        ):
            return _subject_before(text, at) + "将"
        at = text.find("将", at + 1)
    return None


# 将 + what is done + 纳入/作为 its place (将深化知识产权质押融资纳入《合作备忘录》, 市局将支持中小企业
# 融资作为“助企13条”的重要内容): 将 marks the object of a disposal done, as 把 does. A modal's
# clause may name such a disposal after a verb of its own (将推动…纳入…, 将继续把…纳入…)
_DISPOSED_RE = re.compile(r"[^，,。；;：:！!？?]{2,40}?(?:纳入|列入|列为|作为)")
_MODAL_DISPOSES_RE = re.compile(
    r"(?:推动|推进|争取|力争|积极|努力|逐步|继续|进一步|加快|全力|着力|重点|研究|探索|适时|尽快)"
)


def _disposes(text: str, end: int) -> bool:
    """Whether the 将 just before `end` (matched with the verb after it) marks a disposal's object."""
    at = text.rfind("将", 0, end) + 1
    disposed = _DISPOSED_RE.match(text, at)
    return (
        disposed is not None
        and "把" not in disposed.group(0)
        and _MODAL_DISPOSES_RE.match(text, at) is None
    )


def _subject_before(text: str, at: int) -> str:
    """The clause before `at`, less a leading time (未来5年,) and a trailing adverb (也, 今年)."""
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, 0, at)]
    subject = text[breaks[-1] if breaks else 0 : at]
    return _AFTER_SUBJECT_RE.sub("", _BEFORE_SUBJECT_RE.sub("", subject))


def _place_subject(text: str, at: int) -> bool:
    """Whether the clause before `at` is a place as its subject (太原, 郑州市今年, 未来5年,太原)."""
    subject = _subject_before(text, at)
    if not 2 <= len(subject) <= 8:
        return False
    if _ADMIN_NAME_RE.match(subject) or subject in _NATION:
        return True
    places = find_places(subject) if may_name_place(subject) else []
    return bool(places) and places[0][0] == 0 and places[-1][1] == len(subject)


# a meeting's or a leader's instructions, as news reports them: 会议要求, 他强调, 讲话中部署,
# 某某同志在讲话时强调. Not
# 指出 (pointed out): it opens a review as often as a demand (会议指出,2024年,全市…取得…), so the rest
# of the sentence decides (会议指出,要… is planned by its 要)
INSTRUCTION_RE = re.compile(
    r"(?:会议|会上|讲话[中时]?|发言[中时]?|报告|[他她]|并|同时|最后|书记|县长|市长|局长|主任|厅长|区长|同志)"
    # 提出 only with its own 要 in the sentence (会议提出,…要…): 会上提出,过去一年… reviews; 号召力 is a noun
    r"(?:(?:要求|强调|部署)[,，:：]|提出[,，:：](?=[^。；;]{0,60}?(?<![主重需])要)|号召(?!力))|^号召(?!力)"
    # demands announced, their items to follow (并就下一步工作提出了几点要求,一是…)
    r"|提出了?(?:几点|[一二三四五六七八九十两]点|以下|如下|具体|明确)要求[,，:：]"
)
# 2021年1月,市政府办公厅印发…: a dated event before the document's own date happened
_LEADING_DATE_RE = re.compile(r"(20\d\d)年(\d{1,2}月(?:\d{1,2}日)?)?(?:以来)?[，,]")
# a five-year plan period as a clause's time frame: “十三五”期间, “十三五”时期, “十四五”以来
_PERIOD_RE = re.compile(r"[“\"]?十([一二三四五六])五[”\"]?(?:规划)?(期间|时期|以来)")
_PERIOD_NUMERALS = "一二三四五六"
# 目前/截至目前 opening a clause (下一步,目前我县…): the present state, not a plan
_NOW_RE = re.compile(r"^(?:(?:下一步|下步|下阶段)[，,])?(?:截至|截止)?目前")


def period_years(numeral: str) -> tuple[int, int]:
    """The years of the five-year plan period 十<numeral>五 (十四五: 2021-2025)."""
    start = 2001 + 5 * (_PERIOD_NUMERALS.index(numeral) + 1)
    return start, start + 4


def _past_period(text: str, year: int | None) -> re.Match[str] | None:
    """“十三五”期间 in a document of 2021 or later, “十四五”以来 in one of 2022: a period that
    has ended, or the run of one since its start, reviews what was done."""
    if year is None or "五" not in text:
        return None
    for m in _PERIOD_RE.finditer(text):
        start, end = period_years(m.group(1))
        if (end < year or (m.group(2) == "以来" and start <= year)) and _ATTRIBUTIVE_RE.match(
            text, m.end()
        ) is None:
            return m
    return None


# “十四五”期间开工的重大科技基础设施,加快建成投用: the period only says which things; the sentence's
# own verb (加快建成) decides. Not a subject's 的 (“十四五”期间全市的技术合同成交额…, 以来我省的…),
# whose words end on a level of place
_ATTRIBUTIVE_RE = re.compile(r"[^，,。；;：:的]{0,2}[^，,。；;：:的省市区县州国们]的")


def past_period_opening(text: str, year: int | None) -> str | None:
    """The words of a plan period already over that open `text` (“十四五”时期,上海发展历程…;
    “十四五”时期是…的五年, in 2026), or None; not one naming which things (“十四五”期间开工的…),
    which `_past_period` leaves out."""
    m = _past_period(text[:14], year)
    return m.group(0) if m is not None and m.start() <= 1 else None


# 为民/为主: not a purpose clause
_NOT_PURPOSE = frozenset({"为民", "为主", "为此", "为止", "为期", "为重"})
# (初步)预计全年…增长6.5%左右: an estimate of a period's result, as a review gives it
_ESTIMATE_RE = re.compile(
    r"预计[,，]?(?:全年|今年|上半年|前三季度|一季度|二季度|三季度|全市|全省|20\d\d年(?!底前|前))"
)


class Mood(NamedTuple):
    """A cue in the sentence itself. The message is built only when `briefing explain` asks
    (extraction decides some hundred thousand sentences a minute and never shows them)."""

    status: Status
    strong: bool
    template: str  # the message, with {} for the words that matched
    words: str

    @property
    def cue(self) -> str:
        return self.template.format(self.words)


_JIANG = "“{}”中的“将”是情态动词"
_INSTRUCTION = "“{}”引出的是要求和部署"
_PLANNED = "“{}”表示计划或目标"
_TARGET = "“{}”是目标年份"
_AHEAD = "“{}”是今后的时段"
_GOALS = "“{}”引出的是目标"
_DONE = "“{}”表示已完成"
_EARLIER_DATE = "句首的日期“{}”早于文件日期"
PAST_PERIOD = "“{}”是已过去的规划期"
_NOW = "“{}”陈述的是当前状况"
_RULE = "“{}”陈述的是现行规定或职责分工"
_ESTIMATE = "“{}”是对已过时期结果的估计"
_SOFT_OPENING = "句首的“{}”表示要求或计划"
_SOFT_PLANNED = "“{}”表示要求或计划"
_SOFT_DONE = "“{}”表示已取得的结果"


def sentence_mood(text: str, year: int | None = None) -> Mood | None:
    """The sentence's own mood: a strong plan cue, else a strong past cue, else a soft one."""
    return strong_mood(text, year) or soft_mood(text)


def strong_mood(text: str, year: int | None = None) -> Mood | None:
    """A plan cue (拟, 力争, 将 as a modal, a target year not yet past), else a past cue (已…, 累计,
    截至, a verb with 了, a leading date before the document's own).

    A sentence that opens with a purpose clause (为…,确保2020年…,科技部制定了…) is judged by its
    main clause first: the plans it names are what the action served."""
    if _past_first(text, year):
        past = _past_mood(text, year)
        if past is not None:
            return past
    return _plan_mood(text, year) or _past_mood(text, year)


def _past_first(text: str, year: int | None) -> bool:
    """为… (a purpose clause): the plans it names are what the main verb's action served. A
    sentence that opens on a year before the document's own reports an event (2016年4月,科技部印发
    了…,提出将…): the plans it names are someone else's, stated then."""
    if text[:1] == "为":
        return text[:2] not in _NOT_PURPOSE
    if year is not None and text[:2] == "20":
        m = _LEADING_DATE_RE.match(text)
        return m is not None and int(m.group(1)) < year
    if "目前" in text[:8]:
        return _NOW_RE.match(text) is not None
    m = _past_period(text[:14], year)
    return m is not None and m.start() <= 1


def _plan_mood(text: str, year: int | None) -> Mood | None:
    if "将" in text:
        words = modal_jiang(text)
        if words is not None:
            return Mood("planned", True, _JIANG, words)
    if "未来" in text or "今后" in text or "十" in text:
        frame = future_frame(text, year)
        if frame is not None:
            return Mood("planned", True, _AHEAD, frame)
    if "目标" in text:
        goals = states_goals(text, year)
        if goals is not None:
            return Mood("planned", True, _GOALS, goals)
    if PLAN_TEST_RE.search(text) is not None:
        m = next((c for c in PLAN_RE.finditer(text) if not _past_ensured(text, c, year)), None)
        if m is None:
            return None
        cue = m.group(0).lstrip("，,；;：:")
        if cue == "拟":
            cue = text[m.end() - 1 : m.end() + 2]  # 拟安排, 拟于
        return Mood("planned", True, _PLANNED, cue)
    # every target year holds 年 and 到, 至 or 前: most sentences skip the scan
    if "年" in text and ("到" in text or "至" in text or "前" in text):
        for m in TARGET_YEAR_RE.finditer(text):
            target = int(m.group(1) or m.group(2))
            if year is None or target >= year:
                return Mood("planned", True, _TARGET, m.group(0))
        # 预计到2027年,全市高新技术企业总数突破1000家: a forecast for a later year is a target (the
        # document's own year may be the estimate of its result, 预计到2024年底… in a 2024 summary).
        # A forecast already beaten is not (原预计到2025年达到3%，2024年已提前实现): 原 says it no
        # longer stands, 提前 or 已… that the result came first (not 累计, which a forecast may
        # count: 预计到2027年，累计培育…)
        m = _FORECAST_YEAR_RE.search(text) if "预" in text else None
        if (
            m is not None
            and (year is None or int(m.group(1)) > year)
            and text[m.start() - 1 : m.start()] != "原"
            and "提前" not in text
            and not ("已" in text and any(c.group(0)[0] == "已" for c in PAST_RE.finditer(text)))
        ):
            return Mood("planned", True, _TARGET, m.group(0))
    if (
        "要求" in text or "强调" in text or "部署" in text or "提出" in text or "号召" in text
    ) and (m := INSTRUCTION_RE.search(text)) is not None:
        return Mood("planned", True, _INSTRUCTION, m.group(0))
    if ("指出" in text or "强调" in text or "要求" in text) and (
        m := _SPEAKER_DEMAND_RE.match(text)
    ) is not None:
        return Mood("planned", True, _SPEAKER_DEMAND, m.group("demand"))
    return None


# a speaker's words that make a demand (某某指出,前期做了大量工作,要进一步加强…; 某某在讲话中强调,
# 2023年是关键一年,我们要紧紧围绕…): what the speaker asks for is planned, the past the speaker
# recalls on the way (做了, 作了…部署) only frames it
_SPEAKER_DEMAND_RE = re.compile(
    r"^(?!会议|会上)[^，,。；;“”]{1,24}?(?:指出|强调|要求)[，,：:]"
    r"[^。；;]*?[，,：:](?P<demand>[^，,。；;：:]{0,12}?(?:(?<![主重只纲需])要(?![求素点闻件])|希望|必须|务必|应当))"
)
_SPEAKER_DEMAND = "讲话人提出的要求（“{}”）"


# a time frame ahead of the document at a clause's start: 未来5年, 今后三年, 在未来三年内, 未来,
_FUTURE_FRAME_RE = re.compile(
    rf"(?:^|[，,；;：:])(?:在)?(?:{FUTURE_YEARS}"
    r"|(?:未来|今后)(?:一个时期|一段时期|一段时间|(?=[，,])))"
)
# a plan period's end as a target (到“十五五”末), or a period still to come (“十五五”期间,… in 2025),
# opening a clause
_PERIOD_AHEAD_RE = re.compile(r"十([一二三四五六])五[”\"]?(?:规划)?(期末|末|时期|期间)")
_PERIOD_LEAD_RE = re.compile(r"(?:^|[，,；;：:])(到|至)?[“\"]?$")


# a sentence that opens on a target date as its frame (到2030年,…; 力争到2027年底,…; 预计到2027年,…):
# what the paragraph goes on to say from there is what that date is to see
_TARGET_OPENING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]是)?(?:力争|争取|预计|预期|计划)?(?:到|至)(20\d\d)年(?:年?底|年?末)?(?:前)?[，,]"
)


def target_opening(text: str, year: int | None, genre: str = "unknown") -> str | None:
    """The target date that opens `text` (到2030年,), when it is ahead of the document: not yet
    come, or for a genre that reviews a past period (a summary signed in the year it reviews,
    到2024年底,全市… reports the year's result) and for a forecast (预计到2024年) a later year."""
    if "到" not in text[:8] and "至" not in text[:8]:
        return None
    m = _TARGET_OPENING_RE.match(text)
    if m is None:
        return None
    target = int(m.group(1))
    later_only = genre in LOOKING_BACK or "预" in m.group(0)
    if year is None or target > year or (target == year and not later_only):
        return m.group(0).rstrip("，,")
    return None


def future_frame(text: str, year: int | None) -> str | None:
    """未来5年, / 今后三年, / 到“十五五”末, opening a clause: what the clause says is ahead."""
    m = _FUTURE_FRAME_RE.search(text) if ("未来" in text or "今后" in text) else None
    if m is not None:
        return m.group(0).lstrip("，,；;：:")
    if "五" not in text:
        return None
    for m in _PERIOD_AHEAD_RE.finditer(text):
        lead = _PERIOD_LEAD_RE.search(text, max(0, m.start() - 3), m.start())
        if lead is None:
            continue
        start, end = period_years(m.group(1))
        words = text[lead.start() : m.end()].lstrip("，,；;：:")
        if lead.group(1) and "末" in m.group(2):
            if year is None or end >= year:
                return words
        elif year is not None and start > year:
            return words
    return None


# a clause that states the goals (2025年科技工作总体目标是:…; 今年全市的主要目标:; 发展目标为…):
# what follows are targets. Its subject is short and names no earlier year (2022年的目标是…, in a
# 2023 summary, was a target then)
_GOALS_RE = re.compile(
    r"(?:^|[，,。；;])([^，,。；;：:]{0,16}?)目标(?:任务)?(?:(?:是(?!否)|为(?!导向|引领|牵引)|如下)[:：]?|[:：])"
)
# 全面完成年度目标任务: a goal met, not one set
# 去年的目标是…: a past goal; 围绕目标:/对照目标: a goal worked toward, not announced
_GOAL_MET_RE = re.compile(
    r"完成|达成|超额|圆满|实现了|去年|上年|过去|原定|围绕|对照|紧扣|瞄准|考核"
)
_GOAL_YEAR_RE = re.compile(r"(20\d\d)年")


def states_goals(text: str, year: int | None) -> str | None:
    """主要预期目标是: / 2025年科技工作总体目标为…: the words that announce targets, or None."""
    if "目标" not in text:
        return None
    for m in _GOALS_RE.finditer(text):
        subject = m.group(1)
        if _GOAL_MET_RE.search(subject) is not None:
            continue
        years = [int(y) for y in _GOAL_YEAR_RE.findall(subject)]
        if year is None or all(y >= year for y in years):
            return m.group(0).lstrip("，,。；;")
    return None


# who is competent for a matter, by a standing rule: …应由地方党委、政府结合实际因地制宜决定并按程序
# 报批; 按规定由市财政局负责拨付
_STANDING_RULE_RE = re.compile(
    r"(?:(?:应当?|须|均)由|(?:按|依|根据)(?:照|据)?(?:有关|相关|国家|上级)?规定[,，]?(?:应当?|须|均)?由)"
    r"[^。；;]{1,40}?(?:决定|负责|审批|报批|承担|确定)"
)


def standing_rule(text: str) -> str | None:
    """The words of a standing rule or a statement of who is competent (应由…决定, 按规定由…负责)."""
    if "由" not in text or not ("应" in text or "须" in text or "均" in text or "规定" in text):
        return None
    m = _STANDING_RULE_RE.search(text)
    return m.group(0) if m is not None else None


_ENSURED_YEAR_RE = re.compile(r"确保\D{0,12}((?:19|20)\d\d)年")


def _past_ensured(text: str, cue: re.Match[str], year: int | None) -> bool:
    """确保博鳌亚洲论坛2022年年会圆满举办 in a 2023 report: what was ensured then, not a target."""
    m = _ENSURED_YEAR_RE.match(text, cue.start()) if cue.group(0)[:2] == "确保" else None
    return m is not None and year is not None and int(m.group(1)) < year


def soft_mood(text: str) -> Mood | None:
    """Cues that can occur on either side (要, 确保, 实现, 增长X%): a section's verdict and a plan's
    genre outweigh them."""
    if "预计" in text:
        m = _ESTIMATE_RE.search(text)
        if m is not None:
            return Mood("done", False, _ESTIMATE, m.group(0))
    if text.startswith(_SOFT_PLAN_OPENINGS):
        return Mood("planned", False, _SOFT_OPENING, text[:2])
    m = _SOFT_PLAN_RE.search(text)
    if m is not None:
        return Mood("planned", False, _SOFT_PLANNED, m.group(0))
    m = _SOFT_PAST_RE.search(text)
    if m is not None:
        return Mood("done", False, _SOFT_DONE, m.group(0))
    return None


def reports_done(text: str) -> bool:
    """出台了…, 已建立…: a verb of work done (not a leading date, nor 目前 stating the present)."""
    return PAST_RE.search(text) is not None or ("了" in text and _LE_RE.search(text) is not None)


def _past_mood(text: str, year: int | None) -> Mood | None:
    if "目前" in text[:8] and (m := _NOW_RE.match(text)) is not None:
        return Mood("done", True, _NOW, m.group(0))
    m = PAST_RE.search(text)
    if m is not None:
        return Mood("done", True, _DONE, m.group(0))
    m = _past_period(text, year)
    if m is not None:
        return Mood("done", True, PAST_PERIOD, m.group(0))
    if year is not None and text[:2] == "20":
        m = _LEADING_DATE_RE.match(text)
        if m is not None and (int(m.group(1)) < year or (int(m.group(1)) == year and m.group(2))):
            return Mood("done", True, _EARLIER_DATE, m.group(0).rstrip("，,"))
    if "了" in text:
        m = _LE_RE.search(text)
        if m is not None:
            return Mood("done", True, _DONE, text[m.start() - 1 : m.end()])
    return None


# ---------------------------------------------------------------- the decision


@dataclass(frozen=True)
class DocContext:
    """What the status rules need to know about the whole document."""

    genre: Genre = "unknown"
    year: int | None = None
    genre_cue: str = ""
    # the year a summary or a bulletin reports on (某市科技局2023年工作总结, signed 2024年1月15日):
    # its headings' years are read against it, not against the date it was signed
    reviewed: int | None = None
    # the title makes it a letter or a speech (致…的信, 慰问信, 讲话): its figure-less ! lines greet
    greeting: bool = False

    @property
    def policy(self) -> bool:
        return self.genre == "plan"

    @property
    def heading_year(self) -> int | None:
        """The year a heading's year is compared with: a later one looks ahead."""
        if self.reviewed is not None and self.genre in LOOKING_BACK:
            return self.reviewed
        return self.year


# a soft plan cue (预计 as an estimate of the year's result, 要) does not outweigh a genre that
# reports a past period (LOOKING_BACK)
_NO_CONTEXT = DocContext()


class Decision(NamedTuple):
    """done/planned and what decided it; `reason` words it for `briefing explain`."""

    status: Status
    basis: Basis
    mood: Mood | None = None
    section: SectionVerdict | None = None
    context: DocContext = _NO_CONTEXT
    region: str = ""  # the sentence that opened the 下一步 passage, when that decided

    @property
    def reason(self) -> str:
        if self.basis == "mood" and self.mood is not None:
            return self.mood.cue
        if self.basis == "region":
            # 下一步,我们将…; 会议要求,…; 主要预期目标是:…
            return f"位于“{self.region[:30]}”开启的段落（下一步、要求、目标或要做的工作）"
        if self.basis == "section" and self.section is not None:
            v = self.section
            return (
                f"章节“{v.heading}”是{'任务部分' if v.kind == 'tasks' else '回顾部分'}（“{v.cue}”）"
            )
        if self.basis == "genre":
            ctx = self.context
            label = GENRE_LABELS[ctx.genre]
            if GENRE_ROLES[ctx.genre].default == "planned":
                return f"{label}（{ctx.genre_cue}）陈述的是要做的事"
            return f"{label}（{ctx.genre_cue}）报告的是已做的事"
        return "句子、章节和体裁都没有计划标记"


def decide(
    text: str,
    section: Sequence[str] = (),
    context: DocContext | None = None,
    *,
    task_region: str = "",
    region_depth: int = 0,
    inherited: SectionVerdict | None = None,
) -> Decision:
    """done/planned for one measure, and what decided it.

    `task_region` is the sentence that opened a 下一步 passage this measure sits in, under
    `region_depth` headings: it outweighs the verdict of those headings (我局下步将重点做好如下工作
    inside 一、工作开展情况), not that of a deeper one. `inherited` is the task verdict of an
    earlier top-level section when this one's headings say nothing.
    """
    ctx = context or _NO_CONTEXT
    path = section if isinstance(section, tuple) else tuple(section)
    verdict = (section_verdict(path, ctx.heading_year, ctx.genre) if path else None) or inherited
    if _past_first(text, ctx.year):
        mood = strong_mood(text, ctx.year)
    else:
        mood = _plan_mood(text, ctx.year)
        if mood is None:
            if verdict is not None and verdict.kind == "review" and not task_region:
                # a past cue would say what the section says: spare the scans
                return Decision("done", "section", None, verdict, ctx)
            mood = _past_mood(text, ctx.year)
    tasks = verdict is not None and verdict.kind == "tasks"
    if mood is None and ctx.genre != "plan" and (not tasks or ctx.genre == "reply"):
        # outside a plan's own provisions, who decides or answers for a matter states the rule
        # in force (…应由地方党委、政府因地制宜决定并按程序报批), even among a reply's next steps;
        # a work report's or a summary's task part lays down its own arrangements (项目资金均由
        # 市级财政负责保障), and an order (确保…均由专人负责落实) is one wherever it stands
        rule = standing_rule(text)
        if rule is not None:
            soft = soft_mood(text)
            if soft is None or soft.status != "planned":
                mood = Mood("done", True, _RULE, rule)
    # a strong past cue in a plan's task section is a relative clause (对已认定的…给予奖励); 累计
    # among tasks or targets counts up to the target (…领军企业累计达150家)
    if (
        mood is not None
        and mood.strong
        and (
            mood.status == "planned"
            or not (
                (ctx.genre == "plan" and tasks)
                or (mood.words == "累计" and (tasks or bool(task_region)))
            )
        )
    ):
        return Decision(mood.status, "mood", mood, verdict, ctx)
    if task_region and (
        verdict is None
        or verdict.kind == "tasks"
        or verdict.heading not in path
        or path.index(verdict.heading) < region_depth
    ):
        return Decision("planned", "region", mood, verdict, ctx, task_region)
    if verdict is not None:
        status: Status = "planned" if verdict.kind == "tasks" else "done"
        return Decision(status, "section", mood, verdict, ctx)
    role = GENRE_ROLES[ctx.genre]
    if role.default == "planned":
        # a plan's 实现/达到 are targets: only a strong past cue (handled above) says done
        return Decision("planned", "genre", mood, None, ctx)
    mood = mood or soft_mood(text)
    if mood is not None and (mood.status == "done" or role.soft_plans):
        return Decision(mood.status, "mood", mood, None, ctx)
    return Decision(role.default, "genre" if ctx.genre != "unknown" else "default", mood, None, ctx)


_REGION_OPEN_RE = re.compile(
    r"^(?:下一步|下步|下阶段|今后|明年)|(?:下一步|下步|下阶段)(?:工作)?(?:中|，|,)?(?:我们|我市|我局|我委|我厅)?(?:将|要|拟|计划)"
)


# a sentence that announces the list of what will be done (为此,要重点做好以下八个方面的工作:;
# 今年将重点围绕以下八个方面开展工作。): a news item or a reply retelling tasks, whose items are bare
# orders with no cue of their own. A modal is needed: 主要做了以下工作 announces a review.
_TASKS_FOLLOW_RE = re.compile(
    r"(?:将|(?<![主重需只])要|拟|计划)(?:重点|着力|主要|继续|进一步|全力|从|围绕)?[^，,。；;]{0,16}"
    r"(?:以下|如下)[^，,。；;]{0,12}(?:方面|工作|任务|举措|措施|事项)[^，,。；;]{0,8}[:：。]?$"
)


def announces_tasks(text: str) -> bool:
    """今年将重点围绕以下八个方面开展工作: the lead of a list of tasks, which says none itself."""
    return ("以下" in text or "如下" in text) and _TASKS_FOLLOW_RE.search(text) is not None


# the same announcement as an order, with no modal (围绕以上指标,重点抓好以下八个方面工作:), or a
# list of proposals announced (现根据建议内容,提出以下会办意见:). Outside a review section only:
# there 重点抓好以下工作 may announce what was done.
_ORDERS_FOLLOW_RE = re.compile(
    r"(?:抓好|做好|抓实|抓牢|提出)[^，,。；;了]{0,4}(?:以下|如下)[^，,。；;了]{0,12}"
    r"(?:方面|工作|任务|举措|措施|事项|意见|建议)[^，,。；;了]{0,8}[:：。]?$"
)


def announces_orders(text: str) -> bool:
    """重点抓好以下八个方面工作: / 提出以下会办意见: the lead of a list of orders or proposals."""
    return ("以下" in text or "如下" in text) and _ORDERS_FOLLOW_RE.search(text) is not None


def opens_task_region(text: str) -> bool:
    """下一步,我们将… / 我局下步将重点做好如下工作 / 要重点做好以下八个方面的工作: a sentence that
    opens a passage of plans (a reply's, or a work report's tasks as a news item retells them)."""
    if "下" not in text and "今后" not in text and "明年" not in text:
        return False
    if _REGION_OPEN_RE.search(text) is not None:
        return True
    return announces_tasks(text)
