"""Content of a Word package that Word reads or runs by itself when the document is opened.

A template is untrusted, and a briefing made from it is sent to leaders. The sandbox keeps a
template from reading files while it renders, but a Word file can also ask *Word* to fetch
something on the reader's machine when it is opened:

- a relationship with `TargetMode="External"`: a linked picture (`file:///…`, `\\\\server\\…`, an
  http address: it leaks the reader's address or Windows credentials), an attached template
  (`attachedTemplate` to a remote .dotm, a known way to bring macros in; one naming a local
  file, `C:\\…\\公文模板.dotx` or a bare name, is what Word writes for every document made from
  an office's own template, and stays), an external altChunk,
  subdocument, OLE link or frame;
- a field that fetches or runs when it is updated: INCLUDEPICTURE, INCLUDETEXT, INCLUDE,
  IMPORT, LINK, DDE, DDEAUTO (DDE starts a program), DATABASE (queries a data source), RD (a
  file a table of contents or index reads its entries from, a server as well), PRINT (code
  sent to the printer as is, PostScript a network printer runs, when the reader prints), FILLIN
  and ASK (a dialog that asks the reader to type something, in the template's words), and any
  field whose name is made by a nested field (`{ {QUOTE 68 68 69} "cmd" }` is a DDE field: Word
  puts a field's code together from its nested fields' results, a known way to hide one);
- a mail merge's data source in the settings (`w:connectString`, `w:query`): Word runs the query
  against it when the document is opened;
- `w:altChunk`: a part Word imports (HTML, another document) when it opens the file.

- code Word runs or offers to run: macros (a `vbaProject.bin` part, a macro-enabled content
  type: a .docm/.dotm renamed .docx), embedded OLE objects (a "package" that runs a program when
  double-clicked, `o:OLEObject`, `w:object`), ActiveX controls (`w:control`);
- VML picture and fill attributes that name an address (`v:imagedata src="http://…"`,
  `o:href="\\\\server\\…"`): Word keeps the source of a picture pasted from a web page there.

None of these belongs in a briefing, so a template holding one is refused, and so is a rendered
briefing that holds one (a template can print raw XML with `safe`). Hyperlinks stay: Word follows
one only when the reader clicks it (a hyperlink's relationship used as anything else, such as a
picture's `r:link`, is fetched on opening and refused: `HyperlinkUses`). So do the embedded workbooks of Word's own charts (a
"package" relationship to an .xlsx), which Excel opens on "编辑数据": their parts are checked
the same way (a macro project, a link to another workbook), and for a workbook's own links (a
DDE link, a data connection).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from lxml import etree

from briefing.filters import clip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIL_MERGE = f"{_W}mailMerge"
_FLD_CHAR, _INSTR, _FLD_SIMPLE, _ALT_CHUNK = (
    f"{_W}fldChar",
    f"{_W}instrText",
    f"{_W}fldSimple",
    f"{_W}altChunk",
)
# A field's code deleted with tracked changes on: "拒绝所有修订" brings it back as it was.
_DEL_INSTR = f"{_W}delInstrText"

# Fields that make Word read a file or an address, or start a program, when they are updated.
ACTIVE_FIELDS = frozenset(
    {
        *("INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO"),
        *("DATABASE", "RD"),
        # sends its text to the printer as is when the document is printed: PostScript (`\p`)
        # that a network printer runs, with its own files and settings in reach
        "PRINT",
        # a dialog asking the reader to type something when fields are updated, in the words the
        # template chose ("请输入邮箱密码以查看全文"): a briefing has no question for its reader
        *("FILLIN", "ASK"),
    }
)
# Where a nested field's result goes in its parent's code: Word reads the parent's code with the
# results in place, so a name holding one is whatever the nested field says (QUOTE 68 68 69 is
# "DDE"); only a formula (`= {PAGE} + 1`) is named before its nested fields.
_NESTED = "\x00"
_RELATION_NAMES = {
    "image": "图片",
    "attachedTemplate": "附加模板",
    "aFChunk": "嵌入文档",
    "oleObject": "OLE 对象",
    "subDocument": "子文档",
    "frame": "框架",
    "package": "嵌入包",
    "externalLinkPath": "外部工作簿",
}
# Relationships to code inside the package, external or not: Word runs a macro project (or asks
# to), an ActiveX control runs its code, an OLE object runs its program on a double-click.
_CODE_RELATIONS = {
    "vbaProject": "宏（VBA 工程）",
    "wordVbaData": "宏（VBA 数据）",
    "activeXControl": "ActiveX 控件",
    "activeXControlBinary": "ActiveX 控件",
    "oleObject": "嵌入的 OLE 对象",
}
# In a workbook (a chart's embedded one): links Excel follows when it opens it, asking only to
# "enable content": a DDE link starts a program, a data connection queries a data source.
_SHEET_LINKS = {
    f"{{{ns}}}{name}": text
    for ns in (
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    )
    for name, text in (
        ("ddeLink", "DDE 链接（启动程序）"),
        ("oleLink", "OLE 链接"),
        ("connection", "外部数据连接"),
    )
}
_EMBEDDED = "中的"
_VML = "{urn:schemas-microsoft-com:vml}"
_OFFICE = "{urn:schemas-microsoft-com:office:office}"
_OLE_OBJECT, _W_OBJECT, _W_CONTROL = f"{_OFFICE}OLEObject", f"{_W}object", f"{_W}control"
# The VML attributes that can hold a picture's own address.
_VML_SOURCES = ("src", f"{_OFFICE}href", "href", f"{_OFFICE}althref")
# An address Word could fetch: a scheme (http:, file:, ftp:…), a server (\\host, //host), a drive.
_ADDRESS = re.compile(r"\s*(?:[A-Za-z][A-Za-z0-9+.-]+:|[\\/]{2}|[A-Za-z]:)")
_CONTENT_TYPES = "[Content_Types].xml"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
# A template on this machine's own disk: a drive path (C:\…, also as file:///C:/…, whose host
# is empty) or a name without scheme, drive or leading slash (relative to the document). A
# server (\\server\share, //server, file://server/…) or any other scheme (http, ftp…) is the
# remote template a reader's Word would fetch.
_LOCAL_TEMPLATE = re.compile(r"(?:file:///)?[A-Za-z]:[\\/]|(?![\\/\s])[^:]+\Z", re.IGNORECASE)


def _target(text: str) -> str:
    return clip(_UNPRINTABLE.sub("?", text), 60)


def relationship_problems(part: str, root: etree._Element) -> list[str]:
    """External targets other than hyperlinks in one `.rels` part."""
    problems: list[str] = []
    for rel in root.iter(_REL):
        kind = (rel.get("Type") or "").rstrip("/").rpartition("/")[2]
        if kind in _CODE_RELATIONS:
            problems.append(f"{part}：{_CODE_RELATIONS[kind]} {_target(rel.get('Target') or '')}")
            continue
        if (rel.get("TargetMode") or "").lower() != "external":
            continue
        if kind == "hyperlink":
            continue
        target = unquote(rel.get("Target") or "")
        if kind == "attachedTemplate" and _LOCAL_TEMPLATE.match(target):
            continue
        name = _RELATION_NAMES.get(kind, kind or "未知类型")
        problems.append(f"{part}：{name}链接到外部 {_target(rel.get('Target') or '')}")
    return problems


def _field_name(instruction: str) -> str:
    # a quote ends the name too: `INCLUDEPICTURE"http://…"` has no space before its argument
    words = instruction.replace("\\", " ").replace('"', " ").split()
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
        if name in ACTIVE_FIELDS:
            once(f"{part}：域 {name}")
        elif _NESTED in name and not name.startswith("="):
            once(f"{part}：域名由嵌套的域拼成（{_target(name.replace(_NESTED, '{…}'))}）")

    def once(problem: str) -> None:
        if problem not in found:
            found.append(problem)

    for element in root.iter(_FLD_CHAR, _INSTR, _DEL_INSTR, _FLD_SIMPLE, _ALT_CHUNK):
        if element.tag == _FLD_SIMPLE:
            judge(element.get(f"{_W}instr") or "")
        elif element.tag == _ALT_CHUNK:
            if f"{part}：嵌入外部内容（altChunk）" not in found:
                found.append(f"{part}：嵌入外部内容（altChunk）")
        elif element.tag in (_INSTR, _DEL_INSTR):
            if codes:
                codes[-1].append(element.text or "")
            else:
                judge(element.text or "")
        else:
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                if codes:
                    codes[-1].append(_NESTED)
                codes.append([])
            elif kind == "end" and codes:
                judge(codes.pop())
    for code in codes:  # a field never closed is still judged
        judge(code)
    for merge in root.iter(_MAIL_MERGE):
        if next(merge.iter(f"{_W}connectString", f"{_W}query"), None) is not None:
            once(f"{part}：邮件合并的数据源（打开文档时运行查询）")
    for element in root.iter(*_SHEET_LINKS):
        once(f"{part}：{_SHEET_LINKS[element.tag]}")
    for element in root.iter(_OLE_OBJECT, _W_OBJECT, _W_CONTROL):
        once(f"{part}：{'ActiveX 控件' if element.tag == _W_CONTROL else '嵌入的 OLE 对象'}")
    for element in root.iter(f"{_VML}*", f"{_OFFICE}*"):
        for name in _VML_SOURCES:
            value = element.get(name)
            if value and _ADDRESS.match(value):
                once(f"{part}：VML 图片链接到外部 {_target(value)}")
    return found


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Where a hyperlink relationship is used as one: Word follows it only when the reader clicks.
_HYPERLINK_USES = frozenset({f"{_W}hyperlink", f"{_A}hlinkClick", f"{_A}hlinkHover"})


class HyperlinkUses:
    """External hyperlinks used as anything but a hyperlink.

    A relationship to an address is let through when its type is hyperlink (`relationship_
    problems`), but a part refers to a relationship by its id alone: a picture whose `a:blip
    r:link` names a hyperlink's id is fetched when the document is opened (LibreOffice fetched
    it, no click), and so would anything else that takes a relationship. Each XML part is fed
    once (`add`); the ids of external hyperlinks per source part, and the ids other elements
    use, are kept (a few per picture), and matched at the end (`problems`)."""

    def __init__(self) -> None:
        self.hyperlinks: dict[str, dict[str, str]] = {}  # source part -> id -> target
        self.uses: list[tuple[str, str, str]] = []  # (part, id, element)

    def add(self, part: str, root: etree._Element) -> None:
        if part.endswith(".rels"):
            folder, _, base = part.rpartition("/")
            source = f"{folder.removesuffix('_rels').rstrip('/')}/{base.removesuffix('.rels')}"
            for rel in root.iter(_REL):
                kind = (rel.get("Type") or "").rstrip("/").rpartition("/")[2]
                external = (rel.get("TargetMode") or "").lower() == "external"
                if kind == "hyperlink" and external and rel.get("Id"):
                    targets = self.hyperlinks.setdefault(source.lstrip("/"), {})
                    targets[rel.get("Id") or ""] = rel.get("Target") or ""
            return
        for element in root.iter():
            if element.tag in _HYPERLINK_USES or not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name.startswith(_R):
                    local = element.tag.rpartition("}")[2]
                    self.uses.append((part, value, f"{local} {name.removeprefix(_R)}"))

    def problems(self) -> list[str]:
        found: list[str] = []
        for part, rel_id, where in self.uses:
            target = self.hyperlinks.get(part, {}).get(rel_id)
            if target is not None:
                problem = f"{part}：超链接 {_target(target)} 被用作 {where}（打开文档时即读取）"
                if problem not in found:
                    found.append(problem)
        return found


def content_type_problems(root: etree._Element) -> list[str]:
    """Macro-enabled content types in `[Content_Types].xml` (a .docm or .dotm, or a macro
    project, whatever the file is called)."""
    found: list[str] = []
    for element in root.iter(f"{_CT}Default", f"{_CT}Override"):
        kind = (element.get("ContentType") or "").lower()
        if "macroenabled" in kind or "vbaproject" in kind:
            where = element.get("PartName") or element.get("Extension") or ""
            problem = f"{_CONTENT_TYPES}：启用宏的内容类型（{_target(where)}）"
            if problem not in found:
                found.append(problem)
    return found


def package_problems(names: Iterable[str]) -> list[str]:
    """Parts that are code by their name alone (a macro project Word finds by its name)."""
    return [
        f"{_target(name)}：宏（VBA 工程）"
        for name in names
        if name.rpartition("/")[2].lower() in ("vbaproject.bin", "vbadata.xml")
    ]


def embedded_package_problem(part: str) -> str:
    return f"{_target(part)}：嵌入包中又嵌入了包"


def embedded_in(package: str, problem: str) -> str:
    """A problem found in a package embedded as the part `package` (a chart's workbook)."""
    return f"{_target(package)} {_EMBEDDED} {problem}"


def part_problems(part: str, root: etree._Element) -> list[str]:
    """What Word would fetch or run by itself from one parsed part of a package."""
    if part == _CONTENT_TYPES:
        return content_type_problems(root)
    if part.endswith(".rels"):
        return relationship_problems(part, root)
    # any other XML part, whatever its name: Word reads the body from whichever part the
    # package's relationships name (`word/document.dat` works as well as `document.xml`)
    return field_problems(part, root)


def remedy(problems: list[str]) -> str:
    """How a user removes what `problems` names, in Word. A picture pasted from a web page keeps
    an INCLUDEPICTURE field (or its address in the VML picture) that fetches it again: saving it
    and inserting the file ends that. Saving as a plain .docx drops a macro project."""
    hints: list[str] = []
    if any(p.endswith("域 INCLUDEPICTURE") or "VML 图片链接到外部" in p for p in problems):
        hints.append(
            "从网页粘贴的图片（域 INCLUDEPICTURE）：在Word中将图片另存后以“插入-图片”重新插入，"
            "或在“编辑链接”中断开链接。"
        )
    if any("宏" in p for p in problems):
        hints.append("含宏的文件：在Word中“另存为”选“Word 文档（*.docx）”，宏即被去掉。")
    if any("OLE 对象" in p or "ActiveX" in p for p in problems):
        hints.append("嵌入的对象或控件：在Word中选中后删除，需要时改为插入图片或文字。")
    if any("嵌套的域拼成" in p or p.endswith(("域 DATABASE", "域 RD")) for p in problems):
        hints.append("域：在Word中按 Alt+F9 显示域代码，找到后删除。")
    if any(f" {_EMBEDDED} " in p or "嵌入包" in p for p in problems):
        hints.append(
            "图表的嵌入工作簿：在Word中右击图表选“编辑数据”，在Excel中删除宏、外部链接或数据连接后"
            "保存；或删除图表，改为插入图片。"
        )
    if any("邮件合并" in p for p in problems):
        hints.append("邮件合并：在Word的“邮件-开始邮件合并”中选“普通 Word 文档”，数据源即被去掉。")
    return "".join(hints)


def describe(problems: list[str]) -> str:
    shown = "；".join(problems[:3])
    more = f"等 {len(problems)} 处" if len(problems) > 3 else ""
    return f"{shown}{more}"
