"""Template helpers of the key-result page and the check-in form."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from okrs.goals.models import KeyResult
from okrs.goals.templatetags.okrs_goals import NO_VALUE

register = template.Library()

DIRECTION_WORDS = {
    KeyResult.Direction.INCREASE: lambda: _("Increase: higher is better"),
    KeyResult.Direction.DECREASE: lambda: _("Decrease: lower is better"),
    KeyResult.Direction.AT_LEAST: lambda: _("Stay at or above the target"),
    KeyResult.Direction.AT_MOST: lambda: _("Stay at or below the target"),
}


@register.filter
def direction_words(key_result: KeyResult) -> str:
    """What success means for this key result, in a few words."""
    if key_result.kind == KeyResult.Kind.BINARY:
        return _("Done or not done")
    words = DIRECTION_WORDS.get(KeyResult.Direction(key_result.direction))
    return words() if words else key_result.direction


@register.filter
def person(user: Any) -> str:
    """A person by their name, or their login without one; writes without a user are the system's."""
    if user is None:
        return _("System")
    return user.get_full_name() or user.get_username()


@register.filter
def confidence(level: int | None) -> str:
    """7 → '7/10'; None → an en dash."""
    return NO_VALUE if level is None else _("%(confidence)s/10") % {"confidence": level}


@register.simple_tag
def described_widget(field: BoundField) -> SafeString:
    """The field's widget, pointing screen readers at its error and its help text."""
    ids = []
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    attrs: dict[str, str | bool] = {}
    if ids and not field.use_fieldset:
        attrs["aria-describedby"] = " ".join(ids)
    return field.as_widget(attrs=attrs)
