"""Highlights as a leader reads them: clean sentences, no framing or slogans, the substantial first,
each measure once across themes."""

from __future__ import annotations

import re

import pytest

from briefing.wording import clean_sentence, substance, unsuitable, without_enumerator
from tests.sample_context import real_context

ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、]|[①-⑳]|[—-])"
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "一是加大科技金融支持力度。组建总规模达300亿元的科学城产业发展基金,已落地子基金30支。",
            "组建总规模达300亿元的科学城产业发展基金，已落地子基金30支。",
        ),
        ("（三）强化人才支撑。新引进海内外优秀人才4500人;", "新引进海内外优秀人才4500人。"),
        # who led the work, a set phrase in mid-sentence, goes; the figures stay
        (
            "2024年，全市科技系统在市委、市政府的坚强领导下，连续3年入选“中国城市创新能力百强榜”，"
            "全社会研发投入强度达到2.68%。",
            "2024年，全市科技系统连续3年入选“中国城市创新能力百强榜”，全社会研发投入强度达到2.68%。",
        ),
        # under 下一步安排 (and after the 本期要点's 下一步，) the plan's own 下一步， is said twice
        (
            "下一步，“政、银、服”三方将以“科技质量贷”首发为契机，持续深耕“质量+”服务模式。",
            "“政、银、服”三方将以“科技质量贷”首发为契机，持续深耕“质量+”服务模式。",
        ),
        ("——全社会研发经费投入增长12.3%，", "全社会研发经费投入增长12.3%。"),
        ("1.新增国家级孵化器3家、众创空间5家、", "新增国家级孵化器3家、众创空间5家。"),
        ("② 设立科技成果转化基金2亿元", "设立科技成果转化基金2亿元。"),
        (
            "其一，出台《科技金融十条》，累计发放贷款1,200笔。。",
            "出台《科技金融十条》，累计发放贷款1,200笔。",
        ),
        (
            "全市技术合同成交额\n 达到 865.1亿元 , 增长37.2%",
            "全市技术合同成交额达到865.1亿元，增长37.2%。",
        ),
        (
            "深入贯彻落实党的二十大精神，组建重庆市科创培育基金，首期规模20亿元。",
            "组建重庆市科创培育基金，首期规模20亿元。",
        ),
        ("在中国科技城(绵阳)建成中试基地4个", "在中国科技城（绵阳）建成中试基地4个。"),
        (
            "第二条 对新获批的国家实验室基地，给予一次性1000万元资助。",
            "对新获批的国家实验室基地，给予一次性1000万元资助。",
        ),
        (
            "在强化信贷支持方面，深化“浙科贷”专属融资服务，授信120亿元。",
            "深化“浙科贷”专属融资服务，授信120亿元。",
        ),
        ("为强化科技企业金融要素保障，设立科创金融服务中心12家。", "设立科创金融服务中心12家。"),
        # a news item's attribution and the purpose clause after it
        (
            "日前，记者从有关部门了解到，为进一步提升发展质量，西藏建成众创空间等载体74家。",
            "西藏建成众创空间等载体74家。",
        ),
        ("据悉，全市新增高新技术企业120家。", "全市新增高新技术企业120家。"),
        # the purpose runs on over a second clause before the time frame of the facts
        (
            "为进一步提升发展质量，全面深化供给侧结构性改革，近年来，西藏建成众创空间等载体74家。",
            "近年来，西藏建成众创空间等载体74家。",
        ),
        # a clause announcing the list the page cut off goes
        (
            "加速创建以企业为主体的创新体系，以抓企业促抓创新，具体措施：",
            "加速创建以企业为主体的创新体系，以抓企业促抓创新。",
        ),
        # an attribution of the figures goes; the figures stay
        (
            "据省局反馈数据显示,2014年我市全社会R&D经费支出127.9亿元,占GDP比重2.61%。",
            "2014年我市全社会R&D经费支出127.9亿元，占GDP比重2.61%。",
        ),
        # a half-width comma after a percentage is a clause break, not a thousands separator
        (
            "共登记技术合同交易额23.9亿元，超额完成33%,24项科技成果获省以上奖励。",
            "共登记技术合同交易额23.9亿元，超额完成33%，24项科技成果获省以上奖励。",
        ),
        # a news item's dateline and who said it go; what was done stays
        (
            "绵阳新闻网讯近日，市市场监督管理局与银行联合制定了“科技质量贷”专项产品方案。",
            "近日，市市场监督管理局与银行联合制定了“科技质量贷”专项产品方案。",
        ),
        (
            "新区市监分局相关负责人表示，下一步，三方将结合专利质押等多元授信组合支持科技型企业。",
            "三方将结合专利质押等多元授信组合支持科技型企业。",
        ),
        # an intention followed by what was done stays whole
        (
            "全面深化改革，推动科技成果转化，2023年技术合同成交额达到100亿元。",
            "全面深化改革，推动科技成果转化，2023年技术合同成交额达到100亿元。",
        ),
    ],
)
def test_a_highlight_is_one_clean_sentence_with_its_figures_unchanged(raw: str, clean: str) -> None:
    assert clean_sentence(raw) == clean


