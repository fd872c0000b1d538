"""Policy measures: segmentation, status, stable ids, near-duplicate links.

A measure is one policy action or result: usually a sentence, a clause where a semicolon list or an
inline 一是…二是… packs several into one sentence. Headings, salutations, sign-offs and other framing
sentences are not measures. Every measure's text is a slice of a structure sentence (or two adjacent
sentences of one paragraph), so it stays an exact substring of the normalised document text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.model import Measure, Sentence, Status, Structure
from briefing.themes import Classifier

# ---------------------------------------------------------------- patterns

_CN_NUM = "一二三四五六七八九十百零〇"
HEADING_RE = re.compile(
    rf"^(?:[{_CN_NUM}]+[、.．]|[(（][{_CN_NUM}]+[)）]|\d{{1,2}}[.．、](?!\d)|[(（]\d{{1,2}}[)）])"
)
ENUM_RE = re.compile(rf"^(?:[{_CN_NUM}]+是|其[{_CN_NUM}][是，,、：:]?|第[{_CN_NUM}]+[，,、：:])")
_INLINE_ENUM_RE = re.compile(rf"(?<=[，,；;：:])(?=[{_CN_NUM}]+是)")
_ENUM_MARK_RE = re.compile(rf"[{_CN_NUM}]是")
_CLAUSE_SPLIT_RE = re.compile(r"(?<=[；;])")
_NON_CONTENT_RE = re.compile(r"[^\w\u4e00-\u9fff]+")
_CONTENT_RE = re.compile(r"[\w\u4e00-\u9fff]")
_SENTENCE_PUNCT_RE = re.compile(r"[，,。；;！!？?]")
_LEADING_JUNK_RE = re.compile(r"^[\s,，、。；;：:．.!！?？]+")
_QUANTITY_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|亿|万|千|百|家|项|个|人|名|位|篇|台|套|支|所|条|次|元)"
)

# Sentences that frame a document rather than report or announce an action: acknowledgements,
# "answers follow", sign-offs, approval notes, reply slips, the guiding-ideology formula. Two
# patterns: every branch of the first opens with a literal (the regex engine then jumps to its
# first characters), the second holds the cues that open the sentence.
_FRAMING_RE = re.compile(
    r"收悉|如下[。：:]?$|以下(?:工作|意见|几个方面|几点|措施|建议|通知|要求)?[。：:]?$"
    r"|审签|审定签发|回执|现予(?:以)?印发|现印发给你们|请认真(?:贯彻|遵照|抓好)|请遵照执行"
    r"|请结合实际|另行(?:制定|通知|印发)[。.]?$|以.{0,60}为指导"
)
_FRAMING_START_RE = re.compile(
    r"特此|(?:下一步[，,]?)?(?:我们|我市|我局|我委)?(?:将|还将)?(?:认真|深入|全面)?贯彻.{0,60}精神"
)
# Section titles whose sentences state principles, not measures.
_PRINCIPLE_SECTION_RE = re.compile(r"指导思想|基本原则")

_PLANNED_SECTION_RE = re.compile(
    r"下一步|下步|打算|目标|重点任务|主要任务|重点工作|工作计划|工作安排|今后|展望|思路|努力方向"
)
_DONE_SECTION_RE = re.compile(
    r"开展情况|工作情况|进展情况|扶持情况|落实情况|完成情况|办理情况|基本情况|主要做法|主要成效"
    r"|取得.{0,8}(?:成效|成绩|进展|突破|成果)|回顾|总结|成效|完成|亮点|进展"
)
_POLICY_TITLE_RE = re.compile(
    r"(?:意见|方案|规划|办法|通知|措施|细则|计划|纲要|指南|规定|决定|条例|政策|要点)(?:[(（].{0,12}[)）])?$"
)
_POLICY_BODY_RE = re.compile(
    r"现提出(?:以下|如下)意见|现予(?:以)?印发|现印发给你们|特制定本|制定本(?:方案|办法|措施|意见)"
)
_POLICY_HEADING_RE = re.compile(r"总体要求|指导思想|基本原则|保障措施|组织保障|组织实施")

_SUBJECTS = "我们|我市|我局|我委|我区|我县|我省|我厅|我部|我院|本市|市政府|区政府|政府|下一步|今后|还|也|都|均|亦|仍|今年|明年"
_MODAL_AFTER = (
    "进一步|继续|加快|着力|大力|积极|认真|持续|全力|加大|不断|深入|重点|围绕|坚持|按照|以|在|于|全面"
    "|切实|努力|逐步|聚焦|进行|开展|启动|实施|出台|建立|组织|推动|推进|完善|加强|强化|优化|探索|研究"
    "|制定|争取|力争|着眼|立足|会同|联合|充分|更加|适时|尽快|抓紧|统筹|打造|构建|建设|支持|鼓励|引导"
    "|提升|提高|扩大|深化|落实|做好|发挥|举办|召开|设立|成为|达到|实现|形成|迎来"
)
# 将 as a modal verb (我们将…, 将进一步…) marks a plan; 将 + noun + 纳入/作价 is the object marker of a
# past action, so 将 alone never decides.
_MODAL_JIANG_RE = re.compile(rf"(?:{_SUBJECTS})将(?![其该这此])|将(?:{_MODAL_AFTER})")
_PLAN_RE = re.compile(
    r"力争|争取到|(?:^|[，,；;])(?:下一步|今后|明年)|计划(?:于|在|到|用|年内|今年|明年)|(?:^|[，,；;]|我们|我市|我局)(?:计划|拟)(?!上市)"
    r"|拟(?:于|在|对|将|开展|建设|出台|制定|启动|组织|设立)|确保.{0,12}\d"
)
_TARGET_YEAR_RE = re.compile(
    r"(?:^|[，,；;：:]|[一二三四五六七八九十]是)(?:到|至|截至|截止到?)(20\d\d)年"
)


def _after_break(word: str) -> str:
    """`word` at the start or after a clause mark, written word first: (?:^|[，,；;])word."""
    return rf"{word}(?<![^，,；;]{word})"


def _after_break_or_subject(word: str) -> str:
    """(?:^|[，,；;]|我们|我市|我局)word(?!上市), word first."""
    return (
        rf"{word}(?!上市)(?:(?<![^，,；;]{word})|(?<=我们{word})|(?<=我市{word})|(?<=我局{word}))"
    )


# Whether _PLAN_RE matches anywhere, with every branch opening with a literal: the regex engine
# then jumps from one possible first character to the next (8x faster than trying the leading
# (?:^|…) groups at every position). _PLAN_RE itself stays for the matched words it reports.
_PLAN_TEST_RE = re.compile(
    "|".join(
        [
            "力争",
            "争取到",
            *(_after_break(w) for w in ("下一步", "今后", "明年")),
            "计划(?:于|在|到|用|年内|今年|明年)",
            *(_after_break_or_subject(w) for w in ("计划", "拟")),
            "拟(?:于|在|对|将|开展|建设|出台|制定|启动|组织|设立)",
            r"确保.{0,12}\d",
        ]
    )
)
_PAST_RE = re.compile(
    r"累计|截至|截止|已(?:建成|获批|认定|落地|完成|实现|形成|达到|发放|立项|与)|取得了"
)


# A theme-less sentence takes the themes of its enumeration item's lead (一是…); a section heading
# alone is too broad a hint (a 下一步 section's closing sentence is not about its last subsection).
INHERIT_FROM_SECTION = False


@dataclass(frozen=True)
class DocContext:
    """What the status rules need to know about the whole document."""

    policy: bool = False  # a 意见/方案/办法…: its measures are intentions
    year: int | None = None


# ---------------------------------------------------------------- public helpers


def is_policy_document(title: str | None, structure: Structure) -> bool:
    """True for documents whose measures are intentions (指导意见, 实施方案, 管理办法, 通知 …)."""
    if title and _POLICY_TITLE_RE.search(title.strip().rstrip("。")):
        return not re.search(r"复函|答复|报告|总结|情况", title)
    headings = [s.heading for s in structure.sections]
    if sum(1 for h in headings if _POLICY_HEADING_RE.search(h)) >= 2:
        return True
    return any(_POLICY_BODY_RE.search(p.text) for p in structure.paragraphs[:8])


def measure_status(
    text: str,
    section: Sequence[str] = (),
    *,
    context: DocContext | None = None,
    planned_section: bool = False,
) -> Status:
    """done/planned from the sentence, its heading path and the document's genre."""
    ctx = context or DocContext()
    if _sentence_is_planned(text, ctx):
        return "planned"
    if ctx.policy:
        return "done" if _PAST_RE.search(text) else "planned"
    if planned_section:
        return "planned"
    return _section_status(tuple(section))


