"""Password reset throttling: at most OKRS_PASSWORD_RESET_LIMIT requests per address and email
in OKRS_PASSWORD_RESET_WINDOW_MINUTES, counted in Django's cache (docs/deployment.md)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(address: str, email: str) -> str:
    # Hashed: the cache never holds the address or email in clear.
    digest = hashlib.sha256(f"{address}\n{email.strip().lower()}".encode()).hexdigest()
    return f"okrs:password-reset:{digest}"


def password_reset_allowed(*, address: str, email: str) -> bool:
    """Count one request for this address and email; False once the limit is passed."""
    key = _key(address, email)
    window = settings.OKRS_PASSWORD_RESET_WINDOW_MINUTES * 60
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= settings.OKRS_PASSWORD_RESET_LIMIT
