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
(with their alt text); `""` stays empty, so `{% if theme.chart %}` works. A build renders while
its charts are still being drawn: with `placeholder_chart`s of the final size in their place,
whose pictures `fill_charts` puts in afterwards (the same bytes as rendering the pictures).
"""

from __future__ import annotations

import difflib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from briefing.atomic import write_bytes_atomic
from briefing.charts import DPI, ChartImage, ChartPlan
from briefing.context import BriefingContext
from briefing.errors import TemplateError
from briefing.filters import AUTHOR_FILTERS, clip
from briefing.sandbox import (
    RENDER_MEMORY_MB,
    RENDER_SECONDS,
    BriefingEnvironment,
    ResourceLimitError,
    UnsafeTemplateError,
    isolated,
    make_environment,
    static_security_problems,
    time_limit,
)
from briefing.ziputil import normalize_zip

__all__ = [
    "AUTHOR_FILTERS",
    "RENDER_SECONDS",
    "fill_charts",
    "make_environment",
    "placeholder_chart",
    "render_docx",
    "render_docx_bytes",
    "static_security_problems",
    "suggest",
    "warm_up",
]

_TAG_PATTERN = re.compile(r"<[^>]+>")


# --- images ---------------------------------------------------------------------------------------


def _inline_image_class() -> type:
    from docx.shared import Mm
    from docxtpl import InlineImage

    class ChartInlineImage(InlineImage):  # type: ignore[misc]
        """An InlineImage that carries alt text (docPr descr) and can be placed more than once."""

        def __init__(self, tpl: Any, chart: ChartImage) -> None:
            super().__init__(tpl, io.BytesIO(chart.png), width=Mm(chart.width_mm))
            self.chart = chart

        def _insert_image(self) -> str:
            part = self.tpl.current_rendering_part
            inline = part.new_pic_inline(io.BytesIO(self.chart.png), self.width, self.height)
            inline.docPr.set("descr", self.chart.alt)
            xml: str = inline.xml
            return (
                "</w:t></w:r><w:r><w:drawing>"
                + xml
                + '</w:drawing></w:r><w:r><w:t xml:space="preserve">'
            )

    return ChartInlineImage


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PLACEHOLDER_KEYWORD = b"briefing-placeholder"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def placeholder_chart(plan: ChartPlan, serial: int) -> ChartImage:
    """A stand-in for a chart still being drawn: its size, dpi and alt text, and no pixels.

    python-docx lays an image out from the PNG header alone (size and pixel density, the same
    chunks matplotlib writes), so the document renders exactly as it will with the picture.
    `serial` makes each stand-in's bytes unique: python-docx shares one part between equal
    images, and two charts must not share one because their stand-ins were equal.
    """
    width, height = plan.pixel_size()
    per_metre = int(DPI / 0.0254 + 0.5)  # as Pillow writes pHYs
    png = (
        _PNG_SIGNATURE
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + _png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
        + _png_chunk(b"tEXt", _PLACEHOLDER_KEYWORD + b"\0" + str(serial).encode())
        + _png_chunk(b"IEND", b"")
    )
    return ChartImage(png, plan.width_mm, plan.alt)


def _layout(png: bytes) -> tuple[object, ...] | None:
    """What python-docx takes from an image to lay it out; None if it cannot read it."""
    from docx.image.image import Image

    try:
        image = Image.from_blob(png)
    except Exception:  # python-docx raises several types for an unreadable image
        return None
    return (image.content_type, image.px_width, image.px_height, image.horz_dpi, image.vert_dpi)


def fill_charts(docx: bytes, pictures: Mapping[bytes, bytes], when: datetime) -> bytes | None:
    """`docx`, rendered with stand-ins, with their pictures (`{stand-in png: chart png}`) put in.

    The result is the same bytes as rendering the pictures themselves, or None when it could
    not be (a picture laid out differently from its stand-in, or equal to another image, which
    python-docx would have stored once): then the caller renders again with the pictures.
    """
    replace: dict[str, bytes] = {}
    sizes = {len(picture) for picture in pictures.values()}
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        others: list[bytes] = []  # other entries a picture could equal (a briefing's text is big)
        for info in package.infolist():
            content = package.read(info)
            picture = pictures.get(content)
            if picture is None:
                if _PLACEHOLDER_KEYWORD in content:  # a stand-in changed on its way: never ship it
                    return None
                if len(content) in sizes:
                    others.append(content)
                continue
            layout = _layout(picture)
            if layout is None or layout != _layout(content):
                return None
            replace[info.filename] = picture
    placed = list(replace.values())
    if len(set(placed)) != len(placed) or any(picture in others for picture in placed):
        return None
    return normalize_zip(docx, when, replace)


# Characters XML 1.0 forbids; one in a value would make the whole document unreadable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _with_images(value: Any, make_image: Any) -> Any:
    """A copy of the context with every ChartImage replaced by an inline image.

    Strings lose XML-invalid control characters on the way: they come from documents and file
    names, and must not break the briefing.
    """
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    if isinstance(value, ChartImage):
        return make_image(value) if value.png else ""
    if isinstance(value, Mapping):
        return {key: _with_images(item, make_image) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_with_images(item, make_image) for item in value]
    return value


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
    return f"：“{name}”{suggest(name, set(known))}"


def _explain(message: str) -> str:
    """A Chinese explanation in front of Jinja's English message, which is kept for searching."""
    detail = message.rstrip(".。")
    for needle, hint in _SYNTAX_HINTS:
        if needle in message:
            return f"{hint}（{detail}）"
    return detail


