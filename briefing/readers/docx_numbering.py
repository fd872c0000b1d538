"""Word list numbering rendered as text ("一、", "（二）", "1.").

Auto-numbered headings are not characters in the file: the number lives in numbering.xml and Word
draws it. Without it "一、总体要求" would read as "总体要求" and the structure parser would lose
the heading, so the label is computed the way Word counts: per list instance (numId), a level's
counter restarting when a shallower level advances. Bullets are not labels and are left out.
"""

from __future__ import annotations

from typing import Any

from briefing.readers import limits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_PPR, _NUMPR, _PSTYLE, _VAL = f"{_W}pPr", f"{_W}numPr", f"{_W}pStyle", f"{_W}val"

# A list a paragraph belongs to: (numId, level).
NumRef = tuple[str, int]


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
    """Labels for numbered paragraphs of one document, in reading order.

    `numbering` and `styles` are the roots of numbering.xml and styles.xml (None when the
    document has none). A paragraph's style is resolved the way python-docx does it (its own
    `w:pStyle`, else the default paragraph style), but from a table built once here: a lookup per
    paragraph through the styles part cost milliseconds each, minutes for a long document.
    """

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        # numbering of each paragraph style by id (None: none); other ids mean the default style
        self.style_refs: dict[str, NumRef | None] = {}
        self.default_ref: NumRef | None = None
        if styles is not None:
            self._read_styles(styles)
        if numbering is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in numbering.iterchildren(f"{_W}abstractNum"):
            abstract[node.get(f"{_W}abstractNumId")] = _levels(node)
        for num in numbering.iterchildren(f"{_W}num"):
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

    def _read_styles(self, styles: Any) -> None:
        """The numbering each paragraph style carries, and the default paragraph style's."""
        seen: set[str] = set()
        for style in styles.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            if style.get(f"{_W}type") != "paragraph":
                seen.add(style_id)  # an id of another type resolves to the default style
                continue
            ppr = style.find(_PPR)
            ref = _own_num_pr(ppr)[1] if ppr is not None else None
            # The first style with an id wins, as in python-docx.
            if style_id is not None and style_id not in seen:
                seen.add(style_id)
                self.style_refs[style_id] = ref
            if style.get(f"{_W}default") in ("1", "true", "on"):
                self.default_ref = ref  # the last default in document order counts

    def label(self, paragraph: Any) -> str:
        """The number Word would draw before the `w:p` element `paragraph` ("" when none)."""
        if not self.levels:
            return ""
        num_pr = self._num_pr(paragraph)
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
            if rendered is None or len(rendered) > limits.MAX_LABEL_CHARS:
                return ""
            text = text.replace(placeholder, rendered)
        return text if len(text) <= limits.MAX_LABEL_CHARS else ""

    def _num_pr(self, paragraph: Any) -> NumRef | None:
        """numId and level of a paragraph, from its own properties or else its style's."""
        ppr = paragraph.find(_PPR)
        if ppr is None:
            return self.default_ref
        sets, ref = _own_num_pr(ppr)
        if sets:
            return ref
        style = ppr.find(_PSTYLE)
        style_id = style.get(_VAL) if style is not None else None
        if style_id and style_id in self.style_refs:
            return self.style_refs[style_id]
        return self.default_ref


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
        if fmt == "bullet" or fmt == "none" or len(text or "") > limits.MAX_LABEL_CHARS:
            text = ""  # a level text longer than any label is not drawn (see `label`)
        levels[_int(lvl.get(f"{_W}ilvl"), 0)] = (fmt, text or "", start)
    return levels


def _own_num_pr(ppr: Any) -> tuple[bool, NumRef | None]:
    """Whether the `w:pPr` of a paragraph or style sets numbering (its `w:numPr`), and which
    (None: switched off by numId 0). A numPr without numId sets nothing."""
    num_pr = ppr.find(_NUMPR)
    num_id = num_pr.find(f"{_W}numId") if num_pr is not None else None
    if num_id is None:
        return False, None
    value = num_id.get(_VAL)
    if value in (None, "0"):  # numId 0 switches numbering off
        return True, None
    ilvl = num_pr.find(f"{_W}ilvl")
    return True, (value, _int(ilvl.get(_VAL) if ilvl is not None else None, 0))


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value or ""), 10000))
    except ValueError:
        return default
