"""The written 本期要点 and the gist of each document."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from briefing.digest import (
    OTHER_WORK,
    Cited,
    ThemeFacts,
    chart_names,
    digest_lines,
    document_kind,
    fact,
    gist,
    placed,
    proposal_of,
    quote_of,
    says_little,
    section_topics,
    shown_date,
    shown_publisher,
    shown_title,
    strongest_measures,
    theme_part,
    theme_sentence,
    years_covered,
)
from briefing.model import ExtractedDocument, Indicator, Measure, Metadata
from briefing.wording import clean_sentence
from tests.sample_context import real_context

NUMBER = re.compile(r"\d+(?:\.\d+)?")
CITES = re.compile(r"((?:\[\d+\])+)")


def test_seed_digest_is_three_to_six_sentences_in_briefing_voice() -> None:
    digest = real_context()["summary"]["digest"]
    assert 3 <= len(digest) <= 6
    assert digest[0].startswith("本期收录文件5份")
    assert all(line.endswith("。") and line.count("。") == 1 for line in digest)
    themes = [t["name"] for t in real_context()["themes"]]
    assert sum(1 for line in digest if line.startswith(tuple(f"{t}方面" for t in themes))) == 4
    assert digest[-1].startswith("下一步，")


def test_every_figure_in_the_digest_is_in_the_quote_it_cites(
    seed_documents: list[ExtractedDocument],
) -> None:
    context = real_context()
    # the context names a file by its path inside the input folder (the seeds: its name)
    by_name = {Path(d.source).name: d for d in seed_documents}
    documents = {s["no"]: by_name[s["source"]] for s in context["documents"]}
    summary = context["summary"]
    counts = {
        summary["document_count"],
        summary["measure_count"],
        summary["done_count"],
        summary["planned_count"],
        summary["provision_count"],
        summary["planned_count"] - summary["provision_count"],
        context["other_count"],
        summary["themed_count"],
        summary["themed_done_count"],
        summary["themed_provision_count"],
        summary["themed_plan_count"],
        summary["science_other_count"],
        context["other_count"] - summary["science_other_count"],
    } | {t["measure_count"] for t in context["themes"]}
    counts |= {sum(1 for d in context["documents"] if d["kind"] == k) for k in ("建议提案答复",)}
    cited = 0
    for line in summary["digest"]:
        parts = CITES.split(line)
        # parts: text, cites, text, cites, …, text
        for text, cites in zip(parts[0::2], [*parts[1::2], ""], strict=True):
            numbers = NUMBER.findall(text)
            if not cites:
                # the tool's own counts (文件5份, 措施266条) carry no citation
                assert {int(float(n)) for n in numbers} <= counts | {1, 2}, (text, counts)
                continue
            sources = [int(n) for n in re.findall(r"\d+", cites)]
            quotes = [m.text for n in sources for m in documents[n].measures]
            # the year put before a quote (2023年新培育…) is that of its figures, not a figure
            years = {str(i.year) for n in sources for i in documents[n].indicators if i.year}
            numbers = [n for n in numbers if n not in years or f"{n}年" not in text]
            assert any(all(n in q for n in numbers) for q in quotes), text
            cited += len(numbers)
    assert cited >= 10  # the seeds' results are quoted, not just counted


def test_four_themes_are_quoted_and_the_rest_get_no_count_only_sentence() -> None:
    """A sentence that only counts (此外，人才方面梳理措施2条。) tells a leader nothing: beside four
    quoted themes the others are left to the chart and the sections."""

    def theme(name: str, count: int, no: int) -> ThemeFacts:
        done = [Cited(f"新增{name}平台{no}个。", f"[{no}]", no, 5)]
        plans = [Cited(f"力争{name}投入增长{no}%。", f"[{no}]", no, 4)]
        return ThemeFacts(name, count, done, plans)

    names = ("基础研究", "成果转化", "科技金融", "人才", "创新平台", "开放合作")
    lines = digest_lines(
        counts={"documents": 6, "measures": 60, "done": 40, "planned": 20},
        kinds=["工作总结"] * 6,
        themes=[theme(n, 20 - i, i + 1) for i, n in enumerate(names)],
    )
    assert len(lines) == 6
    assert lines[4] == "人才方面，新增人才平台4个[4]。"
    assert not any("梳理措施" in line for line in lines[1:])
    assert lines[1] == "基础研究方面，新增基础研究平台1个[1]。"
    assert lines[5].startswith("下一步，力争基础研究投入增长1%[1]；")


def _counts() -> dict[str, int]:
    return {"documents": 3, "measures": 40, "done": 20, "planned": 20}


def test_a_theme_with_only_weak_results_neither_leads_nor_is_quoted() -> None:
    weak = ThemeFacts(
        "基础研究",
        30,
        [Cited("认真分析研判我区目前情况，做好年报数据工作。", "[1]", 1, 2)],
        [],
    )
    strong = ThemeFacts(
        "科技金融", 10, [Cited("新增境内上市公司17家，居全国首位。", "[2]", 2, 7)], []
    )
    lines = digest_lines(counts=_counts(), kinds=["工作总结"] * 3, themes=[weak, strong])
    assert lines[1] == "科技金融方面，新增境内上市公司17家[2]。"
    assert len(lines) == 2  # no 此外，基础研究方面梳理措施30条。
    assert not any("研判" in line for line in lines)


def test_a_plan_is_quoted_once_and_provisions_are_not_called_next_steps() -> None:
    plan = Cited("力争高新技术企业突破2600家。", "[1]", 1, 6)
    provision = Cited("对新获批的国家实验室基地，给予一次性1000万元资助。", "[2]", 2, 8, True)
    lines = digest_lines(
        counts=_counts(),
        kinds=["工作总结", "政策规划", "工作总结"],
        themes=[
            ThemeFacts("成果转化", 12, [], [plan]),
            ThemeFacts("基础研究", 8, [], [provision]),
            ThemeFacts("人才", 5, [Cited("新引进人才4500人。", "[3]", 3, 6)], [plan]),
        ],
    )
    assert lines[1:] == [
        "人才方面，新引进人才4500人[3]。",
        "成果转化方面，以工作安排为主：力争高新技术企业突破2600家[1]。",
        "基础研究方面，政策明确：对新获批的国家实验室基地，给予一次性1000万元资助[2]。",
    ]


def test_an_empty_issue_says_so() -> None:
    lines = digest_lines(
        counts={"documents": 0, "measures": 0, "done": 0, "planned": 0}, kinds=[], themes=[]
    )
    assert lines == ["本期无新增文件。"]


def test_a_quote_does_not_make_an_approved_thing_the_subject_of_a_later_figure() -> None:
    """Review m, D2: 苏州实验室获批全面展开建设，牵头建设44家全国重点实验室 read as if the lab led the
    44; the province did. An action of the sentence's own subject still opens the quote."""
    text = "西部实验室获批建设，东湖、南山等实验室加快建设，牵头建设30家全国重点实验室。"
    assert fact(text) == "牵头建设30家全国重点实验室"
    assert placed(fact(text), "某某省") == "某某省牵头建设30家全国重点实验室"
    text = "启动实施“青蓝人才”计划，优化人才服务保障，新引进高层次人才200名。"
    assert fact(text) == "启动实施“青蓝人才”计划，新引进高层次人才200名"
    # right before the figure, the approved thing is its subject
    assert fact("西部实验室获批建设，入驻科研团队30个。") == "西部实验室获批建设，入驻科研团队30个"


def test_a_fact_keeps_the_clause_a_figure_leans_on() -> None:
    assert fact("加强统筹协调，建立资金稳定增长机制，确保年均增长10%以上。") == (
        "建立资金稳定增长机制，确保年均增长10%以上"
    )
    assert fact("到2025年，培育科技型企业4.5万家。") == "到2025年，培育科技型企业4.5万家"
    # a short sentence without figures is quoted whole, not cut to its generic first clause
    assert fact("认真分析研判我区目前情况，做好2024年度全社会R&D经费年报数据工作。") == (
        "认真分析研判我区目前情况，做好2024年度全社会R&D经费年报数据工作"
    )
    # a provision keeps whom it is for
    assert (
        fact(
            "支持各类主体与省自然科学基金建立专项联合基金，对投入1000万元以上的企业，"
            "联合资助方可给予基金冠名权，并在项目指南编制中充分听取意见。"
        )
        == "对投入1000万元以上的企业，联合资助方可给予基金冠名权"
    )
    # a cap keeps the grant it limits and whom the grant is for (not "政策明确：最高不超过20万元")
    assert fact(
        "对企业单个专利质押融资补助资金项目，按年度实际付息额给予资金补助，最高不超过20万元。"
    ) == ("对企业单个专利质押融资补助资金项目，按年度实际付息额给予资金补助，最高不超过20万元")
    # a clause adding to the one before (同时…) keeps it
    assert fact(
        "近日，无锡高新区获批全国“十百千万”专项行动首批实施单位，同时入围全国首批10家"
        "科技金融创新服务中心建设试点。"
    ) == (
        "无锡高新区获批全国“十百千万”专项行动首批实施单位，"
        "同时入围全国首批10家科技金融创新服务中心建设试点"
    )
    # a figure's clause from mid-sentence loses the 并 that tied it to the clause before
    assert (
        fact(
            "全市上下聚焦企业创新主体地位持续发力，并以目标任务落实清单的方式提出了38项具体目标任务。"
        )
        == "以目标任务落实清单的方式提出了38项具体目标任务"
    )
    # a condition ending in 的, or the one a per-unit standard leans on, says who gets it (an
    # unseen policy's 本期要点 read '下一步，每家分别给予最高奖励200万元、100万元')
    assert fact("新认定为国家级、省级科技企业孵化器的，每家分别给予最高奖励200万元、100万元。") == (
        "新认定为国家级、省级科技企业孵化器的，每家分别给予最高奖励200万元、100万元"
    )
    assert fact(
        "新通过备案的国家级、省级众创空间或星创天地，每家分别给予最高奖励80万元、40万元。"
    ) == ("新通过备案的国家级、省级众创空间或星创天地，每家分别给予最高奖励80万元、40万元")


def _reply(
    title: str, body: str, addressee: str | None = None, genre: str | None = None
) -> ExtractedDocument:
    return ExtractedDocument(
        source="r.txt",
        sha256="0" * 64,
        format="text",
        metadata=Metadata(title=title, display_title=title, addressee=addressee, genre=genre),
        body=body,
    )


def test_a_reply_names_the_proposal_its_maker_and_the_handling_result() -> None:
    doc = _reply(
        "对省十三届人大五次会议第323号建议的答复函",
        "陈莲代表:\n您提出的《关于支持陕南打造富硒产业发展示范区的建议》收悉。现答复如下:\n"
        "……\n经研究，您的建议已被采纳。",
    )
    found = proposal_of(doc)
    assert (found.kind, found.number, found.proposer) == ("建议", "第323号", "陈莲代表")
    assert found.title == "关于支持陕南打造富硒产业发展示范区的建议"
    assert found.result == "已采纳"
    graded = _reply(
        "关于市政协第十五届一次会议第20230539号提案的答复",
        "尊敬的郝伟委员:\n您提出的“关于立即制订科技创新条例的提案”收悉。\n办理结果：B类",
        genre="政协提案办理",
    )
    found = proposal_of(graded)
    assert (found.kind, found.number, found.proposer, found.result) == (
        "提案",
        "第20230539号",
        "郝伟委员",
        "B类",
    )


