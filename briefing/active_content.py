"""Content of a Word package that Word reads or runs by itself when the document is opened.

A template is untrusted, and a briefing made from it is sent to leaders. The sandbox keeps a
template from reading files while it renders, but a Word file can also ask *Word* to fetch
something on the reader's machine when it is opened:

- a relationship with `TargetMode="External"`: a linked picture (`file:///…`, `\\\\server\\…`, an
  http address: it leaks the reader's address or Windows credentials), an attached template
  (`attachedTemplate` to a remote .dotm, a known way to bring macros in), an external altChunk,
  subdocument, OLE link or frame;
- a field that fetches or runs when it is updated: INCLUDEPICTURE, INCLUDETEXT, INCLUDE,
  IMPORT, LINK, DDE, DDEAUTO (DDE starts a program);
- `w:altChunk`: a part Word imports (HTML, another document) when it opens the file.

None of these belongs in a briefing, so a template holding one is refused, and so is a rendered
briefing that holds one (a template can print raw XML with `safe`). Hyperlinks stay: Word follows
one only when the reader clicks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from briefing.filters import clip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_FLD_CHAR, _INSTR, _FLD_SIMPLE, _ALT_CHUNK = (
    f"{_W}fldChar",
    f"{_W}instrText",
    f"{_W}fldSimple",
    f"{_W}altChunk",
)

# Fields that make Word read a file or an address, or start a program, when they are updated.
ACTIVE_FIELDS = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO"}
)
_RELATION_NAMES = {
    "image": "图片",
    "attachedTemplate": "附加模板",
    "aFChunk": "嵌入文档",
    "oleObject": "OLE 对象",
    "subDocument": "子文档",
    "frame": "框架",
    "package": "嵌入包",
}
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def _target(text: str) -> str:
    return clip(_UNPRINTABLE.sub("?", text), 60)


def relationship_problems(part: str, root: etree._Element) -> list[str]:
    """External targets other than hyperlinks in one `.rels` part."""
    problems: list[str] = []
    for rel in root.iter(_REL):
        if (rel.get("TargetMode") or "").lower() != "external":
            continue
        kind = (rel.get("Type") or "").rstrip("/").rpartition("/")[2]
        if kind == "hyperlink":
            continue
        name = _RELATION_NAMES.get(kind, kind or "未知类型")
        problems.append(f"{part}：{name}链接到外部 {_target(rel.get('Target') or '')}")
    return problems


def _field_name(instruction: str) -> str:
    words = instruction.replace("\\", " ").split()
    return words[0].upper() if words else ""


def field_problems(part: str, root: etree._Element) -> list[str]:
    """Active fields and altChunks in one XML part of the document (body, header, footer…).

    A complex field's code may be split over many runs (`w:instrText`) between its `begin` and
    `end` marks, and fields nest; the code of each is put together before it is judged.
    """
    found: list[str] = []
    codes: list[list[str]] = []

    def judge(code: Iterable[str]) -> None:
        name = _field_name("".join(code))
        if name in ACTIVE_FIELDS and f"{part}：域 {name}" not in found:
            found.append(f"{part}：域 {name}")

    for element in root.iter(_FLD_CHAR, _INSTR, _FLD_SIMPLE, _ALT_CHUNK):
        if element.tag == _FLD_SIMPLE:
            judge(element.get(f"{_W}instr") or "")
        elif element.tag == _ALT_CHUNK:
            if f"{part}：嵌入外部内容（altChunk）" not in found:
                found.append(f"{part}：嵌入外部内容（altChunk）")
        elif element.tag == _INSTR:
            if codes:
                codes[-1].append(element.text or "")
            else:
                judge(element.text or "")
        else:
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                codes.append([])
            elif kind == "end" and codes:
                judge(codes.pop())
    for code in codes:  # a field never closed is still judged
        judge(code)
    return found


def part_problems(part: str, root: etree._Element) -> list[str]:
    """What Word would fetch or run by itself from one parsed part of a package."""
    if part.endswith(".rels"):
        return relationship_problems(part, root)
    if part.startswith("word/") and part.endswith(".xml"):
        return field_problems(part, root)
    return []


def describe(problems: list[str]) -> str:
    shown = "；".join(problems[:3])
    more = f"等 {len(problems)} 处" if len(problems) > 3 else ""
    return f"{shown}{more}"
