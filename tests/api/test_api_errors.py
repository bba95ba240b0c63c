"""Errors of the API: always JSON with a ``detail`` for people, fields named, never a 500.

The test client re-raises any exception a view lets through, so a request that would answer 500
fails its test instead of passing unnoticed.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import timezone

from okrs.goals.models import CheckIn, Cycle, KeyResult, Objective
from okrs.workspace import services as workspace
from okrs.workspace.models import ApiToken, Membership, Team


def assert_error(response, status: int, *fields: str) -> dict:
    """``response`` is a JSON error with a sentence in ``detail`` and, if given, these fields."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    assert isinstance(body["detail"], str)
    assert len(body["detail"]) > 10
    assert "Traceback" not in body["detail"]
    if fields:
        assert sorted(body["errors"]) == sorted(fields)
        for field in fields:
            assert field in body["detail"]
    return body


@pytest.fixture
def member(api):
    return api("member")


@pytest.fixture
def check_ins_path(world):
    return f"/key-results/{world.key_result.pk}/check-ins"


# 400: not JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ['{"value": ', "{'value': 7}", '{"value": 7,}', "value=7", '{"value": 7} trailing']
)
def test_a_body_that_is_not_json_is_400(world, member, check_ins_path, raw):
    response = member.post(check_ins_path, raw=raw)

    body = assert_error(response, 400)
    assert (
        body["detail"] == "The request body is not valid JSON. Check quotes, commas and brackets."
    )
    assert not CheckIn.objects.exists()


def test_a_patch_body_that_is_not_json_is_400(world, member):
    response = member.patch(f"/key-results/{world.key_result.pk}", raw='{"title": "x"')

    assert_error(response, 400)


@pytest.mark.parametrize("raw", ["[1, 2]", '"seven"', "7", "null"])
def test_a_body_that_is_not_an_object_is_422(world, member, check_ins_path, raw):
    response = member.post(check_ins_path, raw=raw)

    assert_error(response, 422)
    assert not CheckIn.objects.exists()


# 422: wrong types and values --------------------------------------------------------------------


@pytest.mark.parametrize("value", ["seven", "7.5", "", True, [7.5], {"value": 7.5}, None])
def test_a_value_that_is_not_a_number_is_422_naming_the_field(world, member, check_ins_path, value):
    response = member.post(check_ins_path, {"value": value})

    assert_error(response, 422, "value")
    assert not CheckIn.objects.exists()


WRONG_KEY_RESULT_FIELDS = [
    ("baseline", "ten"),
    ("target", "5"),
    ("weight", False),
    ("objective", "the checkout one"),
    ("title", 42),
    ("direction", "sideways"),
    ("kind", "maybe"),
    ("deadline", "next friday"),
    ("chance_of_success", "likely"),
]


def test_a_key_result_field_of_the_wrong_type_is_422_naming_it(world, member):
    for field, value in WRONG_KEY_RESULT_FIELDS:
        body = {"objective": world.objective.pk, "title": "Typed", field: value}

        response = member.post("/key-results", body)

        assert_error(response, 422, field)
    assert world.objective.key_results.count() == 1


def test_a_confidence_that_is_not_a_whole_number_is_422(world, member, check_ins_path):
    response = member.post(check_ins_path, {"value": 30, "confidence": "high"})

    assert_error(response, 422, "confidence")


def test_every_wrong_field_is_named_at_once(world, member):
    response = member.post(
        "/key-results", {"objective": world.objective.pk, "title": "", "baseline": "x", "unit": 7}
    )

    assert_error(response, 422, "title", "baseline", "unit")


