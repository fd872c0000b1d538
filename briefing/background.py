"""Compute bytes in a forked child while this process goes on.

`briefing build` writes the analysts' workbook from the same documents as the briefing, but
neither needs the other: the workbook is made in a child forked once the documents are selected,
while this process draws and renders. The child inherits the documents (no copying), sends back
the finished bytes, and leaves with `os._exit`; nothing is written to disk by it.

The result never depends on where it was computed: when `fork` is missing, or the child fails in
any way, the work runs again here, so a genuine error is raised with its real traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable

from briefing.chartworker import read_message, write_message


def close_inherited(keep: int) -> None:
    """In a forked child: close every descriptor but stdio and `keep`.

    The parent holds its SQLite state, open inputs and its lock (recent filelock releases close
    their own descriptors in a child; a `flock` on any other kept descriptor would stay held). A
    child that outlives a killed parent must not keep the next run locked out, nor those files.
    """
    os.closerange(3, keep)
    os.closerange(keep + 1, _max_descriptors())


def _max_descriptors() -> int:
    try:
        return max(int(os.sysconf("SC_OPEN_MAX")), 256)
    except (AttributeError, ValueError, OSError):
        return 65536


class Background:
    """`work()` started in a forked child; `result()` waits for its bytes."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._work = work
        self._pid: int | None = None
        self._fd: int | None = None
        if not hasattr(os, "fork") or os.environ.get("BRIEFING_SERIAL"):
            return
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # child: never returns
            status = 1
            try:
                close_inherited(keep=write_end)
                # Behind the chart drawers and the render on a busy machine: those are what the
                # run waits for first; this result is needed last.
                with contextlib.suppress(OSError):
                    os.nice(5)
                data = work()
                write_message(write_end, data)
                status = 0
            except BaseException:
                pass  # the parent repeats the work and raises the error itself
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._fd = pid, read_end

    def result(self) -> bytes:
        """The bytes `work()` returned, from the child if it succeeded, else computed here."""
        data: bytes | None = None
        if self._fd is not None:
            data = read_message(self._fd)
        self.cancel()
        return data if data is not None else self._work()

    def cancel(self) -> None:
        """Stop the child (if still running) and reap it."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = None
