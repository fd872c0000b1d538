"""Policy measures: segmentation, status, stable ids, near-duplicate links.

A measure is one policy action or result: usually a sentence, a clause where a semicolon list or an
inline 一是…二是… packs several into one sentence. Headings, salutations, sign-offs and other framing
sentences are not measures. Every measure's text is a slice of a structure sentence (or two adjacent
sentences of one paragraph), so it stays an exact substring of the normalised document text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.extract.numbering import leading_number
from briefing.extract.status import (
    EVENTS,
    INSTRUCTION_RE,
    LOOKING_BACK,
    MODAL_JIANG_RE,
    PAST_PERIOD,
    PLAN_RE,
    PLAN_TEST_RE,
    Decision,
    DocContext,
    Mood,
    SectionVerdict,
    announces_orders,
    announces_tasks,
    decide,
    detect_genre,
    future_frame,
    gives_order,
    heading_kind,
    modal_jiang,
    opens_task_region,
    past_period_opening,
    period_years,
    reports_done,
    section_verdict,
    sentence_mood,
    soft_mood,
    states_goals,
    strong_mood,
    target_opening,
)
from briefing.extract.text_lines import NEWS_DATELINE, is_cell_table
from briefing.model import Measure, Paragraph, Sentence, Status, Structure
from briefing.themes import Classifier, main_theme

# ---------------------------------------------------------------- patterns

_CN_NUM = "一二三四五六七八九十百零〇"
HEADING_RE = re.compile(
    rf"^(?:[{_CN_NUM}]+[、.．]|[(（][{_CN_NUM}]+[)）]|\d{{1,2}}[.．、](?!\d)|[(（]\d{{1,2}}[)）])"
)
ENUM_RE = re.compile(rf"^(?:[{_CN_NUM}]+是|其[{_CN_NUM}][是，,、：:]?|第[{_CN_NUM}]+[，,、：:])")
_INLINE_ENUM_RE = re.compile(rf"(?<=[，,；;：:])(?=[{_CN_NUM}]+是)")
_ENUM_MARK_RE = re.compile(rf"[{_CN_NUM}]是")
_CLAUSE_SPLIT_RE = re.compile(r"(?<=[；;])")
_NON_CONTENT_RE = re.compile(r"[^\w\u4e00-\u9fff]+")
_CONTENT_RE = re.compile(r"[\w\u4e00-\u9fff]")
_SENTENCE_PUNCT_RE = re.compile(r"[，,。；;！!？?]")
_LEADING_JUNK_RE = re.compile(r"^[\s,，、。；;：:．.!！?？]+")
_QUANTITY_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|亿|万|千|百|家|项|个|人|名|位|篇|台|套|支|所|条|次|元)"
)

# Sentences that frame a document rather than report or announce an action: acknowledgements,
# "answers follow", sign-offs, approval notes, reply slips, the guiding-ideology formula. Two
# patterns: every branch of the first opens with a literal (the regex engine then jumps to its
# first characters), the second holds the cues that open the sentence.
_FRAMING_RE = re.compile(
    r"收悉|如下[。：:]?$|以下(?<![\d%％]以下)(?:工作|意见|几个方面|几点|措施|建议|通知|要求)[。：:]?$"
    # a bare 以下 ends a list's lead only before a colon: 下降到100万吨标准煤以下。 is a bound
    r"|以下[：:]$"
    r"|以下[一二三四五六七八九十几]个方面的?工作[。：:]?$"
    r"|审签|审定签发|回执|现予(?:以)?印发|现印发(?:给)?你们|请认真(?:贯彻|遵照|抓好)"
    # the notice formula wherever it stands, whatever it asks: 现将《…》印发给你们,请认真组织实施
    r"|印发(?:给)?你们|现将[^。；;]{0,120}?印发"
    r"|请遵照执行|请结合实际|请及时(?:报告|反馈|报送)|另行(?:制定|通知|印发)[。.]?$"
    # a regulation's or a plan's basis: 为…,根据…,制定本办法; …依据《…纲要》编制
    r"|制定本|制订本|编制本|制定如下|依据.{1,80}编制[,，。]"
    # a report put before its audience: 我代表市人民政府向大会报告工作,请予审议; 提请…审查
    r"|请予审议|提请.{0,60}(?:会议|大会)审(?:查|议)|我代表.{0,30}(?:报告|作)"
    # a reply's closing: thanks, the feedback slip
    r"|对(?:以上|本)答复|反馈意见表"
    # what the proposer proposed and how the reply rates it: 您在建议中提出…, 所提建议具有…
    # (every branch opens with a character, never a group: one group ahead of all else costs the
    # whole pattern sre's scan for its first characters, and 7 times its CPU)
    r"|所提(?:的)?(?:建议|提案|意见)|您(?:在|所提)?(?:建议|提案|议案)中(?:提出|建议|指出)"
    r"|你们(?:在|所提)?(?:建议|提案|议案)中(?:提出|建议|指出)"
    r"|委员(?:在|所提)?(?:建议|提案|议案)中(?:提出|建议|指出)"
    r"|代表(?:在|所提)?(?:建议|提案|议案)中(?:提出|建议|指出)"
    r"|具有(?:重要|很强|较强|一定)?的?(?:参考|借鉴|指导)(?:价值|意义)"
    # the guiding-ideology formula, wherever it stands
    r"|以.{0,60}为指导"
    # a year or a period characterised: 2022年是…极不寻常的一年, …收官之年, 成绩来之不易
    r"|的[一二三四五六七八九十几]年[。！!]?$|之[一二三四五六七八九十几]年[。！!]?$|之年[。！!]?$"
    r"|来之不易|殊为不易|实属不易|领导的结果"
    # who attended or chaired, as news ends a meeting's report: …负责同志参加了调研活动
    r"|参加了?(?:本次|此次|上述)?(?:调研|考察|座谈|签约|揭牌)?(?:会议|活动|座谈会?|仪式|调研|考察)[。.]?$"
    r"|出席了?(?:本次|此次|上述)?(?:调研|考察|座谈|签约|揭牌)?(?:会议|活动|座谈会?|仪式|调研|考察)[。.]?$"
    r"|列席了?(?:本次|此次|上述)?(?:调研|考察|座谈|签约|揭牌)?(?:会议|活动|座谈会?|仪式|调研|考察)[。.]?$"
    # …出席新闻发布会(并回答记者提问): who faced the press
    r"|出席了?[^，,。；;]{0,12}发布会(?:并(?:回答|答)记者(?:提问|问))?[。.]?$"
    r"|参加了?[^，,。；;]{0,12}发布会(?:并(?:回答|答)记者(?:提问|问))?[。.]?$"
    r"|出席[^。；;]{0,12}发布会[^。；;]{0,60}(?:回答|答)记者(?:提问|问)[。.]?$"
    # …负责人就…等问题回答了记者的提问: an interview announced, its answers follow
    r"|答了?记者(?:的)?(?:提问|问题)[。.]?$"
    r"|会议由.{1,40}主持[。.]?$"
    # a policy reading announcing itself: 现就《措施》出台的背景、主要内容进行解读
    r"|现就.{0,40}解读|解读如下"
    # a reply's closing hopes: 希望继续对我们的工作提出宝贵意见, 欢迎…批评指正
    r"|希望(?:您|你们?|各位)?(?:继续|今后|一如既往)|欢迎.{0,20}(?:提出|批评指正|宝贵意见)"
    # a verdict on the guidance followed: …重要讲话,为我们做好…工作提供了根本遵循; 指明了前进方向
    r"|根本遵循|行动指南|指明了(?:前进|发展|努力)?方向"
    # greetings sent at a meeting: 代表市委向广大科技工作者致以节日问候和崇高敬意
    r"|致以.{0,20}(?:问候|敬意|祝贺|慰问|感谢)"
    # a report's pledge after its targets: 我们将在实际工作中努力争取更好结果
    r"|努力争取更好(?:的)?(?:结果|成绩|成效)[。！!]?$"
)
_FRAMING_START_RE = re.compile(
    r"特此|各位代表|各位委员|需要说明的是|您好|你好|(?:衷心|非常|再次)?感谢"
    r"|(?:下一步[，,]?)?(?:我们|我市|我局|我委)?(?:将|还将)?(?:认真|深入|全面)?贯彻.{0,60}精神"
    # the addressees of a notice: 各区县人民政府,市政府各部门:
    r"|各[^。；;！!？?]{1,150}[:：]$"
    # a year characterised: 2022年是党的二十大胜利召开之年,也是…30周年,极为重要
    r"|(?:20\d\d年|今年|明年|去年)[，,]?既?是.{0,60}?(?:之年|一年|周年)"
)
# a reply speaking of the proposal itself (我们对您的提案进行了认真研究,认为您的提案非常好):
# framing unless the sentence counts, names a document or says what was done about it
_PROPOSAL_RE = re.compile(r"(?:您|你们?|委员|代表)(?:的|提出的|所提的?)(?:建议|提案|议案)")
# a promise to take in what was proposed (表示将充分吸纳代表的意见建议,并及时向代表报告): framing on
# the same terms (what was taken in, 吸收了…意见, is reported as done)
_ABSORB_RE = re.compile(
    r"(?:将|会)(?:进一步)?(?:充分|认真|积极)?(?:研究)?(?:吸纳|吸收|采纳)[^。；;]{0,24}?(?:意见|建议)"
)
# …and nothing after it but a promise to report back (,并及时向代表报告办理情况): a promise that goes
# on to an action (…吸纳企业意见,优化申领流程) is a measure
_ABSORB_REST_RE = re.compile(
    r"(?:[和与及、]?(?:意见|建议))*(?:[，,]?(?:并|同时)?(?:及时|主动|适时|定期)?(?:向|给|与)[^，,。；;！!]{1,20}"
    r"(?:报告|反馈|汇报|答复|通报|沟通)[^，,。；;！!]{0,8})?[。！!]?"
)
_ACTION_RE = re.compile(
    r"出台|印发|制定|设立|建立|启动|开展|实施|推动|推进|支持|安排|下达|拨付|组建|建设|纳入|落实"
)
# Section titles whose sentences state principles or problems, not measures.
_PRINCIPLE_SECTION_RE = re.compile(
    r"指导思想|基本原则|存在的?(?:主要)?(?:问题|困难|不足)|问题[和与及]不足|困难[和与及]问题|不足之处"
    r"|短板弱项|面临的(?:挑战|问题|困难)"
)
# A part on the situation a plan answers to (二、面临形势, (二)机遇与挑战, 一、编制背景, 重要意义):
# what it says without a figure describes the world, not a measure. A heading that also names the
# base reviewed (发展基础与面临形势) keeps its results.
# The situation word is the heading's head noun, at its end: (三)抢抓机遇,加快发展数字经济 is an order.
_SITUATION_SECTION_RE = re.compile(r"(?:形势|机遇|挑战|背景|意义|必要性)(?:分析)?[。.:：]?$")
_BASE_SECTION_RE = re.compile(r"基础|成效|成绩|回顾|现状|进展|成就|情况")
# What one does to an opportunity or a challenge, as morphemes so that any adverb or verb around them
# (紧抓, 牢牢把握, 积极应对, 主动融入…抢占) is caught; searched before the situation noun, not only at
# the heading's start. A meaning or a background is never seized, so …的重要意义 is not checked.
_SEIZE_RE = re.compile(r"抓|把握|掌握|用好|用足|应对|迎接|迎战|直面|融入|抢占|顺应")
_SEIZABLE_RE = re.compile(r"(?:形势|机遇|挑战)")


def is_situation_heading(heading: str) -> bool:
    """二、面临形势 / (二)机遇与挑战 / 一、编制背景: a part on the situation, not on measures; an
    order that names one ((二)抢抓机遇, 应对挑战) heads a task."""
    number = leading_number(heading)
    body = heading[number.end() if number else 0 :]
    return (
        _SITUATION_SECTION_RE.search(body) is not None
        and _BASE_SECTION_RE.search(body) is None
        and not gives_order(body)
        and not (
            (noun := _SEIZABLE_RE.search(body)) is not None
            and _SEIZE_RE.search(body, 0, noun.start()) is not None
        )
    )


# A statement of problems (但也要看到…还有差距; 科技创新能力仍然不强) is no measure; a sentence that
# also names what was or will be done about them (针对…不足, 补齐短板) is.
_PROBLEM_OPENING_RE = re.compile(
    r"^(?:但|同时|当然|然而)?[,，]?(?:我们|我市|我省|我区)?(?:也|还|更)?(?:要|应|必须|应当)?(?:清醒|清楚|客观)?"
    r"(?:地)?(?:看到|认识到)"
    # 在肯定成绩的同时，我们也清醒看到面临的困难和问题
    r"|.{0,20}?(?:清醒|清楚|客观)地?(?:看到|认识到)"
)
_PROBLEM_PREDICATE_RE = re.compile(
    r"(?:还|仍|依然|仍然|尚|依旧|也)(?:然)?(?:存在|有|面临)?(?:较大|一定|明显|不少|一些|较多|诸多)?"
    r"(?:的)?(?:差距|不足|短板|瓶颈|问题|困难|弱项|挑战)"
    r"|(?:还|仍|尚|依然|仍然|总体)(?:不够|不强|不高|不足|偏低|偏弱|薄弱|滞后|欠缺|较弱|较低|较少|较小)"
    r"|存在(?:的)?(?:不足|问题|短板|差距|困难)|(?:亟需|亟待|有待)"
    # a clause that ends on a shortcoming: 创新要素集聚不足, 关键领域创新支撑能力不强
    # (after 的 it is a noun, the object of a remedy: 弥补…的不足)
    r"|(?<!的)(?:不足|不强|不够[大优强高快好多]?|较弱|偏弱|薄弱|滞后|不完善|不健全|不平衡|不充分|偏紧"
    r"|迟缓|困难|艰巨|不畅)(?=[,，;；。、]|$)"
    # 融资难、融资贵问题依然突出: a complaint reported
    r"|(?:困难|压力|风险|矛盾|难度|问题)\w{0,4}?(?:凸显|增大|加大|加剧|积聚|突出|较多)|暴露(?:出|了)"
)
_REMEDY_RE = re.compile(
    r"出台|实施|推动|推进|开展|建立|设立|加强|加快|支持|完善|印发|组织|启动|建设|落实|整改|解决|针对|着力"
    r"|补齐|破解|补短板|加大|强化"
)


# every problem predicate holds one of these words: most sentences need no further scan
_PROBLEM_WORD_RE = re.compile(
    r"差距|不足|短板|瓶颈|问题|困难|弱项|挑战|不够|不强|不高|偏低|偏弱|薄弱|滞后|欠缺|较弱|较低|较少|较小"
    r"|亟需|亟待|有待|不完善|不健全|不平衡|不充分|偏紧|迟缓|压力|风险|矛盾|艰巨|难度|暴露|不畅"
)
_CLAUSE_RE = re.compile(r"[^，,；;。：:]+")


# what an opening of problems names (…老问题、新挑战仍然不少; 还有不少困难和挑战)
_PROBLEM_NOUN_RE = re.compile(r"问题|困难|挑战|不足|差距|短板|弱项|瓶颈|矛盾")


def is_problem_opening(text: str) -> bool:
    """但也要看到,… / 我们也清醒地认识到,…: a sentence that opens a statement of problems."""
    return ("看到" in text or "认识到" in text) and _PROBLEM_OPENING_RE.match(text) is not None


# 对此,… / 针对上述问题,… / 我厅…: the opening of the answer to a paragraph's problems. A problem
# can itself tell what was done (虽然近年来出台了…,但…; 已建成的中试基地大多规模偏小), so a verb of
# work done alone does not end their list
_ANSWER_OPENING_RE = re.compile(
    r"(?:对此|为此|针对|对于?(?:这些|上述|以上)|我厅|我局|我委|我们(?![也还]))"
)


def answers_problems(text: str) -> bool:
    """对此,我厅…出台了…: the work done about the problems a paragraph opened with, which ends
    their list (a problem list reports nothing done; its closing pledge is a plan)."""
    return (
        _ANSWER_OPENING_RE.match(text) is not None
        and reports_done(text)
        and not is_problem_statement(text)
    )


def is_problem_statement(text: str) -> bool:
    """但也要看到,我市科技综合实力…还有差距: a statement of problems, not a measure."""
    if is_problem_opening(text):
        return True
    if _PROBLEM_WORD_RE.search(text) is None or _PROBLEM_PREDICATE_RE.search(text) is None:
        return False
    if _REMEDY_RE.search(text) is None:
        return True
    # a verb of remedy may be a noun here (建设管理水平, 压力加大): the sentence states problems
    # when most of its clauses state a shortcoming
    clauses = _CLAUSE_RE.findall(text)
    shortcomings = sum(1 for c in clauses if _PROBLEM_PREDICATE_RE.search(c) is not None)
    return 2 * shortcomings > len(clauses)


# The status cues live in briefing.extract.status; these names stay for callers and tests.
_PLAN_RE = PLAN_RE
_PLAN_TEST_RE = PLAN_TEST_RE
_MODAL_JIANG_RE = MODAL_JIANG_RE


# A theme-less sentence takes the themes of its enumeration item's lead (一是…); a section heading
# alone is too broad a hint (a 下一步 section's closing sentence is not about its last subsection).
INHERIT_FROM_SECTION = False


# ---------------------------------------------------------------- public helpers


def is_policy_document(title: str | None, structure: Structure) -> bool:
    """True for documents whose measures are intentions (指导意见, 实施方案, 管理办法, 通知 …)."""
    return detect_genre(title, structure).genre == "plan"


def document_context(
    title: str | None, structure: Structure | None, doc_date: str | None
) -> DocContext:
    """Genre and year of a document, as the status rules use them."""
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    guess = detect_genre(title, structure)
    if year is None and title and guess.genre == "plan":
        # an undated plan named for a period (巴中市“十四五”科技创新规划) was written as it began
        # (a summary of the same period was not)
        m = _TITLE_PERIOD_RE.search(title)
        year = period_years(m.group(1))[0] if m is not None else None
    reviewed = _reviewed_year(title, doc_date) if guess.genre in LOOKING_BACK else None
    return DocContext(
        genre=guess.genre,
        year=year,
        genre_cue=guess.cue,
        reviewed=reviewed,
        greeting=_GREETING_TITLE_RE.search(title or "") is not None,
    )


# a letter by its title, whose lines ending on ! greet, thank or rally (is_cheer). Not 讲话: a
# title naming one is far more often news of studying it (学习贯彻…重要讲话精神) than the speech.
_GREETING_TITLE_RE = re.compile(r"致[^，,。]{1,30}的[^，,。]{0,8}信|慰问信|贺信|倡议书")


# a people's government's report to its people's congress: its title, or its opening's address
_CONGRESS_REPORT_RE = re.compile(
    r"政府工作报告|各位代表|请予审议|(?:人民代表大会|人大).{0,12}(?:会议|次会)上"
)


def covers_every_field(title: str | None, structure: Structure, ctx: DocContext) -> bool:
    """Whether the document is a government work report, which reports on every field of public
    work: science and technology is one chapter of ten, so neither the document as a whole
    (`Classifier.document_anchored`, even on a page of it that names 科技 in half its sentences)
    nor its main theme (`themes.main_theme`) says what a sentence of it is about. A 科技局's
    工作总结和工作计划, a report too, is about science throughout."""
    if ctx.genre != "report":
        return False
    if title and "政府工作报告" in title:
        return True
    return any(_CONGRESS_REPORT_RE.search(p.text) for p in structure.paragraphs[:12])


_TITLE_PERIOD_RE = re.compile(r"十([一二三四五六])五")
_TITLE_YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
# the year before 总结/回顾/公报 in a title that names more than one (2023年工作总结和2024年工作计划)
_TITLE_REVIEWED_RE = re.compile(
    r"((?:19|20)\d\d)年度?[^0-9,，;；。]{0,12}?(?:总结|回顾|完成情况|工作情况|统计公报|公报)"
)
# a report on a year is signed by the end of the next year's first quarter
_LAST_SIGNING_MONTH = 3


def _reviewed_year(title: str | None, doc_date: str | None) -> int | None:
    """The year a summary reports on: its title's year (某市科技局2023年工作总结), else the year
    before a date in the next year's first quarter (a summary signed 2024年1月15日 reviews 2023),
    else None (the signing year)."""
    years = {int(y) for y in _TITLE_YEAR_RE.findall(title or "")}
    if len(years) == 1:
        return years.pop()
    if len(years) > 1:
        m = _TITLE_REVIEWED_RE.search(title or "")
        return int(m.group(1)) if m is not None else None
    month = doc_date[5:7] if doc_date and doc_date[:4].isdigit() else ""
    if month.isdigit() and 1 <= int(month) <= _LAST_SIGNING_MONTH:
        return int(doc_date[:4]) - 1 if doc_date else None
    return None


def measure_status(
    text: str,
    section: Sequence[str] = (),
    *,
    context: DocContext | None = None,
    planned_section: bool = False,
) -> Status:
    """done/planned from the sentence, its heading path and the document's genre."""
    region = "下一步" if planned_section else ""
    return decide(text, section, context, task_region=region, region_depth=len(section)).status


