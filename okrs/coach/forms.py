"""Forms of the "from pain to key result" flow (three steps on one page, nothing saved before
the last one: each step carries the earlier answers as hidden fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from okrs.coach.pain import MAX_PAINS, Pain
from okrs.goals.forms import number_field, offer_objective_teams_and_cycles
from okrs.lib.forms import ScopedChoiceField
from okrs.workspace.permissions import Actor


class PainListForm(forms.Form):
    """Step 1: whose objective, in which cycle, and what the team is dissatisfied with."""

    team = ScopedChoiceField(label=gettext_lazy("Team"))
    cycle = ScopedChoiceField(label=gettext_lazy("Cycle"))
    pains = forms.CharField(
        label=gettext_lazy("What are you dissatisfied with?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "One per line, in the areas this team can change: for example “tool overload”, "
            "“prioritization”, “features always cost more than planned”."
        ),
    )

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_objective_teams_and_cycles(self, actor)
        # Each pain becomes a key result: no more pains than key results an objective may have.
        self.limit = min(MAX_PAINS, actor.organization.max_key_results)

    def clean_pains(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["pains"].splitlines() if line.strip()]
        if len(lines) > self.limit:
            raise forms.ValidationError(
                ngettext(
                    "Keep the %(count)d pain that matters most: an objective has at most"
                    " %(count)d key result here.",
                    "Keep the %(count)d pains that matter most: an objective has at most"
                    " %(count)d key results here.",
                    self.limit,
                )
                % {"count": self.limit}
            )
        too_long = [line for line in lines if len(line) > 200]
        if too_long:
            raise forms.ValidationError(
                _("Say each pain in a few words (at most 200 characters): “%(pain)s…”")
                % {"pain": too_long[0][:40]}
            )
        return lines


class PainNumberForm(forms.Form):
    """Step 2, one per pain: the number that proves it, its value today, the value to reach.

    Step 3 adds the key result's sentence (``title``), drafted from these and editable.
    """

    pain = forms.CharField(widget=forms.HiddenInput)
    metric = forms.CharField(
        label=gettext_lazy("Which number proves it?"),
        max_length=200,
        help_text=gettext_lazy(
            "Without a number it is only a feeling. For example “average gap between estimated"
            " and actual cost of a feature”."
        ),
    )
    current = number_field(label=gettext_lazy("Its value today"))
    unit = forms.CharField(
        label=gettext_lazy("Unit"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Like %, €, days or users."),
    )
    target = number_field(
        label=gettext_lazy("Where the number must get to by the end of the cycle"),
        help_text=gettext_lazy(
            "Ambitious enough is a target you expect to reach only 60 to 80 percent of the way."
        ),
    )
    title = forms.CharField(label=gettext_lazy("Key result"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        current, target = data.get("current"), data.get("target")
        if current is not None and target is not None and current == target:
            self.add_error(
                "target",
                _(
                    "The value to reach is the value today: there would be nothing to"
                    " achieve. Say where the number must get to."
                ),
            )
        return data

    def pain_value(self) -> Pain:
        return Pain.from_fields(self.cleaned_data)


PainNumberFormSet = forms.formset_factory(
    PainNumberForm, extra=0, min_num=1, max_num=MAX_PAINS, validate_max=True
)


class DraftObjectiveForm(forms.Form):
    """Step 3: the objective's sentence, drafted from the pains and editable."""

    objective = forms.CharField(
        label=gettext_lazy("Objective"),
        max_length=300,
        help_text=gettext_lazy(
            "Where the team wants to be once these pains are gone: qualitative, without numbers."
        ),
    )
