"""Helpers shared by the readers: bounded reading, hashing, encoding detection, cleaning.

Decoding policy (`decode_bytes`), in order: a BOM wins; a few stray NUL bytes in a text are
dropped with a warning; binary magic or NUL bytes (unless the bytes read as UTF-16 without BOM:
text in CJK, ASCII and their punctuation, of more than a few distinct characters) mean "not a
text file"; valid UTF-8 takes the fast path (unless
it is short GBK that happens to be valid UTF-8); an HTML meta charset is used when it decodes
cleanly (and reads ASCII as ASCII: a meta UTF-16 contradicts the bytes it is written in); then GB18030 when it decodes to common hanzi, tried before charset-normalizer because
short GBK texts are routinely mis-detected as Big5, CP949 or a Cyrillic code page. Bytes that are
almost all valid UTF-8 (or GB18030) are decoded with U+FFFD replacement and a warning: a web dump
with one damaged byte is still a usable document, and the warning lets `--strict` fail on it.
What is left goes to charset-normalizer; if it has no confident answer, ReadError.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from briefing import errors
from briefing.errors import ReadError
from briefing.model import RawDocument
from briefing.readers import limits

# Kept here under its old name for callers that import it from this module; the value (and every
# other reader limit) lives in `limits`.
MAX_TEXT_BYTES = limits.MAX_TEXT_BYTES

_CHUNK = 1024 * 1024

# Characters XML 1.0 forbids (python-docx would write them and Word would refuse the file), lone
# surrogates (they cannot be encoded at all), and C1 controls (only ever seen in mojibake).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ufeff]")
# Line separators other than CR that str.splitlines() would honour but the line-based parser not.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Anything either of the two patterns above would touch: one scan decides whether work is needed.
_SPECIAL = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]"
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/DOCX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office（.doc/.wps）"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"{\\rtf", "RTF"),
    (b"\x1f\x8b", "GZIP 压缩包"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
)

_MAGIC_PREFIXES = tuple(magic for magic, _ in _MAGIC)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Every byte except the C0 controls that never occur in text (tab, CR, LF, FF, ESC are allowed).
_NOT_CONTROL = bytes(
    b for b in range(256) if not (b < 0x09 or 0x0E <= b < 0x1B or 0x1C <= b < 0x20)
)
_ASCII = bytes(range(128))

# Share of damaged bytes up to which UTF-8 is still assumed and the damage replaced.
_MAX_DAMAGE = 0.01


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class FileBytes:
    """A file's leading bytes (at most `limit`), the hash of the whole file, and its full size."""

    data: bytes
    sha256: str
    size: int
    truncated: bool


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _grew() -> ReadError:
    return ReadError(
        f"文件在读取过程中超过 {limits.size_text(limits.MAX_FILE_BYTES)} 上限"
        "（可能正被其他程序写入），未读取"
    )


class OutOfTime(BaseException):
    """A reader used up its CPU time (`cpu_limit`). Not an Exception: parsing libraries catch
    Exception around their own steps (pypdf does, page by page) and would carry on."""


class OutOfMemory(OutOfTime):
    """A reader grew the process by more than its memory allowance (`cpu_limit`'s `memory`).
    An OutOfTime, so that every place that stops a reader out of time stops this one too."""


class CpuBudget:
    """The limit `cpu_limit` sets; `stop()` once its OutOfTime has been caught."""

    def __init__(self) -> None:
        self.armed = True

    def stop(self) -> None:
        self.armed = False
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_PROF, 0)


# How often (CPU seconds) the memory allowance is checked: a parser in pure Python grows by at
# most a few MB in that time (pypdf rebuilding a cross-reference: about 20 MB a second).
_MEMORY_TICK = 0.1


