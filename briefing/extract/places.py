"""Chinese places named in policy text: provinces, prefecture-level cities, districts and counties.

A figure's `scope` is the place it is about. Provinces and prefecture-level cities are known by name
(浙江, 长沙 — the text often drops 省/市), so they are listed here once; districts, counties and
county-level cities are known by their full name from the list of China's divisions shipped with the
package (`divisions.tsv`: 溧阳市, 湟中县, 西乡塘区), and also by their suffix after a known city
("宁波市鄞州区") or at the start of an issuing body's name ("鄞州区科学技术局"). A place is reported
under its full name (浙江 -> 浙江省).

City names that are also ordinary words (朝阳产业, 安康, 长治久安, 白银, 日照) count only with 市
after them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

# short name -> full name
PROVINCES: dict[str, str] = {
    "北京": "北京市",
    "天津": "天津市",
    "上海": "上海市",
    "重庆": "重庆市",
    "河北": "河北省",
    "山西": "山西省",
    "辽宁": "辽宁省",
    "吉林": "吉林省",
    "黑龙江": "黑龙江省",
    "江苏": "江苏省",
    "浙江": "浙江省",
    "安徽": "安徽省",
    "福建": "福建省",
    "江西": "江西省",
    "山东": "山东省",
    "河南": "河南省",
    "湖北": "湖北省",
    "湖南": "湖南省",
    "广东": "广东省",
    "海南": "海南省",
    "四川": "四川省",
    "贵州": "贵州省",
    "云南": "云南省",
    "陕西": "陕西省",
    "甘肃": "甘肃省",
    "青海": "青海省",
    "台湾": "台湾省",
    "内蒙古": "内蒙古自治区",
    "广西": "广西壮族自治区",
    "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区",
    "澳门": "澳门特别行政区",
}

_CITIES = """
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
太原 阳泉 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛
长春 四平 辽源 通化 松原 白城
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 潮州 揭阳
云浮
南宁 柳州 桂林 梧州 防城港 钦州 贵港 玉林 百色 贺州 河池 崇左
海口 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳
贵阳 六盘水 遵义 安顺 毕节 铜仁
昆明 曲靖 玉溪 保山 昭通 丽江 临沧
拉萨 日喀则 昌都 林芝 那曲
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛
兰州 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
西宁 海东
银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密
"""
# Also ordinary words or other names: only "朝阳市", "安康市"… count.
_CITIES_WITH_SUFFIX_ONLY = (
    "大同 长治 朝阳 白山 黄山 中山 北海 来宾 普洱 白银 日照 安康 新乡 吉安 山南"
)

CITIES: dict[str, str] = {name: f"{name}市" for name in _CITIES.split()}
_SUFFIX_ONLY = {f"{name}市": f"{name}市" for name in _CITIES_WITH_SUFFIX_ONLY.split()}

# The thirty autonomous prefectures, city-level places as their documents name them ("黔东南州",
# "凉山州"), which say 全州/我州 of themselves; the one- and two-character short forms (博州,
# 巴州, 克州) are left out, since they are also words and districts.
_PREFECTURES = """
延边州 恩施州 湘西州 阿坝州 甘孜州 凉山州 黔东南州 黔南州 黔西南州 楚雄州 红河州 文山州 西双版纳州
大理州 德宏州 怒江州 迪庆州 临夏州 甘南州 海北州 黄南州 海南州 果洛州 玉树州 海西州 昌吉州
博尔塔拉州 巴音郭楞州 克孜勒苏州 伊犁州
"""
PREFECTURES = {name: name for name in _PREFECTURES.split()}

# A district or county after a city: "宁波市鄞州区", "长沙县".
_DISTRICT = r"(?![区县市省])[\u4e00-\u9fff]{1,3}?(?:新区|区|县|旗)"
# Words that end in 区/县 but name no district.
_NOT_DISTRICT = re.compile(
    r"(?:园|(?:^|[主老新心])城|社|片|辖|景|山|地|市|全|我|本|各|该|郊|示范|开发|试验|功能|集聚|核心|保护|"
    r"自贸|经开|高新|产业|商|校|小|街|矿|牧|林|灾|疫|风险|老|主城|中心城|城市|新城)区$|^自治"
)

# Names that open a body rather than name a place: "浙江大学", "上海交通大学".
_BODY_AFTER = re.compile(r"大学|学院|日报|卫视|电视台|广播|银行|证券|交易所|集团|股份|有限")


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, tuple[int, ...]], re.Pattern[str], frozenset[str]]:
    """Names (as printed -> full name), the lengths of the names each two-character opening
    starts (longest first), a pattern of two characters that may open a name, and the names taken
    from the list of divisions."""
    names: dict[str, str] = {}
    for short, full in PROVINCES.items():
        names[full] = full
        names[short + "省"] = full
        # "吉林市" is the city of 吉林省, not the province: only a municipality is a 市 by its name
        names[short + "市"] = (
            full if full.endswith("市") or short + "市" not in divisions() else short + "市"
        )
        names[short] = full
    for short, full in CITIES.items():
        names[full] = full
        names[short] = full
    names.update(_SUFFIX_ONLY)
    names.update(PREFECTURES)
    added: set[str] = set()
    for name in divisions():
        # a division known under a listed name is found as before ("长沙县" after 长沙, "吉林市");
        # two-character names (和县, 城区) and level words (市中区) are everyday words
        if (
            len(name) >= 3
            and name not in _GENERIC_DIVISIONS
            and not any(name[:k] in names for k in range(2, len(name)))
        ):
            names[name] = name
            added.add(name)
    by_pair: dict[str, set[int]] = {}
    for n in names:
        by_pair.setdefault(n[:2], set()).add(len(n))
    pairs = {pair: tuple(sorted(ks, reverse=True)) for pair, ks in by_pair.items()}
    # Two character classes, not an alternation of 500 names: the engine checks a bitmap per
    # character instead of trying every name at every position.
    first = "".join(sorted({p[0] for p in pairs}))
    second = "".join(sorted({p[1] for p in pairs}))
    return names, pairs, re.compile(f"[{first}][{second}]"), frozenset(added)


_DISTRICT_RE = re.compile(_DISTRICT)

# Division names that are also level or part-of-town words: "市中区", "城关区", "新市区"
_GENERIC_DIVISIONS = frozenset(
    [
        "市中区",
        "市南区",
        "市北区",
        "新市区",
        "西市区",
        "城中区",
        "城东区",
        "城西区",
        "城南区",
        "城北区",
        "城关区",
        "解放区",
        # everyday words too: "老城区改造", "除古城区外", "平房区散煤", "新城区建设", "新建区块链"
        "老城区",
        "古城区",
        "平房区",
        "新城区",
        "新建区",
    ]
)
# After a division's name, characters that make it part of a word: "创新和县域经济" is no 新和县,
# "合作市场" no 合作市, "和平区域" no 和平区, "中南部县城" no 南部县
_WORD_AFTER = {"区": "域级", "县": "域级城", "市": "场级", "旗": "帜舰下"}
# A listed name whose last two characters are a word by themselves (增城区: 城区, 青山区: 山区) may
# be read across the word before it: "全年新增城区绿地" is 新增 + 城区, no 增城区. Such a name is one
# only at the start of a phrase: after a non-CJK character, a place (广州市增城区), or a word that
# stands before a noun (、和在对…).
_WORD_TAILS = frozenset(["城区", "山区", "园区", "市区", "郊区", "林区"])
_PHRASE_BEFORE = frozenset("、和与及同在对向到至从由于将把是了为省市州县区旗盟")


@functools.cache
def divisions() -> dict[str, str]:
    """China's prefecture- and county-level divisions, each with its parent (溧阳市 -> 常州市,
    老河口市 -> 襄阳市, 常州市 -> 江苏省), from the list shipped with the package
    (`divisions.tsv`: its header names the source): a county-level city or district the short
    lists above do not know is still a place, so a 溧阳 or 沅江 text is not given its prefecture."""
    parents: dict[str, str] = {}
    text = resources.files(__package__).joinpath("divisions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parent, children = line.split("\t")
        for child in children.split():
            parents.setdefault(child, parent)
    return parents


def may_name_place(text: str) -> bool:
    """False when `find_places` is sure to find nothing."""
    return _tables()[2].search(text) is not None


# Characters that, before a name's first character, make a common word of it: "传达", "到达",
# "高达" end in the 达 of 达州, so "传达州人民政府" names no 达州.
_JOINS_BEFORE = {"达": "传到抵下表发高长多送直通转"}


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Places named in `text`: (start, end, full name), in order; the most specific of a run wins
    ("宁波市鄞州区" is 鄞州区)."""
    names, pairs, candidate, listed = _tables()
    found: list[tuple[int, int, str]] = []
    pos = 0
    while (m := candidate.search(text, pos)) is not None:
        start = m.start()
        pos = start + 1
        lengths = pairs.get(m.group())
        if lengths is None:
            continue
        if start and text[start - 1] in _JOINS_BEFORE.get(text[start], ""):
            continue  # "传达州人民政府…精神": the verb 传达, then the prefecture's 州人民政府
        name = next(
            (text[start : start + k] for k in lengths if text[start : start + k] in names), None
        )
        if name is None:
            continue
        end = start + len(name)
        after = text[end : end + 1]
        if after and after in _WORD_AFTER.get(name[-1], "") and name in listed:
            continue  # "创新和县域", "合作市场": a division's name inside a word
        if (
            start
            and name[1:] in _WORD_TAILS
            and name in listed
            and "\u4e00" <= text[start - 1] <= "\u9fff"
            and text[start - 1] not in _PHRASE_BEFORE
        ):
            continue  # "新增城区绿地": 新增 and 城区, no 增城区
        if (
            (county := text[start : end + 1]) != name
            and name in CITIES
            and county[-1] in "县区"
            and county in divisions()
            and ((after := text[end + 1 : end + 2]) == "" or after not in _WORD_AFTER[county[-1]])
        ):
            # "湘潭县", "长沙县": the county (or district) named after its city is the county, the
            # most specific place the text names, not the city around it ("长沙县域" stays 长沙)
            found.append((start, end + 1, county))
            pos = end + 1
            continue
        district = _DISTRICT_RE.match(text, end)
        if district is not None and _NOT_DISTRICT.search(district.group()) is None:
            found.append((start, district.end(), district.group()))
            pos = district.end()
            continue
        if _BODY_AFTER.match(text, end):
            pos = end
            continue  # "浙江大学", "上海交通大学"
        found.append((start, end, names[name]))
        pos = end
    return found


