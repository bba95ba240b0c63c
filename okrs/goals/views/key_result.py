"""The key-result page and its check-in dialog.

htmx contract of the check-in (``key_result_check_in``):

* ``GET`` from htmx answers a ``<dialog data-okrs-dialog>`` holding the form; the button that
  asks for it appends it to the page (``hx-target="body" hx-swap="beforeend"``) and app.js opens
  it with ``showModal``. Without htmx the same URL is an ordinary page with the form.
* A ``POST`` with errors answers **200** with the form again, errors next to the fields: htmx
  swaps only 2xx responses by default, and we keep that default rather than configure
  ``responseHandling`` for 422 on every page. The form swaps itself (``hx-target="this"``), so the
  dialog stays open.
* A saved check-in answers ``HX-Reswap: none`` and the event
  ``HX-Trigger: {"checkin-saved": {"key_result": <pk>, "objective": <pk>, "message": "…"}}``;
  app.js closes the dialog on it, and any page can refresh what shows that key result by
  listening, e.g. ``hx-trigger="checkin-saved[detail.key_result==12] from:body"``. With
  ``refresh=page`` (the key-result page's own button) the response also carries the page's
  fragments as out-of-band swaps: ``#kr-summary``, ``#kr-chart``, ``#kr-history``, ``#kr-audit``.
  Without htmx a saved check-in redirects to the key-result page.
* Someone who may not check in gets 403 with a message (app.js lets htmx show it in the dialog);
  a key result of another organization is 404, as everywhere.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from okrs.goals import services
from okrs.goals.check_in_form import CheckInForm
from okrs.goals.key_result_page import key_result_page
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.goals.selectors import key_results_for, latest_check_in
from okrs.lib.errors import Forbidden
from okrs.lib.forms import submit
from okrs.lib.queries import get_or_404
from okrs.workspace.permissions import Actor
from okrs.workspace.web import PageRequest, is_htmx, org_page

CHECKIN_SAVED = "checkin-saved"
REFRESH_PAGE = "page"


def can_check_in(actor: Actor, key_result: KeyResult) -> bool:
    """Whether to offer a check-in: the team's people, Product Ops and admins, in an open cycle."""
    return (
        actor.can_edit_key_results_of(key_result.objective.team_id)
        and key_result.objective.cycle.status != Cycle.Status.CLOSED
    )


@org_page
@require_GET
def key_result_detail(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    detail = key_result_page(actor=actor, key_result_id=pk)
    context = {"kp": detail, "can_check_in": can_check_in(actor, detail.key_result)}
    return render(request, "goals/key_result.html", context)


@org_page
@require_http_methods(["GET", "POST"])
def key_result_check_in(request: PageRequest, pk: int) -> HttpResponse:
    actor = request.actor
    key_result = get_or_404(key_results_for(actor=actor), pk)
    refresh = request.POST.get("refresh") or request.GET.get("refresh") or ""
    if not actor.can_edit_key_results_of(key_result.objective.team_id):
        return _refused(
            request,
            key_result,
            _("Only members of the team, Product Ops or an admin check in its key results."),
        )
    if request.method == "POST":
        form = CheckInForm(request.POST, key_result=key_result)
        try:
            saved = submit(
                form,
                lambda _data: services.key_result_check_in(
                    actor=actor,
                    key_result=key_result,
                    source=CheckIn.Source.MANUAL,
                    **form.check_in_arguments(),
                ),
            )
        except Forbidden as error:
            return _refused(request, key_result, str(error))
        if saved is not None:
            return _saved(request, key_result, refresh=refresh)
    else:
        latest = latest_check_in(key_result=key_result)
        initial = CheckInForm.initial_for(
            key_result, confidence=latest.confidence if latest else None
        )
        form = CheckInForm(key_result=key_result, initial=initial)
    context = {
        "key_result": key_result,
        "form": form,
        "refresh": refresh,
        "in_dialog": is_htmx(request),
    }
    return render(request, _check_in_template(request), context)


def _check_in_template(request: PageRequest, *, refused: bool = False) -> str:
    """The whole page without htmx; the dialog on htmx's first request, then what replaces the
    form inside it: the form again, or the refusal."""
    if not is_htmx(request):
        return "goals/check_in.html"
    if request.method == "GET":
        return "goals/partials/check_in_dialog.html"
    return (
        "goals/partials/check_in_refused.html" if refused else "goals/partials/check_in_form.html"
    )


def _refused(request: PageRequest, key_result: KeyResult, message: str) -> HttpResponse:
    context = {"key_result": key_result, "refused": message, "in_dialog": is_htmx(request)}
    return render(request, _check_in_template(request, refused=True), context, status=403)


def _saved(request: PageRequest, key_result: KeyResult, *, refresh: str) -> HttpResponse:
    message = _("Check-in saved.")
    if not is_htmx(request):
        messages.success(request, message)
        return redirect("key_result_detail", org=request.actor.organization.slug, pk=key_result.pk)
    if refresh == REFRESH_PAGE:
        detail = key_result_page(actor=request.actor, key_result_id=key_result.pk)
        response = render(request, "goals/partials/check_in_saved.html", {"kp": detail})
    else:
        response = HttpResponse("")
    event = {"key_result": key_result.pk, "objective": key_result.objective_id, "message": message}
    # ASCII JSON: header values must be Latin-1, and the message may be in any language.
    response["HX-Trigger"] = json.dumps({CHECKIN_SAVED: event})
    response["HX-Reswap"] = "none"  # the dialog closes; only out-of-band fragments are swapped
    return response
