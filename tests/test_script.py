"""Pages in traditional characters: read once, at the start, as their simplified originals."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.extract.script import NOTE
from briefing.model import ExtractedDocument, RawDocument
from briefing.pipeline import extract_document
from briefing.themes import Classifier, load_lexicon

# a mirror's copy of a work report, converted to traditional characters, footer included
TRADITIONAL = (
    "重慶市科學技術局關於2023年工作總結和2024年工作計劃的報告\n"
    "渝科局發〔2024〕12號\n"
    "一、2023年工作成效\n"
    "全市技術合同成交額達到865.1億元,增長37.2%;新增高新技術企業超過1.5萬家。\n"
    "確定255名科技人員為市級科技特派員;設立天使投資基金,支持科技創新團隊。\n"
    "二、2024年工作計劃\n"
    "力爭到2025年技術合同成交額突破1000億元。引進青年人才,支持創新創業。\n"
    "以上文章僅代表作者個人觀點,本網只是轉載,如涉及作品內容、版權、稿酬問題,請與本網聯繫。\n"
)
# the page as the government published it
SIMPLIFIED = (
    "重庆市科学技术局关于2023年工作总结和2024年工作计划的报告\n"
    "渝科局发〔2024〕12号\n"
    "一、2023年工作成效\n"
    "全市技术合同成交额达到865.1亿元,增长37.2%;新增高新技术企业超过1.5万家。\n"
    "确定255名科技人员为市级科技特派员;设立天使投资基金,支持科技创新团队。\n"
    "二、2024年工作计划\n"
    "力争到2025年技术合同成交额突破1000亿元。引进青年人才,支持创新创业。\n"
    "以上文章仅代表作者个人观点,本网只是转载,如涉及作品内容、版权、稿酬问题,请与本网联系。\n"
)


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_lexicon())


def extract(text: str, classifier: Classifier) -> ExtractedDocument:
    return extract_document(RawDocument("page.txt", "text", "0" * 64, text), classifier)


def test_a_page_in_traditional_characters_is_read_as_its_simplified_original(
    classifier: Classifier,
) -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED)
    t, s = extract(TRADITIONAL, classifier), extract(SIMPLIFIED, classifier)
    # header fields, measures with their themes and status, figures with unit, kind and year:
    # everything the briefing shows is what the simplified page gives
    assert (t.metadata.title, t.metadata.doc_no) == (s.metadata.title, s.metadata.doc_no)
    assert t.metadata.doc_no == "渝科局发〔2024〕12号"
    assert [(m.text, m.status, m.themes) for m in t.measures] == [
        (m.text, m.status, m.themes) for m in s.measures
    ]
    assert [(f.text, f.value, f.unit, f.kind, f.year, f.metric) for f in t.indicators] == [
        (f.text, f.value, f.unit, f.kind, f.year, f.metric) for f in s.indicators
    ]
    # the plan section reads as planned, talent and finance are found, the footer is no measure
    statuses = {m.text: m.status for m in t.measures}
    assert statuses["力争到2025年技术合同成交额突破1000亿元。"] == "planned"
    assert {"人才", "科技金融"} <= {theme for m in t.measures for theme in m.themes}
    assert not any("转载" in m.text for m in t.measures)
    assert {f.unit for f in t.indicators} >= {"亿元", "万家"}
    # the reader is told why the quotes differ from the page's characters
    assert NOTE in t.notes
    assert NOTE not in s.notes


def test_a_simplified_page_with_a_few_listed_characters_is_read_as_written(
    classifier: Classifier,
) -> None:
    # 乾 and 於 are in the conversion table, but here they are simplified text (乾隆, 乾县, a surname)
    text = "乾隆年间建成的乾县於氏宗祠改建为科普教育基地,县科技局投入资金120万元。\n"
    doc = extract(text, classifier)
    assert doc.body.strip() == text.strip()
    assert NOTE not in doc.notes


def test_explain_reads_a_sentence_in_traditional_characters_as_simplified() -> None:
    result = CliRunner().invoke(app, ["explain", "確定255名科技人員為市級科技特派員"])
    assert result.exit_code == 0, result.output
    assert "句子：确定255名科技人员为市级科技特派员" in result.output
    assert "人才" in result.output


def test_the_pinyin_a_conversion_left_is_not_part_of_the_text_read(
    classifier: Classifier,
) -> None:
    # some mirrors print each converted character's reading after it: 研發(fā)經(jīng)費
    page = (
        "全市研發(fā)經(jīng)費投入達到601.08億元,增長(zhǎng)8.6%。\n"
        "支持創(chuàng)新創(chuàng)業(yè),引進(jìn)青年人才。\n"
    )
    doc = extract(page, classifier)
    texts = [m.text for m in doc.measures]
    assert texts == ["全市研发经费投入达到601.08亿元,增长8.6%。", "支持创新创业,引进青年人才。"]
    assert [(f.value, f.unit) for f in doc.indicators] == [(601.08, "亿元"), (8.6, "%")]
    assert "人才" in doc.measures[1].themes
