"""API input and output shapes for data sources, key-result metrics and measurability checks."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from okrs.goals.schemas import KeyResultOut, MeasuredByDataSource
from okrs.lib.refs import REF_MAX_LENGTH
from okrs.lib.schemas import PageOut, PatchIn, StrictIn

DataSourceKind = Literal["sql", "files"]
Builtin = Literal["check_ins_on_time", "objectives_aligned", "key_results_measured", "estimate_gap"]
Schedule = Literal["hourly", "daily", "manual"]
DataSourceRef = int | str

URL_HELP = (
    "A SQLAlchemy URL (postgresql://reader:password@host/db), or ${NAME} to read it from the"
    " environment when a query runs. Shown back with the password as ***."
)
PATH_HELP = "A full path to CSV or Parquet files, globs allowed (/data/events-*.parquet)."
TIMEOUT = Field(30, ge=1, le=3600, description="Statement timeout in seconds.")
ROW_LIMIT = Field(10_000, ge=1, le=1_000_000, description="A query returning more rows fails.")
CONCURRENCY = Field(4, ge=1, le=64, description="Queries of this source one worker runs at once.")


class DataSourceOut(Schema):
    id: int
    ref: str = Field(description="Stable id; a files source is queried as a table of this name.")
    name: str
    kind: DataSourceKind
    url: str = Field(description="The URL with its password replaced by ***; ${NAME} as written.")
    path: str
    timeout_seconds: int
    row_limit: int
    max_concurrency: int
    metric_count: int = Field(description="How many key results this source measures.")
    created_at: dt.datetime
    updated_at: dt.datetime


class DataSourcePage(PageOut):
    items: list[DataSourceOut]


class DataSourceIn(StrictIn):
    ref: str = Field("", max_length=REF_MAX_LENGTH, description="Made from the name if empty.")
    name: str = Field(min_length=1, max_length=200)
    kind: DataSourceKind
    url: str = Field("", max_length=1000, description=URL_HELP)
    path: str = Field("", max_length=1000, description=PATH_HELP)
    timeout_seconds: int = TIMEOUT
    row_limit: int = ROW_LIMIT
    max_concurrency: int = CONCURRENCY


class DataSourcePatch(PatchIn):
    nullable = frozenset({"url", "path"})

    ref: str | None = Field(None, min_length=1, max_length=REF_MAX_LENGTH)
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: DataSourceKind | None = None
    url: str | None = Field(
        None,
        max_length=1000,
        description=URL_HELP + " Sending back the *** form unchanged keeps the stored password.",
    )
    path: str | None = Field(None, max_length=1000, description=PATH_HELP)
    timeout_seconds: int | None = Field(None, ge=1, le=3600)
    row_limit: int | None = Field(None, ge=1, le=1_000_000)
    max_concurrency: int | None = Field(None, ge=1, le=64)


class MetricOut(Schema):
    key_result: int
    data_source: MeasuredByDataSource | None = Field(
        description="The source the query runs on; null for a built-in metric."
    )
    query: str
    builtin: str = Field(description="The built-in metric, or '' for a query.")
    schedule: Schedule
    next_run_at: dt.datetime | None = Field(description="When a worker runs it next.")
    last_run_at: dt.datetime | None
    last_success_at: dt.datetime | None
    last_value: float | None
    last_duration_ms: int | None
    last_row_count: int | None
    failures: int = Field(description="Failed runs in a row; retries back off with them.")
    error_kind: str = Field(description="Why the last run failed, or '' when it succeeded.")
    error: str | None = Field(description="The last run's error for people, or null.")
    error_detail: str = Field(description="The database's own words about the last error.")


class MetricIn(StrictIn):
    """A query on a data source (its id or ref), or a built-in metric."""

    data_source: DataSourceRef | None = Field(None, description="The data source's id or ref.")
    query: str = Field(
        "",
        max_length=100_000,
        description="SQL returning one number, or (date, value) rows; :cycle_start, :cycle_end.",
    )
    builtin: Builtin | Literal[""] = ""
    schedule: Schedule = "daily"


class MetricDraftIn(StrictIn):
    """A draft to check instead of the saved metric; leave the body out to check the saved one."""

    data_source: DataSourceRef | None = Field(None, description="The data source's id or ref.")
    query: str = Field("", max_length=100_000)
    builtin: Builtin | Literal[""] = ""


class CheckOut(Schema):
    ok: bool
    value: float | None = Field(description="The current value the run read; null on error.")
    history_points: int = Field(description="Dated values a (date, value) query returned.")
    duration_ms: int
    row_count: int
    ran_at: dt.datetime
    data_source: str = Field(description="The data source's ref, or 'builtin'.")
    fingerprint: str = Field(description="Short hash of the query text, kept with synced values.")
    error_kind: str = Field(description="'' on success; else query, timeout, unavailable, …")
    error: str = Field(description="What went wrong and how to fix it, in the reader's language.")
    detail: str = Field(description="The database's own error message, as it said it.")


class SyncOutcomeOut(Schema):
    ok: bool
    check_ins: int = Field(description="Check-ins written: 0 when the value had not changed.")
    value: float | None
    duration_ms: int
    error_kind: str
    error: str


class SyncOut(Schema):
    outcome: SyncOutcomeOut
    key_result: KeyResultOut


class MeasurabilityKeyResult(Schema):
    id: int
    ref: str
    title: str
    objective: int
    team: int
    team_name: str


class MeasurabilityRowOut(Schema):
    key_result: MeasurabilityKeyResult
    measurable: bool = Field(description="Bound to a data source or built-in, or has check-ins.")
    has_check_ins: bool
    metric: MetricOut | None
    check: CheckOut | None = Field(
        description="With ?run=true, the run made now (null for metrics you may not run)."
    )


class MeasurabilityCycle(Schema):
    id: int
    name: str
    status: str
    start: dt.date
    end: dt.date


class MeasurabilityOut(Schema):
    cycle: MeasurabilityCycle
    ran: bool
    key_results: int
    measurable: int
    bound: int = Field(description="Key results measured by a data source or built-in metric.")
    failing: int = Field(description="Bound key results whose last recorded run failed.")
    items: list[MeasurabilityRowOut]
