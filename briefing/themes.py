"""Theme lexicon and classifier.

The lexicon is a TOML file (`templates/themes.toml`): one table per theme with weighted terms, weak
terms that need a second hint, and negative contexts. A user file merges into the default one (a
table named like a default theme replaces it, a new name adds a theme).

Classification runs one Aho-Corasick automaton over the sentence, keeps the longest match wherever
matches overlap (so 自然科学基金 beats 基金 and 基金孵化板 beats 孵化), lets negative contexts
swallow the terms they cover, and sums the weights of the distinct surviving terms per theme. A
theme whose score reaches the threshold is assigned; several themes may be.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np

from briefing import validate
from briefing.errors import ConfigError, os_reason, toml_reason
from briefing.extract.script import PINYIN_RESIDUE
from briefing.theme_model import Measure as ModelMeasure
from briefing.theme_model import ThemeModel, Verdict, batch, load_model

DEFAULT_THEMES: tuple[str, ...] = ("基础研究", "成果转化", "科技金融", "人才")
OTHER_THEME = "其他"
LEXICON_FILENAME = "themes.toml"

MAX_THEMES = 100
"""Most themes a lexicon (the default's and the user's together) may have: the briefing writes a
section and the charts draw a bar and a legend entry for each. 200 themes made the per-document
chart fail (its legend outgrew the page: ValueError), a thousand ran for many minutes, and the
12 000 a 1 MB lexicon holds for more than 25 minutes and 2 GB."""

DEFAULT_THRESHOLD = 1.0
DEFAULT_WEAK_WEIGHT = 0.5
# a theme scoring this many times less than the sentence's main theme is an incidental mention
DEFAULT_DOMINANCE = 2.5
# in a sentence this long (characters) one term alone is a passing mention among many actions
DEFAULT_LONG_SENTENCE = 120
# a document at least this many of whose measures, and at least half, hold a science-and-technology
# anchor is about science and technology throughout (a 科技局's reply, summary or plan)
DOCUMENT_ANCHOR_MIN_MEASURES = 3
# what `Match.anchor` says when the document, not the sentence or its section, anchored a term
DOCUMENT_ANCHOR = "全文"
_ALL_THEMES = "*"

_TOP_KEYS = {"settings", "exclude", "anchors", "themes"}
_SETTINGS_KEYS = {"threshold", "weak_weight", "dominance", "long_sentence"}
# the largest setting or weight: a sentence (at most 5000 characters) holds at most a few thousand
# terms, and their sum times the dominance stays far from a float's overflow; a real lexicon's
# weights are near 1 and its longest-sentence setting is a few hundred characters
_MAX_NUMBER = 1e6
_EXCLUDE_KEYS = {"phrases", "clauses"}
_ANCHOR_KEYS = {"terms", "exclude"}
_THEME_KEYS = {"description", "terms", "weak", "weights", "exclude", "anchored", "clauses"}


def templates_dir() -> Path:
    """The shipped templates folder: package data when installed, else the repository's."""
    packaged = Path(__file__).parent / "_data" / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def default_lexicon_path() -> Path:
    return templates_dir() / LEXICON_FILENAME


@dataclass(frozen=True)
class ThemeSpec:
    """One theme of the effective lexicon: term weights and the phrases that cancel its terms."""

    name: str
    weights: dict[str, float]
    exclude: tuple[str, ...] = ()
    description: str = ""
    source: str = ""
    # generic words (贷款, 人才) that count only with a science-and-technology anchor nearby
    anchored: frozenset[str] = frozenset()
    # words that make their whole clause no measure of this theme (专项债: public debt, not
    # science finance), whatever term of the theme stands beside them
    clauses: tuple[str, ...] = ()


@dataclass
class Lexicon:
    # name -> terms, in lexicon order (kept for callers that only need the term lists)
    themes: dict[str, list[str]] = field(default_factory=dict)
    sha256: str = ""
    specs: dict[str, ThemeSpec] = field(default_factory=dict)
    global_exclude: tuple[str, ...] = ()
    # words that make their whole clause no measure of any theme (致以崇高敬意, 感谢您对…的关心)
    global_clauses: tuple[str, ...] = ()
    # words that make a sentence or its section about science and technology (科技, 研发 …), and
    # phrases in which they do not (科技馆 …)
    anchors: tuple[str, ...] = ()
    anchor_exclude: tuple[str, ...] = ()
    threshold: float = DEFAULT_THRESHOLD
    dominance: float = DEFAULT_DOMINANCE
    long_sentence: float = DEFAULT_LONG_SENTENCE
    sources: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return list(self.themes)

    @property
    def anchored_themes(self) -> frozenset[str]:
        """The themes with generic words that count only beside an S&T anchor (人才, 贷款): their
        vocabulary is about people and money, so a figure is theirs only when it names them
        (`aggregate.figure_theme`)."""
        return frozenset(name for name, spec in self.specs.items() if spec.anchored)


@dataclass(frozen=True)
class Match:
    """A lexicon term found in the text and kept; `weights` are the themes it counts for."""

    term: str
    start: int
    end: int
    weights: dict[str, float]
    anchor: str = ""  # the science-and-technology word that let a generic term count


@dataclass(frozen=True)
class Suppressed:
    """A term found in the text that does not count, and why (the message is for users)."""

    term: str
    start: int
    end: int
    themes: tuple[str, ...]
    by: str
    reason: str


@dataclass
class Classification:
    themes: list[str] = field(default_factory=list)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    # themes that reached the threshold but were dropped, with the reason (for `briefing explain`)
    dropped: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- loading


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f"主题词表 {path} 中的键“{key}”{problem}")


