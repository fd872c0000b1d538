"""Aggregation with pandas: measures by theme and status, the indicator ledger, highlights.

Documents arrive numbered (their position in the list is their source number minus one); every row
keeps that number so the context can cite it as [n].
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Any

import pandas as pd

from briefing.digest import (
    DANGLING_PENALTY,
    DEMAND_RE,
    STRONG,
    document_kind,
    holds_provisions,
    quote_of,
    theme_part,
    undated_year,
)
from briefing.figures import (
    ThemeFigures,
    display_name,
    follows_a_count,
    format_number,
    is_forecast,
    pick_figures,
    result_kind,
    table_name,
)
from briefing.model import ExtractedDocument, Indicator, Measure
from briefing.themes import OTHER_THEME, Classifier
from briefing.wording import (
    ONE_RECIPIENT_RE,
    clean_sentence,
    figures_in,
    foreseen,
    has_figure,
    is_setting,
    leans_on_unshown,
    least_score,
    opens_on_past,
    substance,
    sums_up,
    told_as_done,
    unsuitable,
)

MEASURE_COLUMNS = [
    "source_no",
    "measure_id",
    "text",
    "status",
    "theme",
    "section",
    "indicator_count",
    "duplicate",
    "evidence",
]
INDICATOR_COLUMNS = [
    "source_no",
    "indicator_id",
    "measure_id",
    "theme",
    "metric",
    "value",
    "unit",
    "year",
    "period",
    "kind",
    "qualifier",
    "scope",
    "text",
    "name",
    "stated",
    "primary",
    "base_value",
    "base_unit",
    "on_theme",
    "runs_on",
    "single",
    "forecast",
]


@dataclass
class Aggregates:
    themes: list[str]
    """Theme names in lexicon order (without 其他)."""
    measures: pd.DataFrame
    """One row per (measure, theme); measures without a theme have theme 其他."""
    indicators: pd.DataFrame
    """One row per (indicator, theme of its measure); unlinked figures have theme 其他."""
    by_theme: pd.DataFrame
    """Index theme; columns measures, done, planned, provisions, documents (duplicates excluded);
    `provisions` are the planned measures of policy documents (`policies`), counted in `planned`."""
    by_document: pd.DataFrame
    """Index source_no; one column per theme: measure counts (duplicates excluded)."""
    ledger: pd.DataFrame
    """Figures merged across documents: a row per (metric, scope, year, kind, value), under the
    theme of its first source."""
    figures: dict[str, ThemeFigures]
    """Each theme's key figures (`figures.pick_figures`): what the tables show and the charts draw."""
    policies: frozenset[int]
    """Source numbers of the policy documents (`digest.holds_provisions`): their planned measures
    are provisions in force (政策规定), not next steps; a 工作要点's or 行动方案's are plans."""
    other_work: frozenset[str] = frozenset()
    """Ids of the measures in no theme whose sentence speaks of science and technology (an anchor
    word of the lexicon: 科技, 研发, 高新 …): the 简报's 其他科技工作, where a 高新区 or 知识产权
    result is shown instead of vanishing; a work report's 市政 or GDP sentences are not among them."""
    other_focus: frozenset[str] = frozenset()
    """Those of `other_work` that report science and technology work (`science_focused`): they
    come before the others among the 其他科技工作."""
    clause_themes: ClauseThemes | None = None
    """The classifier on one clause of a sentence (`ClauseThemes`), for `pick_highlights`."""


ClauseThemes = Callable[[str, str], Collection[str]]
"""The themes one clause of a sentence is about for the classifier (`clause_classifier`): a list
sentence shows and tables only the clauses that are a theme's (`digest.theme_part`), not one
holding a theme's word in passing."""


def clause_classifier(classifier: Classifier) -> ClauseThemes:
    """`classifier` as `ClauseThemes`: the themes the classifier gives the clause, its generic words
    anchored by the sentence (组建总规模1000亿元的…投资引导基金 beside 存贷款余额: 科技金融), and
    those of a word it counts in the clause itself, a weak one too (转化 in 转化合同金额2.83亿元
    after 科技成果赋权改革…). Not a generic word that alone falls short of the theme (引进 in
    引进外资项目20个 is no 人才 work). Each clause is classified once (a sentence's clauses are
    asked about for every theme and every figure)."""

    @cache
    def own(clause: str) -> tuple[str, ...]:
        return tuple(classifier.classify(clause, explain=False).scores)

    @cache
    def themes(clause: str, sentence: str) -> tuple[str, ...]:
        return (*classifier.themes_of(clause, anchor=sentence)[0], *own(clause))

    return themes


def _owner(
    clause_themes: ClauseThemes | None, theme: str, sentence: str
) -> Callable[[str], bool] | None:
    """`digest.theme_part`'s test that a clause of `sentence` is `theme`'s, or None (no test)."""
    if clause_themes is None:
        return None
    return lambda clause: theme in clause_themes(clause, sentence)


def measures_frame(documents: Sequence[ExtractedDocument]) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    for no, doc in enumerate(documents, start=1):
        counts: dict[str, int] = {}
        for ind in doc.indicators:
            if ind.measure_id:
                counts[ind.measure_id] = counts.get(ind.measure_id, 0) + 1
        for m in doc.measures:
            for theme in m.themes or [OTHER_THEME]:
                rows.append(
                    {
                        "source_no": no,
                        "measure_id": m.id,
                        "text": m.text,
                        "status": m.status,
                        "theme": theme,
                        "section": " / ".join(m.section),
                        "indicator_count": counts.get(m.id, 0),
                        "duplicate": m.duplicate_of is not None,
                        # the terms that put the measure in this theme (none for 其他)
                        "evidence": tuple(m.evidence.get(theme, ())),
                    }
                )
    frame = pd.DataFrame(rows, columns=MEASURE_COLUMNS)
    # An empty frame has object columns; a boolean mask must stay a mask, not a column list.
    return frame.astype({"source_no": int, "indicator_count": int, "duplicate": bool})


