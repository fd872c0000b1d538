"""The shapes of lines in a policy document's head and tail: titles, bylines, dates, addressees.

Predicates over one normalised line (or two), used by `metadata` to read the top and the end of a
page. Every pattern is bounded or anchored, so a line of any length is checked in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from briefing.extract.dates import find_dates, parse_date
from briefing.extract.header import HeaderField, parse_header_line
from briefing.extract.structure import ROW_NUMBER, normalize_inline

_ORG_SUFFIX = (
    r"(?:人民政府|政府|办公厅|办公室|委员会|常委会|管委会|领导小组|局|厅|委|部|院|署|中心|办|所|处|"
    r"集团|公司|大学|学院|银行|协会|学会|联合会|联|科协|政协|人大|党组|总队|支队|站|开发区|高新区)"
)
# One or more issuing bodies, nothing else ("重庆市科学技术局", "重庆市科学技术局重庆市财政局"):
# Chinese characters only, ending in a body's suffix. Two flat checks, so no backtracking.
_ORG_CHARS = re.compile(r"[\u4e00-\u9fff()（）、]{2,60}")
_ORG_END = re.compile(rf"{_ORG_SUFFIX}$")
_DOC_TYPES = (
    r"(?:复函|函|通知|意见|报告|决定|办法|方案|规划|批复|答复|通报|公告|细则|规定|总结|要点|指引|"
    r"措施|纲要|计划|条例|请示|讲话|公报|通告|决议|命令|纪要|清单|指南|标准|目录|说明|解读|建议|提案)"
)
# A document type may carry a status in brackets: 办法（试行）, 方案(征求意见稿).
ENDS_WITH_DOC_TYPE = re.compile(rf"{_DOC_TYPES}(?:[(（][^()（）]{{1,12}}[)）])?[)）》”]*$")
# A line that is nothing but a document's kind after the word that says what kind of work it is:
# 工作要点, 实施方案, 行动计划, 工作报告（试行）. A kind alone ("目录", "通知") or two kinds ("通知公告",
# a column's name) is none: a part of the page, not the end of a title.
BARE_DOC_TYPE = re.compile(
    rf"(?P<lead>[\u4e00-\u9fff]{{2,4}}?){_DOC_TYPES}(?:[(（][^()（）]{{1,12}}[)）])?"
)
_DOC_TYPE_WORD = re.compile(_DOC_TYPES)
MAX_BARE_DOC_TYPE = 10  # characters
_JOIN_TAIL = re.compile(r"(?:关于|的|和|与|及|暨|、|—|《|“|\()$")
# a headline ending in a run of dashes ("…精彩纷呈的图景———"): its subtitle follows on the next line
_DASH_RUN_END = re.compile(r"[—－]{2,}$")
_CLAUSE_COMMA = re.compile(r"[，,]")
_JOIN_HEAD = re.compile(r"(?:的|和|与|及|暨|《|“|—|\(|（)")
_SENTENCE_PUNCT = re.compile(r"[。！？!?；;]")
_SECTION_MARKER = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d))"
)
_BULLETS = " \t•·●▪◆■◇※-*|>"
_TIME = re.compile(
    r"\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*(?:\d{1,2}\s*秒?)?)?|星期[一二三四五六日天]|周[一二三四五六日天]"
)
# What may surround a date on a date-only line besides a time: brackets, separators (a toolbar's bar
# after it: "2021年11月17日11:05 |"), a 日期/时间 label, a closing stop ("2018.03.23.").
_LEFTOVER = re.compile(r"(?:[\s,，、:：()（）\[\]【】|｜.。]|日期|时间|发布|成文)*")
# A whole line in brackets (no brackets inside, so "(一)…(略)" is not one) or opened by a dash.
_SUBTITLE = re.compile(r"[(（][^()（）]{1,80}[)）]|——.{2,80}|[—－-]\s*\S.{1,80}")
_SINGLE_DASH = re.compile(r"[—－-](?!—)")
# A status line that finishes a title: （试行）, (征求意见稿), （2023年修订）.
TITLE_STATUS = re.compile(
    r"[(（](?:试行|暂行|征求意见稿|送审稿|草案|修订稿|\d{4}年修订|\d{4}年修正)[)）]"
)
_SITE_PREFIX = re.compile(r"[^:：，,。]{1,12}[:：]")
ATTACHMENT_NAME = re.compile(r"印发\s*《(?P<name>[^《》]{2,80})》")
# "现在,我代表福州市马尾区人民政府,向大会报告…", "现在,我代表国务院,向大会报告政府工作" (the national
# government's report, whose speaker line `speaker_body` reads alike)
SPEAKING_FOR = re.compile(
    r"我代表(?P<org>国务院|[\u4e00-\u9fff]{2,30}?(?:人民政府|政府|委员会|局|厅)|[省市县区州旗]政府)"
)
_CLAUSE_SPLIT = re.compile(r"[,，、:：;；。]")
_LEADING_TIME = re.compile(
    r"(?P<time>(?:\d{4}|[〇零一二三四五六七八九]{4})年度?(?:上半年|下半年|\d{1,2}月(?:份)?)?)(?P<rest>.*)"
)
_SUBJECT_END = re.compile(
    r"坚持|深入|全面|认真|紧紧|紧扣|围绕|聚焦|按照|根据|立足|着力|加快|持续|不断|积极|大力|进一步|"
    r"始终|扎实|切实|共|实现|完成|取得|召开|举办|开展|推进|推动|落实|贯彻|以|在|把|将|对|为|通过|是|有"
)

_TIME_PREFIX = re.compile(
    r"\s*(?:\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*(?:\d{1,2}\s*秒?)?)?)?\s*"
)
# A document number alone on its line, as printed under the title: 国办发〔2024〕10号.
DOC_NO_LINE = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,5}[号號]")
# The imprint (版记) under the signature: 抄送 lines and "某某办公室 2023年5月10日印发".
IMPRINT = re.compile(r"(?:抄送|抄报|分送|报送|发送)[:：].*|.{0,60}印发")
ATTACHMENT_LINE = re.compile(r"附件\s*\d{0,2}\s*[:：]?")
# A contact line under a reply's signature: "联系人:张三 联系电话:0851-1234567", "(联系人及电话:徐文欣,2892236)"
CONTACT_LINE = re.compile(
    r"[(（]?\s*(?:联\s*系\s*人|联系电话|联系方式|经办人|承办人)[^。！？!?]{0,60}[)）]?"
)
# A news item's closing credit of its supplier: "来源:州科技局", "(供稿:市科技局)", "(市科技局供稿)"
_TAIL_SOURCE = re.compile(
    r"[(（【\[]?\s*(?:(?:信息|文章|稿件)?来源|供稿(?:单位)?)\s*[:：]\s*(?P<a>[^()（）【】\[\]]{2,30})"
    r"[)）】\]]?"
    r"|[(（【\[]\s*(?P<b>[^()（）【】\[\]]{2,30}?)\s*供稿\s*[)）】\]]"
)


def tail_source(line: str) -> str | None:
    """The issuing body a closing source line names ("来源:州科技局" -> 州科技局); None for a news
    agency or a site ("来源:新华社") and for any other line."""
    if len(line) > 40:
        return None
    m = _TAIL_SOURCE.fullmatch(line)
    if m is None:
        return None
    name = normalize_inline(m.group("a") or m.group("b") or "")
    return name if names_body(name) else None


MAX_TITLE_CHARS = 150
MAX_TITLE_LINE = 120
MAX_ADDRESSEE = 150
SAME_TITLE_RATIO = 0.75
UNTITLED = "无标题文件"


def is_org_line(line: str) -> bool:
    """True when a line at the top of a page names a body, not a headline that ends like one
    ("某某高新区获批…培育中心"): where the head reader chooses between a title and a byline."""
    return (
        names_body(line)
        and _HEADLINE_VERB.search(line) is None
        and _HEADLINE_PREPOSITION.search(line) is None
    )


def names_body(line: str) -> bool:
    """True when `line` is shaped like a body's name. Where no headline stands (a signature, a
    source or author field) a name holding a verb is still a name ("某某数字化赋能中心")."""
    return (
        _ORG_CHARS.fullmatch(line) is not None
        and _ORG_END.search(line) is not None
        and _NOT_A_NAME_START.match(line) is None
        and _PERSON_TAIL.search(line) is None
    )


def publisher_name(value: str) -> bool:
    """True when a publisher candidate is a body's name and nothing else, whichever rule read it:
    it ends in a body's (or an outlet's) suffix, or in a bracketed other name of the body
    ("某某市市场监管局(知识产权局)"); it holds no date, no clause's punctuation, no count of people
    ("某某所两名同志") and no verb of what a body did ("某某局赴某某局", "…推荐到自治区科技厅"). A page
    that names its issuer in a clause, a site's counter or a person fails it, and the next source
    of the publisher is read instead."""
    name = value.strip()
    if not name or len(name) > MAX_PUBLISHER or find_dates(name):
        return False
    if _CLAUSE_MARK.search(name) or _PEOPLE.search(name):
        return False
    if _ACTION_VERB.search(name) or _HEADLINE_VERB.search(name):
        return False
    aka = _AKA.search(name)
    if aka is not None:
        # the bracket names the same body again, or the body's second name: a body's name itself
        if not publisher_name(aka.group("aka")):
            return False
        name = name[: aka.start()]
    return _PUBLISHER_END.search(name) is not None and _PERSON_TAIL.search(name) is None


MAX_PUBLISHER = 80  # characters: a few joint issuers' names, never a sentence
_PUBLISHER_END = re.compile(
    rf"(?:{_ORG_SUFFIX}|会|馆|科|股|室|组|队|团|行|校|园|社|报|台|网|网站|频道|新闻|传媒|杂志|中央|人大)$"
)
_AKA = re.compile(r"[(（](?P<aka>[^()（）]{2,30})[)）]$")
# what a clause holds and a name never does
_CLAUSE_MARK = re.compile(r"[,，。;；:：!！?？“”\"]")
# people counted or addressed: "两名同志", "3位专家", "张三同志"
_PEOPLE = re.compile(r"[\d两二三四五六七八九十几]+\s*[名位]|同志")
# what a body does, reported (with a headline's verbs, `_HEADLINE_VERB`): no body's name holds
# these. Not 发布, 服务, 合作: names hold them ("某某信息发布中心", "某某合作办公室")
_ACTION_VERB = re.compile(
    r"推荐|赴|前往|走访|调研|考察|对接|出席|参加|带队|率队|率团|印发|签约|签署|作报告"
)


# What no body's name opens with: 关于 (a title), 对 (a reply's title broken after it: "对政协某某省十二届
# 委员会"; 对外 opens names such as 对外经济贸易大学), a section's number ("一、十三五实现良好开局")
_NOT_A_NAME_START = re.compile(
    r"关于|对(?!外)|[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
)
# What a headline does and no body's name holds: "某某高新区获批国家级科技企业孵化器培育中心",
# "某市聚力打造综合性国家科学中心" end in a body's suffix but report an event. Not 赋能, 启动, 建成:
# bodies are named with them ("某某数字化赋能中心", "某某高新区启动区管理委员会")
_HEADLINE_VERB = re.compile(
    r"打造|聚力|助力|获批|揭牌|落户|入选|获评|荣获|召开|举行|举办|迈向|新增|成立|挂牌"
)


# A preposition that a headline's subject takes before what it did ("某区以知识价值信用贷创新模式
# 精准破局", "某市把…摆在首位"): no body's name holds one, though the headline ends in 局 or 办
_HEADLINE_PREPOSITION = re.compile(r"[以把让被]")


# An office and a person's name ending a line ("市长王子联", "区长王刚"): a speaker, never a body,
# although a name may end in a body's suffix (联, 部, 院)
_PERSON_TAIL = re.compile(
    r"(?:总理|省长|市长|区长|县长|旗长|州长|主席|局长|厅长|主任|书记|部长)[\u4e00-\u9fff·]{2,3}$"
)


def date_only(line: str) -> str | None:
    """The date of a line that holds a date and nothing else (bullets, a time, 日期: may go with it)."""
    if len(line) > 60:
        return None
    dates = find_dates(line)
    if len(dates) != 1:
        return None
    (start, end), iso = dates[0]
    rest = _TIME.sub("", line[:start].strip(_BULLETS) + line[end:])
    return iso if _LEFTOVER.fullmatch(rest) else None


def dated_header(raw_line: str, byline: bool = True) -> tuple[str, list[HeaderField]] | None:
    """A page line that opens with a date and goes on with fields: `2024-03-05 09:12 来源：某某日报`.
    `byline` reads a time stamp and a bare name (`09:41 张三`) as a poster: only in a page's head,
    since at the end of a notice the same shape is an agenda's item (`2024-03-16 14:30 闭幕`)."""
    if len(raw_line) > 200:
        return None
    dates = find_dates(raw_line[:40])
    if not dates:
        return None
    (start, end), iso = dates[0]
    if raw_line[:start].strip(_BULLETS):
        return None
    rest = raw_line[end:]
    time = _TIME_PREFIX.match(rest)
    tail = rest[time.end() if time else 0 :].strip()
    fields = parse_header_line(tail)
    if fields:
        return iso, fields
    if 0 < len(tail) <= MAX_DATED_SOURCE and names_body(tail):
        # "2021-08-23 保定市科技局": a reposting site's date and the body it took the page from
        return iso, [HeaderField("source", "来源", tail)]
    if byline and time is not None and time.group().strip() and _BYLINE_NAME.fullmatch(tail):
        # "2015-11-06 09:41 张三": the page's time stamp and who posted it
        return iso, [HeaderField("author", "作者", tail)]
    return None


