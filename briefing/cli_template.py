"""`briefing template init` and `briefing template check` (a typer sub-app; cli.py registers it
with `app.add_typer(template_app, name="template")`). CLI code: it prints; the work is done by
`briefing.template_tools`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli_help import Command, Group
from briefing.errors import BriefingError
from briefing.inputs import terminal_text

EXIT_FAILED = 1

app = typer.Typer(
    cls=Group,
    name="template",
    help="编写和检查 Word 简报模板。",
    no_args_is_help=True,
    add_completion=False,
)


def _fail(message: str) -> typer.Exit:
    typer.echo(terminal_text(f"错误：{message}"), err=True)
    return typer.Exit(EXIT_FAILED)


@app.command("init", cls=Command)
def init(
    directory: Annotated[
        Path, typer.Argument(help="放模板的文件夹（不存在则新建）", metavar="文件夹")
    ] = Path("."),
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="模板文件名，默认与所复制的模板同名")
    ] = None,
    source: Annotated[
        str,
        typer.Option(
            "--from",
            help="从哪个模板复制：briefing（默认简报）、yaoqing（要情）、zhuanti（专题），"
            "或一个 .docx 文件的路径",
        ),
    ] = "briefing",
    force: Annotated[bool, typer.Option("--force", "-f", help="覆盖已有文件")] = False,
) -> None:
    """复制模板、示例上下文（sample-context.json）和编写说明到一个文件夹。"""
    from briefing import validate
    from briefing.template_tools import SHIPPED, init_template, shipped_template

    shipped = {Path(n).stem: n for n in SHIPPED}
    template = shipped_template(shipped[source]) if source in shipped else Path(source)
    if template.is_dir():
        raise _fail(f"--from 给出的是文件夹，不是 .docx 文件：{template}")
    if name is not None:
        # a name, not a path: the template is written into DIRECTORY and nowhere else
        problem = validate.file_name_part_problem(name)
        if problem is not None:
            raise _fail(f"--name 的模板文件名“{validate.shown(name)}”{problem}")
    try:
        written = init_template(directory, name=name or template.name, source=template, force=force)
    except BriefingError as exc:
        raise _fail(str(exc)) from None
    typer.echo("已写入：")
    for path in written:
        typer.echo(f"  {path}")
    docx = written[0]
    typer.echo("")
    typer.echo("用 Word 或 WPS 打开模板修改样式、移动标签并保存后，运行：")
    if source == "zhuanti":
        typer.echo(f"  briefing template check {docx} --theme 科技金融")
        typer.echo(f"  briefing build --theme 科技金融 --template {docx}")
        typer.echo("（专题模板配合 --theme 使用，可用的主题名见 briefing themes）")
    else:
        typer.echo(f"  briefing template check {docx}")
        typer.echo(f"  briefing build --template {docx}")


@app.command("check", cls=Command)
def check(
    template: Annotated[Path, typer.Argument(help="要检查的模板（.docx）", metavar="模板")],
    context: Annotated[
        Path | None,
        typer.Option(
            "--context",
            help="用这个上下文文件（template init 写出的 sample-context.json 或 "
            "briefing context --json 的输出）试渲染；默认用自带示例文件现场生成",
        ),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option("--theme", help="按专题（只含这个主题）生成的上下文试渲染，用于专题模板"),
    ] = None,
    trust_template: Annotated[
        bool,
        typer.Option(
            "--trust-template",
            help="确认模板可信：在无法建立受限子进程的系统（Windows）上仍试渲染它",
        ),
    ] = False,
) -> None:
    """检查模板：语法、标签位置、变量名和字段名、过滤器、安全性，并试渲染一次（不写文件）。"""
    from briefing.inputs import not_regular
    from briefing.template_tools import check_template, load_context_json, sample_context

    if template.is_dir():
        raise _fail(f"模板路径是文件夹，不是 .docx 文件：{template}")
    if not template.exists():
        raise _fail(f"模板文件不存在：{template}")
    if context is not None and (problem := not_regular(context)) is not None:
        raise _fail(f"上下文文件 {context} {problem}")
    try:
        data = load_context_json(context) if context is not None else sample_context(theme=theme)
        report = check_template(template, data, trusted=trust_template)
    except BriefingError as exc:
        raise _fail(str(exc)) from None
    if report.ok:
        typer.echo(f"{template}：检查通过，可以用 briefing build --template {template} 生成简报。")
        return
    typer.echo(terminal_text(f"{template}：发现 {len(report.problems)} 个问题："), err=True)
    for number, problem in enumerate(report.problems, start=1):
        # a problem quotes the template's text: a C1 control (\x9b is CSI) or a direction
        # override from a template passed around must not reach the terminal as itself
        typer.echo(terminal_text(f"{number}. {problem}"), err=True)
    raise typer.Exit(EXIT_FAILED)
