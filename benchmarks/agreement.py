"""Agreement between two human labellers on a sample of the corpus, beside the tool on the same sentences.

    python benchmarks/agreement.py --sample FILE    # write the blind labelling sheet (no labels in it)
    python benchmarks/agreement.py                  # gold vs second labels vs the tool, dev and test

Sample: 160 labelled sentences of `tests/data/corpus/measures.jsonl`, drawn with a fixed seed, 80
from the dev part and 80 from the test part (the corpus split rule), spread over the genres of each
part (largest remainder, at least MIN_PER_GENRE a genre). The sheet holds only what a labeller reads:
part, document, genre, title, section and the sentence. The sampler never reads the gold themes and
status (`sample_rows` takes only `doc`, `text` and `section` of each label line), and nothing here
prints a test-part sentence. The corpus is append-only, so a grown measures.jsonl draws a different
sample: the report scores the sentences of the second labels file, which fixes the sample as drawn
(from the 811 labelled sentences of 2026-12-05).

Second labels (`tests/data/corpus/second_labels.jsonl`): one line per sampled sentence, labelled by
hand by a second labeller from the sheet and the documents, by the corpus README's rules, before the
gold labels or the tool's output were read: doc, text, themes, status, labeller.

Report, for the dev part, the test part and both together: the second labeller against gold (gold
as reference: themes micro-F1 with a 95 % bootstrap interval over sentences, per-theme F1, the share
of sentences whose theme sets are identical, status agreement), the tool against gold on the same
sentences, and the tool against the second labels (second labels as reference). The tool is scored
as `benchmarks/accuracy.py` scores it (its pipeline run, alignment, `Scored` rows and
`theme_scores`); a gold sentence the tool did not produce counts as themes [] and a wrong status.
`--disagreements dev` lists the dev sentences where the two labellers differ, with the tool's
answer; the test part's are never listed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # benchmarks/ is not a package: found through the path entry above

CORPUS = accuracy.CORPUS
SECOND = CORPUS / "second_labels.jsonl"
SEED = 13
PER_PART = 80
MIN_PER_GENRE = 5
BOOTSTRAP = 1000
SHEET_FIELDS = ("n", "part", "doc", "genre", "title", "section", "text")


def _allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Per-genre quotas: proportional by largest remainder, with a floor, never above a genre's size."""
    quota = {g: min(n, MIN_PER_GENRE) for g, n in sizes.items()}
    left = total - sum(quota.values())
    pool = {g: n - quota[g] for g, n in sizes.items()}
    weight = sum(pool.values())
    if left > 0 and weight:
        exact = {g: left * n / weight for g, n in pool.items()}
        for g in exact:
            quota[g] += min(pool[g], int(exact[g]))
        rest = total - sum(quota.values())
        for g in sorted(exact, key=lambda g: (-(exact[g] - int(exact[g])), g))[:rest]:
            quota[g] += 1
    return quota


def sample_rows(
    corpus: Path = CORPUS, per_part: int = PER_PART, seed: int = SEED
) -> list[dict[str, str]]:
    """The labelling sheet's rows, deterministic; only doc, text and section are read from each label line."""
    sources = {str(r["doc"]): r for r in accuracy._jsonl(corpus / "sources.jsonl")}
    titles = {
        str(r["doc"]): r.get("title") or "" for r in accuracy._jsonl(corpus / "metadata.jsonl")
    }
    strata: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for record in accuracy._jsonl(corpus / "measures.jsonl"):
        doc, text, section = (
            str(record["doc"]),
            str(record["text"]),
            str(record.get("section") or ""),
        )
        if doc not in sources:
            continue
        part = accuracy.split_of(str(sources[doc].get("group", "")))
        strata[(part, str(sources[doc].get("genre", "?")))].append((doc, text, section))
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for part in accuracy.SPLITS:
        sizes = {g: len(items) for (p, g), items in strata.items() if p == part}
        for genre, k in sorted(_allocate(sizes, per_part).items()):
            items = sorted(strata[(part, genre)])
            for doc, text, section in sorted(rng.sample(items, k)):
                rows.append(
                    {
                        "part": part,
                        "doc": doc,
                        "genre": genre,
                        "title": titles.get(doc, ""),
                        "section": section,
                        "text": text,
                    }
                )
    return [{"n": str(i + 1), **r} for i, r in enumerate(rows)]


