"""The place of a figure as a frame: the clause's own place, else the sentence's, else the
paragraph opening's, else the heading's, else the document's own place (or none)."""

from __future__ import annotations

from pathlib import Path

from briefing.extract.indicators import extract_indicators
from briefing.extract.places import document_place, find_places, within
from briefing.extract.structure import parse_structure
from briefing.model import Indicator

SHA = "0" * 64


def scopes(text: str, place: str | None, title: str | None = None) -> dict[str, str | None]:
    """Each figure's scope by its value and unit, the document read with its headings."""
    found = extract_indicators(SHA, parse_structure(text), "2024-12-30", place, title)
    return {f"{i.value:g}{i.unit}": i.scope for i in found}


def with_origins(text: str, place: str | None) -> list[tuple[Indicator, str]]:
    origins: dict[str, str] = {}
    found = extract_indicators(
        SHA, parse_structure(text), "2024-12-30", place, None, scope_origins=origins
    )
    return [(i, origins[i.id]) for i in found]


SUMMARY = (
    "一、总体情况\n"
    "2024年，全市新增高新技术企业310家。\n"
    "二、各片区进展\n"
    "（一）江北新区：\n"
    "新增科技型企业920家。技术合同成交额达到64亿元。\n"
    "（二）栖霞区\n"
    "新增众创空间7个，研发投入增长11%。\n"
    "（三）平台建设\n"
    "新增市级工程技术研究中心23家。\n"
)


def test_a_heading_naming_a_place_frames_the_figures_under_it() -> None:
    found = scopes(SUMMARY, "南京市")
    assert found["310家"] == "南京市"
    # the zone's and the district's parts: every figure under them is theirs
    assert found["920家"] == found["64亿元"] == "江北新区"
    assert found["7个"] == found["11%"] == "栖霞区"
    # a frame ends with its part: the next heading names no place
    assert found["23家"] == "南京市"


def test_a_paragraph_opening_on_a_place_frames_its_later_sentences() -> None:
    text = (
        "一、对外合作\n"
        "在安徽，合作共建研发平台5个。双方联合攻关项目达到14项。\n"
        "全年引进外地科技成果36项。\n"
    )
    found = scopes(text, "南京市")
    assert found["5个"] == found["14项"] == "安徽省"
    # the next paragraph is back in the document's own place
    assert found["36项"] == "南京市"


def test_a_fund_or_programme_opening_a_paragraph_is_no_frame() -> None:
    text = (
        "一、项目争取\n"
        "江苏省重点研发计划立项支持我市项目12项。全年争取上级资金1.8亿元。\n"
        "浙江大学在我市设立研究院。合作项目9项。\n"
    )
    found = scopes(text, "常州市")
    assert found["1.8亿元"] == "常州市"
    assert found["9项"] == "常州市"


def test_a_clause_naming_its_own_place_overrides_the_frame() -> None:
    text = "二、区县情况\n（一）江北新区\n新增孵化器4家，其中，六合区新增2家。\n"
    found = extract_indicators(SHA, parse_structure(text), "2024-12-30", "南京市", None)
    assert [(i.value, i.scope) for i in found] == [(4, "江北新区"), (2, "六合区")]


def test_nothing_named_leaves_the_place_empty() -> None:
    found = scopes("一、工作情况\n新增科技型企业300家。\n", None)
    assert found == {"300家": None}


def test_a_county_named_after_its_city_is_the_county() -> None:
    assert [p[2] for p in find_places("其中,衡阳县完成技术合同成交额")] == ["衡阳县"]
    assert [p[2] for p in find_places("推动长沙县域经济发展")] == ["长沙市"]
    assert [p[2] for p in find_places("吉林市科技局")] == ["吉林市"]
    found = scopes("全市技术合同成交额80亿元,其中,衡阳县完成12亿元。", "衡阳市")
    assert found == {"80亿元": "衡阳市", "12亿元": "衡阳县"}


def test_the_most_specific_place_the_text_calls_its_own_wins_over_its_parent() -> None:
    body = (
        "5月8日，调研组来到绵阳市，调研了我市科技城建设情况。据了解，我市新增国家高新技术企业"
        "260家，绵阳市技术合同成交额增长30%。\n"
    )
    # a national body visiting: the title names the ministry, the text the city it visits
    assert document_place(None, "工业和信息化部调研组来我市调研", body)[0] == "绵阳市"
    # a province's news channel carrying a city's story
    assert document_place(None, "四川频道", body)[0] == "绵阳市"
    assert within("绵阳市", "四川省") and not within("四川省", "绵阳市")
    # a province's own text naming one of its cities twice stays the province's
    provincial = (
        "全省新增高新技术企业2600家，全省技术合同成交额增长18%，绵阳、绵阳科技城建设加快。\n"
    )
    assert document_place("四川省科学技术厅", None, provincial)[0] == "四川省"