# An issuing body's own place at the start of its name: "鄞州区科学技术局", "长沙县人民政府".
# An autonomous prefecture or league ("海西州人民政府办公室", "锡林郭勒盟行政公署") too.
_OWN_DISTRICT = re.compile(
    r"^([\u4e00-\u9fff]{2,3}(?:新区|区|县|旗|州)|[\u4e00-\u9fff]{2,4}盟|[\u4e00-\u9fff]{2,8}?自治州)"
    r"(?=[\u4e00-\u9fff]{2})"
)


# A county-level city opening a government body's name; the body word is required, since "X市"
# alone is often no place ("城市", "超市")
_OWN_CITY = re.compile(
    r"^((?![全我本各该城超门])[\u4e00-\u9fff]{2,4}市)(?=人民政府|政府|科学技术局|科技局|科技和|科工局|"
    r"财政局|发展和改革|发改|统计局|工业和信息化局|经济和信息化局|人力资源和社会保障局)"
)


def jurisdiction(name: str | None) -> str | None:
    """The place an issuing body governs: 浙江省科学技术厅 -> 浙江省, 宁波市鄞州区科技局 -> 鄞州区;
    None when the name holds no place (市科技局)."""
    if not name:
        return None
    # "中共某某县委办公室": the party committee of the place, not a place called 中共某某县
    if (party := _PARTY.match(name)) is not None:
        name = name[party.end() :]
        committee = _COMMITTEE.match(name)
        # only a division's committee names its place: "中共环县委" (a county of one character); a
        # zone's or community's ("中共高新区委员会", "中共东风社区委") names none of its own, so the
        # body and the site say which place it is
        if committee is not None and (
            (
                (found := find_places(place := committee.group(1)))
                and found[0][:2] == (0, len(place))
            )
            or short_zone(place)
            or _NOT_DISTRICT.search(place) is None
        ):
            return place
    if (zone := _ZONE_BODY.match(name)) is not None and (short := short_zone(zone.group(1))):
        return short  # "烟台高新技术产业开发区管理委员会": a zone's body governs the zone, not its city
    places = [p for p in find_places(name[:30]) if p[0] <= 12]
    if places:
        # "宁波市鄞州区…": the last of the leading run is the narrowest
        run = [places[0]]
        for p in places[1:]:
            if p[0] == run[-1][1]:
                run.append(p)
        return run[-1][2]
    m = _OWN_DISTRICT.match(name)
    if m is not None and _NOT_DISTRICT.search(m.group(1)) is None and _named_place(m.group(1)):
        return m.group(1)
    m = _OWN_CITY.match(name)
    if m is not None and _named_place(m.group(1)):
        return m.group(1)  # "昆山市科技局", "锡林浩特市财政局": a county-level city
    return None


