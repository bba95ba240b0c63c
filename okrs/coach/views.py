"""The coach's pages: live findings beside the forms, the cycle readiness report, and the
"from pain to key result" flow.

htmx contract of the live panels (``objective_coach``, ``key_result_coach``): the panel beside
a form posts the whole form (``hx-include``) whenever it changes and swaps in
``coach/partials/coach_panel.html``. They write nothing and answer anyone who may see the
objective; without JavaScript the panel is simply not filled, and the form works as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from okrs.coach.findings import RenderedFinding, summarize
from okrs.coach.forms import DraftObjectiveForm, PainListForm, PainNumberFormSet
from okrs.coach.linting import render
from okrs.coach.live import (
    SentenceReading,
    draft_key_result,
    lint_draft_key_result,
    lint_draft_objective,
    sentence_reading,
)
from okrs.coach.pain import Pain, draft_key_result_title, draft_objective_title
from okrs.coach.selectors import (
    Readiness,
    TeamReadiness,
    lint_options,
    plan_key_result,
    readiness,
    readiness_csv,
)
from okrs.coach.services import pain_draft_create
from okrs.goals.dashboard import active_cycle
from okrs.goals.forms import KeyResultForm
from okrs.goals.models import Cycle, KeyResult
from okrs.goals.selectors import cycles_for, key_results_for, objectives_for
from okrs.lib.forms import add_service_errors, plain_number
from okrs.lib.queries import get_or_404
from okrs.metrics.measurability import cycle_measurability
from okrs.workspace.permissions import TEAM_WRITERS, Actor, require
from okrs.workspace.selectors import team_tree
from okrs.workspace.web import PageRequest, is_htmx, org_page, page

PANEL = "coach/partials/coach_panel.html"


def reader_language() -> str:
    """The language findings are shown in: the page's (it, fr or en)."""
    code = (get_language() or "en")[:2]
    return code if code in ("it", "fr") else "en"


# Live panels ------------------------------------------------------------------------------------


@org_page
@require_POST
def objective_coach(request: PageRequest) -> HttpResponse:
    """Findings on an objective's title as it is typed (``?objective=`` when editing one)."""
    actor = request.actor
    title = request.POST.get("title", "").strip()
    key_results = []
    if request.GET.get("objective"):
        objective = get_or_404(objectives_for(actor=actor), request.GET["objective"])
        rows = key_results_for(actor=actor).filter(objective=objective)
        key_results = [plan_key_result(objective.ref, kr) for kr in rows]
    hint = actor.organization.language
    findings = (
        lint_draft_objective(
            title,
            key_results,
            options=lint_options(actor),
            hint=hint,
            with_key_results=bool(key_results),
        )
        if title
        else []
    )
    # On an objective's page, "not measurable" belongs to each key result's own form.
    shown = [f for f in findings if f.object_type == "objective"]
    return _panel(request, shown, typed=bool(title))


@org_page
@require_POST
def key_result_coach(request: PageRequest, pk: int) -> HttpResponse:
    """Findings on a key result of objective ``pk`` as it is typed (``?key_result=`` when
    editing one), and what its sentence says, to fill the fields from it."""
    actor = request.actor
    objective = get_or_404(objectives_for(actor=actor), pk)
    form = KeyResultForm(request.POST, actor=actor, cycle=objective.cycle)
    form.is_valid()  # only to type the fields; the panel lints whatever is readable
    typed = dict(form.cleaned_data)
    if typed.get("target") is None:
        # Until a target is typed, the form's starting baseline (0) and direction (increase) are
        # defaults, not what the person said: the sentence decides.
        typed.pop("baseline", None)
        typed.pop("direction", None)
    item = draft_key_result(typed)
    siblings = key_results_for(actor=actor).filter(objective=objective)
    if request.GET.get("key_result"):
        editing = get_or_404(key_results_for(actor=actor), request.GET["key_result"])
        siblings = siblings.exclude(pk=editing.pk)
    others = [plan_key_result(objective.ref, kr) for kr in siblings]
    hint = actor.organization.language
    findings = lint_draft_key_result(item, siblings=others, hint=hint) if item.title else []
    reading = sentence_reading(item.title, hint=hint) if item.kind == "metric" else None
    return _panel(
        request, findings, typed=bool(item.title), reading=_offer(reading, form.cleaned_data)
    )


