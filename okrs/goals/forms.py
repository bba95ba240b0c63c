"""Forms of cycles, objectives, key results and initiatives.

They collect and type what people enter (numbers in the reader's own format, dates from a date
picker) and offer only choices the actor may pick. Every rule about the values themselves is the
services' job; their errors are put next to the fields by ``okrs.lib.forms.add_service_errors``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from okrs.goals.dashboard import active_cycle
from okrs.goals.models import (
    VALUE_DECIMALS,
    VALUE_DIGITS,
    Cycle,
    Initiative,
    KeyResult,
    Objective,
)
from okrs.goals.selectors import cycles_for, key_results_for
from okrs.lib.forms import INDENT, ScopedChoiceField, date_input, plain_number
from okrs.workspace.forms import person_name
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import memberships_for, team_ancestor_ids, team_tree


def _choices(form: forms.Form, name: str) -> ScopedChoiceField:
    field = form.fields[name]
    assert isinstance(field, ScopedChoiceField)
    return field


def number_field(
    *, digits: int = VALUE_DIGITS, decimals: int = VALUE_DECIMALS, **kwargs: Any
) -> Any:
    """A decimal typed as the reader's language writes it: "1.234,5" in Italian, "1 234,5" in French."""
    return forms.DecimalField(
        max_digits=digits,
        decimal_places=decimals,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


def offer_objective_teams_and_cycles(
    form: forms.Form, actor: Actor
) -> tuple[Team | None, Cycle | None]:
    """Fill ``form``'s ``team`` and ``cycle`` choices for a new objective; return the picked ones.

    Teams are those the actor sets objectives for, cycles those still open; unbound, the form
    starts on the cycle people work in now and the first team.
    """
    teams = [
        (team, INDENT * depth + team.name)
        for team, depth in team_tree(actor=actor)
        if actor.can_edit_objectives_of(team.pk)
    ]
    cycles = list(cycles_for(actor=actor).exclude(status=Cycle.Status.CLOSED).order_by("-start"))
    _choices(form, "team").set_objects(teams)
    _choices(form, "cycle").set_objects((c, f"{c.name} · {c.get_status_display()}") for c in cycles)
    if not form.is_bound:
        form.initial.setdefault("cycle", getattr(active_cycle(cycles), "pk", None))
        form.initial.setdefault("team", teams[0][0].pk if teams else None)
    return _chosen(form, "team"), _chosen(form, "cycle")


def _chosen(form: forms.Form, name: str) -> Any:
    """The object picked in ``name``, from the submitted data or else the initial value."""
    raw = form.data.get(name) if form.is_bound else form.initial.get(name)
    return _choices(form, name).objects.get(str(raw))


class CycleForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=60,
        help_text=gettext_lazy("For example 2026-Q4."),
    )
    start = forms.DateField(label=gettext_lazy("Start"), widget=date_input())
    end = forms.DateField(
        label=gettext_lazy("End"),
        widget=date_input(),
        help_text=gettext_lazy("The last day of the cycle; OKR cycles usually last a quarter."),
    )


