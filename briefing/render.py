"""Render a `BriefingContext` into a DOCX with docxtpl: sandboxed, strict, deterministic, atomic.

Templates are Word files with Jinja tags (docxtpl). Rendering here differs from plain docxtpl:

- Sandbox: templates run in jinja2's `ImmutableSandboxedEnvironment`; a template that reaches for
  Python internals (`{{ cycler.__init__.__globals__ }}`) fails with a security message and
  nothing runs. Templates are data that staff copy around, not code.
- Strict: an unknown variable or key is an error naming it (`StrictUndefined`), never a silent
  blank in a briefing sent to leaders.
- Escaped: values are XML-escaped (`autoescape`), so a title with `&`, `<` or `>` comes through
  intact instead of cutting the document.
- Deterministic: the same context and template give byte-identical files: zip entries carry
  `timestamp` (which the caller derives from the data, never the clock) and the core properties
  (created, modified, last modified by, revision, title) are set from `timestamp` and the context.
- Atomic: the document is rendered in memory, checked, and written through a temporary file in
  the target folder; a failure leaves any existing file at `output` untouched.

The filters this tool adds for authors (`cn_ordinal`, `yi`, `cn_date`, `width`, …) are in
`briefing.filters`; the sandboxed environment, its resource guards (`range`, argument sizes, `*`,
`**`, format widths, a time limit) and the forked child with memory and CPU limits are in
`briefing.sandbox`.

Charts: values of type `briefing.charts.ChartImage` anywhere in the context become inline images
(with their alt text); `""` stays empty, so `{% if theme.chart %}` works.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from xml.etree import ElementTree

import jinja2
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from lxml import etree

from briefing.active_content import (
    HyperlinkUses,
    describe,
    embedded_in,
    embedded_package_problem,
    package_problems,
    part_problems,
    remedy,
)
from briefing.atomic import write_bytes_atomic
from briefing.charts import ChartImage
from briefing.config import package_data_dir
from briefing.context import BriefingContext
from briefing.errors import TemplateError, os_reason
from briefing.filters import AUTHOR_FILTERS, clip
from briefing.inputs import open_regular_file
from briefing.readers.common import closed_bidi
from briefing.sandbox import (
    OUTPUT,
    RENDER_MEMORY_MB,
    RENDER_SECONDS,
    BriefingEnvironment,
    ChildError,
    NestedTooDeepError,
    ResourceLimitError,
    TextTooLongError,
    UnsafeTemplateError,
    can_isolate,
    make_environment,
    run_limited,
    static_security_problems,
    time_limit,
    unreproducible_hint,
)
from briefing.ziputil import normalize_zip

__all__ = [
    "AUTHOR_FILTERS",
    "RENDER_SECONDS",
    "make_environment",
    "render_docx",
    "render_docx_bytes",
    "static_security_problems",
    "suggest",
]

_TAG_PATTERN = re.compile(r"<[^>]+>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- images ---------------------------------------------------------------------------------------


class ChartHandle:
    """What a template gets for a chart: an opaque value that prints as the picture.

    It holds the picture's bytes, width and alt text and nothing else (no template, document or
    file object), and the sandbox's allow-list gives a template none of its attributes. Printed
    with `{{ … }}` it becomes an inline image in the part being rendered; the `width` filter
    returns a resized copy; an empty chart is `""` instead, so `{% if theme.chart %}` works.
    """

    __slots__ = ("_alt", "_png", "_width_mm")

    def __init__(self, png: bytes, width_mm: float, alt: str) -> None:
        self._png = png
        self._width_mm = width_mm
        self._alt = alt

    def resized(self, width_mm: float) -> ChartHandle:
        return ChartHandle(self._png, width_mm, self._alt)

    def __html__(self) -> str:
        return _insert_picture(self._png, self._width_mm, self._alt)

    __str__ = __html__

    def __repr__(self) -> str:
        return "<图表>"


_rendering: list[Any] = []
"""The DocxTemplate being rendered in this process (one at a time): where a printed chart goes.
Kept here rather than in the handle, so nothing a template holds leads to it."""


def _insert_picture(png: bytes, width_mm: float, alt: str) -> str:

    if not _rendering:
        return "<图表>"  # printed outside a render (a bug), never a way in
    part = _rendering[-1].current_rendering_part
    inline = part.new_pic_inline(io.BytesIO(png), Mm(width_mm), None)
    inline.docPr.set("descr", alt)
    xml: str = inline.xml
    return (
        "</w:t></w:r><w:r><w:drawing>" + xml + '</w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )


# Characters XML 1.0 forbids; one in a value would make the whole document unreadable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_SCALARS = (str, int, float, bool, type(None))


def template_data(value: Any) -> Any:
    """The context as a template sees it: plain data only, charts as `ChartHandle`s.

    Dicts, lists and scalars are copied; strings lose XML-invalid control characters (they come
    from documents and file names and must not break the briefing) and have their direction
    overrides closed at their end (`closed_bidi`; `digest` also closes each piece of a document's
    text where it joins it with the briefing's own words inside one string, a gist or a quote
    list, which closing at the end cannot reach). Any other type is a bug in the context builder, refused
    here rather than handed to an untrusted template.
    """
    if isinstance(value, str):
        return closed_bidi(_XML_INVALID.sub("", value))
    if isinstance(value, ChartImage):
        return ChartHandle(value.png, value.width_mm, value.alt) if value.png else ""
    if isinstance(value, Mapping):
        return {str(key): template_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [template_data(item) for item in value]
    if isinstance(value, _SCALARS):
        return value
    raise TypeError(f"template context holds a {type(value).__name__}, not plain data")


# --- errors ---------------------------------------------------------------------------------------


def _text_around(source: str, lineno: int | None, radius: int = 2) -> tuple[str, str]:
    """(the paragraph at `lineno`, the paragraphs around it) as plain text, tags kept.

    docxtpl puts each `<w:p>` on its own line before compiling, so a line is a paragraph.
    """
    if not source or not lineno:
        return "", ""
    lines = source.splitlines()
    index = min(max(lineno - 1, 0), len(lines) - 1)

    def plain(line: str) -> str:
        return _TAG_PATTERN.sub("", line).strip()

    here = plain(lines[index])
    around = [plain(line) for line in lines[max(0, index - radius) : index + radius + 1]]
    return here, " ／ ".join(text for text in around if text)


def _template_lineno(tb: TracebackType | None) -> int | None:
    """The template line a runtime error happened on (Jinja rewrites tracebacks to show it)."""
    lineno = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def _where(here: str, around: str) -> str:
    if not here and not around:
        return ""
    text = f"出错位置：“{clip(here)}”" if here else ""
    if around and around != here:
        text += f"（上下文：“{clip(around, 160)}”）"
    return text + "。"


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("Unexpected end of template", "模板结束时仍有未闭合的块，缺少 {% endfor %} 或 {% endif %}"),
    (
        "Encountered unknown tag 'p'",
        "{%p %} 标签没有被识别：它必须单独占一个段落，且 % 与 p 之间不能有空格",
    ),
    (
        "Encountered unknown tag 'tr'",
        "{%tr %} 标签没有被识别：它只能写在表格的单元格中，且 % 与 tr 之间不能有空格",
    ),
    (
        "Encountered unknown tag 'tc'",
        "{%tc %} 标签没有被识别：它只能写在表格的单元格中，且 % 与 tc 之间不能有空格",
    ),
    ("Encountered unknown tag", "遇到未知或不成对的标签"),
    ("expected token 'end of print statement'", "{{ }} 中的表达式有多余内容"),
    ("unexpected '}'", "括号不完整"),
    ("unexpected char", "标签中有无法识别的字符（中文引号或全角符号？）"),
    ("unexpected end of template", "标签没有闭合（缺少 }} 或 %}）"),
    ("No filter named", "没有这个过滤器"),
    ("No test named", "没有这个判断（is 后面的词）"),
    ("no loader for this environment", "模板不能引用其他文件"),
)


def suggest(name: str, candidates: Iterator[str] | list[str] | set[str]) -> str:
    """ "（是不是“x”？）" for the closest candidate, or ""."""
    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return f"（是不是“{close[0]}”？）" if close else ""


def _unknown_filter_hint(message: str, env: jinja2.Environment) -> str:
    match = re.search(r"No (filter|test) named '([^']+)'", message)
    if not match:
        return ""
    kind, name = match.groups()
    known = env.filters if kind == "filter" else env.tests
    return f"：“{name}”{unreproducible_hint(name) or suggest(name, set(known))}"


def _explain(message: str) -> str:
    """A Chinese explanation of Jinja's English message. Users read Chinese, so the English is
    shown only when no explanation is known (the tag is quoted beside it either way)."""
    for needle, hint in _SYNTAX_HINTS:
        if needle in message:
            return hint
    return message.rstrip(".。")


def _undefined_name(message: str) -> str:
    for pattern in (r"'([^']+)' is undefined", r"has no attribute '([^']+)'"):
        match = re.search(pattern, message)
        if match:
            return match.group(1)
    return message


def _template_error(exc: BaseException, env: BriefingEnvironment, name: str) -> TemplateError:
    """A Chinese message saying what went wrong in the template and where."""
    if isinstance(exc, UnsafeTemplateError):
        here, around = _text_around(env.last_source, exc.lineno)
        return TemplateError(
            f"模板包含不安全的写法，已拒绝渲染（{name}）：{exc}。{_where(here, around)}"
            "模板中的代码没有被执行。"
        )
    if isinstance(exc, jinja2.TemplateSyntaxError):
        here, around = _text_around(exc.source or env.last_source, exc.lineno)
        hint = _unknown_filter_hint(exc.message or "", env)
        advice = (
            "可用的过滤器见 docs/templates.md。"
            if hint
            else "请检查标签是否成对（如 {% for %} 与 {% endfor %}）、括号和引号是否完整。"
        )
        return TemplateError(
            f"模板语法错误（{name}）：{_explain(exc.message or '')}{hint}。"
            f"{_where(here, around)}{advice}"
        )
    here, around = _text_around(env.last_source, _template_lineno(exc.__traceback__))
    where = _where(here, around)
    if isinstance(exc, TextTooLongError):
        return TemplateError(
            f"模板构造的文字过长，已中止渲染（{name}）：{exc}。{where}"
            "简报模板不需要这么长的文字：请检查 join、replace、format、~、+ 和宏的用法。"
        )
    if isinstance(exc, NestedTooDeepError):
        return TemplateError(
            f"{exc}，无法处理，已拒绝渲染（{name}）。简报模板不需要这样的嵌套，请检查模板中"
            "是否有自动生成或重复粘贴的标签。"
        )
    if isinstance(exc, ResourceLimitError):
        return TemplateError(
            f"模板要求的计算量过大，已中止渲染（{name}）：{exc}。{where}"
            "简报模板只需遍历上下文中的列表，不需要大范围循环或大数运算。"
        )
    if isinstance(exc, RecursionError):
        return TemplateError(
            f"模板中的宏无限递归，已中止渲染（{name}）。{where}".rstrip("。") + "。"
        )
    if isinstance(exc, SecurityError):
        return TemplateError(
            f"模板包含不安全的写法，已拒绝渲染（{name}）：{_explain(str(exc))}。{where}"
            "出于安全原因，模板不能访问 Python 内部属性，模板中的代码没有被执行。"
        )
    if isinstance(exc, jinja2.UndefinedError):
        missing = _undefined_name(str(exc))
        return TemplateError(
            f"模板使用了未定义的变量或字段“{missing}”{unreproducible_hint(missing)}（{name}）。{where}"
            "可用变量见 briefing context --json 的输出或 docs 中的模板变量表。"
        )
    reason = _explain(str(exc)) if isinstance(exc, jinja2.TemplateError) else _runtime_reason(exc)
    return TemplateError(f"模板渲染失败（{name}）：{reason}。{where}".rstrip("。") + "。")


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _runtime_reason(exc: BaseException) -> str:
    """What a Python error in a tag means, in Chinese: its own text is a library's English
    ("empty separator", "Object of type … is not JSON serializable"); the tag is quoted apart."""
    message = str(exc)
    if _CJK.match(message):  # this tool's filters speak Chinese (Python's may quote a value)
        return message.rstrip("。")
    reasons: tuple[tuple[type[BaseException], str], ...] = (
        (ZeroDivisionError, "除数为零"),
        (OverflowError, "数值超出可以计算的范围"),
        (ArithmeticError, "算术运算出错"),
        (IndexError, "列表中没有这一项（下标超出范围）"),
        (KeyError, f"数据项中没有键 {clip(message, 30)}"),
        (AttributeError, "这个值没有所用的属性或方法（例如对文字用了只适用于数据项的过滤器）"),
        (TypeError, "值的类型不适合这个运算或过滤器（例如文字与数字相加、对数字用了列表的过滤器）"),
        (ValueError, "值不适合这个运算或过滤器（例如把文字当作数字、用空字符串分隔）"),
    )
    return next((text for kind, text in reasons if isinstance(exc, kind)), "程序内部错误")


# --- rendering ------------------------------------------------------------------------------------

TEMPLATE_MAX_BYTES = 64 * 1024 * 1024
"""Largest template file read (a Word template with embedded fonts is a few megabytes)."""
TEMPLATE_MAX_INFLATED = 128 * 1024 * 1024
"""Largest total a template's zip parts may inflate to (media and fonts included)."""
TEMPLATE_MAX_XML = 16 * 1024 * 1024
"""Largest single XML part of a template: parsed into a tree, which takes ten times as much."""
TEMPLATE_MAX_PARTS = 2000
OUTPUT_MAX_INFLATED = 256 * 1024 * 1024
"""Largest total the rendered briefing's parts may inflate to."""


