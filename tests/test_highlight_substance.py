"""What a leader counts as substance: the highlights and the 本期要点 report work done or to do,
with a figure or a named programme, not a slogan in quotes, a condition or an occasion (issue
#15, item 1)."""

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
