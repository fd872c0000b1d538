"""Reading and extraction: paths in, `ExtractedDocument`s out.

`extract_documents` is the first half of the build pipeline and the whole of `briefing extract`:
read_documents -> parse text -> structure -> measures -> indicators -> duplicate links.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from briefing.errors import ReadError
from briefing.extract.duplicates import DuplicateIndex
from briefing.extract.indicators import extract_indicators
from briefing.extract.measures import extract_measures
from briefing.extract.metadata import parse_document_text
from briefing.extract.places import document_place
from briefing.extract.structure import bound_sentences, parse_structure

# Enumeration lives in briefing.inputs; its names stay importable from here.
from briefing.inputs import InputFile as InputFile
from briefing.inputs import attach_input_warnings, escaped
from briefing.inputs import iter_input_files as iter_input_files
from briefing.inputs import require_inputs as require_inputs
from briefing.model import (
    DocumentEntry,
    ExtractedDocument,
    Indicator,
    Measure,
    Metadata,
    RawDocument,
    Structure,
)
from briefing.readers import format_for, limits, read_file
from briefing.readers.common import file_sha256, listed_as
from briefing.themes import Classifier, Lexicon

# below this many files per worker, starting processes costs more than it saves
MIN_FILES_PER_WORKER = 8
# files per task sent to a worker: with one file per task, futures and pipes cost about as much
# CPU as pickling the results; a few files per task keep the order, the memory bound and the
# load balance
FILES_PER_TASK = 8


def failed_record(source: str, fmt: str, sha256: str, reason: str) -> ExtractedDocument:
    return ExtractedDocument(
        source=source,
        sha256=sha256,
        format=fmt,
        metadata=Metadata(display_title=Path(source.split("#")[0]).name),
        warnings=[f"{source}: {reason}"],
    )


def _file_sha256(path: Path) -> str:
    return file_sha256(path) or ""


def read_documents(files: Sequence[InputFile]) -> Iterator[RawDocument | ExtractedDocument]:
    """Yield each document read, or a failed record for a file that could not be read (or was
    not opened at all: a special file, a link out of the input folder, see `briefing.inputs`)."""
    for item in files:
        if item.problem is not None:
            yield failed_record(item.source, format_for(item.path), "", item.problem)
            continue
        # read whole inside `listed_as` (a reader returns a list), then yielded: a context
        # variable set around a yield would stay set in the caller
        with listed_as(item.path, item.identity, item.through_link):
            try:
                documents: list[RawDocument | ExtractedDocument] = [
                    *read_file(item.path, item.source)
                ]
            except ReadError as exc:
                sha = _file_sha256(item.path)
                documents = [
                    failed_record(item.source, format_for(item.path), sha, escaped(str(exc)))
                ]
        yield from documents


def extract_document(
    raw: RawDocument,
    classifier: Classifier,
    year_origins: dict[str, str] | None = None,
    figure_sentences: dict[str, int] | None = None,
    scope_origins: dict[str, str] | None = None,
    kind_origins: dict[str, str] | None = None,
) -> ExtractedDocument:
    """One document read and extracted; `year_origins`, `scope_origins` and `kind_origins`, when
    given, receive where each figure's year and scope came from and why it has its kind, and
    `figure_sentences` the index of its sentence (`briefing explain`)."""
    parsed = parse_document_text(raw)
    structure = parse_structure(parsed.body)
    # a run of text no prose has (a line of 150 000 figures) would keep the run busy for hours
    bounded = bound_sentences(structure)
    date = (
        parsed.metadata.written_date
        or parsed.metadata.published_date
        or _doc_no_year(parsed.metadata.doc_no)
    )
    measures = extract_measures(
        raw.sha256, structure, classifier, date, title=parsed.metadata.title
    )
    # the site that carries the page is named around the body, never in it (`PageLayout`)
    place, place_why = document_place(
        parsed.metadata.publisher, parsed.metadata.title, parsed.body, parsed.layout.frame_text()
    )
    parsed.metadata.jurisdiction = place
    dropped: list[str] = []
    indicators = extract_indicators(
        raw.sha256,
        structure,
        date,
        place,
        parsed.metadata.title,
        measures,
        year_origins,
        figure_sentences,
        place_why,
        scope_origins,
        dropped,
        kind_origins,
    )
    _attach_indicators(measures, indicators)
    if len(indicators) >= limits.MAX_FIGURES:
        bounded.append(f"数据项达到 {limits.MAX_FIGURES} 项的上限，其后的句子未提取数据")
    return ExtractedDocument(
        source=raw.source,
        sha256=raw.sha256,
        format=raw.format,
        metadata=parsed.metadata,
        body=parsed.body,
        structure=structure,
        measures=measures,
        indicators=indicators,
        warnings=[
            *raw.warnings,
            *(_named(raw.source, w) for w in [*parsed.warnings, *bounded]),
        ],
        notes=[*parsed.notes, *dropped],
    )


# "商科文〔2022〕7号": the year a document number gives is the year of issue
_DOC_NO_YEAR = re.compile(r"[〔\[［(（【]((?:19|20)\d\d)[〕\]］)）】]")


def _doc_no_year(doc_no: str | None) -> str | None:
    """The year of issue in a document number, for a page that prints no date."""
    m = _DOC_NO_YEAR.search(doc_no or "")
    return m.group(1) if m else None


def _named(source: str, warning: str) -> str:
    """Every warning line names its file: the text parser's own warnings do not."""
    return warning if warning.startswith(f"{source}: ") else f"{source}: {warning}"


