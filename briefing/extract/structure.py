"""Sections, paragraphs and sentences of a document body.

Headings are recognised by their marker: 一、 (level 1), (一)/（一） (level 2), 1./1．/1、 (level 3),
(1)/（1） (level 4); regulations and long reports add 第一章/第一部分 above them (level 0). A heading is a whole short line, or the first sentence of a paragraph that opens
with a marker (the rest of the paragraph is body text of that section); a numbered line whose
first sentence states a figure ("(1)新增高新技术企业100家。") is an item of a list, not a heading. 一是/二是… open enumeration
items, which are sentences, not sections. All matching is by compiled regexes over single lines, so
the work is linear in the text.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from briefing.extract.numbers import find_quantities, may_hold_quantities
from briefing.model import Paragraph, Section, Sentence, Structure
from briefing.readers import limits

MAX_HEADING_CHARS = 60

# a table row printed on one line, opening on its number and a space (33 新培育科技型中小企业50家以上…
# 区科技局 … 2023年12月底): a row of its own, never the rest of the row before, whose last cell
# (a deadline, a unit's name) does not end like a sentence. Not a figure with a space before its
# unit (35 亿元, 2023 年).
ROW_NUMBER = re.compile(
    r"\d{1,3}[ \t\u3000]+"
    r"(?![亿万千百十元个家项人名件次倍年月日天所座条批台套户吨米亩岁周期届位篇股支只款余多份种类级场辆处间点分]"
    r")(?=[\u4e00-\u9fff])"
)
# --- inline normalisation -------------------------------------------------------------------------

_WS_RUN = re.compile(r"\s+")
# After runs are collapsed to one space: a space beside a CJK character, any non-ASCII symbol or
# ASCII punctuation goes. Single spaces only, so the alternation cannot backtrack.
_WIDE = r"[\u2000-\U0010ffff!-/:-@\[-`{-~]"
# Written to start with the literal space, so the engine scans for spaces instead of trying two
# lookarounds at every character.
_SPACE_BY_WIDE = re.compile(rf" (?:(?<={_WIDE} )|(?={_WIDE}))")


def normalize_inline(text: str) -> str:
    """Remove line breaks and whitespace runs next to CJK characters or punctuation.

    Other whitespace runs (between Latin letters or digits) become one space; the ends are stripped.
    Sentence, measure and indicator texts are substrings of `normalize_inline(body)`.
    """
    return _drop_wide_spaces(_WS_RUN.sub(" ", text))


def _drop_wide_spaces(collapsed: str) -> str:
    """`normalize_inline` of a line whose whitespace runs are already single spaces."""
    if " " not in collapsed:
        return collapsed
    return _SPACE_BY_WIDE.sub("", collapsed).strip()


# whitespace runs inside lines: collapsed over the whole body at once, one pass instead of one per line
_WS_RUN_IN_LINE = re.compile(r"[^\S\n]+")
# a whitespace character the collapse changes even alone: neither a space nor a line break
_ODD_SPACE = re.compile(r"[^\S\n ]")


def _collapse_in_lines(text: str) -> str:
    """Each whitespace run inside a line as one space. Most bodies hold single spaces and line
    breaks only, which the substitution would copy unchanged at twice the cost of telling so."""
    if "  " not in text and _ODD_SPACE.search(text) is None:
        return text
    return _WS_RUN_IN_LINE.sub(" ", text)


def normalize_lines(lines: list[str]) -> list[str]:
    """`normalize_inline` of each line (lines hold no line break), with one pattern pass for all."""
    if not lines:
        return []
    collapsed = _collapse_in_lines("\n".join(lines))
    return [_drop_wide_spaces(line) for line in collapsed.split("\n")]


# --- headings --------------------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"(?P<l0>第[{_CN}百零〇\d]{{1,4}}(?:章|部分))"
    rf"|(?P<l1>[{_CN}]{{1,3}}[、．.])"
    rf"|(?P<l2>[(（][{_CN}]{{1,3}}[)）]、?)"
    r"|(?P<l3>\d{1,2}[.．、](?![\d.．、]))"
    r"|(?P<l4>[(（]\d{1,2}[)）])"
)
_LEVELS = {"l0": 0, "l1": 1, "l2": 2, "l3": 3, "l4": 4}
_HEADING_END = re.compile(r"[。！？!?]")
_HEADING_COLON = re.compile(r"[:：]")
MAX_COLON_HEADING = 30
_HEADING_TRIM = "。：:；;，,、 "
# The text after a marker must start like a title, not like the rest of a number or a clause.
_BAD_TITLE_START = set("，,。、；;：:%％)）.．")


@dataclass(frozen=True)
class _Heading:
    section: Section
    rest: str  # body text that follows the heading sentence on the same line


# An unnumbered line can be a heading too ("过去五年工作回顾", "2024年工作安排"): short, no sentence or
# field punctuation, no figures but a year, and worded like a review or task part.
MAX_UNNUMBERED_HEADING = 30
_NOT_A_TITLE_CHARS = re.compile(r"[。，,；;：:！？!?>|/<=\s\d]")
_YEAR = re.compile(r"20\d\d年")


def _unnumbered_heading(line: str) -> _Heading | None:
    if not 4 <= len(line) <= MAX_UNNUMBERED_HEADING:
        return None
    if _NOT_A_TITLE_CHARS.search(_YEAR.sub("年", line)) is not None:
        return None
    from briefing.extract.status import heading_kind  # status needs no structure: no cycle

    verdict = heading_kind(line)
    if verdict is None or not verdict.strong:
        return None
    return _Heading(Section(level=0, number="", title=line, heading=line), "")


def _match_heading(line: str) -> _Heading | None:
    m = _MARKER.match(line)
    if m is None or m.lastgroup is None:
        return _unnumbered_heading(line)
    rest = line[m.end() :]
    if not rest or rest[0] in _BAD_TITLE_START:
        return None
    end = _HEADING_END.search(rest)
    colon = _HEADING_COLON.search(rest, 0, MAX_COLON_HEADING + 1)
    if colon is not None and (end is None or colon.start() < end.start()):
        end = colon  # "(一)指导思想：坚持…。" is headed by 指导思想
    head, tail = (rest, "") if end is None else (rest[: end.start()], rest[end.end() :])
    title = head.strip(_HEADING_TRIM)
    if not title or len(title) > MAX_HEADING_CHARS:
        return None
    if may_hold_quantities(title) and next(find_quantities(title), None) is not None:
        # "(1)新增高新技术企业100家以上。", "2.研发投入强度达到2.5%": a numbered line that states a
        # figure is an item of a list; a title names a part, it does not count
        return None
    number = m.group(0)
    section = Section(
        level=_LEVELS[m.lastgroup], number=number, title=title, heading=number + title
    )
    return _Heading(section, tail.lstrip(_HEADING_TRIM))


# --- sentences -------------------------------------------------------------------------------------

# (a mark, then any more: a pattern that opens with a class is found by sre's scan for its
# characters, one that opens with a repeat is tried at every position)
_SENTENCE_END = re.compile(r"[。！？!?][。！？!?]*[”’」』)）]*")
_LEAD_TRIM = " ,，、;；:："
_HAS_WORD = re.compile(r"[^\W_]")
_ENUMERATOR = re.compile(
    rf"[{_CN}]{{1,3}}是|其[{_CN}]{{1,2}}(?=[,，、:：])|第[{_CN}]{{1,3}}(?=[,，、:：])"
)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one normalised paragraph, split at 。！？!? (doubled marks give no empty one)."""
    sentences: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        _append_sentence(sentences, paragraph[start : m.end()])
        start = m.end()
    _append_sentence(sentences, paragraph[start:])
    return sentences


