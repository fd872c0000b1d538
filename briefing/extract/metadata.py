"""Header block, title, dates, publisher and addressee of a document's text.

`parse_document_text` reads a page dump top to bottom: page chrome goes (text_chrome), header lines
give the official fields (header), the head of the page gives title, byline, subtitle date, page date
and addressee, a cover letter before a repeated title is set aside (the 印发 notice of 004), and the
closing signature (issuing body and date) is taken off the end. Pages without a tidy head are
then read more loosely (`_scan_head`): a speech's date line, a page time stamp, a cover letter's
signature. What remains is the body, one paragraph per line. Metadata the reader already has
(`raw.fields`) wins over what the text says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from briefing.extract.dates import find_dates, parse_date
from briefing.extract.header import (
    MIN_GLUED_TITLE,
    HeaderField,
    is_strong,
    parse_header_line,
    title_before_fields,
)
from briefing.extract.numbers import find_quantities
from briefing.extract.page import (
    ASIDE,
    BODY,
    FURNITURE,
    HEAD,
    SENTENCE_END,
    SIGNATURE,
    TITLE,
    WHY_ABOVE_FIELDS,
    WHY_ABOVE_HEADLINE,
    WHY_ABOVE_TITLE,
    WHY_ATTACHMENT_LINKS,
    WHY_CHROME,
    WHY_COLUMN,
    WHY_CRUMBS,
    WHY_FOOTER,
    WHY_HEADING_ABOVE_CRUMBS,
    WHY_MENU,
    WHY_PAGE_TITLE,
    WHY_PICTURE,
    WHY_READER_PROMPT,
    WHY_REPEATED_TITLE,
    WHY_TABLE_ROW,
    WHY_TEASER,
    FieldOrigin,
    PageLayout,
    PageLine,
    furniture_shape,
    is_crumbs,
    opening_furniture,
)
from briefing.extract.places import find_places, jurisdiction, site_host
from briefing.extract.script import NOTE as TRADITIONAL_NOTE
from briefing.extract.script import is_traditional, to_simplified
from briefing.extract.status import detect_genre
from briefing.extract.structure import normalize_inline, normalize_lines
from briefing.extract.text_chrome import is_chrome_line, is_debris_line, is_photo_caption
from briefing.extract.text_lines import (
    ATTACHMENT_LINE,
    ATTACHMENT_NAME,
    CONTACT_LINE,
    DOC_NO_LINE,
    ENDS_WITH_DOC_TYPE,
    IMPRINT,
    NEWS_DATELINE,
    NEWS_DAY,
    NEWS_OUTLET,
    REPLY_OPENING,
    SPEAKING_FOR,
    TITLE_STATUS,
    UNTITLED,
    addressee_like,
    can_join,
    cut_truncated_tail,
    date_only,
    dated_header,
    derive_display_title,
    is_org_line,
    issuer_of_title,
    join_broken_lines,
    names_body,
    publisher_name,
    same_title,
    signature_line,
    speaker_body,
    subtitle_date,
    tail_source,
    title_core,
    title_like,
    title_score,
)
from briefing.model import Metadata, RawDocument


@dataclass
class ParsedText:
    metadata: Metadata
    # The text without page chrome, header block, title lines, dates, addressee, cover letter and
    # closing signature; one paragraph per line.
    body: str
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # which lines were the page and which the document (`briefing.extract.page`)
    layout: PageLayout = field(default_factory=PageLayout)


MAX_HEAD_LINES = 80  # real heads (two header blocks, title, dates, addressee) need about 30
MAX_COVER_LINES = 12
MAX_SIGNATURE_LINES = 6
MAX_ATTACHMENT_LINES = 8
MAX_BYLINE = 30

# --- the parse --------------------------------------------------------------------------------------

_SPLIT_DOC_NO = re.compile(
    r"([〔\[［(（]\s*\d{4}\s*[〕\]］)）])[ \t\u3000\u2002]*\n\s*(?=\d{1,6}\s*号)"
)


@dataclass
class _Head:
    """What the head of the page and the closing lines say, before fields are ranked."""

    header: dict[str, str | None] = field(default_factory=dict)
    title: str | None = None
    byline: str | None = None
    addressee: str | None = None
    page_date: str | None = None
    subtitle_date: str | None = None
    head_sign_date: str | None = None
    signature_org: str | None = None
    tail_source: str | None = None  # a news item's closing "来源:州科技局" or "(市科技局供稿)"
    signature_date: str | None = None
    cover_sign_date: str | None = None
    doc_no_line: str | None = None
    title_lines: list[int] = field(default_factory=list)
    signature_lines: set[int] = field(default_factory=set)  # the closing signature's
    # found by the looser scan of the page's first lines (`_scan_head`)
    early_sign_org: str | None = None
    letterhead: str | None = (
        None  # "某某市科学技术局文件": the body whose letterhead the page prints
    )
    early_sign_date: str | None = None
    banner: str | None = None  # a body named alone on the line over the title
    timestamp_date: str | None = None
    # the first and last line of a speech's occasion ("(2023年12月27日在…第十一届人民代表大会…上)")
    occasion: tuple[int, int] | None = None
    # the title is a labelled cell of a table ("建议标题: | 关于…的建议 |"), not a bare line
    title_from_cell: bool = False
    # the line each candidate above was read from (by attribute name, and "header.<field>" for a
    # header field): where a metadata field came from (`PageLayout.origins`)
    at: dict[str, int] = field(default_factory=dict)
    header_labels: dict[str, str] = field(default_factory=dict)  # a field's label as printed
    header_lines: set[int] = field(default_factory=set)  # the lines whose fields were recorded

    def put(self, name: str, value: str | None, k: int) -> None:
        """Candidate `name` is `value`, read from line k, unless an earlier line gave it."""
        if value and getattr(self, name) is None:
            setattr(self, name, value)
            self.at[name] = k


def _menu_above_fields(lines: _Lines, start: int, block: int) -> None:
    """Lines the head did not read, above a field block found lower down (索引号, 发布机构…), that
    are no sentence: the site's menu and toolbar over the document's fields ("English 繁体版" /
    "• 网站首页" / "• 要闻动态" / 信息名称:…). A sentence among them means the fields close a text
    instead, and nothing is dropped."""
    above = [k for k in range(start, block) if not lines.removed[k]]
    if not above or not all(_menu_line(lines.norm[k]) for k in above):
        return
    for k in above:
        lines.drop(k, WHY_ABOVE_FIELDS)


def _menu_line(line: str) -> bool:
    return len(line) <= MAX_MENU_ITEM and SENTENCE_END.search(line) is None


def _record_header(head: _Head, fields: list[HeaderField], k: int) -> None:
    head.header_lines.add(k)
    for f in fields:
        value = normalize_inline(f.value) if f.value else None
        if f.name and value and head.header.get(f.name) is None:
            head.header[f.name] = value
            head.at["header." + f.name] = k
            head.header_labels[f.name] = f.label


# a government body, not a company or a newspaper that runs a reposting site
_GOVERNMENT_BODY = re.compile(r"(?:人民政府|政府|办公厅|办公室|委员会|管委会|局|厅|委)$")


def _government_host(host: str | None) -> str | None:
    """The government body whose site carries the page (`PageLayout.host`): the body that
    publishes what the site posts, when the page names no other."""
    return host if host and _GOVERNMENT_BODY.search(host) and names_body(host) else None


def _page_host(layout: PageLayout, frame: str) -> str | None:
    """The body that runs the site carrying the page: its footer's 主办单位 or copyright holder, else
    the site's banner, a body's bare name on the page's first line above the title ("某某科技局" /
    a greeting / breadcrumbs / the headline)."""
    host = site_host(frame)
    if host is not None:
        return host
    first = layout.lines[0] if layout.lines else None
    if first is not None and first.role == FURNITURE and is_org_line(normalize_inline(first.text)):
        return normalize_inline(first.text)
    return None


def _join_split_doc_numbers(text: str) -> tuple[str, list[int]]:
    """The text with document numbers broken over lines joined ("〔2019〕" / "" / "62号"), and
    each of its lines' number in the text as given."""
    if _SPLIT_DOC_NO.search(text) is None:
        return text, list(range(1, text.count("\n") + 2))
    parts: list[str] = []
    numbers = [1]
    line = 1
    pos = 0
    for m in _SPLIT_DOC_NO.finditer(text):
        kept = text[pos : m.start()] + m.group(1)
        for _ in range(kept.count("\n")):
            line += 1
            numbers.append(line)
        line += m.group(0).count("\n")  # the breaks the join removed: no line of their own
        parts.append(kept)
        pos = m.end()
    rest = text[pos:]
    for _ in range(rest.count("\n")):
        line += 1
        numbers.append(line)
    parts.append(rest)
    return "".join(parts), numbers


class _Lines:
    """The document's lines (stripped, chrome dropped) with their normalised text and a removal mask."""

    def __init__(self, text: str) -> None:
        text, numbers = _join_split_doc_numbers(text)
        self.raw = []
        # each kept line's number in the reader's text (1 for its first line): where
        # `briefing explain --doc` points a reader to
        self.number: list[int] = []
        # chrome lines dropped as read, each with the number of lines kept before it: the page's
        # layout puts them back in their place
        self.chrome: list[tuple[int, str]] = []
        # why a kept line was found to be the page's furniture (`briefing.extract.page`)
        self.why: dict[int, str] = {}
        # the date a toolbar or counter line of the page's opening carries ("浏览量: 时间:2018-11-13
        # 13:46:11", "【字体: 】 【2020-09-08】 【阅读:次】"): when the page went up, the line chrome
        self.chrome_date: str | None = None
        self.chrome_date_at: int | None = None  # its place among the chrome lines
        self.chrome_number: list[int] = []
        for ln, number in zip(text.split("\n"), numbers, strict=True):
            ln = ln.strip()
            if not ln:
                continue
            if not is_chrome_line(ln):
                self.raw.append(ln)
                self.number.append(number)
                continue
            self.chrome.append((len(self.raw), ln))
            self.chrome_number.append(number)
            if self.chrome_date is None and len(self.raw) < SCAN_LINES:
                self.chrome_date = _chrome_date(ln)
                if self.chrome_date is not None:
                    self.chrome_date_at = len(self.chrome) - 1
        if self.raw and len(self.raw[0]) > MIN_SQUASHED_PAGE:
            head = _unsquash_head(self.raw[0])
            self.raw[:1] = head
            self.number[:1] = self.number[:1] * len(head)
            self.chrome = [(n + len(head) - 1 if n else 0, ln) for n, ln in self.chrome]
        self.norm = normalize_lines(self.raw)
        self.removed = [not n for n in self.norm]
        self._footer_between_chrome()
        self._teaser_copying_lead()
        for k, line in enumerate(self.raw):
            if len(line) <= MAX_PICTURE_LINE and "." in line and _picture_name(line):
                self.drop(k, WHY_PICTURE)

    def _footer_between_chrome(self) -> None:
        """A line of the page's footer: below the text's last sentence, with the page's chrome right
        above and right below it ("版权所有:…" / "地址:… 联系电话:…" / "…ICP备…"); a footer prints its
        address, its hours and its owner between its copyright and its record number."""
        if len(self.chrome) < 2:
            return
        around = {n for n, _ in self.chrome}
        for k in range(len(self.raw) - 1, -1, -1):
            line = self.raw[k]
            if len(line) > MAX_SCANNED_LINE or SENTENCE_END.search(line):
                return  # the text's last sentence: what stands above it is the document's
            if k in around and k + 1 in around:
                self.drop(k, WHY_FOOTER)

    def _teaser_copying_lead(self) -> None:
        """A news page's teaser ("核心提示:1月20日,全省科技工作会议在济南召开,会议传达了…") copies
        the lead below it, cut short at a set length mid-word: kept, its cut end would be glued to
        the lead as a broken line, and the lead read twice in one sentence. The teaser is dropped
        when what it says is the opening of the text below it."""
        for k, line in enumerate(self.raw[:SCAN_LINES]):
            m = _TEASER_LABEL.match(line)
            if m is None:
                continue
            teaser = _SPACES.sub("", line[m.end() :]).rstrip(".…")
            below = _SPACES.sub("", "".join(self.raw[k + 1 : k + 4]))
            if len(teaser) >= MIN_TEASER and below.startswith(teaser):
                self.drop(k, WHY_TEASER)

    def __len__(self) -> int:
        return len(self.raw)

    def drop(self, k: int, why: str) -> None:
        """Line k is the page's furniture, for the reason given."""
        self.removed[k] = True
        self.why[k] = why

    def body(self) -> str:
        """The lines left, without debris (table rows, captions), broken sentences joined."""
        kept = [
            r
            for r, gone in zip(self.raw, self.removed, strict=True)
            if not gone and not is_debris_line(r)
        ]
        return "\n".join(cut_truncated_tail(join_broken_lines(kept)))


# an editor's teaser above a news item and the least of it that must repeat the lead below (a
# teaser shorter than that is a line of its own, not a copy)
_TEASER_LABEL = re.compile(r"(?:核心提示|内容提要|导读)[:：]\s*")
MIN_TEASER = 12
_SPACES = re.compile(r"\s+")


# a picture's file as a page prints it where the picture failed to load: its name ("图片1.png") or
# the path it was pasted from ("c:\\users\\…\\201562594312980.jpg")
_PICTURE_FILE = re.compile(
    r"(?:[A-Za-z]:\\[^\n]{0,160}?|[^\s/\\:：,，、。；;%]{1,40})\.(?:jpe?g|png|gif|bmp|webp)(?![A-Za-z])",
    re.I,
)
MAX_PICTURE_LABEL = 6  # characters beside the file name ("说明:", "图片:")
MAX_PICTURE_LINE = 200  # characters: a path is long, a paragraph longer (and never tested)
_PICTURE_EXTENSION = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp)", re.I)


