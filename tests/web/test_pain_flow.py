"""The "from pain to key result" flow: pains, numbers, a draft the coach passes, then saved."""

from __future__ import annotations

import html as html_lib
import re
from decimal import Decimal

import pytest
from edit_helpers import ORG, field_errors, flash, post

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, KeyResult, Objective
from okrs.workspace import services as workspace
from okrs.workspace.permissions import Actor

URL = f"{ORG}/coach/pain-to-key-results/"
PAINS = "Features always cost more than planned\nToo many tools for one job"
NUMBERS = [
    ("average gap between estimated and actual cost of a feature", "30", "%", "10"),
    ("tools used to plan one sprint", "7", "", "3"),
]


def hidden_values(html: str) -> dict[str, str]:
    """The hidden fields a step carries to the next one."""
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
    return {name: html_lib.unescape(value) for name, value in found}


def step_one(world) -> dict[str, str]:
    return {"team": str(world.checkout.pk), "cycle": str(world.cycle.pk), "pains": PAINS}


def step_two(world) -> dict[str, str]:
    data = {**step_one(world), "kr-TOTAL_FORMS": "2", "kr-INITIAL_FORMS": "2"}
    data |= {"kr-MIN_NUM_FORMS": "1", "kr-MAX_NUM_FORMS": "5"}
    for index, (metric, current, unit, target) in enumerate(NUMBERS):
        pain = PAINS.splitlines()[index]
        data |= {
            f"kr-{index}-pain": pain,
            f"kr-{index}-metric": metric,
            f"kr-{index}-current": current,
            f"kr-{index}-unit": unit,
            f"kr-{index}-target": target,
        }
    return data


def test_the_whole_journey_creates_a_draft_objective_measured_from_day_one(world, browser_client):
    client = browser_client("lead")
    assert client.get(URL).status_code == 200
    before = Objective.objects.count()
    # Step 1 -> 2: one block of questions per pain.
    html = post(client, URL, {**step_one(world), "step": "numbers"}).content.decode()
    assert html.count('<fieldset class="pain"') == 2
    assert "Features always cost more than planned" in html
    carried = hidden_values(html)
    assert (
        carried["team"] == str(world.checkout.pk) and carried["kr-0-pain"] == PAINS.splitlines()[0]
    )
    # Step 2 -> 3: the drafted objective and key results, already linted.
    html = post(client, URL, {**step_two(world), "step": "draft"}).content.decode()
    assert "Solve what frustrates us most: Features always cost more than planned" in html
    assert (
        'value="Reduce average gap between estimated and actual cost of a feature from 30% to 10%"'
        in html
    )
    assert 'value="Reduce tools used to plan one sprint from 7 to 3"' in html
    assert 'data-rule="obj-too-few-key-results"' in html  # two pains, three key results expected
    assert 'data-rule="kr-not-measurable"' not in html  # today's values are first check-ins
    assert Objective.objects.count() == before  # nothing saved before the last step
    # Step 3: create.
    data = {**step_two(world), "objective": "Plan with confidence", "step": "create"}
    data["kr-1-title"] = "Cut the tools used to plan a sprint from 7 to 3"
    response = post(client, URL, data)
    assert response.status_code == 302
    objective = Objective.objects.get(title="Plan with confidence")
    assert response["Location"] == f"{ORG}/objectives/{objective.pk}/edit/"
    assert flash(response) == [
        "Draft objective “Plan with confidence” created with its key results."
    ]
    assert objective.state == Objective.State.DRAFT and objective.team == world.checkout
    assert "Too many tools for one job" in objective.description
    first, second = KeyResult.objects.filter(objective=objective).order_by("position")
    assert (first.direction, first.baseline, first.target, first.unit) == (
        "decrease",
        Decimal(30),
        Decimal(10),
        "%",
    )
    assert second.title == "Cut the tools used to plan a sprint from 7 to 3"
    check_in = CheckIn.objects.get(key_result=first)
    assert check_in.value == 30 and check_in.author == world.users["lead"]