# A word no place's name holds: a pronoun, a body's own word, a verb or conjunction joining bodies.
# A reply's "由我单位会同市财政局研究", "我局会同市发改委", "经我局与市财政局" name a body of the
# same place by its level (市财政局), not a city called 单位会同市 or 局会同市
_NO_PLACE_WORD = re.compile(r"[我本其该局委厅办与和及同会联经由对向把将的了为]|单位")


def _named_place(name: str) -> bool:
    """Whether a name read off the words before a body's suffix, not in the list of places, may be
    a place's: none of its characters is a pronoun, a body's word or a joining word."""
    return _NO_PLACE_WORD.search(name[:-1]) is None


_PARTY = re.compile(r"^(?:中共|中国共产党)(?=[\u4e00-\u9fff]{2})")
_COMMITTEE = re.compile(r"^([\u4e00-\u9fff]{1,3}(?:县|区|旗))(?=委)")
_ZONE_WORDS = {"高新技术产业开发区": "高新区", "经济技术开发区": "经开区"}
# A zone named after its city, at the start of a body's name, followed by that body
_ZONE_BODY = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区))"
    r"(?=(?:[(（][\u4e00-\u9fff]{1,6}[)）])?(?:管理委员会|管委会|党工委|工委|科技|经济发展|财政|人力|发展|办公室)|$)"
)


