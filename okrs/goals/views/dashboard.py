"""The cycle dashboard (home page of an organization)."""

from __future__ import annotations

from django.http import HttpResponse

from okrs.goals.dashboard import cycle_dashboard
from okrs.goals.views.filters import cycle_team_filter, team_choices
from okrs.workspace.web import PageRequest, org_page, page


@org_page
def dashboard(request: PageRequest) -> HttpResponse:
    actor = request.actor
    chosen = cycle_team_filter(request, actor)
    if chosen.cycle is None:
        return page(request, "goals/no_cycle.html", {"cycles": chosen.cycles})
    board = cycle_dashboard(actor=actor, cycle=chosen.cycle, team=chosen.team)
    context = {
        "board": board,
        "cycles": chosen.cycles,
        "cycle": chosen.cycle,
        "team": chosen.team,
        "team_choices": team_choices(board.tree),
        "filter_target": "#dashboard-body",
    }
    return page(
        request, "goals/dashboard.html", context, partial="goals/partials/dashboard_body.html"
    )