@contextmanager
def cpu_limit(seconds: float, memory: int | None = None) -> Iterator[CpuBudget]:
    """Raise OutOfTime inside the block once this process has spent `seconds` of CPU in it, and
    again every tenth of a second after that until the catcher calls `stop()`: Python swallows
    an exception raised while a finalizer or a gc callback runs, and one such signal must not
    end the limit. With `memory`, also raise OutOfMemory (the same way) once the process's
    resident memory has grown by more than `memory` bytes since the block began, checked every
    tenth of a CPU second: memory grows only as the parser computes.

    For a parser in pure Python (pypdf), which a signal interrupts between two steps; a parser
    in C needs the limited child instead (`html_page`). Only where a profiling timer works (the
    main thread on Unix, which is where the readers run, in this process or in a worker);
    elsewhere the block runs unbounded.
    """
    budget = CpuBudget()
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield budget
        return
    start = time.process_time()
    base = resident_bytes() if memory is not None else None

    def expire(signum: int, frame: object) -> None:
        if not budget.armed:  # a signal delivered late, after the block, must not raise outside it
            return
        if time.process_time() - start >= seconds:
            raise OutOfTime
        if memory is not None and base is not None:
            now = resident_bytes()
            if now is not None and now - base > memory:
                raise OutOfMemory

    def unraisable(info: Any) -> None:
        if not isinstance(info.exc_value, OutOfTime):  # else: the next tick raises it again
            previous_hook(info)

    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable  # Python would print the swallowed one, in English
    previous = signal.signal(signal.SIGPROF, expire)
    first = min(seconds, _MEMORY_TICK) if base is not None else seconds
    signal.setitimer(signal.ITIMER_PROF, first, 0.1)
    try:
        yield budget
    finally:
        budget.stop()
        signal.signal(signal.SIGPROF, previous)
        sys.unraisablehook = previous_hook


def resident_bytes() -> int | None:
    """This process's resident memory now (Linux: /proc/self/statm, a few microseconds), else
    its peak so far (`ru_maxrss`: growth past the peak is still seen); None where neither is."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KB elsewhere


@dataclass(frozen=True)
class Listed:
    """The file the input listing saw at `path`: its (st_dev, st_ino), and whether it was
    reached through a symbolic link (`briefing.inputs.InputFile`)."""

    path: str
    identity: tuple[int, int]
    through_link: bool


_LISTED: ContextVar[Listed | None] = ContextVar("listed", default=None)

SWAPPED = "在列出文件夹后被替换为符号链接或另一个文件，未读取"


@contextmanager
def listed_as(path: Path, identity: tuple[int, int] | None, through_link: bool) -> Iterator[None]:
    """While a reader reads `path`, every open of it must find the file the listing saw.

    Between listing a folder and reading a file, someone with write access to the folder can
    put a link to a file outside it (`~/.ssh/id_rsa`, another office's documents) in its place;
    a plain open would follow it and the text would go into the briefing. So `open_regular`
    opens without following a link (unless the listing went through an allowed one) and
    compares the open file's identity with the listed one: one open, judged by `fstat`, no
    window between the check and the read. A file opened twice (the cache's hash, then the
    reader) is checked each time.
    """
    if identity is None:
        yield
        return
    token = _LISTED.set(Listed(os.fspath(path), identity, through_link))
    try:
        yield
    finally:
        _LISTED.reset(token)


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, only if it is still a regular file, and (inside `listed_as`)
    still the file that was listed.

    Enumeration judged it by `stat` before; if it was replaced since (a FIFO in its place would
    make a plain open wait for a writer for ever, a device would never end), it is refused
    without blocking: O_NONBLOCK lets the open of a FIFO return, and the open file is judged.
    """
    expected = _LISTED.get()
    if expected is not None and expected.path != os.fspath(path):
        expected = None
    nofollow = 0
    if expected is not None and not expected.through_link:
        nofollow = getattr(os, "O_NOFOLLOW", 0)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | nofollow
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        # a link where the listing saw a file: ELOOP (Linux, macOS), EMLINK (FreeBSD)
        if nofollow and exc.errno in (errno.ELOOP, errno.EMLINK):
            raise ReadError(SWAPPED) from exc
        raise
    try:
        st = os.fstat(fd)
        mode = st.st_mode
        if stat.S_ISDIR(mode):  # said as a plain open says it
            raise os_error(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)))
        if not stat.S_ISREG(mode):
            raise ReadError("在读取前被替换为非普通文件（如命名管道或设备），未读取")
        if expected is not None and (st.st_dev, st.st_ino) != expected.identity:
            raise ReadError(SWAPPED)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, limit: int | None = None) -> FileBytes:
    """Read `path`, keeping at most `limit` bytes in memory but hashing all of it.

    Raises ReadError when the file cannot be opened, or when it holds more than MAX_FILE_BYTES
    (it was smaller when the folder was listed: something is writing to it).
    """
    try:
        with open_regular(path) as fh:
            return _hash_handle(fh, limit)
    except OSError as exc:
        raise os_error(exc) from exc