def _attach_indicators(measures: Sequence[Measure], indicators: Sequence[Indicator]) -> None:
    """Link each figure to the first measure whose text quotes it."""
    if not measures:
        return
    # One search in the measures' texts joined by NUL (which no text holds, so no occurrence
    # spans two measures) instead of a scan of every measure per figure: its first occurrence
    # is in the first measure that quotes it.
    joined = "\0".join(m.text for m in measures)
    starts: list[int] = []
    pos = 0
    for m in measures:
        starts.append(pos)
        pos += len(m.text) + 1
    for ind in indicators:
        if ind.measure_id is not None:
            continue
        if "\0" in ind.text:
            ind.measure_id = next((m.id for m in measures if ind.text in m.text), None)
            continue
        found = joined.find(ind.text)
        if found >= 0:
            ind.measure_id = measures[bisect.bisect_right(starts, found) - 1].id


def extract_read(
    item: RawDocument | ExtractedDocument, classifier: Classifier
) -> ExtractedDocument:
    """Extract a document read, or pass a reader's failed record on. The parsed structure is
    dropped: no later stage needs it, and it is the biggest part of a document in memory."""
    if isinstance(item, ExtractedDocument):
        return item
    if not item.text.strip():
        # A reader's placeholder for a part it could not read (a bad JSONL line): keep its
        # warning, extract nothing, and never call it a duplicate of another bad part.
        doc = failed_record(item.source, item.format, item.sha256, "")
        doc.warnings = list(item.warnings) or [f"{item.source}: 内容为空"]
        return doc
    doc = extract_document(item, classifier)
    doc.structure = Structure()
    return doc


def is_extractable(item: RawDocument | ExtractedDocument) -> bool:
    """A document read with content (not a reader's failed record or placeholder)."""
    return isinstance(item, RawDocument) and bool(item.text.strip())


