"""The page a locked-out sign-in gets (django-axes calls ``locked_out``; docs/deployment.md)."""

from __future__ import annotations

import logging
from typing import Any

from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """429 with how long to wait and whom to ask; the username is not echoed."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


@transaction.atomic
def unlock(*, username: str | None = None, ip_address: str | None = None) -> int:
    """Forget the failed sign-ins of ``username`` (every address) or of ``ip_address`` (every
    username); returns how many records were removed. An operator's action: logged, not
    audited (audit events belong to an organization)."""
    if bool(username) == bool(ip_address):
        raise ValueError("give a username or an address, not both")
    removed = axes_reset(username=username or None, ip=ip_address or None)
    logger.warning(
        "okrs unlock: %s failed sign-in record(s) removed for %s",
        removed,
        f"username {username!r}" if username else f"address {ip_address}",
    )
    return removed