def _picture_name(line: str) -> bool:
    """True when a line is only a picture's file name or path, with at most a short label."""
    if _PICTURE_EXTENSION.search(line) is None:
        return False  # the cheap test first: most lines with a "." hold a decimal
    m = _PICTURE_FILE.search(line)
    if m is None:
        return False
    rest = (line[: m.start()] + line[m.end() :]).strip()
    return len(rest) <= MAX_PICTURE_LABEL and SENTENCE_END.search(rest) is None


def _chrome_date(line: str) -> str | None:
    """The one full date a chrome line holds, unless it is a portal's clock (今天是…, 星期二)."""
    if not _DIGIT_DATE.search(line) or _CLOCK_WORD.search(line):
        return None
    dates = find_dates(line)
    return dates[0][1] if len(dates) == 1 else None


_DIGIT_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_CLOCK_WORD = re.compile(r"今天|今日|星期|礼拜|农历|周[一二三四五六日天]")


MIN_SQUASHED_PAGE = 100  # characters: a page whose head and body were dumped onto one line
# "政 府 工 作 报 告 ——2025年1月23日在某某市第六届人民代表大会第五次会议上 市人民政府市长 某某
# 各位代表:现在,…": a report's title, occasion, speaker and salutation on the body's line
# The occasion's dash may be lost with the line breaks; then a full date opens it ("…工作报告
# 2024年1月24日在…区第十一届 人民代表大会第四次会议上 各位代表:…").
_SQUASHED_HEAD = re.compile(
    r"(?P<title>[^。！？；;]{2,60}?)\s*(?P<occasion>(?:——\s*[^。！？；;]{6,20}?日"
    r"|(?<=\s)(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*在[^。！？；;]{2,60}?(?:会议|大会)上)\s*"
    r"(?P<rest>\S.*)"
)
_SALUTATION = re.compile(r"(?:各位代表|同志们)[:：]")
MAX_SPEAKER = 40  # characters between the occasion and the salutation


def _unsquash_head(line: str) -> list[str]:
    """A squashed page's first line as the lines a tidy page prints: title, occasion, speaker,
    then the text from its salutation on; the line unchanged when it opens no such head."""
    m = _SQUASHED_HEAD.match(line)
    if m is None or find_dates(m.group("occasion")) == []:
        return [line]
    rest = m.group("rest")
    salutation = _SALUTATION.search(rest, 0, MAX_SPEAKER + 6)
    if salutation is not None and salutation.start() > 0:
        return [
            m.group("title"),
            m.group("occasion"),
            rest[: salutation.start()].strip(),
            rest[salutation.start() :],
        ]
    return [m.group("title"), m.group("occasion"), rest]


def _read_head(lines: _Lines, head: _Head, start: int = 0) -> int:
    """Consume header lines, title, byline, dates and addressee at the top (from line `start` on:
    what stands above it is furniture); return the body start."""
    title_parts: list[str] = []
    last_was_byline = False
    fields_below_title = False  # a field block stood between the title read and this line
    letterhead_end = -2  # the last line of a letterhead and the joint issuers stacked under it
    for k in range(min(start, len(lines))):
        lines.drop(k, WHY_ABOVE_HEADLINE)
        if (fields := parse_header_line(lines.raw[k])) is not None:
            _record_header(head, fields, k)  # a field table above the headline still counts
    i = start
    while i < min(len(lines), start + MAX_HEAD_LINES):
        line = lines.norm[i]
        if not line:
            i += 1
            continue
        if not title_parts and ("|" in line or "｜" in line):
            cell = _title_cell(line)
            if cell is not None:
                line = lines.norm[i] = cell
                head.title_from_cell = True
            elif parse_header_line(lines.raw[i]) is None and _TABLE_ROW.search(line):
                # a row of fields ("文件名称 | … | ||"): never the title whole
                lines.drop(i, WHY_TABLE_ROW)
                i += 1
                continue
        if (
            not title_parts
            and head.addressee is None
            and (why := _opening_furniture(lines, head, i)) is not None
            and dated_header(lines.raw[i]) is None
        ):
            # breadcrumbs, a site's welcome line, a hot-line: above the title, never the title
            lines.drop(i, why)
            i += 1
            continue
        if not title_parts and _LIST_ITEM.match(line) and _has_figure(line) and _in_list(lines, i):
            break  # the text's own bulleted results ("- 新增高新技术企业36家"): body, never a title
        if not title_parts and letterhead_end == i - 1 and is_org_line(line):
            lines.removed[i] = True  # a joint issuer stacked under the letterhead
            letterhead_end = i
            i += 1
            continue
        if not title_parts and (letterhead := _letterhead(line)) is not None:
            # "某某市科学技术局文件" / "某某局 文件": an official document's letterhead names its
            # issuer (the first of joint issuers); never the title
            head.put("letterhead", letterhead, i)
            lines.removed[i] = True
            letterhead_end = i
            i += 1
            continue
        if _CREDIT_LINE.fullmatch(lines.raw[i]) is not None or is_photo_caption(line):
            # a credit ("本报记者 张三", "文/图 张三", "市长 王五") is who wrote or spoke; a photo's
            # caption ("▲某某同志作政府工作报告", "图为…") tells what a picture shows: never a title,
            # never an issuing body
            lines.removed[i] = True
            i += 1
            continue
        if _page_heading_above(lines, head, title_parts, i):
            # "政协提案办理结果" / "首页 > … > 政协提案办理结果" / the document's title: what stood
            # above the breadcrumbs was the page's or the column's heading, never the title
            for k in head.title_lines:
                lines.why[k] = WHY_HEADING_ABOVE_CRUMBS
            title_parts, head.title_lines = [], []
            lines.drop(i, WHY_CRUMBS)
            i += 1
            continue
        byline = False
        fields = parse_header_line(lines.raw[i])
        if fields is not None and head.addressee is not None and not is_strong(fields):
            break  # below the addressee, "时间：…" and "来源：…" are the notice's own text
        dated = None if fields is not None else dated_header(lines.raw[i])
        glued = (
            title_before_fields(lines.raw[i], 2 if title_parts else MIN_GLUED_TITLE)
            if fields is None and dated is None and head.addressee is None
            else None
        )
        if glued is not None and not title_parts and title_like(normalize_inline(glued[0])):
            # "某某2011年科技工作总结 发布时间：2012-01-05 来源：某某厅": the title, then the page's fields
            title_parts.append(normalize_inline(glued[0]))
            head.title_lines.append(i)
            _record_header(head, glued[1], i)
        elif (
            fields is None
            and dated is None
            and not title_parts
            and (dated_title := _title_then_date(lines.raw[i])) is not None
        ):
            # "某省2011年科技工作总结 2012-01-10 16:05": the title, then when the page posted it
            title_parts.append(dated_title[0])
            head.title_lines.append(i)
            head.put("page_date", dated_title[1], i)
        elif glued is not None and title_parts and _AUTHOR.fullmatch(glued[0]):
            _record_header(
                head, glued[1], i
            )  # "张三 发布时间:… 来源:…": an author, then the fields
        elif glued is not None and title_parts and _site_furniture(glued[0]):
            # "某某县人民政府门户网站 www.… 发布时间:…": the site that carries the page, then its
            # fields; furniture, never the text's first line
            _record_header(head, glued[1], i)
        elif fields is not None:
            _record_header(head, fields, i)
            i = _publisher_below(lines, head, fields, i)
            fields_below_title = bool(title_parts)
        elif dated is not None:
            head.put("page_date", dated[0], i)
            _record_header(head, dated[1], i)
            fields_below_title = bool(title_parts)
        elif title_parts and head.addressee is None and TITLE_STATUS.fullmatch(line):
            title_parts.append(line)
            head.title_lines.append(i)
        elif (subtitle := subtitle_date(line)) is not None:
            head.put("subtitle_date", subtitle, i)
        elif (date := date_only(line)) is not None:
            head.put("head_sign_date" if last_was_byline else "page_date", date, i)
        elif DOC_NO_LINE.fullmatch(line):
            head.put("doc_no_line", line, i)
        elif (speaker := speaker_body(line)) is not None:
            head.put("byline", speaker, i)
            byline = True
        elif title_parts and (signed := _dated_byline(line)) is not None:
            # "某某市科学技术局 2022年4月24日" under the title: who signed it and when, never a
            # title of its own (a body and a year scored as one)
            head.put("byline", signed[0], i)
            head.put("head_sign_date", signed[1], i)
            byline = True
        elif head.addressee is not None:
            break
        elif addressee_like(line) and not title_parts and _title_follows(lines, i):
            pass  # an empty header field ("内容概述:"): an addressee comes after the title
        elif addressee_like(line):
            head.addressee = line[:-1].strip()
        elif not title_parts and head.byline is None and _joint_bodies(lines.raw[i]):
            # "某省统计局 某省科技工作领导小组办公室" above a bulletin's title: who issue it
            # jointly, never the start of the title (the date under it stays the page's date);
            # named apart as printed, not glued into one name ("某省统计局某省科技…")
            head.put("byline", re.sub(r"\s+", " ", lines.raw[i].strip()), i)
        elif title_parts and _repeats_title("".join(title_parts), line):
            pass  # the document's own title under the page's headline, whole or broken
        elif (
            can_join("".join(title_parts), line)
            if title_parts
            else title_like(line) or _exclaimed_headline(line) or _over_dateline(lines, i)
        ):
            title_parts.append(line)
            head.title_lines.append(i)
        elif _continues_addressee(lines, i):
            head.addressee = normalize_inline(line + lines.norm[i + 1])[:-1]
            lines.removed[i] = True
            i += 1
        elif (
            title_parts
            and title_like(line)
            and not is_org_line(line)
            and (
                is_org_line(joined := "".join(title_parts))
                or (title_score(joined) <= 1 and title_score(line) > title_score(joined))
                or (fields_below_title and _formal_below(joined, line))
            )
        ):
            # what came first was a column name or a site's banner; or the page's heading over
            # its field block ("政协提案办理答复" / 索引号… / "某某局对…第40号提案的答复")
            if is_org_line(joined):
                # a body named alone over the title, its letterhead or its site's banner, issues
                # what the page prints when the page names no other issuer
                head.put("banner", joined, head.title_lines[0])
            for k in head.title_lines:
                lines.why[k] = WHY_ABOVE_TITLE
            title_parts = [line]
            head.title_lines = [i]
        elif title_parts and head.byline is None and is_org_line(line):
            head.put("byline", line, i)
            byline = True
        elif (
            title_parts and len(line) <= MAX_BYLINE and title_like(line) and _meta_follows(lines, i)
        ):
            byline = True  # a speaker or author line ("市科技局局长 张三") above the date
        else:
            break
        last_was_byline = byline
        lines.removed[i] = True
        i += 1
    if not title_parts and head.addressee is None and i < len(lines):
        run_in = _run_in_title(lines.raw[i])
        if run_in is not None:
            # "某省2011年科技工作总结 2011年,全省科技系统…": the title opens the text's first line
            title_parts = [run_in[0]]
            lines.raw[i] = run_in[1]
            lines.norm[i] = normalize_inline(run_in[1])
    if title_parts:
        title = _without_site_suffix(
            _without_prefix(
                _TITLE_TAG.sub(
                    "",
                    _TITLE_NOTE.sub("", normalize_inline("".join(title_parts))),
                ).lstrip(_POINTER_GLYPHS + " ")  # "►我县出台…": the site's bullet, no word of it
            ).rstrip("—－")
        )
        # a page that shows the file it offers ("某某规划.doc"): the title is the file's name
        title = _FILE_NAME.sub("", title) if "." in title else title
        tail_no = _TITLE_DOC_NO.search(title) if title.endswith((")", "）")) else None
        if tail_no is not None and title_like(title[: tail_no.start()]):
            # "某某局关于印发…的通知(市科〔2023〕13号)": the number a site prints after the title
            # is the document's number, never its title's words
            head.put(
                "doc_no_line", tail_no.group("no"), head.title_lines[-1] if head.title_lines else i
            )
            title = title[: tail_no.start()].rstrip()
        numbered = _NUMBERED_TITLE.fullmatch(title) if "号" in title else None
        if numbered is not None and title_like(rest := _unquoted(numbered.group("rest"))):
            # "成办发〔2012〕17号《某某办公厅关于印发…的通知》": a document's number is never
            # its title's words
            title = rest
            head.put(
                "doc_no_line", numbered.group("no"), head.title_lines[0] if head.title_lines else i
            )
        if is_org_line(title):
            head.put("byline", title, head.title_lines[0] if head.title_lines else i)
        elif title and _SESSION_NAME.fullmatch(title) is not None:
            pass  # "宜宾市第六届人民代表大会第七次会议": the occasion a page reports on, no title
        elif title and _speech_date(title) is None:
            # "2024年1月10日在…人民代表大会…会议上" under a site's address line is a speech's
            # occasion, read for its date below, never the title; a bracketed tag alone
            # ("【企业会计准则】") is none either
            head.title = title
    return i


def _formal_below(heading: str, line: str) -> bool:
    """True when `line`, under a field block, is the document's formal title and `heading` above
    the block only the page's or its column's name: the line names its issuer and its kind
    ("某某州科技局对…第40号提案的答复") where the heading names no issuer ("政协提案办理答复")."""
    return (
        issuer_of_title(heading) is None
        and issuer_of_title(line) is not None
        and ENDS_WITH_DOC_TYPE.search(line) is not None
        and title_score(line) > title_score(heading)
    )


# a title behind its document's number ("成办发〔2012〕17号《…的通知》", "某府发〔2015〕28号 关于…")
_TITLE_DOC_NO = re.compile(rf"[(（]\s*(?P<no>{DOC_NO_LINE.pattern})\s*[)）]$")
_NUMBERED_TITLE = re.compile(
    r"(?P<no>[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,5}号)\s*(?P<rest>[《关\u4e00-\u9fff].{5,})"
)


