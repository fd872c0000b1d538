"""Accuracy of measure extraction, themes and status: the seeds' set and the real-document corpus.

    python benchmarks/accuracy.py [--seeds DIR] [--gold FILE] [--corpus DIR] [--json]
    python benchmarks/accuracy.py --errors dev      # also list the dev part's individual errors
    python benchmarks/accuracy.py --versus dev      # dev sentences where tool and keywords differ

Seeds (as before): runs the real pipeline (`briefing.pipeline.extract_documents`) over the seeds,
aligns predicted measures to gold ones by character-bigram overlap (one-to-one, best pairs first),
and prints per-theme precision/recall/F1, micro-F1, status accuracy and segmentation. A predicted
measure left unaligned counts as a false positive for each of its themes, an unaligned gold
measure as a false negative for each of its themes.

Corpus (`tests/data/corpus/`, format in its README): the documents are split into a dev part and a
test part by their publishing jurisdiction (`group`): test when md5(group) % 3 == 0. Only labelled
sentences are scored (long documents have a sample of them labelled, so an extra predicted measure
is not an error): each gold sentence is aligned to a predicted measure of its document the same way;
an unaligned gold sentence counts as predicted themes [] and a wrong status. Per split and per
genre the report gives themes micro-F1 and per-theme F1, status accuracy, how many lines of
non_measures.jsonl (debris, chrome, problems, framing) became a measure (a line that holds a labelled
measure sentence whole or lies inside one is not counted: the labels contradict each other there), figure precision/recall
(through `benchmarks/indicator_scoring.py`), and beside them three baselines computed in the same
run on the same sentences:
  keywords  the default lexicon's keywords (weight >= threshold), no weights, no context rules:
            a sentence gets a theme when any of its keywords occurs in it;
  all-done  every sentence is "done";
  regex     figures from a bare number+unit pattern.
A fourth line per part gives the seed keyword list of design.md (`DESIGN_KEYWORDS`), the baseline of
the maintainers' table in issue 13 (0.835-0.865 on their sets): how far our labels are from theirs.
Each part's documents also get their genre scored: the tool's (`briefing.digest.document_kind`, which
the briefing counts its documents by and names in each gist) against the corpus's `genre` label
(policy and plan are one kind, "plan"), beside the baseline "every document is the most frequent
genre of dev", with the count of each confusion (label -> tool; counts only, for the test part too).
The test part is scored only: its individual errors are never printed (`--errors dev` lists the
dev part's). The seeds' gold sentences get the same baselines.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

# the checkout this script belongs to comes first, not whichever copy of briefing is installed:
# the scores must be those of the code beside the labels they read
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.extract.script import to_simplified

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "devset" / "measures.jsonl"
INDICATOR_GOLD = ROOT / "tests" / "data" / "devset" / "indicators.jsonl"
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "data" / "corpus"
ALIGN_THRESHOLD = 0.5
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class GoldMeasure:
    doc: str
    text: str
    themes: frozenset[str]
    status: str
    section: str = ""


@dataclass(frozen=True)
class PredMeasure:
    doc: str
    text: str
    themes: frozenset[str]
    status: str


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def load_gold(path: Path = GOLD) -> list[GoldMeasure]:
    return [
        GoldMeasure(
            r["doc"], r["text"], frozenset(r["themes"]), r["status"], r.get("section") or ""
        )
        for r in _jsonl(path)
    ]


def split_of(group: str) -> str:
    """The corpus rule (CORPUS_FORMAT.md): computed from the publishing jurisdiction, not chosen."""
    return "test" if int(hashlib.md5(group.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def _bigrams(text: str) -> set[str]:
    # compared in simplified characters: the tool reads (and quotes) a page in traditional
    # characters as its simplified original, while the labels quote the page as written
    chars = [c for c in to_simplified(text) if c.isalnum()]
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
    by_doc: dict[str, list[int]] = defaultdict(list)
    for pi, p in enumerate(pred):
        by_doc[p.doc].append(pi)
    candidates = []
    for gi, g in enumerate(gold):
        for pi in by_doc.get(g.doc, ()):
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
    """The seeds' scoring: every predicted measure of a gold document counts."""
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