_BYLINE_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")


MAX_DATED_SOURCE = 40  # characters of a body's name after a page's date


def signature_line(line: str) -> tuple[str | None, str | None] | None:
    """(issuing body, date) when `line` is a signature line: a body, a date, or a body then a date."""
    if names_body(line):
        return line, None
    iso = date_only(line)
    if iso is not None:
        return None, iso
    if len(line) <= 60:
        dates = find_dates(line)
        if len(dates) == 1 and dates[0][0][1] == len(line) and names_body(line[: dates[0][0][0]]):
            return line[: dates[0][0][0]], dates[0][1]
    return None


# A speaker under a report's title: "海拉尔区人民政府代区长 杨国宏", "国务院总理 李强"
_SPEAKER = re.compile(
    r"(?P<org>[\u4e00-\u9fff()（）]{2,40}?)\s*(?:代理|代|副|常务副)?"
    r"(?:总理|省长|市长|区长|县长|旗长|州长|主席|局长|厅长|主任|书记|部长|党组书记)\s*"
    r"[\u4e00-\u9fff·]{2,6}"
)


def speaker_body(line: str) -> str | None:
    """The issuing body of a speaker line ("海拉尔区人民政府代区长 杨国宏" -> 海拉尔区人民政府)."""
    if len(line) > 50 or is_org_line(line):
        return None
    m = _SPEAKER.fullmatch(line)
    if m is None:
        return None
    org = m.group("org")
    return org if is_org_line(org) or org in ("国务院",) else None


