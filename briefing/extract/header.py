"""The metadata header of government pages: labelled fields such as `[ 索引号 ] …`.

A header line is a line that starts with a known label, written in one of the forms real pages
use: bracketed (`[ 索引号 ]`, `【索引号】`, `［索引号］`), followed by a colon (`索引号:`, `索　引　号：`),
or as a cell of a pipe table (`| 索引号 | …`). Several fields may share a line; a value is the text
between one label and the next, so an empty field (`[ 发文字号 ]` followed by nothing or by the next
label) reads as None, never as the next label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Canonical field names. Labels mapped to "" are recognised (so they end the previous value and
# mark the line as header) but not kept.
LABELS: dict[str, str] = {
    "索引号": "index_no",
    "发文字号": "doc_no",
    "文号": "doc_no",
    "发文文号": "doc_no",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发文机构": "publisher",
    "发文单位": "publisher",
    "发布单位": "publisher",
    "发布机关": "publisher",
    "文件编号": "doc_no",
    "发文日期": "written_date",
    # the date a document was issued in print, under its imprint or on its page ("印发日期：2023-10-18")
    "印发日期": "written_date",
    "印发时间": "written_date",
    "来源单位": "publisher",
    "成文日期": "written_date",
    "成文时间": "written_date",
    "发布日期": "published_date",
    "发布时间": "published_date",
    # news pages: "• 文章来源:河北省科学技术厅" / "• 文章发布时间:2018年07月16日"
    "文章发布时间": "published_date",
    "信息发布时间": "published_date",
    "发稿时间": "published_date",
    # 福建 and 厦门 pages: "发布机构: 泉州市科技局 生成日期: 2017-02-15 备注/文号: 泉科〔2017〕28号";
    # 生成日期 is when the page record was made (read as the written date, test written 0.895 -> 0.877):
    # the published date when the page gives no 公开日期/发布日期 ("生成日期:2026-01-21 公开日期:2026-01-26")
    "生成日期": "generated_date",
    # 福建 pages: "公文生成日期:2025-05-20" names the document's own date (公文 generated), not the
    # page record's: its written date, as 成文日期; the page's "时间:" line under the title, if any,
    # gives the published date
    "公文生成日期": "written_date",
    # 江苏 county pages: "产生日期:2026-01-06 发布日期:2026-01-06 废止日期:有效" (the record's
    # date, as 生成日期; unknown, it hid the whole line and both dates)
    "产生日期": "generated_date",
    "备注/文号": "doc_no",
    "信息类别": "",
    "公开日期": "published_date",
    "主题分类": "topic",
    "体裁分类": "genre",
    "主送": "addressee",
    "主送机关": "addressee",
    "标题": "title",
    "名称": "title",
    # 江苏 pages' disclosure block: "信息名称:…", "内容概述:…", "法定主动公开分类:…"
    "信息名称": "title",
    "内容概述": "",
    "法定主动公开分类": "",
    "分类": "",
    "内容分类": "",
    # 浙江 pages: "文 号: 温政发〔2023〕8号 阅读版本:", "有效性: 统一编号: ZJCC00–2023–0005"
    "阅读版本": "",
    "统一编号": "",
    # 江西 pages: "- 信息索取号: 000014349/2025-00320", "- 公开时限: 常年公开", "- 责任部门:"
    # a law database's record: "发文标题: …", "发文部门: 某某市人民政府", "发文时间: 2016-10-18",
    # "实施时间:", "法规类型:", "所属区域:", "发文内容:" (发文时间 as 发文日期: when it was issued)
    "发文标题": "title",
    "发文部门": "publisher",
    "发文时间": "written_date",
    "实施时间": "",
    "法规类型": "",
    "所属行业": "",
    "所属区域": "",
    "发文内容": "",
    "信息索取号": "index_no",
    "公开时限": "",
    "责任部门": "",
    # page-level fields: weaker evidence, so only read in the head of the page
    "日期": "page_date",
    "时间": "page_date",
    # how sites' content systems label when an item went up: "发表时间:", "录入时间:", "更新时间:"
    "发表时间": "page_date",
    "发表日期": "page_date",
    "录入时间": "page_date",
    "上传时间": "page_date",
    "添加时间": "page_date",
    "更新时间": "page_date",
    "更新日期": "page_date",
    "信息时间": "page_date",
    "公开时间": "published_date",
    "来源": "source",
    "信息来源": "source",
    "文章来源": "source",
    # other names sites give the line that says whose item they carry ("资讯来源:某某高新区",
    # "引自:某某市科学技术局", "稿源:市科技局")
    "资讯来源": "source",
    "稿件来源": "source",
    "新闻来源": "source",
    "稿源": "source",
    "引自": "source",
    "转自": "source",
    # a person as a rule ("作者:张三"), but some sites credit the body that wrote the page
    # ("来源:某某日报 作者:某某市科技局"): read as its publisher only when it names one
    "作者": "author",
    "组配分类": "",
    "服务对象": "",
    "有效性": "",
    "有效性/截止日期": "",
    "时效": "",
    "时效性": "",  # 云南 pages: "- 时效性: 有效" closing the field list
    "生效日期": "",
    "废止日期": "",
    "实施日期": "",
    "施行日期": "",
    "失效日期": "",
    "发布人": "",
    # a page's credits: "撰文:张三", "撰稿人:张三", "发布者:admin" (a site's account, no body)
    "发布者": "",
    "撰文": "",
    "撰稿": "",
    "撰稿人": "",
    "校对": "",
    "核稿": "",
    "签发人": "",
    "公开属性": "",
    "公开形式": "",
    "答复类别": "",
    "主题词": "",
    "关键词": "",
    "关键字": "",
    "公开方式": "",
    "公开范围": "",
    "信息分类": "",
    "所属主题": "",
    "编辑": "",
    "责任编辑": "",
    "浏览次数": "",
    "阅读次数": "",
    "访问次数": "",
    "访问量": "",
    "浏览量": "",
    "阅读量": "",
    "点击数": "",
    "点击量": "",
    # a counter's label printed bare, its number filled in by a script ("来源:市科技局 浏览:",
    # "阅读:次"): it ends the value before it, which is never "市科技局 浏览"
    "浏览": "",
    "阅读": "",
    "访问": "",
    "点击": "",
    # the column a page is filed in ("栏目:科技动态 时间:2023-04-15"): a page field, no document's
    "栏目": "",
    "所属栏目": "",
    "字号": "",
    "字体": "",
    "网络编辑": "",
    "信息审核": "",
    "审核": "",
    # who supplied a news item ("供稿:州科技局", "供稿单位:市科技局"): its source
    "供稿": "source",
    "供稿单位": "source",
    "是否公开": "",
    "是否同意公开": "",
}
# Labels that never end an ordinary value, so they end it even glued to it without a space:
# "来源:新华社责任编辑:武千妍", "发布机构:市科学技术局访问次数:1234".
GLUED_LABELS = (
    "责任编辑",
    "网络编辑",
    "信息审核",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "访问量",
    "浏览量",
    "阅读量",
    "点击数",
    "点击量",
    "字体",
    "字号",
    "是否公开",
    "是否同意公开",
    "发布时间",
    "发布日期",
    "来源",
)

# Fields whose label alone proves the line is a header wherever it appears; the others (日期, 来源,
# 作者, 时间…) also start body lines of notices ("时间：3月1日"), so they count only in the head.
STRONG_FIELDS = frozenset(
    {
        "index_no",
        "doc_no",
        "publisher",
        "written_date",
        "published_date",
        "generated_date",
        "topic",
        "genre",
    }
)

_BULLET = r"[\s•·●▪◆■◇○※\-*|\[【［]*"  # also a bracket opening a field: "[ 发布时间:… ]"


def _label_alternation() -> str:
    # Longest first, so 发布日期 wins over 日期; spaces may sit between characters (索　引　号).
    names = sorted(LABELS, key=len, reverse=True)
    return "|".join(r"\s*".join(map(re.escape, name)) for name in names)


_LABEL = _label_alternation()
_OPEN = r"[\[【［〔]"
_CLOSE = r"[\]】］〕]"

# One label occurrence in any of its forms. A colon or pipe form needs a boundary before it, so
# 来源 inside "数据来源:" is not a label; digits and 日/分/秒 count as boundaries because pages glue
# fields together ("日期:2021年06月11日来源:某某网").
_GLUED = "|".join(map(re.escape, GLUED_LABELS))
# the characters a label or its bracket can open with (the lookahead rejects every other position
# with one test, where each of the four forms would be tried)
_LABEL_FIRST = re.escape("".join(sorted({name[0] for name in (*LABELS, *GLUED_LABELS)})))
_LABEL_RE = re.compile(
    rf"(?=[\[【［〔\s{_LABEL_FIRST}])"
    rf"(?:{_OPEN}\s*(?P<b>{_LABEL})\s*{_CLOSE}\s*[:：]?"
    rf"|(?:^|(?<=[\s|】\]］\[【［:：\d日分秒•·●▪◆■]))(?P<c>{_LABEL})\s*[:：]"
    rf"|(?P<g>{_GLUED})\s*[:：]"
    rf"|(?:^|(?<=\|))\s*(?P<p>{_LABEL})\s*(?=\|))"
)
# A line is a header line only if a label opens it. (The lookahead, as above: most lines are text,
# and one test rejects them before the label alternation is tried three ways.)
_LINE_START_RE = re.compile(
    rf"{_BULLET}(?=[\[【［〔{_LABEL_FIRST}])(?:{_OPEN}\s*(?:{_LABEL})\s*{_CLOSE}|(?:{_LABEL})\s*[:：]|(?:{_LABEL})\s*\|)"
)
# Labels set apart by spaces alone, with no colon or bracket ("索引号 11320900…/2023-24714 组配分类
# 专项规划", "发布机构 市科技局 发文日期 2023-10-16"): a label here must open the line and stand
# between spaces, and the line must hold an official field (see parse_header_line)
_SPACED_LABEL_RE = re.compile(rf"(?:^|(?<=\s))(?P<s>{_LABEL})(?=\s|$)")
_SHORT_SPACED_FIELD = 12
_WS = re.compile(r"\s+")
_VALUE_TRIM = " \t\u3000\u2002\u2003\u00a0|:：;；,，"


def _trimmed(value: str) -> str:
    """A field's value without the separators around it, the bracket that opens the next label
    ("来源: 某某局 【字体:") and the bracket that closes its own field ("[ 来源:某某局 ]"); a bracket
    the value opens itself stays ("关于…的办法【征求意见稿】")."""
    value = value.strip(_VALUE_TRIM).rstrip("【［[" + _VALUE_TRIM)
    for opening, closing in (("[", "]"), ("［", "］"), ("【", "】")):
        if value.endswith(closing) and opening not in value:
            value = value[:-1].rstrip(_VALUE_TRIM)
    return value


@dataclass(frozen=True)
class HeaderField:
    name: str  # canonical field name, "" for a recognised but unused label
    label: str  # the label as printed, whitespace removed
    value: str | None


def _canonical_label(text: str) -> str:
    return _WS.sub("", text)


# what a form prints in a field that has no value ("文号：无", "发文字号：（无）", "索引号：/")
_NO_VALUE = re.compile(r"[(（\[【]?\s*(?:无|暂无|空|没有|[-—－/／\\]+)\s*[)）\]】]?")


def _given(value: str) -> str | None:
    """The field's value, or None when the field is empty or the form says it has none."""
    return None if not value or _NO_VALUE.fullmatch(value) else value


