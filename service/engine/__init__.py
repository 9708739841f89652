"""The matching engine: plain Python over plain data, usable without Flask or a database."""
from .records import CheckResult, ClaimRecord, EvidenceRecord, SourceInfo
from .text import TextRefused
from .verdict import FactChecker

__all__ = ["CheckResult", "ClaimRecord", "EvidenceRecord", "FactChecker", "SourceInfo",
           "TextRefused"]
