"""The dataset card: README.md with Hub YAML metadata (license, language, configs per task) and a body that states
what the dataset holds, where it comes from and under which terms. It holds no date, so a rebuild is byte-identical.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import tomli_w
import yaml

from kotasks.output_license import Attribution, OutputLicense
from kotasks.recipe import Recipe
from kotasks.stats import BuildStats
from kotasks.writers.exports import ExportFile

TASK_CATEGORIES = {
    "multi_question": "question-answering",
    "multi_question_multiturn": "question-answering",
    "summary_title": "summarization",
}
SPLIT_ORDER = ("train", "validation", "test")
EXAMPLE_CHARS = 300


@dataclass(frozen=True)
class CardInputs:
    recipe: Recipe
    stats: BuildStats
    files: list[ExportFile]
    license: OutputLicense
    attributions: list[Attribution]


def size_category(n: int) -> str:
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    bounds += [(10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M")]
    return next((label for bound, label in bounds if n < bound), "n>100M")


def _configs(files: list[ExportFile]) -> dict[str, list[str]]:
    """Task -> its splits with records, from the parquet shards, tasks in file order and splits in split order."""
    found: dict[str, set[str]] = {}
    for f in files:
        if f.format == "parquet":
            found.setdefault(f.task, set()).add(f.split)
    return {task: [s for s in SPLIT_ORDER if s in splits] for task, splits in found.items()}


def metadata(inputs: CardInputs) -> dict:
    configs = _configs(inputs.files)
    total = sum(f.rows for f in inputs.files if f.format == "parquet")
    meta: dict = {"license": inputs.license.id}
    if inputs.license.id == "other":
        meta["license_name"] = inputs.license.name
        meta["license_link"] = inputs.license.link or "ATTRIBUTION.md"
    meta |= {
        "language": ["ko"],
        "task_categories": sorted({TASK_CATEGORIES.get(task, "text-generation") for task in configs}),
        "size_categories": [size_category(total)],
        "pretty_name": inputs.recipe.name,
        "tags": ["kotasks", "korean", "instruction-tuning", "self-supervised"],
        "configs": [
            {
                "config_name": task,
                "data_files": [{"split": split, "path": f"data/{task}/{split}-*.parquet"} for split in splits],
            }
            for task, splits in configs.items()
        ],
    }
    return meta


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _example(root: Path, files: list[ExportFile], task: str) -> str:
    first = next(f for f in files if f.format == "parquet" and f.task == task)
    row = pq.ParquetFile(root / first.path).read_row_group(0).slice(0, 1).to_pylist()[0]

    def cut(value):
        if isinstance(value, str):
            return value if len(value) <= EXAMPLE_CHARS else value[:EXAMPLE_CHARS] + " …"
        if isinstance(value, list):
            return [cut(v) for v in value]
        if isinstance(value, dict):
            return {k: cut(v) for k, v in value.items()}
        return value

    return "```json\n" + json.dumps(cut(row), ensure_ascii=False, indent=2) + "\n```"


def body(inputs: CardInputs, root: Path) -> str:
    recipe, stats, lic = inputs.recipe, inputs.stats, inputs.license
    configs = _configs(inputs.files)
    by_source = stats.records_by_source()
    license_of = {s.name: s.license for s in recipe.sources}
    by_license = Counter()
    for source, count in by_source.items():
        by_license[license_of[source]] += count
    first_config = next(iter(configs), "TASK")
    parts = [
        f"# {recipe.name}",
        "Korean instruction-tuning records made from raw corpora by self-supervised tasks, with no LLM in the loop, "
        f"by [kotasks](https://pypi.org/project/kotasks/) from the recipe below (seed {recipe.seed}). "
        "Each record keeps its provenance: source, document id, task and the source's license.",
        "## License",
        f"**{lic.id}**"
        + (f" ({lic.name})" if lic.name else "")
        + f": {lic.why}."
        + (f" Terms: {lic.link}" if lic.link else ""),
    ]
    if stats.publish_blockers:
        parts.append("**Not for publication:** " + "; ".join(stats.publish_blockers) + ".")
    notes = [f"- Source `{source}` was not used: {reason}." for source, reason in stats.refused_sources.items()]
    notes += [
        f"- `{task}` was not built from `{source}`: {reason}."
        for source, tasks in stats.withheld.items()
        for task, reason in tasks.items()
    ]
    if notes:
        parts.append("\n".join(notes))
    parts += [
        "## Records per task and split",
        _table(
            ["config (task)", *SPLIT_ORDER],
            [[task, *(stats.splits[task][s] for s in SPLIT_ORDER)] for task in configs],
        ),
        "Splits are drawn per document, so no document feeds two splits.",
        "## Records per source",
        _table(
            ["source", "license", "documents used", "records"],
            [[s, license_of[s], stats.documents_used[s], n] for s, n in sorted(by_source.items())],
        ),
        "## Records per license",
        _table(["license", "records"], [[lid, n] for lid, n in sorted(by_license.items())]),
        "## Attribution",
        "\n".join(
            f"- {a.credit} (source `{a.source}`): {a.license.name}"
            + (f", {a.license.url}" if a.license.url else "")
            + ("" if a.license.attribution else " (no attribution required)")
            for a in inputs.attributions
        )
        or "No source gave records.",
        "## Usage",
        f'```python\nfrom datasets import load_dataset\n\nds = load_dataset("ORG/NAME", "{first_config}")\n```',
        "LLaMA-Factory: build with `formats` in `[output]` and point `dataset_dir` at the output folder; its "
        "`dataset_info.json` names every exported file.",
        "## Example records",
    ]
    for task in configs:
        parts += [f"### {task}", _example(root, inputs.files, task)]
    recipe_toml = tomli_w.dumps(recipe.model_dump(mode="json", exclude={"base_dir"}, exclude_unset=True))
    parts += ["## Recipe", "```toml\n" + recipe_toml.strip() + "\n```"]
    return "\n\n".join(parts) + "\n"


def render(inputs: CardInputs, root: Path) -> str:
    """The whole README.md; `root` is the folder holding the files listed in `inputs.files`."""
    front = yaml.safe_dump(metadata(inputs), allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body(inputs, root)}"


def attribution_file(attributions: list[Attribution]) -> str:
    """ATTRIBUTION.md: who to credit, under which license."""
    lines = ["# Attribution", ""]
    for a in attributions:
        url = f" <{a.license.url}>" if a.license.url else ""
        lines.append(f"- {a.credit} — source `{a.source}`, {a.records} records, {a.license.id}: {a.license.name}{url}")
    return "\n".join(lines) + "\n"
