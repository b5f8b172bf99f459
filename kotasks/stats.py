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
    splits: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    refused_sources: dict[str, str] = field(default_factory=dict)
    withheld: dict[str, dict[str, str]] = field(default_factory=dict)
    """source -> task -> why the task was not built from it"""
    formats: dict[str, str] = field(default_factory=dict)
    output_license: dict[str, str] = field(default_factory=dict)
    publish_blockers: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def records_by_source(self) -> Counter:
        return sum(self.records.values(), Counter())

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
            "splits": plain(self.splits),
            "skipped": plain(self.skipped),
            "encodings": plain(self.encodings),
            "refused_sources": self.refused_sources,
            "withheld": self.withheld,
            "auto_formats": self.formats,
            "output_license": self.output_license,
            "publishable": not self.publish_blockers,
            "publish_blockers": self.publish_blockers,
            "seconds": round(self.seconds, 2),
        }
