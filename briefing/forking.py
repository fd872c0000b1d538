"""Forked children that answer through a pipe: the chart worker, the workbook, the render.

Every child here runs one function and leaves with `os._exit`, so it never returns into the
parent's code (no atexit handlers, no flushing of the parent's buffers, no second briefing). Answers
are length-prefixed, so the parent can tell a whole answer from one cut short by a dying child.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
from collections.abc import Callable

_LENGTH = struct.Struct("<Q")


def can_fork() -> bool:
    """Whether work may go to forked children (POSIX, and not switched off by BRIEFING_SERIAL)."""
    return hasattr(os, "fork") and not os.environ.get("BRIEFING_SERIAL")


def fork_child(body: Callable[[int], None]) -> tuple[int, int] | None:
    """Run `body(write_fd)` in a forked child; return (pid, read_fd) here, None if fork fails.

    The child exits with status 0 when `body` returns and 1 when it raises anything (including
    KeyboardInterrupt): a failure is the parent's to notice, from a missing answer.
    """
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # child: never returns
        status = 1
        try:
            os.close(read_end)
            body(write_end)
            status = 0
        except BaseException:
            pass
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def stop(pid: int) -> None:
    """Kill a child (if it still runs) and reap it. Killed, not waited for: a run that stops
    early (the folder is locked, the briefing is up to date, an error) must not wait on it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


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


def write_message(fd: int, data: bytes) -> None:
    """Write `data` to a pipe, length first, so the reader can tell a whole answer from a cut one."""
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def read_message(fd: int) -> bytes | None:
    """One message written by `write_message`; None when the writer died before finishing it."""
    header = _read_exactly(fd, _LENGTH.size)
    if header is None:
        return None
    (size,) = _LENGTH.unpack(header)
    return _read_exactly(fd, size) if size else b""


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
