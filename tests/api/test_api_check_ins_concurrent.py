"""Retries with one Idempotency-Key sent at the same moment, over real HTTP to a live server."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from okrs.goals.models import CheckIn
from okrs.workspace import services as workspace

RETRIES = 10


def _in_memory_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite" and bool(connection.is_in_memory_db())  # type: ignore[attr-defined]


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_idempotency_key_all_get_the_first_check_in(
    world: Any, live_server: Any
) -> None:
    if _in_memory_sqlite():
        # The live server shares the test's one in-memory connection between its threads, so
        # requests cannot run at the same moment; the PostgreSQL run is the concurrent one.
        pytest.skip("needs a database that takes concurrent connections (DATABASE_URL)")
    _, token = workspace.api_token_create(user=world.users["member"], organization=world.org)
    url = f"{live_server.url}/api/v1/key-results/{world.key_result.pk}/check-ins"
    barrier = threading.Barrier(RETRIES)

    def send(_: int) -> tuple[int, Any]:
        request = urllib.request.Request(
            url,
            data=json.dumps({"value": 30}).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
                "Idempotency-Key": "sync-2026-11-20",
            },
        )
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    with ThreadPoolExecutor(RETRIES) as pool:
        results = list(pool.map(send, range(RETRIES)))

    assert {status for status, _ in results} <= {200, 201}, results
    stored = CheckIn.objects.get(key_result=world.key_result)
    assert {body["check_in"]["id"] for _, body in results} == {stored.pk}
    assert len({json.dumps(body["check_in"], sort_keys=True) for _, body in results}) == 1
