"""The check-in form: a new value of a key result, the team's confidence and a note.

It only types what people enter, as their language writes numbers; the rules (a binary key
result is 0 or 1, a closed cycle is final, who may check in) are ``key_result_check_in``'s, and
``okrs.lib.forms.add_service_errors`` puts its errors next to the fields.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from okrs.goals.forms import number_field
from okrs.goals.models import KeyResult
from okrs.lib.forms import plain_number

CONFIDENCE_RANGE = gettext_lazy("Confidence goes from 0 (no chance) to 10 (certain).")
CHANCE_RANGE = gettext_lazy("The chance of success goes from 0 to 100.")


class CheckInForm(forms.Form):
    """A metric key result gets a number; a binary one gets done or not done and a chance."""

    value = number_field(
        label=gettext_lazy("New value"),
        error_messages={
            "required": gettext_lazy("Enter the new value."),
            "invalid": gettext_lazy("Enter the new value as a number, for example 12.5."),
        },
    )
    done = forms.TypedChoiceField(
        label=gettext_lazy("Is it done?"),
        choices=[("1", pgettext_lazy("key result", "Done")), ("0", gettext_lazy("Not done"))],
        coerce=Decimal,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose done or not done.")},
    )
    chance_of_success = forms.IntegerField(
        label=gettext_lazy("Chance of success (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=gettext_lazy("How likely the team thinks it is to be done, from 0 to 100."),
        error_messages={
            "min_value": CHANCE_RANGE,
            "max_value": CHANCE_RANGE,
            "invalid": CHANCE_RANGE,
        },
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
    )
    confidence = forms.IntegerField(
        label=gettext_lazy("Confidence (0 to 10)"),
        min_value=0,
        max_value=10,
        required=False,
        help_text=gettext_lazy("How sure the team is that the target will be reached."),
        error_messages={
            "min_value": CONFIDENCE_RANGE,
            "max_value": CONFIDENCE_RANGE,
            "invalid": CONFIDENCE_RANGE,
        },
        widget=forms.NumberInput(attrs={"min": 0, "max": 10, "step": 1}),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What moved the number, or what stands in the way."),
    )

    def __init__(self, *args: Any, key_result: KeyResult, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_result = key_result
        if self.is_binary:
            del self.fields["value"]
        else:
            del self.fields["done"], self.fields["chance_of_success"]
            if key_result.unit:
                self.fields["value"].label = _("New value (%(unit)s)") % {"unit": key_result.unit}
        if not self.is_bound:
            # A form back with errors focuses its first error instead (app.js): htmx would
            # otherwise move the focus to an autofocus field after the swap.
            first = "done" if self.is_binary else "value"
            self.fields[first].widget.attrs["autofocus"] = True

    @property
    def is_binary(self) -> bool:
        return self.key_result.kind == KeyResult.Kind.BINARY

    @staticmethod
    def initial_for(key_result: KeyResult, *, confidence: int | None) -> dict[str, Any]:
        """Start from where the key result stands: its current value and the last confidence."""
        chance = key_result.chance_of_success
        return {
            "value": plain_number(key_result.current),
            "done": "1" if key_result.current is not None and key_result.current >= 1 else "0",
            "chance_of_success": None if chance is None else round(chance * 100),
            "confidence": confidence,
        }

    def check_in_arguments(self) -> dict[str, Any]:
        """The cleaned values as ``key_result_check_in`` takes them (a chance from 0 to 1)."""
        data = self.cleaned_data
        arguments: dict[str, Any] = {
            "value": data["done"] if self.is_binary else data["value"],
            "confidence": data.get("confidence"),
            "note": data.get("note", "").strip(),
        }
        chance = data.get("chance_of_success")
        if self.is_binary and chance is not None:
            arguments["chance_of_success"] = Decimal(chance) / 100
        return arguments
