"""Key results: /key-results (filters objective, cycle, team) and /key-results/{id}."""

from __future__ import annotations

import datetime as dt

import pytest

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, KeyResult

REFUND_KEY_RESULT = {
    "title": "Cut refund tickets from 10 to 5 a day",
    "metric": "refund tickets per day",
    "unit": "tickets",
    "direction": "decrease",
    "baseline": 10,
    "target": 5,
}


# The acceptance scenario ------------------------------------------------------------------------


def test_decrease_key_result_checked_in_half_way_has_progress_one_half(world, api):
    client = api("member")

    created = client.post("/key-results", {"objective": world.objective.pk, **REFUND_KEY_RESULT})
    assert created.status_code == 201, created.json_body
    kr_id = created.json_body["id"]
    checked_in = client.post(f"/key-results/{kr_id}/check-ins", {"value": 7.5})

    assert checked_in.status_code == 201, checked_in.json_body
    assert checked_in.json_body["key_result"]["progress"] == 0.5
    assert checked_in.json_body["key_result"]["current"] == 7.5
    assert client.get(f"/key-results/{kr_id}").json_body["progress"] == 0.5


def test_the_same_calls_with_another_organizations_token_find_nothing(world, api):
    outsider = api("outsider")

    created = outsider.post("/key-results", {"objective": world.objective.pk, **REFUND_KEY_RESULT})
    checked_in = outsider.post(f"/key-results/{world.key_result.pk}/check-ins", {"value": 7.5})
    read = outsider.get(f"/key-results/{world.key_result.pk}")

    for response in (created, checked_in, read):
        assert response.status_code == 404
        assert response.json_body == {
            "detail": "Not found: there is no such object in your organization."
        }
    assert not KeyResult.objects.filter(title=REFUND_KEY_RESULT["title"]).exists()
    assert not CheckIn.objects.exists()
    world.key_result.refresh_from_db()
    assert world.key_result.current is None


# Reading ----------------------------------------------------------------------------------------


def test_key_result_detail_has_every_field(world, api):
    check_in = goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35
    )

    response = api("viewer").get(f"/key-results/{world.key_result.pk}")

    assert response.status_code == 200
    body = response.json_body
    updated_at = body.pop("updated_at")
    last_value_at = dt.datetime.fromisoformat(body.pop("last_value_at").replace("Z", "+00:00"))
    assert abs(last_value_at - check_in.created_at) < dt.timedelta(milliseconds=1)
    assert body == {
        "id": world.key_result.pk,
        "ref": "kr-checkout-abandonment",
        "objective": world.objective.pk,
        "team": world.checkout.pk,
        "cycle": world.cycle.pk,
        "title": "Cut checkout abandonment from 40% to 20%",
        "metric": "checkout abandonment",
        "unit": "%",
        "kind": "metric",
        "direction": "decrease",
        "baseline": 40.0,
        "target": 20.0,
        "current": 35.0,
        "weight": 1.0,
        "owner": None,
        "deadline": None,
        "chance_of_success": None,
        "progress": 0.25,
        "expected_progress": pytest.approx(world.cycle.expected_progress()),
        "status": "off_track",
        "stale": False,
        "measured_by": None,
    }
    world.key_result.refresh_from_db()
    read_back = dt.datetime.fromisoformat(updated_at.replace("Z", "+00:00"))
    assert abs(read_back - world.key_result.updated_at) < dt.timedelta(milliseconds=1)


def test_a_contributing_objective_feeds_its_parent_key_result(world, api):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)

    body = api("viewer").get(f"/key-results/{world.company_kr.pk}").json_body

    assert body["current"] is None  # no check-in of its own...
    assert body["progress"] == 0.5  # ...its progress is the contributing objective's


def test_key_result_list_is_every_key_result_of_the_organization(world, api):
    response = api("viewer").get("/key-results")

    assert response.status_code == 200
    body = response.json_body
    assert (body["count"], body["limit"], body["offset"]) == (2, 50, 0)
    assert [kr["id"] for kr in body["items"]] == [world.company_kr.pk, world.key_result.pk]
    assert body["items"][0]["title"] == "Repeat purchase rate from 5% to 15%"


def test_key_result_list_filters_by_objective_cycle_and_team(world, api):
    client = api("admin")
    next_cycle = client.post(
        "/cycles", {"name": "2027-Q1", "start": "2027-01-07", "end": "2027-04-06"}
    ).json_body["id"]
    later_objective = client.post(
        "/objectives", {"cycle": next_cycle, "team": world.checkout.pk, "title": "Later"}
    ).json_body["id"]
    later_kr = client.post(
        "/key-results", {"objective": later_objective, "title": "Later KR"}
    ).json_body["id"]

    def ids(query: str) -> list[int]:
        response = client.get("/key-results" + query)
        assert response.status_code == 200, response.json_body
        return sorted(kr["id"] for kr in response.json_body["items"])

    assert ids(f"?objective={world.objective.pk}") == [world.key_result.pk]
    assert ids(f"?cycle={world.cycle.pk}") == sorted([world.company_kr.pk, world.key_result.pk])
    assert ids(f"?cycle={next_cycle}") == [later_kr]
    assert ids(f"?team={world.checkout.pk}") == sorted([world.key_result.pk, later_kr])
    assert ids(f"?team={world.company.pk}") == [world.company_kr.pk]
    assert ids(f"?team={world.checkout.pk}&cycle={world.cycle.pk}") == [world.key_result.pk]
    assert ids(f"?objective={world.objective.pk}&team={world.company.pk}") == []


