"""`briefing build`: the whole pipeline, top to bottom.

read_documents -> extract -> classify -> select_period -> aggregate -> draw_charts -> build_context
-> render_docx (+ write_xlsx). Library code: it raises domain errors and reports progress through a
callback; the CLI prints.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.aggregate import Aggregates, aggregate, chartable_indicators, theme_counts
from briefing.atomic import write_bytes_atomic
from briefing.config import Settings, default_inputs, default_template
from briefing.context import BriefingContext, ChartSet, build_context
from briefing.errors import ConfigError
from briefing.model import ExtractedDocument
from briefing.periods import Period, parse_period
from briefing.pipeline import extract_documents
from briefing.themes import OTHER_THEME, Classifier, load_lexicon
from briefing.ziputil import normalize_zip

ProgressCallback = Callable[[str, int, int], None]


@dataclass
class BuildResult:
    period: Period
    docx: Path
    xlsx: Path
    documents: list[ExtractedDocument]
    """Every document read, including failed ones."""
    included: list[ExtractedDocument]
    """The documents the briefing covers, in source-number order."""
    aggregates: Aggregates
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def theme_counts(self) -> dict[str, dict[str, int]]:
        return theme_counts(self.aggregates.by_theme)


def output_paths(settings: Settings, period: Period) -> tuple[Path, Path]:
    """`<output>/<period>/briefing-<period>.docx` for the default template, else
    `<template-stem>[-<theme>]-<period>.docx`, so briefings never overwrite each other."""
    stem = "briefing" if settings.template is None else settings.template.stem
    if settings.theme:
        stem = f"{stem}-{settings.theme}"
    folder = settings.output / period.key
    return folder / f"{stem}-{period.key}.docx", folder / f"{stem}-{period.key}.xlsx"


def is_readable(doc: ExtractedDocument) -> bool:
    """A record that carries content (failed and duplicate-content records carry none)."""
    return bool(doc.body.strip()) or bool(doc.measures)


def select_period(
    documents: Sequence[ExtractedDocument], period: Period
) -> tuple[list[ExtractedDocument], list[str]]:
    """The documents dated in the period, sorted by date then source, and notes on undated ones."""
    readable = [d for d in documents if is_readable(d)]
    notes: list[str] = []
    if period.start is None:
        chosen = readable
    else:
        chosen = [d for d in readable if period.contains(d.date)]
        undated = [d.source for d in readable if d.date is None]
        if undated:
            notes.append("以下文件没有日期，未纳入本期：" + "、".join(undated))
    chosen.sort(key=lambda d: (d.date or "9999-99-99", d.source))
    return chosen, notes


def masthead_date(
    settings: Settings, period: Period, documents: Sequence[ExtractedDocument]
) -> str | None:
    """--date, else the period's last day, else (for `all`) the latest document date. Never the clock."""
    if settings.date:
        return settings.date
    if period.end is not None:
        return period.end.isoformat()
    dates = [d.date for d in documents if d.date]
    return max(dates) if dates else None


def draw_charts(
    aggregates: Aggregates, documents: Sequence[ExtractedDocument]
) -> tuple[ChartSet, dict[str, Any]]:
    from briefing import charts

    counts = theme_counts(aggregates.by_theme)
    rows = [
        (theme, counts[theme]["done"], counts[theme]["planned"])
        for theme in [*aggregates.themes, OTHER_THEME]
        if counts.get(theme, {}).get("measures", 0) > 0
    ]
    mix_rows = [
        (f"[{no}]", {str(k): int(v) for k, v in row.items()})
        for no, row in aggregates.by_document.to_dict(orient="index").items()
    ]
    overview = charts.theme_status_chart(rows) if rows else ""
    mix = charts.document_mix_chart(mix_rows, [*aggregates.themes, OTHER_THEME]) if mix_rows else ""
    per_theme: dict[str, Any] = {}
    for theme in aggregates.themes:
        unit, rows_t = chartable_indicators(aggregates.ledger, theme)
        items = [
            (
                str(r["metric"]) + (f"（{r['scope']}）" if r["scope"] else ""),
                float(r["value"]),
                unit,
            )
            for _, r in rows_t.iterrows()
        ]
        chart = (
            charts.indicator_chart(
                f"{theme}：主要金额数据（{unit}）",
                items,
                theme_index=aggregates.themes.index(theme),
            )
            if items
            else None
        )
        if chart is not None:
            per_theme[theme] = chart
    return ChartSet(themes=overview, mix=mix), per_theme