def _append_sentence(sentences: list[str], piece: str) -> None:
    piece = piece.lstrip(_LEAD_TRIM).rstrip()
    if piece and _HAS_WORD.search(piece):
        sentences.append(piece)


def enumerator_of(sentence: str) -> str | None:
    """一是/二是…, 其一, 第一 when `sentence` opens an enumeration item."""
    m = _ENUMERATOR.match(sentence)
    return m.group(0) if m else None


# --- structure -------------------------------------------------------------------------------------


def parse_structure(body: str) -> Structure:
    """Parse headings, paragraphs and sentences. Never raises on any text."""
    structure = Structure()
    stack: list[Section] = []
    path: tuple[str, ...] = ()
    pending_marker = ""
    for collapsed in _collapse_in_lines(body).split("\n"):
        # a table row's number (33 新培育…) is no part of its text
        line = _drop_wide_spaces(
            collapsed[row.end() :] if (row := ROW_NUMBER.match(collapsed)) else collapsed
        )
        if not line:
            continue
        if _MARKER.fullmatch(line):
            # a marker alone on its line ("(一)" then the title below, as PDF dumps print it)
            pending_marker += line
            continue
        line, pending_marker = pending_marker + line, ""
        heading = _match_heading(line)
        if heading is not None:
            while stack and stack[-1].level >= heading.section.level:
                stack.pop()
            stack.append(heading.section)
            path = tuple(s.heading for s in stack)
            structure.sections.append(heading.section)
            line = heading.rest
            if not line:
                continue
        _add_paragraph(structure, line, path)
    if pending_marker:
        _add_paragraph(structure, pending_marker, path)
    return structure


