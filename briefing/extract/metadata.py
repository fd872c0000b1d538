"""Header block, title, dates, publisher and addressee of a document's text.

`parse_document_text` reads a page dump top to bottom: page chrome goes (text_chrome), header lines
give the official fields (header), the head of the page gives title, byline, subtitle date, page date
and addressee, a cover letter before a repeated title is set aside (the 印发 notice of 004), and the
closing signature (issuing body and date) is taken off the end. What remains is the body, one
paragraph per line. Metadata the reader already has (`raw.fields`) wins over what the text says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from briefing.extract.dates import find_dates, parse_date
from briefing.extract.header import HeaderField, is_strong, parse_header_line
from briefing.extract.structure import normalize_inline
from briefing.extract.text_chrome import is_chrome_line
from briefing.model import Metadata, RawDocument


@dataclass
class ParsedText:
    metadata: Metadata
    # The text without page chrome, header block, title lines, dates, addressee, cover letter and
    # closing signature; one paragraph per line.
    body: str
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- line shapes ------------------------------------------------------------------------------------

_ORG_SUFFIX = (
    r"(?:人民政府|政府|办公厅|办公室|委员会|常委会|管委会|领导小组|局|厅|委|部|院|署|中心|办|所|处|"
    r"集团|公司|大学|学院|银行|协会|学会|联合会|联|科协|政协|人大|党组|总队|支队|站)"
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
_ENDS_WITH_DOC_TYPE = re.compile(rf"{_DOC_TYPES}(?:[(（][^()（）]{{1,12}}[)）])?[)）》”]*$")
_JOIN_TAIL = re.compile(r"(?:关于|的|和|与|及|暨|、|—|《|“|\()$")
_JOIN_HEAD = re.compile(r"(?:的|和|与|及|暨|《|“|—|\(|（)")
_SENTENCE_PUNCT = re.compile(r"[。！？!?；;]")
_SECTION_MARKER = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d))"
)
_BULLETS = " \t•·●▪◆■◇※-*|>"
_TIME = re.compile(
    r"\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*(?:\d{1,2}\s*秒?)?)?|星期[一二三四五六日天]|周[一二三四五六日天]"
)
# What may surround a date on a date-only line besides a time: brackets, separators, a 日期/时间 label.
_LEFTOVER = re.compile(r"(?:[\s,，、:：()（）\[\]【】]|日期|时间|发布|成文)*")
# A whole line in brackets (no brackets inside, so "(一)…(略)" is not one) or opened by a dash.
_SUBTITLE = re.compile(r"[(（][^()（）]{1,80}[)）]|——.{2,80}")
# A status line that finishes a title: （试行）, (征求意见稿), （2023年修订）.
_TITLE_STATUS = re.compile(
    r"[(（](?:试行|暂行|征求意见稿|送审稿|草案|修订稿|\d{4}年修订|\d{4}年修正)[)）]"
)
_SITE_PREFIX = re.compile(r"[^:：，,。]{1,12}[:：]")
_ATTACHMENT_NAME = re.compile(r"印发\s*《(?P<name>[^《》]{2,80})》")
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
_DOC_NO_LINE = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,5}号")
# The imprint (版记) under the signature: 抄送 lines and "某某办公室 2023年5月10日印发".
_IMPRINT = re.compile(r"(?:抄送|抄报|分送|报送|发送)[:：].*|.{0,60}印发")
_ATTACHMENT_LINE = re.compile(r"附件\s*\d{0,2}\s*[:：]?")

MAX_HEAD_LINES = 80  # real heads (two header blocks, title, dates, addressee) need about 30
MAX_TITLE_CHARS = 150
MAX_TITLE_LINE = 120
MAX_ADDRESSEE = 150
MAX_COVER_LINES = 12
MAX_SIGNATURE_LINES = 6
MAX_ATTACHMENT_LINES = 8
MAX_BYLINE = 30
SAME_TITLE_RATIO = 0.75
DERIVED_TITLE_CHARS = 24
UNTITLED = "无标题文件"
_LEAD_PUNCT = " ,，、;；:：!！?？"


def _is_org_line(line: str) -> bool:
    return (
        _ORG_CHARS.fullmatch(line) is not None
        and _ORG_END.search(line) is not None
        and not line.startswith("关于")
    )


def _date_only(line: str) -> str | None:
    """The date of a line that holds a date and nothing else (bullets, a time, 日期: may go with it)."""
    if len(line) > 60:
        return None
    dates = find_dates(line)
    if len(dates) != 1:
        return None
    (start, end), iso = dates[0]
    rest = _TIME.sub("", line[:start].strip(_BULLETS) + line[end:])
    return iso if _LEFTOVER.fullmatch(rest) else None


def _dated_header(raw_line: str) -> tuple[str, list[HeaderField]] | None:
    """A page line that opens with a date and goes on with fields: `2024-03-05 09:12 来源：某某日报`."""
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
    fields = parse_header_line(rest[time.end() if time else 0 :].strip())
    return (iso, fields) if fields else None


def _signature_line(line: str) -> tuple[str | None, str | None] | None:
    """(issuing body, date) when `line` is a signature line: a body, a date, or a body then a date."""
    if _is_org_line(line):
        return line, None
    iso = _date_only(line)
    if iso is not None:
        return None, iso
    if len(line) <= 60:
        dates = find_dates(line)
        if len(dates) == 1 and dates[0][0][1] == len(line) and _is_org_line(line[: dates[0][0][0]]):
            return line[: dates[0][0][0]], dates[0][1]
    return None


def _title_like(line: str) -> bool:
    return (
        2 <= len(line) <= MAX_TITLE_LINE
        and _SENTENCE_PUNCT.search(line) is None
        and line[-1] not in ":：,，、"
        and _SECTION_MARKER.match(line) is None
        and _date_only(line) is None
    )


def _addressee_like(line: str) -> bool:
    return (
        line[-1] in ":："
        and 2 <= len(line) - 1 <= MAX_ADDRESSEE
        and _SENTENCE_PUNCT.search(line) is None
        and "如下" not in line
        and "以下" not in line
        and _SECTION_MARKER.match(line) is None
    )


def _subtitle_date(line: str) -> str | None:
    """The date of a subtitle line ("" when it has none), None when `line` is no subtitle.

    Subtitles: (2024年3月27日在…会议上), （A类）, ——在…上的讲话; a lone marker such as (一) is not one.
    """
    if _SUBTITLE.fullmatch(line) is None or _SECTION_MARKER.fullmatch(line):
        return None
    return parse_date(line) or ""


def _can_join(title: str, line: str) -> bool:
    if not _title_like(line) or _is_org_line(line) or len(title) + len(line) > MAX_TITLE_CHARS:
        return False
    if _is_org_line(title):
        return True
    if _ENDS_WITH_DOC_TYPE.search(title):
        return False
    if line.startswith("关于"):
        return False  # a second title start: the first line was a column name or a letterhead
    return bool(
        _JOIN_TAIL.search(title)
        or _JOIN_HEAD.match(line)
        or ("关于" in title and _ENDS_WITH_DOC_TYPE.search(line))
    )


def _title_score(line: str) -> int:
    """How much a line looks like a document title (关于, a document type, an issuing body)."""
    return (
        2 * ("关于" in line)
        + (_ENDS_WITH_DOC_TYPE.search(line) is not None)
        + (_issuer_of_title(line) is not None)
        + (len(line) >= 8)
    )


def _issuer_of_title(title: str) -> str | None:
    """The issuing body that opens a title: 重庆市人民政府关于… -> 重庆市人民政府."""
    for sep in ("关于", "对", "印发"):
        idx = title.find(sep)
        if 2 <= idx <= 60 and _is_org_line(title[:idx]):
            return title[:idx]
    return None


def _same_title(a: str, b: str) -> bool:
    """Equal, or close enough: sites shorten or retouch the headline they print above a document."""
    if a == b:
        return True
    return a[:2] == b[:2] and SequenceMatcher(None, a, b).ratio() >= SAME_TITLE_RATIO


def _title_core(title: str) -> str:
    """What a headline and the document's own title share: the text from 关于 on."""
    site = _SITE_PREFIX.match(title)
    if site is not None:
        title = title[site.end() :]
    idx = title.find("关于")
    return title[idx:] if idx >= 0 else title


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
    signature_date: str | None = None
    cover_sign_date: str | None = None
    doc_no_line: str | None = None
    title_lines: list[int] = field(default_factory=list)