@dataclass(frozen=True)
class Offer:
    """Values read from the sentence that differ from the fields, as the inputs expect them."""

    reading: SentenceReading
    fields: dict[str, str]
    direction_label: str


def _offer(reading: SentenceReading | None, typed: dict[str, Any]) -> Offer | None:
    if reading is None or not reading.complete:
        return None
    values = {
        "metric": reading.metric or "",
        "unit": reading.unit or "",
        "direction": reading.direction or "",
        "baseline": _input_number(reading.baseline),
        "target": _input_number(reading.target),
    }
    now = {name: _input_number(typed.get(name)) for name in ("baseline", "target")}
    now |= {name: str(typed.get(name) or "") for name in ("metric", "unit", "direction")}
    if all(now[name] == value for name, value in values.items() if value):
        return None  # the fields already say what the sentence says
    label = str(KeyResult.Direction(reading.direction).label) if reading.direction else ""
    return Offer(reading, {name: value for name, value in values.items() if value}, label)


def _input_number(value: Any) -> str:
    if value is None or value == "":
        return ""
    return str(formats.localize_input(plain_number(value)))


def _panel(
    request: PageRequest,
    findings: list[Any],
    *,
    typed: bool,
    reading: Offer | None = None,
) -> HttpResponse:
    rendered = render(findings, reader_language())
    context = {
        "findings": rendered,
        "summary": summarize(rendered),
        "typed": typed,
        "offer": reading,
    }
    return page(request, PANEL, context)


# Cycle readiness ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingRow:
    finding: RenderedFinding
    subject: str
    url: str | None


def _finding_url(actor: Actor, team: TeamReadiness, finding: RenderedFinding, cycle: Cycle) -> Any:
    org = actor.organization.slug
    editable = team.team_id is not None and actor.can_edit_key_results_of(team.team_id)
    if finding.object_type == "key_result" and finding.object_id:
        name = "key_result_update" if editable else "key_result_detail"
        return reverse(name, kwargs={"org": org, "pk": finding.object_id})
    objective_editable = team.team_id is not None and actor.can_edit_objectives_of(team.team_id)
    if finding.object_type == "objective" and finding.object_id and objective_editable:
        return reverse("objective_update", kwargs={"org": org, "pk": finding.object_id})
    if team.team_id is not None:
        url = reverse("team_detail", kwargs={"org": org, "pk": team.team_id})
        return f"{url}?cycle={cycle.pk}"
    return None


def _team_rows(actor: Actor, report: Readiness) -> list[tuple[TeamReadiness, list[FindingRow]]]:
    return [
        (
            team,
            [
                FindingRow(f, report.subject(f), _finding_url(actor, team, f, report.cycle))
                for f in team.findings
            ],
        )
        for team in report.teams
    ]


@org_page
@require_GET
def readiness_default(request: PageRequest) -> HttpResponse:
    """The readiness report of the cycle being planned (else the one people work in now)."""
    actor = request.actor
    if request.GET.get("cycle"):  # the cycle picker without JavaScript
        chosen = get_or_404(cycles_for(actor=actor), request.GET["cycle"])
        return redirect("readiness", org=actor.organization.slug, pk=chosen.pk)
    cycles = list(cycles_for(actor=actor).order_by("-start"))
    planning = [c for c in cycles if c.status == Cycle.Status.PLANNING]
    cycle = min(planning, key=lambda c: c.start) if planning else active_cycle(cycles)
    if cycle is None:
        return page(request, "goals/no_cycle.html", {"cycles": cycles})
    return redirect("readiness", org=actor.organization.slug, pk=cycle.pk)


@org_page
@require_GET
def readiness_page(request: PageRequest, pk: int) -> HttpResponse:
    """Every finding of a cycle, grouped by team and severity, for Product Ops."""
    actor = request.actor
    cycle = get_or_404(cycles_for(actor=actor), pk)
    return _readiness(request, cycle, run_checks=False)