def read_template(template: Path) -> bytes:
    """The template's bytes, read here (the render child can open no file). Checks only what
    needs no parsing: that it is a file, of a bounded size, and a zip."""
    if template.is_dir():
        raise TemplateError(f"模板路径是一个文件夹，不是 Word 文件：{template}")
    try:
        # a FIFO or a device (also one put in the template's place since it was checked) is
        # refused, never waited on
        with open_regular_file(template) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > TEMPLATE_MAX_BYTES:
                raise TemplateError(
                    f"模板文件过大（{size // (1024 * 1024)} MB，上限 {TEMPLATE_MAX_BYTES // (1024 * 1024)} MB）：{template}"
                )
            data = handle.read(TEMPLATE_MAX_BYTES + 1)
    except FileNotFoundError:
        raise TemplateError(f"模板文件不存在：{template}") from None
    except OSError as exc:
        raise TemplateError(f"无法读取模板：{template}（{os_reason(exc)}）") from None
    except ValueError as exc:
        raise TemplateError(f"模板{exc}：{template}") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"模板不是有效的 Word 文件（.docx）：{template}")
    return data


def check_zip_limits(
    data: bytes, name: str, *, total: int, xml: int | None = None, parts: int = TEMPLATE_MAX_PARTS
) -> None:
    """Refuse a package whose parts inflate past the limits, counting what is really inflated
    (declared sizes can lie) and stopping as soon as a limit is passed."""
    too_big = TemplateError(
        f"Word 文件“{name}”解压后过大（上限 {total // (1024 * 1024)} MB），"
        "可能是压缩炸弹或夹带了无关内容，已拒绝处理。"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if len(infos) > parts:
                raise TemplateError(
                    f"Word 文件“{name}”包含 {len(infos)} 个部件，超过上限 {parts}。"
                )
            seen = 0
            for info in infos:
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    # Word writes only these two; zipfile inflates bzip2 and LZMA without an
                    # output bound, so a small read of a lying entry could fill memory
                    raise TemplateError(
                        f"Word 文件“{name}”的部件 {_CONTROL.sub('?', info.filename)} 使用了"
                        f" Word 不使用的压缩方式（编号 {info.compress_type}），已拒绝处理。"
                    )
                if info.flag_bits & 0x1:
                    # zip's own encryption (zipfile would stop with a RuntimeError, reported as
                    # an internal error); Word never writes it: a password-protected document is
                    # not a zip at all
                    raise TemplateError(
                        f"Word 文件“{name}”的部件 {_CONTROL.sub('?', info.filename)} 经过 zip "
                        "加密（Word 从不这样保存文件，也打不开它），已拒绝处理。"
                    )
                limit = total
                if xml is not None and info.filename.endswith((".xml", ".rels")):
                    limit = min(limit, xml)
                if info.file_size > limit or seen + info.file_size > total:
                    raise too_big
                with package.open(info) as member:
                    size = 0
                    while chunk := member.read(1 << 20):
                        size += len(chunk)
                        if size > limit or seen + size > total:
                            raise too_big
                seen += size
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise TemplateError(f"Word 文件“{name}”已损坏，无法解压。") from exc


def open_template(data: bytes, name: str) -> Any:
    """A docxtpl template from bytes (in the render child), after `screen_template`."""

    screen_template(data, name)

    class StrictDocxTemplate(DocxTemplate):  # type: ignore[misc]
        """docxtpl parses the rendered body with lxml's `recover=True`, which silently drops
        whatever a template broke; check it strictly first so a broken body is an error."""

        def fix_tables(self, xml: str) -> Any:
            try:
                ElementTree.fromstring(xml)
            except ElementTree.ParseError as exc:
                line, column = exc.position
                raise TemplateError(
                    f"渲染结果不是有效的 Word 文档（正文第 {line} 行第 {column} 列）。模板中可能用 "
                    "safe 等写法输出了原始 XML，或 {%p %}/{%tr %} 标签没有单独成段/成行。"
                ) from exc
            return super().fix_tables(xml)

    tpl = StrictDocxTemplate(io.BytesIO(data))
    try:
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise TemplateError(f"无法打开模板：{name}（不是完整的 Word 文档）") from exc
    return tpl


def screen_template(data: bytes, name: str) -> None:
    """Refuse a template before python-docx parses it: over the zip limits, or holding what
    Word would fetch or run by itself (`active_content`)."""
    check_zip_limits(data, name, total=TEMPLATE_MAX_INFLATED, xml=TEMPLATE_MAX_XML)
    problems = _active_content(data)
    if problems:
        raise TemplateError(
            f"模板“{name}”含有 Word 打开文档时会自行读取外部文件、网址或运行程序的内容"
            f"（{describe(problems)}），已拒绝使用：用它生成的简报发出后，会在读者的电脑上"
            "读取这些位置或运行其中的程序。请在 Word 中删除这些链接、域、宏或嵌入对象后再用（超链接不受影响）。"
            f"{remedy(problems)}"
        )


def _xml_parser() -> etree.XMLParser:
    """Strict, no entity expansion, no network, libxml2's default depth and size bounds."""
    return etree.XMLParser(resolve_entities=False, no_network=True, recover=False)


def _active_content(data: bytes, nested: bool = False) -> list[str]:
    """What Word would fetch or run by itself from a template package (`active_content`).
    A part that does not parse is left to python-docx, which reports the damaged file."""
    parser = _xml_parser()
    problems: list[str] = []
    hyperlinks = HyperlinkUses()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        problems += package_problems(package.namelist())
        for part in package.namelist():
            # every part, whatever its name: Word finds the document through the package's
            # relationships and content types, so `word/document.dat` is a body too
            blob = package.read(part)
            try:
                root = etree.fromstring(blob, parser)
            except (etree.XMLSyntaxError, ValueError):
                # a picture, a font, damaged XML (python-docx reports it), or a package
                problems += _embedded_package(part, blob, nested)
                continue
            problems += part_problems(part, root)
            hyperlinks.add(part, root)
    return problems + hyperlinks.problems()


def _embedded_package(part: str, blob: bytes, nested: bool) -> list[str]:
    """What a package embedded as a part holds. A chart's workbook, which Excel opens when a
    reader clicks 编辑数据, can carry a macro project, links to other workbooks or a DDE link
    as well as a Word file can: its parts are checked as the template's are, named as in
    `word/embeddings/x.xlsx 中的 xl/vbaProject.bin`. A package inside an embedded one is
    refused (Word's charts never nest them), which also bounds the work."""
    if not blob.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(blob)):
        return []
    if nested:
        return [embedded_package_problem(part)]
    check_zip_limits(blob, part, total=TEMPLATE_MAX_INFLATED, xml=TEMPLATE_MAX_XML)
    return [embedded_in(part, problem) for problem in _active_content(blob, nested=True)]


