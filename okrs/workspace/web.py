"""What every page of the web app shares: the organization in the URL and the page chrome."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from okrs.lib.errors import NotFound
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import actor_for, organizations_for_user

SESSION_ORGANIZATION = "okrs_organization"


class PageRequest(HttpRequest):
    """A request to an organization's page: ``actor`` is who acts, in which organization."""

    actor: Actor


def org_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; the ``org`` slug in the URL becomes ``request.actor``; outsiders get 404."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, org: str, *args: Any, **kwargs: Any) -> HttpResponse:
        organization = organizations_for_user(user=request.user).filter(slug=org).first()
        if organization is None:
            raise NotFound()
        request.actor = actor_for(user=request.user, organization=organization)  # type: ignore[attr-defined]
        request.session[SESSION_ORGANIZATION] = organization.slug
        return view(request, *args, **kwargs)

    return wrapper


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the full page, or only ``partial`` when htmx asks for a fragment."""
    chosen = partial if partial and is_htmx(request) else template
    return render(request, chosen, context, status=status)


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Context for the page chrome: the organization switcher and the language menu."""
    actor = getattr(request, "actor", None)
    user = getattr(request, "user", None)
    organizations = (
        list(organizations_for_user(user=user))
        if user is not None and user.is_authenticated
        else []
    )
    return {
        "actor": actor,
        "organization": actor.organization if actor else None,
        "my_organizations": organizations,
        "languages": settings.LANGUAGES,
    }


def bound_data(request: PageRequest) -> Any:
    """The submitted data on POST, None (an unbound form) otherwise."""
    return request.POST if request.method == "POST" else None


def confirm_page(
    request: PageRequest,
    *,
    title: str,
    consequence: str,
    action_label: str,
    cancel_url: str,
    delete: Callable[[], None],
    done_url: str,
    done_message: str,
    hidden: dict[str, str] | None = None,
) -> HttpResponse:
    """Ask before an action that cannot simply be undone; on POST do it, or say why it cannot."""
    errors: list[str] = []
    if request.method == "POST":
        try:
            delete()
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, done_message)
            return redirect(done_url)
    context = {
        "title": title,
        "consequence": consequence,
        "action_label": action_label,
        "cancel_url": cancel_url,
        "errors": errors,
        "hidden": hidden or {},
        "danger": True,
    }
    return page(request, "confirm.html", context)
