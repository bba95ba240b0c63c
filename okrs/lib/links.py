"""Where to send people after a change: the most useful page that this installation has."""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse


def url_if_exists(name: str, **kwargs: Any) -> str | None:
    """The URL of the page ``name``, or None when no such page is routed."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def team_page_url(*, org: str, team_id: int, cycle_id: int | None = None) -> str:
    """The team's page, where its objectives are; the dashboard of the cycle without one."""
    url = url_if_exists("team_detail", org=org, pk=team_id) or reverse(
        "dashboard", kwargs={"org": org}
    )
    return f"{url}?cycle={cycle_id}" if cycle_id else url
