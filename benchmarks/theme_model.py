"""Train and evaluate the learned theme model (`briefing/theme_model.py`), deterministically.

    python benchmarks/theme_model.py --cv              # group cross-validation on the training data
    python benchmarks/theme_model.py --cv --errors     # ... and each out-of-fold miss, with its cause
    python benchmarks/theme_model.py --train           # fit on all training data, write the weights
    python benchmarks/theme_model.py --test            # the corpus test part's scores (scores only)

Training data: the labelled sentences of the corpus DEV part (the README's split formula; the test
part is never trained on) and the seeds' set: data in the repository only, so `--train` rebuilds the
shipped weights byte for byte (tests/test_theme_model.py checks it). Look-sets given with --extra
(corpus-shaped folders: docs/, sources.jsonl, measures.jsonl) join them for experiments. Each
labelled sentence is matched to the measure the pipeline extracted for it (benchmarks/accuracy.py's
alignment), whose text, section, rule verdict and lexicon scores (`Classifier.lexicon_scores`) give
the features; a sentence the pipeline did not extract has no features and is left out (it is
scored as 其他 whatever the model says). Model selection holds out whole publishers (groups): five
folds by the md5 of the group.

`--cv` ends with each theme's out-of-fold precision and recall at the first --l2 and --threshold,
beside the rules alone. `--errors` lists the out-of-fold misses of the training data (seeds and
dev part, never the test part), each false negative with why the rules missed it: the rules gave
the theme and the model overruled them (模型否决规则), or the sentence read alone with its section as
anchor has no term of the theme that counts (无词表词: also a generic word without its anchor), only
weak cues (仅弱提示词), or a term the rules set aside as incidental (长句仅一词, 不及主导主题: the
reason `briefing explain` gives is printed with it). A first look at where recall is lost.

Logistic regression per theme, full-batch Adam with L2, a fixed number of steps from zero weights:
no randomness, so the same data give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy

from briefing import theme_model as tm

if TYPE_CHECKING:
    from briefing.themes import Classifier

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GROUP = "seeds"
# the settings the shipped weights were trained with (chosen by publisher cross-validation)
L2 = 1e-4
THRESHOLD = 0.3
FOLDS = 5
# Training uses only data in the repository, so that anyone can rebuild the shipped weights; further
# corpus-shaped folders may be given with --extra for experiments.
DEFAULT_EXTRA: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    source: str  # which set it comes from
    group: str
    doc: str
    text: str
    rule: frozenset[str]
    gold: frozenset[str]
    section: tuple[str, ...]
    section_themes: tuple[str, ...]
    evidence: dict[str, list[str]]
    lexicon: dict[str, float]


def collect(
    name: str, docs: Path, gold_path: Path, groups: dict[str, str], themes: Sequence[str]
) -> tuple[list[Example], list[tuple[accuracy.GoldMeasure, frozenset[str] | None]]]:
    """The aligned examples of one labelled set, and every gold sentence with the rules' themes
    (unaligned ones with none), for scoring the rules exactly as accuracy.py does."""
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon, section_themes

    # the rules' verdicts alone: they are the model's inputs, and what it is measured against
    classifier = Classifier(load_lexicon(LEXICON), learned=False)
    documents = extract_documents([docs], classifier)
    measures = [(Path(str(d.source).split("#")[0]).name, m) for d in documents for m in d.measures]
    pred = [accuracy.PredMeasure(doc, m.text, frozenset(m.themes), m.status) for doc, m in measures]
    gold = [g for g in accuracy.load_gold(gold_path) if g.doc in groups]
    pairs = dict(accuracy.align(gold, pred))
    cache: dict[str, list[str]] = {}
    examples: list[Example] = []
    scored: list[tuple[accuracy.GoldMeasure, frozenset[str] | None]] = []
    for gi, g in enumerate(gold):
        if gi not in pairs:
            scored.append((g, None))
            continue
        _, m = measures[pairs[gi]]
        examples.append(
            Example(
                name,
                groups[g.doc],
                g.doc,
                m.text,
                frozenset(m.themes),
                g.themes,
                tuple(m.section),
                tuple(section_themes(classifier, m.section, cache)),
                {k: list(v) for k, v in m.evidence.items()},
                classifier.lexicon_scores(m.text),
            )
        )
        scored.append((g, frozenset(m.themes)))
    return examples, scored


def _groups(corpus: Path) -> dict[str, str]:
    return {str(r["doc"]): str(r["group"]) for r in accuracy._jsonl(corpus / "sources.jsonl")}


# a lexicon to try in place of the default one (its rules' verdicts become the model's inputs)
LEXICON: Path | None = None


def load_sets(extra: Sequence[str], themes: Sequence[str]) -> dict[str, list[Example]]:
    sets: dict[str, list[Example]] = {}
    seeds_gold = accuracy.GOLD
    seed_docs = {g.doc for g in accuracy.load_gold(seeds_gold)}
    sets["seeds"], _ = collect(
        "seeds", accuracy.SEEDS, seeds_gold, {d: SEEDS_GROUP for d in seed_docs}, themes
    )
    groups = _groups(accuracy.CORPUS)
    dev = {d: g for d, g in groups.items() if accuracy.split_of(g) == "dev"}
    sets["dev"], _ = collect(
        "dev", accuracy.CORPUS / "docs", accuracy.CORPUS / "measures.jsonl", dev, themes
    )
    for folder in extra:
        path = Path(folder)
        sets[path.name], _ = collect(
            path.name, path / "docs", path / "measures.jsonl", _groups(path), themes
        )
    return sets


# ---------------------------------------------------------------- training


@dataclass
class Matrix:
    rows: npt.NDArray[np.int64]
    cols: npt.NDArray[np.int64]
    vals: npt.NDArray[np.float64]
    n: int


def matrix(examples: Sequence[Example], themes: Sequence[str]) -> Matrix:
    """The examples' features exactly as extraction computes them (`theme_model.batch`)."""
    found = tm.batch(
        [
            tm.Measure(e.text, sorted(e.rule), e.section_themes, e.evidence, e.lexicon)
            for e in examples
        ],
        themes,
    )
    return Matrix(found.rows, found.columns, found.values.astype(np.float64), found.size)


