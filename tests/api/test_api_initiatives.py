"""Initiatives: /key-results/{id}/initiatives and /initiatives/{id}."""

from __future__ import annotations

from okrs.goals.models import Initiative


def test_initiative_list_of_a_key_result(world, api, initiative):
    response = api("viewer").get(f"/key-results/{world.key_result.pk}/initiatives")

    assert response.status_code == 200
    assert response.json_body["count"] == 1
    assert response.json_body["items"] == [
        {
            "id": initiative.pk,
            "ref": "i-one-click-reorder-button",
            "key_result": world.key_result.pk,
            "title": "One-click reorder button",
            "status": "planned",
            "link": "https://example.com/issues/1",
        }
    ]
    assert (
        api("viewer").get(f"/key-results/{world.company_kr.pk}/initiatives").json_body["items"]
        == []
    )


def test_member_adds_an_initiative(world, api):
    response = api("member").post(
        f"/key-results/{world.key_result.pk}/initiatives",
        {"title": "Remember the last basket", "status": "in_progress", "link": "https://x.org/1"},
    )

    assert response.status_code == 201, response.json_body
    initiative = Initiative.objects.get()
    assert response.json_body == {
        "id": initiative.pk,
        "ref": "i-remember-the-last-basket",
        "key_result": world.key_result.pk,
        "title": "Remember the last basket",
        "status": "in_progress",
        "link": "https://x.org/1",
    }
    assert initiative.organization == world.org


def test_member_updates_an_initiative(world, api, initiative):
    response = api("member").patch(f"/initiatives/{initiative.pk}", {"status": "done"})

    assert response.status_code == 200, response.json_body
    assert response.json_body["status"] == "done"
    assert response.json_body["title"] == "One-click reorder button"
    initiative.refresh_from_db()
    assert initiative.status == "done"


def test_patch_with_null_link_clears_it(world, api, initiative):
    response = api("member").patch(f"/initiatives/{initiative.pk}", {"link": None})

    assert response.status_code == 200, response.json_body
    assert response.json_body["link"] == ""
    initiative.refresh_from_db()
    assert initiative.link == ""


def test_a_link_must_be_a_web_address(world, api, initiative):
    response = api("member").patch(f"/initiatives/{initiative.pk}", {"link": "javascript:alert(1)"})

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["link"]
    assert "http" in response.json_body["detail"]
    initiative.refresh_from_db()
    assert initiative.link == "https://example.com/issues/1"


def test_unknown_initiative_status_is_refused(world, api, initiative):
    response = api("member").patch(f"/initiatives/{initiative.pk}", {"status": "blocked"})

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["status"]


def test_member_deletes_an_initiative(world, api, initiative):
    response = api("member").delete(f"/initiatives/{initiative.pk}")

    assert response.status_code == 204
    assert not Initiative.objects.exists()


def test_a_member_of_another_team_does_not_touch_initiatives(world, api, initiative):
    stranger = api("stranger")

    added = stranger.post(f"/key-results/{world.key_result.pk}/initiatives", {"title": "Mine"})
    edited = stranger.patch(f"/initiatives/{initiative.pk}", {"title": "Mine"})
    deleted = stranger.delete(f"/initiatives/{initiative.pk}")

    assert [r.status_code for r in (added, edited, deleted)] == [403, 403, 403]
    assert added.json_body == {
        "detail": "Only members of the team, Product Ops or an admin add initiatives."
    }
    assert list(Initiative.objects.values_list("title", flat=True)) == ["One-click reorder button"]
