"""Recipe: the TOML file that says which corpora to read and which tasks to build."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, field_validator, model_validator

from kotasks.licenses import LICENSES

Format = Literal[
    "markdown",
    "jsonl",
    "csv",
    "parquet",
    "txt",
    "squad",
    "aihub-docsumm",
    "aihub-mrc",
    "aihub-book-summary",
    "aihub-report-summary",
    "aihub-paper-summary",
    "aihub-judgment",
    "aihub-terms",
    "auto",
]


class RecipeError(ValueError):
    """A recipe that cannot be used; the message is one line naming the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldMap(_Strict):
    """Where each document field is found in a raw record (dotted paths)."""

    id: str | None = None
    title: str | None = None
    summary: str | None = None
    text: str | None = None
    qas: str | None = None


DEFAULT_FIELDS: dict[str, FieldMap] = {
    "markdown": FieldMap(title="front.제목", text="body"),
    "jsonl": FieldMap(text="text"),
    "csv": FieldMap(text="text"),
    "parquet": FieldMap(text="text"),
    "txt": FieldMap(text="text"),
    "squad": FieldMap(title="title", text="context", qas="qas"),
    "aihub-docsumm": FieldMap(id="id", title="title", summary="summary", text="text"),
    "aihub-mrc": FieldMap(title="title", text="context", qas="qas"),
    "aihub-book-summary": FieldMap(title="metadata.doc_name", summary="summary", text="passage"),
    "aihub-report-summary": FieldMap(
        title="Meta(Acqusition).doc_name", summary="Annotation.summary1", text="Meta(Refine).passage"
    ),
    "aihub-paper-summary": FieldMap(id="id", title="title", summary="summary", text="text"),
    "aihub-judgment": FieldMap(title="info.caseNm", text="text"),
    "aihub-terms": FieldMap(text="clauseArticle"),
    "auto": FieldMap(),  # replaced by the sniffed format's defaults
}


class SourceConfig(_Strict):
    """One corpus: where its files are, how to read them and under which license."""

    name: str = Field(min_length=1)
    path: str = Field(min_length=1, description="glob, absolute or relative to the recipe file")
    format: Format
    license: str
    fields: FieldMap | None = None
    split_heading_level: int | None = Field(
        default=None, ge=1, le=6, description="markdown: one document per heading of this level (e.g. 5 for 제N조)"
    )
    attribution: str | None = Field(
        default=None, min_length=1, description="credit line for the dataset card, e.g. '법제처 국가법령정보센터'"
    )
    holds_redistribution_rights: StrictBool = Field(  # a legal switch: no "yes" or 1 for true
        default=False, description="the user may publish this source's text and its derivatives, whatever its license"
    )

    @field_validator("license")
    @classmethod
    def _known_license(cls, value: str) -> str:
        if value not in LICENSES:
            raise ValueError(f"expected a license id, one of {', '.join(LICENSES)} (got {value!r})")
        return value

    @model_validator(mode="after")
    def _heading_split_is_markdown(self) -> SourceConfig:
        if self.split_heading_level is not None and self.format != "markdown":
            raise ValueError("split_heading_level applies only to format = 'markdown'")
        return self

    @property
    def field_map(self) -> FieldMap:
        """The recipe's fields over the format's defaults."""
        defaults = DEFAULT_FIELDS[self.format]
        if self.fields is None:
            return defaults
        return defaults.model_copy(update=self.fields.model_dump(exclude_unset=True))


class TaskConfig(_Strict):
    weight: float = Field(default=1.0, ge=0.0, le=1.0, description="share of eligible documents used")


class MultiQuestionConfig(TaskConfig):
    min_questions: int = Field(default=2, ge=1)
    max_questions: int = Field(default=5, ge=1)
    include_unanswerable: bool = False
    multiturn: bool = Field(default=True, description="also one conversation per passage, a turn per question")


class SummaryTitleConfig(TaskConfig):
    max_input_chars: int = Field(default=6000, ge=100)


class OriginalInferenceConfig(TaskConfig):
    max_output_chars: int = Field(default=3000, ge=100)


class SentenceTaskConfig(TaskConfig):
    per_document: int = Field(default=1, ge=1, description="records per document, from distinct paragraphs")


class SentenceOrderConfig(SentenceTaskConfig):
    min_items: int = Field(default=3, ge=2)
    max_items: int = Field(default=6, ge=2)


class LastSentenceConfig(SentenceTaskConfig):
    min_context: int = Field(default=2, ge=1)
    max_context: int = Field(default=5, ge=1)


class MaskPredictionConfig(SentenceTaskConfig):
    mask_token: str = Field(default="<MASK>", min_length=1)
    context_sentences: int = Field(default=2, ge=0, description="sentences shown around the masked one")


