"""Command-line interface. The only module that prints, colours and chooses exit codes.

Each command imports the module that does its work when it runs (`briefing.build` brings pandas,
matplotlib and python-docx: 1.5 s), so `briefing --help`, `schedule` or a mistyped option answer
at once.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from briefing import validate
from briefing.atomic import atomic_text_writer
from briefing.cli_help import Command, Group
from briefing.cli_state import app as state_app
from briefing.cli_template import app as template_app
from briefing.config import (
    Settings,
    find_config,
    load_settings,
    package_data_dir,
    value_problem,
)
from briefing.errors import (
    BriefingError,
    ConfigError,
    InputNotFoundError,
    LockedError,
    os_reason,
)
from briefing.inputs import escaped, json_text, name_text, not_regular, terminal_text
from briefing.periods import PeriodError
from briefing.schedule import crontab_line, systemd_units

if TYPE_CHECKING:
    from briefing.build import BuildResult
    from briefing.model import ExtractedDocument

# Not imported from briefing.themes: --help must not pay for the classifier's imports.
OTHER_THEME = "其他"

app = typer.Typer(
    cls=Group,
    name="briefing",
    help="把科技政策文件整理成 Word 简报。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3


LexiconOption = Annotated[
    Path | None,
    typer.Option(
        "--lexicon", "-l", help="用户主题词表（TOML），与默认词表合并；默认取配置文件中的设置"
    ),
]
TrustTemplateOption = Annotated[
    bool,
    typer.Option(
        "--trust-template",
        help="确认模板可信：在无法建立受限子进程的系统（Windows）上仍渲染它（Linux、macOS 上无影响）",
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="配置文件，默认 ./briefing.toml（如存在）")
]
FollowLinksOption = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="也读取输入文件夹中指向文件夹之外的符号链接（默认跳过并警告）",
    ),
]
# `briefing explain`'s context options
SectionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--section",
        "-s",
        help="句子所在的章节标题（可多次给出，由外到内），例如 -s “三、2024年政府工作任务”",
        show_default=False,
    ),
]
TitleOption = Annotated[
    str | None, typer.Option("--title", help="文件标题（用于判断体裁）", show_default=False)
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", help="文件日期 YYYY-MM-DD（用于判断章节中的年份）", show_default=False),
]
DocOption = Annotated[
    Path | None,
    typer.Option(
        "--doc", help="句子所在的文件：按文件的体裁、日期和句子所在章节来解释", show_default=False
    ),
]


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


@app.callback()
def _root() -> None:
    """把科技政策文件整理成 Word 简报。"""


def _err(message: str) -> None:
    # a path in a message need not be UTF-8: show its bytes as \xNN, never a lone surrogate;
    # nor may a control character reach the terminal (a warning cached in the state is the
    # state's, which others may have written: ESC sequences in one retitled the terminal)
    typer.echo(terminal_text(message), err=True)


# Errors the user fixes by changing the command line or the config: exit 2, like click's own.
_USAGE_ERRORS: tuple[type[BriefingError], ...] = (InputNotFoundError, ConfigError, PeriodError)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Domain errors become one Chinese line and an exit code, never a traceback."""
    try:
        yield
    except LockedError as exc:
        _err(f"错误：{exc}")
        raise typer.Exit(EXIT_LOCKED) from None
    except _USAGE_ERRORS as exc:
        _err(f"错误：{exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except BriefingError as exc:
        _err(f"错误：{exc}")
        raise typer.Exit(EXIT_FAILED) from None
    except sqlite3.Error as exc:
        # RunState reports its own failures; this only keeps SQLite's English from the user.
        name = getattr(exc, "sqlite_errorname", None) or "SQLite"
        _err(f"错误：读写状态文件（.briefing/state.db）失败（{name}）；请检查磁盘后重新运行。")
        raise typer.Exit(EXIT_FAILED) from None
    except BrokenPipeError:
        # `briefing extract … | head`: the reader went away. Nothing more to say, and the
        # interpreter's last flush of stdout must not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_FAILED) from None
    except OSError as exc:
        # A full disk or a read-only folder is the user's to fix; a traceback would not help.
        where = f" {exc.filename}" if exc.filename else ""
        _err(f"错误：无法读写文件{where}：{os_reason(exc)}")
        raise typer.Exit(EXIT_FAILED) from None
    except KeyboardInterrupt:
        _err("已中断；已写出的文件保持完整，未完成的文件没有写出。")
        raise typer.Exit(130) from None


@app.command("extract", cls=Command)
def extract_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(help="文件或文件夹（递归读取）", show_default=False, metavar="文件"),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="输出格式：jsonl（每行一条）或 json（数组）")
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入文件（默认输出到标准输出）")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="有任何警告即以退出码 1 结束")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="配置文件（用其中的主题词表）")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="并行进程数（输出与单进程完全相同）")
    ] = 1,
    lexicon: LexiconOption = None,
    follow_links: FollowLinksOption = False,
) -> None:
    """读取文件，抽取元数据、措施和数据，按 JSONL 契约输出。"""
    from briefing.pipeline import iter_documents
    from briefing.themes import Classifier, load_lexicon

    with _user_errors():
        settings = _settings_from_cli(config, {})
        follow = follow_links or settings.follow_links
        if output is not None:
            _refuse_an_input_as_output(paths, output, follow)
        classifier = Classifier(load_lexicon(lexicon or settings.lexicon))
        documents = iter_documents(paths, classifier, workers=jobs, follow_links=follow)
        if output is None:
            counts = _write_records(sys.stdout, documents, fmt)
        else:
            with atomic_text_writer(output) as handle:
                counts = _write_records(handle, documents, fmt)

    n_docs, n_measures, n_indicators, warnings = counts
    for warning in warnings:
        _err(f"警告：{name_text(warning)}")  # one line each: a line break would forge one
    _err(
        f"已处理 {n_docs} 个文件，措施 {n_measures} 条，数据 {n_indicators} 项，"
        f"警告 {len(warnings)} 条。"
    )
    if strict and warnings:
        _err("因 --strict 且存在警告，以失败结束。")
        raise typer.Exit(EXIT_FAILED)


