"""Finding a source's files and opening them as text in whatever encoding they were written."""

from __future__ import annotations

import codecs
import glob
import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_GLOB_CHARS = set("*?[")
_SNIFF_BYTES = 1 << 20


def expand(pattern: Path) -> list[Path]:
    """Files matching a glob, sorted so that the build never depends on directory order."""
    if not _GLOB_CHARS & set(str(pattern)):
        return [pattern] if pattern.is_file() else []
    return sorted(Path(p) for p in glob.glob(str(pattern), recursive=True) if Path(p).is_file())


def glob_root(pattern: Path) -> Path:
    """The longest leading part of a glob without wildcards: ids and locations are relative to it."""
    parts = []
    for part in pattern.parts:
        if _GLOB_CHARS & set(part):
            break
        parts.append(part)
    root = Path(*parts) if parts else Path(".")
    return root.parent if root == pattern else root


class UndecodableError(ValueError):
    """A file that is neither UTF-8 nor CP949/EUC-KR text."""


READ_ERRORS = (
    OSError,
    EOFError,
    UnicodeDecodeError,
    UndecodableError,
    zipfile.BadZipFile,
    zlib.error,
    tarfile.TarError,
)
"""What reading a file or an archive member can raise when its bytes are bad; a reader rejects the file."""


def sniff_encoding(head: bytes) -> str:
    """'utf-8-sig', 'utf-8' or 'cp949' (a superset of EUC-KR), judged from the first bytes of a file."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for encoding in ("utf-8", "cp949"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return encoding
        except UnicodeDecodeError:
            continue
    raise UndecodableError("not UTF-8 or CP949/EUC-KR text")


def _buffered(raw: BinaryIO) -> tuple[io.BufferedReader, str]:
    """A buffered stream over an unbuffered one, and the encoding sniffed from its head."""
    buffered = io.BufferedReader(raw, buffer_size=_SNIFF_BYTES)
    return buffered, sniff_encoding(buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])


@contextmanager
def open_text(raw: BinaryIO) -> Iterator[tuple[io.TextIOWrapper, str]]:
    """A text stream over an unbuffered binary one, with its sniffed encoding.

    Decode errors past the sniffed head surface later as UnicodeDecodeError.
    """
    buffered, encoding = _buffered(raw)
    text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
    yield text, encoding


class _Utf8Recoder(io.RawIOBase):
    """Bytes in UTF-8 from a text stream, for parsers such as ijson that read bytes only."""

    def __init__(self, text: io.TextIOBase) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self._pending) < len(buffer):
            chunk = self._text.read(max(1, len(buffer) // 3))
            if not chunk:
                break
            self._pending += chunk.encode("utf-8")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


@contextmanager
def open_utf8(raw: BinaryIO) -> Iterator[tuple[BinaryIO, str]]:
    """A UTF-8 byte stream (no BOM) over an unbuffered binary one in any supported encoding, and that encoding."""
    buffered, encoding = _buffered(raw)
    if encoding == "utf-8":
        yield buffered, encoding
        return
    if encoding == "utf-8-sig":
        buffered.read(len(codecs.BOM_UTF8))
        yield buffered, encoding
        return
    text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
    yield io.BufferedReader(_Utf8Recoder(text)), encoding
