"""Objectives: /objectives (filters cycle and team) and /objectives/{id}, with the role rules."""

from __future__ import annotations

import pytest

from okrs.goals import services as goals
from okrs.goals.models import KeyResult, Objective


def test_objective_detail_carries_alignment_progress_and_key_results(world, api):
    response = api("viewer").get(f"/objectives/{world.objective.pk}")

    assert response.status_code == 200
    assert response.json_body == {
        "id": world.objective.pk,
        "ref": "o-make-reordering-effortless",
        "cycle": world.cycle.pk,
        "team": world.checkout.pk,
        "title": "Make reordering effortless",
        "description": "",
        "parent_key_result": world.company_kr.pk,
        "contributes": True,
        "commitment": "committed",
        "state": "active",
        "final_score": None,
        "progress": 0.0,
        "expected_progress": pytest.approx(world.cycle.expected_progress()),
        "status": "off_track",
        "key_results": [world.key_result.pk],
    }


def test_objective_progress_follows_its_key_results(world, api):
    client = api("member")
    client.post(f"/key-results/{world.key_result.pk}/check-ins", {"value": 30})  # 40 → 20: half

    body = client.get(f"/objectives/{world.objective.pk}").json_body

    assert body["progress"] == 0.5
    assert body["status"] == "on_track"


def test_objective_list_in_cycle_and_team_order(world, api):
    response = api("viewer").get("/objectives")

    assert response.status_code == 200
    body = response.json_body
    assert (body["count"], body["limit"], body["offset"]) == (2, 50, 0)
    assert [o["id"] for o in body["items"]] == [world.company_objective.pk, world.objective.pk]
    assert body["items"][0]["key_results"] == [world.company_kr.pk]


def test_objective_list_filters_by_team_and_cycle(world, api, search_objective):
    client = api("admin")
    next_cycle = client.post(
        "/cycles", {"name": "2027-Q1", "start": "2027-01-07", "end": "2027-04-06"}
    ).json_body["id"]
    later = client.post(
        "/objectives", {"cycle": next_cycle, "team": world.checkout.pk, "title": "Later"}
    ).json_body["id"]

    def ids(query: str) -> list[int]:
        response = client.get("/objectives" + query)
        assert response.status_code == 200, response.json_body
        return sorted(o["id"] for o in response.json_body["items"])

    assert ids(f"?team={world.checkout.pk}") == sorted([world.objective.pk, later])
    assert ids(f"?cycle={world.cycle.pk}") == sorted(
        [world.company_objective.pk, world.objective.pk, search_objective.pk]
    )
    assert ids(f"?cycle={world.cycle.pk}&team={world.checkout.pk}") == [world.objective.pk]
    assert ids(f"?cycle={next_cycle}&team={world.search.pk}") == []


def test_lead_sets_a_draft_objective_for_their_team(world, api):
    response = api("lead").post(
        "/objectives",
        {
            "cycle": world.cycle.pk,
            "team": world.checkout.pk,
            "title": "Delight returning buyers",
            "description": "Returning buyers are half our revenue.",
            "commitment": "aspirational",
            "state": "draft",
        },
    )

    assert response.status_code == 201, response.json_body
    body = response.json_body
    objective = Objective.objects.get(pk=body["id"])
    assert objective.organization == world.org
    assert body["team"] == world.checkout.pk
    assert body["cycle"] == world.cycle.pk
    assert (body["title"], body["commitment"], body["state"]) == (
        "Delight returning buyers",
        "aspirational",
        "draft",
    )
    assert body["description"] == "Returning buyers are half our revenue."
    assert body["key_results"] == []
    assert body["progress"] is None  # nothing to measure yet
    assert body["status"] is None


def test_a_second_active_objective_for_a_team_is_refused(world, api):
    response = api("lead").post(
        "/objectives", {"cycle": world.cycle.pk, "team": world.checkout.pk, "title": "Two"}
    )

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["team"]
    assert "already has 1 active objective" in response.json_body["detail"]
    assert not Objective.objects.filter(title="Two").exists()


def test_an_objective_serves_only_a_key_result_above_its_team(world, api):
    response = api("admin").post(
        "/objectives",
        {
            "cycle": world.cycle.pk,
            "team": world.search.pk,
            "title": "Search serves Checkout",
            "parent_key_result": world.key_result.pk,
        },
    )

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["parent_key_result"]