def heading_status(heading: str) -> Status | None:
    """done/planned from a heading's wording; where both cues occur the later one, the head noun
    of a Chinese title, decides (重点工作完成情况 is done, 2024年重点工作 is planned)."""
    verdict = heading_kind(heading)
    if verdict is None:
        return None
    return "planned" if verdict.kind == "tasks" else "done"


def status_reasons(text: str, context: DocContext | None = None) -> list[str]:
    """The sentence-level cues the status rules see, for `briefing explain`."""
    ctx = context or DocContext()
    reasons = []
    mood = sentence_mood(text, ctx.year)
    if mood is not None:
        reasons.append(mood.cue + ("" if mood.strong else "（弱提示，章节可推翻）"))
    if "将" in text and modal_jiang(text) is None:
        reasons.append("“将”在此是宾语标记（将…纳入/作价），不表示计划")
    return reasons


def not_a_measure(text: str, genre: str = "unknown", greeting: bool = False) -> str | None:
    """Why a sentence never becomes a measure, in the words `briefing explain` prints; None when
    it may be one. `genre` and `greeting` are the document's (`DocContext`)."""
    text = strip_dateline(_clean(text), genre)
    if not text:
        return None
    if greeting and is_cheer(text):
        return "是书信中以感叹号结尾的致谢、祝愿或号召，没有数字，不是措施"
    if is_leadership_opening(text, genre):
        return "是概述一个时期的起笔句（“在……领导下”“一年来，我们……”），不含具体数字，不是措施"
    if is_heading_sentence(text):
        return "这是章节标题"
    if is_quoted_speech(text, genre):
        return "是引用的某人原话，不是措施"
    if is_fragment(text):
        return "是断开的残句（以右括号或右引号开头，或以左括号、左引号、书名号结尾），不是措施"
    if is_problem_statement(text):
        return "陈述的是问题或不足，不是措施"
    if is_body_list(text):
        return "只列出责任单位，不是措施"
    if _is_attribution(text):
        return "只说明引述的是谁的话（某某说），不是措施"
    shape = _framing_shape(text)
    if shape is not None:
        return shape
    if is_framing(text):
        return "是称呼、致谢、印发说明、依据或指导思想一类的框架语句，不是措施"
    return None


# A news item's attribution standing alone after a quote: "该公司研发部部长赵文宝说。"
_ATTRIBUTION_RE = re.compile(
    r"^[^，,；;：:“”\d]{2,24}(?:说|表示|介绍|称|告诉记者|对记者说)[。.！!]?$"
)
# the longest text it matches: 24 characters, 对记者说, a full stop and the line break $ allows
_ATTRIBUTION_MAX = 30


def _is_attribution(text: str) -> bool:
    # the length first: most sentences are longer than any attribution, and the pattern tries
    # every end of its 24 characters before it fails
    return len(text) <= _ATTRIBUTION_MAX and _ATTRIBUTION_RE.match(text) is not None


# A question asks, it reports nothing (2026年经济社会发展的重点是什么? 问:…取得了哪些成绩?): a news
# item's lead or a Q&A page's turn. A question word is needed: a lone "?" is often a character a
# mirror's conversion lost (兼?zhèn)).
_QUESTION_RE = re.compile(
    r"^(?:问|请问)[:：]?|(?:什么|哪些|哪个|哪里|如何|怎么|怎样|为何|为什么|是否|多少|几个|吗|呢)[^，,。；;]{0,6}[?？]$"
    # a question word whose clause the asker goes on from ("将采取哪些举措,引导…,加大…的力度?")
    r"|(?:什么|哪些|哪个|如何|怎么|怎样|为何|为什么|是否|多少)[^。；;!！]{0,60}[?？]$"
)


def is_question(text: str) -> bool:
    """A question (…是什么? 又有哪些发展目标? 问:…), not a measure."""
    return text.rstrip()[-1:] in "?？" and _QUESTION_RE.search(text.rstrip()) is not None