def _read_toml(path: Path) -> dict[str, Any]:
    from briefing.inputs import not_regular

    problem = not_regular(path)
    if problem is not None:
        raise ConfigError(f"主题词表 {path} {problem}")
    from briefing.config import read_toml_bytes, toml_value_problem

    try:
        # utf-8-sig, as for the config: Windows Notepad (before 2019) saves with a BOM
        return tomllib.loads(read_toml_bytes(path).decode("utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"找不到主题词表文件：{path}") from None
    except OSError as exc:
        raise ConfigError(f"无法读取主题词表文件 {path}：{os_reason(exc)}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"主题词表 {path} 不是有效的 TOML：{toml_reason(exc)}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"主题词表 {path} 不是 UTF-8 编码") from None
    except ValueError as exc:
        raise ConfigError(f"主题词表 {path} {toml_value_problem(exc)}，不是有效的词表") from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(f"主题词表 {path} 中的数组或内联表嵌套层数过多，不是有效的词表") from None


def _string_list(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise _fail(path, key, "应为字符串列表")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _fail(path, key, f"含有无效的词 {item!r}（应为非空字符串）")
        out.append(_term(path, key, item))
    return out


def _term(path: Path, key: str, term: str) -> str:
    """A term, stripped; a control character in it is refused, as in a theme's name and
    description: `briefing themes` and `explain` print the terms, and an ESC sequence in a
    lexicon passed around retitled or cleared the terminal of whoever ran them (a document's
    text never holds one, so no such term could match anything)."""
    char = validate.bad_character(term)
    if char is not None:
        raise _fail(path, key, f"中的词“{validate.shown(term)}”含有控制字符或无效字符 {char}")
    return term.strip()


def _number(path: Path, key: str, value: Any) -> float:
    """A positive, finite setting or weight. TOML spells nan and inf, and an integer of hundreds
    of digits: a threshold of nan or inf took no sentence into any theme, silently, and a weight
    too big for a float ended `explain` and every build in an English OverflowError. Bounded
    above too: weights of 1e308 summed to inf, and a theme scoring inf was dropped as incidental
    beside itself (inf * dominance <= inf), so the sentence fell into 其他 silently."""
    number = math.nan
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            raise _fail(path, key, "应为有限的正数，实际是位数过多的整数") from None
    if not (math.isfinite(number) and number > 0):
        raise _fail(path, key, f"应为有限的正数，实际是 {value!r}")
    if number > _MAX_NUMBER:
        raise _fail(path, key, f"应为不超过 {_MAX_NUMBER:.0f} 的正数，实际是 {value!r}")
    return number


def _check_keys(path: Path, prefix: str, table: dict[str, Any], allowed: set[str]) -> None:
    for key in table:
        if key not in allowed:
            known = "、".join(sorted(allowed))
            raise _fail(path, f"{prefix}{key}", f"无法识别（可用的键：{known}）")


@dataclass
class _RawLexicon:
    settings: dict[str, float]
    exclude: list[str]
    themes: dict[str, ThemeSpec]
    anchors: tuple[list[str], list[str]] | None = (
        None  # (terms, exclude) when the file has [anchors]
    )
    clauses: list[str] = field(default_factory=list)


def _parse_theme(path: Path, name: str, table: Any, weak_weight: float) -> ThemeSpec:
    prefix = f"themes.{validate.shown(name)}"
    if not name.strip() or name == OTHER_THEME:
        raise _fail(path, prefix, f"不能用作主题名（“{OTHER_THEME}”由系统保留）")
    # a theme's name is a heading in the briefing and part of a 专题's file names
    problem = validate.theme_name_problem(name)
    if problem is not None:
        raise ConfigError(
            f"主题词表 {path} 中的主题名“{validate.shown(name)}”{problem}，请修改词表"
        )
    if not isinstance(table, dict):
        raise _fail(path, prefix, '应为表（[themes."主题名"]）')
    _check_keys(path, f"{prefix}.", table, _THEME_KEYS)
    weights: dict[str, float] = {}
    for term in _string_list(path, f"{prefix}.terms", table.get("terms", [])):
        weights[term] = 1.0
    for term in _string_list(path, f"{prefix}.weak", table.get("weak", [])):
        weights[term] = weak_weight
    explicit = table.get("weights", {})
    if not isinstance(explicit, dict):
        raise _fail(path, f"{prefix}.weights", "应为“词 = 权重”的表")
    for term, weight in explicit.items():
        if not term.strip():
            raise _fail(path, f"{prefix}.weights", "含有空词")
        weights[_term(path, f"{prefix}.weights", term)] = _number(
            path, f"{prefix}.weights.{term}", weight
        )
    if not weights and not table.get("anchored"):
        raise _fail(path, prefix, "没有任何词（terms、weak、weights 或 anchored 至少填一项）")
    description = table.get("description", "")
    if not isinstance(description, str):
        raise _fail(path, f"{prefix}.description", "应为字符串")
    problem = validate.text_problem(description, max_chars=500)
    if problem is not None:
        raise _fail(path, f"{prefix}.description", problem)
    exclude = _string_list(path, f"{prefix}.exclude", table.get("exclude", []))
    anchored = _string_list(path, f"{prefix}.anchored", table.get("anchored", []))
    for term in anchored:
        weights.setdefault(term, 1.0)
    clauses = _string_list(path, f"{prefix}.clauses", table.get("clauses", []))
    return ThemeSpec(
        name,
        weights,
        tuple(exclude),
        description,
        str(path),
        frozenset(anchored),
        tuple(clauses),
    )


def _parse_file(path: Path, base_weak_weight: float) -> _RawLexicon:
    data = _read_toml(path)
    _check_keys(path, "", data, _TOP_KEYS)
    settings_table = data.get("settings", {})
    if not isinstance(settings_table, dict):
        raise _fail(path, "settings", "应为表")
    _check_keys(path, "settings.", settings_table, _SETTINGS_KEYS)
    settings = {k: _number(path, f"settings.{k}", v) for k, v in settings_table.items()}
    exclude_table = data.get("exclude", {})
    if not isinstance(exclude_table, dict):
        raise _fail(path, "exclude", "应为表")
    _check_keys(path, "exclude.", exclude_table, _EXCLUDE_KEYS)
    exclude = _string_list(path, "exclude.phrases", exclude_table.get("phrases", []))
    clauses = _string_list(path, "exclude.clauses", exclude_table.get("clauses", []))
    themes_table = data.get("themes", {})
    if not isinstance(themes_table, dict):
        raise _fail(path, "themes", "应为表")
    weak_weight = settings.get("weak_weight", base_weak_weight)
    themes = {
        name: _parse_theme(path, name, table, weak_weight) for name, table in themes_table.items()
    }
    anchors = None
    if "anchors" in data:
        anchors_table = data["anchors"]
        if not isinstance(anchors_table, dict):
            raise _fail(path, "anchors", "应为表")
        _check_keys(path, "anchors.", anchors_table, _ANCHOR_KEYS)
        anchors = (
            _string_list(path, "anchors.terms", anchors_table.get("terms", [])),
            _string_list(path, "anchors.exclude", anchors_table.get("exclude", [])),
        )
    return _RawLexicon(settings, exclude, themes, anchors, clauses)


def _lexicon_hash(lexicon: Lexicon) -> str:
    payload = {
        "threshold": lexicon.threshold,
        "dominance": lexicon.dominance,
        "long_sentence": lexicon.long_sentence,
        "exclude": list(lexicon.global_exclude),
        "clauses": list(lexicon.global_clauses),
        "anchors": list(lexicon.anchors),
        "anchor_exclude": list(lexicon.anchor_exclude),
        "themes": {
            name: {
                "weights": spec.weights,
                "exclude": list(spec.exclude),
                "anchored": sorted(spec.anchored),
                "clauses": list(spec.clauses),
            }
            for name, spec in lexicon.specs.items()
        },
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def load_lexicon(user_path: Path | None = None) -> Lexicon:
    """The default lexicon, merged with `user_path` when given. Raises ConfigError on a bad file."""
    default_path = default_lexicon_path()
    base = _parse_file(default_path, DEFAULT_WEAK_WEIGHT)
    settings = dict(base.settings)
    exclude = list(base.exclude)
    clauses = list(base.clauses)
    specs = dict(base.themes)
    anchors = base.anchors or ([], [])
    sources = [str(default_path)]
    if user_path is not None:
        user = _parse_file(user_path, settings.get("weak_weight", DEFAULT_WEAK_WEIGHT))
        settings.update(user.settings)
        anchors = user.anchors or anchors  # a user's [anchors] table replaces the default one
        exclude.extend(p for p in user.exclude if p not in exclude)
        clauses.extend(p for p in user.clauses if p not in clauses)
        specs.update(user.themes)  # same name replaces a default theme, a new name adds one
        sources.append(str(user_path))
        if len(specs) > MAX_THEMES:
            raise ConfigError(
                f"主题词表 {user_path} 与默认词表合计有 {len(specs)} 个主题，超过 {MAX_THEMES} 个"
                "的上限：简报为每个主题写一节、图表为每个主题画一条，主题这么多的简报无法阅读，"
                "生成也要很久。请合并相近的主题，或用多个词表分别生成。"
            )
    lexicon = Lexicon(
        themes={name: list(spec.weights) for name, spec in specs.items()},
        specs=specs,
        global_exclude=tuple(exclude),
        global_clauses=tuple(clauses),
        anchors=tuple(anchors[0]),
        anchor_exclude=tuple(anchors[1]),
        threshold=settings.get("threshold", DEFAULT_THRESHOLD),
        dominance=settings.get("dominance", DEFAULT_DOMINANCE),
        long_sentence=settings.get("long_sentence", DEFAULT_LONG_SENTENCE),
        sources=tuple(sources),
    )
    lexicon.sha256 = _lexicon_hash(lexicon)
    return lexicon


# ---------------------------------------------------------------- matching


_FOLD_TABLE = {code: chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)} | {
    code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)
}
_FOLD_CLASS = "A-Z\uff01-\uff5e"


# str.translate looks every character up in the table; most sentences hold no character it
# changes, and one C-level scan finds that out far faster
_FOLDABLE = re.compile(f"[{_FOLD_CLASS}]")


def _fold(text: str) -> str:
    """Full-width ASCII to half-width and Latin to lower case, keeping every index in place."""
    return text.translate(_FOLD_TABLE) if _FOLDABLE.search(text) else text


# above this many matches in one text, overlaps are looked up by position instead of by a scan
_SCAN_LIMIT = 32


def _longest_first(hit: tuple[int, int, _Entry]) -> tuple[int, int]:
    return hit[0] - hit[1], hit[0]


def _start(hit: tuple[int, int, _Entry]) -> int:
    return hit[0]


@dataclass
class _Entry:
    key: str
    weights: dict[str, float] = field(default_factory=dict)
    cancels: set[str] = field(default_factory=set)  # theme names, or _ALL_THEMES
    anchored: set[str] = field(default_factory=set)  # themes it counts for only with an anchor
    # themes (or _ALL_THEMES) whose terms in the same clause do not count (`clauses` in the lexicon)
    mutes: set[str] = field(default_factory=set)
    _live: dict[str, float] | None = None

    def live(self) -> dict[str, float]:
        """The weights its own cancels leave (computed once: entries do not change after
        the automaton is built; do not mutate the result)."""
        if self._live is None:
            self._live = (
                {}
                if _ALL_THEMES in self.cancels
                else {t: w for t, w in self.weights.items() if t not in self.cancels}
            )
        return self._live


class Classifier:
    """Classifies sentences by theme with one automaton built from the lexicon, and (`learned`)
    lets the shipped learned model (`briefing.theme_model`) decide the default themes it knows."""

    def __init__(self, lexicon: Lexicon, learned: bool = True) -> None:
        self.lexicon = lexicon
        self.model: ThemeModel | None = None
        # the themes the model decides: the default ones the lexicon keeps as shipped (a user
        # table that replaces one means other words than the model learned; a theme the user
        # adds the model has never seen)
        self.model_themes: tuple[str, ...] = ()
        if learned:
            self.model = load_model()
            if self.model is not None:
                shipped = str(default_lexicon_path())
                self.model_themes = tuple(
                    t
                    for t in self.model.themes
                    if t in lexicon.specs and lexicon.specs[t].source == shipped
                )
        # each model theme's lexicon terms with their folded forms (a theme the model adds is
        # shown with those the sentence holds)
        self._model_terms = {
            t: [(term, _fold(term)) for term in lexicon.specs[t].weights] for t in self.model_themes
        }
        self._sections: dict[str, list[str]] = {}
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, _Entry] = {}

        def entry(phrase: str) -> _Entry:
            key = _fold(phrase)
            if key not in entries:
                entries[key] = _Entry(phrase)
            return entries[key]

        for name, spec in lexicon.specs.items():
            for term, weight in spec.weights.items():
                entry(term).weights[name] = weight
            for term in spec.anchored:
                entry(term).anchored.add(name)
            for phrase in spec.exclude:
                entry(phrase).cancels.add(name)
            for phrase in spec.clauses:
                entry(phrase).mutes.add(name)
        for phrase in lexicon.global_exclude:
            entry(phrase).cancels.add(_ALL_THEMES)
        for phrase in lexicon.global_clauses:
            entry(phrase).mutes.add(_ALL_THEMES)
        self._mutes = any(value.mutes for value in entries.values())
        for key, value in entries.items():
            self._automaton.add_word(key, value)
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries
        self._longest = max((len(key) for key in entries), default=0)
        self._anchor_re = _alternation(lexicon.anchors)
        self._anchor_exclude_re = _alternation(lexicon.anchor_exclude)

    def _read(self, text: str) -> tuple[str, list[int] | None]:
        """`text` folded and without pinyin residue (创(chuàng)新 reads 创新), with the index in
        `text` of each character kept, or None when nothing was taken out. A page loses such
        residue when it is read (`briefing.extract.script`); a sentence given directly (explain)
        may still hold it."""
        folded = _fold(text)
        if "(" not in folded or PINYIN_RESIDUE.search(folded) is None:
            return folded, None
        kept: list[int] = []
        parts: list[str] = []
        last = 0
        for m in PINYIN_RESIDUE.finditer(folded):
            parts.append(folded[last : m.start()])
            kept.extend(range(last, m.start()))
            last = m.end()
        parts.append(folded[last:])
        kept.extend(range(last, len(folded)))
        return "".join(parts), kept

    def anchor_in(self, text: str, context: str = "") -> str | None:
        """The science-and-technology anchor word in `text`, else in `context` (its section and
        item titles), or None."""
        if self._anchor_re is None:
            return None
        for part in (text, context):
            if not part:
                continue
            folded = self._read(part)[0]
            if self._anchor_exclude_re is not None:
                # 科技馆 is no anchor; a separator keeps the remains from joining into one
                folded = self._anchor_exclude_re.sub("|", folded)
            m = self._anchor_re.search(folded)
            if m is not None:
                return m.group(0)
        return None

    def classify(
        self, text: str, *, explain: bool = True, anchor: str = "", document: bool = False
    ) -> Classification:
        """Themes of `text` with their evidence and scores.

        `anchor` is the text around the sentence (its section headings, its item's title) where a
        generic term (贷款, 人才) may find its science-and-technology anchor; `document` says the
        whole document is about science and technology (`document_anchored`), which anchors
        every generic term when neither the sentence nor `anchor` does. `explain=False` leaves
        `matches` and `suppressed` empty (themes, evidence, scores and dropped are the same).
        `themes_of` is the leanest way to the themes alone.
        """
        result = Classification()
        if self._empty or not text:
            return result
        kept = self._kept(text, result.suppressed if explain else None)
        result.themes, result.evidence = self._score(text, kept, result, explain, anchor, document)
        return result

    def themes_of(
        self, text: str, anchor: str = "", document: bool = False
    ) -> tuple[list[str], dict[str, list[str]]]:
        """`classify(text, anchor=anchor, document=document)`'s themes and evidence, and nothing
        else: extraction
        keeps only these, and the objects that explain a verdict cost as much as reaching it."""
        if self._empty or not text:
            return [], {}
        return self._score(text, self._kept(text, None), None, False, anchor, document)

    def themes_and_scores(
        self, text: str, anchor: str = "", document: bool = False
    ) -> tuple[list[str], dict[str, list[str]], dict[str, float]]:
        """`themes_of` and `lexicon_scores` of `text` from one pass over its terms (extraction
        needs both for every measure: the learned model reads the scores)."""
        raw: dict[str, float] = {}
        if self._empty or not text:
            return [], {}, raw
        themes, evidence = self._score(
            text, self._kept(text, None), None, False, anchor, document, raw
        )
        return themes, evidence, self._in_thresholds(raw)

    def _section_themes(self, section: Sequence[str]) -> list[str]:
        """The themes the rules give the nearest heading of a measure (cached: a heading serves
        every sentence under it). A heading names what its section is about, so its generic words
        count without a science anchor (“3.人才考察支持” is a talent heading); the learned model
        weighs this feature, the rules' own verdict on the sentence does not use it."""
        return section_themes(self, section, self._sections)

    def _model_measure(
        self,
        text: str,
        section: Sequence[str],
        themes: Sequence[str],
        evidence: dict[str, list[str]],
        scores: dict[str, float] | None = None,
    ) -> ModelMeasure:
        if scores is None:
            scores = self.lexicon_scores(text)
        return ModelMeasure(text, themes, self._section_themes(section), evidence, scores)

    def lexicon_scores(self, text: str) -> dict[str, float]:
        """Each theme's lexicon score in `text`, in multiples of the threshold, before the rules
        decide: weak hints and generic words without an anchor count, and no theme is dropped
        as incidental. The learned model reads it beside the rules' verdict (the same way in
        extraction and in training, `benchmarks/theme_model.py`)."""
        return self.themes_and_scores(text)[2]

    def _in_thresholds(self, scores: dict[str, float]) -> dict[str, float]:
        # a file cannot set 0 (`_number`); a Lexicon built in code still may
        threshold = self.lexicon.threshold or 1.0
        return {t: s / threshold for t, s in scores.items()}

    def model_verdict(
        self,
        text: str,
        section: Sequence[str],
        themes: Sequence[str],
        evidence: dict[str, list[str]],
    ) -> Verdict | None:
        """The learned model's probabilities and reasons for a measure whose rules gave `themes`
        and `evidence`, or None when the model decides no theme here."""
        if self.model is None or not self.model_themes or not text:
            return None
        return self.model.verdict(self._model_measure(text, section, themes, evidence))

    def refine(
        self,
        text: str,
        section: Sequence[str],
        themes: list[str],
        evidence: dict[str, list[str]],
    ) -> tuple[list[str], dict[str, list[str]]]:
        """`refine_all` of one measure."""
        return self.refine_all([(text, section, themes, evidence)])[0]

    def refine_all(
        self,
        measures: Sequence[tuple[str, Sequence[str], list[str], dict[str, list[str]]]],
        scores: Sequence[dict[str, float]] | None = None,
    ) -> list[tuple[list[str], dict[str, list[str]]]]:
        """Each measure's (text, section, themes, evidence) themes and evidence once the learned
        model has decided the default themes it knows; the rules' when there is no model. A
        theme the model adds gets as evidence the theme's lexicon terms in the sentence (counted
        or not by the rules), else the n-grams that weighed most for it. One batch for all: a
        document's measures cost one pass of array work (`theme_model.batch`). `scores` are
        the measures' `lexicon_scores` when the caller has them (`themes_and_scores`)."""
        model = self.model
        out = [(themes, evidence) for _, _, themes, evidence in measures]
        if model is None or not self.model_themes or not measures:
            return out
        read = [
            self._model_measure(*m, scores[k] if scores is not None else None)
            for k, m in enumerate(measures)
        ]
        probabilities = model.scores(batch(read, model.themes))
        # the model themes as bits: a measure's chosen set is one integer, compared with the rules'
        bits = {t: 1 << i for i, t in enumerate(self.model_themes)}
        passed = probabilities[:, [model.themes.index(t) for t in self.model_themes]]
        chosen_bits = ((passed >= model.threshold) @ np.array(list(bits.values()))).tolist()
        for k, (_, _, themes, evidence) in enumerate(measures):
            held = 0
            for t in themes:
                held |= bits.get(t, 0)
            if chosen_bits[k] == held:
                continue  # the model agrees with the rules (most measures)
            chosen = {t for t, bit in bits.items() if chosen_bits[k] & bit}
            kept: list[str] = []
            kept_evidence: dict[str, list[str]] = {}
            for theme in self.lexicon.specs:
                if theme not in (chosen if theme in self.model_themes else themes):
                    continue
                kept.append(theme)
                terms = evidence.get(theme) if theme in themes else None
                kept_evidence[theme] = (
                    list(terms) if terms else self._model_evidence(read[k], measures[k][1], theme)
                )
            out[k] = (kept, kept_evidence)
        return out

    def _model_evidence(
        self, measure: ModelMeasure, section: Sequence[str], theme: str
    ) -> list[str]:
        folded = _fold(measure.text)
        terms = [t for t, key in self._model_terms[theme] if key in folded]
        if terms:
            return sorted(terms, key=lambda t: (-len(t), t))[:_MAIN_EVIDENCE]
        assert self.model is not None
        if section and self.model.heading_leads(measure, theme):
            # the heading decided: its words are the reason, as for a theme the rules take from
            # a heading, not two characters of the sentence ("众对", "地满足")
            heading = self.themes_of(section[-1], document=True)[1].get(theme)
            if heading:
                return list(heading)
        return self.model.strongest_grams(measure, theme)

    def document_anchored(self, measures: Sequence[str]) -> bool:
        """Whether a document is about science and technology throughout: at least half of its
        measures, and at least DOCUMENT_ANCHOR_MIN_MEASURES, hold an anchor word of their own.

        A 科技局's reply or summary names 科技, 创新, 研发 in most of its sentences, and its
        "加大贷款贴息力度" or "引进各类人才" is about the same work, anchor or not; a government work
        report names them in a few, and its 贷款 and 人才 need their own anchor."""
        if len(measures) < DOCUMENT_ANCHOR_MIN_MEASURES or self._anchor_re is None:
            return False
        need = (len(measures) + 1) // 2
        anchored = 0
        for seen, text in enumerate(measures, 1):
            if self.anchor_in(text) is not None:
                anchored += 1
                if anchored >= need:
                    return True
            elif anchored + len(measures) - seen < need:
                # too few measures left to reach half: a long work report stops early
                return False
        return False

    def title_themes(self, title: str | None) -> tuple[list[str], dict[str, list[str]]]:
        """The theme a document's title names when it names exactly one, with its evidence.

        A document about one subject (a 科技型企业知识价值信用贷款 policy, a 博士后 regulation, a
        科技成果转化 plan) is about it in every provision, also those that name no term of it
        (诚信要求：近三年无重大违法失信行为); extraction gives such measures this theme. A title
        naming no theme or several (a work report, a reply on many subjects) gives nothing."""
        if not title:
            return [], {}
        themes, evidence = self.themes_of(title)
        if len(themes) != 1:
            return [], {}
        return themes, evidence

    def _kept(
        self, text: str, suppressed: list[Suppressed] | None
    ) -> list[tuple[int, int, _Entry]]:
        """The terms found that count, in text order; `suppressed` gets the others, with why."""
        read, at = self._read(text)
        hits: list[tuple[int, int, _Entry]] = [
            (end + 1 - len(found.key), end + 1, found) for end, found in self._automaton.iter(read)
        ]
        if at is not None:
            # back to the text's own indices (a match spans the residue it skipped)
            hits = [(at[start], at[end - 1] + 1, found) for start, end, found in hits]
        markers: list[tuple[int, int, _Entry]] = []
        if self._mutes and any(hit[2].mutes for hit in hits):
            # a clause marker (感谢, 专项债) is no term: it silences the terms of its clause
            markers = [hit for hit in hits if hit[2].mutes]
            hits = [hit for hit in hits if hit[2].weights or hit[2].cancels]
        if len(hits) <= 1:
            # nothing overlaps a lone match: it is kept (the common case, no sorting or scans)
            hits = _drop_list_categories(text, hits, suppressed)
            return _mute_clauses(text, hits, markers, suppressed) if markers else hits
        # longest first, then leftmost: the kept set is the same whatever order the automaton used
        hits.sort(key=_longest_first)
        kept: list[tuple[int, int, _Entry]] = []
        revived: list[tuple[int, int, _Entry]] = []
        # a sentence keeps a handful of matches, and a scan of them is cheapest; a long text gets
        # kept matches by start: one that overlaps [start, end) starts less than the longest term
        # before `end`, so it costs no more per match than a sentence
        indexed = len(hits) > _SCAN_LIMIT
        kept_at: dict[int, list[tuple[int, int, _Entry]]] = {}
        for start, end, found in hits:
            # kept matches overlapping this one, leftmost first (ties: kept first)
            if indexed:
                near = [
                    k
                    for position in range(start - self._longest + 1, end)
                    for k in kept_at.get(position, ())
                    if start < k[1]
                ]
            else:
                near = [k for k in kept if k[0] < end and start < k[1]]
            owner: tuple[int, int, _Entry] | None = None
            if near:  # most matches overlap none kept: no sort, no owner to look for
                if len(near) > 1:
                    near.sort(key=_start)
                # only a longer match that contains this one wins; partial overlaps (科技成果|转化)
                # both count, so a weak term cannot hide a strong one by standing further left
                owner = next((k for k in near if k[0] <= start and end <= k[1]), None)
                if owner is None:
                    # a negative context cancels every term it touches (创业|投资有限责任公司)
                    owner = next((k for k in near if not k[2].weights), None)
            if owner is None:
                kept.append((start, end, found))
                if indexed:
                    kept_at.setdefault(start, []).append((start, end, found))
                continue
            if not found.weights:
                continue
            cancels = owner[2].cancels
            if not owner[2].weights and _ALL_THEMES not in cancels:
                # a theme's own negative context must not silence the other themes' terms
                rest = {t: w for t, w in found.weights.items() if t not in cancels}
                if rest:
                    revived.append((start, end, _Entry(found.key, rest, found.cancels)))
            if suppressed is not None:
                suppressed.append(_suppression(text, start, end, found, owner))
        kept.extend(revived)
        kept.sort(key=_start)
        kept = _drop_list_categories(text, kept, suppressed)
        return _mute_clauses(text, kept, markers, suppressed) if markers else kept

    def _score(
        self,
        text: str,
        kept: list[tuple[int, int, _Entry]],
        result: Classification | None,
        explain: bool,
        anchor: str = "",
        document: bool = False,
        raw: dict[str, float] | None = None,
    ) -> tuple[list[str], dict[str, list[str]]]:
        """Themes and their evidence from the kept terms; `result`, when given, also gets the
        scores, the dropped themes with why, and (`explain`) the matches; `raw`, when given, gets
        each theme's score with every generic term counted, anchor or not (`lexicon_scores`)."""
        themes: list[str] = []
        evidence: dict[str, list[str]] = {}
        if not kept:
            return themes, evidence
        seen: dict[str, dict[str, float]] = {}
        unanchored: dict[str, dict[str, float]] = {}
        headline = _headline_end(text)
        terms: list[tuple[str, dict[str, float]]] = []  # what the matches hold, for the evidence
        anchor_word: str | None = None
        clause_anchors: dict[tuple[int, int], str | None] = {}
        for start, end, found in kept:
            live = found.live()
            if not live:
                continue
            term = text[start:end]
            # the item's own headline (三是完善产学研合作激励机制。) names what the item is about
            boost = HEADLINE_BOOST if end <= headline else 1.0
            if raw is not None:
                _keep_best(unanchored, found.key, live, boost)
            if found.anchored and not found.anchored.isdisjoint(live):
                clause = _clause(text, start, end, headline)
                anchor_word = clause_anchors.get(clause, _UNSEEN)
                if anchor_word is _UNSEEN:
                    lead = _lead_end(text, headline)
                    context = f"{text[:lead]}|{anchor}" if lead else anchor
                    anchor_word = self.anchor_in(text[clause[0] : clause[1]], context)
                    if anchor_word is None and document:
                        anchor_word = DOCUMENT_ANCHOR
                    clause_anchors[clause] = anchor_word
                if anchor_word is None:
                    lost = tuple(t for t in live if t in found.anchored)
                    live = {t: w for t, w in live.items() if t not in found.anchored}
                    if explain and result is not None:
                        result.suppressed.append(
                            Suppressed(term, start, end, lost, "", self._no_anchor_reason(lost))
                        )
                    if not live:
                        continue
            term_anchor = anchor_word if found.anchored and anchor_word else ""
            terms.append((term, live))
            if explain and result is not None:
                result.matches.append(Match(term, start, end, dict(live), term_anchor or ""))
            _keep_best(seen, found.key, live, boost)
        lexicon = self.lexicon
        if raw is not None:
            for theme in lexicon.specs:
                if theme in unanchored:
                    raw[theme] = sum(unanchored[theme].values())
        scores = result.scores if result is not None else {}
        dropped = result.dropped if result is not None else {}
        for theme in lexicon.specs:
            if theme in seen:
                scores[theme] = sum(seen[theme].values())
        limit = lexicon.threshold - 1e-9
        passing = []
        for theme, score in scores.items():
            if score < limit:
                continue
            if max(seen[theme].values()) < limit:
                # weak hints (前沿, 颠覆性) support a keyword; together they do not replace one
                dropped[theme] = "只有弱提示词，没有本主题的关键词"
                continue
            passing.append(theme)
        top = max([scores[t] for t in passing], default=0.0)
        unique: list[tuple[str, dict[str, float]]] | None = None
        for theme in passing:
            score = scores[theme]
            if score * lexicon.dominance <= top + 1e-9:
                dropped[theme] = (
                    f"得分 {score:g} 不足主导主题得分 {top:g} 的 1/{lexicon.dominance:g}，视为顺带提及"
                )
                continue
            single = len(seen[theme]) == 1 and score <= lexicon.threshold + 1e-9
            if single and len(text) >= lexicon.long_sentence:
                dropped[theme] = f"长句（{len(text)} 字）中仅有一个词命中，视为顺带提及"
                continue
            themes.append(theme)
            if unique is None:
                unique = _unique_terms(terms)
            evidence[theme] = [term for term, weights in unique if theme in weights]
        return themes, evidence

    def _no_anchor_reason(self, themes: tuple[str, ...]) -> str:
        words = "、".join(self.lexicon.anchors[:6])
        return f"是泛用词，所在分句、句首引领分句和所在章节都没有科技锚点（{words}…），不计入{'、'.join(themes)}"


def _keep_best(
    seen: dict[str, dict[str, float]], key: str, live: dict[str, float], boost: float
) -> None:
    """Record a term's weight for each of its themes; a term met twice counts once, at its best."""
    for theme, weight in live.items():
        known = seen.get(theme)
        if known is None:
            known = seen[theme] = {}
        weight *= boost
        if weight > known.get(key, 0.0):
            known[key] = weight


_UNSEEN = "\0"  # the anchor has not been looked for yet
# distinct headings whose themes a classifier keeps (a long corpus has many; a document, few)
_SECTION_CACHE = 4096

# a clause ends at these marks (not at 、: coordinated items share their clause's anchor)
_CLAUSE_ENDS = "，,；;。"


# a sentence's lead clause that sets the topic for the clauses after it: 针对科技型中小企业轻资产特点，
# 设立风险补偿资金池…; 围绕科技创新需求，引进高校毕业生…; 支持创新创业，引进青年人才 (对接, 对标, 对外
# are actions of their own)
_LEAD_RE = re.compile(r"(?:针对|围绕|聚焦|面向|支持|为|对(?![接标外]))")


def _lead_end(text: str, headline: int) -> int:
    """Where the context that anchors every clause of `text` ends: after the item's run-in
    headline and, when the sentence opens with a lead clause (针对…，围绕…，), after that clause;
    0 when there is neither. A lead clause is read like the headline: its anchor is the topic of
    what follows, whereas any other clause's anchor is its own (加快完善农业科技创新体系 does not
    make 推动设立乡村振兴投资基金 science finance)."""
    if _LEAD_RE.match(text, headline) is None:
        return headline
    ends = [i for i in (text.find(mark, headline) for mark in "，,；;") if i >= 0]
    return min(ends) if ends else headline


def _clause(text: str, start: int, end: int, headline: int) -> tuple[int, int]:
    """The bounds of the clause of `text` that holds the match [start, end).

    A generic word (贷款, 人才, 上市) is about science and technology when its own clause says so
    (引导金融机构加大对科技型企业的信贷支持), not when another clause of a long sentence does:
    推动设立乡村振兴投资基金 is rural finance although the sentence also names 农业科技创新体系 three
    clauses before, 上市公司百强 is a ranking although its sentence opens with 核心技术. The item's
    run-in headline (三是深化科技金融合作。…) is outside every clause and is read as context."""
    before = _LAST_CLAUSE_END_RE.match(text, headline, start)
    after = _CLAUSE_MARK_RE.search(text, end)
    return (headline if before is None else before.end()), (
        len(text) if after is None else after.start()
    )


# how many of a document's main theme's terms its theme-less measures cite as evidence
_MAIN_EVIDENCE = 3


def main_theme(
    measures: Sequence[tuple[Sequence[str], dict[str, list[str]]]],
) -> tuple[str, list[str]] | None:
    """The theme a document is about when it names one above all, with the terms that name it
    most often (its evidence), or None; `measures` are the themes and evidence of each measure.

    At least half of its measures, and at least DOCUMENT_ANCHOR_MIN_MEASURES, hold the theme, and
    no other theme is held by more than half as many: a talent policy's 给予最高2万元支持, a
    tech-loan policy's 诚信要求, an R&D bulletin's 高等学校经费105.2亿元 are about that theme too.
    A work report or a bureau's summary of many kinds of work has no main theme."""
    counts: dict[str, int] = {}
    for themes, _ in measures:
        for theme in themes:
            counts[theme] = counts.get(theme, 0) + 1
    if len(measures) < DOCUMENT_ANCHOR_MIN_MEASURES or not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])  # stable: lexicon order breaks ties
    theme, held = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if 2 * held < len(measures) or held < 2 * runner_up:
        return None
    terms: dict[str, int] = {}
    for themes, evidence in measures:
        for term in evidence.get(theme, []) if theme in themes else []:
            terms[term] = terms.get(term, 0) + 1
    cited = sorted(terms, key=lambda t: -terms[t])[:_MAIN_EVIDENCE]
    return theme, cited


