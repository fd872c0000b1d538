"""The words of the 简报 beyond the highlights: the written 本期要点 and a gist per document.

Both are template sentences filled from facts the briefing already holds (counts, the picked
highlights, a document's header and opening), so the same inputs always give the same words. A figure
is only ever quoted from a cleaned highlight, whose numbers are the document's own, and is followed by
its citation [n]; the counts the tool computed (文件5份, 措施266条) carry none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import astuple, dataclass, replace
from itertools import pairwise
from pathlib import PurePath

from briefing.extract.indicators import reviewed_early_year
from briefing.extract.measures import MIN_PLAN_MOODS, PLAN_MOOD_RATIO, is_problem_statement
from briefing.extract.numbering import strip_number
from briefing.extract.places import NATION, document_jurisdiction, find_places
from briefing.extract.status import detect_genre
from briefing.extract.text_lines import (
    ACKNOWLEDGED_TITLE_RE,
    LOOSE_PROPOSAL_TITLE_RE,
    PROPOSAL_TITLE_RE,
    UNTITLED,
    time_and_subject,
)
from briefing.model import ExtractedDocument, Measure, Paragraph, Structure
from briefing.readers.common import closed_bidi
from briefing.wording import (
    CONCRETE_RE,
    GENERIC_OPENING_RE,
    MIN_SCORE,
    NAMED_RE,
    ONE_RECIPIENT_RE,
    OWN_RESULT_RE,
    PROGRAMME_RE,
    balance_marks,
    clean_sentence,
    closes_frame,
    dangling_year,
    has_figure,
    is_continuation,
    leans_on_unshown,
    names_sci_tech,
    opens_on_past,
    states_a_verdict,
    substance,
    sums_up,
    unsuitable,
)

KIND_LABELS: dict[str, str] = {
    "reply": "建议提案答复",
    "report": "工作报告",
    "summary": "工作总结",
    "plan": "政策规划",
    "news": "新闻报道",
    "statistics": "统计公报",
}
"""How the 本期要点 counts documents of each genre (unknown ones are 其他文件)."""

_OPENING_LINES = 12
_OPENING_CHARS = 1500


def document_kind(doc: ExtractedDocument) -> str:
    """The document's genre (`briefing.extract.status.Genre`): from its header's 体裁分类 (政协提案办理),
    its title's head noun, else cues in its opening lines, else what its figures and measures are
    (support standards, or mostly what is to be done: a plan), else whom it is addressed to (各有关
    单位: a plan)."""
    meta = doc.metadata
    if meta.genre and re.search(r"建议|提案|议案", meta.genre) and "办理" in meta.genre:
        return "reply"
    title = None if meta.title_derived else meta.title
    genre = _told_genre(doc)
    if genre == "unknown" and _states_standards(doc):
        return "plan"
    if genre in ("summary", "unknown") and (
        (title and "公报" in title) or "统计局" in (meta.publisher or "")
    ):
        # 2022年中山市科技经费投入公报, or a 统计局's page that opens on its year: the genre
        # guess read the opening (2022年，全市…) as a review of the office's own work
        return "statistics"
    if genre == "unknown" and _mostly_planned(doc):
        return "plan"
    if genre == "unknown" and _SENT_DOWN_RE.match(meta.addressee or "") is not None:
        # a notice or a 公示 addressed to 各有关单位 whose title the page lost: the head keeps the
        # addressees apart from the text the genre guess reads
        return "plan"
    return genre


# the addressees of a document sent down to the units that are to carry it out (各有关单位,
# 各县(区)科技局、市直有关单位); not 各位代表, whom a report addresses
_SENT_DOWN_RE = re.compile(r"各(?!位)")


def _told_genre(doc: ExtractedDocument) -> str:
    """The genre the document's title and opening lines tell (`detect_genre`)."""
    lines = [line.strip() for line in doc.body[:_OPENING_CHARS].splitlines() if line.strip()]
    opening = Structure(
        paragraphs=[
            Paragraph(text=t, section=(), index=i) for i, t in enumerate(lines[:_OPENING_LINES])
        ]
    )
    meta = doc.metadata
    return detect_genre(None if meta.title_derived else meta.title, opening).genre


def _mostly_planned(doc: ExtractedDocument) -> bool:
    """A page whose title and opening tell no genre but whose measures are mostly what is to be
    done (an untitled 工作要点 under 一、工作目标 / 二、重点任务, a notice's requirements) is a plan,
    by the measure the status rules read such a page by (`measures._genre_from_moods`)."""
    planned = sum(1 for m in doc.measures if m.status == "planned")
    return planned >= MIN_PLAN_MOODS and planned > PLAN_MOOD_RATIO * (len(doc.measures) - planned)


def _states_standards(doc: ExtractedDocument) -> bool:
    """A document whose figures are mostly support standards (给予最高200万元奖励) is a policy,
    whatever its page lost of its title: at least two, and at least half of its figures."""
    standards = sum(1 for ind in doc.indicators if ind.kind == "provision")
    return standards >= 2 and 2 * standards >= len(doc.indicators)


# 2025年工作要点, 实施方案, 行动方案(2025—2027年), 规划, 重点工作任务的任务分解(表): a programme of
# tasks and targets, whose planned measures are what the government will do; 意见, 若干措施, 办法,
# 细则 are rules in force
_TASK_LIST_TITLE_RE = re.compile(
    r"(?:方案|规划|计划|要点|纲要|安排|任务|清单|分工|分解|行动)(?:一览表|表)?"
    r"(?:[（(][^（）()]*[)）])*$"
)


def holds_provisions(doc: ExtractedDocument, kind: str) -> bool:
    """Whether the document's planned measures are provisions in force (政策规定), not next
    steps: a policy (`kind` plan, from `document_kind`) that is not a programme of tasks (a
    工作要点's or 行动方案's targets are plans the office will report on)."""
    if kind != "plan":
        return False
    title = (doc.metadata.title or "").strip().rstrip("。")
    if _told_genre(doc) == "unknown" and not _states_standards(doc):
        # a plan by its measures alone (an untitled 工作要点 under 一、工作目标 / 二、重点任务):
        # its targets and tasks are the office's next steps, not rules in force
        return False
    # 关于印发《2025年科技工作要点》的通知: the programme is the document the notice sends
    quoted = re.findall(r"《([^《》]+)》", title)
    own = quoted[-1] if quoted else re.sub(r"的通知$", "", title)
    return not _TASK_LIST_TITLE_RE.search(own)


# --- what a document is called ---------------------------------------------------------------------


def file_name(source: str) -> str:
    """The file a document came from, without its folder ("a.jsonl#3" keeps its line)."""
    return PurePath(source.replace("\\", "/")).name or source


def shown_title(doc: ExtractedDocument) -> str:
    """What the briefing calls a document: its title, a bare 政府工作报告 with the year and place it
    was delivered for (`placed_report_title`); for one without a title, a name the briefing made
    and marks quietly as made (…（拟题）): the event or the time and actor its text opens with
    (`Metadata.display_title`; a time and an actor with what kind of document it is: 2023年全市科技系统
    工作总结（拟题）), else who issued it or where it is from and its kind (东莞市新闻报道（拟题）). Never a sentence of the text, nor the file's name: the sources sheet of
    the XLSX lists the files."""
    meta = doc.metadata
    if meta.title:
        return _placed_title(doc, placed_report_title(doc, meta.title), made=False)
    name = meta.display_title if meta.title_derived else None
    if not name or name == UNTITLED:
        return f"{_untitled_name(doc)}{MADE_TITLE_MARK}"
    # the name is the text's own words: a direction override they leave open must not turn
    # round the mark the briefing puts after them (（拟题） read 题拟)
    name = closed_bidi(name)
    if time_and_subject(name):
        # "2023年全市科技系统" says who and when; what the document is makes it read as a title
        name += _KIND_NOUNS.get(document_kind(doc), "")
    return f"{_placed_title(doc, name, made=True)}{MADE_TITLE_MARK}"


# a title opening (after its year) on a body named by its level (市科技局关于…, 省科技厅…), or a
# made title on 全省/全市 (2024年全省科技工作会议…): the level's place is not said
_TITLE_LEVEL_RE = re.compile(
    r"^(?P<year>(?:19|20)\d\d年度?)?(?P<all>全)?(?P<level>省|市|区|县|州)"
    r"(?=[\u4e00-\u9fff]{2})(?!场|域|级|属|内|外|委员|块|长|民)"
)


# the body a level word opens in a title (市科技局, 省人民政府办公厅, 市委): without one the level
# word is part of a term (省部共建协同创新中心…, 省市共建…) and names no body whose place is missing
_TITLE_BODY_RE = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:厅|局|委员会|委(?![托员])|办(?![法理事学])|政府)"
)


def _placed_title(doc: ExtractedDocument, title: str, *, made: bool) -> str:
    """A title whose opening body gives only its level (市科技局关于…的答复) with the document's
    place put in front (天津市科技局关于…), as `shown_publisher` does for the publisher: a sources
    list of several cities must say whose 市科技局 it was. A title the briefing made says the
    place for its 全省/全市 too (2024年甘肃省科技工作会议在兰州召开). Unchanged when the place is not
    known (安康 alone is an ordinary word) or is of another level, or the level word opens no body
    (省部共建协同创新中心认定管理办法: a term, printed as it is)."""
    m = _TITLE_LEVEL_RE.match(title)
    if m is None or (m.group("all") and not made):
        return title
    if not m.group("all") and not _TITLE_BODY_RE.match(title, m.end("level")):
        return title
    place = own_place(doc) or ""
    if not place.endswith(m.group("level")) or len(place) < 2:
        return title
    year = m.group("year") or ""
    if m.group("all"):
        return f"{year}{place}{title[m.end() :]}"
    return f"{year}{place}{title[m.end('level') :]}"


