"""Checking in through the web: the dialog (htmx), the page without JavaScript, errors, rights."""

from __future__ import annotations

import html as html_lib
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor

HTMX = {"HX-Request": "true"}


def check_in_url(key_result: KeyResult) -> str:
    return f"/o/acme/key-results/{key_result.pk}/check-in/"


def csrf(client: Any) -> str:
    """The CSRF token of the signed-in client: every page of the app sets one."""
    if "csrftoken" not in client.cookies:
        client.get("/o/acme/")
    return client.cookies["csrftoken"].value


def post(client: Any, key_result: KeyResult, data: dict[str, Any], **headers: str) -> Any:
    """Post the check-in form as htmx does: the token in the X-CSRFToken header (base.html)."""
    return client.post(
        check_in_url(key_result), data, headers={"X-CSRFToken": csrf(client), **headers}
    )


def field_error(html: str, name: str) -> str:
    """The error shown next to the field ``name`` (empty when there is none)."""
    match = re.search(rf'<p class="field-error" id="id_{name}_error">(.*?)</p>', html, re.S)
    return html_lib.unescape(match.group(1).strip()) if match else ""


def writes() -> tuple[int, int]:
    return CheckIn.objects.count(), AuditEvent.objects.count()


@pytest.fixture
def binary(world: Any) -> KeyResult:
    return goals.key_result_create(
        actor=Actor.system(world.org),
        objective=world.objective,
        title="Ship one-click reorder",
        kind=KeyResult.Kind.BINARY,
        chance_of_success="0.6",
    )


# Opening the form ------------------------------------------------------------------------------


def test_htmx_opens_a_labelled_dialog_with_the_value_field_focused(world, browser_client):
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, confidence=6
    )
    response = browser_client("member").get(check_in_url(world.key_result), headers=HTMX)

    assert response.status_code == 200
    body = response.text
    assert body.lstrip().startswith("<dialog") and "<html" not in body
    assert 'data-okrs-dialog aria-labelledby="check-in-title"' in body
    assert '<h2 id="check-in-title">Check in</h2>' in body
    assert '<label for="id_value">New value (%)</label>' in body
    assert re.search(r'<input type="text" name="value" value="35"[^>]*autofocus', body)
    assert 'name="confidence" value="6"' in body  # starts from the last confidence
    assert 'data-dialog-close aria-label="Close"' in body


def test_without_javascript_the_check_in_is_a_page(world, browser_client):
    response = browser_client("member").get(check_in_url(world.key_result))
    assert response.status_code == 200
    assert "<html" in response.text and "<dialog" not in response.text
    assert (
        f'<form class="check-in-form" method="post" action="{check_in_url(world.key_result)}"'
        in (response.text)
    )


def test_binary_key_result_asks_done_or_not_and_the_chance_of_success(
    world, browser_client, binary
):
    body = browser_client("member").get(check_in_url(binary), headers=HTMX).text
    assert 'name="value"' not in body
    assert "<legend>Is it done?</legend>" in body
    assert 'type="radio" name="done" value="1"' in body
    assert 'name="chance_of_success" value="60"' in body  # 0.6 shown as 60 %


# Saving ----------------------------------------------------------------------------------------


def test_post_without_javascript_saves_and_goes_back_to_the_key_result(world, browser_client):
    client = browser_client("member")
    response = post(client, world.key_result, {"value": "30", "confidence": "7", "note": "A/B"})

    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/key-results/{world.key_result.pk}/"
    check_in = CheckIn.objects.get(key_result=world.key_result)
    assert (check_in.value, check_in.confidence, check_in.note) == (30, 7, "A/B")
    assert (check_in.author, check_in.source) == (world.users["member"], CheckIn.Source.MANUAL)
    page = client.get(response["Location"]).text
    assert "Check-in saved." in page


def test_htmx_post_answers_the_event_and_the_updated_page_fragments(world, browser_client):
    data = {"value": "30", "confidence": "8", "note": "New button", "refresh": "page"}
    response = post(browser_client("member"), world.key_result, data, **HTMX)

    assert response.status_code == 200
    assert response["HX-Reswap"] == "none"
    event = json.loads(response["HX-Trigger"])["checkin-saved"]
    assert event["key_result"] == world.key_result.pk
    assert event["objective"] == world.objective.pk
    assert event["message"] == "Check-in saved."
    body = response.text
    for fragment in ("kr-summary", "kr-chart", "kr-history", "kr-audit"):
        assert re.search(rf'id="{fragment}"[^>]*hx-swap-oob="true"', body), fragment
    summary = body.split('id="kr-summary"', 1)[1].split("</section>", 1)[0]
    assert "data-kr-current>30%<" in summary
    assert "data-kr-progress>50%<" in summary
    history = body.split('id="kr-history"', 1)[1].split("</section>", 1)[0]
    assert "New button" in history and "8/10" in history
    chart = json.loads(re.search(r'id="kr-chart-data" type="application/json">(.*?)<', body)[1])
    assert [point[1] for point in chart["series"]["values"]] == [30.0]
    assert "checked in a new value" in body


def test_htmx_post_from_another_page_answers_only_the_event(world, browser_client):
    response = post(browser_client("member"), world.key_result, {"value": "30"}, **HTMX)
    assert response.status_code == 200
    assert response.text == ""
    assert json.loads(response["HX-Trigger"])["checkin-saved"]["key_result"] == world.key_result.pk


