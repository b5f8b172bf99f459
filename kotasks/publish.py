"""`kotasks push`: a built output folder to a Hugging Face Hub dataset repo, in one commit per push.

The token comes from HF_TOKEN or the huggingface_hub login cache and is never printed: every message that could
carry text from the server has it scrubbed.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx2
from huggingface_hub import HfApi, get_token
from huggingface_hub.errors import HfHubHTTPError
from huggingface_hub.utils import filter_repo_objects

UPLOADED = ("README.md", "ATTRIBUTION.md", "data/**")
STALE = ("data/**",)
"""Remote files removed in the same commit unless this push uploads them again (shards of an earlier build)."""
RETRIED_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
NETWORK_ERRORS = (httpx2.TimeoutException, httpx2.NetworkError, httpx2.RemoteProtocolError)


class PushError(RuntimeError):
    """A push that cannot be done; the message is one line and holds no token."""


@dataclass(frozen=True)
class PushPlan:
    out_dir: Path
    files: list[Path]
    records: int

    @property
    def bytes(self) -> int:
        return sum(f.stat().st_size for f in self.files)


def plan_push(out_dir: Path) -> PushPlan:
    """What a push of `out_dir` would upload; PushError if it is not a publishable kotasks build."""
    stats_path = out_dir / "stats.json"
    if not stats_path.is_file():
        raise PushError(f"{out_dir} is not a kotasks build output (no stats.json); run kotasks build first")
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    if not stats.get("publishable", False):
        blockers = "; ".join(stats.get("publish_blockers", [])) or "the build does not say it is publishable"
        raise PushError(f"{out_dir} may not be published: {blockers}")
    relative = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    files = [out_dir / name for name in filter_repo_objects(relative, allow_patterns=list(UPLOADED))]
    return PushPlan(out_dir=out_dir, files=files, records=stats.get("records_total", 0))


def resolve_token() -> str:
    token = get_token()
    if not token:
        raise PushError("no Hugging Face token: set HF_TOKEN or run `hf auth login`")
    return token


def push(
    plan: PushPlan,
    repo_id: str,
    *,
    token: str,
    private: bool = False,
    attempts: int = 4,
    wait_seconds: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """Create the dataset repo if missing and upload the plan's files in one commit; the commit URL.

    Transient failures (HTTP 408/429/5xx, network errors) are retried with a doubling wait; the commit is atomic on
    the Hub, so a retried push never leaves half an upload.
    """
    api = HfApi(endpoint=os.environ.get("HF_ENDPOINT") or None, token=token)
    for attempt in range(1, attempts + 1):
        try:
            api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
            commit = api.upload_folder(
                folder_path=plan.out_dir,
                repo_id=repo_id,
                repo_type="dataset",
                allow_patterns=list(UPLOADED),
                delete_patterns=list(STALE),
                commit_message=f"kotasks build: {plan.records} records",
            )
            return commit.commit_url
        except Exception as err:  # any failure becomes one scrubbed line: a traceback could show the token
            message = _scrubbed(err, token)
            if not _transient(err):
                raise PushError(f"push to {repo_id} failed: {message}") from None
            if attempt == attempts:
                raise PushError(f"push to {repo_id} failed after {attempts} attempts: {message}") from None
            sleep(wait_seconds * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def _transient(err: Exception) -> bool:
    if isinstance(err, HfHubHTTPError):
        response = getattr(err, "response", None)
        return response is not None and response.status_code in RETRIED_STATUSES
    return isinstance(err, NETWORK_ERRORS)


def _scrubbed(err: Exception, token: str) -> str:
    text = " ".join(f"{type(err).__name__}: {err}".split())
    return text.replace(token, "***")
