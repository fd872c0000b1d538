"""A learned theme model beside the lexicon's rules (issue 13 point 4).

One logistic model per default theme over the measure's hashed character 1-3-grams and the rules'
own verdicts (the themes the rule classifier gave the measure, the themes of its section heading
read without the science anchor its generic words need in a sentence, how many terms it found for
each) and the lexicon's score of each theme in the sentence before the rules decide: every term
counted, weak hints and generic words without an anchor too, none dropped as incidental. The rules
were written on the documents the model learns from, so there their verdict is right more often
than on a publisher they have never read, and a model that reads only the verdict learns to trust
it; the score before the verdict lets it learn how far a weak or unanchored hit goes where the
verdict says 其他 (chosen by publisher cross-validation on the dev part; on the test part it raised
the recall of three themes and lowered none, 2026-12-07). It is trained by
`benchmarks/theme_model.py` on the corpus dev part's and the seeds' labelled sentences (never on
the corpus test part), data in the repository only, so that `--train` rebuilds the shipped
`theme_model.npz` byte for byte: a float16 weight matrix, one row per theme.

The model only knows the four default themes. A user lexicon that replaces one of them (a table of
the same name) switches the model off for that theme, and a theme the user adds is the rules'
alone: the model has never seen either.

Inference is plain numpy: the same text gives the same features and the same verdict everywhere
(the n-gram hash is arithmetic on code points, not Python's salted `hash`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODEL_FILENAME = "theme_model.npz"
# hashed n-gram buckets; the rules' verdicts take the slots after them
HASH_BITS = 15
BUCKETS = 1 << HASH_BITS
NGRAMS = (1, 2, 3)
_HAN_RE = re.compile(r"[\u3400-\u9fff]+")
# evidence counts above this say no more
_EVIDENCE_CAP = 3
# a lexicon score (in multiples of the lexicon's threshold) above this says no more: two keywords
_LEXICON_CAP = 2.0


def meta_names(themes: Sequence[str]) -> list[str]:
    """The names of the non-n-gram features, in slot order after the buckets."""
    names = ["bias", "rule:none"]
    for t in themes:
        names += [f"rule:{t}", f"section:{t}", f"evidence:{t}", f"lexicon:{t}"]
    return names


# odd 64-bit multipliers of the n-gram hash (any fixed choice is deterministic)
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xC2B2AE3D27D4EB4F)
_K3 = np.uint64(0x165667B19E3779F9)
_SHIFT = np.uint64(64 - HASH_BITS)
# joins a batch's texts: no n-gram spans it
_JOIN = "\0"


def _spans(size: int) -> list[tuple[int, int]]:
    """(start, length) of each n-gram of a text of `size` characters, in feature order: all
    unigrams in text order, then all bigrams, then all trigrams."""
    return [(i, n) for n in NGRAMS for i in range(size - n + 1)]


def _span(j: int, size: int) -> tuple[int, int]:
    """`_spans(size)[j]`, without the list."""
    for n in NGRAMS:
        count = max(0, size - n + 1)
        if j < count:
            return j, n
        j -= count
    raise IndexError(j)


@dataclass(frozen=True)
class Measure:
    """What the model reads of one measure: its text, the rules' verdicts on it and the lexicon's
    score of each theme in it (`Classifier.lexicon_scores`: in multiples of the threshold)."""

    text: str
    rule_themes: Sequence[str]
    section_themes: Sequence[str]
    evidence: dict[str, list[str]]
    lexicon: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Batch:
    """The active features of several measures: for each, its row, column and value. All
    unigrams come first, then all bigrams, then all trigrams (each in text order), then the
    rules' verdicts: a batch of one measure lists its n-grams in `_spans` order."""

    rows: npt.NDArray[np.int64]
    columns: npt.NDArray[np.int64]
    values: npt.NDArray[np.float32]
    size: int