MADE_TITLE_MARK = "（拟题）"
"""After a name the briefing made for a document that prints no title (an editor's 拟题)."""

# what a document without a title is, by its genre (`document_kind`)
_KIND_NOUNS = {
    "reply": "答复",
    "report": "工作报告",
    "summary": "工作总结",
    "plan": "政策文件",
    "news": "新闻报道",
    "statistics": "统计资料",
}


def _untitled_name(doc: ExtractedDocument) -> str:
    """东莞市新闻报道, 某某市科技局工作总结: who issued an untitled document, else the place it
    calls its own, and its kind (有关材料 when it is none of the known ones); 未署标题的材料 (or
    未署标题的新闻报道…) when the text names neither who nor where."""
    who = closed_bidi(shown_publisher(doc))  # the text's words, before the briefing's own
    if not who:
        own = own_place(doc) or ""
        who = own if _JURISDICTION_RE.search(own) else ""
    noun = _KIND_NOUNS.get(document_kind(doc))
    if who:
        return f"{who}{noun or '有关材料'}"
    return f"未署标题的{noun or '材料'}"


# a report whose title names no place or year: the name congress reports print over their text
_BARE_REPORT_RE = re.compile(r"(?:人民)?政府工作报告(?P<note>[（(][^（）()]{1,10}[)）])?")
_LEVEL_WORD_RE = re.compile(r"(?:自治)?[省市县区州盟旗]")


def placed_report_title(doc: ExtractedDocument, title: str) -> str:
    """A work report printed under the bare title 政府工作报告, named as a reader names it among
    several: with the year it was delivered in and the place of the government delivering it
    (2026年宁夏回族自治区政府工作报告; 国务院's is 2026年政府工作报告), when both are certain: the
    publisher names its place (the text's 自治区人民政府 placed by its congress, `shown_publisher`),
    the date is the report's. Any other title is shown as printed, as the JSONL keeps it."""
    bare = _BARE_REPORT_RE.fullmatch(re.sub(r"\s+", "", title))
    date = shown_date(doc)
    if bare is None or date is None:
        return title
    publisher = shown_publisher(doc)
    place = publisher.removesuffix("人民政府")
    if publisher == "国务院":
        place = ""
    elif (
        place == publisher
        or len(place) < 2
        or not _JURISDICTION_RE.search(place)
        or _LEVEL_WORD_RE.fullmatch(place)
    ):
        return title
    return f"{date[:4]}年{place}政府工作报告{bare.group('note') or ''}"


# a body named by its level alone (市科技局, 省科技厅, 区政府办公室, 自治区人民政府): the text's own
# short name
_LEVEL_ONLY = re.compile(r"(?:自治[区州县旗]|[省市区县州旗](?!场))(?=[\u4e00-\u9fff]{2})")


def own_place(doc: ExtractedDocument) -> str | None:
    """The document's place as the pipeline decided it with the whole page (a site's name, out of
    the body, places 县科技局); recomputed from the body for a document built without it."""
    meta = doc.metadata
    return meta.jurisdiction or document_jurisdiction(meta.publisher, meta.title, doc.body)


def shown_publisher(doc: ExtractedDocument) -> str:
    """The publisher as the briefing shows it: the text's name, with the document's place put in
    front of a name that gives only its level (市科技局 of a 鹰潭 document -> 鹰潭市科技局), so
    that a briefing across several cities says whose 市科技局 it was. The extracted field (the
    JSONL) keeps the text's own short name; the DOCX and the XLSX's sources sheet show this one."""
    name = doc.metadata.publisher or ""
    level = _LEVEL_ONLY.match(name)
    if level is None:
        return name
    place = own_place(doc)
    # the place must be of the level the name gives: 市 for 市科技局, 自治区 for 自治区人民政府
    if place is None or not place.endswith(level.group()):
        return name
    return place + name[level.end() :]


# --- replies to 建议 and 提案 -------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    kind: str  # 建议 (人大代表) or 提案 (政协委员)
    number: str  # 第0942号, or "" when the text gives none
    title: str  # 关于…的建议, or ""
    proposer: str  # 郎平权代表, 市社科联, or ""
    result: str  # A类, 已采纳…, or "" when the text does not say


_NUMBER_RE = re.compile(r"第\s*([0-9０-９]{1,9})\s*号")
_NUMBERED_KIND_RE = re.compile(r"第\s*[0-9０-９]{1,9}\s*号(?:代表)?(建议|提案|议案)")
_OWN_TITLE_RE = re.compile(r"^关于[^《》]{2,80}(?:建议|提案|议案)$")
# a 人大 site's form: 建议标题: | 关于…的建议 |
_LABELLED_TITLE_RE = re.compile(
    r"(?:建议|提案)(?:标题|题目|名称)[:：|｜\s]*(关于[^|｜\n]{2,80}?(?:建议|提案))"
)
_RESULT_CLASS_RE = re.compile(
    r"(?:办理结果|答复类别|办理类别|类别|标注为|列为|属于|此件为|本件为)[为是：:\s]*([ABC])\s*类"
)
_RESULT_WORD_RE = re.compile(
    r"(?:建议|提案|意见|问题)?(?:已|已经|已被)(?:基本)?(采纳|解决|落实)"
    r"|(正在解决|列入计划(?:逐步)?解决|留作参考|作为参考)"
)
_SALUTATION_RE = re.compile(r"^(?:尊敬的)?(.{2,30}?(?:代表|委员|代表们|委员们))[:：]")


# 现将我厅对廖丽婷代表提出的第61号建议…: the proposer named in the text
_PROPOSED_BY_RE = re.compile(
    r"(?:对|就|关于)([\u4e00-\u9fff、]{2,20}?(?:代表|委员))(?:等)?(?:提出|所提|领衔)"
)


def _proposer(head: str, addressee: str | None) -> str:
    """Who made the proposal: a deputy or member the text names as its maker (对廖丽婷代表提出的),
    else the one it greets (郎平权代表:); else the addressee (市社科联), which for a report on
    handling is the office it is sent to only when nothing better is said."""
    if m := _PROPOSED_BY_RE.search(head):
        return m.group(1)
    lines = [line.strip() for line in head.splitlines()[:30] if line.strip()]
    for line in lines:
        if m := _SALUTATION_RE.match(line):
            return m.group(1)
    # a party or a group greeted just before the acknowledgement (九三学社河北省委:\n贵单位提出
    # 的…提案收悉): who made it, unless it is the office leading the handling (市科技局:)
    for before, line in pairwise(lines):
        if "收悉" in line and (m := _GREETING_RE.match(before)) and not _OFFICE_RE.search(m[1]):
            return m.group(1)
    addressee = (addressee or "").removeprefix("尊敬的").strip()
    # a government office addressed (市科技局:) is the office leading the handling, to which a
    # co-handling office sends its opinion (会办意见), not who made the proposal
    return "" if _OFFICE_RE.search(addressee) else addressee


_OFFICE_RE = re.compile(r"(?:局|厅|办|办公室|政府)$")
_GREETING_RE = re.compile(r"^(?:尊敬的)?([^，,。；;:：\s]{2,30})[:：]$")


def proposal_of(doc: ExtractedDocument) -> Proposal:
    """What a reply answers: the proposal's number, title, who made it and the handling result,
    as far as the text says."""
    meta = doc.metadata
    title = meta.title or ""
    head = doc.body[:_OPENING_CHARS]
    genre = meta.genre or ""
    both = f"{title} {genre} {head[:300]}"
    # the kind the number is given with (第61号建议), unless 政协 says it is a 提案; a 目录 of
    # 建议提案 in the opening names both kinds and decides nothing
    numbered = _NUMBERED_KIND_RE.search(title) or _NUMBERED_KIND_RE.search(head)
    proposer = _proposer(head, meta.addressee)
    # a 政协 member (张文惠委员:) makes 提案; a deputy (代表) makes 建议
    if "政协" in both or "委员" in (meta.addressee or "") or proposer.endswith("委员"):
        kind = "提案"
    elif numbered:
        kind = numbered.group(1)
    elif "提案" in both:
        kind = "提案"
    elif "议案" in both:
        kind = "议案"
    else:
        kind = "建议"
    number = ""
    for text in (title, head):
        if m := _NUMBER_RE.search(text):
            number = f"第{m.group(1)}号"
            break
    found = (
        PROPOSAL_TITLE_RE.search(head)
        or LOOSE_PROPOSAL_TITLE_RE.search(head)
        or _LABELLED_TITLE_RE.search(f"{title}\n{head}")
    )
    proposal_title = next((g for g in found.groups() if g), "") if found else ""
    if not proposal_title and _OWN_TITLE_RE.match(title):
        proposal_title = title  # a page headed by the proposal's own title
    elif not proposal_title and (acknowledged := ACKNOWLEDGED_TITLE_RE.search(head)):
        proposal_title = acknowledged.group(1) or acknowledged.group(2)
    result = ""
    if m := _RESULT_CLASS_RE.search(doc.body):
        result = f"{m.group(1)}类"
    elif m := _RESULT_WORD_RE.search(doc.body):
        result = "已" + m.group(1) if m.group(1) else m.group(2)
    return Proposal(kind, number, proposal_title, proposer, result)


# --- facts: the parts of a highlight a summary quotes -----------------------------------------------

_CLAUSE_RE = re.compile(r"[，；。！？]")
_OPENING_MARKS = "（(“《"
_CLOSING_MARKS = "）)”》"


