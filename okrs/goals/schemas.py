"""API input and output shapes for cycles, objectives, key results, check-ins and initiatives."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import AwareDatetime, Field

from okrs.lib.schemas import Number, PageOut, PatchIn, StrictIn

CycleStatus = Literal["planning", "active", "review", "closed"]
Commitment = Literal["committed", "aspirational"]
ObjectiveState = Literal["draft", "active", "cancelled"]
Kind = Literal["metric", "binary"]
Direction = Literal["increase", "decrease", "at_least", "at_most"]
ProgressStatus = Literal["on_track", "at_risk", "off_track"]
InitiativeStatus = Literal["planned", "in_progress", "done", "dropped"]
Source = Literal["manual", "sync", "api"]
Confidence = Field(None, ge=0, le=10, strict=True, description="0 (no chance) to 10 (certain).")
Chance = Field(
    None, ge=0, le=1, strict=True, description="Binary key results: chance of success, 0 to 1."
)


class CycleOut(Schema):
    id: int
    name: str
    start: dt.date
    end: dt.date
    status: CycleStatus
    expected_progress: float


class CyclePage(PageOut):
    items: list[CycleOut]


class CycleIn(StrictIn):
    name: str = Field(min_length=1, max_length=60)
    start: dt.date
    end: dt.date


class CyclePatch(PatchIn):
    name: str | None = Field(None, min_length=1, max_length=60)
    start: dt.date | None = None
    end: dt.date | None = None


class CycleTransitionIn(StrictIn):
    status: CycleStatus


class ObjectiveOut(Schema):
    id: int
    ref: str = Field(description="Stable id used by OKRs-as-code files (read-only).")
    cycle: int
    team: int
    title: str
    description: str
    parent_key_result: int | None
    contributes: bool
    commitment: Commitment
    state: ObjectiveState
    final_score: float | None
    progress: float | None
    expected_progress: float
    status: ProgressStatus | None
    key_results: list[int]


class ObjectivePage(PageOut):
    items: list[ObjectiveOut]


class ObjectiveIn(StrictIn):
    cycle: int
    team: int
    title: str = Field(min_length=1, max_length=300)
    description: str = ""
    parent_key_result: int | None = None
    contributes: bool = False
    commitment: Commitment = "committed"
    state: ObjectiveState = "active"


class ObjectivePatch(PatchIn):
    nullable = frozenset({"description", "parent_key_result"})

    team: int | None = None
    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = None
    parent_key_result: int | None = None
    contributes: bool | None = None
    commitment: Commitment | None = None
    state: ObjectiveState | None = None


class MeasuredByDataSource(Schema):
    id: int
    ref: str
    name: str
    kind: Literal["sql", "files"]


class MeasuredBy(Schema):
    """How a key result measures itself, in short; ``GET /key-results/{id}/metric`` has it all."""

    data_source: MeasuredByDataSource | None = Field(
        description="The data source its query runs on; null for a built-in metric."
    )
    builtin: str = Field(description="The built-in metric, or '' for a query.")
    schedule: Literal["hourly", "daily", "manual"]
    last_run_at: dt.datetime | None
    last_success_at: dt.datetime | None
    error_kind: str = Field(description="Why the last run failed ('query', 'timeout', …) or ''.")
    error: str | None = Field(
        description="The last run's error for people, with the database's own words; null when"
        " the last run succeeded."
    )


class KeyResultOut(Schema):
    id: int
    ref: str = Field(description="Stable id used by OKRs-as-code files (read-only).")
    objective: int
    team: int
    cycle: int
    title: str
    metric: str
    unit: str
    kind: Kind
    direction: Direction
    baseline: float
    target: float
    current: float | None
    weight: float
    owner: str | None
    deadline: dt.date | None
    chance_of_success: float | None
    progress: float
    expected_progress: float
    status: ProgressStatus
    updated_at: dt.datetime
    last_value_at: dt.datetime | None = Field(
        description="When the current value was last known to be true: the newest check-in, or"
        " a later sync that measured the same value again."
    )
    stale: bool = Field(
        description="The cycle runs and no value came within the organization's check-in cadence."
    )
    measured_by: MeasuredBy | None = Field(
        description="The metric that updates this key result by itself; null when nothing does."
    )


class KeyResultPage(PageOut):
    items: list[KeyResultOut]


class KeyResultIn(StrictIn):
    objective: int
    title: str = Field(min_length=1, max_length=300)
    metric: str = Field("", max_length=200)
    unit: str = Field("", max_length=20)
    kind: Kind = "metric"
    direction: Direction = "increase"
    baseline: Number = 0
    target: Number = 1
    weight: Number = Field(1, ge=0, le=100)
    owner: int | None = None
    deadline: dt.date | None = None
    chance_of_success: float | None = Chance


class KeyResultPatch(PatchIn):
    nullable = frozenset({"metric", "unit", "owner", "deadline", "chance_of_success"})

    title: str | None = Field(None, min_length=1, max_length=300)
    metric: str | None = Field(None, max_length=200)
    unit: str | None = Field(None, max_length=20)
    kind: Kind | None = None
    direction: Direction | None = None
    baseline: Number | None = None
    target: Number | None = None
    weight: Number | None = Field(None, ge=0, le=100)
    owner: int | None = None
    deadline: dt.date | None = None
    chance_of_success: float | None = Chance


class Provenance(Schema):
    """Where a synced value came from. Fields may be added; clients should ignore unknown ones."""

    data_source: str = Field(description="The data source's ref, or 'builtin'.")
    data_source_name: str | None = None
    fingerprint: str = Field(description="A short hash of the query text (or the built-in's name).")
    ran_at: dt.datetime
    duration_ms: int
    row_count: int


class CheckInOut(Schema):
    id: int
    key_result: int
    value: float
    confidence: int | None
    note: str
    author: str | None
    source: Source
    created_at: dt.datetime
    provenance: Provenance | None = Field(
        description="Synced values: the run that measured it. Null for manual and API check-ins."
    )


class CheckInPage(PageOut):
    items: list[CheckInOut]


class CheckInIn(StrictIn):
    value: Number
    confidence: int | None = Confidence
    note: str = Field("", max_length=5000)
    chance_of_success: float | None = Chance
    at: AwareDatetime | None = Field(
        None, description="When the value was measured, with its time zone; default now."
    )
    idempotency_key: str | None = Field(
        None, min_length=1, max_length=100, description="Retries with the same key count once."
    )


class CheckInCreated(Schema):
    check_in: CheckInOut
    key_result: KeyResultOut


class InitiativeOut(Schema):
    id: int
    ref: str = Field(description="Stable id used by OKRs-as-code files (read-only).")
    key_result: int
    title: str
    status: InitiativeStatus
    link: str


class InitiativePage(PageOut):
    items: list[InitiativeOut]


class InitiativeIn(StrictIn):
    title: str = Field(min_length=1, max_length=300)
    status: InitiativeStatus = "planned"
    link: str = Field("", max_length=500, description="A web address (http or https), or empty.")


class InitiativePatch(PatchIn):
    nullable = frozenset({"link"})

    title: str | None = Field(None, min_length=1, max_length=300)
    status: InitiativeStatus | None = None
    link: str | None = Field(None, max_length=500)
