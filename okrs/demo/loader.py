"""Load the demo organizations of ``okrs.demo.data`` through the services, as a user would.

Dates are relative to today (``okrs.lib.clock``) so the demo always shows a live cycle at about
its midpoint and a closed one before it. Loading happens once; later runs only reset the demo
logins. The generated data (events, warehouse) holds the active cycle's days up to yesterday and
is written again by a later run once more days have ended. Live metrics are measured right after
loading (and on every later run, for those that are due), so their values show at once; a
worker (``okrs worker``) keeps them up to date after that.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from okrs.demo.data import ORGANIZATIONS
from okrs.demo.metrics import EVENTS_PATTERN, events_folder, events_generate
from okrs.demo.warehouse import WAREHOUSE_FILE, warehouse_generate, warehouse_path
from okrs.goals import services as goals
from okrs.goals.models import Cycle, KeyResult, Objective
from okrs.lib import clock
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource
from okrs.workspace import services as workspace
from okrs.workspace.models import Membership, Organization, Role, Team
from okrs.workspace.permissions import Actor

CYCLE_DAYS = 91
ACTIVE_DAY = 45  # today is this many days into the active cycle
DEMO_USERS = {"demo": ["demo", "demo-coaching"], "coach": ["demo-coaching"]}


def demo_load(*, password: str, today: dt.date | None = None) -> list[str]:
    """Load what is missing and reset the demo logins; return what was done, for the terminal."""
    today = today or clock.today()
    hashed = make_password(password)  # hashed once: 40 people at a second each would be slow
    report = []
    with transaction.atomic():
        for spec in ORGANIZATIONS:
            if Organization.objects.filter(slug=spec["slug"]).exists():
                report.append(f"organization '{spec['slug']}' already loaded; left as it is")
                continue
            _organization_load(spec, today=today, hashed_password=hashed)
            report.append(f"loaded organization '{spec['slug']}' ({spec['name']})")
        for username, slugs in DEMO_USERS.items():
            _demo_login(username, slugs, hashed_password=hashed)
        report.append("demo logins 'demo' and 'coach' are ready")
    # After the commit: the metrics are measured by the scheduler, as a worker would.
    report += _live_metrics_sync(today)
    return report


def _live_metrics_sync(today: dt.date) -> list[str]:
    """Write the demo's data up to last night where it is missing, then measure what is due."""
    from okrs.metrics.scheduler import run_due

    report = []
    slugs = [spec["slug"] for spec in ORGANIZATIONS if spec.get("data_sources")]
    # Where the demo's sources read their data (the OKRS_HOME of the first load).
    sources = DataSource.objects.filter(organization__slug__in=slugs).filter(
        Q(kind=DataSource.Kind.FILES, path__endswith="/" + EVENTS_PATTERN)
        | Q(kind=DataSource.Kind.SQL, url__startswith="sqlite:///", url__endswith=WAREHOUSE_FILE)
    )
    for source in sources:
        cycle = Cycle.objects.filter(
            organization_id=source.organization_id, status=Cycle.Status.ACTIVE
        ).first()
        if cycle is None:
            continue
        # Whole days only, the last one being yesterday: no day is read before it has ended.
        last_day = min(cycle.end, today - dt.timedelta(days=1))
        if last_day < cycle.start:
            continue  # the cycle started today: nothing has been exported yet
        if source.kind == DataSource.Kind.FILES:
            folder = Path(source.path).parent
            days = (last_day - cycle.start).days + 1
            rows = events_generate(folder, start=cycle.start, days=days)
            report.append(f"demo events: {rows:,} rows in {source.path}")
        else:
            path = Path(source.url.removeprefix("sqlite:///"))
            rows = warehouse_generate(path, start=cycle.start, last_day=last_day)
            report.append(f"demo warehouse: {rows:,} subscriptions in {path}")
    # One query at a time: a handful of small metrics, as a laptop's demo.
    synced = run_due(scope=Q(organization__slug__in=slugs), threads=1)
    if synced.runs:
        report.append(
            f"measured {synced.runs} live metrics: {synced.check_ins} new check-ins,"
            f" {synced.failures} failed"
        )
        report += [f"  {outcome.error}" for outcome in synced.outcomes if not outcome.ok]
    return report