# ---------------------------------------------------------------- labelled-sentence scoring


@dataclass(frozen=True)
class Scored:
    """One gold sentence with what the tool and the baselines said about it."""

    gold: GoldMeasure
    predicted: PredMeasure | None  # None: no predicted measure aligned
    keyword_themes: frozenset[str]
    # the lexicon's rules alone, without the learned model (`briefing.theme_model`)
    rule_themes: frozenset[str] = frozenset()

    @property
    def themes(self) -> frozenset[str]:
        return self.predicted.themes if self.predicted else frozenset()

    @property
    def status_ok(self) -> bool:
        return self.predicted is not None and self.predicted.status == self.gold.status


# design.md's seed lexicon, as printed there: the "bare keyword list" of the maintainers' table
DESIGN_KEYWORDS: dict[str, tuple[str, ...]] = {
    "基础研究": tuple(
        [
            "基础研究",
            "应用基础研究",
            "自然科学基金",
            "联合基金",
            "创新研究群体",
            "原创性",
            "原始创新",
            "前沿",
            "国家实验室",
            "重点实验室",
            "重大科技基础设施",
            "科学装置",
            "大科学中心",
            "SCI论文",
            "战略科技力量",
        ]
    ),
    "成果转化": tuple(
        [
            "成果转化",
            "转移转化",
            "技术转移",
            "技术经纪人",
            "技术合同",
            "赋权",
            "职务科技成果",
            "先投后股",
            "孵化器",
            "众创空间",
            "孵化载体",
            "概念验证",
            "中试",
            "产学研",
            "大学科技园",
            "产业化",
        ]
    ),
    "科技金融": tuple(
        [
            "科技金融",
            "知识价值信用贷款",
            "风险补偿",
            "创投",
            "创业投资",
            "私募股权",
            "产业基金",
            "母基金",
            "子基金",
            "种子基金",
            "股权投资",
            "科创板",
            "上市",
            "多层次资本市场",
            "融资",
            "贷款",
            "科技支行",
            "科技保险",
            "专利保险",
        ]
    ),
    "人才": tuple(
        [
            "人才",
            "引才",
            "引育",
            "英才",
            "院士",
            "杰青",
            "优青",
            "万人计划",
            "科技特派员",
            "博士后",
            "职称",
            "研发人员",
            "高校毕业生",
            "人才公寓",
        ]
    ),
}


def design_keywords(text: str) -> frozenset[str]:
    return frozenset(t for t, words in DESIGN_KEYWORDS.items() if any(w in text for w in words))


def keyword_baseline(lexicon: Any) -> Callable[[str], frozenset[str]]:
    """The bare keyword list: a theme when any of its keywords (weight >= threshold) occurs."""
    terms = {
        name: [t for t, w in spec.weights.items() if w >= lexicon.threshold]
        for name, spec in lexicon.specs.items()
    }

    def themes(text: str) -> frozenset[str]:
        return frozenset(name for name, words in terms.items() if any(w in text for w in words))

    return themes


def score_sentences(
    gold: Sequence[GoldMeasure],
    pred: Sequence[PredMeasure],
    baseline: Callable[[str], frozenset[str]],
    rules: Sequence[PredMeasure] | None = None,
) -> list[Scored]:
    """Each gold sentence with the aligned prediction, the baseline's themes and (given
    `rules`, the same documents extracted without the learned model) the rules' themes."""
    pairs = dict(align(gold, pred))
    rule_pairs = dict(align(gold, rules)) if rules is not None else pairs
    rule_source = rules if rules is not None else pred
    return [
        Scored(
            g,
            pred[pairs[gi]] if gi in pairs else None,
            baseline(g.text),
            rule_source[rule_pairs[gi]].themes if gi in rule_pairs else frozenset(),
        )
        for gi, g in enumerate(gold)
    ]


