"""`manifest.json` beside each briefing: what went in, with which options, what came out.

Deterministic: no clock, no absolute paths of the machine, sorted keys, inputs sorted by source,
so a re-run with the same inputs writes the same bytes and two manifests diff cleanly.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import stat
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from briefing.atomic import write_text_atomic
from briefing.changes import FACTS_FORMAT, PreviousIssue, facts_problem
from briefing.inputs import escaped, json_text
from briefing.model import DocumentEntry, ExtractedDocument
from briefing.periods import Period, period_of_key
from briefing.readers.common import os_reason
from briefing.readers.json_docs import json_values
from briefing.runs.selection import Selection, document_day
from briefing.runs.state import Issue, RunState, output_digests, sha256_file

MANIFEST_NAME = "manifest.json"
COVERED = frozenset({"in_period", "late", "updated"})
"""The statuses of the inputs an issue covers; the others are not in the briefing."""


def settings_options(settings: Any, exclude: Collection[str] = ("force",)) -> dict[str, Any]:
    """A dataclass of settings (e.g. `config.Settings`) as JSON values; paths as strings.

    `exclude` drops options that do not shape the briefing: a forced re-run must write the
    same manifest as the first run.
    """

    def plain(value: Any) -> Any:
        if isinstance(value, Path):
            # a folder name need not be UTF-8; the manifest is (see briefing.inputs.escaped)
            return escaped(value.as_posix())
        if isinstance(value, Mapping):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return {
        key: plain(value)
        for key, value in dataclasses.asdict(settings).items()
        if key not in exclude
    }


def _input_status(
    doc: DocumentEntry,
    selection: Selection,
    chosen: set[tuple[str, str]],
    content_shas: set[str],
) -> str:
    if not doc.readable:
        # a record of content already read under another name carries none itself
        return "duplicate" if doc.sha256 in content_shas else "unreadable"
    if (doc.source, doc.sha256) in chosen:
        if selection.is_update(doc):
            return "updated"
        return "late" if selection.is_late(doc) else "in_period"
    if document_day(doc) is None:
        return "undated"
    return "outside_period"


def build_manifest(
    *,
    period: Period,
    issue_number: int,
    selection: Selection,
    documents: Sequence[DocumentEntry],
    included: Sequence[ExtractedDocument],
    template: Path,
    outputs: Sequence[Path],
    options: Mapping[str, Any],
    tool_version: str,
    lexicon_sha: str,
    warnings: Sequence[str] = (),
    notes: Sequence[str] = (),
    facts: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest as a dict. `documents`: every document read; `included`: the documents of
    `selection`; `outputs`: the finished files; `facts`: what the next issue compares with
    (`changes.issue_facts`)."""
    chosen = {(d.source, d.sha256) for d in selection.documents}
    content_shas = {d.sha256 for d in documents if d.readable}
    inputs = []
    for doc in documents:
        status = _input_status(doc, selection, chosen, content_shas)
        ident = selection.identity(doc)
        inputs.append(
            {
                "source": doc.source,
                "sha256": doc.sha256,
                "format": doc.format,
                "date": doc.date,
                "status": status,
                "new": status in COVERED and selection.is_new(doc),
                # the identity of the document (`selection.same_document`), for `state rebuild`
                "doc_no": ident.doc_no,
                "index_no": ident.index_no,
                "title": ident.title,
            }
        )
    inputs.sort(key=lambda item: (str(item["source"]), str(item["sha256"])))
    return {
        "tool": {"name": "briefing", "version": tool_version},
        "period": {
            "key": period.key,
            "label": period.label,
            "start": period.start.isoformat() if period.start else None,
            "end": period.end.isoformat() if period.end else None,
        },
        "issue": {"number": issue_number, "label": f"第{issue_number}期"},
        "template": {"name": template.name, "sha256": sha256_file(template, follow_link=True)},
        "lexicon_sha256": lexicon_sha,
        "options": dict(options),
        "inputs": inputs,
        "outputs": {path.name: sha256_file(path) for path in sorted(outputs)},
        "counts": {
            "inputs": len(documents),
            "unreadable": sum(1 for d in documents if not d.readable),
            "included": len(selection.documents),
            "in_period": len(selection.in_period),
            "late": len(selection.late),
            "updated": len(selection.updates),
            "new": len(selection.new_shas),
            "undated": len(selection.undated),
            "cumulative": selection.cumulative,
            "measures": sum(len(d.measures) for d in included),
            "indicators": sum(len(d.indicators) for d in included),
            "warnings": len(warnings),
        },
        "warnings": list(warnings),
        "notes": list(notes),
        **({"facts": dict(facts)} if facts is not None else {}),
    }


