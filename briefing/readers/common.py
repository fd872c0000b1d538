"""Helpers shared by the readers: hashing, decoding, cleaning."""

from __future__ import annotations

import hashlib
import re

# Characters XML 1.0 forbids; python-docx would write them and Word would refuse the file.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def strip_invalid_xml(text: str) -> str:
    return _XML_INVALID.sub("", text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> str:
    """Decode bytes as UTF-8 (fast path), else raise UnicodeDecodeError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8")
