"""Help text in Chinese, down to click's own words.

Our commands and options carry Chinese help, but click and typer frame it with English of their
own: "Usage:", "Options:", "Show this message and exit.", "[default: …]" and typer's type names
("<path>", "<list[Path]>"). Click looks those words up with gettext, which translates only when
the process's locale is Chinese and a catalogue is installed; a cron job runs with LANG=C. So
the translation is done where click documents its extension point: a `HelpFormatter` subclass,
attached through the `context_class` of our command classes (every `typer.Typer` and
`app.command` of the CLI passes `cls=`), translating click's words as it writes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import typer
import typer.core

from briefing.inputs import terminal_text

HEADINGS = {"Usage": "用法", "Options": "选项", "Arguments": "参数", "Commands": "命令"}

# typer's type labels, as it prints them between angle brackets
METAVARS = {
    "path": "路径",
    "list[Path]": "路径",
    "str": "文字",
    "list[str]": "文字",
    "int": "整数",
    "int range": "整数",
    "float": "数字",
    "bool": "是/否",
}
# click's and typer's words around the help of each option (their gettext message ids)
PHRASES = (
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("[OPTIONS]", "[选项]"),
    ("COMMAND [ARGS]...", "命令 [参数]..."),
    ("[default: ", "[默认："),
    ("default: ", "默认："),
    ("required", "必填"),
    ("x>=", "≥"),
    ("; ", "；"),
)
_METAVAR = re.compile(r"<([^<>]+)>")
# a run of Latin letters, digits and ASCII punctuation stays on one line; anything else is one token
_TOKEN = re.compile(r"[\x21-\x7e]+| |.")


def chinese(text: str) -> str:
    """`text` with click's and typer's English framing words replaced by Chinese ones."""
    for english, replacement in PHRASES:
        text = text.replace(english, replacement)
    return _METAVAR.sub(lambda m: f"<{METAVARS.get(m.group(1), m.group(1))}>", text)


def display_width(text: str) -> int:
    """Terminal columns of `text`: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, breaking between CJK characters or at spaces
    (click's wrapping counts a CJK character as one column and splits only at spaces)."""
    lines: list[str] = []
    line, used = "", 0
    # a line break between two Chinese characters joins them without a space
    text = re.sub(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])", "", text)
    for token in _TOKEN.findall(" ".join(text.split())):
        size = display_width(token)
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
            if token == " ":
                continue
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """typer vendors its own click, so its formatter is reached through the public typer.Context."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, chinese(args), "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        for number, paragraph in enumerate(paragraphs):
            if number:
                self.write("\n")
            for line in wrap(paragraph, self.width - self.current_indent):
                self.write(f"{indent}{line}\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        # click pads the first column by len(); a Chinese metavar is twice as wide on screen
        rows = [(chinese(first), chinese(second)) for first, second in rows]
        widest = max((display_width(first) for first, _ in rows), default=0)
        column = min(widest, col_max) + col_spacing
        indent = " " * self.current_indent
        hanging = f"\n{indent}{' ' * column}"
        for first, second in rows:
            width = display_width(first)
            lines = wrap(second, max(self.width - self.current_indent - column, 20))
            if not lines:
                self.write(f"{indent}{first}\n")
            elif width <= column - col_spacing:
                self.write(f"{indent}{first}{' ' * (column - width)}{hanging.join(lines)}\n")
            else:
                self.write(f"{indent}{first}{hanging}{hanging.join(lines)}\n")


class ChineseContext(typer.Context):
    formatter_class = ChineseHelpFormatter


class Command(typer.core.TyperCommand):
    context_class = ChineseContext


class Group(typer.core.TyperGroup):
    context_class = ChineseContext


def say(line: str = "") -> None:
    """A line of an explanation (`explain`, `explain --doc`, `themes`) on standard output. It
    quotes the document's own words (a title, a heading, a sentence): the controls a terminal acts
    on, direction overrides among them, are written as escapes (`terminal_text`), so an RLO a
    heading leaves open does not turn round the rest of the line (所在章节：一、总体要求<RLO> >
    （一）… showed the next heading backwards)."""
    typer.echo(terminal_text(line))
