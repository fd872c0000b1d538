"""Saved web pages (.html, .htm, .shtml) through selectolax's lexbor parser.

The page becomes lines the way a browser lays it out: one line per block (paragraph, heading, list
item, table row), the cells of a row joined by a space (so a government header table reads like
the seeds' `[ 索引号 ] … [ 发文字号 ] …` lines). Scripts, styles, forms and navigation menus are
dropped (a menu is a `<nav>` or a block that is almost only links). Header fields the page carries
in `<meta>` tags or in a label/value table go to `fields`; their text stays in `text` as well.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import limits
from briefing.readers.common import (
    cap_paragraphs,
    clean_text,
    decode_bytes,
    read_bytes,
    truncation_warning,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


# Elements whose text is never document text.
_SKIP = _tags(
    "script style noscript template iframe svg math canvas object embed head title form select "
    "button input textarea nav footer aside audio video map area datalist dialog"
)
# Elements that start and end a line.
_BLOCK = _tags(
    "address article blockquote body caption center dd details dir div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 header hr html legend li main menu ol p pre section summary table "
    "tbody tfoot thead tr ul"
)
_CELL = frozenset(("td", "th"))
# class/id words of page chrome, matched as the last word of a class or id.
_CHROME_NAMES = _tags("footer foot copyright share sidebar qrcode ewm toolbar")
_NAME_SPLIT = re.compile(r"[_\-]+")
_MENU_DEPTH = 60
# Nodes of a table cell looked at to decide whether it holds a block.
_CELL_SCAN = 500

# <meta name=...> values that name a header field. Keys are lower-cased.
_META_FIELDS: dict[str, str] = {
    "articletitle": "title",
    "dc.title": "title",
    "pubdate": "published_date",
    "publishdate": "published_date",
    "firstpublishedtime": "published_date",
    "dc.date": "published_date",
    "article:published_time": "published_date",
    "contentsource": "publisher",
    "dc.publisher": "publisher",
    "url": "url",
    "og:url": "url",
}

# Labels of the header block printed on government pages, as (label pattern, field).
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^[\[【〔(（]?\s*(?:{labels})\s*[\]】〕)）]?\s*[:：]?$"), name)
    for labels, name in (
        ("索\\s*引\\s*号", "index_no"),
        ("发文字号|文\\s*号|发文编号", "doc_no"),
        # 来源 is left to the text parser, which ranks it below 发布机构 and the title's issuer.
        ("发布机构|发文机关|发文单位|发布单位", "publisher"),
        ("成文日期|印发日期|签发日期", "written_date"),
        ("发布日期|公开日期|发布时间", "published_date"),
        ("主题分类|主\\s*题\\s*词?", "topic"),
        ("体裁分类|公文种类|文\\s*种", "genre"),
        ("标\\s*题|名\\s*称|文件名称", "title"),
    )
)

_NON_WORD = re.compile(r"[\W_]+")
_WS = re.compile(r"[ \t\n\r\f\u00a0\u3000]+")
# A source line break between two CJK characters is not a space (CSS Text 3 segment breaks).
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])"
)
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def read(path: Path, source: str) -> list[RawDocument]:
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as exc:
        raise ReadError("读取网页需要 selectolax，请运行 pip install selectolax") from exc
    raw = read_bytes(path, limit=limits.MAX_TEXT_BYTES)
    if not raw.data.strip():
        raise ReadError("文件为空")
    match = _META_CHARSET.search(raw.data[:8192])
    decoded = decode_bytes(raw.data, declared=match.group(1).decode("ascii") if match else None)
    page = clean_text(decoded.text)
    if (
        page.count("<") > limits.MAX_HTML_DIRECT_TAGS
        or _attribute_bound(page) > limits.MAX_HTML_DIRECT_ATTRIBUTES
    ):
        lines, fields = _parse_bounded(page, LexborHTMLParser)
    else:
        lines, fields = _parse(page, LexborHTMLParser)
    saved_from = _SAVED_FROM.search(raw.data[:2048])
    if saved_from and "url" not in fields:  # the comment browsers write on "Save page as"
        fields["url"] = saved_from.group(1).decode("ascii", "replace")
    text = clean_text("\n".join(lines))
    if not text.strip():
        raise ReadError("网页中没有正文文字")
    warnings = [f"{source}: {w}" for w in decoded.warnings]
    if raw.truncated:
        warnings.append(truncation_warning(source, raw.size, len(raw.data)))
    text, cut = cap_paragraphs(text, source)
    warnings += cut
    return [
        RawDocument(
            source=source,
            format="html",
            sha256=raw.sha256,
            text=text,
            fields=fields,
            warnings=warnings,
        )
    ]


def _attribute_bound(page: str) -> int:
    """At least the number of attributes the parser would read from `page`: an HTML attribute
    ends at white space, `/` or `=` (even with no white space after a quoted value), so a page has
    no more attributes than these, counting a run of white space once. Text counts too: a page
    of prose gets a high bound and a harmless trip to the child."""
    bound = page.count("=") + page.count("/")
    left = limits.MAX_HTML_DIRECT_ATTRIBUTES - bound + 1  # enough to tell: the count stops there
    return bound + sum(1 for _ in itertools.islice(_WHITE_RUN.finditer(page), max(left, 0)))


_WHITE_RUN = re.compile(r"[ \t\n\r\f]+")


def _parse(
    page: str, parser: type[LexborHTMLParser], *, memory_bounded: bool = False
) -> tuple[list[str], dict[str, str]]:
    """The page's lines and header fields. Raises ReadError; MemoryError where `memory_bounded`
    (the limited child) and the parser fails: lexbor refuses no input (HTML has no syntax
    errors), it fails only when an allocation does, which there means the memory limit."""
    try:
        tree = parser(page)
    except Exception as exc:  # a C parser on untrusted bytes: any failure is "cannot read"
        if memory_bounded:
            raise MemoryError from exc
        raise ReadError("网页无法解析") from exc
    fields = _meta_fields(tree)
    root = tree.body or tree.root
    if root is None:
        raise ReadError("网页中没有正文文字")
    return list(_lines(root, fields)), fields


def _parse_bounded(page: str, parser: type[LexborHTMLParser]) -> tuple[list[str], dict[str, str]]:
    """`_parse` for a page with many tags, in a limited child stopped after
    MAX_HTML_PARSE_SECONDS of CPU or MAX_HTML_PARSE_MEMORY of memory (`limits` says why). Where
    there is no fork (Windows) the page is parsed here, unbounded."""
    import json

    from briefing.errors import TemplateError
    from briefing.sandbox import ChildError, can_isolate, run_limited

    if not can_isolate():
        return _parse(page, parser)

    def work() -> bytes:
        try:
            lines, fields = _parse(page, parser, memory_bounded=True)
        except ReadError as exc:
            return json.dumps({"error": str(exc)}).encode("utf-8")
        return json.dumps({"lines": lines, "fields": fields}).encode("utf-8")

    seconds = limits.MAX_HTML_PARSE_SECONDS
    memory = limits.MAX_HTML_PARSE_MEMORY
    try:
        answer = json.loads(
            run_limited(work, seconds=seconds, preload=False, memory_mb=max(memory >> 20, 1))
        )
    except ChildError as exc:
        if exc.reason in ("cpu", "timeout"):
            raise ReadError(
                f"网页结构异常（如标签嵌套极深、属性极多），解析超过 {seconds} 秒上限，未读取"
            ) from None
        if exc.reason == "memory":
            raise ReadError(
                f"网页结构异常（如极多的细小标签），解析所需内存超过 {limits.size_text(memory)} "
                "上限，未读取"
            ) from None
        raise ReadError("网页无法解析") from None
    except TemplateError:  # the child reports only ReadErrors, in its answer; never expected
        raise ReadError("网页无法解析") from None
    if "error" in answer:
        raise ReadError(str(answer["error"]))
    return [str(line) for line in answer["lines"]], {
        str(k): str(v) for k, v in answer["fields"].items()
    }


def _meta_fields(tree: LexborHTMLParser) -> dict[str, str]:
    fields: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        value = _WS.sub(" ", attrs.get("content") or "").strip()
        name = _META_FIELDS.get(key)
        if name and value and name not in fields:
            fields[name] = value
    if "url" not in fields:
        for node in tree.css('link[rel="canonical"]'):
            href = (node.attributes.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                fields["url"] = href
                break
    return fields


class _Lines:
    """Accumulates inline text into the current line; blocks end lines."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def end_line(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts = []
        line = _WS.sub(" ", _CJK_BREAK.sub("", raw)).strip()
        if line:
            self.done.append(line)


