"""The output folder's state: lock, issue numbers, coverage and the extraction cache.

Everything lives in `<output>/.briefing/`: `state.db` (SQLite, rollback journal, synchronous=FULL,
so it also works on the network shares offices keep their files on) and `lock` (an OS lock through
`filelock`, released by the kernel when the holder dies, so a SIGKILL never leaves a stale lock).

An issue is recorded only after its files are complete, in one transaction with its coverage
rows; a run killed before that commit leaves files the state does not know, and the next run
rebuilds them with the same number (nothing else can take that number in between: the lock).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import hashlib
import json
import os
import shlex
import sqlite3
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

import filelock

from briefing import errors
from briefing.atomic import linked_folder_message
from briefing.errors import BriefingError, LockedError
from briefing.inputs import special_kind
from briefing.model import DocumentEntry, ExtractedDocument
from briefing.periods import Period, PeriodError, period_of_key
from briefing.readers.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS
from briefing.runs.records import pack_document, unpack_document
from briefing.runs.selection import (
    CoveredDocument,
    Identity,
    Selection,
    select_documents,
)

STATE_DIR = ".briefing"
DB_NAME = "state.db"
LOCK_NAME = "lock"
SCHEMA_VERSION = "3"
# Format 1 lacked the identity of covered documents; format 2 had a cache without its documents'
# dates, and tables since dropped. Both are brought to 3 when opened; a cache is rebuilt, not
# migrated (the next run reads its inputs again), the issues and their coverage are kept.
_CACHE_TO_3 = [
    f"DROP TABLE IF EXISTS {table}"
    for table in ("extracted", "extracted_head", "file_digests", "charts")
]
_MIGRATIONS = {
    "1": [
        "ALTER TABLE coverage ADD COLUMN path TEXT",
        "ALTER TABLE coverage ADD COLUMN doc_no TEXT",
        "ALTER TABLE coverage ADD COLUMN index_no TEXT",
        "ALTER TABLE coverage ADD COLUMN title TEXT",
        "ALTER TABLE coverage ADD COLUMN updated INTEGER NOT NULL DEFAULT 0",
        # a path recorded before identities were is the source as given: the best there is
        "UPDATE coverage SET path = source WHERE source NOT GLOB '*#[0-9]*'",
        *_CACHE_TO_3,
    ],
    "2": _CACHE_TO_3,
}

# Written into the SQLite header of every state (`PRAGMA application_id`, "BRF1"): a SQLite file
# with another application's id is not ours. States made before it have 0 and get it at open.
APPLICATION_ID = 0x42524631
_SQLITE_HEADER = b"SQLite format 3\x00"
# Tables and columns a state must have; a SQLite file without them is someone else's.
_REQUIRED_COLUMNS = {
    "issues": {"period", "year", "number", "seq", "start", "end", "outputs"},
    "coverage": {"period", "sha256", "source", "date", "late", "new"},
}

# Periods without bounds (`all`) are numbered in a sequence of their own, keyed by this year.
UNBOUNDED_YEAR = 0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues (
    period TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    start TEXT,
    "end" TEXT,
    outputs TEXT NOT NULL,
    UNIQUE (year, number)
);
CREATE TABLE IF NOT EXISTS coverage (
    period TEXT NOT NULL REFERENCES issues (period) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    date TEXT,
    late INTEGER NOT NULL,
    new INTEGER NOT NULL,
    path TEXT,
    doc_no TEXT,
    index_no TEXT,
    title TEXT,
    updated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (period, sha256)
);
CREATE INDEX IF NOT EXISTS coverage_sha ON coverage (sha256);
CREATE TABLE IF NOT EXISTS claims (
    path TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS extracted (
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    lexicon_sha TEXT NOT NULL,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    date TEXT,
    doc_no TEXT,
    index_no TEXT,
    title TEXT,
    warnings TEXT NOT NULL,
    record BLOB NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (sha256, tool_version, lexicon_sha)
) WITHOUT ROWID;
"""
# The extraction cache: `record` and `body` hold the document; the columns before them repeat
# its `DocumentEntry` (`date` and identity included), so a run learns every cached document's
# date without unpacking its record, and unpacks only those its issue covers.
_ENTRY_COLUMNS = "source, sha256, format, date, doc_no, index_no, title, warnings"


