"""Figures: value and unit as printed, kind, year, qualifier, metric, scope, and what is not a figure."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.indicators import extract_indicators
from briefing.extract.numbers import find_quantities
from briefing.extract.places import document_jurisdiction, find_places, jurisdiction
from briefing.extract.structure import parse_structure
from briefing.figures import printed_value
from briefing.model import ExtractedDocument, Indicator, Measure, Sentence, Status, Structure
from tests.conftest import scaling_ratio

ROOT = Path(__file__).resolve().parent.parent
SHA = "4bc94fbfc6990ecc" + "0" * 48


def figures(
    *paragraphs: str,
    doc_date: str | None = "2023-07-27",
    section: tuple[str, ...] = (),
    place: str | None = None,
    title: str | None = None,
) -> list[Indicator]:
    """Each argument is one paragraph of one sentence."""
    sentences = [
        Sentence(text=text, section=section, paragraph=i, index=i)
        for i, text in enumerate(paragraphs)
    ]
    return extract_indicators(SHA, Structure(sentences=sentences), doc_date, place, title)


def one(text: str, **kwargs: object) -> Indicator:
    found = figures(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [(f.value, f.unit, f.text) for f in found]
    return found[0]


def values(text: str, **kwargs: object) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures(text, **kwargs)]  # type: ignore[arg-type]


def _scoring() -> ModuleType:
    path = ROOT / "benchmarks" / "indicator_scoring.py"
    spec = importlib.util.spec_from_file_location("indicator_scoring", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the dev set ----------------------------------------------------------------------------------


def test_dev_set_precision_and_recall_reach_the_targets(
    seed_documents: list[ExtractedDocument],
) -> None:
    scores = _scoring().score_indicators(
        seed_documents, ROOT / "tests" / "data" / "devset" / "indicators.jsonl"
    )
    assert scores["gold"] >= 150
    assert scores["precision"] >= 0.97
    assert scores["recall"] >= 0.97
    assert scores["kind_accuracy"] >= 0.95
    assert scores["year_accuracy"] >= 0.95
    assert scores["metric_accuracy"] >= 0.9


def test_seed_figures_quote_their_sentence_and_link_to_measures(
    seed_documents: list[ExtractedDocument],
) -> None:
    for doc in seed_documents:
        sentences = [s.text for s in parse_structure(doc.body).sentences]
        for ind in doc.indicators:
            assert any(ind.text in s for s in sentences), ind.text
            assert ind.id.startswith(f"i-{doc.sha256[:10]}-")
        assert len({i.id for i in doc.indicators}) == len(doc.indicators)
    linked = [i for d in seed_documents for i in d.indicators if i.measure_id]
    assert linked, "figures should be attached to the measures that quote them"


def test_scorer_counts_a_wrong_unit_as_a_miss_and_an_extra() -> None:
    scoring = _scoring()
    gold = [scoring.Figure("d", "超119亿", 119.0, "亿", "actual", None, "x", "超", None)]
    wrong = [scoring.Figure("d", "119亿", 119.0, "亿元", "actual", None, "x", "超", None)]
    pairs, extra, missed = scoring.match("标识累计注册总量超119亿", wrong, gold)
    assert (pairs, len(extra), len(missed)) == ([], 1, 1)


@pytest.mark.parametrize(
    ("predicted", "gold", "kind"),
    [
        ("某某市科学技术局", "某某市科学技术局", None),
        (None, "某某市科学技术局", "missing"),
        ("某某新闻网", None, "extra"),
        ("市科技局", "某某市科学技术局", "shorter"),
        ("某某市人民政府办公厅", "某某市人民政府", "longer"),
        ("某某县科技局", "某某市科学技术局", "unrelated"),
    ],
)
def test_scorer_names_the_kind_of_a_metadata_miss(
    predicted: str | None, gold: str | None, kind: str | None
) -> None:
    """The kinds the scorer counts for the test part, whose single errors it never shows."""
    assert _scoring().miss_kind(predicted, gold) == kind


# --- value and unit as printed -----------------------------------------------------------------------


def test_value_and_unit_are_as_printed_with_a_normalised_value() -> None:
    f = one("技术合同成交额达到865.1亿元。")
    assert (f.value, f.unit, f.normalized_unit) == (865.1, "亿元", "元")
    assert f.normalized_value == pytest.approx(865.1e8)
    f = one("力争今年科技型企业超过4.8万家。")
    assert (f.value, f.unit, f.normalized_value, f.normalized_unit) == (4.8, "万家", 48000, "家")


def test_a_bare_magnitude_is_the_unit_when_the_text_gives_no_more() -> None:
    f = one("国家顶级节点(重庆)标识累计注册总量超119亿,连续两年翻番。")
    assert (f.value, f.unit, f.qualifier) == (119, "亿", "超")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("开放共享大型科研仪器设备突破1.3万台/套。", 1.3, "万台/套"),
        ("累计为11943家(次)企业发放贷款。", 11943, "家(次)"),
        ("孵化面积达95万平方米。", 95, "万平方米"),
        ("直接受众超200万人次。", 200, "万人次"),
        ("研发投入强度比上年提高0.12个百分点。", 0.12, "个百分点"),
        ("已落地各类子基金30支。", 30, "支"),
        ("发表SCI论文18979篇。", 18979, "篇"),
        ("共有1,234家企业参与。", 1234, "家"),
    ],
)
def test_units(text: str, value: float, unit: str) -> None:
    assert values(text) == [(value, unit)]


def test_full_width_digits_and_signs_are_read() -> None:
    f = one("工业增加值增长３．６８％。")
    assert (f.value, f.unit, f.kind) == (3.68, "%", "growth")
    assert f.text.endswith("３．６８％")  # the span keeps the printed characters


def test_a_decline_keeps_its_printed_value_and_says_so_in_the_qualifier() -> None:
    f = one("专利授权量下降2.1%。")
    assert (f.value, f.kind, f.qualifier) == (2.1, "growth", "下降")
    assert one("利润增长－1.5%。").value == -1.5


def test_approximation_words_between_number_and_unit() -> None:
    assert (one("累计培育1200余名。").value, one("累计培育1200余名。").unit) == (1200, "名")
    f = one("实现部门505万余条核心数据归集。")
    assert (f.value, f.unit, f.qualifier) == (505, "万条", "余")


# --- paired lists ---------------------------------------------------------------------------------


def test_paired_lists_give_each_value_its_own_metric() -> None:
    found = figures("高新技术企业和科技型企业分别达到7565家、58524家,分别增长19.2%、36.1%。")
    assert [(f.value, f.metric, f.kind) for f in found] == [
        (7565, "高新技术企业", "actual"),
        (58524, "科技型企业", "actual"),
        (19.2, "高新技术企业", "growth"),
        (36.1, "科技型企业", "growth"),
    ]


def test_a_group_word_takes_the_names_given_earlier_in_the_sentence() -> None:
    found = figures(
        "大力实施高新技术企业和科技型企业“双倍增”行动,推动科学城两类企业分别达到2245家、1.5万家。"
    )
    assert [(f.value, f.unit, f.metric, f.scope) for f in found] == [
        (2245, "家", "高新技术企业", "科学城"),
        (1.5, "万家", "科技型企业", "科学城"),
    ]


def test_a_list_split_by_enumeration_commas() -> None:
    found = figures("较去年分别增加4项、1项、53项", doc_date=None)
    assert [f.value for f in found] == [4, 1, 53]
    found = figures("国家杰青项目、国家优青项目、青年科学基金项目较去年分别增加4项、1项、53项。")
    assert [f.metric for f in found] == ["国家杰青项目", "国家优青项目", "青年科学基金项目"]
    assert {f.kind for f in found} == {"change"}


# --- kind -------------------------------------------------------------------------------------------


def test_target_words_make_targets_and_today_is_the_document_year() -> None:
    found = figures(
        "力争今年科技型企业超过4.8万家、高新技术企业突破7000家。", doc_date="2023-07-27"
    )
    assert [(f.kind, f.year, f.qualifier, f.metric) for f in found] == [
        ("target", 2023, "超过", "科技型企业"),
        ("target", 2023, "突破", "高新技术企业"),
    ]


def test_a_growth_rate_that_is_a_target_is_a_target() -> None:
    f = one("建立稳定增长机制,确保年均增长10%以上。")
    assert (f.kind, f.qualifier, f.value) == ("target", "以上", 10)
    f = one("到2025年,全社会研发经费投入强度达到2.8%。")
    assert (f.kind, f.year) == ("target", 2025)


def test_figures_under_a_plans_heading_are_targets() -> None:
    f = one("启动实施5个重大专项。", section=("二、下一步工作打算", "(一)多方面发力"))
    assert f.kind == "target"
    f = one("启动实施5个重大专项。", section=("一、工作开展情况",))
    assert f.kind == "actual"


def test_a_goal_section_opening_with_a_year_dates_its_targets() -> None:
    section = ("一、总体要求", "(三)工作目标")
    sentences = [
        Sentence("到2025年,区县创新发展格局初步显现。", section, 0, 0),
        Sentence("新创建国家创新型县2个左右。", section, 1, 1),
    ]
    [f] = extract_indicators(SHA, Structure(sentences=sentences), "2022-11-04")
    assert (f.kind, f.year, f.qualifier) == ("target", 2025, "左右")


def test_breakthrough_in_a_report_is_actual_and_an_estimate_stays_actual() -> None:
    f = one("金凤实验室科研人员突破400人。")
    assert (f.kind, f.qualifier, f.scope, f.metric) == (
        "actual",
        "突破",
        "金凤实验室",
        "金凤实验室科研人员",
    )
    f = one("市属国有工业企业研发投入强度预计突破4%。")
    assert (f.kind, f.qualifier) == ("actual", "预计突破")


def test_a_past_end_date_is_not_a_target() -> None:
    f = one("截至2022年底,全市累计建成众创空间120个。", doc_date="2024-01-10")
    assert (f.kind, f.year) == ("actual", 2022)


def test_an_absolute_increase_against_last_year_is_a_change_not_a_rate() -> None:
    found = figures("全省高新技术企业达到1.2万家,较上年增加1800家。")
    assert [(f.kind, f.metric) for f in found] == [
        ("actual", "高新技术企业"),
        ("change", "高新技术企业"),
    ]
    f = one("全市科技贷款余额比上年增加1000亿元。")
    assert (f.kind, f.value, f.unit) == ("change", 1000, "亿元")
    f = one("研发投入强度比上年提高0.12个百分点。")
    assert f.kind == "change"
    f = one("专利授权量比上年减少300件。")
    assert (f.kind, f.value, f.qualifier) == ("change", 300, "减少")
    assert one("技术合同成交额增长12.5%。").kind == "growth"


# --- qualifiers and their false friends ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("新培育各级技术经纪人近500人。", "近"),
        ("撬动金融机构发放制造业贷款约130亿元。", "约"),
        ("研发人员总量超过24万人。", "超过"),
        ("吸引200余家基金机构参会。", "余"),
        ("工业总产值占全市40%以上。", "以上"),
        ("重点实验室不低于20万元的稳定支持经费。", "不低于"),
        ("累计获批国家级科技企业孵化器26家。", "累计"),
        ("14家头部投资机构与科学城签约。", None),
        ("签约20个项目。", None),
        ("制约因素3个。", None),
        ("其余3家企业完成改制。", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    assert one(text).qualifier == qualifier


def test_false_friends_carry_no_figure() -> None:
    text = "以习近平新时代中国特色社会主义思想为指导,近三年超瞬态实验装置、超级计算、超前布局,市级以上平台,对以上答复有意见。"
    assert figures(text) == []


# --- what is not a figure ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "渝科局函〔2023〕372号",
        "关于市政协六届一次会议第0012号提案的复函。",
        "2023年4月28日",
        "2019年12月,市科技局带队调研。",
        "构建“416”科技创新布局和“33618”现代制造业集群体系。",
        "签订“1+6”科技创新合作协议,围绕“2+6+X”产业集群,“6+N”环大学创新生态圈。",
        "综合科技创新水平居全国第8位、保持西部第1位,第三届论坛。",
        "问界M5/M7、长安深蓝SL03等车型,全球首款18MW级机组。",
        "《行动方案(2023—2027年)》《基础研究行动计划(2021-2030年)》",
        "全市1/4以上市级科技专项由40岁以下科研人员担纲领衔。",
        "每周平均科研时间增加2小时,连续3个月。",
        "针对提出的4个方面问题,从5个方面明确支持措施。",
        # a document's structure: its chapters and articles are no result and no target
        "《管理办法》内容涵盖风险补偿金的全过程管理,分7章共35条。",
        "本办法共二十条,全文共5部分。",
        "引进50亿元以上先进制造业项目。",
        "聚焦三大重点领域和十个产业方向,将五个片区纳入,开展三个一批改革。",
        "渝公网安备 50011202501447号",
        # a page's visit counter
        "更新时间:2023-01-28 09:15:46点击次数:31640次",
        "浏览量：1200次",
        "加快实施轨道27号线建设。",
        "部署5G基站。",
    ],
)
def test_not_figures(text: str) -> None:
    assert values(text) == []


def test_a_comparison_with_a_year_is_no_part_of_the_metric() -> None:
    found = figures("全市共有县级创新平台12个,较2023年度新增2个。")
    # the 2 are the platforms added, and say so
    assert [(f.value, f.metric) for f in found] == [(12, "县级创新平台"), (2, "县级创新平台新增")]


def test_more_or_fewer_than_last_year_is_an_amount_added() -> None:
    found = figures("全市高新技术企业增至500家,比上年多50家。")
    assert [(f.value, f.kind, f.metric) for f in found] == [
        (500, "actual", "高新技术企业"),
        (50, "change", "高新技术企业"),
    ]
    assert one("净增高新技术企业50家。").metric == "净增高新技术企业"


def test_a_cap_reached_is_a_support_standard_and_high_is_no_part_of_a_metric() -> None:
    f = one("对新认定的企业最高可达100万元补助。")
    assert (f.kind, f.qualifier) == ("provision", "最高可达")
    assert one("对新认定的企业奖励最高达100万元。").kind == "provision"
    f = one("政府所属研究机构R&D经费占比高达53.2%。")
    assert (f.metric, f.qualifier, f.kind) == ("政府所属研究机构R&D经费占比", "高达", "actual")


def test_a_count_in_another_counting_word_does_not_repeat_the_metric_before_it() -> None:
    found = figures("拥有中国“两院”院士80多名,此外还拥有14所、28所等一批军工科研单位。")
    assert [(f.value, f.metric) for f in found][:2] == [(80, "中国“两院”院士"), (14, None)]
    # a rate after a count is the count's
    assert [f.metric for f in figures("新增高新技术企业50家、增长20%。")] == [
        "新增高新技术企业",
        "高新技术企业",
    ]


def test_a_bare_magnitude_with_a_bound_is_a_figure() -> None:
    text = "全社会研究与试验发展(R&D)经费投入达100亿以上,投入强度达到1.2%。"
    assert values(text) == [(100, "亿"), (1.2, "%")]
    assert figures(text)[0].qualifier == "达…以上"


def test_chinese_numerals_count_when_they_carry_a_place_value() -> None:
    assert values("新增规上工业企业三十五家,引进人才一千二百余名。") == [(35, "家"), (1200, "名")]
    assert values("二〇二三年,组织二十届论坛。") == []


def test_absurd_figures_do_not_crash_or_overflow() -> None:
    assert values("1e30亿元") == []
    assert values("9" * 400 + "亿元") == []
    zero = one("新增0家。")
    assert zero.value == 0
    for f in figures("投入99999999999亿元。"):
        assert math.isfinite(f.value) and f.normalized_value is not None
        assert math.isfinite(f.normalized_value)


# --- year -------------------------------------------------------------------------------------------


def test_year_explicit_in_the_sentence_applies_to_the_figures_after_it() -> None:
    found = figures("璧山片区为384家规上企业配备服务专员,2023年协调解决企业生产经营问题281个。")
    assert [(f.value, f.year) for f in found] == [(384, None), (281, 2023)]


def test_year_relative_to_the_document_date_but_not_comparisons() -> None:
    assert one("去年,组织实施项目320个。", doc_date="2024-02-01").year == 2023
    f = one("国家杰青项目较去年增加4项。", doc_date="2024-02-01")
    assert f.year is None


def test_year_of_a_paragraph_and_of_an_annual_summary() -> None:
    found = figures(
        "2023年,全市科技系统深入实施科技创新战略,全社会研发投入总量预计750亿元、增长10%。",
        "新认定高新技术企业3071家。",
        "力争科技型企业超过6万家。",
        doc_date=None,
    )
    assert [(f.value, f.kind, f.year, f.metric) for f in found] == [
        (750, "actual", 2023, "全社会研发投入总量"),
        (10, "growth", 2023, "全社会研发投入总量"),
        (3071, "actual", 2023, "新认定高新技术企业"),
        (6, "target", None, "科技型企业"),
    ]


def paragraph(*sentences: str, doc_date: str | None = "2014-01-30") -> list[Indicator]:
    """The figures of one paragraph made of `sentences`."""
    structure = Structure(
        sentences=[
            Sentence(text=t, section=(), paragraph=0, index=i) for i, t in enumerate(sentences)
        ]
    )
    return extract_indicators(SHA, structure, doc_date)


def test_a_year_named_earlier_in_the_paragraph_dates_the_figures_after_it() -> None:
    found = paragraph(
        "截至到2012年末,全国纳入统计的科技企业孵化器达到1239家。",
        "已有近5万家创业企业从孵化器毕业,毕业后上市的企业超过180家。",
        "南繁育种、生物医药相关产业贷款余额分别为29.25亿元、12.3亿元。",
    )
    assert [(f.value, f.year) for f in found] == [
        (1239, 2012),
        (5, 2012),
        (180, 2012),
        (29.25, 2012),
        (12.3, 2012),
    ]


def test_a_run_in_item_does_not_take_the_year_of_the_item_before() -> None:
    found = paragraph(
        "一是完善创新投入机制。",
        "到2027年,全社会研发经费投入强度达到全国平均水平。",
        "二是大力实施基础研究行动计划,布局5个重大专项。",
        doc_date=None,
    )
    assert [(f.value, f.year) for f in found] == [(5, None)]


def test_an_earlier_years_balance_is_no_year_before_last() -> None:
    f = one("以前年度资金结转超1880万元。", doc_date="2024-07-18")
    assert f.year is None


def test_no_year_without_evidence_and_none_from_titles() -> None:
    found = figures(
        "深入实施《基础研究行动计划(2021—2030年)》,组织实施科技创新重大专项2项。",
        "印发《2022年工作要点》,认定市级技术转移示范机构5家。",
    )
    assert [f.year for f in found] == [None, None]


# --- metric and scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("2022年组织实施市级自然科学基金项目1800项。", "市级自然科学基金项目"),
        ("累计认定市级及以上技术转移示范机构35家。", "市级及以上技术转移示范机构"),
        ("健康医疗大数据中心等3个市级科技创新基础设施获批建设。", "市级科技创新基础设施"),
        ("新入驻中信科智联、阿里斑马智行等26家领军企业。", "新入驻领军企业"),
        ("评估优秀的企业国家重点实验室给予500万元一次性激励经费。", "一次性激励经费"),
        ("全社会研发经费投入强度达到2.45%。", "全社会研发经费投入强度"),
        ("浦东新区集聚外资研发中心250家。", "外资研发中心"),
        ("张江科学城新增孵化器12个。", "新增孵化器"),
        ("全区共有院士工作站8个。", "院士工作站"),
        ("建成省级以上重点实验室(含国家级8家)156家。", "省级以上重点实验室"),
        # 与 before a verb done with another party names that party, not a second thing counted
        ("举办创投大会,14家头部投资机构与科学城签约。", "头部投资机构"),
        ("全年12家银行与科技企业对接。", "银行"),
        ("新增高校与科研院所20家。", "新增高校与科研院所"),
    ],
)
def test_metric_is_the_noun_phrase_without_leading_verbs(text: str, metric: str) -> None:
    assert figures(text)[-1].metric == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # the function character is the first of a word: the name keeps it, never starts mid-word
        ("全年共对口帮扶科技企业45家。", "对口帮扶科技企业"),
        ("全市在建科技创新平台项目26个。", "在建科技创新平台项目"),
        ("以前年度结转科技经费超300万元。", "以前年度结转科技经费"),
        # an adverb before a verb is still no part of the name (共 + 建成), nor a bare word
        ("全区共建成众创空间12家。", "众创空间"),
        ("全区已建成众创空间12家。", "众创空间"),
    ],
)
def test_a_name_starts_at_a_word_not_inside_it(text: str, metric: str) -> None:
    assert figures(text)[-1].metric == metric


def test_a_clause_without_a_noun_repeats_the_metric_before_it() -> None:
    found = figures("2023年,科学城地区生产总值达2654亿元,增长5.7%。")
    assert [(f.value, f.kind, f.metric, f.scope) for f in found] == [
        (2654, "actual", "地区生产总值", "科学城"),
        (5.7, "growth", "地区生产总值", "科学城"),
    ]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("科学城核心区引进50亿元以上先进制造业项目9个。", "科学城核心区"),
        ("璧山片区为384家规上企业配备服务专员。", "璧山片区"),
        ("两江协同创新区加快筹建明月湖实验室,累计引进新型研发机构50家。", "两江协同创新区"),
        ("技术合同成交额达到865.1亿元。", None),
        ("新建川渝共建重点实验室3个。", None),
    ],
)
def test_scope_is_a_named_place_narrower_than_the_document(text: str, scope: str | None) -> None:
    assert figures(text)[-1].scope == scope


def test_span_is_a_clause_of_the_sentence_holding_metric_and_number() -> None:
    text = "争取国家各类科研项目1121项、资金12.12亿元,分别增长9.9%、20.14%。"
    found = figures(text)
    assert [f.text for f in found] == [
        "争取国家各类科研项目1121项",
        "资金12.12亿元",
        "分别增长9.9%、20.14%",
        "分别增长9.9%、20.14%",
    ]
    assert [f.metric for f in found] == [
        "国家各类科研项目",
        "国家各类科研项目资金",  # a measure word alone names its subject
        "国家各类科研项目",
        "国家各类科研项目资金",
    ]


def test_ids_are_stable_for_the_same_content() -> None:
    a = figures("新认定高新技术企业3071家、新增科技型企业15535家。")
    b = figures("新认定高新技术企业3071家、新增科技型企业15535家。")
    assert [f.id for f in a] == [f.id for f in b] == [f"i-{SHA[:10]}-000", f"i-{SHA[:10]}-001"]


# --- robustness --------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"0123456789.,%万亿元家项个人名次余多近约超以上下分别和、，。；“”()（）《》〔〕-—/+第年月日较增长下降力争到今去",
        *(
            "０",
            "．",
            "％",
            "－",
            "十",
            "二",
            "三",
            "百",
            "千",
            "两",
            "\n",
            "a",
            "M",
            "\x00",
            "\ud7ff",
        ),
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(_ALPHABET, max_size=80), max_size=6),
    st.sampled_from([None, "2023-07-27", "x"]),
)
def test_no_text_makes_extraction_raise(paragraphs: list[str], doc_date: str | None) -> None:
    found = figures(*paragraphs, doc_date=doc_date)
    for f in found:
        assert math.isfinite(f.value)
        assert f.unit
        assert any(f.text in p for p in paragraphs)
        assert f.kind in ("actual", "target", "growth", "change", "provision")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "重庆市", "全国"]), st.text(max_size=30))
def test_arbitrary_unicode_never_raises(text: str, place: str | None, title: str) -> None:
    figures(text)
    sentences = [Sentence(text=text, section=(title,), paragraph=0, index=0)]
    extract_indicators(SHA, Structure(sentences=sentences), "2024-03-05", place, title)
    list(find_quantities(text))
    find_places(text)


def test_a_megabyte_sentence_without_punctuation_takes_linear_time() -> None:
    han = "科技创新中心建设取得新成效" * 40 + "新增企业12家"
    assert len((han * 1900).encode()) > 1_000_000
    assert scaling_ratio(lambda n: figures(han * n), 190) < 40  # quadratic: 100
    assert scaling_ratio(lambda n: figures("7" * n), 100_000) < 40
    assert scaling_ratio(lambda n: figures("三十五" * n), 34_000) < 40


def test_time_grows_linearly_with_the_number_of_figures_in_one_sentence() -> None:
    assert scaling_ratio(lambda n: figures("新增企业12家较去年增长5%" * n), 1_000) < 40


def test_a_year_in_the_heading_dates_the_figures_under_it() -> None:
    section = ("一、2023年各项工作成效", "(一)聚焦企业主体")
    [f] = figures("新增国家高新技术企业120家。", doc_date=None, section=section)
    assert f.year == 2023
    plan = ("二、2024年工作计划",)
    [t] = figures("力争新增科技型企业500家。", doc_date=None, section=plan)
    assert (t.kind, t.year) == ("target", 2024)


def test_a_baseline_year_or_a_programme_year_does_not_date_a_figure() -> None:
    found = figures(
        "到2027年,高新技术企业和科技型企业在2022年的基础上实现倍增,分别超过90家和870家。",
        doc_date="2023-06-16",
    )
    assert [(f.value, f.kind, f.year) for f in found] == [
        (90, "target", 2027),
        (870, "target", 2027),
    ]
    f = one("申报2024年度省攻关项目10只。", doc_date=None)
    assert (f.value, f.unit, f.year) == (10, "只", None)


def test_comparison_words_are_not_the_metric() -> None:
    found = figures("全社会研发投入经费23.47亿元,比去年同期增长49.0%。")
    assert [(f.metric, f.kind) for f in found] == [
        ("全社会研发投入经费", "actual"),
        ("全社会研发投入经费", "growth"),
    ]


def test_a_range_is_one_figure_with_its_upper_bound() -> None:
    f = one("力争新培育3-5家独角兽企业。")
    assert (f.value, f.unit, f.qualifier, f.kind) == (5, "家", "3-5", "target")
    assert values("1-9月全市财政科技支出累计10.67亿元。") == [(10.67, "亿元")]


def test_a_count_is_about_the_noun_after_it_and_exceeding_expectations_is_no_target() -> None:
    f = one("推动怀柔综合性国家科学中心29个科技设施进入科研状态。")
    assert f.metric == "科技设施"
    f = one("项目投资超预期,完成率165.5%。")
    assert (f.kind, f.metric) == ("actual", "完成率")


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_the_quick_first_look_never_skips_a_sentence_with_a_figure(text: str) -> None:
    from briefing.extract.numbers import may_hold_quantities

    if list(find_quantities(text)):
        assert may_hold_quantities(text)


def test_a_targeted_decline_is_a_target_with_its_direction() -> None:
    f = one("力争单位地区生产总值能耗下降3%。")
    assert (f.value, f.kind, f.qualifier) == (3, "target", "下降")


# --- issue #13: year, kind and place from context ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a report delivered in March 2024: 今年 is 2024, 去年 2023
        ("今年全省技术合同成交额力争达到900亿元。", 2024),
        ("去年全省技术合同成交额达到865亿元。", 2023),
        ("目前全市国家高新技术企业达44家。", 2024),
        # the clause's own year wins over the sentence's leading one
        ("2023年,全市高新技术企业达到5000家,2022年为4000家。", 2022),
        # a ratio against another year sets no year; a month of the document's year does
        ("截至5月末,全市科技贷款余额6140亿元,是2023年末的1.9倍。", 2023),
        ("截至2月末,全市科技贷款余额6140亿元,是2023年末的1.9倍。", 2024),
        # after a short opener, the date that leads the sentence still dates it
        ("据统计,2012年在孵企业获得专利批准57515项,其中发明专利14981项。", 2012),
        # a deadline in an earlier clause of the sentence is not the figure's year
        ("完成一期工程建设,确保2026年投入使用;推进投资5.5亿元的二期工程。", None),
    ],
)
def test_year_from_the_clause_the_leading_date_or_the_document_date(
    text: str, year: int | None
) -> None:
    assert figures(text, doc_date="2024-03-05")[-1].year == year


def test_a_month_end_stock_keeps_its_month_in_the_quote() -> None:
    f = figures("截至5月末,全市科技贷款余额6140亿元。", doc_date="2024-06-20")[0]
    assert (f.value, f.year) == (6140, 2024)
    assert f.text.startswith("5月末")


def test_a_work_report_title_gives_its_delivery_year_not_the_figures_year() -> None:
    f = figures(
        "过去的一年,全省生产总值24117.9亿元。", title="2017年安徽省人民政府工作报告", doc_date=None
    )
    assert f[0].year == 2016


def test_heading_and_title_years_date_figures_no_sentence_dates() -> None:
    review = ("一、过去一年工作回顾",)
    assert (
        figures("高新技术企业达到5000家。", section=review, doc_date="2024-01-20")[0].year == 2023
    )
    f = figures("全年研发经费支出15500亿元。", title="中华人民共和国2016年统计公报", doc_date=None)
    assert f[0].year == 2016


@pytest.mark.parametrize(
    "text",
    [
        "对新认定的国家级孵化器、众创空间分别给予1万元、0.5万元奖励。",
        "对年度研发投入过5000万元的企业,按其研发投入增量的10%给予最高1000万元补助。",
        "对首次认定的高新技术企业一次性奖励20万元。",
        "每家最高补助100万元。",
        # a yearly grant to a class of recipients, and a grant's kind before 支持
        "办法规定每年支持省级工程研究中心50万元。",
        "市级重点实验室每年享受不低于30万元的定额支持经费。",
    ],
)
def test_support_standards_are_provisions(text: str) -> None:
    found = figures(text)
    assert found and {f.kind for f in found} == {"provision"}


def test_money_spent_or_won_is_no_provision() -> None:
    # the same verbs reporting a result: what was granted, not a standard
    assert one("全年共支持企业研发项目经费3.2亿元。").kind == "actual"
    assert one("获得国家自然科学基金资助经费5.55亿元。").kind == "actual"


def test_thresholds_and_support_ratios_are_provisions() -> None:
    assert one("申请企业年营业收入≤5亿元。").kind == "provision"
    found = figures("将科技型中小企业研发费用加计扣除比例从75%提高到100%。")
    assert [f.kind for f in found] == ["provision", "provision"]


def test_bars_set_by_a_support_sentence_are_provisions() -> None:
    assert one("对投入1000万元以上的企业给予冠名。").value == 1000
    assert one("对投入1000万元以上的企业给予冠名。").kind == "provision"
    # the same bar outside a support sentence describes a class counted: kept as a figure
    found = figures("研发经费投入超过20亿元的行业有3个。", doc_date=None)
    assert [f.value for f in found] == [20, 3]
    # a share of enterprises is no bar
    assert one("超过95%的科技创业企业在孵化器聚集。").kind == "actual"


def test_a_cap_and_a_bound_on_who_qualifies_are_provisions_with_their_negation() -> None:
    text = "对企业单个科技信贷项目(本金不高于1000万元),按执行利率给予贴息,最高补助额不超过50万元。"
    found = figures(text)
    assert [(f.value, f.kind, f.qualifier) for f in found] == [
        (1000, "provision", "不高于"),
        (50, "provision", "不超过"),
    ]
    # the table shows the figure as printed: dropping 不 would say the opposite
    assert printed_value(text, 1000, "万元") == "不高于1000万元"
    assert printed_value("给予资金补助,最高不超过20万元。", 20, "万元") == "最高不超过20万元"


def test_an_amount_added_is_a_change_also_in_a_plan() -> None:
    f = one("今年财政赤字规模比去年增加1万亿元。", section=("二、今年工作安排",))
    assert (f.kind, f.value, f.unit) == ("change", 1, "万亿元")
    assert one("将价格临时补贴标准提高1倍。").kind == "change"
    assert one("义务教育学生生活补助人数增加近40%。").kind == "growth"


def test_a_planned_measures_figures_are_targets() -> None:
    text = "今年拟安排地方政府专项债券3.75万亿元。"
    structure = parse_structure(text)
    planned = [Measure(id="m-1", text=text, section=(), status="planned")]
    done = [Measure(id="m-1", text=text, section=(), status="done")]
    f = extract_indicators(SHA, structure, "2020-05-22", None, "政府工作报告", planned)
    assert [(x.kind, x.year) for x in f] == [("target", 2020)]
    f = extract_indicators(SHA, structure, "2020-05-22", None, "政府工作报告", done)
    assert [x.kind for x in f] == ["actual"]


def test_growth_words_and_multiples_of_a_base_year() -> None:
    assert one("工业固定资产投资比增53%。").kind == "growth"
    assert one("居民消费价格上涨2.9%。").kind == "growth"
    assert one("全市生产总值是2007年的2.1倍。").kind == "growth"


def test_sums_paid_out_are_results_not_provisions() -> None:
    f = one("累计兑现“金凤凰”人才购房补贴、科研经费补贴近2.4亿元。")
    assert f.kind == "actual"
    assert one("下达补助资金3000万元。").kind == "actual"
    assert one("资助经费2.76亿元。").kind == "actual"  # 资助经费 names an amount, not a standard


def test_a_provision_in_a_plans_section_stays_a_provision() -> None:
    f = one("对新建的重点实验室给予最高500万元支持。", section=("三、保障措施", "(一)工作目标"))
    assert f.kind == "provision"


@pytest.mark.parametrize(
    ("text", "place", "scope"),
    [
        ("浙江技术合同成交额达到2500亿元。", None, "浙江省"),
        ("长沙高新技术企业突破7000家。", "湖南省", "长沙市"),
        ("两江新区新增科技型企业800家。", "重庆市", "两江新区"),
        ("全市技术合同成交额达到865.1亿元。", "重庆市", "重庆市"),
        ("技术合同成交额达到865.1亿元。", None, None),
        # a partner or origin is not what the figure is about
        ("与上海合作共建实验室5个。", "重庆市", "重庆市"),
        # the nation as a subject, in a document that names no place of its own
        ("全国纳入统计的科技企业孵化器达到1239家。", None, "全国"),
        ("新增全国重点实验室2个。", None, None),
        # a class of bodies or two joined is no scope: a fragment of the clause before it
        ("鼓励高校院所研发投入增长20%以上。", "宜春市", "宜春市"),
        ("企业与高校联合承担省重点研究与开发计划项目7个。", "枞阳县", "枞阳县"),
        ("其他高校科研院所成员6名。", "丰县", "丰县"),
        ("今年高校毕业生达874万人。", None, None),
    ],
)
def test_scope_is_the_place_named_else_the_publishers_jurisdiction(
    text: str, place: str | None, scope: str | None
) -> None:
    assert figures(text, place=place)[-1].scope == scope


@pytest.mark.parametrize(
    ("publisher", "title", "place"),
    [
        ("浙江省科学技术厅", None, "浙江省"),
        ("宁波市鄞州区科学技术局", None, "鄞州区"),
        ("海拉尔区人民政府", None, "海拉尔区"),
        ("市科技局", "重庆市科学技术局关于市政协第0012号提案的复函", "重庆市"),
        ("市科技局", "关于支持浙江加快发展的意见", None),
        # a title opening with a county the header's publisher does not name
        ("市科学技术局", "蓝山县创建省级创新型县区工作推进会", "蓝山县"),
        # autonomous prefectures and leagues; 自治区 alone names no place
        ("海西州人民政府办公室", None, "海西州"),
        ("锡林郭勒盟行政公署", None, "锡林郭勒盟"),
        ("自治区科技厅", "自治区科技厅关于组织申报项目的通知", None),
        ("科技部", None, "全国"),
        (None, "中华人民共和国2016年国民经济和社会发展统计公报", "全国"),
        # the year a bulletin is of comes before its place (an unseen 中山 bulletin had none)
        (None, "2022年中山市科技经费投入公报", "中山市"),
        (None, "2023年全市科技创新工作要点", None),
        # a notice sending a document: the place opens the sent document's name
        (
            "市科技局、市财政局",
            "关于印发《咸宁市科技型企业知识价值信用贷款实施细则》的通知",
            "咸宁市",
        ),
        ("市科技局", "关于印发全市科技工作要点的通知", None),
        # a report on a place, titled 关于 and the place, is that place's (a city's plan report
        # in the corpus had no place on its figures)
        (None, "关于新余市2023年国民经济和社会发展计划执行情况的报告", "新余市"),
        (None, "关于加快建设科技强市的实施意见", None),
        # a party committee's office: the county it governs, not a place called 中共沛县
        ("中共沛县委办公室", "关于印发科技创新行动方案的通知", "沛县"),
        ("中共南通市委办公室", None, "南通市"),
        # a development zone's own body governs the zone, printed by its short name
        ("绵阳高新技术产业开发区管理委员会", "关于印发科技企业扶持办法的通知", "绵阳高新区"),
        ("宜昌经济技术开发区管委会", None, "宜昌经开区"),
        ("潍坊高新区(综合保税区)科技局", None, "潍坊高新区"),
        ("大理高新区管委会", None, "大理高新区"),
        # a zone whose name opens with no known place is no place of its own
        ("高新区管委会", None, None),
    ],
)
def test_the_jurisdiction_of_a_document(
    publisher: str | None, title: str | None, place: str | None
) -> None:
    assert document_jurisdiction(publisher, title) == place


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # an untitled summary: 全市 and one city named throughout
        (
            "2023年，全市科技系统深入贯彻重庆市委部署。重庆科学城建设提速。我市技术合同成交额增长。",
            "重庆市",
        ),
        # a province's reply about one of its cities says 我省: the city is not the text's own
        ("我省支持宜宾市申报。宜宾市创新能力提升。全省科技工作。", None),
        # a national report naming several places
        ("全国研发投入增长。支持北京、上海建设国际科技创新中心，海南自由贸易港建设。全市", None),
        # 全市 but no place named twice
        ("全市科技工作取得进展。重庆科学城建设提速。", None),
        # a reply that says 我市 again and again and names one place, once (an unseen 厦门 reply
        # to a proposal, signed 科技局, had no place on its figures)
        (
            "《借鉴经验推动厦门市产学研融合发展的策略研究》收悉。我市布局建设3家省创新实验室。"
            "我市出台若干措施。",
            "厦门市",
        ),
        # a city it only measures itself against, learns from or visits is not its own (the
        # reviewer: every figure of a 科技局 reply was put in 深圳市)
        ("提案收悉。我市高度重视。我市积极对标深圳市,加快建设创新平台。我市出台若干措施。", None),
        ("建议收悉。我市高度重视。我市组织企业赴杭州市考察。我市出台若干措施。", None),
        # an autonomous prefecture says 全州 and names its province as often as itself
        (
            "贵州省黔东南州科技工作会议召开。全州科技工作取得新成效。全州新增高新技术企业12家。"
            "贵州省科技厅到会指导。黔东南州将深化与佛山市合作。",
            "黔东南州",
        ),
        # a development zone saying 全区 (an unseen 无锡 news page had no place)
        (
            "近日,无锡高新区获批试点。无锡高新区科技金融体系完备。全区集聚基金规模达569亿元。",
            "无锡高新区",
        ),
    ],
)
def test_a_text_without_an_issuer_is_about_the_place_it_calls_its_own(
    body: str, place: str | None
) -> None:
    assert document_jurisdiction(None, None, body) == place


def test_places_that_are_words_or_names_of_bodies_are_not_places() -> None:
    assert find_places("长治久安,白银价格,浙江大学,朝阳产业") == []
    assert jurisdiction("朝阳市科技局") == "朝阳市"
    # a district whose name holds 城 is a district; the city's 主城区 is not
    assert [p[2] for p in find_places("亳州市谯城区")] == ["谯城区"]
    assert jurisdiction("谯城区科学技术局") == "谯城区"
    assert [p[2] for p in find_places("重庆主城区")] == ["重庆市"]
    # 传达 + 州人民政府 (an autonomous prefecture's government) is no 达州; 达州 itself still is
    opening = "州科技局党组书记传达州人民政府副州长讲话精神。全州科技工作会议召开。"
    assert find_places(opening) == []
    assert document_jurisdiction(None, None, opening) is None
    assert [p[2] for p in find_places("四川省达州市、到达州府")] == ["四川省", "达州市"]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("争取国家自然科学基金项目997项、经费5.55亿元。", "国家自然科学基金项目经费"),
        ("组织实施市级自然科学基金项目1655项、资助经费2.76亿元。", "资助经费"),
        ("累计兑现“金凤凰”人才购房补贴近2.4亿元。", "“金凤凰”人才购房补贴"),
        ("新入库“金凤凰”人才162名。", "新入库“金凤凰”人才"),
        ("兑现金凤凰”人才购房补贴近2.4亿元。", "金凤凰人才购房补贴"),
    ],
)
def test_metric_names_its_subject_and_never_breaks_a_quotation(text: str, metric: str) -> None:
    assert figures(text)[-1].metric == metric


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        # an amount paid out or spent is named by what and how: never a verb phrase
        (
            "累计发放知识价值信用贷款207.21亿元,引导发放商业贷款141.48亿元。",
            ["知识价值信用贷款发放额", "商业贷款发放额"],
        ),
        ("2022年,全市投入R&D经费100.66亿元。", ["R&D经费投入"]),
        ("2025年,全市财政预算安排资金15.48亿元。", ["财政预算安排资金"]),
        # a total keeps the verb that makes it a name, as 资助经费 does (was 总金额)
        ("我省支持总金额超过1.6亿元。", ["支持总金额"]),
        ("市财政每年统筹安排不超过2000万元,用于支持大孵化集群建设。", ["市财政统筹安排资金"]),
        ("举办活动19场;产生经济效益约1亿元。", ["活动", "经济效益"]),
        # a project's amount is its funding
        (
            "此外,还有国家富民强县项目、国家创新基金项目400万元。",
            ["国家富民强县项目、国家创新基金项目经费"],
        ),
        # a count names what was counted, not the verb before it
        (
            "建设开放型合作基地17个,引培高水平科技人才团队21个。",
            ["开放型合作基地", "高水平科技人才团队"],
        ),
        ("2021年度招引高层次创新创业团队77个、创新人才699人。", ["高层次创新创业团队", "创新人才"]),
        ("建有省级技术转移服务机构7家。", ["省级技术转移服务机构"]),
        ("其中,促成技术合同成交额4207万元。", ["技术合同成交额"]),
        ("数据库人才达10万余人,服务全市企业1200余家。", ["数据库人才", "企业"]),
        # a clause is no name: the 20 are the talents recommended, which the text does not name
        ("目前,全市已有中国工程院院士、国家级高层次人才通过举荐制举才荐才20余名。", [None]),
        # a verb inside a list item is part of the name ("入库企业"), not where it starts
        (
            "科技领军及入库企业和高成长性科技企业总数达到90家。",
            ["科技领军及入库企业和高成长性科技企业总数"],
        ),
        # the measure the items share keeps its Latin letters
        (
            "企业、政府所属研究机构、高等学校和其他主体R&D经费分别为29.31亿元、58.31亿元、"
            "21.57亿元和0.42亿元。",
            ["企业R&D经费", "政府所属研究机构R&D经费", "高等学校R&D经费", "其他主体R&D经费"],
        ),
        # an R&D activity's amount is its 经费; a bare share is its share, not it again
        (
            "按活动类型分,基础研究为1.46亿元;应用研究7.25亿元,占20.8%。",
            ["基础研究经费", "应用研究经费", "应用研究经费占比"],
        ),
    ],
)
def test_a_key_figure_is_named_by_its_subject_and_measure(
    text: str, metrics: list[str | None]
) -> None:
    assert [f.metric for f in figures(text)] == metrics


def test_a_date_after_who_reports_the_figures_dates_the_whole_sentence() -> None:
    found = figures("据省局反馈数据显示,2014年我市R&D经费支出127.9亿元,占GDP比重2.61%。")
    assert [(f.value, f.year) for f in found] == [(127.9, 2014), (2.61, 2014)]


def test_an_untitled_pages_headline_dates_the_figures_no_sentence_dates() -> None:
    found = figures(
        "2014年我市全社会R&D经费投入稳步增长",
        "据省局反馈数据显示,2014年我市R&D经费支出127.9亿元。",
        "其中规模以上工业企业R&D经费支出123.5亿元,比上年增长14.9%。",
        doc_date=None,
    )
    assert [(f.value, f.year) for f in found] == [(127.9, 2014), (123.5, 2014), (14.9, 2014)]


def test_a_plan_opening_with_its_year_dates_its_targets() -> None:
    found = figures(
        "2023年是全面贯彻落实党的二十大精神的开局之年。",
        "主要的预期目标是:一是全社会研究与试验发展经费投入达100亿以上,投入强度达到1.2%。",
        doc_date=None,
    )
    assert [(f.metric, f.kind, f.year) for f in found] == [
        ("全社会研究与试验发展经费投入", "target", 2023),
        # a short name going on from the one before says whose it is
        ("全社会研究与试验发展经费投入强度", "target", 2023),
    ]
    found = figures(
        "狠抓落实落地聚焦打赢科技创新翻身仗",
        "2022年确定为科技规划和政策落实年,总体思路是:以…为指导。",
        "主要预期目标是:全省高新技术企业达1500家。",
        doc_date=None,
    )
    assert [(f.kind, f.year) for f in found] == [("target", 2022)]


def test_performers_listed_after_a_body_are_named_and_placed_on_their_own() -> None:
    found = figures(
        "国有独立核算的科研院所R&D经费支出10.52亿元,比上年下降1.9个百分点;高等学校支出4.36亿元,"
        "增长11.5%;农业、医疗等其它行业单位为1.1亿元。",
        place="湖北省",
    )
    # a class of performers is no place nor one body: it names what is counted, in the province
    assert [(f.value, f.metric, f.scope) for f in found if f.unit == "亿元"] == [
        (10.52, "科研院所R&D经费支出", "湖北省"),
        (4.36, "高等学校支出", "湖北省"),
        (1.1, "其它行业单位支出", "湖北省"),
    ]


def test_a_count_names_the_noun_it_counts_not_what_it_did() -> None:
    found = figures("全市4家企业完成专利权质押合同登记5项,融资金额3600万元。")
    assert [(f.value, f.metric) for f in found][:2] == [(4, "企业"), (5, "专利权质押合同登记")]
    found = figures("初步统计2019年度23家规上企业R&D投入3.27亿元。")
    assert [(f.value, f.metric) for f in found] == [(23, "规上企业"), (3.27, "R&D投入")]
    # "提供贷款" names no figure: 贷款 alone does not say whose
    assert one("合作银行为企业提供贷款1150万元。").metric == "贷款"


def test_paired_figures_take_the_quoted_names_listed_before_them() -> None:
    found = figures("“医药制造业”“装备制造业”增长较快,同比增长分别为11.38%、7.07%。")
    assert [(f.metric, f.kind) for f in found] == [
        ("医药制造业", "growth"),
        ("装备制造业", "growth"),
    ]


def test_a_support_standard_is_dated_by_its_document() -> None:
    found = one("对首次认定的高新技术企业给予最高20万元奖励。", doc_date="2023-05-10")
    assert (found.kind, found.year) == ("provision", 2023)
    # a year of its own wins, and a document without a date gives none
    assert one("2024年起,对新认定的企业给予10万元奖励。", doc_date="2023-05-10").year == 2024
    assert one("对新认定的企业给予10万元奖励。", doc_date=None).year is None
    # results keep no year the text does not give
    assert one("累计兑现补贴近2.4亿元。", doc_date="2023-05-10").year is None


def test_a_noun_shared_by_a_list_goes_to_every_item() -> None:
    found = figures(
        "南繁育种、生物医药相关产业贷款余额分别为29.25亿元、12.3亿元。",
        "高新技术企业、科技型企业数量分别为20家、30家。",
        "北京、上海研发投入分别为3亿元、4亿元。",
    )
    assert [(f.value, f.metric, f.scope) for f in found] == [
        (29.25, "南繁育种相关产业贷款余额", None),
        (12.3, "生物医药相关产业贷款余额", None),
        (20, "高新技术企业数量", None),
        (30, "科技型企业数量", None),
        (3, "研发投入", "北京市"),
        (4, "研发投入", "上海市"),
    ]


def test_the_value_a_change_starts_from_is_the_former_one() -> None:
    old, new = figures(
        "将科技型中小企业研发费用加计扣除比例由75%提高到100%。", doc_date="2022-03-05"
    )
    assert (old.value, old.kind, old.metric) == (
        75,
        "provision",
        "科技型中小企业研发费用加计扣除比例(原)",
    )
    assert (new.value, new.kind, new.metric) == (
        100,
        "provision",
        "科技型中小企业研发费用加计扣除比例",
    )
    assert old.year == new.year == 2022
    # a starting value with a year of its own is that year's level
    before, after, _rate = figures(
        "专利授权量由2015年的18942项增加到2020年的28475项,增长50.3%。", doc_date="2021-09-28"
    )
    assert [(f.metric, f.year, f.kind) for f in (before, after)] == [
        ("专利授权量", 2015, "actual"),
        ("专利授权量", 2020, "actual"),
    ]


def test_a_bodys_figure_is_named_with_the_body() -> None:
    f = one("中国自然人群生物资源库采集样本超30万人。")
    assert (f.metric, f.scope) == ("中国自然人群生物资源库采集样本", "中国自然人群生物资源库")


def test_a_rise_from_a_dated_level_does_not_date_the_level_reached() -> None:
    # the start's year is 2020; the level reached is the document's, not 2020's
    found = figures("科技型企业数量从2020年的250家增长至506家。", title="2025年科技工作总结")
    assert [(f.value, f.year) for f in found] == [(250, 2020), (506, 2025)]
    found = figures("高新技术企业由2020年的1200家增加到2024年的2300家。")
    assert [(f.value, f.year) for f in found] == [(1200, 2020), (2300, 2024)]


def test_examples_and_a_following_list_are_not_part_of_the_metric() -> None:
    text = "以国家高新技术企业、科技型中小企业为代表的科技型企业数量从2020年的250家增长至506家。"
    assert {f.metric for f in figures(text)} == {"科技型企业数量"}
    f = one("布局建设3家省创新实验室以及智慧储能大型科研基础设施等高能级创新平台。")
    assert f.metric == "省创新实验室"


@pytest.mark.parametrize(
    ("opening", "scope"),
    [
        ("2019-06-24 09:11:24 来源:漳州市发改委 责任编辑:张若冰", "漳州市"),
        ("2024年,福田区科技和工业信息化局聚焦创新,全力推动发展。", "福田区"),
        ("各位代表:\n现在，我代表国务院，向大会报告政府工作。", "全国"),
        ("各位代表:\n现在,我代表光明区人民政府,向大会报告工作。", "光明区"),
        # a body inside a title it cites is not the document's own
        ("认真落实《国务院关于进一步促进内蒙古经济社会发展的若干意见》。", None),
        ("区科技局积极推动高新技术产业发展。", None),
        # the document's own title, quoted on its first line
        ("成办发〔2012〕17号《成都市人民政府办公厅关于印发实施方案的通知》", "成都市"),
        # deep in a text, the words before a level-only body are no place (紧密围绕市)
        ("会上,通报了中心财务收支情况。" * 15 + "要紧密围绕市科技局工作部署和要求。", None),
        # a report's closing page names the body it speaks for late, and once
        (
            "全年地区生产总值增长6%。" * 20 + "在此,我谨代表光明区人民政府,向全区人民致以敬意!",
            "光明区",
        ),
    ],
)
def test_without_a_publisher_the_body_the_opening_names_gives_the_scope(
    opening: str, scope: str | None
) -> None:
    # the document's place, decided once, is the scope of a figure that names none
    place = document_jurisdiction(None, None, opening + "\n全年新认定高新技术企业120家。")
    assert place == scope
    assert one("全年新认定高新技术企业120家。", place=place).scope == scope


def test_a_share_of_people_is_named_for_the_people() -> None:
    f = one("持续推进科研人员减负专项行动,60%科研人员每周平均科研时间增加2小时。")
    # their share, not the people themselves: a table row "科研人员 60%" read as a count
    assert (f.value, f.unit, f.metric) == (60, "%", "科研人员占比")


def test_a_sum_given_to_counted_recipients_is_no_support_standard() -> None:
    # a reply reporting loans granted to 20 firms: what they got, not a standard laid down
    found = figures("组织银行通过“抵押+信用”方式,对20户企业给予300至500万元的贷款额度。")
    assert [(f.value, f.kind, f.metric) for f in found] == [
        (20, "actual", "企业"),
        (500, "actual", "贷款额度"),
    ]
    # a class of recipients: a standard
    f = one("对新认定的科技型企业给予最高500万元的贷款额度。")
    assert f.kind == "provision"


def test_support_standards_in_policy_wording() -> None:
    found = figures(
        "对新认定的国家级、省级孵化器分别给予50万元、20万元奖励。",
        "单个项目支持金额不超过300万元。",
        "每家企业每年累计补助不超过100万元。",
        "科技进步奖奖金从每人10万元调整为每人50万元。",
    )
    assert [(f.value, f.kind, f.metric) for f in found] == [
        (50, "provision", "国家级孵化器"),
        (20, "provision", "省级孵化器"),
        (300, "provision", "单个项目支持金额"),
        (100, "provision", "补助"),
        (10, "provision", "科技进步奖奖金(原)"),
        (50, "provision", "科技进步奖奖金"),
    ]
    # a sum paid out stays a result
    assert one("累计兑现科技创新券补贴2400万元。").kind == "actual"


def test_a_count_followed_by_a_verb_with_its_to_keeps_the_name_before_it() -> None:
    # "302家飙升至1490家": what follows the count is the change's predicate, whatever its verb,
    # not the noun the count counts
    found = figures(
        "科技型中小企业从302家飙升至1490家。",
        "全市高新技术企业从2020年的267家跃升至2025年的超1000家。",
    )
    assert [(f.value, f.metric) for f in found] == [
        (302, "科技型中小企业(原)"),
        (1490, "科技型中小企业"),
        (267, "高新技术企业"),
        (1000, "高新技术企业"),
    ]


def test_a_multiple_of_a_plan_periods_end_is_named_like_one_of_a_year() -> None:
    # "是“十二五”末的8.25倍" reads as "是2015年的8.25倍": the base is a time, not the name
    found = figures(
        "省级以上研发平台达到99家,是“十二五”末的8.25倍。",
        "孵化器达到40家,是“十三五”的2倍。",
    )
    assert [(f.value, f.metric) for f in found] == [
        (99, "省级以上研发平台"),
        (8.25, "省级以上研发平台"),
        (40, "孵化器"),
        (2, "孵化器"),
    ]


def test_a_year_followed_by_its_month_dates_the_figures() -> None:
    f = one("2022年7月,市政府办公厅印发通知,成立由23个市级单位为成员的工作小组。", doc_date=None)
    assert f.year == 2022
    # a year run into another number is no date
    assert one("2020年1097亿元。", doc_date=None).year is None


def test_conditions_and_standards_by_level_are_provisions() -> None:
    found = figures(
        "申请企业资产负债率须低于60%。",
        "奖励标准:国家级50万元,省级20万元。",
        "到2025年,研发投入强度须达到2.5%。",
    )
    assert [(f.value, f.kind) for f in found] == [
        (60, "provision"),
        (50, "provision"),
        (20, "provision"),
        (2.5, "target"),
    ]
    assert found[0].metric == "申请企业资产负债率"


def test_a_clause_about_our_city_is_the_documents_own_place() -> None:
    found = figures(
        "日前,2019年福建省院士专家工作站认定名单正式公布,我市共有11家企事业单位上榜。",
        place="漳州市",
    )
    assert found[-1].scope == "漳州市"


def test_a_title_that_names_a_work_report_it_follows_up_dates_the_figures() -> None:
    found = figures(
        "摸排拟申报省级以上研发机构企业12家。",
        doc_date="2025-05-07",
        title="科技局2025年政府工作报告落实情况(1-3月)",
    )
    assert found[0].year == 2025
    # a report's own title gives its delivery year, not the year its figures are about
    found = figures(
        "地区生产总值增长8.8%。", doc_date=None, title="2017年安徽省人民政府工作报告(全文)"
    )
    assert found[0].year is None


def test_the_start_of_a_period_dates_no_figure() -> None:
    found = one("2018年以来,市级部门累计投入财政经费超7000万元。", doc_date="2023-07-26")
    assert found.year is None
    # nor the paragraph's later sentences
    later = paragraph("2018年以来,支持重庆国际生物城建设。", "累计投入财政经费超7000万元。")
    assert later[0].year is None
    # a standard in force from a year is of that year
    assert one("2024年起,对新认定的企业给予10万元奖励。", doc_date="2023-05-10").year == 2024


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("已有12项重大科技项目推进实施中。", "重大科技项目"),
        ("同时发行1万亿元抗疫特别国债。", "抗疫特别国债"),
        ("第四条引导基金规模为20亿元。", "引导基金规模"),
        ("万盛经开区是首期批准成立的16个市级特色工业园区之一。", "市级特色工业园区"),
        ("实施联东U谷·马尾智能制造产业园等重大项目149个。", "重大项目"),
        ("固定资产投资五年累计完成9091亿元。", "固定资产投资"),
        ("申请企业年营业收入≤5亿元。", "申请企业年营业收入"),
        ("高等学校经费47.8亿元。", "高等学校经费"),
    ],
)
def test_metric_is_never_a_verb_a_list_of_examples_or_a_clipped_word(
    text: str, metric: str
) -> None:
    assert figures(text)[-1].metric == metric


def test_a_county_level_city_governs_its_bodies_figures() -> None:
    assert jurisdiction("昆山市科技局") == "昆山市"
    assert jurisdiction("锡林浩特市财政局") == "锡林浩特市"
    assert jurisdiction("超市科技局") is None
    assert jurisdiction("全市科技局") is None


def test_a_part_of_a_total_says_which_part() -> None:
    total, part = figures("2024年新增境内IPO上市公司17家,其中16家属于战略性新兴产业。")
    assert (total.metric, part.metric) == ("新增境内IPO上市公司", "境内IPO上市公司中战略性新兴产业")
    assert one("其中9家为高新技术企业。").metric == "高新技术企业"


# --- key-data rows of unseen pages: place, year and name (issue 15, item 2) ------------------------


@pytest.mark.parametrize(
    ("publisher", "title", "body", "place"),
    [
        # a city's summary saying 全市 once and ranking itself in its province twice is the city's
        # (an unseen 东莞 summary had no place on any row)
        (
            "市科技局",
            "市科技局2021年工作总结及2022年工作计划",
            "全市R&D投入强度提升至3.54%,跃居全省第二;高新技术企业数居全省地级市第一。"
            "东莞科技创新综合实力提升。促成33家东莞市企业与院所对接,成果在东莞转化。",
            "东莞市",
        ),
        # a reply that never says 我市 but names its city throughout (an unseen 天津 reply)
        (
            "市科技局",
            "市科技局关于对市十七届人大二次会议第0028号建议的答复",
            "天津市科技局会同有关部门研究。天津出台政策。天津市设立基金。",
            "天津市",
        ),
        # a province's body naming one of its cities twice does not make the reply the city's
        (
            "省科技厅",
            "省科技厅关于省十四届人大一次会议第61号建议办理情况的报告",
            "我厅支持六盘水市建设。六盘水市科技金融服务中心已运行。",
            None,
        ),
    ],
)
def test_a_text_is_about_the_place_it_names_as_its_own(
    publisher: str, title: str, body: str, place: str | None
) -> None:
    assert document_jurisdiction(publisher, title, body) == place


def test_a_page_whose_text_names_no_place_is_about_the_sites_owner() -> None:
    # an unseen 常州 statistics release says only 我市; its site's footer names the bureau
    body = "2014年我市全社会R&D经费支出127.9亿元。"
    page = f"您的位置:首页 >> 统计信息\n{body}\n主办单位:常州市统计局\n办公地址:常州市龙城大道"
    assert document_jurisdiction("统计局", None, body) is None
    assert document_jurisdiction("统计局", None, body, page) == "常州市"
    assert (
        document_jurisdiction(None, None, "全年我市新增高企162家。", "荆州市绩效考核网 版权所有")
        == "荆州市"
    )


def test_a_page_whose_text_names_no_place_is_about_the_body_its_frame_names() -> None:
    # a reply that signs nowhere and says only 我市: the page's crumbs or banner name the body
    body = "您提出的建议收悉,现答复如下:我局高度重视,全年我市技术合同成交额达120亿元。"
    crumbs = "当前位置:首页 > 政府机构 > 德阳市科学技术局 > 建议提案办理"
    assert document_jurisdiction(None, None, body, crumbs) == "德阳市"
    banner = "平凉市人民政府门户网站\n首页 | 政务公开 | 政务服务"
    assert document_jurisdiction("市科技局", None, body, banner) == "平凉市"
    assert document_jurisdiction(None, None, body, "当前位置:首页 > 建议提案办理") is None


@pytest.mark.parametrize(
    "opening",
    [
        "您提出的建议收悉。由我单位会同市财政局研究办理,现答复如下:",
        "您提出的建议收悉,我局会同市发改委认真研究,现答复如下:",
        "经我局与市财政局共同研究",
        "我局会同区科技局开展调研",
    ],
)
def test_a_reply_naming_a_body_by_its_level_only_names_no_place(opening: str) -> None:
    # "我局会同市发改委" joins two bodies of one unnamed city: no city called 局会同市
    body = f"{opening}\n近年来,我市技术合同成交额达120亿元。"
    assert document_jurisdiction(None, None, body) is None


def test_a_date_standing_as_a_clause_dates_the_clauses_after_it() -> None:
    found = figures(
        "日前,记者了解到,近年来,西藏充分发挥人才作用,2018年,西藏建成孵化载体74家,"
        "吸纳创新团队和初创企业1338家。",
        doc_date="2019-04-09",
    )
    assert [(f.value, f.year) for f in found] == [(74, 2018), (1338, 2018)]


def test_a_base_compared_with_is_of_its_own_year_and_measures_the_same_thing() -> None:
    found = figures("2023年,全市技术合同成交额达50亿元,比上年的40亿元增长25%。")
    assert [(f.value, f.year, f.metric) for f in found[:2]] == [
        (50, 2023, "技术合同成交额"),
        (40, 2022, "技术合同成交额"),
    ]
    base = figures("全市高新技术企业达到506家,较2020年的250家翻了一番。")[1]
    assert (base.year, base.metric) == (2020, "高新技术企业")


@pytest.mark.parametrize(
    ("text", "place", "metric", "scope"),
    [
        # the place opening the name is the figure's place, not part of what was counted
        ("2024年海南R&D经费投入109.61亿元。", "海南省", "R&D经费投入", "海南省"),
        # an amount brought together is named by what and how, never "成功撮合融资"
        ("为380户企业成功撮合融资34.5亿元。", "沈阳市", "融资撮合额", "沈阳市"),
        ("国家高新技术企业大幅跃升至7400多家。", "东莞市", "国家高新技术企业", "东莞市"),
        # one firm's figure is the firm's, not the city's total
        (
            "宁夏小巨人机床有限公司研发投入达3000万元。",
            "银川市",
            "研发投入",
            "宁夏小巨人机床有限公司",
        ),
    ],
)
def test_a_key_figure_says_what_was_counted_and_where(
    text: str, place: str, metric: str, scope: str
) -> None:
    found = figures(text, place=place)[-1]
    assert (found.metric, found.scope) == (metric, scope)


def test_a_target_counting_things_already_recognised_stays_a_target() -> None:
    # 已认定的 says which incubators the target counts, not that it was reached
    found = figures(
        "到2026年,推动已认定的科技企业孵化器中10家晋升为国家级孵化器。",
        section=("三、主要目标",),
        doc_date="2024-02-01",
    )
    assert [(f.value, f.kind) for f in found] == [(10, "target")]


def test_a_count_already_reached_in_a_plan_is_no_target() -> None:
    found = figures(
        "全市已建成省级以上众创空间12家,今年新增5家。",
        section=("三、2024年工作计划",),
        doc_date="2024-02-01",
    )
    assert [(f.value, f.kind) for f in found] == [(12, "actual"), (5, "target")]


@pytest.mark.parametrize(
    ("text", "place", "metric", "scope"),
    [
        # where a thing was done first is not whose figure it is (an unseen 无锡高新区 page)
        (
            "在无锡市区范围率先建立科技企业风补贷款支持体系,累计投放贷款达93亿元。",
            "无锡高新区",
            "贷款投放额",
            "无锡高新区",
        ),
        # a counted noun ends before what happens to it
        ("重点推动向家坝灌区一期二步工程等300个重点项目加快建设。", "宜宾市", "重点项目", "宜宾市"),
        ("剩余9项问题均取得阶段性成效。", "海拉尔区", "问题", "海拉尔区"),
        # a target word or a grant's verb is no part of a name
        ("科技创新平台力争达到170家以上。", "海西州", "科技创新平台", "海西州"),
        (
            "对新认定的市级以上创新平台(含重点实验室等)给予50万元。",
            "鞍山市",
            "市级以上创新平台",
            "鞍山市",
        ),
    ],
)
def test_a_key_figures_name_is_cut_where_the_thing_counted_ends(
    text: str, place: str, metric: str, scope: str
) -> None:
    found = figures(text, place=place)[-1]
    assert (found.metric, found.scope) == (metric, scope)


def test_a_yearly_budget_cap_for_a_support_programme_is_a_standard() -> None:
    found = one("市财政每年统筹安排不超过2000万元,按照结果导向、竞争性分配用于支持大孵化集群建设。")
    assert (found.kind, found.metric) == ("provision", "市财政统筹安排资金")


def test_a_count_said_as_what_there_is_now_names_the_thing_and_its_year() -> None:
    found = figures("全市目前有高新技术企业500家,科技型企业1200家。", doc_date="2025-08-27")
    assert [(f.metric, f.year) for f in found] == [("高新技术企业", 2025), ("科技型企业", 2025)]
    # 有效期内 is part of the name, not a verb 有
    assert one("目前已有有效期内高新技术企业830家。").metric == "有效期内高新技术企业"


def test_a_share_of_a_task_done_says_so() -> None:
    found = figures("全年我市发明专利申请量1350件,超额完成17%,完成省科技厅下达任务的124%。")
    assert [f.metric for f in found] == [
        "发明专利申请量",
        "发明专利申请量超额完成比例",
        "省科技厅下达任务完成率",
    ]


def test_two_short_items_share_the_noun_of_the_last() -> None:
    found = figures("我市申请和授权专利分别为97,573件和48,113件,分别增长了289.7%和351.4%。")
    assert [(f.metric, f.value) for f in found] == [
        ("申请专利", 97573),
        ("授权专利", 48113),
        ("申请专利", 289.7),
        ("授权专利", 351.4),
    ]


# --- key-data rows an unseen-set reader judged (issue 15 item 2) --------------------------------


def test_a_performer_opening_the_sentence_heads_its_later_figures() -> None:
    found = figures(
        "高等院校有R&D人员2.3万人,按实际工作时间计算的R&D人员全时当量1.6万人年。", place="青海省"
    )
    # the universities' staff, not the province's: no verb 有 and no clipped 按…计算的 in a name
    assert [f.metric for f in found] == ["高等院校R&D人员", "高等院校R&D人员全时当量"]
    # a part named after the whole keeps its own performer
    found = figures("全省R&D经费109亿元,其中企业R&D经费29亿元,R&D经费投入强度1.38%。")
    assert [f.metric for f in found] == ["R&D经费", "企业R&D经费", "R&D经费投入强度"]


def test_a_count_of_what_was_added_says_so() -> None:
    found = figures("全省新增国家级科技型中小企业100家以上、高新技术企业50家。")
    assert [f.metric for f in found] == ["新增国家级科技型中小企业", "新增高新技术企业"]
    assert one("以合作共建方式新增全国重点实验室2个。").metric == "新增全国重点实验室"
    found = figures("全年新认定高新技术企业33家,净增20家。")
    assert [f.metric for f in found] == ["新认定高新技术企业", "高新技术企业净增"]


def test_growth_against_a_distant_base_year_names_its_base() -> None:
    found = figures("R&D经费支出45亿元,较2000年增长152.6%。", doc_date="2012-03-01")
    assert [(f.metric, f.kind) for f in found] == [
        ("R&D经费支出", "actual"),
        ("R&D经费支出(较2000年)", "growth"),
    ]
    # against the year before it is the yearly rate, as every table shows it
    assert figures("2011年R&D经费支出45亿元,比2010年增长15%。")[1].metric == "R&D经费支出"


def test_a_period_ahead_makes_targets_and_people_are_not_craftsmen() -> None:
    found = figures("未来5年,我市将引进培养科技领军人才10名、优秀工匠1000名,再增加100万人口。")
    assert [(f.metric, f.kind) for f in found] == [
        ("引进培养科技领军人才", "target"),  # those brought in, not all there are
        ("优秀工匠", "target"),
        ("人口", "change"),
    ]
    assert one("今后三年,全市引进科技领军人才10名。").kind == "target"


def test_a_list_of_places_is_none_of_them_alone() -> None:
    found = one("展会期间,西宁、武汉、南京优秀科技成果600余项参展。", place="西宁市")
    assert (found.metric, found.scope) == ("西宁、武汉、南京优秀科技成果", "西宁市")


def test_an_untitled_summarys_headline_after_its_place_dates_and_places_its_figures() -> None:
    found = figures("青海省2011年科技工作总结", "全省共有R&D人员3.2万人。", doc_date=None)
    assert [(f.metric, f.year) for f in found] == [("R&D人员", 2011)]
    body = "青海省2011年科技工作总结\n全省共有R&D人员3.2万人,全省…"
    assert document_jurisdiction(None, None, body) == "青海省"
    # a bulletin opening with its year and its own place as subject dates its figures
    found = figures(
        "2009年全省开展第二次R&D资源清查。", "全省共有R&D人员3.2万人。", doc_date="2010-12-01"
    )
    assert [f.year for f in found] == [2009]


def _doc(*paragraphs: tuple[str, ...], section: tuple[str, ...] = ()) -> Structure:
    """Paragraphs of several sentences each."""
    sentences: list[Sentence] = []
    for p, texts in enumerate(paragraphs):
        for text in texts:
            sentences.append(
                Sentence(text=text, section=section, paragraph=p, index=len(sentences))
            )
    return Structure(sentences=sentences)


def test_a_passage_about_the_years_ahead_holds_targets_to_its_end() -> None:
    found = extract_indicators(
        SHA,
        _doc(
            (
                "未来5年,我市将围绕产业链布局创新链。",
                "靶向引进高层次人才100名,已建成院士工作站3家。",
            )
        ),
        "2023-05-01",
        "西宁市",
    )
    assert [(f.metric, f.kind) for f in found] == [
        ("引进高层次人才", "target"),
        ("院士工作站", "actual"),
    ]


def test_a_lists_lead_in_year_dates_every_item() -> None:
    found = extract_indicators(
        SHA,
        _doc(
            (
                "会上,省科技厅就全省2011年科技工作从五个方面进行了总结通报。",
                "一是全社会科技投入增加幅度较大。",
                "全年组织科技计划项目362项。",
                "二是科技产出取得实效。",
                "专利授权506件。",
            )
        ),
        None,
    )
    assert [(f.value, f.year) for f in found] == [(362, 2011), (506, 2011)]


def test_a_year_that_says_which_things_dates_no_later_figure() -> None:
    found = figures(
        "2010年海北州科技工作成效显著",
        "对2009年立项实施的5个省级项目通过项目验收。",
        "在全州举办农牧民实用技术培训班46期。",
        doc_date=None,
    )
    assert [(f.value, f.year) for f in found] == [(5, 2010), (46, 2010)]


def test_a_bulletins_subject_and_year_govern_its_part() -> None:
    section = ("一、R&D人员情况",)
    structure = _doc(
        ("根据第二次全国R&D资源清查结果,现将全日制普通高等院校R&D主要指标公布如下:",),
        ("2009年全国有高等院校2305个,其中开展R&D活动的高等院校1354个。",),
        section=(),
    )
    part = _doc(
        ("2009年全国高等院校有R&D人员50.9万人。",),
        ("2009年按实际工作时间计算的R&D人员全时当量27.5万人年。",),
        ("按活动类型分,基础研究人员全时当量11.3万人年。",),
        section=section,
    )
    sentences = [
        *structure.sentences,
        *(
            Sentence(text=s.text, section=s.section, paragraph=s.paragraph + 2, index=s.index + 2)
            for s in part.sentences
        ),
    ]
    found = extract_indicators(SHA, Structure(sentences=sentences), "2010-11-22")
    assert [(f.metric, f.year) for f in found] == [
        ("高等院校", 2009),
        ("开展R&D活动的高等院校", 2009),
        ("高等院校R&D人员", 2009),
        ("高等院校R&D人员全时当量", 2009),
        ("基础研究人员全时当量", 2009),
    ]


def test_a_grant_a_summary_reports_is_a_sum_not_a_standard() -> None:
    found = figures("全州共申报各类科技项目35项,申请资助资金1244万元。")
    assert [(f.metric, f.kind) for f in found] == [
        ("申报各类科技项目", "actual"),
        ("申请资助资金", "actual"),
    ]
    found = figures("其中,科技促进新农村计划16项,资助资金159万元。")
    assert found[1].kind == "actual"
    # a standard a policy lays down stays one
    assert one("对认定的国家级孵化器,给予资助资金100万元。").kind == "provision"


def test_a_part_of_the_staff_is_not_placed_at_a_university() -> None:
    found = figures("R&D人员50.9万人,其中大学本科及以上学历人员44.8万人。", place="青海省")
    assert [f.scope for f in found] == ["青海省", "青海省"]


def test_a_summary_and_plan_title_dates_what_was_done_by_the_year_reviewed() -> None:
    title = "2016年科技创新工作总结及2017年工作安排"
    assert one("全市新增高新技术企业50家。", title=title, doc_date=None).year == 2016


def test_a_replys_title_year_does_not_date_its_answer() -> None:
    # a reply to a deputy's proposal names the session's year in its title; what the answer
    # counts (totals so far, last year's results) is not that year's unless its text says so
    title = "关于2024年省人大十四届二次会议第215号建议的答复"
    answer = "目前全省已建成省级新型研发机构86家,累计认定科技型中小企业1.2万家。"
    assert [f.year for f in figures(answer, title=title, doc_date=None)] == [None, None]
    said = "2023年全省技术合同成交额达到560亿元。"
    assert one(said, title=title, doc_date=None).year == 2023
    # a summary's title still dates what it reviews
    assert one(answer.split(",")[1], title="2024年科技工作总结", doc_date=None).year == 2024


def test_the_value_a_change_reaches_takes_the_deadline_before_it_not_its_start_year() -> None:
    # a plan's target: "到2025年,…由2020年的2.1%提高到2.5%" -- 2.1% is 2020's, 2.5% the 2025 goal
    got = figures(
        "到2025年,全社会研发经费投入强度由2020年的2.1%提高到2.5%。",
        "2023年,全市科技型中小企业从2022年的850家增加到1200家。",
        doc_date="2022-05-10",
        title="关于加快建设科技强市的实施意见",
    )
    assert [(f.value, f.year) for f in got] == [(2.1, 2020), (2.5, 2025), (850, 2022), (1200, 2023)]


def test_the_value_a_change_reaches_is_never_dated_before_its_start() -> None:
    # the sentence opens on 2018 (the city's approval); the count rose from 850 in 2020, so the
    # 1320 it reached is not 2018's: left undated rather than two years before its start
    got = figures(
        "2018年我市获批国家创新型城市，高新技术企业数量由2020年的850家增加到1320家。",
        doc_date="2024-06-20",
        title="我市创新驱动发展成效明显",
    )
    assert [(f.value, f.year) for f in got] == [(850, 2020), (1320, None)]


def test_a_change_in_force_from_a_year_on_is_of_that_year() -> None:
    # "从2023年起" is the date a new rate takes effect, not a start "从2023年的…": the rate a
    # 2022 policy sets from 2023 on is 2023's, and so is the rate it replaces
    got = figures(
        "从2023年起，企业研发费用加计扣除比例统一提高到100%。",
        "从2023年1月1日起，科技型中小企业研发费用税前加计扣除比例由75%提高至100%。",
        doc_date="2022-12-15",
        title="关于进一步支持企业加大研发投入的若干措施",
    )
    assert [(f.value, f.year) for f in got] == [(100, 2023), (75, 2023), (100, 2023)]


def test_a_start_printed_right_after_its_year_is_that_years_not_the_values_reached() -> None:
    # a start written without 的 ("从2020年末85亿元", "由2020年2.1%") is still a start: the value
    # it is 2020's, and the value reached is of the date before the change, not the start's
    got = figures(
        "到2024年底，全市研发投入强度由2020年2.1%提高到2.6%，高新技术企业由2020年1200家增加到3500家。",
        "截至2024年，技术合同成交额从2020年末85亿元增长到210亿元。",
        doc_date="2025-06-20",
        title="某某市“十四五”科技创新规划实施情况评估报告",
    )
    assert [(f.value, f.year) for f in got] == [
        (2.1, 2020),
        (2.6, 2024),
        (1200, 2020),
        (3500, 2024),
        (85, 2020),
        (210, 2024),
    ]


def test_what_a_project_serves_is_named_without_a_dangling_preposition() -> None:
    assert one("服务于甘肃省内其他市州的项目38个。").metric == "甘肃省内其他市州的项目"


def test_the_start_of_a_year_standing_as_a_clause_dates_what_follows() -> None:
    structure = _doc(
        (
            "2022年我市出台实施方案。",
            "推动产业集群发展,2025年初,组织开展软件和信息服务等22个重点细分领域的产业图谱编制工作。",
        )
    )
    found = extract_indicators(SHA, structure, "2025-05-20")
    assert [(f.value, f.year) for f in found] == [(22, 2025)]
    # in one sentence too: the later date is the one the clause follows
    found = figures("2022年出台实施方案,2025年初,编制22个重点细分领域的产业图谱。")
    assert [(f.value, f.year) for f in found] == [(22, 2025)]


def test_a_year_compared_with_or_ending_a_span_is_no_deadline() -> None:
    # a page without a date: 到2023年的85.5亿元 is the value reached, 2020年至2023年 the span it grew over
    got = figures(
        "全社会研发经费投入从2020年的59.64亿元增长到2023年的85.5亿元,年均增速12.76%。",
        "2020年至2023年,国家高新技术企业、国家科技型中小企业分别增长106%和115%。",
        doc_date=None,
    )
    assert [(f.value, f.kind) for f in got] == [
        (59.64, "actual"),
        (85.5, "actual"),
        (12.76, "growth"),
        (106.0, "growth"),
        (115.0, "growth"),
    ]
    # a deadline still is one
    assert one("到2027年,全社会研发经费投入达到100亿元。", doc_date=None).kind == "target"


def test_a_rate_after_a_span_is_of_its_end_year_and_names_the_span() -> None:
    # the unseen-set reader: the rate carried the span's first year (2020) and no name of its own
    *_, rate = figures(
        "全社会研发经费投入从2020年的59.64亿元增长到2023年的85.5亿元,年均增速12.76%。",
        doc_date=None,
    )
    assert (rate.metric, rate.year, rate.kind) == (
        "全社会研发经费投入年均增速(2020—2023年)",
        2023,
        "growth",
    )
    *_, rate = figures(
        "专利授权量由2015年的18942项增加到2020年的28475项,增长50.3%。", doc_date="2021-09-28"
    )
    assert (rate.metric, rate.year) == ("专利授权量(2015—2020年)", 2020)


def test_a_gap_against_a_reference_is_named_after_what_is_compared() -> None:
    # not "高于全国平均水平" or "比全国平均增速高" alone: whose share, whose rate
    sentences = (
        "企业研发经费占比达到78%,高于全国平均水平3个百分点。",
        "研发经费增速达到20%,比全国平均增速高10个百分点。",
        "全省研发经费投入强度为2.14%,与全国平均水平相差0.4个百分点。",
        "全市实现高新技术产业增加值630.4亿元、增长7.7%,高于规上工业增加值增速0.1个百分点。",
    )
    gaps = [(figures(s)[-1].metric, figures(s)[-1].value) for s in sentences]
    assert gaps == [
        ("企业研发经费占比高于全国平均水平", 3),
        ("研发经费增速比全国平均增速高", 10),
        ("研发经费投入强度与全国平均水平差距", 0.4),
        ("高新技术产业增加值增速高于规上工业增加值增速", 0.1),
    ]
    # a change against the year before and a bound a policy sets are no gaps
    assert one("比上年多50家。").metric is None
    bound = one("省级财政投入基础研究的资金不低于省级科技专项资金的25%。")
    assert bound.metric == "省级财政投入基础研究的资金不低于省级科技专项资金"  # a share's bound


def test_a_five_year_plans_period_dates_its_targets() -> None:
    found = figures(
        "“十四五”期间,力争全市高新技术企业达到500家。",
        "技术合同成交额力争达到100亿元。",
        doc_date="2021-12-30",
        section=("一、发展目标", "(二)“十四五”时期主要目标"),
    )
    assert [(f.value, f.kind, f.year) for f in found] == [
        (500, "target", 2025),
        (100, "target", 2025),
    ]


def test_a_growth_since_a_period_names_the_period() -> None:
    found = figures(
        "“十四五”以来,全市高新技术企业和科技型中小企业分别增长106%和115%,累计引进人才3000人。",
        title="2024年科技工作总结",
    )
    assert [f.metric for f in found] == [
        "高新技术企业(“十四五”以来)",
        "科技型中小企业(“十四五”以来)",
        "引进人才(“十四五”以来)",
    ]


def test_a_share_stated_as_a_shortfall_is_named_as_the_share() -> None:
    # not "规上工业企业没有研发活动的占" or "…的只有" as the name of an achievement
    lacking, few = figures(
        "规上工业企业没有研发活动的占66%,大中型工业企业建有研发机构的只有40%左右。"
    )
    assert (lacking.metric, lacking.value) == ("规上工业企业没有研发活动的占比", 66)
    assert (few.metric, few.value, few.qualifier) == (
        "大中型工业企业建有研发机构的占比",
        40,
        "只有…左右",
    )


def test_a_firm_before_a_figure_is_its_scope_not_its_name() -> None:
    f = one("国家能源集团宁夏煤业有限责任公司400万吨煤炭间接液化示范项目建成投产。")
    assert (f.metric, f.scope) == ("煤炭间接液化示范项目", "国家能源集团宁夏煤业有限责任公司")


def test_a_class_a_quality_and_a_round_number_are_read_as_the_text_means() -> None:
    # "20亿级项目" is a class of projects, not 亿级项目; a count of things having a quality is a
    # count of those things, not of 具有; 场次 is one unit; 约有 is no name
    (target,) = figures("力争引进20亿级项目不少于12个。")
    assert (target.metric, target.value, target.qualifier) == ("20亿级项目", 12, "不少于")
    assert one("实施1000项具有突破性的技术攻关。").metric == "具有突破性的技术攻关"
    shows = one("启动80余场次文化惠民系列演出活动。")
    assert (shows.value, shows.unit, shows.metric) == (80, "场次", "文化惠民系列演出活动")
    assert one("目前约有150人。").metric is None


def test_places_listed_with_a_term_holding_yu_share_its_name() -> None:
    # 研究与试验发展 holds 与, which is no list joint here: each place keeps its own row, and each
    # row is its place's, one way for all four: a division the list of divisions does not know
    # (水城区, named after it) beside ones it knows is a place too
    found = figures(
        "钟山区、六枝特区、水城区和盘州市研究与试验发展(R&D)经费投入所占比重分别为"
        "42.6%、7.0%、27.5%、22.9%。"
    )
    assert [f.scope for f in found] == ["钟山区", "六枝特区", "水城区", "盘州市"]
    assert all(f.metric is not None and f.metric.endswith("经费投入所占比重") for f in found)


def test_a_year_opening_a_clause_or_a_lead_in_dates_what_follows() -> None:
    # an unseen 河北 reply: the rate, the share and the patents after "2017年…" had no year
    found = figures(
        "近年来,全省科技创新能力不断提升,2017年全社会研究与发展(R&D)经费支出449.5亿元,"
        "比上年增长17.2%,占全省生产总值的比例为1.25%;实施506项市级重大科技攻关项目。",
        doc_date="2018-07-16",
    )
    assert [(f.value, f.year) for f in found] == [
        (449.5, 2017),
        (17.2, 2017),
        (1.25, 2017),
        (506, None),  # past the semicolon, another matter
    ]
    # an unseen 昆明 report: a list's lead-in dates its items
    found = figures(
        "政府工作报告指出,2025年全市经济社会发展主要预期目标建议为:地区生产总值增长5%左右,"
        "产业投资增长7%左右。",
        doc_date=None,
    )
    assert [(f.value, f.year) for f in found] == [(5, 2025), (7, 2025)]


def test_people_brought_in_are_named_with_the_verb_that_brought_them() -> None:
    # "高校毕业生 2100余人" read as all the graduates there are; these are the ones taken on
    found = figures("2019年,引育高层次人才2355人,吸纳高校毕业生2100余人,选派科技特派员120名。")
    assert [f.metric for f in found] == ["引育高层次人才", "吸纳高校毕业生", "选派科技特派员"]
    # a count of things keeps its noun alone
    assert one("2019年,引进科技项目12个。").metric == "科技项目"


def test_a_support_ratio_is_named_as_the_share_of_its_base() -> None:
    # an unseen 鞍山 policy: "融资租赁额 20%" read as the lease amount itself; the ratio is
    # named after what it supports when the condition before it says (the full sentences)
    found = figures(
        "企业通过融资租赁方式取得大型科研仪器的,按融资租赁额的20%给予补助。",
        "对企业单个科技信贷项目,按执行利率给予2%的贴息补助,最高不超过20万元。",
        "按执行利率给予2%的贴息补助,最高不超过20万元。",
    )
    assert [(f.metric, f.value, f.kind) for f in found] == [
        ("大型科研仪器补助比例(按融资租赁额)", 20, "provision"),
        ("企业单个科技信贷项目贴息比例(按执行利率)", 2, "provision"),
        ("企业单个科技信贷项目贴息补助", 20, "provision"),  # the cap is of the grant
        ("执行利率贴息比例", 2, "provision"),
        ("贴息补助", 20, "provision"),
    ]
    # a threshold or a catch-all condition names nothing supported: the base names the ratio
    # (the reviewer's: "企业研发投入超过500万元奖励比例(按…)" was not printed at all)
    found = figures("企业研发投入超过500万元的,按研发投入增量的10%给予奖励。")
    assert [(f.metric, f.kind) for f in found if f.value == 10] == [
        ("企业研发投入增量奖励比例", "provision")
    ]
    found = figures("对符合条件的企业,按研发费用的10%给予补助,最高不超过100万元。")
    assert [(f.metric, f.value) for f in found] == [("研发费用补助比例", 10), ("研发费用", 100)]


def test_a_support_ratio_is_named_after_what_it_supports() -> None:
    # the unseen-set judges: "合同金额补助比例", a provision without its subject
    found = figures(
        "对企业购买技术成果的,按合同金额的10%给予补助,最高50万元。",
        "企业通过融资租赁方式取得大型科研仪器的,按融资租赁额的20%给予补助。",
        "对新建国家重大科技基础设施,最高按项目投资额的20%给予资助。",
    )
    assert [(f.metric, f.value, f.kind) for f in found] == [
        ("企业购买技术成果补助比例(按合同金额)", 10, "provision"),
        ("企业购买技术成果补助", 50, "provision"),  # the cap, of the grant (was 合同金额)
        ("大型科研仪器补助比例(按融资租赁额)", 20, "provision"),
        ("国家重大科技基础设施资助比例(按项目投资额)", 20, "provision"),
    ]


def test_the_place_in_a_news_dateline_is_where_the_item_was_filed_not_its_scope() -> None:
    """经济日报北京10月3日讯: the national totals that follow are not Beijing's; a place named
    after the dateline still is."""
    national = figures(
        "经济日报北京10月3日讯（记者熊丽）国家统计局发布的公报显示，2023年全国研究与试验发展经费"
        "投入总量突破3.3万亿元。"
    )
    assert [f.scope for f in national if f.value == 3.3] == ["全国"]
    local = figures("新华社北京3月5日电 2023年，天津市技术合同成交额达到1900亿元。")
    assert [f.scope for f in local if f.value == 1900] == ["天津市"]


def test_dang_nian_is_the_year_the_text_before_named() -> None:
    """当年 is "that year": after 到2025年 in a 2022 plan it is 2025; with no year before it, the
    document's own."""
    targets = figures(
        "到2025年,科技成果转化体系基本形成。当年吸纳技术合同成交额超过100亿元。",
        doc_date="2022-06-01",
    )
    assert [(f.value, f.year) for f in targets] == [(100.0, 2025)]
    plain = figures("当年新增高新技术企业120家。", doc_date="2024-01-10")
    assert [(f.value, f.year) for f in plain] == [(120.0, 2024)]