def test_lead_edits_their_teams_objective(world, api):
    response = api("lead").patch(
        f"/objectives/{world.objective.pk}",
        {"title": "Reordering in one click", "commitment": "aspirational"},
    )

    assert response.status_code == 200, response.json_body
    assert response.json_body["title"] == "Reordering in one click"
    assert response.json_body["commitment"] == "aspirational"
    assert response.json_body["key_results"] == [world.key_result.pk]
    world.objective.refresh_from_db()
    assert world.objective.title == "Reordering in one click"


def test_patch_with_null_parent_unaligns_the_objective(world, api):
    response = api("admin").patch(
        f"/objectives/{world.objective.pk}", {"parent_key_result": None, "contributes": False}
    )

    assert response.status_code == 200, response.json_body
    assert response.json_body["parent_key_result"] is None
    assert response.json_body["contributes"] is False


def test_patch_with_null_description_clears_it(world, api):
    client = api("admin")
    client.patch(f"/objectives/{world.objective.pk}", {"description": "Why it matters"})

    response = client.patch(f"/objectives/{world.objective.pk}", {"description": None})

    assert response.status_code == 200, response.json_body
    assert response.json_body["description"] == ""
    world.objective.refresh_from_db()
    assert world.objective.description == ""


def test_an_objective_cannot_lose_its_team(world, api):
    response = api("admin").patch(f"/objectives/{world.objective.pk}", {"team": None})

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["team"]
    assert "team: must not be null" in response.json_body["detail"]
    world.objective.refresh_from_db()
    assert world.objective.team == world.checkout


def test_a_member_does_not_edit_the_objective(world, api):
    response = api("member").patch(f"/objectives/{world.objective.pk}", {"title": "Mine now"})

    assert response.status_code == 403
    assert response.json_body == {
        "detail": "Only the team's lead, Product Ops or an admin edits its objective."
    }
    world.objective.refresh_from_db()
    assert world.objective.title == "Make reordering effortless"


def test_a_lead_does_not_edit_another_teams_objective(world, api, search_objective):
    client = api("lead")

    edited = client.patch(f"/objectives/{search_objective.pk}", {"title": "Taken over"})
    deleted = client.delete(f"/objectives/{search_objective.pk}")

    assert edited.status_code == 403
    assert edited.json_body == {
        "detail": "Only the team's lead, Product Ops or an admin edits its objective."
    }
    assert deleted.status_code == 403
    assert "detail" in deleted.json_body
    search_objective.refresh_from_db()
    assert search_objective.title == "Find it at once"


def test_a_lead_does_not_create_objectives_for_another_team(world, api):
    response = api("lead").post(
        "/objectives", {"cycle": world.cycle.pk, "team": world.search.pk, "title": "Ours now"}
    )

    assert response.status_code == 403
    assert response.json_body == {
        "detail": "Only the team's lead, Product Ops or an admin sets its objective."
    }
    assert not Objective.objects.filter(title="Ours now").exists()


def test_a_lead_does_not_move_their_objective_to_another_team(world, api):
    response = api("lead").patch(f"/objectives/{world.objective.pk}", {"team": world.search.pk})

    assert response.status_code == 403
    assert response.json_body == {
        "detail": "You cannot move an objective to a team you do not lead."
    }
    world.objective.refresh_from_db()
    assert world.objective.team == world.checkout


def test_deleting_an_objective_deletes_its_key_results(world, api):
    response = api("admin").delete(f"/objectives/{world.objective.pk}")

    assert response.status_code == 204
    assert not Objective.objects.filter(pk=world.objective.pk).exists()
    assert not KeyResult.objects.filter(pk=world.key_result.pk).exists()
    assert api("admin").get(f"/objectives/{world.objective.pk}").status_code == 404


def test_deleting_an_objective_stops_children_feeding_its_key_results(world, api):
    # The company objective's key result is fed by Checkout's objective.
    response = api("admin").delete(f"/objectives/{world.company_objective.pk}")

    assert response.status_code == 204
    world.objective.refresh_from_db()
    assert world.objective.parent_key_result is None
    assert world.objective.contributes is False


def test_an_objective_of_a_closed_cycle_is_not_deleted(world, api):
    system = world.actor("admin")
    goals.cycle_transition(actor=system, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=system, cycle=world.cycle, status="closed")

    response = api("admin").delete(f"/objectives/{world.objective.pk}")

    assert response.status_code == 422
    assert "closed" in response.json_body["detail"]
    assert Objective.objects.filter(pk=world.objective.pk).exists()
