"""Pages of the workspace: home, organization switch, language choice, teams and their members."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from okrs.lib.forms import submit
from okrs.lib.links import url_if_exists
from okrs.lib.queries import get_or_404
from okrs.workspace import services
from okrs.workspace.forms import TeamForm, TeamMemberForm, person_name
from okrs.workspace.models import Team, TeamMember
from okrs.workspace.permissions import Actor, require
from okrs.workspace.selectors import (
    organizations_for_user,
    team_members_for,
    team_tree,
    teams_for,
)
from okrs.workspace.services import profile_set_language
from okrs.workspace.throttle import password_reset_allowed
from okrs.workspace.web import SESSION_ORGANIZATION, PageRequest, confirm_page, org_page, page


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Go to the organization used last, or the first one; explain when there is none."""
    organizations = organizations_for_user(user=request.user)
    last = request.session.get(SESSION_ORGANIZATION)
    chosen = organizations.filter(slug=last).first() or organizations.first()
    if chosen is None:
        return render(request, "workspace/no_organization.html", status=200)
    return redirect("dashboard", org=chosen.slug)


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the language of the pages; signed-in people keep it in their profile."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponse(_("Unknown language."), status=400)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("home")
    response = HttpResponseRedirect(target)
    if request.user.is_authenticated:
        profile_set_language(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
    )
    return response


# Teams and their members (admins and Product Ops) -----------------------------------------------


def _require_team_manager(actor: Actor) -> None:
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage teams."))


@dataclass(frozen=True)
class TeamRow:
    """A team as the team list shows it: its place in the tree and how many people it has."""

    team: Team
    depth: int
    leads: int
    members: int
    url: str | None


def _team_list_url(actor: Actor) -> str:
    return reverse("team_list", kwargs={"org": actor.organization.slug})


@org_page
def team_list(request: PageRequest) -> HttpResponse:
    """Every team in tree order, with its kind, parent and number of leads and members."""
    actor = request.actor
    _require_team_manager(actor)
    counts: dict[int, tuple[int, int]] = {
        team_id: (leads, members)
        for team_id, leads, members in team_members_for(actor=actor)
        .values("team_id")
        .annotate(
            leads=Count("id", filter=Q(is_lead=True)),
            members=Count("id", filter=Q(is_lead=False)),
        )
        .values_list("team_id", "leads", "members")
    }
    rows = [
        TeamRow(
            team=team,
            depth=depth,
            leads=counts.get(team.pk, (0, 0))[0],
            members=counts.get(team.pk, (0, 0))[1],
            url=url_if_exists("team_detail", org=actor.organization.slug, pk=team.pk),
        )
        for team, depth in team_tree(actor=actor)
    ]
    return page(request, "workspace/team_list.html", {"rows": rows})


@org_page
def team_create(request: PageRequest) -> HttpResponse:
    actor = request.actor
    _require_team_manager(actor)
    form = TeamForm(
        request.POST if request.method == "POST" else None,
        actor=actor,
        initial={"parent": request.GET.get("parent")},
    )
    team = submit(form, lambda data: services.team_create(actor=actor, **data))
    if team is not None:
        messages.success(request, _("Team “%(team)s” created.") % {"team": team})
        return redirect(_team_list_url(actor))
    return page(request, "workspace/team_form.html", {"form": form, "team": None})


@org_page
def team_update(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    team = get_or_404(teams_for(actor=actor), pk)
    _require_team_manager(actor)
    initial = {"name": team.name, "kind": team.kind, "parent": team.parent_id}
    form = TeamForm(
        request.POST if request.method == "POST" else None,
        actor=actor,
        team=team,
        initial=initial,
    )
    saved = submit(form, lambda data: services.team_update(actor=actor, team=team, **data))
    if saved is not None:
        messages.success(request, _("Team “%(team)s” saved.") % {"team": saved})
        return redirect(_team_list_url(actor))
    return page(request, "workspace/team_form.html", {"form": form, "team": team})


@org_page
def team_delete(request: PageRequest, pk: int) -> HttpResponse:
    """Ask first; the service refuses a team that still has sub-teams or objectives."""
    actor = request.actor
    team = get_or_404(teams_for(actor=actor), pk)
    _require_team_manager(actor)
    name = team.name
    return confirm_page(
        request,
        title=_("Delete the team “%(team)s”?") % {"team": team},
        consequence=_(
            "The team and its list of members are deleted. A team that still has sub-teams or"
            " objectives cannot be deleted: move or delete those first."
        ),
        action_label=_("Delete team"),
        cancel_url=_team_list_url(actor),
        delete=lambda: services.team_delete(actor=actor, team=team),
        done_url=_team_list_url(actor),
        done_message=_("Team “%(team)s” deleted.") % {"team": name},
    )


@org_page
def team_members(request: PageRequest, pk: int) -> HttpResponse:
    """The people of a team, with a form to add one of the organization."""
    actor = request.actor
    team = get_or_404(teams_for(actor=actor), pk)
    _require_team_manager(actor)
    form = TeamMemberForm(
        request.POST if request.method == "POST" else None, actor=actor, team=team
    )
    member = submit(form, lambda data: services.team_member_set(actor=actor, team=team, **data))
    if member is not None:
        messages.success(
            request,
            _("%(person)s is now in %(team)s.")
            % {"person": person_name(member.user), "team": team},
        )
        return redirect("team_members", org=actor.organization.slug, pk=team.pk)
    members = team_members_for(actor=actor).filter(team=team).order_by("-is_lead", "user__username")
    context = {"team": team, "members": members, "form": form}
    return page(request, "workspace/team_members.html", context)


def _team_member(actor: Actor, team_pk: int, member_pk: int) -> TeamMember:
    return get_or_404(team_members_for(actor=actor).filter(team_id=team_pk), member_pk)


@org_page
@require_POST
def team_member_lead(request: PageRequest, pk: int, member_pk: int) -> HttpResponse:
    """Mark a member as a lead of the team, or no longer a lead."""
    actor = request.actor
    member = _team_member(actor, pk, member_pk)
    is_lead = request.POST.get("is_lead") == "true"
    services.team_member_set(actor=actor, team=member.team, user=member.user, is_lead=is_lead)
    names = {"person": person_name(member.user), "team": member.team}
    if is_lead:
        messages.success(request, _("%(person)s now leads %(team)s.") % names)
    else:
        messages.success(request, _("%(person)s no longer leads %(team)s.") % names)
    return redirect("team_members", org=actor.organization.slug, pk=pk)


@org_page
@require_POST
def team_member_remove(request: PageRequest, pk: int, member_pk: int) -> HttpResponse:
    actor = request.actor
    member = _team_member(actor, pk, member_pk)
    names = {"person": person_name(member.user), "team": member.team}
    services.team_member_remove(actor=actor, member=member)
    messages.success(request, _("%(person)s is no longer in %(team)s.") % names)
    return redirect("team_members", org=actor.organization.slug, pk=pk)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, refused with 429 after too many requests for one address+email."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        from axes.helpers import get_client_ip_address

        address = get_client_ip_address(self.request) or ""
        if not password_reset_allowed(address=address, email=form.cleaned_data["email"]):
            return render(
                self.request,
                "registration/password_reset_throttled.html",
                {"window_minutes": settings.OKRS_PASSWORD_RESET_WINDOW_MINUTES},
                status=429,
            )
        return super().form_valid(form)