MANIFEST_MAX_BYTES = 64 * 1024 * 1024
"""A manifest lists each input once with its digest: some 300 bytes a document. Far above any
real one, and a bound on what a file replaced in the output folder can make a run read."""
MANIFEST_MAX_VALUES = 3_000_000
"""JSON values (`json_values`) of a manifest: some 11 a document, so more than MANIFEST_MAX_BYTES
holds of real ones (300 to 400 bytes a document). A manifest is parsed whole, at a cost per
value: 64 MB of `{}`s, planted as last month's manifest, took 1.8 GB in every later run."""


def read_manifest(path: Path) -> Any:
    """The JSON of a manifest this tool wrote. OSError when it is not a regular file (a FIFO would
    block the run) or is larger than MANIFEST_MAX_BYTES; ValueError when it is not JSON."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer before the check below sees it
    # O_NOFOLLOW: a manifest replaced by a link to a file elsewhere is not read through it
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # EMLINK: FreeBSD's answer to O_NOFOLLOW
            raise OSError(errno.EINVAL, "是符号链接，出于安全不跟随", str(path)) from None
        raise
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MANIFEST_MAX_BYTES:
            raise OSError(errno.EINVAL, "不是本工具写出的清单文件", str(path))
        raw = fh.read(MANIFEST_MAX_BYTES + 1)
        values = json_values(raw)
        if values > MANIFEST_MAX_VALUES:
            reason = f"JSON 的值过多（约 {values} 个，超过 {MANIFEST_MAX_VALUES} 个上限）"
            raise OSError(errno.EINVAL, f"{reason}，不是本工具写出的清单文件", str(path))
        try:
            return json.loads(raw.decode("utf-8"))
        except RecursionError:  # nested past Python's limit: not a manifest this tool wrote
            raise ValueError("JSON nested too deep") from None


@dataclasses.dataclass(frozen=True)
class PreviousLookup:
    """The previous issue found for 较上期, or why there is none to compare with."""

    issue: PreviousIssue | None = None
    warnings: tuple[str, ...] = ()
    """Its manifest is there but unreadable or damaged: hostile input, so --strict fails."""
    notes: tuple[str, ...] = ()
    """Its manifest was deleted, or an earlier version wrote it without facts."""


def previous_issue(state: RunState, period: Period) -> PreviousLookup:
    """The issue this folder made for the period just before `period` (the latest whose period
    ends before this one starts), with the `facts` its manifest keeps. Nothing, silently, for
    `all` and for a first issue. When that issue's manifest is gone, unreadable or holds no
    facts, the briefing says nothing about 较上期 and a warning or note names the manifest and
    why: a monthly run must not drop the comparison without telling anyone."""
    if period.start is None:
        return PreviousLookup()
    earlier = [
        issue
        for issue in state.issues()
        if issue.start is not None and issue.end is not None and issue.end < period.start
    ]
    if not earlier:
        return PreviousLookup()
    issue = max(earlier, key=lambda i: (i.end or period.start, i.seq))
    label = f"第{issue.number}期"
    # the default template's manifest first; another template's holds the same facts
    names = sorted(
        (name for name in issue.outputs if name.endswith("manifest.json")),
        key=lambda name: (not name.endswith("/" + MANIFEST_NAME), name),
    )
    warnings: list[str] = []
    notes: list[str] = []
    for name in names:
        path = state.output / name
        outside = _outside(state.output, name)
        if outside:
            warnings.append(
                f"{state.path}: 上期（{label}）登记的清单 {escaped(name)} {outside}，未读取"
            )
            continue
        try:
            data = read_manifest(path)
        except FileNotFoundError:
            notes.append(f"{path}: 上期（{label}）清单已不存在")
            continue
        except OSError as exc:
            warnings.append(f"{path}: 上期（{label}）清单无法读取（{manifest_error(exc)}）")
            continue
        except ValueError:
            warnings.append(f"{path}: 上期（{label}）清单已损坏，不是有效的 JSON")
            continue
        facts = data.get("facts") if isinstance(data, dict) else None
        if isinstance(facts, dict) and facts.get("format") == FACTS_FORMAT:
            problem = facts_problem(facts)
            if problem is not None:
                warnings.append(f"{path}: 上期（{label}）清单中的比较数据已损坏（{problem}）")
                continue
            found = PreviousIssue(f"{label}（{period_of_key(issue.period).label}）", label, facts)
            return PreviousLookup(found)
        notes.append(f"{path}: 上期（{label}）清单由旧版本生成，没有可比较的数据")
    if not names:
        notes.append(f"{state.output}: 上期（{label}）没有留下清单")
    suffix = "，本期不作较上期比较"
    return PreviousLookup(
        None, tuple(w + suffix for w in warnings), tuple(n + suffix for n in notes)
    )


def _outside(output: Path, name: str) -> str:
    """Why a manifest the state names is not one of this folder's own, or "": the state is a
    file whoever can write the output folder can edit, and an absolute name or `..` would have
    a run read a manifest anywhere (and print its figures as 较上期)."""
    parts = PurePosixPath(name).parts
    if len(parts) != 2 or PurePosixPath(name).is_absolute() or ".." in parts:
        return "不在输出文件夹的期间文件夹中（状态文件可能被改动）"
    if (output / parts[0]).is_symlink():
        return "所在的期间文件夹是符号链接，出于安全不跟随"
    return ""


def manifest_error(exc: OSError) -> str:
    """Why a manifest could not be read, in the user's language (strerror is English, but
    `read_manifest`'s own reasons are Chinese)."""
    if exc.errno == errno.EINVAL and exc.strerror:
        return exc.strerror  # read_manifest's own reason, already Chinese
    return os_reason(exc)


