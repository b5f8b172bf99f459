#!/usr/bin/env python3
"""Benchmark Korean sentence splitters on the shared legal corpora.

Compares Kiwi ``split_into_sents`` (the baseline) with kss ``split_sentences``
using the ``mecab``, ``fast`` and ``punct`` backends on paragraphs taken from
court decisions (the ``## 판례내용`` section of ``precedents/**/*.md``) and
statutes (body text of ``statutes/kr/**/*.md``).

For each splitter it reports throughput (chars/s and the ratio to Kiwi in the
same run), the number of sentences, and boundary errors found by heuristics
that need no gold data. For each pair of splitters it counts the paragraphs
on which they disagree and shows a few examples. Import time and peak RSS are
measured in fresh interpreters so that one library does not skew the other.

The corpus text is only read at run time; nothing is written except the
optional ``--json`` report.

Usage:
    python3 benchmarks/splitters.py [--files N] [--statute-files M]
                                    [--corpora DIR] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
BASELINE = "kiwi"
KSS_BACKENDS = ("mecab", "fast", "punct")
MIN_PARAGRAPH_CHARS = 30
WARMUP_TEXT = "첫 문장입니다. 두 번째 문장입니다."
PRECEDENT_SECTION = "## 판례내용"

# A piece may legitimately end with one of these without a following space.
SENTENCE_FINAL = set(".?!…。") | set("’”」』)]】>\"'")
# Opening/closing pairs checked for splits inside a quotation or bracket.
PAIRS = (("‘", "’"), ("“", "”"), ("「", "」"), ("『", "』"), ("(", ")"))
STRAIGHT_QUOTE = '"'

NUMBER_DOT_LEFT = re.compile(r"\d\.$")
NUMBER_RIGHT = re.compile(r"^\d")
DATE_LEFT = re.compile(r"(?:19|20)\d\d\.\s?\d{1,2}\.\s?\d{1,2}\.$")
HANGUL_RIGHT = re.compile(r"^[가-힣]")
CLOSE_PAREN_LEFT = re.compile(r"[^.?!…]\)$")
ARTICLE_LEFT = re.compile(r"제\s?\d+\s?[조항호목](?:의\s?\d+)?$")
ARTICLE_RIGHT = re.compile(r"^제\s?\d+\s?[조항호목]")
MARKER = (
    r"(?:\(?\d+(?:의\d+)?[.)]"  # 1.  1)  (1)  1의2.
    r"|\(?[가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허][.)]"  # 가.  나)  (다)  거.
    r"|[①-⑳]"  # ①
    r"|제\s?\d+\s?[조항호목](?:의\s?\d+)?\.?)"  # 제3조  제2항.
)
LIST_MARKERS = re.compile(rf"^{MARKER}(?:\s*{MARKER})*$")  # "1." or "나. (1)"
MARKER_TAIL = re.compile(rf"(?:^|\s){MARKER}$")

CUT_CHECKS = ("in_word", "number_dot", "after_date", "article_ref", "after_paren", "in_quote")
PIECE_CHECKS = ("marker_only", "tiny")
ERROR_KINDS = CUT_CHECKS + PIECE_CHECKS
ERROR_HELP = {
    "in_word": "cut with no whitespace and no sentence-final mark on the left",
    "number_dot": "cut between 'N.' and a following digit (2016.|7., 1.|5)",
    "after_date": "cut right after a full date before Hangul (2016. 7. 28.|선고)",
    "article_ref": "cut inside an article reference (제16조|제3항)",
    "after_paren": "cut after ')' with no final mark before it (제외한다)|등)",
    "in_quote": "cut inside quotes/brackets that are balanced in the paragraph",
    "marker_only": "piece that is only list/article markers (1. | 나. (1) | ① | 제3조)",
    "tiny": "piece shorter than 3 chars or punctuation only (not a marker)",
}

Span = tuple[int, int]


@dataclass(frozen=True)
class Paragraph:
    """One input to the splitters: a line of a corpus file."""

    kind: str  # "precedent" or "statute"
    source: str  # file path relative to the corpora directory
    text: str


@dataclass
class Result:
    """Output and figures of one splitter over all paragraphs."""

    name: str
    setup_s: float  # import (if not yet done) + construction + first call
    pieces: list[list[str]]  # output of the first timed pass
    peak_rss_mb: float  # process peak RSS after the first timed pass
    passes: list[float] = field(default_factory=list)  # seconds per timed pass
    spans: list[list[Span] | None] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    error_examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        """Best (lowest) time over the timed passes."""
        return min(self.passes)


# --------------------------------------------------------------------------
# Corpus loading
# --------------------------------------------------------------------------


def strip_front_matter(text: str) -> str:
    """Drop a leading YAML front matter block delimited by '---' lines."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 4)
    return text if end < 0 else text[end + 5 :]


