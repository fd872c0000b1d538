"""Domain exceptions. Library code raises these; only cli.py turns them into messages and exit codes."""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping


class BriefingError(Exception):
    """Base class: the message is Chinese and meant for the user."""


class ReadError(BriefingError):
    """A file could not be read; the run goes on and the file becomes a warning."""


class InputNotFoundError(BriefingError):
    """A path given on the command line does not exist."""


class ConfigError(BriefingError):
    """briefing.toml or the lexicon is invalid."""


class TemplateError(BriefingError):
    """A template failed to render or is unsafe."""


class LockedError(BriefingError):
    """Another run holds the output folder's lock."""


_OS_REASONS = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "所在磁盘是只读的",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "文件已存在",
    errno.EIO: "磁盘读写出错",
    errno.EMFILE: "同时打开的文件过多",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接循环",
}


def os_reason(exc: OSError, wording: Mapping[int, str] | None = None) -> str:
    """Why a file operation failed, in Chinese (`strerror` is the system's English). `wording`
    says some reasons the way one kind of operation needs (reading a document: 没有读取权限)."""
    code = exc.errno or 0
    if wording is not None and code in wording:
        return wording[code]
    return _OS_REASONS.get(code, f"系统错误 {exc.errno}")


# tomllib says where it stopped in English: "... (at line 3, column 7)" or "(at end of document)"
_TOML_WHERE_RE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def toml_reason(exc: ValueError) -> str:
    """Where a TOML file stops being valid, in Chinese (tomllib's message is English)."""
    m = _TOML_WHERE_RE.search(str(exc))
    if m is None:
        return "格式不符合 TOML 语法"
    if m.group(1) is None:
        return "文件在结尾处不完整（如缺少右括号或引号）"
    return f"第 {m.group(1)} 行第 {m.group(2)} 列附近不符合 TOML 语法"