def theme_scores(
    rows: Sequence[Scored], themes: Sequence[str], key: Callable[[Scored], frozenset[str]]
) -> dict[str, Any]:
    counts = {t: [0, 0, 0] for t in themes}
    for r in rows:
        predicted = key(r)
        for t in themes:
            if t in predicted and t in r.gold.themes:
                counts[t][0] += 1
            elif t in predicted:
                counts[t][1] += 1
            elif t in r.gold.themes:
                counts[t][2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    # 其他 as a label of its own: a sentence labelled [] and predicted [] is a correct 其他 (how
    # a scorer that treats "no theme" as a class would count)
    other = [0, 0, 0]
    for r in rows:
        said, meant = not key(r), not r.gold.themes
        other[0] += said and meant
        other[1] += said and not meant
        other[2] += meant and not said
    with_other = [a + b for a, b in zip(total, other, strict=True)]
    return {
        "micro": _prf(*total),
        "micro_with_other": _prf(*with_other),
        "themes": {t: _prf(*counts[t]) for t in themes},
    }


def summarise(rows: Sequence[Scored], themes: Sequence[str]) -> dict[str, Any]:
    n = len(rows)
    return {
        "sentences": n,
        "aligned": sum(1 for r in rows if r.predicted is not None),
        "tool": theme_scores(rows, themes, lambda r: r.themes),
        "keywords": theme_scores(rows, themes, lambda r: r.keyword_themes),
        "rules": theme_scores(rows, themes, lambda r: r.rule_themes),
        "design_keywords": theme_scores(rows, themes, lambda r: design_keywords(r.gold.text)),
        "status_accuracy": sum(r.status_ok for r in rows) / n if n else 0.0,
        # the status column counts a gold sentence the tool did not extract as wrong: this is
        # the status of the sentences it did extract, the part a status rule can change
        "status_aligned_accuracy": (
            sum(r.status_ok for r in rows) / aligned
            if (aligned := sum(1 for r in rows if r.predicted is not None))
            else 0.0
        ),
        "all_done_accuracy": sum(r.gold.status == "done" for r in rows) / n if n else 0.0,
        "planned_share": sum(r.gold.status == "planned" for r in rows) / n if n else 0.0,
    }


# ---------------------------------------------------------------- non-measures


@dataclass(frozen=True)
class NonMeasure:
    doc: str
    text: str
    why: str


def load_non_measures(path: Path) -> list[NonMeasure]:
    return [NonMeasure(r["doc"], r["text"], r.get("why", "")) for r in _jsonl(path)]


_SPACE = re.compile(r"\s+")


def overlaps_a_measure(line: NonMeasure, gold: Sequence[GoldMeasure]) -> bool:
    """Whether a non-measure line holds a labelled measure sentence of its document whole, or
    lies inside one (a teaser copying a lead, a cut tail labelled with the sentence before the
    cut): the labels contradict each other there, and a measure made of the measure sentence is
    right, not a non-measure that became one."""
    text = _SPACE.sub("", line.text)
    for g in gold:
        if g.doc != line.doc:
            continue
        gtext = _SPACE.sub("", g.text)
        if len(gtext) >= 4 and len(text) >= 4 and (gtext in text or text in gtext):
            return True
    return False


def became_measure(line: NonMeasure, pred: Sequence[PredMeasure]) -> PredMeasure | None:
    """The predicted measure a non-measure line turned into, if any: the same span (bigram
    overlap), or one holding the other whole."""
    text = _SPACE.sub("", line.text)
    grams = _bigrams(text)
    for p in pred:
        if p.doc != line.doc:
            continue
        ptext = _SPACE.sub("", p.text)
        if not ptext:
            continue
        if ptext in text or (len(text) >= 4 and text in ptext):
            return p
        if _overlap(grams, _bigrams(ptext)) >= ALIGN_THRESHOLD:
            return p
    return None


# ---------------------------------------------------------------- figures


def indicator_module() -> ModuleType | None:
    """The figures helper's scorer, loaded by path (it is not a package)."""
    scorer = Path(__file__).with_name("indicator_scoring.py")
    if not scorer.exists():
        return None
    spec = importlib.util.spec_from_file_location("indicator_scoring", scorer)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the scorer look their module up
    spec.loader.exec_module(module)
    return module


def indicator_metrics(
    documents: Sequence[Any], gold_path: Path = INDICATOR_GOLD
) -> dict[str, float]:
    """Metrics from the indicator helper's scorer, or {} when it is not there yet."""
    module = indicator_module()
    if module is None or not gold_path.exists():
        return {}
    result: dict[str, float] = module.score_indicators(list(documents), gold_path)
    return result


def figure_scores(
    module: ModuleType | None, documents: Sequence[Any], gold_rows: Sequence[dict[str, Any]]
) -> dict[str, dict[str, float]]:
    """The scorer's metrics for the tool and the regex baseline on these documents' figures."""
    if module is None or not gold_rows:
        return {}
    names = {str(r["doc"]) for r in gold_rows}
    docs = [d for d in documents if Path(str(d.source).split("#")[0]).name in names]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "indicators.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold_rows), encoding="utf-8"
        )
        tool: dict[str, float] = module.score_indicators(docs, path)
        # the number+unit baseline is the scorer's own, so both parts count it the same way
        regex: dict[str, float] = module.score_indicators(module.baseline_documents(docs), path)
    return {"tool": tool, "regex": regex}