def _hidden_style(style: str | None) -> bool:
    """Whether an inline style hides the element (`display: none`, `visibility: hidden`), as a
    browser reads it: property names and keywords in any case, any white space around them
    (`DISPLAY:NONE` and `display:\tnone` hid the text from readers and gave it to the briefing)."""
    if not style:
        return False
    squeezed = _STYLE_SPACE.sub("", style).lower()
    return any(rule in squeezed for rule in _HIDING_RULES)


_STYLE_SPACE = re.compile(r"\s+")
_HIDING_RULES = ("display:none", "visibility:hidden", "visibility:collapse")


def _is_chrome(attrs: dict[str, str | None]) -> bool:
    """Site footer, share bar, sidebar or QR code, by class or id (`<div class="footer">`)."""
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
    # "footer", "g-footer", "page_foot"; not "sidebar-content" or "footnote".
    return any(_NAME_SPLIT.split(name)[-1] in _CHROME_NAMES for name in names)


def _is_menu(node: LexborNode) -> bool:
    """A block that is almost only links (a menu, a link list, a breadcrumb of many parts).

    A block with a sentence or two of its own text is kept however many links surround it, so an
    article nested in a link-heavy layout container survives.
    """
    links = node.css("a")
    if len(links) < 3:
        return False
    # Separators between menu links ("|", "·", ">>") are not text of the block's own.
    text = len(_NON_WORD.sub("", node.text(deep=True)))
    link_text = sum(len(_NON_WORD.sub("", a.text(deep=True))) for a in links)
    own = text - link_text
    return own <= 0.2 * text and own < 60