@functools.lru_cache(maxsize=1024)
def _section_status(section: tuple[str, ...]) -> Status:
    """The innermost heading that speaks decides; every measure of a section asks the same."""
    for heading in reversed(section):
        verdict = heading_status(heading)
        if verdict is not None:
            return verdict
    return "done"


def heading_status(heading: str) -> Status | None:
    """done/planned from a heading's wording; where both cues occur the later one, the head noun
    of a Chinese title, decides (重点工作完成情况 is done, 2024年重点工作 is planned)."""
    planned = [m.end() for m in _PLANNED_SECTION_RE.finditer(heading)]
    done = [m.end() for m in _DONE_SECTION_RE.finditer(heading)]
    if not planned and not done:
        return None
    return "planned" if max(planned, default=-1) > max(done, default=-1) else "done"


def status_reasons(text: str, context: DocContext | None = None) -> list[str]:
    """The sentence-level cues the status rules see, for `briefing explain`."""
    ctx = context or DocContext()
    reasons = [f"“{m.group(0)}”表示计划（情态动词“将”）" for m in _MODAL_JIANG_RE.finditer(text)]
    reasons += [f"“{m.group(0)}”表示计划或目标" for m in _PLAN_RE.finditer(text)]
    for m in _TARGET_YEAR_RE.finditer(text):
        if ctx.year is None or int(m.group(1)) >= ctx.year:
            reasons.append(f"“{m.group(0).lstrip('，,；;：:')}”是目标年份")
    reasons += [f"“{m.group(0)}”表示已完成" for m in _PAST_RE.finditer(text)]
    if "将" in text and not _MODAL_JIANG_RE.search(text):
        reasons.append("“将”在此是宾语标记（将…纳入/作价），不表示计划")
    return reasons


