"""Web tests sign personas in through Django's test client, with CSRF checks on."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def browser_client(world: Any) -> Any:
    """``browser_client("member")`` is a signed-in test client that enforces CSRF."""

    def make(persona: str) -> Client:
        client = Client(enforce_csrf_checks=True)
        client.force_login(world.users[persona])
        return client

    return make
