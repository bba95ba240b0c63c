"""Bind a key result to a files data source, check the query, sync it, see value and provenance."""

from __future__ import annotations

import re

import duckdb
from playwright.sync_api import expect

from okrs.goals.models import CheckIn
from okrs.metrics import services as metrics
from okrs.metrics.models import MetricDefinition


def test_member_binds_checks_and_syncs_a_key_result(world, browser_page, screenshot, tmp_path):
    path = tmp_path / "checkouts.parquet"
    # 200 checkouts, 60 of them abandoned: an abandonment rate of 30%.
    duckdb.sql(
        f"copy (select range as id, range % 10 < 3 as abandoned from range(200))"
        f" to '{path}' (format parquet)"
    )
    source = metrics.data_source_create(
        actor=world.actor("ops"),
        name="Checkout events",
        kind="files",
        path=str(path),
        ref="checkouts",
    )
    page = browser_page("member")
    page.goto(f"{page.base_url}/o/acme/key-results/{world.key_result.pk}/")
    panel = page.locator("#kr-metric")
    expect(panel).to_contain_text("Nothing measures this key result automatically")

    page.get_by_role("combobox", name="Measured by").select_option(f"source:{source.pk}")
    page.get_by_role("textbox", name="Query").fill(
        "select 100.0 * avg(abandoned::int) from checkouts where id >"
    )
    page.get_by_role("button", name="Check now").click()
    result = page.locator("[data-metric-check-result]")
    expect(result).to_contain_text("It does not work yet. The database refused the query.")
    expect(result.locator(".metric-detail")).to_contain_text("syntax error")

    page.get_by_role("textbox", name="Query").fill(
        "select 100.0 * avg(abandoned::int) from checkouts"
    )
    page.get_by_role("button", name="Check now").click()
    expect(result).to_contain_text(
        re.compile(r"It works\.\s+Value 30%, measured in \d+ ms from 1 row")
    )
    assert not MetricDefinition.objects.exists()  # checking saved nothing
    screenshot(page, "key-result-metric-check")

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Saved how the key result is measured.")
    expect(panel.locator("[data-metric-source]")).to_contain_text("Checkout events")
    page.evaluate("window.__marker = 'same page'")

    page.get_by_role("button", name="Sync now").click()
    expect(page.locator(".okrs-toast")).to_have_text("Synced: 30%. New check-ins: 1.")
    expect(page.locator("[data-kr-current]")).to_have_text("30%")
    expect(page.locator("[data-kr-progress]")).to_have_text("50%")
    first = page.locator("#kr-history tbody tr").first
    expect(first).to_contain_text("Data source sync")
    check_in = CheckIn.objects.get()
    provenance = first.locator("[data-provenance]")
    expect(provenance).to_contain_text("Checkout events")
    expect(provenance).to_contain_text(check_in.provenance["fingerprint"])
    expect(provenance).to_contain_text("1 row")
    expect(panel.locator("[data-metric-value]")).to_contain_text("30%")
    assert page.evaluate("window.__marker") == "same page"  # no reload
    screenshot(page, "key-result-metric-synced")


def test_ops_adds_a_files_data_source_and_the_form_shows_the_path_only(
    world, browser_page, screenshot, tmp_path
):
    page = browser_page("ops")
    page.get_by_role("link", name="Data sources").click()
    page.get_by_role("link", name="New data source").click()
    url, files = page.get_by_label("Database URL"), page.get_by_label("Files")
    page.get_by_label("Kind").select_option("files")
    assert files.is_visible() and url.is_hidden()
    page.get_by_label("Name").fill("Orders")
    files.fill(str(tmp_path / "orders-*.parquet"))
    page.get_by_role("button", name="Add data source").click()
    expect(page.locator(".messages")).to_contain_text("Data source “Orders” added.")
    expect(page.locator("[data-data-source='orders']")).to_contain_text("orders-*.parquet")
    screenshot(page, "data-sources")
