"""Input enumeration: the paths a user gives, expanded into the files to read.

Hostile or merely odd folders must never hang, crash or leak a run:

- only regular files are opened: a FIFO, a device (`-i /dev/zero`) or a socket is judged by
  `os.stat` and skipped with a warning, never opened (opening a FIFO blocks until a writer comes);
- a symbolic link inside an input folder is followed only when its target stays inside that folder
  (`follow_links` lifts this); loops and folders reached twice are skipped;
- an unreadable subfolder is skipped with a warning instead of vanishing silently;
- an output folder of briefing inside an input folder (it holds `.briefing/`) is not read back:
  the briefings, workbooks and manifests in its period folders are the tool's own (other files
  there are read: an output folder given as the input folder too holds the user's documents);
- a name that is not valid UTF-8 (GBK names unzipped from Windows) is read, and recorded in an
  escaped form (`a\\xff.txt`) that is valid text everywhere (SQLite, JSON, DOCX) and from which
  the bytes can be recovered, with one warning naming it;
- so is a name holding a newline, a carriage return, ESC or another control character, or a
  bidirectional override (`甲\\n[完成] 乙.txt`): recorded and printed escaped, it can neither
  forge a line of the summary nor drive the terminal.

Everything skipped becomes an `InputFile` with a `problem`: the pipeline turns it into a failed
record, so it is a warning, counted in the summary and failing `--strict`, like an unreadable file.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from briefing.errors import InputNotFoundError, os_reason

if TYPE_CHECKING:
    # not at run time: the CLI imports `escaped` for every message, and must stay light
    from briefing.model import ExtractedDocument

# The folder in which briefing keeps an output folder's run state (runs/state.py's STATE_DIR; not
# imported from there: enumeration must not load SQLite).
STATE_DIR = ".briefing"

# Period folder names of an output folder: all, 2024, 2024-03, 2024-Q1, 2024-01_2024-03.
_PERIOD_PART = r"\d{4}(?:-\d{2}|-[Qq][1-4])?"
PERIOD_FOLDER = re.compile(rf"all|{_PERIOD_PART}(?:_{_PERIOD_PART})?")

FOLLOW_LINKS_OPTION = "--follow-links"


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str
    """The path as the user gave it, joined with the path inside a given folder; always valid text
    (see `escaped`)."""
    problem: str | None = None
    """Why the file is skipped without being opened (a warning), or None to read it."""
    warnings: tuple[str, ...] = ()
    """Warnings about the name itself, given to the file's first document."""
    identity: tuple[int, int] | None = None
    """(st_dev, st_ino) of the file as it was listed: the reader opens that file or none
    (`briefing.readers.common.open_listed`). None when nothing was listed (a skipped entry)."""
    through_link: bool = False
    """Listed through a symbolic link (an allowed one, or one the user named): the open follows
    links. Otherwise it follows none, so a file swapped for a link after listing is refused."""


def escaped(text: str) -> str:
    """`text` as valid Unicode: a name's undecodable bytes (held as lone surrogates, Python's
    `surrogateescape`) become `\\xNN`, so `a<0xff>.txt` is `a\\xff.txt`. Valid text is unchanged."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name holds: escape the code points
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


# What must not reach a line of the summary or a log from a name: C0 and C1 controls (a newline
# would start a forged line, a carriage return overwrite one, ESC drive the terminal), line and
# paragraph separators, the bidirectional overrides that make "txt.exe" read "exe.txt", and the
# rest of Unicode's default-ignorable characters (zero-width space and joiners, soft hyphen, word
# joiner, variation selectors, BOM…), which show as nothing: "通\u200b知.txt" beside "通知.txt"
# would read as the same file twice in the sources list, the workbook and the manifest.
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def name_text(text: str) -> str:
    """A file or folder name as briefing records and prints it: `escaped`, and each character
    in `_UNSHOWABLE` written as its escape (`甲\\n乙.txt`, `\\x1b`, `\\u202e`), reversible like
    `escaped`. Valid, printable names are unchanged."""
    text = escaped(text)
    if not _UNSHOWABLE.search(text):
        return text
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# What a terminal acts on: the same, less the line breaks and tabs a message is laid out with.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """A message as it may reach a terminal: `escaped`, and every control character other than
    a line break or tab written as its escape (an ESC sequence can retitle, clear or recolour the
    terminal). Messages quote what the output folder holds, which others may have written."""
    text = escaped(text)
    if not _TERMINAL.search(text):
        return text
    return _TERMINAL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# What reorders the characters around it wherever a JSON text is shown (an editor, a terminal
# that lays out both directions, a code review page): the direction overrides, embeddings and
# isolates, which reach to the end of their line, the direction marks, and the line and
# paragraph separators some editors break lines at.
_JSON_UNSHOWN = re.compile("[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(value: object, **options: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)` with the characters of `_JSON_UNSHOWN`
    written as JSON escapes (`\\u202e`). They occur only inside strings, and the escape reads
    back as the same character, so a program reading the JSON gets the same data; a person
    reading it sees each line as it is. A document's title ending in an unclosed RLO (U+202E)
    showed the rest of its `extract` record backwards: `"value": 15.0` read `0.51 :"eulav"`."""
    text = json.dumps(value, ensure_ascii=False, **options)
    if not _JSON_UNSHOWN.search(text):
        return text
    return _JSON_UNSHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _gbk_reading(part: str) -> str | None:
    """What a non-UTF-8 name component says read as GBK (Windows' Chinese code page), if it can."""
    try:
        return os.fsencode(part).decode("gbk")
    except UnicodeDecodeError:
        return None


