"""`format = "auto"`: tell a JSON corpus's layout from the keys at the start of its first file."""

from __future__ import annotations

from itertools import islice

import ijson

from kotasks.sources.base import SourceFile
from kotasks.sources.files import READ_ERRORS, open_utf8

_EVENTS = 5000

# (format, key paths that must all appear among the first keys of a file); the first match wins.
LAYOUTS: list[tuple[str, tuple[str, ...]]] = [
    ("aihub-docsumm", ("documents.item.text.item.item.sentence",)),
    ("aihub-paper-summary", ("data.item.summary_entire",)),
    ("aihub-paper-summary", ("item.summary_entire",)),
    ("squad", ("data.item.paragraphs.item.context", "data.item.paragraphs.item.qas")),
    ("aihub-report-summary", ("Meta(Refine).passage",)),
    ("aihub-book-summary", ("passage", "summary")),
    ("aihub-judgment", ("info.caseNm", "facts")),
    ("aihub-terms", ("clauseArticle",)),
]


class UnknownLayout(ValueError):
    """The keys match no known layout, or the file cannot be parsed far enough to tell."""


def key_paths(file: SourceFile) -> set[str]:
    """Dotted key paths (`data.item.paragraphs`) among the first events of a JSON file."""
    paths: set[str] = set()
    try:
        with file.open() as raw, open_utf8(raw) as (stream, _):
            for prefix, event, value in islice(ijson.parse(stream), _EVENTS):
                if event == "map_key":
                    paths.add(f"{prefix}.{value}" if prefix else value)
    except (*READ_ERRORS, ijson.JSONError) as err:
        if not paths:
            raise UnknownLayout(f"{file.name} is not readable JSON ({type(err).__name__})") from None
    return paths


def sniff_format(file: SourceFile) -> str:
    """The layout of a JSON file, or UnknownLayout naming the keys seen."""
    paths = key_paths(file)
    for name, required in LAYOUTS:
        if all(path in paths for path in required):
            return name
    top = sorted(p for p in paths if "." not in p)[:8]
    raise UnknownLayout(f"cannot tell the layout of {file.name} from its keys {top}; set format explicitly")
