"""Numbers with units as printed in Chinese policy text: the low-level half of figure extraction.

`find_quantities` scans one piece of text and yields every number that carries a unit, with the exact
span as printed. It knows nothing about metrics or kinds; `indicators.py` adds those.

Decisions (documented here because the tests and the dev set follow them):
- Only numbers with a unit are figures. Years, dates, document numbers (372号), ordinals (第8位),
  codes and model names next to Latin letters (M5, SL03, 18MW级), slogans joined by "+" ("1+6"),
  fractions (1/4) are not. A range ("3-5家", "2至3个") is one figure: the upper bound, with the
  printed range kept as its qualifier; year and month ranges (2021-2030年, 1-9月) have no unit.
- Durations and ages (3个月, 2小时, 40岁, 两年) are not figures: their units are not in the list.
  "N个方面" counts the parts of a text, not a result, and is skipped; so is a count of articles
  that gives a document's structure ("分7章共35条", "本办法共二十条").
- A threshold used as an attribute ("50亿元以上先进制造业项目") is not a figure; "增长10%以上，" is,
  and so is a count before its noun ("实施10个以上省级示范项目").
- Chinese numerals count only when they carry a place value and a digit ("三十五家", "一千二百名"):
  a lone "三大领域", "五个片区", "十个产业方向" is rhetoric, and official statistics use Arabic digits.
- Full-width digits and signs are read as half-width; the span keeps the printed characters.
- Numbers with more than 12 integer digits (ID numbers, garbage) are not figures, so values stay finite.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

# One character in, one character out: positions in the translated text are positions in the source.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－−﹣／（）",
    "0123456789.%+---/()",
)

# Longest first so that "万平方米" wins over "万" and "个百分点" over "个".
_BASE_UNITS: tuple[str, ...] = (
    "个百分点",
    "百分点",
    "家(次)",
    "台/套",
    "台(套)",
    "平方米",
    "平方公里",
    "立方米",
    "千瓦时",
    "蒸吨",
    "架次",
    "公顷",
    "毫米",
    "厘米",
    "公里",
    "千米",
    "人次",
    "场次",
    "人年",
    "只",
    "户次",
    "件次",
    "美元",
    "元",
    "家",
    "项",
    "个",
    "人",
    "名",
    "位",
    "篇",
    "台",
    "套",
    "支",
    "所",
    "条",
    "次",
    "件",
    "款",
    "座",
    "场",
    "类",
    "户",
    "辆",
    "亩",
    "吨",
    "斤",
    "头",
    "处",
    "份",
    "米",
    "株",
    "部",
    "批",
    "期",
    "种",
    "倍",
    "千瓦",
    "兆瓦",
)
# Units that are words on their own and would also match inside ordinary text after a number.
_MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
}

_WORD_UNITS = frozenset({"千瓦", "千米", "兆瓦", "个百分点", "百分点"})
_MAGNITUDES_LONGEST_FIRST = sorted(_MAGNITUDES, key=len, reverse=True)
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_BASE_UNITS, key=len, reverse=True))
_MAG_ALT = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))

# A number starts where no digit, dot or Latin letter precedes it; possessive quantifiers keep a
# megabyte of digits linear.
# The lookahead (a unit or magnitude must follow) leaves years, dates and codes to the C scanner,
# and rules out numbers glued to a letter or a sign after them (18MW, 1e30, 1+6).
# (The first lookahead names the characters a match can open with: sre then rejects every other
# position with one test, not with the lookbehind and the sign.)
_ARABIC = re.compile(
    r"(?=[0-9+-])(?<![0-9A-Za-z.])([+-]?)([0-9]++(?:,[0-9]{3})*+(?:\.[0-9]++)?)"
    rf"(?=(?:{_MAG_ALT})?(?:余|多)?(?:{_MAG_ALT})?(?:{_UNIT_ALT}|%|‰)|(?:{_MAG_ALT}))"
)
# Matches wherever find_quantities could find something (a superset), on the untranslated text:
# a digit or numeral followed by a character that can open a magnitude, 余/多, or a unit. One
# character class per position keeps the scan fast on long runs of digits.
_UNIT_OPENERS = "".join(sorted({u[0] for u in (*_BASE_UNITS, *_MAGNITUDES)} | set("余多%％‰")))
_HINT = re.compile(rf"[0-9０-９一二两三四五六七八九十百千万亿零〇](?=[{re.escape(_UNIT_OPENERS)}])")
# The unit is required here so that "千瓦" is read as a unit, not as the magnitude 千 before 瓦.
_AFTER = re.compile(
    rf"(?P<mag1>{_MAG_ALT})?(?P<approx>余|多)?(?P<mag2>{_MAG_ALT})?(?P<unit>{_UNIT_ALT}|%|‰)"
)
# "投入达100亿以上,": 以上/以下/左右 may stand between a bare magnitude and the end of its clause
_BARE_MAGNITUDE = re.compile(rf"(?P<mag>{_MAG_ALT})(?=(?:以上|以下|左右)?(?![\u4e00-\u9fff]))")
# one numeral character, then the rest: a pattern that opens with a repeat is tried at every
# position, one that opens with a class is found by sre's scan for its characters
_CN_NUMERAL = re.compile(
    r"[零〇一二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]{1,11}+"
)
_CN_HAS_DIGIT = re.compile(r"[一二两三四五六七八九]")
_CN_HAS_PLACE = re.compile(r"[十百千万亿]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile("[0-9]")

# Units after which these words turn the count into a duration or a text structure.
_UNIT_FOLLOWERS_REJECT: dict[str, tuple[str, ...]] = {
    "个": ("月", "工作日", "小时", "星期", "方面"),
    "期": ("间",),
    "批": ("次",),
    "部": ("分",),  # "5部分": the parts of a text
}


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as printed; `start`/`end` index the text that was scanned."""

    start: int
    end: int
    value: float
    unit: str
    approx: str | None  # 余 / 多 printed between number and unit
    trailing: str | None  # 以上 / 以下 / 左右 printed after the unit
    negative_sign: bool
    range_text: str | None = None  # "3-5" for "3-5家": the value is the upper bound
    # "20152.06%": a year whose 年 was lost, glued onto the rate after it; `start` is the rate's
    glued_year: int | None = None


