"""`briefing themes` and `briefing explain`: look inside the theme lexicon and the classifier.

Two typer command functions; `cli.py` registers them (app.command("themes")(themes) …). This is CLI
code, so it prints; the work is done by `briefing.themes` and `briefing.extract.measures`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.errors import BriefingError
from briefing.extract.measures import measure_status, status_reasons
from briefing.themes import Classifier, Lexicon, load_lexicon

EXIT_FAILED = 1

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="用户主题词表（TOML），与默认词表合并", show_default=False),
]

_STATUS_LABEL = {"done": "done（已完成）", "planned": "planned（计划）"}


def _load(config: Path | None) -> Lexicon:
    try:
        return load_lexicon(config)
    except BriefingError as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None


def _fmt(weight: float) -> str:
    return f"{weight:g}"


def themes(config: ConfigOption = None) -> None:
    """列出主题及其关键词、权重和否定语境。"""
    lexicon = _load(config)
    typer.echo(f"主题词表：{'；'.join(lexicon.sources)}")
    typer.echo(f"词表指纹：{lexicon.sha256[:16]}")
    typer.echo(
        f"归类阈值：{_fmt(lexicon.threshold)}　主导比：{_fmt(lexicon.dominance)}"
        f"　长句字数：{_fmt(lexicon.long_sentence)}"
    )
    if lexicon.global_exclude:
        typer.echo(f"通用否定语境：{'、'.join(lexicon.global_exclude)}")
    for name, spec in lexicon.specs.items():
        typer.echo("")
        typer.echo(f"【{name}】{spec.description}")
        strong = [t for t, w in spec.weights.items() if w >= lexicon.threshold]
        weak = [f"{t}({_fmt(w)})" for t, w in spec.weights.items() if w < lexicon.threshold]
        typer.echo(f"  关键词（{len(strong)}）：{'、'.join(strong) or '无'}")
        if weak:
            typer.echo(f"  弱提示词（只为同主题关键词加分，不能单独归类）：{'、'.join(weak)}")
        if spec.exclude:
            typer.echo(f"  否定语境：{'、'.join(spec.exclude)}")


def explain(
    sentence: Annotated[str, typer.Argument(help="要解释的句子", show_default=False)],
    config: ConfigOption = None,
) -> None:
    """解释一个句子如何归类：命中词及位置、权重、被排除的词及原因、最终主题和状态。"""
    lexicon = _load(config)
    result = Classifier(lexicon).classify(sentence)
    typer.echo(f"句子：{sentence}")
    typer.echo("命中的词：")
    if not result.matches:
        typer.echo("  （无）")
    for m in result.matches:
        weights = "，".join(f"{t} +{_fmt(w)}" for t, w in m.weights.items())
        typer.echo(f"  [{m.start}-{m.end}] “{m.term}”  {weights}")
    if result.suppressed:
        typer.echo("未计入的词：")
        for s in result.suppressed:
            typer.echo(f"  [{s.start}-{s.end}] “{s.term}”（{'、'.join(s.themes)}）：{s.reason}")
    typer.echo(f"主题得分（阈值 {_fmt(lexicon.threshold)}）：")
    if not result.scores:
        typer.echo("  （无）")
    for name, score in result.scores.items():
        verdict = "归入" if name in result.themes else result.dropped.get(name, "未达阈值")
        typer.echo(f"  {name}：{_fmt(score)}　{verdict}")
    if result.themes:
        parts = [f"{t}（依据：{'、'.join(result.evidence.get(t, []))}）" for t in result.themes]
        typer.echo(f"最终主题：{'；'.join(parts)}")
    else:
        typer.echo("最终主题：其他（未归入任何主题）")
    status = measure_status(sentence)
    typer.echo(f"状态：{_STATUS_LABEL[status]}")
    reasons = status_reasons(sentence)
    if reasons:
        typer.echo(f"状态依据：{'；'.join(reasons)}")
    else:
        typer.echo(
            "状态依据：句中没有计划或目标标记；实际状态还取决于所在章节（如“下一步工作打算”）和文件体裁"
        )