def test_explain_says_where_a_figures_place_came_from(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    doc = tmp_path / "summary.txt"
    doc.write_text("南京市科学技术局2024年工作总结\n" + SUMMARY, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", "技术合同成交额达到64亿元", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "64亿元" in x and "范围来自" in x)
    assert "江北新区　范围来自：所在标题“（一）江北新区" in line
    result = CliRunner().invoke(app, ["explain", "全市新增高新技术企业310家", "--doc", str(doc)])
    line = next(x for x in result.output.splitlines() if "310家" in x and "范围来自" in x)
    assert "南京市　范围来自：所在分句的“全市”（即文件本身的地区）" in line
    result = CliRunner().invoke(app, ["explain", "新增市级工程技术研究中心23家", "--doc", str(doc)])
    line = next(x for x in result.output.splitlines() if "23家" in x and "范围来自" in x)
    assert "南京市　范围来自：文件本身的地区（据" in line


def test_the_frames_say_where_each_place_came_from() -> None:
    origins = dict((f"{i.value:g}{i.unit}", why) for i, why in with_origins(SUMMARY, "南京市"))
    assert origins["7个"].startswith("所在标题“（二）栖霞区")
    assert origins["310家"] == "所在分句的“全市”（即文件本身的地区）"


def test_a_paragraph_opening_on_a_higher_level_is_not_called_the_documents_own() -> None:
    text = "一、工作情况\n全省新增省级重点实验室40家。全年新增高新技术企业12家。\n"
    origins = [why for _, why in with_origins(text, "扬州市")]
    # 全省 in a city's text is the province: the later sentence's frame is the document's, not
    # the paragraph's
    assert origins[1] == "文件本身的地区"


def test_a_page_without_a_publisher_is_the_zone_its_opening_names() -> None:
    # an unseen zone's summary, no header: every figure was left without a place
    text = (
        "2024年,大连高新区以《提升清单》为抓手,高质量发展呈现新亮点。\n"
        "一、2024年工作完成情况\n"
        "(一)经济运行稳中有进\n"
        "地区生产总值实现471.3亿元,增速6%。\n"
    )
    found = with_origins(text, None)
    assert {i.scope for i, _ in found} == {"大连高新区"}
    assert all("文件开头" in why for _, why in found)
    # a publisher's place, where there is one, still frames the document
    assert set(scopes(text, "大连市").values()) == {"大连市"}


def test_a_zone_named_after_its_city_frames_its_paragraph_not_the_city() -> None:
    text = (
        "一、各地进展\n大连高新区全面推进改革。新增科技型企业92家。\n全年引进外地科技成果36项。\n"
    )
    found = scopes(text, "大连市")
    assert found["92家"] == "大连高新区"
    assert found["36项"] == "大连市"


def test_a_city_bodys_text_naming_one_city_once_is_that_citys() -> None:
    # "市科技局" gives the level, the text names one city: an unseen 淮北 summary had no place
    body = "2022年以来,市科技局全面贯彻落实省、市党代会精神。淮北市科技创新稳中有进。全市研发投入增加。"
    assert document_place("市科技局", "市科技局2022年工作总结", body)[0] == "淮北市"
    # a yearbook entry saying 全市 again and again, naming its city once beside its province
    body = "【概况】2007年,全市科技系统认真贯彻山东省部署。全市高新技术产业快速发展。滨州市获评先进。全市…"
    assert document_place(None, "科技", body)[0] == "滨州市"
    # a city it learns from is still not its own
    body = "市科技局组织企业赴杭州市考察。全市研发投入增加。"
    assert document_place("市科技局", None, body)[0] is None


def test_places_among_the_examples_of_what_is_counted_are_not_its_place() -> None:
    # "上海艾为电子等16个…项目落户" in a 大连 zone's summary was put in 上海市
    found = scopes("越南FPT、上海艾为电子等16个软件产业重大项目落户。", "大连高新区")
    assert found["16个"] == "大连高新区"
    found = scopes("都市圈协同成效明显。镇江丹阳、常州溧阳等12个县市入选百强县市榜单。", "南京市")
    assert found["12个"] == "南京市"
    # a place that is the clause's subject still is
    assert scopes("常州新增高新技术企业等各类企业120家。", "江苏省")["120家"] == "常州市"


def test_a_place_after_a_verb_of_getting_names_the_level_of_what_was_got() -> None:
    # a city's summary: the province's stations and awards it won are its own figures
    text = "建成河南省院士工作站3家,获得河南省科学技术奖12项。"
    assert set(scopes(text, "南阳市").values()) == {"南阳市"}
    text = "双方合作的5个项目获2021年四川省区域创新合作项目立项。"
    assert scopes(text, "克拉玛依市")["5个"] == "克拉玛依市"
    # a place as the subject is still the place
    assert scopes("河南省新建院士工作站40家。", "南阳市")["40家"] == "河南省"


def test_the_documents_own_place_opening_a_later_clause_is_the_nearest_place() -> None:
    # a province's report: "东莞成为我省第四个万亿元城市,全省…收入达1.4万亿元" was put in 东莞市
    text = "东莞成为我省第四个经济总量过万亿元城市，全省地方一般公共预算收入达1.4万亿元，进出口总额突破8万亿元。"
    found = scopes(text, "广东省")
    assert found["1.4万亿元"] == found["8万亿元"] == "广东省"
    # a ranking in the province is no subject: the city stays
    text = "东莞技术合同成交额增速居全省第一，达到320亿元。"
    assert scopes(text, "广东省")["320亿元"] == "东莞市"


def test_a_citys_text_naming_its_own_counties_is_still_the_citys() -> None:
    # an unseen yearbook entry: 孝感市 twice, its county-level cities once each, and 武汉 once
    body = (
        "【概况】2014年,全市科技工作狠抓落实。孝感市再次被表彰为全省先进市州。"
        "汉川市、应城市被表彰为先进县市区。全市高新技术产业增加值居武汉城市圈第三位。"
        "全市新认定高新技术企业43家。孝感市专利授权量增长。全市…"
    )
    assert document_place(None, "科技工作", body)[0] == "孝感市"
    # a county-level city naming itself more than its prefecture is itself
    body = "全市科技工作取得进展。溧阳市新增高企20家。溧阳市获评先进。常州市考核优秀。溧阳市…全市…"
    assert document_place(None, None, body)[0] == "溧阳市"


def test_a_province_named_inside_a_countys_sentence_is_a_level_not_the_figures_place() -> None:
    # made-up county news: the province names an award, a platform and a programme; the figures
    # after it are the county's (they were given 浙江省)
    text = (
        "安吉县多家企业入选“浙江好成果”，3个项目获得浙江省科学技术奖。"
        "依托浙江省科技金融服务平台，凭7个维度的评级即可授信，单笔最高额度达800万元。"
    )
    found = scopes(text, "安吉县")
    assert found["3个"] == found["7个"] == found["800万元"] == "安吉县"
    # a province heading its own clause still places the figures of that clause
    text = "浙江省研发投入强度达到3.2%，安吉县达到2.9%。"
    assert scopes(text, "安吉县")["3.2%"] == "浙江省"


def test_a_citys_page_titled_after_one_of_its_zones_is_the_zones() -> None:
    # made-up: 大连市科学技术局 publishing the zone's summary; its figures and its 全区 were 大连市's
    body = "2024年，全区新增高新技术企业120家。技术合同成交额达到50亿元。"
    place, why = document_place("大连市科学技术局", "大连高新区2024年科技创新工作总结", body)
    assert place == "大连高新区" and "文件标题" in why
    assert set(scopes(body, place).values()) == {"大连高新区"}
    place, _ = document_place("苏州市科学技术局", "苏州工业园区科技创新工作情况", "园区…")
    assert place == "苏州工业园区"
    # a title naming the city's kind of firm is no zone: 高新技术企业 stays the city's
    assert document_place("大连市科学技术局", "大连市高新技术企业认定办法", "")[0] == "大连市"


def test_a_zone_heading_a_sentence_after_its_time_or_own_place_is_its_subject() -> None:
    # "今年以来," and "上半年," only date the sentence: the zone after them is its subject, and
    # the figures of its later clauses are the zone's, not the city's around it
    found = scopes("今年以来，长沙高新区新增高新技术企业120家，技术合同成交额50亿元。", "长沙市")
    assert found["120家"] == found["50亿元"] == "长沙高新区"
    found = scopes("上半年，经开区规上工业产值增长12%，新增科技型企业40家。", "芜湖市")
    assert found["12%"] == found["40家"] == "经开区"
    # "我区" before the park is the district speaking, not part of the park's name
    found = scopes("我区光谷科技园入驻企业达到320家，年产值80亿元。", "洪山区")
    assert found["320家"] == found["80亿元"] == "光谷科技园"
