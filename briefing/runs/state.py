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
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import filelock

from briefing.errors import BriefingError, LockedError
from briefing.model import ExtractedDocument
from briefing.periods import Period
from briefing.runs.records import pack_document, pack_head, unpack_document, unpack_head
from briefing.runs.selection import Selection, select_documents

STATE_DIR = ".briefing"
DB_NAME = "state.db"
LOCK_NAME = "lock"
SCHEMA_VERSION = "1"

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
    PRIMARY KEY (period, sha256)
);
CREATE INDEX IF NOT EXISTS coverage_sha ON coverage (sha256);
CREATE TABLE IF NOT EXISTS extracted (
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    lexicon_sha TEXT NOT NULL,
    record BLOB NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (sha256, tool_version, lexicon_sha)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS file_digests (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    sha256 TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS charts (
    period TEXT NOT NULL,
    key TEXT NOT NULL,
    png BLOB NOT NULL,
    png_sha TEXT NOT NULL,
    PRIMARY KEY (period, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS extracted_head (
    sha256 TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    lexicon_sha TEXT NOT NULL,
    head BLOB NOT NULL,
    PRIMARY KEY (sha256, tool_version, lexicon_sha)
) WITHOUT ROWID;
"""


_SQL_CHUNK = 500  # host parameters per query; SQLite before 3.32 allows 999


def unpack_head_blob(blob: bytes, source: str | None = None) -> ExtractedDocument | None:
    """The head of a cached document (metadata, warnings, notes): enough to decide whether a run
    covers it, at a fraction of the cost of `RunState.cached`. None when it cannot be read."""
    try:
        return unpack_head(zlib.decompress(blob), source=source)
    except (ValueError, TypeError, zlib.error):
        return None


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


@dataclass(frozen=True)
class CoveredDocument:
    sha256: str
    source: str
    date: str | None
    late: bool
    new: bool


def sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def output_digests(output: Path, paths: Iterable[Path]) -> dict[str, str]:
    """`{path relative to output: sha256}` for the finished files of an issue."""
    root = output.resolve()
    return {
        path.resolve().relative_to(root).as_posix(): sha256_file(path) for path in sorted(paths)
    }


def _year(period: Period) -> int:
    return period.end.year if period.end is not None else UNBOUNDED_YEAR


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class RunState:
    """The state of one output folder, held under its lock. Use as a context manager::

    with RunState.open(Path("out")) as state:          # LockedError if another run holds it
        number = state.issue_number(period, first_number=1)
    """

    def __init__(self, output: Path, connection: sqlite3.Connection, lock: filelock.BaseFileLock):
        self.output = output
        self._db = connection
        self._lock = lock

    # ------------------------------------------------------------ opening and closing

    @classmethod
    def open(cls, output: Path, timeout: float = 0) -> RunState:
        """Take the folder's lock (waiting at most `timeout` seconds) and open the state.

        Raises LockedError when another run holds the lock, StateError when the state is unusable.
        """
        folder = output / STATE_DIR
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(f"无法创建状态文件夹 {folder}：{exc.strerror or exc}") from exc
        lock = filelock.FileLock(folder / LOCK_NAME, fallback_to_soft=False)
        try:
            lock.acquire(timeout=timeout)
        except filelock.Timeout:
            raise LockedError(
                f"输出文件夹 {output} 正被另一个 briefing 进程使用；请等它结束后再运行"
            ) from None
        except OSError as exc:
            raise StateError(f"无法锁定输出文件夹 {output}：{exc.strerror or exc}") from exc
        try:
            connection = cls._connect(folder / DB_NAME)
        except BaseException:
            lock.release()
            raise
        return cls(output, connection, lock)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            with _transaction(db):
                # executescript() would commit on its own; one statement at a time stays inside
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                if row is None:
                    db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                elif row[0] != SCHEMA_VERSION:
                    raise StateError(
                        f"状态文件 {path} 由不兼容的版本创建（格式 {row[0]}），请升级 briefing"
                    )
        except BaseException as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise StateError(
                    f"状态文件 {path} 已损坏或无法打开（{exc}）；"
                    "已生成的简报不受影响，可将其移走后重新运行（期号将从头编起）"
                ) from exc
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

    def issue(self, period: Period) -> Issue | None:
        row = self._db.execute(
            'SELECT period, year, number, seq, start, "end", outputs FROM issues WHERE period = ?',
            (period.key,),
        ).fetchone()
        return _issue(row) if row else None

    def issues(self) -> list[Issue]:
        """Every issue, in the order they were first made."""
        rows = self._db.execute(
            'SELECT period, year, number, seq, start, "end", outputs FROM issues ORDER BY seq'
        ).fetchall()
        return [_issue(row) for row in rows]

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

    def first_issue_start(self) -> date | None:
        """The start of the first dated issue made here: older documents are never 补报."""
        row = self._db.execute(
            "SELECT start FROM issues WHERE start IS NOT NULL ORDER BY seq LIMIT 1"
        ).fetchone()
        return _day(row[0]) if row else None

    def covered_shas(self, before_issue: Period | None = None) -> set[str]:
        """Documents covered by dated issues made before `before_issue` (all issues when None
        or when that period has not been made yet). `all` issues do not count: trying the tool
        on everything must not empty the first monthly issue."""
        existing = self.issue(before_issue) if before_issue is not None else None
        limit = existing.seq if existing is not None else None
        query = (
            "SELECT DISTINCT c.sha256 FROM coverage c JOIN issues i ON i.period = c.period "
            "WHERE i.start IS NOT NULL"
        )
        params: tuple[Any, ...] = ()
        if limit is not None:
            query += " AND i.seq < ?"
            params = (limit,)
        return {row[0] for row in self._db.execute(query, params)}

    def coverage(self, period: Period) -> list[CoveredDocument]:
        rows = self._db.execute(
            "SELECT sha256, source, date, late, new FROM coverage WHERE period = ? "
            "ORDER BY date, source",
            (period.key,),
        ).fetchall()
        return [CoveredDocument(r[0], r[1], r[2], bool(r[3]), bool(r[4])) for r in rows]

    def select_documents(self, documents: Sequence[ExtractedDocument], period: Period) -> Selection:
        """What the period's issue covers: in-period documents, 补报, 本期新增, undated ones."""
        first = self.first_issue_start()
        return select_documents(
            documents,
            period,
            covered_before=self.covered_shas(before_issue=period),
            backlog_start=first if first is not None else period.start,
        )

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
                self._db.executemany(
                    "INSERT INTO coverage VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (
                            period.key,
                            doc.sha256,
                            doc.source,
                            doc.date,
                            int(selection.is_late(doc)),
                            int(selection.is_new(doc)),
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

    def existing_outputs(self, period: Period) -> bool:
        """True when the period's issue is recorded and all its files are on disk unchanged.

        False for files left by a run killed before it recorded the issue, or edited or removed
        since: the caller rebuilds them (with the recorded number, if any).
        """
        issue = self.issue(period)
        if issue is None or not issue.outputs:
            return False
        for relative, digest in issue.outputs.items():
            path = self.output / relative
            try:
                if sha256_file(path) != digest:
                    return False
            except OSError:
                return False
        return True

    def remove_stale_temporaries(self, folder: Path) -> list[Path]:
        """Delete the `.<name>.*.tmp` files atomic writes leave when a run is killed.

        Safe only under the lock, which this state holds.
        """
        removed: list[Path] = []
        if not folder.is_dir():
            return removed
        for path in sorted(folder.glob(".*.tmp")):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
        return removed

    # ------------------------------------------------------------ extraction cache

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
            body = zlib.decompress(row[1]).decode("utf-8")
            return unpack_document(zlib.decompress(row[0]), body=body, source=source)
        except (ValueError, TypeError, zlib.error):
            return None  # an unreadable entry is a miss; the next store replaces it

    def cached_head_blobs(
        self, shas: Sequence[str], tool_version: str, lexicon_sha: str
    ) -> dict[str, bytes]:
        """`{sha256: packed head}` of the cached documents among `shas`, in a few queries (one per
        file costs a monthly run over 2,000 files 30 ms). Unpack with `unpack_head_blob`."""
        found: dict[str, bytes] = {}
        unique = sorted(set(shas))
        for start in range(0, len(unique), _SQL_CHUNK):
            chunk = unique[start : start + _SQL_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT sha256, head FROM extracted_head "
                f"WHERE tool_version = ? AND lexicon_sha = ? AND sha256 IN ({marks})",
                (tool_version, lexicon_sha, *chunk),
            )
            found.update((row[0], row[1]) for row in rows)
        return found

    # ------------------------------------------------------------ chart cache

    def cached_charts(self, keys: Sequence[str]) -> dict[str, bytes]:
        """`{key: png}` of the pictures an earlier build drew for these `charts.chart_key`s."""
        found: dict[str, bytes] = {}
        unique = sorted(set(keys))
        for start in range(0, len(unique), _SQL_CHUNK):
            chunk = unique[start : start + _SQL_CHUNK]
            rows = self._db.execute(
                f"SELECT key, png, png_sha FROM charts WHERE key IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for key, png, png_sha in rows:
                # a damaged picture is a miss, never a broken image in a briefing
                if hashlib.sha256(png).hexdigest() == png_sha:
                    found[key] = png
        return found

    def remember_charts(self, slot: str, pictures: Mapping[str, bytes]) -> None:
        """Keep the pictures of a briefing (`{key: png}`) in place of the earlier ones of `slot`
        (its period, and its theme for a 专题): one set per briefing, so the cache grows with the
        issues and no further."""
        with _transaction(self._db):
            self._db.execute("DELETE FROM charts WHERE period = ?", (slot,))
            self._db.executemany(
                "INSERT INTO charts VALUES (?, ?, ?, ?)",
                [
                    (slot, key, png, hashlib.sha256(png).hexdigest())
                    for key, png in sorted(pictures.items())
                ],
            )

    def file_digests(self) -> dict[str, tuple[tuple[int, int, int, int], str]]:
        """`{absolute path: ((size, mtime_ns, ctime_ns, inode), sha256)}` of input files hashed
        by earlier runs (see `runs.cache.FileDigests`)."""
        rows = self._db.execute(
            "SELECT path, size, mtime_ns, ctime_ns, inode, sha256 FROM file_digests"
        )
        return {row[0]: ((row[1], row[2], row[3], row[4]), row[5]) for row in rows}

    def remember_digests(
        self, digests: Iterable[tuple[str, tuple[int, int, int, int], str]]
    ) -> None:
        """Record (path, (size, mtime_ns, ctime_ns, inode), sha256) rows, in one transaction."""
        rows = [(path, *signature, sha) for path, signature, sha in digests]
        if not rows:
            return
        with _transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO file_digests VALUES (?, ?, ?, ?, ?, ?)", rows
            )

    def store(self, doc: ExtractedDocument, tool_version: str, lexicon_sha: str) -> None:
        self.store_many([doc], tool_version, lexicon_sha)

    def store_many(
        self, documents: Iterable[ExtractedDocument], tool_version: str, lexicon_sha: str
    ) -> None:
        """Cache extracted documents (compressed), in one transaction."""
        documents = list(documents)
        with _transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO extracted_head VALUES (?, ?, ?, ?)",
                [
                    (doc.sha256, tool_version, lexicon_sha, _pack(pack_head(doc)))
                    for doc in documents
                ],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO extracted VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        doc.sha256,
                        tool_version,
                        lexicon_sha,
                        _pack(pack_document(doc)),
                        _pack(doc.body),
                    )
                    for doc in documents
                ],
            )

    def prune_cache(self, tool_version: str) -> int:
        """Drop entries made by other tool versions; returns how many went."""
        with _transaction(self._db):
            self._db.execute("DELETE FROM extracted_head WHERE tool_version != ?", (tool_version,))
            cursor = self._db.execute(
                "DELETE FROM extracted WHERE tool_version != ?", (tool_version,)
            )
        return cursor.rowcount

    def integrity_ok(self) -> bool:
        row = self._db.execute("PRAGMA integrity_check").fetchone()
        return bool(row and row[0] == "ok")


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error (autocommit connection)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _pack(text: str) -> bytes:
    # Chinese policy text compresses about 3:1; the cache is most of the state's size.
    return zlib.compress(text.encode("utf-8"), 6)


def _issue(row: Sequence[Any]) -> Issue:
    return Issue(
        period=row[0],
        year=int(row[1]),
        number=int(row[2]),
        seq=int(row[3]),
        start=_day(row[4]),
        end=_day(row[5]),
        outputs=json.loads(row[6]),
    )
