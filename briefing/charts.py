"""Charts for the briefing: data in, PNG out (matplotlib, Agg backend, bundled CJK font).

Every function is pure: the same data gives byte-identical PNG bytes (fixed size and dpi, no
software/time metadata), so re-running a build reproduces the same DOCX. `draw_charts` makes the
charts of one briefing from its aggregates; the context builder places them.

Colours are sober and print-friendly. A theme's colour is derived from its position in the
configured theme order (`theme_color(index)`), so the same theme has the same colour in every
chart of a briefing, and any number of themes gets distinct colours. Measures in no theme
(`其他`) are always grey.
"""

from __future__ import annotations

import colorsys
import io
import logging
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import matplotlib
import matplotlib.style
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from briefing.aggregate import Aggregates, theme_counts, theme_documents
from briefing.changes import Changes, Point, Trend
from briefing.figures import cell_value, comparable_amounts, without_verb
from briefing.fonts import cjk_rc_params
from briefing.readers.common import BIDI_SCOPES

OTHER_LABEL = "其他"
OTHER_COLOR = "#9e9e9e"
# Muted hues that stay distinguishable in print and in greyscale (alternating light and dark).
BASE_PALETTE: tuple[str, ...] = (
    "#2f5597",  # blue
    "#c0504d",  # brick red
    "#4e8542",  # green
    "#c28a2b",  # ochre
    "#7a5195",  # purple
    "#2e8b8b",  # teal
    "#8c5a3c",  # brown
    "#5a6b7b",  # slate
)

CHART_WIDTH_MM = 150.0  # the text block of an A4 page with 28/26 mm margins is 156 mm wide
DPI = 200
MAX_HEIGHT_MM = 200.0  # the A4 text block is 225 mm high; leave room for a heading and a note
_MM_PER_INCH = 25.4
_LABEL_PT = 9.0
_TITLE_PT = 10.5
_TEXT_COLOR = "#222222"
_GRID_COLOR = "#d9d9d9"


@dataclass(frozen=True)
class ChartDatum:
    """A number a chart draws and where it comes from: the text printed at the bar, the quote
    that holds it and its citation (every number on a chart is also in a table or the text,
    with its citation; a test reads these)."""

    label: str
    value_text: str
    quote: str
    cite: str


@dataclass(frozen=True)
class ChartImage:
    """A rendered chart: PNG bytes, the width it is printed at, alt text for the document, and
    the figures it draws (empty for charts of measure counts)."""

    png: bytes
    width_mm: float
    alt: str
    data: tuple[ChartDatum, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.png)


