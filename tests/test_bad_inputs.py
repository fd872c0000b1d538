"""Bad inputs: every one is a ReadError with a short Chinese reason or a document with a warning,
never a traceback; nothing a DOCX cannot hold gets through."""

from __future__ import annotations

import json
import re
import tracemalloc
from pathlib import Path

import pytest

from briefing.errors import ReadError
from briefing.readers import read_file
from briefing.readers.common import MAX_TEXT_BYTES
from tests.fixtures.builders import make_docx, make_pdf

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name", ["a.txt", "a.md", "a.html", "a.docx", "a.pdf", "a.jsonl", "a.json"]
)
@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n"])
def test_empty_file_is_reported_as_empty(tmp_path: Path, name: str, content: bytes) -> None:
    with pytest.raises(ReadError, match="文件为空"):
        read_file(write(tmp_path, name, content), name)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "不是文本文件（看起来是 PNG 图片 文件）"),
        (b"%PDF-1.7\n" + bytes(100), "不是文本文件（看起来是 PDF 文件）"),
        (bytes(range(256)) * 8, "不是文本文件"),
        (b"ELF\x7f" + b"\x00\x01\x02\x03" * 100, "不是文本文件"),
    ],
    ids=["png", "pdf", "all-bytes", "elf"],
)
def test_binary_file_with_a_text_suffix_is_not_text(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    with pytest.raises(ReadError) as info:
        read_file(write(tmp_path, "a.txt", content), "a.txt")
    assert str(info.value) == reason


def test_a_few_undecodable_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    # One damaged byte must not cost a whole document; the warning lets --strict fail on it.
    body = "一、工作开展情况\n科技型企业达到7565家。\n" * 40
    path = write(tmp_path, "a.txt", body.encode() + b"\xff\xfe\xfa" + "结尾。".encode())
    (doc,) = read_file(path, "in/a.txt")
    assert doc.text == body + "\ufffd" * 3 + "结尾。"
    assert doc.warnings == ["in/a.txt: 有 3 处字节无法按 UTF-8 解码，已替换为“\ufffd”"]


def test_damaged_gbk_is_still_read_as_chinese_with_a_warning(tmp_path: Path) -> None:
    body = "一、工作开展情况\n科技型企业达到7565家，分别增长19.2%、36.1%。\n" * 30
    data = body.encode("gbk")
    (doc,) = read_file(write(tmp_path, "a.txt", data[:500] + b"\xff" + data[500:]), "a.txt")
    assert doc.text.replace("\ufffd", "") == body
    assert doc.warnings == ["a.txt: 有 1 处字节无法按 GB18030 解码，已替换为“\ufffd”"]


def test_bytes_no_encoding_decodes_are_a_read_error(tmp_path: Path) -> None:
    data = bytes([0x81, 0x20, 0xFF, 0x41, 0x80, 0xFE, 0x0A] * 60)
    with pytest.raises(ReadError, match="编码"):
        read_file(write(tmp_path, "a.txt", data), "a.txt")


CONTROL = "\x01\x08\x0b\x0c\x1b\x1f\ufffe"  # NUL bytes: see the tests below


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.jsonl"])
def test_xml_invalid_control_characters_are_stripped(tmp_path: Path, name: str) -> None:
    text = f"一、总体要求{CONTROL}\n正文{CONTROL}内容。"
    if name.endswith(".jsonl"):
        data = json.dumps({"text": text + "\x00"}).encode()  # JSON escapes decode to controls
    elif name.endswith(".html"):
        data = f"<p>{text.replace(chr(10), '</p><p>')}</p>".encode()
    else:
        data = text.encode()
    (doc,) = read_file(write(tmp_path, name, data), name)
    assert not XML_INVALID.search(doc.text)
    assert doc.text.replace("\n", "") == "一、总体要求正文内容。"


def test_binary_padding_is_not_taken_for_utf16_text(tmp_path: Path) -> None:
    # 00 FF 00 FF… decodes as UTF-16 to "ÿÿÿÿ…" (or U+FF00 repeated): printable, but no text.
    for data in (b"\x00\xff" * 600, b"\xff\x00" * 600, b"\x00\xff\x00\xfe" * 300):
        with pytest.raises(ReadError) as info:
            read_file(write(tmp_path, "a.txt", data), "a.txt")
        assert str(info.value) == "不是文本文件"


def test_real_utf16_without_bom_is_still_text(tmp_path: Path) -> None:
    for text in ("一、总体要求\n加强基础研究。\n", "Annual report 2023\n"):
        for codec in ("utf-16-le", "utf-16-be"):
            (doc,) = read_file(write(tmp_path, "a.txt", text.encode(codec)), "a.txt")
            assert doc.text == text


def test_a_few_nul_bytes_are_dropped_with_a_warning_not_the_whole_file(tmp_path: Path) -> None:
    body = "一、工作开展情况\n科技型企业达到7565家。\n二、下一步计划\n加强基础研究。\n"
    data = body.encode()
    damaged = data[:20] + b"\x00" + data[20:40] + b"\x00\x00" + data[40:]
    (doc,) = read_file(write(tmp_path, "a.txt", damaged), "in/a.txt")
    assert doc.text == body
    assert doc.warnings == ["in/a.txt: 有 3 个空字符（NUL）无法作为文字读取，已删除"]


def test_text_full_of_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    # Not dropped as "a few", and not read as UTF-16 either (its byte pairs make ideographs).
    data = b"".join(b"abcdefgh\x00" for _ in range(200))
    with pytest.raises(ReadError, match=r"^不是文本文件$"):
        read_file(write(tmp_path, "a.txt", data), "a.txt")


def test_json_syntax_errors_are_reported_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_file(write(tmp_path, "a.json", b'[\n{"text": }]'), "a.json")
    assert str(info.value) == "不是有效的 JSON（第 2 行第 10 列：缺少值）"
    (doc,) = read_file(write(tmp_path, "a.jsonl", b'{"text": "' + b"9" * 5000 + b'"'), "a.jsonl")
    assert doc.warnings == ["a.jsonl#1: 第 1 行不是有效的 JSON（第 5012 列：缺少逗号）"]


def test_a_document_with_no_body_is_reported_with_its_name(tmp_path: Path) -> None:
    from briefing.pipeline import extract_documents
    from briefing.themes import Classifier, load_lexicon

    path = write(tmp_path, "a.txt", "索引号：11500000MB1589\n发布日期：2024-01-05\n".encode())
    (doc,) = extract_documents([path], Classifier(load_lexicon()))
    assert f"{path.as_posix()}: 未识别到正文内容" in doc.warnings
    assert all(w.startswith(f"{path.as_posix()}: ") for w in doc.warnings)


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", ["一、总体要求", "正文。" * 200])
    data = good.read_bytes()
    for cut in (len(data) // 2, len(data) - 30, 100):
        path = write(tmp_path, f"cut{cut}.docx", data[:cut])
        with pytest.raises(ReadError) as info:
            read_file(path, path.name)
        assert str(info.value) == "DOCX 文件已损坏或不完整"


def test_docx_that_is_really_text_or_old_word(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="DOCX 文件已损坏或不完整"):
        read_file(write(tmp_path, "a.docx", "不是压缩包".encode()), "a.docx")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    with pytest.raises(ReadError, match="旧版 Word"):
        read_file(write(tmp_path, "b.docx", ole), "b.docx")


def test_docx_without_text(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="没有文字"):
        read_file(make_docx(tmp_path / "a.docx", ["", "   "]), "a.docx")


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", [["一、总体要求"]], encrypt="secret")
    with pytest.raises(ReadError, match="PDF 已加密，需要密码才能读取"):
        read_file(path, "a.pdf")


def test_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [["一、总体要求", "正文。"]] * 2, text=False)
    with pytest.raises(ReadError) as info:
        read_file(path, "scan.pdf")
    assert str(info.value) == "PDF 没有文字层（可能是扫描件），需要先做 OCR"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage",
        b"%PDF-",
        "一段文字".encode(),
        b"PK\x03\x04",
    ],
)
def test_corrupt_pdf_is_a_read_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReadError, match="PDF"):
        read_file(write(tmp_path, "a.pdf", data), "a.pdf")


