"""Draw the charts in a forked child that starts before the build needs them.

A cold build spends about as long importing matplotlib and loading the CJK font as it spends
importing pandas and reading the documents. Neither needs the other, so `briefing build` forks this
worker first: the child imports matplotlib and warms the font while the parent imports pandas,
extracts and aggregates; then the parent sends the chart data (plain tuples) and goes on with what
does not need the pictures while the child draws.

The charts are the same bytes whichever process draws them (`briefing.charts` is pure). Where
`fork` is missing, or the child fails in any way, the charts are drawn in-process: the worker only
ever makes a build faster, never different. The child never runs the parent's code: it reads one
batch of jobs, answers, and leaves with `os._exit`; when the parent goes away (an early return, an
error, SIGKILL) the child sees the pipe close and exits too.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, NamedTuple

from briefing import collector
from briefing.forking import can_fork, fork_child, read_message, stop, write_message


class ChartJob(NamedTuple):
    """A call of one public chart function of `briefing.charts`, with picklable arguments."""

    function: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


def run_job(job: ChartJob) -> Any:
    from briefing import charts

    function: Callable[..., Any] = getattr(charts, job.function)
    return function(*job.args, **job.kwargs)


def _serve(jobs_fd: int, results_fd: int) -> None:
    """The child's whole life: warm up, draw one batch, answer. Failures are answered as None."""
    from briefing import charts

    # the parent redraws whatever fails here, and reports the error itself
    with contextlib.suppress(Exception):
        charts.warm_up()
    # forked with the collector paused for the imports (see `briefing.collector`)
    collector.settle()
    raw = read_message(jobs_fd)
    if raw is None:
        return
    # our own parent wrote this pipe
    jobs: list[ChartJob] = pickle.loads(raw)
    write_message(results_fd, pickle.dumps(_draw_shared(jobs), protocol=pickle.HIGHEST_PROTOCOL))


def _draw_all(jobs: Sequence[ChartJob]) -> list[tuple[bool, Any]]:
    results: list[tuple[bool, Any]] = []
    for job in jobs:
        try:
            results.append((True, run_job(job)))
        except Exception:
            results.append((False, None))
    return results


def _estimated_cost(job: ChartJob) -> int:
    """Relative drawing time: a fixed part plus one per bar (measured: ~70 ms + ~8 ms a bar)."""
    bars = [len(arg) for arg in job.args if isinstance(arg, list | tuple)]
    return 9 + (bars[0] if bars else 0)


def split_jobs(jobs: Sequence[ChartJob]) -> tuple[list[int], list[int]]:
    """Job indexes for two drawers with about equal work (longest first, to the lighter one)."""
    loads = [0, 0]
    shares: tuple[list[int], list[int]] = ([], [])
    for index in sorted(range(len(jobs)), key=lambda i: -_estimated_cost(jobs[i])):
        lighter = 0 if loads[0] <= loads[1] else 1
        shares[lighter].append(index)
        loads[lighter] += _estimated_cost(jobs[index])
    return shares


def _draw_shared(jobs: list[ChartJob]) -> list[tuple[bool, Any]]:
    """Draw the jobs, about half of them in a second, forked drawer that inherits the warm state.

    The parent is mostly waiting meanwhile, so on two cores the charts take about half as long.
    A second drawer that fails leaves its jobs unanswered, and the parent draws them itself.
    """
    # macOS system libraries (numpy may use Accelerate) are not safe to use in a child forked
    # after they were loaded; the worker itself is forked before numpy is imported.
    if len(jobs) < 2 or sys.platform == "darwin":
        return _draw_all(jobs)
    mine, theirs = split_jobs(jobs)

    def second_drawer(write_fd: int) -> None:
        answer = _draw_all([jobs[i] for i in theirs])
        write_message(write_fd, pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))

    child = fork_child(second_drawer)
    if child is None:
        return _draw_all(jobs)
    pid, theirs_read = child
    merged: list[tuple[bool, Any]] = [(False, None)] * len(jobs)
    for index, drawn in zip(mine, _draw_all([jobs[i] for i in mine]), strict=True):
        merged[index] = drawn
    raw = read_message(theirs_read)
    os.close(theirs_read)
    stop(pid)
    # our own child wrote this pipe
    answers: list[tuple[bool, Any]] = pickle.loads(raw) if raw is not None else []
    if len(answers) == len(theirs):
        for index, drawn in zip(theirs, answers, strict=True):
            merged[index] = drawn
    return merged


class ChartWorker:
    """A forked child drawing charts; `results` draws here whatever the child could not."""

    def __init__(self, pid: int | None, jobs_fd: int | None, results_fd: int | None) -> None:
        self._pid = pid
        self._jobs_fd = jobs_fd
        self._results_fd = results_fd
        self._jobs: list[ChartJob] = []
        self._sent = 0

    @classmethod
    def start(cls) -> ChartWorker:
        """Fork the worker now (call it before anything opens locks, databases or threads)."""
        if not can_fork():
            return cls(None, None, None)
        jobs_read, jobs_write = os.pipe()

        def serve(results_fd: int) -> None:
            os.close(jobs_write)
            _serve(jobs_read, results_fd)

        child = fork_child(serve)
        os.close(jobs_read)
        if child is None:
            os.close(jobs_write)
            return cls(None, None, None)
        pid, results_read = child
        return cls(pid, jobs_write, results_read)

    @classmethod
    def in_process(cls) -> ChartWorker:
        """A worker that draws every chart in this process (for `briefing context`, tests)."""
        return cls(None, None, None)

    def submit(self, jobs: Sequence[ChartJob]) -> None:
        """Hand the jobs to the child; returns at once. One batch per worker."""
        self._jobs = list(jobs)
        if self._jobs_fd is None:
            return
        try:
            write_message(self._jobs_fd, pickle.dumps(self._jobs, protocol=pickle.HIGHEST_PROTOCOL))
            self._sent = len(self._jobs)
        except OSError:
            self._sent = 0
        os.close(self._jobs_fd)
        self._jobs_fd = None

    def results(self) -> list[Any]:
        """The submitted charts in order; any the child did not draw are drawn here."""
        answers: list[tuple[bool, Any]] = []
        if self._sent and self._results_fd is not None:
            raw = read_message(self._results_fd)
            if raw is not None:
                # our own child wrote this pipe
                answers = pickle.loads(raw)
        self.close()
        if len(answers) != len(self._jobs):
            answers = [(False, None)] * len(self._jobs)
        return [
            value if ok else run_job(job)
            for (ok, value), job in zip(answers, self._jobs, strict=True)
        ]

    def close(self) -> None:
        """Close the pipes and stop the child (see `forking.stop`)."""
        for fd in (self._jobs_fd, self._results_fd):
            if fd is not None:
                os.close(fd)
        self._jobs_fd = self._results_fd = None
        if self._pid is not None:
            stop(self._pid)
            self._pid = None

    def __enter__(self) -> ChartWorker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