def test_a_mirrors_pinyin_residue_is_not_printed_in_a_highlight() -> None:
    raw = "2022年,全市共投入R&D經(jīng)費(fèi)601.08億元,增長(zhǎng)8.6%(初步統計)。"
    assert clean_sentence(raw) == "2022年，全市共投入R&D經費601.08億元，增長8.6%（初步統計）。"


def test_a_stray_quote_mark_from_a_cut_clause_is_dropped() -> None:
    assert clean_sentence("实施“塔尖”政策和“塔基计划") == "实施“塔尖”政策和塔基计划。"


@pytest.mark.parametrize(
    "text",
    [
        # a sentence leaning on the one before it for its subject and verb
        "并于2017年1月联合印发了《关于进一步做好2017年创新型城市建设有关工作的通知》。",
        "还有国家富民强县项目、重点星火计划项目和国家创新基金项目400万元。",
        "于2015年底初步完成了《关于加强高等学校科技成果转化工作的若干意见》的起草工作。",
        # judge s11: the 要情's 其他科技工作 line opened on 已于49日举办… (no subject)
        "已于4月9日举办全市人才科技创新发展大会新材料产业分论坛，邀请了10余名专家参会。",
        "你们提出的《关于推进我市创新链与产业链融合发展的建议》收悉。",
        "感谢您对我市科技工作的关心和支持。",
        "我市科技综合实力与先进地区相比还有较大差距，企业创新主体地位仍然不强。",
        "科技金融支持体系更加优化，科技成果转化链条更加完备，创新创业服务更加高效便捷。",
        "强化人才支撑。",
        "广西壮族自治区科学技术厅等10部门关于印发《广西科技金融创新发展行动方案》的通知",
        "现将《广西科技金融创新发展行动方案》印发给你们，请结合工作实际认真贯彻执行。",
        "第三条本办法所指的科技型企业知识价值贷款（以下简称“知识价值贷款”），包括信用贷款。",
        "2025-12-31 19:35来源：广西壮族自治区科学技术厅",
        "2024年，市科技局深入学习贯彻习近平总书记关于科技创新的重要论述，按照省委“1310”具体部署推进。",
        # who led, whose spirit was carried out, how much a year matters (unseen pages)
        "今年以来，在市委、市政府的坚强领导下，市科技局深入贯彻落实省第十四次党代会精神，"
        "积极统筹科技资源和人才集聚优势，攻坚推进“强科技”行动战略，持续提升科技创新的辐射力。",
        "2026年是“十五五”开局之年，做好今年工作意义重大。",
        "该活动在全市科技人员中产生了轰动效应，省内的部分“中原学者”和“院士”也给予很高评价。",
        # what a place or a programme is, not what was done
        "南京是全国唯一的科技体制综合改革试点城市，拥有普通高校53所、中科院研究所6个。",
        "“十百千万”专项行动是科技部火炬中心和中国工商银行共同开展的一项重点工作，以创新金融产品为主要任务。",
        # a verdict on a step, what a product is, an aim put as what it lets happen, and the
        # occasion a report was given: no step taken (unseen news pages)
        "此次“科技质量贷”首笔贷款的落地，既是对三方协同创新成果的有力检验，更是“质量+金融”模式的生动实践。",
        "“科技质量贷”就是指将企业质量管理水平、技术创新实力等要素转化为核心授信依据。",
        "让企业的“软实力”，变成融资的“硬支撑”。",
        # a state foreseen clause after clause, nothing counted or named as done
        "“使命导向”的战略科技力量体系加速形成，原始创新能力大幅提高。",
        "1月20日上午，宜宾市第六届人民代表大会第七次会议召开，宜宾市长杜海洋向大会作政府工作报告。",
        # a rhetorical question a news page asks before its answer
        "如何让更多科技成果从实验室走向生产线，在金融活水的滋养下加速转化落地？",
        # one person's story and one firm's description: no measure of a theme
        "恰逢市里举办科技成果对接会，为孙先生的科技成果转化落地提供了有力支持。",
        "会上，张女士介绍了团队获得300万元知识价值信用贷款的经过。",
        "某某智能科技有限公司是一家专注于工业机器人研发的国家高新技术企业，拥有专利56项。",
        "该公司成立于2015年，主要从事新材料研发，2023年营业收入达3.2亿元。",
        "在当天的座谈会上，市科技局负责人强调：“要持续优化科技金融服务，让更多企业受益。”",
        # the bodies responsible for a task, a line of their own under it
        "市发改委、市经信局、市科技局、市财政局（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）。",
        "如今，公司先后搭建起了国家工程研究中心、博士后科研工作站等创新平台，成功研发60多项新产品。",
        # a visit or a talk that took place is no step taken (unseen pages: a 人才 highlight)
        "5月20日，市人才办、市人社局相关负责人一行在市科技局举行了人才工作调研座谈会。",
        "省科技厅副厅长一行到我市高新区调研科技人才工作，并看望慰问了部分青年科技人才。",
        # a meeting held and what was said at it, nothing decided or counted (dev-part news pages)
        "10月31日下午，承德市科技局组织召开2025年全市科技系统工作推进会议。",
        "2023年3月10日下午，副县长在县科工局组织召开创建省级创新型县区工作推进会，"
        "分析研判创建工作中的短板弱项，对我县创建工作进行再动员、再部署。",
        "会上，各县（市、区）、高新区科技管理部门分别就考核指标、重点工作推进情况进行发言，"
        "党组书记、局长作了讲话并对下一步科技创新工作进行安排。",
        "在节目中，邵磊同志介绍了科技局在开展科技活动周、创新平台建设等方面所做的工作，"
        "其余同志对群众提出的问题作了认真解答。",
        # the office's party work and political study (every summary has a section of it)
        "通过局党组理论学习中心组集体学习、“第一议题”制度等多种途径，采取宣讲、辅导、领学、自学等多种方式，"
        "读原著、悟原理。",
        "局党组扎实开展主题教育，推动理论学习走深走实。",
        "全市科技系统扎实开展党史学习教育，推进党建引领。",
        # what a report delivered at a meeting covered (review m, 其他科技工作 [12])
        "报告系统总结了全省科技创新成就，分析了当前形势，明确了2026年重点任务，为全市科技工作提供了遵循。",
        "日前记者再次走访发现，如今，我市科技创新体系建设正在从“建框架”向“强功能”跃升！",
        # political study counted in sessions (review m, gist [3]: 开展学习20余次)
        "把习近平法治思想纳入党组理论学习中心组学习内容，全年组织专题学习9次，"
        "推动领导干部带头尊法学法守法用法。",
        # a sentence pointing back at what a sentence before it named (review m, A8)
        "该提案由民盟市委会提出，深入分析了我市科技创新存在的差距，并从五个方面给出具体建议。",
        "此次对接会取得圆满成功，进一步深化了校地合作。",
        "上述企业均已纳入省级科技型中小企业培育库，享受研发费用加计扣除政策。",
        "他说，提案选题准、切题深、破题实，体现了建言献策的高站位、高质量。",
        # results praised, none named or counted; a superior's approval
        "“扫黑除恶”专项斗争工作成果突出，工作成绩在全市名列前茅。",
        "李普副主任对我省创新人才推进计划工作给予肯定，并提出下一步推进创新人才的培养工作意见。",
        # a lead-in to the list after it (review n, 7: a reply's 工作措施主要包括以下方面 was a
        # highlight and a gist's point): the list says it, the lead-in alone nothing
        "围绕科技成果转化，我局近年来的工作举措主要包括以下方面：",
        "推进科技金融工作，市科技局重点抓好了以下四个方面。",
    ],
)
def test_framing_problems_slogans_and_fragments_are_never_highlights(text: str) -> None:
    assert unsuitable(clean_sentence(text)) is not None