# ---------------------------------------------------------------- running


def run_pipeline(seeds: Path = SEEDS) -> list[Any]:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    return extract_documents([seeds], Classifier(load_lexicon()))


def predicted_measures(documents: Sequence[Any]) -> list[PredMeasure]:
    return [
        PredMeasure(Path(str(d.source).split("#")[0]).name, m.text, frozenset(m.themes), m.status)
        for d in documents
        for m in d.measures
    ]


def evaluate(seeds: Path = SEEDS, gold_path: Path = GOLD) -> dict[str, Any]:
    """The seeds' report as before, plus the labelled-sentence view with its baselines."""
    from briefing.themes import load_lexicon

    documents = run_pipeline(seeds)
    lexicon = load_lexicon()
    gold = load_gold(gold_path)
    pred = predicted_measures(documents)
    report = score_measures(gold, pred, lexicon.names)
    report["indicators"] = indicator_metrics(documents)
    rows = score_sentences(gold, pred, keyword_baseline(lexicon), rules_alone([seeds]))
    report["sentences"] = summarise(rows, lexicon.names)
    return report


def rules_alone(paths: Sequence[Path]) -> list[PredMeasure] | None:
    """The measures of `paths` as the lexicon's rules alone classify them (no learned model),
    or None when there is no model (the tool is the rules then)."""
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    lexicon = load_lexicon()
    if Classifier(lexicon).model is None:
        return None
    return predicted_measures(extract_documents(list(paths), Classifier(lexicon, learned=False)))


@dataclass
class CorpusRun:
    """Everything the corpus report is computed from (errors are listed from the same objects)."""

    sources: dict[str, dict[str, Any]]
    rows: list[Scored]
    non_measures: list[tuple[NonMeasure, PredMeasure | None]]
    documents: list[Any]
    indicator_gold: list[dict[str, Any]]
    themes: list[str]

    def split(self, doc: str) -> str:
        return split_of(str(self.sources.get(doc, {}).get("group", "")))

    def genre(self, doc: str) -> str:
        return str(self.sources.get(doc, {}).get("genre", "?"))


