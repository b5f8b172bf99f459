"""Turn a raw record (a dict from any source format) into a Document, using the recipe's field paths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kotasks.documents.model import QA, Document, Reject
from kotasks.documents.normalize import normalize_text
from kotasks.recipe import FieldMap

_MISSING = object()


def resolve(record: Any, path: str) -> Any:
    """Follow a dotted path (`front.사건명`, `a.b.0`) into nested dicts and lists; _MISSING if absent.

    A key that itself contains dots (a heading such as `1. 개요`) matches before the path is split.
    """
    if isinstance(record, dict) and path in record:
        return record[path]
    head, dot, rest = path.partition(".")
    if not dot:
        if isinstance(record, list) and head.isdigit() and int(head) < len(record):
            return record[int(head)]
        return _MISSING
    if isinstance(record, dict) and head in record:
        return resolve(record[head], rest)
    if isinstance(record, list) and head.isdigit() and int(head) < len(record):
        return resolve(record[int(head)], rest)
    return _MISSING


class FieldError(ValueError):
    """A field that is present but unusable."""


def _as_text(value: Any, name: str, path: str, joiner: str) -> str:
    if value is _MISSING or value is None:
        return ""
    if isinstance(value, str):
        return normalize_text(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return normalize_text(joiner.join(value))
    raise FieldError(f"field {name} ({path!r}) is {type(value).__name__}, expected text")


def _as_id(value: Any, path: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FieldError(f"field id ({path!r}) is {type(value).__name__}, expected a string or integer")
    ident = normalize_text(str(value))
    if not ident:
        raise FieldError(f"field id ({path!r}) is empty")
    return ident


def _answer_text(answers: Any) -> str:
    """SQuAD answers as a list of {text} (KorQuAD), a single {text} object, or a plain string."""
    if isinstance(answers, list):
        answers = answers[0] if answers else ""
    if isinstance(answers, dict):
        answers = answers.get("text", "")
    if not isinstance(answers, str):
        raise FieldError(f"answer is {type(answers).__name__}, expected text")
    return normalize_text(answers)


def _parse_qas(value: Any, path: str, where: str, doc: dict) -> Iterator[QA | Reject]:
    if value is _MISSING or value is None:
        return
    if not isinstance(value, list):
        raise FieldError(f"field qas ({path!r}) is {type(value).__name__}, expected a list")
    for i, qa in enumerate(value):
        try:
            if not isinstance(qa, dict):
                raise FieldError(f"is {type(qa).__name__}, expected an object")
            question = qa.get("question")
            if not isinstance(question, str) or not normalize_text(question):
                raise FieldError("has no question text")
            impossible = bool(qa.get("is_impossible", False))
            answer = "" if impossible else _answer_text(qa.get("answers", ""))
            if not impossible and not answer:
                raise FieldError("has no answer and is not marked is_impossible")
            yield QA(question=normalize_text(question), answer=answer)
        except FieldError as err:
            yield Reject(location=f"{where}#qas[{i}]", reason=f"question {i} {err}", **doc)


def to_document(
    record: Any, *, fields: FieldMap, source: str, license: str, location: str, fallback_id: str
) -> Iterator[Document | Reject]:
    """One Document for a record, or a Reject saying which field was wrong; bad QA pairs are rejected singly."""
    base = {"source": source, "doc_id": ""}
    if not isinstance(record, dict):
        yield Reject(location=location, reason=f"record is {type(record).__name__}, expected an object", **base)
        return
    try:
        doc_id = fallback_id
        if fields.id:
            raw_id = resolve(record, fields.id)
            if raw_id is _MISSING or raw_id is None:
                raise FieldError(f"missing field id ({fields.id!r})")
            doc_id = _as_id(raw_id, fields.id)
        base["doc_id"] = doc_id
        if not fields.text:
            raise FieldError("no text field configured")
        raw_text = resolve(record, fields.text)
        if raw_text is _MISSING or raw_text is None:
            raise FieldError(f"missing field text ({fields.text!r})")
        text = _as_text(raw_text, "text", fields.text, "\n")
        if not text:
            raise FieldError(f"empty text ({fields.text!r})")
        title = _as_text(resolve(record, fields.title), "title", fields.title, " ") if fields.title else ""
        summary = _as_text(resolve(record, fields.summary), "summary", fields.summary, " ") if fields.summary else ""
        qas: list[QA] = []
        if fields.qas:
            for item in _parse_qas(resolve(record, fields.qas), fields.qas, location, base):
                if isinstance(item, Reject):
                    yield item
                else:
                    qas.append(item)
    except FieldError as err:
        yield Reject(location=location, reason=str(err), **base)
        return
    yield Document(
        source=source,
        id=doc_id,
        text=text,
        license=license,
        title=title,
        summary=summary,
        qas=tuple(qas),
        location=location,
    )