def _unquoted(text: str) -> str:
    """A title without the 《》 that wrap it whole."""
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        return text[1:-1]
    return text


# A congress's or a conference's session named alone: "宜宾市第六届人民代表大会第七次会议",
# "政协某某市第十三届委员会第二次会议"
_NUMERAL = "[一二三四五六七八九十\\d]{1,3}"
_SESSION_NAME = re.compile(
    rf"[\u4e00-\u9fff]{{0,16}}第{_NUMERAL}届[\u4e00-\u9fff]{{0,12}}"
    rf"(?:人民代表大会|委员会|代表大会)(?:常务委员会)?第{_NUMERAL}次(?:全体)?会议"
)
# A site's note after a title ("…的通知【有效期至2027年12月31日】", "【已废止】"): not the title's words
_TITLE_NOTE = re.compile(r"【[^【】]{1,20}】$")
# A column's tag before a title ("【通知公告】某某市科学技术局关于…", "[工作动态]…"), or a site's name
# before a dash ("某某区人民政府网—关于…"): not the title's words
_TITLE_TAG = re.compile(
    r"^(?:[【\[［][^【】\[\]［］]{2,8}[】\]］]|[^\s—\-_|]{2,20}(?:网站|政府网|门户网|信息网|新闻网|门户)\s*[—\-_]{1,2})"
    r"\s*(?=\S{6})"
)
MIN_REPEAT = 6  # characters: a shorter line inside the title may be a heading of the body
# A site's, a column's or a source's name before the title ("某某市科技局:某某市科学技术局2023年
# 工作总结", "工作动态|关于…的通知"): short, and what follows it is a whole title on its own
_TITLE_PREFIX = re.compile(
    r"(?P<prefix>[^:：|｜,，。;；《》“”()（）]{2,16})\s*[:：|｜]\s*(?P<rest>\S.*)"
)


# what a page's <title> appends to the headline: "…的通知_某某市人民政府门户网站", "…-某某市科学技术局",
# "… - 政策文件 - 某某市人民政府", "…|某某网"
_TITLE_SEP = re.compile(r"\s*(?:_|\s-\s|-|\||｜)\s*")
_SITE_SUFFIX = re.compile(r"(?:网|网站|门户网站|门户|官网|政府网|信息网|平台)$")
# a hyphen with no space also joins two names inside a headline (中国-中东欧国家技术转移中心,
# 中国-上海合作组织科技合作平台): after it only a site's own name or a government body is a suffix
_BARE_SEP_SUFFIX = re.compile(r"(?:网|网站|门户|官网)$")
MIN_SUFFIXED_TITLE = 8  # characters of the headline before a site's name
MAX_SUFFIX_COLUMN = 6  # characters: "政策文件", "通知公告" between the headline and the site's name


def _without_site_suffix(title: str) -> str:
    """The title without the site's or issuing body's name a page's <title> appends to it (and a
    column's name before that); a headline whose second half is a clause of its own ("…最强音-某市
    科学技术奖励大会举行") or a span of years ("(2021-2025年)") keeps it."""
    if not _TITLE_SEP.search(title):
        return title
    cut = len(title)
    named = False
    for m in reversed(list(_TITLE_SEP.finditer(title))):
        segment = title[m.end() : cut]
        if m.group() == "-":
            site = bool(_BARE_SEP_SUFFIX.search(segment)) or (
                bool(_GOVERNMENT_BODY.search(segment)) and names_body(segment)
            )
        else:
            site = bool(_SITE_SUFFIX.search(segment)) or names_body(segment)
        column = named and len(segment) <= MAX_SUFFIX_COLUMN and _column_word(segment)
        if not (site or column) or m.start() < MIN_SUFFIXED_TITLE:
            break
        named, cut = True, m.start()
    return title[:cut] if named else title


def _column_word(segment: str) -> bool:
    return (
        segment.isalpha() and not any(ch.isdigit() for ch in segment) and title_score(segment) <= 1
    )


def _without_prefix(title: str) -> str:
    """The title without a site's or column's name before it; a headline whose two halves read
    together ("兰州:科技成果转化取得新突破") keeps both."""
    m = _TITLE_PREFIX.fullmatch(title)
    if m is None:
        return title
    rest = m.group("rest")
    if ENDS_WITH_DOC_TYPE.search(rest) is None:
        return title
    full = "关于" in rest or issuer_of_title(rest) is not None or "印发" in rest
    if full and title_score(rest) >= MIN_TITLE_SCORE:
        return rest
    # a column's name ("某市高新技术企业奖励政策:某高新区…若干政策实施细则(试行)"): longer than a
    # place's, before a document's name that opens with no verb (a headline's "兰州:出台…方案")
    named = (
        len(m.group("prefix").strip()) >= MIN_COLUMN_PREFIX
        and len(rest) >= MIN_NAMED_DOCUMENT
        and _NEWS_VERB.match(rest) is None
    )
    return rest if named else title


MIN_COLUMN_PREFIX = 5  # characters: more than a place's name ("兰州", "济南市")
MIN_NAMED_DOCUMENT = 10
_NEWS_VERB = re.compile(
    r"(?:出台|印发|发布|制定|推出|召开|审议|通过|公布|下发|实施|启动|举行|开展)"
)


# "喜报！我市3家企业入选国家级专精特新“小巨人”", "科技成果如何走出实验室？": a news headline
# may exclaim or ask; a sentence ends in 。 or ；, a greeting goes on after a colon ("您好!今天是:"),
# and a banner's slogan ends in its exclamation ("热烈庆祝…75周年！")
_EXCLAIMED = re.compile(r"[^。；;:：]{2,60}(?:[！!][^。；;:：！!]{2,40}|[？?][^。；;:：]{0,40})")


def _exclaimed_headline(line: str) -> bool:
    return (
        len(line) <= MAX_EXCLAIMED
        and line[-1] not in ":：,，、"
        and _EXCLAIMED.fullmatch(line) is not None
        and title_like(re.sub(r"[！？!?]", "", line))
    )


MAX_EXCLAIMED = 60  # characters


def _over_dateline(lines: _Lines, i: int) -> bool:
    """True when line i stands right above a news item's dateline ("中新网某城1月22日电(记者…)…"),
    and is one line of a headline's length with no sentence closed inside it: the headline, also
    when it asks, exclaims or carries a colon ("某某两会观察:科技创新如何“向人民报告”?")."""
    line = lines.norm[i]
    if len(line) > MAX_TITLE_OVER_DATELINE or i + 1 >= len(lines):
        return False
    if SENTENCE_END.search(line.rstrip("？?！!")) is not None:
        return False
    return NEWS_DATELINE.match(lines.norm[i + 1][:MAX_DATELINE]) is not None


MAX_TITLE_OVER_DATELINE = 80  # characters


def _repeats_title(title: str, line: str) -> bool:
    """True when `line` prints the title (or a piece of it, when broken over lines) again."""
    text = line.strip(_BULLETS)
    return text == title or (len(text) >= MIN_REPEAT and text in title)


_RUN_IN_TITLE = re.compile(
    r"(?P<title>[^\s:：,，。;；!！?？]{8,60}?)(?:\s+|[:：]\s*)(?P<rest>\S.{10,})"
)


def _run_in_title(raw_line: str) -> tuple[str, str] | None:
    """(title, text) of a first line that opens with the document's title and goes on with its
    text ("某省2011年科技工作总结 2011年,全省科技系统…"): a title ends in a document type and
    reads as one (a year, an issuer or 关于 with it)."""
    m = _RUN_IN_TITLE.match(raw_line.strip())
    if m is None:
        return None
    title = m.group("title")
    if ENDS_WITH_DOC_TYPE.search(title) is None or title_score(title) < MIN_TITLE_SCORE - 1:
        return None
    if _TITLE_YEAR_OR_ISSUER.search(title) is None and "关于" not in title:
        return None
    return title, m.group("rest")


_TITLE_YEAR_OR_ISSUER = re.compile(r"(?:19|20)\d{2}年|[省市县区州]|[局厅委部办]")


def _joint_bodies(raw_line: str) -> bool:
    """True when a line names two issuing bodies or more, parted by spaces or 、 ("某省统计局
    某省科学技术厅")."""
    names = [n for n in re.split(r"[\s、]+", raw_line.strip()) if n]
    return len(names) >= 2 and all(is_org_line(n) for n in names)


# a title, a space, and a date (and time) on one line: "某省2011年科技工作总结 2012-01-10 16:05"
_TRAILING_DATE = re.compile(
    r"(?P<title>\S.*?)\s+(?P<date>\S{8,12}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
)
MIN_DATED_TITLE = 6  # characters


def _title_then_date(raw_line: str) -> tuple[str, str] | None:
    """(title, date) of a head line that prints a title and then, after a space, a date alone."""
    if len(raw_line) > MAX_SCANNED_LINE:
        return None
    m = _TRAILING_DATE.fullmatch(raw_line.strip())
    if m is None:
        return None
    date = date_only(m.group("date"))
    title = normalize_inline(m.group("title"))
    if date is None or len(title) < MIN_DATED_TITLE or not title_like(title):
        return None
    if is_org_line(title) or find_dates(title):
        return None  # a body and its date sign a text; two dates are no title
    return title, date


_LETTERHEAD = re.compile(r"(?P<body>[\u4e00-\u9fff()（）]{4,40}?)\s*文件")


def _letterhead(line: str) -> str | None:
    """The body of a letterhead line ("某某市科学技术局文件", "某某局 文件"). A letterhead prints
    the body's full name with its place; a portal's column (县政府办文件, 部门文件) names none."""
    if not line.endswith("文件") or len(line) > MAX_LETTERHEAD:
        return None
    m = _LETTERHEAD.fullmatch(line)
    if m is None or not is_org_line(body := m.group("body")) or jurisdiction(body) is None:
        return None
    return body


MAX_LETTERHEAD = 44  # characters


def _site_furniture(text: str) -> bool:
    """True when every space-parted piece of `text` is chrome: a site's name, its address."""
    parts = text.split()
    return bool(parts) and all(is_chrome_line(part) for part in parts)


# an author's name before a page's fields, or a body's ("张三 发布时间:…", "某某局 时间:…")
_AUTHOR = re.compile(r"[\u4e00-\u9fff·]{2,20}")


def _publisher_below(lines: _Lines, head: _Head, fields: list[HeaderField], i: int) -> int:
    """A header's publisher label left empty with the body on the lines below ("发布机构:" /
    "温州市人民政府办公室", printed once or twice): that body is the field's value and leaves
    the head. Returns the last line read."""
    if fields[-1].name != "publisher" or fields[-1].value:
        return i
    j = i + 1
    while j < len(lines) and not lines.norm[j]:
        j += 1
    if j >= len(lines) or not is_org_line(lines.norm[j]):
        return i
    known = head.header.get("publisher")
    if known is not None and lines.norm[j] != known:
        return i
    head.header["publisher"] = lines.norm[j]
    head.at["header.publisher"] = j
    head.header_labels["publisher"] = fields[-1].label
    head.header_lines.add(j)
    lines.removed[i] = lines.removed[j] = True
    if j + 1 < len(lines) and lines.norm[j + 1] == lines.norm[j]:
        j += 1  # the value printed twice
        lines.removed[j] = True
    return j


def _continues_addressee(lines: _Lines, i: int) -> bool:
    """An addressee broken over two lines: `各区县人民政府，` then `市政府各部门：`."""
    line = lines.norm[i]
    if line[-1] not in ",，、" or i + 1 >= len(lines):
        return False
    nxt = lines.norm[i + 1]
    return bool(nxt) and addressee_like(line + nxt)


MIN_TITLE_SCORE = 3  # 关于 and a document type, or either with an issuing body


def _title_follows(lines: _Lines, i: int) -> bool:
    """True when the next line reads as a full title ("关于对…第9号议案的答复")."""
    nxt = next((n for n in lines.norm[i + 1 : i + 3] if n), "")
    return bool(nxt) and title_like(nxt) and title_score(nxt) >= MIN_TITLE_SCORE


def _meta_follows(lines: _Lines, i: int) -> bool:
    """True when the next line is a date, subtitle or addressee line of the head."""
    nxt = next((n for n in lines.norm[i + 1 : i + 3] if n), "")
    return bool(nxt) and (
        subtitle_date(nxt) is not None or date_only(nxt) is not None or addressee_like(nxt)
    )


def _read_cover_letter(lines: _Lines, head: _Head, start: int) -> None:
    """Set aside a cover letter that precedes the document's own (repeated) title.

    Two shapes: a site headline `重庆:关于X` whose document repeats as `重庆市科学技术局关于X` after
    the 印发 notice (the repeated line is the title), and a notice `关于印发《X》的通知` followed by the
    attached `X` (the notice title stays). The lines between are the cover letter: its signature date
    is kept, the lines leave the body.
    """
    if head.title is None:
        return
    core = title_core(head.title)
    attached = ATTACHMENT_NAME.search(head.title)
    for j in range(start, min(len(lines), start + MAX_COVER_LINES)):
        line = lines.norm[j]
        if not line or not title_like(line):
            continue
        if _sends(line, head.title):
            # "某某规划(2022—2025年)" / "某某办公室关于印发《某某规划(2022—2025年)》的通知": the
            # page's headline named the document a notice sends; the notice's title is the title
            if any(SENTENCE_END.search(lines.norm[k]) for k in range(start, j) if lines.norm[k]):
                return  # text between: the line is the body's, not the head's
            for k in range(start, j + 1):
                lines.removed[k] = True
            head.title, head.title_lines = normalize_inline(line), [j]
            return
        line_core = title_core(line)
        # A retouched repeat must name its issuing body, as a document's own title does.
        repeated = len(core) >= 4 and (
            line_core == core or (issuer_of_title(line) is not None and same_title(line_core, core))
        )
        is_attachment = attached is not None and line.strip("《》") in (
            attached.group("name"),
            head.title,
        )
        if not (repeated or is_attachment):
            continue
        if not any(SENTENCE_END.search(lines.norm[k]) for k in range(j + 1, len(lines))):
            # nothing of a text after it: the page repeats its headline in the footer (a share
            # box, "扫一扫在手机打开当前页" and the headline again), and what stands above is the body
            lines.removed[j], lines.why[j] = True, WHY_REPEATED_TITLE
            return
        for k in range(start, j):
            text = lines.norm[k]
            if not text:
                continue
            sig = signature_line(text)
            if sig is not None and sig[1] is not None:
                head.put("cover_sign_date", sig[1], k)
            if head.addressee is None and addressee_like(text):
                head.addressee = text[:-1].strip()
            lines.removed[k] = True
        lines.removed[j] = True
        if repeated and issuer_of_title(line) is not None:
            head.title = line
        return