def _hash_handle(fh: BinaryIO, limit: int | None) -> FileBytes:
    """`read_bytes` on an open file, from where it stands. Raises OSError, ReadError."""
    digest = hashlib.sha256()
    bound = limits.MAX_FILE_BYTES
    data = fh.read(bound + 1) if limit is None else fh.read(min(limit, bound + 1))
    digest.update(data)
    size = len(data)
    while size <= bound and (chunk := fh.read(_CHUNK)):
        digest.update(chunk)
        size += len(chunk)
    if size > bound:
        raise _grew()
    return FileBytes(data=data, sha256=digest.hexdigest(), size=size, truncated=size > len(data))


CHANGED = "在读取过程中被改写（可能正被其他程序保存），未读取；请在写入完成后重新运行"


@contextmanager
def hashed_file(path: Path, limit: int) -> Iterator[tuple[FileBytes, BinaryIO]]:
    """`path` open for a parser that reads the file itself (a zip, a PDF), with its hash and
    first `limit` bytes (`read_bytes`); ReadError, after the block, if the file's bytes changed
    while it was hashed and parsed.

    The hash is the document's identity in the cache and the run state: a file rewritten in
    place between the hash and the parse (an editor saving, someone with write access to the
    folder) would otherwise be cached as "the file with this hash says that", a lie that later
    hands the rewritten text to any file with the first content. One open serves both (no link
    can be put in its place between them), and the file is hashed again once parsed: equal
    hashes mean the parser read the bytes the hash names. Hashing costs little beside parsing
    (10 ms for 10 MB).
    """
    try:
        handle = open_regular(path)
    except OSError as exc:
        raise os_error(exc) from exc
    with handle:
        try:
            raw = _hash_handle(handle, limit)
            handle.seek(0)
        except OSError as exc:
            raise os_error(exc) from exc
        yield raw, handle
        try:
            handle.seek(0)
            again = _hash_handle(handle, 0).sha256
        except OSError as exc:
            raise os_error(exc) from exc
        except ReadError:  # grew past the file limit meanwhile
            again = ""
        if again != raw.sha256:
            raise ReadError(CHANGED)


def file_sha256(path: Path) -> str | None:
    """The sha256 of a whole file, or None when it cannot be read or holds more than
    MAX_FILE_BYTES (the reader then says why)."""
    try:
        return read_bytes(path, limit=0).sha256
    except ReadError:
        return None


# reading a document: the reasons said as a reader meets them; the rest as everywhere
_READ_WORDING = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.EIO: "磁盘读取出错",
}


def os_reason(exc: OSError) -> str:
    """Why reading a file failed, in the user's language (strerror is English)."""
    return errors.os_reason(exc, _READ_WORDING)


def os_error(exc: OSError) -> ReadError:
    """An OSError as a ReadError in the user's language."""
    return ReadError(f"无法读取文件：{os_reason(exc)}")