def test_a_co_handling_opinion_sent_to_the_lead_office_does_not_call_it_the_proposer() -> None:
    """A 会办意见 is addressed to the office leading the handling (市科技局:); the proposal's
    maker is not named, so the gist names none rather than the office."""
    doc = _reply(
        "",
        "市科技局:\n《关于在粤港澳大湾区科技协同创新态势下,对惠州发展的建议》(建议第20240214号)收悉。"
        "现根据建议内容,结合我局职能,提出以下会办意见:",
        addressee="市科技局",
    )
    found = proposal_of(doc)
    assert found.proposer == ""
    assert gist("reply", found, 9, "", "", []).startswith("答复第20240214号建议《关于在粤港澳")
    society = _reply("", "市社科联:\n你们提出的《关于推进我市创新链的建议》收悉。", "市社科联")
    assert proposal_of(society).proposer == "市社科联"


def test_a_reply_without_measures_says_so_rather_than_counting_none() -> None:
    doc = _reply("", "市社科联:\n你们提出的《关于推进我市创新链的建议》收悉。", "市社科联")
    text = gist("reply", proposal_of(doc), 0, "", "", [])
    assert text == "答复市社科联提出的建议《关于推进我市创新链的建议》，未梳理出政策措施。"


def test_a_report_on_handling_a_deputys_proposal_is_a_reply_to_it() -> None:
    """A 办理情况的报告 sent to the government office answers a deputy's numbered 建议: its gist
    names the deputy (not the office it is sent to) and the 建议, though its opening mentions a
    目录 of 建议提案."""
    doc = _reply(
        "省科技厅关于省十四届人大一次会议第61号建议办理情况的报告",
        "省人民办公厅:\n根据《省人民政府办公厅关于印发2023年重点建议提案目录的通知》要求,"
        "现将我厅对廖丽婷代表提出的第61号建议《关于加大“科技金融”服务科技型企业创新发展的建议》"
        "办理情况报告如下。",
        addressee="省人民办公厅",
    )
    assert document_kind(doc) == "reply"
    found = proposal_of(doc)
    assert (found.kind, found.number, found.proposer) == ("建议", "第61号", "廖丽婷代表")
    assert found.title == "关于加大“科技金融”服务科技型企业创新发展的建议"


def test_a_page_headed_by_the_proposal_it_answers_is_a_reply() -> None:
    doc = _reply(
        "关于积极支持宜宾市申报“国家创新型试点城市”的建议",
        "温政敏代表:\n您好!您提出的《关于积极支持宜宾市申报“国家创新型试点城市》(第94号建议)收悉,"
        "感谢您长期以来对我省科技创新工作的关心。",
    )
    assert document_kind(doc) == "reply"
    found = proposal_of(doc)
    assert (found.number, found.proposer) == ("第94号", "温政敏代表")
    assert found.title == "关于积极支持宜宾市申报“国家创新型试点城市”的建议"
    # a policy proposing something in its title, without acknowledging anyone's, is no reply
    policy = _reply("关于加快科技创新的建议", "为加快科技创新，提出如下建议。")
    assert document_kind(policy) != "reply"


def test_an_untitled_page_of_support_standards_is_a_policy_and_a_task_list_holds_plans() -> None:
    from briefing.digest import holds_provisions
    from briefing.model import Indicator

    def standard(n: int) -> Indicator:
        return Indicator(
            id=f"i{n}", text="给予最高奖励200万元", metric="奖励", value=200.0, unit="万元",
            year=None, kind="provision",
        )  # fmt: skip

    # a policy page whose title the reader lost: its provisions are no next steps
    page = _reply("", "各县(市、区)人民政府:\n为加快科技创新,制定如下政策意见。")
    page.metadata = Metadata(title=None, display_title="无标题")
    page.indicators = [standard(1), standard(2)]
    assert document_kind(page) == "plan"
    assert holds_provisions(page, "plan")
    # a year's 工作要点 is a policy document whose targets are the office's next steps
    tasks = _reply("科技赋能高质量发展“八大行动”2025年工作要点", "一、主要目标")
    assert document_kind(tasks) == "plan"
    assert not holds_provisions(tasks, "plan")
    notice = _reply("关于印发《某市2025年科技工作要点》的通知", "各区科技局:")
    assert not holds_provisions(notice, document_kind(notice))
    action = _reply(
        "海西州人民政府办公室关于印发《科技创新驱动海西州经济社会高质量发展行动方案"
        "(2025—2027年)》的通知",
        "各县人民政府:",
    )
    assert not holds_provisions(action, document_kind(action))
    policy = _reply("某市人民政府关于印发某市科技创新若干政策的通知", "各区人民政府:")
    assert holds_provisions(policy, document_kind(policy))
    # judge s11: a work report's tasks broken down by office are plans, not policy in force
    split = _reply("2023年本部门年度重点工作任务的任务分解", "序号 重点工作任务 主要责任单位")
    assert not holds_provisions(split, "plan")
    assert not holds_provisions(_reply("某区重点工作任务分解表", "序号"), "plan")


def test_an_untitled_page_of_targets_and_numbered_tasks_is_counted_as_a_plan() -> None:
    """A 工作要点 whose page lost its title: its measures are what is to be done, so the 简报
    counts it among the policies and plans, not among 其他文件; a page reporting what was done is
    not made one."""
    from briefing.digest import holds_provisions
    from briefing.model import RawDocument
    from briefing.pipeline import extract_document
    from briefing.themes import Classifier, load_lexicon

    classifier = Classifier(load_lexicon())
    plan = (
        "2025年是“十四五”规划收官之年,全市科技系统要坚持创新驱动,推动高质量发展。\n"
        "一、工作目标\n力争全社会研发经费投入增长10%以上,认定高新技术企业200家。\n"
        "二、重点任务\n(一)强化企业创新主体\n"
        "1.激励企业加强研发。落实研发费用加计扣除政策,对研发投入增长快的企业给予激励补贴。\n"
        "2.提升高校院所投入。支持高校和科研院所围绕产业需求加强基础研究。\n"
        "3.健全多元投入机制。鼓励金融机构创新科技金融产品,新增科技贷款15亿元以上。\n"
    )
    doc = extract_document(RawDocument("p.txt", "text", "0" * 64, plan), classifier)
    assert document_kind(doc) == "plan"
    # its targets and tasks are the office's next steps (下一步安排), not rules in force
    assert not holds_provisions(doc, document_kind(doc))
    done = (
        "全市科技系统推动高质量发展。\n"
        "全年认定高新技术企业210家,同比增长12%。\n"
        "新增科技贷款16亿元。\n"
        "支持高校和科研院所加强基础研究,立项38项。\n"
    )
    page = extract_document(RawDocument("d.txt", "text", "0" * 64, done), classifier)
    assert document_kind(page) != "plan"


def test_an_untitled_notice_sent_to_the_units_is_counted_as_a_plan() -> None:
    """A 公示 or a notice whose page lost its title: it is addressed to 各有关单位, so the 简报
    counts it among the policies and plans, not among 其他文件."""
    from briefing.model import RawDocument
    from briefing.pipeline import extract_document
    from briefing.themes import Classifier, load_lexicon

    text = (
        "各有关单位:\n"
        "为落实《某市高新技术企业扶持办法》的要求,经企业申报、专家评审等程序,现将2024年度某市"
        "高新技术企业拟认定名单予以公示。公示期为7个自然日。\n"
        "公示期间,对名单有异议的单位或个人,可以书面形式向市科技局提出意见。\n"
        "某市科学技术局\n2024年12月23日\n"
    )
    doc = extract_document(RawDocument("g.txt", "text", "0" * 64, text), Classifier(load_lexicon()))
    assert doc.metadata.addressee == "各有关单位"
    assert document_kind(doc) == "plan"


def test_the_first_sentence_counts_a_policys_provisions_apart_from_plans() -> None:
    summary = real_context()["summary"]
    assert summary["themed_provision_count"] > 0  # the seeds' 指导意见
    assert (
        f"（工作进展{summary['themed_done_count']}条、政策规定{summary['themed_provision_count']}条、"
        f"工作计划{summary['themed_plan_count']}条）" in summary["digest"][0]
    )
    assert summary["themed_count"] == sum(
        summary[k] for k in ("themed_done_count", "themed_provision_count", "themed_plan_count")
    )


def test_a_gist_quotes_measures_that_stand_alone() -> None:
    """The gist's main measures are whole statements: not a clause clipped from a long sentence
    without figures (制定专项规划), nor a sentence leaning on the one before (并于…, 包括…)."""
    texts = [
        "大力发展数字经济，重点扶持云计算、“互联网+”等新业态发展，继续推进大数据中心建设，"
        "制定专项规划，加大产业链缺失环节招商力度，推动科技成果与产业、企业需求有效对接。",
        "并于2017年1月联合印发了《关于进一步做好2017年创新型城市建设有关工作的通知》。",
        "包括信用贷款和合作担保机构提供担保的信用担保贷款。",
        "认真分析研判我区目前情况，做好2024年度全社会R&D经费年报数据工作。",  # no highlight
        "设立科技成果转化基金，首期规模10亿元。",
    ]
    doc = _reply("某市科技局关于印发若干措施的通知", "\n".join(texts))
    doc.measures = [
        Measure(id=f"m{i}", text=t, section=(), status="done", themes=["成果转化"])
        for i, t in enumerate(texts)
    ]
    assert strongest_measures(doc) == ["设立科技成果转化基金，首期规模10亿元"]
    assert gist("plan", None, 5, "某市科技局", "", strongest_measures(doc)) == (
        "某市科技局印发，梳理措施5条，主要有：设立科技成果转化基金，首期规模10亿元。"
    )


def test_seed_gists_name_the_proposal_or_the_issuer_and_main_measures() -> None:
    documents = real_context()["documents"]
    replies = [d for d in documents if d["proposal"]]
    assert len(replies) == 2
    for d in replies:
        proposal = d["proposal"]
        assert proposal is not None
        assert proposal["number"] and proposal["number"] in d["gist"]
        assert proposal["proposer"] in d["gist"] and f"措施{d['measure_count']}条" in d["gist"]
    reply = next(d for d in replies if "0942" in d["title"])
    assert reply["gist"].startswith("答复郎平权代表提出的第0942号建议《关于对渝东南地区")
    guide = next(d for d in documents if d["title"].endswith("指导意见"))
    assert guide["gist"].startswith("重庆市科学技术局2022年11月4日印发")
    assert len(guide["key_measures"]) == 2
    assert all(m in guide["gist"] for m in guide["key_measures"])


def test_a_monthly_issue_says_what_is_new_in_its_first_sentence() -> None:
    lines = digest_lines(
        counts={"documents": 3, "measures": 30, "done": 20, "planned": 10},
        kinds=["工作总结", "工作总结", "建议提案答复"],
        themes=[],
        coverage="本期新增文件3份（其中补报1份），各期累计收录12份。",
    )
    assert lines == [
        "本期收录文件3份（建议提案答复1份、工作总结2份），梳理政策措施30条，其中工作进展20条、"
        "工作计划10条；本期新增文件3份（其中补报1份），各期累计收录12份。"
    ]


