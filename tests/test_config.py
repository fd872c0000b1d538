from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import Settings, find_config, load_settings
from briefing.errors import ConfigError


def test_defaults_without_a_file() -> None:
    assert load_settings(None) == Settings()


def test_file_values_override_defaults_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text(
        'input = ["docs"]\noutput = "reports"\nperiod = "2024-03"\n'
        '[masthead]\nname = "科技工作简报"\neditor = "市科技局办公室"\nfirst_issue = 7\n'
        "[footer]\ncopies = 12\n",
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.inputs == (tmp_path / "docs",)
    assert settings.output == tmp_path / "reports"
    assert settings.period == "2024-03"
    assert settings.masthead.name == "科技工作简报"
    assert settings.masthead.first_issue == 7
    assert settings.footer.copies == 12
    assert settings.footer.report_to == Settings().footer.report_to


def test_every_bad_key_is_reported_at_once(tmp_path: Path) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text(
        'outptu = "x"\n[masthead]\nnmae = "x"\nfirst_issue = "三"\n[colours]\nred = 1\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_settings(config)
    message = str(info.value)
    for fragment in ("outptu", "nmae", "first_issue", "colours", str(config)):
        assert fragment in message


def test_invalid_toml_names_the_file_and_where_in_chinese(tmp_path: Path) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text('output = "out"\nname = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as excinfo:
        load_settings(config)
    message = str(excinfo.value)
    assert str(config) in message
    assert "第 2 行" in message
    # tomllib's own English ("Invalid value (at line 2, column 8)") never reaches the user
    assert "Invalid" not in message and "line" not in message


def test_a_config_nested_thousands_deep_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    """tomllib parses nested arrays recursively: 5000 of them ended every command with a
    RecursionError traceback. It is a configuration error naming the file."""
    config = tmp_path / "briefing.toml"
    config.write_text("input = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"briefing\.toml 中的数组或内联表嵌套层数过多"):
        load_settings(config)


def test_a_config_integer_of_thousands_of_digits_is_told_in_chinese(tmp_path: Path) -> None:
    """Round 15: int() refuses an integer of over 4300 digits with an English message
    ("Exceeds the limit (4300 digits) for integer string conversion"), shown as it was."""
    config = tmp_path / "briefing.toml"
    config.write_text("[footer]\ncopies = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    message = str(caught.value)
    assert "briefing.toml 中有位数过多的整数" in message and "Exceeds" not in message, message


def test_a_huge_config_or_lexicon_is_refused_unread(tmp_path: Path) -> None:
    """tomllib parses in Python: a 10 MB array took 37 seconds (a gigabyte, an hour), and a
    scheduled run finds ./briefing.toml by itself. Both files are refused past 1 MB, quickly."""
    import time

    from briefing.themes import load_lexicon

    huge = "a = [" + "1," * 1_000_000 + "]\n"  # 2 MB: 7 seconds to parse
    config, lexicon = tmp_path / "briefing.toml", tmp_path / "themes.toml"
    config.write_text(huge, encoding="utf-8")
    lexicon.write_text(huge, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ConfigError, match=r"配置文件 .*briefing\.toml 文件过大（超过 1 MB）"):
        load_settings(config)
    with pytest.raises(ConfigError, match=r"主题词表 .*themes\.toml 文件过大（超过 1 MB）"):
        load_lexicon(lexicon)
    assert time.monotonic() - started < 2


def test_config_is_found_in_the_working_folder(tmp_path: Path) -> None:
    assert find_config(None, cwd=tmp_path) is None
    (tmp_path / "briefing.toml").write_text("", encoding="utf-8")
    assert find_config(None, cwd=tmp_path) == tmp_path / "briefing.toml"
    with pytest.raises(ConfigError, match="不存在"):
        find_config(tmp_path / "missing.toml")
