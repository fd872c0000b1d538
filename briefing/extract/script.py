"""A document in traditional characters is read as its simplified original, once, when it is read.

Mirrors and reposting sites serve mainland government pages machine-converted to traditional
characters (科技特派員, 創新, 億元, 號). Every later stage (page chrome, header fields, status, themes,
figures) reads simplified text, so the whole document is folded here with OpenCC's one-to-one
character table (`briefing._t2s`) instead of each stage folding what its own rules use. The
briefing then quotes the simplified text, which is the script the page was written in before the
mirror converted it; the document's notes say so.

A simplified document can hold a few characters that the table also lists (乾隆, 於 as a surname):
only a document where they are a visible share of its Chinese characters is folded.
"""

from __future__ import annotations

import re

from briefing._t2s import T2S

# enough of a document to tell its script; a mirror converts a page whole
_SAMPLE = 20_000
# a converted page has a quarter or more of its Chinese characters in the table (0.27-0.40 on
# the corpus's mirror pages), a simplified one almost none (at most 0.002)
_MIN_SHARE = 0.15
_MIN_COUNT = 3

_TRADITIONAL = re.compile("[" + "".join(sorted(chr(code) for code in T2S)) + "]")
# the runs between the table's characters (and any character beyond the BMP), dropped in one
# pass: a search for the table's characters costs 10 times as much, as sre tests the table's 66
# characters beyond the BMP one by one at every position of the text
_BETWEEN_TRADITIONAL = re.compile(
    "[^" + "".join(sorted(chr(code) for code in T2S if code <= 0xFFFF)) + "\U00010000-\U0010ffff]+"
)
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")

NOTE = "原文为繁体字，已按简体字读取，摘录和引文以简体字列出。"

# one syllable with its tone mark: what tells a reading from a Latin word in brackets
PINYIN_SYLLABLE = "[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*"
# pinyin that a mirror's conversion left after a character: 創(chuàng)新, 設(shè) (the bracket
# first, then the character before it: sre scans for a literal, not a lookbehind at every position)
PINYIN_RESIDUE = re.compile(rf"\((?<=[\u4e00-\u9fff]\(){PINYIN_SYLLABLE}\)")


def is_traditional(text: str) -> bool:
    """True when `text` reads as written in traditional characters."""
    sample = text[:_SAMPLE]
    traditional = len(_TRADITIONAL.findall(_BETWEEN_TRADITIONAL.sub("", sample)))
    if traditional < _MIN_COUNT:
        return False
    return traditional >= _MIN_SHARE * len(_NOT_HAN.sub("", sample))


def to_simplified(text: str) -> str:
    """`text` with every traditional character in its simplified form and without the pinyin a
    conversion left inside its words (創(chuàng)新 -> 创新)."""
    simplified = text.translate(T2S)
    return PINYIN_RESIDUE.sub("", simplified) if "(" in simplified else simplified