def _clauses(text: str) -> list[str]:
    """The sentence's clauses, split at its commas and stops outside brackets and quotes: a note
    in brackets (按可比口径计算，下同) or a quoted slogan stays whole with the clause it belongs
    to, so a quote never ends mid-note and loses the bracket."""
    clauses: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPENING_MARKS:
            depth += 1
        elif ch in _CLOSING_MARKS:
            depth = max(depth - 1, 0)
        elif depth == 0 and _CLAUSE_RE.match(ch):
            clauses.append(text[start:i])
            start = i + 1
    clauses.append(text[start:])
    if depth:
        # a mark left open (a clause clipped from a list): brackets say nothing reliable
        clauses = _CLAUSE_RE.split(text)
    return [c for c in clauses if c]


_BIG_RE = re.compile(r"\d\s*亿")
_MIDDLE_RE = re.compile(r"\d\s*(?:万|%|％)")
_ACHIEVED_RE = re.compile(r"新增|新引进|新培育|累计|达到|突破|超过|增长|实现|完成")
# a clause that holds only a date (2023年, 到2025年, 截至2023年底): it dates the clause after it
_DATE_ONLY_RE = re.compile(
    r"^(?:到|至|截至|截止|从|自)?\d{4}(?:[-—至]\d{4})?年(?:\d{1,2}月)?(?:底|末|以来|上半年|前)?$"
)
# a clause that leans on the one before for its subject: 确保年均增长10%以上, 增长37.2%
_LEANING_RE = re.compile(
    r"^(?:确保|力争|同比|比上年|较上年|较去年|增长|分别|其中|占|达到|达|共计|合计"
    # a per-unit standard leans on whom it is for: 新通过备案的众创空间，每家分别给予…
    r"|每(?:家|个|人|名|项|所|户)"
    # 同时 adds to what the clause before says: …获批…首批实施单位，同时入围全国首批10家…
    r"|同时"
    # a cap leans on the grant it limits: 给予资金补助，最高不超过20万元
    r"|最高|最多|不超过|不高于"
    # a size leans on the fund or project just named: 设立天使投资引导基金，首期规模5亿元
    r"|(?:首期|一期|总|注册|认缴)?规模(?!以上|化)|总投资|总金额"
    # an amount or a scope with no subject of its own: （累计发放该类贷款175笔，）总额达14.31亿元;
    # （…评价指标体系根据…，）涵盖研发投入、知识产权等7个维度
    r"|(?:总|金|余)?额(?:达|为|超)|涵盖|包括|包含"
    # a ratio named by its measure word leans on the amount before: 全社会研发经费投入大幅增加，
    # 投入强度达到2.8%
    r"|(?:投入)?强度|比重|占比|增速|增幅"
    # a figure with its verb but not its subject: （技术合同成交额大幅增长，）突破300亿元
    r"|(?:突破|超过|超|逾|增加|减少|下降|提高|提升)(?:到|至)?[约近]?\d"
    r"|增至|升至|降至|跃升|位居|居(?:全|第)"
    # what a step yields, with no subject of its own: （深化职务科技成果权属改革，）形成10个以上典型案例;
    # （设立…基金，）撬动社会资本50亿元
    r"|(?:形成|带动|撬动|吸引|促成|惠及|辐射|覆盖)(?!了?[\u4e00-\u9fff]{0,3}(?:机制|格局|体系))"
    # a verb with 已 or 均已 and no subject: （支持科研人员自驾…便利跨境通勤，）已备案超40辆港牌车
    r"|(?:均|现|目前|目前均)?已(?:经)?(?![经有])[\u4e00-\u9fff])"
)
# what a clause of science-and-technology work names; a clause that names none of it (再增加100万
# 人口) is not quoted from afar beside one that does (太原将新建5个院士工作站)
_SCI_TECH_RE = re.compile(
    r"科技|科研|科学|创新|研发|R&D|研究|技术|成果|专利|知识产权|人才|院士|专家|博士|实验室|高新|孵化"
    r"|众创|创业|创投|基金|融资|贷款|上市|经费|投入|资金|转化|合同|平台|载体|项目",
    re.IGNORECASE,
)
# a rate without a subject of its own (与2021年相比增长251%): it is the sentence's subject's
_BARE_RATE_RE = re.compile(
    r"^(?:[^，；\d]|\d{4}年){0,12}?(?:增长|提高|提升|下降|减少|增加|增幅|增速)(?:了|达到?|为)?"
    r"[\d.]+(?:个百分点|[%％])(?:以上|左右)?$"
)
# a clause that says why or on what basis, not what: 为强化…, 按照《…》, 结合工作职能职责
_LEAD_IN_RE = re.compile(
    r"^(?:我局|我厅|我委|我市|我省|我区|我们)?(?:为了?|按照|根据|依据|结合|围绕|聚焦|立足|针对|通过|坚持|在)"
)
# an opening clause worth keeping before the figures: an action on a named thing
_ACTION_RE = re.compile(r"启动|实施|设立|组建|出台|印发|建成|获批|举办|成立|开展")
# what becomes of a thing, said with the thing as the subject
_THING_RESULT = frozenset({"建成", "获批", "成立"})
# a place as that subject (我市, 全省, 苏州市): it is the subject of the sentence's other clauses too,
# not a thing apart; a zone or park (苏州自贸片区, 张江科学城核心区) is a thing apart
_OWN_PLACE_RE = re.compile(r"^[我本全](?:省|市|区|县|州|盟|旗)$")


def _place_subject(name: str) -> bool:
    """Whether `name` (what stands before 获批/建成/成立) is a division: 我市, or a whole name that
    `find_places` reads as one (苏州市; not 苏州自贸片区, whose 苏州 is only a part)."""
    if _OWN_PLACE_RE.match(name):
        return True
    places = find_places(name)
    return len(places) == 1 and places[0][:2] == (0, len(name))


# a clause naming whom a provision is for, the provision itself in the next clause:
# 对新获批的国家实验室基地，给予一次性1000万元资助 / 对投入1000万元以上的企业，可给予冠名权 /
# 新认定为国家级科技企业孵化器的，给予最高奖励200万元
# 补助 may be part of what is supported (对企业单个专利质押融资补助资金项目); it gives only as a verb
_RECIPIENT_RE = re.compile(
    r"^对(?!.*(?:给予|予以|实行|按))(?!.*(?:奖励|补助|补贴|资助|支持)$)[^，；]{2,40}$"
    # 新认定为国家级、省级科技企业孵化器的，每家分别给予…: a condition ending in 的 names them too
    r"|^(?!.*(?:给予|予以))[^，；]{2,40}的$"
)
# a stated aim, not a step taken: 形成…的发展格局, 营造…氛围
_AIM_RE = re.compile(
    r"^(?:推动|加快|努力|着力)?(?:形成|构建|营造|打造)[^，；]*(?:格局|局面|氛围|态势|生态|体系|高地)$"
)

# the basis of a measure, not the measure: 风险补偿工作按照“政府引导…”的原则
_BASIS_RE = re.compile(r"(?:按照|根据|依据|遵循|坚持)[^，；]*(?:原则|要求|规定|精神|部署)$")


# how far a task was done (超额完成71%, 完成年度任务的199.7%): it says nothing of what was done
_COMPLETION_RE = re.compile(r"完成[^，；。\d]{0,12}?[\d.]+\s*[%％]")


def _weight(clause: str) -> int:
    """How much a clause's figure says: amounts in 亿 above 万 and rates, above counts; a result
    word (新增, 累计, 达到) adds one. A task's completion rate (超额完成71%) says least."""
    if _COMPLETION_RE.search(clause):
        return 0
    unit = 3 if _BIG_RE.search(clause) else 2 if _MIDDLE_RE.search(clause) else 1
    return unit + (1 if _ACHIEVED_RE.search(clause) else 0)


def _says(clause: str) -> int:
    """How much a clause without figures says: a named programme or document above a concrete
    action; a generic intention (加强…) or a stated aim (形成…格局) below."""
    score = 2 if NAMED_RE.search(clause) or PROGRAMME_RE.search(clause) else 0
    score += 1 if CONCRETE_RE.search(clause) else 0
    score -= 1 if GENERIC_OPENING_RE.match(clause) else 0
    score -= 2 if _AIM_RE.match(clause) or _BASIS_RE.search(clause) else 0
    return score


def fact(text: str, limit: int = 60) -> str:
    """The part of a cleaned sentence a summary quotes (`quote_of`)."""
    return quote_of(text, limit)[0]


