"""The demo organizations load through the services and show what the product is about."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from okrs.demo.loader import demo_load
from okrs.goals.models import CheckIn, Cycle, KeyResult, Objective
from okrs.lib.errors import NotFound
from okrs.workspace.models import AuditEvent, Membership, Organization
from okrs.workspace.selectors import actor_for


@pytest.fixture
def demo(db: None) -> list[str]:
    return demo_load(password="demo-pass")


# Loading takes a couple of seconds, so each test below checks one whole area of the demo.


def test_demo_loads_both_organizations_once(demo):
    assert set(Organization.objects.values_list("slug", flat=True)) == {"demo", "demo-coaching"}
    again = demo_load(password="demo-pass")
    assert any("already loaded" in line for line in again)
    assert Organization.objects.count() == 2


def test_demo_logins_belong_where_the_issue_says(demo):
    users = get_user_model().objects
    demo_user, coach = users.get(username="demo"), users.get(username="coach")
    assert demo_user.is_superuser and demo_user.check_password("demo-pass")
    assert coach.check_password("demo-pass") and not coach.is_staff
    assert set(
        Membership.objects.filter(user=demo_user).values_list("organization__slug", flat=True)
    ) == {
        "demo",
        "demo-coaching",
    }
    assert list(
        Membership.objects.filter(user=coach).values_list("organization__slug", flat=True)
    ) == ["demo-coaching"]
    coach = get_user_model().objects.get(username="coach")
    with pytest.raises(NotFound):
        actor_for(user=coach, organization=Organization.objects.get(slug="demo"))
    demo_load(password="another-pass")
    assert get_user_model().objects.get(username="demo").check_password("another-pass")


def test_demo_content_shows_every_part_of_the_method(demo):
    cycles = {c.status: c for c in Cycle.objects.filter(organization__slug="demo")}
    assert set(cycles) == {Cycle.Status.CLOSED, Cycle.Status.ACTIVE}
    active = cycles[Cycle.Status.ACTIVE]
    assert 0.4 <= active.expected_progress() <= 0.6
    assert cycles[Cycle.Status.CLOSED].end < active.start
    closed_objectives = Objective.objects.filter(cycle=cycles[Cycle.Status.CLOSED])
    assert closed_objectives.exists()
    assert not closed_objectives.filter(final_score__isnull=True).exists()
    org = Organization.objects.get(slug="demo")
    kinds = Counter(org.teams.values_list("kind", flat=True))
    assert kinds["company"] == 1 and kinds["department"] >= 5 and kinds["team"] >= 5
    per_team = Counter(
        Objective.objects.filter(organization=org).values_list("cycle_id", "team_id")
    )
    assert set(per_team.values()) == {1}
    assert len(per_team) == 2 * org.teams.count()
    krs = KeyResult.objects.filter(organization__slug="demo")
    assert {k.direction for k in krs} == {"increase", "decrease", "at_least", "at_most"}
    binary = krs.filter(kind=KeyResult.Kind.BINARY)
    assert binary.exists() and not binary.filter(chance_of_success__isnull=True).exists()
    per_objective = Counter(krs.values_list("objective_id", flat=True))
    assert min(per_objective.values()) >= 3 and max(per_objective.values()) <= 5
    now = timezone.now()
    per_kr = Counter(
        CheckIn.objects.filter(organization__slug="demo").values_list("key_result_id", flat=True)
    )
    assert KeyResult.objects.filter(organization__slug="demo").count() == len(per_kr)
    assert min(per_kr.values()) >= 2 and max(per_kr.values()) <= 4
    assert not CheckIn.objects.filter(created_at__gt=now + dt.timedelta(minutes=1)).exists()
    assert not CheckIn.objects.filter(organization__slug="demo", note="").exists()
    objectives = Objective.objects.filter(organization__slug="demo", team__kind="team")
    aligned = objectives.filter(parent_key_result__isnull=False)
    assert aligned.count() > objectives.count() / 2
    assert Objective.objects.filter(organization__slug="demo", contributes=True).exists()
    org = Organization.objects.get(slug="demo")
    actions = set(AuditEvent.objects.filter(organization=org).values_list("action", flat=True))
    assert {
        "objective.create",
        "key_result.create",
        "key_result.check_in",
        "cycle.transition",
    } <= actions
