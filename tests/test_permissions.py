"""Who may write what (docs/roles.md), and that no read crosses organizations.

The matrix runs every write service as every persona: a permitted write records an audit
event by that persona; a refused one raises Forbidden (a role in acme that does not allow it)
or NotFound (the outsider, for whom acme's objects do not exist) and writes nothing at all.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.test import override_settings

from okrs.goals import selectors as goal_selectors
from okrs.goals import services as goals
from okrs.goals.models import CheckIn, KeyResult, Objective
from okrs.lib.errors import Forbidden, NotFound
from okrs.testing import database_state
from okrs.workspace import selectors as workspace_selectors
from okrs.workspace import services as workspace
from okrs.workspace.models import (
    AuditEvent,
    Membership,
    Role,
    Team,
    TeamMember,
)
from okrs.workspace.permissions import Actor

PERSONAS = ["admin", "ops", "lead", "member", "viewer", "stranger", "outsider"]
MANAGERS = frozenset({"admin", "ops"})
CHECKOUT_LEADS = MANAGERS | {"lead"}
CHECKOUT_WRITERS = MANAGERS | {"lead", "member"}
SEARCH_WRITERS = MANAGERS | {"stranger"}
# The personas log in with passwords; the production hasher would dominate the run time.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def shared_conftest(config: pytest.Config) -> Any:
    """tests/conftest.py as pytest loaded it (other folders have conftest modules of their own)."""
    path = Path(__file__).with_name("conftest.py")
    return next(
        plugin
        for plugin in config.pluginmanager.get_plugins()
        if getattr(plugin, "__file__", None) and Path(plugin.__file__) == path
    )


@pytest.fixture(scope="module")
def shared(request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: Any) -> Any:
    """The world and the scene, built once for this module inside a transaction rolled back at its end.

    Each test still runs in its own savepoint (the ``db`` fixture) and gets deep copies of the
    objects, as Django's ``setUpTestData`` does; building the world for each of the ~300 cases
    of the matrix would take most of a minute.
    """
    # The very function behind the ``world`` fixture: the same personas as every other test.
    build_world = shared_conftest(request.config).world.__wrapped__
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        world = build_world(None)
        yield world, build_scene(world)
        transaction.set_rollback(True)


@pytest.fixture
def copies(db: None, shared: Any) -> Any:
    """This test's own copies: a write on one test's objects never shows in the next."""
    return copy.deepcopy(shared)


@pytest.fixture
def world(copies: Any) -> Any:
    return copies[0]


@pytest.fixture
def scene(copies: Any) -> SimpleNamespace:
    return copies[1]


def build_scene(world: Any) -> SimpleNamespace:
    """What the matrix writes to besides the world: Search's OKRs, initiatives, check-ins, tokens."""
    system = Actor.system(world.org)
    search_objective = goals.objective_create(
        actor=system,
        cycle=world.cycle,
        team=world.search,
        title="Find any recipe",
        parent_key_result=world.company_kr,
    )
    search_kr = goals.key_result_create(
        actor=system,
        objective=search_objective,
        title="Searches with a click from 30% to 50%",
        baseline=30,
        target=50,
    )

    def check_in_by(persona: str, key_result: KeyResult) -> CheckIn:
        return goals.key_result_check_in(
            actor=world.actor(persona), key_result=key_result, value=31
        )

    tokens = {
        persona: workspace.api_token_create(
            user=world.users[persona],
            organization=world.other_org if persona == "outsider" else world.org,
        )[0]
        for persona in PERSONAS
    }
    return SimpleNamespace(
        search_objective=search_objective,
        search_kr=search_kr,
        checkout_initiative=goals.initiative_create(
            actor=system, key_result=world.key_result, title="Remember the last basket"
        ),
        search_initiative=goals.initiative_create(
            actor=system, key_result=search_kr, title="Typo-tolerant search"
        ),
        member_check_in=check_in_by("member", world.key_result),
        lead_check_in=check_in_by("lead", world.key_result),
        stranger_check_in=check_in_by("stranger", search_kr),
        empty_team=workspace.team_create(actor=system, name="Payments", parent=world.product),
        planning_cycle=goals.cycle_create(
            actor=system, name="2027-Q1", start=dt.date(2027, 1, 1), end=dt.date(2027, 3, 31)
        ),
        newcomer=workspace.user_create(username="newcomer"),
        tokens=tokens,
        memberships={m.user.username: m for m in Membership.objects.filter(organization=world.org)},
        stranger_place=TeamMember.objects.get(team=world.search, user=world.users["stranger"]),
    )


