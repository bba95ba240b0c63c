"""Take the user guide's screenshots from a fresh demo: `uv run python scripts/user_guide_screenshots.py`.

Starts `okrs demo` in a temporary OKRS_HOME on a free port, signs in as `demo` with the system
Chromium and saves docs/screenshots/<page>.png. Needs /usr/bin/chromium (Debian's package).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the demo server did not answer at {url}")


def shoot(page: Page, name: str) -> None:
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
    print(f"saved docs/screenshots/{name}.png")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "OKRS_HOME": home}
        env.pop("DATABASE_URL", None)
        okrs = [sys.executable, "-m", "okrs.cli"]
        subprocess.run([*okrs, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        server = subprocess.Popen(
            [*okrs, "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base + "/healthz")
            take_all(base)
        finally:
            server.terminate()
            server.wait(timeout=20)
    return 0


def take_all(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/accounts/login/")
        shoot(page, "sign-in")
        page.fill("#id_username", "demo")
        page.fill("#id_password", "demo")
        page.click("button[type=submit]")
        page.wait_for_url("**/o/**")
        page.goto(base + "/o/demo/")
        shoot(page, "dashboard")
        page.goto(base + "/o/demo/tree/")
        shoot(page, "alignment-tree")
        team_link = page.locator("a[href*='/o/demo/teams/']").nth(3)
        page.goto(base + team_link.get_attribute("href"))
        shoot(page, "team")
        page.goto(
            base + page.locator("a[href*='/o/demo/key-results/']").first.get_attribute("href")
        )
        shoot(page, "key-result")
        button = page.locator("[hx-get*='/check-in/']").first
        if button.count():
            button.click()
            page.wait_for_selector("dialog[open]")
            shoot(page, "check-in-dialog")
        page.goto(base + "/o/demo/cycles/")
        shoot(page, "cycles")
        take_coach(page, base)
        for language in ("it", "fr"):
            page.goto(base + "/o/demo/")
            page.select_option("#language-select", language)
            page.wait_for_function(f"document.documentElement.lang === '{language}'")
            shoot(page, f"dashboard-{language}")
        page.select_option("#language-select", "en")
        browser.close()


def take_coach(page: Page, base: str) -> None:
    """The coach: readiness report, live panel beside a key-result form, the pain flow."""
    page.goto(base + "/o/demo/readiness/")
    shoot(page, "readiness")
    # A key result's edit page (demo is an admin): the dashboard's cards link to them.
    page.goto(base + "/o/demo/")
    edit = page.locator("a.edit-link[href*='/key-results/']").first
    page.goto(base + edit.get_attribute("href"))
    page.get_by_label("Key result", exact=True).fill("Grow total registered clubs")
    page.locator('#coach-panel [data-rule="kr-vanity"]').wait_for()
    shoot(page, "coach-live-panel")
    page.goto(base + "/o/demo/coach/pain-to-key-results/")
    page.get_by_label("What are you dissatisfied with?").fill(
        "Features always cost more than planned\nMatches take too long to reach coaches"
    )
    page.get_by_role("button", name="Next: the numbers").click()
    first, second = page.locator("fieldset.pain").all()
    first.get_by_label("Which number proves it?").fill("average cost overrun of a feature")
    first.get_by_label("Its value today").fill("30")
    first.get_by_label("Unit").fill("%")
    first.get_by_label("Where the number must get to by the end of the cycle").fill("10")
    second.get_by_label("Which number proves it?").fill("hours from final whistle to video")
    second.get_by_label("Its value today").fill("6")
    second.get_by_label("Where the number must get to by the end of the cycle").fill("2")
    page.get_by_role("button", name="Next: the draft").click()
    page.locator("#coach-panel").wait_for()
    shoot(page, "pain-flow-draft")


if __name__ == "__main__":
    raise SystemExit(main())
