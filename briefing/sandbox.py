"""The sandbox every template renders in: an allow-list over plain data, bounded, in a limited child.

Templates are data that staff copy around, not code. Three layers, each enough on its own for the
attacks we know of:

1. What a template can reach. The context is plain data (dicts, lists, strings, numbers) plus
   opaque chart handles; `BriefingEnvironment.is_safe_attribute` allows attribute and method
   access per type from `ALLOWED_ATTRIBUTES` (a short list of str, dict and list methods and
   Jinja's loop helpers) and refuses everything else, whatever its name. Constructs that reach
   for Python internals or other files are refused before anything runs
   (`static_security_problems`).
2. How much work it can ask for: `range`, integer arguments, `*`, `**` and format widths are
   capped; so is the text it builds (`MAX_TEXT`: every join, replace, format, `~`, `+`, macro
   and printed value, checked before the text is made where the size is known beforehand) and
   the integers its arithmetic makes; a render stops after `RENDER_SECONDS`.
3. Where it runs: `run_limited` forks a child that has no way to open, create or grow a file
   (no free descriptor, a zero file-size limit, and on Linux a Landlock ruleset that denies
   every file-system and network right), with a memory and CPU limit and a wall-clock timeout,
   an empty environment and `/` as its working directory.
   The template arrives as bytes read by the parent; the rendered DOCX leaves as bytes through a
   pipe. Where fork is missing (Windows) only a trusted template renders, in this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import importlib
import itertools
import json
import os
import pkgutil
import re
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Set, ValuesView
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Undefined
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup

from briefing.errors import TemplateError
from briefing.filters import AUTHOR_FILTERS, clip

if sys.platform != "win32":
    import fcntl
    import resource

MAX_RANGE_TOTAL = 100_000
"""Numbers `range()` may produce in one render, all calls together (nested loops included)."""
MAX_ARGUMENT = 100_000
"""Largest integer a call or filter argument may be (`center(10**9)`, `truncate(…)`)."""
UNREPRODUCIBLE = ("random", "lipsum")
"""Jinja's filter and global whose output differs on every run. They are removed: the same inputs,
template and options must give a byte-identical briefing."""
MAX_SEQUENCE = 100_000
"""Longest string or list `*` may build."""
MAX_EXPONENT = 64
MAX_TEXT = 10_000_000
"""Longest text (characters) a template may build or print at once: a joined, replaced,
formatted or concatenated string, a macro's or a block's output, one rendered part. A month's
document.xml is a few hundred thousand characters; without a bound, `join` and `replace` of
allowed sizes made hundreds of millions, stopped only by the child's memory limit (which
macOS does not have)."""
MAX_INTEGER_BITS = 256
"""Largest integer arithmetic may make (about 10^77): squaring in a loop doubles its digits."""
RENDER_SECONDS = 60
"""Wall-clock limit of one render (Unix main thread; elsewhere the other guards still apply)."""


class ResourceLimitError(SecurityError):
    """A template asked for more work than a briefing can need."""


class TextTooLongError(ResourceLimitError):
    """A template built or printed text longer than `MAX_TEXT`; `what` says how (`模板输出`:
    the output added up, which is also where many documents listed one by one end)."""

    def __init__(self, message: str, what: str) -> None:
        super().__init__(message)
        self.what = what
        self.limit = MAX_TEXT


OUTPUT = "模板输出"


class NestedTooDeepError(ResourceLimitError):
    """Tags, brackets or filters nested deeper than Jinja's parser and compiler (and Python's
    own compiler, which allows 20 nested loops and 200 brackets) can follow."""

    def __init__(self) -> None:
        super().__init__(
            "模板中的标签、括号或过滤器嵌套过深（如几十层的 {% for %}、上百层的 {% if %} 或括号，"
            "或连写上千个过滤器、运算符）"
        )


def _check_text(size: int, what: str, unit: str = "文字", count: str = "字") -> None:
    if size > MAX_TEXT:
        raise TextTooLongError(f"{what}得到的{unit}超过 {MAX_TEXT // 10000} 万{count}的上限", what)


_END = object()


def text_size(value: Any, limit: int = MAX_TEXT) -> int:
    """How many characters `value` prints as, counted without printing it and only up to just
    past `limit`: `[[1] * 99999] * 99999` holds 10^5 references but prints 10^10 characters.
    Containers are walked with a stack of iterators, so nesting costs no recursion.

    Every value a template prints or joins passes here, so this is also where one that would
    print as Python's own description is refused (`not_data`): a list holding a method, a
    `cycler()`, the iterator `map` returns."""
    size = 0
    stack: list[Iterator[Any]] = [iter((value,))]
    # The namespaces being printed, by the depth of the stack entry that holds what each stores.
    # A namespace is the one container a template can change after making it, so the only way
    # to a value that holds itself (`{% set ns.x = ns %}`); Python prints it again inside itself
    # as `{...}`, and walking it to the limit took 8 to 20 seconds.
    open_namespaces: dict[int, int] = {}
    while stack:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
            if open_namespaces and next(reversed(open_namespaces.values())) == len(stack):
                open_namespaces.popitem()
        elif isinstance(item, str):
            size += len(item)
        elif isinstance(item, list | tuple | Set | KeysView | ValuesView):
            size += 2 + 2 * len(item)  # brackets and separators
            stack.append(iter(item))
        elif isinstance(item, dict | ItemsView):
            size += 2 + 4 * len(item)
            pairs = item.items() if isinstance(item, dict) else item
            stack.append(itertools.chain.from_iterable(pairs))
        elif isinstance(item, int) and not isinstance(item, bool):
            size += item.bit_length() // 3 + 2
        elif isinstance(item, Namespace):
            # prints as `<Namespace {…}>` with what the template stored in it: a method stored
            # there printed with its memory address, a long list at any length
            stored = item._Namespace__attrs
            if id(stored) in open_namespaces:
                size += 5  # `{...}`
                continue
            size += 13 + 4 * len(stored)
            open_namespaces[id(stored)] = len(stack)
            stack.append(itertools.chain.from_iterable(stored.items()))
        elif isinstance(item, _PRINTABLE) or type(item).__name__ == "ChartHandle":
            size += 32  # a float, None, a chart (printed as a picture), a loop, a namespace
        else:
            raise not_data(item)
        if size > limit:
            break
    return size


# What prints as itself (a number, `range(0, 3)`, `<LoopContext 1/3>`) rather than as Python's
# description of an object, with its memory address; a namespace prints what it holds.
_PRINTABLE = (float, bool, type(None), range, Undefined, LoopContext)


def not_data(value: Any) -> ValueError:
    """The error for printing a function, method, iterator or helper object: Python prints it as
    "<built-in method upper of str object at 0x7f…>", a memory address in the briefing (and
    bytes that differ from run to run), whether alone, in a list or joined into text."""
    if isinstance(value, Iterator):
        return ValueError(
            "模板输出的是迭代器本身，不是数据（map、select 等过滤器的结果请加 | list 或 | join）"
        )
    return ValueError(
        f"模板输出的是{_type_name(value)}本身，不是数据（是不是少了括号？如 "
        "masthead.name.upper() 而不是 masthead.name.upper）"
    )


def _percent_size(text: str, values: Any) -> int:
    """At most how long `text % values` is: each conversion prints at most the longest value."""
    items = list(values.values()) if isinstance(values, dict) else values
    items = items if isinstance(items, tuple | list) else (items,)
    conversions = sum(1 for m in _PERCENT_CONVERSION.finditer(text) if m.group(3) != "%")
    longest = max((text_size(v) for v in items), default=0)
    return len(text) + conversions * longest


def unreproducible_hint(name: str) -> str:
    """Why a template cannot use `name`, when it is one of UNREPRODUCIBLE; else ""."""
    if name not in UNREPRODUCIBLE:
        return ""
    return f"（“{name}”每次生成的结果都不同，而同样的输入必须得到相同的简报，所以模板不能使用它）"


def _check_argument(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARGUMENT:
        raise ResourceLimitError(f"{what}的数值参数 {value} 超过上限 {MAX_ARGUMENT}")


# a %-conversion: mapping key, flags, width, precision; `*` takes the number from the values
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def _check_format_string(text: str) -> bool:
    """Refuse widths and precisions like `{:>1000000000}` or `%1000000000d`: a huge string.
    True when a %-conversion takes its width or precision from the values (`%*d`)."""
    numbers: list[str] = []
    star = False
    for match in _PERCENT_SPEC.finditer(text):
        for number in match.groups():
            star = star or number == "*"
            if number and number != "*":
                numbers.append(number)
    numbers += [n for m in _BRACE_SPEC.finditer(text) for n in re.findall(r"\d+", m.group(1))]
    for number in numbers:
        _check_argument(int(number), "格式字符串")
    return star


# one whole %-conversion, its type included, so `%%` (a literal percent, no value) is told apart
_PERCENT_CONVERSION = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.?)")


def _star_values(text: str, values: tuple[Any, ...]) -> list[Any]:
    """The values a `%` format takes as widths or precisions (`%*d`, `%.*f`): only these are
    sizes; `"%*d" % (10, 123456)` pads the amount 123456 to a width of 10."""
    stars: list[Any] = []
    index = 0
    for match in _PERCENT_CONVERSION.finditer(text):
        width, precision, kind = match.groups()
        for number in (width, precision):
            if number == "*":
                if index < len(values):
                    stars.append(values[index])
                index += 1
        if kind != "%":
            index += 1
    return stars


def _check_format_spec(spec: str) -> None:
    """The spec of one `{…}` field as `str.format` applies it, nested fields filled in
    (`'{0:>{1}}'.format(x, '1000000000')`): every number in it is a width or precision."""
    for number in re.findall(r"\d+", spec):
        _check_argument(int(number), "格式字符串")


class _BoundedFormatter(SandboxedFormatter):
    """Bounds each field's spec, and the fields' text together: `('{0}' * 33333).format(s)`
    repeats one argument as often as the format string names it."""

    produced = 0

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        text_size(value)  # `{0!r}` and `{0!s}` print the value before `format_field` sees it
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_format_spec(format_spec)
        _check_text(self.produced + text_size(value), "格式化")
        field = super().format_field(value, format_spec)
        self.produced += len(field)
        _check_text(self.produced, "格式化")
        return field


class _BoundedEscapeFormatter(_BoundedFormatter, SandboxedEscapeFormatter):
    pass


class _FormatCall:
    """`text.format` or `text.format_map` as a template calls it (`wrap_str_format`): through a
    formatter that bounds every field's spec and the text made."""

    def __init__(self, text: str, formatter: SandboxedFormatter, is_format_map: bool) -> None:
        self.text = text
        self.formatter = formatter
        self.is_format_map = is_format_map

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        if self.is_format_map:
            if kwargs or len(args) != 1:
                raise TypeError("format_map() takes exactly one argument")
            kwargs, args = args[0], ()
        return type(self.text)(self.formatter.vformat(self.text, args, kwargs))