def _refuse_an_input_as_output(paths: list[Path], output: Path, follow_links: bool) -> None:
    """A usage error when `output` is one of the files `paths` read: it would be replaced by
    the records (`extract 文件 -o 文件/a.docx`), or a JSONL written into an input folder would
    be read back as documents by the next run and then overwritten."""
    try:
        st = os.stat(output)
    except (OSError, ValueError):
        return
    from briefing.inputs import iter_input_files

    identity = (st.st_dev, st.st_ino)
    for item in iter_input_files(paths, follow_links):
        if item.identity == identity:
            raise ConfigError(
                f"输出文件 {output} 也是要读取的输入文件（{item.source}），为免覆盖，未做任何改动；"
                "请换一个输出文件名，或写到输入文件夹之外"
            )


def _write_records(
    handle: IO[str], documents: Iterable[ExtractedDocument], fmt: OutputFormat
) -> tuple[int, int, int, list[str]]:
    """Write each record as its document is done, so memory does not grow with the corpus."""
    n_docs = n_measures = n_indicators = 0
    warnings: list[str] = []
    if fmt is OutputFormat.json:
        handle.write("[")
    for doc in documents:
        record = json_text(doc.to_record())
        if fmt is OutputFormat.json:
            handle.write(("\n" if n_docs == 0 else ",\n") + record)
        else:
            handle.write(record + "\n")
        n_docs += 1
        n_measures += len(doc.measures)
        n_indicators += len(doc.indicators)
        warnings.extend(doc.warnings)
    if fmt is OutputFormat.json:
        handle.write("\n]\n")
    return n_docs, n_measures, n_indicators, warnings