def _undefined_name(message: str) -> str:
    for pattern in (r"'([^']+)' is undefined", r"has no attribute '([^']+)'"):
        match = re.search(pattern, message)
        if match:
            return match.group(1)
    return message


def _template_error(exc: BaseException, env: BriefingEnvironment, template: Path) -> TemplateError:
    """A Chinese message saying what went wrong in the template and where."""
    if isinstance(exc, UnsafeTemplateError):
        here, around = _text_around(env.last_source, exc.lineno)
        return TemplateError(
            f"模板包含不安全的写法，已拒绝渲染（{template.name}）：{exc}。{_where(here, around)}"
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
            f"模板语法错误（{template.name}）：{_explain(exc.message or '')}{hint}。"
            f"{_where(here, around)}{advice}"
        )
    here, around = _text_around(env.last_source, _template_lineno(exc.__traceback__))
    where = _where(here, around)
    if isinstance(exc, ResourceLimitError):
        return TemplateError(
            f"模板要求的计算量过大，已中止渲染（{template.name}）：{exc}。{where}"
            "简报模板只需遍历上下文中的列表，不需要大范围循环或大数运算。"
        )
    if isinstance(exc, RecursionError):
        return TemplateError(
            f"模板中的宏无限递归，已中止渲染（{template.name}）。{where}".rstrip("。") + "。"
        )
    if isinstance(exc, SecurityError):
        return TemplateError(
            f"模板包含不安全的写法，已拒绝渲染（{template.name}）：{_explain(str(exc))}。{where}"
            "出于安全原因，模板不能访问 Python 内部属性，模板中的代码没有被执行。"
        )
    if isinstance(exc, jinja2.UndefinedError):
        name = _undefined_name(str(exc))
        return TemplateError(
            f"模板使用了未定义的变量或字段“{name}”（{template.name}）。{where}"
            "可用变量见 briefing context --json 的输出或 docs 中的模板变量表。"
        )
    return TemplateError(
        f"模板渲染失败（{template.name}）：{_explain(str(exc))}。{where}".rstrip("。") + "。"
    )


# --- rendering ------------------------------------------------------------------------------------


def _open_template(template: Path) -> Any:
    from docxtpl import DocxTemplate

    if not template.is_file():
        raise TemplateError(f"模板文件不存在：{template}")
    if not zipfile.is_zipfile(template):
        raise TemplateError(f"模板不是有效的 Word 文件（.docx）：{template}")

    class StrictDocxTemplate(DocxTemplate):  # type: ignore[misc]
        """docxtpl parses the rendered body with lxml's `recover=True`, which silently drops
        whatever a template broke; check it strictly first so a broken body is an error."""

        def fix_tables(self, xml: str) -> Any:
            from xml.etree import ElementTree

            try:
                ElementTree.fromstring(xml)
            except ElementTree.ParseError as exc:
                raise TemplateError(
                    f"渲染结果不是有效的 Word 文档（正文：{exc}）。模板中可能用 safe 等写法输出了"
                    "原始 XML，或 {%p %}/{%tr %} 标签没有单独成段/成行。"
                ) from exc
            return super().fix_tables(xml)

    tpl = StrictDocxTemplate(template)
    try:
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise TemplateError(f"无法打开模板：{template}（{exc}）") from exc
    return tpl


def _set_core_properties(tpl: Any, context: BriefingContext, timestamp: datetime) -> None:
    props = tpl.docx.core_properties
    when = timestamp.astimezone(UTC).replace(tzinfo=None) if timestamp.tzinfo else timestamp
    masthead = context["masthead"]
    props.title = f"{masthead['name']}{masthead['issue_label']}"
    props.subject = context["period"]["label"]
    props.author = masthead["editor"]
    props.last_modified_by = context["generated_by"]
    props.keywords = "；".join(theme["name"] for theme in context["themes"])
    props.comments = ""
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1


