"""Properties over generated input: no bytes make a reader raise anything but ReadError, whatever a
reader returns is safe for a DOCX, and text survives a round trip through the common encodings."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import READERS, read_file
from tests.fixtures.builders import make_docx, make_pdf

# What a reader drops from text: characters XML 1.0 forbids, lone surrogates, DEL and the C1
# controls (only ever seen in mojibake) and a stray BOM. A line holding nothing else is empty.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ufeff]")
SEED_CHARS = sorted(
    set(
        "".join(
            p.read_text("utf-8") for p in (Path(__file__).parent.parent / "seeds").glob("*.txt")
        )
    )
)
HANZI = [c for c in SEED_CHARS if "\u4e00" <= c <= "\u9fff"]

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_bytes_as(suffix: str, data: bytes) -> list[RawDocument] | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            docs = read_file(path, path.name)
        except ReadError as exc:
            assert str(exc), "a ReadError must say why"
            return None
    for doc in docs:
        assert not XML_INVALID.search(doc.text)
        assert "\r" not in doc.text
        assert all(not XML_INVALID.search(v) for v in doc.fields.values())
        assert doc.text or doc.warnings, "an empty document must carry a warning"
    return docs


@pytest.mark.parametrize("suffix", sorted(READERS))
@FAST
@given(data=st.binary(max_size=3000))
def test_no_bytes_make_a_reader_raise_anything_but_read_error(suffix: str, data: bytes) -> None:
    read_bytes_as(suffix, data)


def _mutations() -> st.SearchStrategy[tuple[int, int, bytes]]:
    return st.tuples(
        st.integers(0, 10**6), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)
    )


@pytest.fixture(scope="module")
def valid_files() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        docx = make_docx(
            Path(tmp) / "a.docx", ["一、总体要求", "正文。" * 40], [["[ 索引号 ]", "1"]]
        )
        pdf = make_pdf(Path(tmp) / "a.pdf", [["一、总体要求", "正文。" * 10]] * 2)
        return {".docx": docx.read_bytes(), ".pdf": pdf.read_bytes()}


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@FAST
@given(mutation=_mutations(), cut=st.integers(0, 10**6))
def test_damaged_docx_and_pdf_are_read_or_reported(
    valid_files: dict[str, bytes], suffix: str, mutation: tuple[int, int, bytes], cut: int
) -> None:
    data = valid_files[suffix]
    at, _, patch = mutation
    at %= len(data)
    damaged = data[:at] + patch + data[at + len(patch) :]
    read_bytes_as(suffix, damaged[: max(1, cut % (len(damaged) + 1))])


HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<a href='x'>",
        "</a>",
        "<meta charset='gbk'>",
        "&nbsp;",
        "&#0;",
        "&#xD800;",
        "<style>",
        "<nav>",
        "\r\n",
        "[ 索引号 ]",
        "发布日期：",
        "\x0c",
    ]
)


@FAST
@given(parts=st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=40))
def test_html_soup_is_read_or_reported(parts: list[str]) -> None:
    read_bytes_as(".html", "".join(parts).encode("utf-8", "surrogatepass"))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
DOC_OBJECTS = st.fixed_dictionaries(
    {},
    optional={
        "title": JSON_VALUES,
        "text": JSON_VALUES,
        "content": JSON_VALUES,
        "url": JSON_VALUES,
    },
)


def expected_text(obj: object) -> str:
    """The contract: the first of text/content/body that is a string or a list of strings."""
    if not isinstance(obj, dict):
        return ""
    for key in ("text", "content", "body"):
        value = obj.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return "\n".join(value)
    return ""


@FAST
@given(lines=st.lists(st.one_of(DOC_OBJECTS, JSON_VALUES), min_size=1, max_size=6))
@example(lines=[{"text": "\x7f"}, {"text": "\ufeff正文"}])  # found by hypothesis once: keep it
def test_jsonl_keeps_every_good_line(lines: list[object]) -> None:
    raw = [json.dumps(obj, ensure_ascii=False).encode("utf-8") for obj in lines]
    docs = read_bytes_as(".jsonl", b"\n".join(raw))
    assert docs is not None
    assert [d.source for d in docs] == [f"input.jsonl#{i}" for i in range(1, len(lines) + 1)]
    for doc, obj in zip(docs, lines, strict=True):
        expected = XML_INVALID.sub("", expected_text(obj).replace("\r\n", "\n"))
        assert bool(doc.text) == bool(expected.strip())
        assert bool(doc.warnings) == (not doc.text)


TEXT = st.text(
    alphabet=st.sampled_from(HANZI + list("，。、（）：；“”0123456789abcXYZ \n")),
    min_size=3,
    max_size=200,
).filter(lambda s: s.strip())


@FAST
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"]))
def test_text_round_trips_through_the_common_encodings(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    # GBK bytes that are also valid UTF-8 in one European script ("00医" is b"00\xd2\xbd", which
    # UTF-8 reads as "00ҽ") have two readings; the reader's policy takes UTF-8 for them, as it
    # must for "Grüße aus München" (tests/test_readers.py covers both sides)
    assume(encoding not in ("gbk", "gb18030") or not _valid_utf8(data))
    docs = read_bytes_as(".txt", data)
    assert docs is not None and docs[0].text == text


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RUN_ITEMS = st.one_of(
    st.text(alphabet=[*HANZI[:50], "a", " ", "&", "<"], max_size=6).map(
        lambda text: (
            f'<w:t xml:space="preserve">{text.replace("&", "&amp;").replace("<", "&lt;")}</w:t>'
        )
    ),
    st.sampled_from(
        [
            "<w:tab/>",
            "<w:ptab/>",
            "<w:br/>",
            '<w:br w:type="page"/>',
            '<w:br w:type="column"/>',
            '<w:br w:type="textWrapping"/>',
            "<w:cr/>",
            "<w:noBreakHyphen/>",
            "<w:softHyphen/>",
            "<w:instrText>PAGE</w:instrText>",
            "<w:delText>删去</w:delText>",
            "<w:rPr><w:b/></w:rPr>",
        ]
    ),
)
RUN = st.lists(RUN_ITEMS, max_size=4).map(lambda items: f"<w:r>{''.join(items)}</w:r>")
PARAGRAPH_CHILDREN = st.one_of(
    RUN,
    st.lists(RUN, max_size=3).map(lambda runs: f"<w:hyperlink>{''.join(runs)}</w:hyperlink>"),
    st.lists(RUN, max_size=2).map(lambda runs: f"<w:ins>{''.join(runs)}</w:ins>"),
    st.lists(RUN, max_size=2).map(lambda runs: f"<w:smartTag>{''.join(runs)}</w:smartTag>"),
    st.just('<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'),
)


@FAST
@given(children=st.lists(PARAGRAPH_CHILDREN, max_size=6))
def test_docx_paragraph_text_is_python_docx_paragraph_text(children: list[str]) -> None:
    # The DOCX reader reads paragraph text straight from the XML (python-docx objects per
    # paragraph made long documents take minutes); it must give exactly what python-docx gives.
    from docx.oxml.parser import parse_xml
    from docx.text.paragraph import Paragraph
    from lxml import etree

    from briefing.readers.docx_file import paragraph_text

    xml = f"<w:p {W_NS}>{''.join(children)}</w:p>"
    expected = Paragraph(parse_xml(xml), None).text  # type: ignore[arg-type]
    ours = paragraph_text(etree.fromstring(xml, etree.XMLParser(remove_blank_text=True)))
    assert ours == expected