# filters that print the whole value they are given: a value that prints as billions of
# characters (a list repeating a long list) is refused before it is printed
_PRINTING_FILTERS = frozenset(
    {
        "capitalize", "center", "e", "escape", "filesizeformat", "forceescape", "format",
        "indent", "lower", "pprint", "replace", "safe", "string", "striptags", "title",
        "tojson", "trim", "truncate", "upper", "urlencode", "urlize", "wordcount", "wordwrap",
        "xmlattr",
    }
)  # fmt: skip


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge integer arguments and text over `MAX_TEXT`: checked before
    the filter runs where its size follows from its input (join, replace, format, indent, sum),
    and on the text it returns for every other filter."""
    skip = 1 + (1 if getattr(func, "jinja_pass_arg", None) is not None else 0)
    what = f"过滤器 {name} "

    @functools.wraps(func)  # keeps jinja_pass_arg, so context-taking filters still get it
    def guarded(*args: Any, **kwargs: Any) -> Any:
        # `format`'s arguments are values to print (`'%d' | format(1234567)`); only those a
        # `*` takes as a width or precision are sizes
        sizes = (
            _star_values(args[skip - 1], args[skip:])
            if name == "format" and len(args) >= skip and isinstance(args[skip - 1], str)
            else [*args[skip:], *kwargs.values()]
        )
        for value in sizes:
            _check_argument(value, what)
        if len(args) >= skip:
            args = (*args[: skip - 1], *_filter_input(name, args[skip - 1 :], kwargs, what))
        result = _tojson(func, args, kwargs) if name == "tojson" else func(*args, **kwargs)
        if isinstance(result, str):
            _check_text(len(result), what)
        elif name == "map" and len(args) > skip and "attribute" not in kwargs:
            # a map through a filter makes a new value per item, each within the limit, and
            # `join`, `list` or `sort` keep them all: range(99999) | map('center', 99999) | list
            # made 10 billion characters, stopped only by the child's memory limit
            result = _bounded_items(result, what)
        return result

    return guarded


def _bounded_items(items: Iterable[Any], what: str) -> Iterator[Any]:
    """`items`, refused once what they print as together passes `MAX_TEXT`."""
    size = 0
    for item in items:
        size += text_size(item)
        _check_text(size, what)
        yield item


def _filter_input(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], what: str
) -> tuple[Any, ...]:
    """The filtered value and its arguments, after the size checks a filter needs before it
    runs; a joined iterable is made a list (it is walked twice)."""
    value, rest = args[0], args[1:]
    if name in _PRINTING_FILTERS and not isinstance(value, str):
        _check_text(text_size(value), what)
    if name == "join" and not isinstance(value, str | dict):
        value = list(value)
        separator = rest[0] if rest else kwargs.get("d", "")
        size = sum(text_size(item) for item in value)
        _check_text(size + text_size(separator) * max(len(value) - 1, 0), what)
    elif name == "replace" and isinstance(value, str) and len(rest) >= 2:
        _check_text(_replaced_size(value, str(rest[0]), str(rest[1])), what)
    elif name == "format" and isinstance(value, str):
        _check_format_string(value)
        _check_text(_percent_size(value, kwargs or rest), what)
    elif name == "indent" and isinstance(value, str):
        width = rest[0] if rest else kwargs.get("width", 4)
        width = len(width) if isinstance(width, str) else int(width)
        _check_text(len(value) + width * (value.count("\n") + 1), what)
    elif name == "wordwrap" and isinstance(value, str):
        width = rest[0] if rest else kwargs.get("width", 79)
        wrap = kwargs.get("wrapstring", rest[2] if len(rest) > 2 else None) or "\n"
        breaks = len(value) // max(int(width), 1) + value.count("\n") + 1
        _check_text(len(value) + text_size(wrap) * breaks, what)
    elif name == "urlize" and isinstance(value, str):
        # each link gets the `target` and `rel` given: 11 000 short addresses with a 100 000-
        # character rel made a billion characters, stopped only by the child's memory limit
        target = kwargs.get("target", rest[2] if len(rest) > 2 else None)
        rel = kwargs.get("rel", rest[3] if len(rest) > 3 else None)
        links = len(value.split())
        extra = text_size(target) + text_size(rel) + 64  # the tag, "noopener", quotes
        _check_text(3 * len(value) + links * extra, what)
    elif name == "tojson":
        indent = rest[0] if rest else kwargs.get("indent")
        width = len(indent) if isinstance(indent, str) else indent if isinstance(indent, int) else 0
        if width > 0:
            _check_text(text_size(value) + _json_indent_size(value, width), what)
    elif name == "truncate":
        # Jinja checks these with `assert`: the child died with an AssertionError, told as
        # 程序内部错误…请报告给维护者, for the template's own `truncate(2)` (shorter than "...")
        length = rest[0] if rest else kwargs.get("length", 255)
        end = rest[2] if len(rest) > 2 else kwargs.get("end", "...")
        leeway = rest[3] if len(rest) > 3 else kwargs.get("leeway")
        if isinstance(length, int) and isinstance(end, str) and length < len(end):
            raise ValueError(
                f"过滤器 truncate 的长度 {length} 短于结尾的省略文字“{clip(end, 10)}”"
                f"（{len(end)} 字），请加大长度或改短结尾（end=…）"
            )
        if isinstance(leeway, int) and leeway < 0:
            raise ValueError(f"过滤器 truncate 的 leeway 不能为负数（得到 {leeway}）")
    elif name == "sum" and isinstance(
        start := kwargs.get("start", rest[1] if len(rest) > 1 else 0), list | tuple | str
    ):
        # sum(start=[]) adds lists up: [[1] * 99999] * 99999 holds 10^10 items
        value = list(value)
        size = len(start) + sum(len(v) if isinstance(v, list | tuple | str) else 1 for v in value)
        if isinstance(start, str):
            _check_text(size, what)
        else:
            _check_text(size, what, "列表", "项")
    return (value, *rest)


def _json_indent_size(value: Any, width: int, limit: int = MAX_TEXT) -> int:
    """At least the characters `tojson(indent=width)` adds to `value`'s JSON, counted up to just
    past `limit`: a line break and the indent of its depth before each item of a list or
    dict. `range(30000) | list | tojson(indent=99999)` is 3 billion characters of indents from
    a short list, stopped only by the child's memory limit (which macOS does not have)."""
    size = 0
    stack: list[Iterator[Any]] = [iter((value,))]
    while stack and size <= limit:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
            continue
        size += (len(stack) - 1) * width + 1
        if isinstance(item, dict):
            stack.append(iter(item.values()))
        elif isinstance(item, list | tuple):
            stack.append(iter(item))
    return size