def _sends(line: str, title: str) -> bool:
    """True when `line` is the title of a notice that sends the document `title` names
    ("某某办公室关于印发《某某规划》的通知" for "某某规划")."""
    return (
        len(title) >= MIN_ATTACHED_TITLE
        and f"《{title}》" in line
        and _COVER_NOTICE.search(line) is not None
        and ENDS_WITH_DOC_TYPE.search(line) is not None
        and (line.startswith("关于") or issuer_of_title(line) is not None)
    )


MIN_ATTACHED_TITLE = 6  # characters


def _attached_title(lines: _Lines, head: _Head, start: int) -> None:
    """A page that opens with a cover notice and no title of its own ("各区县人民政府:…现印发给你们…"
    / "特此通知" / its signature): the document it sends, whose title stands right after the
    signature's date or right above the signing body and date, is the page's title."""
    if head.title is not None:
        return
    end = min(len(lines), start + MAX_COVER_LINES + MAX_SIGNATURE_LINES)
    rows = [k for k in range(start, end) if not lines.removed[k] and lines.norm[k]]
    for n, k in enumerate(rows):
        # right after the signing date, or after the disclosure note under it ("(此件公开发布)")
        above = n - 2 if n > 1 and _DISCLOSURE.fullmatch(lines.norm[rows[n - 1]]) else n - 1
        after_date = above >= 0 and date_only(lines.norm[rows[above]]) is not None
        above_signature = (
            n + 2 < len(rows)
            and is_org_line(lines.norm[rows[n + 1]])
            and date_only(lines.norm[rows[n + 2]]) is not None
        )
        if (after_date or above_signature) and (
            _attached_like(lines.norm[k]) or _named_above(lines, rows[:n], lines.norm[k])
        ):
            head.title, head.title_lines = normalize_inline(lines.norm[k]), [k]
            lines.removed[k] = True
            return


# what a cover notice names as the document it sends: "现将《2025年全市科技工作要点》印发你们",
# "附件:2015年工作总结及2016年工作思路"
_SENT_NAME = re.compile(r"《(?P<q>[^《》]{4,80})》|^附件\s*\d?\s*[:：]\s*(?P<a>\S.{3,80})$")


def _named_above(lines: _Lines, rows: list[int], line: str) -> bool:
    """True when the cover notice above names `line` as the document it sends (quoted in 《》 or
    listed as its 附件, as printed or retouched): the page points to it as the title, whatever kind
    of document it is ("…工作思路" ends in no document type)."""
    if len(line) < MIN_ATTACHED_TITLE or not title_like(line) or is_org_line(line):
        return False
    for k in rows:
        for m in _SENT_NAME.finditer(lines.norm[k]):
            if same_title(m.group("q") or m.group("a") or "", line):
                return True
    return False


def _cover_date(lines: _Lines, head: _Head, start: int) -> None:
    """The date a cover notice is signed with when it prints no body above it: the date line
    between the notice's closing ("…印发给你们，请认真贯彻执行。", "特此通知") and the title of the
    document it sends ("2015年11月2日" / "某某管理暂行办法") is when the notice was written."""
    if head.cover_sign_date is not None:
        return
    end = min(len(lines), start + MAX_COVER_LINES + MAX_SIGNATURE_LINES)
    # a disclosure note under the date ("(此件主动公开)") stands between it and the sent title
    rows = [
        k for k in range(start, end) if lines.norm[k] and not _DISCLOSURE.fullmatch(lines.norm[k])
    ]
    for n in range(1, len(rows) - 1):
        k = rows[n]
        if len(lines.norm[k]) > MAX_SCANNED_LINE or (date := date_only(lines.norm[k])) is None:
            continue
        before, after = lines.norm[rows[n - 1]], lines.norm[rows[n + 1]]
        if _COVER_CLOSING.search(before) is not None and _attached_like(after):
            head.put("cover_sign_date", date, k)
            lines.removed[k] = True
            return


# "(此件主动公开)", "（此件公开发布）", "(此件不予公开)": how a notice marks its disclosure
_DISCLOSURE = re.compile(r"[(（]\s*此件[\u4e00-\u9fff]{2,8}\s*[)）]")
# how a cover notice closes: "现印发给你们，请认真贯彻执行。", "特此通知"
_COVER_CLOSING = re.compile(
    r"印发|转发|特此(?:通知|函告|批复)|(?:遵照|贯彻|认真)执行|贯彻落实|组织实施"
)


def _attached_like(line: str) -> bool:
    return (
        len(line) >= MIN_ATTACHED_TITLE
        and title_like(line)
        and not is_org_line(line)
        and ENDS_WITH_DOC_TYPE.search(line) is not None
    )


def _read_signature(lines: _Lines, head: _Head, start: int) -> None:
    """Take the closing block off the end: signature (issuing body, date), 此件公开发布-style notes,
    a contact line ("联系人:张三 联系电话:…"), a news item's source ("来源:州科技局", "(市科技局
    供稿)"), the imprint (抄送, …印发) and an attachment list (附件：1.… 2.…) just above the
    signature."""
    block: list[int] = []
    org: str | None = None
    date: str | None = None
    source: str | None = None
    at: dict[str, int] = {}  # the line each of the three was read from
    page_line = False  # a page's date and source line closing the text
    k = len(lines) - 1
    while k >= start and len(block) < MAX_SIGNATURE_LINES:
        line = lines.norm[k]
        if lines.removed[k]:
            k -= 1
            continue
        fields = parse_header_line(lines.raw[k]) if len(line) <= MAX_SCANNED_LINE else None
        if fields is not None and (is_strong(fields) or _dates_the_page(fields, lines, k)):
            # "发布日期：2023-10-25" under the signature, "日期:2018-03-23 来源:某某局" closing a
            # news item: the page's fields, not the signing date
            _record_header(head, fields, k)
            page_line = True
            block.append(k)
            k -= 1
            continue
        dated = (
            dated_header(lines.raw[k], byline=False)
            if fields is None and len(line) <= MAX_SCANNED_LINE
            else None
        )
        if dated is not None:
            # "2018.03.23 来源:某某市科技局" closing a news item: when the page posted it, and whence
            head.put("page_date", dated[0], k)
            _record_header(head, dated[1], k)
            page_line = True
            block.append(k)
            k -= 1
            continue
        if not block and source is None and _CREDIT_ALONE.fullmatch(lines.raw[k]):
            # "(哈密地区科技局)" under the last sentence: who supplied the item, not a subtitle
            source = _closing_credit(lines, k)
            if source is not None:
                at["tail_source"] = k
                block.append(k)
                k -= 1
                continue
        sig = signature_line(line)
        if sig is not None and sig[0] is None and _CLOCK_TIME.search(line):
            # "28.09.2014 16:55" closing a news item: when the page posted it (a clock's time),
            # never a signing date
            head.put("page_date", sig[1], k)
            page_line = True
            block.append(k)
            k -= 1
            continue
        if sig is not None:
            # read bottom up: the line nearest the top that names a body or a date gives it
            if sig[0]:
                org, at["signature_org"] = sig[0], k
            if sig[1]:
                date, at["signature_date"] = sig[1], k
        elif (supplied := tail_source(line)) is not None:
            if source is None:
                source, at["tail_source"] = supplied, k
        elif not (
            (len(line) <= 60 and subtitle_date(line) is not None)
            or (len(line) <= 200 and IMPRINT.fullmatch(line))
            or CONTACT_LINE.fullmatch(line)
        ):
            break
        block.append(k)
        k -= 1
    if org is None and date is None and source is None and not page_line and not block:
        source = _closing_credit(lines, k)
        at["tail_source"] = k
    if org is None and date is None and source is None and not page_line:
        return
    for idx in block:
        lines.removed[idx] = True
    head.signature_lines = set(block)
    head.signature_org = org
    head.signature_date = date
    head.tail_source = source
    head.at.update(at)
    _drop_attachment_list(lines, start, k)


# A signature glued to the end of a page dumped onto one line: the signing bodies, then the date,
# then a disclosure note ("…推荐表.docx丽水市科学技术局2023年10月07日。", "…名单宁德市…联席会议办公室
# 宁德市科学技术局(代章)2023年6月14日(此件主动公开),。")
_GLUED_SIGNATURE = re.compile(
    r"(?P<run>[\u4e00-\u9fff()（）]{4,80}?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"\s*(?:[(（][^()（）]{2,12}[)）])?[\s,，。.]*$"
)
_SEAL_NOTE = re.compile(r"[(（](?:代章|盖章|印章|章)[)）]")


def _glued_signature(lines: _Lines, head: _Head, start: int) -> None:
    """The signature at the end of a squashed page's last line (see `_GLUED_SIGNATURE`): the first
    signing body is the name that opens with a place after the last sentence's words (a place
    starts every signer's name, so the second place starts the second signer), and the date."""
    if head.signature_org is not None or head.signature_date is not None:
        return
    k = next((j for j in range(len(lines) - 1, start - 1, -1) if not lines.removed[j]), None)
    if k is None or len(lines.raw[k]) <= MIN_SQUASHED_PAGE:
        return
    raw = lines.raw[k]
    m = _GLUED_SIGNATURE.search(raw, len(raw) - MAX_SCANNED_LINE)
    if m is None:
        return
    run = m.group("run")
    starts = [p for p, _, _ in find_places(run)]
    if not starts:
        return
    ends = [*starts[1:], len(run)]
    first = normalize_inline(_SEAL_NOTE.sub("", run[starts[0] : ends[0]]))
    if not names_body(first) or not names_body(_SEAL_NOTE.sub("", run[starts[0] :])):
        return
    head.put("signature_org", first, k)
    head.put("signature_date", parse_date(m.group("date")), k)
    # the line stays the text's whole: cut before the signature, its last words ("…推荐表.docx")
    # would read as a truncated tail and take the text with them


_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?!\d)")


def _closing_credit(lines: _Lines, k: int) -> str | None:
    """The body a news item credits after its last sentence ("…高质量发展。(涟水县科技局)"), taken
    off that line; not a bureau's division ("(法规处)"). A plan's task list that notes a responsible body after each task ("…。(市科技
    局)") credits none: the note must close the text, stand in it once, and close no plan's parts."""
    if k < 0 or lines.removed[k]:
        return None
    m = _CLOSING_CREDIT.search(lines.raw[k])
    if m is None:
        # the note on a line of its own under the last sentence ("…工作。" / "(哈密地区科技局)")
        m = _CREDIT_ALONE.fullmatch(lines.raw[k])
        above = _line_above(lines, k)
        if m is None or above is None or not above.rstrip().endswith(tuple("。！？!?")):
            return None
    if not names_body(name := normalize_inline(m.group("body"))):
        return None
    if name[-1] in "处科室股":
        return None  # a bureau's division that wrote the item ("(法规处)") issues nothing
    notes = sum(len(_CREDIT_NOTE.findall(raw)) + _credit_alone(raw) for raw in lines.raw)
    if notes != 1:
        return None
    if any(_PART_HEADING.match(line) for line in lines.norm[:k]):
        return None  # a plan's parts (一、工作目标): its one note names a task's lead
    lines.raw[k] = lines.raw[k][: m.start("note")]
    lines.norm[k] = normalize_inline(lines.raw[k])
    return name


_CLOSING_CREDIT = re.compile(
    r"[。！？!?]\s*(?P<note>[(（]\s*(?P<body>[^()（）]{2,30}?)\s*[)）])\s*$"
)
_CREDIT_NOTE = re.compile(r"[。；;！？!?]\s*[(（][^()（）]{2,30}[)）]")
_CREDIT_ALONE = re.compile(r"\s*(?P<note>[(（]\s*(?P<body>[^()（）]{2,30}?)\s*[)）])\s*")


def _credit_alone(raw: str) -> bool:
    """A line that is only a bracketed body's name; a bracketed photo caption or note on its own
    line ("（图为签约现场）") credits nobody, so it does not make a page's one credit a second one."""
    m = _CREDIT_ALONE.fullmatch(raw)
    return m is not None and names_body(normalize_inline(m.group("body")))


_PART_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:章|部分)"
)


def _dates_the_page(fields: list[HeaderField], lines: _Lines, k: int) -> bool:
    """True when line k's fields give the page's date in full ("更新时间:2018-03-23", "日期:2018-03-23
    来源:某某局"); a notice's own "时间:3月1日" gives none. A bare 日期 or 时间 is also how a notice
    closes on its event ("地点:… / 时间:2024年3月15日上午9:00"): it dates the page only beside the
    page's other furniture, a 来源 or 作者 on its line or the line above."""
    dated = [f for f in fields if f.name == "page_date" and f.value and parse_date(f.value)]
    if not dated:
        return False
    if any(f.label not in _BARE_DATE_LABELS for f in dated):
        return True
    if any(f.name != "page_date" and f.value for f in fields):
        return True
    above = _line_above(lines, k)
    if above is None:
        return False
    neighbour = parse_header_line(above)
    return (neighbour is not None and any(f.name == "source" for f in neighbour)) or (
        tail_source(above) is not None
    )