def test_a_period_since_reaches_neither_past_a_semicolon_nor_onto_a_later_date() -> None:
    # the reviewer: 党的十八大以来 labelled the 2023 figures after the semicolon
    found = figures(
        "党的十八大以来,我市累计培育科技型企业2万家;2023年,全市高新技术企业达到5000家,"
        "技术合同成交额增长20%。",
        title="2023年科技工作总结",
    )
    assert [f.metric for f in found] == [
        "科技型企业(党的十八大以来)",
        "高新技术企业",
        "技术合同成交额",
    ]
    # a total is the period's only when its own clause says 累计; a later year dates the rest
    found = figures(
        "“十四五”以来,全市高新技术企业达到5000家,累计引进人才3000人,2023年技术合同成交额增长20%。",
        title="2024年科技工作总结",
    )
    assert [f.metric for f in found] == ["高新技术企业", "引进人才(“十四五”以来)", "技术合同成交额"]


def test_the_year_of_an_event_opening_a_clause_dates_no_later_figure() -> None:
    # the reviewer, in a 2023 summary: 2019 is when the city was approved, 2018 when a policy came
    found = figures(
        "我市加快建设创新型城市,2019年获批国家创新型城市,全市高新技术企业达到5000家,"
        "技术合同成交额达到300亿元。",
        "我市持续优化创新生态,2018年出台《科技创新若干政策》,累计兑现奖补资金5亿元。",
        title="2023年科技工作总结",
        doc_date="2024-01-10",
    )
    assert [(f.value, f.year) for f in found] == [(5000, 2023), (300, 2023), (5, 2023)]


