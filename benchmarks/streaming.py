"""Peak memory of a build that streams one huge AI-Hub 문서요약 JSON array, at two file sizes.

It writes a generated file of about SIZE MB (documents[] in the 문서요약 layout, Korean sentences
made from a fixed vocabulary), builds it with the tasks that need no morphological analysis
(summary_title, original_inference), and prints each build's peak RSS. Memory that does not grow
with the file size shows that the reader streams: the 1 GB file is never held in memory.

    python benchmarks/streaming.py --sizes 100 1000      # MB; writes into a temporary folder
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBJECTS = ["임대인은", "보험회사는", "지방자치단체는", "원고는", "피고는", "행정청은", "법원은", "위원회는"]
OBJECTS = ["보증금을", "보험금을", "과태료를", "손해배상을", "허가를", "정보공개를", "등록을", "분담금을"]
VERBS = ["반환하여야 한다.", "지급하지 않았다.", "부과할 수 있다.", "청구하였다.", "취소하였다.", "거부하였다."]

RECIPE = """
name = "streaming"
seed = 1
[[sources]]
name = "docsumm"
path = "{path}"
format = "aihub-docsumm"
license = "AIHUB"
[tasks.summary_title]
[tasks.original_inference]
[output]
formats = ["alpaca", "sharegpt", "openai"]
publish = false    # AI-Hub text: a local build, so original_inference is built too
"""


def sentence(rng: random.Random, n: int) -> str:
    return f"{n}번째 사안에서 {rng.choice(SUBJECTS)} {rng.choice(OBJECTS)} {rng.choice(VERBS)}"


def write_corpus(path: Path, megabytes: int) -> int:
    """A 문서요약 file of about `megabytes` MB, written document by document; returns the document count."""
    rng, target, count = random.Random(7), megabytes * 1_000_000, 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"name": "문서요약 텍스트", "delivery_date": "2026-11-01", "documents": [')
        while out.tell() < target:
            sentences = [sentence(rng, i) for i in range(rng.randint(8, 20))]
            paragraphs = [sentences[i : i + 4] for i in range(0, len(sentences), 4)]
            index = iter(range(len(sentences)))
            doc = {
                "id": str(count),
                "category": "법률",
                "title": f"사건 {count}",
                "text": [
                    [{"index": next(index), "sentence": s, "highlight_indices": ""} for s in p] for p in paragraphs
                ],
                "extractive": [0, 1, 2],
                "abstractive": [sentences[0]],
            }
            out.write(("," if count else "") + json.dumps(doc, ensure_ascii=False))
            count += 1
        out.write("]}")
    return count


def build_in_child(recipe: Path, out: Path) -> dict:
    code = (
        "import json, resource, time; from pathlib import Path; import kotasks; t = time.perf_counter(); "
        f"r = kotasks.build(kotasks.load_recipe({str(recipe)!r}), out_dir=Path({str(out)!r}), progress=False); "
        "print(json.dumps({'seconds': time.perf_counter() - t, 'documents': sum(r.stats.documents_read.values()), "
        "'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    return json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="file sizes in MB")
    parser.add_argument("--workdir", type=Path, help="where to write the files (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        rows = []
        for size in args.sizes:
            corpus = Path(tmp) / f"docsumm_{size}mb.json"
            documents = write_corpus(corpus, size)
            recipe = Path(tmp) / f"recipe_{size}.toml"
            recipe.write_text(RECIPE.format(path=corpus.as_posix()), encoding="utf-8")
            started = time.perf_counter()
            figures = build_in_child(recipe, Path(tmp) / f"out_{size}")
            assert figures["documents"] == documents, (figures, documents)
            rows.append((size, corpus.stat().st_size / 1e6, documents, figures, time.perf_counter() - started))
            corpus.unlink()
        print(f"{'file MB':>8} {'documents':>10} {'build s':>8} {'MB/s':>6} {'peak RSS MB':>12} {'x smallest':>11}")
        base = rows[0][3]["peak_rss_mb"]
        for _, megabytes, documents, figures, _ in rows:
            rate = megabytes / figures["seconds"]
            print(
                f"{megabytes:>8.0f} {documents:>10} {figures['seconds']:>8.1f} {rate:>6.1f} "
                f"{figures['peak_rss_mb']:>12.0f} {figures['peak_rss_mb'] / base:>11.2f}"
            )


if __name__ == "__main__":
    main()