def _settings_from_cli(
    config: Path | None,
    overrides: dict[str, Any],
) -> Settings:
    changes = {k: v for k, v in overrides.items() if v is not None and v != ()}
    # the command line's values are checked before the config file is even read: a typo in an
    # option is reported as the option's, with the option's name
    problems = [
        f"--{key} {problem}"
        for key in ("period", "date", "theme")
        if isinstance(changes.get(key), str) and (problem := value_problem(key, changes[key]))
    ]
    if problems:
        raise ConfigError("；".join(problems))
    settings = load_settings(find_config(config))
    return replace(settings, **changes)


def _resolve_template(path: Path, theme: str | None) -> Path:
    """A template file, or the name of a shipped one (`zhuanti`, `yaoqing.docx`).

    Its name becomes part of the output files' names, so it is checked like a theme's.
    """
    if path.is_dir():
        raise InputNotFoundError(f"模板路径是文件夹，不是 .docx 文件：{path}")
    problem = not_regular(path)
    if problem is not None:  # a FIFO or a device: there, but not a file to read
        raise InputNotFoundError(f"模板 {path} {problem}")
    if not path.is_file():
        shipped = package_data_dir("templates") / Path(path.name).with_suffix(".docx").name
        if len(path.parts) == 1 and shipped.is_file():
            return shipped
        raise InputNotFoundError(
            f"模板文件不存在：{path}（自带模板可直接写名字：briefing、yaoqing、zhuanti）"
        )
    problem = validate.file_name_part_problem(path.stem) or validate.output_name_problem(
        path.stem, theme
    )
    if problem is not None:
        raise ConfigError(
            f"模板文件名“{validate.shown(path.name)}”{problem}；输出文件以模板名命名，请把模板改名"
        )
    return path


def _check_lexicon(settings: Settings) -> None:
    """A bad user lexicon (or a theme it lacks) is a usage error before the output folder is
    touched; `build` reads it again, which costs a millisecond."""
    from briefing.build import read_lexicon

    read_lexicon(settings)


@app.command("build", cls=Command)
def build_cmd(
    inputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--input", "-i", help="输入文件夹或文件，可重复；默认 ./seeds（否则用自带示例）"
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="输出文件夹，默认 out/")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="期间：all、YYYY、YYYY-MM、YYYY-Qn、last-month、FROM..TO"
        ),
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help="Word 模板（.docx）")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="配置文件，默认 ./briefing.toml（如存在）")
    ] = None,
    date_: Annotated[
        str | None, typer.Option("--date", help="印发日期 YYYY-MM-DD，默认为期间最后一天")
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option("--theme", help="专题：只写这一个主题，如 科技金融（配合专题模板）"),
    ] = None,
    lexicon: LexiconOption = None,
    follow_links: FollowLinksOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="有任何警告即失败（退出码 1），不写出简报")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="本期简报已存在时重新生成（新文件完整后才替换旧文件）")
    ] = False,
    skip_empty: Annotated[
        bool, typer.Option("--skip-empty", help="本期没有文件时不生成简报（退出码 0）")
    ] = False,
    trust_template: TrustTemplateOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="只输出错误和警告（适合 cron）")
    ] = False,
    log_json: Annotated[
        bool, typer.Option("--log-json", help="在标准错误输出一行 JSON 运行记录（适合日志收集）")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="抽取未缓存文件时的并行进程数（输出与单进程完全相同）"
        ),
    ] = 1,
) -> None:
    """生成简报：读取文件、抽取归类、汇总作图，写出 DOCX、XLSX 和 manifest.json。"""
    from briefing.build import build

    exit_code = EXIT_OK
    result = None
    try:
        with _user_errors():
            settings = _settings_from_cli(
                config,
                {
                    "inputs": tuple(inputs) if inputs else None,
                    "output": output,
                    "period": period,
                    "template": template,
                    "date": date_,
                    "theme": theme,
                    "lexicon": lexicon,
                    "strict": strict or None,
                    "trust_template": trust_template or None,
                    "follow_links": follow_links or None,
                },
            )
            if settings.template is not None:
                settings = replace(
                    settings, template=_resolve_template(settings.template, settings.theme)
                )
            _check_lexicon(settings)
            with _progress(enabled=not (quiet or log_json)) as progress:
                result = build(
                    settings,
                    progress=progress,
                    force=force,
                    skip_empty=skip_empty,
                    workers=jobs,
                )
    except typer.Exit as exc:
        exit_code = exc.exit_code
        if log_json:
            _log_json(None, exit_code)
        raise
    for warning in result.warnings:
        _err(f"警告：{name_text(warning)}")  # one line each: a line break would forge one
    if result.status == "failed-strict":
        _err(f"因 --strict 且有 {len(result.warnings)} 条警告，未生成简报。")
        exit_code = EXIT_FAILED
    elif not quiet and not log_json:
        _print_summary(result)
    if log_json:
        _log_json(result, exit_code)
    if exit_code:
        raise typer.Exit(exit_code)