def _name_warning(shown: str, part: str, is_folder: bool) -> str:
    what = "文件夹名" if is_folder else "文件名"
    if escaped(part) == part:  # valid UTF-8: what is wrong is a control character
        return (
            f"{shown}: {what}含有换行、控制字符、方向控制符或零宽字符；已读取，以转义形式记录，"
            "建议改名"
        )
    guess = _gbk_reading(part)
    hint = f"，按 GBK 解读是“{guess}”" if guess else ""
    return (
        f"{shown}: {what}不是 UTF-8 编码{hint}；已读取，以转义形式记录，"
        f"建议改名（如 convmv -f gbk -t utf-8）"
    )


def special_kind(mode: int) -> str | None:
    """The Chinese name of a special file's kind; None for a regular file or a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）"
    if stat.S_ISCHR(mode):
        return "字符设备"
    if stat.S_ISBLK(mode):
        return "块设备"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def _special(kind: str) -> str:
    return f"不是普通文件（{kind}），已跳过，未打开"


def _size_problem(size: int) -> str | None:
    """Why a regular file is not opened at all: over MAX_FILE_BYTES (a sparse file of
    terabytes would otherwise be hashed for hours)."""
    from briefing.readers import limits  # only numbers: enumeration stays light

    if size <= limits.MAX_FILE_BYTES:
        return None
    return (
        f"文件大小 {limits.size_text(size)}，超过 {limits.size_text(limits.MAX_FILE_BYTES)}"
        " 上限，已跳过，未打开"
    )


def not_regular(path: Path) -> str | None:
    """Why `path` (a config file, a lexicon, a context file) cannot be opened as a file: it is a
    folder or a special file, which opening could block on (a FIFO waits for a writer). None
    for a regular file, and for a path that does not exist (the caller says so in its words)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(mode):
        return "是文件夹，不是文件"
    kind = special_kind(mode)
    return f"不是普通文件（{kind}）" if kind else None


