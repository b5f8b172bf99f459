"""Archives: zip (nested too), tar and tar.gz members read in place, without extracting anything to disk."""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path, PurePosixPath

from kotasks.documents import Reject
from kotasks.recipe import SourceConfig
from kotasks.sources.base import SourceFile, one_line
from kotasks.sources.files import READ_ERRORS

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
MEMBER_SUFFIXES: dict[str, tuple[str, ...]] = {
    "markdown": (".md", ".markdown"),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "parquet": (".parquet",),
    "txt": (".txt",),
    "squad": (".json",),
    "aihub-docsumm": (".json",),
    "aihub-mrc": (".json",),
    "aihub-book-summary": (".json",),
    "aihub-report-summary": (".json",),
    "aihub-paper-summary": (".json",),
    "aihub-judgment": (".json",),
    "aihub-terms": (".json",),
    "auto": (".json",),
}


def is_archive(path: Path | str) -> bool:
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def zip_member_name(info: zipfile.ZipInfo) -> str:
    """A member's real name: zips made on Korean Windows store cp949 names without the UTF-8 flag,
    which Python then reads as cp437 mojibake; macOS zips store UTF-8 without the flag."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def escapes_root(name: str) -> bool:
    """A member path that would land outside the archive's folder (absolute, `..`, a drive letter)."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def archive_members(path: Path, name: str, config: SourceConfig) -> Iterator[SourceFile | Reject]:
    """The members of an archive a format can read, in archive order; rejects for the rest, with why."""
    try:
        if str(path).lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                yield from _zip_members(archive, name, path, config)
        else:
            with tarfile.open(path, "r:*") as archive:
                yield from _tar_members(archive, name, path, config)
    except READ_ERRORS as err:
        yield Reject(source=config.name, location=name, reason=f"unreadable archive: {one_line(err)}")


def _check(member: str, location: str, config: SourceConfig) -> Reject | None:
    if escapes_root(member):
        return Reject(source=config.name, location=location, reason="member path escapes the archive root")
    if not member.lower().endswith(MEMBER_SUFFIXES[config.format]):
        expected = " or ".join(MEMBER_SUFFIXES[config.format])
        return Reject(source=config.name, location=location, reason=f"member skipped: not a {expected} file")
    return None


def _zip_members(
    archive: zipfile.ZipFile, name: str, path: Path, config: SourceConfig
) -> Iterator[SourceFile | Reject]:
    for info in archive.infolist():
        if info.is_dir():
            continue
        member = zip_member_name(info)
        location = f"{name}!{member}"
        if member.lower().endswith(".zip") and not escapes_root(member):
            try:
                with archive.open(info) as raw, zipfile.ZipFile(raw) as nested:
                    yield from _zip_members(nested, location, path, config)
            except READ_ERRORS as err:
                yield Reject(source=config.name, location=location, reason=f"unreadable archive: {one_line(err)}")
            continue
        if reject := _check(member, location, config):
            yield reject
            continue
        yield SourceFile(path=path, name=location, config=config, opener=partial(archive.open, info))


def _tar_members(
    archive: tarfile.TarFile, name: str, path: Path, config: SourceConfig
) -> Iterator[SourceFile | Reject]:
    for info in archive:
        if not info.isfile():
            continue
        location = f"{name}!{info.name}"
        if reject := _check(info.name, location, config):
            yield reject
            continue
        yield SourceFile(path=path, name=location, config=config, opener=partial(archive.extractfile, info))
