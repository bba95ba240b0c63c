"""Personas shared by every test: an organization with each role, and an outsider elsewhere.

acme (the organization under test)
  company "Acme" ── department "Product" ── team "Checkout"      ── team "Search"
admin, ops: managers; lead: leads Checkout; member: in Checkout; viewer: reads only;
stranger: member of Search only. outsider: admin of globex, another organization.

The clock: every test runs on a pinned day, ``PINNED_DAY`` (a Wednesday in the middle of a
quarter), with time still ticking from there, so no test depends on the day it runs. A test
that needs another moment asks ``clock_at("2026-12-31 23:30", tz="Europe/Rome")``. Threads
(the live server of the browser tests) see the same clock; ``okrs`` subprocesses run on the
real one, so what they check must not depend on the day.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import translation

from okrs.goals import services as goals
from okrs.goals.models import Cycle, KeyResult, Objective
from okrs.lib import clock
from okrs.workspace import services as workspace
from okrs.workspace.models import Organization, Role, Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import actor_for

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# 10:00 UTC on a Wednesday in the middle of a quarter: an ordinary working day.
PINNED_DAY = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[time_machine.Coordinates]:
    """Every test starts at ``PINNED_DAY``; time ticks on from there (timeouts, leases)."""
    with time_machine.travel(PINNED_DAY, tick=True) as traveller:
        yield traveller


@pytest.fixture
def clock_at(_pinned_clock: time_machine.Coordinates, settings: Any) -> Any:
    """``clock_at("2028-02-29 23:30", tz="Europe/Rome")`` moves the clock to that local moment
    (and makes ``tz`` the server's TIME_ZONE); time keeps ticking from there."""

    def move(moment: str | dt.datetime, *, tz: str = "UTC") -> dt.datetime:
        from zoneinfo import ZoneInfo

        settings.TIME_ZONE = tz
        at = moment if isinstance(moment, dt.datetime) else dt.datetime.fromisoformat(moment)
        if at.tzinfo is None:
            at = at.replace(tzinfo=ZoneInfo(tz))
        _pinned_clock.move_to(at, tick=True)
        return at

    return move


@pytest.fixture(autouse=True)
def _test_defaults(settings: Any) -> Iterator[None]:
    """Fast password hashing (personas have passwords) and English unless a test says otherwise."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    translation.activate("en")
    yield
    translation.deactivate()


# ${NAME} variables the tests' data sources read, allowed as an operator would allow them.
TEST_SOURCE_VARIABLES = [
    "BASE_URL",
    "DATA_DIR",
    "DB",
    "DB_PASSWORD",
    "DB_USER",
    "HOST",
    "LAKE",
    "OKRS_TEST_NOT_SET",
    "OKRS_TEST_UNSET",
    "OKRS_TEST_WAREHOUSE",
    "PG_PASSWORD",
    "PW",
    "SCHEME",
    "WAREHOUSE_URL",
    "X",
    "Y",
]


@pytest.fixture(autouse=True, scope="session")
def _data_source_confinement() -> Iterator[None]:
    """Tests keep their files in the temporary folder: it is a file root of the test run (for
    the workers the tests start too), beside the default roots inside OKRS_HOME."""
    import tempfile

    from django.conf import settings

    from okrs.metrics import connectors

    roots = [*settings.OKRS_FILE_ROOTS, tempfile.gettempdir()]
    os.environ["OKRS_FILE_ROOTS"] = ",".join(roots)
    os.environ["OKRS_SOURCE_VARIABLES"] = ",".join(TEST_SOURCE_VARIABLES)
    own = connectors.confinement().own_databases
    connectors.confine(file_roots=roots, variables=TEST_SOURCE_VARIABLES, own_databases=own)
    yield


@pytest.fixture(autouse=True, scope="session")
def _close_metric_connections(django_db_setup: None) -> Iterator[None]:
    """Metric queries keep pooled connections (some to the test database itself): close them
    before pytest-django drops that database (set up first, so torn down first)."""
    yield
    from okrs.metrics.connectors import dispose_engines

    dispose_engines()


@dataclass
class World:
    org: Organization
    other_org: Organization
    company: Team
    product: Team
    checkout: Team
    search: Team
    users: dict[str, Any]
    cycle: Cycle
    company_objective: Objective
    company_kr: KeyResult
    objective: Objective
    key_result: KeyResult
    other_cycle: Cycle
    other_objective: Objective
    other_key_result: KeyResult

    def actor(self, persona: str) -> Actor:
        org = self.other_org if persona == "outsider" else self.org
        return actor_for(user=self.users[persona], organization=org)


PERSONAS = {
    "admin": Role.ADMIN,
    "ops": Role.OPS,
    "lead": Role.LEAD,
    "member": Role.MEMBER,
    "viewer": Role.VIEWER,
    "stranger": Role.MEMBER,
}


def make_cycle(actor: Actor, name: str, *, today: dt.date | None = None) -> Cycle:
    """An active cycle that started 45 days ago and lasts 91 days."""
    today = today or clock.today()
    start = today - dt.timedelta(days=45)
    cycle = goals.cycle_create(
        actor=actor, name=name, start=start, end=start + dt.timedelta(days=90)
    )
    return goals.cycle_transition(actor=actor, cycle=cycle, status=Cycle.Status.ACTIVE)


@pytest.fixture
def world(db: None) -> World:
    org = workspace.organization_create(slug="acme", name="Acme")
    other_org = workspace.organization_create(slug="globex", name="Globex")
    system, other_system = Actor.system(org), Actor.system(other_org)
    users = {
        name: workspace.user_create(username=name, password="pw-" + name)
        for name in [*PERSONAS, "outsider"]
    }
    for name, role in PERSONAS.items():
        workspace.membership_add(actor=system, user=users[name], role=role)
    workspace.membership_add(actor=other_system, user=users["outsider"], role=Role.ADMIN)
    company = workspace.team_create(actor=system, name="Acme", kind=Team.Kind.COMPANY)
    product = workspace.team_create(
        actor=system, name="Product", kind=Team.Kind.DEPARTMENT, parent=company
    )
    checkout = workspace.team_create(actor=system, name="Checkout", parent=product)
    search = workspace.team_create(actor=system, name="Search", parent=product)
    workspace.team_member_set(actor=system, team=checkout, user=users["lead"], is_lead=True)
    workspace.team_member_set(actor=system, team=checkout, user=users["member"])
    workspace.team_member_set(actor=system, team=search, user=users["stranger"])
    cycle = make_cycle(system, "2026-Q4")
    company_objective = goals.objective_create(
        actor=system, cycle=cycle, team=company, title="Home cooks trust us"
    )
    company_kr = goals.key_result_create(
        actor=system,
        objective=company_objective,
        title="Repeat purchase rate from 5% to 15%",
        metric="repeat purchase rate",
        unit="%",
        baseline=5,
        target=15,
    )
    objective = goals.objective_create(
        actor=system,
        cycle=cycle,
        team=checkout,
        title="Make reordering effortless",
        parent_key_result=company_kr,
        contributes=True,
    )
    key_result = goals.key_result_create(
        actor=system,
        objective=objective,
        title="Cut checkout abandonment from 40% to 20%",
        metric="checkout abandonment",
        unit="%",
        direction="decrease",
        baseline=40,
        target=20,
    )
    other_outsider = actor_for(user=users["outsider"], organization=other_org)
    other_team = workspace.team_create(actor=other_outsider, name="Globex", kind=Team.Kind.COMPANY)
    other_cycle = make_cycle(other_outsider, "2026-Q4")
    other_objective = goals.objective_create(
        actor=other_outsider, cycle=other_cycle, team=other_team, title="Globex wins"
    )
    other_key_result = goals.key_result_create(
        actor=other_outsider,
        objective=other_objective,
        title="Revenue from 1M to 2M",
        baseline=1,
        target=2,
    )
    return World(
        org=org,
        other_org=other_org,
        company=company,
        product=product,
        checkout=checkout,
        search=search,
        users=users,
        cycle=cycle,
        company_objective=company_objective,
        company_kr=company_kr,
        objective=objective,
        key_result=key_result,
        other_cycle=other_cycle,
        other_objective=other_objective,
        other_key_result=other_key_result,
    )


class ApiClient:
    """Django's test client speaking JSON with a bearer token."""

    def __init__(self, token: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def call(
        self, method: str, path: str, body: Any = None, *, raw: str | None = None, **headers: str
    ) -> Any:
        data = raw if raw is not None else (None if body is None else json.dumps(body))
        response = getattr(self.client, method.lower())(
            "/api/v1" + path,
            data=data,
            content_type="application/json",
            headers={**self.headers, **headers},
        )
        response.json_body = response.json() if response.content else None
        return response

    def get(self, path: str, **kw: Any) -> Any:
        return self.call("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Any:
        return self.call("POST", path, body, **kw)

    def patch(self, path: str, body: Any = None, **kw: Any) -> Any:
        return self.call("PATCH", path, body, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.call("DELETE", path, **kw)


@pytest.fixture
def api(world: World) -> Any:
    """``api("member")`` is a client acting with a fresh token of that persona."""

    def make(persona: str) -> ApiClient:
        org = world.other_org if persona == "outsider" else world.org
        _, secret = workspace.api_token_create(user=world.users[persona], organization=org)
        return ApiClient(secret)

    return make