# A chapter or an article of the document ("第一章 总则", "第三条"), or a turn of a Q&A
# ("答:(一)框架解读", "问：…"): the text of a document, never its title.
_PART_OR_TURN = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[章节条]|[问答][:：]")


def title_like(line: str) -> bool:
    return (
        2 <= len(line) <= MAX_TITLE_LINE
        and _SENTENCE_PUNCT.search(line) is None
        and line[-1] not in ":：,，、"
        and _SECTION_MARKER.match(line) is None
        and _PART_OR_TURN.match(line) is None
        and date_only(line) is None
    )


def addressee_like(line: str) -> bool:
    return (
        line[-1] in ":："
        and 2 <= len(line) - 1 <= MAX_ADDRESSEE
        and _SENTENCE_PUNCT.search(line) is None
        and "如下" not in line
        and "以下" not in line
        and _SECTION_MARKER.match(line) is None
    )


def subtitle_date(line: str) -> str | None:
    """The date of a subtitle line ("" when it has none), None when `line` is no subtitle.

    Subtitles: (2024年3月27日在…会议上), （A类）, ——在…上的讲话; a lone marker such as (一) is not one.
    """
    if _SUBTITLE.fullmatch(line) is None or _SECTION_MARKER.fullmatch(line):
        return None
    date = parse_date(line)
    if _SINGLE_DASH.match(line) and date is None and "会议" not in line:
        return None  # "—加强基础研究": a list item, not "—2017年2月11日在…会议上"
    return date or ""


