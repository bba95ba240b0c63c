"""Cycles: /cycles, /cycles/{id} and /cycles/{id}/transition."""

from __future__ import annotations

import datetime as dt

import pytest

from okrs.goals.models import Cycle, Objective

NEXT_QUARTER = {"name": "2027-Q1", "start": "2027-01-07", "end": "2027-04-06"}


def test_cycle_list_and_detail_show_the_running_cycle(world, api):
    client = api("viewer")
    expected = {
        "id": world.cycle.pk,
        "name": "2026-Q4",
        "start": world.cycle.start.isoformat(),
        "end": world.cycle.end.isoformat(),
        "status": "active",
        "expected_progress": pytest.approx(world.cycle.expected_progress()),
    }

    listed = client.get("/cycles")
    detail = client.get(f"/cycles/{world.cycle.pk}")

    assert listed.status_code == 200
    assert listed.json_body == {"count": 1, "limit": 50, "offset": 0, "items": [expected]}
    assert detail.status_code == 200
    assert detail.json_body == expected
    # Halfway through a 90-day cycle: the pace every key result is held to.
    assert 0.4 < detail.json_body["expected_progress"] < 0.6


def test_cycle_list_is_newest_first(world, api):
    api("ops").post("/cycles", NEXT_QUARTER)

    names = [cycle["name"] for cycle in api("viewer").get("/cycles").json_body["items"]]

    assert names == ["2027-Q1", "2026-Q4"]


def test_ops_creates_a_cycle_in_planning(world, api):
    response = api("ops").post("/cycles", NEXT_QUARTER)

    assert response.status_code == 201, response.json_body
    cycle = Cycle.objects.get(pk=response.json_body["id"])
    assert response.json_body == {
        "id": cycle.pk,
        "name": "2027-Q1",
        "start": "2027-01-07",
        "end": "2027-04-06",
        "status": "planning",
        "expected_progress": 0.0,
    }
    assert cycle.organization == world.org


def test_a_cycle_must_end_after_it_starts(api):
    response = api("admin").post(
        "/cycles", {"name": "Backwards", "start": "2027-04-01", "end": "2027-01-01"}
    )

    assert response.status_code == 422
    assert response.json_body["detail"] == "end: The cycle must end after it starts."
    assert response.json_body["errors"] == {"end": ["The cycle must end after it starts."]}
    assert not Cycle.objects.filter(name="Backwards").exists()


def test_cycle_names_are_unique_in_the_organization(api):
    response = api("admin").post("/cycles", {**NEXT_QUARTER, "name": "2026-Q4"})

    assert response.status_code == 422
    assert "already exists" in response.json_body["detail"]


def test_admin_renames_a_cycle(world, api):
    response = api("admin").patch(f"/cycles/{world.cycle.pk}", {"name": "Q4 2026"})

    assert response.status_code == 200, response.json_body
    assert response.json_body["name"] == "Q4 2026"
    assert response.json_body["start"] == world.cycle.start.isoformat()
    world.cycle.refresh_from_db()
    assert world.cycle.name == "Q4 2026"


def test_patching_the_end_before_the_start_is_refused(world, api):
    day_before = (world.cycle.start - dt.timedelta(days=1)).isoformat()

    response = api("admin").patch(f"/cycles/{world.cycle.pk}", {"end": day_before})

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["end"]
    world.cycle.refresh_from_db()
    assert world.cycle.end > world.cycle.start


def test_closing_a_cycle_walks_through_review_and_records_final_scores(world, api):
    client = api("ops")

    review = client.post(f"/cycles/{world.cycle.pk}/transition", {"status": "review"})
    closed = client.post(f"/cycles/{world.cycle.pk}/transition", {"status": "closed"})

    assert review.status_code == 200, review.json_body
    assert review.json_body["status"] == "review"
    assert closed.status_code == 200, closed.json_body
    assert closed.json_body["status"] == "closed"
    objective = client.get(f"/objectives/{world.objective.pk}").json_body
    assert objective["final_score"] == 0.0  # no check-in: nothing achieved
    assert Objective.objects.filter(cycle=world.cycle, final_score__isnull=True).count() == 0


def test_a_cycle_cannot_skip_review(world, api):
    response = api("admin").post(f"/cycles/{world.cycle.pk}/transition", {"status": "closed"})

    assert response.status_code == 422
    assert response.json_body["errors"] == {
        "status": ["A cycle in active can move to planning, review, not to closed."]
    }
    world.cycle.refresh_from_db()
    assert world.cycle.status == "active"


def test_a_closed_cycle_is_not_edited(world, api):
    client = api("admin")
    client.post(f"/cycles/{world.cycle.pk}/transition", {"status": "review"})
    client.post(f"/cycles/{world.cycle.pk}/transition", {"status": "closed"})

    response = client.patch(f"/cycles/{world.cycle.pk}", {"name": "Rewritten"})

    assert response.status_code == 422
    assert "closed" in response.json_body["detail"]
    world.cycle.refresh_from_db()
    assert world.cycle.name == "2026-Q4"


def test_a_cycle_in_planning_is_deleted(world, api):
    client = api("admin")
    cycle_id = client.post("/cycles", NEXT_QUARTER).json_body["id"]

    response = client.delete(f"/cycles/{cycle_id}")

    assert response.status_code == 204
    assert not Cycle.objects.filter(pk=cycle_id).exists()
    assert client.get(f"/cycles/{cycle_id}").status_code == 404


def test_a_cycle_that_ran_is_not_deleted(world, api):
    response = api("admin").delete(f"/cycles/{world.cycle.pk}")

    assert response.status_code == 422
    assert response.json_body["detail"] == (
        "Only a cycle still in planning can be deleted; this one has run."
    )
    assert Cycle.objects.filter(pk=world.cycle.pk).exists()


def test_only_admins_and_ops_manage_cycles(world, api):
    lead = api("lead")

    created = lead.post("/cycles", NEXT_QUARTER)
    renamed = lead.patch(f"/cycles/{world.cycle.pk}", {"name": "Mine"})
    moved = lead.post(f"/cycles/{world.cycle.pk}/transition", {"status": "review"})
    deleted = lead.delete(f"/cycles/{world.cycle.pk}")

    assert [r.status_code for r in (created, renamed, moved, deleted)] == [403, 403, 403, 403]
    assert created.json_body == {"detail": "Only admins and Product Ops manage cycles."}
    assert moved.json_body == {
        "detail": "Only admins and Product Ops change the status of a cycle."
    }
    world.cycle.refresh_from_db()
    assert (world.cycle.name, world.cycle.status) == ("2026-Q4", "active")
    assert Cycle.objects.filter(organization=world.org).count() == 1