Write = Callable[[Any, Actor, SimpleNamespace, str], object]


@dataclass(frozen=True)
class Case:
    """One write service called on one object, and the acme personas allowed to do it."""

    name: str
    action: str
    allowed: frozenset[str]
    write: Write
    # False when the write touches no object of acme: the outsider then simply acts in globex.
    on_acme_object: bool = True


CASES = [
    # Workspace
    Case(
        "organization_update",
        "organization.update",
        frozenset({"admin"}),
        lambda w, a, s, p: workspace.organization_update(actor=a, vision="Cook at home"),
        on_acme_object=False,
    ),
    Case(
        "membership_add",
        "membership.create",
        MANAGERS,
        lambda w, a, s, p: workspace.membership_add(actor=a, user=s.newcomer),
        on_acme_object=False,
    ),
    Case(
        "membership_add_admin",
        "membership.create",
        frozenset({"admin"}),
        lambda w, a, s, p: workspace.membership_add(actor=a, user=s.newcomer, role=Role.ADMIN),
        on_acme_object=False,
    ),
    Case(
        "membership_set_role",
        "membership.update",
        MANAGERS,
        lambda w, a, s, p: workspace.membership_set_role(
            actor=a, membership=s.memberships["viewer"], role=Role.MEMBER
        ),
    ),
    Case(
        "membership_set_role_admin",
        "membership.update",
        frozenset({"admin"}),
        lambda w, a, s, p: workspace.membership_set_role(
            actor=a, membership=s.memberships["lead"], role=Role.ADMIN
        ),
    ),
    Case(
        "membership_remove",
        "membership.delete",
        MANAGERS,
        lambda w, a, s, p: workspace.membership_remove(actor=a, membership=s.memberships["viewer"]),
    ),
    Case(
        "team_create",
        "team.create",
        MANAGERS,
        lambda w, a, s, p: workspace.team_create(actor=a, name="Loyalty", parent=w.product),
    ),
    Case(
        "team_update",
        "team.update",
        MANAGERS,
        lambda w, a, s, p: workspace.team_update(actor=a, team=w.search, name="Discovery"),
    ),
    Case(
        "team_delete",
        "team.delete",
        MANAGERS,
        lambda w, a, s, p: workspace.team_delete(actor=a, team=s.empty_team),
    ),
    Case(
        "team_member_set",
        "team_member.create",
        MANAGERS,
        lambda w, a, s, p: workspace.team_member_set(
            actor=a, team=w.search, user=w.users["member"]
        ),
    ),
    Case(
        "team_member_remove",
        "team_member.delete",
        MANAGERS,
        lambda w, a, s, p: workspace.team_member_remove(actor=a, member=s.stranger_place),
    ),
    Case(
        "api_token_revoke_of_member",
        "api_token.revoke",
        frozenset({"admin", "member"}),
        lambda w, a, s, p: workspace.api_token_revoke(actor=a, token=s.tokens["member"]),
    ),
    Case(
        "api_token_revoke_own",
        "api_token.revoke",
        frozenset(PERSONAS) - {"outsider"},
        lambda w, a, s, p: workspace.api_token_revoke(actor=a, token=s.tokens[p]),
        on_acme_object=False,
    ),
    # Cycles
    Case(
        "cycle_create",
        "cycle.create",
        MANAGERS,
        lambda w, a, s, p: goals.cycle_create(
            actor=a, name="2027-Q2", start=dt.date(2027, 4, 1), end=dt.date(2027, 6, 30)
        ),
        on_acme_object=False,
    ),
    Case(
        "cycle_update",
        "cycle.update",
        MANAGERS,
        lambda w, a, s, p: goals.cycle_update(actor=a, cycle=w.cycle, name="2026-Q4b"),
    ),
    Case(
        "cycle_transition",
        "cycle.transition",
        MANAGERS,
        lambda w, a, s, p: goals.cycle_transition(actor=a, cycle=w.cycle, status="review"),
    ),
    Case(
        "cycle_delete",
        "cycle.delete",
        MANAGERS,
        lambda w, a, s, p: goals.cycle_delete(actor=a, cycle=s.planning_cycle),
    ),
    # Objectives
    *[
        Case(
            f"objective_create_{team}",
            "objective.create",
            allowed,
            lambda w, a, s, p, team=team: goals.objective_create(
                actor=a, cycle=w.cycle, team=getattr(w, team), title="New", state="draft"
            ),
        )
        for team, allowed in [
            ("checkout", CHECKOUT_LEADS),
            ("search", MANAGERS),
            ("company", MANAGERS),
        ]
    ],
    *[
        Case(
            f"objective_update_{name}",
            "objective.update",
            allowed,
            lambda w, a, s, p, get=get: goals.objective_update(
                actor=a, objective=get(w, s), title="Sharper"
            ),
        )
        for name, get, allowed in [
            ("checkout", lambda w, s: w.objective, CHECKOUT_LEADS),
            ("search", lambda w, s: s.search_objective, MANAGERS),
            ("company", lambda w, s: w.company_objective, MANAGERS),
        ]
    ],
    *[
        Case(
            f"objective_delete_{name}",
            "objective.delete",
            allowed,
            lambda w, a, s, p, get=get: goals.objective_delete(actor=a, objective=get(w, s)),
        )
        for name, get, allowed in [
            ("checkout", lambda w, s: w.objective, CHECKOUT_LEADS),
            ("search", lambda w, s: s.search_objective, MANAGERS),
        ]
    ],
    # Key results, check-ins and initiatives: Checkout's and Search's
    *[
        case
        for team, allowed, objective, key_result, initiative in [
            (
                "checkout",
                CHECKOUT_WRITERS,
                lambda w, s: w.objective,
                lambda w, s: w.key_result,
                lambda w, s: s.checkout_initiative,
            ),
            (
                "search",
                SEARCH_WRITERS,
                lambda w, s: s.search_objective,
                lambda w, s: s.search_kr,
                lambda w, s: s.search_initiative,
            ),
        ]
        for case in [
            Case(
                f"key_result_create_{team}",
                "key_result.create",
                allowed,
                lambda w, a, s, p, get=objective: goals.key_result_create(
                    actor=a, objective=get(w, s), title="More", target=10
                ),
            ),
            Case(
                f"key_result_update_{team}",
                "key_result.update",
                allowed,
                lambda w, a, s, p, get=key_result: goals.key_result_update(
                    actor=a, key_result=get(w, s), title="Sharper"
                ),
            ),
            Case(
                f"key_result_delete_{team}",
                "key_result.delete",
                allowed,
                lambda w, a, s, p, get=key_result: goals.key_result_delete(
                    actor=a, key_result=get(w, s)
                ),
            ),
            Case(
                f"key_result_check_in_{team}",
                "key_result.check_in",
                allowed,
                lambda w, a, s, p, get=key_result: goals.key_result_check_in(
                    actor=a, key_result=get(w, s), value=35
                ),
            ),
            Case(
                f"initiative_create_{team}",
                "initiative.create",
                allowed,
                lambda w, a, s, p, get=key_result: goals.initiative_create(
                    actor=a, key_result=get(w, s), title="Try it"
                ),
            ),
            Case(
                f"initiative_update_{team}",
                "initiative.update",
                allowed,
                lambda w, a, s, p, get=initiative: goals.initiative_update(
                    actor=a, initiative=get(w, s), status="done"
                ),
            ),
            Case(
                f"initiative_delete_{team}",
                "initiative.delete",
                allowed,
                lambda w, a, s, p, get=initiative: goals.initiative_delete(
                    actor=a, initiative=get(w, s)
                ),
            ),
        ]
    ],
    *[
        Case(
            f"check_in_delete_by_{author}",
            "check_in.delete",
            MANAGERS | {author},
            lambda w, a, s, p, author=author: goals.check_in_delete(
                actor=a, check_in=getattr(s, f"{author}_check_in")
            ),
        )
        for author in ["member", "lead", "stranger"]
    ],
]