def test_truncated_pdf_is_read_or_reported(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf", [["一、总体要求", "正文。"]] * 3)
    data = good.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 20):
        path = write(tmp_path, "cut.pdf", data[:cut])
        try:
            docs = read_file(path, "cut.pdf")
        except ReadError as exc:
            assert "PDF" in str(exc)
        else:
            assert "总体要求" in docs[0].text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>一、总体要求<p>正文内容。<div><span>未闭合",
        "<p>一、总体要求</p><p>正文内容。</p><table><tr><td>单元格",
        "<div>" * 5000 + "深层嵌套的正文。" + "</div>" * 10,
        # each row once looked at every cell of the tables below it: minutes for a 50 KB page
        "<table><tr><td>格" * 1500 + "深层表格中的正文。" + "</td></tr></table>" * 1500,
        "<p>正文内容。</p><script>var s = '<p>",
        "一、总体要求</td></tr></table></body></html><p>正文内容。",
    ],
    ids=[
        "unclosed",
        "truncated-table",
        "deep-nesting",
        "nested-tables",
        "open-script",
        "stray-end-tags",
    ],
)
def test_broken_html_still_yields_text(tmp_path: Path, page: str) -> None:
    (doc,) = read_file(write(tmp_path, "a.html", page.encode()), "a.html")
    assert "正文" in doc.text


