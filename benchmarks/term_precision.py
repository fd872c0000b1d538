"""Each lexicon term's precision on the corpus dev part's labelled sentences (issue 13 point 4).

    python benchmarks/term_precision.py                  # every counted term, worst first (dev)
    python benchmarks/term_precision.py --min-hits 5     # only terms with at least 5 hits
    python benchmarks/term_precision.py --below 0.5 3    # keywords a precision rule would demote
    python benchmarks/term_precision.py --split test     # aggregate counts only, never per term
    python benchmarks/term_precision.py --lexicon F      # a lexicon merged into the default one

Every labelled sentence of the split (measures.jsonl, with its gold themes) and every line of
non_measures.jsonl (chrome, debris, framing, problems: gold "no theme") is classified by the
lexicon's rules alone (no learned model), in the context extraction gives it: its section heading
and its document's title as anchor context, and its document anchored throughout when the
pipeline's measures of that document are (`Classifier.document_anchored`). A term's hit is a match
that counts for a theme (a weak hint counts too; a generic word left out for want of an anchor, a
term under a longer one or in a negative context does not); it is right when the gold labels of
its sentence hold that theme. Columns per (term, theme):

    w        the term's weight in the lexicon (1 = keyword, 0.5 = weak hint)
    hits     sentences where it counted (measures + non-measures)
    nm       of those, non-measure lines
    right    hits whose gold labels hold the theme
    prec     right / hits
    alone    hits where it was the theme's only counted term (where a weight change decides)
    aprec    the precision of those
    decid    alone hits where the rules gave the theme (the term decided the verdict by itself)
    dprec    the precision of those
    groups   publisher groups with a hit
    prec-g   the precision without the group that gives it most hits: one publisher that uses a
             word its own way cannot make a term look good (or bad)

A second table gives the same for the generic words (人才, 贷款) the rules left out for want of a
science anchor: how often they would have been right had they counted.

`--below P N` lists the keywords whose precision is under P over at least N hits in at least two
groups, also without their commonest group (the candidates of a rule "mostly wrong: make weak").
`--split test` prints totals only (hits, right, pairs under a precision, and the test hits of the
terms such a rule picks on dev, summed): the test part's sentences and per-term lists are never
printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy

from briefing._t2s import T2S


@dataclass
class TermStats:
    """The hits of one (term, theme) on one split, per publisher group."""

    weight: float
    # group -> [hits, right, non-measure hits, alone hits, alone right, decided, decided right]
    by_group: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 7))

    def total(self, skip: str = "") -> list[int]:
        out = [0] * 7
        for group, counts in self.by_group.items():
            if group != skip:
                out = [a + b for a, b in zip(out, counts, strict=True)]
        return out

    @property
    def hits(self) -> int:
        return self.total()[0]

    @property
    def precision(self) -> float:
        hits, right = self.total()[:2]
        return right / hits if hits else 0.0

    def top_group(self) -> str:
        return max(sorted(self.by_group), key=lambda g: self.by_group[g][0])

    def precision_without_top(self) -> float | None:
        hits, right = self.total(skip=self.top_group())[:2]
        return right / hits if hits else None


# the pinyin a traditional-to-simplified page conversion leaves after a word: 創(chuàng)新
_PINYIN_RESIDUE = re.compile(r"\([a-zü\u00e0-\u01dc]+\)")


def _entry(term: str) -> str:
    # the lexicon's own form of a hit written in traditional characters or with pinyin residue
    return _PINYIN_RESIDUE.sub("", term).translate(T2S)


def measure(
    split: str = "dev", lexicon_path: Path | None = None, corpus: Path = accuracy.CORPUS
) -> tuple[dict[tuple[str, str], TermStats], dict[tuple[str, str], TermStats]]:
    """(term, theme) -> its hits on the split's labelled sentences and non-measure lines; and
    the same for the generic words left out for want of a science anchor (what they would have
    hit had they counted)."""
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    classifier = Classifier(load_lexicon(lexicon_path), learned=False)
    sources = {str(r["doc"]): r for r in accuracy._jsonl(corpus / "sources.jsonl")}
    group = {d: str(r.get("group", "")) for d, r in sources.items()}
    docs = sorted(d for d, g in group.items() if accuracy.split_of(g) == split)
    titles = {
        str(r["doc"]): str(r.get("title") or "") for r in accuracy._jsonl(corpus / "metadata.jsonl")
    }
    paths = [corpus / "docs" / d for d in docs if (corpus / "docs" / d).is_file()]
    anchored = {
        Path(str(d.source).split("#")[0]).name
        for d in extract_documents(paths, classifier)
        if classifier.document_anchored([m.text for m in d.measures])
    }
    wanted = set(docs)
    # (doc, text, section, gold themes, non-measure); a non-measure line has no section
    lines: list[tuple[str, str, str, frozenset[str], bool]] = [
        (g.doc, g.text, g.section, g.themes, False)
        for g in accuracy.load_gold(corpus / "measures.jsonl")
        if g.doc in wanted
    ]
    lines += [
        (n.doc, n.text, "", frozenset(), True)
        for n in accuracy.load_non_measures(corpus / "non_measures.jsonl")
        if n.doc in wanted
    ]
    specs = classifier.lexicon.specs
    stats: dict[tuple[str, str], TermStats] = {}
    unanchored: dict[tuple[str, str], TermStats] = {}
    for doc, text, section, gold, non_measure in lines:
        result = classifier.classify(
            text, anchor=titles.get(doc, "") + section, document=doc in anchored
        )
        per_theme: dict[str, set[str]] = defaultdict(set)
        for m in result.matches:
            for theme in m.weights:
                per_theme[theme].add(_entry(m.term))
        for s in result.suppressed:
            if "科技锚点" not in s.reason:
                continue
            for theme in s.themes:
                key = (_entry(s.term), theme)
                if key not in unanchored:
                    unanchored[key] = TermStats(specs[theme].weights.get(key[0], 0.0))
                counts = unanchored[key].by_group[group[doc]]
                counts[0] += 1
                counts[1] += theme in gold
                counts[2] += non_measure
        for theme, terms in per_theme.items():
            right = theme in gold
            for term in terms:
                key = (term, theme)
                if key not in stats:
                    weight = specs[theme].weights.get(term, 0.0) if theme in specs else 0.0
                    stats[key] = TermStats(weight)
                counts = stats[key].by_group[group[doc]]
                counts[0] += 1
                counts[1] += right
                counts[2] += non_measure
                if len(terms) == 1:
                    counts[3] += 1
                    counts[4] += right
                    if theme in result.themes:
                        counts[5] += 1
                        counts[6] += right
    return stats, unanchored


def term_lines(stats: dict[tuple[str, str], TermStats], min_hits: int) -> list[str]:
    rows = [(k, s) for k, s in stats.items() if s.hits >= min_hits]
    rows.sort(key=lambda kv: (kv[1].precision, -kv[1].hits, kv[0]))
    out = [
        f"{'term':<14}{'theme':<6}{'w':>5}{'hits':>6}{'nm':>4}{'right':>6}{'prec':>6}"
        f"{'alone':>6}{'aprec':>6}{'decid':>6}{'dprec':>6}{'groups':>7}{'prec-g':>7}"
    ]
    for (term, theme), s in rows:
        hits, right, nm, alone, alone_right, decided, decided_right = s.total()
        aprec = f"{alone_right / alone:.2f}" if alone else "-"
        dprec = f"{decided_right / decided:.2f}" if decided else "-"
        without = s.precision_without_top()
        prec_g = f"{without:.2f}" if without is not None else "-"
        out.append(
            f"{term:<14}{theme:<6}{s.weight:>5.2g}{hits:>6}{nm:>4}{right:>6}{right / hits:>6.2f}"
            f"{alone:>6}{aprec:>6}{decided:>6}{dprec:>6}{len(s.by_group):>7}{prec_g:>7}"
        )
    return out


def below(
    stats: dict[tuple[str, str], TermStats], precision: float, min_hits: int, min_groups: int = 2
) -> list[tuple[str, str]]:
    """The (term, theme) pairs of weight >= 1 whose hits are mostly wrong: precision under
    `precision` over at least `min_hits` hits in at least `min_groups` publisher groups, and still
    under it without their commonest group (so no single publisher decides)."""
    out = []
    for key, s in stats.items():
        without = s.precision_without_top()
        if (
            s.weight >= 1.0
            and s.hits >= min_hits
            and len(s.by_group) >= min_groups
            and s.precision < precision
            and (without is None or without < precision)
        ):
            out.append(key)
    return sorted(out)


def above(
    stats: dict[tuple[str, str], TermStats], precision: float, min_hits: int, min_groups: int = 2
) -> list[tuple[str, str]]:
    """The weak hints whose hits are mostly right: precision at least `precision` over at least
    `min_hits` hits in at least `min_groups` groups, also without their commonest group."""
    out = []
    for key, s in stats.items():
        without = s.precision_without_top()
        if (
            s.weight < 1.0
            and s.hits >= min_hits
            and len(s.by_group) >= min_groups
            and s.precision >= precision
            and (without is None or without >= precision)
        ):
            out.append(key)
    return sorted(out)


def aggregate_lines(stats: dict[tuple[str, str], TermStats], split: str) -> list[str]:
    """Totals only (what may be printed for the test part)."""
    hits = sum(s.hits for s in stats.values())
    right = sum(s.total()[1] for s in stats.values())
    nm = sum(s.total()[2] for s in stats.values())
    out = [
        f"{split}: {len(stats)} (term, theme) pairs hit, {hits} hits ({nm} on non-measures),"
        f" {right} right: term-hit precision {right / hits if hits else 0.0:.3f}"
    ]
    for name, keywords in (("keywords", True), ("weak hints", False)):
        part = [s for s in stats.values() if (s.weight >= 1.0) == keywords]
        h = sum(s.hits for s in part)
        r = sum(s.total()[1] for s in part)
        out.append(f"  {name}: {h} hits, {r} right, precision {r / h if h else 0.0:.3f}")
    for p in (0.3, 0.5, 0.7):
        n = sum(1 for s in stats.values() if s.hits >= 3 and s.precision < p)
        out.append(f"  pairs with >= 3 hits and precision < {p}: {n}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--split", choices=accuracy.SPLITS, default="dev")
    parser.add_argument("--min-hits", type=int, default=1)
    parser.add_argument("--lexicon", type=Path, help="merge this lexicon into the default one")
    parser.add_argument(
        "--below",
        nargs=2,
        type=float,
        metavar=("P", "N"),
        help="(dev) list the keywords with precision < P over >= N hits in >= 2 groups",
    )
    args = parser.parse_args(argv)
    stats, unanchored = measure(args.split, args.lexicon)
    print("\n".join(aggregate_lines(stats, args.split)))
    if args.split != "dev":
        # the test part: totals only, never its terms; whether what dev measures holds there
        dev, _ = measure("dev", args.lexicon)
        for name, chosen in (
            ("keywords with dev precision < 0.5", set(below(dev, 0.5, 3))),
            ("weak hints with dev precision >= 0.7", set(above(dev, 0.7, 3))),
        ):
            part = [s for key, s in stats.items() if key in chosen]
            h = sum(s.hits for s in part)
            r = sum(s.total()[1] for s in part)
            out = f"{r / h:.3f}" if h else "-"
            print(f"  {name} (>= 3 hits, >= 2 groups; {len(chosen)}): {h} hits, {r} right, {out}")
        return 0
    if args.below is not None:
        p, n = args.below
        picked = below(stats, p, int(n))
        print(f"keywords with precision < {p} over >= {int(n)} hits in >= 2 groups: {len(picked)}")
        for term, theme in picked:
            s = stats[(term, theme)]
            print(f"  {term} {theme} {s.total()[1]}/{s.hits}")
        return 0
    print("\n".join(term_lines(stats, args.min_hits)))
    print("generic words left out for want of a science anchor (what they would have hit):")
    print("\n".join(term_lines(unanchored, args.min_hits)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
