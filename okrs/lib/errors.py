"""Errors that services raise and every interface (web, API, CLI) turns into a message for people."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

__all__ = ["Forbidden", "NotFound", "ValidationError", "validation_messages"]


class Forbidden(PermissionDenied):
    """The caller is in the organization but their role does not allow this action."""


class NotFound(Http404):
    """The object does not exist, or exists in an organization the caller cannot see."""


def validation_messages(error: ValidationError) -> tuple[str, dict[str, list[str]]]:
    """Split a ValidationError into one summary sentence and the messages of each field."""
    if hasattr(error, "error_dict"):
        fields = {
            name: [str(m) for m in ValidationError(errs).messages]
            for name, errs in error.error_dict.items()
        }
    else:
        fields = {"__all__": [str(m) for m in error.messages]}
    summary = " ".join(
        message if name == "__all__" else f"{name}: {message}"
        for name, messages in fields.items()
        for message in messages
    )
    return summary, fields
