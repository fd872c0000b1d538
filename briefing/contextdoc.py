"""Generate the template-variable tables of docs/templates.md from briefing/context.py.

The context types document each key with a string literal under it; this module reads them with
`ast` (so the docs cannot drift from the code) and renders one Markdown table per type.
Run `python -m briefing.contextdoc --write` after changing the context; a test fails otherwise.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

CONTEXT_SOURCE = Path(__file__).with_name("context.py")
DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "templates.md"
BEGIN = "<!-- BEGIN GENERATED: context tables (python -m briefing.contextdoc --write) -->"
END = "<!-- END GENERATED -->"

# The order a template author meets the types in.
ORDER = [
    "BriefingContext",
    "MastheadInfo",
    "PeriodInfo",
    "SummaryInfo",
    "OtherCounts",
    "OtherWork",
    "ThemeBlock",
    "CitedMeasure",
    "CitedIndicator",
    "TrendInfo",
    "ThemeDocument",
    "ChangeInfo",
    "ThemeChange",
    "DocumentSummary",
    "ProposalInfo",
    "ChartSet",
    "FooterInfo",
]
PATHS = {
    "BriefingContext": "顶层",
    "MastheadInfo": "masthead",
    "PeriodInfo": "period",
    "SummaryInfo": "summary",
    "OtherCounts": "other",
    "OtherWork": "other_work",
    "ThemeBlock": "themes[i]，在 `{%p for theme in themes %}` 中写作 theme",
    "CitedMeasure": "theme.highlights[i]",
    "CitedIndicator": "theme.indicators[i]、theme.targets[i]、theme.standards[i]",
    "TrendInfo": "theme.trends[i] 与 changes.figures[i]",
    "ThemeDocument": "theme.documents[i] 与 theme.touching[i]",
    "ChangeInfo": "changes",
    "ThemeChange": "changes.themes[i]",
    "DocumentSummary": "documents[i]、sources[i] 与 changes.new_documents[i]",
    "ProposalInfo": "documents[i].proposal（非答复时为空）",
    "ChartSet": "charts",
    "FooterInfo": "footer",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    doc: str
    example: str


def read_fields(source: str | None = None) -> dict[str, list[Field]]:
    """Every TypedDict in context.py with its documented keys, in declaration order."""
    tree = ast.parse(source if source is not None else CONTEXT_SOURCE.read_text(encoding="utf-8"))
    types: dict[str, list[Field]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        if not any(isinstance(b, ast.Name) and b.id == "TypedDict" for b in node.bases):
            continue
        found: list[Field] = []
        for i, stmt in enumerate(node.body):
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                continue
            doc = ""
            if i + 1 < len(node.body):
                nxt = node.body[i + 1]
                if isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant):
                    doc = str(nxt.value.value)
            example = ""
            if m := re.search(r"例：`([^`]*)`", doc):
                example = m[1]
                doc = doc[: m.start()].strip()
            elif m := re.search(r"`([^`]*)`", doc):
                example = m[1]
            found.append(Field(stmt.target.id, ast.unparse(stmt.annotation), doc, example))
        types[node.name] = found
    return types


def _type_label(annotation: str) -> str:
    labels = {
        "Any": "图片（或空字符串）",
        "str": "文字",
        "int": "整数",
        "float": "数值",
        "bool": "真/假",
    }
    label = annotation
    for name, text in labels.items():
        label = re.sub(rf"\b{name}\b", text, label)
    return label.replace("list[", "列表[").replace(" | None", "（可为空）")


def render_tables(types: dict[str, list[Field]]) -> str:
    out: list[str] = []
    for name in ORDER:
        out.append(f"### {name}（{PATHS[name]}）\n")
        out.append("| 变量 | 类型 | 含义 | 示例 |")
        out.append("| --- | --- | --- | --- |")
        for f in types[name]:
            example = f"`{f.example}`" if f.example else "—"
            example = example.replace("|", "\\|")
            out.append(f"| `{f.name}` | {_type_label(f.type)} | {f.doc} | {example} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def updated_document(current: str) -> str:
    tables = render_tables(read_fields())
    start, end = current.index(BEGIN) + len(BEGIN), current.index(END)
    return current[:start] + "\n\n" + tables + "\n" + current[end:]


def main(argv: list[str]) -> int:
    current = DOC_PATH.read_text(encoding="utf-8")
    new = updated_document(current)
    if "--write" in argv:
        DOC_PATH.write_text(new, encoding="utf-8")
        return 0
    sys.stdout.write(render_tables(read_fields()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