def measure_id(sha256: str, position: int) -> str:
    return f"m-{sha256[:10]}-{position:03d}"


def extract_measures(
    sha256: str,
    structure: Structure,
    classifier: Classifier,
    doc_date: str | None = None,
    title: str | None = None,
) -> list[Measure]:
    """Measures of one document, classified, in document order."""
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    ctx = DocContext(policy=is_policy_document(title, structure), year=year)
    measures: list[Measure] = []
    # an item title or sentence serves several clauses
    contexts: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
    for unit in _units(structure):
        themes, evidence = classifier.themes_of(unit.text)
        for context in unit.context:
            if themes:
                break
            parent = contexts.get(context)
            if parent is None:
                parent = contexts[context] = classifier.themes_of(context)
            if parent[0]:
                # 二是加大科技金融支持力度 gives a theme-less sentence of its item its themes; copies,
                # as the parent's lists serve several clauses
                themes, evidence = list(parent[0]), {k: list(v) for k, v in parent[1].items()}
        measures.append(
            Measure(
                id=measure_id(sha256, len(measures) + 1),
                text=unit.text,
                section=unit.section,
                status=measure_status(
                    unit.text, unit.section, context=ctx, planned_section=unit.planned_section
                ),
                # never shared (an inherited one is a copy): no copy needed
                themes=themes,
                evidence=evidence,
            )
        )
    return measures