def labels(examples: Sequence[Example], themes: Sequence[str]) -> npt.NDArray[np.float64]:
    return np.array([[t in e.gold for t in themes] for e in examples], dtype=np.float64)


def train(
    x: Matrix,
    y: npt.NDArray[np.float64],
    dims: int,
    l2: float,
    steps: int,
    lr: float = 0.05,
) -> npt.NDArray[np.float64]:
    """One logistic model per column of `y`: full-batch Adam with L2 (not on the bias)."""
    themes = y.shape[1]
    w = np.zeros((themes, dims))
    bias_col = tm.BUCKETS  # the first meta slot
    reg = np.full(dims, l2)
    reg[bias_col] = 0.0
    for t in range(themes):
        m = np.zeros(dims)
        v = np.zeros(dims)
        wt = w[t]
        for step in range(1, steps + 1):
            z = np.bincount(x.rows, weights=x.vals * wt[x.cols], minlength=x.n)
            p = 1.0 / (1.0 + np.exp(-z))
            g = np.bincount(x.cols, weights=x.vals * (p - y[:, t])[x.rows], minlength=dims) / x.n
            g += reg * wt
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            mh = m / (1 - 0.9**step)
            vh = v / (1 - 0.999**step)
            wt -= lr * mh / (np.sqrt(vh) + 1e-8)
        w[t] = wt
    return w


def predict(w: npt.NDArray[np.float64], x: Matrix) -> npt.NDArray[np.float64]:
    out = np.zeros((x.n, w.shape[0]))
    for t in range(w.shape[0]):
        z = np.bincount(x.rows, weights=x.vals * w[t][x.cols], minlength=x.n)
        out[:, t] = 1.0 / (1.0 + np.exp(-z))
    return out


# ---------------------------------------------------------------- scoring


def micro(pairs: Sequence[tuple[frozenset[str], frozenset[str]]], themes: Sequence[str]) -> float:
    """Themes micro-F1 as accuracy.py counts it (其他 is no label)."""
    tp = fp = fn = 0
    for gold, pred in pairs:
        for t in themes:
            tp += t in pred and t in gold
            fp += t in pred and t not in gold
            fn += t in gold and t not in pred
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def combine(
    rule: frozenset[str],
    probs: npt.NDArray[np.float64],
    themes: Sequence[str],
    mode: str,
    thr: float,
    margin: float,
) -> frozenset[str]:
    """The themes one combination gives: `model` alone, or `confident`: the rules, overridden by
    the model only where its probability is at least `margin` away from the threshold."""
    out = set(rule)
    for i, t in enumerate(themes):
        p = float(probs[i])
        if mode == "model":
            if p >= thr:
                out.add(t)
            else:
                out.discard(t)
        elif mode == "confident":
            if p >= thr + margin:
                out.add(t)
            elif p < thr - margin:
                out.discard(t)
    return frozenset(out)


def fold_of(group: str) -> int:
    return int(hashlib.md5(group.encode("utf-8")).hexdigest(), 16) % FOLDS