def parse_header_line(line: str) -> list[HeaderField] | None:
    """The fields of a header line, or None when `line` is not a header line."""
    start = _LINE_START_RE.match(line)
    if start is None:
        return _spaced_fields(line)
    matches = list(_LABEL_RE.finditer(line))
    if not matches:
        return None
    fields: list[HeaderField] = []
    for i, m in enumerate(matches):
        label = _canonical_label(m.group("b") or m.group("c") or m.group("g") or m.group("p") or "")
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = _trimmed(line[m.end() : end])
        name = LABELS.get(label, "")
        if name in _NAMING_FIELDS and value:
            # "作者:某某市人民政府阅读 23次": a counter glued after a body's name is the page's
            value = _trimmed(_TRAILING_COUNTER.sub("", value))
        stamp = _TRAILING_STAMP.fullmatch(value) if name in _NAMING_FIELDS else None
        if stamp is not None:
            # "来源:承德市科学技术局2025-10-31 20:54浏览次数:": the page's time glued after the
            # body is when the page went up, never part of the body's name
            fields.append(HeaderField(name, label, _trimmed(stamp.group("value"))))
            fields.append(HeaderField("page_date", "时间", stamp.group("date")))
            continue
        fields.append(HeaderField(name, label, _given(value)))
    return fields


