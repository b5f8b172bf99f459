"""The dataset card: README.md with Hub YAML metadata (license, language, configs per task) and a body that states
what the dataset holds, where it comes from and under which terms. It holds no date, so a rebuild is byte-identical.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import tomli_w
import yaml

from kotasks.output_license import Attribution, OutputLicense
from kotasks.recipe import Recipe
from kotasks.splits import SPLITS
from kotasks.stats import BuildStats

TASK_CATEGORIES = {
    "multi_question": "question-answering",
    "multi_question_multiturn": "question-answering",
    "summary_title": "summarization",
}
EXAMPLE_CHARS = 300


@dataclass(frozen=True)
class CardInputs:
    recipe: Recipe
    stats: BuildStats
    first_records: dict[tuple[str, str], dict]
    """(task, split) -> the first record written there"""
    license: OutputLicense
    attributions: list[Attribution]


SIZE_LABELS = ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B", "1B<n<10B"]


def size_category(n: int) -> str:
    """The Hub's size_categories label for n rows."""
    for power, label in enumerate(SIZE_LABELS, start=3):
        if n < 10**power:
            return label
    return "n>1T" if n >= 10**12 else "10B<n<100B" if n < 10**11 else "100B<n<1T"


def _configs(stats: BuildStats) -> dict[str, list[str]]:
    """Task -> its splits with records, tasks by name and splits in split order."""
    return {task: [s for s in SPLITS if stats.splits[task][s]] for task in sorted(stats.splits)}


def metadata(inputs: CardInputs) -> dict:
    configs = _configs(inputs.stats)
    total = sum(sum(by_split.values()) for by_split in inputs.stats.splits.values())
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


def _cell(value) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _example(record: dict) -> str:
    def cut(value):
        if isinstance(value, str):
            return value if len(value) <= EXAMPLE_CHARS else value[:EXAMPLE_CHARS] + " …"
        if isinstance(value, list):
            return [cut(v) for v in value]
        if isinstance(value, dict):
            return {k: cut(v) for k, v in value.items()}
        return value

    return "```json\n" + json.dumps(cut(record), ensure_ascii=False, indent=2) + "\n```"


def _shown_recipe(recipe: Recipe) -> str:
    """The recipe as TOML, with absolute source paths (from --source-path) cut to their last two parts."""
    data = recipe.model_dump(mode="json", exclude={"base_dir"}, exclude_unset=True)
    for source in data["sources"]:
        path = Path(source["path"])
        if path.is_absolute():
            source["path"] = ".../" + "/".join(path.parts[-2:])
    return tomli_w.dumps(data).strip()


def body(inputs: CardInputs) -> str:
    recipe, stats, lic = inputs.recipe, inputs.stats, inputs.license
    configs = _configs(stats)
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
        + (f" Terms: see {lic.link}." if lic.link else ""),
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
            ["config (task)", *SPLITS],
            [[task, *(stats.splits[task][s] for s in SPLITS)] for task in configs],
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
    for task, splits in configs.items():
        parts += [f"### {task}", _example(inputs.first_records[(task, splits[0])])]
    parts += ["## Recipe", "```toml\n" + _shown_recipe(recipe) + "\n```"]
    return "\n\n".join(parts) + "\n"


def render(inputs: CardInputs) -> str:
    """The whole README.md."""
    front = yaml.safe_dump(metadata(inputs), allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body(inputs)}"


def attribution_file(attributions: list[Attribution]) -> str:
    """ATTRIBUTION.md: who to credit, under which license."""
    lines = ["# Attribution", ""]
    for a in attributions:
        url = f" <{a.license.url}>" if a.license.url else ""
        lines.append(f"- {a.credit} — source `{a.source}`, {a.records} records, {a.license.id}: {a.license.name}{url}")
    return "\n".join(lines) + "\n"
