"""The run state never lies: a damaged, foreign, empty, read-only or full state is a clear error
(exit 1, no traceback), refused rather than reset, and no earlier briefing changes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.model import DocumentEntry, ExtractedDocument, Metadata
from briefing.periods import parse_period
from briefing.runs import Identity, RunState, StateError, same_document
from briefing.runs.selection import identity_path, relative_source

runner = CliRunner()

SEED_2023_07 = "000_4bc94fbfc6990ecc.txt"
SEED_2024_03 = "002_59947f388a0249c2.txt"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """Seeds 000 (2023-07-27) and 002 (2024-03-27) in one folder."""
    folder = tmp_path_factory.mktemp("state") / "in"
    folder.mkdir()
    for name in (SEED_2023_07, SEED_2024_03):
        shutil.copy(seeds_dir / name, folder / name)
    return folder


def build(inputs: Path, out: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["build", "-i", str(inputs), "-o", str(out), "-q", *args])
    # a traceback is never what a user sees (CliRunner keeps the exception instead of printing)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def snapshot(out: Path) -> dict[str, bytes]:
    """Every briefing file in the output folder (the state itself aside)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".briefing" not in p.parts
    }


@pytest.fixture(scope="module")
def made_once(inputs: Path) -> Path:
    out = inputs.parent / "made"
    assert build(inputs, out, "-p", "2023-07")[0] == 0
    return out


@pytest.fixture()
def made(made_once: Path, tmp_path: Path) -> Path:
    """An output folder with one briefing (2023-07, 第1期), the test's own copy."""
    return Path(shutil.copytree(made_once, tmp_path / "out"))


def state_db(out: Path) -> Path:
    return out / ".briefing" / "state.db"


# ---------------------------------------------------------------- refused, never reset


def _empty(db: Path) -> None:
    db.write_bytes(b"")


def _random(db: Path) -> None:
    db.write_bytes(bytes(range(256)) * 64)


def _foreign(db: Path) -> None:
    db.unlink()
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        other.execute("INSERT INTO customers VALUES (1, '张三')")
    other.close()


def _other_application(db: Path) -> None:
    with sqlite3.connect(db) as other:
        other.execute("PRAGMA application_id = 1234")
    other.close()


def _other_schema(db: Path) -> None:
    # our marker, but an issues table of another layout
    db.unlink()
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        other.execute("INSERT INTO meta VALUES ('schema', '1')")
        other.execute("CREATE TABLE issues (period TEXT, n INTEGER)")
        other.execute("CREATE TABLE coverage (period TEXT)")
    other.close()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_empty, "0 字节"),
        (_random, "不是 briefing 的状态文件"),
        (_foreign, "不是 briefing 的状态文件"),
        (_other_application, "属于其他程序"),
        (_other_schema, "结构不对"),
    ],
)
def test_an_empty_or_foreign_state_is_refused_and_left_as_it_is(
    made: Path, inputs: Path, damage: Any, said: str
) -> None:
    damage(state_db(made))
    state_before = state_db(made).read_bytes()
    briefings = snapshot(made)
    code, err = build(inputs, made, "-p", "2024-03")
    assert code == 1
    assert said in err
    # the advice is safe to follow: restore, or rebuild from the manifests; never "move it away"
    assert "briefing state rebuild" in err and "备份" in err
    assert state_db(made).read_bytes() == state_before
    assert snapshot(made) == briefings  # no 2024-03 numbered 第1期 again, nothing replaced