def test_a_quote_keeps_a_bracketed_note_whole() -> None:
    """A note in brackets holding a comma (按可比口径计算，下同) is part of its clause: the quote
    neither cuts it nor prints it without its brackets."""
    text = "2000年全省R&D经费总支出为34.82亿元，比上年增长9.7%（按可比口径计算，下同）。"
    assert (
        fact(text) == "2000年全省R&D经费总支出为34.82亿元，比上年增长9.7%（按可比口径计算，下同）"
    )


def test_a_gists_verb_says_what_the_publisher_did() -> None:
    """A statistical bulletin is published, not summed up; a work summary is 总结 by its title,
    whatever its genre guess; a page of unknown kind is 发布, never 印发 as if it were a policy."""
    bulletin = _reply("2022年中山市科技经费投入公报", "2022年，全市共投入R&D经费100.66亿元。")
    assert document_kind(bulletin) == "statistics"
    assert gist("statistics", None, 12, "", "2023年12月5日", []).startswith("2023年12月5日发布")
    summary = gist(
        "report",
        None,
        5,
        "中宁县科技局",
        "2020年7月8日",
        [],
        title="中宁县科技局2020年上半年工作总结及下半年工作计划",
    )
    assert summary.startswith("中宁县科技局2020年7月8日总结")
    assert gist("unknown", None, 9, "", "2026年2月27日", []).startswith("2026年2月27日发布")
    assert gist("plan", None, 4, "某市人民政府", "", []).startswith("某市人民政府印发")


def test_with_no_theme_quoted_the_count_line_does_not_open_on_besides() -> None:
    weak = ThemeFacts(
        "基础研究", 1, [Cited("认真分析研判我区目前情况，做好年报数据工作。", "[1]", 1, 2)], []
    )
    lines = digest_lines(counts=_counts(), kinds=["建议提案答复"], themes=[weak])
    assert lines[1] == "基础研究方面梳理措施1条。"


def test_a_quote_prefers_what_was_done_to_how_far_the_task_was_exceeded() -> None:
    """Of a sentence's figures, the amount (技术合同交易额23.9亿元) is quoted, not the task's
    completion rate (超额完成71%) that says nothing of what was done."""
    text = (
        "全年我市共完成科技成果大转化工程项目94项，超额完成71%，共登记技术合同交易额23.9亿元，"
        "超额完成33%，24项科技成果获省以上奖励。"
    )
    assert fact(text) == "全年我市共完成科技成果大转化工程项目94项，共登记技术合同交易额23.9亿元"


def test_a_grant_is_quoted_with_whom_it_is_for() -> None:
    """A provision whose grant opens its own clause (给予5万元奖励) is quoted with the conditions
    before it that say for whom; alone it told a reader nothing (an unseen 龙口 policy's gist)."""
    assert fact("备案为国家科技型中小企业，且纳入烟台市高新技术企业培育库，给予5万元奖励。") == (
        "备案为国家科技型中小企业，且纳入烟台市高新技术企业培育库，给予5万元奖励"
    )
    # a grant at a rate (按…给予) is one too: 本期要点 quoted an unseen 鞍山 policy from '取得…的'
    leasing = "企业通过融资租赁方式，取得大型科研仪器和装备的，按融资租赁额的20%给予补助。"
    assert fact(leasing) == leasing.rstrip("。")


def test_a_ratio_named_by_its_measure_word_is_quoted_with_what_it_measures() -> None:
    """投入强度达到2.8% alone does not say of what: the amount before it and the date are quoted."""
    text = "到2027年，全社会研发经费投入大幅增加，投入强度达到2.8%，科技创新综合实力显著提升。"
    assert fact(text) == "到2027年，全社会研发经费投入大幅增加，投入强度达到2.8%"


def test_a_reply_names_a_proposal_titled_without_marks_or_without_guan_yu() -> None:
    """A proposal named unmarked with quotes inside (您提出的关于“实施‘应天英才计划’…”的提案收悉),
    or by a title in 《》 that is not 关于…的建议 (《…的策略研究》(第20251159号)收悉): the gist
    names it, as the reader of an unseen set asked."""
    unmarked = _reply(
        "商丘市科技局对市政协五届七次会议第57101号提案的答复",
        "刘卫东委员:\n您提出的关于“实施‘应天英才计划’大力支持高水平创新创业人才”的提案收悉。",
    )
    assert proposal_of(unmarked).title == (
        "关于“实施‘应天英才计划’大力支持高水平创新创业人才”的提案"
    )
    study = _reply(
        "",
        "张文惠委员:\n《借鉴粤港澳大湾区经验推动厦门市产学研融合发展的策略研究》(第20251159号)"
        "收悉。我局作为主办单位，现将办理情况答复如下:",
    )
    found = proposal_of(study)
    assert found.title == "借鉴粤港澳大湾区经验推动厦门市产学研融合发展的策略研究"
    party = _reply(
        "", "致公党南京市委:\n关于《加快提升南京创新首位度的路径与战略举措》的提案收悉,现答复如下:"
    )
    assert proposal_of(party).title == "加快提升南京创新首位度的路径与战略举措"
    group = _reply(
        "对政协河北省十二届委员会第一次会议第102号提案的答复",
        "冀科提案字〔2018〕4号\n九三学社河北省委:\n贵单位提出的“加快创新河北建设”的提案收悉,现答复如下:",
    )
    grouped = proposal_of(group)
    assert (grouped.title, grouped.proposer) == ("加快创新河北建设", "九三学社河北省委")
    assert gist("reply", found, 6, "", "", ["布局建设3家省创新实验室"]) == (
        "答复张文惠委员提出的第20251159号提案《借鉴粤港澳大湾区经验推动厦门市产学研融合发展的"
        "策略研究》，列出措施6条，主要有：布局建设3家省创新实验室。"
    )


def test_a_gist_without_a_quotable_measure_still_says_what_the_document_is_about() -> None:
    """Never '印发，梳理措施2条。' with nothing after it, nor '梳理措施0条。': the headings its
    measures stand under say what it is about; a table without measures gives its figures."""
    doc = _reply("2025年全市科技工作要点", "")
    doc.measures = [
        Measure(
            id="m1",
            text="进一步完善部门协同、上下联动支持全面创新工作机制。",
            section=(
                "一、全面强化党对科技工作的领导",
                "1.完善党对科技工作集中统一领导的体制机制。",
            ),
            status="planned",
            themes=[],
        )
    ]
    topics = section_topics(doc)
    assert topics == ["完善党对科技工作集中统一领导的体制机制"]
    doc.measures[0].section = ("一、总体要求", "(二)发展目标")  # a plan's frame says nothing
    assert section_topics(doc) == []
    assert gist("plan", None, 1, "威海市科学技术局", "", [], topics=topics) == (
        "威海市科学技术局印发，梳理措施1条，涉及完善党对科技工作集中统一领导的体制机制。"
    )
    table = gist("statistics", None, 0, "", "2021年3月1日", [], indicator_count=14)
    assert table == "2021年3月1日发布，未梳理出政策措施，列有数据14项。"


def test_a_reports_gist_gives_results_first_and_marks_its_targets_as_next_steps() -> None:
    """Review m, gists [7] and [8]: a province's report gist read 高新技术企业1.28万家 beside
    高新技术企业达到1.5万家 with no marker, and another opened on a 2026 plan as if done."""
    texts = [
        "新建10家省级概念验证中心、30家标杆孵化器，力争技术合同成交额突破3000亿元。",
        "全省国家高新技术企业达到1.28万家，技术合同成交额2150亿元、增长35%。",
    ]
    doc = _reply("2026年省政府工作报告", "\n".join(texts))
    doc.measures = [
        Measure(id="m0", text=texts[0], section=(), status="planned", themes=["成果转化"]),
        Measure(id="m1", text=texts[1], section=(), status="done", themes=["成果转化"]),
    ]
    shown = strongest_measures(doc, 2)
    assert shown[0].startswith("全省国家高新技术企业达到1.28万家")
    assert shown[1].startswith("下一步，新建10家省级概念验证中心")
    # a policy's provisions are no next steps
    doc.metadata = Metadata(title="关于支持科技成果转化的若干措施", display_title="")
    assert not any(m.startswith("下一步") for m in strongest_measures(doc, 2))


def test_a_gist_passes_over_a_heading_of_paired_slogans() -> None:
    """Review m, gist [2]: 涉及加强组织,高位推进 (with the page's ASCII comma) said nothing."""
    doc = _reply("关于培育人工智能产业的提案的答复", "")
    doc.measures = [
        Measure(
            id=f"m{i}",
            text="成立工作专班，统筹推进人工智能产业培育工作。",
            section=(heading,),
            status="planned",
            themes=[],
        )
        for i, heading in enumerate(("一、加强组织,高位推进", "二、建设人工智能算力中心"))
    ]
    assert section_topics(doc) == ["建设人工智能算力中心"]


def test_next_steps_never_quote_a_sentence_about_how_things_stand() -> None:
    """A sentence opening on 目前 or 截至 states the present, whatever status it was given: the
    本期要点 does not put it after 下一步."""
    present = Cited("目前我县已建成省级以上科技创新平台12个，引进高层次人才35名。", "[2]", 2, 6)
    plan = Cited("力争到2026年全县高新技术企业达到60家。", "[1]", 1, 6)
    lines = digest_lines(
        counts=_counts(),
        kinds=["工作总结"],
        themes=[ThemeFacts("人才", 2, [], [present, plan])],
    )
    assert not any("目前我县" in line for line in lines)
    assert any(line.startswith(("下一步", "人才方面")) and "60家" in line for line in lines)


def test_the_total_of_measures_says_how_many_are_in_no_theme() -> None:
    """The themes' chart and sections leave out measures of no theme; the headline total that
    includes them says how many they are, so the numbers do not seem to contradict each other."""
    strong = ThemeFacts(
        "科技金融", 10, [Cited("新增境内上市公司17家，居全国首位。", "[2]", 2, 7)], []
    )
    lines = digest_lines(counts={**_counts(), "other": 25}, kinds=["工作总结"] * 3, themes=[strong])
    assert lines[0].startswith(
        "本期收录文件3份，梳理政策措施40条（未归入主题的25条），其中工作进展20条"
    )


def test_a_quote_never_splices_a_distant_clause_of_other_business_onto_a_measure() -> None:
    """太原将新建5个院士工作站，再增加100万人口 read as one fact: a clause that names no S&T work is
    quoted beside the first figure only when it follows it directly."""
    text = "未来五年，太原将新建5个院士工作站，建成一批城市公园，城市人口再增加100万。"
    assert quote_of(text)[0] == "太原将新建5个院士工作站"
    # a rate of the sentence's own subject, however far, still goes with it
    text = (
        "2022年全市评价入库科技型中小企业1311家，完成公示1360家，共计2671家，与2021年相比增长251%。"
    )
    assert quote_of(text)[0].endswith("与2021年相比增长251%")


