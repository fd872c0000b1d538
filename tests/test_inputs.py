"""Input enumeration against odd and hostile folders: names that are not UTF-8, special files,
symbolic links, unreadable folders, an output folder inside the input folder. None ends in a
traceback or a hang; whatever is skipped is a warning naming it, counted in the summary."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.inputs import escaped, iter_input_files
from briefing.pipeline import extract_documents
from briefing.themes import Classifier, load_lexicon

runner = CliRunner()

BAD_NAME = os.fsdecode(b"a\xff.txt")
GBK_NAME = os.fsdecode("科技.txt".encode("gbk"))  # 0xBF is never a UTF-8 lead byte


def seed(seeds_dir: Path, n: int = 0) -> Path:
    return sorted(seeds_dir.glob("*.txt"))[n]


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("警告：")]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real console entry in a child, with real (UTF-8) standard streams."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_a_non_utf8_file_name_is_read_end_to_end(tmp_path: Path, seeds_dir: Path) -> None:
    # the reported case: cp seeds/000_*.txt "d/$(printf 'a\xff.txt')"; briefing build -i d -o o
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(seed(seeds_dir), folder / BAD_NAME)
    shown = "d/a\\xff.txt"
    for extra in ([], ["--force"]):  # the second run serves the document from the state's cache
        done = run_cli("build", "-i", "d", "-o", "o", *extra, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert warnings_of(done.stderr) == [
            f"警告：{shown}: 文件名不是 UTF-8 编码；已读取，以转义形式记录，"
            "建议改名（如 convmv -f gbk -t utf-8）"
        ]
        assert "读取文件 1 份，纳入本期 1 份，未能读取 0 份，警告 1 条" in done.stderr
    manifest = json.loads((tmp_path / "o/all/manifest.json").read_text(encoding="utf-8"))
    assert [item["source"] for item in manifest["inputs"]] == [shown]

    extracted = run_cli("extract", "d", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    (record,) = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert record["source"] == shown
    assert record["measures"]
    # the escaped form is reversible: the bytes of the name come back
    assert os.fsencode(BAD_NAME) == record["source"][2:].encode("latin-1").decode(
        "unicode_escape"
    ).encode("latin-1")


def test_a_gbk_name_from_a_windows_zip_is_named_with_its_gbk_reading(
    tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / os.fsdecode("资料".encode("gbk"))
    folder.mkdir()
    shutil.copy(seed(seeds_dir), folder / GBK_NAME)
    shutil.copy(seed(seeds_dir, 1), folder / "b.txt")
    docs = extract_documents([folder], Classifier(load_lexicon()))
    gbk_source = escaped(f"{folder.as_posix()}/{GBK_NAME}")
    assert [d.source for d in docs] == [escaped(f"{folder.as_posix()}/b.txt"), gbk_source]
    # one warning per bad name: the folder's with its first file, the file's with the file
    folder_shown = escaped(folder.as_posix())
    assert docs[0].warnings[0] == (
        f"{folder_shown}: 文件夹名不是 UTF-8 编码，按 GBK 解读是“资料”；已读取，以转义形式记录，"
        "建议改名（如 convmv -f gbk -t utf-8）"
    )
    assert docs[1].warnings[0] == (
        f"{gbk_source}: 文件名不是 UTF-8 编码，按 GBK 解读是“科技.txt”；已读取，"
        "以转义形式记录，建议改名（如 convmv -f gbk -t utf-8）"
    )
    assert not any("UTF-8" in w for w in [*docs[0].warnings[1:], *docs[1].warnings[1:]])
    assert docs[1].measures


def test_a_device_given_as_input_is_skipped_unopened(tmp_path: Path) -> None:
    # `briefing build -i /dev/zero` used to read forever
    result = runner.invoke(app, ["build", "-i", "/dev/zero", "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert warnings_of(result.stderr) == [
        "警告：/dev/zero: 不是普通文件（字符设备），已跳过，未打开"
    ]
    assert "读取文件 1 份，纳入本期 0 份，未能读取 1 份，警告 1 条" in result.stderr


def test_the_summary_counts_a_copy_as_skipped_not_as_unreadable(
    tmp_path: Path, seeds_dir: Path
) -> None:
    # red13: a file whose content was already read under another name was counted as 未能读取,
    # while the manifest called it a duplicate
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed(seeds_dir), folder / "a.txt")
    shutil.copy(seed(seeds_dir), folder / "b.txt")
    result = runner.invoke(app, ["build", "-i", str(folder), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert (
        "读取文件 2 份，纳入本期 1 份，未能读取 0 份，与其他文件内容相同而跳过 1 份，警告 1 条"
        in result.stderr
    )


def test_fifos_and_sockets_are_skipped_unopened(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed(seeds_dir), folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")  # opening it would block until a writer comes
    os.mkfifo(folder / "pipe")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.txt"))
        result = runner.invoke(app, ["extract", str(folder), str(folder / "pipe.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].removeprefix(folder.as_posix()) for r in records] == [
        "/a.txt",
        "/pipe",
        "/pipe.txt",
        "/sock.txt",
        "/pipe.txt",
    ]
    assert warnings_of(result.stderr) == [
        f"警告：{folder.as_posix()}/pipe: 不是普通文件（命名管道（FIFO）），已跳过，未打开",
        f"警告：{folder.as_posix()}/pipe.txt: 不是普通文件（命名管道（FIFO）），已跳过，未打开",
        f"警告：{folder.as_posix()}/sock.txt: 不是普通文件（套接字），已跳过，未打开",
        f"警告：{folder.as_posix()}/pipe.txt: 不是普通文件（命名管道（FIFO）），已跳过，未打开",
    ]
    assert "已处理 5 个文件" in result.stderr
    assert "警告 4 条" in result.stderr


def test_links_are_followed_only_inside_the_input_folder(tmp_path: Path, seeds_dir: Path) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    shutil.copy(seed(seeds_dir, 1), outside / "shadow.txt")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seed(seeds_dir), folder / "sub" / "a.txt")
    (folder / "to-secret.txt").symlink_to(outside / "shadow.txt")
    (folder / "secret-dir").symlink_to(outside)
    (folder / "alias").symlink_to("sub")  # inside: followed (its file is the same content)
    (folder / "sub" / "up").symlink_to("..")  # a loop through a parent
    (folder / "self.txt").symlink_to("self.txt")  # a loop on itself
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")

    files = iter_input_files([folder])
    base = folder.as_posix()
    assert [(f.source.removeprefix(base), f.problem) for f in files] == [
        ("/alias/a.txt", None),
        ("/alias/up/", f"符号链接形成循环（指向上级文件夹 {base}），已跳过"),
        ("/gone.txt", "符号链接无法打开（文件或文件夹不存在），已跳过"),
        (
            "/secret-dir",
            f"符号链接指向输入文件夹之外（{outside.as_posix()}），已跳过；确需读取时加 --follow-links",
        ),
        ("/self.txt", "符号链接形成循环，已跳过"),
        ("/sub/", f"与 {base}/alias 是同一文件夹，已跳过"),
        (
            "/to-secret.txt",
            f"符号链接指向输入文件夹之外（{outside.as_posix()}/shadow.txt），已跳过；"
            "确需读取时加 --follow-links",
        ),
    ]

    followed = iter_input_files([folder], follow_links=True)
    assert [(f.source.removeprefix(base), f.problem) for f in followed if f.problem is None] == [
        ("/alias/a.txt", None),
        ("/secret-dir/shadow.txt", None),
        ("/to-secret.txt", None),
    ]

    # through the CLI: the secret never reaches the output, the skips are counted
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    assert "shadow" not in "".join(json.loads(r)["source"] for r in result.stdout.splitlines())
    assert len(warnings_of(result.stderr)) == 6
    assert "已处理 7 个文件" in result.stderr
    linked = runner.invoke(app, ["extract", "--follow-links", str(folder)])
    assert "secret-dir/shadow.txt" in linked.stdout


def test_a_loop_into_an_ancestor_is_named_as_a_loop(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seed(seeds_dir), folder / "sub" / "a.txt")
    (folder / "sub" / "up").symlink_to("..")
    files = iter_input_files([folder])
    base = folder.as_posix()
    assert [(f.source.removeprefix(base), f.problem) for f in files] == [
        ("/sub/a.txt", None),
        ("/sub/up/", f"符号链接形成循环（指向上级文件夹 {base}），已跳过"),
    ]


def test_an_unreadable_subfolder_is_a_warning(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(seed(seeds_dir), folder / "a.txt")
    locked = str(folder / "locked")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        # chmod 000 does not stop root (the tests may run as root): refuse like the OS would
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    assert warnings_of(result.stderr) == [
        f"警告：{folder.as_posix()}/locked/: 无法读取文件夹（没有权限），已跳过"
    ]
    assert "已处理 2 个文件" in result.stderr


def test_an_output_folder_inside_the_input_folder_is_not_read_back(
    tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed(seeds_dir), folder / "a.txt")
    args = ["build", "-i", str(folder), "-o", str(folder / "out"), "--strict"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert (folder / "out/all/manifest.json").is_file()
    # used to read its own briefing, workbook and manifest back in and fail --strict for good
    again = runner.invoke(app, [*args, "--force"])
    assert again.exit_code == 0, again.output
    assert "读取文件 1 份，纳入本期 1 份，未能读取 0 份，警告 0 条" in again.stderr
    # an output folder given as the input: the documents put there are read, its issues not
    shutil.copy(seed(seeds_dir, 1), folder / "out" / "b.txt")
    same = runner.invoke(app, ["extract", str(folder / "out")])
    sources = [json.loads(r)["source"] for r in same.stdout.splitlines()]
    assert sources == [(folder / "out" / "b.txt").as_posix()]


def test_an_output_folder_given_as_the_input_folder_reads_the_users_own_year_folders(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Round 10: `-i 文件 -o 文件` skipped every folder named like a period ("2024") once the
    run state was there, silently: the documents filed by year were left out of the briefing."""
    folder = tmp_path / "文件"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(seed(seeds_dir), folder / "2024" / "a.txt")
    shutil.copy(seed(seeds_dir, 1), folder / "b.txt")
    args = ["build", "-i", str(folder), "-o", str(folder), "-p", "all", "--strict"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "读取文件 2 份，纳入本期 2 份" in first.stderr
    # and the tool's own files in a period folder are still not read back
    (folder / "all" / "a.txt").write_text(seed(seeds_dir, 2).read_text("utf-8"), "utf-8")
    again = runner.invoke(app, [*args, "--force"])
    assert again.exit_code == 0, again.output
    assert "读取文件 3 份，纳入本期 3 份，未能读取 0 份，警告 0 条" in again.stderr
    # nor when the period folder itself is given as the input
    alone = runner.invoke(app, ["extract", str(folder / "all")])
    assert [json.loads(r)["source"] for r in alone.stdout.splitlines()] == [
        (folder / "all" / "a.txt").as_posix()
    ]


def test_a_non_utf8_folder_above_the_given_path_is_named_once(
    tmp_path: Path, seeds_dir: Path
) -> None:
    folder = tmp_path / os.fsdecode("科技".encode("gbk")) / "docs"
    folder.mkdir(parents=True)
    shutil.copy(seed(seeds_dir), folder / "a.txt")
    shutil.copy(seed(seeds_dir, 1), folder / "b.txt")
    reading = "以转义形式记录，建议改名（如 convmv -f gbk -t utf-8）"
    for given in (folder, folder / "a.txt"):
        files = iter_input_files([given])
        shown = escaped(given.as_posix())
        assert files[0].warnings == (
            f"{shown}: 文件夹名不是 UTF-8 编码，按 GBK 解读是“科技”；已读取，{reading}",
        )
        assert all(f.warnings == () for f in files[1:])
