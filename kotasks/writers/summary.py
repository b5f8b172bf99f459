"""The table printed at the end of a build."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kotasks.stats import BuildStats


def print_summary(stats: BuildStats, out_dir: str, console: Console | None = None) -> None:
    console = console or Console()
    for source, picked in stats.formats.items():
        console.print(f"source {source!r}: format auto read it as {picked!r}", soft_wrap=True)
    for source, reason in stats.refused_sources.items():
        console.print(f"[yellow]source {escape(repr(source))} not used:[/] {escape(reason)}", soft_wrap=True)
    for source, tasks in stats.withheld.items():
        for task, reason in tasks.items():
            console.print(f"[yellow]{task} not built from {escape(repr(source))}:[/] {escape(reason)}", soft_wrap=True)

    sources = Table(title="documents by source")
    for column in ("source", "read", "rejected", "used", "records"):
        sources.add_column(column, justify="left" if column == "source" else "right")
    names = sorted(set(stats.documents_read) | set(stats.rejected))
    for name in names:
        records = sum(c[name] for c in stats.records.values())
        rejected = sum(stats.rejected[name].values())
        sources.add_row(
            name, str(stats.documents_read[name]), str(rejected), str(stats.documents_used[name]), str(records)
        )
    console.print(sources)

    tasks = Table(title="records by task")
    for column in ("task", "records", "most common reason a document was skipped"):
        tasks.add_column(column, justify="right" if column == "records" else "left")
    for task in sorted(set(stats.records) | set(stats.skipped)):
        reasons = stats.skipped[task].most_common(1)
        top = f"{reasons[0][0]} ({reasons[0][1]})" if reasons else ""
        tasks.add_row(task, str(sum(stats.records[task].values())), top)
    console.print(tasks)

    lic = stats.output_license
    named = f" ({lic['name']})" if lic.get("name") else ""
    console.print(f"output license: {lic.get('id')}{named}: {lic.get('why')}", soft_wrap=True, markup=False)
    for blocker in stats.publish_blockers:
        console.print(f"[yellow]not for publication:[/] {escape(blocker)}", soft_wrap=True)
    rejected = sum(sum(c.values()) for c in stats.rejected.values())
    console.print(
        f"wrote {out_dir} in {stats.seconds:.1f} s; {rejected} rejects in rejects.jsonl, details in stats.json",
        soft_wrap=True,
    )