def theme_color(index: int) -> str:
    """Colour of the theme at `index` in the configured order; stable for any number of themes.

    The first eight themes take the base palette; later ones reuse its hues, alternately lighter
    and darker, so neighbours in a chart never share a colour.
    """
    base = BASE_PALETTE[index % len(BASE_PALETTE)]
    cycle = index // len(BASE_PALETTE)
    if cycle == 0:
        return base
    # cycle 1: lighter, 2: darker, 3: lighter still, ...
    shift = 0.14 * ((cycle + 1) // 2)
    lighten = cycle % 2 == 1
    return _shade(base, shift if lighten else -shift)


def _shade(color: str, amount: float) -> str:
    """Lighten (amount > 0) or darken (amount < 0) a hex colour in HLS space."""
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = min(0.88, max(0.12, light + amount))
    r2, g2, b2 = colorsys.hls_to_rgb(hue, light, sat)
    return f"#{round(r2 * 255):02x}{round(g2 * 255):02x}{round(b2 * 255):02x}"


def _tint(color: str, share: float = 0.55) -> str:
    """Mix a colour with white: the lighter companion used for planned measures."""
    channels = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * share) for c in channels)
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def format_value(value: float) -> str:
    """865.1 -> '865.1', 2245.0 -> '2245': numbers as official texts print them."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def _wrap(label: str, width: int = 12) -> str:
    """Wrap a long Chinese label into lines of about `width` characters.

    textwrap only breaks at spaces; Chinese has none, and a break inside `2023` or `SCI` reads
    badly, so runs of Latin letters and digits are kept whole, and so is a short part in brackets
    (技术合同成交额（重庆市）: never “（重” on one line and “庆市）” on the next).
    """
    tokens = re.findall(r"(?:\[\d+\])+|[（(][^（）()]{1,8}[）)]|[A-Za-z0-9.%+\-]+|\s+|.", label)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if line and len(line) + len(token) > width:
            lines.append(line)
            line = token.lstrip()
        else:
            line += token
    if line:
        lines.append(line)
    return "\n".join(lines)


# --- drawing helpers ------------------------------------------------------------------------------


def _new_figure(height_mm: float, width_mm: float = CHART_WIDTH_MM) -> Figure:
    figure = Figure(figsize=(width_mm / _MM_PER_INCH, height_mm / _MM_PER_INCH), dpi=DPI)
    FigureCanvasAgg(figure)
    figure.patch.set_facecolor("white")
    return figure


def _style_axes(axes: Axes) -> None:
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color("#808080")
    axes.tick_params(axis="both", labelsize=_LABEL_PT, colors=_TEXT_COLOR, length=0)
    axes.tick_params(axis="x", length=3, color="#808080")
    axes.xaxis.grid(True, color=_GRID_COLOR, linewidth=0.6)
    axes.set_axisbelow(True)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    # No "Software" entry and no time stamp: the same data must give the same bytes. zlib level 3
    # encodes these flat-colour pictures 1.5x faster than the default 6, for 4 % more bytes.
    figure.savefig(
        buffer,
        format="png",
        dpi=DPI,
        metadata={"Software": None},
        facecolor="white",
        pil_kwargs={"compress_level": 3},
    )
    return buffer.getvalue()


def _height_for(rows: int, extra_mm: float) -> tuple[float, float]:
    """Figure height and the height of one bar row, so that the chart fits on one page."""
    row_mm = min(9.0, 150.0 / max(rows, 1), (MAX_HEIGHT_MM - extra_mm) / max(rows, 1))
    return extra_mm + row_mm * max(rows, 1), row_mm


def _row_label_pt(row_mm: float) -> float:
    """Tick-label size that still fits a row when many bars share the page."""
    return max(4.0, min(_LABEL_PT, row_mm * 2.2))


def _chart(
    build: Callable[[], Figure],
    alt: str,
    data: Sequence[ChartDatum] = (),
    width_mm: float = CHART_WIDTH_MM,
) -> ChartImage:
    """Draw the figure `build` makes under the CJK rc settings; the chart with its alt text.

    matplotlib's own warnings (a glyph the font lacks in a document's label, a font lookup) are
    English and about our drawing, not the user's files: they are kept from the user (a missing
    glyph shows as an empty box, the rest of the chart is unaffected).
    """
    _quiet_matplotlib_logging()
    # Labels are document text: a "$" must print as itself, not start TeX math. The settings
    # start from matplotlib's own defaults ("default" style), not from the rcParams a
    # `matplotlibrc` in the working folder or the user's config set at import: such a file could
    # turn on `text.usetex` (document text run through LaTeX, where `\input` reads files) or
    # change colours and line widths, and the same data must give the same bytes anywhere.
    with (
        warnings.catch_warnings(),
        matplotlib.style.context(["default", {**cjk_rc_params(), "text.parse_math": False}]),
    ):
        warnings.simplefilter("ignore")
        figure = build()
        # the alt text joins documents' words (metric names, titles): an override one leaves
        # open would turn round the rest of it in Word's alt-text pane, and closing at the end
        # cannot reach the middle; direction controls say nothing in a description, so they go
        alt = BIDI_SCOPES.sub("", alt)
        return ChartImage(_png(figure), width_mm, alt, tuple(data))


def _quiet_matplotlib_logging() -> None:
    """matplotlib logs font lookups at WARNING; with no handler configured, Python's last-resort
    handler would print them on stderr, even under --quiet."""
    logger = logging.getLogger("matplotlib")
    if logger.level < logging.ERROR:
        logger.setLevel(logging.ERROR)


def _chart_title(figure: Figure, title: str, height_mm: float, top_mm: float = 2.5) -> None:
    """The chart's title, top left, `top_mm` below the edge whatever the figure's height."""
    figure.text(
        0.02, 1 - top_mm / height_mm, title, fontsize=_TITLE_PT, color=_TEXT_COLOR, va="top"
    )


def _empty_chart(title: str, message: str) -> ChartImage:
    def build() -> Figure:
        figure = _new_figure(30.0)
        figure.text(0.5, 0.72, title, ha="center", fontsize=_TITLE_PT, color=_TEXT_COLOR)
        figure.text(0.5, 0.35, message, ha="center", fontsize=_LABEL_PT, color="#666666")
        return figure

    return _chart(build, f"{title}：{message}")


# --- the charts -----------------------------------------------------------------------------------


def theme_status_chart(
    rows: Sequence[tuple[str, int, int, int]], documents: Sequence[int] = ()
) -> ChartImage:
    """Measures per theme, split into done (进展), provisions of policy documents in force
    (政策规定) and plans (计划): stacked horizontal bars.

    `rows` are (theme, done, provisions, plans) in the configured theme order, `plans` without
    the provisions; a row named `其他` is grey. A provision is decided policy, neither a result
    nor a next step, so it has a segment of its own (named only when some theme has one). Each
    segment carries its count when there is room, each bar its total, and with `documents` (how
    many documents each theme's measures come from) how many documents it draws on: a long bar
    from one news story reads as one story's (共9条，1份文件).
    """
    colors = [
        OTHER_COLOR if name == OTHER_LABEL else theme_color(i) for i, (name, *_) in enumerate(rows)
    ]
    return _status_chart(rows, "各主题措施数量", colors, documents)


def theme_documents_chart(
    theme: str, rows: Sequence[tuple[str, int, int, int]], theme_index: int
) -> ChartImage:
    """A 专题's own picture: the theme's measures in each document (`rows`: label such as `[3]`,
    done, provisions, plans), split as `theme_status_chart` splits the themes, in the theme's
    colour; where the 简报 compares themes, the 专题 shows which documents carry its theme."""
    color = theme_color(theme_index)
    return _status_chart(rows, f"{theme}：各文件措施数量", [color] * len(rows))


def _status_chart(
    rows: Sequence[tuple[str, int, int, int]],
    subject: str,
    colors: Sequence[str],
    documents: Sequence[int] = (),
) -> ChartImage:
    with_rules = any(rules for _, _, rules, _ in rows)
    title = f"{subject}（进展／政策规定／计划）" if with_rules else f"{subject}（进展／计划）"
    if not rows:
        return _empty_chart(title, "本期无措施")
    totals = [done + rules + plans for _, done, rules, plans in rows]
    max_total = max(totals, default=0) or 1
    # three legend entries do not fit beside the title: they get a line of their own below it
    below = 6.0 if with_rules else 0.0
    height_mm, _ = _height_for(len(rows), 30.0 + below)
    # (value column, hatch, tinted, label): results solid, provisions dotted, plans striped
    parts = [(1, "", False, "进展（已开展）")]
    if with_rules:
        parts.append((2, "...", True, "政策规定（现行政策）"))
    parts.append((3, "///", True, "计划（拟开展）"))

    def build() -> Figure:
        figure = _new_figure(height_mm)
        axes = figure.add_axes((0.2, 14.0 / height_mm, 0.72, 1 - (26.0 + below) / height_mm))
        _style_axes(axes)
        positions = list(range(len(rows)))
        starts = [0] * len(rows)
        for column, hatch, tinted, _ in parts:
            values = [int(r[column]) for r in rows]
            if tinted:
                axes.barh(
                    positions,
                    values,
                    left=starts,
                    height=0.62,
                    color=[_tint(c) for c in colors],
                    edgecolor=colors,
                    linewidth=0.6,
                    hatch=hatch,
                )
            else:
                axes.barh(
                    positions, values, height=0.62, color=colors, edgecolor="white", linewidth=0.5
                )
            for pos, (value, start) in enumerate(zip(values, starts, strict=True)):
                if value and value / max_total >= 0.06:
                    axes.text(
                        start + value / 2,
                        pos,
                        str(value),
                        ha="center",
                        va="center",
                        fontsize=_LABEL_PT - 0.5,
                        color=_TEXT_COLOR if tinted else "white",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8}
                        if tinted
                        else None,
                    )
            starts = [s + v for s, v in zip(starts, values, strict=True)]
        for pos, total in enumerate(totals):
            axes.text(
                total + max_total * 0.015,
                pos,
                f"共{total}" + (f"，{documents[pos]}份文件" if documents else ""),
                va="center",
                fontsize=_LABEL_PT,
                color=_TEXT_COLOR,
            )
        axes.set_yticks(positions, [_wrap(r[0], 8) for r in rows])
        axes.invert_yaxis()
        # room right of the longest bar for its total (and its documents)
        axes.set_xlim(0, max_total * (1.3 if documents else 1.15))
        axes.xaxis.set_major_locator(_integer_locator())
        axes.set_xlabel("措施数（条）", fontsize=_LABEL_PT, color=_TEXT_COLOR)
        legend = [
            Patch(
                facecolor=_tint("#595959") if tinted else "#595959",
                edgecolor="#595959" if tinted else "white",
                hatch=hatch or None,
                label=label,
            )
            for _, hatch, tinted, label in parts
        ]
        figure.legend(
            handles=legend,
            loc="upper right",
            ncol=len(legend),
            fontsize=_LABEL_PT,
            frameon=False,
            bbox_to_anchor=(0.98, 1.0 - (below + 1.5 if below else 0.0) / height_mm),
        )
        _chart_title(figure, title, height_mm, top_mm=5.0 if not below else 2.5)
        return figure

    def said(done: int, rules: int, plans: int) -> str:
        return f"进展{done}条、" + (f"政策规定{rules}条、" if with_rules else "") + f"计划{plans}条"

    def from_(pos: int) -> str:
        return f"（{documents[pos]}份文件）" if documents else ""

    alt = (
        title
        + "："
        + "；".join(f"{r[0]}{said(*r[1:])}{from_(i)}" for i, r in enumerate(rows))
        + "。"
    )
    return _chart(build, alt)


def document_mix_chart(
    rows: Sequence[tuple[str, Mapping[str, int]]], themes: Sequence[str]
) -> ChartImage:
    """Theme mix of each document: one stacked bar per document, one segment per theme.

    `rows` are (short label such as `[1]`, {theme: measure count}); `themes` is the configured
    order, which fixes each theme's colour. Counts for names not in `themes` are drawn as `其他`.
    """
    title = "各文件措施的主题构成"
    if not rows:
        return _empty_chart(title, "本期无文件")
    order = [t for t in themes if t != OTHER_LABEL]
    has_other = any(count for _, mix in rows for name, count in mix.items() if name not in order)
    series = [*order, OTHER_LABEL] if has_other else list(order)
    # themes with no measure in any document stay out of the legend, but keep their colour
    present = [name for name in series if any(_count(mix, name, order) for _, mix in rows)]
    colors = {name: theme_color(i) for i, name in enumerate(order)}
    colors[OTHER_LABEL] = OTHER_COLOR
    totals = [sum(_count(mix, name, order) for name in series) for _, mix in rows]
    max_total = max(totals, default=0) or 1
    legend_rows = (len(present) + 5) // 6
    top_mm = 12.0 + 5.5 * legend_rows
    height_mm, row_mm = _height_for(len(rows), top_mm + 14.0)

    def build() -> Figure:
        label_pt = _row_label_pt(row_mm)
        figure = _new_figure(height_mm)
        # a label that says whose document it is ([7]海南省报告) needs the room of a theme's name
        margin = 0.1 if all(len(label) <= 4 for label, _ in rows) else 0.2
        axes = figure.add_axes(
            (margin, 12.0 / height_mm, 0.94 - margin, 1 - (top_mm + 12.0) / height_mm)
        )
        _style_axes(axes)
        positions = list(range(len(rows)))
        left = [0] * len(rows)
        for name in present:
            values = [_count(mix, name, order) for _, mix in rows]
            _bars(axes, positions, values, left, color=colors[name], label=name)
            for pos, value, start in zip(positions, values, left, strict=True):
                if value and value / max_total >= 0.05 and row_mm >= 4.0:
                    axes.text(
                        start + value / 2,
                        pos,
                        str(value),
                        ha="center",
                        va="center",
                        fontsize=min(_LABEL_PT - 1, label_pt),
                        color="white",
                    )
            left = [a + b for a, b in zip(left, values, strict=True)]
        for pos, total in zip(positions, totals, strict=True):
            axes.text(
                total + max_total * 0.012,
                pos,
                str(total),
                va="center",
                fontsize=min(_LABEL_PT - 0.5, label_pt),
            )
        axes.set_yticks(positions, [label for label, _ in rows])
        axes.tick_params(axis="y", labelsize=label_pt)
        axes.invert_yaxis()
        axes.set_xlim(0, max_total * 1.1)
        axes.xaxis.set_major_locator(_integer_locator())
        axes.set_xlabel("措施数（条，一条措施可属多个主题）", fontsize=_LABEL_PT, color=_TEXT_COLOR)
        figure.legend(
            loc="upper left",
            ncol=min(6, max(1, len(present))),
            fontsize=_LABEL_PT,
            frameon=False,
            bbox_to_anchor=(0.08, 1 - 9.0 / height_mm),
            handlelength=1.2,
            columnspacing=1.2,
        )
        _chart_title(figure, title, height_mm)
        return figure

    parts = []
    for (label, mix), total in zip(rows, totals, strict=True):
        detail = "、".join(
            f"{name}{_count(mix, name, order)}" for name in present if _count(mix, name, order)
        )
        parts.append(f"{label}共{total}条（{detail}）" if detail else f"{label}无措施")
    alt = title + "：" + "；".join(parts) + "。"
    return _chart(build, alt)


def _bars(
    axes: Axes,
    positions: Sequence[int],
    values: Sequence[float],
    left: Sequence[float],
    *,
    color: str,
    label: str,
    height: float = 0.62,
) -> None:
    """One series of horizontal bars as a single collection.

    `barh` makes a Rectangle artist per bar; a 30-document mix chart has 150 of them and spent
    half its drawing time on their bookkeeping. One PolyCollection per series looks the same.
    """
    half = height / 2
    verts = [
        [(x0, y - half), (x0 + w, y - half), (x0 + w, y + half), (x0, y + half)]
        for y, w, x0 in zip(positions, values, left, strict=True)
        if w
    ]
    bars = PolyCollection(verts, facecolors=color, edgecolors="white", linewidths=0.5, label=label)
    axes.add_collection(bars, autolim=True)
    axes.autoscale_view()


def _count(mix: Mapping[str, int], name: str, order: Sequence[str]) -> int:
    if name == OTHER_LABEL:
        return sum(count for key, count in mix.items() if key not in order)
    return mix.get(name, 0)


def comparable_items(
    items: Sequence[tuple[str, float, str]],
) -> list[tuple[str, float, str]]:
    """The items that can share one axis: those with the most common unit (first seen on ties)."""
    by_unit: dict[str, list[tuple[str, float, str]]] = {}
    for item in items:
        by_unit.setdefault(item[2], []).append(item)
    if not by_unit:
        return []
    return max(by_unit.values(), key=len)


def indicator_chart(
    title: str,
    items: Sequence[tuple[str, float, str]],
    *,
    theme_index: int = 0,
    data: Sequence[ChartDatum] = (),
) -> ChartImage | None:
    """Figures as horizontal bars, when at least two share a unit.

    `items` are (label, value, unit) with the unit as printed (亿元, 家, %); only the largest
    group with one unit is drawn, since figures in different units cannot share an axis. Returns
    None when fewer than two comparable items remain. `theme_index` picks the theme's colour.
    `data`, when given, is one datum per item: its `value_text` is printed at the bar instead of
    the value in the axis unit (so a bar at 0.5148亿元 reads 5148万元, as its quote prints it).
    """
    labelled = [
        (item, data[i] if i < len(data) else None)
        for i, item in enumerate(items)
        if math.isfinite(item[1])
    ]
    chosen_items = comparable_items([item for item, _ in labelled])
    if len(chosen_items) < 2:
        return None
    chosen = [(item, datum) for item, datum in labelled if item in chosen_items]
    unit = chosen[0][0][2]
    color = theme_color(theme_index)
    values = [item[1] for item, _ in chosen]
    texts = [
        datum.value_text if datum is not None else f"{format_value(item[1])}{unit}"
        for item, datum in chosen
    ]
    span = max(max(values), 0) - min(min(values), 0) or 1.0
    height_mm, _ = _height_for(len(chosen), 30.0)

    def build() -> Figure:
        figure = _new_figure(height_mm)
        axes = figure.add_axes((0.3, 12.0 / height_mm, 0.6, 1 - 24.0 / height_mm))
        _style_axes(axes)
        positions = list(range(len(chosen)))
        axes.barh(positions, values, height=0.6, color=color, edgecolor="white", linewidth=0.5)
        for pos, value, text in zip(positions, values, texts, strict=True):
            offset = span * 0.015
            axes.text(
                value + (offset if value >= 0 else -offset),
                pos,
                text,
                va="center",
                ha="left" if value >= 0 else "right",
                fontsize=_LABEL_PT,
                color=_TEXT_COLOR,
            )
        axes.set_yticks(positions, [_wrap(item[0], 12) for item, _ in chosen])
        axes.invert_yaxis()
        low = min(min(values), 0)
        high = max(max(values), 0)
        axes.set_xlim(low - (span * 0.2 if low < 0 else 0), high + span * 0.3)
        if low < 0:
            axes.axvline(0, color="#808080", linewidth=0.6)
        axes.set_xlabel(f"单位：{unit}" if unit else "", fontsize=_LABEL_PT, color=_TEXT_COLOR)
        _chart_title(figure, title, height_mm)
        return figure

    alt = (
        title
        + "："
        + "；".join(f"{item[0]}{text}" for (item, _), text in zip(chosen, texts, strict=True))
        + "。"
    )
    return _chart(build, alt, [datum for _, datum in chosen if datum is not None])


def _integer_locator() -> MaxNLocator:
    return MaxNLocator(integer=True, nbins=6)


# --- the charts of a briefing ---------------------------------------------------------------------

MIX_CHART_DOCUMENTS = 30
"""Most documents the mix chart shows: hundreds of bars inform nobody."""

MIN_DOCUMENT_BARS = 3
"""The fewest documents a 专题's chart of documents draws: one or two bars (1 进展 and 1 计划 each,
freshn 科技金融) compare nothing the 相关文件 table below does not already say."""


@dataclass(frozen=True)
class BriefingCharts:
    """The pictures of one briefing; a chart with nothing to show is absent."""

    themes: ChartImage | None = None
    """Measures per theme: done, provisions and plans (`theme_status_chart`)."""
    mix: ChartImage | None = None
    """Each document's theme mix, for the documents with the most measures (`document_mix_chart`)."""
    by_theme: dict[str, ChartImage] = field(default_factory=dict)
    """Each theme's money amounts that compare (`amount_chart`)."""
    trends: dict[str, ChartImage] = field(default_factory=dict)
    """Each theme's figures over the years (`trend_chart`), where it has trends."""
    documents: dict[str, ChartImage] = field(default_factory=dict)
    """The 专题's theme: its measures per document (`theme_documents_chart`)."""