def _log_json(result: BuildResult | None, exit_code: int) -> None:
    """One line a log collector can parse; the field names are stable."""
    record: dict[str, Any] = {"exit_code": exit_code}
    if result is not None:
        record.update(
            {
                "status": result.status,
                "period": result.period.key,
                "issue": result.issue_no,
                "docx": escaped(result.docx.as_posix()),
                "xlsx": escaped(result.xlsx.as_posix()),
                "documents_read": len(result.documents),
                "documents_included": len(result.included),
                "warnings": result.warnings,
                "notes": result.notes,
            }
        )
    typer.echo(json_text(record, sort_keys=True), err=True)


@app.command("context", cls=Command)
def context_cmd(
    inputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--input", "-i", help="输入文件夹或文件，可重复；默认 ./seeds（否则用自带示例）"
        ),
    ] = None,
    period: Annotated[str | None, typer.Option("--period", "-p", help="期间，同 build")] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="配置文件")] = None,
    follow_links: FollowLinksOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出（目前唯一的格式）")] = True,
) -> None:
    """打印模板收到的完整上下文（图片以占位文字表示），供编写模板时参考。"""
    from briefing.build import preview_context
    from briefing.context import to_jsonable

    with _user_errors():
        settings = _settings_from_cli(
            config,
            {
                "inputs": tuple(inputs) if inputs else None,
                "period": period,
                "follow_links": follow_links or None,
            },
        )
        context = preview_context(settings)
    sys.stdout.write(json_text(to_jsonable(context), indent=2) + "\n")


def _lexicon_path(config: Path | None, lexicon: Path | None) -> Path | None:
    """--lexicon wins; else the lexicon named in briefing.toml; else the default lexicon only."""
    if lexicon is not None:
        return lexicon
    with _user_errors():
        return _settings_from_cli(config, {}).lexicon


@app.command("themes", cls=Command)
def themes_cmd(config: ConfigOption = None, lexicon: LexiconOption = None) -> None:
    """列出主题及其关键词（默认词表加上用户词表）。"""
    from briefing import cli_themes

    cli_themes.themes(_lexicon_path(config, lexicon))


@app.command("explain", cls=Command)
def explain_cmd(
    sentence: Annotated[
        str | None,
        typer.Argument(
            help="要解释的句子；省略句子只给 --doc 时，说明该文件哪些行是网页元素、标题、文件头和落款",
            show_default=False,
            metavar="[句子]",
        ),
    ] = None,
    config: ConfigOption = None,
    lexicon: LexiconOption = None,
    section: SectionOption = None,
    title: TitleOption = None,
    date: DateOption = None,
    doc: DocOption = None,
) -> None:
    """说明一句话如何归类：命中的词、权重、被排除的词、最终主题，以及状态由体裁、章节还是语气决定。"""
    from briefing import cli_themes

    if sentence is None:
        if doc is None:
            _err("错误：请给出要解释的句子，或用 --doc 给出要查看页面结构的文件")
            raise typer.Exit(EXIT_USAGE)
        from briefing import cli_page

        cli_page.explain_page(doc)
        return

    cli_themes.explain(sentence, _lexicon_path(config, lexicon), section, title, date, doc)


