"""Byte-identical zip containers (DOCX, XLSX): fixed entry times and a stable entry order."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Mapping
from datetime import datetime

_CORE = "docProps/core.xml"
# Some writers stamp the save time into these, whatever the caller set.
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")

# Word expects [Content_Types].xml first; keep the writer's order otherwise, it is already stable.
_FIRST = "[Content_Types].xml"
_CHUNK = 1 << 20


def entry_info(name: str, when: datetime) -> zipfile.ZipInfo:
    """A deflated entry stamped with `when` (zip times start in 1980) and fixed attributes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


def entry_order(names: list[str]) -> list[str]:
    """`names` with [Content_Types].xml first."""
    return ([_FIRST] if _FIRST in names else []) + [n for n in names if n != _FIRST]


def normalize_zip(data: bytes, when: datetime, replace: Mapping[str, bytes] | None = None) -> bytes:
    """Rewrite a zip so that nothing in it depends on the clock; entries named in `replace` get
    that content instead (the same bytes as a zip that had it from the start)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in entry_order(src.namelist()):
            info = entry_info(name, when)
            if replace is not None and name in replace:
                dst.writestr(info, replace[name])
                continue
            if name == _CORE:
                iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                dst.writestr(info, _CORE_TIMES.sub(rb"\g<1>" + iso + rb"\g<2>", src.read(name)))
                continue
            # Streamed: a workbook's sheet can be hundreds of MB uncompressed (the same bytes as
            # `writestr`, since zlib's output does not depend on how the input is split).
            with src.open(name) as reader, dst.open(info, "w") as writer:
                shutil.copyfileobj(reader, writer, _CHUNK)
    return out.getvalue()
