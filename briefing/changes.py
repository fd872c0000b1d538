"""What changed: a figure over the years, and this issue against the previous one.

The rules, written for readers in docs/templates.md (“变化的计算”), are applied here only:

- A **trend** joins the actual values of one figure (the same name and the same place) for
  different years. A place the text does not name is its document's own area, so such figures
  join only within one document. The figures the previous issue printed (its manifest's
  `facts`) join as well, cited with that issue's number (`第1期[3]`).
- The latest year is compared with the nearest earlier one. A year with two different values
  (a disagreement) gives no trend: nothing is computed from a disputed value.
- The change is computed only from the two cited values: (latest − earlier) ÷ earlier, in
  percent with one decimal (增长37.2%, 下降4.1%); for figures in % the difference in 个百分点.
  “约” when either value is approximate (超, 近, 约, 余, 以上 …).
- A mark crossed (突破2万亿元, 超过100亿元: a bound word before a round number of at most two
  significant digits) says only that the figure passed it: no change is computed from it, so no
  trend holds it (“增长约50%” from 突破2万亿 to 突破3万亿 would be invented).
- Per theme, the measure count is compared with the previous issue's (较上期增加5条).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from briefing.aggregate import Aggregates, theme_counts
from briefing.figures import as_forecast, format_number, is_mark, printed_value
from briefing.readers import limits
from briefing.validate import year_problem

FACTS_FORMAT = 1
"""Version of the `facts` an issue's manifest keeps for the next issue to compare with."""

_APPROXIMATE = ("超", "近", "约", "余", "多", "以上", "左右", "逾", "不低于", "不少于", "突破")


@dataclass(frozen=True)
class Point:
    """One value of a figure: this issue's (cited [n]) or the previous issue's (第N期[n])."""

    theme: str
    metric: str
    scope: str
    place: str
    """The scope, or for a figure whose place the text does not name, its document (`#3`)."""
    year: int
    value: float
    unit: str
    base_value: float
    base_unit: str
    value_text: str
    quote: str
    cite: str
    approximate: bool
    issue: str = ""
    """`第1期` for a value printed by the previous issue, empty for this issue's."""

    @property
    def mark(self) -> bool:
        """Whether the value is a mark crossed (突破2万亿元), from which no change is computed."""
        return is_mark(self.value_text)


@dataclass(frozen=True)
class Trend:
    """A figure's latest value beside its nearest earlier one."""

    latest: Point
    earlier: Point
    change: str
    """增长37.2%, 下降4.1%, 提高0.3个百分点, 持平; “约” when a value is approximate."""

    @property
    def text(self) -> str:
        where = f"（{self.latest.scope}）" if self.latest.scope else ""
        # a value from the previous issue is cited where it stands (第1期[3]); this issue's
        # citations close the sentence, as the issue's own example does ([3][5])
        if self.earlier.issue:
            earlier, cites = f"{self.earlier.value_text}（见{self.earlier.cite}）", self.latest.cite
        else:
            earlier, cites = self.earlier.value_text, _merged(self.earlier.cite, self.latest.cite)
        return (
            f"{self.latest.metric}{where}{self.latest.year}年{self.latest.value_text}，"
            f"较{self.earlier.year}年的{earlier}{self.change}{cites}。"
        )


@dataclass(frozen=True)
class PreviousIssue:
    """The issue before this one in the same output folder, as its manifest recorded it."""

    label: str
    """`第1期（2023年7月）`."""
    number_label: str
    """`第1期`: prefixes the previous issue's citations."""
    facts: Mapping[str, Any]


@dataclass(frozen=True)
class Changes:
    previous: PreviousIssue | None = None
    previous_counts: dict[str, int] = field(default_factory=dict)
    """The previous issue's measure count per theme (empty without a previous issue)."""
    trends: dict[str, list[Trend]] = field(default_factory=dict)
    """Per theme, its figures' trends (within this issue and against the previous one)."""

    @property
    def updated(self) -> list[Trend]:
        """Trends whose earlier value the previous issue printed: figures updated since then."""
        return [t for trends in self.trends.values() for t in trends if t.earlier.issue]

    def count_change(self, theme: str, count: int) -> str:
        """较上期增加5条 / 较上期减少2条 / 与上期持平; empty without a previous issue."""
        if self.previous is None:
            return ""
        delta = count - self.previous_counts.get(theme, 0)
        if delta > 0:
            return f"较上期增加{delta}条"
        if delta < 0:
            return f"较上期减少{-delta}条"
        return "与上期持平"


def _merged(*cites: str) -> str:
    """[3] and [3][5] -> [3][5]: each source once, in number order."""
    numbers = sorted({int(n) for cite in cites for n in re.findall(r"\[(\d+)\]", cite)})
    return _cite(numbers)


def _cite(sources: Sequence[int], issue: str = "") -> str:
    return "".join(f"{issue}[{n}]" for n in sources)


def _approximate(value_text: str, qualifier: str) -> bool:
    return bool(qualifier) or any(word in value_text for word in _APPROXIMATE)