def test_garbage_pages_in_the_middle_of_the_state_are_found_before_any_output(
    made: Path, inputs: Path
) -> None:
    db = state_db(made)
    data = bytearray(db.read_bytes())
    pages = len(data) // 4096
    assert pages >= 4, "the seeds' cache should span several pages"
    middle = (pages // 2) * 4096
    data[middle : middle + 2 * 4096] = b"\xa5" * (2 * 4096)
    db.write_bytes(bytes(data))
    briefings = snapshot(made)
    for args in (["-p", "2024-03"], ["-p", "2023-07", "--force"]):
        code, err = build(inputs, made, *args)
        assert code == 1
        assert "已损坏" in err and "briefing state rebuild" in err
        assert snapshot(made) == briefings


# ---------------------------------------------------------------- not writable, disk full


@pytest.fixture()
def read_only_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every SQLite connection opens read-only, as a state on a read-only file or mount does
    (chmod would not do: the suite may run as root, whom file modes do not stop)."""
    connect = sqlite3.connect

    def read_only(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(
            f"file:{database}?mode=ro", *args, uri=True, **kwargs
        )
        return connection

    monkeypatch.setattr(sqlite3, "connect", read_only)


def test_a_read_only_state_fails_before_any_output_is_written(
    made: Path, inputs: Path, read_only_state: None
) -> None:
    briefings = snapshot(made)
    for args in (["-p", "2024-03"], ["-p", "2023-07", "--force"]):
        code, err = build(inputs, made, *args)
        assert code == 1
        assert "不能写入" in err and "只读" in err
        assert snapshot(made) == briefings
    assert not (made / "2024-03").exists()


class _FullDisk(sqlite3.Connection):
    """A connection whose disk fills while an issue is being recorded: the commit fails."""

    recording = False

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.startswith("INSERT INTO issues"):
            _FullDisk.recording = True
        if sql == "COMMIT" and _FullDisk.recording:
            _FullDisk.recording = False
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


@pytest.fixture()
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    connect = sqlite3.connect

    def filling(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return connect(database, *args, factory=_FullDisk, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", filling)
    yield
    _FullDisk.recording = False


def test_a_full_disk_while_recording_records_nothing_and_says_so(
    made: Path, inputs: Path, full_disk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = {k: v for k, v in snapshot(made).items() if k.startswith("2023-07/")}
    code, err = build(inputs, made, "-p", "2024-03")
    assert code == 1
    assert "磁盘空间不足" in err and "没有登记" in err
    assert {k: v for k, v in snapshot(made).items() if k.startswith("2023-07/")} == earlier
    monkeypatch.undo()
    with RunState.open(made) as state:
        assert [i.period for i in state.issues()] == ["2023-07"]
        assert state.coverage(parse_period("2024-03")) == []
    # once there is room again, the same run makes the issue with the number it would have had
    assert build(inputs, made, "-p", "2024-03")[0] == 0
    with RunState.open(made) as state:
        issue = state.issue(parse_period("2024-03"))
        assert issue is not None and issue.number == 1  # first of 2024


def test_a_state_left_by_a_run_killed_while_creating_it_is_never_empty(tmp_path: Path) -> None:
    # the state is built beside its final name and renamed: a leftover is not the state
    folder = tmp_path / ".briefing"
    folder.mkdir()
    (folder / "state.db.new").write_bytes(b"")
    with RunState.open(tmp_path) as state:
        assert state.issues() == []
    assert not (folder / "state.db.new").exists()
    with pytest.raises(StateError, match="0 字节"):
        (folder / "state.db").write_bytes(b"")
        RunState.open(tmp_path)


# ---------------------------------------------------------------- without a state


def test_without_its_state_a_folder_of_briefings_is_refused_until_the_state_is_rebuilt(
    made: Path, inputs: Path
) -> None:
    assert build(inputs, made, "-p", "2023-08")[0] == 0  # 第2期 (an empty month)
    shutil.rmtree(made / ".briefing")
    briefings = snapshot(made)
    for args in (["-p", "2023-07"], ["-p", "2023-09"]):
        code, err = build(inputs, made, *args)
        assert code == 1
        assert "没有状态文件" in err and "briefing state rebuild" in err
        assert snapshot(made) == briefings  # neither replaced nor numbered 第1期 again

    result = runner.invoke(app, ["state", "rebuild", "-o", str(made)])
    assert result.exit_code == 0, result.stderr
    assert "2023-07  第1期" in result.stderr and "2023-08  第2期" in result.stderr
    with RunState.open(made) as state:
        july = parse_period("2023-07")
        assert [c.source.rsplit("/", 1)[-1] for c in state.coverage(july)] == [SEED_2023_07]
    july_docx = made / "2023-07" / "briefing-2023-07.docx"
    written = july_docx.stat().st_mtime_ns
    assert build(inputs, made, "-p", "2023-07")[0] == 0
    assert july_docx.stat().st_mtime_ns == written  # the rebuilt state knows its files
    assert build(inputs, made, "-p", "2023-09")[0] == 0
    manifest = json.loads((made / "2023-09" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["issue"]["number"] == 3
    assert {k: v for k, v in snapshot(made).items() if not k.startswith("2023-09/")} == briefings


def test_rebuild_keeps_the_old_state_and_refuses_manifests_that_disagree(made: Path) -> None:
    db = state_db(made)
    db.write_bytes(b"")
    copy = made / "2023-08"
    shutil.copytree(made / "2023-07", copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["period"]["key"] = "2023-08"
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = runner.invoke(app, ["state", "rebuild", "-o", str(made)])
    assert result.exit_code == 1
    assert "都是2023年第1期" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b"" and not db.with_name("state.db.old").exists()

    # round 9: a period key that is not its folder's name is not briefing's; it reached the
    # terminal as it was (ESC sequences, a forged line) and the state as a period
    manifest["period"]["key"] = "2023-08\x1b]2;x\x07\n已重建：一切正常"
    manifest["issue"]["number"] = 2
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = runner.invoke(app, ["state", "rebuild", "-o", str(made)])
    assert result.exit_code == 1
    assert "记录的期间“2023-08\\x1b]2;x\\x07\\n已重建：一切正常”与所在文件夹的名字不符" in (
        result.stderr
    )
    assert "\x1b" not in result.stderr
    assert db.read_bytes() == b"" and not db.with_name("state.db.old").exists()

    shutil.rmtree(copy)
    result = runner.invoke(app, ["state", "rebuild", "-o", str(made)])
    assert result.exit_code == 0, result.stderr
    assert db.with_name("state.db.old").read_bytes() == b""  # kept, never deleted
    with RunState.open(made) as state:
        assert [(i.period, i.number) for i in state.issues()] == [("2023-07", 1)]


def test_rebuild_refuses_a_period_folder_linked_elsewhere(made: Path, tmp_path: Path) -> None:
    """Round 14: a period folder replaced by a link to a folder outside ended `state rebuild`
    with an English traceback (ValueError: … is not in the subpath of …), after reading the
    manifest there."""
    db = state_db(made)
    db.write_bytes(b"")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(made / "2023-07", elsewhere)
    shutil.rmtree(made / "2023-07")
    (made / "2023-07").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(app, ["state", "rebuild", "-o", str(made)])
    assert result.exit_code == 1
    assert "所在的期间文件夹是符号链接，出于安全不跟随" in result.stderr
    assert not isinstance(result.exception, ValueError), result.exception
    assert db.read_bytes() == b"" and not db.with_name("state.db.old").exists()


def test_without_a_state_an_existing_briefing_is_replaced_only_with_force(
    made: Path, inputs: Path
) -> None:
    # a state that knows nothing of the folder's files: no manifest says what they are
    (made / "2023-07" / "manifest.json").unlink()
    shutil.rmtree(made / ".briefing")
    briefings = snapshot(made)
    code, err = build(inputs, made, "-p", "2023-07")
    assert code == 1
    assert "briefing-2023-07.docx 已存在" in err and "--force" in err
    assert snapshot(made) == briefings
    assert build(inputs, made, "-p", "2023-07", "--force")[0] == 0
    assert (made / "2023-07" / "manifest.json").exists()


def test_files_a_killed_run_wrote_are_its_own_and_anyone_elses_are_not(tmp_path: Path) -> None:
    docx = tmp_path / "2024-02" / "briefing-2024-02.docx"
    docx.parent.mkdir()
    docx.write_bytes(b"someone else's")
    with RunState.open(tmp_path) as state:
        with pytest.raises(StateError, match="已存在"):
            state.claim_outputs([docx])
        state.claim_outputs([docx], force=True)
    with RunState.open(tmp_path) as state:
        state.claim_outputs([docx])  # claimed once: the state's own from now on


# ---------------------------------------------------------------- identity: 更新, not 补报


def ident(
    path: str | None = "a.txt",
    doc_no: str | None = None,
    index_no: str | None = None,
    title: str | None = "关于推进科技创新的通知",
    day: str | None = "2024-03-10",
) -> Identity:
    return Identity(path=path, doc_no=doc_no, index_no=index_no, title=title, date=day)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a 发文字号 decides, whatever else changed
        (ident(doc_no="渝府发〔2024〕3号"), ident("b.txt", "渝府发〔2024〕3号", title="x"), True),
        # a file name reused for another document is not the same document
        (ident(doc_no="渝府发〔2024〕3号"), ident(doc_no="渝府发〔2024〕4号"), False),
        (ident(index_no="115000-2024-01"), ident("b.txt", index_no="115000-2024-01"), True),
        (ident(index_no="115000-2024-01"), ident(index_no="115000-2024-02"), False),
        # without numbers: the same file with its title or its date corrected
        (ident(), ident(day="2024-03-11"), True),
        (ident(), ident(title="关于推进科技创新的通知（修订）"), True),
        (ident(), ident(title="另一份文件", day="2024-04-02"), False),
        # moved or renamed: title and date
        (ident(), ident("archive/a-final.txt"), True),
        (ident(), ident("b.txt", day="2024-03-11"), False),
        # a record inside a JSONL file is not known by its line
        (ident(None), ident(None, title="另一份文件"), False),
        (ident(None, title=None), ident(None, title=None), False),
    ],
)
def test_the_identity_rule(a: Identity, b: Identity, same: bool) -> None:
    assert same_document(a, b) is same
    assert same_document(b, a) is same


def test_a_source_is_known_by_its_path_inside_the_input_folder() -> None:
    assert relative_source("in/sub/a.txt", [Path("in")]) == "sub/a.txt"
    assert relative_source("/srv/in/sub/a.txt", [Path("/srv/in")]) == "sub/a.txt"
    assert relative_source("docs/a.txt", [Path("docs/a.txt")]) == "a.txt"  # a file given by name
    assert identity_path("in/batch.jsonl#12", [Path("in")]) is None


def _document(source: str, sha: str, day: str, doc_no: str | None = None) -> ExtractedDocument:
    return ExtractedDocument(
        source=source,
        sha256=sha,
        format="text",
        metadata=Metadata(title="关于推进科技创新的通知", written_date=day, doc_no=doc_no),
        body="正文",
    )


def _doc(source: str, sha: str, day: str, doc_no: str | None = None) -> DocumentEntry:
    """A document as selection sees it."""
    return DocumentEntry.of(_document(source, sha, day, doc_no))


def test_a_document_resaved_with_a_correction_is_an_update_not_a_late_arrival(
    tmp_path: Path,
) -> None:
    march, april = parse_period("2024-03"), parse_period("2024-04")
    first = _doc("/srv/in/a.txt", "sha-1", "2024-03-10")
    other = _doc("/srv/in/b.txt", "sha-b", "2024-03-20", doc_no="渝科发〔2024〕9号")
    with RunState.open(tmp_path) as state:
        selection = state.select_documents([first, other], march, [Path("/srv/in")])
        state.record_issue(march, 1, selection, {})
        # April, run from another folder: the same files under other names
        edited = _doc("in/a.txt", "sha-2", "2024-03-10")
        late = _doc("in/c.txt", "sha-c", "2024-03-25")
        new = _doc("in/d.txt", "sha-d", "2024-04-02")
        docs = [edited, late, new, replace(other, source="in/b.txt")]
        selection = state.select_documents(docs, april, [Path("in")])
    assert [d.source for d in selection.late] == ["in/c.txt"]
    assert [d.source for d in selection.updated] == ["in/a.txt"]
    assert [selection.mark(d) for d in selection.documents] == ["更新", "补报", "新增"]
    assert selection.updates["sha-2"].sha256 == "sha-1"
    notes = "\n".join(selection.notes)
    assert "补报 1 份（日期早于本期、此前各期未收录）：in/c.txt" in notes
    assert "更新 1 份" in notes and "in/a.txt（原收录于 2024-03）" in notes
    assert selection.cumulative == 4  # a, b, c, d: the update is not a fifth document


def test_a_state_of_the_first_format_is_upgraded_and_knows_its_documents_by_path(
    tmp_path: Path,
) -> None:
    march, april = parse_period("2024-03"), parse_period("2024-04")
    with RunState.open(tmp_path) as state:
        state.record_issue(
            march, 1, state.select_documents([_doc("in/a.txt", "sha-1", "2024-03-10")], march), {}
        )
    with sqlite3.connect(state_db(tmp_path)) as db:  # as format 1 recorded it
        for column in ("path", "doc_no", "index_no", "title", "updated"):
            db.execute(f"ALTER TABLE coverage DROP COLUMN {column}")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    db.close()
    with RunState.open(tmp_path) as state:
        edited = _doc("in/a.txt", "sha-2", "2024-03-10")
        selection = state.select_documents([edited], april)
        assert selection.mark(edited) == "更新"
    with sqlite3.connect(state_db(tmp_path)) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("3",)
    db.close()


def test_a_march_document_edited_by_one_character_is_updated_in_april(
    made: Path, inputs: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(inputs, folder)
    assert build(folder, made, "-p", "2024-03")[0] == 0
    seed = folder / SEED_2024_03
    text = seed.read_text(encoding="utf-8")
    assert "提出74条具体整改措施" in text
    seed.write_text(text.replace("提出74条具体整改措施", "提出75条具体整改措施"), encoding="utf-8")
    assert build(folder, made, "-p", "2024-04")[0] == 0
    manifest = json.loads((made / "2024-04" / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [i for i in manifest["inputs"] if i["source"].endswith(SEED_2024_03)]
    assert entry["status"] == "updated" and entry["new"]
    assert manifest["counts"]["late"] == 0 and manifest["counts"]["updated"] == 1
    notes = "\n".join(manifest["notes"])
    assert "此前各期未收录" not in notes
    assert "原收录于 2024-03" in notes
    # the state rebuilt from the manifests knows the update too
    shutil.rmtree(made / ".briefing")
    assert runner.invoke(app, ["state", "rebuild", "-o", str(made)]).exit_code == 0
    with RunState.open(made) as state:
        [covered] = state.coverage(parse_period("2024-04"))
        assert covered.updated and covered.identity is not None
        assert covered.identity.path == SEED_2024_03


def test_records_the_state_cannot_read_and_unusable_paths_are_clear_errors(
    tmp_path: Path,
) -> None:
    with RunState.open(tmp_path) as state:
        state.record_issue(
            parse_period("2024-03"), 1, state.select_documents([], parse_period("2024-03")), {}
        )
    with sqlite3.connect(state_db(tmp_path)) as db:
        db.execute("UPDATE issues SET outputs = 'not json', start = 'someday'")
    db.close()
    with RunState.open(tmp_path) as state, pytest.raises(StateError, match="无法读取的记录"):
        state.issues()
    # JSON nested past Python's recursion limit: a RecursionError traceback before
    with sqlite3.connect(state_db(tmp_path)) as db:
        db.execute("UPDATE issues SET outputs = ?, start = NULL", ("[" * 100_000,))
    db.close()
    with RunState.open(tmp_path) as state, pytest.raises(StateError, match="无法读取的记录"):
        state.issues()
    # a period no build records: the next run said 无法识别的期间 (exit 2), as if -p were wrong
    with sqlite3.connect(state_db(tmp_path)) as db:
        db.execute("UPDATE issues SET outputs = '{}', period = 'garbage'")
    db.close()
    bad_period = pytest.raises(StateError, match="无法读取的记录（期间 garbage 的登记）")
    with RunState.open(tmp_path) as state, bad_period:
        state.issues()

    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / ".briefing").write_text("a file where the state folder goes")
    with pytest.raises(StateError, match="同名的文件已存在"):
        RunState.open(folder)
    (folder / ".briefing").unlink()
    (folder / ".briefing" / "state.db").mkdir(parents=True)
    with pytest.raises(StateError, match="这是文件夹"):
        RunState.open(folder)
    # a lock planted as a link to another file is not followed (nor that file emptied)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (folder / ".briefing" / "state.db").rmdir()
    (folder / ".briefing" / "lock").unlink()
    (folder / ".briefing" / "lock").symlink_to(victim)
    with pytest.raises(StateError, match="符号链接"):
        RunState.open(folder)
    assert victim.read_text() == "keep me"


def test_a_state_planted_as_a_link_to_another_folders_state_is_not_used(tmp_path: Path) -> None:
    """Whoever can write to a shared output folder could link its .briefing/state.db to the
    state of another output folder: a run here would number its issue from that folder's
    issues and record it there. The link is refused, and the other state is left as it was."""
    other = tmp_path / "另一输出"
    with RunState.open(other) as state:
        assert state.issues() == []
    before = (other / ".briefing" / "state.db").read_bytes()
    folder = tmp_path / "out"
    (folder / ".briefing").mkdir(parents=True)
    (folder / ".briefing" / "state.db").symlink_to(other / ".briefing" / "state.db")
    with pytest.raises(StateError, match="是符号链接，出于安全不跟随"):
        RunState.open(folder)
    assert (other / ".briefing" / "state.db").read_bytes() == before


def test_a_state_folder_planted_as_a_link_to_another_folders_is_not_used(
    tmp_path: Path, inputs: Path
) -> None:
    """The same, one level up: .briefing itself linked to another output folder's (state.db
    inside it is then no link). The run took that folder's lock, numbered its issue after that
    folder's and recorded it there."""
    other = tmp_path / "另一输出"
    assert build(inputs, other, "-p", "2023-07")[0] == 0
    before = (other / ".briefing" / "state.db").read_bytes()
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / ".briefing").symlink_to(other / ".briefing")
    code, output = build(inputs, folder, "-p", "2024-03")
    assert code == 1
    assert f"状态文件夹 {folder / '.briefing'} 是符号链接" in output
    assert (other / ".briefing" / "state.db").read_bytes() == before
    assert not (folder / "2024-03").exists()


