"""Open a key result, check in through the dialog, see the page update without a reload."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from okrs.goals import services as goals


def open_key_result(page, key_result) -> None:
    page.goto(f"{page.base_url}/o/acme/key-results/{key_result.pk}/")
    page.wait_for_selector("#kr-chart .kr-chart canvas")


def test_member_checks_in_through_the_dialog_without_a_reload(world, browser_page, screenshot):
    start = dt.datetime.combine(world.cycle.start, dt.time(9), tzinfo=dt.UTC)
    for day, value in ((7, 38), (21, 35), (35, 33)):
        goals.key_result_check_in(
            actor=world.actor("member"),
            key_result=world.key_result,
            value=value,
            confidence=6,
            at=start + dt.timedelta(days=day),
        )
    page = browser_page("member")
    open_key_result(page, world.key_result)
    expect(page.locator("[data-kr-current]")).to_have_text("33%")
    expect(page.locator(".u-legend")).to_contain_text("Projection")
    screenshot(page, "key-result")
    page.evaluate("window.__marker = 'same page'")

    page.click(".check-in-button")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    expect(page.locator("#id_value")).to_be_focused()
    screenshot(page, "check-in-dialog")

    page.keyboard.press("Escape")  # Escape closes, the next click loads a fresh form
    expect(page.locator("dialog")).to_have_count(0)
    page.click(".check-in-button")
    expect(page.locator("#id_value")).to_be_focused()

    page.fill("#id_value", "30")
    page.fill("#id_confidence", "11")
    page.click("dialog button[type=submit]")
    expect(page.locator("#id_confidence_error")).to_have_text(
        "Confidence goes from 0 (no chance) to 10 (certain)."
    )
    expect(dialog).to_be_visible()  # errors do not close the dialog
    expect(page.locator("#id_confidence")).to_be_focused()

    page.fill("#id_confidence", "8")
    page.fill("#id_note", "One-page checkout is live")
    page.click("dialog button[type=submit]")

    expect(page.locator("dialog")).to_have_count(0)
    expect(page.locator("[data-kr-current]")).to_have_text("30%")
    expect(page.locator("[data-kr-progress]")).to_have_text("50%")
    expect(page.locator("#kr-history tbody tr").first).to_contain_text("One-page checkout is live")
    expect(page.locator("#kr-history tbody tr")).to_have_count(4)
    expect(page.locator("#kr-chart .kr-chart canvas")).to_have_count(1)  # redrawn, once
    expect(page.locator(".okrs-toast")).to_have_text("Check-in saved.")
    assert page.evaluate("window.__marker") == "same page"  # no reload


def test_viewer_reads_the_key_result_without_a_check_in_button(world, browser_page):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)
    page = browser_page("viewer")
    open_key_result(page, world.key_result)
    expect(page.locator("h1")).to_have_text("Cut checkout abandonment from 40% to 20%")
    expect(page.locator(".check-in-button")).to_have_count(0)


def test_the_chart_follows_the_width_of_the_screen(world, browser_page):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)
    page = browser_page("viewer", width=390)
    open_key_result(page, world.key_result)
    width = page.evaluate(
        "document.querySelector('#kr-chart canvas').getBoundingClientRect().width"
    )
    assert 200 < width <= 390
