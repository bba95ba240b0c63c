"""The coach's one write: the draft objective at the end of the pain flow, all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from okrs.coach.pain import Pain
from okrs.coach.services import pain_draft_create
from okrs.goals.models import CheckIn, KeyResult, Objective
from okrs.workspace import services as workspace
from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor

PAINS = [
    Pain("Features cost more than planned", "cost overrun", Decimal(30), Decimal(10), "%"),
    Pain("Slow support", "first reply time", Decimal(9), Decimal(4), "hours"),
]


def test_the_draft_is_an_objective_with_a_key_result_and_a_check_in_per_pain(world) -> None:
    objective = pain_draft_create(
        actor=world.actor("lead"),
        team=world.checkout,
        cycle=world.cycle,
        title="Plan with confidence",
        pains=PAINS,
    )
    assert objective.state == Objective.State.DRAFT
    key_results = list(objective.key_results.order_by("position"))
    assert [kr.title for kr in key_results] == [
        "Reduce cost overrun from 30% to 10%",
        "Reduce first reply time from 9 hours to 4 hours",
    ]
    assert [kr.current for kr in key_results] == [30, 9]
    assert CheckIn.objects.filter(key_result__objective=objective).count() == 2
    actions = set(
        AuditEvent.objects.filter(actor=world.users["lead"]).values_list("action", flat=True)
    )
    assert {"objective.create", "key_result.create", "key_result.check_in"} <= actions


def test_a_refused_key_result_leaves_no_half_made_objective(world) -> None:
    workspace.organization_update(
        actor=Actor.system(world.org), min_key_results=1, max_key_results=1
    )
    world.org.refresh_from_db()
    before = (Objective.objects.count(), KeyResult.objects.count(), CheckIn.objects.count())
    with pytest.raises(ValidationError):
        pain_draft_create(
            actor=world.actor("lead"),
            team=world.checkout,
            cycle=world.cycle,
            title="Plan with confidence",
            pains=PAINS,
        )
    after = (Objective.objects.count(), KeyResult.objects.count(), CheckIn.objects.count())
    assert after == before


def test_only_those_who_set_the_teams_objective_draft_it(world) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        pain_draft_create(
            actor=world.actor("member"),
            team=world.checkout,
            cycle=world.cycle,
            title="Plan with confidence",
            pains=PAINS,
        )
    assert not Objective.objects.filter(title="Plan with confidence").exists()