def can_join(title: str, line: str) -> bool:
    if not title_like(line) or is_org_line(line) or len(title) + len(line) > MAX_TITLE_CHARS:
        return False
    if is_org_line(title):
        # "某某市人民政府" / "工作报告": a title broken after its issuer, whose second line names
        # only the document's kind; a line that reads as a title alone ("关于…的通知", a headline)
        # is the title, and the body over it its letterhead or its site's banner
        return _bare_kind(line)
    if ENDS_WITH_DOC_TYPE.search(title):
        return False
    if (
        _bare_kind(line)
        and "\u4e00" <= title[-1] <= "\u9fff"
        and _TITLE_YEAR.search(title) is not None
        and _HEADLINE_VERB.search(title) is None
    ):
        # "2019年第四季度科技宣传及科技信息" / "工作要点": a title broken before the word that
        # names its kind; the short line alone is no title, it completes the one above (a
        # numbered label above it, "会议文件(十一)" / "政府工作报告", is no title's start). Only
        # a title naming the period its document covers and reporting no event is so broken: a
        # news headline ("市科技局召开…推进会", "我县出台…") is whole, and the line under it
        # ("政策解读", "专家解读") is the name of the page's column
        return True
    if line.startswith("关于"):
        return False  # a second title start: the first line was a column name or a letterhead
    if _DASH_RUN_END.search(title) and _CLAUSE_COMMA.search(line):
        return False  # "…的图景———" then a subtitle of clauses: the headline is whole
    return bool(
        _JOIN_TAIL.search(title)
        or _JOIN_HEAD.match(line)
        or (
            ("关于" in title or issuer_of_title(title) is not None)
            and ENDS_WITH_DOC_TYPE.search(line) is not None
        )
    )