@app.command("schedule", cls=Command)
def schedule_cmd(
    systemd: Annotated[
        bool, typer.Option("--systemd", help="输出 systemd 服务和定时器，而不是 crontab 行")
    ] = False,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="运行时使用的配置文件")
    ] = None,
    log_file: Annotated[
        Path | None, typer.Option("--log", help="crontab：把输出追加到这个日志文件")
    ] = None,
) -> None:
    """打印每月自动运行的 crontab 行或 systemd 单元（每月2日07:00生成上月简报）。"""
    extra = ["--config", str(config.absolute())] if config is not None else []
    with _user_errors():
        if systemd:
            service, timer = systemd_units(extra)
            typer.echo("# ---- briefing.service ----")
            typer.echo(service)
            typer.echo("# ---- briefing.timer ----")
            typer.echo(timer)
        else:
            line = crontab_line(extra, log_file=log_file)  # refused before anything is printed
            typer.echo(
                "# 用 crontab -e 加入下面这一行（在当前文件夹运行，退出码非 0 时 cron 会发邮件）："
            )
            typer.echo(line)


def _print_summary(result: BuildResult) -> None:
    if result.status == "unchanged":
        _err(
            f"{result.period.label}的简报已存在且未改动：{result.docx}（如需重新生成，加 --force）"
        )
        return
    if result.status == "skipped":
        _err(f"{result.period.label}无新增文件，按 --skip-empty 未生成简报。")
        return
    counts = result.theme_counts()
    themes = result.aggregates.themes if result.aggregates is not None else []
    # a file whose content was already read under another name is skipped, not unreadable (the
    # manifest says `duplicate` by the same test)
    content = {entry.sha256 for entry in result.documents if entry.readable}
    skipped = [entry for entry in result.documents if not entry.readable]
    repeated = sum(1 for entry in skipped if entry.sha256 in content)
    same = f"，与其他文件内容相同而跳过 {repeated} 份" if repeated else ""
    lines = [
        f"简报已生成：{result.period.label}，第{result.issue_no}期",
        f"  读取文件 {len(result.documents)} 份，纳入本期 {len(result.included)} 份，"
        f"未能读取 {len(skipped) - repeated} 份{same}，警告 {len(result.warnings)} 条",
    ]
    # the briefing splits a policy's provisions from plans; the summary counts as it does
    rules = any(c.get("provisions", 0) for c in counts.values())
    if result.included:
        lines.append(f"  各主题措施数（{'进展/政策规定/计划' if rules else '进展/计划'}）：")
    for theme in [*themes, OTHER_THEME]:
        c = counts.get(theme)
        if c and c["measures"]:
            split = (
                f"{c['done']}/{c.get('provisions', 0)}/{c['planned'] - c.get('provisions', 0)}"
                if rules
                else f"{c['done']}/{c['planned']}"
            )
            line = f"    {theme}：{c['measures']} 条（{split}）"
            if theme == OTHER_THEME and result.aggregates is not None:
                # the 要情 and the 简报 count only these (其他科技工作): say so, or the two totals
                # read as a contradiction (其他 148 here, 另有其他科技工作措施129条 there)
                line += f"，其中其他科技工作 {len(result.aggregates.other_work)} 条"
            lines.append(line)
    lines += [f"  说明：{n}" for n in result.notes]
    lines += [f"  简报：{result.docx}", f"  数据表：{result.xlsx}"]
    _err("\n".join(lines))


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int], None] | None]:
    """A rich progress line on an interactive terminal; nothing in cron or pipes.

    Refreshed on each update rather than by rich's timer thread: the template renders in a
    forked child, and a process should not fork while another of its threads holds locks.
    """
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    # Imported only for a terminal: rich's console costs every other run (cron, --help) 0.1 s.
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=None,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("读取文件…", total=None)

        def update(stage: str, done: int) -> None:
            label = f"读取文件… {done} 份" if stage == "读取" else "生成简报…"
            bar.update(task, description=label, refresh=True)

        yield update


