"""An OKRs-as-code file once read and checked: plain frozen dataclasses, no Django.

Values are complete where the format has a default (a team's kind, an objective's state …) and
key results carry what their sentence says where the file gives no structured field. Each
object knows where it was written (``place``), so the importer can point at the line of the
object, or of the very key, that the database refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from okrs.exchange.errors import ExchangeIssue


@dataclass(frozen=True)
class Place:
    """Where an object is in the file: its path, its line and the line of each of its keys."""

    file: str
    path: str
    line: int | None
    key_lines: Mapping[str, int] = field(default_factory=dict)
    location: tuple[str | int, ...] = ()  # the path as parts: ("objectives", 1, "key_results", 0)

    def issue(self, message: str, key: str | None = None) -> ExchangeIssue:
        """An issue at this object, or at its ``key`` when the file writes that key."""
        if key is not None and key in self.key_lines:
            return ExchangeIssue(self.file, self.key_lines[key], f"{self.path}.{key}", message)
        return ExchangeIssue(self.file, self.line, self.path, message)


@dataclass(frozen=True)
class DocOrganization:
    slug: str
    name: str
    language: str | None  # None: not in the file, left as it is
    place: Place


@dataclass(frozen=True)
class DocCycle:
    name: str
    start: dt.date
    end: dt.date
    status: str | None  # None: not in the file (a new cycle starts in planning)
    place: Place


@dataclass(frozen=True)
class DocTeam:
    ref: str
    name: str
    parent: str | None
    kind: str
    place: Place


# A data source's settings when the file leaves them out (the defaults of okrs.metrics.models).
DATA_SOURCE_DEFAULTS = {"timeout_seconds": 30, "row_limit": 10_000, "max_concurrency": 4}


@dataclass(frozen=True)
class DocDataSource:
    """A SQL database (``url``) or CSV/Parquet files (``path``) that key results are measured on.

    ``path`` is absolute once read: a relative one is resolved against the file's folder (it
    stays relative only for text that has no folder, which the import refuses). ``${NAME}`` in
    ``url`` and ``path`` is kept as written; the worker reads the variable when a query runs.
    """

    ref: str
    name: str
    kind: str
    url: str
    path: str
    timeout_seconds: int
    row_limit: int
    max_concurrency: int
    place: Place


@dataclass(frozen=True)
class DocSource:
    """How a key result measures itself: a query on a data source of the file, or a built-in."""

    data_source: str | None  # ref of a DocDataSource; None for a built-in metric
    query: str
    builtin: str
    schedule: str
    place: Place


@dataclass(frozen=True)
class DocInitiative:
    ref: str
    title: str
    status: str
    link: str
    place: Place


@dataclass(frozen=True)
class DocKeyResult:
    ref: str
    title: str
    metric: str
    unit: str
    kind: str
    direction: str | None
    baseline: Decimal | None
    target: Decimal | None
    weight: Decimal
    deadline: dt.date | None
    chance_of_success: Decimal | None  # 0 to 1, as in the database
    initiatives: tuple[DocInitiative, ...]
    place: Place
    from_sentence: bool = False  # some fields were read from the title
    source: DocSource | None = None  # None: nothing measures it automatically


@dataclass(frozen=True)
class DocObjective:
    ref: str
    team: str
    title: str
    description: str
    aligned_to: str | None
    contributes: bool
    commitment: str
    state: str
    key_results: tuple[DocKeyResult, ...]
    place: Place


@dataclass(frozen=True)
class Document:
    """A file that can be linted. It can be imported only when ``incomplete`` is empty."""

    file: str
    organization: DocOrganization
    cycle: DocCycle
    teams: tuple[DocTeam, ...]
    objectives: tuple[DocObjective, ...]
    data_sources: tuple[DocDataSource, ...] = ()
    # What the database needs and the file does not say yet (a key result without a target …).
    incomplete: tuple[ExchangeIssue, ...] = ()

    def key_results(self) -> dict[str, tuple[DocObjective, DocKeyResult]]:
        """Every key result by ref, with its objective."""
        return {kr.ref: (o, kr) for o in self.objectives for kr in o.key_results}
