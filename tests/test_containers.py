"""Corpora read straight from zip and tar archives: Korean member names, nested zips, broken members."""

from __future__ import annotations

import io
import json
import tarfile
import unicodedata
import zipfile
from pathlib import Path

from conftest import read_source

from kotasks import Document, Reject, build, parse_recipe


def _docsumm(doc_id: str, title: str, sentences: list[str]) -> bytes:
    doc = {
        "id": doc_id,
        "title": title,
        "text": [[{"index": i, "sentence": s, "highlight_indices": ""} for i, s in enumerate(sentences)]],
        "extractive": [0],
        "abstractive": [sentences[0]],
    }
    return json.dumps({"documents": [doc]}, ensure_ascii=False).encode("utf-8")


NEWS = [
    "행정안전부는 주민등록 사실조사를 다음 달 시작한다고 밝혔다.",
    "조사는 두 달 동안 진행된다.",
    "거주 사실과 신고 내용이 다르면 과태료가 부과될 수 있다.",
]


def _cp949_zip(path: Path, members: dict[str, bytes]) -> None:
    """A zip whose Korean member names are stored in cp949 without the UTF-8 flag, as Korean Windows writes them."""
    placeholders = {}
    with zipfile.ZipFile(path, "w") as archive:
        for n, (name, data) in enumerate(members.items()):
            raw = name.encode("cp949")
            placeholder = f"{n:0{len(raw)}d}".encode("ascii")
            placeholders[placeholder] = raw
            archive.writestr(placeholder.decode("ascii"), data)
    blob = path.read_bytes()
    for placeholder, raw in placeholders.items():
        blob = blob.replace(placeholder, raw)
    path.write_bytes(blob)


def _read(tmp_path: Path, pattern: str, fmt: str = "aihub-docsumm") -> tuple[list[Document], list[Reject]]:
    return read_source(tmp_path, path=pattern, format=fmt)


def test_zip_with_cp949_names_bom_cp949_and_nfd_members(tmp_path):
    nfd_title = unicodedata.normalize("NFD", "주민등록 사실조사")
    _cp949_zip(
        tmp_path / "문서요약.zip",
        {
            "라벨링데이터/행정_001.json": _docsumm("a1", "주민등록 사실조사", NEWS),
            "라벨링데이터/행정_002.json": b"\xef\xbb\xbf" + _docsumm("a2", "사실조사 일정", NEWS[1:]),
            "라벨링데이터/행정_003.json": _docsumm("a3", "과태료 안내", NEWS).decode("utf-8").encode("cp949"),
            "라벨링데이터/행정_004.json": _docsumm("a4", nfd_title, [unicodedata.normalize("NFD", s) for s in NEWS]),
        },
    )
    docs, rejects = _read(tmp_path, "*.zip")
    assert rejects == []
    assert [d.id for d in docs] == ["a1", "a2", "a3", "a4"]
    assert docs[0].location == "문서요약.zip!라벨링데이터/행정_001.json:documents[0]"
    assert docs[2].title == "과태료 안내" and docs[2].paragraphs == [" ".join(NEWS)]
    assert docs[3].title == "주민등록 사실조사" and docs[3].text == " ".join(NEWS)


def test_nested_zip_and_tar_gz(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr(
            "판례/2023다1.md",
            "---\n제목: 손해배상\n---\n\n# 손해배상\n\n임대인은 수선의무를 이행하지 않았다. 따라서 배상 책임이 있다.\n",
        )
    with zipfile.ZipFile(tmp_path / "outer.zip", "w") as archive:
        archive.writestr("inner.zip", inner.getvalue())
        archive.writestr("설명서.pdf", b"%PDF-1.4")
    data = "---\n제목: 부당이득\n---\n\n# 부당이득\n\n피고는 법률상 원인 없이 이익을 얻었다. 그 이익을 반환하여야 한다.\n".encode()
    with tarfile.open(tmp_path / "more.tar.gz", "w:gz") as archive:
        info = tarfile.TarInfo("판례/2023다2.md")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    docs, rejects = _read(tmp_path, "*.*", fmt="markdown")
    assert [(d.location, d.title) for d in docs] == [
        ("more.tar.gz!판례/2023다2.md", "부당이득"),
        ("outer.zip!inner.zip!판례/2023다1.md", "손해배상"),
    ]
    assert [(r.location, r.reason) for r in rejects] == [
        ("outer.zip!설명서.pdf", "member skipped: not a .md or .markdown file")
    ]


def test_zip_of_good_and_broken_members_builds_and_rejects_each(tmp_path):
    with zipfile.ZipFile(tmp_path / "mixed.zip", "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("good.json", _docsumm("g1", "사실조사 시작", NEWS))
        archive.writestr("truncated.json", _docsumm("t1", "잘린 파일", NEWS)[:120])
        archive.writestr("wrong_type.json", json.dumps({"documents": [{"id": "w1", "title": "형식 오류", "text": 42}]}))
        archive.writestr(
            "no_text.json", json.dumps({"documents": [{"id": "m1", "title": "본문 없음"}]}, ensure_ascii=False)
        )
        archive.writestr("../../escape.json", _docsumm("e1", "탈출", NEWS))
        archive.writestr("corrupt.json", _docsumm("c1", "손상된 파일", NEWS))
    blob = bytearray((tmp_path / "mixed.zip").read_bytes())
    original = "손상된".encode()
    at = blob.index(original)
    blob[at : at + len(original)] = "훼손된".encode()  # same length, so only the stored CRC stops matching
    (tmp_path / "mixed.zip").write_bytes(bytes(blob))

    recipe = parse_recipe(
        {
            "name": "mixed",
            "sources": [{"name": "zip", "path": "mixed.zip", "format": "aihub-docsumm", "license": "AIHUB"}],
            "tasks": {"last_sentence": {"min_context": 1}},
        },
        base_dir=tmp_path,
    )
    result = build(recipe, out_dir=tmp_path / "out", progress=False)
    rejects = {
        r["location"].split(":")[0]: r["reason"] for r in map(json.loads, (tmp_path / "out" / "rejects.jsonl").open())
    }
    assert rejects["mixed.zip!truncated.json"].startswith("invalid JSON after 0 items")
    assert rejects["mixed.zip!wrong_type.json"] == "field text ('text') is int, expected text"
    assert rejects["mixed.zip!no_text.json"] == "missing field text ('text')"
    assert rejects["mixed.zip!../../escape.json"] == "member path escapes the archive root"
    assert "BadZipFile" in rejects["mixed.zip!corrupt.json"]
    assert result.stats.records["last_sentence"]["zip"] == 1


def test_corrupt_archive_is_a_reject(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    docs, rejects = _read(tmp_path, "*.zip")
    assert docs == []
    assert rejects[0].location == "broken.zip" and rejects[0].reason.startswith("unreadable archive: BadZipFile")
