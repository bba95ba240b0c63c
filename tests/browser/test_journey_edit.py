"""A lead adds a key result through the form; a viewer is offered no way to edit."""

from __future__ import annotations

from okrs.goals.models import KeyResult


def test_lead_adds_a_key_result_and_sees_it_on_the_team_page(world, browser_page, screenshot):
    page = browser_page("lead")
    card = page.locator(".objective", has_text="Make reordering effortless")
    card.get_by_role("link", name="Add key result").click()
    page.wait_for_url("**/key-results/new/")

    # The form shows the fields of the chosen kind: a metric has a scale, no chance of success.
    chance = page.get_by_label("Chance of success")
    baseline = page.get_by_label("Baseline")
    assert chance.is_hidden() and baseline.is_visible()
    page.get_by_label("Kind").select_option("binary")
    assert chance.is_visible() and baseline.is_hidden()
    page.get_by_label("Kind").select_option("metric")

    page.get_by_label("Key result", exact=True).fill("Reorders in two taps from 10% to 30%")
    page.get_by_label("Metric").fill("share of reorders in two taps")
    page.get_by_label("Unit").fill("%")
    baseline.fill("10")
    page.get_by_label("Target").fill("30")
    screenshot(page, "key-result-form")
    page.get_by_role("button", name="Add key result").click()

    page.wait_for_url(f"**/teams/{world.checkout.pk}/**")
    assert (
        "Key result “Reorders in two taps from 10% to 30%” added."
        in page.locator(".messages").inner_text()
    )
    assert page.get_by_text("Reorders in two taps from 10% to 30%").first.is_visible()
    key_result = KeyResult.objects.get(title="Reorders in two taps from 10% to 30%")
    assert (key_result.baseline, key_result.target) == (10, 30)


def test_errors_show_next_to_the_field_and_keep_what_was_typed(world, browser_page):
    page = browser_page("lead")
    page.goto(f"{page.base_url}/o/acme/objectives/{world.objective.pk}/key-results/new/")
    page.get_by_label("Key result", exact=True).fill("Reorders in two taps")
    page.get_by_label("Baseline").fill("30")
    page.get_by_label("Target").fill("10")
    page.get_by_role("button", name="Add key result").click()
    error = page.locator(".field.invalid", has=page.get_by_label("Target")).locator(".field-error")
    assert "the target must be above the baseline" in error.inner_text()
    assert page.get_by_label("Key result", exact=True).input_value() == "Reorders in two taps"
    assert page.get_by_label("Target").get_attribute("aria-invalid") == "true"


def test_viewer_sees_no_edit_links(world, browser_page):
    page = browser_page("viewer")
    assert page.locator(".objective", has_text="Make reordering effortless").count() == 1
    for name in ("Add key result", "Edit objective", "Edit", "New objective", "Cycles", "Teams"):
        assert page.get_by_role("link", name=name, exact=True).count() == 0, name
    assert page.locator("a[href*='/edit/'], a[href*='/new/']").count() == 0