def test_a_five_year_period_compared_with_is_no_deadline() -> None:
    # the reviewer: under a 2024 plan, 较“十三五”末 erased the target's year
    [f] = figures(
        "力争全社会研发经费投入强度较“十三五”末提高0.5个百分点。",
        section=("二、2024年工作计划",),
        doc_date="2024-01-10",
    )
    assert (f.kind, f.year) == ("target", 2024)


def test_a_rate_of_another_metric_after_a_span_is_not_labelled_with_the_span() -> None:
    # the reviewer: 技术合同成交额 grew 30%, not over 高新技术企业's span 2020—2023
    *_, rate = figures(
        "高新技术企业从2020年的250家增加到2023年的506家,技术合同成交额增长30%。", doc_date=None
    )
    assert rate.metric == "技术合同成交额"


def test_figures_since_a_period_or_after_a_dated_clause_take_linear_time() -> None:
    # the reviewer's hostile lines: one 以来 phrase or one dated clause, then thousands of figures
    since = "“十四五”以来," + "全市技术合同成交额增长12%," * 10_000
    dated = "2017年全社会R&D经费支出449.5亿元," + "比上年增长17.2%," * 15_000
    assert scaling_ratio(lambda n: figures(since[: 15 * n]), 200) < 40  # quadratic: 100
    # a scan per figure in C: quadratic shows as about 40 at this size, linear as 10
    assert scaling_ratio(lambda n: figures(dated[: 10 * n]), 1_000) < 25


