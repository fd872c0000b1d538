"""The numbers a heading or a list item is printed with, in one place.

第一章 / 第二部分 / 第三条, 一、 / （一） / 一） / 1. / (1) / 1） / ①, and 一是: a heading's status
(`status.heading_kind`), a gist's topics (`digest.section_topics`), a highlight's clean-up
(`wording.clean_sentence`), a figure quote's 原文 cell (`wording.without_enumerator`) and the place a
heading opens on (`indicators._frame_place`) all read the same numbers the same way.

Not a number: a figure (1.5亿元, 2家, 10%), the first of two ordinals (一、二季度, 一、二等奖, 1、2月).
"""

from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十百零〇两"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# the first of two ordinals that share what follows (一、二季度, 二、三等奖, 一、二类): the text's own
# words, no list number
_SHARED_ORDINAL = rf"(?![{CN_NUM}]{{1,3}}(?:、|季度|等奖?|类|级|月|期|产业))"

ITEM_NUMBER = (
    rf"第[{CN_NUM}\d]{{1,4}}(?:章|节|编|部分|条)"
    rf"|[(（][{CN_NUM}\d]{{1,3}}[)）][、.．,，]?"
    # 一） 1）: a half-bracketed number, as pages print a list
    rf"|[{CN_NUM}\d]{{1,3}}[)）]"
    rf"|[{CN_NUM}]{{1,3}}[、.．]{_SHARED_ORDINAL}"
    r"|\d{1,2}[.．、](?![\d％%])"
    rf"|[{CIRCLED}]"
    rf"|[{CN_NUM}]{{1,3}}是[，,：:]?"
)
"""One heading or list-item number as printed (a pattern to compose; no anchors, no spaces)."""

_LEADING_NUMBER_RE = re.compile(rf"^(?:{ITEM_NUMBER})\s*")
_LEADING_NUMBERS_RE = re.compile(rf"^(?:(?:{ITEM_NUMBER})\s*)+")


def leading_number(text: str) -> re.Match[str] | None:
    """The heading or list-item number `text` opens with, and the spaces after it."""
    return _LEADING_NUMBER_RE.match(text)


def strip_number(text: str, *, repeated: bool = False) -> str:
    """`text` without the number it opens with (all of them with `repeated`: 一、（一）…); a text
    that is nothing but its number is kept as it is (a figure quote is never emptied)."""
    pattern = _LEADING_NUMBERS_RE if repeated else _LEADING_NUMBER_RE
    m = pattern.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text
