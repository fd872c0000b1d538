"""Figures and metadata against hand labels: the seeds' set and the real-document corpus.

    python benchmarks/indicator_scoring.py                  # seeds, corpus dev, corpus test, baseline
    python benchmarks/indicator_scoring.py --errors dev     # also list the dev part's disagreements
    python benchmarks/indicator_scoring.py --json

Figures. A predicted figure matches a gold one in the same document when value and unit are exactly
equal (a label's unit read in simplified characters, as the extract contract gives units: 萬元 is
万元) and their text spans overlap in the document (whitespace removed); pairs are one-to-one, in
document order. Recall counts every gold figure. Precision counts the predictions that fall inside a
labelled sentence of the document (`measures.jsonl` of the corpus: long documents have only a sample
of sentences labelled, so a figure elsewhere is neither right nor wrong); for the seeds, whose every
figure is labelled, all predictions count. Over matched pairs: kind, year, scope, qualifier and
metric agreement (metric: equal, or one contains the other: "科技成果" for "转化科技成果", read past
brackets, quotes, 的 and a trailing 数量/增速-like word the labels add; scope: equal once the
administrative suffix is dropped, 浙江 = 浙江省). `fullname` is metric agreement where the shorter
name also holds at least two thirds of the longer's characters: containment alone lets a name
clipped to its last word pass ("强度" for "研发经费投入强度"), the fault issue #15 names.

The seeds' labels predate two rules of issue #13, so their predictions are read in the seeds'
scheme before comparing: `change` counts as `growth` and `provision` as `actual` (the kinds the
seeds had for them), and a scope equal to the publisher's jurisdiction as null (the seeds label a
scope only when it is narrower than the document's). The corpus is compared as labelled.

Baseline: the bare number+unit pattern (every match in a document's body, kind actual, no year, scope
or metric), scored the same way in the same run.

Metadata: title, publisher, written_date, published_date, doc_no, each exactly equal (whitespace
removed) to `metadata.jsonl`; "all" is the share of fields right over every document. The title and
publisher misses are also counted by kind, per part (counts only, so the test part's single errors
stay unseen): `missing` (the tool has none, the label has one), `extra` (the tool has one, the label
none), and of the wrong ones `shorter` (the tool's characters appear in order in the label's: a name
cut short or abbreviated, 市科技局 for 某某市科学技术局), `longer` (the label's appear in the tool's: a
name lengthened, 某某市人民政府办公厅 for 某某市人民政府) and `unrelated`.

Corpus split (CORPUS_FORMAT.md): test when md5(group) % 3 == 0, else dev. Tune on dev; the test
part's scores are printed, its individual errors never (`--errors` accepts dev only).

For `benchmarks/accuracy.py`: `score_indicators(documents, gold_path)` and
`score_metadata(documents, gold_path)` return flat dicts of floats; `documents` are the pipeline's
`ExtractedDocument`s (or any objects with `source`, `body`, `indicators`, and for metadata
`metadata`). `baseline_documents(documents)` gives the regex baseline's documents to score the same
way. Figures are NamedTuples, not dataclasses, so the module also works when loaded by file path
without being registered in sys.modules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

# the checkout this script belongs to comes first, not whichever copy of briefing is installed:
# the scores must be those of the code beside the labels they read
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.extract.script import to_simplified

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "devset" / "indicators.jsonl"
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "data" / "corpus"
SPLITS = ("dev", "test")
METADATA_FIELDS = ("title", "publisher", "written_date", "published_date", "doc_no")
_WS = re.compile(r"\s+")
_ADMIN_SUFFIX = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")


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


# --- loading ------------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def split_of(group: str) -> str:
    """The corpus rule: computed from the publishing jurisdiction, not chosen."""
    return "test" if int(hashlib.md5(group.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def corpus_splits(corpus: Path = CORPUS) -> dict[str, list[str]]:
    """Document names of each split, in file order."""
    out: dict[str, list[str]] = {s: [] for s in SPLITS}
    for r in _jsonl(corpus / "sources.jsonl"):
        if (corpus / "docs" / r["doc"]).exists():
            out[split_of(str(r["group"]))].append(str(r["doc"]))
    return out


def load_gold(path: Path = GOLD) -> list[Figure]:
    return [
        Figure(
            r["doc"],
            r["text"],
            float(r["value"]),
            to_simplified(r["unit"]),
            r["kind"],
            r["year"],
            r["metric"],
            r.get("qualifier"),
            r.get("scope"),
        )
        for r in _jsonl(path)
    ]


def _labelled_sentences(corpus: Path = CORPUS) -> dict[str, list[str]]:
    """The corpus's labelled sentences per document (whitespace removed)."""
    out: dict[str, list[str]] = {}
    for r in _jsonl(corpus / "measures.jsonl"):
        out.setdefault(str(r["doc"]), []).append(_WS.sub("", str(r["text"])))
    return out