def _set_core_properties(tpl: Any, context: Mapping[str, Any], timestamp: datetime) -> None:
    props = tpl.docx.core_properties
    when = timestamp.astimezone(UTC).replace(tzinfo=None) if timestamp.tzinfo else timestamp
    masthead = context["masthead"]
    props.title = f"{masthead['name']}{masthead['issue_label']}"
    props.subject = context["period"]["label"]
    props.author = masthead["editor"]
    props.last_modified_by = context["generated_by"]
    props.keywords = _keywords(theme["name"] for theme in context["themes"])
    props.comments = ""
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1


PROPERTY_MAX_CHARS = 255
"""Longest text python-docx writes into a core property (a longer one raises ValueError)."""


def _keywords(names: Iterable[str]) -> str:
    """The themes' names as the document's keywords, as many whole names as fit the property:
    nine themes of 30 characters (a user lexicon's) made the build fail with 程序内部错误
    （ValueError）, python-docx refusing more than 255."""
    keywords = ""
    for name in names:
        joined = f"{keywords}；{name}" if keywords else name
        if len(joined) > PROPERTY_MAX_CHARS:
            break
        keywords = joined
    return keywords


def _check_package(data: bytes, name: str) -> None:
    """Every XML part must parse and python-docx must open the result: never ship a broken DOCX."""

    check_zip_limits(data, name, total=OUTPUT_MAX_INFLATED)
    # lxml (python-docx's own parser) reads the template's big style parts 4x faster than
    # ElementTree; strict (no recovery), and no entity expansion or network access.
    parser = _xml_parser()
    active: list[str] = []
    hyperlinks = HyperlinkUses()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        active += package_problems(package.namelist())
        for part in package.namelist():
            named_xml = part.endswith((".xml", ".rels"))
            blob = package.read(part)
            try:
                root = etree.fromstring(blob, parser)
            except (etree.XMLSyntaxError, ValueError) as exc:
                if not named_xml:
                    # a picture, a font (an XML part under another name is checked), a package
                    active += _embedded_package(part, blob, nested=False)
                    continue
                line = getattr(exc, "lineno", "?")
                raise TemplateError(
                    f"渲染结果不是有效的 Word 文档（{part} 第 {line} 行）。"
                    "模板中可能有标签破坏了文档结构（例如 {%p %}/{%tr %} 标签没有单独成段/成行）。"
                ) from exc
            active += part_problems(part, root)
            hyperlinks.add(part, root)
    active += hyperlinks.problems()
    if active:
        raise TemplateError(
            f"渲染结果含有 Word 打开文档时会自行读取外部文件、网址或运行程序的内容"
            f"（{describe(active)}），已拒绝写出（{name}）：模板可能用 safe 输出了域代码或链接。"
        )
    try:
        Document(io.BytesIO(data))
    except Exception as exc:
        raise TemplateError(f"渲染结果无法作为 Word 文档打开（{name}）。") from exc


