"""`briefing themes` and `briefing explain`: look inside the theme lexicon and the classifier.

The two functions behind those commands, called by `cli.py` (which declares the options and imports
this module only when one of them runs). This is CLI code, so it prints; the work is done by
`briefing.themes` and `briefing.extract.measures`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import typer

from briefing.cli_help import say as _say
from briefing.errors import BriefingError
from briefing.extract.measures import (
    TASK_CELL,
    document_context,
    glossary_title,
    in_document,
    locate_in_document,
    not_a_measure,
    problems_paragraph_opening,
    status_reasons,
)
from briefing.extract.numbers import find_quantities
from briefing.extract.script import is_traditional, to_simplified
from briefing.extract.status import (
    BASIS_LABELS,
    GENRE_LABELS,
    GENRE_ROLES,
    Decision,
    DocContext,
    decide,
    summary_topic,
)
from briefing.inputs import terminal_text
from briefing.themes import DOCUMENT_ANCHOR, OTHER_THEME, Classifier, Lexicon, load_lexicon

EXIT_FAILED = 1

_STATUS_LABEL = {"done": "done（已完成）", "planned": "planned（计划）"}


def _load(config: Path | None) -> Lexicon:
    try:
        return load_lexicon(config)
    except BriefingError as exc:
        typer.echo(terminal_text(f"错误：{exc}"), err=True)
        raise typer.Exit(EXIT_FAILED) from None


def _fmt(weight: float) -> str:
    return f"{weight:g}"


def themes(config: Path | None = None) -> None:
    """列出主题及其关键词、权重和否定语境。"""
    lexicon = _load(config)
    _say(f"主题词表：{'；'.join(lexicon.sources)}")
    _say(f"词表指纹：{lexicon.sha256[:16]}")
    _say(
        f"归类阈值：{_fmt(lexicon.threshold)}　主导比：{_fmt(lexicon.dominance)}"
        f"　长句字数：{_fmt(lexicon.long_sentence)}"
    )
    if lexicon.global_exclude:
        _say(f"通用否定语境：{'、'.join(lexicon.global_exclude)}")
    if lexicon.global_clauses:
        _say(
            f"通用否定分句（分句中有这些词时，该分句不计任何主题）：{'、'.join(lexicon.global_clauses)}"
        )
    if lexicon.anchors:
        _say(f"科技锚点：{'、'.join(lexicon.anchors)}")
    classifier = Classifier(lexicon)
    if classifier.model is not None:
        decided = "、".join(classifier.model_themes) or "无"
        off = [t for t in classifier.model.themes if t not in classifier.model_themes]
        note = f"（用户词表替换了{'、'.join(off)}，该主题只按规则）" if off else ""
        _say(
            f"学习模型：最后判定 {decided}{note}；概率阈值 {classifier.model.threshold:g}，"
            f"模型指纹 {classifier.model.sha256[:16]}"
        )
    for name, spec in lexicon.specs.items():
        _say("")
        _say(f"【{name}】{spec.description}")
        strong = [t for t, w in spec.weights.items() if w >= lexicon.threshold]
        weak = [f"{t}({_fmt(w)})" for t, w in spec.weights.items() if w < lexicon.threshold]
        _say(f"  关键词（{len(strong)}）：{'、'.join(strong) or '无'}")
        if weak:
            _say(f"  弱提示词（只为同主题关键词加分，不能单独归类）：{'、'.join(weak)}")
        if spec.anchored:
            anchored = [t for t in spec.weights if t in spec.anchored]
            _say(f"  须有科技锚点才计分：{'、'.join(anchored)}")
        if spec.exclude:
            _say(f"  否定语境：{'、'.join(spec.exclude)}")
        if spec.clauses:
            _say(
                f"  否定分句（分句的同一并列项中有这些词时，其中须有锚点的泛用词不计本主题）：{'、'.join(spec.clauses)}"
            )


@dataclass
class _Context:
    """Where the sentence sits: given by options, or found in a document."""

    sentence: str
    section: tuple[str, ...] = ()
    doc: DocContext = field(default_factory=DocContext)
    decision: Decision | None = None  # the document's own decision, with its passage rules
    anchor: str = ""  # the section and item titles the theme rules may look at
    note: str = ""
    title: str | None = None  # the document's title, given or found
    items: tuple[str, ...] = ()  # the lead of the item the sentence sits in (一是…), when found
    document: bool = False  # the document is about science and technology throughout
    main: tuple[str, list[str]] | None = None  # the document's main theme and its evidence
    problems: str = ""  # the problem statement opening the sentence's paragraph, when not found
    glossary: str = ""  # the title of the glossary (名词注释) the sentence sits in, when not found


_FINAL_MARKS = "。！？!?；;：:…”’」）)"


def _as_sentence(typed: str, classifier: Classifier) -> str:
    """A sentence typed without its final 。 (explain "发放知识价值信用贷款12亿元"), read as one when
    it prints a figure or names a theme's term: extraction takes a short line without punctuation
    for a signature or footer, which such a line is not (a typed 联系人：张三 or date stays one)."""
    if not typed or typed[-1] in _FINAL_MARKS:
        return typed
    if next(find_quantities(typed), None) is None and not classifier.classify(typed).matches:
        return typed
    return typed + "。"


def _context(
    sentence: str,
    section: list[str] | None,
    title: str | None,
    date: str | None,
    doc: Path | None,
    classifier: Classifier,
) -> _Context:
    given = tuple(section or ())
    if doc is None:
        ctx = document_context(title, None, date) if (title or date) else DocContext()
        return _Context(
            _as_sentence(sentence, classifier),
            given,
            ctx,
            anchor=(title or "") + "".join(given),
            title=title,
        )
    try:
        found = locate_in_document(doc, sentence, classifier)
    except BriefingError as exc:
        typer.echo(terminal_text(f"错误：{exc}"), err=True)
        raise typer.Exit(EXIT_FAILED) from None
    if found is None:
        ctx = document_context(title, None, date) if (title or date) else DocContext()
        # a sentence left out (with its paragraph of problems, as a proposal's account…) is in the
        # document, just not a measure
        problems = problems_paragraph_opening(doc, sentence) or ""
        glossary = glossary_title(doc, sentence) or ""
        found_text = bool(problems) or bool(glossary) or in_document(doc, sentence)
        where = "找到了这句话，但它不在抽取结果中" if found_text else "没有找到这句话"
        return _Context(
            _as_sentence(sentence, classifier),
            given,
            ctx,
            anchor=(title or "") + "".join(given),
            note=f"在 {doc} 中{where}，按句子本身解释",
            title=title,
            problems=problems,
            glossary=glossary,
        )
    return _Context(
        found.text,
        found.section,
        found.context,
        found.decision,
        anchor=found.anchor,
        note=f"在 {doc} 中找到：{found.text}" if found.text != sentence else "",
        title=found.title,
        items=found.items,
        document=found.document,
        main=found.main,
    )


def explain(
    sentence: str,
    config: Path | None = None,
    section: list[str] | None = None,
    title: str | None = None,
    date: str | None = None,
    doc: Path | None = None,
) -> None:
    """解释一个句子如何归类：命中词及位置、权重、被排除的词及原因、最终主题，以及状态由体裁、章节还是语气决定。"""
    if is_traditional("".join([sentence, title or "", *(section or [])])):
        # read as a page in traditional characters is read (briefing.extract.script)
        sentence = to_simplified(sentence)
        title = title and to_simplified(title)
        section = [to_simplified(h) for h in section or []]
    lexicon = _load(config)
    classifier = Classifier(lexicon)
    where = _context(sentence, section, title, date, doc, classifier)
    if where.note:
        _say(where.note)
    sentence = where.sentence
    result = classifier.classify(sentence, anchor=where.anchor, document=where.document)
    _say(f"句子：{sentence}")
    _say("命中的词：")
    if not result.matches:
        _say("  （无）")
    for m in result.matches:
        weights = "，".join(f"{t} +{_fmt(w)}" for t, w in m.weights.items())
        if m.anchor == DOCUMENT_ANCHOR:
            anchor = "（科技锚点：文件中过半措施讲科技，全文都算有锚点）"
        else:
            anchor = f"（科技锚点“{m.anchor}”）" if m.anchor else ""
        _say(f"  [{m.start}-{m.end}] “{m.term}”  {weights}{anchor}")
    if result.suppressed:
        _say("未计入的词：")
        for s in result.suppressed:
            _say(f"  [{s.start}-{s.end}] “{s.term}”（{'、'.join(s.themes)}）：{s.reason}")
    _say(f"主题得分（阈值 {_fmt(lexicon.threshold)}）：")
    if not result.scores:
        _say("  （无）")
    for name, score in result.scores.items():
        verdict = "归入" if name in result.themes else result.dropped.get(name, "未达阈值")
        _say(f"  {name}：{_fmt(score)}　{verdict}")
    if result.themes:
        rule_themes, rule_evidence = result.themes, result.evidence
        _say(f"规则判定：{_verdict(rule_themes, rule_evidence)}")
    else:
        rule_themes, rule_evidence, why = _inherited(classifier, where)
        _say(f"规则判定：{_verdict(rule_themes, rule_evidence)}{why}")
    _explain_model(classifier, where, rule_themes, rule_evidence)
    _explain_status(where)
    _explain_years(where, doc, date, classifier)


_KIND_LABEL = {
    "actual": "实际",
    "growth": "增速",
    "change": "增减",
    "target": "目标",
    "provision": "政策规定",
}


def _explain_years(
    where: _Context, doc: Path | None, date: str | None, classifier: Classifier
) -> None:
    """The sentence's figures, each with its year and where the year came from: from the whole
    document when the sentence was found in it (its paragraph, section and title frame the year),
    else from the sentence alone with the --section, --title and --date given."""
    from briefing.extract.indicators import extract_indicators
    from briefing.extract.structure import normalize_inline
    from briefing.model import Indicator, Measure, Sentence, Structure

    origins: dict[str, str] = {}
    scope_origins: dict[str, str] = {}
    kind_origins: dict[str, str] = {}
    found: list[Indicator] = []
    dropped: list[str] = []
    if doc is not None and where.decision is not None:
        from briefing.pipeline import extract_document
        from briefing.readers import read_file

        wanted = normalize_inline(where.sentence)
        for raw in read_file(doc, str(doc)):
            sentence_of: dict[str, int] = {}
            extracted = extract_document(
                raw, classifier, origins, sentence_of, scope_origins, kind_origins
            )
            # the figures cut from the sentence found (under its headings), not every figure whose
            # words it repeats: "新增高新技术企业15家" of a plan is not the summary's above it
            located = {
                s.index
                for s in extracted.structure.sentences
                if s.section == where.section and (s.text in wanted or wanted in s.text)
            }
            found = [i for i in extracted.indicators if sentence_of.get(i.id) in located]
            # the figures of the sentence read and dropped, with why ("舍去数据“…”：…")
            texts = [s.text for s in extracted.structure.sentences if s.index in located]
            dropped = [
                n
                for n in extracted.notes
                if (quote := _quoted(n)) is not None and any(quote in t for t in texts)
            ]
            if found or dropped:
                break
    else:
        sentence = Sentence(text=where.sentence, section=where.section, paragraph=0, index=0)
        # the status printed above decides whether its figures are targets, as in a build
        decision = where.decision or decide(where.sentence, where.section, where.doc)
        measure = Measure("m-0", where.sentence, where.section, decision.status)
        found = extract_indicators(
            "0" * 64,
            Structure(sentences=[sentence]),
            date,
            None,
            where.title,
            [measure],
            year_origins=origins,
            scope_origins=scope_origins,
            dropped=dropped,
            kind_origins=kind_origins,
        )
    if not found and not dropped:
        return
    _say("数据：")
    for ind in found:
        year = f"{ind.year}年" if ind.year is not None else "无年份"
        _say(
            f"  {ind.text}　{_fmt(ind.value)}{ind.unit}（{_KIND_LABEL.get(ind.kind, ind.kind)}）"
            f"　{year}　年份来自：{origins.get(ind.id, '—')}"
            f"　{ind.scope or '无范围'}　范围来自：{scope_origins.get(ind.id, '—')}"
            f"　类型依据：{kind_origins.get(ind.id, '—')}"
        )
    for note in dropped:
        _say(f"  {note}")


_DROPPED = re.compile(r"^舍去数据“(.+?)”：")


def _quoted(note: str) -> str | None:
    """The quote of a dropped figure's note, None for any other note."""
    m = _DROPPED.match(note)
    return m.group(1) if m else None