def precedent_body(text: str) -> str:
    """Return the '## 판례내용' section of a decision (empty if absent)."""
    start = text.find(PRECEDENT_SECTION)
    if start < 0:
        return ""
    body = text[start + len(PRECEDENT_SECTION) :]
    next_heading = re.search(r"^## ", body, re.MULTILINE)
    return body[: next_heading.start()] if next_heading else body


def statute_lines(text: str) -> list[str]:
    """Return statute body lines without headings and markdown markup."""
    lines = strip_front_matter(text).split("\n")
    return [line.replace("**", "").replace("\\.", ".") for line in lines if not line.lstrip().startswith("#")]


def keep_paragraphs(lines: list[str]) -> list[str]:
    """NFC-normalise and strip lines, keeping those long enough to split."""
    cleaned = (unicodedata.normalize("NFC", line).strip() for line in lines)
    return [line for line in cleaned if len(line) >= MIN_PARAGRAPH_CHARS]


def load_paragraphs(corpora: Path, n_precedents: int, n_statutes: int) -> list[Paragraph]:
    """Read the first files (sorted by path) of each corpus as paragraphs."""
    precedents = sorted(corpora.glob("precedents/**/*.md"))[:n_precedents]
    statutes = sorted(corpora.glob("statutes/kr/**/*.md"))[:n_statutes]
    paragraphs = []
    for path in precedents:
        lines = precedent_body(path.read_text(encoding="utf-8")).split("\n")
        paragraphs += [Paragraph("precedent", str(path.relative_to(corpora)), line) for line in keep_paragraphs(lines)]
    for path in statutes:
        lines = statute_lines(path.read_text(encoding="utf-8"))
        paragraphs += [Paragraph("statute", str(path.relative_to(corpora)), line) for line in keep_paragraphs(lines)]
    return paragraphs


# --------------------------------------------------------------------------
# Splitters, timing and memory
# --------------------------------------------------------------------------


Splitter = Callable[[str], list[str]]


def make_kiwi() -> Splitter:
    """Build the Kiwi splitter (imports kiwipiepy and loads the model lazily)."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi()

    def split(text: str) -> list[str]:
        return [sentence.text for sentence in kiwi.split_into_sents(text)]

    return split


def make_kotasks(name: str) -> Callable[[], Splitter]:
    """kotasks' own splitter (`kiwi` or `kss` with its boundary repairs), as a build uses it."""

    def factory() -> Splitter:
        from kotasks.text.sentences import get_splitter

        splitter = get_splitter(name)

        def split(text: str) -> list[str]:
            return [span.text for span in splitter.split(text)]

        return split

    return factory


def make_kss(backend: str) -> Callable[[], Splitter]:
    """Return a factory for a single-process kss splitter with `backend`."""

    def factory() -> Splitter:
        import kss

        def split(text: str) -> list[str]:
            return kss.split_sentences(text, backend=backend, num_workers=1)

        return split

    return factory


# Run in this order; factories import lazily so each row's RSS shows what it added.
SPLITTERS: dict[str, Callable[[], Splitter]] = {
    BASELINE: make_kiwi,
    "kotasks-kiwi": make_kotasks("kiwi"),
    **{f"kss-{backend}": make_kss(backend) for backend in KSS_BACKENDS},
    "kotasks-kss": make_kotasks("kss"),
}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux: KB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_pass(split: Splitter, texts: list[str]) -> tuple[float, list[list[str]]]:
    """Split every text once; return the elapsed seconds and the pieces."""
    start = time.perf_counter()
    pieces = [split(text) for text in texts]
    return time.perf_counter() - start, pieces


def run_splitters(texts: list[str], repeat: int) -> list[Result]:
    """Time each splitter `repeat` times, round-robin so load changes hit all alike.

    In the first round each splitter is built just before its pass, so the
    peak RSS recorded after that pass shows what it added to the process.
    """
    built: dict[str, Splitter] = {}
    results: dict[str, Result] = {}
    for round_no in range(1, repeat + 1):
        for name, factory in SPLITTERS.items():
            if name not in built:
                start = time.perf_counter()
                built[name] = factory()
                built[name](WARMUP_TEXT)
                setup = time.perf_counter() - start
            log(f"Pass {round_no}/{repeat}: {name}...")
            seconds, pieces = timed_pass(built[name], texts)
            if name not in results:
                results[name] = Result(name, setup, pieces, peak_rss_mb())
            results[name].passes.append(seconds)
    return list(results.values())


