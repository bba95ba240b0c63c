"""Fixtures of the API tests: one row of every kind in acme, and a snapshot of acme's data.

The personas and the ``world`` come from tests/conftest.py; these add what the API tests need
on top: a check-in and an initiative (the only kinds ``world`` lacks) and a way to prove that a
refused request changed nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace.models import AuditEvent, Membership, Organization, Team, TeamMember

# Every table holding an organization's data, with the lookup that scopes it to one.
ORGANIZATION_TABLES = [
    (Team, "organization"),
    (Membership, "organization"),
    (TeamMember, "team__organization"),
    (Cycle, "organization"),
    (Objective, "organization"),
    (KeyResult, "organization"),
    (CheckIn, "organization"),
    (Initiative, "organization"),
    (DataSource, "organization"),
    (MetricDefinition, "organization"),
    (AuditEvent, "organization"),
]


def organization_state(org: Organization) -> dict[str, list[dict[str, Any]]]:
    """Every row of ``org``'s data, field by field, in a stable order."""
    return {
        model.__name__: list(model.objects.filter(**{lookup: org}).order_by("pk").values())
        for model, lookup in ORGANIZATION_TABLES
    }


@pytest.fixture
def acme_state(world: Any) -> Callable[[], dict[str, list[dict[str, Any]]]]:
    """``acme_state()`` is a snapshot of acme's data; compare two to prove nothing changed."""
    return lambda: organization_state(world.org)


@pytest.fixture
def state_of() -> Callable[[Organization], dict[str, list[dict[str, Any]]]]:
    """``state_of(org)``: the snapshot of any organization, such as the outsider's globex."""
    return organization_state


@pytest.fixture
def check_in(world: Any) -> CheckIn:
    """The member's check-in of 30 on Checkout's key result (abandonment 40% → 20%)."""
    return goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=30, confidence=6
    )


@pytest.fixture
def initiative(world: Any) -> Initiative:
    """An initiative under Checkout's key result."""
    return goals.initiative_create(
        actor=world.actor("admin"),
        key_result=world.key_result,
        title="One-click reorder button",
        link="https://example.com/issues/1",
    )


@pytest.fixture
def search_objective(world: Any) -> Objective:
    """Search's objective in the current cycle: a team the lead and the member are not in."""
    return goals.objective_create(
        actor=world.actor("admin"), cycle=world.cycle, team=world.search, title="Find it at once"
    )
