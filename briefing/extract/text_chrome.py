"""Web-page chrome and page debris: lines that are not the document's text.

Chrome (`is_chrome_line`, tested on every line before anything else reads the page): navigation,
menus ("首页 新闻中心 部门动态", "信息公开|政策文件|区政府文件|"), breadcrumbs ("A>B>C"), sharing,
printing and footer lines, disclosure fields (是否公开), newspaper page furniture ("第01版:要闻下一版"),
counters, report-abuse links, log-in prompts, a site's own name ("某某市人民政府门户网站"),
separators ("------分隔线------") and ids or hashes on a line of their own.

Debris (`is_debris_line`, tested on body lines only, after the header block has been read, since
header blocks are pipe tables too): table rows, figure and table captions ("表1.1…", "会议现场。",
"图为…"), notes under a table ("注:…").

Every pattern lives here, so a new site's chrome is one line in one list. Only short lines are
tested: a page dumped onto one long line must not lose its text because it starts with a breadcrumb.
"""

from __future__ import annotations

import re

from briefing.extract.script import PINYIN_RESIDUE

MAX_CHROME_LINE = 160

# A line that starts like this is chrome whatever follows (breadcrumbs, footers, site furniture).
_CHROME_PREFIXES = (
    r"您(?:当前|现在)?(?:所在)?的?位置",
    r"当前位置",
    r"所在位置",
    r"(?:网站)?首页\s*(?:>|》|›|»|/|＞|→)",
    r"扫一扫",
    r"用?手机扫(?:描|码)?(?:二维码)?(?:访问|打开|阅读|浏览)",
    r"\S{0,6}公网安备",
    r"\S{0,6}ICP备",
    r"网站标识码",
    r"版权所有",
    r"Copyright",
    r"©",
    r"主办单位",
    r"承办单位",
    r"主办[:：]",
    r"承办[:：]",
    r"技术支持[:：]",
    r"建议使用.{0,30}(?:浏览器|分辨率)",
    r"(?:本站|本网站?)?支持IPv6",
    r"分享到",
    r"上一篇",
    r"下一篇",
    r"相关链接",
    r"相关文章",
    r"相关阅读",
    r"相关稿件",
    r"相关新闻",
    r"责任编辑",
    r"浏览次数",
    r"阅读次数",
    r"访问次数",
    r"点击数",
    r"点击量",
    r"【?字[体體号號][大小]?[:：?？]",
    r"我要纠错",
    r"【?打印本页",
    r"【?关闭窗口",
    r"是否(?:同意)?公开",
    r"(?:公开|开放)(?:属性|方式|范围)[:：]",
    r"第\s*[A-Za-zＡ-Ｚ]?\s*[0-9０-９]{1,3}\s*版\s*(?:[:：]|$)",  # 第01版:要闻下一版, 第A03版
    r"(?:上|下)一版",
    # an e-paper's furniture: 版面导航, 往期回顾, 返回目录, "某某日报数字报", "PDF版"
    r"(?:版面|标题)(?:导航|概览|目录)",
    r"往期(?:回顾|查阅|检索)",
    r"返回目录",
    r"\S{0,12}(?:数字报|电子报|数字版|电子版)(?:\s|$)",
    r"PDF\s*(?:版|下载)",
    # a newspaper's masthead imprint: 国内统一刊号:CN64-0001 某某日报报业集团出版
    r"(?:国内)?统一刊号",
    r"\S{0,12}报业(?:集团|传媒集团)出版",
    r"\S{0,12}(?:违法和)?不良信息举报",
    r"\S{0,8}互联网举报中心",
    r"举报(?:电话|邮箱|中心)",
    r"网站(?:地图|导航|声明|纠错)",
    r"(?:网站|网页)?访问量",
    r"浏览量",
    r"(?:总)?访问人次",
    r"还没有账号",
    r"Loading\.{0,3}$",
    r"加载中",
    r"(?:用户)?登录\s*(?:[|｜/]|$)",
    r"(?:免费)?注册\s*(?:[|｜/]|$)",
    r"忘记密码",
    r"(?:网络|信息)?编辑[:：]",
    r"信息审核[:：]",
    r"(?:微信|微博)(?:扫一扫|分享|公众号)",
    # a search box's prompt: "请输入关键字", "请输入搜索内容", "请输入检索词"
    r"请输入(?:您要)?(?:搜索|检索|查询)?的?(?:关键[字词]|内容|检索词|信息)[.…。]*\s*$",
)

