"""Atomic file writes: a crash or a concurrent run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from briefing.errors import BriefingError


class LinkedFolderError(BriefingError):
    """A folder briefing made for its own files has been replaced by a symbolic link."""


def linked_folder_message(folder: Path) -> str:
    try:
        target = f"（指向 {os.readlink(folder)}）"
    except OSError:
        target = ""
    return (
        f"文件夹 {folder} 是符号链接{target}，出于安全不写入：写进去的简报、数据表会落到链接"
        "指向的地方。这个文件夹由 briefing 自己建立，只能是普通文件夹；请删除这个链接后重新运行。"
    )


# Where a folder can be opened as a descriptor that later steps are relative to (POSIX): a
# folder swapped for a link after it was opened is then never written through.
_PINNABLE = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and os.open in os.supports_dir_fd
    and os.replace in os.supports_dir_fd
    and os.unlink in os.supports_dir_fd
)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def _atomic_file(
    path: Path, mode: str, refuse_linked_folder: bool = False, **open_args: Any
) -> Iterator[IO[Any]]:
    """A temporary file beside `path`, fsynced and renamed over it only when the block succeeds.

    `refuse_linked_folder`: `path`'s folder is one briefing made (a period folder), so a link
    in its place is someone else's doing; it is refused (LinkedFolderError), also when the
    swap happens while the file is written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if refuse_linked_folder and _PINNABLE:
        with _in_folder(path.parent) as folder:
            tmp_name = f".{path.name}.{secrets.token_hex(4)}.tmp"
            # os.open applies the umask to 0o666, as for any new file
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            fd = os.open(tmp_name, flags, 0o666, dir_fd=folder)
            try:
                with os.fdopen(fd, mode, **open_args) as handle:
                    yield handle
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp_name, path.name, src_dir_fd=folder, dst_dir_fd=folder)
            except BaseException as exc:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp_name, dir_fd=folder)
                _raise_named(exc, path)
                raise
        return
    if refuse_linked_folder and path.parent.is_symlink():
        raise LinkedFolderError(linked_folder_message(path.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; a briefing on a shared folder must be as readable as any new file.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        _raise_named(exc, path)
        raise


def _raise_named(exc: BaseException, path: Path) -> None:
    """Raise `exc` again naming `path` when it is an OSError of a write or an fsync: those carry
    no file name, and with a full disk the user was told 无法读写文件：磁盘空间已满 without which
    file (the briefing, the workbook or the manifest) was not replaced."""
    if isinstance(exc, OSError) and exc.filename is None and exc.errno in _WRITE_ERRORS:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    if isinstance(exc, IsADirectoryError):
        # the rename onto a folder planted where the file goes: the error names the temporary
        # file (无法读写文件 .briefing-all.xlsx.1f2e.tmp：这是文件夹), which is no folder
        raise IsADirectoryError(exc.errno, exc.strerror, str(path)) from exc


# What writing a file's bytes fails with (not, say, an EPIPE from elsewhere in a caller's block).
_WRITE_ERRORS = frozenset(
    code
    for code in (
        errno.ENOSPC,
        getattr(errno, "EDQUOT", None),
        errno.EIO,
        errno.EFBIG,
        errno.EROFS,
    )
    if code is not None
)


@contextmanager
def _in_folder(folder: Path) -> Iterator[int]:
    """`folder` opened as a descriptor, refusing a link in its last step."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR) and folder.is_symlink():
            raise LinkedFolderError(linked_folder_message(folder)) from None
        raise
    try:
        yield fd
    finally:
        os.close(fd)


def write_bytes_atomic(path: Path, data: bytes, *, refuse_linked_folder: bool = False) -> None:
    with _atomic_file(path, "wb", refuse_linked_folder) as handle:
        handle.write(data)


def write_text_atomic(path: Path, text: str, *, refuse_linked_folder: bool = False) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), refuse_linked_folder=refuse_linked_folder)


@contextmanager
def atomic_text_writer(path: Path) -> Iterator[IO[str]]:
    """Stream text into a temporary file beside `path`; rename it into place only on success.

    A path that is, or leads through a link to, a device, a FIFO or a socket (`-o /dev/null`,
    `-o /dev/stdout`, a pipe) is written into as a stream, as a shell redirection does: a rename
    would replace the node itself, and run as root, `briefing extract -o /dev/null` made
    /dev/null a regular file for the whole system. A folder is refused by its own name."""
    try:
        mode: int | None = os.stat(path).st_mode
    except (OSError, ValueError):
        mode = None  # not there yet (or a dangling link): made below
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    with _atomic_file(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle
