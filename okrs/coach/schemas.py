"""API schemas of the coach: a draft to lint, findings, and a cycle's readiness report."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field, model_validator

from okrs.goals.schemas import Chance, Direction, Kind
from okrs.lib.schemas import Number, StrictIn

Language = Literal["en", "it", "fr"]


class KeyResultDraftIn(StrictIn):
    """A key result as written so far: a sentence, structured fields, or both (fields win)."""

    title: str = Field("", max_length=300)
    metric: str = Field("", max_length=200)
    unit: str = Field("", max_length=20)
    kind: Kind = "metric"
    direction: Direction | None = None
    baseline: Number | None = None
    target: Number | None = None
    chance_of_success: float | None = Chance
    deadline: dt.date | None = None


class ObjectiveDraftIn(StrictIn):
    title: str = Field(min_length=1, max_length=300)


class LintIn(StrictIn):
    """A draft to lint: an objective with its key results, an objective alone, or key results."""

    lang: Language | None = None
    objective: ObjectiveDraftIn | None = None
    key_results: list[KeyResultDraftIn] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _something_to_lint(self) -> LintIn:
        if self.objective is None and not self.key_results:
            raise ValueError(_("Send an objective, key results, or both."))
        return self


class FindingOut(Schema):
    rule: str
    category: str
    severity: Literal["error", "warning", "info"]
    path: str
    object_type: str | None
    object_id: int | None
    subject: str = ""
    message: str
    suggestion: str
    why: str
    evidence: str | None


class SummaryOut(Schema):
    errors: int
    warnings: int
    info: int
    total: int
    by_category: dict[str, int]


class LintOut(Schema):
    lang: Language
    findings: list[FindingOut]
    summary: SummaryOut


class ReadinessTeamOut(Schema):
    team: int | None
    name: str
    summary: SummaryOut
    findings: list[FindingOut]


class ReadinessCycleOut(Schema):
    id: int
    name: str
    status: str


class ReadinessOut(Schema):
    cycle: ReadinessCycleOut
    lang: Language
    key_results: int
    not_measurable: int
    summary: SummaryOut
    teams: list[ReadinessTeamOut]


def finding_out(finding: Any, subject: str = "") -> dict[str, Any]:
    return {**finding.to_json(), "subject": subject}
