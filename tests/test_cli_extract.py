"""`briefing extract`: the JSONL contract on stdout, summaries on stderr, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.cli_help import display_width

runner = CliRunner()

CONTRACT_KEYS = {
    "source",
    "sha256",
    "format",
    "metadata",
    "measures",
    "indicators",
    "warnings",
    "notes",
}
METADATA_KEYS = {
    *("title", "display_title", "title_derived", "index_no", "doc_no", "publisher"),
    *("written_date", "published_date", "topic", "genre", "addressee", "url"),
}


def test_extract_seeds_writes_one_contract_record_per_document(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    records = [json.loads(line) for line in lines]
    for record in records:
        assert set(record) >= CONTRACT_KEYS
        assert set(record["metadata"]) >= METADATA_KEYS
        assert record["format"] == "text"
        assert len(record["sha256"]) == 64
    assert [Path(r["source"]).name for r in records] == sorted(
        p.name for p in seeds_dir.glob("*.txt")
    )
    # Chinese stays readable in the output (ensure_ascii=False)
    assert "重庆市" in result.stdout
    assert "已处理 5 个文件" in result.stderr


def test_source_is_the_given_path_joined_with_the_path_inside_the_folder(
    seeds_dir: Path, monkeypatch: object
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "extract", "seeds/"],
        cwd=seeds_dir.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources[0] == "seeds/000_4bc94fbfc6990ecc.txt"


def test_json_format_writes_one_array(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir), "--format", "json"])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 5


def test_output_file_gets_the_records_and_stdout_stays_empty(
    seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "seeds.jsonl"
    result = runner.invoke(app, ["extract", str(seeds_dir), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_missing_path_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.stderr
    assert "Traceback" not in result.output


def test_bad_file_is_a_warning_and_strict_turns_it_into_failure(
    seeds_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_bytes((seeds_dir / "003_6d581c0dd9f637d5.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")

    relaxed = runner.invoke(app, ["extract", str(folder)])
    assert relaxed.exit_code == 0
    records = [json.loads(line) for line in relaxed.stdout.splitlines()]
    assert len(records) == 2
    empty = next(r for r in records if r["source"].endswith("empty.txt"))
    assert empty["warnings"] and "empty.txt" in empty["warnings"][0]
    assert empty["measures"] == [] and empty["indicators"] == []
    assert "empty.txt" in relaxed.stderr

    strict = runner.invoke(app, ["extract", str(folder), "--strict"])
    assert strict.exit_code == 1
    assert len(strict.stdout.splitlines()) == 2  # records are still written


def test_same_content_twice_is_extracted_once_with_a_warning_naming_the_first(
    seeds_dir: Path, tmp_path: Path
) -> None:
    data = (seeds_dir / "001_a4a49a47fefe88cc.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_bytes(data)
    result = runner.invoke(app, ["extract", str(tmp_path)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    first, second = records
    assert first["warnings"] == []
    assert second["measures"] == [] and second["indicators"] == []
    assert any("a.txt" in w for w in second["warnings"])
    assert first["sha256"] == second["sha256"]


def test_notes_never_fail_a_strict_run(seeds_dir: Path) -> None:
    # seed 000's header and signature dates disagree: that is a note, not a warning
    result = runner.invoke(
        app, ["extract", str(seeds_dir / "000_4bc94fbfc6990ecc.txt"), "--strict"]
    )
    assert result.exit_code == 0


COMMANDS: tuple[list[str], ...] = (
    [],
    ["extract"],
    ["build"],
    ["context"],
    ["themes"],
    ["explain"],
    ["schedule"],
    ["template"],
    ["template", "init"],
    ["template", "check"],
    ["state"],
    ["state", "rebuild"],
)
# what click and typer print around our help unless it is translated
LIBRARY_WORDS = re.compile(
    r"Usage|Options|Arguments|Commands|Show this|default:|required|<path>|<str>|<int|list\[|COMMAND|ARGS"
)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "briefing")
def test_every_command_has_chinese_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], terminal_width=80)
    assert result.exit_code == 0
    assert "用法：" in result.stdout and "选项：" in result.stdout
    assert "显示本帮助并退出。" in result.stdout
    assert LIBRARY_WORDS.findall(result.stdout) == []
    # a help line fits an 80-column terminal, CJK characters counted two columns wide
    assert max(display_width(line) for line in result.stdout.splitlines()) <= 80


def _read_into(path: Path, out: list[bytes]) -> None:
    out.append(path.read_bytes())


def test_output_into_a_pipe_or_a_link_to_one_is_written_into_not_replaced(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Round 10: `-o` was written to a temporary file renamed over the path, whatever it was: run
    as root, `briefing extract -o /dev/null` replaced /dev/null with a regular file for the whole
    system (and `-o /dev/stdout` would replace that link). A FIFO stands in for both here."""
    import os
    import shutil
    import threading

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], folder / "a.txt")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    for given in (fifo, link):
        received: list[bytes] = []
        reader = threading.Thread(target=_read_into, args=(fifo, received), daemon=True)
        reader.start()
        result = runner.invoke(app, ["extract", str(folder), "-o", str(given)])
        reader.join(30)
        assert result.exit_code == 0, result.output
        assert fifo.is_fifo() and link.is_symlink()
        assert received and json.loads(received[0].splitlines()[0])["source"].endswith("a.txt")


def test_an_output_file_that_is_one_of_the_inputs_is_refused(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Round 10: `extract 文件 -o 文件/a.txt` replaced an input document with the records; a
    JSONL written into the input folder was read back as documents by the next run."""
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], folder / "a.txt")
    before = (folder / "a.txt").read_bytes()
    result = runner.invoke(app, ["extract", str(folder), "-o", str(folder / "a.txt")])
    assert result.exit_code == 2
    assert "也是要读取的输入文件" in result.stderr
    assert (folder / "a.txt").read_bytes() == before
    first = runner.invoke(app, ["extract", str(folder), "-o", str(folder / "out.jsonl")])
    assert first.exit_code == 0
    again = runner.invoke(app, ["extract", str(folder), "-o", str(folder / "out.jsonl")])
    assert again.exit_code == 2
    assert "out.jsonl 也是要读取的输入文件" in again.stderr


def test_direction_overrides_in_a_document_are_escaped_in_the_json_it_prints(
    tmp_path: Path,
) -> None:
    """Round 17: a title ending in an unclosed RLO (U+202E) showed the rest of its record
    backwards wherever the JSONL was read (an editor, a terminal that lays out both directions):
    `"value": 15.0` read `0.51 :"eulav"`. The record now writes such characters as JSON escapes,
    which read back as the same text: a program gets the same data."""
    page = tmp_path / "a.txt"
    page.write_text(
        "关于加强科技创新的通知\u202e\n\n一、总体要求\u2067\n"
        "全市研发投入达到15亿元\u202e，同比增长8%。\n",
        encoding="utf-8",
    )
    for fmt in ("jsonl", "json"):
        result = runner.invoke(app, ["extract", "--format", fmt, str(page)])
        assert result.exit_code == 0, result.output
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", result.stdout)
        assert "\\u202e" in result.stdout
        loaded = json.loads(result.stdout)
        (record,) = loaded if fmt == "json" else [loaded]
        assert record["metadata"]["title"] == "关于加强科技创新的通知\u202e"
        assert record["measures"][0]["section"] == ["一、总体要求\u2067"]
        assert record["measures"][0]["text"] == "全市研发投入达到15亿元\u202e，同比增长8%。"