def indicators_frame(
    documents: Sequence[ExtractedDocument],
    named_only: Collection[str] = (),
    clause_themes: ClauseThemes | None = None,
) -> pd.DataFrame:
    """One row per (figure, theme of its measure); `primary` marks the one theme the figure is
    listed under (`figure_theme`), `name` is its metric as the briefing prints it
    (`figures.display_name`), `base_value`/`base_unit` its value in the unit's base (亿元 -> 元),
    so 630.5亿元 and 6305000万元 are the same figure."""
    rows: list[dict[str, object]] = []
    for no, doc in enumerate(documents, start=1):
        by_id = {m.id: m for m in doc.measures}
        duplicate = {m.id for m in doc.measures if m.duplicate_of is not None}
        previous: dict[str, Indicator] = {}  # the last figure in each measure
        passed = _passed_thresholds(doc.indicators)
        for ind in doc.indicators:
            measure = by_id.get(ind.measure_id or "")
            metric = ind.metric or ""
            before = previous.get(ind.measure_id or "")
            stated = display_name(
                metric,
                (before.metric or "") if before is not None else "",
                ind.unit,
                before is not None
                and measure is not None
                and follows_a_count(before.text, before.unit, ind.text, measure.text),
            )
            # what the figure counts, from its sentence: "" when the text does not say
            name = table_name(
                stated,
                ind.text,
                measure.text if measure is not None else ind.text,
                ind.value,
                ind.unit,
                ind.kind,
            )
            if ind.measure_id:
                previous[ind.measure_id] = ind
            if ind.measure_id in duplicate or ind.id in passed:
                continue
            themes = (measure.themes if measure is not None else None) or [OTHER_THEME]
            primary = (
                figure_theme(ind, measure, named_only, name, clause_themes)
                if measure is not None
                else OTHER_THEME
            )
            sentence = measure.text if measure is not None else ""
            forecast = is_forecast(ind.text, ind.value, ind.unit, sentence)
            # an estimate or a count up to a past date is never shown as a target
            kind = result_kind(ind.kind, metric, ind.unit, ind.text, sentence, forecast)
            if ind.normalized_value is not None and ind.normalized_unit:
                base_value, base_unit = ind.normalized_value, ind.normalized_unit
            else:
                base_value, base_unit = ind.value, ind.unit
            for theme in themes:
                rows.append(
                    {
                        "source_no": no,
                        "indicator_id": ind.id,
                        "measure_id": ind.measure_id,
                        "theme": theme,
                        "metric": metric,
                        "value": ind.value,
                        "unit": ind.unit,
                        "year": ind.year,
                        "period": ind.period or "",
                        "kind": kind,
                        "qualifier": ind.qualifier or "",
                        "scope": ind.scope or "",
                        "text": ind.text,
                        "name": name,
                        "stated": stated,  # the name before table_name completed it
                        "primary": theme == primary,
                        "base_value": base_value,
                        "base_unit": base_unit,
                        # the name itself says the theme (技术合同成交额 for 成果转化)
                        "on_theme": measure is not None
                        and any(term in name for term in measure.evidence.get(theme, ())),
                        "runs_on": measure is not None and runs_on(ind.text, measure.text),
                        "single": measure is not None and one_recipient(ind.text, measure.text),
                        # an estimate (预计…, 有望突破…, 将超过…), never read as what was done
                        "forecast": forecast,
                    }
                )
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame.astype(
        {"primary": bool, "on_theme": bool, "runs_on": bool, "single": bool, "forecast": bool}
    )


# words that print a round threshold passed, not the figure itself ("突破70亿", "超过100家")
_THRESHOLD_WORDS = frozenset({"突破", "超过", "超", "逾", "首次突破", "跨过", "迈过"})


def _passed_thresholds(indicators: Sequence[Indicator]) -> set[str]:
    """Figures that only say a round threshold was passed, when the figure right after them in the
    same measure gives the exact value of the same metric, year and place ("突破70亿,达到73.36亿元"):
    one row, the exact one; the threshold is no key figure of its own. Another year's or another
    place's threshold (2022年突破50亿元，2023年达到62.3亿元) is a fact of its own."""
    passed: set[str] = set()
    for ind, nxt in itertools.pairwise(indicators):
        if (
            ind.qualifier in _THRESHOLD_WORDS
            and nxt.measure_id == ind.measure_id
            and nxt.metric == ind.metric
            and nxt.kind == ind.kind
            and (nxt.year, nxt.period, nxt.scope) == (ind.year, ind.period, ind.scope)
            and (nxt.unit.startswith(ind.unit) or ind.unit.startswith(nxt.unit))
            and ind.value <= nxt.value < 2 * ind.value
        ):
            passed.add(ind.id)
    return passed


def one_recipient(quote: str, sentence: str) -> bool:
    """Whether the figure is about one firm or one deal (首笔300万元“科技质量贷”成功发放至绵阳
    某自动化设备有限公司): the clause around its quote says so. Such a figure tells a story; it is
    no measure of the theme and never heads its table."""
    at = sentence.find(quote)
    if at < 0:
        return bool(ONE_RECIPIENT_RE.search(quote))
    left = max((m.end() for m in _CLAUSE_BREAK_RE.finditer(sentence, 0, at)), default=0)
    right_break = _CLAUSE_BREAK_RE.search(sentence, at + len(quote))
    right = right_break.start() if right_break else len(sentence)
    return bool(ONE_RECIPIENT_RE.search(sentence[left:right]))


_CLAUSE_END = frozenset("，,。；;：:！？!?、）)”")


def runs_on(quote: str, sentence: str) -> bool:
    """Whether the sentence goes on after the figure's quote without a break: the quote is the
    subject or object of what follows (共为4家科技型中小微企业|提供贷款1150万元, 争取将8家合作银行|
    纳入…), so a name taken from it does not say what was counted."""
    at = sentence.find(quote)
    if at < 0 or not quote:
        return False
    after = sentence[at + len(quote) :]
    # …3家省创新实验室以及…设施: a list goes on, not a predicate
    return bool(after) and after[0] not in _CLAUSE_END and not _COORDINATOR_RE.match(after)


_COORDINATOR_RE = re.compile(r"以及|及|和|与|等|并")


