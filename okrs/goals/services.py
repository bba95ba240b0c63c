"""Every write to cycles, objectives, key results, check-ins and initiatives."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from okrs.goals import progress as maths
from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.goals.selectors import progress_board
from okrs.lib import clock
from okrs.lib.refs import ref_base, ref_unique
from okrs.workspace.audit import apply_changes, audit_event, audit_record, snapshot
from okrs.workspace.models import AuditEvent, Membership, Team
from okrs.workspace.permissions import Actor, require, require_same_organization
from okrs.workspace.selectors import team_ancestor_ids

CYCLE_FIELDS = frozenset({"name", "start", "end"})
OBJECTIVE_FIELDS = frozenset(
    {
        "ref",
        "title",
        "description",
        "team",
        "parent_key_result",
        "contributes",
        "commitment",
        "state",
    }
)
KEY_RESULT_FIELDS = frozenset(
    {
        "ref",
        "title",
        "metric",
        "unit",
        "kind",
        "direction",
        "baseline",
        "target",
        "weight",
        "owner",
        "deadline",
        "chance_of_success",
        "position",
    }
)
NUMBER_FIELDS = frozenset({"baseline", "target", "weight", "chance_of_success", "current", "value"})
INITIATIVE_FIELDS = frozenset({"ref", "title", "status", "link"})

# Forward one step, or back one step to correct a mistake (reopening a closed cycle is allowed).
TRANSITIONS = {
    Cycle.Status.PLANNING: {Cycle.Status.ACTIVE},
    Cycle.Status.ACTIVE: {Cycle.Status.REVIEW, Cycle.Status.PLANNING},
    Cycle.Status.REVIEW: {Cycle.Status.CLOSED, Cycle.Status.ACTIVE},
    Cycle.Status.CLOSED: {Cycle.Status.REVIEW},
}

# What the audit log keeps of a check-in, whichever way it was made or removed.
CHECK_IN_AUDITED: Final = ["value", "confidence", "note", "source", "created_at"]


def to_decimal(value: Any, *, field: str) -> Decimal | None:
    """A number from user input as a Decimal; a clear error for text, NaN or infinity."""
    if value is None or (isinstance(value, Decimal) and value.is_finite()):
        return value
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        number = None
    if isinstance(value, bool) or number is None or not number.is_finite():
        raise ValidationError({field: _("'%(value)s' is not a number.") % {"value": value}})
    return number


def _new_ref(kind: str, text: str, taken: Any) -> str:
    """A readable ref for a new object (see okrs.lib.refs); ``taken`` are the refs in its scope."""
    return ref_unique(ref_base(kind, text), set(taken))


def _numbers(changes: dict[str, Any]) -> dict[str, Any]:
    return {k: to_decimal(v, field=k) if k in NUMBER_FIELDS else v for k, v in changes.items()}


def _require_open(cycle: Cycle) -> None:
    """Refuse writes in a closed cycle.

    The status is read afresh, with the row locked until the write commits: an object loaded
    before the cycle closed must not slip a change in after it, and closing waits for the write.
    """
    status = Cycle.objects.select_for_update().filter(pk=cycle.pk).values_list("status", flat=True)
    if status.first() == Cycle.Status.CLOSED:
        raise ValidationError(
            _(
                "The cycle %(cycle)s is closed and its numbers are final. Reopen it for review to change them."
            )
            % {"cycle": cycle.name}
        )


# Cycles -----------------------------------------------------------------------------------------


@transaction.atomic
def cycle_create(*, actor: Actor, name: str, start: dt.date, end: dt.date) -> Cycle:
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage cycles."))
    cycle = Cycle(organization=actor.organization, name=name, start=start, end=end)
    cycle.full_clean()
    cycle.save()
    audit_record(actor=actor, action="cycle.create", instance=cycle, after=snapshot(cycle))
    return cycle


@transaction.atomic
def cycle_update(*, actor: Actor, cycle: Cycle, **changes: Any) -> Cycle:
    require_same_organization(actor, cycle)
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage cycles."))
    _require_open(cycle)
    before, after = apply_changes(cycle, changes, allowed=CYCLE_FIELDS)
    cycle.full_clean()
    outside = KeyResult.objects.filter(objective__cycle=cycle, deadline__isnull=False).exclude(
        deadline__range=(cycle.start, cycle.end)
    )
    if outside.exists():
        raise ValidationError(
            ngettext(
                "%(count)s key result deadline would fall outside the new dates: '%(title)s'."
                " Move that deadline first.",
                "%(count)s key result deadlines would fall outside the new dates, for example"
                " '%(title)s'. Move those deadlines first.",
                outside.count(),
            )
            % {"count": outside.count(), "title": outside.first()}
        )
    cycle.save()
    audit_record(actor=actor, action="cycle.update", instance=cycle, before=before, after=after)
    return cycle


@transaction.atomic
def cycle_delete(*, actor: Actor, cycle: Cycle) -> None:
    """Delete a cycle still in planning; a cycle that ran keeps its history."""
    require_same_organization(actor, cycle)
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage cycles."))
    if cycle.status != Cycle.Status.PLANNING:
        raise ValidationError(_("Only a cycle still in planning can be deleted; this one has run."))
    audit_record(actor=actor, action="cycle.delete", instance=cycle, before=snapshot(cycle))
    cycle.delete()


def _status_name(status: str) -> str:
    """A cycle status as the reader's language names it, in lower case for use mid-sentence."""
    try:
        return str(Cycle.Status(status).label).lower()
    except ValueError:
        return status


