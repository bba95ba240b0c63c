"""What the linter reads: a plan of teams, one cycle, objectives and key results.

Plain frozen dataclasses, no Django. Two sources build a plan:

- an OKRs-as-code YAML file (``okrs.exchange``), where ``path`` is the place in the file
  ("objectives[1].key_results[0]") and ``line`` its line number;
- the database (``okrs.coach.selectors.plan_for_cycle``), where ``object_id`` is the row's id.

A key result is either a bare sentence (``title`` only: the linter parses it) or structured
fields; the two may be mixed, structured fields win.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Direction = Literal["increase", "decrease", "at_least", "at_most"]
Kind = Literal["metric", "binary"]
TeamKind = Literal["company", "department", "team"]
ObjectiveState = Literal["draft", "active", "cancelled"]
CycleStatus = Literal["planning", "active", "review", "closed"]


@dataclass(frozen=True)
class PlanTeam:
    ref: str
    name: str
    parent: str | None = None  # ref of the parent team
    kind: TeamKind | None = None
    path: str = ""
    line: int | None = None
    object_id: int | None = None


@dataclass(frozen=True)
class PlanCycle:
    name: str
    start: dt.date
    end: dt.date
    status: CycleStatus = "planning"
    path: str = "cycle"
    line: int | None = None
    object_id: int | None = None


@dataclass(frozen=True)
class PlanKeyResult:
    ref: str
    title: str
    metric: str | None = None
    unit: str | None = None
    baseline: Decimal | None = None
    target: Decimal | None = None
    direction: Direction | None = None
    kind: Kind = "metric"
    chance_of_success: Decimal | None = None  # 0 to 1, binary key results only
    deadline: dt.date | None = None
    # Measurable when the cycle starts: bound to a data source, or checked in at least once.
    has_source: bool = False
    check_ins: int = 0
    path: str = ""
    line: int | None = None
    object_id: int | None = None


@dataclass(frozen=True)
class PlanObjective:
    ref: str
    team: str  # team ref
    title: str
    key_results: tuple[PlanKeyResult, ...] = ()
    aligned_to: str | None = None  # key result ref one level up
    state: ObjectiveState = "active"
    description: str = ""
    path: str = ""
    line: int | None = None
    object_id: int | None = None


@dataclass(frozen=True)
class Plan:
    teams: tuple[PlanTeam, ...] = ()
    objectives: tuple[PlanObjective, ...] = ()
    cycle: PlanCycle | None = None
    organization: str | None = None  # slug
    language: str | None = None  # the organization's language, a hint for sentences
    # Key-result refs that live outside this plan but may be aligned to (another cycle's file,
    # or objectives the reader may not see). Alignment to them is not "aligned to nothing".
    external_key_results: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class LintOptions:
    """Organization settings the rules read. Defaults follow the method (3-5 key results)."""

    min_key_results: int = 3
    max_key_results: int = 5
    today: dt.date | None = None
