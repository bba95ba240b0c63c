"""Check-ins: /key-results/{id}/check-ins and /check-ins/{id}, with idempotent retries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from okrs.goals import services as goals
from okrs.goals.models import CheckIn


def _close(world) -> None:
    system = world.actor("admin")
    goals.cycle_transition(actor=system, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=system, cycle=world.cycle, status="closed")


def test_member_checks_in_a_value_with_confidence_and_note(world, api):
    response = api("member").post(
        f"/key-results/{world.key_result.pk}/check-ins",
        {"value": 30, "confidence": 7, "note": "Guest checkout is live"},
    )

    assert response.status_code == 201, response.json_body
    check_in = CheckIn.objects.get()
    created_at = response.json_body["check_in"].pop("created_at")
    assert response.json_body["check_in"] == {
        "id": check_in.pk,
        "key_result": world.key_result.pk,
        "value": 30.0,
        "confidence": 7,
        "note": "Guest checkout is live",
        "author": "member",
        "source": "api",
        "provenance": None,
    }
    assert dt.datetime.fromisoformat(created_at.replace("Z", "+00:00")) <= timezone.now()
    key_result = response.json_body["key_result"]
    assert (key_result["id"], key_result["current"], key_result["progress"]) == (
        world.key_result.pk,
        30.0,
        0.5,
    )
    world.key_result.refresh_from_db()
    assert world.key_result.current == 30


def test_check_in_list_is_newest_first(world, api):
    member = world.actor("member")
    now = timezone.now()
    older = goals.key_result_check_in(
        actor=member, key_result=world.key_result, value=38, at=now - dt.timedelta(days=7)
    )
    newer = goals.key_result_check_in(actor=member, key_result=world.key_result, value=33)

    response = api("viewer").get(f"/key-results/{world.key_result.pk}/check-ins")

    assert response.status_code == 200
    body = response.json_body
    assert (body["count"], body["limit"], body["offset"]) == (2, 50, 0)
    assert [c["id"] for c in body["items"]] == [newer.pk, older.pk]
    assert [c["value"] for c in body["items"]] == [33.0, 38.0]
    assert {c["source"] for c in body["items"]} == {"manual"}


def test_back_filled_history_does_not_replace_the_current_value(world, api):
    client = api("member")
    client.post(f"/key-results/{world.key_result.pk}/check-ins", {"value": 30})
    last_week = (timezone.now() - dt.timedelta(days=7)).isoformat()

    response = client.post(
        f"/key-results/{world.key_result.pk}/check-ins", {"value": 38, "at": last_week}
    )

    assert response.status_code == 201, response.json_body
    assert response.json_body["key_result"]["current"] == 30.0


def test_a_time_without_time_zone_is_refused(world, api):
    response = api("member").post(
        f"/key-results/{world.key_result.pk}/check-ins", {"value": 30, "at": "2026-01-05T09:00:00"}
    )

    assert response.status_code == 422
    assert response.json_body["errors"] == {"at": ["Input should have timezone info"]}
    assert not CheckIn.objects.exists()


def test_a_check_in_in_the_future_is_refused(world, api):
    tomorrow = (timezone.now() + dt.timedelta(days=1)).isoformat()

    response = api("member").post(
        f"/key-results/{world.key_result.pk}/check-ins", {"value": 30, "at": tomorrow}
    )

    assert response.status_code == 422
    assert response.json_body["errors"] == {"at": ["A check-in cannot be dated in the future."]}
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("confidence", [-1, 11])
def test_confidence_runs_from_0_to_10(world, api, confidence):
    response = api("member").post(
        f"/key-results/{world.key_result.pk}/check-ins", {"value": 30, "confidence": confidence}
    )

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["confidence"]


def test_a_binary_key_result_is_checked_in_as_0_or_1(world, api):
    client = api("member")
    kr_id = client.post(
        "/key-results",
        {
            "objective": world.objective.pk,
            "title": "Ship saved baskets",
            "kind": "binary",
            "chance_of_success": 0.5,
        },
    ).json_body["id"]

    half = client.post(f"/key-results/{kr_id}/check-ins", {"value": 0.5})
    done = client.post(f"/key-results/{kr_id}/check-ins", {"value": 1})

    assert half.status_code == 422
    assert half.json_body["errors"] == {
        "value": ["A binary key result is checked in as 1 (done) or 0 (not done)."]
    }
    assert done.status_code == 201, done.json_body
    assert done.json_body["key_result"]["progress"] == 1.0


def test_chance_of_success_on_a_metric_is_refused_and_nothing_is_recorded(world, api):
    response = api("member").post(
        f"/key-results/{world.key_result.pk}/check-ins", {"value": 30, "chance_of_success": 0.5}
    )

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["chance_of_success"]
    assert not CheckIn.objects.exists()
    world.key_result.refresh_from_db()
    assert world.key_result.current is None


def test_check_in_on_a_closed_cycle_is_refused(world, api):
    _close(world)

    response = api("admin").post(f"/key-results/{world.key_result.pk}/check-ins", {"value": 30})

    assert response.status_code == 422
    assert response.json_body["detail"] == (
        "The cycle 2026-Q4 is closed and its numbers are final. Reopen it for review to change them."
    )
    assert "__all__" in response.json_body["errors"]
    assert not CheckIn.objects.exists()


def test_a_member_of_another_team_does_not_check_in(world, api):
    response = api("stranger").post(f"/key-results/{world.key_result.pk}/check-ins", {"value": 30})

    assert response.status_code == 403
    assert response.json_body == {
        "detail": "Only members of the team, Product Ops or an admin check in its key results."
    }
    assert not CheckIn.objects.exists()


# Idempotency ------------------------------------------------------------------------------------


def test_a_retry_with_the_same_idempotency_key_header_counts_once(world, api):
    client = api("member")
    path = f"/key-results/{world.key_result.pk}/check-ins"

    first = client.post(path, {"value": 30}, **{"Idempotency-Key": "sync-2026-11-20"})
    retry = client.post(path, {"value": 30}, **{"Idempotency-Key": "sync-2026-11-20"})

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json_body["check_in"]["id"] == first.json_body["check_in"]["id"]
    assert CheckIn.objects.filter(key_result=world.key_result).count() == 1


def test_a_retry_with_the_same_idempotency_key_field_counts_once(world, api):
    client = api("member")
    path = f"/key-results/{world.key_result.pk}/check-ins"
    body = {"value": 30, "idempotency_key": "sync-2026-11-20"}

    first = client.post(path, body)
    retry = client.post(path, body)

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json_body["check_in"]["id"] == first.json_body["check_in"]["id"]
    assert CheckIn.objects.count() == 1
    assert CheckIn.objects.get().idempotency_key == "sync-2026-11-20"


def test_a_retry_returns_the_first_value_not_the_retried_one(world, api):
    client = api("member")
    path = f"/key-results/{world.key_result.pk}/check-ins"
    client.post(path, {"value": 30}, **{"Idempotency-Key": "k1"})

    retry = client.post(path, {"value": 25}, **{"Idempotency-Key": "k1"})

    assert retry.json_body["check_in"]["value"] == 30.0
    assert retry.json_body["key_result"]["current"] == 30.0
    assert CheckIn.objects.count() == 1


def test_different_idempotency_keys_are_different_check_ins(world, api):
    client = api("member")
    path = f"/key-results/{world.key_result.pk}/check-ins"

    client.post(path, {"value": 30}, **{"Idempotency-Key": "k1"})
    client.post(path, {"value": 30}, **{"Idempotency-Key": "k2"})
    client.post(path, {"value": 30})
    client.post(path, {"value": 30})

    assert CheckIn.objects.count() == 4


def test_an_overlong_idempotency_key_header_is_refused(world, api):
    response = api("member").post(
        f"/key-results/{world.key_result.pk}/check-ins",
        {"value": 30},
        **{"Idempotency-Key": "k" * 101},
    )

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["idempotency_key"]
    assert not CheckIn.objects.exists()


# Deleting ---------------------------------------------------------------------------------------


def test_the_author_deletes_a_wrong_check_in_and_the_value_before_returns(world, api):
    client = api("member")
    path = f"/key-results/{world.key_result.pk}/check-ins"
    client.post(path, {"value": 30})
    wrong = client.post(path, {"value": 3}).json_body["check_in"]["id"]

    response = client.delete(f"/check-ins/{wrong}")

    assert response.status_code == 204
    assert not CheckIn.objects.filter(pk=wrong).exists()
    assert client.get(f"/key-results/{world.key_result.pk}").json_body["current"] == 30.0


def test_a_member_does_not_delete_someone_elses_check_in(world, api, check_in):
    response = api("lead").delete(f"/check-ins/{check_in.pk}")

    assert response.status_code == 403
    assert response.json_body == {
        "detail": "Only the author of a check-in, Product Ops or an admin can remove it."
    }
    assert CheckIn.objects.filter(pk=check_in.pk).exists()


def test_ops_deletes_any_check_in(world, api, check_in):
    response = api("ops").delete(f"/check-ins/{check_in.pk}")

    assert response.status_code == 204
    world.key_result.refresh_from_db()
    assert world.key_result.current is None


def test_a_check_in_of_a_closed_cycle_is_not_deleted(world, api, check_in):
    _close(world)

    response = api("admin").delete(f"/check-ins/{check_in.pk}")

    assert response.status_code == 422
    assert "closed" in response.json_body["detail"]
    assert CheckIn.objects.filter(pk=check_in.pk).exists()
