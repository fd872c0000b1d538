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

Filters available to templates, besides Jinja's built-ins:

- `cn_ordinal`: 1 -> 一, 2 -> 二, 10 -> 十, 11 -> 十一, 21 -> 二十一 (for headings 一、二、…;
  numbers from 100 on are written in digits).
- `cn_paren`: 1 -> （一）, for second-level headings.
- `yi` / `wan`: an amount in 元 as 亿元 / 万元 (`86510000000 | yi` -> 865.1亿元).
- `cn_date`: `"2024-03-27" | cn_date` -> 2024年3月27日.
- `percent`: a ratio as a percentage (`0.372 | percent` -> 37.2%).
- `issue`: `3 | issue` -> 第3期.
- `cn_number`: `12 | cn_number` -> 十二 (any integer, via cn2an).
- `width`: a chart printed N mm wide (`{{ charts.themes | width(90) }}`).

Resource guards (a template must not hang or exhaust the machine that builds it): `range` yields
at most `MAX_RANGE_TOTAL` numbers per render in total, integer arguments to calls and filters are
capped at `MAX_ARGUMENT`, `*` and `**` results are capped in size, and a render stops after
`RENDER_SECONDS` (where the platform has `SIGALRM`). Statically, before anything runs: attributes
starting with `_`, `{% include %}`, `{% import %}` and `{% extends %}` are refused.

Charts: values of type `briefing.charts.ChartImage` anywhere in the context become inline images
(with their alt text); `""` stays empty, so `{% if theme.chart %}` works.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import functools
import io
import re
import signal
import threading
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefing.atomic import write_bytes_atomic
from briefing.charts import ChartImage
from briefing.context import BriefingContext
from briefing.errors import TemplateError
from briefing.ziputil import normalize_zip

_DIGITS = "零一二三四五六七八九"
_TAG_PATTERN = re.compile(r"<[^>]+>")