def cut_at_line_end(data: bytes) -> bytes:
    """Drop the partial last line of a truncated read, so no character is cut in half."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    newline = (b"\n\x00" if data.startswith(b"\xff\xfe") else b"\x00\n") if utf16 else b"\n"
    end = data.rfind(newline)
    if utf16:
        while end > 0 and end % 2:  # a match at an odd offset straddles two characters
            end = data.rfind(newline, 0, end)
    return data[: end + len(newline)] if end > 0 else data


def truncation_warning(source: str, size: int, kept: int) -> str:
    return (
        f"{source}: 文件大小 {size / 1048576:.1f} MB，超过 {limits.size_text(limits.MAX_TEXT_BYTES)}"
        f" 上限，只读取了前 {kept / 1048576:.1f} MB，其余部分未读取"
    )


def cap_paragraphs(text: str, source: str) -> tuple[str, list[str]]:
    """`text` cut after its first MAX_PARAGRAPHS non-empty lines, with the warning saying so."""
    limit = limits.MAX_PARAGRAPHS
    if text.count("\n") < limit:  # fewer lines than the limit: nothing to count
        return text, []
    # Line by line with find, not split: millions of short lines as a list of strings took
    # 25 times the text's memory (an 8 MB .txt of one character a line, 260 MB).
    seen = 0
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if text[start:end].strip():
            if seen == limit:
                cut = text[: start - 1] if start else ""
                return cut, [f"{source}: 段落数超过 {limit} 段上限，第 {limit + 1} 段起未读取"]
            seen += 1
        start = end + 1
    return text, []


def strip_invalid_xml(text: str) -> str:
    return _XML_INVALID.sub("", text)


# The bidirectional embeddings and overrides (LRE, RLE, LRO, RLO … PDF) and isolates (LRI, RLI,
# FSI … PDI): each reaches to the end of its paragraph unless closed.
BIDI_SCOPES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def closed_bidi(text: str) -> str:
    """`text` with every direction override, embedding or isolate it opens and leaves open
    closed at its end (the closing characters appended; it displays as before). A document's
    sentence ending in an unclosed RLO (U+202E) otherwise turned round whatever the briefing
    put after it in the same paragraph: its own citation "[12]" read "[21]", the next
    document's sentence, a date. Closing follows UAX #9: PDF closes the latest embedding inside
    the current isolate, PDI the latest isolate and every embedding opened within it."""
    if not BIDI_SCOPES.search(text):
        return text
    open_scopes: list[str] = []
    for char in BIDI_SCOPES.findall(text):
        if char == "\u202c":  # PDF
            if open_scopes and open_scopes[-1] == "\u202c":
                open_scopes.pop()
        elif char == "\u2069":  # PDI
            if "\u2069" in open_scopes:
                while open_scopes.pop() != "\u2069":
                    pass
        else:  # an opener: remember the character that closes it
            open_scopes.append("\u2069" if char >= "\u2066" else "\u202c")
    return text + "".join(reversed(open_scopes))


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LINE_BREAKS.sub("\n", text)


def clean_text(text: str) -> str:
    """Newlines to `\\n`, then drop what may not reach a DOCX (control characters, surrogates)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SPECIAL.search(text) is None:  # the common case: one scan, no copies
        return text
    return strip_invalid_xml(_LINE_BREAKS.sub("\n", text))