class ObjectiveForm(forms.Form):
    """A team's objective for a cycle. Team and cycle are chosen when it is created only."""

    team = ScopedChoiceField(label=gettext_lazy("Team"))
    cycle = ScopedChoiceField(label=gettext_lazy("Cycle"))
    title = forms.CharField(
        label=gettext_lazy("Objective"),
        max_length=300,
        help_text=gettext_lazy(
            "Where the team wants to be: qualitative, inspiring, in a sentence."
        ),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Why this matters now."),
    )
    commitment = forms.ChoiceField(
        label=gettext_lazy("Commitment"),
        choices=Objective.Commitment.choices,
        initial=Objective.Commitment.COMMITTED,
        help_text=gettext_lazy(
            "Committed objectives are expected to be met in full; aspirational ones stretch."
        ),
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        choices=Objective.State.choices,
        initial=Objective.State.ACTIVE,
    )
    parent_key_result = ScopedChoiceField(
        label=gettext_lazy("Serves the key result"),
        required=False,
        empty_label=gettext_lazy("Nothing: not aligned"),
        help_text=gettext_lazy("A key result of a team above this one, in the same cycle."),
    )
    contributes = forms.BooleanField(
        label=gettext_lazy("Its progress feeds that key result"),
        required=False,
    )

    def __init__(
        self, *args: Any, actor: Actor, objective: Objective | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        team: Team | None
        cycle: Cycle | None
        if objective is not None:
            del self.fields["team"], self.fields["cycle"]
            team, cycle = objective.team, objective.cycle
        else:
            team, cycle = self._creation_choices()
        _choices(self, "parent_key_result").set_objects(
            self._parent_options(team, cycle), group=lambda kr: kr.objective.team.name
        )

    def _creation_choices(self) -> tuple[Team | None, Cycle | None]:
        return offer_objective_teams_and_cycles(self, self.actor)

    def _parent_options(
        self, team: Team | None, cycle: Cycle | None
    ) -> list[tuple[KeyResult, str]]:
        """Key results of the teams above ``team`` in ``cycle``, nearest team first."""
        if team is None or cycle is None:
            return []
        above = team_ancestor_ids(team=team)
        key_results = key_results_for(actor=self.actor).filter(
            objective__cycle=cycle, objective__team_id__in=above
        )
        ordered = sorted(
            key_results, key=lambda kr: (above.index(kr.objective.team_id), kr.position)
        )
        return [(kr, kr.title) for kr in ordered]


class KeyResultForm(forms.Form):
    """A measurable outcome. The page shows the number fields that apply to the chosen kind."""

    title = forms.CharField(
        label=gettext_lazy("Key result"),
        max_length=300,
        help_text=gettext_lazy(
            "An outcome you can measure, like “Cut checkout abandonment from 40% to 20%”."
        ),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=KeyResult.Kind.choices, initial=KeyResult.Kind.METRIC
    )
    metric = forms.CharField(
        label=gettext_lazy("Metric"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("What is measured, like “checkout abandonment”."),
    )
    unit = forms.CharField(
        label=gettext_lazy("Unit"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Like %, €, ms or users."),
    )
    direction = forms.ChoiceField(
        label=gettext_lazy("Direction"),
        choices=KeyResult.Direction.choices,
        initial=KeyResult.Direction.INCREASE,
        required=False,
    )
    baseline = number_field(label=gettext_lazy("Baseline"), required=False, initial=0)
    target = number_field(label=gettext_lazy("Target"), required=False)
    chance_of_success = number_field(
        label=gettext_lazy("Chance of success"),
        digits=3,
        decimals=2,
        required=False,
        help_text=gettext_lazy("How likely the team thinks it is to be done, from 0 to 1."),
    )
    weight = number_field(
        label=gettext_lazy("Weight"),
        digits=6,
        decimals=3,
        initial=1,
        help_text=gettext_lazy("How much this key result counts in the objective's progress."),
    )
    owner = ScopedChoiceField(
        label=gettext_lazy("Owner"), required=False, empty_label=gettext_lazy("No owner yet")
    )
    deadline = forms.DateField(label=gettext_lazy("Deadline"), required=False, widget=date_input())

    field_order = [
        "title",
        "kind",
        "chance_of_success",
        "direction",
        "metric",
        "unit",
        "baseline",
        "target",
        "weight",
        "owner",
        "deadline",
    ]

    # The fields that only one kind uses; the page hides the others (the service ignores them).
    METRIC_ONLY = ("metric", "unit", "direction", "baseline", "target")
    BINARY_ONLY = ("chance_of_success",)

    def __init__(self, *args: Any, actor: Actor, cycle: Cycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = sorted(
            (m.user for m in memberships_for(actor=actor)), key=lambda u: person_name(u).lower()
        )
        _choices(self, "owner").set_objects((person, person_name(person)) for person in people)
        deadline = self.fields["deadline"]
        deadline.widget.attrs.update({"min": cycle.start.isoformat(), "max": cycle.end.isoformat()})
        deadline.help_text = _("Between %(start)s and %(end)s. Empty: the end of the cycle.") % {
            "start": date_format(cycle.start, "DATE_FORMAT"),
            "end": date_format(cycle.end, "DATE_FORMAT"),
        }
        self.fields["kind"].widget.attrs["data-kind-switch"] = ""
        for name in self.METRIC_ONLY:
            self.fields[name].widget.attrs["data-kind"] = KeyResult.Kind.METRIC
        for name in self.BINARY_ONLY:
            self.fields[name].widget.attrs["data-kind"] = KeyResult.Kind.BINARY

    def clean(self) -> dict[str, Any]:
        """A metric needs its scale; a binary key result runs from 0 to 1 whatever is sent."""
        data = super().clean() or {}
        if data.get("kind") == KeyResult.Kind.METRIC:
            for name in ("direction", "baseline", "target"):
                if name in data and data[name] in (None, ""):
                    self.add_error(name, self.fields[name].error_messages["required"])
        return data

    def changes(self) -> dict[str, Any]:
        """The cleaned values for the service, without the scale of a binary key result."""
        data = dict(self.cleaned_data)
        if data["kind"] == KeyResult.Kind.BINARY:
            for name in ("direction", "baseline", "target"):
                data.pop(name, None)
        return data

    @staticmethod
    def initial_for(key_result: KeyResult) -> dict[str, Any]:
        """A stored key result as the form shows it, numbers without trailing zeros."""
        return {
            "title": key_result.title,
            "kind": key_result.kind,
            "metric": key_result.metric,
            "unit": key_result.unit,
            "direction": key_result.direction,
            "baseline": plain_number(key_result.baseline),
            "target": plain_number(key_result.target),
            "chance_of_success": plain_number(key_result.chance_of_success),
            "weight": plain_number(key_result.weight),
            "owner": key_result.owner_id,
            "deadline": key_result.deadline,
        }


class InitiativeForm(forms.Form):
    """Work meant to move a key result."""

    title = forms.CharField(label=gettext_lazy("Initiative"), max_length=300)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=Initiative.Status.choices,
        initial=Initiative.Status.PLANNED,
    )
    link = forms.CharField(
        label=gettext_lazy("Link"),
        max_length=500,
        required=False,
        widget=forms.URLInput(),
        help_text=gettext_lazy("The ticket, epic or document where the work is tracked."),
    )