def _too_much_output(
    error: TemplateError, name: str, documents: int, limit: int, shipped: bool
) -> TemplateError:
    """The briefing's text added up past `MAX_TEXT` (`error` says so of the template). With
    briefing's own templates that is the documents (50 000 short notices list 50 000 sources,
    and the message blamed the template); with another it may be either, and the user is told
    both, with the number of documents to judge by."""
    fewer = "请缩短期间（-p），或用 --theme 按主题分别生成"
    if shipped:
        return TemplateError(
            f"本期文件过多（{documents} 份），简报的文字超过 {limit // 10000} 万字的上限，"
            f"未生成简报（{name}）。{fewer}。"
        )
    return TemplateError(
        f"{error}本期有 {documents} 份文件：如果模板只是逐份列出文件和措施，是文件过多，{fewer}。"
    )


def _memory_error(name: str) -> TemplateError:
    return TemplateError(
        f"模板要求的内存过多（超过 {RENDER_MEMORY_MB} MB），已中止渲染（{name}）。"
        "简报模板不需要构造很长的文字，请检查 replace、join、宏递归或 namespace 的用法。"
    )


def render_in_place(
    data: bytes,
    name: str,
    context: Mapping[str, Any],
    timestamp: datetime,
    render_seconds: int = RENDER_SECONDS,
    *,
    shipped: bool = False,
) -> bytes:
    """The render itself, in this process: the finished, checked DOCX bytes.

    `render_docx_bytes` runs this in the limited child; `briefing template check` calls it from
    inside its own child. `shipped`: the template is one of briefing's own, so output over the
    text limit means too many documents, never a template building text.
    """
    tpl = open_template(data, name)
    env = make_environment()
    assert isinstance(env, BriefingEnvironment)
    _rendering.append(tpl)
    try:
        with time_limit(render_seconds):
            tpl.render(template_data(context), jinja_env=env, autoescape=True)
    except TemplateError:
        raise
    except MemoryError as exc:
        raise _memory_error(name) from exc
    except TextTooLongError as exc:
        if exc.what != OUTPUT:
            raise _template_error(exc, env, name) from exc
        documents = len(context.get("documents") or ())
        error = _template_error(exc, env, name)
        raise _too_much_output(error, name, documents, exc.limit, shipped) from exc
    except (
        jinja2.TemplateError,
        RecursionError,
        TypeError,
        ValueError,
        KeyError,
        IndexError,
        AttributeError,
        ArithmeticError,
    ) as exc:
        raise _template_error(exc, env, name) from exc
    finally:
        _rendering.pop()
    _set_core_properties(tpl, context, timestamp)
    _end_table_chains(tpl.docx)
    buffer = io.BytesIO()
    tpl.docx.save(buffer)
    result = normalize_zip(buffer.getvalue(), timestamp)
    _check_package(result, name)
    return result


