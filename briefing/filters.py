"""Filters this tool adds for template authors (documented in docs/templates.md).

Plain functions of their input, so they behave the same in `briefing build`, `briefing template
check` and a Python shell. Bad input is a ValueError with a Chinese message naming the filter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

import cn2an


def clip(text: str, limit: int = 80) -> str:
    """`text` cut to `limit` characters with an ellipsis: for quoting input in messages."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_DIGITS = "零一二三四五六七八九"


def cn_ordinal(number: int) -> str:
    """1 -> 一, 10 -> 十, 15 -> 十五, 20 -> 二十, 99 -> 九十九; 100 and more stay in digits."""
    try:
        value = int(number)
    except (TypeError, ValueError):
        return str(number)
    if value < 0 or value >= 100:
        return str(value)
    if value < 10:
        return _DIGITS[value]
    tens, units = divmod(value, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def cn_paren(number: int) -> str:
    """1 -> （一）: the numbering of second-level headings."""
    return f"（{cn_ordinal(number)}）"


_UNITS_YI = 1e8
_UNITS_WAN = 1e4


def _number(value: Any, filter_name: str) -> float:
    """A filter's input as a number: ints, floats and numeric strings ("8.65e10", "1,200")."""
    if isinstance(value, bool):
        raise ValueError(f"过滤器 {filter_name} 需要数字，得到的是真/假值")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").replace("，", "").strip())
        except ValueError:
            pass
    raise ValueError(f"过滤器 {filter_name} 需要数字，得到的是“{clip(str(value), 20)}”")


def _decimal(value: float, digits: int) -> str:
    """Rounded to `digits` places without trailing zeros: 865.10 -> 865.1, 300.0 -> 300."""
    text = f"{value:.{max(0, min(int(digits), 6))}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def yi(value: Any, digits: int = 1) -> str:
    """An amount in 元 written in 亿元: 86510000000 -> 865.1亿元."""
    return _decimal(_number(value, "yi") / _UNITS_YI, digits) + "亿元"


def wan(value: Any, digits: int = 1) -> str:
    """An amount in 元 written in 万元: 12345678 -> 1234.6万元."""
    return _decimal(_number(value, "wan") / _UNITS_WAN, digits) + "万元"


def percent(value: Any, digits: int = 1) -> str:
    """A ratio as a percentage: 0.372 -> 37.2%, 0.5 -> 50%."""
    return _decimal(_number(value, "percent") * 100, digits) + "%"


def issue(value: Any) -> str:
    """3 -> 第3期."""
    return f"第{int(_number(value, 'issue'))}期"


def cn_number(value: Any) -> str:
    """12 -> 十二, 2024 -> 二千零二十四, 3.5 -> 三点五 (cn2an's conventions)."""

    number = _number(value, "cn_number")
    result: str = cn2an.an2cn(int(number) if number == int(number) else number)
    return result


def cn_date_filter(value: Any) -> str:
    """2024-03-27 (a string, date or datetime) -> 2024年3月27日; an empty value stays empty."""

    if value in (None, ""):
        return ""
    if isinstance(value, datetime | date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ValueError(
                f"过滤器 cn_date 需要 YYYY-MM-DD 格式的日期，得到的是“{clip(str(value), 20)}”"
            ) from None
    return f"{day.year}年{day.month}月{day.day}日"


@runtime_checkable
class Resizable(Protocol):
    """A chart as a template holds it (`briefing.render.ChartHandle`)."""

    def resized(self, width_mm: float) -> Any: ...


def image_width(image: Any, millimetres: float) -> Any:
    """A chart printed `millimetres` wide (height follows): `{{ charts.themes | width(80) }}`.

    An empty chart ("") stays empty, so `{% if theme.chart %}` still works around it.
    """
    if not image:
        return image
    size = _number(millimetres, "width")
    if not 20 <= size <= 170:
        raise ValueError(f"过滤器 width 的宽度应在 20 到 170 毫米之间，得到的是 {size:g}")
    if not isinstance(image, Resizable):
        raise ValueError("过滤器 width 只能用于图表变量（如 charts.themes、theme.chart）")
    return image.resized(size)


AUTHOR_FILTERS: dict[str, Callable[..., Any]] = {
    "cn_ordinal": cn_ordinal,
    "cn_paren": cn_paren,
    "yi": yi,
    "wan": wan,
    "cn_date": cn_date_filter,
    "percent": percent,
    "issue": issue,
    "cn_number": cn_number,
    "width": image_width,
}
"""The filters this tool adds for template authors (documented in docs/templates.md)."""