def matrix() -> list[Any]:
    return [
        pytest.param(case, persona, id=f"{case.name}-{persona}")
        for case in CASES
        for persona in PERSONAS
        if case.on_acme_object or persona != "outsider"
    ]


@pytest.mark.parametrize(("case", "persona"), matrix())
def test_role_matrix(world, scene, case, persona):
    actor = world.actor(persona)
    user = world.users[persona]
    before = database_state()

    if persona == "outsider":
        with pytest.raises(Http404):
            case.write(world, actor, scene, persona)
        assert database_state() == before
    elif persona in case.allowed:
        case.write(world, actor, scene, persona)
        event = AuditEvent.objects.order_by("-id").first()
        assert (event.action, event.actor_id, event.organization_id) == (
            case.action,
            user.pk,
            world.org.pk,
        )
    else:
        with pytest.raises(Forbidden) as raised:
            case.write(world, actor, scene, persona)
        assert isinstance(raised.value, PermissionDenied)
        assert str(raised.value)  # a message for people, not a bare refusal
        assert database_state() == before


def test_matrix_covers_every_write_service():
    """A new public service joins the matrix, or is listed here with the reason it is not in it."""
    public = {
        name
        for module in (workspace, goals)
        for name, value in vars(module).items()
        if callable(value)
        and getattr(value, "__module__", None) == module.__name__
        and not name.startswith("_")
    }
    not_in_matrix = {
        "organization_create",  # no actor: it makes the organization and its first admin
        "api_token_create",  # no actor: the CLI and the API create a token for a member
        "user_create",  # logins belong to no organization
        "profile_set_language",  # a person's own preference, in no organization
        "to_decimal",  # reads input, writes nothing
        # The sync's fast path, called only by metrics.services.metrics_record with the system
        # actor inside its batch transaction; it applies key_result_check_in's role rule, and
        # the people-facing ways to sync (metric_sync) are role-tested in tests/metrics.
        "key_result_sync_check_in",
    }
    covered = {case.name for case in CASES}
    missing = {
        name
        for name in public - not_in_matrix
        if not any(case == name or case.startswith(name + "_") for case in covered)
    }
    assert missing == set()


