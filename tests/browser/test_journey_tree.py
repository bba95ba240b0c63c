"""Read the alignment tree: fold and unfold it, follow a team to its page; a demo-sized tree."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import expect

from okrs.goals import services as goals
from okrs.workspace import services as workspace
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor


def at(world: Any, day: int) -> dt.datetime:
    return dt.datetime.combine(
        world.cycle.start + dt.timedelta(days=day), dt.time(9), tzinfo=dt.UTC
    )


def populate(world: Any, *, departments: int, teams_per_department: int) -> int:
    """Departments serving the company key result, teams serving their department; a few
    teams aligned to nothing. Returns how many objectives the tree then holds."""
    system = Actor.system(world.org)
    goals.key_result_check_in(actor=system, key_result=world.key_result, value=34, at=at(world, 5))
    goals.key_result_check_in(
        actor=system, key_result=world.key_result, value=30, confidence=7, at=at(world, 30)
    )
    objectives = 2
    for d in range(departments):
        department = workspace.team_create(
            actor=system, name=f"Department {d + 1}", kind=Team.Kind.DEPARTMENT,
            parent=world.company,
        )  # fmt: skip
        dep_objective = goals.objective_create(
            actor=system, cycle=world.cycle, team=department,
            title=f"Department {d + 1} makes cooking at home easy", parent_key_result=world.company_kr,
            contributes=True,
        )  # fmt: skip
        dep_kr = goals.key_result_create(
            actor=system, objective=dep_objective, title=f"Weekly active cooks from 1k to {d + 2}k",
            baseline=1000, target=1000 * (d + 2),
        )  # fmt: skip
        objectives += 1
        for t in range(teams_per_department):
            team = workspace.team_create(
                actor=system, name=f"Team {d + 1}.{t + 1}", parent=department
            )
            aligned = t % 4 != 3
            objective = goals.objective_create(
                actor=system, cycle=world.cycle, team=team, title=f"Team {d + 1}.{t + 1} ships fast",
                parent_key_result=dep_kr if aligned else None, contributes=aligned,
            )  # fmt: skip
            objectives += 1
            for k in range(3):
                kr = goals.key_result_create(
                    actor=system, objective=objective, title=f"Metric {k + 1} from 0 to 100",
                    baseline=0, target=100,
                )  # fmt: skip
                for step, day in enumerate((3, 17, 31)):
                    goals.key_result_check_in(
                        actor=system, key_result=kr, value=(step + 1) * (10 + 7 * k + t),
                        at=at(world, day),
                    )  # fmt: skip
    return objectives


def is_open(page: Any, objective_pk: int) -> bool:
    return page.evaluate(f"document.querySelector('#objective-{objective_pk} > details').open")


def test_member_folds_the_tree_and_follows_a_team(world, browser_page, screenshot):
    populate(world, departments=2, teams_per_department=3)
    page = browser_page("member")
    page.click("nav.mainnav >> text=Alignment tree")
    page.wait_for_url("**/o/acme/tree/")
    assert page.locator("h1").inner_text() == "Alignment tree"
    company = world.company_objective.pk
    checkout_node = page.locator(f"#objective-{world.objective.pk}")
    assert checkout_node.is_visible()
    screenshot(page, "tree")

    page.click(f"#objective-{company} > details > summary .tree-title")
    assert not is_open(page, company)
    assert not checkout_node.is_visible()  # folded away with its parent
    page.click(f"#objective-{company} > details > summary .tree-title")
    assert is_open(page, company)
    assert checkout_node.is_visible()

    page.click("button[data-tree-action=collapse]")
    assert page.locator("details.tree-objective[open]").count() == 0
    page.click("button[data-tree-action=expand]")
    assert page.locator("details.tree-objective:not([open])").count() == 0

    checkout_node.locator(".tree-team a", has_text="Checkout").first.click()
    page.wait_for_url(f"**/o/acme/teams/{world.checkout.pk}/**")
    assert page.locator("h1").inner_text() == "Checkout"
    row = page.locator(f"#kr-{world.key_result.pk}")
    assert "50%" in row.locator(".kr-line-percent").inner_text()
    assert row.locator("svg.sparkline polyline").count() == 1
    assert row.locator(".check-in-button").is_visible()  # the member may check in
    screenshot(page, "team")


def test_a_demo_sized_tree_renders_and_folds(world, browser_page):
    objectives = populate(world, departments=12, teams_per_department=5)  # 72 teams in all
    page = browser_page("viewer")
    page.goto(page.base_url + "/o/acme/tree/")
    assert page.locator("li.tree-node").count() == objectives
    assert page.locator(".tree-orphans li.tree-node").count() == 12  # one team in four
    # A big tree opens the company and departments; teams wait folded until asked for.
    assert page.locator("details.tree-objective:not([open])").count() > 0
    page.click("button[data-tree-action=expand]")
    assert page.locator("details.tree-objective:not([open])").count() == 0
    page.click("button[data-tree-action=collapse]")
    assert page.locator("details.tree-objective[open]").count() == 0


def test_a_check_in_from_the_team_page_refreshes_its_row_and_objective(world, browser_page):
    page = browser_page("member")
    page.goto(f"{page.base_url}/o/acme/teams/{world.checkout.pk}/")
    row = page.locator(f"#kr-{world.key_result.pk}")
    assert row.locator(".kr-line-percent").inner_text() == "0%"
    row.locator(".check-in-button").click()
    dialog = page.locator("dialog[open]")
    dialog.locator("input[name=value]").fill("30")
    dialog.locator("button[type=submit]").click()
    # The row and the objective's standing fetch themselves again on "checkin-saved".
    expect(row.locator(".kr-line-percent")).to_have_text("50%")
    expect(page.locator(f"#objective-{world.objective.pk}-standing .big")).to_have_text("50%")
    assert row.locator("svg.sparkline polyline").count() == 1
    expect(page.locator("dialog[open]")).to_have_count(0)