def short_zone(name: str) -> str | None:
    """A development zone by the short name the briefing prints ("杭州高新技术产业开发区" ->
    杭州高新区), when it opens with a known place; None otherwise."""
    word = next((w for w in (*_ZONE_WORDS, "高新区", "经开区") if name.endswith(w)), None)
    if word is None:
        return None
    stem = name[: -len(word)]
    # the city it is named after: "杭州", or a name known with its level ("楚雄" of 楚雄市, 楚雄州)
    if not any(
        (found := find_places(stem + level)) and found[0][:2] == (0, len(stem) + len(level))
        for level in ("", "市", "州", "县")
    ):
        return None
    return stem + _ZONE_WORDS.get(word, word)


NATION = "全国"
# National bodies and national documents: 国务院, 科技部, 国家统计局, "中华人民共和国2016年…统计公报"
_NATIONAL = re.compile(
    r"(?:国务院|中共中央|中央|全国|中华人民共和国|中国(?![(（])|国家(?!级)[\u4e00-\u9fff]{0,12}(?:局|委|委员会|部|署|院|办公室)|"
    r"(?:科学技术|科技|财政|教育|工业和信息化|人力资源和社会保障|商务|农业农村|生态环境|自然资源|"
    r"交通运输|水利|住房和城乡建设|国防科工|发展改革)(?:部|委)(?![\u4e00-\u9fff]{0,4}[省市区县]))"
)


def document_jurisdiction(
    publisher: str | None, title: str | None, body: str | None = None, page: str | None = None
) -> str | None:
    """The place a document is about (`document_place` without saying where it came from)."""
    return document_place(publisher, title, body, page)[0]


def document_place(
    publisher: str | None, title: str | None, body: str | None = None, page: str | None = None
) -> tuple[str | None, str]:
    """The place a document is about, decided once per document, and where it came from (for
    `briefing explain`): the outermost place frame, the scope of the figures whose sentence,
    paragraph and heading name no place ("技术合同成交额（重庆市）").

    In this order: the jurisdiction of its publisher; of a title that opens with the issuing
    body's name ("重庆市科学技术局关于…"); 全国 for national bodies and documents; else, for a page
    without either, the place its `body` calls its own (`text_jurisdiction`: an untitled annual
    summary), else that of the first issuing body its opening names (`body_jurisdiction`:
    "来源:漳州市发改委", "我代表国务院"); else that of the site that carries the `page` (the page's frame,
    `PageLayout.frame_text`: its chrome, title, head and signature, never a body sentence:
    "主办单位:常州市统计局", "荆州市绩效考核网 版权所有"), else that of the first issuing body that
    frame names (crumbs "首页 > 政府机构 > 德阳市科学技术局 > …", a banner "平凉市人民政府门户网站").
    None when nothing names one: never a guess."""
    own, why = jurisdiction(publisher), f"据发布机关“{publisher}”"
    if own is None and title:
        own, why = _title_jurisdiction(title), "据文件标题"
    if own is None and not title and body and (headline := _headline(body)) is not None:
        # an untitled page's headline ("青海省2011年科技工作总结") names whose figures follow
        own, why = _title_jurisdiction(headline), "据正文开头的标题行"
    if own is None:
        for name, named in ((publisher, "发布机关"), (title, "文件标题")):
            if name and _NATIONAL.match(name):
                own, why = NATION, f"{named}是国家机关"
                break
    if (
        own is not None
        and title
        and (titled := _title_jurisdiction(title)) is not None
        and titled != own
        and titled.endswith(("高新区", "经开区", "开发区", "工业园区"))
        and within(titled, own)
    ):
        # a city's page titled after a zone named after the city ("大连高新区2024年科技创新工作
        # 总结", from 大连市科学技术局): the zone is what the page is about, its 全区 the zone's
        own, why = titled, f"文件标题开头的地区，比“{own}”（{why}）更具体"
    elif own is not None:
        if body and (inner := text_jurisdiction(body)) is not None and within(inner, own):
            # the most specific place wins over its parent: a page whose title or publisher names
            # its province (a news channel "某省分社") or a national body (a ministry's visitors
            # "来我市调研") while its text calls one of the province's cities its own ("全市…",
            # naming it more than all others) is that city's
            own, why = inner, f"正文自称的地区，比“{own}”（{why}）更具体"
    elif body:
        level = next(filter(None, (_body_level(name) for name in (publisher, title))), None)
        own, why = text_jurisdiction(body, level), "正文以“全市”“我市”等自称的地区"
        if own is None:
            own, why = body_jurisdiction(body[:OPENING]), "据正文开头写明的机关"
    if own is None and page:
        own, why = site_jurisdiction(page), "据网站主办单位"
    if own is None and page:
        # a page that signs nowhere and says only 我市 (a reply, a column's item): the body its
        # crumbs, banner or footer name is the one whose page it is
        own, why = body_jurisdiction(page[:OPENING]), "据页面写明的机关"
    if own is not None and own.endswith(tuple(_ZONE_WORDS)):
        own = short_zone(own) or own  # the zone by the name the briefing prints: 杭州高新区
    return own, (why if own is not None else "")