def test_a_warning_cached_in_the_state_cannot_drive_the_terminal(
    tmp_path: Path, inputs: Path
) -> None:
    """Round 9: a cached document's warnings are the state's, which anyone who can write to the
    output folder can change; they were printed as stored, ESC sequences (here: retitle the
    terminal) and line breaks (a forged line) included. Every message now shows them escaped."""
    out = tmp_path / "out"
    assert build(inputs, out, "-p", "2023-07")[0] == 0
    with sqlite3.connect(state_db(out)) as db:
        forged = ["\x1b]2;owned\x07伪造的警告\n简报已生成：一切正常"]
        db.execute("UPDATE extracted SET warnings = ?", (json.dumps(forged),))
    db.close()
    code, err = build(inputs, out, "-p", "2024-03")
    assert code == 0
    assert "\x1b" not in err and "\n简报已生成" not in err
    assert "警告：\\x1b]2;owned\\x07伪造的警告\\n简报已生成：一切正常" in err


@pytest.mark.parametrize("how", ["link", "folder"])
def test_a_state_folder_swapped_during_a_run_is_not_read_or_written_through(
    tmp_path: Path, how: str
) -> None:
    """Round 9: SQLite opens state.db once but its journal by name, for every transaction, and
    plays back (then deletes) a journal it finds there before a read. With .briefing renamed
    away during a run and a link to another output folder's put in its place, the next state
    call consumed that folder's journal (here a file of someone else's) and wrote its own
    there. Every state call now first checks the folder is still the one opened."""
    other = tmp_path / "另一输出"
    with RunState.open(other) as state:
        assert state.issues() == []
    journal = other / ".briefing" / "state.db-journal"
    journal.write_text("另一输出文件夹运行中断时留下的日志")
    folder = tmp_path / "out"
    with RunState.open(folder) as state:
        assert state.issues() == []
        (folder / ".briefing").rename(folder / ".briefing.old")
        if how == "link":
            (folder / ".briefing").symlink_to(other / ".briefing")
        else:
            (folder / ".briefing").mkdir()
        with pytest.raises(StateError, match="在运行中被移走或替换"):
            state.issue_number(parse_period("2024-03"))
        with pytest.raises(StateError, match="在运行中被移走或替换"):
            state.issues()
    assert journal.read_text() == "另一输出文件夹运行中断时留下的日志"
    assert sorted(p.name for p in (folder / ".briefing.old").iterdir()) == ["lock", "state.db"]