_SQL_CHUNK = 500  # host parameters per query; SQLite before 3.32 allows 999


class StateError(BriefingError):
    """The output folder's state cannot be opened or is inconsistent."""


@dataclass(frozen=True)
class Issue:
    """One issue made in this output folder, as the state recorded it."""

    period: str
    year: int
    number: int
    seq: int
    """Position in the order issues were first made (1 = the first issue of the folder)."""
    start: date | None
    end: date | None
    outputs: dict[str, str] = field(default_factory=dict)
    """Files of the issue, relative to the output folder (posix), with their sha256."""


def sha256_file(path: Path, *, follow_link: bool = False) -> str:
    """The sha256 of a regular file, read only if it is one (OSError otherwise), and not through
    a link unless `follow_link` (a template the user names may be one).

    The files hashed lie in the output folder, where anyone who can write the folder can swap
    them: a briefing replaced by a FIFO kept every later run of its period waiting for a writer
    (holding the folder's lock), a link to /dev/zero or a sparse file of terabytes would be read
    for hours. A file larger than any input may be is not one this tool wrote.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_link:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            raise OSError(errno.EINVAL, "不是本工具写出的文件（不是普通文件或过大）", str(path))
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _inside(output: Path, path: Path) -> str:
    """`path` relative to `output`, the link `path` may itself be not followed (its folder is)."""
    return (path.parent.resolve() / path.name).relative_to(output.resolve()).as_posix()


def output_digests(output: Path, paths: Iterable[Path]) -> dict[str, str]:
    """`{path relative to output: sha256}` for the finished files of an issue."""
    return {_inside(output, path): sha256_file(path) for path in sorted(paths)}


def _year(period: Period) -> int:
    return period.end.year if period.end is not None else UNBOUNDED_YEAR


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (ValueError, TypeError) as exc:
        raise _BadRecord(f"日期 {text!r}") from exc


# the run state's own wording where it differs (a link refused by O_NOFOLLOW, a path as 不存在)
_STATE_WORDING = {
    errno.EROFS: "所在的文件系统是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.ENOTDIR: "路径中有一部分是文件，不是文件夹",
    errno.EEXIST: "同名的文件已存在",
    errno.ENOENT: "不存在",
    errno.ELOOP: "这是符号链接，出于安全不跟随",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation on the run state failed, in Chinese."""
    return errors.os_reason(exc, _STATE_WORDING)


class _BadRecord(Exception):
    """A row of the state that does not hold what this version wrote there."""


