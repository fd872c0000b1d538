"""Which documents an issue covers: dated in the period, late arrivals (补报), new this issue.

The rule (design.md section 2): an issue covers the documents dated in its period (published date,
else written date) plus late arrivals — documents dated before the period, but not before the start
of the first issue made in the output folder, that no earlier-made issue covered. 本期新增 is what
the issue covers for the first time. A backlog older than the first issue is never swept in.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from briefing.model import ExtractedDocument
from briefing.periods import Period

EMPTY_NOTE = "本期无新增文件"


def has_content(doc: ExtractedDocument) -> bool:
    """Failed reads and duplicate-content records carry no content and are never covered."""
    return doc.partial or bool(doc.body.strip()) or bool(doc.measures)


def document_day(doc: ExtractedDocument) -> date | None:
    """The document's date; a malformed one (from a hand-made JSONL record) counts as none."""
    if not doc.date:
        return None
    try:
        return date.fromisoformat(doc.date)
    except ValueError:
        return None


def _order(doc: ExtractedDocument) -> tuple[str, str]:
    return (doc.date or "9999-99-99", doc.source)


@dataclass(frozen=True)
class Selection:
    period: Period
    in_period: tuple[ExtractedDocument, ...]
    """Documents dated in the period (for `all`: every readable document)."""
    late: tuple[ExtractedDocument, ...]
    """补报: dated before the period, not before the first issue, covered by no earlier issue."""
    undated: tuple[ExtractedDocument, ...]
    """Readable documents without any date: named in a note, not covered."""
    new_shas: frozenset[str]
    """Content hashes this issue covers for the first time (本期新增)."""
    cumulative: int
    """Distinct documents covered by the issues made so far, this one included (累计)."""

    @property
    def documents(self) -> list[ExtractedDocument]:
        """Everything the issue covers, by date then source."""
        return sorted([*self.in_period, *self.late], key=_order)

    @property
    def new(self) -> list[ExtractedDocument]:
        return [d for d in self.documents if d.sha256 in self.new_shas]

    @property
    def is_empty(self) -> bool:
        """Nothing new this issue: the briefing says 本期无新增文件 (or skip_empty skips it)."""
        return not self.new_shas

    def is_new(self, doc: ExtractedDocument) -> bool:
        return doc.sha256 in self.new_shas

    @cached_property
    def late_shas(self) -> frozenset[str]:
        return frozenset(d.sha256 for d in self.late)

    def is_late(self, doc: ExtractedDocument) -> bool:
        return doc.sha256 in self.late_shas

    def mark(self, doc: ExtractedDocument) -> str:
        """The mark a sources list prints beside a document: 补报, 新增, or nothing."""
        if self.is_late(doc):
            return "补报"
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
        if self.undated:
            notes.append(
                "以下文件没有日期，未纳入本期：" + "、".join(d.source for d in self.undated)
            )
        return notes


def select_documents(
    documents: Sequence[ExtractedDocument],
    period: Period,
    covered_before: Collection[str],
    backlog_start: date | None,
) -> Selection:
    """Apply the coverage rule. `covered_before`: hashes covered by earlier-made issues;
    `backlog_start`: the start of the first issue made in the folder (this period's start when
    it is the first), before which nothing is 补报."""
    seen: set[str] = set()
    readable: list[ExtractedDocument] = []
    for doc in documents:
        # The same content under two names is one document: the first name wins.
        if has_content(doc) and doc.sha256 not in seen:
            seen.add(doc.sha256)
            readable.append(doc)
    readable.sort(key=_order)

    if period.start is None or period.end is None:
        in_period = readable
        late: list[ExtractedDocument] = []
        undated: list[ExtractedDocument] = []
    else:
        start, end = period.start, period.end
        days = {id(d): document_day(d) for d in readable}
        in_period = [d for d in readable if (day := days[id(d)]) and start <= day <= end]
        undated = [d for d in readable if days[id(d)] is None]
        late = []
        if backlog_start is not None and backlog_start < start:
            late = [
                d
                for d in readable
                if (day := days[id(d)])
                and backlog_start <= day < start
                and d.sha256 not in covered_before
            ]

    covered = {d.sha256 for d in [*in_period, *late]}
    return Selection(
        period=period,
        in_period=tuple(in_period),
        late=tuple(late),
        undated=tuple(undated),
        new_shas=frozenset(covered - set(covered_before)),
        cumulative=len(covered | set(covered_before)),
    )