def _user(username: str, hashed_password: str, **fields: Any) -> Any:
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = workspace.user_create(username=username, **fields)
    user.password = hashed_password
    user.save(update_fields=["password"])
    return user


def _demo_login(username: str, slugs: list[str], *, hashed_password: str) -> None:
    is_demo = username == "demo"
    user = _user(username, hashed_password, first_name=username.capitalize())
    user.is_staff = user.is_superuser = is_demo
    user.is_active = True
    user.save(update_fields=["is_staff", "is_superuser", "is_active"])
    for organization in Organization.objects.filter(slug__in=slugs):
        if not Membership.objects.filter(user=user, organization=organization).exists():
            role = Role.ADMIN if is_demo else Role.OPS
            workspace.membership_add(actor=Actor.system(organization), user=user, role=role)


def _cycle_dates(today: dt.date, quarter_offset: int) -> tuple[dt.date, dt.date]:
    start = today - dt.timedelta(days=ACTIVE_DAY) + dt.timedelta(days=CYCLE_DAYS * quarter_offset)
    return start, start + dt.timedelta(days=CYCLE_DAYS - 1)


def _cycle_name(start: dt.date, end: dt.date, taken: set[str]) -> str:
    middle = start + (end - start) / 2
    name = f"{middle.year}-Q{(middle.month - 1) // 3 + 1}"
    return name if name not in taken else f"{name}b"


def _organization_load(spec: dict[str, Any], *, today: dt.date, hashed_password: str) -> None:
    organization = workspace.organization_create(
        slug=spec["slug"],
        name=spec["name"],
        language=spec.get("language", "en"),
        vision=spec.get("vision", ""),
        strategy=spec.get("strategy", ""),
    )
    actor = Actor.system(organization)
    people = {}
    for person in spec["people"]:
        user = _user(
            person["username"],
            hashed_password,
            first_name=person.get("first_name", ""),
            last_name=person.get("last_name", ""),
            email=person.get("email", ""),
        )
        workspace.membership_add(actor=actor, user=user, role=person["role"])
        people[person["username"]] = user
    teams: dict[str, Team] = {}
    for team_spec in spec["teams"]:
        team = workspace.team_create(
            actor=actor,
            name=team_spec["name"],
            kind=team_spec["kind"],
            parent=teams.get(team_spec["parent"]) if team_spec.get("parent") else None,
        )
        teams[team_spec["key"]] = team
        for username in team_spec.get("leads", []):
            workspace.team_member_set(actor=actor, team=team, user=people[username], is_lead=True)
        for username in team_spec.get("members", []):
            if username not in team_spec.get("leads", []):
                workspace.team_member_set(actor=actor, team=team, user=people[username])
    sources = {
        source["ref"]: _data_source_load(actor, source) for source in spec.get("data_sources", [])
    }
    for cycle_spec in sorted(spec["cycles"], key=lambda c: c["quarter_offset"]):
        _cycle_load(
            actor, spec, cycle_spec, teams=teams, people=people, sources=sources, today=today
        )


def _data_source_load(actor: Actor, spec: dict[str, Any]) -> DataSource:
    """A data source of the demo, with its place holders filled in for this installation."""
    fields = dict(spec)
    if "path" in fields:
        fields["path"] = fields["path"].replace(
            "{demo_data}", str(events_folder(settings.OKRS_HOME))
        )
    if "url" in fields:
        fields["url"] = fields["url"].replace(
            "{demo_warehouse}", str(warehouse_path(settings.OKRS_HOME))
        )
    return metrics.data_source_create(actor=actor, **fields)


