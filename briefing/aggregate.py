"""Aggregation with pandas: measures by theme and status, the indicator ledger, highlights.

Documents arrive numbered (their position in the list is their source number minus one); every row
keeps that number so the context can cite it as [n].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from briefing.model import ExtractedDocument
from briefing.themes import OTHER_THEME

MEASURE_COLUMNS = [
    "source_no",
    "measure_id",
    "text",
    "status",
    "theme",
    "section",
    "indicator_count",
    "duplicate",
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
    "kind",
    "qualifier",
    "scope",
    "text",
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
    """Index theme; columns measures, done, planned, documents (duplicates excluded)."""
    by_document: pd.DataFrame
    """Index source_no; one column per theme: measure counts (duplicates excluded)."""
    ledger: pd.DataFrame
    """Indicators merged across documents: a row per (theme, metric, scope, year, kind, unit, value)."""


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
                    }
                )
    frame = pd.DataFrame(rows, columns=MEASURE_COLUMNS)
    # An empty frame has object columns; a boolean mask must stay a mask, not a column list.
    return frame.astype({"source_no": int, "indicator_count": int, "duplicate": bool})


def indicators_frame(documents: Sequence[ExtractedDocument]) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    for no, doc in enumerate(documents, start=1):
        themes_of = {m.id: (m.themes or [OTHER_THEME]) for m in doc.measures}
        duplicate = {m.id for m in doc.measures if m.duplicate_of is not None}
        for ind in doc.indicators:
            if ind.measure_id in duplicate:
                continue
            themes = themes_of.get(ind.measure_id or "", [OTHER_THEME])
            for theme in themes:
                rows.append(
                    {
                        "source_no": no,
                        "indicator_id": ind.id,
                        "measure_id": ind.measure_id,
                        "theme": theme,
                        "metric": ind.metric or "",
                        "value": ind.value,
                        "unit": ind.unit,
                        "year": ind.year,
                        "kind": ind.kind,
                        "qualifier": ind.qualifier or "",
                        "scope": ind.scope or "",
                        "text": ind.text,
                    }
                )
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def theme_table(measures: pd.DataFrame, themes: Sequence[str]) -> pd.DataFrame:
    unique = measures.loc[~measures["duplicate"]].assign(
        done=lambda f: (f["status"] == "done").astype(int),
        planned=lambda f: (f["status"] == "planned").astype(int),
    )
    grouped = unique.groupby("theme")
    table = pd.DataFrame(
        {
            "measures": grouped["measure_id"].nunique(),
            "done": grouped["done"].sum(),
            "planned": grouped["planned"].sum(),
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

    A figure is the same when theme, metric, scope, year, kind and unit agree (a different scope
    is a different figure, never a disagreement). When another document reports the same figure
    with another value, both rows are kept and marked `conflict`; two values in one document
    are two items, not a disagreement.
    """
    columns = [
        "theme",
        "metric",
        "scope",
        "year",
        "kind",
        "unit",
        "value",
        "qualifier",
        "text",
        "sources",
        "first_source",
        "conflict",
    ]
    if indicators.empty:
        return pd.DataFrame(columns=columns)
    frame = indicators.copy()
    frame["year_key"] = frame["year"].astype("string").fillna("")
    keys = ["theme", "metric", "scope", "year_key", "kind", "unit"]
    merged = (
        frame.groupby([*keys, "value"], sort=False, dropna=False)
        .agg(
            year=("year", "first"),
            qualifier=("qualifier", "first"),
            text=("text", "first"),
            sources=("source_no", lambda s: sorted(set(int(x) for x in s))),
            first_source=("source_no", "min"),
        )
        .reset_index()
    )
    # Disagreement: another document gives another value and does not give this one; two
    # values in one document are two items (重点实验室 20万元, 优秀实验室 100万元). A document in
    # the group that is not among this value's sources reports some other value, so a row
    # conflicts exactly when its sources are fewer than the group's.
    group_sources: dict[tuple[object, ...], set[int]] = {}
    group_keys = list(merged[keys].itertuples(index=False, name=None))
    for key, sources in zip(group_keys, merged["sources"], strict=True):
        group_sources.setdefault(key, set()).update(sources)
    merged["conflict"] = [
        metric != "" and len(group_sources[key]) > len(sources)
        for key, sources, metric in zip(
            group_keys, merged["sources"], merged["metric"], strict=True
        )
    ]
    return merged[columns]