@pytest.mark.parametrize("inside", [False, True])
def test_a_period_folder_planted_as_a_link_is_never_written_through(
    tmp_path: Path, inputs: Path, inside: bool
) -> None:
    """Whoever can write to a shared output folder could put a link where the next period's
    folder goes: the briefing, workbook and manifest were written wherever it pointed (inside
    the output folder: into another period's folder, recorded there); outside it, the run ended
    in an English traceback. Refused, naming the folder and its target; nothing is written."""
    target = (tmp_path / "out" / "别处") if inside else (tmp_path / "别处")
    target.mkdir(parents=True)
    (tmp_path / "out").mkdir(exist_ok=True)
    (tmp_path / "out" / "2024-03").symlink_to(target)
    code, output = build(inputs, tmp_path / "out", "-p", "2024-03")
    assert code == 1
    assert "Traceback" not in output and "ValueError" not in output
    assert f"文件夹 {tmp_path / 'out' / '2024-03'} 是符号链接（指向 {target}）" in output
    assert list(target.iterdir()) == []


def test_a_period_folder_swapped_for_a_link_during_the_run_is_not_written_through(
    tmp_path: Path, inputs: Path
) -> None:
    """After the outputs are claimed, while the briefing is rendered: the files are written
    through a descriptor of the folder opened without following a link, so the swap is
    refused; the target stays empty and the issue is not recorded."""
    from briefing.atomic import LinkedFolderError
    from briefing.build import build as build_issue
    from briefing.config import Settings

    out = tmp_path / "out"
    target = tmp_path / "别处"
    target.mkdir()

    def swap(stage: str, count: int) -> None:
        if stage == "生成":
            (out / "2024-03").mkdir(exist_ok=True)
            (out / "2024-03").rename(tmp_path / "原来的")
            (out / "2024-03").symlink_to(target)

    with pytest.raises(LinkedFolderError, match="是符号链接"):
        build_issue(Settings(inputs=(inputs,), output=out, period="2024-03"), swap)
    assert list(target.iterdir()) == []
    with RunState.open(out) as state:
        assert state.issue(parse_period("2024-03")) is None