def _cycle_load(
    actor: Actor,
    spec: dict[str, Any],
    cycle_spec: dict[str, Any],
    *,
    teams: dict[str, Team],
    people: dict[str, Any],
    sources: dict[str, DataSource],
    today: dt.date,
) -> None:
    start, end = _cycle_dates(today, cycle_spec["quarter_offset"])
    taken = set(
        Cycle.objects.filter(organization=actor.organization).values_list("name", flat=True)
    )
    cycle = goals.cycle_create(
        actor=actor, name=_cycle_name(start, end, taken), start=start, end=end
    )
    goals.cycle_transition(actor=actor, cycle=cycle, status=Cycle.Status.ACTIVE)
    key_results: dict[str, KeyResult] = {}
    for objective_spec in spec["objectives"]:
        if objective_spec["cycle"] != cycle_spec["key"]:
            continue
        objective = goals.objective_create(
            actor=actor,
            cycle=cycle,
            team=teams[objective_spec["team"]],
            title=objective_spec["title"],
            description=objective_spec.get("description", ""),
            commitment=objective_spec.get("commitment", Objective.Commitment.COMMITTED),
            parent_key_result=key_results.get(objective_spec.get("aligned_to") or ""),
            contributes=bool(objective_spec.get("contributes"))
            and bool(objective_spec.get("aligned_to")),
        )
        for kr_spec in objective_spec["key_results"]:
            key_results[kr_spec["key"]] = _key_result_load(
                actor, objective, kr_spec, people=people, sources=sources
            )
    if cycle_spec["status"] == Cycle.Status.CLOSED:
        for status in (Cycle.Status.REVIEW, Cycle.Status.CLOSED):
            goals.cycle_transition(actor=actor, cycle=cycle, status=status)


def _key_result_load(
    actor: Actor,
    objective: Objective,
    spec: dict[str, Any],
    *,
    people: dict[str, Any],
    sources: dict[str, DataSource],
) -> KeyResult:
    cycle = objective.cycle
    deadline_day = spec.get("deadline_day")
    key_result = goals.key_result_create(
        actor=actor,
        objective=objective,
        title=spec["title"],
        metric=spec.get("metric", ""),
        unit=spec.get("unit", ""),
        kind=spec.get("kind", KeyResult.Kind.METRIC),
        direction=spec.get("direction", KeyResult.Direction.INCREASE),
        baseline=spec.get("baseline", 0),
        target=spec.get("target", 1),
        weight=spec.get("weight", 1),
        owner=people.get(spec.get("owner") or ""),
        deadline=None if deadline_day is None else cycle.start + dt.timedelta(days=deadline_day),
        chance_of_success=spec.get("chance_of_success"),
    )
    for check_in in spec.get("check_ins", []):
        author = people.get(check_in.get("author") or "")
        at = dt.datetime.combine(
            cycle.start + dt.timedelta(days=check_in["day"]), dt.time(9, 30), tzinfo=dt.UTC
        )
        author_actor = Actor(user=author, organization=actor.organization, role=Role.ADMIN)
        goals.key_result_check_in(
            actor=author_actor,
            key_result=key_result,
            value=check_in["value"],
            confidence=check_in.get("confidence"),
            note=check_in.get("note", ""),
            at=at,
        )
    for initiative in spec.get("initiatives", []):
        goals.initiative_create(
            actor=actor,
            key_result=key_result,
            title=initiative["title"],
            status=initiative.get("status", "planned"),
            link=initiative.get("link", ""),
        )
    source = spec.get("source")
    if source:
        metrics.metric_bind(
            actor=actor,
            key_result=key_result,
            data_source=sources[source["data_source"]] if "data_source" in source else None,
            query=source.get("query", ""),
            builtin=source.get("builtin", ""),
            schedule=source["schedule"],
        )
    return key_result
