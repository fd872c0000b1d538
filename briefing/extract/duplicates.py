"""Near-duplicate measures: the same measure repeated within a document or across documents.

A briefing must never list one measure twice (seed 001 repeats a sentence; monthly reports repeat
last month's wording), so every measure that repeats an earlier one gets `duplicate_of`. Kept apart
from `measures` so that a build whose documents all come from the cache links them without
importing the extraction rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter

from briefing.model import ExtractedDocument, Measure

# the letters and digits, as runs: a measure's few punctuation marks split it into a few long runs,
# where a pattern for what is dropped would be tried at every character
_CONTENT_RUN_RE = re.compile(r"[\w\u4e00-\u9fff]+")
# \d\d* rather than \d+: a pattern that opens with a repeat is tried at every position, one that
# opens with a class is found by sre's scan for its characters
_DIGITS_RE = re.compile(r"\d\d*")

_SHINGLE = 3
_MIN_SHINGLES = 8
_POSTING_CAP = 64  # very common shingles say nothing; capping them keeps linking sub-quadratic
_PROBE = 8  # postings read per measure: this many rarest shingles and this many fixed ones
_CANDIDATES = 5
_SET_CACHE = 4096
_ALIKE = 8  # measures kept per wording that differs only in its figures


def _content_key(text: str) -> str:
    return "".join(_CONTENT_RUN_RE.findall(text))


def _shingle_set(key: str) -> frozenset[str]:
    return frozenset([key[i : i + _SHINGLE] for i in range(len(key) - _SHINGLE + 1)])


class DuplicateIndex:
    """Near-duplicate links for measures fed in order, against everything fed before.

    A measure is a near-duplicate when its character 3-gram shingles overlap an earlier measure's
    (Jaccard >= 0.7, or >= 90 % of them contained in a measure at most twice as long), or when two
    earlier measures together hold >= 90 % of them (a sentence stitched from two earlier ones).
    Links always point at the first occurrence. Same content (ignoring punctuation and spaces) is
    found by one hash lookup; other candidates come from the postings of the measure's rarest
    shingles only (a near-duplicate shares most of them) and are verified on the full sets.
    The index keeps, per distinct measure, a hash and at most one copy of its letters: memory
    grows with the distinct measures, never with the documents' text.
    """

    def __init__(self) -> None:
        self._first: dict[int, tuple[str, bool]] = {}  # hash(key) -> root id, long enough to link
        # hash(key with each digit run as one mark) -> the first few slots worded alike
        self._skeletons: dict[int, list[int]] = {}
        self._postings: dict[str, list[int]] = {}
        self._keys: list[str] = []  # per indexed slot: its content key, to rebuild its shingles
        self._roots: list[str] = []
        self._sets: dict[int, frozenset[str]] = {}  # recently verified slots

    def link(self, measures: Iterable[Measure]) -> None:
        for measure in measures:
            measure.duplicate_of = self._add(measure.id, _content_key(measure.text))

    def _add(self, measure_id: str, key: str) -> str | None:
        key_hash = hash(key)
        known = self._first.get(key_hash)
        if known is not None:
            root, linkable = known
            return root if linkable else None
        shingles = _shingle_set(key)
        if len(shingles) < _MIN_SHINGLES:
            self._first[key_hash] = (measure_id, False)
            return None
        # the same sentence with other figures (a later year's report) is the common repeat:
        # check the first measure worded alike before searching the postings, and do not index
        # this one (the first stands for all of them)
        skeleton = hash(_DIGITS_RE.sub("0", key))
        alike = self._skeletons.get(skeleton, [])
        near = next((slot for slot in alike if self._near(shingles, slot)), None)
        if near is not None:
            root = self._roots[near]
            self._first[key_hash] = (root, True)
            if len(alike) < _ALIKE:  # a few variants, for a later one far from the first
                alike.append(len(self._keys))
                self._keys.append(key)
                self._roots.append(root)
            return root
        match = self._find(shingles)
        root = measure_id if match is None else self._roots[match]
        self._first[key_hash] = (root, True)
        slot = len(self._keys)
        indexed = False
        postings = self._postings
        get = postings.get
        for s in shingles:
            posting = get(s)
            if posting is None:
                postings[s] = [slot]
                indexed = True
            elif len(posting) < _POSTING_CAP:
                posting.append(slot)
                indexed = True
        if indexed:  # a slot in no posting can never be a candidate: keep nothing of it
            self._keys.append(key)
            self._roots.append(root)
            if len(alike) < _ALIKE:
                self._skeletons.setdefault(skeleton, alike).append(slot)
            # the next measures are checked against it first: keep the set just built, as a
            # verification would (a candidate's set is otherwise built again from its key)
            self._cache(slot, shingles)
        return None if match is None else root

    def _near(self, shingles: frozenset[str], slot: int) -> bool:
        other = self._set(slot)
        common = len(shingles & other)
        size = len(shingles)
        return common / (size + len(other) - common) >= 0.7 or (
            common / size >= 0.9 and len(other) <= 2 * size
        )

    def _set(self, slot: int) -> frozenset[str]:
        cached = self._sets.get(slot)
        if cached is None:
            cached = self._cache(slot, _shingle_set(self._keys[slot]))
        return cached

    def _cache(self, slot: int, shingles: frozenset[str]) -> frozenset[str]:
        if len(self._sets) >= _SET_CACHE:
            self._sets.clear()
        self._sets[slot] = shingles
        return shingles

    def _find(self, shingles: frozenset[str]) -> int | None:
        postings = self._postings
        # the shingles indexed before, in code-point order (the view's & looks each of the
        # measure's shingles up in the index, in C)
        present = sorted(postings.keys() & shingles)
        if not present:
            return None
        # the rarest shingles, where a near-duplicate must show (posting length, then code point:
        # nothing depends on hashing), and the highest in code-point order: a fixed choice that
        # near-duplicates share even when their rare parts (their numbers) differ. A stable sort
        # by length of the list in code-point order gives the order of (length, shingle) pairs,
        # with no pair built
        lengths = list(map(len, map(postings.__getitem__, present)))
        probe = [present[i] for i in sorted(range(len(present)), key=lengths.__getitem__)[:_PROBE]]
        chosen = set(probe)
        probe += [s for s in present[-_PROBE:] if s not in chosen]
        counts = Counter(chain.from_iterable(map(postings.__getitem__, probe)))
        # most_common's order (count, then first counted) by one C sort, not a Python heap
        ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)[:_CANDIDATES]
        size = len(shingles)
        scored = []
        for slot, _ in ranked:
            other = self._set(slot)
            common = len(shingles & other)
            jaccard = common / (size + len(other) - common)
            contained = common / size
            if jaccard >= 0.7 or (contained >= 0.9 and len(other) <= 2 * size):
                return slot
            scored.append((contained, slot))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if len(scored) >= 2 and scored[1][0] >= 0.3:
            (_, first), (_, second) = scored[0], scored[1]
            if len(shingles & (self._set(first) | self._set(second))) / size >= 0.9:
                return first
        return None


def link_duplicates(documents: Sequence[ExtractedDocument]) -> None:
    """Set `duplicate_of` on measures that repeat an earlier one, within or across documents
    (see `DuplicateIndex`); a re-run over the same documents gives the same links."""
    index = DuplicateIndex()
    for doc in documents:
        index.link(doc.measures)
