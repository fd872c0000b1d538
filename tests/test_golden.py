"""Golden expectation for the seeds' briefing: its outline (masthead, headings, table heads and
sizes, the sources table, 报尾) compared as text. Figures and highlights are covered elsewhere;
this catches a section, table or source row that goes missing or moves.

After an intended change: `python tests/test_golden.py` rewrites the golden file; review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

GOLDEN = Path(__file__).parent / "data" / "golden" / "briefing-all.outline.txt"
STRUCTURAL = ("Title", "Heading 1", "Heading 2", "Heading 3")


def outline(path: Path) -> str:
    document = docx.Document(str(path))
    lines = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style in STRUCTURAL or style.startswith(("简报", "报尾")):
            lines.append(f"{style}: {paragraph.text}")
    for table in document.tables:
        head = " | ".join(cell.text for cell in table.rows[0].cells)
        lines.append(f"table ({len(table.rows) - 1} rows): {head}")
        if head.startswith("序号"):
            lines.extend(" | ".join(c.text for c in row.cells) for row in table.rows[1:])
    return "\n".join(lines) + "\n"


def _build(out: Path) -> Path:
    from briefing.build import build
    from briefing.config import Settings

    return build(Settings(inputs=(Path(__file__).parent.parent / "seeds",), output=out)).docx


def test_seed_briefing_outline_matches_the_golden_file(tmp_path: Path) -> None:
    assert outline(_build(tmp_path)) == GOLDEN.read_text(encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    GOLDEN.write_text(outline(_build(Path(tempfile.mkdtemp()))), encoding="utf-8")
    sys.stdout.write(GOLDEN.read_text(encoding="utf-8"))