_BARE_DATE_LABELS = frozenset({"日期", "时间"})


def _line_above(lines: _Lines, k: int) -> str | None:
    j = k - 1
    while j >= 0 and not lines.norm[j]:
        j -= 1
    return lines.raw[j] if j >= 0 and not lines.removed[j] else None


# what a page prints under a document's signature for its attachments: "附件：1.…", "相关附件:",
# "附件下载:", a file's name ("某某办法.pdf")
_TRAILING_ATTACHMENT = re.compile(r"(?:相关)?附件(?:下载|列表)?\s*\d{0,2}\s*[:：]?|文件下载")
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|zip|rar|ofd)\s*$", re.I)
MAX_TRAILING_ATTACHMENT = 80  # characters of a line listing an attachment


def _drop_trailing_attachments(lines: _Lines, start: int) -> None:
    """Take off an attachment list printed under the signature ("某某局" / date / "附件：1.某某
    办法.pdf"): it hid the signature, whose body and date were then lost."""
    seen: list[int] = []
    k = len(lines) - 1
    while k >= start and len(seen) < MAX_ATTACHMENT_LINES:
        line = lines.norm[k]
        if lines.removed[k]:
            k -= 1
            continue
        if len(line) > MAX_TRAILING_ATTACHMENT:
            return
        seen.append(k)
        if _TRAILING_ATTACHMENT.match(line):
            above = next((j for j in range(k - 1, start - 1, -1) if not lines.removed[j]), None)
            if above is not None and signature_line(lines.norm[above]) is not None:
                for idx in seen:
                    lines.drop(idx, WHY_ATTACHMENT_LINKS)
            return
        if not (_FILE_NAME.search(line) or _SECTION_ITEM.match(line)):
            return
        k -= 1


_SECTION_ITEM = re.compile(r"\d{1,2}[.．、]|[(（]\d{1,2}[)）]")


def _drop_attachment_list(lines: _Lines, start: int, k: int) -> None:
    """Remove `附件：1.… 2.…` when it is the last thing above the signature (line k and up)."""
    seen: list[int] = []
    while k >= start and len(seen) < MAX_ATTACHMENT_LINES:
        line = lines.norm[k]
        if lines.removed[k]:
            k -= 1
            continue
        if len(line) > 60:
            return
        seen.append(k)
        if ATTACHMENT_LINE.match(line):
            for idx in seen:
                lines.removed[idx] = True
            return
        k -= 1


_POINTER_GLYPHS = "➤►▶▷▸☞👉→"
# A prompt to the reader, not a name of anything: an imperative to click, tap or scan opening the
# line, a pointer glyph before it ("➤点击图片可浏览大图", "请扫描二维码观看视频"). A page prints it
# under its fields, by the picture or the code it points to; above them the line is the headline
# ("扫描电镜图像处理中心在我县建成"), and a pointer glyph alone only sets a headline ("►我县出台…").
_READER_PROMPT = re.compile(
    rf"[{_POINTER_GLYPHS}]?\s*(?:请|可)?(?:点击|单击|轻触|轻点|长按|扫描|扫码)[^。]{{0,12}}?"
    r"(?:图|二维码|查看|浏览|观看|收听|阅读|进入|关注|这里|此处|更多|下载)"
)


MAX_COLUMN_NAME = 4  # characters: "媒体聚焦", "阳光价费", "区县动态" (two words of two)


def _is_column_name(lines: _Lines, i: int) -> bool:
    """A site's column or channel name above the headline ("媒体聚焦" / "阳光价费" / the headline):
    a word or two with no document type, then another such name or a longer line that reads as a
    title."""
    line = lines.norm[i]
    if not _column_like(line):
        return False
    nxt = next((n for n in lines.norm[i + 1 : i + 4] if n), "")
    return _column_like(nxt) or (len(nxt) > len(line) and title_like(nxt))


def _column_like(line: str) -> bool:
    # a column may be named by the kind of document it lists ("通知公告", "政策解读")
    return 0 < len(line) <= MAX_COLUMN_NAME and title_score(line) <= 1 and title_like(line)


def _dated_byline(line: str) -> tuple[str, str] | None:
    """(body, date) of a byline that names a body and its date ("某某市科学技术局 2022年4月24日")."""
    if len(line) > MAX_SCANNED_LINE:
        return None
    signed = signature_line(line)
    if signed is None or signed[0] is None or signed[1] is None:
        return None
    return signed[0], signed[1]


# A credit: reporters, correspondents, photographers ("本报记者 张三 通讯员 李四", "文/图 张三",
# "本报讯(记者 张三)", "某某日报记者 张三"), or an office and a name with no body before it ("市长 王五").
# Read on the raw line: a space or a colon parts the credit from the name ("文化强市" is none).
_PERSON = r"[\u4e00-\u9fff·]{2,4}"
_CREDIT = (
    r"(?:(?:[\u4e00-\u9fff]{0,8}(?:报|社|台|网|刊|新闻|融媒体?|中心))?(?:特约|实习|首席)?"
    r"(?:记者|通讯员|实习生|编辑|摄影|撰稿|文|图|摄)(?:\s*[:：]\s*|\s+)"
    r"|(?:文/图|图/文)\s*[:：]?\s*)"
)
# the outlet a credit names before its reporters ("大象新闻记者 张三", "某某日报讯(记者 张三)")
_CREDIT_OUTLET = re.compile(
    rf"[□■\s]*(?P<outlet>{NEWS_OUTLET})(?:{NEWS_DAY})?(?:讯|电)?\s*[(（]?\s*(?:特约|实习|首席)?"
    r"(?:记者|通讯员)"
)
_CREDIT_LINE = re.compile(
    rf"[□■\s]*(?:[\u4e00-\u9fff]{{0,8}}讯)?[(（]?\s*{_CREDIT}{_PERSON}"
    rf"(?:[\s、,，/]+(?:{_CREDIT})?{_PERSON})*\s*[)）]?(?:\s+(?:报道|摄影?))?"
    r"|(?:代理|代|副|常务副)?(?:总理|省长|市长|区长|县长|旗长|州长|主席|局长|厅长|主任|书记|部长)\s+"
    rf"{_PERSON}"
)


def _page_heading_above(lines: _Lines, head: _Head, title_parts: list[str], i: int) -> bool:
    """True when line i is breadcrumbs right under a first title candidate, before anything else
    of the head was read: pages print their crumbs above the document, so that candidate was a
    site's or a column's heading."""
    return (
        bool(title_parts)
        and len(head.title_lines) == len(title_parts)
        and not head.header
        and head.byline is None
        and head.addressee is None
        and head.page_date is None
        and is_crumbs(lines.norm[i])
        # a field table with a stray ">" of the page's markup ("索 引 号: … class=\"…\"> 2024-04-02")
        # is the document's header, whatever marks it carries
        and parse_header_line(lines.raw[i]) is None
    )


# a list item: "- 某某在调研…时强调", "• 市委常委会召开会议" (an e-paper's 标题导航, a site's menu)
_LIST_ITEM = re.compile(r"\s*[-•·●▪◆■*]\s*\S")


def _in_menu(lines: _Lines, i: int) -> bool:
    """True when line i is an item of a list at the top of a page (the item above or below it is
    one too, and neither is a header field such as "- 索引号: …"): an e-paper's 标题导航 lists the
    page's other headlines, a site its menu; the document's title is never one of them."""
    if not _is_list_item(lines.raw[i]):
        return False
    near = [k for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines.norm[k]]
    return any(_is_list_item(lines.raw[k]) for k in near)


def _in_list(lines: _Lines, i: int) -> bool:
    near = [k for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines.norm[k]]
    return any(_LIST_ITEM.match(lines.raw[k]) is not None for k in near)


def _has_figure(text: str) -> bool:
    # a headline's ordinal (第12次常务会议) is no figure
    return next(find_quantities(text), None) is not None


def _is_list_item(raw: str) -> bool:
    # a headline's or a menu entry's length, no sentence and no figure: a text's own bulleted
    # results stay, with or without their 。 ("- 新增高新技术企业36家")
    item = raw.strip()
    return (
        len(item) <= MAX_MENU_ITEM
        and _LIST_ITEM.match(item) is not None
        and SENTENCE_END.search(item) is None
        and parse_header_line(raw) is None
        and not _has_figure(item)
    )


MAX_MENU_ITEM = 42  # characters: a headline and its bullet


def _opening_furniture(lines: _Lines, head: _Head, i: int) -> str | None:
    """Why line i, above the title, is the page's furniture (`briefing.extract.page`), or None."""
    line = lines.norm[i]
    if (why := opening_furniture(line)) is not None:
        return why
    if _is_reader_prompt(line, head):
        return WHY_READER_PROMPT
    if _is_column_name(lines, i):
        return WHY_COLUMN
    return WHY_MENU if _in_menu(lines, i) else None


def _is_reader_prompt(line: str, head: _Head) -> bool:
    """True for a prompt to the reader under the page's fields (see `_READER_PROMPT`)."""
    return (
        (bool(head.header or head.page_date) or _CLICK.match(line) is not None)
        and len(line) <= 80
        and _READER_PROMPT.match(line) is not None
    )


# a prompt to click or tap opening a line: no headline opens so (扫描 does: "扫描电镜…"), so above
# any field as well ("点击查阅更多2023年地方政府工作报告" over a report's occasion)
_CLICK = re.compile(rf"[{_POINTER_GLYPHS}]?\s*(?:请|可)?(?:点击|单击|轻触|轻点|长按)")


