"""Goals services (cycles, objectives, key results, check-ins, initiatives) and the progress board.

Every write is checked for what it stores and the audit event it records; every refused write
for the fields it names and for leaving the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.goals.progress import Status, objective_score
from okrs.goals.selectors import progress_board
from okrs.lib.errors import Forbidden
from okrs.testing import database_state, refused
from okrs.workspace import services as workspace
from okrs.workspace.models import (
    AuditEvent,
)


def last_event(world: Any) -> AuditEvent:
    return AuditEvent.objects.filter(organization=world.org).order_by("-id").first()


def fresh(instance: Any) -> Any:
    return type(instance).objects.get(pk=instance.pk)


PATHS = {
    Cycle.Status.PLANNING: [],
    Cycle.Status.ACTIVE: [Cycle.Status.ACTIVE],
    Cycle.Status.REVIEW: [Cycle.Status.ACTIVE, Cycle.Status.REVIEW],
    Cycle.Status.CLOSED: [Cycle.Status.ACTIVE, Cycle.Status.REVIEW, Cycle.Status.CLOSED],
}


def cycle_in(world: Any, status: str, name: str = "2027-Q1") -> Cycle:
    """A new cycle of acme, moved along to ``status``."""
    admin = world.actor("admin")
    cycle = goals.cycle_create(
        actor=admin, name=name, start=dt.date(2027, 1, 1), end=dt.date(2027, 3, 31)
    )
    for step in PATHS[status]:
        goals.cycle_transition(actor=admin, cycle=cycle, status=step)
    return cycle


def close(world: Any, cycle: Cycle) -> None:
    """Move ``cycle`` forward, one allowed step at a time, until it is closed."""
    admin = world.actor("admin")
    order = list(Cycle.Status)
    for step in order[order.index(cycle.status) + 1 :]:
        goals.cycle_transition(actor=admin, cycle=cycle, status=step)


def check_in(world: Any, key_result: KeyResult, value: Any, **kwargs: Any) -> CheckIn:
    return goals.key_result_check_in(
        actor=world.actor("admin"), key_result=fresh(key_result), value=value, **kwargs
    )


@pytest.fixture
def binary_kr(world: Any) -> KeyResult:
    return goals.key_result_create(
        actor=world.actor("member"),
        objective=world.objective,
        title="One-tap reorder shipped",
        kind="binary",
        chance_of_success="0.6",
    )


# Cycles -----------------------------------------------------------------------------------------


def test_cycle_create_starts_in_planning_and_records_it(world):
    cycle = goals.cycle_create(
        actor=world.actor("ops"),
        name="2027-Q1",
        start=dt.date(2027, 1, 1),
        end=dt.date(2027, 3, 31),
    )

    assert fresh(cycle).status == Cycle.Status.PLANNING
    event = last_event(world)
    assert (event.action, event.actor_id, event.object_id) == (
        "cycle.create",
        world.users["ops"].pk,
        cycle.pk,
    )
    assert event.after == {
        "organization": world.org.pk,
        "name": "2027-Q1",
        "start": "2027-01-01",
        "end": "2027-03-31",
        "status": "planning",
    }


@pytest.mark.parametrize(
    ("start", "end", "error_fields"),
    [
        (dt.date(2027, 3, 31), dt.date(2027, 1, 1), {"end"}),
        (dt.date(2027, 1, 1), dt.date(2027, 1, 1), {"end"}),
        (dt.date(2027, 1, 1), dt.date(2028, 1, 3), {"end"}),
    ],
    ids=["end-before-start", "same-day", "longer-than-a-year"],
)
def test_cycle_create_refuses_bad_dates(world, start, end, error_fields):
    error = refused(
        ValidationError,
        lambda: goals.cycle_create(actor=world.actor("admin"), name="2027", start=start, end=end),
    )

    assert set(error.message_dict) == error_fields


def test_cycle_may_last_a_leap_year(world):
    cycle = goals.cycle_create(
        actor=world.actor("admin"), name="2028", start=dt.date(2028, 1, 1), end=dt.date(2029, 1, 1)
    )

    assert (cycle.end - cycle.start).days == 366


def test_cycle_name_is_unique_in_the_organization(world):
    error = refused(
        ValidationError,
        lambda: goals.cycle_create(
            actor=world.actor("admin"),
            name=world.cycle.name,
            start=dt.date(2027, 1, 1),
            end=dt.date(2027, 3, 31),
        ),
    )

    assert "already exists" in " ".join(error.messages)


def test_cycle_update_records_changed_dates(world):
    cycle = cycle_in(world, Cycle.Status.PLANNING)

    goals.cycle_update(actor=world.actor("admin"), cycle=cycle, end=dt.date(2027, 4, 15))

    assert fresh(cycle).end == dt.date(2027, 4, 15)
    event = last_event(world)
    assert event.action == "cycle.update"
    assert (event.before, event.after) == ({"end": "2027-03-31"}, {"end": "2027-04-15"})


@pytest.mark.parametrize(
    "changes",
    [{"end": dt.date(2026, 12, 1)}, {"start": dt.date(2027, 4, 1)}, {"end": dt.date(2028, 6, 1)}],
    ids=["end-before-start", "start-after-end", "longer-than-a-year"],
)
def test_cycle_update_refuses_bad_dates(world, changes):
    cycle = cycle_in(world, Cycle.Status.PLANNING)

    error = refused(
        ValidationError,
        lambda: goals.cycle_update(actor=world.actor("admin"), cycle=fresh(cycle), **changes),
    )

    assert set(error.message_dict) == {"end"}


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("planning", "active"),
        ("active", "review"),
        ("active", "planning"),
        ("review", "closed"),
        ("review", "active"),
        ("closed", "review"),
    ],
)
def test_cycle_transition_allowed(world, start, to):
    cycle = cycle_in(world, start)

    goals.cycle_transition(actor=world.actor("ops"), cycle=cycle, status=to)

    assert fresh(cycle).status == to
    event = last_event(world)
    assert event.action == "cycle.transition"
    assert event.before["status"] == start
    assert event.after["status"] == to


def test_reopening_a_closed_cycle_clears_scores_and_keeps_them_in_the_audit(world):
    ops = world.actor("ops")
    goals.key_result_check_in(actor=ops, key_result=world.key_result, value=30)  # half-way
    goals.cycle_transition(actor=ops, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=ops, cycle=world.cycle, status="closed")
    assert float(fresh(world.objective).final_score) == 0.5

    goals.cycle_transition(actor=ops, cycle=world.cycle, status="review")

    assert fresh(world.objective).final_score is None
    event = last_event(world)
    assert event.before["final_scores"][str(world.objective.pk)] == 0.5


def test_a_cycle_cannot_shrink_past_key_result_deadlines(world):
    ops = world.actor("ops")
    end = world.cycle.end
    goals.key_result_update(actor=ops, key_result=world.key_result, deadline=end)
    with pytest.raises(ValidationError) as raised:
        goals.cycle_update(actor=ops, cycle=world.cycle, end=end - dt.timedelta(days=10))
    assert "Move that deadline first" in " ".join(raised.value.messages)
    assert fresh(world.cycle).end == end


def test_a_stale_copy_of_a_closed_cycle_cannot_write(world):
    ops = world.actor("ops")
    stale = KeyResult.objects.select_related("objective__cycle").get(pk=world.key_result.pk)
    goals.cycle_transition(actor=ops, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=ops, cycle=world.cycle, status="closed")
    with pytest.raises(ValidationError):
        goals.key_result_check_in(actor=ops, key_result=stale, value=25)
    assert not CheckIn.objects.filter(key_result=world.key_result, value=25).exists()


@pytest.mark.parametrize(
    ("start", "to", "message"),
    [
        ("planning", "review", "A cycle in planning can move to active, not to review."),
        ("planning", "closed", "A cycle in planning can move to active, not to closed."),
        ("active", "closed", "A cycle in active can move to planning, review, not to closed."),
        ("active", "active", "A cycle in active can move to planning, review, not to active."),
        ("review", "planning", "A cycle in review can move to active, closed, not to planning."),
        ("closed", "active", "A cycle in closed can move to review, not to active."),
        ("closed", "planning", "A cycle in closed can move to review, not to planning."),
        ("active", "archived", "A cycle in active can move to planning, review, not to archived."),
    ],
)
def test_cycle_transition_refused(world, start, to, message):
    cycle = cycle_in(world, start)

    error = refused(
        ValidationError,
        lambda: goals.cycle_transition(actor=world.actor("admin"), cycle=cycle, status=to),
    )

    assert error.message_dict == {"status": [message]}


def test_closing_records_final_scores_equal_to_rounded_objective_progress(world):
    admin = world.actor("admin")
    second = goals.key_result_create(
        actor=admin, objective=world.objective, title="Reorders in one tap", baseline=0, target=3
    )
    check_in(world, world.key_result, 30)  # decrease 40 -> 20: half way
    check_in(world, second, 1)  # a third of the way
    progress = (0.5 + 1 / 3) / 2

    close(world, world.cycle)

    assert fresh(world.objective).final_score == Decimal("0.42")
    # The checkout objective feeds the company key result, the company objective's only one.
    assert fresh(world.company_objective).final_score == Decimal("0.42")
    assert objective_score(progress) == 0.42
    event = last_event(world)
    assert (event.action, event.after["status"]) == ("cycle.transition", "closed")
    assert event.after["final_scores"] == {
        str(world.company_objective.pk): 0.42,
        str(world.objective.pk): 0.42,
    }


def test_closing_gives_no_score_to_cancelled_or_unmeasured_objectives(world):
    admin = world.actor("admin")
    check_in(world, world.key_result, 20)
    unmeasured = goals.objective_create(
        actor=admin, cycle=world.cycle, team=world.search, title="Find anything"
    )
    goals.objective_update(actor=admin, objective=world.company_objective, state="cancelled")

    close(world, world.cycle)

    assert fresh(world.objective).final_score == Decimal("1.00")
    assert fresh(world.company_objective).final_score is None
    assert fresh(unmeasured).final_score is None


def test_reopening_a_closed_cycle_allows_writes_again(world):
    close(world, world.cycle)
    refused(ValidationError, lambda: check_in(world, world.key_result, 30))

    goals.cycle_transition(actor=world.actor("admin"), cycle=world.cycle, status="review")
    check_in(world, world.key_result, 30)

    assert fresh(world.key_result).current == 30


def test_cycle_delete_in_planning_removes_it_with_its_objectives(world):
    admin = world.actor("admin")
    cycle = cycle_in(world, Cycle.Status.PLANNING)
    cycle_id = cycle.pk
    objective = goals.objective_create(actor=admin, cycle=cycle, team=world.search, title="Later")

    goals.cycle_delete(actor=admin, cycle=cycle)

    assert not Cycle.objects.filter(pk=cycle_id).exists()
    assert not Objective.objects.filter(pk=objective.pk).exists()
    event = last_event(world)
    assert (event.action, event.object_id) == ("cycle.delete", cycle_id)
    assert event.before["name"] == "2027-Q1"


@pytest.mark.parametrize("status", ["active", "review", "closed"])
def test_cycle_that_ran_cannot_be_deleted(world, status):
    cycle = cycle_in(world, status)

    error = refused(
        ValidationError, lambda: goals.cycle_delete(actor=world.actor("admin"), cycle=cycle)
    )

    assert "Only a cycle still in planning can be deleted" in error.messages[0]


# Objectives -------------------------------------------------------------------------------------


def test_objective_create_by_lead_records_it(world):
    objective = goals.objective_create(
        actor=world.actor("lead"),
        cycle=world.cycle,
        team=world.checkout,
        title="Guests check out in one minute",
        state="draft",
        commitment="aspirational",
    )

    event = last_event(world)
    assert (event.action, event.actor_id, event.object_id) == (
        "objective.create",
        world.users["lead"].pk,
        objective.pk,
    )
    assert event.after == {
        "organization": world.org.pk,
        "cycle": world.cycle.pk,
        "ref": "o-guests-check-out-in-one-minute",
        "team": world.checkout.pk,
        "title": "Guests check out in one minute",
        "description": "",
        "parent_key_result": None,
        "contributes": False,
        "commitment": "aspirational",
        "state": "draft",
        "final_score": None,
    }


def test_objective_may_serve_a_key_result_of_a_team_above(world):
    objective = goals.objective_create(
        actor=world.actor("ops"),
        cycle=world.cycle,
        team=world.search,
        title="Find the right recipe",
        parent_key_result=world.company_kr,
        contributes=True,
    )

    assert fresh(objective).parent_key_result == world.company_kr


def objective_refusals(world: Any) -> dict[str, tuple[dict[str, Any], set[str]]]:
    later = cycle_in(world, Cycle.Status.PLANNING)
    later_objective = goals.objective_create(
        actor=world.actor("admin"), cycle=later, team=world.company, title="Next quarter"
    )
    later_kr = goals.key_result_create(
        actor=world.actor("admin"), objective=later_objective, title="Later KR", target=5
    )
    return {
        "other-cycle-parent": (
            {"team": world.search, "parent_key_result": later_kr, "state": "draft"},
            {"parent_key_result"},
        ),
        "own-team-parent": (
            {"team": world.company, "parent_key_result": world.company_kr, "state": "draft"},
            {"parent_key_result"},
        ),
        "sibling-team-parent": (
            {"team": world.search, "parent_key_result": world.key_result},
            {"parent_key_result"},
        ),
        "contributes-without-parent": (
            {"team": world.search, "contributes": True},
            {"contributes"},
        ),
        "second-active-objective": ({"team": world.checkout}, {"team"}),
        "no-title": ({"team": world.search, "title": ""}, {"title"}),
        "unknown-state": ({"team": world.search, "state": "paused"}, {"state"}),
    }


@pytest.mark.parametrize(
    "case",
    [
        "other-cycle-parent",
        "own-team-parent",
        "sibling-team-parent",
        "contributes-without-parent",
        "second-active-objective",
        "no-title",
        "unknown-state",
    ],
)
def test_objective_create_refused(world, case):
    fields, error_fields = objective_refusals(world)[case]
    fields = {"title": "Delight", **fields}

    error = refused(
        ValidationError,
        lambda: goals.objective_create(actor=world.actor("admin"), cycle=world.cycle, **fields),
    )

    assert set(error.message_dict) == error_fields


def test_draft_objective_does_not_count_against_the_limit(world):
    objective = goals.objective_create(
        actor=world.actor("lead"), cycle=world.cycle, team=world.checkout, title="B", state="draft"
    )

    error = refused(
        ValidationError,
        lambda: goals.objective_update(
            actor=world.actor("lead"), objective=objective, state="active"
        ),
    )
    assert set(error.message_dict) == {"team"}


def test_objectives_per_team_setting_raises_the_limit(world):
    workspace.organization_update(actor=world.actor("admin"), objectives_per_team=2)
    world.org.refresh_from_db()

    objective = goals.objective_create(
        actor=world.actor("lead"), cycle=world.cycle, team=world.checkout, title="Second"
    )

    assert fresh(objective).state == Objective.State.ACTIVE


def test_objective_create_in_a_cycle_of_another_organization_is_not_found(world):
    refused(
        Http404,
        lambda: goals.objective_create(
            actor=world.actor("admin"), cycle=world.other_cycle, team=world.search, title="Spy"
        ),
    )


def test_objective_cannot_serve_a_key_result_of_another_organization(world):
    refused(
        Http404,
        lambda: goals.objective_create(
            actor=world.actor("admin"),
            cycle=world.cycle,
            team=world.search,
            title="Spy",
            parent_key_result=world.other_key_result,
        ),
    )


def test_objective_update_records_before_and_after(world):
    goals.objective_update(
        actor=world.actor("lead"), objective=world.objective, title="Reordering in one tap"
    )

    assert fresh(world.objective).title == "Reordering in one tap"
    event = last_event(world)
    assert event.action == "objective.update"
    assert event.before == {"title": "Make reordering effortless"}
    assert event.after == {"title": "Reordering in one tap"}


def test_lead_cannot_move_an_objective_to_a_team_they_do_not_lead(world):
    error = refused(
        Forbidden,
        lambda: goals.objective_update(
            actor=world.actor("lead"), objective=fresh(world.objective), team=world.search
        ),
    )

    assert "do not lead" in str(error)


def test_objective_delete_removes_key_results_and_unaligns_children(world):
    company_objective_id = world.company_objective.pk

    goals.objective_delete(actor=world.actor("ops"), objective=world.company_objective)

    assert not KeyResult.objects.filter(pk=world.company_kr.pk).exists()
    child = fresh(world.objective)
    assert (child.parent_key_result, child.contributes) == (None, False)
    event = last_event(world)
    assert (event.action, event.object_id) == ("objective.delete", company_objective_id)
    assert event.before["title"] == "Home cooks trust us"


# Key results ------------------------------------------------------------------------------------


def test_key_result_create_by_member_records_it(world):
    key_result = goals.key_result_create(
        actor=world.actor("member"),
        objective=world.objective,
        title="Refund rate from 10% to 5%",
        direction="decrease",
        baseline="10",
        target=5,
        unit="%",
        owner=world.users["member"],
        deadline=world.cycle.end,
    )

    stored = fresh(key_result)
    assert (stored.baseline, stored.target, stored.position) == (10, 5, 1)
    event = last_event(world)
    assert (event.action, event.actor_id) == ("key_result.create", world.users["member"].pk)
    assert event.after["baseline"] == "10"
    assert event.after["target"] == "5"
    assert event.after["owner"] == world.users["member"].pk
    assert event.after["deadline"] == world.cycle.end.isoformat()


def test_key_result_create_refuses_more_than_the_maximum(world):
    member = world.actor("member")
    for number in range(2, 6):
        goals.key_result_create(actor=member, objective=world.objective, title=f"KR {number}")

    error = refused(
        ValidationError,
        lambda: goals.key_result_create(actor=member, objective=world.objective, title="KR 6"),
    )

    assert set(error.message_dict) == {"objective"}


def key_result_refusals(world: Any) -> dict[str, dict[str, Any]]:
    return {
        "owner-outside": {"owner": world.users["outsider"]},
        "deadline-after-cycle": {"deadline": world.cycle.end + dt.timedelta(days=1)},
        "deadline-before-cycle": {"deadline": world.cycle.start - dt.timedelta(days=1)},
    }


@pytest.mark.parametrize(
    ("case", "fields", "error_fields"),
    [
        ("owner-outside", {}, {"owner"}),
        ("deadline-after-cycle", {}, {"deadline"}),
        ("deadline-before-cycle", {}, {"deadline"}),
        ("increase-target-below", {"baseline": 10, "target": 5}, {"target"}),
        (
            "decrease-target-above",
            {"direction": "decrease", "baseline": 5, "target": 10},
            {"target"},
        ),
        ("increase-target-equal", {"baseline": 5, "target": 5}, {"target"}),
        (
            "decrease-target-equal",
            {"direction": "decrease", "baseline": 5, "target": 5},
            {"target"},
        ),
        ("binary-without-chance", {"kind": "binary"}, {"chance_of_success"}),
        (
            "binary-chance-above-one",
            {"kind": "binary", "chance_of_success": 1.5},
            {"chance_of_success"},
        ),
        ("metric-with-chance", {"chance_of_success": 0.5}, {"chance_of_success"}),
        ("text-baseline", {"baseline": "abc"}, {"baseline"}),
        ("nan-target", {"target": float("nan")}, {"target"}),
        ("infinite-target", {"target": "Infinity"}, {"target"}),
        ("negative-weight", {"weight": -1}, {"weight"}),
        ("unknown-direction", {"direction": "sideways"}, {"direction"}),
        ("no-title", {"title": ""}, {"title"}),
    ],
)
def test_key_result_create_refused(world, case, fields, error_fields):
    fields = {"title": "Orders per week up", **key_result_refusals(world).get(case, {}), **fields}

    error = refused(
        ValidationError,
        lambda: goals.key_result_create(
            actor=world.actor("member"), objective=world.objective, **fields
        ),
    )

    assert set(error.message_dict) == error_fields


@pytest.mark.parametrize("direction", ["at_least", "at_most"])
def test_keeping_a_level_may_have_target_equal_to_baseline(world, direction):
    key_result = goals.key_result_create(
        actor=world.actor("member"),
        objective=world.objective,
        title="Uptime stays at 99.9%",
        direction=direction,
        baseline="99.9",
        target="99.9",
    )

    assert fresh(key_result).target == Decimal("99.9")


@pytest.mark.parametrize("day", ["start", "end"])
def test_key_result_deadline_may_be_on_the_cycle_edges(world, day):
    deadline = getattr(world.cycle, day)

    key_result = goals.key_result_create(
        actor=world.actor("member"), objective=world.objective, title="Edge", deadline=deadline
    )

    assert fresh(key_result).deadline == deadline


def test_binary_key_result_runs_from_zero_to_one(world):
    key_result = goals.key_result_create(
        actor=world.actor("member"),
        objective=world.objective,
        title="One-tap reorder shipped",
        kind="binary",
        direction="decrease",
        baseline=7,
        target=3,
        chance_of_success="0.6",
    )

    stored = fresh(key_result)
    assert (stored.direction, stored.baseline, stored.target) == ("increase", 0, 1)
    assert stored.chance_of_success == Decimal("0.6")


def test_key_result_update_records_changed_numbers(world):
    goals.key_result_update(actor=world.actor("member"), key_result=world.key_result, target=10)

    assert fresh(world.key_result).target == 10
    event = last_event(world)
    assert event.action == "key_result.update"
    assert (event.before, event.after) == ({"target": "20"}, {"target": "10"})


@pytest.mark.parametrize(
    ("key_result", "changes", "error_fields"),
    [
        ("key_result", {"target": 50}, {"target"}),
        ("key_result", {"target": 40}, {"target"}),
        ("company_kr", {"target": 3}, {"target"}),
        ("company_kr", {"baseline": 15}, {"target"}),
        ("company_kr", {"owner_is_outsider": True}, {"owner"}),
        ("company_kr", {"weight": "heavy"}, {"weight"}),
    ],
)
def test_key_result_update_refused(world, key_result, changes, error_fields):
    key_result = fresh(getattr(world, key_result))
    if changes.pop("owner_is_outsider", False):
        changes["owner"] = world.users["outsider"]

    error = refused(
        ValidationError,
        lambda: goals.key_result_update(
            actor=world.actor("admin"), key_result=key_result, **changes
        ),
    )

    assert set(error.message_dict) == error_fields


def test_key_result_with_a_metric_value_cannot_become_binary(world):
    check_in(world, world.key_result, 30)

    error = refused(
        ValidationError,
        lambda: goals.key_result_update(
            actor=world.actor("member"),
            key_result=fresh(world.key_result),
            kind="binary",
            chance_of_success="0.5",
        ),
    )

    assert set(error.message_dict) == {"current"}


def test_key_result_turned_binary_records_its_new_scale(world):
    goals.key_result_update(
        actor=world.actor("member"),
        key_result=world.key_result,
        kind="binary",
        chance_of_success=0.5,
    )

    stored = fresh(world.key_result)
    assert (stored.kind, stored.direction, stored.baseline, stored.target) == (
        "binary",
        "increase",
        0,
        1,
    )
    event = last_event(world)
    assert event.before == {
        "kind": "metric",
        "direction": "decrease",
        "baseline": "40",
        "target": "20",
        "chance_of_success": None,
    }
    assert event.after == {
        "kind": "binary",
        "direction": "increase",
        "baseline": "0",
        "target": "1",
        "chance_of_success": "0.5",
    }


def test_binary_key_result_keeps_its_scale_and_the_audit_log_says_so(world, binary_kr):
    goals.key_result_update(
        actor=world.actor("member"),
        key_result=binary_kr,
        title="One-tap reorder live",
        direction="decrease",
        target=5,
    )

    stored = fresh(binary_kr)
    assert (stored.direction, stored.baseline, stored.target) == ("increase", 0, 1)
    event = last_event(world)
    assert event.before == {"title": "One-tap reorder shipped"}
    assert event.after == {"title": "One-tap reorder live"}


def test_key_result_delete_unaligns_the_objectives_serving_it(world):
    key_result_id = world.company_kr.pk

    goals.key_result_delete(actor=world.actor("admin"), key_result=world.company_kr)

    assert not KeyResult.objects.filter(pk=key_result_id).exists()
    child = fresh(world.objective)
    assert (child.parent_key_result, child.contributes) == (None, False)
    event = last_event(world)
    assert (event.action, event.object_id) == ("key_result.delete", key_result_id)
    assert event.before["title"] == "Repeat purchase rate from 5% to 15%"


# Check-ins --------------------------------------------------------------------------------------


def test_check_in_becomes_current_and_is_recorded(world):
    at = timezone.now() - dt.timedelta(hours=1)

    entry = goals.key_result_check_in(
        actor=world.actor("member"),
        key_result=world.key_result,
        value="30",
        confidence=7,
        note="New button live",
        at=at,
    )

    assert fresh(world.key_result).current == 30
    assert (entry.author, entry.source) == (world.users["member"], "manual")
    event = last_event(world)
    assert (event.action, event.object_id) == ("key_result.check_in", world.key_result.pk)
    assert event.after == {
        "value": "30",
        "confidence": 7,
        "note": "New button live",
        "source": "manual",
        "created_at": at.isoformat(),
    }


def test_decrease_key_result_progress_is_half_way(world):
    check_in(world, world.key_result, 30)

    assert fresh(world.key_result).progress == 0.5


def test_newest_check_in_wins_but_a_back_dated_one_does_not(world):
    check_in(world, world.key_result, 30, at=timezone.now() - dt.timedelta(days=2))
    check_in(world, world.key_result, 25)
    check_in(world, world.key_result, 38, at=timezone.now() - dt.timedelta(days=5))

    assert fresh(world.key_result).current == 25
    assert CheckIn.objects.filter(key_result=world.key_result).count() == 3


@pytest.mark.parametrize(
    ("fields", "error_fields"),
    [
        ({"at_future": True}, {"at"}),
        ({"value": "abc"}, {"value"}),
        ({"value": float("nan")}, {"value"}),
        ({"value": "NaN"}, {"value"}),
        ({"value": float("inf")}, {"value"}),
        ({"value": True}, {"value"}),
        ({"value": None}, {"value"}),
        ({"confidence": 11}, {"confidence"}),
        ({"confidence": -1}, {"confidence"}),
        ({"source": "pigeon"}, {"source"}),
    ],
)
def test_check_in_refused(world, fields, error_fields):
    fields = {"value": 30, **fields}
    if fields.pop("at_future", False):
        fields["at"] = timezone.now() + dt.timedelta(days=1)

    error = refused(
        ValidationError,
        lambda: goals.key_result_check_in(
            actor=world.actor("member"), key_result=world.key_result, **fields
        ),
    )

    assert set(error.message_dict) == error_fields


@pytest.mark.parametrize("value", [0.5, 2, -1])
def test_binary_check_in_is_only_zero_or_one(world, binary_kr, value):
    error = refused(ValidationError, lambda: check_in(world, binary_kr, value))

    assert set(error.message_dict) == {"value"}


def test_binary_check_in_of_one_is_done(world, binary_kr):
    check_in(world, binary_kr, 1)

    assert fresh(binary_kr).progress == 1.0


def test_binary_check_in_updates_chance_of_success(world, binary_kr):
    check_in(world, binary_kr, 0, chance_of_success="0.3")

    assert fresh(binary_kr).chance_of_success == Decimal("0.3")


@pytest.mark.parametrize("chance", ["1.2", "-0.1", "likely"])
def test_binary_check_in_refuses_bad_chance_of_success(world, binary_kr, chance):
    error = refused(
        ValidationError, lambda: check_in(world, binary_kr, 0, chance_of_success=chance)
    )

    assert set(error.message_dict) == {"chance_of_success"}


def test_metric_check_in_refuses_chance_of_success(world):
    error = refused(
        ValidationError, lambda: check_in(world, world.key_result, 30, chance_of_success="0.5")
    )

    assert set(error.message_dict) == {"chance_of_success"}


def test_idempotency_key_returns_the_same_check_in_and_writes_one_row(world):
    first = check_in(world, world.key_result, 30, idempotency_key="req-1")
    before = database_state()

    again = check_in(world, world.key_result, 31, idempotency_key="req-1")

    assert again.pk == first.pk
    assert again.value == 30
    assert database_state() == before


def test_idempotency_key_is_per_key_result(world):
    first = check_in(world, world.key_result, 30, idempotency_key="req-1")

    other = check_in(world, world.company_kr, 10, idempotency_key="req-1")

    assert other.pk != first.pk
    assert fresh(world.company_kr).current == 10


def test_check_in_delete_restores_the_previous_value(world):
    check_in(world, world.key_result, 30, at=timezone.now() - dt.timedelta(days=1))
    wrong = check_in(world, world.key_result, 2.5)

    goals.check_in_delete(actor=world.actor("ops"), check_in=wrong)

    assert fresh(world.key_result).current == 30
    assert not CheckIn.objects.filter(pk=wrong.pk).exists()
    event = last_event(world)
    assert (event.action, event.object_id) == ("check_in.delete", world.key_result.pk)
    assert event.before["value"] == "2.5"


def test_deleting_an_older_check_in_keeps_the_newest_value(world):
    older = check_in(world, world.key_result, 30, at=timezone.now() - dt.timedelta(days=1))
    check_in(world, world.key_result, 25)

    goals.check_in_delete(actor=world.actor("admin"), check_in=older)

    assert fresh(world.key_result).current == 25


def test_deleting_the_only_check_in_leaves_no_value(world):
    only = check_in(world, world.key_result, 30)

    goals.check_in_delete(actor=world.actor("admin"), check_in=only)

    assert fresh(world.key_result).current is None


def test_only_the_author_or_a_manager_deletes_a_check_in(world):
    by_member = goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=30
    )

    refused(Forbidden, lambda: goals.check_in_delete(actor=world.actor("lead"), check_in=by_member))
    goals.check_in_delete(actor=world.actor("member"), check_in=by_member)

    assert not CheckIn.objects.filter(pk=by_member.pk).exists()


# Initiatives ------------------------------------------------------------------------------------


def test_initiative_create_records_it(world):
    initiative = goals.initiative_create(
        actor=world.actor("member"),
        key_result=world.key_result,
        title="Remember the last basket",
        link="https://tracker.example.com/CHK-12",
    )

    event = last_event(world)
    assert (event.action, event.object_id) == ("initiative.create", initiative.pk)
    assert event.after == {
        "organization": world.org.pk,
        "key_result": world.key_result.pk,
        "ref": "i-remember-the-last-basket",
        "title": "Remember the last basket",
        "status": "planned",
        "link": "https://tracker.example.com/CHK-12",
    }


@pytest.mark.parametrize(
    ("fields", "error_fields"),
    [
        ({"link": "not a url"}, {"link"}),
        ({"link": "javascript:alert(1)"}, {"link"}),
        ({"status": "someday"}, {"status"}),
        ({"title": ""}, {"title"}),
    ],
)
def test_initiative_create_refused(world, fields, error_fields):
    fields = {"title": "Remember the last basket", **fields}

    error = refused(
        ValidationError,
        lambda: goals.initiative_create(
            actor=world.actor("member"), key_result=world.key_result, **fields
        ),
    )

    assert set(error.message_dict) == error_fields


@pytest.fixture
def initiative(world: Any) -> Initiative:
    return goals.initiative_create(
        actor=world.actor("member"), key_result=world.key_result, title="Remember the last basket"
    )


def test_initiative_update_records_before_and_after(world, initiative):
    goals.initiative_update(actor=world.actor("lead"), initiative=initiative, status="in_progress")

    assert fresh(initiative).status == "in_progress"
    event = last_event(world)
    assert event.action == "initiative.update"
    assert (event.before, event.after) == ({"status": "planned"}, {"status": "in_progress"})


def test_initiative_update_refuses_a_bad_link(world, initiative):
    error = refused(
        ValidationError,
        lambda: goals.initiative_update(
            actor=world.actor("member"), initiative=fresh(initiative), link="tracker/CHK-12"
        ),
    )

    assert set(error.message_dict) == {"link"}


def test_initiative_delete_records_it(world, initiative):
    initiative_id = initiative.pk

    goals.initiative_delete(actor=world.actor("member"), initiative=initiative)

    assert not Initiative.objects.filter(pk=initiative_id).exists()
    event = last_event(world)
    assert (event.action, event.object_id) == ("initiative.delete", initiative_id)
    assert event.before["title"] == "Remember the last basket"


# A closed cycle is read-only --------------------------------------------------------------------

CLOSED_CYCLE_WRITES: dict[str, Callable[[Any, Any, dict[str, Any]], object]] = {
    "cycle_update": lambda w, a, o: goals.cycle_update(actor=a, cycle=w.cycle, name="Old"),
    "objective_create": lambda w, a, o: goals.objective_create(
        actor=a, cycle=w.cycle, team=w.search, title="Late"
    ),
    "objective_update": lambda w, a, o: goals.objective_update(
        actor=a, objective=w.objective, title="Rewritten history"
    ),
    "objective_delete": lambda w, a, o: goals.objective_delete(actor=a, objective=w.objective),
    "key_result_create": lambda w, a, o: goals.key_result_create(
        actor=a, objective=w.objective, title="Late KR"
    ),
    "key_result_update": lambda w, a, o: goals.key_result_update(
        actor=a, key_result=w.key_result, target=10
    ),
    "key_result_delete": lambda w, a, o: goals.key_result_delete(actor=a, key_result=w.key_result),
    "key_result_check_in": lambda w, a, o: goals.key_result_check_in(
        actor=a, key_result=w.key_result, value=21
    ),
    "check_in_delete": lambda w, a, o: goals.check_in_delete(actor=a, check_in=o["check_in"]),
    "initiative_create": lambda w, a, o: goals.initiative_create(
        actor=a, key_result=w.key_result, title="Late work"
    ),
    "initiative_update": lambda w, a, o: goals.initiative_update(
        actor=a, initiative=o["initiative"], status="done"
    ),
    "initiative_delete": lambda w, a, o: goals.initiative_delete(
        actor=a, initiative=o["initiative"]
    ),
}


@pytest.mark.parametrize("write", sorted(CLOSED_CYCLE_WRITES))
def test_closed_cycle_refuses_writes(world, write):
    admin = world.actor("admin")
    objects = {
        "check_in": check_in(world, world.key_result, 30),
        "initiative": goals.initiative_create(
            actor=admin, key_result=world.key_result, title="Remember the last basket"
        ),
    }
    close(world, world.cycle)
    # Load everything again, as the next request would, so no cached cycle is still open.
    objects = {name: fresh(instance) for name, instance in objects.items()}
    for name in ("cycle", "objective", "key_result"):
        setattr(world, name, fresh(getattr(world, name)))

    error = refused(ValidationError, lambda: CLOSED_CYCLE_WRITES[write](world, admin, objects))

    assert "is closed and its numbers are final" in error.messages[0]


# Progress board ---------------------------------------------------------------------------------


def test_contributing_child_objective_progress_becomes_parent_key_result_progress(world):
    check_in(world, world.key_result, 30)  # the child objective is half way
    check_in(world, world.company_kr, 15)  # the company key result's own value says done

    board = progress_board(actor=world.actor("viewer"), cycle_ids=[world.cycle.pk])

    assert board.objective(world.objective.pk).progress == 0.5
    assert board.key_result(world.company_kr.pk).progress == 0.5
    assert board.objective(world.company_objective.pk).progress == 0.5


def test_child_objective_that_does_not_contribute_leaves_parent_key_result_alone(world):
    check_in(world, world.key_result, 30)
    check_in(world, world.company_kr, 15)
    goals.objective_update(actor=world.actor("admin"), objective=world.objective, contributes=False)

    board = progress_board(actor=world.actor("viewer"), cycle_ids=[world.cycle.pk])

    assert board.key_result(world.company_kr.pk).progress == 1.0


def test_key_result_with_an_earlier_deadline_is_expected_further_along(world):
    start = world.cycle.start
    today = start + dt.timedelta(days=45)
    early = goals.key_result_create(
        actor=world.actor("member"),
        objective=world.objective,
        title="Abandonment of returning guests from 40% to 20%",
        direction="decrease",
        baseline=40,
        target=20,
        deadline=start + dt.timedelta(days=50),
    )
    check_in(world, world.key_result, 30)
    check_in(world, early, 30)

    board = progress_board(actor=world.actor("viewer"), cycle_ids=[world.cycle.pk], today=today)

    on_cycle_pace, on_deadline_pace = (
        board.key_result(world.key_result.pk),
        board.key_result(early.pk),
    )
    assert on_cycle_pace.expected_progress == pytest.approx(46 / 91)
    assert on_deadline_pace.expected_progress == pytest.approx(46 / 51)
    assert (on_cycle_pace.progress, on_deadline_pace.progress) == (0.5, 0.5)
    assert on_cycle_pace.status == Status.ON_TRACK
    assert on_deadline_pace.status == Status.OFF_TRACK


def test_key_result_past_its_deadline_is_expected_complete(world):
    start = world.cycle.start
    late = goals.key_result_create(
        actor=world.actor("member"),
        objective=world.objective,
        title="Launch the new basket",
        kind="binary",
        chance_of_success="0.9",
        deadline=start + dt.timedelta(days=10),
    )

    board = progress_board(
        actor=world.actor("viewer"), cycle_ids=[world.cycle.pk], today=start + dt.timedelta(45)
    )

    assert board.key_result(late.pk).expected_progress == 1.0
    assert board.key_result(late.pk).status == Status.OFF_TRACK


@pytest.mark.parametrize("objectives", [2, 20])
def test_progress_board_query_count_is_constant(world, django_assert_num_queries, objectives):
    admin = world.actor("admin")
    cycle = cycle_in(world, Cycle.Status.ACTIVE)
    for number in range(objectives):
        objective = goals.objective_create(
            actor=admin, cycle=cycle, team=world.search, title=f"O{number}", state="draft"
        )
        goals.key_result_create(actor=admin, objective=objective, title=f"KR{number}", target=10)

    with django_assert_num_queries(2):
        board = progress_board(actor=admin, cycle_ids=[cycle.pk, world.cycle.pk])

    assert len(board.objectives) == objectives + 2
    assert len(board.key_results) == objectives + 2


def test_a_draft_child_objective_does_not_feed_its_parent(world):
    ops = world.actor("ops")
    goals.key_result_check_in(actor=ops, key_result=world.key_result, value=20)  # child at 100 %
    board = progress_board(actor=ops, cycle_ids=[world.cycle.pk])
    assert board.key_result(world.company_kr.pk).progress == 1.0

    goals.objective_update(actor=ops, objective=world.objective, state="draft")

    board = progress_board(actor=ops, cycle_ids=[world.cycle.pk])
    assert board.key_result(world.company_kr.pk).progress == 0.0
