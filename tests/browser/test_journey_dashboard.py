"""Sign in, read the dashboard, filter it, switch language."""

from __future__ import annotations

from okrs.goals import services as goals


def test_member_signs_in_and_reads_the_dashboard(world, browser_page, screenshot):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)
    page = browser_page("member")
    assert page.url.endswith("/o/acme/")
    assert page.locator("h1").inner_text() == "Acme"
    card = page.locator(".objective", has_text="Make reordering effortless")
    assert "50%" in card.locator(".objective-standing").inner_text()
    screenshot(page, "dashboard")


def test_team_filter_updates_the_page_without_reload(world, browser_page):
    page = browser_page("viewer")
    page.evaluate("window.__marker = 'same page'")
    page.select_option("select[name=team]", str(world.search.pk))
    page.wait_for_url(f"**team={world.search.pk}**")
    assert page.locator(".objective", has_text="Make reordering effortless").count() == 0
    assert page.evaluate("window.__marker") == "same page"  # htmx swapped, no reload


def test_switching_to_italian_and_french_translates_the_page(world, browser_page, screenshot):
    page = browser_page("viewer")
    page.select_option("#language-select", "it")
    page.wait_for_load_state()
    page.wait_for_function("document.documentElement.lang === 'it'")
    assert page.locator("#teams-heading").inner_text() == "Obiettivi dei team"
    screenshot(page, "dashboard-it")
    page.select_option("#language-select", "fr")
    page.wait_for_function("document.documentElement.lang === 'fr'")
    assert page.locator("#teams-heading").inner_text() == "Objectifs des équipes"
    screenshot(page, "dashboard-fr")


def test_main_pages_fit_a_phone_screen(world, browser_page):
    page = browser_page("admin", width=400)
    paths = [
        "/o/acme/",
        "/o/acme/tree/",
        f"/o/acme/teams/{world.checkout.pk}/",
        f"/o/acme/key-results/{world.key_result.pk}/",
        "/o/acme/cycles/",
        "/o/acme/teams/",
        f"/o/acme/cycles/{world.cycle.pk}/readiness/",
        "/o/acme/coach/pain-to-key-results/",
        f"/o/acme/objectives/{world.objective.pk}/key-results/new/",
    ]
    for path in paths:
        page.goto(page.base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"{path} is {width}px wide on a 400px screen"
