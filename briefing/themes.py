"""Theme lexicon and classifier.

STUB: owned by the measures/themes work; the interface is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_THEMES: tuple[str, ...] = ("基础研究", "成果转化", "科技金融", "人才")
OTHER_THEME = "其他"


@dataclass
class Classification:
    themes: list[str] = field(default_factory=list)
    evidence: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Lexicon:
    themes: dict[str, list[str]] = field(default_factory=dict)
    sha256: str = ""

    @property
    def names(self) -> list[str]:
        return list(self.themes)


def load_lexicon(user_path: Path | None = None) -> Lexicon:
    return Lexicon(themes={name: [name] for name in DEFAULT_THEMES})


class Classifier:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def classify(self, text: str) -> Classification:
        result = Classification()
        for name, terms in self.lexicon.themes.items():
            hits = [t for t in terms if t in text]
            if hits:
                result.themes.append(name)
                result.evidence[name] = hits
        return result
