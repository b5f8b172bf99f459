"""Record shapes for each export format.

A built record is either single-turn (Alpaca `instruction`/`input`/`output`) or a conversation (`messages` with
role/content, an optional leading system message, then user/assistant turns ending with the assistant's). Both carry
the provenance columns.
"""

from __future__ import annotations

PROVENANCE = ("id", "task", "source", "doc_id", "license")
ALPACA = ("instruction", "input", "output")
SHAREGPT_ROLES = {"system": "system", "user": "human", "assistant": "gpt"}


def is_conversation(record: dict) -> bool:
    return "messages" in record


def provenance(record: dict) -> dict:
    return {key: record[key] for key in PROVENANCE}


def prompt_text(record: dict) -> str:
    """The user turn of a single-turn record: the instruction, then the input after a blank line."""
    return f"{record['instruction']}\n\n{record['input']}" if record["input"] else record["instruction"]


def messages(record: dict) -> list[dict]:
    """Any record as role/content messages."""
    if is_conversation(record):
        return record["messages"]
    return [{"role": "user", "content": prompt_text(record)}, {"role": "assistant", "content": record["output"]}]


def to_alpaca(record: dict) -> dict:
    return {**{key: record[key] for key in ALPACA}, **provenance(record)}


def to_sharegpt(record: dict) -> dict:
    turns = [{"from": SHAREGPT_ROLES[m["role"]], "value": m["content"]} for m in messages(record)]
    return {"conversations": turns, **provenance(record)}


def to_openai(record: dict) -> dict:
    """Only `messages`: hosted fine-tuning APIs reject other keys, so provenance goes to a sidecar file."""
    return {"messages": messages(record)}


def role_alternation_error(turns: list[dict]) -> str | None:
    """Why a conversation breaks strict alternation (system only first, then user/assistant, ending with the
    assistant), or None."""
    roles = [m["role"] for m in turns]
    if roles[:1] == ["system"]:
        roles = roles[1:]
    if not roles:
        return "no user or assistant turn"
    for n, role in enumerate(roles):
        expected = "user" if n % 2 == 0 else "assistant"
        if role != expected:
            return f"turn {n + 1} is {role!r}, expected {expected!r}"
    if roles[-1] != "assistant":
        return "the last turn is not the assistant's"
    if any(not m["content"].strip() for m in turns):
        return "a turn is empty"
    return None