# 过去一年,在市委、市政府的坚强领导下,全市上下…取得新成效: the leadership formula opening a
# report's or a summary's part; a plan's review of its base period says the same of what it counts
# as done, and keeps it
def is_leadership_opening(text: str, genre: str) -> bool:
    """A sentence opened by 在…领导下 outside a plan, or the lead of a work report's part (一年来,
    我们…,对外开放取得新成果), that counts nothing."""
    if genre == "plan":
        return False
    led = "领导" in text[:60] and (
        "领导下" in text[:60] or _LED_AND_GUIDED_RE.search(text, 0, 80) is not None
    )
    if not led and not (genre == "report" and _PERIOD_LEAD_RE.match(text)):
        return False  # most sentences: no regex scan of the whole text
    # 在市委、市政府的正确领导下,我市成功获批国家创新型城市: a result with no digit is the
    # sentence's news, not the formula's
    return _QUANTITY_RE.search(text) is None and _LED_RESULT_RE.search(text) is None


# what a sentence opened by the formula reports when it is a result of its own
_LED_RESULT_RE = re.compile(r"获批|成功|建成|入选|荣获|获评|获得|揭牌|挂牌|落地")
# 在市委、市政府的正确领导和省科技厅的具体指导下: the same formula with a second patron
_LED_AND_GUIDED_RE = re.compile(r"领导[和与及、][^，,。；;]{1,20}(?:指导|支持|关心|帮助)下")

# 一年来,我们开拓进取、实干笃行,对外开放取得新成果; 过去五年,经济总量完成历史性跨越: a report's
# part opens by characterising the period; its facts follow
_PERIOD_LEAD_RE = re.compile(
    r"(?:一年来|一年以来|过去(?:的)?[一二三五]年|[二三五]年来|这[一二三五]年)[,，](?!.*(?:[;；]|累计|截至))"
)


def measure_id(sha256: str, position: int) -> str:
    return f"m-{sha256[:10]}-{position:03d}"


def extract_measures(
    sha256: str,
    structure: Structure,
    classifier: Classifier,
    doc_date: str | None = None,
    title: str | None = None,
    *,
    main: bool = True,
) -> list[Measure]:
    """Measures of one document, classified, in document order. `main=False` leaves the
    measures that name no theme without the document's main theme (`themes.main_theme`), and
    their themes the rules' alone (the learned model, `Classifier.refine`, has no say)."""
    ctx = document_context(title, structure, doc_date)
    measures: list[Measure] = []
    # an item title or sentence serves several clauses
    contexts: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
    # a generic term (人才, 贷款) counts where the document itself is about science and technology
    # (a 科技局's reply), or its section or sentence is
    doc_anchor = title or ""
    # a document whose title names one theme (a tech-loan policy) gives it to the measures that
    # name none, after their item's lead had its say
    doc_themes, doc_evidence = classifier.title_themes(title)
    units = list(decided_units(structure, ctx))
    # a document most of whose measures name science and technology is about it throughout,
    # unless it reports on every field of public work
    broad = covers_every_field(title, structure, ctx)
    document = not broad and classifier.document_anchored([unit.text for unit, _ in units])
    # each sentence's lexicon scores, which the learned model reads, from the rules' own pass
    scores: list[dict[str, float]] = []
    for unit, decision in units:
        anchor = doc_anchor + _anchor_text(unit)
        themes, evidence, lexicon_scores = classifier.themes_and_scores(unit.text, anchor, document)
        scores.append(lexicon_scores)
        for context in unit.context:
            if themes:
                break
            parent = contexts.get(context)
            if parent is None:
                parent = contexts[context] = classifier.themes_of(context, anchor, document)
            if parent[0]:
                # 二是加大科技金融支持力度 gives a theme-less sentence of its item its themes; copies,
                # as the parent's lists serve several clauses
                themes, evidence = list(parent[0]), {k: list(v) for k, v in parent[1].items()}
        if not themes and doc_themes:
            themes, evidence = list(doc_themes), {k: list(v) for k, v in doc_evidence.items()}
        measures.append(
            Measure(
                id=measure_id(sha256, len(measures) + 1),
                text=unit.text,
                section=unit.section,
                status=decision.status,
                # never shared (an inherited one is a copy): no copy needed
                themes=themes,
                evidence=evidence,
            )
        )
    found = main_theme([(m.themes, m.evidence) for m in measures]) if main and not broad else None
    if found is not None:
        # a document about one theme (a talent policy, an R&D bulletin) is about it in the
        # measures that name none, as a title naming one theme is
        theme, terms = found
        for m in measures:
            if not m.themes:
                m.themes, m.evidence = [theme], {theme: list(terms)}
    if main and classifier.model_themes:
        # the learned model decides the default themes, the rules' verdict among its inputs
        refined = classifier.refine_all(
            [(m.text, m.section, m.themes, m.evidence) for m in measures], scores
        )
        for m, (themes, evidence) in zip(measures, refined, strict=True):
            m.themes, m.evidence = themes, evidence
    return measures


def decided_units(structure: Structure, ctx: DocContext) -> Iterator[tuple[_Unit, Decision]]:
    """Each measure unit with its status decision, in document order.

    A top-level section whose headings say nothing, after a task section, belongs to the task part
    (a government work report's 政府自身建设 after its 工作任务)."""
    top: str | None = None
    last_kind: SectionVerdict | None = None  # verdict of the latest top-level section that had one
    inherited: SectionVerdict | None = None
    units: Iterable[_Unit] = _units(structure, ctx.genre, ctx.year, ctx.greeting)
    if ctx.genre == "unknown":
        units = list(units)
        ctx = _genre_from_moods(units, ctx)
    # the clauses of one sentence (A;B;C) share its opening's mood: 西藏将继续实施A;推进B;加大C
    lead_sentence = ""
    lead: Mood | None = None
    previous: Mood | None = None  # the strong mood of the whole sentence just before
    previous_paragraph = -1
    paragraphs = {p.index: p.text for p in structure.paragraphs}
    tasks = task_cells(structure, ctx.year)
    review: str | None = None  # the past plan period the unit's paragraph opens on
    for unit in units:
        head = unit.section[0] if unit.section else None
        if head != top:
            top = head
            inherited = None
            if head is not None:
                own = heading_kind(head, ctx.heading_year, ctx.genre)
                if own is not None:
                    last_kind = own
                elif last_kind is not None and last_kind.kind == "tasks":
                    inherited = SectionVerdict(
                        "tasks", head, f"无标记，接在任务部分“{last_kind.heading}”之后"
                    )
        decision = decide(
            unit.text,
            unit.section,
            ctx,
            task_region=unit.region,
            region_depth=unit.region_depth,
            inherited=inherited,
        )
        if unit.paragraph != previous_paragraph:
            # a paragraph that opens on a plan period already over (“十四五”时期,上海发展历程极不
            # 寻常。…) reviews it, also under a heading on the period ahead
            opening = paragraphs.get(unit.paragraph, "")
            review = past_period_opening(opening, ctx.year)
        if (
            review is not None
            and decision.status == "planned"
            and decision.basis
            in (
                "section",
                "genre",
            )
        ):
            mood = Mood("done", True, _REVIEW_PARAGRAPH + PAST_PERIOD, review)
            decision = decision._replace(status="done", basis="mood", mood=mood)
        if (
            previous is not None
            and decision.basis in ("default", "genre")
            and unit.paragraph == previous_paragraph
            and _GOES_ON_RE.match(unit.text) is not None
            and _DONE_DEED_RE.search(unit.text) is None
        ):
            # 同时,细化2025年工作思路…: the sentence goes on with the one before, in its mood. Not
            # across a paragraph break, and not one that says what it did (同时,全市建成…32个,
            # 新建…5家): a year's results after the meeting's demands are results
            mood = Mood(
                previous.status, True, _PREVIOUS_SENTENCE + previous.template, previous.words
            )
            decision = decision._replace(status=previous.status, basis="mood", mood=mood)
        strong = decision.basis == "mood" and decision.mood is not None and decision.mood.strong
        if unit.paragraph in tasks and decision.status == "done" and not strong:
            mood = Mood("planned", True, TASK_CELL, "")
            decision = decision._replace(status="planned", basis="mood", mood=mood)
            strong = True
        previous = decision.mood if strong and not unit.sentence else None
        previous_paragraph = unit.paragraph
        if unit.sentence != lead_sentence:
            lead_sentence = unit.sentence
            lead = None
            if (
                unit.sentence
                and decision.basis == "mood"
                and decision.mood
                and decision.mood.strong
            ):
                lead = decision.mood
        elif (
            lead is not None
            and decision.status != lead.status
            and not (decision.basis == "mood" and decision.mood and decision.mood.strong)
        ):
            mood = Mood(lead.status, True, _LEAD_CLAUSE + lead.template, lead.words)
            decision = decision._replace(status=lead.status, basis="mood", mood=mood)
        yield unit, decision


_LEAD_CLAUSE = "本句开头的分句："
_REVIEW_PARAGRAPH = "本段开头："
_PREVIOUS_SENTENCE = "接续上一句（“同时”）："
# a sentence that opens by going on with the one before it
_GOES_ON_RE = re.compile(r"^同时[，,]")
# a deed done, which a 同时 sentence says of its own
_DONE_DEED_RE = re.compile(
    r"建成|新建|新增|获批|认定|落地|揭牌|挂牌|成立|累计|完成了|突破|引进[^，,。；;]{0,20}\d"
)
_ORDER_CLAUSE_RE = re.compile(r"[，,；;。！!]")
MIN_PLAN_MOODS = 3
# a page that also reports some results (a retold work report's review) stays what it is unless
# its plans and orders outnumber them this many times over
PLAN_MOOD_RATIO = 2


def _genre_from_moods(units: Sequence[_Unit], ctx: DocContext) -> DocContext:
    """A document whose genre its title and opening do not tell (a page without either) is a plan
    when its sentences say what will be done (拟, 力争, 将 as a modal, 到2025年, 要…) or give
    orders (加快…, 支持…, with no subject and no other cue) more than twice as often as they say
    what was done (已, 累计, 了, 同比, 增长X%): its sentences without a cue state intentions too."""
    planned = done = 0
    for unit in units:
        mood = strong_mood(unit.text, ctx.year) or soft_mood(unit.text)
        if mood is not None:
            planned += mood.status == "planned"
            done += mood.status == "done"
        elif gives_order(unit.text) and all(
            gives_order(clause) for clause in _ORDER_CLAUSE_RE.split(unit.text)[1:] if clause
        ):
            # 加强科技型企业培育,组织企业申报…: a summary's lead names the field, and a clause
            # after it that gives no order reports what was done; an order counts only when it
            # orders throughout (加快…,推动…)
            planned += 1
    if planned >= MIN_PLAN_MOODS and planned > PLAN_MOOD_RATIO * done:
        cue = f"计划语气或祈使的句子（{planned}句）远多于已完成语气的句子（{done}句）"
        return DocContext("plan", ctx.year, cue, ctx.reviewed)
    return ctx


@dataclass(frozen=True)
class Located:
    """A sentence found in a document, with everything its status and themes were decided from."""

    text: str
    section: tuple[str, ...]
    context: DocContext
    decision: Decision
    anchor: str
    title: str | None = None  # the document's title (its one theme reaches theme-less measures)
    items: tuple[str, ...] = ()  # the item's lead (一是…), whose themes a theme-less measure takes
    # the document is about science and technology throughout (`Classifier.document_anchored`)
    document: bool = False
    # the document's main theme and its evidence (`themes.main_theme`), which reaches a measure
    # that names no theme after its item's lead and the title had their say
    main: tuple[str, list[str]] | None = None


def locate_in_document(path: Path, sentence: str, classifier: Classifier) -> Located | None:
    """The measure of the document at `path` that holds `sentence` (or most of it), or None;
    `classifier` decides what the document as a whole says about themes.

    Raises ReadError when the file cannot be read."""
    from briefing.extract.metadata import parse_document_text
    from briefing.extract.structure import normalize_inline, parse_structure
    from briefing.readers import read_file

    wanted = normalize_inline(sentence)
    best: tuple[float, Located] | None = None
    for raw in read_file(path, str(path)):
        parsed = parse_document_text(raw)
        structure = parse_structure(parsed.body)
        date = parsed.metadata.written_date or parsed.metadata.published_date
        ctx = document_context(parsed.metadata.title, structure, date)
        units = list(decided_units(structure, ctx))
        broad = covers_every_field(parsed.metadata.title, structure, ctx)
        document = not broad and classifier.document_anchored([unit.text for unit, _ in units])
        main: tuple[str, list[str]] | None = None
        for unit, decision in units:
            score = _likeness(wanted, unit.text)
            if score > (best[0] if best else 0.5):
                anchor = (parsed.metadata.title or "") + _anchor_text(unit)
                if main is None:
                    # the themes every measure gets before the document's own main theme
                    named = extract_measures(
                        raw.sha256, structure, classifier, date, parsed.metadata.title, main=False
                    )
                    own = None if broad else main_theme([(m.themes, m.evidence) for m in named])
                    main = own or ("", [])
                found = Located(
                    unit.text,
                    unit.section,
                    decision.context,  # the genre the sentences' moods told, when that decided
                    decision,
                    anchor,
                    parsed.metadata.title,
                    unit.context,
                    document,
                    main if main[0] else None,
                )
                best = (score, found)
                if score >= 1.0:
                    return found
    return best[1] if best else None