def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a word list, longest first (the folded forms, as the text is folded)."""
    folded = sorted({_fold(w) for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, folded))) if folded else None


_LIST_ITEM = r"[^、，,。；;：:（）()《》\s等]{1,6}"
# possessive: an item holds no 、, so giving characters back can never find the next one
_LIST_RE = re.compile(rf"{_LIST_ITEM}+(?:、{_LIST_ITEM}+){{2,}}")
# 解读了关于A、B、C等系列政策, 在A、B、C等方面探索: the items are topics or areas, not actions;
# 发展人力资源、研发设计、金融服务等产业: they are industries (industrial policy), not measures
_TOPIC_ITEM = r"[^、，,。；;：:（）()《》\s等]{1,16}"
_TOPIC_TAIL = r"等(?:系列)?[^，,。；;]{0,12}?(?:政策|文件|措施|举措|办法|方面|领域|产业|行业)"
_TOPIC_LIST_RE = re.compile(rf"{_TOPIC_ITEM}(?:(?:、|以及){_TOPIC_ITEM}){{2,}}(?={_TOPIC_TAIL})")
# a topic list ends right before this tail: where it does not occur, the costly scan is skipped
_TOPIC_TAIL_RE = re.compile(_TOPIC_TAIL)
# “上云”“上规”“上市”, “飞地建园”“机构共建”“人才协作”: a run of quoted slogans names forms or steps
_SLOGAN_LIST_RE = re.compile(r"(?:“[^“”]{1,8}”){3,}")
_ITEM_SPLIT_RE = re.compile(r"、|以及|”“")
# 支持企业加大研发投入、建设研发机构、引进高端人才、挂牌上市: a run of coordinated actions; a
# generic word (上市, 人才) in one of them is one step among many, not what the measure is about
PASSING_LIST_ITEMS = 4
# possessive, as in _LIST_RE: an item holds no 、, so giving characters back never finds one
_ACTION_ITEM = r"[^、，,。；;：:（）()《》“”\s]{2,16}+"
_ACTION_LIST_RE = re.compile(rf"{_ACTION_ITEM}(?:、{_ACTION_ITEM}){{{PASSING_LIST_ITEMS - 1},}}")
_CATEGORY_REASON = "是并列列举中的类别泛称（如“产业、人才、科技等”），不代表针对该主题的措施"
_PASSING_REASON = (
    f"是{PASSING_LIST_ITEMS}项以上并列事项中只有一项提到的泛用词，句中别处不涉及该主题，"
    "措施讲的不是该主题"
)
_TOPIC_REASON = (
    "是文件主题、领域或产业的列举（“…等政策”“…等方面”“…等产业”）中的词，不代表针对该主题的措施"
)
_SLOGAN_REASON = "是一串引号标语（如“上云”“上规”“上市”）中的词，不代表针对该主题的措施"
_QUOTES = "“”\"'‘’「」"


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items = []
    pos = start
    for sep in _ITEM_SPLIT_RE.finditer(text, start, end):
        items.append((pos, sep.start()))
        pos = sep.end()
    items.append((pos, end))
    return items


def _passing_items(text: str, kept: list[tuple[int, int, _Entry]]) -> dict[int, str]:
    """The generic terms (上市, 人才, 融资) that only one item of a run of PASSING_LIST_ITEMS or
    more coordinated items names, when nothing else in the sentence names their theme: positions
    in `kept` with the reason. 对高新技术企业、科技型中小企业、新上市企业、新引进人才分别给予奖励 is
    about support for enterprises, not about listing; a specific term (高层次人才, 孵化器) in
    such a run is the content itself and stays."""
    if text.count("、") < PASSING_LIST_ITEMS - 1 or not any(k[2].anchored for k in kept):
        return {}
    drop: dict[int, str] = {}
    # a run starts at most 16 characters before the first 、 and ends at most 16 after the last
    # (an item holds no 、): the scan need not try the rest of the sentence
    lo, hi = text.find("、"), text.rfind("、")
    for lst in _ACTION_LIST_RE.finditer(text, max(0, lo - 16), hi + 17):
        first, last = lst.span()
        bounds = _items(text, first, last)
        holders: dict[str, set[int]] = {}  # theme -> the items that name it
        generic: dict[str, bool] = {}  # theme -> every term naming it in the run is generic
        outside: set[str] = set()
        for start, end, found in kept:
            live = found.live()
            if start < first or end > last:
                outside.update(live)
                continue
            item = next((n for n, (a, b) in enumerate(bounds) if a <= start and end <= b), None)
            if item is None:  # a term across an item's bounds (…以及…) belongs to none
                outside.update(live)
                continue
            for theme in live:
                holders.setdefault(theme, set()).add(item)
                generic[theme] = generic.get(theme, True) and theme in found.anchored
        passing = {
            t for t, items in holders.items() if len(items) == 1 and generic[t] and t not in outside
        }
        if not passing:
            continue
        for i, (start, end, found) in enumerate(kept):
            live = found.live()
            if first <= start and end <= last and live and passing.issuperset(live):
                drop.setdefault(i, _PASSING_REASON)
    return drop


def _drop_list_categories(
    text: str, kept: list[tuple[int, int, _Entry]], suppressed: list[Suppressed] | None
) -> list[tuple[int, int, _Entry]]:
    """Terms in lists that are not all about one theme name fields or topics, not actions.

    产业、人才、科技等: a bare category word in a list of short items. 解读了关于A、B、C等政策:
    every term in a list of document topics. A list of one theme's terms (院士、杰青、优青) keeps
    them all. And a generic term that one item of a longer run of actions names
    (`_passing_items`).
    """
    if not kept:
        return kept
    # literal checks first: most sentences hold no list at all, and the patterns are costly
    spans = []
    if text.count("、") >= 2:
        # a list starts at most 6 characters before its first 、 and ends at most 6 after its
        # last: the scan need not try the rest of the sentence
        lo, hi = text.find("、"), text.rfind("、")
        spans += [(m, "") for m in _LIST_RE.finditer(text, max(0, lo - 6), hi + 7)]
    if (
        "等" in text
        and ("、" in text or "以及" in text)
        and _TOPIC_TAIL_RE.search(text) is not None
    ):
        lo = min(i for i in (text.find("、"), text.find("以及")) if i >= 0)
        spans += [(m, _TOPIC_REASON) for m in _TOPIC_LIST_RE.finditer(text, max(0, lo - 16))]
    if text.count("“") >= 3:
        spans += [(m, _SLOGAN_REASON) for m in _SLOGAN_LIST_RE.finditer(text)]
    drop = _passing_items(text, kept)
    if not spans and not drop:
        return kept
    starts = [k[0] for k in kept]  # kept is in text order
    for lst, topic_reason in spans:
        topics = bool(topic_reason)
        item_themes = []
        hits: list[int] = []
        for a, b in _items(text, lst.start(), lst.end()):
            lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            inside = [i for i in range(lo, hi) if kept[i][1] <= b]
            item_themes.append(frozenset(t for i in inside for t in kept[i][2].weights))
            if topics:
                hits += inside
                continue
            core_a = a + len(text[a:b]) - len(text[a:b].lstrip(_QUOTES))
            core_b = b - (len(text[a:b]) - len(text[a:b].rstrip(_QUOTES)))
            # only a bare two-character category word (人才, 金融); 技术转让 in a list of services
            # is the content itself
            hits += [
                i
                for i in inside
                if kept[i][0] == core_a and kept[i][1] == core_b and core_b - core_a <= 2
            ]
        if not frozenset.intersection(*item_themes):
            reason = topic_reason or _CATEGORY_REASON
            for i in hits:
                drop.setdefault(i, reason)
    if not drop:
        return kept
    for i in sorted(drop):
        start, end, found = kept[i]
        if found.weights and suppressed is not None:
            term = text[start:end]
            suppressed.append(Suppressed(term, start, end, tuple(found.weights), term, drop[i]))
    return [k for i, k in enumerate(kept) if i not in drop]


# a theme's clause word (专项债) governs its own list item: 、 and 和 end one inside a clause
# (用好地方政府专项债券、科技创新再贷款和知识产权质押融资: the loans are no public debt)
_CLAUSE_MARK_RE = re.compile(f"[{_CLAUSE_ENDS}]")
# up to the last clause end (its match ends right after it)
_LAST_CLAUSE_END_RE = re.compile(f"(?s:.*)[{_CLAUSE_ENDS}]")
_ITEM_MARK_RE = re.compile(f"[{_CLAUSE_ENDS}、和]")


def _part(marks: list[int], start: int, end: int) -> int | None:
    """The index of the part of the text (between `marks`) that holds [start, end), or None when
    a mark stands inside it."""
    index = bisect.bisect_left(marks, start)
    return index if index == bisect.bisect_left(marks, end) else None


def _mute_clauses(
    text: str,
    kept: list[tuple[int, int, _Entry]],
    markers: list[tuple[int, int, _Entry]],
    suppressed: list[Suppressed] | None,
) -> list[tuple[int, int, _Entry]]:
    """`kept` without the themes that a clause marker of the lexicon's `clauses` silences.

    A greeting or a thank-you of [exclude] (向广大科技工作者致以崇高敬意, 感谢您对我市人才工作的关心)
    is no measure of any theme: it silences every term of its clause. A theme's own word (专项债
    of 科技金融) says what a generic word beside it is about: it silences the theme's generic
    (anchored) words of its list item only (用好地方政府专项债券支持科技创新项目: 债券 is public debt),
    not the instruments listed beside it (、科技创新再贷款和知识产权质押融资) nor a term that is the
    theme by itself (知识价值信用贷款帮助科技型企业置换存量债务). The sentence's other clauses keep
    theirs. Each part's bounds are found once (bisect on the marks), so this stays linear."""
    if not markers or not kept:
        return kept
    clause_marks = [m.start() for m in _CLAUSE_MARK_RE.finditer(text)]
    item_marks: list[int] = []
    by_clause: dict[int, str] = {}  # clause index -> the word silencing it for every theme
    by_item: dict[int, list[tuple[str, frozenset[str]]]] = {}  # item -> (word, themes)
    for m_start, m_end, m_found in markers:
        word = text[m_start:m_end]
        if _ALL_THEMES in m_found.mutes:
            by_clause.setdefault(bisect.bisect_left(clause_marks, m_start), word)
        themes = frozenset(m_found.mutes - {_ALL_THEMES})
        if themes:
            if not item_marks:
                item_marks = [m.start() for m in _ITEM_MARK_RE.finditer(text)] or [len(text)]
            by_item.setdefault(bisect.bisect_left(item_marks, m_start), []).append((word, themes))
    out: list[tuple[int, int, _Entry]] = []
    for start, end, found in kept:
        live = found.weights
        why = ""
        if by_clause:
            clause = _part(clause_marks, start, end)
            if clause is not None and clause in by_clause:
                why = f"所在分句有“{by_clause[clause]}”（词表的否定分句），该分句不是%s的措施"
                word, live = by_clause[clause], {}
        if live and by_item and found.anchored:
            item = _part(item_marks, start, end)
            for m_word, themes in by_item.get(item, ()) if item is not None else ():
                muted = themes.intersection(found.anchored).intersection(live)
                if muted:
                    why = f"所在分句有“{m_word}”（词表的否定分句），同一并列项中的泛用词不计入%s"
                    word = m_word
                    live = {t: w for t, w in live.items() if t not in muted}
        if not why:
            out.append((start, end, found))
            continue
        if suppressed is not None:
            lost = tuple(t for t in found.weights if t not in live)
            suppressed.append(
                Suppressed(text[start:end], start, end, lost, word, why % "、".join(lost))
            )
        if live:
            out.append((start, end, _Entry(found.key, live, found.cancels, found.anchored)))
    return out


