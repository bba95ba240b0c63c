"""Live metrics as separate processes see them: a database of their own, `okrs` subprocesses.

Imported by test_worker.py and test_cli_sync.py; also run as a script (``python processes.py
populate``) to fill that database through the services, in a process of its own, since the
pytest-django test database (in memory on SQLite) is invisible to other processes.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from okrs.testing import process_environment

ROOT = Path(__file__).resolve().parents[2]
OKRS = [sys.executable, "-m", "okrs.cli"]


@contextmanager
def okrs_environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A fresh OKRS_HOME; on a PostgreSQL run, also a throwaway database of its own."""
    with process_environment(tmp_path, label="okrs_worker") as env:
        yield env


def run_okrs(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OKRS, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def populate(env: dict[str, str], spec: dict[str, Any]) -> dict[str, Any]:
    """Migrate the database and create what ``spec`` describes; returns the ids made.

    spec: {"organizations": [{"slug", "data_sources": [{"ref", "path"}],
           "key_results": [{"title", "source", "query"} | {"title", "builtin"}]}]}
    A key result with neither "source" nor "builtin" stays unbound.
    returns: {slug: {"key_results": [id, ...], "metrics": [id, ...]}} in the order of the spec.
    """
    done = subprocess.run(
        [sys.executable, __file__, "populate"],
        input=json.dumps(spec),
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_script(env: dict[str, str], action: str, *args: str) -> str:
    """Run ``action`` of this file in a process of its own (Django set up on ``env``)."""
    done = subprocess.run(
        [sys.executable, __file__, action, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def write_parquet(path: Path, rows: int) -> None:
    """A Parquet file of ``rows`` events, written next to its place and moved in at once."""
    import duckdb

    partial = path.with_suffix(".partial")
    with duckdb.connect() as conn:
        conn.execute(
            "copy (select i as id, 'checkout' as kind from range(?) t(i))"
            f" to '{partial}' (format parquet)",
            [rows],
        )
    partial.replace(path)


class Worker:
    """An `okrs worker` process; what it prints goes to a file, shown when a test fails."""

    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.log = log
        self._output = log.open("w")
        self.process = subprocess.Popen(
            [*OKRS, "worker", *args],
            env=env,
            cwd=ROOT,
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        return self.log.read_text()

    def assert_running(self) -> None:
        assert self.process.poll() is None, f"the worker ended early:\n{self.output()}"

    def stop(self, timeout: float = 40) -> int:
        """SIGTERM, then the exit code; fails if the worker does not end within ``timeout``."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(
                f"the worker did not stop within {timeout} s of SIGTERM:\n{self.output()}"
            ) from None
        finally:
            self._output.close()


class Database:
    """Reads of the database the processes under test write, straight in SQL (no Django here)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.url = env.get("DATABASE_URL", "")
        self.sqlite_path = Path(env["OKRS_HOME"]) / "okrs.sqlite3"

    def _rows(self, sql: str) -> list[tuple[Any, ...]]:
        if self.url:
            import psycopg

            with psycopg.connect(self.url) as conn:
                return list(conn.execute(sql).fetchall())
        with sqlite3.connect(self.sqlite_path, timeout=20) as conn:
            return list(conn.execute(sql).fetchall())

    def lease(self, metric_id: int, owner: str) -> None:
        """Lease a metric to ``owner`` for a long time, as a worker measuring it would."""
        sql = (
            "update metrics_metricdefinition set lease_owner = {0},"
            " lease_until = '2999-01-01 00:00:00' where id = {0}"
        )
        if self.url:
            import psycopg

            with psycopg.connect(self.url) as conn:
                conn.execute(sql.format("%s").encode(), (owner, metric_id))
            return
        with sqlite3.connect(self.sqlite_path, timeout=20) as conn:
            conn.execute(sql.format("?"), (owner, metric_id))

    def sync_check_ins(self) -> dict[int, list[tuple[float, dict[str, Any]]]]:
        """Check-ins written by syncs, by key result id: (value, provenance), oldest first."""
        found: dict[int, list[tuple[float, dict[str, Any]]]] = {}
        rows = self._rows(
            "select key_result_id, value, provenance from goals_checkin"
            " where source = 'sync' order by created_at, id"
        )
        for key_result_id, value, provenance in rows:
            if isinstance(provenance, str):
                provenance = json.loads(provenance)
            found.setdefault(key_result_id, []).append((float(value), provenance))
        return found

    def metric_errors(self) -> dict[int, tuple[str, str]]:
        """(error kind, database detail) of each metric whose last run failed, by metric id."""
        rows = self._rows(
            "select id, last_error_kind, last_error from metrics_metricdefinition"
            " where last_error_kind <> ''"
        )
        return {pk: (kind, detail) for pk, kind, detail in rows}


def wait_for(
    what: str, ready: Callable[[], bool], *, timeout: float, worker: Worker | None = None
) -> None:
    """Poll ``ready`` until it holds; fail after ``timeout`` seconds, with the worker's output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        if worker is not None:
            worker.assert_running()
        time.sleep(0.3)
    shown = f"\nworker output:\n{worker.output()}" if worker is not None else ""
    raise AssertionError(f"{what}: not within {timeout} s{shown}")


# The script side: runs in its own process, with Django set up on the environment given. --------


def _populate(spec: dict[str, Any]) -> dict[str, Any]:
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from okrs.goals import services as goals
    from okrs.goals.models import Cycle
    from okrs.metrics.services import data_source_create, metric_bind
    from okrs.workspace import services as workspace
    from okrs.workspace.models import Team
    from okrs.workspace.permissions import Actor

    call_command("migrate", interactive=False, verbosity=0)
    made: dict[str, Any] = {}
    for organization_spec in spec["organizations"]:
        slug = organization_spec["slug"]
        organization = workspace.organization_create(
            slug=slug, name=slug.title(), objectives_per_team=10, max_key_results=20
        )
        actor = Actor.system(organization)
        team = workspace.team_create(actor=actor, name=slug.title(), kind=Team.Kind.COMPANY)
        start = timezone.localdate() - dt.timedelta(days=45)
        cycle = goals.cycle_create(
            actor=actor, name="Now", start=start, end=start + dt.timedelta(days=90)
        )
        goals.cycle_transition(actor=actor, cycle=cycle, status=Cycle.Status.ACTIVE)
        sources = {
            source["ref"]: data_source_create(
                actor=actor,
                name=source["ref"].title(),
                kind="files",
                ref=source["ref"],
                path=source["path"],
            )
            for source in organization_spec.get("data_sources", [])
        }
        key_results, metrics = [], []
        objective = None
        for index, wanted in enumerate(organization_spec["key_results"]):
            if index % 20 == 0:
                objective = goals.objective_create(
                    actor=actor, cycle=cycle, team=team, title=f"Objective {index // 20 + 1}"
                )
            key_result = goals.key_result_create(
                actor=actor, objective=objective, title=wanted["title"], baseline=0, target=1000
            )
            key_results.append(key_result.pk)
            if "source" not in wanted and "builtin" not in wanted:
                continue  # measured by hand
            metric = metric_bind(
                actor=actor,
                key_result=key_result,
                data_source=sources.get(wanted.get("source", "")),
                query=wanted.get("query", ""),
                builtin=wanted.get("builtin", ""),
            )
            metrics.append(metric.pk)
        made[slug] = {"key_results": key_results, "metrics": metrics}
    return made


def _enqueue(metric_ids: list[int]) -> None:
    """Ask the worker for a sync of each metric, as "sync now" does; unknown ids go as they are."""
    from django.db import transaction

    from okrs.metrics import queue
    from okrs.metrics.models import MetricDefinition

    for metric_id in metric_ids:
        metric = MetricDefinition.objects.filter(pk=metric_id).first()
        if metric is None:
            queue.sync_metric(metric_id)  # a metric removed after the request was made
            continue
        with transaction.atomic():
            queue.enqueue_sync(metric)


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "okrs.settings")
    import django

    django.setup()
    action = argv[0]
    if action == "populate":
        print(json.dumps(_populate(json.loads(sys.stdin.read()))))
    elif action == "enqueue":
        _enqueue([int(pk) for pk in argv[1:]])
    else:
        raise SystemExit(f"unknown action {action!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