# A site's owner in its chrome: "主办单位:常州市统计局", "荆州市绩效考核网 版权所有", a site's
# name before its address ("沅陵县人民政府门户网站 www.yuanling.gov.cn")
_SITE_OWNER = re.compile(
    r"(?:^|\n)[ \t]*(?:主办单位|网站主办|主办)[ \t]*[:：][ \t]*([^\s|]{4,30})"
    r"|(?:^|\n)[ \t]*([^\s|]{4,30}?(?:网|网站|门户))"
    r"(?:[ \t|]*(?:版权所有|©|Copyright)|[ \t|]+(?:www\.|https?://))"
)
# A footer's copyright holder: "Copyright© 2020 某某市科学技术局 蜀ICP备…", "版权所有：某某市科学
# 技术局", "© 2019-2024 某某县人民政府" (the holder of a site's copyright is the body that runs it)
_COPYRIGHT_HOLDER = re.compile(
    r"(?:^|\n)[ \t]*(?:Copyright|版权所有|©)(?:[ \t]*(?:©|\(c\)|[:：@]|(?:19|20)\d{2}(?:[-—－~]"
    r"(?:19|20)\d{2})?))*[ \t]*([\u4e00-\u9fff()（）]{4,30})",
    re.I,
)


def site_host(page: str) -> str | None:
    """The body a page's chrome says runs its site ("主办单位:常州市统计局", a footer's copyright
    holder "Copyright© 2020 德阳市科学技术局"), or None."""
    for m in _SITE_OWNER.finditer(page):
        if m.group(1):
            return m.group(1)
    if not any(mark in page for mark in _COPYRIGHT_MARKS):
        return None
    holder = _COPYRIGHT_HOLDER.search(page)
    return holder.group(1) if holder is not None else None


_COPYRIGHT_MARKS = ("©", "版权", "opyright", "OPYRIGHT")


def site_jurisdiction(page: str) -> str | None:
    """The jurisdiction of the body that runs the site a page comes from, named in its chrome
    (the reader keeps it out of the body): a statistics bureau's release that says only 我市
    is its city's."""
    for m in _SITE_OWNER.finditer(page):
        own = jurisdiction(m.group(1) or m.group(2))
        if own is not None:
            return own
    return None


# A body named by its level alone ("省科技厅", "市科技局关于…的答复", "区科技局")
_LEVEL_BODY = re.compile(
    r"^(省|市|区|县|州)(?:人民政府|政府|委|科学技术|科技|财政|统计|发展|发改|工业|经济|经信|教育|人力|商务)"
)