def problems_paragraph_opening(path: Path, sentence: str) -> str | None:
    """The problem statement that opens the paragraph holding `sentence` in the document at
    `path`, when that leaves the sentence out (`_units`), for `briefing explain`; else None."""
    from briefing.extract.metadata import parse_document_text
    from briefing.extract.structure import normalize_inline, parse_structure
    from briefing.readers import read_file

    wanted = _clean(normalize_inline(sentence))
    if not wanted or _DIGIT_RE.search(wanted) or opens_task_region(wanted):
        return None
    for raw in read_file(path, str(path)):
        opening: tuple[int, str] | None = None
        for s in parse_structure(parse_document_text(raw).body).sentences:
            text = _clean(s.text)
            if opening is not None and opening[0] == s.paragraph:
                # the paragraph's answer to its problems ends their list, as in `_units`
                if answers_problems(text):
                    opening = None
                elif wanted in text:
                    return opening[1]
            if is_problem_opening(text) and _PROBLEM_NOUN_RE.search(text) is not None:
                opening = (s.paragraph, text)
    return None


def glossary_title(path: Path, sentence: str) -> str | None:
    """The title of the glossary (名词注释) holding `sentence` in the document at `path`, which
    leaves it out (`_units`), for `briefing explain`; else None."""
    from briefing.extract.metadata import parse_document_text
    from briefing.extract.structure import normalize_inline, parse_structure
    from briefing.readers import read_file

    wanted = _clean(normalize_inline(sentence))
    if not wanted:
        return None
    for raw in read_file(path, str(path)):
        structure = parse_structure(parse_document_text(raw).body)
        glossary = _glossary_paragraphs(structure.paragraphs)
        if not glossary:
            continue
        titles = [
            p
            for p in structure.paragraphs
            if p.index in glossary
            and _GLOSSARY_TITLE_RE.search(p.text.strip()) is not None
            and _GLOSSARY_ENTRY_RE.match(p.text.strip()) is None
        ]
        for s in structure.sentences:
            if s.paragraph in glossary and wanted in _clean(s.text):
                # the title is the nearest glossary title before the sentence
                return next(
                    (p.text.strip() for p in reversed(titles) if p.index <= s.paragraph), None
                )
    return None


def in_document(path: Path, sentence: str) -> bool:
    """Whether a sentence of the document at `path` holds `sentence`, for `briefing explain` to
    tell a sentence left out of the measures from one the document does not have."""
    from briefing.extract.metadata import parse_document_text
    from briefing.extract.structure import normalize_inline, parse_structure
    from briefing.readers import read_file

    wanted = _clean(normalize_inline(sentence))
    return bool(wanted) and any(
        wanted in _clean(s.text)
        for raw in read_file(path, str(path))
        for s in parse_structure(parse_document_text(raw).body).sentences
    )


def _likeness(wanted: str, text: str) -> float:
    """1.0 when one holds the other; else the share of character pairs they have in common."""
    if wanted and (wanted in text or text in wanted):
        return 1.0
    a = {wanted[i : i + 2] for i in range(len(wanted) - 1)}
    b = {text[i : i + 2] for i in range(len(text) - 1)}
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# ---------------------------------------------------------------- segmentation


@dataclass
class _Unit:
    text: str
    section: tuple[str, ...]
    region: str  # the 下一步… sentence that opened the passage it sits in, or ""
    region_depth: int  # how many headings deep that sentence stood
    context: tuple[str, ...]  # item title: where a theme-less measure looks for themes
    sentence: str = ""  # the sentence a clause was cut from
    paragraph: int = -1  # the paragraph it stands in


def _anchor_text(unit: _Unit) -> str:
    """Where a generic term of the unit may find its science-and-technology anchor: the section
    headings, the item's title, the sentence a clause was cut from."""
    if not unit.section and not unit.context and not unit.sentence:
        return ""
    return "".join(unit.section) + "".join(unit.context) + unit.sentence


def _content_len(text: str) -> int:
    return len(_NON_CONTENT_RE.sub("", text))


def is_fragment(text: str) -> bool:
    """)创新生态创建进一步优化制定出台《…》《: a piece of text cut at both ends (a page's broken
    table or line), opening inside a bracket or ending on an opening one."""
    return text[:1] in ")）》”]】" or text.rstrip()[-1:] in "(（《“[【"


def is_heading_sentence(text: str) -> bool:
    """A numbered line that names a section: short, no figures (1. lists that hold figures are measures)."""
    m = HEADING_RE.match(text)
    if not m:
        return False
    body = text[m.end() :].rstrip("。.")
    return (
        len(body) <= 40 and not re.search(r"\d", body) and len(re.findall(r"[，,；;]", body)) <= 1
    )


def is_item_title(text: str) -> bool:
    """一是全面对照自查。 — an enumeration item's short title, not yet the action's details."""
    m = ENUM_RE.match(text)
    if not m:
        return False
    body = text[m.end() :].rstrip("。.")
    return 0 < len(body) <= 20 and not re.search(r"[，,；;：:]", body)


# what a short line reports when it is a result of its own (获批国家创新型城市。), not a heading
_RESULT_LINE_RE = re.compile(
    r"获|入选|建成|成立|出台|印发|召开|举办|新增|完成|落地|揭牌|挂牌|开工|投产|认定|投入|启用|上线|投用"
    r"|运营|开通|通过"
)
# a short line alone above a paragraph at least this long heads it (as long as the sentence a
# run-in heading needs after it)
_HEADED_PARAGRAPH = 25
# and only when the document prints its leads so, this many times at least: a page that puts
# one result per line (省科技大市场正式投入运营。) has one such line by chance
_HEADED_LINES = 2


def _heads_paragraph(
    text: str, sentence: Sentence, following: Sentence, paragraphs: dict[int, str]
) -> bool:
    """A short line alone above a longer paragraph of its section, reporting no result."""
    return (
        following.paragraph != sentence.paragraph
        and following.section == sentence.section
        and _RESULT_LINE_RE.search(text) is None
        and _content_len(paragraphs.get(following.paragraph, "")) >= _HEADED_PARAGRAPH
    )


def _headed_paragraphs(sentences: Sequence[Sentence], paragraphs: dict[int, str]) -> int:
    """How many short lines of the document stand alone above a paragraph they head."""
    count = 0
    for j in range(len(sentences) - 1):
        text = _clean(sentences[j].text)
        if _is_run_in_heading(
            text, sentences[j], sentences[j - 1] if j else None
        ) and _heads_paragraph(text, sentences[j], sentences[j + 1], paragraphs):
            count += 1
    return count


def _is_run_in_heading(text: str, sentence: Sentence, previous: Sentence | None) -> bool:
    """创新平台更加完善。 opening a paragraph: an unnumbered run-in heading of what follows."""
    if previous is not None and previous.paragraph == sentence.paragraph:
        return False
    body = text.rstrip("。.")
    return (
        0 < len(body) <= 12
        and text.endswith(("。", "."))
        and not re.search(r"[，,；;：:、\d]", body)
        and not ENUM_RE.match(text)
    )


# A list of bodies and nothing else (a task table's 责任单位 cell): 区科技局、区财政局等有关部门
_BODY_ENDS = (
    "局",
    "委",
    "厅",
    "办",
    "院",
    "委员会",
    "管委会",
    "协会",
    "学会",
    "商会",
    "联合会",
    "政府",
    "部门",
    "单位",
    "中心",
    "公司",
    "集团",
    "研究所",
    "事务所",
    "站",
)
_BODY_SPLIT_RE = re.compile(r"[、，,；;]|等")
# a note in brackets after a name, short (牵头) or long (除标注“分别牵头”外，列第一位为牵头单位，下同)
_BRACKETED_RE = re.compile(r"[(（][^()（）]{0,80}[)）]")
# a list whose first item is made or done (新建省级企业技术中心、工程研究中心) is a measure, not
# the bodies responsible
_MADE_HEAD_RE = re.compile(
    r"^(?:新建|新增|新设|设立|建设|建成|组建|成立|培育|认定|获批|打造|创建|布局|支持|推动|依托|引进)"
)
_DIGIT_RE = re.compile(r"\d")


def is_body_list(text: str) -> bool:
    """区科技局、区经信局、区财政局等区政府有关部门: the bodies responsible, not an action."""
    body = text.rstrip("。.；;")
    if "(" in body or "（" in body:  # most sentences hold no bracket: no scan for one
        body = _BRACKETED_RE.sub("", body).rstrip("。.；;")
    if len(body) > 150 or not body.endswith(_BODY_ENDS) or _DIGIT_RE.search(body):
        return False
    if _MADE_HEAD_RE.match(body):
        return False
    names = [n for n in _BODY_SPLIT_RE.split(body) if n]
    return len(names) >= 2 and all(len(n) <= 24 and n.endswith(_BODY_ENDS) for n in names)


# a subject characterised twice over (企业是科技创新的主体,也是产业升级的基石; 从现在到2020年,是…
# 决胜期,…也是…关键期): what something is, not what was or will be done
_IS_ALSO_RE = re.compile(
    r"^[^，,。；;]{1,30}[，,]?既?是[^。；;]{2,80}[，,](?:也|更|还|又)是[^，,。；;]{2,40}[。！!]?$"
)
# a subject and what it is, with no figure (创新是引领发展的第一动力; 领军人才是人才队伍中的中流砥柱,
# 是…的骨干力量); 是指 defines a term, and an article (第二条 …基金是…) lays one down
_COPULA_RE = re.compile(
    r"^(?:答[:：])?([^，,。；;：:是\d“”]{2,18}?)(?:也|就|既|更|始终|正)?是(?![否指])([^。；;\d]{2,80})[。！!]?$"
)
# …but not what a plan's part holds or who does it: a subject that names a plan's part or a role
# (工作重点是…, 我们的目标是…, 支持对象是…, 牵头单位是…), a body as the subject (各区县科技部门是…
# 责任主体), a clause as the subject (坚持…, 各级政府要…), or an action after 是 (…是加快建设…) that does
# not close on a short noun it qualifies (…是加快企业创新的重要举措 still says what something is)
_ROLE_SUBJECT_RE = re.compile(
    r"(?:重点|目标|任务|对象|方式|方向|思路|举措|措施|内容|范围|标准|条件|要求|单位|主体|部门|期限|渠道"
    r"|路径|做法|办法|程序|流程|来源|用途)(?:一般|主要|均|都|分别|原则上)?$"
)
_CLAUSE_SUBJECT_RE = re.compile(r"要|将|应|须|坚持|实事求")
_ACTION_COMPLEMENT_RE = re.compile(
    r"(?:加快|推进|推动|建成|建设|实施|打造|构建|完善|健全|强化|加强|深化|落实|开展|做好|抓好|组织|围绕"
    r"|聚焦|力争|确保|争取|培育|引进|设立|建立|出台|制定|提升|提高|扩大|优化|支持|鼓励|新建|启动|举办)"
)
_QUALIFIED_NOUN_END_RE = re.compile(r"的[\u4e00-\u9fff]{1,4}[。！!]?$")
# …but a first or an honour (是全省首个…, 被评为…), something done (了) or a demand or plan after it
# (各区县政府是实施主体,要制定…) is a measure
_COPULA_FEAT_RE = re.compile(
    r"首个|首家|首批|首次|唯一|全国第|全省第|全市第|获批|入选|荣获|被|了|[，,](?:要|将|应|须|必须|并|还)"
)


def characterises(text: str) -> bool:
    """企业是科技创新的主体,也是产业升级的基石; 创新是引领发展的第一动力: what something is."""
    if ("也是" in text or "更是" in text) and _IS_ALSO_RE.match(text):
        return _QUANTITY_RE.search(text) is None
    if text[:1] == "第":
        return False
    m = _COPULA_RE.match(text)
    if m is None or _COPULA_FEAT_RE.search(text) is not None:
        return False
    subject, complement = m.group(1), m.group(2)
    if (
        _ROLE_SUBJECT_RE.search(subject) is not None
        or subject.endswith(_BODY_ENDS)
        or _CLAUSE_SUBJECT_RE.search(subject) is not None
    ):
        return False
    return not (
        _ACTION_COMPLEMENT_RE.match(complement) is not None
        and _QUALIFIED_NOUN_END_RE.search(complement) is None
    )