def _forecast(row: pd.Series) -> bool:
    """An estimate (预计…): its trend says 预计, never that the value was reached."""
    return bool(row.get("forecast", False))


def current_points(aggregates: Aggregates) -> list[Point]:
    """This issue's actual values with a named metric and a known year (the ledger's rows
    shown or not: a trend may join a figure the tables leave out, its values are cited)."""
    ledger = aggregates.ledger
    if ledger.empty:
        return []
    rows = ledger.loc[(ledger["kind"] == "actual") & ledger["year"].notna()]
    points: list[Point] = []
    for _, row in rows.iterrows():
        metric = str(row["metric"])
        if not metric:
            continue
        sources = [int(s) for s in row["sources"]]
        quote = str(row["text"])
        value_text = as_forecast(
            printed_value(quote, float(row["value"]), str(row["unit"])), _forecast(row)
        )
        scope = str(row["scope"])
        points.append(
            Point(
                theme=str(row["theme"]),
                metric=metric,
                scope=scope,
                place=scope or f"#{sources[0]}",
                year=int(row["year"]),
                value=float(row["value"]),
                unit=str(row["unit"]),
                base_value=float(row["base_value"]),
                base_unit=str(row["base_unit"]),
                value_text=value_text,
                quote=quote,
                cite=_cite(sources),
                approximate=_approximate(value_text, str(row["qualifier"])),
            )
        )
    return points


def previous_points(previous: PreviousIssue | None) -> list[Point]:
    """The figures the previous issue printed whose place is named (an unnamed place is a
    document's own area, and that document is not in this issue)."""
    if previous is None:
        return []
    points: list[Point] = []
    figures = previous.facts.get("figures", [])
    for item in figures if isinstance(figures, list) else []:
        try:
            point = _previous_point(item, previous.number_label)
        except ValueError:
            continue  # not what issue_facts writes: `facts_problem` has told the user
        if point.scope and point.metric:
            points.append(point)
    return points


# What one figure of a previous manifest may hold. The manifest lies in the output folder, where
# anyone who can write the folder can edit it, and every later issue reads it: a figure that is
# not the shape `issue_facts` writes failed every later run with a traceback (a list where a
# number was), drew an 8 GB citation (a million sources), a text no chart can draw or a briefing
# the renderer refuses (a control character), blaming the template. A figure's texts come from
# one sentence of a document, so they are at most a sentence long.
_FACT_TEXTS = ("theme", "metric", "scope", "unit", "base_unit", "value_text", "quote")
_MAX_FACT_NUMBER = 1e30
"""Above any figure's value or base value (round 12: at most about 1e24)."""
_MAX_FACT_SOURCES = 1000
"""Documents one figure of an issue cites; far above a real one (the same value and place)."""
_MAX_FACT_SOURCE = 10_000_000
_MAX_THEME_COUNT = 1_000_000_000
# what the readers never let through (`readers.common`): a line break (a sentence is in one
# paragraph), a control or XML-invalid character
_CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def _previous_point(item: Any, issue: str) -> Point:
    """A figure of a previous manifest's `facts`; ValueError (Chinese) when it is not one
    `issue_facts` could have written."""
    if not isinstance(item, dict):
        raise ValueError("不是对象")
    for key in _FACT_TEXTS:
        text = item.get(key)
        if not isinstance(text, str):
            raise ValueError(f"的 {key} 不是文字")
        if len(text) > limits.MAX_SENTENCE_CHARS or _CONTROL_RE.search(text):
            raise ValueError(f"的 {key} 过长或含有控制字符")
    year = item.get("year")
    if type(year) is not int or year_problem(year) is not None:
        raise ValueError("的 year 不是 1900–2100 之间的年份")
    for key in ("value", "base_value"):
        number = item.get(key)
        # not a bool (an int to Python); NaN fails the comparison
        if not isinstance(number, int | float) or isinstance(number, bool):
            raise ValueError(f"的 {key} 不是有效的数值")
        if not abs(number) <= _MAX_FACT_NUMBER:
            raise ValueError(f"的 {key} 不是有效的数值")
    sources = item.get("sources")
    if (
        not isinstance(sources, list)
        or not 1 <= len(sources) <= _MAX_FACT_SOURCES
        or any(type(n) is not int or not 1 <= n <= _MAX_FACT_SOURCE for n in sources)
    ):
        raise ValueError("的 sources 不是文件序号的列表")
    if type(item.get("approximate")) is not bool:
        raise ValueError("的 approximate 不是真假值")
    return Point(
        theme=item["theme"],
        metric=item["metric"],
        scope=item["scope"],
        place=item["scope"],
        year=year,
        value=float(item["value"]),
        unit=item["unit"],
        base_value=float(item["base_value"]),
        base_unit=item["base_unit"],
        value_text=item["value_text"],
        quote=item["quote"],
        cite=_cite(sources, issue),
        approximate=item["approximate"],
        issue=issue,
    )