_HEADLINE_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十])[^，,；;：:。]{1,20}。"
)
HEADLINE_BOOST = 2.0


def _headline_end(text: str) -> int:
    m = _HEADLINE_RE.match(text)
    return m.end() if m else 0


def _unique_terms(
    terms: list[tuple[str, dict[str, float]]],
) -> list[tuple[str, dict[str, float]]]:
    """The first match of each term (its weights decide the themes it is evidence for)."""
    seen: set[str] = set()
    out = []
    for term, weights in terms:
        if term not in seen:
            seen.add(term)
            out.append((term, weights))
    return out


def _suppression(
    text: str, start: int, end: int, found: _Entry, owner: tuple[int, int, _Entry]
) -> Suppressed:
    owner_text = text[owner[0] : owner[1]]
    themes = tuple(found.weights)
    if owner[2].weights:
        reason = f"被更长的词“{owner_text}”覆盖（最长匹配优先）"
    else:
        reason = f"处于否定语境“{owner_text}”中"
    return Suppressed(text[start:end], start, end, themes, owner_text, reason)


def section_themes(
    classifier: Classifier, section: Sequence[str], cache: dict[str, list[str]]
) -> list[str]:
    """`Classifier._section_themes` with the cache given: the learned model's section feature,
    computed the same way in extraction and in training (`benchmarks/theme_model.py`)."""
    if not section:
        return []
    head = section[-1]
    known = cache.get(head)
    if known is None:
        if len(cache) > _SECTION_CACHE:
            cache.clear()
        known = cache[head] = classifier.themes_of(head, document=True)[0]
    return known