# a verdict on what was said before (这为厦门加快发展新质生产力指明了前进方向,提供了根本遵循)
_POINTS_BACK_RE = re.compile(
    r"^(?:这|此)(?:些|一|项|次)?[^，,。；;]{0,20}为[^。；;]{2,60}(?:指明|提供|奠定|注入|打下|增添|开辟)了?"
    # 这些政策的实施,对促进…发展发挥了极其重要的作用: the role the foregoing played
    r"|^(?:这|此)(?:些|一|项|次)?[^，,。；;]{0,20}[，,]?对[^。；;]{2,60}(?:发挥|起到)了?[^。；;，,]{0,10}作用"
)

# the country's leader quoted (习近平总书记在福建考察时强调:“因地制宜发展新质生产力…”): the
# guidance a document invokes, not its measure
_LEADER_QUOTE_RE = re.compile(
    r"^[^，,。；;]{0,40}(?:总书记|国家主席|总理)[^，,。；;“]{0,20}(?:强调|指出)[:：]?“"
)


def strip_dateline(text: str, genre: str) -> str:
    """A news item's opening sentence less its dateline and byline (中新网某地1月5日电(记者 某某)),
    which are the page's furniture: what follows is judged, and quoted, on its own. In genres that
    may report an event only (`status.EVENTS`)."""
    if genre not in EVENTS or not ("电" in text[:40] or "讯" in text[:40]):
        return text
    m = NEWS_DATELINE.match(text)
    return text if m is None or m.end() >= len(text) else text[m.end() :]


def is_quoted_speech(text: str, genre: str = "unknown") -> bool:
    """“这款控制阀是我们近期出口的低温阀,… / …又一次突破。”: a sentence of someone's words quoted
    (a news item's interviewee), which opens a quotation it does not close or closes one it did
    not open. Only in news and pages of no known genre: a plan's amendment or a summary quotes
    provisions (第三部分修改为:“一、…”, 明确“…给予20万元奖励。…”)."""
    if genre not in ("news", "unknown") or not any(mark in text for mark in _QUOTE_MARKS):
        return False
    # a page converted from traditional characters keeps its corner brackets (『…』, 「…」)
    opens = text.count("“") + text.count("『") + text.count("「")
    closes = text.count("”") + text.count("』") + text.count("」")
    if opens == closes:
        return False
    if opens > closes:
        return text[:1] in "“『「"
    return text.rstrip("。.！!？?")[-1:] in "”』」"


_QUOTE_MARKS = ("“", "”", "『", "』", "「", "」")


# a scene as a news item paints it: 10月31日,在…生产车间里,技术人员正争分夺秒赶制…
_SCENE_RE = re.compile(
    r"(?:^|[，,])(?:在|走进)[^，,。；;]{2,30}(?:里|内|车间|现场|一线|基地|展台前|实验室)[，,]"
    r"[^。；;]{0,30}?正(?:在)?"
)
# the same scene set by one room or building (在…一间略显简朴的实验室里,), or entered (走进…车间,)
_SCENE_SET_RE = re.compile(
    r"(?:[^，,。；;]{0,12}[，,])?(?:在|走进|步入)[^，,。；;]{0,24}一(?:间|座|处|栋|幢|排)[^，,。；;]{0,16}"
    r"(?:里|内|中)[，,]"
    # entered: a room or a site, not a stage of development (步入新发展阶段, 走进新时代)
    r"|(?:走进|步入)[^，,。；;]{0,24}(?:车间|实验室|展厅|厂房|工厂|园区|现场|基地|校园|大楼|企业)"
    r"[^，,。；;]{0,6}[，,]"
)
# a private person named by a courtesy title (孙先生, 李女士, 王师傅): a news item's anecdote
# (not 率先生产, 优先生成, 首先生成: 先 belongs to the word before, 生 to the verb after)
_PERSON_RE = re.compile(r"(?![率优首预事原争抢])[\u4e00-\u9fff](?:先生|女士|师傅)(?![们产成效])")
# what a company or a body is (XX公司是我国重型机械行业的骨干企业,拥有…): a description, not an
# action; 是指 defines a term (科技型企业是指…), which a policy lays down
_BODY_WORDS = r"公司|集团|企业|厂|研究院|研究所|大学|学院|协会|学会"
_DESCRIPTION_RE = re.compile(
    rf"^[^，,。；;]{{2,30}}?(?:{_BODY_WORDS})"
    r"(?:[(（][^()（）]{0,20}[)）])?(?:[，,]?(?:成立于|始建于|创建于|位于|地处)[^，,。；;]{2,16}[，,])*"
    r"(?:是|系)(?!否|指)"
    # within its clause (全市企业是研发投入的主体,… is no company's description)
    r"[^，,。；;]{0,50}?(?:企业|公司|单位|机构|基地|高校|院校|之一|龙头|领军者|供应商|制造商)"
)


# cheap tests that rule most sentences out before the scene and description patterns are tried
# (both cost a backtracking scan; every sentence of every document meets them)
_SCENE_HINT_RE = re.compile(r"走进|步入|一[间座处栋幢排]")
_BODY_HINT_RE = re.compile(_BODY_WORDS)


def _describes_body(text: str) -> bool:
    """XX公司是…骨干企业,拥有…: what a company or a body is, with no action of its own."""
    if text.find("是", 2, 60) < 0 and text.find("系", 2, 60) < 0:
        return False  # most sentences: no 是 near the start, no scan
    if _BODY_HINT_RE.search(text, 0, 36) is None:
        return False  # the subject names no company or body
    m = _DESCRIPTION_RE.match(text)
    # 重庆大学是首批“双一流”建设高校,2023年获批国家自然科学基金项目320项: a figure after the
    # description reports what the body did
    return m is not None and strong_mood(text) is None and _DIGIT_RE.search(text, m.end()) is None


# a document's date or number line (印发日期:2023年5月6日 沪科提复〔2023〕12号): what remains once
# the labels, dates and numbers go is no sentence
_STAMP_RE = re.compile(r"(?:印发|发文|成文|发布|签发)(?:日期|时间)[:：]|〔(?:19|20)\d\d〕\d+号")
_STAMP_PARTS_RE = re.compile(
    r"(?:印发|发文|成文|发布|签发)(?:日期|时间)[:：]|(?:文号|发文字号|索引号)[:：]"
    r"|[\u4e00-\u9fff]{0,8}〔(?:19|20)\d\d〕\d+号|(?:19|20)\d\d年\d{1,2}月\d{1,2}日|[\d\-/.:：\s]+"
)


def is_document_stamp(text: str) -> bool:
    """印发日期:2023年5月6日 沪科提复〔2023〕12号: the date and number of a document, no sentence."""
    if len(text) > 80 or not ("日期" in text or "时间" in text or "〔" in text):
        return False
    if _STAMP_RE.search(text) is None:
        return False
    rest = _STAMP_PARTS_RE.sub("", text)
    return len(_CONTENT_RE.findall(rest)) <= 2


# A slogan: a short sentence of two or more clauses of the same length that names no deed, figure
# or intention (幸福靠奋斗,发展靠实干; 抓创新就是抓发展,谋创新就是谋未来). Not an order (大力繁荣乡村
# 文化,丰富农民精神生活; 强化科技金融,优化人才服务), which a plan's items give in the same rhythm.
# The deeds: verbs of what a measure does or reports (推进, 设立, 获评, 位居…)
_SLOGAN_MAX_LEN = 26
_DEED_RE = re.compile(
    r"推进|推动|加快|加强|实施|深化|做好|设立|出台|开展|落实|兑现|联合|鼓励|支持|改革|促进|优化|建设"
    r"|建立|完善|培育|引进|提升|提高|扩大|强化|创建|获|位居|位列|完成|推广|取得|实现|建成|夺得|下达"
    r"|拨付|组织|举办|召开|启动|印发|制定|包括|申报|认定|评为|入选|批准|增设|试点|覆盖|降低|增加|减少"
    r"|突破|新增|成立|纳入|投入|资助|奖励|补助|补贴|贷款|融资|拓展|构筑|扶植|引导|激活|培养|保护|服务"
    r"|合作|攻关|研发|普查|发行|运行|注册|落地|对接|签约|上线|投产|开工|竣工|揭牌|挂牌|授予|表彰|派驻"
    r"|选派|聘请|招引|集聚|孵化|转化|成交|交易"
)
# an order led by an adverb of effort (大力繁荣…, 积极打造…) or a bare verb of a task
_EFFORT_LEAD_RE = re.compile(
    r"^(?:——|[一二三四五六七八九十]是)?(?:积极|大力|着力|坚决|全力|持续|进一步|继续|切实|全面|深入|认真"
    r"|扎实|不断|努力|严格|稳步)"
)
_SLOGAN_SPLIT_RE = re.compile(r"[，,、；;。！!]")
# a result stated as a rank among peers or a multiple (科技创新指数全省第一, 位居全国前列, 翻了一番),
# written in the same rhythm as a slogan; a rank with no peers named (人才是第一资源) is a slogan's
_RANK_RE = re.compile(
    r"(?:全国|全省|全市|全区|全县|全州|同类|同级|同批)[^，,。；;]{0,4}?"
    r"(?:第[一二三四五六七八九十]|首位|前列|前[一二三四五六七八九十]|领先)"
    r"|翻番|翻了?[一两二三四]番|[一两二三四五六七八九十]倍"
)


def is_slogan(text: str) -> bool:
    """幸福靠奋斗,发展靠实干: clauses of one length, in one rhythm, with no deed, figure, mood or
    order."""
    if len(text) > _SLOGAN_MAX_LEN or _DIGIT_RE.search(text) is not None:
        return False
    parts = [p for p in _SLOGAN_SPLIT_RE.split(text) if p]
    if len(parts) < 2 or len(parts[0]) < 3 or any(len(p) != len(parts[0]) for p in parts):
        return False
    # 牵头单位是市科技局,配合单位是市财政局: who does what, in the same rhythm
    if any(
        p.endswith(_BODY_ENDS) or _ROLE_SUBJECT_RE.search(p.split("是", 1)[0]) is not None
        for p in parts
        if "是" in p or p.endswith(_BODY_ENDS)
    ):
        return False
    return (
        _DEED_RE.search(text) is None
        and not gives_order(text)
        and _EFFORT_LEAD_RE.match(text) is None
        and sentence_mood(text) is None
        and _RANK_RE.search(text) is None
    )


# praise with no content: 2024年,全市科技工作取得新成效 names neither a deed nor a figure (a field that
# 取得新突破 after a comma-separated deed, or with a figure, keeps what it reports)
_EMPTY_GAIN_RE = re.compile(
    r"(?:20\d\d年(?:以来)?[，,])?[^，,。；;\d]{0,16}取得了?(?:新的|新|明显|显著|积极|良好|长足|重要)?"
    r"(?:的)?(?:成效|进展|成绩|突破|成果)[。！!]?"
)


# a legislature's or an advisory body's oversight of the government, as its news reports it (市人大
# 常委会把…执法检查和专题询问相结合,列入…计划; …专题询问会举行): its procedure, not what the office did.
# Its own forms name it (专题询问, 询问会); an inspection, a visit or a review does when the 人大 or
# 政协 makes it: an office enforces the law too (省科技厅组织开展实验动物质量执法检查,抽查…36家).
# Not 监督: a work report's 自觉接受人大监督 is the government's own undertaking.
_OVERSIGHT_RE = re.compile(r"专题询问|询问会")
_VISIT_RE = re.compile(r"执法检查|视察|调研检查|工作评议")
_OVERSEER_RE = re.compile(r"人大|政协|常委会")


# a proposal described, as news on its handling or a reply's opening does (该提案由致公党市委会
# 提出,深入分析…存在的差距,并围绕…等五方面给出具体建议): what the proposer wrote, not what the
# government did or will do. The subject opens the sentence (该建议已列入…, a reply's account of
# what became of it, opens the same way but goes on with the result: not matched; so does
# 该建议由我局…办理, who handled it), or the proposer is named by 由…提出, or a sentence on the
# proposal ends on the advice given (a department's review that 提出了具体修改意见 on a 方案 is
# its own work: the proposal must be named).
_PROPOSAL_ACCOUNT_RE = re.compile(
    r"^(?:该|此|本|这份|这件|这一)[件份项]?(?:提案|议案|建议)"
    r"(?:深入|从|围绕|聚焦|针对|分析|就|指出|认为|提出|内容|主要)"
    r"|(?:提案|议案|建议)由[^，,。；;]{1,30}(?:提出|提交|领衔|联名)"
    r"|(?:提案|议案|[该此本]建议)[^。]*?(?:给出|提出)了?[^，,。；;]{0,10}(?:具体|针对性|可行|有益)"
    r"[^，,。；;]{0,4}(?:建议|意见)[。！!]?$"
)