def figure_theme(
    indicator: Indicator,
    measure: Measure,
    named_only: Collection[str] = (),
    name: str = "",
    clause_themes: ClauseThemes | None = None,
) -> str:
    """The one theme a figure is listed under, so a figure is never shown twice: of its
    measure's themes, the first whose evidence words the figure's own quote or name holds (每年
    支持企业国家重点实验室200万元 -> 基础研究, though the sentence is also 人才); else the theme with
    the most evidence words; ties in the measure's order.

    A theme in `named_only` (one whose words are generic, 人才 or 贷款, and count only beside an
    S&T anchor: `ThemeSpec.anchored`) takes a figure only when the figure itself names it: in
    …引育科技人才，培育创新主体，2021年全社会研发投入同比增长30%，科技型企业累计达到357家 the 30%
    and the 357家 count R&D and firms, not people; in 形成3个千亿级产业集群，培育…三家科创公司在港
    上市 the 3个 counts clusters, not listings. Unless the sentence's lead clause names the theme:
    深入实施科技人才培育工程，全年培训新型职业农民3200人次 counts 人才 work. A 基础研究 or 成果转化
    figure is often named without the theme's word (直接经费6.56亿元, 高新技术企业突破2600家) and
    keeps the fallback."""
    themes = measure.themes
    if not themes:
        return OTHER_THEME
    own = indicator.text + (indicator.metric or "") + name
    held = [t for t in themes if any(term in own for term in measure.evidence.get(t, ()))]
    if len(held) > 1 and (at := _number_at(indicator)) is not None:
        # a quote naming two themes (提供科技成果转化贷款7笔，实际发放贷款1.185亿元): the term
        # nearest before the number says what it counts (贷款 -> 科技金融; 重点实验室给予500万元
        # 一次性激励经费 -> 基础研究, 激励 standing after it)
        before = {t: _last_before(indicator.text, measure.evidence.get(t, ()), at) for t in held}
        nearest = max(held, key=lambda t: before[t])  # ties: the measure's order
        if before[nearest] >= 0:
            return nearest
    if held:
        return held[0]
    # a sentence whose lead clause names the theme is about it, and its figures count that work
    # (持续深化科技金融服务，撬动银行为科技型企业放款26亿元); named in passing later on, it is not
    lead = _CLAUSE_BREAK_RE.split(_TIME_LEAD_RE.sub("", measure.text), maxsplit=1)[0]
    every = themes
    themes = [
        t
        for t in themes
        if t not in named_only or any(term in lead for term in measure.evidence.get(t, ()))
    ]
    if measure.status == "done":
        # a report sentence listing results of several kinds (…实验室跻身全国重点实验室，新增科技型
        # 企业195家，…): a figure outside the clauses of a theme's (`theme_part`) is not that
        # theme's, as the highlight shows only those clauses; a figure inside them is, even a
        # theme that must be named (设立天使投资引导基金，首期规模5亿元 -> 科技金融); a figure no
        # theme's clauses hold, in a sentence of several themes, stays with them rather than leave
        # every table (新认定高新技术企业156家 beside 基金 and 人才 clauses); in a sentence of one
        # theme it is the other kinds' (引育科技人才，…，研发投入同比增长30%: not 人才's)
        parts = {
            t: theme_part(
                measure.text, measure.evidence.get(t, ()), _owner(clause_themes, t, measure.text)
            )
            for t in every
        }
        themes = [
            t
            for t in every
            if (t in themes and parts[t] is None) or indicator.text in (parts[t] or "")
        ] or (themes if len(every) > 1 else [])
    if not themes:
        return OTHER_THEME
    if len(themes) > 1 and mixed_figures(measure.text, measure.evidence):
        # an item of a list of several themes' figures that names none of them (创投机构投资总额
        # 5.99亿元、新增省级以上创新载体35家、引育高层次人才2355人): it is no theme's figure
        return OTHER_THEME
    return max(themes, key=lambda t: len(measure.evidence.get(t, ())))


# a lead clause that only dates the sentence (2024年，持续深化科技金融服务，…): the next one leads
_TIME_LEAD_RE = re.compile(
    r"^(?:\d{4}年(?:以来|度)?|今年(?:以来)?|近年来|近几年来?|去年|全年)[，,]"
)


def _last_before(text: str, terms: Sequence[str], at: int) -> int:
    """Where the last of `terms` printed before position `at` of `text` ends, or -1."""
    ends = [found + len(term) for term in terms if (found := text.rfind(term, 0, at)) >= 0]
    return max(ends, default=-1)


def _number_at(indicator: Indicator) -> int | None:
    """Where the figure's number stands in its quote (the last place it is printed), or None."""
    number = format_number(indicator.value)
    at = indicator.text.translate(_FULLWIDTH_DIGITS).rfind(number)
    return at if at >= 0 else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def theme_table(
    measures: pd.DataFrame, themes: Sequence[str], policies: frozenset[int] = frozenset()
) -> pd.DataFrame:
    unique = measures.loc[~measures["duplicate"]].assign(
        done=lambda f: (f["status"] == "done").astype(int),
        planned=lambda f: (f["status"] == "planned").astype(int),
    )
    unique = unique.assign(
        provisions=unique["planned"] * unique["source_no"].isin(sorted(policies)).astype(int)
    )
    grouped = unique.groupby("theme")
    table = pd.DataFrame(
        {
            "measures": grouped["measure_id"].nunique(),
            "done": grouped["done"].sum(),
            "planned": grouped["planned"].sum(),
            "provisions": grouped["provisions"].sum(),
            "documents": grouped["source_no"].nunique(),
        }
    )
    return table.reindex([*themes, OTHER_THEME], fill_value=0).astype(int)


def document_table(measures: pd.DataFrame, themes: Sequence[str], n_documents: int) -> pd.DataFrame:
    unique = measures.loc[~measures["duplicate"]]
    pivot = unique.pivot_table(
        index="source_no", columns="theme", values="measure_id", aggfunc="nunique", fill_value=0
    )
    return pivot.reindex(
        index=range(1, n_documents + 1), columns=[*themes, OTHER_THEME], fill_value=0
    ).astype(int)


