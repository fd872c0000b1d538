"""Monthly runs left alone: numbering, re-runs, --force, the lock, empty months, crashes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.runs import RunState

runner = CliRunner()


@pytest.fixture()
def inputs(tmp_path: Path, seeds_dir: Path) -> Path:
    """Seeds 004 (2022-11-04), 000 (2023-07-27) and 002 (2024-03-27) in one folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (
        "004_38e28bd9a1a18c0a.txt",
        "000_4bc94fbfc6990ecc.txt",
        "002_59947f388a0249c2.txt",
    ):
        shutil.copy(seeds_dir / name, folder / name)
    return folder


def _build(inputs: Path, out: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["build", "-i", str(inputs), "-o", str(out), *args])
    return result.exit_code, result.stderr


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_issues_are_numbered_in_the_order_they_are_made_and_reruns_keep_their_number(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _build(inputs, out, "-p", "2022-11")[0] == 0
    assert _build(inputs, out, "-p", "2023-07")[0] == 0
    assert "第1期" in _text(out / "2022-11" / "briefing-2022-11.docx")
    # numbering is per year of the period's end
    assert "第1期" in _text(out / "2023-07" / "briefing-2023-07.docx")
    assert _build(inputs, out, "-p", "2023-08")[0] == 0
    assert "第2期" in _text(out / "2023-08" / "briefing-2023-08.docx")
    code, err = _build(inputs, out, "-p", "2023-07", "--force")
    assert code == 0
    assert "第1期" in _text(out / "2023-07" / "briefing-2023-07.docx")
    assert "第1期" in err


def test_an_existing_briefing_is_left_untouched_without_force(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(inputs, out, "-p", "2023-07")
    target = out / "2023-07" / "briefing-2023-07.docx"
    before = target.stat().st_mtime_ns, target.read_bytes()
    code, err = _build(inputs, out, "-p", "2023-07")
    assert code == 0
    assert "已存在" in err and "--force" in err
    assert (target.stat().st_mtime_ns, target.read_bytes()) == before


def test_a_forced_rerun_with_the_same_inputs_is_byte_identical(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build(inputs, out, "-p", "2023-07")
    folder = out / "2023-07"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert set(first) == {"briefing-2023-07.docx", "briefing-2023-07.xlsx", "manifest.json"}
    _build(inputs, out, "-p", "2023-07", "--force")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first


def test_manifest_records_inputs_template_options_and_outputs(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(inputs, out, "-p", "2023-07")
    manifest = json.loads((out / "2023-07" / "manifest.json").read_text(encoding="utf-8"))
    text = json.dumps(manifest, ensure_ascii=False)
    for fragment in ("000_4bc94fbfc6990ecc.txt", "briefing-2023-07.docx", "sha256"):
        assert fragment in text
    assert manifest["issue_number"] == 1 if "issue_number" in manifest else True


def test_late_arrivals_are_marked_and_old_backlog_is_not_swept_in(
    inputs: Path, tmp_path: Path, seeds_dir: Path
) -> None:
    out = tmp_path / "out"
    _build(inputs, out, "-p", "2023-07")  # the first issue: 2023-07 starts the folder's record
    # a document dated 2023-09 arrives only after the September issue was made
    _build(inputs, out, "-p", "2023-09")
    late = (seeds_dir / "003_6d581c0dd9f637d5.txt").read_text(encoding="utf-8")
    dated = "[ 发布日期 ] 2023-09-15\n\n2023年三季度科技工作情况\n\n" + late
    (inputs / "late.txt").write_text(dated, encoding="utf-8")
    code, _ = _build(inputs, out, "-p", "2023-10")
    assert code == 0
    text = _text(out / "2023-10" / "briefing-2023-10.docx")
    assert "补报" in text
    # 004 (2022-11) is older than the first issue: never swept in
    assert "支持区县科技创新发展的指导意见" not in text


def test_an_empty_month_is_still_a_numbered_briefing_or_skipped(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, _ = _build(inputs, out, "-p", "2023-06")
    assert code == 0
    text = _text(out / "2023-06" / "briefing-2023-06.docx")
    assert "本期无新增文件" in text and "第1期" in text
    code, err = _build(inputs, out, "-p", "2023-05", "--skip-empty")
    assert code == 0
    assert "未生成" in err
    assert not (out / "2023-05" / "briefing-2023-05.docx").exists()


def test_a_second_run_on_the_same_output_exits_3_at_once(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with RunState.open(out):
        started = time.monotonic()
        code, err = _build(inputs, out, "-p", "2023-07")
        assert code == 3
        assert time.monotonic() - started < 20  # "at once": not waiting for the lock
        assert "正被另一个 briefing 进程使用" in err


def test_log_json_writes_one_parsable_line(inputs: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", "-i", str(inputs), "-o", str(tmp_path), "-p", "2023-07", "--log-json"]
    )
    assert result.exit_code == 0
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["status"] == "made" and record["issue"] == 1 and record["exit_code"] == 0


def _valid_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


@pytest.mark.parametrize("delay", [0.3, 1.0, 1.8, 2.6])
def test_sigkill_during_a_forced_rebuild_never_breaks_the_earlier_briefing(
    inputs: Path, tmp_path: Path, delay: float
) -> None:
    out = tmp_path / "out"
    assert _build(inputs, out, "-p", "2023-07")[0] == 0
    target = out / "2023-07" / "briefing-2023-07.docx"
    before = target.read_bytes()
    child = subprocess.Popen(
        [
            *(sys.executable, "-m", "briefing", "build", "-i", str(inputs), "-o", str(out)),
            *("-p", "2023-07", "--force", "--quiet"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert _valid_docx(target)
    # same inputs: whatever finished is the same briefing
    assert target.read_bytes() == before
    with RunState.open(out) as state:
        assert state.integrity_ok()
    # the next run works and finds (or rebuilds) the issue with its number
    code, _ = _build(inputs, out, "-p", "2023-07")
    assert code == 0
    assert "第1期" in _text(target)


def test_a_monthly_run_unpacks_only_the_documents_its_issue_covers(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _build(inputs, out, "-p", "2023-07")  # fills the cache; the folder's first issue
    unpacked: list[str] = []
    real_cached = RunState.cached

    def counted(self: RunState, sha256: str, *args: object, **kwargs: object) -> object:
        unpacked.append(sha256)
        return real_cached(self, sha256, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RunState, "cached", counted)
    code, err = _build(inputs, out, "-p", "2024-03")
    assert code == 0, err
    # three documents read from the cache, one of them (002, 2024-03-27) in the issue
    assert "读取文件 3 份，纳入本期 1 份" in err
    assert len(unpacked) == 1
    assert "第1期" in _text(out / "2024-03" / "briefing-2024-03.docx")


def test_a_monthly_issue_says_what_changed_since_the_previous_one(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Two issues in one folder: July has seed 000 (技术合同成交额 2022: 超630.5亿元); August
    a city's annual summary (seed 003, dated and signed) with 2023's 865.1亿元."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / "000_4bc94fbfc6990ecc.txt", folder / "july.txt")
    out = tmp_path / "out"
    assert _build(folder, out, "-p", "2023-07")[0] == 0
    july = _text(out / "2023-07" / "briefing-2023-07.docx")
    assert "较上期" not in july  # the first issue has nothing to compare with
    summary = (seeds_dir / "003_6d581c0dd9f637d5.txt").read_text(encoding="utf-8")
    head = "[ 发布日期 ] 2023-08-15\n\n[ 发布机构 ] 重庆市科学技术局\n\n2023年全市科技工作情况\n\n"
    (folder / "august.txt").write_text(head + summary, encoding="utf-8")
    assert _build(folder, out, "-p", "2023-08")[0] == 0
    august = _text(out / "2023-08" / "briefing-2023-08.docx")
    assert "与上期第1期（2023年7月）相比" in august
    # how many documents are new is said once, in 本期要点's first sentence
    assert "本期新增文件1份" in august and "本期新收录文件" not in august
    assert "措施数较上期" in august
    # the figure July printed, updated: its change computed from the two cited values
    assert (
        "技术合同成交额（重庆市）2023年达到865.1亿元，较2022年的超630.5亿元（见第1期[1]）"
        "增长约37.2%[1]。"
    ) in august
    assert round((865.1 - 630.5) / 630.5 * 100, 1) == 37.2


def test_a_previous_manifest_edited_into_another_shape_is_a_warning_not_a_traceback(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Valid JSON, but its facts are not what this tool writes (`figures` null): every later
    month ended in a TypeError traceback, until someone found and fixed the file by hand."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / "000_4bc94fbfc6990ecc.txt", folder / "july.txt")
    out = tmp_path / "out"
    assert _build(folder, out, "-p", "2023-07")[0] == 0
    july_manifest = out / "2023-07" / "manifest.json"
    data = json.loads(july_manifest.read_text(encoding="utf-8"))
    data["facts"]["figures"] = None
    july_manifest.write_text(json.dumps(data), encoding="utf-8")
    summary = (seeds_dir / "003_6d581c0dd9f637d5.txt").read_text(encoding="utf-8")
    head = "[ 发布日期 ] 2023-08-15\n\n[ 发布机构 ] 重庆市科学技术局\n\n2023年全市科技工作情况\n\n"
    (folder / "august.txt").write_text(head + summary, encoding="utf-8")

    code, err = _build(folder, out, "-p", "2023-08", "--strict")
    assert code == 1 and "Traceback" not in err
    assert f"{july_manifest}: 上期（第1期）清单中的比较数据已损坏（figures 不是数据的列表）" in err
    code, err = _build(folder, out, "-p", "2023-08")
    assert code == 0, err
    assert "本期不作较上期比较" in err
    august = _text(out / "2023-08" / "briefing-2023-08.docx")
    assert "技术合同成交额" in august and "与上期第1期" not in august


def test_the_issue_after_one_for_a_range_of_months_compares_with_it(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """`-p 2023-06..2023-07` records its issue as `2023-06_2023-07`: the next month's run read
    that back as a --period and stopped with 无法识别的期间：2023-06_2023-07 (exit 2)."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / "000_4bc94fbfc6990ecc.txt", folder / "july.txt")
    out = tmp_path / "out"
    assert _build(folder, out, "-p", "2023-06..2023-07")[0] == 0
    summary = (seeds_dir / "003_6d581c0dd9f637d5.txt").read_text(encoding="utf-8")
    head = "[ 发布日期 ] 2023-08-15\n\n[ 发布机构 ] 重庆市科学技术局\n\n2023年全市科技工作情况\n\n"
    (folder / "august.txt").write_text(head + summary, encoding="utf-8")
    code, err = _build(folder, out, "-p", "2023-08")
    assert code == 0, err
    august = _text(out / "2023-08" / "briefing-2023-08.docx")
    assert "与上期第1期（2023年6月至2023年7月）相比" in august


def test_a_damaged_previous_manifest_is_a_warning_not_a_silent_loss_of_the_comparison(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Last month's manifest holds what 较上期 compares with. If it was damaged (a half-copied
    backup, an editor's stray save), this month's run says which file and why, still writes the
    briefing without 较上期, and --strict refuses to go on."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seeds_dir / "000_4bc94fbfc6990ecc.txt", folder / "july.txt")
    out = tmp_path / "out"
    assert _build(folder, out, "-p", "2023-07")[0] == 0
    july_manifest = out / "2023-07" / "manifest.json"
    july_manifest.write_text('{"facts": ', encoding="utf-8")
    summary = (seeds_dir / "003_6d581c0dd9f637d5.txt").read_text(encoding="utf-8")
    head = "[ 发布日期 ] 2023-08-15\n\n[ 发布机构 ] 重庆市科学技术局\n\n2023年全市科技工作情况\n\n"
    (folder / "august.txt").write_text(head + summary, encoding="utf-8")

    code, err = _build(folder, out, "-p", "2023-08", "--strict")
    assert code == 1
    assert f"{july_manifest}: 上期（第1期）清单已损坏" in err
    assert not (out / "2023-08" / "briefing-2023-08.docx").exists()

    code, err = _build(folder, out, "-p", "2023-08")
    assert code == 0, err
    assert "本期不作较上期比较" in err and "警告 1 条" in err
    august = _text(out / "2023-08" / "briefing-2023-08.docx")
    assert "技术合同成交额" in august and "与上期第1期" not in august
    assert "措施数较上期" not in august
    # the briefing's own list of processing warnings tells the reader too
    assert "上期（第1期）清单已损坏" in august
    # the damaged file is left as it was: it is the user's to restore
    assert july_manifest.read_text(encoding="utf-8") == '{"facts": '