@org_page
@require_POST
def readiness_metrics_check(request: PageRequest, pk: int) -> HttpResponse:
    """Check all now: the readiness report with every bound metric run now, writing nothing.

    htmx swaps only the measurability section; without JavaScript the whole report comes back.
    """
    cycle = get_or_404(cycles_for(actor=request.actor), pk)
    return _readiness(request, cycle, run_checks=True)


def _readiness(request: PageRequest, cycle: Cycle, *, run_checks: bool) -> HttpResponse:
    actor = request.actor
    measurability = cycle_measurability(actor=actor, cycle=cycle, run=run_checks)
    context = {
        "cycle": cycle,
        "measurability": measurability,
        "not_measurable": [row for row in measurability.rows if not row.measurable],
        "bound": [row for row in measurability.rows if row.metric is not None],
        "can_run_checks": actor.role in TEAM_WRITERS,
    }
    if run_checks and is_htmx(request):
        return page(request, "coach/partials/measurability.html", context)
    report = readiness(actor=actor, cycle=cycle, lang=reader_language())
    context |= {
        "report": report,
        "cycles": list(cycles_for(actor=actor).order_by("-start")),
        "team_rows": _team_rows(actor, report),
        "measurable": report.key_results - report.not_measurable,
    }
    return page(request, "coach/readiness.html", context)


@org_page
@require_GET
def readiness_download(request: PageRequest, pk: int) -> HttpResponse:
    """The readiness report as CSV, one finding a row, in the reader's language."""
    actor = request.actor
    cycle = get_or_404(cycles_for(actor=actor), pk)
    report = readiness(actor=actor, cycle=cycle, lang=reader_language())
    # A byte-order mark lets spreadsheets open the accents of it/fr texts as UTF-8.
    response = HttpResponse("\ufeff" + readiness_csv(report), content_type="text/csv")
    filename = f"readiness-{actor.organization.slug}-{cycle.name}.csv".replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# From pain to key result ------------------------------------------------------------------------

STEP_PAINS, STEP_NUMBERS, STEP_DRAFT = "pains", "numbers", "draft"
# What the submit buttons send as ``step``: go forward, go back, save, or (htmx) preview.
TO_NUMBERS, TO_DRAFT, CREATE, PREVIEW = "numbers", "draft", "create", "preview"
BACK_TO_PAINS, BACK_TO_NUMBERS = "edit-pains", "edit-numbers"
PREFIX = "kr"


@org_page
@require_http_methods(["GET", "POST"])
def pain_flow(request: PageRequest) -> HttpResponse:
    """List the pains, prove each with a number, get a draft objective the coach already passes.

    Nothing is saved before the last step: each step posts every earlier answer again (hidden
    fields), and the submit button says where to go (``step``). Going back keeps what was typed.
    """
    actor = request.actor
    require(
        any(actor.can_edit_objectives_of(team.pk) for team, _depth in team_tree(actor=actor)),
        _("Only a team's lead, Product Ops or an admin drafts a team's objective."),
    )
    if request.method == "GET":
        return _pain_page(request, STEP_PAINS, PainListForm(actor=actor))
    step = request.POST.get("step", "")
    pains_form = PainListForm(request.POST, actor=actor)
    carried = PainNumberFormSet(request.POST, prefix=PREFIX) if _has_numbers(request) else None
    if not pains_form.is_valid() or step == BACK_TO_PAINS:
        return _pain_page(request, STEP_PAINS, pains_form, numbers=carried)
    pains = pains_form.cleaned_data["pains"]
    if step == TO_NUMBERS or carried is None:
        return _pain_page(request, STEP_NUMBERS, pains_form, numbers=_numbers_for(carried, pains))
    if not carried.is_valid() or step == BACK_TO_NUMBERS:
        return _pain_page(request, STEP_NUMBERS, pains_form, numbers=carried)
    values = [form.pain_value() for form in carried]
    if step == TO_DRAFT:
        return _pain_page(request, STEP_DRAFT, pains_form, numbers=_titled(values))
    return _pain_draft(request, pains_form, carried, values, pains, save=step == CREATE)