# Short tokens that make up toolbar lines ("打印本页 关闭窗口", "【打印】【关闭】", "【字体：大 中 小】").
_CHROME_TOKENS = (
    r"打印本页",
    r"打印此页",
    r"我要打印",
    r"打印",
    r"关闭窗口",
    r"关闭本页",
    r"关闭",
    r"保存本页",
    r"收藏本页",
    r"收藏",
    r"返回顶部",
    r"返回首页",
    r"返回",
    r"顶部",
    r"菜单",
    r"上一期",
    r"下一期",
    r"导航",
    r"搜索",
    r"确定",  # a search box's button
    r"A-\s*A\+",
    r"设为首页",
    r"加入收藏",
    r"视力保护色",
    r"分享",
    r"纠错",
    r"我要纠错",
    r"网站地图",
    r"联系我们",
    r"无障碍",
    r"长者模式",
    r"[大中小]字号",
    r"放大",
    r"缩小",
    r"默认",
    r"字体[:：]?\s*大\s*中\s*小",
    r"字号[:：]?\s*大\s*中\s*小",
    r"[大中小]",
    # a reader's toolbar printed one control a line ("下载" / "打印" / "全屏" / "收藏" / "【字号：" /
    # "加大" / "还原" / "减小" / "】"): each word alone on its line is a button, never text
    r"下载",
    r"全屏",
    r"加大",
    r"还原",
    r"减小",
    # a log-in box's links and a download prompt: "登录 注册 APP下载", "数字证书Key驱动下载",
    # "客户端下载" (a page's "附件下载" list is read with the signature, not here)
    r"(?:用户)?登录",
    r"(?:免费)?注册",
    r"[\w\u4e00-\u9fff]{0,10}?(?:驱动|客户端|APP|App|app|插件|控件|阅读器|软件|证书)\s*下载",
)

_PREFIX_RE = re.compile(r"(?:[•·●▪◆■\-*|>\s【\[［]*)(?:" + "|".join(_CHROME_PREFIXES) + ")", re.I)
_TOKEN_LINE_RE = re.compile(
    r"(?:[\s\[\]【】［］()（）|/<>《》·•:：]*(?:" + "|".join(_CHROME_TOKENS) + r"))+"
    r"[\s\[\]【】［］()（）|/<>《》·•:：]*"
)

# what is left of a toolbar split over lines ("【字号：" / "加大" / … / "】"): a bracket alone
_BRACKETS_ONLY = re.compile(r"[\[\]【】［］〖〗]+")

# A portal's clock: "今天是：2024年3月5日 星期二", "您好！今天是2024年03月05日 星期二 农历正月廿五 09:30".
# The whole line is clock furniture (a date, a weekday, the lunar date, the time, or nothing where a
# script fills them in: "今天是:"); a sentence that
# opens on the day ("今天是2024年1月15日，我们召开…", "今天是全国科技工作者日,…") is text.
_CLOCK_RE = re.compile(
    r"(?:您好[!！]?\s*)?今天是\s*[:：]?"
    r"(?:\s*(?:(?:19|20)\d{2}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}\s*日?"
    r"|(?:星期|周|礼拜)[一二三四五六日天]|农历[\u4e00-\u9fff]{2,12}"
    r"|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|[,，、|｜]))*\s*"
)
# A log-in box's buttons: "账号+密码登录", "手机+密码登录", "立即注册", "扫码登录"
_LOGIN_RE = re.compile(
    r"(?:账号|帐号|用户名?|密码|手机号?|短信|验证码|扫码|微信|立即|免费|会员|[+＋/\s])*(?:登录|注册)"
)
# "------分隔线------", "=====", "*****", "———": nothing but a rule (and a word naming it)
_SEPARATOR_RE = re.compile(
    r"[-—–_=*·•~～.。＿－=]{3,}\s*(?:分隔线|分割线)?\s*[-—–_=*·•~～.。＿－=]*"
)
# A hash or an id alone: "b99c201682f94e9481c9d1a522acce57", "ID:3a7f…"
_ID_RE = re.compile(
    r"(?:[A-Za-z]{0,6}[:：]\s*)?(?=[0-9A-Za-z_-]*[0-9])(?=[0-9A-Za-z_-]*[A-Za-z])[0-9A-Za-z_-]{16,}"
)
# A menu: short items separated by spaces or bars, no sentence in it ("首页 会议与发言 常驻团活动",
# "信息公开|政策文件|区政府文件|", "快乐彩票|快乐彩票").
_MENU_SPLIT = re.compile(r"[|｜│¦]+|\s+")
_MENU_ITEM = re.compile(r"[^\s,，。;；:：!！?？、0-9０-９]{1,8}")
# A breadcrumb: "舟山市科学技术局>法定主动公开内容>…", "首页 / 新闻中心 / 铜川要闻"
# (a slash between digits is a date's, "发布时间:2021/12/30 11:26:00", never a crumb's separator)
_CRUMB_RE = re.compile(
    r"[^>》›»＞/]{1,30}(?:\s*(?:>>?|》|›|»|＞|(?<!\d)/|/(?!\d))\s*[^>》›»＞/]{1,30}){2,}"
)
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CRUMB_CHARS = re.compile(r"[>》›»＞/]")
_SITE_ENDS = frozenset("站网户心")
# A site's own name at the top of its pages: "某某市人民政府门户网站", "中国政府网"
_SITE_NAME = re.compile(
    r"[^\s,，。;；:：]{2,24}(?:门户网站|官方网站|网站|政府网|政务网|信息网|公众信息网|门户|官网|融媒体中心)"
)


