"""Templates are untrusted: every escape or abuse fails with a Chinese message, in both
`briefing template check` and the build's render, and runs nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from docx import Document

from briefing.errors import TemplateError
from briefing.render import render_docx, render_docx_bytes
from briefing.template_tools import check_template
from tests.sample_context import sample_context

WHEN = datetime(2024, 3, 31)


def _template(tmp_path: Path, line: str) -> Path:
    doc = Document()
    doc.add_paragraph("{{ masthead.name }}")
    doc.add_paragraph(line)
    path = tmp_path / "evil.docx"
    doc.save(str(path))
    return path


# (payload, words the message must contain)
ESCAPES = [
    ("{{ cycler.__init__.__globals__.os.popen('touch CANARY').read() }}", "__globals__"),
    ("{{ ''.__class__.__mro__ }}", "__mro__"),
    ("{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}", "__subclasses__"),
    ("{{ self._TemplateReference__context }}", "_TemplateReference__context"),
    ("{{ lipsum.__globals__['os'].popen('touch CANARY') }}", "__globals__"),
    ("{{ joiner | attr('__init__') }}", "__init__"),
    ("{{ masthead['__class__'] }}", "__class__"),
    ("{% include 'CANARY' %}", "include"),
    ("{% import 'CANARY' as x %}", "import"),
    ("{% from 'CANARY' import y %}", "import"),
    ("{% extends 'CANARY' %}", "extends"),
]

ABUSE = [
    ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "上限"),
    ("{% for i in range(90000) %}{% for j in range(90000) %}{% endfor %}{% endfor %}", "range"),
    ("{{ 'x' * 1000000000 }}", "上限"),
    ("{{ 10 ** 100000 }}", "指数"),
    ("{{ '{:>1000000000}'.format(1) }}", "格式字符串"),
    ("{{ '%1000000000d' % 1 }}", "格式字符串"),
    ("{{ 'x' | center(1000000000) }}", "center"),
    ("{{ lipsum(n=1000000) }}", "上限"),
    ("{{ ('x' * 99999) | replace('x', 'x' * 99999) | length }}", "内存"),
    (
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s | length }}",
        "内存",
    ),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "递归"),
]


@pytest.mark.parametrize(("payload", "word"), ESCAPES + ABUSE)
def test_build_refuses_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str, word: str
) -> None:
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as caught:
        render_docx(_template(tmp_path, payload), sample_context(), output, timestamp=WHEN)
    message = str(caught.value)
    assert word in message
    assert "模板" in message
    assert not output.exists()
    assert not (tmp_path / "CANARY").exists()


@pytest.mark.parametrize(("payload", "word"), ESCAPES + ABUSE)
def test_check_reports_and_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str, word: str
) -> None:
    monkeypatch.chdir(tmp_path)
    report = check_template(_template(tmp_path, payload), sample_context())
    assert not report.ok
    assert any(word in problem for problem in report.problems), report.problems
    assert not (tmp_path / "CANARY").exists()


@pytest.mark.parametrize(("payload", "word"), ESCAPES)
def test_escapes_are_refused_before_anything_renders(
    tmp_path: Path, payload: str, word: str
) -> None:
    """Refused statically: the message says nothing ran, and names the tag's paragraph."""
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(_template(tmp_path, payload), sample_context(), timestamp=WHEN)
    message = str(caught.value)
    assert "没有被执行" in message
    assert payload[:20] in message


def test_a_template_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    """Within every size guard but slow: the time limit ends it."""
    slow = (
        "{% for i in range(99999) %}{% for d in documents %}{% for t in themes %}"
        "{{ i }}{% endfor %}{% endfor %}{% endfor %}"
    )
    with pytest.raises(TemplateError, match="秒"):
        render_docx_bytes(
            _template(tmp_path, slow), sample_context(), timestamp=WHEN, render_seconds=1
        )


def test_ordinary_arithmetic_and_formatting_still_work(tmp_path: Path) -> None:
    import io

    line = "{{ '%5.1f' % 3.14159 }}|{{ '{:>4}'.format(7) }}|{{ 2 ** 10 }}|{{ '-' * 3 }}"
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    assert Document(io.BytesIO(out)).paragraphs[1].text == "  3.1|   7|1024|---"