# Reads never cross organizations -----------------------------------------------------------------


@pytest.fixture
def both_sides(world: Any, scene: SimpleNamespace) -> SimpleNamespace:
    """Acme and globex each with check-ins, initiatives, audit events, team members and tokens."""
    outsider = world.actor("outsider")
    goals.key_result_check_in(actor=outsider, key_result=world.other_key_result, value=1.5)
    goals.initiative_create(actor=outsider, key_result=world.other_key_result, title="Globex ads")
    other_team = Team.objects.get(organization=world.other_org)
    workspace.team_member_set(actor=outsider, team=other_team, user=world.users["outsider"])
    return SimpleNamespace(acme=world.actor("admin"), globex=outsider)


def org_ids(rows: Any) -> set[int]:
    return {row.organization_id for row in rows}


ORGANIZATION_SCOPED = {
    "cycles_for": goal_selectors.cycles_for,
    "objectives_for": goal_selectors.objectives_for,
    "key_results_for": goal_selectors.key_results_for,
    "check_ins_for": goal_selectors.check_ins_for,
    "initiatives_for": goal_selectors.initiatives_for,
    "teams_for": workspace_selectors.teams_for,
    "memberships_for": workspace_selectors.memberships_for,
    "audit_events_for": workspace_selectors.audit_events_for,
}