def quote_of(text: str, limit: int = 60) -> tuple[str, bool]:
    """The part of a cleaned sentence a summary quotes, without final punctuation.

    Opening clauses that say why or on what basis (为…, 按照…, 围绕…) go. A sentence with figures
    gives its first clause with a figure (where the subject usually stands) and the weightiest other
    one, in their order, within about `limit` characters, each with the clause it leans on (a date
    before it, 到2025年; a subject before 确保年均增长10%以上; the recipient of a provision,
    对…的企业); an opening action on a named thing (启动实施“新凤人才”计划) when it fits. A sentence
    without figures is given whole when it fits in `limit`, else its clause that says most (a named
    programme, a concrete action; not a generic intention, a stated aim or its basis).

    The flag says whether the quote can stand alone in a summary: it holds a figure, or it is the
    whole sentence (a clause clipped from a longer one without figures is a fragment)."""
    clauses = _clauses(text)
    while len(clauses) > 1 and (
        (_LEAD_IN_RE.match(clauses[0]) and not has_figure(clauses[0]))
        or _GROUNDS_RE.match(clauses[0])
        # a shortfall before the step that answers it (评估机制不健全，要明确标准…)
        or (not has_figure(clauses[0]) and is_problem_statement(clauses[0]))
    ):
        clauses = clauses[1:]
    with_figures = [i for i, c in enumerate(clauses) if has_figure(c)]
    if not with_figures:
        whole = "，".join(clauses)
        if len(whole) <= limit:
            return balance_marks(whole), True
        best = max(range(len(clauses)), key=lambda i: (_says(clauses[i]), -i))
        return balance_marks(clauses[best]), False
    chosen = _with_support(clauses, with_figures[0])
    for i in sorted(with_figures[1:], key=lambda i: (-_weight(clauses[i]), i)):
        wanted = _with_support(clauses, i)
        if (
            min(wanted) > max(chosen) + 1
            and not any(_SCI_TECH_RE.search(clauses[j]) for j in wanted)
            and not _BARE_RATE_RE.match(clauses[i])
        ):
            # spliced from afar, a clause of no S&T work reads as the first one's sequel:
            # 太原将新建5个院士工作站，(…，)再增加100万人口
            continue
        if _length(clauses, chosen | wanted) <= limit:
            chosen |= wanted
            break
    first = clauses[0]
    action = _ACTION_RE.search(first)
    if (
        0 not in chosen
        and action is not None
        and not has_figure(first)
        and _length(clauses, chosen | {0}) <= limit + 20
        # a thing that was approved, built or set up (苏州实验室获批…) is not the subject of a
        # figure clause further on (…，牵头建设44家全国重点实验室: the province's): spliced, it
        # reads as if it were; right before it, or as an action of the sentence's own subject
        # (启动实施“新凤人才”计划，…，新引进人才200名; 我市获批国家创新型城市, where the place
        # is the sentence's subject), it is
        and not (
            action.group() in _THING_RESULT
            and action.start() > 0
            and min(chosen) > 1
            and not _place_subject(first[: action.start()])
        )
    ):
        chosen.add(0)
    quote = "，".join(_shortened(clauses[i]) for i in sorted(chosen))
    # a clause picked from mid-sentence may open on the conjunction that tied it to the one
    # before (并以目标任务落实清单的方式提出了38项…): the quote stands alone without it
    return balance_marks(_JOINING_RE.sub("", quote)), True


# a clause that only says when (截至年底, 截至到2012年末, 今年以来, 近年来): it dates every result after it
_TIME_LEAD_RE = re.compile(
    r"^(?:截至|截止|到|至|从|自)?到?(?:\d{4}年|[今去上当全本]年|年)度?(?:\d{1,2}月)?"
    r"(?:底|末|初|以来|上半年|下半年|前)?$|^近(?:年来|几年来?|年)$"
)
LIST_CLAUSES = 4
"""The fewest clauses of a report sentence that lists several results (`theme_part`)."""


def theme_part(
    text: str, terms: Collection[str], owns: Callable[[str], bool] | None = None
) -> str | None:
    """The clauses of a cleaned result sentence that carry a theme, when the sentence lists several
    results of different kinds and the theme is only some of them (科技创新成果不断涌现，…实验室…，
    …跻身全国重点实验室，新增科技型…企业195家，…实现量产 -> the two 实验室 clauses for 基础研究);
    None when the sentence is about the theme as a whole.

    A list has `LIST_CLAUSES` clauses or more and at most half its clauses name the theme's
    `terms`; its first clause (after a date) names none of them, or the clauses are results each of
    its own (`_parallel_results`: 区域技术转移中心投入运行，…研究院正式成立，…). A lead that names the
    theme (持续深化科技金融服务，…; 科技金融改革试点落地见效，…) governs what follows. Each kept clause keeps what it leans on (`_with_support`: a
    date before it, a subject for 增长37.2%) and the clauses after it that lean on it (，增长11.7%);
    a date opening the sentence (2022年，) stays. `owns` (the classifier on one clause) says
    whether a clause that holds a term is the theme's: 引进 in 引进外资项目20个 does not make a
    人才 clause. The words are the document's own, in their order, ending in 。."""
    body = text.rstrip("。；;！？")
    clauses = _clauses(body)
    if len(clauses) < LIST_CLAUSES:
        return None
    folded = [c.casefold() for c in clauses]
    wanted = [t.casefold() for t in terms if t]
    hits = [
        i
        for i, c in enumerate(folded)
        if any(t in c for t in wanted) and (owns is None or owns(clauses[i]))
    ]
    first = 1 if _DATE_ONLY_RE.match(clauses[0]) or _TIME_LEAD_RE.match(clauses[0]) else 0
    if not hits or hits[0] < first or 2 * len(hits) > len(clauses) - first:
        return None
    if hits[0] == first and not _parallel_results(clauses[first:]):
        return None  # a lead that names the theme governs what follows
    chosen: set[int] = set(range(first))
    for i in hits:
        chosen |= _with_support(clauses, i)
        # what leans on it goes with it: 科技贷款余额达到50亿元，增长11.7%
        j = i + 1
        while j < len(clauses) and _LEANING_RE.match(clauses[j]):
            chosen.add(j)
            j += 1
    for i in sorted(chosen):
        if i <= first or i - 1 in chosen:
            continue
        if sums_up(clauses[i]):
            # 有效地促进了科技成果转化 sums up the whole list: it goes with the theme's other clauses;
            # alone, the part is that half sentence, which names the theme only in passing (no
            # highlight of it: `aggregate.pick_highlights`)
            if any(j in hits and not sums_up(clauses[j]) for j in chosen):
                chosen.discard(i)
            continue
        if closes_frame(clauses[i]):
            # …提供强有力的支撑 closes the frame a 为 opened clauses before: all of it, or (no 为:
            # the sentence's subject provides it) the whole sentence
            opener = next(
                (j for j in range(i - 1, first - 1, -1) if clauses[j].startswith("为")), None
            )
            if opener is None:
                return None
            chosen |= set(range(opener, i))
        elif _CONSEQUENCE_RE.match(clauses[i]):
            # 成为首家北交所过会上市的福建民企 says what became of the subject of the clause before;
            # 与45家企业开展… says with whom the clause before's experts did it
            chosen |= _with_support(clauses, i - 1)
    part = "，".join(clauses[i] for i in sorted(chosen))
    return f"{balance_marks(_JOINING_RE.sub('', part))}。"


# a clause that says what became of the subject of the clause before (成为首家…, 使…) or with whom it
# acted (与45家企业开展…对接活动, the experts sent in the clause before): it has no subject of its own
_CONSEQUENCE_RE = re.compile(r"^(?:成为|使得?|由此|以此|跻身|填补|与|同|向)")


def _parallel_results(clauses: Sequence[str]) -> bool:
    """Whether the clauses (after a leading date) list results of their own rather than follow a
    lead: the first names a thing and what became of it (全国高校区域技术转移转化中心投入运行), and so
    do at least half of the others (…研究所正式成立，3项成果入选“中国科学十大进展”，…试验船正式交付).
    A lead (持续深化科技金融服务，…) or a result its next clauses elaborate (…中心建成运行，入驻机构
    120家，促成技术交易50亿元) governs what follows."""
    if not OWN_RESULT_RE.match(clauses[0]):
        return False
    others = clauses[1:]
    return 2 * sum(1 for c in others if OWN_RESULT_RE.match(c)) >= len(others)


def _shortened(clause: str) -> str:
    """A recipient clause too long for a quote (对企业获批牵头建设的国家重点实验室、国家制造业创新
    中心、…、国家企业技术中心) as a 简报 writer shortens it: its first listed item and 等."""
    if len(clause) <= _CONDITIONS_ROOM or not clause.startswith("对") or "、" not in clause:
        return clause
    last = clause.rsplit("、", 1)[1]
    if len(last) > 12 or "的" in last:
        return clause  # the list goes on into what they do (…、大学设立具有独立法人的分支机构)
    head = clause.split("、", 1)[0]
    return head if head.endswith("等") else f"{head}等"


def _no_subject(clause: str) -> bool:
    """Whether a clause without figures is a set phrase no clause after it can lean on for a
    subject (实现资源共享、优势互补，确保…增长20%以上; 形成…的发展格局，力争…): quoted before the
    figures, it opens the quote on boilerplate."""
    return not has_figure(clause) and bool(_SLOGAN_PAIR_RE.match(clause) or _AIM_RE.match(clause))


# what the step built on, figures and all: 在组织…11所直属高校开展…改革试点的基础上
_GROUNDS_RE = re.compile(r"^在.{2,80}(?:的)?(?:基础上|前提下|背景下|过程中)$")
_JOINING_RE = re.compile(r"^(?:并且|而且|并(?=[以于在将对与把向从按由已经同]))")


def _with_support(clauses: Sequence[str], i: int) -> set[int]:
    """Clause `i` with the one before it when that dates it (到2025年), names the recipient of the
    provision it states (对新获批的国家实验室基地) or it leans on it for a subject (确保年均增长10%
    以上); with the one after it when clause `i` is itself a recipient (对投入1000万元以上的企业) or
    only where a change starts (数量由2017年的20家), its verb after it."""
    chosen = {i}
    if i > 0 and (
        _DATE_ONLY_RE.match(clauses[i - 1])
        or _RECIPIENT_RE.match(clauses[i - 1])
        or (_LEANING_RE.match(clauses[i]) and not _no_subject(clauses[i - 1]))
    ):
        chosen.add(i - 1)
        if i > 1 and _LEANING_RE.match(clauses[i]) and _RECIPIENT_RE.match(clauses[i - 2]):
            chosen.add(i - 2)  # 对…项目，按…给予补助，最高不超过20万元: who gets the capped grant
        if i > 1 and _DATE_ONLY_RE.match(clauses[i - 2]):
            chosen.add(i - 2)  # 到2027年，…投入大幅增加，投入强度达到2.8%: the date of both
        # a run of clauses that all lean (…研发经费达到69.07亿元，比上年增长11.0%，占…比重达94.2%):
        # back to the one that names their subject
        j = i - 1
        while j > 0 and _LEANING_RE.match(clauses[j]) and not clauses[j].startswith("其中"):
            chosen.add(j - 1)
            j -= 1
    if (_RECIPIENT_RE.match(clauses[i]) or _CHANGE_FROM_RE.search(clauses[i])) and i + 1 < len(
        clauses
    ):
        chosen.add(i + 1)
    if _GRANT_RE.match(clauses[i]):
        if i > 0 and clauses[i - 1].startswith("对") and not has_figure(clauses[i - 1]):
            # 对企业获批牵头建设的国家重点实验室、…、国家企业技术中心，给予最高500万元…: whom it is
            # for, however long the list (`_shortened` cuts it to its first item and 等)
            chosen.add(i - 1)
        # 备案为国家科技型中小企业，且纳入…培育库，给予5万元奖励: the grant alone says not for whom;
        # the conditions before it do, as far back as a quote has room for
        room = _CONDITIONS_ROOM
        for j in range(i - 1, -1, -1):
            room -= len(clauses[j]) + 1
            if room < 0 or (has_figure(clauses[j]) and j not in chosen):
                break
            chosen.add(j)
    return chosen