_NEEDS_HALFWIDTH = re.compile("[０-９．％＋－−﹣／（）]")


def may_hold_quantities(text: str) -> bool:
    """False when `find_quantities` is sure to find nothing: a cheap first look at a sentence."""
    return _HINT.search(text) is not None


def to_halfwidth(text: str) -> str:
    """Full-width digits, dot, percent and signs as ASCII; same length as the input."""
    # translate() is slow on CJK text; most sentences have nothing to translate
    return text.translate(_FULLWIDTH) if _NEEDS_HALFWIDTH.search(text) else text


def parse_number(digits: str) -> float | None:
    """A printed Arabic number ("1,234.5") as a finite float, or None when it is not a plausible figure."""
    plain = digits.replace(",", "")
    integer = plain.split(".", 1)[0]
    if len(integer) > 12:
        return None
    value = float(plain)
    return value if math.isfinite(value) else None


@functools.lru_cache(maxsize=4096)
def parse_chinese_number(text: str) -> float | None:
    """A Chinese numeral ("一千二百") as a float, or None when cn2an cannot read it."""
    import cn2an  # deferred: a 0.2-0.4 s import that most documents never need

    try:
        value = cn2an.cn2an(text, "normal")
    except (
        Exception
    ):  # cn2an raises assorted errors on odd sequences; any of them means "not a number"
        return None
    number = float(value)
    return number if math.isfinite(number) else None


_TRAILING = re.compile(r"以上|以下|左右|之多")


def _unit_rejected(unit: str, text: str, end: int) -> bool:
    followers = _UNIT_FOLLOWERS_REJECT.get(unit)
    return bool(followers) and any(text.startswith(f, end) for f in followers or ())