def test_a_clause_opening_with_a_measure_word_names_the_subject_before_it() -> None:
    # the unseen-set judges: "登记额" and a bare "强度" in the key-data table, their subject lost
    found = figures(
        "全年登记技术合同1200项,登记额35.6亿元。",
        "全社会研发经费投入120亿元,强度达到2.5%。",
        "全年共签订技术合同3.2万项,成交金额突破1200亿元。",
        "全区市级以上平台达642个,占比超80%。",
    )
    assert [f.metric for f in found] == [
        "登记技术合同",
        "技术合同登记额",
        "全社会研发经费投入",
        "全社会研发经费投入强度",
        "技术合同",
        "技术合同成交金额",
        "市级以上平台",
        "市级以上平台占比",
    ]


def test_a_measure_word_after_a_figure_named_by_the_noun_after_it_keeps_its_name() -> None:
    # "23条主干道已基本完成…改造,投资1.2亿元…": the amount is not the 主干道's
    found = figures("城区23条主干道已基本完成改造,成交额1.2亿元。")
    assert found[-1].metric == "成交额"
    # an amount is no subject of the amount after it: not 营业出口额 (营业收入 cut in two)
    found = figures("2023年,高新技术企业实现营业收入5000亿元,出口额300亿元。")
    assert [f.metric for f in found] == ["营业收入", "出口额"]