def indicator_ledger(indicators: pd.DataFrame) -> pd.DataFrame:
    """Merge the same figure reported by several documents; flag disagreeing values.

    Each figure is counted once, under its own theme (`primary`). A figure is the same when its
    name, scope, year, kind and value in the base unit agree (630.5亿元 = 6305000万元); the
    merged row is listed under the theme of its first source. When another document gives the
    same name, place and year another value, both rows are kept and marked `conflict` — only
    when the place and the year are known: figures whose place or year the text does not give
    are not known to be about the same thing. Two values in one document are two items
    (重点实验室 20万元, 优秀实验室 100万元), never a disagreement.
    """
    columns = [
        "theme",
        "metric",
        "scope",
        "year",
        "period",
        "kind",
        "unit",
        "value",
        "qualifier",
        "text",
        "sources",
        "first_source",
        "conflict",
        "base_value",
        "base_unit",
        "on_theme",
        "runs_on",
        "single",
        "stated",
        "forecast",
    ]
    frame = indicators.loc[indicators["primary"]] if not indicators.empty else indicators
    if frame.empty:
        return pd.DataFrame(columns=columns)
    # a five-year total (period 2021—2025) is not the same figure as an undated one
    frame = frame.assign(
        year_key=frame["year"].astype("string").fillna(frame["period"]), metric=frame["name"]
    )
    keys = ["metric", "scope", "year_key", "kind", "base_unit"]
    merged = (
        frame.groupby([*keys, "base_value"], sort=False, dropna=False)
        .agg(
            theme=("theme", "first"),
            year=("year", "first"),
            period=("period", "first"),
            unit=("unit", "first"),
            value=("value", "first"),
            qualifier=("qualifier", "first"),
            text=("text", "first"),
            sources=("source_no", lambda s: sorted(set(int(x) for x in s))),
            first_source=("source_no", "min"),
            on_theme=("on_theme", "any"),
            runs_on=("runs_on", "all"),
            single=("single", "all"),
            stated=("stated", "first"),
            # (an estimate one document gives and another reports done is done)
            forecast=("forecast", "all"),
        )
        .reset_index()
    )
    # A document in the group that is not among this value's sources reports some other value,
    # so a row conflicts exactly when its sources are fewer than the group's.
    group_sources: dict[tuple[object, ...], set[int]] = {}
    group_keys = list(merged[keys].itertuples(index=False, name=None))
    for key, sources in zip(group_keys, merged["sources"], strict=True):
        group_sources.setdefault(key, set()).update(sources)
    merged["conflict"] = [
        bool(metric and scope and year) and len(group_sources[key]) > len(sources)
        for key, sources, metric, scope, year in zip(
            group_keys,
            merged["sources"],
            merged["metric"],
            merged["scope"],
            merged["year_key"],
            strict=True,
        )
    ]
    return merged[columns]


def theme_counts(table: pd.DataFrame) -> dict[str, dict[str, int]]:
    """The by-theme table as plain ints, for code that does not want pandas types."""
    return {
        str(theme): {str(col): int(val) for col, val in row.items()}
        for theme, row in table.to_dict(orient="index").items()
    }


def _setting(documents: Sequence[ExtractedDocument]) -> set[str]:
    """Ids of measures with figures that say what a place or a programme is (南京是全国唯一的…
    试点城市，拥有普通高校53所、中科院研究所6个) or are a page's byline: the highlights reject
    them (`wording.is_setting`), and their figures (院士80多名) are the setting a reply opens on,
    not a result, a target or a standard, so the key-figures tables and charts leave them out
    (the workbook still lists every figure)."""
    linked = {ind.measure_id for doc in documents for ind in doc.indicators if ind.measure_id}
    return {
        m.id
        for doc in documents
        for m in doc.measures
        if m.id in linked and is_setting(clean_sentence(m.text))
    }


def aggregate(
    documents: Sequence[ExtractedDocument],
    themes: Sequence[str],
    figures_per_theme: int = 8,
    anchor: Callable[[str], str | None] | None = None,
    named_only: Collection[str] = (),
    clause_themes: ClauseThemes | None = None,
    focus: str = "",
) -> Aggregates:
    """The frames and tables of one briefing; `figures_per_theme`: most result rows a theme's
    key-figures table shows (`[layout] indicators_per_theme`); `anchor` (the classifier's
    `anchor_in`) finds the science-and-technology word that puts a measure of no theme among the
    other S&T work (`Aggregates.other_work`; none without it); `named_only`: the themes whose
    figures must name them (`figure_theme`; the lexicon's themes with anchored words);
    `clause_themes`: the classifier on one clause (`ClauseThemes`; no clause test without it);
    `focus`: the one theme a 专题 shows (`--theme`): when none of its measures' figures is listed
    under it, those its measures hold that are listed under another theme are (`_focus_figures`)."""
    measures = measures_frame(documents)
    unthemed = measures.loc[(measures["theme"] == OTHER_THEME) & ~measures["duplicate"]]
    anchored = (
        {}
        if anchor is None
        else {
            str(mid): str(text)
            for mid, text in zip(unthemed["measure_id"], unthemed["text"], strict=True)
            if anchor(str(text)) is not None
        }
    )
    other_work = frozenset(anchored)
    other_focus = frozenset(
        mid
        for mid, text in anchored.items()
        if anchor is not None and science_focused(text, anchor)
    )
    indicators = indicators_frame(documents, named_only, clause_themes)
    setting = _setting(documents)
    ledger = indicator_ledger(indicators.loc[~indicators["measure_id"].isin(setting)])
    figures = {theme: pick_figures(ledger, theme, figures_per_theme) for theme in themes}
    if focus in figures and _no_rows(figures[focus]):
        figures[focus] = _focus_figures(indicators, setting, focus, themes, figures_per_theme)
    policies = frozenset(
        no for no, doc in enumerate(documents, start=1) if holds_provisions(doc, document_kind(doc))
    )
    return Aggregates(
        themes=list(themes),
        measures=measures,
        indicators=indicators,
        by_theme=theme_table(measures, themes, policies),
        by_document=document_table(measures, themes, len(documents)),
        ledger=ledger,
        figures=figures,
        policies=policies,
        other_work=other_work,
        other_focus=other_focus,
        clause_themes=clause_themes,
    )


def _no_rows(figures: ThemeFigures) -> bool:
    return figures.results.empty and figures.targets.empty and figures.standards.empty


def _focus_figures(
    indicators: pd.DataFrame,
    setting: Collection[str],
    focus: str,
    themes: Sequence[str],
    limit: int,
) -> ThemeFigures:
    """A 专题's key figures when none is listed under its theme: the figures of the theme's
    measures that are listed under another theme of the lexicon (将…整合为…2支基金，对接成果转化项目
    300余个 in a 科技金融 专题: its 300余个 is 成果转化's in the 简报). One theme is shown, so no
    figure is shown twice; a figure listed under no theme (not about any: 地区生产总值) stays out."""
    listed = indicators.loc[
        indicators["primary"] & indicators["theme"].isin([t for t in themes if t != focus]),
        "indicator_id",
    ]
    own = indicators.loc[
        (indicators["theme"] == focus)
        & indicators["indicator_id"].isin(listed)
        & ~indicators["measure_id"].isin(setting)
    ]
    return pick_figures(indicator_ledger(own.assign(primary=True)), focus, limit)