def test_going_back_keeps_the_numbers_of_pains_still_listed(world, browser_client):
    client = browser_client("lead")
    data = {**step_two(world), "step": "edit-pains"}
    html = post(client, URL, data).content.decode()
    assert "Too many tools for one job" in html  # the textarea, for editing
    # The pains change: the first stays, the second goes, a new one arrives.
    data = {**hidden_values(html), **step_one(world), "step": "numbers"}
    data["pains"] = "Features always cost more than planned\nReleases break checkout"
    html = post(client, URL, data).content.decode()
    assert 'value="average gap between estimated and actual cost of a feature"' in html
    assert 'value="30"' in html
    assert "Releases break checkout" in html and "Too many tools" not in html


def test_a_target_equal_to_today_is_refused_next_to_the_field(world, browser_client):
    data = {**step_two(world), "kr-0-target": "30", "step": "draft"}
    html = post(browser_client("lead"), URL, data).content.decode()
    assert field_errors(html, "kr-0-target") == [
        "The value to reach is the value today: there would be nothing to achieve."
        " Say where the number must get to."
    ]
    assert '<fieldset class="pain"' in html  # still on step 2


def test_more_than_five_pains_is_refused(world, browser_client):
    data = {**step_one(world), "pains": "\n".join(f"pain {n}" for n in range(6)), "step": "numbers"}
    html = post(browser_client("lead"), URL, data).content.decode()
    assert field_errors(html, "pains")[0].startswith("Keep the 5 pains that matter most")


def test_a_number_in_the_readers_format(world, browser_client):
    workspace.profile_set_language(user=world.users["lead"], language="it")
    data = {**step_two(world), "kr-0-current": "12,5", "kr-0-target": "7,5", "step": "draft"}
    html = post(browser_client("lead"), URL, data).content.decode()
    assert "da 12,5% a 7,5%" in html


def test_preview_answers_the_coach_panel_for_the_edited_draft(world, browser_client):
    data = {**step_two(world), "objective": "Become the market leader in Europe", "step": "preview"}
    response = post(browser_client("lead"), URL, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert 'data-rule="obj-too-big"' in html


def test_an_error_in_the_draft_saves_nothing(world, browser_client):
    data = {**step_two(world), "objective": "Plan with confidence", "step": "create"}
    data["kr-0-title"] = "Improve planning"  # read as the sentence: no number in it
    data |= {"kr-0-metric": "", "kr-0-current": "", "kr-0-target": ""}
    before = Objective.objects.count()
    html = post(browser_client("lead"), URL, data).content.decode()
    assert Objective.objects.count() == before
    assert field_errors(html, "kr-0-metric")  # step 2 again, with the missing number


def test_a_cycle_closed_meanwhile_is_refused_and_nothing_is_written(world, browser_client):
    goals.cycle_transition(actor=Actor.system(world.org), cycle=world.cycle, status="review")
    goals.cycle_transition(actor=Actor.system(world.org), cycle=world.cycle, status="closed")
    data = {**step_two(world), "objective": "Plan with confidence", "step": "create"}
    before = (Objective.objects.count(), KeyResult.objects.count())
    html = post(browser_client("lead"), URL, data).content.decode()
    assert field_errors(html, "cycle")  # back on step 1: closed cycles are not offered
    assert (Objective.objects.count(), KeyResult.objects.count()) == before


def test_no_more_pains_than_the_organization_allows_key_results(world, browser_client):
    workspace.organization_update(
        actor=Actor.system(world.org), min_key_results=1, max_key_results=2
    )
    data = {**step_one(world), "pains": "one\ntwo\nthree", "step": "numbers"}
    html = post(browser_client("lead"), URL, data).content.decode()
    assert field_errors(html, "pains")[0].startswith("Keep the 2 pains that matter most")


@pytest.mark.parametrize(
    ("persona", "status"), [("member", 403), ("viewer", 403), ("outsider", 404)]
)
def test_only_those_who_set_objectives_use_the_flow(world, browser_client, persona, status):
    assert browser_client(persona).get(URL).status_code == status