class SeenContent:
    """The duplicate-file rule, the one place it is kept: content read under a second name is
    not extracted again; that name gets a record whose warning names the first."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def repeat(
        self, item: RawDocument | ExtractedDocument | DocumentEntry
    ) -> ExtractedDocument | None:
        """The record for `item` if its content was read before under another name; else None,
        and its content counts as read from now on. Only for documents read with content."""
        first = self._first.get(item.sha256)
        if first is None:
            self._first[item.sha256] = item.source
            return None
        return failed_record(item.source, item.format, item.sha256, f"与 {first} 内容相同，已跳过")


def _serial(files: Sequence[InputFile], classifier: Classifier) -> Iterator[ExtractedDocument]:
    seen = SeenContent()
    for item in read_documents(files):
        repeat = seen.repeat(item) if is_extractable(item) else None
        yield repeat or extract_read(item, classifier)


_worker_classifier: Classifier | None = None


def _init_worker(lexicon: Lexicon, learned: bool) -> None:
    global _worker_classifier
    _worker_classifier = Classifier(lexicon, learned)


FileResults = list[tuple[ExtractedDocument, bool]]
"""One input file's documents, each with whether it was read (False: a failure or placeholder
record, which is never a duplicate of anything)."""


def _extract_files(items: Sequence[InputFile]) -> list[FileResults]:
    assert _worker_classifier is not None
    return [
        [
            (extract_read(read, _worker_classifier), is_extractable(read))
            for read in read_documents([item])
        ]
        for item in items
    ]


def extract_files_in_workers(
    files: Sequence[InputFile], classifier: Classifier, workers: int
) -> Iterator[FileResults]:
    """Each file's documents, read and extracted in `workers` processes, in input order.

    Duplicates are left to the caller (a document is extracted even if an earlier one had the
    same content). A few tasks per worker are in flight, so memory stays bounded.
    """
    pending: deque[Future[list[FileResults]]] = deque()
    window = workers * 4
    # small corpora still give every worker several tasks
    size = max(1, min(FILES_PER_TASK, len(files) // (workers * 4)))
    tasks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(
        workers,
        initializer=_init_worker,
        initargs=(classifier.lexicon, classifier.model is not None),
    ) as pool:
        queue = iter(tasks)
        try:
            while True:
                while len(pending) < window:
                    task = next(queue, None)
                    if task is None:
                        break
                    pending.append(pool.submit(_extract_files, task))
                if not pending:
                    break
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _parallel(
    files: Sequence[InputFile], classifier: Classifier, workers: int
) -> Iterator[ExtractedDocument]:
    """Files read and extracted in worker processes, results in input order.

    A repeated document is extracted and then replaced by its duplicate record here, so the
    output is the serial one.
    """
    seen = SeenContent()
    for results in extract_files_in_workers(files, classifier, workers):
        for doc, extracted in results:
            repeat = seen.repeat(doc) if extracted else None
            yield repeat or doc


def iter_documents(
    paths: Sequence[Path],
    classifier: Classifier,
    link: bool = True,
    workers: int = 1,
    follow_links: bool = False,
) -> Iterator[ExtractedDocument]:
    """Read and extract every document under `paths`, one at a time, in input order.

    Each document is final when yielded: duplicate links point only backwards, so a compact index
    of the measures seen so far is all that is kept between documents (memory does not grow with
    the documents' text). `workers` > 1 reads and extracts files in that many processes; the
    output is the same. `follow_links` follows links out of an input folder. Raises
    InputNotFoundError for a bad path.
    """
    files = iter_input_files(paths, follow_links)
    linker = DuplicateIndex() if link else None
    if workers > 1 and len(files) >= MIN_FILES_PER_WORKER * workers:
        documents = _parallel(files, classifier, workers)
    else:
        documents = _serial(files, classifier)
    for doc in attach_input_warnings(files, documents):
        if linker is not None:
            linker.link(doc.measures)
        yield doc


def extract_documents(
    paths: Sequence[Path],
    classifier: Classifier,
    on_document: Callable[[ExtractedDocument], None] | None = None,
    link: bool = True,
    workers: int = 1,
    follow_links: bool = False,
) -> list[ExtractedDocument]:
    """Read and extract every document under `paths`. Raises InputNotFoundError for a bad path.

    `link=False` leaves `duplicate_of` unset, for a caller that links a selection itself.
    """
    documents: list[ExtractedDocument] = []
    for doc in iter_documents(paths, classifier, link, workers, follow_links):
        documents.append(doc)
        if on_document is not None:
            on_document(doc)
    return documents
