"""Which documents an issue covers: dated in the period, late arrivals (补报), updates (更新).

The rule (design.md section 2): an issue covers the documents dated in its period (published date,
else written date) plus late arrivals — documents dated before the period, but not before the start
of the first issue made in the output folder, that no earlier-made issue covered. 本期新增 is what
the issue covers for the first time. A backlog older than the first issue is never swept in.

Earlier issues are matched by content (sha256) and by identity (`same_document`): a document an
earlier issue covered that comes back with other content (re-saved with a correction) is an update,
更新, covered again with a note naming the issue that had it — not a 补报 "此前各期未收录".

The rule works on `DocumentEntry`s (source, hash, date, identity): a monthly run loads the
documents themselves only for what it covers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from briefing.inputs import name_text
from briefing.model import DocumentEntry
from briefing.periods import Period

EMPTY_NOTE = "本期无新增文件"


def document_day(doc: DocumentEntry) -> date | None:
    """The document's date; a malformed one (from a hand-made JSONL record) counts as none."""
    if not doc.date:
        return None
    try:
        return date.fromisoformat(doc.date)
    except ValueError:
        return None


def _order(doc: DocumentEntry) -> tuple[str, str]:
    return (doc.date or "9999-99-99", doc.source)


# ---------------------------------------------------------------- identity

_SPACE = re.compile(r"\s+")
_POSITION = re.compile(r"#\d+$")  # a record inside a JSONL/JSON file: `batch.jsonl#12`


@dataclass(frozen=True)
class Identity:
    """What makes two records the same document across runs; compared by `same_document`."""

    path: str | None
    """The source relative to its input folder; None for a record inside a JSONL/JSON file,
    whose position says nothing about which document it is."""
    doc_no: str | None
    """发文字号, without spaces."""
    index_no: str | None
    """索引号, without spaces."""
    title: str | None
    """The title the document states (None when it was derived from the file name or text)."""
    date: str | None
    """The document's date: published, else written."""


def _plain(value: str | None) -> str | None:
    return _SPACE.sub("", value) or None if value else None


def relative_source(source: str, inputs: Iterable[Path] = ()) -> str:
    """`source` relative to the input folder it was found in (the same file reached as
    `in/a.txt` and `/home/x/in/a.txt` is one path); a file given by name is its name."""
    for given in inputs:
        # sources spell undecodable bytes and control characters of names escaped
        root = name_text(given.as_posix()).rstrip("/")
        if source == root:
            return Path(root).name
        if source.startswith(root + "/"):
            return source[len(root) + 1 :]
    return source


def identity_path(source: str, inputs: Iterable[Path] = ()) -> str | None:
    """The path part of an identity: relative to the input folder; None for a record inside a
    JSONL/JSON file (`batch.jsonl#12`), whose position says nothing about which document it is."""
    path = relative_source(source, inputs)
    return None if _POSITION.search(path) else path


def identity(doc: DocumentEntry, inputs: Iterable[Path] = ()) -> Identity:
    return Identity(
        path=identity_path(doc.source, inputs),
        doc_no=_plain(doc.doc_no),
        index_no=_plain(doc.index_no),
        title=_plain(doc.title),
        date=doc.date,
    )


def same_document(a: Identity, b: Identity) -> bool:
    """The identity rule (README, “同一份文件”), in this order:

    1. both have a 发文字号: the same one is the same document, another one is not;
    2. else both have a 索引号: likewise;
    3. else the same path and the same title or date (one of them may be what was corrected),
       or the same title and date (the file was moved or renamed).
    """
    if a.doc_no and b.doc_no:
        return a.doc_no == b.doc_no
    if a.index_no and b.index_no:
        return a.index_no == b.index_no
    same_title = a.title is not None and a.title == b.title
    same_date = a.date is not None and a.date == b.date
    if a.path is not None and a.path == b.path:
        return same_title or same_date
    return same_title and same_date


@dataclass(frozen=True)
class CoveredDocument:
    """A document an issue covered, as the state recorded it."""

    sha256: str
    source: str
    date: str | None
    late: bool
    new: bool
    period: str = ""
    """The issue that covered it."""
    identity: Identity | None = None
    updated: bool = False
    """It was the new version of a document an earlier issue covered (更新)."""


class _Earlier:
    """The documents earlier issues covered (in the order the issues were made), looked up by
    identity."""

    def __init__(self, covered: Iterable[CoveredDocument]) -> None:
        self._keys: dict[tuple[str, str], list[tuple[int, CoveredDocument]]] = {}
        for position, doc in enumerate(covered):
            for key in self._lookup(doc.identity):
                self._keys.setdefault(key, []).append((position, doc))

    @staticmethod
    def _lookup(ident: Identity | None) -> list[tuple[str, str]]:
        if ident is None:
            return []
        keys = [("doc_no", ident.doc_no), ("index_no", ident.index_no), ("path", ident.path)]
        keys.append(("title", f"{ident.title}@{ident.date}" if ident.title else None))
        return [(kind, value) for kind, value in keys if value]

    def version_of(self, ident: Identity) -> CoveredDocument | None:
        """The most recently covered document `ident` is a version of (`same_document`)."""
        found: tuple[int, CoveredDocument] | None = None
        for key in self._lookup(ident):
            for position, doc in self._keys.get(key, []):
                assert doc.identity is not None
                if same_document(ident, doc.identity) and (found is None or position > found[0]):
                    found = (position, doc)
        return found[1] if found is not None else None


