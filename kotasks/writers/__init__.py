"""Writers: task files, rejects and stats on disk."""

from kotasks.writers.jsonl import JsonlWriter, write_json

__all__ = ["JsonlWriter", "write_json"]