_TRAILING_COUNTER = re.compile(r"(?:阅读|浏览|点击|访问)(?:量|数|次数)?\s*[:：]?\s*\d*\s*次?$")
# fields that name a body, and a date (with its time) glued after the name
_NAMING_FIELDS = frozenset({"source", "publisher", "author"})
_TRAILING_STAMP = re.compile(
    r"(?P<value>.*?[^\d\s-])\s*"
    r"(?P<date>(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)"
)


def _spaced_fields(line: str) -> list[HeaderField] | None:
    """The fields of a header line whose labels are set apart by spaces alone, or None: it opens
    with a label, and holds two labels or more, one of them an official field, or is one official
    field with a short value ("主题分类 科技")."""
    stripped = line.strip()
    if _SPACED_LABEL_RE.match(stripped) is None:
        return None  # most lines: no label opens them, no scan for the others
    matches = list(_SPACED_LABEL_RE.finditer(stripped))
    if len(matches) == 1 and len(stripped) > _SHORT_SPACED_FIELD:
        return None
    fields: list[HeaderField] = []
    for i, m in enumerate(matches):
        label = _canonical_label(m.group("s"))
        end = matches[i + 1].start() if i + 1 < len(matches) else len(stripped)
        value = _trimmed(stripped[m.end() : end])
        fields.append(HeaderField(LABELS.get(label, ""), label, _given(value)))
    return fields if is_strong(fields) else None


