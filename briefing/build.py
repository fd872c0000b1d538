"""`briefing build`: the whole pipeline, top to bottom.

read_documents -> extract -> classify -> select_period -> aggregate -> charts + build_context
-> render_docx (+ write_xlsx). Library code: it raises domain errors and reports progress through a
callback; the CLI prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing.aggregate import Aggregates, aggregate, chartable_indicators, theme_counts
from briefing.atomic import write_bytes_atomic
from briefing.background import Background
from briefing.chartworker import ChartJob, ChartWorker
from briefing.config import Settings, default_inputs, default_template
from briefing.context import BriefingContext, ChartSet, build_context
from briefing.errors import ConfigError
from briefing.extract.duplicates import link_duplicates
from briefing.model import ExtractedDocument
from briefing.periods import Period, parse_period
from briefing.pipeline import extract_documents, require_inputs
from briefing.runs import (
    MANIFEST_NAME,
    RunState,
    Selection,
    build_manifest,
    extract_documents_cached,
    output_digests,
    select_documents,
    settings_options,
    tool_fingerprint,
    write_manifest,
)
from briefing.runs.selection import document_day
from briefing.themes import OTHER_THEME, Classifier, load_lexicon
from briefing.workbook import MAX_ROWS, Sheet, workbook_bytes

ProgressCallback = Callable[[str, int, int], None]
MIX_CHART_DOCUMENTS = 30


@dataclass
class BuildResult:
    period: Period
    docx: Path
    xlsx: Path
    status: str
    """`made`; `unchanged` (the period's briefing exists and --force was not given); `skipped`
    (an empty period with --skip-empty); `failed-strict` (warnings under --strict, nothing
    written)."""
    manifest: Path | None = None
    prepared: Prepared | None = None

    @classmethod
    def made(cls, docx: Path, xlsx: Path, manifest: Path, prepared: Prepared) -> BuildResult:
        return cls(prepared.period, docx, xlsx, "made", manifest, prepared)

    @classmethod
    def unchanged(cls, period: Period, docx: Path, xlsx: Path) -> BuildResult:
        return cls(period, docx, xlsx, "unchanged")

    @classmethod
    def skipped(cls, period: Period, docx: Path, xlsx: Path, prepared: Prepared) -> BuildResult:
        return cls(period, docx, xlsx, "skipped", None, prepared)

    @property
    def documents(self) -> list[ExtractedDocument]:
        """Every document read, including failed ones."""
        return self.prepared.documents if self.prepared else []

    @property
    def included(self) -> list[ExtractedDocument]:
        """The documents the briefing covers, in source-number order."""
        return self.prepared.included if self.prepared else []

    @property
    def aggregates(self) -> Aggregates:
        assert self.prepared is not None
        return self.prepared.aggregates

    @property
    def warnings(self) -> list[str]:
        return self.prepared.warnings if self.prepared else []

    @property
    def notes(self) -> list[str]:
        return self.prepared.notes if self.prepared else []

    @property
    def issue_no(self) -> int | None:
        return self.prepared.issue_no if self.prepared else None

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


def may_cover(
    period: Period, first_issue_start: date | None
) -> Callable[[ExtractedDocument], bool]:
    """Which cached documents a period's issue may cover, judged by their head alone: dated in
    the period, or dated before it but not before the folder's first issue (a possible 补报).
    A superset of `select_documents`' rule, so only documents it can never cover stay partial."""
    if period.start is None or period.end is None:
        return lambda doc: True
    start, end = period.start, period.end
    lower = first_issue_start if first_issue_start is not None else start

    def wanted(doc: ExtractedDocument) -> bool:
        day = document_day(doc)
        return day is not None and (start <= day <= end or lower <= day < start)

    return wanted


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


class PendingCharts:
    """Charts handed to a drawer: stand-ins to lay the briefing out with now, pictures later.

    With `cached` (the run state's chart cache), a chart whose data, code and drawing libraries
    are those of a picture drawn before gets that picture back instead of being drawn again.
    """

    def __init__(
        self,
        jobs: dict[str, ChartJob],
        drawer: ChartWorker,
        cached: Callable[[Sequence[str]], Mapping[str, bytes]] | None = None,
    ) -> None:
        from briefing.charts import ChartImage, chart_key, plan_chart

        self._jobs = jobs
        self._drawer = drawer
        self._plans = {
            name: plan_chart(job.function, *job.args, **job.kwargs) for name, job in jobs.items()
        }
        self._keys = (
            {name: chart_key(job.function, job.args, job.kwargs) for name, job in jobs.items()}
            if cached is not None
            else {}
        )
        found = cached(list(self._keys.values())) if cached is not None else {}
        self._reused: dict[str, Any] = {}
        for name, key in self._keys.items():
            plan = self._plans[name]
            if key in found and plan is not None:
                self._reused[name] = ChartImage(found[key], plan.width_mm, plan.alt)
        # a chart whose plan is None would come back None: not worth a job
        self._to_draw = [
            name for name in jobs if name not in self._reused and self._plans[name] is not None
        ]
        drawer.submit([jobs[name] for name in self._to_draw])
        self._drawn: dict[str, Any] | None = None
        self._stand_ins: dict[str, Any] = {}

    def stand_ins(self) -> tuple[ChartSet, dict[str, Any]]:
        """Charts of the final size and alt text without their pictures (`render.placeholder_chart`)."""
        from briefing.render import placeholder_chart

        for serial, (name, plan) in enumerate(self._plans.items()):
            self._stand_ins[name] = placeholder_chart(plan, serial) if plan is not None else None
        return _chart_sets(self._stand_ins)

    def results(self) -> tuple[ChartSet, dict[str, Any]]:
        """The charts (waits for the drawer): overview and mix, and per theme."""
        if self._drawn is None:
            drawn = dict(zip(self._to_draw, self._drawer.results(), strict=True))
            self._drawn = {name: self._reused.get(name, drawn.get(name)) for name in self._jobs}
        return _chart_sets(self._drawn)

    def pictures_by_key(self) -> dict[str, bytes]:
        """`{chart_key: png}` of every chart of the briefing, for the cache (waits for them)."""
        self.results()
        assert self._drawn is not None
        return {
            key: self._drawn[name].png
            for name, key in self._keys.items()
            if self._drawn[name] is not None
        }

    def pictures(self) -> dict[bytes, bytes] | None:
        """`{stand-in png: picture png}` (waits for the drawer); None when a drawn chart is not
        what its stand-in announced (size, alt text, or whether there is a chart at all)."""
        self.results()
        assert self._drawn is not None
        pictures: dict[bytes, bytes] = {}
        for key, stand_in in self._stand_ins.items():
            chart = self._drawn[key]
            if stand_in is None or chart is None:
                if stand_in is not chart:
                    return None
                continue
            if (chart.width_mm, chart.alt) != (stand_in.width_mm, stand_in.alt):
                return None
            pictures[stand_in.png] = chart.png
        return pictures


def _chart_sets(charts: dict[str, Any]) -> tuple[ChartSet, dict[str, Any]]:
    per_theme = {
        key.removeprefix("theme:"): chart
        for key, chart in charts.items()
        if key.startswith("theme:") and chart is not None
    }
    return ChartSet(themes=charts.get("themes", ""), mix=charts.get("mix", "")), per_theme


def submit_charts(
    aggregates: Aggregates,
    documents: Sequence[ExtractedDocument],
    worker: ChartWorker | None = None,
    cached: Callable[[Sequence[str]], Mapping[str, bytes]] | None = None,
) -> PendingCharts:
    """Hand the overview, document-mix and per-theme charts to `worker` (in this process by
    default) and return at once; those `cached` has pictures for are not drawn again."""
    counts = theme_counts(aggregates.by_theme)
    rows = [
        (theme, counts[theme]["done"], counts[theme]["planned"])
        for theme in [*aggregates.themes, OTHER_THEME]
        if counts.get(theme, {}).get("measures", 0) > 0
    ]
    by_document = aggregates.by_document
    if len(by_document) > MIX_CHART_DOCUMENTS:
        # Hundreds of bars inform nobody: chart the documents with the most measures.
        totals = by_document.sum(axis=1)
        keep = totals.sort_values(ascending=False, kind="stable").index[:MIX_CHART_DOCUMENTS]
        by_document = by_document.loc[sorted(keep)]
    mix_rows = [
        (f"[{no}]", {str(k): int(v) for k, v in row.items()})
        for no, row in by_document.to_dict(orient="index").items()
    ]
    jobs: dict[str, ChartJob] = {}
    if rows:
        jobs["themes"] = ChartJob("theme_status_chart", (rows,), {})
    if mix_rows:
        jobs["mix"] = ChartJob(
            "document_mix_chart", (mix_rows, [*aggregates.themes, OTHER_THEME]), {}
        )
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
        if items:
            jobs[f"theme:{theme}"] = ChartJob(
                "indicator_chart",
                (f"{theme}：主要金额数据（{unit}）", items),
                {"theme_index": aggregates.themes.index(theme)},
            )
    return PendingCharts(jobs, worker or ChartWorker.in_process(), cached)


def _attach_charts(
    context: BriefingContext, charts: ChartSet, theme_charts: dict[str, Any]
) -> None:
    context["charts"] = charts
    for block in context["themes"]:
        block["chart"] = theme_charts.get(block["name"], "")


_KIND_CN = {
    "actual": "实际",
    "growth": "增速",
    "target": "目标",
    "change": "增减",
    "provision": "支持标准",
}


def _figure_rows(documents: Sequence[ExtractedDocument]) -> Iterator[list[object]]:
    section_of = {m.id: " / ".join(m.section) for d in documents for m in d.measures}
    for no, d in enumerate(documents, start=1):
        for i in d.indicators:
            yield [
                no,
                d.metadata.display_title,
                i.id,
                i.metric or "",
                i.value,
                i.unit,
                i.year if i.year is not None else "",
                _KIND_CN[i.kind],
                i.qualifier or "",
                i.scope or "",
                i.measure_id or "",
                section_of.get(i.measure_id or "", ""),
                i.text,
            ]


def _xlsx_sheets(documents: Sequence[ExtractedDocument]) -> list[Sheet]:
    """The analysts' workbook's sheets; their rows are generated as the workbook is written."""
    return [
        Sheet(
            "来源文件",
            [
                "序号",
                "标题",
                "发文字号",
                "发布机构",
                "成文日期",
                "发布日期",
                "索引号",
                "文件",
                "sha256",
            ],
            len(documents),
            (
                [
                    no,
                    d.metadata.display_title,
                    d.metadata.doc_no or "",
                    d.metadata.publisher or "",
                    d.metadata.written_date or "",
                    d.metadata.published_date or "",
                    d.metadata.index_no or "",
                    d.source,
                    d.sha256,
                ]
                for no, d in enumerate(documents, start=1)
            ),
            (6, 40, 22, 20, 11, 11, 24, 30, 20),
        ),
        Sheet(
            "措施",
            ["来源序号", "文件", "措施编号", "章节", "状态", "主题", "依据", "重复于", "原文"],
            sum(len(d.measures) for d in documents),
            (
                [
                    no,
                    d.metadata.display_title,
                    m.id,
                    " / ".join(m.section),
                    "进展" if m.status == "done" else "计划",
                    "、".join(m.themes) or OTHER_THEME,
                    "；".join(f"{t}：{'、'.join(v)}" for t, v in m.evidence.items()),
                    m.duplicate_of or "",
                    m.text,
                ]
                for no, d in enumerate(documents, start=1)
                for m in d.measures
            ),
            (8, 30, 22, 30, 6, 16, 24, 22, 80),
        ),
        Sheet(
            "数据",
            [
                *("来源序号", "文件", "数据编号", "指标", "数值", "单位", "年份"),
                *("类型", "限定", "范围", "措施编号", "章节", "原文"),
            ],
            sum(len(d.indicators) for d in documents),
            _figure_rows(documents),
            (8, 30, 22, 24, 12, 8, 6, 6, 6, 14, 22, 30, 80),
        ),
    ]


def workbook_warnings(documents: Sequence[ExtractedDocument], name: str = "数据表") -> list[str]:
    """One warning per sheet of the analysts' workbook (file `name`) that has more rows than
    Excel allows."""
    limit = MAX_ROWS - 1  # the header takes a row
    return [
        f"{name}: 工作表“{sheet.name}”有 {sheet.row_count} 行，超过 Excel 每表 {limit} 行的上限，"
        f"只写入了前 {limit} 行；全部数据可用 briefing extract 导出"
        for sheet in _xlsx_sheets(documents)
        if sheet.row_count > limit
    ]


def write_xlsx(path: Path, documents: Sequence[ExtractedDocument], timestamp: datetime) -> None:
    """The analysts' workbook (see `xlsx_bytes`), written atomically to `path`."""
    write_bytes_atomic(path, xlsx_bytes(documents, timestamp))


def xlsx_bytes(documents: Sequence[ExtractedDocument], timestamp: datetime) -> bytes:
    """Every measure and indicator with its document, section and exact quote, for analysts.

    Text is always written as text, so a quote that starts with "=" never becomes a formula in an
    analyst's spreadsheet (see `briefing.workbook`).
    """
    return workbook_bytes(
        _xlsx_sheets(documents), timestamp=timestamp, title="briefing 数据表", author="briefing"
    )


@dataclass
class Prepared:
    """Everything a briefing is made from, before anything is written."""

    settings: Settings
    period: Period
    documents: list[ExtractedDocument]
    selection: Selection
    aggregates: Aggregates
    context: BriefingContext
    timestamp: datetime
    issue_no: int
    lexicon_sha: str
    warnings: list[str]
    notes: list[str]
    charts: PendingCharts | None = None
    """The briefing's charts; while the context holds their stand-ins (`prepare(stand_ins=True)`)
    `attach_charts` waits for them and puts them in."""

    @property
    def included(self) -> list[ExtractedDocument]:
        return self.selection.documents

    def attach_charts(self) -> dict[bytes, bytes] | None:
        """Wait for the charts and put them in the context in place of their stand-ins.

        Returns `PendingCharts.pictures()` for `render.fill_charts` (None if there were no
        stand-ins, or they do not match).
        """
        if self.charts is None:
            return None
        pictures = self.charts.pictures()
        _attach_charts(self.context, *self.charts.results())
        return pictures


def prepare(
    settings: Settings,
    progress: ProgressCallback | None = None,
    state: RunState | None = None,
    *,
    chart_worker: ChartWorker | None = None,
    while_drawing: Callable[[], None] | None = None,
    on_selected: Callable[[list[ExtractedDocument], datetime], None] | None = None,
    workers: int = 1,
    stand_ins: bool = False,
) -> Prepared:
    """Read, extract, select, aggregate, draw and build the context. Writes no briefing.

    With `state` (the output folder's run state, locked), extraction goes through its cache, the
    issue covers late arrivals (补报) and gets its number (第N期) from the state; without it (for
    `briefing context`), the period's documents alone and the configured first number. Charts are
    drawn by `chart_worker` (default: in this process) while `while_drawing` runs here;
    `on_selected(documents, timestamp)` is called as soon as the issue's documents are known.
    `workers` > 1 extracts the documents the cache does not have in that many processes.
    With `stand_ins`, it returns without waiting for the charts: the context holds stand-ins of
    their size (for rendering meanwhile) until `Prepared.attach_charts`.
    """
    period = parse_period(settings.period)
    lexicon = load_lexicon(settings.lexicon)
    if settings.theme and settings.theme not in lexicon.names:
        raise ConfigError(f"没有名为“{settings.theme}”的主题（可用：{'、'.join(lexicon.names)}）")
    classifier = Classifier(lexicon)
    inputs = list(settings.inputs or default_inputs())

    done = 0

    def on_document(doc: ExtractedDocument) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("读取", done, 0)

    if state is None:
        documents = extract_documents(
            inputs,
            classifier,
            on_document,
            link=False,
            workers=workers,
            follow_links=settings.follow_links,
        )
        selection = select_documents(
            documents, period, covered_before=set(), backlog_start=period.start
        )
        issue_no = settings.masthead.first_issue
    else:
        documents, _ = extract_documents_cached(
            inputs,
            classifier,
            state,
            on_document=on_document,
            link=False,
            wanted=may_cover(period, state.first_issue_start()),
            workers=workers,
            follow_links=settings.follow_links,
        )
        selection = state.select_documents(documents, period, inputs)
        # may_cover is a superset of the selection rule; a partial document here is a bug.
        assert not any(d.partial for d in selection.documents), "partial document selected"
        issue_no = state.issue_number(period, settings.masthead.first_issue)
    included = selection.documents
    # Near-duplicates are linked among what the issue covers only: the same measure repeated in a
    # document outside the period must not hide it here.
    link_duplicates(included)
    warnings = [w for d in documents for w in d.warnings] + workbook_warnings(
        included, output_paths(settings, period)[1].name
    )
    notes = [*selection.notes, *(f"{d.source}: {n}" for d in included for n in d.notes)]
    date_iso = masthead_date(settings, period, included)
    timestamp = datetime.fromisoformat(date_iso) if date_iso else datetime(1980, 1, 1)
    if on_selected is not None:
        on_selected(included, timestamp)
    aggregates = aggregate(included, lexicon.names)
    drawn = submit_charts(
        aggregates, included, chart_worker, state.cached_charts if state is not None else None
    )
    if while_drawing is not None:
        while_drawing()
    # Built while the charts are drawn, which it only places.
    context = build_context(
        documents=included,
        aggregates=aggregates,
        settings=settings,
        period=period,
        masthead_date=date_iso,
        issue_no=issue_no,
        charts=ChartSet(themes="", mix=""),
        theme_charts={},
        warnings=warnings,
        notes=selection.notes,
        marks={d.sha256: selection.mark(d) for d in included},
        cumulative=selection.cumulative,
    )
    _attach_charts(context, *(drawn.stand_ins() if stand_ins else drawn.results()))
    return Prepared(
        settings=settings,
        period=period,
        documents=documents,
        selection=selection,
        aggregates=aggregates,
        context=context,
        timestamp=timestamp,
        issue_no=issue_no,
        lexicon_sha=lexicon.sha256,
        warnings=warnings,
        notes=notes,
        charts=drawn,
    )


def manifest_path(docx: Path, settings: Settings) -> Path:
    """`manifest.json` beside the default briefing; `<stem>.manifest.json` beside other templates'."""
    default = (
        settings.template is None or settings.template.resolve() == default_template().resolve()
    )
    if default and not settings.theme:
        return docx.parent / MANIFEST_NAME
    return docx.with_suffix(".manifest.json")


def build(
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    force: bool = False,
    skip_empty: bool = False,
    chart_worker: ChartWorker | None = None,
    workers: int = 1,
) -> BuildResult:
    """Build the briefing for `settings` under the output folder's lock. Never prints.

    The order is what makes a crash harmless: render to temporary files and rename them into
    place, write the manifest, and only then record the issue in the state. Raises LockedError when
    another run holds the folder, other BriefingError subclasses for bad input or templates.
    `chart_worker` (see `briefing.chartworker`) draws the charts while the renderer loads;
    `workers` > 1 extracts uncached documents in that many processes (same output).
    """
    from briefing.render import fill_charts, render_docx_bytes

    period = parse_period(settings.period)
    # A mistyped input folder is an error even when the period's briefing is already made.
    require_inputs(settings.inputs or default_inputs())
    template = settings.template or default_template()
    docx_path, xlsx_path = output_paths(settings, period)
    manifest = manifest_path(docx_path, settings)
    with RunState.open(settings.output) as state:
        files = [docx_path, xlsx_path, manifest]
        if not force and state.existing_outputs(period, files):
            return BuildResult.unchanged(period, docx_path, xlsx_path)
        # refuses files the state did not write, and fails here if the state is read-only
        state.claim_outputs(files, force=force)
        state.remove_stale_temporaries(docx_path.parent)
        workbook: list[Background] = []

        def start_workbook(included: list[ExtractedDocument], timestamp: datetime) -> None:
            # Imported before the fork: a progress-bar thread may be running, and a child must
            # not need the import machinery a vanished thread could have been holding.
            import xlsxwriter  # noqa: F401

            # made in a forked child while this process draws and renders
            workbook.append(Background(lambda: xlsx_bytes(included, timestamp)))

        try:
            prepared = prepare(
                settings,
                progress,
                state,
                chart_worker=chart_worker,
                while_drawing=None,
                on_selected=start_workbook,
                workers=workers,
                stand_ins=True,
            )
            if skip_empty and prepared.selection.is_empty:
                prepared.attach_charts()
                return BuildResult.skipped(period, docx_path, xlsx_path, prepared)
            if settings.strict and prepared.warnings:
                prepared.attach_charts()
                # --strict: a run with warnings fails and leaves the folder as it was.
                return BuildResult(period, docx_path, xlsx_path, "failed-strict", None, prepared)
            if progress is not None:
                progress("生成", 1, 1)
            # Rendered while the charts are drawn, then their pictures are put in (or, should
            # they not fit their stand-ins, rendered again with them: the same bytes either way).
            timestamp = prepared.timestamp
            data = render_docx_bytes(
                template, prepared.context, timestamp=timestamp, trusted=settings.trust_template
            )
            pictures = prepared.attach_charts()
            filled = fill_charts(data, pictures, timestamp) if pictures is not None else None
            if filled is None:
                filled = render_docx_bytes(
                    template,
                    prepared.context,
                    timestamp=timestamp,
                    trusted=settings.trust_template,
                )
            write_bytes_atomic(docx_path, filled)
            write_bytes_atomic(xlsx_path, workbook[0].result())
        finally:
            for job in workbook:
                job.cancel()
        write_manifest(
            manifest,
            build_manifest(
                period=period,
                issue_number=prepared.issue_no,
                selection=prepared.selection,
                documents=prepared.documents,
                template=template,
                outputs=[docx_path, xlsx_path],
                options=settings_options(settings),
                tool_version=tool_fingerprint(),
                lexicon_sha=prepared.lexicon_sha,
                warnings=prepared.warnings,
                notes=prepared.notes,
            ),
        )
        if prepared.charts is not None:
            slot = period.key + (f"#{settings.theme}" if settings.theme else "")
            state.remember_charts(slot, prepared.charts.pictures_by_key())
        # Other templates' files of the same issue stay recorded beside this one's.
        previous = state.issue(period)
        outputs = dict(previous.outputs) if previous is not None else {}
        outputs.update(output_digests(settings.output, [docx_path, xlsx_path, manifest]))
        state.record_issue(period, prepared.issue_no, prepared.selection, outputs)
    return BuildResult.made(docx_path, xlsx_path, manifest, prepared)
