"""Load an export with LLaMA-Factory's own code, without torch, and count the examples its SFT step would keep.

The pinned llamafactory wheel is fetched once; its loader, parser, converter and supervised processor are imported
with the package ``__init__``s bypassed (they import torch), so their real code decides what is kept.

    python tests/llamafactory_check.py OUT_DIR    # one line per dataset; exit 1 if any example is dropped
"""

from __future__ import annotations

import importlib
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import types
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

LLAMAFACTORY_VERSION = "0.9.5"
DEFAULT_CACHE = Path.home() / ".cache" / "kotasks-tests"
# Import-time constants of extras/constants.py, stubbed only when peft / transformers are not installed.
_STUBS = {
    "peft.utils": {"SAFETENSORS_WEIGHTS_NAME": "adapter_model.safetensors", "WEIGHTS_NAME": "adapter_model.bin"},
    "transformers.utils": {
        "SAFE_WEIGHTS_INDEX_NAME": "model.safetensors.index.json",
        "SAFE_WEIGHTS_NAME": "model.safetensors",
        "WEIGHTS_INDEX_NAME": "pytorch_model.bin.index.json",
        "WEIGHTS_NAME": "pytorch_model.bin",
    },
}


class LlamaFactoryUnavailable(RuntimeError):
    """The pinned wheel cannot be fetched (offline): tests should skip."""


@dataclass
class LoadResult:
    """What LLaMA-Factory made of one dataset_info.json entry."""

    name: str
    formatting: str
    rows: int
    kept: int
    dropped_examples: list[dict] = field(default_factory=list)  # up to 3: row, reason, messages
    error: str = ""  # set when LLaMA-Factory could not load the entry at all

    @property
    def ok(self) -> bool:
        return not self.error and self.rows > 0 and self.kept == self.rows


def fetch_llamafactory(cache_dir: Path | None = None) -> Path:
    """Folder holding the pinned wheel's unpacked ``llamafactory`` package; downloaded once, then reused."""
    cache_dir = Path(cache_dir or DEFAULT_CACHE)
    target = cache_dir / f"llamafactory-{LLAMAFACTORY_VERSION}"
    if (target / "llamafactory" / "data" / "converter.py").is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache_dir.glob(f"llamafactory-{LLAMAFACTORY_VERSION}-*.whl"))
    if not wheels:
        spec = f"llamafactory=={LLAMAFACTORY_VERSION}"
        cmd = [sys.executable, "-m", "pip", "download", spec, "--no-deps", "--only-binary=:all:", "-d", str(cache_dir)]
        cmd += ["--disable-pip-version-check", "--retries", "1", "--timeout", "20"]
        try:
            subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.SubprocessError) as err:
            detail = (getattr(err, "stderr", None) or str(err)).strip().splitlines()
            raise LlamaFactoryUnavailable(f"pip download {spec} failed: {detail[-1] if detail else err}") from err
        wheels = sorted(cache_dir.glob(f"llamafactory-{LLAMAFACTORY_VERSION}-*.whl"))
        if not wheels:
            raise LlamaFactoryUnavailable(f"pip download left no llamafactory wheel in {cache_dir}")
    tmp = Path(tempfile.mkdtemp(dir=cache_dir))
    with zipfile.ZipFile(wheels[0]) as wheel:
        wheel.extractall(tmp)
    try:
        tmp.rename(target)
    except OSError:  # another run unpacked it first
        shutil.rmtree(tmp)
    return target


def _module(name: str, path: Path | None = None, **attrs) -> types.ModuleType:
    module = types.ModuleType(name)
    if path is not None:
        module.__path__ = [str(path)]
    module.__dict__.update(attrs)
    return module


def _not_here(*_args, **_kwargs):
    raise NotImplementedError("not available in the torch-free LLaMA-Factory check")


def import_llamafactory(root: Path) -> SimpleNamespace:
    """LLaMA-Factory's data modules imported from ``root`` (as given by fetch_llamafactory), skipping torch imports.

    ``llamafactory``, ``.data`` and ``.extras`` are bare packages, ``extras.misc`` a stub (it imports torch).
    peft / transformers stubs are removed from sys.modules once the import is done.
    """
    names = ("extras.constants", "data.parser", "data.converter", "data.data_utils", "data.loader")
    names += ("data.processor.supervised",)
    if "llamafactory.data.loader" not in sys.modules:
        pkg = Path(root) / "llamafactory"
        sys.modules["llamafactory"] = _module("llamafactory", pkg)
        sys.modules["llamafactory.data"] = _module("llamafactory.data", pkg / "data")
        sys.modules["llamafactory.extras"] = _module("llamafactory.extras", pkg / "extras")
        sys.modules["llamafactory.extras.misc"] = _module(  # hub choice: plain HF; the rest is never reached
            "llamafactory.extras.misc", use_modelscope=lambda: False, use_openmind=lambda: False,
            check_version=_not_here, has_tokenized_data=_not_here,
        )  # fmt: skip
        saved = {}
        for name, constants in _STUBS.items():
            try:
                importlib.import_module(name)
            except ImportError:
                parent = name.split(".")[0]
                saved.update({n: sys.modules.get(n) for n in (parent, name)})
                sys.modules.update({parent: _module(parent), name: _module(name, **constants)})
        try:
            for name in names:
                importlib.import_module(f"llamafactory.{name}")
        except BaseException:
            for name in [n for n in sys.modules if n == "llamafactory" or n.startswith("llamafactory.")]:
                del sys.modules[name]
            raise
        finally:
            for name, module in saved.items():
                if module is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = module
        logging.getLogger("llamafactory").setLevel(logging.ERROR)  # we report drops ourselves
    return SimpleNamespace(**{n.rsplit(".", 1)[-1]: sys.modules[f"llamafactory.{n}"] for n in names})