def _bare_kind(line: str) -> bool:
    """True when a line names only a document's kind after the work it is of ("工作报告", "工作要点",
    "实施方案"): no title alone; two kinds ("通知公告") name a column."""
    if len(line) > MAX_BARE_DOC_TYPE:
        return False
    bare = BARE_DOC_TYPE.fullmatch(line)
    return bare is not None and _DOC_TYPE_WORD.search(bare.group("lead")) is None


def title_score(line: str) -> int:
    """How much a line looks like a document title (关于, a document type, an issuing body)."""
    return (
        2 * ("关于" in line)
        + (ENDS_WITH_DOC_TYPE.search(line) is not None)
        + (issuer_of_title(line) is not None)
        + (len(line) >= 8)
    )


def issuer_of_title(title: str) -> str | None:
    """The issuing body that opens a title: 重庆市人民政府关于… -> 重庆市人民政府."""
    # "某某市科学技术局致全市科技工作者的新年慰问信": a letter's sender, then 致 and whom it greets
    for sep in ("关于", "对", "印发", "致"):
        idx = title.find(sep)
        if sep == "致" and _LETTER_TO.fullmatch(title, idx) is None:
            continue  # "…致信祝贺…", "…致力打造…": what a body did, reported; no letter's title
        if 2 <= idx <= 60 and is_org_line(title[:idx]):
            return title[:idx]
    # "某某市科学技术局2024年工作总结": a body, then the year its report covers
    year = _TITLE_YEAR.search(title, 2, 62)
    if year is not None and is_org_line(title[: year.start()]):
        return title[: year.start()]
    return None


_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}年")
# the rest of a letter's title from 致 on: whom it greets, then the letter ("致全市科技工作者的新年
# 慰问信", "致全县科技特派员的一封信", "致广大科技工作者的倡议书"), and a bracketed note after it
# ("…的慰问信（2024年春节）")
_LETTER_TO = re.compile(
    r"致[^的，,。；;]{2,30}的[\u4e00-\u9fff]{0,8}[信书](?:[(（][^()（）]{1,20}[)）])?"
)


def same_title(a: str, b: str) -> bool:
    """Equal, or close enough: sites shorten or retouch the headline they print above a document."""
    if a == b:
        return True
    return a[:2] == b[:2] and SequenceMatcher(None, a, b).ratio() >= SAME_TITLE_RATIO


def title_core(title: str) -> str:
    """What a headline and the document's own title share: the text from 关于 on."""
    site = _SITE_PREFIX.match(title)
    if site is not None:
        title = title[site.end() :]
    idx = title.find("关于")
    return title[idx:] if idx >= 0 else title


