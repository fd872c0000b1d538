"""Values a user can get wrong, checked once where they enter (options, briefing.toml, a lexicon,
a template's name): a Chinese message naming the value and where it came from, exit code 2,
nothing written. Plus the messages around them: no English from libraries, `-q` is quiet."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import validate
from briefing.charts import indicator_chart
from briefing.cli import app
from briefing.errors import ConfigError
from briefing.model import ExtractedDocument
from briefing.periods import PeriodError, parse_period
from briefing.pipeline import extract_documents
from briefing.schedule import crontab_line, systemd_units
from briefing.themes import Classifier, load_lexicon
from briefing.ziputil import entry_info

runner = CliRunner()


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real console entry in a child, as a user's shell runs it."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def no_traceback(output: str) -> None:
    assert "Traceback" not in output
    assert "Error" not in output  # neither a Python exception's name nor click's "Error:"


@pytest.mark.parametrize("text", ["0000-01", "0000", "9999-12", "1899", "2101-Q1", "0000..2024"])
def test_periods_outside_1900_to_2100_are_refused(text: str) -> None:
    with pytest.raises(PeriodError, match="年份应在 1900–2100 之间"):
        parse_period(text)


def test_a_bad_period_option_is_a_usage_error_naming_it(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(out), "-p", "0000-01"])
    assert result.exit_code == 2
    assert result.stderr == "错误：--period 期间 0000-01 的年份应在 1900–2100 之间，实际为 0\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2024-02-30", "不是有效的日期：2024-02-30"),
        ("0000-01-01", "年份应在 1900–2100 之间"),
        ("2150-01-01", "年份应在 1900–2100 之间"),
        ("2024/03/01", "应为 YYYY-MM-DD 格式的日期"),
    ],
)
def test_a_bad_date_option_is_a_usage_error(
    tmp_path: Path, seeds_dir: Path, value: str, problem: str
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-i", str(seeds_dir), "-o", str(out), "--date", value])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"错误：--date {problem}")
    assert not out.exists()


def test_bad_config_values_are_all_listed_with_the_file(tmp_path: Path, seeds_dir: Path) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text(
        'date = "2024-02-30"\n'
        'period = "9999-12"\n'
        'theme = "a/b"\n'
        "[masthead]\nfirst_issue = 1e20\n"
        "[footer]\ncopies = -5\n"
        "[layout]\nhighlights_per_theme = 100000000\nindicators_per_theme = -1\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "-c", str(config), "-i", str(seeds_dir), "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "错误：配置有误："
    assert sorted(lines[1:]) == sorted(
        f"  - {config}: {problem}"
        for problem in [
            "[masthead] first_issue 应为整数，实际为 1e+20",
            "[footer] copies 应在 1–1000000 之间，实际为 -5",
            "[layout] highlights_per_theme 应在 1–50 之间，实际为 100000000",
            "[layout] indicators_per_theme 应在 0–50 之间，实际为 -1",
            "period 期间 9999-12 的年份应在 1900–2100 之间，实际为 9999",
            "date 不是有效的日期：2024-02-30（该月没有这一天，或月份不在 1–12 之间）",
            "theme 主题名“a/b”含有不能用于文件名的字符 /",
        ]
    )
    assert not out.exists()


@pytest.mark.parametrize("value", [-5, 0, 100_001, 9_223_372_036_854_775_807])
def test_first_issue_is_a_positive_bounded_number(tmp_path: Path, value: int) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text(f"[masthead]\nfirst_issue = {value}\n", encoding="utf-8")
    result = runner.invoke(app, ["context", "-c", str(config)])
    assert result.exit_code == 2
    assert f"[masthead] first_issue 应在 1–100000 之间，实际为 {value}" in result.stderr


@pytest.mark.parametrize(
    ("theme", "problem"),
    [
        ("../../../../../x", "含有不能用于文件名的字符 /"),
        ("a/b", "含有不能用于文件名的字符 /"),
        ("a\\b", "含有不能用于文件名的字符 \\"),
        ("科技\x07金融", "含有控制字符或无效字符 \\x07"),
        ("科技\n金融", "含有控制字符或无效字符 \\n"),
        (".hidden", "不能以“.”或空白开头"),
        # a right-to-left override: the file "briefing-人才<RLO>xcod.exe-2024-03.docx" shows
        # in a file manager as one ending in "exe"
        ("人才\u202excod.exe", "含有控制字符或无效字符 \\u202e"),
        ("人\u200b才", "含有控制字符或无效字符 \\u200b"),
    ],
)
def test_a_theme_option_that_cannot_be_a_file_name_is_refused(
    tmp_path: Path, seeds_dir: Path, theme: str, problem: str
) -> None:
    out = tmp_path / "out"
    args = ["build", "-i", str(seeds_dir), "-o", str(out), "--theme", theme]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"错误：--theme 主题名“{validate.shown(theme)}”{problem}")
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written, anywhere


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../../../../../x", "含有不能用于文件名的字符 /"),
        ("a\\u0007b", "含有控制字符或无效字符 \\x07"),
    ],
)
def test_a_lexicon_theme_that_cannot_be_a_file_name_is_blamed_on_the_lexicon(
    tmp_path: Path, seeds_dir: Path, name: str, problem: str
) -> None:
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text(f'[themes."{name}"]\nterms = ["科技"]\n', encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", "-i", str(seeds_dir), "-o", str(out), "-l", str(lexicon)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    shown = validate.shown(name.replace("\\u0007", "\x07"))
    assert result.stderr == f"错误：主题词表 {lexicon} 中的主题名“{shown}”{problem}，请修改词表\n"
    assert "模板" not in result.stderr
    assert not out.exists()


def test_a_template_folder_is_called_a_folder(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "模板"
    folder.mkdir()
    result = runner.invoke(
        app, ["build", "-i", str(seeds_dir), "-o", str(tmp_path / "out"), "-t", str(folder)]
    )
    assert result.exit_code == 2
    assert result.stderr == f"错误：模板路径是文件夹，不是 .docx 文件：{folder}\n"
    checked = runner.invoke(app, ["template", "check", str(folder)])
    assert checked.exit_code == 1
    assert checked.stderr == f"错误：模板路径是文件夹，不是 .docx 文件：{folder}\n"


def test_a_template_whose_name_cannot_name_the_output_is_refused(
    tmp_path: Path, seeds_dir: Path
) -> None:
    shipped = Path(__file__).resolve().parent.parent / "templates" / "briefing.docx"
    template = tmp_path / "简报\x1b模板.docx"
    shutil.copy(shipped, template)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", "-i", str(seeds_dir), "-o", str(out), "-t", str(template)]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：模板文件名“简报\\x1b模板.docx”含有控制字符或无效字符 \\x1b；"
        "输出文件以模板名命名，请把模板改名\n"
    )
    assert not out.exists()


def test_template_init_writes_only_into_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    result = runner.invoke(app, ["template", "init", str(folder), "--name", "../../x.docx"])
    assert result.exit_code == 1
    assert result.stderr == "错误：--name 的模板文件名“../../x.docx”含有不能用于文件名的字符 /\n"
    assert list(tmp_path.iterdir()) == []


def test_zip_times_past_2107_are_clamped_not_a_crash() -> None:
    # a document dated 2150 makes the masthead date of an `all` briefing, and zip (DOS) times
    # end in 2107
    info = entry_info("word/document.xml", datetime(2150, 6, 1, 12, 0, 0))
    assert info.date_time == (2107, 12, 31, 23, 59, 58)
    assert entry_info("a", datetime(2024, 3, 31)).date_time == (2024, 3, 31, 0, 0, 0)


def test_xlsx_of_a_document_dated_2150_is_written(
    seed_documents: list[ExtractedDocument],
) -> None:
    from briefing.workbook import analyst_sheets, workbook_bytes

    sheets = analyst_sheets(seed_documents[:1])
    data = workbook_bytes(sheets, timestamp=datetime(2150, 1, 1), title="数据表", author="briefing")
    assert data.startswith(b"PK")


# ---------------------------------------------------------------- schedule


def test_schedule_in_a_folder_whose_name_holds_a_newline_is_refused(tmp_path: Path) -> None:
    # the reported case: a crontab with an injected every-minute entry
    folder = tmp_path / "x\n* * * * * touch pwned\n"
    folder.mkdir()
    for args in (["schedule"], ["schedule", "--systemd"]):
        result = run_cli(*args, cwd=folder)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""  # not a single line to paste
        no_traceback(result.stderr)
        assert result.stderr.startswith("错误：定时任务的工作文件夹含有换行或控制字符（\\n）")
        assert "\\n* * * * * touch pwned\\n" in result.stderr  # the folder, named escaped


@pytest.mark.parametrize("char", ["\r", "\x00", "\x1b"])
def test_schedule_refuses_other_control_characters_in_paths(tmp_path: Path, char: str) -> None:
    with pytest.raises(ConfigError, match="控制字符"):
        crontab_line(workdir=tmp_path, log_file=Path(f"log{char}.txt"))
    with pytest.raises(ConfigError, match="控制字符"):
        systemd_units(["--config", f"/a{char}b.toml"], workdir=tmp_path)


def test_schedule_refuses_a_folder_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"\xbf\xc6")
    with pytest.raises(ConfigError, match="不是 UTF-8 编码"):
        crontab_line(workdir=folder)


def test_crontab_quotes_shell_specials_in_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a'b $(touch pwned) `id` ;&| 100%"
    folder.mkdir()
    echo = [sys.executable, "-c", "import os; print(os.getcwd())"]
    line = crontab_line(workdir=folder, command=echo)
    command = line.split(" ", 5)[5].replace("\\%", "%")  # what cron hands to sh
    done = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, check=True)
    assert Path(done.stdout.strip()) == folder
    assert not (tmp_path / "pwned").exists() and not (folder / "pwned").exists()


def test_systemd_working_directory_that_systemd_would_change_is_refused(tmp_path: Path) -> None:
    for name in ("ends-with-backslash\\", "ends with space "):
        with pytest.raises(ConfigError, match="WorkingDirectory"):
            systemd_units(workdir=tmp_path / name)


# ---------------------------------------------------------------- messages


def test_matplotlib_never_speaks_to_the_user() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # U+20000 and U+0378 are not in the chart font: matplotlib warns in English about them
        chart = indicator_chart(
            "人才：主要金额数据（亿元）",
            [("专项\U00020000\u0378", 3.0, "亿元"), ("基金", 5.0, "亿元")],
        )
    assert chart is not None and chart.png.startswith(b"\x89PNG")
    assert [str(w.message) for w in caught] == []


def test_quiet_build_prints_nothing_on_success(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], folder / "a.txt")
    # a theme whose name has a glyph the chart font lacks: matplotlib would warn, in English
    (tmp_path / "lexicon.toml").write_text(
        '[themes."科创\\U00020000"]\nterms = ["科技"]\n', encoding="utf-8"
    )
    args = ["build", "-i", "in", "-o", "out", "-l", "lexicon.toml", "-q"]
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert (tmp_path / "out/all/briefing-all.docx").is_file()


def test_a_warning_of_the_text_parser_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("附件\n", encoding="utf-8")
    (doc,) = extract_documents([tmp_path], Classifier(load_lexicon()))
    assert doc.warnings == [f"{tmp_path.as_posix()}/a.txt: 未识别到正文内容"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--jobs", "x"], "错误：--jobs 的值无效：应为不小于 1 的整数。"),
        (["build", "--forse"], "错误：没有选项 --forse（相近的选项：--force"),
        (["build", "--date"], "错误：选项 --date 需要一个值。"),
        (["extract"], "错误：缺少参数 文件。"),
        (
            ["extract", "x", "--format", "xml"],
            "错误：--format 的值无效：应为以下之一：jsonl、json。",
        ),
        (["nope"], "错误：没有命令 nope。"),
        (["schedule", "extra"], "错误：多余的参数：extra。"),
    ],
)
def test_command_line_mistakes_are_told_in_chinese(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(message), result.stderr
    assert "查看用法：" in result.stderr
    no_traceback(result.stderr)
    assert "Usage" not in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["build", "-c", "fifo"], 2, "错误：配置文件 fifo 不是普通文件（命名管道（FIFO））"),
        (["build", "-l", "fifo"], 2, "错误：主题词表 fifo 不是普通文件（命名管道（FIFO））"),
        (["themes", "-l", "fifo"], 1, "错误：主题词表 fifo 不是普通文件（命名管道（FIFO））"),
        (["build", "-l", "."], 2, "错误：主题词表 . 是文件夹，不是文件"),
        # round 10: said "模板文件不存在", of a path that is there
        (["build", "-t", "fifo"], 2, "错误：模板 fifo 不是普通文件（命名管道（FIFO））"),
    ],
)
def test_a_fifo_given_as_a_settings_file_is_refused_unopened(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    os.mkfifo(tmp_path / "fifo")  # opening it would wait for a writer forever
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == code
    assert result.stderr == message + "\n"


@pytest.mark.parametrize("kind", ["template", "config"])
def test_a_settings_file_swapped_for_a_fifo_after_its_check_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Round 10: the template, config and lexicon were judged by `stat`, then opened plainly: a
    FIFO put in the file's place between the two made the (cron) run wait for ever."""
    import threading

    from briefing.config import read_toml_bytes
    from briefing.errors import TemplateError
    from briefing.render import read_template

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(Path, "is_file", lambda self: True)  # the check saw a file
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_template(fifo) if kind == "template" else read_toml_bytes(fifo)
        except (TemplateError, ValueError) as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # release the blocked open before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(10)
        pytest.fail("opening the FIFO waited for a writer")
    assert len(outcome) == 1
    assert "不是普通文件（命名管道（FIFO））" in str(outcome[0])


def test_a_five_year_total_shows_its_span_and_its_running_total_in_the_key_data(
    tmp_path: Path,
) -> None:
    # a judge read "技术合同成交额 | 260亿元 | —" beside the year's 95亿元 as an annual value
    report = tmp_path / "report.txt"
    report.write_text(
        "海南省政府工作报告\n"
        "——2026年1月27日在海南省第七届人民代表大会第五次会议上\n"
        "一、2025年和“十四五”时期工作回顾\n"
        "过去一年，全省获批建设2家全国重点实验室，技术合同成交额达到95亿元。\n"
        "五年来，我们坚定不移推进科技创新引领。技术合同成交额累计达260亿元。\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["context", "-i", str(report)])
    assert result.exit_code == 0, result.output
    themes = json.loads(result.stdout)["themes"]
    rows = {
        (row["metric"], row["year"])
        for theme in themes
        if theme["name"] == "成果转化"
        for row in theme["indicators"]
    }
    assert rows == {("技术合同成交额", "2025"), ("累计技术合同成交额", "2021—2025")}
