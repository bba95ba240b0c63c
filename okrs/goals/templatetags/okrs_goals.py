"""Template helpers for progress, status and values, formatted for the reader's language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from okrs.goals.progress import Status

register = template.Library()

NO_VALUE = "\u2013"  # an en dash where there is no number yet

STATUS_LABELS = {
    Status.ON_TRACK: lambda: _("On track"),
    Status.AT_RISK: lambda: _("At risk"),
    Status.OFF_TRACK: lambda: _("Off track"),
}


@register.filter
def percent(share: float | None) -> str:
    """0.505 → '51 %' (as the reader's language writes it); None → an en dash."""
    if share is None:
        return NO_VALUE
    return _("%(value)s%%") % {"value": number_format(round(share * 100), 0, use_l10n=True)}


@register.filter
def status_label(status: str | None) -> str:
    label = STATUS_LABELS.get(Status(status)) if status else None
    return label() if label else _("No data")


@register.filter
def value(number: Decimal | float | None, unit: str = "") -> str:
    """A key result value with only the decimals it has, localized, with its unit."""
    if number is None:
        return NO_VALUE
    decimal = Decimal(str(number)).normalize()
    places = max(0, -decimal.as_tuple().exponent)  # type: ignore[operator]
    text = number_format(decimal, min(places, 6), use_l10n=True, force_grouping=True)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


@register.inclusion_tag("goals/partials/progress_bar.html")
def progress_bar(standing: Any, label: str = "") -> dict[str, Any]:
    """A bar filled to the progress, with a marker where the linear pace says it should be."""
    progress = standing.progress
    return {
        "progress": progress,
        "width": 0 if progress is None else round(progress * 100, 1),
        "pace": round(standing.expected_progress * 100, 1),
        "pace_ratio": standing.expected_progress,
        "status": standing.status or "none",
        "label": label,
    }
