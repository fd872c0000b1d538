"""PDF files through pypdf's text layer.

pypdf gives one line per printed line. Chinese text wraps mid-sentence, so a line is joined to the
next when it runs to (nearly) the full width of its page, does not end a sentence, and the next
line does not open a heading; short lines (titles, headings, signatures, dates) stay on their own.
Page numbers ("— 1 —", "第 1 页") and running headers repeated on most pages are dropped.

Reading is bounded (`limits`): files over MAX_PDF_BYTES are refused (pypdf holds the whole file),
at most MAX_PDF_PAGES pages are read (the page tree is cut before pypdf walks it, since pypdf
builds an object for every page first: 40 s for 30,000 pages), every stream inflates to at most
MAX_PDF_STREAM_BYTES (a Flate bomb is reported as such, never as a scan), reading stops at
MAX_TEXT_CHARS characters, and pypdf gets MAX_PDF_PARSE_SECONDS of CPU and MAX_PDF_PARSE_MEMORY of
added memory for the whole file (pages read by then are kept). pypdf's English messages and warnings never reach the user.
"""

from __future__ import annotations

import logging
import re
import warnings as python_warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import limits
from briefing.readers.common import (
    CpuBudget,
    OutOfMemory,
    OutOfTime,
    cap_paragraphs,
    clean_text,
    cpu_limit,
    hashed_file,
)
from briefing.readers.limits import size_text

NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件），需要先做 OCR"
_SNIFF_BYTES = 4096
CORRUPT = "PDF 文件已损坏或无法解析"
GARBLED = "PDF 文字层无法解码（字体缺少编码映射，提取出的是乱码），需要先做 OCR"

_CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－‒―~·\s]*\d{1,4}[-—–－‒―~·\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[。！？；：!?;:…][”’」』)）]*\s*$")
_HEADING_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节条部分编]|[一二三四五六七八九十]+、"
    r"|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[.、．]\s*\S|附件|附表|[①-⑳])"
)
# A line that opens a header field or a date line: never the tail of a wrapped paragraph.
_FIELD_LINE = re.compile(
    r"^\s*(?:[\[【]|(?:日期|时间|来源|发布|作者|索引号|文号|发文字号|成文日期|发布日期|主题分类)\s*[:：])"
)
# A title ends with the kind of document and carries no clause punctuation.
_TITLE_END = re.compile(
    r"(?:函|通知|意见|报告|决定|办法|方案|规划|批复|答复|通报|公告|细则|规定|总结|要点|纲要|计划|"
    r"条例|请示|讲话|建议|提案)[)）》”]*\s*$"
)
_CLAUSE_PUNCT = re.compile(r"[，,。；;！？]")
_SPACED_CJK = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
_WS = re.compile(r"[ \t\u00a0]+")


def read(path: Path, source: str) -> list[RawDocument]:
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError as exc:
        raise ReadError("读取 PDF 需要 pypdf，请运行 pip install pypdf") from exc
    # one open for the hash and the parser, checked to hold the same bytes after (`hashed_file`)
    with hashed_file(path, _SNIFF_BYTES) as (raw, handle):
        if not raw.truncated and not raw.data.strip():
            raise ReadError("文件为空")
        if b"%PDF" not in raw.data[:1024]:
            raise ReadError(CORRUPT + "（不是 PDF 文件）")
        if raw.size > limits.MAX_PDF_BYTES:
            raise ReadError(
                f"PDF 文件大小 {size_text(raw.size)}，超过 {size_text(limits.MAX_PDF_BYTES)} 上限，未读取"
            )
        warnings: list[str] = []
        state = _PageState()
        # open while pages are read (pypdf reads objects on demand)
        seconds = limits.MAX_PDF_PARSE_SECONDS
        memory = limits.MAX_PDF_PARSE_MEMORY
        with _quiet_pypdf(), _bounded_pypdf(), cpu_limit(seconds, memory) as budget:
            try:
                pdf = pypdf.PdfReader(handle, strict=False)
                if pdf.is_encrypted and not pdf.decrypt(""):
                    raise ReadError("PDF 已加密，需要密码才能读取")
                cut = _keep_first_pages(pdf, limits.MAX_PDF_PAGES)
                pages = _page_lines(pdf, source, warnings, state, budget)
            except ReadError:
                raise
            except OutOfTime as exc:  # opening it (cross-reference, page tree) took all of it
                budget.stop()
                raise ReadError(_slow(exc)) from None
            except (DependencyError, FileNotDecryptedError) as exc:
                if isinstance(exc, DependencyError):
                    raise ReadError(
                        "读取这个加密 PDF 需要 cryptography，请运行 pip install cryptography"
                    ) from exc
                raise ReadError("PDF 已加密，需要密码才能读取") from exc
            except Exception as exc:  # pypdf on untrusted bytes fails in many ways: corrupt
                if _is_limit(exc):
                    raise ReadError(f"{_bomb()}，未读取") from exc
                raise ReadError(CORRUPT) from exc
    if (cut or state.more) and not state.stopped:
        warnings.append(
            f"{source}: 页数超过 {limits.MAX_PDF_PAGES} 页上限，"
            f"第 {limits.MAX_PDF_PAGES + 1} 页起未读取"
        )
    if not any(pages):
        if state.slow is not None:  # not a scan either
            raise ReadError(_slow(state.slow))
        if state.bombs:  # a page that could not be inflated is not a scan
            raise ReadError(f"{_bomb()}，未读取")
        raise ReadError(NO_TEXT_LAYER)
    if _garbled_share(pages) > 0.3:
        raise ReadError(GARBLED)
    empty = [str(i + 1) for i, lines in enumerate(pages) if not lines and i + 1 not in state.failed]
    if empty and len(pages) > 1:
        warnings.append(
            f"{source}: 第 {'、'.join(empty[:10])} 页没有文字层（可能是扫描页），未读取"
        )
    text, capped = cap_paragraphs(clean_text("\n".join(join_wrapped_lines(pages))), source)
    warnings += capped
    return [
        RawDocument(source=source, format="pdf", sha256=raw.sha256, text=text, warnings=warnings)
    ]


