"""Unattended monthly runs: state, issue numbers, late arrivals, extraction cache, lock, manifest.

An office schedules `briefing build --period last-month` and forgets it. This package makes that
safe: each output folder keeps its state in `<output>/.briefing/state.db` (SQLite) under an OS lock.

How `build()` uses it, in this order (the order is what makes a SIGKILL at any moment harmless)::

    period = parse_period(settings.period)
    with RunState.open(settings.output) as state:             # LockedError: exit code 3;
                                                               # StateError: damaged, foreign, read-only
        if state.existing_outputs(period, files) and not force:
            return ...                                         # "已存在，未改动", exit 0
        state.claim_outputs(files, force)                      # StateError: a file it did not write
        state.remove_stale_temporaries(settings.output / period.key)
        documents, stats = extract_documents_cached(inputs, classifier, state)
        selection = state.select_documents(documents, period)
        if selection.is_empty and skip_empty:
            return ...                                         # "本期无新增文件，未生成简报"
        number = state.issue_number(period, settings.masthead.first_issue)
        ... aggregate(selection.documents), render docx and xlsx (atomic: temp file -> rename)
        manifest = build_manifest(period=period, issue_number=number,
            selection=selection, documents=documents, template=template,
            outputs=[docx, xlsx], options=settings_options(settings),
            tool_version=tool_fingerprint(), lexicon_sha=lexicon.sha256,
            warnings=warnings, notes=notes)
        finish_issue(state, period, number, selection, [docx, xlsx], manifest)
        # = write manifest.json beside them, then record_issue(...) with all three sha256

Crash analysis: killed before the renames, the old files (if any) are intact and the state is
unchanged; killed between the renames and the commit, the files are complete but unrecorded, so
`existing_outputs` is False and the next run rebuilds them (the claim made them known) — with
the same number, because `issue_number` only counts recorded issues and the lock keeps anyone
else from recording one meanwhile; the rebuild is byte-identical when the inputs are. SQLite's journal rolls back a commit
cut short. A forced rebuild replaces each file only once its new version is complete.

Coverage rule, numbering and cache keys are documented on `select_documents`, `RunState.issue_number`
and `extract_documents_cached`.
"""

from briefing.runs.cache import CacheStats, extract_documents_cached, tool_fingerprint
from briefing.runs.manifest import (
    MANIFEST_NAME,
    build_manifest,
    finish_issue,
    settings_options,
    write_manifest,
)
from briefing.runs.records import document_from_record
from briefing.runs.selection import (
    EMPTY_NOTE,
    CoveredDocument,
    Identity,
    Selection,
    same_document,
    select_documents,
)
from briefing.runs.state import (
    Issue,
    RunState,
    StateError,
    output_digests,
    sha256_file,
)

__all__ = [
    "EMPTY_NOTE",
    "MANIFEST_NAME",
    "CacheStats",
    "CoveredDocument",
    "Identity",
    "Issue",
    "RunState",
    "Selection",
    "StateError",
    "build_manifest",
    "document_from_record",
    "extract_documents_cached",
    "finish_issue",
    "output_digests",
    "same_document",
    "select_documents",
    "settings_options",
    "sha256_file",
    "tool_fingerprint",
    "write_manifest",
]
