"""Aggregation: counts by theme and status, the indicator ledger, highlights."""

from __future__ import annotations

from briefing.aggregate import aggregate, pick_highlights, theme_counts
from briefing.context import printed_value
from briefing.model import ExtractedDocument, Indicator, Measure, Metadata


def _doc(no: int, measures: list[Measure], indicators: list[Indicator]) -> ExtractedDocument:
    return ExtractedDocument(
        source=f"d{no}.txt",
        sha256=f"{no:064d}",
        format="text",
        metadata=Metadata(title=f"文件{no}", display_title=f"文件{no}"),
        body="正文",
        measures=measures,
        indicators=indicators,
    )


def _m(mid: str, themes: list[str], status: str = "done", dup: str | None = None) -> Measure:
    return Measure(
        id=mid,
        text=f"措施{mid}的文字内容足够长以便成为要点的候选项目之一。",
        section=("一、工作开展情况",),
        status=status,  # type: ignore[arg-type]
        themes=themes,
        duplicate_of=dup,
    )


def _i(iid: str, mid: str, metric: str, value: float, scope: str | None = None) -> Indicator:
    return Indicator(
        id=iid,
        text=f"{metric}达到{value:g}亿元",
        metric=metric,
        value=value,
        unit="亿元",
        year=2023,
        kind="actual",
        scope=scope,
        measure_id=mid,
    )


def test_counts_by_theme_and_status_exclude_duplicates_and_keep_other() -> None:
    docs = [
        _doc(1, [_m("a", ["科技金融"]), _m("b", ["人才"], "planned"), _m("c", [])], []),
        _doc(2, [_m("d", ["科技金融", "人才"]), _m("e", ["科技金融"], dup="a")], []),
    ]
    agg = aggregate(docs, ["基础研究", "成果转化", "科技金融", "人才"])
    counts = theme_counts(agg.by_theme)
    assert counts["科技金融"] == {"measures": 2, "done": 2, "planned": 0, "documents": 2}
    assert counts["人才"] == {"measures": 2, "done": 1, "planned": 1, "documents": 2}
    assert counts["其他"]["measures"] == 1
    assert counts["基础研究"]["measures"] == 0
    assert agg.by_document.loc[2, "科技金融"] == 1  # the duplicate is not counted again


def test_same_figure_from_two_documents_is_one_ledger_row_with_both_sources() -> None:
    docs = [
        _doc(1, [_m("a", ["成果转化"])], [_i("i1", "a", "技术合同成交额", 865.1)]),
        _doc(2, [_m("b", ["成果转化"])], [_i("i2", "b", "技术合同成交额", 865.1)]),
    ]
    ledger = aggregate(docs, ["成果转化"]).ledger
    assert len(ledger) == 1
    assert ledger.iloc[0]["sources"] == [1, 2]
    assert not ledger.iloc[0]["conflict"]


def test_disagreeing_values_are_flagged_but_a_different_scope_is_not() -> None:
    docs = [
        _doc(1, [_m("a", ["成果转化"])], [_i("i1", "a", "技术合同成交额", 865.1)]),
        _doc(2, [_m("b", ["成果转化"])], [_i("i2", "b", "技术合同成交额", 197, scope="科学城")]),
    ]
    assert not aggregate(docs, ["成果转化"]).ledger["conflict"].any()
    docs.append(_doc(3, [_m("c", ["成果转化"])], [_i("i3", "c", "技术合同成交额", 800.0)]))
    ledger = aggregate(docs, ["成果转化"]).ledger
    city = ledger[ledger["scope"] == ""]
    assert city["conflict"].all() and len(city) == 2


def test_highlights_prefer_measures_with_figures_and_spread_over_documents() -> None:
    measures = [_m(f"a{k}", ["人才"]) for k in range(4)] + [_m("b0", ["人才"])]
    docs = [
        _doc(1, measures[:4], [_i("i1", "a3", "人才", 5.0)]),
        _doc(2, [measures[4]], []),
    ]
    agg = aggregate(docs, ["人才"])
    picked = pick_highlights(agg.measures, "人才", 3)
    ids = picked["measure_id"].tolist()
    assert "a3" in ids  # the one with a figure
    assert "b0" in ids  # the second document is represented
    assert len(ids) == 3


def test_printed_value_quotes_the_figure_as_the_source_prints_it() -> None:
    assert printed_value("全市实现技术合同成交额超630.5亿元", 630.5, "亿元") == "超630.5亿元"
    assert printed_value("累计培育1200余名", 1200, "名") == "1200余名"
    assert printed_value("科技型企业分别达到2245家、1.5万家", 1.5, "万家") == "1.5万家"
    assert printed_value("增长３．６８％", 3.68, "%") == "３．６８％"
    assert printed_value("研发投入强度预计2.45%", 2.45, "%") == "预计2.45%"


def test_an_empty_month_aggregates_to_zeros_not_an_error() -> None:
    agg = aggregate([], ["科技金融", "人才"])
    assert theme_counts(agg.by_theme)["人才"] == {
        "measures": 0,
        "done": 0,
        "planned": 0,
        "documents": 0,
    }
    assert agg.ledger.empty
    assert pick_highlights(agg.measures, "人才", 3).empty


def test_two_values_of_one_metric_in_one_document_are_not_a_disagreement() -> None:
    docs = [
        _doc(
            1,
            [_m("a", ["基础研究"]), _m("b", ["基础研究"])],
            [_i("i1", "a", "稳定支持经费", 20.0), _i("i2", "b", "稳定支持经费", 100.0)],
        )
    ]
    assert not aggregate(docs, ["基础研究"]).ledger["conflict"].any()