def run_corpus(corpus: Path = CORPUS) -> CorpusRun | None:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    docs_dir = corpus / "docs"
    if not docs_dir.is_dir() or not any(docs_dir.iterdir()):
        return None
    lexicon = load_lexicon()
    sources = {str(r["doc"]): r for r in _jsonl(corpus / "sources.jsonl")}
    documents = extract_documents([docs_dir], Classifier(lexicon))
    pred = predicted_measures(documents)
    gold = [g for g in load_gold(corpus / "measures.jsonl") if g.doc in sources]
    rows = score_sentences(gold, pred, keyword_baseline(lexicon), rules_alone([docs_dir]))
    lines = load_non_measures(corpus / "non_measures.jsonl")
    nm = [(n, became_measure(n, pred)) for n in lines if not overlaps_a_measure(n, gold)]
    indicators = [r for r in _jsonl(corpus / "indicators.jsonl") if r["doc"] in sources]
    return CorpusRun(sources, rows, nm, documents, indicators, lexicon.names)


# the corpus labels policies apart from plans; the tool has one kind for both (a document that says
# what is to be done: `briefing.extract.status.Genre`)
_KIND_OF_LABEL = {"policy": "plan"}


def genre_scores(run: CorpusRun) -> dict[str, dict[str, Any]]:
    """Per part: how many documents' kind (`document_kind`) agrees with their genre label, the
    same for the baseline that calls every document the most frequent kind of dev, and the
    confusions (label -> tool) with their counts."""
    from briefing.digest import document_kind

    kinds = {Path(str(d.source).split("#")[0]).name: document_kind(d) for d in run.documents}
    labels = {d: _KIND_OF_LABEL.get(run.genre(d), run.genre(d)) for d in run.sources}
    dev = [labels[d] for d in run.sources if run.split(d) == "dev"]
    common = max(sorted(set(dev)), key=dev.count) if dev else "plan"
    out: dict[str, dict[str, Any]] = {}
    for split in SPLITS:
        docs = sorted(d for d in run.sources if run.split(d) == split)
        confusions: dict[str, int] = defaultdict(int)
        for d in docs:
            if kinds.get(d, "unknown") != labels[d]:
                confusions[f"{labels[d]} -> {kinds.get(d, 'unknown')}"] += 1
        n = len(docs) or 1
        out[split] = {
            "documents": len(docs),
            "accuracy": (len(docs) - sum(confusions.values())) / n,
            "baseline": common,
            "baseline_accuracy": sum(1 for d in docs if labels[d] == common) / n,
            "confusions": dict(sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0]))),
        }
    return out


def corpus_report(run: CorpusRun) -> dict[str, Any]:
    module = indicator_module()
    report: dict[str, Any] = {}
    kinds = genre_scores(run)
    for split in SPLITS:
        docs = sorted(d for d in run.sources if run.split(d) == split)
        genres = sorted({run.genre(d) for d in docs})
        part: dict[str, Any] = {
            "documents": len(docs),
            "groups": len({run.sources[d].get("group") for d in docs}),
            "document_kind": kinds[split],
        }
        for genre in [None, *genres]:
            chosen = {d for d in docs if genre is None or run.genre(d) == genre}
            rows = [r for r in run.rows if r.gold.doc in chosen]
            entry = summarise(rows, run.themes)
            entry["documents"] = len(chosen)
            lines = [(n, p) for n, p in run.non_measures if n.doc in chosen]
            entry["non_measures"] = len(lines)
            entry["non_measures_as_measures"] = sum(1 for _, p in lines if p is not None)
            by_why: dict[str, int] = defaultdict(int)
            for n, p in lines:
                if p is not None:
                    by_why[n.why] += 1
            entry["non_measures_by_why"] = dict(sorted(by_why.items()))
            entry["figures"] = figure_scores(
                module, run.documents, [r for r in run.indicator_gold if r["doc"] in chosen]
            )
            part["all" if genre is None else genre] = entry
        report[split] = part
    return report


# ---------------------------------------------------------------- printing


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
    if "sentences" in report:
        s = report["sentences"]
        lines.append(
            f"baselines on the same gold sentences: keywords micro-F1 "
            f"{s['keywords']['micro']['f1']:.3f} (tool {s['tool']['micro']['f1']:.3f}), "
            f"all-done status {s['all_done_accuracy']:.3f} (tool {s['status_accuracy']:.3f}), "
            f"design.md keyword list {s['design_keywords']['micro']['f1']:.3f}"
        )
        lines.append(_with_other_line(s))
    return "\n".join(lines)