def parent_place(place: str) -> str | None:
    """The place one level up: a division's parent (溧阳市 -> 常州市 -> 江苏省), a zone's city
    (沈阳高新区 -> 沈阳市), 全国 for a province; None for 全国 or a name not known."""
    if place == NATION:
        return None
    if (up := divisions().get(place)) is not None:
        return up
    if place in PROVINCES.values():
        return NATION
    found = find_places(place)
    if found and found[0][0] == 0 and found[0][2] != place:
        return found[0][2]  # "沈阳高新区", "杭州高新区": the zone's city
    return None


def within(inner: str, outer: str) -> bool:
    """Whether `inner` lies inside `outer` (a strict descendant in the tree of divisions)."""
    seen = 0
    place: str | None = inner
    while place is not None and seen < 6:
        place = parent_place(place)
        seen += 1
        if place == outer:
            return True
    return False


def _body_level(name: str | None) -> str | None:
    m = _LEVEL_BODY.match(name or "")
    return m.group(1) if m else None


def _title_jurisdiction(title: str) -> str | None:
    """The place a title opens with: a province or city ("重庆市科学技术局关于…"), or a district,
    county or county-level city ("蓝山县创建省级创新型县区工作推进会"), also after the year the
    title is of ("2022年中山市科技经费投入公报")."""
    # a notice that sends a document names the place in the document's name
    # ("关于印发《咸宁市科技型企业…实施细则》的通知")
    title = _TITLE_YEAR.sub("", _SENT_DOCUMENT.sub("", title, count=1), count=1)
    places = find_places(title[:30])
    if places and places[0][0] == 0 and (zone := _TITLE_ZONE.match(title, places[0][1])):
        # "大连高新区2024年科技创新工作总结" from 大连市科学技术局: the zone named after the city
        # is what the page is about (its 全区 is the zone's), not the city around it
        name = title[: zone.end()]
        return short_zone(name) or name
    if (places and places[0][0] == 0) or _OWN_DISTRICT.match(title) or _OWN_CITY.match(title):
        return jurisdiction(title)
    return None


# After a place opening a title, a development zone named after it: "大连高新区", "苏州工业园区"
_TITLE_ZONE = re.compile(r"(?:市|州)?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|工业园区)")


_TITLE_YEAR = re.compile(r"^(?:19|20)[0-9]{2}年(?:度)?")
# ("关于新余市2023年国民经济和社会发展计划执行情况…的报告": a report on a place is about it)
_SENT_DOCUMENT = re.compile(r"^关于(?:(?:印发|转发)\s*《)?")
# a line that reads as a headline: short, no sentence punctuation
_HEADLINE_LINE = re.compile(r"[^,，;；。:：!！?？\n]{6,40}")


def _headline(body: str) -> str | None:
    """The first line of a body, when it reads as a headline rather than a sentence."""
    first = body.lstrip().split("\n", 1)[0].strip()
    return first if _HEADLINE_LINE.fullmatch(first) else None


# how a text names its own place: 全市/我市/本市 (a city), 全省, 全区, 全县, 全州
_SELF_RE = re.compile(r"(?:全|我|本)(省|市|区|县|州)")
# A level named as a yardstick, not as the text's own place: a ranking or comparison in it
# ("跃居全省第二", "全省地级市第一", "全省唯一", "高于全省平均水平", "在全省排位前移") or the higher
# level's events a lower one follows ("落实全国、全省科技工作会议精神")
_RANKED_IN = re.compile(
    r"[\u4e00-\u9fff]{0,5}?(?:第[0-9一二三四五六七八九十]|首[家个位批]|前列|前[0-9一二三四五六七八九十]|唯一|领先|排[名位行])"
    r"|平均|之最|最|仅|率先"
)
_RANKED_BEFORE = re.compile(r"(?:居|高于|低于|超过|占|全国[、和])$")
_ELSEWHERE_BEFORE = re.compile(
    r"(?:对标|借鉴|学习|参照|比照|对比|考察|走访)[^,，;；。:：]{0,2}$|(?:赴|向|与|来自)$"
)
_LEVEL_SUFFIX = {"省": ("省",), "市": ("市",), "区": ("区",), "县": ("县",), "州": ("州",)}