def draw_charts(
    aggregates: Aggregates,
    changes: Changes,
    focus: str = "",
    names: Mapping[int, str] | None = None,
    kinds: Mapping[int, str] | None = None,
) -> BriefingCharts:
    """Every chart of the briefing over `aggregates` and its trends (`changes`); for a 专题
    (`focus`, one theme in depth) also that theme's measures per document. `names` say whose
    each document is beside its number (`digest.chart_names`: [7]海南省报告): a bar labelled
    [7] alone sent a leader to the sources list. `kinds` give each document's genre
    (`digest.document_kind`): the per-document mix is drawn only when the documents it would
    draw are of one genre; a reply's four measures beside a work report's sixty, or one-line
    policy provisions beside report sentences, are counts of unlike units that tell a leader
    nothing (their counts stay in the gists)."""
    named = names or {}
    # Measures in no theme (其他) stay out of the composition charts: a work report brings
    # hundreds of them, and beside one such bar the themes a briefing is about shrink to slivers.
    # The templates say how many were left out (`other_count`).
    order = list(aggregates.themes)
    counts = theme_counts(aggregates.by_theme)
    rows = [
        (
            theme,
            counts[theme]["done"],
            counts[theme]["provisions"],
            counts[theme]["planned"] - counts[theme]["provisions"],
        )
        for theme in order
        if counts.get(theme, {}).get("measures", 0) > 0
    ]
    themed = [column for column in aggregates.by_document.columns if column in order]
    by_document = aggregates.by_document[themed]
    by_document = by_document[by_document.sum(axis=1) > 0]
    if len(by_document) > MIX_CHART_DOCUMENTS:
        totals = by_document.sum(axis=1)
        keep = totals.sort_values(ascending=False, kind="stable").index[:MIX_CHART_DOCUMENTS]
        by_document = by_document.loc[sorted(keep)]
    mix_rows = [
        (f"[{no}]{named.get(int(str(no)), '')}", {str(k): int(v) for k, v in row.items()})
        for no, row in by_document.to_dict(orient="index").items()
    ]
    if kinds is not None and len({kinds.get(int(str(no)), "") for no in by_document.index}) > 1:
        mix_rows = []
    by_theme: dict[str, ChartImage] = {}
    for index, theme in enumerate(aggregates.themes):
        chart = amount_chart(theme, aggregates, index)
        if chart is not None:
            by_theme[theme] = chart
    trends: dict[str, ChartImage] = {}
    for index, theme in enumerate(aggregates.themes):
        drawn = trends_of(theme, changes.trends.get(theme, []), index)
        if drawn is not None:
            trends[theme] = drawn
    documents: dict[str, ChartImage] = {}
    focus_rows = _documents_of(focus, aggregates, named) if focus in order else []
    if len(focus_rows) >= MIN_DOCUMENT_BARS:
        documents[focus] = theme_documents_chart(focus, focus_rows, order.index(focus))
    return BriefingCharts(
        themes=theme_status_chart(rows, [counts[row[0]]["documents"] for row in rows])
        if rows
        else None,
        mix=document_mix_chart(mix_rows, order) if mix_rows else None,
        by_theme=by_theme,
        trends=trends,
        documents=documents,
    )


