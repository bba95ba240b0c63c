"""The coach in the web app: live panels beside the forms, the readiness report and its CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from edit_helpers import ORG, post

from okrs.goals import services as goals
from okrs.goals.models import Cycle
from okrs.workspace import services as workspace
from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor

HTMX = {"HTTP_HX_REQUEST": "true"}


def kr_panel_url(world, key_result=None) -> str:
    url = f"{ORG}/coach/objectives/{world.objective.pk}/key-result/"
    return f"{url}?key_result={key_result.pk}" if key_result else url


def rules_in(html: str) -> list[str]:
    return re.findall(r'data-rule="([a-z-]+)"', html)


def fill_values(html: str) -> dict[str, str]:
    match = re.search(
        r'<script id="coach-fill-values" type="application/json">(.*?)</script>', html
    )
    assert match, "the panel offers no values to fill in"
    return json.loads(match.group(1))


# Live panel of the key-result form ------------------------------------------------------------


def test_key_result_panel_flags_an_activity_as_it_is_typed(world, browser_client):
    client = browser_client("member")
    response = post(
        client,
        kr_panel_url(world),
        {"title": "Launch the new Android app", "kind": "metric"},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert rules_in(html) == ["kr-activity", "kr-binary-unflagged"]
    assert "not an outcome" in html
    assert "<html" not in html  # a fragment for the panel, not a page


def test_key_result_panel_speaks_the_readers_language(world, browser_client):
    workspace.profile_set_language(user=world.users["member"], language="it")
    client = browser_client("member")
    response = post(
        client, kr_panel_url(world), {"title": "Migliorare la soddisfazione dei clienti"}, **HTMX
    )
    html = response.content.decode()
    assert rules_in(html) == ["kr-no-target"]
    assert "Errore" in html and "no number to reach" not in html


def test_panel_reads_the_sentence_and_offers_the_fields_in_the_input_format(world, browser_client):
    client = browser_client("member")
    data = {
        "title": "Reduce refund rate from 0.5% to 0.2% by Q4",
        "kind": "metric",
        "baseline": "0",
    }
    html = post(client, kr_panel_url(world), data, **HTMX).content.decode()
    # The form's starting baseline of 0 is not what the person said: no "wrong side" error.
    assert rules_in(html) == []
    assert fill_values(html) == {
        "metric": "refund rate",
        "unit": "%",
        "direction": "decrease",
        "baseline": "0.5",
        "target": "0.2",
    }
    workspace.profile_set_language(user=world.users["member"], language="fr")
    html = post(client, kr_panel_url(world), data, **HTMX).content.decode()
    assert fill_values(html)["baseline"] == "0,5"  # what a French number input expects


def test_panel_stops_offering_once_the_fields_say_the_same(world, browser_client):
    client = browser_client("member")
    data = {
        "title": "Reduce refund rate from 0.5% to 0.2%",
        "kind": "metric",
        "metric": "refund rate",
        "unit": "%",
        "direction": "decrease",
        "baseline": "0.5",
        "target": "0.2",
    }
    html = post(client, kr_panel_url(world), data, **HTMX).content.decode()
    assert "coach-fill-values" not in html
    assert "data-coach-clean" in html


def test_panel_checks_typed_numbers_against_the_direction(world, browser_client):
    data = {
        "title": "Cut refund rate",
        "kind": "metric",
        "metric": "refund rate",
        "direction": "decrease",
        "baseline": "0.2",
        "target": "0.5",
    }
    html = post(browser_client("member"), kr_panel_url(world), data, **HTMX).content.decode()
    assert "kr-target-wrong-side" in rules_in(html)


def test_panel_finds_a_sibling_on_the_same_metric_but_not_the_key_result_itself(
    world, browser_client
):
    client = browser_client("member")
    data = {
        "title": "Cut checkout abandonment from 30% to 10%",
        "kind": "metric",
        "metric": "checkout abandonment",
        "direction": "decrease",
        "baseline": "30",
        "target": "10",
    }
    html = post(client, kr_panel_url(world), data, **HTMX).content.decode()
    assert rules_in(html) == ["kr-duplicate-metric"]
    assert "Cut checkout abandonment from 40% to 20%" in html
    editing = post(client, kr_panel_url(world, world.key_result), data, **HTMX)
    assert rules_in(editing.content.decode()) == []


def test_empty_title_gets_the_invitation_to_write(world, browser_client):
    html = post(browser_client("member"), kr_panel_url(world), {"title": ""}, **HTMX)
    assert "Start writing" in html.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"), [("viewer", 200), ("stranger", 200), ("outsider", 404)]
)
def test_panel_answers_whoever_sees_the_objective_and_writes_nothing(
    world, browser_client, persona, status
):
    before = AuditEvent.objects.count()
    response = post(browser_client(persona), kr_panel_url(world), {"title": "Ship it"}, **HTMX)
    assert response.status_code == status
    assert AuditEvent.objects.count() == before


def test_panel_refuses_get_and_posts_without_csrf(world, browser_client):
    client = browser_client("member")
    assert client.get(kr_panel_url(world)).status_code == 405
    assert client.post(kr_panel_url(world), {"title": "x"}).status_code == 403


def test_key_result_forms_carry_the_live_panel(world, browser_client):
    client = browser_client("member")
    new = client.get(f"{ORG}/objectives/{world.objective.pk}/key-results/new/").content.decode()
    assert f'hx-post="{kr_panel_url(world)}"' in new
    assert 'hx-include="#page-form"' in new and 'id="page-form"' in new
    edit = client.get(f"{ORG}/key-results/{world.key_result.pk}/edit/").content.decode()
    assert f'hx-post="{kr_panel_url(world, world.key_result)}"' in edit


# Live panel of the objective form ---------------------------------------------------------------


def test_objective_panel_flags_a_multi_year_ambition(world, browser_client):
    client = browser_client("lead")
    data = {"title": "Become the market leader in Europe"}
    html = post(client, f"{ORG}/coach/objective/", data, **HTMX).content.decode()
    assert rules_in(html) == ["obj-too-big"]
    assert "Learn whether we can become the market leader in Europe" in html


def test_objective_panel_counts_the_key_results_of_the_objective_being_edited(
    world, browser_client
):
    url = f"{ORG}/coach/objective/?objective={world.objective.pk}"
    data = {"title": "Make reordering effortless"}
    html = post(browser_client("lead"), url, data, **HTMX).content.decode()
    assert rules_in(html) == ["obj-too-few-key-results"]  # 1 key result, 3 expected
    new = post(browser_client("lead"), f"{ORG}/coach/objective/", data, **HTMX)
    assert rules_in(new.content.decode()) == []  # a new objective has no key results yet


def test_objective_forms_carry_the_live_panel_and_the_pain_flow_link(world, browser_client):
    client = browser_client("lead")
    html = client.get(f"{ORG}/objectives/new/").content.decode()
    assert f'hx-post="{ORG}/coach/objective/"' in html
    assert f'href="{ORG}/coach/pain-to-key-results/"' in html
    edit = client.get(f"{ORG}/objectives/{world.objective.pk}/edit/").content.decode()
    assert f'hx-post="{ORG}/coach/objective/?objective={world.objective.pk}"' in edit


def test_objective_panel_of_another_organizations_objective_is_404(world, browser_client):
    url = f"{ORG}/coach/objective/?objective={world.other_objective.pk}"
    assert post(browser_client("lead"), url, {"title": "x"}, **HTMX).status_code == 404


# Readiness report -----------------------------------------------------------------------------


def _vanity_key_result(world) -> None:
    goals.key_result_create(
        actor=Actor.system(world.org),
        objective=world.objective,
        title='=HYPERLINK("http://x") total registered accounts',
    )


def test_readiness_default_opens_the_cycle_being_planned(world, browser_client):
    planning = goals.cycle_create(
        actor=Actor.system(world.org),
        name="2027-Q1",
        start="2027-01-01",
        end="2027-03-31",
    )
    response = browser_client("viewer").get(f"{ORG}/readiness/")
    assert response.status_code == 302
    assert response["Location"] == f"{ORG}/cycles/{planning.pk}/readiness/"
    chosen = browser_client("viewer").get(f"{ORG}/readiness/?cycle={world.cycle.pk}")
    assert chosen["Location"] == f"{ORG}/cycles/{world.cycle.pk}/readiness/"


def test_readiness_page_groups_findings_by_team_with_links(world, browser_client):
    _vanity_key_result(world)
    html = browser_client("member").get(f"{ORG}/cycles/{world.cycle.pk}/readiness/")
    assert html.status_code == 200
    page = html.content.decode()
    assert page.index(">Acme</a></h2>") < page.index(">Checkout</a></h2>")
    assert 'data-count="not-measurable">3<' in page
    assert "kr-vanity" in rules_in(page)
    # A member of Checkout edits its key results; the company's only open on their page.
    assert f'href="{ORG}/key-results/{world.key_result.pk}/edit/"' in page
    assert f'href="{ORG}/key-results/{world.company_kr.pk}/"' in page


def test_readiness_page_of_another_organizations_cycle_is_404(world, browser_client):
    url = f"{ORG}/cycles/{world.other_cycle.pk}/readiness/"
    assert browser_client("member").get(url).status_code == 404
    assert browser_client("outsider").get(f"{ORG}/readiness/").status_code == 404


def test_readiness_queries_do_not_grow_with_the_cycle(
    world, browser_client, django_assert_max_num_queries
):
    system = Actor.system(world.org)
    client = browser_client("ops")
    url = f"{ORG}/cycles/{world.cycle.pk}/readiness/"
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for index in range(8):
        objective = goals.objective_create(
            actor=system,
            cycle=world.cycle,
            team=world.search,
            title=f"Draft {index}",
            state="draft",
        )
        for k in range(3):
            goals.key_result_create(
                actor=system, objective=objective, title=f"Grow total downloads {index}.{k}"
            )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('data-rule="kr-vanity"') == 24


def test_readiness_csv_is_one_row_a_finding_in_the_readers_language(world, browser_client):
    _vanity_key_result(world)
    workspace.profile_set_language(user=world.users["ops"], language="it")
    client = browser_client("ops")
    response = client.get(f"{ORG}/cycles/{world.cycle.pk}/readiness.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="readiness-acme-2026-Q4.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    vanity = [row for row in rows if row["rule"] == "kr-vanity"]
    assert len(vanity) == 1
    assert vanity[0]["team"] == "Checkout" and vanity[0]["severity"] == "warning"
    assert vanity[0]["object"].startswith("'=HYPERLINK")  # never a formula in a spreadsheet
    assert "cresce" in vanity[0]["message"]  # Italian
    assert {row["team"] for row in rows} == {"Acme", "Checkout"}


def test_readiness_of_a_cycle_without_objectives_says_so(world, browser_client):
    empty = goals.cycle_create(
        actor=Actor.system(world.org), name="2027-Q2", start="2027-04-01", end="2027-06-30"
    )
    assert empty.status == Cycle.Status.PLANNING
    html = browser_client("viewer").get(f"{ORG}/cycles/{empty.pk}/readiness/").content.decode()
    assert "no objectives yet" in html


def test_navigation_links_to_readiness(world, browser_client):
    html = browser_client("viewer").get(f"{ORG}/").content.decode()
    assert f'href="{ORG}/readiness/"' in html


@pytest.mark.parametrize("value", ["abc", "1e3", "99999999"])
def test_a_bad_id_in_the_query_is_a_not_found_page_never_a_500(world, browser_client, value):
    client = browser_client("member")
    response = post(
        client,
        f"{ORG}/coach/objectives/{world.objective.pk}/key-result/?key_result={value}",
        {"title": "Raise revenue to 10", "kind": "metric"},
        **HTMX,
    )
    assert response.status_code == 404
    response = post(client, f"{ORG}/coach/objective/?objective={value}", {"title": "x"}, **HTMX)
    assert response.status_code == 404
