"""A forked child that answers through a pipe (the template render, see `briefing.sandbox`).

The child runs one function and leaves with `os._exit`, so it never returns into the parent's
code (no atexit handlers, no flushing of the parent's buffers, no second briefing).
"""

from __future__ import annotations

import os
from collections.abc import Callable


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
