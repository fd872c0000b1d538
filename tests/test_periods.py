from __future__ import annotations

from datetime import date

import pytest

from briefing.periods import PeriodError, cn_date, parse_period, period_of_key


@pytest.mark.parametrize(
    ("text", "key", "start", "end"),
    [
        ("2024-03", "2024-03", date(2024, 3, 1), date(2024, 3, 31)),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", "2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-Q1", "2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024-01..2024-03", "2024-01_2024-03", date(2024, 1, 1), date(2024, 3, 31)),
    ],
)
def test_periods_resolve_to_fixed_dates(text: str, key: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.key, period.start, period.end) == (key, start, end)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("２０２４", "2024"),
        ("٢٠٢٤", "2024"),
        ("２０２４..２０２５", "2024_2025"),
        ("２０２４-０３", "2024-03"),
    ],
)
def test_a_period_in_other_digits_is_the_same_period(text: str, key: str) -> None:
    """Round 14: a year in full-width (or any script's) digits kept them in its key: the
    briefing went to a folder ２０２４ beside 2024, as another issue of the same year."""
    assert parse_period(text).key == key
    # a folder made before still reads back its issues (the state and manifests name the key)
    assert period_of_key("２０２４").key == "２０２４"


def test_last_month_in_march_is_february() -> None:
    period = parse_period("last-month", today=date(2024, 3, 15))
    assert period.key == "2024-02"
    assert parse_period("last-month", today=date(2024, 1, 5)).key == "2023-12"


def test_all_contains_undated_documents_and_a_month_does_not() -> None:
    assert parse_period("all").contains(None)
    march = parse_period("2024-03")
    assert march.contains("2024-03-27")
    assert not march.contains("2024-04-01")
    assert not march.contains(None)


@pytest.mark.parametrize("text", ["2024-13", "March", "2024-03..2024-01", ""])
def test_bad_periods_are_errors_in_chinese(text: str) -> None:
    with pytest.raises(PeriodError, match=r"期间|月份"):
        parse_period(text)


def test_chinese_dates() -> None:
    assert cn_date("2024-03-07") == "2024年3月7日"
    assert cn_date(None) == ""