def test_a_quoted_figure_keeps_the_subject_its_verb_leans_on() -> None:
    """Never an orphan figure (突破300亿元) without what broke through."""
    text = "坚持需求导向，全市技术合同成交额大幅增长，突破300亿元。"
    assert quote_of(text)[0] == "全市技术合同成交额大幅增长，突破300亿元"
    # a verb with 已 and no subject: the 本期要点 read '人才方面，已备案超40辆港牌车、1000名科研人员'
    text = "一是提升科研人员跨境通勤效率。支持科研人员自驾或乘坐跨境巴士便利跨境通勤，已备案超40辆港牌车、1000名科研人员。"
    assert quote_of(clean_sentence(text))[0] == (
        "支持科研人员自驾或乘坐跨境巴士便利跨境通勤，已备案超40辆港牌车、1000名科研人员"
    )
    # 已有 and 已经 as words of their own do not lean
    assert quote_of("全区高新技术企业已有326家，比上年增加41家。")[0].startswith("全区高新技术企业")


def test_a_gist_says_where_and_when_when_the_header_does_not() -> None:
    """A page without publisher or date: its gist names the place and year its figures are of
    (内容涉及海南省2024年), never a target's year, and not a place its publisher already names."""
    from briefing.digest import setting_of
    from briefing.model import Indicator

    def figure(n: int, year: int, kind: str = "actual", scope: str = "海南省") -> Indicator:
        return Indicator(
            id=f"i{n}", text=f"R&D经费投入{n}亿元", metric="R&D经费投入", value=float(n),
            unit="亿元", year=year, kind=kind, scope=scope,  # type: ignore[arg-type]
        )  # fmt: skip

    page = _reply("", "2024年，海南R&D经费投入109.61亿元。")
    page.metadata = Metadata(title=None, display_title="无标题")
    page.indicators = [figure(1, 2024), figure(2, 2024), figure(3, 2024), figure(4, 2023)]
    assert setting_of(page) == "海南省2024年"
    line = gist(
        "statistics", None, 10, "", "", ["海南R&D经费投入109.61亿元"], setting="海南省2024年"
    )
    assert line.startswith("内容涉及海南省2024年，梳理措施10条")
    # a plan's targets (到2027年) date nothing; a publisher naming the province says where
    plan = _reply("", "到2027年，全省研发投入强度达到2.8%。")
    plan.metadata = Metadata(title=None, display_title="无标题", publisher="海南省科学技术厅")
    plan.indicators = [figure(n, 2027, "target") for n in range(1, 5)]
    assert setting_of(plan) == ""


def test_a_gist_does_not_say_a_place_one_sentence_mentions_once() -> None:
    """A made-up untitled page whose only placed figures are two of one sentence naming 京津冀地区
    once: its gist said 内容涉及京津冀地区; a place framing figures of several sentences, or named
    again, is still said."""
    from briefing.digest import setting_of
    from briefing.model import Indicator

    def figure(n: int, scope: str | None, measure: str) -> Indicator:
        return Indicator(
            id=f"i{n}", text=f"共建平台{n}个", metric="共建平台", value=float(n), unit="个",
            year=None, kind="target", scope=scope, measure_id=measure,
        )  # fmt: skip

    page = _reply("", "今年将与京津冀地区共建平台2个、项目5项。新增高新技术企业30家。")
    page.metadata = Metadata(title=None, display_title="无标题")
    page.indicators = [figure(2, "京津冀地区", "m1"), figure(5, "京津冀地区", "m1")]
    page.indicators.append(figure(30, None, "m2"))
    assert setting_of(page) == ""
    # the same place framing the figures of two sentences is what the page is about
    page.indicators[1] = figure(5, "京津冀地区", "m2")
    assert setting_of(page) == "京津冀地区"


def test_a_news_gist_leads_with_what_was_done_for_all_not_one_firms_story() -> None:
    """首笔300万元“科技质量贷”发放至某公司 is the news item's anecdote; the gist names the service
    built for all firms first."""
    texts = [
        "首笔300万元“科技质量贷”成功发放至绵阳某自动化设备有限公司账户。",
        "市科技局联合6家银行推出“科技质量贷”专项产品，授信额度共计20亿元。",
    ]
    doc = _reply("“科技质量贷”首单落地", "\n".join(texts))
    doc.measures = [
        Measure(id=f"m{i}", text=t, section=(), status="done", themes=["科技金融"])
        for i, t in enumerate(texts)
    ]
    assert strongest_measures(doc, 1) == [
        "市科技局联合6家银行推出“科技质量贷”专项产品，授信额度共计20亿元"
    ]
    # nor does the anecdote fill the second place: the gist names one measure
    assert strongest_measures(doc, 2) == [
        "市科技局联合6家银行推出“科技质量贷”专项产品，授信额度共计20亿元"
    ]


def test_a_gist_of_an_unthemed_report_quotes_its_science_work_before_its_gdp() -> None:
    """A city's work report in a S&T briefing is summed up by its 高新技术企业, not its GDP."""
    texts = [
        "全市地区生产总值完成3440亿元，增长8.5%，规模以上工业增加值增长9%。",
        "实施“科技企业倍增”计划，新增国家高新技术企业305家。",
    ]
    doc = _reply("政府工作报告", "\n".join(texts))
    doc.measures = [
        Measure(id=f"m{i}", text=t, section=(), status="done", themes=[])
        for i, t in enumerate(texts)
    ]
    # the GDP sentence's three linked figures outweigh the name and the count in score, but a
    # quote naming S&T work (科技企业, 高新技术企业) comes first even unmarked
    from briefing.model import Indicator

    doc.indicators = [
        Indicator(
            id=f"i{n}",
            text=t,
            metric="地区生产总值",
            value=1.0,
            unit="亿元",
            year=2023,
            kind="actual",
            scope=None,
            measure_id="m0",
        )
        for n, t in enumerate(("3440亿元", "8.5%", "9%"))
    ]
    assert strongest_measures(doc, 1)[0].startswith("实施“科技企业倍增”计划")
    assert strongest_measures(doc, 1, science={"m1"}) == [
        "实施“科技企业倍增”计划，新增国家高新技术企业305家"
    ]


def test_a_gist_of_a_report_with_science_work_quotes_nothing_else() -> None:
    """A district's work report with one S&T measure fills no second place with its 扫黑除恶
    or its GDP: the gist names the S&T measure alone."""
    texts = [
        "全区地区生产总值完成344亿元，增长8.5%，规模以上工业增加值增长9%。",
        "蒙草科技中心项目开工建设，呼伦贝尔现代农牧业产业园完成总体规划设计。",
    ]
    doc = _reply("政府工作报告", "\n".join(texts))
    doc.measures = [
        Measure(id=f"m{i}", text=t, section=(), status="done", themes=[])
        for i, t in enumerate(texts)
    ]
    assert len(strongest_measures(doc, 2)) == 2  # nothing of S&T: the rest is all it has
    assert strongest_measures(doc, 2, science={"m1"}) == [
        "蒙草科技中心项目开工建设，呼伦贝尔现代农牧业产业园完成总体规划设计"
    ]


def test_a_gist_never_names_a_regulations_chapter_or_how_to_send_comments() -> None:
    """涉及第一章总则 and 涉及通过我局官网…反馈意见(网址 said nothing of two policies."""
    doc = _reply("深圳市博士后工作管理规定(征求意见稿)", "")
    doc.measures = [
        Measure(
            id="m1",
            text="有关单位和社会各界人士可在2023年11月26日前提出意见。",
            section=(
                "(一)通过我局官网“民意征集”栏目直接填写反馈意见(网址:http://hrss.sz.gov.cn/)",
            ),
            status="planned",
            themes=[],
        ),
        Measure(
            id="m2",
            text="为加强和规范博士后管理工作，制定本规定。",
            section=("第一章 总则",),
            status="planned",
            themes=[],
        ),
        Measure(
            id="m3",
            text="设站单位应当为博士后提供科研条件。",
            section=("第二章 设站管理",),
            status="planned",
            themes=[],
        ),
    ]
    assert section_topics(doc) == ["设站管理"]
    # S&T measures a word of a comment notice names are what a document is about
    for heading in ("（三）建立重点企业联系人制度", "（二）开通12345科技服务热线电话"):
        doc.measures[2] = Measure(
            id="m3", text="设站单位应当为博士后提供科研条件。", section=(heading,), status="planned"
        )
        assert section_topics(doc) == [heading[3:]]


def test_a_gist_names_the_place_an_untitled_page_calls_its_own() -> None:
    from briefing.digest import setting_of

    page = _reply("", "一、总体目标\n到2025年，无锡市全社会研发投入强度达到3.5%。")
    page.metadata = Metadata(title=None, display_title="无标题")
    page.body = "无锡市全面推进科技创新的若干措施\n到2025年，无锡市全社会研发投入强度达到3.5%。"
    assert setting_of(page) == "无锡市"


def test_a_publisher_named_by_its_level_alone_is_shown_with_the_documents_place() -> None:
    def doc(publisher: str, title: str) -> ExtractedDocument:
        return ExtractedDocument(
            source="p.txt",
            sha256="0" * 64,
            format="text",
            metadata=Metadata(title=title, display_title=title, publisher=publisher),
            body="2025年，全市科技工作取得新进展。",
        )

    # a briefing across several cities says whose 市科技局 it was
    assert shown_publisher(doc("市科技局", "鹰潭市2025年科技工作意见")) == "鹰潭市科技局"
    # a full name, a place of another level, or no place at all: the text's name as it is
    assert shown_publisher(doc("天津市科技局", "关于某号建议的答复")) == "天津市科技局"
    assert shown_publisher(doc("省科技厅", "鹰潭市2025年科技工作意见")) == "省科技厅"
    assert shown_publisher(doc("市科技局", "2025年科技工作要点")) == "市科技局"
    # 市场监督管理局 is no 市-level short name
    assert shown_publisher(doc("市场监督管理局", "鹰潭市知识产权工作要点")) == "市场监督管理局"


def _untitled_or_report(
    title: str | None,
    publisher: str | None = None,
    written: str | None = None,
    display: str = "无标题文件",
    body: str = "2025年，全市科技工作取得新进展。",
) -> ExtractedDocument:
    return ExtractedDocument(
        source="in/09-page.txt",
        sha256="0" * 64,
        format="text",
        metadata=Metadata(
            title=title,
            display_title=title or display,
            title_derived=title is None,
            publisher=publisher,
            written_date=written,
        ),
        body=body,
    )


def test_a_bare_work_report_title_is_shown_with_its_year_and_place() -> None:
    def shown(title: str, publisher: str | None, written: str | None = "2026-02-03") -> str:
        return shown_title(_untitled_or_report(title, publisher, written))

    assert shown("政府工作报告", "宁夏回族自治区人民政府") == "2026年宁夏回族自治区政府工作报告"
    assert shown("政 府 工 作 报 告", "广东省人民政府") == "2026年广东省政府工作报告"
    assert shown("政府工作报告（摘要）", "青海省人民政府") == "2026年青海省政府工作报告（摘要）"
    assert shown("政府工作报告", "国务院", "2026-03-05") == "2026年政府工作报告"
    # place or date not certain, or a title that names its own: shown as printed
    assert shown("政府工作报告", "市人民政府") == "政府工作报告"
    assert shown("政府工作报告", "自治区人民政府") == "政府工作报告"
    assert shown("政府工作报告", None) == "政府工作报告"
    assert shown("政府工作报告", "广东省人民政府", None) == "政府工作报告"
    assert shown("2026年西藏自治区政府工作报告", "西藏自治区人民政府") == (
        "2026年西藏自治区政府工作报告"
    )


