"""What every format reader yields: raw records located in their file, or rejects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kotasks.documents import Reject
from kotasks.recipe import SourceConfig


@dataclass(frozen=True)
class RawRecord:
    """One record as the format gives it, before field mapping.

    `key` is stable within its file (a line number, an array index, a heading) and, joined to the
    file's relative path, identifies the record when the recipe names no id field. `id_suffix`
    distinguishes several documents cut from one record (a statute's articles).
    """

    key: str
    record: Any
    id_suffix: str = ""


@dataclass(frozen=True)
class SourceFile:
    """A file of a source, or a member of an archive, with the name it goes by in ids and rejects.

    `opener` gives a fresh binary stream of a member; it is valid only while the archive is being
    walked, which is when readers run. A plain file is opened from `path`.
    """

    path: Path
    name: str
    config: SourceConfig
    opener: Callable[[], IO[bytes]] | None = None

    def open(self) -> IO[bytes]:
        """An unbuffered binary stream of the file (a member is read from its archive)."""
        return self.opener() if self.opener else open(self.path, "rb", buffering=0)

    def polars_source(self) -> Path | bytes:
        """What Polars can scan: the path of a plain file, or the bytes of an archive member."""
        if self.opener is None:
            return self.path
        with self.opener() as stream:
            return stream.read()

    def reject(self, reason: str, key: str = "") -> Reject:
        location = f"{self.name}:{key}" if key else self.name
        return Reject(source=self.config.name, location=location, reason=reason)


@dataclass(frozen=True)
class Detected:
    """A reader's note of the encoding it found in a file, for the build's stats."""

    encoding: str


Reader = Callable[[SourceFile], Iterator[RawRecord | Reject | Detected]]
"""A format reader: raw records of one file, in file order, after a Detected note for text files."""


def one_line(err: BaseException) -> str:
    """An exception as a single line, for rejects (ijson's messages span several lines)."""
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