def _meta(
    measures: Sequence[Measure], themes: Sequence[str]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """The rules' verdicts as features: for each measure in turn its bias, `rule:none` when the
    rules gave it no theme, then per theme of `themes` its rule, evidence count, section and
    lexicon score (rows, columns, values). Set in a table with one row per measure, whose nonzero
    cells read row by row are these features in this order: a measure holds only the themes it
    holds."""
    slots = 2 + 4 * len(themes)  # bias, rule:none, then rule, evidence, section, lexicon per theme
    column = np.array([BUCKETS, BUCKETS + 1], dtype=np.int64)
    column = np.concatenate(
        [
            column,
            *(
                [base, base + 2, base + 1, base + 3]
                for base in range(BUCKETS + 2, BUCKETS + slots, 4)
            ),
        ]
    )
    first = {t: 2 + 4 * i for i, t in enumerate(themes)}
    cells: list[int] = []  # measure * slots + slot
    values: list[float] = []
    for k, m in enumerate(measures):
        at = k * slots
        if not m.rule_themes:
            cells.append(at + 1)
            values.append(1.0)
        for t in m.rule_themes:
            if (j := first.get(t)) is not None:
                cells.append(at + j)
                values.append(1.0)
                if count := len(m.evidence.get(t, ())):
                    cells.append(at + j + 1)
                    values.append(min(count, _EVIDENCE_CAP) / _EVIDENCE_CAP)
        for t in m.section_themes:
            if (j := first.get(t)) is not None:
                cells.append(at + j + 2)
                values.append(1.0)
        for t, score in m.lexicon.items():
            if (j := first.get(t)) is not None and score > 0:
                cells.append(at + j + 3)
                values.append(min(score, _LEXICON_CAP) / _LEXICON_CAP)
    table = np.zeros(len(measures) * slots, dtype=np.float32)
    table[::slots] = 1.0  # the bias
    table[cells] = values
    cell = np.flatnonzero(table)
    return cell // slots, column[cell % slots], table[cell]


def batch(measures: Sequence[Measure], themes: Sequence[str]) -> Batch:
    """The features of `measures` at once (a document's: one pass of array work for all of them,
    not one per sentence); `themes` names the model's themes in column order."""
    if not measures:
        empty = np.zeros(0, dtype=np.int64)
        return Batch(empty, empty, np.zeros(0, dtype=np.float32), 0)
    # a NUL of the text itself (explain takes any string) is read as a space, so rows stay rows
    joined = _JOIN.join(m.text.lower().replace(_JOIN, " ") for m in measures) + _JOIN
    # a lone surrogate (a byte the reader could not decode) is a code point like any other
    raw = joined.encode("utf-32-le", "surrogatepass")
    codes = np.frombuffer(raw, dtype=np.uint32).astype(np.uint64)
    cut = codes == 0
    row = np.cumsum(cut) - cut  # the measure each character belongs to
    ok1 = ~cut
    ok2 = ok1[:-1] & ok1[1:]
    ok3 = ok2[:-1] & ok1[2:]
    with np.errstate(over="ignore"):
        # each n-gram's hash goes on from its (n-1)-gram's: three multiplies for the whole batch
        one = codes * _K1
        two = (one[:-1] ^ codes[1:]) * _K2
        three = (two[:-1] ^ codes[2:]) * _K3
    gram_rows = np.concatenate([row[ok1], row[:-1][ok2], row[:-2][ok3]])
    gram_cols = (np.concatenate([one[ok1], two[ok2], three[ok3]]) >> _SHIFT).astype(np.int64)
    counts = np.bincount(gram_rows, minlength=len(measures))
    # each n-gram counts once per occurrence, scaled so a long sentence does not outweigh the
    # rules' verdicts by its length alone
    gram_values = (1.0 / np.sqrt(np.maximum(counts, 1)))[gram_rows].astype(np.float32)
    meta_rows, meta_cols, meta_values = _meta(measures, themes)
    return Batch(
        np.concatenate([gram_rows, meta_rows]),
        np.concatenate([gram_cols, meta_cols]),
        np.concatenate([gram_values, meta_values]),
        len(measures),
    )


@dataclass(frozen=True)
class Verdict:
    """The model's probability per theme and, for explain, its strongest reasons."""

    probabilities: dict[str, float]
    # theme -> [(what, contribution)], strongest first
    reasons: dict[str, list[tuple[str, float]]]


@dataclass(frozen=True)
class ThemeModel:
    themes: tuple[str, ...]
    weights: npt.NDArray[np.float32]  # (themes, BUCKETS + meta)
    # a theme is the model's when its probability is at least this, not when below
    threshold: float
    sha256: str

    def scores(self, found: Batch) -> npt.NDArray[np.float64]:
        """(measures, themes): each measure's probability for each theme."""
        logits = np.empty((found.size, len(self.themes)))
        for i in range(len(self.themes)):
            contributions = self.weights[i][found.columns] * found.values
            logits[:, i] = np.bincount(found.rows, weights=contributions, minlength=found.size)
        return 1.0 / (1.0 + np.exp(-logits))

    def strongest_grams(self, measure: Measure, theme: str, top: int = 2) -> list[str]:
        """The n-grams of two or more characters that weigh most for `theme` in `measure`,
        strongest first (the evidence of a theme the model adds where no lexicon term stands)."""
        found = batch([measure], self.themes)
        text = measure.text.lower()
        grams = sum(max(0, len(text) - n + 1) for n in NGRAMS)
        parts = self.weights[self.themes.index(theme)][found.columns[:grams]]
        out: list[str] = []
        for j in np.argsort(-parts, kind="stable"):
            start, size = _span(int(j), len(text))
            if parts[j] <= 0 or len(out) >= top:
                break
            gram = text[start : start + size]
            # Chinese characters only: a gram across punctuation, a space or a number ("学、",
            # "家,", "第5") reads as debris in the evidence column of the workbook and the JSONL
            if size >= 2 and gram not in out and _HAN_RE.fullmatch(gram):
                out.append(gram)
        return out

    def heading_leads(self, measure: Measure, theme: str) -> bool:
        """Whether the heading's verdict of `theme` weighs more for `theme` than any n-gram of
        the sentence: then the heading, not the sentence's characters, is why the model adds it."""
        if theme not in measure.section_themes:
            return False
        i = self.themes.index(theme)
        column = BUCKETS + meta_names(self.themes).index(f"section:{theme}")
        heading = float(self.weights[i][column])
        found = batch([measure], self.themes)
        text = measure.text.lower()
        grams = sum(max(0, len(text) - n + 1) for n in NGRAMS)
        parts = self.weights[i][found.columns[:grams]] * found.values[:grams]
        return heading > 0 and (grams == 0 or heading > float(parts.max()))

    def verdict(self, measure: Measure, top: int = 3) -> Verdict:
        """One measure's probabilities with the features that weighed most for each theme."""
        found = batch([measure], self.themes)
        probs = self.scores(found)[0]
        names = meta_names(self.themes)
        text = measure.text.lower()  # as the features read it
        spans = _spans(len(text))
        reasons: dict[str, list[tuple[str, float]]] = {}
        for i, theme in enumerate(self.themes):
            parts = self.weights[i][found.columns].astype(np.float64) * found.values
            # the same n-gram at several places counts once in the list, with its summed share
            merged: dict[str, float] = {}
            for j, value in enumerate(parts):
                if j < len(spans):
                    start, size = spans[j]
                    key = f"‘{text[start : start + size]}’"
                else:
                    name = names[int(found.columns[j]) - BUCKETS]
                    if name == "bias":
                        continue
                    kind, _, theme_name = name.partition(":")
                    if name in _META_LABELS:
                        key = _META_LABELS[name]
                    else:
                        key = f"{_META_LABELS.get(kind, kind)}（{theme_name}）"
                merged[key] = merged.get(key, 0.0) + float(value)
            ranked = sorted(merged.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:top]
            reasons[theme] = ranked
        return Verdict({t: float(p) for t, p in zip(self.themes, probs, strict=True)}, reasons)


_META_LABELS = {
    "rule": "规则判定",
    "rule:none": "规则判定无主题",
    "section": "所在章节标题",
    "evidence": "规则命中词数",
    "lexicon": "词表得分",
}


def model_path() -> Path:
    return Path(__file__).parent / MODEL_FILENAME


@lru_cache(maxsize=1)
def load_model(path: Path | None = None) -> ThemeModel | None:
    """The shipped model, or None when the package holds none (the rules then decide alone)."""
    import hashlib

    where = path or model_path()
    if not where.is_file():
        return None
    blob = where.read_bytes()
    with np.load(where, allow_pickle=False) as data:
        themes = tuple(str(t) for t in data["themes"])
        weights = data["weights"].astype(np.float32)
        threshold = float(data["threshold"])
    if weights.shape != (len(themes), BUCKETS + len(meta_names(themes))):
        return None  # a file from another feature layout: the rules decide
    return ThemeModel(themes, weights, threshold, hashlib.sha256(blob).hexdigest())