def _record_header(head: _Head, fields: list[HeaderField]) -> None:
    for f in fields:
        value = normalize_inline(f.value) if f.value else None
        if f.name and value and head.header.get(f.name) is None:
            head.header[f.name] = value


class _Lines:
    """The document's lines (stripped, chrome dropped) with their normalised text and a removal mask."""

    def __init__(self, text: str) -> None:
        text = _SPLIT_DOC_NO.sub(r"\1", text)
        self.raw = [ln.strip() for ln in text.split("\n")]
        self.raw = [ln for ln in self.raw if ln and not is_chrome_line(ln)]
        self.norm = [normalize_inline(ln) for ln in self.raw]
        self.removed = [not n for n in self.norm]

    def __len__(self) -> int:
        return len(self.raw)

    def body(self) -> str:
        return "\n".join(r for r, gone in zip(self.raw, self.removed, strict=True) if not gone)


def _read_head(lines: _Lines, head: _Head) -> int:
    """Consume header lines, title, byline, dates and addressee at the top; return the body start."""
    title_parts: list[str] = []
    last_was_byline = False
    i = 0
    while i < min(len(lines), MAX_HEAD_LINES):
        line = lines.norm[i]
        if not line:
            i += 1
            continue
        byline = False
        fields = parse_header_line(lines.raw[i])
        if fields is not None and head.addressee is not None and not is_strong(fields):
            break  # below the addressee, "时间：…" and "来源：…" are the notice's own text
        dated = None if fields is not None else _dated_header(lines.raw[i])
        if fields is not None:
            _record_header(head, fields)
        elif dated is not None:
            head.page_date = head.page_date or dated[0]
            _record_header(head, dated[1])
        elif title_parts and head.addressee is None and _TITLE_STATUS.fullmatch(line):
            title_parts.append(line)
            head.title_lines.append(i)
        elif (subtitle := _subtitle_date(line)) is not None:
            head.subtitle_date = head.subtitle_date or subtitle or None
        elif (date := _date_only(line)) is not None:
            if last_was_byline:
                head.head_sign_date = head.head_sign_date or date
            else:
                head.page_date = head.page_date or date
        elif _DOC_NO_LINE.fullmatch(line):
            head.doc_no_line = head.doc_no_line or line
        elif head.addressee is not None:
            break
        elif _addressee_like(line):
            head.addressee = line[:-1].strip()
        elif _can_join("".join(title_parts), line) if title_parts else _title_like(line):
            title_parts.append(line)
            head.title_lines.append(i)
        elif _continues_addressee(lines, i):
            head.addressee = normalize_inline(line + lines.norm[i + 1])[:-1]
            lines.removed[i] = True
            i += 1
        elif (
            title_parts
            and _title_like(line)
            and _title_score(joined := "".join(title_parts)) <= 1
            and _title_score(line) > _title_score(joined)
        ):
            title_parts = [line]  # what came first was a column name or a letterhead
            head.title_lines = [i]
        elif title_parts and head.byline is None and _is_org_line(line):
            head.byline = line
            byline = True
        elif (
            title_parts
            and len(line) <= MAX_BYLINE
            and _title_like(line)
            and _meta_follows(lines, i)
        ):
            byline = True  # a speaker or author line ("市科技局局长 张三") above the date
        else:
            break
        last_was_byline = byline
        lines.removed[i] = True
        i += 1
    if title_parts:
        title = normalize_inline("".join(title_parts))
        if _is_org_line(title):
            head.byline = head.byline or title
        else:
            head.title = title
    return i