def _check_package(data: bytes) -> None:
    """Every XML part must parse and python-docx must open the result: never ship a broken DOCX."""
    from docx import Document
    from lxml import etree

    # lxml (python-docx's own parser) reads the template's big style parts 4x faster than
    # ElementTree; strict (no recovery), and no entity expansion or network access.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(package.read(name), parser)
                except etree.XMLSyntaxError as exc:
                    raise TemplateError(
                        f"渲染结果不是有效的 Word 文档（{name}：{exc}）。"
                        "模板中可能有标签破坏了文档结构（例如 {%p %}/{%tr %} 标签没有单独成段/成行）。"
                    ) from exc
    try:
        Document(io.BytesIO(data))
    except Exception as exc:
        raise TemplateError(f"渲染结果无法作为 Word 文档打开：{exc}") from exc


def _render_raw(
    template: Path, context: BriefingContext, timestamp: datetime, render_seconds: int
) -> bytes:
    """The docxtpl render itself: DOCX bytes as python-docx saves them."""
    tpl = _open_template(template)
    image_class = _inline_image_class()
    data = _with_images(context, lambda chart: image_class(tpl, chart))
    env = make_environment()
    assert isinstance(env, BriefingEnvironment)
    try:
        with time_limit(render_seconds):
            tpl.render(data, jinja_env=env, autoescape=True)
    except TemplateError:
        raise
    except MemoryError as exc:
        raise TemplateError(
            f"模板要求的内存过多（超过 {RENDER_MEMORY_MB} MB），已中止渲染（{template.name}）。"
            "简报模板不需要构造很长的文字，请检查 replace、join、宏递归或 namespace 的用法。"
        ) from exc
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
        raise _template_error(exc, env, template) from exc
    _set_core_properties(tpl, context, timestamp)
    buffer = io.BytesIO()
    tpl.docx.save(buffer)
    return buffer.getvalue()


def warm_up() -> None:
    """Import docxtpl and python-docx here, so that the render child forked later inherits them.

    `briefing build` calls this while the charts are drawn in another process; the render and the
    package check then start without paying for the imports.
    """
    import docx  # noqa: F401
    import docxtpl  # noqa: F401


def render_docx_bytes(
    template: Path,
    context: BriefingContext,
    *,
    timestamp: datetime,
    render_seconds: int = RENDER_SECONDS,
) -> bytes:
    """Render `context` into `template` and return the finished DOCX bytes (nothing is written).

    The render runs in a child process with a memory and CPU-time limit where the platform
    allows (see `_isolated`).
    """
    raw = isolated(
        lambda: _render_raw(template, context, timestamp, render_seconds), template, render_seconds
    )
    result = normalize_zip(raw, timestamp)
    _check_package(result)
    return result


def render_docx(
    template: Path, context: BriefingContext, output: Path, *, timestamp: datetime
) -> None:
    """Render the briefing and write it atomically to `output`.

    Raises `TemplateError` (Chinese message naming the failing tag or variable) when the template
    is missing, malformed, uses an unknown variable, or tries to escape the sandbox; in every
    failure case `output` is left as it was.
    """
    data = render_docx_bytes(template, context, timestamp=timestamp)
    write_bytes_atomic(output, data)


def _part_sources(tpl: Any) -> list[str]:
    """The XML docxtpl compiles for the body, headers and footers, split into paragraphs."""
    from docx.oxml import parse_xml

    sources = [tpl.patch_xml(tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            sources.append(tpl.patch_xml(tpl.xml_to_string(parse_xml(part.blob))))
    return [re.sub(r"<w:p([ >])", r"\n<w:p\1", source) for source in sources]


_BLOCK_TAG = re.compile(r"\{%\s*(p|tr|tc|r)\s[^%]*%\}")


def _tag_placement(text: str, where: str, *, in_table: bool) -> list[str]:
    problems: list[str] = []
    for match in _BLOCK_TAG.finditer(text):
        kind = match.group(1)
        if kind == "p":
            rest = (text[: match.start()] + text[match.end() :]).strip()
            if rest:
                problems.append(
                    f"{where}：“{match.group(0)}”必须单独成段，同段的文字“{clip(rest, 30)}”会被删除"
                )
        elif kind in ("tr", "tc") and not in_table:
            problems.append(f"{where}：“{match.group(0)}”只能放在表格中")
    return problems