def _has_numbers(request: PageRequest) -> bool:
    return f"{PREFIX}-TOTAL_FORMS" in request.POST


def _numbers_for(carried: Any, pains: list[str]) -> Any:
    """Step 2 for ``pains``, keeping the numbers of pains answered before going back."""
    known: dict[str, dict[str, Any]] = {}
    if carried is not None and carried.is_valid():
        known = {form.cleaned_data["pain"]: form.cleaned_data for form in carried}
    initial = []
    for pain in pains:
        row = {**known.get(pain, {}), "pain": pain}
        row.pop("title", None)  # the sentence is drafted again from the numbers
        initial.append(row)
    return PainNumberFormSet(prefix=PREFIX, initial=initial)


def _titled(values: list[Pain]) -> Any:
    """Step 3's key results: the numbers, and each sentence drafted from them, to edit."""
    initial = [
        {
            "pain": pain.text,
            "metric": pain.metric,
            "current": plain_number(pain.current),
            "unit": pain.unit,
            "target": plain_number(pain.target),
            "title": pain.title or draft_key_result_title(pain),
        }
        for pain in values
    ]
    return PainNumberFormSet(prefix=PREFIX, initial=initial)


def _draft_findings(actor: Actor, title: str, values: list[Pain]) -> list[Any]:
    """The coach on the whole draft: the objective's title and a key result per pain."""
    items = [pain.plan_key_result(index) for index, pain in enumerate(values)]
    return lint_draft_objective(title, items, options=lint_options(actor), hint=reader_language())


def _pain_draft(
    request: PageRequest,
    pains_form: PainListForm,
    numbers: Any,
    values: list[Pain],
    pains: list[str],
    *,
    save: bool,
) -> HttpResponse:
    """The draft as written in step 3: its coach findings, and on ``create`` the saved objective."""
    actor = request.actor
    draft = DraftObjectiveForm(request.POST)
    title = request.POST.get("objective", "").strip() or draft_objective_title(pains)
    findings = _draft_findings(actor, title, values)
    if not save:
        return _panel(request, findings, typed=True)
    blocking = [f for f in findings if str(f.severity) == "error"]
    if draft.is_valid() and not blocking:
        data = pains_form.cleaned_data
        try:
            objective = pain_draft_create(
                actor=actor,
                team=data["team"],
                cycle=data["cycle"],
                title=draft.cleaned_data["objective"],
                pains=values,
            )
        except ValidationError as error:  # shown on the page; the transaction saved nothing
            add_service_errors(draft, error)
        else:
            messages.success(
                request,
                _("Draft objective “%(objective)s” created with its key results.")
                % {"objective": objective},
            )
            return redirect("objective_update", org=actor.organization.slug, pk=objective.pk)
    return _pain_page(
        request, STEP_DRAFT, pains_form, numbers=numbers, draft=draft, findings=findings
    )


def _pain_page(
    request: PageRequest,
    step: str,
    pains_form: PainListForm,
    *,
    numbers: Any = None,
    draft: DraftObjectiveForm | None = None,
    findings: list[Any] | None = None,
) -> HttpResponse:
    if step == STEP_DRAFT and draft is None:
        title = draft_objective_title(pains_form.cleaned_data["pains"])
        draft = DraftObjectiveForm(initial={"objective": title})
        values = [Pain.from_fields(row) for row in numbers.initial]
        findings = _draft_findings(request.actor, title, values)
    rendered = render(findings or [], reader_language())
    context = {
        "step": step,
        "pains_form": pains_form,
        "numbers": numbers,
        "draft": draft,
        "findings": rendered,
        "summary": summarize(rendered),
        "steps": [
            (STEP_PAINS, _("What hurts")),
            (STEP_NUMBERS, _("The numbers")),
            (STEP_DRAFT, _("The draft")),
        ],
    }
    return page(request, "coach/pain.html", context)