def text_jurisdiction(body: str, level: str | None = None) -> str | None:
    """The place a text without an issuer calls its own: it says 全市/我市 (or 全省, 全区…) more
    often than any other such word, and one place of that level is named at least twice and more
    often than all other places together ("2023年，全市科技系统…" naming 重庆 16 times -> 重庆市).
    A text that says 我市 twice or more and names one city only, once ("推动厦门市产学研融合…我市…
    我市…", a yearbook's "全市科技系统…" naming 滨州市 once beside its province), is about that
    city; so is a text whose issuer is a 市 body ("市科技局") naming one city only. None when the text names no such place, or several (a national report naming 北京, 海南, 香港;
    a province's reply about one of its cities says 我省, not 我市). `level` is that of the
    issuing body when its name gives one without a place ("省科技厅": a city it names twice is
    not its own)."""
    if level == "区" and (zone := _own_zone(body)) is not None:
        return zone
    if level is not None:
        named = _outermost(
            [p for p in _own_candidates(body) if p[2].endswith(_LEVEL_SUFFIX[level])]
        )
        return _majority([n for _, _, n in named]) or _sole(body, named)
    levels: dict[str, int] = {}
    for m in _SELF_RE.finditer(body):
        if _RANKED_IN.match(body, m.end()) or _RANKED_BEFORE.search(
            body, max(0, m.start() - 3), m.start()
        ):
            continue  # "居全省第二", "高于全省平均水平": the level the text compares itself with
        levels[m.group(1)] = levels.get(m.group(1), 0) + 1
    if not levels:
        # a text that never says 全市 or 我省 of itself ("南京深入实施…", a reply or a news page
        # about one city): the place it names more often than all others together
        return _majority([name for _, _, name in _own_candidates(body)])
    top = max(levels.values())
    if sum(1 for n in levels.values() if n == top) > 1:
        return None  # 我省 as often as 我市: the text does not say which it is
    level = max(levels, key=levels.__getitem__)
    if level == "区" and (zone := _own_zone(body)) is not None:
        return zone
    # only places of the level the text calls its own compete: a prefecture's 全州 text names its
    # province (贵州省) as often as itself, and that province is not what 全州 means
    named = _outermost([p for p in _own_candidates(body) if p[2].endswith(_LEVEL_SUFFIX[level])])
    own = _majority([name for _, _, name in named])
    # a text that says 全市 once is no more one city's than another's: once or twice more
    return own if own is not None or top < 2 else _sole(body, named)


