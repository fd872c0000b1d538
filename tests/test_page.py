"""The page model: which lines of a page are its site's and which are the document's, and the
metadata read from the document's lines only. Pages written for these tests, of the shapes found on
real pages (a channel over a dated headline, a number after a title, a footer's address, a mirror's
来源)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.extract.metadata import ParsedText, parse_document_text
from briefing.extract.page import BODY, FURNITURE, HEAD, SIGNATURE, TITLE, page_layout
from briefing.model import RawDocument

BODY_TEXT = (
    "近日,某某市科技局召开全市科技工作会议。会议指出,去年全市新增高新技术企业120家,"
    "技术合同成交额达到35亿元。\n"
    "今年将继续实施科技型企业培育工程,力争新增科技型中小企业300家。\n"
)

# a news channel's name and its column path above the headline, the headline dated by the line
# under it ("date time | 来源:…")
CHANNEL_PAGE = (
    "某省分社要闻看某省\n"
    "首页要闻看某省\n"
    "某某市:科技创新赋能高质量发展\n"
    "2023年05月12日 10:20 | 来源:某某新闻网\n" + BODY_TEXT
)


def parse(text: str) -> ParsedText:
    return parse_document_text(RawDocument("t.txt", "text", "0" * 64, text, {}))


def test_a_channel_above_a_dated_headline_is_the_pages_not_the_title() -> None:
    parsed = parse(CHANNEL_PAGE)
    assert parsed.metadata.title == "某某市:科技创新赋能高质量发展"
    assert parsed.metadata.published_date == "2023-05-12"
    # the channel's name gives no place and no words to the document
    assert "某省分社" not in parsed.body
    assert "要闻看某省" not in parsed.body
    layout = parsed.layout
    assert [ln.text for ln in layout.furniture] == ["某省分社要闻看某省", "首页要闻看某省"]
    assert all(ln.why for ln in layout.furniture)
    assert layout.texts(TITLE) == ["某某市:科技创新赋能高质量发展"]
    assert layout.texts(HEAD) == ["2023年05月12日 10:20 | 来源:某某新闻网"]
    assert "某省分社" not in layout.document_text()


def test_page_layout_reads_a_text_once_with_every_line_in_order() -> None:
    text = "首页 > 新闻中心 > 工作动态\n" + CHANNEL_PAGE.split("\n", 2)[2]
    layout = page_layout(text)
    assert [ln.role for ln in layout.lines][:3] == [FURNITURE, TITLE, HEAD]
    assert layout.lines[0].text == "首页 > 新闻中心 > 工作动态"
    assert layout.texts(BODY)[0].startswith("近日,某某市科技局")
    assert len(layout.lines) == len([ln for ln in text.split("\n") if ln.strip()])


def test_a_document_number_printed_after_the_title_is_its_doc_no() -> None:
    page = (
        "某某市科学技术局关于印发《2024年科技活动周实施方案》的通知(某科〔2024〕21号)\n"
        "各县(区)科技局:\n现将《2024年科技活动周实施方案》印发给你们,请认真组织实施。\n"
        "某某市科学技术局\n2024年5月6日\n"
    )
    meta = parse(page).metadata
    assert meta.title == "某某市科学技术局关于印发《2024年科技活动周实施方案》的通知"
    assert meta.doc_no == "某科〔2024〕21号"


def test_a_footer_line_between_copyright_and_record_number_is_no_body() -> None:
    page = (
        "某某市召开科技工作推进会\n" + BODY_TEXT + "版权所有:某某市科学技术局\n"
        "投稿邮箱 tougao@example.cn 值班 周一至周五\n"
        "备案号:某ICP备12345678号\n"
    )
    parsed = parse(page)
    assert "投稿邮箱" not in parsed.body
    (footer,) = [ln for ln in parsed.layout.furniture if "投稿邮箱" in ln.text]
    assert "页脚" in footer.why


def test_a_mirror_sites_source_line_is_no_publisher() -> None:
    # a paper's interview copied by an unrelated site that prints its own name as the 来源
    page = (
        "来源: 某某百科问答网\n2024-03-18 09:12:40\n\n"
        "抓创新促发展——访市科技局局长某某\n\n"
        "“我们将聚焦科技创新,持续提升科技支撑力。”近日,市科技局局长某某在接受本报记者采访时说。\n"
        + BODY_TEXT
    )
    meta = parse(page).metadata
    assert meta.publisher is None
    assert meta.published_date == "2024-03-18"


def test_explain_doc_without_a_sentence_names_the_pages_lines(tmp_path: Path) -> None:
    doc = tmp_path / "page.txt"
    doc.write_text(CHANNEL_PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert "页面元素（不属于文件本身，共2行）" in result.output
    assert "“某省分社要闻看某省”：位于标注日期的标题之上" in result.output
    assert "标题：某某市:科技创新赋能高质量发展" in result.output
    assert "发布日期：2023-05-12" in result.output


def test_explain_without_a_sentence_or_a_doc_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["explain"])
    assert result.exit_code == 2
    assert "--doc" in result.output


def test_a_headline_over_a_news_dateline_is_the_title_though_it_asks() -> None:
    page = (
        "观察丨某某市两会:科技创新如何“向人民报告”?\n"
        "某某网某城1月20日电(记者 张三)近日举行的某某市两会期间,市科技局首次向人大报告科技创新工作。\n"
        + BODY_TEXT
    )
    meta = parse(page).metadata
    assert meta.title == "观察丨某某市两会:科技创新如何“向人民报告”?"
    assert not meta.title_derived


def test_a_title_bar_with_the_sites_name_is_the_pages_and_its_repeat_the_title() -> None:
    page = (
        "某某市召开全市科技工作会议部署全年任务_某某市人民政府门户网站\n"
        "首页 > 要闻动态\n"
        "某某市召开全市科技工作会议部署全年任务\n"
        "2024-03-05 10:20 来源:某某市科技局\n" + BODY_TEXT
    )
    parsed = parse(page)
    assert parsed.metadata.title == "某某市召开全市科技工作会议部署全年任务"
    assert parsed.layout.texts(TITLE) == ["某某市召开全市科技工作会议部署全年任务"]
    bar = parsed.layout.furniture[0]
    assert bar.text.endswith("_某某市人民政府门户网站")
    assert "网页的标题" in bar.why


def test_a_national_bodys_visit_to_our_city_is_the_citys_page(tmp_path: Path) -> None:
    # the headline opens with a ministry, but says the page is the visited city's (我市)
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    page = (
        "工业和信息化部调研组来我市考察产业创新\n"
        "6月3日,调研组一行参观了德阳市科技馆,听取了我市科技创新工作汇报。\n"
        "据了解,德阳市去年新增国家高新技术企业52家。\n"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (doc,) = extract_documents([tmp_path], Classifier(load_lexicon()))
    assert doc.metadata.jurisdiction == "德阳市"
    assert {i.scope for i in doc.indicators} == {"德阳市"}


def test_a_report_squashed_onto_one_line_keeps_its_occasions_date_without_a_dash() -> None:
    # a copy that lost every line break and the occasion's dash: title, occasion and text run on
    page = (
        "2023年某某县政府工作报告 2023年1月10日在某某县第十八届 人民代表大会第二次会议上 "
        "各位代表: 现在,我代表县人民政府向大会报告工作,请予审议。 一、2022年工作回顾 "
        "2022年,全县新增高新技术企业18家,技术合同成交额达到6.2亿元。\n"
    )
    meta = parse(page).metadata
    assert meta.title == "2023年某某县政府工作报告"
    assert meta.written_date == "2023-01-10"


def test_a_sites_banner_publishes_a_page_whose_source_is_a_broadcaster() -> None:
    # the site's banner names its body; the item's 来源 is a radio station, no issuing body
    page = (
        "某某市科学技术局\n您好!今天是\n"
        "当前位置: 首页 > 信息公开 > 工作动态\n"
        "某某县两家园区获批省级高新区\n"
        "来源:FM90.1某某交通广播 发布时间:2024-04-02\n" + BODY_TEXT
    )
    parsed = parse(page)
    assert parsed.metadata.publisher == "某某市科学技术局"
    assert parsed.layout.host == "某某市科学技术局"
    assert parsed.layout.furniture[0].text == "某某市科学技术局"


def test_a_sites_menu_above_the_documents_field_block_is_no_body() -> None:
    page = (
        "无障碍 长者模式 繁体\n• 网站首页\n• 政务公开\n• 互动交流\n"
        "信息名称:某某县科技局2024年工作总结\n"
        "索 引 号:123456789/2025-00003\n"
        "发布机构:某某县科技局 发布日期:2025-01-08\n" + BODY_TEXT
    )
    parsed = parse(page)
    assert parsed.metadata.title == "某某县科技局2024年工作总结"
    assert parsed.body.startswith("近日,某某市科技局")
    assert [ln.text for ln in parsed.layout.furniture] == [
        "无障碍 长者模式 繁体",
        "• 网站首页",
        "• 政务公开",
        "• 互动交流",
    ]


def test_explain_doc_names_the_source_a_news_item_closes_with(tmp_path: Path) -> None:
    doc = tmp_path / "item.txt"
    doc.write_text(
        "某某区召开科技工作推进会\n" + BODY_TEXT + "(某某区科技局供稿)\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["explain", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert "页面标明的来源：某某区科技局" in result.output


def test_a_pictures_file_name_left_on_the_page_is_no_measure() -> None:
    page = (
        "某某县科技局举办科技特派员培训\n"
        "近日,某某县科技局举办科技特派员培训班,培训特派员120人次。\n"
        "图示: d:\\photos\\2024\\peixun0412.jpg\n"
        "会后,特派员分赴各乡镇开展技术服务。\n"
    )
    parsed = parse(page)
    assert "peixun0412" not in parsed.body
    assert "会后,特派员分赴各乡镇开展技术服务。" in parsed.body
    (picture,) = parsed.layout.furniture
    assert "图片" in picture.why


# --- where each field came from ---------------------------------------------------------------


def explain_doc(tmp_path: Path, text: str) -> str:
    doc = tmp_path / "page.txt"
    doc.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    return result.output


# a notice under a site's column, dated and sourced under its title, signed in Chinese numerals
NOTICE_PAGE = (
    "首页 > 通知公告\n"
    "关于组织申报2024年度市级科技计划项目的通知\n"
    "日期：2024年03月11日 来源：某某市科技局\n"
    "各区县科技局，各有关单位：\n"
    "现将2024年度市级科技计划项目申报工作通知如下，请认真组织申报。\n"
    "某某市科学技术局\n"
    "二〇二四年三月八日\n"
)


def test_explain_says_which_line_and_role_gave_each_field(tmp_path: Path) -> None:
    out = explain_doc(tmp_path, NOTICE_PAGE)
    assert "元数据（及其出处）" in out
    assert (
        "  标题：关于组织申报2024年度市级科技计划项目的通知\n"
        "    出处：第2行［标题］“关于组织申报2024年度市级科技计划项目的通知”，文件的标题行\n"
    ) in out
    # the source line names the bureau by its short name, the signature in full: the full name
    # is shown, and where each part came from
    assert (
        "  发布机构：某某市科学技术局\n"
        "    出处：第3行［文件头］“日期：2024年03月11日 来源：某某市科技局”，文件头字段“来源”；"
        "全称取自文末落款中的单位\n"
    ) in out
    assert "    出处：第7行［落款］“二〇二四年三月八日”，文末落款中的日期\n" in out
    assert (
        "    出处：第3行［文件头］“日期：2024年03月11日 来源：某某市科技局”，文件头字段“日期”\n"
        in out
    )


def test_explain_points_at_the_files_own_line_numbers(tmp_path: Path) -> None:
    # blank lines count, and a document number broken over lines ("〔2023〕" / "" / "15号") is
    # read joined without moving the lines below it
    page = (
        "某某县人民政府办公室关于印发《某某县科技创新三年行动方案》的通知\n\n"
        "某政办发〔2023〕\n\n15号\n\n"
        "各乡镇人民政府，县直各单位：\n"
        "《某某县科技创新三年行动方案》已经县政府同意，现印发给你们，请认真贯彻执行。\n\n"
        "某某县人民政府办公室\n\n"
        "2023年6月1日\n"
    )
    out = explain_doc(tmp_path, page)
    assert "  文号：某政办发〔2023〕15号\n    出处：第3行［文件头］“某政办发〔2023〕15号”" in out
    assert "    出处：第12行［落款］“2023年6月1日”，文末落款中的日期\n" in out
    assert "标题中的发文机关" in out


def test_explain_names_a_speechs_subtitle_as_its_written_date(tmp_path: Path) -> None:
    page = (
        "政府工作报告\n"
        "——2022年1月10日在某某市第十七届人民代表大会第一次会议上\n"
        "某某市人民政府市长 王五\n"
        "各位代表：\n"
        "现在，我代表市人民政府，向大会报告工作，请予审议。\n"
        "过去一年，全市新增高新技术企业300家。\n"
    )
    out = explain_doc(tmp_path, page)
    assert (
        "  成文日期：2022-01-10\n"
        "    出处：第2行［文件头］“——2022年1月10日在某某市第十七届人民代表大会第一次会议上”，"
        "标题下的题注日期（“——…在…会议上”）\n"
    ) in out
    assert "正文中讲话人所代表的单位（“我代表…”）" in out


def test_a_cover_letters_signature_at_the_pages_top_is_its_signature_not_body() -> None:
    page = (
        "各市人民政府，省政府各部门：\n"
        "现将《某某省科技创新三年行动计划》印发给你们，请结合实际，认真组织实施。\n"
        "某某省人民政府\n"
        "2018年3月3日\n"
        "某某省科技创新三年行动计划\n"
        "为加快建设创新型省份，制定本行动计划。\n"
        "一、主要目标\n"
        "到2020年，全省高新技术企业达到5000家。\n"
    )
    parsed = parse(page)
    assert (parsed.metadata.publisher, parsed.metadata.written_date) == (
        "某某省人民政府",
        "2018-03-03",
    )
    assert parsed.layout.texts(SIGNATURE) == ["某某省人民政府", "2018年3月3日"]
    assert "某某省人民政府\n" not in parsed.body + "\n"
    origin = parsed.layout.origins["written_date"]
    assert parsed.layout.lines[origin.line or 0].text == "2018年3月3日"