def test_a_missing_required_field_is_422_naming_it(world, member, check_ins_path):
    response = member.post(check_ins_path, {"confidence": 5})

    body = assert_error(response, 422, "value")
    assert body["errors"]["value"] == ["Field required"]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity_are_422(world, member, check_ins_path, number):
    response = member.post(check_ins_path, raw=f'{{"value": {number}}}')

    body = assert_error(response, 422, "value")
    assert body["errors"] == {"value": ["Input should be a finite number"]}
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("field", ["baseline", "target", "weight"])
def test_nan_in_a_key_result_is_422(world, member, field):
    raw = f'{{"objective": {world.objective.pk}, "title": "Not a number", "{field}": NaN}}'

    response = member.post("/key-results", raw=raw)

    assert_error(response, 422, field)
    assert not KeyResult.objects.filter(title="Not a number").exists()


def test_infinity_in_a_key_result_patch_is_422(world, member):
    response = member.patch(f"/key-results/{world.key_result.pk}", raw='{"target": Infinity}')

    assert_error(response, 422, "target")
    world.key_result.refresh_from_db()
    assert world.key_result.target == 20


@pytest.mark.parametrize(
    ("method", "path", "body", "typo"),
    [
        ("post", "/teams", {"name": "Growth", "kidn": "team"}, "kidn"),
        ("post", "/cycles", {"name": "Q", "start": "2027-01-01", "end": "2027-03-01", "x": 1}, "x"),
        ("post", "/key-results", {"title": "T", "tagret": 5}, "tagret"),
        ("patch", "/key-results/{kr}", {"tagret": 5}, "tagret"),
        ("patch", "/objectives/{objective}", {"cycle": 1}, "cycle"),
        ("post", "/key-results/{kr}/check-ins", {"value": 30, "confidance": 7}, "confidance"),
        ("post", "/key-results/{kr}/initiatives", {"title": "T", "owner": 1}, "owner"),
        ("post", "/cycles/{cycle}/transition", {"status": "review", "force": True}, "force"),
    ],
)
def test_unknown_fields_are_422_naming_them(world, api, method, path, body, typo):
    ids = {"kr": world.key_result.pk, "objective": world.objective.pk, "cycle": world.cycle.pk}
    if path == "/key-results":
        body = {**body, "objective": world.objective.pk}
    before = KeyResult.objects.count(), Team.objects.count(), Cycle.objects.count()

    response = api("admin").call(method, path.format(**ids), body)

    body = assert_error(response, 422, typo)
    assert body["errors"][typo] == ["Extra inputs are not permitted"]
    assert (KeyResult.objects.count(), Team.objects.count(), Cycle.objects.count()) == before
    assert not CheckIn.objects.exists()


def test_an_unknown_cycle_status_is_422(world, api):
    response = api("admin").post(f"/cycles/{world.cycle.pk}/transition", {"status": "done"})

    assert_error(response, 422, "status")


# 404: unknown ids -------------------------------------------------------------------------------


UNKNOWN_IDS = [
    ("get", "/teams/999999"),
    ("patch", "/teams/999999"),
    ("delete", "/teams/999999"),
    ("get", "/cycles/999999"),
    ("post", "/cycles/999999/transition"),
    ("get", "/objectives/999999"),
    ("delete", "/objectives/999999"),
    ("get", "/key-results/999999"),
    ("patch", "/key-results/999999"),
    ("get", "/key-results/999999/check-ins"),
    ("post", "/key-results/999999/check-ins"),
    ("delete", "/check-ins/999999"),
    ("get", "/key-results/999999/initiatives"),
    ("patch", "/initiatives/999999"),
    ("delete", "/initiatives/999999"),
    ("get", "/key-results/" + "9" * 40),
]


def body_for(method: str, path: str) -> dict | None:
    """A valid body for the write, so that only the id can be wrong."""
    if method in ("get", "delete"):
        return None
    if "check-ins" in path:
        return {"value": 30}
    if "transition" in path:
        return {"status": "review"}
    return {"name": "x"} if "teams" in path else {"title": "x"}


def test_unknown_ids_are_404(world, api, acme_state):
    client = api("admin")
    before = acme_state()
    for method, path in UNKNOWN_IDS:
        response = client.call(method, path, body_for(method, path))

        assert assert_error(response, 404) == {
            "detail": "Not found: there is no such object in your organization."
        }, (method, path)
    assert acme_state() == before