# where a change starts, its verb and end in the clause after (入库企业数量由2017年的20家，飞速增长到
# 2018年的40家…; 将…比例从75%，提高到100%): cut there, the quote has no verb (由我局安排的资金5700万元
# names who spent it: no change)
_CHANGE_FROM_RE = re.compile(
    r"(?:由|从)(?:[^，；]{0,10}?(?:年|月|末|底|初)度?的?)?[\d.]+\s*[%％]?[\u4e00-\u9fff]{0,3}$"
)


# a grant opening its clause, its recipient in the clauses before: 给予5万元奖励, 可给予…补助
# (按融资租赁额的20%给予补助: a grant at a rate opens on its basis)
_GRANT_RE = re.compile(r"^(?:可|再|均|并|一次性|分别|按[^，；]{1,20}?)?(?:给予|予以)")
_CONDITIONS_ROOM = 40


def _length(clauses: Sequence[str], indices: set[int]) -> int:
    return sum(len(clauses[i]) + 1 for i in indices)


# --- 本期要点 -------------------------------------------------------------------------------------


DANGLING_PENALTY = 2
"""What a highlight or a gist's quote loses when a reader cannot tell the year its 今年/当年
means (`undated_year`): enough to fall behind a dated item of the same substance."""

STRONG = 4
"""The least `wording.substance` score of a highlight the 本期要点 quotes: a figure with an action,
or a named programme with a result. A weaker one (认真分析研判我区目前情况，做好…工作: 2) is a
highlight in its theme's section, never what a leader reads first."""


@dataclass(frozen=True)
class Cited:
    """A highlight as the summary sees it: its cleaned text, citation, source and score; `policy`
    when it comes from a policy document (a provision, not a plan)."""

    text: str
    cite: str
    source_no: int
    score: int
    policy: bool = False
    where: str = ""
    """Whose and when, as the summary names it before the quote (海南省, 拉萨市2022年): set only
    when the issue covers several places (`where_of`); empty otherwise."""
    stale: bool = False
    """Its facts are years older than the issue (拉萨市2022年… in a 2026 issue): quoted after
    newer ones."""
    standard: bool = False
    """Its figures are all support standards (对…项目给予最高500万元后补助支持): a policy made,
    not an achievement counted; as a result it is quoted after those whose figures are."""


@dataclass(frozen=True)
class ThemeFacts:
    name: str
    measure_count: int
    progress: Sequence[Cited]
    plans: Sequence[Cited]


def _theme_items(
    theme: ThemeFacts, n: int, quoted: Collection[int] = ()
) -> tuple[str, list[Cited]]:
    """What a theme's sentence quotes and how it introduces it: up to `n` of its strong results
    (those with figures first) from different documents; else its best strong plan, introduced as
    a provision (政策明确：) or as the theme's plans (以工作安排为主：); else nothing. A result of
    a document not in `quoted` (those the sentences before quote) leads when it is as good a kind
    of result as the best (a figure, of S&T work, new): the 本期要点 is not one report's alone."""
    results = [c for c in theme.progress if _quotable(c)]
    if results:
        # results that count something first: a summary line without a figure says little; a
        # stock (目前，全市拥有…平台4家) after what was done or reached
        # a result that counts S&T work itself (3家全国重点实验室获批建设) before one that counts
        # what any trade has (新增技能人才39.87万人次)
        # what is new before what is years old (a 2022 rate does not lead a 2026 issue)
        # a figure that is a support standard (给予最高500万元) counts nothing achieved: such a
        # result is quoted as one without figures
        def kind(c: Cited) -> tuple[bool, bool, bool, bool]:
            return (
                c.stale,
                c.standard or not has_figure(c.text),
                not names_sci_tech(fact(c.text)),
                bool(_STOCK_RE.match(c.text)),
            )

        counted = sorted(results, key=kind)
        fresh = next(
            (c for c in counted if c.source_no not in quoted and kind(c) == kind(counted[0])),
            None,
        )
        if fresh is not None:
            counted = [fresh, *(c for c in counted if c is not fresh)]
        return "", _spread(counted, n)
    plans = sorted(
        (c for c in theme.plans if _quotable(c) and not opens_on_past(c.text)),
        key=lambda c: c.stale,
    )
    if plans:
        return ("政策明确：" if plans[0].policy else "以工作安排为主："), plans[:1]
    return "", []


# what a place has, not what was done: 目前，全市拥有国家重点实验室等国家级创新平台4家、…
_STOCK_RE = re.compile(r"^(?:目前|当前|现阶段)?[，,]?[^，,。；]{0,10}(?:拥有|共有|现有)")


def _quotable(c: Cited) -> bool:
    """A highlight the summary may quote: strong, and its quote stands alone (`quote_of`) and
    names what it counts: "累计发放该类贷款175笔" tells the leader, who reads the 本期要点 first and
    alone, nothing of which loans (judge s11); the theme's section still lists the item."""
    return c.score >= STRONG and quote_of(c.text)[1] and not leans_on_unshown(fact(c.text))


def _quoted(items: Sequence[Cited]) -> str:
    parts: list[str] = []
    for i, c in enumerate(items):
        # a second quote of the same document right after the first: its place is said already
        where = c.where if i == 0 or items[i - 1].source_no != c.source_no else ""
        # an RLO the quote leaves open would turn round its citation and the quotes after it
        parts.append(f"{closed_bidi(placed(fact(c.text), where))}{c.cite}")
    return "；".join(parts)


# how a document calls its own jurisdiction at a quote's start (全市科技进步贡献率…, 我省…): the
# place named before it says it
_OPENING_OWN_PLACE_RE = re.compile(
    r"^((?:截至|截止|到)?\d{4}年(?:度|底|末|\d{1,2}月(?:底|末)?)?[，,]?"
    # 去年（2022年）全省… (`wording.dated_this_year`), 全年全市…: the place goes before the time word
    r"|(?:去年|今年|全年)(?:（\d{4}年）)?[，,]?)?"
    r"(?:全|我|本)(?:自治区|自治州|省|市|区|县|州|盟|旗)(?![长委级属])"
)
# 全年 after the year put before it says nothing more (2016年全年…)
_WHOLE_YEAR_RE = re.compile(r"^全年")
# a body named by its level alone at the start (市科技局坚持…): the place's name goes before it
_LEVEL_BODY_RE = re.compile(r"^(?:省|市|区|县|州)(?=[\u4e00-\u9fff]{2})(?!场|域|级|属|内|外|委员)")
_YEAR_IN_RE = re.compile(r"\d{4}年")


def placed(quote: str, where: str) -> str:
    """A quote with whose and when it is put before it, as a 简报 writer says it: 拉萨市2022年科技
    进步贡献率达到54.1% for 全市科技进步贡献率达到54.1% of a 拉萨 news item in a pack of many places.
    The place is left out when the quote names it already (海南 in 海南省新增…, 宁夏 in 宁夏现代煤化工…);
    the year when the quote has one of its own; 全市/我省 at the start go, the place says them;
    a body named by its level (市科技局) takes the place's name (天津市科技局)."""
    if not where:
        return quote
    place, year = _split_where(where)
    if place == NATION:
        place = ""  # a national document's figures need no 全国 before them (国家重点研发计划…)
    if year and _YEAR_IN_RE.search(quote):
        year = ""
    stem = _PLACE_STEM_RE.sub("", place) or place
    if place and stem in quote:
        place = ""
    if not place and not year:
        return quote
    if place and _LEVEL_BODY_RE.match(quote) and place.endswith(quote[0]):
        return stem + quote  # 天津市科技局…: the body's own words date it, if at all
    if place and (m := _OPENING_OWN_PLACE_RE.match(quote)):
        date = (m.group(1) or "").rstrip("，,")
        if date.startswith(("去年", "今年", "全年")):
            # 去年（2022年）全省… -> 广东省去年（2022年）…; 全年 after a year says nothing more
            when = "" if year and date == "全年" else date
            return f"{place}{year}{when}{quote[m.end() :]}"
        if date and not date[0].isdigit():
            # 截至2025年末，全区… -> 截至2025年末，襄城区…: a time up to which stays before the place
            return f"{date}，{place}{year}{quote[m.end() :]}"
        # 2022年，全市… -> 拉萨市2022年…: the date joins the place without its comma
        quote = date + quote[m.end() :]
    if year:
        quote = _WHOLE_YEAR_RE.sub("", quote)
    if place and (m := _UP_TO_RE.match(quote)):
        # 截至2025年末，累计发放… -> 截至2025年末，襄城区累计发放…: the place is the subject
        return f"{m.group()}{place}{year}{quote[m.end() :]}"
    return f"{place}{year}{quote}"


# a time up to which the figures count, opening the quote: 截至2025年末，
_UP_TO_RE = re.compile(r"^(?:截至|截止)[^，,。；]{2,16}[，,]")


_WHERE_RE = re.compile(r"^(.*?)(\d{4}年)?$")


