"""The coach on the database: the plan of a cycle and the readiness report."""

from __future__ import annotations

import csv
import io
from typing import Any

from okrs.coach.selectors import plan_for_cycle, readiness, readiness_csv
from okrs.goals import services as goals
from okrs.workspace.permissions import Actor
from tests.conftest import World


def test_plan_for_cycle_reads_the_database_like_a_file(world: World) -> None:
    plan = plan_for_cycle(actor=world.actor("viewer"), cycle=world.cycle)
    assert plan.organization == "acme" and plan.cycle is not None
    assert plan.cycle.name == "2026-Q4"
    teams = {team.name: team for team in plan.teams}
    assert teams["Checkout"].parent == teams["Product"].ref
    objectives = {o.title: o for o in plan.objectives}
    checkout = objectives["Make reordering effortless"]
    assert checkout.object_id == world.objective.id
    assert checkout.aligned_to == world.company_kr.ref
    (item,) = checkout.key_results
    assert item.object_id == world.key_result.id
    assert (item.baseline, item.target, item.direction) == (40, 20, "decrease")
    assert item.check_ins == 0 and item.has_source is False
    assert all(o.title != "Globex wins" for o in plan.objectives)  # never another organization


def test_plan_counts_check_ins(world: World) -> None:
    goals.key_result_check_in(actor=Actor.system(world.org), key_result=world.key_result, value=35)
    plan = plan_for_cycle(actor=world.actor("viewer"), cycle=world.cycle)
    counts = {kr.object_id: kr.check_ins for o in plan.objectives for kr in o.key_results}
    assert counts[world.key_result.id] == 1


def test_plan_queries_do_not_grow_with_the_plan(
    world: World, django_assert_max_num_queries: Any
) -> None:
    system = Actor.system(world.org)
    for index in range(15):
        objective = goals.objective_create(
            actor=system,
            cycle=world.cycle,
            team=world.search,
            title=f"Objective {index}",
            state="draft",
        )
        for k in range(4):
            goals.key_result_create(
                actor=system,
                objective=objective,
                title=f"KR {index}.{k} from 1 to 2",
                baseline=1,
                target=2,
            )
    with django_assert_max_num_queries(6):
        plan = plan_for_cycle(actor=world.actor("viewer"), cycle=world.cycle)
    assert sum(len(o.key_results) for o in plan.objectives) == 62


def test_readiness_groups_findings_by_team_most_severe_first(world: World) -> None:
    system = Actor.system(world.org)
    goals.key_result_create(
        actor=system, objective=world.objective, title="Increase total registered accounts"
    )
    # Search: three measured key results and no alignment, so only an info finding.
    search = goals.objective_create(
        actor=system, cycle=world.cycle, team=world.search, title="Help cooks find recipes fast"
    )
    for index, metric in enumerate(("search success rate", "time to recipe", "zero-result share")):
        item = goals.key_result_create(
            actor=system,
            objective=search,
            title=f"Improve {metric} from {index + 1}0% to {index + 5}0%",
            metric=metric,
            baseline=(index + 1) * 10,
            target=(index + 5) * 10,
        )
        goals.key_result_check_in(actor=system, key_result=item, value=(index + 1) * 10)
    report = readiness(actor=world.actor("viewer"), cycle=world.cycle, lang="en")
    assert [team.name for team in report.teams] == ["Acme", "Checkout", "Search"]
    checkout, search_team = report.teams[1], report.teams[2]
    assert {f.rule for f in checkout.findings} == {
        "obj-too-few-key-results",
        "kr-not-measurable",
        "kr-vanity",
    }
    assert [f.rule for f in search_team.findings] == ["obj-unaligned"]
    assert search_team.findings[0].severity == "info"
    # 2 company and checkout key results and the new one, none measured; search's all measured.
    assert report.key_results == 6 and report.not_measurable == 3
    assert report.summary["warnings"] == len(report.findings) - 1
    italian = readiness(actor=world.actor("viewer"), cycle=world.cycle, lang="it")
    assert italian.teams[1].findings[0].rule == checkout.findings[0].rule
    assert italian.teams[1].findings[0].message != checkout.findings[0].message


def test_readiness_csv_has_one_row_per_finding(world: World) -> None:
    report = readiness(actor=world.actor("ops"), cycle=world.cycle, lang="fr")
    rows = list(csv.reader(io.StringIO(readiness_csv(report))))
    assert rows[0][:4] == ["team", "severity", "rule", "category"]
    assert len(rows) == 1 + len(report.findings)
    assert {row[0] for row in rows[1:]} == {team.name for team in report.teams}


def test_a_key_result_bound_to_a_metric_has_a_source_at_the_same_query_cost(
    world: World, django_assert_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from okrs.metrics import services as metrics

    viewer = world.actor("viewer")
    with CaptureQueriesContext(connection) as unbound:
        plan_for_cycle(actor=viewer, cycle=world.cycle)
    metrics.metric_bind(
        actor=Actor.system(world.org), key_result=world.key_result, builtin="objectives_aligned"
    )

    with django_assert_num_queries(len(unbound.captured_queries)):
        plan = plan_for_cycle(actor=viewer, cycle=world.cycle)

    sources = {kr.object_id: kr.has_source for o in plan.objectives for kr in o.key_results}
    assert sources == {world.key_result.id: True, world.company_kr.id: False}
    findings = readiness(actor=viewer, cycle=world.cycle, lang="en").findings
    not_measurable = [f.path for f in findings if f.rule == "kr-not-measurable"]
    assert any(world.company_kr.ref in path for path in not_measurable)
    assert all(world.key_result.ref not in path for path in not_measurable)
