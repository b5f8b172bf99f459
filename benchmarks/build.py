"""Build throughput and peak memory, as ratios against a naive baseline measured in the same run.

The baseline is what a build would cost if it analysed whole documents: Kiwi's `split_into_sents` over
every paragraph of every document. kotasks analyses only the windows its records show, so the ratio
says how much of that cost the build avoids. Each measurement runs in a fresh subprocess so its peak
RSS is its own.

    python benchmarks/build.py                      # ../shared/corpora precedents + statutes
    python benchmarks/build.py --limit 300 --json out/bench.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"


def _recipe(corpora: Path):
    from kotasks import load_recipe

    return load_recipe(ROOT / "recipes" / "law-go-kr.toml").with_source_paths(
        {
            "precedents": str(corpora / "precedents" / "**" / "*.md"),
            "statutes": str(corpora / "statutes" / "kr" / "**" / "*.md"),
        }
    )


def _documents(recipe, limit: int | None):
    from itertools import islice

    from kotasks import Document
    from kotasks.sources import iter_source

    for source in recipe.sources:
        docs = (d for d in iter_source(source, recipe) if isinstance(d, Document))
        yield from islice(docs, limit)


def run_baseline(corpora: Path, limit: int | None) -> dict:
    """Kiwi sentence splitting of every paragraph of every document."""
    from kotasks.text.kiwi import get_kiwi

    kiwi = get_kiwi()
    docs, size, started = 0, 0, time.perf_counter()
    for doc in _documents(_recipe(corpora), limit):
        for paragraph in doc.paragraphs:
            kiwi.split_into_sents(paragraph)
        docs += 1
        size += len(doc.text.encode("utf-8"))
    return {"documents": docs, "bytes": size, "seconds": time.perf_counter() - started}


def run_build(corpora: Path, limit: int | None, workers: int) -> dict:
    from kotasks import build

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        result = build(_recipe(corpora), out_dir=Path(out), workers=workers, limit=limit, progress=False)
    seconds = time.perf_counter() - started
    size = sum(len(d.text.encode("utf-8")) for d in _documents(_recipe(corpora), limit))
    records = sum(sum(c.values()) for c in result.stats.records.values())
    return {
        "documents": sum(result.stats.documents_read.values()),
        "bytes": size,
        "records": records,
        "seconds": seconds,
    }


def _in_child(kind: str, corpora: Path, limit: int | None, workers: int) -> dict:
    """Run one measurement in a fresh interpreter; its peak RSS is its main process's or its largest worker's."""
    code = (
        "import json, resource, sys; sys.path.insert(0, %r); import build as b; from pathlib import Path; "
        "r = b.run_%s(Path(%r), %r%s); "
        "r['peak_rss_mb'] = max(resource.getrusage(k).ru_maxrss for k in "
        "(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024; print(json.dumps(r))"
    ) % (str(Path(__file__).parent), kind, str(corpora), limit, f", {workers}" if kind == "build" else "")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--limit", type=int, default=None, help="documents per source")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    if not (args.corpora / "precedents").is_dir():
        sys.exit(f"no corpora at {args.corpora} (expected precedents/ and statutes/ in the law.go.kr layout)")

    rows = {
        "baseline: Kiwi split of every paragraph": _in_child("baseline", args.corpora, args.limit, 1),
        "kotasks build, 1 worker": _in_child("build", args.corpora, args.limit, 1),
        "kotasks build, 2 workers": _in_child("build", args.corpora, args.limit, 2),
    }
    base = rows["baseline: Kiwi split of every paragraph"]
    print(f"{'run':42} {'docs':>6} {'MB text':>8} {'seconds':>8} {'MB/s':>6} {'x baseline':>11} {'peak RSS MB':>12}")
    for name, r in rows.items():
        rate = r["bytes"] / r["seconds"] / 1e6
        speed = rate / (base["bytes"] / base["seconds"] / 1e6)
        print(
            f"{name:42} {r['documents']:>6} {r['bytes'] / 1e6:>8.1f} {r['seconds']:>8.1f} {rate:>6.2f} {speed:>11.2f} "
            f"{r['peak_rss_mb']:>12.0f}"
        )
        r["speed_vs_baseline"] = round(speed, 3)
    print("peak RSS is the largest single process of the run (the main process or one worker), not their sum")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