_CLAUSE_SPLIT_RE = re.compile(r"[，,；;。：:！？]")


def science_focused(text: str, anchor: Callable[[str], str | None]) -> bool:
    """Whether a measure of no theme reports science and technology work: what it reports (its
    quote, `digest.quote_of`) holds an anchor word, and so does at least a third of its clauses.
    A praise paragraph whose quoted figure is a GDP share, acreage and a food fair beside one
    科技 clause, a list of meetings one of which was on 开发区创新发展, a quarantine count after
    科学优化指挥体系: each holds an anchor word, but in a clause beside what it reports."""
    cleaned = clean_sentence(text)
    if not cleaned or anchor(quote_of(cleaned)[0]) is None:
        return False
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(cleaned) if len(c) >= 4]
    return 3 * sum(1 for c in clauses if anchor(c) is not None) >= len(clauses)


@dataclass(frozen=True)
class ThemeDocumentCount:
    """One document's measures of one theme, split as the 简报 splits them."""

    source_no: int
    done: int
    provisions: int
    plans: int

    @property
    def total(self) -> int:
        return self.done + self.provisions + self.plans


def theme_documents(
    aggregates: Aggregates, theme: str
) -> tuple[list[ThemeDocumentCount], list[ThemeDocumentCount]]:
    """The documents about `theme` and those that only touch it, each in source order.

    A document is about the theme when at least two of its measures, or at least a third of
    them, are of it, or its one measure of it gives a figure; one figureless measure of it in a
    long report (a 政府工作报告's one line on 科技金融) touches it: a 专题's table of related
    documents and its chart of documents leave those out and name them below the table."""
    frame = aggregates.measures
    if frame.empty:
        return [], []
    unique = frame.loc[~frame["duplicate"]]
    sizes = unique.groupby("source_no")["measure_id"].nunique()
    own = unique.loc[unique["theme"] == theme]
    counted = set(own.loc[own["indicator_count"] > 0, "source_no"].astype(int))
    counts: dict[int, list[int]] = {}
    for no, status in zip(own["source_no"], own["status"], strict=True):
        row = counts.setdefault(int(no), [0, 0, 0])
        if status == "done":
            row[0] += 1
        elif int(no) in aggregates.policies:
            row[1] += 1
        else:
            row[2] += 1
    about: list[ThemeDocumentCount] = []
    touching: list[ThemeDocumentCount] = []
    for no in sorted(counts):
        item = ThemeDocumentCount(no, *counts[no])
        if item.total >= 2 or 3 * item.total >= int(sizes.get(no, 0)) or no in counted:
            about.append(item)
        else:
            touching.append(item)
    return about, touching


