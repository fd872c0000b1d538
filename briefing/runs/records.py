"""Rebuilding an `ExtractedDocument`: from its `briefing extract` record, or from the cache's rows."""

from __future__ import annotations

import json
import sys
import types
import typing
from dataclasses import fields
from itertools import repeat
from typing import Any, Literal

from briefing.model import METADATA_FIELDS, ExtractedDocument, Indicator, Measure, Metadata


def document_from_record(
    record: dict[str, Any], body: str = "", source: str | None = None
) -> ExtractedDocument:
    """The inverse of `ExtractedDocument.to_record()`; `structure` stays empty.

    With `source`, the document is moved to that path, in its warnings and notes too, so a file
    that was renamed or copied reports under its current name. Raises KeyError/TypeError/ValueError
    on a record that does not follow the contract.
    """
    meta = record["metadata"]
    metadata = Metadata(**{name: meta.get(name) for name in METADATA_FIELDS})
    metadata.display_title = metadata.display_title or ""
    metadata.title_derived = bool(metadata.title_derived)
    measures = [
        Measure(
            id=m["id"],
            text=m["text"],
            section=tuple(m["section"]),
            status=m["status"],
            themes=list(m["themes"]),
            evidence={str(k): list(v) for k, v in m["evidence"].items()},
            duplicate_of=m.get("duplicate_of"),
        )
        for m in record["measures"]
    ]
    indicators = [
        Indicator(
            id=i["id"],
            text=i["text"],
            metric=i.get("metric"),
            value=float(i["value"]),
            unit=i["unit"],
            year=i.get("year"),
            kind=i["kind"],
            qualifier=i.get("qualifier"),
            scope=i.get("scope"),
            measure_id=i.get("measure_id"),
            normalized_value=i.get("normalized_value"),
            normalized_unit=i.get("normalized_unit"),
            period=i.get("period"),
        )
        for i in record["indicators"]
    ]
    old_source = str(record["source"])
    new_source = source if source is not None else old_source

    def moved(text: str) -> str:
        return text.replace(old_source, new_source) if new_source != old_source else text

    return ExtractedDocument(
        source=new_source,
        sha256=str(record["sha256"]),
        format=str(record["format"]),
        metadata=metadata,
        body=body,
        measures=measures,
        indicators=indicators,
        warnings=[moved(w) for w in record.get("warnings", [])],
        notes=[moved(n) for n in record.get("notes", [])],
    )


# The cache's own compact form: rows in dataclass field order instead of keyed objects, which
# decodes about three times faster. Entries are keyed by the tool fingerprint, which hashes
# model.py, so a change of fields never meets an old row (and a mismatch is a miss, not an error).
_METADATA = tuple(f.name for f in fields(Metadata))
_MEASURE = tuple(f.name for f in fields(Measure))
_INDICATOR = tuple(f.name for f in fields(Indicator))
_SECTION = _MEASURE.index("section")
_THEMES = _MEASURE.index("themes")


def pack_document(doc: ExtractedDocument) -> str:
    """JSON for the cache: everything but `body` (stored beside it) and `structure`."""
    return json.dumps(
        [
            doc.source,
            doc.sha256,
            doc.format,
            [getattr(doc.metadata, name) for name in _METADATA],
            [[getattr(m, name) for name in _MEASURE] for m in doc.measures],
            [[getattr(i, name) for name in _INDICATOR] for i in doc.indicators],
            doc.warnings,
            doc.notes,
        ],
        ensure_ascii=False,
    )


def _moved(
    old: str, new: str | None, warnings: list[str], notes: list[str]
) -> tuple[str, list[str], list[str]]:
    """The same content found under another path: messages name the path it has now."""
    if new is None or new == old:
        return old, warnings, notes
    return new, [w.replace(old, new) for w in warnings], [n.replace(old, new) for n in notes]


class _RowShape:
    """What each field of a dataclass's cache row must be, from its type hints: the JSON type
    (a tuple is a list), the items of a list of strings, the words of a Literal. Checked with
    C-level `isinstance` maps: a warm `-p all` unpacks hundreds of thousands of rows."""

    def __init__(self, cls: type) -> None:
        hints = typing.get_type_hints(cls)
        self.types: list[tuple[type, ...]] = []
        self.strings: list[int] = []  # list[str] and tuple[str, ...] fields
        self.nested: list[int] = []  # dict[str, list[str]] fields
        self.words: list[tuple[int, frozenset[str]]] = []
        for index, item in enumerate(fields(cls)):
            self.types.append(self._types(hints[item.name], index))

    def _types(self, hint: Any, index: int) -> tuple[type, ...]:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            return tuple(kind for arg in args for kind in self._types(arg, index))
        if origin is Literal:
            self.words.append((index, frozenset(args)))
            return (str,)
        if origin in (list, tuple):
            self.strings.append(index)
            return (list,)
        if origin is dict:
            self.nested.append(index)
            return (dict,)
        if hint is float:
            return (int, float)
        return (hint,)

    def fits(self, row: Any) -> bool:
        # loops rather than generator expressions: this runs once per measure and figure
        if not (
            isinstance(row, list)
            and len(row) == len(self.types)
            and all(map(isinstance, row, self.types))
        ):
            return False
        for i in self.strings:
            if not _strings(row[i]):
                return False
        for i in self.nested:
            for value in row[i].values():
                if not (isinstance(value, list) and _strings(value)):
                    return False
        return all(row[i] in words for i, words in self.words)


_STR = repeat(str)  # an endless supply of `str` for `map(isinstance, …)`


def _strings(values: list[Any]) -> bool:
    return all(map(isinstance, values, _STR))


_SHAPES = (_RowShape(Metadata), _RowShape(Measure), _RowShape(Indicator))


def unpack_document(data: str | bytes, body: str, source: str | None = None) -> ExtractedDocument:
    """The inverse of `pack_document`; raises ValueError/TypeError on a row of another layout
    or other types (the state is a file anyone who can write the output folder can edit: a
    crafted row is a cache miss, never a crash in a later stage)."""
    old_source, sha256, fmt, meta, measures, indicators, warnings, notes = json.loads(data)
    metadata, measure, indicator = _SHAPES
    if not (
        _strings([old_source, sha256, fmt])
        and metadata.fits(meta)
        and all(map(measure.fits, measures))
        and all(map(indicator.fits, indicators))
        and _strings(warnings)
        and _strings(notes)
    ):
        raise ValueError("cache row of another layout")
    # A fresh extraction shares one tuple per heading path and one string per theme name;
    # decoding makes copies, so share them again (a warm run would otherwise hold ~30 % more).
    sections: dict[tuple[str, ...], tuple[str, ...]] = {}
    rows = []
    for row in measures:
        path = tuple(row[_SECTION])
        row[_SECTION] = sections.setdefault(path, path)
        row[_THEMES] = [sys.intern(t) for t in row[_THEMES]]
        rows.append(Measure(*row))
    new_source, warnings, notes = _moved(old_source, source, warnings, notes)
    return ExtractedDocument(
        source=new_source,
        sha256=sha256,
        format=fmt,
        metadata=Metadata(*meta),
        body=body,
        measures=rows,
        indicators=[Indicator(*row) for row in indicators],
        warnings=warnings,
        notes=notes,
    )