def test_a_preposition_or_adverb_before_the_date_or_verb_is_no_part_of_a_name() -> None:
    # the unseen-set judges: "总量于" as a metric name
    found = figures(
        "全市高新技术企业总量于2024年底突破500家。", "全市高新技术企业总量将达到600家左右。"
    )
    assert [f.metric for f in found] == ["高新技术企业总量", "高新技术企业总量"]
    # the 要 of 纪要 is no modal
    found = figures("2023年,印发专题会议纪要36份。", "2023年,编发科技工作会议纪要36期。")
    assert [f.metric for f in found] == ["专题会议纪要", "编发科技工作会议纪要"]


def test_a_measure_word_after_a_flow_names_the_thing_not_the_flow_and_is_not_repeated() -> None:
    # a 蚌埠 summary's key data read "科技型中小企业新增总数总数 650家"
    found = figures(
        "科技型中小企业新增258家,总数达795家,超额完成全年总数650家,增幅达48%。",
        "中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元、增长18%。",
    )
    assert [f.metric for f in found] == [
        "新增科技型中小企业",  # as 新增 reads elsewhere (新增国家级科技型中小企业)
        "科技型中小企业总数",
        "科技型中小企业总数",
        "科技型中小企业总数增幅",
        "中央对地方转移支付",
        "中央对地方转移支付规模",
        "中央对地方转移支付规模",
    ]
    # an adverb before 新增 stays with it: never "新增科技型中小企业年均" (printed as …年)
    found = figures("“十四五”以来,科技型中小企业年均新增300家。", "科技型中小企业每年新增300家。")
    assert [f.metric for f in found] == ["科技型中小企业年均新增", "科技型中小企业每年新增"]


def test_adverbs_modals_and_a_reading_month_at_the_end_are_no_part_of_a_name() -> None:
    # "有望", "增速要", "…成交额10月底" as names in the key-data table; 纲要 and 许可 are nouns
    found = figures(
        "全市技术合同成交额10月底达到62.3亿元,全年有望突破75亿元。",
        "大型商业银行普惠型小微企业贷款增速要高于40%。",
        "研发投入总量首次突破100亿元,科技型企业数量已经达到500家。",
        "出台规划纲要3部,办理行政许可1200件。",
    )
    assert [f.metric for f in found] == [
        "技术合同成交额",
        "技术合同成交额",
        "大型商业银行普惠型小微企业贷款增速",
        "研发投入总量",
        "科技型企业数量",
        "规划纲要",
        "办理行政许可",
    ]
    assert found[0].text == "全市技术合同成交额10月底达到62.3亿元"  # the quote keeps the month
    assert found[1].qualifier == "有望突破"  # an expectation, as 预计, is said beside the value


def test_an_undated_target_of_a_plan_is_of_the_year_the_plan_is_for() -> None:
    plan = "关于印发《宿迁市2024年度创新型城市建设重点任务推进计划》的通知"
    # the title's year dates a plan's targets already; an undated plan's own date does too
    [f] = figures(
        "力争全社会R&D经费支出占GDP比重达到2.2%。",
        title="某市科技创新若干措施",
        doc_date="2023-02-24",
    )
    assert (f.kind, f.year) == ("target", 2023)
    [f] = figures("力争全社会R&D经费支出占GDP比重达到2.2%。", title=plan, doc_date="2023-12-24")
    assert f.year == 2024
    # a plan for several years: the end of its span, or no year when its title gives none
    [f] = figures(
        "力争全社会研发经费投入强度达到2.5%。",
        title="某市“十四五”科技创新规划",
        doc_date="2021-09-01",
    )
    assert (f.kind, f.year) == ("target", 2025)
    [f] = figures(
        "力争高新技术企业达到500家。", title="某市科技创新三年行动方案", doc_date="2023-03-01"
    )
    assert (f.kind, f.year) == ("target", None)
    # a span written 2024年至2026年 or with no 年 after it; a target for every year of the span
    # is of none of them; an 意见 naming no year sets aims for the years ahead
    for span in ("(2024年至2026年)", "（2024—2026）", "（2024—2026年）"):
        [f] = figures(
            "力争高新技术企业数量达到1500家。",
            title=f"宁波市推动科技创新高质量发展行动方案{span}",
            doc_date="2024-03-01",
        )
        assert (f.kind, f.year) == ("target", 2026), span
    [f] = figures(
        "力争每年新增高新技术企业100家以上。",
        title="XX市科技创新行动计划（2023—2025年）",
        doc_date="2023-04-01",
    )
    assert (f.kind, f.year) == ("target", None)
    [f] = figures(
        "力争研发经费投入强度达到3%。",
        title="关于加快建设科技强市的实施意见",
        doc_date="2024-03-01",
    )
    assert (f.kind, f.year) == ("target", None)
    # a reply's next steps have no year of their own
    [f] = figures("下一步,我局将力争新增高新技术企业100家。", title="关于市人大代表建议的答复")
    assert (f.kind, f.year) == ("target", None)


