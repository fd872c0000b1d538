"""The page model: which lines of a reader's text are the page that carried a document, and which
are the document (its title, head, body and signature).

A web page prints a document inside its site's furniture: the site's name and menu, breadcrumbs,
a channel's or column's name, a greeting or hot-line above the headline; share, print and close
buttons, related links and the footer below the text. A republished page also names where it took
the text from ("来源:某某局", "转自…", "稿源…", "原标题:…") and, in its footer, the site that carries
it. The document is what stands between: its title, the lines that date and source it, its body and
its signature.

`PageLayout` holds that reading once per document, one role per line, with the reason each
furniture line was set aside (in Chinese: `briefing explain --doc` prints it). `page_layout(text)`
gives it for a text; the metadata reader (`briefing.extract.metadata.parse_document_text`) builds it
while it reads the head and the signature. Every candidate it reads for a field (a header field, a
byline, a signature's body or date, a subtitle's date, a page's time stamp) is bound to the line it
came from; the fields are picked from those candidates once the layout is built, and
`PageLayout.origins` keeps, for each field, the line that gave it (its role is that line's) and
how it was read (`FieldOrigin`: `briefing explain --doc` prints "出处：第7行［落款］“…”，…").

The shapes decided here are structural: the line's position (above the title, under the
signature), its shape (short, no sentence punctuation, separators such as > » › |), its neighbours
(an item of a menu, a column's name over a headline), and the line that dates the page, under which
nothing of the page's own heading stands. The only words are the small closed set of a page's own
labels (当前位置, 欢迎访问, a hot-line's 电话).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# the roles of a page's lines
FURNITURE = "furniture"  # the page's, not the document's: never a title, publisher or measure
TITLE = "title"
HEAD = "head"  # the document's head: fields, dates, doc number, byline, addressee
BODY = "body"
SIGNATURE = "signature"  # the closing block: signing body, date, source, contact, imprint
ASIDE = "aside"  # the document's but set aside: a cover letter above a repeated title

ROLE_NAMES = {
    FURNITURE: "页面元素",
    TITLE: "标题",
    HEAD: "文件头",
    BODY: "正文",
    SIGNATURE: "落款",
    ASIDE: "另列",
}

# why a line is the page's furniture (printed by `briefing explain --doc`)
WHY_CHROME = "网站导航、工具栏、版权或计数等页面固定内容"
WHY_CRUMBS = "面包屑导航或网站栏目路径（含 > » › 分隔）"
WHY_GREETING = "网站欢迎语"
WHY_HOTLINE = "网站的服务电话"
WHY_SEARCH = "网站的搜索按钮"
WHY_STAMP_ROW = "标题之上的网页时间戳"
WHY_MENU = "标题之上的菜单或标题导航（成串的短条目）"
WHY_COLUMN = "标题之上的网站栏目名（短词，下接标题）"
WHY_ABOVE_TITLE = "标题之上的网站名、单位名横幅或栏目名"
WHY_ABOVE_FIELDS = "文件字段表（索引号、发布机构等）之上的网站菜单或工具栏"
WHY_ABOVE_HEADLINE = "位于标注日期的标题之上：网站名、频道名或栏目名"
WHY_HEADING_ABOVE_CRUMBS = "面包屑之上的页面或栏目标题"
WHY_TABLE_ROW = "标题之上的表格行"
WHY_READER_PROMPT = "提示读者点击或扫码的页面文字"
WHY_FOOTER = "页脚中的一行（上下均为版权、备案等页面固定内容）"
WHY_PAGE_TITLE = "网页的标题或标题栏，其下另印有文件自身的标题"
WHY_PICTURE = "网页图片的文件名或路径（图片未显示时留下的文字）"
WHY_ATTACHMENT_LINKS = "落款之下的附件下载链接"
WHY_REPEATED_TITLE = "页面末尾重复的标题（其后没有正文：分享框或页脚）"
WHY_TEASER = "新闻正文之上的“核心提示”，照抄（常截断）其下的导语"


@dataclass(frozen=True)
class PageLine:
    text: str
    role: str
    why: str = ""  # for furniture: why it is the page's
    number: int = 0  # its line number in the reader's text (1 for the first; 0 when unknown)


@dataclass(frozen=True)
class FieldOrigin:
    """Where a metadata field came from: its value, how the page gave it (in Chinese, printed by
    `briefing explain --doc`), and the index in `PageLayout.lines` of the line that gave it (None
    when no line did: a reader's own field, a sentence of the body)."""

    value: str
    why: str
    line: int | None = None
    last: int | None = None  # the last of its lines, when it spans several (a title broken)


@dataclass
class PageLayout:
    """One document's page read once: every non-empty line of the text as given, in order, with its
    role; and, for a republished page, the original it names apart from the site that carries it."""

    lines: list[PageLine] = field(default_factory=list)
    # the original a republished page names ("来源:某某市科技局", "转自…", "稿源:…" in its head, or a
    # closing "(市科技局供稿)"), as printed
    source: str | None = None
    # the body that runs the site carrying the page (its footer's 主办单位 or copyright holder)
    host: str | None = None
    # where each metadata field read from the page came from, by field name (title, publisher,
    # written_date, published_date, doc_no)
    origins: dict[str, FieldOrigin] = field(default_factory=dict)

    def texts(self, role: str) -> list[str]:
        return [ln.text for ln in self.lines if ln.role == role]

    @property
    def furniture(self) -> list[PageLine]:
        return [ln for ln in self.lines if ln.role == FURNITURE]

    def frame_text(self) -> str:
        """Every line but the body's: the page's furniture, and the document's title, head and
        signature. Where a page names the site that carries it (a footer's 主办单位 or copyright
        holder, a site's name before its fields), it is here; a body's sentence never is."""
        return "\n".join(ln.text for ln in self.lines if ln.role != BODY)

    def document_text(self) -> str:
        """The document without its page: title, head, body and signature, one line each. Where a
        place or a body is looked for in the document's own words, this is the text to read: a
        channel's name in the page's header is not the document's place."""
        return "\n".join(ln.text for ln in self.lines if ln.role != FURNITURE)


def page_layout(text: str) -> PageLayout:
    """The layout of a reader's text (see the module's docstring)."""
    from briefing.extract.metadata import parse_document_text
    from briefing.model import RawDocument

    raw = RawDocument(source="", sha256="", format="txt", text=text)
    return parse_document_text(raw).layout


# --- line shapes --------------------------------------------------------------------------------

MAX_FURNITURE_LINE = 80  # characters: longer lines are text, whatever they start with
# what ends a sentence: a line holding one is text, never the page's furniture
SENTENCE_END = re.compile(r"[。；;！!？?]")
_CRUMBS = re.compile(r"[>＞»›]|^(?:当前位置|您(?:当前|现在)的?位置)")
_GREETING = re.compile(r"[\s•·]*(?:您好|你好|欢迎(?:来到|访问|光临|进入|您))")
MAX_GREETING = 60  # characters
_HOTLINE = re.compile(
    r"^(?:服务热线|咨询电话|客服电话)|(?:电话|热线|手机|传真)\s*[:：]?\s*\d[\d\-－ ]{6,}"
)
_WELCOME = re.compile(r"欢迎(?:来到|访问|光临)")
# a page's time stamp opening the line (2023-11-11 07:41:54 來源:西安新聞網): the page's date
_STAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")
# a search box's buttons: 精确检索, 开始检索, 站内搜索
_SEARCH = re.compile(r"^(?:精确|模糊|高级|全文|站内|开始|立即)?(?:检索|搜索|查询)$")


def opening_furniture(line: str) -> str | None:
    """Why a line at the top of a page, above the title, is the page's and not the document's: a
    greeting (exclaimed or not), or a furniture shape (`furniture_shape`); None otherwise."""
    if len(line) <= MAX_GREETING and _GREETING.match(line):
        return WHY_GREETING
    return furniture_shape(line)


def furniture_shape(line: str) -> str | None:
    """Why a short line without sentence punctuation is furniture by its shape: breadcrumbs or a
    column path (a separator: > » ›), a welcome, a hot-line, a search button, a time stamp row."""
    if len(line) > MAX_FURNITURE_LINE or SENTENCE_END.search(line):
        return None
    if _CRUMBS.search(line):
        return WHY_CRUMBS
    if _WELCOME.match(line):
        return WHY_GREETING
    if _HOTLINE.search(line):
        return WHY_HOTLINE
    if _STAMP.match(line):
        return WHY_STAMP_ROW
    if _SEARCH.match(line):
        return WHY_SEARCH
    return None


def is_crumbs(line: str) -> bool:
    """Breadcrumbs: a furniture line with a separator or a 当前位置 label."""
    return furniture_shape(line) == WHY_CRUMBS