def _verdict(themes: Sequence[str], evidence: dict[str, list[str]]) -> str:
    if not themes:
        return f"{OTHER_THEME}（未归入任何主题）"
    return "；".join(f"{t}（依据：{'、'.join(evidence.get(t, []))}）" for t in themes)


def _inherited(
    classifier: Classifier, where: _Context
) -> tuple[list[str], dict[str, list[str]], str]:
    """The rules' themes for a sentence that names no theme, with their evidence and why:
    extraction gives it its item lead's themes, else the one theme its document's title names,
    else the document's main theme, else none."""
    for item in where.items:
        themes, evidence = classifier.themes_of(item, where.anchor, where.document)
        if themes:
            return themes, evidence, f"——句中没有主题词，沿用所在条目“{item}”的主题"
    themes, evidence = classifier.title_themes(where.title)
    if themes:
        return (
            themes[:1],
            {themes[0]: evidence.get(themes[0], [])},
            f"——句中没有主题词，沿用文件标题“{where.title}”的主题（标题只涉及这一个主题）",
        )
    if where.main is not None:
        theme, cited = where.main
        return (
            [theme],
            {theme: list(cited)},
            f"——句中没有主题词，沿用全文的主要主题（过半措施归入{theme}，其他主题都不到它的一半）",
        )
    return [], {}, ""


