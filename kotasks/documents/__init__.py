"""Documents: the normalised unit every source produces and every task consumes."""

from kotasks.documents.model import QA, Document, Reject
from kotasks.documents.normalize import normalize_text, strip_markdown

__all__ = ["QA", "Document", "Reject", "normalize_text", "strip_markdown"]
