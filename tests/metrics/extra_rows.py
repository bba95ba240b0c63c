"""Rows a metrics test adds to the shared ``world`` straight through the ORM (setup only)."""

from __future__ import annotations

from typing import Any

from okrs.goals.models import KeyResult


def key_results(world: Any, count: int) -> list[KeyResult]:
    """``count`` more key results of the Checkout objective (past the service's limit of 5)."""
    return [
        KeyResult.objects.create(
            organization=world.org,
            objective=world.objective,
            title=f"Signal {n}",
            ref=f"signal-{n}",
            baseline=0,
            target=100,
            position=10 + n,
        )
        for n in range(count)
    ]