def test_an_untitled_documents_name_is_marked_as_made_and_names_no_file() -> None:
    news = "11月4日，东莞市人大常委会专题询问会举行。\n东莞市科技局负责人介绍，东莞市…"
    named = [
        # the event the text opens with
        shown_title(_untitled_or_report(None, display="市科技资源统筹中心召开工作总结座谈会")),
        # no name from the text: who issued it, or where it is from, and its kind
        shown_title(_untitled_or_report(None, publisher="某某市科学技术局")),
        shown_title(_untitled_or_report(None, body=news)),
        shown_title(_untitled_or_report(None, body="有关情况如下。")),
    ]
    assert named == [
        "市科技资源统筹中心召开工作总结座谈会（拟题）",
        "某某市科学技术局工作总结（拟题）",
        # a page that opens on the day of an event (11月4日，…举行) is a news item
        "东莞市新闻报道（拟题）",
        "未署标题的材料（拟题）",
    ]
    assert not any("09-page" in name or "文件：" in name for name in named)


def test_a_themes_summary_sentence_quotes_what_was_done_before_what_a_place_has() -> None:
    """目前，全市拥有…国家级创新平台4家 is a stock; 2021年技术合同交易额达到71.38亿元 is the year's result."""
    stock = Cited("目前，全市拥有国家级创新平台4家、省级创新平台94家。", "[1]", 1, 9)
    result = Cited("建有省级技术转移服务机构7家，2021年技术合同交易额达到71.38亿元。", "[1]", 1, 7)
    line = theme_sentence(ThemeFacts("成果转化", 10, [stock, result], []), n=1)
    assert (
        line == "成果转化方面，建有省级技术转移服务机构7家，2021年技术合同交易额达到71.38亿元[1]。"
    )


def test_a_figure_verb_with_its_own_object_quotes_no_filler_clause_before() -> None:
    # 增加财政科技投入5亿元 says what grew; 突破300亿元 leans on the clause that names it
    assert (
        quote_of("完善规划布局，加强组织领导，增加财政科技投入5亿元。")[0]
        == "增加财政科技投入5亿元"
    )
    assert (
        quote_of("技术合同成交额大幅增长，突破300亿元。")[0]
        == "技术合同成交额大幅增长，突破300亿元"
    )


def test_the_sources_list_dates_a_document_by_its_own_date_not_its_posting() -> None:
    """A work report delivered on 27 January and posted on 4 February is the report of 27
    January; a reply signed in April and posted in September is cited as of April."""

    def dated(written: str | None, published: str | None) -> ExtractedDocument:
        meta = Metadata(title="t", written_date=written, published_date=published)
        return ExtractedDocument(source="d.txt", sha256="0" * 64, format="text", metadata=meta)

    assert shown_date(dated("2026-01-27", "2026-02-04")) == "2026-01-27"
    assert shown_date(dated("2020-04-10", "2020-09-16")) == "2020-04-10"
    assert shown_date(dated(None, "2023-01-31")) == "2023-01-31"
    assert shown_date(dated(None, None)) is None


def test_an_all_briefing_is_dated_by_the_latest_date_its_sources_list_shows() -> None:
    """A report delivered 2024-01-18 and posted 2024-02-18, beside an undated page: the masthead
    of an `all` briefing reads 2024-01-18, the date the sources list prints, not the posting."""
    from briefing.config import Settings
    from briefing.context import masthead_date
    from briefing.periods import parse_period

    report = _reply("2024年政府工作报告", "2023年，全市新增高新技术企业305家。")
    report.metadata = Metadata(title="t", written_date="2024-01-18", published_date="2024-02-18")
    undated = _reply("某某新闻", "全市新增科技型企业100家。")
    period = parse_period("all")
    assert masthead_date(Settings(), period, [report, undated]) == "2024-01-18"
    assert masthead_date(Settings(date="2024-03-31"), period, [report]) == "2024-03-31"


def test_a_summary_sentence_names_the_place_and_year_of_its_quote() -> None:
    """A pack of many places: 成果转化方面，全市科技进步贡献率达到54.1%[4] left the reader asking
    which city and which year. The quote says whose and when, as a 简报 writer would."""
    lasa = Cited("2022年全市科技进步贡献率达到54.1%。", "[4]", 4, 6, where="拉萨市")
    assert theme_sentence(ThemeFacts("成果转化", 3, [lasa], [])) == (
        "成果转化方面，拉萨市2022年科技进步贡献率达到54.1%[4]。"
    )
    # the year of the figures when the quote has none; 全市 goes, the place says it
    assert (
        placed("全市科技进步贡献率达到54.1%", "拉萨市2022年")
        == "拉萨市2022年科技进步贡献率达到54.1%"
    )
    # a place the quote names already is not said twice; a body named by its level takes the name
    assert placed("海南省新增技能人才39.87万人次", "海南省2025年") == (
        "2025年海南省新增技能人才39.87万人次"
    )
    assert placed("宁夏现代煤化工平台入选首批国家级中试平台", "宁夏回族自治区") == (
        "宁夏现代煤化工平台入选首批国家级中试平台"
    )
    assert placed("市科技局坚持“产业第一”理念", "天津市") == "天津市科技局坚持“产业第一”理念"
    assert placed("市场化配置科技资源", "天津市") == "天津市市场化配置科技资源"
    # judge s11: "广东省去年全省研发经费…": the place stands for 全省, before the time word
    assert placed("去年（2022年）全省研发经费支出约4200亿元", "广东省") == (
        "广东省去年（2022年）研发经费支出约4200亿元"
    )
    assert (
        placed("全年全市新增高新技术企业500家", "某某市2016年")
        == "某某市2016年新增高新技术企业500家"
    )
    # a national document's figures need no 全国; 全年 after a year says nothing more
    assert placed("全年国家重点研发计划共安排42个重点专项", "全国2016年") == (
        "2016年国家重点研发计划共安排42个重点专项"
    )
    # two quotes of one document in a row: the place once
    one = Cited("新增技能人才10万人次。", "[8]", 8, 6, where="海南省")
    two = Cited("形成10个以上典型案例。", "[8]", 8, 6, where="海南省")
    sentence = theme_sentence(ThemeFacts("人才", 3, [one, two], []))
    assert sentence.count("海南省") == 1


def test_the_count_line_of_whole_work_reports_counts_what_concerns_the_themes() -> None:
    """梳理政策措施1288条（未归入主题的1210条） on five whole work reports said nothing and made the
    tool look unfocused: the line counts the themes' measures only. A reader of an unseen set
    found the other S&T work and the measures left out (另有其他科技工作措施54条；文件中其余52条
    措施不涉及科技工作) not worth a leader's minute either."""
    counts = {
        **_counts(),
        "measures": 1288,
        "other": 1210,
        "themed": 78,
        "themed_done": 29,
        "themed_planned": 49,
        "science_other": 172,
    }
    first = digest_lines(counts=counts, kinds=["工作报告"] * 5, themes=[])[0]
    assert first == (
        "本期收录文件3份，梳理出涉及科技主题的措施78条（工作进展29条、工作计划49条）。"
    )
    assert "1288" not in first and "172" not in first and "1038" not in first


def test_a_figure_clause_that_says_what_a_step_yields_keeps_the_step() -> None:
    """形成10个以上典型案例 — of what? The clause that yields a result (形成, 带动, 撬动) has no
    subject of its own: the quote keeps the step it comes from."""
    text = "深化职务科技成果权属改革，形成10个以上典型案例，提升科技成果转化效能。"
    assert quote_of(text)[0] == "深化职务科技成果权属改革，形成10个以上典型案例"
    # a clause that names its own subject is quoted alone as before
    text = "加快推进改革，全市技术合同成交额突破300亿元。"
    assert quote_of(text)[0] == "全市技术合同成交额突破300亿元"


def test_a_theme_sentence_quotes_sci_tech_results_before_counts_any_trade_has() -> None:
    """人才方面，新增技能人才39.87万人次… led the summary while the same theme had 院士 results: a
    quote that names S&T work itself comes first among results with figures."""
    skills = Cited("新增技能人才39.87万人次，其中高技能人才7.65万人次。", "[8]", 8, 7)
    scholars = Cited("新增两院院士2人，引进高层次人才1480多人。", "[2]", 2, 7)
    sentence = theme_sentence(ThemeFacts("人才", 5, [skills, scholars], []), n=1)
    assert sentence == "人才方面，新增两院院士2人，引进高层次人才1480多人[2]。"


def test_a_chart_names_each_document_beside_its_number() -> None:
    """Bars labelled [1]…[11] sent a leader to the sources list: a chart says whose document each
    is (its place, when the issue covers several) and what kind, in a few characters."""
    hainan = _reply(
        "海南省人民政府关于印发某某若干措施的通知", "各市、县人民政府：\n一、对……给予奖励。"
    )
    dalian = _reply(
        "大连市人民政府关于印发某某若干措施的通知", "各区人民政府：\n一、对……给予奖励。"
    )
    names = chart_names([hainan, dalian])
    assert names[1].startswith("海南省") and names[2].startswith("大连市")
    # one place only: the place says nothing, the kind stays
    same = chart_names([hainan, hainan])
    assert not same[1].startswith("海南省")


def test_a_table_without_measures_says_which_years_it_covers() -> None:
    """A statistics table's gist said only 未梳理出政策措施: it says which years the table gives."""
    table = _reply(
        "13-1主要年份全社会科技活动情况", "指标名称\n2000年\n2005年\n2019年\n单位数\n871"
    )
    assert years_covered(table) == "2000—2019年"
    assert gist("statistics", None, 0, "", "", [], setting=years_covered(table)) == (
        "内容涉及2000—2019年，未梳理出政策措施。"
    )


def test_a_gist_quotes_what_names_sci_tech_work_before_counts_any_trade_has() -> None:
    """广东's gist opened on 银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元 (filed 科技金融 for the
    guidance fund beside it) while the report had 中试基地 and 院士 results."""
    texts = [
        "银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元，组建总规模1000亿元的省战略性新兴产业投资引导基金。",
        "创建3个国家人工智能应用中试基地，28个制造业中试平台入选全国首批重点培育名单。",
    ]
    doc = _reply("政府工作报告", "\n".join(texts))
    doc.measures = [
        Measure(
            id=f"m{i}",
            text=t,
            section=(),
            status="done",
            themes=["科技金融", "成果转化"][i : i + 1],
        )
        for i, t in enumerate(texts)
    ]
    assert strongest_measures(doc, 1) == [
        "创建3个国家人工智能应用中试基地，28个制造业中试平台入选全国首批重点培育名单"
    ]