def _continues_addressee(lines: _Lines, i: int) -> bool:
    """An addressee broken over two lines: `各区县人民政府，` then `市政府各部门：`."""
    line = lines.norm[i]
    if line[-1] not in ",，、" or i + 1 >= len(lines):
        return False
    nxt = lines.norm[i + 1]
    return bool(nxt) and _addressee_like(line + nxt)


def _meta_follows(lines: _Lines, i: int) -> bool:
    """True when the next line is a date, subtitle or addressee line of the head."""
    nxt = next((n for n in lines.norm[i + 1 : i + 3] if n), "")
    return bool(nxt) and (
        _subtitle_date(nxt) is not None or _date_only(nxt) is not None or _addressee_like(nxt)
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
    core = _title_core(head.title)
    attached = _ATTACHMENT_NAME.search(head.title)
    for j in range(start, min(len(lines), start + MAX_COVER_LINES)):
        line = lines.norm[j]
        if not line or not _title_like(line):
            continue
        line_core = _title_core(line)
        # A retouched repeat must name its issuing body, as a document's own title does.
        repeated = len(core) >= 4 and (
            line_core == core
            or (_issuer_of_title(line) is not None and _same_title(line_core, core))
        )
        is_attachment = attached is not None and line.strip("《》") in (
            attached.group("name"),
            head.title,
        )
        if not (repeated or is_attachment):
            continue
        for k in range(start, j):
            text = lines.norm[k]
            if not text:
                continue
            sig = _signature_line(text)
            if sig is not None and sig[1] is not None:
                head.cover_sign_date = head.cover_sign_date or sig[1]
            if head.addressee is None and _addressee_like(text):
                head.addressee = text[:-1].strip()
            lines.removed[k] = True
        lines.removed[j] = True
        if repeated and _issuer_of_title(line) is not None:
            head.title = line
        return


def _read_signature(lines: _Lines, head: _Head, start: int) -> None:
    """Take the closing block off the end: signature (issuing body, date), 此件公开发布-style notes,
    the imprint (抄送, …印发) and an attachment list (附件：1.… 2.…) just above the signature."""
    block: list[int] = []
    org: str | None = None
    date: str | None = None
    k = len(lines) - 1
    while k >= start and len(block) < MAX_SIGNATURE_LINES:
        line = lines.norm[k]
        if lines.removed[k]:
            k -= 1
            continue
        sig = _signature_line(line)
        if sig is not None:
            org = sig[0] or org
            date = sig[1] or date
        elif not (
            (len(line) <= 60 and _subtitle_date(line) is not None)
            or (len(line) <= 200 and _IMPRINT.fullmatch(line))
        ):
            break
        block.append(k)
        k -= 1
    if org is None and date is None:
        return
    for idx in block:
        lines.removed[idx] = True
    head.signature_org = org
    head.signature_date = date
    _drop_attachment_list(lines, start, k)


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
        if _ATTACHMENT_LINE.match(line):
            for idx in seen:
                lines.removed[idx] = True
            return
        k -= 1


def _derive_display_title(body: str) -> str:
    """A short name for an untitled document from its opening: `2023年全市科技系统工作情况`."""
    first = next((normalize_inline(ln) for ln in body.split("\n") if ln.strip()), "")
    if not first:
        return UNTITLED
    clauses = [c for c in _CLAUSE_SPLIT.split(first) if c]
    if clauses:
        m = _LEADING_TIME.fullmatch(clauses[0])
        if m is not None:
            subject_clause = m.group("rest") or (clauses[1] if len(clauses) > 1 else "")
            cut = _SUBJECT_END.search(subject_clause, 2)
            subject = subject_clause[: cut.start()] if cut else subject_clause
            # "2023年是…的开局之年" has no subject to name the document by
            if 2 <= len(subject) <= 16 and not _SUBJECT_END.match(subject):
                return f"{m.group('time')}{subject}工作情况"
    sentence = first.split("。")[0].strip(_LEAD_PUNCT)
    if not sentence:
        return UNTITLED
    if len(sentence) <= DERIVED_TITLE_CHARS:
        return sentence
    # Cut at the last clause end that fits, so the name does not stop mid-word.
    end = max(
        (c.start() for c in _CLAUSE_SPLIT.finditer(sentence, 0, DERIVED_TITLE_CHARS)), default=0
    )
    return sentence[: end if end >= DERIVED_TITLE_CHARS // 3 else DERIVED_TITLE_CHARS] + "…"


def _field_date(raw: RawDocument, name: str) -> str | None:
    value = raw.fields.get(name)
    return parse_date(value) if value else None


def _field_text(raw: RawDocument, name: str) -> str | None:
    value = raw.fields.get(name)
    return normalize_inline(value) or None if value else None


def parse_document_text(raw: RawDocument) -> ParsedText:
    """Split a reader's text into metadata and body. Never raises on any text."""
    lines = _Lines(raw.text)
    head = _Head()
    body_start = _read_head(lines, head)
    _read_cover_letter(lines, head, body_start)
    _read_signature(lines, head, body_start)
    # Official header lines may also sit below the head (some sites print the block at the end).
    for k in range(body_start, len(lines)):
        if not lines.removed[k]:
            fields = parse_header_line(lines.raw[k])
            if fields is not None and is_strong(fields):
                _record_header(head, fields)
                lines.removed[k] = True
    notes: list[str] = []
    warnings: list[str] = []
    hdr = head.header

    header_written = _header_date(hdr, "written_date")
    signed = head.signature_date or head.cover_sign_date or head.head_sign_date
    written = _field_date(raw, "written_date") or header_written or signed or head.subtitle_date
    if header_written and signed and header_written != signed and written == header_written:
        notes.append(
            f"文件头成文日期（{header_written}）与落款日期（{signed}）不一致，以文件头为准。"
        )
    header_published = _header_date(hdr, "published_date")
    page_date = head.page_date or _header_date(hdr, "page_date")
    published = _field_date(raw, "published_date") or header_published or page_date

    given_title = _field_text(raw, "title") or _clean(hdr.get("title"))
    title = _pick_title(given_title, head.title)
    if (
        given_title
        and head.title
        and _title_score(head.title) <= 2
        and not _same_title(_title_core(given_title), _title_core(head.title))
    ):
        # The reader named the document, and the text's first short line is no title: it is body.
        for k in head.title_lines:
            lines.removed[k] = False
    body = lines.body()
    publisher = (
        _field_text(raw, "publisher")
        or _clean(hdr.get("publisher"))
        or (_issuer_of_title(title) if title else None)
        or _clean(hdr.get("source"))
        or head.byline
        or head.signature_org
    )
    if title:
        display_title, derived = title, False
    else:
        display_title, derived = _derive_display_title(body), True
        notes.append(f"文件没有标题，显示标题“{display_title}”由正文开头生成。")
    if not body.strip() and raw.text.strip():
        warnings.append("未识别到正文内容")

    metadata = Metadata(
        title=title,
        display_title=display_title,
        title_derived=derived,
        index_no=_field_text(raw, "index_no") or _clean(hdr.get("index_no")),
        doc_no=_field_text(raw, "doc_no") or _clean(hdr.get("doc_no")) or head.doc_no_line,
        publisher=publisher,
        written_date=written,
        published_date=published,
        topic=_field_text(raw, "topic") or _clean(hdr.get("topic")),
        genre=_field_text(raw, "genre") or _clean(hdr.get("genre")),
        addressee=_field_text(raw, "addressee") or _clean(hdr.get("addressee")) or head.addressee,
        url=raw.fields.get("url") or None,
    )
    return ParsedText(metadata=metadata, body=body, notes=notes, warnings=warnings)


def _pick_title(given: str | None, printed: str | None) -> str | None:
    """The title a reader field or header 标题 gives, unless the text prints the same title naming
    its issuing body: page meta tags often carry the site's headline (重庆:关于…), not the title."""
    if (
        given
        and printed
        and _issuer_of_title(printed)
        and not _issuer_of_title(given)
        and _same_title(_title_core(given), _title_core(printed))
    ):
        return printed
    return given or printed


def _header_date(header: dict[str, str | None], name: str) -> str | None:
    value = header.get(name)
    return parse_date(value) if value else None


def _clean(value: str | None) -> str | None:
    return normalize_inline(value) or None if value else None
