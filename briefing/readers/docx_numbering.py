"""Word list numbering rendered as text ("一、", "（二）", "1.").

Auto-numbered headings are not characters in the file: the number lives in numbering.xml and Word
draws it. Without it "一、总体要求" would read as "总体要求" and the structure parser would lose
the heading, so the label is computed the way Word counts: per list instance (numId), a level's
counter restarting when a shallower level advances. Bullets are not labels and are left out.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (as headings print them)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else chinese_number(rest))
        if 10 <= rest < 20:
            tail = "一" + tail
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, …
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str | None:
    """The counter in Word's numFmt; None for bullets and formats not drawn as text."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= 20 else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" else str(n)
    return None


class Numbering:
    """Labels for numbered paragraphs of one document, in reading order."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            abstract[node.get(f"{_W}abstractNumId")] = _levels(node)
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            levels = dict(abstract.get(ref.get(f"{_W}val"), {}))
            for override in num.iterchildren(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"), 0)
                start = override.find(f"{_W}startOverride")
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels.update(_levels_of([lvl]))
                elif start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start.get(f"{_W}val"), 1))
            self.levels[num.get(f"{_W}numId")] = levels

    def label(self, paragraph: Any) -> str:
        """The number Word would draw before `paragraph` ("" when it has none)."""
        num_pr = _num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or ilvl > 8:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        for shallower in range(ilvl):  # a level first used below an unnumbered parent
            if counters[shallower] == 0 and shallower in levels:
                counters[shallower] = levels[shallower][2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        text = levels[ilvl][1]
        for level in range(8, -1, -1):
            placeholder = f"%{level + 1}"
            if placeholder not in text:
                continue
            fmt = levels.get(level, ("decimal", "", 1))[0]
            rendered = format_number(counters[level], fmt)
            if rendered is None:
                return ""
            text = text.replace(placeholder, rendered)
        return text


def _levels(abstract_num: Any) -> dict[int, tuple[str, str, int]]:
    return _levels_of(abstract_num.iterchildren(f"{_W}lvl"))


def _levels_of(nodes: Any) -> dict[int, tuple[str, str, int]]:
    levels: dict[int, tuple[str, str, int]] = {}
    for lvl in nodes:
        fmt_node = lvl.find(f"{_W}numFmt")
        text_node = lvl.find(f"{_W}lvlText")
        start_node = lvl.find(f"{_W}start")
        fmt = fmt_node.get(f"{_W}val") if fmt_node is not None else "decimal"
        text = text_node.get(f"{_W}val") if text_node is not None else ""
        start = _int(start_node.get(f"{_W}val"), 1) if start_node is not None else 1
        if fmt == "bullet" or fmt == "none":
            text = ""
        levels[_int(lvl.get(f"{_W}ilvl"), 0)] = (fmt, text or "", start)
    return levels


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """numId and level of a paragraph, from its own properties or else its style's."""
    for owner in (paragraph._p, _style_element(paragraph)):
        ppr = owner.find(f"{_W}pPr") if owner is not None else None
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        if num_id is None:
            continue
        value = num_id.get(f"{_W}val")
        if value in (None, "0"):  # numId 0 switches numbering off
            return None
        return value, _int(ilvl.get(f"{_W}val") if ilvl is not None else None, 0)
    return None


def _style_element(paragraph: Any) -> Any:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        return None
    return style.element if style is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value or ""), 10000))
    except ValueError:
        return default
