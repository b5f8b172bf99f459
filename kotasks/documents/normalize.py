"""Text normalisation: NFC Hangul, clean whitespace, drop markup that no task should show."""

from __future__ import annotations

import re
import unicodedata

# Control and zero-width characters, and lone surrogates (a JSON "\ud800" escape), which no UTF-8 file can hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# law.go.kr Markdown: **①** paragraph marks, `1\.` escaped item dots, and amendment notes.
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_ESCAPE = re.compile(r"\\([.\-*_#()\[\]])")
_AMENDMENT = re.compile(r"\s*[<\[](?:개정|신설|삭제|본조신설|전문개정|제목개정|타법개정|시행일)[^>\]]*[>\]]")


def normalize_text(text: str) -> str:
    """NFC, no control or zero-width characters, single spaces, stripped lines, no blank runs."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def strip_markdown(text: str) -> str:
    """Remove law.go.kr Markdown markup and editorial amendment notes, keeping the words."""
    text = _BOLD.sub(r"\1", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return _AMENDMENT.sub("", text)
