from __future__ import annotations


def test_decrease_key_result_check_in_gives_half_progress(world, api):
    client = api("member")
    created = client.post(
        "/key-results",
        {
            "objective": world.objective.pk,
            "title": "Cut refund rate",
            "direction": "decrease",
            "baseline": 10,
            "target": 5,
        },
    )
    assert created.status_code == 201, created.json_body
    kr_id = created.json_body["id"]
    response = client.post(f"/key-results/{kr_id}/check-ins", {"value": 7.5, "confidence": 6})
    assert response.status_code == 201, response.json_body
    assert response.json_body["key_result"]["progress"] == 0.5
    assert client.get(f"/key-results/{kr_id}").json_body["progress"] == 0.5