def test_the_themes_clauses_of_a_list_keep_the_date_and_the_subject_they_lean_on() -> None:
    """截至年底 and 2022年 date every result after them; 增长11.7% leans on what grew."""
    text = (
        "截至年底，全省培育高新技术企业3000家，国家企业技术中心1276家，"
        "累计建设国家重点实验室488个，国家工程研究中心131个。"
    )
    assert theme_part(text, ["重点实验室"]) == "截至年底，累计建设国家重点实验室488个。"
    text = (
        "2022年，全市科技部门统筹推进科技体制改革等七个方面重点工作，全市科技进步贡献率达到54.1%，"
        "为全市经济社会高质量发展提供了有力的科技支撑。"
    )
    assert theme_part(text, ["科技进步贡献率"]) == "2022年，全市科技进步贡献率达到54.1%。"
    text = (
        "努力帮助企业降本增效，工业企业用电成本下降6.8%，社会物流总费用比率降至13.6%左右，"
        "制造业贷款余额、科技贷款余额均增长11.7%。"
    )
    assert theme_part(text, ["科技贷款"]) == "制造业贷款余额、科技贷款余额均增长11.7%。"
    text = "新建孵化器3家，引进团队12个，落地项目20个，科技贷款余额达到50亿元，增长11.7%。"
    assert theme_part(text, ["科技贷款"]) == "科技贷款余额达到50亿元，增长11.7%。"
    # three clauses are no list; a theme in most clauses is what the sentence is about
    assert theme_part("新建孵化器3家，引进人才20名，科技贷款余额增长11.7%。", ["贷款"]) is None
    text = "新增院士2名，引进领军人才30名，培育青年人才100名，新建实验室2个。"
    assert theme_part(text, ["人才", "院士"]) is None


def test_a_list_of_results_each_with_its_own_subject_gives_only_the_themes_clause() -> None:
    """A province's review lists results of its own, one a clause: the first names the theme
    (技术转移), the others a research institute, an honour, a test network and a ship. Under 成果转化
    only the first is shown, and its 3项成果 is no 成果转化 figure (the 本期要点 led with it)."""
    text = (
        "区域技术转移中心投入运行，省工业人工智能研究院正式成立，2项成果入选“中国科学十大进展”，"
        "首个卫星互联网试验网成功搭建，“远洋”号科考船正式交付。"
    )
    assert theme_part(text, ["技术转移"]) == "区域技术转移中心投入运行。"
    # a result its next clauses elaborate, or a lead that names the theme: the sentence is the theme's
    text = "省技术转移中心建成运行，入驻服务机构120家，促成技术交易50亿元，服务企业3000家。"
    assert theme_part(text, ["技术转移"]) is None
    text = "持续深化科技金融服务，设立天使基金5亿元，新增科技贷款20亿元，举办路演30场。"
    assert theme_part(text, ["科技金融"]) is None


def test_a_themes_clause_keeps_the_subject_its_run_of_figures_leans_on() -> None:
    """Review m, A2: 比上年增长11.0%，占…比重达94.2% was shown without what grew."""
    text = (
        "其中，规模以上工业企业研发经费达到69.07亿元，比上年增长11.0%，"
        "占全社会R&D经费的比重达94.2%，比上年提高0.13个百分点，企业研发拉动作用进一步增强。"
    )
    assert theme_part(text, ["R&D经费"]) == (
        "规模以上工业企业研发经费达到69.07亿元，比上年增长11.0%，"
        "占全社会R&D经费的比重达94.2%，比上年提高0.13个百分点。"
    )


def test_the_digest_quotes_a_document_not_yet_quoted_when_its_result_is_as_good() -> None:
    """Review m: every sentence of the 本期要点 came from one provincial report while a city's
    results of the same kind were there; a weaker kind (no figure) does not displace a figure."""
    province = [Cited("全省新增国家级科技企业孵化器12家。", "[1]", 1, 9)]
    city = Cited("全市新增省级众创空间3家。", "[2]", 2, 5)
    lines = digest_lines(
        counts=_counts(),
        kinds=["工作报告", "工作总结", "工作总结"],
        themes=[
            ThemeFacts("基础研究", 9, [Cited("全省新建省实验室4家。", "[1]", 1, 8)], []),
            ThemeFacts("成果转化", 8, [*province, city], []),
            ThemeFacts("人才", 7, [Cited("新引进博士120名。", "[1]", 1, 7)], []),
            ThemeFacts(
                "科技金融",
                6,
                [
                    Cited("设立科技创新基金10亿元。", "[1]", 1, 8),
                    Cited("开展科技金融对接活动。", "[3]", 3, 5),
                ],
                [],
            ),
        ],
    )
    assert lines[2] == "成果转化方面，全市新增省级众创空间3家[2]。"
    assert lines[3] == "人才方面，新引进博士120名[1]。"  # the theme has no other document
    assert lines[4] == "科技金融方面，设立科技创新基金10亿元[1]。"  # [3] has no figure


def test_a_list_clause_is_the_themes_only_when_its_owner_says_so_and_keeps_its_size() -> None:
    """Review s3b, 6 and 7: 首期规模5亿元 leans on the fund before it; 引进外资项目20个 holds 引进
    but is no 人才 clause when the classifier (`owns`) says so."""
    text = (
        "2023年，全市科技创新能力持续增强，新认定高新技术企业156家，设立天使投资引导基金，"
        "首期规模5亿元，引进高层次人才团队12个，技术合同成交额48亿元。"
    )
    assert theme_part(text, ["天使投资", "引导基金"]) == (
        "2023年，设立天使投资引导基金，首期规模5亿元。"
    )
    text = (
        "2023年，全市经济社会发展稳中有进，引进高层次人才团队12个，引进外资项目20个、"
        "到位外资3.2亿美元，新认定高新技术企业156家，技术合同成交额48亿元。"
    )
    assert theme_part(text, ["引进", "高层次人才"], lambda c: "人才" in c) == (
        "2023年，引进高层次人才团队12个。"
    )


def test_a_result_years_older_than_the_issue_does_not_lead_its_theme_sentence() -> None:
    """A 2026 issue opened its 成果转化 sentence on 拉萨市2022年科技进步贡献率达到54.1% from a 2023
    news item while a 2026 report had a result of its own: the newer one leads, the old one is
    still quoted when it is all the theme has."""
    old = Cited("全市科技进步贡献率达到54.1%。", "[5]", 5, 7, where="拉萨市2022年", stale=True)
    new = Cited(
        "试点探索科技成果单列管理，实施科技成果转化“先投后股”模式。", "[9]", 9, 5, where="海南省"
    )
    assert theme_sentence(ThemeFacts("成果转化", 5, [old, new], []), n=1) == (
        "成果转化方面，海南省试点探索科技成果单列管理，实施科技成果转化“先投后股”模式[9]。"
    )
    assert theme_sentence(ThemeFacts("成果转化", 5, [old], []), n=1) == (
        "成果转化方面，拉萨市2022年科技进步贡献率达到54.1%[5]。"
    )


def test_a_title_opening_on_a_body_named_by_its_level_says_whose_it_is() -> None:
    """A sources list of twelve places listed 市科技局关于对…第0028号建议的答复 and a made title
    2024年全省科技工作会议在兰州召开（拟题）: the place goes in front, as for the publisher."""
    tianjin = _untitled_or_report(
        "市科技局关于对市十七届人大二次会议第0028号建议的答复",
        publisher="市科技局",
        body="天津市科技局\n关于对市十七届人大二次会议第0028号建议的答复\n刘智代表：您好！",
    )
    tianjin.metadata.jurisdiction = "天津市"
    assert shown_title(tianjin) == "天津市科技局关于对市十七届人大二次会议第0028号建议的答复"
    gansu = _untitled_or_report(None, display="2024年全省科技工作会议在兰州召开")
    gansu.metadata.jurisdiction = "甘肃省"
    assert shown_title(gansu) == "2024年甘肃省科技工作会议在兰州召开（拟题）"
    # no place known (安康 alone is an ordinary word), a place of another level, a word that
    # only starts with a level (市场, 区域, 县域): as printed
    unknown = _untitled_or_report(None, display="市科技资源统筹中心召开工作总结座谈会")
    assert shown_title(unknown) == "市科技资源统筹中心召开工作总结座谈会（拟题）"
    gansu.metadata.display_title = "2024年全市科技工作会议召开"
    assert shown_title(gansu) == "2024年全市科技工作会议召开（拟题）"
    for printed in ("市场监管领域科技工作要点", "区域创新体系建设方案", "县域科技创新实施意见"):
        market = _untitled_or_report(printed)
        market.metadata.jurisdiction = "某某市"
        assert shown_title(market) == printed
    # review s3b, 11: a level word that opens a term, not a body, names no missing place
    for printed in ("省部共建协同创新中心认定管理办法", "省市共建科技创新平台建设方案"):
        term = _untitled_or_report(printed)
        term.metadata.jurisdiction = "甘肃省"
        assert shown_title(term) == printed
    # a printed title keeps its 全省: it is the document's own
    report = _untitled_or_report("全省科技工作要点")
    report.metadata.jurisdiction = "甘肃省"
    assert shown_title(report) == "全省科技工作要点"


def test_a_grants_long_list_of_recipients_is_quoted_by_its_first_item() -> None:
    """A gist read 给予最高500万元科研经费补助 — for whom? The recipient clause was too long for a
    quote; a 简报 writer keeps it, shortened to its first item and 等."""
    text = (
        "对企业获批牵头建设的国家重点实验室、国家制造业创新中心、国家技术创新中心、国家工业设计中心、"
        "国家企业技术中心，给予最高500万元科研经费补助。"
    )
    assert quote_of(text)[0] == "对企业获批牵头建设的国家重点实验室等，给予最高500万元科研经费补助"
    # a list that runs on into what its members do is not cut
    text = (
        "对国内外知名的科研院所、高水平大学、龙头企业设立具有独立法人资格的研发分支机构和新型研发机构的，"
        "给予最高500万元科研经费补助。"
    )
    assert quote_of(text)[0].startswith("对国内外知名的科研院所、高水平大学、龙头企业设立")


def test_an_item_whose_year_a_reader_cannot_tell_says_least_in_a_gist() -> None:
    """A gist opened on 今年初，市人大常委会…列入2015年… of an undated page: which year? What
    the document says with its own year or no time word comes first."""
    from briefing.digest import undated_year

    assert undated_year("今年初，市人大常委会把执法检查列入2015年“一要点四计划”。", None)
    assert undated_year("当年新增科技型企业120家。", 2025)
    assert undated_year("力争今年科技型企业超过4.8万家。", None)
    # 今年 of a document whose year is known is shown with it (`dated_this_year`)
    assert not undated_year("力争今年科技型企业超过4.8万家。", 2024)
    assert not undated_year("2021年研发投入达8.65亿元，比上年增长12%。", None)
    page = _untitled_or_report(
        None,
        body="今年初，市人大常委会把执法检查和专题询问相结合，列入2015年“一要点四计划”。\n"
        "全市新增高新技术企业120家，技术合同成交额达到30亿元。",
    )
    page.measures = [
        Measure(
            id="m1",
            text="今年初，市人大常委会把执法检查和专题询问相结合，列入2015年“一要点四计划”。",
            section=(),
            status="done",
        ),
        Measure(
            id="m2",
            text="全市新增高新技术企业120家，技术合同成交额达到30亿元。",
            section=(),
            status="done",
        ),
    ]
    assert strongest_measures(page, n=2)[0].startswith("全市新增高新技术企业120家")


