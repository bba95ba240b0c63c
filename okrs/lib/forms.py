"""What the web forms share: choices among scoped objects, and service errors shown on the form.

The forms only collect and type what people enter. The rules live in the services, which raise
``ValidationError`` with field keys; ``add_service_errors`` puts each message next to its field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise

T = TypeVar("T")

# An em space per level keeps a tree readable inside a <select>, where markup is not allowed.
INDENT = "\u2003"


class ScopedChoiceField(forms.ChoiceField):
    """A choice among objects a selector already loaded, cleaned into the chosen object.

    Only the objects given to ``set_objects`` can be chosen, so an id of another organization or
    of something the actor may not pick is refused like any unknown value.
    """

    def __init__(self, *, empty_label: str | Promise | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.empty_label = empty_label
        self.objects: dict[str, Any] = {}

    def set_objects(
        self, options: Iterable[tuple[Any, str]], *, group: Any = None
    ) -> ScopedChoiceField:
        """Offer ``(object, label)`` pairs; ``group(object)`` names an optgroup for each."""
        choices: list[Any] = [] if self.empty_label is None else [("", self.empty_label)]
        groups: dict[str, list[tuple[str, str]]] = {}
        self.objects = {}
        for obj, label in options:
            key = str(obj.pk)
            self.objects[key] = obj
            if group is None:
                choices.append((key, label))
            else:
                groups.setdefault(str(group(obj)), []).append((key, label))
        choices.extend(groups.items())
        self.choices = choices
        return self

    def clean(self, value: Any) -> Any:
        key = super().clean(value)
        return self.objects.get(key) if key else None


def date_input(**attrs: Any) -> forms.DateInput:
    """A native date picker; it always sends ISO dates, which every language accepts."""
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


def plain_number(number: Decimal | None) -> Decimal | None:
    """40.000000 → 40 and 0.500000 → 0.5: a stored decimal as people wrote it, for a form."""
    if number is None:
        return None
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on ``form``: by field where the form has that field,
    at the top of the form for anything else (a rule about the whole object, or a field the form
    does not show)."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, errors in error.error_dict.items():
        field = name if name in form.fields else None
        for message in ValidationError(errors).messages:
            form.add_error(field, message)


def submit(form: forms.Form, action: Callable[[dict[str, Any]], T]) -> T | None:
    """Run ``action`` with the cleaned data of a valid bound form and return its result.

    None when the form was not submitted or is invalid, or when the service refused the input:
    its ValidationError is then shown on the form, so the page renders it again with the errors.
    """
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