def write_manifest(path: Path, manifest: Mapping[str, Any]) -> None:
    """Write atomically: sorted keys, UTF-8, indented, one line per input, final newline."""
    write_text_atomic(path, manifest_text(manifest), refuse_linked_folder=True)


def manifest_text(manifest: Mapping[str, Any]) -> str:
    """The manifest as JSON, indented, with each input on one line.

    A folder of 2,000 documents is 2,000 lines to read or diff rather than 16,000, and those
    lines go through json's C encoder (an indented dump is pure Python: 70 ms there).
    """
    inputs = manifest.get("inputs", [])
    text = json_text({**manifest, "inputs": []}, sort_keys=True, indent=2)
    lines = ",\n".join("    " + json_text(item, sort_keys=True) for item in inputs)
    listed = '\n  "inputs": [\n' + lines + "\n  ]" if inputs else '\n  "inputs": []'
    # the top-level key, once: keys sort, and a quote inside any value is escaped
    return text.replace('\n  "inputs": []', listed, 1) + "\n"


def finish_issue(
    state: RunState,
    period: Period,
    number: int,
    selection: Selection,
    files: Sequence[Path],
    manifest_path: Path,
    manifest: Mapping[str, Any],
) -> Issue:
    """The last two steps of a build, in the order that makes a crash harmless.

    `files` are the issue's finished briefing files (already renamed into place); the manifest
    goes to `manifest_path` beside them, and only then is the issue recorded with the sha256 of
    all of them. Files other templates made for the same issue stay recorded beside these.
    """
    write_manifest(manifest_path, manifest)
    previous = state.issue(period)
    outputs = dict(previous.outputs) if previous is not None else {}
    outputs.update(output_digests(state.output, [*files, manifest_path]))
    return state.record_issue(period, number, selection, outputs)