def _outermost(named: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The places named less those inside another one named at least as often: a city's yearbook
    names its county-level cities (孝感市 twice, its 汉川市 and 应城市 once), parts of it, not
    rivals for its own place; a county-level city's text naming itself more than its prefecture
    (溧阳市, 常州市) keeps both."""
    counts: dict[str, int] = {}
    for _, _, name in named:
        counts[name] = counts.get(name, 0) + 1
    return [
        p
        for p in named
        if not any(
            within(p[2], other) and n >= counts[p[2]]
            for other, n in counts.items()
            if other != p[2]
        )
    ]


def _sole(body: str, named: list[tuple[int, int, str]]) -> str | None:
    """The one place of its level a text that calls itself 全市/我市 (or whose issuer is a 市 body)
    names, once ("…推动厦门市产学研融合…", "【概况】2007年,全市科技系统…" naming 滨州市 and its
    province): that place is its own; not one it measures itself against, learns from, visits or
    works with ("我市积极对标深圳市", "赴深圳市考察", "与深圳市合作")."""
    if len({name for _, _, name in named}) != 1:
        return None
    start = named[0][0]
    return None if _ELSEWHERE_BEFORE.search(body, max(0, start - 4), start) else named[0][2]


# What a higher level decided, named after it: "落实中央、省、襄阳市决策部署", "按照省委、省政府
# 工作要求", "贯彻市委全会精神" — the text of a lower place follows it, it is not its own place
_DIRECTIVE_AFTER = re.compile(
    # (a place is read up to its 市/省: "襄阳市委、市政府决策部署" goes on with 委, then 市政府)
    r"(?:党委|[市省区县]?委(?:员会)?|人民政府|政府)?[、和]?(?:党委|[市省区县]?(?:人民)?政府)?"
    r"(?:的)?(?:决策部署|重大部署|工作部署|部署要求|工作要求|有关要求|文件精神|会议精神|全会精神|指示精神)"
)


def directive_source(text: str, end: int) -> bool:
    """Whether the place named just before `end` is the source of directives the text carries out
    ("全面落实中央、省、襄阳市决策部署"): a higher level, neither the text's own place nor a
    figure's."""
    return _DIRECTIVE_AFTER.match(text, end) is not None


# The level of a list, a label or an honour a text's firms enter, named before it by the verb and
# followed by the list's name: "完成常州科小入库备案", "通过常州市高新技术产品182只", "认定为某某市重点
# 实验室" (a 溧阳 summary). Both are needed: "通过厦门市科技成果转化服务平台" names the text's own
# city's platform (through it), not a list
_LEVEL_BEFORE = re.compile(r"(?:通过|认定为?|申报|获批|入选|获得?|完成|争创|评为|列入|纳入)$")
_LEVEL_LIST = re.compile(
    r"级?(?:科小|火炬|高新技术(?:企业|产品)|科技型|专精特新|瞪羚|独角兽|(?:重点|工程)实验室"
    r"|工程技术研究中心|技术创新中心|科学技术奖|科技进步奖)"
)


def _own_candidates(body: str) -> list[tuple[int, int, str]]:
    """The places a text names that may be its own: not the levels whose decisions it carries out,
    nor the level of a list or an honour its firms are admitted to."""
    return [
        p
        for p in find_places(body)
        if not directive_source(body, p[1])
        and (
            _LEVEL_BEFORE.search(body, max(0, p[0] - 3), p[0]) is None
            or _LEVEL_LIST.match(body, p[1]) is None
        )
    ]


def _majority(names: list[str]) -> str | None:
    """The name given at least twice and more often than all others together (the first of
    two equally named places never wins)."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    place = max(counts, key=counts.__getitem__)
    if counts[place] >= 2 and 2 * counts[place] > len(names):
        return place
    return None


# A development zone named after its city ("无锡高新区", "苏州工业园区"): a 全区 of its own
_ZONE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:高新区|经开区|高新技术产业开发区|经济技术开发区|工业园区)"
)


def _own_zone(body: str) -> str | None:
    """The development zone a text saying 全区 is about: one zone, opening with a known place,
    named at least twice ("无锡高新区获批…" / "全区集聚基金规模达569亿元")."""
    counts: dict[str, int] = {}
    for m in _ZONE.finditer(body):
        name = m.group()
        found = find_places(name)
        if found and found[0][0] == 0 and found[0][1] < len(name):
            counts[name] = counts.get(name, 0) + 1
    if len(counts) == 1:
        name, n = counts.popitem()
        return name if n >= 2 else None
    return None


# An issuing body named in a document's opening ("来源:漳州市发改委", "发布机构: 谯城区科学技术局",
# "福田区科技和工业信息化局聚焦…", "我代表国务院"): the document is about its jurisdiction when
# no publisher was found in the header.
_BODY_SUFFIX = re.compile(
    r"人民政府|政府办公厅|政府办公室|科学技术局|科学技术厅|科技局|科技厅|科技和工业信息化局|"
    r"工业和信息化局|科工局|发改委|发展和改革委员会|发展改革委|财政局|统计局|管委会|管理委员会|国务院"
)
_QUOTED = re.compile(r"《[^《》]{0,200}》")
OPENING = 1000  # characters of a document's body read for an issuing body
# Words that end before a body's name in an opening: "我代表…", "书记传达…精神"
_BEFORE_BODY = re.compile(r"[^\u4e00-\u9fff]|代表|根据|按照|传达|贯彻|落实|经|由|在|向|对|与")


def body_jurisdiction(text: str) -> str | None:
    """The jurisdiction of the first issuing body the opening of a document names outside 《》
    titles: a known place or an own district right before a body suffix; 全国 for 国务院. A place
    the list does not know is read off the words before a body (紧密围绕市科技局 would give
    紧密围绕市, deep in a text): it counts in the opening sentence, where a page names its own body
    ("2024年,福田区科技和工业信息化局聚焦…"), or when the text names it again."""
    # a title in 《》 on the first line is the document's own ("成办发〔2012〕17号《成都市人民政府
    # 办公厅关于…》"); further down, it names a document cited
    first = text.find("\n")
    first = len(text) if first < 0 else first
    opening = text[:first] + _QUOTED.sub(lambda m: " " * len(m.group()), text[first:OPENING])
    for m in _BODY_SUFFIX.finditer(opening):
        if m.group() == "国务院":
            if opening.startswith("代表", max(0, m.start() - 2)):
                return NATION  # "我代表国务院,向大会报告政府工作"
            continue
        head = opening[max(0, m.start() - 12) : m.start()]
        # "我代表光明区人民政府", "书记传达州人民政府…精神": the body's name starts after the words
        # before it
        head = _BEFORE_BODY.split(head)[-1]
        # "我谨代表光明区人民政府": a report names the body it speaks for, wherever that stands
        spoken_for = opening.startswith("代表", m.start() - len(head) - 2)
        for k in range(len(head) - 1):
            own = jurisdiction(head[k:] + m.group())
            if own is not None and (
                find_places(own)
                or spoken_for
                or m.start() < GUESSED_OPENING
                or text.count(own) >= 2
            ):
                return own
    return None


GUESSED_OPENING = 200  # characters: the opening sentence, where a page names its own body