class TasksConfig(_Strict):
    multi_question: MultiQuestionConfig | None = None
    summary_title: SummaryTitleConfig | None = None
    original_inference: OriginalInferenceConfig | None = None
    sentence_order: SentenceOrderConfig | None = None
    last_sentence: LastSentenceConfig | None = None
    mask_prediction: MaskPredictionConfig | None = None

    def enabled(self) -> dict[str, TaskConfig]:
        """Task name -> config, for the tasks the recipe turns on, in a fixed order."""
        return {name: cfg for name in type(self).model_fields if (cfg := getattr(self, name)) is not None}


class FiltersConfig(_Strict):
    min_chars: int = Field(default=20, ge=0)
    min_hangul_ratio: float = Field(default=0.3, ge=0.0, le=1.0, description="Hangul share of letters")


ExportFormat = Literal["alpaca", "sharegpt", "openai"]


class SplitSizes(_Strict):
    """Shares of documents per split; a document's records all go to one split."""

    train: float = Field(default=0.95, gt=0.0, le=1.0)
    validation: float = Field(default=0.05, ge=0.0, le=1.0)
    test: float = Field(default=0.0, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _sum_to_one(self) -> SplitSizes:
        total = self.train + self.validation + self.test
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"train + validation + test must add up to 1 (got {total:g})")
        return self

    def shares(self) -> dict[str, float]:
        """Split name -> share, for the splits that get any documents, in a fixed order."""
        return {name: share for name, share in self.model_dump().items() if share > 0}


class OutputConfig(_Strict):
    dir: str = "out"
    formats: list[ExportFormat] = Field(default=["alpaca"], min_length=1, description="local files besides data/")
    split: SplitSizes = SplitSizes()
    publish: StrictBool = Field(
        default=True, description="the output is meant for publishing: leave out what the sources forbid publishing"
    )
    rows_per_shard: int = Field(default=100_000, ge=1, description="rows per data/<task>/<split>-NNNNN.parquet file")

    @field_validator("formats")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError(f"formats are listed twice (got {value})")
        return value


class Recipe(_Strict):
    """A validated recipe. Relative paths resolve against `base_dir`."""

    name: str = Field(min_length=1)
    seed: int = 0
    commercial_only: StrictBool = False
    splitter: Literal["kiwi", "kss"] = "kiwi"
    sources: list[SourceConfig] = Field(min_length=1)
    tasks: TasksConfig
    filters: FiltersConfig = FiltersConfig()
    output: OutputConfig = OutputConfig()
    base_dir: Path = Path(".")

    @model_validator(mode="after")
    def _checks(self) -> Recipe:
        names = [s.name for s in self.sources]
        if len(set(names)) != len(names):
            raise ValueError("source names must be unique")
        if not self.tasks.enabled():
            raise ValueError("no task enabled; add at least one [tasks.<name>] table")
        return self

    def with_source_paths(self, paths: dict[str, str]) -> Recipe:
        """A copy reading the named sources from other globs (relative to the current directory)."""
        unknown = set(paths) - {s.name for s in self.sources}
        if unknown:
            known = ", ".join(s.name for s in self.sources)
            raise RecipeError(f"--source-path: no source named {sorted(unknown)[0]!r}; the recipe has {known}")
        sources = [
            s.model_copy(update={"path": str(Path(paths[s.name]).expanduser().absolute())}) if s.name in paths else s
            for s in self.sources
        ]
        return self.model_copy(update={"sources": sources})

    def resolve(self, path: str) -> Path:
        """A recipe path made absolute."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else self.base_dir / p


def _error_line(origin: str, err: ValidationError) -> str:
    first = err.errors()[0]
    loc = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
    msg = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        msg = "required key is missing"
    elif first["type"] == "extra_forbidden":
        msg = "unknown key"
    elif first["type"] == "literal_error":
        msg = f"{msg} (got {first['input']!r})"
    where = f"{loc}: " if loc else ""
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{origin}: {where}{msg}{more}"


def parse_recipe(data: dict, *, base_dir: Path, origin: str = "recipe") -> Recipe:
    """Validate a recipe given as a dict; RecipeError carries a one-line message."""
    try:
        return Recipe.model_validate({**data, "base_dir": base_dir})
    except ValidationError as err:
        raise RecipeError(_error_line(origin, err)) from None


def load_recipe(path: str | Path) -> Recipe:
    """Read and validate a recipe TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RecipeError(f"{path}: no such recipe file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise RecipeError(f"{path}: not valid TOML: {err}") from None
    return parse_recipe(data, base_dir=path.resolve().parent, origin=str(path))