def test_the_end_of_a_five_year_period_ahead_is_a_deadline_and_no_deadline_opens_a_name() -> None:
    [f] = figures("到“十四五”末,全市高新技术企业达到2000家。", doc_date="2024-03-05")
    assert (f.metric, f.kind, f.year) == ("高新技术企业", "target", 2025)
    # 截至…末 is a stock at the period's end, as 截至2025年底
    [f] = figures("截至“十四五”末,全市高新技术企业达到3000家。", doc_date="2025-12-20")
    assert f.kind == "actual"
    found = figures("力争到2025年末全市R&D经费投入强度达到2.5%。", doc_date="2024-03-05")
    assert [(f.metric, f.kind, f.year) for f in found] == [("R&D经费投入强度", "target", 2025)]


def test_an_undated_plan_is_for_the_year_its_preamble_names() -> None:
    found = figures(
        "市委、市政府决定,2024年在全市开展“科技创新年”活动,现制定如下实施方案。",
        "力争全年研发经费增速不低于19%。",
        title="关于印发《南阳市“科技创新年”活动实施方案》的通知",
        doc_date=None,
    )
    assert [(f.kind, f.year) for f in found] == [("target", 2024)]


def test_an_estimate_or_a_two_year_span_opening_a_name_is_no_part_of_it() -> None:
    found = figures(
        "预计2012年全市生产总值完成3440亿元左右。",
        "今明两年职业技能培训3500万人次以上。",
        "今年赤字率拟按2.8%左右安排。",
    )
    assert [f.metric for f in found] == ["生产总值", "职业技能培训", "赤字率"]


def test_a_project_is_named_with_the_verb_and_payer_that_funded_or_approved_it() -> None:
    # key-data rows read "项目 10项", "项目 460项"
    found = figures(
        "获批省科学技术奖励项目10项。", "实施市级专利资助项目460项。", "组织实施项目50个。"
    )
    assert [f.metric for f in found] == ["省科学技术奖励项目", "市级专利资助项目", "项目"]


def test_a_quoted_name_is_never_cut_at_a_verb_inside_it() -> None:
    # the judges: names cut inside a quote ("企业" for a “…评价入库”企业 count)
    found = figures(
        "“科技型中小企业评价入库”企业达到1200家。",
        "“引进培育高层次人才”计划入选人数达到120人。",
    )
    assert [f.metric for f in found] == [
        "“科技型中小企业评价入库”企业",
        "“引进培育高层次人才”计划入选人数",
    ]


def test_an_amount_paid_named_before_its_verb_is_named_as_after_it() -> None:
    found = figures("“金凤凰”人才购房补贴发放1200万元。", "全年知识价值信用贷款投放12亿元。")
    assert [f.metric for f in found] == ["“金凤凰”人才购房补贴", "知识价值信用贷款投放额"]


def test_the_aim_a_summary_reports_reaching_is_a_target_of_that_year() -> None:
    # a 蚌埠 summary: 650家 was the year's aim, 795家 what was reached
    found = figures(
        "科技型中小企业新增258家,总数达795家,超额完成全年总数650家目标任务。",
        section=("一、2022年工作总结",),
        doc_date="2023-01-10",
    )
    assert [(f.value, f.kind, f.year) for f in found] == [
        (258, "actual", 2022),
        (795, "actual", 2022),
        (650, "target", 2022),
    ]
    # a rate of completion is what was reached
    [f] = figures("完成年度目标任务215%。")
    assert f.kind == "actual"


def test_a_rate_cut_or_raised_is_named_as_the_cut_or_rise_of_its_object() -> None:
    # national work reports: "降低工商业电价5%" read as a name 降低工商业电价
    found = figures("降低工商业电价5%。", "居民消费价格上涨2.9%。", "宽带和专线平均资费降低15%。")
    assert [(f.metric, f.qualifier) for f in found] == [
        ("工商业电价降幅", None),
        ("居民消费价格", None),
        ("宽带和专线平均资费", "降低"),
    ]
    # 增加值 is a noun, not the verb 增加; a rate raised or cut *to* a level is the level
    found = figures(
        "数字经济核心产业增加值1200亿元,增加值占比达到10.5%。",
        "增加值占地区生产总值比重达到10.5%。",
        "提高企业研发费用加计扣除比例至100%。",
        "下调科技型企业贷款担保费率至1%。",
    )
    assert [f.metric for f in found] == [
        "数字经济核心产业增加值",
        "增加值占比",
        "增加值占地区生产总值比重",
        "提高企业研发费用加计扣除比例",
        "下调科技型企业贷款担保费率",
    ]


def test_a_five_year_review_is_not_dated_by_the_year_its_heading_names() -> None:
    """A 2026 work report's "一、2025年和“十四五”时期工作回顾": its five-year passage's totals are
    of the period, not of 2025; the year's own passage before it, and a year the text prints,
    still date their figures, and "过去一年" after it is that year again."""
    review = ("一、2025年和“十四五”时期工作回顾",)
    structure = _doc(
        ("全年地区生产总值增长5.5%。",),
        ("2025年是“十四五”收官之年。", "五年来,技术合同成交额累计达260亿元。"),
        ("——科技创新能力实现新跃升。大科学装置新增2个,全社会研发投入年均增长11.5%。",),
        ("这是经济实力持续提升的五年。", "2020年全市实现生产总值1097亿元。"),
        ("过去一年,全市新增高新技术企业120家。",),
        section=review,
    )
    found = extract_indicators(SHA, structure, "2026-01-27")
    years = {(f.value, f.unit): f.year for f in found}
    assert years == {
        (5.5, "%"): 2025,
        (260, "亿元"): None,
        (2, "个"): None,
        (11.5, "%"): None,
        (1097, "亿元"): 2020,
        (120, "家"): 2025,
    }


def test_what_a_five_year_review_added_up_is_not_dated_by_the_sentence_before() -> None:
    # a year printed in one sentence of the review dates a level reached after it, not what
    # the five years added up (新增…, 累计…)
    structure = _doc(
        ("五年来,我们坚定不移推进科技创新。",),
        (
            "2025年外国人来琼工作人数较2020年增长90%。",
            "全职在琼两院院士增至10人。",
            "新增技能人才39.87万人次。",
            "获评何梁何利奖2人、国家卓越工程师3人。",
        ),
        section=("一、2025年和“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-27")
    years = {(f.value, f.unit): f.year for f in found}
    # the awards were won over the five years: not 2025's (a 2026 judge read them as 2025's)
    assert years == {
        (90, "%"): 2025,
        (10, "人"): 2025,
        (39.87, "万人次"): None,
        (2, "人"): None,
        (3, "人"): None,
    }


def test_a_grant_to_a_named_beneficiary_is_a_provision_in_a_plan_too() -> None:
    # "对…实验室,第一年安排1亿元启动资金支持": a standard the policy sets, not a target; without
    # its beneficiary an allocation in a plan stays a target
    text = "2.对获批组建的辽宁实验室,第一年安排1亿元启动资金支持,之后年度给予每年最高1亿元的补助资金支持。"
    found = figures(text, section=("二、支持措施",), place="大连市")
    assert [(f.kind, f.value) for f in found] == [("provision", 1), ("provision", 1)]
    assert one("第一年安排1亿元启动资金支持。", section=("二、下一步工作",)).kind == "target"


def test_a_place_in_a_bodys_name_is_not_the_figures_place() -> None:
    # a 大连 policy's grant to the 辽宁实验室 is 大连's; Guangdong's bases are not 深圳's for the
    # 深圳河套学院 named before them; a place before what it built is still the place
    lab = "对获批组建的辽宁实验室,第一年安排1亿元启动资金支持。"
    assert one(lab, section=("二、支持措施",), place="大连市").scope == "大连市"
    bases = "建成国家人工智能学院深圳河套学院,创建3个国家人工智能应用中试基地。"
    assert one(bases, place="广东省").scope == "广东省"
    assert one("深圳新建重点实验室5个。", place="广东省").scope == "深圳市"


def test_a_beneficiary_is_never_the_figures_place() -> None:
    text = "对国内外知名的科研院所设立分支机构,根据研发人员数量等给予最高500万元科研经费补助。"
    found = one(text, place="海南省")
    assert (found.kind, found.scope) == ("provision", "海南省")


def test_the_years_ahead_end_a_five_year_review() -> None:
    # "“十四五”时期," in a 2026 report looks back, "“十五五”时期," ahead: after it the part's
    # heading dates its figures again
    structure = _doc(
        ("“十四五”时期,全市新增高新技术企业2000家。",),
        ("“十五五”时期,是基本实现现代化的关键时期。", "全市已建成重点实验室30家。"),
        section=("一、2025年和“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-02-03")
    assert [(f.value, f.year) for f in found] == [(2000, None), (30, 2025)]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # 服务 heading a noun is no verb to strip: 服务业 is an industry, 服务贸易 a trade
        ("服务业增加值增长6.1%。", "服务业增加值"),
        ("服务业对经济增长贡献率59.1%。", "服务业对经济增长贡献率"),
        ("服务贸易总额突破2500亿美元。", "服务贸易总额"),
        # before what it serves it is the verb: the firms served are counted
        ("服务全市企业1200余家。", "企业"),
    ],
)
def test_serving_is_a_verb_only_before_what_it_serves(text: str, metric: str) -> None:
    assert one(text).metric == metric


def test_a_five_year_reviews_undated_figures_carry_the_span_they_cover() -> None:
    # "五年来" in a report of January 2026 reviews 2021—2025; the year's own figures stay dated
    structure = _doc(
        ("全年地区生产总值增长5.5%。",),
        ("五年来,技术合同成交额累计达260亿元。", "获评何梁何利奖2人。"),
        section=("一、2025年和“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-27")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.5, 2025, None),
        (260, None, "2021—2025"),
        (2, None, "2021—2025"),
    ]
    assert found[1].to_record()["period"] == "2021—2025" and "period" not in found[0].to_record()
    # a report delivered after March reviews up to its own year
    later = _doc(
        ("过去五年,技术合同成交额累计达260亿元。",),
        section=("一、过去五年工作回顾",),
    )
    found = extract_indicators(SHA, later, "2021-06-01")
    assert [(f.value, f.period) for f in found] == [(260, "2017—2021")]


