"""What the linter says: findings with a stable rule id, a category and a severity.

A ``Finding`` keeps its message, suggestion and why as translatable templates plus their
parameters; ``render`` turns them into text in one language (it, fr, en), so a report can be
shown in the reader's language without linting again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


# A large plan makes tens of thousands of findings, and renders each: slotted, not frozen,
# because a frozen dataclass sets each field through ``object.__setattr__`` and is built about
# five times slower. Treat findings as read-only all the same.
@dataclass(slots=True)
class Finding:
    rule: str  # stable id, e.g. "kr-activity"
    category: str  # e.g. "activity", "no_target", "structure"
    severity: Severity
    path: str  # place in the file ("objectives[0].key_results[1]") or in the database
    params: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None
    object_type: str | None = None  # "key_result", "objective", "team", "cycle"
    object_id: int | None = None
    ref: str | None = None  # the object's id in the plan
    evidence: str | None = None  # the words that triggered the rule, as written


@dataclass(slots=True)  # read-only by convention, as ``Finding``
class RenderedFinding:
    rule: str
    category: str
    severity: str
    path: str
    message: str
    suggestion: str
    why: str
    line: int | None
    object_type: str | None
    object_id: int | None
    ref: str | None
    evidence: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "ref": self.ref,
            "message": self.message,
            "suggestion": self.suggestion,
            "why": self.why,
            "evidence": self.evidence,
        }


def summarize(findings: Iterable[Finding | RenderedFinding]) -> dict[str, Any]:
    """Counts by severity and category, for the JSON ``summary`` and the report headers."""
    items = list(findings)
    severities = Counter(str(item.severity) for item in items)
    categories = Counter(item.category for item in items)
    return {
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "info": severities.get("info", 0),
        "total": len(items),
        "by_category": dict(sorted(categories.items())),
    }


def exit_code(findings: Iterable[Finding | RenderedFinding], *, strict: bool = False) -> int:
    """1 when there is an error (or, with ``strict``, a warning); 0 otherwise."""
    failing = {"error", "warning"} if strict else {"error"}
    return 1 if any(str(item.severity) in failing for item in findings) else 0