@transaction.atomic
def cycle_transition(*, actor: Actor, cycle: Cycle, status: str) -> Cycle:
    """Move a cycle to ``status``; closing it records every objective's final score."""
    require_same_organization(actor, cycle)
    require(
        actor.can_manage_structure(), _("Only admins and Product Ops change the status of a cycle.")
    )
    # Lock the row: two people moving the same cycle at once must not both succeed.
    cycle.status = (
        Cycle.objects.select_for_update().values_list("status", flat=True).get(pk=cycle.pk)
    )
    allowed: set[str] = set(TRANSITIONS.get(Cycle.Status(cycle.status), set()))
    if status not in allowed:
        raise ValidationError(
            {
                "status": _("A cycle in %(current)s can move to %(allowed)s, not to %(wanted)s.")
                % {
                    "current": _status_name(cycle.status),
                    "allowed": ", ".join(sorted(_status_name(s) for s in allowed)),
                    "wanted": _status_name(status),
                }
            }
        )
    before, after = apply_changes(cycle, {"status": status}, allowed=frozenset({"status"}))
    cycle.save(update_fields=["status"])
    if status == Cycle.Status.CLOSED:
        after["final_scores"] = _record_final_scores(actor, cycle)
    elif before["status"] == Cycle.Status.CLOSED:
        # Reopened: scores are final only once the cycle closes again; the audit keeps the old ones.
        scored = cycle.objectives.filter(final_score__isnull=False)
        before["final_scores"] = {
            str(pk): float(v) for pk, v in scored.values_list("pk", "final_score") if v is not None
        }
        scored.update(final_score=None)
    audit_record(actor=actor, action="cycle.transition", instance=cycle, before=before, after=after)
    return cycle


def _record_final_scores(actor: Actor, cycle: Cycle) -> dict[str, float | None]:
    board = progress_board(actor=actor, cycle_ids=[cycle.pk], today=cycle.end)
    objectives = list(cycle.objectives.exclude(state=Objective.State.CANCELLED))
    for objective in objectives:
        score = maths.objective_score(board.objective(objective.pk).progress)
        objective.final_score = None if score is None else Decimal(str(score))
    Objective.objects.bulk_update(objectives, ["final_score"])
    return {str(o.pk): None if o.final_score is None else float(o.final_score) for o in objectives}


# Objectives -------------------------------------------------------------------------------------


