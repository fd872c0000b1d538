"""Precision and recall of figure extraction against the hand-labelled dev set.

    python benchmarks/indicator_scoring.py [--seeds DIR] [--gold FILE] [--verbose]

A predicted figure matches a gold one in the same document when value and unit are exactly equal and
their text spans overlap in the document (whitespace removed). Pairs are one-to-one, taken in document
order. Precision counts predictions only in documents the gold file covers. Over matched pairs the
scorer also reports kind, year, metric (equal, or one contains the other: "科技成果" for
"转化科技成果"), qualifier and scope agreement.

Figures are NamedTuples, not dataclasses, so the module also works when loaded by file path without
being registered in sys.modules (benchmarks/accuracy.py loads it that way).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "devset" / "indicators.jsonl"
SEEDS = ROOT / "seeds"
_WS = re.compile(r"\s+")


class Figure(NamedTuple):
    doc: str
    text: str
    value: float
    unit: str
    kind: str
    year: int | None
    metric: str | None
    qualifier: str | None
    scope: str | None


def load_gold(path: Path = GOLD) -> list[Figure]:
    rows: list[Figure] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.append(
                Figure(
                    r["doc"],
                    r["text"],
                    float(r["value"]),
                    r["unit"],
                    r["kind"],
                    r["year"],
                    r["metric"],
                    r.get("qualifier"),
                    r.get("scope"),
                )
            )
    return rows


def _predicted(doc: Any) -> list[Figure]:
    name = Path(str(doc.source).split("#")[0]).name
    return [
        Figure(name, i.text, i.value, i.unit, i.kind, i.year, i.metric, i.qualifier, i.scope)
        for i in doc.indicators
    ]


def _occurrences(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    needle = _WS.sub("", needle)
    if not needle:
        return
    pos = haystack.find(needle)
    while pos >= 0:
        yield pos, pos + len(needle)
        pos = haystack.find(needle, pos + 1)


def _overlap(body: str, a: str, b: str) -> bool:
    spans_b = list(_occurrences(body, b))
    return any(s < e2 and s2 < e for s, e in _occurrences(body, a) for s2, e2 in spans_b)


def metric_agrees(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    strip = "“”\"'"
    p, g = predicted.strip(strip), gold.strip(strip)
    return bool(p) and bool(g) and (p in g or g in p)


def match(
    body: str, predicted: Sequence[Figure], gold: Sequence[Figure]
) -> tuple[list[tuple[Figure, Figure]], list[Figure], list[Figure]]:
    """One-to-one pairs (predicted, gold), unmatched predictions, unmatched gold figures."""
    used: set[int] = set()
    pairs: list[tuple[Figure, Figure]] = []
    missed: list[Figure] = []
    for g in gold:
        for k, p in enumerate(predicted):
            if k in used or p.unit != g.unit or abs(p.value - g.value) > 1e-9:
                continue
            if _overlap(body, p.text, g.text):
                used.add(k)
                pairs.append((p, g))
                break
        else:
            missed.append(g)
    extra = [p for k, p in enumerate(predicted) if k not in used]
    return pairs, extra, missed


def evaluate(predicted_docs: Sequence[Any], gold_path: Path = GOLD) -> dict[str, Any]:
    gold = load_gold(gold_path)
    gold_docs = {g.doc for g in gold}
    pairs: list[tuple[Figure, Figure]] = []
    extra: list[Figure] = []
    missed: list[Figure] = []
    seen: set[str] = set()
    for doc in predicted_docs:
        name = Path(str(doc.source).split("#")[0]).name
        if name not in gold_docs:
            continue
        seen.add(name)
        body = _WS.sub("", doc.body)
        p, e, m = match(body, _predicted(doc), [g for g in gold if g.doc == name])
        pairs += p
        extra += e
        missed += m
    missed += [g for g in gold if g.doc not in seen]
    return {"pairs": pairs, "extra": extra, "missed": missed}


def score_indicators(predicted_docs: Sequence[Any], gold_path: Path = GOLD) -> dict[str, float]:
    """precision, recall (value and unit exact), and kind/year/metric/qualifier/scope agreement."""
    result = evaluate(predicted_docs, gold_path)
    pairs: list[tuple[Figure, Figure]] = result["pairs"]
    n_pred = len(pairs) + len(result["extra"])
    n_gold = len(pairs) + len(result["missed"])

    def share(ok: int) -> float:
        return ok / len(pairs) if pairs else 0.0

    precision = len(pairs) / n_pred if n_pred else 0.0
    recall = len(pairs) / n_gold if n_gold else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "kind_accuracy": share(sum(p.kind == g.kind for p, g in pairs)),
        "year_accuracy": share(sum(p.year == g.year for p, g in pairs)),
        "metric_accuracy": share(sum(metric_agrees(p.metric, g.metric) for p, g in pairs)),
        "qualifier_accuracy": share(sum(p.qualifier == g.qualifier for p, g in pairs)),
        "scope_accuracy": share(sum(p.scope == g.scope for p, g in pairs)),
        "gold": float(n_gold),
        "predicted": float(n_pred),
    }


def _run_pipeline(seeds: Path) -> list[Any]:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    return extract_documents([seeds], Classifier(load_lexicon()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    docs = _run_pipeline(args.seeds)
    scores = score_indicators(docs, args.gold)
    for key, value in scores.items():
        print(f"{key:<20}{value:.3f}" if value <= 1 else f"{key:<20}{int(value)}")
    if args.verbose:
        result = evaluate(docs, args.gold)
        for g in result["missed"]:
            print(f"MISSED  {g.doc[:3]} {g.value:g}{g.unit}  {g.text}")
        for p in result["extra"]:
            print(f"EXTRA   {p.doc[:3]} {p.value:g}{p.unit}  {p.text}")
        for p, g in result["pairs"]:
            diffs = [
                f"{field}: {getattr(p, field)!r} != {getattr(g, field)!r}"
                for field in ("kind", "year")
                if getattr(p, field) != getattr(g, field)
            ]
            if not metric_agrees(p.metric, g.metric):
                diffs.append(f"metric: {p.metric!r} != {g.metric!r}")
            if diffs:
                print(f"DIFF    {g.doc[:3]} {g.value:g}{g.unit}  {g.text}  | " + "; ".join(diffs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