def _split_where(where: str) -> tuple[str, str]:
    m = _WHERE_RE.match(where)
    assert m is not None  # the pattern matches any string
    return m.group(1), m.group(2) or ""


def theme_sentence(theme: ThemeFacts, n: int = 2) -> str:
    """成果转化方面，<fact>[3]；<fact>[5]。 — the theme's `n` best results from different documents
    when it has strong ones, else its best plan or provision, else its count of measures."""
    intro, items = _theme_items(theme, n)
    if not items:
        return f"{theme.name}方面，梳理措施{theme.measure_count}条。"
    return f"{theme.name}方面，{intro}{_quoted(items)}。"


def _spread(items: Sequence[Cited], n: int) -> list[Cited]:
    """The first `n` of `items`, from different documents where they allow."""
    chosen: list[Cited] = []
    for item in items:
        if len(chosen) < n and all(c.source_no != item.source_no for c in chosen):
            chosen.append(item)
    for item in items:
        if len(chosen) < n and item not in chosen:
            chosen.append(item)
    return chosen


MAX_LINES = 6
MIN_LINES = 3
"""The 本期要点 has three to six sentences when the documents hold that much (issue #15)."""

OTHER_WORK = "其他科技工作"
"""The 简报's section of the measures of no theme that report S&T work, as the 本期要点 names it."""


def digest_lines(
    *,
    counts: Mapping[str, int],
    kinds: Sequence[str],
    themes: Sequence[ThemeFacts],
    coverage: str = "",
    other_work: ThemeFacts | None = None,
) -> list[str]:
    """本期要点: three to six sentences, one fact each, read in a minute; `kinds` are the
    documents' `KIND_LABELS`, in source order. `coverage` (本期新增…) ends the first sentence when
    the period is dated. The rule is written in docs/templates.md (本期要点):

    1. the documents (by genre) and measures counted (only the themes' when some measures are in
       no theme, `counts["other"]`; results, provisions of policy documents when `counts` has
       any, plans);
    2. a sentence per theme that has something strong to say (`STRONG`), the best result of each
       (themes with results first, then those with only plans or provisions; by measure count;
       a result years older than the issue after newer ones: `Cited.stale`),
       up to four; a theme whose best item is years older than the issue has no sentence when
       another theme has a current one (a 2023 provision is no news beside 2026 results) — a
       current result when any theme has a result to quote (an undated law's provision does not
       leave every older result out);
    3. only when no theme has anything strong to quote: the themes and their counts of measures
       (a count alone says nothing a leader can use beside quoted facts);
    4. while lines are left: 政策方面, the best provisions of policy documents not quoted yet, and
       下一步 (always last), the best plans of the other documents not quoted yet — one per theme,
       two at most, from different documents; none years older than the issue when the
       summary quotes a current item (the old provision a theme's sentence passed over does
       not come back as 政策方面).
    5. while the summary would still have fewer than three sentences (`MIN_LINES`): the best
       result of the other S&T work (`other_work`: 其他科技工作方面，…), then the next best results of
       the themes quoted (此外，…); never a count alone (此外，人才方面梳理措施2条 tells a leader
       nothing). The 下一步 stays last. A pack with less to say gets fewer sentences.
    """
    if not counts.get("documents"):
        return ["本期无新增文件。"]
    by_kind: dict[str, int] = {}
    for label in kinds:
        by_kind[label] = by_kind.get(label, 0) + 1
    order = [*KIND_LABELS.values(), "其他文件"]
    kind_text = "、".join(f"{k}{by_kind[k]}份" for k in order if k in by_kind)
    head = f"本期收录文件{counts['documents']}份" + (f"（{kind_text}）" if len(by_kind) > 1 else "")
    tail = f"；{coverage.rstrip('。')}" if coverage else ""
    other = counts.get("other", 0)
    if other and counts.get("themed"):
        # a pack of whole work reports holds a thousand measures of no S&T at all (GDP, housing):
        # the total that counts them says nothing; what concerns the themes is counted, briefly.
        # The other S&T work and what was left out are no news for a leader (the 其他科技工作
        # section shows the former; the 要情's note counts both)
        rules = counts.get("themed_provisions", 0)
        first = (
            f"{head}，梳理出涉及科技主题的措施{counts['themed']}条"
            f"（工作进展{counts['themed_done']}条、"
            + (f"政策规定{rules}条、" if rules else "")
            + f"工作计划{counts['themed_planned'] - rules}条）"
            + f"{tail}。"
        )
    else:
        first = (
            f"{head}，梳理政策措施{counts['measures']}条"
            # the themes' sections and chart leave the measures of no theme out: the total says so
            + (f"（未归入主题的{other}条）" if other else "")
            + f"，其中工作进展{counts['done']}条、"
            + (f"政策规定{rules}条、" if (rules := counts.get("provisions", 0)) else "")
            + f"工作计划{counts['planned'] - rules}条"
            + f"{tail}。"
        )
    lines = [first]
    ranked = [t for t in sorted(themes, key=lambda t: -t.measure_count) if t.measure_count > 0]
    said = {t.name: _theme_items(t, 1) for t in ranked}
    strong = [t for t in ranked if said[t.name][1]]
    # results before plans, what is current before what is years old; stable
    strong.sort(key=lambda t: (said[t.name][0] != "", said[t.name][1][0].stale))
    # a fact years older than the issue is no news beside current ones (a 2023 city's provision
    # as the 人才 sentence between 2026 provinces' results): quoted only when nothing is current
    # a current plan or provision (an undated law's 应当…) does not make old results no news: with
    # results to quote, only a current result does; else the themes' sentences would leave out
    # every result and quote the one plan, the weakest item of the issue
    results = [t for t in strong if not said[t.name][0]] or strong
    if any(not said[t.name][1][0].stale for t in results):
        strong = [t for t in strong if not said[t.name][1][0].stale]
    # no old plan as 下一步 or 政策方面 while anything quoted is current
    current = any(not said[t.name][1][0].stale for t in strong)
    shown = strong[:4]
    quoted: set[str] = set()
    sources: set[int] = set()
    for t in shown:
        intro, items = _theme_items(t, 1, sources)
        lines.append(f"{t.name}方面，{intro}{_quoted(items)}。")
        quoted.update(c.text for c in items)
        sources.update(c.source_no for c in items)
    rest = [t for t in ranked if t not in shown]
    if rest and not shown:
        # a count alone tells a leader nothing (此外，科技金融方面梳理措施3条): said only when no
        # theme has anything to quote, so that the summary still names what the issue is about
        names = "、".join(t.name for t in rest)
        numbers = "、".join(f"{t.measure_count}条" for t in rest)
        lines.append(f"{names}方面{'分别' if len(rest) > 1 else ''}梳理措施{numbers}。")

    def best_plans(policy: bool) -> list[Cited]:
        firsts = [
            next(
                (
                    p
                    for p in t.plans
                    if p.policy == policy
                    and p.text not in quoted
                    and _quotable(p)
                    and not opens_on_past(p.text)
                    and not (current and p.stale)
                ),
                None,
            )
            for t in themes
        ]
        found = sorted((p for p in firsts if p), key=lambda p: (p.stale, -p.score, p.source_no))
        return _spread(found, 2)

    plans, provisions = best_plans(policy=False), best_plans(policy=True)
    coming = bool(plans) + bool(provisions)

    def fresh_results(facts: ThemeFacts) -> list[Cited]:
        return [
            c
            for c in facts.progress
            if _quotable(c) and c.text not in quoted and not (current and c.stale)
        ]

    # a summary of one or two sentences is no summary: what else the issue holds, best first
    if (
        len(lines) + coming < MIN_LINES
        and other_work is not None
        and (found := fresh_results(other_work))
    ):
        _, items = _theme_items(replace(other_work, progress=found, plans=()), 1, sources)
        lines.append(f"{OTHER_WORK}方面，{_quoted(items)}。")
        quoted.update(c.text for c in items)
        sources.update(c.source_no for c in items)
    if len(lines) + coming < MIN_LINES:
        more = [c for t in shown for c in fresh_results(t)]
        # a document not quoted yet first, then by substance: the summary is not one report's
        more.sort(key=lambda c: (c.stale, c.source_no in sources, -c.score, c.source_no))
        for c in more[: MIN_LINES - len(lines) - coming]:
            lines.append(f"此外，{_quoted([c])}。")
            quoted.add(c.text)
            sources.add(c.source_no)
    if provisions and len(lines) + (2 if plans else 1) <= MAX_LINES:
        lines.append(f"政策方面，{_quoted(provisions)}。")
    if plans and len(lines) < MAX_LINES:
        lines.append(f"下一步，{_quoted(plans)}。")
    return lines


# --- a gist per document ------------------------------------------------------------------------------


# a demand: 要围绕…, 要以…为契机, 一要抓住主业 (a speech's or a meeting's, not a step reported)
DEMAND_RE = re.compile(r"^(?:[一二三四五六七八九十]要|要(?![求素点闻件害地]))")


