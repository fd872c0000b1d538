"""Calendar dates in Chinese policy text, normalised to ISO `YYYY-MM-DD`.

Recognised: 2023-07-27, 2023/7/27, 2023.07.27, 27.07.2023 (day first, as some sites stamp pages),
2023年4月28日 (also 号 and spaces inside),
full-width digits, Chinese numerals (二〇二三年四月二十八日, 二零二三年十二月三十一日, 二OO五年八月三日)
and 元月 for January (二〇二三年元月十日). A year or a month alone is not a date, and impossible
dates (2023-02-30) are skipped. cn2an converts only the numeral spans the pattern matched: run over
whole text it would turn 一带一路 into 1带1路.
"""

from __future__ import annotations

import datetime as _dt
import re

Span = tuple[int, int]

# A span of years ahead (未来5年, 今后三年, 未来3-5年, 未来几年): the status rules read it as a plan's
# time frame, the figure rules as a target's. Written once so the two never disagree.
FUTURE_YEARS = r"(?:未来|今后)[一二三四五六七八九十两几\d]{1,3}(?:[-—~至到][一二三四五六七八九十\d]{1,2})?个?年"

# Full-width digits and separators map one character to one, so spans found in the translated text
# are valid spans of the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
_FULLWIDTH_CHAR = re.compile("[０-９－／．]")

# Typists write the zero of 二〇二三 as 〇, 零, ○, a letter O (either case) or a digit 0 (二OO五, 二00五).
_CN_YEAR_DIGIT = "〇零○ＯOoｏ0一二三四五六七八九"
_CN_SMALL = "一二三四五六七八九十"

# every branch opens with a digit or a Chinese year digit: the lookahead says so first, so that
# sre rejects every other character with one test instead of trying four branches there (4x faster)
_DATE = re.compile(
    rf"(?=[\d{_CN_YEAR_DIGIT}])"
    r"(?:(?<!\d)(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2}|元)\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
    r"|(?<!\d)(?P<y2>\d{4})(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)"
    rf"|(?P<y3>[{_CN_YEAR_DIGIT}]{{4}})\s*年\s*(?P<m3>[{_CN_SMALL}]{{1,2}}|元)\s*月"
    rf"\s*(?P<d3>[{_CN_SMALL}]{{1,3}})\s*[日号]"
    # day.month.year, as some content systems stamp a page ("16.03.2016 16:32")
    r"|(?<![\d.])(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>(?:19|20)\d{2})(?![\d.]))"
)

_YEAR_DIGIT_MAP = str.maketrans(
    {
        "〇": "0",
        "零": "0",
        "○": "0",
        "Ｏ": "0",
        "O": "0",
        "o": "0",
        "ｏ": "0",
        **{c: str(i) for i, c in enumerate("一二三四五六七八九", 1)},
    }
)

MIN_YEAR = 1900
MAX_YEAR = 2100


def _cn_small_number(text: str) -> int | None:
    """二十八 -> 28, 十 -> 10; None when cn2an rejects the numeral."""
    import cn2an  # deferred: a 0.2 s import that most documents never need

    try:
        value = cn2an.cn2an(text, "normal")
    except Exception:  # cn2an raises assorted types on malformed numerals
        return None
    return int(value) if isinstance(value, int | float) else None


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if month is None or day is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _match_to_iso(m: re.Match[str]) -> str | None:
    if m.group("y1"):
        month = 1 if m.group("m1") == "元" else int(m.group("m1"))
        return _iso(int(m.group("y1")), month, int(m.group("d1")))
    if m.group("y2"):
        return _iso(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
    if m.group("y4"):
        return _iso(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
    year = int(m.group("y3").translate(_YEAR_DIGIT_MAP))
    cn_month = 1 if m.group("m3") == "元" else _cn_small_number(m.group("m3"))
    return _iso(year, cn_month, _cn_small_number(m.group("d3")))


def find_dates(text: str) -> list[tuple[Span, str]]:
    """Every valid date in `text`: ((start, end), "YYYY-MM-DD"), in order."""
    found: list[tuple[Span, str]] = []
    # translate() looks up every character (10 µs on a line of text); most lines hold no
    # full-width digit or separator, and one scan tells so
    half = text.translate(_FULLWIDTH) if _FULLWIDTH_CHAR.search(text) else text
    for m in _DATE.finditer(half):
        iso = _match_to_iso(m)
        if iso is not None:
            found.append((m.span(), iso))
    return found


def parse_date(text: str) -> str | None:
    """The first valid date in `text` as ISO `YYYY-MM-DD`, or None (a year or month alone is none)."""
    dates = find_dates(text)
    return dates[0][1] if dates else None
