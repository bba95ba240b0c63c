"""Guards over the templates themselves."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(__file__).resolve().parents[2] / "okrs" / "templates"
BARE_ID = re.compile(r"\{\{\s*[\w.]+(?:\.pk|\.id|_id)\s*\}\}")


def test_ids_in_templates_are_never_localized():
    """With thousand separators on, {{ team.pk }} renders 1,282: a broken id in links and ids.

    SQLite test runs start ids at 1 and would never show it; PostgreSQL runs and real data do.
    """
    assert settings.USE_THOUSAND_SEPARATOR
    offenders = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.rglob("*.html")
        for match in BARE_ID.finditer(path.read_text())
        if "auto_id" not in match.group(0)
    ]
    assert offenders == [], "use |stringformat:'d' for ids: " + ", ".join(offenders)


def test_a_large_id_renders_without_separators(world, browser_client):
    from okrs.goals.models import KeyResult

    KeyResult.objects.filter(pk=world.key_result.pk).update(id=123456)
    response = browser_client("member").get(f"/o/acme/teams/{world.checkout.pk}/")
    assert 'id="kr-123456"' in response.text
    assert "123,456" not in response.text
