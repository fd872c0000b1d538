"""`briefing template init` and `briefing template check`: the logic, without printing.

`init_template` copies a shipped template, a sample context (JSON) and a short Chinese guide into
a folder, so a staff member can start restyling in Word.

`check_template` finds what would go wrong when building with a template, and reports every
problem it can find, each in Chinese with the tag and the paragraph around it:

1. tag placement: `{%p %}` alone in its paragraph, `{%tr %}`/`{%tc %}` inside a table, full-width
   braces that Word's input method typed instead of `{{`;
2. per part (body, headers, footers): Jinja syntax; constructs the sandbox refuses (attributes
   starting with `_`, include/import); unknown filters and tests (with the closest name);
   variables and fields that the documented context does not have (with the closest name, from
   `briefing.contextdoc.read_fields()`, following `{% for x in list %}` to type `x`);
3. a real render in the sandbox against a context (writes nothing): runtime errors, and output
   that lost its pictures or tables, or a chart in a fixed-line-height paragraph (Word clips it).
"""

from __future__ import annotations

import base64
import difflib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import parse_xml
from jinja2 import nodes

from briefing.atomic import write_bytes_atomic
from briefing.charts import ChartImage
from briefing.config import package_data_dir
from briefing.context import BriefingContext, to_jsonable
from briefing.contextdoc import read_fields
from briefing.errors import TemplateError, os_reason
from briefing.filters import clip
from briefing.inputs import json_text
from briefing.render import (
    RENDER_SECONDS,
    _template_error,
    _text_around,
    in_sandbox,
    is_shipped,
    make_environment,
    open_template,
    read_template,
    render_in_place,
    screen_template,
    static_security_problems,
    suggest,
)
from briefing.sandbox import NestedTooDeepError, unreproducible_hint

CONTEXT_MAX_BYTES = 64 * 1024 * 1024
"""Largest context file read (the seeds' is 150 KB; a year of documents a few megabytes)."""
GUIDE_NAME = "模板编写说明.md"
SAMPLE_CONTEXT_NAME = "sample-context.json"
SHIPPED = ("briefing.docx", "yaoqing.docx", "zhuanti.docx")

# names Jinja itself provides inside a template
_JINJA_NAMES = {"loop", "self", "super", "varargs", "kwargs", "caller", "true", "false", "none"}
_ELEMENT_FILTERS = {"first", "last"}
_LIST_FILTERS = {"selectattr", "rejectattr", "sort", "unique", "reverse", "list", "batch", "slice"}
_CHART_REFERENCE = re.compile(r"\{\{[^{}]*\b(?:charts\.\w+|\w+\.chart)\b[^{}]*\}\}")
_FULLWIDTH_TAG = re.compile(r"[｛{][｛%％]|[%％｝][｝}]")
# 1x1 transparent PNG: a stand-in for charts when the context comes from JSON
_PLACEHOLDER_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def shipped_template(name: str = "briefing.docx") -> Path:
    return package_data_dir("templates") / name


def guide_source() -> Path:
    return package_data_dir("templates") / "guide.md"


# --- init -----------------------------------------------------------------------------------------


def sample_context(theme: str | None = None) -> BriefingContext:
    """A real context built from the seeds bundled with the package (not ./seeds): what a
    template receives, with real measures, figures and charts, identical on every machine.
    `theme` gives the context of a 专题 (`briefing build --theme`)."""
    from briefing.build import preview_context
    from briefing.config import Settings, package_data_dir

    return preview_context(Settings(inputs=(package_data_dir("seeds"),), theme=theme))


def context_json(context: BriefingContext) -> str:
    return json_text(to_jsonable(context), indent=2) + "\n"


def init_template(
    directory: Path,
    *,
    name: str = "briefing.docx",
    source: Path | None = None,
    force: bool = False,
    context: BriefingContext | None = None,
) -> list[Path]:
    """Copy a template, `sample-context.json` and the guide into `directory`; return what was
    written. Refuses (TemplateError) to overwrite an existing file unless `force`."""
    template = source if source is not None else shipped_template()
    if not template.is_file():
        raise TemplateError(f"模板文件不存在：{template}")
    if not name.lower().endswith(".docx"):
        name += ".docx"
    targets = [directory / name, directory / SAMPLE_CONTEXT_NAME, directory / GUIDE_NAME]
    # a dangling link counts: writing through it would create its target, wherever that is
    existing = [path for path in targets if path.exists() or path.is_symlink()]
    if existing and not force:
        raise TemplateError(
            "以下文件已存在，未做任何改动："
            + "、".join(str(p) for p in existing)
            + "。如需覆盖，请加 --force。"
        )
    if directory.exists() and not directory.is_dir():
        raise TemplateError(f"{directory} 不是文件夹")
    data = context_json(context if context is not None else sample_context())
    directory.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(targets[0], template.read_bytes())
    write_bytes_atomic(targets[1], data.encode("utf-8"))
    write_bytes_atomic(targets[2], guide_source().read_bytes())  # replaces a link, never its target
    return targets


