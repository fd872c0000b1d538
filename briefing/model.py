"""Records passed between the pipeline stages.

Stages pass these dataclasses, never loose dicts; `to_record()` on `ExtractedDocument` is the one place
that maps them onto the `briefing extract` JSONL contract (design.md section 3).

They use slots: a `-p all` build over 5,000 documents holds some 850,000 measures and figures at
once, and a `Measure` without its own `__dict__` takes 88 bytes instead of 336.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal

Status = Literal["done", "planned"]
IndicatorKind = Literal["actual", "target", "growth", "change", "provision"]

METADATA_FIELDS: tuple[str, ...] = (
    "title",
    "display_title",
    "title_derived",
    "index_no",
    "doc_no",
    "publisher",
    "written_date",
    "published_date",
    "topic",
    "genre",
    "addressee",
    "url",
    "jurisdiction",
)


@dataclass(slots=True)
class RawDocument:
    """What a reader hands on: the document's text plus any header fields the format itself carries.

    `text` keeps the document's own line structure (one paragraph or header line per line); it is
    already decoded, with XML-invalid control characters removed. `fields` holds metadata the format
    gave explicitly (HTML meta tags, JSONL keys), keyed by the contract's metadata names; the text
    parser fills in what is missing.
    """

    source: str
    format: str
    sha256: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    display_title: str = ""
    title_derived: bool = False
    index_no: str | None = None
    doc_no: str | None = None
    publisher: str | None = None
    written_date: str | None = None
    published_date: str | None = None
    topic: str | None = None
    genre: str | None = None
    addressee: str | None = None
    url: str | None = None
    # the place the document is about (`places.document_jurisdiction`), decided once by the
    # pipeline with the whole page read (a site's name is out of the body): the digest reuses it
    jurisdiction: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in METADATA_FIELDS}


@dataclass(slots=True)
class Section:
    """A heading as printed, e.g. number "(二)" and title "强化基础研究…"."""

    level: int
    number: str
    title: str
    heading: str  # the full heading line as printed, used in section paths


@dataclass(slots=True)
class Sentence:
    """One sentence of body text with the heading path it sits under.

    `text` has line breaks and whitespace runs removed, so it is a substring of the document's
    normalised text. `enumerator` is "一是" etc. when the sentence opens an enumeration item.
    """

    text: str
    section: tuple[str, ...]
    paragraph: int
    index: int
    enumerator: str | None = None


@dataclass(slots=True)
class Paragraph:
    text: str
    section: tuple[str, ...]
    index: int


@dataclass(slots=True)
class Structure:
    sections: list[Section] = field(default_factory=list)
    # top-level sections in order, as (heading) strings, for quick tests and summaries
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def top_level(self) -> list[Section]:
        if not self.sections:
            return []
        top = min(s.level for s in self.sections)
        return [s for s in self.sections if s.level == top]


@dataclass(slots=True)
class Measure:
    id: str
    text: str
    section: tuple[str, ...]
    status: Status
    themes: list[str] = field(default_factory=list)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    duplicate_of: str | None = None

    def __reduce__(self) -> tuple[type[Measure], tuple[Any, ...]]:
        # Fields by position: worker processes pickle every measure they extract, and the
        # default (a dict of field names per object) takes twice as long to write.
        return (Measure, _measure_fields(self))

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "section": list(self.section),
            "status": self.status,
            "themes": list(self.themes),
            "evidence": {k: list(v) for k, v in self.evidence.items()},
            "duplicate_of": self.duplicate_of,
        }


@dataclass(slots=True)
class Indicator:
    id: str
    text: str
    metric: str | None
    value: float
    unit: str
    year: int | None
    kind: IndicatorKind
    qualifier: str | None = None
    scope: str | None = None
    measure_id: str | None = None
    # value converted to the base unit (亿元 -> 元 etc.) where the unit allows it; an extra field
    normalized_value: float | None = None
    normalized_unit: str | None = None
    # the years a figure of a look back over several years is of ("五年来,…累计达260亿元" in a
    # report of January 2026: "2021—2025"), when no single year dates it; an extra field
    period: str | None = None

    def __reduce__(self) -> tuple[type[Indicator], tuple[Any, ...]]:
        return (Indicator, _indicator_fields(self))  # as Measure.__reduce__

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "year": self.year,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "scope": self.scope,
            "measure_id": self.measure_id,
        }
        if self.normalized_value is not None:
            record["normalized_value"] = self.normalized_value
            record["normalized_unit"] = self.normalized_unit
        if self.period is not None:
            record["period"] = self.period
        return record


_measure_fields = attrgetter(*(f.name for f in fields(Measure)))
_indicator_fields = attrgetter(*(f.name for f in fields(Indicator)))


@dataclass(slots=True)
class ExtractedDocument:
    source: str
    sha256: str
    format: str
    metadata: Metadata
    body: str = ""
    structure: Structure = field(default_factory=Structure)
    measures: list[Measure] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        """The date a period filter uses: published, else written."""
        return self.metadata.published_date or self.metadata.written_date

    def to_record(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "metadata": self.metadata.to_record(),
            "measures": [m.to_record() for m in self.measures],
            "indicators": [i.to_record() for i in self.indicators],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """A document found in the inputs, as selecting a period's documents and the manifest see it.

    A monthly run over a large folder needs this for every document but the whole
    `ExtractedDocument` only for those its issue covers; the cache keeps both.
    """

    source: str
    sha256: str
    format: str
    date: str | None
    """Published, else written date (ISO): the date a period filter uses."""
    doc_no: str | None = None
    index_no: str | None = None
    title: str | None = None
    """The title the document states; None when it was derived from the file name or text."""
    warnings: tuple[str, ...] = ()
    readable: bool = True
    """False for a file that could not be read and for content already read under another name:
    such an entry is never covered by an issue."""

    @classmethod
    def of(cls, doc: ExtractedDocument) -> DocumentEntry:
        meta = doc.metadata
        return cls(
            source=doc.source,
            sha256=doc.sha256,
            format=doc.format,
            date=doc.date,
            doc_no=meta.doc_no,
            index_no=meta.index_no,
            title=None if meta.title_derived else meta.title,
            warnings=tuple(doc.warnings),
            readable=bool(doc.body.strip()) or bool(doc.measures),
        )