def facts_problem(facts: Mapping[str, Any]) -> str | None:
    """Why a previous manifest's `facts` (of FACTS_FORMAT) are not what `issue_facts` writes,
    in Chinese, or None. The next issue then compares with nothing and says so."""
    themes = facts.get("themes", {})
    if not isinstance(themes, dict):
        return "themes 不是各主题措施数的对照"
    for count in themes.values():
        if type(count) is not int or not 0 <= count <= _MAX_THEME_COUNT:
            return "themes 中的措施数不是有效的条数"
    figures = facts.get("figures", [])
    if not isinstance(figures, list):
        return "figures 不是数据的列表"
    for number, item in enumerate(figures, 1):
        try:
            _previous_point(item, "")
        except ValueError as exc:
            return f"figures 的第 {number} 项{exc}"
    return None


def change_text(earlier: Point, latest: Point) -> str | None:
    """The change from `earlier` to `latest`, or None when it cannot be computed."""
    about = "约" if earlier.approximate or latest.approximate else ""
    if latest.base_unit == "%":
        delta = round(latest.base_value - earlier.base_value, 2)
        if delta == 0:
            return "持平"
        verb = "提高" if delta > 0 else "降低"
        return f"{verb}{about}{format_number(abs(delta))}个百分点"
    if earlier.base_value <= 0 or not math.isfinite(earlier.base_value):
        return None
    percent = round((latest.base_value - earlier.base_value) / earlier.base_value * 100, 1)
    if not math.isfinite(percent):
        return None  # an earlier value too small to divide by
    if percent == 0:
        return "持平"
    verb = "增长" if percent > 0 else "下降"
    return f"{verb}{about}{format_number(abs(percent))}%"


def find_trends(points: Sequence[Point]) -> list[Trend]:
    """A trend for each figure reported for two or more years (rules: module docstring), in the
    order its latest value was first met."""
    series: dict[tuple[str, str, str], dict[int, list[Point]]] = {}
    for point in points:
        key = (point.metric, point.place, point.base_unit)
        series.setdefault(key, {}).setdefault(point.year, []).append(point)
    trends: list[Trend] = []
    for years in series.values():
        if len(years) < 2:
            continue
        ordered = sorted(years)
        latest_year, earlier_year = ordered[-1], ordered[-2]
        latest = _agreed(years[latest_year])
        earlier = _agreed(years[earlier_year])
        if latest is None or earlier is None or latest.issue:
            continue  # a disputed value, or nothing new in this issue
        if latest.mark or earlier.mark:
            continue  # 突破2万亿 -> 突破3万亿 tells no change
        change = change_text(earlier, latest)
        if change is not None:
            trends.append(Trend(latest, earlier, change))
    return trends


def _agreed(points: list[Point]) -> Point | None:
    """The value of a year, when its reports agree: this issue's first, else the previous
    issue's; None when this issue's reports disagree."""
    current = [p for p in points if not p.issue] or points
    if len({p.base_value for p in current}) > 1:
        return None
    return current[0]


def what_changed(aggregates: Aggregates, previous: PreviousIssue | None) -> Changes:
    """Trends per theme and the previous issue's counts."""
    trends: dict[str, list[Trend]] = {theme: [] for theme in aggregates.themes}
    for trend in find_trends([*current_points(aggregates), *previous_points(previous)]):
        if trend.latest.theme in trends:
            trends[trend.latest.theme].append(trend)
    counts: dict[str, int] = {}
    if previous is not None:
        themes = previous.facts.get("themes", {})
        for name, count in themes.items() if isinstance(themes, dict) else ():
            if type(count) is int:
                counts[str(name)] = count
    return Changes(previous, counts, trends)


def issue_facts(aggregates: Aggregates) -> dict[str, Any]:
    """What the next issue compares with, kept in this issue's manifest: each theme's measure
    count and the key figures this issue printed whose place and year are known."""
    counts = theme_counts(aggregates.by_theme)
    figures: list[dict[str, Any]] = []
    for theme in aggregates.themes:
        rows = aggregates.figures[theme].results
        for _, row in rows.iterrows():
            if row["kind"] != "actual" or pd.isna(row["year"]) or not row["scope"]:
                continue
            quote = str(row["text"])
            value_text = as_forecast(
                printed_value(quote, float(row["value"]), str(row["unit"])), _forecast(row)
            )
            figures.append(
                {
                    "theme": theme,
                    "metric": str(row["metric"]),
                    "scope": str(row["scope"]),
                    "year": int(row["year"]),
                    "value": float(row["value"]),
                    "unit": str(row["unit"]),
                    "base_value": float(row["base_value"]),
                    "base_unit": str(row["base_unit"]),
                    "value_text": value_text,
                    "quote": quote,
                    "sources": [int(s) for s in row["sources"]],
                    "approximate": _approximate(value_text, str(row["qualifier"])),
                }
            )
    return {
        "format": FACTS_FORMAT,
        "themes": {theme: counts[theme]["measures"] for theme in aggregates.themes},
        "figures": figures,
    }