def _doc_name(doc: Any) -> str:
    return Path(str(doc.source).split("#")[0]).name


# --- figures ------------------------------------------------------------------------------------


def _jurisdiction(doc: Any) -> str | None:
    metadata = getattr(doc, "metadata", None)
    if metadata is None:
        return None
    from briefing.extract.places import document_jurisdiction

    return document_jurisdiction(metadata.publisher, metadata.title, getattr(doc, "body", None))


_SEED_KINDS = {"change": "growth", "provision": "actual"}


def _predicted(doc: Any, seeds_scheme: bool) -> list[Figure]:
    name = _doc_name(doc)
    own = _jurisdiction(doc) if seeds_scheme else None
    figures = []
    for i in doc.indicators:
        kind, scope = i.kind, i.scope
        if seeds_scheme:
            kind = _SEED_KINDS.get(kind, kind)
            scope = None if scope is not None and scope == own else scope
        figures.append(
            Figure(name, i.text, i.value, i.unit, kind, i.year, i.metric, i.qualifier, scope)
        )
    return figures


def _occurrences(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    # the labels quote a page in traditional characters as written; the tool reads it simplified
    needle = to_simplified(_WS.sub("", needle))
    if not needle:
        return
    pos = haystack.find(needle)
    while pos >= 0:
        yield pos, pos + len(needle)
        pos = haystack.find(needle, pos + 1)


def _overlap(body: str, a: str, b: str) -> bool:
    spans_b = list(_occurrences(body, b))
    return any(s < e2 and s2 < e for s, e in _occurrences(body, a) for s2, e2 in spans_b)


# Read past in metric names: brackets ("(R&D)"), quotes, 的, and the measure words labellers add to
# a counted noun ("国家重点实验室数量", "地区生产总值增速")
_METRIC_NOISE = re.compile(r"[(（][^()（）]*[)）]|[“”\"'「」的]")
_METRIC_TAIL = re.compile(r"(?:数量|增速|增幅|总数|个数|人数|条数|户数|面积|发放额)$")


def _metric_key(metric: str) -> str:
    return _METRIC_TAIL.sub("", _METRIC_NOISE.sub("", to_simplified(metric)))


def metric_agrees(predicted: str | None, gold: str | None) -> bool:
    """Equal or one contains the other, read past brackets, quotes, 的 and a trailing measure word."""
    if predicted is None or gold is None:
        return predicted is gold
    p, g = _metric_key(predicted), _metric_key(gold)
    return bool(p) and bool(g) and (p in g or g in p)


def metric_in_full(predicted: str | None, gold: str | None) -> bool:
    """`metric_agrees`, and the shorter name holds at least two thirds of the longer: a name clipped
    to its last word ("强度" for "研发经费投入强度", "资助" for "入选项目资助标准") agrees by containment
    but does not say what was counted."""
    if not metric_agrees(predicted, gold) or predicted is None or gold is None:
        return metric_agrees(predicted, gold)
    short, long_ = sorted((_metric_key(predicted), _metric_key(gold)), key=len)
    return 3 * len(short) >= 2 * len(long_)


def scope_agrees(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return _ADMIN_SUFFIX.sub("", to_simplified(predicted)) == _ADMIN_SUFFIX.sub(
        "", to_simplified(gold)
    )


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


def _inside_labelled(body: str, figure: Figure, sentences: Sequence[str]) -> bool:
    return any(_overlap(body, figure.text, s) for s in sentences)


def evaluate(
    predicted_docs: Sequence[Any], gold_path: Path = GOLD, corpus: Path = CORPUS
) -> dict[str, Any]:
    """Pairs, extra predictions (those that count for precision) and missed gold figures."""
    gold = load_gold(gold_path)
    gold_docs = {g.doc for g in gold}
    labelled = _labelled_sentences(corpus)
    pairs: list[tuple[Figure, Figure]] = []
    extra: list[Figure] = []
    missed: list[Figure] = []
    seen: set[str] = set()
    for doc in predicted_docs:
        name = _doc_name(doc)
        if name not in gold_docs:
            continue
        seen.add(name)
        body = _WS.sub("", doc.body)
        sentences = labelled.get(name)
        p, e, m = match(
            body, _predicted(doc, sentences is None), [g for g in gold if g.doc == name]
        )
        if sentences is not None:
            e = [x for x in e if _inside_labelled(body, x, sentences)]
        pairs += p
        extra += e
        missed += m
    missed += [g for g in gold if g.doc not in seen]
    return {"pairs": pairs, "extra": extra, "missed": missed}


def score_indicators(
    predicted_docs: Sequence[Any], gold_path: Path = GOLD, corpus: Path = CORPUS
) -> dict[str, float]:
    """precision, recall (value and unit exact), and kind/year/metric/qualifier/scope agreement."""
    return _summary(evaluate(predicted_docs, gold_path, corpus))


def _summary(result: dict[str, Any]) -> dict[str, float]:
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
        "fullname_accuracy": share(sum(metric_in_full(p.metric, g.metric) for p, g in pairs)),
        "scope_accuracy": share(sum(scope_agrees(p.scope, g.scope) for p, g in pairs)),
        "gold": float(n_gold),
        "predicted": float(n_pred),
    }


# --- the bare number+unit baseline ------------------------------------------------------------------

_BASELINE_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*("
    r"[%％]|(?:[万亿千百])?(?:亿元|万元|元|平方米|平方公里|人次|家次|家|项|个|人|名|位|篇|台套|台|套"
    r"|支|所|条|件|次|座|倍|吨|千瓦)|[万亿])"
)


class _BaselineIndicator(NamedTuple):
    text: str
    value: float
    unit: str
    kind: str = "actual"
    year: int | None = None
    metric: str | None = None
    qualifier: str | None = None
    scope: str | None = None


class BaselineDocument(NamedTuple):
    source: str
    body: str
    indicators: list[_BaselineIndicator]


def baseline_documents(documents: Sequence[Any]) -> list[BaselineDocument]:
    """The regex baseline's figures for the same documents: every number+unit match in the body."""
    out = []
    for d in documents:
        body = _WS.sub("", d.body)
        figures = [
            _BaselineIndicator(m.group(0), float(m.group(1)), m.group(2))
            for m in _BASELINE_RE.finditer(body)
        ]
        out.append(BaselineDocument(str(d.source), d.body, figures))
    return out


# --- metadata -----------------------------------------------------------------------------------


def _norm(value: object) -> str | None:
    if value is None:
        return None
    text = to_simplified(_WS.sub("", str(value)))
    return text or None


def metadata_rows(
    documents: Sequence[Any], gold_path: Path = CORPUS / "metadata.jsonl"
) -> list[tuple[str, str, str | None, str | None]]:
    """(doc, field, predicted, gold) for every labelled document in `documents`."""
    gold = {str(r["doc"]): r for r in _jsonl(gold_path)}
    rows = []
    for doc in documents:
        name = _doc_name(doc)
        if name not in gold:
            continue
        for field in METADATA_FIELDS:
            rows.append(
                (name, field, _norm(getattr(doc.metadata, field)), _norm(gold[name].get(field)))
            )
    return rows


def score_metadata(
    documents: Sequence[Any], gold_path: Path = CORPUS / "metadata.jsonl"
) -> dict[str, float]:
    """Share of documents whose field equals the label, per field, and over all fields."""
    rows = metadata_rows(documents, gold_path)
    out: dict[str, float] = {}
    for field in METADATA_FIELDS:
        mine = [p == g for _, f, p, g in rows if f == field]
        out[field] = sum(mine) / len(mine) if mine else 0.0
    out["all"] = sum(p == g for _, _, p, g in rows) / len(rows) if rows else 0.0
    out["documents"] = float(len({d for d, *_ in rows}))
    return out


MISS_FIELDS = ("title", "publisher")
MISS_KINDS = ("missing", "extra", "shorter", "longer", "unrelated")


def _in_order(short: str, long: str) -> bool:
    """`short`'s characters appear in `long` in the same order (a substring, or an abbreviation)."""
    chars = iter(long)
    return all(c in chars for c in short)


def miss_kind(predicted: str | None, gold: str | None) -> str | None:
    """What kind of miss a field's prediction is (MISS_KINDS), None when it is right."""
    if predicted == gold:
        return None
    if predicted is None:
        return "missing"
    if gold is None:
        return "extra"
    if _in_order(predicted, gold):
        return "shorter"
    if _in_order(gold, predicted):
        return "longer"
    return "unrelated"


def metadata_misses(
    documents: Sequence[Any], gold_path: Path = CORPUS / "metadata.jsonl"
) -> dict[str, dict[str, int]]:
    """Per field of MISS_FIELDS, how many documents miss it by each kind of MISS_KINDS."""
    out = {field: dict.fromkeys(MISS_KINDS, 0) for field in MISS_FIELDS}
    for _, field, p, g in metadata_rows(documents, gold_path):
        kind = miss_kind(p, g) if field in out else None
        if kind is not None:
            out[field][kind] += 1
    return out


# --- running ------------------------------------------------------------------------------------


def run_pipeline(paths: Sequence[Path]) -> list[Any]:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    return extract_documents(list(paths), Classifier(load_lexicon()))


def _corpus_gold_file(names: Sequence[str], corpus: Path, tmp: Path) -> Path:
    chosen = set(names)
    rows = [r for r in _jsonl(corpus / "indicators.jsonl") if r["doc"] in chosen]
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return tmp


def report(seeds: Path = SEEDS, corpus: Path = CORPUS) -> dict[str, Any]:
    """Scores of the tool and the baseline on the seeds and on each corpus split."""
    import tempfile

    out: dict[str, Any] = {}
    seed_docs = run_pipeline([seeds])
    out["seeds"] = {
        "figures": score_indicators(seed_docs, GOLD, corpus),
        "baseline": score_indicators(baseline_documents(seed_docs), GOLD, corpus),
    }
    splits = corpus_splits(corpus)
    if not any(splits.values()):
        return out
    docs = {_doc_name(d): d for d in run_pipeline([corpus / "docs"])}
    with tempfile.TemporaryDirectory() as tmp:
        for split, names in splits.items():
            chosen = [docs[n] for n in names if n in docs]
            gold = _corpus_gold_file(names, corpus, Path(tmp) / f"{split}.jsonl")
            out[split] = {
                "documents": len(chosen),
                "figures": score_indicators(chosen, gold, corpus),
                "baseline": score_indicators(baseline_documents(chosen), gold, corpus),
                "metadata": score_metadata(chosen, corpus / "metadata.jsonl"),
                "metadata_misses": metadata_misses(chosen, corpus / "metadata.jsonl"),
            }
    return out


def format_report(scores: dict[str, Any]) -> str:
    keys = (
        "recall",
        "precision",
        "year_accuracy",
        "kind_accuracy",
        "scope_accuracy",
        "metric_accuracy",
        "qualifier_accuracy",
        "fullname_accuracy",
    )
    lines = [f"{'figures':<20}" + "".join(f"{k.split('_')[0]:>11}" for k in keys) + f"{'gold':>7}"]
    for part, entry in scores.items():
        for label in ("figures", "baseline"):
            s = entry[label]
            lines.append(
                f"{part + (' regex' if label == 'baseline' else ''):<20}"
                + "".join(f"{s[k]:>11.3f}" for k in keys)
                + f"{int(s['gold']):>7}"
            )
    meta = [(part, e["metadata"]) for part, e in scores.items() if "metadata" in e]
    if meta:
        lines.append("")
        lines.append(
            f"{'metadata':<20}"
            + "".join(f"{f.split('_')[0]:>11}" for f in METADATA_FIELDS)
            + f"{'all':>11}{'docs':>7}"
        )
        for part, m in meta:
            lines.append(
                f"{part:<20}"
                + "".join(f"{m[f]:>11.3f}" for f in METADATA_FIELDS)
                + f"{m['all']:>11.3f}{int(m['documents']):>7}"
            )
    misses = [(part, e["metadata_misses"]) for part, e in scores.items() if "metadata_misses" in e]
    if misses:
        lines.append("")
        lines.append(f"{'misses by kind':<20}" + "".join(f"{k:>11}" for k in MISS_KINDS))
        for part, by_field in misses:
            for field, counts in by_field.items():
                lines.append(
                    f"{part + ' ' + field:<20}" + "".join(f"{counts[k]:>11}" for k in MISS_KINDS)
                )
    return "\n".join(lines)


def format_errors(split: str, seeds: Path = SEEDS, corpus: Path = CORPUS) -> Iterator[str]:
    """The disagreements of the seeds or the corpus dev part (never the test part)."""
    import tempfile

    if split == "seeds":
        docs = run_pipeline([seeds])
        yield from _figure_errors(evaluate(docs, GOLD, corpus))
        return
    names = corpus_splits(corpus)[split]
    chosen = [d for d in run_pipeline([corpus / "docs"]) if _doc_name(d) in set(names)]
    with tempfile.TemporaryDirectory() as tmp:
        gold = _corpus_gold_file(names, corpus, Path(tmp) / "gold.jsonl")
        yield from _figure_errors(evaluate(chosen, gold, corpus))
    for name, field, p, g in metadata_rows(chosen, corpus / "metadata.jsonl"):
        if p != g:
            kind = f" [{miss_kind(p, g)}]" if field in MISS_FIELDS else ""
            yield f"META    {name} {field}{kind}: {p!r} != {g!r}"


def _figure_errors(result: dict[str, Any]) -> Iterator[str]:
    for g in result["missed"]:
        yield f"MISSED  {g.doc} {g.value:g}{g.unit}  {g.text}"
    for p in result["extra"]:
        yield f"EXTRA   {p.doc} {p.value:g}{p.unit}  {p.text}"
    for p, g in result["pairs"]:
        diffs = [
            f"{field}: {getattr(p, field)!r} != {getattr(g, field)!r}"
            for field in ("kind", "year")
            if getattr(p, field) != getattr(g, field)
        ]
        if not scope_agrees(p.scope, g.scope):
            diffs.append(f"scope: {p.scope!r} != {g.scope!r}")
        if not metric_agrees(p.metric, g.metric):
            diffs.append(f"metric: {p.metric!r} != {g.metric!r}")
        if diffs:
            yield f"DIFF    {g.doc} {g.value:g}{g.unit}  {g.text}  | " + "; ".join(diffs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--errors",
        choices=("seeds", "dev"),
        help="list the disagreements of the seeds or the dev part (the test part's never)",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    scores = report(args.seeds, args.corpus)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        print(format_report(scores))
    if args.errors:
        print(f"\n== errors ({args.errors})")
        for line in format_errors(args.errors, args.seeds, args.corpus):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