# A web address alone: "rd.sanya.gov.cn", "https://www.gov.cn/zhengce/…" (a page's own URL line)
_ADDRESS_RE = re.compile(
    r"(?:(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:cn|com|net|org|gov|edu)(?::\d+)?(?:/\S*)?|https?://\S+)",
    re.I,
)


# A footer's marks, wherever they stand in a short line ("某某局版权所有电话:…湘ICP备05009375号"):
# no document text holds a site licence number
_FOOTER_MARK_RE = re.compile(
    # (each branch opens with a character, not a group: one group costs the whole pattern sre's
    # scan for its first characters)
    r"ICP备|公网安备|版权所有|版权声明|版权归|转载.{0,12}(?:须|请|应)注明(?:来源|出处)"
    r"|转发.{0,12}(?:须|请|应)注明(?:来源|出处)|引用.{0,12}(?:须|请|应)注明(?:来源|出处)"
    # a footer's links and help line after its address or phone: "办公地址:… 网站地图",
    # "联系电话:… 技术支持电话:…", "网站标识码:3204000028"
    r"|网站地图|技术支持电话|网站标识码"
    # a reposting site's disclaimer: 以上文章仅代表作者个人观点，本网只是转载
    r"|仅代表作者(?:个人|本人)?(?:的)?观点"
)


def is_chrome_line(line: str) -> bool:
    """True when `line` (stripped) is page furniture rather than document text."""
    if not line or len(line) > MAX_CHROME_LINE:
        return False
    if "今天是" in line and _CLOCK_RE.fullmatch(line) is not None:
        return True
    # a mirror's footer with the pinyin of some characters left in ("作者个(gè)人观点(diǎn)")
    if _PREFIX_RE.match(line) or _FOOTER_MARK_RE.search(_without_pinyin(line)):
        return not _stamped_paragraph(line)
    if _TOKEN_LINE_RE.fullmatch(line) is not None or _BRACKETS_ONLY.fullmatch(line) is not None:
        return True
    if _SEPARATOR_RE.fullmatch(line) or _ID_RE.fullmatch(line) or _ADDRESS_RE.fullmatch(line):
        return True
    if line[-1] in "录册" and _LOGIN_RE.fullmatch(line):
        return True
    if _SENTENCE_END.search(line) is not None:
        return False  # a sentence: none of the shapes below has one
    if _MENU_SPLIT.search(line) and _is_menu(line):
        return True
    if _CRUMB_CHARS.search(line) and _CRUMB_RE.fullmatch(line):
        return True
    return line[-1] in _SITE_ENDS and _SITE_NAME.fullmatch(line) is not None


# A copy site's mark stamped onto the end of a paragraph ("…的重大举措。某某之家版权所有"): the
# paragraph is the document's text, so the line stays (the mark with it)
_STAMPED_RE = re.compile(r".{20,}[。！？!?]\s*[^。！？!?]{0,12}版权所有\s*")


# what a footer's own sentence speaks of ("本网站所有内容未经许可不得转载。某某局版权所有")
_SITE_TALK = re.compile(r"本网|本站|网站|转载|镜像|复制")


def _stamped_paragraph(line: str) -> bool:
    return (
        "版权所有" in line
        and _STAMPED_RE.fullmatch(line) is not None
        and _SITE_TALK.search(line) is None
    )


def _without_pinyin(line: str) -> str:
    return PINYIN_RESIDUE.sub("", line) if "(" in line else line


