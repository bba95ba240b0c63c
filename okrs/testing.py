"""Helpers for tests of okrs and of code built on it: prove that a refused write wrote nothing,
and run `okrs` as separate processes. Models are imported when first needed, so that scripts
run by such processes can import this module before Django is set up."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Model


def written_tables() -> list[type[Model]]:
    """Every table a service may write."""
    from django.contrib.auth import get_user_model

    from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
    from okrs.metrics.models import DataSource, MetricDefinition
    from okrs.workspace.models import (
        ApiToken,
        AuditEvent,
        Membership,
        Organization,
        Team,
        TeamMember,
    )

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


# Processes: `okrs` run as a user runs it ---------------------------------------------------------

# Settings of the test run that must not leak into the processes under test.
PRIVATE_SETTINGS = frozenset(
    {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "OKRS_HUEY_NAME"}
)


@contextmanager
def process_environment(tmp_path: Path, *, label: str = "okrs") -> Iterator[dict[str, str]]:
    """Environment variables for `okrs` subprocesses: a fresh OKRS_HOME and, on a PostgreSQL
    run, a throwaway database of their own (the test's database is invisible to them: in
    memory on SQLite, inside an open transaction on PostgreSQL)."""
    env = {k: v for k, v in os.environ.items() if k not in PRIVATE_SETTINGS}
    env["OKRS_HOME"] = str(tmp_path / "home")
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        yield env
        return
    import psycopg

    name = f"{label}_{uuid.uuid4().hex[:10]}"
    admin_url = base.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield env
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
