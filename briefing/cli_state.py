"""`briefing state rebuild` (a typer sub-app; cli.py registers it with
`app.add_typer(state_app, name="state")`). CLI code: it prints; the work is done by
`briefing.runs.rebuild`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli_help import Command, Group
from briefing.errors import BriefingError, LockedError

EXIT_FAILED = 1
EXIT_LOCKED = 3

app = typer.Typer(
    cls=Group,
    name="state",
    help="输出文件夹的状态（.briefing/state.db：期号、各期收录的文件、抽取缓存）。",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("rebuild", cls=Command)
def rebuild(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="输出文件夹，默认取配置文件中的设置或 out/"),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="配置文件，默认 ./briefing.toml（如存在）")
    ] = None,
) -> None:
    """按输出文件夹里各期的 manifest.json 重建状态：期号、各期的文件和收录记录。

    状态文件丢失、损坏或被换掉时使用。原状态文件改名保留（state.db.old），不会删除；
    抽取缓存从空开始，下次运行会重新读取全部输入文件。
    """
    from briefing.config import find_config, load_settings
    from briefing.inputs import name_text
    from briefing.runs.rebuild import rebuild_state

    try:
        folder = output or load_settings(find_config(config)).output
        rebuilt = rebuild_state(folder)
    except LockedError as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    except BriefingError as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    state = folder / ".briefing" / "state.db"
    lines = [f"已按 {sum(len(i.manifests) for i in rebuilt.issues)} 份 manifest 重建 {state}："]
    # a period is its folder's name: anyone who can write to the output folder chose it
    lines += [f"  {name_text(issue.period)}  第{issue.number}期" for issue in rebuilt.issues]
    if not rebuilt.issues:
        lines.append("  没有找到任何 manifest.json：状态为空，下一期从配置的第一期期号编起。")
    if rebuilt.kept is not None:
        lines.append(f"原状态文件已改名保留为 {rebuilt.kept}。")
    lines.append("抽取缓存为空：下次运行会重新读取全部输入文件。")
    typer.echo("\n".join(lines), err=True)