def test_political_study_beside_science_work_or_counting_more_than_sessions_stays() -> None:
    """Only a count of study sessions makes political study no highlight: a sentence that also
    trains 科技特派员 or counts firms served is work done."""
    text = "厅党组理论学习中心组专题学习8次，举办科技特派员培训班4期，走访服务企业150家。"
    assert unsuitable(clean_sentence(text)) is None


def test_talent_training_under_party_leadership_counted_in_classes_and_trainees_stays() -> None:
    """Review s4b finding 8: 研修班15期 and 1200人次 count training given, not study sessions held
    (人次 is a headcount), so a 人才 measure with figures stays a possible highlight."""
    text = "坚持党建引领人才工作，举办高层次人才研修班15期，培训企业家和青年英才1200人次。"
    assert unsuitable(clean_sentence(text)) is None
    study = "坚持党建引领，召开党组理论学习中心组会议12次，举办读书班2期。"
    assert unsuitable(clean_sentence(study)) == "套话"


def test_a_concrete_result_with_figures_outranks_a_generic_intention() -> None:
    concrete = clean_sentence("累计为11943家(次)企业发放知识价值信用贷款207.21亿元。")
    named = clean_sentence("出台《重庆市完善科技激励机制的若干措施》，探索顶尖人才举荐制。")
    generic = clean_sentence("进一步加强科技人才队伍建设，优化人才发展环境。")
    assert unsuitable(generic) is None  # a plain intention may still fill a thin section...
    scores = [substance(concrete, 2, True), substance(named, 0, True), substance(generic, 0, True)]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 3  # ...but ranks last


