"""Status from genre, section and mood: what a reader of a briefing sees as done or planned."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from briefing.cli import app as cli_app
from briefing.extract.measures import (
    extract_measures,
    heading_status,
    is_framing,
    is_problem_statement,
)
from briefing.extract.status import DocContext, decide, detect_genre, heading_kind
from briefing.extract.structure import parse_structure
from briefing.model import Measure
from briefing.themes import Classifier, load_lexicon

SHA = "cd" * 32
CLASSIFIER = Classifier(load_lexicon())


def measures_of(body: str, title: str | None = None, date: str | None = None) -> list[Measure]:
    return extract_measures(SHA, parse_structure(body), CLASSIFIER, date, title)


def statuses(body: str, title: str | None = None, date: str | None = None) -> dict[str, str]:
    return {m.text: m.status for m in measures_of(body, title, date)}


# ---------------------------------------------------------------- genre


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("2024年重庆市政府工作报告", "report"),
        ("关于市政协六届二次会议第0123号提案的答复", "reply"),
        ("对市人大代表第456号建议的复函", "reply"),
        ("浙江省科学技术厅2023年工作总结", "summary"),
        ("关于加快推进科技成果转化的实施意见", "plan"),
        ("2024年全市科技工作要点", "plan"),
        # the report is what the list divides among the offices: the list is a plan
        ("某市政府工作报告重点工作责任分解(2025年)", "plan"),
        ("2023年全国科技经费投入统计公报", "statistics"),
        # a table or a release of figures, named by its head noun
        ("某市科技统计简表(2019-2024年)", "statistics"),
        ("2024年上半年度某省科技活动相关数据(一)", "statistics"),
        ("2023年枞阳县科技局主要目标任务落实情况", "summary"),
        ("科技局2025年政府工作报告落实情况(1-3月)", "summary"),
    ],
)
def test_genre_comes_from_the_head_noun_of_the_title(title: str, genre: str) -> None:
    assert detect_genre(title).genre == genre


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("某市科学技术局关于印发《某市2022年科技工作总结及2023年工作思路》的通知", "summary"),
        ("某县人民政府关于印发政府工作报告的通知", "report"),
        ("关于印发《某市科技创新三年行动方案》的通知", "plan"),
        # what is sent out names no genre: the notice itself is the order
        ("关于印发《某市科技计划项目管理》的通知", "plan"),
    ],
)
def test_a_notice_sending_out_a_document_has_that_documents_genre(title: str, genre: str) -> None:
    assert detect_genre(title).genre == genre


def test_a_page_whose_notice_sends_a_summary_is_a_summary() -> None:
    page = parse_structure(
        "各区科技局:\n现将《某市2024年科技工作总结及2025年工作思路》印发给你们,请认真抓好落实。\n"
        "一、2024年科技工作情况"
    )
    assert detect_genre("2024年某市科技工作及2025年工作思路", page).genre == "summary"
    # a notice sending a plan stays a plan
    plan = parse_structure(
        "各区科技局:\n现将《某市科技成果转化实施方案》印发给你们,请认真贯彻执行。"
    )
    assert detect_genre(None, plan).genre == "plan"


def test_results_in_a_summary_sent_out_by_a_notice_are_done() -> None:
    title = "某市科学技术局关于印发《某市2022年科技工作总结及2023年工作思路》的通知"
    body = (
        "今年以来,全市科技系统深入实施创新驱动发展战略。\n"
        "全社会研发经费支出157.4亿元,比增12.2%。\n"
        "国家高新技术企业数达1759家,居全省第二。\n"
        "新增各类创新创业载体18个、研发公共服务平台20个。"
    )
    found = statuses(body, title)
    assert found["国家高新技术企业数达1759家,居全省第二。"] == "done"
    assert found["新增各类创新创业载体18个、研发公共服务平台20个。"] == "done"
    assert "印发" in detect_genre(title).cue


def test_a_notice_about_an_inspection_of_results_reports_no_results() -> None:
    # the title's last type word (通知) decides; 落实情况 only names what is to be inspected
    title = "关于开展2024年度科技惠企政策落实情况督查的通知"
    assert detect_genre(title).genre == "plan"
    body = "一、督查内容\n重点督查研发费用加计扣除、高新技术企业税收优惠等政策兑现情况。"
    assert set(statuses(body, title, "2024-05-10").values()) == {"planned"}


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        # the type word is the object of the title's own verb: a headline, not a plan or a reply
        ("2023年某县专利授权量超额完成年度目标任务", "news"),
        ("县人大常委会召开代表建议办理推进会", "news"),
        # inside 关于…的 the verb names the topic of the notice or the report
        ("关于召开2025年全市科技工作会议的通知", "plan"),
        ("关于2024年度科技计划任务完成情况的报告", "report"),
        ("某区落实科技创新重点任务实施方案", "plan"),
    ],
)
def test_a_headline_reporting_an_event_or_a_result_is_news(title: str, genre: str) -> None:
    assert detect_genre(title).genre == genre


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        # no type word, but a subject and what it did or reached: a news item's headline
        ("某县扎实推进创新主体培育工作", "news"),
        ("某州科技和人才工作取得长足进步", "news"),
        ("某市2024年科技活动周启动", "news"),
        ("某市科技局赴省科技厅对接科技合作有关工作", "news"),
        # a type word inside it is what the subject acts on (…强化…政策支撑)
        ("某市强化知识产权质押融资政策支撑引领", "news"),
        # a name, or a slogan that opens on its verb (a speech's), says nothing of the kind
        ("某市科技通讯(第22期)", "unknown"),
        ("致全市科技工作者的新年慰问信", "unknown"),
        ("加快推进科技强省建设为全面振兴提供科技支撑", "unknown"),
    ],
)
def test_a_title_without_type_word_that_reports_what_its_subject_did_is_news(
    title: str, genre: str
) -> None:
    assert detect_genre(title).genre == genre


def test_results_under_a_headline_naming_a_target_met_are_done() -> None:
    title = "2023年某县专利授权量超额完成年度目标任务"
    body = (
        "记者日前从县市场监管局获悉,2023年全县专利授权量1260件,同比增长18%。\n"
        "其中发明专利授权量210件,占比16.7%。"
    )
    assert set(statuses(body, title, "2024-01-20").values()) == {"done"}


def test_a_reply_headed_by_the_proposals_own_title_is_a_reply() -> None:
    # a 人大 site heads its reply with the proposal's title: its last word is 建议, not 答复
    title = "关于支持某县建设省级农业科技园区的建议"
    body = (
        "王某代表:\n您提出的《关于支持某县建设省级农业科技园区的建议》(第57号建议)收悉。现答复如下:\n"
        "今年以来,我厅支持某县实施农业科技项目5项。\n"
        "下一步,我厅将指导某县做好园区申报工作。"
    )
    guess = detect_genre(title, parse_structure(body))
    assert guess.genre == "reply" and "收悉" in guess.cue
    found = statuses(body, title, "2024-06-20")
    assert found["今年以来,我厅支持某县实施农业科技项目5项。"] == "done"
    assert detect_genre("关于第12号提案办理情况的报告").genre == "reply"


def test_a_page_without_title_that_opens_on_a_news_lede_is_news() -> None:
    page = parse_structure(
        "10月9日上午,某市科技成果转化对接会在市会展中心举行。\n"
        "会上,12个项目现场签约,意向金额3.6亿元。"
    )
    guess = detect_genre(None, page)
    assert guess.genre == "news" and "10月9日上午" in guess.cue
    # a plan's own words still decide first
    plan = parse_structure("近日,经研究决定,特制定本方案。\n一、工作目标")
    assert detect_genre(None, plan).genre == "plan"


@pytest.mark.parametrize(
    "lede",
    [
        "2023年3月10日下午,县委常委、副县长某某在县科工局组织召开创建省级创新型县区工作推进会。",
        "为深入开展“科技创新提升年”活动,6月26日上午,市政府召开全市科技工作推进会。",
        "近期,某省第十三届人民代表大会第三次会议在省会举行。",
    ],
)
def test_a_lede_whose_first_sentence_gives_the_day_after_its_year_or_purpose_is_news(
    lede: str,
) -> None:
    page = parse_structure(f"{lede}\n会上,各地围绕上半年科技工作进展作汇报交流。")
    assert detect_genre(None, page).genre == "news"


def test_a_news_lede_below_the_pages_chrome_is_read() -> None:
    # a page whose title line was not kept: breadcrumbs, the headline, 发布时间, 来源 and 字号
    # stand above the lede
    page = parse_structure(
        "当前位置:首页 > 政务公开 > 工作动态\n"
        "某市科技局赴某县开展科技特派员工作专题调研\n"
        "发布时间:2024-05-22 10:31\n"
        "来源:某市科学技术局\n"
        "字号:大 中 小\n"
        "5月21日,市科技局一行赴某县,调研科技特派员服务乡村振兴工作。\n"
        "调研组先后走访了3家农业企业和2个科技示范基地。"
    )
    guess = detect_genre(None, page)
    assert guess.genre == "news" and "5月21日" in guess.cue


def test_a_news_item_retelling_a_year_below_its_lede_is_news_but_a_summary_opening_on_its_year_is_not() -> (
    None
):
    news = parse_structure(
        "3月5日,某市召开科技创新重点工作部署会,安排部署今年重点科技工作。\n"
        "会议指出,过去一年,全市高新技术企业认定数、研发投入强度等重点指标取得新突破。"
    )
    guess = detect_genre(None, news)
    assert guess.genre == "news" and "3月5日" in guess.cue
    summary = parse_structure(
        "2023年,全市科技系统围绕创新驱动发展战略,各项工作取得明显成效。\n"
        "5月20日,举办科技活动周启动仪式,参与群众2万余人次。"
    )
    assert detect_genre(None, summary).genre == "summary"


def test_a_yearbook_entry_on_the_years_work_is_a_summary() -> None:
    # a 年鉴 entry: its head in 【】, then the year it reviews
    entry = parse_structure(
        "【概况】 2014年, 全市科技工作紧紧围绕市委、市政府中心工作,狠抓各项工作落实。\n"
        "【项目工作稳步推进】 争取国家和省级科技计划项目59项。"
    )
    assert detect_genre("科技工作", entry).genre == "summary"


def test_a_page_whose_first_part_reviews_a_year_is_a_summary_but_a_plans_review_of_a_period_is_not() -> (
    None
):
    page = parse_structure(
        "一、2025年上半年工作情况\n(一)建设企业创新平台体系。全区现有创新平台805个。"
    )
    assert detect_genre(None, page).genre == "summary"
    plan = parse_structure(
        "一、“十三五”科技发展回顾\n(一)实施重点科技项目。五年累计实施项目399项。"
    )
    assert detect_genre(None, plan).genre != "summary"


def test_genre_comes_from_the_opening_when_there_is_no_title() -> None:
    reply = parse_structure(
        "你们提出的《关于加强基础研究的建议》收悉。现答复如下:\n一、工作开展情况"
    )
    assert detect_genre(None, reply).genre == "reply"
    report = parse_structure("各位代表:\n现在,我代表市人民政府,向大会报告政府工作,请予审议。")
    assert detect_genre(None, report).genre == "report"


# ---------------------------------------------------------------- sections


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("三、2024年政府工作任务", "tasks"),
        ("二、对今年政府工作的建议", "tasks"),
        ("二、2024年经济社会发展总体要求和政策取向", "tasks"),
        ("二、下一步工作打算", "tasks"),
        ("(三)工作目标", "tasks"),
        ("一、2023年工作回顾", "review"),
        ("一、工作开展情况", "review"),
        ("一、2023年重点工作完成情况", "review"),
        ("一、落实中央和市委部署要求取得新突破", "review"),
        # a task word as the object of 落实 is not the heading's head noun
        ("一、提升站位、深化认识,全面落实整改要求", None),
        # an order that names a result to keep is no review
        ("(三)巩固拓展脱贫攻坚成果", None),
        ("(一)强化基础研究", None),
    ],
)
def test_heading_wording_says_review_or_tasks(heading: str, kind: str | None) -> None:
    verdict = heading_kind(heading, 2024, "report")
    assert (verdict.kind if verdict else None) == kind


def test_a_heading_year_decides_against_the_documents_own_year() -> None:
    assert heading_kind("一、2023年主要工作", 2024, "report").kind == "review"  # type: ignore[union-attr]
    assert heading_kind("二、2024年主要工作", 2024, "report").kind == "tasks"  # type: ignore[union-attr]
    # a year-end summary's heading naming its own year looks back
    assert heading_kind("一、2024年主要工作", 2024, "summary") is None


def test_a_noun_of_tasks_under_a_review_heading_names_what_was_done() -> None:
    summary = DocContext("summary", 2024)
    section = ("一、2024年工作情况", "(三)扎实推进重点工作")
    decision = decide("新建省级重点实验室5家。", section, summary)
    assert decision.status == "done"
    assert decision.section is not None and decision.section.heading == "一、2024年工作情况"
    assert decide("完善人才政策。", ("一、主要成效", "(二)创新政策举措"), summary).status == "done"
    # a heading that looks ahead keeps its own verdict inside a review part
    assert decide(
        "新建省级重点实验室5家。", ("一、工作开展情况", "(五)下一步工作打算"), summary
    ).status == ("planned")
    # with no review heading above it, the noun still marks a task part
    assert decide("新建省级重点实验室5家。", ("二、2025年重点工作",), summary).status == "planned"


def test_a_summarys_topic_headings_name_what_was_done_its_plans_look_ahead() -> None:
    """A summary reports: its parts named by a topic (2024年重点工作, 创新工作思路, 年度目标任务)
    hold what was done; a part is its plans only when its heading looks ahead in time."""
    text = "推动自创区政策试点“揭榜挂帅”行动,强化自创区自贸区联动发展。"
    for year in (2024, None):
        summary = DocContext("summary", year)
        assert decide(text, ("一、2024年重点工作",), summary).status == "done"
        assert decide(text, ("(二)创新工作思路,优化创新生态",), summary).status == "done"
        assert decide(text, ("三、年度目标任务",), summary).status == "done"
        assert decide(text, ("三、下一步工作打算",), summary).status == "planned"
        assert decide(text, ("三、明年工作思路",), summary).status == "planned"
    assert decide(text, ("三、2025年工作思路",), DocContext("summary", 2024)).status == "planned"
    # a plan's or a report's task nouns are its task parts, as before
    assert decide(text, ("二、重点任务",), DocContext("report", 2024)).status == "planned"


REPORT = """各位代表:
现在,我代表市人民政府,向大会报告政府工作,请予审议。
一、2023年工作回顾
过去一年,全市地区生产总值增长6.1%。
新增高新技术企业1200家,技术合同成交额达到865亿元。
二、2024年经济社会发展总体要求和政策取向
今年经济社会发展的主要预期目标是:地区生产总值增长6%左右。
三、2024年政府工作任务
(一)加快建设现代化产业体系。
实施先进制造业集群培育行动,新增高新技术企业1000家。
今年拟安排地方政府专项债券3.9万亿元。
四、全面加强政府自身建设
坚持依法行政,自觉接受人大监督。
"""


def test_a_government_work_report_reads_its_review_as_done_and_its_task_part_as_planned() -> None:
    got = statuses(REPORT, title="2024年政府工作报告", date="2024-01-20")
    assert got["过去一年,全市地区生产总值增长6.1%。"] == "done"
    assert got["新增高新技术企业1200家,技术合同成交额达到865亿元。"] == "done"
    assert got["今年经济社会发展的主要预期目标是:地区生产总值增长6%左右。"] == "planned"
    # a plain imperative and a figure with 新增 in the task part are this year's tasks
    assert got["实施先进制造业集群培育行动,新增高新技术企业1000家。"] == "planned"
    assert got["今年拟安排地方政府专项债券3.9万亿元。"] == "planned"
    # the section after the task part has no cue of its own: it still belongs to the tasks
    assert got["坚持依法行政,自觉接受人大监督。"] == "planned"


def test_a_replys_next_steps_passage_is_planned_without_a_heading() -> None:
    body = (
        "一、工作开展情况\n"
        "我局组织实施市级自然科学基金项目1800项。\n"
        "我局下步将重点做好如下工作:\n"
        "推动高校与企业共建研发平台。\n"
        "支持区县设立科技成果转化基金。"
    )
    got = statuses(body, title="关于第0012号提案的答复")
    assert got["我局组织实施市级自然科学基金项目1800项。"] == "done"
    assert got["推动高校与企业共建研发平台。"] == "planned"
    assert got["支持区县设立科技成果转化基金。"] == "planned"


def test_a_meetings_instructions_in_a_news_item_are_planned() -> None:
    body = (
        "3月5日,全县科技工作会议召开,会议总结了2023年工作,全县新增高新技术企业12家。\n"
        "会议要求,各乡镇要高度重视科技创新工作。一是强化企业创新主体地位。二是加大研发投入。\n"
        "当天下午,与会人员参观了县科技创新中心。"
    )
    got = statuses(body, title="全县科技工作会议召开", date="2024-03-06")
    assert got["会议要求,各乡镇要高度重视科技创新工作。"] == "planned"
    assert got["一是强化企业创新主体地位。"] == "planned"
    assert got["二是加大研发投入。"] == "planned"
    assert got["当天下午,与会人员参观了县科技创新中心。"] == "done"


def test_a_leaders_instructions_in_a_speech_are_planned_in_a_meetings_summary() -> None:
    # a news item on a year-end summary meeting: the speech's 要… items are what is to be done
    body = (
        "1月17日下午,市科技资源统筹中心召开2022年度工作总结座谈会。\n"
        "郑文新同志在讲话时强调:全体干部职工要以时不我待的紧迫感做好2023年各项工作。"
        "要以全面融入秦创原创新驱动平台建设为契机,认真谋划部署2023年重点工作。"
        "要树立全局“一盘棋”思想,团结协作,并肩作战。\n"
    )
    got = statuses(body, title="市科技资源统筹中心召开2022年度工作总结座谈会", date="2023-01-18")
    assert got["要以全面融入秦创原创新驱动平台建设为契机,认真谋划部署2023年重点工作。"] == "planned"
    assert got["要树立全局“一盘棋”思想,团结协作,并肩作战。"] == "planned"


def test_a_paragraph_that_opens_on_a_target_year_is_planned_to_its_end() -> None:
    # 到2030年, frames the paragraph: its later sentences state the targets, not results, even
    # with a verb of result (达到, 突破) and no cue of their own
    frame = "到2030年，全市高新技术企业达到5000家。"
    targets = "技术合同成交额突破500亿元，研发投入强度达到3%。"
    results = "2024年，全市技术合同成交额达到300亿元。"
    body = f"{frame}{targets}\n{results}\n"
    got = statuses(body, title="我市召开2025年全市科技工作会议", date="2025-03-01")
    assert got[frame] == "planned"
    assert got[targets] == "planned"
    # the next paragraph is not framed by it
    assert got[results] == "done"
    # a target date already past frames nothing (到2024年底, in a page of 2025)
    past = "到2024年底，全市高新技术企业达到4000家。技术合同成交额突破300亿元。\n"
    assert set(
        statuses(past, title="我市召开2025年全市科技工作会议", date="2025-03-01").values()
    ) == {"done"}
    # nor, in a summary signed in the year it reviews, that year's end: 到2024年底 gives its result
    body = "一、工作成效\n到2024年底，全市高新技术企业达到4000家。技术合同成交额突破300亿元。\n"
    got = statuses(body, title="某市科技局2024年工作总结", date="2024-12-20")
    assert got["技术合同成交额突破300亿元。"] == "done"


def test_explain_names_the_target_year_that_opens_the_paragraph(
    app: typer.Typer, tmp_path: Path
) -> None:
    doc = tmp_path / "news.txt"
    doc.write_text(
        "我市召开2025年全市科技工作会议\n"
        "到2030年，全市高新技术企业达到5000家。技术合同成交额突破500亿元。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", "技术合同成交额突破500亿元。", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert "状态：planned（计划）" in result.output
    assert "决定因素：计划段落——位于“到2030年，全市高新技术企业达到5000家。”开启的段落" in (
        result.output
    )


def test_a_sentence_going_on_with_同时_keeps_the_mood_of_the_one_before() -> None:
    body = (
        "11月25日下午,县科技局召开科技工作推进会。\n"
        "县科技局将着重推进财政科技投入、R&D费用归集等关键指标的落实。"
        "同时,紧密结合本县实际,细化2025年工作思路,制定切实可行的具体举措。\n"
        "会上,县科技局通报了全县高新技术企业认定情况。"
        "同时,对科技型中小企业评价入库工作进行了部署。\n"
    )
    got = statuses(body, title="县科技局召开科技工作推进会", date="2024-11-26")
    assert got["同时,紧密结合本县实际,细化2025年工作思路,制定切实可行的具体举措。"] == "planned"
    # after a sentence with no cue of its own, 同时 borrows nothing
    assert got["同时,对科技型中小企业评价入库工作进行了部署。"] == "done"


def test_a_同时_sentence_of_results_after_a_meetings_demand_stays_done() -> None:
    # the year's results in the next paragraph, and results said with their own verbs
    results = (
        "同时，全市建成省级以上科技创新平台32个，新建院士专家工作站5家，引进高层次人才团队12个。"
    )
    demand = "会议要求，2024年要实施科技型企业梯次培育行动，新培育科技型中小企业300家。"
    title = "我市召开2024年全市科技工作会议"
    got = statuses(f"{demand}\n{results}\n", title=title, date="2024-02-20")
    assert got[demand] == "planned"
    assert got[results] == "done"
    # in the same paragraph as a plan, a 同时 sentence that says what it built keeps its own mood
    plan = "县科技局将着重推进财政科技投入、R&D费用归集等关键指标的落实。"
    got = statuses(f"{plan}{results}\n", title=title, date="2024-02-20")
    assert got[plan] == "planned"
    assert got[results] == "done"


# ---------------------------------------------------------------- mood


@pytest.mark.parametrize(
    "text",
    [
        "今年拟安排地方政府专项债券3.9万亿元。",
        "力争全年技术合同成交额突破1000亿元。",
        "到2027年,全社会研发经费投入强度达到2.5%。",
        "我们将进一步加大科技金融支持力度。",
        # 将 before the adverb 着重, as before 着力 or 重点
        "县科技局将着重推进财政科技投入、R&D费用归集等关键指标的落实。",
    ],
)
def test_plan_cues_make_a_sentence_planned_even_under_a_review_heading(text: str) -> None:
    decision = decide(text, ("一、工作开展情况",), DocContext("reply", 2024))
    assert decision.status == "planned"
    assert decision.basis == "mood"


@pytest.mark.parametrize(
    "text",
    [
        "截至2023年底,累计建成国家级孵化器26家。",
        "今年以来,全市新认定高新技术企业1200家。",
        "出台了《关于支持科技型企业融资的若干措施》。",
    ],
)
def test_past_cues_make_a_sentence_done_even_under_a_task_heading(text: str) -> None:
    decision = decide(text, ("二、下一步工作打算",), DocContext("reply", 2024))
    assert decision.status == "done"
    assert decision.basis == "mood"


def test_zhengqudao_is_a_target_only_before_a_time() -> None:
    # 争取到位/争取到X资金 reports money obtained; 争取到2025年 sets a target
    review = ("一、2024年工作回顾",)
    got = "争取到位上级预算内项目资金和国债资金超200亿元,创历年新高。"
    assert decide(got, review, DocContext("report", 2025)).status == "done"
    target = "争取到2027年全市研发投入强度达到2.5%。"
    decision = decide(target, review, DocContext("report", 2025))
    assert (decision.status, decision.basis) == ("planned", "mood")


def test_an_estimate_in_a_summary_is_the_years_result_not_a_plan() -> None:
    text = "全社会研发投入总量预计750亿元、增长10%。"
    assert decide(text, (), DocContext("summary", 2023)).status == "done"
    assert decide(text, ("三、2024年工作安排",), DocContext("summary", 2023)).status == "planned"


def test_an_event_dated_before_the_document_reports_someone_elses_plan_as_done() -> None:
    text = (
        "2016年4月,科技部印发了《建设创新型省份工作指引》,提出将在下一阶段统筹推进创新型城市建设。"
    )
    assert decide(text, (), DocContext("reply", 2017)).status == "done"
    # the same words in a document of that year announce the plan
    assert decide(
        "科技部将在下一阶段统筹推进创新型城市建设。", (), DocContext("reply", 2016)
    ).status == ("planned")


@pytest.mark.parametrize("subject", ["全市", "全省", "全县", "本区"])
def test_a_place_as_a_whole_that_will_do_something_plans_it(subject: str) -> None:
    # a news item retelling a work report's five-year targets: 全市将 is 我市将
    text = f"未来五年,{subject}将新建5个院士工作站,高新技术企业达到4500家。"
    assert decide(text, (), DocContext("news", 2022)).status == "planned"
    # 将 before a noun and 纳入 is still the object marker of what was done
    done = f"{subject}已将30家企业纳入科技型企业培育库。"
    assert decide(done, (), DocContext("news", 2022)).status == "done"


@pytest.mark.parametrize(
    "text",
    [
        "张新伟说,未来5年,太原将新建5个院士工作站、10个重点实验室。",
        "郑州市今年将新增国家高新技术企业100家。",
        "环县将建设县级科技企业孵化器1个。",
    ],
)
def test_a_place_named_as_the_subject_makes_jiang_a_modal(text: str) -> None:
    # a news item retelling a city's work report: the place's plans are not its progress
    decision = decide(text, (), DocContext("news", 2025))
    assert decision.status == "planned"
    assert decision.basis == "mood" and "情态动词" in decision.reason


@pytest.mark.parametrize(
    "text",
    [
        # a news item retelling a work report: what each zone must do
        "中关村科学城要系统布局基础前沿和关键核心技术,努力培育世界一流科研院所。",
        "同时,北京经济技术开发区要在管理体制、运行机制等方面实现突破。",
        "报告强调,北京2019年全力抓好“三城一区”主平台建设。",
    ],
)
def test_what_a_place_must_do_or_a_report_stresses_is_planned(text: str) -> None:
    assert decide(text, (), DocContext("news", 2019)).status == "planned"


@pytest.mark.parametrize(
    "text",
    ["太原将五个片区808家科技型企业纳入培育库。", "郑州将37项专利作价1亿元入股。"],
)
def test_jiang_after_a_place_before_a_noun_and_its_verb_is_the_object_marker(text: str) -> None:
    assert decide(text, (), DocContext("news", 2025)).status == "done"


@pytest.mark.parametrize(
    "text",
    [
        # a noun or a number after a place's 将 is its object: a past disposal, not a plan
        "深圳将人工智能摆在突出位置,出台了专项政策。",
        "鄞州区将3项成果转让给企业。",
        # 号召力 is a noun; 会上提出 opening a review is no instruction
        "号召力持续增强,全市新增院士工作站5个。",
        "会上提出,全市科技系统过去一年新增高新技术企业300家。",
        # a goal checked, or last year's goal, is not one set
        "对各区县年度目标是否完成进行了考核。",
        "去年的目标是新增高企100家,实际新增120家。",
    ],
)
def test_look_alikes_of_plan_cues_leave_a_review_done(text: str) -> None:
    assert decide(text, (), DocContext("news", 2025)).status == "done"


def test_a_place_jiang_later_in_a_sentence_that_opens_with_jiang_is_still_a_modal() -> None:
    text = "将科技工作纳入考核,太原将新建10个实验室。"
    assert decide(text, (), DocContext("news", 2025)).status == "planned"


def test_a_future_period_marks_what_follows_in_its_paragraph_as_planned() -> None:
    body = (
        "1月10日,全县科技工作会议召开。\n"
        "会上提出,未来三年,全县新建院士工作站5个。培育高新技术企业100家。\n"
        "2024年,全县新增科技型中小企业60家。\n"
        "到“十五五”末,全县高新技术企业达到300家。"
    )
    got = statuses(body, title="全县科技工作会议召开", date="2025-01-10")
    assert got["会上提出,未来三年,全县新建院士工作站5个。"] == "planned"
    assert got["培育高新技术企业100家。"] == "planned"
    assert got["2024年,全县新增科技型中小企业60家。"] == "done"
    assert got["到“十五五”末,全县高新技术企业达到300家。"] == "planned"
    # planning for the years ahead was itself the work done
    summary = "对未来5-10年高新区发展空间进行谋划,形成初步方案。"
    assert decide(summary, (), DocContext("summary", 2024)).status == "done"
    # a part headed by the period ahead lists plans; 未来产业 names an industry, not a time
    assert heading_status("二、未来五年的工作") == "planned"
    assert heading_status("(三)培育未来产业") is None


def test_a_news_digest_of_this_years_goals_reads_them_as_targets() -> None:
    body = (
        "2月20日,全市科技工作会议召开。2024年,全市新增国家高新技术企业120家。\n"
        "今年全市科技工作的主要目标:\n"
        "新增国家高新技术企业80家、科技型中小企业100家以上;\n"
        "技术合同成交额达到200亿元。\n"
        "会议表彰了2024年度科技工作先进单位。\n"
        "2025年科技工作总体目标是:全社会研发投入增长10%以上。"
    )
    got = statuses(body, title="全市科技工作会议召开", date="2025-02-21")
    assert got["2024年,全市新增国家高新技术企业120家。"] == "done"
    assert got["新增国家高新技术企业80家、科技型中小企业100家以上;"] == "planned"
    assert got["技术合同成交额达到200亿元。"] == "planned"
    assert got["会议表彰了2024年度科技工作先进单位。"] == "done"
    assert got["2025年科技工作总体目标是:全社会研发投入增长10%以上。"] == "planned"
    # last year's goal, told in a review, was a target then; a goal met is a result
    last = "2023年的主要目标是新增高新技术企业100家,实际新增120家。"
    assert decide(last, (), DocContext("summary", 2024)).status == "done"
    met = "全面完成年度目标任务:新增高新技术企业50家。"
    assert decide(met, (), DocContext("summary", None)).status == "done"


def test_explain_names_the_place_that_will_act(app: typer.Typer) -> None:
    result = CliRunner().invoke(
        app, ["explain", "太原将新建5个院士工作站。", "--title", "太原市召开科技工作新闻发布会"]
    )
    assert result.exit_code == 0, result.output
    assert "planned" in result.output
    assert "“太原将”中的“将”是情态动词" in result.output
    assert "宾语标记" not in result.output


def test_what_a_meeting_pointed_out_is_decided_by_the_rest_of_the_sentence() -> None:
    body = (
        "2月14日,全市科技系统工作会议召开。\n"
        "会议指出,2024年,全市科技系统凝心聚力,全社会研发投入强度达到2.68%。\n"
        "会议指出,要准确把握科技工作的部署要求。\n"
        "会议强调,一是提高站位、深化认识。"
    )
    got = statuses(body, title="全市科技系统工作会议召开", date="2025-02-17")
    assert got["会议指出,2024年,全市科技系统凝心聚力,全社会研发投入强度达到2.68%。"] == "done"
    assert got["会议指出,要准确把握科技工作的部署要求。"] == "planned"
    assert got["会议强调,一是提高站位、深化认识。"] == "planned"


def test_what_a_meeting_put_forward_or_called_for_is_planned() -> None:
    body = (
        "5月30日,全市科技工作者日座谈会召开。去年,我市新增国家高新技术企业90家。\n"
        "会议提出,当前,某市正处于转型升级的关键时期,广大科技工作者要勇当排头兵。"
        "瞄准国家所需,通过技术攻关,解决实际问题。\n"
        "会议号召全市广大科技工作者大力弘扬科学家精神。"
    )
    got = statuses(body, title="全市科技工作者日座谈会召开", date="2025-05-30")
    assert got["去年,我市新增国家高新技术企业90家。"] == "done"
    assert got["瞄准国家所需,通过技术攻关,解决实际问题。"] == "planned"
    assert got["会议号召全市广大科技工作者大力弘扬科学家精神。"] == "planned"


def test_a_leaders_numbered_tasks_and_the_units_told_to_act_are_planned() -> None:
    body = (
        "5月6日,全市科技工作推进会召开。会议通报了一季度全市科技工作进展。\n"
        "三要抓好科技型企业培育,建立后备企业库。\n"
        "王某某指出,各成员单位要高度重视,持之以恒抓推进。"
    )
    got = statuses(body, title="全市科技工作推进会召开", date="2025-05-07")
    assert got["会议通报了一季度全市科技工作进展。"] == "done"
    assert got["三要抓好科技型企业培育,建立后备企业库。"] == "planned"
    assert got["王某某指出,各成员单位要高度重视,持之以恒抓推进。"] == "planned"


def test_a_plans_opening_before_its_first_heading_counts_when_it_says_what_will_be_done() -> None:
    body = (
        "各区县人民政府,市政府各部门,有关单位:\n"
        "为加快科技成果转化,根据有关规定,结合我市实际,制定本实施方案。\n"
        "“十五五”时期,全市将全面落实创新驱动发展战略,建立以企业为主体的技术创新体系。\n"
        "一、主要任务\n"
        "建设概念验证中心。"
    )
    got = statuses(body, title="某某市科技成果转化实施方案", date="2025-06-01")
    assert got == {
        "“十五五”时期,全市将全面落实创新驱动发展战略,建立以企业为主体的技术创新体系。": "planned",
        "建设概念验证中心。": "planned",
    }


UNTITLED_PLAN = (
    "到2025年,全县高新技术企业达到50家。\n"
    "力争每年新增科技型中小企业20家。\n"
    "县财政将设立科技创新专项资金。\n"
    "拟建设县级科技企业孵化器1个。\n"
    "加强科技特派员队伍建设。"
)


def test_a_page_without_title_whose_sentences_mostly_plan_is_read_as_a_plan() -> None:
    got = statuses(UNTITLED_PLAN, date="2023-03-01")
    assert got["加强科技特派员队伍建设。"] == "planned"


def test_a_page_without_title_whose_sentences_mostly_report_stays_done() -> None:
    body = (
        "全县已建成科技企业孵化器3个。\n"
        "累计培育科技型中小企业80家。\n"
        "县科技局组织开展了科技活动周。\n"
        "县财政将继续加大科技投入。\n"
        "加强科技特派员队伍建设。"
    )
    assert statuses(body, date="2023-12-20")["加强科技特派员队伍建设。"] == "done"


def test_a_page_without_title_that_gives_orders_is_read_as_a_plan() -> None:
    """A work-points page or a task list without its title: bare orders (加快…, 支持…), no
    subject and no cue, are what will be done."""
    body = (
        "一、强化企业创新主体地位\n"
        "支持企业建立研发机构。\n"
        "鼓励高校院所与企业联合承担科研任务。\n"
        "二、加快科技成果转化\n"
        "推进科技成果转化中试基地建设。\n"
        "加快建设技术转移服务体系。"
    )
    got = statuses(body, date="2025-02-10")
    assert set(got.values()) == {"planned"}, got


def test_a_page_without_title_whose_leads_name_fields_of_deeds_stays_done() -> None:
    """加强…,组织…: a summary names the field, then what was done in it; the lead verb alone
    is no order when the clause after it gives none."""
    body = (
        "加强科技型企业培育,组织企业申报高新技术企业。推进科技特派员服务,"
        "选派特派员深入乡镇开展技术培训。强化科技成果转化,举办校企对接活动。"
        "深化科技合作,与省农科院共建试验示范基地。"
    )
    got = statuses(body, date="2024-12-20")
    assert len(got) == 4 and set(got.values()) == {"done"}, got


def test_a_page_without_title_that_also_reports_results_stays_done() -> None:
    """A news page that retells a review beside a few orders is not a plan: orders must outnumber
    the results more than twice over."""
    body = (
        "全县高新技术企业达到52家,同比增长18%。\n"
        "技术合同成交额增长23%。\n"
        "支持企业建立研发机构。\n"
        "加快建设技术转移服务体系。\n"
        "推进科技成果转化中试基地建设。"
    )
    assert statuses(body, date="2025-02-10")["支持企业建立研发机构。"] == "done"


def test_a_document_naming_itself_by_its_type_is_a_plan() -> None:
    body = parse_structure(
        "一、指导思想\n坚持以人才评价改革为牵引。\n二、试点范围\n"
        "试点单位:省内高校和科研院所。\n试点期限:2年(自本方案印发之日起)。"
    )
    guess = detect_genre(None, body)
    assert guess.genre == "plan" and "本方案" in guess.cue
    # 还本付息 is no self-reference
    news = parse_structure("区科技局走访企业。\n帮助企业办理贷款延期还本付息政策。")
    assert detect_genre(None, news).genre == "unknown"


def test_a_word_ending_in_ben_is_no_self_reference() -> None:
    # 降成本措施 is a policy the office carried out, not the page naming itself 本措施
    body = (
        "县科技局扎实推进科技惠企工作,全面落实降成本措施,持续优化创新生态。\n"
        "一、科技特派员服务\n组织科技特派员深入乡镇开展技术指导,推广新品种新技术。\n"
        "二、企业培育\n组织企业申报高新技术企业,帮助企业解决技术难题。\n"
        "三、成果转化\n举办校企对接活动,推动科技成果在本地转化。"
    )
    assert detect_genre(None, parse_structure(body)).genre == "unknown"
    assert set(statuses(body, date="2024-12-20").values()) == {"done"}
    for words in ("基本政策", "资本规划", "根本措施", "日本政策"):
        page = parse_structure(f"县科技局介绍{words}。\n组织企业申报高新技术企业。")
        assert detect_genre(None, page).genre == "unknown", words


def test_a_decision_made_public_is_done_in_a_notice() -> None:
    text = "确定255名科技人员为市级科技特派员,现予以公布。"
    assert decide(text, (), DocContext("plan", 2018)).status == "done"
    # what a policy says it will make public stays a provision
    assert decide("对考核优秀的予以通报表扬。", (), DocContext("plan", 2018)).status == "planned"


def test_explain_names_the_moods_that_made_a_page_a_plan(app: typer.Typer, tmp_path: Path) -> None:
    doc = tmp_path / "page.txt"
    doc.write_text(UNTITLED_PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "加强科技特派员队伍建设。", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert (
        "计划" in result.output
        and "计划语气或祈使的句子（5句）远多于已完成语气的句子（0句）" in result.output
    )


def test_a_plans_already_is_a_relative_clause_in_its_task_sections() -> None:
    text = "对已认定的高新技术企业给予一次性奖励。"
    assert decide(text, ("二、主要任务",), DocContext("plan", 2024)).status == "planned"


# ---------------------------------------------------------------- problems


@pytest.mark.parametrize(
    "text",
    [
        "但也要看到,我市科技综合实力与先进地区相比还有差距。",
        "企业创新主体地位仍然不强,高端人才仍然不足。",
    ],
)
def test_statements_of_problems_are_not_measures(text: str) -> None:
    assert is_problem_statement(text)
    assert measures_of(f"一、工作情况\n{text}\n新建重点实验室3个。") != []
    assert text not in {m.text for m in measures_of(f"一、工作情况\n{text}")}


@pytest.mark.parametrize(
    "text",
    [
        "在肯定成绩的同时,我们也清醒看到面临的困难和问题。",
        "关键领域创新支撑能力不强。",
        "创新要素集聚不足,创新驱动能力较弱;",
        "科技成果转化水平有待提高。",
    ],
)
def test_shortcomings_stated_in_a_report_are_not_measures(text: str) -> None:
    assert is_problem_statement(text)


@pytest.mark.parametrize(
    "text",
    [
        # verbs of remedy used as nouns (建设管理水平, 压力加大): most clauses state a shortcoming
        "城乡基础设施仍不完善,建设管理水平与群众的期待还有一定差距。",
        "消费恢复迟缓,输入性通胀压力加大,中小微企业生产经营困难,稳就业任务更加艰巨。",
        "在疫情防控中,公共卫生应急管理等方面暴露出不少薄弱环节。",
    ],
)
def test_a_sentence_mostly_of_shortcomings_is_no_measure(text: str) -> None:
    assert is_problem_statement(text)


def test_a_clause_of_problems_in_a_semicolon_list_is_no_measure() -> None:
    body = (
        "一、2024年工作回顾\n加快建设科学城,新建重点实验室3个;创新要素集聚不足,创新驱动能力较弱。"
    )
    assert [m.text for m in measures_of(body)] == ["加快建设科学城,新建重点实验室3个;"]


def test_making_good_a_shortcoming_is_a_measure() -> None:
    text = "三是培育一批成长型企业,弥补一般创业投资企业主要关注成长后期企业的不足。"
    assert not is_problem_statement(text)


@pytest.mark.parametrize(
    "text",
    [
        "各位代表！",
        "各位代表,过去一年的成绩来之不易。",
        "2022年是党和国家历史上极为重要的一年。",
        "第一条为规范引导基金管理,根据有关规定,制定本办法。",
        "重点抓好以下六个方面的工作。",
        "现在,我代表市人民政府,向大会报告工作,请予审议。",
        "为加快科技成果转化,根据有关规定,结合我市实际,制定本实施方案。",
        "《某某市科技创新实施方案》已经市政府同意,现印发你们,请认真组织实施。",
        "您好!",
        "感谢您对我市科技工作的关心和支持。",
        "您对以上答复有什么意见,请填写反馈意见表。",
        "希望继续对我们的工作提出宝贵意见和建议。",
        "欢迎您对我们的工作批评指正。",
        "我们对您的提案进行了认真研究,认为您的提案非常好。",
        "2022年是党的二十大胜利召开之年,也是撤县设市30周年,极为重要、意义非凡。",
        "2025年是“十四五”规划收官之年。",
        "回顾过去一年,成绩得来殊为不易。",
        "区科技局、区财政局(区国资办)、区税务局等有关部门,某某经开区管委会。",
        "科技厅副巡视员张三、计划处和法规处负责同志参加了调研活动。",
        "市科技局有关处室负责人出席会议。",
        "会议由市科技局副局长李四主持。",
    ],
)
def test_framing_of_reports_and_regulations_is_not_a_measure(text: str) -> None:
    body = f"一、2023年工作回顾\n{text}\n新建重点实验室3个。"
    assert [m.text for m in measures_of(body)] == ["新建重点实验室3个。"]


def test_the_leadership_formula_opens_no_measure_outside_a_plan() -> None:
    formula = "过去一年,在市委、市政府的坚强领导下,全市上下团结奋斗,经济社会发展取得新成效。"
    counted = "一年来,在市委的坚强领导下,全市研发投入增长12%。"
    body = f"一、2023年工作回顾\n{formula}\n{counted}"
    assert [m.text for m in measures_of(body, title="政府工作报告")] == [counted]
    # a plan's review of its base period says what was done in the same words
    review = "“十三五”期间,在区委区政府的坚强领导下,全区人才工作取得显著成效。"
    plan = measures_of(f"一、发展基础\n{review}", title="某区人才发展“十四五”规划")
    assert [m.text for m in plan] == [review]


def test_the_leadership_formula_with_a_second_patron_opens_no_measure() -> None:
    # 在…领导和…指导下: the same formula, the higher office's guidance named beside the leadership
    formula = (
        "今年来,全市科技创新工作在市委、市政府的正确领导和省科技厅的具体指导下,"
        "各项工作扎实推进,圆满完成了年度目标任务。"
    )
    counted = "在市委的坚强领导和省科技厅的大力支持下,全市新增高新技术企业120家。"
    body = f"一、2022年工作成效\n{formula}\n{counted}"
    assert [m.text for m in measures_of(body, title="市科技局2022年工作总结")] == [counted]
    # a result with no digit after the formula is the sentence's news
    for won in (
        "在市委、市政府的正确领导和省科技厅的具体指导下，我市成功获批国家创新型城市。",
        "在市委、市政府的正确领导下，我市成功获批国家创新型城市。",
    ):
        got = measures_of(f"一、2022年工作成效\n{won}", title="市科技局2022年工作总结")
        assert [m.text for m in got] == [won]


def test_the_lead_of_a_work_reports_part_is_no_measure_but_a_news_items_is() -> None:
    lead = "一年来,我们开拓进取、实干笃行,对外开放取得新成果。"
    fact = "新设外商投资企业236家、同比增长24.8%。"
    body = f"一、2023年工作回顾\n{lead}{fact}"
    assert [m.text for m in measures_of(body, title="政府工作报告")] == [fact]
    # with a figure, the lead counts
    counted = "一年来,我们开拓进取,新设外商投资企业236家。"
    assert [
        m.text for m in measures_of(f"一、2023年工作回顾\n{counted}", title="政府工作报告")
    ] == [counted]
    # a news item's lead says what was done over the period
    action = "过去五年,我市强化企业梯次培育体系。"
    assert [m.text for m in measures_of(action, title="某市召开科技创新大会")] == [action]


@pytest.mark.parametrize(
    "text",
    [
        "城镇新增就业1352万人,调查失业率在5.3%以下。",
        "提请全国人大常委会审议法律议案10件。",
        "举办创投大会,吸引200余家机构参会。",
        "设立北京证券交易所和广州期货交易所。",
        "组织200余家企业参加活动,促成技术合同签约50项。",
        "根据您提出的建议,我局出台科技型企业知识价值信用贷款实施办法。",
        # an action next to the shapes of a news story or a company profile
        "市科技局组织20家企业参加科技金融对接会,促成融资签约3亿元。",
        "科技型企业是指按照国家统计局五类科技产业分类标准划型的法人企业。",
        "某某公司已成为国家级专精特新“小巨人”企业,建成省级企业技术中心。",
        "某某公司位于经开区,2023年获批省级企业技术中心。",
        "2022年7月,市政府办公厅印发《关于成立推进工作小组的通知》(渝府办〔2022〕16号)。",
    ],
)
def test_results_that_look_like_framing_stay_measures(text: str) -> None:
    body = f"一、2023年工作回顾\n{text}"
    assert [m.text for m in measures_of(body)] == [text]


def test_a_remedy_for_a_stated_problem_is_a_measure() -> None:
    assert not is_problem_statement("针对企业研发投入仍然不足的问题,出台研发费用补助政策。")


def test_a_problems_section_yields_no_measures() -> None:
    body = "二、存在的问题\n基础研究投入占比偏低。\n三、下一步打算\n加大基础研究投入。"
    assert [m.text for m in measures_of(body)] == ["加大基础研究投入。"]


# ---------------------------------------------------------------- explain


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return cli_app  # the real CLI: what a user types


def test_explain_names_the_section_that_decided(app: typer.Typer) -> None:
    result = CliRunner().invoke(
        app, ["explain", "推动高校与企业开展协同创新。", "-s", "三、2024年政府工作任务"]
    )
    assert result.exit_code == 0, result.output
    assert "planned" in result.output
    assert "决定因素：所在章节" in result.output
    assert "三、2024年政府工作任务" in result.output and "任务部分" in result.output


def test_explain_says_what_the_genre_makes_of_a_sentence_with_no_cue(app: typer.Typer) -> None:
    news = CliRunner().invoke(
        app, ["explain", "优化创新生态,深化科技金融改革。", "--title", "某市召开科技创新大会"]
    )
    assert news.exit_code == 0, news.output
    assert "决定因素：文件体裁" in news.output and "新闻报道" in news.output
    assert "体裁规则：默认是已做的事" in news.output and "计划语气" in news.output
    plan = CliRunner().invoke(
        app, ["explain", "优化创新生态,深化科技金融改革。", "--title", "某市科技创新行动方案"]
    )
    assert "planned" in plan.output and "体裁规则：默认是要做的事" in plan.output


def test_explain_names_the_mood_that_decided(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["explain", "今年拟安排地方政府专项债券3.9万亿元。"])
    assert "planned" in result.output
    assert "决定因素：句子语气" in result.output and "拟" in result.output
    # a public-debt sentence is not 科技金融, and explain says which word decided
    assert "最终主题：其他" in result.output
    assert "所在分句有“专项债”" in result.output


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("但也要看到,我市科技综合实力与先进地区相比还有差距。", "问题或不足"),
        ("感谢您对我市科技工作的关心和支持。", "框架语句"),
        ("区科技局、区财政局等有关部门。", "责任单位"),
        ("过去一年,在市委的坚强领导下,全市上下团结奋斗,取得新成效。", "领导下"),
        ("今年某市将重点围绕以下八个方面开展工作。", "任务清单"),
        ("企业是科技创新的主体,也是产业升级的基石。", "也是"),
        ("这为我市发展新质生产力指明了前进方向,提供了根本遵循。", "评语"),
        ("2026年某市经济社会发展的重点是什么?", "提问"),
        ("恰逢市里举办科技金融对接会,为孙先生的企业融资提供了有力支持。", "个人故事"),
        ("在某大学一间略显简朴的实验室里,王教授带领团队攻克了一项关键技术。", "情景"),
        ("某某重工股份有限公司是我国重型机械行业的骨干企业,拥有国家级企业技术中心。", "介绍"),
        (
            "某某科技有限公司成立于2010年,位于高新区,是一家集研发、生产于一体的高新技术企业。",
            "介绍",
        ),
        ("印发日期:2023年5月6日  沪科提复〔2023〕12号", "文号"),
        ("市政府副秘书长李某出席新闻发布会并回答记者提问。", "框架语句"),
        ("市科技局副局长王某出席发布会,介绍《若干措施》有关情况,并回答记者提问。", "框架语句"),
        # the notice formula, also when it asks for more than 贯彻落实 (R3)
        ("现将《某市科技创新“十四五”规划》印发给你们,请认真组织实施。", "框架语句"),
        ("经市人民政府同意,现将《某市科技工作要点》印发给你们。", "框架语句"),
    ],
)
def test_explain_says_when_a_sentence_is_never_a_measure(
    app: typer.Typer, sentence: str, why: str
) -> None:
    result = CliRunner().invoke(app, ["explain", sentence])
    assert "不计为措施" in result.output and why in result.output


@pytest.mark.parametrize(
    "sentence",
    [
        "新建重点实验室3个。",
        # look-alikes of a news story's furniture: 率先生产 is no 先生, 步入新发展阶段 no room
        "我市企业在全国率先生产出首台套高端数控机床。",
        "步入新发展阶段,我市出台了《关于加快建设科技强市的意见》,新增高企500家。",
        # what a body is, then what it did: a measure
        "重庆大学是首批“双一流”建设高校,2023年获批国家自然科学基金项目320项。",
        # a verdict that counts something is kept as a measure, and explain must not say otherwise
        "这为全市新增科技型企业1200家奠定了坚实基础。",
    ],
)
def test_explain_says_nothing_of_the_kind_for_a_measure(app: typer.Typer, sentence: str) -> None:
    assert not is_framing(sentence)
    result = CliRunner().invoke(app, ["explain", sentence])
    assert "不计为措施" not in result.output


def test_explain_reads_genre_and_section_from_the_document(
    app: typer.Typer, tmp_path: Path
) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text("2024年政府工作报告\n" + REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "坚持依法行政", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert "找到：坚持依法行政,自觉接受人大监督。" in result.output
    assert "planned" in result.output
    assert "工作报告" in result.output
    assert "三、2024年政府工作任务" in result.output  # the task part it follows


def test_what_a_review_says_was_ensured_in_an_earlier_year_is_done() -> None:
    review = ("一、2022年工作回顾",)
    text = "精准采取闭环管理措施,有力确保博鳌亚洲论坛2022年年会圆满举办。"
    assert decide(text, review, DocContext("report", 2023)).status == "done"
    # 确保 before a year to come still sets a target, even in a review part
    target = "确保2025年全面完成改造任务。"
    assert decide(target, review, DocContext("report", 2023)).status == "planned"


def test_a_cumulative_count_in_a_list_of_targets_is_a_target() -> None:
    body = (
        "主要的预期目标是:一是全社会研发经费投入达100亿元以上;"
        "二是高新技术企业数量达到2000家,领军企业累计达150家;三是国家级科技创新平台新增2家。"
    )
    got = statuses(body)
    assert got["二是高新技术企业数量达到2000家,领军企业累计达150家;"] == "planned"
    # in a review, 累计 still reports what was reached
    review = statuses("一、2023年工作回顾\n领军企业累计达150家。", date="2024-01-10")
    assert review["领军企业累计达150家。"] == "done"


def test_a_list_of_targets_announced_by_its_lead_is_planned() -> None:
    body = (
        "2023年科技工作的总体思路是:深入实施创新驱动发展战略。\n"
        "主要的预期目标是:一是全社会研发经费投入达100亿元以上;二是高新技术企业数量达到2000家;"
        "三是国家级科技创新平台新增2家。"
    )
    got = statuses(body)
    assert got["二是高新技术企业数量达到2000家;"] == "planned"
    assert got["三是国家级科技创新平台新增2家。"] == "planned"


def test_a_news_item_retelling_the_tasks_a_report_announces_reads_them_as_plans() -> None:
    # a news page on a work report: the announcement stands before the first heading and the
    # items are bare orders with no cue of their own
    body = (
        "1月12日上午,某某市第十五届人民代表大会第五次会议开幕。\n"
        "为此,要重点做好以下八个方面的工作:\n"
        "一、千方百计扩大内需,推动经济平稳健康发展\n"
        "加快中铝铝箔、富民抽水蓄能电站等重点项目建设。\n"
        "二、因地制宜发展新质生产力\n"
        "加快培育新型储能、人工智能等未来产业。"
    )
    got = statuses(body, date="2025-01-12")
    assert got["加快中铝铝箔、富民抽水蓄能电站等重点项目建设。"] == "planned"
    assert got["加快培育新型储能、人工智能等未来产业。"] == "planned"
    # the announcement itself says no task
    news = statuses(
        "记者从会上了解到,今年某市将重点围绕以下八个方面开展工作。扩大有效需求,增强经济发展动能。",
        date="2026-01-20",
    )
    assert news == {"扩大有效需求,增强经济发展动能。": "planned"}
    # the same lead with no modal announces what was done
    review = statuses(
        "今年以来,我们主要做了以下几个方面的工作:\n"
        "一、强化创新平台\n"
        "加快中铝铝箔、富民抽水蓄能电站等重点项目建设。",
        date="2025-01-12",
    )
    assert review["加快中铝铝箔、富民抽水蓄能电站等重点项目建设。"] == "done"


def test_the_clauses_of_a_sentence_share_the_mood_of_its_opening() -> None:
    body = (
        "记者从有关部门了解到,2018年全区研发投入增长8.8%。\n"
        "今年,全区将继续深入实施人才强区战略,壮大产业工人队伍;"
        "大力推进双创,建设好各类创新创业平台和载体;"
        "加大研究与试验发展经费投入,推进技术攻关和成果转化。"
    )
    got = statuses(body, title="全区打造人才引擎驱动高质量发展")
    assert got["大力推进双创,建设好各类创新创业平台和载体;"] == "planned"
    assert got["加大研究与试验发展经费投入,推进技术攻关和成果转化。"] == "planned"


def test_a_clause_with_its_own_past_cue_keeps_it() -> None:
    body = "一、工作安排\n全区将继续实施人才强区战略;去年已建成孵化器3个,今年再建2个。"
    got = statuses(body, date="2024-01-10")
    assert got["去年已建成孵化器3个,今年再建2个。"] == "done"


def test_an_ended_plan_period_opens_a_review_in_a_later_plan() -> None:
    # an undated 十四五 plan was written as its period began: its 十三五 is the past; a page
    # converted without line breaks runs its headings into the text
    body = (
        "为加快人才发展,特制定本规划。一、发展基础和面临形势(一)发展基础“十三五”期间,区委、区政府"
        "高度重视人才工作,全面强化党管人才原则,人才工作成效显著。——党管人才全面强化。"
        "健全区委人才工作领导小组制度。"
    )
    got = statuses(body, title="某区人才发展“十四五”规划")
    review = [t for t in got if "“十三五”期间" in t]
    assert review and all(got[t] == "done" for t in review)
    assert got["健全区委人才工作领导小组制度。"] == "done"
    # the plan's own period still states intentions
    own = statuses("“十四五”时期,全区将全面深化人才发展体制机制改革。", title="某区“十四五”规划")
    assert set(own.values()) == {"planned"}
    # a period's run since its start is reviewed in a document dated within it
    since = decide("“十四五”以来,全市研发投入年均增长12%。", (), DocContext("plan", 2023))
    assert since.status == "done" and "十四五" in since.reason


def test_a_next_step_that_states_the_present_is_no_plan() -> None:
    text = "下一步,目前我县正积极对接省科技厅,推动园区申报省级高新区。"
    decision = decide(text, ("三、下一步工作打算",), DocContext("summary", 2024))
    assert decision.status == "done"
    assert "当前状况" in decision.reason
    assert decide("已于2022年1月正式投用。", (), DocContext("reply", 2024)).status == "done"


def test_orders_announced_without_a_modal_open_a_task_passage() -> None:
    # a work plan's page with no title: its order-list lead makes the bare tasks below planned
    body = (
        "主要的预期目标是:全社会研发经费投入达100亿元以上。围绕以上主要预期指标,"
        "重点抓好以下八个方面工作:\n"
        "一、聚焦打造特色优势创新,全力打赢科技创新三年翻身仗\n"
        "一是吹响打赢科技创新三年翻身仗决战攻号角。"
    )
    assert statuses(body)["一是吹响打赢科技创新三年翻身仗决战攻号角。"] == "planned"
    # a co-handling reply lists its proposals after announcing them
    reply = (
        "《关于某某发展的建议》收悉。现根据建议内容,结合我局职能,提出以下会办意见:\n"
        "一、主动参与都市圈建设。充分发挥香港、深圳创新资源优势,打造区域创新中心。"
    )
    got = statuses(reply)
    assert got["充分发挥香港、深圳创新资源优势,打造区域创新中心。"] == "planned"
    # in a review part the same words announce what was done
    summary = "一、2023年工作开展情况\n全年重点抓好以下几方面工作:\n组织实施市级科技项目120项。"
    assert statuses(summary, date="2024-01-05")["组织实施市级科技项目120项。"] == "done"


def test_headings_run_into_a_pages_text_still_name_its_parts() -> None:
    # a page with no line breaks: 一、2024年工作回顾 opens the review it runs into
    body = (
        "各位代表:现在,我代表市人民政府,向大会报告工作,请予审议。一、2024年工作回顾2024年,"
        "是实现“十四五”规划目标任务的关键一年。全市新建高标准农田313万亩。"
    )
    measures = measures_of(body, title="政府工作报告")
    assert [m.text for m in measures] == ["全市新建高标准农田313万亩。"]
    assert measures[0].section == ("一、2024年工作回顾",)


def test_a_standing_rule_states_who_decides_it_is_no_plan() -> None:
    """In a reply's next steps, who is competent by the rules in force is the present state; a
    policy's own provisions stay what the policy will do."""
    rule = "设立科技创新券的具体事项应由地方党委、政府结合实际因地制宜决定并按程序报批。"
    reply = DocContext("reply", 2024)
    decision = decide(rule, ("三、下一步工作打算",), reply)
    assert decision.status == "done"
    assert "现行规定" in decision.reason
    assert decide("按规定由市财政局负责资金拨付。", ("三、下一步工作打算",), reply).status == "done"
    # a plan's own provision, and a modal before the rule, stay planned
    assert decide(rule, ("二、重点任务",), DocContext("plan", 2024)).status == "planned"
    assert decide("下一步,我们将按规定由市财政局负责拨付。", (), reply).status == "planned"