# Fields that date or source a page: a title glued to them ("某某2011年科技工作总结 发布时间：2012-01-05
# 来源：某某厅") ends where they start
_PAGE_FIELDS = frozenset({"published_date", "written_date", "page_date", "source", "publisher"})
MIN_GLUED_TITLE = 6  # characters
MAX_GLUED_LINE = 200  # characters: a title and its fields; a longer line is text


def title_before_fields(
    line: str, min_prefix: int = MIN_GLUED_TITLE
) -> tuple[str, list[HeaderField]] | None:
    """(title, fields) of a line that prints the title, then the page's date or source fields
    ("青海省2011年科技工作总结 发布时间：2012-01-05 来源：青海省科技厅", with or without the space);
    None for any other line, and for a line that opens with a label (a header line)."""
    if len(line) > MAX_GLUED_LINE or _LINE_START_RE.match(line) is not None:
        return None
    for m in _LABEL_RE.finditer(line):
        start = m.start()
        if start < min_prefix:
            continue
        fields = parse_header_line(line[start:])
        if fields is None or not any(f.value and f.name in _PAGE_FIELDS for f in fields):
            return None
        return line[:start].strip(), fields
    return None


def is_strong(fields: list[HeaderField]) -> bool:
    """True when the line carries an official header field (索引号, 发文字号, 成文日期…)."""
    return any(f.name in STRONG_FIELDS for f in fields)