def test_a_level_a_five_year_review_reaches_keeps_the_year_printed_before() -> None:
    # whatever the verb (达, 突破, 超过, 跨越, 迈上), a stock at the end of 2025 is 2025's, not a
    # five-year span's; what grew or was added over the five years stays the period's
    structure = _doc(
        ("五年来，我们坚持把科技创新摆在全局工作的核心位置。",),
        (
            "2025年全市研发经费投入强度达2.9%。",
            "高新技术企业突破1.5万家，科技型中小企业超过2万家，全市有效发明专利拥有量达4.2万件。",
            "地区生产总值历史性迈上4000亿元台阶。",
        ),
        ("技术合同成交额比2020年增长1.5倍。",),
        section=("一、2025年和“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-15")
    assert [(f.value, f.year, f.period) for f in found] == [
        (2.9, 2025, None),
        (1.5, 2025, None),
        (2, 2025, None),
        (4.2, 2025, None),
        (4000, 2025, None),
        (1.5, None, "2021—2025"),
    ]


def test_a_level_a_five_year_review_reaches_is_of_its_last_year_with_no_year_printed() -> None:
    # a report of January 2023 reviewing 2018—2022: the stocks the five years ended on are 2022's
    # though no sentence prints the year; what the five years added stays the period's
    structure = _doc(
        ("过去五年，我们坚持创新驱动发展。",),
        ("规模以上工业企业达6.7万家、五年增加2万家，高新技术企业突破6.9万家。",),
        section=("一、过去五年工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2023-01-12")
    assert [(f.value, f.year, f.period) for f in found] == [
        (6.7, 2022, None),
        (2, None, "2018—2022"),
        (6.9, 2022, None),
    ]


def test_a_sentence_naming_the_five_years_keeps_the_span_in_a_paragraph_on_the_last_year() -> None:
    # "去年," opens a paragraph on 2025 inside a five-year review; its own result is 2025's, but a
    # sentence that says 五年累计 adds up the whole period, whatever year its paragraph opened on
    structure = _doc(
        ("过去五年，我们坚持创新驱动发展。",),
        (
            "去年，全市科技工作取得新进展，新认定高新技术企业320家。",
            "五年累计新增高新技术企业2300家，技术合同成交额累计突破1000亿元。",
        ),
        section=("一、“十四五”时期和2025年工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year, f.period) for f in found] == [
        (320, 2025, None),
        (2300, None, "2021—2025"),
        (1000, None, "2021—2025"),
    ]


def test_the_end_of_a_five_year_period_dates_a_plans_review_as_its_last_year() -> None:
    # a plan of September 2021 looking back: "“十三五”末," is a point in time (2020), as "2020年末,"
    # is, and dates the later sentences of its paragraph; "比“十一五”末" is a base compared with
    structure = _doc(
        ("“十三五”末,全市拥有省级以上重点实验室30个,比“十二五”末增加12个。", "建成孵化器15家。"),
        ("到“十四五”末,全市高新技术企业达到2000家。",),
        section=("一、发展基础",),
    )
    origins: dict[str, str] = {}
    found = extract_indicators(SHA, structure, "2021-09-09", year_origins=origins)
    assert [(f.value, f.year) for f in found] == [(30, 2020), (12, 2020), (15, 2020), (2000, 2025)]
    assert origins[found[0].id] == "句首或前面分句的“十三五”末（五年规划期的末年）"


def test_a_review_since_or_during_a_period_over_reaches_its_last_year() -> None:
    # "“十三五”以来," and "“十三五”期间全市…" (no comma) in a plan of 2021 look back over 2016—2020,
    # as "“十三五”时期," does: a level reached is 2020's, what was added or averaged the period's
    structure = _doc(
        ("“十三五”以来,全市科技创新能力显著提升,高新技术企业达到1200家。",),
        ("“十三五”期间全市累计新增科技型中小企业800家,研发投入年均增长12%。",),
        section=("一、发展基础",),
    )
    found = extract_indicators(SHA, structure, "2021-09-09")
    assert [(f.value, f.year, f.period) for f in found] == [
        (1200, 2020, None),
        (800, None, "2016—2020"),
        (12, None, "2016—2020"),
    ]
    # "“十四五”以来" in a page of 2024 is no look back over a period already over
    found = extract_indicators(SHA, _doc(("“十四五”以来,高新技术企业达到1200家。",)), "2024-05-01")
    assert [(f.value, f.period) for f in found] == [(1200, None)]


def test_a_subheading_naming_the_last_year_inside_a_five_year_review_dates_its_part() -> None:
    # "（一）2025年主要工作" under "一、“十四五”时期和2025年工作回顾": its part is 2025's; the
    # review's own heading (the period and its last year together) and "以来" date nothing
    review = "一、“十四五”时期和2025年工作回顾"
    parts = [
        ("五年来，我们坚持稳中求进，地区生产总值年均增长5.5%。", (review,)),
        (
            "全省新增高新技术企业2000家，技术合同成交额达到800亿元。",
            (review, "（一）2025年主要工作"),
        ),
        ("全省累计建成省级重点实验室120家。", (review, "（二）2021年以来的科技创新")),
    ]
    structure = Structure(
        sentences=[
            Sentence(text=text, section=section, paragraph=p, index=p)
            for p, (text, section) in enumerate(parts)
        ]
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.5, None, "2021—2025"),
        (2000, 2025, None),
        (800, 2025, None),
        (120, None, "2021—2025"),
    ]


def test_a_paragraph_on_the_last_year_after_a_five_year_review_is_that_years() -> None:
    # a paragraph on 2025 placed after the last heading of a five-year review: its own opening
    # year, "过去一年" or "去年" in a report delivered in 2026 dates its figures, the span does not;
    # a paragraph that opens with neither stays the period's
    structure = _doc(
        ("过去五年,我们坚持稳中求进,地区生产总值年均增长5.5%。",),
        ("2025年全省地区生产总值增长5.2%。", "新增高新技术企业2000家。"),
        ("2025年是“十四五”收官之年。", "全省新增科技型中小企业3000家。"),
        ("城镇新增就业累计超过300万人。",),
        ("去年,我们新增院士工作站12家。",),
        ("过去一年,全省新建省级重点实验室20家。", "累计引进高层次人才500人。"),
        section=("一、“十四五”时期工作回顾", "（五）民生福祉持续改善"),
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.5, None, "2021—2025"),
        (5.2, 2025, None),
        (2000, 2025, None),
        (3000, 2025, None),
        (300, None, "2021—2025"),
        (12, 2025, None),
        (20, 2025, None),
        (500, 2025, None),
    ]
    # "2023年以来" opens no year of its own: a span from 2023 on
    since = _doc(
        ("过去五年,我们坚持稳中求进。",),
        ("2023年以来,全省新增高新技术企业2000家。",),
        section=("一、“十四五”时期工作回顾",),
    )
    assert [f.year for f in extract_indicators(SHA, since, "2026-01-20")] == [None]


def test_the_last_year_named_after_a_five_year_review_dates_the_rest_of_its_part() -> None:
    # a provincial report reviews five years, then "各位代表，刚刚过去的2025年，…" opens the year's
    # own account, whose "——…" paragraphs go on with it: all of it is 2025's, under a heading that
    # names no year, until a sentence opens the five years again
    structure = _doc(
        ("过去五年，我们坚持稳中求进，地区生产总值年均增长5.5%，科技型中小企业增至3.1万家。",),
        ("各位代表，刚刚过去的2025年，全省经济运行总体平稳，地区生产总值增长5.3%。",),
        ("——创新动能持续增强。", "两院院士增至61位，新增制造业单项冠军企业25家。"),
        ("——民生福祉不断增进。", "城镇新增就业70万人。"),
        ("五年来，全省累计新增高新技术企业1.2万家。",),
        section=("一、过去五年工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.5, None, "2021—2025"),
        (3.1, 2025, None),  # the level the five years ended on
        (5.3, 2025, None),
        (61, 2025, None),
        (25, 2025, None),
        (70, 2025, None),
        (1.2, None, "2021—2025"),
    ]
    # the greeting and "回顾" may come first; the year may be left unsaid
    said = _doc(
        ("五年来，全省地区生产总值年均增长5.5%。",),
        ("各位代表，回顾过去一年，我们迎难而上。",),
        ("——科技创新成果丰硕。", "新建省级重点实验室20家。"),
        section=("一、工作回顾",),
    )
    assert [(f.year, f.period) for f in extract_indicators(SHA, said, "2026-01-20")] == [
        (None, "2021—2025"),
        (2025, None),
    ]


def test_a_paragraph_on_last_year_without_a_review_before_it_dates_only_itself() -> None:
    # a news item without headings: "过去一年，…" dates its own paragraph; what follows (awards at
    # today's meeting, the stock the city has now) is not last year's, as no five-year review
    # came before it to hand the rest of the part to the year
    structure = _doc(
        ("1月20日，全市科技创新大会召开。",),
        ("过去一年，全市新增高新技术企业300家，技术合同成交额达120亿元。",),
        ("会上，市领导为新认定的15家市级新型研发机构授牌。",),
        ("全市现有院士工作站25家、国家级科技企业孵化器18家。",),
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year) for f in found] == [
        (300, 2025),
        (120, 2025),
        (15, None),
        (25, None),
        (18, None),
    ]


def test_a_change_across_a_review_starts_the_year_before_it_and_ends_on_its_last() -> None:
    # "由/从5.6万元增至7.8万元": 5.6万元 is the level of 2020 the period started from, 7.8万元
    # the level of 2025 it reached; what follows in another clause stays the period's
    for opening in ("由", "从"):
        structure = _doc(
            ("五年来，我们坚持把科技创新摆在全局工作的核心位置。",),
            (f"人均地区生产总值{opening}5.6万元增至7.8万元，年均增长5.4%，新增学校366所。",),
            section=("一、2025年和“十四五”时期工作回顾",),
        )
        found = extract_indicators(SHA, structure, "2026-01-15")
        assert [(f.value, f.year, f.period) for f in found] == [
            (5.6, 2020, None),
            (7.8, 2025, None),
            (5.4, None, "2021—2025"),
            (366, None, "2021—2025"),
        ]
    # a plan's review of the five-year period before it ("“十三五”期间"): the rise between the
    # two values is of the period's last year as well
    plan = _doc(
        (
            "“十三五”期间,全市科技创新工作快速发展。",
            "技术合同登记交易额由14.85亿元增加至77.24亿元,增长5.5倍。",
        ),
        section=("一、发展基础",),
    )
    found = extract_indicators(SHA, plan, "2021-10-25")
    assert [(f.value, f.year, f.period) for f in found] == [
        (14.85, 2015, None),
        (77.24, 2020, None),
        (5.5, 2020, None),
    ]


def test_a_clause_naming_the_reviews_last_year_opens_that_years_part() -> None:
    # "2025年，…" after a five-year review opens the year's own account: the "——…" and "这一年，…"
    # paragraphs under the same heading are 2025's; a total (累计) among them stays the period's,
    # and a new look back ("五年来，") ends the year's part
    structure = _doc(
        ("过去五年，我们坚持稳中求进，地区生产总值年均增长5.5%。",),
        ("2025年，全省经济运行总体平稳，地区生产总值增长5.3%。",),
        ("——创新动能持续增强。", "两院院士增至61位，新增制造业单项冠军企业25家。"),
        ("这一年，全省新建省级重点实验室20家。",),
        ("城镇新增就业累计超过300万人。",),
        ("五年来，全省新增高新技术企业1.2万家。",),
        ("——科技成果加快转化。", "技术合同成交额达到800亿元。"),
        section=("一、过去五年和2025年工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.5, None, "2021—2025"),
        (5.3, 2025, None),
        (61, 2025, None),
        (25, 2025, None),
        (20, 2025, None),
        (300, None, "2021—2025"),
        (1.2, None, "2021—2025"),
        (800, 2025, None),  # a level the five years reached is of their last year
    ]


def test_the_reviews_last_year_does_not_take_what_is_measured_from_the_periods_start() -> None:
    # "2025年，…" opens the year's account, but a "——…" paragraph measuring from 2020, the year
    # before the period ("是2020年的2.1倍", "由2020年的7.5%提高到10.2%"), sums up the five years:
    # its counts are the period's, and the level reached ("达到1.8万家") and the value a dated
    # start reaches are the period's last year's; a paragraph not opening "——" or "这一年，" is
    # not the year's either
    structure = _doc(
        (
            "“十四五”时期，是我省发展进程中极不平凡的五年。",
            "五年来，全省地区生产总值年均增长5.6%。",
        ),
        ("2025年，全省经济运行稳中向好，地区生产总值增长5.3%。",),
        (
            "——科技创新能力显著增强。",
            "新增国家级专精特新“小巨人”企业320家，建成国家重点实验室18家，"
            "高新技术企业达到1.8万家，是2020年的2.1倍。",
        ),
        (
            "——产业结构持续优化。",
            "数字经济核心产业增加值占地区生产总值比重由2020年的7.5%提高到10.2%。",
        ),
        ("全省新建省级重点实验室20家。",),
        section=("一、2025年和“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-25")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.6, None, "2021—2025"),
        (5.3, 2025, None),
        (320, None, "2021—2025"),
        (18, None, "2021—2025"),
        (1.8, 2025, None),  # the level reached, of the period's last year
        (2.1, None, "2021—2025"),
        (7.5, 2020, None),
        (10.2, 2025, None),
        (20, None, "2021—2025"),
    ]


def test_the_years_own_clause_keeps_its_year_beside_one_measuring_from_the_periods_start() -> None:
    # "全年新增…1200家" is 2025's even in a sentence that also says "是2020年的2.1倍"; the start
    # "由2020年2.1%" (no 的) is 2020's and the value it reached the period's last year's, as
    # with "由2020年的7.5%"
    structure = _doc(
        (
            "“十四五”时期，是我市发展进程中极不平凡的五年。",
            "五年来，全市地区生产总值年均增长5.6%。",
        ),
        ("2025年，全市经济运行稳中向好，地区生产总值增长5.3%。",),
        (
            "——科技创新能力显著增强。",
            "全年新增高新技术企业1200家，总数达到1.5万家，是2020年的2.1倍。",
        ),
        ("——研发投入持续加大。", "全社会研发投入强度由2020年2.1%提高到2.6%。"),
        section=("一、2025年和“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-25")
    assert [(f.value, f.year, f.period) for f in found] == [
        (5.6, None, "2021—2025"),
        (5.3, 2025, None),
        (1200, 2025, None),
        (1.5, 2025, None),  # the level reached, of the period's last year
        (2.1, None, "2021—2025"),
        (2.1, 2020, None),
        (2.6, 2025, None),
    ]


def test_a_change_from_a_dated_start_in_a_review_reaches_the_periods_last_year() -> None:
    # in a five-year review, "从2021年的…提高到…" prints the start's year: the values reached are
    # the period's last year's, not 2021's, also for a pair ("分别提高到A和B")
    structure = _doc(
        (
            "过去五年,城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元。",
            "经济总量占全国比重由2020年的7.2%提升至7.4%。",
        ),
        section=("一、“十四五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2026-01-20")
    assert [(f.value, f.year) for f in found] == [
        (46503, 2021),
        (16935, 2021),
        (58794, 2025),
        (23184, 2025),
        (7.2, 2020),
        (7.4, 2025),
    ]


def test_a_review_spans_the_years_its_closing_word_names() -> None:
    # "这是打好三大攻坚战…的五年": five years, not the 三 of 三大攻坚战
    structure = _doc(
        ("这是打好三大攻坚战、决胜全面建成小康社会的五年。", "全市累计新增高新技术企业1200家。"),
        ("近三年来，全市新增科技型企业500家。",),
        section=("一、“十三五”时期工作回顾",),
    )
    found = extract_indicators(SHA, structure, "2021-01-20")
    assert [(f.value, f.period) for f in found] == [(1200, "2016—2020"), (500, "2018—2020")]


def test_a_place_before_a_kind_of_body_is_the_figures_place() -> None:
    # 杭州市重点实验室 is a kind of lab (Hangzhou's), not one body's name; 辽宁实验室 is one
    text = "2023年，杭州市重点实验室达到150家，宁波市重点实验室达到80家。"
    found = figures(text, place="浙江省", doc_date="2024-01-15")
    assert [(f.value, f.scope) for f in found] == [(150, "杭州市"), (80, "宁波市")]
    loans = one("宁波辖内银行科技贷款余额达到500亿元。", place="浙江省")
    assert loans.scope == "宁波市"
    lab = "对获批组建的辽宁实验室,第一年安排1亿元启动资金支持。"
    assert one(lab, section=("二、支持措施",), place="大连市").scope == "大连市"


# --- rows4: places the short lists do not know, places inside names, directives, a lab's sentence


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("2024年,瑞昌市新增高新技术企业12家。", "瑞昌市"),  # a county-level city
        ("荥阳市科技局认定科技型中小企业86家。", "荥阳市"),
        ("当年湟中县技术合同成交额达到1.2亿元。", "湟中县"),
        ("西乡塘区新建孵化器3家。", "西乡塘区"),  # a district of a city the text does not name
        ("广州市增城区新增高新技术企业40家。", "广州市增城区"),  # after its city
        ("2023年，增城区技术合同成交额达到8.6亿元。", "增城区"),  # opening the clause
    ],
)
def test_a_county_level_place_unknown_to_the_short_lists_is_the_scope(
    text: str, place: str
) -> None:
    # the list of divisions shipped with the package knows them; a figure in such a text is not
    # given the province or its prefecture
    (fig,) = figures(text, place="江西省")
    assert fig.scope == place


@pytest.mark.parametrize(
    "text",
    [
        "坚持科技创新和县域经济协同发展,全年新增研发平台15个。",  # 新和县 inside 创新和县域
        "推进中南部县城产业升级,建成特色产业园区4个。",  # 南部县 inside 中南部县城
        "支持企业开拓国际合作市场,新签项目23个。",  # 合作市 inside 合作市场
        "今年新增城区公园绿地32公顷。",  # 增城区 across 新增 and 城区
        "2023年，全区新建区块链应用场景15个。",  # 新建区 inside 新建 and 区块链
        "实施老城区有机更新项目9个。",  # 老城区: a part of every town
        "平房区清洁取暖改造完成4100户。",  # 平房区: bungalow areas
        "西南山区新建科技服务站27个。",  # 南山区 across 西南 and 山区
    ],
)
def test_a_division_name_inside_ordinary_words_is_no_place(text: str) -> None:
    (fig,) = figures(text, place="宁夏回族自治区")
    assert fig.scope == "宁夏回族自治区"


def test_a_listed_division_ending_the_text_is_still_a_place() -> None:
    # a title or a by-line that ends with the place: nothing after it makes it part of a word
    assert find_places("瑞昌市") == [(0, 3, "瑞昌市")]
    assert jurisdiction("中共湟中县") == "湟中县"


def test_an_untitled_page_about_a_county_level_city_is_that_citys() -> None:
    # a plan whose page names its city only as 沅江市-like full names and says 我市: before the list
    # of divisions its figures had no place at all
    body = (
        "瑞昌市“十四五”科技创新规划\n"
        "“十三五”期间,我市累计实施各级科技项目210项,瑞昌市科技创新能力明显提升。\n"
        "我市拥有高新技术企业41家。"
    )
    assert document_jurisdiction(None, None, body) == "瑞昌市"


def test_the_level_whose_decisions_a_text_carries_out_is_not_its_place() -> None:
    # a county-level city's policy opens by following its prefecture's decisions and never names
    # itself by a listed name: its place is unknown, not the prefecture's
    body = (
        "为全面落实中央、省、九江市决策部署,推动我市工业高质量发展,结合我市实际,提出如下措施:\n"
        "对新认定的高新技术企业,每家一次性奖励10万元。"
    )
    assert document_jurisdiction(None, None, body) is None
    (fig,) = figures(
        "按照省委、市委工作要求,贯彻赣州市决策部署,全年新增创新平台12个。", place="瑞金市"
    )
    assert fig.scope == "瑞金市"
    # the commonest wording: the city's party committee and government ("X市委、市政府")
    (fig,) = figures("认真落实赣州市委、市政府决策部署,全年新增创新平台12个。", place="瑞金市")
    assert fig.scope == "瑞金市"
    body = "认真落实九江市委、市政府决策部署,结合我市实际,提出如下措施:\n对新认定的高新技术企业,每家一次性奖励10万元。"
    assert document_jurisdiction(None, None, body) is None


def test_a_lab_heading_a_sentence_is_not_the_subject_once_another_clause_names_one() -> None:
    text = "赣江实验室挂牌运行,庐山、井冈山等实验室加快建设,牵头建设12家全国重点实验室"
    (fig,) = figures(text, place="江西省")
    assert fig.scope == "江西省"
    # the lab's own clause, and clauses going on with it, stay the lab's
    (own,) = figures("赣江实验室挂牌运行,累计发表高水平论文320篇。", place="江西省")
    assert own.scope == "赣江实验室"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # 该校 is the university again; 研究人员 are the lab's own staff: no subject of their own
        (
            "2023年，四川大学获批国家重点研发计划项目38项，该校全年科研经费达到52.4亿元。",
            "四川大学",
        ),
        ("天府实验室牵头承担国家重大科技任务9项，研究人员超过1800人。", "天府实验室"),
    ],
)
def test_a_bodys_own_staff_and_budget_in_a_later_clause_stay_the_bodys(
    text: str, body: str
) -> None:
    # one university's budget or one lab's staff is no province's total
    found = figures(text, place="四川省")
    assert [f.scope for f in found] == [body, body]


@pytest.mark.parametrize(
    "text",
    [
        "成都市天使投资基金累计投资科技型企业260家，投资金额15.2亿元。",
        "2023年，成都市技术转移中心促成技术合同成交额9.8亿元。",
    ],
)
def test_a_fund_or_centre_opening_with_its_city_reports_the_citys_figures(text: str) -> None:
    # a municipal fund's or centre's results are the city's, not the province's total; the
    # place inside a national name (国家技术转移南昌中心, above) is still none
    found = figures(text, place="四川省")
    assert found and all(f.scope == "成都市" for f in found)
    assert all(f.metric is not None and "成都" not in f.metric for f in found)


def test_a_rise_on_the_year_before_is_not_labelled_with_a_period_named_earlier() -> None:
    # the "“十四五”以来" of a trend phrase two clauses back does not make a one-year rise a
    # five-year one; a growth over the period itself keeps the label
    found = figures(
        "2023年全市研发投入强度达到2.6%,延续了“十四五”以来稳步提升态势,比上年提高0.15个百分点。"
    )
    rise = next(f for f in found if f.unit == "个百分点")
    assert rise.metric is not None and "以来" not in rise.metric
    (since,) = figures("“十四五”以来,全市高新技术企业数量增长86%。")
    assert since.metric is not None and since.metric.endswith("(“十四五”以来)")


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # a word holding 在 (潜在) is no stop inside what is counted; 荣获 is one verb, and the
        # firms counted are those that won (a bare 企业 says nothing)
        ("认定12家省潜在独角兽企业。", "省潜在独角兽企业"),
        ("全年3家企业荣获省科学技术奖一等奖。", "荣获省科学技术奖一等奖的企业"),
        # "认定…N家企业为X": X is what is counted
        ("认定晨光材料、远航精密5家企业为省瞪羚企业。", "省瞪羚企业"),
    ],
)
def test_the_noun_after_a_count_is_read_whole(text: str, metric: str) -> None:
    assert one(text, place="某省").metric == metric


def test_a_count_followed_by_a_verb_with_zai_names_no_verb_phrase() -> None:
    # "9家存在问题的孵化器": the incubators are counted, never "存在问题"; "260家所在园区": the
    # firms visited, not their parks
    found = figures("2023年，9家存在问题的孵化器完成整改。", place="某省")
    assert all(f.metric is None or "存在" not in f.metric for f in found)
    found = figures("2023年，走访服务企业260家所在园区，帮助解决问题41个。", place="某省")
    assert found[0].metric == "走访服务企业"


def test_a_standard_given_per_unit_is_named_after_whom_it_is_for() -> None:
    # "每家一次性奖励" says no one; the condition before it, in its own statement, does
    found = figures(
        "对通过省级备案的新型研发机构,每家补助20万元;"
        "当年新认定为国家级专精特新“小巨人”企业的,每家一次性奖励50万元。",
        place="某市",
    )
    assert [(f.metric, f.value) for f in found] == [
        ("通过省级备案的新型研发机构补助(每家)", 20),
        ("国家级专精特新“小巨人”企业一次性奖励(每家)", 50),
    ]


def _sections(*parts: tuple[tuple[str, ...], tuple[str, ...]]) -> Structure:
    """Sections given as (headings, paragraphs of one sentence each), in document order."""
    sentences: list[Sentence] = []
    for section, paragraphs in parts:
        for text in paragraphs:
            n = len(sentences)
            sentences.append(Sentence(text=text, section=section, paragraph=n, index=n))
    return Structure(sentences=sentences)


def test_a_summary_of_last_year_posted_early_says_this_year_for_the_year_it_reviews() -> None:
    # "某县科技局2021年工作总结" posted in February 2022 was written as 2021 closed: its 今年 and
    # its 11月底 are 2021's; posted in June, its 今年 would be the year it was posted in
    text = "预计今年新认定高新技术企业33家,截至11月底技术合同成交额5.2亿元。"
    early = figures(text, doc_date="2022-02-21", title="某县科技局2021年工作总结")
    assert [(f.value, f.year) for f in early] == [(33, 2021), (5.2, 2021)]
    late = figures(text, doc_date="2022-06-21", title="某县科技局2021年工作总结")
    assert [(f.value, f.year) for f in late] == [(33, 2022), (5.2, 2021)]


def test_the_year_of_an_award_a_figure_won_dates_it() -> None:
    # nothing before the figure dates it; the award it won, printed after it in its clause, does;
    # a call to apply for a year's programme does not
    found = figures(
        "我市11个项目荣获2023年度国家科学技术奖。",
        "组织5家企业申报2025年度省重点研发计划。",
        doc_date=None,
    )
    assert [(f.value, f.year) for f in found] == [(11, 2023), (5, None)]


def test_a_sections_opening_year_dates_the_figures_of_its_later_paragraphs() -> None:
    """A report of January 2025 whose review part ("一、工作回顾", no year in it) opens "2024年是…
    之年": the run-in items below ("一是…", "二是…") are 2024's, as a reader of the part takes them;
    the frame ends with its part (the next part's undated figure has its own time, none here) and
    a five-year passage inside it is the period's, not the opening's."""
    structure = _sections(
        (
            ("一、工作回顾",),
            (
                "2024年是实施“十四五”规划的关键一年,全市经济运行稳中有进。",
                "一是创新平台提质扩容。新建省级重点实验室6家,技术合同成交额增长18.5%。",
                "二是企业主体持续壮大。净增高新技术企业140家。",
                "过去五年,全市高新技术企业累计增加900家。",
            ),
        ),
        (("二、其他事项",), ("全市共有孵化器12家。",)),
    )
    found = extract_indicators(SHA, structure, "2025-01-16")
    assert [(f.value, f.year) for f in found] == [
        (6, 2024),
        (18.5, 2024),
        (140, 2024),
        (900, None),
        (12, None),
    ]