def test_a_promise_to_take_in_suggestions_is_framing() -> None:
    assert is_framing("市人大常委会表示将充分吸纳代表们的意见建议，并及时向代表报告办理情况。")
    # what was taken in, or a promise that names an action, is a measure
    assert not is_framing("广泛吸收各方意见建议,修改完善申报指南。")
    assert not is_framing("我们将充分吸纳您的建议，推动设立科技成果转化基金。")


def test_a_sentence_that_only_says_what_something_is_is_framing() -> None:
    assert is_framing("答:创新是引领发展的第一动力。")
    assert is_framing(
        "领军人才是人才队伍中的中流砥柱,是引领科技自主创新、承担重大科技任务的骨干力量。"
    )
    # a first or an honour, a demand after the subject, an article that lays down a definition
    assert not is_framing("我市是全省首个获批国家创新型城市的地级市。")
    assert not is_framing("各区县政府是实施主体,要制定专项工作方案,明确重点任务。")
    assert not is_framing("第二条 引导基金是由区政府出资设立并按照市场化方式运作的政策性基金。")


def test_an_interview_announced_and_a_verdict_on_an_event_are_framing() -> None:
    assert is_framing("近日,市科技局主要负责人就全市科技创新工作取得的成绩等问题回答了记者的提问。")
    assert is_framing(
        "此次首笔贷款的落地,既是对三方协同创新成果的有力检验,更是“质量+金融”模式服务实体经济的生动实践。"
    )
    assert not is_framing("此次首笔贷款的落地,为企业补齐营运资金缺口500万元。")


