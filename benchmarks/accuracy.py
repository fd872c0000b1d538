"""Accuracy of measure extraction and theme classification against the hand-labelled dev set.

    python benchmarks/accuracy.py [--seeds DIR] [--gold FILE] [--json]

Runs the real pipeline (`briefing.pipeline.extract_documents`) over the seeds, aligns predicted
measures to gold ones by character-bigram overlap (one-to-one, best pairs first), and prints
per-theme precision/recall/F1, micro-F1, status accuracy and segmentation precision/recall. When
`benchmarks/indicator_scoring.py` exists, the indicator metrics it returns are printed as well.

Only documents that appear in the gold file are scored. A predicted measure left unaligned counts
as a false positive for each of its themes, an unaligned gold measure as a false negative for each
of its themes.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "devset" / "measures.jsonl"
INDICATOR_GOLD = ROOT / "tests" / "data" / "devset" / "indicators.jsonl"
SEEDS = ROOT / "seeds"
ALIGN_THRESHOLD = 0.5


@dataclass(frozen=True)
class GoldMeasure:
    doc: str
    text: str
    themes: frozenset[str]
    status: str


@dataclass(frozen=True)
class PredMeasure:
    doc: str
    text: str
    themes: frozenset[str]
    status: str


def load_gold(path: Path = GOLD) -> list[GoldMeasure]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.append(GoldMeasure(r["doc"], r["text"], frozenset(r["themes"]), r["status"]))
    return rows


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in itertools.pairwise(chars)}


def _overlap(a: set[str], b: set[str]) -> float:
    """Dice coefficient: 1.0 for the same span, about 0.5 when one is half the other."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def align(gold: Sequence[GoldMeasure], pred: Sequence[PredMeasure]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) within the same document, best overlap first."""
    gold_grams = [_bigrams(g.text) for g in gold]
    pred_grams = [_bigrams(p.text) for p in pred]
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p.doc == g.doc:
                score = _overlap(gold_grams[gi], pred_grams[pi])
                if score >= ALIGN_THRESHOLD:
                    candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": float(tp + fn)}


def score_measures(
    gold: Sequence[GoldMeasure], pred: Sequence[PredMeasure], themes: Sequence[str]
) -> dict[str, Any]:
    docs = {g.doc for g in gold}
    pred = [p for p in pred if p.doc in docs]
    pairs = align(gold, pred)
    counts = {t: [0, 0, 0] for t in themes}  # tp, fp, fn
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        for t in themes:
            if t in p.themes and t in g.themes:
                counts[t][0] += 1
            elif t in p.themes:
                counts[t][1] += 1
            elif t in g.themes:
                counts[t][2] += 1
    for gi, g in enumerate(gold):
        if gi not in paired_g:
            for t in g.themes & set(themes):
                counts[t][2] += 1
    for pi, p in enumerate(pred):
        if pi not in paired_p:
            for t in p.themes & set(themes):
                counts[t][1] += 1
    per_theme = {t: _prf(*counts[t]) for t in themes}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    status_ok = sum(1 for gi, pi in pairs if gold[gi].status == pred[pi].status)
    return {
        "themes": per_theme,
        "micro": _prf(*total),
        "status_accuracy": status_ok / len(pairs) if pairs else 0.0,
        "segmentation": {
            "precision": len(pairs) / len(pred) if pred else 0.0,
            "recall": len(pairs) / len(gold) if gold else 0.0,
            "gold": float(len(gold)),
            "predicted": float(len(pred)),
        },
    }


def run_pipeline(seeds: Path = SEEDS) -> list[Any]:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    return extract_documents([seeds], Classifier(load_lexicon()))


def predicted_measures(documents: Sequence[Any]) -> list[PredMeasure]:
    return [
        PredMeasure(Path(d.source).name, m.text, frozenset(m.themes), m.status)
        for d in documents
        for m in d.measures
    ]


def indicator_metrics(
    documents: Sequence[Any], gold_path: Path = INDICATOR_GOLD
) -> dict[str, float]:
    """Metrics from the indicator helper's scorer, or {} when it is not there yet."""
    scorer = Path(__file__).with_name("indicator_scoring.py")
    if not scorer.exists() or not gold_path.exists():
        return {}
    spec = importlib.util.spec_from_file_location("indicator_scoring", scorer)
    if spec is None or spec.loader is None:
        return {}
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the scorer look their module up
    spec.loader.exec_module(module)
    result: dict[str, float] = module.score_indicators(list(documents), gold_path)
    return result


def evaluate(seeds: Path = SEEDS, gold_path: Path = GOLD) -> dict[str, Any]:
    from briefing.themes import load_lexicon

    documents = run_pipeline(seeds)
    themes = load_lexicon().names
    report = score_measures(load_gold(gold_path), predicted_measures(documents), themes)
    report["indicators"] = indicator_metrics(documents)
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{'theme':<10}{'P':>8}{'R':>8}{'F1':>8}{'n':>6}"]
    for name, m in report["themes"].items():
        lines.append(
            f"{name:<10}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{int(m['support']):>6}"
        )
    micro = report["micro"]
    lines.append(
        f"{'micro':<10}{micro['precision']:>8.3f}{micro['recall']:>8.3f}{micro['f1']:>8.3f}"
        f"{int(micro['support']):>6}"
    )
    seg = report["segmentation"]
    lines.append(f"status accuracy        {report['status_accuracy']:.3f}")
    lines.append(
        f"segmentation P/R       {seg['precision']:.3f} / {seg['recall']:.3f}"
        f"  (gold {int(seg['gold'])}, predicted {int(seg['predicted'])})"
    )
    for key, value in report.get("indicators", {}).items():
        lines.append(f"indicators {key:<20}{value:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)
    report = evaluate(args.seeds, args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
