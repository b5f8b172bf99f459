"""JSON corpora with a known layout, streamed with ijson so that a file of any size stays out of memory."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import Any

import ijson

from kotasks.documents import Reject
from kotasks.sources.base import Detected, RawRecord, SourceFile, one_line
from kotasks.sources.files import READ_ERRORS, open_utf8

ItemReader = Callable[[SourceFile, int, Any], Iterator[RawRecord | Reject]]


def _stream_items(file: SourceFile, prefix: str, read_item: ItemReader) -> Iterator[RawRecord | Reject | Detected]:
    """read_item(file, index, item) for each element of the array at `prefix`; a parse error rejects the rest."""
    index = -1
    try:
        with file.open() as raw, open_utf8(raw) as (stream, encoding):
            yield Detected(encoding)
            for index, item in enumerate(ijson.items(stream, prefix, use_float=True)):
                yield from read_item(file, index, item)
    except (*READ_ERRORS, ijson.JSONError) as err:
        if not prefix:
            yield file.reject(f"invalid JSON: {one_line(err)}")
            return
        array = prefix.removesuffix(".item")
        yield file.reject(f"invalid JSON after {index + 1} items: {one_line(err)}", key=f"{array}[{index + 1}]")


def _squad_article(file: SourceFile, a: int, article: Any) -> Iterator[RawRecord | Reject]:
    paragraphs = article.get("paragraphs") if isinstance(article, dict) else None
    if not isinstance(paragraphs, list):
        yield file.reject("article has no paragraphs list", key=f"data[{a}]")
        return
    title = article.get("title") or article.get("doc_title") or ""
    for p, paragraph in enumerate(paragraphs):
        record = {"title": title, **paragraph} if isinstance(paragraph, dict) else paragraph
        yield RawRecord(key=f"data[{a}].paragraphs[{p}]", record=record)


def read_squad(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """SQuAD/KorQuAD: one record per paragraph, {title, context, qas}."""
    return _stream_items(file, "data.item", _squad_article)


def _docsumm_record(doc: dict) -> dict:
    """A 문서요약 document with its sentence lists joined into paragraphs and its summary as text."""
    text = doc.get("text")
    if isinstance(text, list) and all(isinstance(p, list) for p in text):
        doc = {
            **doc,
            "text": [
                " ".join(s["sentence"] for s in para if isinstance(s, dict) and isinstance(s.get("sentence"), str))
                for para in text
            ],
        }
    abstractive = doc.get("abstractive")
    if isinstance(abstractive, list):
        abstractive = " ".join(a for a in abstractive if isinstance(a, str))
    return {**doc, "summary": abstractive or ""}


def _docsumm_document(file: SourceFile, index: int, doc: Any) -> Iterator[RawRecord | Reject]:
    key = f"documents[{index}]"
    if isinstance(doc, dict):
        yield RawRecord(key=key, record=_docsumm_record(doc))
    else:
        yield file.reject(f"document is {type(doc).__name__}, expected an object", key=key)


def read_aihub_docsumm(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """AI-Hub 문서요약 텍스트: one record per documents[] entry, text as paragraphs of sentences."""
    return _stream_items(file, "documents.item", _docsumm_document)


def _without_null_strings(value: Any) -> Any:
    """AI-Hub files write a missing value as the string "null"; make it a real null."""
    if isinstance(value, dict):
        return {k: _without_null_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_null_strings(v) for v in value]
    return None if value == "null" else value


def _whole_file(file: SourceFile, index: int, record: Any) -> Iterator[RawRecord | Reject]:
    if isinstance(record, dict):
        yield RawRecord(key="", record=_without_null_strings(record))
    else:
        yield file.reject(f"file holds a JSON {type(record).__name__}, expected an object")


def read_one_object(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """Layouts with one document per file (AI-Hub 도서자료 요약, 요약문 및 레포트 생성)."""
    return _stream_items(file, "", _whole_file)


def _paper_entries(file: SourceFile, index: int, paper: Any) -> Iterator[RawRecord | Reject]:
    """One record per summary pair of a paper: summary_entire[] and summary_section[] (`orginal_text` sic)."""
    if not isinstance(paper, dict):
        yield file.reject(f"paper is {type(paper).__name__}, expected an object", key=f"[{index}]")
        return
    paper_id = str(paper.get("doc_id") or index)
    for part in ("summary_entire", "summary_section"):
        entries = paper.get(part) or []
        for i, entry in enumerate(entries if isinstance(entries, list) else [entries]):
            key = f"[{index}].{part}[{i}]"
            if not isinstance(entry, dict):
                yield file.reject(f"{part} entry is {type(entry).__name__}, expected an object", key=key)
                continue
            record = {
                **entry,
                "id": f"{paper_id}/{part}/{i}",
                "title": paper.get("title"),
                "text": entry.get("orginal_text", entry.get("original_text")),
                "summary": entry.get("summary_text"),
            }
            yield RawRecord(key=key, record=record)


def read_aihub_paper_summary(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """AI-Hub 논문자료 요약: papers under data[] or as a top-level list."""
    try:
        with file.open() as raw:
            head = raw.read(64).lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    except READ_ERRORS as err:
        yield file.reject(one_line(err))
        return
    yield from _stream_items(file, "item" if head.startswith(b"[") else "data.item", _paper_entries)


def _judgment(file: SourceFile, index: int, record: Any) -> Iterator[RawRecord | Reject]:
    """AI-Hub 판결문: the facts, the court's reasoning and the conclusions, in that order, as paragraphs."""
    if not isinstance(record, dict):
        yield file.reject(f"file holds a JSON {type(record).__name__}, expected an object")
        return
    parts = [("facts", "bsisFacts"), ("dcss", "courtDcss"), ("close", "cnclsns")]
    text: list = []
    for section, key in parts:
        holder = record.get(section)
        value = holder.get(key) if isinstance(holder, dict) else None
        text.extend(value if isinstance(value, list) else [value] if value else [])
    yield RawRecord(key="", record={**record, "text": text})


def read_aihub_judgment(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    return _stream_items(file, "", _judgment)