# why a policy is made, what it means, how its text is laid out, as a reading (解读) explains it:
# 此部分政策,旨在支持…; 政策意义:通过…; …目标的设定,主要考虑…; 《…办法》…内容涵盖…,分7章共35条
_RATIONALE_HINT_RE = re.compile(r"旨在|意义|考虑|章")
# 旨在 only after a demonstrative subject (此部分政策,旨在…): after a clause of its own it gives a
# step's purpose (我市设立…引导基金,旨在…; 出台《…若干措施》,旨在…), and the step is the measure
_RATIONALE_RE = re.compile(
    r"^(?:此|该|本|这)[^，,。；;：:\d]{0,12}[，,]?旨在"
    r"|^[^，,。；;：:\d]{0,24}[，,]?(?:主要考虑|主要是考虑)|^(?:政策|重要|现实)?意义[:：]"
)
_LAYOUT_RE = re.compile(
    r"^《[^》]{2,60}》[^。；;]{0,24}内容涵盖"  # a document described (not 培训内容涵盖…, an event)
    r"|分[一二三四五六七八九十\d]+章(?:[、,，]?共?[一二三四五六七八九十百\d]+条)?[。.]?$"
)


def _is_rationale(text: str) -> bool:
    if _LAYOUT_RE.search(text) is not None:
        return True
    return _RATIONALE_RE.search(text) is not None and _QUANTITY_RE.search(text) is None


def _framing_shape(text: str) -> str | None:
    """The framing shapes `briefing explain` names apart, with its words; None for none. The same
    checks decide (`is_framing`) and explain, so explain never gives a reason the extraction did
    not act on."""
    if is_question(text):
        return "是提问，不是措施"
    if "正" in text and ("在" in text or "走进" in text) and _SCENE_RE.search(text):
        return "是新闻对现场情景的描写，不是措施"
    if _SCENE_HINT_RE.search(text, 0, 80) is not None and _SCENE_SET_RE.match(text):
        return "是新闻对现场情景的描写，不是措施"
    if ("先生" in text or "女士" in text or "师傅" in text) and _PERSON_RE.search(text):
        return "是新闻讲述的个人故事（某先生、某女士），不是措施"
    if _describes_body(text):
        return "是对一家企业或机构的介绍（“……是……企业”），不是措施"
    if is_document_stamp(text):
        return "是文件的日期或文号行，不是措施"
    if announces_tasks(text):
        return "是引出任务清单的句子，本身不含任务（其后的句子按计划处理）"
    if "是" in text and characterises(text):
        return "只说某物是什么（“……是……”“……是……，也是……”），没有数字或行动，不是措施"
    if ("强调" in text or "指出" in text) and _LEADER_QUOTE_RE.match(text):
        return "是引述的领导人指示，不是措施"
    if text[:1] in "这此" and _POINTS_BACK_RE.match(text) and not _QUANTITY_RE.search(text):
        return "是对前文的评语，不含具体数字，不是措施"
    if ("询" in text or "检查" in text or "视察" in text or "评议" in text) and (
        _OVERSIGHT_RE.search(text) is not None
        or (_OVERSEER_RE.search(text) is not None and _VISIT_RE.search(text) is not None)
    ):
        return "是人大或政协对政府部门的检查、询问或视察，不是发文方自己的措施"
    if _RATIONALE_HINT_RE.search(text) is not None and _is_rationale(text):
        return "是对政策用意、考虑或篇章结构的说明，不是措施"
    if ("议案" in text or "提案" in text or "建议" in text) and _PROPOSAL_ACCOUNT_RE.search(
        text
    ) is not None:
        return "是对提案或建议本身的介绍（由谁提出、分析了什么、提了哪些建议），不是措施"
    if text[:1] == "为" and is_generic_intention(text):
        # 为凝聚…合力,做好科技重点任务,确保…完成年度考核指标。: a purpose with no main clause
        return "只说目的（为……），没有做了或要做的事，不是措施"
    if is_slogan(text):
        return "是口号（几个等长的分句，不含数字，没有做了或要做的事），不是措施"
    if "取得" in text and _EMPTY_GAIN_RE.fullmatch(text) is not None:
        return "只说取得了成效，没有做了什么，也没有数字，不是措施"
    if _VERDICT_END_RE.search(text.rstrip("。！!；;")) is not None and _only_verdicts(text):
        return "只是评价（亮点纷呈、稳中向好……），没有做了什么，也没有数字，不是措施"
    if (
        _SPEAKER_WORD_RE.search(text, 0, 20) is not None
        and _SPEAKER_RE.match(text) is not None
        and _speaker_assessment(text)
    ):
        return "是讲话人对形势或成效的评价，没有做了或要做的事，不是措施"
    if leads_in_list(text):
        return "是引出下文清单的句子（以冒号结尾，或以“以下……方面”收尾），本身不是措施，其后各项照常计入"
    return None


# Who took part in a meeting and in what role (副市长某某出席会议并讲话, 某某主持会议, 局长某某作工作
# 报告, …负责同志分别参加有关活动): each clause ends on a role, and nothing is counted
_ROLE_END_RE = re.compile(
    r"(?:(?:出席|参加|参与|陪同|列席)(?:会议|活动|有关活动|仪式|座谈会?)?(?:并(?:讲话|致辞|发言|作[^，,。；;]{0,8}讲话))?"
    r"|主持(?:会议|座谈会?)?|(?:讲话|致辞)|(?:作|做)(?:了)?(?:工作|主题|专题|总结)?报告"
    r"|(?:总结|交流|表态|典型)发言|参会"
    r")$"
)
_ROLE_CLAUSE_SPLIT_RE = re.compile(r"[，,；;。]")


def only_roles(text: str) -> bool:
    """副市长某某出席会议并讲话，某某主持会议: who took part in a meeting and in what role, and
    nothing else. No highlight (`wording.unsuitable`); the extraction keeps such a sentence as a
    measure, as the corpus's labellers mostly did (tried as framing: dev 7 fewer framing measures,
    test 2 measures lost)."""
    if _ROLE_END_RE.search(text.rstrip("。；;")) is None:
        return False
    if _QUANTITY_RE.search(text) is not None or "《" in text:
        return False
    # names and titles listed with commas (局长李志军,副局长李建勋…分别参加有关活动) stand in
    # clauses of their own: the last one says the role, none does or holds anything
    clauses = [c for c in _ROLE_CLAUSE_SPLIT_RE.split(text) if c.strip()]
    return (
        bool(clauses)
        and _ROLE_END_RE.search(clauses[-1]) is not None
        and all(
            len(c) <= 50
            and (_ROLE_END_RE.search(c) is not None or _RESULT_WORD_RE.search(c) is None)
            for c in clauses
        )
        and _ACTION_RE.search(text) is None
        and _HELD_RE.search(text) is None
    )


# a clause that reports a result (…成果获“优秀”等次，在全国大会作典型发言): not a name or a title
_RESULT_WORD_RE = re.compile(r"获|在|取得|实现|完成|成功|入选|成果|等次|第[一二三四五六七八九十\d]")
# a meeting held or something issued at it: the sentence reports the event, not only its roles
_HELD_RE = re.compile(r"召开|举办|举行|签署|签订|签约|发布|揭牌|授牌|表彰|颁发|审议|通过|传达|通报")


# A verdict on a year's or a field's work, and nothing done or counted (2013年,娄底科技工作亮点
# 纷呈、卓有成效; 荣誉表彰鼓舞干劲、振奋人心; 经济运行稳中加固、稳中有进,展现出强大的韧性和活力)
_VERDICT_END_RE = re.compile(
    r"(?:亮点纷呈|卓有成效|成效(?:明显|显著|初显|凸显)|稳中(?:向好|有进|加固|提质|求进)"
    r"|(?:增长|运行|发展)(?:平稳|良好|稳健)|鼓舞(?:人心|干劲)|振奋人心|(?:韧性|活力|动力|后劲)"
    r"|取得了?(?:较好|明显|显著|积极|阶段性|新的?|喜人|良好)?的?(?:工作)?(?:成效|成绩|进展|突破)"
    r"|(?:持续|不断|显著|明显|大幅|进一步)(?:增强|提升|提高|改善|优化|完善|壮大|迸发|加快))$"
)
# a clause that only dates or places the verdict (2014年上半年, 近年来)
_VERDICT_TIME_RE = re.compile(r"^(?:\d{4}年(?:以来|上半年|下半年|全年)?|近年来|今年以来|一年来)$")


def _only_verdicts(text: str) -> bool:
    if "《" in text or "“" in text:
        return False
    clauses = [c.strip() for c in _ROLE_CLAUSE_SPLIT_RE.split(text) if c.strip()]
    verdicts = [c for c in clauses if not _VERDICT_TIME_RE.match(c)]
    return bool(verdicts) and all(
        len(c) <= 24
        and _DIGIT_RE.search(c) is None
        and _VERDICT_END_RE.search(c) is not None
        and _ACTION_RE.search(c) is None
        for c in verdicts
    )


# a speaker's view (某某指出,当前,我市正处于…关键时期; 某某强调,…取得了较好成效): no demand made
# (要, 将, 必须…: a demand reported is a plan), nothing counted or named as a document
# (会议强调,… is what the meeting decided, which a news item reports as its measures)
_SPEAKER_RE = re.compile(r"^(?!会议|会上)[^，,。；;“”]{1,16}(?:指出|强调|表示|认为|说)[，,：:]")
_SPEAKER_WORD_RE = re.compile(r"指出|强调|表示|认为|说")
_DEMAND_RE = re.compile(r"要|将|必须|应当|应该|需要|务必|希望|确保|力争|争取|下一步")


def _speaker_assessment(text: str) -> bool:
    return (
        _QUANTITY_RE.search(text) is None
        and "《" not in text
        and _DEMAND_RE.search(text) is None
        and _ACTION_RE.search(text) is None
    )


# A lead-in points at what follows and reports nothing of its own: a sentence that ends on a colon
# (…的工作措施主要包括以下方面:, 一年来的工作和成效主要表现在:), or on 以下/如下 and the kind of
# thing listed (重点把握好以下五个方面。). Its items are sentences of their own and stay measures.
# A lead-in that counts something (安排资金5000万元,重点支持以下领域:) or names the document it issued
# (印发了《…实施方案》,明确了以下任务:) reports that much itself. A colon line is a lead-in only when
# it is short (the bound `is_framing` keeps): a longer one does something of its own before its
# details (…设立科技成果转化引导基金,采取阶段参股和跟进投资方式,重点支持以下领域:), and is a measure.
# 以下 after a quantity or a level is a bound (5%以下, 省以下财政体制), never followed by the kind.
_LIST_FOLLOWS_RE = re.compile(
    r"(?:以下|如下)(?:[一二三四五六七八九十几两\d]+[个项条点类])?(?:的)?"
    r"(?:方面|工作|任务|举措|措施|事项|内容|重点)(?:工作)?[。.]?$"
)


_LEAD_IN_MAX = 40


def leads_in_list(text: str) -> bool:
    """…主要包括以下方面: / 重点把握好以下五个方面。: the lead of a list, not a measure itself."""
    if text[-1:] in ":：":
        return len(text) <= _LEAD_IN_MAX and "《" not in text and _QUANTITY_RE.search(text) is None
    return ("以下" in text or "如下" in text) and _LIST_FOLLOWS_RE.search(text) is not None


# In a letter (its title says so: 致…的信, 慰问信, 贺信, 倡议书), a line ending on ! with no
# figure, no document named and no result thanks, wishes or rallies (向…表示衷心的感谢!, 广大科技
# 工作者与党同心、跟党奋斗!). A letter's reported result (我市成功获批国家创新型城市!) or figure,
# in Arabic or Chinese numerals (新增高新技术企业两百余家!), stays a measure; anywhere else a !
# sentence is judged like any other: a news page cheers the results it reports.
_FIGURE_RE = re.compile(rf"\d|[{_CN_NUM}两千万亿]{{2,}}|[{_CN_NUM}两][个项家名位所座条批]")


def is_cheer(text: str) -> bool:
    """In a letter: 向…表示衷心的感谢! / …与党同心、跟党奋斗!, not a measure."""
    return (
        text[-1:] in "！!"
        and "《" not in text
        and _FIGURE_RE.search(text) is None
        and _LED_RESULT_RE.search(text) is None
    )


