"""Markdown with YAML front matter and `#` sections (the law.go.kr exports of statutes and decisions)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from kotasks.documents import Reject, strip_markdown
from kotasks.sources.base import Detected, RawRecord, SourceFile, one_line
from kotasks.sources.files import READ_ERRORS, open_text

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    end = re.search(r"^---\s*$", text[3:], flags=re.MULTILINE)
    if end is None:
        raise ValueError("front matter has no closing '---'")
    # BaseLoader keeps every scalar a string: ids such as '000165' and dates stay as written.
    front = yaml.load(text[3 : 3 + end.start()], Loader=yaml.BaseLoader) or {}
    if not isinstance(front, dict):
        raise ValueError("front matter is not a mapping")
    return front, text[3 + end.end() :]


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, heading text) of every heading line."""
    found = []
    for i, line in enumerate(lines):
        if m := _HEADING.match(line):
            found.append((i, len(m.group(1)), strip_markdown(m.group(2)).strip()))
    return found


def _content(lines: list[str], start: int, end: int, heading_lines: set[int]) -> str:
    return strip_markdown("\n".join(lines[i] for i in range(start, end) if i not in heading_lines))


def parse_markdown(text: str) -> tuple[dict, list[str], list[tuple[int, int, str]]]:
    """Front matter, body lines and headings of a Markdown document."""
    front, body = _split_front_matter(text)
    lines = body.split("\n")
    return front, lines, _headings(lines)


def _section_end(headings: list[tuple[int, int, str]], k: int, n_lines: int) -> int:
    level = headings[k][1]
    return next((i for i, lvl, _ in headings[k + 1 :] if lvl <= level), n_lines)


def read_markdown(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """One record per file ({front, section, body}), or one per heading of `split_heading_level`."""
    try:
        with file.open() as raw, open_text(raw) as (stream, encoding):
            yield Detected(encoding)
            text = stream.read()
        front, lines, headings = parse_markdown(text)
    except (*READ_ERRORS, ValueError, yaml.YAMLError) as err:
        yield file.reject(one_line(err))
        return
    heading_lines = {i for i, _, _ in headings}
    sections: dict[str, str] = {}
    for k, (i, _, title) in enumerate(headings):
        sections.setdefault(title, _content(lines, i + 1, _section_end(headings, k, len(lines)), heading_lines))
    record = {"front": front, "section": sections, "body": _content(lines, 0, len(lines), heading_lines)}
    level = file.config.split_heading_level
    if level is None:
        yield RawRecord(key="", record=record)
        return
    for k, (i, lvl, title) in enumerate(headings):
        if lvl != level:
            continue
        unit = {
            **record,
            "heading": title,
            "body": _content(lines, i + 1, _section_end(headings, k, len(lines)), heading_lines),
        }
        yield RawRecord(key=title, record=unit, id_suffix=title)
