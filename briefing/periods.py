"""Reporting periods: parsed and resolved to fixed dates before anything is written."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.errors import BriefingError
from briefing.validate import year_problem


class PeriodError(BriefingError):
    """The --period value cannot be understood."""


@dataclass(frozen=True)
class Period:
    key: str
    """Used in folder and file names: `2024-03`, `2024`, `2024-Q1`, `2024-01_2024-03`, `all`."""
    label: str
    start: date | None
    end: date | None

    def contains(self, iso: str | None) -> bool:
        if self.start is None or self.end is None:
            return True
        if iso is None:
            return False
        day = date.fromisoformat(iso)
        return self.start <= day <= self.end


def _month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(
        f"{year:04d}-{month:02d}",
        f"{year}年{month}月",
        date(year, month, 1),
        date(year, month, last),
    )


def _year(text: str, digits: str) -> int:
    """A period's year, within the years a briefing can be about (and a date can hold)."""
    year = int(digits)
    problem = year_problem(year)
    if problem is not None:
        raise PeriodError(f"期间 {text} 的{problem}")
    return year


def _single(text: str, today: date) -> Period:
    if text == "last-month":
        previous = today.replace(day=1) - timedelta(days=1)
        return _month(previous.year, previous.month)
    if text == "this-month":
        return _month(today.year, today.month)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, month = _year(text, m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"月份无效：{text}")
        return _month(year, month)
    if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
        year, quarter = _year(text, m[1]), int(m[2])
        first, last = _month(year, quarter * 3 - 2), _month(year, quarter * 3)
        return Period(
            f"{year}-Q{quarter}", f"{year}年第{'一二三四'[quarter - 1]}季度", first.start, last.end
        )
    if re.fullmatch(r"\d{4}", text):
        year = _year(text, text)
        # the key from the number, as for a month: `\d` is any script's digit, and `-p ２０２４`
        # (full-width, as a Chinese input method types it) made a folder ２０２４ beside 2024,
        # numbered as an issue of its own for the same year
        return Period(f"{year:04d}", f"{year}年", date(year, 1, 1), date(year, 12, 31))
    raise PeriodError(
        f"无法识别的期间：{text}（可用：all、YYYY、YYYY-MM、YYYY-Qn、last-month、this-month、FROM..TO）"
    )


def parse_period(text: str, today: date | None = None) -> Period:
    """Parse a --period value. `today` only matters for last-month/this-month."""
    text = text.strip()
    today = today or date.today()
    if text == "all":
        return Period("all", "全部文件", None, None)
    if ".." in text:
        left, right = text.split("..", 1)
        first, last = _single(left, today), _single(right, today)
        assert first.start is not None and last.end is not None
        if first.start > last.end:
            raise PeriodError(f"期间起点晚于终点：{text}")
        return Period(
            f"{first.key}_{last.key}", f"{first.label}至{last.label}", first.start, last.end
        )
    return _single(text, today)


def period_of_key(key: str) -> Period:
    """The period whose `Period.key` is `key` (as the run state and the manifests record it);
    PeriodError when no period has it. A range's key joins its ends with `_`, which
    `parse_period` does not read: the issue after a `-p 2023-06..2023-07` one failed on it."""
    period = parse_period(key.replace("_", "..", 1))
    if period.key == _ascii_digits(key) != key:  # a year recorded as `２０２４` before round 14
        return Period(key, period.label, period.start, period.end)
    if period.key != key:  # `last-month`, ` 2024-03`, `2024-3`: no issue is recorded so
        raise PeriodError(f"无法识别的期间：{key}")
    return period


def _ascii_digits(text: str) -> str:
    return "".join(str(int(c)) if c.isdecimal() else c for c in text)


def cn_date(iso: str | None) -> str:
    """2024-03-27 -> 2024年3月27日."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"