SCAN_LINES = 40  # lines of the page's opening read for dates and a cover letter's signature
MAX_SCANNED_LINE = 80  # characters
# "2017年1月16日在安徽省第十二届人民代表大会第七次会议上": a speech's date, however bracketed
_SPEECH_DATE_TAIL = re.compile(r"\s*在[^。；;]{0,60}(?:会议|大会|会上|第[一二三四五六七八九十]+届)")
# the dash may be any of its look-alikes: "――" (two U+2015) on pages set by other systems
_SPEECH_DATE_HEAD = re.compile(r"[(（—―–‒─\-－\s]*")
# "2021-07-23 10:19:17", "2024/11/18 6:02:07": a page's time stamp
_TIMESTAMP = re.compile(r"(?<!\d)(\d{4}([-/])\d{1,2}\2\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


# words after a time stamp that make it an agenda's line, not a page's: any Chinese word but the
# page's own controls and counters (打印, 关闭, 浏览, 点击, 字号, 分享, 来源)
_AGENDA_TAIL = re.compile(r"\s*(?!打印|关闭|浏览|点击|字号|分享|来源|【)[\u4e00-\u9fff]")


def _scan_head(lines: _Lines, head: _Head) -> None:
    """What the first lines of a page say when they are no tidy head: a speech's date line, a
    page's time stamp, and a cover letter's signature (an issuing body, then a date, on lines of
    their own: "河北省人民政府" / "2018年3月3日")."""
    limit = min(len(lines), SCAN_LINES)
    for k in range(limit):
        line = lines.norm[k]
        if not line or k in head.signature_lines:
            continue  # a short page's closing signature is read by `_read_signature`
        if len(line) > MAX_SCANNED_LINE:
            continue  # body text: none of the shapes below is this long
        # cheap character tests first: most lines are none of these
        if head.occasion is None and "在" in line:
            occasion = _occasion_at(lines, k)
            if occasion is not None:
                head.occasion = (k, occasion[1])
                head.put("subtitle_date", occasion[0], k)
        if head.timestamp_date is None and ":" in line:
            stamp = _TIMESTAMP.search(line)
            # under a signature ("某某市科学技术局" / "2024年3月1日") a time followed by words is an
            # attached agenda's ("2024-03-15 09:00 报到"), not when the page went up; a bare
            # stamp or one before the page's controls ("10:20:33 【打印本页】") still is
            if stamp is not None and (
                head.early_sign_date is None or _AGENDA_TAIL.match(line, stamp.end()) is None
            ):
                head.put("timestamp_date", parse_date(stamp.group(1)), k)
        if (
            head.doc_no_line is None
            and ("号" in line or "號" in line)
            and DOC_NO_LINE.fullmatch(line)
        ):
            head.put("doc_no_line", line, k)  # under a cover letter's title, below the head
        if head.early_sign_date is None and k + 1 < limit and is_org_line(line):
            date = date_only(lines.norm[k + 1])
            if date is not None and _text_above(lines, k):
                first = _first_signer(lines, k)
                head.put("early_sign_org", lines.norm[first], first)
                head.put("early_sign_date", date, k + 1)
                # the signature of a cover letter: the document's, never its body's text
                for j in range(first, k + 2):
                    if not lines.removed[j]:
                        lines.removed[j] = True
                        head.signature_lines.add(j)


# A page's own date: a labelled date field ("发布时间: 2021-05-12", "时间:2024-11-26 作者:…"), or a
# numeric date opening the line ("2021-08-23 保定市科技局", "2015-11-06 09:41 张三", "19.05.2015
# 00:24"). A date in 年月日 alone closes a notice or a letter (its signing date), never the page's.
_PAGE_DATE_FIELDS = frozenset({"published_date", "page_date", "generated_date"})
_NUMERIC_DATE_OPENING = re.compile(
    r"[\s•·]*(?:(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})(?!\d)"
)
MIN_HEADLINE = 6  # characters: "省科技厅到玉调研" is 8; a column's name is shorter


def _dates_page(raw_line: str) -> bool:
    """True when a line of the page's opening gives the date the page went up."""
    if len(raw_line) > MAX_SCANNED_LINE:
        return False
    fields = parse_header_line(raw_line)
    if fields is not None:
        return any(f.name in _PAGE_DATE_FIELDS and f.value and parse_date(f.value) for f in fields)
    # a full date then the page's fields ("2022年09月26日 19:03 | 来源:某某网"): however the date is
    # written, the fields after it make the line the page's, not a signature
    return _NUMERIC_DATE_OPENING.match(raw_line) is not None or dated_header(raw_line) is not None


def _headline_above_date(lines: _Lines) -> int | None:
    """The line a web page prints right above the line that dates it (over any other field lines
    between them: 来源, 关键词): its headline, when it reads as one. Pages print slogans, hot-lines,
    tickers and menus above it; none of them stands against the page's date."""
    for j in range(min(len(lines), SCAN_LINES)):
        if not lines.norm[j] or not _dates_page(lines.raw[j]):
            continue
        k = j - 1
        while k >= 0 and (not lines.norm[k] or parse_header_line(lines.raw[k]) is not None):
            k -= 1
        if k < 0:
            return None
        line = lines.norm[k]
        if (
            len(line) >= MIN_HEADLINE
            and title_like(line)
            and not is_org_line(line)
            and furniture_shape(line) is None
            and not _column_like(line)
            and line[0] not in "—－-(（【["
            and _CREDIT_LINE.fullmatch(lines.raw[k]) is None  # "本报记者 张三" over the date
            and not is_photo_caption(line)
        ):
            return k
        return None
    return None


def _misses_headline(lines: _Lines, head: _Head, headline: int) -> bool:
    """True when the head's reading took no title, or took as the title lines above the headline
    that do not run into it (something other than a field stands between: a menu, a phone number)
    or that are a site's banner and a column's name."""
    if headline in head.title_lines:
        return False
    if not head.title_lines:
        return True
    if head.title is not None and title_score(head.title) > 1:
        return False  # a title that names its issuer or its kind (关于…的通知) is the document's
    last = max(head.title_lines)
    if headline <= last:
        return False
    if any(is_org_line(lines.norm[k]) or _column_like(lines.norm[k]) for k in head.title_lines):
        return True  # a site's banner and a column's name ("某某市科学技术局" / "工作动态")
    if headline == last + 1:
        # a slogan banner right over the headline ("科技创新让城市更美好" / "某某市科技局召开…" /
        # the date): the head did not run the two together, so they are no title broken over
        # lines; a shorter line under the head's title and against the date is its subtitle
        return head.title is not None and len(lines.norm[headline]) > len(head.title)
    return any(
        lines.norm[k] and parse_header_line(lines.raw[k]) is None for k in range(last + 1, headline)
    )


def _text_above(lines: _Lines, k: int) -> bool:
    """True when anything (a title, a letter's text) stands above line k: a signature closes what
    it signs; a body and a date that open the page ("某省统计局 某省科学技术厅" / "2018年1月16日"
    over a bulletin) say who released it and when, not who signed what."""
    return any(lines.norm[j] for j in range(k))


def _first_signer(lines: _Lines, k: int) -> int:
    """The first of the bodies stacked above a signing date ("湖南省科学技术厅" / "湖南省财政厅" /
    … / "2025年6月16日"), by its line: joint issuers sign with the leading body first, as the
    closing signature is read."""
    first = k
    j = k - 1
    # a body the name list does not know ("中国人民银行湖南省分行") may stand among them
    while j >= 0 and _STACKED_NAME.fullmatch(lines.norm[j]) is not None:
        if is_org_line(lines.norm[j]):
            first = j
        j -= 1
    return first


_STACKED_NAME = re.compile(r"[\u4e00-\u9fff()（）]{4,30}")


def _occasion_at(lines: _Lines, k: int) -> tuple[str, int] | None:
    """(date, last line) of a speech's occasion opening at line k, also when the page broke it
    over two lines: "(2023年12月27日在福州市马尾区" / "第十一届人民代表大会第三次会议上)"."""
    line = lines.norm[k]
    date = _speech_date(line)
    if date is not None:
        return date, k
    dates = find_dates(line)
    if not dates or "在" not in line[dates[0][0][1] :] or k + 1 >= len(lines):
        return None
    joined = line + lines.norm[k + 1]
    date = _speech_date(joined) if len(joined) <= MAX_SCANNED_LINE else None
    return (date, k + 1) if date is not None else None


def _title_above_occasion(lines: _Lines, head: _Head) -> None:
    """A report's or a speech's own title stands right above its occasion ("政府工作报告" /
    "——2021年2月2日在…会议上"); a headline above that ("(安徽省)2017年安徽省人民政府工作报告(全文)",
    "区十一届人大三次") is the page's or the session's, and the lines down to the occasion are head.
    A cover notice that prints a speech under it keeps its own title."""
    if head.occasion is None:
        return
    first, last = head.occasion
    j = first - 1
    while j >= 0 and (not lines.norm[j] or speaker_body(lines.norm[j]) is not None):
        j -= 1
    if j < 0:
        return
    line = lines.norm[j]
    if not title_like(line) or is_org_line(line) or not ENDS_WITH_DOC_TYPE.search(line):
        return
    run = [j]
    title = line
    known = head.title or ""
    while run[0] > 0:
        above = lines.norm[run[0] - 1]
        if not above or not title_like(above):
            break
        if not (can_join(above, title) or (known and above.strip(_BULLETS) + title in known)):
            break
        run.insert(0, run[0] - 1)
        title = above.strip(_BULLETS) + title
    title = normalize_inline(title)
    if head.title is not None and _COVER_NOTICE.search(head.title):
        return
    if any(not lines.removed[k] and SENTENCE_END.search(lines.norm[k]) for k in range(run[0])):
        return  # sentences above: a speech printed inside another text, whose head is not this
    if title != head.title:
        head.title, head.title_lines = title, run
    for k in range(last + 1):
        lines.removed[k] = True


_COVER_NOTICE = re.compile(r"印发|转发")
_BULLETS = " \t•·●▪◆■◇※-*|>"


def _speech_date(line: str) -> str | None:
    dates = find_dates(line)
    if not dates:
        return None
    (start, end), iso = dates[0]
    lead = _SPEECH_DATE_HEAD.fullmatch(line, 0, start)
    return iso if lead is not None and _SPEECH_DATE_TAIL.match(line, end) else None


# "市人民政府", "自治区人民政府": a body named by its level, without its place
_PLACELESS = re.compile(r"^(?:自治[区州县旗]|[省市县区州旗])(?=[\u4e00-\u9fff]{2})")


def _placed_name(name: str | None, text: str, title: str | None) -> str | None:
    """A government named without its place, placed by the congress its report is delivered to
    ("在潮州市第十五届人民代表大会…上" makes "市人民政府" 潮州市人民政府) or by the place its title
    opens with ("2024年大同市政府工作报告"); unchanged otherwise. A bureau keeps the text's short
    name (市科技局): the briefing places it when it shows it."""
    level = _PLACELESS.match(name) if name else None
    if not name or level is None:
        return name
    # the place must be of the level the name gives: 自治区 for 自治区人民政府, 市 for 市人民政府
    congress = _CONGRESS_PLACE.search(text[:3000])
    if congress is not None and congress.group("place").endswith(level.group()):
        return congress.group("place") + name[level.end() :]
    placed = _title_place(title) if title and _GOVERNMENT.search(name) else None
    if placed is not None and placed.endswith(level.group()):
        return placed + name[level.end() :]
    return name


def _fuller_in_text(name: str | None, body: str) -> str | None:
    """A name clipped to its last words ("来源:统筹中心") in the fuller form the text's opening gives
    it ("1月17日下午,市科技资源统筹中心召开…" -> 市科技资源统筹中心): the nearest level (省, 市…)
    or place opening a name that ends in the clipped one. A name with its place or level, or one
    the opening never names more fully, is kept."""
    if not name or _PLACELESS.match(name) or name.startswith(_NATIONAL):
        return name
    places = find_places(name)
    if places and places[0][0] == 0:
        return name
    opening = body[:FULLER_OPENING]
    at = opening.find(name)
    while at > 0:
        lead = _NAME_LEAD.search(opening, max(0, at - MAX_NAME_LEAD), at)
        if lead is not None:
            fuller = _fuller_from(opening[lead.start() : at], name)
            if fuller is not None:
                return fuller
        at = opening.find(name, at + 1)
    return name


def _fuller_from(lead: str, name: str) -> str | None:
    """`lead` + `name` from the first place or level character of `lead` on, when that names a body."""
    for start, ch in enumerate(lead):
        placed = find_places(lead[start:])
        if ch in _LEVELS or (placed and placed[0][0] == 0):
            fuller = lead[start:] + name
            return fuller if names_body(fuller) else None
    return None


FULLER_OPENING = 600  # characters
MAX_NAME_LEAD = 16  # characters of a name before its clipped words
_NAME_LEAD = re.compile(r"[\u4e00-\u9fff]+$")
_LEVELS = frozenset("省市县区州旗")
_NATIONAL = ("国", "中国", "中华", "中央", "中共", "全国")


def _title_place(title: str) -> str | None:
    """The place a title opens with, after its year, as printed: "2024年大同市政府工作报告" ->
    大同市, "福州市马尾区政府工作报告" -> 福州市马尾区. Only a place the place list knows: a title's
    opening words are no place because they end in 市 or 区 ("关于推进全市…", "在全市…")."""
    year = _TITLE_YEAR.match(title)
    start = year.end() if year is not None else 0
    end = start
    for p_start, p_end, _ in find_places(title[start : start + MAX_TITLE_PLACE]):
        if p_start != end - start:
            break
        end = start + p_end
    return title[start:end] if end > start else None


MAX_TITLE_PLACE = 20  # characters: a province, a city and a district
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}年度?")
_GOVERNMENT = re.compile(r"(?:人民政府|政府)$")


_CONGRESS_PLACE = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{2,10}?[省市县区州盟旗])\s*第[一二三四五六七八九十]{1,3}届"
)


def _field_date(raw: RawDocument, name: str) -> str | None:
    value = raw.fields.get(name)
    return parse_date(value) if value else None


def _field_text(raw: RawDocument, name: str) -> str | None:
    value = raw.fields.get(name)
    return normalize_inline(value) or None if value else None


