"""A team's page: its place in the organization, its people and its objectives this cycle."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from okrs.goals.dashboard import active_cycle
from okrs.goals.rows import key_result_row_context, may_check_in
from okrs.goals.selectors import cycles_for
from okrs.goals.team_page import team_page
from okrs.lib.queries import get_or_404
from okrs.workspace.web import PageRequest, org_page, page


@org_page
def team_detail(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    cycles = list(cycles_for(actor=actor).order_by("-start"))
    cycle_id = request.GET.get("cycle")
    cycle = get_or_404(cycles_for(actor=actor), cycle_id) if cycle_id else active_cycle(cycles)
    if cycle is None:
        return page(request, "goals/no_cycle.html", {"cycles": cycles})
    team = team_page(actor=actor, team_id=pk, cycle=cycle)
    context = {
        "team_page": team,
        "team": team.team,
        "cycles": cycles,
        "cycle": cycle,
        "can_check_in": may_check_in(actor, team_id=team.team.pk, cycle=cycle),
    }
    return page(request, "goals/team.html", context, partial="goals/partials/team_body.html")


@org_page
def key_result_row(request: PageRequest, pk: int) -> HttpResponse:
    """One key result row of the team page, alone: what htmx fetches to refresh it."""
    context = key_result_row_context(actor=request.actor, key_result_id=pk)
    return render(request, "goals/partials/key_result_row.html", context)