def lock_folder(output: Path, timeout: float = 0) -> filelock.BaseFileLock:
    """Take the output folder's lock (LockedError when another run holds it)."""
    folder = output / STATE_DIR
    if folder.is_symlink():
        # another output folder's .briefing (the check on state.db alone never sees this): a run
        # would take that folder's lock, numbers and records
        raise StateError(
            f"状态文件夹 {folder} 是符号链接，出于安全不跟随，未做任何改动；请删除这个链接"
            "（.briefing 只能是输出文件夹中的普通文件夹）后重新运行。"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StateError(f"无法创建状态文件夹 {folder}：{os_reason(exc)}") from exc
    lock = filelock.FileLock(folder / LOCK_NAME, fallback_to_soft=False)
    try:
        lock.acquire(timeout=timeout)
    except filelock.Timeout:
        raise LockedError(
            f"输出文件夹 {output} 正被另一个 briefing 进程使用；请等它结束后再运行"
        ) from None
    except OSError as exc:
        raise StateError(f"无法锁定输出文件夹 {output}：{os_reason(exc)}") from exc
    return lock


def made_briefings(output: Path) -> list[Path]:
    """The manifests of briefings in the output folder (`<period>/manifest.json` and
    `<period>/<stem>.manifest.json`): every build writes one beside its files. Another tool's
    manifest.json is not one of them; one that cannot be read is (it may be ours, damaged)."""
    found: list[Path] = []
    with contextlib.suppress(OSError):
        for path in sorted(output.glob("*/*manifest.json")):
            named = path.name == "manifest.json" or path.name.endswith(".manifest.json")
            if named and path.is_file() and _briefing_manifest(path):
                found.append(path)
    return found


def _briefing_manifest(path: Path) -> bool:
    # read as every manifest is: bounded, never through a link (a manifest.json of gigabytes,
    # or JSON nested past the recursion limit, is anyone's to put in the output folder)
    from briefing.runs.manifest import read_manifest

    try:
        data = read_manifest(path)
    except (OSError, ValueError):
        return True
    return not isinstance(data, dict) or (
        isinstance(data.get("tool"), dict) and data["tool"].get("name") == "briefing"
    )


def recovery_advice(output: Path) -> str:
    """What to do about a state that cannot be used: nothing here can overwrite a briefing or
    renumber the issues (moving the state away and re-running would do both)."""
    state = output / STATE_DIR / DB_NAME
    return (
        f"请从备份恢复 {state}；没有备份时运行 briefing state rebuild -o {shlex.quote(str(output))}，"
        "它按输出文件夹里各期的 manifest.json 重建期号和收录记录（原状态文件改名保留，不会删除）。"
        "已有的简报都没有改动。"
    )


def describe_sqlite_error(exc: sqlite3.Error, path: Path, output: Path) -> str:
    """A SQLite failure as the user can act on it (SQLite's own text is English)."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return (
            f"磁盘空间不足，写入状态文件 {path} 失败；这次运行没有登记任何内容（写入已撤销），"
            "此前各期的简报和记录都没有改动。请腾出磁盘空间后重新运行（期号不变）。"
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return (
            f"状态文件 {path} 不能写入（文件或所在的 .briefing 文件夹是只读的）。"
            "请让运行 briefing 的用户可以写入该文件和文件夹，然后重新运行；简报没有改动。"
        )
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "not a database" in text
    ):
        return f"状态文件 {path} 已损坏。" + recovery_advice(output)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return f"状态文件 {path} 正被其他程序打开（例如数据库查看工具）；请关闭该程序后重新运行。"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return (
            f"无法打开状态文件 {path}（文件夹不可写或文件被移走）；"
            "请检查 .briefing 文件夹的权限后重新运行。"
        )
    code = f"（{name}）" if name else ""
    return f"读写状态文件 {path} 失败{code}；请检查磁盘或网络共享后重新运行。"


def create_state(path: Path) -> None:
    """Make an empty state, whole or not at all: built beside `path`, then renamed into place,
    so a run killed here never leaves a 0-byte state behind (which would be refused)."""
    fresh = path.with_name(path.name + ".new")
    try:
        fresh.unlink(missing_ok=True)
        db = sqlite3.connect(fresh, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA synchronous=FULL")
            with _transaction(db):
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        finally:
            db.close()
        os.replace(fresh, path)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            fresh.unlink()
        raise StateError(describe_sqlite_error(exc, path, path.parent.parent)) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            fresh.unlink()
        raise StateError(f"无法创建状态文件 {path}：{os_reason(exc)}") from exc


def _check_header(path: Path, output: Path) -> None:
    """Refuse a state that is empty or not SQLite at all, before SQLite sees it (SQLite takes
    a 0-byte file for a new database: the issues would be numbered again from 第1期)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StateError(f"无法读取状态文件 {path}：{os_reason(exc)}") from exc
    if not head:
        raise StateError(
            f"状态文件 {path} 是空的（0 字节），其中的期号和各期收录记录都已丢失。"
            "为免期号从第1期重新编起，未做任何改动。" + recovery_advice(output)
        )
    if head != _SQLITE_HEADER:
        raise StateError(
            f"{path} 不是 briefing 的状态文件（不是 SQLite 数据库，可能已损坏）。"
            + recovery_advice(output)
        )


def _check_ours(db: sqlite3.Connection, path: Path, output: Path) -> None:
    """Refuse a SQLite database of another application or another layout."""
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    reason = ""
    if app_id not in (0, APPLICATION_ID):
        reason = "属于其他程序"
    elif "meta" not in tables:
        reason = "没有 briefing 的记录表"
    else:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            reason = "没有 briefing 的格式标记"
        elif row[0] != SCHEMA_VERSION and row[0] not in _MIGRATIONS:
            raise StateError(
                f"状态文件 {path} 由不兼容的 briefing 版本创建（格式 {row[0]}），请升级 briefing"
            )
        for table, columns in _REQUIRED_COLUMNS.items():
            have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
            if not columns <= have:
                reason = f"表 {table} 的结构不对"
    if reason:
        raise StateError(
            f"{path} 不是 briefing 的状态文件（{reason}）。为免改动它、也为免期号从第1期重新编起，"
            "未做任何改动；请确认输出文件夹是否选对。" + recovery_advice(output)
        )


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _folder_identity(folder: str) -> tuple[int, int] | None:
    """(st_dev, st_ino) of the folder the name reaches now, None if it reaches none."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _refuse_special_files(path: Path) -> None:
    """StateError when the state or its rollback journal is a FIFO, device or socket (or the
    journal a link).

    SQLite opens both by name: whoever can write the output folder could plant a FIFO as
    `state.db-journal` (SQLite reads it as a leftover journal to play back) or as `state.db`
    (read for its header), and the run, holding the folder's lock, waited for a writer for ever.
    """
    journal = path.with_name(path.name + "-journal")
    for name in (path, journal):
        try:
            mode = os.lstat(name).st_mode
        except OSError:
            continue  # none there (the usual case), or SQLite says why it cannot open it
        if stat.S_ISLNK(mode):
            # state.db: refused with its own message; SQLite never follows the journal but
            # failed as 无法打开状态文件…请检查 .briefing 文件夹的权限, on every run, for a link
            kind = "符号链接" if name == journal else None
        else:
            kind = special_kind(mode)
        if kind is not None:
            raise StateError(
                f"状态文件夹中的 {name} 不是普通文件（{kind}），出于安全未打开，未做任何改动；"
                "请删除它（.briefing 文件夹中只应有 briefing 自己写入的文件）。"
            )


def _guarded(
    method: Callable[Concatenate[RunState, _P], _R],
) -> Callable[Concatenate[RunState, _P], _R]:
    """Turn any SQLite failure of a state method into a StateError saying what to do."""

    @functools.wraps(method)
    def guarded(self: RunState, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        self._check_folder()
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StateError(describe_sqlite_error(exc, self.path, self.output)) from exc
        except _BadRecord as exc:
            raise StateError(
                f"状态文件 {self.path} 中有无法读取的记录（{exc}）。" + recovery_advice(self.output)
            ) from exc

    return guarded


class RunState:
    """The state of one output folder, held under its lock. Use as a context manager::

    with RunState.open(Path("out")) as state:          # LockedError if another run holds it
        number = state.issue_number(period, first_number=1)
    """

    def __init__(self, output: Path, connection: sqlite3.Connection, lock: filelock.BaseFileLock):
        self.output = output
        self.path = output / STATE_DIR / DB_NAME
        self._db = connection
        self._lock = lock
        # SQLite opens the database once, but its rollback journal by name (state.db-journal
        # beside the path it resolved at connect time) for every transaction, and looks for a
        # leftover journal there before every read. A .briefing folder renamed away during a
        # run and replaced by a link (or another folder) would have that journal written into,
        # and a journal already there (another state's) played back into this state and
        # deleted. So every state method first checks the folder is still the one opened.
        self._folder = os.path.realpath(self.path.parent)
        self._identity = _folder_identity(self._folder)

    def _check_folder(self) -> None:
        _refuse_special_files(self.path)
        if _folder_identity(self._folder) != self._identity:
            raise StateError(
                f"状态文件夹 {self.path.parent} 在运行中被移走或替换（换成了链接或另一个文件夹），"
                "出于安全停止，没有再读写状态；请查明是谁改动了输出文件夹，"
                "把原来的 .briefing 文件夹放回原处后重新运行。"
            )

    # ------------------------------------------------------------ opening and closing

    @classmethod
    def open(cls, output: Path, timeout: float = 0) -> RunState:
        """Take the folder's lock (waiting at most `timeout` seconds) and open the state.

        Raises LockedError when another run holds the lock, StateError when the state is unusable:
        damaged, not ours, not writable, or missing while the folder already holds briefings
        (a new state would number them again from 第1期). Nothing is changed in those cases.
        """
        folder = output / STATE_DIR
        lock = lock_folder(output, timeout)
        try:
            path = folder / DB_NAME
            if path.is_symlink():
                # another output folder's state (or any file) put here by whoever can write to
                # this folder: this run would number and record its issues there
                raise StateError(
                    f"状态文件 {path} 是符号链接，出于安全不跟随，未做任何改动；"
                    "请删除这个链接（状态文件只能是 .briefing 文件夹中的普通文件）。"
                    + recovery_advice(output)
                )
            _refuse_special_files(path)
            if not path.exists():
                briefings = made_briefings(output)
                if briefings:
                    raise StateError(
                        f"输出文件夹 {output} 已有简报（如 {briefings[0]}），但没有状态文件 {path}"
                        "（.briefing 文件夹可能被删除）。从头建立状态会让期号重新从第1期编起，"
                        "因此未做任何改动。" + recovery_advice(output)
                    )
                create_state(path)
            connection = cls._connect(path, output)
        except BaseException:
            lock.release()
            raise
        return cls(output, connection, lock)

    @staticmethod
    def _connect(path: Path, output: Path) -> sqlite3.Connection:
        """Open an existing state after checking it is ours, intact and writable."""
        _check_header(path, output)
        db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            # Damage anywhere in the file is found here, before any output is touched, rather
            # than by whichever later read or write happens to reach the damaged page.
            problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise StateError(
                    f"状态文件 {path} 已损坏（SQLite 完整性检查未通过）。" + recovery_advice(output)
                )
            _check_ours(db, path, output)
            # Also the check that the state is writable: it fails here, not after the files.
            with _transaction(db):
                version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]
                for statement in _MIGRATIONS.get(version, []):
                    db.execute(statement)
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except BaseException as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.Error):
                raise StateError(describe_sqlite_error(exc, path, output)) from None
            raise
        return db

    def close(self) -> None:
        try:
            self._db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> RunState:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------ issues and numbering

    @_guarded
    def issue(self, period: Period) -> Issue | None:
        row = self._db.execute(
            'SELECT period, year, number, seq, start, "end", outputs FROM issues WHERE period = ?',
            (period.key,),
        ).fetchone()
        return _issue(row) if row else None

    @_guarded
    def issues(self) -> list[Issue]:
        """Every issue, in the order they were first made."""
        rows = self._db.execute(
            'SELECT period, year, number, seq, start, "end", outputs FROM issues ORDER BY seq'
        ).fetchall()
        return [_issue(row) for row in rows]

    @_guarded
    def issue_number(self, period: Period, first_number: int = 1) -> int:
        """The period's number if it was made before, else the next one for its year.

        Issues are numbered per year of the period's end in the order they are made;
        `first_number` (briefing.toml) applies to the first issue of a year.
        """
        existing = self.issue(period)
        if existing is not None:
            return existing.number
        row = self._db.execute(
            "SELECT MAX(number) FROM issues WHERE year = ?", (_year(period),)
        ).fetchone()
        return first_number if row[0] is None else int(row[0]) + 1

    @_guarded
    def first_issue_start(self) -> date | None:
        """The start of the first dated issue made here: older documents are never 补报."""
        row = self._db.execute(
            "SELECT start FROM issues WHERE start IS NOT NULL ORDER BY seq LIMIT 1"
        ).fetchone()
        return _day(row[0]) if row else None

    @_guarded
    def covered_before(self, period: Period | None = None) -> list[CoveredDocument]:
        """What dated issues made before `period`'s covered (all issues when None or when that
        period has not been made yet), in the order the issues were made. `all` issues do not
        count: trying the tool on everything must not empty the first monthly issue."""
        existing = self.issue(period) if period is not None else None
        query = (
            f"SELECT {_COVERED_COLUMNS} FROM coverage c JOIN issues i ON i.period = c.period "
            "WHERE i.start IS NOT NULL"
        )
        params: tuple[Any, ...] = ()
        if existing is not None:
            query += " AND i.seq < ?"
            params = (existing.seq,)
        rows = self._db.execute(query + " ORDER BY i.seq, c.date, c.source", params)
        return [_covered(row) for row in rows]

    @_guarded
    def coverage(self, period: Period) -> list[CoveredDocument]:
        rows = self._db.execute(
            f"SELECT {_COVERED_COLUMNS} FROM coverage c WHERE period = ? ORDER BY date, source",
            (period.key,),
        ).fetchall()
        return [_covered(row) for row in rows]

    @_guarded
    def select_documents(
        self, documents: Sequence[DocumentEntry], period: Period, inputs: Sequence[Path] = ()
    ) -> Selection:
        """What the period's issue covers: in-period documents, 补报, 更新, 本期新增, undated
        ones. `inputs`: the input folders, to which paths are relative in identities."""
        first = self.first_issue_start()
        return select_documents(
            documents,
            period,
            covered_before=self.covered_before(period),
            backlog_start=first if first is not None else period.start,
            inputs=inputs,
        )

    @_guarded
    def record_issue(
        self, period: Period, number: int, selection: Selection, outputs: Mapping[str, str]
    ) -> Issue:
        """Record a finished issue and what it covered, in one transaction.

        Call only once every file in `outputs` (see `output_digests`) is complete on disk. A
        re-run keeps the issue's place in the order of issues.
        """
        year = _year(period)
        try:
            with _transaction(self._db):
                row = self._db.execute(
                    "SELECT seq FROM issues WHERE period = ?", (period.key,)
                ).fetchone()
                if row is not None:
                    seq = int(row[0])
                    self._db.execute("DELETE FROM coverage WHERE period = ?", (period.key,))
                    self._db.execute("DELETE FROM issues WHERE period = ?", (period.key,))
                else:
                    top = self._db.execute("SELECT MAX(seq) FROM issues").fetchone()[0]
                    seq = 1 if top is None else int(top) + 1
                self._db.execute(
                    "INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        period.key,
                        year,
                        number,
                        seq,
                        period.start.isoformat() if period.start else None,
                        period.end.isoformat() if period.end else None,
                        json.dumps(dict(outputs), sort_keys=True),
                    ),
                )
                insert_coverage(
                    self._db,
                    [
                        CoveredDocument(
                            sha256=doc.sha256,
                            source=doc.source,
                            date=doc.date,
                            late=selection.is_late(doc),
                            new=selection.is_new(doc),
                            period=period.key,
                            identity=selection.identity(doc),
                            updated=selection.is_update(doc),
                        )
                        for doc in selection.documents
                    ],
                )
        except sqlite3.IntegrityError as exc:
            raise StateError(
                f"第{number}期（{year}年）已被其他期间使用，无法登记 {period.key}"
            ) from exc
        issue = self.issue(period)
        assert issue is not None
        return issue

    @_guarded
    def existing_outputs(self, period: Period, files: Sequence[Path] | None = None) -> bool:
        """True when the period's issue is recorded and its files (`files`, by default all it
        recorded) are on disk as recorded: the issue is made, and a run without --force stops.

        False for files left by a run killed before it recorded the issue, or edited or removed
        since: the caller rebuilds them (with the recorded number, if any) once `claim_outputs`
        has agreed.
        """
        issue = self.issue(period)
        if issue is None or not issue.outputs:
            return False
        wanted = (
            {self._relative(path): path for path in files}
            if files is not None
            else {relative: self.output / relative for relative in issue.outputs}
        )
        for relative, path in wanted.items():
            digest = issue.outputs.get(relative)
            try:
                if digest is None or sha256_file(path) != digest:
                    return False
            except OSError:
                return False
        return True

    @_guarded
    def claim_outputs(self, files: Sequence[Path], force: bool = False) -> None:
        """Say that this run will write `files`: call before writing any of them.

        Refuses (StateError) a file already on disk that this state never wrote, unless `force`:
        without its state (deleted, rebuilt, replaced) a folder's briefings are not known to
        be ours, and are never replaced silently. The claim is committed, so a run killed
        after writing the files leaves them known for the next run to rebuild; committing is
        also the check that the state can be written, before any output is touched.
        """
        relatives = [self._relative(path) for path in files]
        if not force:
            known = {row[0] for row in self._db.execute("SELECT path FROM claims")}
            for issue in self.issues():
                known.update(issue.outputs)
            foreign = [
                path
                for path, relative in zip(files, relatives, strict=True)
                if relative not in known and (path.exists() or path.is_symlink())
            ]
            if foreign:
                raise StateError(
                    f"{foreign[0]} 已存在，但本输出文件夹的状态里没有它的记录（状态可能被删除、重建"
                    "或替换过，或文件是从别处拷来的）。为免覆盖，未做任何改动。确要用新生成的简报"
                    "替换它，请加 --force；要让状态认回已有的简报（期号和收录记录），运行 "
                    f"briefing state rebuild -o {shlex.quote(str(self.output))}。"
                )
        with _transaction(self._db):
            self._db.executemany(
                "INSERT OR IGNORE INTO claims VALUES (?)", [(relative,) for relative in relatives]
            )

    def _relative(self, path: Path) -> str:
        if path.parent.is_symlink():
            # a period folder swapped for a link: the outputs would be written wherever it points
            # (and recorded under the target's name); `atomic` refuses it again while writing
            raise StateError(linked_folder_message(path.parent) + "未做任何改动。")
        # the file itself may be a link planted in its place: it is replaced, never followed
        return _inside(self.output, path)

    def remove_stale_temporaries(self, outputs: Sequence[Path]) -> list[Path]:
        """Delete the `.<name>.*.tmp` files atomic writes of `outputs` leave when a run is killed.

        Only those of these outputs' names: another program's hidden `.tmp` file beside them
        (or in a folder a period folder was linked to) is not ours to delete. Safe only under
        the lock, which this state holds.
        """
        removed: list[Path] = []
        for output in outputs:
            if not output.parent.is_dir():
                continue
            for path in sorted(output.parent.glob(f".{glob.escape(output.name)}.*.tmp")):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return removed

    # ------------------------------------------------------------ extraction cache

    @_guarded
    def cached(
        self, sha256: str, tool_version: str, lexicon_sha: str, source: str | None = None
    ) -> ExtractedDocument | None:
        """The document extracted earlier from the same content by the same tool and lexicon.

        `source`, when given, replaces the recorded path (the same content may have moved).
        """
        row = self._db.execute(
            "SELECT record, body FROM extracted "
            "WHERE sha256 = ? AND tool_version = ? AND lexicon_sha = ?",
            (sha256, tool_version, lexicon_sha),
        ).fetchone()
        if row is None:
            return None
        try:
            body = _unpack(row[1], MAX_CACHED_BODY).decode("utf-8")
            return unpack_document(_unpack(row[0], MAX_CACHED_RECORD), body=body, source=source)
        except (ValueError, TypeError, RecursionError, zlib.error):
            # an unreadable entry is a miss (the next store replaces it): damaged, of another
            # layout, or made by someone who can write the output folder (a zlib bomb, JSON
            # nested past Python's recursion limit)
            return None

    @_guarded
    def cached_entries(
        self, shas: Sequence[str], tool_version: str, lexicon_sha: str
    ) -> dict[str, DocumentEntry]:
        """`{sha256: entry}` of the cached documents among `shas`, as they were recorded (source
        included), without unpacking their records: one query per 500 documents."""
        found: dict[str, DocumentEntry] = {}
        unique = sorted(set(shas))
        for start in range(0, len(unique), _SQL_CHUNK):
            chunk = unique[start : start + _SQL_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM extracted "
                f"WHERE tool_version = ? AND lexicon_sha = ? AND sha256 IN ({marks})",
                (tool_version, lexicon_sha, *chunk),
            )
            for source, sha, fmt, day, doc_no, index_no, title, warnings in rows:
                warned = _warnings(warnings)
                known = (day, doc_no, index_no, title)
                if warned is None or not _texts(source, sha, fmt) or not _texts(*known, none=True):
                    continue  # a row this tool did not write is a miss: the file is read again
                found[sha] = DocumentEntry(source, sha, fmt, day, doc_no, index_no, title, warned)
        return found

    def store(self, doc: ExtractedDocument, tool_version: str, lexicon_sha: str) -> None:
        self.store_many([doc], tool_version, lexicon_sha)

    @_guarded
    def store_many(
        self, documents: Iterable[ExtractedDocument], tool_version: str, lexicon_sha: str
    ) -> None:
        """Cache extracted documents (compressed), in one transaction."""
        rows = []
        for doc in documents:
            entry = DocumentEntry.of(doc)
            rows.append(
                (
                    tool_version,
                    lexicon_sha,
                    entry.source,
                    entry.sha256,
                    entry.format,
                    entry.date,
                    entry.doc_no,
                    entry.index_no,
                    entry.title,
                    json.dumps(entry.warnings, ensure_ascii=False),
                    _pack(pack_document(doc)),
                    _pack(doc.body),
                )
            )
        with _transaction(self._db):
            self._db.executemany(
                f"INSERT OR REPLACE INTO extracted (tool_version, lexicon_sha, {_ENTRY_COLUMNS}, "
                "record, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    @_guarded
    def prune_cache(self, tool_version: str) -> int:
        """Drop entries made by other tool versions; returns how many went."""
        with _transaction(self._db):
            cursor = self._db.execute(
                "DELETE FROM extracted WHERE tool_version != ?", (tool_version,)
            )
        return cursor.rowcount

    @_guarded
    def integrity_ok(self) -> bool:
        row = self._db.execute("PRAGMA integrity_check").fetchone()
        return bool(row and row[0] == "ok")


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error, a failed COMMIT included (a full
    disk): nothing of the block is recorded then."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        # SQLite may already have rolled back (after SQLITE_FULL or an I/O error)
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def _pack(text: str) -> bytes:
    # Chinese policy text compresses about 3:1; the cache is most of the state's size.
    return zlib.compress(text.encode("utf-8"), 6)


MAX_CACHED_BODY = 4 * MAX_TEXT_CHARS
"""Bytes a cached document's text may inflate to: what a reader keeps (`MAX_TEXT_CHARS`) in
UTF-8. A state is a file in the output folder: a 4 MB row of zeros would inflate to 4 GB."""
MAX_CACHED_RECORD = 8 * MAX_CACHED_BODY
"""Bytes a cached record (measures and figures, each with its sentence) may inflate to."""


def _unpack(data: Any, limit: int) -> bytes:
    """A cached row inflated, at most `limit` bytes (ValueError past it, or not bytes)."""
    if not isinstance(data, bytes):
        raise TypeError("not a compressed row")
    inflater = zlib.decompressobj()
    text = inflater.decompress(data, limit + 1)
    if len(text) > limit or not inflater.eof:
        raise ValueError("a cached row over the limit, or cut")
    return text


def _texts(*values: Any, none: bool = False) -> bool:
    return all(isinstance(v, str) or (none and v is None) for v in values)


def _warnings(column: Any) -> tuple[str, ...] | None:
    """A cached entry's warnings (a JSON list of strings), or None when the column is not one."""
    try:
        warned = json.loads(column) if isinstance(column, str) else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(warned, list) or not _texts(*warned):
        return None
    return tuple(warned)


