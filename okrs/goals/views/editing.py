"""Pages that change goals: cycles, objectives, key results and initiatives.

Every view is thin. A scoped selector loads the object, so an id of another organization is a
404; the role rule of docs/roles.md is checked for showing the form as well as for saving it;
the form types the input and the service decides. Success redirects with a message
(post/redirect/get); a refusal by the service is shown next to the field it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from okrs.goals import services
from okrs.goals.forms import CycleForm, InitiativeForm, KeyResultForm, ObjectiveForm
from okrs.goals.models import Cycle, Initiative, KeyResult, Objective
from okrs.goals.selectors import cycles_for, initiatives_for, key_results_for, objectives_for
from okrs.lib.forms import ScopedChoiceField, submit
from okrs.lib.links import team_page_url, url_if_exists
from okrs.lib.queries import get_or_404
from okrs.workspace.permissions import Actor, require
from okrs.workspace.web import PageRequest, bound_data, confirm_page, org_page, page

# Cycles -----------------------------------------------------------------------------------------

CYCLE_ORDER = [Cycle.Status.PLANNING, Cycle.Status.ACTIVE, Cycle.Status.REVIEW, Cycle.Status.CLOSED]
TRANSITION_LABELS = {
    (Cycle.Status.PLANNING, Cycle.Status.ACTIVE): gettext_lazy("Start the cycle"),
    (Cycle.Status.ACTIVE, Cycle.Status.REVIEW): gettext_lazy("Start the review"),
    (Cycle.Status.ACTIVE, Cycle.Status.PLANNING): gettext_lazy("Back to planning"),
    (Cycle.Status.REVIEW, Cycle.Status.CLOSED): gettext_lazy("Close the cycle…"),
    (Cycle.Status.REVIEW, Cycle.Status.ACTIVE): gettext_lazy("Back to active"),
    (Cycle.Status.CLOSED, Cycle.Status.REVIEW): gettext_lazy("Reopen for review"),
}


@dataclass(frozen=True)
class CycleMove:
    """A status a cycle can move to next, as a button; closing asks for confirmation first."""

    status: str
    label: str
    forward: bool

    @property
    def needs_confirmation(self) -> bool:
        return self.status == Cycle.Status.CLOSED


def cycle_moves(cycle: Cycle) -> list[CycleMove]:
    """The statuses ``cycle`` may move to (as the service allows them), the step forward first."""
    here = CYCLE_ORDER.index(Cycle.Status(cycle.status))
    moves = [
        CycleMove(
            status=status,
            label=str(TRANSITION_LABELS[(Cycle.Status(cycle.status), status)]),
            forward=CYCLE_ORDER.index(status) > here,
        )
        for status in services.TRANSITIONS.get(Cycle.Status(cycle.status), set())
    ]
    return sorted(moves, key=lambda move: not move.forward)


def _require_cycle_manager(actor: Actor) -> None:
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage cycles."))


def _cycle_list_url(actor: Actor) -> str:
    return reverse("cycle_list", kwargs={"org": actor.organization.slug})


@org_page
def cycle_list(request: PageRequest) -> HttpResponse:
    actor = request.actor
    _require_cycle_manager(actor)
    cycles = [(c, cycle_moves(c)) for c in cycles_for(actor=actor).order_by("-start")]
    return page(request, "goals/cycle_list.html", {"cycles": cycles})


@org_page
def cycle_create(request: PageRequest) -> HttpResponse:
    actor = request.actor
    _require_cycle_manager(actor)
    form = CycleForm(bound_data(request))
    cycle = submit(form, lambda data: services.cycle_create(actor=actor, **data))
    if cycle is not None:
        messages.success(request, _("Cycle “%(cycle)s” created, in planning.") % {"cycle": cycle})
        return redirect(_cycle_list_url(actor))
    return page(request, "goals/cycle_form.html", {"form": form, "cycle": None})


@org_page
def cycle_update(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    cycle = get_or_404(cycles_for(actor=actor), pk)
    _require_cycle_manager(actor)
    name = cycle.name
    form = CycleForm(
        bound_data(request), initial={"name": cycle.name, "start": cycle.start, "end": cycle.end}
    )
    saved = submit(form, lambda data: services.cycle_update(actor=actor, cycle=cycle, **data))
    if saved is not None:
        messages.success(request, _("Cycle “%(cycle)s” saved.") % {"cycle": saved})
        return redirect(_cycle_list_url(actor))
    return page(request, "goals/cycle_form.html", {"form": form, "cycle": cycle, "name": name})


@org_page
def cycle_transition(request: PageRequest, pk: int) -> HttpResponse:
    """Move a cycle along (POST). GET asks first; closing records the final scores."""
    actor = request.actor
    cycle = get_or_404(cycles_for(actor=actor), pk)
    _require_cycle_manager(actor)
    wanted = request.POST.get("status") or request.GET.get("status", "")
    if request.method == "POST":
        try:
            services.cycle_transition(actor=actor, cycle=cycle, status=wanted)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Cycle “%(cycle)s” moved to %(status)s.")
                % {"cycle": cycle, "status": cycle.get_status_display().lower()},
            )
        return redirect(_cycle_list_url(actor))
    move = next((m for m in cycle_moves(cycle) if m.status == wanted), None)
    if move is None:
        messages.error(
            request,
            _("The cycle “%(cycle)s” cannot move to that status from %(status)s.")
            % {"cycle": cycle, "status": cycle.get_status_display().lower()},
        )
        return redirect(_cycle_list_url(actor))
    return page(request, "confirm.html", _transition_confirmation(actor, cycle, move))


def _transition_confirmation(actor: Actor, cycle: Cycle, move: CycleMove) -> dict[str, Any]:
    if move.needs_confirmation:
        title = _("Close the cycle “%(cycle)s”?") % {"cycle": cycle}
        consequence = _(
            "Final scores will be recorded for every objective, and the cycle becomes read-only:"
            " no more check-ins or edits. You can reopen it for review later if needed."
        )
    else:
        status = Cycle.Status(move.status).label.lower()
        title = _("Move the cycle “%(cycle)s” to %(status)s?") % {"cycle": cycle, "status": status}
        consequence = ""
    return {
        "title": title,
        "consequence": consequence,
        "action_label": move.label.rstrip("…"),
        "cancel_url": _cycle_list_url(actor),
        "errors": [],
        "hidden": {"status": move.status},
        "danger": False,
    }


@org_page
def cycle_delete(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    cycle = get_or_404(cycles_for(actor=actor), pk)
    _require_cycle_manager(actor)
    return confirm_page(
        request,
        title=_("Delete the cycle “%(cycle)s”?") % {"cycle": cycle},
        consequence=_(
            "The cycle and every objective and key result planned in it are deleted."
            " Only a cycle still in planning can be deleted."
        ),
        action_label=_("Delete cycle"),
        cancel_url=_cycle_list_url(actor),
        delete=lambda: services.cycle_delete(actor=actor, cycle=cycle),
        done_url=_cycle_list_url(actor),
        done_message=_("Cycle “%(cycle)s” deleted.") % {"cycle": cycle},
    )


# Objectives -------------------------------------------------------------------------------------


def _objective_page(actor: Actor, objective: Objective) -> str:
    return team_page_url(
        org=actor.organization.slug, team_id=objective.team_id, cycle_id=objective.cycle_id
    )


def _require_objective_editor(actor: Actor, objective: Objective) -> None:
    require(
        actor.can_edit_objectives_of(objective.team_id),
        _("Only the team's lead, Product Ops or an admin edits its objective."),
    )


@org_page
def objective_create(request: PageRequest) -> HttpResponse:
    """A new objective for one of the teams the actor sets objectives for (``?team=&cycle=``)."""
    actor = request.actor
    initial = {name: request.GET[name] for name in ("team", "cycle") if request.GET.get(name)}
    form = ObjectiveForm(bound_data(request), actor=actor, initial=initial)
    teams = form.fields["team"]
    assert isinstance(teams, ScopedChoiceField)
    require(
        bool(teams.objects), _("Only the team's lead, Product Ops or an admin sets its objective.")
    )
    objective = submit(form, lambda data: services.objective_create(actor=actor, **data))
    if objective is not None:
        messages.success(
            request, _("Objective “%(objective)s” created.") % {"objective": objective}
        )
        return redirect(_objective_page(actor, objective))
    return page(request, "goals/objective_form.html", {"form": form, "objective": None})


@org_page
def objective_update(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    objective = get_or_404(objectives_for(actor=actor), pk)
    _require_objective_editor(actor, objective)
    initial = {
        "title": objective.title,
        "description": objective.description,
        "commitment": objective.commitment,
        "state": objective.state,
        "parent_key_result": objective.parent_key_result_id,
        "contributes": objective.contributes,
    }
    form = ObjectiveForm(bound_data(request), actor=actor, objective=objective, initial=initial)
    saved = submit(
        form, lambda data: services.objective_update(actor=actor, objective=objective, **data)
    )
    if saved is not None:
        messages.success(request, _("Objective “%(objective)s” saved.") % {"objective": saved})
        return redirect(_objective_page(actor, saved))
    context = {
        "form": form,
        "objective": objective,
        "key_results": key_results_for(actor=actor).filter(objective=objective),
        "can_edit_key_results": actor.can_edit_key_results_of(objective.team_id),
    }
    return page(request, "goals/objective_form.html", context)


@org_page
def objective_delete(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    objective = get_or_404(objectives_for(actor=actor), pk)
    require(
        actor.can_edit_objectives_of(objective.team_id),
        _("Only the team's lead, Product Ops or an admin deletes its objective."),
    )
    return confirm_page(
        request,
        title=_("Delete the objective “%(objective)s”?") % {"objective": objective},
        consequence=_(
            "Its key results, their check-ins and initiatives are deleted with it. Objectives"
            " that serve one of its key results stay, no longer aligned."
        ),
        action_label=_("Delete objective"),
        cancel_url=reverse("objective_update", kwargs={"org": actor.organization.slug, "pk": pk}),
        delete=lambda: services.objective_delete(actor=actor, objective=objective),
        done_url=_objective_page(actor, objective),
        done_message=_("Objective “%(objective)s” deleted.") % {"objective": objective},
    )


# Key results ------------------------------------------------------------------------------------


def _require_key_result_editor(actor: Actor, team_id: int, message: str) -> None:
    require(actor.can_edit_key_results_of(team_id), message)


@org_page
def key_result_create(request: PageRequest, pk: int) -> HttpResponse:
    """A new key result on the objective ``pk``."""
    actor = request.actor
    objective = get_or_404(objectives_for(actor=actor), pk)
    _require_key_result_editor(
        actor,
        objective.team_id,
        _("Only members of the team, Product Ops or an admin add its key results."),
    )
    form = KeyResultForm(
        bound_data(request), actor=actor, cycle=objective.cycle, initial={"owner": actor.user_id}
    )
    key_result = submit(
        form,
        lambda _data: services.key_result_create(
            actor=actor, objective=objective, **form.changes()
        ),
    )
    if key_result is not None:
        messages.success(
            request, _("Key result “%(key_result)s” added.") % {"key_result": key_result}
        )
        return redirect(_objective_page(actor, objective))
    context = {"form": form, "objective": objective, "key_result": None}
    return page(request, "goals/key_result_form.html", context)


@org_page
def key_result_update(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    key_result = get_or_404(key_results_for(actor=actor), pk)
    objective = key_result.objective
    _require_key_result_editor(
        actor,
        objective.team_id,
        _("Only members of the team, Product Ops or an admin edit its key results."),
    )
    form = KeyResultForm(
        bound_data(request),
        actor=actor,
        cycle=objective.cycle,
        initial=KeyResultForm.initial_for(key_result),
    )
    saved = submit(
        form,
        lambda _data: services.key_result_update(
            actor=actor, key_result=key_result, **form.changes()
        ),
    )
    if saved is not None:
        messages.success(request, _("Key result “%(key_result)s” saved.") % {"key_result": saved})
        return redirect(_objective_page(actor, objective))
    context = {
        "form": form,
        "objective": objective,
        "key_result": key_result,
        "initiatives": initiatives_for(actor=actor).filter(key_result=key_result),
    }
    return page(request, "goals/key_result_form.html", context)


@org_page
def key_result_delete(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    key_result = get_or_404(key_results_for(actor=actor), pk)
    objective = key_result.objective
    _require_key_result_editor(
        actor,
        objective.team_id,
        _("Only members of the team, Product Ops or an admin delete its key results."),
    )
    return confirm_page(
        request,
        title=_("Delete the key result “%(key_result)s”?") % {"key_result": key_result},
        consequence=_(
            "Its check-ins and initiatives are deleted with it, and the objective's progress is"
            " computed without it."
        ),
        action_label=_("Delete key result"),
        cancel_url=reverse("key_result_update", kwargs={"org": actor.organization.slug, "pk": pk}),
        delete=lambda: services.key_result_delete(actor=actor, key_result=key_result),
        done_url=_objective_page(actor, objective),
        done_message=_("Key result “%(key_result)s” deleted.") % {"key_result": key_result},
    )


# Initiatives ------------------------------------------------------------------------------------


def _key_result_page(actor: Actor, key_result: KeyResult) -> str:
    """The key result's own page where there is one, else its edit page, which lists initiatives."""
    org = actor.organization.slug
    return url_if_exists("key_result_detail", org=org, pk=key_result.pk) or reverse(
        "key_result_update", kwargs={"org": org, "pk": key_result.pk}
    )


