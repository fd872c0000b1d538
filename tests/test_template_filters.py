"""The filters template authors use, through a real render (what a user writes in Word)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from docx import Document

from briefing.errors import TemplateError
from briefing.render import render_docx_bytes
from tests.sample_context import sample_context


def _render_line(tmp_path: Path, line: str) -> str:
    doc = Document()
    doc.add_paragraph(line)
    path = tmp_path / "t.docx"
    doc.save(str(path))
    import io

    out = render_docx_bytes(path, sample_context(), timestamp=datetime(2024, 1, 1))
    return str(Document(io.BytesIO(out)).paragraphs[0].text)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ 86510000000 | yi }}", "865.1亿元"),
        ("{{ 30000000000 | yi }}", "300亿元"),
        ("{{ 86512345678 | yi(2) }}", "865.12亿元"),
        ("{{ '8.651e10' | yi }}", "865.1亿元"),
        ("{{ 12345678 | wan }}", "1234.6万元"),
        ("{{ 50000 | wan }}", "5万元"),
        ("{{ '2024-03-27' | cn_date }}", "2024年3月27日"),
        ("{{ masthead.date | cn_date }}", "2024年3月31日"),
        ("{{ '' | cn_date }}", ""),
        ("{{ 0.372 | percent }}", "37.2%"),
        ("{{ 0.5 | percent }}", "50%"),
        ("{{ 0.12345 | percent(2) }}", "12.35%"),
        ("{{ 3 | issue }}", "第3期"),
        ("{{ masthead.issue_no | issue }}", "第3期"),
        ("{{ 12 | cn_number }}", "十二"),
        ("{{ 105 | cn_number }}", "一百零五"),
        ("{{ 3 | cn_ordinal }}、{{ 2 | cn_paren }}", "三、（二）"),
    ],
)
def test_author_filters(tmp_path: Path, tag: str, expected: str) -> None:
    assert _render_line(tmp_path, tag) == expected


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("{{ masthead.name | yi }}", "yi"),
        ("{{ 'abc' | percent }}", "percent"),
        ("{{ '2024年3月' | cn_date }}", "cn_date"),
        ("{{ masthead.editor | issue }}", "issue"),
    ],
)
def test_filter_given_the_wrong_kind_of_value_names_itself(
    tmp_path: Path, tag: str, name: str
) -> None:
    with pytest.raises(TemplateError, match=f"过滤器 {name}") as caught:
        _render_line(tmp_path, tag)
    assert tag in str(caught.value)  # the paragraph is quoted


def test_width_filter_resizes_a_chart(tmp_path: Path) -> None:
    import io
    import zipfile

    doc = Document()
    doc.add_paragraph("{{ charts.themes | width(60) }}")
    doc.add_paragraph("{{ charts.themes }}")
    path = tmp_path / "w.docx"
    doc.save(str(path))
    out = render_docx_bytes(path, sample_context(), timestamp=datetime(2024, 1, 1))
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    import re

    widths = [int(cx) for cx in re.findall(r'<wp:extent cx="(\d+)"', xml)]
    assert len(widths) == 2
    assert widths[0] == pytest.approx(60 * 36000, rel=0.01)
    assert widths[1] > widths[0]


def test_width_filter_refuses_absurd_sizes(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="20 到 170 毫米"):
        _render_line(tmp_path, "{{ charts.themes | width(500) }}")