def open_regular_file(path: Path) -> BinaryIO:
    """`path` opened for reading only if it is a regular file (a config file, a lexicon, a
    template). `not_regular` judged it by `stat` before; a FIFO put in its place since would make
    a plain open wait for a writer for ever (a cron run hanging), so the open does not wait and
    the open file is judged. Raises OSError, or ValueError saying what the path is instead."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ValueError("是文件夹，不是文件")
        kind = special_kind(mode)
        if kind is not None:
            raise ValueError(f"不是普通文件（{kind}）")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def require_inputs(paths: Sequence[Path]) -> None:
    """Raise InputNotFoundError (a usage error) for the first path that cannot be used at all."""
    for given in paths:
        shown = name_text(str(given))
        try:
            os.stat(given)
        except FileNotFoundError:
            raise InputNotFoundError(f"输入路径不存在：{shown}") from None
        except ValueError:  # an embedded NUL (from a config file)
            raise InputNotFoundError(f"输入路径含有空字符：{shown!r}") from None
        except OSError as exc:
            raise InputNotFoundError(f"无法访问输入路径 {shown}：{os_reason(exc)}") from None


def _own_output(period: str) -> re.Pattern[str]:
    """The names briefing writes into the period folder `period` (`build.output_paths`):
    `<模板名>[-<主题>]-<期间>.docx` and `.xlsx`, `manifest.json`, `<…>-<期间>.manifest.json`."""
    key = re.escape(period)
    return re.compile(rf"manifest\.json|.+-{key}\.(?:docx|xlsx|manifest\.json)", re.IGNORECASE)


def _within(target: str, root: str) -> bool:
    return target == root or os.path.commonpath([target, root]) == root


class _Walk:
    """One given folder, walked depth first in name order (the order of sorted paths)."""

    def __init__(self, root: Path, follow_links: bool, out: list[InputFile]) -> None:
        from briefing.readers import READERS

        self.suffixes = frozenset(READERS)
        self.root = root
        self.real_root = os.path.realpath(root)
        self.follow_links = follow_links
        self.out = out
        self.seen_dirs: dict[tuple[int, int], str] = {}
        self.named: set[str] = set()  # non-UTF-8 names already warned about
        self.period_folders: set[str] = set()  # period folders of an output folder met so far

    def skip(self, path: str, source: str, problem: str) -> None:
        self.out.append(InputFile(Path(path), source, problem, self._name_warnings(path)))

    def take(self, path: str, source: str, listed: os.stat_result, through_link: bool) -> None:
        identity = (listed.st_dev, listed.st_ino)
        warnings = self._name_warnings(path)
        self.out.append(InputFile(Path(path), source, None, warnings, identity, through_link))

    def _name_warnings(self, path: str) -> tuple[str, ...]:
        """One warning per non-UTF-8 or unprintable name (the file's, or a folder's on its way),
        the first time."""
        if name_text(path) == path:
            return ()
        warnings: list[str] = []
        parts = Path(path).parts
        base = len(self.root.parts)
        # the given folder counts as one name (its first undecodable component is the one to
        # read as GBK); below it, each component
        root_parts = [p for p in self.root.parts if name_text(p) != p] or [self.root.name]
        prefixes = [(str(self.root), root_parts[0], True)]
        for i in range(base, len(parts)):
            prefix = str(Path(*parts[: i + 1]))
            prefixes.append((prefix, parts[i], i < len(parts) - 1))
        for prefix, part, is_folder in prefixes:
            shown = name_text(prefix)
            if shown != prefix and shown not in self.named and name_text(part) != part:
                self.named.add(shown)
                warnings.append(_name_warning(shown, part, is_folder))
        return tuple(warnings)

    def run(self) -> None:
        try:
            st = os.stat(self.root)
        except OSError:
            return  # require_inputs reported it
        root_source = name_text(self.root.as_posix())
        self.seen_dirs[(st.st_dev, st.st_ino)] = root_source
        # a period folder of an output folder given as the input itself (`-i 文件/2024 -o 文件`)
        if PERIOD_FOLDER.fullmatch(self.root.name) and (self.root.parent / STATE_DIR).is_dir():
            self.period_folders.add(str(self.root))
        # Depth first, each folder's entries in name order: the order of the sorted paths. An
        # explicit stack, so a folder nested thousands deep cannot exhaust Python's recursion.
        stack = [iter(self._list(str(self.root), root_source))]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
                continue
            entry, source = item
            if self._entry(entry, source) is not None:
                stack.append(iter(self._list(entry.path, source)))

    def _list(self, folder: str, folder_source: str) -> list[tuple[os.DirEntry[str], str]]:
        """The entries of `folder` to look at, with their sources, in name order."""
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.skip(folder, folder_source + "/", f"无法读取文件夹（{os_reason(exc)}），已跳过")
            return []
        # a folder holding briefing's run state is an output folder: its period folders hold
        # the tool's own briefings, workbooks and manifests, never to be read back. Only those
        # files are passed over, not the folders: an output folder given as the input folder
        # too (`-i 文件 -o 文件`) has the user's own "2024" folder among its period folders.
        if any(e.name == STATE_DIR and e.is_dir(follow_symlinks=False) for e in entries):
            self.period_folders.update(e.path for e in entries if PERIOD_FOLDER.fullmatch(e.name))
        own = _own_output(Path(folder).name) if folder in self.period_folders else None
        return [
            (entry, f"{folder_source}/{name_text(entry.name)}")
            for entry in entries
            # hidden: a ".git", an editor's ".~lock" file, the run state
            if not entry.name.startswith(".")
            and not (own is not None and own.fullmatch(entry.name))
        ]

    def _entry(self, entry: os.DirEntry[str], source: str) -> str | None:
        """Record one entry; return its path when it is a folder to walk."""
        wanted = Path(entry.name).suffix.lower() in self.suffixes
        try:
            if entry.is_symlink():
                return self._link(entry, source, wanted)
            if entry.is_dir(follow_symlinks=False):
                return self._folder(entry.path, source)
            if entry.is_file(follow_symlinks=False):
                if wanted:
                    self._regular(entry.path, source, entry.stat(follow_symlinks=False), False)
                return None
            kind = special_kind(entry.stat(follow_symlinks=False).st_mode) or "特殊文件"
        except OSError as exc:
            self.skip(entry.path, source, f"无法访问（{os_reason(exc)}），已跳过")
            return None
        # a FIFO, device or socket is reported whatever its name: none belongs among documents
        self.skip(entry.path, source, _special(kind))
        return None

    def _folder(self, path: str, source: str) -> str | None:
        st = os.stat(path)
        key = (st.st_dev, st.st_ino)
        first = self.seen_dirs.get(key)
        if first is None:
            self.seen_dirs[key] = source
            return path
        if source.startswith(first + "/"):
            self.skip(path, source + "/", f"符号链接形成循环（指向上级文件夹 {first}），已跳过")
        else:
            self.skip(path, source + "/", f"与 {first} 是同一文件夹，已跳过")
        return None

    def _link(self, entry: os.DirEntry[str], source: str, wanted: bool) -> str | None:
        try:
            st = os.stat(entry.path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.skip(entry.path, source, "符号链接形成循环，已跳过")
            elif wanted:
                self.skip(entry.path, source, f"符号链接无法打开（{os_reason(exc)}），已跳过")
            return None
        is_dir = stat.S_ISDIR(st.st_mode)
        if not (wanted or is_dir):
            return None  # like any file of another type
        target = os.path.realpath(entry.path)
        if not self.follow_links and not _within(target, self.real_root):
            self.skip(
                entry.path,
                source,
                f"符号链接指向输入文件夹之外（{name_text(target)}），已跳过；"
                f"确需读取时加 {FOLLOW_LINKS_OPTION}",
            )
            return None
        if is_dir:
            return self._folder(entry.path, source)
        kind = special_kind(st.st_mode)
        if kind is not None:
            self.skip(entry.path, source, _special(kind))
        else:
            self._regular(entry.path, source, st, True)
        return None

    def _regular(self, path: str, source: str, listed: os.stat_result, through_link: bool) -> None:
        problem = _size_problem(listed.st_size)
        if problem is None:
            self.take(path, source, listed, through_link)
        else:
            self.skip(path, source, problem)


def iter_input_files(paths: Sequence[Path], follow_links: bool = False) -> list[InputFile]:
    """Expand files and folders (recursively, in sorted path order) into input files.

    Inside folders only files with a registered suffix are taken, so a README or an image beside
    the documents is not a warning; a file named explicitly is always tried (if it is a regular
    file). Skipped entries come back with their `problem` (see the module docstring).
    """
    require_inputs(paths)
    files: list[InputFile] = []
    for given in paths:
        source = name_text(given.as_posix())
        given_stat = os.stat(given)
        mode = given_stat.st_mode
        if stat.S_ISDIR(mode):
            _Walk(given, follow_links, files).run()
            continue
        warnings: tuple[str, ...] = ()
        if source != given.as_posix():
            bad = [p for p in given.parts if name_text(p) != p]
            warnings = (_name_warning(source, bad[0], bad[0] != given.name),)
        kind = special_kind(mode)
        problem = _special(kind) if kind else _size_problem(given_stat.st_size)
        identity = (given_stat.st_dev, given_stat.st_ino) if problem is None else None
        # a file the user named is read even through a link (like any program's argument)
        files.append(InputFile(given, source, problem, warnings, identity, through_link=True))
    return _warn_lookalike_names(files)


def _spelling(text: str) -> str:
    """`text` with each character that NFC would change or combine written as its escape
    (`cafe\\u0301.txt`), to tell apart two names that render the same."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char
        else char
        for char in text
    )