def _require_initiative_editor(actor: Actor, key_result: KeyResult, message: str) -> None:
    require(actor.can_edit_key_results_of(key_result.objective.team_id), message)


@org_page
def initiative_create(request: PageRequest, pk: int) -> HttpResponse:
    """A new initiative on the key result ``pk``."""
    actor = request.actor
    key_result = get_or_404(key_results_for(actor=actor), pk)
    _require_initiative_editor(
        actor, key_result, _("Only members of the team, Product Ops or an admin add initiatives.")
    )
    form = InitiativeForm(bound_data(request))
    initiative = submit(
        form,
        lambda data: services.initiative_create(actor=actor, key_result=key_result, **data),
    )
    if initiative is not None:
        messages.success(
            request, _("Initiative “%(initiative)s” added.") % {"initiative": initiative}
        )
        return redirect(_key_result_page(actor, key_result))
    back_url = _key_result_page(actor, key_result)
    context = {"form": form, "key_result": key_result, "initiative": None, "back_url": back_url}
    return page(request, "goals/initiative_form.html", context)


def _initiative(actor: Actor, pk: int) -> Initiative:
    return get_or_404(
        initiatives_for(actor=actor).select_related("key_result__objective__team"), pk
    )


@org_page
def initiative_update(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    initiative = _initiative(actor, pk)
    key_result = initiative.key_result
    _require_initiative_editor(
        actor, key_result, _("Only members of the team, Product Ops or an admin edit initiatives.")
    )
    initial = {"title": initiative.title, "status": initiative.status, "link": initiative.link}
    form = InitiativeForm(bound_data(request), initial=initial)
    saved = submit(
        form,
        lambda data: services.initiative_update(actor=actor, initiative=initiative, **data),
    )
    if saved is not None:
        messages.success(request, _("Initiative “%(initiative)s” saved.") % {"initiative": saved})
        return redirect(_key_result_page(actor, key_result))
    back_url = _key_result_page(actor, key_result)
    context = {
        "form": form,
        "key_result": key_result,
        "initiative": initiative,
        "back_url": back_url,
    }
    return page(request, "goals/initiative_form.html", context)


@org_page
def initiative_delete(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    initiative = _initiative(actor, pk)
    key_result = initiative.key_result
    _require_initiative_editor(
        actor,
        key_result,
        _("Only members of the team, Product Ops or an admin delete initiatives."),
    )
    return confirm_page(
        request,
        title=_("Delete the initiative “%(initiative)s”?") % {"initiative": initiative},
        consequence=_("The key result and its progress stay as they are."),
        action_label=_("Delete initiative"),
        cancel_url=_key_result_page(actor, key_result),
        delete=lambda: services.initiative_delete(actor=actor, initiative=initiative),
        done_url=_key_result_page(actor, key_result),
        done_message=_("Initiative “%(initiative)s” deleted.") % {"initiative": initiative},
    )