def derive_display_title(body: str) -> str:
    """A short name for an untitled document from its opening, in the text's own words only: a
    reply by the proposal it answers (`《关于…的提案》的答复`); "2023年,全市科技系统坚持…" ->
    `2023年全市科技系统` (the time and the subject that open it); a news item by the event its
    first sentence reports ("5月30日,某市…座谈会召开,…" -> `某市…座谈会召开`). Anything else would
    be a sentence or a clipped one ("现在,我代表国务院,向大会报告…"), which reads as a title it is
    not: then `UNTITLED`, and the briefing names the file instead."""
    answered = _answered_proposal(body)
    if answered is not None:
        return answered
    first = _first_reported_line(body)
    dateline = NEWS_DATELINE.match(first)
    if dateline is not None and dateline.end() < len(first):
        first = first[dateline.end() :]  # "中新网郑州3月5日电(记者 张三)": who filed it, not what
    clauses = [c for c in _CLAUSE_SPLIT.split(first) if c]
    if clauses:
        m = _LEADING_TIME.fullmatch(clauses[0])
        if m is not None:
            subject_clause = m.group("rest") or (clauses[1] if len(clauses) > 1 else "")
            if subject_clause.startswith("是"):
                # "2011年是…开局之年。一年来,全省科技系统…": the year characterised, then its work
                subject_clause = _after_year_lead(first)
            cut = _SUBJECT_END.search(subject_clause, 2)
            subject = subject_clause[: cut.start()] if cut else subject_clause
            # "2023年是…的开局之年" has no subject to name the document by
            if 2 <= len(subject) <= 16 and not _SUBJECT_END.match(subject):
                return f"{m.group('time')}{subject}"
        # "5月30日,柳州市庆祝…座谈会召开,…": a news item's event, as its first sentence names it;
        # "某省科技厅5日召开全省科技工作会议,…": the day inside the clause goes
        # (a list of hosts, "省统计局、省科技厅和省财政厅联合发布…", stays whole)
        parts = [c for c in _EVENT_SPLIT.split(_ALIAS_NOTE.sub("", first)) if c]
        event = parts[1] if len(parts) > 1 and _EVENT_DAY.fullmatch(parts[0]) else None
        if event is None and (dateline is not None or _EVENT_DAY_INSIDE.search(parts[0])):
            event = _EVENT_DAY_INSIDE.sub("", parts[0], count=1)
        if event is not None and MIN_EVENT <= len(event) <= MAX_EVENT and _is_event(event):
            return event
    return UNTITLED


# an editor's lead above a news item ("核心提示:" and the questions it poses): not the item's report
_LEAD_LINE = re.compile(r"(?:核心提示|内容提要|导读|编者按)[:：]?|.*[？?]")
MAX_LEAD_LINES = 8
# "(以下简称《条例》)": how the text will call what it names, no part of an event's name
_ALIAS_NOTE = re.compile(r"[(（]以下简称[^()（）]{1,20}[)）]")


def _first_reported_line(body: str) -> str:
    """The body's first line that is no editor's lead: a lead's label ("核心提示:") and the
    questions it poses ("…如何推动…攻关突破?") name no document; the report opens after them
    ("11月4日,…专题询问会举行")."""
    lines = [normalize_inline(ln) for ln in body.split("\n") if ln.strip()]
    for line in lines[:MAX_LEAD_LINES]:
        if not _LEAD_LINE.fullmatch(line):
            return line
    return lines[0] if lines else ""


# how a summary turns from the year it characterises to the work done in it
_YEAR_LEAD = re.compile(r"一年来|过去的?一年(?:里|中|来)?|这一年(?:里|来|中)?|全年")


def _after_year_lead(first: str) -> str:
    """The clause after "一年来," that opens the sentence after the first ("" when none)."""
    end = first.find("。")
    rest = [c for c in _CLAUSE_SPLIT.split(first[end + 1 :]) if c] if end >= 0 else []
    if len(rest) > 1 and _YEAR_LEAD.fullmatch(rest[0]):
        return rest[1]
    return ""


def time_and_subject(name: str) -> bool:
    """True when a derived name (`derive_display_title`) is the time and the subject opening a
    text ("2023年全市科技系统"), not an event it reports nor the proposal it answers: a name that
    says who and when, but not what the document is."""
    return _LEADING_TIME.fullmatch(name) is not None and not _is_event(name) and "《" not in name


def _is_event(clause: str) -> bool:
    """True when a clause reports an event: it ends in its verb ("…座谈会召开") or names who held
    what ("某省科技厅召开全省科技工作会议")."""
    if _EVENT_END.search(clause):
        return True
    verb = _EVENT_VERB.search(clause, 2)
    return verb is not None and len(clause) - verb.end() >= MIN_EVENT_OBJECT


