"""Web-page chrome: navigation, sharing, printing and footer lines of government sites.

Every pattern lives here, so a new site's chrome is one line in one list. Only short lines are
tested: a page dumped onto one long line must not lose its text because it starts with a breadcrumb.
"""

from __future__ import annotations

import re

MAX_CHROME_LINE = 160

# A line that starts like this is chrome whatever follows (breadcrumbs, footers, site furniture).
_CHROME_PREFIXES = (
    r"您(?:当前|现在)?(?:所在)?的?位置",
    r"当前位置",
    r"所在位置",
    r"首页\s*(?:>|》|›|»|/|＞)",
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
    r"责任编辑",
    r"浏览次数",
    r"阅读次数",
    r"访问次数",
    r"点击数",
    r"点击量",
    r"【?字体[:：]",
    r"【?字号[:：]",
    r"我要纠错",
    r"【?打印本页",
    r"【?关闭窗口",
)

# Short tokens that make up toolbar lines ("打印本页 关闭窗口", "【打印】【关闭】", "【字体：大 中 小】").
_CHROME_TOKENS = (
    r"打印本页",
    r"打印此页",
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
    r"分享",
    r"纠错",
    r"我要纠错",
    r"网站地图",
    r"联系我们",
    r"无障碍",
    r"长者模式",
    r"字体[:：]?\s*大\s*中\s*小",
    r"字号[:：]?\s*大\s*中\s*小",
    r"[大中小]",
)

_PREFIX_RE = re.compile(r"(?:[•·●▪◆■\-*|>\s【\[［]*)(?:" + "|".join(_CHROME_PREFIXES) + ")", re.I)
_TOKEN_LINE_RE = re.compile(
    r"(?:[\s\[\]【】［］()（）|/<>《》·•:：]*(?:" + "|".join(_CHROME_TOKENS) + r"))+"
    r"[\s\[\]【】［］()（）|/<>《》·•:：]*"
)


def is_chrome_line(line: str) -> bool:
    """True when `line` (stripped) is page furniture rather than document text."""
    if not line or len(line) > MAX_CHROME_LINE:
        return False
    if _PREFIX_RE.match(line):
        return True
    return _TOKEN_LINE_RE.fullmatch(line) is not None
