"""briefing: 把科技政策文件整理成 Word 简报."""

__version__ = "0.1.0"
