"""Build statistics: what was read, rejected, used and produced, per source, task and reason."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kotasks.documents import Reject


def reason_kind(reason: str) -> str:
    """A reason without its particulars (numbers, parser detail), so that alike rejects count together."""
    return re.sub(r"\d+", "N", reason.split(": ", 1)[0])


@dataclass
class BuildStats:
    documents_read: Counter = field(default_factory=Counter)
    documents_used: Counter = field(default_factory=Counter)
    rejected: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    records: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    skipped: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    encodings: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    refused_sources: dict[str, str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def add_reject(self, reject: Reject) -> None:
        self.rejected[reject.source][f"{reject.stage}: {reason_kind(reject.reason)}"] += 1

    def to_json(self) -> dict:
        def plain(nested: dict[str, Counter]) -> dict:
            return {k: dict(sorted(v.items())) for k, v in sorted(nested.items())}

        return {
            "documents": {
                "read": dict(self.documents_read),
                "used": dict(self.documents_used),
                "rejected": plain(self.rejected),
            },
            "records": plain(self.records),
            "records_total": sum(sum(c.values()) for c in self.records.values()),
            "skipped": plain(self.skipped),
            "encodings": plain(self.encodings),
            "refused_sources": self.refused_sources,
            "auto_formats": self.formats,
            "seconds": round(self.seconds, 2),
        }
