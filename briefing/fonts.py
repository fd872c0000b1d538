"""The CJK font for charts: Noto Sans SC from the `pylopdf-fonts-zh-cn` wheel.

The font comes with the Python dependencies (SIL Open Font License), so charts render Chinese the
same way on every machine: no system fonts are looked up, nothing is downloaded, nothing is
written outside the project.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from matplotlib import font_manager

from briefing.errors import BriefingError

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
SANS_FILE = "NotoSansSC-Regular.otf"


def font_path(filename: str = SANS_FILE) -> Path:
    """Path of a font file shipped in the font package; a clear error when it is missing."""
    try:
        candidate = resources.files(FONT_PACKAGE).joinpath(filename)
    except ModuleNotFoundError as exc:
        raise BriefingError(
            f"缺少中文字体包 pylopdf-fonts-zh-cn，图表无法显示中文。请运行：pip install pylopdf-fonts-zh-cn（{exc}）"
        ) from exc
    path = Path(str(candidate))
    if not path.is_file():
        raise BriefingError(f"中文字体文件不存在：{path}。请重新安装 pylopdf-fonts-zh-cn。")
    return path


@functools.cache
def register_cjk_font() -> str:
    """Register the sans-serif CJK font with matplotlib once; return its family name."""
    path = str(font_path(SANS_FILE))
    font_manager.fontManager.addfont(path)
    family: str = font_manager.get_font(path).family_name
    return family


def cjk_rc_params() -> dict[Any, Any]:
    """rcParams that make matplotlib draw Chinese with the bundled font.

    Used with `matplotlib.rc_context` so drawing a chart does not change the caller's settings.
    DejaVu Sans stays as a fallback for the few symbols the CJK font lacks.
    """
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [register_cjk_font(), "DejaVu Sans"],
        # the CJK font has no U+2212 MINUS SIGN glyph in every build; ASCII hyphen always renders
        "axes.unicode_minus": False,
        "svg.hashsalt": "briefing",
    }
