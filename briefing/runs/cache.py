"""Extraction with the state's cache: unchanged documents are not read or extracted again.

Entries are keyed by the document's sha256, the tool fingerprint and the lexicon's hash, so a new
release, an edited extractor or a changed lexicon never serves a stale result. For single-document
formats the file's hash is the document's hash (design.md section 3), so a hit skips reading the
file (PDF and DOCX parsing included); documents inside JSONL/JSON files are looked up after reading.

A hit costs one row of a query over the cache's `date` column: `extract_documents_cached` gives
an entry per document, and the documents themselves are unpacked only for the entries asked for
(`Extraction.documents`), so a monthly run over a large folder unpacks only its issue's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from briefing import __version__
from briefing.model import DocumentEntry, ExtractedDocument
from briefing.pipeline import (
    MIN_FILES_PER_WORKER,
    InputFile,
    SeenContent,
    extract_files_in_workers,
    extract_read,
    is_extractable,
    iter_input_files,
    read_documents,
)
from briefing.readers.common import file_sha256, listed_as
from briefing.runs.state import RunState
from briefing.themes import Classifier

MULTI_DOCUMENT_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
# Fresh documents are stored in batches: one transaction (and fsync) per batch.
STORE_BATCH = 200

_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose output the cache holds; templates, rendering and aggregation do not matter.
_EXTRACTION_CODE = (
    "model.py",
    "pipeline.py",
    "themes.py",
    "theme_model.py",
    "theme_model.npz",  # the learned model's weights decide themes as the code does
    "extract",
    "readers",
)


@cache
def tool_fingerprint() -> str:
    """The release version plus a hash of the extraction code.

    A development checkout edits the extractor without bumping the version; hashing the code
    keeps the cache honest there too. In an installed release the hash never changes.
    """
    digest = hashlib.sha256()
    for name in _EXTRACTION_CODE:
        target = _PACKAGE / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            if path.is_file():
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0


@dataclass
class Extraction:
    """Every document of the inputs as an entry, in input order, and the documents on demand."""

    entries: list[DocumentEntry]
    stats: CacheStats
    state: RunState
    classifier: Classifier
    tool_version: str
    _read: dict[tuple[str, str], ExtractedDocument] = field(default_factory=dict)
    """Documents this run read (extracted, or looked up after reading a multi-document file)."""
    _hits: dict[tuple[str, str], InputFile] = field(default_factory=dict)
    """Single-document files found in the cache, not unpacked yet."""

    def documents(self, entries: Sequence[DocumentEntry] | None = None) -> list[ExtractedDocument]:
        """The documents of `entries` (default: all of them), in their order."""
        return [self._document(entry) for entry in (self.entries if entries is None else entries)]

    def _document(self, entry: DocumentEntry) -> ExtractedDocument:
        key = (entry.source, entry.sha256)
        lexicon_sha = self.classifier.lexicon.sha256
        doc = self._read.get(key)
        if doc is None:
            doc = self.state.cached(entry.sha256, self.tool_version, lexicon_sha, entry.source)
        if doc is None:
            # An entry whose record cannot be unpacked: the file is read again, and stored.
            [doc] = [
                extract_read(raw, self.classifier) for raw in read_documents([self._hits[key]])
            ]
            self.state.store(doc, self.tool_version, lexicon_sha)
        if list(entry.warnings) != doc.warnings:  # its file's name warnings (see `emit`)
            doc = replace(doc, warnings=list(entry.warnings))
        return doc


def extract_documents_cached(
    paths: Sequence[Path],
    classifier: Classifier,
    state: RunState,
    progress: Callable[[int], None] | None = None,
    tool_version: str | None = None,
    workers: int = 1,
    follow_links: bool = False,
) -> Extraction:
    """`pipeline.extract_documents` with the state's cache: the same documents, in the same
    order, as entries (`Extraction.documents` gives the documents). Duplicate measures are not
    linked: the build links those of the documents an issue covers. Raises InputNotFoundError
    for a bad path, like the uncached pipeline.

    `progress` is told how many documents were read so far, after each. `workers` > 1 extracts
    the files the cache does not have in that many processes (when there are enough of them);
    the documents are the same as with one. `follow_links` follows links out of an input folder
    (`briefing.inputs`).
    """
    version = tool_version or tool_fingerprint()
    lexicon_sha = classifier.lexicon.sha256
    extraction = Extraction([], CacheStats(), state, classifier, version)
    stats = extraction.stats
    seen = SeenContent()
    warned: set[str] = set()
    pending: list[ExtractedDocument] = []

    def emit(doc: ExtractedDocument | DocumentEntry, file: InputFile) -> None:
        entry = doc if isinstance(doc, DocumentEntry) else DocumentEntry.of(doc)
        if file.warnings and file.source not in warned:
            # the file's name warnings, on its first document (the cache never keeps them)
            warned.add(file.source)
            entry = replace(entry, warnings=(*file.warnings, *entry.warnings))
        key = (entry.source, entry.sha256)
        if isinstance(doc, ExtractedDocument):
            extraction._read.setdefault(key, doc)
        else:
            extraction._hits.setdefault(key, file)
        extraction.entries.append(entry)
        if progress is not None:
            progress(len(extraction.entries))

    def fresh(doc: ExtractedDocument, file: InputFile) -> None:
        """A document extracted this run: cached (if it has content), then emitted."""
        stats.misses += 1
        if DocumentEntry.of(doc).readable:
            pending.append(doc)
            if len(pending) >= STORE_BATCH:
                flush()
        emit(doc, file)

    def flush() -> None:
        if pending:
            state.store_many(pending, version, lexicon_sha)
            stats.stored += len(pending)
            pending.clear()

    # First what the cache already has, so that the rest can go to workers together.
    files = iter_input_files(paths, follow_links)
    shas = [_file_sha(item) for item in files]
    cached = state.cached_entries([sha for sha in shas if sha], version, lexicon_sha)
    misses = [
        item for item, sha in zip(files, shas, strict=True) if _single(item) and sha not in cached
    ]
    workers_output = (
        extract_files_in_workers(misses, classifier, workers)
        if workers > 1 and len(misses) >= MIN_FILES_PER_WORKER * workers
        else None
    )
    for item, file_sha in zip(files, shas, strict=True):
        hit = cached.get(file_sha) if file_sha else None
        if hit is not None:
            stats.hits += 1
            entry = _moved(hit, item.source)
            repeat = seen.repeat(entry)
            emit(repeat or entry, item)
            continue
        if workers_output is not None and _single(item):
            for doc, extracted in next(workers_output):
                repeat = seen.repeat(doc) if extracted else None
                if repeat is not None or not extracted:
                    emit(repeat or doc, item)  # a duplicate, a failed record or a placeholder
                else:
                    fresh(doc, item)
            continue
        for raw in read_documents([item]):
            repeat = seen.repeat(raw) if is_extractable(raw) else None
            if not is_extractable(raw) or repeat is not None:
                emit(repeat or extract_read(raw, classifier), item)
                continue
            known = None
            if raw.sha256 != file_sha:
                known = state.cached(raw.sha256, version, lexicon_sha, source=raw.source)
            if known is not None:
                stats.hits += 1
                emit(known, item)
            else:
                # Fresh documents drop their structure like cached ones, so a run never depends
                # on whether the cache was warm (and memory stays flat).
                fresh(extract_read(raw, classifier), item)
    flush()
    return extraction


def _moved(entry: DocumentEntry, source: str) -> DocumentEntry:
    """A cached entry for the file it is now found in: its warnings name that path."""
    if entry.source == source:
        return entry
    warnings = tuple(w.replace(entry.source, source) for w in entry.warnings)
    return replace(entry, source=source, warnings=warnings)


def _single(item: InputFile) -> bool:
    """A file that holds one document (JSONL and JSON files hold many, each cached on its own)."""
    return item.path.suffix.lower() not in MULTI_DOCUMENT_SUFFIXES


def _file_sha(item: InputFile) -> str | None:
    """The sha256 of a single-document file; None for other files, unreadable ones and those
    never to be opened (a FIFO would block)."""
    if item.problem is not None or not _single(item):
        return None
    with listed_as(item.path, item.identity, item.through_link):
        return file_sha256(item.path)  # None: the reader reports why