def _bomb() -> str:
    return (
        f"PDF 中的数据流解压后超过 {size_text(limits.MAX_PDF_STREAM_BYTES)} 上限（可能是压缩炸弹）"
    )


def _slow(stop: OutOfTime) -> str:
    return f"PDF 结构异常（如巨大或重复引用的内容流），{_limit_passed(stop)}，未读取"


def _limit_passed(stop: OutOfTime) -> str:
    if isinstance(stop, OutOfMemory):
        return f"解析所需内存超过 {size_text(limits.MAX_PDF_PARSE_MEMORY)} 上限"
    return f"解析超过 {limits.MAX_PDF_PARSE_SECONDS} 秒上限"


def _is_limit(exc: BaseException) -> bool:
    """pypdf stopped at one of the limits set in `_bounded_pypdf` (or its own)."""
    try:
        from pypdf.errors import LimitReachedError
    except ImportError:  # pypdf before 4.x has no such limits
        return False
    return isinstance(exc, LimitReachedError)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repaired xref and may warn; library code must not print, and the
    cause is reported in Chinese."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with python_warnings.catch_warnings():
            python_warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# pypdf's decompression limits, all set to MAX_PDF_STREAM_BYTES (the names that exist in the
# installed pypdf are used; `apply_configuration` is pypdf's public API for this from 7.0).
_STREAM_LIMITS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "jbig2_maximum_output_length",
    "array_based_stream_maximum_output_length",
)


@contextmanager
def _bounded_pypdf() -> Iterator[None]:
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    config = getattr(pypdf, "Configuration", None)
    with ExitStack() as stack:
        if apply is not None and config is not None:
            bound = limits.MAX_PDF_STREAM_BYTES
            names = [name for name in _STREAM_LIMITS if hasattr(config, name)]
            stack.enter_context(apply(**dict.fromkeys(names, bound)))
        yield


def _keep_first_pages(pdf: Any, limit: int) -> bool:
    """Cut the page tree after its first `limit` pages; True when pages were cut.

    pypdf flattens the whole tree, building an object per page, before it gives the first page;
    the tree's /Kids arrays are shortened in the reader's object cache first, walking the nodes
    the way pypdf does (a node with /Kids is a branch unless its /Type says /Page).
    """
    from pypdf.generic import ArrayObject, DictionaryObject

    try:
        root = pdf.trailer["/Root"].get_object()
        tree = root["/Pages"].get_object()
    except Exception:
        return False  # pypdf reports the broken tree itself
    if not isinstance(tree, DictionaryObject):
        return False

    def kids_of(node: Any) -> list[Any]:
        kids = node.get("/Kids")
        kids = kids.get_object() if kids is not None else None
        return kids if isinstance(kids, ArrayObject) else []

    frames: list[list[Any]] = [[kids_of(tree), 0]]
    seen = {id(tree)}
    kept = 0
    while frames:
        frame = frames[-1]
        kids, index = frame
        if index >= len(kids):
            frames.pop()
            continue
        frame[1] = index + 1
        try:
            node = kids[index].get_object()
        except Exception:
            continue
        if not isinstance(node, DictionaryObject):
            continue
        kind = node.get("/Type")
        if kind == "/Pages" or (kind is None and "/Kids" in node):
            if id(node) not in seen and len(frames) < 100:
                seen.add(id(node))
                frames.append([kids_of(node), 0])
            continue
        kept += 1
        if kept >= limit:
            cut = False
            for rest, done in frames:
                if done < len(rest):
                    del rest[done:]
                    cut = True
            return cut
    return False