app.add_typer(template_app, name="template", help="模板：复制默认模板（init）、检查模板（check）")
app.add_typer(
    state_app, name="state", help="状态：按各期 manifest.json 重建期号和收录记录（rebuild）"
)


def _param_name(param: Any) -> str:
    """An option as the user writes it (`--date`), an argument by its name."""
    if param is None:
        return "参数"
    options = [str(o) for o in getattr(param, "opts", []) if str(o).startswith("--")]
    if options and getattr(param, "param_type_name", "") == "option":
        return options[0]
    return f"参数 {getattr(param, 'metavar', None) or str(param.name).upper()}"


def _expected(param: Any) -> str:
    """What a parameter takes, in Chinese (click's own text is English).

    Read from the parameter: click (and typer before 0.29) keeps choices and bounds on
    `param.type`; typer 0.29's own parser keeps the bounds on the parameter and the choices on
    its `type_descriptor`.
    """
    kind = getattr(param, "type", None)
    choices = getattr(kind, "choices", None) or getattr(
        getattr(param, "type_descriptor", None), "choices", None
    )
    if choices:
        return "以下之一：" + "、".join(str(getattr(c, "value", c)) for c in choices)
    low = getattr(kind, "min", getattr(param, "min", None))
    high = getattr(kind, "max", getattr(param, "max", None))
    integer = getattr(kind, "name", "") in {"integer", "integer range", "int range"} or (
        getattr(getattr(param, "type_descriptor", None), "annotation", None) is int
    )
    if integer:
        bounds = (f"不小于 {low} " if low is not None else "") + (
            f"不大于 {high} " if high is not None else ""
        )
        return f"{bounds}的整数" if bounds else "整数"
    return "有效的值"


def usage_message(exc: typer.TyperException) -> str:
    """A command-line usage error in Chinese, with where to find help.

    typer's parser (click's) words its errors in English; they are told apart by their class
    names and public attributes, the same in click and in typer's copy of it.
    """
    kind = type(exc).__name__
    message = str(getattr(exc, "message", ""))
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        text = f"没有选项 {getattr(exc, 'option_name', '')}"
        possibilities = getattr(exc, "possibilities", None)
        if possibilities:
            text += f"（相近的选项：{'、'.join(sorted(possibilities))}）"
    elif kind == "BadOptionUsage":
        taken = "不接受值" if "does not take" in message else "需要一个值"
        text = f"选项 {getattr(exc, 'option_name', '')} {taken}"
    elif kind == "MissingParameter":
        text = f"缺少{_param_name(param)}"
    elif kind == "BadParameter":
        # our own checks speak Chinese; the parser's type checks do not
        own = any("\u4e00" <= c <= "\u9fff" for c in message)
        text = f"{_param_name(param)} 的值无效：" + (message if own else f"应为{_expected(param)}")
    elif kind == "NoSuchCommand" or message.startswith("No such command"):
        name = getattr(exc, "command_name", None) or message.partition("'")[2].rpartition("'")[0]
        text = f"没有命令 {name}"
    elif "unexpected extra argument" in message:
        text = "多余的参数：" + message.rpartition("(")[2].rstrip(")")
    else:
        text = "命令行参数有误"
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "briefing"
    return f"错误：{text}。查看用法：{command} -h"


def main() -> None:
    code: Any = EXIT_OK
    try:
        # not standalone: the parser's own messages (English) come back here to be said in Chinese
        code = app(standalone_mode=False)
    except typer.Abort:
        _err("已中断。")
        code = 130
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            show = getattr(exc, "show", None)
            if callable(show):
                show()  # `briefing` alone: the help text, as usual
        else:
            _err(usage_message(exc))
        code = EXIT_USAGE
    finally:
        # At exit the interpreter collects every object the run made (pandas, matplotlib, lxml
        # trees): a third of a second of a cold build, for memory the OS takes back anyway.
        gc.freeze()
    sys.exit(code if isinstance(code, int) else EXIT_OK)