def write_xlsx(path: Path, documents: Sequence[ExtractedDocument], timestamp: datetime) -> None:
    """Every measure and indicator with its document, section and exact quote, for analysts."""
    import pandas as pd

    sources = pd.DataFrame(
        [
            {
                "序号": no,
                "标题": d.metadata.display_title,
                "发文字号": d.metadata.doc_no or "",
                "发布机构": d.metadata.publisher or "",
                "成文日期": d.metadata.written_date or "",
                "发布日期": d.metadata.published_date or "",
                "索引号": d.metadata.index_no or "",
                "文件": d.source,
                "sha256": d.sha256,
            }
            for no, d in enumerate(documents, start=1)
        ]
    )
    measures = pd.DataFrame(
        [
            {
                "来源序号": no,
                "文件": d.metadata.display_title,
                "措施编号": m.id,
                "章节": " / ".join(m.section),
                "状态": "进展" if m.status == "done" else "计划",
                "主题": "、".join(m.themes) or OTHER_THEME,
                "依据": "；".join(f"{t}：{'、'.join(v)}" for t, v in m.evidence.items()),
                "重复于": m.duplicate_of or "",
                "原文": m.text,
            }
            for no, d in enumerate(documents, start=1)
            for m in d.measures
        ],
        columns=["来源序号", "文件", "措施编号", "章节", "状态", "主题", "依据", "重复于", "原文"],
    )
    section_of = {m.id: " / ".join(m.section) for d in documents for m in d.measures}
    indicators = pd.DataFrame(
        [
            {
                "来源序号": no,
                "文件": d.metadata.display_title,
                "数据编号": i.id,
                "指标": i.metric or "",
                "数值": i.value,
                "单位": i.unit,
                "年份": i.year if i.year is not None else "",
                "类型": {"actual": "实际", "growth": "增速", "target": "目标"}[i.kind],
                "限定": i.qualifier or "",
                "范围": i.scope or "",
                "措施编号": i.measure_id or "",
                "章节": section_of.get(i.measure_id or "", ""),
                "原文": i.text,
            }
            for no, d in enumerate(documents, start=1)
            for i in d.indicators
        ],
        columns=[
            *("来源序号", "文件", "数据编号", "指标", "数值", "单位", "年份"),
            *("类型", "限定", "范围", "措施编号", "章节", "原文"),
        ],
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        sources.to_excel(writer, sheet_name="来源文件", index=False)
        measures.to_excel(writer, sheet_name="措施", index=False)
        indicators.to_excel(writer, sheet_name="数据", index=False)
        book = writer.book
        book.properties.created = timestamp
        book.properties.modified = timestamp
        book.properties.creator = "briefing"
        book.properties.lastModifiedBy = "briefing"
    write_bytes_atomic(path, normalize_zip(buffer.getvalue(), timestamp))


@dataclass
class Prepared:
    """Everything a briefing is made from, before anything is written."""

    settings: Settings
    period: Period
    documents: list[ExtractedDocument]
    included: list[ExtractedDocument]
    aggregates: Aggregates
    context: BriefingContext
    timestamp: datetime
    warnings: list[str]
    notes: list[str]


def prepare(settings: Settings, progress: ProgressCallback | None = None) -> Prepared:
    """Read, extract, select, aggregate, draw and build the context. Writes nothing."""
    period = parse_period(settings.period)
    lexicon = load_lexicon(settings.lexicon)
    if settings.theme and settings.theme not in lexicon.names:
        raise ConfigError(f"没有名为“{settings.theme}”的主题（可用：{'、'.join(lexicon.names)}）")
    classifier = Classifier(lexicon)
    inputs = settings.inputs or default_inputs()

    done = 0

    def on_document(doc: ExtractedDocument) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("读取", done, 0)

    documents = extract_documents(list(inputs), classifier, on_document)
    warnings = [w for d in documents for w in d.warnings]
    included, notes = select_period(documents, period)
    notes.extend(f"{d.source}: {n}" for d in included for n in d.notes)
    aggregates = aggregate(included, lexicon.names)
    charts, theme_charts = draw_charts(aggregates, included)
    date_iso = masthead_date(settings, period, included)
    context = build_context(
        documents=included,
        aggregates=aggregates,
        settings=settings,
        period=period,
        masthead_date=date_iso,
        issue_no=settings.masthead.first_issue,
        charts=charts,
        theme_charts=theme_charts,
        warnings=warnings,
    )
    timestamp = datetime.fromisoformat(date_iso) if date_iso else datetime(1980, 1, 1)
    return Prepared(
        settings=settings,
        period=period,
        documents=documents,
        included=included,
        aggregates=aggregates,
        context=context,
        timestamp=timestamp,
        warnings=warnings,
        notes=notes,
    )


def build(settings: Settings, progress: ProgressCallback | None = None) -> BuildResult:
    """Build the briefing for `settings`. Raises BriefingError subclasses; never prints."""
    from briefing.render import render_docx

    prepared = prepare(settings, progress)
    template = settings.template or default_template()
    docx_path, xlsx_path = output_paths(settings, prepared.period)
    if progress is not None:
        progress("生成", 1, 1)
    render_docx(template, prepared.context, docx_path, timestamp=prepared.timestamp)
    write_xlsx(xlsx_path, prepared.included, prepared.timestamp)
    return BuildResult(
        period=prepared.period,
        docx=docx_path,
        xlsx=xlsx_path,
        documents=prepared.documents,
        included=prepared.included,
        aggregates=prepared.aggregates,
        warnings=prepared.warnings,
        notes=prepared.notes,
    )