def _read_unit(text: str, pos: int) -> tuple[str, float, str | None, int] | None:
    """Unit printed at `pos`: (unit as written without 余/多, magnitude factor, approx, end)."""
    m = _AFTER.match(text, pos)
    if m is None:
        # A bare magnitude ("超119亿") counts only before a non-Chinese character, not inside a word
        # ("5万人计划" has its unit; "3万元" too; "119亿标识" does not count).
        bare = _BARE_MAGNITUDE.match(text, pos)
        if bare is None:
            return None
        magnitude = bare.group("mag")
        return magnitude, _MAGNITUDES[magnitude], None, bare.end()
    mag1, approx, mag2, unit = m.group("mag1"), m.group("approx"), m.group("mag2"), m.group("unit")
    if mag1 and mag2:
        return None
    magnitude = mag1 or mag2 or ""
    if _unit_rejected(unit, text, m.end()):
        return None
    factor = _MAGNITUDES.get(magnitude, 1.0)
    return magnitude + unit, factor, approx, m.end()


# The lower bound of a range right before a number: "3-5家", "2至3个"; not a year or a code.
_RANGE_JOINERS = frozenset("-~～—至")
_RANGE_LOW = re.compile(r"(?<![0-9A-Za-z.+/第])[0-9]{1,6}(?:\.[0-9]+)?(?:-|~|～|—|至)$")


def _blocked_before(text: str, start: int) -> bool:
    """Ordinals, fractions and slogans: the characters before a number rule it out."""
    if start == 0:
        return False
    before = text[start - 1]
    if before in "第/+×*#№":
        return True
    # "〔2019〕62号" and "(2021-2030年)" ranges: the lower bound of a range has no unit of its own
    return before == "-" and start > 1 and text[start - 2].isdigit()


# A document's structure, not a figure: "分7章共35条", "全文共5部分20条", "本办法共二十条"
_STRUCTURE_UNITS = frozenset(("条", "款", "节"))
_STRUCTURE_BEFORE = re.compile(
    r"(?:[0-9一二三四五六七八九十]+\s*(?:章|节|个?部分)|全文|本(?:办法|细则|规定|方案|意见|措施|条例|政策|通知))"
    r"[，,、]?\s*(?:共|计|合计|共计)?\s*$"
)


# A page's visit counter, not a figure: "更新时间:2023-01-28 点击次数:31640次", "浏览量：1200"
_PAGE_COUNTER = re.compile(r"(?:点击|浏览|访问|阅读)(?:次数|量|数)\s*[:：]?\s*$")


def _structure_count(half: str, start: int, unit: str) -> bool:
    """Whether the count at `start` numbers a document's articles ("分7章共35条")."""
    return unit in _STRUCTURE_UNITS and bool(
        _STRUCTURE_BEFORE.search(half, max(0, start - 12), start)
    )


# "实施10个以上省级示范项目": a count with 以上 before its noun is still a figure
_COUNTS = frozenset("家项个人名位篇台套支所条次件款座场类种户辆株部批期处份")


def _trailing_at(text: str, pos: int, unit: str = "") -> tuple[str | None, int]:
    m = _TRAILING.match(text, pos)
    if m is None:
        return None, pos
    word = m.group()
    nxt = text[m.end() : m.end() + 1]
    if (
        word in ("以上", "以下")
        and nxt
        and nxt != "的"
        and _HAN.match(nxt)
        and unit[-1:] not in _COUNTS
    ):
        # "50亿元以上先进制造业项目": a threshold describing the things counted, not a figure;
        # "投入1000万元以上的企业" is one (an eligibility threshold, kind provision)
        return "attributive", m.end()
    return word, m.end()


# A rate whose digits open on a year: "20152.06%" is "2015" (its 年 lost in copying) glued onto
# "2.06%". No rate of these documents runs into five digits, and the rest is a rate of its own.
_GLUED_YEAR = re.compile(r"((?:19[5-9]|20[0-9])[0-9])((?:[1-9][0-9]?|100|0(?=\.))(?:\.[0-9]+)?)")
_RATES = frozenset(("%", "‰", "个百分点", "百分点"))


