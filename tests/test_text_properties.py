"""Properties that hold for any text: nothing raises, sentences are substrings of the body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.dates import find_dates, parse_date
from briefing.extract.metadata import parse_document_text
from briefing.extract.structure import normalize_inline, parse_structure
from briefing.model import RawDocument

# Pieces of real documents, so generated texts reach the interesting branches (headers, markers,
# dates, signatures) instead of staying random noise.
FRAGMENTS = [
    "[ 索引号 ]",
    "[ 发文字号 ]",
    "[ 成文日期 ]",
    "【发布机构】",
    "日期:",
    "来源:",
    "|",
    "•",
    "一、",
    "(一)",
    "（二）",
    "1.",
    "(1)",
    "一是",
    "十是",
    "。",
    "。。",
    "!",
    "?",
    ":",
    "：",
    ",",
    "、",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "\u2002",
    "\t",
    "〔2019〕",
    "62号",
    "2023-07-27",
    "2023-02-30",
    "2023年4月28日",
    "二〇二三年四月二十八日",
    "十十月",
    "重庆市科学技术局",
    "关于",
    "的通知",
    "印发《方案》",
    "市社科联:",
    "扫一扫在手机打开当前页",
    "(2024年3月27日在会上)",
    "“",
    "”",
    "1+6",
    "abc",
    "MEMS",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_parse_document_text_never_raises_and_always_names_the_document(text: str) -> None:
    parsed = parse_document_text(RawDocument("x.txt", "text", "0" * 64, text))
    assert parsed.metadata.display_title
    for value in (parsed.metadata.written_date, parsed.metadata.published_date):
        assert value is None or parse_date(value) == value


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_and_paragraphs_are_substrings_of_the_normalised_body(text: str) -> None:
    structure = parse_structure(text)
    normalised = normalize_inline(text)
    for sentence in structure.sentences:
        assert sentence.text
        assert sentence.text in normalised
    for paragraph in structure.paragraphs:
        assert paragraph.text in normalised
    headings = {s.heading for s in structure.sections}
    for sentence in structure.sentences:
        assert set(sentence.section) <= headings


@settings(max_examples=300, deadline=None)
@given(texts)
def test_body_sentences_of_a_parsed_document_are_substrings_of_its_body(text: str) -> None:
    body = parse_document_text(RawDocument("x.txt", "text", "0" * 64, text)).body
    normalised = normalize_inline(body)
    assert all(s.text in normalised for s in parse_structure(body).sentences)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_dates_found_are_valid_iso_dates_inside_their_spans(text: str) -> None:
    for (start, end), iso in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert parse_date(text[start:end]) == iso
    parse_date(text)


@given(st.text(max_size=200))
def test_normalize_inline_is_idempotent_and_keeps_no_line_breaks(text: str) -> None:
    once = normalize_inline(text)
    assert normalize_inline(once) == once
    assert "\n" not in once