@dataclass(frozen=True)
class Selection:
    period: Period
    in_period: tuple[DocumentEntry, ...]
    """Documents dated in the period (for `all`: every readable document)."""
    late: tuple[DocumentEntry, ...]
    """补报: dated before the period, not before the first issue, covered by no earlier issue
    (by content or identity)."""
    undated: tuple[DocumentEntry, ...]
    """Readable documents without any date: named in a note, not covered."""
    new_shas: frozenset[str]
    """Content hashes this issue covers for the first time (本期新增)."""
    cumulative: int
    """Distinct documents covered by the issues made so far, this one included (累计)."""
    updated: tuple[DocumentEntry, ...] = ()
    """更新 dated before the period: new versions of documents earlier issues covered."""
    updates: dict[str, CoveredDocument] = field(default_factory=dict)
    """`{sha256: earlier version}` of every covered document that is an update (更新), those
    dated in the period included."""
    inputs: tuple[Path, ...] = ()
    """The input folders, to which `identity` paths are relative."""

    def identity(self, doc: DocumentEntry) -> Identity:
        return identity(doc, self.inputs)

    @property
    def documents(self) -> list[DocumentEntry]:
        """Everything the issue covers, by date then source."""
        return sorted([*self.in_period, *self.late, *self.updated], key=_order)

    @property
    def new(self) -> list[DocumentEntry]:
        return [d for d in self.documents if d.sha256 in self.new_shas]

    @property
    def is_empty(self) -> bool:
        """Nothing new this issue: the briefing says 本期无新增文件 (or skip_empty skips it)."""
        return not self.new_shas

    def is_new(self, doc: DocumentEntry) -> bool:
        return doc.sha256 in self.new_shas

    @cached_property
    def late_shas(self) -> frozenset[str]:
        return frozenset(d.sha256 for d in self.late)

    def is_late(self, doc: DocumentEntry) -> bool:
        return doc.sha256 in self.late_shas

    def is_update(self, doc: DocumentEntry) -> bool:
        return doc.sha256 in self.updates

    def mark(self, doc: DocumentEntry) -> str:
        """The mark a sources list prints beside a document: 补报, 更新, 新增, or nothing."""
        if self.is_late(doc):
            return "补报"
        if self.is_update(doc):
            return "更新"
        return "新增" if self.is_new(doc) else ""

    @property
    def notes(self) -> list[str]:
        """Notes for the reader of the run (and the briefing's notes), in Chinese."""
        notes: list[str] = []
        if self.is_empty:
            notes.append(EMPTY_NOTE)
        if self.late:
            notes.append(
                f"补报 {len(self.late)} 份（日期早于本期、此前各期未收录）："
                + "、".join(d.source for d in sorted(self.late, key=_order))
            )
        updates = [d for d in self.documents if self.is_update(d)]
        if updates:
            notes.append(
                f"更新 {len(updates)} 份（此前各期已收录、内容有改动的文件）："
                + "、".join(
                    f"{d.source}（原收录于 {self.updates[d.sha256].period}）" for d in updates
                )
            )
        if self.undated:
            notes.append(
                "以下文件没有日期，未纳入本期：" + "、".join(d.source for d in self.undated)
            )
        return notes


def select_documents(
    documents: Sequence[DocumentEntry],
    period: Period,
    covered_before: Collection[CoveredDocument],
    backlog_start: date | None,
    inputs: Sequence[Path] = (),
) -> Selection:
    """Apply the coverage rule. `covered_before`: what earlier-made issues covered;
    `backlog_start`: the start of the first issue made in the folder (this period's start when
    it is the first), before which nothing is 补报; `inputs`: the input folders, to which
    source paths are relative for `identity`."""
    seen: set[str] = set()
    readable: list[DocumentEntry] = []
    for doc in documents:
        # The same content under two names is one document: the first name wins.
        if doc.readable and doc.sha256 not in seen:
            seen.add(doc.sha256)
            readable.append(doc)
    readable.sort(key=_order)
    before = {c.sha256 for c in covered_before}

    if period.start is None or period.end is None:
        in_period = readable
        earlier: list[DocumentEntry] = []
        undated: list[DocumentEntry] = []
    else:
        start, end = period.start, period.end
        days = {id(d): document_day(d) for d in readable}
        in_period = [d for d in readable if (day := days[id(d)]) and start <= day <= end]
        undated = [d for d in readable if days[id(d)] is None]
        earlier = []
        if backlog_start is not None and backlog_start < start:
            earlier = [
                d
                for d in readable
                if (day := days[id(d)]) and backlog_start <= day < start and d.sha256 not in before
            ]

    versions = _Earlier(covered_before)
    updates: dict[str, CoveredDocument] = {}
    for doc in [*in_period, *earlier]:
        if doc.sha256 not in before:
            version = versions.version_of(identity(doc, inputs))
            if version is not None:
                updates[doc.sha256] = version
    late = [d for d in earlier if d.sha256 not in updates]
    updated = [d for d in earlier if d.sha256 in updates]

    covered = {d.sha256 for d in [*in_period, *earlier]}
    # an update is a document counted before, under its earlier content
    repeated = set(updates) | {c.sha256 for c in covered_before if c.updated}
    return Selection(
        period=period,
        in_period=tuple(in_period),
        late=tuple(late),
        undated=tuple(undated),
        new_shas=frozenset(covered - before),
        cumulative=len((covered | before) - repeated),
        updated=tuple(updated),
        updates=updates,
        inputs=tuple(inputs),
    )
