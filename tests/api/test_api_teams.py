"""GET /me and the team tree: /teams and /teams/{id}."""

from __future__ import annotations

from okrs.workspace.models import Team


def test_me_names_the_user_organization_role_and_teams(world, api):
    response = api("lead").get("/me")

    assert response.status_code == 200
    assert response.json_body == {
        "username": "lead",
        "organization": "acme",
        "role": "lead",
        "team_ids": [world.checkout.pk],
    }


def test_me_of_the_outsider_is_their_own_organization(api):
    body = api("outsider").get("/me").json_body

    assert (body["username"], body["organization"], body["role"]) == ("outsider", "globex", "admin")


def test_team_list_is_the_organization_tree_by_name(world, api):
    response = api("viewer").get("/teams")

    assert response.status_code == 200
    assert response.json_body == {
        "count": 4,
        "limit": 50,
        "offset": 0,
        "items": [
            {
                "id": world.company.pk,
                "ref": "acme",
                "name": "Acme",
                "kind": "company",
                "parent": None,
            },
            {
                "id": world.checkout.pk,
                "ref": "checkout",
                "name": "Checkout",
                "kind": "team",
                "parent": world.product.pk,
            },
            {
                "id": world.product.pk,
                "ref": "product",
                "name": "Product",
                "kind": "department",
                "parent": world.company.pk,
            },
            {
                "id": world.search.pk,
                "ref": "search",
                "name": "Search",
                "kind": "team",
                "parent": world.product.pk,
            },
        ],
    }


def test_team_list_pages_with_limit_and_offset(api):
    body = api("viewer").get("/teams?limit=2&offset=2").json_body

    assert (body["count"], body["limit"], body["offset"]) == (4, 2, 2)
    assert [team["name"] for team in body["items"]] == ["Product", "Search"]


def test_team_detail(world, api):
    response = api("member").get(f"/teams/{world.search.pk}")

    assert response.status_code == 200
    assert response.json_body == {
        "id": world.search.pk,
        "ref": "search",
        "name": "Search",
        "kind": "team",
        "parent": world.product.pk,
    }


def test_ops_creates_a_team_under_a_department(world, api):
    response = api("ops").post("/teams", {"name": "Growth", "parent": world.product.pk})

    assert response.status_code == 201, response.json_body
    team = Team.objects.get(pk=response.json_body["id"])
    assert response.json_body == {
        "id": team.pk,
        "ref": "growth",
        "name": "Growth",
        "kind": "team",
        "parent": world.product.pk,
    }
    assert team.organization == world.org


def test_admin_renames_and_moves_a_team(world, api):
    response = api("admin").patch(
        f"/teams/{world.search.pk}", {"name": "Discovery", "parent": world.company.pk}
    )

    assert response.status_code == 200, response.json_body
    assert response.json_body["name"] == "Discovery"
    assert response.json_body["parent"] == world.company.pk
    world.search.refresh_from_db()
    assert (world.search.name, world.search.parent_id) == ("Discovery", world.company.pk)


def test_patch_with_null_parent_makes_a_top_level_team(world, api):
    response = api("admin").patch(f"/teams/{world.search.pk}", {"parent": None})

    assert response.status_code == 200, response.json_body
    assert response.json_body["parent"] is None


def test_a_team_cannot_sit_under_its_own_sub_team(world, api):
    response = api("admin").patch(f"/teams/{world.product.pk}", {"parent": world.search.pk})

    assert response.status_code == 422
    assert "cannot sit under itself" in response.json_body["detail"]
    assert list(response.json_body["errors"]) == ["parent"]


def test_team_names_are_unique_in_the_organization(api):
    response = api("admin").post("/teams", {"name": "Search"})

    assert response.status_code == 422
    assert "already exists" in response.json_body["detail"]
    assert Team.objects.filter(name="Search").count() == 1


def test_admin_deletes_an_empty_team(world, api):
    response = api("admin").delete(f"/teams/{world.search.pk}")

    assert response.status_code == 204
    assert response.content == b""
    assert not Team.objects.filter(pk=world.search.pk).exists()
    assert api("admin").get(f"/teams/{world.search.pk}").status_code == 404


def test_a_team_with_objectives_is_not_deleted(world, api):
    response = api("admin").delete(f"/teams/{world.checkout.pk}")

    assert response.status_code == 422
    assert response.json_body["detail"] == (
        "Checkout still has sub-teams or objectives; move or delete them first."
    )
    assert Team.objects.filter(pk=world.checkout.pk).exists()


def test_only_admins_and_ops_manage_teams(world, api):
    lead = api("lead")

    created = lead.post("/teams", {"name": "Growth"})
    renamed = lead.patch(f"/teams/{world.checkout.pk}", {"name": "Basket"})
    deleted = lead.delete(f"/teams/{world.search.pk}")

    for response in (created, renamed, deleted):
        assert response.status_code == 403
        assert response.json_body == {"detail": "Only admins and Product Ops manage teams."}
    assert sorted(Team.objects.filter(organization=world.org).values_list("name", flat=True)) == [
        "Acme",
        "Checkout",
        "Product",
        "Search",
    ]


def test_unknown_team_kind_is_refused(api):
    response = api("admin").post("/teams", {"name": "Growth", "kind": "squad"})

    assert response.status_code == 422
    assert list(response.json_body["errors"]) == ["kind"]
