"""Extraction with the state's cache: unchanged documents are not read or extracted again.

Entries are keyed by the document's sha256, the tool fingerprint and the lexicon's hash, so a new
release, an edited extractor or a changed lexicon never serves a stale result. For single-document
formats the file's hash is the document's hash (design.md section 3), so a hit skips reading the
file (PDF and DOCX parsing included); documents inside JSONL/JSON files are looked up after reading.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefing import __version__
from briefing.extract.duplicates import link_duplicates
from briefing.inputs import attach_input_warnings, escaped
from briefing.model import ExtractedDocument
from briefing.pipeline import (
    MIN_FILES_PER_WORKER,
    InputFile,
    duplicate_content_record,
    extract_files_in_workers,
    extract_read,
    is_extractable,
    iter_input_files,
    read_documents,
)
from briefing.runs.selection import has_content
from briefing.runs.state import RunState, sha256_file, unpack_head_blob
from briefing.themes import Classifier

MULTI_DOCUMENT_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
# Pending cache entries are written in batches: one transaction (and fsync) per batch.
STORE_BATCH = 200

_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose output the cache holds; templates, rendering and aggregation do not matter.
_EXTRACTION_CODE = ("model.py", "pipeline.py", "themes.py", "extract", "readers")


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


RACY_SECONDS = 2.0
"""A file changed this recently is hashed again next time: a write in the same clock tick as
our look at it could leave its size and times unchanged (git's "racily clean" entries)."""


class FileDigests:
    """sha256 of input files, re-hashed only when their size, times or inode changed.

    A monthly run over a growing archive would otherwise read every file again just to learn it
    is unchanged. Keyed by absolute path; a file written within `RACY_SECONDS` of being looked
    at is not remembered, so a same-tick rewrite is never mistaken for the old content.
    """

    def __init__(self, state: RunState) -> None:
        self._state = state
        self._known = state.file_digests()
        self._fresh: list[tuple[str, tuple[int, int, int, int], str]] = []
        self._cwd = os.getcwd()

    def sha256(self, path: Path) -> str:
        """The file's sha256 (raises OSError like reading it would)."""
        name = str(path)
        # what Path.absolute() gives, without a Path and a getcwd per file; escaped, as SQLite
        # stores text and a name need not be UTF-8 (the signature tells escaped twins apart)
        key = escaped(name if os.path.isabs(name) else os.path.join(self._cwd, name))
        stat = os.stat(name)
        signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        known = self._known.get(key)
        if known is not None and known[0] == signature:
            return known[1]
        digest = sha256_file(path)
        settled = time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_SECONDS * 1e9
        if settled:
            self._fresh.append((key, signature, digest))
        return digest

    def save(self) -> None:
        self._state.remember_digests(self._fresh)
        self._fresh.clear()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0


def extract_documents_cached(
    paths: Sequence[Path],
    classifier: Classifier,
    state: RunState,
    on_document: Callable[[ExtractedDocument], None] | None = None,
    tool_version: str | None = None,
    link: bool = True,
    wanted: Callable[[ExtractedDocument], bool] | None = None,
    workers: int = 1,
    follow_links: bool = False,
) -> tuple[list[ExtractedDocument], CacheStats]:
    """`pipeline.extract_documents` with the state's cache: same records, same order.

    `link=False` leaves `duplicate_of` unset: linking near-duplicate measures across every
    document is the one cross-document step and dominates a warm run on a large folder, so
    `build()` should link only the documents the issue covers (`link_duplicates(selection
    .documents)`). Raises InputNotFoundError for a bad path, like the uncached pipeline.

    `wanted`, when given, is asked with a cached document's head (metadata, warnings, notes):
    documents it declines come back `partial`, without measures, figures or body, so a monthly
    run over a large folder unpacks only the documents its period can cover.

    `workers` > 1 extracts the files the cache does not have in that many processes (when there
    are enough of them); the records are the same as with one. `follow_links` follows links out
    of an input folder (`briefing.inputs`).
    """
    version = tool_version or tool_fingerprint()
    lexicon_sha = classifier.lexicon.sha256
    stats = CacheStats()
    seen: dict[str, str] = {}
    documents: list[ExtractedDocument] = []
    pending: list[ExtractedDocument] = []

    def flush() -> None:
        if pending:
            state.store_many(pending, version, lexicon_sha)
            stats.stored += len(pending)
            pending.clear()

    def emit(doc: ExtractedDocument) -> None:
        documents.append(doc)
        if on_document is not None:
            on_document(doc)

    def store(doc: ExtractedDocument) -> None:
        stats.misses += 1
        if has_content(doc):
            pending.append(doc)
            if len(pending) >= STORE_BATCH:
                flush()

    # First what the cache already has, so that the rest can go to workers together.
    digests = FileDigests(state)
    files = iter_input_files(paths, follow_links)
    shas = [_file_sha(item, digests) for item in files]
    heads = (
        state.cached_head_blobs([sha for sha in shas if sha], version, lexicon_sha)
        if wanted is not None
        else {}
    )
    looked_up = [
        (sha, _look_up(item, sha, heads, state, version, lexicon_sha, wanted))
        for item, sha in zip(files, shas, strict=True)
    ]
    misses = [
        item
        for item, (_, hit) in zip(files, looked_up, strict=True)
        if hit is None and _single(item)
    ]
    fresh = (
        extract_files_in_workers(misses, classifier, workers)
        if workers > 1 and len(misses) >= MIN_FILES_PER_WORKER * workers
        else None
    )
    for item, (file_sha, hit) in zip(files, looked_up, strict=True):
        if hit is not None:
            stats.hits += 1
            if hit.sha256 in seen:
                emit(duplicate_content_record(hit, seen))
            else:
                seen[hit.sha256] = hit.source
                emit(hit)
            continue
        if fresh is not None and _single(item):
            for doc, extracted in next(fresh):
                if not extracted:
                    emit(doc)  # a failed record or placeholder
                elif doc.sha256 in seen:
                    emit(duplicate_content_record(doc, seen))
                else:
                    seen[doc.sha256] = doc.source
                    store(doc)
                    emit(doc)
            continue
        for raw in read_documents([item]):
            if not is_extractable(raw):
                emit(extract_read(raw, classifier))  # a failed record or placeholder
                continue
            if raw.sha256 in seen:
                emit(duplicate_content_record(raw, seen))
                continue
            seen[raw.sha256] = raw.source
            known = None
            if raw.sha256 != file_sha:
                known = state.cached(raw.sha256, version, lexicon_sha, source=raw.source)
            if known is not None:
                stats.hits += 1
            else:
                # Fresh documents drop their structure like cached ones, so a run never depends
                # on whether the cache was warm (and memory stays flat).
                known = extract_read(raw, classifier)
                store(known)
            emit(known)
    flush()
    digests.save()
    documents = list(attach_input_warnings(files, documents))
    if link:
        link_duplicates(documents)
    return documents, stats


def _single(item: InputFile) -> bool:
    """A file that holds one document (JSONL and JSON files hold many, each cached on its own)."""
    return item.path.suffix.lower() not in MULTI_DOCUMENT_SUFFIXES


def _file_sha(item: InputFile, digests: FileDigests) -> str | None:
    """The sha256 of a single-document file; None for other files, unreadable ones and those
    never to be opened (a FIFO would block)."""
    if item.problem is not None or not _single(item):
        return None
    try:
        return digests.sha256(item.path)
    except OSError:
        return None  # the reader reports why


def _look_up(
    item: InputFile,
    file_sha: str | None,
    heads: dict[str, bytes],
    state: RunState,
    version: str,
    lexicon_sha: str,
    wanted: Callable[[ExtractedDocument], bool] | None,
) -> ExtractedDocument | None:
    """The file's cached document, or its head when `wanted` declines it."""
    if file_sha is None:
        return None
    if wanted is not None and file_sha in heads:
        head = unpack_head_blob(heads[file_sha], source=item.source)
        if head is not None and not wanted(head):
            return head
    return state.cached(file_sha, version, lexicon_sha, source=item.source)