def test_seed_highlights_are_clean_unique_and_substantial() -> None:
    context = real_context()
    seen: dict[str, str] = {}
    for theme in context["themes"]:
        # results first; a policy's provisions and the plans share what follows, none twice
        done = len(theme["progress"])
        assert theme["highlights"][:done] == theme["progress"]
        later = theme["highlights"][done:]
        assert all(m in theme["plans"] or m in theme["provisions"] for m in later)
        assert len(later) == len(theme["plans"]) + len(theme["provisions"])
        for m in theme["highlights"]:
            text = m["text"]
            assert not ENUMERATOR.match(text), text
            assert text.endswith("。") and not text.endswith(("；。", "，。")), text
            assert "\n" not in text and "," not in text, text
            assert m["quote"] not in seen, (
                f"{text} under {seen.get(m['quote'])} and {theme['name']}"
            )
            seen[m["quote"]] = theme["name"]
            # every figure printed is one the document prints
            # every figure is the quote's; the year put after 今年 (今年（2024年）) is the
            # document's date, said as an editor's note
            figures = re.sub(r"(?<=今年)（\d{4}年）", "", text)
            assert set(re.findall(r"\d+(?:\.\d+)?", figures)) <= set(
                re.findall(r"\d+(?:\.\d+)?", m["quote"])
            )
        # the section's results do not all come from one document when others have some
        sources = {m["source_no"] for m in theme["progress"]}
        assert len(theme["progress"]) < 2 or len(sources) > 1, theme["name"]
    texts = [m["text"] for t in context["themes"] for m in t["highlights"]]
    assert not any(t.startswith(("加快建设高能级科创平台", "优化人才服务配套")) for t in texts)
    # roads and bus lines are not a 人才 highlight, whatever their item heading says
    talent = next(t for t in context["themes"] if t["name"] == "人才")
    assert not any("公交线路" in m["text"] for m in talent["highlights"])