def test_unknown_ids_in_a_body_are_404(world, api):
    client = api("admin")
    valid = {"cycle": world.cycle.pk, "team": world.search.pk, "title": "T"}

    for unknown in ({"cycle": 999999}, {"team": 999999}, {"parent_key_result": 999999}):
        response = client.post("/objectives", {**valid, **unknown})

        assert_error(response, 404)
    assert Objective.objects.filter(organization=world.org).count() == 2


def test_an_id_that_is_not_a_number_is_422_naming_it(world, api):
    response = api("admin").get("/key-results/abc")

    assert_error(response, 422, "key_result_id")


# 401: tokens ------------------------------------------------------------------------------------


def _assert_unauthenticated(response) -> None:
    body = assert_error(response, 401)
    assert "okrs token create" in body["detail"]
    assert "Authorization: Bearer" in body["detail"]


def test_no_token_is_401_saying_how_to_get_one(world):
    _assert_unauthenticated(Client().get("/api/v1/me"))


@pytest.mark.parametrize(
    "authorization", ["Bearer okrs_not-a-real-token", "Bearer ", "Basic YWRtaW46cHctYWRtaW4=", "x"]
)
def test_an_invalid_token_is_401(world, authorization):
    response = Client().get("/api/v1/key-results", headers={"Authorization": authorization})

    _assert_unauthenticated(response)


def test_a_revoked_token_is_401(world, api):
    token, secret = workspace.api_token_create(user=world.users["member"], organization=world.org)
    headers = {"Authorization": f"Bearer {secret}"}
    assert Client().get("/api/v1/me", headers=headers).status_code == 200

    workspace.api_token_revoke(actor=world.actor("member"), token=token)
    response = Client().post(
        f"/api/v1/key-results/{world.key_result.pk}/check-ins",
        data={"value": 30},
        content_type="application/json",
        headers=headers,
    )

    _assert_unauthenticated(response)
    assert not CheckIn.objects.exists()


def test_a_token_of_someone_removed_from_the_organization_is_401(world, api):
    client = api("member")
    membership = Membership.objects.get(user=world.users["member"], organization=world.org)

    workspace.membership_remove(actor=world.actor("admin"), membership=membership)

    _assert_unauthenticated(client.get("/me"))
    assert ApiToken.objects.get(user=world.users["member"]).revoked_at is not None


def test_a_token_of_a_deactivated_user_is_401(world, api):
    client = api("member")
    world.users["member"].is_active = False
    world.users["member"].save()

    _assert_unauthenticated(client.get("/me"))


def test_a_token_works_only_in_its_own_organization(world, api):
    # The outsider is admin of globex: their token never reaches acme's rows.
    response = api("outsider").get(f"/teams/{world.checkout.pk}")

    assert_error(response, 404)


# 403 --------------------------------------------------------------------------------------------


def test_a_forbidden_action_says_who_may_do_it(world, api):
    response = api("viewer").post(f"/key-results/{world.key_result.pk}/check-ins", {"value": 30})

    body = assert_error(response, 403)
    assert body == {
        "detail": "Only members of the team, Product Ops or an admin check in its key results."
    }


# Pagination -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=-5", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("offset=" + "9" * 30, "offset"),
        ("cycle=" + "9" * 30, "cycle"),
        ("team=0", "team"),
        ("objective=abc", "objective"),
    ],
)
def test_page_and_filter_parameters_out_of_range_are_422(world, api, query, field):
    path = "/key-results" if "objective" in query else "/objectives"

    response = api("viewer").get(f"{path}?{query}")

    assert_error(response, 422, field)


