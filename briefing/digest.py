"""The words of the 简报 beyond the highlights: the written 本期要点 and a gist per document.

Both are template sentences filled from facts the briefing already holds (counts, the picked
highlights, a document's header and opening), so the same inputs always give the same words. A figure
is only ever quoted from a cleaned highlight, whose numbers are the document's own, and is followed by
its citation [n]; the counts the tool computed (文件5份, 措施266条) carry none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.extract.status import detect_genre
from briefing.model import ExtractedDocument, Paragraph, Structure
from briefing.wording import (
    CONCRETE_RE,
    NAMED_RE,
    QUANTITY_RE,
    balance_marks,
    clean_sentence,
    substance,
    unsuitable,
)

KIND_LABELS: dict[str, str] = {
    "reply": "建议提案答复",
    "report": "工作报告",
    "summary": "工作总结",
    "plan": "政策规划",
    "news": "新闻报道",
    "statistics": "统计公报",
}
"""How the 本期要点 counts documents of each genre (unknown ones are 其他文件)."""

_OPENING_LINES = 12
_OPENING_CHARS = 1500


def document_kind(doc: ExtractedDocument) -> str:
    """The document's genre (`briefing.extract.status.Genre`): from its header's 体裁分类 (政协提案办理),
    its title's head noun, else cues in its opening lines."""
    meta = doc.metadata
    if meta.genre and re.search(r"建议|提案|议案", meta.genre) and "办理" in meta.genre:
        return "reply"
    lines = [line.strip() for line in doc.body[:_OPENING_CHARS].splitlines() if line.strip()]
    opening = Structure(
        paragraphs=[
            Paragraph(text=t, section=(), index=i) for i, t in enumerate(lines[:_OPENING_LINES])
        ]
    )
    title = None if meta.title_derived else meta.title
    return detect_genre(title, opening).genre


# --- replies to 建议 and 提案 -------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    kind: str  # 建议 (人大代表) or 提案 (政协委员)
    number: str  # 第0942号, or "" when the text gives none
    title: str  # 关于…的建议, or ""
    proposer: str  # 郎平权代表, 市社科联, or ""
    result: str  # A类, 已采纳…, or "" when the text does not say


_NUMBER_RE = re.compile(r"第\s*([0-9０-９]{1,9})\s*号")
_PROPOSAL_TITLE_RE = re.compile(r"[《“]((?:关于)[^《》“”]{2,80}?(?:建议|提案|议案))[》”]")
_LOOSE_TITLE_RE = re.compile(r"(?:提出的|所提)[《“]?(关于[^《》“”。]{2,80}?(?:建议|提案|议案))")
# a 人大 site's form: 建议标题: | 关于…的建议 |
_LABELLED_TITLE_RE = re.compile(
    r"(?:建议|提案)(?:标题|题目|名称)[:：|｜\s]*(关于[^|｜\n]{2,80}?(?:建议|提案))"
)
_RESULT_CLASS_RE = re.compile(
    r"(?:办理结果|答复类别|办理类别|类别|标注为|列为|属于|此件为|本件为)[为是：:\s]*([ABC])\s*类"
)
_RESULT_WORD_RE = re.compile(
    r"(?:建议|提案|意见|问题)?(?:已|已经|已被)(?:基本)?(采纳|解决|落实)"
    r"|(正在解决|列入计划(?:逐步)?解决|留作参考|作为参考)"
)
_SALUTATION_RE = re.compile(r"^(?:尊敬的)?(.{2,30}?(?:代表|委员|代表们|委员们))[:：]")