# Writing ----------------------------------------------------------------------------------------


def test_member_adds_a_key_result_with_an_owner(world, api):
    owner = world.users["member"]

    response = api("member").post(
        "/key-results",
        {
            "objective": world.objective.pk,
            "title": "Reorders per week from 100 to 300",
            "baseline": 100,
            "target": 300,
            "weight": 2,
            "owner": owner.pk,
            "deadline": world.cycle.end.isoformat(),
        },
    )

    assert response.status_code == 201, response.json_body
    body = response.json_body
    assert body["objective"] == world.objective.pk
    assert (body["direction"], body["kind"]) == ("increase", "metric")
    assert (body["baseline"], body["target"], body["current"]) == (100.0, 300.0, None)
    assert (body["weight"], body["owner"], body["deadline"]) == (
        2.0,
        "member",
        world.cycle.end.isoformat(),
    )
    assert body["progress"] == 0.0
    key_result = KeyResult.objects.get(pk=body["id"])
    assert (key_result.organization, key_result.owner) == (world.org, owner)


def test_binary_key_result_runs_from_not_done_to_done(world, api):
    response = api("member").post(
        "/key-results",
        {
            "objective": world.objective.pk,
            "title": "Ship saved baskets",
            "kind": "binary",
            "chance_of_success": 0.8,
        },
    )

    assert response.status_code == 201, response.json_body
    body = response.json_body
    assert (body["kind"], body["baseline"], body["target"]) == ("binary", 0.0, 1.0)
    assert (body["chance_of_success"], body["status"]) == (0.8, "on_track")


def test_member_edits_a_key_result(world, api):
    response = api("member").patch(
        f"/key-results/{world.key_result.pk}", {"target": 25, "metric": "abandonment"}
    )

    assert response.status_code == 200, response.json_body
    assert (response.json_body["target"], response.json_body["metric"]) == (25.0, "abandonment")
    world.key_result.refresh_from_db()
    assert world.key_result.target == 25


def test_patch_with_null_metric_and_unit_clears_them(world, api):
    response = api("member").patch(
        f"/key-results/{world.key_result.pk}", {"metric": None, "unit": None}
    )

    assert response.status_code == 200, response.json_body
    assert (response.json_body["metric"], response.json_body["unit"]) == ("", "")


def test_increase_with_target_below_baseline_is_refused(world, api):
    response = api("member").post(
        "/key-results",
        {"objective": world.objective.pk, "title": "Backwards", "baseline": 10, "target": 5},
    )

    assert response.status_code == 422
    assert response.json_body["errors"] == {
        "target": [
            "For an increase the target must be above the baseline. Did you mean 'decrease'?"
        ]
    }
    assert response.json_body["detail"].startswith("target: For an increase")
    assert not KeyResult.objects.filter(title="Backwards").exists()


def test_turning_a_decrease_into_an_increase_is_refused(world, api):
    response = api("member").patch(f"/key-results/{world.key_result.pk}", {"direction": "increase"})

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["target"]
    world.key_result.refresh_from_db()
    assert world.key_result.direction == "decrease"


def test_a_sixth_key_result_is_refused(world, api):
    client = api("member")
    for number in range(2, 6):  # the objective already has one
        response = client.post(
            "/key-results", {"objective": world.objective.pk, "title": f"KR {number}"}
        )
        assert response.status_code == 201, response.json_body

    response = client.post("/key-results", {"objective": world.objective.pk, "title": "KR 6"})

    assert response.status_code == 422
    assert response.json_body["errors"] == {
        "objective": ["This objective already has 5 key results, the most allowed; focus on fewer."]
    }
    assert world.objective.key_results.count() == 5


def test_a_deadline_outside_the_cycle_is_refused(world, api):
    response = api("member").patch(
        f"/key-results/{world.key_result.pk}", {"deadline": "2099-01-01"}
    )

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["deadline"]


def test_an_owner_from_another_organization_is_not_found(world, api):
    response = api("member").patch(
        f"/key-results/{world.key_result.pk}", {"owner": world.users["outsider"].pk}
    )

    assert response.status_code == 404
    world.key_result.refresh_from_db()
    assert world.key_result.owner is None


def test_a_member_of_another_team_does_not_add_key_results(world, api):
    response = api("stranger").post(
        "/key-results", {"objective": world.objective.pk, "title": "Not my team"}
    )

    assert response.status_code == 403
    assert response.json_body == {
        "detail": "Only members of the team, Product Ops or an admin add its key results."
    }


def test_member_deletes_a_key_result(world, api):
    response = api("member").delete(f"/key-results/{world.key_result.pk}")

    assert response.status_code == 204
    assert not KeyResult.objects.filter(pk=world.key_result.pk).exists()
    assert api("member").get(f"/key-results/{world.key_result.pk}").status_code == 404
    assert api("member").get(f"/objectives/{world.objective.pk}").json_body["key_results"] == []