@pytest.mark.parametrize(
    "path", ["/teams", "/cycles", "/objectives", "/key-results", "/key-results/{kr}/check-ins"]
)
def test_a_limit_above_the_maximum_is_capped(world, api, settings, path, check_in):
    settings.OKRS_API_MAX_PAGE_SIZE = 1
    # At least two of everything.
    Team.objects.create(organization=world.org, name="Growth")
    Cycle.objects.create(
        organization=world.org, name="2027-Q1", start="2027-01-07", end="2027-04-06"
    )
    CheckIn.objects.create(
        organization=world.org, key_result=world.key_result, value=31, created_at=timezone.now()
    )

    response = api("viewer").get(path.format(kr=world.key_result.pk) + "?limit=1000")

    assert response.status_code == 200
    body = response.json_body
    assert body["limit"] == 1
    assert len(body["items"]) == 1
    assert body["count"] >= 2


def test_the_configured_maximum_page_is_the_cap(world, api, settings):
    maximum = settings.OKRS_API_MAX_PAGE_SIZE  # 200 unless the deployment says otherwise

    body = api("viewer").get(f"/teams?limit={maximum + 1}").json_body

    assert body["limit"] == maximum
    assert body["count"] == len(body["items"]) == 4


def test_an_offset_past_the_end_is_an_empty_page(world, api):
    body = api("viewer").get(f"/teams?offset={2**63 - 1}").json_body

    assert (body["count"], body["items"]) == (4, [])


# Never 500 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [1e30, -1e30, 1e-30, 0.1234567891])
def test_numbers_the_database_cannot_hold_are_422(world, member, number):
    response = member.post(
        "/key-results",
        {"objective": world.objective.pk, "title": "Huge", "baseline": number, "target": 1e31},
    )

    assert_error(response, 422)
    assert not KeyResult.objects.filter(title="Huge").exists()


def test_a_huge_check_in_value_is_422(world, member, check_ins_path):
    response = member.post(check_ins_path, {"value": 1e30})

    assert_error(response, 422, "value")
    assert not CheckIn.objects.exists()


LONG_TEXTS = [
    ("post", "/teams", {"name": "x" * 10_000}, "name"),
    ("post", "/cycles", {"name": "x" * 10_000, "start": "2027-01-01", "end": "2027-02-01"}, "name"),
    ("post", "/objectives", {"cycle": 0, "team": 0, "title": "x" * 10_000}, "title"),
    ("post", "/key-results", {"objective": 0, "title": "x" * 10_000}, "title"),
    ("patch", "/key-results/{kr}", {"title": "x" * 10_000}, "title"),
    ("patch", "/key-results/{kr}", {"unit": "x" * 10_000}, "unit"),
    ("post", "/key-results/{kr}/check-ins", {"value": 1, "note": "x" * 10_000}, "note"),
    ("post", "/key-results/{kr}/initiatives", {"title": "x" * 10_000}, "title"),
]


def test_a_10000_character_text_is_422(world, api, acme_state):
    client = api("admin")
    before = acme_state()
    for method, path, body, field in LONG_TEXTS:
        response = client.call(method, path.format(kr=world.key_result.pk), body)

        assert_error(response, 422, field)
    assert acme_state() == before


def test_huge_ids_in_a_body_are_404(world, api):
    huge = 10**30

    objective = api("admin").post("/key-results", {"objective": huge, "title": "T"})
    owner = api("admin").patch(f"/key-results/{world.key_result.pk}", {"owner": huge})
    parent = api("admin").post("/teams", {"name": "Growth", "parent": huge})

    for response in (objective, owner, parent):
        assert_error(response, 404)


def test_dates_at_the_ends_of_the_calendar_are_answered(world, api):
    response = api("admin").post(
        "/cycles", {"name": "Far", "start": "9999-12-01", "end": "9999-12-31"}
    )
    old = api("admin").post(
        f"/key-results/{world.key_result.pk}/check-ins",
        {"value": 39, "at": "0001-01-01T00:00:00Z"},
    )

    assert response.status_code == 201, response.json_body
    assert response.json_body["expected_progress"] == 0.0
    assert old.status_code == 201, old.json_body
