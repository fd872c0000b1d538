"""Dates as Chinese policy documents write them, normalised to ISO."""

from __future__ import annotations

import pytest

from briefing.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023-07-27", "2023-07-27"),
        ("2023/7/27", "2023-07-27"),
        ("2023.07.27", "2023-07-27"),
        # day first, as some content systems stamp a page
        ("16.03.2016  16:32", "2016-03-16"),
        ("2023年4月28日", "2023-04-28"),
        ("2023年04月28日", "2023-04-28"),
        ("2023 年 4 月 28 日", "2023-04-28"),
        ("2023年4月28号", "2023-04-28"),
        ("(2024年3月27日在市六届人大常委会第七次会议上)", "2024-03-27"),
        ("二〇二三年四月二十八日", "2023-04-28"),
        ("二零二三年十二月三十一日", "2023-12-31"),
        ("二〇二四年一月十日", "2024-01-10"),
        ("２０２３年４月２８日", "2023-04-28"),
        ("２０２３－０７－２７", "2023-07-27"),
        ("二O二三年四月二十八日", "2023-04-28"),
        ("二OO五年八月三日", "2005-08-03"),
        ("二〇二三年元月十日", "2023-01-10"),
        ("2023年元月10日", "2023-01-10"),
        ("二00五年八月三日", "2005-08-03"),
        ("二oo五年八月三日", "2005-08-03"),
        ("2023年04月28日 星期五", "2023-04-28"),
        ("• 2019年07月17日 14时55分", "2019-07-17"),
        ("发布时间：2023-07-16 10:22:33", "2023-07-16"),
    ],
)
def test_dates_in_every_written_form_become_iso(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "2023年",
        "2023年4月",
        "2023-07",
        "二〇二三年",
        "二〇二三年四月",
        "2023-02-30",
        "3.14.2016",
        "版本1.2.2023.1",
        "2023年13月1日",
        "二〇二三年二月三十日",
        "11500000MB15895317/2023-00178",
        "《重庆市基础研究行动计划(2021-2030年)》",
        "渝科局函〔2023〕372号",
        "一带一路",
        "",
    ],
)
def test_a_year_or_month_alone_or_an_impossible_date_is_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_gives_spans_of_the_original_text_in_order() -> None:
    text = "成文日期 2023-07-27,落款二〇二三年四月二十八日,另见２０２２年１１月４日。"
    found = find_dates(text)
    assert [iso for _, iso in found] == ["2023-07-27", "2023-04-28", "2022-11-04"]
    assert [text[s:e] for (s, e), _ in found] == [
        "2023-07-27",
        "二〇二三年四月二十八日",
        "２０２２年１１月４日",
    ]


def test_chinese_numerals_outside_a_date_are_left_alone() -> None:
    text = "共建一带一路,一是完善机制,十四五期间二〇二三年四月二十八日印发。"
    found = find_dates(text)
    assert len(found) == 1
    (start, end), iso = found[0]
    assert (text[start:end], iso) == ("二〇二三年四月二十八日", "2023-04-28")