def parse_document_text(raw: RawDocument) -> ParsedText:
    """Split a reader's text into metadata and body. Never raises on any text.

    A page in traditional characters is read, here and by every later stage, as its simplified
    original (`briefing.extract.script`): its body and metadata come out simplified."""
    traditional = is_traditional(raw.text)
    if traditional:
        raw = replace(
            raw,
            text=to_simplified(raw.text),
            fields={name: to_simplified(value) for name, value in raw.fields.items()},
        )
    lines = _Lines(raw.text)
    head = _Head()
    body_start = _read_head(lines, head)
    headline = _headline_above_date(lines)
    if headline is not None and _misses_headline(lines, head, headline):
        # a slogan, a hot-line or a ticker stood where the head looked for the title: the page's
        # headline is the line that dates it, read from there
        lines, head = _Lines(raw.text), _Head()
        body_start = _read_head(lines, head, headline)
    _read_cover_letter(lines, head, body_start)
    _attached_title(lines, head, body_start)
    _cover_date(lines, head, body_start)
    _drop_trailing_attachments(lines, body_start)
    _read_signature(lines, head, body_start)
    _glued_signature(lines, head, body_start)
    # Official header lines may also sit below the head (some sites print the block at the end);
    # a weaker field (标题, 来源) counts when it stands in the block, next to a strong one.
    found: dict[int, list[HeaderField]] = {}
    block_start: int | None = None
    for k in range(body_start, len(lines)):
        if not lines.removed[k]:
            fields = parse_header_line(lines.raw[k])
            if fields is not None:
                found[k] = fields
    for k, fields in found.items():
        in_block = is_strong(fields) or (
            k < MAX_HEAD_LINES and any(j in found and is_strong(found[j]) for j in (k - 1, k + 1))
        )
        if in_block:
            _record_header(head, fields, k)
            lines.removed[k] = True
            block_start = k if block_start is None else min(block_start, k)
    if block_start is not None:
        _menu_above_fields(lines, body_start, block_start)
    _scan_head(lines, head)
    _title_above_occasion(lines, head)
    notes: list[str] = [TRADITIONAL_NOTE] if traditional else []
    warnings: list[str] = []
    hdr = head.header
    picked: dict[str, str] = {}  # field -> the candidate that gave it (a key of _WHERE)

    header_written = _header_date(hdr, "written_date")
    signed, signed_by = _first(
        [
            (head.signature_date, "signature_date"),
            (head.cover_sign_date, "cover_sign_date"),
            (head.head_sign_date, "head_sign_date"),
            (head.early_sign_date, "early_sign_date"),
        ]
    )
    written = _pick(
        picked,
        "written_date",
        [
            (_field_date(raw, "written_date"), "given"),
            (header_written, "header.written_date"),
            (signed, signed_by or ""),
            (head.subtitle_date, "subtitle_date"),
            (_title_date(head.title), "title_date"),
        ],
    )
    if header_written and signed and header_written != signed and written == header_written:
        notes.append(
            f"文件头成文日期（{header_written}）与落款日期（{signed}）不一致，以文件头为准。"
        )
    published = _pick(
        picked,
        "published_date",
        [
            (_field_date(raw, "published_date"), "given"),
            (_header_date(hdr, "published_date"), "header.published_date"),
            (_header_date(hdr, "generated_date"), "header.generated_date"),
            (head.page_date, "page_date"),
            (_header_date(hdr, "page_date"), "header.page_date"),
            (head.timestamp_date, "timestamp_date"),
            (lines.chrome_date, "chrome_date"),
        ],
    )

    given_title, given_by = _first(
        [(_field_text(raw, "title"), "given"), (_clean(hdr.get("title")), "header.title")]
    )
    title = _pick_title(given_title, head.title)
    picked["title"] = "title" if title is not None and title == head.title else given_by or ""
    if (
        given_title
        and head.title
        and title_score(head.title) <= 2
        and not same_title(title_core(given_title), title_core(head.title))
    ):
        # The reader named the document, and the text's first short line is no title: it is body;
        # above a field block lower down it was the site's (its menu, its name)
        for k in head.title_lines:
            if block_start is not None and k < block_start and _menu_line(lines.norm[k]):
                lines.drop(k, WHY_ABOVE_FIELDS)
            else:
                lines.removed[k] = False
    body = lines.body()
    answered: str | None = None  # the proposal a reply printed above itself
    if title and not head.title_from_cell and _quoted_proposal(title, body):
        answered, title = title, None
    layout, at_line = _layout(lines, head, body_start, title)
    frame = layout.frame_text()
    layout.host = _page_host(layout, frame)
    if written is None and published is None:
        published = _pick(picked, "published_date", [(_meeting_day(body, title), "meeting_day")])
    issuer = issuer_of_title(title) if title else None
    speaking_for = _speaking_for(body)
    header_publisher = _body(_not_a_site(_clean(hdr.get("publisher"))))
    title_issuer = _body(issuer)
    candidates: list[tuple[str | None, str]] = [
        (
            _issuing_body(title_issuer, header_publisher),
            "issuer" if title_issuer else "header.publisher",
        ),
        (_source_body(hdr.get("source")), "header.source"),
        (_author_body(hdr.get("author")), "header.author"),
        (head.byline, "byline"),
        (head.signature_org, "signature_org"),
        (head.letterhead, "letterhead"),  # after the signature: a portal's column may read as one
        (head.tail_source, "tail_source"),
        (head.early_sign_org, "early_sign_org"),
        (speaking_for, "speaking_for"),
        (_reporting_government(title), "reporting_government"),
    ]
    if head.occasion is not None and speaking_for is not None:
        # a speech or a report delivered at a meeting ("——2026年1月27日在…会议上"): the body it is
        # delivered for ("我代表市人民政府") wrote it, not the office whose site carries it (来源)
        candidates.insert(1, (speaking_for, "speaking_for"))
    fullest, fullest_by = _fullest([(_body(c), by) for c, by in candidates])
    informing = _informing_body(body) if _news_item(raw.text, body, hdr.get("source")) else None
    publisher = _pick(
        picked,
        "publisher",
        [
            (_field_text(raw, "publisher"), "given"),  # the reader's own field: taken as given
            (fullest, fullest_by or ""),
            (_body(informing), "informing_body"),
            (_body(_outlet(hdr.get("source"), _credit_outlet(raw.text), body)), "outlet"),
            (_body(_government_host(layout.host)), "host"),
            (_body(_government_host(head.banner)), "banner"),
        ],
    )
    placed = _placed_name(_fuller_in_text(publisher, body), layout.document_text(), title)
    if placed != publisher:
        picked["publisher"] += "+placed"
    publisher = placed
    if title:
        display_title, derived = title, False
    else:
        display_title, derived = derive_display_title(body), True
        if display_title == UNTITLED and answered is not None:
            display_title = f"《{answered.strip('《》')}》的答复"
        if display_title == UNTITLED:
            notes.append("文件没有标题，简报中以文件名标示。")
        else:
            notes.append(f"文件没有标题，显示名称“{display_title}”取自正文开头。")
    if not body.strip() and raw.text.strip():
        warnings.append(f"{raw.source}: 未识别到正文内容")
    doc_no = _pick(
        picked,
        "doc_no",
        [
            (_field_text(raw, "doc_no"), "given"),
            (_clean(hdr.get("doc_no")), "header.doc_no"),
            (head.doc_no_line, "doc_no_line"),
        ],
    )

    layout.source = _clean(hdr.get("source")) or head.tail_source
    metadata = Metadata(
        title=title,
        display_title=display_title,
        title_derived=derived,
        index_no=_field_text(raw, "index_no") or _clean(hdr.get("index_no")),
        doc_no=doc_no,
        publisher=publisher,
        written_date=written,
        published_date=published,
        topic=_field_text(raw, "topic") or _clean(hdr.get("topic")),
        genre=_field_text(raw, "genre") or _clean(hdr.get("genre")),
        addressee=_field_text(raw, "addressee") or _clean(hdr.get("addressee")) or head.addressee,
        url=raw.fields.get("url") or None,
    )
    layout.origins = _origins(metadata, picked, head, lines, at_line, layout)
    return ParsedText(metadata=metadata, body=body, notes=notes, warnings=warnings, layout=layout)


def _layout(
    lines: _Lines, head: _Head, body_start: int, title: str | None
) -> tuple[PageLayout, dict[int, int]]:
    """The roles the reading gave the page's lines, in the page's order (`briefing.extract.page`),
    and where each read line (by its index in `lines`) stands in the layout; a chrome line is
    there by its negative index, -1 - (its place among the chrome lines)."""
    chrome = iter(enumerate(lines.chrome))
    pending = next(chrome, None)
    out: list[PageLine] = []
    at_line: dict[int, int] = {}
    # the lines the head read as the title, when that title is the document's (a tag the head
    # rejected, "【企业会计准则】", or a title a field replaced, is no title line)
    titled = set(head.title_lines) if title and head.title == title else set()
    bar: set[int] = set()
    spelled = normalize_inline(title or "")
    if titled and normalize_inline("".join(lines.norm[k] for k in sorted(titled))) != spelled:
        # the lines read first do not spell the title, a line set aside below does: those were the
        # page's title or title bar ("某某会议召开_某某市人民政府门户网站", "重庆:关于…"), this one
        # the document's own
        own = next(
            (
                k
                for k in range(min(titled), len(lines))
                if k not in titled
                and lines.removed[k]
                and normalize_inline(lines.norm[k]) == spelled
            ),
            None,
        )
        if own is not None:
            bar, titled = titled, {own}
    for k in range(len(lines) + 1):
        while pending is not None and pending[1][0] == k:
            at_line[-1 - pending[0]] = len(out)
            out.append(
                PageLine(pending[1][1], FURNITURE, WHY_CHROME, lines.chrome_number[pending[0]])
            )
            pending = next(chrome, None)
        if k == len(lines):
            break
        at_line[k] = len(out)
        if not lines.removed[k]:
            role, why = BODY, ""
        elif k in titled:
            role, why = TITLE, ""
        elif k in bar:
            role, why = FURNITURE, WHY_PAGE_TITLE
        elif k in lines.why:
            role, why = FURNITURE, lines.why[k]
        elif k in head.signature_lines:
            role, why = SIGNATURE, ""
        elif k < body_start or k in head.header_lines:
            role, why = HEAD, ""
        else:
            role, why = ASIDE, ""
        out.append(PageLine(lines.raw[k], role, why, lines.number[k]))
    return PageLayout(out), at_line


# how each candidate gives its field (`briefing explain --doc` prints it after the line)
_WHERE: dict[str, str] = {
    "given": "文件自带的元数据（网页元信息或文档属性）",
    "header": "文件头字段“{label}”",
    "title": "文件的标题行",
    "title_date": "标题末尾括号中的日期",
    "signature_date": "文末落款中的日期",
    "cover_sign_date": "印发通知落款中的日期",
    "head_sign_date": "标题下署名行中的日期",
    "early_sign_date": "页面开头单位名下一行的落款日期",
    "subtitle_date": "标题下的题注日期（“——…在…会议上”）",
    "page_date": "标题下标注页面日期的一行",
    "timestamp_date": "页面开头的时间戳",
    "chrome_date": "页面工具栏或计数行中的日期",
    "meeting_day": "正文开头所述会议的日期（页面未标日期）",
    "issuer": "标题中的发文机关",
    "byline": "标题下的署名行",
    "signature_org": "文末落款中的单位",
    "letterhead": "版头（“…文件”）中的单位",
    "tail_source": "正文末尾的来源或供稿单位",
    "early_sign_org": "页面开头的落款单位",
    "speaking_for": "正文中讲话人所代表的单位（“我代表…”）",
    "reporting_government": "政府工作报告标题中的政府",
    "informing_body": "新闻开头提供消息的单位（“记者从…获悉”）",
    "outlet": "撰稿的新闻媒体（电头、记者署名或来源）",
    "host": "承载页面的政府网站（页脚主办单位或网站名）",
    "banner": "标题上方单独一行的机关名（版头或网站名头）",
    "doc_no_line": "单独印出的文号行",
}
_FROM_TITLE = frozenset({"title", "title_date", "issuer", "reporting_government"})
_PLACED = "；单位名称据正文或页面补全"
_SPELLED = "；全称取自{where}"


def _origins(
    metadata: Metadata,
    picked: dict[str, str],
    head: _Head,
    lines: _Lines,
    at_line: dict[int, int],
    layout: PageLayout,
) -> dict[str, FieldOrigin]:
    """Where each metadata field came from: the candidate that gave it, and the layout's line it
    was read from (none for a reader's field or a body's sentence)."""
    origins: dict[str, FieldOrigin] = {}
    for name, by in picked.items():
        value = getattr(metadata, name)
        if not value:
            continue
        placed = by.endswith("+placed")
        by, _, spelled_by = by.removesuffix("+placed").partition(">")
        if by.startswith("header."):
            label = head.header_labels.get(by.removeprefix("header."), "")
            why = _WHERE["header"].format(label=label)
        else:
            why = _WHERE.get(by, "")
        line: int | None
        last: int | None = None
        if by in _FROM_TITLE:
            # the title's own lines, as the layout gives them that role
            titled = [n for n, ln in enumerate(layout.lines) if ln.role == TITLE]
            line, last = (titled[0], titled[-1]) if titled else (None, None)
        else:
            k = head.at.get(by)
            if by == "chrome_date" and lines.chrome_date_at is not None:
                k = -1 - lines.chrome_date_at
            line = at_line.get(k) if k is not None else None
        if spelled_by:
            why += _SPELLED.format(where=_WHERE.get(spelled_by, ""))
        origins[name] = FieldOrigin(value, why + (_PLACED if placed else ""), line, last)
    return origins


# "(黑龙江)某某市某某区人民政府工作报告(2025年1月14日)": a report's title as a site lists it,
# the province in brackets before it and the day it was delivered after it
# The title is the report's name and nothing else, and the government is a place's (its name ends
# in a division's suffix: 省, 市, 区, 县, 州, 旗, 盟, 镇, 乡, 街道): a resolution on the report
# ("…会议关于政府工作报告的决议") or a headline on its delivery ("张三代表县人民政府作政府工作报告")
# names none. The subtitle saying where it was delivered may run on ("——2024年1月8日在鄞州区第十八届
# 人民代表大会第四次会议上").
_REPORT_TITLE = re.compile(
    r"(?:[(（][\u4e00-\u9fff]{2,8}[)）])?(?:(?:19|20)\d{2}年度?)?"
    r"(?P<org>[\u4e00-\u9fff]{1,28}?(?:[省市区县州旗盟镇乡]|街道)(?:人民政府|政府))工作报告"
    r"(?:[(（][^()（）]{1,20}[)）])?"
    r"(?:\s*(?:—{1,2}|―{1,2}|－{1,2}|-{2})[^—―－]{1,60}(?:大会|会议)上)?"
)
_TITLE_DATE = re.compile(r"[(（]\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*[)）]$")


def _reporting_government(title: str | None) -> str | None:
    """The government whose work report the title names ("齐齐哈尔市铁锋区人民政府工作报告"): a
    政府工作报告 is delivered by the government it is of, so the title names its issuer."""
    m = _REPORT_TITLE.fullmatch(title) if title and "工作报告" in title else None
    return m.group("org") if m is not None and is_org_line(m.group("org")) else None


def _title_date(title: str | None) -> str | None:
    """The full date a title closes with in brackets ("…工作报告(2025年1月14日)"): the day the
    text was delivered or signed, the title's own subtitle run onto its line."""
    m = _TITLE_DATE.search(title) if title and title.endswith((")", "）")) else None
    return parse_date(m.group("date")) if m is not None else None


def _issuing_body(issuer: str | None, header: str | None) -> str | None:
    """The body a title names as its issuer before a header's 发布机构: the header often gives a
    short form (市科技局 under "重庆市科学技术局关于…") or the site's owner reposting the text; of
    two names of one body (区科技局 and a title's 科技局, 昆明市科学技术局 and 昆明市科技局) the
    fuller."""
    if issuer and header and _same_body(issuer, header):
        return max(issuer, header, key=len)
    return issuer or header


def _body(candidate: str | None) -> str | None:
    """A publisher candidate when it is a body's name (`publisher_name`), whichever rule read it;
    None sends the reading on to the next candidate."""
    return candidate if candidate and publisher_name(candidate) else None


def _fullest(candidates: list[tuple[str | None, str]]) -> tuple[str | None, str | None]:
    """The first body named, in the fullest form another place of the page names it: a source
    line's "黑龙江人民政府" signed "黑龙江省人民政府", a byline's 市科技局 signed 某某市科学技术局;
    with the candidate that named it first."""
    names = [(c, by) for c, by in candidates if c]
    if not names:
        return None, None
    first, by = names[0]
    fullest, spelled_by = max(
        ((n, b) for n, b in names if n == first or _same_body(n, first)), key=lambda nb: len(nb[0])
    )
    # named by one candidate, spelled out by another: "header.source>signature_org"
    return fullest, by if fullest == first else f"{by}>{spelled_by}"


def _first(candidates: list[tuple[str | None, str]]) -> tuple[str | None, str | None]:
    """The first candidate that gives a value, and which candidate it is."""
    for value, by in candidates:
        if value:
            return value, by
    return None, None