def strip_stray_nuls(data: bytes) -> tuple[bytes, list[str]]:
    """Drop a few NUL bytes from text that is otherwise fine (a damaged save, a bad paste).

    Text holds no NUL; a binary file holds many (or starts with a known magic), and UTF-16 text
    is half NULs, so a handful, at most 8 or one per 10,000 bytes, is damage to remove, not a
    reason to drop the whole file.
    """
    nuls = data.count(b"\x00")
    if not nuls or nuls > max(8, len(data) // 10000) or data.startswith(_MAGIC_PREFIXES):
        return data, []
    if _utf16_guess(data[:65536]):
        return data, []
    return data.replace(b"\x00", b""), [f"有 {nuls} 个空字符（NUL）无法作为文字读取，已删除"]


def binary_kind(data: bytes) -> str | None:
    """Name the binary format `data` starts with, '' for unnamed binary, None for text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    sample = data[:65536]
    if b"\x00" in sample:
        return None if _utf16_guess(sample) else ""
    controls = len(sample.translate(None, _NOT_CONTROL))
    # A stray control character is junk to strip; a file full of them is not text.
    if controls > 32 and controls > len(sample) * 0.05:
        return ""
    return None


def not_text_error(kind: str) -> ReadError:
    return ReadError(f"不是文本文件（看起来是 {kind} 文件）" if kind else "不是文本文件")


def _utf16_guess(sample: bytes) -> str | None:
    """UTF-16 without BOM: the bytes decode cleanly to text that is almost all printable, mostly
    ASCII or CJK (not a run of Latin-1 letters or unassigned code points), and varied.

    Binary padding such as `00 FF 00 FF…` decodes to "ÿÿÿÿ" or U+FF00 repeated: printable, but
    one character over and over is no text. Single-byte text with NULs in it pairs up into
    random ideographs (the "Bush hid the facts" effect): real text of any length has a space, a
    line break or a common punctuation mark somewhere, which those pairs cannot produce.
    """
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    best, best_score = None, 0.95
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec, errors="strict")
        except UnicodeDecodeError:
            text = sample[:-2].decode(codec, errors="ignore")  # a surrogate pair cut at the end
            if not text:
                continue
        score = len(_PLAUSIBLE.findall(text)) / len(text)
        core = len(_CORE_TEXT.findall(text)) / len(text)
        varied = len(set(text[:4096])) >= min(4, len(text))
        spaced = len(text) < 64 or _SEPARATOR.search(text) is not None
        if score > best_score and core >= 0.5 and varied and spaced:
            best, best_score = codec, score
    return best


# Characters a Chinese policy text is made of: printable ASCII and whitespace, CJK ideographs,
# CJK and full-width punctuation, general punctuation, Latin-1 letters.
_PLAUSIBLE = re.compile(
    "[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
)
# Separators every real text has somewhere: ASCII whitespace, 、。《》「」【】，：；！？（）.
_SEPARATOR = re.compile(
    "[\t\n \u3001\u3002\u3008-\u3011\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]"
)
# The bulk of any real text among those: ASCII, CJK ideographs and punctuation, full-width forms.
_CORE_TEXT = re.compile("[\t\n\r\x20-\x7e\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]")


def _looks_like_gbk(text: str) -> bool:
    """Whether `text`, decoded as GB18030, reads as simplified Chinese rather than mojibake.

    Real GBK text is nearly all GB2312 level-1 hanzi (the 3,755 common ones) and full-width
    punctuation; Big5 or UTF-8 bytes misread as GB18030 land in kana, box drawing, GBK extension
    characters and level-2 hanzi. A short text made only of GB2312 hanzi (level 2 holds place and
    personal names) is accepted too.
    """
    sample = _ASCII_RUN.sub("", text[:100000])[:4000]
    if not sample:
        return False
    # Unencodable characters become b"?", the rest two-byte pairs: drop the former, then the
    # lead bytes sit at even offsets and can be counted at C speed.
    pairs = sample.encode("gb2312", errors="replace").replace(b"?", b"")
    leads = pairs[0::2]
    common = len(leads.translate(None, _NOT_COMMON_LEAD))
    hanzi = len(leads.translate(None, _NOT_HANZI_LEAD))
    return common >= len(sample) * 0.8 or hanzi == len(sample)


_ASCII_RUN = re.compile("[\x00-\x7f]+")
# GB2312 lead bytes: A1-A3 punctuation and full-width forms, B0-D7 level-1 hanzi, D8-F7 level 2.
_NOT_COMMON_LEAD = bytes(b for b in range(256) if not (0xA1 <= b <= 0xA3 or 0xB0 <= b <= 0xD7))
_NOT_HANZI_LEAD = bytes(b for b in range(256) if not (0xA1 <= b <= 0xA3 or 0xB0 <= b <= 0xF7))


def _gbk_lookalike(data: bytes, text: str) -> Decoded | None:
    """GBK text that happens to be valid UTF-8 (the "联通" problem): short GBK strings whose bytes
    pair up as two-byte UTF-8 sequences decode to stray Latin/Greek/Cyrillic/Hebrew letters.

    Real UTF-8 Chinese has characters above U+07FF, and real European text keeps to one script
    (Latin, Greek or Cyrillic); anything else is read as GB18030 when that decodes to hanzi.
    """
    if not text.isascii() and not _UTF8_3BYTE_LEAD.search(data):
        scripts = {_script(ch) for ch in text if ch >= "\x80"}
        if len(scripts) > 1 or "" in scripts:
            try:
                gb = data.decode("gb18030")
            except UnicodeDecodeError:
                return None
            return Decoded(gb, "gb18030") if _looks_like_gbk(gb) else None
    return None


_UTF8_3BYTE_LEAD = re.compile(b"[\xe0-\xf4]")


def _script(ch: str) -> str:
    """Latin, Greek or Cyrillic for a character below U+0800; "" for the rest (IPA, Armenian,
    Hebrew, Arabic…), which this corpus only ever holds as GBK mojibake."""
    if ch < "\u0250":
        return "latin"
    if "\u0370" <= ch < "\u0400":
        return "greek"
    if "\u0400" <= ch < "\u0530":
        return "cyrillic"
    return ""


def _count_utf8_damage(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") - data.count(b"\xef\xbf\xbd")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes; see the module docstring for the policy. Raises ReadError.

    `declared` is an encoding named by the content itself (HTML meta charset); it is used when the
    bytes decode cleanly with it.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_lenient(data[len(bom) :], codec)
    data, nul_warnings = strip_stray_nuls(data)
    decoded = _decode_text(data, declared)
    decoded.warnings[:0] = nul_warnings
    return decoded


def _decode_text(data: bytes, declared: str | None) -> Decoded:
    kind = binary_kind(data)
    if kind is not None:
        raise not_text_error(kind)
    if b"\x00" in data[:65536]:
        codec16 = _utf16_guess(data[:65536])
        if codec16:
            return _decode_lenient(data, codec16)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _gbk_lookalike(data, text) or Decoded(text, "utf-8")
    declared_codec = _normalize_codec(declared) if declared else None
    if declared_codec and declared_codec != "utf-8" and _ascii_compatible(declared_codec):
        try:
            return Decoded(data.decode(declared_codec), declared_codec)
        except (UnicodeDecodeError, LookupError):
            pass
    gb_text = data.decode("gb18030", errors="replace")
    gb_damage = gb_text.count("\ufffd")
    gb_like = _looks_like_gbk(gb_text)
    if gb_damage == 0 and gb_like:
        return Decoded(gb_text, "gb18030")
    non_ascii = len(data[:262144].translate(None, _ASCII)) or 1
    damage = _count_utf8_damage(data[:262144])
    if damage <= max(2, non_ascii * _MAX_DAMAGE / 3) and damage < non_ascii / 3:
        return _decode_lenient(data, "utf-8")
    if gb_like and gb_damage <= max(2, non_ascii * _MAX_DAMAGE / 2):
        return _decode_lenient(data, "gb18030")
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        return guessed
    if gb_damage == 0:
        return Decoded(gb_text, "gb18030")
    raise ReadError("无法识别文件编码（不是 UTF-8、GB18030/GBK 或 UTF-16）")


def _normalize_codec(name: str) -> str | None:
    import codecs

    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # GB2312 and GBK pages routinely contain characters only their superset GB18030 has.
    return "gb18030" if codec in ("gb2312", "gbk", "euc_cn", "hz") else codec


def _ascii_compatible(codec: str) -> bool:
    """Whether `codec` reads ASCII as ASCII. A declaration found in the bytes as ASCII
    (`<meta charset=…>`) that names another kind (UTF-16, UTF-32, EBCDIC) contradicts itself,
    and browsers ignore it (WHATWG: a meta UTF-16 means UTF-8): trusted, it turned a GBK page
    into clean-looking CJK garbage, without a warning."""
    sample = b"<meta charset=> 0123456789 abcXYZ"
    try:
        return sample.decode(codec) == sample.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _charset_normalizer_guess(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is None or best.chaos > 0.2:
        return None
    codec = _normalize_codec(best.encoding) or best.encoding
    try:
        return Decoded(data.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_lenient(data: bytes, codec: str) -> Decoded:
    text = data.decode(codec, errors="replace")
    damaged = text.count("\ufffd") - (data.count(b"\xef\xbf\xbd") if codec == "utf-8" else 0)
    warnings: list[str] = []
    if damaged > 0:
        if damaged > max(16, len(text) // 100):
            raise ReadError(f"文件编码损坏：有 {damaged} 处字节无法按 {codec.upper()} 解码")
        warnings.append(f"有 {damaged} 处字节无法按 {codec.upper()} 解码，已替换为“\ufffd”")
    return Decoded(text, codec, warnings)


def failed_document(source: str, fmt: str, sha256: str, reason: str) -> RawDocument:
    """A document that could not be read but must not take its siblings down (a bad JSONL line).

    Convention for the pipeline: empty `text` plus a warning means "failed, do not extract".
    """
    return RawDocument(
        source=source, format=fmt, sha256=sha256, text="", warnings=[f"{source}: {reason}"]
    )
