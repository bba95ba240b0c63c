"""API: lint a draft, and a cycle's readiness report (the coach writes nothing)."""

from __future__ import annotations

from typing import Any

from okrs.coach.findings import summarize
from okrs.coach.linting import render
from okrs.coach.live import draft_key_result, lint_draft_key_result, lint_draft_objective
from okrs.coach.schemas import LintIn, LintOut, ReadinessOut, finding_out
from okrs.coach.selectors import lint_options, readiness
from okrs.goals.selectors import cycles_for
from okrs.lib.queries import get_or_404
from okrs.lib.routers import ApiRouter
from okrs.workspace.models import Profile
from okrs.workspace.permissions import Actor, ActorRequest

router = ApiRouter(tags=["coach"])
LANGUAGES = ("en", "it", "fr")


def reader_language(actor: Actor, asked: str | None) -> str:
    """``?lang=`` / ``lang``, else the token owner's profile language, else the organization's."""
    if asked in LANGUAGES:
        return str(asked)
    chosen = Profile.objects.filter(user=actor.user).values_list("language", flat=True)
    language = (chosen.first() if actor.user else None) or actor.organization.language
    return language if language in LANGUAGES else "en"


@router.post("/coach/lint", response=LintOut)
def coach_lint(request: ActorRequest, payload: LintIn) -> dict[str, Any]:
    """Findings on a draft that is not saved: an objective and/or its key results."""
    actor = request.auth
    lang = reader_language(actor, payload.lang)
    hint = actor.organization.language
    items = [
        draft_key_result(item.model_dump(), ref=f"kr-{index + 1}", path=f"key_results[{index}]")
        for index, item in enumerate(payload.key_results)
    ]
    if payload.objective is not None:
        findings = lint_draft_objective(
            payload.objective.title,
            items,
            options=lint_options(actor),
            hint=hint,
            with_key_results=bool(items),
        )
    else:
        findings = []
        for index, item in enumerate(items):
            findings += lint_draft_key_result(item, siblings=items[:index], hint=hint)
    rendered = render(findings, lang)
    return {
        "lang": lang,
        "findings": [finding_out(f) for f in rendered],
        "summary": summarize(rendered),
    }


@router.get("/cycles/{cycle_id}/readiness", response=ReadinessOut)
def cycle_readiness(
    request: ActorRequest, cycle_id: int, lang: str | None = None
) -> dict[str, Any]:
    """Every finding of the cycle by team, most severe first, and what nothing measures yet."""
    actor = request.auth
    cycle = get_or_404(cycles_for(actor=actor), cycle_id)
    language = reader_language(actor, lang)
    report = readiness(actor=actor, cycle=cycle, lang=language)
    return {
        "cycle": {"id": cycle.pk, "name": cycle.name, "status": cycle.status},
        "lang": language,
        "key_results": report.key_results,
        "not_measurable": report.not_measurable,
        "summary": report.summary,
        "teams": [
            {
                "team": team.team_id,
                "name": team.name,
                "summary": team.summary,
                "findings": [finding_out(f, report.subject(f)) for f in team.findings],
            }
            for team in report.teams
        ],
    }