def strongest_measures(
    doc: ExtractedDocument,
    n: int = 2,
    science: Collection[str] = frozenset(),
    theme: str | None = None,
) -> list[str]:
    """The document's `n` most substantial measures (results and plans alike), as short facts.

    Measures of a theme come first, then those in `science` (ids of the measures of no theme
    that report S&T work: `Aggregates.other_focus`), then the rest: a city's work report is
    summed up in a S&T briefing by its 高新技术企业 and 专利, not by its GDP. With `theme`, only
    the measures of that theme (a 专题's table of related documents).
    Only the dozen best by a rough score (figures, a quoted name, a result) are cleaned and scored:
    a year's build holds thousands of documents."""

    def tier(m: Measure) -> int:
        return 0 if m.themes else 1 if m.id in science else 2

    year = own_year(doc)
    figures: dict[str, int] = {}
    for ind in doc.indicators:
        if ind.measure_id:
            figures[ind.measure_id] = figures.get(ind.measure_id, 0) + 1
    rough = sorted(
        (
            tier(m),
            -(
                2 * min(figures.get(m.id, 0), 3)
                + (m.status == "done")
                + 2 * ("《" in m.text or "“" in m.text)
                # a step taken or a programme named (印发, 设立, …计划) is worth cleaning and
                # scoring even without figures: the document's first sentences, a purpose and a
                # line of aims, are not what sums it up
                + (CONCRETE_RE.search(m.text) is not None)
                + (PROGRAMME_RE.search(m.text) is not None)
            ),
            position,
        )
        for position, m in enumerate(doc.measures)
        if m.duplicate_of is None and (theme is None or theme in m.themes)
    )
    scored: list[tuple[int, int, int, int, int, int, str, bool]] = []
    for _, _, position in rough[:_GIST_CANDIDATES]:
        m = doc.measures[position]
        text = clean_sentence(m.text)
        if not text or unsuitable(text) is not None:
            continue
        if theme is not None and m.status == "done" and m.evidence.get(theme):
            # a list of results of several kinds: the theme's clauses, as its highlight shows them
            text = theme_part(text, m.evidence[theme]) or text
        quote, alone = quote_of(text)
        if not alone or is_continuation(quote):
            # a clause clipped from a long sentence without figures (制定专项规划), or a quote
            # that opens on what tied it to the clause before (以及省内高校院所104项…)
            continue
        # a measure of one of the briefing's themes is what its readers follow: those come first
        score = substance(text, figures.get(m.id, 0), m.status == "done")
        if score < MIN_SCORE:
            continue  # what is no highlight is no main measure either
        # one firm's loan or deal (首笔300万元…发放至某公司) tells a story: the gist says first
        # what the document does for all
        story = 1 if ONE_RECIPIENT_RE.search(quote) else 0
        # what the quote says of S&T work itself comes before counts any trade has (存贷款余额)
        plain = 0 if names_sci_tech(quote) else 1
        # a quote whose 今年初/当年 no reader can date says least of when it happened
        score -= DANGLING_PENALTY if undated_year(quote, year) else 0
        # so does one that points back at what it does not show (该类贷款175笔, 其中获…5项)
        score -= DANGLING_PENALTY if leans_on_unshown(quote) else 0
        # a demand made at a meeting (要围绕…，力争…) says what someone wants done, not what the
        # document reports: after what it reports, whatever its status was read as
        demand = 1 if DEMAND_RE.match(quote) else 0
        if demand and not figures.get(m.id) and not NAMED_RE.search(quote):
            # 要立足经济发展需求，着力构建…体系: a demand that neither counts nor names anything
            # sums up no document (its gist says what it is about otherwise)
            continue
        # a sentence opening on 去年/目前/至此 reports what was done, whatever status it was read
        # as: the gist never puts 下一步， before it
        planned = m.status != "done" and not opens_on_past(text)
        scored.append((tier(m), story, demand, plain, -score, position, quote, planned))
    scored.sort()
    if scored and scored[0][0] < 2:
        # a document that reports S&T work is summed up by it alone: its second place is not
        # filled with what is no S&T at all (a work report's “扫黑除恶”专项斗争 beside its 科技中心)
        scored = [item for item in scored if item[0] < 2]
    if any(story == 0 for _, story, *_ in scored):
        # one firm's story is no summary of a document that says more: the gist names one
        # measure rather than fill its second place with an anecdote
        scored = [item for item in scored if item[1] == 0]
    # what was done before what is planned, and the plans said as such, once before the first:
    # a report's gist that opens on 新建10家省级概念验证中心 reads as done, and 1.28万家 beside a
    # target of 1.5万家 reads as two counts. Plans alone are marked in a report, a summary or a
    # news item only (a policy's, a programme's or a reply's measures are what it plans or will do)
    picked = sorted(scored[:n], key=lambda item: item[-1])
    plans = [planned for *_, planned in picked]
    kind = document_kind(doc) if any(plans) else ""
    marked = kind not in ("", "plan", "reply") and (
        not all(plans) or kind in ("report", "summary", "news")
    )
    first_plan = plans.index(True) if marked else -1
    return [
        f"{PLAN_MARK}{quote}" if i == first_plan else quote
        for i, (*_, quote, _) in enumerate(picked)
    ]


def says_little(doc: ExtractedDocument) -> bool:
    """Whether no measure of the document says anything concrete: each is no highlight
    (`unsuitable`: greetings, slogans, a visit) or scores below `MIN_SCORE` (no figure, name or
    concrete action). A document with one such measure whose quote is too long to stand alone
    has something to say all the same."""
    figures: dict[str, int] = {}
    for ind in doc.indicators:
        if ind.measure_id:
            figures[ind.measure_id] = figures.get(ind.measure_id, 0) + 1
    for m in doc.measures:
        if m.duplicate_of is not None:
            continue
        text = clean_sentence(m.text)
        if (
            text
            and unsuitable(text) is None
            and substance(text, figures.get(m.id, 0), m.status == "done") >= MIN_SCORE
        ):
            return False
    return True


_GIST_CANDIDATES = 16
"""How many of a document's measures, best by the rough score, a gist cleans and scores."""

PLAN_MARK = "下一步，"
"""What a gist puts before a planned measure of a document that is no policy or programme."""


def own_year(doc: ExtractedDocument) -> int | None:
    """The year a document's 今年 means, where the briefing can tell: the year of its own date;
    for a summary titled with the one year it reviews and dated by March of the next, that year
    (as its figures are dated: `indicators.reviewed_early_year`); for another work summary
    dated in January or February none (posted early in the next year, its 今年 may be the year
    it sums up)."""
    date = shown_date(doc)
    if not date:
        return None
    year = int(date[:4])
    month = int(date[5:7]) if date[5:7].isdigit() else None
    title = doc.metadata.title or ""
    if (reviewed := reviewed_early_year(title, year, month)) is not None:
        return reviewed
    if document_kind(doc) == "summary" and month in (1, 2):
        return None
    return year


def undated_year(text: str, year: int | None) -> bool:
    """Whether a reader cannot tell the year an item's time word means (`dangling_year`): 当年
    never says it; 今年 and an opening 去年 do when the document's `year` is known (the item then
    shows it: `wording.dated_this_year`)."""
    if not dangling_year(text):
        return False
    return year is None or "当年" in text


def shown_date(doc: ExtractedDocument) -> str | None:
    """The date the sources list and the gist print: the document's own date (成文日期, the day a
    report was delivered: "——2024年1月27日在…会议上"), else the day it was posted. A 简报 cites a
    document by its own date; the posting date is the page's, often days or weeks later (the
    period filter still uses it: `ExtractedDocument.date`)."""
    return doc.metadata.written_date or doc.metadata.published_date


# a jurisdiction, not a body (高校) or a zone's part: 海南省, 三亚市, 鄞州区, 海西州 (not 全国, which
# a national document need not say)
_JURISDICTION_RE = re.compile(r"(?:省|市|县|区|州|盟|旗)$")
_PLACE_STEM_RE = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|自治州|省|市|县|区|州|盟|旗)$")


def document_place(doc: ExtractedDocument) -> str:
    """The place a document speaks for, as the 本期要点 names it before a quote (海南省, 拉萨市):
    its own place as the pipeline decided it (`own_place`), else the jurisdiction most of its
    placed figures name; empty when neither says."""
    own = own_place(doc) or ""
    if own:
        return own
    places: dict[str, int] = {}
    for ind in doc.indicators:
        # a national report's figures are 全国's, though some of them name the provinces that
        # led (北京…居全国第一位): the nation counts as a place, and `placed` names none for it
        if ind.scope and (ind.scope == NATION or _JURISDICTION_RE.search(ind.scope)):
            places[ind.scope] = places.get(ind.scope, 0) + 1
    return max(places.items(), key=lambda kv: kv[1])[0] if places else ""


# a genre in two characters, as a chart's bar beside the document's number says it
_SHORT_KINDS = {
    "reply": "答复",
    "report": "报告",
    "summary": "总结",
    "plan": "政策",
    "news": "新闻",
    "statistics": "统计",
}


def chart_names(documents: Sequence[ExtractedDocument]) -> dict[int, str]:
    """What a chart prints after each document's number (1-based, in `documents`' order): its
    place when the documents are of several places, and its genre in two characters (海南省报告,
    大连市政策; 答复 when all are one city's), so that a bar is read without the sources list."""
    places = {no: document_place(doc) for no, doc in enumerate(documents, start=1)}
    several = len({p for p in places.values() if p}) > 1
    return {
        no: (places[no] if several and places[no] != NATION else "")
        + _SHORT_KINDS.get(document_kind(doc), "")
        for no, doc in enumerate(documents, start=1)
    }


def document_kinds(documents: Sequence[ExtractedDocument]) -> dict[int, str]:
    """Each document's genre (`document_kind`) by its number (1-based, in `documents`' order)."""
    return {no: document_kind(doc) for no, doc in enumerate(documents, start=1)}


_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def years_covered(doc: ExtractedDocument) -> str:
    """The years a document without measures gives figures for (a statistics table's columns:
    2000年 … 2019年 -> 2000—2019年), so that its gist says what it is; empty with fewer than two."""
    years = sorted({int(y) for y in _YEAR_RE.findall(doc.body)})
    if len(years) < 2:
        return ""
    return f"{years[0]}—{years[-1]}年"