def test_a_gist_says_what_a_meeting_reported_before_what_a_speaker_demanded() -> None:
    """安康's gist was two demands of a speech (要围绕…，力争…；要以…为契机…) and said nothing of
    what the meeting reported; the report comes first."""
    page = _untitled_or_report(None, publisher="市科技资源统筹中心", written="2023-01-18")
    texts = [
        "要围绕各类科技创新服务平台，精准有效开展对企服务，力争更多科技成果在本地落地转化。",
        "超额完成了省、市各项考核指标任务，全市科技服务体系初步建成，科技服务成效显著。",
    ]
    page.measures = [
        Measure(id=f"m{i}", text=t, section=(), status="done") for i, t in enumerate(texts)
    ]
    assert strongest_measures(page, n=2)[0].startswith("超额完成了省、市各项考核指标任务")


def test_a_key_figure_years_older_than_the_issue_comes_after_newer_ones() -> None:
    """The 要情 heads a theme with the first row of its table: a 2026 issue showed 拉萨市2022年
    54.1% there. In the seeds' 2024 issue the 2022 rows of 基础研究 and 成果转化 follow the 2023
    ones (nothing is dropped)."""
    context = real_context()
    for theme in context["themes"]:
        years = [int(r["year"]) if r["year"] else None for r in theme["indicators"]]
        old = [y is not None and y <= 2022 for y in years]
        assert old == sorted(old), (theme["name"], years)
    basic = next(t for t in context["themes"] if t["name"] == "基础研究")
    assert basic["indicators"][0]["year"] == "2023"
    assert any(r["year"] == "2022" for r in basic["indicators"])


def test_a_lead_that_names_the_theme_and_is_assessed_keeps_the_themes_figures() -> None:
    """Review s4a, 9: 落地见效 is an assessment, not one of several parallel results; the 科技金融
    highlight kept only its first and last clause and lost the 2000亿元 loans."""
    text = (
        "科技金融改革试点落地见效，科技型企业贷款余额突破2000亿元，知识产权质押融资项目落地300个，"
        "省科创母基金正式投入运行，科技金融服务中心全面上线。"
    )
    assert theme_part(text, ["科技金融"]) is None
    text = (
        "人才发展体制机制改革落地见效，新引进高层次人才1200名，博士后科研工作站新建成12家，"
        "院士工作站正式揭牌运行。"
    )
    assert theme_part(text, ["人才"]) is None


def test_a_quote_keeps_the_place_that_got_the_approval_as_its_subject() -> None:
    """Review s4a, 10: 我市获批… is the sentence's own subject; the quote lost the place."""
    text = "我市获批国家创新型城市，科技创新能力显著提升，研发投入强度达到3.2%。"
    assert fact(text) == "我市获批国家创新型城市，研发投入强度达到3.2%"
    text = "我省获批建设国家区域科技创新中心，创新生态持续优化，全省高新技术企业达到1.5万家。"
    assert fact(text).startswith("我省获批建设国家区域科技创新中心，")


def test_a_heading_of_paired_four_character_slogans_is_no_topic() -> None:
    """Review s4c, 10: 守正创新、砥砺前行 is a slogan; the gist said the notice was about it."""
    doc = _reply("关于做好2025年科技工作的通知", "")
    doc.measures = [
        Measure(
            id=f"m{i}",
            text="成立工作专班，统筹推进未来产业培育工作。",
            section=(heading,),
            status="planned",
            themes=[],
        )
        for i, heading in enumerate(
            ("一、守正创新、砥砺前行", "二、凝心聚力、真抓实干", "三、突出重点、精准施策")
        )
    ]
    assert section_topics(doc) == []


def test_a_zone_approved_or_built_is_not_spliced_before_the_citys_figure() -> None:
    """Review s4c, 8: the city's 1200 firms were credited to a zone (苏州自贸片区获批…，新增…)."""
    for text in (
        "苏州自贸片区获批国家级知识产权保护中心，全市科技创新能力稳步提升，企业研发活动持续活跃，"
        "新增高新技术企业1200家。",
        "张江科学城核心区建成运行，全区科技创新能力稳步提升，企业研发活动持续活跃，"
        "新增高新技术企业1200家。",
    ):
        assert quote_of(text)[0] == "新增高新技术企业1200家"
    city = "苏州市获批国家创新型城市，科技创新能力显著提升，研发投入强度达到3.2%。"
    assert quote_of(city)[0] == "苏州市获批国家创新型城市，研发投入强度达到3.2%"


def test_results_with_an_object_or_a_place_are_parallel_results() -> None:
    """Review s4c, 9: 落户苏州工业园区 and 获批全国重点实验室 are results; the 科技金融 quote took the
    whole list, lab and semiconductor centre included."""
    text = (
        "长三角科技金融服务中心落户苏州工业园区，苏州实验室获批全国重点实验室，"
        "国家第三代半导体技术创新中心落户苏州工业园区，3项成果入选中国科学十大进展。"
    )
    assert theme_part(text, ["科技金融"]) == "长三角科技金融服务中心落户苏州工业园区。"
    text = (
        "科技金融服务中心正式揭牌运行，苏州实验室获批全国重点实验室，某某研究院落户相城区，"
        "3项成果入选中国科学十大进展。"
    )
    assert theme_part(text, ["科技金融"]) == "科技金融服务中心正式揭牌运行。"


def test_an_old_provision_or_plan_gets_no_summary_sentence_beside_current_results() -> None:
    """A 2026 issue gave 人才 the sentence 政策明确：萍乡市… of a 2023 city policy beside three
    provinces' 2026 results, and left out there it came back as 政策方面: a leader reads what is
    current; old items are quoted only when nothing current is there."""
    current = ThemeFacts(
        "成果转化",
        12,
        [Cited("新建中试验证平台6家，技术合同成交额增长21.3%。", "[4]", 4, 7, where="某某省")],
        [],
    )
    old_rule = Cited(
        "对新认定的省级创新团队，每个给予100万元资助。", "[2]", 2, 6, True, "某某市", True
    )
    old_plan = Cited("到2024年，引进高层次人才团队30个。", "[3]", 3, 6, False, "某某县", True)
    talent = ThemeFacts("人才", 20, [], [old_rule, old_plan])
    lines = digest_lines(counts=_counts(), kinds=["工作报告"] * 3, themes=[current, talent])
    assert lines[1] == "成果转化方面，某某省新建中试验证平台6家，技术合同成交额增长21.3%[4]。"
    assert not any("[2]" in line or "[3]" in line for line in lines)
    # nothing current in the issue: the old items are what it has, and are quoted
    alone = digest_lines(counts=_counts(), kinds=["工作报告"] * 3, themes=[talent])
    assert alone[1] == "人才方面，政策明确：某某市对新认定的省级创新团队，每个给予100万元资助[2]。"


def test_a_gist_says_how_many_of_its_measures_the_summarys_count_holds() -> None:
    """A pack of whole work reports: the 本期要点 counted 49 measures of the themes while the
    gists said 梳理措施316条 and 256条, and a reader asked which was right. A gist says how many of
    its measures are in the themes, and the gists' numbers add up to the 本期要点's."""
    report = gist(
        "report",
        None,
        180,
        "某某省人民政府",
        "2026年1月20日",
        [],
        theme_counts=[("基础研究", 3), ("人才", 2)],
        themed_count=4,
    )
    assert report == (
        "某某省人民政府2026年1月20日报告，梳理措施180条，其中涉及科技主题的4条"
        "（基础研究3条、人才2条）。"
    )
    none = gist("news", None, 6, "某某日报", "2025年3月2日", [], themed_count=0)
    # S&T measures outside this issue's themes (the 简报's 其他科技工作): never "not S&T"
    assert none == "某某日报2025年3月2日报道，梳理措施6条（均未归入本期主题）。"
    # every measure in a theme: the count as before
    policy = gist(
        "plan", None, 5, "某某市科技局", "", [], theme_counts=[("人才", 5)], themed_count=5
    )
    assert policy == "某某市科技局印发，梳理措施5条（人才5条）。"
    context = real_context()
    digest = context["summary"]["digest"][0]
    themed = context["summary"]["themed_count"]
    assert f"涉及科技主题的措施{themed}条" in digest
    said = [re.search(r"其中涉及科技主题的(\d+)条", d["gist"]) for d in context["documents"]]
    assert sum(int(m.group(1)) for m in said if m) == themed


def test_a_gist_of_greetings_or_a_visit_says_it_holds_nothing_concrete() -> None:
    """A New-Year letter's greetings gave the gist 梳理措施5条（人才5条） and nothing else, and a
    leader looked for five talent measures: a document whose measures say nothing concrete is
    said to hold general statements; one with a concrete measure too long to quote is not."""
    doc = _reply("某某市科技局致全市科技工作者的新春贺信", "")
    greetings = [
        "值此新春佳节来临之际，谨向全市广大科技工作者致以节日的问候和美好的祝愿！",
        "广大科技工作者勇攀高峰、敢为人先！",
        "省科技厅副厅长一行到我市调研科技人才工作，并看望慰问了部分青年科技人才。",
    ]
    doc.measures = [
        Measure(id=f"m{i}", text=t, section=(), status="done", themes=["人才"])
        for i, t in enumerate(greetings)
    ]
    assert says_little(doc)
    assert gist("other", None, 3, "某某市科技局", "", [], general=says_little(doc)) == (
        "某某市科技局发布，梳理措施3条，多为一般性表述。"
    )
    concrete = (
        "对科技型企业以知识价值信用方式获得的银行贷款，按照省级承担40%、市县承担30%、合作银行"
        "承担30%的比例分担不良贷款本金损失，单户企业贷款补偿额度最高不超过300万元，"
        "补偿资金由省级财政和市县财政按季度据实拨付。"
    )
    doc.measures.append(
        Measure(id="m9", text=concrete, section=(), status="planned", themes=["科技金融"])
    )
    doc.indicators = [
        Indicator(
            id="i0",
            text="300万元",
            metric="单户企业贷款补偿额度",
            value=300.0,
            unit="万元",
            year=None,
            kind="provision",
            measure_id="m9",
        )
    ]
    assert not says_little(doc)


def test_next_steps_never_open_on_last_years_results() -> None:
    """Judges of unseen 简报 found 下一步，去年我区… : a result read as a plan opened the plan part
    of the 本期要点. A sentence opening on 去年, 一年来, 通过一年的建设 or 至此 is no plan."""
    last_year = Cited("去年我区共39家企业进行了知识产权质押，共贷款3.78亿元。", "[2]", 2, 7)
    built = Cited("通过一年的建设，全市新建省级重点实验室5家。", "[3]", 3, 7)
    plan = Cited("力争到2026年全县高新技术企业达到60家。", "[1]", 1, 6)
    lines = digest_lines(
        counts=_counts(),
        kinds=["工作总结"] * 3,
        themes=[ThemeFacts("科技金融", 3, [], [last_year, built, plan])],
    )
    assert not any("去年我区" in line or "通过一年" in line for line in lines)
    assert lines[-1] == "科技金融方面，以工作安排为主：力争到2026年全县高新技术企业达到60家[1]。"