def _has_block(node: LexborNode) -> bool:
    """Whether a cell holds a block (it then ends lines). A cell of more than _CELL_SCAN nodes is
    taken to: scanning every cell's whole subtree made nested tables cost O(nodes × depth)."""
    for count, child in enumerate(node.traverse()):
        if child.tag in _BLOCK or child.tag == "br" or count > _CELL_SCAN:
            return True
    return False


def _lines(root: LexborNode, fields: dict[str, str]) -> Iterator[str]:
    out = _Lines()
    # An explicit stack: broken pages nest thousands deep, recursion would overflow.
    stack: list[tuple[LexborNode, bool, int]] = [(root, False, 0)]
    while stack:
        node, leaving, depth = stack.pop()
        tag = node.tag or ""
        if leaving:
            if tag in _BLOCK:
                out.end_line()
                if tag == "tr" and depth < _MENU_DEPTH:  # header tables sit near the top
                    _row_fields(node, fields)
            elif tag in _CELL:
                out.add(" ")
            continue
        if tag == "-text":
            out.add(node.text(deep=False))
            continue
        if tag.startswith("-") or tag in _SKIP:
            continue
        if tag == "br":
            out.end_line()
            continue
        attrs = node.attributes
        if "hidden" in attrs or _hidden_style(attrs.get("style")):
            continue
        if _is_chrome(attrs):
            continue
        # Menus sit near the top of real pages; the depth bound keeps pathological nesting linear.
        menu_tags = ("ul", "ol", "div", "table", "p", "dl", "menu")
        if depth < _MENU_DEPTH and tag in menu_tags and _is_menu(node):
            continue
        if tag in _BLOCK:
            out.end_line()
        elif tag in _CELL:
            if _has_block(node):
                out.end_line()
            else:
                out.add(" ")
        stack.append((node, True, depth))
        children = reversed(list(node.iter(include_text=True)))
        stack.extend((child, False, depth + 1) for child in children)
    out.end_line()
    yield from out.done


def _row_fields(row: LexborNode, fields: dict[str, str]) -> None:
    """Label/value cell pairs of a header table: `[ 索引号 ] | 1150…/2023-00178 | …`."""
    # The row's own cells: a nested table's rows are visited themselves, and collecting their
    # cells here too made each row cost the whole table below it.
    own = [c for c in row.iter(include_text=False) if c.tag in _CELL]
    cells = [_WS.sub(" ", c.text(deep=True)).strip() for c in own]
    for label, value in itertools.pairwise(cells):
        for pattern, name in _LABELS:
            if (
                pattern.match(label)
                and 0 < len(value) <= 200
                and not any(p.match(value) for p, _ in _LABELS)
            ):
                fields.setdefault(name, value)
                break