def _pick(
    picked: dict[str, str], name: str, candidates: list[tuple[str | None, str]]
) -> str | None:
    """Field `name` from the first candidate that gives it; `picked` keeps which one did."""
    value, by = _first(candidates)
    if by is not None:
        picked[name] = by
    return value


def _same_body(a: str, b: str) -> bool:
    """One name shortens the other: the same kind of body (its last character), and the shorter's
    characters appear in order in the longer (市科技局 in 重庆市科学技术局)."""
    short, long = sorted((a, b), key=len)
    if short[-1] != long[-1]:
        return False  # 温州市人民政府 is not its 办公室
    rest = iter(long)
    return all(ch in rest for ch in short)


_PROPOSAL = re.compile(r"(?:建议|提案|议案)[)）》”]*$")
_ACKNOWLEDGED = re.compile(r"提出|收悉|收到|领衔")
_ANSWERING = re.compile(r"(?:收悉|收到)[^。]{0,20}?现(?:将[^。]{0,12})?答复(?:如下)?")
QUOTE_KEY = 10  # characters of a proposal's title that identify it in a reply's first sentence


def _quoted_proposal(title: str, body: str) -> bool:
    """True when the title is the proposal a reply answers ("关于加快科技成果转化的提案" above "您提出
    的《关于加快科技成果转化的提案》收悉", quoted or not): the reply's own title is not printed."""
    if _PROPOSAL.search(title) is None:
        return False
    key = title.strip("《》“”")[:QUOTE_KEY]
    opening = body[:1000]
    if _ANSWERING.search(opening[:REPLY_OPENING]) is not None:
        return True  # "…第123号提案收悉，现答复如下": the page is its answer, not the proposal
    at = opening.find(key)
    if at < 1:
        return False  # a body that opens with the title prints it again, it does not quote it
    start = max(opening.rfind(ch, 0, at) for ch in "。\n") + 1
    end = opening.find("。", at)
    return _ACKNOWLEDGED.search(opening[start : end if end >= 0 else len(opening)]) is not None


def _pick_title(given: str | None, printed: str | None) -> str | None:
    """The title a reader field or header 标题 gives, unless the text prints the same title naming
    its issuing body: page meta tags often carry the site's headline (重庆:关于…), not the title."""
    if (
        given
        and printed
        and issuer_of_title(printed)
        and not issuer_of_title(given)
        and same_title(title_core(given), title_core(printed))
    ):
        return printed
    return given or printed


# A news agency, paper, site or channel is where a page was copied from, not its issuing body.
_MEDIA = re.compile(r"(?:社|报|网|网站|在线|台|频道|客户端|新闻|传媒|杂志|期刊|融媒体中心)$")


def _not_a_site(value: str | None) -> str | None:
    """A header's 发布机构 that names a website ("科技部门户网站") names no issuing body."""
    return None if value is None or _SITE.search(value) else value


_SITE = re.compile(r"(?:网站|门户网|网)$")


# the site, paper or unit naming itself (本溪市 is a city)
_SELF_SOURCE = re.compile(r"本(?:站|网|报|台|刊|单位|部门|平台)")


def _source_body(value: str | None) -> str | None:
    """The 来源 of a page as its publisher, when it names an issuing body ("市政府办")."""
    source = _clean(value)
    if source is None or _SELF_SOURCE.match(source):
        return None  # "来源:本站", "本网", "本报": the site or paper itself names no body
    # "中山市统计局政务网站", "某某县人民政府门户网站": the site of a body names the body
    site = _BODYS_SITE.fullmatch(source)
    if site is not None and names_body(site.group("body")):
        return site.group("body")
    if _MEDIA.search(source) or not names_body(source) or _INNER_UNIT.fullmatch(source):
        return None
    return source


# A unit inside the body that runs the site, named bare ("来源:办公室", "来源:综合科", "来源:
# 政策法规处"): it says which office wrote the item, not which body issued it; the site's own
# body does (its banner, its footer's 主办单位)
_INNER_UNIT = re.compile(r"[^省市县区州旗镇乡局厅委部]{0,6}(?:办公室|科|处|股|室)")


def _author_body(value: str | None) -> str | None:
    """The 作者 of a page when it names a body ("作者:某某市科技局"), never a person's name."""
    author = _clean(value)
    return author if author is not None and names_body(author) else None


_BODYS_SITE = re.compile(r"(?P<body>.{4,40}?)(?:政务网站|门户网站|官方网站|网站|官网)")


def _outlet(source: str | None, credit: str | None, body: str) -> str | None:
    """The news outlet whose reporters wrote a page that names no issuing body: the dateline
    opening its text ("中新网郑州3月5日电(记者 张三)"), its credit line ("大象新闻记者 张三"), or its
    来源 ("来源:西藏日报") when its reporters speak in it ("记者从有关部门了解到"). A page an outlet
    only carried ("来源:新华社" over a statistics bureau's bulletin) is not the outlet's."""
    dateline = NEWS_DATELINE.match(body[:MAX_DATELINE])
    source = _clean(source)
    for name in (
        dateline.group("outlet") if dateline is not None else None,
        credit,
        source if _reported(body) and not _copied_from(source, body) else None,
        source if source and _PRESS.search(source) and _REPORTED_SPEECH.search(body) else None,
    ):
        if name and _MEDIA.search(name) and _OUTLET_NAME.fullmatch(name) and name[0] != "本":
            return name.strip("《》")
    return None


def _copied_from(source: str | None, body: str) -> bool:
    """True when a page's 来源 names a site while its text says a paper wrote it ("本报记者",
    "本报讯"): the paper's story was copied by that site, which wrote none of it."""
    return bool(source) and _PRESS.search(source or "") is None and "本报" in body[:QUOTE_OPENING]


def _reported(body: str) -> bool:
    """True when a page's text is its outlet's reporting: its reporters speak in it ("记者从有关部门
    了解到"), or it quotes what someone said ("“…”市科技局局长张三说。"), which a document an
    outlet only carried (a bulletin, a notice, a report) never does."""
    return (
        "记者" in body[:REPORTER_OPENING] or _QUOTED_SPEECH.search(body[:QUOTE_OPENING]) is not None
    )


QUOTE_OPENING = 1000  # characters
# a leader's words reported: "…,张振丰指出,要深入学习…", "市委书记李四强调:" (a meeting's news), in
# a paper's or a broadcaster's item (来源:某某日报): its own reporting, not a document it carried.
# A news site (来源:某某网) only carries items; it is no publisher (the corpus labels, README)
# (a person's: "会议强调", "意见指出", "文件强调" report a meeting or cite a document, not a leader)
_REPORTED_SPEECH = re.compile(
    r"[。，,]\s*(?!会议|会上|意见|文件|通知|报告|讲话|方案|规划|纲要|决定)[\u4e00-\u9fff·]{2,4}"
    r"(?:指出|强调)[,，:：]"
)
_PRESS = re.compile(r"(?:日报|晚报|报社|广播电台|电视台)$")
# a quotation closed and attributed: "…。”市科技局党组副书记、局长张三说。"
_QUOTED_SPEECH = re.compile(r"[”」]\s*[\u4e00-\u9fff、·]{2,30}?(?:说|表示|介绍|指出)[。，,:：]")


# "记者从某某市科技局获悉", "据某某市统计局消息", "某某新闻网讯(通讯员 某某市科技局 张三)": the body a
# news item reports for or whose correspondent filed it, named in its opening; it, not the paper or
# site that carried the item, is the item's source
_INFORMED_BY = re.compile(
    r"记者从(?P<a>[\u4e00-\u9fff]{2,24}?)(?:获悉|了解到|得到消息)"
    r"|据(?P<b>[\u4e00-\u9fff]{2,24}?)(?:消息|通报)"
    r"|通讯员\s*[:：]?\s*(?P<c>[\u4e00-\u9fff]{2,24}?(?:局|厅|委|办|政府|办公室|委员会))(?=[\s)）、,，])"
)


def _news_item(text: str, body: str, source: str | None) -> bool:
    """True when a page is a news item: a dateline opens its text ("某某新闻网讯(…)"), its reporters
    or correspondents are credited in its opening (记者, 通讯员), or its 来源 is a news outlet. Only
    there does "据某某局消息" name whom the item reports for; elsewhere it cites a source."""
    if NEWS_DATELINE.match(body[:MAX_DATELINE]) is not None:
        return True
    opening = text[:CREDIT_OPENING]
    if "记者" in opening or "通讯员" in opening:
        return True
    outlet = _clean(source)
    return outlet is not None and _MEDIA.search(outlet) is not None


def _informing_body(body: str) -> str | None:
    """The issuing body a news item's opening says it reports from ("记者从某某市科技局获悉") or
    whose correspondent filed it ("(通讯员 某某市科技局 张三)")."""
    m = _INFORMED_BY.search(body[:REPORTER_OPENING])
    if m is None:
        return None
    name = m.group("a") or m.group("b") or m.group("c")
    return name if names_body(name) else None


def _credit_outlet(text: str) -> str | None:
    """The outlet a credit line in the page's opening names before its reporters ("大象新闻记者
    张三 通讯员 李四"); read on the page as given, since such a line may read as a menu too. Or
    the outlet of the bracketed credit that closes the item's text ("…最高可达100万元。(湖北日报
    记者柯利华、通讯员熊庆萍)"), where papers print it under a short item."""
    for line in text[:CREDIT_OPENING].split("\n"):
        line = line.strip()
        if line and len(line) <= MAX_SCANNED_LINE and _CREDIT_LINE.fullmatch(line) is not None:
            m = _CREDIT_OUTLET.match(line)
            if m is not None:
                return m.group("outlet")
    closing = _CLOSING_REPORTERS.search(text[-MAX_SCANNED_LINE:])
    return closing.group("outlet") if closing is not None else None


# "…。(湖北日报记者柯利华、通讯员熊庆萍、沈红星)" closing a news item: the outlet its reporters write for
_CLOSING_REPORTERS = re.compile(
    rf"[。！!？?]\s*[(（]\s*(?P<outlet>{NEWS_OUTLET})(?:首席|特约|实习)?记者"
    r"[\u4e00-\u9fff·、,，\s]{2,40}[)）]\s*$"
)


CREDIT_OPENING = 2000  # characters
MAX_DATELINE = 60  # characters
REPORTER_OPENING = 300  # characters of the text where a news item's reporter is named
# a news outlet's name ("西藏日报", "《贵州日报》", "中新网"), never 本网 or 本报
_OUTLET_NAME = re.compile(r"《?[\u4e00-\u9fffA-Za-z]{2,12}》?")


# "2月5日,2024年全省科技工作会议在兰州召开": a news item's day, and the year the meeting is named for
_MEETING_DAY = re.compile(
    r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:上午|下午|晚上?)?\s*[,，]\s*"
    r"(?P<year>(?:19|20)\d{2})年(?!度)(?P<meeting>[^,，。；;]{2,40}?(?:会议|大会))"
    r"(?:在[^,，。；;]{2,12})?(?:召开|举行|开幕)"
)
MAX_MEETING_MONTH = (
    6  # a meeting named for a year is held in its first half (the 年度 review later)
)


def _meeting_day(body: str, title: str | None) -> str | None:
    """The day a page that prints no date reports, when its opening names it with the meeting held
    ("2月5日,2024年全省科技工作会议在兰州召开"): a meeting named for a year meets in that year, in its
    first months; a summary meeting (2022年度工作总结座谈会, held the year after) and a day late in
    the year (a conference for next year may meet in December) give no year."""
    opening = body.lstrip()[:MAX_OPENING_CLAUSE]
    dated = _DATED_EVENT.match(opening)
    if dated is not None and detect_genre(title).genre in ("news", "unknown"):
        # "2026年2月4日下午,某某市科技局在…召开专题会议": a news item opens with the day it reports;
        # a summary, a 解读 or a report titled as such may open on a meeting months before it
        # was written ("2025年1月8日,我局召开全市科技工作会议" in a 2025 year-end summary)
        return parse_date(dated.group("date"))
    m = _MEETING_DAY.match(opening[: MAX_DATELINE + 40])
    if m is None or "总结" in m.group("meeting") or int(m.group("month")) > MAX_MEETING_MONTH:
        return None
    return parse_date(f"{m.group('year')}年{m.group('month')}月{m.group('day')}日")


# "2026年2月4日下午,淮北市科技局在局第一会议室召开专题会议": a full date opening the text, then a
# clause reporting an event (a meeting held, a visit paid); not "2025年12月31日前,…" (a deadline)
_DATED_EVENT = re.compile(
    r"(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:上午|下午|晚上?)?\s*[,，]"
    r"[^。；;]{0,80}?(?:召开|举行|举办|开幕|开展|调研|考察|视察|走访|座谈|出席|主持)"
)
MAX_OPENING_CLAUSE = 120  # characters


def _speaking_for(body: str) -> str | None:
    """ "现在,我代表福州市马尾区人民政府,向大会报告…": the body a report is delivered for."""
    m = SPEAKING_FOR.search(body[:400])
    return m.group("org") if m is not None else None


def _header_date(header: dict[str, str | None], name: str) -> str | None:
    value = header.get(name)
    return parse_date(value) if value else None


def _clean(value: str | None) -> str | None:
    return normalize_inline(value) or None if value else None


_TABLE_ROW = re.compile(r"[|｜].*[|｜]")


def _title_cell(line: str) -> str | None:
    """A table row at the top of a page whose one cell is a full title ("建议标题: | 关于…的建议 |"):
    that cell, without the label and the bars around it."""
    if parse_header_line(line) is not None:
        return None
    cells = [c.strip() for c in re.split(r"[|｜]", line) if c.strip()]
    titles = [c for c in cells if title_like(c) and title_score(c) >= 2]
    return titles[0] if len(titles) == 1 else None