_COVERED_COLUMNS = (
    "c.sha256, c.source, c.date, c.late, c.new, c.period, "
    "c.path, c.doc_no, c.index_no, c.title, c.updated"
)


def _covered(row: Sequence[Any]) -> CoveredDocument:
    if not isinstance(row[0], str) or not isinstance(row[1], str):
        raise _BadRecord(f"期间 {row[5]} 的收录记录")
    return CoveredDocument(
        sha256=row[0],
        source=row[1],
        date=row[2],
        late=bool(row[3]),
        new=bool(row[4]),
        period=row[5],
        identity=Identity(path=row[6], doc_no=row[7], index_no=row[8], title=row[9], date=row[2]),
        updated=bool(row[10]),
    )


def insert_coverage(db: sqlite3.Connection, covered: Iterable[CoveredDocument]) -> None:
    """Record covered documents (inside the caller's transaction)."""
    db.executemany(
        "INSERT INTO coverage (period, sha256, source, date, late, new, path, doc_no, index_no, "
        "title, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                c.period,
                c.sha256,
                c.source,
                c.date,
                int(c.late),
                int(c.new),
                *(
                    (c.identity.path, c.identity.doc_no, c.identity.index_no, c.identity.title)
                    if c.identity is not None
                    else (None, None, None, None)
                ),
                int(c.updated),
            )
            for c in covered
        ],
    )


def _issue(row: Sequence[Any]) -> Issue:
    try:
        outputs = json.loads(row[6])
        if not isinstance(outputs, dict):
            raise TypeError
        # every period recorded is one a build made: another (written into the state by hand)
        # ended the next month's run as if its -p were wrong (无法识别的期间：…, exit 2)
        period_of_key(str(row[0]))
        return Issue(
            period=str(row[0]),
            year=int(row[1]),
            number=int(row[2]),
            seq=int(row[3]),
            start=_day(row[4]),
            end=_day(row[5]),
            outputs={str(k): str(v) for k, v in outputs.items()},
        )
    except (ValueError, TypeError, RecursionError, PeriodError) as exc:  # RecursionError: JSON
        raise _BadRecord(f"期间 {row[0]} 的登记") from exc
