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
from collections.abc import Callable

from briefing.forking import (
    can_fork,
    close_inherited,
    fork_child,
    read_message,
    stop,
    write_message,
)


class Background:
    """`work()` started in a forked child; `result()` waits for its bytes."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._work = work
        self._pid: int | None = None
        self._fd: int | None = None

        def body(write_fd: int) -> None:
            close_inherited(keep=write_fd)
            # Behind the chart drawers and the render on a busy machine: those are what the run
            # waits for first; this result is needed last.
            with contextlib.suppress(OSError):
                os.nice(5)
            write_message(write_fd, work())

        child = fork_child(body) if can_fork() else None
        if child is not None:
            self._pid, self._fd = child

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
            stop(self._pid)
            self._pid = None
