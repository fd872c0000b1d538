"""Command-line interface. The only module that prints, colours and chooses exit codes."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from briefing.errors import BriefingError, InputNotFoundError

app = typer.Typer(
    name="briefing",
    help="把科技政策文件整理成 Word 简报。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


@app.callback()
def _root() -> None:
    """把科技政策文件整理成 Word 简报。"""


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command("extract")
def extract_cmd(
    paths: Annotated[
        list[Path], typer.Argument(help="文件或文件夹（递归读取）", show_default=False)
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="输出格式：jsonl（每行一条）或 json（数组）")
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入文件（默认输出到标准输出）")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="有任何警告即以退出码 1 结束")] = False,
) -> None:
    """读取文件，抽取元数据、措施和数据，按 JSONL 契约输出。"""
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    try:
        classifier = Classifier(load_lexicon())
        documents = extract_documents(paths, classifier)
    except InputNotFoundError as exc:
        _err(f"错误：{exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except BriefingError as exc:
        _err(f"错误：{exc}")
        raise typer.Exit(EXIT_FAILED) from None

    records = [doc.to_record() for doc in documents]
    if fmt is OutputFormat.json:
        text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output is None:
        sys.stdout.write(text)
    else:
        from briefing.atomic import write_text_atomic

        write_text_atomic(output, text)

    warnings = [w for doc in documents for w in doc.warnings]
    for warning in warnings:
        _err(f"警告：{warning}")
    _err(
        f"已处理 {len(documents)} 个文件，"
        f"措施 {sum(len(d.measures) for d in documents)} 条，"
        f"数据 {sum(len(d.indicators) for d in documents)} 项，警告 {len(warnings)} 条。"
    )
    if strict and warnings:
        _err("因 --strict 且存在警告，以失败结束。")
        raise typer.Exit(EXIT_FAILED)


def main() -> None:
    app()
