"""The alignment tree: company objectives down to team objectives, through the key results."""

from __future__ import annotations

from django.http import HttpResponse

from okrs.goals.dashboard import active_cycle
from okrs.goals.selectors import cycles_for
from okrs.goals.tree import alignment_tree
from okrs.lib.queries import get_or_404
from okrs.workspace.selectors import teams_for
from okrs.workspace.web import PageRequest, org_page, page


@org_page
def tree(request: PageRequest) -> HttpResponse:
    actor = request.actor
    cycles = list(cycles_for(actor=actor).order_by("-start"))
    cycle_id = request.GET.get("cycle")
    cycle = get_or_404(cycles_for(actor=actor), cycle_id) if cycle_id else active_cycle(cycles)
    if cycle is None:
        return page(request, "goals/no_cycle.html", {"cycles": cycles})
    team_id = request.GET.get("team")
    team = get_or_404(teams_for(actor=actor), team_id) if team_id else None
    alignment = alignment_tree(actor=actor, cycle=cycle, team=team)
    # An em space per level keeps the tree readable inside a <select>, where markup is not allowed.
    team_choices = [(t, "\u2003" * depth + t.name) for t, depth in alignment.teams]
    context = {
        "alignment": alignment,
        "cycles": cycles,
        "cycle": cycle,
        "team": team,
        "team_choices": team_choices,
    }
    return page(request, "goals/tree.html", context, partial="goals/partials/tree_body.html")
