"""Refs: every team, objective, key result and initiative has a stable, readable, unique id."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from okrs.goals import services as goals
from okrs.lib.refs import is_ref, ref_base, ref_unique
from okrs.testing import refused
from okrs.workspace import services as workspace
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor


@pytest.mark.parametrize(
    ("kind", "text", "ref"),
    [
        ("team", "Checkout", "checkout"),
        ("team", "Highlights & Analysis squad", "highlights-analysis-squad"),
        ("objective", "Make reordering effortless!", "o-make-reordering-effortless"),
        (
            "key_result",
            "Taux de réussite du premier appairage",
            "kr-taux-de-reussite-du-premier-appairage",
        ),
        (
            "key_result",
            "Score medio di fine ciclo dei clienti più lunghi",
            "kr-score-medio-di-fine-ciclo-dei-clienti",
        ),
        ("initiative", "仕事", "i"),
    ],
)
def test_generated_refs_are_short_readable_slugs(kind, text, ref):
    assert ref_base(kind, text) == ref
    assert is_ref(ref) and len(ref) <= 40


def test_ref_unique_counts_up():
    assert ref_unique("checkout", set()) == "checkout"
    assert ref_unique("checkout", {"checkout", "checkout-2"}) == "checkout-3"


def test_services_give_new_objects_a_ref_unique_in_their_scope(world):
    actor = Actor.system(world.org)
    team = workspace.team_create(actor=actor, name="checkout!", parent=world.product)
    assert team.ref == "checkout-2"
    objective = goals.objective_create(
        actor=actor, cycle=world.cycle, team=world.search, title="Make reordering effortless"
    )
    assert objective.ref == "o-make-reordering-effortless-2"
    key_result = goals.key_result_create(
        actor=actor,
        objective=objective,
        title="Cut abandonment from 40% to 20%",
        metric="checkout abandonment",
        baseline=40,
        target=20,
        direction="decrease",
    )
    assert key_result.ref == "kr-checkout-abandonment-2"  # unique in the cycle, not the objective
    first = goals.initiative_create(actor=actor, key_result=key_result, title="Guest checkout")
    second = goals.initiative_create(actor=actor, key_result=key_result, title="Guest checkout")
    assert (first.ref, second.ref) == ("i-guest-checkout", "i-guest-checkout-2")
    in_other_org = workspace.team_create(actor=Actor.system(world.other_org), name="Checkout")
    assert in_other_org.ref == "checkout"


def test_a_given_ref_is_kept_and_checked(world):
    actor = Actor.system(world.org)
    assert workspace.team_create(actor=actor, name="Growth", ref="team.growth_1").ref == (
        "team.growth_1"
    )
    error = refused(
        ValidationError, lambda: workspace.team_create(actor=actor, name="Payments", ref="-bad id")
    )
    assert "ref" in error.message_dict
    refused(ValidationError, lambda: workspace.team_create(actor=actor, name="Pay", ref="search"))


def test_a_key_result_ref_is_unique_in_the_cycle(world):
    actor = Actor.system(world.org)
    error = refused(
        ValidationError,
        lambda: goals.key_result_create(
            actor=actor,
            objective=world.objective,
            title="Repeat purchases from 5% to 15%",
            ref=world.company_kr.ref,
            baseline=5,
            target=15,
        ),
    )
    assert error.message_dict["ref"] == [
        "Another key result of the cycle 2026-Q4 already has the ref 'kr-repeat-purchase-rate'."
    ]


def test_a_ref_does_not_change_when_the_name_does(world):
    team = workspace.team_update(actor=Actor.system(world.org), team=world.search, name="Discovery")
    assert Team.objects.get(pk=team.pk).ref == "search"