def load_context_json(path: Path) -> BriefingContext:
    """A context saved by `init` or `briefing context --json`; picture placeholders become a
    blank picture, so a check still sees where the charts go."""
    # it comes with the template (template init writes it beside it): as untrusted as that
    try:
        size = path.stat().st_size
        if size > CONTEXT_MAX_BYTES:
            raise TemplateError(
                f"上下文文件 {path} 过大（{size // (1024 * 1024)} MB，上限 "
                f"{CONTEXT_MAX_BYTES // (1024 * 1024)} MB），不是 briefing 写出的上下文文件"
            )
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TemplateError(f"无法读取上下文文件 {path}：{os_reason(exc)}") from None
    except UnicodeDecodeError:
        raise TemplateError(f"无法读取上下文文件 {path}：不是 UTF-8 编码的文字") from None
    except json.JSONDecodeError as exc:
        raise TemplateError(
            f"无法读取上下文文件 {path}：第 {exc.lineno} 行第 {exc.colno} 列附近不是有效的 JSON"
        ) from None
    except RecursionError:
        raise TemplateError(f"无法读取上下文文件 {path}：JSON 嵌套过深") from None
    if not isinstance(raw, dict) or "masthead" not in raw:
        raise TemplateError(f"{path} 不是 briefing 的上下文文件（缺少 masthead）")

    def restore(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("<图片："):
            return ChartImage(png=_PLACEHOLDER_PNG, width_mm=150, alt=value[4:-1])
        if isinstance(value, dict):
            return {k: restore(v) for k, v in value.items()}
        if isinstance(value, list):
            return [restore(v) for v in value]
        return value

    try:
        context: BriefingContext = restore(raw)
    except RecursionError:
        raise TemplateError(f"无法读取上下文文件 {path}：JSON 嵌套过深") from None
    return context


# --- check ----------------------------------------------------------------------------------------


@dataclass
class CheckReport:
    template: Path
    problems: list[str] = field(default_factory=list)
    rendered: bool = False
    """Whether the sample render succeeded (then the template builds)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)


def _field_types() -> dict[str, dict[str, str]]:
    return {type_name: {f.name: f.type for f in fs} for type_name, fs in read_fields().items()}


def _element(type_name: str | None) -> str | None:
    if type_name and type_name.startswith("list[") and type_name.endswith("]"):
        return type_name[5:-1]
    return None


def _path(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_path(node.node)}[{node.arg.value!r}]"
    return "…"


class _FieldChecker:
    """Follows the documented types through a template and reports unknown fields.

    `{% for theme in themes %}` gives `theme` the element type of `themes`; `{% set x = … %}`
    gives `x` the type of its value; anything the checker cannot type is left alone (never a
    false alarm), the sample render catches the rest.
    """

    def __init__(self, types: dict[str, dict[str, str]], report: Any) -> None:
        self.types = types
        self.report = report

    def visit(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        if isinstance(node, nodes.For):
            element = _element(self.type_of(node.iter, scope))
            inner = dict(scope)
            self._bind(node.target, element, inner)
            inner["loop"] = None
            if node.test is not None:
                self.type_of(node.test, inner)
            for child in node.body:
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return
        if isinstance(node, nodes.Assign):
            self._bind(node.target, self.type_of(node.node, scope), scope)
            return
        if isinstance(node, nodes.Expr):
            self.type_of(node, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    def _bind(
        self, target: nodes.Node, type_name: str | None, scope: dict[str, str | None]
    ) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = type_name
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = None

    def _field(self, node: nodes.Node, owner: str | None, name: Any) -> str | None:
        fields = self.types.get(owner or "")
        if fields is None or not isinstance(name, str):
            return None
        if name in fields:
            return fields[name]
        base = _path(node)
        close = difflib.get_close_matches(name, list(fields), n=1, cutoff=0.6)
        hint = f"，是不是“{base}.{close[0]}”？" if close else ""
        self.report(
            node.lineno,
            f"“{base}.{name}”：{owner} 没有字段“{name}”{hint}（可用字段：{'、'.join(fields)}）",
        )
        return None

    def type_of(self, node: nodes.Node, scope: dict[str, str | None]) -> str | None:
        if isinstance(node, nodes.Name):
            return scope.get(node.name)
        if isinstance(node, nodes.Getattr):
            return self._field(node.node, self.type_of(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            owner = self.type_of(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._field(node.node, owner, node.arg.value)
            self.type_of(node.arg, scope)
            return _element(owner) if isinstance(node.arg, nodes.Const) else None
        if isinstance(node, nodes.Filter) and node.node is not None:
            value = self.type_of(node.node, scope)
            for arg in [*node.args, *(kw.value for kw in node.kwargs)]:
                self.type_of(arg, scope)
            if node.name in _ELEMENT_FILTERS:
                return _element(value)
            if node.name in _LIST_FILTERS and _element(value):
                return value
            return None
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.type_of(child, scope)
            else:
                self.visit(child, scope)
        return None


def _part_sources(tpl: Any) -> list[str]:
    """The XML docxtpl compiles for the body, headers and footers, split into paragraphs."""
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


def _part_names(tpl: Any) -> list[tuple[str, str]]:
    """(label, source) for the body, headers and footers, as render compiles them."""
    labels = ["正文"]
    for uri, label in ((tpl.HEADER_URI, "页眉"), (tpl.FOOTER_URI, "页脚")):
        labels.extend(label for _ in tpl.get_headers_footers(uri))
    return list(zip(labels, _part_sources(tpl), strict=True))


_ROW_TAG = re.compile(r"\{%\s*tr\s[^%]*%\}")
_PRINT_TAG = re.compile(r"\{\{.*?\}\}")
_BOUND = re.compile(r"\{%-?\s*(?:p|tr|tc|r)?\s*(?:for|set)\s+([\w\s,]+?)\s+(?:in\b|=)")


def _undeclared(tree: nodes.Template) -> set[str]:
    """Names read but never set (loop targets, `set`, macro arguments count as set).

    `jinja2.meta.find_undeclared_variables` compiles the template and so stops at an unknown
    filter; this keeps going.
    """
    loads = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    stores = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    stores |= {m.name for m in tree.find_all(nodes.Macro)}
    return loads - stores


def _analyse(
    tree: nodes.Template,
    at: Any,
    report: CheckReport,
    env: jinja2.Environment,
    types: dict[str, dict[str, str]],
    bound: set[str],
) -> bool:
    """Security, filters, tests, variables and fields of one parsed part. True when clean."""
    top = types["BriefingContext"]
    clean = True
    for lineno, message in static_security_problems(tree):
        clean = False
        report.add(f"不安全的写法：{message}。{at(lineno)}模板中的代码不会被执行。")
    for node in tree.find_all(nodes.Filter):
        if node.name not in env.filters:
            clean = False
            hint = unreproducible_hint(node.name) or suggest(node.name, set(env.filters))
            report.add(f"没有名为“{node.name}”的过滤器{hint}。{at(node.lineno)}")
    for test in tree.find_all(nodes.Test):
        if test.name not in env.tests:
            clean = False
            hint = suggest(test.name, set(env.tests))
            report.add(f"没有名为“{test.name}”的判断（is 后的词）{hint}。{at(test.lineno)}")
    known = set(top) | set(env.globals) | _JINJA_NAMES | bound
    for name in sorted(_undeclared(tree) - known):
        clean = False
        lineno = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), None)
        report.add(
            f"变量“{name}”不存在{unreproducible_hint(name) or suggest(name, set(top))}。{at(lineno)}"
            f"可用的顶层变量：{'、'.join(top)}。"
        )
    before = len(report.problems)

    def field_problem(lineno: int | None, message: str) -> None:
        report.add(f"{message}。{at(lineno)}")

    scope: dict[str, str | None] = dict(top)
    scope.update(dict.fromkeys(bound))
    _FieldChecker(types, field_problem).visit(tree, scope)
    return clean and len(report.problems) == before


def _static_checks(
    data: bytes, name: str, report: CheckReport, types: dict[str, dict[str, str]]
) -> bool:
    """Syntax, security, filters, variables and fields of every part. True when it compiles.

    When a part has a syntax error, its `{{ … }}` tags are still checked one by one, so one
    unclosed `{% for %}` does not hide a misspelt variable three pages later.
    """
    tpl = open_template(data, name)
    env = make_environment()
    clean = True
    for label, source in _part_names(tpl):

        def at(lineno: int | None, source: str = source, label: str = label) -> str:
            here, _ = _text_around(source, lineno)
            return f"位置（{label}）：“{clip(here)}”。" if here else ""

        try:
            tree = jinja2.parser.Parser(env, source).parse()
        except jinja2.TemplateSyntaxError as exc:
            clean = False
            if exc.source is None:
                exc.source = source
            env.last_source = source  # type: ignore[attr-defined]
            report.add(str(_template_error(exc, env, name)))  # type: ignore[arg-type]
        except RecursionError:  # Jinja's parser recurses: tags nested thousands deep
            clean = False
            report.add(str(_template_error(NestedTooDeepError(), env, name)))  # type: ignore[arg-type]
            continue
        else:
            try:
                clean = _analyse(tree, at, report, env, types, set()) and clean
            except RecursionError:  # so do the checks' walks of its tree
                clean = False
                report.add(str(_template_error(NestedTooDeepError(), env, name)))  # type: ignore[arg-type]
            continue
        lines = source.splitlines()
        plain = [re.sub(r"<[^>]+>", "", line) for line in lines]
        bound = {
            name.strip()
            for line in plain
            for match in _BOUND.finditer(line)
            for name in match.group(1).split(",")
        }
        for number, line in enumerate(plain, start=1):
            for tag in _PRINT_TAG.findall(line):
                try:
                    piece = jinja2.parser.Parser(env, tag).parse()
                    for node in piece.find_all(nodes.Node):
                        node.lineno = number
                    _analyse(piece, at, report, env, types, bound)
                except (jinja2.TemplateSyntaxError, RecursionError):
                    continue
    return clean


def _placement_checks(data: bytes, report: CheckReport) -> None:
    """`{%p %}`/`{%tr %}` placement, full-width braces, charts in fixed-height lines."""
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise TemplateError("无法打开模板（不是完整的 Word 文档）") from exc
    for index, paragraph in enumerate(doc.paragraphs, start=1):
        text = paragraph.text
        for problem in _tag_placement(text, f"正文第{index}段", in_table=False):
            report.add(problem)
        if _FULLWIDTH_TAG.search(text) and ("｛" in text or "｝" in text or "％" in text):
            report.add(
                f"正文第{index}段：“{text[:40]}”中的标签用了全角符号（｛ ｝ ％），"
                "请改为半角的 {{ }} 或 {% %}（可切换到英文输入法输入）。"
            )
        if _CHART_REFERENCE.search(text):
            _image_line_spacing(paragraph, index, report)
    for t_index, table in enumerate(doc.tables, start=1):
        for r_index, row in enumerate(table.rows, start=1):
            where = f"第{t_index}个表格第{r_index}行"
            texts = [cell.text for cell in dict.fromkeys(row.cells)]
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for problem in _tag_placement(paragraph.text, where, in_table=True):
                        report.add(problem)
            row_text = "".join(texts)
            if _ROW_TAG.search(row_text):
                rest = _ROW_TAG.sub("", row_text).strip()
                if rest:
                    report.add(
                        f"{where}：有 {{%tr %}} 标签的这一行会被整行删除，同一行的“{rest[:30]}”"
                        "也会消失。请把 {%tr %} 标签单独放在一行（其他单元格留空）。"
                    )


def _image_line_spacing(paragraph: Any, index: int, report: CheckReport) -> None:
    """A picture in a paragraph with an exact line height shows as a thin strip in Word."""
    rule = paragraph.paragraph_format.line_spacing_rule
    height = paragraph.paragraph_format.line_spacing
    style = paragraph.style
    while rule is None and style is not None:
        rule = style.paragraph_format.line_spacing_rule
        height = style.paragraph_format.line_spacing
        style = style.base_style
    if rule == WD_LINE_SPACING.EXACTLY:
        points = f"{height.pt:g}磅" if height is not None else ""
        report.add(
            f"正文第{index}段：图表“{paragraph.text.strip()[:40]}”所在段落是固定行距{points}，"
            "Word 会把图片裁成一条。请把该段落（或其样式）的行距改为“单倍行距”，"
            "或使用样式“图片”。"
        )


def _count(data: bytes, member: str, tag: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            return package.read(member).decode("utf-8").count(tag)
        except KeyError:
            return 0


def _output_checks(
    source: bytes, output: bytes, context: BriefingContext, report: CheckReport
) -> None:
    """Pictures and tables the template has or asks for must be in the result."""
    body = "word/document.xml"
    static_images = _count(source, body, "<w:drawing")
    images = _count(output, body, "<w:drawing")
    text = _body_text(output)
    if "<图表>" in text or "<图片：" in text or "ChartImage(" in text:
        report.add(
            "生成结果中有图表被当作文字输出（如“<图表>”）。"
            "图表变量要单独写成 {{ charts.themes }} 这样的形式，不能加过滤器或与文字拼接。"
        )
    if images < static_images:
        report.add(
            f"模板中原有 {static_images} 张图片，生成结果中只剩 {images} 张："
            "图片可能被放进了条件或循环标签所在的段落（{%p %} 所在段落会被整段删除）。"
        )
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        # Word's own name for the body; a package may name it otherwise (`_count` sees none)
        xml = package.read(body).decode("utf-8") if body in package.namelist() else ""
    charts_asked = bool(_CHART_REFERENCE.search(re.sub(r"<[^>]+>", "", xml)))
    if charts_asked and _has_chart(context) and images <= static_images:
        report.add(
            "模板引用了图表变量，但生成结果中没有图表图片。请检查图表标签是否写在"
            "条件为假的 {%p if %} 中，或被写成了文字。"
        )
    tables = _count(source, body, "<w:tbl>")
    if tables and _count(output, body, "<w:tbl>") == 0:
        report.add(
            f"模板中有 {tables} 个表格，生成结果中一个也没有：{{%tr %}} 标签可能放错了行，"
            "或整个表格被放进了 {%p if %} … {%p endif %} 中而条件为假。"
        )


def _has_chart(context: Mapping[str, Any] | Iterable[Any] | Any) -> bool:
    if isinstance(context, ChartImage):
        return bool(context)
    if isinstance(context, Mapping):
        return any(_has_chart(v) for v in context.values())
    if isinstance(context, list | tuple):
        return any(_has_chart(v) for v in context)
    return False


def _body_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def check_template(
    template: Path,
    context: BriefingContext,
    *,
    render_seconds: int | None = None,
    trusted: bool = False,
) -> CheckReport:
    """Everything `briefing template check` reports, without writing a file.

    The template is read here and everything else (opening it, the checks, the trial render)
    happens in the same limited child a build renders in: a hostile template can do no more to
    a check than to a build. A template that cannot be opened gives a report with that one
    problem.
    """
    report = CheckReport(template)
    seconds = render_seconds or RENDER_SECONDS
    types = _field_types()  # read from the source here: the child can open no file
    try:
        data = read_template(template)
        answer = in_sandbox(
            lambda: json.dumps(
                _check_in_child(data, template.name, context, types, seconds)
            ).encode(),
            template.name,
            seconds=seconds,
            trusted=trusted or is_shipped(template),
        )
    except TemplateError as exc:
        report.add(str(exc))
        return report
    result = json.loads(answer)
    report.problems = [str(problem) for problem in result["problems"]]
    report.rendered = bool(result["rendered"])
    return report


def _check_in_child(
    data: bytes,
    name: str,
    context: BriefingContext,
    types: dict[str, dict[str, str]],
    seconds: int,
) -> dict[str, Any]:
    """The checks and the trial render, run inside the limited child: plain results only."""
    report = CheckReport(Path(name))
    try:
        screen_template(data, name)  # before python-docx parses anything
        _placement_checks(data, report)
        compiles = _static_checks(data, name, report, types)
    except TemplateError as exc:
        report.add(str(exc))
        return {"problems": report.problems, "rendered": False}
    if compiles:
        # (otherwise a render would stop at the first of the problems already listed)
        try:
            output = render_in_place(data, name, context, datetime(2024, 1, 1), seconds)
        except TemplateError as exc:
            message = str(exc)
            field = re.search(r"未定义的变量或字段“([^”]+)”", message)
            already = field is not None and any(f"“{field.group(1)}”" in p for p in report.problems)
            if not already:
                report.add(message)
        else:
            report.rendered = True
            _output_checks(data, output, context, report)
    return {"problems": report.problems, "rendered": report.rendered}
