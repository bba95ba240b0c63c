"""Browser tests: the system Chromium driven by Playwright against Django's live test server.

Screenshots of each main page land in ``artifacts/screenshots/`` (git-ignored) for review and
for the user guide.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


class SerialWSGIServer(WSGIServer):
    """The live server, answering one request at a time.

    On the in-memory SQLite test database every server thread shares the test's one connection:
    two requests at once (a form posted while an htmx panel is still loading) would start a
    transaction inside the other's ("cannot start a transaction within a transaction"). Django
    closes each connection after its response when the server is not threaded, so a browser's
    parallel requests simply queue.
    """

    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # LiveServerThread.run() installs these connections in its own thread, where this
        # server answers every request.
        self.connections_override = connections_override


LiveServerThread.server_class = SerialWSGIServer


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole run."""
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)."
        )
    # Playwright's sync API runs an event loop; Django's live server must still accept ORM calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium: Any, live_server: Any, world: Any) -> Callable[..., Any]:
    """``browser_page("member")`` is a new browser page signed in as that persona (English)."""
    contexts = []

    def open_as(persona: str, *, locale: str = "en-GB", width: int = 1280) -> Any:
        context = chromium.new_context(locale=locale, viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.base_url = live_server.url
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_username", persona)
        page.fill("#id_password", "pw-" + persona)
        page.click("button[type=submit]")
        page.wait_for_url("**/o/**")
        return page

    yield open_as
    for context in contexts:
        # Let requests still in flight (an htmx lint or search) get their answer first: the
        # live server must not touch the database once the test's database is torn down.
        for page in context.pages:
            with contextlib.suppress(Exception):
                page.wait_for_load_state("networkidle", timeout=5_000)
        context.close()


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    """``screenshot(page, "dashboard")`` saves artifacts/screenshots/dashboard.png (full page)."""

    def save(page: Any, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