def bound_sentences(structure: Structure) -> list[str]:
    """Keep the sentences the extraction can afford (`readers.limits`): drop one too long or
    holding too many figures to be prose, and cut after `MAX_SENTENCES`; the kept sentences
    are numbered anew. Returns the warnings (without the file name). A document within the
    limits, every real one, is left as it was."""
    kept: list[Sentence] = []
    long: list[Sentence] = []
    crowded: list[Sentence] = []
    for sentence in structure.sentences:
        if len(kept) == limits.MAX_SENTENCES:
            break
        if len(sentence.text) > limits.MAX_SENTENCE_CHARS:
            long.append(sentence)
        elif _too_many_figures(sentence.text, limits.MAX_SENTENCE_FIGURES):
            crowded.append(sentence)
        else:
            kept.append(sentence)
    warnings: list[str] = []
    if long:
        warnings.append(
            f"第 {long[0].paragraph + 1} 段有一句长达 {len(long[0].text)} 字（中间没有句号），"
            f"超过 {limits.MAX_SENTENCE_CHARS} 字的上限"
            + (f"（这样的句子共 {len(long)} 句）" if len(long) > 1 else "")
            + "，像是表格或乱码，未从中提取措施和数据"
        )
    if crowded:
        warnings.append(
            f"第 {crowded[0].paragraph + 1} 段有一句含 {limits.MAX_SENTENCE_FIGURES} 个以上"
            "带单位的数字"
            + (f"（这样的句子共 {len(crowded)} 句）" if len(crowded) > 1 else "")
            + "，像是表格或乱码，未从中提取措施和数据"
        )
    read = len(kept) + len(long) + len(crowded)
    if read < len(structure.sentences):
        warnings.append(
            f"句子数超过 {limits.MAX_SENTENCES} 句的上限，第 {read + 1} 句起未提取措施和数据"
        )
    if warnings:
        structure.sentences = [
            dataclasses.replace(sentence, index=index) for index, sentence in enumerate(kept)
        ]
    return warnings


def _too_many_figures(text: str, limit: int) -> bool:
    # every figure takes at least two characters (a digit and its unit)
    if len(text) <= 2 * limit or not may_hold_quantities(text):
        return False
    return sum(1 for _ in itertools.islice(find_quantities(text), limit + 1)) > limit


def _add_paragraph(structure: Structure, text: str, path: tuple[str, ...]) -> None:
    p_index = len(structure.paragraphs)
    structure.paragraphs.append(Paragraph(text=text, section=path, index=p_index))
    for sentence in split_sentences(text):
        structure.sentences.append(
            Sentence(
                text=sentence,
                section=path,
                paragraph=p_index,
                index=len(structure.sentences),
                enumerator=enumerator_of(sentence),
            )
        )