def test_binary_check_in_records_done_and_the_chance_in_the_audit(world, browser_client, binary):
    response = post(
        browser_client("member"), binary, {"done": "1", "chance_of_success": "85"}, **HTMX
    )

    assert response.status_code == 200 and "HX-Trigger" in response
    binary.refresh_from_db()
    assert (binary.current, binary.chance_of_success) == (1, Decimal("0.85"))
    event = AuditEvent.objects.filter(action="key_result.check_in").latest("id")
    assert (event.before, event.after["chance_of_success"]) == (
        {"chance_of_success": "0.60"},
        "0.85",
    )
    audit = browser_client("viewer").get(f"/o/acme/key-results/{binary.pk}/").text
    assert re.search(r"<dt>Chance of success</dt>\s*<dd><del>60%</del>.*?<ins>85%</ins>", audit)


# Errors, shown next to the field, nothing written ----------------------------------------------


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"value": "thirty"}, "value", "Enter the new value as a number, for example 12.5."),
        ({"value": ""}, "value", "Enter the new value."),
        (
            {"value": "30", "confidence": "11"},
            "confidence",
            "Confidence goes from 0 (no chance) to 10 (certain).",
        ),
        (
            {"value": "30", "confidence": "-1"},
            "confidence",
            "Confidence goes from 0 (no chance) to 10 (certain).",
        ),
    ],
)
def test_invalid_input_is_shown_inline_and_nothing_is_written(
    world, browser_client, data, field, message
):
    before = writes()
    response = post(browser_client("member"), world.key_result, data, **HTMX)

    assert response.status_code == 200  # htmx swaps 2xx only: the form comes back with errors
    assert "HX-Trigger" not in response
    body = response.text
    assert body.lstrip().startswith("<form")  # the form alone: the dialog stays open
    assert field_error(body, field) == message
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', body)
    assert re.search(rf'aria-describedby="id_{field}_error', body)
    assert writes() == before


def test_binary_value_other_than_done_or_not_done_is_refused(world, browser_client, binary):
    before = writes()
    response = post(browser_client("member"), binary, {"done": "2"}, **HTMX)
    assert response.status_code == 200
    assert "Select a valid choice" in field_error(response.text, "done")
    assert writes() == before


def test_chance_of_success_over_100_is_refused(world, browser_client, binary):
    before = writes()
    response = post(browser_client("member"), binary, {"done": "0", "chance_of_success": "120"})
    assert field_error(response.text, "chance_of_success") == (
        "The chance of success goes from 0 to 100."
    )
    assert writes() == before


def test_a_rule_of_the_service_is_shown_on_the_form(world, browser_client):
    system = Actor.system(world.org)
    for status in (Cycle.Status.REVIEW, Cycle.Status.CLOSED):
        goals.cycle_transition(actor=system, cycle=world.cycle, status=status)
    before = writes()

    response = post(browser_client("member"), world.key_result, {"value": "30"}, **HTMX)

    assert response.status_code == 200
    assert '<div class="error form-error" role="alert">' in response.text
    assert "is closed and its numbers are final" in response.text
    assert writes() == before


def test_errors_keep_what_was_typed(world, browser_client):
    response = post(
        browser_client("member"), world.key_result, {"value": "3O", "note": "typo"}, **HTMX
    )
    assert 'name="value" value="3O"' in response.text
    assert ">\ntypo</textarea>" in response.text


# Who may check in ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["viewer", "stranger"])
def test_people_outside_the_team_are_refused_with_a_message(world, browser_client, persona):
    client = browser_client(persona)
    before = writes()

    page = client.get(check_in_url(world.key_result))
    assert page.status_code == 403
    assert "You cannot check in this key result" in page.text
    assert "Only members of the team, Product Ops or an admin" in page.text

    response = post(client, world.key_result, {"value": "30"})
    assert response.status_code == 403
    dialog = post(client, world.key_result, {"value": "30"}, **HTMX)
    assert dialog.status_code == 403 and "data-check-in-refused" in dialog.text
    assert writes() == before


def test_outsiders_do_not_find_the_key_result(world, browser_client):
    client = browser_client("outsider")
    assert client.get(check_in_url(world.key_result)).status_code == 404
    assert browser_client("member").get(check_in_url(world.other_key_result)).status_code == 404
    before = writes()
    assert post(browser_client("admin"), world.other_key_result, {"value": "1"}).status_code == 404
    assert writes() == before


def test_csrf_is_enforced(world, browser_client):
    client = browser_client("member")
    response = client.post(check_in_url(world.key_result), {"value": "30"}, headers=HTMX)
    assert response.status_code == 403
    assert not CheckIn.objects.exists()


def test_saved_answer_queries_do_not_grow_with_check_ins(world, browser_client):
    client = browser_client("member")
    csrf(client)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = post(client, world.key_result, {"value": "30", "refresh": "page"}, **HTMX)
            assert response.status_code == 200
        return len(queries)

    few = count()
    for value in range(31, 45):
        goals.key_result_check_in(
            actor=world.actor("member"), key_result=world.key_result, value=value
        )
    assert count() == few
