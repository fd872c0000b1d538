"""Settings: defaults -> briefing.toml -> CLI options, validated once.

Every bad key in the file is reported together, with the file name, so a user fixes the file in
one go. Relative paths in the file are relative to the file's folder, so a config works from any
working directory.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from briefing import validate
from briefing.errors import ConfigError, os_reason, toml_reason

CONFIG_NAME = "briefing.toml"
MAX_TOML_BYTES = 1024 * 1024
"""Largest configuration or lexicon file read (the shipped lexicon is 17 KB). tomllib parses in
Python: a 10 MB array took 37 seconds, and ./briefing.toml is found by itself in the folder a
scheduled run starts in."""


def read_toml_bytes(path: Path) -> bytes:
    """A TOML file's bytes; ValueError when it is over `MAX_TOML_BYTES` (nothing more is read)
    or not a regular file."""
    from briefing.inputs import open_regular_file

    with open_regular_file(path) as handle:  # never waits on a FIFO put in the file's place
        data = handle.read(MAX_TOML_BYTES + 1)
    if len(data) > MAX_TOML_BYTES:
        raise ValueError(f"文件过大（超过 {MAX_TOML_BYTES // 1024 // 1024} MB）")
    return data


def toml_value_problem(exc: ValueError) -> str:
    """What the ValueError reading a TOML file (`read_toml_bytes`, tomllib) means, in Chinese:
    ours (the file is too big) is Chinese already; tomllib's int() refuses an integer of over
    4300 digits with an English message."""
    if "digits" in str(exc):
        return "中有位数过多的整数（超过 4300 位）"
    return str(exc)


@dataclass(frozen=True)
class MastheadSettings:
    name: str = "科技政策简报"
    """简报名称（红头）。"""
    editor: str = "科技局办公室"
    """编印单位。"""
    first_issue: int = 1
    """第一期的期号。"""


@dataclass(frozen=True)
class FooterSettings:
    report_to: str = "局领导"
    """报：呈报对象。"""
    send_to: str = "各处室"
    """送：抄送对象。"""
    distribute_to: str = "各区县科技主管部门"
    """发：分发对象。"""
    copies: int = 30
    """共印份数。"""


@dataclass(frozen=True)
class LayoutSettings:
    highlights_per_theme: int = 5
    """每个主题列出的要点数。"""
    indicators_per_theme: int = 8
    """每个主题关键数据表的最多行数。"""


@dataclass(frozen=True)
class Settings:
    inputs: tuple[Path, ...] = ()
    """输入文件夹或文件；为空时读取 ./seeds（不存在则用安装包自带的示例文件）。"""
    output: Path = Path("out")
    """输出文件夹。"""
    period: str = "all"
    """期间：all、YYYY 或 YYYY-MM。"""
    template: Path | None = None
    """Word 模板；为空时使用自带的 templates/briefing.docx。"""
    lexicon: Path | None = None
    """用户主题词表（TOML），在默认词表基础上增补或替换主题。"""
    date: str | None = None
    """印发日期（YYYY-MM-DD）；为空时取期间最后一天。"""
    strict: bool = False
    """有警告即失败。"""
    theme: str | None = None
    """专题：只写这一个主题（配合专题模板使用）。"""
    trust_template: bool = False
    """无法在受限子进程中渲染时（Windows），仍在本进程中渲染这个模板（只用于可信的模板）。"""
    follow_links: bool = False
    """跟随指向输入文件夹之外的符号链接（默认只跟随指向文件夹之内的链接）。"""
    masthead: MastheadSettings = field(default_factory=MastheadSettings)
    footer: FooterSettings = field(default_factory=FooterSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)


_TABLES: dict[str, type[Any]] = {
    "masthead": MastheadSettings,
    "footer": FooterSettings,
    "layout": LayoutSettings,
}
_TOP_KEYS = {
    *("input", "output", "period", "template", "lexicon", "date", "strict", "theme"),
    "follow_links",
}


# Bounds of the numbers in the tables: an issue number goes into SQLite and onto the masthead, the
# layout numbers size the briefing.
NUMBER_BOUNDS: dict[tuple[str, str], tuple[int, int]] = {
    ("masthead", "first_issue"): (1, 100_000),
    ("footer", "copies"): (1, 1_000_000),
    ("layout", "highlights_per_theme"): (1, 50),
    ("layout", "indicators_per_theme"): (0, 50),
}
# Texts of the tables printed in the briefing.
TEXT_FIELDS = {
    ("masthead", "name"),
    ("masthead", "editor"),
    ("footer", "report_to"),
    ("footer", "send_to"),
    ("footer", "distribute_to"),
}


def value_problem(key: str, value: str) -> str | None:
    """What is wrong with a top-level value (`period`, `date`, `theme`), or None.

    Shared by the config file and the command line, which add where the value came from.
    """
    if key == "period":
        from briefing.periods import PeriodError, parse_period

        try:
            parse_period(value)
        except PeriodError as exc:
            return str(exc)
        return None
    if key == "date":
        return validate.date_problem(value)
    if key == "theme":
        problem = validate.theme_name_problem(value)
        return f"主题名“{validate.shown(value)}”{problem}" if problem else None
    return None


def path_problem(value: str) -> str | None:
    if "\0" in value:
        return "含有空字符"
    return None


def find_config(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """`--config FILE`, else ./briefing.toml when present, else None."""
    if explicit is not None:
        from briefing.inputs import not_regular

        problem = not_regular(explicit)
        if problem is not None:
            raise ConfigError(f"配置文件 {explicit} {problem}")
        if not explicit.is_file():
            raise ConfigError(f"配置文件不存在：{explicit}")
        return explicit
    candidate = (cwd or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def _check_type(path: Path, key: str, value: Any, expected: type[Any], errors: list[str]) -> bool:
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if not ok:
        kind = {str: "字符串", int: "整数", bool: "true/false", list: "列表"}.get(expected, "值")
        errors.append(f"{path}: {key} 应为{kind}，实际为 {value!r}")
    return ok


def load_settings(config_path: Path | None) -> Settings:
    """Defaults overlaid with the config file, if any. Raises ConfigError listing every bad key."""
    settings = Settings()
    if config_path is None:
        return settings
    try:
        text = read_toml_bytes(config_path).decode("utf-8-sig")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {config_path}：{os_reason(exc)}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"配置文件 {config_path} 不是 UTF-8 编码") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {config_path} 不是有效的 TOML：{toml_reason(exc)}") from None
    except ValueError as exc:
        raise ConfigError(
            f"配置文件 {config_path} {toml_value_problem(exc)}，不是有效的配置"
        ) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(
            f"配置文件 {config_path} 中的数组或内联表嵌套层数过多，不是有效的配置"
        ) from None

    base = config_path.parent
    errors: list[str] = []
    top: dict[str, Any] = {}
    tables: dict[str, dict[str, Any]] = {}
    for key, value in data.items():
        if key in _TABLES:
            if not isinstance(value, dict):
                errors.append(f"{config_path}: [{key}] 应为表")
                continue
            cls = _TABLES[key]
            known = {f.name: f for f in fields(cls)}
            parsed: dict[str, Any] = {}
            for sub, sub_value in value.items():
                if sub not in known:
                    errors.append(
                        f"{config_path}: 未知配置项 [{key}] {sub}（可用：{', '.join(known)}）"
                    )
                    continue
                default = getattr(cls(), sub)
                label = f"[{key}] {sub}"
                if not _check_type(config_path, label, sub_value, type(default), errors):
                    continue
                problem: str | None = None
                if (key, sub) in NUMBER_BOUNDS:
                    problem = validate.number_problem(sub_value, *NUMBER_BOUNDS[key, sub])
                elif (key, sub) in TEXT_FIELDS:
                    problem = validate.text_problem(sub_value)
                if problem is not None:
                    errors.append(f"{config_path}: {label} {problem}")
                else:
                    parsed[sub] = sub_value
            tables[key] = parsed
        elif key in _TOP_KEYS:
            top[key] = value
        else:
            allowed = ", ".join(sorted(_TOP_KEYS | set(_TABLES)))
            errors.append(f"{config_path}: 未知配置项 {key}（可用：{allowed}）")

    changes: dict[str, Any] = {}
    if "input" in top:
        value = top["input"]
        items = [value] if isinstance(value, str) else value
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            bad = [i for i in items if path_problem(i)]
            if bad:
                errors.append(f"{config_path}: input 的路径 {bad[0]!r} {path_problem(bad[0])}")
            else:
                changes["inputs"] = tuple(base / i for i in items)
        else:
            errors.append(f"{config_path}: input 应为路径或路径列表")
    for key in ("output", "template", "lexicon"):
        if key in top and _check_type(config_path, key, top[key], str, errors):
            problem = path_problem(top[key])
            if problem is not None:
                errors.append(f"{config_path}: {key} {problem}")
            else:
                changes[key] = base / top[key]
    for key in ("period", "date", "theme"):
        if key in top and _check_type(config_path, key, top[key], str, errors):
            problem = value_problem(key, top[key])
            if problem is not None:
                errors.append(f"{config_path}: {key} {problem}")
            else:
                changes[key] = top[key]
    for key in ("strict", "follow_links"):
        if key in top and _check_type(config_path, key, top[key], bool, errors):
            changes[key] = top[key]
    for key, parsed in tables.items():
        changes[key] = replace(getattr(settings, key), **parsed)

    if errors:
        raise ConfigError("配置有误：\n" + "\n".join(f"  - {e}" for e in errors))
    return replace(settings, **changes)


def package_data_dir(name: str) -> Path:
    """A data folder shipped with the package (installed wheel), else the source checkout's."""
    here = Path(__file__).resolve().parent
    installed = here / "_data" / name
    if installed.is_dir():
        return installed
    return here.parent / name


def default_inputs(cwd: Path | None = None) -> tuple[Path, ...]:
    """./seeds when it exists, else the seeds bundled in the package."""
    local = Path("seeds") if cwd is None else cwd / "seeds"
    if local.is_dir():
        return (local,)
    return (package_data_dir("seeds"),)


def default_template() -> Path:
    return package_data_dir("templates") / "briefing.docx"
