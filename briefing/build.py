"""`briefing build`: the pipeline, top to bottom.

    read -> extract (cached) -> select the period -> aggregate -> what changed -> charts
         -> context -> DOCX -> XLSX -> manifest -> record the issue

Every stage is a function of the module named for it; `build` calls them in this order under the
output folder's lock. Files are written atomically, and the issue is recorded only after they are
complete, so a run killed at any moment leaves the folder as it was or finished (`briefing.runs`).
Library code: it raises domain errors and never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from briefing.aggregate import Aggregates, aggregate, clause_classifier, theme_counts
from briefing.changes import Changes, PreviousIssue, issue_facts, what_changed
from briefing.charts import BriefingCharts, draw_charts
from briefing.config import Settings, default_inputs, default_template
from briefing.context import BriefingContext, build_context, masthead_timestamp
from briefing.digest import chart_names, document_kinds
from briefing.errors import ConfigError
from briefing.extract.duplicates import link_duplicates
from briefing.model import DocumentEntry, ExtractedDocument
from briefing.periods import Period, parse_period
from briefing.pipeline import extract_documents, require_inputs
from briefing.render import render_docx
from briefing.runs import (
    MANIFEST_NAME,
    RunState,
    Selection,
    build_manifest,
    extract_documents_cached,
    finish_issue,
    previous_issue,
    select_documents,
    settings_options,
    tool_fingerprint,
)
from briefing.themes import Classifier, Lexicon, load_lexicon
from briefing.workbook import workbook_warnings, write_xlsx

ProgressCallback = Callable[[str, int], None]
"""Called with a stage (`读取`, `生成`) and how many documents were read so far."""


@dataclass
class BuildResult:
    status: str
    """`made`; `unchanged` (the period's briefing exists and --force was not given); `skipped`
    (an empty period with --skip-empty); `failed-strict` (warnings under --strict, nothing
    written)."""
    period: Period
    docx: Path
    xlsx: Path
    manifest: Path | None = None
    issue_no: int | None = None
    documents: list[DocumentEntry] = field(default_factory=list)
    """Every document read, including failed ones."""
    included: list[ExtractedDocument] = field(default_factory=list)
    """The documents the briefing covers, in source-number order."""
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    aggregates: Aggregates | None = None
    context: BriefingContext | None = None

    def theme_counts(self) -> dict[str, dict[str, int]]:
        return theme_counts(self.aggregates.by_theme) if self.aggregates is not None else {}


@dataclass(frozen=True)
class OutputPaths:
    docx: Path
    xlsx: Path
    manifest: Path


def output_paths(settings: Settings, period: Period) -> OutputPaths:
    """`<output>/<period>/briefing-<period>.docx` (and `.xlsx`, `manifest.json`) for the default
    template, else `<template-stem>[-<theme>]-<period>.docx` with `<stem>.manifest.json`, so
    briefings never overwrite each other."""
    default = settings.template is None or (
        settings.template.resolve() == default_template().resolve()
    )
    stem = "briefing" if settings.template is None else settings.template.stem
    if settings.theme:
        stem = f"{stem}-{settings.theme}"
    docx = settings.output / period.key / f"{stem}-{period.key}.docx"
    manifest = MANIFEST_NAME if default and not settings.theme else f"{docx.stem}.manifest.json"
    return OutputPaths(docx, docx.with_suffix(".xlsx"), docx.with_name(manifest))


def build(
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    force: bool = False,
    skip_empty: bool = False,
    workers: int = 1,
) -> BuildResult:
    """Build the briefing for `settings` under the output folder's lock. Never prints.

    Raises LockedError when another run holds the folder, other BriefingError subclasses for bad
    input or templates. `workers` > 1 extracts uncached documents in that many processes (the
    same output).
    """
    period = parse_period(settings.period)
    lexicon = read_lexicon(settings)
    inputs = settings.inputs or default_inputs()
    # A mistyped input folder is an error even when the period's briefing is already made.
    require_inputs(inputs)
    template = settings.template or default_template()
    paths = output_paths(settings, period)
    files = [paths.docx, paths.xlsx, paths.manifest]
    with RunState.open(settings.output) as state:
        if not force and state.existing_outputs(period, files):
            return BuildResult("unchanged", period, paths.docx, paths.xlsx)
        # refuses files the state did not write, and fails here if the state is read-only
        state.claim_outputs(files, force=force)
        state.remove_stale_temporaries(files)

        counted = partial(progress, "读取") if progress is not None else None
        classifier = Classifier(lexicon)
        extraction = extract_documents_cached(
            inputs,
            classifier,
            state,
            progress=counted,
            workers=workers,
            follow_links=settings.follow_links,
        )
        selection = state.select_documents(extraction.entries, period, inputs)
        included = extraction.documents(selection.documents)
        link_duplicates(included)
        issue_no = state.issue_number(period, settings.masthead.first_issue)
        previous = previous_issue(state, period)
        found = BuildResult(
            "made",
            period,
            paths.docx,
            paths.xlsx,
            paths.manifest,
            issue_no,
            extraction.entries,
            included,
            [*run_warnings(extraction.entries, included, paths.xlsx), *previous.warnings],
            [*run_notes(selection, included), *previous.notes],
        )
        if skip_empty and selection.is_empty:
            return replace(found, status="skipped", manifest=None)
        if settings.strict and found.warnings:
            # --strict: a run with warnings fails and leaves the folder as it was.
            return replace(found, status="failed-strict", manifest=None)
        if progress is not None:
            progress("生成", len(extraction.entries))

        aggregates, changes, charts = summarise(
            included, lexicon, classifier, settings, previous.issue
        )
        context = build_context(
            selection=selection,
            documents=included,
            aggregates=aggregates,
            changes=changes,
            charts=charts,
            settings=settings,
            issue_no=issue_no,
            warnings=found.warnings,
        )
        timestamp = masthead_timestamp(context)
        render_docx(
            template, context, paths.docx, timestamp=timestamp, trusted=settings.trust_template
        )
        write_xlsx(paths.xlsx, included, timestamp, selection.inputs)
        manifest = build_manifest(
            period=period,
            issue_number=issue_no,
            selection=selection,
            documents=extraction.entries,
            included=included,
            template=template,
            outputs=[paths.docx, paths.xlsx],
            options=settings_options(settings),
            tool_version=tool_fingerprint(),
            lexicon_sha=lexicon.sha256,
            warnings=found.warnings,
            notes=found.notes,
            facts=issue_facts(aggregates),
        )
        finish_issue(
            state, period, issue_no, selection, [paths.docx, paths.xlsx], paths.manifest, manifest
        )
    return replace(found, aggregates=aggregates, context=context)


def preview_context(settings: Settings) -> BriefingContext:
    """The context `build` would give the template in a new output folder (`briefing context`,
    the sample for template checks): nothing is cached, numbered or written."""
    period = parse_period(settings.period)
    lexicon = read_lexicon(settings)
    inputs = settings.inputs or default_inputs()
    classifier = Classifier(lexicon)
    documents = extract_documents(
        inputs, classifier, link=False, follow_links=settings.follow_links
    )
    entries = [DocumentEntry.of(doc) for doc in documents]
    selection = select_documents(
        entries, period, covered_before=(), backlog_start=period.start, inputs=inputs
    )
    by_entry: dict[tuple[str, str], ExtractedDocument] = {}
    for entry, doc in zip(entries, documents, strict=True):
        by_entry.setdefault((entry.source, entry.sha256), doc)
    included = [by_entry[(entry.source, entry.sha256)] for entry in selection.documents]
    link_duplicates(included)
    aggregates, changes, charts = summarise(included, lexicon, classifier, settings, None)
    return build_context(
        selection=selection,
        documents=included,
        aggregates=aggregates,
        changes=changes,
        charts=charts,
        settings=settings,
        issue_no=settings.masthead.first_issue,
        warnings=run_warnings(entries, included, output_paths(settings, period).xlsx),
    )


def summarise(
    included: Sequence[ExtractedDocument],
    lexicon: Lexicon,
    classifier: Classifier,
    settings: Settings,
    previous: PreviousIssue | None,
) -> tuple[Aggregates, Changes, BriefingCharts]:
    """The issue's numbers, what changed since `previous` and the charts drawn from both: one
    function, so that `build` and `briefing context` cannot come to show different figures."""
    aggregates = aggregate(
        included,
        lexicon.names,
        figures_per_theme(settings),
        anchor=classifier.anchor_in,
        named_only=lexicon.anchored_themes,
        clause_themes=clause_classifier(classifier),
        focus=settings.theme or "",
    )
    changes = what_changed(aggregates, previous)
    charts = draw_charts(
        aggregates,
        changes,
        settings.theme or "",
        chart_names(included),
        document_kinds(included),
    )
    return aggregates, changes, charts


def figures_per_theme(settings: Settings) -> int:
    """Rows of a theme's key-figures table: `[layout] indicators_per_theme`, twice as many in a
    专题 (one theme in depth)."""
    return settings.layout.indicators_per_theme * (2 if settings.theme else 1)


def read_lexicon(settings: Settings) -> Lexicon:
    """The default lexicon merged with the user's; `--theme` must name one of its themes."""
    lexicon = load_lexicon(settings.lexicon)
    if settings.theme and settings.theme not in lexicon.names:
        raise ConfigError(f"没有名为“{settings.theme}”的主题（可用：{'、'.join(lexicon.names)}）")
    return lexicon


def run_warnings(
    entries: Sequence[DocumentEntry], included: Sequence[ExtractedDocument], xlsx: Path
) -> list[str]:
    """Every document's warnings, then the workbook's (a sheet past Excel's row limit)."""
    return [w for e in entries for w in e.warnings] + workbook_warnings(included, xlsx.name)


def run_notes(selection: Selection, included: Sequence[ExtractedDocument]) -> list[str]:
    """The selection's notes (补报, undated files), then those of the documents covered."""
    return [*selection.notes, *(f"{d.source}: {n}" for d in included for n in d.notes)]