def _documents_of(
    theme: str, aggregates: Aggregates, names: Mapping[int, str]
) -> list[tuple[str, int, int, int]]:
    """(`[n]`, done, provisions, plans) of `theme` in each document about it
    (`aggregate.theme_documents`: not one that only touches it), in source order; the
    `MIX_CHART_DOCUMENTS` with the most when there are more. The 专题's list of related documents
    prints the same numbers."""
    about, _ = theme_documents(aggregates, theme)
    kept = sorted(about, key=lambda d: (-d.total, d.source_no))[:MIX_CHART_DOCUMENTS]
    return [
        (f"[{d.source_no}]{names.get(d.source_no, '')}", d.done, d.provisions, d.plans)
        for d in sorted(kept, key=lambda d: d.source_no)
    ]


def amount_chart(theme: str, aggregates: Aggregates, theme_index: int) -> ChartImage | None:
    """A theme's money amounts of one family, place and year (`figures.comparable_amounts`),
    drawn from its key-figures table, in one unit (万亿元, 亿元 or 万元 by the largest); each
    bar is labelled with the amount as its quote prints it and its citation. None when nothing
    in the table compares."""
    group = comparable_amounts(aggregates.figures[theme].results)
    if group is None or len(_sentences_of(group.rows, aggregates.indicators)) < 2:
        # amounts all from one sentence (组建总规模1000亿元的…基金，…设立超500亿元区域基金): the
        # sentence says them already, and what it lists side by side is seldom alike
        return None
    items: list[tuple[str, float, str]] = []
    data: list[ChartDatum] = []
    for _, row in group.rows.iterrows():
        sources = [int(s) for s in row["sources"]]
        cite = "".join(f"[{n}]" for n in sources)
        quote = str(row["text"])
        label = f"{row['metric']}{cite}"
        items.append((label, float(row["base_value"]) / group.scale, group.unit))
        data.append(
            ChartDatum(label, cell_value(quote, float(row["value"]), str(row["unit"])), quote, cite)
        )
    where = f"{group.scope}，" if group.scope else ""
    title = f"{theme}：{group.family}（{where}{group.year}年，单位：{group.unit}）"
    return indicator_chart(title, items, theme_index=theme_index, data=data)


