"""`dataset_info.json` for LLaMA-Factory: one entry per exported JSON Lines file, with complete columns and tags.

LLaMA-Factory keeps only the columns an entry maps, and skips conversations whose role tags it does not know, so
every entry names all of them. Set `dataset_dir` to the output folder and `dataset: <name>` (e.g.
`mask_prediction_alpaca_train`) in the training config.
"""

from __future__ import annotations

from kotasks.writers.exports import ExportFile

ENTRY_SHAPES: dict[str, dict] = {
    "alpaca": {
        "formatting": "alpaca",
        "columns": {"prompt": "instruction", "query": "input", "response": "output"},
    },
    "sharegpt": {
        "formatting": "sharegpt",
        "columns": {"messages": "conversations"},
        "tags": {
            "role_tag": "from",
            "content_tag": "value",
            "user_tag": "human",
            "assistant_tag": "gpt",
            "system_tag": "system",
        },
    },
    "openai": {  # LLaMA-Factory reads role/content messages with its sharegpt reader and these tags
        "formatting": "sharegpt",
        "columns": {"messages": "messages"},
        "tags": {
            "role_tag": "role",
            "content_tag": "content",
            "user_tag": "user",
            "assistant_tag": "assistant",
            "system_tag": "system",
        },
    },
}


def dataset_name(file: ExportFile) -> str:
    return f"{file.task}_{file.format}_{file.split}"


def dataset_info(files: list[ExportFile]) -> dict[str, dict]:
    """Dataset name -> LLaMA-Factory entry, for every exported file it can read."""
    return {dataset_name(f): {"file_name": f.path, **ENTRY_SHAPES[f.format]} for f in files if f.format in ENTRY_SHAPES}