def test_html_without_visible_text_is_a_read_error(tmp_path: Path) -> None:
    page = b"<html><head><script>var a = 1;</script><style>p{}</style></head><body> </body></html>"
    with pytest.raises(ReadError, match="网页中没有正文文字"):
        read_file(write(tmp_path, "a.html", page), "a.html")


def test_jsonl_bad_lines_do_not_lose_the_good_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "甲", "text": "甲的正文。"}, ensure_ascii=False),
        '{"title": "乙", "text": ',  # truncated
        '["not", "an", "object"]',
        json.dumps({"title": "丙"}, ensure_ascii=False),  # no text
        "",
        json.dumps({"title": "丁", "body": "丁的正文。"}, ensure_ascii=False),
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(lines).encode())
    docs = read_file(path, "a.jsonl")
    good = [d for d in docs if d.text]
    bad = [d for d in docs if not d.text]
    assert [(d.source, d.text) for d in good] == [
        ("a.jsonl#1", "甲的正文。"),
        ("a.jsonl#6", "丁的正文。"),
    ]
    assert [d.source for d in bad] == ["a.jsonl#2", "a.jsonl#3", "a.jsonl#4"]
    assert bad[0].warnings[0].startswith("a.jsonl#2: 第 2 行不是有效的 JSON")
    assert bad[1].warnings == ["a.jsonl#3: 第 3 行不是 JSON 对象"]
    assert "没有正文" in bad[2].warnings[0]
    assert all(d.warnings == [] for d in good)