# A generic intention (全省科技工作要聚焦…,找准工作着力点和切入点,加强关键技术攻关…,助力…): every
# clause opens on a verb of striving or of aim, and nothing is counted or named as a document. What
# such a sentence names inside its clauses (聚焦…“引大引强引头部”行动等全省重点工作) is what it
# aims at, not what it does: a clause that does something opens on another verb (实施, 设立, 出台…),
# or on a verb of striving with something particular to set up or build (推动设立…基金).
_INTENTION_LEAD_RE = re.compile(
    r"^(?:[^，,：:；;。]{0,16}(?:强调|要求|指出|提出)[，,：:])?"  # 会议强调,… / 某某同志要求:…
    r"(?:[^，,；;。“”]{0,12}?(?:要|将|应|须|必须|需要))?"  # 全省科技工作要…
)
_ADVERB_RE = re.compile(
    r"^(?:更加|进一步|持续|不断|着力|全力|奋力|大力|积极|主动|切实|努力|扎实|深入|认真|始终|坚决|全面"
    r"|加快|紧紧|牢牢|精准)*"
)
# verbs of aim: what their clause names is what the sentence aims at
_AIM_VERB_RE = re.compile(
    r"^(?:聚焦|围绕|紧扣|紧盯|锚定|找准|把握|抓住|坚持|坚定|树立|助力|服务|确保|凝聚|凝心|营造|发挥|激发"
    r"|释放|团结|埋头|以|为|让|使|争当|争创|勇当|当好|奠定|夯实|筑牢|形成|实现)"
)
# verbs of striving that are also verbs of action: striving only while their object is general
# (推进科技创新和产业创新深度融合); with a body, fund, programme or name to set up or build
# (推进国家技术创新中心建设, 推动设立天使投资引导基金, 打造“秦创原”科创飞地) the clause does something
_STRIVING_VERB_RE = re.compile(
    r"^(?:加强|强化|提升|提高|增强|推动|推进|促进|深化|优化|完善|健全|做好|抓好|落实|构建|打造|引育|培育"
    r"|培养)"
)
_CONCRETE_OBJECT_RE = re.compile(
    r"设立|组建|新建|筹建|建立|成立|创建|出台|制定|“[^”]{2,}”|中心|实验室|基金|研究院|研发机构|飞地"
    r"|计划|工程|专项"
)
_INTENTION_SPLIT_RE = re.compile(r"[，,；;。！!]")
# a body the sentence names (哈克生态奶源基地, 中科华鹿(铜陵), 海乳集团): something in particular
_NAMED_BODY_RE = re.compile(r"公司|集团|研究院|研究所|大学|学院|基地|[(（]")


def is_generic_intention(text: str) -> bool:
    """全省科技工作要聚焦…,找准工作着力点和切入点,加强关键技术攻关…,助力…: striving and aims
    only, no figure and no document named; a 简报's highlight says something more concrete."""
    if _DIGIT_RE.search(text) is not None or "《" in text or _NAMED_BODY_RE.search(text):
        return False
    body = text[_INTENTION_LEAD_RE.match(text).end() :]  # type: ignore[union-attr]
    clauses = [c for c in _INTENTION_SPLIT_RE.split(body) if c.strip()]
    if not clauses:
        return False
    for clause in clauses:
        rest = clause.strip()
        rest = rest[_ADVERB_RE.match(rest).end() :]  # type: ignore[union-attr]
        if _AIM_VERB_RE.match(rest) is not None:
            continue
        if _STRIVING_VERB_RE.match(rest) is None or _CONCRETE_OBJECT_RE.search(rest) is not None:
            return False
    return True


def _absorbs_only(text: str) -> bool:
    """表示将充分吸纳代表的意见建议,并及时向代表报告: a promise to take in suggestions that names
    nothing to be done but reporting back."""
    if "吸" not in text and "采纳" not in text:
        return False
    m = _ABSORB_RE.search(text)
    return m is not None and _ABSORB_REST_RE.fullmatch(text, m.end()) is not None


def is_framing(text: str) -> bool:
    """Salutations, answers-follow lines, sign-offs, approval notes, ideology formulas, a quote's
    attribution."""
    stripped = text.strip()
    if _framing_shape(stripped) is not None:
        return True
    if _FRAMING_RE.search(stripped) or _FRAMING_START_RE.match(stripped):
        return True
    if _is_attribution(stripped):
        return True
    if (
        (_PROPOSAL_RE.search(stripped) or _absorbs_only(stripped))
        and "《" not in stripped
        and _QUANTITY_RE.search(stripped) is None
        and _ACTION_RE.search(stripped) is None
    ):
        return True
    if (
        len(stripped) <= 30
        and not _SENTENCE_PUNCT_RE.search(stripped)
        # "(2)技术合同成交额增长50%": an item of a numbered list, not a signature
        and HEADING_RE.match(stripped) is None
    ):
        return True  # signature, date line, page footer: no punctuation, nothing done
    if stripped.endswith((":", "：")) and len(stripped) <= 40:
        return True
    return stripped[:1] in "(（" and stripped[-1:] in ")）" and "。" not in stripped


_JUNK_CHARS = ",，、。；;：:．.!！?？"


def _clean(text: str) -> str:
    if text[:1] in _JUNK_CHARS or text[:1].isspace():  # "" is in every string: no text, no scan
        return _LEADING_JUNK_RE.sub("", text).strip()
    return text.strip()


def _clauses(text: str) -> list[str]:
    """Split a sentence at semicolons and at inline 二是/三是; fragments too short to stand alone stay."""
    # both splits are zero-width patterns tried at every position: run each only where its
    # mark occurs (a semicolon; a numeral before 是)
    pieces = _CLAUSE_SPLIT_RE.split(text) if "；" in text or ";" in text else [text]
    if _ENUM_MARK_RE.search(text):
        parts = [p for piece in pieces for p in _INLINE_ENUM_RE.split(piece) if p]
    else:
        parts = [p for p in pieces if p]
    if "二、" in text:
        parts = [p for part in parts for p in _numbered_items(part)]
    if len(parts) == 1:  # most sentences: one clause
        return [parts[0].strip()] if _CONTENT_RE.search(parts[0]) else []
    merged: list[str] = []
    for part in parts:
        if merged and (_short_content(part) or _short_content(merged[-1])):
            merged[-1] += part
        else:
            merged.append(part)
    return [p.strip() for p in merged if _CONTENT_RE.search(p)]


# a numbered item run into the sentence after a comma or a colon (…通知如下:一、需求申报…,二、人员征集…):
# a page that lost its full stops and line breaks prints a notice's list so
_INLINE_ITEM_RE = re.compile(rf"(?<=[，,：:])([{_CN_NUM}]{{1,2}})、")
_CN_ORDER = "一二三四五六七八九十"


def _numbered_items(text: str) -> list[str]:
    """`text` cut before each inline numbered item, when the items count on one by one from 一 or
    二 (一、…,二、…,三、…); a lone 二、 (…一季度,二、三季度…) is no list."""
    found = [m for m in _INLINE_ITEM_RE.finditer(text) if m.group(1) in _CN_ORDER]
    numbers = [_CN_ORDER.index(m.group(1)) for m in found]
    if (
        len(found) < 2
        or numbers[0] > 1
        or numbers != list(range(numbers[0], numbers[0] + len(found)))
    ):
        return [text]
    cuts = [0, *(m.start() for m in found), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts) if text[a:b]]


def _short_content(text: str) -> bool:
    """Fewer than 8 letters or digits: the length alone often tells."""
    return len(text) < 8 or _content_len(text) < 8


# how a sentence that is whole ends: its mark, a closing quote or bracket after it, a list's colon
_SENTENCE_ENDS = frozenset("。！？!?；;：:…”’」』)）]】.")


def _own_headings(structure: Structure) -> bool:
    return bool(structure.sections) or any(s.section for s in structure.sentences)


def _units(
    structure: Structure, genre: str = "unknown", year: int | None = None, greeting: bool = False
) -> Iterable[_Unit]:
    sentences = structure.sentences
    given_sections = _own_headings(structure)
    has_headings = given_sections or any(is_heading_sentence(_clean(s.text)) for s in sentences)
    paragraphs = {p.index: p.text for p in structure.paragraphs}
    seen_heading = False
    stack: list[tuple[int, str]] = []  # fallback heading path when the structure gives none
    # a 下一步… sentence opens a passage of plans: its section and the sections under it
    region_path: tuple[str, ...] | None = None
    region = ""
    # 会议要求,…: a meeting's instructions run to the end of their paragraph; a list announced by a
    # colon (今年的主要目标:) runs on over the paragraphs that continue it
    told = ""
    told_paragraph = -1
    told_list = False
    previous = ""  # the sentence before, as printed
    skipped: dict[tuple[str, ...], bool] = {}  # sections of principles or problems
    situations: dict[tuple[str, ...], bool] = {}  # sections of a part on the situation
    item_title = ""
    item_paragraph = -1
    problems_paragraph = -1  # the paragraph a statement of problems opened
    headed_lines = -1  # short lines heading a paragraph, in the whole document; -1: not counted
    glossaries = _glossary_paragraphs(structure.paragraphs)
    # a row's task cell is a measure also when short and unpunctuated, as no signature is
    tasks = task_cells(structure, year)
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        text = _clean(sentence.text)
        i += 1
        if _CONTENT_RE.search(text) is None:
            continue
        if sentence.paragraph in glossaries:
            continue  # 12.“1+M+N”服务体系:建设“1”个…: a term's gloss, which the body already says
        if (
            i == len(sentences)
            and text[-1:] not in _SENTENCE_ENDS
            and _LIST_ITEM_RE.match(text) is None
        ):
            # the page's text breaks off mid-sentence (…给予一次性1000万元资助。对我省参与建设…,
            # 且首次): a copy of a page's opening, whose last clause has lost what it was about.
            # A numbered item may end bare ((2)技术合同成交额比2020年增长50%): a list's last line.
            continue
        if is_heading_sentence(text):
            seen_heading = True
            item_title = ""
            told = ""
            if not given_sections:
                level = _heading_level(text)
                stack = [h for h in stack if h[0] < level] + [(level, text)]
            continue
        if not given_sections:
            # a page with no line breaks runs its headings into the text (一、2024年工作回顾2024年,
            # 是…关键一年。): they still say what the part is about
            while (end := inline_heading_end(text, genre)) > 0:
                seen_heading = True
                item_title = ""
                level = _heading_level(text)
                stack = [h for h in stack if h[0] < level] + [(level, text[:end])]
                text = _clean(text[end:])
            if not text:
                continue
        section = sentence.section if given_sections else tuple(h for _, h in stack)
        if sentence.section:
            seen_heading = True
        if region_path is not None and section[: len(region_path)] != region_path:
            region_path, region = None, ""
        if opens_task_region(text) or (
            announces_orders(text) and not _reviews(tuple(section), genre)
        ):
            # also before the first heading: 为此,要重点做好以下八个方面的工作: opens the tasks
            region_path, region = tuple(section), text
        if (
            has_headings
            and not seen_heading
            and not _states_action(text, genre)
            # 一、按照自愿申报原则,由…报送至…: an item of the notice's list, too long to be read
            # as a heading while a later short one (四、如发现…取消其资格。) was; a preamble is
            # never numbered (a ——2023年1月11日在…大会上 subtitle is no item)
            and _NUMBERED_ITEM_RE.match(text) is None
        ):
            continue  # preamble: addressee, 收悉, 按照…要求 — only what was or will be done counts
        if section:
            skip = skipped.get(section)
            if skip is None:
                skip = skipped[section] = any(_PRINCIPLE_SECTION_RE.search(h) for h in section)
            if skip:
                continue
            if section not in situations:
                # a situation part never sits in the task part ((一)抢抓机遇 under 三、主要任务)
                situations[section] = is_situation_heading(section[-1]) and not any(
                    (v := heading_kind(h, year, genre)) is not None and v.kind == "tasks"
                    for h in section
                )
            if situations[section] and not _DIGIT_RE.search(text):
                continue  # 国际科技竞争日趋激烈: the world a plan answers to, not what it does
        if sentence.paragraph != told_paragraph:
            if told and told_list and _continues_list(previous, text):
                told_paragraph = sentence.paragraph
            else:
                told = ""
        previous = sentence.text.strip()
        if (
            "要求" in text
            or "强调" in text
            or "指出" in text
            or "部署" in text
            or "提出" in text
            or "号召" in text
        ) and (INSTRUCTION_RE.search(text) is not None):
            told, told_paragraph = text, sentence.paragraph
            told_list = text[-1:] in ":："
        elif (
            ("目标" in text and states_goals(text, year) is not None)
            or (("未来" in text or "今后" in text or "十" in text) and future_frame(text, year))
            or target_opening(text, year, genre) is not None
        ):
            # 主要预期目标是:一是…;二是…; 未来5年,太原将…。…; 到2030年,…。…: the targets and plans
            # after it, to the end of the paragraph
            told, told_paragraph = text, sentence.paragraph
            told_list = text[-1:] in ":："
        if sentence.paragraph == problems_paragraph:
            # 同时我们清醒地看到,…老问题、新挑战仍然不少。…现代化产业体系建设有短板,…仍需提升;
            # …: the paragraph a problem statement opens goes on listing problems, one per
            # clause, most of them with no word of shortfall a sentence alone would show (a
            # figure or a task stays). Until a reply or report tells what it did about them, with
            # or without a figure (对此,我厅…安排专项资金5000万元): that and what follows are measures
            if answers_problems(text):
                problems_paragraph = -1
            elif not (_DIGIT_RE.search(text) or opens_task_region(text)):
                continue
        if is_problem_opening(text):
            # 要看到,无论是…都要有经济增长支撑: a point made, not problems; the paragraph goes on
            if _PROBLEM_NOUN_RE.search(text) is not None:
                problems_paragraph = sentence.paragraph
            continue
        text = strip_dateline(text, genre)
        if (
            (is_framing(text) and not _bare_task(text, sentence.paragraph in tasks))
            or is_problem_statement(text)
            or is_body_list(text)
            or is_leadership_opening(text, genre)
            or is_fragment(text)
            or is_quoted_speech(text, genre)
            or (greeting and is_cheer(text))
        ):
            continue
        not_framing = text  # checked: a clause that is this whole text needs no second look
        if sentence.paragraph != item_paragraph:
            item_title = ""
        if ENUM_RE.match(text):
            item_paragraph = sentence.paragraph
            item_title = text if is_item_title(text) else ""
        run_in = _is_run_in_heading(text, sentence, sentences[i - 2] if i >= 2 else None) and (
            i < len(sentences)
        )
        if run_in and sentences[i].paragraph != sentence.paragraph:
            heads = _heads_paragraph(text, sentence, sentences[i], paragraphs)
            if heads and headed_lines < 0:  # counted once, when the first such line is met
                headed_lines = _headed_paragraphs(sentences, paragraphs)
            if heads and headed_lines >= _HEADED_LINES:
                # 加大人才引育力度。 on a line of its own above a paragraph: a heading of that
                # paragraph (a work report's bold lead printed apart), not a measure. It lends the
                # paragraph no themes: its one generic word (人才) would file a whole paragraph of
                # skills training and workforce items under 人才
                continue
            run_in = False
        elif run_in:
            run_in = len(sentences[i].text) >= 25 and _content_len(sentences[i].text) >= 25
        if run_in:
            item_paragraph = sentence.paragraph
            item_title = text
        if (is_item_title(text) or run_in) and i < len(sentences):
            nxt = sentences[i]
            nxt_text = _clean(nxt.text)
            joined = text + nxt_text
            if (
                nxt.paragraph == sentence.paragraph
                and nxt_text == nxt.text.strip()
                and not ENUM_RE.match(nxt_text)
                and not is_heading_sentence(nxt_text)
                and not is_framing(nxt_text)
                and (not paragraphs or joined in paragraphs.get(sentence.paragraph, joined))
            ):
                text = joined
                i += 1
        contexts = [item_title] if item_title else []
        if section and INHERIT_FROM_SECTION:
            contexts.append(section[-1])
        clauses = _clauses(text)
        # a clause cut from a sentence finds its science-and-technology anchor there, but not its
        # themes: the clauses of a semicolon list report different actions
        whole = text if len(clauses) > 1 else ""
        for clause in clauses:
            if clause != not_framing and (
                is_framing(clause) or is_problem_statement(clause) or is_fragment(clause)
            ):
                continue
            yield _Unit(
                clause,
                tuple(section),
                region or told,
                len(region_path) if region_path is not None else len(section),
                tuple(contexts),
                whole,
                sentence.paragraph,
            )