def _glued_year(digits: str, unit: str) -> tuple[int, float] | None:
    """(year, rate) when `digits` printed before a rate are a year glued onto the rate."""
    if unit not in _RATES or "," in digits:
        return None
    m = _GLUED_YEAR.fullmatch(digits)
    if m is None or float(m.group(2)) > 100:
        return None
    return int(m.group(1)), float(m.group(2))


def find_quantities(text: str) -> Iterator[Quantity]:
    """Every number with a unit in `text`, in order. Linear in the length of the text."""
    half = to_halfwidth(text)
    # a number starts at its first digit or the sign before it; the pattern opens with a
    # lookbehind, so sre would try it at every character before (and a third of the sentences
    # hold only Chinese numerals)
    digit = _DIGIT.search(half)
    for m in _ARABIC.finditer(half, max(0, digit.start() - 1) if digit else len(half)):
        sign, digits = m.group(1), m.group(2)
        start = m.start(2)
        # "新培育3-5家": one figure, the upper bound, with the printed range as its qualifier
        low = None
        if start and not sign and half[start - 1] in _RANGE_JOINERS:
            low = _RANGE_LOW.search(half, max(0, start - 16), start)
        if low is None and _blocked_before(half, m.start()):
            continue
        read = _read_unit(half, m.end())
        if read is None:
            continue
        unit, _factor, approx, end = read
        if _structure_count(half, start, unit) or _PAGE_COUNTER.search(
            half, max(0, start - 8), start
        ):
            continue
        value = parse_number(digits)
        if value is None:
            continue
        trailing, t_end = _trailing_at(half, end, unit)
        if trailing == "attributive":
            continue
        glued = _glued_year(digits, unit) if not (sign or low) else None
        if glued is not None:
            yield Quantity(
                start=start + 4,
                end=t_end if trailing else end,
                value=glued[1],
                unit=unit,
                approx=approx,
                trailing=trailing,
                negative_sign=False,
                glued_year=glued[0],
            )
            continue
        yield Quantity(
            start=low.start() if low else m.start(),
            end=t_end if trailing else end,
            value=-value if sign == "-" else value,
            unit=unit,
            approx=approx,
            trailing=trailing,
            negative_sign=sign == "-",
            range_text=text[low.start() : m.end()] if low else None,
        )
    yield from _chinese_quantities(half)


def _chinese_quantities(half: str) -> Iterator[Quantity]:
    for m in _CN_NUMERAL.finditer(half):
        span = m.group()
        if not (_CN_HAS_DIGIT.search(span) and _CN_HAS_PLACE.search(span)):
            continue
        if m.start() > 0 and half[m.start() - 1] in "第数几每":
            continue
        read = _read_unit(half, m.end())
        if read is None or read[0] in _MAGNITUDES:
            continue
        unit, _factor, approx, end = read
        if _structure_count(half, m.start(), unit):
            continue
        value = parse_chinese_number(span)
        if value is None:
            continue
        trailing, t_end = _trailing_at(half, end)
        if trailing == "attributive":
            continue
        yield Quantity(m.start(), t_end if trailing else end, value, unit, approx, trailing, False)


def normalize(value: float, unit: str) -> tuple[float, str] | None:
    """Value in the base unit (亿元 -> 元, 万家 -> 家), or None when the unit has no magnitude.

    A bare magnitude ("超119亿") is not normalised: the text does not say 119亿 of what.
    """
    scale = _unit_scale(unit)
    if scale is None:
        return None
    scaled = value * scale[0]
    return (scaled, scale[1]) if math.isfinite(scaled) else None


@functools.lru_cache(maxsize=256)
def _unit_scale(unit: str) -> tuple[float, str] | None:
    if unit in _WORD_UNITS:
        return None  # 千瓦 is its own unit, not a thousand 瓦
    for mag in _MAGNITUDES_LONGEST_FIRST:
        if unit.startswith(mag) and len(unit) > len(mag):
            return _MAGNITUDES[mag], unit[len(mag) :]
    return None