MODES = [("model", t, 0.0) for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)] + [
    ("confident", 0.5, m) for m in (0.1, 0.2, 0.3, 0.4)
]


def cross_validate(
    examples: Sequence[Example], themes: Sequence[str], l2s: Sequence[float], steps: int
) -> tuple[dict[tuple[float, str, float, float], float], npt.NDArray[np.float64]]:
    """Each setting's out-of-fold micro-F1 (the rules alone under the key `rules`), and the
    out-of-fold probabilities (examples, themes) of the first of `l2s`."""
    dims = tm.BUCKETS + len(tm.meta_names(themes))
    y = labels(examples, themes)
    results: dict[tuple[float, str, float, float], list[tuple[frozenset[str], frozenset[str]]]] = {}
    rules: list[tuple[frozenset[str], frozenset[str]]] = []
    held_out = np.zeros((len(examples), len(themes)))
    for fold in range(FOLDS):
        train_idx = [i for i, e in enumerate(examples) if fold_of(e.group) != fold]
        test_idx = [i for i, e in enumerate(examples) if fold_of(e.group) == fold]
        if not test_idx:
            continue
        xt = matrix([examples[i] for i in train_idx], themes)
        xv = matrix([examples[i] for i in test_idx], themes)
        rules += [(examples[i].gold, examples[i].rule) for i in test_idx]
        for l2 in l2s:
            w = train(xt, y[train_idx], dims, l2, steps)
            probs = predict(w, xv)
            if l2 == l2s[0]:
                held_out[test_idx] = probs
            for mode, thr, margin in MODES:
                key = (l2, mode, thr, margin)
                results.setdefault(key, []).extend(
                    (
                        examples[i].gold,
                        combine(examples[i].rule, probs[k], themes, mode, thr, margin),
                    )
                    for k, i in enumerate(test_idx)
                )
    out = {key: micro(pairs, themes) for key, pairs in results.items()}
    out[(0.0, "rules", 0.0, 0.0)] = micro(rules, themes)
    return out, held_out


