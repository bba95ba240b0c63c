"""From pain to key result: turn what a team is dissatisfied with into a draft objective.

The coaching method behind it: instead of guessing what could go better, list what you are
dissatisfied with; for each one, find the number that proves it (without a number it is only a
feeling) and its value today; say where that number must get to. The draft objective names the
pains without numbers, and each pain becomes a key result "from today's value to the target".

This module only drafts text and values; the linter checks the draft
(``okrs.coach.live.lint_draft_objective``) and ``okrs.coach.services.pain_draft_create`` saves
it. Sentences come out in the active language (it, fr, en).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from okrs.coach.live import draft_key_result
from okrs.coach.plan import PlanKeyResult
from okrs.lib.forms import plain_number

MAX_PAINS = 5


@dataclass(frozen=True)
class Pain:
    """One dissatisfaction, the number that proves it, its value today and the value to reach."""

    text: str
    metric: str
    current: Decimal
    target: Decimal
    unit: str = ""
    title: str = ""  # the key result as the person rewrote it; empty: the drafted sentence

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> Pain:
        """A pain from the fields of the numbers step (``coach.forms.PainNumberForm``)."""
        return cls(
            text=fields["pain"],
            metric=fields["metric"],
            current=fields["current"],
            target=fields["target"],
            unit=fields.get("unit") or "",
            title=fields.get("title") or "",
        )

    @property
    def direction(self) -> str:
        return "decrease" if self.target < self.current else "increase"

    @property
    def key_result_title(self) -> str:
        return self.title.strip() or draft_key_result_title(self)

    def plan_key_result(self, index: int) -> PlanKeyResult:
        """The key result as the linter reads it; its value today becomes its first check-in."""
        return draft_key_result(
            {
                "title": self.key_result_title,
                "metric": self.metric,
                "unit": self.unit,
                "baseline": self.current,
                "target": self.target,
                "direction": self.direction,
                "check_ins": 1,
            },
            ref=f"kr-{index + 1}",
            path=f"key_results[{index}]",
        )


def amount(value: Decimal, unit: str) -> str:
    """A value with its unit as the active language writes it: "12,5%" in Italian, "12,5 %" in
    French, "40 ms"."""
    number = formats.number_format(plain_number(value) or Decimal(0), use_l10n=True)
    unit = unit.strip()
    if not unit:
        return number
    if unit == "%":
        return f"{number}\u00a0%" if (get_language() or "").startswith("fr") else f"{number}%"
    return f"{number} {unit}"


def draft_key_result_title(pain: Pain) -> str:
    values = {
        "metric": pain.metric.strip(),
        "baseline": amount(pain.current, pain.unit),
        "target": amount(pain.target, pain.unit),
    }
    if pain.direction == "decrease":
        return _("Reduce %(metric)s from %(baseline)s to %(target)s") % values
    return _("Increase %(metric)s from %(baseline)s to %(target)s") % values


def draft_objective_title(pains: Sequence[str]) -> str:
    """A qualitative objective that names the pains; the team is expected to make it its own."""
    listed = ", ".join(pain.strip().rstrip(".") for pain in pains if pain.strip())
    return _("Solve what frustrates us most: %(pains)s") % {"pains": listed}


def draft_description(pains: Sequence[str]) -> str:
    """The pains, kept with the objective so the team remembers why it was chosen."""
    lines = [_("What we were dissatisfied with when we set this objective:")]
    lines += [f"- {pain.strip()}" for pain in pains if pain.strip()]
    return "\n".join(lines)
