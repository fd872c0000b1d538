"""Zip containers (DOCX, XLSX): byte-identical writing (fixed entry times, a stable entry order)
and bounded reading of untrusted ones (no entry inflates past a limit, whatever it declares)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from datetime import datetime

_CORE = "docProps/core.xml"
# Some writers stamp the save time into these, whatever the caller set.
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")

# Word expects [Content_Types].xml first; keep the writer's order otherwise, it is already stable.
_FIRST = "[Content_Types].xml"
_CHUNK = 1 << 20


def entry_info(name: str, when: datetime) -> zipfile.ZipInfo:
    """A deflated entry stamped with `when` (zip times start in 1980) and fixed attributes."""
    # A zip stores years 1980-2107; a document dated outside them still gets a valid entry.
    if when.year > 2107:
        stamp = (2107, 12, 31, 23, 59, 58)
    else:
        stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


def entry_order(names: list[str]) -> list[str]:
    """`names` with [Content_Types].xml first."""
    return ([_FIRST] if _FIRST in names else []) + [n for n in names if n != _FIRST]


def normalize_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip so that nothing in it depends on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in entry_order(src.namelist()):
            info = entry_info(name, when)
            if name == _CORE:
                iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                dst.writestr(info, _CORE_TIMES.sub(rb"\g<1>" + iso + rb"\g<2>", src.read(name)))
                continue
            # Streamed, in case a part is large (the same bytes as `writestr`: zlib's output does
            # not depend on how the input is split).
            with src.open(name) as reader, dst.open(info, "w") as writer:
                shutil.copyfileobj(reader, writer, _CHUNK)
    return out.getvalue()


class ZipLimitError(Exception):
    """An entry (or the entries read so far together) would inflate past a limit.

    `name` is the entry, `limit` the bound in bytes; `declared` is True when the entry's own
    header announced the excess (nothing was inflated), False when inflation was stopped.
    """

    def __init__(self, name: str, limit: int, declared: bool) -> None:
        super().__init__(name, limit, declared)
        self.name = name
        self.limit = limit
        self.declared = declared


def iter_entry(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    limit: int,
    chunk: int = _CHUNK,
    *,
    partial: bool = False,
) -> Iterator[bytes]:
    """The inflated bytes of one entry, in chunks of at most `chunk` bytes.

    Raises ZipLimitError before inflating anything when the entry declares more than `limit`
    bytes (unless `partial`: a caller that keeps a cut part), and after yielding exactly `limit`
    bytes when more come out (zipfile trusts the
    declared size, so this count is a second guard, not the only one). Only stored and deflated
    entries are read: zipfile inflates bzip2 and LZMA without an output bound, so one small read
    could expand without limit; those raise NotImplementedError, as zipfile does for methods it
    lacks. Errors of a damaged archive (zipfile.BadZipFile, zlib.error, EOFError, OSError) pass
    through.
    """
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise NotImplementedError(f"compression method {info.compress_type}")
    if info.file_size > limit and not partial:
        raise ZipLimitError(info.filename, limit, declared=True)
    left = limit
    with archive.open(info) as stream:
        while True:
            data = stream.read(min(chunk, left + 1))  # ZipExtFile inflates only what is asked
            if not data:
                return
            if len(data) > left:
                if left:
                    yield data[:left]
                raise ZipLimitError(info.filename, limit, declared=False)
            left -= len(data)
            yield data


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """One entry inflated whole; ZipLimitError when it is (or declares to be) over `limit`."""
    return b"".join(iter_entry(archive, info, limit))