def setting_of(doc: ExtractedDocument) -> str:
    """Where and when a document's figures are, as its gist says it when the header does not
    (海南省2024年): the place most of its placed figures name (two at least, a jurisdiction)
    unless the publisher or title already names it, and not a place one sentence mentions once for
    its own figures (the document's own place, or one framing several sentences, is); the year most of its results are of (three at
    least, two thirds of the dated ones) unless the document has a date or its title or number
    gives the year. A target's or a support standard's year (到2027年, a policy's 2016) is not
    what the document reports on; empty when nothing is clear."""
    meta = doc.metadata
    # the publisher as the gist shows it (鹰潭市科技局 for the text's 市科技局): its place is said
    named = f"{shown_publisher(doc)}{meta.title or ''}{meta.doc_no or ''}"
    places: dict[str, int] = {}
    # the sentences (measures) whose figures name each place: a place the text frames its figures
    # by (its own, a heading's, an opening's) is theirs across sentences; a place one sentence
    # mentions once ("…京津冀地区共建平台2个、项目5项") is not what the document is about
    sentences: dict[str, set[str]] = {}
    for ind in doc.indicators:
        if ind.scope:
            places[ind.scope] = places.get(ind.scope, 0) + 1
            sentences.setdefault(ind.scope, set()).add(ind.measure_id or ind.id)
    place = ""
    if places:
        top, count = max(places.items(), key=lambda kv: kv[1])  # first met on ties
        stem = _PLACE_STEM_RE.sub("", top) or top
        if (
            count >= 2
            and 2 * count >= sum(places.values())
            and _JURISDICTION_RE.search(top)
            and stem not in named
            # never a place the text mentions once, for one sentence's figures
            and (len(sentences[top]) >= 2 or doc.body.count(stem) >= 2 or top == own_place(doc))
        ):
            place = top
    if not places:
        # no figure names a place: the place the document calls its own (an untitled page that
        # opens 2023年，无锡市…), as its figures are scoped
        own = own_place(doc) or ""
        if _JURISDICTION_RE.search(own) and (_PLACE_STEM_RE.sub("", own) or own) not in named:
            place = own
    years: dict[int, int] = {}
    for ind in doc.indicators:
        if ind.year and ind.kind in ("actual", "growth", "change"):
            years[ind.year] = years.get(ind.year, 0) + 1
    year = ""
    if years and not doc.date:
        top_year, count = max(years.items(), key=lambda kv: kv[1])
        if count >= 3 and 3 * count >= 2 * sum(years.values()) and str(top_year) not in named:
            year = f"{top_year}年"
    return place + year


def gist(
    kind: str,
    proposal: Proposal | None,
    measure_count: int,
    publisher: str,
    date_cn: str,
    key_measures: Sequence[str],
    title: str = "",
    theme_counts: Sequence[tuple[str, int]] = (),
    topics: Sequence[str] = (),
    indicator_count: int = 0,
    setting: str = "",
    themed_count: int | None = None,
    general: bool = False,
) -> str:
    """One or two sentences on a document. A reply: what it answers (number, title, who made it), the
    handling result when the text says, how many measures, its two strongest ones. Others: who
    issued it and when, how many measures, its two strongest ones. `theme_counts` (theme, measures)
    follow the count in brackets: they are the numbers the 简报's chart of each document's themes
    draws, which a reader finds here, under the document's number.

    A document none of whose measures is strong enough to quote says what it is about by the
    headings its measures stand under (`topics`, `section_topics`); one without measures says so
    and how many figures it gives (a statistical table), never 梳理措施0条. `setting` (海南省2024年,
    `setting_of`) says where and when for a document whose header does not (内容涉及…).

    `general` (`says_little`): none of its measures says anything concrete, which the gist says
    when it has nothing to quote and no heading to name.

    `themed_count`, the document's measures in some theme, says what the count is of when some
    of them are in none: the 本期要点 counts only the themes' (涉及科技主题的措施49条), and a gist's
    梳理措施316条 beside it read as a clash (review n, D1)."""
    # what the document wrote closes the direction overrides it opens: an RLO left open in its
    # publisher or a quoted measure turned round the counts, date and quotes the gist puts after
    publisher, title, setting = closed_bidi(publisher), closed_bidi(title), closed_bidi(setting)
    key_measures = [closed_bidi(text) for text in key_measures]
    topics = [closed_bidi(text) for text in topics]
    if proposal is not None:
        proposal = Proposal(*(closed_bidi(value) for value in astuple(proposal)))
    per_theme = "、".join(f"{theme}{n}条" for theme, n in theme_counts if n > 0)
    counted = f"{measure_count}条（{per_theme}）" if per_theme else f"{measure_count}条"
    if themed_count is not None and themed_count < measure_count:
        counted = (
            f"{measure_count}条，其中涉及科技主题的{themed_count}条（{per_theme}）"
            if themed_count and per_theme
            # they are S&T measures the 简报 may list as 其他科技工作, just in none of this
            # issue's themes: "未归入科技主题" read as "not about S&T" (review s5d, 4)
            else f"{measure_count}条（均未归入本期主题）"
        )
    if key_measures:
        content = "，主要有：" + "；".join(key_measures)
    elif topics:
        content = "，涉及" + "；".join(topics)
    elif general:
        # nothing to quote and no heading to name: the count alone (梳理措施5条（人才5条）) made a
        # leader look for five talent measures in a New-Year letter's greetings
        content = "，多为一般性表述"
    else:
        content = ""
    if kind == "reply" and proposal is not None:
        who = f"{proposal.proposer}提出的" if proposal.proposer else ""
        what = proposal.number + proposal.kind if proposal.number else proposal.kind
        title = f"《{proposal.title}》" if proposal.title else ""
        result = f"，办理结果：{proposal.result}" if proposal.result else ""
        listed = f"，列出措施{counted}{content}" if measure_count else "，未梳理出政策措施"
        return f"答复{who}{what}{title}{result}{listed}。"
    issued = "".join(part for part in (_short_publisher(publisher), date_cn) if part)
    verb = issuing_verb(kind, title)
    opening = f"{issued}{verb}，" if issued else ""
    if setting:
        opening += f"内容涉及{setting}，"
    if measure_count == 0:
        figures = f"，列有数据{indicator_count}项" if indicator_count else ""
        return f"{opening}未梳理出政策措施{figures}。"
    return f"{opening}梳理措施{counted}{content}。"


# a plan's frame, not its content: 总体要求, 发展目标, 保障措施, 组织实施
_FRAME = (
    r"(?:总体要求|指导思想|基本原则|(?:发展|主要|工作|总体|建设)?目标(?:任务)?|(?:主要|重点)(?:任务|工作)"
    r"|保障措施|组织(?:实施|保障|领导)|工作要求|实施步骤|总则|附则)"
)
# also dated or two of them joined (2025年主要目标和重点工作): still no word of the content
_FRAME_HEADING_RE = re.compile(rf"^(?:\d{{4}}年(?:的|度)?)?{_FRAME}(?:[和与及、]{_FRAME})?$")
# how to send comments or reach the office, not what the document is about: a 征求意见 notice's
# (一)通过我局官网“民意征集”栏目直接填写反馈意见(网址:http://…); only those shapes, not the
# measures a word of them names (建立重点企业联系人制度, 开通…科技服务热线电话, 畅通企业反馈意见渠道)
_CONTACT_RE = re.compile(
    r"(?:网址|邮箱|电子邮件|电话|传真|联系人)[:：]|http|www\.|@|(?:电子邮件|邮箱|邮寄)(?:至|到)"
    r"|通过[^，。；]{0,30}(?:反馈|提出|提交)(?:意见|建议)"
)


# a heading of short paired phrases (加强组织，高位推进; 突出重点、精准施策): how the work is done,
# not what the document is about
_SLOGAN_PAIR_RE = re.compile(r"^[^，、,“《]{2,6}(?:[，、][^，、,“《]{2,6})+$")


def section_topics(doc: ExtractedDocument, n: int = 2) -> list[str]:
    """What a document's measures are about, by the headings they stand under (innermost first
    met, numbers stripped, without final punctuation): `n` distinct ones, in document order; a
    plan's frame (总体要求, 发展目标, 保障措施) says nothing of its content and is passed over."""
    topics: list[str] = []
    for m in doc.measures:
        if m.duplicate_of is not None or not m.section:
            continue
        heading = strip_number(m.section[-1].strip(), repeated=True)
        heading = balance_marks(re.split(r"[。；]", heading)[0].rstrip("，,：: "))
        heading = re.sub(r"\s*,\s*", "，", heading)  # a page's ASCII comma, as the 简报 writes it
        if (
            4 <= len(heading) <= 40
            and heading not in topics
            and not _FRAME_HEADING_RE.match(heading)
            and not _CONTACT_RE.search(heading)
            and not _SLOGAN_PAIR_RE.match(heading)
            # 加大政府引导扶持力度，创新环境不断优化: how well it went, not what it is about
            and not states_a_verdict(heading)
        ):
            topics.append(heading)
        if len(topics) >= n:
            break
    return topics


# a title that calls the document a review of the office's own work
_SUMMARY_TITLE_RE = re.compile(r"总结|工作(?:情况|综述|回顾)$")


def issuing_verb(kind: str, title: str) -> str:
    """What the publisher did with the document, as the gist says it: a policy is 印发, a work
    report 报告, a news item 报道; 总结 only for what its title calls a summary of the office's
    work (a statistical bulletin or a news page that opens on its year reads like one, but it is
    no 总结); anything else, a bulletin included, is 发布."""
    if title and _SUMMARY_TITLE_RE.search(title):
        return "总结"
    return {"plan": "印发", "report": "报告", "news": "报道"}.get(kind, "发布")


def _short_publisher(publisher: str) -> str:
    """广西壮族自治区科学技术厅,中国人民银行广西壮族自治区分行,… -> 广西壮族自治区科学技术厅等: a joint
    document's first issuer stands for all."""
    parts = [p for p in re.split(r"[,，、;；\s]+", publisher) if p]
    if len(parts) <= 1:
        return publisher.strip()
    return f"{parts[0]}等"
