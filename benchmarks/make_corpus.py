"""Generate a large, deterministic corpus of policy documents from the seeds.

    python benchmarks/make_corpus.py benchmarks/_corpus/50mb --size-mb 50 --seed 0

Every document is a seed with its figures scaled, its dates moved to another day (header and
signature alike, so they still agree or disagree as in the seed), body paragraphs dropped or
repeated, and the seed picked at random (so document order varies). About 8% of the files are
GBK (GB18030), 4% UTF-8 with BOM and CRLF line ends, 4% HTML pages with a header table and a
menu; the rest UTF-8 text dumps like the seeds. Files go under year folders; a MANIFEST.txt lists
them, and a re-run first deletes the files of the previous run, so a smaller corpus never keeps
stale files of a larger one.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MANIFEST = "MANIFEST.txt"

_UNITS = "亿元|万元|元|万家|家|项|个|人次|人|名|篇|台/套|万平方米|平方米|支|所|条|%|亿"
_FIGURE = re.compile(rf"(?<![〔\d./-])(\d+(?:\.\d+)?)(?=(?:{_UNITS}))")
_ISO_DATE = re.compile(r"(20\d\d)-(\d\d)-(\d\d)")
_CN_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<![\d〔])(20[12]\d)(?=年|-|—|\))")


def make_corpus(outdir: Path, size_mb: int, seed: int) -> list[Path]:
    """Write at least `size_mb` MB of documents under `outdir`; same arguments, same bytes."""
    rng = random.Random(seed)
    seeds = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    _remove_previous(outdir)
    target = size_mb * 1024 * 1024
    written: list[Path] = []
    total = 0
    index = 0
    while total < target:
        stem, text = rng.choice(seeds)
        year = rng.randint(2019, 2026)
        body = _vary(text, rng, year)
        kind = rng.random()
        name = f"{index:05d}_{stem[:3]}"
        folder = outdir / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        if kind < 0.08:
            path, data = folder / f"{name}_gbk.txt", body.encode("gb18030")
        elif kind < 0.12:
            path, data = (
                folder / f"{name}_bom.txt",
                b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode(),
            )
        elif kind < 0.16:
            path, data = folder / f"{name}.html", _as_html(body).encode()
        else:
            path, data = folder / f"{name}.txt", body.encode()
        path.write_bytes(data)
        written.append(path)
        total += len(data)
        index += 1
    (outdir / MANIFEST).write_text(
        "\n".join(p.relative_to(outdir).as_posix() for p in written) + "\n", encoding="utf-8"
    )
    return written


def _remove_previous(outdir: Path) -> None:
    manifest = outdir / MANIFEST
    if not manifest.exists():
        return
    for line in manifest.read_text(encoding="utf-8").splitlines():
        (outdir / line).unlink(missing_ok=True)
    manifest.unlink()


def _vary(text: str, rng: random.Random, year: int) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lag = rng.choice([0, 0, 0, 5, 40, 150])  # days between signature and publication, as in 001
    shift = year - _first_year(text)

    def iso(m: re.Match[str]) -> str:
        return f"{year:04d}-{month:02d}-{day:02d}"

    def chinese(m: re.Match[str]) -> str:
        sig_month = max(1, month - lag // 30)
        return f"{year}年{sig_month}月{day}日"

    def move_year(m: re.Match[str]) -> str:
        return str(int(m.group(1)) + shift)

    def scale(m: re.Match[str]) -> str:
        number = m.group(1)
        value = float(number) * rng.uniform(0.6, 1.6)
        decimals = len(number.split(".")[1]) if "." in number else 0
        return f"{value:.{decimals}f}" if decimals else str(max(1, round(value)))

    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if line.startswith("["):
            out.append(_ISO_DATE.sub(iso, line))
            continue
        line = _CN_DATE.sub(chinese, _ISO_DATE.sub(iso, _YEAR.sub(move_year, line)))
        if len(line) > 60:
            line = _FIGURE.sub(scale, line)
            roll = rng.random()
            if roll < 0.08:
                continue  # dropped paragraph
            if roll < 0.12:
                out.append(line)  # repeated paragraph
        out.append(line)
    return "\n".join(out)


def _first_year(text: str) -> int:
    found = _ISO_DATE.search(text) or _CN_DATE.search(text)
    return int(found.group(1)) if found else 2023


def _as_html(text: str) -> str:
    lines = text.split("\n")
    header = [ln for ln in lines if ln.startswith("[")]
    first = lines.index(header[0]) if header else 0
    preamble = "".join(f"<div>{html.escape(ln)}</div>" for ln in lines[:first] if ln.strip())
    rest = [ln for ln in lines[first:] if not ln.startswith("[") and ln.strip()]
    rows = "".join(f"<tr>{_cells(ln)}</tr>" for ln in header[: len(header) // 2 or None])
    paragraphs = "\n".join(f"<p>{html.escape(ln.strip())}</p>" for ln in rest)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开</title>'
        "<script>var x = 1;</script></head><body>"
        '<div class="menu"><a href="/">首页</a> | <a href="/a">机构概况</a> | '
        '<a href="/b">政务公开</a> | <a href="/c">互动交流</a></div>'
        f'{preamble}<table class="xxgk">{rows}</table><div id="zoom">{paragraphs}</div>'
        "<footer>版权所有</footer></body></html>"
    )


def _cells(line: str) -> str:
    """`[ 索引号 ] 1150… [ 发文字号 ] 渝科局函…` as label and value cells."""
    parts = re.split(r"(?<=\])\s*|\s+(?=\[)", line)
    return "".join(f"<td>{html.escape(part)}</td>" for part in parts if part)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size-mb", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = make_corpus(args.outdir, args.size_mb, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1048576:.1f} MB in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
