"""A checked file as the linter's ``Plan`` (``okrs.coach.plan``): no database, no Django."""

from __future__ import annotations

from typing import Any, cast

from okrs.coach.plan import Plan, PlanCycle, PlanKeyResult, PlanObjective, PlanTeam
from okrs.exchange.document import DocKeyResult, DocObjective, Document


def _key_result(key_result: DocKeyResult) -> PlanKeyResult:
    return PlanKeyResult(
        ref=key_result.ref,
        title=key_result.title,
        metric=key_result.metric or None,
        unit=key_result.unit or None,
        baseline=key_result.baseline,
        target=key_result.target,
        direction=cast(Any, key_result.direction),
        kind=cast(Any, key_result.kind),
        chance_of_success=key_result.chance_of_success,  # 0 to 1, as everywhere
        deadline=key_result.deadline,
        # A key result with a source measures itself: the file says so, no database needed.
        has_source=key_result.source is not None,
        path=key_result.place.path,
        line=key_result.place.line,
    )


def _objective(objective: DocObjective) -> PlanObjective:
    return PlanObjective(
        ref=objective.ref,
        team=objective.team,
        title=objective.title,
        key_results=tuple(_key_result(kr) for kr in objective.key_results),
        aligned_to=objective.aligned_to,
        state=cast(Any, objective.state),
        description=objective.description,
        path=objective.place.path,
        line=objective.place.line,
    )


def document_plan(document: Document) -> Plan:
    """What the linter reads, with the path and line of every team, objective and key result."""
    cycle = document.cycle
    return Plan(
        teams=tuple(
            PlanTeam(
                ref=team.ref,
                name=team.name,
                parent=team.parent,
                kind=cast(Any, team.kind),
                path=team.place.path,
                line=team.place.line,
            )
            for team in document.teams
        ),
        objectives=tuple(_objective(objective) for objective in document.objectives),
        cycle=PlanCycle(
            name=cycle.name,
            start=cycle.start,
            end=cycle.end,
            status=cast(Any, cycle.status or "planning"),
            line=cycle.place.line,
        ),
        organization=document.organization.slug,
        language=document.organization.language,
    )