def cn_ordinal(number: int) -> str:
    """1 -> 一, 10 -> 十, 15 -> 十五, 20 -> 二十, 99 -> 九十九; 100 and more stay in digits."""
    try:
        value = int(number)
    except (TypeError, ValueError):
        return str(number)
    if value < 0 or value >= 100:
        return str(value)
    if value < 10:
        return _DIGITS[value]
    tens, units = divmod(value, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def cn_paren(number: int) -> str:
    """1 -> （一）: the numbering of second-level headings."""
    return f"（{cn_ordinal(number)}）"


_UNITS_YI = 1e8
_UNITS_WAN = 1e4


def _number(value: Any, filter_name: str) -> float:
    """A filter's input as a number: ints, floats and numeric strings ("8.65e10", "1,200")."""
    if isinstance(value, bool):
        raise ValueError(f"过滤器 {filter_name} 需要数字，得到的是真/假值")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").replace("，", "").strip())
        except ValueError:
            pass
    raise ValueError(f"过滤器 {filter_name} 需要数字，得到的是“{_clip(str(value), 20)}”")


def _decimal(value: float, digits: int) -> str:
    """Rounded to `digits` places without trailing zeros: 865.10 -> 865.1, 300.0 -> 300."""
    text = f"{value:.{max(0, min(int(digits), 6))}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def yi(value: Any, digits: int = 1) -> str:
    """An amount in 元 written in 亿元: 86510000000 -> 865.1亿元."""
    return _decimal(_number(value, "yi") / _UNITS_YI, digits) + "亿元"


def wan(value: Any, digits: int = 1) -> str:
    """An amount in 元 written in 万元: 12345678 -> 1234.6万元."""
    return _decimal(_number(value, "wan") / _UNITS_WAN, digits) + "万元"


def percent(value: Any, digits: int = 1) -> str:
    """A ratio as a percentage: 0.372 -> 37.2%, 0.5 -> 50%."""
    return _decimal(_number(value, "percent") * 100, digits) + "%"


def issue(value: Any) -> str:
    """3 -> 第3期."""
    return f"第{int(_number(value, 'issue'))}期"


def cn_number(value: Any) -> str:
    """12 -> 十二, 2024 -> 二千零二十四, 3.5 -> 三点五 (cn2an's conventions)."""
    import cn2an

    number = _number(value, "cn_number")
    result: str = cn2an.an2cn(int(number) if number == int(number) else number)
    return result


def cn_date_filter(value: Any) -> str:
    """2024-03-27 (a string, date or datetime) -> 2024年3月27日; an empty value stays empty."""
    from datetime import date

    if value in (None, ""):
        return ""
    if isinstance(value, datetime | date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ValueError(
                f"过滤器 cn_date 需要 YYYY-MM-DD 格式的日期，得到的是“{_clip(str(value), 20)}”"
            ) from None
    return f"{day.year}年{day.month}月{day.day}日"


def image_width(image: Any, millimetres: float) -> Any:
    """A chart printed `millimetres` wide (height follows): `{{ charts.themes | width(80) }}`.

    An empty chart ("") stays empty, so `{% if theme.chart %}` still works around it.
    """
    from docx.shared import Mm

    if not image:
        return image
    size = _number(millimetres, "width")
    if not 20 <= size <= 170:
        raise ValueError(f"过滤器 width 的宽度应在 20 到 170 毫米之间，得到的是 {size:g}")
    if not hasattr(image, "_insert_image"):
        raise ValueError("过滤器 width 只能用于图表变量（如 charts.themes、theme.chart）")
    resized = copy.copy(image)
    resized.width = Mm(size)
    resized.height = None
    return resized


AUTHOR_FILTERS: dict[str, Callable[..., Any]] = {
    "cn_ordinal": cn_ordinal,
    "cn_paren": cn_paren,
    "yi": yi,
    "wan": wan,
    "cn_date": cn_date_filter,
    "percent": percent,
    "issue": issue,
    "cn_number": cn_number,
    "width": image_width,
}
"""The filters this tool adds for template authors (documented in docs/templates.md)."""

# --- resource guards --------------------------------------------------------------------------

MAX_RANGE_TOTAL = 100_000
"""Numbers `range()` may produce in one render, all calls together (nested loops included)."""
MAX_ARGUMENT = 100_000
"""Largest integer a call or filter argument may be (`center(10**9)`, `lipsum(n=…)`)."""
MAX_SEQUENCE = 100_000
"""Longest string or list `*` may build."""
MAX_EXPONENT = 64
RENDER_SECONDS = 60
"""Wall-clock limit of one render (Unix main thread; elsewhere the other guards still apply)."""


class ResourceLimitError(SecurityError):
    """A template asked for more work than a briefing can need."""


def _check_argument(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
        raise ResourceLimitError(f"{what}的数值参数 {value} 超过上限 {MAX_ARGUMENT}")


_PERCENT_SPEC = re.compile(r"%[#0\- +]*(\d*)(?:\.(\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def _check_format_string(text: str) -> None:
    """Refuse widths and precisions like `{:>1000000000}` or `%1000000000d`: a huge string."""
    numbers = [n for m in _PERCENT_SPEC.finditer(text) for n in m.groups() if n]
    numbers += [n for m in _BRACE_SPEC.finditer(text) for n in re.findall(r"\d+", m.group(1))]
    for number in numbers:
        _check_argument(int(number), "格式字符串")


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge integer arguments (the value filtered itself may be big)."""
    skip = 1 + (1 if getattr(func, "jinja_pass_arg", None) is not None else 0)

    @functools.wraps(func)  # keeps jinja_pass_arg, so context-taking filters still get it
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in [*args[skip:], *kwargs.values()]:
            _check_argument(value, f"过滤器 {name} ")
        if name == "format" and len(args) >= skip and isinstance(args[skip - 1], str):
            _check_format_string(args[skip - 1])
        return func(*args, **kwargs)

    return guarded


class _BriefingEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, remembering the XML it last compiled so errors can quote the failing spot,
    refusing dangerous constructs before anything runs, and bounding the work a template does."""

    last_source: str = ""
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.range_left = MAX_RANGE_TOTAL
        self.globals["range"] = self._range

    def _range(self, *args: Any) -> range:
        for value in args:
            _check_argument(value, "range ")
        numbers = range(*args)
        self.range_left -= len(numbers)
        if self.range_left < 0:
            raise ResourceLimitError(f"range 在一次渲染中共产生的数超过上限 {MAX_RANGE_TOTAL}")
        return numbers

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        if isinstance(source, str):
            self.last_source = source
        return super().from_string(source, *args, **kwargs)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        problems = static_security_problems(tree)
        if problems:
            lineno, message = problems[0]
            raise UnsafeTemplateError(message, lineno)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):
            _check_format_string(left)
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
                raise ResourceLimitError(f"乘方的指数 {right} 超过上限 {MAX_EXPONENT}")
            return left**right
        for seq, times in ((left, right), (right, left)):
            sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
            if sized and len(seq) * times > MAX_SEQUENCE:
                raise ResourceLimitError(f"用 * 重复得到的内容长度超过上限 {MAX_SEQUENCE}")
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format_string(value.__self__)
        return wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        for value in [*args, *kwargs.values()]:
            _check_argument(value, "调用")
        return super().call(__context, __obj, *args, **kwargs)


class UnsafeTemplateError(SecurityError):
    """A construct refused before rendering: it carries the template line for the message."""

    def __init__(self, message: str, lineno: int | None) -> None:
        super().__init__(message)
        self.lineno = lineno


_LOADER_NODES: tuple[tuple[type[nodes.Node], str], ...] = (
    (nodes.Include, "include"),
    (nodes.Import, "import"),
    (nodes.FromImport, "from … import"),
    (nodes.Extends, "extends"),
)


def static_security_problems(tree: nodes.Template) -> list[tuple[int | None, str]]:
    """(line, Chinese message) for every construct a briefing template may not use.

    Attributes starting with `_` are the way out of every known sandbox escape (`__class__`,
    `__globals__`, `_TemplateReference__context`); no context key starts with one. Templates
    are single files: including or importing another file is refused (there is no loader).
    """
    found: list[tuple[int | None, str]] = []
    for node_type, label in _LOADER_NODES:
        for node in tree.find_all(node_type):
            found.append(
                (
                    node.lineno,
                    f"模板不能用 {{% {label} %}} 引用其他文件（模板只能是单个 Word 文件）",
                )
            )
    internal: dict[int | None, list[str]] = {}
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: Any = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            arg = node.args[0]
            name = arg.value if isinstance(arg, nodes.Const) else None
        if isinstance(name, str) and name.startswith("_"):
            names = internal.setdefault(node.lineno, [])
            if name not in names:
                names.append(name)
    for lineno, names in internal.items():
        # innermost first, as the tag reads: cycler.__init__.__globals__
        shown = "、".join(f"“{name}”" for name in reversed(names))
        found.append((lineno, f"模板访问了内部属性{shown}，这是不允许的"))
    found.sort(key=lambda item: item[0] or 0)
    return found


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Stop a render that runs longer than `seconds` (only where SIGALRM works: Unix main thread)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise ResourceLimitError(f"模板渲染超过 {seconds} 秒")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def make_environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every template is rendered in (also for `briefing template check`)."""
    env = _BriefingEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(AUTHOR_FILTERS)
    env.filters.update({name: _guard_filter(name, func) for name, func in env.filters.items()})
    return env


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
    text = f"出错位置：“{_clip(here)}”" if here else ""
    if around and around != here:
        text += f"（上下文：“{_clip(around, 160)}”）"
    return text + "。"


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def _template_error(exc: BaseException, env: _BriefingEnvironment, template: Path) -> TemplateError:
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
    assert isinstance(env, _BriefingEnvironment)
    try:
        with _time_limit(render_seconds):
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


RENDER_MEMORY_MB = 1024
"""Memory a render may add (child process, where the platform can fork and limit it)."""


def _virtual_memory_bytes() -> int | None:
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    match = re.search(r"^VmSize:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def _limit(kind: int, value: int) -> None:
    """Lower a resource limit, never above the hard limit the system already sets."""
    import resource

    try:
        _, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(kind, (value, hard))
    except (ValueError, OSError):
        pass  # the other guards still apply


def _isolated(work: Callable[[], bytes], template: Path, seconds: int) -> bytes:
    """Run `work` in a forked child with a memory and CPU limit; its bytes or its TemplateError.

    The sandbox stops a template reaching Python, the guards in the environment stop the obvious
    abuse, but some filters multiply sizes (`replace`, `join`) and only an operating-system limit
    bounds them all. Where fork or /proc is missing, `work` runs here with the in-process guards.
    """
    import os

    current = _virtual_memory_bytes()
    if not hasattr(os, "fork") or current is None:
        return work()
    import pickle
    import resource

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns
        status = 0
        try:
            os.close(read_end)
            _limit(resource.RLIMIT_AS, current + RENDER_MEMORY_MB * 1024 * 1024)
            _limit(resource.RLIMIT_CPU, seconds)
            try:
                payload: tuple[str, Any] = ("ok", work())
            except TemplateError as exc:
                payload = ("error", str(exc))
            except MemoryError:
                payload = ("memory", "")
            except BaseException as exc:  # a bug must not run the parent's code in the child
                payload = ("crash", f"{type(exc).__name__}: {exc}")
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        raw = pipe.read()
    _, wait_status = os.waitpid(pid, 0)
    if not raw:
        if os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) in (
            signal.SIGXCPU,
            signal.SIGKILL,
        ):
            raise TemplateError(
                f"模板渲染超过 {seconds} 秒 CPU 时间，已中止（{template.name}）。"
                "简报模板只需遍历上下文中的列表，不需要大范围循环。"
            )
        raise TemplateError(f"模板渲染异常退出（{template.name}，状态 {wait_status}）。")
    # our own child wrote this pipe
    kind, value = pickle.loads(raw)
    if kind == "ok":
        result: bytes = value
        return result
    if kind == "memory":
        raise TemplateError(
            f"模板要求的内存过多（超过 {RENDER_MEMORY_MB} MB），已中止渲染（{template.name}）。"
            "简报模板不需要构造很长的文字，请检查 replace、join、宏递归或 namespace 的用法。"
        )
    if kind == "crash":
        raise TemplateError(f"模板渲染失败（{template.name}）：{value}")
    raise TemplateError(str(value))


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
    raw = _isolated(
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
                    f"{where}：“{match.group(0)}”必须单独成段，同段的文字“{_clip(rest, 30)}”会被删除"
                )
        elif kind in ("tr", "tc") and not in_table:
            problems.append(f"{where}：“{match.group(0)}”只能放在表格中")
    return problems