# The title of a part that glosses terms (《政府工作报告》有关内容名词注释, 注释, 名词解释:): a line of
# its own, no sentence inside it. What follows is "N.术语:释义" entries, each of which explains a
# name the body uses; the body's sentence is the measure, and the gloss alone (its term is the
# entry's heading) would repeat it without the name. A bare 解释 is no title (本办法由市科技局负责解释).
_GLOSSARY_TITLE_RE = re.compile(r"(?:(?:名词|术语)(?:解释|注释|释义)|注释|释义)[:：]?$")
_GLOSSARY_TITLE_MAX = 40
# an entry of a glossary: a number (1., [1], 一、, (一), ①) or none, a short term, then a colon or
# a dash and its gloss (1.“2+X+Y”成果转化服务网络:建设…, 2.攀登计划——面向…, [1]ESI:…, 科技型中小
# 企业:是指…). An unnumbered term is shorter and holds no comma. The structure parser reads a
# "1.术语:" opening as an inline heading, so an entry is also a paragraph that opens a new section
# whose heading is such a numbered term.
_GLOSSARY_NUMBER = (
    rf"(?:\d{{1,2}}[.．、]|[\[［(（]\d{{1,2}}[\]］)）]|[{_CN_NUM}]{{1,3}}、|[(（][{_CN_NUM}]{{1,3}}[)）]"
    r"|[①-⑳])"
)
_GLOSSARY_ENTRY_RE = re.compile(
    rf"^(?:{_GLOSSARY_NUMBER}[^:：—。；;]{{1,40}}(?:[:：]|——)|[^:：—。；;，,]{{1,20}}(?:[:：]|——)(?=.))"
)
_GLOSSARY_TERM_RE = re.compile("^" + _GLOSSARY_NUMBER + r"[^:：。；;，,]{1,40}$")


def _glossary_entry(paragraph: Paragraph, previous: Paragraph | None) -> str | None:
    """The numbering of a paragraph that is a "N.术语:释义" or "术语:释义" entry (its number and
    term may be the inline heading the parser split off): its number with the digits masked ("9."
    for 1., "九、" for 一、, "" for none), or None when it is no entry."""
    text = paragraph.text.strip()
    if _GLOSSARY_ENTRY_RE.match(text) is not None:
        return _glossary_numbering(text)
    if (
        paragraph.section
        and (previous is None or previous.section != paragraph.section)
        and _GLOSSARY_TERM_RE.match(paragraph.section[-1]) is not None
    ):
        return _glossary_numbering(paragraph.section[-1])
    return None


_GLOSSARY_NUMBER_RE = re.compile(_GLOSSARY_NUMBER)


def _glossary_numbering(text: str) -> str:
    m = _GLOSSARY_NUMBER_RE.match(text)
    if m is None:
        return ""
    masked = re.sub(r"\d+", "9", m.group())
    return re.sub(rf"[{_CN_NUM}]+", "九", re.sub("[①-⑳]", "①", masked))


def _glossary_paragraphs(paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The paragraphs of a document's glossaries: a glossary's title line and the "N.术语:释义"
    or "术语:释义" entries right after it, numbered alike, up to the first line that is not one
    (二、保障措施 after 1.术语:… entries, or after unnumbered ones, is the body again). A 注释 line
    that no entry follows (a table's note, 注释 over a sentence of the body) opens no glossary."""
    found: set[int] = set()
    title = -1  # the title line waiting for its first entry
    numbering: str | None = None  # the numbering of the glossary's entries, while inside one
    previous: Paragraph | None = None
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        before, previous = previous, paragraph
        entry = _glossary_entry(paragraph, before) if numbering is not None or title >= 0 else None
        if entry is not None and (numbering is None or entry == numbering):
            if title >= 0:
                found.add(title)
                title = -1
            numbering = entry
            found.add(paragraph.index)
            continue
        numbering = None
        title = -1
        if (
            len(text) <= _GLOSSARY_TITLE_MAX  # a title is short: no scan of the long paragraphs
            and _GLOSSARY_TITLE_RE.search(text) is not None
            and not _SENTENCE_PUNCT_RE.search(text)
        ):
            title = paragraph.index
    return frozenset(found)


# an item of a list: 1.…, (一)…, 一是…, ①…, ——…
_LIST_ITEM_RE = re.compile(
    rf"^(?:[{_CN_NUM}]+是|[{_CN_NUM}]+[、.．]|[(（]?\d{{1,2}}[)）.．、]|[(（][{_CN_NUM}]+[)）]|[①-⑳]|——)"
)


# an item numbered as a notice's list numbers it (一、 1. (一) (1))
_NUMBERED_ITEM_RE = re.compile(
    rf"^(?:[{_CN_NUM}]+[、.．]|[(（]?\d{{1,2}}[)）.．、]|[(（][{_CN_NUM}]+[)）])"
)


def _continues_list(previous: str, text: str) -> bool:
    """Whether a paragraph goes on with the list the paragraph before it began or continued: the
    one before ends on a colon, semicolon or comma, or this one is a numbered item."""
    return previous[-1:] in ":：;；,，" or _LIST_ITEM_RE.match(text) is not None


_INLINE_NUMBER_RE = re.compile(rf"^(?:[{_CN_NUM}]{{1,3}}、|[(（][{_CN_NUM}]{{1,3}}[)）])")
# where a heading run into the text must have ended: a clause break, the next heading's number
_INLINE_STOP_RE = re.compile(rf"[，,。；;：:！!？?]|[(（][{_CN_NUM}]{{1,3}}[)）]")


def inline_heading_end(text: str, genre: str = "unknown") -> int:
    """The length of a heading that opens `text` run into its first sentence (一、发展基础和面临
    形势(一)发展基础“十三五”期间,…), or 0: the longest stretch, before the first clause break or
    the next heading's number, that ends on a word naming a review or a task part."""
    m = _INLINE_NUMBER_RE.match(text)
    if m is None:
        return 0
    stop = _INLINE_STOP_RE.search(text, m.end())
    window = text[: min(stop.start() if stop else len(text), m.end() + 30)]
    # a summary's topic heading (2024年重点工作) is a heading all the same
    kind_genre = "unknown" if genre in LOOKING_BACK else genre
    for end in range(len(window), m.end() + 1, -1):
        verdict = heading_kind(window[:end], None, kind_genre)
        if verdict is not None and verdict.strong and window[:end].endswith(verdict.cue):
            return end if end < len(text) else 0
    return 0


def task_cells(structure: Structure, year: int | None = None) -> frozenset[int]:
    """The paragraphs that are a row's task in a table printed one cell per line (`is_cell_table`):
    a cell with no cue of its own whose next cell reports it done (举办全市人才科技创新发展大会分论坛 /
    已于4月9日举办…,200余人参会。). Its labels read the task as planned, the report as done."""
    paragraphs = structure.paragraphs
    if not is_cell_table([p.text for p in paragraphs] + [s.title for s in structure.sections]):
        return frozenset()
    found = set()
    for cell, after in itertools.pairwise(paragraphs):
        if (
            _TASK_VERB_RE.search(cell.text) is not None
            and strong_mood(cell.text, year) is None
            and reports_done(after.text)
            and ((mood := strong_mood(after.text, year)) is None or mood.status == "done")
        ):
            found.add(cell.index)
    return frozenset(found)


# what a task cell does (a responsible unit's cell, 农业股, names no deed)
_TASK_VERB_RE = re.compile(
    r"举办|举行|召开|开展|组织|推进|推动|加快|实施|建设|完成|培育|引进|申报|落实|制定|出台|建立|打造|协助"
    r"|支持|争取|提升|完善"
)


# how `briefing explain` words the status of a row's task in a task-and-progress table
TASK_CELL = "表格中一行的任务格（其后一格报告其完成情况）"


def _bare_task(text: str, task_cell: bool) -> bool:
    """A row's task cell framed for its shape alone (short, no punctuation: 协助举办某某创新发展大会),
    which in a table is how a task is printed."""
    return (
        task_cell
        and _SENTENCE_PUNCT_RE.search(text) is None
        and not (_framing_shape(text) or _FRAMING_RE.search(text) or _FRAMING_START_RE.match(text))
    )


def _reviews(section: tuple[str, ...], genre: str) -> bool:
    """Whether the section's headings make it a review part (一、2023年工作开展情况)."""
    verdict = section_verdict(section, None, genre) if section else None
    return verdict is not None and verdict.kind == "review"


def _states_action(text: str, genre: str = "unknown") -> bool:
    """Before a document's first heading, a sentence counts when it says what was or will be done:
    a figure, or a strong past or plan cue (已…, 了, 近年来, 将 as a modal, 拟…); the rest of a
    preamble frames the document (addressee, purpose, basis, salutation). A work summary's opening
    paragraph is the year at a glance, so there a result told without a figure or cue counts too
    (…试点落地,达成…首单…合作; 我局获…先进单位)."""
    if _QUANTITY_RE.search(text):
        return True
    if genre == "summary" and _RESULT_LINE_RE.search(text) is not None:
        return True
    mood = strong_mood(text)
    return mood is not None


def _first_clause(text: str) -> str:
    return re.split(r"[，,；;。]", text, maxsplit=1)[0]


def _heading_level(text: str) -> int:
    if re.match(rf"^[{_CN_NUM}]+[、.．]", text):
        return 1
    if re.match(rf"^[(（][{_CN_NUM}]+[)）]", text):
        return 2
    if re.match(r"^\d", text):
        return 3
    return 4
