"""Checks of user-supplied values, each returning a Chinese problem (or None when the value is fine).

Values are checked once, where they enter (the config file, the command line, a user lexicon),
so that nothing later fails on them with a traceback or writes a file where it should not: a
theme or template name becomes part of a file name, a date becomes a zip timestamp, an issue
number goes into SQLite. The callers add where the value came from (file, key or option).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MIN_YEAR = 1900
MAX_YEAR = 2100

# Characters no file name may hold on some system briefing's output may land on (Windows shares
# included), plus the separators themselves.
_FILE_NAME_FORBIDDEN = '/\\:*?"<>|'
# 255 bytes is the common file name limit; the longest name made from a stem is
# `<stem>-<theme>-2024-01_2024-03.manifest.json`.
MAX_NAME_BYTES = 255
_LONGEST_SUFFIX = "-2024-01_2024-03.manifest.json"
MAX_THEME_CHARS = 30


# Invisible characters that change how a name reads: the bidirectional overrides and isolates
# ("人才\u202excod.exe" shows as "人才exe.docx" in a file manager) and the zero-width marks.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def bad_character(text: str) -> str | None:
    """The first character that has no place in a name or a line of a document: a control
    character, a line or paragraph separator, a lone surrogate (an undecodable byte), a
    non-character, or an invisible direction or zero-width mark; shown escaped (`\\x07`,
    `\\u202e`)."""
    for char in text:
        category = unicodedata.category(char)
        if (
            category in {"Cc", "Cs", "Zl", "Zp"}
            or char in "\ufffe\uffff\ufeff"
            or char in _INVISIBLE
        ):
            return repr(char)[1:-1] if category != "Cs" else f"\\x{ord(char) & 0xFF:02x}"
    return None


def text_problem(text: str, max_chars: int = 200) -> str | None:
    """A short text printed in the briefing (names on the masthead and footer)."""
    char = bad_character(text)
    if char is not None:
        return f"含有控制字符或无效字符 {char}"
    if len(text) > max_chars:
        return f"过长（{len(text)} 个字符，最多 {max_chars} 个）"
    return None


def file_name_part_problem(name: str) -> str | None:
    """A text that becomes part of an output file name (a theme, a template's name)."""
    if not name.strip():
        return "为空"
    char = bad_character(name)
    if char is not None:
        return f"含有控制字符或无效字符 {char}"
    forbidden = [c for c in _FILE_NAME_FORBIDDEN if c in name]
    if forbidden:
        return f"含有不能用于文件名的字符 {' '.join(forbidden)}"
    if name.startswith(".") or name != name.strip():
        return "不能以“.”或空白开头、以空白结尾"
    return None


def theme_name_problem(name: str) -> str | None:
    """A theme's name: a heading in the briefing, and part of a 专题's file names."""
    problem = file_name_part_problem(name)
    if problem is None and len(name) > MAX_THEME_CHARS:
        problem = f"过长（{len(name)} 个字符，最多 {MAX_THEME_CHARS} 个）"
    return problem


def output_name_problem(stem: str, theme: str | None) -> str | None:
    """The longest output file name made from a template's name and a theme is too long."""
    name = f"{stem}-{theme}" if theme else stem
    length = len((name + _LONGEST_SUFFIX).encode("utf-8", "surrogateescape"))
    if length > MAX_NAME_BYTES:
        return f"与主题、期间合成的输出文件名过长（{length} 字节，最多 {MAX_NAME_BYTES} 字节）"
    return None


def year_problem(year: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"年份应在 {MIN_YEAR}–{MAX_YEAR} 之间，实际为 {year}"
    return None


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_problem(value: str) -> str | None:
    """A date written YYYY-MM-DD that exists (no 2024-02-30), in 1900–2100."""
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return f"应为 YYYY-MM-DD 格式的日期，实际为 {value!r}"
    year, month, day = (int(part) for part in match.groups())
    problem = year_problem(year)
    if problem is not None:
        return problem
    try:
        date(year, month, day)
    except ValueError:
        return f"不是有效的日期：{value}（该月没有这一天，或月份不在 1–12 之间）"
    return None


def number_problem(value: int, low: int, high: int) -> str | None:
    if not low <= value <= high:
        return f"应在 {low}–{high} 之间，实际为 {value}"
    return None


def shown(text: str) -> str:
    """`text` with its control and invalid characters escaped, safe to print in one line."""
    if bad_character(text) is None:
        return text
    return "".join(bad_character(c) or c for c in text)