def test_a_sentence_a_mirror_garbled_is_no_highlight() -> None:
    # 基础(chǔ)研究 on a mirror that lost 基础: the reading is left after a stray letter
    garbled = "A(chǔ)研究、应用研究和试验发展经费所占比重分别为0.4%、1.5%和98.1%。"
    assert unsuitable(clean_sentence(garbled)) == "乱码"
    assert (
        unsuitable(
            clean_sentence("基础研究、应用研究和试验发展经费所占比重分别为0.4%、1.5%和98.1%。")
        )
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes of a person's story, a firm's profile and a quoted speech: measures
        "我市企业在全国率先生产出首台套高端数控机床。",
        "推动企业集团致力于关键核心技术攻关，新增研发投入20亿元。",
        "据市科技局介绍：“十四五”以来，全市新增高新技术企业1200家。",
        "会议指出：“揭榜挂帅”项目已落地36项，带动投资12亿元。",
        # a meeting that decided something, a visit with its count, a firm's law: measures
        "召开全市人才工作会议，出台《高层次人才引进实施办法》。",
        "组织专家深入企业开展技术服务调研，走访企业120家，解决技术难题45项。",
        "推动国有企业完成公司制改革，建立科技创新容错机制。",
        # work that goes to firms is no visit that took place; bodies set up are no list of
        # the bodies responsible (second reading of the session's diff)
        "深入开展科技特派员进企业走访服务活动，帮助企业解决技术难题。",
        "组织科技特派员到乡村开展技术指导和产业调研服务。",
        "建立领导干部联系服务企业制度，定期到企业走访调研。",
        "新建省级企业技术中心、工程研究中心。",
        "设立科技金融服务中心、知识产权运营中心。",
    ],
)
def test_look_alikes_of_stories_and_quotes_stay_highlights(text: str) -> None:
    assert unsuitable(text) is None


def test_a_speech_quoted_to_the_end_is_no_highlight() -> None:
    assert unsuitable("他表示：“我们将继续加大投入，支持企业创新发展。”") == "引语"


def test_a_news_dateline_and_byline_are_not_part_of_the_highlight() -> None:
    """经济日报北京10月3日讯（记者熊丽） is who filed the item; the highlight starts with what was
    done. A word that only looks like one (讯问) stays."""
    assert clean_sentence(
        "经济日报北京10月3日讯（记者熊丽）国家统计局、科技部、财政部3日联合发布公报。"
    ) == ("国家统计局、科技部、财政部3日联合发布公报。")
    assert clean_sentence("新华社北京3月5日电 国务院总理作政府工作报告。") == (
        "国务院总理作政府工作报告。"
    )
    assert clean_sentence("市广播电视台3月5日讯问了相关负责人。").startswith("市广播电视台")


