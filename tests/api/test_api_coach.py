"""API of the coach: lint a draft, read a cycle's readiness report."""

from __future__ import annotations

from okrs.goals import services as goals
from okrs.workspace import services as workspace
from okrs.workspace.permissions import Actor


def test_lint_a_draft_objective_with_its_key_results(world, api):
    body = {
        "objective": {"title": "Become the market leader in Europe"},
        "key_results": [
            {"title": "Launch the new Android app"},
            {"title": "Reduce refund rate from 0.5% to 0.2%"},
            {"metric": "refund rate", "baseline": 0.2, "target": 0.5, "direction": "decrease"},
        ],
    }
    response = api("member").post("/coach/lint", body)
    assert response.status_code == 200, response.json_body
    result = response.json_body
    rules = [(f["rule"], f["path"]) for f in result["findings"]]
    assert ("obj-too-big", "objective") in rules
    assert ("kr-activity", "key_results[0]") in rules
    assert ("kr-binary-unflagged", "key_results[0]") in rules
    assert ("kr-target-wrong-side", "key_results[2]") in rules
    assert ("kr-duplicate-metric", "key_results[2]") in rules  # refund rate, twice
    assert result["findings"][0]["severity"] == "error"  # most severe first
    assert result["summary"]["errors"] == 1
    assert result["lang"] == "en"
    first = result["findings"][0]
    assert set(first) >= {"rule", "category", "severity", "path", "message", "suggestion", "why"}


def test_lint_speaks_the_asked_language_else_the_profile_else_the_organization(world, api):
    body = {"key_results": [{"title": "Migliorare la soddisfazione dei clienti"}]}
    asked = api("member").post("/coach/lint", {**body, "lang": "fr"}).json_body
    assert asked["lang"] == "fr" and asked["findings"][0]["rule"] == "kr-no-target"
    assert "Ce résultat clé" in asked["findings"][0]["message"]
    workspace.profile_set_language(user=world.users["member"], language="it")
    assert api("member").post("/coach/lint", body).json_body["lang"] == "it"
    assert api("viewer").post("/coach/lint", body).json_body["lang"] == "en"


def test_lint_of_key_results_alone_checks_each_and_their_duplicates(world, api):
    body = {
        "key_results": [
            {"title": "Raise repeat purchase rate from 5% to 15%"},
            {"title": "Increase repeat purchase rate from 5% to 12%"},
        ]
    }
    findings = api("member").post("/coach/lint", body).json_body["findings"]
    assert [(f["rule"], f["path"]) for f in findings] == [("kr-duplicate-metric", "key_results[1]")]


def test_lint_refuses_nothing_to_lint_unknown_fields_and_bad_numbers(world, api):
    member = api("member")
    empty = member.post("/coach/lint", {})
    assert empty.status_code == 422
    assert "Send an objective, key results, or both." in empty.json_body["detail"]
    typo = member.post("/coach/lint", {"key_results": [{"title": "x", "tagret": 3}]})
    assert typo.status_code == 422 and "key_results.0.tagret" in typo.json_body["errors"]
    text = member.post("/coach/lint", {"key_results": [{"title": "x", "target": "3"}]})
    assert text.status_code == 422 and "key_results.0.target" in text.json_body["errors"]
    many = member.post("/coach/lint", {"key_results": [{"title": "x"}] * 21})
    assert many.status_code == 422


def test_readiness_of_a_cycle_by_team(world, api):
    goals.key_result_create(
        actor=Actor.system(world.org), objective=world.objective, title="Grow total downloads"
    )
    response = api("ops").get(f"/cycles/{world.cycle.pk}/readiness?lang=it")
    assert response.status_code == 200, response.json_body
    report = response.json_body
    assert report["cycle"] == {"id": world.cycle.pk, "name": "2026-Q4", "status": "active"}
    assert report["lang"] == "it"
    assert report["key_results"] == 3 and report["not_measurable"] == 3
    teams = {team["name"]: team for team in report["teams"]}
    assert set(teams) == {"Acme", "Checkout"}
    checkout = teams["Checkout"]
    assert checkout["team"] == world.checkout.pk
    vanity = [f for f in checkout["findings"] if f["rule"] == "kr-vanity"]
    assert vanity[0]["subject"] == "Grow total downloads"
    assert vanity[0]["object_type"] == "key_result"
    assert checkout["summary"]["warnings"] == len(checkout["findings"])


def test_readiness_of_another_organizations_cycle_is_404(world, api):
    response = api("ops").get(f"/cycles/{world.other_cycle.pk}/readiness")
    assert response.status_code == 404


def test_a_number_beyond_what_a_key_result_holds_is_refused_with_its_field(world, api):
    body = {"key_results": [{"metric": "revenue", "baseline": 1e30, "target": 1e30}]}
    response = api("member").post("/coach/lint", body)
    assert response.status_code == 422, response.json_body
    assert "key_results.0.baseline" in response.json_body["errors"]
