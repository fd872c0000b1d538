"""`briefing explain --doc FILE` without a sentence: how the file's page was read.

Which lines were the page that carried the document (its furniture, and why each was set aside),
which were the document's title, head, body and signature, and the metadata read from them. Called
by `cli.py`, which declares the options.
"""

from __future__ import annotations

from pathlib import Path

import typer

from briefing.cli_help import say as _say
from briefing.errors import BriefingError
from briefing.extract.metadata import parse_document_text
from briefing.extract.page import BODY, FURNITURE, ROLE_NAMES, FieldOrigin, PageLayout
from briefing.model import Metadata

EXIT_FAILED = 1
MAX_SHOWN = 60  # characters of a line shown


def explain_page(doc: Path) -> None:
    """Print, for each document the file holds, its page's layout and the metadata read from it."""
    from briefing.inputs import escaped
    from briefing.readers import read_file

    try:
        raws = list(read_file(doc, str(doc)))
    except BriefingError as exc:
        typer.echo(f"错误：{escaped(str(exc))}", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    for raw in raws:
        if len(raws) > 1:
            _say(f"== {raw.source}")
        parsed = parse_document_text(raw)
        _print_layout(parsed.layout)
        _print_metadata(parsed.metadata, parsed.layout)


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _print_layout(layout: PageLayout) -> None:
    furniture = layout.furniture
    _say(f"页面元素（不属于文件本身，共{len(furniture)}行）：")
    if not furniture:
        _say("  （无）")
    for line in furniture:
        _say(f"  “{_shown(line.text)}”：{line.why}")
    for role in ROLE_NAMES:
        if role in (FURNITURE, BODY):
            continue
        texts = layout.texts(role)
        if texts:
            _say(f"{ROLE_NAMES[role]}：")
            for text in texts:
                _say(f"  {_shown(text)}")
    body = layout.texts(BODY)
    _say(f"正文：{len(body)}行" + (f"，首行“{_shown(body[0])}”" if body else ""))
    if layout.source:
        _say(f"页面标明的来源：{layout.source}")
    if layout.host:
        _say(f"承载页面的网站：{layout.host}")


_FIELDS = (
    ("title", "标题"),
    ("publisher", "发布机构"),
    ("written_date", "成文日期"),
    ("published_date", "发布日期"),
    ("doc_no", "文号"),
)


def _print_metadata(metadata: Metadata, layout: PageLayout) -> None:
    _say("元数据（及其出处）：")
    for name, label in _FIELDS:
        value = getattr(metadata, name)
        _say(f"  {label}：{value if value else '（未识别）'}")
        origin = layout.origins.get(name)
        if origin is not None:
            _say(f"    出处：{_origin_line(layout, origin)}{origin.why}")
    if metadata.title_derived:
        _say(f"  显示名称：{metadata.display_title}（文件没有标题，取自正文开头）")


def _origin_line(layout: PageLayout, origin: FieldOrigin) -> str:
    """ "第3行［标题］“…”，" for the line a field was read from ("第3—4行" for a title broken over
    two); nothing when no line gave it (the file's own metadata, a sentence of the body)."""
    first = origin.line
    if first is None or not 0 <= first < len(layout.lines):
        return ""
    shown = layout.lines[first]
    end = layout.lines[origin.last] if origin.last is not None else shown
    span = f"{shown.number}" if end.number <= shown.number else f"{shown.number}—{end.number}"
    return f"第{span}行［{ROLE_NAMES[shown.role]}］“{_shown(shown.text)}”，"