def proposal_of(doc: ExtractedDocument) -> Proposal:
    """What a reply answers: the proposal's number, title, who made it and the handling result,
    as far as the text says."""
    meta = doc.metadata
    title = meta.title or ""
    head = doc.body[:_OPENING_CHARS]
    genre = meta.genre or ""
    both = f"{title} {genre} {head[:300]}"
    if "提案" in both or "政协" in both or "委员" in (meta.addressee or ""):
        kind = "提案"
    elif "议案" in both:
        kind = "议案"
    else:
        kind = "建议"
    number = ""
    for text in (title, head):
        if m := _NUMBER_RE.search(text):
            number = f"第{m.group(1)}号"
            break
    found = (
        _PROPOSAL_TITLE_RE.search(head)
        or _LOOSE_TITLE_RE.search(head)
        or _LABELLED_TITLE_RE.search(f"{title}\n{head}")
    )
    proposal_title = found.group(1) if found else ""
    proposer = (meta.addressee or "").removeprefix("尊敬的").strip()
    if not proposer:
        for line in head.splitlines()[:30]:
            if m := _SALUTATION_RE.match(line.strip()):
                proposer = m.group(1)
                break
    result = ""
    if m := _RESULT_CLASS_RE.search(doc.body):
        result = f"{m.group(1)}类"
    elif m := _RESULT_WORD_RE.search(doc.body):
        result = "已" + m.group(1) if m.group(1) else m.group(2)
    return Proposal(kind, number, proposal_title, proposer, result)


# --- facts: the parts of a highlight a summary quotes -----------------------------------------------

_CLAUSE_RE = re.compile(r"[，；。！？]")
_BIG_RE = re.compile(r"\d\s*亿")
_MIDDLE_RE = re.compile(r"\d\s*(?:万|%|％)")
_RESULT_WORD_RE_ = re.compile(r"新增|新引进|新培育|累计|达到|突破|超过|增长|实现|完成")
# a clause that holds only a date (2023年, 到2025年, 截至2023年底): it dates the clause after it
_DATE_ONLY_RE = re.compile(
    r"^(?:到|至|截至|截止|从|自)?\d{4}(?:[-—至]\d{4})?年(?:\d{1,2}月)?(?:底|末|以来|上半年|前)?$"
)
# a clause that leans on the one before for its subject: 确保年均增长10%以上, 增长37.2%
_LEANING_RE = re.compile(
    r"^(?:确保|力争|同比|比上年|较上年|较去年|增长|分别|其中|占|达到|达|共计|合计)"
)
# a clause that says why or on what basis, not what: 为强化…, 按照《…》, 结合工作职能职责
_LEAD_IN_RE = re.compile(
    r"^(?:我局|我厅|我委|我市|我省|我区|我们)?(?:为了?|按照|根据|依据|结合|围绕|聚焦|立足|针对|通过|坚持|在)"
)
# an opening clause worth keeping before the figures: an action on a named thing
_ACTION_RE = re.compile(r"启动|实施|设立|组建|出台|印发|建成|获批|举办|成立|开展")


def _weight(clause: str) -> int:
    """How much a clause's figure says: amounts in 亿 above 万 and rates, above counts; a result
    word (新增, 累计, 达到) adds one."""
    unit = 3 if _BIG_RE.search(clause) else 2 if _MIDDLE_RE.search(clause) else 1
    return unit + (1 if _RESULT_WORD_RE_.search(clause) else 0)


def fact(text: str, limit: int = 60) -> str:
    """The part of a cleaned sentence a summary quotes, without final punctuation: its first clause
    with a figure (where the subject usually stands) and the weightiest other one, in their order,
    within about `limit` characters, each with the date clause or subject clause it leans on; an
    opening action on a named thing (启动实施“新凤人才”计划) when it fits. A sentence without figures
    gives its first clause."""
    clauses = [c for c in _CLAUSE_RE.split(text) if c]
    with_figures = [i for i, c in enumerate(clauses) if QUANTITY_RE.search(c)]
    if not with_figures:
        # the first clause that does something (not 为…/按照…/结合…), else the first
        doing = [c for c in clauses if not _LEAD_IN_RE.match(c)]
        # an action on something named (率先组建市委人才科技委员会) before a stated aim (构建…格局)
        concrete = [c for c in doing if CONCRETE_RE.search(c) or NAMED_RE.search(c)]
        return balance_marks((concrete or doing or clauses or [""])[0])
    chosen = _with_support(clauses, with_figures[0])
    for i in sorted(with_figures[1:], key=lambda i: (-_weight(clauses[i]), i)):
        wanted = _with_support(clauses, i)
        if _length(clauses, chosen | wanted) <= limit:
            chosen |= wanted
            break
    first = clauses[0]
    if (
        0 not in chosen
        and _ACTION_RE.search(first)
        and not QUANTITY_RE.search(first)
        and _length(clauses, chosen | {0}) <= limit + 20
    ):
        chosen.add(0)
    return balance_marks("，".join(clauses[i] for i in sorted(chosen)))