def pick_highlights(
    measures: pd.DataFrame,
    themes: Sequence[str],
    limit: int,
    *,
    behind: Collection[str] = (),
    per_document: int = 2,
    dated: Mapping[int, int] | None = None,
    clause_themes: ClauseThemes | None = None,
) -> dict[str, pd.DataFrame]:
    """The highlights of every theme in `themes`, picked together; the rule is documented in
    docs/templates.md (六、要点和关键数据是怎样挑出来的):

    1. candidates: measures of the themes that are not duplicates, cleaned (`wording.clean_sentence`)
       and not framing, boilerplate, a slogan, a statement of problems or too short
       (`wording.unsuitable`);
    2. a measure counts for a theme only when the cleaned sentence itself holds one of the terms that
       put it there (a heading such as 优化人才服务配套 over a sentence about roads does not; a measure
       whose themes came without evidence, from a JSONL input, is taken at its word);
    3. each measure is a highlight once, under its strongest theme (most mentions of its terms,
       overlapping terms counted once: `_support`; ties in theme order), the others named in `also`;
    4. score = `wording.substance`; best first, at the same score one with a figure first, then
       document order;
    5. a theme's places: up to two fifths for plans (计划), the rest for results (进展), either filling
       what the other cannot; on a first pass at most `per_document` per document, so one long
       document does not fill the section while others have candidates; a theme still short takes
       candidates whose strongest theme did not pick them;
    6. the measures named in `behind` come after all others, whatever their score (the
       其他科技工作 whose S&T word is beside what they report: `science_focused`);
    7. a plan or provision that opens on the past or the present (去年…, 目前…, 至此…, a date
       of a year before its document's in `dated`, or for a document of no year a date whose clause
       is told as done, 2016年4月，科技部印发了…: `wording.opens_on_past`) is no highlight: it is
       a result or a state read as a plan; so is a plan told as finished with no word of what
       is to come (…被认定为…, 获得…支持: `wording.told_as_done`), and a result that opens on an
       expected figure or says what a product lets one do (预计…, …即可授信: `wording.foreseen`)
       is no result;
    8. a result that is a demand (要围绕…, `digest.DEMAND_RE`) and an item leaning on a year it
       does not print (`wording.dangling_year`: 今年初，…; 当年…)
       scores `DANGLING_PENALTY` less, unless its only such word is 今年 (or an opening 去年) and `dated` gives its
       document's year (`digest.own_year`; the item then shows it: `wording.dated_this_year`);
       so does, after the MIN_SCORE cut (it still fills a thin theme), an item that points back at
       what no sentence of it names (该类贷款, 上述企业, an opening 其中: `wording.leans_on_unshown`).

    `clause_themes` (`Aggregates.clause_themes`) tells which clauses of a list sentence are a
    theme's (`digest.theme_part`).

    Each frame holds the picked rows, results first, then plans, each best first, with the
    columns of `measures` plus `clean`, `score` and `also` (the measure's other themes).
    """
    wanted = list(themes)
    columns = [*MEASURE_COLUMNS, "clean", "score", "also"]
    empty = pd.DataFrame(columns=columns)
    pool = measures.loc[measures["theme"].isin(wanted) & ~measures["duplicate"]]
    if pool.empty:
        return {t: empty for t in wanted}
    rank = {t: i for i, t in enumerate(wanted)}
    pool = _likely_candidates(pool, limit)
    clean: dict[str, str | None] = {}  # a measure's cleaned text, None when it is no highlight
    core: dict[str, str] = {}  # its quote (`digest.quote_of`), folded
    rows: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = pool[MEASURE_COLUMNS].to_dict("records")  # type: ignore[assignment]
    # every theme's evidence terms of each measure: an enumeration whose other items hold none
    # of them names the theme only in passing (`_support`)
    terms_of: dict[str, set[str]] = {}
    for row in records:
        terms_of.setdefault(str(row["measure_id"]), set()).update(
            t.casefold() for t in row["evidence"] if t
        )
    for order, row in enumerate(records):
        mid = str(row["measure_id"])
        if mid not in clean:
            cleaned = clean_sentence(str(row["text"]))
            clean[mid] = cleaned if cleaned and unsuitable(cleaned) is None else None
        text = clean[mid]
        if text is None:
            continue
        if row["status"] != "done" and opens_on_past(
            text, (dated or {}).get(int(row["source_no"]))
        ):
            # 去年我区…, 目前…, 至此…, 2016年4月，… in a 2017 document: a result or a state read as
            # a plan; under 下一步安排 it would tell the reader that what was done is still to do
            continue
        if row["status"] == "done" and foreseen(text):
            # 预计全年新认定高企200家以上: an expected figure shown under 工作进展 reads as reached
            continue
        if row["status"] != "done" and told_as_done(text):
            # 4家企业被认定为…示范企业, 获得…基金支持: a result read as a plan
            continue
        evidence: tuple[str, ...] = row["evidence"]
        folded = text.casefold()
        support = _support(folded, evidence, terms_of[mid])
        if not evidence:
            support = 1  # themes given without evidence (a JSONL input) are taken at their word
        elif support == 0:
            continue
        if mid not in core:
            core[mid] = quote_of(text)[0].casefold()
        figures = int(row["indicator_count"])
        shown = text
        if row["status"] == "done" and evidence:
            # a report sentence listing results of several kinds shows (and is scored by) the
            # clauses of this theme, not the whole list under the theme one clause matched
            part = theme_part(text, evidence, _owner(clause_themes, str(row["theme"]), text))
            if part is not None and sums_up(part):
                # the theme is named only where the sentence sums up its list (…，有效地促进了
                # 科技成果转化): no highlight of this theme
                continue
            if part is not None and unsuitable(part) is None:
                shown = part
                figures = min(figures, len(figures_in(part)))
        rows.append(
            {
                **row,
                "clean": shown,
                "support": support,
                # what the sentence reports, without its lead-in (充分发挥人才第一资源的作用，…):
                # the theme named there is what the measure is about
                "core_support": _support(core[mid], evidence, terms_of[mid]) if evidence else 1,
                "order": order,
                "score": substance(shown, figures, row["status"] == "done")
                - (DANGLING_PENALTY if _undated(shown, int(row["source_no"]), dated or {}) else 0)
                # a demand (要围绕…) read as a result is what someone wants done, not progress
                - (DANGLING_PENALTY if row["status"] == "done" and DEMAND_RE.match(shown) else 0),
            }
        )
    # a sentence below MIN_SCORE names, counts and reports nothing done: no highlight however
    # thin the theme (a definition's tail, a stated aim, a bare statement of work); a result
    # without a figure needs a point more (`wording.FIGURELESS_MIN_SCORE`)
    rows = [r for r in rows if r["score"] >= least_score(str(r["clean"]), r["status"] == "done")]
    for r in rows:
        if leans_on_unshown(str(r["clean"])):
            # 该类贷款, 上述企业, an opening 其中: what it refers to is in a sentence not shown; it
            # falls behind items that stand alone, but what it counts still fills a thin theme
            # (the penalty comes after the MIN_SCORE cut)
            r["score"] -= DANGLING_PENALTY
    # a scoreboard of several themes' figures (创投机构投资总额5.99亿元、新增…载体35家、引育高层次
    # 人才2355人) is about none of them in particular: it never leads a theme, though
    # it stays a highlight (the penalty comes after the MIN_SCORE cut)
    # every theme of the measure counts, also those not wanted here (a 专题 of 科技金融 alone)
    ids = {str(r["measure_id"]) for r in rows}
    themes_of: dict[str, dict[str, tuple[str, ...]]] = {}
    every = measures.loc[
        measures["measure_id"].isin(sorted(ids)), ["measure_id", "theme", "evidence"]
    ]
    for mid, theme, evidence in every.itertuples(index=False, name=None):
        themes_of.setdefault(str(mid), {})[str(theme)] = evidence
    for r in rows:
        if mixed_figures(str(r["clean"]), themes_of[str(r["measure_id"])]):
            # its figures count as one (they are not all this theme's), and one more point goes
            # (never a bonus: a list with no linked figure, from a JSONL input, loses the point only)
            r["score"] -= 2 * max(min(int(r["indicator_count"]), 3) - 1, 0) + MIXED_PENALTY
    if not rows:
        return {t: empty for t in wanted}
    frame = pd.DataFrame(rows)
    frame["theme_rank"] = frame["theme"].map(rank)
    frame["standing"] = ~frame["measure_id"].isin(sorted(behind))
    # the strongest theme of each measure: most supporting terms in what it reports (its quote),
    # then in the whole sentence, ties in theme order
    home = (
        frame.sort_values(
            ["core_support", "support", "theme_rank"], ascending=[False, False, True], kind="stable"
        )
        .drop_duplicates("measure_id")
        .set_index("measure_id")["theme"]
    )
    also = frame.groupby("measure_id", sort=False)["theme"].agg(
        lambda ts: sorted(set(ts), key=rank.__getitem__)
    )
    frame["also"] = [
        [t for t in also[mid] if t != theme]
        for mid, theme in zip(frame["measure_id"], frame["theme"], strict=True)
    ]
    # at the same score, a result or plan with a figure before one without: what was counted
    # reached (科技贷款余额超4万亿元) before a description of the work that scored as much by its
    # names (构建“政研银保投企”协同网络，打造“一站式”…体系)
    frame["figured"] = [has_figure(str(t)) for t in frame["clean"]]
    frame = frame.sort_values(
        ["standing", "score", "figured", "order"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    frame = frame[~frame["measure_id"].isin(_restatements(frame))]
    is_home = frame["theme"].to_numpy() == home.loc[frame["measure_id"]].to_numpy()
    taken: set[str] = set()
    picked: dict[str, list[int]] = {}
    plans_share = limit * 2 // 5
    for theme in wanted:
        own = frame[(frame["theme"] == theme) & is_home]
        picked[theme] = _pick_theme(own, limit, plans_share, per_document)
        taken.update(frame.loc[picked[theme], "measure_id"])
    # a theme still short takes measures its strongest theme left, but only those that speak of
    # it as much as of that one: a 科技金融 service centre that names 成果转化 once is no 成果转化 item
    best = frame.groupby("measure_id")["core_support"].transform("max")
    level = frame["core_support"] >= best
    for theme in wanted:
        if len(picked[theme]) < limit:
            spare = frame[(frame["theme"] == theme) & level & ~frame["measure_id"].isin(taken)]
            extra = _pick_theme(spare, limit - len(picked[theme]), plans_share, per_document)
            picked[theme] += extra
            taken.update(frame.loc[extra, "measure_id"])
    result: dict[str, pd.DataFrame] = {}
    for theme in wanted:
        chosen = frame.loc[picked[theme]]
        chosen = chosen.assign(later=chosen["status"] != "done").sort_values(
            ["later", "standing", "score", "figured", "order"],
            ascending=[True, False, False, False, True],
            kind="stable",
        )
        result[theme] = chosen[columns].reset_index(drop=True)
    return result


def _undated(text: str, source_no: int, dated: Mapping[int, int]) -> bool:
    return undated_year(text, dated.get(source_no))


MIXED_PENALTY = 1
"""What a list of several themes' figures loses in score beyond counting its figures as one:
enough to fall behind a measure of the theme with a figure of its own, not so much that it is
lost when it is all a theme has."""

_FIGURE_PART_RE = re.compile(r"[，,；;。、]")


def mixed_figures(text: str, evidence: Mapping[str, Sequence[str]]) -> bool:
    """Whether the sentence lists figures of different themes side by side: at least two of its
    parts (between commas and 、) that hold a figure each name terms of one theme only, and not all
    the same one (投资总额5.99亿元 for 科技金融, 高层次人才2355人 for 人才)."""
    if len(evidence) < 2:
        return False
    folded = {theme: [t.casefold() for t in terms if t] for theme, terms in evidence.items()}
    named: set[str] = set()
    for part in _FIGURE_PART_RE.split(text.casefold()):
        if not has_figure(part):
            continue
        held = {theme for theme, terms in folded.items() if any(t in part for t in terms)}
        if len(held) == 1:
            named |= held
    return len(named) >= 2


def _support(folded: str, evidence: Sequence[str], all_terms: Collection[str] = ()) -> int:
    """How often a sentence speaks of a theme: the places its evidence terms occur, terms that
    overlap counted once (科技成果 and 成果转化 in one 科技成果转化 are one mention; 担保 said
    three times is three). A mention in passing does not count: a later item of an enumeration
    whose other items hold none of `all_terms` (the measure's terms of every theme) — 打造区域创新中心、
    科技人才集聚新高地和…产业集聚区, 支持科技创新和高层次人才引进等 are not about 人才."""
    spans: list[tuple[int, int]] = []
    for term in {t.casefold() for t in evidence if t}:
        start = folded.find(term)
        while start >= 0:
            if not _in_passing(folded, start, start + len(term), all_terms):
                spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    regions, end = 0, -1
    for start, stop in sorted(spans):
        if start >= end:
            regions += 1
        end = max(end, stop)
    return regions


_CLAUSE_BREAK_RE = re.compile(r"[，,；;。：:！？]")
# what joins the items of an enumeration (not 及 of 涉及, 普及, 及时)
_ITEM_BREAK_RE = re.compile(r"、|以及|和|(?<![涉普危])及(?!时)")


# an opening 《 or “ not closed before the mention: the mention is inside a name
_NAMED_SPAN_RE = re.compile(r"[《“][^》”]*$")
# what names the kind of every item before it: …等, or a count of them (…3家)
_KIND_OF_ALL_RE = re.compile(r"等|\d\s*(?:家|个|所|项|座|支|条)")
_PASSING_ITEM = 20
"""Characters of a list item that names a thing in passing (科技人才集聚新高地, 高层次人才引进等);
a longer one runs on into the clause's predicate."""


def _in_passing(folded: str, start: int, stop: int, all_terms: Collection[str]) -> bool:
    """Whether the mention at `start:stop` is a later item of an enumeration in its clause (the
    first item is what the clause is about) whose other items hold no term of `all_terms`."""
    if not all_terms:
        return False
    left = max((m.end() for m in _CLAUSE_BREAK_RE.finditer(folded, 0, start)), default=0)
    right_break = _CLAUSE_BREAK_RE.search(folded, stop)
    right = right_break.start() if right_break else len(folded)
    clause = folded[left:right]
    if _NAMED_SPAN_RE.search(clause[: start - left]):
        return False  # inside a named document or programme (《…院士专家工作站…》)
    items: list[tuple[int, int]] = []
    at = 0
    for m in _ITEM_BREAK_RE.finditer(clause):
        if clause[: m.start()].endswith("级"):
            continue  # levels of one thing (国家级、省级科技企业孵化器), not a list of things
        items.append((at, m.start()))
        at = m.end()
    items.append((at, len(clause)))
    if len(items) < 2:
        return False
    at = start - left
    own = next((i for i, (a, b) in enumerate(items) if a <= at < b), len(items) - 1)
    a, b = items[own]
    if own == 0 or _KIND_OF_ALL_RE.search(clause[a:at]) or b - a > _PASSING_ITEM:
        # the head of the list (获批国家基础研究项目1052项、直接经费6.56亿元), the kind of all
        # its items (打造金凤科创园、西部食谷等高质量孵化载体, 嘉庚、翔安、鹭江3家省创新实验室), or a
        # last item running on into what the list did (市科技局、市财政局共同制定的…人才…办法)
        return False
    return not any(
        term in clause[a:b] for i, (a, b) in enumerate(items) if i != own for term in all_terms
    )


def _restatements(ranked: pd.DataFrame) -> set[str]:
    """Measures that repeat a better one of the same document: a figure in common (9家, 865.1亿元)
    and much of the wording (a report's summary paragraph and its body say the same twice, in
    sentences too unlike for the duplicate links), or a long run of words in common
    (`_SAME_THING_RUN`); of a yearly series said in sentences that differ little but in their
    numbers (`_SERIES_LIKENESS`), all but the latest year's."""
    kept: dict[int, list[tuple[set[str], set[str], str]]] = {}
    repeated: set[str] = set()
    seen: set[str] = set()
    # a yearly series said sentence by sentence (2009年，省级科技计划项目5个，经费为120万元。 2010年，
    # …8个，…175万元。): one item, the latest year's
    series: dict[int, list[tuple[str, int, str]]] = {}  # per document: (skeleton, year, id)
    member: dict[str, int] = {}  # a measure's series, by its index in its document's list
    for mid, source, text in zip(
        ranked["measure_id"], ranked["source_no"], ranked["clean"], strict=True
    ):
        if str(mid) in member:
            continue
        skeleton = _DIGITS_RE.sub("", text)
        year = max((int(y) for y in _YEAR_RE.findall(text)), default=0)
        known = series.setdefault(int(source), [])
        at = next(
            (
                i
                for i, (other, other_year, _) in enumerate(known)
                # items of a series are of different years (two standards of one policy,
                # 对非培育库企业…20万元 and 对培育库企业…15万元, are two provisions)
                if year
                and other_year
                and year != other_year
                and min(len(skeleton), len(other)) >= _SERIES_LEAST
                and SequenceMatcher(None, skeleton, other, autojunk=False).ratio()
                >= _SERIES_LIKENESS
            ),
            None,
        )
        if at is None:
            known.append((skeleton, year, str(mid)))
            at = len(known) - 1
        elif year > known[at][1]:
            known[at] = (known[at][0], year, str(mid))
        member[str(mid)] = at
    for mid, source, text in zip(
        ranked["measure_id"], ranked["source_no"], ranked["clean"], strict=True
    ):
        if mid in seen:
            continue
        seen.add(mid)
        if series[int(source)][member[str(mid)]][2] != mid:
            repeated.add(mid)
            continue
        figures = set(figures_in(text))
        pairs = {text[i : i + 2] for i in range(len(text) - 1)}
        earlier = kept.setdefault(int(source), [])
        if any(
            (figures & f and 2 * len(pairs & p) >= 0.2 * (len(pairs) + len(p)))
            or _shared_run(text, t) >= max(_SAME_THING_RUN, min(len(text), len(t)) / 3)
            for f, p, t in earlier
        ):
            repeated.add(mid)
        else:
            earlier.append((figures, pairs, text))
    return repeated


_YEAR_RE = re.compile(r"((?:19|20)\d{2})年")
_DIGITS_RE = re.compile(r"[\d.,，、%％]+")
_SERIES_LEAST = 8
"""Characters a sentence has once its numbers are taken out, at least, to be a series' item (not
a bare count such as 新增2家。)."""
_SERIES_LIKENESS = 0.85
"""How alike two sentences of one document are once their numbers are taken out, at least, to be
one series' items (2009年，县级科技投入为5607万元… and 2010年县级科技投入8052万元…)."""

_SAME_THING_RUN = 18
"""Characters two sentences of one document share in one run when they are about the same thing
(以郝小江院士为首席科学家的生物医药大健康…, said once as built and once as opened): longer than
any programme's name they may merely both mention, and at least a third of the shorter."""


def _shared_run(a: str, b: str) -> int:
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _likely_candidates(pool: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The rows of the measures that may make a theme's highlights: per theme the best by a rough
    score (figures, a quoted name, a result, a quotable length), all themes of each. Cleaning and
    scoring every measure of a year's documents would take seconds; the rough score keeps the
    candidates the full score can rank first."""
    per_theme = max(8 * limit, 40)
    length = pool["text"].str.len()
    rough = (
        2 * pool["indicator_count"].clip(upper=3)
        + (pool["status"] == "done").astype(int)
        + 2 * pool["text"].str.contains("[《“]", regex=True).astype(int)
        + ((length >= 20) & (length <= 200)).astype(int)
    )
    ranked = pool.assign(rough=rough, position=range(len(pool))).sort_values(
        ["rough", "position"], ascending=[False, True], kind="stable"
    )
    keep = set(ranked.groupby("theme", sort=False).head(per_theme)["measure_id"])
    return pool[pool["measure_id"].isin(keep)]


def _pick_theme(
    ranked: pd.DataFrame, limit: int, plans_share: int, per_document: int = 2
) -> list[int]:
    """Index labels of `ranked` (best first): results and plans in their shares, at most
    `per_document` per document on the first pass; the rows of low `standing` (when `ranked`
    has the column) only when the others cannot fill the shares."""
    is_done = ranked["status"] == "done"
    plans = min(int((~is_done).sum()), plans_share)
    quotas = ((is_done, limit - plans), (~is_done, plans))
    tiers = (
        [ranked[ranked["standing"]], ranked[~ranked["standing"]]]
        if "standing" in ranked
        else [ranked]
    )
    chosen: list[int] = []
    per_doc: dict[int, int] = {}
    scores: dict[int, int] = (
        dict(zip(ranked.index, ranked["score"].astype(int), strict=True))
        if "score" in ranked
        else {}
    )
    for tier in tiers:
        for spread in (True, False):
            for status, quota in quotas:
                have = sum(1 for i in chosen if status[i])
                rows = tier[status.loc[tier.index]]
                capped = -1  # the best score passed over for its document's cap
                for label, source in zip(rows.index, rows["source_no"], strict=True):
                    if have >= quota:
                        break
                    if label in chosen:
                        continue
                    if spread and per_doc.get(int(source), 0) >= per_document:
                        capped = max(capped, scores.get(label, 0))
                        continue
                    if spread and capped > scores.get(label, STRONG) < STRONG:
                        # another document's place goes to it only when it is strong (a figure
                        # with an action, a named programme with a result) or as good as what
                        # it displaces: a weak line does not push out a better one for variety
                        continue
                    chosen.append(label)
                    per_doc[int(source)] = per_doc.get(int(source), 0) + 1
                    have += 1
    # a share the other status could not use
    for label in ranked.index:
        if len(chosen) >= limit:
            break
        if label not in chosen:
            chosen.append(label)
    return chosen