def _replaced_size(text: str, old: str, new: str) -> int:
    count = len(text) + 1 if not old else text.count(old)
    return len(text) + count * (len(new) - len(old))


def _tojson(func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """`tojson` with a Chinese message for what JSON cannot hold (Python's is English)."""
    try:
        return func(*args, **kwargs)
    except (TypeError, ValueError) as exc:
        # "Object of type ChartHandle is not JSON serializable", "keys must be str, …"
        kind = re.search(r"Object of type (\w+)", str(exc))
        shown = "图表" if kind and kind.group(1) == "ChartHandle" else "函数或模板辅助对象"
        if kind is None:
            shown = "以列表为键的数据项"
        raise ValueError(
            f"过滤器 tojson 只能转换文字、数字、真假值、列表和数据项，不能转换{shown}"
            "（图表请直接用 {{ }} 插入）"
        ) from None


# --- what a template may reach -------------------------------------------------------------------

_STR_METHODS = frozenset(
    {
        "capitalize", "count", "endswith", "find", "format", "index", "isalnum", "isalpha",
        "isdigit", "isnumeric", "isspace", "join", "ljust", "lower", "lstrip", "partition",
        "removeprefix", "removesuffix", "replace", "rfind", "rjust", "rpartition", "rsplit",
        "rstrip", "split", "splitlines", "startswith", "strip", "title", "upper", "zfill",
    }
)  # fmt: skip
_LOOP_FIELDS = frozenset(
    {
        "index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle",
        "depth", "depth0", "previtem", "nextitem", "changed",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: tuple[tuple[type, frozenset[str]], ...] = (
    (Markup, _STR_METHODS | {"striptags", "unescape"}),
    (str, _STR_METHODS),
    (dict, frozenset({"get", "items", "keys", "values"})),
    (list, frozenset({"count", "index"})),
    (tuple, frozenset({"count", "index"})),
    (LoopContext, _LOOP_FIELDS),
    (Cycler, frozenset({"current", "next", "reset"})),
)
"""Attributes and methods a template may use, per type; everything else is refused.

The context holds only plain data (see `briefing.context`); a value of any type not listed here
(a chart handle, a function, a class, a Jinja macro) offers a template no attribute at all.
`groupby` results are tuples; `namespace()` objects expose what the template itself stored."""

_TYPE_NAMES: tuple[tuple[type, str], ...] = (
    (str, "文字"),
    (dict, "数据项"),
    (list, "列表"),
    (tuple, "列表"),
    (int, "数字"),
    (float, "数字"),
)


def allowed_attribute(obj: Any, attr: str) -> bool:
    """Whether a template may read `obj.attr` (the allow-list, not a naming rule)."""
    if attr.startswith("_"):
        return False
    if isinstance(obj, Namespace):
        return True  # holds only what the template set with {% set ns.x = … %}
    for kind, names in ALLOWED_ATTRIBUTES:
        if isinstance(obj, kind):
            return attr in names
    return False


def _type_name(obj: Any) -> str:
    for kind, name in _TYPE_NAMES:
        if isinstance(obj, kind):
            return name
    if isinstance(obj, Joiner | Cycler | Namespace):
        return "模板辅助对象"
    if callable(obj):
        return "函数"
    return "图表" if type(obj).__name__ == "ChartHandle" else "该值"


class BriefingEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, remembering the XML it last compiled so errors can quote the failing spot,
    refusing dangerous constructs before anything runs, and bounding the work a template does."""

    last_source: str = ""
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.range_left = MAX_RANGE_TOTAL
        self.globals["range"] = self._range
        for name in UNREPRODUCIBLE:
            self.filters.pop(name, None)
            self.globals.pop(name, None)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return allowed_attribute(obj, attr) and super().is_safe_attribute(obj, attr, value)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        return self.undefined(
            f"模板不能访问{_type_name(obj)}的“{attribute}”（只能使用文档列出的字段和方法）",
            name=attribute,
            obj=obj,
            exc=SecurityError,
        )

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

    def compile(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        # Jinja parses and generates code recursively and Python's compiler bounds nesting: a
        # template nested thousands deep stopped there with a RecursionError (told as 宏无限递归)
        # or a SyntaxError (told as 程序内部错误); it is the template's, and said so
        try:
            return super().compile(source, *args, **kwargs)
        except (RecursionError, SyntaxError):
            raise NestedTooDeepError() from None

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        problems = static_security_problems(tree)
        if problems:
            lineno, message = problems[0]
            raise UnsafeTemplateError(message, lineno)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):
            if _check_format_string(left):
                for value in _star_values(left, right if isinstance(right, tuple) else (right,)):
                    _check_argument(value, "格式字符串的 * 宽度")
            _check_text(_percent_size(left, right), "用 % 格式化")
        if operator == "+":
            if isinstance(left, str) and isinstance(right, str):
                _check_text(len(left) + len(right), "用 + 连接")
            elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
                _check_text(len(left) + len(right), "用 + 连接", "列表", "项")
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
                raise ResourceLimitError(f"乘方的指数 {right} 超过上限 {MAX_EXPONENT}")
            return _bounded_number(left**right)
        for seq, times in ((left, right), (right, left)) if operator == "*" else ():
            sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
            if sized and len(seq) * times > MAX_SEQUENCE:
                raise ResourceLimitError(f"用 * 重复得到的内容长度超过上限 {MAX_SEQUENCE}")
        return _bounded_number(super().call_binop(context, operator, left, right))

    def concat(self, parts: Iterable[str]) -> str:
        """Jinja's join of a rendered part, a macro's body or a `{% set %}` block, stopped at
        `MAX_TEXT` as it goes (printing a long value in a loop adds up)."""
        pieces: list[str] = []
        size = 0
        for piece in parts:
            size += len(piece)
            _check_text(size, OUTPUT)
            pieces.append(piece)
        return "".join(pieces)

    def joined(self, join: Callable[[Any], str], parts: tuple[Any, ...]) -> str:
        """`a ~ b` (see `_BoundedCodeGenerator`), checked before the text is made."""
        _check_text(sum(text_size(part) for part in parts), "用 ~ 连接")
        return join(parts)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's own wrapper (`str.format` and `format_map` through the sandbox's attribute
        checks), with a formatter that also bounds each field's spec as it is applied: a
        nested `{1}` in a spec takes its width from the arguments, which no look at the
        format string alone can see."""
        if super().wrap_str_format(value) is None:
            return None
        text: str = value.__self__
        _check_format_string(text)
        formatter: SandboxedFormatter
        if isinstance(text, Markup):
            formatter = _BoundedEscapeFormatter(self, escape=text.escape)
        else:
            formatter = _BoundedFormatter(self)
        return _FormatCall(text, formatter, value.__name__ == "format_map")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # what `format` is given are values to print, not sizes: `'{:,}'.format(1234567)`
        # prints an amount; a width taken from them (`{0:>{1}}`) is bounded field by field
        if not isinstance(__obj, _FormatCall):
            for value in [*args, *kwargs.values()]:
                _check_argument(value, "调用")
        text = getattr(__obj, "__self__", None)
        method = getattr(__obj, "__name__", "")
        if isinstance(text, str) and method == "join" and len(args) == 1:
            items = list(args[0])
            size = sum(text_size(item) for item in items)
            _check_text(size + len(text) * max(len(items) - 1, 0), "join")
            args = (items,)
        elif isinstance(text, str) and method == "replace" and len(args) >= 2:
            _check_text(_replaced_size(text, str(args[0]), str(args[1])), "replace")
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, str):
            _check_text(len(result), "调用")
        return result


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
def time_limit(seconds: int) -> Iterator[None]:
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


def _bounded_number(value: Any) -> Any:
    if isinstance(value, int) and value.bit_length() > MAX_INTEGER_BITS:
        raise ResourceLimitError(
            f"运算得到的整数超过上限（约 10 的 {MAX_INTEGER_BITS * 3 // 10} 次方）"
        )
    return value


def bounded_output(value: Any) -> Any:
    """Jinja's `finalize`: every `{{ … }}` value, refused before it is printed when it would
    print as more than `MAX_TEXT` characters, or when it is a function or method itself
    (`{{ masthead.name.upper }}` printed "<built-in method upper … at 0x7f…>" into the
    briefing: a stray memory address, so the bytes differed from run to run)."""
    if isinstance(value, str | Undefined):
        return value
    _check_text(text_size(value), "输出的值")
    return value


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with `a ~ b` going through `BriefingEnvironment.joined`: Jinja
    joins it with a function of its own module, which no environment setting reaches."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.joined({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        """A constant `{{ … }}` is printed at compile time, and Jinja escapes it before
        `finalize` sees it: `{{ ''.join }}` reached the briefing as the text of the method
        (with its memory address). Check the value itself first; an error leaves the tag to
        run, where `bounded_output` refuses it with its line."""
        if not isinstance(node, nodes.TemplateData):
            bounded_output(node.as_const(frame.eval_ctx))
        result: str = super()._output_child_to_const(node, frame, finalize)
        return result


BriefingEnvironment.code_generator_class = _BoundedCodeGenerator


def make_environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every template is rendered in (also for `briefing template check`)."""
    env = BriefingEnvironment(
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=bounded_output
    )
    env.filters.update(AUTHOR_FILTERS)
    env.filters.update({name: _guard_filter(name, func) for name, func in env.filters.items()})
    return env


# --- where a template runs ------------------------------------------------------------------------

RENDER_MEMORY_MB = 1024
"""Memory a render may add (Linux; elsewhere the other limits still apply)."""
RESULT_LIMIT = 256 * 1024 * 1024
"""Largest answer a child may send back (a rendered briefing is a few megabytes)."""
WALL_MARGIN = 15
"""Seconds a child may take beyond its CPU limit (start-up, waiting for the machine) before it
is killed: a child that sleeps or blocks instead of computing must not hang a cron run."""

_LENGTH = struct.Struct("<Q")
_in_limited_child = False


class ChildError(Exception):
    """A limited child ended without an answer: `reason` is `timeout`, `memory`, `cpu` or `crash`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def can_isolate() -> bool:
    """Whether templates can render in a limited child here (POSIX fork)."""
    return hasattr(os, "fork")


def run_limited(
    work: Callable[[], bytes],
    *,
    seconds: int,
    preload: bool = True,
    memory_mb: int = RENDER_MEMORY_MB,
) -> bytes:
    """`work()` run in a forked child that can reach no file, under memory, CPU and time limits
    (`memory_mb`: what the child may add to the memory it starts with, on Linux).

    Returns its bytes; re-raises a `TemplateError` it raised (with its message); raises
    `ChildError` when the child died, ran out of time or memory, or answered nothing. Inside a
    limited child (a check that renders), `work` runs directly: the limits already hold. Callers
    decide what to do where fork is missing (`can_isolate`). `preload` imports what a template
    render needs first (the child can open no module file); other work imports its own before.
    """
    if _in_limited_child:
        return work()
    if preload:
        _prepare_imports()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 1
        try:
            os.close(read_end)
            _child(work, write_end, seconds, memory_mb)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        header, payload = _read_answer(read_end, time.monotonic() + seconds + WALL_MARGIN)
    except ChildError:
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    wait_status = _reap(pid)
    if header is None:
        if os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) in (
            signal.SIGXCPU,
            signal.SIGKILL,
        ):
            raise ChildError("cpu")
        raise ChildError("crash", f"状态 {wait_status}")
    kind = header.get("kind")
    if kind == "ok" and payload is not None:
        return payload
    if kind == "error":
        raise TemplateError(str(header.get("message", "")))
    raise ChildError(str(kind or "crash"), str(header.get("message", "")))


_PRELOADED = ("jinja2", "markupsafe", "docxtpl", "docx")
"""Packages a render imports from, with all their modules (0.04 s: most are loaded already)."""
_STDLIB = ("_strptime", "html", "logging", "textwrap", "warnings")
"""Standard modules that Jinja, markupsafe or python-docx import only inside a function."""
_CODECS = (
    "ascii", "charmap", "cp437", "latin_1", "raw_unicode_escape", "unicode_escape",
    "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_8", "utf_8_sig",
)  # fmt: skip
"""Codecs the libraries look up by name, each a module loaded on first use: zipfile's cp437
for entry names, Jinja's unicode-escape for string literals in tags, XML declarations' UTFs."""


def _prepare_imports() -> None:
    """Import here, before the fork, everything a render and a check use: the child cannot open
    a module file (Jinja, for one, imports its traceback helper only when a template fails), and
    importing in a child forked while another thread held the import lock could wait forever."""
    import lxml.etree  # noqa: F401  (python-docx's parser)

    for name in (*_STDLIB, *(f"encodings.{codec}" for codec in _CODECS)):
        importlib.import_module(name)

    for name in _PRELOADED:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            # optional parts whose dependency is missing (docxtpl.subdoc needs docxcompose)
            with contextlib.suppress(ImportError):
                importlib.import_module(module.name)


def _child(work: Callable[[], bytes], write_fd: int, seconds: int, memory_mb: int) -> None:
    global _in_limited_child
    _in_limited_child = True
    # Nothing a render needs, everything an escape would want: tokens, proxy passwords and
    # paths in the environment, the user's folder as the working directory.
    os.environ.clear()
    with contextlib.suppress(OSError):
        os.chdir("/")
    write_fd = _confine_descriptors(write_fd)
    memory = _virtual_memory_bytes()  # read /proc before Landlock closes it
    _landlock()  # before the descriptor limit: the ruleset is a descriptor
    _limit_resources(seconds, memory, memory_mb)
    try:
        header: dict[str, str] = {"kind": "ok"}
        payload = work()
        if len(payload) > RESULT_LIMIT:
            header, payload = {"kind": "too-big"}, b""
    except TemplateError as exc:
        header, payload = {"kind": "error", "message": str(exc)}, b""
    except MemoryError:
        header, payload = {"kind": "memory"}, b""
    except BaseException as exc:  # a bug must not run the parent's code in the child
        header, payload = {"kind": "crash", "message": f"{type(exc).__name__}: {exc}"}, b""
    # a message may quote a value the template made, and a lone surrogate ('\ud800' in a tag)
    # cannot be encoded: the child died answering, and the template's own mistake reached the
    # user as 程序内部错误（状态 256），请…报告给维护者. Written as `\ud800`, it is JSON's own escape:
    # the parent reads back the message as it was.
    answer = json.dumps(header, ensure_ascii=False).encode("utf-8", "backslashreplace")
    _write_message(write_fd, answer)
    _write_message(write_fd, payload)


def _confine_descriptors(write_fd: int) -> int:
    """Leave the child with /dev/null as stdin, stdout and stderr and the answer pipe as fd 3.

    Nothing the child prints reaches the user (a library's English warning included), and with
    the descriptor limit set just above, every open() or socket() fails for want of a number.
    """
    pipe = fcntl.fcntl(write_fd, fcntl.F_DUPFD, 10)  # out of the way of 0-3, whatever was closed
    os.close(write_fd)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        if fd != null:
            os.dup2(null, fd)
    os.dup2(pipe, 3)
    os.closerange(4, _max_descriptors())
    return 3


def _max_descriptors() -> int:
    try:
        return max(int(os.sysconf("SC_OPEN_MAX")), 256)
    except (AttributeError, ValueError, OSError):
        return 65536


def _limit_resources(seconds: int, current: int | None, memory_mb: int) -> None:
    if current is not None:
        _set_limit(resource.RLIMIT_AS, current + memory_mb * 1024 * 1024)
    _set_limit(resource.RLIMIT_CPU, seconds)
    _set_limit(resource.RLIMIT_CORE, 0)
    _set_limit(resource.RLIMIT_FSIZE, 0)
    _set_limit(resource.RLIMIT_NOFILE, 4)


def _set_limit(kind: int, value: int) -> None:
    """Lower a resource limit (soft and hard: the child must not raise it again)."""
    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(kind, (value, value))


def _virtual_memory_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            text = status.read()
    except OSError:
        return None
    match = re.search(r"^VmSize:\s+(\d+)\s+kB", text, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


# Landlock (Linux 5.13+): syscall numbers are the same on every architecture.
_LANDLOCK_CREATE_RULESET = 444
_LANDLOCK_RESTRICT_SELF = 446
_PR_SET_NO_NEW_PRIVS = 38
# file-system rights known to each Landlock ABI version (1: 13 rights, 2: REFER, 3: TRUNCATE,
# 5: IOCTL_DEV); network rights from ABI 4 (bind and connect TCP)
_FS_RIGHTS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
_NET_RIGHTS = (1 << 2) - 1


def _landlock() -> bool:
    """Deny this process every file-system (and, where known, network) right. True if it held.

    The descriptor and file-size limits already stop open/create/write; Landlock also stops
    what needs no descriptor (unlink, rename, mkdir, chmod). Best effort: an older kernel or
    another platform keeps the other limits.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syscall = libc.syscall
        syscall.restype = ctypes.c_long
        abi = int(syscall(_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(1)))
        if abi < 1:
            return False
        fs = _FS_RIGHTS[max(v for v in _FS_RIGHTS if v <= abi)]
        if abi >= 4:
            attr: bytes = struct.pack("<QQ", fs, _NET_RIGHTS)
        else:
            attr = struct.pack("<Q", fs)
        buffer = ctypes.create_string_buffer(attr, len(attr))
        ruleset = int(syscall(_LANDLOCK_CREATE_RULESET, buffer, ctypes.c_size_t(len(attr)), 0))
        if ruleset < 0:
            return False
        try:
            if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
                return False
            return int(syscall(_LANDLOCK_RESTRICT_SELF, ruleset, 0)) == 0
        finally:
            os.close(ruleset)
    except (OSError, AttributeError, ValueError):
        return False


def _write_message(fd: int, data: bytes) -> None:
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_answer(fd: int, deadline: float) -> tuple[dict[str, Any] | None, bytes | None]:
    """The child's header and payload; (None, None) when it died before finishing them."""
    raw_header = _read_message(fd, deadline, 1 << 20)
    if raw_header is None:
        return None, None
    header = json.loads(raw_header.decode("utf-8"))
    payload = _read_message(fd, deadline, RESULT_LIMIT)
    if payload is None:
        return None, None
    return header if isinstance(header, dict) else None, payload


def _read_message(fd: int, deadline: float, limit: int) -> bytes | None:
    head = _read_exactly(fd, _LENGTH.size, deadline)
    if head is None:
        return None
    (size,) = _LENGTH.unpack(head)
    if size > limit:
        raise ChildError("too-big")
    return _read_exactly(fd, size, deadline) if size else b""


def _read_exactly(fd: int, size: int, deadline: float) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        left = deadline - time.monotonic()
        if left <= 0:
            raise ChildError("timeout")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _reap(pid)


def _reap(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue
        except ChildProcessError:
            return 0
