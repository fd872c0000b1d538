"""`briefing state rebuild`: a new state from the manifests beside the briefings.

The way back when `.briefing/state.db` is lost, damaged or replaced, without the two things a
fresh state would do wrong: number the next issue 第1期 again, and treat the existing briefings
as unknown files. Every build writes `manifest.json` (or `<stem>.manifest.json`) beside its files,
with the period, the issue number, the sha256 of each output and every input with its status, so
the issues, their numbers, their files and what each covered can be read back from them.

What is lost: the extraction cache (the next run reads every input again) and the order in which
issues were made, which becomes the order of their periods. The old state file is never deleted:
it is renamed `state.db.old` (`.old.2`, … when that exists), with its journal if it has one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from briefing.inputs import name_text
from briefing.runs.manifest import COVERED, manifest_error, read_manifest
from briefing.runs.selection import CoveredDocument, Identity, identity_path
from briefing.runs.state import (
    DB_NAME,
    STATE_DIR,
    UNBOUNDED_YEAR,
    StateError,
    create_state,
    describe_sqlite_error,
    insert_coverage,
    lock_folder,
    made_briefings,
    os_reason,
    sha256_file,
)


@dataclass
class RebuiltIssue:
    period: str
    number: int
    start: date | None
    end: date | None
    manifests: list[Path] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    coverage: dict[str, CoveredDocument] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.end.year if self.end is not None else UNBOUNDED_YEAR


@dataclass
class Rebuilt:
    issues: list[RebuiltIssue]
    """In the order of their periods (the order they were made is not in the manifests)."""
    kept: Path | None
    """Where the previous state file went, if there was one."""


def _shown(value: object) -> str:
    """A path or value from the output folder as a message shows it: the folder is anyone's who
    can write to it, and a line break or ESC in a folder name would reach the terminal."""
    return name_text(str(value))


def _day(value: Any, manifest: Path) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise StateError(f"{_shown(manifest)} 中的日期无法识别：{_shown(value)}") from None


def read_manifests(output: Path) -> list[RebuiltIssue]:
    """The issues the manifests in `output` describe; StateError naming the file when one cannot
    be read or two disagree (nothing is written then)."""
    root = output.resolve()
    issues: dict[str, RebuiltIssue] = {}
    for manifest in made_briefings(output):
        if manifest.parent.is_symlink():
            # a period folder linked to another folder: its manifest (someone else's) would be
            # read and its files recorded as this folder's; one outside ended in a traceback
            raise StateError(
                f"无法读取 {_shown(manifest)}（所在的期间文件夹是符号链接，出于安全不跟随）；"
                "请删除这个链接后再重建"
            )
        try:
            data = read_manifest(manifest)
            period = data["period"]
            key = str(period["key"])
            number = int(data["issue"]["number"])
            outputs = {str(k): str(v) for k, v in data["outputs"].items()}
            inputs = [item for item in data["inputs"] if item["status"] in COVERED]
            roots = [Path(str(given)) for given in data.get("options", {}).get("inputs") or ()]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = manifest_error(exc) if isinstance(exc, OSError) else "内容不完整或不是 JSON"
            raise StateError(
                f"无法读取 {_shown(manifest)}（{reason}）；请从备份恢复这个文件后再重建"
            ) from None
        if key != manifest.parent.name:
            # every build writes its manifest into the folder named by its period's key; a key
            # that is not is not briefing's (a forged line or ESC sequences in it reached the
            # terminal in the listing below, and the state as a period)
            raise StateError(
                f"{_shown(manifest)} 记录的期间“{_shown(key)}”与所在文件夹的名字不符"
                "（文件可能被改动）；请从备份恢复这个文件后再重建"
            )
        start, end = _day(period.get("start"), manifest), _day(period.get("end"), manifest)
        issue = issues.setdefault(key, RebuiltIssue(key, number, start, end))
        if issue.number != number:
            raise StateError(
                f"{_shown(issue.manifests[0])} 与 {_shown(manifest)} 记录的 {_shown(key)} 期号不同"
                f"（第{issue.number}期、第{number}期）；请移走其中错误的一份后再重建"
            )
        issue.manifests.append(manifest)
        folder = manifest.parent.resolve().relative_to(root)
        for name, digest in outputs.items():
            if Path(name).name != name or name in ("", ".", ".."):
                raise StateError(
                    f"{_shown(manifest)} 中的输出文件名无效：{name!r}；请从备份恢复这个文件后再重建"
                )
            issue.outputs[(folder / name).as_posix()] = digest
        issue.outputs[(folder / manifest.name).as_posix()] = sha256_file(manifest)
        for item in inputs:
            source, day = str(item["source"]), item.get("date")
            issue.coverage.setdefault(
                str(item["sha256"]),
                CoveredDocument(
                    sha256=str(item["sha256"]),
                    source=source,
                    date=day,
                    late=item["status"] == "late",
                    new=bool(item.get("new")),
                    period=key,
                    # manifests made before identities were recorded have path and date only
                    identity=Identity(
                        path=identity_path(source, roots),
                        doc_no=item.get("doc_no"),
                        index_no=item.get("index_no"),
                        title=item.get("title"),
                        date=day,
                    ),
                    updated=item["status"] == "updated",
                ),
            )
    ordered = sorted(
        issues.values(),
        key=lambda i: (i.start is None, i.start or date.min, i.end or date.min, i.period),
    )
    taken: dict[tuple[int, int], RebuiltIssue] = {}
    for issue in ordered:
        other = taken.setdefault((issue.year, issue.number), issue)
        if other is not issue:
            raise StateError(
                f"{_shown(other.manifests[0])} 和 {_shown(issue.manifests[0])} 都是"
                f"{issue.year}年第{issue.number}期"
                "（可能是状态丢失后期号被重新编过）；请移走其中不该保留的一期后再重建"
            )
    return ordered


def _free_name(path: Path) -> Path:
    candidate = path.with_name(path.name + ".old")
    serial = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.old.{serial}")
        serial += 1
    return candidate


def rebuild_state(output: Path) -> Rebuilt:
    """Replace the output folder's state with one rebuilt from its manifests, under its lock."""
    if not output.is_dir():
        raise StateError(f"输出文件夹不存在：{output}")
    lock = lock_folder(output)
    try:
        issues = read_manifests(output)
        path = output / STATE_DIR / DB_NAME
        fresh = path.with_name(DB_NAME + ".rebuilt")
        with contextlib.suppress(FileNotFoundError):
            fresh.unlink()
        create_state(fresh)
        try:
            _fill(fresh, issues)
        except sqlite3.Error as exc:
            fresh.unlink()
            raise StateError(describe_sqlite_error(exc, fresh, output)) from exc
        kept = None
        if path.exists():
            kept = _free_name(path)
            os.replace(path, kept)
            # a hot journal left beside a new state would be rolled back into it
            journal = path.with_name(DB_NAME + "-journal")
            if journal.exists():
                os.replace(journal, kept.with_name(kept.name + "-journal"))
        os.replace(fresh, path)
    except OSError as exc:
        raise StateError(f"重建状态失败：{exc.filename or ''}{os_reason(exc)}") from exc
    finally:
        lock.release()
    return Rebuilt(issues, kept)


def _fill(path: Path, issues: list[RebuiltIssue]) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=FULL")
        db.execute("BEGIN IMMEDIATE")
        for seq, issue in enumerate(issues, start=1):
            db.execute(
                "INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    issue.period,
                    issue.year,
                    issue.number,
                    seq,
                    issue.start.isoformat() if issue.start else None,
                    issue.end.isoformat() if issue.end else None,
                    json.dumps(issue.outputs, sort_keys=True),
                ),
            )
            insert_coverage(db, [issue.coverage[sha] for sha in sorted(issue.coverage)])
        db.execute("COMMIT")
    finally:
        db.close()
