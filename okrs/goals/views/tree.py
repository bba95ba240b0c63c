"""The alignment tree: company objectives down to team objectives, through the key results."""

from __future__ import annotations

from django.http import HttpResponse

from okrs.goals.tree import alignment_tree
from okrs.goals.views.filters import cycle_team_filter, team_choices
from okrs.workspace.web import PageRequest, org_page, page


@org_page
def tree(request: PageRequest) -> HttpResponse:
    actor = request.actor
    chosen = cycle_team_filter(request, actor)
    if chosen.cycle is None:
        return page(request, "goals/no_cycle.html", {"cycles": chosen.cycles})
    alignment = alignment_tree(actor=actor, cycle=chosen.cycle, team=chosen.team)
    context = {
        "alignment": alignment,
        "cycles": chosen.cycles,
        "cycle": chosen.cycle,
        "team": chosen.team,
        "team_choices": team_choices(alignment.teams),
        "filter_target": "#tree-body",
    }
    return page(request, "goals/tree.html", context, partial="goals/partials/tree_body.html")
