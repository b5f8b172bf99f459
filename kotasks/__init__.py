"""kotasks: Korean corpora -> self-supervised instruction-tuning records, with no LLM in the loop."""

from kotasks.documents import QA, Document, Reject
from kotasks.pipeline import BuildResult, build
from kotasks.recipe import Recipe, RecipeError, load_recipe, parse_recipe
from kotasks.sources import iter_documents
from kotasks.tasks import TASKS

__all__ = [
    "QA",
    "TASKS",
    "BuildResult",
    "Document",
    "Recipe",
    "RecipeError",
    "Reject",
    "build",
    "iter_documents",
    "load_recipe",
    "parse_recipe",
]