def _is_menu(line: str) -> bool:
    items = [t for t in _MENU_SPLIT.split(_SPACED_HOME.sub(r"\1页", line)) if t]
    if not all(_MENU_ITEM.fullmatch(t) for t in items):
        return False
    if "|" in line or "｜" in line or "│" in line:
        return len(items) >= 2
    # spaced items: a site's menu has many, or opens with 首页; a spaced-out name ("科 技 部") or
    # a list of names is not one
    if len(items) >= 2 and items[0] in _HOME:
        return True
    return len(items) >= 4 and all(len(t) >= 2 for t in items)


_HOME = frozenset({"首页", "主页", "网站首页", "返回首页"})
# "首 页 通知公告 统计动态 …": the home item spaced out like the others' letters
_SPACED_HOME = re.compile(r"^([首主])\s+页(?=\s|$)")


# --- debris in the body ---------------------------------------------------------------------------

# Table rows: cells between bars, none of them a sentence
_CELL_SPLIT = re.compile(r"[|｜│]")
# Captions: 表1.1…, 图2…, 会议现场。, 图为…, (张三 摄), 注:…, 资料来源:…
# A photo's caption: marked by a triangle ("▲某某同志作政府工作报告"), opening 图为/上图…, or
# crediting the photographer ("(张三 摄)", "新华社记者 张三 摄")
_PHOTO_CAPTION = (
    r"[▲△▼▽]\s*\S.{0,80}"
    r"|[(（]?(?:图为|图片为|上图|下图|左图|右图).{0,60}"
    r"|.{0,30}(?:摄|供图|摄影)[)）]?"
)
_PHOTO_CAPTION_RE = re.compile(_PHOTO_CAPTION)
_CAPTION_RE = re.compile(
    r"(?:表|图)\s*[0-9０-９]+(?:[.．\-][0-9０-９]+)*\s*\S.{0,60}"
    rf"|{_PHOTO_CAPTION}"
    r"|.{0,16}(?:现场|合影|剪影)[。.]?"
    # the scene set first, then the event: 省科技活动周上，科普童话剧《新冰雪奇缘》表演现场 (no
    # full stop: a sentence ending in 现场 has one)
    r"|[^，,。；;]{2,24}[上中时][，,].{2,30}(?:现场|合影|剪影)"
    r"|(?:注|资料来源|数据来源)\s*[:：].{0,200}"
    # a source note under an excerpt: ——摘自《…》
    r"|[—－-]{0,2}\s*(?:摘自|选自|转自)\s*《.{0,200}"
    r"|(?:19|20)[0-9]{2}\s*[-—~～至]\s*(?:19|20)[0-9]{2}年[^,，、。;；:：]{0,40}"
)


_NOTE_RE = re.compile(r"注\s*[:：]")
# The fields of a page's byline or footer ("2019-06-24 来源:某某委 责任编辑:张三", "地址:… 电话:…
# 传真:… E-mail:…", "更新时间:… 点击次数:…"): two of them make a line of the page, not of the document. Spaces go first
# ("地 址:", "电 话:"). One alone may be a notice's own text (联系电话:…), so one is not enough.
_PAGE_FIELD_RE = re.compile(
    r"(地址|电话|传真|邮编|邮政编码|E-?mail|电子邮箱|邮箱|来源|责任编辑|编辑|作者|发布时间|发布日期|更新时间"
    r"|(?:点击|浏览|阅读|访问)次?数|访问量|浏览量)[:：]",
    re.I,
)
MIN_PAGE_FIELDS = 2


def is_debris_line(line: str) -> bool:
    """True when a body line (stripped) is a table row, a caption or a note, not a sentence."""
    if not line or len(line) > MAX_CHROME_LINE:
        return False
    cells = _CELL_SPLIT.split(line)
    if len(cells) >= 3 and all(len(c.strip()) <= 30 for c in cells) and "。" not in line:
        return True
    if _NOTE_RE.match(line):
        return True  # a note under a table may hold several clauses
    if ("：" in line or ":" in line) and _page_fields(line) >= MIN_PAGE_FIELDS:
        return True
    return _CAPTION_RE.fullmatch(line) is not None and not _SENTENCE_END.search(line[:-1])


def is_photo_caption(line: str) -> bool:
    """True when a line (stripped) is a photo's caption: above a news item's text it is never its
    title ("▲某某同志作政府工作报告", "图为会议现场", "(张三 摄)")."""
    return (
        0 < len(line) <= MAX_CHROME_LINE
        and _PHOTO_CAPTION_RE.fullmatch(line) is not None
        and not _SENTENCE_END.search(line[:-1])
    )


def _page_fields(line: str) -> int:
    """How many different byline or footer fields (来源:, 电话:…) a line holds."""
    return len({m.group(1).lower() for m in _PAGE_FIELD_RE.finditer(re.sub(r"\s+", "", line))})
