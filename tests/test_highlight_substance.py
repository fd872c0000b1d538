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
5）深化“科贷通”专属融资服务，为科技型中小企业提供信用贷款支持。
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
    assert any(line.startswith("深化“科贷通”专属融资服务") for line in shown)
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
