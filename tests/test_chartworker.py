"""The forked chart worker and background work: same bytes as in-process, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import charts
from briefing.background import Background
from briefing.chartworker import ChartJob, ChartWorker, split_jobs
from briefing.cli import app

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the worker needs fork")

JOBS = [
    ChartJob("theme_status_chart", ([("基础研究", 5, 2), ("人才", 3, 0), ("其他", 1, 1)],), {}),
    ChartJob(
        "document_mix_chart",
        (
            [("[1]", {"基础研究": 4, "人才": 2}), ("[2]", {"成果转化": 3})],
            ["基础研究", "成果转化", "人才"],
        ),
        {},
    ),
    ChartJob(
        "indicator_chart",
        ("科技金融：主要金额数据（亿元）", [("基金规模", 197.0, "亿元"), ("贷款", 865.1, "亿元")]),
        {"theme_index": 2},
    ),
    ChartJob("indicator_chart", ("只有一项", [("基金规模", 197.0, "亿元")]), {}),
]


def _in_process() -> list[object]:
    return [getattr(charts, job.function)(*job.args, **job.kwargs) for job in JOBS]


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_worker_draws_the_same_bytes_as_this_process() -> None:
    with ChartWorker.start() as worker:
        assert worker._pid is not None, "fork is available, so the worker must run in a child"
        worker.submit(JOBS)
        drawn = worker.results()
    expected = _in_process()
    assert drawn == expected
    assert drawn[-1] is None  # one figure alone is no chart, in the child as here
    assert all(isinstance(chart, charts.ChartImage) and chart.png for chart in drawn[:3])


def test_a_job_the_child_cannot_draw_fails_here_with_the_real_error() -> None:
    bad = ChartJob("indicator_chart", ("标题",), {})  # missing the items argument
    with ChartWorker.start() as worker:
        worker.submit([JOBS[0], bad])
        with pytest.raises(TypeError, match="items"):
            worker.results()


def test_a_worker_closed_without_jobs_stops_at_once() -> None:
    worker = ChartWorker.start()
    pid = worker._pid
    assert pid is not None
    worker.close()
    assert _gone(pid)  # reaped: no zombie left behind by a run that stopped early


def test_worker_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_SERIAL", "1")
    with ChartWorker.start() as worker:
        assert worker._pid is None
        worker.submit(JOBS[:1])
        assert worker.results() == _in_process()[:1]


def test_charts_are_shared_between_two_drawers_by_their_size() -> None:
    jobs = [JOBS[1], JOBS[0], JOBS[2], JOBS[2], JOBS[0]]
    mine, theirs = split_jobs(jobs)
    assert sorted(mine + theirs) == list(range(len(jobs)))
    assert mine and theirs


def test_background_work_returns_the_same_bytes_as_here() -> None:
    job = Background(lambda: "第1期".encode() * 100_000)
    assert job.result() == "第1期".encode() * 100_000


def test_background_work_that_fails_raises_its_real_error_here() -> None:
    def work() -> bytes:
        raise ValueError("工作簿写不出来")

    job = Background(work)
    with pytest.raises(ValueError, match="工作簿写不出来"):
        job.result()


def test_cancelled_background_work_leaves_no_process() -> None:
    job = Background(lambda: time.sleep(30) or b"")
    pid = job._pid
    assert pid is not None
    job.cancel()
    assert _gone(pid)


def test_parallel_and_serial_builds_write_identical_files(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    parallel = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path / "a"), "-q"])
    monkeypatch.setenv("BRIEFING_SERIAL", "1")
    serial = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path / "b"), "-q"])
    assert parallel.exit_code == serial.exit_code == 0, parallel.output + serial.output
    for name in ("briefing-all.docx", "briefing-all.xlsx"):
        made = (tmp_path / "a" / "all" / name).read_bytes()
        assert made == (tmp_path / "b" / "all" / name).read_bytes(), name


_KILLED_RUN = """
import fcntl, os, sys, time
from briefing.background import Background
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)  # a lock held through a descriptor, as flock-based locks are
job = Background(lambda: time.sleep(5) or b"")
print("ready", flush=True)
time.sleep(60)
"""


def test_a_killed_run_s_background_child_keeps_none_of_its_descriptors(tmp_path: Path) -> None:
    """SIGKILL a run while its workbook child works: the child must not keep the run's locks."""
    import fcntl

    lock_path = tmp_path / ".lock"
    run = subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, str(lock_path)], stdout=subprocess.PIPE, text=True
    )
    assert run.stdout is not None and run.stdout.readline().strip() == "ready"
    run.kill()
    run.wait()
    fd = os.open(lock_path, os.O_RDWR)
    try:
        # The child may not have been scheduled yet; it keeps working for 5 s, so a lock still
        # held after 2 s is one it kept.
        deadline = time.monotonic() + 2
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, "the background child kept the run's lock"
                time.sleep(0.05)
    finally:
        os.close(fd)