_EVENT_DAY = re.compile(r"(?:(?:\d{1,2}月)?\d{1,2}日|近日|日前)(?:上午|下午|晚上?)?")
_EVENT_DAY_INSIDE = re.compile(r"于?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上?)?|近日|日前")
_EVENT_END = re.compile(r"(?:召开|举行|举办|开幕|闭幕|启动|揭牌|成立|发布|落地|签约)$")
_EVENT_VERB = re.compile(r"召开|举行|举办|启动|发布|公布|印发|出台|签署")
_EVENT_SPLIT = re.compile(r"[,，:：;；。]")
MIN_EVENT = 8
MAX_EVENT = 48
MIN_EVENT_OBJECT = 4  # characters: what was held or issued ("科技工作会议")
# A news outlet as its dateline or its reporters' credit names it: 中新网, 南国都市报, 新华社, 大象新闻,
# 某某客户端, 某某融媒体; and the place and day a dateline may give before 电 or 讯 ("郑州3月5日")
NEWS_OUTLET = r"[\u4e00-\u9fff]{1,10}?(?:网|报|社|新闻|台|客户端|融媒体?)"
NEWS_DAY = r"[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日"
# A news item's dateline, who filed it: "中新网郑州3月5日电(记者 张三)", "南国都市报10月21日讯(记者
# 王子遥)", "本报讯(通讯员 李四)", "新华社北京3月5日电"
NEWS_DATELINE = re.compile(
    rf"(?P<outlet>{NEWS_OUTLET})"
    # 电 only after a date (国家电网电力…, 广播电视台电视剧 are no datelines), then a space or the byline
    rf"(?:{NEWS_DAY}电|(?:{NEWS_DAY})?讯)"
    r"(?=[\s(（：:]|记者|通讯员|$)\s*"
    r"(?:[(（][^()（）]{0,40}[)）])?\s*"
)


REPLY_OPENING = 300  # characters: a reply acknowledges the proposal in its first sentences
# How a reply names the proposal it answers; the 简报's gist (digest.proposal_of) reads the same
# patterns, so a reply's display name and its gist never disagree.
# 《关于加大“科技金融”服务科技型企业创新发展的建议》: quotes may stand inside the book title marks
PROPOSAL_TITLE_RE = re.compile(
    r"《(关于[^《》]{2,80}?(?:建议|提案|议案))》|“(关于[^《》“”]{2,80}?(?:建议|提案|议案))”"
)
# 您提出的关于“实施‘应天英才计划’…”的提案收悉: unmarked, quotes inside it kept whole
LOOSE_PROPOSAL_TITLE_RE = re.compile(
    r"(?:提出的|所提)[《“]?(关于(?:[^《》“”。]|“[^“”《》。]{1,60}”){2,80}?(?:建议|提案|议案))"
)
# 《借鉴粤港澳大湾区经验推动…的策略研究》(第20251159号)收悉: a proposal whose title is not
# 关于…的建议, acknowledged by its marks and its receipt
ACKNOWLEDGED_TITLE_RE = re.compile(
    r"(?:《([^《》]{4,80})》|“([^“”]{4,80})”)\s*(?:[(（][^()（）]{0,20}[)）])?\s*(?:的)?"
    r"(?:建议|提案|议案)?\s*收悉"
)


def _answered_proposal(body: str) -> str | None:
    """A reply without a title of its own named by the proposal it answers, in the text's words:
    "您提出的《关于加快科技成果转化的提案》收悉，现答复如下" -> `《关于加快科技成果转化的提案》的答复`;
    "关于“实施…”的提案收悉" -> `《关于“实施…”的提案》的答复`. A quoted name that is no proposal's
    (根据《代表建议办理办法》,您提出的第12号建议收悉) names nothing."""
    opening = normalize_inline(body[:REPLY_OPENING])
    if "答复" not in opening:
        return None
    found = PROPOSAL_TITLE_RE.search(opening) or LOOSE_PROPOSAL_TITLE_RE.search(opening)
    if found is None:
        found = ACKNOWLEDGED_TITLE_RE.search(opening)
    title = next((g for g in found.groups() if g), "") if found else ""
    return f"《{title}》的答复" if title else None


# --- broken lines in the body ---------------------------------------------------------------------

# A line that ends like this has ended its sentence (or is a heading or a list item of its own).
_LINE_END = re.compile(r"[。！？!?；;：:…”」』）)】》]$")
# Nothing opens a sentence with these: the line before was cut in the middle of one.
_CONTINUATION_START = re.compile(r"[，,、。；;：:%％‰）)】》”」』]")
_ENUMERATOR_START = re.compile(
    r"[一二三四五六七八九十]+是|第[一二三四五六七八九十百\d]+[条章节部分]|其[一二三四五六七八九十]"
)
# a comma or a semicolon: a caption or a table title holds at most enumeration commas (、)
_CLAUSE_PUNCT = re.compile(r"[，,；;]")
MIN_WRAPPED_LINE = 20