def _end_table_chains(document: Any) -> None:
    """A table whose rows keep with the next paragraph stays on one page; its last row must not,
    or the table is chained to what follows, the chain runs on over captions, tables and
    headings, and LibreOffice then starts each table on a page of its own. The last row exists
    only once the loop rows are rendered: it is freed here.

    A table whose header row repeats on each page is one meant to break across pages (the
    shipped templates' tables are): it breaks as a typesetter breaks it, never with one data
    row alone, neither at a page's foot under the header (the first row keeps with the second)
    nor at the top of the next page (the last but one keeps with the last). A template sets
    this per row only once, for the one loop row, so it is done here too.

    Plain lxml calls, not python-docx's table objects: docxtpl parses the rendered body with a
    parser of its own, and while its element objects are still alive (when is up to the garbage
    collector) lxml hands them back without python-docx's classes, so `document.tables` failed
    now and then ("'_Element' object has no attribute 'tbl_lst'")."""
    body = document.element.find(qn("w:body"))
    if body is None:
        return
    for table in body.iterchildren(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        if not rows:
            continue
        data = [row for row in rows if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
        if len(data) < len(rows) and len(data) >= 2:
            for first, second in ((data[0], data[1]), (data[-2], data[-1])):
                if _short_row(first) and _short_row(second):
                    for paragraph in first.iterfind(f"{qn('w:tc')}/{qn('w:p')}"):
                        _keep_with_next(paragraph)
        for keep in rows[-1].iterfind(f"{qn('w:tc')}/{qn('w:p')}/{qn('w:pPr')}/{qn('w:keepNext')}"):
            keep.getparent().remove(keep)


# A row of one or two lines alone on a page reads as a stray; a taller one (a document's gist in
# the 专题's list) is a block of its own, and carried over with its neighbour it left the page
# before it a third empty. Lines are reckoned at the 简报's table text, 12 pt (240 twips) a
# character; a cell of no fixed width is not reckoned, and its row is kept as the template has it.
_SHORT_ROW_LINES = 2
_TABLE_CHAR_TWIPS = 240


def _short_row(row: Any) -> bool:
    """Whether every cell of a table row fits in `_SHORT_ROW_LINES` lines."""
    for cell in row.iterfind(qn("w:tc")):
        width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        if width is None or width.get(qn("w:type")) != "dxa":
            return False
        per_line = max(1, int(width.get(qn("w:w"), "0")) // _TABLE_CHAR_TWIPS)
        lines = 0
        for paragraph in cell.iterfind(qn("w:p")):
            text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
            lines += max(1, -(-len(text) // per_line))
        if lines > _SHORT_ROW_LINES:
            return False
    return True


def _keep_with_next(paragraph: Any) -> None:
    """Set a paragraph's keep-with-next (w:keepNext comes right after w:pStyle in w:pPr)."""
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = paragraph.makeelement(qn("w:pPr"), {})
        paragraph.insert(0, ppr)
    if ppr.find(qn("w:keepNext")) is not None:
        return
    style = ppr.find(qn("w:pStyle"))
    ppr.insert(0 if style is None else ppr.index(style) + 1, ppr.makeelement(qn("w:keepNext"), {}))


def in_sandbox(
    work: Callable[[], bytes], name: str, *, seconds: int = RENDER_SECONDS, trusted: bool = False
) -> bytes:
    """Run template work in the limited child (`sandbox.run_limited`), with Chinese messages.

    Where no child can be made (no fork: Windows), only a `trusted` template (a shipped one, or
    one the user vouched for with --trust-template) is rendered, in this process.
    """
    if not can_isolate():
        if trusted:
            return work()
        raise TemplateError(
            f"此系统不支持在受限子进程中渲染模板，为安全起见拒绝渲染“{name}”。"
            "如确认该模板可信（例如自己编写的），可加 --trust-template 在本进程中渲染。"
        )
    try:
        return run_limited(work, seconds=seconds)
    except ChildError as exc:
        if exc.reason == "memory":
            raise _memory_error(name) from None
        if exc.reason in ("cpu", "timeout"):
            raise TemplateError(
                f"模板渲染超过 {seconds} 秒，已中止（{name}）。"
                "简报模板只需遍历上下文中的列表，不需要大范围循环；"
                "模板文件本身过大（标签、段落或嵌入的文件极多）也会如此，请检查是否有"
                "自动生成或重复粘贴的内容。"
            ) from None
        if exc.reason == "too-big":
            raise TemplateError(f"模板渲染结果过大，已中止（{name}）。") from None
        # the child's own exception text is a library's English: name only its kind
        kind = exc.detail.split(":", 1)[0] if exc.detail else "未知"
        raise TemplateError(
            f"模板渲染异常中止（{name}）：程序内部错误（{kind}），请将模板和这条信息报告给维护者。"
        ) from None


def is_shipped(template: Path) -> bool:
    """Whether `template` is one of the templates shipped with briefing (trusted)."""
    try:
        return template.resolve().parent == package_data_dir("templates").resolve()
    except OSError:
        return False


def render_docx_bytes(
    template: Path,
    context: BriefingContext,
    *,
    timestamp: datetime,
    render_seconds: int = RENDER_SECONDS,
    trusted: bool = False,
) -> bytes:
    """Render `context` into `template` and return the finished DOCX bytes (nothing is written).

    The template is read here and rendered, checked and packed in the limited child; this
    process never parses it.
    """
    data = read_template(template)
    return in_sandbox(
        lambda: render_in_place(
            data, template.name, context, timestamp, render_seconds, shipped=is_shipped(template)
        ),
        template.name,
        seconds=render_seconds,
        trusted=trusted or is_shipped(template),
    )


def render_docx(
    template: Path,
    context: BriefingContext,
    output: Path,
    *,
    timestamp: datetime,
    trusted: bool = False,
) -> None:
    """Render the briefing and write it atomically to `output`.

    Raises `TemplateError` (Chinese message naming the failing tag or variable) when the template
    is missing, malformed, uses an unknown variable, or tries to escape the sandbox; in every
    failure case `output` is left as it was.
    """
    data = render_docx_bytes(template, context, timestamp=timestamp, trusted=trusted)
    # the period folder is briefing's own: a link put in its place is never written through
    write_bytes_atomic(output, data, refuse_linked_folder=True)