@pytest.mark.parametrize(
    "text",
    [
        # an event of its own, or a meeting that decided or counted something, stays a highlight
        "举办2023重庆创投大会，吸引200余家基金机构参会，14家头部投资机构与科学城签约。",
        "召开全市科技创新大会，出台《关于加快科技创新的若干措施》。",
        "会上，发布了《科技型企业知识价值信用贷款实施细则》，为企业授信5亿元。",
        "成功举办第五届中国科技成果交易会，现场签约项目126个。",
        "第三次全国土壤普查试点成果获“优秀”等次，在全国大会作典型发言。",
        # S&T work that mentions party work, a 座谈会 that published something, a talk that
        # helped firms and a 培训会 that trained brokers (a 工作总结's 强化科技服务, reviewed)
        "以党建引领科技特派员服务，组建科技特派员党员服务队。",
        "举办人工智能产业创新发展座谈会，发布应用场景清单。",
        "组织专家为企业做详细解答，帮助企业解决技术难题。",
        "组织开展科技工作者日主题教育活动，弘扬科学家精神。",
        "举办科技成果转化培训会，培训技术经纪人。",
    ],
)
def test_an_event_that_did_something_stays_a_highlight(text: str) -> None:
    assert unsuitable(clean_sentence(text)) is None


def test_a_pages_footnote_mark_is_not_printed_as_a_citation() -> None:
    """地区生产总值[2]之比 in a bulletin read as source [2] of the 简报 (another document)."""
    text = "研究与试验发展(R&D)经费投入强度（R&D经费与地区生产总值[2]之比）为2.14%，比上年下降0.12个百分点。"
    cleaned = clean_sentence(text)
    assert "[2]" not in cleaned
    assert cleaned.startswith("研究与试验发展(R&D)经费投入强度（R&D经费与地区生产总值之比）为2.14%")
    # a year or a document number in brackets is no footnote mark
    assert "〔2016〕111号" in clean_sentence("科技部印发了《工作指引》（国科发创〔2016〕111号）。")


def test_a_speech_enumerator_is_stripped_like_yi_shi() -> None:
    assert clean_sentence("三要突出抓好科技项目谋划储备、创新示范区建设，力促取得实绩实效。") == (
        "突出抓好科技项目谋划储备、创新示范区建设，力促取得实绩实效。"
    )
    # 要素 and 要求 are words, not an enumerator
    assert clean_sentence("一要素市场化配置改革深入推进。").startswith("一要素")


def test_a_key_figures_quote_drops_the_list_number_it_was_cut_with() -> None:
    """The 专题's 原文 cell read '3.大中型工业企业和规上高企研发机构建有率92%'."""
    assert without_enumerator("3.大中型工业企业和规上高企研发机构建有率92%") == (
        "大中型工业企业和规上高企研发机构建有率92%"
    )
    assert without_enumerator("（二）新增孵化器5家") == "新增孵化器5家"
    assert without_enumerator("第四条引导基金规模为20亿元") == "引导基金规模为20亿元"
    # the first of two ordinals is the quote's own word: 一、二季度 is the first half, not Q2
    for pair in (
        "一、二季度全市技术合同成交额累计达到46.2亿元",
        "一、二等奖15项",
        "1、2月成交额18.6亿元",
    ):
        assert without_enumerator(pair) == pair
    assert without_enumerator("二、一批重大项目落地") == "一批重大项目落地"
    # a figure at the start is the quote's own: never cut
    for quote in ("3.5亿元", "2 家企业", "12.5%", "2023年新增企业5家"):
        assert without_enumerator(quote) == quote


def test_counts_naming_no_sci_tech_weigh_less_than_a_named_sci_tech_result() -> None:
    """The 本期要点 led 人才 with vocational trainees and 科技金融 with bank balances because each
    figure scored the same: a sentence none of whose figure clauses names S&T work counts its
    figures once, not twice."""
    training = "开展补贴性职业技能培训10万人次，新增技能人才10万人次、高技能和工匠人才2.5万人次。"
    labs = "崖州湾国家实验室落地并转段运行，3家全国重点实验室获批建设。"
    assert substance(labs, 1, True) > substance(training, 3, True) - 1
    assert substance(training, 3, True) == substance(training.replace("技能", "科技"), 3, True) - 3
    # a figure whose S&T subject stands in the clause before it counts in full
    deposits = "银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元。"
    venture = "设立创业投资引导基金，撬动社会资本38.7亿元、29.9亿元。"
    assert substance(venture, 2, True) - substance(deposits, 2, True) >= 2


