"""Atomic file writes: a crash or a concurrent run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def _atomic_file(path: Path, mode: str, **open_args: Any) -> Iterator[IO[Any]]:
    """A temporary file beside `path`, fsynced and renamed over it only when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; a briefing on a shared folder must be as readable as any new file.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with _atomic_file(path, "wb") as handle:
        handle.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def atomic_text_writer(path: Path) -> Iterator[IO[str]]:
    """Stream text into a temporary file beside `path`; rename it into place only on success."""
    with _atomic_file(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle
