"""What a leader counts as substance: the highlights and the 本期要点 report work done or to do,
with a figure or a named programme, not a slogan in quotes, a condition or an occasion; and the
本期要点 quotes an achievement before a support standard (issue #15, items 1 and 5)."""

from __future__ import annotations

from pathlib import Path

from briefing.build import preview_context
from briefing.config import Settings
from briefing.context import BriefingContext

SUMMARY = """2025年襄河区科学技术局科技金融工作总结
发布日期：2025-12-20
一、工作开展情况
1）襄河区聚焦科技型企业“轻资产、无抵押、融资难”的核心痛点，以知识价值信用贷创新模式精准破局。
2）坚持党政“一把手”抓“第一动力”，做好科技金融“五篇大文章”，推动科技金融服务提质增效。
3）合作银行须设立科技金融专营机构（如科技支行或专营部门），并具备科技信贷产品及规范化的风控流程。
4）开展科技金融“早春行”活动，为科技型企业发放知识价值信用贷款12亿元，惠及科技型企业300家。
5）推出“科贷通”专属融资服务，为科技型中小企业提供信用贷款支持。
"""


def _context(tmp_path: Path, name: str, text: str) -> BriefingContext:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return preview_context(Settings(inputs=(folder,)))


def _highlights(context: BriefingContext) -> list[str]:
    return [m["text"] for t in context["themes"] for m in t["highlights"]]


def test_a_slogan_in_quotes_a_condition_or_a_stance_is_no_highlight(tmp_path: Path) -> None:
    """Judged on unseen 简报: "聚焦“轻资产、无抵押、融资难”的核心痛点，以…模式精准破局" scored as if it
    named a programme, and a bank's eligibility condition as work done; a leader reads neither as
    progress. A quote that names a programme (“早春行”活动, “科贷通”专属融资服务) still counts."""
    shown = _highlights(_context(tmp_path, "summary.txt", SUMMARY))
    assert any("知识价值信用贷款12亿元" in line for line in shown)
    assert any(line.startswith("推出“科贷通”专属融资服务") for line in shown)
    assert not [line for line in shown if "核心痛点" in line or "五篇大文章" in line]
    assert not [line for line in shown if "专营机构" in line]


REPLIES = {
    "a.txt": """2025年聊河市科学技术局工作总结
发布日期：2025-12-10
一、工作开展情况
1）制定《聊河市科技成果转化项目管理办法》，对科技成果转化项目给予最高500万元后补助支持，对“揭榜挂帅”项目按合同金额的30%补助揭榜方。
""",
    "b.txt": """2025年泸山市科学技术局工作总结
发布日期：2025-12-12
一、工作开展情况
1）全市新登记技术合同1200项，技术合同成交额达到56.5亿元，增长23%。
""",
}


def test_the_digest_quotes_an_achievement_before_a_support_standard(tmp_path: Path) -> None:
    """A measure whose figures are all support standards (给予最高500万元) scored above a count of
    contracts and led the 本期要点's 成果转化 sentence: a policy made read as the theme's result."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPLIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    context = preview_context(Settings(inputs=(folder,)))
    shown = _highlights(context)
    assert any("500万元" in line for line in shown)  # the standard is still a highlight
    line = next(s for s in context["summary"]["digest"] if s.startswith("成果转化方面"))
    assert "56.5亿元" in line and "500万元" not in line


HOW_WORK_IS_DONE = """2025年襄河区科学技术局科技金融工作总结
发布日期：2025-12-20
一、工作开展情况
1）深化“科贷通”专属融资服务，为科技型中小企业提供信用贷款支持。
2）推广“人才银行”服务模式，聚焦科创企业人才要素提供金融支持。
3）推出“科e贷”专属融资服务，为科技型中小企业提供信用贷款支持。
4）截至2025年末，全区科技贷款余额超40亿元，增速高于各项贷款。
"""


def test_a_result_that_only_describes_how_work_is_done_is_no_highlight(tmp_path: Path) -> None:
    """Judged on unseen 简报: "a description of an approach ranked above concrete results". A
    result with no figure that says nothing came about (深化“科贷通”…服务，为…提供…支持) ranked level
    with a loan balance reached, and before it; the 本期要点 quoted 推广“人才银行”服务模式 as the
    人才 news. How the office works is no highlight; a product launched (推出“科e贷”) still is, and
    at the same score the balance reached comes first."""
    context = _context(tmp_path, "summary.txt", HOW_WORK_IS_DONE)
    finance = next(t for t in context["themes"] if t["name"] == "科技金融")
    texts = [m["text"] for m in finance["highlights"]]
    assert texts[0].startswith("截至2025年末") and texts[1].startswith("推出“科e贷”")
    shown = _highlights(context)
    assert not [line for line in shown if line.startswith(("深化“科贷通”", "推广“人才银行”"))]
    assert not [line for line in context["summary"]["digest"] if "人才银行" in line]


VISIT = """市科技局赴务川县开展“十四五”规划编制调研
发布日期：2020-08-15
8月13日，市科技局副局长李伟男率调研组一行4人到务川县开展专题调研指导，并召开科技创新发展规划编制座谈会，会议由市科技局副局长李伟男主持并讲话。
参会的人员有县政府副县长王彤、县科技局局长申国华和山西泰宝科技有限公司董事长贾宪宝等12家企业主要负责人。
会上，县科技局通报了科技企业培育进展情况，县统计局、县财政局等12个相关单位将对标对表，逐一落实。
2020年，务川县新增高新技术企业5家，技术合同成交额达到1.2亿元。
"""


def test_a_count_of_who_came_to_a_visit_or_a_meeting_makes_it_no_highlight(tmp_path: Path) -> None:
    """A visit or a meeting reported without a figure is no highlight; one whose only figure
    counts who came (一行4人, 12家企业主要负责人, 12个相关单位) was, and the 本期要点 quoted it as
    the 其他科技工作 news. The county's results stay."""
    context = _context(tmp_path, "news.txt", VISIT)
    other = context["other_work"]
    shown = _highlights(context) + [
        m["text"] for m in other["progress"] + other["provisions"] + other["plans"]
    ]
    assert any("新增高新技术企业5家" in line for line in shown)
    assert not [
        line for line in shown if "一行4人" in line or "负责人" in line or "对标对表" in line
    ]
    digest = "".join(context["summary"]["digest"])
    assert "一行4人" not in digest and "负责人" not in digest


UNDATED_REPLY = """关于支持宜川市申报国家创新型城市的建议的答复
李明代表：
您提出的关于支持宜川市申报国家创新型城市的建议收悉，现答复如下：
2016年4月，国家科技部印发了《科技部关于印发建设创新型省份工作指引的通知》，提出将在下一阶段统筹推进创新型省份、创新型城市建设和基层科技创新工作。
下一步，我厅将组织专家对宜川市创新型城市建设方案进行评议咨询，支持宜川市新建省级重点实验室3家。
"""


def test_a_dated_step_told_as_done_is_no_plan_in_an_undated_reply(tmp_path: Path) -> None:
    """A reply page without a date listed "2016年4月，国家科技部印发了《…》" under 下一步安排: with no
    year of its own to compare, a dated clause told as done (印发了) is still the past."""
    context = _context(tmp_path, "reply.txt", UNDATED_REPLY)
    plans = [m["text"] for t in context["themes"] for m in t["plans"]]
    plans += [m["text"] for m in context["other_work"]["plans"]]
    assert any("新建省级重点实验室3家" in line for line in plans)
    assert not [line for line in plans if line.startswith("2016年4月")]