def test_explain_says_where_a_figures_year_came_from(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    doc = tmp_path / "report.txt"
    doc.write_text(
        "2025年某市人民政府工作报告\n"
        "——2025年1月16日在某市第十届人民代表大会第三次会议上\n"
        "一、工作回顾\n"
        "2024年是实施“十四五”规划的关键一年,全市经济运行稳中有进。\n"
        "一是创新平台提质扩容。新建省级重点实验室6家,技术合同成交额增长18.5%。\n"
        "二、2025年工作安排\n"
        "力争高新技术企业达到1500家。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", "技术合同成交额增长18.5%", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "18.5%" in x and "年份来自" in x)
    assert "2024年" in line
    assert "所在部分开头的“2024年是" in line
    # a sentence typed alone is read with the date given
    alone = CliRunner().invoke(
        app, ["explain", "去年全市技术合同成交额达到120亿元。", "--date", "2024-03-01"]
    )
    assert "2023年　年份来自：所在分句的“去年”（按文件日期2024年推算）" in alone.output


def test_a_plans_working_year_before_its_first_heading_frames_every_undated_figure() -> None:
    # "2026年是…开局之年" opening a plan: a figure its task list states without a year (read as a
    # count, not a goal) is that year's too, not only its targets
    structure = _sections(
        ((), ("2026年是“十五五”开局之年,全县科技系统要坚持创新驱动发展。",)),
        (
            ("一、重点任务", "(一)科技金融"),
            ("鼓励银行创新产品,实施企业创新积分制,新增知识价值信用贷款8亿元以上。",),
        ),
    )
    [found] = extract_indicators(SHA, structure, None)
    assert (found.value, found.year) == (8, 2026)


def test_year_origins_say_which_rule_of_a_five_year_review_dated_a_figure() -> None:
    # what `briefing explain` prints: a level reached after a sentence printing the year is that
    # year's by the review's rule, a total added up over the period has no single year
    structure = _doc(
        ("过去五年,我们坚持创新驱动,全社会研发投入年均增长9.5%。",),
        ("2025年全县新增高新技术企业30家。", "高新技术企业总数达到210家。"),
        section=("一、“十四五”时期和2025年工作回顾", "（二）科技创新"),
    )
    origins: dict[str, str] = {}
    found = extract_indicators(SHA, structure, "2026-01-20", year_origins=origins)
    assert [(f.value, f.year, origins[f.id]) for f in found] == [
        (9.5, None, "原文没有给出单独的年份，属于所回顾的时段 2021—2025"),
        (30, 2025, "所在分句写明的“2025年”"),
        (210, 2025, "回顾几年的部分中，同段前面句子写明的年份（期末达到的水平）"),
    ]


def test_a_year_a_heading_prints_rules_over_a_history_opening_a_part_under_it() -> None:
    # "一、2024年工作回顾 / （一）… / 2012年,全市…仅有58家": the sub-part opens on where things
    # started, and its later counts are still the year its heading reviews
    structure = _sections(
        (("一、2024年工作回顾",), ()),
        (
            ("一、2024年工作回顾", "（一）创新主体不断壮大"),
            (
                "2012年,全市高新技术企业仅有58家,经过十余年培育,总数已大幅增加。",
                "全年新增国家科技型中小企业860家,新认定省级专精特新企业45家。",
            ),
        ),
    )
    found = extract_indicators(SHA, structure, "2025-01-10")
    assert [(f.value, f.year) for f in found] == [(58, 2012), (860, 2024), (45, 2024)]


def test_a_past_years_background_opening_a_task_part_does_not_date_its_tasks() -> None:
    # "二、下一步工作打算 / 2020年,我市获批…": what the plan lays down and aims at is the plan's
    # year (the document's), not the background year the sub-part opens on
    structure = _sections(
        (
            ("二、下一步工作打算", "（一）加快创新平台建设"),
            (
                "2020年,我市获批建设省级自主创新示范区。",
                "对新认定的省级重点实验室给予50万元奖励,新建省级重点实验室3家。",
            ),
        ),
    )
    found = extract_indicators(SHA, structure, "2025-01-15", None, "某某市科学技术局2025年工作计划")
    assert [(f.value, f.kind, f.year) for f in found] == [
        (50, "provision", 2025),
        (3, "target", 2025),
    ]


def test_a_plans_opening_on_the_year_just_finished_does_not_date_the_plan() -> None:
    # a 工作要点 of 2025 opening on "2024年是…关键一年": its figures are the title's year
    structure = _sections(
        (
            (),
            (
                "2024年是实现“十四五”规划目标任务的关键一年,全市科技系统攻坚克难。",
                "2025年,全市科技工作的总体要求是:坚持创新驱动发展战略。",
            ),
        ),
        (
            ("一、培育壮大创新主体",),
            ("新认定高新技术企业300家,对首次认定的高新技术企业给予20万元奖励。",),
        ),
    )
    found = extract_indicators(SHA, structure, "2025-02-20", None, "某某市科学技术局2025年工作要点")
    assert [(f.value, f.year) for f in found] == [(300, 2025), (20, 2025)]


def test_a_plan_titled_with_its_years_sets_its_targets_for_the_last_one() -> None:
    # "三年行动计划（2024—2026年）" opening "2024年是…开局之年": its goals and tasks are for 2026,
    # the end of the years the title names, not for the first year its opening speaks of
    structure = _sections(
        ((), ("2024年是实施本行动计划的开局之年。",)),
        (("一、主要目标",), ("全市研发经费投入强度达到3%,高新技术企业达到2000家。",)),
        (
            ("二、重点任务", "（一）培育创新主体"),
            ("实施科技企业梯次培育工程,力争新增高新技术企业600家。",),
        ),
    )
    found = extract_indicators(
        SHA, structure, "2024-03-20", None, "某某市科技创新三年行动计划（2024—2026年）"
    )
    assert [(f.value, f.year) for f in found] == [(3, 2026), (2000, 2026), (600, 2026)]


def test_a_part_opening_on_one_events_year_keeps_the_titles_year() -> None:
    # "2018年我市被…确定为…试点" is when one thing happened, not the time of the whole part
    structure = _sections(
        (
            ("一、国家创新型城市建设",),
            (
                "2018年我市被科技部确定为国家创新型城市建设试点。",
                "全市技术合同成交额达到85亿元。",
            ),
        ),
    )
    [found] = extract_indicators(SHA, structure, "2024-12-20", None, "某某市2024年科技创新工作情况")
    assert (found.value, found.year) == (85, 2024)


def test_explain_lists_only_the_figures_of_the_sentence_found(tmp_path: Path) -> None:
    # the plan repeats the summary's words: explaining the plan's sentence shows the plan's
    # figures and years only, not the summary's 2024 beside them
    from typer.testing import CliRunner

    from briefing.cli import app

    doc = tmp_path / "a.txt"
    doc.write_text(
        "某某县科技局2024年工作总结和2025年工作计划\n"
        "发布时间：2025-01-08\n"
        "一、2024年工作完成情况\n"
        "全年新增省级重点实验室2家，新增高新技术企业15家。\n"
        "二、2025年工作计划\n"
        "力争新增省级重点实验室2家，新增高新技术企业15家。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["explain", "--doc", str(doc), "力争新增省级重点实验室2家，新增高新技术企业15家。"]
    )
    assert result.exit_code == 0, result.output
    figures = [x for x in result.output.splitlines() if "年份来自" in x]
    assert len(figures) == 2, result.output
    assert all("2025年" in x and "2024年" not in x.split("年份来自")[0] for x in figures)


def test_a_heading_naming_a_spans_start_or_a_target_does_not_outrank_a_sub_parts_opening() -> None:
    # review s5b 4: "一、2021年以来…" starts a span and "一、对标2035年远景目标" names a target; the
    # sub-part's own "2024年," / "2025年," is the time of its figures
    since = _sections(
        (
            ("一、2021年以来全县科技创新工作成效", "（一）创新主体持续壮大"),
            (
                "2024年,全县科技工作紧紧围绕中心大局,扎实推进各项任务。",
                "全年新增高新技术企业12家,新认定科技型中小企业85家。",
            ),
        ),
    )
    found = extract_indicators(
        SHA, since, "2025-01-08", None, "某某县科学技术局关于近年来科技创新工作情况的报告"
    )
    assert [(f.value, f.year) for f in found] == [(12, 2024), (85, 2024)]
    target = _sections(
        (
            ("一、对标2035年远景目标,加快建设科技强市", "（一）培育壮大创新主体"),
            (
                "2025年,全市将实施科技企业梯次培育行动。",
                "新认定高新技术企业300家,对首次认定的高新技术企业给予20万元奖励。",
            ),
        ),
    )
    found = extract_indicators(SHA, target, "2025-02-20", None, "某某市科学技术局2025年工作要点")
    assert [(f.value, f.year) for f in found] == [(300, 2025), (20, 2025)]


def test_a_summary_untitled_by_year_is_dated_by_the_year_its_opening_names() -> None:
    # review s5b 5: a January summary opening "2024年是…关键之年" sums up 2024; the guard against a
    # plan opening on the year just finished is for plans only
    structure = _sections(
        ((), ("2024年是实施“十四五”规划的关键之年,全县科技系统攻坚克难,各项工作取得新进展。",)),
        (("一、创新主体持续壮大",), ("全年新增高新技术企业12家,新认定科技型中小企业85家。",)),
        (("二、创新平台加快建设",), ("新建省级工程技术研究中心3家。",)),
    )
    found = extract_indicators(SHA, structure, "2025-01-08", None, "某某县科学技术局工作总结")
    assert [(f.value, f.year) for f in found] == [(12, 2024), (85, 2024), (3, 2024)]


@pytest.mark.parametrize(
    "publisher", ["中共高新区委员会", "中共开发区委", "中共工业园区委员会", "中共东风社区委员会"]
)
def test_a_party_committee_of_a_zone_or_community_leaves_the_place_to_the_text(
    publisher: str,
) -> None:
    # review s5c 1: 高新区 or 东风社区 alone names no place; the site that carries the page names the
    # city the figures are of
    body = "成都高新区全年技术合同成交额达到120亿元。"
    page = f"{body}\n主办单位：成都市科学技术局"
    assert document_jurisdiction(publisher, None, body, page) == "成都市"
    # a county's committee still names its county
    assert document_jurisdiction("中共沛县委员会", None, body, page) == "沛县"


def test_a_plans_heading_year_after_its_date_is_the_year_it_plans_for() -> None:
    # review s5c 4: a 2025 工作要点 issued in December 2024; its "2025年主要目标" part's targets are
    # 2025's, not those of the sub-part's opening baseline "2024年,…"
    structure = _sections(
        (
            ("一、2025年主要目标", "（一）企业创新主体培育"),
            (
                "2024年,全市高新技术企业达到500家,科技型中小企业入库1800家。",
                "新增高新技术企业100家,科技型中小企业入库600家。",
            ),
        ),
    )
    found = extract_indicators(SHA, structure, "2024-12-20", None, "某某市科学技术局2025年工作要点")
    assert [(f.value, f.year) for f in found if f.value in (100, 600)] == [(100, 2025), (600, 2025)]


def _measured(
    text: str,
    measures: list[tuple[str, Status]],
    date: str = "2026-01-20",
    title: str = "某市科技局工作总结",
) -> list[Indicator]:
    """The figures of `text` given its measures (their texts in order, with a status each): the
    status decides, as the pipeline's does."""
    structure = parse_structure(text)
    given = []
    at = 0  # measures come in document order
    for n, (clause, status) in enumerate(measures):
        at = next(s.index for s in structure.sentences[at:] if clause in s.text)
        section = structure.sentences[at].section
        given.append(Measure(id=f"m-{n}", text=clause, section=section, status=status))
        at += clause.endswith("。")
    return extract_indicators(SHA, structure, date, None, title, given)


def test_a_done_measures_figures_are_never_targets_whatever_the_clause_before_says() -> None:
    # "将突破" in the clause before the semicolon made the next clause's 14亿元 a target, listed
    # in the briefing's targets table while its sentence stood among what was done
    text = "高新技术产值将突破520亿元;签约资金达14亿元。"
    clauses = ["高新技术产值将突破520亿元;", "签约资金达14亿元。"]
    found = _measured(text, [(c, "done") for c in clauses])
    assert [(f.value, f.kind) for f in found] == [(520, "actual"), (14, "actual")]
    found = _measured(text, [(c, "planned") for c in clauses])
    assert [f.kind for f in found] == ["target", "target"]


def test_the_aim_a_result_is_measured_against_stays_a_target() -> None:
    text = "高新技术企业净增200家,超额完成全年净增130家目标任务。"
    found = _measured(text, [(text, "done")])
    assert [(f.value, f.kind) for f in found] == [(200, "actual"), (130, "target")]


def test_a_figure_follows_its_own_measure_not_one_elsewhere_with_the_same_words() -> None:
    # the review's "增长3%" was typed a target because the task part repeats the clause
    text = (
        "一、2025年工作回顾\n地方一般公共预算收入增长3%。\n"
        "二、2026年工作安排\n地方一般公共预算收入增长3%。"
    )
    clause = "地方一般公共预算收入增长3%。"
    found = _measured(text, [(clause, "done"), (clause, "planned")])
    assert [(f.kind, f.measure_id) for f in found] == [("growth", "m-0"), ("target", "m-1")]


def test_a_year_ahead_opening_a_section_or_paragraph_dates_the_targets_after_it() -> None:
    # "到2023年,…" under a heading that is no plans heading: the targets got the plan's end (2024)
    text = (
        "一、总体目标\n到2023年，全市创新能力明显增强。\n全市高新技术企业数量达到1000家。\n"
        "（二）2024年目标\n科技型中小企业达到3000家。"
    )
    planned: list[tuple[str, Status]] = [
        ("全市高新技术企业数量达到1000家。", "planned"),
        ("科技型中小企业达到3000家。", "planned"),
    ]
    found = _measured(text, planned, "2022-03-01", "某市科技创新三年行动计划（2022—2024年）")
    assert [(f.value, f.kind, f.year) for f in found] == [
        (1000, "target", 2023),
        (3000, "target", 2024),
    ]
    # a paragraph opening on a year ahead dates the paragraphs after it, to the next such one
    text = (
        "一、总体要求\n坚持创新驱动发展战略。\n到2023年，全市创新能力明显增强。\n"
        "技术合同成交额突破100亿元。\n到2025年，创新体系更加完善。\n研发投入强度达到3%。"
    )
    found = extract_indicators(
        SHA, parse_structure(text), "2022-03-01", None, "某市科技创新行动方案"
    )
    assert [(f.value, f.year) for f in found] == [(100, 2023), (3, 2025)]


# --- a name says what was counted, never the adverb or verb left of its clause (issue 15, item 2) --


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # the adverb before the clause's verb is no part of what was counted
        ("区人大审议通过的10大类31项民生实事全部完成。", "民生实事"),
        ("深圳综合改革试点首批40项授权事项大部分落地。", "授权事项"),
        # "…的行业大类有9个": 有 is the verb, the 行业大类 are counted
        ("经费投入超过20亿元的行业大类有9个。", "行业大类"),
    ],
)
def test_a_counted_noun_ends_before_the_adverb_of_its_predicate(text: str, metric: str) -> None:
    assert figures(text, place="某省")[-1].metric == metric


def test_a_clause_of_adverbs_and_a_verb_names_no_metric() -> None:
    # "先后有8批": nothing there says what was counted; no fragment "先后有" is a name
    assert one("来丰县挂职的科技镇长团,先后有8批。", place="某省").metric != "先后有"
    found = figures("在全省率先再给予每家5万元奖励。", place="某省")
    assert all(f.metric is None or "率先" not in f.metric for f in found)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # people are counted: the name ends on the person, not on what they did
        ("选派13名科技创新首席服务官对接各区县。", "科技创新首席服务官"),
        ("选派20名年轻党员干部派驻重点高校院所。", "年轻党员干部"),
        ("2名同志分获全国表彰。", "同志"),
        ("9位科学家增选为两院院士。", "科学家"),
        ("每组由1名中介机构人员对口服务指导。", "中介机构人员"),
    ],
)
def test_a_count_of_people_is_named_after_the_people(text: str, metric: str) -> None:
    assert figures(text, place="某省")[0].metric == metric


def test_a_predicate_after_a_figure_is_no_name() -> None:
    # "2亿元已到账", "611人全部脱贫": what follows is what happened, not what was counted
    for text in ("其中2亿元已到账。", "全市611人全部脱贫。", "2个集体分获全国表彰。"):
        metric = figures(text, place="某省")[0].metric
        assert metric is None or (not metric.startswith(("已", "全部")) and "分" not in metric)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # the base or basis of a change is not what changed
        ("工业固定资产投资比增53%。", "工业固定资产投资"),
        ("地方一般公共预算收入可比增长13.2%。", "地方一般公共预算收入"),
        ("发明专利授权量比“十二五”末增长了311件。", "发明专利授权量"),
        ("科技型中小企业2671家,与2021年相比增长251%。", "科技型中小企业"),
        # a mark passed is not what passed it
        ("高新技术产业实现产值304.97亿元,首次突破300亿元大关。", "高新技术产业产值"),
        ("经济总量跨越了两千亿元。", "经济总量"),
    ],
)
def test_a_comparison_or_a_mark_passed_is_no_part_of_the_name(text: str, metric: str) -> None:
    assert figures(text, place="某省")[-1].metric == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("科技服务业实现营收76.7亿元。", "科技服务业营收"),
        ("教育重点项目完成投资1205万元。", "教育重点项目投资"),
        # a verb that says what kind of amount it is stays: 资助经费, not 经费
        ("市自然科学基金资助经费1200万元。", "市自然科学基金资助经费"),
    ],
)
def test_a_verb_of_reaching_is_no_part_of_an_amounts_name(text: str, metric: str) -> None:
    assert one(text, place="某省").metric == metric


def test_firms_an_incubator_hosts_and_projects_under_way_keep_their_zai() -> None:
    # 在孵企业, 在研项目 are words, as 在建项目 is: 在 is no preposition to strip before them
    found = figures("全市在孵企业320家,在研项目86项。")
    assert [(f.value, f.metric) for f in found] == [(320, "在孵企业"), (86, "在研项目")]


def test_a_total_and_a_level_grown_to_are_named_after_the_clauses_subject() -> None:
    found = figures(
        "2022年高新技术企业净增数突破200家,超额完成全年净增130家目标任务,总数突破700家。",
        place="某市",
    )
    assert found[-1].metric == "高新技术企业总数"
    # "发展到" is how the count changed, not what was counted
    assert one("省级以上高新技术企业发展到101家。", place="某市").metric == "省级以上高新技术企业"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # what the people counted did at a meeting names them, never a name of another clause
        ("培训班邀请14位专家授课,累计200余人参会。", "参会人数"),
        ("会议由市领导主持,授课14位。", "授课人数"),
        ("培训班上,专家授课14位。", "授课专家"),
    ],
)
def test_people_at_a_meeting_are_named_after_what_they_did_there(text: str, metric: str) -> None:
    assert figures(text, place="某市")[-1].metric == metric


def test_the_basis_of_a_rise_is_no_part_of_the_name() -> None:
    assert one("我省出资额在现有基础上提高25%。", place="某省").metric == "出资额"


def test_a_share_of_a_place_names_the_part_before_it() -> None:
    found = figures("高新技术企业总数达到5902家,占全省的42.1%。", place="某市")
    assert found[-1].metric == "高新技术企业总数占全省比重"


def test_a_news_items_undated_figures_are_of_the_year_it_was_published() -> None:
    """A news page of March 2023 ("…召开创建省级创新型县推进会"): "县统计局、县财政局等12个相关
    单位将对标对表" gives no year, and a reader takes it as 2023's; a work summary's undated
    figure is not dated by its publication (it may report the year before)."""
    text = "会上,县科工局通报了创建工作进展情况,县统计局、县财政局等12个相关单位将对标对表。\n"
    news = extract_indicators(
        SHA, parse_structure(text), "2023-03-11", None, "蓝山县召开创建省级创新型县推进会"
    )
    assert [(f.value, f.year) for f in news] == [(12, 2023)]
    summary = extract_indicators(SHA, parse_structure(text), "2023-03-11", None, "县科工局工作总结")
    assert [(f.value, f.year) for f in summary] == [(12, None)]


def test_how_a_figure_became_known_is_no_part_of_its_name() -> None:
    assert one("2020年全社会R&D投入共统计上报16.15亿元。", place="某市").metric == "全社会R&D投入"


def test_a_count_of_firms_is_named_by_what_they_did() -> None:
    # "22家企业入库": the count is of the firms that entered the pool; a bare 企业 says nothing
    assert one("晋城市22家企业入库。").metric == "入库的企业"
    found = figures("新申报高新技术企业89家，共70家企业通过评审，组织130家企业申报高新技术企业。")
    assert [(f.value, f.metric) for f in found] == [
        (89, "新申报高新技术企业"),
        (70, "通过评审的企业"),
        (130, "申报高新技术企业的企业"),
    ]
    # a noun that names the count well keeps it; people keep their own name
    assert one("3个市级科技创新基础设施获批建设。").metric == "市级科技创新基础设施"


def test_a_count_of_a_thing_done_keeps_what_it_was_done_to() -> None:
    # only the verb would be left after the last verb: the whole deed names the count
    assert one("全年科技型中小企业入库认定86家。").metric == "科技型中小企业入库认定"
    # a task beaten is no deed of its own
    assert one("已超额完成全年新认定20家的目标。").metric != "超额完成全年新认定"


def test_the_noun_of_a_count_ends_where_its_predicate_begins() -> None:
    # what the 33 firms did holds another figure: their noun ends before it, and the 41 projects
    # keep their own name
    found = figures("共有33家企业争取省“科技贷”项目41项，支持贷款额度1.78亿元。")
    assert [(f.value, f.metric) for f in found][:2] == [(33, "企业"), (41, "省“科技贷”项目")]