def _with_support(clauses: Sequence[str], i: int) -> set[int]:
    """Clause `i` with the one before it when that dates it (到2025年) or it leans on it for a
    subject (确保年均增长10%以上)."""
    if i > 0 and (_DATE_ONLY_RE.match(clauses[i - 1]) or _LEANING_RE.match(clauses[i])):
        return {i - 1, i}
    return {i}


def _length(clauses: Sequence[str], indices: set[int]) -> int:
    return sum(len(clauses[i]) + 1 for i in indices)


# --- 本期要点 -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """A highlight as the summary sees it: its cleaned text, citation, source and score."""

    text: str
    cite: str
    source_no: int
    score: int


@dataclass(frozen=True)
class ThemeFacts:
    name: str
    measure_count: int
    progress: Sequence[Cited]
    plans: Sequence[Cited]


def theme_sentence(theme: ThemeFacts) -> str:
    """成果转化方面，<fact>[3]；<fact>[5]。 — the theme's two best results from two documents when
    it has results, else its best plan."""
    if theme.progress:
        # results that count something first: a summary line without a figure says little
        counted = sorted(theme.progress, key=lambda c: not QUANTITY_RE.search(c.text))
        picked = _spread(counted, 2)
        facts = "；".join(f"{fact(c.text)}{c.cite}" for c in picked)
        return f"{theme.name}方面，{facts}。"
    if theme.plans:
        best = theme.plans[0]
        return f"{theme.name}方面，以工作安排为主：{fact(best.text)}{best.cite}。"
    return f"{theme.name}方面，梳理措施{theme.measure_count}条。"


def _spread(items: Sequence[Cited], n: int) -> list[Cited]:
    """The first `n` of `items`, from different documents where they allow."""
    chosen: list[Cited] = []
    for item in items:
        if len(chosen) < n and all(c.source_no != item.source_no for c in chosen):
            chosen.append(item)
    for item in items:
        if len(chosen) < n and item not in chosen:
            chosen.append(item)
    return chosen


def digest_lines(
    *,
    counts: Mapping[str, int],
    kinds: Sequence[str],
    themes: Sequence[ThemeFacts],
    coverage: str = "",
) -> list[str]:
    """本期要点: three to six sentences; `kinds` are the documents' `KIND_LABELS`. The documents and measures counted (by genre), then the
    biggest themes' results (up to four themes; with more, three and a sentence naming the rest), then
    the best plans. `coverage` (本期新增…) ends the first sentence when the period is dated."""
    if not counts.get("documents"):
        return ["本期无新增文件。"]
    by_kind: dict[str, int] = {}
    for label in kinds:
        by_kind[label] = by_kind.get(label, 0) + 1
    order = [*KIND_LABELS.values(), "其他文件"]
    kind_text = "、".join(f"{k}{by_kind[k]}份" for k in order if k in by_kind)
    first = (
        f"本期收录文件{counts['documents']}份"
        + (f"（{kind_text}）" if len(by_kind) > 1 else "")
        + f"，梳理政策措施{counts['measures']}条，其中工作进展{counts['done']}条、"
        f"工作计划{counts['planned']}条" + (f"；{coverage.rstrip('。')}" if coverage else "") + "。"
    )
    lines = [first]
    ranked = sorted(themes, key=lambda t: -t.measure_count)
    ranked = [t for t in ranked if t.measure_count > 0]
    shown = ranked if len(ranked) <= 4 else ranked[:3]
    lines += [theme_sentence(t) for t in shown]
    rest = ranked[len(shown) :]
    if rest:
        names = "、".join(t.name for t in rest)
        numbers = "、".join(f"{t.measure_count}条" for t in rest)
        lines.append(f"此外，{names}方面{'分别' if len(rest) > 1 else ''}梳理措施{numbers}。")
    plans = sorted((p for t in themes for p in t.plans[:1]), key=lambda p: (-p.score, p.source_no))
    if plans:
        picked = _spread(plans, 2)
        lines.append("下一步，" + "；".join(f"{fact(p.text)}{p.cite}" for p in picked) + "。")
    return lines


