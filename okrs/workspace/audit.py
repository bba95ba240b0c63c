"""Recording writes in the audit log. Every service calls ``audit_record`` inside its transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.db import models

from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor

# Never copied into the audit log, whatever the model.
SECRET_FIELDS = frozenset({"key_hash", "password"})


def json_value(value: Any) -> Any:
    """A field value in a form JSON can hold and people can read back."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``instance`` (foreign keys as ids), for an audit event."""
    names = fields or [
        f.name
        for f in instance._meta.concrete_fields
        if f.name not in ("id", "created_at", "updated_at")
    ]
    result = {}
    for name in names:
        if name in SECRET_FIELDS:
            continue
        field = cast("models.Field[Any, Any]", instance._meta.get_field(name))
        value = getattr(instance, field.attname)
        result[name] = json_value(value)
    return result


def audit_record(
    *,
    actor: Actor,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event for ``instance`` in the actor's organization."""
    event = audit_event(actor=actor, action=action, instance=instance, before=before, after=after)
    event.save(force_insert=True)
    return event


def audit_event(
    *,
    actor: Actor,
    action: str,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """``audit_record``'s event, not saved yet: for a caller that writes a batch of them."""
    return AuditEvent(
        organization=actor.organization,
        actor_id=actor.user_id,
        action=action,
        object_type=instance._meta.model_name or type(instance).__name__.lower(),
        object_id=instance.pk,
        object_repr=str(instance)[:300],
        before=before,
        after=after,
    )


def apply_changes(
    instance: models.Model, changes: dict[str, Any], *, allowed: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set ``changes`` on ``instance`` and return (before, after) of the fields that really changed.

    A field outside ``allowed`` is a programming error, not user input, so it raises TypeError.
    """
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"cannot change {sorted(unknown)} of {type(instance).__name__}")
    before, after = {}, {}
    for name, value in changes.items():
        field = cast("models.Field[Any, Any]", instance._meta.get_field(name))
        if field.is_relation:
            # Compare ids so that no related row is fetched just to be compared.
            old, new = getattr(instance, field.attname), getattr(value, "pk", None)
        else:
            old, new = getattr(instance, name), value
        if old == new:
            continue
        before[name] = json_value(old)
        setattr(instance, name, value)
        after[name] = json_value(new)
    return before, after
