"""Helpers for tests of okrs and of code built on it: prove that a refused write wrote nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Model

from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.workspace.models import (
    ApiToken,
    AuditEvent,
    Membership,
    Organization,
    Team,
    TeamMember,
)


def written_tables() -> list[type[Model]]:
    """Every table a service may write."""
    from okrs.metrics.models import DataSource, MetricDefinition

    return [
        get_user_model(),
        Organization,
        Membership,
        Team,
        TeamMember,
        ApiToken,
        AuditEvent,
        Cycle,
        Objective,
        KeyResult,
        CheckIn,
        Initiative,
        DataSource,
        MetricDefinition,
    ]


def database_state() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table a service may write, to prove a refused write left nothing."""
    return {
        table.__name__: list(table._default_manager.order_by("pk").values())
        for table in written_tables()
    }


def refused(error: type[BaseException], write: Callable[[], object]) -> Any:
    """Run ``write``, expect ``error`` and check that nothing at all was written."""
    before = database_state()
    with pytest.raises(error) as raised:
        write()
    assert database_state() == before
    return raised.value