@pytest.mark.parametrize("how", ["absolute", "dot-dot", "linked-manifest", "linked-folder"])
def test_a_previous_manifest_outside_the_folder_is_never_read_for_the_comparison(
    tmp_path: Path, how: str
) -> None:
    """The state names last month's manifest, and 较上期 prints its figures. Whoever can write
    the output folder can edit the state or plant links: a name outside the folder, or a link to
    a manifest elsewhere (another office's, readable by this user only), made the run read that
    file and print its figures in this folder's briefing."""
    from briefing.changes import FACTS_FORMAT
    from briefing.runs.manifest import previous_issue

    elsewhere = tmp_path / "private" / "2023-07"
    elsewhere.mkdir(parents=True)
    secret = elsewhere / "manifest.json"
    secret.write_text(json.dumps({"facts": {"format": FACTS_FORMAT, "themes": {}}}), "utf-8")
    out = tmp_path / "out"
    name = {
        "absolute": secret.as_posix(),
        "dot-dot": "../private/2023-07/manifest.json",
    }.get(how, "2023-07/manifest.json")
    july, august = parse_period("2023-07"), parse_period("2023-08")
    with RunState.open(out) as state:
        state.record_issue(july, 1, state.select_documents([], july), {name: "0" * 64})
    if how == "linked-manifest":
        (out / "2023-07").mkdir()
        (out / "2023-07" / "manifest.json").symlink_to(secret)
    if how == "linked-folder":
        (out / "2023-07").symlink_to(elsewhere)
    with RunState.open(out) as state:
        found = previous_issue(state, august)
    assert found.issue is None
    assert len(found.warnings) == 1 and "本期不作较上期比较" in found.warnings[0]
    assert ("不在输出文件夹" if "linked" not in how else "符号链接") in found.warnings[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("planted", ["fifo", "link-to-dev-zero", "link-outside", "sparse"])
def test_a_briefing_swapped_for_a_fifo_a_link_or_a_huge_file_is_rebuilt_not_read(
    made: Path, inputs: Path, tmp_path: Path, planted: str
) -> None:
    """A rerun of a made period hashes its files to see whether they are still as recorded.
    The files lie in the output folder, where anyone who can write it can swap them: a FIFO kept
    the run (and the folder's lock) waiting for ever, a link to a file outside ended in an English
    ValueError traceback, a link to /dev/zero or a sparse file of terabytes would be read for
    hours. Now such a file is not the issue's: it is replaced, never read or followed."""
    docx = made / "2023-07" / "briefing-2023-07.docx"
    docx.unlink()
    outside = tmp_path / "elsewhere.docx"
    outside.write_bytes(b"not ours")
    if planted == "fifo":
        os.mkfifo(docx)
    elif planted == "link-to-dev-zero":
        docx.symlink_to("/dev/zero")
    elif planted == "link-outside":
        docx.symlink_to(outside)
    else:
        with docx.open("wb") as handle:
            handle.truncate(2 << 40)  # 2 TB, no blocks on disk
    run = subprocess.run(
        [
            *(sys.executable, "-m", "briefing", "build", "-i", str(inputs), "-o", str(made)),
            *("-p", "2023-07", "--quiet"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert not docx.is_symlink() and zipfile.is_zipfile(docx)
    assert outside.read_bytes() == b"not ours"
    with RunState.open(made) as state:
        assert state.existing_outputs(parse_period("2023-07"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("name", ["state.db-journal", "state.db"])
def test_a_fifo_planted_in_the_state_folder_stops_the_run_at_once(
    made: Path, inputs: Path, name: str
) -> None:
    """SQLite opens the state and its rollback journal by name. A FIFO planted as the journal
    (read as a leftover journal to play back) or as the state (read for its header) kept the
    run waiting for a writer for ever, holding the folder's lock: every later run exited 3."""
    planted = made / ".briefing" / name
    planted.unlink(missing_ok=True)
    os.mkfifo(planted)
    run = subprocess.run(
        [
            *(sys.executable, "-m", "briefing", "build", "-i", str(inputs), "-o", str(made)),
            *("-p", "2023-07", "--force"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert (
        f"状态文件夹中的 {planted} 不是普通文件（命名管道（FIFO）），出于安全未打开" in run.stderr
    )


def test_a_link_planted_as_the_journal_is_named_not_taken_for_permissions(
    made: Path, inputs: Path, tmp_path: Path
) -> None:
    """Round 14: SQLite does not follow a link planted as state.db-journal, but every run then
    ended 无法打开状态文件…（文件夹不可写或文件被移走）；请检查 .briefing 文件夹的权限."""
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    planted = made / ".briefing" / "state.db-journal"
    planted.symlink_to(outside)
    code, err = build(inputs, made, "-p", "2023-07", "--force")
    assert code == 1
    assert f"状态文件夹中的 {planted} 不是普通文件（符号链接），出于安全未打开" in err
    assert "权限" not in err
    assert outside.read_text() == "not ours"


def test_a_manifest_nested_past_the_recursion_limit_is_damaged_not_a_crash(
    made: Path, inputs: Path
) -> None:
    """A manifest is a file in the output folder: JSON nested 100 000 deep ended the run with a
    RecursionError traceback, as last month's manifest and while looking for briefings."""
    manifest = made / "2023-07" / "manifest.json"
    manifest.write_text("[" * 100_000, encoding="utf-8")
    code, err = build(inputs, made, "-p", "2024-03")
    assert code == 0 and f"{manifest}: 上期（第1期）清单已损坏" in err
    state_db(made).unlink()
    code, err = build(inputs, made, "-p", "2024-04")
    assert code != 0 and "已有简报" in err


def test_a_manifest_of_millions_of_tiny_values_is_refused_before_it_is_parsed(
    made: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parsed manifest costs memory per value: 64 MB of `[{}, {}, …]` planted as last month's
    manifest took 1.8 GB in every later run. The values are counted first (the bound lowered
    here so the test stays small)."""
    from briefing.runs import manifest as manifests

    monkeypatch.setattr(manifests, "MANIFEST_MAX_VALUES", 10_000)
    manifest = made / "2023-07" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "pad": [{}] * 6000}), encoding="utf-8")
    with RunState.open(made) as state:
        found = manifests.previous_issue(state, parse_period("2024-03"))
    assert found.issue is None
    [warning] = found.warnings
    assert warning.startswith(f"{manifest}: 上期（第1期）清单无法读取（JSON 的值过多（约 ")
    assert "超过 10000 个上限）" in warning and "本期不作较上期比较" in warning
    # the manifest this tool wrote is well within it
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with RunState.open(made) as state:
        assert manifests.previous_issue(state, parse_period("2024-03")).issue is not None


def test_another_tools_manifest_does_not_stop_a_new_state(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "manifest.json").write_text('{"name": "my app", "icons": []}')
    with RunState.open(tmp_path) as state:
        assert state.issues() == []


class _FullWhileCaching(sqlite3.Connection):
    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "COMMIT" and self.in_transaction and _FullWhileCaching.caching:
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        _FullWhileCaching.caching = "extracted" in sql
        return super().executemany(sql, *args)

    caching = False


def test_a_full_disk_while_caching_is_a_clear_error_and_caches_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.connect

    def filling(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return connect(database, *args, factory=_FullWhileCaching, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", filling)
    with RunState.open(tmp_path) as state:
        with pytest.raises(StateError, match="磁盘空间不足"):
            state.store_many([_document("in/a.txt", "sha-1", "2024-03-10")], "v", "lex")
        _FullWhileCaching.caching = False
        assert state.cached("sha-1", "v", "lex") is None
