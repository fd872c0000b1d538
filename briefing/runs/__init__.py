"""Unattended monthly runs: state, issue numbers, late arrivals, extraction cache, lock, manifest.

An office schedules `briefing build --period last-month` and forgets it. This package makes that
safe: each output folder keeps its state in `<output>/.briefing/state.db` (SQLite) under an OS lock.

`briefing.build.build` uses it in this order, which is what makes a SIGKILL at any moment
harmless: take the lock (`RunState.open`; LockedError: exit code 3; StateError: a damaged,
foreign or read-only state); stop if the issue's files are recorded and unchanged
(`RunState.existing_outputs`, unless --force); claim the files it will write
(`RunState.claim_outputs`; StateError for a file the state did not write); remove temporaries a
killed run left; extract through the cache (`extract_documents_cached`); select the period's
documents (`RunState.select_documents`) and number the issue (`RunState.issue_number`); write the
DOCX and XLSX atomically (temporary file, then rename); then `finish_issue`: the manifest beside
them, and only then the issue recorded with the sha256 of all three.

Crash analysis: killed before the renames, the old files (if any) are intact and the state is
unchanged; killed between the renames and the commit, the files are complete but unrecorded, so
`existing_outputs` is False and the next run rebuilds them (the claim made them known) — with
the same number, because `issue_number` only counts recorded issues and the lock keeps anyone
else from recording one meanwhile; the rebuild is byte-identical when the inputs are. SQLite's
journal rolls back a commit
cut short. A forced rebuild replaces each file only once its new version is complete.

Coverage rule, numbering and cache keys are documented on `select_documents`, `RunState.issue_number`
and `extract_documents_cached`.
"""

from briefing.runs.cache import CacheStats, Extraction, extract_documents_cached, tool_fingerprint
from briefing.runs.manifest import (
    MANIFEST_NAME,
    build_manifest,
    finish_issue,
    previous_issue,
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
    "Extraction",
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
    "previous_issue",
    "same_document",
    "select_documents",
    "settings_options",
    "sha256_file",
    "tool_fingerprint",
    "write_manifest",
]
