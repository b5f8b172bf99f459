"""Command line: a thin layer over kotasks.build and the license registry."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kotasks.inspection import inspect_path
from kotasks.licenses import LICENSES
from kotasks.pipeline import build as run_build
from kotasks.publish import PushError, plan_push, resolve_token
from kotasks.publish import push as run_push
from kotasks.recipe import RecipeError, load_recipe
from kotasks.writers.summary import print_summary

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # a crash must not print local values such as a Hub token
    help="Korean corpora -> instruction-tuning data.",
)


@app.command()
def build(
    recipe: Annotated[Path, typer.Argument(help="recipe TOML file")],
    out: Annotated[Optional[Path], typer.Option(help="output folder (default: the recipe's [output] dir)")] = None,
    workers: Annotated[int, typer.Option(min=1, help="processes for the per-document work")] = 1,
    limit: Annotated[Optional[int], typer.Option(min=1, help="at most N documents from each source")] = None,
    seed: Annotated[Optional[int], typer.Option(help="override the recipe's seed")] = None,
    source_path: Annotated[
        Optional[list[str]], typer.Option("--source-path", help="NAME=GLOB: read source NAME from another place")
    ] = None,
    quiet: Annotated[bool, typer.Option(help="no progress bar")] = False,
) -> None:
    """Build the recipe's records into every export format, with the dataset card, rejects.jsonl and stats.json."""
    err = Console(stderr=True)
    try:
        loaded = load_recipe(recipe)
        loaded = loaded.with_source_paths(dict(_pair(p) for p in source_path or []))
        result = run_build(loaded, out_dir=out, workers=workers, limit=limit, seed=seed, progress=not quiet)
    except (RecipeError, FileExistsError) as error:
        err.print(f"[red]error:[/] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(2) from None
    print_summary(result.stats, str(result.out_dir), console=err)


def _pair(text: str) -> tuple[str, str]:
    name, sep, path = text.partition("=")
    if not sep or not name or not path:
        raise RecipeError(f"--source-path: expected NAME=GLOB (got {text!r})")
    return name, path


@app.command()
def push(
    out_dir: Annotated[Path, typer.Argument(help="a folder written by kotasks build")],
    repo: Annotated[str, typer.Option(help="Hub dataset repo, ORG/NAME")],
    private: Annotated[bool, typer.Option(help="make a new repo private (existing ones keep theirs)")] = False,
    dry_run: Annotated[bool, typer.Option(help="list what would be uploaded, upload nothing")] = False,
) -> None:
    """Upload README.md, ATTRIBUTION.md and data/ to a Hub dataset repo in one commit (token from HF_TOKEN or login)."""
    console, err = Console(), Console(stderr=True)
    try:
        plan = plan_push(out_dir)
        if dry_run:
            visibility = "private" if private else "public"
            console.print(f"would push {len(plan.files)} files ({plan.bytes:,} bytes) to {repo} ({visibility}):")
            for path in plan.files:
                console.print(f"  {path.relative_to(out_dir).as_posix()}  {path.stat().st_size:,}", markup=False)
            console.print("remote files under data/ that are not in this list would be deleted in the same commit")
            return
        url = run_push(plan, repo, token=resolve_token(), private=private)
    except PushError as error:
        err.print(f"[red]error:[/] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(2) from None
    console.print(f"pushed {len(plan.files)} files to {repo}: {url}", soft_wrap=True, markup=False)


@app.command()
def licenses() -> None:
    """List the license ids a source may carry and what each allows."""
    table = Table(title="license ids")
    for column in ("id", "commercial", "derivatives", "share-alike", "attribution", "raw text redistributable", "name"):
        table.add_column(column)
    mark = {True: "yes", False: "no"}
    for lic in LICENSES.values():
        table.add_row(
            lic.id,
            mark[lic.commercial],
            mark[lic.derivatives],
            mark[lic.share_alike],
            mark[lic.attribution],
            mark[lic.redistribute_raw],
            lic.name,
        )
    Console().print(table)


@app.command()
def inspect(
    path: Annotated[Path, typer.Argument(help="a file, folder or archive")],
    format: Annotated[Optional[str], typer.Option(help="read as this format instead of guessing")] = None,
) -> None:
    """Show the format, encoding, document count and a sample document, with a [[sources]] snippet."""
    console = Console()
    try:
        found = inspect_path(path, format)
    except (ValueError, RecipeError) as error:
        Console(stderr=True).print(f"[red]error:[/] {error}", soft_wrap=True)
        raise typer.Exit(2) from None
    picked = f" (auto picked {found.notes.format})" if found.format == "auto" and found.notes.format != "auto" else ""
    console.print(f"format: {found.notes.format or found.format}{picked}", soft_wrap=True)
    console.print(f"encodings: {dict(found.notes.encodings) or 'n/a'}", soft_wrap=True)
    console.print(f"documents: {found.documents}; rejects: {sum(found.rejects.values())}", soft_wrap=True)
    for reason, count in found.rejects.most_common(5):
        console.print(f"  {count} x {reason}", soft_wrap=True, markup=False)
    if found.sample:
        doc = found.sample
        console.print("sample document:", soft_wrap=True)
        for label, value in [("id", doc.id), ("title", doc.title), ("summary", doc.summary), ("text", doc.text)]:
            shown = value if len(value) <= 300 else value[:300] + " …"
            console.print(f"  {label}: {shown}", soft_wrap=True, markup=False)
        if doc.qas:
            console.print(
                f"  questions: {len(doc.qas)}, first: {doc.qas[0].question} -> {doc.qas[0].answer}", markup=False
            )
    console.print("\nrecipe snippet:\n" + found.recipe_snippet(), soft_wrap=True, markup=False)