@pytest.mark.parametrize("selector", sorted(ORGANIZATION_SCOPED))
def test_selector_isolation(world, both_sides, selector):
    read = ORGANIZATION_SCOPED[selector]

    acme_rows, globex_rows = list(read(actor=both_sides.acme)), list(read(actor=both_sides.globex))

    assert acme_rows and globex_rows
    assert org_ids(acme_rows) == {world.org.pk}
    assert org_ids(globex_rows) == {world.other_org.pk}


def test_team_members_for_isolation(world, both_sides):
    acme = workspace_selectors.team_members_for(actor=both_sides.acme)
    globex = workspace_selectors.team_members_for(actor=both_sides.globex)

    assert {member.team.organization_id for member in acme} == {world.org.pk}
    assert {member.user.username for member in globex} == {"outsider"}


def test_organizations_for_user_isolation(world):
    assert list(workspace_selectors.organizations_for_user(user=world.users["member"])) == [
        world.org
    ]
    assert list(workspace_selectors.organizations_for_user(user=world.users["outsider"])) == [
        world.other_org
    ]


def test_actor_for_isolation(world):
    with pytest.raises(NotFound):
        workspace_selectors.actor_for(user=world.users["outsider"], organization=world.org)
    with pytest.raises(NotFound):
        workspace_selectors.actor_for(user=world.users["admin"], organization=world.other_org)


def test_actor_for_token_isolation(world):
    member = world.users["member"]
    workspace.membership_add(actor=world.actor("outsider"), user=member, role=Role.VIEWER)
    _, acme_secret = workspace.api_token_create(user=member, organization=world.org)
    _, globex_secret = workspace.api_token_create(user=member, organization=world.other_org)

    acme = workspace_selectors.actor_for_token(secret=acme_secret)
    globex = workspace_selectors.actor_for_token(secret=globex_secret)

    assert (acme.organization, acme.role, acme.team_ids) == (
        world.org,
        Role.MEMBER,
        frozenset({world.checkout.pk}),
    )
    assert (globex.organization, globex.role, globex.team_ids) == (
        world.other_org,
        Role.VIEWER,
        frozenset(),
    )


def test_member_user_isolation(world):
    globex = world.actor("outsider")

    assert workspace_selectors.member_user(actor=globex, user_id=world.users["outsider"].pk)
    with pytest.raises(NotFound):
        workspace_selectors.member_user(actor=globex, user_id=world.users["member"].pk)
    with pytest.raises(NotFound):
        workspace_selectors.member_user(
            actor=world.actor("admin"), user_id=world.users["outsider"].pk
        )


def test_team_ancestor_ids_isolation(world):
    other_team = Team.objects.get(organization=world.other_org)
    workspace.team_create(actor=world.actor("outsider"), name="Checkout", parent=other_team)

    assert workspace_selectors.team_ancestor_ids(team=world.checkout) == [
        world.product.pk,
        world.company.pk,
    ]


def test_progress_board_isolation(world):
    both_cycles = [world.cycle.pk, world.other_cycle.pk]

    acme = goal_selectors.progress_board(actor=world.actor("viewer"), cycle_ids=both_cycles)
    globex = goal_selectors.progress_board(actor=world.actor("outsider"), cycle_ids=both_cycles)

    acme_objectives = set(
        Objective.objects.filter(organization=world.org).values_list("pk", flat=True)
    )
    acme_key_results = set(
        KeyResult.objects.filter(organization=world.org).values_list("pk", flat=True)
    )
    assert world.objective.pk in acme_objectives
    assert (set(acme.objectives), set(acme.key_results)) == (acme_objectives, acme_key_results)
    assert set(globex.objectives) == {world.other_objective.pk}
    assert set(globex.key_results) == {world.other_key_result.pk}


def test_latest_check_in_isolation(world, both_sides):
    latest = goal_selectors.latest_check_in(key_result=world.other_key_result)

    assert (latest.organization_id, latest.value) == (world.other_org.pk, 1.5)
    assert goal_selectors.latest_check_in(key_result=world.company_kr) is None