class _PageState:
    """What happened while reading pages: stopped by the text limit, more pages than read,
    pages that failed, pages that stopped at the stream limit, stopped by the time limit."""

    def __init__(self) -> None:
        self.stopped = False
        self.more = False  # pages past MAX_PDF_PAGES exist
        self.failed: set[int] = set()
        self.bombs = 0
        self.slow: OutOfTime | None = None  # the time or memory limit that stopped reading


def _page_lines(
    pdf: Any, source: str, warnings: list[str], state: _PageState, budget: CpuBudget
) -> list[list[str]]:
    result: list[list[str]] = []
    try:
        _read_pages(pdf, source, warnings, state, result)
    except OutOfTime as exc:  # the pages read so far are kept
        budget.stop()
        state.slow, state.stopped = exc, True
        if result:
            warnings.append(f"{source}: {_limit_passed(exc)}，第 {len(result) + 1} 页起未读取")
    return _drop_running_headers(result)


def _read_pages(
    pdf: Any, source: str, warnings: list[str], state: _PageState, result: list[list[str]]
) -> None:
    total = 0
    for number in range(1, limits.MAX_PDF_PAGES + 2):
        try:
            page = pdf.get_page(number - 1)
        except IndexError:
            break
        if number > limits.MAX_PDF_PAGES:
            state.more = True
            break
        if total > limits.MAX_TEXT_CHARS:
            warnings.append(
                f"{source}: 文字超过 {limits.chars_text(limits.MAX_TEXT_CHARS)}上限，"
                f"第 {number} 页起未读取"
            )
            state.stopped = True
            break
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # one broken page must not cost the others
            state.failed.add(number)
            if _is_limit(exc):
                state.bombs += 1
                warnings.append(
                    f"{source}: 第 {number} 页的内容解压后超过 "
                    f"{size_text(limits.MAX_PDF_STREAM_BYTES)} 上限（可能是压缩炸弹），未读取"
                )
            else:
                warnings.append(f"{source}: 第 {number} 页无法提取文字")
            text = ""
        lines = [_tidy(line) for line in clean_text(text).split("\n")]
        lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        total += sum(len(line) for line in lines)
        result.append(lines)


# Private-use code points and U+FFFD are what pypdf gives for glyphs whose font has no usable
# Unicode mapping.
_GARBLED = re.compile("[\ue000-\uf8ff\ufffd]")


def _garbled_share(pages: list[list[str]]) -> float:
    text = "".join("".join(lines) for lines in pages)
    return len(_GARBLED.findall(text)) / len(text) if text else 0.0


def _tidy(line: str) -> str:
    line = _WS.sub(" ", line).strip()
    cjk = len(_CJK_CHAR.findall(line))
    # Letter-spaced text ("通 知", or a PDF that places each glyph apart) has a space between
    # almost every pair of Chinese characters; ordinary text has next to none.
    if cjk >= 2 and len(_SPACED_CJK.findall(line)) >= (cjk - 1) * 0.5:
        line = _SPACED_CJK.sub("", line)
    return line


def _drop_running_headers(pages: list[list[str]]) -> list[list[str]]:
    """Drop a first or last line that repeats on most pages (running header or footer)."""
    if len(pages) < 3:
        return pages
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({lines[0], lines[-1]} if lines else set())
    repeated = {line for line, count in edges.items() if count >= max(3, len(pages) * 0.6)}
    if not repeated:
        return pages
    return [[line for line in lines if line not in repeated] for lines in pages]


def _width(line: str) -> int:
    return sum(2 if _CJK_CHAR.match(ch) else 1 for ch in line)


def _full_width(lines: list[str]) -> int:
    widths = sorted(_width(line) for line in lines)
    if len(widths) >= 5:
        return widths[int(len(widths) * 0.9) - 1]
    return widths[-1] if widths else 0


def join_wrapped_lines(pages: list[list[str]]) -> Iterator[str]:
    """Rejoin the printed lines of each paragraph; see the module docstring for the rule."""
    current = ""
    last_width = 0  # width of the last printed line in `current`
    last_full = 0  # full line width on the page that line came from
    for lines in pages:
        full = _full_width(lines)
        for line in lines:
            if current and _continues(current, last_width, last_full, line):
                current = _join(current, line)
            else:
                if current:
                    yield current
                current = line
            last_width, last_full = _width(line), full
    if current:
        yield current


def _continues(previous: str, width: int, full: int, line: str) -> bool:
    return (
        full >= 20
        and width >= full * 0.85
        and not _SENTENCE_END.search(previous)
        and not _HEADING_START.match(line)
        and not _FIELD_LINE.match(line)
        and not (_TITLE_END.search(previous) and not _CLAUSE_PUNCT.search(previous))
    )


def _join(previous: str, line: str) -> str:
    """Chinese, digits and punctuation join directly ("第0" + "942号"); Latin words get a space."""
    last, first = previous[-1], line[0]
    latin_end = (last.isascii() and last.isalpha()) or last in ",;:)"
    if latin_end and first.isascii() and first.isalpha():
        return previous + " " + line
    return previous + line