def per_theme(
    pairs: Sequence[tuple[frozenset[str], frozenset[str]]], theme: str
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of one theme."""
    tp = sum(theme in gold and theme in pred for gold, pred in pairs)
    fp = sum(theme not in gold and theme in pred for gold, pred in pairs)
    fn = sum(theme in gold and theme not in pred for gold, pred in pairs)
    return tp, fp, fn


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (fp {fp}, fn {fn})"


def miss_cause(classifier: Classifier, example: Example, theme: str) -> tuple[str, str]:
    """Why an out-of-fold false negative was missed, as (class, the rules' own reason): the model
    overruled the rules, or why the rules, reading the sentence with its section as anchor, did
    not give the theme."""
    if theme in example.rule:
        return "模型否决规则", ""
    found = classifier.classify(example.text, anchor=" ".join(example.section))
    reason = str(found.dropped.get(theme, ""))
    if "长句" in reason:
        return "长句仅一词", reason
    if "主导" in reason:
        return "不及主导主题", reason
    if reason or found.scores.get(theme, 0.0) > 0:
        return "仅弱提示词", reason
    return "无词表词", ""


def print_cv_details(
    examples: Sequence[Example],
    held_out: npt.NDArray[np.float64],
    themes: Sequence[str],
    threshold: float,
    errors: bool,
) -> None:
    """Each theme's out-of-fold scores beside the rules'; with `errors`, every miss."""
    from collections import Counter

    from briefing.themes import Classifier, load_lexicon

    got = [
        frozenset(t for i, t in enumerate(themes) if held_out[k, i] >= threshold)
        for k in range(len(examples))
    ]
    model_pairs = [(e.gold, g) for e, g in zip(examples, got, strict=True)]
    rule_pairs = [(e.gold, e.rule) for e in examples]
    print(f"per theme, out of fold (threshold {threshold}):")
    for t in themes:
        print(f"  {t}  model {_prf(*per_theme(model_pairs, t))}")
        print(f"  {t}  rules {_prf(*per_theme(rule_pairs, t))}")
    if not errors:
        return
    classifier = Classifier(load_lexicon(LEXICON), learned=False)
    causes: Counter[tuple[str, str]] = Counter()
    for i, t in enumerate(themes):
        for kind in ("missed", "added"):
            print(f"== {t} {kind} out of fold")
            for k, e in enumerate(examples):
                if (t in e.gold, t in got[k]) != (
                    (True, False) if kind == "missed" else (False, True)
                ):
                    continue
                cause = ""
                if kind == "missed":
                    group, reason = miss_cause(classifier, e, t)
                    causes[(t, group)] += 1
                    cause = f"{group} {reason}".strip()
                section = e.section[-1] if e.section else ""
                print(
                    f"  [{e.source} {e.doc}] p={held_out[k, i]:.2f} rules={sorted(e.rule)}"
                    f" gold={sorted(e.gold)} {cause} | {section} || {e.text}"
                )
    print("misses by cause:")
    for (t, cause), n in sorted(causes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {t} {cause}: {n}")


def save(w: npt.NDArray[np.float64], themes: Sequence[str], threshold: float, path: Path) -> None:
    # np.savez writes zip entries with a fixed date: the same weights give the same bytes
    with path.open("wb") as fh:
        np.savez_compressed(
            fh,
            themes=np.array(list(themes)),
            weights=w.astype(np.float16),
            threshold=np.array(threshold),
        )


def main(argv: Sequence[str] | None = None) -> int:
    from briefing.themes import DEFAULT_THEMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", nargs="*", default=list(DEFAULT_EXTRA))
    parser.add_argument("--cv", action="store_true")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="with --cv: the out-of-fold misses of the training data",
    )
    parser.add_argument("--train", action="store_true")
    parser.add_argument("--by-set", action="store_true", help="hold out each labelled set whole")
    parser.add_argument("--test", action="store_true", help="the corpus test part's scores only")
    parser.add_argument("--l2", type=float, nargs="*", default=[L2])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--out", type=Path, default=tm.model_path())
    parser.add_argument("--lexicon", type=Path, help="merge this lexicon into the default one")
    args = parser.parse_args(argv)
    global LEXICON
    if args.lexicon is not None:
        LEXICON = args.lexicon
    themes = list(DEFAULT_THEMES)
    sets = load_sets(args.extra, themes)
    examples = [e for name in sets for e in sets[name]]
    print(
        "training examples: "
        + ", ".join(f"{k} {len(v)}" for k, v in sets.items())
        + f"; {len({e.group for e in examples})} groups"
    )
    if args.cv:
        scores, held_out = cross_validate(examples, themes, args.l2, args.steps)
        for key, value in sorted(scores.items(), key=lambda kv: -kv[1]):
            print(f"  {key}: {value:.3f}")
        print_cv_details(examples, held_out, themes, args.threshold, args.errors)
    if args.by_set:
        # each labelled set held out whole, as a new blind set would be: the model trained on
        # the others (aligned sentences only; both columns score the same sentences)
        dims = tm.BUCKETS + len(tm.meta_names(themes))
        for name, held_set in sets.items():
            rest = [e for other, part in sets.items() if other != name for e in part]
            w = train(matrix(rest, themes), labels(rest, themes), dims, args.l2[0], args.steps)
            probs = predict(w, matrix(held_set, themes))
            got = [
                (e.gold, combine(e.rule, probs[k], themes, "model", args.threshold, 0.0))
                for k, e in enumerate(held_set)
            ]
            rules = [(e.gold, e.rule) for e in held_set]
            print(
                f"  {name} held out ({len(held_set)} sentences): rules {micro(rules, themes):.3f},"
                f" model {micro(got, themes):.3f}"
            )
    if args.test:
        dims = tm.BUCKETS + len(tm.meta_names(themes))
        y = labels(examples, themes)
        groups = _groups(accuracy.CORPUS)
        test = {d: g for d, g in groups.items() if accuracy.split_of(g) == "test"}
        held, scored = collect(
            "test", accuracy.CORPUS / "docs", accuracy.CORPUS / "measures.jsonl", test, themes
        )
        unaligned = [(g, r) for g, r in scored if r is None]
        # scores only: the test part's sentences and errors are never printed
        rules = [(e.gold, e.rule) for e in held] + [(g.themes, frozenset()) for g, _ in unaligned]
        print(f"test part: {len(scored)} sentences, rules micro-F1 {micro(rules, themes):.3f}")
        for l2 in args.l2:
            w = train(matrix(examples, themes), y, dims, l2, args.steps)
            probs = predict(w, matrix(held, themes))
            for mode, thr, margin in MODES:
                got = [
                    (e.gold, combine(e.rule, probs[k], themes, mode, thr, margin))
                    for k, e in enumerate(held)
                ] + [(g.themes, frozenset()) for g, _ in unaligned]
                print(f"  {(l2, mode, thr, margin)}: {micro(got, themes):.3f}")
    if args.train:
        dims = tm.BUCKETS + len(tm.meta_names(themes))
        w = train(matrix(examples, themes), labels(examples, themes), dims, args.l2[0], args.steps)
        save(w, themes, args.threshold, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
