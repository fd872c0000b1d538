"""Schedule text for unattended monthly runs: a crontab line, or a systemd service and timer.

Pure functions returning text; `briefing schedule` prints them for the current configuration. The
run goes off on the 2nd of each month at 07:00 (the 1st leaves a day for late uploads of the last
day's documents) and builds last month's briefing quietly, logging JSON lines for the journal:

    0 7 2 * * cd /srv/jianbao && LANG=C.UTF-8 /srv/venv/bin/briefing build --period last-month ...

Commands are absolute (cron and systemd start with a bare PATH): the `briefing` executable found
on PATH, else the running interpreter with `-m briefing`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing import validate
from briefing.errors import ConfigError

SCHEDULED_ARGS: tuple[str, ...] = ("build", "--period", "last-month", "--quiet", "--log-json")
# Cron and systemd start with the C locale: the tool's Chinese messages need UTF-8 streams.
ENVIRONMENT: tuple[tuple[str, str], ...] = (("LANG", "C.UTF-8"), ("PYTHONIOENCODING", "utf-8"))

DAY_OF_MONTH = 2
HOUR = 7
MINUTE = 0


def briefing_command() -> list[str]:
    """How to start briefing from a scheduler: absolute, independent of PATH."""
    found = shutil.which("briefing")
    if found:
        return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "briefing"]


def _check(what: str, text: str) -> str:
    """`text` unchanged, or ConfigError when no quoting makes it safe in a crontab line or a unit
    file: a line break would start a new crontab entry or unit setting whatever the quotes, and
    other control characters or bytes that are not UTF-8 cannot be written there faithfully."""
    char = validate.bad_character(text)
    if char is None:
        return text
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):  # undecodable bytes of a name
        reason = "含有不是 UTF-8 编码的字节"
    else:
        reason = f"含有换行或控制字符（{char}）"
    raise ConfigError(
        f"定时任务的{what}{reason}，无法安全地写进 crontab 或 systemd 单元："
        f"{validate.shown(text)}；请给它改名，或换一个文件夹运行 briefing schedule"
    )


def scheduled_command(args: Sequence[str] = (), command: Sequence[str] | None = None) -> list[str]:
    """The full argument vector of the monthly run; `args` are extra build options."""
    argv = [*(command or briefing_command()), *SCHEDULED_ARGS, *args]
    for arg in argv:
        _check("参数", arg)
    return argv


def _workdir(workdir: Path | None) -> Path:
    folder = (workdir or Path.cwd()).absolute()
    _check("工作文件夹", str(folder))
    return folder


def crontab_line(
    args: Sequence[str] = (),
    *,
    workdir: Path | None = None,
    command: Sequence[str] | None = None,
    log_file: Path | None = None,
) -> str:
    """One crontab line (no trailing newline) running the monthly build from `workdir`.

    Without `log_file`, output goes to cron's mail, which with --quiet means errors only.
    """
    folder = _workdir(workdir)
    env = " ".join(f"{key}={shlex.quote(value)}" for key, value in ENVIRONMENT)
    shell = f"cd {shlex.quote(str(folder))} && {env} " + shlex.join(
        scheduled_command(args, command)
    )
    if log_file is not None:
        log = _check("日志文件", str(folder / log_file))
        shell += f" >> {shlex.quote(log)} 2>&1"
    # cron turns an unescaped % into a newline, even inside quotes
    shell = shell.replace("%", "\\%")
    return f"{MINUTE} {HOUR} {DAY_OF_MONTH} * * {shell}"


def _systemd_quote(word: str) -> str:
    """Quote one word for ExecStart=: % starts a specifier and $ a variable in systemd."""
    word = word.replace("%", "%%").replace("$", "$$")
    if word and re.fullmatch(r"[A-Za-z0-9_@%+=:,./$-]+", word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_units(
    args: Sequence[str] = (),
    *,
    workdir: Path | None = None,
    command: Sequence[str] | None = None,
    name: str = "briefing",
) -> tuple[str, str]:
    """`(service, timer)` unit files: `<name>.service` runs the build, `<name>.timer` fires it.

    Install as a user (`~/.config/systemd/user/`) or system unit, then enable the timer.
    `Persistent=true` catches up a run missed while the machine was off.
    """
    folder = str(_workdir(workdir))
    # WorkingDirectory= takes no quotes: systemd strips the value's trailing blanks and joins a
    # line ending in a backslash with the next one
    if folder != folder.rstrip() or "\\" in folder:
        raise ConfigError(
            f"工作文件夹 {folder} 以空白结尾或含有反斜杠，systemd 的 WorkingDirectory= 无法准确表示；"
            "请给它改名，或换一个文件夹运行 briefing schedule"
        )
    folder = folder.replace("%", "%%")
    exec_start = " ".join(_systemd_quote(w) for w in scheduled_command(args, command))
    environment = " ".join(_systemd_quote(f"{k}={v}") for k, v in ENVIRONMENT)
    service = "\n".join(
        [
            "# 科技政策简报：每月生成上月简报（由 briefing schedule 生成）",
            f"# 安装：复制到 ~/.config/systemd/user/{name}.service 和 {name}.timer，",
            f"#       然后运行 systemctl --user daemon-reload && systemctl --user enable --now {name}.timer",
            "[Unit]",
            "Description=科技政策简报：生成上月简报",
            "",
            "[Service]",
            "Type=oneshot",
            f"WorkingDirectory={folder}",
            f"Environment={environment}",
            f"ExecStart={exec_start}",
            "",
        ]
    )
    timer = "\n".join(
        [
            "# 每月2日07:00运行；关机错过的运行在开机后补上（Persistent=true）",
            "[Unit]",
            "Description=科技政策简报：每月2日生成上月简报",
            "",
            "[Timer]",
            f"OnCalendar=*-*-{DAY_OF_MONTH:02d} {HOUR:02d}:{MINUTE:02d}:00",
            "Persistent=true",
            f"Unit={name}.service",
            "",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ]
    )
    return service, timer