@pytest.mark.parametrize(
    "text",
    [
        # who spoke, counted: the figure is the number of speakers, not a result
        "兰州市科技局、兰州理工大学等5家单位作了交流发言。",
        # a meeting named before it was held
        "2月5日，2024年全省科技工作会议在兰州召开。",
        # a principle held and an aim, a reply's only “main point”
        "市科技局坚持“产业第一、企业家老大”理念，打造高质量的创新创业市场主体。",
    ],
)
def test_meeting_news_and_principles_are_no_highlight(text: str) -> None:
    assert unsuitable(clean_sentence(text)) is not None


def test_a_meeting_that_counted_results_or_a_principle_with_a_step_stays() -> None:
    assert unsuitable("会上，5家企业签约入驻，签约金额达12亿元。") is None
    assert unsuitable("坚持需求导向原则，出台《科技成果转化若干措施》。") is None


def test_this_year_is_put_in_its_year_and_other_time_words_are_left() -> None:
    """力争今年科技型企业超过4.8万家 among documents of several years: which year? The document's,
    said after 今年 in brackets; a sentence that prints a year of its own is left as it is."""
    from briefing.wording import dangling_year, dated_this_year

    assert dated_this_year("力争今年科技型企业超过4.8万家。", 2024) == (
        "力争今年（2024年）科技型企业超过4.8万家。"
    )
    assert (
        dated_this_year("2023年以来，今年新增孵化器3家。", 2024)
        == "2023年以来，今年新增孵化器3家。"
    )
    assert dated_this_year("当年新增孵化器3家。", 2024) == "当年新增孵化器3家。"
    # an opening 去年 is the year before the document's (a 2023 report's 去年 is 2022)
    assert dated_this_year("去年全省研发经费支出约4200亿元。", 2023) == (
        "去年（2022年）全省研发经费支出约4200亿元。"
    )
    assert dated_this_year("比去年增长12%。", 2023) == "比去年增长12%。"
    # a year printed later does not date the 今年 that opens the item
    assert dated_this_year("今年初，市人大常委会把执法检查列入2015年计划。", 2025) == (
        "今年（2025年）初，市人大常委会把执法检查列入2015年计划。"
    )
    assert dangling_year("今年初，市人大常委会…列入2015年“一要点四计划”。")
    assert not dangling_year("比上年增长12%，达到2.5亿元。")


def test_dang_nian_inside_another_word_is_no_time_word() -> None:
    """Review s3b, 12: 应当年龄 and 相当年薪 read as 当年, and the strongest talent provision ranked
    as an undated item (score 6 -> 4). 当年 opening a clause or after 于/在 still dangles."""
    from briefing.wording import dangling_year

    assert not dangling_year(
        "全职引进的顶尖人才，申报时应当年龄不超过60周岁，给予最高500万元安家补贴和1000万元科研经费。"
    )
    assert not dangling_year("入选者可获得相当年薪30万元的科研经费支持。")
    assert dangling_year("当年新增孵化器3家。")
    assert dangling_year("入库企业于当年完成研发费用归集。")


def test_a_news_items_result_after_a_reporters_lead_in_is_a_highlight() -> None:
    """Review s4a, 8: a lab opened is the news, not a meeting report; framing without a result
    after the lead-in still is."""
    for text in (
        "记者从市科技局了解到，苏州实验室正式揭牌运行。",
        "记者日前从市科技局了解到，苏州实验室正式揭牌运行。",
    ):
        assert unsuitable(clean_sentence(text)) is None
    framing = "日前记者再次走访发现，如今，我市科技创新体系建设正在从“建框架”向“强功能”跃升。"
    assert unsuitable(clean_sentence(framing)) == "会议报道"
    # ending on an exclamation mark it is a cheer, framing before any reporter's rule looks at it
    assert unsuitable(clean_sentence(framing[:-1] + "！")) is not None
    # review s4c, 11: a shortfall the reporter found is no result
    for shortfall in (
        "记者日前走访发现，部分孵化器的公共服务平台仍未开通。",
        "记者走访发现，不少园区的中试基地尚未建成。",
    ):
        assert unsuitable(clean_sentence(shortfall)) == "会议报道"


