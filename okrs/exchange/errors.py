"""What goes wrong in an OKRs-as-code file, said so that a person can find it and fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ExchangeIssue:
    """One problem: the file, its line (when known), the place in the document and what to do."""

    file: str
    line: int | None
    path: str  # "objectives[1].key_results[0].target"; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


def sorted_issues(issues: Iterable[ExchangeIssue]) -> list[ExchangeIssue]:
    """In file order, each issue once."""
    unique = dict.fromkeys(issues)
    return sorted(unique, key=lambda issue: (issue.line or 0, issue.path, issue.message))


class ExchangeError(Exception):
    """A file that cannot be linted or imported; ``errors`` lists every problem found."""

    def __init__(self, errors: list[ExchangeIssue]) -> None:
        self.errors = sorted_issues(errors)
        super().__init__("\n".join(str(issue) for issue in self.errors))


class UnreadableFileError(ExchangeError):
    """The file could not be read at all (missing, a folder, no permission, not UTF-8)."""