# --- a gist per document ------------------------------------------------------------------------------


def strongest_measures(doc: ExtractedDocument, n: int = 2) -> list[str]:
    """The document's `n` most substantial measures (results and plans alike), as short facts.

    Only the dozen best by a rough score (figures, a quoted name, a result) are cleaned and scored:
    a year's build holds thousands of documents."""
    figures: dict[str, int] = {}
    for ind in doc.indicators:
        if ind.measure_id:
            figures[ind.measure_id] = figures.get(ind.measure_id, 0) + 1
    rough = sorted(
        (
            0 if m.themes else 1,
            -(
                2 * min(figures.get(m.id, 0), 3)
                + (m.status == "done")
                + 2 * ("《" in m.text or "“" in m.text)
            ),
            position,
        )
        for position, m in enumerate(doc.measures)
        if m.duplicate_of is None
    )
    scored: list[tuple[int, int, int, str]] = []
    for _, _, position in rough[:12]:
        m = doc.measures[position]
        text = clean_sentence(m.text)
        if not text or unsuitable(text) is not None:
            continue
        # a measure of one of the briefing's themes is what its readers follow: those come first
        score = substance(text, figures.get(m.id, 0), m.status == "done")
        scored.append((0 if m.themes else 1, -score, position, text))
    scored.sort()
    return [fact(text) for *_, text in scored[:n]]


def gist(
    kind: str,
    proposal: Proposal | None,
    measure_count: int,
    publisher: str,
    date_cn: str,
    key_measures: Sequence[str],
) -> str:
    """One or two sentences on a document. A reply: what it answers (number, title, who made it), the
    handling result when the text says, how many measures. Others: who issued it and when, how many
    measures, its two strongest ones."""
    if kind == "reply" and proposal is not None:
        who = f"{proposal.proposer}提出的" if proposal.proposer else ""
        what = proposal.number + proposal.kind if proposal.number else proposal.kind
        title = f"《{proposal.title}》" if proposal.title else ""
        result = f"，办理结果：{proposal.result}" if proposal.result else ""
        return f"答复{who}{what}{title}{result}，列出措施{measure_count}条。"
    issued = "".join(part for part in (_short_publisher(publisher), date_cn) if part)
    verb = {"news": "报道", "statistics": "发布", "summary": "总结", "report": "报告"}.get(
        kind, "印发"
    )
    opening = f"{issued}{verb}，" if issued else ""
    text = f"{opening}梳理措施{measure_count}条"
    if key_measures:
        text += "，主要有：" + "；".join(key_measures)
    return text + "。"


def _short_publisher(publisher: str) -> str:
    """广西壮族自治区科学技术厅,中国人民银行广西壮族自治区分行,… -> 广西壮族自治区科学技术厅等: a joint
    document's first issuer stands for all."""
    parts = [p for p in re.split(r"[,，、;；\s]+", publisher) if p]
    if len(parts) <= 1:
        return publisher.strip()
    return f"{parts[0]}等"