def _sentence_is_planned(text: str, ctx: DocContext) -> bool:
    # every 将 pattern holds 将 and every target year 年: most sentences skip those scans
    if ("将" in text and _MODAL_JIANG_RE.search(text)) or _PLAN_TEST_RE.search(text):
        return True
    if "年" not in text:
        return False
    for m in _TARGET_YEAR_RE.finditer(text):
        if ctx.year is None or int(m.group(1)) >= ctx.year:
            return True
    return False


# ---------------------------------------------------------------- segmentation


@dataclass
class _Unit:
    text: str
    section: tuple[str, ...]
    planned_section: bool
    context: tuple[str, ...]  # item title, sentence: where a theme-less measure looks for themes


def _content_len(text: str) -> int:
    return len(_NON_CONTENT_RE.sub("", text))


def is_heading_sentence(text: str) -> bool:
    """A numbered line that names a section: short, no figures (1. lists that hold figures are measures)."""
    m = HEADING_RE.match(text)
    if not m:
        return False
    body = text[m.end() :].rstrip("。.")
    return (
        len(body) <= 40 and not re.search(r"\d", body) and len(re.findall(r"[，,；;]", body)) <= 1
    )


def is_item_title(text: str) -> bool:
    """一是全面对照自查。 — an enumeration item's short title, not yet the action's details."""
    m = ENUM_RE.match(text)
    if not m:
        return False
    body = text[m.end() :].rstrip("。.")
    return 0 < len(body) <= 20 and not re.search(r"[，,；;：:]", body)


def _is_run_in_heading(text: str, sentence: Sentence, previous: Sentence | None) -> bool:
    """创新平台更加完善。 opening a paragraph: an unnumbered run-in heading of what follows."""
    if previous is not None and previous.paragraph == sentence.paragraph:
        return False
    body = text.rstrip("。.")
    return (
        0 < len(body) <= 12
        and text.endswith(("。", "."))
        and not re.search(r"[，,；;：:、\d]", body)
        and not ENUM_RE.match(text)
    )


def is_framing(text: str) -> bool:
    """Salutations, answers-follow lines, sign-offs, approval notes, ideology formulas."""
    stripped = text.strip()
    if _FRAMING_RE.search(stripped) or _FRAMING_START_RE.match(stripped):
        return True
    if len(stripped) <= 30 and not _SENTENCE_PUNCT_RE.search(stripped):
        return True  # signature, date line, page footer: no punctuation, nothing done
    if stripped.endswith((":", "：")) and len(stripped) <= 40:
        return True
    return stripped[:1] in "(（" and stripped[-1:] in ")）" and "。" not in stripped


_JUNK_CHARS = ",，、。；;：:．.!！?？"


def _clean(text: str) -> str:
    if text[:1] in _JUNK_CHARS or text[:1].isspace():  # "" is in every string: no text, no scan
        return _LEADING_JUNK_RE.sub("", text).strip()
    return text.strip()


def _clauses(text: str) -> list[str]:
    """Split a sentence at semicolons and at inline 二是/三是; fragments too short to stand alone stay."""
    # both splits are zero-width patterns tried at every position: run each only where its
    # mark occurs (a semicolon; a numeral before 是)
    pieces = _CLAUSE_SPLIT_RE.split(text) if "；" in text or ";" in text else [text]
    if _ENUM_MARK_RE.search(text):
        parts = [p for piece in pieces for p in _INLINE_ENUM_RE.split(piece) if p]
    else:
        parts = [p for p in pieces if p]
    if len(parts) == 1:  # most sentences: one clause
        return [parts[0].strip()] if _CONTENT_RE.search(parts[0]) else []
    merged: list[str] = []
    for part in parts:
        if merged and (_short_content(part) or _short_content(merged[-1])):
            merged[-1] += part
        else:
            merged.append(part)
    return [p.strip() for p in merged if _CONTENT_RE.search(p)]