def test_explain_says_a_summarys_topic_heading_is_no_task_part(app: typer.Typer) -> None:
    args = ["explain", "推动自创区政策试点“揭榜挂帅”行动。", "-s", "一、2024年重点工作"]
    args += ["--title", "某区科技局2024年工作总结", "--date", "2024-12-20"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "done" in result.output
    assert "一、2024年重点工作——工作总结里只说主题（“重点工作”）" in result.output


def test_a_summarys_topic_heading_run_into_the_text_is_still_a_heading() -> None:
    body = (
        "一、2024年重点工作2024年,我局新建省级重点实验室5家,组织实施重大科技专项12项。"
        "二、2025年工作思路2025年,我局将新建省级重点实验室3家。"
    )
    found = {
        m.text: (m.status, m.section)
        for m in measures_of(body, "某县科技局2024年工作总结", "2024-12-20")
    }
    assert found["2024年,我局新建省级重点实验室5家,组织实施重大科技专项12项。"] == (
        "done",
        ("一、2024年重点工作",),
    )
    assert found["2025年,我局将新建省级重点实验室3家。"] == ("planned", ("二、2025年工作思路",))


def test_what_a_plans_part_holds_or_who_does_it_is_no_framing() -> None:
    """ "X是Y" says what something is only when Y is no action and X no part of a plan or body:
    工作重点是…, 目标是…, 牵头单位是…, a body as the责任主体, a clause as the subject are measures."""
    for text in (
        "下一步工作重点是加快建设西部科学城。",
        "我们的目标是建成具有全国影响力的科技创新中心。",
        "主要任务是实施科技创新重大项目和关键核心技术攻关。",
        "各区县科技部门是本辖区科技特派员工作的责任主体。",
        "牵头单位是市科技局,配合单位是市财政局。",
        "支持方式是事后补助。",
        "支持对象一般是在高新区注册经营、具有独立法人资格的企业或机构。",
        "各级政府要始终坚持实事求是，一切从实际出发，立足办好自己的事。",
    ):
        assert not is_framing(text), text
    body = (
        "三、下一步工作\n下一步工作重点是加快建设西部科学城。\n"
        "我们的目标是建成具有全国影响力的科技创新中心。\n"
        "主要任务是实施科技创新重大项目和关键核心技术攻关。\n"
        "各区县科技部门是本辖区科技特派员工作的责任主体。\n"
    )
    found = statuses(body, title="某某市科学技术局2023年工作计划", date="2023-02-01")
    assert len(found) == 4 and set(found.values()) == {"planned"}
    # what something is, an action that only qualifies the noun it closes on
    assert is_framing("科技创新是推动高质量发展的根本动力。")
    assert is_framing("青年人才是创新发展的希望所在。")


def test_a_promise_to_take_in_suggestions_that_names_an_action_is_a_measure() -> None:
    for text in (
        "我局将积极吸纳企业意见，优化科技创新券申领流程。",
        "将充分吸收专家意见，修改完善科技项目评审办法。",
        "我局将认真吸纳企业意见，加大对企业研发的奖补力度。",
    ):
        assert not is_framing(text), text
    assert is_framing("表示将充分吸纳代表的意见建议,并及时向代表反馈。")
    assert is_framing("我们将认真吸收您的建议。")


def test_a_summary_reads_its_headings_years_against_the_year_it_reviews() -> None:
    """A 2023 summary signed in January 2024: its 2024 parts are its plans."""
    body = (
        "一、2023年工作成效\n全年新增高新技术企业120家。\n"
        "二、2024年重点工作\n实施关键核心技术攻关项目30项。\n"
        "三、2024年主要任务\n推动科技成果转化。\n"
    )
    for title in ("某某市科学技术局2023年工作总结", "某某市科学技术局工作总结"):
        found = statuses(body, title=title, date="2024-01-15")
        assert found == {
            "全年新增高新技术企业120家。": "done",
            "实施关键核心技术攻关项目30项。": "planned",
            "推动科技成果转化。": "planned",
        }
    # a summary of the year it was signed in: its 2024 topics name what was done, as before
    found = statuses(body, title="某某市科学技术局2024年工作总结", date="2024-12-20")
    assert found["实施关键核心技术攻关项目30项。"] == "done"
    result = CliRunner().invoke(
        cli_app,
        [
            "explain",
            "推动科技成果转化。",
            "--title",
            "某某市科学技术局2023年工作总结",
            "--date",
            "2024-01-15",
            "-s",
            "三、2024年工作思路",
        ],
    )
    assert "planned" in result.output


def test_a_work_reports_task_part_is_not_overruled_by_a_rule_in_force() -> None:
    report = DocContext("report", 2024)
    for text in ("确保各项任务均由专人负责落实。", "项目资金均由市级财政负责保障。"):
        assert decide(text, ("三、2024年重点工作任务",), report).status == "planned", text
    # an order is one in a reply's next steps too
    reply = DocContext("reply", 2024)
    assert decide("确保各项任务均由专人负责落实。", ("三、下一步工作打算",), reply).status == (
        "planned"
    )


def test_a_part_on_the_plan_period_ahead_plans_but_its_review_paragraph_stays_done() -> None:
    """A 2026 work report explains the draft 十五五 plan: its part says what the period will do
    (judges found 进展 there on an unseen report), and its paragraph that opens on the 十四五
    period just over still reports results."""
    body = (
        "一、2025年工作回顾\n"
        "全市研发投入强度达到3.1%。\n"
        "二、关于《某某省国民经济和社会发展第十五个五年规划纲要（草案）》的说明\n"
        "“十四五”时期，我省发展历程极不平凡。"
        "全省生产总值从4.1万亿元增加到5.6万亿元，高新技术企业从1.2万家增加到2.6万家。\n"
        "强化科技创新策源功能，加强原始创新和关键核心技术攻关，建设一批重大科技基础设施。\n"
        "三、2026年主要任务\n"
        "新建省重点实验室20家。\n"
    )
    got = statuses(body, title="2026年某某省政府工作报告", date="2026-01-20")
    assert got["全市研发投入强度达到3.1%。"] == "done"
    assert (
        got["全省生产总值从4.1万亿元增加到5.6万亿元，高新技术企业从1.2万家增加到2.6万家。"]
        == "done"
    )
    assert (
        got["强化科技创新策源功能，加强原始创新和关键核心技术攻关，建设一批重大科技基础设施。"]
        == "planned"
    )
    assert got["新建省重点实验室20家。"] == "planned"
    # a heading on a period already over says nothing of the kind by itself
    assert heading_kind("二、“十四五”规划纲要实施", 2026, "report") is None


def test_a_forecast_for_a_later_year_is_a_target_but_a_summarys_own_year_is_its_estimate() -> None:
    news = DocContext("news", 2025)
    assert decide("预计到2027年，全市高新技术企业总数突破1000家。", (), news).status == "planned"
    undated = DocContext("news", None)
    assert decide("预计到2027年，全市高新技术企业总数突破1000家。", (), undated).status == (
        "planned"
    )
    summary = DocContext("summary", 2024)
    assert decide("预计到2024年底，全市高新技术企业达到520家。", (), summary).status == "done"


def test_a_forecast_already_beaten_reports_a_result_not_a_target() -> None:
    # review s4b finding 6: results reached ahead of the forecast were listed as plans
    summary = DocContext("summary", 2024)
    beaten = (
        "全市研发投入强度原预计到2025年达到3%，2024年已提前实现。",
        "原预计到2025年建成的省级重点实验室，已于今年提前建成投用。",
    )
    for text in beaten:
        assert decide(text, (), summary).status == "done", text
    forecasts = (
        "预计到2027年，全市高新技术企业总数突破1000家。",
        "预计到2027年，累计培育高新技术企业1000家。",
    )
    for text in forecasts:
        assert decide(text, (), summary).status == "planned", text


def test_a_summarys_part_on_drafting_the_next_plan_reports_done_work() -> None:
    """A 2025 summary's part on drafting the 十五五 plan reports the research and drafting it
    finished (reviewer's case: both measures were 计划 and 12份 a target); the year's tasks after
    it stay planned."""
    body = (
        "一、科技创新能力持续提升\n"
        "全年新增高新技术企业1200家，技术合同成交额达到850亿元。\n"
        "二、扎实推进“十五五”科技创新规划编制\n"
        "组织开展“十五五”科技创新重大问题研究，形成12份专题研究报告。\n"
        "深入市州、高校和企业开展调研，广泛听取意见建议，完成规划初稿起草。\n"
        "三、2026年工作打算\n"
        "加快建设省实验室体系，推动科技成果转化。\n"
    )
    got = statuses(body, title="某某省科学技术厅2025年工作总结", date="2025-12-20")
    assert got["组织开展“十五五”科技创新重大问题研究，形成12份专题研究报告。"] == "done"
    assert got["深入市州、高校和企业开展调研，广泛听取意见建议，完成规划初稿起草。"] == "done"
    assert got["加快建设省实验室体系，推动科技成果转化。"] == "planned"


def test_a_past_plan_period_naming_which_things_leaves_a_task_planned() -> None:
    """“十四五”期间开工的… in a 2026 task part only says which facilities: the task (加快建成投用)
    and the rest of its paragraph stay plans (reviewer's case: both were 进展)."""
    body = (
        "一、2025年工作回顾\n"
        "全省研发投入强度达到2.6%。\n"
        "二、2026年重点工作\n"
        "（一）加快建设科技创新高地\n"
        "“十四五”期间开工的重大科技基础设施，加快建成投用。推进大科学装置开放共享，建设共享服务平台。\n"
    )
    got = statuses(body, title="2026年某某省政府工作报告", date="2026-01-22")
    assert got["“十四五”期间开工的重大科技基础设施，加快建成投用。"] == "planned"
    assert got["推进大科学装置开放共享，建设共享服务平台。"] == "planned"
    # the period as the clause's own time frame still reports what was done
    assert decide(
        "“十三五”期间全社会研究与试验发展经费年均增长12%。", (), DocContext("report", 2026)
    ).status == ("done")


def test_explain_finds_a_sentence_a_problem_paragraph_left_out(
    app: typer.Typer, tmp_path: Path
) -> None:
    """The sentence is in the document: explain no longer says it was not found, then that its
    paragraph left it out."""
    doc = tmp_path / "report.txt"
    doc.write_text(
        "2026年某某省政府工作报告\n"
        "同时我们清醒地看到，我省经济社会发展中老问题、新挑战仍然不少。"
        "现代化产业体系建设有短板，创新体系整体效能仍需提升。\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["explain", "现代化产业体系建设有短板，创新体系整体效能仍需提升。", "--doc", str(doc)]
    )
    assert result.exit_code == 0
    assert "没有找到这句话" not in result.output
    assert "找到了这句话，但它不在抽取结果中" in result.output
    assert "不计为措施：所在段落以问题陈述开头" in result.output


def test_explain_reads_a_typed_measure_without_its_final_mark_as_a_sentence(
    app: typer.Typer,
) -> None:
    # review s4b B2: a measure typed without 。 was called a framing line (signature, footer)
    result = CliRunner().invoke(app, ["explain", "发放知识价值信用贷款12亿元"])
    assert result.exit_code == 0
    assert "不计为措施" not in result.output
    assert "最终主题：科技金融" in result.output
    # a typed signature line without figures or theme terms still is one
    result = CliRunner().invoke(app, ["explain", "联系人：张三"])
    assert "不计为措施：是称呼、致谢" in result.output


def test_a_review_paragraph_opening_on_the_past_period_without_a_comma_is_done() -> None:
    """“十四五”时期是…的五年 (no comma) opens a review, as “十四五”时期，是… does: its results under a
    heading on the period ahead stay done (reviewer's case: they were 计划, their figures targets)."""
    body = (
        "一、“十五五”时期经济社会发展的主要目标和重大任务\n"
        "“十四五”时期是我省发展进程中极不平凡的五年。我们建成国家级创新平台32个，新增高新技术企业6000家。\n"
    )
    got = statuses(body, title="某某省2026年政府工作报告", date="2026-01-22")
    assert got["我们建成国家级创新平台32个，新增高新技术企业6000家。"] == "done"


@pytest.mark.parametrize(
    "text",
    [
        "“十四五”期间全市的技术合同成交额年均增长15%。",
        "“十四五”以来我省的研发投入强度年均提高0.12个百分点。",
    ],
)
def test_a_past_period_before_its_subjects_de_reports_done_work(text: str) -> None:
    """全市的/我省的 after the period is the subject's possessive, not which things: a 2026 task
    part's sentence on the five years' result stays done (reviewer's case: 计划, 15% a target)."""
    body = f"二、2026年重点工作\n{text}\n"
    got = statuses(body, title="2026年某某省政府工作报告", date="2026-01-22")
    assert got[text] == "done"


@pytest.mark.parametrize("heading", ["三、“十五五”时期主要目标", "三、“十五五”时期发展思路"])
def test_a_summarys_part_on_the_next_periods_goals_is_a_task_part(
    heading: str, app: typer.Typer
) -> None:
    """A year-end summary's closing part on the coming plan period's goals or ideas lists plans
    (reviewer's case: 进展, 3% an actual figure, and explain said no later year was named); only
    a part on drafting the plan (编制) reports done work."""
    sentence = "加快建设国家区域科技创新中心，推动全社会研发投入强度达到3%。"
    body = f"一、2025年工作成效\n全年新增高新技术企业1200家。\n{heading}\n{sentence}\n"
    got = statuses(body, title="某某市科学技术局2025年工作总结", date="2025-12-20")
    assert got[sentence] == "planned"
    result = CliRunner().invoke(
        app,
        [
            "explain",
            sentence,
            "--title",
            "某某市科学技术局2025年工作总结",
            "--date",
            "2025-12-20",
            "-s",
            heading,
        ],
    )
    assert result.exit_code == 0
    assert "planned" in result.output
    assert "只说主题" not in result.output
    drafting = CliRunner().invoke(
        app,
        [
            "explain",
            "组织开展“十五五”科技创新重大问题研究，形成12份专题研究报告。",
            "--title",
            "某某市科学技术局2025年工作总结",
            "--date",
            "2025-12-20",
            "-s",
            "二、扎实推进“十五五”科技创新规划编制",
        ],
    )
    assert "done" in drafting.output
    assert "讲的是规划的编制" in drafting.output
    assert "以后的年份" not in drafting.output


def test_explain_finds_a_proposals_account_left_out_of_a_reply(
    app: typer.Typer, tmp_path: Path
) -> None:
    """A sentence of the document left out for another reason than a paragraph of problems is
    found too (reviewer's case: explain said 没有找到这句话 and then gave the real reason)."""
    doc = tmp_path / "reply.txt"
    doc.write_text(
        "标题：关于市政协十届三次会议第0123号提案的答复\n"
        "发布机构：某某市科学技术局\n"
        "发布日期：2025-07-10\n\n"
        "民盟市委会：\n"
        "该提案由民盟市委会提出，建议设立科技成果转化基金。\n"
        "2024年，我局会同市财政局设立科技成果转化引导基金5亿元。\n",
        encoding="utf-8",
    )
    sentence = "该提案由民盟市委会提出，建议设立科技成果转化基金。"
    result = CliRunner().invoke(app, ["explain", sentence, "--doc", str(doc)])
    assert result.exit_code == 0
    assert "没有找到这句话" not in result.output
    assert "找到了这句话，但它不在抽取结果中" in result.output
    missing = CliRunner().invoke(app, ["explain", "该提案由九三学社提出。", "--doc", str(doc)])
    assert "没有找到这句话" in missing.output


def test_explain_says_a_glossary_left_a_sentence_out(app: typer.Typer, tmp_path: Path) -> None:
    doc = tmp_path / "report.txt"
    doc.write_text(
        "2026年某某市政府工作报告\n"
        "三、2026年工作安排\n"
        "实施“揭榜攻关”行动，全年发布技术需求50项。\n"
        "附件\n"
        "名词解释\n"
        "1.“揭榜攻关”行动：由企业提出技术需求、面向社会公开征集解决方案的科研组织方式。\n",
        encoding="utf-8",
    )
    gloss = "由企业提出技术需求、面向社会公开征集解决方案的科研组织方式。"
    result = CliRunner().invoke(app, ["explain", gloss, "--doc", str(doc)])
    assert result.exit_code == 0
    assert "找到了这句话，但它不在抽取结果中" in result.output
    assert "不计为措施：位于名词注释部分（“名词解释”）" in result.output


def test_a_speakers_demand_is_planned_though_the_speaker_recalls_what_was_done() -> None:
    # meeting news: the leader's 要… is a task, the past the leader recalls (做了, 作了…部署) only
    # frames it; what the leader only assesses stays done
    news = DocContext(genre="news", year=2020)
    demand = (
        "董增寿指出,中央、省、市高度重视科技创新工作,对科技创新作了一系列安排部署,市县科技部门要"
        "充分认识科技创新工作面临的新形势,加快构建创新服务体系。"
    )
    assert decide(demand, (), news).status == "planned"
    assessed = "张三指出,近年来我市科技创新工作取得了显著成绩,主要指标位居全省前列。"
    assert decide(assessed, (), news).status == "done"


def test_jiang_marking_what_was_put_into_a_plan_is_no_modal() -> None:
    # 将 + what is done + 纳入/作为: the object of a disposal done, as 把 marks it (a summary's
    # account); 将 before a verb of its own clause stays the modal of a plan
    summary = DocContext(genre="summary", year=2021)
    put = (
        "建立常态化沟通机制,将深化知识产权质押融资纳入《市场主体协同监管合作备忘录》,强化协作推进。"
    )
    assert decide(put, (), summary).status == "done"
    plan = "下一步,我局将推动更多科技型企业纳入培育库。"
    assert decide(plan, (), summary).status == "planned"
