"""The coach's writes: saving the draft of the "from pain to key result" flow.

The coach itself writes nothing; the one exception is the end of the pain flow, which creates a
draft objective with its key results through the goals services (each records its own audit
event), all in one transaction: a refused key result leaves no half-made objective behind.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from okrs.coach.pain import Pain, draft_description
from okrs.goals import services as goals
from okrs.goals.models import Cycle, Objective
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor


@transaction.atomic
def pain_draft_create(
    *, actor: Actor, team: Team, cycle: Cycle, title: str, pains: Sequence[Pain]
) -> Objective:
    """A draft objective for ``team`` in ``cycle``, a key result for each pain.

    Each key result starts at the pain's value today, recorded as its first check-in: the number
    that proves the pain is also what makes the key result measurable before the cycle starts.
    """
    objective = goals.objective_create(
        actor=actor,
        cycle=cycle,
        team=team,
        title=title,
        description=draft_description([pain.text for pain in pains]),
        state=Objective.State.DRAFT,
    )
    for pain in pains:
        key_result = goals.key_result_create(
            actor=actor,
            objective=objective,
            title=pain.key_result_title,
            metric=pain.metric.strip(),
            unit=pain.unit.strip(),
            direction=pain.direction,
            baseline=pain.current,
            target=pain.target,
        )
        goals.key_result_check_in(
            actor=actor,
            key_result=key_result,
            value=pain.current,
            note=_("Value today, measured when the key result was drafted: %(pain)s")
            % {"pain": pain.text.strip()},
        )
    return objective