def test_jsonl_with_only_bad_lines_reports_each(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", b"{oops\n\xff\xfe\x00\x01\n42\n")
    docs = read_file(path, "a.jsonl")
    assert [d.source for d in docs] == ["a.jsonl#1", "a.jsonl#2", "a.jsonl#3"]
    assert all(d.text == "" and len(d.warnings) == 1 for d in docs)


def test_invalid_json_file_says_where(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="第 2 行"):
        read_file(write(tmp_path, "a.json", b'[\n{"text": }]'), "a.json")
    with pytest.raises(ReadError, match="文档对象"):
        read_file(write(tmp_path, "b.json", b'"just a string"'), "b.json")


def test_huge_text_file_is_read_in_bounded_memory(tmp_path: Path) -> None:
    line = ("科技型企业达到7565家，分别增长19.2%、36.1%。" * 4 + "\n").encode()
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        block = line * (1024 * 1024 // len(line) + 1)
        for _ in range(50):
            fh.write(block)
    size = path.stat().st_size
    assert size > 50 * 1024 * 1024
    tracemalloc.start()
    try:
        (doc,) = read_file(path, "huge.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_TEXT_BYTES < size  # proportional to the limit, not to the file
    kept = len(doc.text.encode("utf-8"))
    assert MAX_TEXT_BYTES - len(line) <= kept <= MAX_TEXT_BYTES
    assert doc.text.endswith("。\n")  # cut at a line end, no broken character
    assert doc.warnings == [
        f"huge.txt: 文件大小 {size / 1048576:.1f} MB，超过 8 MB 上限，只读取了前 {kept / 1048576:.1f} MB，其余部分未读取"
    ]


def test_unreadable_path_is_a_read_error(tmp_path: Path) -> None:
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="无法读取文件：这是文件夹，不是文件"):
        read_file(folder, "dir.txt")
    with pytest.raises(ReadError, match="无法读取文件：文件不存在"):
        read_file(tmp_path / "gone.jsonl", "gone.jsonl")


def test_a_name_with_a_newline_or_escape_cannot_forge_or_garble_the_summary(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """A name is anything a folder allows: a newline must not start a line of its own in the
    summary (here one that looks like a message of the tool), a carriage return must not
    overwrite one, ESC must not recolour the terminal. Read, recorded escaped, and warned of."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "收件"
    folder.mkdir()
    seed = sorted(seeds_dir.glob("*.txt"))[0].read_bytes()
    names = ["甲\n简报已生成：伪造.txt", "乙\r丙.txt", "丁\x1b[2J戊\u202etxt.md"]
    for index, name in enumerate(names):
        (folder / name).write_bytes(seed + f"\n附{index}。\n".encode())
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "-i", "收件", "-o", "出"],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not re.search("[\x00-\x09\x0b-\x1f\u202e]", done.stderr)
    lines = done.stderr.splitlines()
    assert [line for line in lines if line.startswith("简报已生成")] == [
        "简报已生成：全部文件，第1期"
    ]
    shown = ["收件/甲\\n简报已生成：伪造.txt", "收件/乙\\r丙.txt", "收件/丁\\x1b[2J戊\\u202etxt.md"]
    assert sorted(line for line in lines if line.startswith("警告：")) == sorted(
        f"警告：{name}: 文件名含有换行、控制字符、方向控制符或零宽字符；已读取，以转义形式记录，"
        "建议改名"
        for name in shown
    )
    assert "读取文件 3 份，纳入本期 3 份，未能读取 0 份，警告 3 条" in done.stderr
    manifest = json.loads((tmp_path / "出/all/manifest.json").read_text(encoding="utf-8"))
    assert sorted(item["source"] for item in manifest["inputs"]) == sorted(shown)


def test_names_that_read_the_same_as_another_are_told_apart(tmp_path: Path) -> None:
    """Round 15: "通\u200b知.txt" (a zero-width space) and "通知.txt", "café.txt" precomposed and
    decomposed (as macOS writes it): two files, one name in the sources list, the workbook and
    the manifest. The invisible character is now recorded escaped; the other pair is warned of,
    each warning spelling both names apart."""
    import unicodedata

    from briefing.inputs import iter_input_files

    names = ["通知.txt", "通\u200b知.txt", "café.txt", unicodedata.normalize("NFD", "café.txt")]
    for index, name in enumerate(names):
        (tmp_path / name).write_text(f"关于科技创新的通知\n\n一是加大投入{index}。\n", "utf-8")
    files = iter_input_files([tmp_path])
    shown = {item.source.rpartition("/")[2]: item.warnings for item in files}
    assert sorted(shown) == sorted([*names[:1], "通\\u200b知.txt", *names[2:]])
    assert not shown["通知.txt"]
    assert "零宽字符" in shown["通\\u200b知.txt"][0]
    marks = [w for item in files for w in item.warnings if "看起来相同" in w]
    assert len(marks) == 2 and all("cafe\\u0301.txt" in w for w in marks), marks


@pytest.mark.parametrize("name", ["稀疏.txt", "稀疏.docx", "稀疏.pdf"])
def test_a_terabyte_sparse_file_is_skipped_unopened_not_hashed_for_hours(
    tmp_path: Path, seeds_dir: Path, name: str
) -> None:
    """Every input is hashed whole (its identity in the cache); a sparse file of a few
    terabytes costs no disk but hours of reading. Over the file limit it is never opened."""
    from briefing.pipeline import extract_documents
    from briefing.readers import limits
    from briefing.themes import Classifier, load_lexicon

    folder = tmp_path / "收件"
    folder.mkdir()
    (folder / "正文.txt").write_bytes(sorted(seeds_dir.glob("*.txt"))[0].read_bytes())
    sparse = folder / name
    try:
        with sparse.open("wb") as handle:
            handle.truncate(2 << 40)  # 2 TB of holes
    except OSError:
        pytest.skip("this file system has no sparse files of 2 TB")
    docs = extract_documents([folder], Classifier(load_lexicon()))
    (skipped,) = [doc for doc in docs if doc.source.endswith(name)]
    limit = limits.size_text(limits.MAX_FILE_BYTES)
    assert skipped.warnings == [
        f"{sparse.as_posix()}: 文件大小 2097152 MB，超过 {limit} 上限，已跳过，未打开"
    ]
    assert [doc.measures != [] for doc in docs if doc is not skipped] == [True]


def test_a_file_that_grows_past_the_limit_while_it_is_read_is_not_read_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listed small, then written to by another program (a download still running): reading
    stops at the file limit and says why, instead of following the writer for ever."""
    from briefing.inputs import iter_input_files
    from briefing.pipeline import read_documents
    from briefing.readers import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1 << 20)
    path = write(tmp_path, "在写.txt", "一、总体要求\n加强基础研究。\n".encode() * 1000)
    (item,) = iter_input_files([path])
    assert item.problem is None
    with path.open("ab") as handle:
        handle.write(b"\n" * (2 << 20))
    (record,) = read_documents([item])
    assert record.warnings == [
        f"{path.as_posix()}: 文件在读取过程中超过 1 MB 上限（可能正被其他程序写入），未读取"
    ]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["换.txt", "换.jsonl", "换.docx"])
def test_a_file_replaced_by_a_fifo_after_listing_is_refused_without_waiting(
    tmp_path: Path, name: str
) -> None:
    """Listed as a file, then swapped for a named pipe before it is read: opening a FIFO
    waits for a writer for ever, so the run would hang. It is refused at once instead."""
    import os

    from briefing.inputs import iter_input_files
    from briefing.pipeline import read_documents

    path = write(tmp_path, name, "一、总体要求\n加强基础研究。\n".encode())
    (item,) = iter_input_files([path])
    assert item.problem is None
    path.unlink()
    os.mkfifo(path)
    (record,) = read_documents([item])
    assert record.warnings == [
        f"{path.as_posix()}: 在读取前被替换为非普通文件（如命名管道或设备），未读取"
    ]


def _document(path: Path, line: str) -> Path:
    """`path` holding one line of text, in the format its suffix names."""
    if path.suffix == ".docx":
        return make_docx(path, [line])
    if path.suffix == ".pdf":
        return make_pdf(path, [[line]])
    path.write_text(line, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["换.txt", "换.docx", "换.pdf", "换.jsonl"])
def test_a_file_swapped_for_a_link_out_of_the_folder_after_listing_is_not_read(
    tmp_path: Path, name: str
) -> None:
    """Listed as a plain file, then replaced by a link to a file outside the input folder
    before it is read: the reader used to follow the link, and the outside file's text went
    into the briefing. Now the file is refused, naming why, and nothing of the target is read."""
    import os

    from briefing.inputs import iter_input_files
    from briefing.pipeline import read_documents

    folder = tmp_path / "来文"
    folder.mkdir()
    secret = _document(tmp_path / f"私人{Path(name).suffix}", "保密内容：账号口令一览")
    if name.endswith(".jsonl"):
        secret.write_text('{"text": "保密内容：账号口令一览"}', encoding="utf-8")
    path = _document(folder / name, "一、总体要求")
    if name.endswith(".jsonl"):
        path.write_text('{"text": "一、总体要求"}', encoding="utf-8")
    (item,) = iter_input_files([folder])
    path.unlink()
    os.symlink(secret, path)
    records = list(read_documents([item]))
    assert [r.warnings for r in records] == [
        [f"{item.source}: 在列出文件夹后被替换为符号链接或另一个文件，未读取"]
    ]
    assert all("保密" not in getattr(r, "text", "") for r in records)


def test_a_subfolder_swapped_for_a_link_after_listing_is_not_read(tmp_path: Path) -> None:
    """The same through a folder on the way: 来文/子/a.txt listed, then 子 replaced by a link
    to a folder outside holding its own a.txt. The last name is no link, so only the open
    file's identity shows that it is another file."""
    import os

    from briefing.inputs import iter_input_files
    from briefing.pipeline import read_documents

    (tmp_path / "外").mkdir()
    (tmp_path / "外" / "a.txt").write_text("保密内容：账号口令一览", encoding="utf-8")
    sub = tmp_path / "来文" / "子"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("一、总体要求", encoding="utf-8")
    (item,) = iter_input_files([tmp_path / "来文"])
    (sub / "a.txt").unlink()
    sub.rmdir()
    os.symlink(tmp_path / "外", sub)
    (record,) = read_documents([item])
    assert record.warnings == [f"{item.source}: 在列出文件夹后被替换为符号链接或另一个文件，未读取"]


def test_a_list_number_bomb_in_a_docx_is_not_drawn(tmp_path: Path) -> None:
    """A level text of 100 000 "%1" with letter numbering from 10 000 (385 letters each) turned a
    37 KB DOCX into 38 million characters (a million "%1": 385 million, 1.1 GB). A label longer
    than any real list number is not drawn; the paragraphs are kept."""
    import docx
    from lxml import etree

    w_ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    level_text = "%1" * 100_000
    numbering.insert(
        0,
        etree.fromstring(
            f'<w:abstractNum {w_ns} w:abstractNumId="90"><w:lvl w:ilvl="0">'
            '<w:start w:val="10000"/><w:numFmt w:val="lowerLetter"/>'
            f'<w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        etree.fromstring(f'<w:num {w_ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for text in ("加强基础研究。", "推进成果转化。"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            etree.fromstring(f'<w:numPr {w_ns}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    path = tmp_path / "编号.docx"
    document.save(str(path))
    assert path.stat().st_size < 64 * 1024
    (doc,) = read_file(path, "编号.docx")
    assert doc.text.split("\n") == ["加强基础研究。", "推进成果转化。"]
    assert doc.warnings == []


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_file_rewritten_in_place_while_it_is_read_is_not_cached_under_the_old_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Round 10: a DOCX or PDF was hashed, then parsed by a second read; rewritten in place in
    between (same file, other bytes), its document carried the first content's hash and the
    second content's text, and the cache kept that lie for any file of the first content."""
    import hashlib
    import types
    import zipfile

    import pypdf

    first, second = tmp_path / f"first.{kind}", tmp_path / f"second.{kind}"
    module: types.ModuleType
    if kind == "docx":
        make_docx(first, ["原来的文件：加强基础研究。"])
        make_docx(second, ["改写后的文件：另一段文字。"])
        module, name = zipfile, "ZipFile"
    else:
        make_pdf(first, [["Original text of the file."]])
        make_pdf(second, [["Rewritten text of another file."]])
        module, name = pypdf, "PdfReader"
    path = tmp_path / f"a.{kind}"
    path.write_bytes(first.read_bytes())
    parser = getattr(module, name)

    def rewritten_first(*args: object, **kwargs: object) -> object:
        with path.open("r+b") as handle:  # the same file (inode), new bytes
            handle.write(second.read_bytes())
            handle.truncate()
        return parser(*args, **kwargs)

    monkeypatch.setattr(module, name, rewritten_first)
    try:
        docs = read_file(path, path.name)
    except ReadError as exc:
        assert "在读取过程中被改写" in str(exc)
    else:  # whatever was read must carry the hash of the bytes it was read from
        (doc,) = docs
        shown = first if ("原来" in doc.text or "Original" in doc.text) else second
        assert doc.sha256 == hashlib.sha256(shown.read_bytes()).hexdigest()


def test_hidden_text_in_a_docx_does_not_reach_the_briefing(tmp_path: Path) -> None:
    """Round 10: a run formatted as hidden text (Word's 隐藏文字, w:vanish), which Word neither
    shows nor prints, was read like any other: a file could put figures into the briefing that
    no one opening it sees."""
    import zipfile

    path = make_docx(tmp_path / "a.docx", ["公开的段落：加强基础研究。"])
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    hidden = (
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏：全市研发投入达到999亿元。</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示的文字。</w:t></w:r>'
    ).encode()
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:t></w:r>", b"</w:t></w:r>" + hidden, 1
    )
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    (doc,) = read_file(path, "a.docx")
    assert "999亿元" not in doc.text
    assert doc.text == "公开的段落：加强基础研究。显示的文字。"


def test_text_hidden_by_its_styles_in_a_docx_does_not_reach_the_briefing(tmp_path: Path) -> None:
    """Round 11: text hidden through a style (a character style, a paragraph style, or one based
    on such a style) was read: only a run's own formatting was looked at. Its own `w:vanish
    w:val="0"` still shows it, as LibreOffice does."""
    import zipfile

    path = make_docx(tmp_path / "a.docx", ["公开的段落：加强基础研究。"])
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    styles = (
        b'<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        b"<w:rPr><w:vanish/></w:rPr></w:style>"
        b'<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/>'
        b"<w:rPr><w:vanish/></w:rPr></w:style>"
        b'<w:style w:type="paragraph" w:styleId="Note2"><w:name w:val="Note2"/>'
        b'<w:basedOn w:val="Note"/></w:style>'
    )
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b"</w:styles>", styles + b"</w:styles>"
    )
    body = (
        '<w:p><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr>'
        "<w:t>全市研发投入达到999亿元。</w:t></w:r><w:r><w:t>显示的文字。</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:pStyle w:val="Note2"/></w:pPr><w:r><w:t>投入888亿元。</w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>照常显示。</w:t></w:r></w:p>'
    ).encode()
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:sectPr", body + b"<w:sectPr", 1
    )
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    (doc,) = read_file(path, "a.docx")
    assert "999亿元" not in doc.text and "888亿元" not in doc.text
    assert doc.text == "公开的段落：加强基础研究。\n显示的文字。\n照常显示。"


@pytest.mark.parametrize("declared", ["utf-16", "UTF-32", "cp037"])
def test_a_page_whose_meta_charset_contradicts_its_own_bytes_is_read_in_its_real_encoding(
    tmp_path: Path, declared: str
) -> None:
    """Round 10: a GBK page declaring `<meta charset="utf-16">` (or UTF-32, EBCDIC) was decoded
    as it declared, without a warning, into clean-looking CJK or Latin garbage. A declaration
    read as ASCII cannot name an encoding in which ASCII is something else; browsers ignore it."""
    text = "关于加强科技创新工作的通知，全市研发投入十二亿元。"
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    data = page.encode("gbk")
    (doc,) = read_file(write(tmp_path, "a.html", data + b" " * (len(data) % 4)), "a.html")
    assert doc.text == text


def test_a_docx_with_two_parts_of_one_name_is_refused(tmp_path: Path) -> None:
    """Round 10: of two `word/document.xml` entries the reader took the last (as zipfile does)
    while another program may show the first: one file, two texts. Part names are unique."""
    import warnings
    import zipfile

    path = make_docx(tmp_path / "a.docx", ["一、总体要求"])
    with zipfile.ZipFile(path) as old:
        parts = [(info, old.read(info.filename)) for info in old.infolist()]
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as new:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
        for info, data in parts:
            new.writestr(info, data)
            if info.filename == "word/document.xml":
                new.writestr(
                    "word/document.xml",
                    data.replace("总体要求".encode(), "研发投入999亿元".encode()),
                )
    with pytest.raises(ReadError, match="压缩包中有重名的部分"):
        read_file(path, "a.docx")


@pytest.mark.parametrize(
    "style", ["DISPLAY:NONE", "display:\tnone", "visibility: hidden", "color:red; display : none"]
)
def test_text_a_page_hides_by_any_spelling_of_its_style_is_not_read(
    tmp_path: Path, style: str
) -> None:
    """Round 10: only `display:none` in lower case with spaces was taken as hidden; the same
    rule in capitals, with a tab, or `visibility: hidden` (all hidden by a browser) gave text
    no reader of the page sees to the briefing."""
    page = (
        "<html><body><p>公开的段落：加强基础研究。</p>"
        f'<p style="{style}">隐藏：全市研发投入达到999亿元。</p></body></html>'
    )
    (doc,) = read_file(write(tmp_path, "a.html", page.encode()), "a.html")
    assert doc.text == "公开的段落：加强基础研究。"
