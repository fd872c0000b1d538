"""Sections, paragraphs and sentences of document bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.extract.metadata import parse_document_text
from briefing.extract.structure import normalize_inline, parse_structure
from briefing.model import RawDocument, Structure
from tests.conftest import scaling_ratio

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_structure(prefix: str) -> tuple[str, Structure]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    raw = RawDocument(path.name, "text", "0" * 64, path.read_text(encoding="utf-8"))
    body = parse_document_text(raw).body
    return body, parse_structure(body)


# --- the seeds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "headings"),
    [
        ("000", ["一、工作开展情况", "二、下一步工作打算"]),
        ("001", ["一、我市对制造企业科研发展扶持情况", "二、下一步工作打算"]),
        (
            "002",
            [
                "一、提升站位、深化认识,全面落实整改要求",
                "二、聚焦问题、强化统筹,逐项抓好整改落实",
                "三、持续深化、迭代升级,扎实推进科学城高质量发展提质增效",
            ],
        ),
        (
            "003",
            [
                "一、落实中央和市委部署要求取得新突破",
                "二、科技创新整体发展取得新突破",
                "三、重大科技前沿和关键技术攻关取得新突破",
                "四、强化企业创新主体地位取得新突破",
                "五、科技人才引育服务取得新突破",
                "六、深化科技体制改革取得新突破",
            ],
        ),
        (
            "004",
            [
                "一、总体要求",
                "二、突出区域发展优势,优化全市创新版图",
                "三、打造科技创新平台,提升区县创新能力",
                "四、实施重大科技项目,推进科产深度融合",
                "五、提高科技服务能力,加快科技成果转化",
                "六、强化科技金融支撑,促进产业快速发展",
                "七、优化创新生态环境,激发科技创新活力",
                "八、保障措施",
            ],
        ),
    ],
)
def test_seed_top_level_sections(prefix: str, headings: list[str]) -> None:
    _, structure = seed_structure(prefix)
    assert [s.heading for s in structure.top_level()] == headings
    assert all(s.level == 1 for s in structure.top_level())


def test_sentence_knows_its_section_path() -> None:
    _, structure = seed_structure("000")
    (sentence,) = [
        s for s in structure.sentences if s.text.startswith("一是实施基础研究十年行动计划")
    ]
    assert sentence.section == (
        "一、工作开展情况",
        "(二)强化基础研究和应用基础研究,提升产业链源头创新能力",
    )
    assert sentence.enumerator == "一是"


def test_new_top_level_section_resets_deeper_levels() -> None:
    _, structure = seed_structure("000")
    (sentence,) = [s for s in structure.sentences if s.text.startswith("下一步,我们将认真吸纳")]
    assert sentence.section == ("二、下一步工作打算",)


def test_heading_sentence_opening_a_paragraph_is_the_heading_and_the_rest_is_body() -> None:
    _, structure = seed_structure("000")
    section = next(s for s in structure.sections if s.title.startswith("多方面发力"))
    assert (section.level, section.number) == (2, "(一)")
    assert section.heading == "(一)多方面发力,加强产业链关键领域的基础研究和应用基础研究力度"
    first = next(s for s in structure.sentences if s.section[-1:] == (section.heading,))
    assert first.text == "一是完善创新投入机制。"
    assert all("多方面发力" not in s.text for s in structure.sentences)


def test_section_number_used_twice_keeps_both_sections_in_order() -> None:
    _, structure = seed_structure("004")
    tens = [s for s in structure.sections if s.number == "(十)"]
    assert [s.title for s in tens] == ["打造高水平研发机构", "加快产业技术攻关"]
    assert tens[0].level == tens[1].level == 2
    paths = {
        s.section for s in structure.sentences if s.text.startswith("加强产业关键核心技术研发")
    }
    assert paths == {("四、实施重大科技项目,推进科产深度融合", "(十)加快产业技术攻关")}


def test_whole_line_heading_loses_its_trailing_stop() -> None:
    _, structure = seed_structure("004")
    assert "(一)指导思想" in [s.heading for s in structure.sections]


def test_doubled_full_stop_gives_no_empty_sentence() -> None:
    body, structure = seed_structure("000")
    assert "研究。。三是" in body
    assert all(s.text.strip("。") for s in structure.sentences)
    assert any(s.text.endswith("交叉性研究。。") for s in structure.sentences)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_sentence_and_paragraph_is_a_substring_of_the_normalised_body(prefix: str) -> None:
    body, structure = seed_structure(prefix)
    normalised = normalize_inline(body)
    assert structure.sentences
    assert all(s.text in normalised for s in structure.sentences)
    assert all(p.text in normalised for p in structure.paragraphs)
    assert [s.index for s in structure.sentences] == list(range(len(structure.sentences)))


# --- crafted -----------------------------------------------------------------------------------------


def headings(body: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.number, s.title) for s in parse_structure(body).sections]


def test_marker_levels() -> None:
    body = "一、总体要求\n（一）指导思想。\n1.坚持创新\n(1)加强基础研究\n1．完善机制\n2、优化布局"
    assert headings(body) == [
        (1, "一、", "总体要求"),
        (2, "（一）", "指导思想"),
        (3, "1.", "坚持创新"),
        (4, "(1)", "加强基础研究"),
        (3, "1．", "完善机制"),
        (3, "2、", "优化布局"),
    ]
    structure = parse_structure(body + "\n全年新增企业100家。")
    assert structure.sentences[-1].section == ("一、总体要求", "（一）指导思想", "2、优化布局")


@pytest.mark.parametrize(
    "line",
    [
        "1+6科技创新合作协议全面落实。",
        "2023年,全市科技系统坚持创新驱动。",
        "1.5万家科技型企业纳入培育库。",
        "2.45%的研发投入强度居西部前列。",
        "一是完善创新投入机制。",
        "坚持以人民为中心,一、二级学科建设稳步推进。",
        "(一)" + "加" * 70,
        "一、" + "强化科技创新体系建设和成果转化应用推广" * 4 + "。其余",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    structure = parse_structure(line)
    assert structure.sections == []
    assert structure.paragraphs[0].section == ()


def test_numbered_list_inside_a_sentence_is_not_a_heading() -> None:
    assert headings("重点做好三项工作:1.完善机制;2.优化布局;3.强化保障。") == []


def test_enumerators_mark_sentences_not_sections() -> None:
    structure = parse_structure(
        "一、主要任务\n一是完善机制。二是优化布局。十是强化保障。其三,加强宣传。统一是关键。"
    )
    assert [s.enumerator for s in structure.sentences] == ["一是", "二是", "十是", "其三", None]
    assert len(structure.sections) == 1


def test_sentences_split_at_every_end_mark_and_keep_closing_quotes() -> None:
    structure = parse_structure("他说:“要抓落实。”我们怎么办?必须干!Next step? Yes.")
    assert [s.text for s in structure.sentences] == [
        "他说:“要抓落实。”",
        "我们怎么办?",
        "必须干!",
        "Next step?",
        "Yes.",
    ]


def test_normalize_inline_removes_breaks_next_to_cjk_and_collapses_others() -> None:
    assert normalize_inline("重庆市科学技术局 关于\n复函") == "重庆市科学技术局关于复函"
    assert normalize_inline("  MEMS 传感器 ,  SL03\n车型 ") == "MEMS传感器,SL03车型"
    assert normalize_inline("Science   Advances\nand Nature") == "Science Advances and Nature"
    assert (
        normalize_inline("\u2002\u3000渝公网安备 50011202501447号") == "渝公网安备50011202501447号"
    )


def test_a_megabyte_line_without_punctuation_parses_in_linear_time() -> None:
    def parse(n: int) -> int:
        line = "科技创新" * n + " abc " * (n // 250)
        return len(parse_structure(line + "\n" + "(一)" + line).sentences)

    assert parse(250_000) == 2
    assert scaling_ratio(parse, 25_000) < 40  # catastrophic backtracking: minutes


def test_chapters_and_parts_sit_above_the_numbered_headings() -> None:
    structure = parse_structure(
        "第一章 总则\n第一条 为了促进科技创新,制定本条例。\n第二部分 2024年工作安排\n一、总体要求\n坚持创新。"
    )
    assert [(s.level, s.heading) for s in structure.sections] == [
        (0, "第一章总则"),
        (0, "第二部分2024年工作安排"),
        (1, "一、总体要求"),
    ]
    assert structure.sentences[0].section == ("第一章总则",)
    assert structure.sentences[-1].section == ("第二部分2024年工作安排", "一、总体要求")


def test_marker_alone_on_its_line_heads_the_next_line() -> None:
    structure = parse_structure("一、\n总体要求\n（一）\n指导思想。坚持创新驱动。")
    assert [s.heading for s in structure.sections] == ["一、总体要求", "（一）指导思想"]
    assert [(s.text, s.section) for s in structure.sentences] == [
        ("坚持创新驱动。", ("一、总体要求", "（一）指导思想"))
    ]


def test_heading_ended_by_a_colon() -> None:
    structure = parse_structure(
        "(一)指导思想:坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,"
        "深入落实市委部署要求,推动科技创新。\n1.支持企业研发：对企业研发投入给予补助。"
    )
    assert [s.heading for s in structure.sections] == ["(一)指导思想", "1.支持企业研发"]
    assert structure.sentences[-1].text == "对企业研发投入给予补助。"
    assert structure.sentences[-1].section == ("(一)指导思想", "1.支持企业研发")


def test_a_numbered_line_that_states_a_figure_is_an_item_not_a_heading() -> None:
    s = parse_structure(
        "二、主要目标\n(1)新增高新技术企业100家以上。\n(2)研发投入强度达到2.5%\n(3)建设创新平台\n加快建设。"
    )
    assert [x.heading for x in s.sections] == ["二、主要目标", "(3)建设创新平台"]
    texts = {x.text: x.section for x in s.sentences}
    assert texts["(1)新增高新技术企业100家以上。"] == ("二、主要目标",)
    assert texts["(2)研发投入强度达到2.5%"] == ("二、主要目标",)