def _explain_model(
    classifier: Classifier,
    where: _Context,
    rule_themes: list[str],
    rule_evidence: dict[str, list[str]],
) -> None:
    """The learned model's say (`briefing.theme_model`): its probability per theme with the
    features that weighed most, and the final themes with who decided them."""
    verdict = classifier.model_verdict(where.sentence, where.section, rule_themes, rule_evidence)
    themes, evidence = classifier.refine(where.sentence, where.section, rule_themes, rule_evidence)
    if verdict is None or classifier.model is None:
        _say(f"最终主题：{_verdict(themes, evidence)}（未使用学习模型，由规则决定）")
        return
    threshold = classifier.model.threshold
    _say(f"学习模型（概率达到 {threshold:g} 即归入；只判定默认主题）：")
    for theme in classifier.model_themes:
        p = verdict.probabilities[theme]
        reasons = "，".join(f"{what} {w:+.1f}" for what, w in verdict.reasons[theme])
        _say(f"  {theme}：{p:.2f}　{'归入' if p >= threshold else '不归入'}　模型依据：{reasons}")
    added = [t for t in themes if t not in rule_themes]
    removed = [t for t in rule_themes if t not in themes]
    if added or removed:
        changes = "；".join(
            part
            for part in (
                f"加入{'、'.join(added)}" if added else "",
                f"去掉{'、'.join(removed)}" if removed else "",
            )
            if part
        )
        who = f"学习模型改判规则的结论（{changes}）"
    else:
        who = "学习模型与规则一致"
    _say(f"最终主题：{_verdict(themes, evidence)}——{who}")


