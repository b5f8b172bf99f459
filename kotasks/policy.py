"""License policy: which sources a build may use, which tasks it may build from each, and whether it may be published.

Building locally is always allowed by the sources kotasks registers; what the policy guards is publishing:
derivative records of a no-derivatives source, and records that reproduce raw text a source forbids redistributing.
"""

from __future__ import annotations

from collections.abc import Mapping

from kotasks.licenses import get_license
from kotasks.recipe import Recipe, SourceConfig
from kotasks.tasks import TASKS

LOCAL_ONLY_HINT = "set [output] publish = false to build for local use only"
RIGHTS_HINT = "holds_redistribution_rights = true on the source if you hold that right"


def source_refusal(source: SourceConfig, recipe: Recipe) -> str | None:
    """Why the recipe cannot use this source at all, or None."""
    lic = get_license(source.license)
    if recipe.commercial_only and (refusal := lic.refusal()):
        return f"commercial_only = true and {refusal}"
    if recipe.output.publish and not lic.derivatives and not source.holds_redistribution_rights:
        return f"{lic.id} forbids publishing derivative works, which every task record is; {LOCAL_ONLY_HINT}"
    return None


def raw_text_conflicts(source: SourceConfig, recipe: Recipe) -> dict[str, str]:
    """Enabled tasks whose records would reproduce raw text this source forbids redistributing -> why."""
    lic = get_license(source.license)
    if lic.redistribute_raw or source.holds_redistribution_rights:
        return {}
    return {
        task: f"{lic.id} forbids redistributing raw text, which {task} records reproduce"
        for task in recipe.tasks.enabled()
        if TASKS[task].reproduces_raw_text
    }


def withheld_tasks(source: SourceConfig, recipe: Recipe) -> dict[str, str]:
    """Tasks not built from this source because the output is meant for publishing -> why."""
    if not recipe.output.publish:
        return {}
    return {
        task: f"{why}; {LOCAL_ONLY_HINT}, or {RIGHTS_HINT}" for task, why in raw_text_conflicts(source, recipe).items()
    }


def publish_blockers(recipe: Recipe, records: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Why the built records may not be published (empty if they may); `records` is task -> source -> count."""
    if not any(count for by_source in records.values() for count in by_source.values()):
        return ["the build made no records"]
    blockers = []
    for source in recipe.sources:
        lic = get_license(source.license)
        built = {task for task, by_source in records.items() if by_source.get(source.name)}
        if not built:
            continue
        if not lic.derivatives and not source.holds_redistribution_rights:
            blockers.append(f"source {source.name!r}: {lic.id} forbids publishing derivative works")
        for task, why in raw_text_conflicts(source, recipe).items():
            if task in built:
                blockers.append(f"source {source.name!r}: {why}")
    return blockers
