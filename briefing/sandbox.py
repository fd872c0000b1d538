"""The sandbox every template renders in: Jinja's immutable sandbox, strict, bounded, isolated.

Templates are data that staff copy around, not code. On top of `ImmutableSandboxedEnvironment`:
constructs that reach for Python internals or other files are refused before anything runs
(`static_security_problems`); `range`, integer arguments, `*`, `**` and format widths are capped;
a render stops after `RENDER_SECONDS`; and where the platform can fork, the render runs in a child
process with a memory and CPU limit (`isolated`), because some filters multiply sizes and only the
operating system bounds them all.
"""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefing.errors import TemplateError
from briefing.filters import AUTHOR_FILTERS
from briefing.forking import close_inherited, fork_child

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


class BriefingEnvironment(ImmutableSandboxedEnvironment):
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


def make_environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every template is rendered in (also for `briefing template check`)."""
    env = BriefingEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(AUTHOR_FILTERS)
    env.filters.update({name: _guard_filter(name, func) for name, func in env.filters.items()})
    return env


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


def isolated(work: Callable[[], bytes], template: Path, seconds: int) -> bytes:
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

    def render(write_fd: int) -> None:
        close_inherited(keep=write_fd)
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
        with os.fdopen(write_fd, "wb") as pipe:
            pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)

    child = fork_child(render)
    if child is None:
        return work()
    pid, read_end = child
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