def _continues(prev: str, nxt: str) -> bool:
    """True when `nxt` is the rest of a sentence that a line break cut after `prev`."""
    if _LINE_END.search(prev) or not nxt:
        return False
    if _CONTINUATION_START.match(nxt):
        return True
    if (
        _SECTION_MARKER.match(nxt)
        or _ENUMERATOR_START.match(nxt)
        or _SECTION_MARKER.match(prev)
        or ROW_NUMBER.match(nxt)
    ):
        return False
    if len(nxt) < MIN_WRAPPED_LINE and not _LINE_END.search(nxt):
        return False  # a table cell ("序号", "2013") or a heading: the rest of a sentence ends it
    # a wrapped line of body text: long, with clauses in it ("…占全市GDP总" + "值的72.8%;…")
    return len(prev) >= MIN_WRAPPED_LINE and _CLAUSE_PUNCT.search(prev) is not None


# The column heads of a task or progress table printed one cell per line (序号 / 工作任务 /
# 完成情况 / 责任单位 / 一季度…): a line that is nothing but one of them.
_COLUMN_HEAD = re.compile(
    r"(?:序号|类别|事项|(?:重点|主要|具体|年度)?(?:工作|任务|事项)(?:任务|内容|目标|事项)?(?:内容)?"
    r"|(?:主要)?(?:工作)?目标(?:任务)?(?:内容)?|(?:全年|工作)?(?:完成|进展|推进|落实)(?:情况|进度)"
    r"|工作进展|(?:责任|牵头|配合|协办|主办)(?:单位|科室|部门|领导|人)|完成时限|时间节点|完成时间"
    r"|[一二三四]季度|备注)"
)
MIN_COLUMN_HEADS = 2  # different heads: one such line alone is a heading of the text


def is_cell_table(lines: Sequence[str]) -> bool:
    """Whether the text holds a table printed one cell per line: two different column heads
    (工作任务, 完成情况, 责任单位…) each on a line of its own."""
    heads = {line for line in lines if len(line) <= 8 and _COLUMN_HEAD.fullmatch(line)}
    return len(heads) >= MIN_COLUMN_HEADS


def join_broken_lines(lines: list[str]) -> list[str]:
    """Body lines with sentences cut by a line break joined again, so no clause starts mid-word.
    In a table printed one cell per line a cell is whole, ended or not (a task cell has no full
    stop): a line joins the one before only when it opens on what no cell opens on (，、%)."""
    table = is_cell_table(lines)
    out: list[str] = []
    for line in lines:
        if out and (_CONTINUATION_START.match(line) if table else _continues(out[-1], line)):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


# a sentence or a semicolon clause: what a page opening cut short keeps up to the last of them
_LAST_SENTENCE_END = re.compile(r"[。！？!?；;]")


# the last sentence is an item's or a paragraph's short lead: 一是X。, 结构调整取得积极进展。
_LAST_LEAD = re.compile(
    r"(?:(?<=[。！？!?；;])|^)(?:[一二三四五六七八九十]+是)?[^，,；;：:。！？!?\d%]{2,20}[。！!]$"
)


def cut_truncated_tail(lines: list[str]) -> list[str]:
    """A page opening cut off mid-sentence ("…超过40%。孵"): the unfinished clause at the very end of
    the text goes (back to the last 。 or ；), or the whole last line when it is clauses without
    an end; it is debris, not a statement."""
    if not lines:
        return lines
    last = lines[-1]
    if _LINE_END.search(last):
        return lines
    ends = [m.end() for m in _LAST_SENTENCE_END.finditer(last)]
    if not ends:
        # a line of clauses with no end at all ("…分别为成都市、绵阳市、眉") was cut whole; a
        # signature, a date or a heading has no clause in it and stays
        return lines[:-1] if "，" in last or "," in last else lines
    kept = last[: ends[-1]]
    # a lead left without the details the cut took ("…。二是实施科研货物“分线管理”。落实海关")
    # goes with them
    lead = _LAST_LEAD.search(kept)
    if lead is not None:
        kept = kept[: lead.start()]
    return [*lines[:-1], kept] if kept else lines[:-1]