def test_the_news_items_own_event_with_figures_is_a_highlight() -> None:
    """Review s4a, 17: 此次对接会 is the item's own event (its cited title names it); the figures
    signed there are its result. Without figures the sentence still points back."""
    assert unsuitable(clean_sentence("此次对接会共签约科技合作项目12个，签约金额3.6亿元。")) is None
    assert unsuitable(clean_sentence("此次活动由市科协主办，吸引了众多企业参加。")) == "指代不明"


def test_a_sentence_tens_of_thousands_of_characters_long_is_scored_at_once() -> None:
    """A document line of 40 000 hanzi with no programme name in it made the programme-name
    pattern try every start against every end: 56 s for one sentence, hours for a longer one,
    during the build. It is scored in milliseconds, and names are still found."""
    import time

    started = time.monotonic()
    substance("科技" * 20_000 + "，技术合同成交额达到100亿元。", figures=1, done=True)
    assert time.monotonic() - started < 5
    named = substance("实施科技成果转化专项，支持项目30个。", figures=1, done=True)
    unnamed = substance("支持企业开展研发，支持项目30个。", figures=1, done=True)
    assert named == unnamed + 2


def test_a_pledge_or_the_documents_own_procedure_is_no_highlight() -> None:
    """Judges found 只争朝夕…做好各项工作 as a plan and 公示期为10个自然日 as a gist's main measure;
    a pledge beside a concrete arrangement (每年召开一次联席会议) is kept, the arrangement scored."""
    assert unsuitable("全市科技系统要只争朝夕、紧抓快干，以超常举措做好各项工作。") == "表态"
    assert unsuitable("我们一定积极努力，推动全市科技创新工作再上新台阶。") == "表态"
    assert unsuitable("公示期为10个自然日（2020年12月24日—2021年1月3日）。") == "办理程序"
    assert unsuitable("试点期限：2年（自本方案印发之日起）。") == "办理程序"
    assert unsuitable("凡匿名提出的异议和超出公示期限提出的异议，均不予受理。") == "办理程序"
    # a result the objection procedure follows is kept
    assert (
        unsuitable("经专家评审，确定张三等12人为市级青年科技人才，现予以公示，如有异议请反馈。")
        is None
    )
    kept = "建立人才工作联席会议制度，每年召开一次联席会议，确保各项任务落到实处。"
    assert unsuitable(kept) is None
    assert substance(kept, 0, False) >= 3


def test_what_others_said_judged_or_asked_is_no_highlight() -> None:
    """Blind judges found a leader's praise and remarks on a visit, a report heard (…汇报了…工作情况)
    and a request to the province (请省科技厅将…) shown as the office's progress. With a figure, or
    a step of the office's own, a sentence stays."""
    for said in (
        "在充分肯定科技局近年来所取得成绩的同时，杨市长强调指出，市委、市政府对科技工作提出了殷切的期望和要求。",
        "市科技局党组书记、局长邹锟汇报了国家创新型城市建设工作情况。",
        "请省科技厅将“南平市科技特派员创新创业服务云平台”项目列入“一事一议”范围，在建设资金上给予支持。",
    ):
        assert unsuitable(clean_sentence(said)) == "讲话或评价"
    for done in (
        "市科技局组织专家对全市32家企业开展上门服务，帮助企业申报高新技术企业认定。",
        "新认定高新技术企业156家，副市长对此给予充分肯定。",
    ):
        assert unsuitable(clean_sentence(done)) is None