PROBE_TEMPLATE = """
import json, resource, time
start = time.perf_counter()
{statement}
print(json.dumps({{"seconds": time.perf_counter() - start,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

IMPORT_PROBES = {
    "import kiwipiepy": "import kiwipiepy",
    "import kiwipiepy + Kiwi() + first split": (
        f"from kiwipiepy import Kiwi\nKiwi().split_into_sents({WARMUP_TEXT!r})"
    ),
    "import kss": "import kss",
    "import kss + first mecab split": (
        f"import kss\nkss.split_sentences({WARMUP_TEXT!r}, backend='mecab', num_workers=1)"
    ),
}


def measure_imports() -> dict[str, dict[str, float]]:
    """Time each import probe in a fresh interpreter and record its peak RSS."""
    figures = {}
    for label, statement in IMPORT_PROBES.items():
        completed = subprocess.run(
            [sys.executable, "-c", PROBE_TEMPLATE.format(statement=statement)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures[label] = json.loads(completed.stdout.strip().splitlines()[-1])
    return figures


# --------------------------------------------------------------------------
# Boundary-error heuristics
# --------------------------------------------------------------------------


def align(text: str, pieces: list[str]) -> list[Span] | None:
    """Locate each piece in the source text, in order; None if one is missing."""
    spans, cursor = [], 0
    for piece in pieces:
        start = text.find(piece, cursor)
        if start < 0:
            return None
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def is_balanced(text: str, opener: str, closer: str) -> bool:
    """True if opener/closer pairs in text never close before opening."""
    depth = 0
    for char in text:
        depth += (char == opener) - (char == closer)
        if depth < 0:
            return False
    return depth == 0


def cut_inside_quote(text: str, cut: int) -> bool:
    """True if `cut` falls inside a quote/bracket pair balanced in `text`."""
    before = text[:cut]
    for opener, closer in PAIRS:
        if before.count(opener) > before.count(closer) and is_balanced(text, opener, closer):
            return True
    quotes = text.count(STRAIGHT_QUOTE)
    return quotes % 2 == 0 and before.count(STRAIGHT_QUOTE) % 2 == 1


def cut_errors(text: str, left: Span, right: Span) -> list[str]:
    """Error kinds for the boundary between two adjacent pieces."""
    left_text, right_text = text[left[0] : left[1]], text[right[0] : right[1]]
    gap = text[left[1] : right[0]]
    kinds = []
    if not any(c.isspace() for c in gap) and left_text[-1] not in SENTENCE_FINAL:
        kinds.append("in_word")
    if NUMBER_DOT_LEFT.search(left_text) and NUMBER_RIGHT.match(right_text):
        kinds.append("number_dot")
    if DATE_LEFT.search(left_text) and HANGUL_RIGHT.match(right_text):
        kinds.append("after_date")
    if ARTICLE_LEFT.search(left_text) and ARTICLE_RIGHT.match(right_text):
        kinds.append("article_ref")
    if CLOSE_PAREN_LEFT.search(left_text) and not MARKER_TAIL.search(left_text):
        kinds.append("after_paren")
    if cut_inside_quote(text, right[0]):
        kinds.append("in_quote")
    return kinds


def piece_errors(piece: str) -> list[str]:
    """Error kinds for a single piece on its own."""
    if LIST_MARKERS.match(piece):
        return ["marker_only"]
    if len(piece) < 3 or not any(c.isalnum() for c in piece):
        return ["tiny"]
    return []


def render_cuts(text: str, cuts: list[int], centre: int, width: int = 120) -> str:
    """Show `text` around `centre` with '|' at each cut, about `width` chars."""
    lo = max(0, centre - width // 2)
    hi = min(len(text), lo + width)
    out, pos = [], lo
    for cut in sorted(c for c in cuts if lo < c < hi):
        out += [text[pos:cut], "|"]
        pos = cut
    out.append(text[pos:hi])
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(text) else "")


def score(result: Result, paragraphs: list[Paragraph], n_examples: int) -> None:
    """Align the pieces and count boundary errors in place on `result`."""
    result.spans = [align(p.text, pieces) for p, pieces in zip(paragraphs, result.pieces, strict=True)]
    result.errors = Counter({kind: 0 for kind in ERROR_KINDS})
    result.error_examples = {kind: [] for kind in ERROR_KINDS}
    for paragraph, spans in zip(paragraphs, result.spans, strict=True):
        if spans is None or len(spans) < 2:  # unaligned, or not split at all
            continue
        text = paragraph.text
        found = [(kind, left[1]) for left, right in zip(spans, spans[1:], strict=False) for kind in cut_errors(text, left, right)]
        found += [(kind, start) for start, end in spans for kind in piece_errors(text[start:end])]
        cuts = [start for start, _ in spans[1:]]
        for kind, where in found:
            result.errors[kind] += 1
            if len(result.error_examples[kind]) < n_examples:
                result.error_examples[kind].append(render_cuts(text, cuts, where))


# --------------------------------------------------------------------------
# Pairwise disagreement
# --------------------------------------------------------------------------


def cut_set(spans: list[Span]) -> set[int]:
    """Start offsets of every piece but the first: where the text was cut."""
    return {start for start, _ in spans[1:]}


def spread(items: list, k: int) -> list:
    """Pick up to k items evenly spaced over the list (deterministic)."""
    if k <= 1 or len(items) <= k:
        return items[: max(k, 0)]
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)]


def pick_examples(indices: list[int], paragraphs: list[Paragraph], k: int) -> list[int]:
    """Pick k indices spread over precedents first, then statutes (about half each)."""
    precedents = [i for i in indices if paragraphs[i].kind == "precedent"]
    statutes = [i for i in indices if paragraphs[i].kind == "statute"]
    n_precedents = max((k + 1) // 2, k - len(statutes))
    chosen = spread(precedents, n_precedents)
    return chosen + spread(statutes, k - len(chosen))


def compare(a: Result, b: Result, paragraphs: list[Paragraph], n_examples: int) -> dict:
    """Count paragraphs and cuts on which two splitters disagree."""
    differing, only_a, only_b = [], 0, 0
    for index, (spans_a, spans_b) in enumerate(zip(a.spans, b.spans, strict=True)):
        if spans_a is None or spans_b is None:
            continue
        cuts_a, cuts_b = cut_set(spans_a), cut_set(spans_b)
        if cuts_a != cuts_b:
            differing.append(index)
            only_a += len(cuts_a - cuts_b)
            only_b += len(cuts_b - cuts_a)
    examples = []
    for index in pick_examples(differing, paragraphs, n_examples):
        text = paragraphs[index].text
        cuts_a, cuts_b = cut_set(a.spans[index]), cut_set(b.spans[index])
        centre = min(cuts_a ^ cuts_b)
        examples.append(
            {
                "source": paragraphs[index].source,
                a.name: render_cuts(text, sorted(cuts_a), centre),
                b.name: render_cuts(text, sorted(cuts_b), centre),
            }
        )
    return {
        "paragraphs": len(differing),
        "cuts_only_a": only_a,
        "cuts_only_b": only_b,
        "examples": examples,
    }


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------


def format_cell(value: object) -> str:
    """Format a table cell: floats with 2 decimals, ints with separators."""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def format_table(headers: list[str], rows: list[list]) -> str:
    """Render rows as a plain-text table, first column left-aligned."""
    cells = [headers] + [[format_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))) for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def build_report(
    args: argparse.Namespace,
    paragraphs: list[Paragraph],
    imports: dict,
    results: list[Result],
    pairs: dict,
) -> dict:
    """Collect every figure into one JSON-serialisable dict."""
    chars = sum(len(p.text) for p in paragraphs)
    baseline = next(r for r in results if r.name == BASELINE)
    kinds = Counter(p.kind for p in paragraphs)
    return {
        "corpus": {
            "corpora": str(args.corpora),
            "precedent_files": len({p.source for p in paragraphs if p.kind == "precedent"}),
            "statute_files": len({p.source for p in paragraphs if p.kind == "statute"}),
            "paragraphs": dict(kinds),
            "chars": chars,
            "repeat": args.repeat,
        },
        "imports": imports,
        "splitters": {
            r.name: {
                "seconds": r.seconds,
                "passes_s": r.passes,
                "chars_per_s": chars / r.seconds,
                "ratio_to_kiwi": baseline.seconds / r.seconds,
                "setup_s": r.setup_s,
                "sentences": sum(map(len, r.pieces)),
                "unaligned_paragraphs": sum(s is None for s in r.spans),
                "peak_rss_mb_after_run": r.peak_rss_mb,
                "errors": dict(r.errors),
                "error_total": sum(r.errors.values()),
                "error_examples": r.error_examples,
            }
            for r in results
        },
        "pairs": pairs,
    }


def print_report(report: dict) -> None:
    """Print the report as readable tables and examples."""
    corpus, splitters, pairs = report["corpus"], report["splitters"], report["pairs"]
    print(
        f"\nCorpus: {corpus['precedent_files']} precedent + "
        f"{corpus['statute_files']} statute files, "
        f"{sum(corpus['paragraphs'].values()):,} paragraphs {corpus['paragraphs']}, "
        f"{corpus['chars']:,} chars; best of {corpus['repeat']} round-robin timed pass(es), "
        "one thread."
    )

    print("\nImports (each in a fresh interpreter)")
    rows = [[probe, v["seconds"], v["peak_rss_mb"]] for probe, v in report["imports"].items()]
    print(format_table(["probe", "seconds", "peak RSS MB"], rows))

    print("\nSpeed")
    headers = ["splitter", "chars/s", "x kiwi", "seconds", "setup s", "sentences", "unaligned", "process peak RSS MB"]
    rows = [
        [
            name,
            round(s["chars_per_s"]),
            s["ratio_to_kiwi"],
            s["seconds"],
            s["setup_s"],
            s["sentences"],
            s["unaligned_paragraphs"],
            s["peak_rss_mb_after_run"],
        ]
        for name, s in splitters.items()
    ]
    print(format_table(headers, rows))
    print(
        "(setup = import if not yet done + construction + first call; process peak RSS is\n"
        " cumulative: the splitters run in this order in one process)"
    )

    print("\nBoundary errors (heuristics, no gold data; one cut may count under several kinds)")
    rows = [[name, *s["errors"].values(), s["error_total"]] for name, s in splitters.items()]
    print(format_table(["splitter", *ERROR_KINDS, "total"], rows))
    for kind in ERROR_KINDS:
        print(f"  {kind:12} {ERROR_HELP[kind]}")

    print("\nError examples ('|' marks the splitter's cuts)")
    for name, s in splitters.items():
        for kind, examples in s["error_examples"].items():
            for example in examples:
                print(f"  {name:10} {kind:12} {example}")

    print("\nPairwise disagreement (paragraphs whose cut sets differ)")
    rows = [[label, pair["paragraphs"], pair["cuts_only_a"], pair["cuts_only_b"]] for label, pair in pairs.items()]
    print(format_table(["A vs B", "paragraphs", "cuts only in A", "cuts only in B"], rows))
    for label, pair in pairs.items():
        if pair["examples"]:
            print(f"\n{label}: examples ('|' marks cuts)")
        for example in pair["examples"]:
            print(f"  [{example['source']}]")
            for name, rendered in list(example.items())[1:]:
                print(f"    {name:10} {rendered}")


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--corpora", type=Path, default=DEFAULT_CORPORA, help=f"corpora directory (default: {DEFAULT_CORPORA})")
    add("--files", type=int, default=200, metavar="N", help="first N precedent files, sorted by path (default: 200)")
    add("--statute-files", type=int, metavar="M", help="first M statute files, sorted by path (default: N // 4)")
    add(
        "--repeat",
        type=int,
        default=1,
        help="timed passes per splitter, run round-robin; the best is kept (default: 1)",
    )
    add("--examples", type=int, default=5, help="disagreement examples per Kiwi pair (default: 5)")
    add("--error-examples", type=int, default=2, help="examples per error kind and splitter (default: 2)")
    add("--json", type=Path, metavar="PATH", help="also write all figures to this JSON file")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.statute_files is None:
        args.statute_files = args.files // 4
    args.corpora = args.corpora.resolve()
    return args


def log(message: str) -> None:
    """Print a progress message on stderr, keeping stdout for the report."""
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print (and optionally save) the report."""
    args = parse_args(argv)
    if not all((args.corpora / sub).is_dir() for sub in ("precedents", "statutes/kr")):
        sys.exit(
            f"error: corpora not found at {args.corpora} (expected precedents/ and statutes/kr/); pass --corpora DIR"
        )
    paragraphs = load_paragraphs(args.corpora, args.files, args.statute_files)
    if not paragraphs:
        sys.exit(f"error: no paragraphs of >= {MIN_PARAGRAPH_CHARS} chars under {args.corpora}")
    texts = [p.text for p in paragraphs]
    log(f"Loaded {len(texts):,} paragraphs ({sum(map(len, texts)):,} chars); measuring imports...")
    imports = measure_imports()

    results = run_splitters(texts, args.repeat)
    for result in results:
        score(result, paragraphs, args.error_examples)

    by_name = {r.name: r for r in results}
    pairs = {
        f"{a} vs {b}": compare(by_name[a], by_name[b], paragraphs, args.examples * (a == BASELINE))
        for a, b in combinations(by_name, 2)
    }
    report = build_report(args, paragraphs, imports, results, pairs)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        log(f"Wrote {args.json}")


if __name__ == "__main__":
    main()