def _with_other_line(summary: dict[str, Any]) -> str:
    def f1(key: str) -> str:
        return f"{summary[key]['micro_with_other']['f1']:.3f}"

    return (
        f"themes micro-F1 with 其他 as a label: tool {f1('tool')}, rules alone {f1('rules')},"
        f" keywords {f1('keywords')}, design.md keyword list {f1('design_keywords')}"
        f" (without 其他: tool {summary['tool']['micro']['f1']:.3f},"
        f" rules alone {summary['rules']['micro']['f1']:.3f})"
    )


def _f(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def format_corpus(report: dict[str, Any], themes: Sequence[str]) -> str:
    out: list[str] = []
    for split in SPLITS:
        part = report.get(split)
        if not part or not part["documents"]:
            out.append(f"== {split}: no documents")
            continue
        out.append(f"== {split}: {part['documents']} documents, {part['groups']} publishers")
        out.append(
            f"{'genre':<11}{'docs':>5}{'sent':>6}{'align':>6} | {'themes':>6}{'kw':>7} |"
            f" {'status':>6}{'alldone':>8} | {'debris':>9} | {'figR':>6}{'figP':>7}{'reR':>7}{'reP':>7}"
            f" {'year':>6}{'kind':>6}"
        )
        for genre, e in part.items():
            if not isinstance(e, dict) or genre == "document_kind":
                continue
            fig = e.get("figures") or {}
            tool, regex = fig.get("tool", {}), fig.get("regex", {})
            out.append(
                f"{genre:<11}{e['documents']:>5}{e['sentences']:>6}{e['aligned']:>6} |"
                f" {_f(e['tool']['micro']['f1'] if e['sentences'] else None)}"
                f"{_f(e['keywords']['micro']['f1'] if e['sentences'] else None):>7} |"
                f" {_f(e['status_accuracy'] if e['sentences'] else None)}"
                f"{_f(e['all_done_accuracy'] if e['sentences'] else None):>8} |"
                f" {e['non_measures_as_measures']:>4}/{e['non_measures']:<4} |"
                f" {_f(tool.get('recall'))}{_f(tool.get('precision')):>7}"
                f"{_f(regex.get('recall')):>7}{_f(regex.get('precision')):>7}"
                f" {_f(tool.get('year_accuracy'))}{_f(tool.get('kind_accuracy'))}"
            )
        whole = part["all"]
        out.append(f"per theme ({split}, all genres)   tool P     R    F1  keywords F1  support")
        for t in themes:
            m, k = whole["tool"]["themes"][t], whole["keywords"]["themes"][t]
            out.append(
                f"  {t:<8}{m['precision']:>21.3f}{m['recall']:>6.3f}{m['f1']:>6.3f}"
                f"{k['f1']:>13.3f}{int(m['support']):>9}"
            )
        d = whole["design_keywords"]["micro"]
        out.append(
            f"design.md keyword list (the maintainers' baseline, 0.835-0.865 on their sets):"
            f" micro-F1 {d['f1']:.3f} (P {d['precision']:.3f}, R {d['recall']:.3f})"
        )
        out.append(_with_other_line(whole))
        unaligned = whole["sentences"] - whole["aligned"]
        out.append(
            f"status on the {whole['aligned']} extracted sentences"
            f" {whole['status_aligned_accuracy']:.3f}; the status column also counts the"
            f" {unaligned} gold sentences not extracted as wrong"
        )
        if whole["non_measures_by_why"]:
            why = ", ".join(f"{k} {v}" for k, v in whole["non_measures_by_why"].items())
            out.append(f"non-measures that became measures by kind: {why}")
        kind = part["document_kind"]
        out.append(
            f"document genre (document_kind against the label, policy = plan): tool"
            f" {kind['accuracy']:.3f}, every document {kind['baseline']} (dev's most frequent)"
            f" {kind['baseline_accuracy']:.3f}"
        )
        if kind["confusions"]:
            out.append(
                "  confusions (label -> tool): "
                + ", ".join(f"{k} {v}" for k, v in kind["confusions"].items())
            )
    return "\n".join(out)


def _decisions(documents: Sequence[Any]) -> dict[tuple[str, str], str]:
    """(doc, measure text) -> what decided its status, for the error listing."""
    try:
        from briefing.extract.measures import decided_units, document_context
        from briefing.extract.structure import parse_structure
    except ImportError:
        return {}
    out = {}
    for d in documents:
        name = Path(str(d.source).split("#")[0]).name
        structure = parse_structure(d.body)
        date = d.metadata.written_date or d.metadata.published_date
        ctx = document_context(d.metadata.title, structure, date)
        for unit, decision in decided_units(structure, ctx):
            out[(name, unit.text)] = f"{ctx.genre}/{decision.basis}: {decision.reason}"
    return out


def _classifier_context(
    run: CorpusRun, corpus: Path = CORPUS
) -> tuple[Any, dict[str, str], set[str]]:
    """The classifier, each document's title and the documents about science throughout: the
    context a labelled sentence is classified in when its own terms are looked at again."""
    from briefing.themes import Classifier, load_lexicon

    classifier = Classifier(load_lexicon())
    titles = {str(r["doc"]): str(r.get("title") or "") for r in _jsonl(corpus / "metadata.jsonl")}
    anchored_docs = {
        Path(str(d.source)).name
        for d in run.documents
        if classifier.document_anchored([m.text for m in d.measures])
    }
    return classifier, titles, anchored_docs


def miss_causes(run: CorpusRun, split: str, corpus: Path = CORPUS) -> dict[tuple[int, str], str]:
    """Why each gold theme the tool missed was missed, keyed by (row index, theme): the sentence
    had no term of the theme, only weak hints, a generic term without an anchor, a term the rules
    dropped or suppressed (with the tool's own reason), or the tool cut the text differently."""
    classifier, titles, anchored_docs = _classifier_context(run, corpus)
    causes: dict[tuple[int, str], str] = {}
    for i, r in enumerate(run.rows):
        missed = sorted(r.gold.themes - r.themes)
        if run.split(r.gold.doc) != split or not missed:
            continue
        if r.predicted is None:
            for theme in missed:
                causes[(i, theme)] = "unaligned"
            continue
        result = classifier.classify(
            r.predicted.text,
            anchor=titles.get(r.gold.doc, "") + r.gold.section,
            document=r.gold.doc in anchored_docs,
        )
        for theme in missed:
            suppressed = [s for s in result.suppressed if theme in s.themes]
            if theme in result.dropped:
                cause = f"dropped: {result.dropped[theme]}"
            elif theme in result.themes:
                cause = "classified alone, not in its document's context"
            elif result.scores.get(theme):
                cause = f"weak hints only ({result.scores[theme]:g})"
            elif suppressed:
                cause = f"suppressed “{suppressed[0].term}”: {suppressed[0].reason}"
            else:
                cause = "no term"
            causes[(i, theme)] = cause
    return causes


_CAUSE_KINDS = (
    ("unaligned", "unaligned"),
    ("no term", "no term"),
    ("weak hints only", "weak hints only"),
    ("弱提示", "weak hints only"),
    ("科技锚点", "generic term without an anchor"),
    ("长句", "long sentence"),
    ("主导", "dominated by another theme"),
    ("列举", "in a list of fields or topics"),
    ("并列事项", "one item of a run of actions"),
    ("否定语境", "negative context"),
    ("覆盖", "inside a longer term"),
)


def _cause_kind(cause: str) -> str:
    """The tally's name for a cause, without the sentence's own words and scores."""
    return next((kind for mark, kind in _CAUSE_KINDS if mark in cause), cause)


def format_errors(run: CorpusRun, split: str) -> Iterable[str]:
    """Individual errors of one split (the harness refuses to do this for the test part)."""
    if split == "test":
        raise ValueError("the test part's individual errors are never listed")
    why = _decisions([d for d in run.documents if run.split(Path(str(d.source)).name) == split])
    causes = miss_causes(run, split)
    for i, r in enumerate(run.rows):
        if run.split(r.gold.doc) != split:
            continue
        g = r.gold
        problems = []
        if r.predicted is None:
            problems.append("unaligned")
        if r.themes != g.themes:
            missed = [f"{t}: {causes[(i, t)]}" for t in sorted(g.themes - r.themes)]
            problems.append(
                f"themes {sorted(r.themes)} != gold {sorted(g.themes)}"
                + (f" (missed {'; '.join(missed)})" if missed else "")
            )
        if r.predicted is not None and not r.status_ok:
            reason = why.get((r.predicted.doc, r.predicted.text), "")
            problems.append(f"status {r.predicted.status} != gold {g.status} ({reason})")
        if problems:
            yield f"{g.doc}  [{g.section}]  {g.text}\n    -> " + "; ".join(problems)
    for n, p in run.non_measures:
        if p is not None and run.split(n.doc) == split:
            yield f"{n.doc}  NON-MEASURE ({n.why}) became a measure: {p.text}"
    tally: dict[str, int] = defaultdict(int)
    for cause in causes.values():
        tally[_cause_kind(cause)] += 1
    ranked = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    yield f"theme labels missed ({split}) by cause: " + ", ".join(f"{k} {n}" for k, n in ranked)


def versus_keywords(run: CorpusRun, split: str) -> Iterable[str]:
    """The split's labelled sentences where the tool gets more (or fewer) theme labels wrong than
    the bare keyword list, by genre, then a tally per genre: where the keywords lead a genre,
    these are the sentences to read (the harness refuses the test part)."""
    if split == "test":
        raise ValueError("the test part's individual sentences are never listed")
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = [r for r in run.rows if run.split(r.gold.doc) == split]
    for r in sorted(rows, key=lambda r: run.genre(r.gold.doc)):
        g = r.gold.themes
        tool, keywords = len(g ^ r.themes), len(g ^ r.keyword_themes)
        if tool == keywords:
            continue
        genre = run.genre(r.gold.doc)
        tally[genre][tool < keywords] += 1
        verdict = "tool worse " if tool > keywords else "tool better"
        yield (
            f"{genre:<10} {verdict}  {r.gold.doc}  gold {sorted(g)}  tool {sorted(r.themes)}"
            f"  keywords {sorted(r.keyword_themes)}"
            + ("" if r.predicted is not None else "  (unaligned)")
            + f"\n    {r.gold.text}"
        )
    yield "per genre, sentences where the tool is worse / better than the keywords: " + ", ".join(
        f"{genre} {worse}/{better}" for genre, (worse, better) in sorted(tally.items())
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument(
        "--versus",
        choices=["dev"],
        help="the dev part's sentences where the tool's themes are worse or better than the bare keywords'",
    )
    parser.add_argument(
        "--errors",
        choices=["dev"],
        help="list the dev part's individual errors (the test part's are never listed)",
    )
    args = parser.parse_args(argv)
    report = evaluate(args.seeds, args.gold)
    run = run_corpus(args.corpus)
    corpus = corpus_report(run) if run is not None else {}
    if args.json:
        print(json.dumps({"seeds": report, "corpus": corpus}, ensure_ascii=False, indent=2))
    else:
        print("== seeds (tests/data/devset)")
        print(format_report(report))
        if run is None:
            print(f"== corpus: none at {args.corpus}")
        else:
            print(format_corpus(corpus, run.themes))
    if args.versus and run is not None:
        print(f"== tool against the bare keywords ({args.versus})")
        for line in versus_keywords(run, args.versus):
            print(line)
    if args.errors and run is not None:
        print(f"== errors ({args.errors})")
        for line in format_errors(run, args.errors):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