class _TokenFreeTemplate:
    """Stands in for a chat template (which needs a tokenizer): one fake token pair per user/assistant turn."""

    efficient_eos = False
    preserve_thinking = True
    mm_plugin = SimpleNamespace(process_messages=lambda messages, *_: messages, process_token_ids=lambda *_: ([], []))

    @staticmethod
    def encode_multiturn(tokenizer, messages, system=None, tools=None, discarding_history_cot=False):
        return [([1], [2]) for _ in range(0, len(messages), 2)]


def _stricter_problem(prompt: list[dict], response: list[dict]) -> str:
    """Why a kept example is still not a clean chat (LLaMA-Factory accepts these), or ''."""
    messages = prompt + response
    if [m["role"] for m in messages] != ["user", "assistant"] * (len(messages) // 2):
        return "roles do not alternate user/assistant"
    if any(not isinstance(m["content"], str) or not m["content"].strip() for m in messages):
        return "empty message content"
    return ""


def check_dataset_dir(dataset_dir: Path, llamafactory_dir: Path | None = None) -> dict[str, LoadResult]:
    """Load every entry of ``dataset_dir/dataset_info.json`` with LLaMA-Factory's loader and count kept examples.

    An example counts as kept when their SupervisedDatasetProcessor keeps it and its messages alternate
    user/assistant with no empty content. Datasets caches go to a temporary folder, so nothing stale is reused.
    """
    dataset_dir = Path(dataset_dir).resolve()
    lf = import_llamafactory(llamafactory_dir or fetch_llamafactory())
    names = list(json.loads((dataset_dir / lf.constants.DATA_CONFIG).read_text(encoding="utf-8")))
    results = {}
    with tempfile.TemporaryDirectory(prefix="lf-check-") as cache:
        data_args = SimpleNamespace(
            dataset_dir=str(dataset_dir), media_dir=str(dataset_dir), streaming=False, max_samples=None,
            preprocessing_num_workers=None, overwrite_cache=True, cutoff_len=1 << 20, mask_history=False,
            train_on_prompt=False,
        )  # fmt: skip
        model_args = SimpleNamespace(cache_dir=cache, hf_hub_token=None)
        training_args = SimpleNamespace(local_process_index=0, dataloader_num_workers=0, seed=42)
        processor = lf.supervised.SupervisedDatasetProcessor(_TokenFreeTemplate(), None, None, data_args)
        for name, attr in zip(names, lf.parser.get_dataset_list(names, str(dataset_dir)), strict=True):
            result = results[name] = LoadResult(name, attr.formatting, rows=0, kept=0)
            try:
                dataset = lf.loader._load_single_dataset(attr, model_args, data_args, training_args)
            except Exception as err:
                result.error = f"{type(err).__name__}: {str(err) or 'no rows'}"  # StopIteration: an empty file
                continue
            result.rows = len(dataset)
            for i, row in enumerate(dataset):
                messages = row["_prompt"] + row["_response"]
                if not messages:
                    problem = "the converter rejected it (role order or message count)"
                elif not processor.preprocess_dataset({k: [v] for k, v in row.items()})["input_ids"]:
                    problem = "SupervisedDatasetProcessor dropped it"
                else:
                    problem = _stricter_problem(row["_prompt"], row["_response"])
                if not problem:
                    result.kept += 1
                elif len(result.dropped_examples) < 3:
                    result.dropped_examples.append({"row": i, "reason": problem, "messages": messages})
    return results


def main(argv: list[str] | None = None) -> int:
    """Print one line per dataset of OUT_DIR/dataset_info.json; 1 if any example is dropped, 2 if unavailable."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python tests/llamafactory_check.py OUT_DIR", file=sys.stderr)
        return 2
    import datasets

    datasets.disable_progress_bars()
    try:
        results = check_dataset_dir(Path(argv[0]))
    except LlamaFactoryUnavailable as err:
        print(f"LLaMA-Factory unavailable: {err}", file=sys.stderr)
        return 2
    for r in results.values():
        print(f"{r.name}\t{r.formatting}\trows={r.rows}\tkept={r.kept}" + (f"\tERROR {r.error}" if r.error else ""))
        for example in r.dropped_examples:
            messages = json.dumps(example["messages"], ensure_ascii=False)[:300]
            print(f"  dropped row {example['row']}: {example['reason']}: {messages}")
    return 0 if all(r.ok for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