def _warn_lookalike_names(files: list[InputFile]) -> list[InputFile]:
    """`files`, each whose name reads the same as another's while its characters differ (`café`
    precomposed and `cafe` + U+0301, as macOS writes it; a CJK compatibility ideograph and the
    unified one) warned of: the sources list, the workbook and the manifest would show the
    same name for two files. Compared in Unicode's NFC form, which renders the same."""
    spelt: dict[str, set[str]] = {}
    for item in files:
        spelt.setdefault(unicodedata.normalize("NFC", item.source), set()).add(item.source)
    if all(len(sources) == 1 for sources in spelt.values()):
        return files
    marked: list[InputFile] = []
    for item in files:
        others = sorted(spelt[unicodedata.normalize("NFC", item.source)] - {item.source})
        if others:
            warning = (
                f"{item.source}: 文件名与 {others[0]} 看起来相同（同样的字以不同的 Unicode 形式"
                f"写成：{_spelling(item.source)} 与 {_spelling(others[0])}），来源列表和数据表中"
                "无法区分；已读取，建议改名"
            )
            item = replace(item, warnings=(*item.warnings, warning))
        marked.append(item)
    return marked


def attach_input_warnings(
    files: Sequence[InputFile], documents: Iterable[ExtractedDocument]
) -> Iterator[ExtractedDocument]:
    """`documents` (read from `files`, in order) with each file's name warnings put first in its
    first document. A copy gets them: the document itself may be in the cache, which must not
    remember what only its current name deserves."""
    pending = {item.source: item.warnings for item in files if item.warnings}
    for doc in documents:
        if pending:
            key = doc.source if doc.source in pending else doc.source.rpartition("#")[0]
            extra = pending.pop(key, None)
            if extra:
                doc = replace(doc, warnings=[*extra, *doc.warnings])
        yield doc