def _sentences_of(rows: pd.DataFrame, indicators: pd.DataFrame) -> set[str]:
    """The measures (sentences) the key-figure `rows` were read from: a row's quote and sources
    found among the extracted figures (a row of no linked measure counts as its own)."""
    where: dict[tuple[str, int], set[str]] = {}
    for text, no, mid in indicators[["text", "source_no", "measure_id"]].itertuples(
        index=False, name=None
    ):
        own = mid if isinstance(mid, str) and mid else f"{no}:{text}"
        where.setdefault((str(text), int(no)), set()).add(own)
    found: set[str] = set()
    for text, sources in rows[["text", "sources"]].itertuples(index=False, name=None):
        for no in sources:
            found |= where.get((str(text), int(no)), {f"{no}:{text}"})
    return found


MAX_TREND_PANELS = 3
"""Most figures a theme's trend chart shows side by side (each with its own scale)."""


def trend_chart(
    title: str,
    series: Sequence[tuple[str, str, Sequence[ChartDatum], Sequence[float]]],
    *,
    theme_index: int = 0,
) -> ChartImage | None:
    """Figures over the years: one small panel per figure, one bar per year, each panel on its
    own scale (a figure is compared with itself only, never with another).

    `series` are (label, change such as 增长37.2%, the data of its bars in year order — each
    datum's label is the year —, the bar heights in one unit per panel). None when empty.
    """
    shown = [s for s in series if len(s[2]) >= 2][:MAX_TREND_PANELS]
    if not shown:
        return None
    color = theme_color(theme_index)
    light = _tint(color)
    height_mm = 66.0
    count = len(shown)
    # a panel is about 50 mm wide however many there are: one figure is not stretched
    width_mm = min(CHART_WIDTH_MM, 50.0 * count + 10.0)

    def build() -> Figure:
        figure = _new_figure(height_mm, width_mm)
        width = 0.94 / count
        for index, (label, change, data, heights) in enumerate(shown):
            left = 0.05 + index * width
            axes = figure.add_axes((left, 16.0 / height_mm, width * 0.84, 1 - 38.0 / height_mm))
            for side in ("top", "right", "left"):
                axes.spines[side].set_visible(False)
            axes.spines["bottom"].set_color("#808080")
            axes.tick_params(axis="both", labelsize=_LABEL_PT, colors=_TEXT_COLOR, length=0)
            axes.set_yticks([])
            positions = list(range(len(data)))
            colors = [light] * (len(data) - 1) + [color]
            axes.bar(positions, heights, width=0.55, color=colors, edgecolor=color, linewidth=0.6)
            top = max(max(heights), 0) or 1.0
            for pos, height, datum in zip(positions, heights, data, strict=True):
                axes.text(
                    pos,
                    height + top * 0.03,
                    datum.value_text,
                    ha="center",
                    va="bottom",
                    fontsize=_LABEL_PT - 1,
                    color=_TEXT_COLOR,
                )
            axes.set_xticks(positions, [f"{d.label}\n{d.cite}" for d in data])
            axes.set_ylim(0, top * 1.3)
            axes.set_xlim(-0.6, len(data) - 0.4)
            axes.set_title(f"{_wrap(label, 12)}\n{change}", fontsize=_LABEL_PT, color=_TEXT_COLOR)
        _chart_title(figure, title, height_mm)
        return figure

    alt = (
        title
        + "："
        + "；".join(
            f"{label}" + "、".join(f"{d.label}{d.value_text}" for d in data) + f"，{change}"
            for label, change, data, _ in shown
        )
        + "。"
    )
    return _chart(build, alt, [d for _, _, data, _ in shown for d in data], width_mm)


def trends_of(theme: str, trends: Sequence[Trend], theme_index: int) -> ChartImage | None:
    """A theme's trends (`changes.find_trends`) as small panels: each figure's earlier and latest
    value, labelled as their quotes print them, with their citations."""

    def datum(point: Point) -> ChartDatum:
        # a bar's label is the figure, not the sentence's verb (达到865.1亿元 -> 865.1亿元)
        return ChartDatum(
            f"{point.year}年", without_verb(point.value_text), point.quote, point.cite
        )

    series = [
        (
            trend.latest.metric + (f"（{trend.latest.scope}）" if trend.latest.scope else ""),
            trend.change,
            [datum(trend.earlier), datum(trend.latest)],
            [trend.earlier.base_value, trend.latest.base_value],
        )
        for trend in trends
    ]
    return trend_chart(f"{theme}：主要指标变化", series, theme_index=theme_index)