def write_sheet(path: Path, rows: Sequence[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps({k: r[k] for k in SHEET_FIELDS}, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- agreement


def load_second(path: Path = SECOND) -> dict[tuple[str, str], accuracy.GoldMeasure]:
    return {(g.doc, g.text): g for g in accuracy.load_gold(path)}


Key = Callable[[accuracy.Scored], frozenset[str]]


def _agreement(rows: Sequence[accuracy.Scored], themes: Sequence[str], key: Key) -> dict[str, Any]:
    """Themes scored with `accuracy.theme_scores` (reference: each row's `gold`), exact sets, status."""
    n = len(rows)
    report = accuracy.theme_scores(rows, themes, key)
    report["exact"] = sum(key(r) == r.gold.themes for r in rows) / n if n else 0.0
    report["micro_interval"] = _interval(rows, themes, key)
    return report


def _interval(
    rows: Sequence[accuracy.Scored], themes: Sequence[str], key: Key
) -> tuple[float, float]:
    """A 95 % percentile bootstrap interval of themes micro-F1, resampling sentences (fixed seed)."""
    if not rows:
        return (0.0, 0.0)
    rng = random.Random(SEED)
    values = sorted(
        accuracy.theme_scores(rng.choices(rows, k=len(rows)), themes, key)["micro"]["f1"]
        for _ in range(BOOTSTRAP)
    )
    return (values[int(0.025 * BOOTSTRAP)], values[int(0.975 * BOOTSTRAP) - 1])


def compare(
    rows: Sequence[accuracy.Scored],
    second: dict[tuple[str, str], accuracy.GoldMeasure],
    themes: Sequence[str],
) -> dict[str, Any]:
    """Second vs gold, tool vs gold and tool vs second on the sampled sentences of `rows`."""
    mine = [r for r in rows if (r.gold.doc, r.gold.text) in second]
    n = len(mine)

    def by_second(r: accuracy.Scored) -> frozenset[str]:
        return second[(r.gold.doc, r.gold.text)].themes

    def by_status(r: accuracy.Scored) -> str:
        return second[(r.gold.doc, r.gold.text)].status

    # the tool against the second labels: the same rows with the second labeller as reference
    against_second = [
        accuracy.Scored(second[(r.gold.doc, r.gold.text)], r.predicted, r.keyword_themes)
        for r in mine
    ]
    out: dict[str, Any] = {"sentences": n}
    out["second_vs_gold"] = _agreement(mine, themes, by_second)
    out["second_vs_gold"]["status"] = (
        sum(by_status(r) == r.gold.status for r in mine) / n if n else 0.0
    )
    for name, chosen in (("tool_vs_gold", mine), ("tool_vs_second", against_second)):
        out[name] = _agreement(chosen, themes, lambda r: r.themes)
        out[name]["status"] = sum(r.status_ok for r in chosen) / n if n else 0.0
    out["gold_planned"] = sum(r.gold.status == "planned" for r in mine) / n if n else 0.0
    out["gold_with_theme"] = sum(bool(r.gold.themes) for r in mine)
    return out


# ---------------------------------------------------------------- printing

PAIRS = (
    ("second_vs_gold", "second vs gold"),
    ("tool_vs_gold", "tool vs gold"),
    ("tool_vs_second", "tool vs second"),
)


def format_report(report: dict[str, Any], themes: Sequence[str]) -> str:
    lines = []
    for part in (*accuracy.SPLITS, "both"):
        entry = report[part]
        lines.append(
            f"== {part}: {entry['sentences']} sentences, {entry['gold_with_theme']} with a gold theme, "
            f"{entry['gold_planned']:.0%} planned (gold)"
        )
        lines.append(
            "| pair (reference last) | themes micro-F1 | 95% interval | "
            + " | ".join(themes)
            + " | exact theme set | status |"
        )
        lines.append("|---" * (len(themes) + 5) + "|")
        for key, label in PAIRS:
            e = entry[key]
            low, high = e["micro_interval"]
            per = " | ".join(f"{e['themes'][t]['f1']:.3f}" for t in themes)
            lines.append(
                f"| {label} | {e['micro']['f1']:.3f} | {low:.2f}–{high:.2f} | {per} | {e['exact']:.3f} | {e['status']:.3f} |"
            )
        support = ", ".join(
            f"{t} {int(entry['second_vs_gold']['themes'][t]['support'])}" for t in themes
        )
        lines.append(f"gold theme counts: {support}")
    return "\n".join(lines)


def format_disagreements(
    rows: Sequence[accuracy.Scored], second: dict[tuple[str, str], accuracy.GoldMeasure]
) -> list[str]:
    """The dev part's sentences where the two labellers differ, with the tool's answer beside them."""
    out = []
    for r in rows:
        s = second.get((r.gold.doc, r.gold.text))
        if s is None or (s.themes == r.gold.themes and s.status == r.gold.status):
            continue
        tool = (
            f"{'/'.join(sorted(r.themes)) or '-'} {r.predicted.status}"
            if r.predicted
            else "unaligned"
        )
        out.append(
            f"{r.gold.doc} | gold {'/'.join(sorted(r.gold.themes)) or '-'} {r.gold.status}"
            f" | second {'/'.join(sorted(s.themes)) or '-'} {s.status} | tool {tool}\n    {r.gold.text}"
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument(
        "--sample", type=Path, metavar="FILE", help="write the blind labelling sheet and stop"
    )
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--disagreements",
        choices=["dev"],
        help="list the dev part's sentences where the labellers differ (never the test part's)",
    )
    args = parser.parse_args(argv)
    if args.sample is not None:
        rows = sample_rows(args.corpus)
        write_sheet(args.sample, rows)
        print(f"{len(rows)} sentences written to {args.sample} (no labels)")
        return 0
    second = load_second(args.second)
    run = accuracy.run_corpus(args.corpus)
    if run is None:
        print(f"no corpus at {args.corpus}")
        return 1
    unmatched = set(second) - {(r.gold.doc, r.gold.text) for r in run.rows}
    if unmatched:
        print(f"warning: {len(unmatched)} second labels match no gold sentence", file=sys.stderr)
    report = {
        part: compare([r for r in run.rows if run.split(r.gold.doc) == part], second, run.themes)
        for part in accuracy.SPLITS
    }
    report["both"] = compare(run.rows, second, run.themes)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, run.themes))
    if args.disagreements:
        chosen = [r for r in run.rows if run.split(r.gold.doc) == args.disagreements]
        print(f"== disagreements ({args.disagreements})")
        print("\n".join(format_disagreements(chosen, second)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
