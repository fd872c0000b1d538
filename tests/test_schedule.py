"""Schedule text: the crontab line and systemd units run the monthly build from the right place."""

from __future__ import annotations

import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import schedule
from briefing.errors import ConfigError
from briefing.schedule import crontab_line, systemd_units

# Stands in for the briefing executable: reports where it ran and what it was given.
ECHO = [
    sys.executable,
    "-c",
    "import json, os, sys; print(json.dumps([os.getcwd(), sys.argv[1:]]))",
]


def cron_fields(line: str) -> tuple[list[str], str]:
    parts = line.split(" ", 5)
    return parts[:5], parts[5]


def run_as_cron(command: str) -> subprocess.CompletedProcess[str]:
    """What cron does with the command field: an escaped % is a literal %, then `sh -c`."""
    return subprocess.run(
        ["/bin/sh", "-c", command.replace("\\%", "%")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},  # cron's bare environment
        check=True,
    )


def test_crontab_line_runs_on_the_second_at_seven(tmp_path: Path) -> None:
    fields, _ = cron_fields(crontab_line(workdir=tmp_path))
    assert fields == ["0", "7", "2", "*", "*"]


def test_crontab_command_runs_in_the_workdir_with_the_scheduled_arguments(tmp_path: Path) -> None:
    workdir = tmp_path / "简报 100% 目录"
    workdir.mkdir()
    line = crontab_line(["--config", "my briefing.toml"], workdir=workdir, command=ECHO)
    _, command = cron_fields(line)
    assert "%" not in command.replace("\\%", "")  # every % escaped, or cron cuts the line
    cwd, argv = json.loads(run_as_cron(command).stdout)
    assert Path(cwd) == workdir
    assert argv == [*schedule.SCHEDULED_ARGS, "--config", "my briefing.toml"]


def test_crontab_command_appends_to_the_log_file(tmp_path: Path) -> None:
    line = crontab_line(workdir=tmp_path, command=ECHO, log_file=Path("logs.txt"))
    _, command = cron_fields(line)
    run_as_cron(command)
    run_as_cron(command)
    assert len((tmp_path / "logs.txt").read_text(encoding="utf-8").splitlines()) == 2


def test_command_is_absolute_executable_or_python_module(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = tmp_path / "bin" / "briefing"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "bin")  # a relative PATH entry must still give an absolute path
    assert schedule.briefing_command() == [str(fake)]
    monkeypatch.setattr(shutil, "which", lambda name: None)
    command = schedule.briefing_command()
    assert command[1:] == ["-m", "briefing"] and os.path.isabs(command[0])
    _, text = cron_fields(crontab_line(workdir=tmp_path))
    assert shlex.join(command) in text


def test_arguments_with_line_breaks_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="换行"):
        crontab_line(["--output", "a\nb"], workdir=tmp_path)
    with pytest.raises(ConfigError):
        systemd_units(["--output", "a\nb"], workdir=tmp_path)


def units(tmp_path: Path, args: list[str]) -> tuple[configparser.ConfigParser, ...]:
    parsed = []
    for text in systemd_units(args, workdir=tmp_path, command=ECHO):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read_string(text)
        parsed.append(parser)
    return tuple(parsed)


def test_timer_fires_monthly_and_catches_up_missed_runs(tmp_path: Path) -> None:
    _, timer = units(tmp_path, [])
    assert timer["Timer"]["OnCalendar"] == "*-*-02 07:00:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Timer"]["Unit"] == "briefing.service"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_service_runs_the_build_in_the_workdir(tmp_path: Path) -> None:
    service, _ = units(tmp_path, ["--output", "out dir"])
    section = service["Service"]
    assert section["Type"] == "oneshot"
    assert section["WorkingDirectory"] == str(tmp_path)
    argv = shlex.split(section["ExecStart"])
    assert argv == [*ECHO, *schedule.SCHEDULED_ARGS, "--output", "out dir"]
    assert "LANG=C.UTF-8" in section["Environment"]


def test_service_escapes_systemd_specifiers(tmp_path: Path) -> None:
    service_text, _ = systemd_units(["--output", "50%$HOME"], workdir=tmp_path, command=["/x"])
    exec_line = next(x for x in service_text.splitlines() if x.startswith("ExecStart="))
    assert exec_line.endswith("--output 50%%$$HOME")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    workdir = tmp_path / "工作 目录"
    workdir.mkdir()
    service, timer = systemd_units(["--output", "a b"], workdir=workdir, command=ECHO)
    (tmp_path / "briefing.service").write_text(service, encoding="utf-8")
    (tmp_path / "briefing.timer").write_text(timer, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "briefing.timer")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    problems = [
        line
        for line in result.stderr.splitlines()
        if "briefing" in line and "Failed to" not in line and "not been found" not in line
    ]
    assert problems == []
    assert result.returncode == 0, result.stderr