def theme_counts(table: pd.DataFrame) -> dict[str, dict[str, int]]:
    """The by-theme table as plain ints, for code that does not want pandas types."""
    return {
        str(theme): {str(col): int(val) for col, val in row.items()}
        for theme, row in table.to_dict(orient="index").items()
    }


def aggregate(documents: Sequence[ExtractedDocument], themes: Sequence[str]) -> Aggregates:
    measures = measures_frame(documents)
    indicators = indicators_frame(documents)
    return Aggregates(
        themes=list(themes),
        measures=measures,
        indicators=indicators,
        by_theme=theme_table(measures, themes),
        by_document=document_table(measures, themes, len(documents)),
        ledger=indicator_ledger(indicators),
    )


def pick_highlights(measures: pd.DataFrame, theme: str, limit: int) -> pd.DataFrame:
    """The highlight rule, documented in docs/templates.md:

    1. only measures of this theme that are not duplicates;
    2. score = 2 x number of figures (at most 3 counted) + 1 when the measure reports a result
       (done) + 1 when it is between 20 and 160 characters (informative but quotable);
    3. best score first, ties in document order; at most two per document on the first pass, so
       one long document does not fill the section; the rest fills up to `limit`;
    4. shown in document order.
    """
    pool = measures.loc[(measures["theme"] == theme) & ~measures["duplicate"]].copy()
    if pool.empty:
        return pool
    length = pool["text"].str.len()
    pool["score"] = (
        2 * pool["indicator_count"].clip(upper=3)
        + (pool["status"] == "done").astype(int)
        + ((length >= 20) & (length <= 160)).astype(int)
    )
    pool["order"] = range(len(pool))
    ranked = pool.sort_values(["score", "order"], ascending=[False, True], kind="stable")
    chosen: list[int] = []
    per_doc: dict[int, int] = {}
    for _, row in ranked.iterrows():
        if len(chosen) >= limit:
            break
        if per_doc.get(int(row["source_no"]), 0) < 2:
            chosen.append(int(row["order"]))
            per_doc[int(row["source_no"])] = per_doc.get(int(row["source_no"]), 0) + 1
    if len(chosen) < limit:
        for _, row in ranked.iterrows():
            if len(chosen) >= limit:
                break
            if int(row["order"]) not in chosen:
                chosen.append(int(row["order"]))
    return pool[pool["order"].isin(chosen)].sort_values("order")


def _unit_weight(unit: str) -> int:
    if "亿" in unit:
        return 3
    if "万" in unit or unit == "%":
        return 2
    return 1


def pick_key_indicators(ledger: pd.DataFrame, theme: str, limit: int) -> pd.DataFrame:
    """The key-figures rule, documented in docs/templates.md:

    score = weight of the unit (亿… 3, 万… or % 2, other counts 1) + 1 for a specific metric name
    (4+ characters) + 1 when the year is known + 1 for a result, a growth rate or a change (targets and
    support standards add 0);
    a figure without a metric name is never shown. Best first, ties in source order.
    """
    rows = ledger.loc[(ledger["theme"] == theme) & (ledger["metric"] != "")]
    if rows.empty:
        return rows
    scored = rows.assign(
        score=rows["unit"].map(_unit_weight)
        + (rows["metric"].str.len() >= 4).astype(int)
        + rows["year"].notna().astype(int)
        + rows["kind"].isin(["actual", "growth", "change"]).astype(int)
    )
    return scored.sort_values(
        ["score", "first_source"], ascending=[False, True], kind="stable"
    ).head(limit)


def chartable_indicators(
    ledger: pd.DataFrame, theme: str, limit: int = 8
) -> tuple[str, pd.DataFrame]:
    """Figures worth a bar chart: results in one money unit, so the bars compare like with like.

    Counts of different things (家, 个, 人) side by side mislead more than they inform, so only
    亿元 or 万元 amounts are charted; the unit with more figures wins.
    """
    rows = ledger.loc[
        (ledger["theme"] == theme)
        & (ledger["metric"] != "")
        & (ledger["kind"] == "actual")
        & ledger["unit"].isin(["亿元", "万元"])
    ]
    if rows.empty:
        return "", rows
    unit = str(rows["unit"].value_counts().index[0])
    return unit, rows[rows["unit"] == unit].head(limit)
