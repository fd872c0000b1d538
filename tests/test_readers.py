"""Each reader on a real small input: the text comes out in the seeds' shape, header fields land in
`fields`, and the hash is of the file's bytes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.errors import ReadError
from briefing.readers import FORMATS, READERS, format_for, read_file
from tests.fixtures.builders import make_docx, make_pdf

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PARAGRAPH = (
    "实施创新驱动发展战略，加快建设具有全国影响力的科技创新中心，基础在区县，活力在区县，"
    "难点也在区县。为深入贯彻党的二十大精神，大力支持区县推动以科技创新为核心的全面创新，"
    "现提出以下意见。"
)


def read_one(path: Path) -> tuple[str, dict[str, str], list[str]]:
    docs = read_file(path, path.name)
    assert len(docs) == 1
    return docs[0].text, docs[0].fields, docs[0].warnings


# --- plain text -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_dump_is_read_exactly(seed: Path) -> None:
    (doc,) = read_file(seed, "seeds/" + seed.name)
    assert doc.text == seed.read_text(encoding="utf-8")
    assert doc.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert doc.format == "text"
    assert doc.source == "seeds/" + seed.name
    assert doc.warnings == []


@pytest.mark.parametrize(
    "encoding",
    ["gbk", "gb18030", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-nobom"],
)
def test_text_in_any_common_encoding_decodes_to_the_same_text(
    tmp_path: Path, encoding: str
) -> None:
    seed_text = (SEEDS / "000_4bc94fbfc6990ecc.txt").read_text(encoding="utf-8")
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + seed_text.encode("utf-16-be")
    elif encoding == "utf-16-le-nobom":
        data = seed_text.encode("utf-16-le")
    else:
        data = seed_text.encode(encoding)
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    text, _, warnings = read_one(path)
    assert text == seed_text
    assert warnings == []


@pytest.mark.parametrize(
    "short",
    [
        "市科技局",
        "科技",
        "关于支持区县科技创新发展的指导意见",
        "重庆：指导意见\n各区县科技局：",
        # GBK bytes that are valid UTF-8 too, there as letters of two scripts (ҵΪ): mojibake
        "业为",
    ],
)
def test_short_gbk_text_is_read_as_chinese_not_a_foreign_code_page(
    tmp_path: Path, short: str
) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(short.encode("gbk"))
    assert read_one(path)[0] == short


def test_crlf_and_lone_cr_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes("标题\r\n\r\n一、总体要求\r正文。\n".encode())
    assert read_one(path)[0] == "标题\n\n一、总体要求\n正文。\n"


def test_european_utf8_text_is_not_mistaken_for_gbk(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Grüße aus München, naïve résumé", encoding="utf-8")
    assert read_one(path)[0] == "Grüße aus München, naïve résumé"


def test_markdown_markup_is_dropped_and_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(
        "# 重庆市科学技术局关于支持区县科技创新发展的指导意见\n\n"
        "[ 索引号 ] | 115000/2021-00001 | [ 发文字号 ] | 渝科局发〔2021〕1号 |\n|---|---|---|---|\n"
        "> 各区县科技局：\n\n## 一、总体要求 ##\n"
        "**（一）指导思想。** 坚持以[习近平](http://x.cn)新时代思想为指导，增长3\\.5%。\n"
        "![图](a.png)\n- 一是加强\n---\n",
        encoding="utf-8",
    )
    lines = [line for line in read_one(path)[0].split("\n") if line]
    assert lines == [
        "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "[ 索引号 ] | 115000/2021-00001 | [ 发文字号 ] | 渝科局发〔2021〕1号 |",
        "各区县科技局：",
        "一、总体要求",
        "（一）指导思想。 坚持以习近平新时代思想为指导，增长3.5%。",
        "一是加强",
    ]


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于支持区县科技创新发展的指导意见_重庆市科学技术局</title>
<meta name="ArticleTitle" content="重庆市科学技术局关于支持区县科技创新发展的指导意见">
<meta name="PubDate" content="2022-11-04 10:30">
<meta name="ContentSource" content="重庆市科学技术局">
<link rel="canonical" href="https://kjj.cq.gov.cn/zwgk/t1.html">
<style>p {{ color: red }}</style><script>document.write("<p>脚本文字</p>");</script>
</head><body>
<div class="menu"><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a>
 | <a href="/c">互动交流</a></div>
<nav><a href="/">首页</a></nav>
<table class="xxgk">
<tr><td>[ 索引号 ]</td><td>11500000MB15895317/2022-00001</td>
    <td>[ 发文字号 ]</td><td>渝科局发〔2022〕162号</td></tr>
<tr><td>[ 发布机构 ]</td><td>市科技局</td><td>[ 成文日期 ]</td><td>2022-11-04</td></tr>
</table>
<div id="zoom">
<h1>重庆市科学技术局
关于支持区县科技创新发展的指导意见</h1>
<p style="text-indent:2em">各区县(自治县)科技局：</p>
<p>&nbsp;&nbsp;　　{paragraph}</p>
<p>一、总体要求<br>（一）指导思想。</p>
<table><tr><td><p>第一段。</p><p>第二段。</p></td></tr></table>
</div>
<footer>版权所有 渝ICP备05003300号</footer>
<div class="g-footer">主办：重庆市科学技术局</div><div id="share">分享到：微信</div>
<div class="footnote">注：本文件公开发布。</div>
</body></html>
"""


