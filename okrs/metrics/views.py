"""Pages of live metrics: the organization's data sources, and how a key result is measured.

Data sources (``/o/<slug>/data-sources/``): every member reads the list, which is what the
"Measured by" form offers; Product Ops and admins add, edit and delete (the services refuse the
others, the pages hide the links). A database URL is only ever shown redacted.

The "Measured by" panel of the key-result page (``#kr-metric``) posts to three views. With htmx:

* ``key_result_metric_check`` runs the draft in the form now and writes nothing; it answers the
  result (``metrics/partials/metric_check.html``) for ``#kr-metric-check``.
* ``key_result_metric_sync`` measures the saved metric and keeps the result. It answers
  ``HX-Reswap: none`` with the page's fragments out of band (summary, chart, history, audit and
  the panel itself) and, when a check-in was written, the same ``checkin-saved`` event as a
  check-in by hand, so rows elsewhere on the page refresh and a toast says what happened.
* ``key_result_metric`` saves or removes the definition; it redirects, as without htmx.

Without JavaScript each button is a plain POST: saving and syncing redirect to the key-result
page with a message; checking, and a form with errors, show the page with the answer in place.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from okrs.goals.key_result_page import KeyResultPage, key_result_page, may_change_metric
from okrs.goals.models import KeyResult
from okrs.goals.selectors import key_results_for
from okrs.goals.templatetags.okrs_goals import value as format_value
from okrs.goals.views.key_result import CHECKIN_SAVED, can_check_in
from okrs.lib.forms import add_service_errors, submit
from okrs.lib.queries import get_or_404
from okrs.metrics import services
from okrs.metrics.forms import DataSourceForm, MetricForm
from okrs.metrics.measurability import CheckResult, check_result, metric_check
from okrs.metrics.selectors import data_sources_for, metric_of
from okrs.workspace.permissions import Actor, require
from okrs.workspace.web import PageRequest, bound_data, confirm_page, is_htmx, org_page, page

UNBIND = "unbind"


# Data sources -----------------------------------------------------------------------------------


def _require_manager(actor: Actor) -> None:
    require(actor.can_manage_structure(), _("Only Product Ops and admins manage data sources."))


def _list_url(actor: Actor) -> str:
    return reverse("data_source_list", kwargs={"org": actor.organization.slug})


@org_page
@require_GET
def data_source_list(request: PageRequest) -> HttpResponse:
    """Every data source with what it reads and how many key results it measures."""
    sources = data_sources_for(actor=request.actor).order_by("name", "ref")
    return page(request, "metrics/data_source_list.html", {"data_sources": sources})


@org_page
def data_source_create(request: PageRequest) -> HttpResponse:
    actor = request.actor
    _require_manager(actor)
    form = DataSourceForm(bound_data(request))
    created = submit(form, lambda data: services.data_source_create(actor=actor, **data))
    if created is not None:
        messages.success(request, _("Data source “%(name)s” added.") % {"name": created})
        return redirect(_list_url(actor))
    return page(request, "metrics/data_source_form.html", {"form": form, "data_source": None})


@org_page
def data_source_update(request: PageRequest, pk: int) -> HttpResponse:
    """Edit a data source; the URL shows with its password hidden, and sent back as shown it
    keeps the stored password (``services.data_source_update``)."""
    actor = request.actor
    data_source = get_or_404(data_sources_for(actor=actor), pk)
    _require_manager(actor)
    form = DataSourceForm(bound_data(request), initial=DataSourceForm.initial_for(data_source))
    saved = submit(
        form,
        lambda data: services.data_source_update(
            # An emptied ref keeps the current one: files queries and YAML files name it.
            actor=actor,
            data_source=data_source,
            **{name: value for name, value in data.items() if name != "ref" or value},
        ),
    )
    if saved is not None:
        messages.success(request, _("Data source “%(name)s” saved.") % {"name": saved})
        return redirect(_list_url(actor))
    context = {"form": form, "data_source": data_source}
    return page(request, "metrics/data_source_form.html", context)


@org_page
def data_source_delete(request: PageRequest, pk: int) -> HttpResponse:
    """Ask first; the service refuses a data source that still measures key results."""
    actor = request.actor
    data_source = get_or_404(data_sources_for(actor=actor), pk)
    _require_manager(actor)
    name = str(data_source)
    return confirm_page(
        request,
        title=_("Delete the data source “%(name)s”?") % {"name": name},
        consequence=_(
            "okrs forgets how to reach it. Check-ins it measured stay. A data source that still"
            " measures key results cannot be deleted: bind them to another source first."
        ),
        action_label=_("Delete data source"),
        cancel_url=_list_url(actor),
        delete=lambda: services.data_source_delete(actor=actor, data_source=data_source),
        done_url=_list_url(actor),
        done_message=_("Data source “%(name)s” deleted.") % {"name": name},
    )


# How a key result is measured -------------------------------------------------------------------


def _key_result(actor: Actor, pk: int) -> KeyResult:
    """The key result, 404 outside the organization, 403 for people who may not change it."""
    key_result = get_or_404(key_results_for(actor=actor), pk)
    require(
        may_change_metric(actor, key_result),
        _(
            "Only members of the team, Product Ops or an admin change how its key results are"
            " measured, and only while the cycle is open."
        ),
    )
    return key_result


def _detail_url(actor: Actor, key_result: KeyResult) -> str:
    return reverse(
        "key_result_detail", kwargs={"org": actor.organization.slug, "pk": key_result.pk}
    )


def _metric_form(actor: Actor, data: Any = None) -> MetricForm:
    return MetricForm(data, data_sources=data_sources_for(actor=actor).order_by("name"))


def _page_with_panel(request: PageRequest, key_result: KeyResult, **panel: Any) -> HttpResponse:
    """The key-result page with the panel as this request left it (form errors, a check)."""
    detail = key_result_page(actor=request.actor, key_result_id=key_result.pk)
    detail = dataclasses.replace(
        detail, metric_panel=dataclasses.replace(detail.metric_panel, **panel)
    )
    context = {"kp": detail, "can_check_in": can_check_in(request.actor, detail.key_result)}
    return render(request, "goals/key_result.html", context)


@org_page
@require_POST
def key_result_metric(request: PageRequest, pk: int) -> HttpResponse:
    """Bind the key result to the metric in the form (or change it), or unbind it."""
    actor = request.actor
    key_result = _key_result(actor, pk)
    if request.POST.get("action") == UNBIND:
        services.metric_unbind(actor=actor, key_result=key_result)
        messages.success(
            request, _("The key result is no longer measured automatically; its check-ins stay.")
        )
        return redirect(_detail_url(actor, key_result))
    form = _metric_form(actor, request.POST)
    saved = submit(
        form,
        lambda data: services.metric_bind(
            actor=actor, key_result=key_result, schedule=data["schedule"], **form.binding()
        ),
    )
    if saved is not None:
        messages.success(request, _("Saved how the key result is measured."))
        return redirect(_detail_url(actor, key_result))
    return _page_with_panel(request, key_result, form=form)


def _check(actor: Actor, key_result: KeyResult, form: MetricForm) -> CheckResult | None:
    """Run the draft in the form now, writing nothing; None when the form has errors to show."""
    if not form.is_valid():
        return None
    try:
        return check_result(metric_check(actor=actor, key_result=key_result, draft=form.draft()))
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@org_page
@require_POST
def key_result_metric_check(request: PageRequest, pk: int) -> HttpResponse:
    """Check now: the value the draft in the form measures, the time it took, or the error."""
    actor = request.actor
    key_result = _key_result(actor, pk)
    form = _metric_form(actor, request.POST)
    check = _check(actor, key_result, form)
    if is_htmx(request):
        errors = [error for errors in form.errors.values() for error in errors]
        context = {"check": check, "errors": errors, "key_result": key_result}
        return render(request, "metrics/partials/metric_check.html", context)
    return _page_with_panel(request, key_result, form=form, check=check)


def _sync_message(outcome: services.SyncOutcome, key_result: KeyResult) -> str:
    if not outcome.ok:
        return _("The sync failed: %(error)s") % {"error": outcome.error}
    shown = format_value(outcome.value, key_result.unit)
    if outcome.check_ins == 0:
        return _("Synced: %(value)s, unchanged, so no new check-in.") % {"value": shown}
    return _("Synced: %(value)s. New check-ins: %(count)s.") % {
        "value": shown,
        "count": outcome.check_ins,
    }


@org_page
@require_POST
def key_result_metric_sync(request: PageRequest, pk: int) -> HttpResponse:
    """Sync now: measure the saved metric and keep the result, as the worker would."""
    actor = request.actor
    key_result = _key_result(actor, pk)
    metric = metric_of(actor=actor, key_result_id=key_result.pk)
    if metric is None:
        message, outcome = _("Save how the key result is measured before syncing it."), None
    else:
        try:
            outcome = services.metric_sync(actor=actor, metric=metric)
        except ValidationError as error:
            message, outcome = " ".join(error.messages), None
        else:
            message = _sync_message(outcome, key_result)
    if not is_htmx(request):
        ok = outcome is not None and outcome.ok
        (messages.success if ok else messages.error)(request, message)
        return redirect(_detail_url(actor, key_result))
    return _synced(request, key_result, message, outcome)


def _synced(
    request: PageRequest,
    key_result: KeyResult,
    message: str,
    outcome: services.SyncOutcome | None,
) -> HttpResponse:
    detail: KeyResultPage = key_result_page(actor=request.actor, key_result_id=key_result.pk)
    panel = dataclasses.replace(detail.metric_panel, message=message)
    detail = dataclasses.replace(detail, metric_panel=panel)
    response = render(request, "metrics/partials/metric_synced.html", {"kp": detail})
    if outcome is not None and outcome.check_ins:
        event = {
            "key_result": key_result.pk,
            "objective": key_result.objective_id,
            "message": message,
        }
        # ASCII JSON: header values must be Latin-1, and the message may be in any language.
        response["HX-Trigger"] = json.dumps({CHECKIN_SAVED: event})
    response["HX-Reswap"] = "none"  # only the out-of-band fragments are swapped
    return response
