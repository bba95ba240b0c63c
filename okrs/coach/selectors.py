"""The coach on the database: a cycle's plan as the linter reads it, and the readiness report.

``plan_for_cycle`` reads every team, objective and key result of one cycle in four queries,
whatever their number, and builds the same ``Plan`` a YAML file gives; the linter cannot tell
the two apart. ``readiness`` groups the findings by team and severity for Product Ops.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef

from okrs.coach.findings import SEVERITY_ORDER, RenderedFinding, summarize
from okrs.coach.linting import lint_plan, render
from okrs.coach.plan import LintOptions, Plan, PlanCycle, PlanKeyResult, PlanObjective, PlanTeam
from okrs.goals.models import Cycle, KeyResult
from okrs.goals.selectors import key_results_for, objectives_for
from okrs.metrics.models import MetricDefinition
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import teams_for


def objective_path(objective_ref: str) -> str:
    return f"objectives/{objective_ref}"


def key_result_path(objective_ref: str, key_result_ref: str) -> str:
    return f"objectives/{objective_ref}/key_results/{key_result_ref}"


def plan_for_cycle(*, actor: Actor, cycle: Cycle) -> Plan:
    """The cycle's objectives and key results, with the organization's teams, as a ``Plan``."""
    organization = actor.organization
    teams = list(teams_for(actor=actor).order_by("id"))
    objectives = list(objectives_for(actor=actor).filter(cycle=cycle).order_by("team_id", "id"))
    key_results: dict[int, list[KeyResult]] = defaultdict(list)
    rows = (
        key_results_for(actor=actor)
        .filter(objective__cycle=cycle)
        .annotate(
            check_in_count=Count("check_ins"),
            # In the same query: measurability costs nothing per key result.
            has_metric=Exists(MetricDefinition.objects.filter(key_result=OuterRef("pk"))),
        )
        .order_by("objective_id", "position", "id")
    )
    for key_result in rows:
        key_results[key_result.objective_id].append(key_result)
    external = frozenset(
        ref
        for ref in key_results_for(actor=actor)
        .filter(id__in=[o.parent_key_result_id for o in objectives if o.parent_key_result_id])
        .exclude(objective__cycle=cycle)
        .values_list("ref", flat=True)
    )
    team_refs = {team.id: team.ref for team in teams}
    return Plan(
        teams=tuple(
            PlanTeam(
                ref=team.ref,
                name=team.name,
                parent=team_refs.get(team.parent_id) if team.parent_id else None,
                kind=team.kind,  # type: ignore[arg-type]
                path=f"teams/{team.ref}",
                object_id=team.id,
            )
            for team in teams
        ),
        objectives=tuple(
            PlanObjective(
                ref=objective.ref,
                team=team_refs[objective.team_id],
                title=objective.title,
                description=objective.description,
                aligned_to=objective.parent_key_result.ref if objective.parent_key_result else None,
                state=objective.state,  # type: ignore[arg-type]
                path=objective_path(objective.ref),
                object_id=objective.id,
                key_results=tuple(
                    plan_key_result(objective.ref, kr) for kr in key_results[objective.id]
                ),
            )
            for objective in objectives
        ),
        cycle=PlanCycle(
            name=cycle.name,
            start=cycle.start,
            end=cycle.end,
            status=cycle.status,  # type: ignore[arg-type]
            object_id=cycle.id,
        ),
        organization=organization.slug,
        language=organization.language,
        external_key_results=external,
    )


def plan_key_result(objective_ref: str, key_result: KeyResult) -> PlanKeyResult:
    """A stored key result as the linter reads it (``check_in_count``, ``has_metric`` when
    annotated)."""
    return PlanKeyResult(
        ref=key_result.ref,
        title=key_result.title,
        metric=key_result.metric or None,
        unit=key_result.unit or None,
        baseline=key_result.baseline,
        target=key_result.target,
        direction=key_result.direction,  # type: ignore[arg-type]
        kind=key_result.kind,  # type: ignore[arg-type]
        chance_of_success=key_result.chance_of_success,
        deadline=key_result.deadline,
        has_source=getattr(key_result, "has_metric", False),  # bound to a metric definition
        check_ins=getattr(key_result, "check_in_count", 0),
        path=key_result_path(objective_ref, key_result.ref),
        object_id=key_result.id,
    )


def lint_options(actor: Actor) -> LintOptions:
    organization = actor.organization
    return LintOptions(
        min_key_results=organization.min_key_results, max_key_results=organization.max_key_results
    )


@dataclass
class TeamReadiness:
    """One team's findings, most severe first."""

    ref: str
    name: str
    team_id: int | None
    findings: list[RenderedFinding] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, object]:
        return summarize(self.findings)


@dataclass
class Readiness:
    """Every finding of a cycle, by team, and how many key results nothing measures yet."""

    cycle: Cycle
    teams: list[TeamReadiness]
    key_results: int
    not_measurable: int
    summary: dict[str, object]
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> list[RenderedFinding]:
        return [finding for team in self.teams for finding in team.findings]

    def subject(self, finding: RenderedFinding) -> str:
        """The title of the objective or key result a finding is about ("" for a team)."""
        return self.titles.get(finding.path, "")


def _titles(plan: Plan) -> dict[str, str]:
    """Each objective's and key result's title by its path, to name what a finding is about."""
    titles = {}
    for objective in plan.objectives:
        titles[objective.path] = objective.title
        for key_result in objective.key_results:
            titles[key_result.path] = key_result.title or key_result.metric or ""
    return titles


def readiness(*, actor: Actor, cycle: Cycle, lang: str) -> Readiness:
    """The cycle readiness report: lint the cycle's plan and group the findings by team."""
    plan = plan_for_cycle(actor=actor, cycle=cycle)
    findings = render(lint_plan(plan, lint_options(actor)), lang)
    team_of: dict[str, str] = {}
    for objective in plan.objectives:
        team_of[objective.path] = objective.team
        for key_result in objective.key_results:
            team_of[key_result.path] = objective.team
    teams = {team.ref: TeamReadiness(team.ref, team.name, team.object_id) for team in plan.teams}
    for finding in findings:
        team = teams.get(team_of.get(finding.path, ""))
        if team is not None:
            team.findings.append(finding)
    ordered = sorted(
        (team for team in teams.values() if team.findings),
        key=lambda team: (
            min(SEVERITY_ORDER[f.severity] for f in team.findings),  # type: ignore[index]
            team.name.lower(),
        ),
    )
    key_results = [kr for objective in plan.objectives for kr in objective.key_results]
    return Readiness(
        cycle=cycle,
        teams=ordered,
        key_results=len(key_results),
        not_measurable=sum(1 for f in findings if f.rule == "kr-not-measurable"),
        summary=summarize(findings),
        titles=_titles(plan),
    )


CSV_COLUMNS = (
    "team",
    "severity",
    "rule",
    "category",
    "object_type",
    "object_id",
    "object",
    "path",
    "message",
    "suggestion",
    "why",
)


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: titles starting with = + - @ are not formulas."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def readiness_csv(report: Readiness) -> str:
    """The report as CSV, one finding a row, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for team in report.teams:
        for f in team.findings:
            row = (
                team.name,
                f.severity,
                f.rule,
                f.category,
                f.object_type or "",
                f.object_id or "",
                report.subject(f),
                f.path,
                f.message,
                f.suggestion,
                f.why,
            )
            writer.writerow([_cell(value) for value in row])
    return out.getvalue()