def _short_content(text: str) -> bool:
    """Fewer than 8 letters or digits: the length alone often tells."""
    return len(text) < 8 or _content_len(text) < 8


def _own_headings(structure: Structure) -> bool:
    return bool(structure.sections) or any(s.section for s in structure.sentences)


def _units(structure: Structure) -> Iterable[_Unit]:
    sentences = structure.sentences
    given_sections = _own_headings(structure)
    has_headings = given_sections or any(is_heading_sentence(_clean(s.text)) for s in sentences)
    paragraphs = {p.index: p.text for p in structure.paragraphs}
    seen_heading = False
    stack: list[tuple[int, str]] = []  # fallback heading path when the structure gives none
    planned_top: tuple[str, ...] | None = None  # section opened by a 下一步… sentence
    item_title = ""
    item_paragraph = -1
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        text = _clean(sentence.text)
        i += 1
        if _CONTENT_RE.search(text) is None:
            continue
        if is_heading_sentence(text):
            seen_heading = True
            item_title = ""
            if not given_sections:
                level = _heading_level(text)
                stack = [h for h in stack if h[0] < level] + [(level, text)]
            continue
        section = sentence.section if given_sections else tuple(h for _, h in stack)
        if sentence.section:
            seen_heading = True
        if has_headings and not seen_heading and not _QUANTITY_RE.search(text):
            continue  # preamble: addressee, 收悉, 按照…要求 — only quantified results count
        if section and _PRINCIPLE_SECTION_RE.search(section[-1]):
            continue
        top = section[:1]
        if planned_top is not None and planned_top != top:
            planned_top = None
        if text.startswith(("下一步", "今后")):
            planned_top = top
        if is_framing(text):
            continue
        not_framing = text  # checked: a clause that is this whole text needs no second look
        if sentence.paragraph != item_paragraph:
            item_title = ""
        if ENUM_RE.match(text):
            item_paragraph = sentence.paragraph
            item_title = text if is_item_title(text) else ""
        run_in = (
            _is_run_in_heading(text, sentence, sentences[i - 2] if i >= 2 else None)
            and i < len(sentences)
            and len(sentences[i].text) >= 25
            and _content_len(sentences[i].text) >= 25
        )
        if run_in:
            item_paragraph = sentence.paragraph
            item_title = text
        if (is_item_title(text) or run_in) and i < len(sentences):
            nxt = sentences[i]
            nxt_text = _clean(nxt.text)
            joined = text + nxt_text
            if (
                nxt.paragraph == sentence.paragraph
                and nxt_text == nxt.text.strip()
                and not ENUM_RE.match(nxt_text)
                and not is_heading_sentence(nxt_text)
                and not is_framing(nxt_text)
                and (not paragraphs or joined in paragraphs.get(sentence.paragraph, joined))
            ):
                text = joined
                i += 1
        contexts = [item_title] if item_title else []
        if section and INHERIT_FROM_SECTION:
            contexts.append(section[-1])
        clauses = _clauses(text)
        if len(clauses) > 1:
            contexts.append(text)  # a clause cut from a sentence shares the sentence's topic
        for clause in clauses:
            if clause != not_framing and is_framing(clause):
                continue
            yield _Unit(clause, tuple(section), planned_top is not None, tuple(contexts))


def _first_clause(text: str) -> str:
    return re.split(r"[，,；;。]", text, maxsplit=1)[0]


def _heading_level(text: str) -> int:
    if re.match(rf"^[{_CN_NUM}]+[、.．]", text):
        return 1
    if re.match(rf"^[(（][{_CN_NUM}]+[)）]", text):
        return 2
    if re.match(r"^\d", text):
        return 3
    return 4