def test_html_page_becomes_lines_and_header_fields(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(paragraph=PARAGRAPH).encode("gbk"))
    text, fields, warnings = read_one(path)
    lines = text.split("\n")
    assert lines == [
        "[ 索引号 ] 11500000MB15895317/2022-00001 [ 发文字号 ] 渝科局发〔2022〕162号",
        "[ 发布机构 ] 市科技局 [ 成文日期 ] 2022-11-04",
        "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "各区县(自治县)科技局：",
        PARAGRAPH,
        "一、总体要求",
        "（一）指导思想。",
        "第一段。",
        "第二段。",
        "注：本文件公开发布。",
    ]
    assert fields == {
        "title": "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "published_date": "2022-11-04 10:30",
        "publisher": "重庆市科学技术局",
        "url": "https://kjj.cq.gov.cn/zwgk/t1.html",
        "index_no": "11500000MB15895317/2022-00001",
        "doc_no": "渝科局发〔2022〕162号",
        "written_date": "2022-11-04",
    }
    assert warnings == []


def test_html_saved_by_a_browser_keeps_its_address(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_text(
        "<!-- saved from url=(0041)https://kjj.cq.gov.cn/zwgk/t1.html -->\n<p>正文。</p>", "utf-8"
    )
    assert read_one(path)[1] == {"url": "https://kjj.cq.gov.cn/zwgk/t1.html"}


def test_html_without_charset_is_detected_from_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(
        "<p>重庆市科学技术局</p><p>关于支持区县科技创新发展的指导意见</p>".encode("gbk")
    )
    assert read_one(path)[0] == "重庆市科学技术局\n关于支持区县科技创新发展的指导意见"


def test_html_declaring_the_wrong_charset_still_decodes(tmp_path: Path) -> None:
    path = tmp_path / "page.shtml"
    path.write_bytes('<meta charset="gbk"><p>科技创新中心</p>'.encode())
    assert read_one(path)[0] == "科技创新中心"


# --- DOCX -------------------------------------------------------------------------------------


def test_docx_paragraphs_and_header_table_become_lines(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "doc.docx",
        ["重庆市科学技术局关于支持区县科技创新发展的指导意见", "", "一、总体要求", PARAGRAPH],
        table=[["[ 索引号 ]", "11500000MB15895317/2022-00001"], ["[ 发布机构 ]", "市科技局"]],
        core_title="重庆市科学技术局关于支持区县科技创新发展的指导意见",
    )
    text, fields, _ = read_one(path)
    assert text.split("\n") == [
        "[ 索引号 ] 11500000MB15895317/2022-00001",
        "[ 发布机构 ] 市科技局",
        "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "一、总体要求",
        PARAGRAPH,
    ]
    assert fields == {"title": "重庆市科学技术局关于支持区县科技创新发展的指导意见"}
    assert read_file(path, "doc.docx")[0].format == "docx"


def test_docx_core_title_is_ignored_when_the_text_does_not_print_it(tmp_path: Path) -> None:
    # Staff reuse old files as templates: the property then names an earlier document.
    path = make_docx(
        tmp_path / "doc.docx",
        ["关于2024年工作的报告", PARAGRAPH],
        core_title="关于2019年工作的总结",
    )
    assert read_one(path)[1] == {}


def test_docx_line_break_inside_a_paragraph_splits_lines(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run("重庆市科学技术局")
    run.add_break()
    run.add_text("2022年11月4日")
    document.save(str(tmp_path / "sig.docx"))
    assert read_one(tmp_path / "sig.docx")[0] == "重庆市科学技术局\n2022年11月4日"


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_automatic_list_numbers_are_put_back(tmp_path: Path) -> None:
    # Headings numbered by Word itself ("一、" in numbering.xml, not in the text) must keep their
    # numbers, or the structure parser cannot see them as headings.
    import docx
    from lxml import etree

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        etree.fromstring(
            f'<w:abstractNum {W_NS} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        etree.fromstring(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    items = [("总体要求", 0), ("指导思想。", 1), ("基本原则。", 1), ("要点", 2), ("要点", 2)]
    items += [("主要任务", 0), ("打造平台。", 1)]
    for text, level in items:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            etree.fromstring(
                f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )
    document.add_paragraph("不编号的段落。")
    document.add_paragraph("圆点项", style="List Bullet")
    document.save(str(tmp_path / "numbered.docx"))
    assert read_one(tmp_path / "numbered.docx")[0].split("\n") == [
        "一、总体要求",
        "（一）指导思想。",
        "（二）基本原则。",
        "1.要点",
        "2.要点",
        "二、主要任务",
        "（一）打造平台。",
        "不编号的段落。",
        "圆点项",
    ]


def test_docx_numbering_carried_by_a_paragraph_style_is_put_back(tmp_path: Path) -> None:
    # Word's "标题 1" is often tied to a list in the style itself, not in each paragraph; a
    # paragraph's own numId 0 switches it off, and an id of a character style means the default.
    import docx
    from lxml import etree

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        etree.fromstring(
            f'<w:abstractNum {W_NS} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        etree.fromstring(f'<w:num {W_NS} w:numId="91"><w:abstractNumId w:val="91"/></w:num>')
    )
    document.styles.element.append(
        etree.fromstring(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="NumHead"><w:name w:val="NumHead"/>'
            '<w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>'
        )
    )
    document.styles.element.append(
        etree.fromstring(
            f'<w:style {W_NS} w:type="character" w:styleId="CharNum"><w:name w:val="CharNum"/>'
            '<w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>'
        )
    )

    def add(text: str, style: str, own: str = "") -> None:
        ppr = document.add_paragraph(text)._p.get_or_add_pPr()
        ppr.insert(0, etree.fromstring(f'<w:pStyle {W_NS} w:val="{style}"/>'))
        if own:
            ppr.append(etree.fromstring(own))

    add("总体要求", "NumHead")
    add("正文段落。", "CharNum")
    add("主要任务", "NumHead")
    add("不编号的标题", "NumHead", f'<w:numPr {W_NS}><w:numId w:val="0"/></w:numPr>')
    add("保障措施", "NumHead")
    document.save(str(tmp_path / "styled.docx"))
    assert read_one(tmp_path / "styled.docx")[0].split("\n") == [
        "一、总体要求",
        "正文段落。",
        "二、主要任务",
        "不编号的标题",
        "三、保障措施",
    ]


@pytest.mark.parametrize(
    ("n", "chinese"),
    [
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (99, "九十九"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_chinese_counting_as_headings_print_it(n: int, chinese: str) -> None:
    from briefing.readers.docx_numbering import chinese_number

    assert chinese_number(n) == chinese


# --- PDF --------------------------------------------------------------------------------------


def wrap(text: str, width: int = 30) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def test_pdf_rejoins_wrapped_lines_and_keeps_headings(tmp_path: Path) -> None:
    page1 = [
        "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "一、总体要求",
        *wrap(PARAGRAPH),
        "（一）指导思想。",
        *wrap(PARAGRAPH)[:2],
        "— 1 —",
    ]
    page2 = [*wrap(PARAGRAPH)[2:], "二、主要任务", "— 2 —"]
    path = make_pdf(tmp_path / "doc.pdf", [page1, page2])
    text, _, warnings = read_one(path)
    assert text.split("\n") == [
        "重庆市科学技术局关于支持区县科技创新发展的指导意见",
        "一、总体要求",
        PARAGRAPH,
        "（一）指导思想。",
        PARAGRAPH,  # across the page break, without the page number
        "二、主要任务",
    ]
    assert warnings == []


def test_pdf_keeps_full_width_titles_and_date_lines_apart_and_rejoins_split_numbers(
    tmp_path: Path,
) -> None:
    title = "重庆市科学技术局关于市五届人大三次会议第0942号建议的复函"
    sentence = "您提出的《关于对渝东南地区制造企业科学研究大力扶持的建议》(第0942号建议)收悉。"
    cut = sentence.index("0") + 1  # the line breaks inside "0942"
    lines = [title, "日期:2020-09-16", sentence[:cut], sentence[cut:], *wrap(PARAGRAPH)]
    path = make_pdf(tmp_path / "doc.pdf", [lines])
    assert read_one(path)[0].split("\n") == [title, "日期:2020-09-16", sentence, PARAGRAPH]


def test_pdf_with_owner_password_only_is_read(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [["一、总体要求"]], encrypt="secret", owner_only=True)
    assert read_one(path)[0] == "一、总体要求"


def test_pdf_with_a_scanned_page_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    make_pdf(path, [["一、总体要求"], ["（一）指导思想。"]])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(path).pages:
        writer.add_page(page)
    writer.add_blank_page()
    writer.write(path)
    text, _, warnings = read_one(path)
    assert text == "一、总体要求\n（一）指导思想。"
    assert len(warnings) == 1 and "第 3 页没有文字层" in warnings[0]


# --- JSON / JSONL -----------------------------------------------------------------------------


def test_jsonl_gives_one_document_per_line_with_fields(tmp_path: Path) -> None:
    lines = [
        {
            "title": "关于A的复函",
            "text": "一、工作开展情况\r\n正文A。",
            "published_date": "2023-07-27",
            "url": "https://example.gov.cn/a",
            "unknown": [1, 2],
        },
        {"title": "关于B的报告", "content": "正文B。", "发文字号": "渝科局函〔2023〕1号"},
        {"body": ["第一段。", "第二段。"], "metadata": {"publisher": "市科技局"}},
    ]
    raw_lines = [json.dumps(obj, ensure_ascii=False).encode() for obj in lines]
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\n".join(raw_lines) + b"\n\n")
    docs = read_file(path, "in/docs.jsonl")
    assert [d.source for d in docs] == ["in/docs.jsonl#1", "in/docs.jsonl#2", "in/docs.jsonl#3"]
    assert [d.text for d in docs] == ["一、工作开展情况\n正文A。", "正文B。", "第一段。\n第二段。"]
    assert docs[0].fields == {
        "title": "关于A的复函",
        "published_date": "2023-07-27",
        "url": "https://example.gov.cn/a",
    }
    assert docs[1].fields == {"title": "关于B的报告", "doc_no": "渝科局函〔2023〕1号"}
    assert docs[2].fields == {"publisher": "市科技局"}
    assert [d.sha256 for d in docs] == [hashlib.sha256(b).hexdigest() for b in raw_lines]
    assert {d.format for d in docs} == {"jsonl"}


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "docs.json"
    array.write_text(json.dumps([{"text": "甲。"}, {"text": "乙。"}], ensure_ascii=False), "utf-8")
    assert [(d.source, d.text) for d in read_file(array, "docs.json")] == [
        ("docs.json#1", "甲。"),
        ("docs.json#2", "乙。"),
    ]
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"title": "标题", "text": "丙。"}, ensure_ascii=False), "utf-8")
    (doc,) = read_file(single, "one.json")
    assert (doc.source, doc.text, doc.fields) == ("one.json", "丙。", {"title": "标题"})
    assert doc.sha256 == hashlib.sha256(single.read_bytes()).hexdigest()
    wrapped = tmp_path / "export.json"
    wrapped.write_text(json.dumps({"total": 2, "documents": [{"text": "甲。"}, {"body": "乙。"}]}))
    assert [d.text for d in read_file(wrapped, "export.json")] == ["甲。", "乙。"]


# --- registry ---------------------------------------------------------------------------------


def test_every_registered_suffix_has_a_contract_format() -> None:
    assert set(FORMATS) == set(READERS)
    assert set(FORMATS.values()) <= {"text", "html", "docx", "pdf", "jsonl"}
    assert format_for(Path("A.HTM")) == "html"


def test_unknown_suffix_and_legacy_word_are_read_errors(tmp_path: Path) -> None:
    for name, reason in (("a.xyz", "不支持的文件类型 .xyz"), ("a.doc", "另存为 .docx")):
        path = tmp_path / name
        path.write_bytes(b"x")
        with pytest.raises(ReadError, match=reason):
            read_file(path, name)


def test_importing_the_readers_does_not_import_parsing_libraries() -> None:
    code = (
        "import sys, briefing.readers; "
        "print([m for m in ('pypdf', 'docx', 'selectolax', 'charset_normalizer') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _html_publisher(tmp_path: Path, rows: str, title: str) -> str | None:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    page = (
        "<html><head><meta charset='utf-8'><title>网站</title></head><body>"
        f"<table>{rows}</table><h1>{title}</h1>"
        "<p>一、工作开展情况</p><p>2023年全市新增科技型企业1000家。</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [doc] = extract_documents([path], Classifier(load_lexicon()))
    return doc.metadata.publisher


def test_an_html_source_line_ranks_below_the_publishing_body(tmp_path: Path) -> None:
    both = "<tr><td>发布机构：</td><td>市科技局</td></tr><tr><td>来源：</td><td>重庆日报</td></tr>"
    assert _html_publisher(tmp_path, both, "关于做好科技工作的通知") == "市科技局"
    only_source = "<tr><td>来源：</td><td>重庆市科学技术局</td></tr>"
    assert _html_publisher(tmp_path, only_source, "关于做好科技工作的通知") == "重庆市科学技术局"