def _explain_status(where: _Context) -> None:
    mood = where.decision.mood if where.decision is not None else None
    # a table's task cell is printed like a signature (short, no punctuation) and is a measure
    task_cell = mood is not None and mood.template == TASK_CELL
    excluded = (
        None if task_cell else not_a_measure(where.sentence, where.doc.genre, where.doc.greeting)
    )
    if excluded is None and where.problems:
        excluded = (
            f"所在段落以问题陈述开头（“{where.problems[:30]}…”），段内各句陈述的是问题，不是措施"
        )
    if excluded is None and where.glossary:
        excluded = f"位于名词注释部分（“{where.glossary[:30]}”），是对正文用语的解释，不是措施"
    if excluded is not None:
        _say(f"不计为措施：{excluded}（简报和抽取结果中不会出现）")
    decision = where.decision or decide(where.sentence, where.section, where.doc)
    _say(f"状态：{_STATUS_LABEL[decision.status]}")
    _say(f"  决定因素：{BASIS_LABELS[decision.basis]}——{decision.reason}")
    ctx = where.doc
    if ctx.genre != "unknown":
        _say(f"  文件体裁：{GENRE_LABELS[ctx.genre]}（{ctx.genre_cue}）")
    else:
        _say("  文件体裁：未识别（可用 --title 或 --doc 给出）")
    _say(f"  体裁规则：{GENRE_ROLES[ctx.genre].reads}")
    verdict = decision.section
    if verdict is not None:
        kind = "任务部分" if verdict.kind == "tasks" else "回顾部分"
        strength = "" if verdict.strong else "，弱提示"
        _say(f"  所在章节：{verdict.heading}——{kind}（“{verdict.cue}”{strength}）")
    elif (topic := summary_topic(where.section, ctx.heading_year, ctx.genre)) is not None:
        # 二、扎实推进“十五五”规划编制: the heading names a later period, but its drafting
        why = (
            "讲的是规划的编制，汇报已做的工作"
            if topic.cue[:1] == "十"
            else "没有下一步、打算或以后的年份"
        )
        _say(
            f"  所在章节：{topic.heading}——{GENRE_LABELS[ctx.genre]}里只说主题（“{topic.cue}”），"
            f"{why}，不算任务部分"
        )
    elif where.section:
        _say(f"  所在章节：{' > '.join(where.section)}——标题中没有回顾或任务的标记")
    else:
        _say("  所在章节：未给出（可用 --section 或 --doc 给出）")
    reasons = status_reasons(where.sentence, ctx)
    if reasons:
        _say(f"  句子语气：{'；'.join(reasons)}")
    else:
        _say("  句子语气：句中没有计划或完成的标记")