def test_a_gist_marks_no_past_result_as_a_next_step() -> None:
    """A report's sentence about last year, read as planned, is no 下一步 in its gist."""
    texts = [
        "去年全区新增高新技术企业35家，技术合同成交额12亿元。",
        "全区国家高新技术企业达到128家，技术合同成交额21亿元、增长35%。",
    ]
    doc = _reply("2026年区政府工作报告", "\n".join(texts))
    doc.measures = [
        Measure(id="m0", text=texts[0], section=(), status="planned", themes=["成果转化"]),
        Measure(id="m1", text=texts[1], section=(), status="done", themes=["成果转化"]),
    ]
    doc.indicators = [
        Indicator(
            id=f"i{k}", text=t, metric=t, value=v, unit=u, year=2025, kind="actual", measure_id="m0"
        )
        for k, (t, v, u) in enumerate(
            (("新增高新技术企业", 35, "家"), ("技术合同成交额", 12, "亿元"))
        )
    ]
    shown = strongest_measures(doc, 2)
    assert any(m.startswith("去年全区新增高新技术企业35家") for m in shown)
    assert not any(m.startswith("下一步") for m in shown)


def test_a_gist_quote_does_not_open_on_boilerplate_or_mid_sentence() -> None:
    """Judges found gists opening on a set phrase (实现资源共享、优势互补，确保…) or mid-sentence
    (总额达14.31亿元，…; 涵盖研发投入…7个维度, the subject cut off)."""
    slogan = clean_sentence(
        "加强校企合作，实现资源共享、优势互补，确保2025年高校院所研发投入增长20%以上。"
    )
    assert fact(slogan) == "确保2025年高校院所研发投入增长20%以上"
    amount = clean_sentence(
        "截至2025年末,全区全年累计发放该类贷款175笔,总额达14.31亿元,精准赋能湖北凌晟药业等80家重点科技企业。"
    )
    assert fact(amount).startswith("截至2025年末，全区全年累计发放该类贷款175笔，总额达14.31亿元")
    scope = clean_sentence(
        "科技型企业知识价值信用评价指标体系根据科技型企业科创属性，涵盖研发投入、知识产权等7个维度的创新要素，并给予不同权重赋值。"
    )
    assert fact(scope).startswith("科技型企业知识价值信用评价指标体系")
    # the place of a pack of many goes after a 截至 date, not before it
    assert placed(fact(amount), "襄城区").startswith("截至2025年末，襄城区全年累计发放")


def test_a_gist_passes_over_a_heading_that_is_a_verdict() -> None:
    """Judges found 涉及加大政府引导扶持力度，创新环境不断优化: how well it went says nothing of
    what the document is about."""
    doc = _reply("某市科技局工作总结", "")
    doc.measures = [
        Measure(
            id=f"m{i}",
            text="成立工作专班，统筹推进科技创新工作。",
            section=(heading,),
            status="done",
            themes=[],
        )
        for i, heading in enumerate(
            ("一、加大政府引导扶持力度，创新环境不断优化", "二、建设科技企业孵化器")
        )
    ]
    assert section_topics(doc) == ["建设科技企业孵化器"]


def test_a_themes_clauses_keep_the_clause_their_tail_leans_on() -> None:
    """A highlight cut to a theme's clauses lost a middle clause and ended on a dangling tail:
    …提供强有力的支撑 whose 为 was cut, 成为首家… without who became it, 与45家企业开展… without who
    did it, 有效地促进了科技成果转化 without what did. Each keeps what it leans on, or the theme
    takes the whole sentence, or (named only in the summing-up) the tail alone, which is no
    highlight."""
    listed = (
        "2024年，新增国家级科技企业孵化器2家，新认定高新技术企业156家，推动高企铁拓机械正式登陆北交所，"
        "成为首家北交所过会上市的福建民企，新增省级重点实验室3家。"
    )
    assert theme_part(listed, ["上市"]) == (
        "2024年，推动高企铁拓机械正式登陆北交所，成为首家北交所过会上市的福建民企。"
    )
    framed = (
        "2024年，新增国家级科技企业孵化器2家，新认定高新技术企业156家，为全市科技型中小企业，"
        "特别是初创企业，提供了覆盖全生命周期的金融服务，新增省级重点实验室3家。"
    )
    assert theme_part(framed, ["金融"]) == (
        "2024年，为全市科技型中小企业，特别是初创企业，提供了覆盖全生命周期的金融服务。"
    )
    paired = (
        "2017-2018年，组织近20所高校的160多位专家赴区县，与45家企业开展科技资源精准对接活动，"
        "累计收集活动成果23个，达成项目合作15项、技术转让2次，建立学生学习基地4个，引进人才4人。"
    )
    part = theme_part(paired, ["技术转让", "对接"])
    assert part is not None and part.startswith(
        "2017-2018年，组织近20所高校的160多位专家赴区县，与45家"
    )
    summed = (
        "“十三五”期间，获国家科技进步奖2项，省级科技进步奖27项，评选出市级科技进步奖467项，"
        "有效地促进了科技成果转化。"
    )
    assert theme_part(summed, ["成果转化"]) == "有效地促进了科技成果转化。"


def test_a_thin_issue_still_gets_three_sentences_from_other_science_work_and_more_results() -> None:
    """Judge s10: a 本期要点 of two sentences (the count and one theme) on a pack whose themes had
    one strong result: the 简报's other S&T work and the theme's next result from another
    document make the third, never a sentence that only counts."""
    theme = ThemeFacts(
        "成果转化",
        3,
        [
            Cited("完成技术合同成交额56.46亿元。", "[1]", 1, 7),
            Cited("登记科技成果789项，同比增长12%。", "[2]", 2, 6),
        ],
        [],
    )
    other = ThemeFacts(OTHER_WORK, 4, [Cited("28家科技研发平台通过验收。", "[3]", 3, 5)], [])
    lines = digest_lines(counts=_counts(), kinds=["工作总结"] * 3, themes=[theme], other_work=other)
    assert lines[1:] == [
        "成果转化方面，完成技术合同成交额56.46亿元[1]。",
        "其他科技工作方面，28家科技研发平台通过验收[3]。",
    ]

    # without other S&T work to quote, the theme's next result from another document
    lines = digest_lines(counts=_counts(), kinds=["工作总结"] * 3, themes=[theme])
    assert lines[1:] == [
        "成果转化方面，完成技术合同成交额56.46亿元[1]。",
        "此外，登记科技成果789项，同比增长12%[2]。",
    ]

    # a pack with plans to come reaches three with its 下一步 and needs no filler
    planned = replace(theme, plans=[Cited("力争高新技术企业突破2600家。", "[1]", 1, 6)])
    lines = digest_lines(
        counts=_counts(), kinds=["工作总结"] * 3, themes=[planned], other_work=other
    )
    assert lines[1:] == [
        "成果转化方面，完成技术合同成交额56.46亿元[1]。",
        "下一步，力争高新技术企业突破2600家[1]。",
    ]


def test_the_digest_does_not_quote_a_fact_that_points_back_at_what_it_does_not_name() -> None:
    """Judge s11: "截至2025年末，襄城区全年累计发放该类贷款175笔" in the 本期要点: which loans, the
    leader cannot tell; a theme's result that names its subject is quoted instead."""
    vague = Cited("截至2025年末，全区累计发放该类贷款175笔，总额达14.31亿元。", "[1]", 1, 9)
    named = Cited("知识价值信用贷款累计发放207.21亿元。", "[2]", 2, 6)
    lines = digest_lines(
        counts=_counts(),
        kinds=["工作总结"] * 2,
        themes=[ThemeFacts("科技金融", 5, [vague, named], [])],
    )
    assert lines[1] == "科技金融方面，知识价值信用贷款累计发放207.21亿元[2]。"
    assert not any("该类" in line for line in lines)


def test_an_items_own_place_after_whole_year_reads_as_a_writer_puts_it() -> None:
    # judge s11: 全年我市共完成… was shown as "全年荆州市共完成…"
    from briefing.context import _said_where

    text = "全年我市共完成科技成果大转化工程项目94项，共登记技术合同交易额23.9亿元。"
    assert _said_where(text, 1, {}, {1: "荆州市"}) == (
        "荆州市全年共完成科技成果大转化工程项目94项，共登记技术合同交易额23.9亿元。"
    )
    assert _said_where("全年，我省新增高新技术企业500家。", 2, {}, {2: "湖北省"}) == (
        "湖北省全年新增高新技术企业500家。"
    )
    # judge s11 (blind, in general terms): items opening on 全区/全市 left the leader asking where
    assert _said_where("截至2025年末，全区累计发放贷款175笔。", 3, {}, {3: "襄城区"}) == (
        "截至2025年末，襄城区累计发放贷款175笔。"
    )
    assert _said_where("全市新增孵化器3家。", 4, {}, {4: "拉萨市"}) == "拉萨市新增孵化器3家。"
    assert (
        _said_where("全年全市新增孵化器3家。", 4, {}, {4: "拉萨市"}) == "拉萨市全年新增孵化器3家。"
    )
    # another level (a city's 全省 is the province) or no place word (全市场) stays
    assert _said_where("全省排名第五。", 4, {}, {4: "拉萨市"}) == "全省排名第五。"
    assert _said_where("全市场推广新技术。", 4, {}, {4: "拉萨市"}) == "全市场推广新技术。"


def test_a_summary_posted_early_next_year_says_this_year_for_the_year_it_reviews() -> None:
    """Its figures are dated by the year it reviews (a 2021 summary posted in March 2022); its
    highlights' 今年（…年） must say the same year, not the posting year."""
    from briefing.digest import own_year

    def summary(title: str, date: str) -> ExtractedDocument:
        doc = _reply(title, "一、工作情况\n全年新增高新技术企业20家。")
        doc.metadata = Metadata(title=title, display_title=title, published_date=date)
        return doc

    assert own_year(summary("广德市科技局2021年工作总结", "2022-03-10")) == 2021
    assert own_year(summary("广德市科技局2021年工作总结", "2022-05-10")) == 2022
    # a summary of January or February whose title names no year: the year is left open
    assert own_year(summary("广德市科技局工作总结", "2022-02-10")) is None


def test_an_undated_laws_provision_does_not_leave_every_older_result_out() -> None:
    """A dev pack of 2015–2025 documents: the 本期要点 quoted one theme, an undated law's "国家设立
    的创业投资引导基金，应当…" (its weakest item), and no theme's results, for all were two years
    older than the issue. A current plan or provision no longer outweighs results: they are
    quoted, first."""
    law = ThemeFacts(
        "科技金融",
        12,
        [],
        [
            Cited(
                "国家设立的创业投资引导基金，应当引导和支持创业投资机构投资。",
                "[14]",
                14,
                4,
                policy=True,
            )
        ],
    )
    old = ThemeFacts(
        "成果转化",
        89,
        [Cited("完成企业技术合同成交额56.46亿元，登记科技成果789项。", "[6]", 6, 8, stale=True)],
        [],
    )
    lines = digest_lines(counts=_counts(), kinds=["工作总结"] * 3, themes=[law, old])
    assert lines[1] == "成果转化方面，完成企业技术合同成交额56.46亿元，登记科技成果789项[6]。"
    assert lines[2].startswith("科技金融方面，政策明确：国家设立的创业投资引导基金")
    # a current result still leaves an old one out, as before
    new = replace(
        old,
        name="人才",
        progress=[Cited("新招录大学生科技特派员43名，选派科技特派员427名。", "[3]", 3, 7)],
    )
    lines = digest_lines(counts=_counts(), kinds=["工作总结"] * 3, themes=[law, old, new])
    assert not any("56.46亿元" in line for line in lines)
    assert lines[1].startswith("人才方面，新招录大学生科技特派员43名")
