"""Checks the hand-labelled real-document corpus (tests/data/corpus) against its own documents.

A label that does not match its document measures nothing: a sentence that is not in the text can never be
found, a figure whose value is not in its span can never be read. These checks keep the labels honest as
several labellers append to the same files.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "data" / "corpus"
DOCS = CORPUS / "docs"

THEMES = {"基础研究", "成果转化", "科技金融", "人才"}
STATUSES = {"done", "planned"}
WHYS = {"chrome", "debris", "problem", "framing", "caption"}
KINDS = {"actual", "growth", "target", "change", "provision"}
LEVELS = {"national", "province", "city", "district"}
GENRES = {"reply", "summary", "plan", "report", "policy", "statistics", "news"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    """The text as labels quote it: line breaks and runs of whitespace removed."""
    return SPACE.sub("", text)


def _rows(name: str) -> list[dict[str, Any]]:
    path = CORPUS / name
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        assert isinstance(row, dict), f"{name}:{number} is not an object"
        row["_where"] = f"{name}:{number}"
        rows.append(row)
    return rows


def _doc_texts() -> dict[str, str]:
    return {
        path.name: _flat(path.read_text(encoding="utf-8")) for path in sorted(DOCS.glob("*.txt"))
    }


@pytest.fixture(scope="module")
def docs() -> dict[str, str]:
    return _doc_texts()


def _check_keys(row: dict[str, Any], keys: set[str]) -> None:
    present = set(row) - {"_where"}
    assert present == keys, f"{row['_where']}: fields {sorted(present ^ keys)} wrong"


def _is_str_or_none(value: object) -> bool:
    return value is None or (isinstance(value, str) and value != "")


def test_every_document_has_one_source_and_one_metadata_line(docs: dict[str, str]) -> None:
    for name in ("sources.jsonl", "metadata.jsonl"):
        counts = Counter(row["doc"] for row in _rows(name))
        doubled = sorted(doc for doc, count in counts.items() if count > 1)
        assert not doubled, f"{name}: more than one line for {doubled}"
        missing = sorted(set(docs) - set(counts))
        assert not missing, f"{name}: no line for {missing}"
        orphans = sorted(set(counts) - set(docs))
        assert not orphans, f"{name}: lines for documents not in docs/: {orphans}"


def test_no_document_is_in_the_corpus_twice(docs: dict[str, str]) -> None:
    seen: dict[str, str] = {}
    for name, text in docs.items():
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert digest not in seen, f"{name} has the same text as {seen.get(digest)}"
        seen[digest] = name


def test_sources_fields_are_valid() -> None:
    keys = {
        "doc",
        "url",
        "publisher",
        "group",
        "level",
        "genre",
        "year",
        "full_length",
        "chrome",
        "notes",
    }
    for row in _rows("sources.jsonl"):
        _check_keys(row, keys)
        where = row["_where"]
        for key in ("url", "publisher", "group", "notes"):
            assert isinstance(row[key], str) and row[key], f"{where}: {key} empty"
        assert row["level"] in LEVELS, f"{where}: level {row['level']!r}"
        assert row["genre"] in GENRES, f"{where}: genre {row['genre']!r}"
        assert isinstance(row["year"], int) and 1949 <= row["year"] <= 2100, (
            f"{where}: year {row['year']!r}"
        )
        assert isinstance(row["full_length"], bool), f"{where}: full_length not a bool"
        assert isinstance(row["chrome"], bool), f"{where}: chrome not a bool"


def test_metadata_fields_are_valid() -> None:
    keys = {"doc", "title", "publisher", "written_date", "published_date", "doc_no"}
    for row in _rows("metadata.jsonl"):
        _check_keys(row, keys)
        where = row["_where"]
        for key in ("title", "publisher", "doc_no"):
            assert _is_str_or_none(row[key]), f"{where}: {key} {row[key]!r}"
        for key in ("written_date", "published_date"):
            value = row[key]
            assert value is None or (isinstance(value, str) and DATE.match(value)), (
                f"{where}: {key} {value!r}"
            )


def test_measures_are_sentences_of_their_documents(docs: dict[str, str]) -> None:
    keys = {"doc", "text", "themes", "status", "section"}
    seen: set[tuple[str, str]] = set()
    for row in _rows("measures.jsonl"):
        _check_keys(row, keys)
        where = row["_where"]
        assert row["doc"] in docs, f"{where}: no document {row['doc']}"
        assert isinstance(row["text"], str) and row["text"], f"{where}: empty text"
        assert _flat(row["text"]) in docs[row["doc"]], (
            f"{where}: text not in {row['doc']}: {row['text'][:40]}"
        )
        assert isinstance(row["themes"], list) and set(row["themes"]) <= THEMES, (
            f"{where}: themes {row['themes']}"
        )
        assert len(set(row["themes"])) == len(row["themes"]), f"{where}: a theme twice"
        assert row["status"] in STATUSES, f"{where}: status {row['status']!r}"
        assert isinstance(row["section"], str), f"{where}: section not a string"
        if row["section"]:
            assert _flat(row["section"]) in docs[row["doc"]], (
                f"{where}: section not in {row['doc']}"
            )
        key = (row["doc"], row["text"])
        assert key not in seen, f"{where}: labelled twice"
        seen.add(key)


def test_non_measures_are_lines_of_their_documents(docs: dict[str, str]) -> None:
    keys = {"doc", "text", "why"}
    for row in _rows("non_measures.jsonl"):
        _check_keys(row, keys)
        where = row["_where"]
        assert row["doc"] in docs, f"{where}: no document {row['doc']}"
        assert isinstance(row["text"], str) and row["text"], f"{where}: empty text"
        assert _flat(row["text"]) in docs[row["doc"]], (
            f"{where}: text not in {row['doc']}: {row['text'][:40]}"
        )
        assert row["why"] in WHYS, f"{where}: why {row['why']!r}"


def _spellings(value: float | int) -> set[str]:
    """How a labelled value can be written in its span (865.1, 6.0, 1e3 never)."""
    spellings = {str(value), f"{value:g}"}
    if isinstance(value, float) and value.is_integer():
        spellings.add(str(int(value)))
    return spellings


def test_figures_sit_in_labelled_sentences_and_hold_their_value(docs: dict[str, str]) -> None:
    keys = {"doc", "text", "value", "unit", "kind", "year", "metric", "qualifier", "scope"}
    measures: dict[str, list[str]] = {}
    for row in _rows("measures.jsonl"):
        measures.setdefault(row["doc"], []).append(_flat(row["text"]))
    for row in _rows("indicators.jsonl"):
        _check_keys(row, keys)
        where = row["_where"]
        assert row["doc"] in docs, f"{where}: no document {row['doc']}"
        span = _flat(row["text"])
        assert span and span in docs[row["doc"]], (
            f"{where}: text not in {row['doc']}: {row['text'][:40]}"
        )
        assert any(span in sentence for sentence in measures.get(row["doc"], [])), (
            f"{where}: figure outside every labelled sentence of {row['doc']}"
        )
        value = row["value"]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (
            f"{where}: value {value!r}"
        )
        assert any(spelling in span for spelling in _spellings(value)), (
            f"{where}: {value} not in {row['text']!r}"
        )
        assert isinstance(row["unit"], str) and row["unit"], f"{where}: unit empty"
        assert row["kind"] in KINDS, f"{where}: kind {row['kind']!r}"
        year = row["year"]
        assert year is None or (isinstance(year, int) and 1949 <= year <= 2100), (
            f"{where}: year {year!r}"
        )
        assert isinstance(row["metric"], str) and row["metric"], f"{where}: metric empty"
        assert _is_str_or_none(row["qualifier"]), f"{where}: qualifier {row['qualifier']!r}"
        assert _is_str_or_none(row["scope"]), f"{where}: scope {row['scope']!r}"


def test_second_labels_are_labelled_sentences_of_the_corpus() -> None:
    """benchmarks/agreement.py compares each second label with the gold label of the same sentence."""
    gold = {(row["doc"], row["text"]) for row in _rows("measures.jsonl")}
    seen: set[tuple[str, str]] = set()
    for row in _rows("second_labels.jsonl"):
        _check_keys(row, {"doc", "text", "themes", "status", "labeller"})
        where = row["_where"]
        key = (row["doc"], row["text"])
        assert key in gold, f"{where}: not a labelled sentence: {row['text'][:40]}"
        assert key not in seen, f"{where}: labelled twice"
        seen.add(key)
        assert set(row["themes"]) <= THEMES and len(set(row["themes"])) == len(row["themes"])
        assert row["status"] in STATUSES, f"{where}: status {row['status']!r}"


def _agreement_module() -> ModuleType:
    path = Path(__file__).parent.parent / "benchmarks" / "agreement.py"
    spec = importlib.util.spec_from_file_location("briefing_agreement", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_labelling_sheet_for_a_second_labeller_holds_no_labels(tmp_path: Path) -> None:
    """A blind relabelling needs a sheet without the gold themes and status, half dev, half test."""
    sheet = tmp_path / "sheet.jsonl"
    assert _agreement_module().main(["--sample", str(sheet)]) == 0
    rows = [json.loads(line) for line in sheet.read_text(encoding="utf-8").splitlines()]
    assert all(
        set(row) == {"n", "part", "doc", "genre", "title", "section", "text"} for row in rows
    )
    assert Counter(row["part"] for row in rows) == {"dev": 80, "test": 80}
