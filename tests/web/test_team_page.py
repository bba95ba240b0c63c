"""The team page: who the team is, its key results with trend lines, check-in button, cost, isolation."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.goals.sparkline import sparkline, thin
from okrs.workspace import services as workspace
from okrs.workspace.permissions import Actor


def team_url(team: Any) -> str:
    return f"/o/acme/teams/{team.pk}/"


def row_html(body: str, key_result: Any) -> str:
    """The markup of one key result row, from its stable id to the end of its <li>."""
    start = body.index(f'<li id="kr-{key_result.pk}"')
    return body[start : body.index("</li>", start)]


def on_day(world: Any, day: int) -> dt.datetime:
    return dt.datetime.combine(
        world.cycle.start + dt.timedelta(days=day), dt.time(9), tzinfo=dt.UTC
    )


@pytest.fixture
def history(world: Any) -> None:
    """Three check-ins of the checkout key result: 40 → 36 → 30, the last one with confidence 7."""
    member = world.actor("member")
    for day, value in ((1, 38), (10, 36)):
        goals.key_result_check_in(
            actor=member, key_result=world.key_result, value=value, at=on_day(world, day)
        )
    goals.key_result_check_in(
        actor=member, key_result=world.key_result, value=30, confidence=7, at=on_day(world, 40)
    )


def test_team_page_shows_the_team_its_place_and_its_people(world, browser_client):
    response = browser_client("viewer").get(team_url(world.checkout))
    assert response.status_code == 200
    body = response.text
    assert "<h1>Checkout</h1>" in body
    assert ">Team</span>" in body  # kind
    assert f'href="/o/acme/teams/{world.product.pk}/?cycle={world.cycle.pk}">Product</a>' in body
    assert f'href="/o/acme/teams/{world.company.pk}/?cycle={world.cycle.pk}">Acme</a>' in body
    people = body.split('id="people-heading"', 1)[1].split("</section>", 1)[0]
    leads, members = people.split(">Members<", 1)
    assert "lead" in leads and "member" not in leads
    assert "member" in members and "stranger" not in members


def test_department_page_lists_its_sub_teams(world, browser_client):
    body = browser_client("viewer").get(team_url(world.product)).text
    for child in (world.checkout, world.search):
        assert f'href="/o/acme/teams/{child.pk}/?cycle={world.cycle.pk}">{child.name}</a>' in body
    assert "has no objective in 2026-Q4" in body


def test_key_result_rows_show_progress_pace_value_confidence_and_trend(
    world, history, browser_client
):
    body = browser_client("viewer").get(team_url(world.checkout)).text
    assert "Make reordering effortless" in body
    assert "serves" in body and "Repeat purchase rate from 5% to 15%" in body
    row = row_html(body, world.key_result)
    assert f'href="/o/acme/key-results/{world.key_result.pk}/"' in row
    assert "50%" in row  # 40 → 30 of 40 → 20
    assert re.search(r"30%\s*<span[^>]*>→</span>.*20%", row)
    assert "confidence 7/10" in row
    assert 'class="pace"' in row and "pill status-" in row
    points = re.search(r'<polyline class="sparkline-line" points="([^"]+)"', row)
    assert points is not None
    coordinates = [tuple(map(float, p.split(","))) for p in points.group(1).split()]
    assert len(coordinates) == 3  # one point per check-in, oldest first
    xs, ys = [x for x, _ in coordinates], [y for _, y in coordinates]
    assert xs == sorted(xs)
    assert ys[0] < ys[1] < ys[2]  # the value falls towards the target: the line goes down
    assert "Trend over 3 check-ins, from 38% to 30%" in row


def test_key_result_without_check_ins_says_so(world, browser_client):
    row = row_html(browser_client("viewer").get(team_url(world.checkout)).text, world.key_result)
    assert "<polyline" not in row
    assert "no check-ins yet" in row


def test_stale_key_results_are_flagged(world, browser_client):
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, at=on_day(world, 1)
    )
    row = row_html(browser_client("viewer").get(team_url(world.checkout)).text, world.key_result)
    assert "is-stale" in row.split(">", 1)[0]
    assert ">Stale<" in row


@pytest.mark.parametrize(
    ("persona", "sees_button"),
    [
        ("member", True),
        ("lead", True),
        ("admin", True),
        ("viewer", False),
        ("stranger", False),  # a member of another team
    ],
)
def test_check_in_button_only_for_who_may_check_in(world, browser_client, persona, sees_button):
    row = row_html(browser_client(persona).get(team_url(world.checkout)).text, world.key_result)
    check_in_url = f"/o/acme/key-results/{world.key_result.pk}/check-in/"
    assert (f'hx-get="{check_in_url}"' in row) is sees_button


def test_no_check_in_button_in_a_closed_cycle(world, browser_client):
    system = Actor.system(world.org)
    cycle = goals.cycle_transition(actor=system, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=system, cycle=cycle, status="closed")
    url = f"{team_url(world.checkout)}?cycle={world.cycle.pk}"
    row = row_html(browser_client("member").get(url).text, world.key_result)
    assert "/check-in/" not in row


def test_the_row_refreshes_itself_alone(world, history, browser_client):
    url = f"/o/acme/key-results/{world.key_result.pk}/row/"
    response = browser_client("member").get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.text.strip()
    assert body.startswith(f'<li id="kr-{world.key_result.pk}"')
    assert "<html" not in body
    assert "50%" in body and "<polyline" in body and "/check-in/" in body
    # It refreshes itself on the event a saved check-in sends, and can do so again next time.
    assert f'hx-get="{url}"' in body
    assert f'hx-trigger="checkin-saved[detail.key_result=={world.key_result.pk}] from:body"' in body
    viewer_row = browser_client("viewer").get(url).text
    assert "/check-in/" not in viewer_row
    assert browser_client("viewer").get(
        f"/o/acme/key-results/{world.other_key_result.pk}/row/"
    ).status_code == 404  # fmt: skip
    assert browser_client("outsider").get(url).status_code == 404


def test_objectives_serving_our_key_results_are_listed(world, browser_client):
    body = browser_client("viewer").get(team_url(world.company)).text
    section = body.split('id="aligned-below-heading"', 1)[1].split("</section>", 1)[0]
    assert "Make reordering effortless" in section
    assert f'href="/o/acme/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"' in section


def test_dashboard_and_tree_link_team_names_to_the_team_page(world, browser_client):
    client = browser_client("viewer")
    link = f'href="/o/acme/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"'
    assert link in client.get("/o/acme/").text
    assert link in client.get("/o/acme/tree/").text


def test_cycle_choice_and_htmx_partial(world, browser_client):
    client = browser_client("viewer")
    response = client.get(
        f"{team_url(world.checkout)}?cycle={world.cycle.pk}", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert f'id="kr-{world.key_result.pk}"' in response.text


def test_signed_out_visitors_are_sent_to_sign_in(world):
    response = Client().get(team_url(world.checkout))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_team_page_isolation(world, browser_client):
    assert browser_client("outsider").get(team_url(world.checkout)).status_code == 404
    viewer = browser_client("viewer")
    other_team = world.other_objective.team_id
    assert viewer.get(f"/o/acme/teams/{other_team}/").status_code == 404
    assert viewer.get(f"/o/globex/teams/{world.checkout.pk}/").status_code == 404
    assert viewer.get("/o/acme/teams/999999/").status_code == 404
    assert viewer.get(f"{team_url(world.checkout)}?cycle={world.other_cycle.pk}").status_code == 404
    assert browser_client("outsider").get(f"/o/globex/teams/{other_team}/").status_code == 200


def test_team_page_queries_do_not_grow_with_key_results_teams_and_check_ins(world, browser_client):
    client = browser_client("member")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(team_url(world.checkout)).status_code == 200
        return len(queries)

    few = count()
    system = Actor.system(world.org)
    for k in range(3):
        kr = goals.key_result_create(
            actor=system, objective=world.objective, title=f"KR {k}", baseline=0, target=10
        )
        for day in range(0, 40, 4):
            goals.key_result_check_in(
                actor=system, key_result=kr, value=day / 4, at=on_day(world, day)
            )
    for index in range(8):
        team = workspace.team_create(actor=system, name=f"Squad {index}", parent=world.checkout)
        workspace.team_member_set(actor=system, team=team, user=world.users["member"])
        goals.objective_create(
            actor=system, cycle=world.cycle, team=team, title=f"Squad objective {index}",
            parent_key_result=world.key_result,
        )  # fmt: skip
    many = count()
    assert many == few
    assert many <= 20


def test_sparkline_layout_is_proportional_in_time_and_thinned():
    line = sparkline([(0, 0), (1, 5), (3, 10)], target=10, baseline=0, width=100, height=20)
    assert line is not None
    xs = [float(p.split(",")[0]) for p in line.points.split()]
    assert xs[1] - xs[0] == pytest.approx((xs[2] - xs[1]) / 2, abs=0.1)  # one day, then two
    assert line.target_y == 3  # the target is the top of the range (padding 3)
    assert line.count == 3 and (line.first, line.last) == (0, 10)
    assert sparkline([]) is None
    single = sparkline([(5, 2)], target=4, baseline=0)
    assert single is not None and single.points.count(",") == 1
    many = thin([(float(i), float(i)) for i in range(500)], limit=60)
    assert len(many) == 60 and many[0] == (0, 0) and many[-1] == (499, 499)


def test_team_kind_labels(world, browser_client):
    assert ">Department</span>" in browser_client("viewer").get(team_url(world.product)).text
    assert ">Company</span>" in browser_client("viewer").get(team_url(world.company)).text
