"""Pages of the workspace: home, organization switch, language choice."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from okrs.workspace.selectors import organizations_for_user
from okrs.workspace.services import profile_set_language
from okrs.workspace.web import SESSION_ORGANIZATION


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