def _validate_objective(actor: Actor, objective: Objective) -> None:
    require_same_organization(actor, objective.team, objective.cycle)
    _require_open(objective.cycle)
    errors: dict[str, Any] = {}
    parent = objective.parent_key_result
    if parent is not None:
        require_same_organization(actor, parent)
        parent_objective = parent.objective
        if parent_objective.cycle_id != objective.cycle_id:
            errors["parent_key_result"] = _(
                "An objective can only serve a key result of the same cycle."
            )
        elif parent_objective.team_id not in team_ancestor_ids(team=objective.team):
            errors["parent_key_result"] = _(
                "An objective serves a key result of a team above its own (%(team)s is not above %(own)s)."
            ) % {"team": parent_objective.team, "own": objective.team}
    if objective.contributes and parent is None:
        errors["contributes"] = _(
            "Only an objective aligned to a key result can feed its progress."
        )
    if objective.state == Objective.State.ACTIVE:
        limit = actor.organization.objectives_per_team
        others = Objective.objects.filter(
            cycle_id=objective.cycle_id, team_id=objective.team_id, state=Objective.State.ACTIVE
        ).exclude(pk=objective.pk)
        if others.count() >= limit:
            errors["team"] = ngettext(
                "%(team)s already has %(count)s active objective in %(cycle)s; the organization"
                " allows %(limit)s. Focus on one, or set this one as a draft.",
                "%(team)s already has %(count)s active objectives in %(cycle)s; the organization"
                " allows %(limit)s. Focus on one, or set this one as a draft.",
                others.count(),
            ) % {
                "team": objective.team,
                "count": others.count(),
                "cycle": objective.cycle,
                "limit": limit,
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def objective_create(
    *, actor: Actor, cycle: Cycle, team: Team, title: str, **fields: Any
) -> Objective:
    require(
        actor.can_edit_objectives_of(team.pk),
        _("Only the team's lead, Product Ops or an admin sets its objective."),
    )
    objective = Objective(organization=actor.organization, cycle=cycle, team=team, title=title)
    if not fields.get("ref"):
        taken = Objective.objects.filter(cycle=cycle).values_list("ref", flat=True)
        fields = {**fields, "ref": _new_ref("objective", title, taken)}
    apply_changes(objective, fields, allowed=OBJECTIVE_FIELDS)
    _validate_objective(actor, objective)
    objective.full_clean()
    objective.save()
    audit_record(
        actor=actor, action="objective.create", instance=objective, after=snapshot(objective)
    )
    return objective


@transaction.atomic
def objective_update(*, actor: Actor, objective: Objective, **changes: Any) -> Objective:
    require_same_organization(actor, objective)
    require(
        actor.can_edit_objectives_of(objective.team_id),
        _("Only the team's lead, Product Ops or an admin edits its objective."),
    )
    before, after = apply_changes(objective, changes, allowed=OBJECTIVE_FIELDS)
    require(
        actor.can_edit_objectives_of(objective.team_id),
        _("You cannot move an objective to a team you do not lead."),
    )
    _validate_objective(actor, objective)
    objective.full_clean()
    objective.save()
    audit_record(
        actor=actor, action="objective.update", instance=objective, before=before, after=after
    )
    return objective


@transaction.atomic
def objective_delete(*, actor: Actor, objective: Objective) -> None:
    """Delete an objective with its key results; objectives aligned to them become unaligned."""
    require_same_organization(actor, objective)
    require(
        actor.can_edit_objectives_of(objective.team_id),
        _("Only the team's lead, Product Ops or an admin deletes its objective."),
    )
    _require_open(objective.cycle)
    Objective.objects.filter(parent_key_result__objective=objective).update(contributes=False)
    audit_record(
        actor=actor, action="objective.delete", instance=objective, before=snapshot(objective)
    )
    objective.delete()


# Key results ------------------------------------------------------------------------------------


def _validate_key_result(actor: Actor, key_result: KeyResult) -> None:
    objective = key_result.objective
    require_same_organization(actor, objective)
    _require_open(objective.cycle)
    errors: dict[str, Any] = {}
    # Key results have no cycle of their own, so the database cannot hold this rule.
    same_ref = KeyResult.objects.filter(objective__cycle_id=objective.cycle_id, ref=key_result.ref)
    if key_result.ref and same_ref.exclude(pk=key_result.pk).exists():
        errors["ref"] = _(
            "Another key result of the cycle %(cycle)s already has the ref '%(ref)s'."
        ) % {"cycle": objective.cycle, "ref": key_result.ref}
    if (
        key_result.owner_id is not None
        and not Membership.objects.filter(
            user_id=key_result.owner_id, organization=actor.organization
        ).exists()
    ):
        errors["owner"] = _("The owner must be a member of this organization.")
    cycle = objective.cycle
    if key_result.deadline is not None and not cycle.start <= key_result.deadline <= cycle.end:
        errors["deadline"] = _("The deadline must fall within the cycle, %(start)s to %(end)s.") % {
            "start": cycle.start,
            "end": cycle.end,
        }
    if errors:
        raise ValidationError(errors)


def _binary_defaults(key_result: KeyResult, changes: dict[str, Any]) -> dict[str, Any]:
    """A binary key result runs from 0 (not done) to 1 (done), whatever ``changes`` ask.

    Applied to the changes rather than after them, so the audit event records the scale the key
    result really gets, not a direction or target that was never stored.
    """
    if changes.get("kind", key_result.kind) != KeyResult.Kind.BINARY:
        return changes
    return {
        **changes,
        "direction": KeyResult.Direction.INCREASE,
        "baseline": Decimal(0),
        "target": Decimal(1),
    }


@transaction.atomic
def key_result_create(
    *, actor: Actor, objective: Objective, title: str, **fields: Any
) -> KeyResult:
    require_same_organization(actor, objective)
    require(
        actor.can_edit_key_results_of(objective.team_id),
        _("Only members of the team, Product Ops or an admin add its key results."),
    )
    count = objective.key_results.count()
    limit = actor.organization.max_key_results
    if count >= limit:
        raise ValidationError(
            {
                "objective": _(
                    "This objective already has %(count)s key results, the most allowed; focus on fewer."
                )
                % {"count": count}
            }
        )
    key_result = KeyResult(
        organization=actor.organization, objective=objective, title=title, position=count
    )
    if not fields.get("ref"):
        taken = KeyResult.objects.filter(objective__cycle_id=objective.cycle_id)
        text = fields.get("metric") or title
        fields = {
            **fields,
            "ref": _new_ref("key_result", text, taken.values_list("ref", flat=True)),
        }
    apply_changes(
        key_result, _binary_defaults(key_result, _numbers(fields)), allowed=KEY_RESULT_FIELDS
    )
    _validate_key_result(actor, key_result)
    key_result.full_clean()
    key_result.save()
    audit_record(
        actor=actor, action="key_result.create", instance=key_result, after=snapshot(key_result)
    )
    return key_result


@transaction.atomic
def key_result_update(*, actor: Actor, key_result: KeyResult, **changes: Any) -> KeyResult:
    require_same_organization(actor, key_result)
    require(
        actor.can_edit_key_results_of(key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin edit its key results."),
    )
    before, after = apply_changes(
        key_result, _binary_defaults(key_result, _numbers(changes)), allowed=KEY_RESULT_FIELDS
    )
    _validate_key_result(actor, key_result)
    key_result.full_clean()
    key_result.save()
    audit_record(
        actor=actor, action="key_result.update", instance=key_result, before=before, after=after
    )
    return key_result


@transaction.atomic
def key_result_delete(*, actor: Actor, key_result: KeyResult) -> None:
    require_same_organization(actor, key_result)
    require(
        actor.can_edit_key_results_of(key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin delete its key results."),
    )
    _require_open(key_result.objective.cycle)
    key_result.child_objectives.update(contributes=False)
    audit_record(
        actor=actor, action="key_result.delete", instance=key_result, before=snapshot(key_result)
    )
    key_result.delete()


# Check-ins --------------------------------------------------------------------------------------


@transaction.atomic
def key_result_check_in(
    *,
    actor: Actor,
    key_result: KeyResult,
    value: Any,
    confidence: int | None = None,
    note: str = "",
    source: str = CheckIn.Source.MANUAL,
    at: dt.datetime | None = None,
    chance_of_success: Any = None,
    idempotency_key: str | None = None,
    provenance: dict[str, Any] | None = None,
) -> CheckIn:
    """Record a new value of ``key_result``; the newest check-in becomes its current value.

    With an ``idempotency_key`` a retried call returns the check-in of the first call instead of
    counting the value twice.
    """
    require_same_organization(actor, key_result)
    require(
        actor.can_edit_key_results_of(key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin check in its key results."),
    )
    if idempotency_key:
        earlier = key_result.check_ins.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            return earlier
    _require_open(key_result.objective.cycle)
    number = to_decimal(value, field="value")
    if number is None:
        raise ValidationError({"value": _("A check-in needs a value.")})
    check_in = CheckIn(
        organization=actor.organization,
        key_result=key_result,
        value=number,
        confidence=confidence,
        note=note,
        author_id=actor.user_id,
        source=source,
        idempotency_key=idempotency_key or None,
        provenance=provenance,
        created_at=at or clock.now(),
    )
    _validate_check_in_value(key_result, check_in)
    # The one constraint (an idempotency key once per key result) is left to the database: a
    # retry racing this one makes the save below fail, and that returns the retry's check-in.
    check_in.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            check_in.save()
    except IntegrityError:
        # Two retries raced with the same idempotency key: the other one won, return it.
        earlier = key_result.check_ins.filter(idempotency_key=idempotency_key).first()
        if earlier is None:
            raise
        return earlier
    before, after = _refresh_current(actor, key_result, chance_of_success=chance_of_success)
    # A new chance of success is part of the check-in: the audit keeps it, with the old one.
    chance = {k: v for k, v in before.items() if k == "chance_of_success"}
    audit_record(
        actor=actor,
        action="key_result.check_in",
        instance=key_result,
        before=chance or None,
        after={
            **snapshot(check_in, CHECK_IN_AUDITED),
            **{k: v for k, v in after.items() if k == "chance_of_success"},
        },
    )
    return check_in


def _validate_check_in_value(key_result: KeyResult, check_in: CheckIn) -> None:
    """The rules a check-in's value and time follow whoever sends them."""
    errors: dict[str, Any] = {}
    if check_in.created_at > clock.now() + dt.timedelta(minutes=5):
        errors["at"] = _("A check-in cannot be dated in the future.")
    if key_result.kind == KeyResult.Kind.BINARY and check_in.value not in (0, 1):
        errors["value"] = _("A binary key result is checked in as 1 (done) or 0 (not done).")
    if errors:
        raise ValidationError(errors)


def key_result_sync_check_in(
    *,
    actor: Actor,
    key_result: KeyResult,
    value: Decimal,
    at: dt.datetime,
    provenance: dict[str, Any],
    newest_at: dt.datetime | None,
    audit_events: list[AuditEvent] | None = None,
) -> CheckIn:
    """Record a value measured by a metric sync: ``key_result_check_in`` without its queries.

    Only ``okrs.metrics.services.metrics_record`` calls it, inside its transaction (a savepoint
    per metric), having done itself, once per batch, what the general service does per call:
    the cycle is locked and known to be open, and ``newest_at`` is the time of the key result's
    newest check-in when one may be later than ``at`` (None when none is), read after the lock.
    The value is a Decimal from ``okrs.metrics.reading`` (finite, six decimals, fitting the
    field) and the actor is the organization's system actor. So the foreign keys are not looked
    up again, the newest check-in is re-read only when another one is newer, and the audit log
    gets the same event as for any check-in: written at once, or, given ``audit_events``,
    appended there unsaved for the caller to write with its batch's in the same transaction.
    Raises ValidationError before writing anything.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("key_result_sync_check_in runs inside the caller's transaction")
    require_same_organization(actor, key_result)
    require(actor.can_edit_key_results_of(key_result.objective.team_id))
    check_in = CheckIn(
        organization=actor.organization,
        key_result=key_result,
        value=value,
        author_id=actor.user_id,
        source=CheckIn.Source.SYNC,
        provenance=provenance,
        created_at=at,
    )
    _validate_check_in_value(key_result, check_in)
    check_in.save(force_insert=True)
    if newest_at is None or newest_at <= at:
        # The new check-in is the newest (ties go to the higher id): it is the current value.
        key_result.current = value
        key_result.save(update_fields=["current", "updated_at"])
    else:
        _refresh_current(actor, key_result)
    event = audit_event(
        actor=actor,
        action="key_result.check_in",
        instance=key_result,
        after=snapshot(check_in, CHECK_IN_AUDITED),
    )
    if audit_events is None:
        event.save(force_insert=True)
    else:
        audit_events.append(event)
    return check_in


def _refresh_current(
    actor: Actor, key_result: KeyResult, *, chance_of_success: Any = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Make the newest check-in the key result's current value (history may arrive out of order).

    Returns the fields that changed, before and after, as ``apply_changes`` does.
    """
    latest = (
        key_result.check_ins.order_by("-created_at", "-id").values_list("value", flat=True).first()
    )
    changes: dict[str, Any] = {"current": latest}
    if chance_of_success is not None:
        if key_result.kind != KeyResult.Kind.BINARY:
            raise ValidationError(
                {"chance_of_success": _("Only binary key results carry a chance of success.")}
            )
        changes["chance_of_success"] = to_decimal(chance_of_success, field="chance_of_success")
    before, after = apply_changes(
        key_result, changes, allowed=frozenset({"current", "chance_of_success"})
    )
    key_result.full_clean()
    key_result.save(update_fields=["current", "chance_of_success", "updated_at"])
    return before, after


@transaction.atomic
def check_in_delete(*, actor: Actor, check_in: CheckIn) -> None:
    """Remove a wrong check-in (its author, Product Ops or an admin); the value before it is restored."""
    require_same_organization(actor, check_in)
    key_result = check_in.key_result
    require(
        actor.is_manager
        or (
            check_in.author_id == actor.user_id
            and actor.can_edit_key_results_of(key_result.objective.team_id)
        ),
        _("Only the author of a check-in, Product Ops or an admin can remove it."),
    )
    _require_open(key_result.objective.cycle)
    audit_record(
        actor=actor,
        action="check_in.delete",
        instance=key_result,
        before=snapshot(check_in, CHECK_IN_AUDITED),
    )
    check_in.delete()
    _refresh_current(actor, key_result)


# Initiatives ------------------------------------------------------------------------------------


@transaction.atomic
def initiative_create(
    *, actor: Actor, key_result: KeyResult, title: str, **fields: Any
) -> Initiative:
    require_same_organization(actor, key_result)
    require(
        actor.can_edit_key_results_of(key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin add initiatives."),
    )
    _require_open(key_result.objective.cycle)
    initiative = Initiative(organization=actor.organization, key_result=key_result, title=title)
    if not fields.get("ref"):
        taken = key_result.initiatives.values_list("ref", flat=True)
        fields = {**fields, "ref": _new_ref("initiative", title, taken)}
    apply_changes(initiative, fields, allowed=INITIATIVE_FIELDS)
    initiative.full_clean()
    initiative.save()
    audit_record(
        actor=actor, action="initiative.create", instance=initiative, after=snapshot(initiative)
    )
    return initiative


@transaction.atomic
def initiative_update(*, actor: Actor, initiative: Initiative, **changes: Any) -> Initiative:
    require_same_organization(actor, initiative)
    require(
        actor.can_edit_key_results_of(initiative.key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin edit initiatives."),
    )
    _require_open(initiative.key_result.objective.cycle)
    before, after = apply_changes(initiative, changes, allowed=INITIATIVE_FIELDS)
    initiative.full_clean()
    initiative.save()
    audit_record(
        actor=actor, action="initiative.update", instance=initiative, before=before, after=after
    )
    return initiative


@transaction.atomic
def initiative_delete(*, actor: Actor, initiative: Initiative) -> None:
    require_same_organization(actor, initiative)
    require(
        actor.can_edit_key_results_of(initiative.key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin delete initiatives."),
    )
    _require_open(initiative.key_result.objective.cycle)
    audit_record(
        actor=actor, action="initiative.delete", instance=initiative, before=snapshot(initiative)
    )
    initiative.delete()
